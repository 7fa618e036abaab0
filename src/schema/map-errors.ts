/**
 * Turns ajv's errors into PlanErrors with positions and hints. ajv's
 * `instancePath` is a JSON Pointer into the data; the source map turns it back
 * into the YAML text. Branch errors of anyOf/oneOf and if/then are folded into
 * one error on the value, so a reader sees one message per mistake.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ErrorList } from '../error-list.js';
import type { ErrorCode, PathSegment } from '../errors.js';
import type { SourceMap } from '../load/source-map.js';
import { closest } from '../util/closest.js';
import { schemaAt } from './schema-walk.js';

type AjvError = ErrorObject;
type Schema = Record<string, unknown>;

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

/** Adds positioned errors for ajv's `errors` on `data` to `out`. */
export function mapSchemaErrors(errors: readonly ErrorObject[], data: unknown, map: SourceMap, out: ErrorList, schema: Schema): void {
  const folded = foldBranches(errors as AjvError[]);
  const seen = new Set<string>();
  for (const e of folded) {
    if (out.full) {
      out.dropped++;
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

/** Drops if/then bookkeeping and replaces the branches of a failed anyOf/oneOf by the anyOf itself. */
function foldBranches(errors: AjvError[]): AjvError[] {
  const branchRoots = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => e.schemaPath + '/');
  return errors.filter(
    (e) => e.keyword !== 'if' && !branchRoots.some((root) => e.schemaPath.startsWith(root)) && !(e.keyword === 'propertyNames'),
  );
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
  const field = typeof last === 'string' ? `\`${last}\`` : 'this value';

  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    return at('INVALID_VALUE', `the key \`${e.propertyName}\` is not allowed here: ${e.message ?? 'invalid name'}`, description, keyPath, 'key');
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
      const guess = closest(extra, allowed);
      const hint = guess ? `did you mean \`${guess}\`?` : allowed.length ? `allowed here: ${allowed.join(', ')}` : 'no fields are allowed here';
      return at('UNKNOWN_FIELD', `unknown field \`${extra}\``, hint, [...path, extra], 'key');
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).replace(/,/g, ' or ');
      const quote = expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean' || value === null);
      return at('WRONG_TYPE', `${field} must be ${article(expected)}, found ${describe(value)}`, quote ? `quote it to make it text: "${String(value)}"` : description);
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      const isTopic = e.schemaPath.includes('/topic/');
      const hint = guess ? `did you mean \`${guess}\`? ` : '';
      return at(isTopic ? 'UNKNOWN_TOPIC' : 'INVALID_VALUE', `${describe(value)} is not a valid ${isTopic ? 'topic' : field}`, `${hint}allowed: ${allowed.join(', ')}`);
    }
    case 'const': {
      const expected = (e.params as { allowedValue: unknown }).allowedValue;
      if (e.instancePath === '/peaceplan') {
        return at('UNSUPPORTED_FORMAT_VERSION', `format version ${String(value)} is not supported`, 'this release reads `peaceplan: 1`');
      }
      return at('INVALID_VALUE', `${field} must be ${JSON.stringify(expected)}, found ${describe(value)}`);
    }
    case 'anyOf':
    case 'oneOf':
      return at('INVALID_VALUE', `${field} has the wrong form: found ${describe(value)}`, description);
    case 'pattern':
      return at('INVALID_VALUE', `${describe(value)} is not a valid ${field}`, description);
    case 'uniqueItems':
      return at('INVALID_VALUE', `${field} lists the same item twice`, 'remove the repeated item');
    default:
      return at('INVALID_VALUE', `${field} ${e.message ?? 'is invalid'}`, description);
  }
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a map', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'null' };
  return expected
    .split(' or ')
    .map((t) => words[t] ?? t)
    .join(' or ');
}
