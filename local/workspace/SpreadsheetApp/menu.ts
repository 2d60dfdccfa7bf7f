/** A custom menu of the spreadsheet's Ui, recorded for tests. */
import { unwrap } from '../runtime';
import type { LocalUi } from './ui';

export type MenuItem =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  name: string;
  items: MenuItem[];
}

export class LocalMenu {
  readonly items: MenuItem[] = [];

  constructor(
    private readonly ui: LocalUi,
    readonly name: string,
  ) {}

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error(
        `The parameters (${typeof caption},${typeof functionName}) don't match the method signature for Ui.Menu.addItem.`,
      );
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: LocalMenu): this {
    const raw = unwrap(menu);
    this.items.push({ submenu: raw.record() });
    return this;
  }

  addToUi(): void {
    this.ui._addMenu(this.record());
  }

  record(): MenuRecord {
    return {
      name: this.name,
      items: this.items.map((item) => ('submenu' in item ? { submenu: item.submenu } : { ...item })),
    };
  }
}
