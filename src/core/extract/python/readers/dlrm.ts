import type { Node } from 'web-tree-sitter';
import { longOptionOfCall, optionDest } from '../argparseOption';
import { dlrmParams, layerWidths, torchrecDlrmParams } from '../../dlrmParams';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * DLRM programs (Naumov et al. 2019, arXiv:1906.00091): the reference implementation's `DLRM_Net` (its PyTorch and
 * Caffe2 scripts and the tools and forks that import the class: MLPerf's recommendation reference, vendor ports) and
 * TorchRec's `DLRM` (torchrec.models.dlrm, with its trainer example's flags). The class names the model; its size is
 * worked out from the flags' defaults when they state every part (dlrmParams.ts), marked as coming from those flags
 * so that a launch passing another value leaves it out. Table rows read from a dataset (`--data-generation dataset`)
 * are not in the files: the size then stays unknown.
 */

/** Flags of the reference dialect that size the model. */
const REFERENCE_ARCH_FLAGS = [
  'arch_sparse_feature_size',
  'arch_embedding_size',
  'arch_mlp_bot',
  'arch_mlp_top',
  'arch_interaction_op',
  'arch_interaction_itself',
  'data_generation',
] as const;
/** Flags of the reference dialect that set the number of batches of random data. */
const REFERENCE_LENGTH_FLAGS = ['num_batches', 'data_size', 'mini_batch_size', 'nepochs', 'data_generation'] as const;
/** Flags of TorchRec's DLRM example that size the model. */
const TORCHREC_ARCH_FLAGS = [
  'embedding_dim',
  'num_embeddings',
  'num_embeddings_per_feature',
  'dense_arch_layer_sizes',
  'over_arch_layer_sizes',
  'interaction_type',
] as const;
/**
 * TorchRec's Criteo feature lists (github.com/pytorch/torchrec, torchrec/datasets/criteo.py: `INT_FEATURE_COUNT = 13`,
 * `CAT_FEATURE_COUNT = 26`, `DEFAULT_INT_NAMES`/`DEFAULT_CAT_NAMES` one name per feature): the dense inputs and the
 * embedding tables a program builds from them.
 */
const CRITEO_DENSE_FEATURES = 13;
const CRITEO_SPARSE_FEATURES = 26;

/** Calls looked at per file. */
const MAX_CALLS = 5000;

interface FlagDefault {
  readonly value: string | number | boolean | null;
  readonly node: Node;
}

/** `add_argument("--flag", default=…)` and `action="store_true"` flags, by destination (dashes as underscores). */
function flagDefaults(index: SyntaxIndex, ctx: PythonReadContext): Map<string, FlagDefault> {
  const defaults = new Map<string, FlagDefault>();
  let looked = 0;
  for (const call of index.calls) {
    if (++looked > MAX_CALLS) break;
    if (ctx.callee(call).last !== 'add_argument') continue;
    const args = call.childForFieldName('arguments');
    const flag = args ? longOptionOfCall(args) : undefined;
    if (!args || !flag) continue;
    const dest = optionDest(flag);
    if (defaults.has(dest)) continue;
    const def = keywordArgument(args, 'default');
    const action = keywordArgument(args, 'action');
    if (def) {
      const r = evaluate(def, ctx.symbols);
      const v = r?.value;
      defaults.set(dest, {
        value:
          typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
            ? v
            : def.type === 'none'
              ? null
              : def.text,
        node: def,
      });
    } else if (action && stringLiteral(action) === 'store_true') defaults.set(dest, { value: false, node: call });
    else defaults.set(dest, { value: null, node: call });
  }
  return defaults;
}

/** The first call of one of `names` (the model's constructor) in the file. */
function constructorCall(index: SyntaxIndex, ctx: PythonReadContext, names: ReadonlySet<string>): Node | undefined {
  let looked = 0;
  for (const call of index.calls) {
    if (++looked > MAX_CALLS) break;
    const fn = call.childForFieldName('function');
    if (fn?.type === 'identifier' && names.has(fn.text)) return call;
    if (fn?.type === 'attribute' && names.has(ctx.callee(call).last) && /^(?:dlrm|torchrec)\b/.test(fn.text))
      return call;
  }
  return undefined;
}

/**
 * The function the flags are declared in (`def run():` of the reference script), if any: a program that imports the
 * model class from that script (`from dlrm_s_pytorch import DLRM_Net`) runs neither the function nor its flags, so what
 * is worked out from their defaults reaches it only through a link naming the function (Fact.within).
 */
function declaringFunction(node: Node): string | undefined {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++)
    if (at.type === 'function_definition') return at.childForFieldName('name')?.text;
  return undefined;
}

function numberOf(d: FlagDefault | undefined): number | undefined {
  if (typeof d?.value === 'number' && Number.isFinite(d.value)) return d.value;
  if (typeof d?.value === 'string' && /^\d{1,15}$/.test(d.value.replace(/_/g, '')))
    return Number(d.value.replace(/_/g, ''));
  return undefined;
}

function readReference(flags: Map<string, FlagDefault>, ctx: PythonReadContext): void {
  const generation = flags.get('data_generation')?.value;
  // Random or synthetic data (the reference's default) uses the tables the flag states; a dataset brings its own.
  const randomData = generation === undefined || generation === 'random' || generation === 'synthetic';
  const spa = numberOf(flags.get('arch_sparse_feature_size'));
  const rows = layerWidths(String(flags.get('arch_embedding_size')?.value ?? ''));
  const bottom = layerWidths(String(flags.get('arch_mlp_bot')?.value ?? ''));
  const top = layerWidths(String(flags.get('arch_mlp_top')?.value ?? ''));
  const op = flags.get('arch_interaction_op')?.value ?? 'dot';
  const itself = flags.get('arch_interaction_itself')?.value === true;
  if (randomData && spa && rows && bottom && top && typeof op === 'string') {
    const params = dlrmParams({ sparseFeatureSize: spa, tableRows: rows, bottom, top, interaction: op, itself });
    if (params) {
      ctx.add(
        'model.params',
        params,
        flags.get('arch_embedding_size')!.node,
        `DLRM sized by its flags' defaults: ${rows.length} embedding tables (${rows.join('-')} rows) × ${spa}, bottom MLP ${bottom.join('-')}, top MLP ${top.join('-')} after the ${op} interaction`,
        'medium',
      );
      const within = declaringFunction(flags.get('arch_embedding_size')!.node);
      ctx.amendLast({ fromFlags: [...REFERENCE_ARCH_FLAGS], ...(within ? { within } : {}) });
    }
  }
  // The batches of one epoch: `--num-batches` when positive, else the random data's size over the mini-batch
  // (dlrm_data_pytorch.py: `nbatches = ceil(data_size / mini_batch_size)`).
  const epochs = numberOf(flags.get('nepochs')) ?? 1;
  const given = numberOf(flags.get('num_batches'));
  const size = numberOf(flags.get('data_size'));
  const batch = numberOf(flags.get('mini_batch_size'));
  const batches = given && given > 0 ? given : randomData && size && batch ? Math.ceil(size / batch) : undefined;
  if (batches && flags.has('num_batches')) {
    ctx.add(
      'training.steps',
      batches * epochs,
      flags.get('num_batches')!.node,
      given && given > 0
        ? `default of --num-batches (${given}) × ${epochs} epoch(s)`
        : `random data: --data-size ${size} over --mini-batch-size ${batch} = ${batches} batch(es) per epoch × ${epochs} epoch(s)`,
      'medium',
    );
    const within = declaringFunction(flags.get('num_batches')!.node);
    ctx.amendLast({ fromFlags: [...REFERENCE_LENGTH_FLAGS], ...(within ? { within } : {}) });
  }
}

function readTorchrec(flags: Map<string, FlagDefault>, ctx: PythonReadContext): void {
  // One table per Criteo categorical feature, as TorchRec's example builds them from DEFAULT_CAT_NAMES.
  if (!/\bDEFAULT_CAT_NAMES\b/.test(ctx.text) || !/\bDEFAULT_INT_NAMES\b/.test(ctx.text)) return;
  const interaction = flags.get('interaction_type')?.value;
  if (interaction !== undefined && interaction !== null && !/ORIGINAL|original/.test(String(interaction))) return;
  if (flags.get('num_embeddings_per_feature')?.value) return;
  const dim = numberOf(flags.get('embedding_dim'));
  const rows = numberOf(flags.get('num_embeddings'));
  const dense = layerWidths(String(flags.get('dense_arch_layer_sizes')?.value ?? ''));
  const over = layerWidths(String(flags.get('over_arch_layer_sizes')?.value ?? ''));
  if (!dim || !rows || !dense || !over) return;
  const params = torchrecDlrmParams(
    dim,
    Array.from({ length: CRITEO_SPARSE_FEATURES }, () => rows),
    CRITEO_DENSE_FEATURES,
    dense,
    over,
  );
  if (!params) return;
  ctx.add(
    'model.params',
    params,
    flags.get('num_embeddings')!.node,
    `TorchRec DLRM sized by its flags' defaults: ${CRITEO_SPARSE_FEATURES} Criteo tables of ${rows} rows × ${dim}, dense arch ${CRITEO_DENSE_FEATURES}-${dense.join('-')}, over arch ${over.join('-')}`,
    'medium',
  );
  ctx.amendLast({ fromFlags: [...TORCHREC_ARCH_FLAGS] });
}

const REFERENCE_CLASSES = new Set(['DLRM_Net', 'DLRMNet']);
const TORCHREC_CLASSES = new Set(['DLRM', 'DLRM_DCN', 'DLRM_Projection', 'DLRMV2']);
const TORCHREC_IMPORT = /^from[ \t]+torchrec\.models(?:\.dlrm)?[ \t]+import[ \t]/m;

export const dlrmProgram: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['DLRM'],
  read: (index, ctx) => {
    if (!ctx.text.includes('DLRM')) return;
    const reference = ctx.text.includes('DLRM_Net') || ctx.text.includes('DLRMNet');
    const torchrec = !reference && TORCHREC_IMPORT.test(ctx.text);
    if (!reference && !torchrec) return;
    const built = constructorCall(index, ctx, reference ? REFERENCE_CLASSES : TORCHREC_CLASSES);
    if (!built) return;
    if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
      ctx.add(
        'model.id',
        'DLRM',
        built,
        `${ctx.callee(built).last}(...): the Deep Learning Recommendation Model (Naumov et al. 2019, arXiv:1906.00091)`,
        'medium',
      );
    const flags = flagDefaults(index, ctx);
    if (reference) readReference(flags, ctx);
    else readTorchrec(flags, ctx);
  },
};
