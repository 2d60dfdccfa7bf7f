import { Runtime } from '../../../local/workspace/runtime';
import { LocalProperties, PROPERTY_QUOTA_MESSAGE } from '../../../local/workspace/PropertiesService';

function setup() {
  const runtime = new Runtime();
  const properties = new LocalProperties(runtime);
  return { runtime, properties, PropertiesService: properties.app };
}

describe('Properties', () => {
  it('stores every value as a string and answers null for a missing key', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('lastDigestWeek', 42 as unknown as string);
    props.setProperty('enabled', true as unknown as string);
    expect(props.getProperty('lastDigestWeek')).toBe('42');
    expect(props.getProperty('enabled')).toBe('true');
    expect(props.getProperty('missing')).toBeNull();
  });

  it('shares script properties between calls and keeps stores apart', () => {
    const { PropertiesService } = setup();
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getDocumentProperties().setProperty('k', 'document');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('document');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
  });

  it('gives each user a store of their own', () => {
    const { runtime, PropertiesService } = setup();
    PropertiesService.getUserProperties().setProperty('view', 'mine');
    runtime.as('someone.else@example.org', () =>
      expect(PropertiesService.getUserProperties().getProperty('view')).toBeNull(),
    );
    expect(PropertiesService.getUserProperties().getProperty('view')).toBe('mine');
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    props.setProperties({ b: 2, c: 'x' } as unknown as Record<string, string>);
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: 'x' });
    props.setProperties({ d: '4' }, true);
    expect(props.getKeys()).toEqual(['d']);
  });

  it('getProperties returns a copy', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  it('deletes one property or all of them', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB and a store over 500 KB, leaving the store unchanged', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(props.getProperty('big')).toBeNull();
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`chunk${n++}`, 'y'.repeat(9000));
    }).toThrow(PROPERTY_QUOTA_MESSAGE);
    const total = props.getKeys().reduce((sum, k) => sum + k.length + (props.getProperty(k) ?? '').length, 0);
    expect(total).toBeLessThanOrEqual(500 * 1024);
    // It tripped because the refused value would not fit, not earlier.
    expect(total + `chunk${n - 1}`.length + 9000).toBeGreaterThan(500 * 1024);
  });
});
