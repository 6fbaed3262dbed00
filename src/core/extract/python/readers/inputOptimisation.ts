import { escapeRegExp } from '../context';
import type { FileRule } from '../rules';

/**
 * A program whose optimizers update tensors it creates itself, not a model's weights: GAN inversion
 * (`w_opt = torch.tensor(w_avg, requires_grad=True)`, `torch.optim.Adam([w_opt] + list(noise_bufs.values()))`),
 * neural style transfer (`optim.LBFGS([input_img])` over an image with `requires_grad_()`), adversarial examples.
 * The backward pass runs through the model only to reach those inputs; the model is frozen and nothing of it is
 * trained (PyTorch docs, torch.optim: "you have to give it an iterable containing the parameters ... to optimize").
 * What such a run costs is the model's forward and backward passes over a few inputs: it uses a trained model, so
 * it is read as inference, with its optimisation steps as the steps it takes.
 *
 * Read only when every optimizer the file builds is handed a list of plain names (`[w_opt]`, `[a, b] +
 * list(bufs.values())`), never a model's `.parameters()`, and at least one of those names is bound in the file to a
 * tensor that asks for gradients (`requires_grad=True`, `.requires_grad_()`), and the file freezes a model
 * (`.requires_grad_(False)`, `.eval()`).
 */

/** `torch.optim.Adam(`, `optim.LBFGS(`, `Adam(`: an optimizer built by its class name. */
const OPTIMIZER_CALL =
  /(?:^|[^\w.])((?:torch\.)?(?:optim\.)?(?:Adam|AdamW|SGD|LBFGS|RMSprop|Adagrad|Adamax|NAdam|RAdam))[ \t]*\(/gm;
/** An optimizer's first argument: a list of names, optionally joined with a list() of a dict's values. */
const NAME_LIST = /^\[[ \t]*([A-Za-z_]\w{0,40}(?:[ \t]*,[ \t]*[A-Za-z_]\w{0,40}){0,8})[ \t]*,?[ \t]*\]/;
/** A model's weights handed to an optimizer. */
const WEIGHTS = /\.parameters[ \t]*\(|\.named_parameters[ \t]*\(|param_groups|params[ \t]*=/;
/** Optimizers looked at (a file builds a few). */
const MAX_OPTIMIZERS = 10;
/** Characters of a module looked at. */
const MAX_TEXT = 400_000;
// Also `p.requires_grad = False` over a model's parameters (a frozen pipeline's UNet and encoders).
const FROZEN_MODEL = /\.requires_grad_\([ \t]*False[ \t]*\)|\.eval\([ \t]*\)|\.requires_grad[ \t]*=[ \t]*False\b/;
/** The tensors given by keyword (`SGD(params=[z_target], lr=1e-1)`): read as the positional list. */
const PARAMS_KEYWORD = /^params[ \t]*=[ \t]*/;

/** Whether `name` is bound to a tensor that asks for gradients (`x = torch.tensor(..., requires_grad=True)`). */
function asksForGradients(text: string, name: string): boolean {
  const n = escapeRegExp(name);
  const bound = new RegExp(
    `^[ \\t]*${n}[ \\t]*=[^=\\n][^\\n]{0,300}requires_grad(?:[ \\t]*=[ \\t]*True|_\\([ \\t]*(?:True)?[ \\t]*\\))`,
    'm',
  );
  const set = new RegExp(`^[ \\t]*${n}\\.requires_grad(?:[ \\t]*=[ \\t]*True|_\\([ \\t]*(?:True)?[ \\t]*\\))`, 'm');
  return bound.test(text) || set.test(text);
}

export const inputOptimisation: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['requires_grad'],
  read: (_index, ctx) => {
    if (ctx.text.length > MAX_TEXT || !FROZEN_MODEL.test(ctx.text)) return;
    if (!ctx.facts.some((f) => f.kind === 'launch.trainer')) return;
    const optimised: string[] = [];
    let first: { index: number; call: string } | undefined;
    let count = 0;
    for (const m of ctx.text.matchAll(OPTIMIZER_CALL)) {
      if (++count > MAX_OPTIMIZERS) return;
      const argument = ctx.text
        .slice(m.index + m[0].length, m.index + m[0].length + 300)
        .trimStart()
        .replace(PARAMS_KEYWORD, '');
      const names = NAME_LIST.exec(argument);
      // Every optimizer must be handed named tensors: one over a model's weights trains it.
      if (!names || WEIGHTS.test(argument.slice(0, argument.indexOf(')') + 1 || 300))) return;
      optimised.push(...names[1].split(',').map((s) => s.trim()));
      first ??= { index: m.index + m[0].indexOf(m[1]), call: m[1] };
    }
    if (!first || !optimised.some((name) => asksForGradients(ctx.text, name))) return;
    const row = ctx.text.slice(0, first.index).split('\n').length - 1;
    const column = first.index - (ctx.text.lastIndexOf('\n', first.index - 1) + 1);
    ctx.facts.push({
      kind: 'training.mode',
      value: 'inference',
      range: { startLine: row, startCol: column, endLine: row, endCol: column + first.call.length },
      confidence: 'high',
      detail: `${first.call}([${optimised.slice(0, 3).join(', ')}${optimised.length > 3 ? ', …' : ''}]) updates tensors the program creates (requires_grad), not a model's weights: the frozen model is only run, to optimise its inputs`,
    });
  },
};
