/**
 * A diff as a Word document with tracked changes: the only module that imports
 * `docx`, and only when a document is asked for (the package is loaded on the
 * first call, so other formats never pay for it).
 */
import type { ICommentOptions, IRunOptions, Paragraph, ParagraphChild } from 'docx';
import type { PlanDiff } from '../../diff/types.js';
import type { Plan } from '../../model/types.js';
import type { DiffImpact } from '../../positions/types.js';
import { buildRedline } from '../redline.js';
import type { RedlineParagraph, RedlineRun } from '../redline.js';

/** What {@link renderDiffDocx} lays out: a diff and the two versions it compares. */
export interface DocxDiff {
  diff: PlanDiff;
  from: Plan;
  to: Plan;
  /** How the change moves each stakeholder (`diffImpact`), shown on the cover. */
  impact?: DiffImpact;
}

/** Options of {@link renderDiffDocx}. */
export interface DocxRenderOptions {
  /** The author of the tracked changes and comments. Default `peaceplan`. */
  author?: string;
}

/** Paragraph style ids in the document, for tools that read it back. */
export const DOCX_STYLES = { heading: 'ClauseHeading', text: 'ClauseText' } as const;

/**
 * A redline of a diff as a `.docx` file: a cover with the counts and the
 * ranked changes, then every clause of the new version (removed clauses where
 * they stood) with its wording changes as real tracked insertions and
 * deletions, and its term changes, operative flags and status as a comment.
 * Accept all changes in Word or LibreOffice and the clauses read as the new
 * version; reject all and they read as the old one (a moved clause stays at
 * its new place; its comment says it moved). Changes are dated with the new
 * version's date, so the content is the same on every run.
 *
 * Runs in Node and in browsers; resolves to the file's bytes.
 *
 * @example
 * const bytes = await renderDiffDocx({ diff: diffPlans(us, e3), from: us, to: e3 });
 * await writeFile('redline.docx', bytes);
 */
export async function renderDiffDocx(input: DocxDiff, options: DocxRenderOptions = {}): Promise<Uint8Array> {
  const docx = await import('docx');
  const { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } = docx;
  const author = options.author ?? 'peaceplan';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.to.date) ? input.to.date : '1970-01-01';
  const date = `${day}T00:00:00Z`;
  const redline = buildRedline(input.diff, input.from, input.to, input.impact ? { impact: input.impact } : {});
  let revision = 0;
  const tracked = () => ({ id: ++revision, author, date });

  const runs = (r: RedlineRun): ParagraphChild[] =>
    xmlText(r.text).split('\n').map((line, i) => {
      const base: IRunOptions = { text: line, ...(i > 0 ? { break: 1 } : {}) };
      return r.op === 'insert' ? new InsertedTextRun({ ...base, ...tracked() }) : r.op === 'delete' ? new DeletedTextRun({ ...base, ...tracked() }) : new TextRun(base);
    });
  const paragraph = (p: RedlineParagraph, before: ParagraphChild[] = [], after: ParagraphChild[] = []) =>
    new Paragraph({
      style: p.role === 'heading' ? DOCX_STYLES.heading : DOCX_STYLES.text,
      ...(p.op === 'insert' ? { run: { insertion: tracked() } } : p.op === 'delete' ? { run: { deletion: tracked() } } : {}),
      children: [...before, ...p.runs.flatMap(runs), ...after],
    });

  const comments: ICommentOptions[] = [];
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlText(redline.title))] }),
    new Paragraph({ children: [new TextRun({ text: redline.versions, bold: true })] }),
    new Paragraph({ children: [new TextRun(redline.counts)] }),
  ];
  for (const section of redline.cover) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const line of section.lines) body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlText(line))] }));
  }
  body.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(`Clauses of ${input.to.version}, changes from ${input.from.version} tracked`)] }),
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `Accept all changes for the text of ${input.to.version}; reject all for ${input.from.version}. Comments give term changes, operative language and status.`, italics: true })] }),
  );
  for (const clause of redline.clauses) {
    const [heading, text] = clause.paragraphs;
    if (!clause.comment.length) {
      body.push(paragraph(heading), paragraph(text));
      continue;
    }
    const id = comments.length;
    comments.push({ id, author, initials: author.slice(0, 2).toUpperCase(), date: new Date(date), children: clause.comment.map((line) => new Paragraph({ children: [new TextRun(xmlText(line))] })) });
    body.push(paragraph(heading, [new CommentRangeStart(id)], [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]), paragraph(text));
  }

  const document = new Document({
    creator: author,
    title: xmlText(`${redline.title}: ${redline.versions}`),
    description: redline.counts,
    features: { trackRevisions: true },
    comments: { children: comments },
    styles: {
      paragraphStyles: [
        { id: DOCX_STYLES.heading, name: 'Clause heading', basedOn: 'Normal', next: DOCX_STYLES.text, quickFormat: true, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 240, after: 60 } } },
        { id: DOCX_STYLES.text, name: 'Clause text', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 120 } } },
      ],
    },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/**
 * Text that XML 1.0 can carry: line breaks as `\n`, and characters it forbids (C0 controls
 * but tab and line breaks, U+FFFE/U+FFFF, lone surrogates) as U+FFFD, which a YAML
 * double-quoted escape can put in a clause but Word would refuse to open.
 */
export function xmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
