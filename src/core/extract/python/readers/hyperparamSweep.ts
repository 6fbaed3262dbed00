import type { Node } from 'web-tree-sitter';
import { evaluate } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * Sweep scripts in fairseq's `fb_sweep` style (also MMF's tools/sweeps): `get_grid(args)` returns a list of
 * `hyperparam(name, value)` entries, one job per combination, and `sweep.main(get_grid, postprocess_hyperparams)`
 * submits them. Each entry is a flag or an OmegaConf dot-list key of the program the sweep launches: `config` names
 * the run's config (read through a link, so what it states joins the run unless the grid overrides it), `model`
 * the model, `training.max_updates`/`--max-update` the optimizer steps, `training.max_epochs`/`--max-epoch` the
 * epochs, `--fp16`/`training.fp16` float16 steps. A list of values is a swept dimension: each job takes one, so
 * none is read as the run's.
 */
const GRID_MAIN = /\.main\([ \t\r\n]{0,20}get_grid\b/;
const CONFIG_NAMES = new Set(['config', '--config', 'config_file', '--config-file']);
const STEPS_NAMES = new Set(['training.max_updates', '--max-update', '--max-updates', 'max_updates']);
const EPOCHS_NAMES = new Set(['training.max_epochs', '--max-epoch', '--max-epochs', 'max_epochs']);
const FP16_NAMES = new Set(['--fp16', 'training.fp16']);

function positionalArguments(args: Node | null): Node[] {
  return (args?.namedChildren ?? []).filter(
    (c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument',
  );
}

export const hyperparamSweep: CallRule = {
  framework: 'sweep-grid',
  callees: ['hyperparam'],
  runStart: /\.main\([ \t\r\n]{0,20}get_grid\b/,
  when: ({ full, ctx }) => full === 'hyperparam' && GRID_MAIN.test(ctx.text),
  read: ({ node, args, ctx }) => {
    const [nameNode, valueNode] = positionalArguments(args);
    if (nameNode?.type !== 'string') return;
    const name = evaluate(nameNode, ctx.symbols)?.value;
    if (typeof name !== 'string') return;
    if (!ctx.facts.some((f) => f.kind === 'launch.trainer' && f.value === 'sweep-grid'))
      ctx.add(
        'launch.trainer',
        'sweep-grid',
        node,
        'a sweep grid (get_grid of hyperparam entries) submitted by sweep.main',
        'medium',
      );
    // A flag given alone (`hyperparam("--fp16")`) is switched on.
    if (!valueNode) {
      if (FP16_NAMES.has(name)) ctx.add('training.precision', 'fp16', node, `hyperparam("${name}"): float16 steps`);
      return;
    }
    if (valueNode.type === 'list') return;
    const r = evaluate(valueNode, ctx.symbols);
    const value = r?.value;
    const at = r?.origin ?? valueNode;
    const how = r?.via ? ` (${r.via})` : '';
    if (CONFIG_NAMES.has(name) && typeof value === 'string' && /^[\w./-]{1,300}\.ya?ml$/.test(value))
      ctx.add('link.config', value, valueNode, `hyperparam("${name}", ${value}): the config each job runs`);
    else if (name === 'model' && typeof value === 'string' && /^[\w.-]{1,100}$/.test(value))
      ctx.add('model.id', value, at, `hyperparam("model", ${value})${how}`);
    else if (STEPS_NAMES.has(name) && typeof value === 'number' && Number.isInteger(value) && value > 0)
      ctx.add('training.steps', value, at, `hyperparam("${name}", ${value})${how}`);
    else if (EPOCHS_NAMES.has(name) && typeof value === 'number' && Number.isInteger(value) && value > 0)
      ctx.add('training.epochs', value, at, `hyperparam("${name}", ${value})${how}`);
    else if (FP16_NAMES.has(name) && typeof value === 'boolean')
      ctx.add('training.precision', value ? 'fp16' : 'fp32', at, `hyperparam("${name}", ${String(value)})`);
  },
};
