import { fromImports } from '../fromImports';
import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRows } from '../entryPoint';
import type { FileRule } from '../rules';
import { sizeFromModelName } from '../../../knowledge/modelName';

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
 * Not read where the file trains (an optimiser step, a backward pass), where another rule already found the run,
 * or for a name that is a path or a file (`load_model('ckpt/model.pt')`: a checkpoint, read by the torch rules).
 */

/** A loader by its name: `load_model`, `load_models`, `load_pretrained_model`. */
const LOADER = /^load_(?:[a-z0-9]{1,20}_){0,2}models?$/;
/** Libraries installed from an index: their loaders are read by their own rules (`whisper.load_model` included). */
const INSTALLED =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|tf_keras|jax|flax|accelerate|peft|trl|timm|whisper|clip|open_clip|sklearn|numpy|scipy|mlflow|lightning|pytorch_lightning|ultralytics)(?:\.|$)/;
/** Training written in the file itself: not an inference run. */
const TRAINS_HERE = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(/;
/** A released model's name: a word with letters, no path separator, no file extension. */
const MODEL_NAME = /^[A-Za-z][\w.-]{0,63}$/;
const FILE_EXTENSION = /\.(?:pt|pth|ckpt|bin|safetensors|h5|keras|pkl|onnx|json|ya?ml|npz)$/i;
const MAX_NAMES = 50;
const MAX_LOADS = 8;
/**
 * A released model's name glued to its size with a capital unit (`text300M`, `image300M`, `base40M`): the name as
 * a whole is a word and the size, as the model's authors write it. (The shared name reader reads glued sizes only
 * after chat-model family words; a loader's name argument is a model name, so the whole-name shape is safe here.)
 */
const GLUED_NAME_SIZE = /^[a-z]{2,20}(\d{1,4})([MB])$/;

function sizeOfLoadedName(name: string): number | undefined {
  const named = sizeFromModelName(name);
  if (named) return named.params;
  const glued = GLUED_NAME_SIZE.exec(name);
  return glued ? Number(glued[1]) * (glued[2] === 'B' ? 1e9 : 1e6) : undefined;
}

export const packageModelLoad: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_model'],
  runStart: [/\bload_\w{0,40}models?[ \t]*\([ \t]*["'][A-Za-z]/, /^from[ \t]+\w+\.[\w.]+[ \t]+import\b/m],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const loaders = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      // A package's module (`mypkg.models.download`, or relative): a single word may be an installed library.
      if (INSTALLED.test(module.replace(/^\.+/, '')) || loaders.size >= MAX_NAMES) continue;
      if (!/\./.test(module)) continue;
      if (LOADER.test(name)) loaders.set(local, `${module.replace(/^\.+/, '').replace(/\./g, '/')}.py`);
    }
    if (loaders.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(loaders.keys()), true).split('\n');
    const original = ctx.text.split('\n');
    const executed = new Uint8Array(code.length + 1);
    for (const [a, b] of executedRows(ctx.tree)) executed.fill(1, a, b + 1);
    const call = new RegExp(
      `(?:^|[^\\w.])(${[...loaders.keys()].join('|')})[ \\t]*\\([ \\t]*["']([^"'\\n]{1,200})["']`,
    );
    const live = new RegExp(`(?:^|[^\\w.])(?:${[...loaders.keys()].join('|')})[ \\t]*\\(`);
    const loads: Array<{ row: number; name: string; loader: string }> = [];
    for (let row = 0; row < code.length && loads.length < MAX_LOADS; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      // The code without strings says the call is live; the original line holds the name given.
      if (!live.test(code[row])) continue;
      const m = call.exec(original[row] ?? '');
      if (!m || !MODEL_NAME.test(m[2]) || FILE_EXTENSION.test(m[2])) continue;
      loads.push({ row, name: m[2], loader: m[1] });
    }
    if (loads.length === 0) return;
    const chosen = loads.find((l) => sizeOfLoadedName(l.name) !== undefined) ?? loads[0];
    const size = sizeOfLoadedName(chosen.name);
    const range: Fact['range'] = lineRange(chosen.row, code[chosen.row].length);
    const file = loaders.get(chosen.loader)!;
    ctx.facts.push(
      {
        kind: 'launch.inference',
        value: chosen.loader,
        range,
        confidence: 'medium',
        detail: `${chosen.loader}('${chosen.name}') from ${file} loads a released model and nothing trains it: inference`,
      },
      {
        kind: 'model.id',
        value: chosen.name,
        range,
        confidence: 'medium',
        detail: `${chosen.loader}('${chosen.name}', ...): the model the ${loads.length > 1 ? 'run samples with' : 'file loads'}`,
      },
      ...(size !== undefined && !sizeFromModelName(chosen.name)
        ? [
            {
              kind: 'model.params' as const,
              value: size,
              range,
              confidence: 'medium' as const,
              detail: `${chosen.name}: the released model's name states its size`,
            },
          ]
        : []),
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
