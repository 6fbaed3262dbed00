import type { Fact, SourceRange } from '../facts';
import { TextIndex } from '../textIndex';
import { EARLY_STOPPING_PATIENCE, type Suggestion } from './suggest';

/**
 * The code change behind a suggestion, where it is mechanical: add `bf16=True` to
 * TrainingArguments, `precision="bf16-mixed"` to a Lightning Trainer, swap a model id
 * for its smaller sibling, wrap a Hugging Face model with a LoRA adapter. Edits are
 * plain ranges in the analysed text, applied together (VS Code's WorkspaceEdit semantics).
 */

export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

export interface CodeFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

function at(idx: TextIndex, offset: number): SourceRange {
  const p = idx.position(offset);
  return { startLine: p.line, startCol: p.col, endLine: p.line, endCol: p.col };
}

/** Sets `name=value` in a call's argument list: replaces an existing keyword, else appends one in the call's style. */
function setKeyword(idx: TextIndex, args: SourceRange, name: string, value: string): TextEdit {
  const open = idx.offset(args.startLine, args.startCol);
  const close = idx.offset(args.endLine, args.endCol) - 1; // the ")"
  const inside = idx.text.slice(open + 1, close);
  const existing = new RegExp(`(^|[\\s,(])${name}\\s*=\\s*`).exec(inside);
  if (existing) {
    const valueStart = open + 1 + existing.index + existing[0].length;
    let depth = 0;
    let end = valueStart;
    for (; end < close; end++) {
      const c = idx.text[end];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ',' && depth === 0) break;
    }
    while (end > valueStart && /\s/.test(idx.text[end - 1])) end--;
    const s = idx.position(valueStart);
    const e = idx.position(end);
    return { range: { startLine: s.line, startCol: s.col, endLine: e.line, endCol: e.col }, newText: value };
  }
  let last = close - 1;
  while (last > open && /\s/.test(idx.text[last])) last--;
  if (last === open) return { range: at(idx, open + 1), newText: `${name}=${value}` };
  const closeLine = idx.position(close).line;
  const multiline = idx.line(closeLine).slice(0, idx.position(close).col).trim() === '';
  const comma = idx.text[last] === ',';
  if (multiline) {
    const lastLine = idx.line(idx.position(last).line);
    const indent = /^\s*/.exec(lastLine)?.[0] ?? '    ';
    return { range: at(idx, last + 1), newText: `${comma ? '' : ','}\n${indent}${name}=${value}${comma ? ',' : ''}` };
  }
  return { range: at(idx, last + 1), newText: `${comma ? ' ' : ', '}${name}=${value}` };
}

/** Sets several keywords in one call: existing ones are replaced, new ones added in one edit (no overlapping inserts). */
function setKeywords(idx: TextIndex, args: SourceRange, pairs: ReadonlyArray<readonly [string, string]>): TextEdit[] {
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [name, value] of pairs) {
    if (existingKey(idx, args, name)) edits.push(setKeyword(idx, args, name, value));
    else added.push(`${name}=${value}`);
  }
  if (added.length === 0) return edits;
  const append = setKeyword(idx, args, '\u0000', '');
  const multiline = append.newText.includes('\n');
  const indent = multiline ? (/\n(\s*)/.exec(append.newText)?.[1] ?? '') : '';
  const joined = added.join(multiline ? `,\n${indent}` : ', ');
  edits.push({ range: append.range, newText: append.newText.replace('\u0000=', joined) });
  return edits;
}

/** Adds an element to a call's `callbacks=[...]` list, or the keyword when absent; null when callbacks is not a list literal. */
function addCallback(idx: TextIndex, args: SourceRange, callback: string): TextEdit | null {
  const inside = idx.text.slice(idx.offset(args.startLine, args.startCol), idx.offset(args.endLine, args.endCol));
  const existing = /(^|[\s,(])callbacks\s*=\s*/.exec(inside);
  if (!existing) return setKeyword(idx, args, 'callbacks', `[${callback}]`);
  const at = idx.offset(args.startLine, args.startCol) + existing.index + existing[0].length;
  if (idx.text[at] !== '[') return null;
  const empty = /^\[\s*\]/.test(idx.text.slice(at));
  const p = idx.position(at + 1);
  const insertion = { startLine: p.line, startCol: p.col, endLine: p.line, endCol: p.col };
  // A list written one element per line gets the new element on its own line, in the same indentation.
  const nextLine = /^[ \t]*\r?\n([ \t]*)\S/.exec(idx.text.slice(at + 1));
  if (!empty && nextLine) return { range: insertion, newText: `\n${nextLine[1]}${callback},` };
  return { range: insertion, newText: empty ? callback : `${callback}, ` };
}

/** After the last top-level import (handling parenthesised imports), or at the top. */
function importEdit(idx: TextIndex, statement: string): TextEdit | undefined {
  if (idx.text.includes(statement)) return undefined;
  let insertAfter = -1;
  for (let n = 0; n < idx.lineCount; n++) {
    const line = idx.line(n);
    if (/^(import|from)\s/.test(line)) {
      let end = n;
      if (line.includes('(') && !line.includes(')'))
        while (end + 1 < idx.lineCount && !idx.line(end).includes(')')) end++;
      insertAfter = end;
      n = end;
    }
  }
  const line = insertAfter + 1;
  return { range: { startLine: line, startCol: 0, endLine: line, endCol: 0 }, newText: `${statement}\n` };
}

function taskTypeFor(callee: string): string | undefined {
  if (/ForCausalLM|LMHeadModel/.test(callee)) return 'CAUSAL_LM';
  if (/ForSequenceClassification/.test(callee)) return 'SEQ_CLS';
  if (/ForSeq2SeqLM|ForConditionalGeneration/.test(callee)) return 'SEQ_2_SEQ_LM';
  if (/ForTokenClassification/.test(callee)) return 'TOKEN_CLS';
  return undefined;
}

/** `text` is the file's text, or its index when several fixes are computed for one text. */
export function fixFor(
  suggestion: Suggestion,
  facts: readonly Fact[],
  textOrIndex: string | TextIndex,
): CodeFix | null {
  const own = facts.filter((f) => !f.file);
  const idx = typeof textOrIndex === 'string' ? new TextIndex(textOrIndex) : textOrIndex;
  const text = idx.text;
  const percent = `−${Math.round(suggestion.savedFraction * 100)}% CO2e`;
  switch (suggestion.kind) {
    case 'mixed-precision': {
      const target = suggestion.changedSpec.training.precision === 'fp16' ? 'fp16' : 'bf16';
      const hf = own.find(
        (f) =>
          f.kind === 'launch.trainer' &&
          /^construct:(TrainingArguments|Seq2SeqTrainingArguments|\w+Config)$/.test(String(f.value)) &&
          f.edit?.argumentList,
      );
      if (hf?.edit?.argumentList) {
        return {
          title: `Use ${target} mixed precision (${percent})`,
          edits: [setKeyword(idx, hf.edit.argumentList, target, 'True')],
        };
      }
      const lightning = own.find(
        (f) => f.kind === 'launch.trainer' && String(f.value) === 'construct:Trainer' && f.edit?.argumentList,
      );
      if (lightning?.edit?.argumentList && /lightning/.test(text)) {
        return {
          title: `Use ${target} mixed precision (${percent})`,
          edits: [
            setKeyword(
              idx,
              lightning.edit.argumentList,
              'precision',
              target === 'bf16' ? '"bf16-mixed"' : '"16-mixed"',
            ),
          ],
        };
      }
      return null;
    }
    case 'smaller-model': {
      const model = own.find((f) => f.kind === 'model.id' && f.edit?.valueRange);
      const sibling = suggestion.changedSpec.model.name;
      if (!model?.edit?.valueRange || !sibling) return null;
      const r = model.edit.valueRange;
      const literal = text.slice(idx.offset(r.startLine, r.startCol), idx.offset(r.endLine, r.endCol));
      const quote = /^[a-zA-Z]*("""|'''|"|')/.exec(literal)?.[0];
      if (!quote) return null;
      return {
        title: `Use ${sibling} (${percent})`,
        edits: [{ range: r, newText: `${quote}${sibling}${quote.replace(/^[a-zA-Z]*/, '')}` }],
      };
    }
    case 'peft': {
      const model = own.find((f) => f.kind === 'model.id' && f.edit?.statement && f.edit.assignedTo);
      if (!model?.edit?.statement || !model.edit.assignedTo) return null;
      const name = model.edit.assignedTo;
      const statement = model.edit.statement;
      const indent = /^\s*/.exec(idx.line(statement.startLine))?.[0] ?? '';
      const task = taskTypeFor(model.edit.callee ?? '');
      const config = `LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05${task ? `, task_type="${task}"` : ''})`;
      const line = `${indent}${name} = get_peft_model(${name}, ${config})`;
      const afterLine = statement.endLine + 1;
      const edits: TextEdit[] =
        afterLine < idx.lineCount
          ? [{ range: { startLine: afterLine, startCol: 0, endLine: afterLine, endCol: 0 }, newText: `${line}\n` }]
          : [{ range: at(idx, idx.text.length), newText: `\n${line}\n` }];
      const imp = importEdit(idx, 'from peft import LoraConfig, get_peft_model');
      if (imp) edits.unshift(imp);
      return { title: `Fine-tune with LoRA (${percent})`, edits };
    }
    case 'use-pretrained': {
      const scratch = own.find((f) => f.kind === 'model.fromScratch' && f.value === true && f.edit?.argumentList);
      const id = suggestion.changedSpec.model.name ?? own.find((f) => f.kind === 'model.id')?.value;
      if (!scratch?.edit?.argumentList || typeof id !== 'string') return null;
      const callee = scratch.edit.callee ?? '';
      const edits: TextEdit[] = [];
      if (callee.startsWith('torchvision:'))
        edits.push(
          setKeyword(
            idx,
            scratch.edit.argumentList,
            existingKey(idx, scratch.edit.argumentList, 'pretrained') ? 'pretrained' : 'weights',
            existingKey(idx, scratch.edit.argumentList, 'pretrained') ? 'True' : '"DEFAULT"',
          ),
        );
      else if (callee.startsWith('keras:'))
        edits.push(setKeyword(idx, scratch.edit.argumentList, 'weights', '"imagenet"'));
      else if (callee === 'timm.create_model')
        edits.push(setKeyword(idx, scratch.edit.argumentList, 'pretrained', 'True'));
      else if (callee.endsWith('from_config')) {
        // AutoModelForCausalLM.from_config(config) → AutoModelForCausalLM.from_pretrained("gpt2")
        const args = scratch.edit.argumentList;
        const start = idx.offset(scratch.range.startLine, scratch.range.startCol);
        const end = idx.offset(args.endLine, args.endCol);
        const owner = callee.replace(/\.?from_config$/, '');
        const s = idx.position(start);
        const e = idx.position(end);
        edits.push({
          range: { startLine: s.line, startCol: s.col, endLine: e.line, endCol: e.col },
          newText: `${owner}.from_pretrained("${id}")`,
        });
      } else return null;
      // The saving assumes a third of the schedule: make that change where the number is written.
      const size = own.find(
        (f) =>
          (f.kind === 'training.epochs' || f.kind === 'training.steps') &&
          typeof f.value === 'number' &&
          f.edit?.valueRange,
      );
      if (size?.edit?.valueRange && typeof size.value === 'number') {
        edits.push({ range: size.edit.valueRange, newText: String(Math.max(1, Math.round(size.value / 3))) });
      }
      return {
        title: `Start from pretrained weights, a third of the ${size?.kind === 'training.steps' ? 'steps' : 'epochs'} (${percent})`,
        edits,
      };
    }
    case 'early-stopping':
      return earlyStoppingFix(own, idx, text, percent);
    default:
      return null;
  }
}

/**
 * Early stopping where the framework makes it mechanical and the code already evaluates:
 * Hugging Face Trainer with an eval_dataset, Lightning with a logged val_loss, Keras fit with validation data.
 */
function earlyStoppingFix(own: readonly Fact[], idx: TextIndex, text: string, percent: string): CodeFix | null {
  const patience = EARLY_STOPPING_PATIENCE;
  const title = `Add early stopping, patience ${patience} (up to ${percent})`;
  if (/EarlyStopping/.test(text)) return null;
  const argsOf = (f: Fact | undefined) => f?.edit?.argumentList;
  const callText = (r: SourceRange) => text.slice(idx.offset(r.startLine, r.startCol), idx.offset(r.endLine, r.endCol));
  const trainer = own.find(
    (f) => f.kind === 'launch.trainer' && /^construct:\w*Trainer$/.test(String(f.value)) && f.edit?.argumentList,
  );
  const hfArgs = own.find(
    (f) =>
      f.kind === 'launch.trainer' &&
      /^construct:(TrainingArguments|Seq2SeqTrainingArguments|\w+Config)$/.test(String(f.value)) &&
      f.edit?.argumentList,
  );
  const trainerArgs = argsOf(trainer);
  if (trainerArgs && /\btransformers\b|\btrl\b/.test(text) && !/lightning/.test(text)) {
    const hf = argsOf(hfArgs);
    if (!hf || !/eval_dataset\s*=/.test(callText(trainerArgs))) return null;
    const strategyKey = existingKey(idx, hf, 'evaluation_strategy') ? 'evaluation_strategy' : 'eval_strategy';
    const callback = addCallback(idx, trainerArgs, `EarlyStoppingCallback(early_stopping_patience=${patience})`);
    if (!callback) return null;
    const edits = [
      ...setKeywords(idx, hf, [
        [strategyKey, '"epoch"'],
        ['save_strategy', '"epoch"'],
        ['load_best_model_at_end', 'True'],
      ]),
      callback,
    ];
    const imp = importEdit(idx, 'from transformers import EarlyStoppingCallback');
    return { title, edits: imp ? [imp, ...edits] : edits };
  }
  if (trainerArgs && /lightning/.test(text)) {
    // Monitor the validation loss the module logs (self.log("val_loss") or "val/loss"): without one there is nothing to stop on.
    const monitor = /\.log\(\s*["']((?:val|valid|validation)[\w/.-]*loss)["']/.exec(text)?.[1];
    if (!monitor) return null;
    const callback = addCallback(idx, trainerArgs, `EarlyStopping(monitor="${monitor}", patience=${patience})`);
    if (!callback) return null;
    const module = /(^|\n)\s*(import|from)\s+lightning\b/.test(text)
      ? 'lightning.pytorch.callbacks'
      : 'pytorch_lightning.callbacks';
    const imp = importEdit(idx, `from ${module} import EarlyStopping`);
    return { title, edits: imp ? [imp, callback] : [callback] };
  }
  const fit = own.find((f) => f.kind === 'launch.trainer' && f.value === 'fit' && f.edit?.argumentList);
  const fitArgs = argsOf(fit);
  if (fitArgs && /validation_(data|split)\s*=/.test(callText(fitArgs))) {
    const keras = /(^|\n)\s*(import keras|from tensorflow import keras)/.test(text)
      ? 'keras'
      : /import tensorflow as tf/.test(text)
        ? 'tf.keras'
        : null;
    if (!keras) return null;
    const callback = addCallback(
      idx,
      fitArgs,
      `${keras}.callbacks.EarlyStopping(monitor="val_loss", patience=${patience}, restore_best_weights=True)`,
    );
    return callback ? { title, edits: [callback] } : null;
  }
  return null;
}

function existingKey(idx: TextIndex, args: SourceRange, name: string): boolean {
  const inside = idx.text.slice(idx.offset(args.startLine, args.startCol), idx.offset(args.endLine, args.endCol));
  return new RegExp(`(^|[\\s,(])${name}\\s*=`).test(inside);
}

/** Applies edits to a text (for tests and previews): bottom-up so earlier ranges stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const idx = new TextIndex(text);
  const sorted = [...edits].sort(
    (a, b) => idx.offset(b.range.startLine, b.range.startCol) - idx.offset(a.range.startLine, a.range.startCol),
  );
  let out = text;
  for (const e of sorted) {
    const start = idx.offset(e.range.startLine, e.range.startCol);
    const end = idx.offset(e.range.endLine, e.range.endCol);
    out = out.slice(0, start) + e.newText + out.slice(end);
  }
  return out;
}
