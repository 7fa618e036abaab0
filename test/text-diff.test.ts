import { describe, expect, it } from 'vitest';
import { diffText, sideOf, tokenize } from '../src/diff/text-diff.js';
import { obligationOf, operativeFlags } from '../src/diff/operative.js';

describe('word-level text diff', () => {
  it('keeps numbers, dates and money amounts whole', () => {
    expect(tokenize('capped at 600,000 by 2025-11-20 or 20 November 2025, $100 bn and €185.5 billion, 50 %')).toEqual(
      expect.arrayContaining(['600,000', '2025-11-20', '20 November 2025', '$100 bn', '€185.5 billion', '50 %']),
    );
    expect(diffText('capped at 600,000 personnel', 'capped at 800,000 personnel').hunks).toEqual([
      { op: 'equal', value: 'capped at ' },
      { op: 'delete', value: '600,000' },
      { op: 'insert', value: '800,000' },
      { op: 'equal', value: ' personnel' },
    ]);
  });

  it('joins neighbouring changes into one readable region', () => {
    const { hunks } = diffText('Russia will not invade its neighbours', 'Russia is expected not to invade its neighbours');
    expect(hunks).toEqual([
      { op: 'equal', value: 'Russia ' },
      { op: 'delete', value: 'will ' },
      { op: 'insert', value: 'is expected ' },
      { op: 'equal', value: 'not ' },
      { op: 'insert', value: 'to ' },
      { op: 'equal', value: 'invade its neighbours' },
    ]);
  });

  it('always rebuilds both texts from the hunks', () => {
    const cases = [['', 'new text'], ['old text', ''], ['a b c', 'a x c'], ['Ukraine’s army', "Ukraine's army"], ['line one\nline two', 'line one\r\nline 2']];
    for (const [a, b] of cases as Array<[string, string]>) {
      const { hunks } = diffText(a, b);
      expect(sideOf(hunks, 'from')).toBe(a);
      expect(sideOf(hunks, 'to')).toBe(b);
    }
  });

  it('falls back to one replacement for long unrelated texts instead of stalling', () => {
    const lines = (seed: string) => Array.from({ length: 20_000 }, (_, i) => `${seed}${i} ${seed.repeat(3)} ${i * 7}`).join('\n');
    const a = lines('alpha');
    const b = lines('omega');
    const result = diffText(a, b);
    expect(result.replaced).toBe(true);
    expect(sideOf(result.hunks, 'from')).toBe(a);
    expect(sideOf(result.hunks, 'to')).toBe(b);
  });

  it('still aligns long texts that differ in a few words', () => {
    const a = Array.from({ length: 5_000 }, (_, i) => `clause ${i} stays`).join(' ');
    const b = a.replace('clause 2500 stays', 'clause 2500 changes');
    const result = diffText(a, b);
    expect(result.replaced).toBe(false);
    expect(result.hunks.filter((h) => h.op !== 'equal')).toEqual([
      { op: 'delete', value: 'stays' },
      { op: 'insert', value: 'changes' },
    ]);
  });
});

describe('operative-language flags', () => {
  const flags = (a: string, b: string) => operativeFlags(diffText(a, b).hunks);

  it('sees an obligation softened or strengthened', () => {
    expect(flags('NATO will not expand.', 'NATO is expected not to expand.')).toEqual([{ kind: 'obligation', from: 'will', to: 'expected', direction: 'softened' }]);
    expect(flags('Parties should meet.', 'Parties shall meet.')).toEqual([{ kind: 'obligation', from: 'should', to: 'shall', direction: 'strengthened' }]);
    expect(flags('Ukraine may not exceed the cap.', 'Ukraine may exceed the cap.')).toEqual([
      { kind: 'obligation', from: 'may not', to: 'may', direction: 'softened' },
      { kind: 'negation', change: 'removed', words: ['not'] },
    ]);
  });

  it('sees a negation or a condition added or removed', () => {
    expect(flags('Troops are stationed.', 'Troops are not stationed.')).toEqual([{ kind: 'negation', change: 'added', words: ['not'] }]);
    expect(flags('Sanctions are lifted.', 'Sanctions are lifted once Russia withdraws.')).toEqual([{ kind: 'condition', change: 'added', words: ['once'] }]);
    expect(flags('Assets stay frozen until Russia pays, subject to review.', 'Assets stay frozen.')).toEqual([
      { kind: 'condition', change: 'removed', words: ['until', 'subject to'] },
    ]);
  });

  it('reads a negating prefix and a negation of the same word as one negation ("non-nuclear", "without nuclear weapons")', () => {
    const before = 'Ukraine commits to keeping its non-nuclear status under the treaty.';
    const after = 'Ukraine commits to remaining a state without nuclear weapons under the treaty.';
    expect(flags(before, after)).toEqual([]);
    expect(flags(after, before)).toEqual([]);
    // A negation of another word, or one more than the prefix accounts for, is still told.
    expect(flags('Ukraine keeps its non-nuclear status.', 'Ukraine keeps a status without allies.')).toEqual([{ kind: 'negation', change: 'added', words: ['without'] }]);
    expect(flags('Ukraine keeps its non-nuclear status.', 'Ukraine keeps its status without nuclear weapons and without troops.')).toEqual([{ kind: 'negation', change: 'added', words: ['without'] }]);
    expect(flags('Under the treaty Ukraine keeps its non-nuclear status for all time.', 'Under the treaty Ukraine keeps its status without nuclear arms and without nuclear plants for all time.')).toEqual([{ kind: 'negation', change: 'added', words: ['without'] }]);
    // The prefix that stays on both sides accounts for nothing.
    expect(flags('Ukraine keeps its non-nuclear status.', 'Ukraine keeps its non-nuclear status without nuclear weapons.')).toEqual([{ kind: 'negation', change: 'added', words: ['without'] }]);
  });

  it('reads "once" and "after" as one condition, the time from which, where one only took the other\'s place', () => {
    expect(flags('Elections are held as soon as possible after the agreement is signed.', 'Elections are held as soon as possible once the agreement is signed.')).toEqual([]);
    // One more of them than the other lost is a condition added; "if" for "once" is another condition.
    expect(flags('Troops leave after the vote is held in the eastern regions.', 'Troops leave once the vote is held in the eastern regions and once the army agrees.')).toEqual([
      { kind: 'condition', change: 'added', words: ['once'] },
      { kind: 'condition', change: 'removed', words: ['after'] },
    ]);
    expect(flags('Sanctions are lifted once Russia withdraws its troops.', 'Sanctions are lifted if Russia withdraws its troops.')).toEqual([
      { kind: 'condition', change: 'added', words: ['if'] },
      { kind: 'condition', change: 'removed', words: ['once'] },
    ]);
  });

  it('reads a modal that an expectation governs as the expectation ("it is expected that Russia will not invade")', () => {
    for (const text of [
      'It is expected that Russia will not invade its neighbours.',
      'It is expected, without a binding commitment, that Russia will not invade its neighbours.',
      'The expectation is stated that Russia will not invade its neighbours.',
      'The draft sets two expectations: Russia will not invade, and NATO will not expand.',
    ]) expect(obligationOf(text), text).toEqual(['expected', 1, false]);
    expect(flags('Russia is expected not to invade its neighbours.', 'It is expected that Russia will not invade its neighbours.')).toEqual([]);
    // A duty before the expectation stays a duty; one that became an expectation is softened.
    expect(obligationOf('Russia will withdraw, and it is expected that NATO stops enlarging.')?.[0]).toBe('will');
    expect(flags('Ukraine will hold elections within 100 days.', 'It is expected that Ukraine will hold elections within 100 days.')).toEqual([{ kind: 'obligation', from: 'will', to: 'expected', direction: 'softened' }]);
  });

  it('reads no duty into an indirect question ("whether Ukraine may join NATO is not settled")', () => {
    expect(obligationOf('Whether Ukraine may join NATO is not settled in the framework.')).toBeNull();
    expect(obligationOf('The parties will decide whether Ukraine may join.')?.[0]).toBe('will');
    expect(obligationOf('Whether or not the talks succeed, Russia will withdraw its troops.')?.[0]).toBe('will');
    expect(flags('Whether Ukraine may join NATO is left to the leaders.', 'Whether Ukraine can join NATO is left to the leaders.')).toEqual([]);
  });

  it('reads a permission capped right after it as forbidding what passes the cap ("may number no more than 600,000")', () => {
    for (const text of ["Ukraine's army may number no more than 600,000.", "Ukraine's army may have at most 600,000 troops.", "In peacetime Ukraine's army may number up to 800,000."]) {
      expect(obligationOf(text), text).toEqual(['may', 1, true]);
    }
    // Two hands' words for the US cap: the same prohibition, no obligation changed (a negation may still be told).
    const [capped, exceed] = ["Ukraine's military may number no more than 600,000 personnel, a ceiling that applies at all times.", "Ukraine's armed forces may not exceed 600,000 personnel. The draft makes no distinction between peace and war."];
    for (const [a, b] of [[capped, exceed], [exceed, capped]] as const) expect(flags(a, b).filter((f) => f.kind === 'obligation')).toEqual([]);
    expect(flags("In peacetime Ukraine's army may number up to 800,000.", "In peacetime Ukraine's army may number no more than 800,000.")).toEqual([]);
    expect(flags('Forces may number 600,000.', 'Forces may number no more than 600,000.')).toEqual([]);
    // A permission the cap does not follow stays a permission; a cap on something else far after it changes nothing.
    expect(obligationOf('Ukraine may join the EU, with at most two years of talks.')?.[0]).toBe('may');
    expect(flags('Ukraine may join the EU.', 'Ukraine must join the EU.')).toEqual([{ kind: 'obligation', from: 'may', to: 'must', direction: 'strengthened' }]);
  });

  it('reads prohibitions, contractions and look-alikes as a careful reader would', () => {
    expect(flags('Neither Russia nor Ukraine may use force.', 'Neither Russia nor Ukraine undertakes to use force.')).toEqual([
      { kind: 'obligation', from: 'may not', to: 'undertakes', direction: 'softened' },
    ]);
    expect(flags('Russia and Ukraine may use force.', 'Neither Russia nor Ukraine may use force.')).toEqual([
      { kind: 'obligation', from: 'may', to: 'may not', direction: 'strengthened' },
      { kind: 'negation', change: 'added', words: ['neither', 'nor'] },
    ]);
    // A sentence that holds a duty and a prohibition binds as the prohibition.
    expect(flags('Troops will withdraw, and no party may attack.', 'Troops will withdraw, and each party may attack.')).toEqual([
      { kind: 'obligation', from: 'may not', to: 'will', direction: 'softened' },
      { kind: 'negation', change: 'removed', words: ['no'] },
    ]);
    expect(flags('Russia will withdraw.', 'Russia won’t withdraw.')).toEqual([{ kind: 'negation', change: 'added', words: ['not'] }]);
    // A prohibition in other words forbids the same: "may not", "will not", "shall not", "undertakes not to",
    // "commit never to", "neither party will". "Neither undertakes to" binds no one, and is not one.
    const obligations = (a: string, b: string) => flags(a, b).filter((f) => f.kind === 'obligation');
    for (const [a, b] of [
      ['Neither Russia nor Ukraine may use force against the line.', 'Russia and Ukraine will not use force against the line.'],
      ['Ukraine may not join NATO.', 'Ukraine undertakes never to join NATO.'],
      ['No party may attack the other.', 'Neither party will attack the other.'],
      ['The parties commit not to attack.', 'The parties shall not attack.'],
    ] as const) {
      expect([a, b, obligations(a, b)]).toEqual([a, b, []]);
      expect([b, a, obligations(b, a)]).toEqual([b, a, []]);
    }
    expect(obligations('No party may attack the other.', 'No party undertakes to attack the other.')).toEqual([{ kind: 'obligation', from: 'may not', to: 'undertakes', direction: 'softened' }]);
    expect(obligations('Ukraine will not join NATO.', 'Ukraine is expected not to join NATO.')).toEqual([{ kind: 'obligation', from: 'will', to: 'expected', direction: 'softened' }]);
    expect(flags("Ukraine can't join.", 'Ukraine can’t join.')).toEqual([]);
    expect(flags('Ukraine’s sovereignty is confirmed.', 'Ukraine’s sovereignty is confirmed once more.')).toEqual([]);
    expect(flags('Forces may number 600,000.', 'Forces may number no more than 600,000.')).toEqual([]);
    expect(flags('Elections will be held in 100 days.', 'Elections will be held in May 2026.')).toEqual([]);
    expect(flags('Under resolution 2202.', 'Under Resolution No. 2202.')).toEqual([]);
    expect(flags('Sanctions end if Russia complies.', 'Sanctions end unless Russia complies.')).toEqual([
      { kind: 'condition', change: 'added', words: ['unless'] },
      { kind: 'condition', change: 'removed', words: ['if'] },
    ]);
    expect(flags('The US agreed to mediate.', 'The US is required to mediate.')).toEqual([{ kind: 'obligation', from: 'agreed', to: 'required', direction: 'strengthened' }]);
  });

  it('tells a paraphrase from an edit: negations, conditions and a duty coming or going alone only where the text was edited in one or two places', () => {
    // Two accounts of one clause: the same duty, its words changed in three places and more.
    const before = 'Neither Russia nor Ukraine may change the line of contact by force, and no party will attack the other.';
    const retold = 'Russia and Ukraine undertake not to move the contact line by force; the parties renounce attacks.';
    // Retold with another word for the same prohibition ("may not", "undertake not to"): no duty changed.
    expect(flags(before, retold)).toEqual([]);
    // Retold as a duty to act where the prohibition was: one obligation word gave way to another.
    expect(flags(before, 'Russia and Ukraine undertake to move the contact line only by agreement; the parties renounce attacks.')).toEqual([
      { kind: 'obligation', from: 'may not', to: 'undertake', direction: 'softened' },
    ]);
    // Retold in five places with most words kept: "not" for "nor", "neither" for "no", the same prohibition.
    expect(flags(before, 'Russia and Ukraine may not change the contact line by force, and neither party will attack the other.')).toEqual([]);
    expect(flags('The United States provides guarantees to Ukraine, as the parties set out below in full.', 'Washington will give Ukraine guarantees, set out in the annex the parties sign.')).toEqual([]);
    // The same text edited in one place, then two: each change is told, however long the edit.
    const edited = 'Neither Russia nor Ukraine may change the line of contact by force, unless the Security Council decides otherwise by a vote of all its members, and no party will attack the other.';
    expect(flags(before, edited)).toEqual([{ kind: 'condition', change: 'added', words: ['unless'] }]);
    const twice = 'Neither Russia nor Ukraine may change the line of contact by force, unless the Security Council decides otherwise, and every party will attack the other.';
    expect(flags(before, twice)).toEqual([
      { kind: 'negation', change: 'removed', words: ['no'] },
      { kind: 'condition', change: 'added', words: ['unless'] },
    ]);
    expect(flags('Ukraine reduces its army to 600,000.', 'Ukraine must reduce its army to 600,000.')).toEqual([{ kind: 'obligation', from: null, to: 'must', direction: 'strengthened' }]);
  });

  it('needs the operative word in an operative position: a modal governing a verb, a negation governing the modal', () => {
    // Nouns, conditions and relative clauses that only contain the words bind no one.
    for (const [from, to] of [
      ['The council reflects the people.', 'The council reflects the will of the people.'],
      ['Security is a priority for Kyiv.', 'Security is a must-have for Kyiv.'],
      ['If Russia invades, sanctions return.', 'Should Russia invade, sanctions return.'],
      ['Sanctions return if Russia invades.', 'Sanctions return if Russia should invade.'],
      ['Talks resume as in Istanbul.', 'Talks resume as the parties committed to in Istanbul.'],
      ['The monitors, whose members serve no party, report.', 'The monitors, whose members are bound to no party, report.'],
      // Nor does a "not" or "no" inside the subject or an earlier clause, a possessive will, or a time after "agreed to".
      ['Any state may join later.', 'Any state that does not sign may join later.'],
      ['Countries may request help.', 'Countries with no army may request help.'],
      ['The parties may meet.', 'If no agreement is reached the parties may meet.'],
      ['Ukraine remains sovereign.', "Ukraine's will to remain sovereign is respected."],
      ['The lines remain.', 'The lines the parties agreed to last year remain.'],
      ['The plan stands.', 'The plan stands unless one should object.'],
    ]) expect([to, flags(from as string, to as string).filter((f) => f.kind === 'obligation')]).toEqual([to, []]);
    for (const [from, to] of [
      ['Reconstruction starts, notably along the Dnipro.', 'Reconstruction starts, not least along the Dnipro.'],
      ['Prisoners are released promptly.', 'Prisoners are released without delay.'],
      ['If Russia invades, sanctions return.', 'Should Russia invade, sanctions return.'],
    ]) expect([to, flags(from as string, to as string)]).toEqual([to, []]);
    // A negation later in the sentence, about something else, does not make "may" a prohibition.
    expect(flags('Ukraine may enter NATO.', 'Ukraine may enter NATO, although some allies do not agree.').filter((f) => f.kind === 'obligation')).toEqual([]);
    // Real obligations stay obligations, wherever their modal sits.
    for (const [text, word] of [
      ['Party A shall withdraw.', 'shall'],
      ['Russia will of course withdraw.', 'will'],
      ['Ukraine, after elections, should join the EU.', 'should'],
      ['If Russia withdraws Ukraine should hold elections.', 'should'],
      ['The parties agree to, within 30 days, withdraw.', 'agree'],
      ['Ukraine may under no circumstances join NATO.', 'may not'],
      ['Ukraine may in no case join NATO.', 'may not'],
      ['Ukraine may neither join NATO nor host troops.', 'may not'],
    ]) expect([text, flags('Things happen.', text as string).find((f) => f.kind === 'obligation')]).toEqual([text, expect.objectContaining({ to: word })]);
    // The operative readings stay: a modal before its verb, a duty to act, "should" in the main clause, "no state may".
    expect(flags('Elections are held.', 'Elections will be held.')).toEqual([{ kind: 'obligation', from: null, to: 'will', direction: 'strengthened' }]);
    expect(flags('Ukraine keeps its forces.', 'Ukraine is bound to keep its forces.')).toEqual([{ kind: 'obligation', from: null, to: 'required', direction: 'strengthened' }]);
    expect(flags('Parties meet.', 'Parties should meet.')).toEqual([{ kind: 'obligation', from: null, to: 'should', direction: 'strengthened' }]);
    expect(flags('States may station troops.', 'No state may station troops.').filter((f) => f.kind === 'obligation')).toEqual([{ kind: 'obligation', from: 'may', to: 'may not', direction: 'strengthened' }]);
  });

  it('reads a quotation a party is said to have made as its speech, not the clause\'s own duty', () => {
    for (const to of [
      'Russia says: "Ukraine must disarm."',
      'Moscow insisted that the line "will not move" and talks go on.',
      'According to Axios, "Israel shall keep a perimeter"; the text is not public.',
      'Zelenskyy told reporters “we will never give up land”.',
      'According to U.S. officials, "Israel must withdraw".',
      // In single quotation marks, typographic or straight; an apostrophe inside the quotation does not end it.
      'Russia says: ‘Ukraine must disarm.’',
      "Zelenskyy told reporters 'we won't ever give up land and will not'.",
      "Hamas's envoy said the group 'will keep its weapons'; talks go on.",
      // A typographic apostrophe before the quotation or inside it is no quotation mark.
      'Zelenskyy told Russia’s envoys “we will never give up land”.',
      'Russia says: ‘Ukraine’s army must shrink.’',
    ]) expect([to, flags('Talks go on.', to)]).toEqual([to, []]);
    // An apostrophe opens no quotation: the words after it are the plan's own.
    for (const to of ["Russia says Ukraine's army must shrink, as the parties' text says; Moscow said 'talks go on'.", "Hamas said the fighters' weapons must be handed over.", "Officials told the parties' envoys that Israel must withdraw."]) {
      expect([to, flags('Talks may go on.', to).find((f) => f.kind === 'obligation')?.to]).toEqual([to, 'must']);
    }
    // What the parties declare, a plan's own words after "claims", and a text the plan writes ("to say") bind.
    for (const [from, to] of [
      ['Ukraine waives all claims and "will not seek compensation".', 'Ukraine waives all claims and "may seek compensation".'],
      ['The parties declare: "Ukraine shall not join NATO."', 'The parties declare: "Ukraine may join NATO."'],
      ['Ukraine amends its constitution to say: "Ukraine will never join NATO."', 'Ukraine amends its constitution to say: "Ukraine may join NATO."'],
    ]) expect([to, flags(from as string, to as string).find((f) => f.kind === 'obligation')?.direction]).toEqual([to, 'softened']);
    // The plan's own words in quotation marks are still its words.
    expect(flags('Conditions may be in place for statehood.', 'Conditions "may finally be" in place; the parties "must" meet.').find((f) => f.kind === 'obligation')).toEqual(
      expect.objectContaining({ to: 'must' }),
    );
    expect(flags('Russia says talks go on.', 'Russia says talks go on; Ukraine must hold elections.').find((f) => f.kind === 'obligation')).toEqual(
      expect.objectContaining({ to: 'must' }),
    );
  });

  it('flags nothing for a rewording that keeps the operative words', () => {
    expect(flags('Ukraine will hold elections.', 'Ukraine will hold general elections.')).toEqual([]);
    expect(flags('The cap may be 600,000.', 'The cap is 600,000.')).toEqual([]);
  });
});
