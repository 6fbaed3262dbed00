import { gatedTest } from '../requiredLiterals';
import { startsARun } from '../../../facts';
import { nodeRange } from '../context';
import { executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * An evaluation program whose entry function runs with gradients off: `@torch.no_grad()` /
 * `@torch.inference_mode()` on the function the main guard calls (under a config decorator such as `@hydra.main(...)`
 * or a framework's wrapper of it), which puts its model in eval mode (`model.eval()`) and runs it over data. Nothing
 * can take a gradient step in that function (PyTorch docs, torch.no_grad: "disables gradient calculation ... useful
 * for inference"), so the program evaluates a model though the config it starts from is a training config: an
 * inference run. Not read where the file trains (a backward pass, an optimizer step, `.fit(`), nor where the
 * decorated function is not run by the module (a library helper). The eval-mode call may sit one call away, in a
 * loader function of the same file the entry calls (`model = load_model(cfg, ckpt)`, whose body ends with
 * `model.eval()`): the entry then runs the model that loader returns, still with gradients off.
 */
/** Module-level functions looked at for a loader that puts its model in eval mode. */
const MAX_LOADERS = 50;
const trains = gatedTest(/\.backward[ \t]*\(|\b\w{0,30}optim\w{0,30}\.step[ \t]*\(|\.fit[ \t]*\(|\.train[ \t]*\(\s*\)/);
const GRAD_OFF_DECORATOR = /^@[ \t]*torch\.(?:no_grad|inference_mode)[ \t]*\([ \t]*\)[ \t]*$/;
const EVAL_CALL = /\.eval[ \t]*\([ \t]*\)/;

export const gradFreeEntry: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.eval('],
  runStart: [/^@[ \t]*torch\.(?:no_grad|inference_mode)\(\)/m, /\.eval\(\)/, /__main__/],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || trains(ctx.text)) return;
    const executed = executedRowMask(ctx.tree);
    // Functions of this module whose body puts a model in eval mode (a loader the entry may call).
    const evalLoaders: string[] = [];
    for (const statement of ctx.tree.rootNode.namedChildren) {
      if (evalLoaders.length >= MAX_LOADERS) break;
      const def = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (def?.type !== 'function_definition') continue;
      const name = def.childForFieldName('name')?.text;
      if (name && /^\w{1,60}$/.test(name) && EVAL_CALL.test(def.childForFieldName('body')?.text ?? ''))
        evalLoaders.push(name);
    }
    const callsLoader =
      evalLoaders.length > 0 ? new RegExp(`(?:^|[^\\w.])(?:${evalLoaders.join('|')})[ \\t]*\\(`, 'm') : undefined;
    for (const statement of ctx.tree.rootNode.namedChildren) {
      if (statement?.type !== 'decorated_definition') continue;
      const decorators = statement.namedChildren.filter((c) => c?.type === 'decorator');
      const off = decorators.find((d) => d && GRAD_OFF_DECORATOR.test(d.text));
      const fn = statement.childForFieldName('definition');
      if (!off || fn?.type !== 'function_definition') continue;
      const body = fn.childForFieldName('body');
      if (!body || executed[body.startPosition.row] !== 1) continue;
      if (!EVAL_CALL.test(body.text) && !(callsLoader?.test(body.text) ?? false)) continue;
      const name = fn.childForFieldName('name')?.text ?? 'the entry';
      ctx.facts.push({
        kind: 'launch.inference',
        value: `${name} under ${off.text.slice(1).trim()}`,
        range: nodeRange(off),
        confidence: 'medium',
        detail: `${name}() runs with gradients off (${off.text.trim()}) and puts its model in eval mode: an evaluation, no training`,
      });
      return;
    }
  },
};
