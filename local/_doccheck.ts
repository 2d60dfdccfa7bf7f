import * as OldDoc from '/tmp/oldws/local/workspace/document';
import * as OldRt from '/tmp/oldws/local/workspace/runtime';
import * as NewDoc from './workspace/document';
import * as NewRt from './workspace/runtime';

type Any = any; // eslint-disable-line
function run(Doc: Any, Rt: Any, seed0: number): string[] {
  let seed = seed0;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const log: string[] = [];
  const rt = new Rt.Runtime();
  rt.fixedNow = 0;
  const docs = new Doc.LocalDocuments(rt);
  const app = docs.app;
  const doc = app.create('D');
  const body = doc.getBody();
  const vals: unknown[] = [-1, 0, 1, 2, 3, 1.5, '1', null, undefined, 'x', 12, true, 'HEADING1', 'CENTER', 'NUMBER', '#FF0000', 'red'];
  const elems: Any[] = [body];
  const t = (f: () => unknown) => { try { const r = f(); log.push(typeof r === 'object' && r !== null ? (typeof (r as Any).getType === 'function' ? 'el:' + (r as Any).getType() : JSON.stringify(r)) : String(r)); if (r && typeof r === 'object' && typeof (r as Any).getType === 'function') elems.push(r); } catch (e) { log.push('ERR ' + (e as Error).message); } };
  for (let i = 0; i < 300; i++) {
    const el = pick(elems);
    const type = (() => { try { return el.getType(); } catch { return '?'; } })();
    const byType: Record<string, number[]> = {
      BODY_SECTION: [0, 1, 2, 3, 4, 5, 13, 14, 15, 24, 25],
      TABLE_CELL: [0, 1, 2, 3, 4, 5, 13, 14, 16, 21, 22, 25],
      TABLE: [6, 8, 10, 12, 13, 14, 20, 23, 29, 5],
      TABLE_ROW: [7, 9, 11, 13, 14, 26, 5],
      PARAGRAPH: [13, 14, 17, 18, 19, 24, 25, 28],
      LIST_ITEM: [13, 14, 17, 18, 19, 27, 24],
    };
    const op = pick(byType[type] ?? [13]);
    const v = pick(vals), w = pick(vals);
    log.push(`#${i} ${type} op${op}`);
    switch (op) {
      case 0: t(() => el.appendParagraph(pick(['a', 'bb', v as string]))); break;
      case 1: t(() => el.insertParagraph(v, 'p')); break;
      case 2: t(() => el.appendTable(pick([[['a', 'b'], ['c', 'd']], undefined, [[1]]]))); break;
      case 3: t(() => el.insertTable(v, [['x']])); break;
      case 4: t(() => el.appendListItem('li')); break;
      case 5: t(() => el.getChild(v)); break;
      case 6: t(() => el.insertTableRow(v)); break;
      case 7: t(() => el.insertTableCell(v, pick(['c', undefined, 5]))); break;
      case 8: t(() => el.removeRow(v)); break;
      case 9: t(() => el.removeCell(v)); break;
      case 10: t(() => el.getCell(v, w)); break;
      case 11: t(() => el.getCell(v)); break;
      case 12: t(() => el.getRow(v)); break;
      case 13: t(() => el.getAttributes()); break;
      case 14: t(() => el.setAttributes({ PAGE_WIDTH: v, MARGIN_TOP: w, PADDING_TOP: v, SPACING_BEFORE: pick([v, 3]), BOLD: pick([true, null]), WIDTH: w, MINIMUM_HEIGHT: v, BORDER_WIDTH: w })); break;
      case 15: t(() => el.setPageWidth(v)); break;
      case 16: t(() => el.setPaddingTop(v)); break;
      case 17: t(() => el.setSpacingAfter(v)); break;
      case 18: t(() => el.setHeading(v)); break;
      case 19: t(() => el.setAlignment(v)); break;
      case 20: t(() => el.setBorderColor(v)); break;
      case 21: t(() => el.setBackgroundColor(v)); break;
      case 22: t(() => el.setVerticalAlignment(pick([v, 'TOP', 'BOTTOM']))); break;
      case 23: t(() => el.setColumnWidth(v, w)); break;
      case 24: t(() => el.appendPageBreak()); break;
      case 25: t(() => el.appendHorizontalRule()); break;
      case 26: t(() => el.setMinimumHeight(v)); break;
      case 27: t(() => el.setGlyphType(v)); break;
      case 28: t(() => el.copy && pick(elems).appendTable ? pick(elems).appendTable(el) : null); break;
      case 29: if (rnd() < 0.1) t(() => doc.saveAndClose()); else t(() => el.setBorderWidth(v)); break;
    }
  }
  log.push(JSON.stringify(docs.documents()[0].tree()));
  log.push(JSON.stringify(rt.calls.snapshot()));
  return log;
}
let bad = 0;
for (let s = 1; s <= 1500; s++) {
  const a = run(OldDoc, OldRt, s), b = run(NewDoc, NewRt, s);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) { bad++; if (bad < 15) console.log('seed', s, i, a[i - 1], '\n  old', a[i]?.slice(0, 300), '\n  new', b[i]?.slice(0, 300)); break; }
}
console.log('mismatching seeds', bad);
const sample = run(NewDoc, NewRt, 5);
const ops = sample.filter((l) => !l.startsWith('#'));
console.log('results', ops.length, 'errors', ops.filter((l) => l.startsWith('ERR')).length);
console.log([...new Set(ops.filter((l) => l.startsWith('ERR')))].slice(0, 12).join('\n'));
console.log(sample[sample.length - 1].slice(0, 600));
