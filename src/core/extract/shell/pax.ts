import type { LaunchCommand, LaunchSink } from './launchers';

/**
 * Pax's launch (paxml/main.py): `python -m paxml.main --exp=<module>.<Class>` or `--fdl_config=<module>.<Class>` runs
 * the experiment class a module registered with `@experiment_registry.register` (python/readers/paxExperiments.ts);
 * `--fdl.<ATTRIBUTE>=<value>` sets one of the class's attributes for this run (fiddle's absl flags, as Pax's GPU
 * scripts set `--fdl.FPROP_DTYPE`, `--fdl.ICI_MESH_SHAPE`, `--fdl.MAX_STEPS`). `--mode` defaults to `train`
 * (main.py `flags.DEFINE_enum('mode', 'train', ...)`); `eval`, `decode`, `decode_once` and `infer` run a trained
 * model (inference).
 *
 * The module is linked with the class named (its facts carry `within: <Class>`), and with the attributes the line
 * sets (`passes`), so the class's own value of one of them is not this run's; the line's values are read here.
 */

const PAX_MAIN = /^paxml\.main$/;
/** The experiment's dotted key: a module path, then the class. */
const KEY = /(?:^|\s)--(?:exp|fdl_config)[=\s]+["']?((?:[A-Za-z_]\w{0,60}\.){1,12})([A-Za-z_]\w{0,80})["']?(?=\s|$)/;
const OVERRIDE = /(?:^|\s)--fdl\.([A-Z][A-Z0-9_]{0,60})=/g;
const DTYPES: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', float32: 'fp32' };
const INFERENCE_MODES = /^(?:eval|decode|decode_once|infer)$/;
const MAX_MESH_DEVICES = 1_000_000;

function meshAt(text: string, key: string): number[] | undefined {
  const m = new RegExp(`(?:^|\\s)--fdl\\.${key}=\\\\?["']?\\[([^\\]\\n]{0,60})\\]`).exec(text);
  if (!m) return undefined;
  const dims = m[1].split(',').map((s) => Number(s.trim()));
  return dims.length > 0 && dims.length <= 8 && dims.every((d) => Number.isInteger(d) && d > 0) ? dims : undefined;
}

function intAt(text: string, key: string): number | undefined {
  const m = new RegExp(`(?:^|\\s)--fdl\\.${key}=["']?(\\d{1,12})(?=["']?(?:\\s|$))`).exec(text);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Reads a `paxml.main` launch; false when the command runs no Pax experiment. */
export function readPaxLaunch(command: LaunchCommand, module: string | undefined, out: LaunchSink): boolean {
  if (!module || !PAX_MAIN.test(module)) return false;
  const text = command.text;
  const key = KEY.exec(text);
  out.add('run.framework', 'pax', `-m ${module}`);
  const passes: string[] = [];
  for (const m of text.matchAll(OVERRIDE)) if (passes.length < 40 && !passes.includes(m[1])) passes.push(m[1]);
  if (key) {
    const modulePath = key[1].slice(0, -1);
    const cls = key[2];
    const file = `${modulePath.replace(/\./g, '/')}.py`;
    out.add('link.config', file, `paxml.main runs the experiment ${cls} of ${modulePath}`, 'medium', undefined, {
      functions: [cls],
      ...(passes.length > 0 ? { passes } : {}),
    });
    // `--exp=tasks.lm.params.c4.C4Spmd1B`: any trailing part of the registered key names it (experiment_registry.get),
    // the usual one leaving out the package.
    if (!modulePath.startsWith('paxml.'))
      out.add('link.config', `paxml/${file}`, `paxml.main runs paxml.${modulePath}.${cls}`, 'low', undefined, {
        functions: [cls],
        ...(passes.length > 0 ? { passes } : {}),
      });
    const flag = /--(exp|fdl_config)\b/.exec(key[0])?.[0];
    out.add('model.id', cls, `paxml.main runs the registered experiment ${cls}`, 'medium', flag);
  }
  const mode = /(?:^|\s)--mode[=\s]+["']?(\w{1,30})/.exec(text)?.[1];
  if (mode && INFERENCE_MODES.test(mode))
    out.add('launch.inference', `paxml.main --mode=${mode}`, `paxml.main --mode=${mode} runs the trained model`);
  const fprop = /(?:^|\s)--fdl\.FPROP_DTYPE=[\\"']{0,4}(?:jnp\.)?(\w{1,20})/.exec(text)?.[1];
  if (fprop && DTYPES[fprop])
    out.add('training.precision', DTYPES[fprop], `--fdl.FPROP_DTYPE=${fprop}`, 'high', '--fdl.FPROP_DTYPE');
  const ici = meshAt(text, 'ICI_MESH_SHAPE');
  const dcn = meshAt(text, 'DCN_MESH_SHAPE');
  if (ici && dcn) {
    const devices = [...ici, ...dcn].reduce((a, b) => a * b, 1);
    if (devices <= MAX_MESH_DEVICES)
      out.add(
        'hardware.devices',
        devices,
        `--fdl.ICI_MESH_SHAPE [${ici.join(', ')}] × --fdl.DCN_MESH_SHAPE [${dcn.join(', ')}] = ${devices} device(s)`,
        'high',
        '--fdl.ICI_MESH_SHAPE',
      );
  }
  for (const attribute of ['MAX_STEPS', 'NUM_TRAIN_STEPS', 'TRAIN_STEPS']) {
    const steps = intAt(text, attribute);
    if (steps !== undefined) {
      out.add('training.steps', steps, `--fdl.${attribute}=${steps}`, 'high', `--fdl.${attribute}`);
      break;
    }
  }
  const restore = /(?:^|\s)--fdl\.CHECKPOINT_RESTORE_PATH=/.test(text);
  if (restore)
    out.add(
      'model.fromScratch',
      false,
      '--fdl.CHECKPOINT_RESTORE_PATH: the experiment starts from a restored checkpoint',
      'medium',
      '--fdl.CHECKPOINT_RESTORE_PATH',
    );
  out.consume('exp', 'fdl_config', 'mode');
  return true;
}
