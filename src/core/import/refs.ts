/**
 * Step 5, refs. A ref the plan gives is kept exactly as written ("1.10", "01", "22 CTAX & NNDR 01"). Otherwise
 * the council's own lettering is kept as "<rec>.<letter>" ("5.a", "2.b.i"), else "<rec>.<n>" ("3.1"), or a plain
 * sequence when the plan has no recommendations. Recommendations without a number are numbered in order of
 * appearance after the highest number given. The same plan always gives the same refs.
 */
import type { Drafts, Draft } from './draft';
import type { Report } from './report';
import { excerpt } from './text';

/** Gives every recommendation with actions a number, reporting those the plan did not number. */
export function numberRecs(drafts: Drafts, report: Report): void {
  const used = drafts.recs.filter((r) => r.actions.length > 0);
  const given = used.reduce((n, r) => (r.number === undefined ? n : Math.max(n, Number(r.number))), 0);
  let highest = given;
  for (const r of used) {
    if (r.number !== undefined) continue;
    r.number = String(++highest);
    // Refs given in the plan need no number; a plan of bare actions is numbered 1, 2, 3: nothing to say.
    if (r.actions.every((d) => (d.text.ref ?? '').trim() !== '')) continue;
    if (r.text === '' && r.kloe === '' && isPlain(drafts)) continue;
    const what = r.text !== '' ? `recommendation “${excerpt(r.text)}”` : 'actions with no recommendation';
    const after = given > 0 ? `after the highest given (${given})` : 'in order of appearance';
    report.add({
      row: r.firstRow,
      problem: `${what} had no number: numbered ${r.number}, ${after}`,
      kept: `refs ${r.number}.1, ${r.number}.2, ...`,
    });
  }
}

function isPlain(drafts: Drafts): boolean {
  return drafts.recs.every(
    (r) => r.kloe === '' && r.text === '' && r.actions.every((d) => d.label === undefined),
  );
}

const refKey = (ref: string): string => ref.trim().toLowerCase();

/** The ref of every draft. */
export function assignRefs(drafts: Drafts, report: Report): Map<Draft, string> {
  const refs = new Map<Draft, string>();
  const taken = new Set<string>();
  for (const d of drafts.all) {
    const given = d.text.ref ?? '';
    if (given.trim() === '') continue;
    if (taken.has(refKey(given)))
      report.add({
        row: d.sourceRows[0],
        problem: `ref “${given}” appears more than once`,
        kept: 'the ref as written',
      });
    taken.add(refKey(given));
    refs.set(d, given);
  }
  for (const d of drafts.all) {
    if (refs.has(d) || d.label === undefined) continue;
    let ref = `${d.rec.number}.${d.label}`;
    for (let k = 2; taken.has(refKey(ref)); k++) ref = `${d.rec.number}.${d.label}-${k}`;
    taken.add(refKey(ref));
    refs.set(d, ref);
  }
  const plain = isPlain(drafts);
  let sequence = 0;
  for (const r of drafts.recs) {
    let n = 0;
    for (const d of r.actions) {
      if (refs.has(d)) continue;
      let ref: string;
      do ref = plain ? String(++sequence) : `${r.number}.${++n}`;
      while (taken.has(refKey(ref)));
      taken.add(refKey(ref));
      refs.set(d, ref);
      if (d.hasRefColumn) report.add({ row: d.sourceRows[0], problem: 'no ref', kept: `numbered ${ref}` });
    }
  }
  return refs;
}
