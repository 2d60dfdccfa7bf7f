/** PageBreak and HorizontalRule: inline elements that Docs keeps inside a paragraph. */
import type { DocSession } from './document-session';
import type { InlineKind, ParagraphNode } from './nodes';

/** A page break or horizontal rule, which Docs keeps inside a paragraph. */
export class InlineElement {
  constructor(
    private readonly s: DocSession,
    private readonly paragraph: ParagraphNode,
    private readonly kind: InlineKind,
  ) {}

  getType(): string {
    return this.kind;
  }

  getParent(): unknown {
    return this.s.wrap(this.paragraph);
  }

  getAttributes(): Record<string, unknown> {
    return {};
  }

  removeFromParent(): this {
    this.s.edit();
    if (this.paragraph.inline === this.kind) this.paragraph.inline = null;
    return this;
  }
}
