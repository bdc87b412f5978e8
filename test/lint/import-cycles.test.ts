// The lint step's import check finds a circle and a wrong-way import in a tree made for it, and
// finds neither in the repository itself.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, readGraph, wrongWay } from './import-cycles.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'daftar-imports-'));
  for (const dir of ['app', 'adapters', 'bots', 'core']) mkdirSync(path.join(root, dir), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('import check', () => {
  it('names the modules of a circle, type-only imports included', () => {
    const root = tree({
      'core/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'core/b.ts': "import { c } from './sub/c.ts';\nexport type B = string;\n",
      'core/sub/c.ts': "export type { A } from '../a.ts';\nexport const c = 1;\n",
      'core/d.ts': "import { c } from './sub/c.ts';\n",
    });
    expect(circles(readGraph(root))).toEqual([['core/a.ts', 'core/b.ts', 'core/sub/c.ts']]);
  });

  it('refuses imports against app → adapters → bots → core', () => {
    const root = tree({
      'core/rule.ts': "import { x } from '../bots/x.ts';\n",
      'bots/x.ts': "import { y } from '../adapters/y.ts';\nexport const x = 1;\n",
      'adapters/y.ts': "import { main } from '../app/main.ts';\nimport { rule } from '../core/rule.ts';\nexport const y = 1;\n",
      'app/main.ts': "import { y } from '../adapters/y.ts';\nexport const main = 1;\n",
    });
    expect(wrongWay(readGraph(root)).sort()).toEqual([
      'adapters/y.ts → app/main.ts', 'bots/x.ts → adapters/y.ts', 'core/rule.ts → bots/x.ts',
    ]);
  });

  it('finds no wrong-way import in this repository', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    expect(wrongWay(readGraph(root))).toEqual([]);
  });
});
