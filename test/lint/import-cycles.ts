// `npm run lint` runs this after ESLint: it fails when the source tree has an import circle, and
// prints the layer rule's wrong-way imports (which ESLint's fences already refuse) and the largest
// files, the figures the architecture issue asked to watch.
//
// An import circle here is a strongly connected set of modules under app/, adapters/, bots/ and
// core/, counting every static import, `import type` included: a type-only circle does no harm at
// run time, but it is still two modules that cannot be read one without the other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYERS = ['app', 'adapters', 'bots', 'core'] as const;
type Layer = (typeof LAYERS)[number];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

export interface ImportGraph {
  files: string[];
  edges: Map<string, string[]>;
}

function sourceFiles(root: string, dir: string, out: string[]): void {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(path.join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel.split(path.sep).join('/'));
  }
}

export function readGraph(root: string, dirs: readonly string[] = LAYERS): ImportGraph {
  const files: string[] = [];
  for (const dir of dirs) sourceFiles(root, dir, files);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec === undefined) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      if (known.has(target)) targets.push(target);
    }
    edges.set(file, [...new Set(targets)]);
  }
  return { files, edges };
}

/** Strongly connected components of more than one module, or one importing itself (Tarjan). */
export function circles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const file of graph.files) if (!index.has(file)) visit(file);
  return found;
}

const ALLOWED: Record<Layer, readonly Layer[]> = {
  app: ['app', 'adapters', 'bots', 'core'],
  adapters: ['adapters', 'bots', 'core'],
  bots: ['bots', 'core'],
  core: ['core'],
};

const layerOf = (file: string): Layer => file.split('/')[0] as Layer;

/** Imports against the rule app → adapters → bots → core. */
export function wrongWay(graph: ImportGraph): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of graph.edges) {
    for (const to of targets) if (!ALLOWED[layerOf(from)].includes(layerOf(to))) wrong.push(`${from} → ${to}`);
  }
  return wrong;
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const graph = readGraph(root);
  const found = circles(graph);
  const wrong = wrongWay(graph);
  const sizes = graph.files
    .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length }))
    .sort((a, b) => b.lines - a.lines);
  const edges = [...graph.edges.values()].reduce((n, t) => n + t.length, 0);
  console.log(`import check: ${graph.files.length} modules, ${edges} imports, ${found.length} circles, ${wrong.length} wrong-way imports`);
  console.log(`largest: ${sizes.slice(0, 5).map((s) => `${s.file} ${s.lines}`).join(', ')}`);
  for (const c of found) console.error(`import circle: ${c.join(' ↔ ')}`);
  for (const w of wrong) console.error(`wrong-way import (app → adapters → bots → core): ${w}`);
  if (found.length > 0 || wrong.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
