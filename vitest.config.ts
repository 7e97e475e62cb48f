import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql must load once, or it reports "another module or realm".
    alias: {
      graphql: require.resolve('graphql/index.js'),
      // tests run against the sources; CI also builds dist and checks the exports map separately
      '@revprov/merge-core': new URL('./packages/merge-core/src/index.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['./vitest.globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
