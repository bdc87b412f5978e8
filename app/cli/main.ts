// The `daftar` command line: start, chat, import-staff, parse, audit verify, db migrate, staff admin.
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import { loadConfig, type Config } from '../../bots/config.ts';
import { consoleLogger } from '../../bots/log.ts';
import { officeSigner, openDaftar } from '../main.ts';
import { leavePolicyFrom } from '../office-rules.ts';
import { runImportLeaveBalances } from './import-leave-balances.ts';
import { readFile } from 'node:fs/promises';
import { systemClock } from '../../core/time.ts';
import { describeCheck } from '../../bots/commands/verify.ts';
import { runTerminalChat, terminalSender, TERMINAL_CHANNEL } from './terminal-chat.ts';
import { noteScanSearch } from './background.ts';
import { runImportStaff } from './import-staff.ts';
import { runParse } from './parse.ts';
import { runAuditVerify } from './audit-verify.ts';
import { runStart } from './start.ts';
import { MigrationError, migrateDatabase } from '../../adapters/storage/sqlite/migrate.ts';
import { StoreUnavailable } from '../../adapters/storage/rows.ts';
import { migratePostgres } from '../../adapters/storage/postgres/migrate.ts';
import { describeLocation } from '../../adapters/storage/open-store.ts';
import { consoleLinkTerminal, runSetActive, runUnlink } from './admin.ts';
import { canonicalPost } from '../../bots/language/index.ts';
import { runRemind } from './remind.ts';
import { runReportPendency } from './report.ts';
import { runImportFiles } from './import-files.ts';
import { runTrainingReport } from './training-report.ts';
import { runDbCopy } from './db-copy.ts';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command();
program.name('daftar').description('Daftar — the Saharsa collectorate e-Office assistant on chat').showHelpAfterError();

program.command('start').description('migrate, seed the demo office if empty, and run Daftar').action(async () => {
  process.exitCode = await runStart(config());
});

program.command('chat').description('chat with Daftar in this terminal (same path as every channel)')
  .option('--as <code>', 'act as this employee (the server console is trusted: linked without an OTP)')
  .action(async (opts: { as?: string }) => {
    const cfg = config();
    const log = consoleLogger(cfg.logLevel === 'debug' ? 'debug' : 'warn');
    const chatId = opts.as ? `console:${opts.as.toUpperCase()}` : `console:${os.userInfo().username}`;
    const print = (text: string) => process.stdout.write(`${text}\n`);
    const daftar = await openDaftar(cfg, { log, senders: [terminalSender(chatId, print)], channelOptions: { none: true } });
    try {
      // The server reads scans; this chat only says whether searching their text works.
      await noteScanSearch(cfg, daftar);
      let greeting: string | undefined;
      if (opts.as) {
        const linked = await consoleLinkTerminal(daftar, chatId, opts.as);
        if (!linked.ok) { process.stderr.write(`${linked.message}\n`); process.exitCode = 1; return; }
        greeting = `Chatting as ${linked.name} (${linked.post}). Try: help`;
      }
      daftar.dispatcher.start(1000);
      daftar.dispatcher.kick();
      await runTerminalChat({
        assistant: daftar.assistant, chatId, senderName: os.userInfo().username, input: process.stdin, output: process.stdout,
        downloadDir: path.join(cfg.dataDir, 'downloads'), ...(greeting ? { greeting } : {}),
      });
    } finally {
      await daftar.close();
    }
  });

program.command('import-staff').argument('<file>', 'master roll, .csv or .xlsx').description('load or update the staff master roll')
  .action(async (file: string) => {
    const cfg = config();
    const daftar = await openDaftar({ ...cfg, demo: false }, { log: consoleLogger('warn'), channelOptions: { none: true } });
    try {
      const { exitCode } = await runImportStaff({ store: daftar.store, clock: daftar.clock, canonicalPost }, file, process.stdout);
      process.exitCode = exitCode;
    } finally {
      await daftar.close();
    }
  });

program.command('import-leave-balances').argument('<file>', 'opening balances, .csv or .xlsx: employee code, type, days')
  .option('--year <year>', 'the leave year (default: this year)')
  .description('load opening leave balances (all or nothing; re-import corrects, never doubles)')
  .action(async (file: string, opts: { year?: string }) => {
    const cfg = config();
    const daftar = await openDaftar({ ...cfg, demo: false }, { log: consoleLogger('warn'), channelOptions: { none: true } });
    try {
      const year = opts.year === undefined ? Number(new Date().toISOString().slice(0, 4)) : Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) { process.stderr.write(`--year: expected a year like 2026, got "${opts.year ?? ''}"\n`); process.exitCode = 2; return; }
      process.exitCode = await runImportLeaveBalances({ store: daftar.store, clock: daftar.clock, policy: leavePolicyFrom(cfg) }, file, year, process.stdout);
    } finally {
      await daftar.close();
    }
  });

program.command('parse').argument('<text>', 'an utterance, or - to read one per line from standard input')
  .description("print the assistant's understanding as JSON").action(async (text: string) => {
    process.exitCode = await runParse(config(), text, process.stdin, process.stdout);
  });

const audit = program.command('audit').description('the audit trail');
audit.command('verify').description('check the audit chain, its anchors and the notes and movements it records; anchor it when intact')
  .option('--anchor <seq:hash...>', 'also check against these anchors (e.g. from the DIO\'s morning message)')
  .action(async (opts: { anchor?: string[] }) => {
    process.exitCode = await runAuditVerify(config(), process.stdout, { anchors: opts.anchor ?? [] });
  });

program.command('verify').argument('<file>', 'a PDF signed by Daftar (or any PAdES-signed PDF)')
  .description('check a signed PDF: intact, who signed what and when, changed after signing or not')
  .action(async (file: string) => {
    const cfg = config();
    const signer = await officeSigner(cfg, systemClock, consoleLogger('warn'));
    const bytes = await readFile(file).catch(() => null);
    if (bytes === null) { process.stderr.write(`Cannot read ${file}\n`); process.exitCode = 2; return; }
    const check = await signer.verify(bytes);
    process.stdout.write(`${describeCheck(check, 'en')}\n`);
    process.exitCode = check.signed && check.intact && check.wholeDocument ? 0 : 1;
  });

const db = program.command('db').description('the database');
db.command('migrate').description('apply pending migrations').action(async () => {
  const cfg = config();
  const where = describeLocation(cfg.database);
  const { applied } = 'url' in cfg.database ? await migratePostgres(cfg.database.url) : migrateDatabase(cfg.database.file);
  process.stdout.write(applied.length === 0 ? `${where}: up to date\n` : `${where}: applied ${applied.join(', ')}\n`);
});
db.command('copy').description('copy the embedded SQLite office into an empty PostgreSQL database, then check it')
  .requiredOption('--to <url>', 'the PostgreSQL database, postgres://user:password@host:5432/database')
  .action(async (options: { to: string }) => {
    process.exitCode = await runDbCopy(config(), options.to, process.stdout);
  });

const staff = program.command('staff').description('administer employees');
staff.command('deactivate').argument('<code>').description('stop an employee from acting through any chat').action(async (code: string) => {
  process.exitCode = await runSetActive(config(), code, false, process.stdout);
});
staff.command('activate').argument('<code>').action(async (code: string) => {
  process.exitCode = await runSetActive(config(), code, true, process.stdout);
});
program.command('unlink').argument('<channel>').argument('<address>').description('unlink a chat account from its employee')
  .action(async (channel: string, address: string) => {
    process.exitCode = await runUnlink(config(), channel, address, process.stdout);
  });

program.command('remind').description("queue today's pendency digests (the server's dispatcher delivers them)")
  .option('--dry-run', 'print who would get what, write nothing')
  .option('--date <YYYY-MM-DD>', 'the office day to run for (default: today, IST)')
  .action(async (opts: { dryRun?: boolean; date?: string }) => {
    process.exitCode = await runRemind(config(), { dryRun: opts.dryRun === true, ...(opts.date ? { date: opts.date } : {}) }, process.stdout);
  });
const report = program.command('report').description('reports');
report.command('pendency').description("the Collector's pendency report as a PDF").requiredOption('--out <file>', 'where to write the PDF')
  .action(async (opts: { out: string }) => {
    process.exitCode = await runReportPendency(config(), opts.out, process.stdout);
  });
program.command('import-files').argument('<folder>', 'scans of running paper files, with an index CSV')
  .description('digitise running paper files: each index row becomes an electronic file with its scans, placed with its holder')
  .option('--index <file>', 'the index CSV (default: <folder>/index.csv)')
  .option('--dry-run', 'check every row and report, write nothing')
  .action(async (folder: string, opts: { index?: string; dryRun?: boolean }) => {
    process.exitCode = await runImportFiles(config(), folder, { ...(opts.index ? { index: opts.index } : {}), dryRun: opts.dryRun === true }, process.stdout);
  });
const training = program.command('training').description('the training walkthrough in the chat');
training.command('report').description('who has completed the training, by section')
  .option('--csv', 'one line per employee as CSV')
  .action(async (opts: { csv?: boolean }) => {
    process.exitCode = await runTrainingReport(config(), { csv: opts.csv === true }, process.stdout);
  });

export { TERMINAL_CHANNEL };
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // What an operator can fix gets one line and exit 2; anything else is a bug and keeps its stack.
  if (!(error instanceof StoreUnavailable || error instanceof MigrationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
