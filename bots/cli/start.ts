// `daftar start` (npm start): migrate, seed the demo office into an empty database, run the
// outbox dispatcher, and — on an interactive terminal — open a chat as a demo employee.
import readline from 'node:readline/promises';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import { consoleLogger } from '../log.ts';
import { openDaftar } from '../main.ts';
import { consoleLinkTerminal } from './admin.ts';
import { runTerminalChat, terminalSender } from './terminal-chat.ts';

export async function runStart(config: Config): Promise<number> {
  const started = performance.now();
  const log = consoleLogger(config.logLevel);
  let chatId: string | null = null;
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const daftar = await openDaftar(config, { log, senders: [terminalSender(() => chatId, print)] });
  const { staff, sections, officers } = await daftar.store.transaction(async (tx) => {
    const all = await tx.employees.list({ activeOnly: true });
    return {
      staff: all.length,
      sections: (await tx.sections.list()).length,
      officers: all.filter((e) => e.reportingOfficerId === null || ['COLLECTOR', 'DDC', 'ADM', 'DIO'].includes(e.postKey ?? '')).slice(0, 6),
    };
  });
  daftar.dispatcher.start();
  print(`Daftar is ready (${Math.round(performance.now() - started)} ms): ${config.dbFile}, ${staff} staff in ${sections} sections.`);
  print('Channels: terminal chat. (Telegram, WhatsApp and Teams/Web Chat are switched on by their settings in .env — see README.)');

  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  if (process.stdin.isTTY) {
    print('\nDemo officers: ' + officers.map((e) => `${e.code} ${e.name} (${e.post})`).join('; '));
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const code = (await rl.question('Chat as which employee code? (Enter to chat unlinked and try `link <code>`) ')).trim();
    rl.close();
    chatId = code === '' ? 'console:unlinked' : `console:${code.toUpperCase()}`;
    if (code !== '') {
      const linked = await consoleLinkTerminal(daftar, chatId, code);
      if (!linked.ok) print(linked.message);
      else print(`Chatting as ${linked.name} (${linked.post}).`);
    }
    daftar.dispatcher.kick();
    await Promise.race([
      runTerminalChat({ assistant: daftar.assistant, chatId, senderName: 'console', input: process.stdin, output: process.stdout }),
      stop,
    ]);
  } else {
    print('No terminal attached: running until stopped (Ctrl-C / SIGTERM).');
    await stop;
  }
  await daftar.close();
  return 0;
}
