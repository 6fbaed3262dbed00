import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { findModel } from '../../../knowledge';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * Evaluation and generation programs of research repositories (a benchmark's `eval.py`, `evaluate.py`,
 * `generate_samples.py`): the model is built by the project's own helper or wrapper class from the flags
 * (`model = get_model(args)`, `model, tokenizer = get_model_and_tokenizer(args)`, `eval_model = module.EvalModel(cfg)`)
 * and handed to a function of the program that scores or samples with it (`evaluate_vqa(model, dataset)`,
 * `evaluate_nll(model, loader)`, `generate_samples_interactive(model)`, `infer_data_job(model, …)`). Nothing in such a
 * file trains (no backward pass, no optimiser, no trainer): running it is an inference run of a model the flags name,
 * whose size the code cannot say. The helper's module is not followed: the wrapper picks the checkpoint at run time.
 */

/** A program function that scores or samples with the model it is given (a bare name, not a method). */
const SCORING_CALL =
  /(?<![\w.])((?:evaluate|eval|generate|infer|inference|predict|benchmark)(?:_[A-Za-z0-9]\w{0,60})?)[ \t]*\(/g;
/** A variable holding the model (`model`, `eval_model`, `net`, `llm`). */
const MODEL_VARIABLE = /^(?:[A-Za-z]\w{0,40}_)?(?:model|net|llm)$/;
/** The call that builds it names a model (`get_model`, `load_model_and_tokenizer`, `EvalModel`, `build_model_from_config`). */
const MODEL_BUILDER = /model/i;
/** Text of a file that trains something (the forward-only rule's test, with the optimiser step written out). */
const TRAINS = /\.backward\(|\boptim\.|\boptimizer\.step\(|\.fit\(|\.train\(\)|Trainer\(/;
/** Scoring calls looked at (a long evaluation suite calls its scorers a few dozen times). */
const MAX_CALLS = 200;

/**
 * The callee of an assignment of `name` from a call that names a model (`model = get_model(args)`,
 * `model, tokenizer = load_model_and_tokenizer(...)`), found in the text: the syntax index keeps only the lines
 * other rules' words select, and this rule adds no word to that line prefilter (every line holding `model` would
 * then be read by every rule).
 */
function builderOf(text: string, name: string): string | undefined {
  // `name` is an identifier (word characters only): safe inside a pattern.
  const assignment = new RegExp(
    `^[ \\t]*${name}(?:[ \\t]*,[ \\t]*\\w{1,60}){0,3}[ \\t]*=[ \\t]*([A-Za-z_][\\w.]{0,120})[ \\t]*\\(`,
    'gm',
  );
  for (const m of text.matchAll(assignment)) {
    const callee = m[1];
    // `model = model.eval()`, `model = model.to(device)`: the same model, built elsewhere.
    if (!callee.startsWith(`${name}.`) && MODEL_BUILDER.test(callee)) return callee;
  }
  return undefined;
}

/** The model variable a call is handed (positionally or as a keyword's value), with its builder, if any. */
function modelArgument(call: Node, text: string): { name: string; builder: string } | undefined {
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if (value?.type !== 'identifier' || !MODEL_VARIABLE.test(value.text)) continue;
    const builder = builderOf(text, value.text);
    if (builder) return { name: value.text, builder };
  }
  return undefined;
}

/**
 * The model name a program falls back to when neither its flag nor its settings file gives one:
 * `model = args.model or config.get("model", "F5TTS_v1_Base")` (a flag over a TOML/YAML/JSON settings file over a
 * default), at the start of a line. Only a name the catalog knows is taken (the default is what a plain run uses).
 */
const FALLBACK_MODEL =
  /^[ \t]*(?:model|model_name|model_id|model_type)[ \t]*=[ \t]*(?:args|opt|opts|flags)\.\w{1,60}[ \t]+or[ \t]+\w{1,60}\.get\([ \t]*["'](?:model|model_name|model_id|model_type)["'][ \t]*,[ \t]*["']([\w./-]{1,120})["'][ \t]*\)/m;

function readScoringProgram(ctx: PythonReadContext): void {
  const text = ctx.text;
  if (ctx.facts.some(startsARun) || TRAINS.test(text)) return;
  let looked = 0;
  for (const m of text.matchAll(SCORING_CALL)) {
    if (++looked > MAX_CALLS) return;
    const fn = ctx.tree.rootNode.descendantForIndex(m.index);
    const call = fn?.parent;
    if (fn?.type !== 'identifier' || call?.type !== 'call' || call.childForFieldName('function')?.id !== fn.id)
      continue;
    const model = modelArgument(call, text);
    if (!model) continue;
    ctx.add(
      'launch.inference',
      fn.text,
      fn,
      `${fn.text}(${model.name}, …) scores or samples with the model \`${model.builder}(...)\` builds, and nothing here trains it: an evaluation (inference)`,
      'low',
    );
    const fallback = FALLBACK_MODEL.exec(text);
    if (fallback && findModel(fallback[1]) && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
      const row = text.slice(0, fallback.index).split('\n').length - 1;
      ctx.facts.push({
        kind: 'model.id',
        value: fallback[1],
        range: { startLine: row, startCol: 0, endLine: row, endCol: fallback[0].length },
        confidence: 'medium',
        detail: `the model is the flag's, else the settings file's \`model\`, else ${fallback[1]}`,
      });
    } else if (!ctx.facts.some((f) => f.kind === 'model.id'))
      ctx.add(
        'model.id',
        null,
        fn,
        `the model is built by \`${model.builder}(...)\` from the program's flags: which checkpoint it loads is decided at run time`,
        'low',
      );
    return;
  }
}

export const scoringProgram: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // No line words: the rule reads the text itself (builderOf), so it widens no other rule's lines.
  words: [],
  // What read needs: a scoring call, and a model variable assigned from a call whose callee names a model
  // (builderOf, case aside). A library module's `generate_default_cfgs(` alone is not enough.
  runStart: [
    /\b(?:evaluate|eval|generate|infer|inference|predict|benchmark)\w{0,60}[ \t]*\(/,
    /^[ \t]*(?:[A-Za-z]\w{0,40}_)?(?:model|net|llm)(?:[ \t]*,[ \t]*\w{1,60}){0,3}[ \t]*=[ \t]*[\w.]{0,120}?model[\w.]{0,120}[ \t]*\(/im,
    new RegExp(`^(?![\\s\\S]*(${TRAINS.source}))`),
  ],
  read: (_index, ctx) => readScoringProgram(ctx),
};
