import { parlaiCommandKind, parlaiDefaultInit } from '../python/readers/parlai';
import type { LaunchCommand, LaunchOutcome, LaunchSink } from './launchers';

/**
 * ParlAI's command line (parl.ai/docs/cli_usage.html): `parlai <command> [options]`, the command a registered script's
 * name or alias (`train_model`/`tm`, `eval_model`/`em`, `interactive`/`i`, `self_chat`, ...), and `python -m
 * parlai.scripts.<script>` alike. The training scripts train the `-m/--model` agent, from scratch unless
 * `--init-model` (`-im`) gives weights to start from; the others run the `-mf/--model-file` model (evaluation, chat,
 * generation). `--fp16 true` trains in mixed precision (ParlAI's TorchAgent option, off by default). Data utilities
 * (`display_data`, `build_dict`, ...) start no run. The command's files are ParlAI's own (installed): nothing is
 * linked, and `-m memnn` is no Python module.
 */
export const PARLAI_COMMAND = /^(?:parlai\s+[a-z_]{1,40}(?=\s|$)|python3?\s+-m\s+parlai\.scripts\.\w{1,60})/;

export function readParlaiCommand(command: LaunchCommand, out: LaunchSink): LaunchOutcome {
  const words = command.words;
  const name = words[0] === 'parlai' ? words[1] : /^parlai\.scripts\.(\w+)$/.exec(words[2] ?? '')?.[1];
  const kind = name ? parlaiCommandKind(name) : undefined;
  if (!name || !kind) return 'no-run';
  out.add('run.framework', 'parlai', `parlai ${name}`);
  out.consume('m', 'model', 'mf', 'model_file', 'im', 'init_model', 'fp16');
  const file = literalAfter(words, '-mf', '--model-file');
  const agent = literalAfter(words, '-m', '--model');
  // A fine-tune's weights are the --init-model's.
  const init = kind === 'train' ? literalAfter(words, '-im', '--init-model') : undefined;
  // Training an agent that starts from its own default weights (`-m bart`: BART-large) with no --init-model fine-tunes
  // them; `-mf` is where training saves (resumed from only once it exists).
  const defaultInit = kind === 'train' && !init && agent ? parlaiDefaultInit(agent.value) : undefined;
  const model = init ?? file ?? agent;
  if (defaultInit && agent)
    out.add(
      'model.id',
      defaultInit,
      `${agent.flag} ${agent.value}: ParlAI's BART agent starts from ${defaultInit}`,
      'medium',
      agent.value,
    );
  else if (model) out.add('model.id', model.value, `${model.flag} ${model.value}`, 'high', model.value);
  if (kind === 'inference') {
    out.add('launch.inference', 'parlai', `parlai ${name} runs the ${file ? '-mf' : '-m'} model (no training)`);
    out.add('training.mode', 'inference', `parlai ${name}: evaluation, chat or generation`, 'medium');
    return 'own-links';
  }
  if (init) out.add('model.fromScratch', false, `${init.flag} ${init.value}: training starts from these weights`);
  else if (defaultInit)
    out.add(
      'model.fromScratch',
      false,
      `parlai ${name} -m ${agent?.value}: the agent loads ${defaultInit} first`,
      'medium',
    );
  else out.add('model.fromScratch', true, `parlai ${name} without --init-model builds the -m agent new`, 'medium');
  const fp16 = literalAfter(words, '--fp16');
  if (fp16 && /^(?:true|1|yes)$/i.test(fp16.value))
    out.add('training.precision', 'fp16', `--fp16 ${fp16.value}`, 'high', fp16.value);
  // `-m memnn` names the agent, not a Python module to link (`python -m` reads its own words before this).
  return 'own-links';
}

/** The literal after one of the flags (`-m memnn`, `--model-file=zoo:x/y`); not a variable or another flag. */
function literalAfter(words: readonly string[], ...flags: string[]): { value: string; flag: string } | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const flag of flags) {
      const value =
        words[i] === flag
          ? words[i + 1]
          : words[i].startsWith(`${flag}=`)
            ? words[i].slice(flag.length + 1)
            : undefined;
      if (value === undefined) continue;
      const bare = value.replace(/^["']|["']$/g, '');
      if (bare && !bare.startsWith('-') && !bare.includes('$') && /^[\w.:/-]{1,200}$/.test(bare))
        return { value: bare, flag };
    }
  }
  return undefined;
}
