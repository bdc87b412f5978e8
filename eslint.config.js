// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'adapters/storage/generated/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
      // Dependencies point inward: the core imports no adapter, bot or I/O library.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/bots/**', '**/app/**'], message: 'core/ must not depend on app/, adapters/ or bots/' },
          { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process', '@prisma/*', 'telegraf', 'botbuilder', 'whatsapp-web.js', 'nodemailer', 'pdfkit', 'better-sqlite3'], message: 'core/ does no I/O: declare a port in core/ports.ts' },
        ],
      }],
    },
  },
  {
    // The layers, outermost first: app → adapters → bots → core. Only app/ (the composition root,
    // configuration, demo seed and command line) builds adapters; bots/ speaks to them through the
    // ChannelAdapter / Store / port interfaces. test/lint/import-cycles.ts checks the same rule and
    // that there is no import circle.
    files: ['bots/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**', '**/app/**'], message: 'bots/ must not depend on adapters/ or app/: app/ wires adapters' }] }],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**'], message: 'adapters/ must not depend on app/' }] }],
    },
  },
);
