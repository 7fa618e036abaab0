/**
 * peaceplan: read, check and compare peace-plan drafts written as YAML
 * clauses with typed terms. This entry is browser-safe (no Node built-ins);
 * file-system helpers live in `peaceplan/node`.
 */
export { parsePlan, parseStakeholders, parsePairs, parsePositions, parseTerms } from './parse-plan.js';
export type { ParseResult, PlanResult, StakeholdersResult, PairsResult, PositionsResult, TermsResult } from './parse-plan.js';
export { familySchema } from './schema/family-schema.js';
export { checkFamily } from './validate/check-family.js';
export { checkPairs } from './validate/check-pairs.js';
export { checkPositions } from './validate/check-positions.js';
export type { FamilyCheck } from './validate/check-family.js';
export { PlanError, ERROR_CODES, isPlanError, toPointer } from './errors.js';
export type { ErrorCode, Severity, PathSegment, PlanErrorData } from './errors.js';
export { SourceMap } from './load/source-map.js';
export type { Span, Location } from './load/source-map.js';
export { DEFAULT_LIMITS } from './options.js';
export type { ParseOptions, ReadLimits } from './options.js';
export { TOPICS, isTopic } from './model/topics.js';
export type * from './model/types.js';
export { summarizePlan } from './summary/summarize-plan.js';
export type { PlanSummary } from './summary/summarize-plan.js';
export { formatError, formatSummary, MESSAGE_WIDTH } from './render/text.js';
export { codeFrame, FRAME_WIDTH } from './render/code-frame.js';
export type { FrameSpan } from './render/code-frame.js';
export { SCHEMAS } from './schema/ajv.js';
export type { SchemaName } from './schema/ajv.js';
export { diffPlans } from './diff/diff-plans.js';
export { IGNORE_CLASSES } from './diff/diff-plans.js';
export type { DiffOptions } from './diff/diff-plans.js';
export type {
  PlanDiff,
  ClauseChange,
  ClauseRef,
  ChangeKind,
  FieldChange,
  TermChange,
  Relabel,
  TextChange,
  TextHunk,
  OperativeFlag,
  DiffSummary,
  DiffSide,
  Highlight,
  RenumberRun,
  PossiblePairRef,
  IgnoreClass,
} from './diff/types.js';
export { matchClauses } from './match/match-clauses.js';
export { MATCH } from './match/match-clauses.js';
export type { Matching, ClausePair, ClauseGroup, MatchMethod, PairRules, PossiblePair } from './match/match-clauses.js';
export type { MatchEvidence } from './match/evidence.js';
export { applyDiff } from './diff/apply-diff.js';
export type { ApplyResult, DiffConflict } from './diff/apply-diff.js';
export { reverseDiff } from './diff/reverse-diff.js';
export { renderDiffText } from './render/diff-text.js';
export type { TextRenderOptions } from './render/diff-text.js';
export { renderDiffMarkdown } from './render/diff-markdown.js';
export { renderDiffDocx, DOCX_STYLES } from './render/docx/diff-docx.js';
export type { DocxDiff, DocxRenderOptions } from './render/docx/diff-docx.js';
export { buildRedline } from './render/redline.js';
export type { Redline, RedlineClause, RedlineParagraph, RedlineRun, RedlineOp } from './render/redline.js';
export { planDiffMatchers } from './vitest/matchers.js';
export type { MatcherResult } from './vitest/matchers.js';
export { buildMatrix } from './positions/matrix.js';
export { compareAcceptability } from './positions/acceptability.js';
export { diffImpact } from './positions/impact.js';
export { rankByImpact } from './positions/rank-by-impact.js';
export type { ImpactOptions } from './positions/impact.js';
export { STANCE_VALUE } from './positions/evaluate.js';
export type {
  PositionMatrix,
  MatrixColumn,
  MatrixRow,
  MatrixOptions,
  Cell,
  Reason,
  Acceptability,
  AcceptabilityPart,
  Alignment,
  DecisionRule,
  AcceptabilityComparison,
  AcceptabilityTrack,
  DiffImpact,
  ClauseImpact,
  Move,
} from './positions/types.js';
export { renderMatrixText } from './render/matrix-text.js';
export { renderMatrixMarkdown } from './render/matrix-markdown.js';
export { renderMatrixCsv } from './render/matrix-csv.js';
export { renderImpactText, renderImpactMarkdown } from './render/impact-text.js';
export { renderHtml } from './render/html/page.js';
export type { HtmlContent, HtmlDiff } from './render/html/page.js';
export { buildReport } from './report/build-report.js';
export type { ReportOptions } from './report/build-report.js';
export { timeline } from './history/timeline.js';
export type { TimelineEntry } from './history/timeline.js';
export { clauseHistory } from './history/clause-history.js';
export type { ClauseHistory, HistoryStep, ClauseState } from './history/clause-history.js';
export { blame } from './history/blame.js';
export type { Blame, BlameLine } from './history/blame.js';
export type { VersionRef } from './history/lineage.js';
export { mergePlans } from './history/merge.js';
export type { MergeResult, MergeConflict, MergeOptions } from './history/merge.js';
export { toYaml } from './load/write-yaml.js';
export { applyDiffToYaml, formatPlanYaml, migratePlanYaml } from './edit/edit-file.js';
export type { MigrateResult, TextEditResult } from './edit/edit-file.js';
