import type { Node } from 'web-tree-sitter';
import { longOptionOfCall, optionDest } from '../argparseOption';
import { normalisePrecision } from '../../precision';
import { PART_SEPARATOR } from '../../../runVocabulary';
import type { FactKind, FactValue } from '../../../facts';
import { parseComposerDuration } from '../../composerDuration';
import { evaluate, keywordArgument, stringLiteral, type Resolved } from '../../pythonValues';
import { scalar, type PythonReadContext } from '../context';
import { flagMeaning } from '../../sizingNames';
import { PRECISION_FLAGS, readKeyword, sizingKind } from '../keywords';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Sizes written as module constants (nanoGPT-style configs), argparse/click defaults and dataclass
 * field defaults (HfArgumentParser argument classes, GPTConfig): read before the calls, which
 * may use them or override them.
 */

/**
 * A length written as a time string with its unit (`train_epochs = "100ep"`, `MAX_DURATION = "2000ba"`: Composer's
 * duration syntax, `ep` epochs and `ba` batches, composer.Time) is the count in that unit when the unit is the one the
 * name sizes; any other value is read as written.
 */
function durationCount(kind: FactKind, v: Resolved['value']): FactValue | undefined {
  if (typeof v === 'string' && (kind === 'training.epochs' || kind === 'training.steps')) {
    const parsed = parseComposerDuration(v);
    if (parsed && parsed.kind === kind) return parsed.value;
  }
  return scalar(v);
}

/** Module-level sizing variables (nanoGPT-style configs): `n_layer = 12`, `max_iters = 600000`. */
/** A gradient-accumulation count by its name (`gradient_accumulation_steps`, `grad_accum`, `accum_iter`). */
const ACCUMULATION_NAME = /^\w{0,40}accum\w{0,40}$/i;

/** `steps * accumulation`: the factor that is not the accumulation count (the optimizer steps), if one is. */
function optimizerStepsOf(right: Node): Node | undefined {
  if (right.type !== 'binary_operator' || right.childForFieldName('operator')?.text !== '*') return undefined;
  const a = right.childForFieldName('left');
  const b = right.childForFieldName('right');
  if (!a || !b) return undefined;
  if (b.type === 'identifier' && ACCUMULATION_NAME.test(b.text) && !ACCUMULATION_NAME.test(a.text)) return a;
  if (a.type === 'identifier' && ACCUMULATION_NAME.test(a.text) && !ACCUMULATION_NAME.test(b.text)) return b;
  return undefined;
}

function readModuleSizing(moduleAssignments: readonly Node[], ctx: PythonReadContext): void {
  // Sizing names (n_layer, dtype, ...) are relevant lines, so their assignments are in the index.
  for (const assignment of moduleAssignments) {
    const { left, right } = ctx.syntax.sidesOf(assignment);
    if (!left || !right || left.type !== 'identifier') continue;
    const kind = sizingKind(left.text) ?? sizingKind(left.text.toLowerCase());
    if (
      kind &&
      (kind !== 'hardware.devices' || /^(ngpu|n_gpu|nr_gpu|num_gpus)$/i.test(left.text)) &&
      kind !== 'inference.maxNewTokens'
    ) {
      // `max_iters = max_step * gradient_accumulation_steps` (lit-gpt's pretraining scripts): micro-batch iterations;
      // the optimizer steps are the other factor.
      const steps = kind === 'training.steps' ? optimizerStepsOf(right) : undefined;
      const where = `\`${left.text}\` (line ${assignment.startPosition.row + 1})`;
      if (steps)
        ctx.addResolved(kind, steps, `${where}: micro-batches, ${steps.text} optimizer steps`, (v) =>
          durationCount(kind, v),
        );
      else ctx.addResolved(kind, right, where, (v) => durationCount(kind, v));
    } else if (left.text === 'init_from' || left.text === 'INIT_FROM') {
      readInitFrom(right, ctx);
    } else if (left.text === 'eval_only' && right.type === 'true') {
      ctx.add(
        'launch.inference',
        'eval_only',
        right,
        '`eval_only = True`: the script evaluates the model and trains nothing',
        'medium',
      );
    } else if (/^(dtype|precision|mixed_precision)$/i.test(left.text)) {
      ctx.addResolved(
        'training.precision',
        right,
        `\`${left.text}\``,
        (v) => normalisePrecision(scalar(v)) ?? undefined,
      );
    }
  }
}

/**
 * Meta's Llama reference code sizes its model by `ModelArgs(dim, n_layers, n_heads, n_kv_heads, vocab_size, ...)`
 * (github.com/meta-llama/llama, llama/model.py: `dim: int = 4096` is the residual width), and scripts derived from it
 * keep those names as module constants (`dim = 288`, `n_layers = 6`, `n_heads = 6`). `dim` alone is any width (an
 * embedding, a hidden layer of an MLP), so it is read as the model's hidden size only beside module constants
 * `n_layers` and `n_heads`, the vocabulary of that dataclass.
 */
const LLAMA_ARGS_PARTNERS = ['n_layers', 'n_heads'] as const;
/** Module statements looked at for the pair (a config script has tens; a hostile file may have millions). */
const MAX_MODULE_STATEMENTS = 400;

function readLlamaArgsWidth(ctx: PythonReadContext): void {
  if (
    !ctx.text.includes('dim') ||
    !/^dim[ \t]*=/m.test(ctx.text) ||
    ctx.facts.some((f) => f.kind === 'model.hiddenSize')
  )
    return;
  const assigned = new Map<string, Node>();
  let looked = 0;
  for (const statement of ctx.tree.rootNode.namedChildren) {
    if (!statement || ++looked > MAX_MODULE_STATEMENTS) break;
    const a = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right && !assigned.has(left.text)) assigned.set(left.text, right);
  }
  const dim = assigned.get('dim');
  if (!dim || !LLAMA_ARGS_PARTNERS.every((n) => assigned.has(n))) return;
  ctx.addResolved(
    'model.hiddenSize',
    dim,
    `\`dim\` (line ${dim.startPosition.row + 1}) beside \`n_layers\` and \`n_heads\`: Llama ModelArgs' model width`,
  );
}

/** Flags whose string default is the run's precision (`--dtype fp16`, `--precision bf16`, `--mixed_precision no`). */
const PRECISION_DEFAULT_FLAGS = new Set(['dtype', 'precision', 'mixed_precision', 'torch_dtype']);

/**
 * The setting a flag names, without its dashes: `--num-epochs` → num_epochs. A flag grouped under a namespace
 * (`--train.max_epochs`, `--ds.param_dtype`, as OpenRLHF's programs write them) names it by its tail, read as the
 * shell reader reads the same flags on a launch line (sizingNames.flagMeaning); one that sets another model of the
 * run (`--reward.max_len`) or evaluation (`--eval.batch_size`) names none of the run's.
 */
function runFlagName(flag: string): string | undefined {
  const dest = optionDest(flag);
  if (!dest.includes('.')) return dest;
  const meaning = flagMeaning(dest);
  return meaning?.role === 'run' ? meaning.name : undefined;
}

/** Flag names that count devices (never a device id). */
const DEVICE_COUNT_FLAG = /^(?:ngpu|ngpus|n_gpu|n_gpus|nr_gpu|num_gpus)$/i;

/** `add_argument("--epochs", default=30)`: a sizing default is a fact where it is declared (uses win over it). */
function readArgparseSizing(index: SyntaxIndex, ctx: PythonReadContext): void {
  for (const node of index.calls) {
    const { last, full } = ctx.callee(node);
    if (last !== 'add_argument' && full !== 'click.option') continue;
    const args = node.childForFieldName('arguments');
    const flag = args ? longOptionOfCall(args) : undefined;
    const def = args ? keywordArgument(args, 'default') : null;
    if (!flag || !def) continue;
    const dest = runFlagName(flag);
    const kind = dest ? sizingKind(dest) : undefined;
    // A device flag's default is a count only under a name that counts (`--n_gpu 4`, `--num_gpus 8`): `--gpus 0` and
    // `--devices 0,1` are as often device ids.
    if (!kind || kind === 'inference.maxNewTokens') continue;
    if (kind === 'hardware.devices' && !(dest && DEVICE_COUNT_FLAG.test(dest))) continue;
    const r = evaluate(def, ctx.symbols);
    if (kind === 'hardware.devices' && !(typeof r?.value === 'number' && Number.isInteger(r.value) && r.value > 0))
      continue;
    // The flag's default as it is: a launch line that gives the flag (or its short spelling) another value sets it.
    const short = args!.namedChildren.map((c) => (c ? stringLiteral(c) : null)).find((s) => s && /^-[A-Za-z]$/.test(s));
    const named = [optionDest(flag), ...(short ? [short] : [])];
    const flags = { fromFlags: named, flagDefault: named };
    if (r && typeof r.value === 'number') {
      ctx.add(kind, r.value, def, `default of ${flag}`, 'medium');
      ctx.amendLast(flags);
    }
    // A dataset flag's name default (`--data_set IMNET`): sized by the dataset catalog when it knows the name.
    else if (kind === 'training.dataset' && typeof r?.value === 'string' && r.value) {
      ctx.add(kind, r.value, def, `default of ${flag}`, 'medium');
      ctx.amendLast(flags);
    }
  }
}

/**
 * Fields naming the two parts of a vision-language model a settings class builds (nanoVLM's VLMConfig
 * `lm_model_type` and `vit_model_type`, `llm_name_or_path` / `vision_tower` in LLaVA-style argument classes).
 */
const LANGUAGE_PART_FIELD =
  /^(?:lm|llm|language_model|text_model|decoder)_(?:model_type|model_name|model_name_or_path|model_id|model_path|name_or_path|path)$/;
const VISION_PART_FIELD =
  /^(?:vit|vision|vision_model|image_model|vision_encoder|visual_encoder)_(?:model_type|model_name|model_name_or_path|model_id|model_path|name_or_path|path)$|^vision_tower$/;
const HUB_ID = /^[\w.-]+\/[\w.-]+$/;
/**
 * A boolean field saying whether the parts are built from their released weights (nanoVLM's VLMConfig
 * `vlm_load_backbone_weights: bool = True`, handed to `VisionLanguageModel(cfg, load_backbone=...)`; `load_pretrained`,
 * `load_backbone` in other settings classes): true starts from the parts' checkpoints, false initialises them at random.
 */
const LOAD_PARTS_FIELD = /^(?:[a-z]{1,20}_){0,3}load_(?:backbones?|pretrained|pretrain)(?:_[a-z]{1,20}){0,2}$/;

/** Dataclass fields whose names size a run (HfArgumentParser argument classes, GPTConfig). */
function readDataclassFields(fields: SyntaxIndex['classAssignments'], ctx: PythonReadContext): void {
  const parts = new Map<string, { language?: { id: string; node: Node }; vision?: { id: string; node: Node } }>();
  const loadParts = new Map<string, { value: boolean; node: Node; name: string }>();
  for (const { className, assignment } of fields) {
    const { left, right } = ctx.syntax.sidesOf(assignment);
    if (!left || !right || left.type !== 'identifier') continue;
    const owner = `default of ${className}.${left.text}`;
    if (LOAD_PARTS_FIELD.test(left.text) && (right.type === 'true' || right.type === 'false')) {
      if (!loadParts.has(className))
        loadParts.set(className, { value: right.type === 'true', node: right, name: left.text });
      continue;
    }
    const part = LANGUAGE_PART_FIELD.test(left.text)
      ? 'language'
      : VISION_PART_FIELD.test(left.text)
        ? 'vision'
        : undefined;
    if (part) {
      const r = evaluate(right, ctx.symbols);
      if (typeof r?.value === 'string' && HUB_ID.test(r.value)) {
        const found = parts.get(className) ?? {};
        found[part] ??= { id: r.value, node: right };
        parts.set(className, found);
      }
      continue;
    }
    if (sizingKind(left.text) || Object.hasOwn(PRECISION_FLAGS, left.text)) readKeyword(left.text, right, ctx, owner);
    else if (
      /^(model_name_or_path|model_name|model_id|base_model|pretrained_model_name_or_path|model)$/.test(left.text)
    ) {
      const r = evaluate(right, ctx.symbols);
      if (typeof r?.value === 'string' && /^[\w.-]+(\/[\w.-]+)?$/.test(r.value))
        ctx.add('model.id', r.value, right, owner, 'medium');
    }
    // Point at the literal inside field(default=...) rather than the field( call.
    const last = ctx.facts[ctx.facts.length - 1];
    if (last && last.range.startLine === right.startPosition.row && last.originLine === undefined) {
      const r = evaluate(right, ctx.symbols);
      if (r && r.origin.startPosition.row !== right.startPosition.row)
        ctx.facts[ctx.facts.length - 1] = { ...last, originLine: r.origin.startPosition.row };
    }
  }
  // The language model and the vision encoder a class assembles: both are the model (sized part by part).
  for (const [className, { language, vision }] of parts) {
    if (!language) continue;
    const id = vision ? `${language.id}${PART_SEPARATOR}${vision.id}` : language.id;
    const detail = vision
      ? `defaults of ${className}: a vision-language model of ${language.id} (language model) and ${vision.id} (vision encoder)`
      : `default of ${className}: the language model ${language.id}`;
    ctx.add('model.id', id, language.node, detail, 'medium');
    // Whether those parts start from their released weights, as the class's own switch says.
    const load = loadParts.get(className);
    if (load)
      ctx.add(
        'model.fromScratch',
        !load.value,
        load.node,
        load.value
          ? `\`${load.name} = True\` (${className}): the parts start from their released checkpoints`
          : `\`${load.name} = False\` (${className}): the parts are initialised at random`,
        'medium',
      );
  }
}

export const moduleConstants: FileRule = {
  framework: 'python',
  phase: 'before-calls',
  words: [],
  runStart: /\beval_only\b/,
  read: (index, ctx) => {
    readModuleSizing(index.moduleAssignments, ctx);
    readLlamaArgsWidth(ctx);
  },
};
export const dataclassFields: FileRule = {
  framework: 'python',
  phase: 'before-calls',
  // Its words keep lines for the line prefilter; a dataclass field with a plain default needs no `field(`.
  readsWithoutWords: true,
  words: ['field('],
  read: (index, ctx) => readDataclassFields(index.classAssignments, ctx),
};
/**
 * `add_argument('--dtype', default='fp16', choices=['fp16', 'bf16'])` (DeepSpeed-Chat, DeepSpeed's examples): the
 * precision the program trains or serves in unless the launch passes another. Read after the calls, and only when
 * they set none: an example may declare `--dtype` and pass a dtype of its own (`dtype=torch.float`).
 */
function readArgparsePrecision(index: SyntaxIndex, ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
  for (const node of index.calls) {
    const { last } = ctx.callee(node);
    if (last !== 'add_argument') continue;
    const args = node.childForFieldName('arguments');
    const flag = args ? longOptionOfCall(args) : undefined;
    const def = args ? keywordArgument(args, 'default') : null;
    const dest = flag ? runFlagName(flag) : undefined;
    if (!flag || !def || !dest || !PRECISION_DEFAULT_FLAGS.has(dest)) continue;
    // A dtype passed without the flag (`dtype=torch.float16 if args.triton else torch.float`) is what runs.
    if (dtypeNotFromFlag(ctx.text, optionDest(flag))) return;
    const r = evaluate(def, ctx.symbols);
    // Accelerate spells full precision `mixed_precision="no"` (choices no/fp16/bf16/fp8, "no" the default:
    // huggingface.co/docs/accelerate/package_reference/accelerator, Accelerator `mixed_precision`).
    const p =
      typeof r?.value !== 'string'
        ? null
        : dest === 'mixed_precision' && r.value.toLowerCase() === 'no'
          ? 'fp32'
          : normalisePrecision(r.value);
    if (p && !p.startsWith('int')) {
      ctx.add('training.precision', p, def, `default of ${flag}`, 'medium');
      return;
    }
  }
}

/** Dtype keywords looked at per file. */
const MAX_DTYPE_KEYWORDS = 50;
function dtypeNotFromFlag(text: string, dest: string): boolean {
  let seen = 0;
  // A keyword argument (after `(` or `,`) whose value writes a torch dtype.
  for (const m of text.matchAll(/[(,][ \t\r\n]{0,200}(?:torch_)?dtype[ \t]*=(?!=)[ \t]*([^,\n)]{1,200})/g)) {
    if (++seen > MAX_DTYPE_KEYWORDS) break;
    if (/\btorch\.(?:float|half|bfloat)/.test(m[1]) && !m[1].includes(`.${dest}`)) return true;
  }
  return false;
}

export const argparsePrecision: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['add_argument'],
  read: readArgparsePrecision,
};

export const argparseDefaults: FileRule = {
  framework: 'python',
  phase: 'before-calls',
  words: ['add_argument', 'option(', 'Option('],
  read: readArgparseSizing,
};

/**
 * nanoGPT-style `init_from`: 'scratch' trains from random weights, 'resume' continues a checkpoint the
 * code does not name, anything else names the pretrained model to start from (`'gpt2-xl'`).
 */
function readInitFrom(value: Node, ctx: PythonReadContext): void {
  const r = evaluate(value, ctx.symbols);
  if (typeof r?.value !== 'string') return;
  if (r.value === 'scratch')
    ctx.add('model.fromScratch', true, value, "`init_from = 'scratch'`: random initialisation", 'medium');
  else if (r.value === 'resume')
    ctx.add(
      'model.id',
      null,
      value,
      "`init_from = 'resume'`: the model is whatever checkpoint is resumed, which the code does not name",
      'low',
    );
  else if (/^[\w.-]+(\/[\w.-]+)?$/.test(r.value)) {
    ctx.add('model.id', r.value, value, `\`init_from = '${r.value}'\``, 'medium');
    ctx.add('model.fromScratch', false, value, `\`init_from = '${r.value}'\` starts from pretrained weights`, 'medium');
  }
}
