import type { PlanError } from './errors.js';

/**
 * Collects problems up to a limit, so that a file with 100,000 broken clauses
 * reports a bounded list quickly. Past the limit it counts what it drops.
 */
export class ErrorList {
  readonly items: PlanError[] = [];
  dropped = 0;

  constructor(readonly max: number) {}

  /** Adds a problem; returns false once the list is full. */
  add(error: PlanError): boolean {
    if (this.items.length >= this.max) {
      this.dropped++;
      return false;
    }
    this.items.push(error);
    return true;
  }

  /** True once no more problems are kept. */
  get full(): boolean {
    return this.items.length >= this.max;
  }
}
