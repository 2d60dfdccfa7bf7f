import { BENCH_TODAY, OFFICER_COUNT, PLAN_HEADER, generatePlan } from '../bench/generate';
import { OPERATIONS, runNaive, runOurs } from '../bench/run';
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
