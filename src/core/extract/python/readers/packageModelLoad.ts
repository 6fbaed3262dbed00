import { fromImports } from '../fromImports';
import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { findModel } from '../../../knowledge';
import { TRAINS_HERE } from '../trainingText';

/**
 * A notebook or script that loads a released model by its name through a loader of the repository's own package
 * (`from mypkg.models.download import load_model`, then `model = load_model('text300M', device=device)` in a cell)
 * and runs it (a sampling or encoding function of the package handed that model): an inference run, though no
 * `from_pretrained` or `generate` call is in the file. The model is the name given to the loader; where several
 * are loaded (a decoder beside the sampled model), the one whose name states its size is the one the compute is
 * spent on, else the first. The loader's module is linked (low confidence: an installed package has no such file).
 *
 * The guided-diffusion family's sampling switch `use_fp16=True` handed to a call of the run (openai's
 * guided-diffusion `model_and_diffusion_defaults`, the samplers built on it) runs the model under float16.
 *
 * The same load written in two steps (eighteenth round, set U): the package's builder handed an entry of its registry
 * of released configs (`from mypkg.models.configs import MODEL_CONFIGS, model_from_config`, then
 * `model = model_from_config(MODEL_CONFIGS[name], device)` with `name = 'base40M'` or the key written in the
 * brackets), then the released weights loaded into it (`model.load_state_dict(load_checkpoint(name, device))`): the
 * registry's key is the model's name. Without weights loaded the network is a fresh initialisation: not read.
 *
 * The name handed through a variable (nineteenth round, set V): `model = load_flow_model(name, device=...)` where
 * `name` is the entry function's parameter with a default (`def main(name: str = "flux-dev", ...)`, run through
 * `Fire(main)`) or a plain assignment above the call (`name = "flux-dev-fill"`): the default is the model the program
 * loads when it is not told otherwise. Only a name the catalog knows counts that way (an unknown word held in a
 * variable may be anything). Where another rule already started the run (a helper classifier's `pipeline(...)`
 * beside the sampled model), the name still says which model the run samples with, unless a surer fact named one.
 *
 * Not read where the file trains (an optimiser step, a backward pass), where another rule already found the run
 * (except for the model's name, as above), or for a name that is a path or a file (`load_model('ckpt/model.pt')`:
 * a checkpoint, read by the torch rules).
 */

/** A loader by its name: `load_model`, `load_models`, `load_pretrained_model`. */
const LOADER = /^load_(?:[a-z0-9]{1,20}_){0,2}models?$/;
/** Libraries installed from an index: their loaders are read by their own rules (`whisper.load_model` included). */
const INSTALLED =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|tf_keras|jax|flax|accelerate|peft|trl|timm|whisper|clip|open_clip|sklearn|numpy|scipy|mlflow|lightning|pytorch_lightning|ultralytics)(?:\.|$)/;
/** Training written in the file itself: not an inference run. */
/** A released model's name: a word with letters, no path separator, no file extension. */
const MODEL_NAME = /^[A-Za-z][\w.-]{0,63}$/;
const FILE_EXTENSION = /\.(?:pt|pth|ckpt|bin|safetensors|h5|keras|pkl|onnx|json|ya?ml|npz)$/i;
const MAX_NAMES = 50;
const MAX_LOADS = 8;
/** A builder of the package that makes a network from a config (`model_from_config`, `diffusion_from_config`). */
const BUILDER = /^[a-z][a-z0-9_]{0,40}_from_config$/;
/** A registry of released configs, imported beside it (`MODEL_CONFIGS`): a constant's name. */
const REGISTRY = /^[A-Z][A-Z0-9_]{0,60}$/;
/** Released weights loaded into what was built: a package's checkpoint loader or `load_state_dict`. */
const LOADS_WEIGHTS = /\bload_checkpoint[ \t]*\(|\.load_state_dict[ \t]*\(/;
/**
 * A released model's name glued to its size with a capital unit (`text300M`, `image300M`, `base40M`): the name as
 * a whole is a word and the size, as the model's authors write it. (The shared name reader reads glued sizes only
 * after chat-model family words; a loader's name argument is a model name, so the whole-name shape is safe here.)
 */
const GLUED_NAME_SIZE = /^[a-z]{2,20}(\d{1,4})([MB])(?:-[a-z]{1,20})?$/;

function sizeOfLoadedName(name: string): number | undefined {
  const named = sizeFromModelName(name);
  if (named) return named.params;
  const glued = GLUED_NAME_SIZE.exec(name);
  return glued ? Number(glued[1]) * (glued[2] === 'B' ? 1e9 : 1e6) : undefined;
}

export const packageModelLoad: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_model', '_from_config'],
  runStart: [
    /\bload_\w{0,40}models?[ \t]*\([ \t]*(?:(?:\n[ \t]*)?["'][A-Za-z]|[A-Za-z_]\w{0,60}[ \t]*[,)])|_from_config[ \t]*\([ \t]*[A-Z][A-Z0-9_]{0,60}\[/,
    /^from[ \t]+\w+\.[\w.]+[ \t]+import\b/m,
  ],
  read: (_index, ctx) => {
    if (TRAINS_HERE.test(ctx.text)) return;
    const started = ctx.facts.some(startsARun);
    // A surer model fact (a `from_pretrained` id) already names the run's model.
    if (started && ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null && f.confidence !== 'low')) return;
    const loaders = new Map<string, string>();
    const builders = new Map<string, string>();
    const registries = new Set<string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      // A package's module (`mypkg.models.download`, or relative): a single word may be an installed library.
      if (INSTALLED.test(module.replace(/^\.+/, '')) || loaders.size + builders.size >= MAX_NAMES) continue;
      if (!/\./.test(module)) continue;
      const file = `${module.replace(/^\.+/, '').replace(/\./g, '/')}.py`;
      if (LOADER.test(name)) loaders.set(local, file);
      else if (BUILDER.test(name)) builders.set(local, file);
      else if (REGISTRY.test(name) && registries.size < MAX_NAMES) registries.add(local);
    }
    if (loaders.size === 0 && (builders.size === 0 || registries.size === 0)) return;
    if (loaders.size === 0) {
      if (started) return;
      registryBuild(ctx, builders, registries);
      return;
    }
    const code = codeWithoutStrings(ctx.tree, new Set(loaders.keys()), true).split('\n');
    const original = ctx.text.split('\n');
    const executed = executedRowMask(ctx.tree);
    const call = new RegExp(
      `(?:^|[^\\w.])(${[...loaders.keys()].join('|')})[ \\t]*\\([ \\t]*["']([^"'\\n]{1,200})["']`,
    );
    const live = new RegExp(`(?:^|[^\\w.])(?:${[...loaders.keys()].join('|')})[ \\t]*\\(`);
    const byName = new RegExp(
      `(?:^|[^\\w.])(${[...loaders.keys()].join('|')})[ \\t]*\\([ \\t]*([A-Za-z_]\\w{0,60})[ \\t]*[,)]`,
    );
    const loads: Array<{ row: number; name: string; loader: string; held?: string }> = [];
    let heldLookups = 0;
    for (let row = 0; row < code.length && loads.length < MAX_LOADS; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      // The code without strings says the call is live; the original line holds the name given.
      if (!live.test(code[row])) continue;
      const same = call.exec(original[row] ?? '');
      const m = same ?? call.exec(withNextArgument(original, row));
      if (!m) {
        // `load_flow_model(name, ...)`: the literal the variable holds, when it is a model the catalog knows.
        // Each look-up walks back up to hundreds of lines: a hostile file of many such calls gets a few.
        const v = byName.exec(original[row] ?? '');
        const bound =
          v && ++heldLookups <= MAX_HELD_LOOKUPS
            ? (boundLiteral(original, row, v[2], true) ?? boundThroughCaller(original, code, executed, row, v[2]))
            : undefined;
        if (v && bound && MODEL_NAME.test(bound.value) && findModel(bound.value) !== undefined)
          loads.push({ row: bound.row, name: bound.value, loader: v[1], held: v[2] });
        continue;
      }
      if (started || !MODEL_NAME.test(m[2]) || FILE_EXTENSION.test(m[2])) continue;
      // The name's own line, where it is written below the call's opening.
      loads.push({ row: same ? row : row + 1, name: m[2], loader: m[1] });
    }
    if (loads.length === 0) return;
    if (started) {
      const held = loads.find((l) => l.held !== undefined)!;
      ctx.facts.push({
        kind: 'model.id',
        value: held.name,
        range: lineRange(held.row, original[held.row]?.length ?? 0),
        confidence: 'medium',
        detail: `${held.loader}(${held.held}, ...) with ${held.held} = '${held.name}' unless the program is told otherwise: the model the run samples with`,
      });
      return;
    }
    const chosen =
      loads.find((l) => sizeOfLoadedName(l.name) !== undefined || findModel(l.name) !== undefined) ?? loads[0];
    const range: Fact['range'] = lineRange(chosen.row, original[chosen.row]?.length ?? 0);
    const file = loaders.get(chosen.loader)!;
    const given = chosen.held ? `${chosen.held} = '${chosen.name}'` : `'${chosen.name}'`;
    ctx.facts.push(
      ...releasedModel(
        chosen.loader,
        chosen.name,
        range,
        `${chosen.loader}(${given}) from ${file} loads a released model and nothing trains it: inference`,
        `${chosen.loader}(${given}, ...): the model the ${loads.length > 1 ? 'run samples with' : 'file loads'}`,
      ),
      {
        kind: 'link.module',
        value: file,
        range,
        confidence: 'low',
        detail: `${chosen.loader}(...) from ${file} loads the model`,
      },
    );
    // `sample_latents(..., use_fp16=True, ...)` in code that runs: the sampler runs the model under float16.
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 || !/(?:^|[(,\s])use_fp16[ \t]*=[ \t]*True\b/.test(code[row])) continue;
      ctx.facts.push({
        kind: 'training.precision',
        value: 'fp16',
        range: lineRange(row, code[row].length),
        confidence: 'medium',
        detail: 'use_fp16=True: the sampler runs the model under float16 (guided-diffusion family)',
      });
      break;
    }
  },
};

/**
 * `model = model_from_config(MODEL_CONFIGS[name], device)` (the key written in the brackets or bound to a literal in
 * the file), then released weights loaded (`load_checkpoint`, `load_state_dict`) in code that runs: an inference run
 * of the registry's model.
 */
function registryBuild(
  ctx: Parameters<FileRule['read']>[1],
  builders: ReadonlyMap<string, string>,
  registries: ReadonlySet<string>,
): void {
  const names = new Set([...builders.keys(), ...registries]);
  const code = codeWithoutStrings(ctx.tree, names, true).split('\n');
  const original = ctx.text.split('\n');
  const executed = executedRowMask(ctx.tree);
  const live = new RegExp(
    `(?:^|[^\\w.])(?:${[...builders.keys()].join('|')})[ \\t]*\\([ \\t]*(?:${[...registries].join('|')})[ \\t]*\\[`,
  );
  const call = new RegExp(
    `(?:^|[^\\w.])(${[...builders.keys()].join('|')})[ \\t]*\\([ \\t]*(?:${[...registries].join('|')})[ \\t]*\\[[ \\t]*(?:["']([^"'\\n]{1,200})["']|([A-Za-z_]\\w{0,60}))[ \\t]*\\]`,
  );
  const builds: Array<{ row: number; name: string; builder: string }> = [];
  let weights = false;
  for (let row = 0; row < code.length; row++) {
    if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
    if (LOADS_WEIGHTS.test(code[row])) weights = true;
    if (builds.length >= MAX_LOADS || !live.test(code[row])) continue;
    const m = call.exec(original[row] ?? '');
    if (!m) continue;
    const name = m[2] ?? boundLiteral(original, row, m[3])?.value;
    if (name === undefined || !MODEL_NAME.test(name) || FILE_EXTENSION.test(name)) continue;
    builds.push({ row, name, builder: m[1] });
  }
  if (builds.length === 0 || !weights) return;
  const chosen = builds.find((b) => sizeOfLoadedName(b.name) !== undefined) ?? builds[0];
  const range: Fact['range'] = lineRange(chosen.row, code[chosen.row].length);
  const file = builders.get(chosen.builder)!;
  ctx.facts.push(
    ...releasedModel(
      chosen.builder,
      chosen.name,
      range,
      `${chosen.builder}(<registry>['${chosen.name}']) from ${file} builds a released model, its weights loaded, and nothing trains it: inference`,
      `${chosen.builder}(<registry>['${chosen.name}'], ...): the model the ${builds.length > 1 ? 'run samples with' : 'file builds'}`,
    ),
  );
}

/**
 * The facts of a released model a program loads or builds by name and only runs: the inference start, the model's
 * name, and the size the name states (when the catalog does not already size it by that name).
 */
function releasedModel(launcher: string, name: string, range: Fact['range'], launch: string, named: string): Fact[] {
  const size = sizeOfLoadedName(name);
  return [
    { kind: 'launch.inference', value: launcher, range, confidence: 'medium', detail: launch },
    { kind: 'model.id', value: name, range, confidence: 'medium', detail: named },
    ...(size !== undefined && !sizeFromModelName(name)
      ? [
          {
            kind: 'model.params' as const,
            value: size,
            range,
            confidence: 'medium' as const,
            detail: `${name}: the released model's name states its size`,
          },
        ]
      : []),
  ];
}

/** Loader calls handed a variable whose literal is looked for (real programs have one or two). */
const MAX_HELD_LOOKUPS = 8;
/** Lines looked at for the function enclosing a loader call, and for the calls of that function. */
const MAX_CALLER_LINES = 2000;

/**
 * `def get_models(name, device): model = load_flow_model(name, ...)` called as `get_models(name, ...)` after
 * `name = "flux-dev-fill"` (or with the literal itself): the name a parameter of the enclosing helper receives from
 * its one caller in code that runs, one call away. Only a parameter without a default (a default is read as such),
 * and only when every call of the helper that runs hands the same literal.
 */
function boundThroughCaller(
  original: readonly string[],
  code: readonly string[],
  executed: Uint8Array,
  row: number,
  name: string,
): { value: string; row: number } | undefined {
  const indent = /^[ \t]*/.exec(original[row] ?? '')![0].length;
  let fn: string | undefined;
  for (let r = row - 1; r >= 0 && r > row - MAX_CALLER_LINES; r--) {
    const d = /^([ \t]*)def[ \t]+([A-Za-z_]\w{0,60})[ \t]*\(([^)\n]{0,400})/.exec(original[r] ?? '');
    if (!d || d[1].length >= indent) continue;
    const params = d[3].split(',').map((p) => p.trim().split(/[:=]/)[0].trim());
    if (params.indexOf(name) < 0) return undefined;
    fn = d[2];
    break;
  }
  if (!fn) return undefined;
  const position = (() => {
    const d = new RegExp(`^[ \\t]*def[ \\t]+${fn}[ \\t]*\\(([^)\\n]{0,400})`, 'm').exec(original.join('\n'));
    return d ? d[1].split(',').findIndex((p) => p.trim().split(/[:=]/)[0].trim() === name) : -1;
  })();
  if (position !== 0) return undefined;
  const call = new RegExp(
    `(?:^|[^\\w.])${fn}[ \\t]*\\([ \\t]*(?:["']([^"'\\n]{1,200})["']|([A-Za-z_]\\w{0,60}))[ \\t]*[,)]`,
  );
  let found: { value: string; row: number } | undefined;
  let calls = 0;
  for (let r = 0; r < code.length && r < MAX_CALLER_LINES * 10; r++) {
    if (executed[r] !== 1 || /^\s*def\b/.test(code[r]) || !code[r].includes(fn)) continue;
    const m = call.exec(original[r] ?? '') ?? call.exec(withNextArgument(original, r));
    if (!m) continue;
    // A helper called from many places is no single caller's: its name is not bound one call away.
    if (++calls > MAX_HELD_LOOKUPS) return undefined;
    const value = m[1] !== undefined ? { value: m[1], row: r } : boundLiteral(original, r, m[2], false);
    if (!value || (found && found.value !== value.value)) return undefined;
    found ??= value;
  }
  return found;
}

/**
 * A call whose arguments start on the next line (`load_model(` then `"name",` below it, as formatters write a long
 * call): the line with the next one's text appended, so the first argument is read where it is written.
 */
function withNextArgument(lines: readonly string[], row: number): string {
  const line = lines[row] ?? '';
  if (!/\([ \t]*$/.test(line) || row + 1 >= lines.length) return line;
  return `${line}${lines[row + 1].trim()}`;
}

/**
 * `name = 'base40M'` at the start of a line above `row` (the nearest): the literal a registry key is bound to. With
 * `parameters`, also a parameter's default written on its own line of a signature (`    name: str = "x",`) or after
 * a bracket or comma of one (`def main(name="x", ...)`).
 */
function boundLiteral(
  lines: readonly string[],
  row: number,
  name: string,
  parameters = false,
): { value: string; row: number } | undefined {
  const assignment = parameters
    ? new RegExp(
        `(?:^[ \\t]*|\\bdef[ \\t]+\\w{1,60}[ \\t]*\\([^)\\n]{0,400}?[(,][ \\t]*)${name}[ \\t]*(?::[ \\t]*[\\w.| ]{1,40})?=[ \\t]*["']([^"'\\n]{1,200})["'][ \\t]*[,)]?[ \\t]*(?:#.*)?$`,
      )
    : new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*["']([^"'\\n]{1,200})["']`);
  for (let r = row; r >= 0 && r > row - 400; r--) {
    const m = assignment.exec(lines[r]);
    if (m) return { value: m[1], row: r };
  }
  return undefined;
}
