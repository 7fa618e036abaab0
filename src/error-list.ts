import type { PlanError } from './errors.js';

/**
 * Collects problems up to a limit, so that a file with 100,000 broken clauses
 * reports a bounded list quickly. Past the limit it counts what it drops.
 */
export class ErrorList {
  readonly items: PlanError[] = [];
  /** Problems left out once the list was full, by severity. */
  readonly dropped = { error: 0, warning: 0 };

  constructor(readonly max: number) {}

  /** Adds a problem; returns false once the list is full. */
  add(error: PlanError): boolean {
    if (this.items.length >= this.max) {
      this.dropped[error.severity]++;
      return false;
    }
    this.items.push(error);
    return true;
  }

  /** Counts a problem that was not even built because the list is full. */
  drop(severity: 'error' | 'warning'): void {
    this.dropped[severity]++;
  }

  /** True once no more problems are kept. */
  get full(): boolean {
    return this.items.length >= this.max;
  }
}
