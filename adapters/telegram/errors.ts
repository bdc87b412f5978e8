// Telegram failures, split by what failed, and the one retry Telegram asks for by name.
import { TelegramError } from 'telegraf';

/**
 * Thrown by `TelegramAdapter.start()` when the bot cannot start: Telegram refused the token
 * (`token_refused`); the Bot API could not be reached or answered with another error
 * (`unreachable`); or the webhook could not be set or its port not opened (`webhook`). The
 * message is one line meant for the operator and never contains the token.
 */
export class TelegramStartError extends Error {
  constructor(readonly reason: 'token_refused' | 'unreachable' | 'webhook', message: string) {
    super(message);
    this.name = 'TelegramStartError';
  }
}

/** Thrown while fetching an upload whose size is over the limit, before or during the download. */
export class TelegramFileTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
    this.name = 'TelegramFileTooLarge';
  }
}

/** Seconds Telegram asked us to wait (HTTP 429 with parameters.retry_after), or null for any other failure. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof TelegramError) || error.code !== 429) return null;
  return error.parameters?.retry_after ?? 1;
}

export interface RetryOptions {
  retries: number;
  sleep(ms: number): Promise<void>;
  /** Told before each wait, so other sends can hold off too. */
  onRetryAfter?(seconds: number): void;
}

/** Runs `call`, waiting out and retrying a 429 up to `retries` times; any other error is thrown at once. */
export async function honourRetryAfter<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const seconds = retryAfterSeconds(error);
      if (seconds === null || attempt >= options.retries) throw error;
      options.onRetryAfter?.(seconds);
      await options.sleep(seconds * 1000);
    }
  }
}
