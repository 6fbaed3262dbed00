import {
  addAmpSwitch,
  firstLength,
  quotedPath,
  type ConfigLength,
  type ConfigDialect,
  type ConfigDoc,
  type FactSink,
} from './dialect';
import { sectionedRun } from './sectionedRun';

/**
 * A research program's own run config with a training section: `train:` (or `training:`) holding how long, the
 * learning rate and the batch (`train: {lr: 1e-4, batch: [64, 4], iterations: 800000, use_fp16: False}` in DifFace and
 * ResShift, `train: {batch_size: 5, end_iter: 50000, lr: 0.0001, amp: True, ckpt_path: null}` in CRAFT's trainers,
 * `train: {num_epochs: 500, lr: 5e-5}` in TorchRL's multi-agent trainers), beside the sections for the data or the
 * network. The program takes the whole run from it (`python train.py --cfg <this>`), so the config is the run.
 *
 * Read here: the length (iterations/steps or epochs), a mixed-precision switch in the section (`amp`, `use_amp`,
 * `fp16`, `use_fp16`: torch autocast or apex, float16 by their CUDA defaults), and where the weights start: a
 * checkpoint file under a start key (`ckpt_path`, `pretrained`, `resume`, …) makes a fine-tune; none set anywhere,
 * training from the network's initialisation. The network's size is the program's and is not read here.
 */

const SECTIONS = ['train', 'training'] as const;
/** Keys of the section that state the optimizer steps. */
const STEP_KEYS = [
  'iterations',
  'end_iter',
  'num_iter',
  'num_iters',
  'max_iter',
  'max_iters',
  'total_iters',
  'niter',
  'max_steps',
  'num_steps',
  'total_steps',
];
/** Keys of the section that state the epochs. */
const EPOCH_KEYS = ['epochs', 'num_epochs', 'n_epochs', 'max_epochs', 'total_epochs'];
const LEARNING_RATE_KEYS = ['lr', 'learning_rate', 'base_lr'];
const BATCH_KEYS = ['batch_size', 'batch', 'batchsize', 'train_batch_size'];
/** Top-level keys beside the section that say the file is the whole run, not a schedule fragment. */
const RUN_PARTS = /^(?:data|data_dir|data_root|dataset|datasets|model|network|net|test|val|validation)$/;
const AMP_KEYS = ['amp', 'use_amp', 'fp16', 'use_fp16', 'fp16_run'];
/** Keys naming the weights a run starts from (or resumes). */
const START_KEY =
  /^(?:ckpt_path|checkpoint_path|pretrained|pretrained_path|pretrained_model|resume|resume_path|load_from|init_from|load_path|weights)$/;
const CHECKPOINT_FILE = /\.(?:pth|pt|ckpt|safetensors|bin|pkl|tar)$/i;

/** The training section that holds a length, a learning rate and a batch, else undefined. */
function trainingSection(doc: ConfigDoc): { section: string; length: ConfigLength } | undefined {
  if (doc.prefix !== '') return undefined;
  for (const section of SECTIONS) {
    if (doc.get(section)?.shape !== 'map') continue;
    const length = firstLength(doc, section, STEP_KEYS, EPOCH_KEYS);
    if (!length) continue;
    const has = (keys: readonly string[]) => keys.some((k) => doc.has(`${section}.${k}`));
    if (has(LEARNING_RATE_KEYS) && has(BATCH_KEYS)) return { section, length };
  }
  return undefined;
}

export const trainSection: ConfigDialect = {
  name: 'train-section',
  words: [...STEP_KEYS, ...EPOCH_KEYS],
  detect: (doc) =>
    trainingSection(doc) !== undefined &&
    doc.entries().some((e) => RUN_PARTS.test(e.key)) &&
    // A run config in sections with a model section of its own is sectionedRun's.
    !sectionedRun.detect(doc),
  owns: (path) => {
    const [section, key, more] = path.split('.');
    return (
      more === undefined &&
      (SECTIONS as readonly string[]).includes(section) &&
      [...STEP_KEYS, ...EPOCH_KEYS, ...AMP_KEYS].includes(key)
    );
  },
  read(doc: ConfigDoc, out: FactSink): void {
    const { section, length } = trainingSection(doc)!;
    out.add(length.kind, length.n, length.at, `${length.at.path}: ${length.n} (the training section's length)`);
    const amp = AMP_KEYS.map((k) => doc.get(`${section}.${k}`)).find((v) => typeof v?.value === 'boolean');
    if (amp) addAmpSwitch(out, amp);
    const starts = doc
      .walk()
      .filter((v) => START_KEY.test(v.key) && v.shape === 'scalar' && v.value !== null && v.value !== '');
    const checkpoint = starts.find((v) => typeof v.value === 'string' && CHECKPOINT_FILE.test(v.value.trim()));
    if (checkpoint)
      out.add(
        'model.fromScratch',
        false,
        checkpoint,
        `${checkpoint.path}: the run starts from the checkpoint ${quotedPath(String(checkpoint.value).trim())}`,
        'medium',
      );
    else if (starts.every((v) => v.value === false))
      out.add(
        'model.fromScratch',
        true,
        length.at,
        'no checkpoint to start from (no ckpt_path/pretrained/resume set): the network is trained from its initialisation',
        'low',
      );
    out.add(
      'launch.trainer',
      'config:train-section',
      length.at,
      `a run config with a ${section} section (length, learning rate, batch): the train program reads it as its whole run`,
    );
  },
};
