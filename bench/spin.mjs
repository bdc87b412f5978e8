// `--background-load`: keeps one core busy until told to stop, or for at most argv[2] seconds (so it
// never outlives a bench that died without stopping it). Plain JavaScript, no loader: it starts at once.
const maxMs = Number(process.argv[2] ?? 3600) * 1000;
const started = Date.now();
let stop = false;
process.on('message', () => {
  stop = true;
});
process.on('disconnect', () => process.exit(0));
process.send?.('ready');
function spin() {
  const until = Date.now() + 50;
  while (Date.now() < until) {}
  if (stop || Date.now() - started > maxMs) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 }, () => process.exit(0));
    return;
  }
  setImmediate(spin);
}
spin();
