import { settingsKeyword } from '../../pythonValues';
import { unreadOptInAdapterSwitch } from '../branches';
import { readTrainingKeywords } from '../keywords';
import type { CallRule } from '../rules';
import { inUncalledLocalFunction } from '../uncalledLocal';

/** PEFT and bitsandbytes: LoRA adapters, and a 4-bit base model (QLoRA). */

export const adapters: CallRule = {
  framework: 'peft',
  callees: ['LoraConfig', 'get_peft_model', 'prepare_model_for_kbit_training'],
  words: ['Lora', 'peft'],
  read: ({ node, last, ctx }) => {
    // `def lorify(model): ... get_peft_model(...)` whose only call is commented out: the adapter is never applied.
    if (inUncalledLocalFunction(node)) return;
    // `if args.use_lora:` with the switch declared in another module's flag class: off unless the launch gives it.
    if (unreadOptInAdapterSwitch(node, ctx.symbols) !== undefined) return;
    // prepare_model_for_kbit_training readies a 4- or 8-bit base (PEFT docs, "prepare_model_for_kbit_training"): an
    // 8-bit base read before it (`BitsAndBytesConfig(load_in_8bit=True)`), with no 4-bit one, makes it LoRA over int8.
    const int8Base =
      ctx.facts.some((f) => f.kind === 'training.adapter' && f.value === 'int8-base') &&
      !ctx.facts.some((f) => f.kind === 'training.adapter' && f.value === 'qlora');
    ctx.add(
      'training.adapter',
      last === 'prepare_model_for_kbit_training' && !int8Base ? 'qlora' : 'lora',
      node.childForFieldName('function') ?? node,
      `${last} (PEFT)`,
    );
  },
};

/** BitsAndBytesConfig(load_in_4bit=True): the keywords say which quantised base. */
export const quantisedBase: CallRule = {
  framework: 'peft',
  callees: ['BitsAndBytesConfig'],
  words: ['BitsAndBytes', 'load_in_'],
  read: ({ node, last, ctx }) => {
    // `if args.use_qlora: BitsAndBytesConfig(load_in_4bit=True)`, the switch's default unread: off unless given.
    if (unreadOptInAdapterSwitch(node, ctx.symbols) !== undefined) return;
    readTrainingKeywords(node, ctx, last);
  },
};

/**
 * LoRA libraries other than PEFT, by the call that puts the adapters in and freezes the rest: loralib's
 * `lora.mark_only_lora_as_trainable(model)` (github.com/microsoft/LoRA, README "Quickstart": only the LoRA
 * matrices train) and the diffusion LoRA package's `inject_trainable_lora(unet)` / `inject_trainable_lora_extended`
 * (github.com/cloneofsimo/lora, README: replaces the attention projections with trainable low-rank adapters and
 * returns their parameters for the optimizer). Either makes the run a LoRA fine-tune of the model it wraps.
 */
export const otherAdapterLibraries: CallRule = {
  framework: 'peft',
  callees: ['mark_only_lora_as_trainable', 'inject_trainable_lora', 'inject_trainable_lora_extended'],
  words: ['_lora'],
  read: ({ node, last, ctx }) => {
    if (inUncalledLocalFunction(node)) return;
    if (unreadOptInAdapterSwitch(node, ctx.symbols) !== undefined) return;
    ctx.add(
      'training.adapter',
      'lora',
      node.childForFieldName('function') ?? node,
      `${last}: LoRA adapters, the rest frozen`,
    );
  },
};

/**
 * TRL's `get_peft_config(model_args)`: a LoraConfig when the ModelConfig it is given has `use_peft=True`, else None
 * (trl/trainer/utils.py, get_peft_config). Read where the ModelConfig is built in the file with that keyword written
 * (`ModelConfig(model_name_or_path=…, use_peft=True)`); a ModelConfig filled from the command line (TrlParser) leaves
 * the switch to the launch, whose `--use_peft` the shell reader reads. The 4-bit base is TRL's separate
 * `get_quantization_config(model_args)` (read through BitsAndBytesConfig's keywords where it is written out).
 */
export const trlPeftConfig: CallRule = {
  framework: 'peft',
  callees: ['get_peft_config'],
  words: ['get_peft_config'],
  read: ({ node, ctx }) => {
    if (inUncalledLocalFunction(node)) return;
    const first = node.childForFieldName('arguments')?.namedChildren[0];
    const built = first ? settingsKeyword(first, 'use_peft', ctx.symbols) : undefined;
    if (!first || !built || !/ModelConfig$/.test(built.callee) || built.value?.text !== 'True') return;
    ctx.add(
      'training.adapter',
      'lora',
      node,
      `get_peft_config(${first.text}) with ModelConfig(use_peft=True) (TRL): LoRA`,
    );
  },
};
