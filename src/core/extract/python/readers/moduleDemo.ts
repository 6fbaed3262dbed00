import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * The demo under a library module's main guard: a module that defines a network and its sampler
 * (`class Unet(nn.Module)`, `class GaussianDiffusion(nn.Module)`) and, under `if __name__ == "__main__":`,
 * builds them with fresh weights (`model = Unet(dim=64)`, `diffusion = GaussianDiffusion(model, ...)`) and calls
 * the sampler (`diffusion.sample(...)`). Running the module generates with that network: an inference run, its
 * size the package's code decides (left unknown here). A single `loss.backward()` there with no optimiser step
 * changes no weight (a shape check of the loss), so it trains nothing; a loop over backward passes, or an
 * optimiser, is training and left to the other rules. The module's training code that the demo never reaches
 * (a `Trainer` class beside the network) is not this run's: its training facts are dropped.
 * A main guard that only runs a forward pass and checks a shape (`assert out.shape == x.shape`) samples nothing
 * and stays a library module.
 */

const MAIN_GUARD = /__name__\s*==\s*["']__main__["']/;
/** A sampling call on a name: `diffusion.sample(`, `model.sample(`. */
const SAMPLE_CALL = /\b(\w{1,80})\.sample[ \t]*\(/;
/** An optimiser, or a step of one, anywhere in the main block: the demo trains. */
const OPTIMISES = /\boptim\.|optimi[sz]er|\.step[ \t]*\(/i;
/** Statements of the main block looked at (a demo is a handful; a hostile file may have millions). */
const MAX_STATEMENTS = 500;

function mainGuard(root: Node): Node | undefined {
  for (const child of root.namedChildren) {
    if (child?.type !== 'if_statement') continue;
    if (MAIN_GUARD.test(child.childForFieldName('condition')?.text ?? '')) return child;
  }
  return undefined;
}

/** The top-level classes the module defines on a torch module (`class Unet(nn.Module)`, `(Module)`). */
function networkClasses(root: Node): Set<string> {
  const names = new Set<string>();
  for (const child of root.namedChildren) {
    const def = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (def?.type !== 'class_definition') continue;
    const bases = def.childForFieldName('superclasses')?.text ?? '';
    const name = def.childForFieldName('name')?.text;
    if (name && /\bModule\b/.test(bases)) names.add(name);
  }
  return names;
}

export const moduleDemoSampling: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['.sample('],
  runStart: [MAIN_GUARD, /\.sample[ \t]*\(/, /^class[ \t]+\w+[ \t]*\([^)\n]{0,200}\bModule\b/m],
  read: (_index, ctx) => {
    if (!ctx.hasMainGuard || !/\.sample[ \t]*\(/.test(ctx.text)) return;
    if (ctx.facts.some((f) => f.kind === 'launch.inference')) return;
    const guard = mainGuard(ctx.tree.rootNode);
    const body = guard?.childForFieldName('consequence');
    if (!guard || !body) return;
    const classes = networkClasses(ctx.tree.rootNode);
    if (classes.size === 0) return;
    // Strings blanked, then comments cut (a `#` left is a comment's).
    const lines = codeLinesKeptWithoutStrings(ctx.tree)
      .split('\n')
      .map((line) => {
        const hash = line.indexOf('#');
        return hash < 0 ? line : line.slice(0, hash);
      });
    const first = guard.startPosition.row;
    const last = guard.endPosition.row;
    const block = lines.slice(first, last + 1);
    if (OPTIMISES.test(block.join('\n'))) return;
    // `model = Unet(...)`, `diffusion = GaussianDiffusion(model, ...).cuda()`: names bound to the module's networks.
    const built = new Set<string>();
    let looked = 0;
    for (const statement of body.namedChildren) {
      if (!statement || ++looked > MAX_STATEMENTS) break;
      // A backward pass repeated in a loop trains, optimiser or not (gradients accumulate into something).
      if (/^(?:for|while)_statement$/.test(statement.type) && statement.text.includes('.backward(')) return;
      if (statement.type !== 'expression_statement') continue;
      const row = statement.startPosition.row;
      const m = /^\s*(\w{1,80})\s*=\s*(\w{1,80})\s*\(/.exec(lines[row] ?? '');
      if (m && classes.has(m[2])) built.add(m[1]);
    }
    if (built.size === 0) return;
    let sampleRow = -1;
    let sampler = '';
    for (let row = first; row <= last && sampleRow < 0; row++) {
      const m = SAMPLE_CALL.exec(lines[row] ?? '');
      if (m && built.has(m[1])) [sampleRow, sampler] = [row, m[1]];
    }
    if (sampleRow < 0) return;
    const executed = executedRowMask(ctx.tree);
    const inGuard = (row: number) => row >= first && row <= last;
    // What trains here is a lone backward pass of the demo, or code of the module the demo does not reach.
    const kept = ctx.facts.filter((f) => {
      const row = f.range.startLine;
      if (f.kind === 'launch.trainer') return !(inGuard(row) ? f.value === 'backward' : executed[row] !== 1);
      return !(f.kind.startsWith('training.') && executed[row] !== 1);
    });
    ctx.facts.length = 0;
    ctx.facts.push(...kept);
    ctx.facts.push({
      kind: 'launch.inference',
      value: 'module-demo',
      range: {
        ...nodeRange(guard),
        startLine: sampleRow,
        startCol: 0,
        endLine: sampleRow,
        endCol: lines[sampleRow].length,
      },
      confidence: 'medium',
      detail: `${sampler}.sample(...) under the main guard samples from a network this module defines, built with fresh weights: running the module generates (inference); nothing is trained`,
    });
  },
};
