import { fromImports } from '../fromImports';
import { startsARun, type Fact } from '../../../facts';
import { lineRange } from '../context';
import { codeWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { FIELD_PREFIX, stringLiteral, type SymbolTable } from '../../pythonValues';
import { sizeFromModelName } from '../../../knowledge/modelName';
import { TRAINS_HERE } from '../trainingText';

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
 *
 * A package named for its model (eighteenth round, set U): `from mymodel import MyModelModel` or `from MYMODEL import
 * MYMODELModel` (the module's name is the class's name less `Model`), the object loaded with the class's own
 * `from_pretrained(...)` and asked to generate (`model.generate(...)`, `model.generate_response(...)`). The model is
 * that name (its size unknown: the weights come from a folder the user passes). The import need not be dotted here:
 * the match of the package's name and the class's is what says the class is the repository's model.
 */

/** A model class by its name: `ChatModel`, `FooInferenceModel`, `BarGenerationModel`. */
const MODEL_CLASS = /^[A-Z][A-Za-z0-9]{0,60}Model$/;
/** Installed frameworks and clients whose classes have rules of their own. */
export const INSTALLED_LIBRARY =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|jax|flax|accelerate|peft|trl|timm|sklearn|numpy|scipy|lightning|pytorch_lightning|pydantic|openai|anthropic|langchain\w*)(?:\.|$)/;
/** A checkpoint folder whose last segment is a size alone (`./data/models/7b/`, `/ckpt/30B`). */
const SIZE_FOLDER = /(?:^|\/)(\d{1,4}(?:\.\d{1,2})?[bBmM])\/?$/;
/** The family word the class is named for: its first capitalised word (`Chameleon` of `ChameleonInferenceModel`). */
const FAMILY_WORD = /^[A-Z][a-z0-9]{2,30}/;
const MAX_NAMES = 50;
/** A class named for its package: `SPAMModel`, `SpamModel` (the part before `Model` is the package's name). */
const PACKAGE_MODEL = /^([A-Za-z][A-Za-z0-9]{1,40})Model$/;

export const packageModelClass: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Model'],
  runStart: [/^from[ \t]+\w+\.[\w.]+[ \t]+import\b[^\n]*Model\b/m, /\.(?:generate|stream)\w{0,20}\(/],
  read: (_index, ctx) => {
    if (TRAINS_HERE.test(ctx.text)) return;
    const classes = new Map<string, string>();
    // Classes of a package named for its model: the model's name.
    const ownNames = new Map<string, string>();
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      const bare = module.replace(/^\.+/, '');
      if (INSTALLED_LIBRARY.test(bare) || !/\./.test(module) || classes.size >= MAX_NAMES) continue;
      if (MODEL_CLASS.test(name)) classes.set(local, `${bare.replace(/\./g, '/')}.py`);
    }
    for (const { module, name, local } of fromImports(ctx.text, Infinity)) {
      if (classes.size >= MAX_NAMES || /\./.test(module) || INSTALLED_LIBRARY.test(module)) continue;
      const own = PACKAGE_MODEL.exec(name)?.[1];
      if (own && own.toLowerCase() === module.toLowerCase()) {
        classes.set(local, `${module}/__init__.py`);
        ownNames.set(local, own.toLowerCase());
      }
    }
    if (classes.size === 0) return;
    const code = codeWithoutStrings(ctx.tree, new Set(classes.keys()), true).split('\n');
    const original = ctx.text.split('\n');
    const executed = executedRowMask(ctx.tree);
    const build = new RegExp(
      `^\\s*(\\w+)\\s*=\\s*(${[...classes.keys()].join('|')})\\s*(\\.\\s*from_pretrained\\s*)?\\(`,
    );
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1) continue;
      const m = build.exec(code[row]);
      if (!m) continue;
      const handle = m[1];
      // `Class.from_pretrained(...)`: only for a package named for its model (other classes are read by their rules).
      if (m[3] !== undefined && !ownNames.has(m[2])) continue;
      const generates = new RegExp(`(?:^|[^\\w.])${handle}\\.(?:generate|stream)\\w{0,20}\\s*\\(`);
      // Or the object is handed to a function of the file whose parameter is typed as the class, and that parameter
      // generates (`def generation_thread(model: FooModel)` serving a queue, run as a thread's target).
      const typed = new RegExp(`[(,]\\s*(\\w{1,60})\\s*:\\s*${m[2]}\\b`);
      const handed = new RegExp(`[(,=]\\s*\\(?\\s*${handle}\\s*[,)]`);
      const params = code.flatMap((line) => (/^\s*def\s/.test(line) ? [typed.exec(line)?.[1]] : [])).filter(Boolean);
      const paramGenerates =
        params.length > 0 &&
        code.some((line, r) => executed[r] === 1 && r > row && handed.test(line)) &&
        code.some((line) =>
          params.some((p) => new RegExp(`(?:^|[^\\w.])${p}\\.(?:generate|stream)\\w{0,20}\\s*\\(`).test(line)),
        );
      if (!paramGenerates && !code.some((line, r) => executed[r] === 1 && generates.test(line))) continue;
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
      const folder =
        /\(\s*["']([^"'\n]{1,300})["']/.exec(args.slice(args.indexOf('(')))?.[1] ??
        folderOfVariable(args.slice(args.indexOf('(')), original, row, ctx.symbols);
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
      const own = ownNames.get(m[2]);
      if (
        own &&
        !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null) &&
        !facts.some((f) => f.kind === 'model.id')
      )
        facts.push({
          kind: 'model.id',
          value: own,
          range,
          confidence: 'low',
          detail: `${m[2]} from the ${own} package named for it: the ${own} model (its size is not written)`,
        });
      ctx.facts.push(...facts);
      return;
    }
  },
};

/**
 * The checkpoint folder a variable handed first to the class holds, when it is put together above the call with a
 * size as its last part: `model_path = str(data_path / "models" / model_size)` or `os.path.join(root, "models",
 * size)`, the size a string or a flag whose declared default is one (`@click.option("--model-size", default="7b")`,
 * `parser.add_argument("--size", default="7b")`). Read as `<that path>/<size>` so SIZE_FOLDER reads the size.
 */
function folderOfVariable(
  call: string,
  lines: readonly string[],
  row: number,
  symbols: SymbolTable,
): string | undefined {
  const name = /^\(\s*([A-Za-z_]\w{0,60})\s*[,)]/.exec(call)?.[1];
  if (!name) return undefined;
  const assigned = new RegExp(`^\\s*${name}\\s*=\\s*([^\\n]{1,300})$`);
  for (let r = row - 1; r >= Math.max(0, row - 40); r--) {
    const rhs = assigned.exec(lines[r])?.[1];
    if (rhs === undefined) continue;
    // The last part of the path: `... / model_size)`, `..., size)`, `... / "7b")`.
    const last = /[/,+]\s*(?:["']([^"'\n]{1,40})["']|([A-Za-z_]\w{0,60}))\s*\)*\s*$/.exec(rhs);
    if (!last) return undefined;
    if (last[1] !== undefined) return `models/${last[1]}`;
    const bound = symbols.lookup(FIELD_PREFIX + last[2]) ?? symbols.lookup(last[2]);
    const value = bound ? (bound.value ?? stringLiteral(bound.node)) : undefined;
    return typeof value === 'string' ? `models/${value}` : undefined;
  }
  return undefined;
}
