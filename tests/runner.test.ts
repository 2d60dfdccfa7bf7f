import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { DIST } from '../local/runner/bundle';
import { HEADER_EXAMPLES } from '../local/runner/help';
import { runRegister } from '../local/runner/run';
import { recogniseHeader } from '../src/core/import';

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
    expect(lines.join('\n')).toMatch(
      /Step 8: the clock moved on 7d; 7 runs of the triggers .* sent 5 emails/,
    );
  });

  it('runs the sample scenario by default: each officer’s edit is in History, with its true old value', () => {
    const [, ...history] = parse(readFileSync(join(out, 'history.csv'), 'utf8')) as string[][];
    const edits = history.filter((h) => !h[1].startsWith('Import plan'));
    expect(edits.map((h) => [h[1], h[2], h[3]])).toEqual([
      ['alex.kendall@example.org', '3.1', 'Progress'],
      ['chris.rowe@example.org', '4.1', 'Reason for extension'],
      ['chris.rowe@example.org', '4.1', 'Revised due date'],
      ['bea.marsh@example.org', '5.1', 'Progress'],
      ['bea.marsh@example.org', '5.2', 'Progress'],
    ]);
    // The pasted block keeps each row's own old progress.
    expect(edits[3][4]).toBe(
      'First report produced and reported to Corporate Resources Scrutiny Committee in July 2010.',
    );
    expect(readFileSync(join(out, 'import-report.csv'), 'utf8').split('\n')[0]).toBe(
      'Row,Column,Problem,What was kept,Text as written',
    );
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
    const result = cli(
      '--plan',
      'local/sample/plan.tsv',
      '--manifest',
      manifest,
      '--out',
      join(out, 'no-mail'),
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `action-plan-register: The weekly reminder run: the manifest ${manifest} does not grant the permission to send email as you (https://www.googleapis.com/auth/script.send_mail).`,
      `action-plan-register: Previewing my reminder: the manifest ${manifest} does not grant the permission to send email as you (https://www.googleapis.com/auth/script.send_mail).`,
    ]);
    expect(result.stdout).toMatch(/Weekly reminders ran .*: 0 emails/);
  });

  it('still writes what it could when the paper cannot be made', async () => {
    const manifest = manifestWithout('documents');
    const dir = join(out, 'no-docs');
    const summary = await runRegister({ out: dir, manifest, plan: join(ROOT, 'local/sample/plan.tsv') });
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

  it('does the whole job on a plan it is given, and no edit nobody asked for', async () => {
    const dir = join(out, 'plan-only');
    const summary = await runRegister({ out: dir, plan: join(ROOT, 'local/sample/plan.tsv') });
    const [, ...history] = parse(readFileSync(join(dir, 'history.csv'), 'utf8')) as string[][];
    expect(history.every((h) => h[1].startsWith('Import plan'))).toBe(true);
    expect(summary.lines.join('\n')).toMatch(
      /Weekly reminders ran 2010-09-06 08:00 \(Europe\/London\): \d+ emails/,
    );
    expect(existsSync(join(dir, 'briefing-paper.docx'))).toBe(true);
  });

  it('never deletes a file it did not write, and refuses to overwrite one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-out-'));
    writeFileSync(join(dir, 'my notes.txt'), 'mine');
    await runRegister({ out: dir });
    await runRegister({ out: dir });
    expect(readFileSync(join(dir, 'my notes.txt'), 'utf8')).toBe('mine');
    const theirs = mkdtempSync(join(tmpdir(), 'register-theirs-'));
    writeFileSync(join(theirs, 'register.csv'), 'mine');
    const result = cli('--out', theirs);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `action-plan-register: --out "${theirs}" already holds register.csv, which this runner did not write: ` +
        'nothing was written. Choose another folder, or move those files.',
    );
    expect(readFileSync(join(theirs, 'register.csv'), 'utf8')).toBe('mine');
  });

  it('fails with a line, and a non-zero exit, when nothing could be imported', () => {
    const result = cli(
      '--plan',
      'tests/fixtures/cases/import/A06_header_only.csv',
      '--out',
      join(out, 'empty'),
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^action-plan-register: nothing was imported from A06_header_only\.csv: /,
    );
  });

  it('reads a Windows-1252 plan without mangling a character, and takes --map for a column it does not know', async () => {
    const dir = join(out, 'cp1252');
    await runRegister({ out: dir, plan: join(ROOT, 'tests/fixtures/cases/import/A02_cp1252.csv') });
    const text = readFileSync(join(dir, 'register.csv'), 'utf8');
    expect(text).not.toContain('\uFFFD');
    const plan = join(mkdtempSync(join(tmpdir(), 'map-')), 'plan.csv');
    writeFileSync(plan, 'Ref,Action,Zork,Target date\n1,Review the scheme,AK,31/03/2025\n');
    const mapped = join(out, 'mapped');
    await runRegister({ out: mapped, plan, map: ['Zork=Lead'] });
    const [header, row] = parse(readFileSync(join(mapped, 'register.csv'), 'utf8')) as string[][];
    expect(row[header.indexOf('Lead')]).toBe('AK');
  });

  it('stops a scenario at a bad step with one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const scenario = join(dir, 'week.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        plan: join(ROOT, 'local/sample/plan.tsv'),
        officers: join(ROOT, 'local/sample/officers.csv'),
        today: '2010-09-06',
        owner: 'policy.officer@example.org',
        steps: [
          { as: 'bea.marsh@example.org', set: { row: { ref: '3.1' }, column: 'Progress', value: 'Done.' } },
          { as: 'bea.marsh@example.org', set: { row: { ref: '9.9' }, column: 'Progress', value: 'Done.' } },
        ],
      }),
    );
    const result = cli('--scenario', scenario, '--out', join(dir, 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('action-plan-register: step 2: no action with ref 9.9 in the Register');
  });

  it('plays weeks of reminders from a scenario: an action coming up before its date, a manager copied in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weeks-'));
    writeFileSync(
      join(dir, 'plan.csv'),
      'Ref,Action,Due date,Lead,Progress\n' +
        '1.1,Publish the framework,30/09/2026,JJ,Drafted.\n' +
        '1.2,Train members,20/10/2026,JJ,Booked.\n',
    );
    writeFileSync(
      join(dir, 'officers.csv'),
      'Initials,Name,Job title,Email,Directorate,Reports to\n' +
        'JJ,Jane Jones,Policy Officer,jane.jones@example.org,Resources,Tom Green\n' +
        'TG,Tom Green,Head of Policy,tom.green@example.org,Resources,\n',
    );
    const owner = 'owner@example.org';
    writeFileSync(
      join(dir, 'weeks.json'),
      JSON.stringify({
        plan: 'plan.csv',
        officers: 'officers.csv',
        today: '2026-10-05',
        owner,
        steps: [{ as: owner, menu: 'Schedule weekly reminders' }, { advance: '35d' }],
      }),
    );
    const weeksOut = join(dir, 'out');
    await runRegister({ scenario: join(dir, 'weeks.json'), out: weeksOut });
    const emails = readdirSync(join(weeksOut, 'emails'))
      .filter((f) => f.includes('jane.jones'))
      .map((f) => readFileSync(join(weeksOut, 'emails', f), 'utf8'));
    const subjects = emails.map((eml) => /^Subject: (.*)$/m.exec(eml)?.[1]);
    // Mondays 5, 12, 19, 26 October and 2 November.
    expect(subjects).toEqual([
      'Action plan: 1 action overdue, 1 to check (week of 5 Oct 2026)',
      'Action plan: 1 action overdue, 1 coming up (week of 12 Oct 2026)',
      'Action plan: 1 action overdue, 1 coming up (week of 19 Oct 2026)',
      'Action plan: 2 actions overdue (week of 26 Oct 2026)',
      'Action plan: 2 actions overdue (week of 2 Nov 2026)',
    ]);
    // 1.1 passes four weeks overdue on 2 November: Tom Green is copied in that week, and only that week.
    expect(emails.map((eml) => /^Cc: (.*)$/m.exec(eml)?.[1] ?? '')).toEqual([
      '',
      '',
      '',
      '',
      'tom.green@example.org',
    ]);
  });

  it('lists every option and the plan headers it understands', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    for (const option of ['--plan', '--scenario', '--map', '--settings', '--owner', '--out', '--manifest'])
      expect(result.stdout).toContain(option);
    expect(result.stdout).toContain('Agreed management action');
  });
});

describe('the headers --help says the import understands', () => {
  it.each(HEADER_EXAMPLES.flatMap(([field, headers]) => headers.map((h) => [h, field])))(
    '"%s" fills %s',
    (header) => {
      expect(recogniseHeader(header)).not.toBeNull();
    },
  );
});
