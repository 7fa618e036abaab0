import { describe, expect, it } from 'vitest';
import { diffPlans, parsePlan, renderDiffMarkdown, renderDiffText, renderHtml, reverseDiff } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytes, runCli } from './helpers.js';

const read = (f: string) => parsePlan(bytes(`test/fixtures/diff/${f}`)).plan as Plan;
const diff = diffPlans(read('term-quantity-and-enum/a.yaml'), read('renumbered-and-obligation-softened/b.yaml'));

describe('text rendering', () => {
  it('shows counts, the ranked list and a redline, readable without colour', () => {
    expect(renderDiffText(diff)).toMatchInlineSnapshot(`
      "a (2025-11-20) → b (2025-11-21)
      1 modified, 1 renumbered (2 unchanged); 3 plan fields changed

      Plan
        version a → b
        title Fixture a → Fixture b
        date 2025-11-20 → 2025-11-21

      What matters most
        * Clause 2 (NATO expansion): obligation softened from will to expected

      Clauses
      ~ 2 NATO expansion  [modified, nato-expansion]
          obligation softened from will to expected
          also: renumbered 3 → 2; reworded
          text: NATO [-will -]{+is expected +}not {+to +}expand further.
      # 3 Elections  [renumbered, elections]
          also: renumbered 2 → 3; moved
      "
    `);
  });

  it('colours only when asked, and marks kinds by symbol as well', () => {
    expect(renderDiffText(diff)).not.toMatch(/\x1b\[/);
    const coloured = renderDiffText(diff, { color: true });
    expect(coloured).toMatch(/\x1b\[32m\{\+is expected \+\}\x1b\[0m/);
    expect(coloured).toContain('~ 2 NATO expansion');
  });
});

describe('Markdown rendering', () => {
  it('fits a pull-request comment, with a collapsible table', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('### a \\(2025-11-20\\) → b \\(2025-11-21\\)');
    expect(md).toContain('1. Clause 2 \\(NATO expansion\\): obligation softened from will to expected');
    expect(md).not.toContain('**Renumbered**');
    expect(md).toContain('| `#` renumbered | 3 Elections | also: renumbered 2 → 3; moved |');
    expect(md).toContain('| `~` modified | 2 NATO expansion |');
    expect(md).toContain('NATO ~~will~~ **is expected** not **to** expand further.');
    expect(md).toMatch(/<details><summary>All changed clauses \(2\)<\/summary>[\s\S]*<\/details>\n$/);
  });

  it('escapes what clause texts contain, so a table cannot be broken or HTML injected', () => {
    const base = read('unchanged/a.yaml');
    const hostile = { ...base, clauses: base.clauses.map((c, i) => (i === 0 ? { ...c, title: 'a | b <script>alert(1)</script> *x*', text: 'x | y' } : c)) };
    const md = renderDiffMarkdown(diffPlans(base, hostile));
    expect(md).not.toContain('<script>');
    expect(md).toContain('a \\| b \\<script\\>alert\\(1\\)\\</script\\> \\*x\\*');
  });
});

describe('a clause on one side only that the other version may hold unseen', () => {
  it('says it is not known whether the version has it, not that it is unconfirmed', async () => {
    const { loadPlan } = await import('peaceplan/node');
    const geneva = (await loadPlan('plans/russia-ukraine-2025/geneva-19-point.yaml')).plan as Plan;
    const later: Plan = { ...geneva, version: 'later', parent: 'geneva-19-point', clauses: geneva.clauses.filter((c) => c.id !== 'elections') };
    const text = renderDiffText(diffPlans(geneva, later));
    expect(text).toContain('not known whether geneva-19-point has it (carried from us-28-point): told as not reported in the new version, not as removed');
    expect(text).not.toMatch(/unconfirmed in geneva-19-point/);
    // Its label says so too, in text and Markdown: not "removed".
    expect(text).toMatch(/\[not reported, elections\]/);
    expect(text).not.toMatch(/\[removed, elections\]/);
    const html = renderHtml({ diffs: [{ diff: diffPlans(geneva, later), from: geneva, to: later }] });
    expect(html).toMatch(/<span class="kind" aria-label="not reported">- not reported<\/span> <code>elections<\/code>/);
    expect(renderDiffMarkdown(diffPlans(geneva, later))).toMatch(/\| `-` not reported \| Elections in Ukraine within 100 days \| carried from us-28-point, not seen: not reported on the other side<br>/);
  });
});

describe('term changes on a clause one side only carries over unseen', () => {
  it('are not ranked, and the summary and every renderer say so', async () => {
    const { loadPlan } = await import('peaceplan/node');
    const geneva = (await loadPlan('plans/russia-ukraine-2025/geneva-19-point.yaml')).plan as Plan;
    const later: Plan = {
      ...geneva,
      version: 'later',
      parent: 'geneva-19-point',
      clauses: geneva.clauses.map((c) => {
        if (c.id !== 'elections') return c;
        const { presence: _p, carriedFrom: _c, ...stated } = c;
        return { ...stated, terms: { ...(c.terms as object), deadline: 'asap' } } as Plan['clauses'][number];
      }),
    };
    const diff = diffPlans(geneva, later);
    expect(diff.summary.carriedUnranked).toEqual(['elections']);
    expect(diff.summary.highlights.map((h) => h.clause)).not.toContain('elections');
    const line = 'Not ranked: 1 clause whose terms differ, but one side only carries it over unseen from another version (elections)';
    expect(renderDiffText(diff)).toContain(`(${line})`);
    expect(renderDiffMarkdown(diff)).toContain('Not ranked: 1 clause');
    // A diff with nothing of the kind has no such field.
    expect(diffPlans(geneva, geneva).summary.carriedUnranked).toBeUndefined();
  });
});

describe('what the writer of a carried clause changed in the words it repeats', () => {
  const load = async (name: string) => {
    const { loadPlan } = await import('peaceplan/node');
    return (await loadPlan(`plans/russia-ukraine-2025/${name}.yaml`)).plan as Plan;
  };

  it('ranks a term that differs from the version the clause is carried from, and leaves the repeated ones unranked', async () => {
    const [us, e3, geneva] = await Promise.all([load('us-28-point'), load('e3-counter-proposal'), load('geneva-19-point')]);
    // Without the source version nothing on the carried side can be told apart from what it repeats.
    const blind = diffPlans(e3, geneva);
    expect(blind.summary.highlights.map((h) => h.clause)).not.toContain('eu-membership');
    expect(blind.summary.carriedUnranked).toContain('eu-membership');
    const diff = diffPlans(e3, geneva, { versions: [us, e3, geneva] });
    const eu = diff.clauses.find((c) => c.to?.id === 'eu-membership');
    expect(eu?.terms.map((t) => [t.term, t.stated ?? false])).toEqual([['separateTalks', true]]);
    const top = diff.summary.highlights.find((h) => h.clause === 'eu-membership');
    expect(top?.says).toBe('Unnumbered clause (EU membership, with Ukraine\'s EU integration negotiated separately): separate talks set to yes (the rest carried over unseen from us-28-point)');
    expect(diff.summary.carriedUnranked).not.toContain('eu-membership');
    expect(eu?.says).toMatch(/^Unnumbered clause \(EU membership[^)]*\): separate talks set to yes; carried over unseen in the new version \(from us-28-point\), so what else differs is not a reported change: /);
    // Its status is its own statement too: told first, outside the hedge on what it repeats.
    expect(diff.clauses.find((c) => c.to?.id === 'nato-troops')?.says).toMatch(/^Unnumbered clause \(No NATO troops in Ukraine\): status proposed → bracketed; carried over unseen in the new version \(from us-28-point\), so what else differs is not a reported change: foreign troops/);
    // In the clause list too: its own statement on a line, the rest under the hedge, never as a change of its own.
    const block = renderDiffText(diff).split('\n~ ').find((b) => b.includes('[modified, nato-troops]')) ?? '';
    // Ranked by its status, so not among the clauses "not ranked".
    expect(diff.summary.carriedUnranked).not.toContain('nato-troops');
    expect(block.split('\n').slice(1, 3)).toEqual(['    status proposed → bracketed', expect.stringMatching(/^ {4}carried over unseen in the new version \(from us-28-point\), so what else differs is not a reported change: foreign troops/)]);
    // A carried clause whose terms all repeat its source states nothing: the E3 wording it differs from is not news.
    const pact = diff.clauses.find((c) => c.to?.id === 'non-aggression-pact');
    expect(pact?.carried).toBe(true);
    expect(pact?.terms.length).toBeGreaterThan(0);
    expect(pact?.terms.some((t) => t.stated)).toBe(false);
    expect(diff.summary.carriedUnranked).toContain('non-aggression-pact');
  });

  it('finds the source clause by content when the carried clause was renamed, and on the old side too', async () => {
    const [us, geneva] = await Promise.all([load('us-28-point'), load('geneva-19-point')]);
    const renamed: Plan = { ...geneva, clauses: geneva.clauses.map((c) => (c.id === 'eu-membership' ? { ...c, id: 'eu-path' } : c)) };
    const later: Plan = {
      ...geneva,
      version: 'later',
      parent: 'geneva-19-point',
      clauses: geneva.clauses.map((c) => (c.id === 'eu-membership' ? (({ presence: _p, carriedFrom: _c, ...rest }) => ({ ...rest, terms: { ...(c.terms as object), separateTalks: false } }))(c) as Plan['clauses'][number] : c)),
    };
    const diff = diffPlans(renamed, later, { versions: [us] });
    const eu = diff.clauses.find((c) => c.from?.id === 'eu-path');
    expect(eu?.carried).toBe(true);
    expect(eu?.terms.find((t) => t.term === 'separateTalks')?.stated).toBe(true);
    expect(diff.summary.highlights.map((h) => h.clause)).toContain('eu-membership');
  });

  it('finds the source of a clause both versions carry, and a reversed diff keeps what was stated', async () => {
    const [us, e3, geneva] = await Promise.all([load('us-28-point'), load('e3-counter-proposal'), load('geneva-19-point')]);
    // Both sides carry the arms-control point from the US draft; each writer changed the treaties differently.
    const edit = (p: Plan, treaties: string[]): Plan => ({ ...p, clauses: p.clauses.map((c) => (c.id === 'arms-control-treaties' ? ({ ...c, terms: { ...(c.terms as object), treaties } } as Plan['clauses'][number]) : c)) });
    const diff = diffPlans(edit(e3, ['start', 'inf']), edit(geneva, ['start', 'open-skies']), { versions: [us] });
    const arms = diff.clauses.find((c) => c.to?.id === 'arms-control-treaties');
    expect(arms?.terms.map((t) => [t.term, t.stated ?? false])).toEqual([['treaties', true]]);
    expect(diff.summary.highlights.map((h) => h.clause)).toContain('arms-control-treaties');
    const back = reverseDiff(diff);
    expect(back.clauses.find((c) => c.from?.id === 'arms-control-treaties')?.terms[0]?.stated).toBe(true);
    expect(back.summary.highlights.map((h) => h.clause)).toContain('arms-control-treaties');
  });

  it('the CLI reads the source version from the folder, and does without it when it is not there', async () => {
    const ranked = await runCli('diff', 'plans/russia-ukraine-2025/e3-counter-proposal.yaml', 'plans/russia-ukraine-2025/geneva-19-point.yaml');
    expect(ranked.stdout).toContain('separate talks set to yes (the rest carried over unseen from us-28-point)');
    const dir = mkdtempSync(join(tmpdir(), 'pp-carried-'));
    for (const f of ['e3-counter-proposal', 'geneva-19-point', 'stakeholders']) copyFileSync(`plans/russia-ukraine-2025/${f}.yaml`, join(dir, `${f}.yaml`));
    const alone = await runCli('diff', join(dir, 'e3-counter-proposal.yaml'), join(dir, 'geneva-19-point.yaml'));
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe('');
    expect(alone.stdout).not.toContain('separate talks set to yes (');
    expect(alone.stdout).toMatch(/Not ranked: \d+ clauses[^\n]*eu-membership|Not ranked: \d+ clauses[^\n]*and \d+ more/);
    // A source version under another file name is found by reading the folder.
    copyFileSync('plans/russia-ukraine-2025/us-28-point.yaml', join(dir, 'the-us-draft.yaml'));
    const renamed = await runCli('diff', join(dir, 'e3-counter-proposal.yaml'), join(dir, 'geneva-19-point.yaml'));
    expect(renamed.stdout).toContain('separate talks set to yes (the rest carried over unseen from us-28-point)');
  });
});
