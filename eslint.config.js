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
          { group: ['**/adapters/**', '**/bots/**'], message: 'core/ must not depend on adapters/ or bots/' },
          { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process', '@prisma/*', 'telegraf', 'botbuilder', 'whatsapp-web.js', 'nodemailer', 'pdfkit', 'better-sqlite3'], message: 'core/ does no I/O: declare a port in core/ports.ts' },
        ],
      }],
    },
  },
  {
    // Adapters translate to and from bots/' Inbound and Reply; only the composition root
    // (bots/main.ts) and the command line build adapters.
    files: ['bots/**/*.ts'],
    ignores: ['bots/main.ts', 'bots/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**'], message: 'only bots/main.ts and bots/cli wire adapters' }] }],
    },
  },
);
