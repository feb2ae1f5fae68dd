import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (test/firefox), run by `npm run test:e2e:firefox`: one Firefox at
// a time (2-core CI), long timeouts for browser start-up. The unit suite (vitest.config.ts) does
// not include these files.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    retry: process.env.CI ? 1 : 0,
    reporters: ['verbose'],
  },
});
