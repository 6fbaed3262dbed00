import type { Fact, FactKind, FactValue } from '../../facts';
import { PART_SEPARATOR } from '../../runVocabulary';
import { findModelByName } from '../../knowledge';
import { unquote } from './words';
import { withoutTrailingSlashes } from '../../trimSlashes';

/**
 * Vision-language training launches (LLaVA's train.py and the programs built on it, InternVL's chat
 * pretrain/finetune programs, DeepSpeed-VisualChat): what their flags say about the model and how it trains.
 *
 * - A model assembled from parts: a vision encoder (`--vision_tower`, `--vision_path`,
 *   `--vision_model_name_or_path`) and a language model (`--llm_path`, `--lm_model_name_or_path`, or LLaVA's
 *   `--model_name_or_path` beside `--vision_tower`). Both are trained or run together, so the model is the two
 *   (`LLM + vision`, sized part by part when resolved). Both parts are pretrained checkpoints, so the run starts
 *   from pretrained weights even when the connector between them (LLaVA's `mm_projector`, InternVL's MLP) is new
 *   (LLaVA's "Pretrain (feature alignment)" stage trains only that connector on a pretrained LLM).
 * - LoRA on a part of the model: `--use_llm_lora 16`, `--use_backbone_lora 16` (InternVL: the LoRA rank on the
 *   language model or the vision backbone, 0 = off; internvl_chat_finetune.py ModelArguments).
 */

/** A command that may hold any of the flags below: the others are not looked for without it. */
export const VISION_LANGUAGE_WORD = /--(?:use_\w{1,40}_lora|vision_tower|vision_path|vision_model_)/;

/** Flags naming the vision encoder a VLM is assembled from. */
const VISION_FLAG = /(?:^|\s)--(?:vision_tower|vision_path|vision_model_name_or_path|vision_model_path)(?:=|\s+)(\S+)/;
/** Flags naming the language model it is assembled from; `--model_name_or_path` only beside a vision flag. */
const LANGUAGE_FLAG =
  /(?:^|\s)--(?:llm_path|lm_model_name_or_path|language_model_name_or_path|llm_model_name_or_path|model_name_or_path)(?:=|\s+)(\S+)/;
/** A trained connector loaded into the assembled model: not a new model, a later stage. */
const CONNECTOR_LOADED =
  /(?:^|\s)--(?:pretrain_mm_mlp_adapter|mlp_path|pretrained_projector)(?:=|\s+)(?!["']?(?:None|none|null)?["']?(?:\s|$))\S/;
/** `--use_llm_lora 16`, `--use_backbone_lora 8`: a LoRA rank on a part of the model (0 = none). */
const PART_LORA = /(?:^|\s)--use_(\w{1,40})_lora(?:=|\s+)(\S+)/g;

/** A documentation path that names nothing (`/path/to/base_llm_model`, `<path>`): a blank to fill in. */
const BLANK_PATH = /^(?:\.{0,2}\/)?path\/to\/|<[\w.-]{1,60}>/i;
const MODEL_TYPE_FLAG = /(?:^|\s)--model[_-]type(?:=|\s+)["']?([A-Za-z][\w.-]{1,60})["']?(?=\s|$)/;

/** The catalog model a launch names as its model type (`--model_type phi-2` → microsoft/phi-2), with the word. */
export function namedModelType(command: string): { word: string; id: string } | undefined {
  const word = MODEL_TYPE_FLAG.exec(command)?.[1];
  const id = word ? findModelByName(word)?.id : undefined;
  return word && id ? { word, id } : undefined;
}

/** A part named by a literal path or Hub id (not a shell variable, an option or an empty word). */
function namedPart(word: string | undefined): string | undefined {
  const unquoted = unquote(word);
  const value = unquoted ? withoutTrailingSlashes(unquoted) : unquoted;
  return value && /^[\w./~-]{2,200}$/.test(value) && /[a-z]/i.test(value) && !value.startsWith('-') ? value : undefined;
}

export interface VisionLanguageSink {
  add(kind: FactKind, value: FactValue, detail: string, confidence?: Fact['confidence']): void;
}

/**
 * Reads one launch command (expanded). Returns true when it named an assembled model, so the caller drops the
 * single-model reading of `--model_name_or_path`, which names only the language part.
 */
export function readVisionLanguageLaunch(command: string, out: VisionLanguageSink): boolean {
  let lora: string | undefined;
  for (const m of command.matchAll(PART_LORA)) {
    const rank = Number(unquote(m[2]));
    if (rank > 0) {
      lora = `--use_${m[1]}_lora ${rank}`;
      break;
    }
  }
  if (lora) out.add('training.adapter', 'lora', `${lora}: LoRA adapters on that part of the model`);
  const vision = namedPart(VISION_FLAG.exec(command)?.[1]);
  const written = namedPart(LANGUAGE_FLAG.exec(command)?.[1]);
  // A documentation blank for the language model (`--model_name_or_path /path/to/base_llm_model`) beside the
  // catalog model the launch names as its type (`--model_type phi-2`, Bunny's launches): that model.
  const typed = written && BLANK_PATH.test(written) ? namedModelType(command)?.id : undefined;
  const language = typed ?? written;
  if (!vision || !language) return false;
  out.add(
    'model.id',
    `${language}${PART_SEPARATOR}${vision}`,
    `a vision-language model assembled from ${language} (language model) and ${vision} (vision encoder)`,
  );
  // Both parts are pretrained checkpoints: training the new connector (LLaVA's stage one, InternVL's MLP warmup)
  // or the whole starts from pretrained weights, not from scratch.
  out.add(
    'model.fromScratch',
    false,
    CONNECTOR_LOADED.test(command)
      ? 'assembled from pretrained parts, with a trained connector loaded'
      : 'assembled from pretrained parts (the connector between them starts untrained)',
    'medium',
  );
  return true;
}

/**
 * `LLM_VERSION="Qwen/Qwen2-7B-Instruct"` above a later stage's launch whose `--model_name_or_path` is the previous
 * stage's checkpoint folder (`/mnt/…/checkpoints/onevision/<run>`, a path that names no model): staged
 * vision-language recipes (LLaVA-OneVision's pretrain → mid → final stages) keep the language model they started
 * from in a variable of that name, used for run names and the first stage. The checkpoint is that model trained
 * further, so the language part is read as it (with the path in the detail). Only a variable named for the
 * language model (`LLM`, `LLM_VERSION`, `LLM_PATH`, `LANGUAGE_MODEL`, `BASE_LLM`, …) holding one literal Hub id.
 */
const LLM_VARIABLE = /^(?:BASE_)?(?:LLM|LANGUAGE_MODEL)(?:_(?:VERSION|NAME|PATH|ID|MODEL|NAME_OR_PATH))?$/i;
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

export function languageModelVariable(vars: ReadonlyMap<string, string>): { name: string; value: string } | undefined {
  let found: { name: string; value: string } | undefined;
  for (const [name, raw] of vars) {
    if (!LLM_VARIABLE.test(name)) continue;
    const value = raw.trim().replace(/^["']|["']$/g, '');
    if (!HUB_ID.test(value)) continue;
    // Two language models named: the script does not say which one the checkpoint holds.
    if (found && found.value !== value) return undefined;
    found = { name, value };
  }
  return found;
}
