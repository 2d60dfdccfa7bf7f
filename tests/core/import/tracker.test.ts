/**
 * The common internal-audit tracker layout (Ref, Finding, Priority, Agreed management action, Responsible
 * officer, Target date, Revised target date, Status, Progress) imports whole.
 */
import * as path from 'path';
import { readPlanFile } from '../../../local/runner/plan-file';
import { importPlan } from '../../../src/core/import';
import type { Officer } from '../../../src/core/model';
import { byRef, problemsAt, unaccountedCells } from './helpers';

const officer = (initials: string, name: string, jobTitle: string): Officer => ({
  initials,
  name,
  jobTitle,
  email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
  directorate: 'Resources',
  reportsTo: '',
});

const OFFICERS: readonly Officer[] = [
  officer('SP', 'Sunita Patel', 'Revenues Manager'),
  officer('RP', 'Ravi Patel', 'Benefits Manager'),
  officer('HH', 'Helen Hughes', 'Head of HR'),
  officer('PM', 'Peter Moss', 'Payroll Manager'),
  officer('JP', 'Jane Price', 'Procurement Lead'),
  officer('CR', 'Chris Rowe', 'Head of IT'),
  officer('IM', 'Imran Malik', 'ICT Infrastructure Manager'),
  officer('CE', 'Carol Evans', 'Chief Executive'),
  officer('MO', 'Mark Owen', 'Monitoring Officer'),
];

describe('an internal-audit tracker', () => {
  const { grid } = readPlanFile(path.join(__dirname, '../../fixtures/tracker.csv'));
  const result = importPlan(grid, { today: '2024-06-01', officers: OFFICERS });
  const initials = (ref: string): string[] => byRef(result, ref).leads?.officers.map((o) => o.initials) ?? [];

  test('imports every action with its own ref, and loses no cell', () => {
    expect(result.error).toBeNull();
    expect(result.actions.map((a) => a.ref)).toEqual([
      '22 CTAX & NNDR 01',
      '22 CTAX & NNDR 02',
      '23 PAY 01',
      '23 PAY 02',
      '24 PROC 01',
      '24 PROC 02',
      '24 IT 01',
      '24 IT 02',
      '24 GOV 01',
      '24 GOV 02',
      '24 GOV 03',
      '24 HB 01',
      '24 HB 02',
    ]);
    expect(result.extraColumns).toEqual([]);
    expect(result.unknownHeaders).toEqual([]);
    expect(unaccountedCells(grid, result)).toEqual([]);
  });

  test('section rows do not end the plan and are named by row', () => {
    expect(problemsAt(result, 2).join()).toMatch(/Audits reported in 2023\/24.*section heading/);
    expect(problemsAt(result, 8).join()).toMatch(/Audits reported in 2024\/25.*section heading/);
  });

  test('a finding is shown as the KLOE, the issue the action answers, and fills down', () => {
    expect(byRef(result, '23 PAY 01').kloe).toBe('Leavers are not always removed from the payroll promptly.');
    expect(byRef(result, '23 PAY 02').kloe).toBe(byRef(result, '23 PAY 01').kloe);
    expect(byRef(result, '24 IT 02').kloe).toBe('Backups are tested, but the results are not recorded.');
  });

  test('the agreed management action, priority and its grade', () => {
    expect(byRef(result, '24 IT 01')).toMatchObject({
      action: 'Remove local administrator rights from standard user accounts.',
      priority: 'High',
      priorityLevel: 'high',
    });
    expect(result.actions.map((a) => a.priorityLevel).every((p) => p !== null)).toBe(true);
  });

  test('target dates as officers write them, and revised dates kept beside the original', () => {
    expect(byRef(result, '22 CTAX & NNDR 01')).toMatchObject({
      timescale: '31/03/2024',
      dueDate: '2024-03-31',
      revisedDueDate: '2024-09-30',
    });
    expect(byRef(result, '23 PAY 02')).toMatchObject({ dueDate: '2023-10-31', revisedDueDate: '2024-01-31' });
    expect(byRef(result, '23 PAY 01').dueDate).toBe('2023-09-30');
    expect(byRef(result, '24 PROC 01').dueDate).toBe('2024-12-31');
    expect(byRef(result, '24 GOV 01').dueDate).toBe('2024-06-09');
    expect(byRef(result, '24 GOV 03').dueDate).toBe('2025-02-28');
    expect(byRef(result, '24 IT 02')).toMatchObject({
      timescale: 'Quarterly, reported in October and March',
      dueDate: '2024-10-31',
    });
  });

  test('completed and closed actions, and the plan status kept on every action', () => {
    const closures = Object.fromEntries(result.actions.map((a) => [a.ref, a.closure]));
    expect(closures).toMatchObject({
      '22 CTAX & NNDR 02': 'completed',
      '23 PAY 01': 'completed',
      '24 GOV 01': 'completed',
      '24 HB 01': 'completed',
      '24 PROC 02': 'closed',
      '24 GOV 02': 'closed',
      '22 CTAX & NNDR 01': null,
      '23 PAY 02': null,
    });
    expect(byRef(result, '23 PAY 02').planStatus).toBe('Partially implemented');
    expect(problemsAt(result, 6).join()).toMatch(/status “Partially implemented” does not close the action/);
  });

  test('leads by initials, job title, several at once, "Name, Job title" as one, and "S. Patel"', () => {
    expect(initials('22 CTAX & NNDR 01')).toEqual(['SP']);
    expect(initials('22 CTAX & NNDR 02')).toEqual(['RP', 'SP']);
    expect(initials('23 PAY 01')).toEqual(['HH']);
    expect(initials('23 PAY 02')).toEqual(['PM', 'HH']);
    expect(initials('24 IT 02')).toEqual(['CR', 'IM']);
    expect(initials('24 GOV 02')).toEqual(['MO', 'HH']);
    expect(initials('24 HB 01')).toEqual(['SP']);
    expect(initials('24 HB 02')).toEqual(['SP']);
    expect(result.actions.every((a) => a.leads?.unknown.length === 0)).toBe(true);
  });

  test('a progress line with nothing else continues the action above, on a new line', () => {
    expect(byRef(result, '23 PAY 02').progress).toBe(
      'Reconciliation drafted.\nTwo months completed; backlog to clear by January.\n' +
        'Update 12/01/2024: backlog cleared for November, December still open.',
    );
  });
});
