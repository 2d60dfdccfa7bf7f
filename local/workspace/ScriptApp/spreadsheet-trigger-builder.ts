/** The builder of installable spreadsheet triggers. */
import type { EventTypeName } from './enums';
import type { LocalScript } from './script-app';
import type { TriggerImpl } from './trigger';

/** https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder */
export class SpreadsheetTriggerBuilderImpl {
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly owner: LocalScript,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  create(): TriggerImpl {
    if (!this.eventType)
      throw new Error('Missing an event type: call onEdit, onChange, onOpen or onFormSubmit.');
    return this.owner._register(this.handler, this.eventType, 'SPREADSHEETS', this.spreadsheetId);
  }
}
