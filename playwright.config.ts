import { defineConfig } from '@playwright/test';

// One worker: each test runs its own Chromium with the extension, and CI has 2 cores.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  // Traces snapshot the whole DOM on every action, which stalls 100k-node pages for seconds and
  // would distort the timings the hostile-page stories log: opt in with PW_TRACE=1.
  use: { trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off' },
  outputDir: 'test-results',
});
