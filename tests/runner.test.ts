import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { DIST } from '../local/runner/bundle';
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
    expect(lines.join('\n')).toMatch(
      /Imported plan\.tsv: From the Import sheet: Imported: 12 new, 0 updated, 0 unchanged/,
    );
    expect(lines.join('\n')).toMatch(/second run the same day sent 0 more/);
  });

  it('writes the Dashboard: its charts as out/dashboard.png, its figures and pictures in register.xlsx', async () => {
    const png = PNG.sync.read(readFileSync(join(out, 'dashboard.png')));
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4)
      colours.add([0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join(''));
    for (const status of ['e06666', 'ffd966', '93c47d', '6fa8dc'])
      expect([status, colours.has(status)]).toEqual([status, true]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'register.xlsx'));
    const sheet = book.getWorksheet('Dashboard') as ExcelJS.Worksheet;
    expect(sheet.getCell('A5').value).toBe('Status');
    expect(sheet.getImages()).toHaveLength(3);
    const xml = execFileSync('unzip', ['-p', join(out, 'briefing-paper.docx'), 'word/document.xml']).toString(
      'utf8',
    );
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    const owner = readdirSync(join(out, 'emails'))
      .map((name) => readFileSync(join(out, 'emails', name), 'utf8'))
      .find((eml) => /^Subject: Action plan summary/m.test(eml));
    expect(owner).toMatch(/^Content-ID: <statusChart>/m);
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

  /** dist/appsscript.json, as clasp pushes it, without one scope. */
  function manifestWithout(scope: string): string {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    manifest.oauthScopes = manifest.oauthScopes.filter(
      (s) => s !== `https://www.googleapis.com/auth/${scope}`,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'appsscript.json');
    writeFileSync(path, JSON.stringify(manifest));
    return path;
  }

  it('says in plain words which permission a manifest lacks, and exits non-zero', () => {
    const manifest = manifestWithout('script.send_mail');
    const result = cli('--manifest', manifest, '--out', join(out, 'no-mail'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `action-plan-register: The weekly reminder run: the manifest ${manifest} does not grant the permission to send email as you (https://www.googleapis.com/auth/script.send_mail).`,
      `action-plan-register: Previewing my reminder: the manifest ${manifest} does not grant the permission to send email as you (https://www.googleapis.com/auth/script.send_mail).`,
    ]);
    expect(result.stdout).toMatch(/Weekly digest fired .*: 0 emails/);
  });

  it('still writes what it could when the paper cannot be made', async () => {
    const manifest = manifestWithout('documents');
    const dir = join(out, 'no-docs');
    const summary = await runRegister({ out: dir, manifest });
    expect(summary.refused).toEqual([
      `Generating the briefing paper: the manifest ${manifest} does not grant the permission to make Google Docs (https://www.googleapis.com/auth/documents).`,
    ]);
    expect(existsSync(join(dir, 'briefing-paper.docx'))).toBe(false);
    expect(existsSync(join(dir, 'register.csv'))).toBe(true);
    expect(readdirSync(join(dir, 'emails')).length).toBeGreaterThan(0);
  });

  it('refuses a manifest it cannot read with one line', () => {
    const result = cli('--manifest', 'no-such-manifest.json', '--out', join(out, 'unused'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^action-plan-register: cannot read manifest "no-such-manifest.json": /,
    );
  });
});
