import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // graphql must load once, or it reports "another module or realm".
      { find: 'graphql', replacement: require.resolve('graphql/index.js') },
      // tests run against the sources (the entry and the testing kit, matched exactly); CI also
      // builds dist and checks the exports map separately
      { find: /^@revprov\/merge-core$/, replacement: new URL('./packages/merge-core/src/index.ts', import.meta.url).pathname },
      { find: /^@revprov\/merge-core\/testing$/, replacement: new URL('./packages/merge-core/src/testing/index.ts', import.meta.url).pathname },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['./vitest.globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
