/**
 * Parameter count of a Vision Transformer built from its dimensions (Dosovitskiy et al. 2020, "An Image is Worth
 * 16x16 Words", arXiv:2010.11929, §3.1), counted layer by layer as the two common implementations build it:
 *
 * - torchvision `VisionTransformer(image_size, patch_size, num_layers, num_heads, hidden_dim, mlp_dim, ...,
 *   num_classes=1000, representation_size=None)` (torchvision/models/vision_transformer.py): a patch convolution, a
 *   class token, (patches + 1) position embeddings, per block LayerNorm, `nn.MultiheadAttention` (in and out
 *   projections with biases), LayerNorm and a two-layer MLP; a final LayerNorm and the classification head.
 * - timm `VisionTransformer(img_size=224, patch_size=16, in_chans=3, num_classes=1000, embed_dim=768, depth=12,
 *   num_heads=12, mlp_ratio=4.0, qkv_bias=True, qk_norm=False, init_values=None, class_token=True,
 *   no_embed_class=False, reg_tokens=0, ...)` (timm/models/vision_transformer.py) and classes built on it: the same
 *   blocks, qkv bias and per-head q/k norms as switched, LayerScale when `init_values` is set, prefix tokens.
 *
 * ViT-B/16 counts 86.6M this way (timm's model card: 86.6M; torchvision's weights table: 86,567,656).
 */

export interface VitDims {
  readonly imageSize: number;
  readonly patchSize: number;
  readonly inChannels: number;
  readonly layers: number;
  readonly width: number;
  readonly heads: number;
  readonly mlpWidth: number;
  readonly numClasses: number;
  /** A hidden layer before the head (torchvision's representation_size), 0 when none. */
  readonly representation: number;
  readonly qkvBias: boolean;
  readonly qkNorm: boolean;
  readonly layerScale: boolean;
  readonly classToken: boolean;
  readonly regTokens: number;
  /** The position embedding leaves out the prefix tokens (timm's no_embed_class). */
  readonly noEmbedClass: boolean;
}

export function vitParams(v: VitDims): number | undefined {
  const d = v.width;
  const m = v.mlpWidth;
  if (v.imageSize % v.patchSize !== 0 || (v.qkNorm && d % v.heads !== 0)) return undefined;
  const patches = (v.imageSize / v.patchSize) ** 2;
  const prefix = (v.classToken ? 1 : 0) + v.regTokens;
  const embed =
    v.inChannels * v.patchSize * v.patchSize * d + d + prefix * d + (patches + (v.noEmbedClass ? 0 : prefix)) * d;
  const attention = 3 * d * d + (v.qkvBias ? 3 * d : 0) + (v.qkNorm ? 4 * (d / v.heads) : 0) + d * d + d;
  const mlp = d * m + m + m * d + d;
  const block = 2 * d + attention + 2 * d + mlp + (v.layerScale ? 2 * d : 0);
  const head =
    v.numClasses === 0
      ? 0
      : v.representation > 0
        ? d * v.representation + v.representation + v.representation * v.numClasses + v.numClasses
        : d * v.numClasses + v.numClasses;
  return embed + v.layers * block + 2 * d + head;
}
