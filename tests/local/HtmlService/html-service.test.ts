import { LocalHtml } from '../../../local/workspace/HtmlService';
import { Runtime } from '../../../local/workspace/runtime';

const files = {
  PaperDialog: [
    '<h1><?= title ?></h1>',
    '<div><?!= summaryHtml ?></div>',
    '<ul><? for (var i = 0; i < actions.length; i++) { ?><li><?= actions[i] ?></li><? } ?></ul>',
  ].join('\n'),
  Plain: '<p>Static <?= notEvaluated ?></p>',
};

function html() {
  const runtime = new Runtime();
  const local = new LocalHtml(runtime, files);
  return { runtime, local, HtmlService: local.app };
}

describe('templates', () => {
  it('escapes <?= ?>, prints <?!= ?> raw and runs <? ?> scriptlets', () => {
    const { HtmlService } = html();
    const template = HtmlService.createTemplateFromFile('PaperDialog');
    template.title = 'Overdue & <Check Progress>';
    template.summaryHtml = '<b>3 overdue</b>';
    template.actions = ['Review "data" collection', "Lead's update"];
    const content = template.evaluate().getContent();
    expect(content).toContain('<h1>Overdue &amp; &lt;Check Progress&gt;</h1>');
    expect(content).toContain('<div><b>3 overdue</b></div>');
    expect(content).toContain('<li>Review &quot;data&quot; collection</li><li>Lead&#39;s update</li>');
  });

  it('fails evaluation when the template uses data the script did not assign', () => {
    const { HtmlService } = html();
    const template = HtmlService.createTemplateFromFile('PaperDialog');
    template.title = 'x';
    expect(() => template.evaluate()).toThrow(/summaryHtml is not defined/);
  });

  it('finds files by name with or without the .html extension', () => {
    const { HtmlService } = html();
    expect(HtmlService.createHtmlOutputFromFile('Plain').getContent()).toBe(files.Plain);
    expect(HtmlService.createHtmlOutputFromFile('Plain.html').getContent()).toBe(files.Plain);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('lets scriptlets reach the globals the runner provides', () => {
    const { HtmlService, local } = html();
    local.globals = () => ({ planName: () => 'Performance Management Action Plan' });
    const output = HtmlService.createTemplate('<title><?= planName() ?></title>').evaluate();
    expect(output.getContent()).toBe('<title>Performance Management Action Plan</title>');
  });
});

describe('HtmlOutput', () => {
  it('keeps title, size, modes, meta tags and appended content', () => {
    const { HtmlService } = html();
    const output = HtmlService.createHtmlOutput('<p>Paper created</p>')
      .setTitle('Committee paper')
      .setWidth(400)
      .setHeight(300)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .append('<a href="#">Open</a>');
    expect(output.getTitle()).toBe('Committee paper');
    expect(output.getWidth()).toBe(400);
    expect(output.getHeight()).toBe(300);
    expect(output.getContent()).toBe('<p>Paper created</p><a href="#">Open</a>');
    expect(output.getMetaTags().map((tag) => [tag.getName(), tag.getContent()])).toEqual([
      ['viewport', 'width=device-width'],
    ]);
    expect(() => output.addMetaTag('description', 'x')).toThrow('Meta tag name is not allowed: description');
  });

  it('counts calls by service and method', () => {
    const { HtmlService, runtime } = html();
    const template = HtmlService.createTemplateFromFile('Plain');
    template.notEvaluated = 'now evaluated';
    template.evaluate().setTitle('t');
    const calls = runtime.calls.snapshot();
    expect(calls['HtmlService.createTemplateFromFile']).toBe(1);
    expect(calls['HtmlTemplate.evaluate']).toBe(1);
    expect(calls['HtmlOutput.setTitle']).toBe(1);
    const untyped = HtmlService as unknown as Record<string, () => void>;
    expect(() => untyped.getUserAgent()).toThrow(
      'not implemented in the local Workspace: HtmlService.getUserAgent',
    );
  });
});
