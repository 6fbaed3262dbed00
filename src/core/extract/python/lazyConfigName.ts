import type { Fact } from '../../facts';

/**
 * The length a detectron2 LazyConfig run config's file name states. Detectron2's own LazyConfig baselines and the
 * projects written on them name a config by the epochs it trains for: `mask_rcnn_R_50_FPN_100ep_LSJ.py` is "100
 * epochs" (detectron2 MODEL_ZOO.md, "New baselines using Large-Scale Jitter and Longer Training Schedule": "100ep,
 * 200ep, 400ep"), detrex's `dino_r50_4scale_12ep.py` 12 epochs (detrex docs, "Model Zoo": "12ep, 24ep, 36ep, 50ep"
 * schedules, its `lr_multiplier_12ep`… schedules in configs/common/coco_schedule.py). The config itself states only
 * `train.max_iter`, iterations, which are read from it; the epochs the schedule was sized for are said nowhere else.
 *
 * Low confidence, and only when nothing this file reads states an epoch count: a length the config (or a base it
 * links, whose facts come at a higher confidence) states always wins over the name.
 */

/** An `<N>ep` field between `_`/`-` separators (bounded digits: linear). */
const EPOCHS_FIELD = /(?:^|[_-])([1-9]\d{0,3})ep(?=$|[_-])/;

const at0 = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };

export function lazyConfigNameFacts(path: string, facts: readonly Fact[]): Fact[] {
  const run = facts.some((f) => !f.file && f.kind === 'launch.trainer' && f.value === 'config:lazyconfig');
  if (!run || facts.some((f) => f.kind === 'training.epochs')) return [];
  const name = /([^/\\]{1,200})\.py$/.exec(path)?.[1];
  const m = name ? EPOCHS_FIELD.exec(name.toLowerCase()) : null;
  if (!name || !m) return [];
  const n = Number(m[1]);
  return [
    {
      kind: 'training.epochs',
      value: n,
      range: at0,
      confidence: 'low',
      detail: `${name}.py: \`${m[1]}ep\` in a LazyConfig run config's name (detectron2/detrex naming): ${n} epochs`,
    },
  ];
}
