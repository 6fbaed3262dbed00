import type { Node } from 'web-tree-sitter';
import { findModel } from '../../../knowledge';
import { stringLiteral } from '../../pythonValues';
import type { FileRule } from '../rules';
import { HUB_ID, MODEL_FLAGS } from './modelFlagDefault';

/**
 * Databricks notebooks (the source format, `# Databricks notebook source`, or an exported .ipynb) take their
 * parameters from widgets: `dbutils.widgets.text("input_model", "org/name", "label")` (also `combobox`, `dropdown`,
 * `multiselect`, each with the default as second argument) declares a parameter, `dbutils.widgets.get("input_model")`
 * reads it. A notebook run without parameters (or with the job's defaults) runs with the default, as a program runs
 * with a flag's default: the model the notebook loads when the widget names one. The default is a string or a name
 * the notebook assigns a string to (`default_model = "org/name"`); a name imported from another module stays unread.
 * Widget API: https://docs.databricks.com/en/dev-tools/databricks-utils.html#widgets-utility-dbutilswidgets
 */

/** Widget kinds whose second argument is the default (dbutils.widgets help). */
const WIDGET_KINDS = new Set(['text', 'combobox', 'dropdown', 'multiselect']);
/** Widget names that hold the model to load, beyond the flag names (`input_model`, as Dolly-style notebooks name it). */
const MODEL_WIDGETS = new Set([...MODEL_FLAGS, 'input_model', 'pretrained_model', 'pretrained_model_name_or_path']);

/** `name = "value"` at the start of a line: the string a plain module-level name holds. */
function assignedString(text: string, name: string): string | undefined {
  if (!/^\w{1,60}$/.test(name)) return undefined;
  const m = new RegExp(`^${name}[ \\t]*=[ \\t]*["']([^"'\\n]{1,200})["'][ \\t]*$`, 'm').exec(text);
  return m?.[1];
}

export const notebookWidgets: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['widgets'],
  read: (index, ctx) => {
    if (!ctx.text.includes('dbutils.widgets.get')) return;
    if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null)) return;
    for (const node of index.calls) {
      const { full, last } = ctx.callee(node);
      if (!WIDGET_KINDS.has(last) || full !== `dbutils.widgets.${last}`) continue;
      const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null) ?? [];
      const name = args[0] ? stringLiteral(args[0]) : null;
      const def = args[1];
      if (!name || !def || !MODEL_WIDGETS.has(name.toLowerCase())) continue;
      // The notebook reads the widget it declares (`dbutils.widgets.get("input_model")`).
      if (!new RegExp(`dbutils\\.widgets\\.get\\(\\s*["']${name}["']`).test(ctx.text)) continue;
      const held = def.type === 'identifier' ? assignedString(ctx.text, def.text) : undefined;
      const value = stringLiteral(def) ?? held;
      if (!value || !(HUB_ID.test(value) || findModel(value) !== undefined)) continue;
      const via = held ? ` (${def.text} = "${held}")` : '';
      ctx.add(
        'model.id',
        value,
        def,
        `default of the notebook widget "${name}": the model loaded when the notebook runs without parameters${via}`,
        'medium',
      );
      return;
    }
  },
};
