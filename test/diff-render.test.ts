import { describe, expect, it } from 'vitest';
import { diffPlans, parsePlan, renderDiffMarkdown, renderDiffText } from 'peaceplan';
import type { Plan } from 'peaceplan';
import { bytes } from './helpers.js';

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
    expect(md).not.toContain('**Renumbered only**');
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
