import { isMap, isScalar, isSeq } from 'yaml';

/**
 * A Valohai step (`valohai.yaml`: `- step: {name, image, command: [...], parameters: [...]}`): `command` is a list of
 * shell commands run one after another, and `{parameters}` in a command is replaced by every parameter as its
 * `pass-as` template (`--epochs={v}`) with the value of the execution, the `default` when none is given;
 * `{parameter-value:NAME}` by that parameter's value alone; a `flag` parameter adds its `pass-true-as` when true
 * (docs.valohai.com, "valohai.yaml: step.parameters", `pass-as`, `pass-true-as`, and "Parameters in commands").
 * So the step's training command, with the defaults filled in, is what one execution of the step runs.
 */

/** Parameters read per step: far above real steps, and a bound on the work. */
const MAX_PARAMETERS = 200;
/** A filled-in command longer than this is not read. */
const MAX_COMMAND = 20_000;

/** Whether the map holding `command:` is a Valohai step (a `parameters:` list of `name` + `pass-as` entries). */
export function isValohaiStep(step: unknown): boolean {
  if (!isMap(step)) return false;
  const parameters = step.get('parameters', true);
  return (
    isSeq(parameters) &&
    parameters.items.length > 0 &&
    parameters.items.some((p) => isMap(p) && p.has('name') && (p.has('pass-as') || p.has('pass-true-as')))
  );
}

/** The step's commands, one shell line each, with `{parameters}` and `{parameter-value:NAME}` filled in. */
export function valohaiCommands(step: unknown, commands: readonly string[]): string[] {
  if (!isMap(step)) return [...commands];
  const parameters = step.get('parameters', true);
  const values = new Map<string, string>();
  const passed: string[] = [];
  if (isSeq(parameters))
    for (const p of parameters.items.slice(0, MAX_PARAMETERS)) {
      if (!isMap(p)) continue;
      const name = p.get('name');
      const value: unknown = p.get('default');
      if (typeof name !== 'string') continue;
      const text =
        typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? `${value}` : '';
      if (!text) continue;
      values.set(name, text);
      const passAs = p.get('pass-as');
      const passTrue = p.get('pass-true-as');
      if (typeof passTrue === 'string' && value === true) passed.push(passTrue);
      else if (typeof passAs === 'string' && typeof value !== 'boolean') passed.push(passAs.replace('{v}', text));
    }
  const all = passed.join(' ');
  return commands.map((c) =>
    c.length > MAX_COMMAND
      ? c
      : c
          .replace('{parameters}', () => all)
          .replace(/\{parameter-value:([\w-]{1,100})\}/g, (whole, name: string) => values.get(name) ?? whole),
  );
}

/** Whether the node is a list of scalars (the commands of a step). */
export const scalarItems = (list: unknown): list is { items: unknown[] } =>
  isSeq(list) && list.items.every((i) => isScalar(i));
