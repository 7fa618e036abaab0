import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// With PEACEPLAN_TEST_DIST=1 the suite runs against the built package in dist/
// (as users get it) instead of the sources.
const dist = process.env.PEACEPLAN_TEST_DIST === '1';

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^peaceplan$/, replacement: `${root}/${dist ? 'dist/index.js' : 'src/index.ts'}` },
      { find: /^peaceplan\/node$/, replacement: `${root}/${dist ? 'dist/node.js' : 'src/node/index.ts'}` },
      { find: /^peaceplan\/vitest$/, replacement: `${root}/${dist ? 'dist/vitest.js' : 'src/vitest/index.ts'}` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['test/setup/build.ts'],
  },
});
