// Bundles src/main.ts into dist/Code.js for Apps Script: an IIFE assigned to one named global, then one
// top-level function per exported entry point, because Apps Script only calls top-level functions by name
// (menus, triggers, google.script.run).
import { build } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const GLOBAL_NAME = 'ActionPlanRegister';
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL_NAME,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  charset: 'utf8',
  legalComments: 'inline',
  write: false,
  logLevel: 'warning',
});
const iife = result.outputFiles[0].text;

// Read the entry points off the bundle itself, in a bare context: this also proves the top level makes no
// service calls, since no Google global exists here.
const sandbox = {};
vm.createContext(sandbox);
vm.runInContext(`${iife}\nthis.__entryPoints = Object.keys(${GLOBAL_NAME});`, sandbox);
const entryPoints = sandbox.__entryPoints;
if (!entryPoints.includes('onOpen')) throw new Error('src/main.ts must export onOpen');

const wrappers = entryPoints
  .map((name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`)
  .join('\n');
const code = `${iife}\n// Entry points Apps Script can call by name.\n${wrappers}\n`;
if (/^\s*export\s/m.test(code)) throw new Error('dist/Code.js must not contain an export statement');
writeFileSync(join(dist, 'Code.js'), code);

copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
const htmlDir = join(root, 'src/html');

/**
 * A page's `/* include: NAME.js *\/` line replaced by src/html/scripts/NAME.js at that indent: script shared by
 * pages costs no call at run time (Apps Script's own pattern, an include() scriptlet, costs two a page).
 */
function withIncludes(path) {
  return readFileSync(path, 'utf8').replace(/^( *)\/\* include: ([\w.-]+\.js) \*\/$/gm, (_, indent, name) => {
    const script = join(htmlDir, 'scripts', name);
    if (!existsSync(script)) throw new Error(`${path} includes ${name}, which is not in src/html/scripts`);
    return readFileSync(script, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (line === '' ? line : indent + line))
      .join('\n');
  });
}
try {
  for (const file of readdirSync(htmlDir)) {
    if (file.endsWith('.html')) writeFileSync(join(dist, file), withIncludes(join(htmlDir, file)));
  }
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
// `--quiet` (npm start): the run's own summary is all the officer reads.
if (!process.argv.includes('--quiet')) {
  console.log(`dist/Code.js: ${(code.length / 1024).toFixed(1)} KiB, ${entryPoints.length} entry points`);
}
