import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: browser-safe core and the Node entry, each as ESM and CJS
    // with its own declaration files (.d.ts for import, .d.cts for require).
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', vitest: 'src/vitest/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    external: ['node:fs', 'node:fs/promises', 'node:path', 'node:process', 'node:url', 'vitest'],
    // import.meta.url in the CommonJS build (shippedFamily finds the package's plans/ through it).
    shims: true,
  },
  {
    // The command line: one CommonJS file, dependencies bundled in. Loading
    // `yaml`, `ajv`'s runtime and `diff` file by file from node_modules took
    // longer than the rest of a `peaceplan diff`, and one file starts faster
    // than ESM chunks. Commands still run their module code only when called.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['cjs'],
    noExternal: ['yaml', 'ajv', 'diff'],
    dts: false,
    clean: false,
    splitting: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // import.meta.url in CommonJS (a schema pointer's hint names the schemas beside the running package).
    shims: true,
    // Less text for Node to parse at start; names stay, so stack traces still read.
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
  },
]);
