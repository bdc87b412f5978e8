// Fetches an upload through getFile and the Bot API's file path, never holding more than the limit:
// sizes Telegram declares are checked before anything is fetched, and the stream is cut off if the
// bytes turn out larger than declared.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Telegram } from 'telegraf';
import { TelegramFileTooLarge } from './errors.ts';
import type { FileRef } from './inbound.ts';

export async function downloadFile(telegram: Telegram, file: FileRef, maxBytes: number, timeoutMs = 60_000): Promise<Uint8Array> {
  if (file.size !== undefined && file.size > maxBytes) throw new TelegramFileTooLarge(maxBytes);
  const info = await telegram.getFile(file.fileId);
  if (info.file_size !== undefined && info.file_size > maxBytes) throw new TelegramFileTooLarge(maxBytes);
  const url = await telegram.getFileLink(info);
  // A local Bot API server (--local) answers with a path on its own disk.
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    if ((await stat(path)).size > maxBytes) throw new TelegramFileTooLarge(maxBytes);
    return readFile(path);
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  // The URL holds the bot token: say what failed without it.
  if (!response.ok || response.body === null) throw new Error(`Telegram file download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw new TelegramFileTooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TelegramFileTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
