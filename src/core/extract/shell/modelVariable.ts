import { findModel } from '../../knowledge';
import { sizeFromModelName } from '../../knowledge/modelName';

/**
 * A model handed to a program through a shell variable whose name says it is the model
 * (`MODEL_NAME_OR_PATH="org/name"` then `eval.py --logdir ${MODEL_NAME_OR_PATH}`): the program's own flag name
 * may say nothing (an evaluation script that calls its model folder `--logdir`), but the script's author named
 * the value. Read only where the variable is set in the same file to a plain name (no further `$`), and only
 * when no flag of the command already named the model.
 */

/** `MODEL`, `MODEL_PATH`, `MODEL_NAME_OR_PATH`, `BASE_MODEL`, `PRETRAINED_MODEL_NAME`, ... (not `OUTPUT_MODEL_DIR`). */
const MODEL_VARIABLE =
  /^(?:BASE_|PRETRAINED_|HF_|INIT_)?MODEL(?:_(?:NAME|PATH|ID|DIR|NAME_OR_PATH|ID_OR_PATH|REPO))?$/i;

/** `--flag ${VAR}`, `--flag="$VAR"`, `--flag $VAR`: a whole value that is one variable reference. */
const FLAG_FROM_VARIABLE = /--([\w.-]{1,60})[= \t]["']?\$\{?(\w{1,60})\}?["']?(?=[ \t]|$)/g;

/**
 * Flags naming where a program writes (TensorFlow Estimator's `--model_dir`, "the directory where model parameters,
 * graph, etc are saved", tf.estimator.RunConfig; `--output_dir`, `--save_dir`): a model-named variable handed to one
 * is the run's output folder (XLNet's `MODEL_DIR=experiment/squad`), not the model it loads.
 */
const OUTPUT_FLAG = /^(?:model[_-]dir|output[_-]dir|out[_-]dir|save[_-]dir|save[_-]path|output[_-]path)$/i;

/** At most this many flags of one command are looked at. */
const MAX_FLAGS = 200;

export interface ModelFromVariable {
  flag: string;
  variable: string;
  value: string;
}

/** The first flag of the command as written whose value is a model-named variable set in the script. */
export function modelFromVariable(written: string, vars: ReadonlyMap<string, string>): ModelFromVariable | undefined {
  if (!written.includes('$')) return undefined;
  let seen = 0;
  for (const m of written.matchAll(FLAG_FROM_VARIABLE)) {
    if (++seen > MAX_FLAGS) break;
    if (!MODEL_VARIABLE.test(m[2]) || OUTPUT_FLAG.test(m[1])) continue;
    const value = vars
      .get(m[2])
      ?.trim()
      .replace(/^["']|["']$/g, '');
    if (!value || value.includes('$') || /\s/.test(value) || value.length > 200) continue;
    return { flag: m[1], variable: m[2], value };
  }
  return undefined;
}

/**
 * The model a script names in a model-named variable (`MODEL_NAME=InternVL3-8B`) beside a model flag handed a blank
 * (`MODEL_PATH=PATH_TO_INTERNVL`, `--model_path $MODEL_PATH`): the author filled in the name and left the folder to
 * the reader. Only a plain name (no `$`, no path separator but an `org/` prefix) that the catalog knows or that
 * states its size, so a tag or a file stem is not taken for a model.
 */
export function modelNamedInVariables(
  vars: ReadonlyMap<string, string>,
): { variable: string; value: string } | undefined {
  let seen = 0;
  for (const [variable, raw] of vars) {
    if (++seen > MAX_FLAGS) break;
    if (!MODEL_VARIABLE.test(variable)) continue;
    const value = raw.trim().replace(/^["']|["']$/g, '');
    if (!/^[A-Za-z][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/.test(value)) continue;
    if (findModel(value) !== undefined || sizeFromModelName(value) !== undefined) return { variable, value };
  }
  return undefined;
}
