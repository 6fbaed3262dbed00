import { EPOCH_KEYS } from '../config/yacs';
import type { LaunchSink } from './launchers';

/**
 * yacs command-line options after a config (`python tools/run_net.py --cfg exp/x/config.yaml SOLVER.MAX_EPOCH 110
 * NUM_GPUS 8`): the programs built on yacs (PySlowFast, detectron2, Swin, pycls) merge the `KEY VALUE` pairs left on
 * the line over the config file (`cfg.merge_from_list(args.opts)`, `opts` an argparse REMAINDER; PySlowFast
 * slowfast/utils/parser.py, detectron2 default_argument_parser), so a pair says the run's value where the file says
 * another. Read only on a line that hands a config by `--cfg`/`--config-file`, and only the keys whose meaning the
 * yacs configs give them (config/yacs.ts).
 */

/** Options that hand a yacs program its config file. */
const CONFIG_OPTION = /^--(?:cfg|config-file|config_file|cfg_file|cfg-file)(?:=|$)/;
/** A yacs key: upper-case sections joined by dots (`SOLVER.MAX_EPOCH`, `NUM_GPUS`). */
const KEY = /^[A-Z][A-Z0-9_]{0,60}(?:\.[A-Z][A-Z0-9_]{0,60}){0,6}$/;
/** Pairs read per line: far above a real launch's tens. */
const MAX_PAIRS = 200;

/** Keys of steps: detectron2's solver length (`_C.SOLVER.MAX_ITER`, iterations). */
const STEP_KEYS = ['SOLVER.MAX_ITER'];
/** GPUs per machine: PySlowFast `_C.NUM_GPUS` ("Number of GPUs to use (applies to both training and testing)"). */
const DEVICE_KEYS = ['NUM_GPUS'];

export function readYacsOpts(words: readonly string[], out: LaunchSink): void {
  if (!words.some((w) => CONFIG_OPTION.test(w))) return;
  let pairs = 0;
  for (let i = 0; i + 1 < words.length && pairs < MAX_PAIRS; i++) {
    const key = words[i];
    if (!KEY.test(key)) continue;
    pairs++;
    const raw = words[i + 1].replace(/^["']|["']$/g, '');
    i++;
    if (!/^\d{1,9}$/.test(raw)) continue;
    const n = Number(raw);
    if (n <= 0) continue;
    const why = `${key} ${raw} on the launch line (yacs merges it over the config)`;
    if (EPOCH_KEYS.includes(key)) out.add('training.epochs', n, why, 'high', key);
    else if (STEP_KEYS.includes(key)) out.add('training.steps', n, why, 'high', key);
    else if (DEVICE_KEYS.includes(key)) out.add('hardware.devices', n, why, 'high', key);
  }
}
