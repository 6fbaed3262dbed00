import type { Node } from 'web-tree-sitter';
import { longOptionOfCall, optionDest } from '../argparseOption';
import { CHECKPOINT_FILE_FLAGS, checkpointFileModel } from '../../shell/checkpointPath';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import { isSoleAutoencoder } from './soleAutoencoder';

/**
 * gpt-fast-style programs (pytorch-labs/gpt-fast generate.py/eval.py, and the programs built on its layout):
 * `add_argument('--checkpoint_path', type=Path, default=Path("checkpoints/<org>/<name>/model.pth"))`
 * names the model by the folder of its converted weights (shell/checkpointPath.ts), and the compute dtype is
 * a name the loader moves the model to (`precision = torch.bfloat16` in main, then
 * `model = model.to(device=device, dtype=precision)` in the loader it calls).
 */

/** `Path("...")` / `pathlib.Path("...")` / a plain string: the path text. */
function pathText(node: Node): string | null {
  const plain = stringLiteral(node);
  if (plain !== null) return plain;
  if (node.type !== 'call' || !/^(?:pathlib\.)?Path$/.test(node.childForFieldName('function')?.text ?? '')) return null;
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  return first ? stringLiteral(first) : null;
}

function readCheckpointPathDefault(index: { calls: readonly Node[] }, ctx: PythonReadContext): void {
  if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
  if (!ctx.hasMainGuard) return;
  for (const node of index.calls) {
    if (ctx.callee(node).last !== 'add_argument') continue;
    const args = node.childForFieldName('arguments');
    if (!args) continue;
    const flag = longOptionOfCall(args);
    if (!flag || !CHECKPOINT_FILE_FLAGS.has(optionDest(flag))) continue;
    const def = keywordArgument(args, 'default');
    const path = def ? pathText(def) : null;
    const named = path ? checkpointFileModel(path) : undefined;
    if (!def || !named) continue;
    ctx.add('model.id', named.id, def, `default of \`${flag}\`: the checkpoint folder of ${named.id}`, 'medium');
    // The launch that passes its own checkpoint names its own model (analyze.ts linkedFacts).
    ctx.amendLast({ fromFlags: [optionDest(flag)] });
    if (named.weights) {
      ctx.add('inference.weightPrecision', named.weights, def, `default of ${flag}: ${named.weights} weight-only`);
      ctx.amendLast({ fromFlags: [optionDest(flag)] });
    }
    return;
  }
}

export const checkpointPathDefault: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['checkpoint_path', 'ckpt_path'],
  read: (index, ctx) => readCheckpointPathDefault(index, ctx),
};

/** `model = model.to(device=device, dtype=precision)`: the model moved to a dtype held by a name. */
const MOVE_TO_NAMED_DTYPE =
  /^[ \t]*(?:[A-Za-z_][\w.]{0,200}[ \t]*=[ \t]*)?([A-Za-z_][\w.]{0,200})\.to\([^()\n]{0,200}?\bdtype[ \t]*=[ \t]*([A-Za-z_]\w{0,60})[ \t]*[,)]/;
/** `vae = vae.to(device).to(data_type)`: the dtype name handed positionally to a move (after an optional device move). */
const MOVE_TO_NAMED_POSITIONAL =
  /^[ \t]*(?:[A-Za-z_][\w.]{0,200}[ \t]*=[ \t]*)?([A-Za-z_][\w.]{0,200})(?:\.(?:to|cuda)\([\w.]{0,100}\))?\.to\([ \t]*([A-Za-z_]\w{0,60})[ \t]*\)/;
/**
 * The receiver of a cast that is the network itself: a model, or a diffusion program's denoiser (`unet`, `transformer`,
 * `mmdit`, `dit`), which the compute is spent on, ahead of its autoencoder's cast (often kept in float32).
 */
const MODEL_RECEIVER = /(?:^|\.)(?:model|net|network|module|\w+_model|unet|transformer|mmdit|dit|denoiser)$/;
/**
 * `pipeline = prepare_pipeline(args, dtype, device)`, `model = build_model(cfg, torch_dtype=weight_dtype)`: a builder
 * handed a dtype held by a name, its result a model or pipeline (checked against HANDED_RECEIVER).
 */
const HANDED_TO_BUILDER =
  /^[ \t]*([A-Za-z_][\w.]{0,200})[ \t]*=[ \t]*[A-Za-z_][\w.]{0,200}\(([^()\n]{0,300})\)[ \t]*(?:#.*)?$/;
const HANDED_RECEIVER = /(?:^|\.)(?:model|net|network|module|\w+_model|pipe|pipeline|\w+_pipeline)$/;
/** Names a handed dtype must have to be read as the run's (`dtype`, `weight_dtype`, `torch_dtype`, `precision`). */
const DTYPE_NAME = /^(?:\w{0,40}_)?(?:dtype|precision|data_type)$/;
/** `precision = torch.bfloat16`: a name bound to one dtype. */
const DTYPE_BINDING =
  /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*(?::[^=\n]{0,80})?=[ \t]*torch\.(bfloat16|float16|half|float32)[ \t]*(?:#.*)?$/;
const PRECISION_OF: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', half: 'fp16', float32: 'fp32' };
/** Lines looked at (a longer module is read by the other rules only). */
const MAX_LINES = 20_000;

function readNamedDtypeCast(ctx: PythonReadContext): void {
  if (!ctx.text.includes('dtype') && !ctx.text.includes('data_type')) return;
  const lines = ctx.text.split('\n', MAX_LINES);
  // `autoencoder`: the cast of a program's sole autoencoder, which a later cast of the network itself replaces.
  let moved: { name: string; row: number; handed?: boolean; autoencoder?: boolean } | undefined;
  const bound = new Map<string, { types: Set<string>; row: number }>();
  const keywordRows: number[] = [];
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    if ((!moved || moved.autoencoder) && line.includes('.to(')) {
      const m = MOVE_TO_NAMED_DTYPE.exec(line);
      const p = m ? undefined : MOVE_TO_NAMED_POSITIONAL.exec(line);
      const cast = m ?? (p && DTYPE_NAME.test(p[2]) ? p : undefined);
      if (cast && MODEL_RECEIVER.test(cast[1])) moved = { name: cast[2], row };
      else if (cast && !moved && isSoleAutoencoder(cast[1], ctx.text))
        moved = { name: cast[2], row, autoencoder: true };
    }
    if (!moved && line.includes('dtype') && line.includes('(')) {
      const h = HANDED_TO_BUILDER.exec(line);
      const handed = h && HANDED_RECEIVER.test(h[1]) ? handedDtypeName(h[2]) : undefined;
      if (handed) moved = { name: handed, row, handed: true };
    }
    if (!moved && keywordRows.length < 8 && line.includes('dtype') && DTYPE_KEYWORD_LINE.test(line))
      keywordRows.push(row);
    if (line.includes('torch.')) {
      const b = DTYPE_BINDING.exec(line);
      if (b) {
        const entry = bound.get(b[1]) ?? { types: new Set<string>(), row };
        entry.types.add(PRECISION_OF[b[2]]);
        bound.set(b[1], entry);
      }
    }
  }
  moved ??= handedOnOwnLine(ctx, keywordRows);
  if (!moved) return;
  const at = moved;
  const binding = bound.get(moved.name);
  // A name bound to two dtypes (a switch between them) is the switch's to decide: not read here.
  if (!binding || binding.types.size !== 1) return;
  const precision = [...binding.types][0];
  const node = ctx.tree.rootNode
    .descendantsOfType('call', { row: moved.row, column: 0 }, { row: moved.row + 1, column: 0 })
    .find((c) => c !== null && c.startPosition.row === at.row);
  if (!node) return;
  ctx.add(
    'training.precision',
    precision,
    node,
    moved.handed
      ? `the model is built with ${moved.name}, bound to ${precision} at line ${binding.row + 1}: its weights and matmuls are ${precision}`
      : `the model is moved to dtype=${moved.name}, bound to ${precision} at line ${binding.row + 1}: its weights and matmuls are ${precision}`,
    'medium',
  );
}

/** `    dtype=dtype,`: a dtype keyword on a line of its own, inside a builder call spread over several lines. */
const DTYPE_KEYWORD_LINE = /^[ \t]*(?:torch_)?dtype[ \t]*=[ \t]*[A-Za-z_]\w{0,60}[ \t]*,?[ \t]*(?:#.*)?$/;

/**
 * `model = build_model(\n model_builder=..., \n dtype=dtype, \n ...)`: the builder call spread over several lines, its
 * dtype keyword on a line of its own (read from the tree: the keyword's call must be the right-hand side of an
 * assignment to a model or pipeline).
 */
function handedOnOwnLine(
  ctx: PythonReadContext,
  rows: readonly number[],
): { name: string; row: number; handed: boolean } | undefined {
  for (const row of rows) {
    const keyword = ctx.tree.rootNode
      .descendantsOfType('keyword_argument', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((k) => k !== null && k.startPosition.row === row);
    const name = keyword?.childForFieldName('name')?.text;
    const value = keyword?.childForFieldName('value');
    if (!keyword || (name !== 'dtype' && name !== 'torch_dtype') || value?.type !== 'identifier') continue;
    if (!DTYPE_NAME.test(value.text)) continue;
    const call = keyword.parent?.type === 'argument_list' ? keyword.parent.parent : null;
    const assignment = call?.type === 'call' ? call.parent : null;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    if (!call || !left || !HANDED_RECEIVER.test(left.text)) continue;
    return { name: value.text, row: call.startPosition.row, handed: true };
  }
  return undefined;
}

/** The dtype name among a builder's arguments: a bare `dtype` positional or a `dtype=`/`torch_dtype=` keyword. */
function handedDtypeName(args: string): string | undefined {
  for (const part of args.split(',', 30)) {
    const kw = /^[ \t]*(?:torch_)?dtype[ \t]*=[ \t]*([A-Za-z_]\w{0,60})[ \t]*$/.exec(part);
    const name = kw?.[1] ?? /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*$/.exec(part)?.[1];
    if (name && DTYPE_NAME.test(name)) return name;
  }
  return undefined;
}

export const namedDtypeCast: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a cast may name its dtype through a variable.
  readsWithoutWords: true,
  words: ['bfloat16', 'float16'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
    readNamedDtypeCast(ctx);
  },
};
