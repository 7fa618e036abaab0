/**
 * peaceplan/node: the file-system half of peaceplan. Everything in the core
 * (`peaceplan`) is re-exported, so Node users need one import.
 */
export * from '../index.js';
export { loadPlan, loadStakeholders, loadPairs, loadPositions, loadPlanFamily, loadTerms, termsBeside, STAKEHOLDERS_FILE, POSITIONS_FILE, TERMS_FILE } from './load-plan.js';
export type { LoadOptions, FamilyResult } from './load-plan.js';
export { carriedVersionsBeside } from './carried-versions.js';
export { writeFileAtomic } from './write-file.js';
export { shippedFamily, SHIPPED_FAMILIES } from './shipped.js';
export type { ShippedFamily } from './shipped.js';
export type { WriteOptions, WriteFs } from './write-file.js';
