import {
  addAmpSwitch,
  firstLength,
  type ConfigLength,
  type ConfigDialect,
  type ConfigDoc,
  type ConfigValue,
  type FactSink,
} from './dialect';

/**
 * argbind run configs (descript's argbind, as Descript Audio Codec, VampNet and audiotools write them): a flat YAML of
 * `Class.parameter: value` keys, each bound to a keyword of the class or function the program wrapped with
 * `argbind.bind` (`DAC.encoder_dim: 64`, `AdamW.lr: 0.0001`), plain keys for the program's own `train()` parameters
 * (`num_iters: 250000`, `amp: false`, `batch_size: 72`), and `$include: [conf/base.yml]`, files argbind loads first
 * with this file's keys over them (argbind `load_args`; the program is `python scripts/train.py --args.load <this>`).
 *
 * A document is one when it has the include list, or bound keys beside a length. It is a training run when it states
 * the length or includes files (the length is then theirs, drawn in through the link). The model is the first class
 * bound that is not an optimiser, schedule, loss, data or transform part (the network the program builds, by its
 * class name); its size is the program's business and is not read here.
 */

/** Top-level keys of the program's training function that state how long it trains. */
const STEP_KEYS = ['num_iters', 'num_steps', 'max_steps', 'total_steps'];
const EPOCH_KEYS = ['num_epochs', 'max_epochs'];
/** `Class.parameter`: a keyword of a bound class or function. */
const BOUND_KEY = /^([A-Za-z_]\w{0,60})\.([A-Za-z_]\w{0,60})$/;
/** Bound keys needed, beside a length, for a document without an include list. */
const MIN_BOUND_KEYS = 3;
/** Bound classes that are parts of training, not the network trained. */
const NOT_THE_MODEL =
  /^(?:Adam\w{0,10}|SGD|RMSprop|Adagrad|Lion|\w{0,40}(?:Optim\w{0,20}|LR|Scheduler|Loss|Dataset|Loader|DataLoader|Transform|Norm|Accelerator|Tracker|Callback|Logger|Sampler|Augment\w{0,20})|[A-Z]\w{0,30}Discriminator|Discriminator)$/;
/** Includes read from one file (argbind configs list a few). */
const MAX_INCLUDES = 16;
const INCLUDE_PATH = /^[\w./-]{1,300}\.ya?ml$/;
const INCLUDE_KEY = '$include';

/**
 * The detail a link to an included file starts with: analyze.ts composes `include: ` links as one config, and keeps an
 * included file that is a run of its own (`conf/base.yml`) a run too.
 */
export const ARGBIND_INCLUDE_LINK = 'include: $include: ';

function includes(doc: ConfigDoc): ConfigValue[] {
  const list = doc.entries().find((e) => e.key === INCLUDE_KEY);
  if (list?.shape !== 'seq') return [];
  const items: ConfigValue[] = [];
  for (let k = 0; k < MAX_INCLUDES; k++) {
    const item = doc.get(`${INCLUDE_KEY}.${k}`);
    if (!item) break;
    items.push(item);
  }
  return items.every((i) => typeof i.value === 'string' && INCLUDE_PATH.test(i.value.trim())) ? items : [];
}

function lengthOf(doc: ConfigDoc): ConfigLength | undefined {
  return firstLength(doc, '', STEP_KEYS, EPOCH_KEYS);
}

function boundKeys(doc: ConfigDoc): Array<{ owner: string; at: ConfigValue }> {
  const out: Array<{ owner: string; at: ConfigValue }> = [];
  for (const e of doc.entries()) {
    const m = BOUND_KEY.exec(e.key);
    if (m) out.push({ owner: m[1], at: e });
  }
  return out;
}

export const argbind: ConfigDialect = {
  name: 'argbind',
  words: [INCLUDE_KEY, ...STEP_KEYS, ...EPOCH_KEYS],
  detect(doc) {
    if (doc.prefix !== '') return false;
    if (includes(doc).length > 0) return true;
    return lengthOf(doc) !== undefined && boundKeys(doc).length >= MIN_BOUND_KEYS;
  },
  owns: (path) =>
    path === INCLUDE_KEY || path.startsWith(`${INCLUDE_KEY}.`) || [...STEP_KEYS, ...EPOCH_KEYS].includes(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const listed = includes(doc);
    // The included files are loaded first and this file's keys win; linked facts are taken first-found, so the
    // includes are linked last to first (the later include wins over the earlier).
    for (const item of [...listed].reverse()) {
      const written = String(item.value).trim();
      out.add('link.config', written, item, `${ARGBIND_INCLUDE_LINK}${written} (argbind loads it under this file)`);
    }
    const length = lengthOf(doc);
    if (length)
      out.add(length.kind, length.n, length.at, `${length.at.key}: ${length.n} (the training function's argument)`);
    const amp = doc.get('amp');
    if (amp) addAmpSwitch(out, amp);
    const model = boundKeys(doc).find((k) => /^[A-Z]/.test(k.owner) && !NOT_THE_MODEL.test(k.owner));
    if (model)
      out.add(
        'model.id',
        model.owner,
        model.at,
        `${model.owner}: the first class the config binds (the network the program builds, by its class name)`,
        'low',
      );
    const anchor = length?.at ?? listed[0] ?? model?.at;
    if (!anchor) return;
    out.add('run.framework', 'argbind', anchor, 'argbind config (`Class.parameter` keys bound to the program)');
    out.add(
      'launch.trainer',
      'config:argbind',
      anchor,
      'an argbind run config (the program is run with --args.load <this>)',
    );
  },
};
