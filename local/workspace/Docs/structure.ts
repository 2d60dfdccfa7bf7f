/**
 * A document as documents.get returns it (the Document resource of the Docs API, v1), built from the node tree
 * DocumentApp edits and the layout's indexes. Only what a selection asks for is built, so reading the start
 * indexes of a 10,000-row table does not build its 10,000 rows.
 * Reference: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents
 */
import type { HAlign, Heading } from '../DocumentApp/enums';
import type { BodyNode, CharStyle, ParagraphNode } from '../DocumentApp/nodes';
import type { SectionStyleNode } from '../DocumentApp/sections';
import type { Selection } from './fields';
import { pick, under } from './fields';
import type { BlockSpan, Layout, SectionBreakSpan, TableSpan } from './layout';

type Json = Record<string, unknown>;

export const pt = (magnitude: number): Json => ({ magnitude, unit: 'PT' });

/** '#e06666' as Docs' OptionalColor (channels 0 to 1). */
export function optionalColor(hex: string): Json {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return {};
  const channel = (at: number): number => parseInt(m[1].slice(at, at + 2), 16) / 255;
  return { color: { rgbColor: { red: channel(0), green: channel(2), blue: channel(4) } } };
}

const NAMED_STYLES: Record<Heading, string> = {
  NORMAL: 'NORMAL_TEXT',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};
export const HEADING_OF_NAMED_STYLE: Record<string, Heading> = Object.fromEntries(
  Object.entries(NAMED_STYLES).map(([heading, named]) => [named, heading as Heading]),
);

const ALIGNMENTS: Record<HAlign, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};
export const HALIGN_OF_ALIGNMENT: Record<string, HAlign> = Object.fromEntries(
  Object.entries(ALIGNMENTS).map(([align, docs]) => [docs, align as HAlign]),
);

function textStyle(style: CharStyle): Json {
  const out: Json = {};
  if (style.bold !== undefined) out.bold = style.bold;
  if (style.italic !== undefined) out.italic = style.italic;
  if (style.underline !== undefined) out.underline = style.underline;
  if (style.strikethrough !== undefined) out.strikethrough = style.strikethrough;
  if (style.fontSize !== undefined) out.fontSize = pt(style.fontSize);
  if (style.fontFamily !== undefined) out.weightedFontFamily = { fontFamily: style.fontFamily, weight: 400 };
  if (style.foregroundColor !== undefined) out.foregroundColor = optionalColor(style.foregroundColor);
  if (style.backgroundColor !== undefined) out.backgroundColor = optionalColor(style.backgroundColor);
  if (style.linkUrl !== undefined) out.link = { url: style.linkUrl };
  return out;
}

function paragraphStyle(node: ParagraphNode): Json {
  const out: Json = { namedStyleType: NAMED_STYLES[node.heading], direction: 'LEFT_TO_RIGHT' };
  if (node.alignment) out.alignment = ALIGNMENTS[node.alignment];
  if (node.spacingBefore !== null) out.spaceAbove = pt(node.spacingBefore);
  if (node.spacingAfter !== null) out.spaceBelow = pt(node.spacingAfter);
  if (node.indentStart !== null) out.indentStart = pt(node.indentStart);
  if (node.indentEnd !== null) out.indentEnd = pt(node.indentEnd);
  if (node.indentFirstLine !== null) out.indentFirstLine = pt(node.indentFirstLine);
  // DocumentApp's multiplier (1.5) is Docs' percentage (150).
  if (node.lineSpacing !== null) out.lineSpacing = node.lineSpacing * 100;
  return out;
}

/** The character styles of a node's text from `from` to `to`, as runs of one style each. */
function runs(node: ParagraphNode, from: number, to: number): { text: string; style: CharStyle }[] {
  const out: { text: string; style: CharStyle; key: string }[] = [];
  for (let i = from; i < to; i++) {
    const style = { ...node.style, ...node.runs[i] };
    const key = JSON.stringify(style);
    const last = out[out.length - 1];
    if (last && last.key === key) last.text += node.text[i];
    else out.push({ text: node.text[i], style, key });
  }
  return out;
}

/**
 * One DocumentApp paragraph as Docs paragraphs: split at each "\n" of its text; the newline ending each takes
 * the style of the character before it; a page break or rule sits after the last one's text.
 */
function paragraphElements(node: ParagraphNode, start: number, sel: Selection): Json[] {
  const out: Json[] = [];
  let from = 0;
  const text = node.text;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl;
    const last = nl === -1;
    const paragraphStart = start + from;
    const elements: Json[] = [];
    let at = paragraphStart;
    const wantElements = under(sel, 'paragraph') !== undefined;
    if (wantElements) {
      const parts = runs(node, from, to);
      for (const run of parts) {
        elements.push({
          startIndex: at,
          endIndex: at + run.text.length,
          // A line break inside a paragraph, "\r" to DocumentApp, is a vertical tab to the Docs API.
          textRun: { content: run.text.replace(/\r/g, '\u000b'), textStyle: textStyle(run.style) },
        });
        at += run.text.length;
      }
      if (last && node.inline) {
        const kind = node.inline === 'PAGE_BREAK' ? 'pageBreak' : 'horizontalRule';
        elements.push({ startIndex: at, endIndex: at + 1, [kind]: { textStyle: {} } });
        at++;
      }
      const endStyle = textStyle(parts.length ? parts[parts.length - 1].style : node.style);
      const tail = elements[elements.length - 1] as { textRun?: { content: string; textStyle: Json } };
      if (
        tail?.textRun &&
        (!last || !node.inline) &&
        JSON.stringify(tail.textRun.textStyle) === JSON.stringify(endStyle)
      ) {
        tail.textRun.content += '\n';
        (tail as Json).endIndex = at + 1;
      } else {
        elements.push({ startIndex: at, endIndex: at + 1, textRun: { content: '\n', textStyle: endStyle } });
      }
    }
    const end = start + (last ? text.length + (node.inline ? 1 : 0) : to) + 1;
    const paragraph: Json = { elements, paragraphStyle: paragraphStyle(node) };
    if (node.kind === 'LIST_ITEM')
      paragraph.bullet = { listId: node.listId ?? '', nestingLevel: node.nesting };
    out.push({ startIndex: paragraphStart, endIndex: end, paragraph });
    if (last) break;
    from = nl + 1;
  }
  return out;
}

function tableJson(span: TableSpan, sel: Selection): Json {
  const node = span.node;
  const table: Json = { rows: node.rows.length, columns: span.columns };
  const rowsSel = under(sel, 'tableRows');
  if (rowsSel !== undefined) {
    const cellsSel = under(rowsSel, 'tableCells');
    const contentSel = cellsSel === undefined ? undefined : under(cellsSel, 'content');
    table.tableRows = span.rows.map((row, r) => ({
      startIndex: row.start,
      endIndex: row.end,
      tableCells:
        cellsSel === undefined
          ? []
          : row.cells.map((cell) => {
              // A merge keeps every cell of the grid (DocumentApp's model, table-cell.ts): the head cell carries
              // its spans. What documents.get gives a cell merged over is not in the reference; it is given here
              // as a plain 1 × 1 cell, the reading that tells a reader least, so a reader must work out what a
              // head cell covers from the head's spans.
              const head = cell.node.rowSpan > 0 && cell.node.colSpan > 0;
              const style: Json = {
                rowSpan: head ? cell.node.rowSpan : 1,
                columnSpan: head ? cell.node.colSpan : 1,
                contentAlignment: 'TOP',
              };
              if (cell.node.background) style.backgroundColor = optionalColor(cell.node.background);
              if (cell.node.verticalAlignment) {
                style.contentAlignment = { TOP: 'TOP', CENTER: 'MIDDLE', BOTTOM: 'BOTTOM' }[
                  cell.node.verticalAlignment
                ];
              }
              return {
                startIndex: cell.start,
                endIndex: cell.end,
                content:
                  contentSel === undefined ? [] : cell.content.flatMap((b) => blockJson(b, contentSel)),
                tableCellStyle: style,
              };
            }),
      tableRowStyle: {
        minRowHeight: pt(node.rows[r].minimumHeight ?? 0),
        ...(r < (node.pinnedHeaderRows ?? 0) ? { tableHeader: true } : {}),
      },
    }));
  }
  table.tableStyle = {
    tableColumnProperties: Array.from({ length: span.columns }, (_, c) => {
      const width = node.columnWidths[c];
      return typeof width === 'number'
        ? { widthType: 'FIXED_WIDTH', width: pt(width) }
        : { widthType: 'EVENLY_DISTRIBUTED' };
    }),
  };
  return table;
}

function blockJson(span: BlockSpan, sel: Selection): Json[] {
  if (span.kind === 'paragraph') return paragraphElements(span.node, span.start, sel);
  const tableSel = under(sel, 'table');
  return [
    {
      startIndex: span.start,
      endIndex: span.end,
      ...(tableSel === undefined ? {} : { table: tableJson(span, tableSel) }),
    },
  ];
}

export function sectionStyleJson(style: SectionStyleNode): Json {
  const out: Json = {
    columnSeparatorStyle: 'NONE',
    contentDirection: 'LEFT_TO_RIGHT',
    sectionType: style.sectionType,
  };
  if (style.flipPageOrientation) out.flipPageOrientation = true;
  if (style.marginTop !== null) out.marginTop = pt(style.marginTop);
  if (style.marginBottom !== null) out.marginBottom = pt(style.marginBottom);
  if (style.marginLeft !== null) out.marginLeft = pt(style.marginLeft);
  if (style.marginRight !== null) out.marginRight = pt(style.marginRight);
  return out;
}

function sectionBreakJson(span: SectionBreakSpan): Json {
  const out: Json = span.sectionBreak === null ? {} : { startIndex: span.start };
  return { ...out, endIndex: span.end, sectionBreak: { sectionStyle: sectionStyleJson(span.style) } };
}

export function documentStyleJson(body: BodyNode): Json {
  return {
    pageSize: { width: pt(body.pageWidth), height: pt(body.pageHeight) },
    marginTop: pt(body.marginTop),
    marginBottom: pt(body.marginBottom),
    marginLeft: pt(body.marginLeft),
    marginRight: pt(body.marginRight),
    pageNumberStart: 1,
  };
}

export interface DocumentMeta {
  readonly documentId: string;
  readonly title: string;
  readonly revisionId: string;
}

/** The Document resource, cut to the selection. */
export function documentJson(meta: DocumentMeta, body: BodyNode, layout: Layout, selection: Selection): Json {
  const doc: Json = { ...meta, suggestionsViewMode: 'SUGGESTIONS_INLINE' };
  const bodySel = under(selection, 'body');
  const contentSel = bodySel === undefined ? undefined : under(bodySel, 'content');
  if (bodySel !== undefined) {
    doc.body = {
      content:
        contentSel === undefined
          ? []
          : layout.content.flatMap((span) =>
              span.kind === 'sectionBreak' ? [sectionBreakJson(span)] : blockJson(span, contentSel),
            ),
    };
  }
  if (under(selection, 'documentStyle') !== undefined) doc.documentStyle = documentStyleJson(body);
  return pick(doc, selection) as Json;
}
