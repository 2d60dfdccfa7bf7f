/**
 * The in-memory Google Workspace: every fake service on one Runtime, and the globals the bundle sees.
 * Node only; never bundled.
 */
import { LocalLogger } from './Base/logger';
import { LocalSession } from './Base/session';
import { LocalCharts } from './Charts/charts';
import { LocalDocsApi } from './Docs/docs';
import { LocalDocuments } from './DocumentApp/document-app';
import { LocalDrive } from './Drive/drive';
import { LocalHtml } from './HtmlService/html-service';
import { LocalLock } from './LockService/lock-service';
import { LocalMail } from './MailApp/mail-app';
import { LocalProperties } from './PropertiesService/properties-service';
import { Runtime } from './runtime';
import { LocalScript } from './ScriptApp/script-app';
import { LocalSpreadsheets } from './SpreadsheetApp/spreadsheet-app';
import { LocalUtilities } from './Utilities/utilities';

export interface WorkspaceOptions {
  /** The instant the script sees as now; the real clock when absent. */
  readonly now?: Date;
  readonly timeZone?: string;
  readonly mailQuota?: number;
  readonly spreadsheetName?: string;
  /** HTML files of the project by name without extension ('PaperDialog'), for HtmlService. */
  readonly htmlFiles?: Record<string, string>;
  /** The manifest's oauthScopes; absent or null grants every scope, as when a manifest names none. */
  readonly scopes?: readonly string[] | null;
  /** The account that owns the script project (its developer); the first user by default. */
  readonly scriptOwner?: string;
  /**
   * The advanced services the manifest enables (appsscript.json, dependencies.enabledAdvancedServices): only
   * these are globals, under their userSymbol. Absent: every advanced service the Workspace has, as `Drive` and
   * `Docs`.
   */
  readonly advancedServices?: readonly AdvancedService[];
}

/** One entry of appsscript.json's dependencies.enabledAdvancedServices. */
export interface AdvancedService {
  readonly userSymbol: string;
  readonly serviceId: string;
  readonly version: string;
}

const DEFAULT_ADVANCED: readonly AdvancedService[] = [
  { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
  { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
];

export class LocalWorkspace {
  readonly runtime = new Runtime();
  readonly sheets: LocalSpreadsheets;
  readonly charts: LocalCharts;
  readonly drive: LocalDrive;
  readonly docs: LocalDocuments;
  /** The advanced Docs service over the same documents. */
  readonly docsApi: LocalDocsApi;
  readonly html: LocalHtml;
  readonly mail: LocalMail;
  readonly script: LocalScript;
  readonly properties: LocalProperties;
  readonly lock: LocalLock;
  readonly session: LocalSession;
  readonly utilities: LocalUtilities;
  readonly logger: LocalLogger;
  private readonly advanced: readonly AdvancedService[];

  constructor(options: WorkspaceOptions = {}) {
    const rt = this.runtime;
    if (options.now) rt.fixedNow = options.now.getTime();
    if (options.timeZone) rt.scriptTimeZone = options.timeZone;
    if (options.scriptOwner) rt.scriptOwner = options.scriptOwner;
    rt.scopes.grant(options.scopes);
    this.sheets = new LocalSpreadsheets(rt, {
      name: options.spreadsheetName ?? 'Action Plan Register',
      timeZone: rt.scriptTimeZone,
    });
    this.charts = new LocalCharts(rt);
    this.drive = new LocalDrive(rt);
    this.docs = new LocalDocuments(rt, this.drive);
    this.docsApi = new LocalDocsApi(rt, this.docs);
    this.advanced = options.advancedServices ?? DEFAULT_ADVANCED;
    this.html = new LocalHtml(rt, options.htmlFiles ?? {});
    this.mail = new LocalMail(rt, { dailyQuota: options.mailQuota });
    this.script = new LocalScript(rt, () => this.sheets.active.getId());
    this.properties = new LocalProperties(rt);
    this.lock = new LocalLock(rt);
    this.session = new LocalSession(rt);
    this.utilities = new LocalUtilities(rt);
    this.logger = new LocalLogger(rt);
  }

  /** Sets the clock the script sees. */
  setNow(now: Date): void {
    this.runtime.fixedNow = now.getTime();
  }

  /** The globals of an Apps Script project with this Workspace's services. */
  globals(): Record<string, unknown> {
    return {
      SpreadsheetApp: this.sheets.app,
      Charts: this.charts.app,
      DocumentApp: this.docs.app,
      ...this.advancedGlobals(),
      HtmlService: this.html.app,
      MailApp: this.mail.app,
      ScriptApp: this.script.app,
      PropertiesService: this.properties.app,
      LockService: this.lock.app,
      Session: this.session.app,
      Utilities: this.utilities.app,
      Logger: this.logger.app,
      console: this.logger.console,
    };
  }

  private advancedGlobals(): Record<string, unknown> {
    const services: Record<string, unknown> = {};
    for (const { userSymbol, serviceId, version } of this.advanced) {
      const key = `${serviceId} ${version}`;
      if (key === 'drive v3') services[userSymbol] = this.drive.service;
      else if (key === 'docs v1') services[userSymbol] = this.docsApi.service;
      else
        throw new Error(
          `not implemented in the local Workspace: the advanced service ${serviceId} ${version}`,
        );
    }
    return services;
  }
}
