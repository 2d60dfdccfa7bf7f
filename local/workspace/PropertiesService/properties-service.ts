/**
 * PropertiesService of the local Workspace: string key-value stores for the script, each user and the document.
 */
import { Runtime, expose } from '../runtime';
import { PropertiesImpl } from './properties';
import { PropertyStore } from './property-store';

class PropertiesServiceImpl {
  constructor(
    private readonly owner: LocalProperties,
    private readonly runtime: Runtime,
  ) {}

  getScriptProperties(): PropertiesImpl {
    return this.wrap(this.owner.script);
  }

  /**
   * Each user of the script has a store of their own: the user the script runs as, so an installable trigger
   * reads its creator's store (https://developers.google.com/apps-script/guides/properties).
   */
  getUserProperties(): PropertiesImpl {
    return this.wrap(this.owner.user(this.runtime.effectiveUser));
  }

  getDocumentProperties(): PropertiesImpl {
    return this.wrap(this.owner.document);
  }

  private wrap(store: PropertyStore): PropertiesImpl {
    return expose<PropertiesImpl>(new PropertiesImpl(store), 'Properties', this.runtime);
  }
}

export class LocalProperties {
  /** The global the bundle sees as PropertiesService. */
  readonly app: GoogleAppsScript.Properties.PropertiesService;
  readonly script = new PropertyStore();
  readonly document = new PropertyStore();
  private readonly users = new Map<string, PropertyStore>();

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Properties.PropertiesService>(
      new PropertiesServiceImpl(this, runtime),
      'PropertiesService',
      runtime,
    );
  }

  /** The user store of one account (created empty on first use). */
  user(email: string): PropertyStore {
    let store = this.users.get(email);
    if (!store) {
      store = new PropertyStore();
      this.users.set(email, store);
    }
    return store;
  }
}
