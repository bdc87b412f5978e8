// How a worker thread of ours starts: the worker code is TypeScript, so the worker registers tsx's
// loader itself (the main thread may run under vitest, tsx or a loader of its own) and then imports
// its entry. tsx is found from the entry file's own folder — not from the process's working
// directory, which a worker started with `eval` would otherwise resolve from: Daftar started from
// another directory (a service manager's WorkingDirectory, a shell elsewhere) must still check
// scans. tsx's ESM API is located through its package.json's own exports map.
export const WORKER_BOOT = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
Promise.resolve()
  .then(() => {
    const manifest = createRequire(workerData.entry).resolve('tsx/package.json');
    const api = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import;
    return import(pathToFileURL(path.join(path.dirname(manifest), typeof api === 'string' ? api : api.default)).href);
  })
  .then((tsx) => { tsx.register(); return import(workerData.entry); })
  .catch((error) => { setImmediate(() => { throw error; }); });
`;
