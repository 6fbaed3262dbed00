import { startsARun, type Fact } from '../../../facts';
import { escapeRegExp, lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * Research programs that build their network with a factory of their own package and hand it on: `model, diffusion
 * = create_model_and_diffusion(**args_to_dict(args, ...))` (flag defaults merged from a dict the package returns),
 * then either
 * - `TrainLoop(model=model, data=data, ...).run_loop()`, a training-loop class of the same package: the program
 *   trains the network it built (fresh weights: the factory builds it, nothing here loads a checkpoint into it), and
 *   the loop's module is linked (`link.module`, low confidence) so what it fixes (its backward pass, its devices)
 *   reaches the run; or
 * - `model.load_state_dict(...)` and `model.eval()` with no optimiser and no backward pass: the program samples from
 *   or evaluates a trained checkpoint (inference).
 * The factory names no published model and its size depends on the package's code, so neither is said here.
 */

/** `from pkg.mod import (a, b as c)` / `from .mod import a`, at column 0. */
const PACKAGE_IMPORT =
  /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/** A model factory by its name: `create_model`, `create_model_and_diffusion`, `sr_create_model_and_diffusion`, `build_model`. */
const FACTORY = /^(?:[a-z0-9]{1,20}_){0,2}(?:create|build|make)_model(?:_and_[a-z0-9_]{1,40})?$/;
/** A training-loop class by its name: `TrainLoop`, `DiffusionTrainer`, `TrainingLoop`. */
const LOOP_CLASS = /^[A-Z]?\w{0,40}(?:TrainLoop|TrainingLoop|Trainer)$/;
/** Libraries installed from an index: their factories and trainers are read by their own rules. */
const INSTALLED =
  /^(?:torch|torchvision|transformers|timm|diffusers|lightning|pytorch_lightning|keras|tensorflow|jax|flax|accelerate|trl|peft|datasets|detectron2|mmengine|mmdet|ultralytics|sentence_transformers)(?:\.|$)/;
/** Cheap gate: a factory call somewhere in the text. */
const FACTORY_CALL = /(?:create|build|make)_model\w{0,40}[ \t]*\(/;
/** Training written in the program itself: read by the torch rules, not here. */
const TRAINS_HERE = /\.backward\(|\boptim\.\w|\.step\(\)/;
const MAX_NAMES = 50;
/** `import mypkg` at column 0. */
const WHOLE_IMPORT = /^import[ \t]+([A-Za-z_]\w{0,60})[ \t]*(?:#[^\n]*)?$/gm;
/** Packages whose factories other rules read (readers/vision.ts: open_clip, OpenFlamingo). */
const OWN_RULES = /^(?:open_clip|open_flamingo|clip)$/;
/** `pretrained=` given a value (not False or None) in the factory's call. */
const PRETRAINED_GIVEN = /\bpretrained[ \t]*=[ \t]*(?!False\b|None\b)[\w.'"]/;

export const packageModelProgram: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_model'],
  runStart: [FACTORY_CALL, /\bload_state_dict[ \t]*\(|(?:TrainLoop|TrainingLoop|Trainer)[ \t]*\(/],
  read: (_index, ctx) => {
    if (!ctx.text.includes('_model') || !FACTORY_CALL.test(ctx.text) || ctx.facts.some(startsARun)) return;
    const guarded = ctx.hasMainGuard;
    const factories = new Set<string>();
    const loops = new Map<string, string>();
    // Checkpoint loaders of the package (`from glide_text2im.download import load_checkpoint`): local name → its package.
    const loaders = new Map<string, string>();
    for (const m of ctx.text.matchAll(PACKAGE_IMPORT)) {
      if (!m[1].includes('.', 1) && !m[1].startsWith('.')) continue;
      if (INSTALLED.test(m[1]) || factories.size + loops.size >= MAX_NAMES) continue;
      const file = `${m[1].replace(/^\.+/, '').replace(/\./g, '/')}.py`;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!name) continue;
        const local = name[2] ?? name[1];
        if (FACTORY.test(name[1])) factories.add(local);
        else if (LOOP_CLASS.test(name[1])) loops.set(local, file);
        else if (CHECKPOINT_LOADER.test(name[1]) && !m[1].startsWith('.') && loaders.size < MAX_NAMES)
          loaders.set(local, m[1].slice(0, m[1].indexOf('.')));
      }
    }
    // A package imported whole whose factory takes OpenCLIP's signature (`import mypkg`, then
    // `model, _, preprocess = mypkg.create_model_and_transforms(arch, pretrained=path)`): a CLIP-family package's own
    // factory, the weights loaded by its `pretrained=` (twenty-third round, set Z).
    for (const m of ctx.text.matchAll(WHOLE_IMPORT)) {
      if (INSTALLED.test(m[1]) || OWN_RULES.test(m[1]) || factories.size >= MAX_NAMES) continue;
      for (const c of ctx.text.matchAll(new RegExp(`(?:^|[^\\w.])${m[1]}\\.(\\w{1,60})[ \\t]*\\(`, 'gm'))) {
        if (!FACTORY.test(c[1]) || factories.size >= MAX_NAMES) continue;
        factories.add(`${m[1]}.${c[1]}`);
      }
    }
    if (factories.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set([...factories, ...loops.keys()]), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    // `model = build_model(...)` / `model, diffusion = create_model_and_diffusion(...)`: the name the network gets.
    const built = new RegExp(
      `^\\s*(\\w+)\\s*(?:,[\\w\\s,]{0,200})?=\\s*(${[...factories].map(escapeRegExp).join('|')})\\s*\\(`,
    );
    let model: string | undefined;
    let factory = '';
    let builtRow = -1;
    for (let row = 0; row < code.length && model === undefined; row++) {
      // Under a main guard the build may sit in any function the program calls; without one (a notebook's cells, a
      // script written top to bottom) only a build at module level runs when the file does.
      const m = executed[row] === 1 && (guarded || /^\S/.test(code[row])) ? built.exec(code[row]) : null;
      if (m) [model, factory, builtRow] = [m[1], m[2], row];
    }
    if (model === undefined) return;
    const rangeAt = (row: number): Fact['range'] => lineRange(row, code[row].length);
    const text = code.join('\n');
    // Weights loaded into it afterwards, or handed to a factory of OpenCLIP's signature (`pretrained=path`).
    const loadsWeights =
      new RegExp(`\\b${model}\\.load_state_dict\\s*\\(`).test(text) ||
      (factory.includes('.') && PRETRAINED_GIVEN.test(code.slice(builtRow, builtRow + 4).join('\n')));
    // A training-loop class of the package handed the model (`TrainLoop(model=model, ...)`, `Trainer(model, ...)`).
    if (loops.size > 0 && !loadsWeights) {
      const loopCall = new RegExp(`(?:^|[^\\w.])(${[...loops.keys()].join('|')})\\s*\\(`);
      for (let row = builtRow + 1; row < code.length; row++) {
        const m = executed[row] === 1 ? loopCall.exec(code[row]) : null;
        if (!m) continue;
        const call = code.slice(row, row + 6).join('\n');
        if (!new RegExp(`\\(\\s*${model}\\b|\\bmodel\\s*=\\s*${model}\\b`).test(call)) continue;
        const file = loops.get(m[1])!;
        ctx.facts.push(
          {
            kind: 'launch.trainer',
            value: m[1],
            range: rangeAt(row),
            confidence: 'medium',
            detail: `${m[1]}(...) from ${file} trains ${model}, which ${factory}(...) builds`,
          },
          {
            kind: 'model.fromScratch',
            value: true,
            range: rangeAt(builtRow),
            confidence: 'medium',
            detail: `${factory}(...) builds ${model} and nothing loads weights into it: fresh weights`,
          },
          {
            kind: 'link.module',
            value: file,
            range: rangeAt(row),
            confidence: 'low',
            detail: `${m[1]}(...) from ${file} runs the training loop`,
          },
        );
        return;
      }
      return;
    }
    // Trained weights loaded into the built network and put in eval mode, nothing trained here: sampling or evaluation.
    if (!loadsWeights || TRAINS_HERE.test(text)) return;
    const evalRow = code.findIndex((line, row) => executed[row] === 1 && line.includes(`${model}.eval()`));
    if (evalRow < 0) return;
    ctx.facts.push({
      kind: 'launch.inference',
      value: `${model}.eval`,
      range: rangeAt(evalRow),
      confidence: 'medium',
      detail: `${model}, built by ${factory}(...), is loaded from a checkpoint and put in eval mode: the program samples or evaluates with it (inference)`,
    });
    const lines = ctx.text.split('\n');
    const released = releasedCheckpoint(lines, executed, model, loaders);
    if (released)
      ctx.facts.push({
        kind: 'model.id',
        value: released.name,
        range: rangeAt(released.row),
        confidence: 'medium',
        detail: `${model}.load_state_dict(${released.loader}('${released.key}', ...)): the released checkpoint '${released.key}' of the ${released.pkg} package`,
      });
    const precision = fp16Switch(lines, executed);
    if (precision) ctx.facts.push({ kind: 'training.precision', confidence: 'medium', ...precision });
  },
};

/** A package's loader of its released checkpoints by key: `load_checkpoint`, `fetch_checkpoint`, `download_checkpoint`. */
const CHECKPOINT_LOADER = /^(?:load|fetch|download|get)_(?:[a-z0-9]{1,20}_)?checkpoint$/;

/**
 * `model.load_state_dict(load_checkpoint('base', device))` with the loader imported from an installed research package
 * (`from glide_text2im.download import load_checkpoint`): the network is that package's released checkpoint under the
 * key given. A key is the package's own word for it ('base', 'upsample'), so the model is named `<package>-<key>`.
 */
function releasedCheckpoint(
  lines: readonly string[],
  executed: Uint8Array,
  model: string,
  loaders: ReadonlyMap<string, string>,
): { name: string; key: string; loader: string; pkg: string; row: number } | undefined {
  if (loaders.size === 0) return undefined;
  const call = new RegExp(
    `^[ \\t]*${model}\\.load_state_dict\\([ \\t]*(\\w{1,60})\\([ \\t]*["']([A-Za-z][\\w-]{0,60})["']`,
  );
  for (let row = 0; row < lines.length; row++) {
    if (executed[row] !== 1 || lines[row].length > 2000 || !lines[row].includes('load_state_dict')) continue;
    const m = call.exec(lines[row]);
    const pkg = m ? loaders.get(m[1]) : undefined;
    if (m && pkg && /^[A-Za-z][\w-]{1,60}$/.test(pkg))
      return { name: `${pkg}-${m[2]}`, key: m[2], loader: m[1], pkg, row };
  }
  return undefined;
}

/** `options['use_fp16'] = has_cuda`: the factory's half-precision switch set on the settings dict it is handed. */
const FP16_ITEM = /^[ \t]*\w{1,60}\[["']use_fp16["']\][ \t]*=[ \t]*([\w.]{1,80}(?:\(\))?)[ \t]*(?:#.*)?$/;
/** `use_fp16=True` as a keyword of a call (the factory's, or a dict(...) of its settings). */
const FP16_KEYWORD = /(?:^|[(,\s])use_fp16[ \t]*=[ \t]*([\w.]{1,80}(?:\(\))?)[ \t]*[,)]/;
const CUDA_AVAILABLE = /^\w{1,40}\.cuda\.is_available\(\)$/;

/**
 * The guided-diffusion family's half-precision switch handed to the package's factory (`use_fp16`, which makes the
 * UNet cast its torso to float16: `self.dtype = th.float16 if use_fp16 else th.float32`), as the program sets it in
 * code that runs: `True` is float16, `False` float32; the CUDA test (`th.cuda.is_available()`, or a name bound to
 * it) is float16 on the GPU the estimate assumes, as `fp16=torch.cuda.is_available()` is read elsewhere.
 */
function fp16Switch(
  lines: readonly string[],
  executed: Uint8Array,
): { value: 'fp16' | 'fp32'; range: Fact['range']; detail: string } | undefined {
  for (let row = 0; row < lines.length; row++) {
    if (executed[row] !== 1 || !lines[row].includes('use_fp16') || lines[row].length > 2000) continue;
    const value = (FP16_ITEM.exec(lines[row]) ?? FP16_KEYWORD.exec(lines[row]))?.[1];
    if (value === undefined) continue;
    const range = lineRange(row, lines[row].length);
    if (value === 'True') return { value: 'fp16', range, detail: 'use_fp16 = True: the network runs in float16' };
    if (value === 'False') return { value: 'fp32', range, detail: 'use_fp16 = False: the network runs in float32' };
    const bound = /^\w{1,60}$/.test(value)
      ? new RegExp(`^${value}[ \\t]*=[ \\t]*\\w{1,40}\\.cuda\\.is_available\\(\\)`)
      : undefined;
    const cuda =
      CUDA_AVAILABLE.test(value) || (bound !== undefined && lines.some((l) => l.length < 500 && bound.test(l)));
    if (cuda)
      return {
        value: 'fp16',
        range,
        detail: `use_fp16 = ${value} (CUDA is available): the network runs in float16 on a GPU`,
      };
    return undefined;
  }
  return undefined;
}
