/**
 * Sections of a document body. DocumentApp has no section breaks of its own (Apps Script's Body shows none);
 * the Docs API adds them (InsertSectionBreakRequest), and each section may flip the document's page to
 * landscape and set its own margins (SectionStyle). The body keeps its breaks beside its children, each naming
 * the block it starts at, so DocumentApp's child indexes are not disturbed by them.
 * Reference: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#SectionStyle
 */
import type { BlockNode, BodyNode } from './nodes';

export type SectionType = 'CONTINUOUS' | 'NEXT_PAGE';

/** The SectionStyle fields the local Workspace models; a null margin inherits the document's. */
export interface SectionStyleNode {
  sectionType: SectionType;
  flipPageOrientation: boolean;
  marginTop: number | null;
  marginBottom: number | null;
  marginLeft: number | null;
  marginRight: number | null;
}

/** A section break: the section it starts runs from `startsAt` to the next break. */
export interface SectionBreakNode {
  kind: 'SECTION_BREAK';
  startsAt: BlockNode;
  style: SectionStyleNode;
}

/** The style of a document's first section, whose break Docs keeps at index 0. */
export function firstSectionStyle(): SectionStyleNode {
  return {
    sectionType: 'CONTINUOUS',
    flipPageOrientation: false,
    marginTop: null,
    marginBottom: null,
    marginLeft: null,
    marginRight: null,
  };
}

/** The body's first section style, made on first use. */
export function firstSection(body: BodyNode): SectionStyleNode {
  body.firstSection ??= firstSectionStyle();
  return body.firstSection;
}

/**
 * The section breaks still in force, in document order. A break whose block DocumentApp has since removed is
 * dropped, its section joining the one before (the stricter reading: nothing is kept that no block carries).
 */
export function sectionBreaks(body: BodyNode): SectionBreakNode[] {
  const breaks = body.sectionBreaks ?? [];
  if (breaks.length === 0) return [];
  const order = new Map(body.children.map((block, i) => [block, i]));
  return breaks
    .filter((b) => order.has(b.startsAt))
    .sort((a, b) => (order.get(a.startsAt) ?? 0) - (order.get(b.startsAt) ?? 0));
}

/** A section's page: the document's page, turned when the section flips it, with its own margins where set. */
export function sectionPage(
  body: BodyNode,
  style: SectionStyleNode,
): {
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
} {
  const flip = style.flipPageOrientation;
  return {
    pageWidth: flip ? body.pageHeight : body.pageWidth,
    pageHeight: flip ? body.pageWidth : body.pageHeight,
    margins: {
      top: style.marginTop ?? body.marginTop,
      bottom: style.marginBottom ?? body.marginBottom,
      left: style.marginLeft ?? body.marginLeft,
      right: style.marginRight ?? body.marginRight,
    },
  };
}
