import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,entrypoints,scripts,test/unit}/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup-unit.ts'],
    testTimeout: 30_000,
    // Every spy and stub is undone after its test, so no test leans on another's mocks.
    restoreMocks: true,
  },
});
