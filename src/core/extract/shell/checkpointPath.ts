import { hubIdInPath } from '../config/dialect';
import { findModelByName } from '../../knowledge';

/**
 * `--checkpoint_path checkpoints/meta-llama/Llama-2-7b-chat-hf/model_int4.g32.pth`: the weights file of a
 * converted checkpoint, kept in a folder named after the Hub repository it was downloaded from. That is the
 * layout of gpt-fast (pytorch-labs/gpt-fast README: `scripts/prepare.sh $MODEL_REPO` writes
 * `checkpoints/$MODEL_REPO/model.pth`, and `quantize.py --mode int8|int4` writes `model_int8.pth` /
 * `model_int4.g<groupsize>.pth` next to it) and of the programs built on it (torchchat, torchao's
 * generate.py). The folder names the model; the file's `int8`/`int4` suffix says the weights are stored
 * quantised weight-only: "int8 weight-only quantization" and "int4 weight-only quantization" dequantise each
 * weight to the activations' type in the matmul (gpt-fast README, Quantization), so the compute keeps the dtype
 * the program moves the model to (bf16 there) and only the weights read from memory shrink.
 */

/** Flags that hold the weights file itself (not a folder, not a run's output). */
export const CHECKPOINT_FILE_FLAGS: ReadonlySet<string> = new Set(['checkpoint_path', 'ckpt_path']);

/** A weights file at the end of a path. */
const WEIGHTS_FILE = /\/[\w.-]{1,200}\.(?:pth|pt|bin|safetensors|ckpt)$/i;
/** `model_int8.pth`, `model_int4.g32.pth`: a weight-only quantised file. */
const QUANTISED_STEM = /(?:^|[_.-])int([48])(?=[_.-]|$)/i;

export interface CheckpointFileModel {
  /** The Hub id the folder is named after. */
  readonly id: string;
  /** `int4`/`int8` when the file name says its weights are stored so. */
  readonly weights?: 'int4' | 'int8';
}

/** The model a weights file belongs to, read from the Hub id its folder is named after; undefined when none. */
export function checkpointFileModel(path: string): CheckpointFileModel | undefined {
  const p = path.trim().replace(/\\/g, '/');
  if (p.length > 1000 || !WEIGHTS_FILE.test(p)) return undefined;
  const slash = p.lastIndexOf('/');
  const id = hubIdInPath(p.slice(0, slash));
  if (!id) return undefined;
  const bits = QUANTISED_STEM.exec(p.slice(slash + 1))?.[1];
  return bits ? { id, weights: bits === '4' ? 'int4' : 'int8' } : { id };
}

/** `--checkpoint-path`, `--lm-checkpoint-path`, `--ckpt_dir` (dashes as underscores): a flag that holds a checkpoint. */
export const CHECKPOINT_FOLDER_FLAG = /^(?:\w{1,40}_)?(?:checkpoint|ckpt)_(?:path|dir)$/;
/** A file at the end of a path (a weights file, a config): not a model's folder. */
const FILE_END = /\.\w{1,12}$/;

/**
 * `checkpoints/<name>` / `weights/<name>/`: the catalog id of the released model a folder is named after (released
 * models are downloaded into a folder of their name: `hf download org/name --local-dir checkpoints/name`). Only a
 * name the catalog knows counts; a path ending in a file (`…/codec.pth`) is a component's file, not read here.
 */
export function releasedFolderModel(path: string): string | undefined {
  const p = path
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\\/g, '/')
    .replace(/\/+$/, '');
  if (p.length === 0 || p.length > 300 || FILE_END.test(p)) return undefined;
  return findModelByName(p.slice(p.lastIndexOf('/') + 1))?.id;
}
