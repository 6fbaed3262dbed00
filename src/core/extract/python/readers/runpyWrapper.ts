import type { Node } from 'web-tree-sitter';
import type { CallRule } from '../rules';

/**
 * A wrapper that runs another program as if it were started directly: `runpy.run_path(path, run_name="__main__")`
 * or `runpy.run_module("pkg.train", run_name="__main__")` (docs.python.org/3/library/runpy.html: with run_name
 * `"__main__"` the code's main guard runs). A deprecated entry point kept for old launch lines
 * (`pretrain_mamba.py` running `pretrain_hybrid.py`) is this; its run is the program it runs, linked as a module
 * so that program stays a run of its own too. Without `run_name="__main__"` only the definitions are loaded.
 */

/** String nodes looked at inside the path expression (`os.path.join(here, "sub", "train.py")` has a few). */
const MAX_STRINGS = 20;

/** The last string literal ending in `.py` inside an expression (`os.path.join(_this_dir, "pretrain_hybrid.py")`). */
function scriptLiteral(node: Node): string | undefined {
  const strings = node.type === 'string' ? [node] : node.descendantsOfType('string').slice(0, MAX_STRINGS);
  let found: string | undefined;
  for (const s of strings) {
    if (!s || s.namedChildren.some((c) => c?.type === 'interpolation')) continue;
    const text = s.namedChildren
      .filter((c) => c?.type === 'string_content')
      .map((c) => c!.text)
      .join('');
    if (/^[\w./-]{1,300}\.py$/.test(text)) found = text.replace(/^\.\//, '');
  }
  return found;
}

export const runpyMain: CallRule = {
  framework: 'python',
  callees: ['run_path', 'run_module'],
  runStart: [/\brunpy\b/, /__main__/],
  when: ({ full }) => /^runpy\.run_(?:path|module)$/.test(full),
  read: ({ node, last, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return;
    const named = args.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment');
    const runName = named.find(
      (a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'run_name',
    );
    if (!/^["']__main__["']$/.test(runName?.childForFieldName('value')?.text ?? '')) return;
    const first = named.find((a) => a.type !== 'keyword_argument');
    if (!first) return;
    let file: string | undefined;
    if (last === 'run_path') file = scriptLiteral(first);
    else {
      const module = first.type === 'string' ? /^["']([A-Za-z_][\w.]{0,200})["']$/.exec(first.text)?.[1] : undefined;
      if (module) file = `${module.replace(/\./g, '/')}.py`;
    }
    if (!file) return;
    ctx.add(
      'link.module',
      file,
      node,
      `runpy.${last}(... ${file}, run_name="__main__") runs ${file} as the program`,
      'low',
    );
  },
};
