/** A text's byte-order mark and line endings, which an edit must give back as it found them. */
export function preamble(text: string): { bom: string; body: string; eol: '\r\n' | '\n' } {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  return { bom, body, eol: body.includes('\r\n') ? '\r\n' : '\n' };
}
