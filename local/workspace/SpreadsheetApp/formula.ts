/**
 * Formulas as the local Workspace knows them: it checks that a formula parses, and evaluates none. A formula
 * that does not parse reads back as the error value Sheets shows, "#ERROR!" (Formula parse error); reading
 * any other formula's value throws not implemented, since the product writes no formulas and a guess would
 * hide one it starts to write. The check uses @borgar/fx, a parser of spreadsheet formulas.
 */
import { parse, tokenize } from '@borgar/fx';
import type { AstExpression } from '@borgar/fx';

/** What Sheets shows (and getValue returns) for a formula it cannot parse; its note says "Formula parse error." */
export const PARSE_ERROR = '#ERROR!';

/** Sheets has no intersection operator: "=A1 B1" is a parse error there, though Excel reads it. */
function usesIntersection(node: AstExpression): boolean {
  const n = node as unknown as { type: string; operator?: string; arguments?: AstExpression[] };
  if (n.type === 'BinaryExpression' && n.operator === ' ') return true;
  return (n.arguments ?? []).some(usesIntersection);
}

/** True when `formula` (with its "=") parses as a spreadsheet formula. */
export function formulaParses(formula: string): boolean {
  try {
    return !usesIntersection(parse(tokenize(formula), { permitArrayRanges: true }));
  } catch {
    return false;
  }
}
