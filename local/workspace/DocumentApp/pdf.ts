/** A minimal PDF of a document: Helvetica text lines, one page per page break or when a page fills up. */
import { type DocBlock, documentTree } from './document-tree';
import type { FakeDocument } from './stored-document';

function pdfLines(blocks: DocBlock[], width: number): string[] {
  const lines: string[] = [];
  const wrap = (text: string, indent = '') => {
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        if (line && (indent + line + ' ' + word).length > width) {
          lines.push(indent + line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(indent + line);
    }
  };
  for (const block of blocks) {
    if (block.type === 'PAGE_BREAK') lines.push('\f');
    else if (block.type === 'HORIZONTAL_RULE') lines.push('-'.repeat(Math.min(width, 60)));
    else if (block.type === 'TABLE') for (const row of block.rows) wrap(row.map((c) => c.text).join(' | '));
    else if (block.type === 'LIST_ITEM') wrap(`- ${block.text}`, '  '.repeat(block.nesting));
    else wrap(block.text);
  }
  return lines;
}

export function renderPdf(doc: FakeDocument): Buffer {
  const tree = documentTree(doc);
  const fontSize = 10;
  const leading = 13;
  const { pageWidth: w, pageHeight: h, margins } = tree;
  const perLine = Math.max(20, Math.floor((w - margins.left - margins.right) / (fontSize * 0.5)));
  const perPage = Math.max(1, Math.floor((h - margins.top - margins.bottom) / leading));
  const pages: string[][] = [[]];
  for (const line of [doc.name, '', ...pdfLines(tree.children, perLine)]) {
    const page = pages[pages.length - 1];
    if (line === '\f' || page.length >= perPage) pages.push([]);
    if (line !== '\f') pages[pages.length - 1].push(line);
  }
  const escape = (s: string) => s.replace(/[\\()]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?');

  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((lines, i) => {
    const stream = [
      'BT',
      `/F1 ${fontSize} Tf`,
      `${leading} TL`,
      `${margins.left.toFixed(2)} ${(h - margins.top).toFixed(2)} Td`,
      ...lines.map((line) => `(${escape(line)}) '`),
      'ET',
    ].join('\n');
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< /Title (${escape(doc.name)}) /Producer (Action Plan Register local Workspace) >>`;

  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
