/**
 * Reads back a .docx for tests: the zip's parts (stored or deflated entries,
 * found through the central directory), and the paragraphs of document.xml as
 * Word shows them with all tracked changes accepted or all rejected.
 */
import { inflateRawSync } from 'node:zlib';

/** The parts of a zip file by path, as text. */
export function unzip(bytes: Uint8Array): Map<string, string> {
  const data = Buffer.from(bytes);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const parts = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

/** A paragraph of document.xml: its style, whether its mark is tracked, and its text with all changes accepted and all rejected. */
export interface ReadParagraph {
  style: string | undefined;
  mark: 'equal' | 'insert' | 'delete';
  accepted: string;
  rejected: string;
  /** Ids of the comments whose range starts in it. */
  comments: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? `&${e};`)));
}

/**
 * The paragraphs of a document.xml. Inside `w:ins`, text counts only when
 * accepted; inside `w:del` (as `w:delText`), only when rejected; a paragraph
 * whose mark is inserted is gone when rejected, one whose mark is deleted is
 * gone when accepted (callers drop them with {@link shown}).
 */
export function paragraphs(xml: string): ReadParagraph[] {
  const out: ReadParagraph[] = [];
  const tokens = xml.match(/<[^>]*>|[^<]+/g) ?? [];
  let p: ReadParagraph | undefined;
  let inPPr = false;
  let inIns = 0;
  let inDel = 0;
  let textOpen: 't' | 'delText' | undefined;
  for (const token of tokens) {
    if (token[0] !== '<') {
      if (p && textOpen) {
        const value = unescapeXml(token);
        if (textOpen === 't' && inDel) throw new Error('w:t inside w:del');
        if (textOpen === 'delText' && !inDel) throw new Error('w:delText outside w:del');
        if (!inDel) p.accepted += value;
        if (!inIns) p.rejected += value;
      }
      continue;
    }
    const name = /^<\/?([\w:]+)/.exec(token)?.[1];
    const closing = token.startsWith('</');
    const selfClosing = token.endsWith('/>');
    if (name === 'w:p' && !closing) p = { style: undefined, mark: 'equal', accepted: '', rejected: '', comments: [] };
    else if (name === 'w:p' && closing && p) (out.push(p), (p = undefined));
    else if (name === 'w:pPr') inPPr = !closing && !selfClosing;
    else if (name === 'w:pStyle' && p && inPPr) p.style = /w:val="([^"]*)"/.exec(token)?.[1];
    else if ((name === 'w:ins' || name === 'w:del') && inPPr && p) p.mark = name === 'w:ins' ? 'insert' : 'delete';
    else if (name === 'w:ins' && !selfClosing) inIns += closing ? -1 : 1;
    else if (name === 'w:del' && !selfClosing) inDel += closing ? -1 : 1;
    else if ((name === 'w:t' || name === 'w:delText') && !selfClosing) textOpen = closing ? undefined : name === 'w:t' ? 't' : 'delText';
    else if (name === 'w:br' && p) {
      if (!inDel) p.accepted += '\n';
      if (!inIns) p.rejected += '\n';
    } else if (name === 'w:commentRangeStart' && p) p.comments.push(Number(/w:id="(\d+)"/.exec(token)?.[1]));
  }
  return out;
}

/** The paragraphs Word shows after accepting (or rejecting) every change, as their text. */
export function shown(ps: readonly ReadParagraph[], how: 'accepted' | 'rejected'): string[] {
  return ps.filter((p) => p.mark !== (how === 'accepted' ? 'delete' : 'insert')).map((p) => p[how]);
}
