import { fromImports } from '../fromImports';
import { startsARun } from '../../../facts';
import { nodeRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { keywordArgument } from '../../pythonValues';
import type { CallRule, FileRule } from '../rules';

/**
 * DeepSpeed configs written as Python dicts (the DeepSpeed-Chat layout many fine-tuning repositories copied):
 * a helper such as `get_train_ds_config(offload, stage)` returns `{"zero_optimization": ..., "fp16": {"enabled":
 * True, ...}}` and the training program hands it to `deepspeed.initialize(config=ds_config)`. DeepSpeed's
 * `fp16`/`bf16` sections mean what they mean in a JSON file (deepspeed.ai/docs/config-json: "fp16": {"enabled":
 * true} trains in mixed precision with fp16): the run's precision.
 *
 * The dict's own reading (`deepspeedDictPrecision`) works in any file; a program that starts a run and calls such a
 * builder imported from its repository (`from utils.ds_utils import get_train_ds_config`) links the builder's
 * module (`DEEPSPEED_CONFIG_LINK`), and only that precision is drawn through the link (analyze.ts): the module's
 * other constants are the builder's defaults, which the program overrides.
 */

/** Detail prefix of the link to a DeepSpeed config builder's module. */
export const DEEPSPEED_CONFIG_LINK = 'DeepSpeed config builder: ';
/** Detail prefix of the precision a DeepSpeed config dict switches on (the only fact drawn through the link). */
export const DEEPSPEED_DICT_PRECISION = 'DeepSpeed config dict: ';

/** `"fp16": {"enabled": True` / `'bf16': {'enabled': True`: a literal switch, bounded gaps, no nesting. */
const DICT_SWITCH =
  /["'](fp16|bf16|bfloat16)["'][ \t]{0,8}:[ \t]{0,8}\{[ \t\r\n]{0,200}["']enabled["'][ \t]{0,8}:[ \t]{0,8}True\b/g;
/** The builder's name: `get_train_ds_config`, `get_ds_config`, `deepspeed_config`, `build_deepspeed_config`. */
const BUILDER = /^(?:get_|build_|make_|create_)?\w{0,40}?(?:ds|deepspeed)_config$/;
/** Switches read per file, and imports looked at. */
const MAX_SWITCHES = 8;
const MAX_IMPORTS = 100;

export const deepspeedDictPrecision: FileRule = {
  framework: 'deepspeed',
  phase: 'after-calls',
  words: ['"enabled"', "'enabled'"],
  read: (_index, ctx) => {
    if (!/["']enabled["']/.test(ctx.text)) return;
    let seen = 0;
    for (const m of ctx.text.matchAll(DICT_SWITCH)) {
      if (++seen > MAX_SWITCHES) break;
      const row = ctx.text.slice(0, m.index).split('\n').length - 1;
      const precision = m[1] === 'fp16' ? 'fp16' : 'bf16';
      ctx.facts.push({
        kind: 'training.precision',
        value: precision,
        range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: 0 },
        confidence: 'medium',
        detail: `${DEEPSPEED_DICT_PRECISION}"${m[1]}": {"enabled": True}: DeepSpeed trains in ${precision} mixed precision`,
      });
      return;
    }
  },
};

export const deepspeedConfigBuilder: FileRule = {
  framework: 'deepspeed',
  phase: 'after-calls',
  words: ['ds_config', 'deepspeed_config'],
  read: (_index, ctx) => {
    if (!/(?:ds|deepspeed)_config/.test(ctx.text) || !ctx.facts.some(startsARun)) return;
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    const moduleOf = new Map<string, string>();
    // `from pkg.utils.ds_utils import get_train_ds_config, get_eval_ds_config` (or `from .ds_utils import …`).
    for (const { module, name, local } of fromImports(ctx.text, MAX_IMPORTS))
      if (!module.startsWith('..') && BUILDER.test(name))
        moduleOf.set(local, `${module.replace(/^\./, '').replace(/\./g, '/')}.py`);
    if (moduleOf.size === 0) return;
    const call = new RegExp(`(?:^|[^\\w.])(${[...moduleOf.keys()].join('|')})\\s*\\(`);
    const code = codeWithoutStrings(ctx.tree, new Set(moduleOf.keys()), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = call.exec(code[row]);
      if (!m) continue;
      const file = moduleOf.get(m[1])!;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { ...nodeRange(ctx.tree.rootNode), startLine: row, startCol: 0, endLine: row, endCol: code[row].length },
        confidence: 'low',
        detail: `${DEEPSPEED_CONFIG_LINK}${m[1]}(...) from ${file} builds the DeepSpeed config`,
      });
      return;
    }
  },
};

/**
 * `get_train_ds_config(stage=3, bf16=True, ...)`: a DeepSpeed config builder told which mixed precision to switch on
 * (OpenRLHF's and open-instruct's builders take `bf16=` and write `"bf16": {"enabled": bf16}`): the keyword, a literal
 * True, is the run's precision, whatever the builder's module does with it.
 */
export const deepspeedBuilderPrecision: CallRule = {
  framework: 'deepspeed',
  words: ['bf16=True', 'fp16=True'],
  when: ({ last, argsText }) =>
    BUILDER.test(last) && /\b(?:bf16|fp16)[ \t]*=[ \t]*True\b/.test(argsText.slice(0, 4000)),
  read: ({ last, args, ctx }) => {
    for (const key of ['bf16', 'fp16'] as const) {
      const value = args ? keywordArgument(args, key) : null;
      if (value?.text !== 'True') continue;
      ctx.add(
        'training.precision',
        key,
        value,
        `${DEEPSPEED_DICT_PRECISION}${last}(${key}=True): the DeepSpeed config it builds trains in ${key} mixed precision`,
        'medium',
      );
      return;
    }
  },
};
