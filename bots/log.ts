import type { Logger } from './context.ts';

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Plain lines on stderr. Personal data (mobile, OTP, date of birth) is never passed here. */
export function consoleLogger(level: (typeof LEVELS)[number] = 'info', write = (line: string) => process.stderr.write(`${line}\n`)): Logger {
  const on = (l: (typeof LEVELS)[number]) => LEVELS.indexOf(l) <= LEVELS.indexOf(level);
  return {
    info: (m) => { if (on('info')) write(`[info] ${m}`); },
    warn: (m) => { if (on('warn')) write(`[warn] ${m}`); },
    error: (m, e) => {
      if (!on('error')) return;
      const detail = e instanceof Error ? (level === 'debug' ? e.stack ?? e.message : e.message) : e === undefined ? '' : String(e);
      write(`[error] ${m}${detail ? `: ${detail}` : ''}`);
    },
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
