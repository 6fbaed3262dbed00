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
const NETWORK_KEYS = new Set(['dim', 'depth', 'unets', 'net', 'n_layer', 'num_layers', 'hidden_size', 'dim_mults']);
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
  words: ['epochs'],
  detect: (doc) =>
    doc.get('train')?.shape === 'map' &&
    doc.get('data')?.shape === 'map' &&
    (doc.num('train.epochs') ?? 0) > 0 &&
    modelSection(doc) !== undefined,
  owns: (path) => path === 'train.epochs' || path === 'train.amp',
  read(doc: ConfigDoc, out: FactSink): void {
    const epochsAt = doc.get('train.epochs')!;
    const epochs = doc.num('train.epochs')!;
    const section = modelSection(doc)!;
    if (Number.isInteger(epochs)) out.add('training.epochs', epochs, epochsAt, `train.epochs: ${epochs}`);
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
      `a run config in sections (${section}, data, train): the train program reads it as its whole run`,
    );
  },
};
