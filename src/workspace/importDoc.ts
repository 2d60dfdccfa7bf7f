/**
 * Import plan from a Google Doc: the officer pastes the Doc's link; its tables and the paragraphs between them are
 * read into a grid (src/core/docsDocument.ts and planDocument.ts say how) and imported with the rules, report and
 * re-import of the Import sheet. The Doc is only read: nothing here edits it.
 *
 * Service calls: one documents.get of the advanced Docs service, asking only for the text and the merges, then
 * the import's own. DocumentApp would take a call per cell read (about 18 for each row of a plan table).
 */
import { DOCS_PLAN_FIELDS, docsPlanGrid } from '../core/docsDocument';
import type { DocsStructuralElement } from '../core/docsDocument';
import { excerpt } from '../core/import/text';
import { errorMessage, missingPermission } from '../core/permissions';
import { fileIdOf } from '../core/planDocument';
import { importWithQuestions } from './actions';
import { guarded } from './messages';
import { RegisterError } from './register';
import { Workbook } from './workbook';

interface PlanDoc {
  readonly title: string;
  readonly content: readonly DocsStructuralElement[];
}

const TITLE = 'Import plan from a Google Doc';

const ASK =
  'Paste the link of the Google Doc that holds the action plan. A Word file must first be opened in Google Docs ' +
  'and saved as a Google Doc (File › Save as Google Docs). The Doc is only read, never changed.';

const HOW_TO_LINK =
  'In the Doc, choose Share › Copy link, or copy the address from the browser, and paste it here.';

const HOW_TO_OPEN =
  'Check that the Doc is yours or shared with you. If the link is to a Word file, open it in Google Docs, ' +
  'choose File › Save as Google Docs, and paste the link of the new Doc.';

/** Menu: Import plan from a Google Doc… */
export function importPlanFromDoc(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(TITLE, ASK, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const link = answer.getResponseText().trim();
  const id = fileIdOf(link);
  if (id === null) {
    const said = link === '' ? 'No link was pasted' : `“${excerpt(link)}” is not the link of a Google Doc`;
    ui.alert(TITLE, `${said}, so nothing was imported.\n\n${HOW_TO_LINK}`, ui.ButtonSet.OK);
    return;
  }
  guarded(TITLE, () => {
    const opened = readDoc(id);
    if (typeof opened === 'string') {
      const cannot =
        'The Google Doc at that link cannot be opened with your account, so nothing was imported.';
      ui.alert(TITLE, `${cannot}\n\n${HOW_TO_OPEN}\n\nGoogle said: ${opened}`, ui.ButtonSet.OK);
      return;
    }
    const grid = docsPlanGrid(opened.content);
    importWithQuestions(new Workbook(), TITLE, grid, `the Google Doc “${opened.title}”`);
  });
}

/**
 * The Doc, or Google's reason it cannot be read (missing, not a Google Doc, not shared with this officer). By id,
 * not by URL: officers paste Drive links and bare Doc links too.
 */
function readDoc(id: string): PlanDoc | string {
  if (typeof Docs === 'undefined' || !Docs) {
    throw new RegisterError(
      'The Docs advanced service is not enabled for this script (appsscript.json), so no Doc can be read. ' +
        'Nothing was imported.',
    );
  }
  try {
    const doc = Docs.Documents.get(id, { fields: DOCS_PLAN_FIELDS });
    return {
      title: doc.title ?? '',
      content: (doc.body?.content ?? []) as readonly DocsStructuralElement[],
    };
  } catch (error) {
    // A permission the manifest lacks is said as such (guarded), not as a Doc that cannot be opened.
    if (missingPermission(error)) throw error;
    return errorMessage(error);
  }
}
