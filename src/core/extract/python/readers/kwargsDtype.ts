import type { Node } from 'web-tree-sitter';
import { normalisePrecision } from '../../precision';
import type { FileRule } from '../rules';

/**
 * A loader that collects the keywords of its `from_pretrained` call in a dict and sets the dtype there, the model
 * builder LLaVA and the many projects built on it keep (`bunny/model/builder.py`, `llava/model/builder.py`):
 *
 *     def load_pretrained_model(model_path, model_base, model_name, load_8bit=False, load_4bit=False, ...):
 *         kwargs = {"device_map": device_map, **kwargs}
 *         if load_8bit:
 *             kwargs['load_in_8bit'] = True
 *         elif load_4bit:
 *             kwargs['quantization_config'] = BitsAndBytesConfig(..., bnb_4bit_compute_dtype=torch.float16)
 *         else:
 *             kwargs['torch_dtype'] = torch.float16
 *         model = SomeForCausalLM.from_pretrained(model_path, low_cpu_mem_usage=True, **kwargs)
 *
 * The weights are loaded in that dtype and the model computes in it (transformers docs: from_pretrained's
 * torch_dtype). Read where the same function hands the dict to a `from_pretrained` call as `**name`, and only when
 * every such assignment in the function names the same dtype (two branches that disagree leave it to the flags).
 * The program that calls the loader links its module (packageLoader.ts), so the dtype reaches its run.
 */

/** `kwargs['torch_dtype'] = torch.float16` (or `"dtype"`), as one statement. */
const DTYPE_ITEM =
  /^([A-Za-z_]\w{0,40})\[["'](?:torch_dtype|dtype)["']\][ \t]*=[ \t]*torch\.(bfloat16|float16|half|float32)[ \t]*$/;
/** What every line DTYPE_ITEM reads holds (a test of the whole text before any function is walked). */
const DTYPE_ITEM_ANYWHERE = /\[["'](?:torch_dtype|dtype)["']\][ \t]*=[ \t]*torch\./;
const MAX_FUNCTIONS = 200;
/**
 * How the reading's detail begins: a program that imports the loader's module links it for its default dtype only
 * (loaderModule.ts, analyze.ts DEFAULT_DTYPE_DETAIL), and this dtype is such a default.
 */
export const LOADER_KWARGS_DTYPE = 'dtype the loader loads the model in: ';

function readKwargsDtype(root: Node, add: (precision: string, node: Node, detail: string) => void): void {
  const functions = root.descendantsOfType('function_definition').slice(0, MAX_FUNCTIONS);
  for (const fn of functions) {
    const body = fn?.childForFieldName('body');
    if (!fn || !body || !body.text.includes('from_pretrained') || !body.text.includes('dtype')) continue;
    const found = new Map<string, Array<{ precision: string; node: Node }>>();
    for (const statement of body.descendantsOfType('expression_statement')) {
      const m = statement ? DTYPE_ITEM.exec(statement.text.trim()) : null;
      if (!statement || !m) continue;
      const precision = normalisePrecision(m[2]) ?? 'fp32';
      found.set(m[1], [...(found.get(m[1]) ?? []), { precision, node: statement }]);
    }
    for (const [name, items] of found) {
      if (new Set(items.map((i) => i.precision)).size !== 1) continue;
      const handed = new RegExp(`\\.from_pretrained\\([^)]{0,400}\\*\\*${name}\\b`);
      if (!handed.test(body.text)) continue;
      const fnName = fn.childForFieldName('name')?.text ?? 'the loader';
      add(
        items[0].precision,
        items[0].node,
        `${LOADER_KWARGS_DTYPE}${items[0].node.text.trim()} in ${fnName}(), handed to from_pretrained as **${name}`,
      );
      return;
    }
  }
}

export const kwargsDtype: FileRule = {
  framework: 'transformers',
  phase: 'after-calls',
  words: ['torch_dtype'],
  read: (_index, ctx) => {
    // Read beside a cast the module makes elsewhere (`model.to(torch.float16)` in one branch): a program importing the
    // module draws only this default (analyze.ts), the module's own reading keeps its first precision.
    // Only a file with such an item anywhere walks its functions (the walk is most of what this rule costs).
    if (!ctx.text.includes('from_pretrained') || !DTYPE_ITEM_ANYWHERE.test(ctx.text)) return;
    readKwargsDtype(ctx.tree.rootNode, (precision, node, detail) =>
      ctx.add('training.precision', precision, node, detail, 'medium'),
    );
  },
};
