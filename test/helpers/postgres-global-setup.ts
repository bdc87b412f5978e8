// Vitest globalSetup: finds (or starts) the PostgreSQL server once for the whole run, before any
// worker process exists, and hands its URL to every worker through DAFTAR_TEST_PG_URL (Vitest builds
// the workers' environment from process.env after global setup). Without this, each worker would
// start a throwaway server of its own.
import { findOrStartServer } from './postgres.ts';

let stop: (() => void) | undefined;
let previous: string | undefined;

export async function setup(): Promise<void> {
  previous = process.env.DAFTAR_TEST_PG_URL;
  let server: Awaited<ReturnType<typeof findOrStartServer>>;
  try {
    server = await findOrStartServer();
  } catch (error) {
    // Not fatal for the run: test files that need no PostgreSQL still run, and every one that does
    // fails with this reason (postgresServerUrl throws it) rather than trying again per worker.
    process.env.DAFTAR_TEST_PG_ERROR = `no PostgreSQL server for the tests: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  stop = server.stop;
  process.env.DAFTAR_TEST_PG_URL = server.url;
}

export async function teardown(): Promise<void> {
  stop?.();
  stop = undefined;
  if (previous === undefined) delete process.env.DAFTAR_TEST_PG_URL;
  else process.env.DAFTAR_TEST_PG_URL = previous;
  delete process.env.DAFTAR_TEST_PG_ERROR;
}
