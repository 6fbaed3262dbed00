import type { Node } from 'web-tree-sitter';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';
import { evaluate } from '../../pythonValues';

/**
 * NVIDIA's dnnlib code base (StyleGAN2-ADA, StyleGAN3 and the GAN programs built on them): programs are click
 * commands run as main. A generation or metric program opens a network pickle named by a flag
 * (`legacy.load_network_pkl(f)['G_ema']`), so it runs a trained generator whose size is the pickle's, unknown
 * here. A training program fills a `dnnlib.EasyDict` of options and hands it to the package's
 * `training_loop.training_loop(**c)`: it trains the generator and discriminator named by their `class_name`
 * (`'training.networks_stylegan3.Generator'`), from scratch unless `--resume` names a pickle.
 *
 * Precision: these networks run their highest-resolution layers in FP16 (`num_fp16_res`, 4 in the programs'
 * configurations; turned off by `--fp32` or by calling the synthesis network with `force_fp32=True`). Source:
 * Karras et al., "Training Generative Adversarial Networks with Limited Data" (StyleGAN2-ADA, arXiv:2006.06676,
 * appendix on mixed-precision: FP16 in the 4 highest resolutions) and github.com/NVlabs/stylegan2-ada-pytorch
 * README ("mixed-precision support").
 */

/** A `__main__` guard: a program run as main (the library's own modules define and call these without one). */
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;
const NETWORK_MODULE = /["'](?:\w+\.){0,4}networks_([a-z][a-z0-9]{2,30})\.Generator["']/;
/**
 * A `--fp32` option whose default turns mixed precision off, a call that forces fp32, or a `--fp16` option whose
 * default leaves it off (EDM-style programs: `--fp16` "Enable mixed-precision training", default False).
 */
const FORCES_FP32 =
  /\bforce_fp32[ \t]*=[ \t]*True\b|["']--fp32["'][^\n]{0,300}\bdefault[ \t]*=[ \t]*True\b|["']--fp16["'][^\n]{0,300}\bdefault[ \t]*=[ \t]*False\b/;
/** The network family a click `--arch` option defaults to (`default='ddpmpp'`, one of its `click.Choice`s). */
const ARCH_DEFAULT = /["']--arch["'][^\n]{0,300}?\bdefault[ \t]*=[ \t]*["']([A-Za-z][\w-]{1,40})["']/;

function addPrecision(ctx: PythonReadContext, at: Node, what: string): void {
  if (ctx.facts.some((f) => f.kind === 'training.precision' && f.value !== null)) return;
  if (FORCES_FP32.test(ctx.text)) {
    ctx.add(
      'training.precision',
      'fp32',
      at,
      `${what}: forced to fp32 (force_fp32, --fp32, or a --fp16 option off by default)`,
      'medium',
    );
    return;
  }
  ctx.add(
    'training.precision',
    'fp16',
    at,
    `${what}: dnnlib networks run their highest-resolution layers in FP16 unless forced to fp32 (num_fp16_res; StyleGAN2-ADA, arXiv:2006.06676)`,
    'medium',
  );
}

const ownDefinition = (text: string, name: string) => new RegExp(`^[ \\t]*def[ \\t]+${name}\\b`, 'm').test(text);
const started = (ctx: PythonReadContext) =>
  ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer');

/** The program runs a trained network it unpickles: an inference run, not from scratch. */
function addPickleInference(ctx: PythonReadContext, fn: Node, full: string, value: string, detail: string): void {
  ctx.add('launch.inference', value, fn, detail, 'medium');
  ctx.add('model.fromScratch', false, fn, `${full}: the network's trained weights come from the pickle`, 'medium');
}

/** The pickle is a flag's value: the model, and so its size, is unknown (never a default). */
function addPickleGivenAtRunTime(ctx: PythonReadContext, fn: Node, full: string): void {
  ctx.add(
    'model.id',
    null,
    fn,
    `${full}(...): the network pickle is given when the program runs, so its size is not in the code`,
    'low',
  );
}

export const networkPickleLoad: CallRule = {
  framework: 'dnnlib',
  callees: ['load_network_pkl'],
  runStart: [/\bload_network_pkl[ \t]*\(/, MAIN_GUARD],
  when: ({ ctx }) => MAIN_GUARD.test(ctx.text) && !ownDefinition(ctx.text, 'load_network_pkl'),
  read: ({ node, full, ctx }) => {
    if (started(ctx)) return true;
    const fn = node.childForFieldName('function') ?? node;
    addPickleInference(
      ctx,
      fn,
      full,
      'dnnlib:network-pickle',
      `${full}(...) opens a trained network pickle and runs it (generation or evaluation)`,
    );
    if (!ctx.facts.some((f) => f.kind === 'model.id')) addPickleGivenAtRunTime(ctx, fn, full);
    addPrecision(ctx, fn, 'a network pickle');
    return true;
  },
};

export const dnnlibTrainingLoop: CallRule = {
  framework: 'dnnlib',
  callees: ['training_loop'],
  runStart: [/\btraining_loop\.training_loop[ \t]*\(/, MAIN_GUARD],
  when: ({ full, ctx }) =>
    full.endsWith('training_loop.training_loop') &&
    MAIN_GUARD.test(ctx.text) &&
    !ownDefinition(ctx.text, 'training_loop'),
  read: ({ node, full, ctx }) => {
    if (started(ctx)) return true;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.trainer', 'dnnlib:training_loop', fn, `${full}(**options) trains the networks`, 'medium');
    const archDefault = ARCH_DEFAULT.exec(ctx.text);
    const family = NETWORK_MODULE.exec(ctx.text)?.[1] ?? archDefault?.[1];
    const namesFamily = family !== undefined && !ctx.facts.some((f) => f.kind === 'model.id');
    if (namesFamily)
      ctx.add(
        'model.id',
        family,
        fn,
        NETWORK_MODULE.test(ctx.text)
          ? `the generator class the options name (networks_${family}.Generator); its size follows the data's resolution`
          : `default of --arch, "${family}": the network architecture trained; its size follows the data's resolution`,
        'low',
      );
    if (namesFamily && archDefault && !NETWORK_MODULE.test(ctx.text)) {
      // The literal the default is (where a person changes the architecture).
      const at = archDefault.index + archDefault[0].length - archDefault[1].length - 1;
      const row = ctx.text.slice(0, at).split('\n').length - 1;
      const col = at - (ctx.text.lastIndexOf('\n', at - 1) + 1);
      ctx.amendLast({
        range: { startLine: row, startCol: col, endLine: row, endCol: col + archDefault[1].length + 2 },
      });
    }
    if (!ctx.facts.some((f) => f.kind === 'model.fromScratch'))
      ctx.add(
        'model.fromScratch',
        true,
        fn,
        `${full}: the networks start from random weights unless a pickle to resume from is given`,
        'low',
      );
    addPrecision(ctx, fn, 'the trained networks');
    return true;
  },
};

/**
 * The same code base's programs that unpickle a network themselves: `with dnnlib.util.open_url(network_pkl) as f:
 * net = pickle.load(f)['ema'].to(device)` (EDM's generate.py-style samplers, a standalone example, a metric that
 * opens its feature detector's pickle). Run as main and training nothing, the program runs the network it opened
 * (inference). The model is the pickle's file name when the code names one (a URL or path ending `.pkl`, handed
 * to the loader directly or as the function's argument in a call of the file); a pickle given by a flag leaves it
 * open. Unlike the GAN programs above, such a file turns on no mixed precision of its own: PyTorch runs it in
 * float32 unless the file casts (a pickle may still carry its networks' own fp16 setting).
 */
const PICKLE_LOAD = /\bpickle\.load[ \t]*\(/;
const TRAINS = /\.backward\(|\boptim\.\w|\btraining_loop[ \t]*\(/;
const CASTS = /\.half\(|\bautocast\b|\bfloat16\b|\bbfloat16\b|\buse_fp16[ \t]*=[ \t]*True\b/;
const PICKLE_NAME = /([A-Za-z][\w.-]{0,100})\.pkl$/;
/** String literals looked at for a pickle's name. */
const MAX_STRINGS = 400;

function pickleName(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  const text = node.text.replace(/^[A-Za-z]{0,2}["']{1,3}|["']{1,3}$/g, '');
  return PICKLE_NAME.exec(text)?.[1];
}

/** The first `.pkl` named by a string in code (never a docstring's example command). */
function namedPickle(ctx: PythonReadContext): { name: string; node: Node } | undefined {
  const strings = ctx.tree.rootNode.descendantsOfType('string').slice(0, MAX_STRINGS);
  for (const s of strings) {
    if (!s || s.parent?.type === 'expression_statement') continue;
    const name = pickleName(s);
    if (name) return { name, node: s };
  }
  return undefined;
}

export const openUrlPickle: CallRule = {
  framework: 'dnnlib',
  callees: ['open_url'],
  runStart: [/\bopen_url[ \t]*\(/, PICKLE_LOAD, MAIN_GUARD],
  when: ({ full, ctx }) => full.endsWith('util.open_url') && MAIN_GUARD.test(ctx.text) && !TRAINS.test(ctx.text),
  read: ({ node, full, ctx }) => {
    // The `with ... as f:` whose body unpickles what the URL opened.
    let withStatement: Node | null = node.parent;
    for (let depth = 0; withStatement && withStatement.type !== 'with_statement' && depth < 4; depth++)
      withStatement = withStatement.parent;
    const body = withStatement?.type === 'with_statement' ? withStatement.childForFieldName('body') : null;
    if (!body || !PICKLE_LOAD.test(body.text)) return false;
    if (started(ctx)) return true;
    const fn = node.childForFieldName('function') ?? node;
    addPickleInference(
      ctx,
      fn,
      full,
      'dnnlib:pickle',
      `${full}(...) and pickle.load: the program runs the network it opens`,
    );
    const arg = node.childForFieldName('arguments')?.namedChildren.find((c) => c !== null && c.type !== 'comment');
    const resolved = arg ? evaluate(arg, ctx.symbols) : undefined;
    const direct = typeof resolved?.value === 'string' ? PICKLE_NAME.exec(resolved.value)?.[1] : undefined;
    // A function's parameter (`generate_image_grid(network_pkl, ...)`): the pickles the file hands it.
    const handed = !direct && arg?.type === 'identifier' ? namedPickle(ctx) : undefined;
    if (!ctx.facts.some((f) => f.kind === 'model.id')) {
      if (direct ?? handed)
        ctx.add(
          'model.id',
          direct ?? handed!.name,
          handed?.node ?? arg ?? fn,
          `the network pickle the program opens (${direct ?? handed!.name}.pkl)`,
          'medium',
        );
      else addPickleGivenAtRunTime(ctx, fn, full);
    }
    if (!ctx.facts.some((f) => f.kind === 'training.precision') && !CASTS.test(ctx.text))
      ctx.add(
        'training.precision',
        'fp32',
        fn,
        'the file turns on no mixed precision (no autocast, half or fp16 option): float32, as PyTorch runs by default',
        'low',
      );
    return true;
  },
};
