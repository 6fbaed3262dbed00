import type { Node } from 'web-tree-sitter';
import { hubIdInPath } from '../config/dialect';
import { normalisePrecision } from '../precision';
import { CHECKPOINT_DTYPE_DETAIL } from '../precisionSwitches';
import { sizingNamesOf, type SizingKind } from '../sizingNames';
import { evaluate, keywordArgument, stringLiteral, type SymbolTable } from '../pythonValues';
import { scalar, truncate, nodeRange, type PythonReadContext } from './context';

/**
 * Keyword arguments every framework shares (`num_train_epochs=`, `bf16=`, `torch_dtype=`,
 * `**dict(...)`), read the same way wherever a rule meets them.
 */

/** Python's view of the one sizing table (sizingNames.ts): keyword arguments and names that carry a size. */
const PYTHON_SIZING = sizingNamesOf('python');

/** The fact a Python keyword or variable name states, if it is a sizing name (a Map: `constructor` is not one). */
export function sizingKind(name: string): SizingKind | undefined {
  return PYTHON_SIZING.get(name);
}

/** Every Python sizing name. */
export const PYTHON_SIZING_NAMES: readonly string[] = [...PYTHON_SIZING.keys()];

/** A check whether the GPU computes in bfloat16 (torch's, transformers', Unsloth's spelling). */
const BF16_SUPPORT_CHECK = /is_bf16_supported|is_bfloat16_supported|is_torch_bf16_gpu_available/;

/** Precision flags of TrainingArguments-like classes. */
export const PRECISION_FLAGS: Record<string, string> = { fp16: 'fp16', bf16: 'bf16', tf32: 'tf32' };

export function readTrainingKeywords(call: Node, ctx: PythonReadContext, owner: string): void {
  const args = call.childForFieldName('arguments');
  if (!args) return;
  for (const child of args.namedChildren) {
    if (!child) continue;
    if (child.type === 'dictionary_splat') {
      readDictionarySplat(child, ctx, owner);
      continue;
    }
    if (child.type !== 'keyword_argument') continue;
    const name = child.childForFieldName('name')?.text ?? '';
    const value = child.childForFieldName('value');
    if (!value) continue;
    readKeyword(name, value, ctx, owner);
  }
}

export function readKeyword(name: string, value: Node, ctx: PythonReadContext, owner: string): void {
  const label = `${name} in ${owner}`;
  if (Object.hasOwn(PRECISION_FLAGS, name)) {
    // A flag whose value is the GPU's own check is listed as not readable from the code.
    const dependsOnGpu = () =>
      ctx.add(
        'training.precision',
        null,
        value,
        `${label}: \`${truncate(value.text, 40)}\` depends on the GPU it runs on`,
        'low',
      );
    if (/cuda\.is_available/.test(value.text)) {
      ctx.add(
        'training.precision',
        PRECISION_FLAGS[name],
        value,
        `${label}: \`${truncate(value.text, 40)}\` is true on a GPU`,
        'medium',
      );
      return;
    }
    if (name !== 'tf32' && BF16_SUPPORT_CHECK.test(value.text)) {
      // `bf16=is_bfloat16_supported()`, `fp16=not is_bfloat16_supported()`: the GPU decides, which the run's
      // accelerator then says (resolve/completeRun). Where it has no bf16, an fp16 flag turns fp16 on; a bf16
      // flag alone leaves float32.
      ctx.add(
        'training.precisionByGpu',
        name === 'fp16' ? 'fp16' : 'fp32',
        value,
        `${label}: \`${truncate(value.text, 40)}\` is bf16 where the GPU supports it${name === 'fp16' ? ', else fp16' : ''}`,
        'medium',
      );
      dependsOnGpu();
      return;
    }
    if (/is_bf16_supported|is_torch_bf16_gpu_available|get_device_capability/.test(value.text)) {
      // Depends on the GPU: assume one that supports it, and list it as not readable.
      ctx.add(
        'training.precision',
        PRECISION_FLAGS[name],
        value,
        `${label}: \`${truncate(value.text, 40)}\`, assumed true (a GPU that supports it)`,
        'low',
      );
      dependsOnGpu();
      return;
    }
    // `if tf32 and not (torch.cuda.is_available() and torch.cuda.get_device_capability()[0] >= 8): tf32 = False`:
    // the flag, on, is only switched off where the GPU lacks it; on one that has it the flag stands.
    const fallback = gpuDependentBinding(value, ctx.symbols);
    if (
      fallback &&
      value.type === 'identifier' &&
      new RegExp(`^${value.text}[ \\t]+and[ \\t]+not\\b`).test(fallback) &&
      evaluate(value, ctx.symbols)?.value === false
    ) {
      ctx.add(
        'training.precision',
        PRECISION_FLAGS[name],
        value,
        `${label}: on, switched off only under \`if ${truncate(fallback, 40)}\`; assumed a GPU that supports it`,
        'low',
      );
      dependsOnGpu();
      return;
    }
    const r = evaluate(value, ctx.symbols);
    if (r?.value === true)
      ctx.add('training.precision', PRECISION_FLAGS[name], value, label, r.via ? 'medium' : 'high');
    else if (!r)
      ctx.add(
        'training.precision',
        null,
        value,
        `${label}: \`${truncate(value.text)}\` cannot be read statically`,
        'low',
      );
    return;
  }
  if (
    name === 'precision' ||
    name === 'mixed_precision' ||
    name === 'dtype' ||
    name === 'torch_dtype' ||
    name === 'bnb_4bit_compute_dtype' ||
    name === 'param_dtype'
  ) {
    const condition = gpuDependentBinding(value, ctx.symbols);
    if (condition) {
      // `if torch.cuda.get_device_capability()[0] >= 8: dtype = bfloat16 else: float16`: the GPU decides.
      const r = evaluate(value, ctx.symbols);
      const p = r ? normalisePrecision(scalar(r.value)) : null;
      if (p)
        ctx.add(
          'training.precision',
          p,
          value,
          `${label}: \`${value.text}\` is set under \`if ${truncate(condition, 40)}\`, assumed ${p} (a GPU that supports it)`,
          'low',
        );
      ctx.add(
        'training.precision',
        null,
        value,
        `${label}: \`${value.text}\` depends on the GPU it runs on (\`if ${truncate(condition, 40)}\`)`,
        'low',
      );
      return;
    }
    // `dtype=None`: the library's own default, which its reader states (Unsloth's: python/readers/unsloth.ts).
    const given = evaluate(value, ctx.symbols);
    if (given?.value === null) return;
    if ((name === 'torch_dtype' || name === 'dtype') && given?.value === 'auto') {
      // `from_pretrained(..., torch_dtype="auto")`: the dtype the checkpoint's weights are saved in ("If "auto" is
      // passed, the dtype is automatically derived from the model's weights", transformers/diffusers
      // from_pretrained docs; vLLM's `dtype="auto"` likewise, docs.vllm.ai engine arguments). The code does not
      // name it: assumed bf16, the half format Hub checkpoints of current models are saved in, as a serving
      // stack's `--dtype auto` is read (estimate/precisionDefault.ts). Any other precision the file states wins.
      ctx.add('training.precision', 'bf16', value, `${label}="auto"${CHECKPOINT_DTYPE_DETAIL}`, 'low');
      return;
    }
    ctx.addResolved('training.precision', value, label, (v) => normalisePrecision(scalar(v)) ?? undefined);
    return;
  }
  if (name === 'accelerator') {
    ctx.addResolved('hardware.accelerator', value, label);
    return;
  }
  // `pipeline(..., model_kwargs={"torch_dtype": torch.bfloat16})`: arguments handed on to the model's loader.
  if (name === 'model_kwargs') {
    readKeywordDictionary(value, ctx, owner);
    return;
  }
  if (name === 'device_map' || name === 'device') {
    // device_map={"": 0}, device=0, device="cuda:0": one accelerator.
    const r = evaluate(value, ctx.symbols);
    const single =
      typeof r?.value === 'number' ||
      (typeof r?.value === 'string' && /^cuda(:\d+)?$/.test(r.value)) ||
      (r?.value && typeof r.value === 'object' && !Array.isArray(r.value) && Object.keys(r.value).length === 1);
    if (single && r?.value !== -1) ctx.add('hardware.devices', 1, value, `${label}: one device`, 'low');
    return;
  }
  if ((name === 'devices' || name === 'gpus') && /^["']auto["']$|^-1$/.test(value.text)) {
    ctx.add(
      'hardware.devices',
      null,
      value,
      `${label}=${value.text}: every visible GPU, which the code does not say`,
      'low',
    );
    return;
  }
  if (name === 'load_in_4bit' || name === 'load_in_8bit') {
    const r = evaluate(value, ctx.symbols);
    // QLoRA is the 4-bit recipe (Dettmers et al. 2023); an 8-bit base with adapters is LoRA on an int8 model.
    if (r?.value === true) {
      ctx.add('training.adapter', name === 'load_in_4bit' ? 'qlora' : 'int8-base', value, label);
      // A model loaded so and only run: bitsandbytes weights (NF4/FP4 or int8), dequantised for the matmuls.
      ctx.add('inference.weightPrecision', name === 'load_in_4bit' ? 'int4' : 'int8', value, label, 'medium');
    }
    return;
  }
  const kind = sizingKind(name);
  if (!kind) return;
  // max_length in a trainer/config call sizes the sequence; elsewhere it is usually generation length.
  if (name === 'max_length' && !/Config|Arguments|Trainer/.test(owner)) return;
  if (kind === 'training.epochs' && name === 'max_epochs' && evaluate(value, ctx.symbols)?.value === -1) {
    // Lightning's Trainer(max_epochs=-1): "to enable infinite training" (Trainer docs), so no epoch count.
    ctx.add(kind, null, value, `${label}: -1 trains until stopped (no epoch count)`, 'low');
    return;
  }
  if (kind === 'training.steps') {
    // max_steps=-1 is Hugging Face's "not set".
    ctx.addResolved(kind, value, label, (v) => (typeof v === 'number' && v > 0 ? v : undefined));
    return;
  }
  ctx.addResolved(kind, value, label);
}

function readDictionarySplat(splat: Node, ctx: PythonReadContext, owner: string): void {
  readKeywordDictionary(splat.namedChildren[0], ctx, owner);
}

/** The pairs of a dictionary written, built with dict(...) or bound to a name, read as keyword arguments. */
function readKeywordDictionary(inner: Node | null, ctx: PythonReadContext, owner: string): void {
  const bound = inner ? ctx.symbols.lookup(inner.text) : undefined;
  const dict = inner?.type === 'dictionary' || inner?.type === 'call' ? inner : bound?.node;
  if (dict?.type === 'call' && dict.childForFieldName('function')?.text === 'dict') {
    // **dict(num_train_epochs=3, ...): keyword arguments by another name.
    for (const kw of dict.childForFieldName('arguments')?.namedChildren ?? []) {
      if (kw?.type !== 'keyword_argument') continue;
      const name = kw.childForFieldName('name')?.text;
      const value = kw.childForFieldName('value');
      if (name && value) readKeyword(name, value, ctx, `${owner} (**${inner?.text.slice(0, 30)})`);
    }
    return;
  }
  if (!dict || dict.type !== 'dictionary') return;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = key ? stringLiteral(key) : null;
    if (name && value) readKeyword(name, value, ctx, `${owner} (**${truncate(inner?.text ?? '', 30)})`);
  }
}

/** A model id as the Hub writes it: `gpt2`, `org/name`. */
const HUB_ID = /^[\w.-]+(\/[\w.-]+)?$/;

/** `SFTTrainer(model="Qwen/Qwen2.5-0.5B")`, `pipeline(model="gpt2")`, `LLM(model=...)`: a model named by id. */
export function readModelKeyword(call: Node, ctx: PythonReadContext, owner: string, inference: boolean): void {
  const args = call.childForFieldName('arguments');
  const value = args ? keywordArgument(args, 'model') : null;
  if (!value) return;
  const r = evaluate(value, ctx.symbols);
  if (typeof r?.value !== 'string') return;
  // A local copy kept under the Hub's name (`MODELS_DIR + "/" + MODEL_NAME` = /llamas/meta-llama/Llama-3.2-3B).
  const isId = HUB_ID.test(r.value);
  const inPath = isId ? undefined : hubIdInPath(r.value);
  if (!isId && !inPath) return;
  const id = inPath ?? r.value;
  const via = [r.via, inPath ? `the Hub id in the path ${truncate(r.value, 60)}` : undefined]
    .filter(Boolean)
    .join('; ');
  ctx.add('model.id', id, value, via ? `model= in ${owner} (${via})` : `model= in ${owner}`, via ? 'medium' : 'high');
  if (!inference) ctx.add('model.fromScratch', false, value, `${owner} loads "${id}" from the Hub`);
}

/** Records where a quick fix would edit, on the fact just added for this call. */
export function attachEdit(ctx: PythonReadContext, call: Node, callee: string, literal?: Node): void {
  const i = ctx.facts.length - 1;
  if (i < 0) return;
  const args = call.childForFieldName('arguments');
  // The statement holding the call, and the name it assigns, for edits that add a line after it.
  let statement: Node | null = call;
  while (
    statement &&
    statement.type !== 'expression_statement' &&
    statement.parent &&
    statement.parent.type !== 'block' &&
    statement.parent.type !== 'module'
  )
    statement = statement.parent;
  const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : statement;
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  ctx.facts[i] = {
    ...ctx.facts[i],
    edit: {
      argumentList: args?.type === 'argument_list' ? nodeRange(args) : undefined,
      valueRange: literal && literal.type === 'string' ? nodeRange(literal) : undefined,
      statement: statement ? nodeRange(statement) : undefined,
      assignedTo: target?.type === 'identifier' ? target.text : undefined,
      callee,
    },
  };
}

/** When a name is assigned under `if <GPU capability check>:`, that condition; else undefined. */
export function gpuDependentBinding(value: Node, symbols: SymbolTable): string | undefined {
  if (value.type !== 'identifier') return undefined;
  let node: Node | null = symbols.lookup(value.text)?.node ?? null;
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === 'if_statement' || node.type === 'conditional_expression') {
      const condition = node.type === 'if_statement' ? node.childForFieldName('condition')?.text : node.text;
      return condition && /get_device_capability|is_bf16_supported|bf16_gpu_available/.test(condition)
        ? condition
        : undefined;
    }
  }
  return undefined;
}

/** A trainer being set up (`Trainer(...)`, `SFTTrainer(...)`, `Fabric(...)`): its keywords size the run and anchor it. */
export function readTrainerSetup(call: Node, full: string, last: string, ctx: PythonReadContext): void {
  readTrainingKeywords(call, ctx, last);
  readModelKeyword(call, ctx, last, false);
  ctx.add(
    'launch.trainer',
    `construct:${last}`,
    call.childForFieldName('function') ?? call,
    `${last}(...) sets up training`,
  );
  attachEdit(ctx, call, full);
}

/**
 * Words that put a line in front of the readers because a size may be written on it: every sizing
 * name, the stems constants are spelled with (`EPOCHS`, `num_layers`, `HIDDEN_DIM`), and the fields
 * that name a model (`model_name_or_path`, `base_model`).
 */
export const SIZING_LINE_WORDS: readonly string[] = [
  ...PYTHON_SIZING_NAMES,
  'epoch',
  'Epoch',
  'EPOCH',
  'step',
  'STEP',
  'iter',
  'ITER',
  'batch',
  'Batch',
  'BATCH',
  'layer',
  'Layer',
  'LAYER',
  'embd',
  'EMBD',
  // `model_dim = depth * aspect_ratio`: widths derived in code (nanochat's base_train), read through the names.
  '_dim',
  'hidden',
  'Hidden',
  'HIDDEN',
  'vocab',
  'Vocab',
  'VOCAB',
  'BLOCK_SIZE',
  'SEQ_LEN',
  'MAX_LENGTH',
  'dtype',
  'DTYPE',
  'precision',
  'PRECISION',
  'devices',
  'DEVICES',
  'nodes',
  'NODES',
  'accelerator',
  'ACCELERATOR',
  'truncation',
  'new_tokens',
  'model_name',
  'model_id',
  'base_model',
  'name_or_path',
  // `NNODE = int(os.environ.get("WORLD_SIZE", "1"))`: read at the variable's default (pythonValues.evaluate).
  'environ.get',
  'getenv',
  // `student = sys.argv[1] if len(sys.argv) > 1 else "org/name"`: a positional argument's default (pythonValues.evaluate).
  'sys.argv[',
];
