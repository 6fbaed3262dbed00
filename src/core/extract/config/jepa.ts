import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { VIT_SHAPES, vitBlockFormula, vitBlockParams } from './selfSupervisedVit';

/**
 * Joint-embedding predictive architecture configs (I-JEPA, V-JEPA and the codebases laid out the same way:
 * `main.py --fname <this>.yaml`, the program loading the YAML into a dict its training function reads section by
 * section): `meta.model_name` (or `model.model_name`) names the ViT context encoder, `pred_depth`/`pred_emb_dim` the
 * narrow predictor trained beside it, `optimization.epochs` the length, `data.batch_size` the batch on each GPU and
 * `meta.use_bfloat16` (or `meta.dtype`) the autocast dtype.
 *
 * - Mode: self-supervised pre-training from random initialisation. `load_checkpoint`/`read_checkpoint` resume the
 *   run's own checkpoint (a preempted job), not a pretrained model: still the same pre-training.
 * - Size: the encoder's blocks from its name (the ViT table of selfSupervisedVit.ts) plus the predictor's
 *   `pred_depth` blocks of width `pred_emb_dim` (MLP ratio 4); the EMA target encoder is a copy, not more weights
 *   trained.
 * - Steps: `optimization.ipe` (iterations per epoch) fixes each epoch's length when stated: epochs × ipe.
 * - Precision: `use_bfloat16: true` runs the forward and backward passes under a bfloat16 autocast; false is fp32.
 * - Devices: the run folders of these configs are named for the global batch (`vith14.224-bs.2048-ep.300/`); that
 *   batch over the per-GPU `data.batch_size` is the number of GPUs (low confidence: a name, not a setting).
 */
export const jepa: ConfigDialect = {
  name: 'jepa',
  words: ['pred_depth'],
  owns: (path) =>
    path.startsWith('meta.') ||
    path === 'model.model_name' ||
    path === 'optimization.epochs' ||
    path === 'optimization.ipe' ||
    path === 'logging.folder',
  detect: (doc: ConfigDoc) =>
    doc.prefix === '' &&
    encoderName(doc) !== undefined &&
    doc.get('optimization')?.shape === 'map' &&
    doc.num('optimization.epochs') !== undefined &&
    (doc.num('meta.pred_depth') ?? doc.num('model.pred_depth')) !== undefined,
  read(doc: ConfigDoc, out: FactSink): void {
    const arch = encoderName(doc)!;
    const name = String(arch.value).trim();
    const patch = doc.num('mask.patch_size') ?? doc.num('model.patch_size') ?? doc.num('data.patch_size');
    out.add('run.framework', 'jepa', arch, 'joint-embedding predictive (JEPA) pre-training config');
    out.add('launch.trainer', 'config:jepa', arch, 'JEPA pre-training config (main.py --fname <this>)');
    out.add(
      'model.id',
      patch ? `${name}/${patch}` : name,
      arch,
      `${arch.path}: ${name}${patch ? `, patch ${patch}` : ''}`,
    );
    readParams(doc, name, arch, out);
    const resumes = doc.get('meta.load_checkpoint')?.value === true;
    out.add(
      'training.mode',
      'pretrain',
      arch,
      resumes
        ? 'JEPA self-supervised pre-training; meta.load_checkpoint resumes the run’s own checkpoint'
        : 'JEPA self-supervised pre-training from random initialisation (meta.load_checkpoint false)',
    );
    out.add('model.fromScratch', true, arch, 'the encoder and predictor start from random weights');
    const epochs = doc.get('optimization.epochs')!;
    const n = doc.num('optimization.epochs');
    if (n && n > 0) out.add('training.epochs', n, epochs, `optimization.epochs: ${n}`);
    // `optimization.ipe: 300`: iterations per epoch, fixed by the config (V-JEPA's train loop runs
    // `for itr in range(ipe)` each epoch; without it, the loader's length): the run's steps are epochs × ipe.
    const ipe = doc.num('optimization.ipe');
    if (n && n > 0 && Number.isInteger(n) && ipe && Number.isInteger(ipe) && ipe > 0)
      out.add(
        'training.steps',
        n * ipe,
        doc.get('optimization.ipe')!,
        `optimization.epochs ${n} × optimization.ipe ${ipe} (iterations each epoch)`,
      );
    readPrecision(doc, out);
    readDevices(doc, out);
  },
};

function encoderName(doc: ConfigDoc): ConfigValue | undefined {
  for (const path of ['meta.model_name', 'model.model_name']) {
    const v = doc.get(path);
    if (typeof v?.value === 'string' && /^vit_\w{1,40}$/.test(v.value.trim())) return v;
  }
  return undefined;
}

function readParams(doc: ConfigDoc, name: string, arch: ConfigValue, out: FactSink): void {
  const shape = VIT_SHAPES[name];
  if (!shape) return;
  const encoder = vitBlockParams(shape);
  const depth = doc.num('meta.pred_depth') ?? doc.num('model.pred_depth');
  const width = doc.num('meta.pred_emb_dim') ?? doc.num('model.pred_emb_dim');
  const predictor =
    depth && width && Number.isInteger(depth) && Number.isInteger(width) && depth <= 200 && width <= 16_384
      ? depth * 12 * width * width
      : 0;
  out.add(
    'model.params',
    encoder + predictor,
    arch,
    `${name}: ${vitBlockFormula(shape)} (${shape.source})${predictor ? ` + predictor ${depth} blocks × 12 × ${width}²` : ''}`,
    'medium',
  );
}

function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const flag = doc.get('meta.use_bfloat16');
  if (flag && typeof flag.value === 'boolean') {
    out.add(
      'training.precision',
      flag.value ? 'bf16' : 'fp32',
      flag,
      flag.value ? 'meta.use_bfloat16: true (bfloat16 autocast)' : 'meta.use_bfloat16: false (no autocast)',
    );
    return;
  }
  const dtype = doc.str('meta.dtype')?.toLowerCase();
  const precision =
    dtype === 'bfloat16' || dtype === 'bf16'
      ? 'bf16'
      : dtype === 'float16' || dtype === 'fp16'
        ? 'fp16'
        : dtype === 'float32' || dtype === 'fp32'
          ? 'fp32'
          : undefined;
  if (precision) out.add('training.precision', precision, doc.get('meta.dtype')!, `meta.dtype: ${dtype}`);
}

function readDevices(doc: ConfigDoc, out: FactSink): void {
  const folder = doc.get('logging.folder');
  const text = typeof folder?.value === 'string' ? folder.value : '';
  if (!folder || text.length > 500) return;
  const global = /(?:^|[-_/.])bs\.?(\d{1,6})(?=[-_/.]|$)/.exec(text);
  const perDevice = doc.num('data.batch_size');
  if (!global || !perDevice || !Number.isInteger(perDevice) || perDevice <= 0) return;
  const total = Number(global[1]);
  if (total < perDevice || total % perDevice !== 0) return;
  const devices = total / perDevice;
  out.add(
    'hardware.devices',
    devices,
    folder,
    `the run folder's name states a global batch of ${total} (bs.${total}); over data.batch_size ${perDevice} a GPU: ${devices} GPUs`,
    'low',
  );
}
