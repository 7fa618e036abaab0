/** A clause filed under the catch-all `other`, read as the topic of the typed clauses it stands clearly nearest. */
import { describe, expect, it } from 'vitest';
import { diffPlans, MATCH, matchClauses, renderDiffText } from 'peaceplan';
import type { Clause, Plan } from 'peaceplan';
import { guessTopics } from '../src/match/topic-guess.js';

const limits = { floor: 0.2, gap: 1.5 };
const base = { status: 'proposed' as const, certainty: 'reported' as const, sources: ['s1'] };
const clause = (id: string, n: number, topic: string, title: string, text: string): Clause => ({ id, number: String(n), topic, title, text, ...base }) as Clause;
const plan = (version: string, clauses: Clause[]): Plan => ({ peaceplan: 1, plan: 'p', version, title: version, date: '2025-10-09', sources: { s1: { title: 'S', publisher: 'P' } }, clauses }) as Plan;
const bare = (topic: string) => clause(topic, 1, topic, 't', 'x');

describe('guessTopics', () => {
  const a = [bare('other'), bare('ceasefire'), bare('other')];
  const b = [bare('humanitarian'), bare('demilitarisation'), bare('other')];

  it('reads a catch-all clause as the topic of its clearly best typed partner, on either side', () => {
    const [inA, inB] = guessTopics(a, b, [
      { from: 0, to: 0, score: 0.31 },
      { from: 0, to: 1, score: 0.2 },
      { from: 1, to: 2, score: 0.3 },
    ], limits);
    expect([...inA]).toEqual([[0, 'humanitarian']]);
    expect([...inB]).toEqual([[2, 'ceasefire']]);
  });

  it('reads nothing under the floor, within the gap of another topic, from catch-all partners, or for typed clauses', () => {
    expect(guessTopics(a, b, [{ from: 0, to: 0, score: 0.19 }], limits)[0].size).toBe(0);
    expect(guessTopics(a, b, [{ from: 0, to: 0, score: 0.3 }, { from: 0, to: 1, score: 0.21 }], limits)[0].size).toBe(0);
    // The best of each topic counts: a second, weaker partner of the same topic does not narrow the gap.
    expect([...guessTopics(a, b, [{ from: 0, to: 0, score: 0.3 }, { from: 2, to: 0, score: 0.29 }, { from: 0, to: 1, score: 0.1 }], limits)[0]]).toEqual([[0, 'humanitarian'], [2, 'humanitarian']]);
    expect(guessTopics(a, b, [{ from: 0, to: 2, score: 0.9 }], limits)[0].size).toBe(0);
    expect(guessTopics(a, b, [{ from: 1, to: 0, score: 0.9 }], limits)[0].size).toBe(0);
  });

  it('reads nothing as a topic the clause’s own version files other clauses under: its writer had that topic and chose the catch-all', () => {
    // Version b files a clause under ceasefire, so its catch-all clause is not about that; nor is a's about humanitarian.
    expect(guessTopics(a, [...b, bare('ceasefire')], [{ from: 1, to: 2, score: 0.3 }], limits)[1].size).toBe(0);
    expect(guessTopics([...a, bare('humanitarian')], b, [{ from: 0, to: 0, score: 0.3 }], limits)[0].size).toBe(0);
  });
});

describe('a hand that filed the hostages under the catch-all', () => {
  // The 20-point plan's hostage point in one hand's words, topic `other`; another hand's, topic `humanitarian`.
  const hostages = clause('hostage-return', 4, 'other', 'Hostages back within 72 hours', 'Within 72 hours of Israel accepting the agreement, all hostages, alive and dead, are returned.');
  const captives = clause('captives', 4, 'humanitarian', 'Captives freed in three days', 'Every captive held in Gaza, living or deceased, goes home: all hostages are returned no later than 72 hours after the deal is accepted publicly.');
  const ceasefireA = clause('ceasefire', 3, 'ceasefire', 'War ends at once', 'The war ends immediately once both sides agree, and the army pulls back to the agreed line.');
  const ceasefireB = clause('halt', 3, 'ceasefire', 'Immediate end of war', 'Once both sides agree the war ends immediately and troops withdraw to the agreed line.');
  const boardA = clause('board', 9, 'governance', 'Board of Peace', 'A Board of Peace chaired by the US president oversees a technocratic committee.');
  const boardB = clause('board-of-peace', 9, 'governance', 'Transitional Board of Peace', 'A technocratic committee runs Gaza under a Board of Peace chaired by the US president.');

  it('pairs it as the only clause of that topic left on each side, under the content threshold, and says how it was read', () => {
    const older = plan('a', [ceasefireA, hostages, boardA]);
    const newer = plan('b', [ceasefireB, captives, boardB]);
    const m = matchClauses(older.clauses, newer.clauses);
    const p = m.pairs.find((x) => older.clauses[x.from]?.id === 'hostage-return');
    expect(p && newer.clauses[p.to]?.id).toBe('captives');
    expect(p?.method).toBe('topic');
    expect(p?.score).toBeLessThan(MATCH.pair);
    expect(p?.evidence).toEqual(expect.objectContaining({ topic: 'open', topicRead: 'humanitarian' }));
    expect(renderDiffText(diffPlans(older, newer))).toMatch(/Captives freed in three days {2}\[modified, captives, matched by topic 0\.\d+, one in topic other, read as humanitarian\]/);
  });

  it('leaves it unpaired where its own version files another clause under that topic', () => {
    // The writer had `humanitarian` and filed the hostages elsewhere: they are not read as humanitarian.
    const channels = clause('aid-channels', 8, 'humanitarian', 'Aid handed out by UN bodies', 'The UN and the Red Crescent hand out the aid that enters Gaza, free of interference.');
    const trucks = clause('aid-trucks', 5, 'humanitarian', 'Aid trucks every day', 'Six hundred aid trucks enter Gaza every day, with fuel, under the first phase.');
    const older = plan('a', [ceasefireA, hostages, channels, boardA]);
    const newer = plan('b', [ceasefireB, captives, trucks, boardB]);
    const m = matchClauses(older.clauses, newer.clauses);
    expect(m.pairs.find((x) => older.clauses[x.from]?.id === 'hostage-return')).toBeUndefined();
    expect(m.pairs.some((p) => p.evidence?.topicRead)).toBe(false);
  });
});
