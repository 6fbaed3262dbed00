import { evaluate, keywordArgument } from '../../pythonValues';
import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * FunASR's entry point (github.com/modelscope/FunASR, README "Quick Start": `from funasr import AutoModel`, then
 * `model = AutoModel(model="paraformer-zh", vad_model="fsmn-vad", punc_model="ct-punc")` and `model.generate(input=...)`):
 * the `model=` keyword names the model the pipeline runs, as a ModelScope/Hugging Face id (`org/name`) or one of the
 * package's short aliases, written in the call or held in a variable assigned above it; `vad_model=`, `punc_model=`
 * and `spk_model=` name helper models beside it and are not the model. A file name or a path is a checkpoint: not
 * read, nor is a helper function's parameter default (what a caller gets when it names none).
 * Only where the file imports `AutoModel` from `funasr` (transformers' `AutoModel` is built with `from_pretrained`).
 */

/** `org/name` or a bare name, as the model hubs write ids. */
const HUB_ID = /^[A-Za-z][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,127})?$/;
const FILE_EXTENSION = /\.(?:pt|pth|ckpt|bin|safetensors|onnx|json|ya?ml)$/i;

/**
 * Whether the file imports FunASR's `AutoModel` under its own name (`from funasr import AutoModel`, at the top or
 * inside the function that uses it). Bounded: one line, no nested quantifiers.
 */
const FUNASR_IMPORT =
  /^[ \t]{0,40}from[ \t]+funasr(?:\.[\w.]{1,80})?[ \t]+import[ \t(][^\n]{0,300}\bAutoModel\b(?![ \t]+as\b)/m;

export const funasrAutoModel: CallRule = {
  framework: 'funasr',
  callees: ['AutoModel'],
  when: ({ full, ctx }) => full === 'funasr.AutoModel' || (full === 'AutoModel' && FUNASR_IMPORT.test(ctx.text)),
  read: ({ full, args, ctx }) => {
    const model = args ? keywordArgument(args, 'model') : null;
    if (!model) return;
    const r = evaluate(model, ctx.symbols);
    const value = r?.value;
    if (typeof value !== 'string' || !HUB_ID.test(value) || FILE_EXTENSION.test(value)) return;
    // A helper's parameter default (`def label_data(..., model_dir="org/name")`) is what a caller gets when it names
    // none, not a model this file is known to run.
    const holder = r?.origin.parent?.type;
    if (holder === 'default_parameter' || holder === 'typed_default_parameter') return;
    ctx.add(
      'model.id',
      value,
      r?.origin ?? model,
      r?.via ? `model of ${full}(...) (${truncate(r.via, 60)})` : `model= of FunASR's ${full}(...)`,
      r?.via ? 'medium' : 'high',
    );
  },
};
