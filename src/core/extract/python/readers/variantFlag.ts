import { startsARun, type Fact } from '../../../facts';
import { findModelByName } from '../../../knowledge';
import { lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { TRAINS_HERE } from '../trainingText';

/**
 * A model repository's own sampling program that picks the model's size by a variant flag (`--variant` with
 * `default="2b"` and `choices=["2b", "7b", ...]`, or absl's `flags.DEFINE_string('variant', '4b', ...)`), hands the
 * flag to the package's table of sizes (`model_config = get_model_config(args.variant)`, a function mapping each
 * variant to its layers and widths) and builds the package's model class from it (`FamilyForCausalLM(model_config)`,
 * named as Hugging Face names architectures: the family word, then `For` and the task): the run is inference with
 * the family's model of the default variant. The model is the family word the class is named for, glued to the
 * variant (`GemmaForCausalLM` + `2b` is `gemma-2b`): the catalog row of that name where there is one, otherwise a
 * size the variant states as its authors write it (`4b`: four billion), read from the name.
 *
 * The run is started here only where no other rule found one (a program that spawns its generation loop over
 * devices, `xmp.spawn(generate, ...)`, calls no `generate` method the generation rules read). Not read where the
 * file trains (an optimiser step, a backward pass), for a default that is no size (`--variant base`), or for a class
 * imported from an installed library (their own rules read them).
 */

/** A variant flag's default that is a size: `2b`, `7b`, `2b-v2`, `27b_v3`, `350m`. */
const SIZE_VARIANT = /^\d{1,4}(?:\.\d{1,2})?[bBmM](?:[-_][a-z0-9]{1,10})?$/;
/** argparse: `add_argument("--variant", ..., default="2b", ...)` over several lines (bounded). */
const ARGPARSE_VARIANT =
  /\badd_argument\([ \t\n]{0,40}["']--(?:model[-_])?variant["'][^)]{0,600}?\bdefault[ \t]*=[ \t]*["']([^"'\n]{1,40})["']/;
/** absl: `flags.DEFINE_string('variant', '4b', 'Model variant.')`. */
const ABSL_VARIANT =
  /(?:^(\w{1,40})[ \t]*=[ \t]*(?:\w{1,20}\.)?)?\bDEFINE_(?:string|enum)\([ \t\n]{0,40}["'](?:model_)?variant["'][ \t\n]{0,40},[ \t\n]{0,40}["']([^"'\n]{1,40})["']/m;
/** The flag handed to a call of the package: `get_model_config(args.variant)`, `config.get_model_config(FLAGS.variant)`. */
const VARIANT_HANDED = /\w[ \t]*\([ \t]*\w{1,20}\.(?:model_)?variant\b/;
/** A model class named for its family and task (`GemmaForCausalLM(`, `Gemma3ForMultimodalLM(`), called. */
const FAMILY_CLASS_CALL = /(?:^|[^\w])([A-Z][a-z]{2,20}\d{0,2})For[A-Z][A-Za-z]{1,40}[ \t]*\(/;
const INSTALLED_IMPORT =
  /^(?:from|import)[ \t]+(?:transformers|vllm|optimum|peft|trl|diffusers|mlx_lm|keras_nlp|keras_hub)\b[^\n]*$/gm;
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["']/m;

export const variantFlag: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['variant'],
  runStart: [/["'](?:--)?(?:model[-_])?variant["']/, /[A-Z][a-z]{2,20}\d{0,2}For[A-Z]/],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!text.includes('variant') || !MAIN_GUARD.test(text) || TRAINS_HERE.test(text)) return;
    const argparse = ARGPARSE_VARIANT.exec(text);
    const absl = argparse ? null : ABSL_VARIANT.exec(text);
    // Where the default's literal is written: the end of the match.
    const flag = argparse
      ? { index: argparse.index + argparse[0].length - 1, value: argparse[1] }
      : absl && { index: absl.index + absl[0].length - 1, value: absl[2] };
    if (!flag || !SIZE_VARIANT.test(flag.value)) return;
    // The flag's holder read by value (`_VARIANT = flags.DEFINE_string(...)`, then `get_model_config(_VARIANT.value)`).
    const holder = absl?.[1];
    if (!VARIANT_HANDED.test(text) && !(holder && new RegExp(`\\w[ \\t]*\\([ \\t]*${holder}\\.value\\b`).test(text)))
      return;
    const variant = flag.value.toLowerCase();
    // The class built in code that runs (not in a docstring or a comment), not one of an installed library.
    const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const executed = executedRowMask(ctx.tree);
    const installed = (text.match(INSTALLED_IMPORT) ?? []).join('\n');
    let found: { row: number; family: string; cls: string } | undefined;
    for (let row = 0; row < code.length && !found; row++) {
      if (executed[row] !== 1 || /^\s*(?:from|import|def|class)\b/.test(code[row])) continue;
      const m = FAMILY_CLASS_CALL.exec(code[row]);
      if (!m) continue;
      const cls = m[0].replace(/^[^A-Z]/, '').replace(/[ \t]*\($/, '');
      if (new RegExp(`\\b${cls}\\b`).test(installed)) continue;
      found = { row, family: m[1].toLowerCase(), cls };
    }
    if (!found) return;
    const range: Fact['range'] = lineRange(found.row, code[found.row].length);
    const flagRow = text.slice(0, flag.index).split('\n').length - 1;
    const flagRange: Fact['range'] = lineRange(flagRow, (text.split('\n')[flagRow] ?? '').length);
    if (!ctx.facts.some(startsARun)) {
      ctx.facts.push({
        kind: 'launch.inference',
        value: found.cls,
        range,
        confidence: 'medium',
        detail: `${found.cls}(...) built from the package's config for the variant flag, and nothing trains it: inference`,
      });
    }
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    const named = `${found.family}-${variant}`;
    const row = findModelByName(named);
    ctx.facts.push({
      kind: 'model.id',
      value: row?.id ?? named,
      range: flagRange,
      confidence: 'medium',
      detail: `${found.cls} of the variant flag's default '${flag.value}'${row ? '' : ' (its size as the variant states it)'}`,
    });
  },
};
