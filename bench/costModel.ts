/**
 * What a service call costs on Google, to turn the counted calls of a run in the local Workspace into an
 * estimate of its time in Apps Script. Each figure names its source; a figure nobody has published is marked
 * assumed, with the value chosen. Estimates are for comparing designs and spotting the 6-minute limit, not
 * promises: Google's latency varies from run to run.
 */

export interface Cost {
  /** Milliseconds per call (or per cell, for cellMoved). */
  readonly ms: number;
  /** Where the figure comes from, or why it was chosen. */
  readonly source: string;
  /** True when no published measurement backs the figure. */
  readonly assumed: boolean;
}

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';
const TRANSCRIPT = 'https://pastebin.com/VzZLHRrM';
const PROPERTIES_TIMING = 'https://ziritione.org/post/apps_script_performance';
const MAIL_TIMING = 'https://sites.google.com/quickfixters.com/add-onsuniverse/faq';
const DOCS_BATCH = 'https://developers.google.com/docs/api/how-tos/batch';

/** Google stops an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXECUTION_LIMIT_SOURCE = `${QUOTAS} (Current limitations: script runtime 6 min / execution)`;
/** Daily email recipients: consumer (gmail.com) and Google Workspace accounts. */
export const MAIL_RECIPIENTS_PER_DAY = { consumer: 100, workspace: 1500 } as const;
export const MAIL_QUOTA_SOURCE = `${QUOTAS} (Email recipients per day: 100 consumer, 1,500 Workspace)`;

/** The kinds of call the model prices; every counted `Service.method` falls in exactly one. */
export type CostKind =
  | 'execution'
  | 'rangeCall'
  | 'cellMoved'
  | 'metadata'
  | 'structureWrite'
  | 'insertSheet'
  | 'local'
  | 'userWait'
  | 'sendEmail'
  | 'mailQuota'
  | 'propertyRead'
  | 'propertyWrite'
  | 'lock'
  | 'triggerRead'
  | 'triggerCreate'
  | 'docCreate'
  | 'docOpenOrSave'
  | 'docExport'
  | 'docElement'
  | 'docCell'
  | 'docsApi'
  | 'docsRequest'
  | 'driveCall'
  | 'html'
  | 'other';

export const COSTS: Readonly<Record<CostKind, Cost>> = {
  execution: {
    ms: 500,
    source: 'assumed: start-up of one execution (loading the script and its services)',
    assumed: true,
  },
  rangeCall: {
    ms: 7,
    source:
      `${BEST_PRACTICES}: setting 10,000 cells one call each takes about 70 s (the batched version 1 s), ` +
      'i.e. about 7 ms per Range call, with Google’s write cache already helping',
    assumed: false,
  },
  cellMoved: {
    ms: 0.1,
    source:
      `${BEST_PRACTICES}: the batched version moves 10,000 cells in about 1 s, so at most 0.1 ms per cell ` +
      'of a getValues/setValues-style call (added to the call’s own cost)',
    assumed: false,
  },
  metadata: {
    ms: 1,
    source:
      `${TRANSCRIPT}: an Apps Script execution transcript logs getActiveSpreadsheet, getActiveSheet and ` +
      'getRange at 0 s (1 ms resolution); 1 ms assumed for such metadata reads',
    assumed: true,
  },
  structureWrite: {
    ms: 7,
    source: 'assumed: a structural or format change to a sheet costs one round trip, as a Range call',
    assumed: true,
  },
  insertSheet: { ms: 200, source: 'assumed: adding a sheet to the spreadsheet', assumed: true },
  local: {
    ms: 0,
    source:
      'assumed: builders (newDataValidation, newTrigger, menus), Utilities, Session and logging run inside ' +
      'the script without a round trip',
    assumed: true,
  },
  userWait: {
    ms: 0,
    source: 'not counted: Ui.alert waits for the user to click, which is not script time',
    assumed: true,
  },
  sendEmail: {
    ms: 1000,
    source:
      `assumed: 1 s per MailApp.sendEmail; the nearest published figure is about 1.2 s for a 100 KB ` +
      `message (${MAIL_TIMING}); digests are a few KB`,
    assumed: true,
  },
  mailQuota: { ms: 20, source: 'assumed: MailApp.getRemainingDailyQuota', assumed: true },
  propertyRead: {
    ms: 30,
    source: `${PROPERTIES_TIMING}: ScriptProperties.getProperty averages 30 ms over 100 runs`,
    assumed: false,
  },
  propertyWrite: {
    ms: 62,
    source: `${PROPERTIES_TIMING}: ScriptProperties.setProperty averages 62 ms over 100 runs`,
    assumed: false,
  },
  lock: { ms: 50, source: 'assumed: LockService tryLock/waitLock/releaseLock uncontended', assumed: true },
  triggerRead: { ms: 100, source: 'assumed: ScriptApp.getProjectTriggers', assumed: true },
  triggerCreate: { ms: 500, source: 'assumed: creating or deleting an installable trigger', assumed: true },
  docCreate: { ms: 1500, source: 'assumed: DocumentApp.create (a new Drive file)', assumed: true },
  docOpenOrSave: {
    ms: 1000,
    source: 'assumed: DocumentApp.openById or Document.saveAndClose',
    assumed: true,
  },
  docExport: { ms: 3000, source: 'assumed: Document.getAs (PDF conversion)', assumed: true },
  docElement: {
    ms: 10,
    source:
      'assumed: one call on a Docs element (appendParagraph, appendTableRow, appendTableCell, getCell, ' +
      'setAttributes); no published per-call figure was found',
    assumed: true,
  },
  docCell: {
    ms: 0.5,
    source:
      'assumed: each cell a single Body.appendTable writes, added to the call’s own cost (a 10,000-row table is ' +
      'not one round trip’s work); five times a spreadsheet cell moved by setValues, as a Doc cell is a ' +
      'paragraph with its markers; no published per-cell figure was found',
    assumed: true,
  },
  docsApi: {
    ms: 500,
    source:
      'assumed: one request of the Docs advanced service (Docs.Documents.get or batchUpdate), a REST round trip ' +
      'with the document loaded on Google’s side; no published figure was found',
    assumed: true,
  },
  docsRequest: {
    ms: 0.5,
    source:
      `assumed: each sub-request of a documents.batchUpdate, applied in order on the server in the one round ` +
      `trip (${DOCS_BATCH}: "Each batch request, including all subrequests, is counted as one API request")`,
    assumed: true,
  },
  driveCall: {
    ms: 300,
    source: 'assumed: one Drive advanced-service request (Files.get/create/update)',
    assumed: true,
  },
  html: { ms: 20, source: 'assumed: HtmlService template evaluation', assumed: true },
  other: {
    ms: 7,
    source: 'assumed: any other service call costs one round trip, as a Range call',
    assumed: true,
  },
};

/** Range methods that move a whole grid of cells in one call: their cells are priced with cellMoved too. */
export const GRID_METHODS: readonly string[] = [
  'getValues',
  'setValues',
  'getDisplayValues',
  'getFormulas',
  'setFormulas',
  'getNotes',
  'setNotes',
  'getBackgrounds',
  'setBackgrounds',
  'getFontColors',
  'setFontColors',
  'getFontWeights',
  'setFontWeights',
  'getNumberFormats',
  'setNumberFormats',
  'getDataValidations',
  'setDataValidations',
];

const LOCAL_SERVICES = new Set([
  'DataValidationBuilder',
  'ConditionalFormatRuleBuilder',
  'TriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'ClockTriggerBuilder',
  'Menu',
  'Utilities',
  'Session',
  'User',
  'Logger',
  'console',
  'PropertiesService',
  'LockService',
  'Blob',
]);
const DOC_ELEMENTS = new Set([
  'Body',
  'Paragraph',
  'ListItem',
  'Table',
  'TableRow',
  'TableCell',
  'Text',
  'HorizontalRule',
  'PageBreak',
  'InlineImage',
]);

/** Which kind of cost a counted `Service.method` is. */
export function kindOf(key: string): CostKind {
  const dot = key.indexOf('.');
  const service = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (service === 'Ui') return method === 'createMenu' ? 'local' : 'userWait';
  if (LOCAL_SERVICES.has(service)) return 'local';
  if (service === 'SpreadsheetApp') return 'local';
  if (service === 'Range')
    return /^(get|set|clear|protect|merge|insert|delete|sort|copy)/.test(method) &&
      !/^(getRow|getColumn|getNum|getSheet|getA1Notation|getLastRow|getLastColumn|getGridId)/.test(method)
      ? 'rangeCall'
      : 'metadata';
  if (service === 'Sheet' || service === 'Spreadsheet' || service === 'Protection') {
    if (method === 'insertSheet') return 'insertSheet';
    return /^(get|is|has|find)/.test(method) ? 'metadata' : 'structureWrite';
  }
  if (service === 'MailApp')
    return method === 'sendEmail' ? 'sendEmail' : method === 'getRemainingDailyQuota' ? 'mailQuota' : 'other';
  if (service === 'Properties') return /^(get)/.test(method) ? 'propertyRead' : 'propertyWrite';
  if (service === 'Lock') return 'lock';
  if (service === 'ScriptApp')
    return method === 'getProjectTriggers'
      ? 'triggerRead'
      : method === 'deleteTrigger'
        ? 'triggerCreate'
        : 'local';
  if (/TriggerBuilder$/.test(service)) return method === 'create' ? 'triggerCreate' : 'local';
  if (service === 'Trigger') return 'local';
  if (service === 'DocumentApp') {
    if (method === 'create') return 'docCreate';
    if (method === 'openById' || method === 'openByUrl') return 'docOpenOrSave';
    return 'local';
  }
  if (service === 'Document') {
    if (method === 'saveAndClose') return 'docOpenOrSave';
    if (method === 'getAs' || method === 'getBlob') return 'docExport';
    return 'metadata';
  }
  if (DOC_ELEMENTS.has(service)) return 'docElement';
  if (service === 'Docs') return 'docsApi';
  if (service === 'Files' || service === 'Drive') return 'driveCall';
  if (/^Html/.test(service)) return 'html';
  return 'other';
}

export interface Estimate {
  readonly ms: number;
  /** Milliseconds by cost kind, for the kinds that cost anything. */
  readonly byKind: Partial<Record<CostKind, number>>;
}

/** What a run wrote into Docs beyond the count of its calls: cells by appendTable, batchUpdate sub-requests. */
export interface DocsWork {
  readonly docCells: number;
  readonly docsRequests: number;
}

/** The estimated time on Google of one execution that made these calls and moved this many cells in grids. */
export function estimate(
  calls: Readonly<Record<string, number>>,
  cellsMoved: number,
  executions = 1,
  docs: DocsWork = { docCells: 0, docsRequests: 0 },
): Estimate {
  const byKind: Partial<Record<CostKind, number>> = {};
  const add = (kind: CostKind, ms: number): void => {
    if (ms > 0) byKind[kind] = (byKind[kind] ?? 0) + ms;
  };
  add('execution', executions * COSTS.execution.ms);
  for (const [key, n] of Object.entries(calls)) {
    const kind = kindOf(key);
    add(kind, n * COSTS[kind].ms);
  }
  add('cellMoved', cellsMoved * COSTS.cellMoved.ms);
  add('docCell', docs.docCells * COSTS.docCell.ms);
  add('docsRequest', docs.docsRequests * COSTS.docsRequest.ms);
  const ms = Object.values(byKind).reduce((sum, v) => sum + (v ?? 0), 0);
  return { ms: Math.round(ms), byKind };
}
