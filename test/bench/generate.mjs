/**
 * Generates realistic plan versions for the benchmark: clauses across topics
 * with typed terms and ~40-word texts, and a revision with the kinds of edits
 * negotiators make (term changes, rewording, removals, additions, moves,
 * renumbering after removals). Deterministic for a given size.
 */
// A few thousand words, as in real drafts: common ones often, the rest rarely.
const COMMON = 'the parties agree that ukraine russia europe nato forces security guarantee territory line contact ceasefire elections amnesty assets frozen within days after signature shall will may not unless once until subject to'.split(' ');
const SYLLABLES = 'ka ro mi te su na lo vi de pa ri zo ne ba tu'.split(' ');
const RARE = Array.from({ length: 4000 }, (_, i) => SYLLABLES[i % 15] + SYLLABLES[Math.floor(i / 15) % 15] + SYLLABLES[Math.floor(i / 225) % 15]);

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

function text(r, n) {
  return Array.from({ length: n }, () => (r() < 0.5 ? COMMON[Math.floor(r() * COMMON.length)] : RARE[Math.floor(r() * RARE.length)])).join(' ') + '.';
}

const TOPICS = [
  (r) => ({ topic: 'military-limits', terms: { party: 'ukraine', personnelCap: 100000 * (1 + Math.floor(r() * 9)), appliesIn: r() < 0.5 ? 'always' : 'peacetime' } }),
  (r) => ({ topic: 'elections', terms: { party: 'ukraine', deadline: r() < 0.2 ? 'asap' : { days: 30 * (1 + Math.floor(r() * 6)) } } }),
  (r) => ({ topic: 'guarantees', terms: { guarantors: ['us', 'uk', 'france', 'germany'].filter(() => r() < 0.6), renewable: r() < 0.5 } }),
  (r) => ({ topic: 'alliance', terms: { foreignTroops: ['allowed', 'restricted', 'banned'][Math.floor(r() * 3)] } }),
  () => ({ topic: 'humanitarian', terms: { prisonerExchange: 'all-for-all', childrenReturned: true } }),
];

function clause(r, i) {
  const { topic, terms } = TOPICS[i % TOPICS.length](r);
  return { id: `clause-${i}`, number: String(i + 1), topic, title: `Clause ${i} ${text(r, 3)}`, text: text(r, 40), terms, status: 'proposed', certainty: 'reported', sources: ['s1'] };
}

/** A plan of `n` clauses. */
export function makePlan(n, seed = n) {
  const r = rng(seed);
  return {
    peaceplan: 1,
    plan: 'bench',
    version: 'a',
    title: `Generated plan of ${n} clauses`,
    date: '2025-11-20',
    sources: { s1: { title: 'Generated', publisher: 'Benchmark' } },
    clauses: Array.from({ length: n }, (_, i) => clause(r, i)),
  };
}

/** A revision of `a`: 5 % term changes, 5 % reworded, 2 % removed, 2 % added, 1 % moved, numbers redone. */
export function revise(a, seed = 7, { renameIds = false, retitle = false } = {}) {
  const r = rng(seed);
  let clauses = a.clauses.map((c) => structuredClone(c));
  for (const c of clauses) {
    const x = r();
    if (x < 0.05 && c.terms.personnelCap) c.terms.personnelCap += 200000;
    else if (x < 0.05 && c.terms.deadline) c.terms.deadline = 'asap';
    else if (x < 0.05) c.terms = { ...c.terms, ...(c.topic === 'guarantees' ? { renewable: !c.terms.renewable } : {}) };
    else if (x < 0.1) c.text = c.text.replace(/\b(will|shall)\b/, 'is expected to').replace(/^(\S+ \S+)/, '$1 hereby');
  }
  clauses = clauses.filter(() => r() >= 0.02);
  const added = Math.round(a.clauses.length * 0.02);
  for (let k = 0; k < added; k++) clauses.splice(Math.floor(r() * clauses.length), 0, clause(r, a.clauses.length + k));
  for (let k = 0; k < Math.round(clauses.length * 0.01); k++) {
    const [moved] = clauses.splice(Math.floor(r() * clauses.length), 1);
    clauses.splice(Math.floor(r() * clauses.length), 0, moved);
  }
  clauses.forEach((c, i) => {
    c.number = String(i + 1);
    if (renameIds) c.id = `renamed-${c.id}`;
    if (retitle) c.title = `Article ${i + 1}`; // titles no longer identify clauses: only content can
  });
  return { ...a, version: 'b', date: '2025-11-23', clauses };
}
