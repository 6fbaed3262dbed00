import type { Node } from 'web-tree-sitter';
import type { CallRule } from '../rules';
import { readTrainingKeywords } from '../keywords';
import type { PythonReadContext } from '../context';
import { callKeyword, evaluate } from '../../pythonValues';

/**
 * nanotron's generation API (`from nanotron.generation.decode import decode_text, decode_tokenized`): a script
 * that builds a model from a checkpoint's config, loads its weights (`nanotron.serialize.load_weights`) and
 * decodes prompts with it generates with a trained checkpoint, i.e. an inference run. Which checkpoint (and so
 * its size) is whatever path the script is given when it runs.
 */
export const nanotronDecode: CallRule = {
  framework: 'nanotron',
  callees: ['decode_text', 'decode_tokenized'],
  runStart: [/\bdecode_(?:text|tokenized)\s*\(/, /^[ \t]*from[ \t]+nanotron\.generation\b/m],
  when: ({ ctx }) => /^[ \t]*from[ \t]+nanotron\.generation(?:\.decode)?[ \t]+import\b/m.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', full, fn, `${full}(...) generates with a nanotron checkpoint`, 'medium');
    ctx.add('model.fromScratch', false, fn, `${full}: decodes with trained weights loaded from a checkpoint`, 'medium');
  },
};

/**
 * nanotron's config objects built in Python (a launcher or generator that writes the YAML `run_train.py` reads):
 * `TokensArgs(train_steps=..., micro_batch_size=..., sequence_length=...)` sizes the run (nanotron/config/config.py),
 * `RandomInit(std=...)` initialises the weights randomly (pre-training), `ExistingCheckpointInit(path=...)` loads them.
 * These only describe a run; whether this file starts one is for the other rules (a submission, a launch).
 */
export const nanotronConfigObjects: CallRule = {
  framework: 'nanotron',
  callees: ['TokensArgs', 'RandomInit', 'ExistingCheckpointInit', 'ModelArgs', 'ParallelismArgs'],
  when: ({ ctx }) => /^[ \t]*from[ \t]+nanotron(?:\.config)?\b/m.test(ctx.text),
  read: ({ node, full, last, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (last === 'TokensArgs') readTrainingKeywords(node, ctx, full);
    else if (last === 'ModelArgs') readModelArgs(node, fn, ctx);
    else if (last === 'ParallelismArgs') readParallelism(node, fn, ctx);
    else if (last === 'RandomInit')
      ctx.add('model.fromScratch', true, fn, `${full}(...): nanotron initialises the weights randomly`, 'medium');
    else ctx.add('model.fromScratch', false, fn, `${full}(...) loads the weights of a checkpoint`, 'medium');
  },
};

/** `model_config = LlamaConfig(`, `MambaModelConfig(`: the class a model config is built from (its family before `Config`). */
const MODEL_CONFIG_CLASS = /^([A-Z][A-Za-z]{1,30}[0-9]{0,3})(?:Model)?Config$/;

/**
 * `ModelArgs(init_method=..., model_config=model_config)`, what the YAML's `model:` section is made from
 * (nanotron/config/config.py): `dtype` left out is bfloat16 (ModelArgs.__post_init__, as the YAML dialect reads it),
 * and the model config's class names the architecture family (`LlamaConfig` → llama; models_config.py marks each
 * class with `is_<family>_config`), as the YAML's flag does (config/nanotron.ts). The size stays the config's sizes'.
 */
function readModelArgs(call: Node, fn: Node, ctx: PythonReadContext): void {
  if (!callKeyword(call, 'dtype'))
    ctx.add(
      'training.precision',
      'bf16',
      fn,
      'ModelArgs(...) without dtype: nanotron defaults it to bfloat16',
      'medium',
    );
  const config = callKeyword(call, 'model_config');
  if (!config || ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  let cls: string | undefined;
  if (config.type === 'call') cls = ctx.callee(config).last;
  else if (config.type === 'identifier') {
    // The name bound to a config class call somewhere in the file (`model_config = LlamaConfig(` in a builder function).
    const bound = new RegExp(`^[ \\t]*${config.text}[ \\t]*=[ \\t]*([A-Z]\\w{0,60})\\(`, 'm').exec(ctx.text);
    cls = bound?.[1];
  }
  const family = cls ? MODEL_CONFIG_CLASS.exec(cls)?.[1] : undefined;
  if (!family) return;
  ctx.add(
    'model.id',
    family.toLowerCase(),
    config,
    `ModelArgs(model_config=${cls}(...)): a ${family} architecture`,
    'medium',
  );
}

/**
 * `ParallelismArgs(dp=2, pp=1, tp=4)`: nanotron's ParallelContext asserts TP × CP × DP × PP == WORLD_SIZE, so their
 * product is the GPUs the run takes (context_parallel_size defaults to 1); unknown when a factor cannot be read.
 */
function readParallelism(call: Node, fn: Node, ctx: PythonReadContext): void {
  let gpus = 1;
  let fromFlags = false;
  const written: string[] = [];
  for (const name of ['dp', 'tp', 'pp', 'context_parallel_size']) {
    const arg = callKeyword(call, name);
    if (!arg) {
      if (name === 'context_parallel_size') continue;
      return;
    }
    const r = evaluate(arg, ctx.symbols);
    const v = r?.value;
    fromFlags ||= !!r?.via.includes('default of');
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 1_000_000) return;
    gpus *= v;
    written.push(`${name} ${v}`);
  }
  // From flag defaults, a launch documented with its own process count (`torchrun --nproc_per_node=4 x.py` in the
  // module's usage) says more: that count stands.
  if (fromFlags && /--nproc[_-]per[_-]node[ \t=]+\d/.test(ctx.text)) return;
  ctx.add(
    'hardware.devices',
    gpus,
    fn,
    `ParallelismArgs(${written.join(' × ')}) = ${gpus} GPUs (nanotron's world size)${fromFlags ? " at the flags' defaults" : ''}`,
    fromFlags ? 'low' : 'medium',
  );
}
