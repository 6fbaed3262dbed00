import type { Node } from 'web-tree-sitter';
import { evaluate, stringLiteral } from '../../pythonValues';
import { offByDefaultSwitch } from '../branches';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule, FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * Single-file LLaMA programs of the lit-llama shape (Lightning-AI/lit-llama, and the nanoGPT-style scripts built
 * on it): the model is the repository's own `LLaMA` class, sized by `LLaMA.from_name("7B")` /
 * `LLaMAConfig.from_name(model_size)`, whose names are the sizes of Meta's first release (7B, 13B, 30B, 65B:
 * github.com/facebookresearch/llama v1 `download.sh`, the folder names of its weights), and weights converted into
 * a folder named by that size (`checkpoints/<name>/7B/<file>.pth`). A size read so is LLaMA of that size
 * (`llama-7b`, as llamaCheckpoint.ts names it); weights loaded into it (`load_state_dict`, `lazy_load`) make the
 * run start from the pretrained model.
 */

/** A bare size of Meta's LLaMA release: `7B`, `13B`, `65B`. */
const BARE_SIZE = /^(\d{1,3})B$/i;
/** A class of the LLaMA family by its name (`LLaMA`, `LLaMAConfig`, `LlamaConfig`). */
const LLAMA_CLASS = /^(?:[A-Za-z_]\w{0,60}\.)?\w{0,30}(?:LLaMA|Llama)\w{0,30}\.from_name$/;
/** Weights loaded into the model built (a resume of the run's own state uses `fabric.load`, not counted). */
const LOADS_WEIGHTS = /\b(?:load_state_dict|lazy_load|load_checkpoint)[ \t]*\(/;
/** Names of the path a program loads its pretrained weights from. */
const WEIGHTS_PATH_NAME = /^(?:pretrained|checkpoint|ckpt|base_model|base|model)_(?:path|ckpt|checkpoint)$/;
/** `.../7B/lit-llama.pth`: a weights file in a folder named by a size of the release. */
const SIZE_FOLDER = /(?:^|\/)(\d{1,3})B\/[\w.-]{1,200}\.(?:pth|pt|bin|safetensors|ckpt)$/i;

function addLlama(
  size: string,
  node: Node,
  detail: string,
  confidence: 'high' | 'medium',
  ctx: PythonReadContext,
  origin?: Node,
) {
  ctx.add('model.id', `llama-${size.toLowerCase()}b`, node, detail, confidence);
  if (origin && origin.startPosition.row !== node.startPosition.row)
    ctx.amendLast({ originLine: origin.startPosition.row });
  const loads = LOADS_WEIGHTS.test(ctx.text);
  ctx.add(
    'model.fromScratch',
    !loads,
    node,
    loads
      ? 'pretrained LLaMA weights are loaded into the model it builds'
      : 'the LLaMA architecture is built; nothing in the file loads weights into it',
    'medium',
  );
}

/** The weights file a program loads by default, when it lies in a folder named by a LLaMA size. */
function sizeFolderDefault(
  index: SyntaxIndex,
  ctx: PythonReadContext,
): { size: string; node: Node; via: string } | undefined {
  const candidates: Array<[Node, Node]> = [];
  for (const node of index.defaults) {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name && value) candidates.push([name, value]);
  }
  for (const node of index.moduleAssignments) {
    const { left, right } = ctx.syntax.sidesOf(node);
    if (left?.type === 'identifier' && right) candidates.push([left, right]);
  }
  for (const [name, value] of candidates) {
    if (!WEIGHTS_PATH_NAME.test(name.text)) continue;
    const path = pathText(value);
    const size = path ? SIZE_FOLDER.exec(path.replace(/\\/g, '/'))?.[1] : undefined;
    if (size && path) return { size, node: value, via: `default of \`${name.text}\` (${truncate(path, 60)})` };
  }
  return undefined;
}

/** `"..."` or `Path("...")`. */
function pathText(node: Node): string | null {
  const plain = stringLiteral(node);
  if (plain !== null) return plain.length <= 1000 ? plain : null;
  if (node.type !== 'call' || !/^(?:pathlib\.)?Path$/.test(node.childForFieldName('function')?.text ?? '')) return null;
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  const text = first ? stringLiteral(first) : null;
  return text !== null && text.length <= 1000 ? text : null;
}

/** `LLaMA.from_name("7B")`, `LLaMAConfig.from_name(model_size)` (a parameter whose default is `"7B"`). */
export const llamaFromName: CallRule = {
  framework: 'pytorch',
  callees: ['from_name'],
  words: ['LLaMA', 'Llama'],
  when: ({ full }) => LLAMA_CLASS.test(full),
  read: ({ node, full, ctx }) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    const first = node.childForFieldName('arguments')?.namedChildren.find((c) => c !== null && c.type !== 'comment');
    const r = first ? evaluate(first, ctx.symbols) : undefined;
    const size = typeof r?.value === 'string' ? BARE_SIZE.exec(r.value)?.[1] : undefined;
    if (first && size) {
      addLlama(
        size,
        first,
        `${full}(${JSON.stringify(r!.value)})${r!.via ? ` (${truncate(r!.via, 60)})` : ''}: LLaMA ${size}B`,
        r!.via ? 'medium' : 'high',
        ctx,
        r!.via ? r!.origin : undefined,
      );
    }
  },
};

/**
 * `LLaMA.from_name(llama_model_lookup(checkpoint))`, `LLaMA(LLaMAConfig(block_size=...))`: the size is the one of the
 * weights loaded, read from the folder of the default weights path (`pretrained_path = ".../7B/lit-llama.pth"`).
 */
export const llamaWeightsFolder: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: [],
  read: (index, ctx) => {
    if (!ctx.text.includes('LLaMA') && !ctx.text.includes('Llama')) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    if (!/(?:LLaMA|Llama)\w{0,30}(?:\.from_name)?[ \t]*\(/.test(ctx.text)) return;
    if (!LOADS_WEIGHTS.test(ctx.text)) return;
    const found = sizeFolderDefault(index, ctx);
    if (found)
      addLlama(found.size, found.node, `${found.via}: the weights of LLaMA ${found.size}B are loaded`, 'medium', ctx);
  },
};

/**
 * `mark_only_lora_as_trainable(model)` (loralib, github.com/microsoft/LoRA `loralib/utils.py`, and the programs
 * that copied it: lit-llama, litgpt, minLoRA): only the LoRA matrices train.
 */
export const markOnlyLora: CallRule = {
  framework: 'pytorch',
  callees: ['mark_only_lora_as_trainable'],
  read: ({ node, full, ctx }) => {
    // Behind a settings switch that is off by default (`if kwargs.get("lora_only", False):`): the settings decide.
    if (offByDefaultSwitch(node) !== undefined) return;
    ctx.add('training.adapter', 'lora', node, `${full}(...): only the LoRA matrices are trained`, 'medium');
  },
};

/**
 * A loop over micro-batches with the optimizer stepping every `accumulation` of them (lit-llama, litgpt's older
 * scripts, many hand-written accelerate loops): `for iter_num, batch in enumerate(loader): if iter_num >= max_iters:
 * break … if (iter_num + 1) % gradient_accumulation_iters == 0: optimizer.step()`. The bound counts micro-batches,
 * so the optimizer steps are the bound divided by the accumulation (the batch each step sees is accumulation
 * micro-batches). Read only where the stop and the modulo test the same counter: a loop that stops on its count of
 * optimizer steps (`completed_steps >= max_train_steps`) is left as it is.
 */
const MODULO = /(\w{1,40})(?:[ \t]*\+[ \t]*1)?[ \t]*\)?[ \t]*%[ \t]*([\w.]{1,80})/;
const STOP = /^[ \t]*if[ \t]+(\w{1,40})[ \t]*(>=|>|==)[ \t]*([\w.]{1,100})[ \t]*:/;
/** Lines looked at for the modulo and the stop. */
const MAX_LINES = 20_000;

function readMicroBatchSteps(ctx: PythonReadContext): void {
  const text = ctx.text;
  if (!text.includes('accum') || !text.includes('%')) return;
  const steps = ctx.facts.filter((f) => f.kind === 'training.steps' && typeof f.value === 'number');
  if (steps.length === 0) return;
  if (!ctx.facts.some((f) => f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:'))) return;
  const lines = text.split('\n', MAX_LINES);
  const modulos: Array<{ counter: string; accumulation: string; row: number }> = [];
  const stops: Array<{ counter: string; bound: string; op: string }> = [];
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    if (line.includes('%') && line.includes('accum')) {
      const m = MODULO.exec(line);
      if (m && m[2].includes('accum')) modulos.push({ counter: m[1], accumulation: m[2], row });
    }
    if (line.includes('if')) {
      const s = STOP.exec(line);
      if (s) stops.push({ counter: s[1], bound: s[3], op: s[2] });
    }
    if (modulos.length > 20 || stops.length > 50) break;
  }
  for (const mod of modulos) {
    const stop = stops.find((s) => s.counter === mod.counter);
    if (!stop) continue;
    const node = ctx.tree.rootNode
      .descendantsOfType('binary_operator', { row: mod.row, column: 0 }, { row: mod.row + 1, column: 0 })
      .find((b) => b !== null && b.startPosition.row === mod.row && b.text.includes('%'));
    const divisor = node?.childForFieldName('right');
    const accumulation = divisor ? evaluate(divisor, ctx.symbols) : undefined;
    const a = accumulation?.value;
    if (!node || typeof a !== 'number' || !Number.isInteger(a) || a < 2 || a > 1e5) return;
    const bound = stop.bound;
    let changed = false;
    for (let i = 0; i < ctx.facts.length; i++) {
      const f = ctx.facts[i];
      if (f.kind !== 'training.steps' || typeof f.value !== 'number') continue;
      // The steps read from the stop's bound (`max_iters`), or the stop itself.
      if (!f.detail.includes(`\`${bound}\``) && !f.detail.includes(` ${bound}\``)) continue;
      ctx.facts[i] = {
        ...f,
        value: Math.floor(f.value / a),
        detail: `${f.detail}; the loop counts micro-batches (\`${truncate(mod.counter, 30)}\` % ${truncate(mod.accumulation, 40)} = ${a} per optimizer step): ${f.value} / ${a} optimizer steps`,
      };
      changed = true;
    }
    if (!changed) return;
    microBatch(divisor!, ctx);
    if (!ctx.facts.some((f) => f.kind === 'training.gradientAccumulation' && f.value !== null))
      ctx.add(
        'training.gradientAccumulation',
        a,
        node,
        `${truncate(node.text, 60)}: the optimizer steps every ${a} micro-batches${accumulation?.via ? ` (${truncate(accumulation.via, 80)})` : ''}`,
        'medium',
      );
    return;
  }
}

/**
 * `gradient_accumulation_iters = batch_size // micro_batch_size`: the divisor is what one device takes per forward
 * pass, the batch each optimizer step sees being `batch_size`. The micro-batch is read first, so it is the run's
 * batch per device (the steps × batch × accumulation product then counts each sample once).
 */
function microBatch(divisor: Node, ctx: PythonReadContext): void {
  let node: Node | null = divisor;
  for (let hop = 0; node && node.type === 'identifier' && hop < 4; hop++)
    node = ctx.symbols.lookup(node.text)?.node ?? null;
  if (!node || node.type !== 'binary_operator' || !/^\/\/?$/.test(node.childForFieldName('operator')?.text ?? ''))
    return;
  const micro = node.childForFieldName('right');
  const r = micro ? evaluate(micro, ctx.symbols) : undefined;
  if (!micro || typeof r?.value !== 'number' || !Number.isInteger(r.value) || r.value < 1) return;
  if (ctx.facts.find((f) => f.kind === 'training.batchPerDevice' && f.value !== null)?.value === r.value) return;
  ctx.add(
    'training.batchPerDevice',
    r.value,
    micro,
    `${truncate(node.text, 60)}: each device takes ${truncate(micro.text, 40)} = ${r.value} per forward pass`,
    'high',
  );
  const added = ctx.facts.pop()!;
  ctx.facts.unshift(added);
}

export const microBatchSteps: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => readMicroBatchSteps(ctx),
};
