import { fromImports } from '../fromImports';
import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRows } from '../entryPoint';
import type { FileRule } from '../rules';
import { sizeFromModelName } from '../../../knowledge/modelName';

/**
 * An example or demo program that builds the repository's own model class (`from mypkg.inference.model import
 * MyFamilyInferenceModel`, then `model = MyFamilyInferenceModel("./data/models/7b/", tokenizer_path, ...)` in code
 * that runs) and generates with it (`model.generate(...)`, or a streamed `model.stream(...)`): an inference run,
 * though no `from_pretrained` is in the file. The class's module is linked (low confidence).
 *
 * A checkpoint folder named only by a size (`models/7b/`, the layout of released weights downloaded per size) names
 * the model with the family word the class is named for: `MyFamilyInferenceModel` + `7b` is `myfamily-7b`, its size
 * read from that name.
 *
 * Not read where the file trains, for classes of installed libraries (their own rules read them), or where no
 * generation call is made on the object built.
 */

/** A model class by its name: `ChatModel`, `FooInferenceModel`, `BarGenerationModel`. */
const MODEL_CLASS = /^[A-Z][A-Za-z0-9]{0,60}Model$/;
const INSTALLED =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|jax|flax|accelerate|peft|trl|timm|sklearn|numpy|scipy|lightning|pytorch_lightning|pydantic|openai|anthropic|langchain\w*)(?:\.|$)/;
const TRAINS_HERE = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(/;
/** A checkpoint folder whose last segment is a size alone (`./data/models/7b/`, `/ckpt/30B`). */
const SIZE_FOLDER = /(?:^|\/)(\d{1,4}(?:\.\d{1,2})?[bBmM])\/?$/;
/** The family word the class is named for: its first capitalised word (`Chameleon` of `ChameleonInferenceModel`). */
const FAMILY_WORD = /^[A-Z][a-z0-9]{2,30}/;
const MAX_NAMES = 50;

export const packageModelClass: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Model'],
  runStart: [/^from[ \t]+\w+\.[\w.]+[ \t]+import\b[^\n]*Model\b/m, /\.(?:generate|stream)\w{0,20}\(/],
  read: (_index, ctx) => {
    if (TRAINS_HERE.test(ctx.text)) return;
    const classes = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      const bare = module.replace(/^\.+/, '');
      if (INSTALLED.test(bare) || !/\./.test(module) || classes.size >= MAX_NAMES) continue;
      if (MODEL_CLASS.test(name)) classes.set(local, `${bare.replace(/\./g, '/')}.py`);
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(classes.keys()), true).split('\n');
    const original = ctx.text.split('\n');
    const executed = new Uint8Array(code.length + 1);
    for (const [a, b] of executedRows(ctx.tree)) executed.fill(1, a, b + 1);
    const build = new RegExp(`^\\s*(\\w+)\\s*=\\s*(${[...classes.keys()].join('|')})\\s*\\(`);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      const m = build.exec(code[row]);
      if (!m) continue;
      const handle = m[1];
      const generates = new RegExp(`(?:^|[^\\w.])${handle}\\.(?:generate|stream)\\w{0,20}\\s*\\(`);
      if (!code.some((line, r) => executed[r] === 1 && generates.test(line))) continue;
      const range: Fact['range'] = lineRange(row, code[row].length);
      const file = classes.get(m[2])!;
      const facts: Fact[] = [];
      if (!ctx.facts.some(startsARun))
        facts.push({
          kind: 'launch.inference',
          value: m[2],
          range,
          confidence: 'medium',
          detail: `${m[2]}(...) from ${file} is built and generates, and nothing trains it: inference`,
        });
      facts.push({
        kind: 'link.module',
        value: file,
        range,
        confidence: 'low',
        detail: `${m[2]} from ${file}: the model this program runs`,
      });
      // The first argument, on the constructor's line or the next few: the checkpoint folder.
      const args = original.slice(row, row + 4).join('\n');
      const folder = /\(\s*["']([^"'\n]{1,300})["']/.exec(args.slice(args.indexOf('(')))?.[1];
      const size = folder ? SIZE_FOLDER.exec(folder)?.[1] : undefined;
      const family = FAMILY_WORD.exec(m[2])?.[0];
      const named = size && family ? `${family.toLowerCase()}-${size.toLowerCase()}` : undefined;
      if (named && sizeFromModelName(named) && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        facts.push({
          kind: 'model.id',
          value: named,
          range,
          confidence: 'low',
          detail: `${m[2]}("${folder}"): the ${family} checkpoint of the folder named by its size`,
        });
      ctx.facts.push(...facts);
      return;
    }
  },
};
