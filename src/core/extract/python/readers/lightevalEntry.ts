import { executedRows } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * lighteval's per-backend entry functions called from a program (eighteenth round, set U): `from lighteval.main_nanotron
 * import nanotron` (also `main_accelerate`, `main_vllm`, `main_sglang`, …; each module holds the function the
 * `lighteval <backend>` command runs, github.com/huggingface/lighteval src/lighteval/main_*.py) then `nanotron(
 * checkpoint_config_path=..., lighteval_config_path=...)` in code that runs: the program evaluates a model (an inference
 * run), which one being whatever checkpoint or model arguments it is handed when it runs.
 */
const ENTRY_IMPORT = /^from[ \t]+lighteval\.main_([a-z_]{1,30})[ \t]+import[ \t]+([A-Za-z_]\w{0,60})[ \t]*$/gm;
const MAX_IMPORTS = 4;

export const lightevalEntry: FileRule = {
  framework: 'lighteval',
  phase: 'after-calls',
  words: ['lighteval'],
  runStart: [/^from[ \t]+lighteval\.main_\w+[ \t]+import\b/m],
  read: (_index, ctx) => {
    if (!ctx.text.includes('lighteval.main_')) return;
    const entries = new Map<string, string>();
    for (const m of ctx.text.matchAll(ENTRY_IMPORT)) {
      if (entries.size >= MAX_IMPORTS) break;
      entries.set(m[2], m[1]);
    }
    if (entries.size === 0) return;
    const executed = executedRows(ctx.tree);
    const runs = (row: number) => executed.some(([a, b]) => row >= a && row <= b);
    for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
      const fn = call?.childForFieldName('function');
      if (!call || fn?.type !== 'identifier' || !entries.has(fn.text) || !runs(call.startPosition.row)) continue;
      ctx.add(
        'launch.inference',
        `lighteval.main_${entries.get(fn.text)}.${fn.text}`,
        fn,
        `${fn.text}(...) is lighteval's ${entries.get(fn.text)} entry: the program evaluates a model`,
        'medium',
      );
      ctx.add('model.fromScratch', false, fn, `${fn.text}(...) evaluates trained weights`, 'medium');
      return;
    }
  },
};
