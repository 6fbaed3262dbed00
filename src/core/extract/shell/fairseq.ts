import type { Launcher, LaunchCommand, LaunchOutcome, LaunchSink } from './launchers';
import { unquote } from './words';

/**
 * fairseq's command-line programs (setup.py console scripts and the files they run, fairseq_cli/*.py):
 * `fairseq-train DATA --arch A ...` trains, `fairseq-hydra-train --config-dir D --config-name N [overrides]` trains the
 * Hydra config it names, `fairseq-generate`/`fairseq-interactive`/`fairseq-eval-lm`/`fairseq-validate` load the
 * `--path` checkpoint and decode or score with it. `python …/fairseq_cli/train.py` (and the others) are the same
 * programs. Flag meanings and defaults are fairseq's (v0.12, fairseq/dataclass/configs.py and options.py):
 * `--max-update` optimizer updates and `--max-epoch` epochs (0: no bound), `--fp16`/`--memory-efficient-fp16` and
 * `--bf16` (both off by default: fp32), `--distributed-world-size` (default: every visible GPU), `--restore-file`
 * (default `checkpoint_last.pt`, resuming the run's own checkpoint) and `--finetune-from-model` (a fine-tune).
 */

const PROGRAM =
  /^(?:fairseq-(train|hydra-train|generate|interactive|eval-lm|validate)|python3?\s+(?:-u\s+)?["']?(?:[\w.${}~-]*\/)*fairseq_cli\/(train|hydra_train|generate|interactive|eval_lm|validate)\.py["']?)(?=\s|$)/;

const TRAINING = new Set(['train', 'hydra-train', 'hydra_train']);

/** The value after a flag (`--arch X`, `--arch=X`, `-a X`), unquoted. */
function flagValue(words: readonly string[], ...flags: string[]): { value: string; word: string } | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const flag of flags) {
      if (words[i] === flag && i + 1 < words.length) return { value: unquote(words[i + 1]), word: words[i + 1] };
      if (words[i].startsWith(`${flag}=`)) return { value: unquote(words[i].slice(flag.length + 1)), word: words[i] };
    }
  }
  return undefined;
}

function has(words: readonly string[], flag: string): boolean {
  return words.some((w) => w === flag || w.startsWith(`${flag}=`));
}

function wholeNumber(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** A sweep's mean written in place of the value (`7.333`): a positive decimal. */
function sweptMean(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,6}\.\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function readFairseqCommand(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const m = PROGRAM.exec(command.text);
  if (!m) return;
  const program = m[1] ?? m[2];
  const words = command.words;
  out.add('run.framework', 'fairseq', `fairseq ${program}`);
  out.consume('fp16', 'bf16', 'max_epoch', 'max_update', 'distributed_world_size', 'arch');
  readPrecision(words, out);
  const world = flagValue(words, '--distributed-world-size', '--distributed_world_size');
  const n = wholeNumber(world?.value);
  if (world && n) out.add('hardware.devices', n, `--distributed-world-size ${n}`, 'high', world.word);
  if (!TRAINING.has(program)) {
    const path = flagValue(words, '--path');
    if (path) readCheckpointModel(path, out);
    out.add('training.mode', 'inference', `fairseq ${program} decodes or scores with the --path checkpoint`);
    out.add('launch.inference', `fairseq-${program.replace('_', '-')}`, `fairseq ${program}`);
    return 'own-links';
  }
  if (program !== 'train') return readHydraTrain(command, out);
  readTrainingFlags(words, out);
  out.add('launch.trainer', 'fairseq-train', 'fairseq-train');
  return 'own-links';
}

/** fairseq-train's flags: the architecture, the length, and the checkpoint it starts from (none: from scratch). */
function readTrainingFlags(words: readonly string[], out: LaunchSink): void {
  const arch = flagValue(words, '--arch', '-a');
  if (arch && /^[A-Za-z][\w.-]{0,80}$/.test(arch.value))
    out.add('model.id', arch.value, `--arch ${arch.value} (a fairseq registered architecture)`, 'high', arch.word);
  const update = flagValue(words, '--max-update', '--max_update');
  const steps = wholeNumber(update?.value);
  if (update && steps) out.add('training.steps', steps, `--max-update ${steps}`, 'high', update.word);
  // `--total-num-update N`: the length the polynomial-decay schedule is planned over (fairseq's
  // PolynomialDecayLRScheduleConfig.total_num_update), the run's length where no --max-update bounds it.
  const planned = update ? undefined : flagValue(words, '--total-num-update', '--total_num_update');
  const plannedSteps = wholeNumber(planned?.value);
  if (planned && plannedSteps)
    out.add(
      'training.steps',
      plannedSteps,
      `--total-num-update ${plannedSteps}: the updates the learning-rate schedule is planned over`,
      'medium',
      planned.word,
    );
  const epoch = flagValue(words, '--max-epoch', '--max_epoch');
  // A sweep's launch holds the mean of its values (`for max_epoch in 5 7 10`: 7.333, shell/sweptValues.ts).
  const epochs = wholeNumber(epoch?.value) ?? sweptMean(epoch?.value);
  if (epoch && epochs) out.add('training.epochs', epochs, `--max-epoch ${epochs}`, 'high', epoch.word);
  const restore = flagValue(words, '--restore-file', '--restore_file');
  const from =
    flagValue(words, '--finetune-from-model', '--finetune_from_model') ??
    (restore && !/(?:^|\/)checkpoint_last\.pt$/.test(restore.value) ? restore : undefined);
  if (from) {
    out.add('model.fromScratch', false, `starts from the checkpoint ${from.value}`, 'high', from.word);
    out.add('training.mode', 'finetune', `fine-tunes the checkpoint ${from.value}`, 'high', from.word);
  } else {
    out.add('model.fromScratch', true, 'no --restore-file or --finetune-from-model: random init', 'medium');
    out.add('training.mode', 'pretrain', 'fairseq-train with no checkpoint to start from: from scratch', 'medium');
  }
}

/** `--user-dir ofa_module`: fairseq's flag that imports a folder of the project's own tasks and models. */
const USER_DIR = /^--user[-_]dir(?:=|$)/;
/** Flags only fairseq's training parser defines (options.get_training_parser): the line trains. */
const TRAINING_ONLY_FLAG = /^--(?:arch|optimizer|criterion|max[-_]epoch|max[-_]update|lr[-_]scheduler)(?:=|$)/;
/**
 * A project's own copy of fairseq's programs (`python -m torch.distributed.launch ../../train.py DATA --user-dir
 * ../../ofa_module --arch ofa_large --restore-file ofa_large.pt --max-epoch 5`, `../../evaluate.py DATA --path
 * x_best.pt --user-dir ../../ofa_module --beam 5`): `--user-dir` is fairseq's own flag, "path to a python module
 * containing custom extensions (tasks and/or architectures)" (fairseq/options.py, get_parser), so the line runs a
 * program built on fairseq's parsers, whose flags mean what they mean to fairseq-train and fairseq-generate (OFA,
 * Uni-Core and other fairseq-derived research code keep this layout). A training-only flag says it trains; `--path`
 * without one, that it decodes with that checkpoint. Returns what the line does, undefined for no such line.
 */
export function readFairseqPluginLaunch(command: LaunchCommand, out: LaunchSink): 'train' | 'inference' | undefined {
  const words = command.words;
  if (!words.some((w) => USER_DIR.test(w))) return undefined;
  const trains = words.some((w) => TRAINING_ONLY_FLAG.test(w));
  const path = trains ? undefined : flagValue(words, '--path');
  if (!trains && !path) return undefined;
  out.add('run.framework', 'fairseq', 'a fairseq program (--user-dir)');
  if (trains) out.consume('fp16', 'bf16', 'max_epoch', 'max_update', 'distributed_world_size', 'arch');
  else out.consume('fp16', 'bf16');
  readPrecision(words, out);
  if (path) {
    readCheckpointModel(path, out);
    return 'inference';
  }
  readTrainingFlags(words, out);
  return 'train';
}

/** `checkpoints/caption_large_best.pt`: a checkpoint file named as a word (letters first), not `checkpoint_best.pt`. */
const NAMED_CHECKPOINT = /(?:^|\/)([A-Za-z][\w.-]{0,100})\.(?:pt|pth)$/;

/**
 * The checkpoint `--path` loads, as the model's name (`--path ../../checkpoints/caption_huge_best.pt`): what the run
 * decodes with is that file, whatever architecture it holds. fairseq's own run outputs (`checkpoint_best.pt`,
 * `checkpoint_last.pt`, `checkpoint12.pt`) name no model; nor does a path held in a variable or several joined by `:`.
 */
function readCheckpointModel(path: { value: string; word: string }, out: LaunchSink): void {
  const name = NAMED_CHECKPOINT.exec(path.value)?.[1];
  if (!name || path.value.includes(':') || /^checkpoint(?:_\w+|\d+)?$/.test(name)) return;
  out.add('model.id', name, `--path ${path.value}: the checkpoint it decodes with`, 'low', path.word);
}

/** `--fp16`/`--memory-efficient-fp16` → fp16, `--bf16`/`--memory-efficient-bf16` → bf16, neither: fairseq's fp32. */
function readPrecision(words: readonly string[], out: LaunchSink): void {
  for (const [flag, precision] of [
    ['--bf16', 'bf16'],
    ['--memory-efficient-bf16', 'bf16'],
    ['--fp16', 'fp16'],
    ['--memory-efficient-fp16', 'fp16'],
  ] as const) {
    if (has(words, flag)) {
      out.add('training.precision', precision, flag, 'high', flag);
      return;
    }
  }
  // Hydra-style overrides state it themselves (`common.fp16=true`); a flag held in a variable may too.
  if (words.some((w) => /(?:^|\.)(?:fp16|bf16)=/.test(w) || /^["']?\$/.test(w))) return;
  out.add('training.precision', 'fp32', 'no --fp16/--bf16: fairseq runs in fp32 (its default)', 'medium');
}

/** `fairseq-hydra-train --config-dir D --config-name N`: the Hydra config D/N.yaml is the run's definition. */
function readHydraTrain(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const dir = flagValue(command.words, '--config-dir', '-cd');
  const name = flagValue(command.words, '--config-name', '-cn');
  if (dir && name && !dir.value.includes('$') && !name.value.includes('$'))
    out.add(
      'link.config',
      `${dir.value.replace(/\/+$/, '')}/${name.value.replace(/\.ya?ml$/, '')}.yaml`,
      `--config-dir ${dir.value} --config-name ${name.value}`,
      'high',
      name.word,
    );
  out.add('launch.trainer', 'fairseq-hydra-train', 'fairseq-hydra-train');
  return 'own-links';
}

export const fairseqCli: Launcher = {
  name: 'fairseq',
  pattern: PROGRAM,
  words: ['fairseq-', 'fairseq_cli/'],
  read: readFairseqCommand,
};

/**
 * A Hydra override of fairseq's `common_eval.path` (`common_eval.path=exp/checkpoint_best.pt`): CommonEvalConfig.path,
 * "path(s) to model file(s)" (fairseq/dataclass/configs.py), is the checkpoint fairseq's evaluation programs load and
 * decode or score with (fairseq-generate, fairseq-validate, the Hydra decoders written on them such as
 * examples/speech_recognition/new/infer.py); training reads `checkpoint.*` instead. A line that sets it runs a trained
 * model: an inference run, whatever program it names. Returns the override, or undefined.
 */
export function fairseqEvaluationOverride(command: LaunchCommand): string | undefined {
  const word = command.words.find((w) => /^\+{0,2}common_eval\.path=\S/.test(w));
  return word ? `${word}: fairseq's evaluation programs load and decode with this checkpoint` : undefined;
}
