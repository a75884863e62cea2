import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // Hostile-input tests run with their kind: tests/hostile/*.unit.test.* here, *.browser.test.ts below.
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/hostile/**/*.unit.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Pages saved whole link their stylesheets and scripts: unit tests never fetch them, and say nothing of it.
          environmentOptions: { happyDOM: { settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/hostile/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
