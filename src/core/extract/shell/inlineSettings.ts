import type { Fact } from '../../facts';
import { normalisePrecision } from '../precision';
import { withoutTrailingSlashes } from '../../trimSlashes';
import { withoutRootVariable } from './words';

/**
 * Settings a launch script states outside its launch line:
 * - a DeepSpeed or accelerate config the job writes for itself with a here-document (`cat << EOT > $DS_CONFIG`
 *   ... `EOT`, as Megatron-DeepSpeed's and many SLURM jobs do), whose `"bf16": {"enabled": true}` /
 *   `"fp16": {...}` (DeepSpeed config JSON, deepspeed.ai/docs/config-json) or `mixed_precision: bf16` (accelerate
 *   config file) is the precision the launched program trains in;
 * - a precision variable (`MODEL_PRECISION="bf16"`, `PRECISION=fp16`, `DTYPE=bfloat16`) set to a literal, which
 *   the script hands to its program (on the line, or through the environment of the job it submits).
 * Read only in a script that launches something; the launch line's own flags outrank both (they come first).
 */

/** Here-documents read per file, and lines per body: far above real scripts. */
const MAX_WRITTEN_CONFIGS = 20;
const MAX_BODY_LINES = 2_000;

const HERE_DOCUMENT_TO_FILE =
  /<<-?[ \t]*['"]?(\w+)['"]?[ \t]*>{1,2}[ \t]*\S|>{1,2}[ \t]*\S+[ \t]+<<-?[ \t]*['"]?(\w+)['"]?/;
/** DeepSpeed's `"bf16": { "enabled": true }` (or `"fp16"`), the object's first key `enabled` on any line of it. */
const DEEPSPEED_ENABLED = /"(bf16|fp16|bfloat16)"\s*:\s*\{\s*"enabled"\s*:\s*true\b/;
const ACCELERATE_MIXED = /^\s*mixed_precision\s*:\s*['"]?(bf16|fp16|fp8)\b/m;
const PRECISION_VARIABLE =
  /^[ \t]*(?:export[ \t]+)?((?:MODEL_|MIXED_|TRAIN_|TRAINING_|COMPUTE_)?PRECISION|(?:MODEL_|TORCH_)?DTYPE)=["']?([\w-]+)["']?[ \t]*(?:#.*)?$/;

/**
 * tinygrad's default float dtype, set in the environment (`DEFAULT_FLOAT=HALF`): every tensor the program makes
 * without a dtype is of it (tinygrad docs/env_vars.md, "DEFAULT_FLOAT ... specify the default float dtype (FLOAT32,
 * HALF, BFLOAT16, FLOAT64, ...), default to FLOAT32"; tinygrad/helpers.py `ContextVar("DEFAULT_FLOAT", "float32")`).
 * On an `export` line or a command's leading assignments, among other assignments. Bounded.
 */
const TINYGRAD_DEFAULT_FLOAT =
  /^[ \t]*(?:export[ \t]+)?(?:[A-Za-z_]\w{0,60}=\S{0,300}[ \t]+){0,40}DEFAULT_FLOAT=["']?(HALF|FLOAT16|BFLOAT16|FLOAT32|float16|bfloat16|float32|half)["']?(?=[ \t;]|$)/;

export function inlineSettings(lines: readonly string[]): Fact[] {
  const out: Fact[] = [];
  const at = (line: number) => ({ startLine: line, startCol: 0, endLine: line, endCol: lines[line].length });
  let written = 0;
  let variable: Fact | undefined;
  for (let i = 0; i < lines.length; i++) {
    const here = HERE_DOCUMENT_TO_FILE.exec(lines[i]);
    if (here && written < MAX_WRITTEN_CONFIGS) {
      written++;
      const word = here[1] ?? here[2];
      const body: string[] = [];
      let end = i + 1;
      for (; end < lines.length && end - i <= MAX_BODY_LINES && lines[end].trim() !== word; end++)
        body.push(lines[end]);
      const text = body.join('\n').replace(/\s+/g, ' ');
      const deepspeed = DEEPSPEED_ENABLED.exec(text);
      const accelerate = deepspeed ? null : ACCELERATE_MIXED.exec(body.join('\n'));
      const found = deepspeed?.[1] ?? accelerate?.[1];
      if (found)
        out.push({
          kind: 'training.precision',
          value: normalisePrecision(found),
          range: at(i),
          confidence: 'high',
          detail: deepspeed
            ? `the DeepSpeed config this script writes: "${found}": {"enabled": true}`
            : `the accelerate config this script writes: mixed_precision: ${found}`,
        });
      i = end;
      continue;
    }
    const tinygrad = variable || !lines[i].includes('DEFAULT_FLOAT=') ? null : TINYGRAD_DEFAULT_FLOAT.exec(lines[i]);
    if (tinygrad) {
      variable = {
        kind: 'training.precision',
        value: normalisePrecision(tinygrad[1].toLowerCase()) ?? 'fp32',
        range: at(i),
        confidence: 'medium',
        detail: `DEFAULT_FLOAT=${tinygrad[1]}: tinygrad's default float dtype for the program this script runs`,
      };
      continue;
    }
    const v = variable ? null : PRECISION_VARIABLE.exec(lines[i]);
    const precision = v ? normalisePrecision(v[2]) : null;
    if (v && precision && !/^int/.test(precision))
      variable = {
        kind: 'training.precision',
        value: precision,
        range: at(i),
        confidence: 'medium',
        detail: `${v[1]}=${v[2]}: the precision this script runs its program in`,
      };
  }
  return variable ? [...out, variable] : out;
}

/** Variables that hold the model or checkpoint folder a job loads (`CHECKPOINTS_DIR`, `MODEL_PATH`, `CKPT_DIR`). */
const CHECKPOINT_VARIABLE =
  /^(?:[A-Z]+_)?(?:MODEL|MODELS|CKPT|CKPTS|CHECKPOINT|CHECKPOINTS)(?:_(?:DIR|PATH|ROOT|NAME))?$/;

/** Folders a trainer writes a model's checkpoints in, under the model's folder (`checkpoints/main/global_step50000`). */
const STEP_FOLDER =
  /^(?:checkpoints?|ckpts?|main|latest|last|final|best|hf|global_step\d+|(?:step|iter|epoch|checkpoint)[_-]?\d+)$/i;
const MAX_STEP_FOLDERS = 4;

/**
 * The model a job evaluates or serves when it is only named by the folder of its checkpoints
 * (`CHECKPOINTS_DIR="/scratch/runs/${RUN_NAME}"` with `RUN_NAME="tr_12_vlm_2B"`): the folder's name, when it names a
 * model (a catalog id, or a size in the name). Low confidence: any model the launch line or its program names wins.
 */
export function checkpointFolderModel(
  lines: readonly string[],
  vars: ReadonlyMap<string, string>,
  names: (name: string) => boolean,
): Fact | undefined {
  for (const [name, value] of vars) {
    // A root set where the job runs (`$SCRATCH/checkpoints/tr11-176B-ml/…`) leaves the folders under it readable.
    const path = withoutRootVariable(value);
    if (!CHECKPOINT_VARIABLE.test(name) || path.includes('$') || value.length > 500) continue;
    // Where the run writes (`--save $CHECKPOINT_PATH`, `--output_dir $MODEL_DIR`) is what it makes, not what it loads.
    const written = new RegExp(`--(?:save|output)[\\w-]*[=\\s]+["']?\\$\\{?${name}\\b`);
    if (lines.some((l) => written.test(l))) continue;
    // The model's folder, above the folders a trainer writes its steps in (`…/tr11-176B-ml/checkpoints/main/global_step50000`).
    const folders = withoutTrailingSlashes(path).split('/');
    let folder = folders.pop() ?? '';
    for (let k = 0; k < MAX_STEP_FOLDERS && STEP_FOLDER.test(folder) && folders.length > 0; k++)
      folder = folders.pop() ?? '';
    if (!folder || !names(folder)) continue;
    const line = lines.findIndex((l) => new RegExp(`^\\s*(?:export\\s+)?${name}=`).test(l));
    if (line < 0) continue;
    return {
      kind: 'model.id',
      value: folder,
      range: { startLine: line, startCol: 0, endLine: line, endCol: lines[line].length },
      confidence: 'low',
      detail: `${name}=${value}: the checkpoints of ${folder}`,
    };
  }
  return undefined;
}
