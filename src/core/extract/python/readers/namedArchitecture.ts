import { evaluate } from '../../pythonValues';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * `model = getattr(resnet, args.arch)()`: the architecture function picked by name from a module the program
 * imports (`--arch resnet20`, `--arch kwt1`), the getattr form of `models.__dict__[args.arch](...)` (read in
 * vision.ts). The name is the model's; a function of the repository's own builds it with fresh weights.
 */

export const namedArchitecture: CallRule = {
  framework: 'python',
  callees: ['getattr'],
  words: ['getattr('],
  when: ({ node, full }) =>
    full === 'getattr' && node.parent?.type === 'call' && node.parent.childForFieldName('function')?.id === node.id,
  read: ({ node, ctx }) => {
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
    if (args.length !== 2 || args[0]?.type !== 'identifier' || args[1]?.type !== 'attribute') return false;
    const module = args[0].text;
    if (!importedModule(module, ctx)) return false;
    const r = evaluate(args[1], ctx.symbols);
    if (typeof r?.value !== 'string' || !/^[A-Za-z][\w.-]{0,60}$/.test(r.value)) return false;
    const built = node.parent!;
    ctx.add(
      'model.id',
      r.value,
      built,
      `getattr(${module}, ${truncate(args[1].text, 30)})(): the ${r.value} architecture of ${module}${r.via ? ` (${truncate(r.via, 60)})` : ''}`,
      'medium',
    );
    if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
    ctx.add(
      'model.fromScratch',
      true,
      built,
      `${r.value} is built by the repository's own code: fresh weights`,
      'medium',
    );
  },
};

/** `import resnet`, `import models.resnet as resnet`, `from . import kwt`, `from nets import resnet`. */
const importsOf = new WeakMap<PythonReadContext, Map<string, boolean>>();
function importedModule(name: string, ctx: PythonReadContext): boolean {
  if (!/^\w{1,100}$/.test(name)) return false;
  const known = importsOf.get(ctx) ?? importsOf.set(ctx, new Map()).get(ctx)!;
  const memo = known.get(name);
  if (memo !== undefined) return memo;
  const found = new RegExp(
    `^[ \\t]*(?:import[ \\t]+(?:[\\w.]+[ \\t]+as[ \\t]+)?${name}\\b|from[ \\t]+[\\w.]+[ \\t]+import[^\\n]*\\b${name}\\b)`,
    'm',
  ).test(ctx.text);
  known.set(name, found);
  return found;
}
