import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from 'peaceplan';
import { expectedOutput, readmeExamples, text } from './helpers.js';

const readme = text('README.md');
const examples = readmeExamples();
const artifacts = fileURLToPath(new URL('.artifacts/', import.meta.url));


describe('the README', () => {
  it('has library examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((code, i) => [i + 1, code] as const))('example %i runs and prints what it says', async (i, code) => {
    mkdirSync(artifacts, { recursive: true });
    const file = `${artifacts}readme-${i}.ts`;
    writeFileSync(file, code);
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
    } finally {
      spy.mockRestore();
    }
    expect(printed).toEqual(expectedOutput(code));
  });

  it('documents every error code', () => {
    for (const code of ERROR_CODES) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('documents every field of the formats', () => {
    const plan = JSON.parse(text('schemas/plan.schema.json')) as { properties: object; $defs: Record<string, { properties?: object }> };
    const stakeholders = JSON.parse(text('schemas/stakeholders.schema.json')) as { $defs: Record<string, { properties?: object }> };
    const positions = JSON.parse(text('schemas/positions.schema.json')) as { properties: object; $defs: Record<string, { properties?: object }> };
    const fields = new Set([
      ...Object.keys(positions.properties),
      ...Object.values(positions.$defs).flatMap((d) => Object.keys(d.properties ?? {})),
      ...Object.keys(plan.properties),
      ...Object.values(plan.$defs).flatMap((d) => Object.keys(d.properties ?? {})),
      ...Object.values(stakeholders.$defs).flatMap((d) => Object.keys(d.properties ?? {})),
    ]);
    for (const field of fields) expect(readme, field).toContain(`\`${field}\``);
  });
});
