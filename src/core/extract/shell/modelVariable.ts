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
    if (!MODEL_VARIABLE.test(m[2])) continue;
    const value = vars
      .get(m[2])
      ?.trim()
      .replace(/^["']|["']$/g, '');
    if (!value || value.includes('$') || /\s/.test(value) || value.length > 200) continue;
    return { flag: m[1], variable: m[2], value };
  }
  return undefined;
}
