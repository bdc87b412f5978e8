#!/usr/bin/env node
// The `daftar` command. TypeScript runs through tsx's loader: no build step on the office server.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
