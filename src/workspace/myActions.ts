/**
 * My actions: the sidebar where a lead officer updates their own actions (progress, no change this week, a
 * completion with its evidence, an extension request) and the plan owner signs off completions and decides
 * extensions. Every google.script.run call is checked here, whatever the page sent: the caller is the person at
 * the keyboard (Session.getActiveUser), an officer changes only actions whose Lead names them, only the owner
 * decides. Each change goes through settleRows, the edit trigger's own path, under the document lock, and each
 * call reads and writes a fixed number of ranges whatever the size of the register.
 */
import { formatShortUk, fromIsoDate, mondayOf } from '../core/dates';
import { EXTENSION_STATE_LABELS, decideExtension, isOwner, summariseExtensions } from '../core/extensions';
import type { Action, Settings } from '../core/model';
import { isLeadOf, myActionsView, requestedDate, textFrom } from '../core/myActions';
import type { MyActionsView } from '../core/myActions';
import { officerIndex } from '../core/officers';
import { missingPermission, permissionMessage } from '../core/permissions';
import type { RecordedField } from '../core/record';
import { SIGN_OFF_STATE_LABELS, decideSignOff, needsSignOff } from '../core/signoff';
import type { StatusDecision } from '../core/status';
import { cellText } from './cells';
import { settleRows } from './edits';
import type { RowSettled, RowsChanged } from './edits';
import { Ledger } from './extensions';
import type { HistoryLine } from './history';
import { guarded } from './messages';
import { readNoChange, recordNoChange } from './noChange';
import { loadRegister } from './register';
import type { RegisterReading } from './register';
import { readSettings } from './settings';
import { TEXT_COLUMNS } from './setup';
import { SignOffLedger } from './signoff';
import { activeSpreadsheet } from './sheets';
import { Workbook } from './workbook';
import { scriptJson } from './html';
import { whileHolding } from './locks';

const TITLE = 'My actions';
const OWNER_TITLE = 'Awaiting the owner';
/** A sidebar call waits this long for an edit or a refresh to finish with the register. */
const LOCK_WAIT_MS = 10_000;

/** What every change returns: the sidebar's fresh view and what happened, in a sentence. */
export interface MyActionsResult {
  readonly view: MyActionsView;
  readonly message: string;
}

/** The person at the keyboard: google.script.run and menus run as them ('' where Google does not say). */
function caller(): string {
  try {
    return Session.getActiveUser().getEmail().trim();
  } catch (error) {
    const missing = missingPermission(error);
    if (missing) throw new Error(permissionMessage(missing));
    throw error;
  }
}

/** Menu: Action Plan → My actions. */
export function showMyActions(): void {
  guarded(TITLE, () => openSidebar('mine', caller()));
}

/**
 * Menu: Action Plan → Awaiting the owner…: the completions and extensions that wait for the plan owner. Anyone
 * else is told who the owner is.
 */
export function showOwnerDecisions(): void {
  guarded(OWNER_TITLE, () => {
    const me = caller();
    const ss = activeSpreadsheet();
    const { settings } = readSettings(ss, ss.getSpreadsheetTimeZone());
    if (isOwner(me, settings)) {
      openSidebar('owner', me);
      return;
    }
    const owner = settings.ownerEmail.trim();
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      OWNER_TITLE,
      owner === ''
        ? 'Settings name no plan owner yet, so nothing can be signed off or approved: put the owner’s email in ' +
            'Settings (Owner email).'
        : `Only the plan owner, ${owner}, signs off completions and approves extensions. What you have asked ` +
            'for is listed with each of your actions in Action Plan → My actions.',
      ui.ButtonSet.OK,
    );
  });
}

function openSidebar(mode: 'mine' | 'owner', me: string): void {
  const template = HtmlService.createTemplateFromFile('MyActions');
  template.viewJson = scriptJson(viewFor(me, new Workbook()));
  template.modeJson = scriptJson(mode);
  const html = template.evaluate().setTitle(mode === 'owner' ? OWNER_TITLE : TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

function viewFor(me: string, wb: Workbook): MyActionsView {
  const reading = loadRegister(wb);
  const view = myActionsView({ ...reading, signOffs: SignOffLedger.read(wb).all() }, me);
  if (reading.grid.columns.id !== undefined || view.problem !== null) return view;
  // Without the hidden Action ID column no action can be known for sure, so none is offered.
  return {
    ...view,
    problem:
      'The Register has no Action ID column yet: choose Action Plan → Set up or repair register first.',
    actions: [],
    queue: null,
  };
}

/** google.script.run: the sidebar's view for the person at the keyboard. */
export function getMyActions(): MyActionsView {
  return viewFor(caller(), new Workbook());
}

// ---------------------------------------------------------------------------------------------------------
// Acting on one action

interface Acting {
  readonly wb: Workbook;
  readonly reading: RegisterReading;
  readonly settings: Settings;
  readonly me: string;
  readonly index: number;
  readonly action: Action;
  readonly decision: StatusDecision;
}

/** Runs `work` under the document lock, so a sidebar change and an edit never interleave. */
function underLock<T>(work: () => T): T {
  return whileHolding(LockService.getDocumentLock(), LOCK_WAIT_MS, work, () => {
    throw new Error('The register is busy with another change. Nothing was changed: try again in a moment.');
  });
}

/** Finds the action by its id in a fresh reading and runs `work` on it; returns the new view and its message. */
function act(actionId: unknown, work: (a: Acting) => string): MyActionsResult {
  const me = caller();
  if (me === '') {
    throw new Error('Google did not tell the register who you are, so nothing can be changed from here.');
  }
  const id = typeof actionId === 'string' ? actionId.trim() : '';
  const wb = new Workbook();
  const message = underLock(() => {
    const reading = loadRegister(wb);
    const index = id === '' ? -1 : reading.actions.findIndex((a) => a.id === id);
    if (index === -1) {
      throw new Error(
        'That action is no longer in the register (it may have been deleted). Nothing was changed: reopen ' +
          'My actions to see your actions as they are now.',
      );
    }
    return work({
      wb,
      reading,
      settings: reading.settings,
      me,
      index,
      action: reading.actions[index],
      decision: reading.decisions[index],
    });
  });
  // The register and its record are read again; Settings, Officers and the ledgers are as this call left them.
  wb.forget('register');
  wb.forget('record');
  return { view: viewFor(me, wb), message };
}

/** Only the action's lead officers may change it: the Lead cell must name the caller (Officers, by email). */
function asLead(actionId: unknown, work: (a: Acting) => string): MyActionsResult {
  return act(actionId, (a) => {
    if (!isLeadOf(a.me, a.action, officerIndex(a.reading.officers))) {
      throw new Error(
        `Only the lead officers of ${a.action.ref || 'this action'} can update it, and its Lead ` +
          `("${a.action.lead}") does not name you (${a.me}). Nothing was changed.`,
      );
    }
    return work(a);
  });
}

/** Only the plan owner named in Settings decides. */
function asOwner(actionId: unknown, work: (a: Acting) => string): MyActionsResult {
  return act(actionId, (a) => {
    if (!isOwner(a.me, a.settings)) {
      const owner = a.settings.ownerEmail.trim();
      throw new Error(
        owner === ''
          ? 'Settings name no plan owner, so nobody can decide yet. Nothing was changed.'
          : `Only the plan owner (${owner}) can decide this. Nothing was changed.`,
      );
    }
    return work(a);
  });
}

/** A check the page also makes: when the server's fails, nothing is changed and the officer is told why. */
function checked<T>(result: T | { readonly problem: string }): T {
  if (typeof result === 'object' && result !== null && 'problem' in result) {
    throw new Error(`${result.problem} Nothing was changed.`);
  }
  return result;
}

const TEXT_FIELDS = new Set<string>(TEXT_COLUMNS);

/**
 * Writes cells of the action's row, then settles the row as an edit by the caller: the same stamps, History,
 * ledgers and notes as typing them in the sheet.
 */
function change(
  a: Acting,
  cells: Partial<Record<RecordedField, unknown>>,
  extra: Pick<RowsChanged, 'evidence' | 'comment' | 'history' | 'renote'> = {},
): RowSettled {
  const { sheet, columns, width, values } = a.reading.grid;
  const row = a.reading.rows[a.index];
  const written = new Set<RecordedField>();
  for (const [field, value] of Object.entries(cells) as [RecordedField, unknown][]) {
    const column = columns[field];
    if (column === undefined) continue;
    const range = sheet.getRange(row, column + 1);
    // Free text stays as written, even when it starts with "=".
    if (TEXT_FIELDS.has(field)) range.setNumberFormat('@');
    range.setValue(value);
    written.add(field);
  }
  const block = sheet.getRange(row, 1, 1, width).getValues();
  const idColumn = columns.id ?? -1;
  const heldElsewhere = new Set(
    values.slice(1).flatMap((r, i) => (i + 2 === row ? [] : [cellText(r[idColumn])])),
  );
  heldElsewhere.delete('');
  const [settled] = settleRows({
    wb: a.wb,
    sheet,
    columns,
    firstRow: row,
    block,
    heldElsewhere,
    written,
    who: a.me,
    ...extra,
  });
  return settled;
}

const line = (a: Acting, field: string, old: string, now: string): HistoryLine => ({
  ref: a.action.ref,
  field,
  old,
  new: now,
  id: a.action.id,
});

const named = (a: Acting): string => a.action.ref || 'the action';

/** google.script.run: the lead's progress update, as if typed into the Progress cell. */
export function addProgressUpdate(actionId: unknown, progress: unknown): MyActionsResult {
  return asLead(actionId, (a) => {
    const { text } = checked(textFrom(progress, 'Progress update', true));
    if (text === a.action.progress.trim()) {
      return `Nothing changed: the progress of ${named(a)} already says that. To record that there is no change this week, choose No change this week.`;
    }
    change(a, { progress: text });
    return `Progress of ${named(a)} updated and stamped ${formatShortUk(a.wb.today)}.`;
  });
}

/**
 * google.script.run: the lead says there is no change this week. History records it, and the action is not
 * counted stale for the rest of this week (Monday to Sunday); Last updated keeps the day progress last changed.
 */
export function confirmNoChange(actionId: unknown): MyActionsResult {
  return asLead(actionId, (a) => {
    const today = a.wb.today;
    const before = readNoChange(a.wb).get(a.action.id) ?? null;
    if (before !== null && mondayOf(before) === mondayOf(today)) {
      return `No change for ${named(a)} was already recorded this week (${formatShortUk(before)}).`;
    }
    recordNoChange(a.wb, a.action.id, today);
    const week = formatShortUk(mondayOf(today));
    change(
      a,
      {},
      {
        history: [line(a, 'No change this week', '', `No change to the progress for the week of ${week}`)],
        renote: new Set([a.action.id]),
      },
    );
    return `Recorded: no change to ${named(a)} for the week of ${week}.`;
  });
}

/**
 * google.script.run: the lead says the action is complete, with evidence. With sign-off on it waits for the
 * owner (Awaiting sign-off); with it off, or from the owner, it is completed at once, evidence kept.
 */
export function proposeCompletion(actionId: unknown, evidence: unknown): MyActionsResult {
  return asLead(actionId, (a) => {
    const { text } = checked(textFrom(evidence, 'Evidence', true));
    const pending = SignOffLedger.read(a.wb).pending(a.action.id);
    if (pending !== null && needsSignOff(a.me, a.settings)) {
      throw new Error(
        `The completion of ${named(a)} has awaited the owner's sign-off since ${formatShortUk(pending.when)}. Nothing was changed.`,
      );
    }
    const settled = change(a, { status: a.settings.statuses.completed.label }, { evidence: text });
    if (settled.completed)
      return `${named(a)} is completed (${formatShortUk(a.wb.today)}); your evidence is kept.`;
    return `Completion of ${named(a)} proposed: it awaits the plan owner's sign-off.`;
  });
}

/** google.script.run: the lead asks for a later due date, with a reason, into the Extensions ledger. */
export function requestExtension(actionId: unknown, date: unknown, reason: unknown): MyActionsResult {
  return asLead(actionId, (a) => {
    const { text } = checked(textFrom(reason, 'Reason', true));
    const { date: to } = checked(requestedDate(date, a.wb.today, a.decision.dueDate));
    const pending = Ledger.read(a.wb).of(a.action).pending;
    if (pending !== null && pending.to === to) {
      throw new Error(
        `Moving ${named(a)} to ${formatShortUk(to)} already awaits the owner. Nothing was changed.`,
      );
    }
    change(a, { revisedDueDate: fromIsoDate(to, a.reading.timeZone), extensionReason: text });
    const now = Ledger.read(a.wb).of(a.action);
    return now.approvedDate === to
      ? `${named(a)} is now due ${formatShortUk(to)}.`
      : `Your request to move ${named(a)} to ${formatShortUk(to)} awaits the plan owner's approval.`;
  });
}

/** google.script.run: the owner signs off a completion, or returns it with a comment. */
export function decideCompletion(actionId: unknown, decision: unknown, comment: unknown): MyActionsResult {
  return asOwner(actionId, (a) => {
    const { text } = checked(textFrom(comment, 'Comment', false));
    const choice = decision === 'signOff' || decision === 'return' ? decision : null;
    if (choice === null) throw new Error('Choose Sign off or Return. Nothing was changed.');
    const ledger = SignOffLedger.read(a.wb);
    const pending = ledger.pending(a.action.id);
    if (pending === null) {
      throw new Error(`No completion of ${named(a)} awaits sign-off any more. Nothing was changed.`);
    }
    const { entry } = checked(decideSignOff(pending, choice, a.me, a.wb.today, text, a.settings));
    ledger.replace(pending, entry);
    if (choice === 'return') {
      change(
        a,
        {},
        {
          history: [line(a, 'Completion returned', pending.evidence, text)],
          renote: new Set([a.action.id]),
        },
      );
      return `Completion of ${named(a)} returned to ${pending.who || 'its lead'} with your comment.`;
    }
    const cells: Partial<Record<RecordedField, unknown>> = { status: a.settings.statuses.completed.label };
    // Completed on is the day the lead said it was done; the Sign-off ledger keeps the day it was signed off.
    if (a.action.completedOn === null) cells.completedOn = fromIsoDate(pending.when, a.reading.timeZone);
    change(a, cells, {
      comment: text,
      history: [line(a, 'Completion signed off', pending.evidence, text || SIGN_OFF_STATE_LABELS.signedOff)],
      renote: new Set([a.action.id]),
    });
    return `${named(a)} is signed off and completed (${formatShortUk(pending.when)}).`;
  });
}

/**
 * google.script.run: the owner approves an extension request or returns it with a comment (kept in the
 * ledger's Minute column, where a committee minute also goes). `to` is the date the owner saw: a request that
 * changed since is not decided.
 */
export function decideExtensionRequest(
  actionId: unknown,
  to: unknown,
  decision: unknown,
  comment: unknown,
): MyActionsResult {
  return asOwner(actionId, (a) => {
    const { text } = checked(textFrom(comment, 'Comment', false));
    const choice = decision === 'approve' || decision === 'return' ? decision : null;
    if (choice === null) throw new Error('Choose Approve or Return. Nothing was changed.');
    if (choice === 'return' && text === '') {
      throw new Error(
        `Say why the extension of ${named(a)} is returned: the lead sees your comment. Nothing was changed.`,
      );
    }
    const ledger = Ledger.read(a.wb);
    const before = ledger.of(a.action);
    const pending = before.pending;
    if (pending === null || pending.state !== 'awaitingApproval' || pending.to !== to) {
      throw new Error(
        `The extension request of ${named(a)} has changed since the list was shown. Nothing was changed: reopen it.`,
      );
    }
    const { entry } = checked(decideExtension(pending, choice, a.me, a.wb.today, text, a.settings));
    ledger.update(before, summariseExtensions(before.entries.map((e) => (e === pending ? entry : e))));
    const after = ledger.of(a.action);
    const history = [
      line(
        a,
        `Extension ${EXTENSION_STATE_LABELS[entry.state].toLowerCase()}`,
        `${pending.from ? formatShortUk(pending.from) : ''} → ${formatShortUk(pending.to)}`,
        text,
      ),
    ];
    // A returned date leaves the Revised due date cell: it shows the date in force again.
    const inForce = after.approvedDate;
    const revised = a.action.revisedDueDate;
    const cells: Partial<Record<RecordedField, unknown>> =
      choice === 'return' && revised !== inForce
        ? { revisedDueDate: inForce === null ? '' : fromIsoDate(inForce, a.reading.timeZone) }
        : choice === 'approve' && revised !== pending.to
          ? { revisedDueDate: fromIsoDate(pending.to, a.reading.timeZone) }
          : {};
    change(a, cells, { history, renote: new Set([a.action.id]) });
    return choice === 'approve'
      ? `Extension of ${named(a)} to ${formatShortUk(pending.to)} approved.`
      : `Extension of ${named(a)} returned with your comment.`;
  });
}
