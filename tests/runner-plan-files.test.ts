import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runRegister } from '../local/runner/run';

const ROOT = join(__dirname, '..');
const FIXTURES = join(__dirname, 'fixtures');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'local/runner/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

function register(out: string): Record<string, string>[] {
  const [header, ...rows] = parse(readFileSync(join(out, 'register.csv'), 'utf8')) as string[][];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

describe('the local runner with the files officers have', () => {
  it('imports a Word plan (--plan FILE.docx) from the Google Doc it becomes, through the menu', async () => {
    const out = mkdtempSync(join(tmpdir(), 'register-docx-'));
    const { lines } = await runRegister({ plan: join(FIXTURES, 'docx', '000-progress-appendix.docx'), out });
    expect(lines[0]).toMatch(
      /^Imported 000-progress-appendix\.docx: From the Google Doc “000-progress-appendix”: Imported: 12 new/,
    );
    const rows = register(out);
    expect(rows).toHaveLength(12);
    const rec5 = rows.filter((r) => r.Recommendation === '5. Improve clarity and scope of reporting.');
    // The five actions under the merged cell of recommendation 5, after the one above it the page break split off.
    expect(rec5.map((r) => r.Ref)).toEqual(['5.1', '5.2', '5.3', '5.4', '5.5', '5.6']);
    expect(rows.find((r) => r.Ref === '5.3')?.Progress).toBe(
      '2010 Place Survey abolished by the new Government in August 2010.\nWill continue to report local Viewpoint Survey which is undertaken jointly with other Worcestershire authorities.',
    );
  });

  it('imports an Excel plan (--plan FILE.xlsx) as its first sheet pasted, merged cells filled', async () => {
    const out = mkdtempSync(join(tmpdir(), 'register-xlsx-'));
    const { lines } = await runRegister({ plan: join(FIXTURES, 'xlsx', 'plan.xlsx'), out });
    expect(lines[0]).toMatch(/^Imported plan\.xlsx: From the Import sheet: Imported: 3 new/);
    const rows = register(out);
    expect(rows.map((r) => [r.Ref, r.KLOE, r.Action, r.Lead])).toEqual([
      ['1', 'Setting targets', 'Involve Members, staff and users in setting targets', 'TG'],
      ['2', 'Setting targets', 'Develop a framework for Member involvement', 'JJ, TG'],
      ['3', 'Collating performance data', 'Review data collection', ''],
    ]);
    expect(rows.map((r) => r['Due date'])).toEqual(['2010-06-30', '2010-07-31', '']);
  });

  it('refuses a Word file it cannot read with one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-bad-'));
    const bad = join(dir, 'plan.docx');
    writeFileSync(bad, 'not a Word file');
    const result = cli('--plan', bad, '--out', join(dir, 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(new RegExp(`^action-plan-register: cannot read plan "${bad}": .+$`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a missing Excel file with one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-missing-'));
    const result = cli('--plan', 'no-such-plan.xlsx', '--out', join(dir, 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'action-plan-register: cannot read plan "no-such-plan.xlsx": no such file',
    );
  });
});
