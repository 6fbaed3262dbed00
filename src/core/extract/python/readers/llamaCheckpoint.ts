import { sizeFromModelName } from '../../../knowledge/modelName';
import { keywordArgument, stringLiteral } from '../../pythonValues';
import { argparseFlags } from '../context';
import type { CallRule, FileRule } from '../rules';

/**
 * LLaMA-style programs built on Meta's first release (LLaMA-Adapter, its multimodal and ImageBind variants):
 * the program builds the `Transformer` from `params.json` in a folder of Meta's release layout, whose folders are
 * named by the size (`${TARGET_FOLDER}/7B`, `13B`, `30B`, `65B`: github.com/facebookresearch/llama, v1
 * `download.sh`). `--llama_path` holds that layout and `--llama_type 7B` picks the size folder in it
 * (`os.path.join(args.llama_path, args.llama_type)`), so the type's default names the base model, and a program
 * with such a flag loads pretrained LLaMA weights: what it trains (adaption prompts, a visual projector, bias and
 * norm) sits on a pretrained base, a fine-tune, never training from scratch.
 */

/** The flag that picks the size folder, and its default (`7B`, `7B_chinese`, `65B`). */
const TYPE_FLAGS = new Set(['llama_type', 'llama_size']);
const SIZE_TYPE = /^(\d{1,3})B(?:[-_][A-Za-z]\w{0,30})?$/i;
/** Flags that hand the program the folder of LLaMA weights it loads. */
const WEIGHTS_FLAGS = new Set(['llama_path', 'llama_model_path', 'llama_dir', 'llama_ckpt_dir']);
/** `--model llama7B_adapter`: a builder of the program named for a LLaMA size (`Llama7B_adapter`). */
const LLAMA_NAME = /llama/i;

export const llamaProgramFlags: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a LLaMA program may take its weights folder under another flag name.
  readsWithoutWords: true,
  words: ['llama_type', 'llama_size', 'llama_path', 'llama_model_path', 'llama_dir', 'llama_ckpt_dir'],
  read: (index, ctx) => {
    if (!ctx.hasMainGuard) return;
    const named = ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null);
    let sized = false;
    let loads = false;
    for (const { flag, dest: name, args, call: node } of argparseFlags(index.calls, ctx)) {
      const def = keywordArgument(args, 'default');
      const value = def ? stringLiteral(def) : null;
      if (!named && !sized && def && value && TYPE_FLAGS.has(name)) {
        const size = SIZE_TYPE.exec(value)?.[1];
        if (size) {
          sized = true;
          ctx.add(
            'model.id',
            `llama-${size}b`,
            def,
            `default of ${flag}: the ${size}B folder of the LLaMA weights`,
            'medium',
          );
        }
      } else if (
        !named &&
        !sized &&
        def &&
        value &&
        name === 'model' &&
        LLAMA_NAME.test(value) &&
        sizeFromModelName(value)
      ) {
        sized = true;
        ctx.add('model.id', value, def, `default of ${flag}: the LLaMA builder the program calls`, 'medium');
      } else if (!loads && WEIGHTS_FLAGS.has(name)) {
        loads = true;
        ctx.add('model.fromScratch', false, node, `${flag}: the program loads pretrained LLaMA weights`, 'medium');
      }
    }
  },
};

/**
 * `llama.load("BIAS-7B", llama_dir, device)`: the LLaMA-Adapter package's loader of a released adapter over the
 * LLaMA weights in `llama_dir` (its README: "choose from BIAS-7B, LORA-BIAS-7B, CAPTION-7B"); `"7B"` alone is the
 * adapter over LLaMA-7B.
 */
export const llamaPackageLoad: CallRule = {
  framework: 'pytorch',
  callees: ['load'],
  words: ['llama.load'],
  when: ({ full }) => full === 'llama.load',
  read: ({ node, full, ctx }) => {
    const first = node.childForFieldName('arguments')?.namedChildren[0];
    const value = first ? stringLiteral(first) : null;
    if (!first || !value || !sizeFromModelName(value)) return;
    const id = /^\d{1,3}B$/i.test(value) ? `llama-${value.toLowerCase()}` : value;
    ctx.add('model.id', id, first, `${full}("${value}"): a released LLaMA-Adapter model`, 'medium');
    ctx.add('model.fromScratch', false, first, `${full}: released weights`, 'medium');
  },
};
