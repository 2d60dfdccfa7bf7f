/**
 * Writes a document of the local Workspace to a real .docx file, so the committee paper a run produced can be
 * opened in Word or uploaded to Drive: headings, bold and italic text, lists, tables with shaded cells, column
 * widths and a repeating header row, page breaks, inline images (the paper's charts), and each section of the
 * document (the Docs API's section breaks) as a Word section with its own page size, orientation and margins.
 */
import { writeFile } from 'node:fs/promises';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ILevelsOptions, IParagraphOptions, ISectionOptions, ParagraphChild } from 'docx';
import { documentTree } from '../workspace/DocumentApp';
import type {
  DocBlock,
  DocImage,
  DocListItem,
  DocParagraph,
  DocRun,
  DocSection,
  DocTable,
  FakeDocument,
  Glyph,
} from '../workspace/DocumentApp';

/** 1 point = 20 twentieths of a point (twips), Word's unit for page and table sizes. */
const twips = (points: number): number => Math.round(points * 20);

/** Word colours are hex without the hash. */
const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();

const HEADINGS: Record<string, IParagraphOptions['heading'] | undefined> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

const ALIGNMENTS = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

const GLYPHS: Record<
  Glyph,
  { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }
> = {
  BULLET: { format: LevelFormat.BULLET, text: () => '\u25CF' },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => '\u25CB' },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => '\u25A0' },
  NUMBER: { format: LevelFormat.DECIMAL, text: (level) => `%${level + 1}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (level) => `%${level + 1}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (level) => `%${level + 1}.` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (level) => `%${level + 1}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (level) => `%${level + 1}.` },
};

function textRun(run: DocRun): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    underline: run.underline || run.linkUrl ? {} : undefined,
    strike: run.strikethrough,
    size: run.fontSize ? run.fontSize * 2 : undefined,
    font: run.fontFamily,
    color: run.foregroundColor ? hex(run.foregroundColor) : run.linkUrl ? '1155CC' : undefined,
    shading: run.backgroundColor
      ? { type: ShadingType.CLEAR, fill: hex(run.backgroundColor), color: 'auto' }
      : undefined,
  });
}

function textChild(run: DocRun): ParagraphChild {
  return run.linkUrl ? new ExternalHyperlink({ link: run.linkUrl, children: [textRun(run)] }) : textRun(run);
}

const IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;

/** An inline picture at the size Docs shows it (pixels at 96 to the inch, as docx takes them). */
function imageRun(image: DocImage): ImageRun {
  return new ImageRun({
    type: IMAGE_TYPES[image.contentType],
    data: image.data,
    transformation: { width: image.width, height: image.height },
    altText: { name: image.altTitle ?? 'Image', title: image.altTitle, description: image.altDescription },
  });
}

/** The paragraph's text runs with its images between them, each image where it sits in the text. */
function runs(block: DocParagraph | DocListItem): ParagraphChild[] {
  const images = block.images ?? [];
  const out: ParagraphChild[] = [];
  let next = 0;
  const imagesUpTo = (offset: number): void => {
    while (next < images.length && images[next].offset <= offset) out.push(imageRun(images[next++]));
  };
  let start = 0;
  for (const run of block.runs) {
    let text = run.text;
    imagesUpTo(start);
    while (next < images.length && images[next].offset < start + text.length) {
      const cut = images[next].offset - start;
      out.push(textChild({ ...run, text: text.slice(0, cut) }));
      text = text.slice(cut);
      start += cut;
      imagesUpTo(start);
    }
    if (text) out.push(textChild({ ...run, text }));
    start += text.length;
  }
  imagesUpTo(Infinity);
  return out;
}

class DocxWriter {
  /** One numbering definition per Docs list, so each numbered list restarts at 1. */
  readonly lists = new Map<string, { reference: string; levels: Map<number, Glyph> }>();

  blocks(blocks: DocBlock[], textWidth: number): (Paragraph | Table)[] {
    return blocks.map((block) => this.block(block, textWidth));
  }

  numbering(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.lists.values()].map((list) => ({
      reference: list.reference,
      levels: Array.from({ length: 9 }, (_, level) => {
        const glyph = GLYPHS[list.levels.get(level) ?? 'BULLET'];
        return {
          level,
          format: glyph.format,
          text: glyph.text(level),
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: twips(36 * (level + 1)), hanging: twips(18) } } },
        };
      }),
    }));
  }

  private block(block: DocBlock, textWidth: number): Paragraph | Table {
    switch (block.type) {
      case 'PAGE_BREAK':
        return new Paragraph({ children: [new PageBreak()] });
      case 'HORIZONTAL_RULE':
        return new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
        });
      case 'TABLE':
        return this.table(block, textWidth);
      case 'LIST_ITEM':
        return new Paragraph({ ...this.paragraphOptions(block), numbering: this.listNumbering(block) });
      case 'PARAGRAPH':
        return new Paragraph({
          ...this.paragraphOptions(block),
          heading: HEADINGS[block.heading],
          style: block.heading === 'SUBTITLE' ? 'Subtitle' : undefined,
        });
    }
  }

  private paragraphOptions(block: DocParagraph | DocListItem): IParagraphOptions {
    return {
      children: runs(block),
      alignment: block.alignment ? ALIGNMENTS[block.alignment] : undefined,
      spacing:
        block.spacingBefore !== undefined || block.spacingAfter !== undefined
          ? {
              before: block.spacingBefore !== undefined ? twips(block.spacingBefore) : undefined,
              after: block.spacingAfter !== undefined ? twips(block.spacingAfter) : undefined,
            }
          : undefined,
      indent: block.indentStart !== undefined ? { left: twips(block.indentStart) } : undefined,
    };
  }

  private listNumbering(item: DocListItem): { reference: string; level: number } {
    let list = this.lists.get(item.listId);
    if (!list) {
      list = { reference: `list-${this.lists.size + 1}`, levels: new Map() };
      this.lists.set(item.listId, list);
    }
    if (!list.levels.has(item.nesting)) list.levels.set(item.nesting, item.glyph);
    return { reference: list.reference, level: item.nesting };
  }

  private table(table: DocTable, textWidth: number): Table {
    const columns = Math.max(1, ...table.rows.map((row) => row.length));
    const fixed = table.columnWidths.filter((w, i): w is number => i < columns && typeof w === 'number');
    const remaining = Math.max(0, textWidth - fixed.reduce((sum, w) => sum + w, 0));
    // Columns without a width share the rest of the text width, as Docs lays them out.
    const share = remaining / Math.max(1, columns - fixed.length);
    const widths = Array.from({ length: columns }, (_, i) => twips(table.columnWidths[i] ?? share));
    const border = {
      style: BorderStyle.SINGLE,
      size: Math.max(1, Math.round(table.borderWidth * 8)),
      color: hex(table.borderColor),
    };
    return new Table({
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            // The header row repeats on every page of a long appendix, and so do rows the Docs API pinned.
            tableHeader: (r === 0 && table.rows.length > 1) || r < table.pinnedHeaderRows,
            height:
              table.minimumHeights[r] !== null && table.minimumHeights[r] !== undefined
                ? { value: twips(table.minimumHeights[r] ?? 0), rule: HeightRule.ATLEAST }
                : undefined,
            children: row.map((cell, c) => {
              const children = this.blocks(cell.children, (cell.width ?? widths[c] / 20) - 10);
              return new TableCell({
                children: children.length ? children : [new Paragraph({})],
                width: {
                  size: cell.width !== undefined ? twips(cell.width) : widths[c],
                  type: WidthType.DXA,
                },
                shading: cell.background
                  ? { type: ShadingType.CLEAR, fill: hex(cell.background), color: 'auto' }
                  : undefined,
                verticalAlign: cell.verticalAlignment
                  ? {
                      TOP: VerticalAlignTable.TOP,
                      CENTER: VerticalAlignTable.CENTER,
                      BOTTOM: VerticalAlignTable.BOTTOM,
                    }[cell.verticalAlignment]
                  : undefined,
              });
            }),
          }),
      ),
    });
  }
}

/** A section's page: docx takes the portrait size and swaps it for landscape. */
function sectionOptions(section: DocSection, children: (Paragraph | Table)[]): ISectionOptions {
  const short = Math.min(section.pageWidth, section.pageHeight);
  const long = Math.max(section.pageWidth, section.pageHeight);
  return {
    properties: {
      type: section.sectionType === 'CONTINUOUS' ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE,
      page: {
        size: {
          width: twips(short),
          height: twips(long),
          orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(section.margins.top),
          bottom: twips(section.margins.bottom),
          left: twips(section.margins.left),
          right: twips(section.margins.right),
        },
      },
    },
    children,
  };
}

/** The .docx bytes of a document. */
export async function docxBuffer(doc: FakeDocument): Promise<Buffer> {
  const tree = documentTree(doc);
  const writer = new DocxWriter();
  const sections = tree.sections.map((section, i) => {
    const blocks = tree.children.slice(section.start, tree.sections[i + 1]?.start ?? tree.children.length);
    const textWidth = section.pageWidth - section.margins.left - section.margins.right;
    return sectionOptions(section, writer.blocks(blocks, textWidth));
  });
  const document = new Document({
    title: tree.name,
    creator: 'Action Plan Register',
    numbering: { config: writer.numbering() },
    sections,
  });
  return Packer.toBuffer(document);
}

export async function writeDocx(doc: FakeDocument, path: string): Promise<void> {
  await writeFile(path, await docxBuffer(doc));
}
