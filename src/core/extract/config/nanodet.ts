import { findModel } from '../../knowledge';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';

/**
 * NanoDet configs (github.com/RangiLyu/nanodet, `config/*.yml`; the dialect of NanoDet and the detectors forked from
 * it): a yacs `CfgNode` merged over nanodet/util/config.py's defaults by `python tools/train.py <this>.yml`, which
 * needs the file (its positional argument), so each config is the run:
 *
 * - `model.arch` is the detector: `name` (`NanoDetPlus`, or the v0.x `OneStageDetector` with a `NanoDetHead`), a
 *   `backbone`, an `fpn` and a `head`, each `{name: <class>, <kwargs>}`. The README's model zoo tables name the
 *   released detectors by these parts (Backbone column): NanoDet-m is ShuffleNetV2 1.0x under the NanoDet head,
 *   NanoDet-m-1.5x / -0.5x the wider and narrower ShuffleNetV2, NanoDet-Plus-m the same backbone under NanoDetPlus,
 *   NanoDet-t ShuffleNetV2 1.0x with the transformer neck (`fpn: {name: TAN}`, config/legacy_v0.x_configs/Transformer),
 *   NanoDet-EfficientLite and NanoDet-RepVGG by their EfficientNet-Lite and RepVGG backbones. ShuffleNetV2's
 *   `model_size` defaults to "1.5x" (nanodet/model/backbone/shufflenetv2.py, ShuffleNetV2.__init__). A backbone that
 *   names no zoo model (a custom CSP net's layer table) is named by the file when the file's name is a zoo model's
 *   (`nanodet-g.yml`), and a timm backbone (`TIMMWrapper`, `model_name: convnext_nano`) by its timm name.
 * - `schedule.total_epochs` is the Lightning trainer's `max_epochs` (tools/train.py, `pl.Trainer(max_epochs=...)`).
 * - `schedule.load_model` (the key present: `"load_model" in cfg.schedule`) loads a checkpoint into the detector
 *   before training: a fine-tune. Without it the detector trains on its task from the backbone's ImageNet weights
 *   (`pretrain: True`, the backbones' default) or from scratch: pre-training of the detector either way.
 *   `schedule.resume` continues the same run from its own last checkpoint.
 * - `device.gpu_ids` is the list of GPUs handed to the trainer as `devices` (DDP above one); `-1` trains on the CPU.
 *   `device.batchsize_per_gpu` is the batch on each.
 * - `device.precision` is the trainer's `precision` (default 32, nanodet/util/config.py: `cfg.device.precision = 32`;
 *   Lightning's 16 is fp16 AMP, "bf16" bfloat16).
 */

/** Sizes of ShuffleNetV2 the zoo names (`-m` is 1.0x; others are added to the name). */
const SHUFFLENET_SIZE = /^(?:0\.5|1\.0|1\.5|2\.0)x$/;
/** `efficientnet_lite0` … `efficientnet_lite4` (nanodet/model/backbone/efficientnet_lite.py, efficientnet_lite_params). */
const EFFICIENTNET_LITE = /^efficientnet_lite([0-4])$/;
/** RepVGG's `arch` keys (nanodet/model/backbone/repvgg.py, model_param: A0–A2, B0–B3 and grouped variants). */
const REPVGG_ARCH = /^([AB]\d)(?:g[24])?$/;
/** The input size a file's name ends with (`nanodet-plus-m_416`), dropped to leave the model's name. */
const SIZE_TAG = /[_-](\d{3,4})(?=$|[_-])/g;

function isNanoDetConfig(doc: ConfigDoc): boolean {
  if (doc.prefix !== '' || doc.get('model.arch')?.shape !== 'map') return false;
  const arch = doc.str('model.arch.name');
  const head = doc.str('model.arch.head.name');
  return (
    typeof arch === 'string' &&
    typeof doc.str('model.arch.backbone.name') === 'string' &&
    typeof head === 'string' &&
    (/^NanoDet/.test(arch) || /^NanoDet/.test(head)) &&
    doc.get('schedule')?.shape === 'map' &&
    doc.has('device.gpu_ids')
  );
}

/** The detector family its arch and head name: `nanodet-plus` (NanoDetPlus), `nanodet` (the v0.x NanoDetHead). */
function family(doc: ConfigDoc): string | undefined {
  const arch = doc.str('model.arch.name') ?? '';
  if (arch === 'NanoDetPlus') return 'nanodet-plus';
  if (doc.str('model.arch.head.name') === 'NanoDetHead') return 'nanodet';
  return undefined;
}

/** The zoo name the architecture's parts give (see above), with the key it is read from. */
function zooName(doc: ConfigDoc): { name: string; at: ConfigValue; detail: string } | undefined {
  const fam = family(doc);
  const backbone = doc.get('model.arch.backbone.name')!;
  if (!fam) return undefined;
  switch (String(backbone.value)) {
    case 'ShuffleNetV2': {
      const written = doc.get('model.arch.backbone.model_size');
      const size = written ? String(written.value) : '1.5x';
      if (!SHUFFLENET_SIZE.test(size)) return undefined;
      const transformerNeck = doc.str('model.arch.fpn.name') === 'TAN';
      if (transformerNeck && fam === 'nanodet' && size === '1.0x')
        return {
          name: 'nanodet-t',
          at: backbone,
          detail: 'ShuffleNetV2 1.0x with the TAN transformer neck: NanoDet-t',
        };
      if (transformerNeck) return undefined;
      const name = size === '1.0x' ? `${fam}-m` : `${fam}-m-${size}`;
      return {
        name,
        at: written ?? backbone,
        detail: `${fam === 'nanodet' ? 'NanoDet' : 'NanoDet-Plus'} with ShuffleNetV2 ${size}${written ? '' : ' (the backbone’s default model_size)'}`,
      };
    }
    case 'EfficientNetLite': {
      const m = EFFICIENTNET_LITE.exec(doc.str('model.arch.backbone.model_name') ?? '');
      if (!m || fam !== 'nanodet') return undefined;
      const at = doc.get('model.arch.backbone.model_name')!;
      return { name: `nanodet-efficientnet-lite${m[1]}`, at, detail: `NanoDet with EfficientNet-Lite${m[1]}` };
    }
    case 'RepVGG': {
      const m = REPVGG_ARCH.exec(doc.str('model.arch.backbone.arch') ?? '');
      if (!m || fam !== 'nanodet') return undefined;
      const at = doc.get('model.arch.backbone.arch')!;
      const arch = String(at.value).toLowerCase();
      return { name: `nanodet-repvgg-${arch}`, at, detail: `NanoDet with RepVGG-${String(at.value)}` };
    }
    default:
      return undefined;
  }
}

/** The file's name without its input-size tag, when it is a catalogued zoo model's (`nanodet-g.yml`). */
function fileZooName(doc: ConfigDoc, path: string | undefined): string | undefined {
  if (!path) return undefined;
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const stem = base.replace(/\.ya?ml$/i, '').slice(0, 120);
  const width = doc.num('data.train.input_size.0');
  const name = stem.replace(SIZE_TAG, (tag, n: string) => (width !== undefined && Number(n) === width ? '' : tag));
  const row = /^nanodet/i.test(name) ? findModel(name.toLowerCase()) : undefined;
  return row && row.family === 'nanodet' ? name.toLowerCase() : undefined;
}

function readModel(doc: ConfigDoc, out: FactSink, path: string | undefined): void {
  const zoo = zooName(doc);
  if (zoo) {
    out.add('model.id', zoo.name, zoo.at, `model.arch: ${zoo.detail} (NanoDet README, model zoo)`);
    return;
  }
  const backbone = doc.get('model.arch.backbone.name')!;
  const named = fileZooName(doc, path);
  if (named) {
    out.add('model.id', named, backbone, `the config's file names the NanoDet zoo model ${named}`, 'medium');
    return;
  }
  // A timm backbone (`TIMMWrapper`): the network is named by its timm name, the detector's neck and head around it.
  const timm = doc.get('model.arch.backbone.model_name');
  if (typeof timm?.value === 'string' && timm.value.trim() !== '')
    out.add('model.id', timm.value.trim(), timm, `model.arch.backbone.model_name: ${timm.value.trim()}`, 'medium');
  else
    out.add(
      'model.id',
      null,
      backbone,
      `model.arch.backbone: ${String(backbone.value)} names no NanoDet zoo model; the detector's size is not read`,
      'low',
    );
}

function readMode(doc: ConfigDoc, out: FactSink): void {
  const load = doc.get('schedule.load_model');
  if (load) {
    const value = typeof load.value === 'string' ? load.value : '';
    out.add('model.fromScratch', false, load, `schedule.load_model${value ? `: ${value}` : ''}: loads trained weights`);
    out.add('training.mode', 'finetune', load, 'schedule.load_model: the detector starts from a checkpoint');
    return;
  }
  const at = doc.get('model.arch.backbone.name')!;
  out.add(
    'training.mode',
    'pretrain',
    at,
    'no schedule.load_model: the detector trains on its task from its backbone’s ImageNet weights (or from scratch)',
    'medium',
  );
}

function readDevices(doc: ConfigDoc, out: FactSink): void {
  const ids = doc.get('device.gpu_ids');
  if (!ids) return;
  if (ids.shape === 'seq') {
    let n = 0;
    while (n < 1024 && doc.has(`device.gpu_ids.${n}`)) n++;
    if (n > 0) out.add('hardware.devices', n, ids, `device.gpu_ids: ${n} GPU${n > 1 ? 's (DDP)' : ''}`);
  } else if (doc.num('device.gpu_ids') === -1)
    out.add('hardware.devices', null, ids, 'device.gpu_ids: -1 (CPU)', 'low');
  const batch = positiveIntegerAt(doc, 'device.batchsize_per_gpu');
  if (batch) out.add('training.batchPerDevice', batch.n, batch.at, `device.batchsize_per_gpu: ${batch.n}`);
}

function readPrecision(doc: ConfigDoc, out: FactSink): void {
  const at = doc.get('device.precision');
  const value = at?.shape === 'scalar' ? String(at.value).trim().toLowerCase() : undefined;
  if (at && value !== undefined) {
    const precision =
      value === '32' || value === '32-true'
        ? 'fp32'
        : value === '16' || value === '16-mixed'
          ? 'fp16'
          : value === 'bf16' || value === 'bf16-mixed'
            ? 'bf16'
            : undefined;
    if (precision) out.add('training.precision', precision, at, `device.precision: ${value} (Lightning's precision)`);
    return;
  }
  out.add(
    'training.precision',
    'fp32',
    doc.get('device')!,
    'no device.precision: NanoDet’s default 32 (nanodet/util/config.py), float32',
    'medium',
  );
}

export const nanodet: ConfigDialect = {
  name: 'nanodet',
  words: ['gpu_ids'],
  detect: isNanoDetConfig,
  owns: (path) =>
    path === 'schedule.total_epochs' ||
    path === 'device.precision' ||
    path === 'device.gpu_ids' ||
    path === 'device.batchsize_per_gpu' ||
    path.startsWith('model.arch.backbone.') ||
    path.startsWith('schedule.load_model'),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const arch = doc.get('model.arch')!;
    out.add('run.framework', 'nanodet', arch, 'NanoDet config (model.arch, schedule, device)');
    out.add('launch.trainer', 'config:nanodet', arch, 'NanoDet config: tools/train.py <this> trains it');
    readModel(doc, out, file?.path);
    readMode(doc, out);
    const epochs = positiveIntegerAt(doc, 'schedule.total_epochs');
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `schedule.total_epochs: ${epochs.n} (max_epochs)`);
    readDevices(doc, out);
    readPrecision(doc, out);
  },
};
