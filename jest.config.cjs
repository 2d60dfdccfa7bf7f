/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.cjs'],
};
