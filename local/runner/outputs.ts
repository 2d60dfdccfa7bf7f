/**
 * The folder the local run writes to. It never deletes or overwrites a file it did not write: what it wrote is
 * listed in a manifest in the folder, and only those files are replaced on the next run. A file of the same name
 * that the runner did not write stops the run before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './usage-error';

/** The manifest of the files the last run wrote into the folder. */
export const MANIFEST = '.action-plan-register-files.json';

/** Files every run may write: the emails are added as they are sent. */
export const FIXED_OUTPUTS = [
  'register.xlsx',
  'register.csv',
  'history.csv',
  'import-report.csv',
  'briefing-paper.docx',
  'dashboard.png',
] as const;

export class OutputFolder {
  private readonly previous: ReadonlySet<string>;
  readonly written: string[] = [];

  constructor(readonly dir: string) {
    this.previous = new Set(readManifest(dir));
    const theirs = [...FIXED_OUTPUTS, ...emailsIn(dir)].filter(
      (name) => existsSync(join(dir, name)) && !this.previous.has(name),
    );
    if (theirs.length > 0) {
      throw new UsageError(
        `--out "${dir}" already holds ${theirs.slice(0, 3).join(', ')}${theirs.length > 3 ? ' and more' : ''}, ` +
          'which this runner did not write: nothing was written. Choose another folder, or move those files.',
      );
    }
  }

  /** Removes what the last run wrote (and only that), so no stale email of an earlier run is left behind. */
  clearPrevious(): void {
    for (const name of this.previous) rmSync(join(this.dir, name), { force: true });
  }

  path(name: string): string {
    const path = join(this.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  }

  /** Records a file written through path(); with content, writes it too. */
  wrote(name: string, content?: string): void {
    if (content !== undefined) writeFileSync(this.path(name), content);
    this.written.push(name);
  }

  finish(): void {
    writeFileSync(join(this.dir, MANIFEST), `${JSON.stringify(this.written, null, 2)}\n`);
  }
}

function readManifest(dir: string): string[] {
  try {
    const names: unknown = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

function emailsIn(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'emails')).map((f) => `emails/${f}`);
  } catch {
    return [];
  }
}
