/**
 * Hostile inputs under the size limit, by name: each is what a reader must
 * answer in bounded time and memory. `size` scales them (8 MiB for the
 * budget; less for quick test runs). Used by `npm run bench:hostile` and by
 * the fuzz battery.
 */
import { makePlan } from './generate.mjs';

const HEAD = 'peaceplan: 2\nplan: p\nversion: v\ntitle: T\ndate: 2025-11-20\nsources: {s1: {title: S}}\n';

/** Repeats `unit` between `head` and `tail` to about `size` bytes (ASCII units). */
function fill(size, head, unit, tail = '') {
  const n = Math.max(1, Math.floor((size - head.length - tail.length) / unit.length));
  return head + unit.repeat(n) + tail;
}

/** The cases: name, what it is, and a maker of its text for a size in bytes (given peaceplan's `toYaml`). */
export const HOSTILE_CASES = [
  // The table of the issue that set the budget.
  { name: 'flow-scalars', what: '`x: [a,a,…]`', make: (size) => fill(size, 'x: [', 'a,', 'a]\n') },
  { name: 'flow-empties', what: '`x: [[],[],…]`', make: (size) => fill(size, 'x: [', '[],', '[]]\n') },
  { name: 'dashes', what: '`-\\n` repeated', make: (size) => fill(size, '', '-\n') },
  { name: 'seq-maps', what: '`x:\\n- {}` repeated', make: (size) => fill(size, 'x:\n', '- {}\n') },
  { name: 'flow-clauses', what: 'a plan with `{}` clauses in one flow list', make: (size) => fill(Math.round(size * 0.36), `${HEAD}clauses: [`, '{},', '{}]\n') },
  { name: 'keys', what: 'top-level keys `k1: v`', make: (size) => keys(size) },
  // Beyond the table.
  { name: 'block-clauses', what: 'a plan with `- {}` clauses in block style, just under maxNodes', make: (size) => fill(Math.min(size, 480_000 * 7), `${HEAD}clauses:\n`, '  - {}\n') },
  { name: 'anchored-flow', what: 'an anchor, then a flow list over many lines, under maxFullReaderNodes', make: (size) => fill(Math.min(size, 49_000 * 5), 'a: &x 1\nb: *x\nc: [\n', '  a,\n', '  a]\n') },
  { name: 'anchored-keys', what: 'an anchor, then keys, under maxFullReaderNodes', make: (size) => `a: &x 1\nb: *x\n${keys(Math.min(size, 49_000 * 9))}` },
  { name: 'bracket-comments', what: 'an anchor, then comment lines full of brackets', make: (size) => fill(size, 'a: &x 1\nb: *x\n', `# ${'['.repeat(60)}\n`) },
  { name: 'bracket-block-scalar', what: 'a literal block scalar of brackets', make: (size) => fill(size, 'a: |\n', `  ${'['.repeat(300)}\n`) },
  { name: 'long-plain', what: 'one plain scalar on one line', make: (size) => fill(size, 'title: ', 'x') },
  { name: 'long-quoted', what: 'one double-quoted scalar full of escapes', make: (size) => fill(size, 'title: "', '\\u00e9\\n', '"\n') },
  { name: 'deep-flow', what: 'brackets nested as deep as the file allows', make: (size) => fill(size, 'x: ', '[') },
  { name: 'long-line-error', what: 'an error at the end of one long line', make: (size) => fill(Math.min(size, 49_000 * 2), 'a: [', 'x,', '*nope]\n') },
  { name: 'anchored-quoted', what: 'an anchor, then one double-quoted scalar', make: (size) => fill(size, 'a: &x 1\nb: *x\nc: "', 'x', '"\n') },
  { name: 'unclosed-quote', what: 'a quote that never closes', make: (size) => fill(size, 'title: "', 'x') },
  { name: 'blank-lines', what: 'nothing but line breaks', make: (size) => '\n'.repeat(size) },
  { name: 'anchored-blank-lines', what: 'an anchor, then line breaks', make: (size) => fill(size, 'a: &x 1\nb: *x\n', '\n') },
  { name: 'anchored-comment-lines', what: 'an anchor, then short comment lines', make: (size) => fill(size, 'a: &x 1\nb: *x\n', '#\n') },
  { name: 'anchored-block-lines', what: 'an anchor, then a literal block scalar of short lines', make: (size) => fill(size, 'a: &x 1\nb: *x\nc: |\n', '  x\n') },
  { name: 'duplicate-ids', what: 'a plan whose clauses all have one id', make: (size) => fill(size, `${HEAD}clauses:\n`, '  - {id: a, title: A, topic: other, text: t, status: proposed, certainty: reported, sources: [s1]}\n') },
  { name: 'unused-sources', what: 'a plan with a flood of sources nobody cites', make: (size) => lines(size, `${HEAD.replace('sources: {s1: {title: S}}\n', '')}clauses: []\nsources:\n`, (i) => `  s${i}: {title: S}\n`) },
  { name: 'generated-plan', what: 'a valid generated plan near the size limit, in block style', make: (size, toYaml) => toYaml(makePlan(Math.floor(size / 560))) },
  { name: 'json-plan', what: 'the same plan written as JSON (which is YAML too)', make: (size) => JSON.stringify(makePlan(Math.floor(size / 600)), null, 1) },
];

/** `head`, then numbered lines made by `line` up to about `size` bytes. */
function lines(size, head, line) {
  const out = [head];
  let bytes = head.length;
  for (let i = 0; bytes < size - 40; i++) {
    const l = line(i);
    out.push(l);
    bytes += l.length;
  }
  return out.join('');
}

function keys(size) {
  return lines(size, '', (i) => `k${i}: v\n`);
}

