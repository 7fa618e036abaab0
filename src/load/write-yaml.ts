/**
 * Writes data as YAML the way the format is read back: YAML 1.2 core schema,
 * so a string that looks like `true`, `123`, `null` or a date is quoted and
 * stays a string; block style; long texts folded; no aliases.
 */
import { stringify } from 'yaml';

/**
 * YAML text for a plan (or any file of the formats), with an editor modeline
 * for its schema when `schemaPath` is given.
 *
 * @example
 * toYaml({ peaceplan: 1, plan: 'p', version: 'v1' }); // 'peaceplan: 1\nplan: p\nversion: v1\n'
 */
export function toYaml(data: unknown, schemaPath?: string): string {
  const body = stringify(data, { version: '1.2', schema: 'core', aliasDuplicateObjects: false, lineWidth: 100, minContentWidth: 40, blockQuote: 'folded' });
  return schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n${body}` : body;
}
