import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { ROOT } from './helpers';

/** The CLI in-process, its output collected. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false });
  return { code, out, err };
}

/** The CLI finds the wasm next to itself; under test that is out/src/cli. */
export function wasmBesideCompiledCli(): void {
  const dir = path.join(__dirname, '../../src/cli');
  fs.mkdirSync(dir, { recursive: true });
  for (const [from, name] of [
    ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
    ['tree-sitter-python/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ]) {
    fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(dir, name));
  }
}

export const DIFF_FIXTURES = path.join(ROOT, 'test/fixtures/diff');
