import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * Framework programs driven by parsed argument dataclasses (LMFlow's examples and the many projects shaped like them):
 *
 *     model_args, data_args, pipeline_args = parser.parse_args_into_dataclasses()
 *     model = AutoModel.get_model(model_args, do_train=False)
 *     inferencer = AutoPipeline.get_pipeline(pipeline_name="vllm_inferencer", ...)
 *     inferencer.inference(model, dataset)          # or finetuner.tune(model=model, ...), aligner.align(model=model)
 *
 * The model is built from the model-arguments dataclass (`--model_name_or_path` on the command line, so its name is
 * set where the program is launched), and the pipeline's verb says what the run does: `inference`/`stream_inference`
 * generate with it, `tune`/`align` fine-tune or align the checkpoint it names (not a random initialisation). A model built that way and handed to nothing of the kind (a LoRA merge
 * that saves the weights) starts no run here.
 */

/**
 * `model = X.get_model(model_args`, also `load_model(`/`build_model(`/`create_model(` and over several lines, or the
 * framework's model class built from them (`model = hf_decoder_model.HFDecoderModel(model_args)`).
 */
const BUILT_FROM_ARGUMENTS =
  /^[ \t]*(\w{1,60})[ \t]*=[ \t]*(?:\w{1,60}\.){0,3}(?:(?:get|load|build|create)_model|[A-Z][A-Za-z0-9]{0,60}Model)\([ \t\r\n]{0,200}model_arg(?:ument)?s\b/gm;
const MAX_MODELS = 20;

const INFERENCE_VERBS = new Set(['inference', 'stream_inference']);
const TRAINING_VERBS = new Set(['tune', 'align']);

/** Names the file assigns a model built from the model-arguments dataclass to. */
function modelsFromArguments(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('model_arg')) return names;
  for (const m of text.matchAll(BUILT_FROM_ARGUMENTS)) {
    names.add(m[1]);
    if (names.size >= MAX_MODELS) break;
  }
  return names;
}

/** The model a pipeline call is given: `model=` or its first positional argument, when a plain name. */
function modelArgument(call: Node): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  const named = keywordArgument(args, 'model');
  if (named) return named.type === 'identifier' ? named : null;
  const first = args.namedChildren[0];
  return first && first.type === 'identifier' ? first : null;
}

export const argumentPipelineRun: CallRule = {
  framework: 'argument-pipeline',
  callees: [...INFERENCE_VERBS, ...TRAINING_VERBS],
  runStart: [/(?:_model|Model)\([ \t\r\n]{0,200}model_arg/, /\.(?:stream_)?inference\(|\.tune\(|\.align\(/],
  when: ({ node, full, last, ctx }) => {
    if (full === last || !full.endsWith(`.${last}`)) return false;
    const model = modelArgument(node);
    return !!model && modelsFromArguments(ctx.text).has(model.text);
  },
  read: ({ node, full, last, ctx }) => {
    const model = modelArgument(node)!;
    const fn = node.childForFieldName('function') ?? node;
    // `model_args = ModelArguments(model_name_or_path=params.model)` in the file: the value it is given (a flag's
    // default, a literal) names the model; otherwise the arguments are parsed and the model is named at launch.
    const built = ctx.symbols.lookup('model_args')?.node;
    const named =
      built?.type === 'call' && /(?:^|\.)ModelArguments$/.test(built.childForFieldName('function')?.text ?? '')
        ? keywordArgument(built.childForFieldName('arguments')!, 'model_name_or_path')
        : null;
    const value = named ? evaluate(named, ctx.symbols) : undefined;
    if (named && typeof value?.value === 'string') {
      ctx.add(
        'model.id',
        value.value,
        named,
        value.via ? `model_name_or_path (${value.via})` : 'model_name_or_path of ModelArguments',
        'medium',
      );
      if (value.via) ctx.amendLast({ originLine: value.origin.startPosition.row });
    } else
      ctx.add(
        'model.id',
        null,
        model,
        `${model.text} is built from the parsed model arguments (--model_name_or_path): named where the program is launched`,
        'medium',
      );
    if (INFERENCE_VERBS.has(last))
      ctx.add('launch.inference', full, fn, `${full}(${model.text}, ...) generates with the model`, 'medium');
    else {
      ctx.add('launch.trainer', full, fn, `${full}(${model.text}, ...) trains the model`, 'medium');
      // Tuning and aligning adjust a model the arguments name (its checkpoint), not a freshly initialised one.
      ctx.add('model.fromScratch', false, fn, `${full}(...): tunes or aligns the named checkpoint`, 'low');
    }
  },
};
