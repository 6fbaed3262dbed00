import type { Node } from 'web-tree-sitter';
import { findModel } from '../../../knowledge';
import { normalisePrecision } from '../../precision';
import { evaluate, stringLiteral } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import { TRAINER_REGISTRY } from '../entryPoint';
import type { FileRule } from '../rules';

/**
 * A module of run config classes (MetaCLIP's `configs/metaclip_v1.py`: `@dataclass class b32_400m(Config):` with
 * `train_num_samples = 400000000`, `batch_size = 512`, `epochs = 32`, `model = "ViT-B-32-quickgelu"`, `nodes = 16`,
 * `ngpus = 8`), each class a complete run over the base class's defaults, that the training program looks up by name
 * (`python src/training/main.py b32_400m`, `config = search_config(sys.argv[1])`). The module is a run, as a trainer
 * registry is (the program is config-driven); its first class that names a model is read:
 * - the model: `model = "<name>"`, an architecture name with any `@<class>` suffix dropped (`ViT-H-14-quickgelu-
 *   worldwide@WorldWideCLIP`), keyed as open_clip's where the configs are a CLIP program's (they say CLIP, or the name
 *   is an open_clip architecture: `-quickgelu`, a catalogued `open_clip:` name);
 * - from scratch unless the class sets `pretrained`/`resume` to a checkpoint;
 * - `precision` as written (`amp_bf16`); `nodes` × GPUs per node (the GPUs are read with the class's other fields);
 * - `train_num_samples` as the samples of an epoch (steps follow from the batch and the GPUs).
 * Only a module whose top level is imports, such classes, constants and a main guard (listing the classes): no call
 * runs when it is imported.
 */

/** Class attributes a run's config sets: at least two beside `model` make the class a run's definition. */
const RUN_KEYS = new Set(['epochs', 'batch_size', 'lr', 'max_steps', 'train_num_samples', 'warmup', 'train_data']);
const MAX_CLASSES = 100;
const MAX_FIELDS = 300;
/** `from configs import Config`, `from .base import BaseConfig`: a base class the repository defines. */
const LOCAL_BASE_IMPORT =
  /^from[ \t]+\.?[A-Za-z_][\w.]{0,100}[ \t]+import[ \t]+[^\n]*\b([A-Z]\w{0,40}Config|Config)\b/m;

interface ConfigClass {
  readonly name: string;
  readonly fields: ReadonlyMap<string, Node>;
}

function configClasses(ctx: PythonReadContext, base: string): ConfigClass[] | undefined {
  const out: ConfigClass[] = [];
  const own = new Set<string>();
  for (const statement of ctx.tree.rootNode.namedChildren.slice(0, MAX_CLASSES * 2)) {
    if (!statement) continue;
    const type = statement.type;
    if (type === 'import_statement' || type === 'import_from_statement' || type === 'comment') continue;
    // A main guard that lists the module's classes (`inspect.getmembers(...)`) runs no workload.
    if (
      type === 'if_statement' &&
      /__name__\s*==\s*["']__main__["']/.test(statement.childForFieldName('condition')?.text ?? '')
    )
      continue;
    const cls = type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (cls?.type !== 'class_definition') {
      // A constant (`DATA = "..."`) is fine; a call at the top level runs when imported: not a registry.
      if (type === 'expression_statement' && statement.namedChildren[0]?.type === 'assignment') continue;
      if (type === 'expression_statement' && statement.namedChildren[0]?.type === 'string') continue;
      return undefined;
    }
    const name = cls.childForFieldName('name')?.text ?? '';
    const bases = (cls.childForFieldName('superclasses')?.namedChildren ?? []).map((b) => b?.text ?? '');
    if (!bases.some((b) => b === base || own.has(b))) continue;
    own.add(name);
    const fields = new Map<string, Node>();
    for (const child of (cls.childForFieldName('body')?.namedChildren ?? []).slice(0, MAX_FIELDS)) {
      const assignment = child?.type === 'expression_statement' ? child.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type === 'identifier' && right) fields.set(left.text, right);
    }
    out.push({ name, fields });
  }
  return out;
}

export const configClassRegistry: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['Config)'],
  runStartInDefinitions: true,
  runStart: /^class[ \t]+\w{1,80}\([ \t]*\w{0,40}Config[ \t]*\)/m,
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind.startsWith('launch.'))) return;
    const base = LOCAL_BASE_IMPORT.exec(ctx.text)?.[1];
    if (!base) return;
    const classes = configClasses(ctx, base);
    const chosen = classes?.find(
      (c) =>
        c.fields.get('model')?.type === 'string' && [...c.fields.keys()].filter((k) => RUN_KEYS.has(k)).length >= 2,
    );
    if (!chosen) return;
    const modelNode = chosen.fields.get('model')!;
    const written = stringLiteral(modelNode) ?? '';
    const model = written.split('@')[0].trim();
    if (!/^[\w./-]{1,100}$/.test(model)) return;
    ctx.add(
      'launch.trainer',
      TRAINER_REGISTRY,
      modelNode,
      `run config classes (${classes!.length}) over ${base}: the training program given a class's name (\`${chosen.name}\`, read here) trains it`,
      'medium',
    );
    // An open_clip architecture name (`ViT-B-32-quickgelu`) in a CLIP program's configs: keyed as open_clip's.
    const clip = /clip/i.test(ctx.text) || /quickgelu/i.test(model) || findModel(`open_clip:${model}`) !== undefined;
    // The classes' `model` fields read as written (dataclass defaults, constants.ts): architecture names that are not
    // the catalog's keys for them (an unprefixed `ViT-B-16` is torchvision's image-only network); the chosen class's
    // reading stands for the module.
    const fieldModels = new Set(
      classes!.flatMap((c) => {
        const node = c.fields.get('model');
        const v = node ? stringLiteral(node) : null;
        return v ? [v, v.split('@')[0].trim()] : [];
      }),
    );
    if (clip)
      for (let i = ctx.facts.length - 1; i >= 0; i--)
        if (ctx.facts[i].kind === 'model.id' && fieldModels.has(String(ctx.facts[i].value))) ctx.facts.splice(i, 1);
    ctx.add(
      'model.id',
      clip ? `open_clip:${model}` : model,
      modelNode,
      `${chosen.name}.model = "${written}"`,
      'medium',
    );
    const weights = chosen.fields.get('pretrained') ?? chosen.fields.get('resume');
    const from = weights ? evaluate(weights, ctx.symbols)?.value : undefined;
    const loads = typeof from === 'string' && from.trim() !== '';
    ctx.add(
      'model.fromScratch',
      !loads,
      weights ?? modelNode,
      loads
        ? `${chosen.name} starts from ${String(from)}`
        : `${chosen.name} names no pretrained weights or resume point`,
      'medium',
    );
    const precision = chosen.fields.get('precision');
    const p = precision ? normalisePrecision(stringLiteral(precision) ?? null) : null;
    if (precision && p)
      ctx.add('training.precision', p, precision, `${chosen.name}.precision = ${precision.text}`, 'medium');
    const nodes = chosen.fields.get('nodes');
    const n = nodes ? evaluate(nodes, ctx.symbols)?.value : undefined;
    if (nodes && typeof n === 'number' && Number.isInteger(n) && n > 0)
      ctx.add('hardware.nodes', n, nodes, `${chosen.name}.nodes = ${n}`, 'medium');
    const samples = chosen.fields.get('train_num_samples');
    const s = samples ? evaluate(samples, ctx.symbols)?.value : undefined;
    if (samples && typeof s === 'number' && s > 0)
      ctx.add(
        'training.datasetSamples',
        s,
        samples,
        `${chosen.name}.train_num_samples: the samples of one epoch`,
        'medium',
      );
  },
};
