/**
 * The evaluation corpus as a test: the figures `npm run eval` prints must not
 * fall below the targets (matching) or below what was measured when the
 * thresholds were set (key changes), so a regression fails CI. EVAL.md has
 * the figures of one run and what the misses are.
 */
import { describe, expect, it } from 'vitest';
import * as lib from 'peaceplan';
import { fileURLToPath } from 'node:url';
import { crossedTrials, evaluateCorpus, loadCorpus, overAllPairs, replacementTrials, withFamily } from './eval/evaluate.mjs';
import type { CaseResult, Library, Totals } from './eval/evaluate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the evaluation corpus (test/corpus)', () => {
  it('holds valid plan families only (annotations live outside the family folders)', async () => {
    const { loadPlanFamily } = await import('peaceplan/node');
    for (const dir of ['russia-ukraine-2025/rewrites', 'gaza-2025/hand-a', 'gaza-2025/hand-b']) {
      const family = await loadPlanFamily(`test/corpus/${dir}`);
      // The encodings stay as their hands wrote them: evidence warnings speak of their sourcing, not of their validity.
      const evidence = new Set(['SINGLE_OUTLET', 'STATE_MEDIA_ONLY', 'CONFIRMED_WITHOUT_TEXT']);
      expect([...family.errors, ...family.files.flatMap((f) => [...f.errors, ...f.warnings.filter((w) => !evidence.has(w.code))])], dir).toEqual([]);
      expect(family.versions.length, dir).toBeGreaterThan(1);
    }
    // The third hand's files stand alone (their parents are elsewhere): each is read with its folder's files.
    const { loadPlan } = await import('peaceplan/node');
    for (const file of ['russia-ukraine-2025/hand-c/geneva-third-hand.yaml', 'gaza-2025/hand-c/first-phase-third-hand.yaml']) {
      const r = await loadPlan(`test/corpus/${file}`);
      expect([...r.errors, ...r.warnings], file).toEqual([]);
    }
    // So do the later hands' files, as their hands wrote them (one removal rests on one outlet: a warning of its sourcing).
    // And the held-out hands G to N, P and Q, each with a copy of its family's vocabulary beside its files.
    const g = ['russia-ukraine-2025/hand-g/geneva-ninth.yaml', 'gaza-2025/hand-g/hamas-reply-ninth.yaml', 'gaza-2025/hand-g/first-phase-ninth.yaml'];
    const h = ['russia-ukraine-2025/hand-h/e3-tenth.yaml', 'gaza-2025/hand-h/reported-21-point-tenth.yaml', 'russia-ukraine-2025/hand-i/us-28-point-eleventh.yaml', 'gaza-2025/hand-i/wh-20-point-eleventh.yaml'];
    const j = ['russia-ukraine-2025/hand-j/e3-eleventh.yaml', 'gaza-2025/hand-j/hamas-reply-eleventh.yaml', 'gaza-2025/hand-j/first-phase-eleventh.yaml'];
    const k = ['russia-ukraine-2025/hand-k/geneva-twelfth.yaml', 'gaza-2025/hand-k/hamas-reply-twelfth.yaml', 'gaza-2025/hand-k/first-phase-twelfth.yaml'];
    const l = ['russia-ukraine-2025/hand-l/e3-thirteenth.yaml', 'russia-ukraine-2025/hand-l/geneva-thirteenth.yaml', 'gaza-2025/hand-l/reported-21-point-thirteenth.yaml'];
    const m = ['russia-ukraine-2025/hand-m/geneva-fourteenth.yaml', 'gaza-2025/hand-m/first-phase-fourteenth.yaml'];
    const n = ['russia-ukraine-2025/hand-n/e3-fifteenth.yaml', 'gaza-2025/hand-n/hamas-reply-fifteenth.yaml'];
    const q = ['russia-ukraine-2025/hand-q/geneva-19-point-q.yaml', 'gaza-2025/hand-p/wh-20-point-p.yaml'];
    const r = ['russia-ukraine-2025/hand-r/geneva-r.yaml'];
    const t = ['gaza-2025/hand-t/hamas-reply-t.yaml'];
    const v = ['russia-ukraine-2025/hand-v/telegraph-v.yaml', 'russia-ukraine-2025/hand-w/london-w.yaml', 'russia-ukraine-2025/hand-x/guarantee-framework-x.yaml', 'russia-ukraine-2025/hand-y/us-28-point-y.yaml', 'gaza-2025/hand-z/reported-21-point-z.yaml', 'gaza-2025/hand-o/hamas-reply-o.yaml', 'gaza-2025/hand-u/first-phase-u.yaml', 'russia-ukraine-2025/hand-aa/geneva-aa.yaml', 'gaza-2025/hand-ab/hamas-reply-ab.yaml', 'gaza-2025/hand-ad/wh-20-point-ad.yaml', 'russia-ukraine-2025/hand-as/us-28-point-as.yaml', 'russia-ukraine-2025/hand-at/e3-at.yaml', 'gaza-2025/hand-av/reported-21-point-av.yaml'];
    for (const file of ['russia-ukraine-2025/hand-d/us-28-point-d.yaml', 'russia-ukraine-2025/hand-e/geneva-e.yaml', 'russia-ukraine-2025/hand-f/e3-f.yaml', 'gaza-2025/hand-d/reported-21-point-d.yaml', 'gaza-2025/hand-d/wh-20-point-d.yaml', 'gaza-2025/hand-e/first-phase-e.yaml', ...g, ...h, ...j, ...k, ...l, ...m, ...n, ...q, ...r, ...t, ...v]) {
      const r = await loadPlan(`test/corpus/${file}`);
      const evidence = new Set(['SINGLE_OUTLET', 'STATE_MEDIA_ONLY', 'CONFIRMED_WITHOUT_TEXT']);
      expect([...r.errors, ...r.warnings.filter((w) => !evidence.has(w.code))], file).toEqual([]);
    }
  });

  const { results, totals, byFamily, heldOut, heldOutBy, later } = evaluateCorpus(lib as unknown as Library, root);
  const ru = byFamily['russia-ukraine-2025'] as Totals;
  const gaza = byFamily['gaza-2025'] as Totals;
  /** A measured first run held as a floor: recall and key changes at least, orphans paired at most, every orphan under the threshold. */
  /** The cases of one held-out hand, as many as its cases.yaml lists. */
  const casesOf = (hand: string, count: number) => {
    const cases = results.filter((r) => r.heldOut && r.hand === hand);
    expect(cases).toHaveLength(count);
    return cases;
  };
  /** The pairs counted wrong in some cases, without their scores. */
  const wrongPairs = (cases: readonly CaseResult[]) => cases.flatMap((r) => r.wrong.map((w) => w.replace(/ \(.*/, '')));
  /** A hand's floors: recall, key changes, orphans paired (0 unless measured), and the best orphan's score when one reached the pair threshold. */
  const holds = (t: Totals, floor: { recall: number; keys?: number; orphans?: number; bestOrphan?: number }) => {
    expect(t.rewriteRecall).toBeGreaterThanOrEqual(floor.recall);
    if (floor.keys !== undefined) expect(t.keysInTop10).toBeGreaterThanOrEqual(floor.keys);
    expect(t.looWrong).toBeLessThanOrEqual(floor.orphans ?? 0);
    if (floor.bestOrphan !== undefined) expect(t.looBest).toBeLessThanOrEqual(floor.bestOrphan);
    else expect(lib.MATCH.pair).toBeGreaterThan(t.looBest);
    expect(t.positional).toBe(0);
  };

  it('diffs each case as the CLI does from the new version’s folder: with the family’s versions and its own terms', () => {
    const corpus = loadCorpus(lib as unknown as Library, root);
    const def = corpus.cases.find((c) => c.from === 'gaza-2025/h-21' && c.to === 'gaza-2025/wh');
    if (!def) throw new Error('the case h-21 → wh is gone');
    const options = withFamily(corpus, def);
    expect(options.terms).toBe(corpus.terms['gaza-2025/wh']);
    expect(options.versions.length).toBeGreaterThan(10);
    // The hostages' deadline is a term of the Gaza family: with its terms it is a deadline that loosened 48 h → 72 h.
    const diff = lib.diffPlans(corpus.plans[def.from] as lib.Plan, corpus.plans[def.to] as lib.Plan, options as lib.DiffOptions);
    const deadline = diff.clauses.flatMap((c) => c.terms).find((t) => t.term === 'releaseDeadline');
    expect(deadline).toMatchObject({ kind: 'deadline', direction: 'loosened' });
  });

  it('pairs at least 90 % of the Russia–Ukraine clauses that another hand rewrote, and never wrongly', () => {
    expect(ru.rewriteRecall).toBeGreaterThanOrEqual(0.9);
    expect(totals.rewriteWrong).toBe(0);
    expect(totals.wrong).toBe(0);
  });

  it('keeps the measured recall on the held-out Gaza family (a floor against regressions, not the target)', () => {
    // Measured 75.6 % when the thresholds were set; EVAL.md says what is missed and why.
    expect(gaza.rewriteRecall).toBeGreaterThanOrEqual(0.75);
    const sameText = results.filter((r) => r.family === 'gaza-2025' && r.rewrite && !r.heldOut && r.name.includes('wh → ') && r.name.includes('-wh ('));
    expect(sameText).toHaveLength(2);
    for (const r of sameText) expect(r.right, r.name).toBe(r.truth);
  });

  it('pairs nothing wrongly when the true partner is taken away, but the 21-point draft’s pull-out with its successor, and the threshold stays above every orphan', () => {
    expect(totals.looTrials).toBeGreaterThanOrEqual(300);
    // With the 20-point plan's point 3 taken away, hand B's 21-point clause 3 (an end to the war and a gradual pull-out)
    // pairs with point 16, the staged withdrawal: the only clauses of their topic that name the withdrawals (EVAL.md,
    // "A term of their own"). Hand B's lineage says point 3; hand L's says its own gradual pull-out became point 16.
    const loo = results.filter((r) => !r.heldOut && !r.later).flatMap((r) => (r.loo?.wrong ?? []).map((w) => w.replace(/ \(.*/, '')));
    expect(loo).toEqual(['war-end-and-pullback → staged-withdrawal', 'war-end-and-pullback → staged-withdrawal']);
    expect(lib.MATCH.pair).toBeGreaterThan(totals.looBest);
  });

  it('pairs a clause with another of its topic put in its number and place no more often than measured', () => {
    // The harder negative (EVAL.md, "Replacements at the same number"): alone in their topic, at the same number and
    // place, two clauses sharing a few words read as one rewritten. Measured 763 of 3,230 (653 by topic, 110 by content;
    // 759 of 3,226 before hand V, whose four trials all pair the US guarantee with the European plan's coalition of
    // guarantors put at point 10, on this code and the code before it; 665 of 2,804 before hand P); a rule that makes
    // the diff more eager shows here first. 978 of 3,651 with hands Y and Z (132 of Y's 210: a US draft numbered 1–28
    // against E3 and Geneva files that keep those numbers, so the replacement has the number and the place; 83 of Z's
    // 211); the cases before them still 763 of 3,230. 1,086 of 4,072 with hand AB (108 of its 421: a reply numbered by
    // the plan's points); hands U and AA number nothing, and add no trial. 1,194 of 4,521 with hand AD (108 of its 449:
    // a 20-point plan numbered 1–20 against the 21-point drafts and two 20-point files); the cases before it unchanged.
    // 1,196 with a topic's few clauses left pairing as each other's clear best (3 more; EVAL.md, "A topic's few clauses");
    // 1,194 with a question's missing terms not counted against it; 1,202 with a question's few words measured by the share
    // found in the other clause (EVAL.md, "A question's few words": 8 more, for 52 right pairs more over every file pair);
    // 1,206 with a catch-all clause read as the topic whose words it shares (EVAL.md, "A catch-all clause read as a
    // topic": 4 more, for 46 right pairs more over every file pair; read by score, place and number too, 1,228).
    // 1,220 of 4,546 with hands AS and AT added (25 trials and 14 pairs more); 1,330 of 4,945 with hand AV (399 trials and
    // 110 pairs more: a 21-point draft numbered 1–12 against 20-point files that keep those numbers); without it, 1,220 still.
    const { trials, paired } = replacementTrials(lib as unknown as Library, loadCorpus(lib as unknown as Library, root));
    expect(trials).toBe(4945);
    expect(paired.length).toBeLessThanOrEqual(1330);
    expect(paired.length).toBeGreaterThan(0);
  }, 180_000); // some 2,800 diffs: about 30 s alone, more beside other test files

  it('pairs a clause with another of its topic left free by crossed orphans no more often than measured', () => {
    // In each case, one clause of a topic taken from the old version and another's partner from the new (EVAL.md, "A
    // topic's few clauses"): the rules that pair a topic's clauses left alone pair such a pair. 1,114 of 5,398 on the code
    // before the rule for a topic's few clauses, 1,121 with it, 1,124 with a question's missing terms not counted against
    // it, 1,128 with a question's few words measured by the share found in the other clause; a rule that makes the diff
    // more eager shows here.
    const { trials, paired } = crossedTrials(lib as unknown as Library, loadCorpus(lib as unknown as Library, root));
    // 1,179 of 5,640 with hands AS and AT added (242 trials and 51 pairs more); 1,216 of 5,922 with hand AV (282 and 37 more).
    expect(trials).toBe(5922);
    expect(paired.length).toBeLessThanOrEqual(1216);
    expect(paired.length).toBeGreaterThan(0);
  }, 400_000); // some 5,400 diffs: about 85 s alone

  it('pairs as measured over every ordered pair of files of a family, not only the cases', () => {
    // Judged by the annotated lineage: most of these file pairs are two hands no case compares (EVAL.md, "A topic's few
    // clauses"). The wrong pairs are mostly clauses whose lineage the hands read otherwise (rebuilding as point 2 or 10).
    const { byFamily, sameDraft } = overAllPairs(lib as unknown as Library, loadCorpus(lib as unknown as Library, root));
    // Two hands' files of one draft: no operative flag between them can be true (582 and 1,455 before a rewrite was told by its places;
    // 188 obligation flags before a prohibition in other words read as the same).
    // 332 file pairs, 137 and 152 flags before hands AS and AT (their 24 file pairs add 7 and 38); 168 once a negation
    // that only changed form ("without nuclear weapons" for "non-nuclear") is none; 108 once "once" for "after" is none;
    // 120 obligation flags once a modal an expectation governs reads as the expectation; 100 once one in an indirect
    // question ("whether Ukraine may join") is not read.
    // 366 file pairs with hand AV (its 10 with the other hands' 21-point drafts add none and 3).
    expect(sameDraft.filePairs).toBe(366);
    // 100 obligation flags before a permission capped right after it ("may number no more than") read as forbidding what passes the cap.
    expect(sameDraft.obligation).toBeLessThanOrEqual(90);
    expect(sameDraft.other).toBeLessThanOrEqual(111);
    expect(byFamily['russia-ukraine-2025']).toEqual(expect.objectContaining({ filePairs: 756, truth: 12828 }));
    expect(byFamily['gaza-2025']).toEqual(expect.objectContaining({ filePairs: 756, truth: 12174 }));
    // 10,392 right and 52 wrong of 10,610 before hands AS and AT; their six wrong pairs are the Telegraph plan's and the
    // guarantee framework's, as other hands' are.
    expect(byFamily['russia-ukraine-2025']?.right).toBeGreaterThanOrEqual(12586);
    expect(byFamily['russia-ukraine-2025']?.wrong).toBeLessThanOrEqual(58);
    // 10,143 before a catch-all clause was read as a topic, 10,189 with it, 10,197 with a topic's few clauses up to four;
    // 11,023 of 12,174 and 130 wrong with hand AV (its four wrong pairs: hand B's disputed point 3, as hand Z's, and
    // hand C's later-phase rebuilding as point 2, as other hands' rebuilding, both ways).
    expect(byFamily['gaza-2025']?.right).toBeGreaterThanOrEqual(11023);
    expect(byFamily['gaza-2025']?.wrong).toBeLessThanOrEqual(130);
  }, 180_000);

  it('pairs list items by identity everywhere', () => {
    expect(totals.positional).toBe(0);
  });

  it('joins in a split or merge no clauses the annotators place in different points, but those measured', () => {
    // Five, all with hand T's clause that stands for six points of the 20-point plan (EVAL.md, "Splits and merges
    // nobody declared"); 43 groups told over all cases when this was set.
    const all = results.reduce((s, r) => ({ groups: s.groups + r.groups, mixed: s.mixed + r.mixedGroups }), { groups: 0, mixed: 0 });
    expect(all.mixed).toBeLessThanOrEqual(5);
    expect(all.groups).toBeGreaterThanOrEqual(43);
    expect(results.filter((r) => r.mixedGroups > 0).every((r) => r.hand === 't' || r.hand === 'ab')).toBe(true);
  });

  it('puts every annotated key change of the shipped drafts US → E3 in the top 10, however the E3 file is disguised', () => {
    const cases = results.filter((x) => /^russia-ukraine-2025\/us → e3 /.test(x.name));
    expect(cases).toHaveLength(2);
    for (const r of cases) expect(r.keys.filter((k) => k.rank === null), r.name).toEqual([]);
  });

  it('keeps the measured share of key changes in the top 10 (a floor against regressions, not the target)', () => {
    // Measured 93 of 130 when the ranking was set, 91 once the Geneva file stopped claiming clause numbers and a
    // frozen-assets removal its sources do not give (format 2), 105 once terms a carried clause states rank,
    // writer-named terms in topic other no longer count against a pair and questions left open pair by topic,
    // 107 once a change of status weighs by the terms its clause carries, 110 once the Geneva file lists the
    // frozen-assets removal its one-outlet reports give as unconfirmed, 113 once titles count on their own (and still
    // once a change of status weighs as the clause added or removed would), 114 once the only clauses of a topic that
    // alone name a term pair, 116 once so do the only two clauses of both versions that name a term within a topic,
    // 121 once hand B's Geneva file lists the removals its summary gave in prose and a removal alone in its topic
    // finds the only clause of that topic, 125 once the only clauses of a topic that alone bind the same parties pair
    // (hand B's EU point); EVAL.md lists the misses and why.
    expect(totals.keysInTop10).toBeGreaterThanOrEqual(125);
  });

  it('makes a forbidden claim only where it missed the pair', () => {
    for (const r of results) {
      for (const v of r.violations) {
        const point = v.split(' ')[0] as string;
        expect(r.missed.some((m) => m.startsWith(`${point} `)), `${r.name}: ${v}`).toBe(true);
      }
    }
  });

  it('holds the held-out third hand to what its first run measured: no orphan paired, two disputed pairs', () => {
    // Added after the rules and thresholds were set (EVAL.md, "A third hand, held out"). Its pairs counted wrong join
    // the same first-phase element in two hands that annotated it to different points: rebuilding (2 and 10) and, since
    // titles count on their own (EVAL.md, "Titles"), UN distribution of aid, which hand C folded into its point-7 clause.
    const cases = casesOf('c', 8);
    // Its rebuilding left to later phases ("also 2 and 11", its hand noted) pairs in three more cases with the clause of
    // point 2 that stands out among the plan's three economic clauses (a question left open among several).
    expect(wrongPairs(cases).sort()).toEqual(['aid-distribution → relief-convoys', 'gaza-redevelopment → later-phase-rebuilding', 'redevelopment → later-phase-rebuilding', 'redevelopment → later-phase-rebuilding', 'redevelopment → later-phase-rebuilding']);
    // 57.9 % and 14 once a question left open finds the catch-all clause nearest it (hand A files the force under `other`);
    // 64.9 % and 17 once a question left open pairs with the only clause of its topic left in the other version.
    holds(heldOut, { recall: 0.649, keys: 17 });
  });

  it('holds the held-out hand G to what its first run measured: one orphan paired, by the rule for the only clauses of a topic, Geneva read as annotated', () => {
    // Added before any diff ran on its files (EVAL.md, "Hand G, held out"). Its one pair once counted wrong joined the
    // shipped 20-point file's unnumbered Rafah clause with the hand's aid-and-Rafah clause of point 8: right, since the
    // lineage reads the point the file's note gives an unnumbered clause (`parts` in cases.yaml).
    const cases = casesOf('g', 10);
    expect(wrongPairs(cases)).toEqual([]);
    // First run 84.5 % and 46 of 78; 86.3 % and 50 once titles count on their own; 55 once a change of status weighs as
    // the clause added or removed would, and a clause left open by its status only; 90.5 % and 59 once a question left
    // open finds the catch-all clause nearest it, where the other version has no clause of its topic; 92.7 % and 62 once a question left open pairs with the only clause of its topic left in the other version.
    // 93.2 % once that rule yields to the pairs of a term of their own; 67 once clauses left open alike are told in one line.
    // One orphan paired since a question's missing terms count for nothing (EVAL.md, "Hand AI"): with the E3 Russia–NATO
    // dialogue's partner taken away, and the NATO question paired with membership by its words, the dialogue and the
    // hand's expectations on enlargement are the only clauses of their topic left, binding Russia and NATO alone.
    holds(heldOutBy.g as Totals, { recall: 0.931, keys: 67, orphans: 1 });
    // Its Geneva, against every hand's US draft: every pair, every annotated change in the top 10.
    for (const r of cases.filter((x) => x.name.includes('→ geneva-g') && x.keys.length)) {
      expect([r.name, r.right, r.wrong.length]).toEqual([r.name, r.truth, 0]);
      expect(r.keys.filter((k) => k.rank === null), r.name).toEqual([]);
    }
  });

  it('holds the held-out hand H to what its first run measured, and no orphan paired by topic since the place sign is strict', () => {
    // Added before any diff ran on its files, after every rule of this code was set (EVAL.md, "Hand H"). Its first run
    // paired two orphans in the leave-one-out trials as the only clause of their topic on both sides (order 0.52 and 0.67);
    // the place sign now needs 0.75 (EVAL.md, "Hand J"), and none is paired.
    casesOf('h', 7);
    expect((heldOutBy.h as Totals).rewriteWrong).toBe(0);
    // 61 since a change of kind weighs as a yes/no flip (the US guarantee's Article-5 model, EVAL.md).
    holds(heldOutBy.h as Totals, { recall: 0.925, keys: 61 });
  });

  it('holds the held-out hand I (lineage only) to what its first run measured: no pair wrong, no orphan paired', () => {
    // The US 28-point and White House 20-point plans once more, against every other hand's later versions (EVAL.md, "Hand I").
    const cases = casesOf('i', 15);
    expect((heldOutBy.i as Totals).rewriteWrong).toBe(0);
    // 96.7 % once a question left open pairs with the only clause of its topic left in the other version.
    // 97.0 % once that rule yields to the pairs of a term of their own.
    holds(heldOutBy.i as Totals, { recall: 0.969 });
    // Its US draft pairs every clause with every hand's E3 and Geneva.
    for (const r of cases.filter((x) => x.family === 'russia-ukraine-2025')) expect([r.name, r.right]).toEqual([r.name, r.truth]);
  });

  it('holds the held-out hand J to what its first run measured, and no orphan paired by topic since the place sign is strict', () => {
    // The E3 counter-proposal, Hamas's reply and the first-phase deal once more, added before any diff ran on them
    // (EVAL.md, "Hand J"). Its first run: 90.7 %, 85 key changes, and one leave-one-out orphan paired as the only clause
    // of its topic, as on hand H (the US humanitarian committee with the E3 victims clause, order 0.51); 88 key changes
    // once set members perhaps named otherwise weigh as one, and no orphan once the place sign needs 0.75; 93.7 % and 93
    // once a term the other version does not report is no difference (and a change of status weighs as a clause added);
    // 94.9 % and 97 once the only clauses of a topic that alone name a term pair; 95.8 % and 100 once so do the only
    // two clauses of both versions that name a term within a topic; 96.1 % and 101 once terms listed as unreported
    // count only where the other clause states them; 96.4 % and 102 once a question left open finds the catch-all
    // clause nearest it; 97.0 % and 103 once a question left open pairs with the only clause of its topic left in the other version.
    casesOf('j', 15);
    expect((heldOutBy.j as Totals).rewriteWrong).toBe(0);
    // 105 once clauses left open alike are told in one line.
    holds(heldOutBy.j as Totals, { recall: 0.969, keys: 105 });
  });

  it('holds the held-out hand K to what its first run measured: no orphan paired, Geneva paired but for one stub', () => {
    // The Geneva framework, Hamas's reply and the first-phase deal once more, added before any diff ran on them, after
    // the place sign and the status weights of this code were set (EVAL.md, "Hand K"). Its one pair counted wrong joins
    // hand J's governance-left-to-later clause with hand K's one clause for every point left to later phases (point 9 among them).
    const cases = casesOf('k', 17);
    expect(wrongPairs(cases)).toEqual(['transitional-governance-later → deferred-to-later-phases']);
    // First run 85.9 % and 63 of 92; 91.8 % and 69 once a term the other version does not report is no difference; 72
    // once a change of status weighs as the clause added or removed would; 93.4 % and 76 once the only clauses of a
    // topic that alone name a term pair, 94.1 % and 79 once so do the only two clauses of both versions naming a term,
    // 94.4 % and 80 once a question left open finds the catch-all clause nearest it; 95.8 % and 82 once a question left open pairs with the only clause of its topic left in the other version.
    // 96.1 % once that rule yields to the pairs of a term of their own; 87 once clauses left open alike are told in one line.
    holds(heldOutBy.k as Totals, { recall: 0.96, keys: 87 });
  });

  it('holds the held-out hand L to what its first run measured, its two orphans paired included', () => {
    // The E3 counter-proposal, the Geneva framework and the reported Gaza 21-point draft once more, added before any diff
    // ran on them, after every rule of this code was set (EVAL.md, "Hand L"). No pair wrong; in the leave-one-out trials
    // two orphans paired: the US humanitarian committee with the E3 victims clause by content at 0.380, exactly the pair
    // threshold (the same two clauses hands H and J paired by topic), and a gradual pull-out as the only clause of its
    // topic, its place agreeing by chance (order 0.83). Floored as measured, so a change shows; not a target.
    casesOf('l', 15);
    expect((heldOutBy.l as Totals).rewriteWrong).toBe(0);
    // 97.1 % and 98 once the only clauses of a topic that alone name a term pair; 102 once an added clause printed with a
    // removed one's number is told with it, in its place (the E3 victims clause where the amnesty stood).
    holds(heldOutBy.l as Totals, { recall: 0.97, keys: 102, orphans: 2, bestOrphan: 0.38 });
  });

  it('holds the held-out hand M to what its first run measured: no pair wrong, its Geneva read as annotated', () => {
    // The Geneva framework and the first-phase deal once more, added before any diff ran on them, after the rule that
    // pairs the only clauses of a topic that alone name a term was set (EVAL.md, "Hand M"). In the leave-one-out trials
    // one orphan paired: a first-phase task force with the only other clause of its topic, a question left open.
    const cases = casesOf('m', 12);
    expect((heldOutBy.m as Totals).rewriteWrong).toBe(0);
    // 98.8 % and 60 once a question left open finds the catch-all clause nearest it (first run 98.1 % and 58).
    // 62 once clauses left open alike are told in one line.
    holds(heldOutBy.m as Totals, { recall: 0.99, keys: 64, orphans: 1 });
    for (const r of cases.filter((x) => x.name.includes('→ geneva-m') && x.keys.length)) {
      expect([r.name, r.right, r.wrong.length]).toEqual([r.name, r.truth, 0]);
      expect(r.keys.filter((k) => k.rank === null), r.name).toEqual([]);
    }
  });

  it('holds the held-out hand N to what its first run measured: no pair wrong, no orphan paired', () => {
    // The E3 counter-proposal and Hamas's reply once more, added before any diff ran on them, after every rule of this
    // code was set (EVAL.md, "Hand N"). Its E3 pairs every clause against every US draft.
    const cases = casesOf('n', 12);
    expect((heldOutBy.n as Totals).rewriteWrong).toBe(0);
    // First run 72 of 80; 76 once an added clause printed with a removed one's number is told with it, in its place;
    // 98.2 % and 77 once a question left open finds the catch-all clause nearest it; 98.6 % and 78 once a question left open pairs with the only clause of its topic left in the other version.
    holds(heldOutBy.n as Totals, { recall: 0.985, keys: 78 });
    for (const r of cases.filter((x) => x.family === 'russia-ukraine-2025' && !x.name.includes('us-i'))) expect([r.name, r.right]).toEqual([r.name, r.truth]);
  });

  it('holds the held-out hand P to what its first run measured: no pair wrong, no orphan paired, no forbidden claim', () => {
    // The 20-point plan once more, added before any diff ran on it, after every rule of this code was set (EVAL.md,
    // "Hands P and Q"). Its misses: the Qatar clause's removal, which its own file marks unconfirmed (it stayed out
    // of the highlights until a removal from a version known in full was weighed as any removal: 37), and hand B's
    // point 3, whose lineage the hands dispute.
    const cases = casesOf('p', 6);
    expect((heldOutBy.p as Totals).rewriteWrong).toBe(0);
    holds(heldOutBy.p as Totals, { recall: 0.97, keys: 37 });
    expect(cases.flatMap((r) => r.violations)).toEqual([]);
  });

  it('holds the held-out hand Q to what its first run measured: every clause paired, every key change in the top 10', () => {
    // The Geneva framework once more, written after every rule of this code was set and checked once against the four
    // US drafts before it was added (EVAL.md, "Hand Q"): every pair right, all six key changes, 24 of 24.
    const cases = casesOf('q', 6);
    expect((heldOutBy.q as Totals).rewriteWrong).toBe(0);
    holds(heldOutBy.q as Totals, { recall: 1, keys: 24 });
    for (const r of cases) expect([r.name, r.right, r.keys.filter((k) => k.rank === null)]).toEqual([r.name, r.truth, []]);
    // Hand I's US draft splits point 13 in two: the part left without a partner is told as merged into the clause its
    // twin pairs with, which is no claim that it was removed (counted as one until the eval read the kind of change).
    expect(cases.flatMap((r) => r.violations)).toEqual([]);
  });

  it('holds the held-out hand R to what its first run measured: the removals it names its own way found and ranked', () => {
    // The Geneva framework in four clauses, its three removals under ids the hand invented, written after the rules
    // for removals named otherwise were set (EVAL.md, "Hand R"): all seven key changes against each US draft, the
    // unconfirmed frozen-assets removal among them, which the code before ranked after two dozen absences.
    const cases = casesOf('r', 6);
    expect((heldOutBy.r as Totals).rewriteWrong).toBe(0);
    holds(heldOutBy.r as Totals, { recall: 0.95, keys: 28 });
    for (const r of cases.filter((c) => c.keys.length)) expect([r.name, r.keys.filter((k) => k.rank === null)]).toEqual([r.name, []]);
    expect(cases.flatMap((r) => r.violations)).toEqual([]);
  });

  it('holds the held-out hand T to what its first run measured, and what its one miss prompted', () => {
    // Hamas's reply once more, written after `deferred` was added, with one deferred clause covering six points (EVAL.md,
    // "Hand T"). First run against the shipped plan: 17 of 18 pairs, 7 of 8 key changes, each covered point told as
    // merged into the deferred clause; the miss, the hostages, pairs since terms a writer lists as unreported no longer
    // thin out the share of term names two clauses of a term of their own need (18 of 18, 8 of 8; 23 → 25 of 32 over
    // its cases). The two pairs counted wrong are lineages the hands read otherwise: hand I's 20-point file shares the
    // id `board-of-peace` with the shipped one, so the clause that covers it pairs with it there, and hand N gives the
    // same reply sentence a clause of its own (new), which hand T's deferred clause pairs with.
    const cases = casesOf('t', 5);
    expect(wrongPairs(cases)).toEqual(['board-of-peace → gaza-future-national-framework', 'national-framework → gaza-future-national-framework']);
    holds(heldOutBy.t as Totals, { recall: 0.9, keys: 25, orphans: 1, bestOrphan: 1 });
    const shipped = cases.find((r) => r.name.startsWith('gaza-2025/wh → ')) as CaseResult;
    expect([shipped.right, shipped.truth, shipped.keys.filter((k) => k.rank === null).map((k) => k.point), shipped.violations]).toEqual([18, 18, [], []]);
  });

  it('holds the held-out hand V to what its first run measured, and what that run prompted', () => {
    // The Telegraph's 24-point European plan, never encoded before: twelve points of 24, no parent, its own numbering,
    // written from the fact sheet alone (EVAL.md, "Hand V"). Against the shipped US draft the first run paired its "end of
    // the war" with the US point on changes by force (its writer lists every non-aggression term as unreported, one of them
    // stated by that point alone), and read the deported children, given a point of their own, as dropped from the
    // exchange. The other US encodings still pair that point by content or by a list two of whose terms their clause 22
    // states; the cap and the US guarantee are told as possible pairs only.
    const cases = casesOf('v', 4);
    expect(wrongPairs(cases)).toEqual(['no-forcible-border-change → end-of-war-non-recurrence', 'no-forcible-border-change → end-of-war-non-recurrence']);
    holds(heldOutBy.v as Totals, { recall: 0.54, keys: 19, orphans: 3 });
    const shipped = cases.find((r) => r.name.startsWith('russia-ukraine-2025/us → ')) as CaseResult;
    expect([shipped.right, shipped.truth, shipped.wrong, shipped.keys.filter((k) => k.rank === null).map((k) => k.point)]).toEqual([4, 6, [], ['6', '5']]);
    expect(shipped.keys.filter((k) => k.rank === null).every((k) => k.asPossiblePair !== undefined)).toBe(true);
    expect(shipped.highlights.find((h) => h.startsWith('Clause 7 '))).toContain('children returned moved to clause 6 (was yes)');
  });

  it('holds the held-out hand W to what its first run measured, and what that run prompted', () => {
    // The London proposal of April 2025, never encoded before: five elements one outlet reported, in seven clauses, every
    // one unconfirmed (EVAL.md, "Hand W"). First run: every pair right against each US draft, 5 of 7 key changes; its two
    // new points (the Kakhovka dam, the Kinburn Spit) weighed nothing as "newly reported" while five US points absent
    // from a version known in part filled the list. Unconfirmed now reads as less sure than the rest of the version.
    const cases = casesOf('w', 4);
    expect(wrongPairs(cases)).toEqual([]);
    holds(heldOutBy.w as Totals, { recall: 1, keys: 28 });
    for (const r of cases) expect([r.name, r.right, r.truth, r.keys.filter((k) => k.rank === null)]).toEqual([r.name, 5, 5, []]);
  });

  it('holds the held-out hand X to what its first run measured: no wrong pair, every new point ranked', () => {
    // The separate US guarantee framework, a companion document on guarantees only, written and first run after every
    // rule of this code was set (EVAL.md, "Hand X"). Its two guarantee clauses pair with points 5 and 10 only against
    // hand I's US draft; elsewhere they are told as possible pairs (0.31–0.38), and its five new points all rank. With a
    // partner taken away, three orphans pair with the other guarantee clauses of the framework (0.21–0.37).
    const cases = casesOf('x', 4);
    expect(wrongPairs(cases)).toEqual([]);
    holds(heldOutBy.x as Totals, { recall: 0.25, keys: 22, orphans: 3 });
    for (const r of cases) expect([r.name, r.keys.filter((k) => k.rank === null && k.point.startsWith('new:'))]).toEqual([r.name, []]);
    expect(cases.flatMap((r) => r.violations)).toEqual([]);
  });

  it('holds the held-out hand Y to what its first run measured: every pair right against every hand', () => {
    // The US 28-point draft once more, one clause per point, written and first run after every rule of this code was
    // set (EVAL.md, "Hands Y and Z"). Every clause pairs with its point in every hand's E3 and Geneva, and with every
    // other US draft; no orphan pairs in 426 trials. Its annotations list 12 changes for the E3, so two cannot be among ten.
    const cases = casesOf('y', 18);
    expect(wrongPairs(cases)).toEqual([]);
    holds(heldOutBy.y as Totals, { recall: 1, keys: 31 });
    for (const r of cases) expect([r.name, r.right]).toEqual([r.name, r.truth]);
    expect(cases.flatMap((r) => r.violations)).toEqual([]);
  });

  it('holds the held-out hand Z to what its first run measured, its one disputed pair included', () => {
    // The reported Gaza 21-point draft once more, its point 3 split into the end of the war and the gradual withdrawal,
    // written and first run after every rule of this code was set (EVAL.md, "Hands Y and Z"). Against the 20-point
    // plans typed by topic it pairs 17 or 18 of 18; against the two that file demilitarisation, the force and others
    // under `other` (hands A and B), 13 and 10. Its pair counted wrong, and its one orphan paired, join hand B's point 3
    // (an end to the war and a gradual pull-out in one clause) with its withdrawal: the lineage the hands split on.
    const cases = casesOf('z', 10);
    expect(wrongPairs(cases)).toEqual(['war-end-and-pullback → idf-gradual-withdrawal']);
    // 91.3 % when each case's disguise was seeded by its place in the list; 90.2 % seeded by the case itself (one shuffled
    // case, hand B's 20-point file, pairs two clauses fewer in its new order).
    holds(heldOutBy.z as Totals, { recall: 0.901, keys: 44, orphans: 1, bestOrphan: 0.54 });
  });

  it('holds the held-out hand O to what its first run measured: its questions left open found in the catch-all', () => {
    // Hamas's reply once more, written and first run after the rule for questions left open in the catch-all was set
    // (EVAL.md, "Hand O"). On the code before that rule: 87.2 %, 43 key changes, 10 forbidden claims; hand A's and hand
    // B's 20-point files, which file the force and demilitarisation under `other`, now pair one more clause each.
    // Its pair counted wrong is hand T's clause that covers the regional guarantee (by its id in the 20-point plan)
    // with hand O's clause of that id: what hand T's file declares, where its lineage gives the clause as new. Two
    // orphans pair by place (order 0.79) as the only clauses left of their topic; the third is that declared pair.
    const cases = casesOf('o', 11);
    expect(wrongPairs(cases)).toEqual(['gaza-future-national-framework → regional-guarantee']);
    // 89.9 % and 45 once a question left open pairs with the only clause of its topic left in the other version (88.6 % and 44 before, both with the disguises seeded by case).
    // 54 once clauses left open alike are told in one line; 91.3 % and 56 once a question left open pairs with the clause
    // of its topic that stands out among several (hand B's staged withdrawal, and disarmament beside a terror-free zone).
    holds(heldOutBy.o as Totals, { recall: 0.912, keys: 56, orphans: 3, bestOrphan: 1 });
    const byName = (from: string) => cases.find((r) => r.name.startsWith(`gaza-2025/${from} → o-reply`)) as CaseResult;
    expect([byName('a-wh').right, byName('b-wh').right]).toEqual([9, 9]);
  });

  it('holds the held-out hand U to what its first run measured: its deferred points against several clauses of their topic', () => {
    // The first-phase deal once more, written and first run after every rule of this code was set (EVAL.md, "Hand U").
    // It leaves points 9 (in two clauses), 10, 13, 15, 16 and 19 to later phases; where the plan has several clauses of
    // the topic a question left open takes (point 1 and 13 in demilitarisation; 2, 10 and 11 in economy; the three
    // clauses of point 9), no content score reaches 0.38: the question pairs only where one clause, or two, stand out by
    // score (disarmament, statehood, the board with the committee); in economy none does. Its pair counted wrong: hand G's deferred rebuilding (annotated 2) with its own (annotated 10), the lineage the
    // hands split on. Six orphans pair in the leave-one-out trials, all as the only clause of a topic on both sides: the
    // task force with the Authority's role left open (a question needs no score), and the shipped plan's and hand D's
    // transitional governance with the task force.
    const cases = casesOf('u', 9);
    expect(wrongPairs(cases)).toEqual(['reconstruction-later → reconstruction-deferred']);
    // 79.8 % and 49 once a question left open pairs with the clause or clauses of its topic that stand out among several
    // (disarmament and statehood, each beside a clause its question does not name; the board and the committee in one);
    // 80.8 % once the questions are taken best first (its Authority question takes the reform before the board's question).
    // 84.6 % and 53 once a question's missing terms count for nothing (EVAL.md, "Hand AI").
    holds(heldOutBy.u as Totals, { recall: 0.86, keys: 54, orphans: 6, bestOrphan: 0.24 });
    // Against the other first-phase files, written by hands that left the same points open: every pair but that one.
    for (const r of cases.filter((x) => x.name.includes('phase →'))) expect(r.right, r.name).toBeGreaterThanOrEqual(r.truth - 1);
  });

  it('holds the held-out hand AA to what its first run measured: a Geneva known in part, every pair, every change', () => {
    // The Geneva framework once more, four points stated, three reported dropped, the rest carried over from the US draft
    // with presence unknown (EVAL.md, "Hand AA"): against the five US encodings and three other hands' Geneva files.
    const cases = casesOf('aa', 8);
    for (const r of cases) expect([r.name, r.right, r.wrong.length, r.violations.length]).toEqual([r.name, r.truth, 0, 0]);
    holds(heldOutBy.aa as Totals, { recall: 1, keys: 30 });
  });

  it('holds the held-out hands AS and AT to what their first runs measured: every pair, and a value that states nothing kept out of the ten', () => {
    // The US 28-point draft and the E3 counter-proposal once more, each written from the fact sheet with its annotations
    // first (EVAL.md, "A value that states nothing"). Hand AS's first run showed "model set to unspecified" among the ten
    // against the Geneva file, which writes the model hand AS left out; it prompted that rule and no other. Hand AT was
    // written and first run after it. Every clause pairs with its point; the US guarantee "modelled on Article 5" ranked
    // 11th in both (a close call, EVAL.md); since a change of kind weighs as a yes/no flip it is in hand AT's ten against
    // the shipped US draft (28), and hand AS's two changes it marked minor are two of its twelve.
    const as = casesOf('as', 6);
    expect(wrongPairs(as)).toEqual([]);
    for (const r of as) expect([r.name, r.right, r.violations]).toEqual([r.name, r.truth, []]);
    holds(heldOutBy.as as Totals, { recall: 1, keys: 31 });
    const at = casesOf('at', 4);
    for (const r of at) expect([r.name, r.right, r.wrong, r.violations]).toEqual([r.name, r.truth, [], []]);
    holds(heldOutBy.at as Totals, { recall: 1, keys: 28 });
  });

  it('holds the held-out hand AB to what its first run measured: a reply that leaves most points open, its changes found', () => {
    // Hamas's reply once more, written and first run after every rule of this code was set (EVAL.md, "Hand AB"): 95.0 %
    // and 46 of 60 key changes; 38 of 60 on the code before clauses left open alike were told in one line, the pairs the
    // same; 48 since a paraphrase's operative words are not flags (its new national framework, no longer below noise).
    // Against the shipped plan and hands D, I and P every pair. Its four orphans: hand O's reply against it pairs three
    // by older rules of the only clause of a topic (a question left open needs no score), and hand T's clause that
    // covers the regional guarantee pairs as that file declares.
    const cases = casesOf('ab', 12);
    expect(wrongPairs(cases)).toEqual([]);
    // The declared pair scores 1, so the best orphan is not held under the pair threshold here (as for hands T and O).
    holds(heldOutBy.ab as Totals, { recall: 0.96, keys: 52, orphans: 4, bestOrphan: 1 });
    for (const from of ['wh', 'd-wh', 'wh-i', 'p-wh']) {
      const r = cases.find((x) => x.name.startsWith(`gaza-2025/${from} → ab-reply`)) as CaseResult;
      expect([r.name, r.right]).toEqual([r.name, r.truth]);
    }
  });

  it('holds the held-out hand AD to what its first run measured, and tells its reported addition as news against the version it names', () => {
    // The 20-point plan once more, written after the format took `added`, whose README its writer read (EVAL.md,
    // "Clauses reported new, and hand AD"): 97.7 % of pairs, none wrong, 40 of 50 key changes. Its file lists point 16
    // as reported new since `reported-21-point`, hand B's 21-point file's id: against that file the staged withdrawal
    // is told as added with its reports and ranks fourth; against the other hands' 21-point files (their own ids)
    // it stays "added, or not reported in the earlier version", or pairs with the withdrawal a hand gave point 16.
    const cases = casesOf('ad', 7);
    expect(wrongPairs(cases)).toEqual([]);
    // 39 since a condition only reworded weighs nothing: hand D's point 3 ranked second on its reworded condition alone.
    holds(heldOutBy.ad as Totals, { recall: 0.97, keys: 39 });
    const b = cases.find((r) => r.name.startsWith('gaza-2025/b-21 → ad-wh')) as CaseResult;
    expect(b.keys.find((k) => k.point === '16')?.rank).toBe(4);
    for (const from of ['h-21', 'l-21', 'z-21']) {
      const r = cases.find((x) => x.name.startsWith(`gaza-2025/${from} → ad-wh`)) as CaseResult;
      expect([r.name, r.keys.find((k) => k.point === '16')?.rank]).toEqual([r.name, null]);
    }
  });

  it('holds the held-out hand AV to what its first run measured: its pairs, and the changes its hand ranked', () => {
    // The reported Gaza 21-point draft once more, written from the fact sheet with its annotations first (EVAL.md, "Hand
    // AV"). Its first run, against the shipped 20-point plan with its ids made opaque and shuffled: 17 of 18 pairs, none
    // wrong, its 10 changes in the ten; it prompted two rules for conditions named otherwise. Its one pair counted wrong
    // joins hand B's point 3 (the end of the war and a gradual pull-out in one clause) with its withdrawal, as hand Z's.
    const cases = casesOf('av', 12);
    expect(wrongPairs(cases)).toEqual(['war-end-and-pullback → idf-gradual-pullout']);
    const first = cases.find((r) => r.name.startsWith('gaza-2025/av-21 → wh ')) as CaseResult;
    expect([first.right, first.truth, first.wrong]).toEqual([17, 18, []]);
    expect(first.keys.filter((k) => k.rank === null)).toEqual([]);
    holds(heldOutBy.av as Totals, { recall: 0.95, keys: 60, orphans: 2, bestOrphan: 0.55 });
  });

  it('holds the later hands to what their first run measured: every pair right, their key changes found', () => {
    // Three more encodings by hands that saw only the fact sheets (EVAL.md, "Naming by another hand…").
    const cases = results.filter((r) => r.later);
    expect(cases).toHaveLength(12);
    // The two pairs once counted wrong join one hand's merged first-phase clause with a part of the same point that the
    // shipped 20-point file splits out unnumbered (the Board of Peace of point 9, Rafah of point 8): right, now that the
    // lineage reads the point the file's note gives an unnumbered clause (`parts`); EVAL.md.
    expect(wrongPairs(cases)).toEqual([]);
    holds(later, { recall: 0.979, keys: 90 });
    expect(later.violations).toBeLessThanOrEqual(1);
  });
});
