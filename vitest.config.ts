import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The language model is trained once and cached here for the whole run.
    env: { DAFTAR_TEST_CACHE: 'data/test-cache' },
    globalSetup: [
      // First: the outside programs the tests use (poppler, qpdf, certutil, Chromium, tesseract with
      // Hindi and English, PostgreSQL) are installed, or installed now as root with apt, or the run
      // stops at once naming the command to run.
      'test/helpers/tools-global-setup.ts',
      // One PostgreSQL server for the whole run (the machine's, or a throwaway cluster it starts):
      // every storage contract also runs on PostgreSQL, each test in a database of its own.
      'test/helpers/postgres-global-setup.ts',
    ],
  },
});
