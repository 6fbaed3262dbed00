import type { Node } from 'web-tree-sitter';
import { hubIdInPath } from '../../config/dialect';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * litgpt's Python API names its models in three ways: `Config.from_name("tiny-llama-1.1b")` (or
 * `GPT.from_name`), a checkpoint folder's config (`Config.from_file("checkpoints/<org>/<name>/model_config.yaml")`,
 * the layout `litgpt download` writes), and `LLM.load("org/name")`. The name is the model; whether it
 * is trained from scratch or loaded is decided elsewhere (a checkpoint load, the recipe).
 */

/** The first positional argument, or the keyword argument of one of these names. */
function nameArgument(call: Node, keywords: readonly string[]): Node | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  for (const k of keywords) {
    const kw = keywordArgument(args, k);
    if (kw) return kw;
  }
  return args.namedChildren.find((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument');
}

/** An f-string whose `{NAME}` parts are constants of the file (`f"checkpoints/{MODEL_NAME}/model_config.yaml"`). */
function fString(node: Node, symbols: Parameters<typeof evaluate>[1]): string | undefined {
  if (node.type !== 'string' || !node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  let out = '';
  for (const part of node.namedChildren) {
    if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content') out += part.text;
    else if (part.type === 'interpolation') {
      const expression = part.namedChildren.find(
        (c) => c !== null && c.type !== 'format_specifier' && c.type !== 'type_conversion',
      );
      const v = expression ? evaluate(expression, symbols)?.value : undefined;
      if (typeof v !== 'string' && typeof v !== 'number') return undefined;
      out += String(v);
    }
  }
  return out.length > 0 && out.length < 500 ? out : undefined;
}

export const litgptModels: CallRule = {
  framework: 'litgpt',
  callees: ['from_name', 'from_file', 'load'],
  when: ({ full }) =>
    /^(?:litgpt\.)?(?:(?:model\.)?(?:Config|GPT)\.(?:from_name|from_file)|(?:api\.)?LLM\.load)$/.test(full),
  read: ({ node, full, last, ctx }) => {
    const arg = nameArgument(node, last === 'from_file' ? ['path'] : last === 'load' ? ['model'] : ['name']);
    if (!arg) return false;
    const formatted = fString(arg, ctx.symbols);
    const r =
      formatted !== undefined
        ? { value: formatted, via: "an f-string of the file's constants" }
        : evaluate(arg, ctx.symbols);
    if (typeof r?.value !== 'string' || !r.value) {
      ctx.add(
        'model.id',
        null,
        arg,
        `${full}(${arg.text.slice(0, 40)}): the model name is set when the code runs`,
        'low',
      );
      return;
    }
    const id = last === 'from_file' ? hubIdInPath(r.value.replace(/\/[^/]*\.(ya?ml|json)$/i, '')) : r.value;
    if (!id) return false;
    ctx.add(
      'model.id',
      id,
      arg,
      `${full}(${JSON.stringify(r.value).slice(0, 80)})${r.via ? ` (${r.via})` : ''}`,
      r.via ? 'medium' : 'high',
    );
    if (last === 'load') ctx.add('model.fromScratch', false, arg, `${full} loads the trained checkpoint`, 'high');
    else {
      // A config builds the architecture with random weights; weights come only from a checkpoint load
      // (`fabric.load` / `torch.load` usually resume a run's own state, so they do not count). `fabric.load_raw(path,
      // model)` loads "a raw PyTorch model checkpoint created without Fabric" (Lightning Fabric API, Fabric.load_raw).
      const loads = /\b(load_checkpoint|load_state_dict|lazy_load|load_from_checkpoint|load_raw)\s*\(/.test(ctx.text);
      ctx.add(
        'model.fromScratch',
        !loads,
        arg,
        loads
          ? `${full}: the file loads a checkpoint into it`
          : `${full} builds the architecture; nothing in the file loads weights into it`,
        'medium',
      );
    }
  },
};
