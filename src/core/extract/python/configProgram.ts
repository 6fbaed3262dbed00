import type { Fact } from '../../facts';

/**
 * A fine-tuning program that loads its YAML config into a dataclass of its own (`@dataclass class FinetuningConfig`
 * with fields `data_config`, `training_args`, `peft_config`, …, and a classmethod that reads the file with a YAML
 * parser and returns `cls(**kwargs)`), then loads the model itself in one fixed dtype
 * (`from_pretrained(model_dir, torch_dtype=torch.bfloat16)`, every such call the same). The configs it reads are
 * the runs (the program needs one), and the dtype is theirs: the config does not say it because the program does.
 * Read line by line (no parse), only when the cheap words are all there: one fact, the dtype, carrying the
 * dataclass's fields so that only a config whose top-level keys are all among them draws it
 * (analyze.ts, a link whose detail starts CONFIG_PROGRAM_LINK).
 */

/** How the fact's detail starts: drawn only through a config's link to its program. */
export const CONFIG_PROGRAM = 'the program loads the model in ';
/**
 * How a VITS-layout config's link to its training program starts (config/vitsTts.ts): the program's precision
 * switches and the weights it starts from reach the config's run, nothing else of it.
 */
export const VITS_PROGRAM_LINK = 'the training program that reads this config (its precision and start): ';
/** How a config's link to the program that reads it starts (trainingArgsSections.ts). */
export const CONFIG_PROGRAM_LINK = 'the program that reads this config: ';

const MAX_LINE = 400;
const MAX_FIELDS = 64;
const DATACLASS = /^@(?:dataclasses\.|dc\.)?dataclass\b/;
const CLASS = /^class[ \t]+(\w{1,80})\b/;
const FIELD = /^ {4}(\w{1,80})[ \t]*:[ \t]*\S/;
const DTYPE = /\btorch_dtype[ \t]*=[ \t]*torch\.(bfloat16|float16|half|float32|float)\b/g;
const NAMES: Readonly<Record<string, string>> = {
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  float: 'fp32',
};

/** Whether the text may be such a program: a cheap test, run before any other reading. */
export function mayBeConfigProgram(text: string): boolean {
  return text.includes('dataclass') && text.includes('torch_dtype') && text.includes('yaml');
}

export function configProgramFacts(text: string): Fact[] {
  if (!mayBeConfigProgram(text)) return [];
  const fields = yamlDataclassFields(text.split('\n'));
  if (!fields) return [];
  const dtypes = new Set<string>();
  let first: { line: number; start: number; end: number; written: string } | undefined;
  for (const m of text.matchAll(DTYPE)) {
    dtypes.add(NAMES[m[1]]);
    if (!first) {
      const line = text.slice(0, m.index).split('\n').length - 1;
      const start = m.index - (text.lastIndexOf('\n', m.index) + 1);
      first = { line, start, end: start + m[0].length, written: m[0] };
    }
  }
  if (dtypes.size !== 1 || !first) return [];
  const precision = [...dtypes][0];
  return [
    {
      kind: 'training.precision',
      value: precision,
      range: { startLine: first.line, startCol: first.start, endLine: first.line, endCol: first.end },
      confidence: 'medium',
      detail: `${CONFIG_PROGRAM}${precision} (${first.written.replace(/\s+/g, '')}), whatever config it is given`,
      fields,
    },
  ];
}

/** The fields of the first dataclass whose body loads a YAML file into the class; undefined when none does. */
function yamlDataclassFields(lines: readonly string[]): string[] | undefined {
  for (let i = 0; i < lines.length - 1; i++) {
    if (!DATACLASS.test(lines[i])) continue;
    const header = CLASS.exec(lines[i + 1]);
    if (!header) continue;
    const fields: string[] = [];
    let mentionsYaml = false;
    let loads = false;
    let builds = false;
    for (let j = i + 2; j < lines.length; j++) {
      const line = lines[j];
      if (line.length > 0 && !/^[ \t]/.test(line)) break;
      if (line.length > MAX_LINE) continue;
      const field = FIELD.exec(line);
      if (field && fields.length < MAX_FIELDS) fields.push(field[1]);
      if (line.includes('yaml')) mentionsYaml = true;
      if (/\.(?:safe_)?load\(/.test(line)) loads = true;
      if (/\breturn[ \t]+cls(?:\.\w{1,40})?\([ \t]*\*\*/.test(line)) builds = true;
    }
    if (mentionsYaml && loads && builds && fields.length > 0) return fields;
  }
  return undefined;
}
