import type { Node } from 'web-tree-sitter';
import type { CallRule, FileRule } from '../rules';

/**
 * OpenNMT-py's entry programs as repositories ship them: a thin `train.py`/`translate.py`/`server.py` that imports
 * the framework's program (`from onmt.bin.train import main`) and calls it as main; the same programs as the
 * `onmt_train`, `onmt_translate` and `onmt_server` commands. Everything else comes from the command line or the
 * `-config` YAML (config/openNmt.ts reads those), so the program's run is what its option defaults make it.
 *
 * Defaults (onmt/opts.py, OpenNMT-py 3.x; opennmt.net/OpenNMT-py/options/train.html): `-train_steps` 100000,
 * `-model_dtype` "fp32", `-train_from` "" (a model initialised randomly), `-gpu_ranks` [] (no device stated: the
 * count stays unknown). onmt_translate needs `-model` (no default) and keeps the checkpoint's dtype unless
 * `-precision` is given, so only the mode is read; onmt_server serves the models of its `--config` JSON.
 */

/** `from onmt.bin.train import main` at column 0 (also `_get_parser, main`, `main as train_main`). */
const PROGRAM_IMPORT = /^from[ \t]+onmt\.bin\.(train|translate|server)[ \t]+import[ \t]+[^\n]{0,200}\bmain\b/m;

/** Calls looked at for the program's `main()`: a wrapper has one or two. */
const MAX_CALLS = 200;

/** The name the import binds the program's main to (`main`, or `train_main` in `main as train_main`). */
function boundName(line: string): string {
  return /\bmain[ \t]+as[ \t]+([A-Za-z_]\w{0,60})/.exec(line)?.[1] ?? 'main';
}

/** The call of the imported main with no arguments (under the main guard, or at module level): the fact's anchor. */
function mainCall(root: Node, name: string): Node | undefined {
  const calls = root.descendantsOfType('call');
  for (let i = 0; i < calls.length && i < MAX_CALLS; i++) {
    const call = calls[i];
    if (
      call?.childForFieldName('function')?.text === name &&
      /^\(\s*\)$/.test(call.childForFieldName('arguments')?.text ?? '')
    )
      return call;
  }
  return undefined;
}

export const openNmtProgram: FileRule = {
  framework: 'opennmt',
  phase: 'after-calls',
  words: ['onmt.bin.'],
  runStart: PROGRAM_IMPORT,
  read: (_index, ctx) => {
    if (!ctx.text.includes('onmt.bin.')) return;
    const m = PROGRAM_IMPORT.exec(ctx.text);
    if (!m) return;
    const program = m[1];
    const end = ctx.text.indexOf('\n', m.index);
    const line = ctx.text.slice(m.index, end < 0 ? undefined : end);
    const node = mainCall(ctx.tree.rootNode, boundName(line));
    if (!node) return;
    const command = `onmt_${program}`;
    // The program's module, when the repository holds the framework (a clone or fork of OpenNMT-py): this wrapper's
    // run includes it, so the module is not counted again as a run of its own. Not found (installed with pip): no
    // warning (low confidence).
    ctx.add(
      'link.script',
      `onmt/bin/${program}.py`,
      node,
      `${command}'s program, onmt/bin/${program}.py, if the repository holds it`,
      'low',
    );
    ctx.add('run.framework', 'opennmt', node, `runs OpenNMT-py's ${command} program (onmt.bin.${program}.main)`);
    if (program === 'train') {
      ctx.add('launch.trainer', command, node, `onmt.bin.train.main: OpenNMT-py training, set by flags or -config`);
      ctx.add(
        'model.fromScratch',
        true,
        node,
        `${command}: -train_from defaults to "" (a model initialised randomly; onmt/opts.py)`,
        'low',
      );
      ctx.add('training.mode', 'pretrain', node, `${command}: no -train_from by default, trained from scratch`, 'low');
      ctx.add('training.steps', 100000, node, `${command}: -train_steps default 100000 (onmt/opts.py)`, 'low');
      ctx.add('training.precision', 'fp32', node, `${command}: -model_dtype default "fp32" (onmt/opts.py)`, 'low');
      return;
    }
    ctx.add(
      'launch.inference',
      command,
      node,
      program === 'server'
        ? `onmt.bin.server.main: a REST server of the models its --config lists`
        : `onmt.bin.translate.main: decodes with the checkpoint given as -model`,
    );
    // No training.mode: the launch.inference fact makes the run an inference one, and a pipeline that trains and then
    // decodes (a shell script running train.py, then translate.py) stays the training run it mostly is.
  },
};

/** The calls that load a checkpoint to decode or score with it (onmt/inference_engine.py, onmt/model_builder.py,
 * onmt/translate/translator.py). */
const LOADERS = ['InferenceEnginePY', 'InferenceEngineCT2', 'load_test_model', 'build_translator'];

/**
 * A program of its own built on OpenNMT-py's inference (an evaluation on MMLU, a perplexity benchmark, a scorer of
 * sentences with a language model): it takes onmt_translate's options (`opts.translate_opts(parser)`, so `-model`
 * is required and the dtype is the checkpoint's unless `-precision` is given) and loads the checkpoint with one of
 * OpenNMT's loaders. An inference run whose model is the one given when it runs.
 */
export const openNmtInference: CallRule = {
  framework: 'opennmt',
  callees: LOADERS,
  runStart: [/\b(?:InferenceEngine(?:PY|CT2)|load_test_model|build_translator)\s*\(/, /\btranslate_opts\s*\(/],
  when: ({ ctx }) => /^[ \t]*(?:from|import)[ \t]+onmt\b/m.test(ctx.text) && /\btranslate_opts\s*\(/.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    if (!ctx.facts.some((f) => f.kind === 'run.framework' && f.value === 'opennmt'))
      ctx.add('run.framework', 'opennmt', fn, `${full}(opt): OpenNMT-py loads the checkpoint given as -model`);
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(opt) loads the -model checkpoint (onmt_translate's options)`,
      'medium',
    );
  },
};
