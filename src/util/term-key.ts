import type { Clause } from '../model/types.js';
import { deepEqual } from './deep-equal.js';
import { fingerprint } from './fingerprint.js';

/** A term of a topic with its value, as one key: values by their fingerprint, so key order inside them does not matter. */
export function termKey(topic: string, term: string, value: unknown): string {
  const v = typeof value === 'object' && value !== null ? fingerprint(value) : `${typeof value}:${String(value)}`;
  return `${topic}\u0000${term}\u0000${v}`;
}

/**
 * The clauses of `list` among `among` (indices) that state a term of a typed topic with a value, by
 * index: built once, each answer checked against the value itself. The catch-all topic `other`,
 * whose terms each writer names, is left out.
 */
export function termStatements(list: readonly Clause[], among: Iterable<number>): (topic: string, term: string, value: unknown) => number[] {
  const index = new Map<string, number[]>();
  for (const i of among) {
    const c = list[i] as Clause;
    if (c.topic === 'other') continue;
    for (const [k, v] of Object.entries(c.terms ?? {})) {
      const at = index.get(termKey(c.topic, k, v));
      if (at) at.push(i);
      else index.set(termKey(c.topic, k, v), [i]);
    }
  }
  return (topic, term, value) => (index.get(termKey(topic, term, value)) ?? []).filter((i) => deepEqual((list[i]?.terms as Record<string, unknown> | undefined)?.[term], value));
}
