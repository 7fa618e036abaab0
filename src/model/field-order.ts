/**
 * The canonical order of fields in a plan file, by the path of the map they
 * are in (`*` any key or index). `peaceplan fmt` writes this order, and a
 * merged version is built in it.
 */
export const FIELD_ORDER: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['', ['$schema', 'peaceplan', 'plan', 'version', 'title', 'date', 'parent', 'authors', 'provenance', 'summary', 'sources', 'clauses', 'removed', 'added']],
  ['sources/*', ['title', 'publisher', 'network', 'date', 'url', 'language', 'reliability', 'note']],
  ['clauses/*', ['id', 'number', 'topic', 'title', 'text', 'terms', 'unreported', 'status', 'presence', 'carriedFrom', 'covers', 'partOf', 'certainty', 'parties', 'conditions', 'options', 'sources', 'note']],
  ['clauses/*/conditions/*', ['kind', 'event', 'after', 'minDays', 'maxDays', 'date', 'by', 'term', 'text']],
  ['clauses/*/options/*', ['id', 'proposedBy', 'text', 'terms', 'status', 'sources']],
  ['removed/*', ['clause', 'from', 'topic', 'title', 'certainty', 'sources', 'note']],
  ['added/*', ['clause', 'since', 'certainty', 'sources', 'note']],
];

/** The order of the plan's own fields. */
export const PLAN_FIELD_ORDER: readonly string[] = FIELD_ORDER[0]?.[1] ?? [];

/** The order of a clause's fields. */
export const CLAUSE_FIELD_ORDER: readonly string[] = FIELD_ORDER.find(([at]) => at === 'clauses/*')?.[1] ?? [];
