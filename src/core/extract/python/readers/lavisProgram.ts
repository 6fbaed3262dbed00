import type { Node } from 'web-tree-sitter';
import { registryLmPrecision, registryName } from '../../config/lavis';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A LAVIS-style program (MiniGPT-4's and BLIP-2's demos, `train.py`) builds its settings with `Config(args)` from
 * the YAML given as `--cfg-path`. When that flag is required the program is config-driven (each config is a run,
 * see entryPoint.ts); when it has a default (`default="eval_configs/chat.yaml"`), the program starts as it is with
 * that config, so it links it: the config says the model and whether it trains or answers.
 */

/** `add_argument("--cfg-path", ..., default="x.yaml")`: one call on a bounded stretch of text, no nested repeats. */
const CFG_PATH_DEFAULT =
  /add_argument\(\s{0,20}["']--cfg[-_]path["'][^)\n]{0,300}?\bdefault\s{0,5}=\s{0,5}["']([\w./-]{1,200}\.ya?ml)["']/;

/** How the link's detail starts: the resolver lets the linked config's start be this program's (factsToSpec.ts). */
export const DEFAULT_CONFIG_LINK = 'Config(args) reads --cfg-path, by default';

export const lavisProgramConfig: CallRule = {
  framework: 'lavis',
  callees: ['Config'],
  words: ['Config(', '--cfg'],
  runStart: [/--cfg[-_]path/, /\bConfig\(\s{0,5}args\s{0,5}\)/],
  when: ({ node }) => /^\(\s*args\s*\)$/.test(node.childForFieldName('arguments')?.text ?? ''),
  read: ({ node, ctx }) => {
    const m = CFG_PATH_DEFAULT.exec(ctx.text);
    if (!m) return false;
    ctx.add('link.config', m[1], node, `${DEFAULT_CONFIG_LINK} ${m[1]}`, 'medium');
    return false;
  },
};

/**
 * A registry loader called with the model's registry name and type (LAVIS's
 * `load_model_and_preprocess(name="blip2_t5", model_type="pretrain_flant5xxl", is_eval=True, device=device)`, and
 * `load_model(name=..., model_type=...)`): the model is the registry name with its type, as in a run config
 * (config/lavis.ts, which also sizes it), from literals or from what they evaluate to (a flag's default). A file
 * that loads one and trains nothing (no backward pass or optimizer step) answers with it: an inference run, in the
 * precision the registry class runs the language model the type names in.
 */
/** A keyword argument, else the positional one at `index` (`load_model_and_preprocess("blip_diffusion", "base", ...)`). */
function loaderArgument(args: Node, keyword: string, index: number): Node | null {
  const named = keywordArgument(args, keyword);
  if (named) return named;
  const positional = args.namedChildren.filter(
    (c): c is Node => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment',
  );
  const at = positional[index];
  return at && at.type !== 'list_splat' && at.type !== 'dictionary_splat' ? at : null;
}
const TRAINS = /\.backward\(|\boptimizer\.step\(/;
export const registryModelLoader: CallRule = {
  framework: 'lavis',
  callees: ['load_model_and_preprocess', 'load_model'],
  words: ['model_type'],
  runStart: [/\bload_model(?:_and_preprocess)?\(/, /\bmodel_type\s{0,5}=/],
  when: ({ node, full }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    // The generic `load_model` only with both keywords; the loader-and-processors pair also positionally.
    if (full === 'load_model') return !!keywordArgument(args, 'name') && !!keywordArgument(args, 'model_type');
    return !!loaderArgument(args, 'name', 0) && !!loaderArgument(args, 'model_type', 1);
  },
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments')!;
    const nameAt = loaderArgument(args, 'name', 0);
    const typeAt = loaderArgument(args, 'model_type', 1);
    const name = evaluate(nameAt, ctx.symbols)?.value;
    const type = evaluate(typeAt, ctx.symbols)?.value;
    if (typeof name !== 'string' || !/^\w{2,80}$/.test(name)) return false;
    const modelType = typeof type === 'string' && /^[\w.-]{1,80}$/.test(type) ? type : undefined;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add(
      'model.id',
      registryName(name, modelType),
      fn,
      `${full}(name="${name}"${modelType ? `, model_type="${modelType}"` : ''}): the registry model`,
      'medium',
    );
    ctx.add('model.fromScratch', false, fn, `${full}(...) loads released weights`, 'medium');
    if (TRAINS.test(ctx.text)) return;
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...) in a file that trains nothing: it answers with the model`,
      'medium',
    );
    const precision = registryLmPrecision(modelType);
    if (precision)
      ctx.add(
        'training.precision',
        precision,
        typeAt ?? fn,
        `model_type ${modelType}: the registry class loads its language model in ${precision === 'bf16' ? 'bfloat16 (T5)' : 'float16'}`,
        'medium',
      );
  },
};
