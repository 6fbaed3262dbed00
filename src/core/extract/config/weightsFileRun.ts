import {
  type ConfigDialect,
  type ConfigDoc,
  type ConfigValue,
  type FactSink,
  firstPresent,
  positiveIntegerAt,
} from './dialect';
import { findModelByName } from '../../knowledge';

/**
 * Flat run configs of research trainers that name, key by key, the weights files the program loads
 * (`<role>_checkpoint_path: models/<net>.safetensors`, one per network: the one trained, frozen encoders, a decoder),
 * and that the program reads whole into its own frozen config dataclass (`python train/train_x.py <this>.yaml`; the
 * program needs one, python/entryPoint.ts). The shape of WarpCore-style trainers (Würstchen, Stable Cascade and their
 * forks) and of many paper repositories. Two kinds share it:
 * - training: a learning rate (`lr`/`learning_rate`), a batch (`batch_size`, generic key table) and a length counted
 *   in optimizer *updates* (`updates`, `total_updates`, `max_updates`; beside `warmup_updates`). A weights file named
 *   for a network the run loads means it starts from pretrained weights (a fine-tune); a low-rank adapter is trained
 *   when a `rank` is given with the modules it adapts (`module_filters`/`target_modules`);
 * - sampling: no training key at all, a compute `dtype`, and the weights files: the settings the program (or a
 *   notebook) samples with.
 * Neither says which file is the network the run is about: a weights file whose name is a release the catalog knows
 * (the files a release ships, loaded by name) is that network; otherwise the model is left unknown. The dtype a
 * trainer computes in is the program's (its autocast), not the file's.
 */

const STEP_KEYS = ['updates', 'total_updates', 'max_updates'];
const LR_KEYS = ['lr', 'learning_rate'];
/** A weights file under a `<role>_checkpoint_path` / `<role>_ckpt_path` key (a bare `checkpoint_path` is the output). */
const WEIGHTS_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:checkpoint|ckpt)_path$/;
const WEIGHTS_FILE = /\.(?:safetensors|pt|pth|ckpt|bin)$/i;
const ADAPTED_MODULES = ['module_filters', 'target_modules'];
/** Keys that make a file a training one: never in a sampling config. */
const TRAINING_KEYS = [...LR_KEYS, ...STEP_KEYS, 'epochs', 'num_epochs', 'max_steps', 'warmup_updates', 'optimizer'];
const DTYPES: Readonly<Record<string, string>> = {
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  float: 'fp32',
};
/** More top-level keys than a run config of this kind holds: some other document. */
const MAX_KEYS = 80;

/** The weights files the config names, in order. */
function weightsFiles(doc: ConfigDoc): ConfigValue[] {
  return doc
    .entries()
    .filter((e) => WEIGHTS_KEY.test(e.key) && typeof e.value === 'string' && WEIGHTS_FILE.test(e.value.trim()));
}

/**
 * The weights file whose name is a release the catalog knows (`stage_c_bf16.safetensors`, a file the release ships
 * under that name): that network is the run's; the others (a frozen encoder, a previewer) are not in the catalog.
 * Only one such file: two would leave open which network the run is about.
 */
function releasedWeights(weights: readonly ConfigValue[]): { stem: string; id: string; at: ConfigValue } | undefined {
  const known = weights.flatMap((at) => {
    const stem = /([^/\\]{1,120})\.[A-Za-z]{2,12}$/.exec(String(at.value).trim())?.[1];
    const row = stem ? findModelByName(stem) : undefined;
    return stem && row ? [{ stem, id: row.id, at }] : [];
  });
  return known.length === 1 ? known[0] : undefined;
}

/** Flat: top-level values are scalars, lists, or small maps of scalars (no sections of a structured config). */
function isFlat(doc: ConfigDoc): boolean {
  const entries = doc.entries();
  return (
    entries.length <= MAX_KEYS &&
    entries.every(
      (e) => e.shape !== 'map' || doc.entries(e.path).every((v) => v.shape === 'scalar' || v.shape === 'seq'),
    )
  );
}

function trainingLength(doc: ConfigDoc) {
  for (const k of STEP_KEYS) {
    const steps = positiveIntegerAt(doc, k);
    if (steps) return steps;
  }
  return undefined;
}

function kindOf(doc: ConfigDoc): 'training' | 'sampling' | undefined {
  if (doc.prefix !== '' || weightsFiles(doc).length === 0 || !isFlat(doc)) return undefined;
  if (trainingLength(doc) && firstPresent(doc, LR_KEYS) && doc.has('batch_size')) return 'training';
  const dtype = doc
    .str('dtype')
    ?.trim()
    .replace(/^torch\./, '');
  if (dtype && DTYPES[dtype] && !TRAINING_KEYS.some((k) => doc.has(k))) return 'sampling';
  return undefined;
}

export const weightsFileRun: ConfigDialect = {
  name: 'weights-file-run',
  words: ['checkpoint_path', 'ckpt_path'],
  owns: (path) => STEP_KEYS.includes(path),
  detect: (doc) => kindOf(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const kind = kindOf(doc)!;
    const weights = weightsFiles(doc);
    const names = weights.map((w) => `${w.key}: ${String(w.value).trim()}`).join(', ');
    const released = releasedWeights(weights);
    if (released)
      out.add(
        'model.id',
        released.stem,
        released.at,
        `${released.at.key}: ${released.stem} is the released ${released.id} (catalog): the network the run is about`,
        'medium',
      );
    else
      out.add(
        'model.params',
        null,
        weights[0],
        `the config names weights files (${names}) but not which network the run is about, nor its size`,
        'low',
      );
    if (kind === 'sampling') {
      out.add(
        'launch.inference',
        'config:weights-file-run',
        weights[0],
        `a sampling config (${names}; a dtype, no training keys): the program samples with these weights`,
      );
      out.add('model.fromScratch', false, weights[0], `samples with the trained weights it names (${names})`);
      return;
    }
    const steps = trainingLength(doc)!;
    out.add(
      'launch.trainer',
      'config:weights-file-run',
      steps.at,
      `a flat run config (${steps.at.key}, learning rate, batch_size, ${names}) its training program loads whole`,
    );
    out.add('training.steps', steps.n, steps.at, `${steps.at.key}: ${steps.n} optimizer updates`);
    const rank = positiveIntegerAt(doc, 'rank');
    const adapted = firstPresent(doc, ADAPTED_MODULES);
    if (rank && adapted)
      out.add(
        'training.mode',
        'lora',
        rank.at,
        `rank: ${rank.n} low-rank adapters on the modules ${adapted.key} picks; the base weights (${names}) stay frozen`,
        'medium',
      );
    else
      out.add(
        'training.mode',
        'finetune',
        weights[0],
        `starts from the pretrained weights it names (${names})`,
        'medium',
      );
    out.add('model.fromScratch', false, weights[0], `starts from the pretrained weights it names (${names})`, 'medium');
  },
};
