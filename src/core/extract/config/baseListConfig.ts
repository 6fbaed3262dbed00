import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { positiveIntegerAt } from './dialect';
import { findModelByName } from '../../knowledge';
import { algorithmOfName } from '../python/openMmlabName';

/**
 * Detection configs merged over a list of base files: PaddleDetection's `_BASE_: [...]` (ppdet/core/workspace.py
 * `load_config`: each base is loaded first, relative to this file, and this file's keys merged over them; the same
 * loader runs PaddleOCR/PaddleClas-style toolkits) and the `__include__: [...]` of RT-DETR's PyTorch `YAMLConfig`
 * (src/core/yaml_utils.py `load_config`: includes merged in order, later files and then this file winning), which
 * its descendants keep (D-FINE, DEIM). The run is `python tools/train.py -c <this>` (`--test-only`/`tools/eval.py` to
 * evaluate it): a file with the list is the run; the files it lists (`_base_/`, `include/`, `runtime.yml`, dataset
 * files) are its parts, which start nothing alone.
 *
 * - Model: such configs name their detector by their file's name, not by a key (`model: RTDETR` is the class every
 *   variant builds; the backbone's depth and the decoder's layers are set section by section):
 *   `rtdetr_r18vd_6x_coco.yml` is RT-DETR on a ResNet-18-vd, `{algorithm}_{backbone}_{schedule}_{data}` as the
 *   OpenMMLab convention writes it. Sized from the catalog by that name; a variant field after the backbone
 *   (`rtdetrv2_r18vd_dsp_3x_coco`: discrete sampling, the same weights) falls back to the name before it.
 * - Length: `epoches` (RT-DETR's solver reads `cfg.epoches`) or PaddleDetection's `epoch`, in this file or a base.
 * - Start: a detector checkpoint this file starts from (`tuning:`, a `pretrain_weights:` file named for a detection
 *   dataset) makes a fine-tune; otherwise the detector trains on its task from its initialisation, its backbone from
 *   ImageNet classification weights at most (`pretrained: True` on the backbone, a `*_pretrained.pdparams` file).
 * - Precision: `use_amp: True` (RT-DETR's solver wraps the step in torch.cuda.amp autocast, float16) in this file or
 *   a base; neither loader turns mixed precision on by default (PaddleDetection only with `--amp`).
 */

/** The detail a link to a base starts with (analyze.ts composes such links as one config). */
export const BASE_LIST_LINK = 'base list: ';

/** The keys holding the list, by loader. */
const LIST_KEYS = ['__include__', '_BASE_'] as const;
/** A base as the loaders join it to this file's folder (a YAML file; bounded). */
const BASE_PATH = /^[\w./-]{1,300}\.ya?ml$/;
/** Bases read from one file (such lists hold a handful). */
const MAX_BASES = 16;
/** Folders that hold the parts run configs list (`_base_/`, `include/`, `base/`): a file there is a part. */
const PART_FOLDER = /(?:^|\/)(?:_base_|_base|base|bases|include|includes)\/[^/]+$/i;
/** Datasets detectors are trained on: a checkpoint named for one is a detector's, not a backbone's. */
const DETECTION_DATA = /(?:^|[^a-z])(?:coco|obj365|objects365|o365|voc|lvis|crowdhuman|cityscapes)(?:[^a-z]|$)/i;
/** Trailing data fields of a config name with no schedule field (`dfine_hgnetv2_l_coco`). */
const DATA_FIELD = /^(?:coco|obj365|objects365|o365|voc|lvis|crowdhuman|cityscapes|custom)$/;

function listOf(doc: ConfigDoc): { key: string; at: ConfigValue; items: ConfigValue[] } | undefined {
  for (const key of LIST_KEYS) {
    const at = doc.get(key);
    if (at?.shape !== 'seq') continue;
    const items: ConfigValue[] = [];
    for (let k = 0; k < MAX_BASES; k++) {
      const item = doc.get(`${key}.${k}`);
      if (!item) break;
      items.push(item);
    }
    if (items.length > 0 && items.every((i) => typeof i.value === 'string' && BASE_PATH.test(i.value.trim())))
      return { key, at, items };
  }
  return undefined;
}

/** A schedule part: RT-DETR's `epoches`, PaddleDetection's optimizer file (`epoch` beside `LearningRate`). */
function scheduleKey(doc: ConfigDoc): 'epoches' | 'epoch' | undefined {
  if (doc.num('epoches') !== undefined) return 'epoches';
  if (
    doc.num('epoch') !== undefined &&
    (doc.get('LearningRate')?.shape === 'map' || doc.get('OptimizerBuilder')?.shape === 'map')
  )
    return 'epoch';
  return undefined;
}

/** The detector a config's file name names: the fields before its schedule, else before its data field. */
function modelOfFileName(path: string): string | undefined {
  const stem = path
    .replace(/^.*[\\/]/, '')
    .replace(/\.ya?ml$/i, '')
    .toLowerCase();
  if (stem.length > 200) return undefined;
  const named = algorithmOfName(stem);
  if (named) return named;
  const fields = stem.split('_');
  while (fields.length > 0 && DATA_FIELD.test(fields[fields.length - 1])) fields.pop();
  return fields.length >= 2 && fields.length < stem.split('_').length && /^[a-z]/.test(fields[0])
    ? fields.join('_')
    : undefined;
}

export const baseListConfig: ConfigDialect = {
  name: 'base-list',
  words: ['__include__', '_BASE_', 'epoches', 'LearningRate', 'OptimizerBuilder'],
  detect: (doc) => doc.prefix === '' && (listOf(doc) !== undefined || scheduleKey(doc) !== undefined),
  // A backbone section's `pretrained: True` loads ImageNet classification weights (read below), not the detector's;
  // `DETR: {backbone: PPHGNetV2}` names a part of the detector the file's name names.
  owns: (path) =>
    path === 'architecture' ||
    /^\w{1,60}\.backbone$/.test(path) ||
    path === 'epoches' ||
    path === 'epoch' ||
    path === 'tuning' ||
    path === 'pretrain_weights' ||
    path === 'weights' ||
    /^\w{1,60}\.pretrained$/.test(path),
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void {
    const schedule = scheduleKey(doc);
    const epochs = schedule ? positiveIntegerAt(doc, schedule) : undefined;
    const list = listOf(doc);
    if (epochs) out.add('training.epochs', epochs.n, epochs.at, `${schedule}: ${epochs.n}`, list ? 'high' : 'medium');
    if (!list) return;

    // Later bases win over earlier ones, and this file over all; linked facts are taken first-found, so the bases
    // are linked last to first.
    for (const item of [...list.items].reverse()) {
      const written = String(item.value).trim();
      out.add(
        'link.config',
        written,
        item,
        `${BASE_LIST_LINK}${list.key}: ${written} (a file this config is merged over)`,
      );
    }
    const path = (file?.path ?? '').replace(/\\/g, '/');
    if (PART_FOLDER.test(path)) return;
    const loader = list.key === '_BASE_' ? 'PaddleDetection' : "RT-DETR's YAMLConfig";
    out.add('run.framework', 'base-list', list.at, `${loader} config (${list.key}: its bases merged under it)`);
    out.add('launch.trainer', 'config:base-list', list.at, `a ${loader} run config (tools/train.py -c <this>)`);

    const model = path ? modelOfFileName(path) : undefined;
    if (model) {
      out.add(
        'model.id',
        model,
        list.at,
        `${model}: the detector the config's file name names (its fields before the schedule)`,
        'high',
      );
      if (!findModelByName(model)) {
        const shorter = model.split('_').slice(0, -1).join('_');
        const row = shorter.includes('_') ? findModelByName(shorter) : undefined;
        if (row)
          out.add(
            'model.params',
            row.params,
            list.at,
            `${shorter}: the catalog's ${row.id} (${row.source.split(':')[0]}); the name's last field (${model.slice(shorter.length + 1)}) a variant of it`,
            'low',
          );
      }
    }

    const tuning = doc.str('tuning')?.trim();
    const weights = doc.str('pretrain_weights')?.trim();
    if (tuning)
      out.add(
        'model.fromScratch',
        false,
        doc.get('tuning')!,
        `tuning: ${tuning} (the detector's checkpoint the run starts from)`,
        'high',
      );
    else if (weights && DETECTION_DATA.test(weights.replace(/^.*\//, '')))
      out.add(
        'model.fromScratch',
        false,
        doc.get('pretrain_weights')!,
        `pretrain_weights: a detector's checkpoint (${weights.replace(/^.*\//, '')})`,
        'high',
      );
    else
      out.add(
        'model.fromScratch',
        true,
        doc.get('pretrain_weights') ?? list.at,
        weights
          ? `pretrain_weights: ${weights.replace(/^.*\//, '')}, a classification backbone's weights: the detector trains on its task from it`
          : 'no detector checkpoint (tuning:): the detector trains on its task, its backbone from ImageNet weights at most',
        'high',
      );
    out.add(
      'training.precision',
      'fp32',
      list.at,
      list.key === '_BASE_'
        ? "PaddleDetection's tools/train.py trains float32 unless --amp is given"
        : 'use_amp is off unless this config or a base sets it (the solver then autocasts to float16)',
      'low',
    );
  },
};
