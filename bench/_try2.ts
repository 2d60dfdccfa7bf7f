import { importPlan } from '../src/core/importPlan';
import { generatePlan, BENCH_TODAY } from './generate';
const p = generatePlan(10000);
const t = performance.now();
const r = importPlan(p.grid, { today: BENCH_TODAY, existing: [] });
console.log(performance.now() - t, r.actions.length, r.problems.length);
const kinds: Record<string, number> = {};
for (const x of r.problems) { const k = x.problem.replace(/\d+/g, '#').slice(0, 80); kinds[k] = (kinds[k] ?? 0) + 1; }
console.log(kinds);
