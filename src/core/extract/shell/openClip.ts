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
 */
export function readOpenClipTrain(command: LaunchCommand, module: string, out: LaunchSink): void {
  const text = command.text;
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
  if (module === 'open_clip_train.main') return true;
  return (
    module === 'training.main' &&
    /\s--(?:zeroshot-frequency|imagenet-val|train-num-samples|local-loss|gather-with-grad)\b/.test(text)
  );
}
