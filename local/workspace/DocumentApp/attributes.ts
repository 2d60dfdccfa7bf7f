/** getAttributes / setAttributes over the nodes, shared by the element classes. */
import { effective, ParagraphNode, setElementStyle, TEXT_ATTRIBUTES } from './nodes';

/** Attributes common to containers: text attributes apply to every paragraph inside. */
export function applyTextAttributes(paragraphs: ParagraphNode[], attributes: Record<string, unknown>): void {
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    if (name in attributes) for (const p of paragraphs) setElementStyle(p, key, attributes[name]);
  }
}

/** Numeric fields of a node under their attribute names (`names` maps each attribute to its field). */
export function numberAttributes<K extends string>(
  target: Record<K, number | null>,
  names: Readonly<Record<string, K>>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, key] of Object.entries(names)) out[name] = target[key];
  return out;
}

/** setAttributes passes over a numeric attribute that is not a number. */
export function assignNumberAttributes<K extends string>(
  target: Record<K, number | null>,
  names: Readonly<Record<string, K>>,
  attributes: Record<string, unknown>,
): void {
  for (const [name, key] of Object.entries(names)) {
    const value = attributes[name];
    if (typeof value === 'number') target[key] = value;
  }
}

export function uniformTextAttributes(paragraphs: ParagraphNode[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    const values = new Set<unknown>();
    for (const p of paragraphs) {
      if (p.text.length === 0) values.add(p.style[key] ?? null);
      for (let i = 0; i < p.text.length; i++) values.add(effective(p, i)[key] ?? null);
    }
    out[name] = values.size === 1 ? [...values][0] : null;
  }
  return out;
}
