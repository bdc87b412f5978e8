// `daftar import-files <folder>`: running paper files, scanned, loaded as electronic files.
import type { Config } from '../config.ts';

export interface ImportFilesOptions {
  /** The index CSV (default: index.csv in the folder). */
  index?: string;
  dryRun?: boolean;
}

export async function runImportFiles(_config: Config, _folder: string, _options: ImportFilesOptions, out: NodeJS.WritableStream): Promise<number> {
  out.write('import-files is not built yet\n');
  return 1;
}
