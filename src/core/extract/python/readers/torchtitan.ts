import type { Node } from 'web-tree-sitter';
import { callKeyword, evaluate } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import { withoutTrailingSlashes } from '../../../trimSlashes';

/**
 * torchtitan's config registry (github.com/pytorch/torchtitan, torchtitan/config/README.md: "A run is
 * described by a full configuration"): a module of functions that take nothing and return a whole job
 * config — `def llama3_8b() -> Trainer.Config: return Trainer.Config(model_spec=model_registry("8B"),
 * training=TrainingConfig(steps=1000, ...), ...)` — one of which the command line picks
 * (`python -m torchtitan.train --module llama3 --config llama3_8b`). The registry is the run's
 * definition (read like a config file); the training program that consumes it is not a run of its own.
 *
 * A file holds several runs; the file's run is read from its first function (the functions that
 * derive from it change a part: a converter, a backend). Read: the model (the checkpoint folder
 * `hf_assets_path` names, else the config's own name, which carries the flavour: `qwen3_0_6b`), whether
 * weights are loaded (`initial_load_path` / `initial_load_in_hf`: a fine-tune; otherwise torchtitan
 * initialises them, a pre-training run), the steps (`TrainingConfig(steps=)`, the RL loop's
 * `num_training_steps=`), the batch and sequence (`local_batch_size`/`seq_len`, or
 * `num_tokens_per_microbatch_per_dp_rank` over `max_context_length`) and the precision (Float8/MXFP8
 * converters: fp8 matmuls; `dtype`/`mixed_precision_param`/`model_dtype` as written). A silent precision
 * is torchtitan's default mixed precision (estimate/precisionDefault.ts).
 */

/** `def name() -> Trainer.Config:` (also `FluxTrainer.Config`, `Controller.Config`, `TransformersBackendConfig`). */
const REGISTRY_FUNCTION = /^def [A-Za-z]\w*\(\)\s*->\s*[\w.]*Config\s*:/m;
const TORCHTITAN_WORDS = /\bmodel_(?:registry|spec)\b/;
/** Converters that run the Linear (or grouped expert) matmuls in fp8 (torchtitan.components.quantization). */
const FP8_CONVERTER = /^(?:Float8|MXFP8)\w*Converter$/;
const DTYPES: Readonly<Record<string, 'bf16' | 'fp32' | 'fp16'>> = {
  bfloat16: 'bf16',
  float32: 'fp32',
  float16: 'fp16',
};
/** Bounds on the work per file: definitions looked at, helper depth. */
const MAX_DEFINITIONS = 2000;
const MAX_HELPER_DEPTH = 3;
const MAX_BODIES = 16;

interface Registry {
  readonly first: Node;
  readonly count: number;
  readonly definitions: ReadonlyMap<string, Node>;
}

/** The module's top-level functions, and those of them that are run configurations. */
function registryOf(ctx: PythonReadContext): Registry | undefined {
  const definitions = new Map<string, Node>();
  const runs: Node[] = [];
  let seen = 0;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (++seen > MAX_DEFINITIONS) break;
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type !== 'function_definition') continue;
    const name = fn.childForFieldName('name')?.text ?? '';
    definitions.set(name, fn);
    const returns = fn.childForFieldName('return_type')?.text ?? '';
    const parameters = fn.childForFieldName('parameters')?.namedChildren.length ?? 1;
    const body = fn.childForFieldName('body');
    if (name.startsWith('_') || parameters !== 0 || !/^[\w.]*Config$/.test(returns) || !body) continue;
    runs.push(fn);
  }
  // A registry function either builds the config (model_spec=…) or derives from one that does, a few calls away.
  // One pass per level over every definition's calls (each definition's calls are collected once): linear.
  const calls = new Map<Node, Node[]>();
  const callsOf = (fn: Node) => calls.get(fn) ?? calls.set(fn, calledDefinitions(fn, definitions)).get(fn)!;
  const building = new Set<Node>();
  for (const fn of definitions.values())
    if (TORCHTITAN_WORDS.test(fn.childForFieldName('body')?.text ?? '')) building.add(fn);
  for (let level = 0; level < MAX_HELPER_DEPTH; level++) {
    const reached = [...definitions.values()].filter(
      (fn) => !building.has(fn) && callsOf(fn).some((d) => building.has(d)),
    );
    if (reached.length === 0) break;
    for (const fn of reached) building.add(fn);
  }
  const real = runs.filter((fn) => building.has(fn));
  return real.length > 0 ? { first: real[0], count: real.length, definitions } : undefined;
}

/** Same-module functions a definition calls (`config = llama3_debugmodel()`, `_qwen3_config(...)`). */
function calledDefinitions(fn: Node, definitions: ReadonlyMap<string, Node>): Node[] {
  const out = new Set<Node>();
  for (const call of fn.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'identifier') continue;
    const d = definitions.get(callee.text);
    if (d && d !== fn) out.add(d);
  }
  return [...out];
}

/** The definition and the same-module helpers it draws on, nearest first (a few: the file's run is one config). */
function bodiesOf(first: Node, definitions: ReadonlyMap<string, Node>): Node[] {
  const out = [first];
  for (let i = 0; i < out.length && out.length < MAX_BODIES; i++)
    for (const d of calledDefinitions(out[i], definitions))
      if (out.length < MAX_BODIES && !out.includes(d)) out.push(d);
  return out;
}

function valueOf(node: Node | null, ctx: PythonReadContext): string | number | boolean | undefined {
  const v = node ? evaluate(node, ctx.symbols)?.value : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/** The last folder of a checkpoint path when it names a model (`./assets/hf/Llama-3.1-8B`), not a tokenizer folder. */
function checkpointName(path: string): string | undefined {
  const last = withoutTrailingSlashes(path).split('/').pop() ?? '';
  return /^[A-Za-z][\w.-]*\d[\w.-]*$/.test(last) && !/tokenizer/i.test(last) ? last : undefined;
}

function readRegistry(ctx: PythonReadContext): void {
  if (!TORCHTITAN_WORDS.test(ctx.text) || !REGISTRY_FUNCTION.test(ctx.text)) return;
  const registry = registryOf(ctx);
  if (!registry) return;
  const { first, count } = registry;
  const nameNode = first.childForFieldName('name') ?? first;
  const name = nameNode.text;
  const which = count > 1 ? `${name}, the first of ${count} run configurations in this registry` : name;
  ctx.add('run.framework', 'torchtitan', nameNode, `torchtitan config function ${name}`);
  // 'registry': a run even when its length comes from a config it derives from in another module (factsToSpec).
  ctx.add(
    'source.configModule',
    'registry',
    nameNode,
    `a torchtitan config registry: ${which} returns the whole job config (picked with --config)`,
    'medium',
  );
  let model: { value: string; node: Node } | undefined;
  let flavour: { value: string; node: Node } | undefined;
  let loads: { node: Node; detail: string } | undefined;
  let steps: { value: number; node: Node; detail: string } | undefined;
  let fp8: Node | undefined;
  let dtype: { value: string; node: Node; detail: string } | undefined;
  let batch: { value: number; node: Node; detail: string } | undefined;
  let seqLen: { value: number; node: Node; detail: string } | undefined;
  let tokensPerRank: { value: number; node: Node } | undefined;
  for (const body of bodiesOf(first, registry.definitions)) {
    for (const call of body.descendantsOfType('call')) {
      if (!call) continue;
      const { last, full } = ctx.callee(call);
      const hf = callKeyword(call, 'hf_assets_path');
      const hfPath = valueOf(hf, ctx);
      if (!model && hf && typeof hfPath === 'string') {
        const named = checkpointName(hfPath);
        if (named) model = { value: named, node: hf };
      }
      // `model_spec=model_registry("debugmodel")`: the flavour of the model family the registry serves, which the
      // config's name starts with (`llama3_torchft_debugmodel` → `llama3_debugmodel`, the family's own config name).
      if (!flavour && last === 'model_registry') {
        const arg = call.childForFieldName('arguments')?.namedChildren[0];
        const v = arg && arg.type === 'string' ? valueOf(arg, ctx) : undefined;
        const family = /^([a-z][a-z0-9]*?\d+(?:_\d+)?)_/.exec(name)?.[1];
        if (arg && typeof v === 'string' && /^[A-Za-z0-9][\w.]{0,40}$/.test(v) && family)
          flavour = { value: `${family}_${v.toLowerCase().replace(/\./g, '_')}`, node: arg };
      }
      for (const k of ['initial_load_path', 'initial_load_in_hf']) {
        const node = callKeyword(call, k);
        const v = valueOf(node, ctx);
        if (!loads && node && (v === true || (typeof v === 'string' && v !== '')))
          loads = { node, detail: `${k}=${String(v)}: the run starts from a saved checkpoint` };
      }
      // `Float8LinearConverter.Config(...)`: the converter is the name before `.Config`. Emulated fp8 computes in bf16.
      const converter = last === 'Config' ? (full.split('.').slice(-2)[0] ?? '') : last;
      if (FP8_CONVERTER.test(converter) && valueOf(callKeyword(call, 'emulate'), ctx) !== true) fp8 ??= call;
      const stepsNode =
        last === 'TrainingConfig' ? callKeyword(call, 'steps') : (callKeyword(call, 'num_training_steps') ?? null);
      const n = valueOf(stepsNode, ctx);
      if (!steps && stepsNode && typeof n === 'number' && Number.isInteger(n) && n > 0)
        steps = { value: n, node: stepsNode, detail: `${stepsNode.parent?.text ?? ''} in ${name}` };
      for (const k of ['dtype', 'mixed_precision_param', 'model_dtype']) {
        const node = callKeyword(call, k);
        const v = valueOf(node, ctx);
        if (!dtype && node && typeof v === 'string' && Object.hasOwn(DTYPES, v))
          dtype = { value: DTYPES[v], node, detail: `${k}="${v}" in ${name}` };
      }
      if (last === 'TrainingConfig') {
        for (const [k, into] of [
          ['local_batch_size', 'batch'],
          ['seq_len', 'seq'],
          ['max_context_length', 'seq'],
          ['num_tokens_per_microbatch_per_dp_rank', 'tokens'],
        ] as const) {
          const node = callKeyword(call, k);
          const v = valueOf(node, ctx);
          if (!node || typeof v !== 'number' || !Number.isInteger(v) || v <= 0) continue;
          if (into === 'batch') batch ??= { value: v, node, detail: `local_batch_size=${v} in ${name}` };
          else if (into === 'seq') seqLen ??= { value: v, node, detail: `${k}=${v} in ${name}` };
          else tokensPerRank ??= { value: v, node };
        }
      }
    }
  }
  if (model) ctx.add('model.id', model.value, model.node, `hf_assets_path of ${name}: ${model.value}`, 'medium');
  else if (flavour)
    ctx.add('model.id', flavour.value, flavour.node, `model_registry flavour in ${name}: ${flavour.value}`, 'medium');
  else ctx.add('model.id', name, nameNode, `torchtitan config ${name} (model and flavour in its name)`, 'medium');
  if (loads) ctx.add('model.fromScratch', false, loads.node, loads.detail, 'medium');
  else
    ctx.add(
      'model.fromScratch',
      true,
      nameNode,
      `${name} loads no checkpoint (no initial_load_path / initial_load_in_hf): torchtitan initialises the weights`,
      'medium',
    );
  if (steps) ctx.add('training.steps', steps.value, steps.node, steps.detail);
  if (fp8)
    ctx.add('training.precision', 'fp8', fp8, `${ctx.callee(fp8).full} in ${name}: the Linear matmuls run in fp8`);
  else if (dtype) ctx.add('training.precision', dtype.value, dtype.node, dtype.detail);
  if (seqLen) ctx.add('training.seqLen', seqLen.value, seqLen.node, seqLen.detail);
  if (batch) ctx.add('training.batchPerDevice', batch.value, batch.node, batch.detail);
  else if (tokensPerRank && seqLen && tokensPerRank.value % seqLen.value === 0)
    ctx.add(
      'training.batchPerDevice',
      tokensPerRank.value / seqLen.value,
      tokensPerRank.node,
      `num_tokens_per_microbatch_per_dp_rank ${tokensPerRank.value} / ${seqLen.value} tokens a sequence in ${name}`,
      'medium',
    );
}

export const torchtitanRegistry: FileRule = {
  framework: 'torchtitan',
  phase: 'after-calls',
  words: ['model_registry', 'model_spec'],
  runStart: [REGISTRY_FUNCTION, TORCHTITAN_WORDS],
  runStartInDefinitions: true,
  read: (_index, ctx) => readRegistry(ctx),
};
