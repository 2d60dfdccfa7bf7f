import { LocalLogger } from '../../../local/workspace/Base';
import { Runtime } from '../../../local/workspace/runtime';

describe('Logger and console', () => {
  it('records messages in order, filling placeholders', () => {
    const runtime = new Runtime();
    const logger = new LocalLogger(runtime);
    logger.app.log('Sent %s digests to %s leads', 3, 2);
    logger.app.log({ ref: '1.1' });
    logger.console.warn('quota low', 5);
    expect(logger.messages()).toEqual(['Sent 3 digests to 2 leads', '{"ref":"1.1"}', 'quota low 5']);
    expect(logger.entries.map((e) => e.level)).toEqual(['log', 'log', 'warn']);
    expect(logger.app.getLog()).toBe('Sent 3 digests to 2 leads\n{"ref":"1.1"}\nquota low 5');
    expect(runtime.calls.snapshot()).toMatchObject({ 'Logger.log': 2, 'console.warn': 1 });
  });
});
