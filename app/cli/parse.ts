import readline from 'node:readline';
import { istDate } from '../../core/time.ts';
import type { Config } from '../../bots/config.ts';
import { loadLanguage, type LanguageModel } from '../../bots/language/index.ts';

function line(model: LanguageModel, text: string, today: string): string {
  const p = model.parse(text, { today });
  return JSON.stringify({ intent: p.intent, entities: p.entities, language: p.language, confidence: Number(p.confidence.toFixed(3)) });
}

/** `daftar parse "<text>"` prints one JSON object; `daftar parse -` one per input line. */
export async function runParse(config: Config, text: string, input: NodeJS.ReadableStream, out: NodeJS.WritableStream): Promise<number> {
  const model = await loadLanguage({ cacheDir: config.dataDir });
  const today = istDate(new Date());
  if (text !== '-') {
    out.write(`${line(model, text, today)}\n`);
    return 0;
  }
  const rl = readline.createInterface({ input, terminal: false });
  for await (const utterance of rl) {
    if (utterance.trim() !== '') out.write(`${line(model, utterance, today)}\n`);
  }
  return 0;
}
