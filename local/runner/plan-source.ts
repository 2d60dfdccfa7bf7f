/**
 * The plan files officers have, loaded as the register meets them. A Word file (.docx) is what Drive makes of it
 * when the officer opens it in Google Docs: a Google Doc in their Drive, imported with "Import plan from a Google
 * Doc…". An Excel workbook (.xlsx) is its first sheet as displayed, merged cells filled, as an officer copies it
 * into the Import sheet. Anything else is left to the runner's CSV and TSV reading.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { convertDocx } from '../convert/docx';
import type { ConvertedDocument } from '../convert/docx';
import { readXlsx } from '../convert/xlsx';
import type { LoadedBundle } from './bundle';
import { UsageError } from './usage-error';

export const DOC_MENU_ITEM = 'Import plan from a Google Doc…';

/** A Word plan, read as Docs holds it once converted. */
export interface WordPlan {
  readonly name: string;
  readonly document: ConvertedDocument;
}

/** A .docx as the Google Doc it becomes, a .xlsx as the grid an officer pastes; null for any other file. */
export async function readPlanFile(path: string): Promise<WordPlan | string[][] | null> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.docx' && extension !== '.xlsx') return null;
  const bytes = readBytes(path);
  try {
    if (extension === '.docx')
      return { name: basename(path, extname(path)), document: await convertDocx(bytes) };
    const grid = await readXlsx(bytes);
    if (grid.length === 0) throw new UsageError(`plan "${path}" is empty`);
    return grid;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read plan "${path}": ${(error as Error).message.split('\n')[0]}`);
  }
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read plan "${path}": ${code === 'ENOENT' ? 'no such file' : code}`);
  }
}

/**
 * The officer saves the Word plan as a Google Doc in their Drive, chooses the menu item and pastes the Doc's link.
 * Returns what the import said. Other dialogs are agreed to, as the runner's officer does.
 */
export function importWordPlan(bundle: LoadedBundle, plan: WordPlan): string {
  const { ws } = bundle;
  const doc = ws.docs.createFromWord(plan.document, { name: plan.name, owner: ws.runtime.user });
  const agree = (buttons: string) => (/YES/.test(buttons) ? 'YES' : 'OK');
  ws.sheets.ui.respond((dialog) =>
    dialog.kind === 'prompt' ? { button: 'OK', text: doc.url } : { button: agree(dialog.buttons) },
  );
  try {
    bundle.clickMenu(DOC_MENU_ITEM);
  } finally {
    ws.sheets.ui.respond((dialog) => ({ button: agree(dialog.buttons) }));
  }
  return ws.sheets.ui.dialogs.at(-1)?.prompt ?? '';
}
