/** "1 action", "2 actions"; give the plural where adding "s" is wrong ("1 person", "2 people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
