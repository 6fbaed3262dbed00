import { findModelByName } from '../../../knowledge';
import { onDefaultPath } from '../branches';
import { escapeRegExp } from '../context';
import type { FileRule } from '../rules';
import { ARCHITECTURE_CLASS, assignedToAModel, importedOwnNames, insideClass } from './modelConstructor';

/**
 * A published model's reference implementation built by its class: `from models.model_retrieval import ALBEF`, then
 * `model = ALBEF(config=config, text_encoder=..., tokenizer=...)`. The research code of a released model names its
 * network class after the model (the paper's name), in the repository's own modules, and each task program builds it
 * with the task's config. Where the class's name is a catalog model's own name (its id or an alias, not a fuzzy
 * match), the run is that model and its size is the catalog's. Classes of the repository named otherwise
 * (`TinyLM`, `Net`) stay unnamed, and re-implementations of general architectures sized by their call (`GPT(...)`)
 * are read by modelConstructor.ts.
 */
/** A class name: capitalised, a word. */
const CLASS_NAME = /^[A-Z][A-Za-z0-9_]{1,60}$/;
const MAX_LINES_WITH_CALLS = 400;

export const catalogModelClass: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'model.id' && typeof f.value === 'string')) return;
    const names = new Set<string>();
    importedOwnNames(
      ctx.text,
      (name) => CLASS_NAME.test(name) && !ARCHITECTURE_CLASS.test(name) && findModelByName(name) !== undefined,
      names,
    );
    if (names.size === 0) return;
    // The call's own line, found by the class's name: a line no other rule's words hold (`model = DiT_B_4(...)
    // .to(device)` in a notebook cell) is not in the syntax index's calls.
    const pattern = new RegExp(`(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})[ \\t]*\\(`);
    const lines = ctx.text.split('\n');
    let looked = 0;
    for (let row = 0; row < lines.length && looked < MAX_LINES_WITH_CALLS; row++) {
      const line = lines[row];
      if (
        line.length > 2000 ||
        !line.includes('(') ||
        !pattern.test(line) ||
        /^\s*(?:class|def|from|import)\s/.test(line)
      )
        continue;
      looked++;
      for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
        if (!call || call.startPosition.row !== row) continue;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || !names.has(fn.text)) continue;
        if (!assignedToAModel(call) || insideClass(call) || !onDefaultPath(call, ctx.symbols)) continue;
        const model = findModelByName(fn.text)!;
        ctx.add(
          'model.id',
          fn.text,
          fn,
          `${fn.text}(...): the repository's implementation of ${model.id}, built by its class (catalog: ${model.id})`,
          'medium',
        );
        return;
      }
    }
  },
};
