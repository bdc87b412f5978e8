import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (prisma/, the demo roll and the fonts are found from here). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
