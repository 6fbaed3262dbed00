import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { normalisePrecision } from '../../precision';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * A model server's command line: a Typer or Click command named `serve` (`@app.command()` over `def serve(model_id:
 * str, ...)`, typer.tiangolo.com "Commands"; click.palletsprojects.com "Commands and Groups") whose first parameter is
 * the model it serves and whose body hands that parameter to the serving function (`server.serve(model_id, ...)`,
 * `serve(model_id, revision, ...)`). The console script a package installs for it (or `app()` under a main guard) is
 * how the server is started: each request it answers runs the model forward, an inference run whose model is given
 * on the command line (unknown here). When the body fills the dtype option's `None` default
 * (`dtype = "bfloat16" if dtype is None else dtype.value`), that is the precision a launch without the option gets.
 * Nothing may train in the file.
 */

/** A command decorator: `@app.command()`, `@cli.command(name=...)`, `@click.command()`. */
const COMMAND_DECORATOR = /^@\s*[A-Za-z_]\w{0,40}\.command\s*\(/;
/** The serve command's name. */
const SERVE_NAME = /^(?:serve|serve_model|run_server|start_server|launch_server)$/;
/** The parameter that names the model served. */
const MODEL_PARAMETER = /^(?:model_id|model_name_or_path|model_name|model_path|model|model_dir)$/;
/** Work that is no serving run. */
const NOT_INFERENCE = /\.backward\(|\.fit\(|optimizer\.step\(/;
const MAX_TOP_LEVEL = 400;
const MAX_BODY_CHARS = 20_000;

export const serveCommand: FileRule = {
  framework: 'serving',
  phase: 'after-calls',
  words: ['command'],
  runStart: [/\bdef\s+(?:serve|serve_model|run_server|start_server|launch_server)\s*\(/],
  // The run start is the serve command's own header (`def serve(`), which the default test leaves out.
  runStartInDefinitions: true,
  read: (_index, ctx) => {
    if (ctx.facts.some(startsARun) || NOT_INFERENCE.test(ctx.text)) return;
    const top = ctx.tree.rootNode.namedChildren.slice(0, MAX_TOP_LEVEL);
    for (const node of top) {
      if (node?.type !== 'decorated_definition') continue;
      const definition = node.childForFieldName('definition');
      const name = definition?.childForFieldName('name')?.text ?? '';
      if (definition?.type !== 'function_definition' || !SERVE_NAME.test(name)) continue;
      if (!node.namedChildren.some((d) => d?.type === 'decorator' && COMMAND_DECORATOR.test(d.text))) continue;
      const model = modelParameter(definition);
      const body = definition.childForFieldName('body');
      if (!model || !body || body.text.length > MAX_BODY_CHARS) continue;
      const served = servedCall(body, model);
      if (!served) continue;
      ctx.add(
        'launch.inference',
        'model-server',
        served,
        `${name}(${model}, ...) is the command that starts the server: its ${model} argument is the model each request runs (inference)`,
        'medium',
      );
      readDefaultDtype(body, ctx, name);
      return;
    }
  },
};

/** The first parameter's name when it names the model (`model_id: str`). */
function modelParameter(definition: Node): string | undefined {
  const first = definition.childForFieldName('parameters')?.namedChildren[0];
  if (!first) return undefined;
  const id = first.type === 'identifier' ? first : (first.namedChildren[0] ?? null);
  return id?.type === 'identifier' && MODEL_PARAMETER.test(id.text) ? id.text : undefined;
}

/** A call in the body whose callee ends in `serve`/`run`/`start` and whose first argument is the model parameter. */
function servedCall(body: Node, model: string): Node | undefined {
  for (const call of body.descendantsOfType('call').slice(0, 200)) {
    const callee = call?.childForFieldName('function')?.text ?? '';
    if (!/(?:^|\.)(?:serve|serve_forever|run_server|start_server|launch_server)$/.test(callee)) continue;
    const first = call?.childForFieldName('arguments')?.namedChildren[0];
    const value = first?.type === 'keyword_argument' ? first.childForFieldName('value') : first;
    if (value?.type === 'identifier' && value.text === model) return call ?? undefined;
  }
  return undefined;
}

/** `dtype = "bfloat16" if dtype is None else dtype.value`: the precision the option's `None` default becomes. */
function readDefaultDtype(body: Node, ctx: PythonReadContext, command: string): void {
  for (const assignment of body.descendantsOfType('assignment').slice(0, 200)) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (!assignment || left?.type !== 'identifier' || !/^(?:dtype|torch_dtype)$/.test(left.text)) continue;
    if (right?.type !== 'conditional_expression') continue;
    const [then, test] = right.namedChildren;
    if (then?.type !== 'string' || test?.text.replace(/\s+/g, ' ') !== `${left.text} is None`) continue;
    const literal = then.text.replace(/^[rbuRBU]?["']|["']$/g, '');
    const precision = normalisePrecision(literal);
    if (!precision) continue;
    ctx.add(
      'training.precision',
      precision,
      then,
      `${command}: ${left.text} = "${literal}" when the --${left.text} option is not given`,
      'medium',
    );
    return;
  }
}
