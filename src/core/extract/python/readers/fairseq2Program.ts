import type { Fact } from '../../../facts';
import { fairseq2ArchId, fairseq2ModelId, torchDtypePrecision } from '../../config/fairseq2Recipe';
import { evaluate, keywordArgument } from '../../pythonValues';
import type { PythonReadContext } from '../context';
import type { CallRule } from '../rules';

/**
 * fairseq2 recipe programs (facebookresearch/fairseq2 ≥ 0.5). A recipe package's `__main__.py` hands a recipe object
 * to fairseq2's command line (`from fairseq2.recipe.cli import main`, `main(LMSFTRecipe())`): run with no
 * `--config-file`, the recipe trains (or generates) with the defaults of its config dataclass in the package's
 * `config.py`. Read here:
 * - `main(recipe)` from `fairseq2.recipe.cli` at module level starts the run: a generation or evaluation recipe
 *   (its class named `…Generate…`, `…Generation…`, `…Eval…`) is inference, any other trains; the package's
 *   `config.py` is linked for its defaults;
 * - in a module importing `fairseq2.recipe.config`: `ModelSection(name=...)` / `ReferenceModelSection(name=...)`
 *   name the checkpoint (its Hub id through fairseq2's asset names), `ModelSection(arch=...)` with no name an
 *   architecture from scratch, `RegimeSection(num_steps=..., num_data_epochs=...)` the length,
 *   `MixedPrecisionConfig(dtype=torch.float16)` the precision (fairseq2's default: static bfloat16).
 */

const CLI_MAIN =
  /^[ \t]*from[ \t]+fairseq2\.recipe\.cli[ \t]+import[ \t]+(?:\(?[ \t]*)?(?:main|train_main|eval_main|generate_main)\b/m;
/** The command-line entries (`main` decides by the recipe; the others say what they run). */
const ENTRY = /^(?:main|train_main|eval_main|generate_main)$/;
const RECIPE_CONFIG = /\bfrom[ \t]+fairseq2\.recipe\.config[ \t]+import\b|\bimport[ \t]+fairseq2\.recipe\.config\b/;
/** A recipe class that generates or evaluates rather than trains. */
const INFERENCE_RECIPE = /Generat|Eval|Infer|Chat/;

function recipeClass(call: CallInfoNode, ctx: PythonReadContext): string {
  const arg = call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
  if (!arg) return '';
  if (arg.type === 'call') return arg.childForFieldName('function')?.text ?? '';
  if (arg.type === 'identifier') {
    const bound = ctx.symbols.lookup(arg.text)?.node;
    if (bound?.type === 'call') return bound.childForFieldName('function')?.text ?? '';
  }
  return '';
}
type CallInfoNode = Parameters<CallRule['read']>[0]['node'];

function sibling(node: CallInfoNode, file: string, detail: string): Fact {
  const row = node.startPosition.row;
  return {
    kind: 'link.module',
    value: file,
    range: { startLine: row, startCol: node.startPosition.column, endLine: row, endCol: node.endPosition.column },
    confidence: 'low',
    detail,
  };
}

export const fairseq2RecipeMain: CallRule = {
  framework: 'fairseq2',
  callees: ['main', 'train_main', 'eval_main', 'generate_main'],
  words: ['fairseq2'],
  runStart: CLI_MAIN,
  when: ({ full, ctx }) => ENTRY.test(full) && CLI_MAIN.test(ctx.text),
  read: ({ node, full, ctx }) => {
    if (node.parent?.parent?.type !== 'module') return false;
    const recipe = recipeClass(node, ctx);
    const inference =
      full === 'eval_main' || full === 'generate_main' || (full === 'main' && INFERENCE_RECIPE.test(recipe));
    ctx.add(
      inference ? 'launch.inference' : 'launch.trainer',
      inference ? `fairseq2:${recipe || 'recipe'}` : 'fairseq2:recipe',
      node,
      `fairseq2's recipe command line runs ${recipe || 'the recipe'}${inference ? ' (generation or evaluation)' : ''} with its config's defaults unless a --config-file is given`,
      'medium',
    );
    ctx.facts.push(sibling(node, 'config.py', "the recipe's config dataclass: its defaults are the run's"));
  },
};

const SECTIONS = ['ModelSection', 'ReferenceModelSection', 'RegimeSection', 'MixedPrecisionConfig'];

export const fairseq2ConfigSections: CallRule = {
  framework: 'fairseq2',
  callees: SECTIONS,
  words: ['fairseq2'],
  runStartInDefinitions: true,
  when: ({ ctx }) => RECIPE_CONFIG.test(ctx.text),
  read: ({ node, last, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return false;
    const value = (name: string) => {
      const at = keywordArgument(args, name);
      const r = at ? evaluate(at, ctx.symbols) : undefined;
      return at && r ? { at, value: r.value } : undefined;
    };
    if (last === 'RegimeSection') {
      for (const [key, kind] of [
        ['num_steps', 'training.steps'],
        ['num_data_epochs', 'training.epochs'],
      ] as const) {
        const v = value(key);
        if (v && typeof v.value === 'number' && Number.isInteger(v.value) && v.value > 0)
          ctx.add(kind, v.value, v.at, `RegimeSection(${key}=${v.value})`, 'medium');
      }
      // A training config that sets no mixed precision trains in fairseq2's default (src/fairseq2/recipe/config.py
      // MixedPrecisionConfig: mode "static", dtype torch.bfloat16).
      if (!ctx.text.includes('MixedPrecisionConfig('))
        ctx.add(
          'training.precision',
          'bf16',
          node,
          "fairseq2's default mixed precision (MixedPrecisionConfig: mode static, dtype torch.bfloat16)",
          'low',
        );
      return;
    }
    if (last === 'MixedPrecisionConfig') {
      const dtype = keywordArgument(args, 'dtype');
      const precision = dtype ? torchDtypePrecision(dtype.text) : undefined;
      if (precision && dtype)
        ctx.add('training.precision', precision, dtype, `MixedPrecisionConfig(dtype=${dtype.text})`);
      return;
    }
    // The pretrained encoder a fine-tune starts from (`pretrained_model: ModelSection = ...(name="wav2vec2_base")`).
    const field = node.parent?.parent?.parent?.parent?.parent;
    const pretrainedField = /^\s*pretrained_model\b/.test(field?.text ?? '');
    const name = value('name');
    // A generation or evaluation recipe's model (`ReferenceModelSection(name=..., dtype=torch.bfloat16)`) runs in
    // the dtype it is loaded in.
    const dtype = last === 'ReferenceModelSection' ? keywordArgument(args, 'dtype') : null;
    const loadedIn = dtype ? torchDtypePrecision(dtype.text) : undefined;
    if (dtype && loadedIn)
      ctx.add('training.precision', loadedIn, dtype, `ReferenceModelSection(dtype=${dtype.text})`, 'low');
    if (name && typeof name.value === 'string' && name.value.trim() !== '') {
      const id = fairseq2ModelId(name.value);
      ctx.add(
        'model.id',
        id,
        name.at,
        `${last}(name="${name.value}")${id !== name.value ? `: fairseq2's asset for ${id}` : ''}`,
        pretrainedField ? 'low' : 'medium',
      );
      ctx.add('model.fromScratch', false, name.at, `${last}(name=...) loads a pretrained checkpoint`, 'low');
      return;
    }
    const arch = value('arch');
    if (arch && typeof arch.value === 'string') {
      const family = value('family');
      const id = fairseq2ArchId(arch.value, typeof family?.value === 'string' ? family.value : undefined);
      if (id) ctx.add('model.id', id, arch.at, `${last}(arch="${arch.value}"): the architecture of ${id}`, 'low');
    }
    // Not where the config names a pretrained encoder to start from (`pretrained_model: ModelSection(name=...)`).
    if (arch && typeof arch.value === 'string' && !/\bpretrained_model\b/.test(ctx.text))
      ctx.add(
        'model.fromScratch',
        true,
        arch.at,
        `${last}(arch="${arch.value}") with no name: the architecture is built from scratch`,
        'low',
      );
  },
};
