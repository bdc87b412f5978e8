#!/usr/bin/env node
// The `daftar` command. TypeScript runs through tsx's loader: no build step on the office server.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings may also sit in a .env file beside the data (variables already set win).
if (existsSync('.env')) process.loadEnvFile('.env');
register();
await import('./main.ts');
