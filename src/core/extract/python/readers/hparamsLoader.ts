import type { CallRule } from '../rules';

/**
 * A program that gets its hyperparameters from a loader in a module of its own repository: `import utils`, then
 * `hps = utils.get_hparams()` (VITS, jaywalnut310/vits `utils.get_hparams`, and the speech and singing-voice forks
 * that keep it), or `from utils import get_hparams`. The loader parses the command line itself and opens the config
 * its `-c/--config` default names (`json.load(open(args.config))`), so the program's settings live in that module's
 * link: the module is linked (`link.module`, low confidence: a loader installed from a package is quietly not
 * followed), and the config it opens is read through it.
 */
const LOADERS = ['get_hparams', 'get_hps', 'load_hparams', 'get_hyperparams'];

/** A name made literal for a pattern (names here are Python identifiers, dotted at most). */
const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The module a name was imported from, at column 0: `import utils`, `from . import utils`, `from pkg import utils`. */
function moduleOf(text: string, receiver: string): string | undefined {
  const name = escapeRegExp(receiver);
  if (new RegExp(`^import[ \\t]+${name}[ \\t]*$`, 'm').test(text)) return receiver;
  const from = new RegExp(`^from[ \\t]+(\\.?[A-Za-z_][\\w.]{0,200})[ \\t]+import[ \\t]+${name}[ \\t]*$`, 'm').exec(
    text,
  );
  if (from) return from[1] === '.' ? receiver : `${from[1].replace(/^\./, '')}.${receiver}`;
  return undefined;
}

/** `from utils import get_hparams`: the module a loader function was imported from. */
function moduleOfFunction(text: string, fn: string): string | undefined {
  const m = new RegExp(
    `^from[ \\t]+\\.?([A-Za-z_][\\w.]{0,200})[ \\t]+import[ \\t]+[^\\n]{0,500}\\b${escapeRegExp(fn)}\\b`,
    'm',
  ).exec(text);
  return m?.[1];
}

export const hparamsLoader: CallRule = {
  framework: 'pytorch',
  callees: LOADERS,
  read: ({ node, full, last, ctx }) => {
    const receiver = full.slice(0, Math.max(0, full.length - last.length - 1));
    const module = receiver
      ? /^\w+$/.test(receiver)
        ? moduleOf(ctx.text, receiver)
        : undefined
      : moduleOfFunction(ctx.text, last);
    if (!module) return false;
    const file = `${module.replace(/\./g, '/')}.py`;
    ctx.add('link.module', file, node, `${full}() from ${file} reads the run's hyperparameters`, 'low');
  },
};
