/** Utilities.formatString, which Logger.log uses for its placeholders too. */

/** Utilities.formatString: the sprintf subset Apps Script documents (%s, %d, %i, %f with width/precision). */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdif%])/g,
    (_m, left: string, zero: string, width: string, precision: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      let text: string;
      if (conv === 's') text = String(arg);
      else if (conv === 'f') text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else text = String(Math.trunc(Number(arg)));
      const w = width ? Number(width) : 0;
      if (text.length < w) {
        if (left) text = text + ' '.repeat(w - text.length);
        else if (zero && conv !== 's') {
          const neg = text.startsWith('-');
          const digits = neg ? text.slice(1) : text;
          text = (neg ? '-' : '') + '0'.repeat(w - text.length) + digits;
        } else text = ' '.repeat(w - text.length) + text;
      }
      return text;
    },
  );
}
