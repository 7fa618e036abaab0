/**
 * Checks a family's terms file for what its schema cannot say: a declared
 * topic is not a built-in one, a declared term does not redefine a built-in
 * term of its topic, and terms are declared for topics that exist.
 */
import type { ErrorList } from '../error-list.js';
import type { SourceMap } from '../load/source-map.js';
import { TOPICS } from '../model/topics.js';
import type { FamilyTerms } from '../model/types.js';
import type { SchemaRef } from '../schema/ajv.js';
import { termsOf } from '../diff/term-kinds.js';
import { closestIn } from '../util/closest.js';

/** Adds positioned errors for declarations that clash with the built-in ones or name no topic. */
export function checkTerms(file: FamilyTerms, _refs: readonly SchemaRef[], map: SourceMap, out: ErrorList): void {
  const builtIn = new Set(TOPICS.map((t) => t.topic as string));
  const declared = Object.keys(file.topics ?? {});
  for (const topic of declared) {
    if (builtIn.has(topic)) {
      out.add(map.errorFor(['topics', topic], { code: 'TERM_CONFLICT', message: `\`${topic}\` is a built-in topic`, hint: 'declare its new terms under `terms:` instead, or give the new topic another id' }, 'key'));
    }
  }
  const near = closestIn([...builtIn, ...declared]);
  for (const [topic, terms] of Object.entries(file.terms ?? {})) {
    if (!builtIn.has(topic) && !declared.includes(topic)) {
      const guess = near(topic);
      out.add(map.errorFor(['terms', topic], { code: 'UNKNOWN_TOPIC', message: `no built-in or declared topic \`${topic}\``, hint: guess ? `did you mean \`${guess}\`?` : 'declare it under `topics:` first' }, 'key'));
      continue;
    }
    const own = termsOf(topic);
    const open = builtIn.has(topic) && Object.keys(own).length === 0;
    for (const [term, d] of Object.entries(terms)) {
      if (d.unstated !== undefined && !(d.values ?? []).includes(d.unstated)) {
        out.add(map.errorFor(['terms', topic, term, 'unstated'], { code: 'INVALID_VALUE', message: `\`${d.unstated}\` is not one of the term's values`, hint: `name one of ${(d.values ?? []).map((v) => `\`${v}\``).join(', ')}, or add it to values` }));
      }
      if (Object.hasOwn(own, term) || term === 'conditions') {
        const what = term === 'conditions' ? '`conditions` names the clause\'s conditions in position rules' : `\`${term}\` is already a term of topic ${topic}`;
        out.add(map.errorFor(['terms', topic, term], { code: 'TERM_CONFLICT', message: what, hint: 'use the built-in term, or give the new one another name' }, 'key'));
      } else if (open) {
        out.add(map.errorFor(['terms', topic, term], { code: 'TERM_CONFLICT', message: `topic ${topic} takes any term already; its terms cannot be declared`, hint: 'declare a topic of your own for typed terms' }, 'key'));
      }
    }
  }
}
