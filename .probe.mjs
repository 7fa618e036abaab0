import { loadPlanFamily, diffPlans } from './dist/node.js';
const f = await loadPlanFamily('plans/russia-ukraine-2025');
const [us, e3, ge] = f.versions;
for (const b of [e3, ge]) {
  const t = performance.now();
  const d = diffPlans(us, b);
  console.log('==', b.version, (performance.now() - t).toFixed(1), 'ms', JSON.stringify(d.summary.counts), 'renum', d.summary.renumbered, 'moved', d.summary.moved);
  for (const h of d.summary.highlights) console.log(' ', h.weight, h.says);
}
const d = diffPlans(us, e3);
for (const c of d.clauses.filter(c => c.text?.flags.length)) console.log('FLAGS', c.to?.id, JSON.stringify(c.text.flags));
