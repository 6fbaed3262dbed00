import { evaluate } from '../../pythonValues';
import { truncate } from '../context';
import type { CallRule } from '../rules';
import { EVALUATES_CONFIG } from './corenetOptions';

/**
 * OpenPCDet's programs (tools/train.py, tools/test.py, tools/demo.py and the programs of the LiDAR detection
 * repositories built on the `pcdet` package): `build_network(model_cfg=cfg.MODEL, num_class=..., dataset=...)` from
 * `pcdet.models` builds the detector the model config names (pcdet/models/__init__.py), after `cfg_from_yaml_file(
 * args.cfg_file, cfg)` loaded that config. A program that then trains it (`train_model(...)` of tools/train_utils, or a
 * backward pass of its own) starts a training run; one that does not (test.py's `eval_one_epoch`, demo.py's
 * `model.eval()` with forward passes under `torch.no_grad()`) runs the trained detector: an inference run. Which
 * detector is the config's: a program whose `--cfg_file` has no default is config-driven (entryPoint.ts: each config
 * is the run), one with a default config (`default='cfgs/kitti_models/second.yaml'`) reads that file, linked here. A
 * program that only runs the detector keeps the config a run of its own (EVALUATES_CONFIG: what train.py does with
 * it), its own run an inference of the config's model.
 */

/** `from pcdet.models import build_network, ...` (also parenthesised or a submodule's import). Bounded: linear. */
const PCDET_IMPORT =
  /^[ \t]*from[ \t]+pcdet\.models(?:\.\w{1,40})?[ \t]+import[ \t]*\(?[^)\n]{0,300}\bbuild_network\b/m;
/** Text of a program that trains the detector it builds. */
const TRAINS = /\btrain_model[ \t]*\(|\.backward[ \t]*\(/;
/** `from pcdet.config import cfg, cfg_from_yaml_file` (pcdet/config.py). Bounded: linear. */
const PCDET_CONFIG_IMPORT = /^[ \t]*from[ \t]+pcdet\.config[ \t]+import[ \t]*\(?[^)\n]{0,300}\bcfg_from_yaml_file\b/m;
/** A config path as OpenPCDet's tools write them (relative to tools/: `cfgs/kitti_models/second.yaml`). */
const YAML_PATH = /^[\w./-]{1,300}\.ya?ml$/;

/**
 * `cfg_from_yaml_file(args.cfg_file, cfg)`: the model config the program loads into pcdet's global `cfg`, linked when
 * the path is known (the flag's default). A program that only runs the detector links it as a config it evaluates.
 */
export const openPcdetConfigFile: CallRule = {
  framework: 'openpcdet',
  callees: ['cfg_from_yaml_file'],
  words: ['cfg_from_yaml_file'],
  when: ({ full, ctx }) => full === 'cfg_from_yaml_file' && PCDET_CONFIG_IMPORT.test(ctx.text),
  read: ({ args, ctx }) => {
    const first = args?.namedChildren[0];
    const path = first && first.type !== 'keyword_argument' ? evaluate(first, ctx.symbols)?.value : undefined;
    if (typeof path !== 'string' || !YAML_PATH.test(path)) return false;
    const runsOnly = PCDET_IMPORT.test(ctx.text) && !TRAINS.test(ctx.text);
    ctx.add(
      'link.config',
      path,
      first!,
      `cfg_from_yaml_file("${path}"): the OpenPCDet model config the program builds its detector from${runsOnly ? EVALUATES_CONFIG : ''}`,
      'medium',
    );
    return false;
  },
};

export const openPcdetBuildNetwork: CallRule = {
  framework: 'openpcdet',
  callees: ['build_network'],
  words: ['build_network'],
  runStart: [/\bbuild_network[ \t]*\(/, PCDET_IMPORT],
  when: ({ full, ctx }) => full === 'build_network' && PCDET_IMPORT.test(ctx.text),
  read: ({ node, ctx }) => {
    if (ctx.facts.some((f) => f.kind === 'launch.inference' || f.kind === 'launch.trainer')) return false;
    if (TRAINS.test(ctx.text))
      ctx.add(
        'launch.trainer',
        'openpcdet:program',
        node,
        `${truncate(node.text, 60)}: the detector its model config names, trained by the program`,
        'medium',
      );
    else {
      const why = `${truncate(node.text, 60)}: the detector its model config names, run on inputs without training`;
      ctx.add('launch.inference', 'openpcdet:program', node, why, 'medium');
      ctx.add('training.mode', 'inference', node, why, 'medium');
    }
    return false;
  },
};
