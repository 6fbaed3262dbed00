import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import type { FileRule } from '../rules';

/**
 * A chat or demo program (often a notebook) that hands the model it loaded to a generator of its own package:
 * `from mypkg.stream_generators import StreamGenerator`, then `out = StreamGenerator(model, tokenizer, prompt, ...)`
 * (also through a local name, `stream_gen = StreamGenerator`, and with the arguments starting on the next line). The
 * package's generator runs the model's decoding loop, so the program runs inference with that model, though no
 * `generate` call is in the file (nineteenth round, set V: TinyChat's notebooks). The model itself is read where it is
 * loaded (`from_pretrained`, a cast); this rule only says the run starts.
 *
 * Only a name imported from a module of the repository's package (dotted, not an installed library) whose name says it
 * generates (`StreamGenerator`, `LlavaStreamGenerator`, `TextGenerator`, `stream_generate`), called in code that runs
 * with a model as its first argument (`model`, `net`, `llm`, `*_model`). Not where the file trains.
 */

/** A generator by its name: a class ending in `Generator`, or a function `*generate*`/`*generator*`. */
const GENERATOR_NAME = /^(?:[A-Z]\w{0,60})?Generator$|^[a-z]\w{0,40}_?generat(?:e|or)\w{0,40}$/;
/** Libraries installed from an index: their generation calls are read by their own rules. */
const INSTALLED =
  /^(?:torch|torchvision|transformers|diffusers|vllm|openai|anthropic|langchain\w*|llama_index|timm|keras|tensorflow|jax|flax|accelerate|trl|peft|datasets|sklearn|numpy|scipy|mlx_lm|exllamav2|llama_cpp)(?:\.|$)/;
const TRAINS_HERE = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(|Trainer\(/;
/** The first argument that is a model by its name. */
const MODEL_ARGUMENT = /^[ \t]*(?:model|net|llm|lm|\w{1,40}_model)[ \t]*[,)]/;
const MAX_NAMES = 50;

export const packageGenerator: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['enerat'],
  runStart: [
    /[Gg]enerat\w{0,40}[ \t]*\([ \t]*(?:\r?\n[ \t]*)?(?:model|net|llm|lm|\w{1,40}_model)[ \t]*[,)]|[Gg]enerator\b/,
    // What read needs first: a generator's name imported from a dotted module at column 0 (fromImports' shape).
    /^from[ \t]+[\w.]*\.[\w.]*[ \t]+import[ \t]+(?:\([^)]{0,2000}|[^\n#]{0,2000})enerat/m,
  ],
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const generators = new Set<string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      const bare = module.replace(/^\.+/, '');
      if (generators.size >= MAX_NAMES || INSTALLED.test(bare)) continue;
      if (!module.includes('.') || !GENERATOR_NAME.test(name)) continue;
      generators.add(local);
    }
    if (generators.size === 0) return;
    // `stream_generator = StreamGenerator`: a local name for the same generator.
    for (const m of ctx.text.matchAll(/^[ \t]*([A-Za-z_]\w{0,60})[ \t]*=[ \t]*([A-Za-z_]\w{0,60})[ \t]*$/gm)) {
      if (generators.size >= MAX_NAMES) break;
      if (generators.has(m[2])) generators.add(m[1]);
    }
    const names = [...generators];
    const code = codeWithoutStrings(ctx.tree, new Set(names), true).split('\n');
    const executed = executedRowMask(ctx.tree);
    const call = new RegExp(`(?:^|[^\\w.])(${names.join('|')})[ \\t]*\\(`);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = call.exec(code[row]);
      if (!m) continue;
      const rest = code[row].slice(m.index + m[0].length);
      const args = rest.trim() === '' && row + 1 < code.length ? code[row + 1] : rest;
      if (!MODEL_ARGUMENT.test(args)) continue;
      const range: Fact['range'] = lineRange(row, code[row].length);
      ctx.facts.push({
        kind: 'launch.inference',
        value: m[1],
        range,
        confidence: 'medium',
        detail: `${m[1]}(model, ...) from the program's package runs the model's generation loop: inference`,
      });
      return;
    }
  },
};
