import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { extractShellFacts } from '../../shellFacts';
import { evaluate } from '../../pythonValues';
import { nodeRange } from '../context';
import { executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A Python front end that runs a llama.cpp program as a child process (`main_path = os.path.join(build_dir, "bin",
 * "llama-cli")`, then `subprocess.run([main_path, "-m", args.model, "-n", str(args.n_predict), ...])`: bitnet.cpp's
 * run_inference.py and other wrappers around a llama.cpp build). The command list is read as the shell reader reads
 * the same launch line (shell/launchers.ts, llama.cpp's programs), with the program's name taken from the string
 * the file builds its path from and each value the file can read (a flag's default) put in its place.
 */

/** llama.cpp's programs that run a model file (github.com/ggerganov/llama.cpp, tools/ and examples/ READMEs). */
const PROGRAM = /["'/\\](llama-(?:cli|server|bench|perplexity))(?:\.exe)?["']/;
const CHILD_PROCESS = /\bsubprocess\b|\bos\.(?:system|popen)\b/;
/** llama.cpp's quantiser (`llama-quantize`): it writes model files, runs none. */
const QUANTIZER = /["'/\\]llama-quantize(?:\.exe)?["']/;
/** Command lists read per file, and words per list. */
const MAX_LISTS = 20;
const MAX_WORDS = 200;
/** A word the shell reader can take as one (a path, a number, a flag), not free text. */
const PLAIN_WORD = /^[\w./:@+=,-]{1,300}$/;

export const llamaCppProcess: FileRule = {
  framework: 'llama.cpp',
  phase: 'after-calls',
  words: ['llama-cli', 'llama-server', 'llama-bench', 'llama-perplexity'],
  runStart: [PROGRAM, CHILD_PROCESS],
  read: (_index, ctx) => {
    const named = PROGRAM.exec(ctx.text);
    const program = named?.[1];
    if (!named || !program || !CHILD_PROCESS.test(ctx.text) || ctx.facts.some(startsARun)) return;
    // A program whose first llama.cpp tool is the quantiser makes model files (and may time each one it makes): a
    // quantisation tool. One that names the quantiser after the program it runs (a perplexity test that can also
    // quantise a variant first) is that program's run.
    const quantizerAt = QUANTIZER.exec(ctx.text)?.index;
    if (quantizerAt !== undefined && quantizerAt < named.index) return;
    const executed = executedRowMask(ctx.tree);
    let lists = 0;
    for (const list of ctx.tree.rootNode.descendantsOfType('list')) {
      if (!list || lists >= MAX_LISTS) break;
      const items = list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      const model = items.findIndex((c) => c.type === 'string' && /^["'](?:-m|--model)["']$/.test(c.text));
      if (model < 1 || !executed[list.startPosition.row]) continue;
      lists++;
      const words = [program, ...items.slice(1, MAX_WORDS).map((c) => wordOf(c, ctx.symbols))];
      const at = nodeRange(list);
      const read = extractShellFacts(words.join(' ')).map((f) => ({
        ...f,
        range: at,
        detail: `${f.detail} (the ${program} command the program runs)`,
      }));
      if (!read.some(startsARun)) continue;
      ctx.facts.push(...read);
      return;
    }
  },
};

/** A list item as a word of the command: the value the file gives it, or `$name` for one set when it runs. */
function wordOf(node: Node, symbols: Parameters<typeof evaluate>[1]): string {
  const r = evaluate(node, symbols);
  const value = typeof r?.value === 'number' ? String(r.value) : typeof r?.value === 'string' ? r.value : undefined;
  if (value !== undefined && PLAIN_WORD.test(value)) return value;
  const name = /(\w+)\W*$/.exec(node.text)?.[1];
  return `$${name ?? 'ARG'}`;
}
