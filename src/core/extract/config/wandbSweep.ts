import { isMap, isScalar, isSeq } from 'yaml';

/**
 * A Weights & Biases sweep configuration (`wandb sweep sweep.yaml`; docs.wandb.ai "Define a sweep configuration"): the
 * agent runs `command:` for each trial with `${program}` replaced by the `program:` key and `${args}` by the trial's
 * parameters as `--name=value` (`${args_no_hyphens}` as `name=value`). A parameter with one `value:` is passed to every
 * trial; one with `values:` takes each in turn (a grid's trials, or a random search's choices): the first is read, the
 * values a run starts with, so the launch stands for one trial of the sweep. Distributions (`min`/`max`) are not read.
 */

/** Parameters read per sweep (real sweeps set a few dozen). */
const MAX_PARAMETERS = 200;
/** A parameter value longer than this is not passed (a dataset list of a few hundred characters is). */
const MAX_VALUE = 2_000;
/** A command line longer than this is left as written. */
const MAX_COMMAND = 20_000;

/** Whether a YAML mapping is a W&B sweep configuration: its program, its search method and its parameters. */
export function isWandbSweep(node: unknown): boolean {
  if (!isMap(node)) return false;
  return (
    typeof node.get('program') === 'string' &&
    typeof node.get('method') === 'string' &&
    isMap(node.get('parameters', true))
  );
}

/** The sweep's command lines with the agent's macros replaced for its first trial. */
export function wandbSweepCommand(sweep: unknown, commands: readonly string[]): string[] {
  if (!isMap(sweep)) return [...commands];
  const program = String(sweep.get('program'));
  const parameters = sweep.get('parameters', true);
  const passed: Array<[string, string]> = [];
  if (isMap(parameters))
    for (const item of parameters.items.slice(0, MAX_PARAMETERS)) {
      if (!isScalar(item.key) || !isMap(item.value)) continue;
      const name = String(item.key.value);
      const one = item.value.get('value', true);
      const many = item.value.get('values', true);
      const first = isScalar(one) ? one : isSeq(many) && isScalar(many.items[0]) ? many.items[0] : undefined;
      const value = first?.value;
      if (!/^[\w.-]{1,100}$/.test(name)) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const text = String(value);
      if (text.length > MAX_VALUE || /\s/.test(text)) continue;
      passed.push([name, text]);
    }
  const args = passed.map(([k, v]) => `--${k}=${v}`).join(' ');
  const bare = passed.map(([k, v]) => `${k}=${v}`).join(' ');
  return commands.map((c) =>
    c.length > MAX_COMMAND
      ? c
      : c
          .replace(/\$\{program\}/g, () => program)
          .replace(/\$\{args_no_hyphens\}/g, () => bare)
          .replace(/\$\{args(?:_no_boolean_flags)?\}/g, () => args),
  );
}
