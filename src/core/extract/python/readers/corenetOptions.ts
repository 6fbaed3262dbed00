import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * CoreNet's programmatic entry (corenet/options/opts.py `get_training_arguments(args=[...])`, then
 * corenet.modeling `get_model(opts)`): a program or notebook builds the options as `corenet-train` would from a
 * command line written as a list, `["--common.config-file", cfg, "--model.<task>.pretrained", weights]`. The config
 * file is the model's definition (read by the corenet config dialect), so it is linked. With the task model's
 * `pretrained` weights in that list and no training step in the file (no backward pass, optimizer step or
 * `corenet-train`), the program runs the trained model: an inference run.
 */

/**
 * Marks a link to a config whose model the program builds to run (an evaluation or a demo): the config stays a run
 * of its own (what `corenet-train` does with it), not a part of this program's run (analyze.ts).
 */
export const EVALUATES_CONFIG = " (the program builds and runs the config's model; the config is its own run)";

const TRAINS = /\.backward\(|\boptimizer\.step\(|corenet-train/;
/** `name = <expression ending in "x.yaml">` within one bounded statement: where a variable holding the path is set. */
const MAX_ASSIGNMENT = 400;

function stringItems(list: Node): Array<{ node: Node; text: string | undefined }> {
  return list.namedChildren
    .filter((c): c is Node => c !== null && c.type !== 'comment')
    .map((c) => ({ node: c, text: c.type === 'string' ? c.text.replace(/^[A-Za-z]*["']|["']$/g, '') : undefined }));
}

/** The YAML path a variable is assigned (`cfg = os.path.join(os.getcwd(), "..", "projects/x/y.yaml")`): its last literal. */
function assignedYaml(name: string, text: string): string | undefined {
  if (!/^[A-Za-z_]\w{0,60}$/.test(name)) return undefined;
  const at = new RegExp(`^[ \\t]*${name}[ \\t]*=`, 'm').exec(text);
  if (!at) return undefined;
  const statement = text.slice(at.index, at.index + MAX_ASSIGNMENT);
  let last: string | undefined;
  for (const m of statement.matchAll(/["']([\w./-]{1,200}\.ya?ml)["']/g)) last = m[1];
  return last;
}

export const corenetTrainingArguments: CallRule = {
  framework: 'corenet',
  callees: ['get_training_arguments', 'get_eval_arguments'],
  words: ['--common.config-file'],
  runStart: [/--common\.config-file/],
  when: ({ node }) => {
    const args = node.childForFieldName('arguments');
    return !!args && keywordArgument(args, 'args')?.type === 'list';
  },
  read: ({ node, full, ctx }) => {
    const list = keywordArgument(node.childForFieldName('arguments')!, 'args')!;
    const items = stringItems(list);
    const flag = items.findIndex((i) => i.text === '--common.config-file');
    const value = flag >= 0 ? items[flag + 1] : undefined;
    if (!value) return false;
    const evaluated = value.text ?? evaluate(value.node, ctx.symbols)?.value;
    const path =
      typeof evaluated === 'string' && /\.ya?ml$/.test(evaluated)
        ? evaluated
        : value.node.type === 'identifier'
          ? assignedYaml(value.node.text, ctx.text)
          : undefined;
    if (!path) return false;
    ctx.add(
      'link.config',
      path,
      value.node,
      `${full}(args=[--common.config-file ${path}]): the model's config${EVALUATES_CONFIG}`,
      'medium',
    );
    const weights = items.find((i) => i.text !== undefined && /^--model\.[\w-]{1,40}\.pretrained$/.test(i.text));
    if (!weights || TRAINS.test(ctx.text)) return false;
    const why = `${weights.text} loaded to run the model, nothing trained${EVALUATES_CONFIG}`;
    ctx.add('model.fromScratch', false, weights.node, why, 'medium');
    ctx.add('launch.inference', full, weights.node, why, 'medium');
    ctx.add('training.mode', 'inference', weights.node, why);
    return false;
  },
};
