import type { Fact } from '../../facts';
import { findModelByName } from '../../knowledge';
import { sizeFromModelName } from '../../knowledge/modelName';

/**
 * OpenMMLab's config naming convention: `{algorithm}_{module}_{training settings}_{data}.py`, where the training
 * settings open with `{gpu}x b{batch_per_gpu}` — `resnet50_8xb32_in1k.py` is ResNet-50 trained on 8 GPUs × 32 images
 * per GPU, `mae_vit-base-p16_8xb512-amp-coslr-300e_in1k.py` MAE on a ViT-B/16 on 8 × 512 (mmpretrain
 * docs/en/user_guides/config.md, "Config File Naming Convention"; mmsegmentation docs/en/user_guides/1_config.md,
 * "Config Name Style": "{gpu x batch_per_gpu}: GPUs and samples per GPU. bN indicates N batch size per GPU, e.g. 8xb2
 * is the short term of 8-gpus x 2-images-per-gpu"). Read only for a file the mmengine reader took as a run config:
 * the name is how the repository records the layout the config was run with, which the config itself never states.
 */

/** The `{gpu}xb{batch}` segment, between `_` or `-` separators (bounded digits: linear). */
const LAYOUT = /(?:^|[_-])([1-9]\d{0,3})x(?:b([1-9]\d{0,4})|([1-9]\d{0,4})b)(?=$|[_-])/;
/** A plausible layout: at most this many GPUs named in a config's name. */
const MAX_GPUS = 4096;

const at0 = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };

/** The model the name's `{algorithm}_{module}` part names: the module (the backbone) when it is a known network. */
function modelOfName(prefix: string): string | undefined {
  const parts = prefix.split('_').filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const known = (n: string) => findModelByName(n) !== undefined || sizeFromModelName(n) !== undefined;
  const module = parts[parts.length - 1];
  // Old-style names keep `_` between the fields only (`mae_vit-base-p16`, `simclr_resnet50`): the module is the last.
  if (parts.length > 1 && known(module)) return module;
  const sized = sizedAlgorithm(parts);
  if (sized) return sized;
  if (parts.length === 1 || known(prefix)) return prefix;
  return /[a-z]/.test(prefix) ? prefix : undefined;
}

/** mmyolo's `[norm setting]_[data preprocessor type]` fields and the like: they leave the network as it is. */
const SETTINGS_FIELD = /^(?:syncbn|bn|fast|mask-refine|v\d{1,3}|fp16|amp)$/;

/** A model size written as mmyolo's configs write it (`s`, `l`, `tiny`), its version after a `-` (`s-v61`). */
const SIZE_FIELD = /^(n|s|m|l|x|t|tiny|nano|small|medium|large|xlarge)(?:-v\d{1,3})?$/;

/**
 * mmyolo's `{algorithm}_{component}-[version]_…` (`yolov5_s-v61_syncbn_fast`, `rtmdet_l_syncbn_fast`,
 * `ppyoloe_plus_s_fast`, `yolov7_tiny_fast`; mmyolo docs/en/tutorials/config.md, "Config file naming convention":
 * the component field of these detectors is the model size, the version the release it follows): the catalog row
 * of the algorithm at that size, by the name it goes by (`yolov5s`, `rtmdet-l`), or undefined.
 */
function sizedAlgorithm(parts: readonly string[]): string | undefined {
  for (let k = 1; k < Math.min(parts.length, 3); k++) {
    const size = SIZE_FIELD.exec(parts[k])?.[1];
    if (!size) continue;
    // Only the settings fields may follow (a norm, the data preprocessor, a training trick, a release): a field
    // that changes the network (`ofa_lat31` subnets, `dummy-backbone`) makes it another model.
    if (!parts.slice(k + 1).every((f) => SETTINGS_FIELD.test(f))) return undefined;
    const head = parts.slice(0, k);
    for (const name of [`${head.join('_')}_${size}`, `${head.join('')}${size}`]) {
      const row = findModelByName(name);
      if (row) return row.id;
    }
    return undefined;
  }
  return undefined;
}

/**
 * A name without the `{gpu}xb{batch}` segment (mmocr, mmdetection 3.x): its training-info field still opens with the
 * schedule (`dbnet_resnet18_fpnc_1200e_icdar2015.py`: 1200 epochs; `dbnet_resnet18_fpnc_100k_synthtext.py`: 100k
 * iterations; `faster-rcnn_r50_fpn_1x_coco.py`: the 1x schedule), so the fields before it are
 * `{algorithm}_{module}` (mmocr docs/en/user_guides/config.md, "Naming Conventions": "{{algorithm info}}_{{module
 * info}}_{{training info}}_{{data info}}.py", the algorithm info "the name of the algorithm, such as dbnet, crnn").
 */
const SCHEDULE_FIELD = /^(?:[a-z0-9]{1,20}-){0,3}[1-9]\d{0,4}(?:e|k|x)(?:-[a-z0-9]{1,20}){0,3}$/;
/** At most this many `_` fields looked at in a config's name. */
const MAX_FIELDS = 12;

/**
 * mmpose 0.x names its configs `{backbone}_[model setting]_{dataset}_[input size]_[technique].py`
 * (`hrnet_w32_coco_256x192.py`, `ViTPose_base_coco_256x192.py`, `hrnet_w32_coco_256x192_dark.py`; mmpose 0.x
 * docs/en/tutorials/0_config.md, "Config File Naming Convention"): with no schedule field, the fields before the
 * dataset, which the input size follows, name the network.
 */
const INPUT_SIZE_FIELD = /^[1-9]\d{1,3}x[1-9]\d{1,3}$/;

/** The `{algorithm}_{module}` fields of a name without a layout segment, as written, or undefined. */
export function algorithmOfName(name: string): string | undefined {
  const fields = name.toLowerCase().split('_').slice(0, MAX_FIELDS);
  const size = fields.findIndex((f) => INPUT_SIZE_FIELD.test(f));
  if (size >= 2 && !fields.some((f) => SCHEDULE_FIELD.test(f))) {
    const network = fields.slice(0, size - 1).filter((f) => f.length > 0);
    return network.length > 0 && /^[a-z]/.test(network[0]) ? network.join('_') : undefined;
  }
  const at = fields.findIndex((f) => SCHEDULE_FIELD.test(f));
  // The schedule opens the training info, which the data info follows: algorithm fields before it, data after.
  if (at < 1 || at >= fields.length - 1) return undefined;
  const prefix = fields.slice(0, at).filter((f) => f.length > 0);
  // The algorithm field names a method (letters first: `dbnet`, `mask-rcnn`, `svtr-tiny`), never a bare number.
  return prefix.length > 0 && /^[a-z]/.test(prefix[0]) ? prefix.join('_') : undefined;
}

/**
 * The model of an mmengine run config named without a layout segment: its `{algorithm}_{module}` fields, the
 * algorithm first (in these toolboxes the algorithm is the network trained, its modules parts of it: DBNet on a
 * ResNet-18 is not ResNet-18, so the backbone alone is not taken as the model or its size).
 */
function algorithmFacts(name: string, facts: readonly Fact[], trains: boolean): Fact[] {
  if (facts.some((f) => f.kind === 'model.id')) return [];
  const model = algorithmOfName(name);
  if (!model) return [];
  return modelOfNameFacts(
    model,
    `${name}.py: the algorithm and modules its name's fields before the schedule name (OpenMMLab's naming convention)`,
    name,
    facts,
    trains,
  );
}

/** The model a config's name names (low confidence), and its own initialisation where the config trains. */
function modelOfNameFacts(
  model: string,
  detail: string,
  name: string,
  facts: readonly Fact[],
  trains: boolean,
): Fact[] {
  const out: Fact[] = [{ kind: 'model.id', value: model, range: at0, confidence: 'low', detail }];
  if (trains && !facts.some((f) => f.kind === 'model.fromScratch')) out.push(ownInitialisation(name));
  return out;
}

/**
 * The runner builds the model from its dict with each module's own initialisation (random weights) unless an
 * `init_cfg` of type Pretrained or `load_from` loads some (mmengine "Weight initialization"); those are read, at a
 * higher confidence, from the config and the bases it links.
 */
function ownInitialisation(name: string): Fact {
  return {
    kind: 'model.fromScratch',
    value: true,
    range: at0,
    confidence: 'low',
    detail: `${name}.py: an mmengine config that loads no weights itself (no Pretrained init_cfg, no load_from): the model starts from its own initialisation`,
  };
}

/**
 * A `fp16` field in the name's training settings (`stylegan3-t_8xb4-fp16_metfaces`, `glean_x16-fp16_2xb8_ffhq`,
 * mmdetection's `..._fp16_...`): the config was run in float16 mixed precision (the toolboxes' configs of that name
 * switch it on, in the file or in the modules it builds). Read only when nothing in the file states a precision.
 */
function precisionOfName(name: string, facts: readonly Fact[]): Fact[] {
  if (facts.some((f) => f.kind === 'training.precision')) return [];
  if (
    !name
      .toLowerCase()
      .split(/[-_]/)
      .slice(0, 3 * MAX_FIELDS)
      .includes('fp16')
  )
    return [];
  return [
    {
      kind: 'training.precision',
      value: 'fp16',
      range: at0,
      confidence: 'low',
      detail: `${name}.py: \`fp16\` in its training settings (OpenMMLab's naming convention): float16 mixed precision`,
    },
  ];
}

/**
 * The schedule in the training settings beside the layout (`8xb64-210e`: 210 epochs; mmsegmentation's
 * `4xb2-40k`: 40k iterations): "{schedule}: training schedule, e.g. 20e / 40k" (mmpose docs/en/user_guides/
 * configs.md, "Naming Convention", `td-hm_hrnet-w32_8xb64-210e_coco-256x192.py`; mmsegmentation "Config Name Style":
 * "{schedule}: training schedule, options are 20k, 40k, etc."). Read only when the file states no length; a length a
 * base states outranks this one (it is low confidence).
 */
const SCHEDULE_OF_LAYOUT =
  /(?:^|[_-])[1-9]\d{0,3}xb[1-9]\d{0,4}(?:-[a-z0-9]{1,20}){0,4}?-([1-9]\d{0,4})(e|k)(?=$|[_-])/;

function scheduleOfName(name: string, facts: readonly Fact[]): Fact[] {
  if (facts.some((f) => f.kind === 'training.epochs' || f.kind === 'training.steps')) return [];
  const m = SCHEDULE_OF_LAYOUT.exec(name.toLowerCase());
  if (!m) return [];
  const n = Number(m[1]);
  return [
    {
      kind: m[2] === 'e' ? 'training.epochs' : 'training.steps',
      value: m[2] === 'e' ? n : n * 1000,
      range: at0,
      confidence: 'low',
      detail: `${name}.py: \`${m[1]}${m[2]}\` in its training settings (OpenMMLab's naming convention): ${m[2] === 'e' ? `${n} epochs` : `${n}k iterations`}`,
    },
  ];
}

export function openMmlabNameFacts(path: string, facts: readonly Fact[]): Fact[] {
  const config = (kind: string) => facts.some((f) => !f.file && f.kind === kind && f.value === 'mmengine:config');
  const trains = config('launch.trainer');
  if (!trains && !config('launch.inference')) return [];
  const written = /([^/\\]+)\.py$/.exec(path)?.[1];
  if (!written) return [];
  // Fields written with dots instead (`segformer.b0.512x512.ade.160k.py`, the SegFormer repository's configs on
  // mmsegmentation v0.13): the same fields, the model the ones before the crop size (the schedule, last, is the
  // config's own, from its base).
  const dotted = !written.includes('_') && (written.match(/\./g)?.length ?? 0) >= 2;
  const name = dotted ? written.replace(/\./g, '_') : written;
  if (dotted) return dottedModelFacts(name, facts, trains);
  if (trains)
    return [...layoutFacts(name, facts, trains), ...precisionOfName(name, facts), ...scheduleOfName(name, facts)];
  return layoutFacts(name, facts, trains);
}

function layoutFacts(name: string, facts: readonly Fact[], trains: boolean): Fact[] {
  const layout = LAYOUT.exec(name);
  if (!layout) return algorithmFacts(name, facts, trains);
  if (!trains) return [];
  const gpus = Number(layout[1]);
  // `8xb16`, and mmyolo's YOLOv7 configs' `8x16b` (the same layout, the letter after the batch).
  const batch = Number(layout[2] ?? layout[3]);
  if (!(gpus <= MAX_GPUS)) return [];
  const said = `${name}.py: OpenMMLab's naming convention, ${layout[0].replace(/^[_-]/, '')} = ${gpus} GPUs × ${batch} samples per GPU`;
  const out: Fact[] = [];
  if (!facts.some((f) => f.kind === 'hardware.devices'))
    out.push({ kind: 'hardware.devices', value: gpus, range: at0, confidence: 'medium', detail: said });
  if (!facts.some((f) => f.kind === 'training.batchPerDevice'))
    out.push({ kind: 'training.batchPerDevice', value: batch, range: at0, confidence: 'medium', detail: said });
  if (!facts.some((f) => f.kind === 'model.id')) {
    // A training setting written before the layout in the same field (`td-hm_hrnet-w32_fp16-8xb64`) is no module.
    const model = modelOfName(
      name
        .slice(0, layout.index)
        .toLowerCase()
        .replace(/[_-](?:fp16|bf16|amp)$/, ''),
    );
    if (model)
      out.push({
        kind: 'model.id',
        value: model,
        range: at0,
        confidence: 'low',
        detail: `${name}.py: the model its name's {algorithm}_{module} fields name (OpenMMLab's naming convention)`,
      });
    if (model && !facts.some((f) => f.kind === 'model.fromScratch')) out.push(ownInitialisation(name));
  }
  return out;
}

/** `segformer_b0_512x512_ade_160k` (written with dots): the model its fields before the crop size name. */
function dottedModelFacts(name: string, facts: readonly Fact[], trains: boolean): Fact[] {
  if (facts.some((f) => f.kind === 'model.id')) return [];
  const fields = name.toLowerCase().split('_').slice(0, MAX_FIELDS);
  const crop = fields.findIndex((f) => /^\d{2,5}x\d{2,5}$/.test(f));
  if (crop < 1 || !/^[a-z]/.test(fields[0])) return [];
  const model = fields.slice(0, crop).join('_');
  return modelOfNameFacts(
    model,
    `${name.replace(/_/g, '.')}.py: the model its name's fields before the crop size name`,
    name,
    facts,
    trains,
  );
}
