// `daftar training report`: who has completed the training walkthrough, by section.
import type { Config } from '../config.ts';

export async function runTrainingReport(_config: Config, _options: { csv?: boolean }, out: NodeJS.WritableStream): Promise<number> {
  out.write('training report is not built yet\n');
  return 1;
}
