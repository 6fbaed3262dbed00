import type { Fact, SourceRange } from '../facts';
import { extractConfigFacts } from './configFacts';
import { extractShellFacts } from './shellFacts';
import { EVALUATES_CONFIG } from './python/readers/corenetOptions';

/**
 * Notebooks that write a run's config and then run a command line on it (the Colab pattern of config-driven
 * trainers: AutoTrain, axolotl, LLaMA-Factory, torchtune):
 *
 *     %%writefile config.yml            (IPython's cell magic: the cell's body becomes the file)
 *     task: image_classification
 *     ...
 *     !autotrain --config config.yml    (a shell escape naming the file)
 *
 * or a config text built in Python and written out (`conf = f"""task: llm-{trainer} ..."""` then
 * `with open("conf.yaml", "w") as f: f.write(conf)`), its `{name}` fields filled from the notebook's own
 * literal assignments (Colab form fields: `num_epochs = 1 # @param`). The written config is read as a config
 * file, and is the run only when a shell command of the notebook passes it on.
 */

export interface NotebookSource {
  /** The cell's index in the notebook. */
  readonly index: number;
  /** Where the cell starts in the notebook's joined code. */
  readonly startLine: number;
  /** The cell's source as written (magics and shell escapes kept). */
  readonly text: string;
}

/** Written configs read per notebook (real notebooks write one or two). */
const MAX_WRITTEN = 8;
/** A config text longer than this is not a hand-written run config. */
const MAX_CONFIG_CHARS = 100_000;
const CONFIG_NAME = /^[\w./-]{1,200}\.(?:ya?ml|json)$/;
/** `%%writefile [-a] name.yml` on a cell's first line (`%%file`: IPython's alias of the same magic). */
const WRITEFILE = /^%%(?:writefile|file)[ \t]+(?:-a[ \t]+)?(\S{1,200})[ \t]*$/;
/**
 * `with open("conf.yaml", "w") as f:` then `f.write(conf)` on the next line, or the text parsed and dumped back
 * (`yaml.dump(yaml.safe_load(conf), f)`, PyYAML's `dump(data, stream)`/`safe_dump`: the same config, re-serialised).
 */
const OPEN_AND_WRITE =
  /with[ \t]+open\([ \t]*["']([\w./-]{1,200})["'][ \t]*,[ \t]*["']w["'][ \t]*\)[ \t]+as[ \t]+(\w{1,60})[ \t]*:[ \t]*\n[ \t]+(?:(\w{1,60})\.write\([ \t]*(\w{1,60})[ \t]*\)|yaml\.(?:safe_)?dump\([ \t]*yaml\.(?:safe_)?load\([ \t]*(\w{1,60})[ \t]*\)[ \t]*,[ \t]*(\w{1,60})[ \t]*[,)])/g;
/** `name = <literal>` at the start of a line (a Colab form field keeps its `# @param` comment after it). */
const LITERAL_ASSIGNMENT =
  /^([A-Za-z_]\w{0,60})[ \t]*=[ \t]*("[^"\n]{0,300}"|'[^'\n]{0,300}'|-?\d[\d_.]{0,30}(?:e-?\d{1,3})?|True|False|None)[ \t]*(?:#[^\n]*)?$/gm;

interface Written {
  readonly name: string;
  readonly text: string;
  /** The line in the joined code where the config text starts. */
  readonly startLine: number;
}

/** The configs the notebook writes with `%%writefile`. */
function writtenByMagic(sources: readonly NotebookSource[]): Written[] {
  const out: Written[] = [];
  for (const s of sources) {
    if (out.length >= MAX_WRITTEN) break;
    const newline = s.text.indexOf('\n');
    const first = (newline < 0 ? s.text : s.text.slice(0, newline)).trim();
    const m = WRITEFILE.exec(first);
    if (!m || !CONFIG_NAME.test(m[1]) || newline < 0) continue;
    out.push({
      name: m[1],
      text: s.text.slice(newline + 1, newline + 1 + MAX_CONFIG_CHARS),
      startLine: s.startLine + 1,
    });
  }
  return out;
}

/** The literal values the notebook's code assigns (the last assignment of a name wins, as when run top to bottom). */
function literals(code: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const m of code.matchAll(LITERAL_ASSIGNMENT)) {
    const raw = m[2];
    values.set(m[1], /^["']/.test(raw) ? raw.slice(1, -1) : raw);
  }
  return values;
}

/** `{name}` filled from the literals, `{{`/`}}` unescaped; a field holding anything else is left empty (unknown). */
function fillTemplate(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(/\{\{|\}\}|\{([^{}\n]{0,100})\}/g, (whole, field: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const name = field?.trim() ?? '';
    return /^[A-Za-z_]\w*$/.test(name) ? (values.get(name) ?? '') : '';
  });
}

/** The configs the notebook's Python writes from a template string held by a name. */
function writtenByCode(code: string): Written[] {
  if ((!code.includes('.write(') && !code.includes('dump(')) || !code.includes('open(')) return [];
  const out: Written[] = [];
  let values: Map<string, string> | undefined;
  let tried = 0;
  for (const m of code.matchAll(OPEN_AND_WRITE)) {
    // Each try looks back over the code for the template: a bounded number of them keeps the file linear.
    if (out.length >= MAX_WRITTEN || ++tried > MAX_WRITTEN * 4) break;
    const [, name, handle, written, writtenText, dumped, dumpStream] = m;
    const writer = written ?? dumpStream;
    const variable = writtenText ?? dumped;
    if (handle !== writer || !CONFIG_NAME.test(name)) continue;
    // `conf = f"""` ... `"""`: the template the name is bound to before the write.
    const before = code.slice(0, m.index);
    const head = new RegExp(`^${variable}[ \\t]*=[ \\t]*(f?)("""|''')`, 'gm');
    let start = -1;
    let quote = '';
    let formatted = false;
    for (const h of before.matchAll(head)) {
      start = h.index + h[0].length;
      formatted = h[1] === 'f';
      quote = h[2];
    }
    if (start < 0) continue;
    const end = before.indexOf(quote, start);
    if (end < 0 || end - start > MAX_CONFIG_CHARS) continue;
    values ??= literals(code);
    const template = before.slice(start, end);
    out.push({
      name,
      // A plain string is the text as written; only an f-string has `{name}` fields to fill.
      text: formatted ? fillTemplate(template, values) : template,
      startLine: before.slice(0, start).split('\n').length - 1,
    });
  }
  return out;
}

/** The shell escapes of the notebook (`!autotrain --config config.yml`), one per line. */
function shellCommands(sources: readonly NotebookSource[]): string[] {
  const out: string[] = [];
  for (const s of sources)
    for (const line of s.text.split('\n')) {
      const m = /^[ \t]*!(.*)$/.exec(line);
      if (m) out.push(m[1]);
    }
  return out;
}

function shifted(range: SourceRange, by: number): SourceRange {
  return { ...range, startLine: range.startLine + by, endLine: range.endLine + by };
}

/**
 * Facts of the configs the notebook writes and runs a command on, placed at the lines that write them. A link the
 * code makes to such a file (`open("conf.yaml", "w")`) is dropped: the file is the notebook's own output, read here.
 */
export function withWrittenConfigs(facts: readonly Fact[], sources: readonly NotebookSource[], code: string): Fact[] {
  const written = writtenConfigFacts(sources, code);
  const harness = harnessCommandFacts(sources);
  if (written.facts.length === 0 && harness.length === 0) return [...facts];
  const writtenLink = (f: Fact) => f.kind === 'link.config' && written.names.has(String(f.value));
  // Code that builds the model of a config this notebook writes and trains (CoreNet's get_training_arguments with its
  // --model.<task>.pretrained checkpoint) runs that run's result: a step after the run, not a run of its own.
  const evaluatesWritten = facts.some((f) => writtenLink(f) && f.detail.includes(EVALUATES_CONFIG));
  return [
    ...facts.filter((f) => !writtenLink(f) && !(evaluatesWritten && f.detail.includes(EVALUATES_CONFIG))),
    ...written.facts,
    ...harness,
  ];
}

/** Evaluation-harness command lines a notebook runs (`!lm_eval --model hf --model_args pretrained=M`). */
const HARNESS_COMMAND = /^(?:lm_eval|lm-eval|lighteval|python3?[ \t]+-m[ \t]+lm_eval)\b/;
const MAX_HARNESS_COMMANDS = 8;
/** Continuation lines joined into one shell escape (a command split with `\`). */
const MAX_CONTINUATIONS = 64;

/**
 * The evaluation harnesses a notebook runs through shell escapes (`!lm_eval --model hf --model_args pretrained=...`,
 * continued over lines with `\`): read as the shell reads them (shell/runIntent.ts), at the escape's line. Only
 * harness commands: other escapes (`!pip install`, `!nvidia-smi`) start no run.
 */
function harnessCommandFacts(sources: readonly NotebookSource[]): Fact[] {
  if (!sources.some((s) => /lm_eval|lm-eval|lighteval/.test(s.text))) return [];
  const out: Fact[] = [];
  let commands = 0;
  for (const s of sources) {
    const lines = s.text.split('\n');
    for (let i = 0; i < lines.length && commands < MAX_HARNESS_COMMANDS; i++) {
      const m = /^[ \t]*!(.*)$/.exec(lines[i]);
      if (!m || !HARNESS_COMMAND.test(m[1].trim())) continue;
      const parts = [m[1]];
      let j = i;
      while (/\\[ \t]*$/.test(lines[j]) && j + 1 < lines.length && parts.length < MAX_CONTINUATIONS)
        parts.push(lines[++j]);
      commands++;
      for (const f of extractShellFacts(parts.join('\n')))
        out.push({
          ...f,
          range: shifted(f.range, s.startLine + i),
          detail: `${f.detail} (shell escape in the notebook)`,
        });
      i = j;
    }
  }
  return out;
}

function writtenConfigFacts(sources: readonly NotebookSource[], code: string): { facts: Fact[]; names: Set<string> } {
  const names = new Set<string>();
  if (!sources.some((s) => s.text.includes('!'))) return { facts: [], names };
  const commands = shellCommands(sources);
  if (commands.length === 0) return { facts: [], names };
  const written = [...writtenByMagic(sources), ...writtenByCode(code)];
  const facts: Fact[] = [];
  for (const w of written) {
    const base = w.name.slice(w.name.lastIndexOf('/') + 1);
    const run = commands.find((c) => c.split(/[\s="']+/).some((word) => word === w.name || word.endsWith(`/${base}`)));
    if (!run) continue;
    const extraction = extractConfigFacts(w.text, /\.json$/.test(w.name) ? 'json' : 'yaml');
    if (!extraction.facts.some((f) => f.kind.startsWith('launch.'))) continue;
    names.add(w.name);
    for (const f of extraction.facts)
      facts.push({
        ...f,
        range: shifted(f.range, w.startLine),
        detail: `${f.detail} (in ${w.name}, written here and run by \`${run.trim().slice(0, 60)}\`)`,
      });
  }
  return { facts, names };
}
