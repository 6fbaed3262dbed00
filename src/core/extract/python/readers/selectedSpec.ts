import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rules';

/**
 * A demo app that offers its models from a table of specs and preselects one:
 *
 *   MODEL_SPECS = {"base-v2": {"config": "configs/base.yaml", "ckpt": "weights/base_v2.safetensors", ...}, ...}
 *   ...
 *   name = st.selectbox("Model", list(MODEL_SPECS.keys()), 0)
 *   spec = MODEL_SPECS[name]
 *
 * Streamlit's `selectbox(label, options, index=0)` shows the option at `index` selected until the user picks
 * another (docs.streamlit.io, st.selectbox: "index: the index of the preselected option on first render", default
 * 0), so the app runs that entry's model unless told otherwise: its config file is linked (the model the helper
 * builds from it) and its weights file names the model (low confidence). Only a module-level dict of dicts whose
 * keys are the options (`list(T.keys())`, `[k for k in T.keys()]`, `list(T)`, `T.keys()`), and only string values.
 */

/** `selectbox("label", <options over a table's keys>, <index>)`; bounded: a label of at most 200 characters. */
const SELECTBOX =
  /\bselectbox\(\s*(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')\s*,\s*(?:list\(\s*([A-Za-z_]\w{0,80})(?:\.keys\(\))?\s*\)|\[\s*\w{1,40}\s+for\s+\w{1,40}\s+in\s+([A-Za-z_]\w{0,80})(?:\.keys\(\))?\s*\]|([A-Za-z_]\w{0,80})\.keys\(\))\s*(?:,\s*(?:index\s*=\s*)?(\d{1,3}))?\s*[,)]/;
const CONFIG_FILE = /\.(?:ya?ml)$/;
const WEIGHTS_FILE = /(?:^|[/\\])([A-Za-z0-9][\w.-]{0,80})\.(?:ckpt|safetensors|pt|pth|bin)$/;
/** Entries of the table looked at: the index a selectbox preselects is small. */
const MAX_ENTRIES = 200;

function stringValue(node: Node | null): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const m = /^[rRbBuU]?(["'])([^"'\n]{1,400})\1$/.exec(node.text);
  return m ? m[2] : undefined;
}

/** The module-level `name = {...}` dictionary. */
function moduleDict(root: Node, name: string): Node | undefined {
  for (const statement of root.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== name) continue;
    const right = assignment.childForFieldName('right');
    return right?.type === 'dictionary' ? right : undefined;
  }
  return undefined;
}

export const selectedSpec: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['selectbox('],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    const m = SELECTBOX.exec(ctx.text);
    if (!m) return;
    const table = moduleDict(ctx.tree.rootNode, m[1] ?? m[2] ?? m[3]);
    if (!table) return;
    const at = m[4] === undefined ? 0 : Number(m[4]);
    const pairs = table.namedChildren.filter((c): c is Node => c?.type === 'pair').slice(0, MAX_ENTRIES);
    const entry = pairs[at];
    const spec = entry?.childForFieldName('value');
    const key = stringValue(entry?.childForFieldName('key') ?? null);
    if (!spec || spec.type !== 'dictionary' || key === undefined) return;
    let config: { path: string; node: Node } | undefined;
    let weights: { stem: string; node: Node } | undefined;
    for (const pair of spec.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const value = pair.childForFieldName('value');
      const text = stringValue(value);
      if (text === undefined || !value) continue;
      if (!config && CONFIG_FILE.test(text)) config = { path: text, node: value };
      const stem = WEIGHTS_FILE.exec(text)?.[1];
      if (!weights && stem) weights = { stem, node: value };
    }
    if (!config && !weights) return;
    const why = `the app's model selectbox preselects option ${at} of ${m[1] ?? m[2] ?? m[3]} ("${key}")`;
    if (config) ctx.add('link.config', config.path, config.node, `${why}: its config ${config.path}`, 'low');
    if (weights)
      ctx.add('model.id', weights.stem, weights.node, `${why}: the weights it loads, ${weights.stem}`, 'medium');
  },
};
