import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Run configs of programs that build the model a config names by its import path (`model: net.st_gcn.Model`, with
 * `model_args:`) and load the weights file it names (`weights: ./models/st_gcn.ntu-xsub.pt`), switching between
 * training and testing by a `phase` key (st-gcn's processors, `--phase` "must be train or test", and the
 * mmskeleton-style programs after it). A config that names weights to load and either sets the test phase or holds
 * no training setting at all (a demo's: weights, model, devices) runs the trained model: an inference run. One with a
 * training setting beside its weights (an epoch count, a learning rate, an optimizer) starts a training from them,
 * which the generic key table reads.
 */

/** Keys naming the weights file the program loads. */
const WEIGHTS_KEYS = ['weights', 'weights_path', 'model_weights'];
const WEIGHTS_FILE = /\.(?:pt|pth|ckpt|pkl|bin|safetensors|h5)$/i;
/** `model: net.st_gcn.Model`: a class by its import path (two parts or more), not a hub name or a file. */
const MODEL_CLASS_PATH = /^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){1,8}$/;
const TEST_PHASES = /^(?:test|eval|evaluate|evaluation|inference|infer|demo)$/i;
/** Settings only a training run has. */
const TRAINING_KEYS = [
  'epochs',
  'num_epoch',
  'num_epochs',
  'max_epoch',
  'max_epochs',
  'base_lr',
  'lr',
  'learning_rate',
  'optimizer',
  'weight_decay',
  'max_steps',
  'max_iter',
  'train_feeder_args',
];
/** More top-level keys than such a config holds: some other document. */
const MAX_KEYS = 60;

function weightsOf(doc: ConfigDoc): ConfigValue | undefined {
  for (const key of WEIGHTS_KEYS) {
    const at = doc.get(key);
    if (typeof at?.value === 'string' && WEIGHTS_FILE.test(at.value.trim())) return at;
  }
  return undefined;
}

function reading(doc: ConfigDoc): { weights: ConfigValue; phase?: string } | undefined {
  if (doc.prefix !== '' || doc.entries().length > MAX_KEYS) return undefined;
  const model = doc.str('model')?.trim();
  const weights = weightsOf(doc);
  if (!model || !MODEL_CLASS_PATH.test(model) || !weights) return undefined;
  const phase = doc.str('phase')?.trim();
  if (phase !== undefined) return TEST_PHASES.test(phase) ? { weights, phase } : undefined;
  return TRAINING_KEYS.some((k) => doc.has(k)) ? undefined : { weights };
}

export const testPhaseConfig: ConfigDialect = {
  name: 'test-phase-config',
  words: ['weights'],
  detect: (doc) => reading(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const { weights, phase } = reading(doc)!;
    const file = String(weights.value).trim();
    out.add(
      'launch.inference',
      'config:test-phase',
      weights,
      phase === undefined
        ? `${weights.key}: ${file} with no training setting: the program runs the trained model it loads`
        : `phase: ${phase} with ${weights.key}: ${file}: the program tests the trained model it loads`,
    );
    out.add('model.fromScratch', false, weights, `runs the trained weights it names (${file})`);
    // Low, as the generic table reads a root `model:` class (it leaves configs of a dialect to the dialect).
    const model = doc.get('model')!;
    const name = String(model.value).trim();
    out.add('model.id', name, model, `model: ${name} (the model the program builds, by its import path)`, 'low');
  },
};
