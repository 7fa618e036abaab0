import type { FamilyTerms, Stakeholders } from './model/types.js';

/**
 * Limits that keep a reader safe on hostile input. Each has a default chosen
 * to be far above any real plan and far below what would hurt the process.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes (UTF-8). Default 8 MiB. */
  maxBytes?: number;
  /** Deepest nesting of maps and sequences, block and flow together. Default 64. */
  maxDepth?: number;
  /** Most alias nodes (`*name`) in one file. Default 20. */
  maxAliases?: number;
  /**
   * Most nodes (maps, lists and scalars; a key is part of its entry) in a
   * file, counting each alias expansion again. Counted while reading, so a
   * file is refused as soon as it passes the limit. Default 500,000: a plan
   * has a few thousand.
   */
  maxNodes?: number;
  /**
   * Most nodes in a file that needs the full YAML reader: one with anchors
   * and aliases, tags, directives, flow collections (`[…]`, `{…}`) over
   * several lines, other rare YAML forms, or a YAML error. That reader costs
   * about ten times more per node than the one for plain block YAML, so its
   * files are counted by a pre-scan and refused before it starts, past this
   * many nodes, sixteen times as many lines or 32 times as many characters
   * inside quotes. Default 50,000.
   */
  maxFullReaderNodes?: number;
  /** Most problems reported for one file; the rest are summed up in one TOO_MANY_ERRORS. Default 200. */
  maxErrors?: number;
}

/** The defaults of {@link ReadLimits}. */
export const DEFAULT_LIMITS: Readonly<Required<ReadLimits>> = Object.freeze({
  maxBytes: 8 * 1024 * 1024,
  maxDepth: 64,
  maxAliases: 20,
  maxNodes: 500_000,
  maxFullReaderNodes: 50_000,
  maxErrors: 200,
});

/** Options of {@link parsePlan} and {@link parseStakeholders}. */
export interface ParseOptions {
  /** The file name used in errors. Default `<input>`. */
  file?: string;
  /** Reader limits; see {@link ReadLimits}. */
  limits?: ReadLimits;
  /**
   * The family's stakeholders. When given, every stakeholder a plan names must
   * be listed there (UNKNOWN_STAKEHOLDER otherwise).
   */
  stakeholders?: Stakeholders;
  /**
   * The family's own topics and terms (its `terms.yaml`, read with
   * `parseTerms`). When given, clauses may use them and they are checked by
   * their declared types; without it, they are unknown topics and fields.
   */
  terms?: FamilyTerms;
}

/** Fills in the defaults of a {@link ReadLimits}. */
export function resolveLimits(limits: ReadLimits | undefined): Required<ReadLimits> {
  return { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
