import type { Fact } from '../../facts';
import { findModel } from '../../knowledge';
import { sizeFromModelName } from '../../knowledge/modelName';

/**
 * A launch-free script other scripts `source` for their settings (a model-arguments file: `MP_SIZE=8` and
 * `MODEL_ARGS="--num-layers 40 --hidden-size 5120 ... --fp16"`, then `torchrun --nproc_per_node $MP_SIZE
 * train.py $MODEL_ARGS` in each script that sources it). `source` runs the file in the caller's shell (bash manual,
 * "Bourne Shell Builtins": "Read and execute commands from the filename argument in the current shell context"),
 * so its variables are the caller's. What they would give on a launch line is read here, each fact tagged with the
 * variable it comes from (`within`): it reaches a sourcing script only through its `source` link, and only when
 * that script uses the variable where the fact means something (analyze.ts linkedFacts, `Fact.functions`).
 *
 * - A variable holding program flags (three or more `--name` words): read as the flags of a launch line, tagged
 *   `$NAME`; a model-named variable of the same file that names a model (`MODEL_TYPE="family-13b"`: a catalog
 *   id or a name that states its size) rides with them.
 * - A variable holding a whole launch command (`header="torchrun --nproc_per_node 1 -m pkg.train"`): its launch,
 *   links and flags, tagged `$NAME`, for the scripts that run it (`eval "$header" "$training_args"`).
 * - A variable holding a small whole number: the per-node process count of a launch that takes it there
 *   (`--nproc_per_node $MP_SIZE`), tagged `per-node:$NAME`.
 */

/** The tag of a fact read from a flags variable the sourcing script expands (`$MODEL_ARGS`). */
export const flagsTag = (name: string) => `$${name}`;
/** The tag of a per-node process count a sourcing script's launch takes from a variable (`--nproc_per_node $N`). */
export const perNodeTag = (name: string) => `per-node:$${name}`;

/** Detail suffix of every fact read here. */
const SOURCED = 'set by this file for the scripts that source it';
/** Flags a variable must hold to be read as a program's arguments. */
const MIN_FLAGS = 3;
/** Variables looked at per file. */
const MAX_VARIABLES = 100;
/** Flags variables read per file. */
const MAX_FLAG_VARIABLES = 8;
/** `MODEL`, `MODEL_TYPE`, `MODEL_NAME`, `BASE_MODEL`: a variable named for the model the arguments build. */
const MODEL_NAME_VARIABLE = /^(?:BASE_|PRETRAINED_)?MODEL(?:_(?:TYPE|NAME|ID|VERSION))?$/i;

export function sourcedArguments(
  lines: readonly string[],
  vars: ReadonlyMap<string, string>,
  readLaunch: (command: string) => readonly Fact[],
): Fact[] {
  const out: Fact[] = [];
  const lineOf = (name: string): number => {
    const assigned = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}=`);
    let at = -1;
    lines.forEach((l, k) => {
      if (at < 0 && assigned.test(l)) at = k;
    });
    return at;
  };
  let model: { variable: string; value: string } | undefined;
  let looked = 0;
  for (const [name, raw] of vars) {
    if (++looked > MAX_VARIABLES) break;
    const value = raw.trim().replace(/^["']|["']$/g, '');
    if (!model && MODEL_NAME_VARIABLE.test(name) && /^[A-Za-z][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?$/.test(value))
      if (findModel(value) !== undefined || sizeFromModelName(value) !== undefined) model = { variable: name, value };
  }
  let flagVariables = 0;
  looked = 0;
  for (const [name, raw] of vars) {
    if (++looked > MAX_VARIABLES) break;
    const at = lineOf(name);
    if (at < 0) continue;
    const range = { startLine: at, startCol: 0, endLine: at, endCol: lines[at].length };
    const value = raw.trim();
    if (/^[1-9]\d{0,3}$/.test(value)) {
      out.push({
        kind: 'hardware.devices',
        value: Number(value),
        range,
        confidence: 'medium',
        detail: `${name}=${value}, the processes per node of the launch that takes it (${SOURCED})`,
        within: perNodeTag(name),
      });
      continue;
    }
    const tag = flagsTag(name);
    // A variable holding a whole launch command (`export header="torchrun --nproc_per_node 1 -m pkg.train"`), run by
    // the scripts that source this one (`eval "$header" "$training_args"`): its launch, links and flags, tagged.
    const unquoted = value.replace(/^["']|["']$/g, '');
    if (/^[\w./-]{1,200}[ \t]/.test(unquoted) && value.length <= 20_000 && flagVariables < MAX_FLAG_VARIABLES) {
      const launched = readLaunch(unquoted);
      if (launched.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')) {
        flagVariables++;
        for (const f of launched)
          out.push({ ...f, range, confidence: 'medium', detail: `$${name}: ${f.detail} (${SOURCED})`, within: tag });
        continue;
      }
    }
    const flags = value.match(/(?:^|\s)--[A-Za-z][\w-]{0,60}/g)?.length ?? 0;
    if (flags < MIN_FLAGS || value.length > 20_000 || ++flagVariables > MAX_FLAG_VARIABLES) continue;
    for (const f of readLaunch(`python program.py ${value}`)) {
      if (/^(?:launch|link|run)\./.test(f.kind)) continue;
      out.push({ ...f, range, confidence: 'medium', detail: `$${name}: ${f.detail} (${SOURCED})`, within: tag });
    }
    if (model) {
      const origin = lineOf(model.variable);
      out.push({
        kind: 'model.id',
        value: model.value,
        range: origin >= 0 ? { startLine: origin, startCol: 0, endLine: origin, endCol: lines[origin].length } : range,
        confidence: 'medium',
        detail: `${model.variable}="${model.value}", the model $${name} configures (${SOURCED})`,
        within: tag,
      });
    }
  }
  return out;
}

/** Variables a sourcing script takes from its environment, looked at per file. */
const MAX_TAKEN = 50;

/**
 * The tags (above) a `source` link of this script draws: the variables it expands but never sets (`$MODEL_ARGS`),
 * and those a launch takes its per-node process count from (`--nproc_per_node $MP_SIZE`, DeepSpeed's
 * `--num_gpus $N`) without setting them.
 */
export function takenFromSourced(text: string, vars: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\$\{?([A-Za-z_]\w{0,60})\}?/g)) {
    if (out.size >= MAX_TAKEN) break;
    // Taken too when this script only extends it (`base_training_args="$base_training_args --fsdp ..."`).
    const own = vars.get(m[1]);
    if (own === undefined || new RegExp(`\\$\\{?${m[1]}\\b`).test(own)) out.add(flagsTag(m[1]));
  }
  for (const m of text.matchAll(
    /--(?:nproc[-_]per[-_]node|num[-_]gpus)(?:=|[ \t]+)["']?\$\{?([A-Za-z_]\w{0,60})\}?/g,
  )) {
    if (out.size >= 2 * MAX_TAKEN) break;
    if (!vars.has(m[1])) out.add(perNodeTag(m[1]));
  }
  return [...out];
}
