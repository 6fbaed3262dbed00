import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';

/**
 * AudioCraft's loaders: `MusicGen.get_pretrained('facebook/musicgen-small')` (also `AudioGen`, `MAGNeT`, `JASCO`,
 * `MelodyFlow`, `CompressionModel`/`EncodecModel`, `MultiBandDiffusion`) download a released checkpoint by its Hub
 * name and return a model the file then generates with: an inference run of the model the name says.
 * The name is the loader's first argument (or `name=`); a name held by a parameter of the enclosing function
 * (`def load_model(version='facebook/musicgen-melody'): ... get_pretrained(version)`) is the parameter's default.
 *
 * Precision: the generation models (audiocraft/models/genmodel.py `BaseGenModel.__init__`) wrap generation in a
 * float16 autocast whenever the device is not the CPU, and `get_pretrained` picks CUDA when it is available
 * (`device=None`); a load with `device='cpu'` generates in fp32. Compression models (EnCodec) are used as they
 * load, in fp32, and say nothing of precision here.
 */

/** Classes whose `get_pretrained` returns a generation model (BaseGenModel subclasses: autocast fp16 on GPU). */
const GENERATORS = new Set(['MusicGen', 'AudioGen', 'MAGNeT', 'JASCO', 'MelodyFlow']);
/** Other loaders of the package: a released model, no generation autocast. */
const OTHER_LOADERS = new Set(['CompressionModel', 'EncodecModel', 'MultiBandDiffusion']);
const importsAudiocraft = gatedTest(/^[ \t]*(?:from[ \t]+audiocraft\b|import[ \t]+audiocraft\b)/m);
/** Training in the file: a solver or a loop is read by the other rules. */
const TRAINS = /\.backward\(|\boptimizer\.step\(/;

/** The default a parameter of the function around `node` gives `name` (`def load(version='facebook/x')`). */
function parameterDefault(node: Node, name: string): Node | undefined {
  let fn: Node | null = node.parent;
  for (let depth = 0; fn && fn.type !== 'function_definition' && depth < 64; depth++) fn = fn.parent;
  if (fn?.type !== 'function_definition') return undefined;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
    if (p.childForFieldName('name')?.text !== name) continue;
    return p.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function readLoad(node: Node, owner: string, ctx: PythonReadContext): void {
  const args = node.childForFieldName('arguments');
  const first =
    args?.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument') ??
    (args ? keywordArgument(args, 'name') : null);
  let name: string | undefined;
  let at: Node = first ?? node;
  let how = `${owner}.get_pretrained("…")`;
  const read = first ? evaluate(first, ctx.symbols) : undefined;
  if (typeof read?.value === 'string') {
    name = read.value;
    how = read.via ? `${owner}.get_pretrained (${read.via})` : `${owner}.get_pretrained`;
  } else if (first?.type === 'identifier') {
    const def = parameterDefault(node, first.text);
    const value = def ? stringLiteral(def) : null;
    if (def && value) {
      name = value;
      at = def;
      how = `default of the parameter \`${first.text}\` that ${owner}.get_pretrained loads`;
    }
  }
  if (!ctx.facts.some(startsARun))
    ctx.add(
      'launch.inference',
      'audiocraft',
      node,
      `${owner}.get_pretrained(...) loads a released AudioCraft model`,
      'medium',
    );
  if (name !== undefined && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) {
    ctx.add('model.id', name, at, how, read?.via || at !== first ? 'medium' : 'high');
    ctx.add('model.fromScratch', false, node, `${owner}.get_pretrained loads pretrained weights`);
  }
  if (!GENERATORS.has(owner) || ctx.facts.some((f) => f.kind === 'training.precision')) return;
  const device = args ? keywordArgument(args, 'device') : null;
  const onCpu = device ? /^['"]cpu['"]$/.test(device.text) : false;
  ctx.add(
    'training.precision',
    onCpu ? 'fp32' : 'fp16',
    device ?? node,
    onCpu
      ? `${owner} loaded on the CPU: AudioCraft generates in full precision there`
      : `${owner} generates under a float16 autocast on a GPU (AudioCraft BaseGenModel)`,
    'medium',
  );
}

export const audiocraftLoader: FileRule = {
  framework: 'audiocraft',
  phase: 'after-calls',
  words: ['get_pretrained'],
  runStart: [/\.get_pretrained[ \t]*\(/, /\baudiocraft\b/],
  read: (index: SyntaxIndex, ctx) => {
    if (!importsAudiocraft(ctx.text) || TRAINS.test(ctx.text)) return;
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (last !== 'get_pretrained') continue;
      const owner = full.slice(0, -'.get_pretrained'.length).split('.').pop() ?? '';
      if (!GENERATORS.has(owner) && !OTHER_LOADERS.has(owner)) continue;
      readLoad(node, owner, ctx);
      if (GENERATORS.has(owner)) return;
    }
  },
};
