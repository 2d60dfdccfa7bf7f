import {
  isMarkup,
  joinText,
  markupToText,
  plainText,
  readCell,
  valueText,
  withoutListBullets,
} from '../../../src/core/import/text';
import { defuseFormula } from '../../../src/core/text';

describe('a cell that is markup', () => {
  test('is a pasted HTML list or paragraphs, not prose that mentions a tag', () => {
    expect(isMarkup('<ul style="list-style-type: none"> Better integrate data by March 2011. ')).toBe(true);
    expect(isMarkup('<p>Para one</p><p>Para two</p>')).toBe(true);
    expect(isMarkup('for performance management. <ul style="list-style-type: none"> Value for Money')).toBe(
      true,
    );
    expect(isMarkup('fix the <table> layout')).toBe(false);
    expect(isMarkup('<b>Urgent</b>: fix the <table> layout on the intranet')).toBe(false);
    expect(isMarkup('<table> layout needs fixing')).toBe(false);
    expect(isMarkup('Review <br> break and <li>item</li>')).toBe(false);
    expect(isMarkup('x<y>z and <Appendix B>')).toBe(false);
  });

  test('becomes lines of text: list items and paragraphs are lines, entities decoded', () => {
    expect(
      markupToText(
        '<ul style="list-style-type: none"> • Approving Plans &amp; Strategies • Agreeing the Budget ',
      ),
    ).toBe('Approving Plans & Strategies\nAgreeing the Budget');
    expect(markupToText('<p>a) Achieved.</p> <p>b) Ditto</p>')).toBe('a) Achieved.\nb) Ditto');
    expect(markupToText('<p>27 <sup>th</sup> March &#8211; &lt;draft&gt;</p>')).toBe('27 th March – <draft>');
  });
});

describe('list bullets', () => {
  test('are removed only where they mark a list item at the start of a line', () => {
    expect(withoutListBullets('• Policy drafted\n• Consultation done')).toBe(
      'Policy drafted\nConsultation done',
    );
    expect(withoutListBullets('  ✓ Done')).toBe('Done');
    expect(withoutListBullets('Bullet ✓ ticked and ► arrow • dot ■ box')).toBe(
      'Bullet ✓ ticked and ► arrow • dot ■ box',
    );
    expect(withoutListBullets('Tick ✓ means complete; ○ circle')).toBe('Tick ✓ means complete; ○ circle');
    expect(withoutListBullets('- Remove duplicate indicators')).toBe('- Remove duplicate indicators');
  });
});

describe('readCell', () => {
  test('keeps prose exactly as written, spaces, tags, Markdown and entities included', () => {
    for (const text of [
      '  leading and trailing spaces  ',
      'Double  spaces\tand a tab',
      'Write **bold** and *emphasis* and 2**3',
      '# of complaints to fall',
      'Tom &amp; Jerry &pound;5',
      '=SUM(1,2)',
      "'Twas agreed",
    ]) {
      expect(readCell(text)).toEqual({ text, plain: expect.any(String), original: '' });
    }
  });

  test('converts a markup cell and remembers what was written', () => {
    expect(readCell('<p>Para one</p><p>Para two</p>')).toEqual({
      text: 'Para one\nPara two',
      plain: 'Para one Para two',
      original: '<p>Para one</p><p>Para two</p>',
    });
  });

  test('reads a blank or whitespace-only cell as blank, and a Date as its day', () => {
    expect(readCell('   ').text).toBe('');
    expect(readCell(null).text).toBe('');
    expect(valueText(new Date(2011, 2, 31))).toBe('2011-03-31');
    expect(valueText(1.1)).toBe('1.1');
    expect(valueText('a\r\nb')).toBe('a\nb');
  });
});

describe('plainText, for recognising structure only', () => {
  test('drops markup, Markdown headings and emphasis, bullets and extra spacing', () => {
    expect(plainText('<b>RECOMMENDATION 5</b>')).toBe('RECOMMENDATION 5');
    expect(plainText('**PROGRESS with R5**')).toBe('PROGRESS with R5');
    expect(plainText('## GLOSSARY')).toBe('GLOSSARY');
    expect(plainText('  KLOE &amp; Rec.\u00a0 ')).toBe('KLOE & Rec.');
  });
});

describe('joinText', () => {
  test('carries on a sentence with a space, else starts a new line', () => {
    expect(joinText('Ensure performance data is analysed and the information', 'used to improve')).toBe(
      'Ensure performance data is analysed and the information used to improve',
    );
    expect(joinText('Drafted and sent to CMT.', 'Agreed by Cabinet in July.')).toBe(
      'Drafted and sent to CMT.\nAgreed by Cabinet in July.',
    );
    expect(joinText('', 'First')).toBe('First');
  });
});

describe('defuseFormula', () => {
  test('marks text Sheets would read as a formula, or whose apostrophe it would drop, as text', () => {
    expect(['=HYPERLINK("x")', '+44 1562', '-1 vacancy', '@x', "'Twas"].map(defuseFormula)).toEqual([
      `'=HYPERLINK("x")`,
      "'+44 1562",
      "'-1 vacancy",
      "'@x",
      "''Twas",
    ]);
    expect(defuseFormula('Publish the report')).toBe('Publish the report');
    expect(defuseFormula('')).toBe('');
  });
});
