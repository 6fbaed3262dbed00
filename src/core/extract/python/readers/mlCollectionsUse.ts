import { onDefaultPath } from '../branches';
import type { CallRule } from '../rules';
import { EVALUATES_CONFIG } from './corenetOptions';

/**
 * A program or notebook that builds its ConfigDict itself from an ml_collections config module of the repository
 * (`from configs.ve import cifar10_ncsnpp_continuous as configs` … `config = configs.get_config()`), rather than being
 * handed one with `--config`: the config module is the model's definition (its network fields), so it is linked
 * (EVALUATES_CONFIG: the config stays a run of its own, what the training program does with it). When the file
 * restores trained weights into the model (a `restore_checkpoint(...)`, `load_state_dict(...)` or `torch.load(...)`
 * call) and takes no training step (no backward pass, no optimizer step), it runs the trained model: an inference run
 * (score_sde's sampling notebook, the demo notebooks of the flax examples and big_vision). Only a call on the path
 * the file takes with its defaults is read (a Colab `#@param` switch picks one of several configs).
 */

const RESTORES = /\b(?:restore_checkpoint|load_state_dict|torch\.load)\(/;
const TRAINS = /\.backward\(|\boptimizer\.step\(|\.apply_gradients\(/;
/** `from configs.ve import cifar10_ncsnpp as configs` on a line of its own, indented too (inside a branch). */
const FROM_IMPORT = /^[ \t]{0,40}from[ \t]+([A-Za-z_][\w.]{0,200})[ \t]+import[ \t]+([^\n#(]{1,500})$/gm;

/** The repository path of the module a name was imported as (`from pkg.sub import mod as alias` → pkg/sub/mod.py). */
function moduleOf(text: string, alias: string): string | undefined {
  for (const m of text.matchAll(FROM_IMPORT)) {
    const names = m[2].split(',').map((n) => n.trim().split(/\s+as\s+/));
    const hit = names.find((n) => (n[1] ?? n[0]) === alias);
    if (hit && /^\w+$/.test(hit[0])) return `${m[1].replace(/\./g, '/')}/${hit[0]}.py`;
  }
  return undefined;
}

export const mlCollectionsConfigUse: CallRule = {
  framework: 'ml_collections',
  callees: ['get_config'],
  words: ['get_config'],
  runStart: [/\.get_config\(\s*\)/, RESTORES],
  when: ({ full, argsText }) => /^[A-Za-z_]\w{0,60}\.get_config$/.test(full) && /^\(\s*\)$/.test(argsText),
  read: ({ node, full, ctx }) => {
    // Called in a function: a config built on another (`common.get_config()` in `def get_config():`), or a helper.
    for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return false;
    if (!RESTORES.test(ctx.text) || TRAINS.test(ctx.text)) return false;
    if (!onDefaultPath(node, ctx.symbols)) return false;
    // Several configs on the path (a Colab `#@param` switch the reader cannot decide): the first, the form's default.
    if (ctx.facts.some((f) => f.kind === 'launch.inference' && f.value === 'ml_collections:get_config')) return true;
    const path = moduleOf(ctx.text, full.slice(0, full.indexOf('.')));
    if (!path) return false;
    const why = `${full}() builds the model's config from ${path}; trained weights are restored and nothing is trained`;
    ctx.add('link.config', path, node, `${full}(): the model's config${EVALUATES_CONFIG}`, 'medium');
    ctx.add('model.fromScratch', false, node, why, 'medium');
    ctx.add('launch.inference', 'ml_collections:get_config', node, why, 'medium');
    ctx.add('training.mode', 'inference', node, why);
    return true;
  },
};
