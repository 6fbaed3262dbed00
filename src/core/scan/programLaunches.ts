import type { DocumentedLaunch } from '../extract/documentedLaunch';
import { EXCLUDED_FOLDER } from './siblingConfigs';

/**
 * The devices a detectron2-style program is documented to run on, for the configs it runs that no page launches
 * themselves. Such a repository documents one launch (Mask2Former's GETTING_STARTED: "python train_net.py --num-gpus 8
 * --config-file configs/coco/panoptic-segmentation/maskformer2_R50_bs16_50ep.yaml", and "The configs are made for
 * 8-GPU training") and ships dozens of configs, each a whole run of the same program (its solver's schedule and batch
 * are set for those devices). Each YAML config without a documented launch of its own is given the program's launches,
 * marked as the program's (DocumentedLaunch.ofProgram): documentationLaunchFacts takes only their devices, only for a
 * config that is a whole run by itself, only from training launches that agree; nothing else of them is the config's.
 *
 * The programs: detectron2's training entry points by their names (`train_net.py`, `plain_train_net.py`,
 * `lazyconfig_train_net.py`; detectron2 docs, "Getting Started"), and a `tools/train.py` (the config-driven trainer of
 * RT-DETR, YOLOX and the detectors written after OpenMMLab's layout: `torchrun --nproc_per_node=4 tools/train.py -c
 * configs/rtdetr/rtdetr_r50vd_6x_coco.yml`; OpenMMLab's own, whose configs are Python modules under `configs/`), each
 * for the configs under its project's folder (a `tools/` folder's program for its parent's), the nearest one winning.
 */

const PROGRAM = /(?:^|\/)(?:(?:train_net|plain_train_net|lazyconfig_train_net)\.py|tools\/train\.py)$/;
/** A YAML config, or a Python config kept in a `configs` folder (OpenMMLab's mmengine configs, Python modules). */
const CONFIG = /\.ya?ml$|(?:^|\/)configs\/(?:[^/]{1,200}\/){0,12}[^/]{1,200}\.py$/i;
/** Launches passed on per program (a page documents a handful). */
const MAX_LAUNCHES = 8;

export function addProgramLaunches(
  index: Map<string, DocumentedLaunch[]>,
  sources: ReadonlyArray<{ readonly path: string; readonly display: string }>,
): void {
  const programs = [...index.entries()]
    .filter(([path]) => PROGRAM.test(path))
    .map(([path, launches]) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const folder = path.slice(0, path.lastIndexOf('/') + 1).replace(/tools\/$/, '');
      return {
        folder,
        launches: launches.slice(0, MAX_LAUNCHES).map((l) => ({ ...l, ofProgram: name })),
      };
    })
    // The nearest program first: the longest folder that holds the config.
    .sort((a, b) => b.folder.length - a.folder.length);
  if (programs.length === 0) return;
  for (const source of sources) {
    if (!CONFIG.test(source.path) || index.has(source.path) || EXCLUDED_FOLDER.test(source.display)) continue;
    const program = programs.find((p) => source.path.startsWith(p.folder));
    if (program) index.set(source.path, program.launches);
  }
}
