/**
 * Every problem peaceplan can report, as a stable code. Codes are API: they do
 * not change between minor versions, while messages may be reworded.
 */
export const ERROR_CODES = [
  // reading the bytes
  'FILE_TOO_LARGE',
  'INVALID_UTF8',
  'UNSUPPORTED_ENCODING',
  'CONTROL_CHARACTER',
  // reading the YAML
  'YAML_SYNTAX',
  'TAB_INDENTATION',
  'DUPLICATE_KEY',
  'NESTING_TOO_DEEP',
  'ALIAS_LIMIT',
  'TOO_MANY_NODES',
  'MULTIPLE_DOCUMENTS',
  'EMPTY_DOCUMENT',
  'YAML_VERSION',
  'UNSUPPORTED_TAG',
  'MERGE_KEY',
  'NON_STRING_KEY',
  'INVALID_NUMBER',
  // checking against the schema
  'UNSUPPORTED_FORMAT_VERSION',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'WRONG_TYPE',
  'INVALID_VALUE',
  'UNKNOWN_TOPIC',
  'TOO_MANY_ERRORS',
  // checking the meaning
  'INVALID_DATE',
  'DUPLICATE_CLAUSE_ID',
  'DUPLICATE_CLAUSE_NUMBER',
  'UNKNOWN_SOURCE',
  'UNUSED_SOURCE',
  'UNKNOWN_STAKEHOLDER',
  'DUPLICATE_STAKEHOLDER_ID',
  'DUPLICATE_RULE_ID',
  'DUPLICATE_OPTION_ID',
  'NEEDS_FORMAT_2',
  'TERM_CONFLICT',
  // checking that certainty follows from the sources (warnings)
  'SINGLE_OUTLET',
  'STATE_MEDIA_ONLY',
  'CONFIRMED_WITHOUT_TEXT',
  // checking a family of versions
  'DUPLICATE_VERSION',
  'PLAN_MISMATCH',
  'UNKNOWN_PARENT',
  'PARENT_CYCLE',
  // comparing versions, and checking positions against them
  'UNKNOWN_CLAUSE',
  'UNKNOWN_VERSION',
  'UNKNOWN_TERM',
  'INVALID_CONDITION',
  'RULE_CLAUSE_NOT_FOUND',
  // the file system (Node entry and CLI)
  'FILE_NOT_FOUND',
  'READ_FAILED',
  'WRITE_FAILED',
  'FILE_CHANGED',
  'SCHEMA_NOT_FOUND',
] as const;

/** A stable error code; see {@link ERROR_CODES} for the full list. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** `error` makes a file invalid; `warning` is worth fixing but does not. */
export type Severity = 'error' | 'warning';

/** One segment of a path into a plan: an object key or an array index. */
export type PathSegment = string | number;

/** The fields of a {@link PlanError}, as plain data. */
export interface PlanErrorData {
  code: ErrorCode;
  message: string;
  severity: Severity;
  /** The file name given to the reader, or `<input>` when none was given. */
  file: string;
  /** 1-based line of the start of the offending text. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count) of the start. */
  col: number;
  /** 1-based line and column just past the end of the offending text. */
  endLine: number;
  endCol: number;
  /** Where in the plan the problem is, e.g. `['clauses', 5, 'terms', 'personnelCap']`. */
  path: PathSegment[];
  /** How to fix it, when there is something useful to say. */
  hint?: string;
}

/**
 * A problem found in a plan file, with its position. Readers and validators
 * return these in lists rather than throwing them; only API misuse throws.
 *
 * @example
 * const { errors } = parsePlan('peaceplan: 2', { file: 'x.yaml' });
 * errors[0]?.code; // 'UNSUPPORTED_FORMAT_VERSION'
 * `${errors[0]?.line}:${errors[0]?.col}`; // '1:12'
 */
export class PlanError extends Error implements PlanErrorData {
  override readonly name = 'PlanError';
  readonly code: ErrorCode;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly path: PathSegment[];
  readonly hint?: string;

  constructor(data: PlanErrorData) {
    super(data.message);
    this.code = data.code;
    this.severity = data.severity;
    this.file = data.file;
    this.line = data.line;
    this.col = data.col;
    this.endLine = data.endLine;
    this.endCol = data.endCol;
    this.path = data.path;
    if (data.hint !== undefined) this.hint = data.hint;
  }

  /** The error as plain JSON data (an `Error` otherwise serialises to `{}`). */
  toJSON(): PlanErrorData {
    const out: PlanErrorData = {
      code: this.code,
      message: this.message,
      severity: this.severity,
      file: this.file,
      line: this.line,
      col: this.col,
      endLine: this.endLine,
      endCol: this.endCol,
      path: this.path,
    };
    if (this.hint !== undefined) out.hint = this.hint;
    return out;
  }
}

/** True when `value` is a {@link PlanError}. */
export function isPlanError(value: unknown): value is PlanError {
  if (value instanceof PlanError) return true;
  // Also across copies of the library (two bundles, ESM next to CJS).
  const v = value as Partial<PlanError> | null;
  return v instanceof Error && v.name === 'PlanError' && typeof v.code === 'string' && typeof v.line === 'number';
}

/** Formats a path as a JSON Pointer (`/clauses/5/terms`). */
export function toPointer(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) out += '/' + escapePointer(String(s));
  return out;
}

/** Escapes one JSON Pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** Splits a JSON Pointer into path segments, with array indices as numbers. */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}
