// `daftar chat`: a chat in the server's terminal that goes through exactly the same assistant as
// Telegram, WhatsApp or Teams. Buttons show as numbered options; typing the number presses it.
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatAccount } from '../../core/types.ts';
import type { Assistant } from '../../bots/assistant.ts';
import type { ChannelSender } from '../../bots/outbox/dispatcher.ts';
import type { Button, InboundAttachment, Reply } from '../../bots/reply.ts';

export const TERMINAL_CHANNEL = 'terminal';

const MIME: Record<string, string> = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

export function formatReply(reply: Reply, firstButton = 1, savedAs?: string): string {
  const lines = [reply.text];
  reply.buttons?.forEach((b, i) => lines.push(`  [${firstButton + i}] ${b.label}`));
  if (reply.document !== undefined) lines.push(`  📄 ${savedAs ?? reply.document.filename}`);
  return lines.join('\n');
}

/** A terminal has no download button: documents are written under the data directory. */
export async function saveDocument(dir: string, reply: Reply): Promise<string | undefined> {
  if (reply.document === undefined) return undefined;
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, path.basename(reply.document.filename));
  await writeFile(file, Buffer.from(reply.document.base64, 'base64'));
  return file;
}

/** Delivers notifications to this terminal's own chat only; other terminals' chats are not reachable from here. */
export function terminalSender(chatId: string | (() => string | null), print: (text: string) => void): ChannelSender {
  let sent = 0;
  const current = typeof chatId === 'function' ? chatId : () => chatId;
  return {
    channel: TERMINAL_CHANNEL,
    canReach: (account: ChatAccount) => account.address === current(),
    send: async (_account, reply) => {
      print(`🔔 ${formatReply(reply)}`);
      sent += 1;
      return { messageId: `${chatId}:n${sent}:${Date.now()}` };
    },
  };
}

export async function runTerminalChat(options: {
  assistant: Assistant; chatId: string; senderName: string; input: NodeJS.ReadableStream; output: NodeJS.WritableStream;
  greeting?: string;
  /** Where documents sent to this chat are saved. */
  downloadDir?: string;
}): Promise<void> {
  const { assistant, chatId, output } = options;
  const rl = readline.createInterface({ input: options.input, output, terminal: (options.input as { isTTY?: boolean }).isTTY === true });
  let buttons: Button[] = [];
  const print = (text: string) => output.write(`${text}\n`);
  if (options.greeting) print(options.greeting);
  print('(Type a message. "/send <file>" sends a scan or PDF; a number presses a button; /quit ends.)');
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const typed = line.trim();
    if (typed === '/quit' || typed === '/exit') break;
    if (typed === '') { rl.prompt(); continue; }
    let text: string | undefined = typed;
    let action: string | undefined;
    let attachments: InboundAttachment[] | undefined;
    const pressed = /^\d{1,2}$/.test(typed) ? buttons[Number(typed) - 1] : undefined;
    if (pressed !== undefined) { action = pressed.command; text = undefined; }
    const send = /^\/send\s+(.+)$/.exec(typed);
    if (send?.[1] !== undefined) {
      const file = send[1].trim();
      try {
        attachments = [{ filename: path.basename(file), mime: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', bytes: await readFile(file) }];
        text = undefined;
      } catch {
        print(`Cannot read ${file}`);
        rl.prompt();
        continue;
      }
    }
    const replies = await assistant.handle({
      channel: TERMINAL_CHANNEL, chatId, messageId: randomUUID(), senderName: options.senderName,
      ...(text !== undefined ? { text } : {}), ...(action !== undefined ? { action } : {}), ...(attachments ? { attachments } : {}),
    });
    buttons = [];
    for (const reply of replies) {
      const savedAs = options.downloadDir === undefined ? undefined : await saveDocument(options.downloadDir, reply);
      print(formatReply(reply, buttons.length + 1, savedAs));
      buttons.push(...(reply.buttons ?? []));
    }
    rl.prompt();
  }
  rl.close();
}
