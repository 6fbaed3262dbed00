import type { Node } from 'web-tree-sitter';
import { evaluate, type SymbolTable } from '../../pythonValues';
import { vitParams, type VitDims } from '../../vitParams';
import { onDefaultPath } from '../branches';
import { truncate } from '../context';
import type { CallRule } from '../rules';

/**
 * A Vision Transformer built by its dimensions rather than by a named entry point: torchvision's
 * `VisionTransformer(image_size=224, patch_size=16, num_layers=12, num_heads=6, hidden_dim=384, mlp_dim=1536)`, timm's
 * `VisionTransformer(img_size=224, patch_size=16, embed_dim=768, depth=12, num_heads=12)` and the classes libraries
 * derive from it under a `...VisionTransformer` name with the same keywords (masked and causal variants for
 * self-supervised pre-training). The run is a ViT of that size, counted from its layers (vitParams.ts); the keyword set
 * says which implementation's defaults apply (torchvision: `num_layers`/`hidden_dim`, all required; timm:
 * `depth`/`embed_dim`). A dimension not written as a number (passed in at run time) leaves the size unknown.
 */
const VIT_CLASSES = ['VisionTransformer', 'MaskedVisionTransformer', 'MaskedCausalVisionTransformer'];
const DETAIL_PREFIX = 'Vision Transformer built by its dimensions';
/** torchvision's positional order (timm's constructor is called with keywords). */
const TORCHVISION_ORDER = ['image_size', 'patch_size', 'num_layers', 'num_heads', 'hidden_dim', 'mlp_dim'];

type Written = Map<string, number | boolean | null | 'unread'>;

function writtenArguments(call: Node, symbols: SymbolTable): Written | undefined {
  const out: Written = new Map();
  let position = 0;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text ?? '';
      const value = a.childForFieldName('value');
      const r = value?.type === 'none' ? { value: null } : evaluate(value, symbols);
      const v = r?.value;
      out.set(name, typeof v === 'number' || typeof v === 'boolean' || v === null ? v : 'unread');
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
    else {
      const name = TORCHVISION_ORDER[position++];
      if (!name) return undefined;
      const v = evaluate(a, symbols)?.value;
      out.set(name, typeof v === 'number' ? v : 'unread');
    }
  }
  return out;
}

/** The dimensions as written with the implementation's defaults, or 'unread' when one that counts is not a number. */
function dimensions(w: Written): VitDims | 'unread' | undefined {
  const num = (key: string, fallback?: number): number | undefined | 'unread' => {
    if (!w.has(key)) return fallback;
    const v = w.get(key);
    return typeof v === 'number' && v >= 0 && Number.isFinite(v) ? v : 'unread';
  };
  const flag = (key: string, fallback: boolean): boolean | 'unread' => {
    if (!w.has(key)) return fallback;
    const v = w.get(key);
    return typeof v === 'boolean' ? v : 'unread';
  };
  const torchvision = w.has('num_layers') && w.has('hidden_dim');
  const timm = w.has('depth') && w.has('embed_dim');
  if (torchvision === timm) return undefined;
  if (torchvision) {
    const values = {
      imageSize: num('image_size'),
      patchSize: num('patch_size'),
      layers: num('num_layers'),
      heads: num('num_heads'),
      width: num('hidden_dim'),
      mlpWidth: num('mlp_dim'),
      numClasses: num('num_classes', 1000),
      representation: w.get('representation_size') === null ? 0 : num('representation_size', 0),
    };
    const read = Object.values(values);
    if (read.some((v) => v === 'unread' || v === undefined)) return 'unread';
    const n = values as Record<keyof typeof values, number>;
    return {
      ...n,
      inChannels: 3,
      qkvBias: true,
      qkNorm: false,
      layerScale: false,
      classToken: true,
      regTokens: 0,
      noEmbedClass: false,
    };
  }
  const width = num('embed_dim');
  const ratio = num('mlp_ratio', 4);
  const values = {
    imageSize: num('img_size', 224),
    patchSize: num('patch_size', 16),
    inChannels: num('in_chans', 3),
    layers: num('depth'),
    heads: num('num_heads', 12),
    width,
    numClasses: num('num_classes', 1000),
    regTokens: num('reg_tokens', 0),
  };
  const switches = {
    qkvBias: flag('qkv_bias', true),
    qkNorm: flag('qk_norm', false),
    classToken: flag('class_token', true),
    noEmbedClass: flag('no_embed_class', false),
  };
  const initValues = w.get('init_values');
  if (
    [...Object.values(values), ratio].some((v) => v === 'unread' || v === undefined) ||
    Object.values(switches).some((v) => v === 'unread') ||
    (initValues !== undefined && initValues !== null && typeof initValues !== 'number')
  )
    return 'unread';
  const n = values as Record<keyof typeof values, number>;
  return {
    ...n,
    ...(switches as Record<keyof typeof switches, boolean>),
    // timm: `mlp_hidden_dim = int(embed_dim * mlp_ratio)`.
    mlpWidth: Math.floor((width as number) * (ratio as number)),
    representation: 0,
    layerScale: typeof initValues === 'number' && initValues > 0,
  };
}

/**
 * `self.visual_encoder = VisionTransformer(...)`: one part of a model class being defined (ALBEF-style vision-language
 * models build a ViT beside a text encoder); the class is the run's model and the ViT's count only a part of it.
 */
function isOwnComponent(call: Node): boolean {
  const parent = call.parent;
  return parent?.type === 'assignment' && /^self\.\w+$/.test(parent.childForFieldName('left')?.text ?? '');
}

export const vitByDimensions: CallRule = {
  framework: 'torch',
  callees: VIT_CLASSES,
  when: ({ node, last, ctx }) =>
    VIT_CLASSES.includes(last) &&
    !isOwnComponent(node) &&
    !ctx.facts.some((f) => (f.kind === 'model.id' || f.kind === 'model.params') && f.value !== null) &&
    onDefaultPath(node, ctx.symbols),
  read: ({ node, last, ctx }) => {
    const written = writtenArguments(node, ctx.symbols);
    const dims = written ? dimensions(written) : undefined;
    // `VisionTransformer(config)`, `VisionTransformer(**kwargs)`: not sized by its call.
    if (dims === undefined) return false;
    const params = dims === 'unread' ? undefined : vitParams(dims);
    ctx.add('model.id', 'vit', node, `${DETAIL_PREFIX}: ${truncate(node.text, 80)}`, 'medium');
    ctx.add(
      'model.params',
      params ?? null,
      node,
      params !== undefined && dims !== 'unread'
        ? `${last} with ${dims.layers} layers of width ${dims.width} (MLP ${dims.mlpWidth}), ${dims.patchSize}-pixel patches of a ${dims.imageSize}-pixel image: ${params} parameters (counted layer by layer, vitParams.ts)`
        : `${last}: dimensions not all written as numbers, size not worked out`,
      params !== undefined ? 'medium' : 'low',
    );
  },
};
