import type { LaunchCommand, LaunchSink } from './launchers';
import { unquote } from './words';

/**
 * OpenCLIP's training program from the shell (`python -m open_clip_train.main`, `torchrun ... -m
 * open_clip_train.main`; before open_clip 2.23 the same program was `-m training.main`). What its flags mean
 * is from the project's README ("Training CLIP") and src/open_clip_train/params.py:
 *
 * - `--model` names an architecture of open_clip's own factory (`ViT-B-32`, `RN50`, `ViT-H-14`): both towers of a
 *   CLIP model, not torchvision's image-only `vit_b_32`. The catalog keys those rows `open_clip:NAME`.
 * - `--pretrained` names weights (a tag such as `laion2b_s34b_b79k`, or a checkpoint path); without it the
 *   factory initialises the model randomly (params.py: `--pretrained` default `''`), so a training launch
 *   without it trains from scratch.
 * - `--precision` (params.py choices `amp`, `amp_bf16`, `amp_bfloat16`, `bf16`, `fp16`, `pure_bf16`, `pure_fp16`,
 *   `fp32`): `amp` is `torch.autocast` in float16 and `amp_bf16` in bfloat16 (open_clip_train/precision.py
 *   `get_autocast`), `pure_*`/`fp16`/`bf16` cast the model itself. Read only when the launch gives it.
 * - `--train-num-samples` is the number of samples in the dataset (params.py help: "Number of samples in dataset.
 *   Required for webdataset if not available in info file"): one epoch is that many samples (with
 *   `--dataset-resampled`, that many drawn with replacement), so `--epochs` of them make the run.
 *
 * Twenty-third round (set Z): a repository shipping its own copy of the trainer runs it as `-m src.open_clip_train.main`
 * (open_clip's src layout kept under the repository's `src/`): the same program.
 */
/** `--precision` values of open_clip's trainer and the compute precision each gives. */
const PRECISION: Readonly<Record<string, 'fp16' | 'bf16' | 'fp32'>> = {
  amp: 'fp16',
  fp16: 'fp16',
  pure_fp16: 'fp16',
  amp_bf16: 'bf16',
  amp_bfloat16: 'bf16',
  bf16: 'bf16',
  pure_bf16: 'bf16',
  fp32: 'fp32',
};

export function readOpenClipTrain(command: LaunchCommand, module: string, out: LaunchSink): void {
  const text = command.text;
  const precision = unquote(/\s--precision[=\s]+(\S+)/.exec(text)?.[1]);
  if (precision && Object.hasOwn(PRECISION, precision)) {
    out.add(
      'training.precision',
      PRECISION[precision],
      `--precision ${precision} (open_clip: ${precision.startsWith('amp') ? 'autocast' : 'the model cast'} in ${PRECISION[precision]})`,
      'high',
      '--precision',
    );
    out.consume('precision');
  }
  const samples = unquote(/\s--train-num-samples[=\s]+(\S+)/.exec(text)?.[1]);
  if (samples && /^\d{1,15}$/.test(samples) && Number(samples) > 0) {
    out.add(
      'training.datasetSamples',
      Number(samples),
      `--train-num-samples ${samples}: the samples of one open_clip epoch`,
      'high',
      '--train-num-samples',
    );
    out.consume('train_num_samples');
  }
  const model = unquote(/\s--model[=\s]+(\S+)/.exec(text)?.[1]);
  if (model && /^[\w.-]{1,100}$/.test(model)) {
    out.add('model.id', `open_clip:${model}`, `--model ${model} (an open_clip architecture)`, 'high', '--model');
    out.consume('model');
  }
  // A pretrained tag or path loads weights; without it, and with training data given, the program trains its
  // architecture from random weights.
  const pretrained = unquote(/\s--pretrained[=\s]+(\S+)/.exec(text)?.[1]);
  if (pretrained && !pretrained.startsWith('-'))
    out.add('model.fromScratch', false, `--pretrained ${pretrained}: trained weights`, 'high', '--pretrained');
  else if (/\s--train-data[=\s]/.test(text))
    out.add(
      'model.fromScratch',
      true,
      `-m ${module} without --pretrained: open_clip initialises the model randomly`,
      'high',
    );
}

/** The open_clip training module, by name; the pre-2.23 `training.main` only with a flag only OpenCLIP's trainer has. */
export function isOpenClipTrain(module: string, text: string): boolean {
  if (/^(?:[A-Za-z_]\w{0,60}\.)?open_clip_train\.main$/.test(module)) return true;
  return (
    /^(?:[A-Za-z_]\w{0,60}\.)?training\.main$/.test(module) &&
    /\s--(?:zeroshot-frequency|imagenet-val|train-num-samples|local-loss|gather-with-grad)\b/.test(text)
  );
}
