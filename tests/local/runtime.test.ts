import { Runtime, expose } from '../../local/workspace/runtime';

/** A fake service whose calls are recorded in `log` as `<execution id>:<method>`. */
function service(runtime: Runtime, log: string[]) {
  const raw = {
    read: () => log.push(`${runtime.execution?.id ?? 0}:read`),
    write: () => log.push(`${runtime.execution?.id ?? 0}:write`),
  };
  return expose<typeof raw>(raw, 'Store', runtime);
}

describe('executions', () => {
  it('runs menu executions as the person at the keyboard and triggers as their owner', () => {
    const runtime = new Runtime();
    const seen = runtime.as('editor@council.example', () => [
      runtime.runAs('menu', () => [runtime.activeUser, runtime.effectiveUser]),
      runtime.runAs(
        'installable',
        () => [runtime.activeUser, runtime.effectiveUser],
        'owner@council.example',
      ),
      runtime.runAs('time', () => [runtime.activeUser, runtime.effectiveUser], 'owner@council.example'),
    ]);
    expect(seen).toEqual([
      ['editor@council.example', 'editor@council.example'],
      ['editor@council.example', 'owner@council.example'],
      ['owner@council.example', 'owner@council.example'],
    ]);
    expect(runtime.execution).toBeNull();
    expect(runtime.kind).toBe('editor');
  });
});

describe('pausing one execution to run another', () => {
  function twoExecutions(point: Parameters<Runtime['pauseAt']>[0]) {
    const runtime = new Runtime();
    const log: string[] = [];
    const store = service(runtime, log);
    const disarm = runtime.pauseAt(point, () => runtime.runAs('menu', () => store.read()));
    runtime.runAs('menu', () => {
      store.read();
      store.write();
      store.write();
    });
    return { log, paused: disarm(), runtime };
  }

  it('pauses after the nth service call', () => {
    expect(twoExecutions({ afterCalls: 2 }).log).toEqual(['1:read', '1:write', '2:read', '1:write']);
  });

  it('pauses before the nth call of a method', () => {
    expect(twoExecutions({ before: 'Store.write', occurrence: 2 }).log).toEqual([
      '1:read',
      '1:write',
      '2:read',
      '1:write',
    ]);
    expect(twoExecutions({ before: 'Store.write' }).log).toEqual(['1:read', '2:read', '1:write', '1:write']);
  });

  it('pauses after the first call of a method', () => {
    expect(twoExecutions({ after: 'Store.read' }).log).toEqual(['1:read', '2:read', '1:write', '1:write']);
  });

  it('pauses once, and says when the point was never reached', () => {
    const { log, paused } = twoExecutions({ before: 'Store.delete' });
    expect(paused).toBe(false);
    expect(log).toEqual(['1:read', '1:write', '1:write']);
  });

  it('keeps the nested execution’s calls out of the first one’s count', () => {
    const runtime = new Runtime();
    const log: string[] = [];
    const store = service(runtime, log);
    const counts: number[] = [];
    runtime.pauseAt({ afterCalls: 1 }, () =>
      runtime.runAs('menu', () => {
        store.read();
        store.read();
        counts.push(runtime.execution?.calls ?? -1);
      }),
    );
    runtime.runAs('menu', () => {
      store.read();
      store.write();
      counts.push(runtime.execution?.calls ?? -1);
    });
    expect(counts).toEqual([2, 2]);
    expect(runtime.calls.total()).toBe(4);
  });
});

describe('scopes', () => {
  it('grants every scope when the manifest names none, and checks nothing the harness reads uncounted', () => {
    const runtime = new Runtime();
    runtime.scopes.declare({ 'Store.*': ['https://www.googleapis.com/auth/spreadsheets'] });
    const store = service(runtime, []);
    expect(() => store.read()).not.toThrow();
    runtime.scopes.grant(['https://www.googleapis.com/auth/documents']);
    expect(() => store.read()).toThrow(
      'Specified permissions are not sufficient to call Store.read. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => runtime.calls.uncounted(() => store.read())).not.toThrow();
  });
});

describe('the clock', () => {
  it('moves on by a wait without waiting, fixed or real', () => {
    const runtime = new Runtime();
    runtime.fixedNow = Date.UTC(2024, 0, 1);
    runtime.advance(30_000);
    expect(runtime.now().toISOString()).toBe('2024-01-01T00:00:30.000Z');
    const real = new Runtime();
    const before = Date.now();
    real.advance(3_600_000);
    expect(real.now().getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
  });
});
