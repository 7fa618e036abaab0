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
    external: ['node:fs', 'node:fs/promises', 'node:path', 'node:process', 'vitest'],
  },
  {
    // The command line: an ESM file behind the bin shim, with its dependencies
    // bundled in: loading `yaml`, `ajv`'s runtime and `diff` file by file from
    // node_modules took longer than the rest of a `peaceplan diff`.
    entry: { cli: 'src/cli/bin.ts' },
    noExternal: ['yaml', 'ajv', 'diff'],
    // Less text for Node to parse at start; names stay, so stack traces still read.
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    format: ['esm'],
    dts: false,
    clean: false,
    splitting: true, // commands become chunks loaded on demand
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // `yaml` is CommonJS and requires Node's built-ins; bundled into ESM, it needs a `require`.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
]);
