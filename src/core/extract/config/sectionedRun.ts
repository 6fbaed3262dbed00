import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A run config in sections that a train program reads as its whole run definition (`train_prior.py --config_file
 * <this>.json` loading it into a config class): a model section describing the network (`prior: {net: {dim,
 * depth, ...}}`, `decoder: {unets: [{dim, ...}]}`), a `data` section and a `train` section with `epochs` (and
 * `lr`, `amp`, ...), often a `tracker`/`evaluate` section beside them. Read here:
 * - the config is a run (`launch.trainer`), `train.epochs` its length;
 * - `train.amp`: false is fp32 steps; true wraps the steps in torch autocast, fp16 by its CUDA default;
 * - no checkpoint to start from anywhere in the file (`load_from`, `resume_from`, `ckpt_path`, `pretrained_path`,
 *   `init_from` unset or null): the network is trained from its initialisation. A pretrained encoder the model
 *   section names (a frozen CLIP conditioning a prior) is not the network trained.
 * The network's size depends on the program's classes and is not said here.
 */

/** Top-level sections that are not the model's. */
const NOT_MODEL =
  /^(?:train|training|data|dataset|datasets|tracker|logging|logger|log|evaluate|evaluation|eval|optim|optimizer|scheduler|wandb|checkpoint|checkpointing|saving|seed)$/;
/** Keys that describe a network's shape. */
const NETWORK_KEYS = new Set([
  'dim',
  'depth',
  'unets',
  'net',
  'n_layer',
  'num_layers',
  'hidden_size',
  'dim_mults',
  // The DDPM U-Net's widths and depth as its PyTorch ports write them (ermongroup/ddim: `model: {ch: 128, ch_mult:
  // [1, 2, 2, 2], num_res_blocks: 2}`).
  'ch_mult',
  'num_res_blocks',
]);
/** The section holding the training schedule, and its epoch count's key (ermongroup/ddim: `training.n_epochs`). */
const TRAIN_SECTIONS = ['train', 'training'] as const;
const EPOCH_KEYS = ['epochs', 'n_epochs', 'num_epochs'] as const;

/** Where the config states its epochs: `train.epochs`, `training.n_epochs`, …; the first set to a positive count. */
function epochsPath(doc: ConfigDoc): string | undefined {
  for (const section of TRAIN_SECTIONS) {
    if (doc.get(section)?.shape !== 'map') continue;
    for (const key of EPOCH_KEYS) if ((doc.num(`${section}.${key}`) ?? 0) > 0) return `${section}.${key}`;
  }
  return undefined;
}
/** Keys naming weights to start from. */
const START_KEYS =
  /^(?:load_from|resume_from|resume_from_checkpoint|ckpt_path|checkpoint_path|pretrained_path|init_from|load_path)$/;

function modelSection(doc: ConfigDoc): string | undefined {
  const sections = doc
    .entries()
    .filter((e) => e.shape === 'map' && !NOT_MODEL.test(e.key))
    .map((e) => e.key);
  if (sections.length === 0) return undefined;
  for (const v of doc.walk()) {
    const top = v.path.split('.')[0];
    if (sections.includes(top) && NETWORK_KEYS.has(v.key)) return top;
  }
  return undefined;
}

export const sectionedRun: ConfigDialect = {
  name: 'sectioned-run',
  words: ['epochs', 'n_epochs', 'num_epochs'],
  detect: (doc) => doc.get('data')?.shape === 'map' && epochsPath(doc) !== undefined && modelSection(doc) !== undefined,
  owns: (path) => TRAIN_SECTIONS.some((s) => EPOCH_KEYS.some((k) => path === `${s}.${k}`)) || path === 'train.amp',
  read(doc: ConfigDoc, out: FactSink): void {
    const path = epochsPath(doc)!;
    const epochsAt = doc.get(path)!;
    const epochs = doc.num(path)!;
    const section = modelSection(doc)!;
    if (Number.isInteger(epochs)) out.add('training.epochs', epochs, epochsAt, `${path}: ${epochs}`);
    const amp = doc.get('train.amp');
    if (amp && typeof amp.value === 'boolean')
      out.add(
        'training.precision',
        amp.value ? 'fp16' : 'fp32',
        amp,
        amp.value ? 'train.amp: true: torch autocast (fp16 by its CUDA default)' : 'train.amp: false: fp32 steps',
        'medium',
      );
    const start = doc
      .walk()
      .find(
        (v) =>
          START_KEYS.test(v.key) && v.value !== null && v.value !== false && v.value !== '' && v.shape === 'scalar',
      );
    if (!start)
      out.add(
        'model.fromScratch',
        true,
        doc.get(section)!,
        `no checkpoint to start from (no load_from/resume_from/ckpt_path set): the ${section} network is trained from its initialisation`,
        'medium',
      );
    out.add(
      'launch.trainer',
      'config:sectioned-run',
      epochsAt,
      `a run config in sections (${section}, data, ${path.split('.')[0]}): the train program reads it as its whole run`,
    );
  },
};
