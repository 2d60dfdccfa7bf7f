import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runRegister } from '../local/runner/run';

const ROOT = join(__dirname, '..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'local/runner/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('the local runner (npm start)', () => {
  const out = mkdtempSync(join(tmpdir(), 'register-'));
  let lines: string[] = [];

  beforeAll(async () => {
    ({ lines } = await runRegister({ out }));
  });

  it('writes the register as .xlsx and .csv, one row per action, dates as YYYY-MM-DD', () => {
    expect(existsSync(join(out, 'register.xlsx'))).toBe(true);
    const [header, ...rows] = parse(readFileSync(join(out, 'register.csv'), 'utf8')) as string[][];
    expect(header).toEqual(expect.arrayContaining(['Ref', 'Action', 'Due date', 'Status']));
    expect(rows).toHaveLength(12);
    const due = header.indexOf('Due date');
    expect(rows.map((r) => r[due]).filter((d) => d !== '')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]),
    );
    expect(rows.map((r) => r[header.indexOf('Status')])).toEqual(
      expect.arrayContaining([
        'Overdue',
        'Check Progress',
        'In Progress but not reached due date',
        'Completed',
      ]),
    );
  });

  it('writes the history, the emails and the briefing paper, and says what it did', () => {
    expect(readFileSync(join(out, 'history.csv'), 'utf8').split('\n')[0]).toBe(
      'When,Who,Ref,Field,Old value,New value,Action ID',
    );
    const emails = readdirSync(join(out, 'emails'));
    expect(emails.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'emails', emails[0]), 'utf8')).toMatch(/^Subject: /m);
    expect(existsSync(join(out, 'briefing-paper.docx'))).toBe(true);
    expect(lines.join('\n')).toMatch(/Imported plan\.tsv: Imported 12 actions/);
    expect(lines.join('\n')).toMatch(/second run the same day sent 0 more/);
  });

  it('writes the sample briefing paper with a portrait report and a landscape appendix', () => {
    const xml = execFileSync('unzip', ['-p', join(out, 'briefing-paper.docx'), 'word/document.xml']).toString(
      'utf8',
    );
    const pages = [...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
    expect(pages).toEqual(['portrait', 'landscape']);
    const [report, appendix] = xml.split('w:orient="portrait"');
    expect(report).toContain('Officer Contact Details');
    const heading = 'Appendix 1: Performance Management Action Plan Progress Report</w:t>';
    expect(appendix).toContain(heading);
    expect(report).not.toContain(heading);
  });

  it('refuses a bad option with one line and a non-zero exit', () => {
    const result = cli('--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(/Unknown option '--bogus'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unreadable plan with one line naming the file', () => {
    const result = cli('--plan', 'no-such-plan.csv', '--out', join(out, 'unused'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'action-plan-register: cannot read plan "no-such-plan.csv": no such file',
    );
  });

  it('refuses a day that is not a date', () => {
    const result = cli('--today', '31/12/2026', '--out', join(out, 'unused'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'action-plan-register: --today must be a date as YYYY-MM-DD, not "31/12/2026"',
    );
  });
});
