import { PNG } from 'pngjs';
import { documentTree, LocalDocuments } from '../../../local/workspace/DocumentApp';
import { Runtime } from '../../../local/workspace/runtime';
import { LocalUtilities } from '../../../local/workspace/Utilities';

type Blob = GoogleAppsScript.Base.Blob;

/** A small PNG of one colour, as a chart's getBlob() hands the paper one. */
function pngBytes(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return PNG.sync.write(png, { filterType: 0 });
}

function setup() {
  const runtime = new Runtime();
  const docs = new LocalDocuments(runtime);
  const utilities = new LocalUtilities(runtime).app;
  const doc = docs.app.create('Performance Management Action Plan Update');
  const blob = (bytes: Buffer, type = 'image/png', name = 'Actions by status.png'): Blob =>
    utilities.newBlob(Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)), type, name);
  return { docs, doc, body: doc.getBody(), blob, tree: () => documentTree(docs.get(doc.getId())) };
}

describe('Body.appendImage', () => {
  it('adds a paragraph holding the image at its own size, and returns the InlineImage', () => {
    const { body, blob, tree } = setup();
    body.appendParagraph('2.1 The chart shows actions by status.');
    const image = body.appendImage(blob(pngBytes(600, 371)));
    expect(image.getType()).toBe('INLINE_IMAGE');
    expect([image.getWidth(), image.getHeight()]).toEqual([600, 371]);
    expect(image.getParent().getType()).toBe('PARAGRAPH');
    expect(image.getParent().getParent().getType()).toBe('BODY_SECTION');
    expect(body.getNumChildren()).toBe(3);
    const last = tree().children[2];
    expect(last).toMatchObject({ type: 'PARAGRAPH', text: '' });
    expect(last.type === 'PARAGRAPH' && last.images?.[0]).toMatchObject({
      offset: 0,
      contentType: 'image/png',
      width: 600,
      height: 371,
    });
  });

  it('hands the image back as the blob it was given, and refuses to convert it', () => {
    const { body, blob } = setup();
    const bytes = pngBytes(20, 10);
    const image = body.appendImage(blob(bytes));
    const back = image.getBlob();
    expect(back.getContentType()).toBe('image/png');
    expect(Buffer.from(Int8Array.from(back.getBytes()).buffer).equals(bytes)).toBe(true);
    expect(image.getAs('image/png').getContentType()).toBe('image/png');
    expect(() => image.getAs('image/jpeg')).toThrow(
      'Converting from image/png to image/jpeg is not supported.',
    );
  });

  it('inserts an image paragraph before a child, and lists every image in document order', () => {
    const { body, blob } = setup();
    body.appendParagraph('Appendix 1');
    body.appendImage(blob(pngBytes(30, 10)));
    body.insertImage(1, blob(pngBytes(40, 10)));
    expect(body.getImages().map((i) => i.getWidth())).toEqual([40, 30]);
  });

  it('refuses what Docs does not take: other types, empty blobs and images over 25 megapixels', () => {
    const { body, blob } = setup();
    expect(() => body.appendImage(blob(Buffer.from('Ref,Status'), 'text/plain', 'a.csv'))).toThrow(
      'Invalid image data.',
    );
    expect(() => body.appendImage(blob(Buffer.alloc(0)))).toThrow('Invalid image data.');
    // A PNG whose header says 5001 x 5001: the size is read from the header, as Docs reads it.
    const huge = pngBytes(1, 1);
    huge.writeUInt32BE(5001, 16);
    huge.writeUInt32BE(5001, 20);
    expect(() => body.appendImage(blob(huge))).toThrow('Invalid image data.');
    const fits = pngBytes(1, 1);
    fits.writeUInt32BE(5000, 16);
    fits.writeUInt32BE(5000, 20);
    expect(body.appendImage(blob(fits)).getWidth()).toBe(5000);
    expect(() => body.appendImage('chart.png' as unknown as Blob)).toThrow(
      "The parameters (String) don't match the method signature for DocumentApp.Body.appendImage.",
    );
  });

  it('refuses an image once the document is closed', () => {
    const { doc, body, blob } = setup();
    doc.saveAndClose();
    expect(() => body.appendImage(blob(pngBytes(10, 10)))).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
  });
});

describe('Paragraph.appendInlineImage and InlineImage', () => {
  it('places images among the text, which reads as if they were not there', () => {
    const { body, blob, tree } = setup();
    const paragraph = body.appendParagraph('Trend of each status: ');
    paragraph.appendInlineImage(blob(pngBytes(50, 20)));
    paragraph.insertInlineImage(0, blob(pngBytes(10, 10)));
    expect(paragraph.getText()).toBe('Trend of each status: ');
    const block = tree().children[1];
    expect(block.type === 'PARAGRAPH' && block.images?.map((i) => [i.offset, i.width])).toEqual([
      [0, 10],
      [22, 50],
    ]);
    expect(() => paragraph.insertInlineImage(4, blob(pngBytes(5, 5)))).toThrow(
      'Child index (4) must be less than or equal to the number of child elements (3).',
    );
  });

  it('keeps an image in its place as text is typed before it, and drops it when the text is set', () => {
    const { body, blob, tree } = setup();
    const paragraph = body.appendParagraph('Chart');
    paragraph.appendInlineImage(blob(pngBytes(10, 10)));
    paragraph.editAsText().insertText(0, 'Status ');
    const images = () => {
      const block = tree().children[1];
      return block.type === 'PARAGRAPH' ? (block.images ?? []) : [];
    };
    expect(images()[0].offset).toBe('Status Chart'.length);
    paragraph.setText('No chart this time');
    expect(images()).toEqual([]);
  });

  it('sets the size and alternative text the paper shows', () => {
    const { body, blob, tree } = setup();
    const image = body.appendImage(blob(pngBytes(600, 371)));
    image.setWidth(450).setHeight(278).setAltTitle('Actions by status').setAltDescription('Column chart');
    const block = tree().children[1];
    expect(block.type === 'PARAGRAPH' && block.images?.[0]).toMatchObject({
      width: 450,
      height: 278,
      altTitle: 'Actions by status',
      altDescription: 'Column chart',
    });
    expect(image.getAltTitle()).toBe('Actions by status');
    expect(() => image.setWidth('wide' as unknown as number)).toThrow(/InlineImage.setWidth/);
  });

  it('copies an image to append it elsewhere, but refuses one still in the document', () => {
    const { body, blob } = setup();
    const image = body.appendImage(blob(pngBytes(600, 371)));
    const paragraph = body.appendParagraph('Again: ');
    expect(() => paragraph.appendInlineImage(image)).toThrow('Element must be detached.');
    const copy = image.copy();
    expect(copy.getParent()).toBeNull();
    expect(paragraph.appendInlineImage(copy).getWidth()).toBe(600);
    image.removeFromParent();
    expect(body.getImages()).toHaveLength(1);
  });
});
