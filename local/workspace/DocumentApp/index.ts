/** DocumentApp of the local Workspace: what the Workspace, the exporters and the tests use. */
export { LocalDocuments } from './document-app';
export { ContainerElement } from './container-element';
export { A4_HEIGHT, A4_WIDTH, FakeDocument } from './stored-document';
export { documentTree } from './document-tree';
export { DOCUMENT_TOO_LARGE, MAX_DOCUMENT_CHARACTERS } from './document-session';
export type {
  DocBlock,
  DocBody,
  DocCell,
  DocImage,
  DocListItem,
  DocNode,
  DocParagraph,
  DocRun,
  DocSection,
  DocTable,
} from './document-tree';
export { firstSection, firstSectionStyle, sectionBreaks, sectionPage } from './sections';
export type { SectionBreakNode, SectionStyleNode, SectionType } from './sections';
export {
  Attribute,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  TextAlignment,
  VerticalAlignment,
} from './enums';
export type { Glyph, HAlign, Heading, VAlign } from './enums';
export { characterCount } from './nodes';
export type {
  BlockNode,
  BodyNode,
  CharStyle,
  ParagraphNode,
  TableCellNode,
  TableNode,
  TableRowNode,
} from './nodes';
