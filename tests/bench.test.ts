import { BENCH_TODAY, OFFICER_COUNT, PLAN_HEADER, generatePlan } from '../bench/generate';
import { COSTS } from '../bench/costModel';
import { OPERATIONS, bench, growthAllowed, markdown, runNaive, runOurs, runTypical } from '../bench/run';
import type { LoadedBundle } from '../local/runner/bundle';
import { importPlan } from '../src/core/import';
import { BLANK_ACTION, DEFAULT_SETTINGS, STATUS_KEYS } from '../src/core/model';
import { splitLead } from '../src/core/officers';
import { decideStatus } from '../src/core/status';
import { registerRows } from './helpers';

describe('the bench generator', () => {
  it('makes 20 officers, each with their own initials and an email', () => {
    const { officers } = generatePlan(20);
    expect(officers).toHaveLength(OFFICER_COUNT);
    expect(new Set(officers.map((o) => o[0])).size).toBe(OFFICER_COUNT);
    expect(new Set(officers.map((o) => o[3])).size).toBe(OFFICER_COUNT);
    for (const [initials, name, , email] of officers) {
      expect(initials).toMatch(/^[A-Z]{2}$/);
      expect(name).not.toBe('');
      expect(email).toMatch(/^[a-z.]+@example\.org$/);
    }
  });

  it('gives every status on the bench day, as the register decides it', () => {
    const plan = generatePlan(20);
    const { actions } = importPlan(plan.grid, { today: BENCH_TODAY, existing: [] });
    expect(actions).toHaveLength(20);
    const keys = actions.map(
      (a) => decideStatus({ ...BLANK_ACTION, ...a, status: a.planStatus }, DEFAULT_SETTINGS, BENCH_TODAY).key,
    );
    expect(keys).toEqual(plan.intended);
    expect(new Set(keys)).toEqual(new Set(STATUS_KEYS));
  });

  it('names several leads on some actions, every one an officer', () => {
    const plan = generatePlan(200);
    const initials = new Set(plan.officers.map((o) => o[0]));
    const lead = PLAN_HEADER.indexOf('Lead');
    const leads = plan.grid.slice(1).map((row) => splitLead(row[lead]));
    expect(leads.filter((l) => l.length >= 2).length).toBeGreaterThan(20);
    expect(leads.filter((l) => l.length === 1).length).toBeGreaterThan(100);
    for (const l of leads) for (const i of l) expect(initials.has(i)).toBe(true);
  });

  it('makes as many actions as asked, with distinct refs, the same each time', () => {
    const plan = generatePlan(1000);
    expect(plan.grid).toHaveLength(1001);
    expect(plan.grid[0]).toEqual([...PLAN_HEADER]);
    expect(new Set(plan.grid.slice(1).map((r) => r[0])).size).toBe(1000);
    expect(generatePlan(1000)).toEqual(plan);
  });
});

describe('the naive baseline does the same work as the register (20 actions)', () => {
  const plan = generatePlan(20);
  const ours = runOurs(plan);
  const naive = runNaive(plan);

  const statuses = (bundle: LoadedBundle): Record<string, unknown> =>
    Object.fromEntries(registerRows(bundle).map((row) => [String(row.Ref), row.Status]));
  const recipients = (bundle: LoadedBundle): string[] =>
    [...new Set(bundle.ws.mail.sent.flatMap((m) => m.to))].sort();

  it('runs every operation in both', () => {
    for (const op of OPERATIONS) {
      expect([op, ours.result[op].status, ours.result[op].detail]).toEqual([op, 'ok', undefined]);
      expect([op, naive.result[op].status, naive.result[op].detail]).toEqual([op, 'ok', undefined]);
    }
  });

  it('writes the same status for every action', () => {
    const written = statuses(ours.bundle);
    expect(Object.keys(written)).toHaveLength(20);
    expect(new Set(Object.values(written))).toEqual(
      new Set(STATUS_KEYS.map((k) => DEFAULT_SETTINGS.statuses[k].label)),
    );
    expect(statuses(naive.bundle)).toEqual(written);
  });

  it('emails the same people: the leads with actions due and the plan owner', () => {
    const people = recipients(ours.bundle);
    expect(people).toContain(ours.bundle.ws.runtime.user);
    expect(people.length).toBeGreaterThan(5);
    expect(recipients(naive.bundle)).toEqual(people);
  });

  it('makes more service calls than the register for the same import and refresh', () => {
    for (const op of ['import', 'refresh'] as const)
      expect(naive.result[op].totalCalls).toBeGreaterThan(10 * ours.result[op].totalCalls);
  });
});

describe('the typical baseline does the same work as the register (20 actions)', () => {
  const plan = generatePlan(20);
  const ours = runOurs(plan);
  const typical = runTypical(plan);

  const statuses = (bundle: LoadedBundle): Record<string, unknown> =>
    Object.fromEntries(registerRows(bundle).map((row) => [String(row.Ref), row.Status]));
  const recipients = (bundle: LoadedBundle): string[] =>
    [...new Set(bundle.ws.mail.sent.flatMap((m) => m.to))].sort();

  it('runs every operation', () => {
    for (const op of OPERATIONS) {
      expect([op, typical.result[op].status, typical.result[op].detail]).toEqual([op, 'ok', undefined]);
    }
  });

  it('writes the same status for every action and emails the same people, once each', () => {
    expect(statuses(typical.bundle)).toEqual(statuses(ours.bundle));
    expect(recipients(typical.bundle)).toEqual(recipients(ours.bundle));
    const sent = typical.bundle.ws.mail.sent.flatMap((m) => m.to);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('reads each sheet once and writes a row at a time', () => {
    const refresh = typical.result.refresh.calls;
    expect(refresh['Range.getValues']).toBe(2);
    expect(refresh['Range.setValues']).toBe(20);
    // The paper: a table row per action, grown cell by cell.
    expect(typical.result.paper.calls['Table.appendTableRow']).toBe(20);
  });
});

describe('the bench report', () => {
  it('allows only mail to grow with the plan: the paper is styled at a constant cost', () => {
    expect(growthAllowed('digest', 'MailApp.sendEmail')).toBe(true);
    expect(growthAllowed('paper', 'TableCell.setAttributes')).toBe(false);
    expect(growthAllowed('paper', 'Table.getCell')).toBe(false);
  });

  it('prices the paper’s Docs API calls, their sub-requests and the cells appendTable writes', () => {
    const ours = runOurs(generatePlan(20)).result.paper;
    expect(ours.calls['Docs.Documents.get']).toBe(1);
    expect(ours.calls['Docs.Documents.batchUpdate']).toBe(1);
    expect(ours.docsRequests).toBeGreaterThan(20);
    expect(ours.docCells).toBeGreaterThan(20 * 8);
    expect(ours.estimateByKind.docsApi).toBeGreaterThan(0);
    expect(ours.estimateByKind.docCell).toBeGreaterThan(0);
  });

  it('cites a source for each cost, or says it is assumed', () => {
    for (const [kind, cost] of Object.entries(COSTS)) {
      expect([kind, cost.assumed || /https:\/\//.test(cost.source)]).toEqual([kind, true]);
      if (cost.assumed)
        expect([kind, cost.source]).toEqual([kind, expect.stringMatching(/assumed|not counted/)]);
    }
  });

  it('sets ours, the typical script and the naive one side by side at each size', async () => {
    const results = await bench({ sizes: [10, 20], write: false });
    expect(new Set(results.runs.map((r) => `${r.system} ${r.actions}`))).toEqual(
      new Set(['ours 10', 'typical 10', 'naive 10', 'ours 20', 'typical 20', 'naive 20']),
    );
    const text = markdown(results);
    expect(text).toContain('| operation | calls ours | calls typical | calls naive |');
    expect(text).toMatch(/\| Paper \| [\d,]+ \| [\d,]+ \| [\d,]+ \|/);
    expect(text).toContain('| docsApi | 500 | **assumed**');
  });
});
