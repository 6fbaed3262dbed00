import type { Node } from 'web-tree-sitter';
import { evaluate } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * A Gradio front end whose interface (and the model behind it) is built by the project's own package: `from
 * pkg.interface.gradio import create_ui`, then `interface = create_ui(model_config_path=…, model_half=…)` and
 * `interface.launch(share=…)` (Gradio's `Blocks.launch` starts the server that runs the model on each request:
 * gradio.app/docs/gradio/blocks). Run as a program, it serves the model: an inference run. The model is whatever the
 * builder is handed (a name flag without a default leaves it unknown); a half-precision switch handed to it
 * (`model_half=True`, `half=…` through a flag's default) is fp16.
 */

/** `from pkg.gradio import a, b` / `from pkg.interface.gradio_app import build_demo`: the names imported. */
const GRADIO_MODULE_IMPORT = /^from[ \t]+([\w.]{1,200})[ \t]+import[ \t]+\(?([\w \t,]{1,300})/gm;
const GRADIO_SEGMENT = /(?:^|\.)gradio\w{0,30}$/;
/** Statements looked at for the interface's assignment. */
const MAX_STATEMENTS = 400;
const MAX_IMPORTS = 50;

function gradioBuilders(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('gradio')) return names;
  let seen = 0;
  for (const m of text.matchAll(GRADIO_MODULE_IMPORT)) {
    if (++seen > MAX_IMPORTS) break;
    // `import gradio as gr` is Gradio itself: its Blocks are built in the file, read by the other rules.
    if (!GRADIO_SEGMENT.test(m[1]) || m[1] === 'gradio' || m[1].startsWith('gradio.')) continue;
    for (const name of m[2].split(',')) {
      const n = name.trim().split(/[ \t]/)[0];
      if (/^\w{1,60}$/.test(n)) names.add(n);
    }
  }
  return names;
}

/** The call assigned to `name` in the block holding `at` (its function's body, else the module). */
function assignedCall(at: Node, name: string, ctx: Parameters<CallRule['read']>[0]['ctx']): Node | null {
  let block: Node | null = at.parent;
  while (block && block.type !== 'block' && block.type !== 'module') block = block.parent;
  for (let depth = 0; block && depth < 4; depth++) {
    for (const statement of block.namedChildren.slice(0, MAX_STATEMENTS)) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const { left, right } = ctx.syntax.sidesOf(assignment);
      if (left?.text === name && right?.type === 'call') return right;
    }
    block = block.parent;
    while (block && block.type !== 'block' && block.type !== 'module') block = block.parent;
  }
  return null;
}

export const gradioPackageApp: CallRule = {
  framework: 'gradio',
  callees: ['launch'],
  words: ['gradio'],
  runStart: [/\.launch[ \t]*\(/, /^from[ \t]+[\w.]{0,200}gradio/m],
  when: ({ full }) => /^\w{1,60}\.launch$/.test(full),
  read: ({ node, full, ctx }) => {
    const builders = gradioBuilders(ctx.text);
    if (builders.size === 0) return false;
    const receiver = full.slice(0, full.indexOf('.'));
    const built = assignedCall(node, receiver, ctx);
    const builder = built ? ctx.callee(built).last : undefined;
    if (!built || !builder || !builders.has(builder)) return false;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', 'gradio', fn, `${full}() serves the Gradio interface ${builder}(...) builds`);
    for (const a of built.childForFieldName('arguments')?.namedChildren ?? []) {
      if (a?.type !== 'keyword_argument') continue;
      const key = a.childForFieldName('name')?.text ?? '';
      const value = a.childForFieldName('value');
      if (!value || !/(?:^|_)half$/.test(key)) continue;
      const r = evaluate(value, ctx.symbols);
      if (r?.value === true)
        ctx.add('training.precision', 'fp16', value, `${builder}(${key}=${value.text}): half precision`, 'medium');
    }
  },
};
