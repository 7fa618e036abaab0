/**
 * Turns ajv's errors into PlanErrors with positions and hints. ajv's
 * `instancePath` is a JSON Pointer into the data; the source map turns it back
 * into the YAML text. Branch errors of anyOf/oneOf and if/then are folded into
 * one error on the value, so a reader sees one message per mistake.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ErrorList } from '../error-list.js';
import { pointerToPath } from '../errors.js';
import type { ErrorCode, PathSegment } from '../errors.js';
import type { SourceMap } from '../load/source-map.js';
import { closest } from '../util/closest.js';
import { schemaAt } from './schema-walk.js';

type AjvError = ErrorObject;
type Schema = Record<string, unknown>;

/** Adds positioned errors for ajv's `errors` on `data` to `out`. */
export function mapSchemaErrors(errors: readonly ErrorObject[], data: unknown, map: SourceMap, out: ErrorList, schema: Schema): void {
  const folded = foldBranches(errors as AjvError[]);
  const seen = new Set<string>();
  for (const e of folded) {
    if (out.full) {
      out.drop('error');
      continue;
    }
    const err = toPlanError(e, data, map, schemaAt(schema, data, pointerToPath(e.instancePath, data)));
    if (!err) continue;
    const id = `${err.code} ${err.line}:${err.col} ${err.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.add(err);
  }
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/**
 * Drops if/then bookkeeping and folds the branches of a failed anyOf/oneOf:
 * when a branch failed only deeper inside the value (an unknown field, a
 * missing one, a bad pattern), that is the mistake to report; when every
 * branch failed on the kind of value, one error on the value says so.
 * ajv reports a branch's errors just before the anyOf error itself.
 */
function foldBranches(errors: AjvError[]): AjvError[] {
  const drop = new Set<number>();
  errors.forEach((e, i) => {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return;
    const branch: number[] = [];
    for (let j = i - 1; j >= 0 && !drop.has(j) && within((errors[j] as AjvError).instancePath, e.instancePath); j--) branch.push(j);
    const kindMismatch = (k: number) => {
      const b = errors[k] as AjvError;
      return b.instancePath === e.instancePath && (b.keyword === 'type' || b.keyword === 'const' || b.keyword === 'enum');
    };
    const specific = branch.filter((k) => !kindMismatch(k));
    if (specific.length > 0) {
      drop.add(i);
      // Of the branches that failed only deeper inside, the one with the fewest mistakes is what the writer meant.
      const alt = (k: number) => (errors[k] as AjvError).schemaPath.slice(e.schemaPath.length).split('/')[1] ?? '';
      const counts = new Map<string, number>();
      for (const k of specific) counts.set(alt(k), (counts.get(alt(k)) ?? 0) + 1);
      const fewest = Math.min(...counts.values());
      const meant = [...counts].find(([, n]) => n === fewest)?.[0];
      for (const k of branch) if (kindMismatch(k) || alt(k) !== meant) drop.add(k);
    } else for (const k of branch) drop.add(k);
  });
  return errors.filter((e, i) => !drop.has(i) && e.keyword !== 'if' && e.keyword !== 'propertyNames');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}

function toPlanError(e: AjvError, data: unknown, map: SourceMap, schema: Schema) {
  const path = pointerToPath(e.instancePath, data);
  const value = valueAt(data, path);
  const description = typeof schema.description === 'string' ? `what goes here: ${schema.description}` : undefined;
  const at = (code: ErrorCode, message: string, hint?: string, p: PathSegment[] = path, part: 'value' | 'key' = 'value') =>
    map.errorFor(p, { code, message, ...(hint !== undefined ? { hint } : {}) }, part);
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const field = typeof last === 'string' ? `\`${last}\`` : typeof parent === 'string' ? `item of \`${parent}\`` : 'value';

  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    return at('INVALID_VALUE', `the key \`${short(e.propertyName)}\` is not allowed here: ${e.message ?? 'invalid name'}`, description, keyPath, 'key');
  }
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const props = (schema.properties ?? {}) as Record<string, { description?: string }>;
      const about = props[missing]?.description;
      return at('MISSING_FIELD', `missing the required field \`${missing}\``, about ? `\`${missing}\`: ${about}` : undefined);
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((schema.properties ?? {}) as object);
      // A field of another form of the same value (`asap` beside `days` in a deadline): not unknown, but not with the others.
      if (allowed.includes(extra)) {
        const others = value !== null && typeof value === 'object' ? Object.keys(value).filter((k) => k !== extra) : [];
        const with_ = others.length ? `\`${others.join('`, `')}\`` : 'the other fields';
        return at('INVALID_VALUE', `\`${short(extra)}\` cannot be written together with ${with_} here`, description ?? 'write one form of the value', [...path, extra], 'key');
      }
      const guess = closest(extra, allowed);
      const hint = guess ? `did you mean \`${guess}\`?` : allowed.length ? `allowed here: ${allowed.join(', ')}` : 'no fields are allowed here';
      return at('UNKNOWN_FIELD', `unknown field \`${short(extra)}\``, hint, [...path, extra], 'key');
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).replace(/,/g, ' or ');
      const quote = expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean');
      const hint = quote ? `quote it to make it text: "${String(value)}"` : value === null ? 'write a value after the colon' : description;
      return at('WRONG_TYPE', `${field} must be ${article(expected)}, found ${describe(value)}`, hint);
    }
    case 'enum': {
      if (e.instancePath === '/peaceplan') {
        if (typeof value !== 'number') return at('WRONG_TYPE', `peaceplan must be a number, found ${describe(value)}`, 'write it without quotes: `peaceplan: 2`');
        return at('UNSUPPORTED_FORMAT_VERSION', `format version ${String(value)} is not supported`, 'this release reads `peaceplan: 1` and `peaceplan: 2`');
      }
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      const isTopic = e.schemaPath.includes('/topic/');
      const hint = guess ? `did you mean \`${guess}\`? ` : '';
      return at(isTopic ? 'UNKNOWN_TOPIC' : 'INVALID_VALUE', `${describe(value)} is not a valid ${isTopic ? 'topic' : field}`, `${hint}allowed: ${allowed.join(', ')}`);
    }
    case 'const': {
      const expected = (e.params as { allowedValue: unknown }).allowedValue;
      if (typeof value !== typeof expected) {
        return at('WRONG_TYPE', `${field} must be ${JSON.stringify(expected)}, found ${describe(value)}`, typeof expected === 'number' ? 'write it without quotes' : description);
      }
      if (e.instancePath === '/peaceplan') {
        return at('UNSUPPORTED_FORMAT_VERSION', `format version ${String(value)} is not supported`, 'this release reads `peaceplan: 1` and `peaceplan: 2`');
      }
      return at('INVALID_VALUE', `${field} must be ${JSON.stringify(expected)}, found ${describe(value)}`);
    }
    case 'anyOf':
    case 'oneOf':
      return at('INVALID_VALUE', `${field} has the wrong form: found ${describe(value)}`, description);
    case 'pattern':
      return at('INVALID_VALUE', `${describe(value)} is not a valid ${field}`, description);
    case 'false schema':
      return at('INVALID_VALUE', `${field} cannot be given together with the fields beside it`, description);
    case 'uniqueItems':
      return at('INVALID_VALUE', `${field} lists the same item twice`, 'remove the repeated item');
    default:
      return at('INVALID_VALUE', `${field} ${e.message ?? 'is invalid'}`, description);
  }
}

/** A key as a message shows it: long keys cut to 60 characters, so a hostile key cannot flood the output. */
function short(key: string): string {
  return key.length > 60 ? `${key.slice(0, 57)}…` : key;
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a map', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'null' };
  return expected
    .split(' or ')
    .map((t) => words[t] ?? t)
    .join(' or ');
}
