import {
  MAX_ATTEMPTS,
  afterFailure,
  deliveryProperty,
  formatState,
  openWeeks,
  parseState,
  planDelivery,
  staleProperties,
  statesOf,
  told,
  untoldProblems,
  weekProperty,
  weekSettled,
} from '../../src/core/delivery';
import type { Deliverable, DeliveryState } from '../../src/core/delivery';

const WEEK = '2011-08-15';
const digest = (n: number, to = `officer${n}@example.org`): Deliverable => ({
  key: `digest:${n}`,
  kind: 'digest',
  to,
  due: true,
});
const summary: Deliverable = {
  key: 'summary:owner@example.org',
  kind: 'summary',
  to: 'owner@example.org',
  due: true,
};

const decisions = (plan: { message: Deliverable; decision: string }[]) =>
  plan.map((p) => [p.message.key, p.decision]);

describe('planDelivery: what a run does with each message', () => {
  it('sends what is owed, digests first and the owner’s summary last, within the quota', () => {
    const plan = planDelivery([summary, digest(1), digest(2), digest(3)], new Map(), 2);
    expect(decisions(plan)).toEqual([
      ['digest:1', 'send'],
      ['digest:2', 'send'],
      ['digest:3', 'deferred'],
      ['summary:owner@example.org', 'deferred'],
    ]);
    expect(weekSettled(plan)).toBe(false);
  });

  it('never sends what was sent, or what a run that stopped mid-send may have sent', () => {
    const states = new Map<string, DeliveryState>([
      ['digest:1', { kind: 'sent', at: '2011-08-15T08:01:00Z' }],
      ['digest:2', { kind: 'sending', at: '2011-08-15T08:02:00Z' }],
    ]);
    const plan = planDelivery([digest(1), digest(2), digest(3), summary], states, 100);
    expect(decisions(plan)).toEqual([
      ['digest:1', 'already sent'],
      ['digest:2', 'in doubt'],
      ['digest:3', 'send'],
      ['summary:owner@example.org', 'send'],
    ]);
  });

  it('tries a failed send again first, and gives up after three attempts, never silently', () => {
    const once = afterFailure(undefined, 'Invalid email: x');
    expect(once).toEqual({ kind: 'failed', attempts: 1, reason: 'Invalid email: x' });
    const plan = planDelivery([digest(1), digest(2)], new Map([['digest:2', once]]), 1);
    expect(decisions(plan)).toEqual([
      ['digest:2', 'retry'],
      ['digest:1', 'deferred'],
    ]);
    const third = afterFailure(afterFailure(once, 'again'), 'and again');
    expect(third).toEqual({ kind: 'given up', attempts: MAX_ATTEMPTS, reason: 'and again', told: false });
    expect(decisions(planDelivery([digest(2)], new Map([['digest:2', third]]), 10))).toEqual([
      ['digest:2', 'given up'],
    ]);
  });

  it('owes nothing to an officer with nothing due, and cannot send to one with no address', () => {
    const plan = planDelivery([{ ...digest(1), due: false }, digest(2, '')], new Map(), 10);
    expect(decisions(plan)).toEqual([
      ['digest:1', 'nothing due'],
      ['digest:2', 'no email'],
    ]);
    expect(weekSettled(plan)).toBe(true);
  });

  it('gets 400 officers their digests over four days with a quota of 100, each once', () => {
    const officers = Array.from({ length: 400 }, (_, i) => digest(i + 1));
    const states = new Map<string, DeliveryState>();
    const days: number[] = [];
    for (let day = 0; day < 5 && !weekSettled(planDelivery([...officers, summary], states, 100)); day++) {
      const plan = planDelivery([...officers, summary], states, 100);
      const sent = plan.filter((p) => p.decision === 'send');
      for (const p of sent) states.set(p.message.key, { kind: 'sent', at: `day ${day}` });
      days.push(sent.length);
    }
    expect(days).toEqual([100, 100, 100, 100, 1]);
    expect([...states.values()].every((s) => s.kind === 'sent')).toBe(true);
    expect(states.size).toBe(401);
  });
});

describe('the week’s record in script properties', () => {
  it('keeps each message under its own small property, readable back', () => {
    const state: DeliveryState = { kind: 'failed', attempts: 2, reason: 'Service unavailable' };
    const properties = {
      [deliveryProperty(WEEK, 'digest:ak@example.org')]: formatState(state),
      [deliveryProperty('2011-08-08', 'digest:ak@example.org')]: formatState({ kind: 'sent', at: 'x' }),
      [weekProperty(WEEK)]: 'open',
      [weekProperty('2011-08-08')]: 'done',
      unrelated: 'kept',
    };
    expect(statesOf(properties, WEEK)).toEqual(new Map([['digest:ak@example.org', state]]));
    expect(openWeeks(properties)).toEqual([WEEK]);
    expect(staleProperties(properties, [WEEK])).toEqual([
      deliveryProperty('2011-08-08', 'digest:ak@example.org'),
      weekProperty('2011-08-08'),
    ]);
    expect(Math.max(...Object.values(properties).map((v) => v.length))).toBeLessThan(200);
  });

  it('reads a damaged state as in doubt, never as not sent', () => {
    expect(parseState('{not json')).toEqual({ kind: 'sending', at: '' });
    expect(parseState(null)).toBeNull();
  });

  it('names to the owner, once, what may have gone and what could not go', () => {
    const states = new Map<string, DeliveryState>([
      ['digest:1', { kind: 'sending', at: 'x' }],
      ['digest:2', { kind: 'given up', attempts: 3, reason: 'Invalid email', told: false }],
      ['digest:3', { kind: 'sent', at: 'x' }],
    ]);
    const problems = untoldProblems(states, (key) => `${key}@example.org`);
    expect(problems.map((p) => p.key)).toEqual(['digest:1', 'digest:2']);
    expect(problems[1].problem).toBe('it could not be sent (3 attempts): Invalid email');
    for (const p of problems) states.set(p.key, told(states.get(p.key) as DeliveryState));
    expect(untoldProblems(states, String)).toEqual([]);
    expect(states.get('digest:1')).toEqual({ kind: 'in doubt', at: 'x', told: true });
  });
});
