/**
 * The changes one documents.batchUpdate makes, kept so they can be undone: "If any request is not valid, then the
 * entire request will fail and nothing will be applied" (documents.batchUpdate reference). Undoing in place keeps
 * every node the same object, so DocumentApp handles and section breaks still point at the document's nodes.
 */
export class Journal {
  private readonly undo: (() => void)[] = [];

  set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const had = Object.prototype.hasOwnProperty.call(target, key);
    const old = target[key];
    this.undo.push(() => {
      if (had) target[key] = old;
      else delete target[key];
    });
    target[key] = value;
  }

  splice<T>(list: T[], start: number, deleteCount: number, ...items: T[]): void {
    const removed = list.splice(start, deleteCount, ...items);
    this.undo.push(() => {
      list.splice(start, items.length, ...removed);
    });
  }

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
    this.undo.length = 0;
  }
}
