import { findModelByName } from '../../../knowledge';
import { onDefaultPath } from '../branches';
import { escapeRegExp, type PythonReadContext } from '../context';
import { keywordArgument } from '../../pythonValues';
import { INSTALLED_LIBRARY } from './packageModelClass';
import type { FileRule } from '../rules';
import { ARCHITECTURE_CLASS, assignedToAModel, importedOwnNames, insideClass } from './modelConstructor';

/**
 * A published model's reference implementation built by its class: `from models.model_retrieval import ALBEF`, then
 * `model = ALBEF(config=config, text_encoder=..., tokenizer=...)`. The research code of a released model names its
 * network class after the model (the paper's name), in the repository's own modules, and each task program builds it
 * with the task's config. Where the class's name is a catalog model's own name (its id or an alias, not a fuzzy
 * match), the run is that model and its size is the catalog's. Classes of the repository named otherwise
 * (`TinyLM`, `Net`) stay unnamed, and re-implementations of general architectures sized by their call (`GPT(...)`)
 * are read by modelConstructor.ts.
 */
/** A class name: capitalised, a word. */
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]{1,60}$/;
const MAX_LINES_WITH_CALLS = 400;

export const catalogModelClass: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    const names = new Set<string>();
    importedOwnNames(
      ctx.text,
      (name) => CLASS_NAME.test(name) && !ARCHITECTURE_CLASS.test(name) && findModelByName(name) !== undefined,
      names,
    );
    if (names.size === 0) return;
    // The call's own line, found by the class's name: a line no other rule's words hold (`model = DiT_B_4(...)
    // .to(device)` in a notebook cell) is not in the syntax index's calls.
    const pattern = new RegExp(`(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})[ \\t]*\\(`);
    const lines = ctx.text.split('\n');
    let looked = 0;
    for (let row = 0; row < lines.length && looked < MAX_LINES_WITH_CALLS; row++) {
      const line = lines[row];
      if (
        line.length > 2000 ||
        !line.includes('(') ||
        !pattern.test(line) ||
        /^\s*(?:class|def|from|import)\s/.test(line)
      )
        continue;
      looked++;
      for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
        if (!call || call.startPosition.row !== row) continue;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || !names.has(fn.text)) continue;
        if (!assignedToAModel(call) || insideClass(call) || !onDefaultPath(call, ctx.symbols)) continue;
        const model = findModelByName(fn.text)!;
        ctx.add(
          'model.id',
          fn.text,
          fn,
          `${fn.text}(...): the repository's implementation of ${model.id}, built by its class (catalog: ${model.id})`,
          'medium',
        );
        return;
      }
    }
  },
};

/**
 * `import hiera`, then `model = hiera.hiera_base_224(pretrained=True)`: the repository's own package's builder named by
 * a catalog model (its alias, exactly), as a notebook of the model's own repository builds it. Read before the
 * forward-only reading, which then finds the model's calls (python/index.ts).
 */
export const catalogPackageBuilder: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  // Read in every file; the word keeps such a builder's line (with its released weights) in the syntax index, so its
  // model is a handle whose calls are forward passes (handles.ts).
  readsWithoutWords: true,
  words: ['pretrained'],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    const packages = ownPlainImports(ctx.text);
    if (packages.size > 0) packageBuilder(ctx, packages);
  },
};

/** `import pkg` (or `import pkg as p`) at the start of a line, of a module that is no installed library: its names. */
const PLAIN_IMPORT = /^import[ \t]+([A-Za-z_]\w{0,60})(?:[ \t]+as[ \t]+([A-Za-z_]\w{0,60}))?[ \t]*$/gm;
const MAX_PACKAGES = 20;

function ownPlainImports(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('import')) return out;
  for (const m of text.matchAll(PLAIN_IMPORT)) {
    if (out.size >= MAX_PACKAGES) break;
    if (!INSTALLED_LIBRARY.test(m[1]) && !STANDARD_MODULE.test(m[1])) out.add(m[2] ?? m[1]);
  }
  return out;
}

/** Modules of the standard library and common tools a program imports whole: never a model's package. */
const STANDARD_MODULE =
  /^(?:os|sys|re|io|json|yaml|math|time|random|argparse|logging|typing|pathlib|shutil|glob|copy|functools|itertools|collections|subprocess|pickle|csv|datetime|warnings|tqdm|wandb|PIL|cv2|matplotlib|pandas|requests|einops|fire|click|hydra|omegaconf|gradio|streamlit)$/;

/** The first builder call `pkg.name(...)` assigned to a model whose name is a catalog model's: read as that model. */
function packageBuilder(ctx: PythonReadContext, packages: ReadonlySet<string>): boolean {
  const pattern = new RegExp(
    `(?<![\\w.])(?:${[...packages].map(escapeRegExp).join('|')})\\.([a-z]\\w{1,80})[ \\t]*\\(`,
  );
  const lines = ctx.text.split('\n');
  let looked = 0;
  for (let row = 0; row < lines.length && looked < MAX_LINES_WITH_CALLS; row++) {
    const line = lines[row];
    if (line.length > 2000) continue;
    const m = pattern.exec(line);
    if (!m || findModelByName(m[1]) === undefined) continue;
    looked++;
    for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
      if (!call || call.startPosition.row !== row) continue;
      const fn = call.childForFieldName('function');
      const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      const name = fn?.childForFieldName('attribute')?.text;
      if (!object || !packages.has(object.text) || name !== m[1]) continue;
      if (!assignedToAModel(call) || insideClass(call) || !onDefaultPath(call, ctx.symbols)) continue;
      const model = findModelByName(name)!;
      ctx.add(
        'model.id',
        name,
        fn!,
        `${fn!.text}(...): the repository package's builder of ${model.id} (catalog: ${model.id})`,
        'medium',
      );
      const args = call.childForFieldName('arguments');
      const pretrained = args ? keywordArgument(args, 'pretrained') : null;
      if (pretrained?.text === 'True')
        ctx.add('model.fromScratch', false, pretrained, `${fn!.text}(pretrained=True): released weights`, 'medium');
      return true;
    }
  }
  return false;
}
