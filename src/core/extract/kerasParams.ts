import type { Node } from 'web-tree-sitter';
import { evaluate, type SymbolTable } from './pythonValues';

/**
 * Parameters (and, for images, forward FLOPs per sample) of a `keras.Sequential([...])` model,
 * by carrying the tensor shape through its layers. Counts follow Keras's own `model.summary()`:
 * total parameters, non-trainable ones (BatchNormalization statistics) included.
 */

export interface KerasCount {
  readonly params: number;
  /** Multiply-adds × 2 of one forward pass, when every layer's shape was known. */
  readonly forwardFlops: number | null;
  readonly layers: number;
  /** Layers that could not be sized: the count is then a lower bound. */
  readonly unresolved: string[];
}

/** Shape without the batch dimension; null entries are unknown sizes (e.g. sequence length). */
type Shape = Array<number | null>;

function num(node: Node | null | undefined, symbols: SymbolTable): number | undefined {
  const r = node ? evaluate(node, symbols) : undefined;
  return typeof r?.value === 'number' ? r.value : undefined;
}

function shapeOf(node: Node | null | undefined, symbols: SymbolTable): Shape | undefined {
  const r = node ? evaluate(node, symbols) : undefined;
  if (!Array.isArray(r?.value)) return undefined;
  return r.value.map((v) => (typeof v === 'number' ? v : null));
}

function args(call: Node): { positional: Node[]; keyword: Map<string, Node> } {
  const positional: Node[] = [];
  const keyword = new Map<string, Node>();
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value) keyword.set(name, value);
    } else positional.push(a);
  }
  return { positional, keyword };
}

/** Output size of a convolution or pooling window along one axis. */
function spatial(size: number | null, window: number, stride: number, padding: string): number | null {
  if (size === null) return null;
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** Keras `padding=`: 'same' or 'valid' (the default, also for anything that is not a string). */
function paddingOf(node: Node | null | undefined, symbols: SymbolTable): string {
  const v = node ? evaluate(node, symbols)?.value : undefined;
  return typeof v === 'string' ? v : 'valid';
}

function pair(v: number | number[] | undefined, fallback: number): [number, number] {
  if (Array.isArray(v)) return [v[0] ?? fallback, v[1] ?? v[0] ?? fallback];
  return [v ?? fallback, v ?? fallback];
}

function numbers(node: Node | null | undefined, symbols: SymbolTable): number | number[] | undefined {
  const r = node ? evaluate(node, symbols) : undefined;
  if (typeof r?.value === 'number') return r.value;
  if (Array.isArray(r?.value) && r.value.every((x) => typeof x === 'number')) return r.value;
  return undefined;
}

const PASS_THROUGH =
  /^(Dropout|SpatialDropout[123]D|Activation|ReLU|LeakyReLU|Softmax|GaussianNoise|GaussianDropout|AlphaDropout|Rescaling|Normalization|RandomFlip|RandomRotation|RandomZoom|RandomCrop|RandomTranslation|RandomContrast|Masking|InputLayer)$/;

/** The layers of `Sequential([...])`, or null when the call is not one (e.g. torch's nn.Sequential(*layers)). */
export function sequentialLayers(call: Node): Node[] | null {
  const first = call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
  if (!first || first.type !== 'list') return null;
  return first.namedChildren.filter((c): c is Node => c !== null && c.type === 'call');
}

export function countKerasSequential(
  layerCalls: readonly Node[],
  symbols: SymbolTable,
  inputShape?: readonly number[],
): KerasCount {
  let shape: Shape | undefined = inputShape ? [...inputShape] : undefined;
  let params = 0;
  let flops: number | null = 0;
  const unresolved: string[] = [];
  const addFlops = (f: number | null) => {
    flops = flops === null || f === null ? null : flops + f;
  };
  for (const call of layerCalls) {
    const callee = call.childForFieldName('function')?.text ?? '';
    const name = callee.slice(callee.lastIndexOf('.') + 1);
    const { positional, keyword } = args(call);
    const declared = shapeOf(
      keyword.get('input_shape') ?? keyword.get('shape') ?? (name === 'Input' ? positional[0] : undefined),
      symbols,
    );
    if (declared) shape = declared;
    if (name === 'Input' || name === 'InputLayer') continue;
    const last = shape?.[shape.length - 1] ?? null;
    const unknown = () => {
      unresolved.push(`${name} at line ${call.startPosition.row + 1}`);
      shape = undefined;
      flops = null;
    };
    if (name === 'Dense') {
      const units = num(keyword.get('units') ?? positional[0], symbols);
      if (units === undefined || last === null || !shape) {
        unknown();
        continue;
      }
      params += (last + 1) * units;
      const positions = shape
        .slice(0, -1)
        .reduce<number | null>((n, d) => (n === null || d === null ? null : n * d), 1);
      addFlops(positions === null ? null : 2 * last * units * positions);
      shape = [...shape.slice(0, -1), units];
    } else if (name === 'Embedding') {
      const input = num(keyword.get('input_dim') ?? positional[0], symbols);
      const output = num(keyword.get('output_dim') ?? positional[1], symbols);
      if (input === undefined || output === undefined) {
        unknown();
        continue;
      }
      params += input * output;
      const length = num(keyword.get('input_length'), symbols) ?? shape?.[0] ?? null;
      shape = [length, output];
    } else if (/^(LSTM|GRU|SimpleRNN|Bidirectional)$/.test(name)) {
      const inner = name === 'Bidirectional' ? positional[0] : call;
      const innerName =
        name === 'Bidirectional' ? ((inner?.childForFieldName('function')?.text ?? '').split('.').pop() ?? '') : name;
      const innerArgs =
        inner && inner.type === 'call' ? args(inner) : { positional: [], keyword: new Map<string, Node>() };
      const units = num(innerArgs.keyword.get('units') ?? innerArgs.positional[0], symbols);
      if (units === undefined || last === null || !shape) {
        unknown();
        continue;
      }
      // Keras gates: LSTM 4, GRU 3 (two bias vectors with reset_after, the default), SimpleRNN 1.
      const cell =
        innerName === 'LSTM'
          ? 4 * units * (last + units + 1)
          : innerName === 'GRU'
            ? 3 * units * (last + units + 2)
            : innerName === 'SimpleRNN'
              ? units * (last + units + 1)
              : undefined;
      if (cell === undefined) {
        unknown();
        continue;
      }
      const directions = name === 'Bidirectional' ? 2 : 1;
      params += directions * cell;
      flops = null; // recurrent FLOPs depend on the sequence length, rarely known statically
      const sequences = /return_sequences\s*=\s*True/.test(inner?.text ?? '');
      shape = sequences ? [shape[0] ?? null, directions * units] : [directions * units];
    } else if (/^Conv[12]D$/.test(name)) {
      const filters = num(keyword.get('filters') ?? positional[0], symbols);
      const dims = name === 'Conv1D' ? 1 : 2;
      const kernel = pair(numbers(keyword.get('kernel_size') ?? positional[1], symbols), NaN);
      const strides = pair(numbers(keyword.get('strides'), symbols), 1);
      const padding = paddingOf(keyword.get('padding'), symbols);
      if (filters === undefined || Number.isNaN(kernel[0]) || !shape || last === null || shape.length !== dims + 1) {
        unknown();
        continue;
      }
      const window = dims === 1 ? kernel[0] : kernel[0] * kernel[1];
      params += (window * last + 1) * filters;
      const out = shape.slice(0, dims).map((d, i) => spatial(d, kernel[i], strides[i], padding));
      const positions = out.reduce<number | null>((n, d) => (n === null || d === null ? null : n * d), 1);
      addFlops(positions === null ? null : 2 * window * last * filters * positions);
      shape = [...out, filters];
    } else if (/^(MaxPooling|AveragePooling)[12]D$/.test(name)) {
      const dims = name.endsWith('1D') ? 1 : 2;
      const size = pair(numbers(keyword.get('pool_size') ?? positional[0], symbols), 2);
      const strides = pair(numbers(keyword.get('strides'), symbols), NaN);
      const padding = paddingOf(keyword.get('padding'), symbols);
      if (!shape || shape.length !== dims + 1) {
        unknown();
        continue;
      }
      shape = [
        ...shape
          .slice(0, dims)
          .map((d, i) => spatial(d, size[i], Number.isNaN(strides[i]) ? size[i] : strides[i], padding)),
        last,
      ];
    } else if (/^Global(Average|Max)Pooling[12]D$/.test(name)) {
      shape = [last];
    } else if (name === 'Flatten') {
      const size = shape?.reduce<number | null>((n, d) => (n === null || d === null ? null : n * d), 1) ?? null;
      if (size === null) {
        unknown();
        continue;
      }
      shape = [size];
    } else if (name === 'BatchNormalization' || name === 'LayerNormalization') {
      if (last === null) {
        unknown();
        continue;
      }
      // BatchNormalization: gamma, beta and the two moving statistics; LayerNormalization: gamma, beta.
      params += (name === 'BatchNormalization' ? 4 : 2) * last;
    } else if (!PASS_THROUGH.test(name)) {
      unknown();
    }
  }
  return { params, forwardFlops: flops, layers: layerCalls.length, unresolved };
}

/** Statements followed after `model = Sequential()` to collect its `model.add(...)` calls. */
const MAX_ADDS = 200;

/**
 * The layers of `model = Sequential()` added one by one after it (`model.add(layers.Dense(64))`), in order, up to the
 * next assignment of the same name; null when the call is not bound to a name at the level of a block.
 */
export function addedLayers(call: Node): Node[] | null {
  const assignment = call.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== call.id) return null;
  const name = assignment.childForFieldName('left');
  const statement = assignment.parent;
  if (name?.type !== 'identifier' || statement?.type !== 'expression_statement') return null;
  const layers: Node[] = [];
  let next = statement.nextNamedSibling;
  for (let i = 0; next && i < MAX_ADDS * 4 && layers.length < MAX_ADDS; i++, next = next.nextNamedSibling) {
    const expression = next.type === 'expression_statement' ? next.namedChildren[0] : null;
    if (expression?.type === 'assignment' && expression.childForFieldName('left')?.text === name.text) break;
    if (expression?.type !== 'call') continue;
    const callee = expression.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.text !== `${name.text}.add`) continue;
    const layer = expression.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
    if (layer?.type === 'call') layers.push(layer);
  }
  return layers;
}

/** `x = x.reshape((60000, 28 * 28))`: the sample shape (batch dimension dropped) of an array reshaped by name. */
const RESHAPED = /^[ \t]*(\w{1,60})[ \t]*=[ \t]*\w{1,60}\.reshape\([ \t]*\(([\d \t*,]{1,80})\)[ \t]*\)/gm;
const FIT_INPUT = /\.fit\([ \t]*(\w{1,60})\b/;

/**
 * The input shape of a model that declares none (Keras builds it on its first batch), from the array it is fitted on:
 * `model.fit(images, ...)` after `images = images.reshape((n, 28 * 28))` gives (784,). Only literal sizes are read.
 */
export function fittedInputShape(modelName: string, after: string, before: string): number[] | undefined {
  const fit = new RegExp(`\\b${modelName}${FIT_INPUT.source}`).exec(after);
  if (!fit) return undefined;
  const text = before + after.slice(0, fit.index);
  let shape: number[] | undefined;
  for (const m of text.matchAll(RESHAPED)) {
    if (m[1] !== fit[1]) continue;
    const dims = m[2]
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const sizes = dims.map((d) =>
      /^\d{1,7}(?:[ \t]*\*[ \t]*\d{1,7}){0,3}$/.test(d) ? d.split('*').reduce((n, f) => n * Number(f.trim()), 1) : NaN,
    );
    shape = sizes.length > 1 && sizes.every((n) => Number.isFinite(n)) ? sizes.slice(1) : undefined;
  }
  return shape;
}
