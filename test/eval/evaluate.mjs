/**
 * Scores the diff against the hand-annotated corpus in test/corpus/: for each
 * case, which clause pairs were made (right or wrong, against the annotated
 * lineage), whether every annotated key change is among the ten highlights,
 * whether anything the annotations forbid is claimed, and how many list items
 * were paired by position. Used by `npm run eval` (figures) and by
 * test/corpus.test.ts (targets). Takes the library as an argument, so it runs
 * against the sources or the build alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const FAMILIES = ['russia-ukraine-2025', 'gaza-2025'];

/**
 * Reads one family's files, lineage and annotations, as its cases.yaml lists them. A file's
 * lineage comes from a lineage file (`{ file, key }`), from its own clause numbers
 * (`numbers: true`, for the reference draft; `parts` names the point of an unnumbered clause that
 * its file's note places in one), or from the clause of the same id in another
 * file (`sameIdAs`).
 */
function loadFamily(lib, root, family) {
  const dir = join(root, 'test/corpus', family);
  const yaml = (path) => parse(readFileSync(join(dir, path), 'utf8'));
  const spec = yaml('cases.yaml');
  const plans = {};
  const termsOf = {};
  for (const [alias, f] of Object.entries(spec.files)) {
    // A file written against its own family terms is read with them, and diffed with them.
    const terms = f.terms ? lib.parseTerms(readFileSync(join(root, f.terms))).terms : undefined;
    const r = lib.parsePlan(readFileSync(join(root, f.path)), terms ? { terms } : {});
    if (!r.plan) throw new Error(`${f.path}: ${JSON.stringify(r.errors.slice(0, 2))}`);
    plans[alias] = r.plan;
    if (terms) termsOf[alias] = terms;
  }
  const sameAs = new Map((spec.sameNew ?? []).flatMap((s) => s.ids.map((id) => [id, s.ids[0]])));
  const lineage = {};
  const label = (p, id) => (p === 'new' ? `new:${sameAs.get(id) ?? id}` : String(p));
  for (const [alias, f] of Object.entries(spec.files)) {
    const l = f.lineage;
    // An unnumbered clause of the reference draft is a lineage of its own, unless its file places it in a point (`parts`).
    if (l.numbers) lineage[alias] = new Map(plans[alias].clauses.map((c) => [c.id, c.number !== undefined ? String(c.number) : l.parts?.[c.id] !== undefined ? String(l.parts[c.id]) : `unnumbered:${c.id}`]));
  }
  for (const [alias, f] of Object.entries(spec.files)) {
    const l = f.lineage;
    if (l.file) {
      const map = yaml(l.file)[l.key];
      lineage[alias] = new Map(plans[alias].clauses.map((c) => {
        if (map?.[c.id] === undefined) throw new Error(`${l.file} has no entry for ${l.key}/${c.id}`);
        return [c.id, label(map[c.id], c.id)];
      }));
    } else if (l.sameIdAs) {
      lineage[alias] = new Map(plans[alias].clauses.map((c) => [c.id, lineage[l.sameIdAs].get(c.id) ?? label('new', c.id)]));
    }
  }
  const keyFiles = new Map();
  const cases = [...spec.cases, ...(spec.heldOutCases ?? []).map((c) => ({ ...c, heldOut: true })), ...(spec.laterCases ?? []).map((c) => ({ ...c, later: true }))].map((c) => {
    if (!c.keys) return { ...c, family };
    const [file, pair] = c.keys.split('#');
    if (!keyFiles.has(file)) keyFiles.set(file, yaml(file));
    // A pair's entry is { changes, mustNot }, or the list of changes with mustNot beside it at the top.
    const all = keyFiles.get(file);
    const entry = all[pair];
    if (entry === undefined) throw new Error(`${file} has no changes for ${pair}`);
    const annotated = Array.isArray(entry) ? { changes: entry, mustNot: all.mustNot ?? [] } : entry;
    return { ...c, family, annotated, keysName: pair };
  });
  return { plans, lineage, cases, terms: termsOf };
}

/** Every family of the corpus, as one list of cases over one set of files (aliases prefixed by family). */
export function loadCorpus(lib, root) {
  const out = { plans: {}, lineage: {}, terms: {}, cases: [] };
  for (const family of FAMILIES) {
    const f = loadFamily(lib, root, family);
    for (const k of Object.keys(f.plans)) {
      out.plans[`${family}/${k}`] = f.plans[k];
      out.lineage[`${family}/${k}`] = f.lineage[k];
      if (f.terms[k]) out.terms[`${family}/${k}`] = f.terms[k];
    }
    out.cases.push(...f.cases.map((c) => ({ ...c, from: `${family}/${c.from}`, to: `${family}/${c.to}` })));
  }
  return out;
}

/**
 * A case's seed for its disguise, from what the case is (its two files and its disguise), so that
 * adding or reordering cases leaves every other case's shuffle and ids as they were.
 */
export function seedOf(def) {
  let h = 2166136261;
  for (const ch of `${def.from}\u0000${def.to}\u0000${def.disguise}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % 100003;
}

/** A seeded shuffle and meaningless ids: another author's file, as far as ids and order go. */
export function disguise(plan, how, seed) {
  if (how === 'none') return { plan, original: new Map(plan.clauses.map((c) => [c.id, c.id])) };
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
  const original = new Map();
  let clauses = plan.clauses.map((c, i) => {
    const id = `q${(i * 7919 + seed * 31) % 100003}`;
    original.set(id, c.id);
    return { ...c, id };
  });
  if (how === 'shuffle') {
    clauses = clauses.map((c) => [rnd(), c]).sort((x, y) => x[0] - y[0]).map(([, c]) => c);
  }
  return { plan: { ...plan, clauses }, original };
}

/** Counts list items paired by position anywhere in a diff ("item 3"). */
function positional(changes) {
  let n = 0;
  const walk = (t) => {
    if (/^item \d+$/.test(String(t.term))) n++;
    for (const c of t.changes ?? []) walk(c);
  };
  for (const c of changes) for (const t of c.terms) walk(t);
  return n;
}

/**
 * The diff's options as the CLI reads them from the new version's folder: the
 * case's family as `versions`, and the family terms the new version (else the
 * old) was written against, so terms of the family's own are typed.
 */
export function withFamily(corpus, def, options = {}) {
  const versions = Object.entries(corpus.plans).filter(([k]) => k.startsWith(`${def.family}/`)).map(([, p]) => p);
  const terms = corpus.terms[def.to] ?? corpus.terms[def.from];
  return { ...options, versions, ...(terms ? { terms } : {}) };
}

/** Runs one case. */
export function evaluateCase(lib, corpus, def, options = {}) {
  const a = corpus.plans[def.from];
  const { plan: b, original } = disguise(corpus.plans[def.to], def.disguise, seedOf(def));
  const diff = lib.diffPlans(a, b, withFamily(corpus, def, options));
  const la = corpus.lineage[def.from];
  const lb = corpus.lineage[def.to];
  const labelA = (id) => la.get(id);
  const labelB = (id) => lb.get(original.get(id));
  // Truth: clauses of the same lineage on both sides (each label pairs at most min(count) times).
  const countA = new Map();
  const countB = new Map();
  for (const c of a.clauses) countA.set(labelA(c.id), (countA.get(labelA(c.id)) ?? 0) + 1);
  for (const c of b.clauses) countB.set(labelB(c.id), (countB.get(labelB(c.id)) ?? 0) + 1);
  let truth = 0;
  for (const [l, n] of countA) truth += Math.min(n, countB.get(l) ?? 0);
  const paired = diff.clauses.filter((c) => c.from && c.to);
  const wrong = paired.filter((c) => labelA(c.from.id) !== labelB(c.to.id));
  const right = paired.length - wrong.length;
  const missed = [];
  for (const c of a.clauses) {
    const l = labelA(c.id);
    if (!countB.has(l)) continue;
    if (!paired.some((p) => p.from.id === c.id && labelB(p.to.id) === l)) missed.push(`${l} ${c.id}`);
  }
  // Key changes: each must be among the highlights, on a clause of its lineage, of its kind.
  const annotated = def.annotated;
  const highlights = diff.summary.highlights;
  const changeOf = (h) => diff.clauses.find((c) => (c.to ?? c.from)?.id === h.clause);
  const keyResults = (annotated?.changes ?? []).map((k) => {
    const point = String(k.point);
    // "new" names any clause without an ancestor (the annotator's own id is not known here).
    const is = (label) => label === point || (point === 'new' && String(label).startsWith('new:'));
    // A line that tells several clauses (`also`: clauses that became questions left open alike) tells each.
    const rank = highlights.findIndex((line) => [line.clause, ...(line.also ?? [])].some((clause) => {
      const h = { ...line, clause };
      const c = changeOf(h);
      if (!c) return false;
      // A line that tells a removal with the addition it may be (a possible pair) tells the removal too.
      if (k.kind === 'removed' && h.with) return is(labelA(h.with));
      if (k.kind === 'removed') return c.kind === 'removed' && is(labelA(c.from.id));
      if (k.kind === 'added') return c.kind === 'added' && is(labelB(c.to.id));
      if (c.from && c.to) return is(labelA(c.from.id));
      // A clause told as merged into another, or split from one, is told what became of it.
      if (c.kind === 'merged' && c.from) return is(labelA(c.from.id));
      if (c.kind === 'split' && c.to) return c.related.some((id) => is(labelA(id)));
      return false;
    }));
    // Not counted as found: a modification told only as a possible pair (its old and new clause in one line, unpaired).
    const told = k.kind === 'modified' && rank < 0 ? highlights.findIndex((h) => h.with && is(labelA(h.with)) && is(labelB(h.clause))) : -1;
    return { point, kind: k.kind, says: k.says, rank: rank < 0 ? null : rank + 1, ...(told >= 0 ? { asPossiblePair: told + 1 } : {}) };
  });
  // What must not appear: a clause present on both sides reported as removed or added.
  const violations = [];
  for (const m of annotated?.mustNot ?? []) {
    const point = String(m.point);
    if (m.kind !== 'removed' && m.kind !== 'added') continue;
    if (!countA.has(point) || !countB.has(point)) continue;
    const bad = diff.clauses.some((c) => (m.kind === 'removed' ? c.kind === 'removed' && labelA(c.from.id) === point : c.kind === 'added' && labelB(c.to.id) === point));
    if (bad) violations.push(`${point} reported ${m.kind}: ${m.says}`);
  }
  // Splits and merges: each group once, and whether it joins clauses the annotators place in different points.
  const groups = new Map();
  for (const c of diff.clauses) {
    if (c.kind === 'merged' && c.to) groups.set(`>${c.to.id}`, [...[c.from?.id, ...c.related].filter(Boolean).map(labelA), labelB(c.to.id)]);
    if (c.kind === 'split' && c.from) groups.set(`<${c.from.id}`, [labelA(c.from.id), ...[c.to?.id, ...c.related].filter(Boolean).map(labelB)]);
  }
  const mixedGroups = [...groups.values()].filter((labels) => new Set(labels).size > 1).length;
  return {
    name: `${def.from} → ${def.to.slice(def.family.length + 1)} (${def.disguise})`,
    family: def.family,
    rewrite: def.rewrite === true,
    heldOut: def.heldOut === true,
    ...(def.heldOut ? { hand: def.hand ?? 'c' } : {}),
    later: def.later === true,
    truth,
    pairs: paired.length,
    right,
    wrong: wrong.map((c) => `${c.from.id} → ${original.get(c.to.id)} (${c.match.method} ${c.match.score})`),
    missed,
    possible: diff.possiblePairs.length,
    keys: keyResults,
    violations,
    positional: positional(diff.clauses),
    groups: groups.size,
    mixedGroups,
    highlights: highlights.map((h) => h.says),
    /** Scores of right pairs found by content or topic. */
    scores: paired.filter((c) => labelA(c.from.id) === labelB(c.to.id) && (c.match.method === 'similarity' || c.match.method === 'topic')).map((c) => c.match.score),
  };
}

/**
 * Hard negatives: for each clause of the old side that has a partner, the
 * partner is taken out of the new side and the diff run again; any pair the
 * orphan then gets is wrong. The best such score over all trials is what a
 * threshold must stay above.
 */
export function leaveOneOut(lib, corpus, def, options = {}) {
  const a = corpus.plans[def.from];
  const { plan: b, original } = disguise(corpus.plans[def.to], def.disguise, seedOf(def));
  const la = corpus.lineage[def.from];
  const lb = corpus.lineage[def.to];
  let trials = 0;
  let best = 0;
  const wrong = [];
  for (const c of a.clauses) {
    const label = la.get(c.id);
    const rest = b.clauses.filter((d) => lb.get(original.get(d.id)) !== label);
    if (rest.length === b.clauses.length) continue;
    trials++;
    const diff = lib.diffPlans(a, { ...b, clauses: rest }, withFamily(corpus, def, options));
    const got = diff.clauses.find((x) => x.from?.id === c.id && x.to);
    if (got) wrong.push(`${c.id} → ${original.get(got.to.id)} (${got.match.method} ${got.match.score})`);
    const near = diff.possiblePairs.filter((p) => p.from === c.id).map((p) => p.score);
    best = Math.max(best, got?.match.score ?? 0, ...near);
  }
  return { trials, wrong, best };
}

/**
 * Replacements at the same number, a harder negative than {@link leaveOneOut}:
 * for each clause whose partner carries its printed number, the partner is
 * taken away and another clause of the new version, of the same topic (or
 * either in the catch-all), is put in its number and place, with that clause's
 * own partner taken out of the old version, so it stands as a new clause. Any
 * pair the old clause then makes with it joins two clauses of different
 * lineage. Cases shown undisguised only (a disguise changes no number).
 */
export function replacementTrials(lib, corpus, options = {}) {
  let trials = 0;
  const paired = [];
  for (const def of corpus.cases) {
    if (def.disguise !== 'none') continue;
    const a = corpus.plans[def.from];
    const b = corpus.plans[def.to];
    const la = corpus.lineage[def.from];
    const lb = corpus.lineage[def.to];
    for (const old of a.clauses) {
      const j = b.clauses.findIndex((c) => lb.get(c.id) === la.get(old.id));
      if (j < 0 || old.number === undefined || b.clauses[j].number !== old.number) continue;
      b.clauses.forEach((other, k) => {
        if (k === j || lb.get(other.id) === la.get(old.id)) return;
        if (other.topic !== old.topic && other.topic !== 'other' && old.topic !== 'other') return;
        trials++;
        const clauses = b.clauses.filter((_, x) => x !== j && x !== k);
        clauses.splice(j < k ? j : j - 1, 0, { ...other, number: old.number });
        const from = { ...a, clauses: a.clauses.filter((c) => la.get(c.id) !== lb.get(other.id)) };
        const diff = lib.diffPlans(from, { ...b, clauses }, withFamily(corpus, def, options));
        const got = diff.clauses.find((c) => c.from?.id === old.id && c.to?.id === other.id);
        if (got) paired.push({ method: got.match.method, score: got.match.score, pair: `${def.from} → ${def.to}: ${old.id} → ${other.id}` });
      });
    }
  }
  return { trials, paired };
}

/**
 * Every ordered pair of files of a family (not only the cases; each file as written), judged by
 * the lineage the annotators gave: pair recall and wrong pairs per family, and the splits and
 * merges the diff tells, with how many join clauses the annotators place in different points (their
 * lineage labels differ). Many of these pairs are two hands' drafts no case compares. Where both
 * files encode one draft (`draftOf`), nothing in the text can have changed: every operative flag on
 * a right pair there (`sameDraft`) is a paraphrase read as a change of duty.
 */
export function overAllPairs(lib, corpus) {
  const sameDraft = { filePairs: 0, obligation: 0, other: 0 };
  let groups = 0;
  let across = 0;
  const byFamily = {};
  const keys = Object.keys(corpus.plans);
  for (const from of keys) {
    for (const to of keys) {
      const family = from.split('/')[0];
      if (from === to || to.split('/')[0] !== family) continue;
      const [a, b] = [corpus.plans[from], corpus.plans[to]];
      const diff = lib.diffPlans(a, b, withFamily(corpus, { family, from, to }));
      const [la, lb] = [corpus.lineage[from], corpus.lineage[to]];
      const counts = (plan, l) => plan.clauses.reduce((m, c) => m.set(l.get(c.id), (m.get(l.get(c.id)) ?? 0) + 1), new Map());
      const [countA, countB] = [counts(a, la), counts(b, lb)];
      const t = (byFamily[family] ??= { filePairs: 0, truth: 0, right: 0, wrong: 0 });
      t.filePairs++;
      const same = draftOf(from) === draftOf(to);
      if (same) sameDraft.filePairs++;
      for (const [l, n] of countA) t.truth += Math.min(n, countB.get(l) ?? 0);
      for (const c of diff.clauses) {
        if (c.from && c.to) la.get(c.from.id) === lb.get(c.to.id) ? t.right++ : t.wrong++;
        if (same && c.from && c.to && la.get(c.from.id) === lb.get(c.to.id)) {
          for (const f of c.text?.flags ?? []) f.kind === 'obligation' ? sameDraft.obligation++ : sameDraft.other++;
        }
        const labels =
          c.kind === 'merged' && c.to ? [...[c.from?.id, ...c.related].filter(Boolean).map((id) => la.get(id)), lb.get(c.to.id)]
          : c.kind === 'split' && c.from ? [la.get(c.from.id), ...[c.to?.id, ...c.related].filter(Boolean).map((id) => lb.get(id))]
          : undefined;
        if (!labels) continue;
        groups++;
        if (new Set(labels).size > 1) across++;
      }
    }
  }
  return { groups, across, byFamily, sameDraft };
}

/** The draft a file encodes, from its alias in cases.yaml (`geneva-k`, `k-reply`: Geneva, the reply). */
const DRAFTS = new Set(['us', 'e3', 'geneva', 'telegraph', 'london', 'guarantee', 'wh', '21', 'phase', 'reply']);
export function draftOf(key) {
  const [family, alias] = key.split('/');
  const draft = alias.split('-').find((s) => DRAFTS.has(s));
  if (!draft) throw new Error(`no draft known for ${key}`);
  return `${family}/${draft}`;
}

/**
 * Crossed orphans, the negative for the rules that pair a topic's clauses left alone: in each case,
 * for two clauses x and y of one topic (not the catch-all) whose partners are of that topic too, y
 * is taken out of the old version and x's partner out of the new, so x and y's partner are left
 * free in one topic, of different lineage: a clause dropped and another of its subject added. Any
 * pair x then makes with a clause of another lineage is wrong. Returns the trials and those pairs.
 */
export function crossedTrials(lib, corpus, options = {}) {
  let trials = 0;
  const paired = [];
  for (const def of corpus.cases) {
    const a = corpus.plans[def.from];
    const { plan: b, original } = disguise(corpus.plans[def.to], def.disguise, seedOf(def));
    const [la, lb] = [corpus.lineage[def.from], corpus.lineage[def.to]];
    const labelB = (c) => lb.get(original.get(c.id));
    const partner = (x) => b.clauses.filter((c) => labelB(c) === la.get(x.id));
    for (const x of a.clauses) {
      const [px] = partner(x);
      if (x.topic === 'other' || partner(x).length !== 1 || px.topic !== x.topic) continue;
      for (const y of a.clauses) {
        if (y === x || y.topic !== x.topic || la.get(y.id) === la.get(x.id)) continue;
        const py = partner(y);
        if (py.length !== 1 || py[0].topic !== x.topic) continue;
        trials++;
        const diff = lib.diffPlans({ ...a, clauses: a.clauses.filter((c) => c !== y) }, { ...b, clauses: b.clauses.filter((c) => c !== px) }, withFamily(corpus, def, options));
        const got = diff.clauses.find((c) => c.from?.id === x.id && c.to);
        if (got && labelB(got.to) !== la.get(x.id)) paired.push({ method: got.match.method, score: got.match.score, pair: `${def.from} → ${def.to}: ${x.id} → ${original.get(got.to.id)}` });
      }
    }
  }
  return { trials, paired };
}

/** Every case of the corpus, with totals. */
export function evaluateCorpus(lib, root, options = {}) {
  const corpus = loadCorpus(lib, root);
  const results = corpus.cases.map((def) => ({ ...evaluateCase(lib, corpus, def, options), ...(def.rewrite ? { loo: leaveOneOut(lib, corpus, def, options) } : {}) }));
  // Cases marked heldOut (drafts added after the thresholds and rules were set) are counted apart.
  // Each held-out hand is counted on its own (`hand`: c unless the case says otherwise).
  const tuned = results.filter((r) => !r.heldOut && !r.later);
  const hands = [...new Set(results.filter((r) => r.heldOut).map((r) => r.hand))].sort();
  const heldOutBy = Object.fromEntries(hands.map((h) => [h, totalsOf(results.filter((r) => r.heldOut && r.hand === h))]));
  // Cases marked later (drafts by later hands, some used to find defects) are counted apart too.
  const later = results.filter((r) => r.later);
  return {
    results,
    totals: totalsOf(tuned),
    byFamily: Object.fromEntries(FAMILIES.map((f) => [f, totalsOf(tuned.filter((r) => r.family === f))])),
    heldOut: heldOutBy.c ?? totalsOf([]),
    heldOutBy,
    later: totalsOf(later),
  };
}

/**
 * How far the ranking agrees with the order the annotators gave their key changes (most
 * important first): over every two key changes of a case that both reached the top 10, whether
 * the one annotated first ranks first (`concordant`) or not (`discordant`); and the mean rank of
 * each case's first-annotated change, where it reached the top 10.
 */
function orderAgreement(results) {
  let concordant = 0;
  let discordant = 0;
  const firsts = [];
  for (const r of results) {
    const ranks = r.keys.map((k) => k.rank);
    if (ranks[0] != null) firsts.push(ranks[0]);
    for (let i = 0; i < ranks.length; i++) {
      for (let j = i + 1; j < ranks.length; j++) {
        if (ranks[i] == null || ranks[j] == null) continue;
        if (ranks[i] < ranks[j]) concordant++;
        else discordant++;
      }
    }
  }
  return { concordant, discordant, firstRank: firsts.length ? firsts.reduce((s, x) => s + x, 0) / firsts.length : null };
}

function totalsOf(results) {
  const sum = (list, f) => list.reduce((s, r) => s + f(r), 0);
  const rewrites = results.filter((r) => r.rewrite);
  const keys = results.flatMap((r) => r.keys);
  return {
    rewriteRecall: sum(rewrites, (r) => r.right) / Math.max(1, sum(rewrites, (r) => r.truth)),
    rewriteWrong: sum(rewrites, (r) => r.wrong.length),
    recall: sum(results, (r) => r.right) / Math.max(1, sum(results, (r) => r.truth)),
    wrong: sum(results, (r) => r.wrong.length),
    keysInTop10: keys.filter((k) => k.rank !== null).length,
    keysAsPossiblePairs: keys.filter((k) => k.asPossiblePair !== undefined).length,
    keys: keys.length,
    violations: sum(results, (r) => r.violations.length),
    positional: sum(results, (r) => r.positional),
    groups: sum(results, (r) => r.groups),
    mixedGroups: sum(results, (r) => r.mixedGroups),
    looTrials: sum(rewrites, (r) => r.loo.trials),
    looWrong: sum(rewrites, (r) => r.loo.wrong.length),
    looBest: Math.max(0, ...rewrites.map((r) => r.loo.best)),
    ...orderAgreement(results),
    weakestTrue: Math.min(1, ...results.flatMap((r) => r.scores)),
  };
}
