import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffPlans, familySchema, mergePlans as mergeThree, migratePlanYaml, parsePlan, parseTerms, reverseDiff, summarizePlan } from 'peaceplan';
import type { Clause, FamilyTerms, Plan } from 'peaceplan';
import { loadPlanFamily } from 'peaceplan/node';

import { MINIMAL, runCli, text } from './helpers.js';

const dir = 'test/fixtures/family-terms';
const TERMS = parseTerms(text(`${dir}/terms.yaml`)).terms as FamilyTerms;
const at = (errors: ReadonlyArray<{ code: string; line: number; col: number }>) => errors.map((e) => `${e.code} ${e.line}:${e.col}`);
const plan = (body: string, version = 'v1') => {
  const r = parsePlan(`peaceplan: 2\nplan: p\nversion: ${version}\ntitle: T\ndate: 2025-11-20\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n${body}`);
  expect(r.errors).toEqual([]);
  return r.plan as Plan;
};
/** A plan read from YAML that must read without errors. */
const plan2 = (yaml: string) => {
  const r = parsePlan(yaml);
  expect(r.errors).toEqual([]);
  return r.plan as Plan;
};
const clause = (id: string, topic: string, extra: string) =>
  `  - id: ${id}\n    number: "${id.length}"\n    topic: ${topic}\n    title: ${id}\n    text: About ${id}.\n    status: proposed\n    certainty: reported\n    sources: [s1]\n${extra}`;

describe('family-defined topics and terms', () => {
  it('validate a family that declares them, and refuse them without the declarations', async () => {
    const family = await loadPlanFamily(dir);
    expect([family.terms?.errors, ...family.files.map((f) => f.errors), family.stakeholders?.errors]).toEqual([[], [], [], []]);
    const bare = parsePlan(text(`${dir}/v1.yaml`));
    expect(at(bare.errors)).toEqual(['UNKNOWN_FIELD 14:14', 'UNKNOWN_TOPIC 20:12']);
    expect(bare.errors[1]?.hint).toContain('allowed: sovereignty');
  });

  it('check a declared term by its type, at its place, with the allowed values', () => {
    const v1 = text(`${dir}/v1.yaml`);
    const wrong = parsePlan(v1.replace('spitStatus: monitored', 'spitStatus: monitord').replace('zoneSize: 300', 'zoneSize: "300"').replace('freeTradeAgreement: false', 'freeTradeAgreemnt: false'), { terms: TERMS });
    expect(wrong.errors.map((e) => [e.code, e.line, e.col, e.message, e.hint])).toEqual([
      ['INVALID_VALUE', 14, 26, 'the text "monitord" is not a valid `spitStatus`', 'did you mean `monitored`? allowed: militarised, monitored, demilitarised'],
      ['WRONG_TYPE', 23, 24, '`zoneSize` must be a number, found the text "300"', undefined],
      ['UNKNOWN_FIELD', 23, 53, 'unknown field `freeTradeAgreemnt`', 'did you mean `freeTradeAgreement`?'],
    ]);
    const topo = parsePlan(v1.replace('topic: trade', 'topic: trad'), { terms: TERMS });
    expect(topo.errors.map((e) => [e.code, e.hint?.slice(0, 22)])).toContainEqual(['UNKNOWN_TOPIC', 'did you mean `trade`? ']);
  });

  it('refuse declarations that redefine a built-in topic or term, or name no topic', () => {
    const r = parseTerms('peaceplan: 2\nplan: p\ntopics:\n  territory: { label: Land }\nterms:\n  military-limits:\n    personnelCap: { type: quantity }\n  trad:\n    x: { type: boolean }\n  other:\n    y: { type: text }\n');
    expect(r.errors.map((e) => `${e.code} ${e.line}:${e.col}`)).toEqual(['TERM_CONFLICT 4:3', 'TERM_CONFLICT 7:5', 'UNKNOWN_TOPIC 8:3', 'TERM_CONFLICT 11:5']);
    expect(parseTerms('peaceplan: 2\nplan: p\nterms:\n  economy:\n    zone: { type: enum }\n').errors.map((e) => e.code)).toEqual(['MISSING_FIELD']);
    expect(parseTerms('peaceplan: 2\nplan: p\nterms:\n  economy:\n    zone: { type: boolean, unit: km }\n').errors.map((e) => e.code)).toEqual(['INVALID_VALUE']);
  });

  it('diff a family term by its declared kind', async () => {
    const family = await loadPlanFamily(dir);
    const [a, b] = family.versions as [Plan, Plan];
    const says = diffPlans(a, b, { terms: TERMS }).clauses.flatMap((c) => c.terms.map((t) => t.says));
    expect(says).toEqual([
      'spit status moved up: monitored → demilitarised',
      'zone size raised 300 → 500 km² (+67 %)',
      'space added to monitoring',
      'free-trade agreement: no → yes',
      'partner set to eu',
      'tariff relief set to EUR 2 bn (target)',
    ]);
    // Without the declarations the values are still compared, only less knowingly.
    expect(diffPlans(a, b).clauses[0]?.terms[0]?.says).toBe('spit status changed: monitored → demilitarised');
  });

  it('take a value that states nothing (unstated), one of its values, and tell it against a term left out as no change', () => {
    const declared = (extra: string) => parseTerms(`peaceplan: 2\nplan: p\nterms:\n  economy:\n    zoneKind:\n      type: enum\n      values: [unknown, free-trade, customs]\n${extra}`);
    const terms = declared('      unstated: unknown\n').terms as FamilyTerms;
    expect(declared('      unstated: unkown\n').errors.map((e) => [e.code, e.line, e.col, e.hint])).toEqual([['INVALID_VALUE', 8, 17, 'name one of `unknown`, `free-trade`, `customs`, or add it to values']]);
    expect(parseTerms('peaceplan: 2\nplan: p\nterms:\n  economy:\n    zone: { type: boolean, unstated: no }\n').errors.map((e) => e.code)).toEqual(['INVALID_VALUE']);
    const zone = (value: string) => {
      const r = parsePlan(`peaceplan: 2\nplan: p\nversion: v1\ntitle: T\ndate: 2025-11-20\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n${clause('zone', 'economy', `    terms:\n      beneficiary: ukraine\n${value}`)}`, { terms });
      expect(r.errors).toEqual([]);
      return r.plan as Plan;
    };
    const d = diffPlans(zone('      zoneKind: unknown\n'), zone(''), { terms });
    expect(d.clauses[0]?.terms[0]).toMatchObject({ term: 'zoneKind', unstated: true });
    expect(d.summary.highlights).toEqual([]);
    expect(diffPlans(zone('      zoneKind: unknown\n'), zone('      zoneKind: customs\n'), { terms }).summary.highlights).toHaveLength(1);
    expect(JSON.stringify(familySchema(terms))).toContain('"x-unstated":"unknown"');
  });

  it('give editors one JSON Schema that agrees with the library on the family files', async () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(familySchema(TERMS));
    const { parse } = await import('yaml');
    for (const name of ['v1.yaml', 'v2.yaml']) expect(validate(parse(text(`${dir}/${name}`))), name).toBe(true);
    const broken = parse(text(`${dir}/v1.yaml`).replace('spitStatus: monitored', 'spitStatus: 3')) as unknown;
    expect(validate(broken)).toBe(false);
    expect(parsePlan(text(`${dir}/v1.yaml`).replace('spitStatus: monitored', 'spitStatus: 3'), { terms: TERMS }).ok).toBe(false);
    const io = await runCli('schema', dir);
    expect(io.code).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual(familySchema(TERMS));
  });
});

describe('format 2 in the diff', () => {
  const before = plan(
    clause('amnesty', 'amnesty', '    terms: { scope: full }\n') +
      clause('plant', 'nuclear', '    options:\n      - { id: trilateral, proposedBy: [us], text: Run by three., terms: { operator: [us, ukraine, russia] } }\n      - { id: joint-venture, proposedBy: [ukraine], text: Run by two., terms: { operator: [ukraine, us] } }\n') +
      clause('army', 'military-limits', '    terms: { personnelCap: 600000 }\n') +
      clause('hostages', 'humanitarian', '    terms: { bodiesReturned: true }\n') +
      clause('elections', 'elections', '    terms: { deadline: { hours: 48 } }\n'),
  );
  const after = plan(
    clause('amnesty', 'amnesty', '    terms: { scope: full }\n    conditions:\n      - { kind: compliance, event: weapons-decommissioned }\n      - { kind: referendum, after: ceasefire, minDays: 60 }\n') +
      clause('plant', 'nuclear', '    terms: { operator: [ukraine, us] }\n') +
      clause('army', 'military-limits', '    terms: { personnelLevel: 800000 }\n') +
      clause('hostages', 'humanitarian', '    terms: { bodiesReturned: true }\n    presence: unknown\n    carriedFrom: v1\n') +
      clause('elections', 'elections', '    terms: { deadline: { hours: 72 } }\n'),
    'v2',
  );
  const diff = diffPlans(before, after);
  const says = (id: string) => diff.clauses.find((c) => c.to?.id === id || c.from?.id === id)?.says;

  it('tells conditions, options, presence, quantity kinds and hours by what they mean', () => {
    expect(says('amnesty')).toBe('Clause 7 (amnesty): condition added: compliance: weapons-decommissioned; condition added: referendum at least 60 days after ceasefire');
    expect(says('plant')).toBe('Clause 5 (plant): operator set to ukraine, us; option trilateral (proposed by us) dropped; option joint-venture (proposed by ukraine) adopted');
    expect(says('army')).toBe('Clause 4 (army): level 800,000 personnel replaces cap 600,000 (+33 %)');
    expect(says('hostages')).toBe('Clause 8 (hostages): not known whether this version keeps it (carried over from v1)');
    expect(says('elections')).toBe('Clause 9 (elections): deadline loosened: 48 hours → 72 hours');
  });

  it('ranks a new condition with term changes, and an unknown presence not at all', () => {
    const ranked = diff.summary.highlights.map((h) => h.clause);
    expect(ranked.slice(0, 4).sort()).toEqual(['amnesty', 'army', 'elections', 'plant']);
    expect(ranked).not.toContain('hostages');
  });

  it('says a clause only carried into a version is not news when the next version lacks it', () => {
    const later = plan(clause('amnesty', 'amnesty', '    terms: { scope: full }\n'), 'v3');
    const gone = diffPlans(after, later).clauses.find((c) => c.from?.id === 'hostages');
    expect(gone).toMatchObject({ kind: 'removed', uncertain: true });
    expect(gone?.says).toBe('Clause 8 (hostages) not known whether it is in the earlier version (carried from v1); not in this one');
  });

  it('applies and reverses, and the reverse tells the same things the other way', () => {
    expect(applyDiff(before, diff).plan).toEqual(after);
    const back = reverseDiff(diff);
    expect(applyDiff(after, back).plan).toEqual(before);
    expect(back.clauses.find((c) => c.to?.id === 'amnesty')?.says).toContain('condition dropped: compliance: weapons-decommissioned');
    expect(back.clauses.find((c) => c.to?.id === 'plant')?.says).toContain('option trilateral (proposed by us) added');
    expect(back.clauses.find((c) => c.to?.id === 'army')?.says).toBe('Clause 4 (army): cap 600,000 personnel replaces level 800,000 (−25 %)');
  });
});

describe('format versions', () => {
  it('read version-1 files, and migrate them with comments kept', async () => {
    expect(parsePlan(MINIMAL).ok).toBe(true);
    const source = `# a comment kept\n${MINIMAL.replace('certainty: reported', 'certainty: unconfirmed  # carried?')}`;
    const r = migratePlanYaml(source);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(source.replace('peaceplan: 1', 'peaceplan: 2'));
    expect(r.review).toEqual(['army-cap']);
    expect(migratePlanYaml(r.text as string).text).toBe(r.text);
  });

  it('migrate in the CLI names the clauses to look at again', async () => {
    const io = await runCli('migrate', 'test/fixtures/valid/minimal.yaml');
    expect(io.code).toBe(0);
    expect(io.stdout).toBe(MINIMAL.replace('peaceplan: 1', 'peaceplan: 2'));
    expect(io.stderr).toBe('');
  });
});

describe('carried-over clauses in a family', () => {
  it('name a version the family has, and not their own', async () => {
    const { checkFamily } = await import('peaceplan');
    const head = (v: string, parent: string) => `peaceplan: 2\nplan: p\nversion: ${v}\ntitle: T\ndate: 2025-11-2${v.length}\nparent: ${parent}\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n`;
    const carried = (from: string) => clause('amnesty', 'amnesty', `    presence: unknown\n    carriedFrom: ${from}\n`);
    const a = parsePlan(head('a', 'null') + clause('amnesty', 'amnesty', ''), { file: 'a.yaml' });
    const b = parsePlan(head('bb', 'a') + carried('zz'), { file: 'bb.yaml' });
    const c = parsePlan(head('ccc', 'a') + carried('ccc'), { file: 'ccc.yaml' });
    const ok = parsePlan(head('dddd', 'a') + carried('a'), { file: 'dddd.yaml' });
    const { errors } = checkFamily([a, b, c, ok]);
    expect(errors.map((e) => `${e.file} ${e.code} ${e.line}:${e.col}`)).toEqual(['bb.yaml UNKNOWN_VERSION 19:18', 'ccc.yaml INVALID_VALUE 19:18']);
  });
});

describe('clauses reported dropped (removed)', () => {
  const head = (v: string, parent: string, n = 2) => `peaceplan: ${n}\nplan: p\nversion: ${v}\ntitle: T\ndate: 2025-11-2${v.length}\nparent: ${parent}\nsources:\n  s1: { title: A, publisher: B }\n  s2: { title: C, publisher: D }\nclauses:\n`;
  const removal = (id: string, extra = '') => `  - clause: ${id}\n    topic: amnesty\n    title: Full amnesty\n    sources: [s2]\n${extra}`;
  const base = head('a', 'null') + clause('amnesty', 'amnesty', '') + clause('cap', 'military-limits', '');

  it('are checked in the file: a clause of the version, a repeat, format 1, and sources cited', () => {
    const r = parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('cap')}${removal('amnesty')}${removal('amnesty')}`);
    expect(at(r.errors)).toEqual(['DUPLICATE_CLAUSE_ID 20:13', 'DUPLICATE_CLAUSE_ID 28:13']);
    expect(r.errors.map((e) => e.message)).toEqual(['clause `cap` is listed as removed but is a clause of this version', 'clause `amnesty` is listed as removed twice']);
    const v1 = parsePlan(head('bb', 'a', 1) + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`);
    expect(at(v1.errors)).toEqual(['NEEDS_FORMAT_2 19:1']);
    // The source a removal cites is a cited source; one it names that is not there is unknown.
    expect(parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`).errors).toEqual([]);
    expect(at(parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty').replace('[s2]', '[s3]')}`).errors)).toContain('UNKNOWN_SOURCE 23:15');
  });

  it('are held to their evidence as clauses are, and one resting on one report weighs with the absences, below every stated change', () => {
    const one = parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`);
    const onRemovals = (r: typeof one) => r.warnings.filter((w) => w.path[0] === 'removed').map((e) => `${e.code} ${e.severity} ${e.line}:${e.col}`);
    expect(one.errors).toEqual([]);
    expect(onRemovals(one)).toEqual(['SINGLE_OUTLET warning 20:13']);
    // s1 and s2 are two outlets; one of them alone is not enough for `reported`, the default.
    const single = parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty').replace('[s2]', '[s2]\n    certainty: reported')}`);
    expect(onRemovals(single)).toEqual(['SINGLE_OUTLET warning 24:16']);
    const two = parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty').replace('[s2]', '[s1, s2]')}`);
    expect(onRemovals(two)).toEqual([]);
    // The version is known only in part (reported): the entry's word is all there is.
    const weakText = head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty', '    certainty: unconfirmed\n')}`;
    const weak = parsePlan(weakText.replace('parent: a\n', 'parent: a\nprovenance: reported\n')).plan as Plan;
    expect(weak.removed?.[0]?.certainty).toBe('unconfirmed');
    const a = parsePlan(base).plan as Plan;
    const [firm, soft] = [one.plan as Plan, weak].map((v) => diffPlans(a, v).clauses.find((c) => c.from?.id === 'amnesty'));
    expect(firm?.says).toBe('Clause 7 (amnesty) removed (reported by s2)');
    expect(soft?.says).toBe('Clause 7 (amnesty) removed (reported, unconfirmed, by s2)');
    expect(soft?.reported).toEqual({ sources: ['s2'], unconfirmed: true });
    const weightOf = (v: Plan) => diffPlans(a, v).summary.highlights.find((h) => h.clause === 'amnesty')?.weight ?? 0;
    expect(weightOf(one.plan as Plan)).toBeGreaterThanOrEqual(4);
    expect(weightOf(weak)).toBeLessThan(2);
    // A version known in full lacks the clause in its text: the removal is not unconfirmed, however weak the report.
    const full = parsePlan(weakText).plan as Plan;
    expect(diffPlans(a, full).clauses.find((c) => c.from?.id === 'amnesty')?.says).toBe('Clause 7 (amnesty) removed (reported by s2)');
    expect(weightOf(full)).toBeGreaterThanOrEqual(4);
  });

  it('name a clause of the version they drop it from, in the family', async () => {
    const { checkFamily } = await import('peaceplan');
    const a = parsePlan(base, { file: 'a.yaml' });
    const ok = parsePlan(head('bb', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`, { file: 'bb.yaml' });
    const typo = parsePlan(head('ccc', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnest')}`, { file: 'ccc.yaml' });
    const far = parsePlan(head('dddd', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty', '    from: zz\n')}`, { file: 'dddd.yaml' });
    const orphan = parsePlan(head('eeeee', 'null') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`, { file: 'eeeee.yaml' });
    const { errors } = checkFamily([a, ok, typo, far, orphan]);
    expect(errors.map((e) => `${e.file} ${e.code} ${e.line}:${e.col}`)).toEqual(['ccc.yaml UNKNOWN_CLAUSE 20:13', 'dddd.yaml UNKNOWN_VERSION 24:11', 'eeeee.yaml INVALID_VALUE 20:5']);
    expect(errors[0]?.hint).toBe('did you mean `amnesty`?');
    // An id another author would write for it: the parent's clauses that share a word, else its ids, to choose from.
    const worded = parsePlan(head('gg', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('blanket-amnesty')}`, { file: 'g.yaml' });
    const unlike = parsePlan(head('hh', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('troop-ceiling-600k')}`, { file: 'h.yaml' });
    const [shared, none] = checkFamily([a, worded, unlike]).errors;
    expect(shared?.hint).toMatch(/^name a clause of a; sharing a word with it: `amnesty` \(/);
    expect(none?.hint).toBe(`name a clause of a: ${(a.plan as Plan).clauses.map((c) => c.id).join(', ')}`);
    // Short words that name something count ("end", "war"), filler does not ("of"); the clause sharing most comes first.
    const titled = parsePlan(head('a', 'null') + clause('war-crimes', 'amnesty', '') + clause('ceasefire', 'ceasefire', '').replace('title: ceasefire', 'title: End of the war and a pull-back'), { file: 'a.yaml' });
    const guessed = parsePlan(head('ii', 'a') + clause('cap', 'military-limits', '') + `removed:\n${removal('end-of-war')}`, { file: 'i.yaml' });
    expect(checkFamily([titled, guessed]).errors.map((e) => e.hint)).toEqual(['name a clause of a; sharing a word with it: `ceasefire` (End of the war and a pull-back), `war-crimes` (war-crimes)']);
    // A parent the family lacks is told once, not again for each removal.
    const lost = parsePlan(head('ffffff', 'zz') + clause('cap', 'military-limits', '') + `removed:\n${removal('amnesty')}`, { file: 'f.yaml' });
    expect(checkFamily([a, lost]).errors.map((e) => e.code)).toEqual(['UNKNOWN_PARENT']);
  });

  it('merge member by member, and leave out a clause the merged version keeps', async () => {
    const { mergePlans } = await import('peaceplan');
    const a = parsePlan(base).plan as Plan;
    const drops = (v: string, ids: string[], keep: string) => parsePlan(head(v, 'a') + clause(keep, keep === 'cap' ? 'military-limits' : 'amnesty', '') + `removed:\n${ids.map((id) => removal(id)).join('')}`).plan as Plan;
    // Ours drops the amnesty, theirs the cap: the merge keeps the clause a side changed (a conflict) or drops it, and its list agrees.
    const merged = mergePlans(a, drops('bb', ['amnesty'], 'cap'), drops('cc', ['cap'], 'amnesty'));
    const ids = new Set(merged.plan.clauses.map((c) => c.id));
    expect((merged.plan.removed ?? []).filter((r) => ids.has(r.clause))).toEqual([]);
    expect(parsePlan(JSON.stringify(merged.plan)).errors.filter((e) => e.code === 'DUPLICATE_CLAUSE_ID')).toEqual([]);
    const same = drops('bb', ['amnesty'], 'cap');
    expect(mergePlans(a, same, a).plan).toEqual(same);
  });
});

describe('clauses reported new (added)', () => {
  // The earlier version is known only in part: a clause it does not show may be there unreported, unless reports say it is new.
  const head = (v: string, parent: string, n = 2, provenance = 'official') => `peaceplan: ${n}\nplan: p\nversion: ${v}\ntitle: T\ndate: 2025-11-2${v.length}\nparent: ${parent}\nprovenance: ${provenance}\nsources:\n  s1: { title: A, publisher: B }\n  s2: { title: C, publisher: D }\nclauses:\n`;
  const addition = (id: string, extra = '') => `  - clause: ${id}\n    sources: [s2]\n${extra}`;
  const base = head('a', 'null', 2, 'reported') + clause('cap', 'military-limits', '');
  const later = (v: string, entries: string, n = 2) => head(v, 'a', n) + clause('cap', 'military-limits', '') + clause('perimeter', 'territory', '    terms: { swapsNegotiable: true }\n') + (entries ? `added:\n${entries}` : '');

  it('are checked in the file: a clause of the version, listed once, format 2, sources cited', () => {
    expect(parsePlan(later('bb', addition('perimeter'))).errors).toEqual([]);
    const r = parsePlan(later('bb', addition('perimetre') + addition('cap') + addition('cap')));
    expect(r.errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`)).toEqual([
      'UNKNOWN_CLAUSE 30:13 clause `perimetre` is listed as added but is not a clause of this version',
      'DUPLICATE_CLAUSE_ID 34:13 clause `cap` is listed as added twice',
    ]);
    expect(r.errors[0]?.hint).toBe('did you mean `perimeter`?');
    expect(at(parsePlan(later('bb', addition('perimeter'), 1)).errors)).toEqual(['NEEDS_FORMAT_2 29:1']);
    expect(at(parsePlan(later('bb', addition('perimeter').replace('[s2]', '[s3]'))).errors)).toContain('UNKNOWN_SOURCE 31:15');
    // Held to their evidence as a clause is: one outlet is not `reported`, the default.
    const warned = parsePlan(later('bb', addition('perimeter'))).warnings.filter((w) => w.path[0] === 'added');
    expect(warned.map((w) => `${w.code} ${w.line}:${w.col}`)).toEqual(['SINGLE_OUTLET 30:13']);
  });

  it('are told as added against a version known in part, weighed as news, and the other way as reported absent', () => {
    const a = parsePlan(base).plan as Plan;
    const told = plan2(later('bb', addition('perimeter', '    certainty: unconfirmed\n').replace('[s2]', '[s1, s2]')));
    const firm = plan2(later('bb', addition('perimeter').replace('[s2]', '[s1, s2]')));
    const silent = plan2(later('bb', ''));
    const change = (v: Plan) => diffPlans(a, v).clauses.find((c) => c.to?.id === 'perimeter');
    expect(change(silent)).toMatchObject({ kind: 'added', partial: true });
    expect(change(firm)).toMatchObject({ kind: 'added', reported: { sources: ['s1', 's2'], added: true } });
    expect(change(firm)?.partial).toBeUndefined();
    expect(change(firm)?.says).toBe('Clause 9 (perimeter) added (reported new by s1, s2)');
    expect(change(told)?.says).toBe('Clause 9 (perimeter) added (reported new, unconfirmed, by s1, s2)');
    const weight = (v: Plan) => diffPlans(a, v).summary.highlights.find((h) => h.clause === 'perimeter')?.weight ?? 0;
    // A clause with a term: 5.4 as any clause added; unreported in part, or on one report, below every stated change.
    expect([weight(firm), weight(told), weight(silent)]).toEqual([5.4, 1.55, 1.05]);
    // Seen from the later version, the earlier one is reported not to have it; reversing the diff says the same.
    const back = diffPlans(firm, a).clauses.find((c) => c.from?.id === 'perimeter');
    expect(back).toMatchObject({ kind: 'removed', reported: { added: true } });
    expect(back?.says).toBe('Clause 9 (perimeter) removed (reported absent from this version by s1, s2)');
    expect(reverseDiff(diffPlans(a, firm)).clauses.find((c) => c.from?.id === 'perimeter')?.says).toBe(back?.says);
    // An entry that names another version says nothing of this one; the plan's list is a field of its own.
    const other = plan2(later('bb', addition('perimeter', '    since: zz\n')));
    expect(change(other)).toMatchObject({ partial: true });
    expect(diffPlans(silent, firm).meta.find((f) => f.field === 'added')?.says).toBe('reported new: perimeter');
    expect(summarizePlan(firm).added).toEqual(['perimeter']);
  });

  it('name a version of the family that does not have the clause', async () => {
    const { checkFamily } = await import('peaceplan');
    const a = parsePlan(base, { file: 'a.yaml' });
    const ok = parsePlan(later('bb', addition('perimeter')), { file: 'bb.yaml' });
    const there = parsePlan(later('ccc', addition('cap')), { file: 'ccc.yaml' });
    const far = parsePlan(later('dddd', addition('perimeter', '    since: zz\n')), { file: 'dddd.yaml' });
    const orphan = parsePlan(later('eeeee', addition('perimeter')).replace('parent: a', 'parent: null'), { file: 'eeeee.yaml' });
    const { errors } = checkFamily([a, ok, there, far, orphan]);
    expect(errors.map((e) => `${e.file} ${e.code} ${e.line}:${e.col}`)).toEqual(['ccc.yaml INVALID_VALUE 30:13', 'dddd.yaml UNKNOWN_VERSION 32:12', 'eeeee.yaml INVALID_VALUE 30:5']);
    expect(errors[0]?.message).toBe('clause `cap` is said to be new since `a`, which has a clause of that id');
    expect(errors[2]?.message).toBe('an addition needs the version it is new since, and this version has no parent');
  });

  it('merge member by member, and leave out a clause the merged version lost', async () => {
    const { mergePlans } = await import('peaceplan');
    const a = parsePlan(base).plan as Plan;
    const firm = plan2(later('bb', addition('perimeter')));
    expect(mergePlans(a, firm, a).plan).toEqual(firm);
    // Theirs takes the new clause out again: the merge loses it, and its report with it.
    const without = { ...firm, version: 'cc', clauses: firm.clauses.filter((c) => c.id !== 'perimeter'), added: [] };
    const merged = mergePlans(firm, firm, without).plan;
    expect(merged.clauses.map((c) => c.id)).toEqual(['cap']);
    expect(merged.added).toBeUndefined();
    // Two sides that each report it new: one entry.
    expect(mergePlans(a, firm, { ...firm, version: 'cc' }).plan.added).toEqual(firm.added);
    // An entry one side changed keeps the change; two different changes conflict (ours kept); the fields keep their order.
    const edited = (certainty: 'unconfirmed' | 'confirmed') => ({ ...firm, version: 'cc', added: [{ ...(firm.added?.[0] as NonNullable<Plan['added']>[number]), certainty }] });
    const one = mergePlans(firm, firm, edited('unconfirmed'));
    expect([one.plan.added?.[0]?.certainty, one.conflicts]).toEqual(['unconfirmed', []]);
    const both = mergePlans(firm, edited('confirmed'), edited('unconfirmed'));
    expect([both.plan.added?.[0]?.certainty, both.conflicts.map((c) => c.field)]).toEqual(['confirmed', ['added.perimeter.certainty']]);
    expect(both.conflicts[0]?.says).toBe('added.perimeter.certainty changed differently: ours confirmed, theirs unconfirmed');
    // Changes to different members of one entry both land, its sources as a set.
    const entry = firm.added?.[0] as NonNullable<Plan['added']>[number];
    const noted = { ...firm, added: [{ ...entry, note: 'Two outlets.', sources: ['s1', 's2'] }] };
    const apart = mergePlans(firm, noted, edited('unconfirmed'));
    expect([apart.plan.added, apart.conflicts]).toEqual([[{ ...entry, note: 'Two outlets.', sources: ['s1', 's2'], certainty: 'unconfirmed' }], []]);
    // Each side takes out the source the other kept: none would be left, so the two conflict and ours stays.
    const cites = (v: string, sources: string[]) => ({ ...firm, version: v, added: [{ ...entry, sources }] });
    const bare = mergePlans(cites('bb', ['s1', 's2']), cites('bb', ['s1']), cites('cc', ['s2']));
    expect([bare.plan.added?.[0]?.sources, bare.conflicts.map((c) => c.field)]).toEqual([['s1'], ['added.perimeter.sources']]);
    expect(parsePlan(JSON.stringify(bare.plan)).errors).toEqual([]);
    // So for a clause's own sources.
    const clauseCites = (v: string, sources: string[]) => ({ ...firm, version: v, clauses: firm.clauses.map((c) => (c.id === 'cap' ? { ...c, sources } : c)) });
    const emptied = mergePlans(clauseCites('bb', ['s1', 's2']), clauseCites('bb', ['s1']), clauseCites('cc', ['s2']));
    expect([emptied.plan.clauses.find((c) => c.id === 'cap')?.sources, emptied.conflicts.map((c) => `${c.clause} ${c.field}`)]).toEqual([['s1'], ['cap sources']]);
    // An entry one side took out and the other changed stays, changed, with a conflict.
    const gone = { ...firm, version: 'cc', added: [] };
    const kept = mergePlans(firm, gone, edited('unconfirmed'));
    expect([kept.plan.added?.[0]?.certainty, kept.conflicts.map((c) => c.field)]).toEqual(['unconfirmed', ['added.perimeter']]);
    const { formatPlanYaml, toYaml } = await import('peaceplan');
    const written = toYaml(mergePlans(firm, firm, { ...edited('unconfirmed'), added: [{ sources: ['s2'], since: 'a', clause: 'perimeter' }] }).plan);
    expect(formatPlanYaml(written).text).toMatch(/\nadded:\n {2}- clause: perimeter\n {4}since: a\n {4}sources:/);
  });

  it('keep the clause from pairing with a clause of that version, speak only against a version known in part, and contradict no other field', () => {
    // The earlier version has a clause much like it: the writer's report keeps the two apart.
    const a = parsePlan(base.replace("clause('cap'", "clause('cap'") + clause('perimetre', 'territory', '    terms: { swapsNegotiable: true }\n')).plan as Plan;
    const said = plan2(later('bb', addition('perimeter').replace('[s2]', '[s1, s2]')));
    const silent = plan2(later('bb', ''));
    expect(diffPlans(a, silent).clauses.find((c) => c.to?.id === 'perimeter')?.from?.id).toBe('perimetre');
    const apart = diffPlans(a, said);
    expect(apart.clauses.filter((c) => c.to?.id === 'perimeter' || c.from?.id === 'perimetre').map((c) => c.kind).sort()).toEqual(['added', 'removed']);
    // A pin still pairs them.
    expect(diffPlans(a, said, { pairs: [{ from: 'perimetre', to: 'perimeter' }] }).clauses.find((c) => c.to?.id === 'perimeter')?.from?.id).toBe('perimetre');
    // Against a version known in full, an entry on one report does not make the addition weigh less.
    const full = parsePlan(base.replace('provenance: reported', 'provenance: official')).plan as Plan;
    const weak = plan2(later('bb', addition('perimeter', '    certainty: unconfirmed\n')));
    const added = diffPlans(full, weak).clauses.find((c) => c.to?.id === 'perimeter');
    expect([added?.kind, added?.reported, diffPlans(full, weak).summary.highlights.find((h) => h.clause === 'perimeter')?.weight]).toEqual(['added', undefined, 5.4]);
    // A clause carried over unseen is not reported new; one new since the parent takes in none of its clauses.
    const wrong = (extra: string) => parsePlan(later('bb', addition('perimeter')).replace('    terms: { swapsNegotiable: true }\n', `    terms: { swapsNegotiable: true }\n${extra}`)).errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`);
    expect(wrong('    presence: assumed\n    carriedFrom: a\n')).toEqual(['INVALID_VALUE 32:13 clause `perimeter` is listed as added but carried over unseen (presence assumed)']);
    expect(wrong('    covers: [cap]\n')).toEqual(expect.arrayContaining(['INVALID_VALUE 31:13 clause `perimeter` is listed as new since the parent but takes in its clauses (covers)']));
    expect(wrong('    partOf: cap\n')).toEqual(['INVALID_VALUE 31:13 clause `perimeter` is listed as new since the parent but takes in its clause (partOf)']);
  });
});

describe('terms a version does not report (unreported)', () => {
  const cap = (extra: string) => clause('cap', 'military-limits', extra);
  const old = plan(cap('    terms: { party: ukraine, personnelCap: 600000, appliesIn: always }\n'));

  it('are checked: a term of the topic, not also set, in format 2 only', () => {
    const read = (body: string, format = 2) => parsePlan(`peaceplan: ${format}\nplan: p\nversion: v\ntitle: T\ndate: 2025-11-20\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n${body}`);
    expect(read(cap('    terms: { party: ukraine }\n    unreported: [personnelCap, appliesIn]\n')).errors).toEqual([]);
    const typo = read(cap('    terms: { party: ukraine }\n    unreported: [personelCap]\n')).errors;
    expect(typo.map((e) => [e.code, e.message, e.hint])).toEqual([['UNKNOWN_TERM', '`personelCap` is not a term of topic `military-limits`', 'did you mean `personnelCap`?']]);
    expect(read(cap('    terms: { party: ukraine }\n    unreported: [party]\n')).errors.map((e) => e.code)).toEqual(['INVALID_VALUE']);
    expect(read(cap('    terms: { party: ukraine }\n    unreported: [personnelCap]\n').replace(/number: "3"\n/, 'number: "3"\n'), 1).errors.map((e) => e.code)).toContain('NEEDS_FORMAT_2');
    // In the catch-all topic the writer names the terms: any name will do.
    expect(read(clause('x', 'other', '    unreported: [truckCount]\n')).errors).toEqual([]);
  });

  it('read as not known in the version, not as dropped, and weigh nothing', () => {
    const quiet = plan(cap('    terms: { party: ukraine }\n    unreported: [personnelCap, appliesIn]\n'), 'v2');
    const diff = diffPlans(old, quiet);
    const c = diff.clauses[0];
    expect(c?.terms.map((t) => [t.unreported, t.says])).toEqual([
      ['to', 'cap not reported in this version (was 600,000 personnel)'],
      ['to', 'applies in not reported in this version (was always)'],
    ]);
    expect(diff.summary.highlights).toEqual([]);
    // Seen the other way, the earlier version is the one that did not report them.
    expect(reverseDiff(diff).clauses[0]?.terms.map((t) => [t.unreported, t.says])).toEqual([
      ['from', 'cap set to 600,000 personnel (not reported in the earlier version)'],
      ['from', 'applies in set to always (not reported in the earlier version)'],
    ]);
    expect(applyDiff(old, diff).plan).toEqual(quiet);
    // Without the list, the same file drops the cap.
    const { unreported: _, ...bare } = quiet.clauses[0] as Plan['clauses'][number];
    expect(diffPlans(old, { ...quiet, clauses: [bare] }).clauses[0]?.terms.map((t) => t.says)).toContain('cap dropped (was 600,000 personnel)');
    // A value the version does report still counts, and the diff applies and reverses.
    const raised = plan(cap('    terms: { party: ukraine, personnelCap: 800000 }\n    unreported: [appliesIn]\n'), 'v2');
    expect(diffPlans(old, raised).clauses[0]?.terms.filter((t) => !t.unreported).map((t) => t.says)).toEqual(['cap raised 600,000 → 800,000 personnel (+33 %)']);
    expect(diffPlans(old, raised).summary.highlights[0]?.says).toBe('Clause 3 (cap): cap raised 600,000 → 800,000 personnel (+33 %)');
    expect(applyDiff(old, diffPlans(old, raised)).plan).toEqual(raised);
    expect(applyDiff(raised, reverseDiff(diffPlans(old, raised))).plan).toEqual(old);
  });

  it('show in the HTML term table as not reported, not as "(none)"', async () => {
    const { renderHtml } = await import('peaceplan');
    const renderDiffHtml = (diff: ReturnType<typeof diffPlans>, sides: { from: Plan }) => renderHtml({ diffs: [{ diff, ...sides }] });
    const quiet = plan(cap('    terms: { party: ukraine }\n    unreported: [personnelCap, appliesIn]\n'), 'v2');
    const row = renderDiffHtml(diffPlans(old, quiet), { from: old }).match(/<tr><th scope="row"><code>personnelCap<\/code><\/th>.*?<\/tr>/)?.[0] ?? '';
    expect(row).toContain('<td>600,000</td><td><span class="muted">not reported</span></td>');
    expect(row).not.toContain('(none)');
    const back = renderDiffHtml(reverseDiff(diffPlans(old, quiet)), { from: quiet }).match(/<tr><th scope="row"><code>personnelCap<\/code><\/th>.*?<\/tr>/)?.[0] ?? '';
    expect(back).toContain('<td><span class="muted">not reported</span></td><td>600,000</td>');
  });

  it('leave the list when a merge takes the value from the side that reports it', async () => {
    const { mergePlans } = await import('peaceplan');
    const ours = plan(cap('    terms: { party: ukraine, personnelCap: 800000, appliesIn: always }\n'), 'v2');
    const theirs = plan(cap('    terms: { party: ukraine, appliesIn: always }\n    unreported: [personnelCap]\n'), 'v3');
    const merged = mergePlans(old, ours, theirs).plan.clauses[0];
    expect(merged?.terms).toMatchObject({ personnelCap: 800000 });
    expect(merged).not.toHaveProperty('unreported');
  });
});

describe('rival options in a position matrix', () => {
  it('gives each option its own stance, without making the clause opposed', async () => {
    const { buildMatrix, parsePositions } = await import('peaceplan');
    const version = plan(
      clause('plant', 'nuclear', '    terms: { plant: zaporizhzhia-npp }\n    options:\n      - { id: trilateral, proposedBy: [us], text: Run by three., terms: { operator: [us, ukraine, russia] } }\n      - { id: joint-venture, proposedBy: [ukraine], text: Run by two., terms: { operator: [ukraine, us] } }\n      - { id: old-idea, proposedBy: [russia], status: withdrawn, text: Run by one., terms: { operator: russia } }\n'),
    );
    const rules = [
      "  - { id: no-russian-operator, stakeholder: ukraine, topic: nuclear, when: { operator: { includes: russia } }, stance: oppose, otherwise: support, salience: 1, date: 2025-12-01, sources: [p1] }",
    ].join('\n');
    const positions = parsePositions(`peaceplan: 1\nplan: p\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n${rules}\n`);
    expect(positions.errors).toEqual([]);
    const m = buildMatrix(version, positions.positions!);
    const cell = m.rows.find((r) => r.stakeholder === 'ukraine')?.cells[0];
    expect(cell?.stance).toBeNull();
    expect(cell?.options).toEqual([
      { option: 'trilateral', stance: 'oppose' },
      { option: 'joint-venture', stance: 'support' },
    ]);
    expect(cell?.reasons.map((r) => r.says)).toEqual([
      'under option trilateral (proposed by us): operator us, ukraine, russia includes russia',
      'under option joint-venture (proposed by ukraine): operator ukraine, us lacks russia',
    ]);
    expect(m.blocked).toEqual([]);
    // One operator written alone is a set of one.
    const single = plan(clause('plant', 'nuclear', '    terms: { operator: russia }\n'));
    expect(buildMatrix(single, positions.positions!).rows[0]?.cells[0]?.stance).toBe('oppose');
  });
});

describe('conditions a version does not report (unreported: [conditions])', () => {
  const tied = '    terms: { scope: full }\n    conditions:\n      - { kind: compliance, event: weapons-decommissioned, by: [hamas] }\n';
  const silent = '    terms: { scope: full }\n    unreported: [conditions]\n';
  const old = plan(clause('amnesty', 'amnesty', tied));
  const quiet = plan(clause('amnesty', 'amnesty', silent), 'v2');

  it('are checked: the clause then states no conditions', () => {
    const read = (body: string) => parsePlan(`peaceplan: 2\nplan: p\nversion: v\ntitle: T\ndate: 2025-11-20\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n${body}`).errors;
    expect(read(clause('amnesty', 'amnesty', silent))).toEqual([]);
    const both = read(clause('amnesty', 'amnesty', `${tied}    unreported: [conditions]\n`));
    expect(both.map((e) => [e.code, e.message])).toEqual([['INVALID_VALUE', 'the clause states conditions and lists `conditions` as unreported']]);
  });

  it('read as not known in the version, not as dropped, weigh nothing, and reverse and apply', async () => {
    const diff = diffPlans(old, quiet);
    const f = diff.clauses[0]?.fields.find((x) => x.field === 'conditions');
    expect([f?.unreported, f?.says]).toEqual(['to', 'conditions not reported in this version (were: compliance: weapons-decommissioned by hamas)']);
    expect(diff.summary.highlights).toEqual([]);
    // Told with the bookkeeping, after the clause's substance (here there is none).
    const { renderDiffText } = await import('peaceplan');
    expect(renderDiffText(diff)).toContain('also: conditions not reported in this version (were: compliance: weapons-decommissioned by hamas)');
    const back = reverseDiff(diff).clauses[0]?.fields.find((x) => x.field === 'conditions');
    expect([back?.unreported, back?.says]).toEqual(['from', 'conditions set: compliance: weapons-decommissioned by hamas (not reported in the earlier version)']);
    expect(reverseDiff(diff).summary.highlights).toEqual([]);
    expect(applyDiff(old, diff).plan).toEqual(quiet);
    expect(applyDiff(quiet, reverseDiff(diff)).plan).toEqual(old);
    const valid = new Ajv2020({ strict: false }).compile(JSON.parse(text('schemas/diff.schema.json')) as object);
    expect([valid(JSON.parse(JSON.stringify(diff))), valid(JSON.parse(JSON.stringify(reverseDiff(diff))))]).toEqual([true, true]);
    // Without the list, the same file drops the condition, and that is news.
    const { unreported: _, ...bare } = quiet.clauses[0] as Plan['clauses'][number];
    const dropped = diffPlans(old, { ...quiet, clauses: [bare] });
    expect(dropped.clauses[0]?.fields.find((x) => x.field === 'conditions')?.says).toBe('condition dropped: compliance: weapons-decommissioned by hamas');
    expect(dropped.summary.highlights).toHaveLength(1);
  });

  it('give a rule testing them no stance, and leave the list when a merge takes them from the side that states them', async () => {
    const { buildMatrix, mergePlans, parsePositions } = await import('peaceplan');
    const positions = parsePositions(`peaceplan: 1\nplan: p\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n  - { id: r1, stakeholder: hamas, topic: amnesty, when: { conditions: { any: { kind: { eq: compliance } } } }, stance: oppose, otherwise: support, ifAbsent: oppose, salience: 1, date: 2025-10-03, sources: [p1] }\n`).positions!;
    expect(buildMatrix(old, positions).rows[0]?.cells[0]?.stance).toBe('oppose');
    const row = buildMatrix(quiet, positions).rows[0];
    expect([row?.cells[0]?.stance, row?.acceptability.absent]).toEqual([null, []]);
    const base = plan(clause('amnesty', 'amnesty', '    terms: { scope: full }\n'));
    const merged = mergePlans(base, plan(clause('amnesty', 'amnesty', tied), 'v2'), plan(clause('amnesty', 'amnesty', silent), 'v3')).plan.clauses[0];
    expect(merged?.conditions).toHaveLength(1);
    expect(merged).not.toHaveProperty('unreported');
  });
});

describe('conditions in position rules', () => {
  it('can be tested like a list term, and are checked like one', async () => {
    const { buildMatrix, checkPositions, parsePositions } = await import('peaceplan');
    const version = plan(clause('amnesty', 'amnesty', '    terms: { scope: full }\n    conditions:\n      - { kind: compliance, event: weapons-decommissioned, by: [hamas] }\n'));
    const rule = (when: string) =>
      `peaceplan: 1\nplan: p\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n  - { id: r1, stakeholder: hamas, topic: amnesty, when: ${when}, stance: oppose, otherwise: support, salience: 1, date: 2025-10-03, sources: [p1] }\n`;
    const tied = parsePositions(rule('{ conditions: { any: { kind: { eq: compliance }, event: { eq: weapons-decommissioned } } } }'));
    expect(checkPositions(tied, [version])).toEqual([]);
    const cell = buildMatrix(version, tied.positions!).rows[0]?.cells[0];
    expect(cell?.stance).toBe('oppose');
    const free = plan(clause('amnesty', 'amnesty', '    terms: { scope: full }\n'));
    // Without conditions the rule's test has nothing to look at: like a term the clause does not state.
    expect(buildMatrix(free, tied.positions!).rows[0]?.cells[0]?.stance).toBeNull();
    const typo = parsePositions(rule('{ conditions: { any: { kind: { eq: complience } } } }'));
    expect(checkPositions(typo, [version]).map((e) => e.code)).toEqual(['INVALID_CONDITION']);
  });
});

describe('review fixes, kept fixed', () => {
  const people = { peaceplan: 1 as const, plan: 'p', stakeholders: [{ id: 'us', name: 'US', kind: 'state' as const }, { id: 'ukraine', name: 'U', kind: 'state' as const }] };
  const plant = (extra: string) =>
    `peaceplan: 2\nplan: p\nversion: v\ntitle: T\ndate: 2025-11-20\nsources:\n  s1: { title: A, publisher: B }\n  s2: { title: C, publisher: D }\nclauses:\n  - id: plant\n    number: "1"\n    topic: nuclear\n    title: P\n    text: T.\n${extra}    status: proposed\n    certainty: unconfirmed\n    sources: [s1, s2]\n`;

  it('check the stakeholders and sources of options and of a party written alone or as a list', () => {
    const codes = (extra: string) => parsePlan(plant(extra), { stakeholders: people }).errors.map((e) => `${e.code} ${e.line}:${e.col}`);
    expect(codes('    terms: { operator: ghost }\n')).toEqual(['UNKNOWN_STAKEHOLDER 15:24']);
    expect(codes('    terms: { operator: [us, ghost] }\n')).toEqual(['UNKNOWN_STAKEHOLDER 15:29']);
    expect(codes('    options:\n      - { id: o, proposedBy: [ghost], text: T., sources: [nosuch], terms: { operator: [ghost] } }\n')).toEqual([
      'UNKNOWN_STAKEHOLDER 16:31',
      'UNKNOWN_SOURCE 16:59',
      'UNKNOWN_STAKEHOLDER 16:88',
    ]);
  });

  it('keep prototype names out of family declarations and own keys in the view', () => {
    expect(parseTerms('peaceplan: 2\nplan: p\ntopics:\n  constructor: { label: C }\n').errors.map((e) => e.code)).toEqual(['INVALID_VALUE']);
    expect(parseTerms('peaceplan: 2\nplan: p\nterms:\n  economy:\n    toString: { type: boolean }\n').errors.map((e) => e.code)).toEqual(['INVALID_VALUE']);
    const terms = parseTerms('peaceplan: 2\nplan: p\nterms:\n  humanitarian:\n    trucks: { type: quantity }\n').terms!;
    const text = plant('').replace('topic: nuclear', 'topic: humanitarian').replace('    text: T.\n', '    text: T.\n    terms: { trucks: 5, "__proto__": 7 }\n');
    expect(parsePlan(text, { terms }).errors.map((e) => e.code)).toEqual(['UNKNOWN_FIELD']);
  });

  it('keep topics whose ids differ only by a hyphen apart in the family schema', () => {
    const terms = parseTerms('peaceplan: 2\nplan: p\ntopics:\n  phase-2: { label: A }\n  phase2: { label: B }\nterms:\n  phase-2:\n    a: { type: boolean }\n  phase2:\n    b: { type: boolean }\n').terms!;
    const defs = familySchema(terms).$defs as Record<string, { properties?: object }>;
    expect(Object.keys(defs['family-terms-phase-2']?.properties ?? {})).toEqual(['a']);
    expect(Object.keys(defs['family-terms-phase2']?.properties ?? {})).toEqual(['b']);
  });

  it('compare hours with days, and tell a replacement only between kinds of one unit', () => {
    const d = (from: string, to: string) => diffPlans(plan(clause('g', 'guarantees', `    terms: { duration: ${from} }\n`)), plan(clause('g', 'guarantees', `    terms: { duration: ${to} }\n`), 'v2')).clauses[0]?.terms[0];
    expect(d('{ amount: 72, unit: hours }', '{ amount: 3, unit: days }')?.direction).toBe('restated');
    expect(d('{ amount: 3, unit: days }', '{ amount: 48, unit: hours }')?.direction).toBe('shortened');
    const floor = diffPlans(plan(clause('a', 'military-limits', '    terms: { personnelCap: 600000 }\n')), plan(clause('a', 'military-limits', '    terms: { personnelFloor: 100000, personnelLevel: 500000 }\n'), 'v2'));
    expect(floor.clauses[0]?.says).toBe('Clause 1 (a): floor 100,000 personnel replaces cap 600,000 (−83 %); level set to 500,000 personnel');
  });

  it('take a clause deferred to a later phase and a ceasefire that starts on approval, from format 2 on', async () => {
    const { summarizePlan } = await import('peaceplan');
    const deferred = MINIMAL.replace('status: proposed', 'status: deferred');
    const ceasefire = MINIMAL.replace('topic: military-limits', 'topic: ceasefire').replace(/terms:\n[\s\S]*?status/, 'terms: { startsWhen: on-approval }\n    status');
    expect(at(parsePlan(deferred).errors)).toEqual(['NEEDS_FORMAT_2 17:13']);
    expect(at(parsePlan(ceasefire).errors)).toEqual(['NEEDS_FORMAT_2 14:26']);
    const v2 = parsePlan(deferred.replace('peaceplan: 1', 'peaceplan: 2'));
    expect(v2.errors).toEqual([]);
    expect(parsePlan(ceasefire.replace('peaceplan: 1', 'peaceplan: 2')).errors).toEqual([]);
    const summary = summarizePlan(v2.plan as Plan);
    expect([summary.byStatus, summary.deferred]).toEqual([{ agreed: 0, proposed: 0, bracketed: 0, deferred: 1 }, ['army-cap']]);
    const { formatSummary } = await import('peaceplan');
    expect(formatSummary(summary)).toContain('  status: 0 proposed, 0 agreed, 0 bracketed, 1 deferred (army-cap)\n');
    expect((await runCli('summary', 'test/fixtures/valid/minimal.yaml')).stdout).not.toContain('deferred');
  });

  it('read version-1 files as before, and migrate one that already uses format-2 fields', async () => {
    const v1other = MINIMAL.replace('topic: military-limits', 'topic: other').replace(/terms:\n[\s\S]*?status/, 'terms: { hours: 12, total: 5 }\n    status');
    expect(parsePlan(v1other).errors).toEqual([]);
    const early = MINIMAL.replace('personnelCap: 600000', 'personnelLevel: 600000');
    expect(parsePlan(early).errors.map((e) => e.code)).toEqual(['NEEDS_FORMAT_2']);
    const migrated = migratePlanYaml(early);
    expect(migrated.ok).toBe(true);
    expect(parsePlan(migrated.text ?? '').ok).toBe(true);
  });
});

describe('a clause that covers several of its parent (covers)', () => {
  const head = (v: string, parent: string, n = 2) => `peaceplan: ${n}\nplan: p\nversion: ${v}\ntitle: T\ndate: 2025-11-2${v.length}\nparent: ${parent}\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n`;
  const base = head('a', 'null') + clause('board', 'governance', '') + clause('committee', 'governance', '') + clause('reform', 'governance', '') + clause('cap', 'military-limits', '');
  const later = (covers: string, extra = '') => head('bb', 'a') + clause('later', 'governance', `    covers: ${covers}\n`) + clause('cap', 'military-limits', '') + extra;

  it('is checked in the file and in the family, at the id that is wrong', async () => {
    const { checkFamily } = await import('peaceplan');
    expect(parsePlan(later('[board, committee, reform]')).errors).toEqual([]);
    // Format 1 has no such field; a clause the version keeps, or lists as removed, or that two clauses cover, is not covered.
    expect(at(parsePlan(later('[board]').replace('peaceplan: 2', 'peaceplan: 1')).errors)).toEqual(['NEEDS_FORMAT_2 18:5']);
    const kept = parsePlan(later('[board, cap]'));
    expect(kept.errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`)).toEqual(['INVALID_VALUE 18:21 clause `cap` is covered by `later` but is also a clause of this version']);
    const twice = parsePlan(later('[board]', clause('more', 'governance', '    covers: [committee, board]\n')));
    expect(twice.errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`)).toEqual(['INVALID_VALUE 35:25 clause `board` is covered by `later` and by `more`']);
    const dropped = parsePlan(later('[board]') + 'removed:\n  - { clause: board, topic: governance, title: Board, sources: [s1] }\n');
    expect(dropped.errors.map((e) => e.message)).toContain('clause `board` is covered by `later` but listed as removed');
    // Its own id may stand among them: the clause goes on, taking the others in.
    expect(parsePlan(later('[later, board]')).errors).toEqual([]);
    // In the family, each id is a clause of the parent, with the nearest as a hint.
    const a = parsePlan(base, { file: 'a.yaml' });
    const typo = parsePlan(later('[board, comittee]'), { file: 'bb.yaml' });
    const orphan = parsePlan(later('[board, reform]').replace('parent: a', 'parent: null').replace('version: bb', 'version: cc'), { file: 'cc.yaml' });
    const { errors } = checkFamily([a, typo, orphan]);
    expect(errors.map((e) => `${e.file} ${e.code} ${e.line}:${e.col} ${e.hint}`)).toEqual(['bb.yaml UNKNOWN_CLAUSE 18:21 did you mean `committee`?', 'cc.yaml INVALID_VALUE 18:14 write the parent version in `parent`']);
  });

  it('tells the clauses it covers as merged into it, the other way round as split from it, and applies both ways', () => {
    const a = parsePlan(base).plan as Plan;
    const b = parsePlan(later('[board, committee, reform]')).plan as Plan;
    const diff = diffPlans(a, b);
    const kinds = diff.clauses.map((c) => [c.kind, c.from?.id ?? null, c.to?.id ?? null, c.match?.method ?? null]);
    expect(kinds).toEqual([
      ['merged', 'board', 'later', 'covers'],
      ['merged', 'committee', null, null],
      ['merged', 'reform', null, null],
      ['unchanged', 'cap', 'cap', 'id'],
    ]);
    expect(diff.clauses[1]?.says).toBe('Clause 9 (committee) merged into later');
    expect(diff.clauses[0]?.related).toEqual(['committee', 'reform']);
    // Nothing it covers is told as removed, and the declaration itself is no change of substance.
    expect(diff.clauses.filter((c) => c.kind === 'removed')).toEqual([]);
    expect(diff.clauses[0]?.fields.find((f) => f.field === 'covers')).toBeDefined();
    expect(diff.clauses[0]?.says).not.toContain('covers');
    // Under a new id it goes on as the first it lists; with its own id among them, or keeping a parent clause's id
    // without listing it, as that clause.
    const listed = diffPlans(a, parsePlan(later('[reform, board, committee]')).plan as Plan);
    expect(listed.clauses.find((c) => c.to?.id === 'later')?.from?.id).toBe('reform');
    const own = diffPlans(a, parsePlan(later('[board, committee, reform]').replace('id: later', 'id: committee')).plan as Plan);
    expect(own.clauses.find((c) => c.to?.id === 'committee')?.from?.id).toBe('committee');
    const kept = diffPlans(a, parsePlan(later('[board, reform]').replace('id: later', 'id: committee')).plan as Plan);
    expect(kept.clauses.map((c) => [c.kind, c.from?.id ?? null, c.to?.id ?? null])).toEqual([
      ['merged', 'board', null],
      ['merged', 'committee', 'committee'],
      ['merged', 'reform', null],
      ['unchanged', 'cap', 'cap'],
    ]);
    // Read backwards, the same clauses are split from it; a diff applies and reverses as any other.
    const back = diffPlans(b, a);
    expect(back.clauses.filter((c) => c.kind === 'split').map((c) => [c.from?.id ?? null, c.to?.id ?? null])).toEqual([['later', 'board'], [null, 'committee'], [null, 'reform']]);
    expect(applyDiff(a, diff).plan).toEqual(b);
    expect(applyDiff(b, back).plan).toEqual(a);
    expect(reverseDiff(diff).clauses.map((c) => c.kind)).toEqual(back.clauses.map((c) => c.kind));
    // A pair the user forbids is not made; ids the other version lacks are passed over.
    const forbidden = diffPlans(a, b, { forbid: [{ from: 'board', to: 'later' }] });
    expect(forbidden.clauses.some((c) => c.match?.method === 'covers')).toBe(false);
    const strange = diffPlans({ ...a, clauses: a.clauses.filter((c) => c.id !== 'board') }, b);
    expect(strange.clauses.find((c) => c.to?.id === 'later')).toMatchObject({ kind: 'merged', from: { id: 'committee' } });
  });

  it('keeps the clauses it covers out of every other pair, the pair on a term of their own included', () => {
    // A new clause that alone names the term a covered clause alone named: it must not take that clause from its cover.
    const a = parsePlan(base.replace('    text: About board.\n', '    text: About the board overseeing the transition.\n    terms: { body: board-of-peace }\n')).plan as Plan;
    const force = clause('task-force', 'governance', '    terms: { body: task-force }\n').replace('text: About task-force.', 'text: About the task force overseeing the transition.');
    const b = parsePlan(later('[committee, board, reform]', force)).plan as Plan;
    expect(parsePlan(later('[committee, board, reform]', force)).errors).toEqual([]);
    const diff = diffPlans(a, b);
    expect(diff.clauses.filter((c) => c.from?.id === 'board').map((c) => [c.kind, c.to?.id ?? null])).toEqual([['merged', null]]);
    expect(diff.clauses.find((c) => c.to?.id === 'task-force')?.kind).toBe('added');
  });

  it('takes in the stances written for the clauses it covers, in the matrix and in the impact of the diff', async () => {
    const { buildMatrix, diffImpact, parsePositions } = await import('peaceplan');
    const a = parsePlan(base).plan as Plan;
    const b = parsePlan(later('[board, committee, reform]')).plan as Plan;
    // Rules by the ids of the parent's clauses; `later` pairs with `board`, and takes `committee` and `reform` in.
    const rules = [
      '  - { id: r-reform, stakeholder: hamas, clause: reform, stance: oppose, salience: 1, date: 2025-12-01, sources: [p1] }',
      '  - { id: r-committee, stakeholder: israel, clause: committee, stance: support, salience: 1, date: 2025-12-01, sources: [p1] }',
    ].join('\n');
    const positions = parsePositions(`peaceplan: 1\nplan: p\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n${rules}\n`).positions!;
    const m = buildMatrix(b, positions, { versions: [a, b] });
    const at = (who: string) => m.rows.find((r) => r.stakeholder === who)?.cells[m.columns.findIndex((c) => c.key === 'later')];
    expect(at('hamas')?.stance).toBe('oppose');
    expect(at('hamas')?.reasons.map((r) => r.says)).toEqual(['applies to this clause (`reform` in a was merged into this clause)']);
    expect(at('israel')?.stance).toBe('support');
    // The diff moves no one: each stance is where it was, in the clause that took the other in.
    const impact = diffImpact(diffPlans(a, b), positions, { from: a, to: b });
    expect(impact.clauses.flatMap((c) => [...c.toward, ...c.away]).map((mv) => mv.stakeholder)).toEqual([]);
    // A later version that takes them apart again: a rule written for the covering clause applies to each part.
    const c = parsePlan(base.replace('version: a', 'version: ccc').replace('parent: null', 'parent: bb')).plan as Plan;
    const back = parsePositions(`peaceplan: 1\nplan: p\nsources:\n  p1: { title: A report, publisher: Example }\nrules:\n  - { id: r-later, stakeholder: hamas, clause: later, stance: oppose, salience: 1, date: 2025-12-01, sources: [p1] }\n`).positions!;
    const parts = buildMatrix(c, back, { versions: [a, b, c] });
    const hamas = parts.rows.find((r) => r.stakeholder === 'hamas');
    expect(parts.columns.map((col, k) => [col.key, hamas?.cells[k]?.stance ?? null])).toEqual([['board', 'oppose'], ['committee', 'oppose'], ['reform', 'oppose'], ['cap', null]]);
    expect(hamas?.cells[1]?.reasons[0]?.says).toBe('applies to this clause (this clause is part of `later` in bb, split from it)');
  });

  it('merge so that no clause is both kept apart and covered', async () => {
    const { mergePlans } = await import('peaceplan');
    const a = parsePlan(base).plan as Plan;
    const ours = parsePlan(later('[board, committee, reform]')).plan as Plan;
    // Theirs changes the board clause that ours takes in: a conflict keeps it, so ours' clause no longer covers it.
    const theirs = parsePlan(base.replace('version: a', 'version: cc').replace('parent: null', 'parent: a').replace('text: About board.', 'text: About the board, changed.')).plan as Plan;
    const merged = mergePlans(a, ours, theirs);
    expect(merged.conflicts.map((c) => c.clause)).toEqual(['board']);
    expect(merged.plan.clauses.map((c) => [c.id, c.covers ?? null])).toEqual([['board', null], ['later', ['committee', 'reform']], ['cap', null]]);
    expect(parsePlan(JSON.stringify(merged.plan)).errors.filter((e) => e.path.includes('covers'))).toEqual([]);
    // Both sides covering: the lists merge member by member.
    const more = parsePlan(later('[board, committee, reform]').replace('version: bb', 'version: dd')).plan as Plan;
    const fewer = parsePlan(later('[board, committee]').replace('version: bb', 'version: ee')).plan as Plan;
    expect(mergePlans(ours, more, fewer).plan.clauses.find((c) => c.id === 'later')?.covers).toEqual(['board', 'committee']);
  });
});

describe('clauses that each take part of one clause of their parent (partOf)', () => {
  const head = (v: string, parent: string, n = 2) => `peaceplan: ${n}\nplan: p\nversion: ${v}\ntitle: T\ndate: 2025-11-2${v.length}\nparent: ${parent}\nsources:\n  s1: { title: A, publisher: B }\nclauses:\n`;
  // The draft's point on the end of the war also held the pull-out; the later version gives the pull-out a point of its own.
  const base = head('a', 'null') + clause('ceasefire', 'ceasefire', '') + clause('cap', 'military-limits', '');
  const later = (extra: string, tail = '') => head('bb', 'a') + clause('ceasefire', 'ceasefire', '') + clause('pullout', 'territory', extra) + clause('cap', 'military-limits', '') + tail;

  it('is checked in the file and in the family, at the id that is wrong', async () => {
    const { checkFamily } = await import('peaceplan');
    expect(parsePlan(later('    partOf: ceasefire\n')).errors).toEqual([]);
    expect(at(parsePlan(later('    partOf: ceasefire\n').replace('peaceplan: 2', 'peaceplan: 1')).errors)).toEqual(['NEEDS_FORMAT_2 26:5']);
    const wrong = (extra: string, tail = '') => parsePlan(later(extra, tail)).errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`);
    expect(wrong('    partOf: pullout\n')).toEqual(['INVALID_VALUE 26:13 clause `pullout` names itself as the clause it takes part of']);
    expect(wrong('    partOf: ceasefire\n    covers: [cap]\n')).toEqual(expect.arrayContaining(['INVALID_VALUE 26:13 clause `pullout` both covers clauses and takes part of one']));
    expect(wrong('    partOf: truce\n', clause('whole', 'ceasefire', '    covers: [truce]\n'))).toEqual(['INVALID_VALUE 26:13 clause `truce` is covered by `whole`, and `pullout` takes part of it']);
    expect(wrong('    partOf: truce\n', 'removed:\n  - { clause: truce, topic: ceasefire, title: Truce, sources: [s1] }\n')).toEqual(['INVALID_VALUE 26:13 clause `truce` is listed as removed, and `pullout` takes part of it']);
    // In the family, the id is a clause of the parent, with the nearest as a hint; without a parent, there is none to name.
    const a = parsePlan(base, { file: 'a.yaml' });
    const typo = parsePlan(later('    partOf: ceasfire\n'), { file: 'bb.yaml' });
    const orphan = parsePlan(later('    partOf: ceasefire\n').replace('parent: a', 'parent: null').replace('version: bb', 'version: cc'), { file: 'cc.yaml' });
    const { errors } = checkFamily([a, typo, orphan]);
    expect(errors.map((e) => `${e.file} ${e.code} ${e.line}:${e.col} ${e.hint}`)).toEqual(['bb.yaml UNKNOWN_CLAUSE 26:13 did you mean `ceasefire`?', 'cc.yaml INVALID_VALUE 26:13 write the parent version in `parent`']);
  });

  it('tells the parent clause as split into its parts, the other way round as merged, and applies both ways', () => {
    const a = parsePlan(base).plan as Plan;
    const b = parsePlan(later('    partOf: ceasefire\n')).plan as Plan;
    const diff = diffPlans(a, b);
    expect(diff.clauses.map((c) => [c.kind, c.from?.id ?? null, c.to?.id ?? null, c.match?.method ?? null])).toEqual([
      ['split', 'ceasefire', 'ceasefire', 'part'],
      ['split', null, 'pullout', null],
      ['unchanged', 'cap', 'cap', 'id'],
    ]);
    expect(diff.clauses[1]?.says).toBe('Clause 7 (pullout) added (split from ceasefire)');
    // Without the field, the pull-out is a clause added; with it, nothing is added or removed, and the field is bookkeeping.
    const silent = diffPlans(a, parsePlan(later('')).plan as Plan);
    expect(silent.clauses.find((c) => c.to?.id === 'pullout')?.kind).toBe('added');
    expect(diff.clauses.filter((c) => c.kind === 'added' || c.kind === 'removed')).toEqual([]);
    expect(diff.summary.highlights.map((h) => h.weight)).toEqual([3, 3]);
    // With no clause keeping its id, the parent clause goes on as the first part, and every part is told.
    const parts = parsePlan(later('    partOf: ceasefire\n').replace('  - id: ceasefire', '  - id: truce').replace('number: "9"\n    topic: ceasefire', 'number: "5"\n    topic: ceasefire\n    partOf: ceasefire')).plan as Plan;
    const two = diffPlans(a, parts);
    expect(two.clauses.filter((c) => c.kind === 'split').map((c) => [c.from?.id ?? null, c.to?.id ?? null, c.match?.method ?? null])).toEqual([['ceasefire', 'truce', 'part'], [null, 'pullout', null]]);
    // Read backwards, the parts are merged into it; a diff applies and reverses as any other; a forbidden pair is not made.
    const back = diffPlans(b, a);
    expect(back.clauses.filter((c) => c.kind === 'merged').map((c) => [c.from?.id ?? null, c.to?.id ?? null])).toEqual([['ceasefire', 'ceasefire'], ['pullout', null]]);
    expect(applyDiff(a, diff).plan).toEqual(b);
    expect(applyDiff(b, back).plan).toEqual(a);
    expect(reverseDiff(diff).clauses.map((c) => c.kind)).toEqual(back.clauses.map((c) => c.kind));
    // A forbidden first part hands the clause to the next part; the parts stay one group.
    const past = diffPlans(a, parts, { forbid: [{ from: 'ceasefire', to: 'truce' }] });
    expect(past.clauses.filter((c) => c.kind === 'split').map((c) => [c.from?.id ?? null, c.to?.id ?? null, c.match?.method ?? null])).toEqual([[null, 'truce', null], ['ceasefire', 'pullout', 'part']]);
    // A merge whose sides contradict a `partOf` (the other side covers the clause, or lists it as removed) drops it, as a conflict.
    const withPart = mergeThree(a, b, { ...a, version: 'cc', clauses: [{ ...(a.clauses[0] as Clause), id: 'whole', number: '30', covers: ['ceasefire'] }, ...a.clauses.slice(1)] });
    expect(withPart.conflicts.map((c) => [c.clause, c.field])).toContainEqual(['pullout', 'partOf']);
    expect(parsePlan(JSON.stringify(withPart.plan)).errors.filter((e) => e.code === 'INVALID_VALUE')).toEqual([]);
    // A file diffed with itself, or a version that keeps the declaration, tells no split: the part is already there.
    expect(diffPlans(b, b).clauses.every((c) => c.kind === 'unchanged')).toBe(true);
    expect(diffPlans(b, { ...b, version: 'cc', parent: 'bb' }).clauses.some((c) => c.kind === 'split' || c.kind === 'merged')).toBe(false);
    // A pair's other parts are named even where the old clause and a new part share an id: pinned elsewhere, the amnesty
    // is found split into the ballot and the amnesty of its id, which the pair names.
    const c = (id: string, n: string, topic: Clause['topic'], title: string, text: string, terms: Clause['terms']) => ({ id, number: n, topic, title, text, terms, status: 'proposed', certainty: 'reported', sources: ['s1'] }) as Clause;
    const amnesty = c('amnesty', '4', 'amnesty', 'Full amnesty', 'All sides receive full amnesty for wartime acts.', { scope: 'full', claimsWaived: true });
    const before = { ...a, clauses: [c('elections', '3', 'elections', 'Elections within 100 days', 'Ukraine holds elections within 100 days.', { party: 'ukraine', deadline: { days: 100 } }), amnesty] };
    const after = { ...a, version: 'bb', clauses: [amnesty, c('vote-c', '9', 'elections', 'Ballot', 'A nationwide ballot follows promptly once hostilities end.', { deadline: { asap: true, from: 'ceasefire' } })] };
    const pair = diffPlans(before, after, { pairs: [{ from: 'amnesty', to: 'vote-c' }] }).clauses.find((x) => x.from?.id === 'amnesty');
    expect([pair?.kind, pair?.to?.id, pair?.related]).toEqual(['split', 'vote-c', ['amnesty']]);
  });
});
