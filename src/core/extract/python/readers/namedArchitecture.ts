import { findModel } from '../../../knowledge';
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

/**
 * Keywords by which a wrapper model class of the repository is handed the name of the backbone it builds:
 * `ResNetSimCLR(base_model=args.arch, out_dim=128)`, `Classifier(arch="resnet50")` (contrastive and linear-probe
 * programs wrap a torchvision or timm architecture picked by a `--arch` flag and add a small head). A keyword naming
 * an encoder for a different network (`encoder_name=` of a segmentation model, `backbone=` of a detector) is not one:
 * the model there is the segmenter or detector, not the backbone.
 */
const ARCH_KEYWORD = /^(?:base_model|arch|base_arch)$/;

/**
 * `Wrapper(base_model=args.arch, ...)` in a program that names no model otherwise: the backbone the wrapper builds is
 * named by the keyword's value (a flag's default, a constant), when that value is a model the catalog knows
 * (`resnet18`). The wrapper's own head (a projection MLP) is not counted: the size is the backbone's, read from the
 * catalog. A value that is no catalog name (a free word) names nothing. A wrapper handed no weights argument
 * (`pretrained=`, `weights=`, a checkpoint) starts its backbone from fresh weights, the builders' documented default
 * (torchvision.models: `weights=None`; timm.create_model: `pretrained=False`).
 */
export const architectureKeyword: CallRule = {
  framework: 'python',
  words: ['base_model=', 'arch=', 'base_arch='],
  when: ({ last, argsText }) => /^[A-Z]\w{0,60}$/.test(last) && /\b(?:base_model|arch|base_arch)[ \t]*=/.test(argsText),
  read: ({ node, full, args, ctx }) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return false;
    for (const a of args?.namedChildren ?? []) {
      if (a?.type !== 'keyword_argument' || !ARCH_KEYWORD.test(a.childForFieldName('name')?.text ?? '')) continue;
      const r = evaluate(a.childForFieldName('value'), ctx.symbols);
      if (typeof r?.value !== 'string' || !/^[A-Za-z][\w.-]{0,60}$/.test(r.value) || !findModel(r.value)) continue;
      ctx.add(
        'model.id',
        r.value,
        node,
        `${truncate(full, 40)}(${a.childForFieldName('name')!.text}=...): builds the ${r.value} backbone${r.via ? ` (${truncate(r.via, 60)})` : ''}`,
        'medium',
      );
      if (r.via) ctx.amendLast({ originLine: r.origin.startPosition.row });
      // Handed no weights: torchvision's builders default to `weights=None` and timm's `create_model` to
      // `pretrained=False` (both documented), so a backbone built by its bare name starts from fresh weights.
      if (!/\b\w{0,20}(?:pretrain|weights|checkpoint|ckpt)\w{0,20}[ \t]*=/i.test(args?.text.slice(0, 2000) ?? ''))
        ctx.add(
          'model.fromScratch',
          true,
          node,
          `${truncate(full, 40)} is handed no pretrained weights: the backbone builders default to fresh weights`,
          'low',
        );
      break;
    }
    // The call is still read by the other rules (the wrapper's construction, its device).
    return false;
  },
};
