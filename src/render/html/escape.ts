/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A fragment id from any text: lowercase letters, digits and hyphens only. */
export function anchor(...parts: string[]): string {
  return parts.join('--').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'section';
}
