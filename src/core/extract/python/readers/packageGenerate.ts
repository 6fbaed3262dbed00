import { fromImports } from '../fromImports';
import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A script or notebook that drives a generative package's own API: `from mypkg import generate_audio,
 * preload_models` (or `from .api import generate_speech`), then `preload_models()` / `audio = generate_audio(text)`
 * in code that runs (a notebook cell, the module's top level, a reached function). The package downloads or loads
 * its released checkpoints and produces audio, speech, images, video or text with them: an inference run. The
 * module the generation function comes from is linked (`link.module`, low confidence: a package installed from an
 * index has no such file and is quietly not followed), so the precision it fixes (an autocast) can reach the run.
 * A command-line function of the package that parses flags and calls the generation function is read the same way,
 * reached or not: the package's `__main__.py` (readers/localModules.ts) runs it.
 * Which model and what size the package loads is its code's business and is not said here.
 */

/**
 * A package's generation entry by its name: `generate_audio`, `generate_speech`, `generate_images`, `generate_video`,
 * `generate_text_semantic`. Helpers named `generate_mask`/`generate_dataset` are not output media and do not match.
 */
const GENERATE_NAME =
  /^generate_(?:audio|speech|voice|music|sound|wav|waveform|image|images|img|video|videos|text)(?:_[a-z0-9]{1,20}){0,2}$/;
/** The package's loader of its released checkpoints: `preload_models()`. */
const PRELOAD_NAME = /^preload_models?$/;
/** Libraries installed from an index: their generation calls are read by their own rules. */
const INSTALLED =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|openai|anthropic|langchain\w*|llama_index|timm|keras|tensorflow|jax|flax|accelerate|trl|peft|datasets|sklearn|numpy|scipy)(?:\.|$)/;
/** Training written in the file itself: read by the training rules, not here. */
const TRAINS_HERE = /\.backward\(|\boptim\.\w|optimizer\.step\(/;
const MAX_NAMES = 50;

/** Does the call whose arguments open at `code[row][col]` pass a `model=` keyword (within its parentheses)? */
function handsAModel(code: readonly string[], row: number, col: number): boolean {
  let depth = 1;
  let args = '';
  for (let r = row, c = col; r < code.length && r < row + 40 && depth > 0; r++, c = 0) {
    const line = code[r];
    let end = c;
    for (; end < line.length && depth > 0; end++) depth += line[end] === '(' ? 1 : line[end] === ')' ? -1 : 0;
    args += `${line.slice(c, end)}\n`;
  }
  return /(?:^|[(,\s])model[ \t]*=(?!=)/.test(args);
}

export const packageGenerateCall: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['generate_'],
  runStart: [
    /\bgenerate_(?:audio|speech|voice|music|sound|wav|waveform|image|images|img|video|videos|text)\w{0,40}[ \t]*\(/,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const generators = new Map<string, string>();
    const preloads = new Set<string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (INSTALLED.test(module) || generators.size + preloads.size >= MAX_NAMES) continue;
      if (GENERATE_NAME.test(name)) generators.set(local, `${module.replace(/^\.+/, '').replace(/\./g, '/')}.py`);
      else if (PRELOAD_NAME.test(name)) preloads.add(local);
    }
    if (generators.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set([...generators.keys(), ...preloads]), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    // A command-line function of the package (`def cli(): ... args = parser.parse_args(); generate_audio(args.text)`)
    // is the program its `__main__.py` runs: its call counts though nothing in this file calls the function.
    const parsesFlags = /\.parse_args[ \t]*\(/.test(code.join('\n'));
    const call = new RegExp(`(?:^|[^\\w.])(${[...generators.keys()].join('|')})[ \\t]*\\(`);
    for (let row = 0; row < code.length; row++) {
      if ((executed[row] !== 1 && !parsesFlags) || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = call.exec(code[row]);
      if (!m) continue;
      // A helper handed the caller's model (`generate_text(neox_args=args, model=model, ...)`) generates with a model
      // the program built, not with the package's released checkpoints: the program's own rules read that model.
      if (handsAModel(code, row, m.index + m[0].length)) continue;
      const file = generators.get(m[1])!;
      const range: Fact['range'] = lineRange(row, code[row].length);
      ctx.facts.push(
        {
          kind: 'launch.inference',
          value: m[1],
          range,
          confidence: 'medium',
          detail: `${m[1]}(...) from ${file} generates with the package's released checkpoints (inference); the model and its size are the package's to say`,
        },
        {
          kind: 'link.module',
          value: file,
          range,
          confidence: 'low',
          detail: `${m[1]}(...) from ${file} runs the generation`,
        },
      );
      return;
    }
  },
};
