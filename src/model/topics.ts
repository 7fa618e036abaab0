import type { Topic } from './schema-types.js';

/**
 * Every topic, in the schema's order, with the PA-X (Peace Agreements
 * Database) category codes it corresponds to. A test keeps this list equal to
 * the schema's enum.
 */
export const TOPICS: ReadonlyArray<{ topic: Topic; label: string; pax: readonly string[] }> = [
  { topic: 'sovereignty', label: 'Sovereignty', pax: ['StGen'] },
  { topic: 'non-aggression', label: 'Non-aggression', pax: ['Ce', 'SsrGua'] },
  { topic: 'territory', label: 'Territory', pax: ['StBor', 'DdrDemil', 'SsrFf'] },
  { topic: 'military-limits', label: 'Military limits', pax: ['SsrArm'] },
  { topic: 'alliance', label: 'Alliances and foreign troops', pax: ['SsrGua', 'SsrFf', 'ImPK'] },
  { topic: 'guarantees', label: 'Security guarantees', pax: ['SsrGua', 'ImE'] },
  { topic: 'eu-accession', label: 'EU accession', pax: ['StUni', 'ImOth'] },
  { topic: 'economy', label: 'Economy and reconstruction', pax: ['Dev', 'DevInfra', 'IntFu', 'NatRes', 'Bus'] },
  { topic: 'sanctions', label: 'Sanctions', pax: ['BanInt'] },
  { topic: 'assets', label: 'Frozen assets', pax: ['TjRMa', 'BanXb', 'IntFu'] },
  { topic: 'governance', label: 'Implementation bodies', pax: ['ImE', 'ImOth'] },
  { topic: 'arms-control', label: 'Arms control', pax: ['SsrGua'] },
  { topic: 'nuclear', label: 'Nuclear', pax: ['NatRes', 'EpsRes'] },
  { topic: 'culture', label: 'Language, religion, education', pax: ['GRe', 'GRa', 'CprReli', 'SerEdu', 'SerCult', 'Med'] },
  { topic: 'navigation', label: 'Navigation and trade', pax: ['Wat', 'CprFmov', 'Bus'] },
  { topic: 'humanitarian', label: 'Humanitarian', pax: ['TjPrire', 'TjMis', 'GCh', 'GRef', 'DevHum'] },
  { topic: 'elections', label: 'Elections', pax: ['Ele'] },
  { topic: 'amnesty', label: 'Amnesty', pax: ['TjAm', 'TjAmPro'] },
  { topic: 'ceasefire', label: 'Ceasefire', pax: ['Ce', 'CeProv', 'ImPK'] },
  { topic: 'other', label: 'Other', pax: [] },
];

/** True when `value` is one of the plan topics. */
export function isTopic(value: unknown): value is Topic {
  return TOPICS.some((t) => t.topic === value);
}
