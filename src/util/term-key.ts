import { fingerprint } from './fingerprint.js';

/** A term of a topic with its value, as one key: values by their fingerprint, so key order inside them does not matter. */
export function termKey(topic: string, term: string, value: unknown): string {
  const v = typeof value === 'object' && value !== null ? fingerprint(value) : `${typeof value}:${String(value)}`;
  return `${topic}\u0000${term}\u0000${v}`;
}
