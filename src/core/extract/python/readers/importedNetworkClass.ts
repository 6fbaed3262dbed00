import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { argumentsOfCall } from '../../constructorScope';
import { escapeRegExp, nodeRange } from '../context';
import { executedRowMask } from '../entryPoint';
import { fromImports } from '../fromImports';
import { forwardRowCounter } from '../rowCounter';
import type { FileRule } from '../rules';
import {
  BUILT,
  CONTAINER,
  LAYER_PREFIX,
  NOT_A_NETWORK,
  NOT_A_NETWORK_BINDING,
  usedAsNetwork,
} from './builtNetworkClass';
import { INSTALLED_LIBRARY } from './packageModelClass';
import { findModelByName } from '../../../knowledge';

/**
 * The network a program builds from a class of another module of its repository and trains or runs: `from models
 * import Encoder`, then `model = Encoder(hidden=args.hidden, layers=4)` and `optim.Adam(model.parameters())`. The
 * class's module is linked (`link.class`) with the arguments the program builds it with, read here where the call is
 * (flag defaults, constants); analyze.ts counts the class's layers in that file with them (moduleParams.ts
 * countBuiltClass), as the module counter counts a class the program defines itself. A module the repository does not
 * hold (an installed package) is not found and links nothing.
 *
 * Only where the file starts a run, reads no size of its own and names no other model (a checkpoint, a catalog id:
 * the class is then a head or a wrapper around that model); and only one class: networks of several classes trained
 * together (a GAN's generator and critic) are no one class's size.
 */

/** `import models.nets as nets`, `import models`: a whole module bound to a name. */
export const WHOLE_MODULE_IMPORT =
  /^import[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})(?:[ \t]+as[ \t]+(\w{1,100}))?[ \t]*$/gm;
/** Built bindings looked at (a generated file could bind thousands). */
const MAX_BUILT = 200;
/** Bindings whose uses are looked for (each a pass over the text). */
const MAX_USE_CHECKS = 32;
/** Characters of a module looked at. */
const MAX_TEXT = 400_000;

/**
 * The file a module name points at, relative to the importing file's folder (`.nets` → `nets.py`, `..models.x` →
 * `../models/x.py`) or, for an absolute name, from where the link is resolved (`models.encoder` → `models/encoder.py`;
 * analyze.ts linkCandidates also tries the package's `__init__.py`).
 */
export function moduleFile(module: string): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots);
  if (!rest) return undefined;
  const up = dots > 1 ? '../'.repeat(dots - 1) : '';
  return `${up}${rest.replace(/\./g, '/')}.py`;
}

/** `from .dla import *` at column 0: a module whose every public name the file takes. */
const STAR_IMPORT = /^from[ \t]+(\.{0,3}[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+\*/gm;
/** Star imports looked at per module (a package's `__init__.py` gathers a few dozen). */
const MAX_STAR_IMPORTS = 40;

/** The modules a file star-imports, in order. */
export function starImports(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('*')) return out;
  for (const m of text.matchAll(STAR_IMPORT)) {
    out.push(m[1]);
    if (out.length >= MAX_STAR_IMPORTS) break;
  }
  return out;
}

/** Where the class a program builds under `qualified` (`Encoder`, `nets.Encoder`) is imported from, if from a module. */
function importOf(text: string, qualified: string): { module: string; name: string } | undefined {
  const dot = qualified.lastIndexOf('.');
  const className = qualified.slice(dot + 1);
  const prefix = dot < 0 ? '' : qualified.slice(0, dot);
  for (const i of fromImports(text, 1000)) {
    if (!prefix && i.local === className) return { module: i.module, name: i.name };
    // `from models import nets`, then `nets.Encoder(...)`.
    if (prefix && i.local === prefix) return { module: `${i.module.replace(/\.$/, '')}.${i.name}`, name: className };
  }
  if (!prefix) {
    // `from models import *` (kuangliu/pytorch-cifar's `net = SimpleDLA()`): the one module the name can come from.
    const stars = starImports(text);
    return stars.length === 1 ? { module: stars[0], name: className } : undefined;
  }
  for (const m of text.matchAll(WHOLE_MODULE_IMPORT))
    if ((m[2] ?? m[1]) === prefix) return { module: m[1], name: className };
  return undefined;
}

/** Assignments of one binding looked at. */
const MAX_ASSIGNMENTS = 64;

/**
 * The binding is also assigned something other than this class's network (`model = instantiate_from_config(cfg)` in
 * one function, `model = FrozenClipImageEmbedder(...)` in a method): which network its uses train or run is not
 * known from here. Moving, wrapping or compiling the same network (`model = model.to(device)`,
 * `model = nn.DataParallel(model)`, `model = torch.compile(model)`) is the same network.
 */
function reboundElsewhere(text: string, binding: string, qualified: string): boolean {
  const b = escapeRegExp(binding);
  const assigned = new RegExp(`^[ \\t]*${b}[ \\t]*=(?!=)[ \\t]*([^\\n]{0,200})`, 'gm');
  const same = new RegExp(
    `^(?:(?:[\\w.]{0,60}(?:DataParallel|DistributedDataParallel)[ \\t]*\\([ \\t]*)?${escapeRegExp(qualified)}[ \\t]*\\(|${b}\\.|[\\w.]{0,60}(?:DataParallel|DistributedDataParallel|DDP|FSDP|compile|to_device|convert_sync_batchnorm)\\w{0,20}\\([ \\t]*${b}\\b)`,
  );
  let n = 0;
  for (const m of text.matchAll(assigned)) {
    if (++n > MAX_ASSIGNMENTS || !same.test(m[1])) return true;
  }
  return false;
}

export const importedNetworkClass: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['optim', 'load_state_dict', '.eval(', 'train', 'fit'],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (text.length > MAX_TEXT || !ctx.facts.some(startsARun)) return;
    // A size read in the file itself (its own class counted, a config's sizes) is the file's to give.
    if (ctx.facts.some((f) => f.kind === 'model.params' && f.value !== null)) return;
    const executed = executedRowMask(ctx.tree);
    const rowOf = forwardRowCounter(text);
    const root = ctx.tree.rootNode;
    const builds: Array<{ call: Node; module: string; name: string; optimised: boolean }> = [];
    let n = 0;
    let checked = 0;
    for (const m of text.matchAll(BUILT)) {
      if (++n > MAX_BUILT) break;
      const [, binding, qualified] = m;
      const at = m.index + m[0].lastIndexOf(qualified);
      if (executed[rowOf(at)] !== 1) continue;
      const className = qualified.slice(qualified.lastIndexOf('.') + 1);
      // Layers, containers, optimizers and the objects built beside a network (builtNetworkClass's filters).
      if (LAYER_PREFIX.test(qualified) || CONTAINER.test(className) || NOT_A_NETWORK.test(className)) continue;
      if (NOT_A_NETWORK_BINDING.test(binding.replace(/^self\./, ''))) continue;
      const imported = importOf(text, qualified);
      if (!imported || INSTALLED_LIBRARY.test(imported.module)) continue;
      // A class the file defines itself is counted there (moduleClasses).
      if (new RegExp(`^[ \\t]*class[ \\t]+${escapeRegExp(className)}\\b`, 'm').test(text)) continue;
      if (++checked > MAX_USE_CHECKS) break;
      if (reboundElsewhere(text, binding, qualified)) continue;
      const use = usedAsNetwork(text, binding);
      if (!use) continue;
      const end = at + qualified.length;
      let call: Node | null = root.descendantForIndex(end - 1, end);
      while (call && call.type !== 'call') call = call.parent;
      if (call?.childForFieldName('function')?.endIndex !== end) continue;
      builds.push({ call, module: imported.module, name: imported.name, optimised: use.optimised });
    }
    const optimised = builds.filter((b) => b.optimised);
    if (new Set(optimised.map((b) => `${b.module}:${b.name}`)).size > 1) return;
    const chosen = optimised[0] ?? builds[0];
    if (!chosen) return;
    // A model the file names otherwise (a checkpoint loaded, a catalog id) is the run's; this class wraps or heads it.
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== chosen.name)) return;
    // A released model's class (`ALBEF`, built from the repository's own package): the catalog's size, from its paper.
    if (findModelByName(chosen.name)) return;
    const file = moduleFile(chosen.module);
    if (!file) return;
    ctx.facts.push({
      kind: 'link.class',
      value: file,
      range: nodeRange(chosen.call),
      confidence: 'low',
      detail: `${chosen.name} from ${chosen.module} is the network the program builds`,
      classBuild: { className: chosen.name, arguments: argumentsOfCall(chosen.call, ctx.symbols) },
    });
  },
};
