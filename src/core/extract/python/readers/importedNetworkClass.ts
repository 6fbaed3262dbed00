import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { argumentsOfCall } from '../../constructorScope';
import { escapeRegExp, nodeRange } from '../context';
import { executedRowMask } from '../entryPoint';
import { importSource, moduleFile } from '../importSource';
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

/** Built bindings looked at (a generated file could bind thousands). */
const MAX_BUILT = 200;
/** Bindings whose uses are looked for (each a pass over the text). */
const MAX_USE_CHECKS = 32;
/** Characters of a module looked at. */
const MAX_TEXT = 400_000;

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
      // `from models import *` (kuangliu/pytorch-cifar's `net = SimpleDLA()`): only the one module it can come from.
      const source = importSource(text, qualified);
      if (!source || (source.starred && source.modules.length !== 1)) continue;
      const imported = { module: source.modules[0], name: source.name };
      if (INSTALLED_LIBRARY.test(imported.module)) continue;
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
    // An unnamed one (`model.id` null: a class built and given a checkpoint's weights, `net.load_state_dict(ckpt)`)
    // is this class's network with trained weights, not another model.
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null && f.value !== chosen.name)) return;
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
