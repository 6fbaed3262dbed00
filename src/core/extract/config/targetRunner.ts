import type { ConfigDialect, ConfigDoc, FactSink } from './dialect';

/**
 * A run config whose top-level `_target_` names the object that runs it: the program hands the whole config to that
 * class (`cls = hydra.utils.get_class(cfg._target_); cls(cfg).run()`, Hydra's instantiate convention,
 * hydra.cc/docs/advanced/instantiate_objects/overview), and the class trains for the length the config's
 * `training:` section states (`num_epochs: 3050`). The program itself only dispatches (a `--config-name` picks the
 * config); each such config is a run, and the class's module (its training loop, its precision switches) is what the
 * config runs, linked as the program a launch runs is. Its model is the network section's own `_target_` class
 * (`policy: {_target_: pkg.policy.UnetImagePolicy}`), the size the program's business.
 *
 * Guards: the top-level `_target_` is a dotted class path of the repository's kind (`pkg.workspace.TrainWorkspace`),
 * and a training section states a length (epochs, steps or iterations): a fragment that builds one object (`_target_:
 * torch.optim.AdamW`) has no such section. The module link is quiet (low) when the class is an installed library's.
 */

/** A dotted class path: a module and a class (`pkg.workspace.train_x.TrainX`). */
const CLASS_PATH = /^[A-Za-z_]\w{0,80}(?:\.[A-Za-z_]\w{0,80}){1,8}$/;
/** The section holding the training loop's settings. */
const TRAINING_SECTIONS = ['training', 'train', 'trainer'];
/** Keys of a training section that state the run's length. */
const LENGTH_KEYS = [
  'num_epochs',
  'epochs',
  'max_epochs',
  'n_epochs',
  'max_steps',
  'num_steps',
  'total_steps',
  'max_iters',
];
/** Sections naming the network the run trains, by their own `_target_`. */
const NETWORK_SECTIONS = ['policy', 'model', 'net', 'network'];
/** Libraries whose classes are not a repository's runner (their own dialects read them). */
const LIBRARY_ROOT = /^(?:torch|transformers|diffusers|composer|lightning|pytorch_lightning|hydra|omegaconf)\./;

function runnerClass(doc: ConfigDoc): string | undefined {
  const target = doc.str('_target_')?.trim();
  if (!target || !CLASS_PATH.test(target) || LIBRARY_ROOT.test(target)) return undefined;
  const stated = TRAINING_SECTIONS.some(
    (s) => doc.get(s)?.shape === 'map' && LENGTH_KEYS.some((k) => doc.get(`${s}.${k}`)?.shape === 'scalar'),
  );
  return stated ? target : undefined;
}

export const targetRunner: ConfigDialect = {
  name: 'target-runner',
  words: ['_target_'],
  detect: (doc) => runnerClass(doc) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const target = runnerClass(doc);
    const at = doc.get('_target_');
    if (!target || !at) return;
    out.add(
      'launch.trainer',
      'config:target-runner',
      at,
      `_target_: ${target} with a training section: the program builds this class from the config and runs it`,
      'medium',
    );
    const module = target.slice(0, target.lastIndexOf('.'));
    out.add('link.script', `${module.replace(/\./g, '/')}.py`, at, `_target_: ${target}, the class that runs`, 'low');
    if (out.facts.some((f) => f.kind === 'model.id')) return;
    for (const section of NETWORK_SECTIONS) {
      const network = doc.get(`${section}._target_`);
      const path = typeof network?.value === 'string' ? network.value.trim() : '';
      if (!network || !CLASS_PATH.test(path)) continue;
      const name = path.slice(path.lastIndexOf('.') + 1);
      out.add('model.id', name, network, `${section}._target_: ${path} (the network the run trains)`, 'low');
      return;
    }
  },
};
