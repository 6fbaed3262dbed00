import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * Self-distillation configs of vision transformers (DINO, iBOT, DINOv2 and the codebases built the same
 * way): a `student` backbone (`arch: vit_large`, `patch_size: 14`) trained against a momentum `teacher`,
 * with `optim.epochs`, loaded with OmegaConf/yacs over the program's defaults
 * (`train.py --config-file <this>`). The same `student:` block alone (no optimiser, no training
 * section) is the backbone an evaluation program loads released weights into: an inference run.
 *
 * The backbone's size is read from the architecture name: ViT blocks of width d with an MLP of
 * ratio 4 hold 12·d² weights (4·d² attention, 8·d² MLP; DINOv2's SwiGLU of hidden 2/3·4·d keeps 8·d²),
 * so depth × 12·d² (patch embedding, norms and biases add under 1%).
 */

/** Depth and width per architecture name (and the MLP's hidden width where it is not 4 × width), with the source of each. */
export const VIT_SHAPES: Readonly<Record<string, { depth: number; width: number; mlp?: number; source: string }>> = {
  vit_tiny: { depth: 12, width: 192, source: 'DeiT (Touvron et al. 2021, Table 1): DeiT-Ti 12 layers, width 192' },
  vit_small: { depth: 12, width: 384, source: 'DeiT (Touvron et al. 2021, Table 1): DeiT-S 12 layers, width 384' },
  vit_base: { depth: 12, width: 768, source: 'ViT (Dosovitskiy et al. 2021, Table 1): ViT-Base 12 layers, width 768' },
  vit_large: {
    depth: 24,
    width: 1024,
    source: 'ViT (Dosovitskiy et al. 2021, Table 1): ViT-Large 24 layers, width 1024',
  },
  vit_huge: {
    depth: 32,
    width: 1280,
    source: 'ViT (Dosovitskiy et al. 2021, Table 1): ViT-Huge 32 layers, width 1280',
  },
  vit_giant: {
    depth: 40,
    width: 1408,
    mlp: 6144,
    source:
      'ViT-g/14 (Zhai et al. 2022, "Scaling Vision Transformers", arXiv:2106.04560, Table 2: width 1408, depth 40, MLP 6144, 1011M; timm vit_giant_patch14_224: embed_dim 1408, depth 40, mlp_ratio 48/11)',
  },
  vit_giant2: {
    depth: 40,
    width: 1536,
    source: 'DINOv2 (Oquab et al. 2023): ViT-g/14 of 40 blocks, embedding 1536 (model card), ~1.1B parameters',
  },
  vit_7b: {
    depth: 40,
    width: 4096,
    // SwiGLU's three matrices of hidden width 8192 hold as many weights as two of 12,288.
    mlp: 12288,
    source:
      'DINOv3 (Siméoni et al. 2025, arXiv:2508.10104; model card): ViT-7B of 40 blocks, embedding 4096, 32 heads, SwiGLU FFN of hidden width 8192, 6,716M parameters',
  },
};

/** Sections only the training side of such a config has (the evaluation backbone block has none). */
const TRAINING_SECTIONS = ['optim', 'train', 'teacher', 'dino', 'ibot'];
/**
 * Keys of the student backbone block in DINOv2's defaults (ssl_default_config.yaml): a `student:` block of
 * these alone is the backbone left to those defaults (a distillation config's `student:` names a model instead).
 */
const BACKBONE_KEYS = [
  'block_chunks',
  'drop_path_rate',
  'drop_path_uniform',
  'ffn_layer',
  'layerscale',
  'num_register_tokens',
];

/** Keys that state how many iterations make one epoch (the program's fixed epoch length). */
const EPOCH_LENGTH_KEYS = ['train.OFFICIAL_EPOCH_LENGTH', 'train.epoch_length', 'train.iters_per_epoch'];

export const selfSupervisedVit: ConfigDialect = {
  name: 'self-supervised-vit',
  words: ['student'],
  // A training config may leave the backbone to the program's defaults (`student: {block_chunks: 4}` beside a
  // `train:` section): it is still one of these, over the defaults file.
  detect: (doc) =>
    doc.get('student')?.shape === 'map' &&
    (/^vit_\w+$/.test(doc.str('student.arch') ?? '') ||
      (doc.get('student.arch') === undefined &&
        TRAINING_SECTIONS.some((s) => doc.get(s)?.shape === 'map') &&
        BACKBONE_KEYS.some((k) => doc.get(`student.${k}`) !== undefined))),
  owns: (path) => path === 'optim.epochs',
  read(doc: ConfigDoc, out: FactSink): void {
    const training = TRAINING_SECTIONS.some((s) => doc.get(s)?.shape === 'map');
    const arch = doc.get('student.arch');
    if (!arch) {
      // Only what differs from the program's defaults: the backbone, the length and the precision are there.
      out.add(
        'run.framework',
        'self-supervised-vit',
        doc.get('student')!,
        'student/teacher self-distillation config over its program’s defaults (DINO-style)',
      );
      readLength(doc, out);
      readPrecision(doc, out);
      linkDefaults(doc.get('student')!, out);
      return;
    }
    const name = String(arch.value);
    const patch = doc.num('student.patch_size');
    out.add('run.framework', 'self-supervised-vit', arch, 'student/teacher self-distillation config (DINO-style)');
    out.add(
      'model.id',
      patch ? `${name}/${patch}` : name,
      arch,
      `student.arch: ${name}${patch ? `, patch_size ${patch}` : ''}`,
    );
    readParams(name, arch, out);
    if (!training) {
      out.add(
        'training.mode',
        'inference',
        arch,
        `student.arch ${name} with no optimiser or training section: the backbone an evaluation loads`,
      );
      // A checkpoint's description, not a run's: the evaluation program given it (`--config-file` beside
      // `--pretrained-weights`) is the run; the config only says how to build the network the weights load into.
      return;
    }
    readLength(doc, out);
    readMode(doc, arch, out);
    readPrecision(doc, out);
    linkDefaults(arch, out);
    out.add(
      'launch.trainer',
      'config:self-supervised-vit',
      arch,
      'self-distillation training config (train.py --config-file)',
    );
  },
};

/** A ViT's blocks: depth × (4·d² attention + 2·d·mlp), 12·d² a block with the usual MLP of 4·d. */
export function vitBlockParams(shape: { depth: number; width: number; mlp?: number }): number {
  const mlp = shape.mlp ?? 4 * shape.width;
  return shape.depth * (4 * shape.width * shape.width + 2 * shape.width * mlp);
}

export function vitBlockFormula(shape: { depth: number; width: number; mlp?: number }): string {
  return shape.mlp === undefined
    ? `${shape.depth} blocks × 12 × ${shape.width}²`
    : `${shape.depth} blocks × (4 × ${shape.width}² + 2 × ${shape.width} × ${shape.mlp})`;
}

function readParams(name: string, arch: ConfigValue, out: FactSink): void {
  const shape = VIT_SHAPES[name];
  if (!shape) return;
  const params = vitBlockParams(shape);
  out.add('model.params', params, arch, `${name}: ${vitBlockFormula(shape)} (${shape.source})`, 'medium');
}

/**
 * The defaults the program merges every config over (DINOv2's train.py: `OmegaConf.merge(default_cfg,
 * OmegaConf.load(args.config_file))`, the defaults being `dinov2/configs/ssl_default_config.yaml`, a folder
 * above `configs/train/` and `configs/eval/`): what a training config leaves out (the backbone, the epoch
 * length, the FSDP precision) is read there. Linked quietly (low): a fork without the file loses nothing.
 * Only from training configs: an evaluation's backbone config would take the defaults' training length.
 */
const DEFAULTS_FILES = ['../ssl_default_config.yaml', '../../ssl_default_config.yaml'];

function linkDefaults(at: ConfigValue, out: FactSink): void {
  for (const reference of DEFAULTS_FILES)
    out.add('link.config', reference, at, `the program's defaults this config is merged over (${reference})`, 'low');
}

/** `optim.epochs`, and the iterations they make when the config fixes an epoch's length. */
function readLength(doc: ConfigDoc, out: FactSink): void {
  const epochs = doc.get('optim.epochs');
  const n = doc.num('optim.epochs');
  for (const key of EPOCH_LENGTH_KEYS) {
    const length = doc.num(key);
    if (!length || length <= 0 || !Number.isInteger(length)) continue;
    out.add('training.stepsPerEpoch', length, doc.get(key)!, `${key.split('.').pop()}: ${length} iterations an epoch`);
    break;
  }
  if (!epochs || !n || n <= 0) return;
  out.add('training.epochs', n, epochs, `optim.epochs: ${n}`);
  for (const key of EPOCH_LENGTH_KEYS) {
    const length = doc.num(key);
    if (!length || length <= 0 || !Number.isInteger(length)) continue;
    out.add(
      'training.steps',
      n * length,
      epochs,
      `optim.epochs ${n} × ${key.split('.').pop()} ${length} iterations = ${n * length} steps`,
    );
    return;
  }
}

function readMode(doc: ConfigDoc, arch: ConfigValue, out: FactSink): void {
  const weights = doc.get('student.pretrained_weights');
  if (typeof weights?.value === 'string' && weights.value.trim()) {
    out.add('training.mode', 'finetune', weights, `student.pretrained_weights: ${weights.value}`);
    return;
  }
  out.add('training.mode', 'pretrain', arch, 'self-supervised training of the student from random initialisation');
  out.add('model.fromScratch', true, arch, 'no student.pretrained_weights');
}

/**
 * FSDP mixed precision of the student backbone (DINOv2's `compute_precision.student.backbone.mixed_precision.param_dtype`,
 * DINOv3's one `compute_precision.param_dtype` for every network). DINOv3's `student.fp8_enabled: true` runs the
 * backbone blocks' linear layers as FP8 matmuls (its `fp8_filter` picks them; dinov3/layers/fp8_linear.py): fp8.
 */
function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const fp8 = doc.get('student.fp8_enabled');
  if (fp8?.value === true) {
    out.add('training.precision', 'fp8', fp8, "student.fp8_enabled: true (the backbone blocks' matmuls in FP8)");
    return;
  }
  const dtype =
    doc.get('compute_precision.student.backbone.mixed_precision.param_dtype') ??
    doc.get('compute_precision.param_dtype');
  const v = typeof dtype?.value === 'string' ? dtype.value.toLowerCase() : '';
  const precision = /^(fp16|float16|half)$/.test(v)
    ? 'fp16'
    : /^(bf16|bfloat16)$/.test(v)
      ? 'bf16'
      : /^(fp32|float32)$/.test(v)
        ? 'fp32'
        : undefined;
  if (dtype && precision) out.add('training.precision', precision, dtype, `student backbone FSDP param_dtype: ${v}`);
}
