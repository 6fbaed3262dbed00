import { startsARun, type Fact } from '../../../facts';
import { findModelByName } from '../../../knowledge';
import { escapeRegExp, lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { TRAINS_HERE } from '../trainingText';

/**
 * A model package driven through its facade object (twentieth round, set W): `import mytts` (or `from mytts import
 * mytts`), then `engine = mytts.Engine(...)`, `engine.load(...)` (the package fetches or reads its released weights)
 * and `engine.infer(texts)` / `engine.generate(...)`. Speech and audio packages are commonly shipped this way (one
 * class whose `load` downloads the checkpoints and whose `infer` synthesises), and their demos, command-line programs,
 * notebooks and web servers are inference runs of the package's model, though no `from_pretrained` is in the file.
 *
 * The load must be in code that runs (a notebook cell, the module's top level, a function the main guard reaches), or
 * in a web app's startup hook (FastAPI's `@app.on_event("startup")` handler or its `lifespan` function, which the
 * server runs before it answers: fastapi.tiangolo.com/advanced/events/). The object may be held by an attribute
 * (`app.state.engine = mytts.Engine()`).
 *
 * The model is the package's name only where the catalog knows that name as a model (its id or an alias, no fuzzy
 * match): a package named otherwise says nothing of its model or size. That name is added even where another rule
 * started the run (a streaming helper's own `generate`), unless a surer fact named a model.
 *
 * Not read where the file trains (an optimiser step, a backward pass), or for frameworks whose `load` reads tensors.
 */

/** `import mypkg` / `from mypkg import mymod` at column 0: the module whose class builds the facade. */
const WHOLE_IMPORT = /^[ \t]*import[ \t]+([A-Za-z_]\w{0,60})[ \t]*(?:#[^\n]*)?$/gm;
const FROM_IMPORT = /^from[ \t]+[A-Za-z_][\w.]{0,100}[ \t]+import[ \t]+([A-Za-z_]\w{0,60})[ \t]*(?:#[^\n]*)?$/gm;
/** Libraries whose classes are read by their own rules, or whose `load` reads tensors or files. */
const NOT_A_FACADE =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|jax|flax|accelerate|peft|trl|timm|whisper|sklearn|numpy|np|scipy|json|yaml|pickle|joblib|safetensors|os|sys|gradio|gr|fastapi|flask|lightning|pytorch_lightning|openai|anthropic|langchain\w*)$/;
/** `name = mod.Class(` or `app.state.name = mod.Class(` at the start of a line. */
const BUILT = /^[ \t]*([A-Za-z_][\w.]{0,80})[ \t]*=[ \t]*([A-Za-z_]\w{0,60})\.([A-Z]\w{0,60})[ \t]*\(/gm;
/** Training written in the file itself: read by the training rules, not here. */
/** A web app's startup hook: the decorator, or the lifespan function handed to the app. */
const STARTUP_DECORATOR = /^[ \t]*@\w{1,60}\.on_event\([ \t]*["']startup["'][ \t]*\)/;
const LIFESPAN_PASSED = /\bFastAPI\([^)\n]{0,200}\blifespan[ \t]*=[ \t]*(\w{1,60})/;
const MAX_OBJECTS = 20;
/** Load calls looked at per file (each may look up to 400 lines back for its startup hook). */
const MAX_LOADS = 20;

export const packageFacade: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['.infer(', '.generate('],
  runStart: [/\.load(?:_models?)?[ \t]*\(/, /\.(?:infer|generate)\w{0,20}[ \t]*\(/],
  read: (_index, ctx) => {
    if (TRAINS_HERE.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null) && ctx.facts.some(startsARun)) return;
    const modules = new Set<string>();
    for (const m of ctx.text.matchAll(WHOLE_IMPORT)) if (!NOT_A_FACADE.test(m[1])) modules.add(m[1]);
    for (const m of ctx.text.matchAll(FROM_IMPORT)) if (!NOT_A_FACADE.test(m[1])) modules.add(m[1]);
    if (modules.size === 0) return;
    // Objects built from a class of those modules: the holder's name → the module.
    const objects = new Map<string, string>();
    for (const m of ctx.text.matchAll(BUILT)) {
      if (objects.size >= MAX_OBJECTS) break;
      if (modules.has(m[2]) && !objects.has(m[1])) objects.set(m[1], m[2]);
    }
    if (objects.size === 0) return;
    const holders = [...objects.keys()].map(escapeRegExp).join('|');
    const loadCall = new RegExp(`(?:^|[^\\w.])(${holders})\\.load(?:_models?)?[ \\t]*\\(`);
    const useCall = new RegExp(`(?:^|[^\\w.])(${holders})\\.(?:infer|generate)\\w{0,20}[ \\t]*\\(`);
    const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const used = new Set<string>();
    for (const line of code) {
      const m = useCall.exec(line);
      if (m) used.add(m[1]);
    }
    if (used.size === 0) return;
    const executed = executedRowMask(ctx.tree);
    const lifespan = LIFESPAN_PASSED.exec(ctx.text)?.[1];
    let loads = 0;
    for (let row = 0; row < code.length && loads < MAX_LOADS; row++) {
      const m = loadCall.exec(code[row]);
      if (!m || !used.has(m[1])) continue;
      loads++;
      // A load in a module-level function the module never calls (`def load_model(): engine.load()` in a web demo's
      // helpers module): the run of the program that imports and calls it, marked with the function's name.
      const helper =
        executed[row] !== 1 && !inStartupHook(code, row, lifespan) ? topLevelFunction(code, row) : undefined;
      if (executed[row] !== 1 && !inStartupHook(code, row, lifespan) && !helper) continue;
      const within = helper ? { within: helper } : {};
      const module = objects.get(m[1])!;
      const range: Fact['range'] = lineRange(row, code[row].length);
      if (!ctx.facts.some(startsARun))
        ctx.facts.push({
          kind: 'launch.inference',
          value: `${m[1]}.load`,
          range,
          confidence: 'medium',
          detail: `${m[1]}.load(...) loads the released weights of the ${module} package's model and ${m[1]} is asked to infer with them: an inference run${helper ? ` (in ${helper}(), for the program that calls it)` : ''}`,
          ...within,
        });
      const row2 = findModelByName(module);
      if (row2 && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        ctx.facts.push({
          kind: 'model.id',
          value: module,
          range,
          confidence: 'medium',
          detail: `${m[1]} is built from the ${module} package, named for its model (catalog: ${row2.id})`,
          ...within,
        });
      return;
    }
  },
};

/**
 * Is `row` inside a function the web server runs at startup: the nearest `def` above it at a smaller indent is
 * decorated `@app.on_event("startup")`, or is the lifespan function handed to `FastAPI(lifespan=...)`?
 */
function inStartupHook(code: readonly string[], row: number, lifespan: string | undefined): boolean {
  const indent = /^[ \t]*/.exec(code[row])![0].length;
  for (let r = row - 1; r >= 0 && r >= row - 400; r--) {
    const m = /^([ \t]*)(?:async[ \t]+)?def[ \t]+(\w+)/.exec(code[r]);
    if (!m || m[1].length >= indent) continue;
    if (lifespan !== undefined && m[2] === lifespan) return true;
    for (let d = r - 1; d >= 0 && d >= r - 5 && /^[ \t]*@/.test(code[d]); d--)
      if (STARTUP_DECORATOR.test(code[d])) return true;
    return false;
  }
  return false;
}

/** The module-level function (`def name` at column 0) whose body holds `row`, if any. */
function topLevelFunction(code: readonly string[], row: number): string | undefined {
  if (!/^[ \t]/.test(code[row])) return undefined;
  for (let r = row - 1; r >= 0 && r >= row - 400; r--) {
    if (/^[ \t#]|^$/.test(code[r])) continue;
    return /^(?:async[ \t]+)?def[ \t]+(\w+)/.exec(code[r])?.[1];
  }
  return undefined;
}
