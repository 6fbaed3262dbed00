import {
  addAmpSwitch,
  type ConfigDialect,
  type ConfigDoc,
  type ConfigValue,
  type FactSink,
  firstPresent,
} from './dialect';
import { positiveInteger } from '../positiveInteger';
import { sizeFromModelName } from '../../knowledge/modelName';

/**
 * Flat yacs run configs: the upper-case keys a program's `__C = CN()` defaults module declares at its top level
 * (`__C.EPOCHS = 200`, `__C.NUM_GPU = 1`, `__C.AMP = False`), merged over them with `cfg.merge_from_file(args.cfg)`,
 * as Cream's and other NAS and classification repositories write them: `MODEL: 'name'` names the network the
 * program builds, `EPOCHS` says how long, `NUM_GPU` how many processes the launcher starts, `AMP` whether apex or
 * torch.cuda.amp mixed precision is on (float16 by default in both: NVIDIA apex docs, "opt_level O1"; PyTorch docs,
 * torch.autocast `dtype` defaults to torch.float16 on CUDA), and sections (`DATASET`, `NET`) hold the rest.
 *
 * A document is one when every top-level key is upper-case, it has enough of them to be a program's settings, the
 * model is a name (a `MODEL` section is the sectioned yacs dialect's, yacs.ts) and it states the length or the
 * processes. With a length it is a training run of its own; without one, the settings of the run a launch hands it
 * to. What it leaves to the program's defaults is not read (unknown, never the default shown as read).
 */

/** Top-level keys that state the run's epochs. */
const EPOCH_KEYS = ['EPOCHS', 'NUM_EPOCHS', 'MAX_EPOCH', 'MAX_EPOCHS', 'TRAIN_EPOCHS'];
/** Top-level keys that state the processes (GPUs) the launch starts. */
const DEVICE_KEYS = ['NUM_GPU', 'NUM_GPUS', 'GPUS', 'N_GPUS'];
/** Top-level mixed-precision switches. */
const AMP_KEYS = ['AMP', 'USE_AMP', 'FP16'];
/** Fewer top-level keys than this is a fragment, not a program's settings. */
const MIN_KEYS = 8;
const UPPER_KEY = /^[A-Z][A-Z0-9_]{0,60}$/;
/** A model's registered name: a word, no path or URL. */
const MODEL_NAME = /^[A-Za-z0-9][\w.-]{0,80}$/;

function epochsOf(doc: ConfigDoc): { n: number; at: ConfigValue } | undefined {
  const at = firstPresent(doc, EPOCH_KEYS);
  const n = positiveInteger(at?.value);
  return at && n !== undefined ? { n, at } : undefined;
}

export const flatYacs: ConfigDialect = {
  name: 'yacs-flat',
  words: [...EPOCH_KEYS, ...DEVICE_KEYS],
  detect(doc) {
    const model = doc.get('MODEL');
    if (model?.shape !== 'scalar' || typeof model.value !== 'string' || !MODEL_NAME.test(model.value.trim()))
      return false;
    const keys = doc.entries();
    return (
      keys.length >= MIN_KEYS &&
      keys.every((k) => UPPER_KEY.test(k.key)) &&
      (epochsOf(doc) !== undefined || firstPresent(doc, DEVICE_KEYS) !== undefined)
    );
  },
  owns: (path) =>
    !path.includes('.') && [...EPOCH_KEYS, ...DEVICE_KEYS, ...AMP_KEYS, 'MODEL'].includes(path.toUpperCase()),
  read(doc: ConfigDoc, out: FactSink): void {
    const model = doc.get('MODEL')!;
    const name = String(model.value).trim();
    out.add('run.framework', 'yacs', model, 'yacs config (upper-case settings) merged over its program’s defaults');
    // A figure in a program's own network name is as often its FLOPs as its parameters (search spaces name their
    // child networks by multiply-adds: Cream's `43m_retrain`, OFA's `flops@595M`): such a name is not taken as a
    // model, whose size would be read from it; the size stays unknown.
    if (!sizeFromModelName(name))
      out.add('model.id', name, model, `MODEL: ${name} (the network the program builds, by its name)`, 'low');
    const epochs = epochsOf(doc);
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `${epochs.at.key}: ${epochs.n}`);
    const devices = firstPresent(doc, DEVICE_KEYS);
    const n = positiveInteger(devices?.value);
    if (devices && n !== undefined)
      out.add('hardware.devices', n, devices, `${devices.key}: ${n} (processes launched)`);
    const amp = firstPresent(doc, AMP_KEYS);
    if (amp) addAmpSwitch(out, amp, amp.key);
    // Without a length it is the settings of a run its launch names (a test config `tools/main.py test` is handed):
    // its values reach that run through the link; it starts none alone.
    if (epochs)
      out.add('launch.trainer', 'config:yacs-flat', model, 'yacs training config (a program run with --cfg <this>)');
  },
};
