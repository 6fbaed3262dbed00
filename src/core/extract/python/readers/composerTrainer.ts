import type { Node } from 'web-tree-sitter';
import type { FactKind } from '../../../facts';
import { callKeyword, evaluate } from '../../pythonValues';
import { parseComposerDuration } from '../../composerDuration';
import { truncate, type PythonReadContext } from '../context';
import { readModelKeyword } from '../keywords';
import type { CallRule } from '../rules';

/**
 * Composer's `Trainer` used only to evaluate (`trainer = Trainer(model=model, eval_dataloader=loader)` then
 * `trainer.eval()`, and no `fit()`): Trainer.eval runs the model over its eval dataloaders and computes the metrics,
 * forward passes only (docs.mosaicml.com/projects/composer, composer.Trainer.eval). The run is an inference run; an
 * unset `precision=` is Composer's default, amp_fp16 on GPU ("If the precision argument is not specified, the Trainer
 * defaults to using amp_fp16 on GPU and fp32 on CPU", Composer docs, Notes: Numerics).
 */
const COMPOSER_TRAINER_IMPORT = /^from[ \t]+composer(?:\.trainer)?[ \t]+import[ \t][^\n]{0,300}\bTrainer\b/m;
/** `trainer = Trainer(`: the name the Trainer is bound to. */
const TRAINER_BINDING = /^[ \t]{0,40}(\w{1,40})[ \t]*=[ \t]*Trainer\(/gm;
/** Composer device names other than a GPU (`device='cpu'`, `device="mps"`, `device='tpu'`). */
const NOT_GPU_DEVICE = /\bdevice[ \t]*=[ \t]*['"](?:cpu|mps|tpu|neuron)['"]/;

function composerTrainerNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!COMPOSER_TRAINER_IMPORT.test(text)) return names;
  for (const m of text.matchAll(TRAINER_BINDING)) {
    names.add(m[1]);
    if (names.size >= 8) break;
  }
  return names;
}

export const composerTrainerEval: CallRule = {
  framework: 'composer',
  callees: ['eval'],
  words: ['.eval('],
  runStart: [/\bfrom[ \t]+composer\b/, /\.eval\([ \t]*\)/],
  when: ({ full, ctx }) => {
    const dot = full.lastIndexOf('.');
    if (dot <= 0 || !ctx.text.includes('Trainer(') || /\.fit\(/.test(ctx.text)) return false;
    return composerTrainerNames(ctx.text).has(full.slice(0, dot));
  },
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.inference',
      'composer:Trainer.eval',
      node,
      `${full}() evaluates the model with Composer's Trainer (no fit): forward passes only`,
    );
    ctx.add('training.mode', 'inference', node, `${full}(): a Composer evaluation`, 'medium');
    if (!/\bprecision[ \t]*=/.test(ctx.text) && !NOT_GPU_DEVICE.test(ctx.text))
      ctx.add(
        'training.precision',
        'fp16',
        node,
        "Composer's Trainer without precision= uses amp_fp16 on GPU",
        'medium',
      );
  },
};

/**
 * Composer's `Trainer` set up to train (`trainer = Trainer(model=..., max_duration='3ep', ...)` then `trainer.fit()`),
 * read by Composer's own semantics rather than as a Hugging Face Trainer (the HF defaults, 3 epochs and float32, do
 * not hold for it):
 *
 * - `max_duration`: a time string in Composer's units (`'3ep'` epochs, `'500ba'` batches = optimizer steps, `'1tok'`
 *   tokens, `'1sp'` samples) or a bare integer, which Composer reads as epochs (`ensure_time(max_duration,
 *   TimeUnit.EPOCH)`, composer/trainer/trainer.py; docs.mosaicml.com, composer.Trainer `max_duration`).
 * - `train_subset_num_batches=n`: "If specified, finish every epoch early after training on this many batches"
 *   (composer.Trainer docs), so a duration in epochs trains epochs × n batches.
 * - `precision`: `'fp32'`, `'amp_fp16'`, `'amp_bf16'`, `'amp_fp8'` (composer.core.Precision; `'amp'` is the older
 *   name of amp_fp16). Unset, "the Trainer defaults to using amp_fp16 on GPU and fp32 on CPU" (Composer docs, Notes:
 *   Numerics); the run states `run.framework: composer` so the resolver applies that default on the run's GPU, and a
 *   `device='cpu'`/`'tpu'` Trainer states fp32 itself (`Precision.AMP_FP16 if isinstance(device, DeviceGPU) else
 *   Precision.FP32`, composer/trainer/trainer.py).
 * - `load_path` or `autoresume=True` continues a checkpoint, and `max_duration` is then the total length of the run
 *   being continued ("the trainer will resume ... and train until max_duration", composer docs, Checkpointing), so
 *   such a Trainer's length is the run's, ahead of the Trainers before it in the file.
 */
const COMPOSER_PRECISION: Readonly<Record<string, string>> = {
  fp32: 'fp32',
  amp: 'fp16',
  amp_fp16: 'fp16',
  amp_bf16: 'bf16',
  amp_fp8: 'fp8',
};
/** `composer.Trainer(` / `composer.trainer.Trainer(` written in full. */
const COMPOSER_QUALIFIED = /^composer(?:\.trainer(?:\.trainer)?)?\.Trainer$/;

function isComposerTrainer(full: string, text: string): boolean {
  if (COMPOSER_QUALIFIED.test(full)) return true;
  return full === 'Trainer' && COMPOSER_TRAINER_IMPORT.test(text);
}

function readComposerDuration(call: Node, ctx: PythonReadContext, continues: boolean): void {
  const node = callKeyword(call, 'max_duration');
  if (!node) return;
  const r = evaluate(node, ctx.symbols);
  const confidence = continues ? 'high' : 'medium';
  let parsed: { kind: FactKind; value: number; unit: string } | null = null;
  if (typeof r?.value === 'number' && Number.isInteger(r.value) && r.value > 0)
    parsed = { kind: 'training.epochs', value: r.value, unit: 'ep' };
  else if (typeof r?.value === 'string') parsed = parseComposerDuration(r.value);
  if (!r || !parsed) {
    ctx.add('training.epochs', null, node, `max_duration=${truncate(node.text, 40)} is not a literal duration`, 'low');
    return;
  }
  const via = r.via ? ` (${r.via})` : '';
  const label = `max_duration=${truncate(node.text, 40)} in Composer's Trainer${via}${continues ? ', the total of the run it resumes' : ''}`;
  ctx.add(parsed.kind, parsed.value, node, label, confidence);
  if (parsed.kind !== 'training.epochs') return;
  const subset = callKeyword(call, 'train_subset_num_batches');
  const n = subset ? evaluate(subset, ctx.symbols)?.value : undefined;
  if (subset && typeof n === 'number' && Number.isInteger(n) && n > 0)
    ctx.add(
      'training.steps',
      parsed.value * n,
      subset,
      `${parsed.value} epochs × train_subset_num_batches=${n} (each epoch ends after ${n} batches)`,
      confidence,
    );
}

function readComposerPrecision(call: Node, ctx: PythonReadContext): void {
  const node = callKeyword(call, 'precision');
  if (node) {
    const r = evaluate(node, ctx.symbols);
    const name = typeof r?.value === 'string' ? r.value.trim().toLowerCase() : undefined;
    const precision =
      name !== undefined && Object.hasOwn(COMPOSER_PRECISION, name) ? COMPOSER_PRECISION[name] : undefined;
    if (precision)
      ctx.add(
        'training.precision',
        precision,
        node,
        `precision=${truncate(node.text, 40)} in Composer's Trainer${r?.via ? ` (${r.via})` : ''}`,
        r?.via ? 'medium' : 'high',
      );
    else
      ctx.add('training.precision', null, node, `precision=${truncate(node.text, 40)} is not read statically`, 'low');
    return;
  }
  const device = callKeyword(call, 'device');
  const d = device ? evaluate(device, ctx.symbols)?.value : undefined;
  if (device && typeof d === 'string' && /^(?:cpu|tpu|mps|neuron)$/i.test(d.trim()))
    ctx.add(
      'training.precision',
      'fp32',
      device,
      `Composer's Trainer on device='${d}' without precision= computes in fp32 (amp_fp16 is its default on GPU only)`,
      'medium',
    );
}

export const composerTrainerFit: CallRule = {
  framework: 'composer',
  callees: ['Trainer'],
  words: ['max_duration'],
  when: ({ full, ctx }) => isComposerTrainer(full, ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const continues =
      callKeyword(node, 'load_path') !== null || evaluate(callKeyword(node, 'autoresume'), ctx.symbols)?.value === true;
    ctx.add('run.framework', 'composer', fn, `${full}(...) is Composer's Trainer`, 'medium');
    // Composer's Trainer trains only when fit() is called; a Trainer set up to evaluate is read by composerTrainerEval.
    if (/\.fit\(/.test(ctx.text)) ctx.add('launch.trainer', 'construct:Trainer', fn, `${full}(...) sets up training`);
    readComposerDuration(node, ctx, continues);
    readComposerPrecision(node, ctx);
    readModelKeyword(node, ctx, 'Trainer', false);
  },
};
