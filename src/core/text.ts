/** "1 action", "2 actions"; give the plural where adding "s" is wrong ("1 person", "2 people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Text Sheets would not keep as written when a script sets it: "=", "+", "-" or "@" would start a formula,
 * and a leading apostrophe would be taken as the text marker and dropped. The apostrophe added here is that
 * marker: Sheets stores the rest as text.
 */
export function defuseFormula(s: string): string {
  return /^[=+\-@']/.test(s) ? `'${s}` : s;
}
