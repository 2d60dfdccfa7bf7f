/**
 * The permissions Google refused during a local run, step by step, in plain words: what a deployer sees when a
 * scope is missing from the manifest the run was given.
 */
import { REFUSED, describeScopes, missingPermission } from '../../src/core/permissions';
import type { LoadedBundle } from './bundle';

const SCOPE_URL = /https:\/\/www\.googleapis\.com\/auth\/[\w.]+/g;

export class Refusals {
  private readonly found: string[] = [];

  constructor(
    private readonly bundle: LoadedBundle,
    private readonly manifest: string,
  ) {}

  /**
   * Runs one step as the officer would. What the register told them of a refused permission is noted; a step
   * stopped by an error that is a refusal returns null, and any other error is thrown.
   */
  step<T>(what: string, run: () => T): T | null {
    const { dialogs } = this.bundle.ws.sheets.ui;
    const before = dialogs.length;
    try {
      const result = run();
      this.note(
        what,
        dialogs.slice(before).map((d) => d.prompt),
      );
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const missing = missingPermission(error);
      if (!missing && !message.includes(REFUSED)) throw error;
      this.note(what, [message, ...dialogs.slice(before).map((d) => d.prompt)]);
      return null;
    }
  }

  /** Notes the scopes named in what the register said, if it said a permission was refused. */
  note(what: string, said: readonly string[]): void {
    const scopes = new Set<string>();
    for (const text of said) {
      if (!text.includes(REFUSED) && !missingPermission(text)) continue;
      for (const url of text.match(SCOPE_URL) ?? []) scopes.add(url);
    }
    if (scopes.size === 0) return;
    const line = `${what}: the manifest ${this.manifest} does not grant the permission to ${describeScopes([...scopes])}.`;
    if (!this.found.includes(line)) this.found.push(line);
  }

  lines(): readonly string[] {
    return this.found;
  }
}
