import type { LaunchCommand, LaunchSink } from './launchers';
import { unquote } from './words';

/**
 * torchtitan's launch (github.com/pytorch/torchtitan, run_train.sh and the docs): `torchrun ... -m torchtitan.train
 * --module llama3 --config llama3_8b [--training.steps 20 ...]`. `--module` names the model package whose
 * config registry holds the run, `--config` the registry function that returns the whole job config; its name
 * carries the model and flavour (`llama3_8b`, `qwen3_0_6b`), so it names the run's model. Dotted flags override
 * fields of that config (`--training.steps`, `--checkpoint.initial_load_path`). An inference program of the
 * library (`-m torchtitan.models.flux.inference.infer`) runs the trained model. The precision a silent job
 * uses is torchtitan's default mixed precision (estimate/precisionDefault.ts).
 */

/** `torchtitan.train`, `torchtitan.experiments.rl.train`, `torchtitan.models.flux.inference.infer`. */
const TORCHTITAN_MODULE = /^torchtitan(?:\.[\w]+)*$/;

function flagValue(words: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === flag) return unquote(words[i + 1]);
    if (w.startsWith(`${flag}=`)) return unquote(w.slice(flag.length + 1));
  }
  return undefined;
}

/** Fields of the job config set on the command line (`--training.steps 20`, `--training.local_batch_size=8`). */
const OVERRIDES = [
  ['--training.steps', 'training.steps'],
  ['--training.local_batch_size', 'training.batchPerDevice'],
  ['--training.seq_len', 'training.seqLen'],
] as const;

function readOverrides(words: readonly string[], out: LaunchSink): void {
  for (const [flag, kind] of OVERRIDES) {
    const raw = flagValue(words, flag);
    const n = Number(raw);
    if (raw !== undefined && Number.isInteger(n) && n > 0) out.add(kind, n, `${flag} ${raw}`, 'high', flag);
  }
  out.consume('steps', 'local_batch_size', 'seq_len');
}

/**
 * Reads a torchtitan launch: 'no-run' for a dry run or a debugging mode (`--comm.mode fake_backend` validates
 * the config without GPUs; `local_tensor` simulates the ranks in one process: torchtitan's CommConfig), false
 * when the command runs no torchtitan program.
 */
export function readTorchtitanLaunch(
  command: LaunchCommand,
  module: string | undefined,
  out: LaunchSink,
): 'no-run' | boolean {
  if (!module || !TORCHTITAN_MODULE.test(module)) return false;
  const after = command.words.slice(Math.max(0, command.words.indexOf(module)) + 1);
  const comm = flagValue(after, '--comm.mode');
  // An empty value is the script's own switch for these modes (`--comm.mode=${COMM_MODE}` under `if [ -n "$COMM_MODE" ]`).
  if (comm !== undefined && comm !== 'default' && comm !== 'torchcomms') return 'no-run';
  out.add('run.framework', 'torchtitan', `-m ${module}`);
  const config = flagValue(after, '--config');
  const registry = flagValue(after, '--module');
  // An experiment's config (`--module graph_trainer.llama3 --config graph_trainer_llama3_debugmodel`) is its
  // family's config (`llama3_debugmodel`) with the experiment's name before it.
  const family = registry?.split('.').pop();
  const at = family && config ? config.indexOf(`_${family}_`) : -1;
  const model = config && at > 0 ? config.slice(at + 1) : config;
  if (model && /^[A-Za-z]\w*$/.test(model))
    out.add(
      'model.id',
      model,
      `torchtitan --config ${config}${registry ? ` (registry of --module ${registry})` : ''}: model and flavour in its name`,
      'medium',
      config,
    );
  readOverrides(after, out);
  const inference = /(?:^|\.)(?:inference|infer|generate|generation)(?:\.|$)/.test(module);
  if (inference) {
    out.add('launch.inference', `python -m ${module}`, `-m ${module} runs the trained model`, 'medium');
    return true;
  }
  const loads = ['--checkpoint.initial_load_path', '--checkpoint.initial_load_in_hf'].find((f) =>
    after.some((w) => w === f || w.startsWith(`${f}=`)),
  );
  if (loads) out.add('model.fromScratch', false, `${loads}: the run starts from a saved checkpoint`, 'medium', loads);
  else if (config) debugFlavour(config, out);
  return true;
}

/** A debug flavour (`llama3_debugmodel`): a smoke-test size with no published weights, so torchtitan initialises it. */
function debugFlavour(config: string, out: LaunchSink): void {
  if (/debug/i.test(config))
    out.add(
      'model.fromScratch',
      true,
      `${config}: a debug flavour, initialised by torchtitan (no weights to load)`,
      'medium',
    );
}

/** `NAME=value` words of a command's prefix (`NGPU=8 MODULE=llama3 CONFIG=llama3_8b ./run_train.sh`). */
function assignments(prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of prefix.matchAll(/(?:^|\s)([A-Za-z_]\w*)=(\S*)/g)) out.set(m[1], unquote(m[2]));
  return out;
}

/**
 * torchtitan's launch script run with the job in its environment, as its README documents:
 * `NGPU=8 MODULE=llama3 CONFIG=llama3_8b ./run_train.sh [--training.steps 20 ...]` (the TOML releases:
 * `CONFIG_FILE=./torchtitan/models/llama3/train_configs/llama3_8b.toml ./run_train.sh`). The script
 * torchruns torchtitan.train on NGPU GPUs with that config; the flags after it override the config's fields
 * (read by the flag table). Without MODULE/CONFIG/CONFIG_FILE the line is some other project's script.
 */
export function readTorchtitanScript(command: LaunchCommand, out: LaunchSink): 'no-run' | 'own-links' {
  const env = assignments(command.prefix);
  const config = env.get('CONFIG');
  const file = env.get('CONFIG_FILE');
  if (!env.has('MODULE') && config === undefined && file === undefined) return 'no-run';
  out.add('run.framework', 'torchtitan', `${command.words[0]} with the job in MODULE/CONFIG`);
  const fromFile = file ? /([A-Za-z]\w*)\.toml$/.exec(file)?.[1] : undefined;
  const model = config && /^[A-Za-z]\w*$/.test(config) ? config : fromFile;
  if (model)
    out.add(
      'model.id',
      model,
      `torchtitan ${config ? `CONFIG=${config}` : `CONFIG_FILE=${file ?? ''}`}: model and flavour in its name`,
      'medium',
    );
  const gpus = Number(env.get('NGPU'));
  if (Number.isInteger(gpus) && gpus > 0)
    out.add('hardware.devices', gpus, `NGPU=${gpus}: ${command.words[0]} torchruns one process per GPU`);
  readOverrides(command.words, out);
  const loads = command.words.find((w) => /^--checkpoint\.initial_load_(?:path|in_hf)\b/.test(w));
  if (loads) out.add('model.fromScratch', false, `${loads}: the run starts from a saved checkpoint`, 'medium', loads);
  else if (model) debugFlavour(model, out);
  return 'own-links';
}
