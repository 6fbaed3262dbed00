import { dlrmParams, layerWidths } from './dlrmParams';
import { SET_FROM_VARIABLE, withoutQuotes, withoutRootVariable } from './shell/words';
import type { Fact, FactKind } from '../facts';
import { SWITCHES_OFF_DETAIL } from './precisionSwitches';
import { findModel } from '../knowledge';
import { sizeFromModelName } from '../knowledge/modelName';
import { normalisePrecision } from './pythonFacts';
import {
  asgiApplicationModule,
  COMPILED_PROGRAM,
  CONSOLE_SCRIPT,
  matchLauncher,
  positionsAreNotLearned,
} from './shell/launchers';
import { evaluateFolderValue, type ScriptPlace } from './shell/scriptFolder';
import {
  languageModelVariable,
  namedModelType,
  readVisionLanguageLaunch,
  VISION_LANGUAGE_WORD,
} from './shell/visionLanguage';
import { readSlurmOptions } from './shell/slurm';
import { readSweptValues } from './shell/sweptValues';
import { checkpointFolderModel, inlineSettings } from './shell/inlineSettings';
import {
  CHECKPOINT_FILE_FLAGS,
  CHECKPOINT_FOLDER_FLAG,
  checkpointFileModel,
  releasedFolderModel,
} from './shell/checkpointPath';
import { flagMeaning, sizingKindFor } from './sizingNames';
import { modelFromVariable, modelNamedInVariables } from './shell/modelVariable';
import { PLACEHOLDER_ID } from './placeholderId';
import { withoutTrailingSlashes } from '../trimSlashes';
import { PART_SEPARATOR } from '../runVocabulary';
import { modelNameOfConfigFile } from './config/satDiffusion';
import { MODEL_CLASS_FLAGS, modelClassName } from './modelClassFlag';
import { sourcedArguments, takenFromSourced } from './shell/sourcedArguments';
import { isSingleDashLong, optionDest } from './python/argparseOption';

/**
 * Reads launch scripts: SLURM `#SBATCH` directives, the command lines of the launchers in
 * shell/launchers.ts (`torchrun`, `accelerate launch`, `deepspeed`, `python`, `tune run`,
 * `litgpt`, `composer`, `llamafactory-cli`, `trl`, `axolotl`, `swift`, OpenRLHF modules) and the flags they
 * pass, named as in the sizing table (sizingNames.ts).
 */

/**
 * `echo <command> >> "$JOB_SCRIPT"` (or `>`): a command written into a file, the job script a sweep generates and then
 * submits (`sbatch $JOB_SCRIPT`). Group 1: the command (outer quotes dropped). Bounded: one line, no nested quotes,
 * the command starting and ending on a non-space (so the spaces around it have one reading, no backtracking over them).
 */
/**
 * A flag listing two or more device ids (`--gpus 0,1,2,3`, `--gpu_ids 0,1`, `--device_ids=0,1`, Uformer's quoted
 * `--gpu '0,1'`, which its programs hand to CUDA_VISIBLE_DEVICES).
 */
const DEVICE_ID_LIST =
  /--(gpus?|gpu_ids|gpu-ids|device_ids|device-ids)[=\s]+(["']?)((?:\d{1,3},){1,63}\d{1,3})\2(?![\w,])/;

const WRITTEN_INTO_SCRIPT =
  /^[ \t]*echo[ \t]+["']?([^\s"'<>|;&](?:[^"'<>|;&\n]{0,3998}[^\s"'<>|;&])?)["']?[ \t]*>>?[ \t]*["']?\$?\{?[\w./-]{1,200}\}?["']?[ \t]*$/;

/**
 * `sbatch [options] --wrap="command"` (or `--wrap 'command'`): group 1 the options before it, group 2 or 3 the
 * command. Bounded: the options are one run of non-quote characters, the command one quoted string.
 */
const SBATCH_WRAP =
  /^[ \t]*sbatch[ \t]([^"'\n]{0,4000}?)--wrap[= \t][ \t]*(?:"((?:[^"\\\n]|\\.){1,20000})"|'([^'\n]{1,20000})')/;

/** Characters a variable grown by `+=` keeps (a loop of appends in a hostile script must not grow it without end). */
const MAX_APPENDED_VALUE = 100_000;
/** `$(pwd)`, `` `pwd` ``, `$PWD`, `${PWD}`, quoted or not: the working directory the script is started from. */
const WORKING_DIR_VALUE = /^("?)(?:\$\(pwd\)|`pwd`|\$PWD|\$\{PWD\})\1$/;

/**
 * Shell variables set in the script (`GPT_ARGS="--num-layers 24 ..."`, `EPOCHS=${EPOCHS:-2}`),
 * so `$GPT_ARGS` on a launch line reads as what it holds. Defaults of `${X:-d}` count.
 */
function shellVariables(text: string, where?: ScriptPlace, positional?: readonly string[]): Map<string, string> {
  const vars = new Map<string, string>();
  // The words a calling script hands this one (`bash scripts/sft.sh out run org/model 2`): `$1`… are those words.
  // Not in a script that walks its arguments (`shift`, `getopts`), where `$1` is a different word at each step.
  const walksArguments = /\b(?:shift|getopts)\b/.test(text);
  if (positional && !walksArguments) {
    positional.slice(0, 9).forEach((word, k) => {
      if (word !== '') vars.set(String(k + 1), word);
    });
    // `"$@"`: all of them, a word not known here kept as a variable's (unresolved, as any `$NAME` is), so the words
    // after it keep their places.
    if (positional[0] !== '') vars.set(ALL_ARGUMENTS, positional.map((word) => word || '$UNKNOWN_ARGUMENT').join(' '));
  }
  // Bash arrays too (`GPT_ARGS=( --num-layers 24 ... )` over several lines, as Megatron-LM's examples write them).
  // [ \t] not \s: with /m, `^\s*` runs across blank lines from every line start (quadratic on a file of newlines).
  // Quoted values and arrays are bounded: an unclosed quote must not scan to the end of the file from every line.
  // `: ${NAME:=default}` sets NAME when it is unset (a script's overridable defaults).
  // `NAME=${NAME:-"-m pkg.train"}`: a quoted default may hold spaces.
  const defaults = /^[ \t]*:[ \t]+"?\$\{(\w+):?=([^}\n]{0,1000})\}/;
  // `case "$1" in --auto) GPUS=1 ;; esac`: an assignment in a case arm applies only with that argument; the value
  // set before (the script's default, `GPUS=${GPUS:-8}`) is the one a plain run uses.
  const caseSpans: Array<[number, number]> = [];
  if (/\besac\b/.test(text)) {
    let open = -1;
    let depth = 0;
    for (const c of text.matchAll(/^[ \t]*(?:case[ \t][^\n]{0,500}?[ \t]in[ \t]*$|esac\b)/gm)) {
      if (c[0].trimStart().startsWith('case')) {
        if (depth++ === 0) open = c.index;
      } else if (depth > 0 && --depth === 0) caseSpans.push([open, c.index]);
    }
  }
  // `STAGE_PATH=${1:-"runs/x/model"}` then `--model_name_or_path $1`: the script states what its first argument is
  // when none is given, and a plain run's `$1` is that. Not in a script that walks its arguments (`shift`, `getopts`),
  // where `$1` is a different word at each step.
  if (text.includes('${') && !walksArguments)
    for (const m of text.matchAll(/\$\{([1-9]):?-("[^"\n$]{1,500}"|'[^'\n]{1,500}'|[^}"'\n$\s]{1,500})\}/g))
      if (!vars.has(m[1])) vars.set(m[1], m[2].replace(/^["']|["']$/g, ''));
  let span = 0;
  const inCaseArm = (at: number) => {
    while (span < caseSpans.length && caseSpans[span][1] < at) span++;
    return span < caseSpans.length && caseSpans[span][0] < at;
  };
  for (const m of text.matchAll(
    /^[ \t]*(?:(?:export|readonly|local|typeset|declare)(?:[ \t]+-\w+)*[ \t]+)?([A-Za-z_]\w*)(\+?)=("?\$\((?:[^()\n]|\((?:[^()\n]|\([^()\n]{0,500}\)){0,500}\)){0,500}\)[^\s;#"]*"?|\((?:[^()]|\([^()]{0,1000}\)){0,20000}\)|"(?:[^"\\]|\\[\s\S]){0,10000}"(?:(?:[^\s"'();|&<>\\]|\\\n){1,1000}"(?:[^"\\]|\\[\s\S]){0,2000}"){0,40}[^\s"'();|&<>\\]{0,1000}|'[^']{0,10000}'|\$\{\w+:?[-=](?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}')\}\S*|\S*)|^[ \t]*:[ \t].*$/gm,
  )) {
    if (m[1] === undefined) {
      const d = defaults.exec(m[0]);
      if (d) vars.set(d[1], expandShell(d[2].replace(/^["']|["']$/g, ''), vars));
      continue;
    }
    if (vars.has(m[1]) && inCaseArm(m.index)) {
      // `MODEL=""` then `--model) MODEL="$2" ;;`: an empty value the arguments fill is a required argument, not a
      // value (`recipes/$MODEL/config.yaml` read as `recipes//config.yaml` would be a made-up path).
      if (vars.get(m[1]) === '') vars.delete(m[1]);
      continue;
    }
    let value = m[3];
    const arithmetic = /^"?\$\(\(([^()]*(?:\([^()]*\)[^()]*){0,20})\)\)"?$/.exec(value);
    if (arithmetic) {
      // `n_gpus=$((NGPUS_PER_NODE - n_gpus_rollout))`: integer arithmetic on variables the script set.
      const n = evaluateArithmetic(arithmetic[1], vars);
      if (n !== undefined) vars.set(m[1], String(n));
      else vars.delete(m[1]);
      continue;
    }
    if (WORKING_DIR_VALUE.test(value)) {
      // `PROJECT_DIR="$(pwd)"`, `ROOT=$PWD`: the folder the script is run from, not known here. Kept as `$PWD`, so a
      // Hydra `--config-path="$PROJECT_DIR/conf"` reads as a folder under the working directory (launchers.ts), never
      // one relative to the program's folder; other paths under it stay unresolved, as before.
      vars.set(m[1], '$PWD');
      continue;
    }
    if (/^"?\$\(/.test(value)) {
      // `DIR=$(cd -- "$(dirname "$0")" ... ; pwd -P)`: the script's folder (`.`), or a folder relative to it.
      // Other substitutions (`$(date)`, `$(pwd)`) are set when the script runs: the name stays unexpanded.
      const folder = evaluateFolderValue(value, (name) => vars.get(name), where);
      if (folder !== undefined) vars.set(m[1], folder);
      else vars.delete(m[1]);
      continue;
    }
    // `OPTS=" --save "./out" --seed 1"`: the inner quotes close and reopen the string around an unquoted piece, all
    // one word (bash concatenates the pieces); the value is the pieces without their quotes.
    if (/^"(?:[^"\\]|\\[\s\S])*"[^\s"']/.test(value)) value = value.replace(/"((?:[^"\\]|\\[\s\S])*)"/g, '$1');
    else if (/^["']/.test(value)) value = value.slice(1, -1);
    // `MODEL_DIR=$DIR_CHECKPOINT"/unwrapped_model"`: quoted pieces of one word are concatenated, quotes removed.
    else if (/^[^(]\S*["']/.test(value)) value = value.replace(/"([^"]*)"|'([^']*)'/g, '$1$2');
    else if (value.startsWith('(') && value.endsWith(')'))
      value = value
        .slice(1, -1)
        // Comments inside an array, whole-line or after an element, are not elements.
        .replace(/^[ \t]*#.*$/gm, '')
        .replace(/[ \t]#[^\n]*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
    const expanded = expandShell(value.replace(/\\\n/g, ' '), vars);
    // `ARGS+=( --vocab-size 128256 )`, `OPTS+=" --fp16"`: appended to what the variable holds (an array's elements
    // joined by a space, as the launch line expands them; a string as written). Bounded by the value's own bound.
    const before = m[2] === '+' ? vars.get(m[1]) : undefined;
    vars.set(
      m[1],
      before === undefined
        ? expanded
        : `${before}${m[3].startsWith('(') && before ? ' ' : ''}${expanded}`.slice(0, MAX_APPENDED_VALUE),
    );
  }
  // `read -r -d '' ARGS <<EOF ... EOF`: a here-document read into a variable (OpenRLHF's example scripts).
  for (const { name, body } of readHereDocuments(text))
    vars.set(name, expandShell(body.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim(), vars));
  if (text.includes('<<<')) readFromTable(text, vars);
  return vars;
}

/** Commented-out assignments looked at per file. */
const MAX_COMMENTED_CHOICES = 20;

/**
 * `# Uncomment and set the following variables` above `# MODEL_VERSION="vicuna-v1-3-7b"` and
 * `# MODEL_VERSION="llama-2-7b-chat"`, with `--model_name_or_path ./checkpoints/$MODEL_VERSION` and no live
 * assignment: the script offers a choice of models and runs with the one the user uncomments. When every choice
 * states the same size in its name, the run's size is known whichever is taken: the first choice is read (and
 * said to be a choice), so the model's family and size reach the run. A variable named for the model only
 * (`MODEL`, `MODEL_VERSION`, `LLM_VERSION`, `BASE_MODEL`, …), never one the script sets itself.
 */
function commentedModelChoice(text: string, vars: Map<string, string>): { value: string; detail: string } | undefined {
  if (!/^[ \t]*#[ \t]*[A-Za-z_]\w*=/m.test(text)) return undefined;
  const choices = new Map<string, string[]>();
  let seen = 0;
  for (const m of text.matchAll(
    /^[ \t]*#[ \t]*([A-Za-z_]\w{0,60})=("[^"\n]{1,200}"|'[^'\n]{1,200}'|[^\s"'#;]{1,200})[ \t]*$/gm,
  )) {
    if (++seen > MAX_COMMENTED_CHOICES) break;
    const name = m[1];
    if (vars.has(name) || !/^(?:BASE_|LLM_)?(?:MODEL|LLM)(?:_(?:VERSION|NAME|PATH|ID))?$/i.test(name)) continue;
    const value = m[2].replace(/^["']|["']$/g, '');
    if (value.includes('$')) continue;
    choices.set(name, [...(choices.get(name) ?? []), value]);
  }
  for (const [name, values] of choices) {
    const sizes = values.map((v) => findModel(v)?.params ?? sizeFromModelName(v)?.params);
    if (sizes.some((x) => x === undefined || x !== sizes[0])) continue;
    vars.set(name, values[0]);
    return {
      value: values[0],
      detail: `${name} is set only in comments (${values.join(', ')}: the user uncomments one; all of one size), the first read`,
    };
  }
  return undefined;
}

/** Read lines taken from a table at most (a script has one or two). */
const MAX_TABLE_READS = 20;

/**
 * `declare -A MODEL_CONFIGS=( ["CogX"]="run.py /models/CogX-2b 20" )` then `IFS=' ' read -r SCRIPT MODEL STEPS <<<
 * "${MODEL_CONFIGS[$MODEL_TYPE]}"`: a table of settings per model, one row picked by a variable the script sets, its
 * words read into names (the last name takes the rest, as `read` does). The row's key is the picked variable's
 * value, or a literal key. Names whose row is not in the table stay unset.
 */
function readFromTable(text: string, vars: Map<string, string>): void {
  let reads = 0;
  for (const m of text.matchAll(
    /^[ \t]*(?:IFS=(?:'[^'\n]{0,10}'|"[^"\n]{0,10}"|[^\s'"]{0,10})[ \t]+)?read[ \t]+(?:-[a-z]{1,4}[ \t]+){0,4}((?:[A-Za-z_]\w{0,60}[ \t]+){0,20}[A-Za-z_]\w{0,60})[ \t]*<<<[ \t]*"?\$\{([A-Za-z_]\w{0,60})\[([^\]\n]{1,100})\]\}"?/gm,
  )) {
    if (++reads > MAX_TABLE_READS) break;
    const table = vars.get(m[2]);
    if (table === undefined) continue;
    const keyWord = m[3].replace(/^["']|["']$/g, '');
    const keyName = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(keyWord)?.[1];
    const key = keyName !== undefined ? vars.get(keyName) : keyWord;
    if (key === undefined) continue;
    let row: string | undefined;
    for (const e of table.matchAll(
      /\[["']?([^\]"'\s]{1,100})["']?\]=(?:"([^"]{0,2000})"|'([^']{0,2000})'|(\S{1,2000}))/g,
    ))
      if (e[1] === key) row = e[2] ?? e[3] ?? e[4] ?? '';
    if (row === undefined) continue;
    const names = m[1].trim().split(/[ \t]+/);
    const words = row.trim().split(/\s+/).filter(Boolean);
    names.forEach((name, i) => {
      const value = i === names.length - 1 ? words.slice(i).join(' ') : words[i];
      if (value !== undefined && value !== '') vars.set(name, value);
      else vars.delete(name);
    });
  }
}

/**
 * `eval "$CMD"`, `eval "$header" "$training_args"`, `eval "$cmd" 2>&1 | tee log`: eval of up to four quoted variables,
 * before the end of the command or its redirection.
 */
const EVAL_QUOTED_VARIABLES = /^(\s*eval)((?:[ \t]+"\$\{?\w{1,64}\}?"){1,4})(?=[ \t]*(?:$|[|&;<>]|\d>))/;

/** Arithmetic expressions longer than this are not evaluated (real ones are a few words). */
const MAX_ARITHMETIC = 200;

/**
 * `$(( a * b + 1 ))` with integer variables (`NGPUS`, `$NGPUS`, `${NGPUS}`) and literals: + - * / % and
 * parentheses, as bash evaluates them (integer division). Undefined when a name is not a known integer.
 */
export function evaluateArithmetic(expression: string, vars: ReadonlyMap<string, string>): number | undefined {
  if (expression.length > MAX_ARITHMETIC) return undefined;
  const tokens = expression.match(/\$\{\w+\}|\$?[A-Za-z_]\w*|\d+|[-+*/%()]|\S/g) ?? [];
  let at = 0;
  const value = (token: string): number | undefined => {
    if (/^\d+$/.test(token)) return Number(token);
    const v = vars.get(token.replace(/^\$\{?|\}$/g, ''))?.trim();
    return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
  };
  // expression := term (('+'|'-') term)*; term := factor (('*'|'/'|'%') factor)*; factor := '-' factor | '(' expression ')' | atom
  const expr = (depth: number): number | undefined => {
    let left = term(depth);
    while (left !== undefined && (tokens[at] === '+' || tokens[at] === '-')) {
      const op = tokens[at++];
      const right = term(depth);
      left = right === undefined ? undefined : op === '+' ? left + right : left - right;
    }
    return left;
  };
  const term = (depth: number): number | undefined => {
    let left = factor(depth);
    while (left !== undefined && (tokens[at] === '*' || tokens[at] === '/' || tokens[at] === '%')) {
      const op = tokens[at++];
      const right = factor(depth);
      if (right === undefined || (op !== '*' && right === 0)) return undefined;
      left = op === '*' ? left * right : op === '/' ? Math.trunc(left / right) : left % right;
    }
    return left;
  };
  const factor = (depth: number): number | undefined => {
    if (depth > 20 || at >= tokens.length) return undefined;
    const token = tokens[at++];
    if (token === '-') {
      const v = factor(depth + 1);
      return v === undefined ? undefined : -v;
    }
    if (token === '(') {
      const v = expr(depth + 1);
      return tokens[at++] === ')' ? v : undefined;
    }
    return value(token);
  };
  const result = expr(0);
  return result !== undefined && at === tokens.length && Number.isSafeInteger(result) ? result : undefined;
}

/** `cd DIR` alone on its line (no `&&` or pipe after it; a `;` may end it). */
/** `NAME=$(command …) ` (or `NAME=\$(…)` in a here-document) before a command: group 1 the name. */
const COMPUTED_ASSIGNMENT = /^([ \t]*[A-Za-z_]\w{0,60})=\\?\$\([^()\n]{0,300}\)[ \t]+(?=\S)/;

/**
 * A flag's number written with digit-group underscores (`--train-samples 220_000_000`, as BigScience's jobs write
 * them): Python's int() reads `220_000_000` as 220000000 (PEP 515), so the Python program the flag reaches does too.
 */
const GROUPED_FLAG_NUMBER = /(--[\w-]{1,80}(?:=|[ \t]+))(\d{1,3}(?:_\d{3}){1,5})(?=[\s;|&]|$)/g;

/** An output redirection to a file (`> out.json`, `>> log.txt`, `2> err.log`, `&> all.log`; not `2>&1`). */
const OUTPUT_REDIRECTION = /[ \t](?:[12&])?>>?[ \t]*(?!&)["']?[^\s;&|<>"']{1,300}["']?(?=[ \t;&|]|$)/g;

/** `cd DIR` on a line of its own; `pushd DIR` (its output sent away or not) moves the same way. */
const CHANGE_DIRECTORY =
  /^[ \t]*(?:cd|pushd)[ \t]+([^;&|<>\n]{1,300}?)[ \t]*(?:>[ \t]*\/dev\/null(?:[ \t]+2>&1)?)?[ \t]*;?[ \t]*$/;

/** Here-documents longer than this are not read into a variable. */
const MAX_HERE_DOCUMENT = 100_000;

/**
 * `read [-r -d ''] NAME <<WORD` and the lines up to the first line holding only WORD. Found line by line, the
 * ends looked up in one index: a single regex scanned up to MAX_HERE_DOCUMENT characters from every `read`
 * line whose end never came (quadratic on a file of such lines).
 */
function readHereDocuments(text: string): Array<{ name: string; body: string }> {
  if (!/^[ \t]*read[ \t]/m.test(text)) return [];
  const lines = text.split('\n');
  const starts: Array<{ line: number; name: string; word: string }> = [];
  lines.forEach((l, i) => {
    const m = /^[ \t]*read[ \t]+(?:-\w+[ \t]+(?:(?:''|"")[ \t]+)?)*([A-Za-z_]\w*)[ \t]*<<-?[ \t]*['"]?(\w+)['"]?/.exec(
      l,
    );
    if (m) starts.push({ line: i, name: m[1], word: m[2] });
  });
  if (starts.length === 0) return [];
  const words = new Set(starts.map((s) => s.word));
  const ends = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const w = l.trim();
    if (words.has(w)) (ends.get(w) ?? ends.set(w, []).get(w)!).push(i);
  });
  // Where each line starts, so a body's size is a subtraction.
  const offsets = new Float64Array(lines.length + 1);
  lines.forEach((l, i) => (offsets[i + 1] = offsets[i] + l.length + 1));
  const out: Array<{ name: string; body: string }> = [];
  // A `read` inside a here-document already taken is text, not a command (and bodies never overlap: their total is the file's size).
  let taken = -1;
  for (const s of starts) {
    if (s.line <= taken) continue;
    const at = ends.get(s.word) ?? [];
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] <= s.line) lo = mid + 1;
      else hi = mid;
    }
    const end = at[lo];
    if (end === undefined) continue;
    if (offsets[end] - offsets[s.line + 1] > MAX_HERE_DOCUMENT + 1) continue;
    out.push({ name: s.name, body: lines.slice(s.line + 1, end).join('\n') });
    taken = end;
  }
  return out;
}

/**
 * An assembled model whose language part is a checkpoint path naming no model (no catalog row, no size in its
 * name): the language model the script names in an LLM variable stands for it (shell/visionLanguage.ts).
 */
function stagedLanguageModel(facts: Fact[], from: number, vars: ReadonlyMap<string, string>): void {
  const at = facts.findIndex((f, k) => k >= from && f.kind === 'model.id');
  if (at < 0) return;
  const [language, ...rest] = String(facts[at].value).split(PART_SEPARATOR);
  if (rest.length === 0 || findModel(language) || sizeFromModelName(language)) return;
  const llm = languageModelVariable(vars);
  if (!llm) return;
  facts[at] = {
    ...facts[at],
    value: [llm.value, ...rest].join(PART_SEPARATOR),
    confidence: 'medium',
    detail: `${facts[at].detail}; ${language} names no model: a later stage of ${llm.name}=${llm.value}, the language model the script names`,
  };
}

/** The line of `--flag` within a continued command, else where a variable defines it. */
function lineOfFlag(
  lines: readonly string[],
  from: number,
  to: number,
  flag: string,
  elsewhere: Map<string, number | undefined>,
): number | undefined {
  const pattern = new RegExp(`--${flag.replace(/[-_]/g, '[-_]')}\\b`);
  for (let l = from; l <= to; l++) if (pattern.test(lines[l])) return l;
  // The whole-file fallback is the same for every command using this flag: searched once.
  if (!elsewhere.has(flag))
    elsewhere.set(
      flag,
      lines.findIndex((l) => pattern.test(l) && !l.trim().startsWith('#')),
    );
  const at = elsewhere.get(flag);
  return at === undefined || at < 0 ? undefined : at;
}

/** When a flag's value came from a variable (`MODEL=${MODEL:-bigscience/bloom-1b7}`), the line that writes it. */
function lineOfVariableValue(
  lines: readonly string[],
  vars: ReadonlyMap<string, string>,
  value: string,
): number | undefined {
  for (const [name, v] of vars) {
    if (v !== value) continue;
    const at = lines.findIndex((l) => new RegExp(`^\\s*(export\\s+)?${name}=`).test(l));
    if (at >= 0) return at;
  }
  return undefined;
}

/**
 * `--load-pretrained-model true`, `--load_pretrained_weights`: the program's switch that loads the checkpoint it is
 * given before training (OpenChatKit's pipeline trainer, dist_clm_train.py); with no value or a true one it is on.
 */
// pix2pixHD's and vid2vid's `--load_pretrain checkpoints/label2city_512` ("if specified, load the pretrained model"):
// a coarser stage's checkpoint folder the run starts from.
const LOAD_PRETRAINED_SWITCH =
  /(?:^|\s)(--load[-_]pretrain(?:ed)?(?:[-_](?:model|weights|checkpoint))?)(?:[=\s]+["']?([A-Za-z0-9]{1,10})["']?)?(?=\s|$)/;
/**
 * `--init_model $init`, `--init_checkpoint=w.pth`, `--init-from gpt2`: the weights the program initialises its
 * model from, given on the launch line (DeBERTa's run.py `--init_model base`, BERT's `--init_checkpoint`). Any value
 * but a word that means no weights (`scratch`, `none`, `random`, empty) starts the run from trained weights.
 */
const INIT_WEIGHTS_FLAG =
  /(?:^|\s)(--init(?:ial)?[-_](?:model|checkpoint|ckpt|weights|from))(?:[ \t]+|=)(?!--)["']?([^\s"']{1,300})["']?(?=\s|$)/;
/** Values of an initialisation flag that name no weights. */
const NO_INIT_WEIGHTS = /^(?:scratch|none|null|random|false|0|\$\{?\w{1,64}:-\}?)$/i;
/**
 * How a launch line says the program starts from trained weights: its switch that loads the pretrained checkpoint
 * (LOAD_PRETRAINED_SWITCH, not set false), or weights it initialises the model from (INIT_WEIGHTS_FLAG); undefined
 * when it says neither.
 */
function pretrainedStartDetail(logical: string): string | undefined {
  const loads = LOAD_PRETRAINED_SWITCH.exec(logical);
  if (loads && !/^(?:false|0|no)$/i.test(loads[2] ?? ''))
    return `${loads[0].trim()}: the program loads the pretrained checkpoint before training`;
  const initialised = INIT_WEIGHTS_FLAG.exec(logical);
  if (initialised && !NO_INIT_WEIGHTS.test(initialised[2]))
    return `${initialised[1]} ${initialised[2]}: the program initialises the model from these weights`;
  return undefined;
}

/** A bare `--finetune` switch (no value: another flag, a line continuation or the end follows). */
const FINE_TUNE_SWITCH = /(?:^|\s)(--fine[-_]?tune)(?=\s+(?:--|\\|"\$@")|\s*$)/;
/** A flag handing the program a weights file (`--vq-ckpt ./pretrained/x.pt`, `--init_checkpoint=w.pth`). */
const WEIGHTS_FILE_FLAG =
  /(--[\w-]{0,30}(?:ckpt|checkpoint|pretrained|weights)[\w-]{0,30})(?:[ \t]+|=)["']?([^\s"']{1,300}\.(?:pt|pth|ckpt|bin|safetensors))["']?(?=\s|$)/;
/** Expanded text grows no further than this: a variable that doubles on every line would exhaust memory. */
const MAX_EXPANDED_LENGTH = 100_000;

/**
 * `$(dirname "$0")/train.py` (or `${BASH_SOURCE[0]}`) written on the launch line itself: the file beside this script,
 * as `./train.py` (paths of a launch are looked up from the script's folder first). Fixed words: linear.
 */
const SCRIPT_FOLDER_PREFIX =
  /(?:"\$\(dirname[ \t]+"?(?:\$0|\$\{0\}|\$\{BASH_SOURCE(?:\[0\])?\})"?\)"|\$\(dirname[ \t]+"?(?:\$0|\$\{0\}|\$\{BASH_SOURCE(?:\[0\])?\})"?\))\//g;

/** Environment assignments before a command (`SEED="$seed" LOG_DIR=x`), at most ten, each value bounded. */
const ENV_PREFIX = String.raw`(?:\w{1,64}=(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^\s"']{0,200})[ \t]+){0,10}`;
/** A command whose head (after environment assignments) is a variable: `$LAUNCH …`, `SEED=1 "$TORCHRUN_BIN" …`. */
const COMMAND_IS_VARIABLE = new RegExp(String.raw`^[ \t]*${ENV_PREFIX}["']?\$`);
/** The head variable quoted as one word (`"$TORCHRUN_BIN"`), captured without its quotes. */
const COMMAND_VARIABLE_QUOTED = new RegExp(String.raw`^([ \t]*${ENV_PREFIX})"(\$\{?\w{1,64}\}?)"`);

/** `bash ${ROOT}/eval.sh`, `sh "$DIR/run.sh"`: a shell running a script whose folder is a variable. */
const SCRIPT_UNDER_VARIABLE =
  /^[ \t]*(?:(?:\/usr)?\/bin\/)?(?:ba|z)?sh(?:[ \t]+-[a-zA-Z]+)*[ \t]+["']?\$\{?\w{1,64}\}?\/[\w./-]{1,200}\.(?:sh|bash)["']?(?=\s|$)/;

/** The variable holding the words a calling script hands this one, forwarded by `"$@"` (not a name a script sets). */
const ALL_ARGUMENTS = '@';
/** `"$@"`, `$@`, `"${@}"`, `$*`: every argument the script was handed. */
const FORWARDED_ARGUMENTS = /"\$(?:@|\{@\})"|\$(?:[@*]|\{[@*]\})/g;

/** A script's positional parameter as a variable's whole value (`M=${2}`), left unresolved: no caller handed it. */
const UNHANDED_POSITIONAL = /^["']?\$\{?[1-9]\}?["']?$/;
/**
 * A variable's value for `${NAME:-default}`: a name set only to an argument no caller handed (`M=${2}`, then
 * `M=${M:-"/models/x"}`) is empty in a plain run, so the default applies.
 */
const setValue = (value: string | undefined) =>
  value === undefined || UNHANDED_POSITIONAL.test(value) ? undefined : value;

function expandShell(text: string, vars: ReadonlyMap<string, string>): string {
  let room = MAX_EXPANDED_LENGTH - text.length;
  const handed = vars.get(ALL_ARGUMENTS);
  // Bounded as every expansion is: a line of many `"$@"` is not multiplied past the room.
  if (handed !== undefined && text.includes('$'))
    text = text.replace(FORWARDED_ARGUMENTS, (whole) => {
      if (handed.length - whole.length > room) return whole;
      room -= handed.length - whole.length;
      return handed;
    });
  // A reference that would overflow the room stays as written (`$A`): unexpanded, not guessed.
  const substitute = (whole: string, value: string | undefined) => {
    if (value === undefined || value.length - whole.length > room) return whole;
    room -= value.length - whole.length;
    return value;
  };
  // The default is bounded (and stops at the next `}`): `${a-${a-…` nested 50k deep scanned to the end from every `$`.
  return (
    text
      .replace(/"?\$\{(\w+)\[[@*]\]\}"?/g, (whole, name: string) => substitute(whole, vars.get(name)))
      // The default's own quotes are removed, as the shell does (`${ENTRYPOINT:-"-m pkg.train"}` is `-m pkg.train`).
      // The default may name another variable (`${MODEL:-"${ROOT}/models/x"}`): one level, expanded by the pass after.
      // A default may itself be a variable with a default (`${NPROC_PER_NODE:-${GPUS_PER_RUN:-4}}`,
      // `${CONFIGS:-${REPO:-$PWD}/configs}`): one level, read the same way.
      .replace(
        /\$\{(\w+):?-((?:[^{}$]|\$\{\w+\}|\$\{\w+:?-(?:[^{}$]|\$(?!\{)){0,200}\}|\$(?!\{)){0,1000})\}/g,
        (whole, name: string, def: string) =>
          substitute(
            whole,
            setValue(vars.get(name)) ??
              def
                .replace(
                  /\$\{(\w+):?-((?:[^{}$]|\$(?!\{)){0,200})\}/g,
                  (_, inner: string, innerDef: string) => vars.get(inner) ?? innerDef,
                )
                .replace(/^"([^"]*)"$|^'([^']*)'$/, '$1$2'),
          ),
      )
      .replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) =>
        substitute(whole, vars.get((a ?? b)!)),
      )
  );
}

/** How many values a `for` loop's word list has: `1 2 3`, `{1..5}`, `$(seq 3)`, `$(seq 1 5)`; null when not literal. */
function loopCount(words: string): number | null {
  const brace = /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(words.trim());
  if (brace) return Math.abs(Number(brace[2]) - Number(brace[1])) + 1;
  const seq = /^\$\(\s*seq\s+(-?\d+)(?:\s+(-?\d+))?(?:\s+(-?\d+))?\s*\)$/.exec(words.trim());
  if (seq) {
    const [first, last] =
      seq[2] === undefined
        ? [1, Number(seq[1])]
        : seq[3] === undefined
          ? [Number(seq[1]), Number(seq[2])]
          : [Number(seq[1]), Number(seq[3])];
    const step = seq[3] === undefined ? 1 : Number(seq[2]);
    return step > 0 && last >= first ? Math.floor((last - first) / step) + 1 : null;
  }
  if (/[$`*?]/.test(words)) return null;
  const list = words.trim().split(/\s+/).filter(Boolean);
  return list.length > 0 ? list.length : null;
}

/**
 * How many times a C-style loop (`for (( i=0; i<6; i=i+1 ))`) runs: a counter from a literal to a literal bound (or a
 * variable set to one) by steps of one; null for any other shape.
 */
function countedLoopCount(m: RegExpExecArray, vars: ReadonlyMap<string, string>): number | null {
  const [, counter, start, tested, compare, rawBound, rawStep] = m;
  if (tested !== counter) return null;
  const step = rawStep.replace(/\s+/g, '');
  const byOne = [
    `${counter}++`,
    `++${counter}`,
    `${counter}+=1`,
    `${counter}=${counter}+1`,
    `${counter}=$${counter}+1`,
  ];
  if (!byOne.includes(step)) return null;
  // In arithmetic a bare name is a variable too (`i<N`).
  const word = rawBound.trim();
  const bound = /^[A-Za-z_]\w*$/.test(word) ? (vars.get(word) ?? '') : expandShell(word, vars);
  if (!/^-?\d{1,9}$/.test(bound.trim())) return null;
  const count = Number(bound) - Number(start) + (compare === '<=' ? 1 : 0);
  return count > 0 ? count : null;
}

/**
 * Where the script a command runs is among its words: the first `.py` word, unless a module is run first
 * (`python3 -m openrlhf.cli.train_ppo_ray --agent_func_path f.py`: the module is the program, the file an
 * argument); launcher modules (`-m torch.distributed.run train.py`) run the script after them.
 */
function loopedScripts(
  tokens: readonly string[],
  loops: ReadonlyArray<{ name: string; words: string; detail: string }>,
): { programs: string[]; detail: string } | undefined {
  // The launcher's program word: `python $f`, `python3 "$script"` (its first positional word).
  const word = tokens.find((t, k) => k > 0 && !t.startsWith('-'));
  const name = word ? /^["']?\$\{?(\w+)\}?["']?$/.exec(word)?.[1] : undefined;
  const over = name ? loops.find((l) => l.name === name) : undefined;
  const programs = over?.words
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '\\')
    .slice(0, MAX_LOOPED_SCRIPTS);
  return over && programs && programs.length > 0 && programs.every((w) => /^[\w./-]+\.py$/.test(w))
    ? { programs, detail: over.detail }
    : undefined;
}

/** The module a line runs with `-m`/`--module` (not a launcher module), when it has a dotted or plain name. */
function moduleRun(tokens: readonly string[]): string | undefined {
  const at = tokens.findIndex((t) => t === '-m' || t === '--module');
  const name = at >= 0 ? tokens[at + 1]?.replace(/^["']|["']$/g, '') : undefined;
  if (!name || !/^[A-Za-z_]\w{0,99}(?:\.[A-Za-z_]\w{0,99}){0,10}$/.test(name)) return undefined;
  // `python -m uvicorn --port 8300 basic_hf_server:app`: the server's application module is the program.
  if (ASGI_SERVER_MODULE.test(name))
    return asgiApplicationModule(tokens.slice(at + 1))
      ?.replace(/\.py$/, '')
      .replace(/\//g, '.');
  return LAUNCHER_MODULE.test(name) ? undefined : name;
}
const LAUNCHER_MODULE = /^(?:torch\.distributed\.|accelerate\.commands\.|deepspeed\.launcher\.)/;
const ASGI_SERVER_MODULE = /^(?:uvicorn|gunicorn|hypercorn)$/;

function scriptIndex(tokens: readonly string[]): number {
  // A cloud-job launcher told which script the job runs (`python launch_on_sagemaker.py --entry-point eval/run.py`, the
  // SageMaker estimators' `entry_point`): that script is the program; the launcher only submits it.
  const entry = tokens.findIndex((t) => /^--entry[-_]?point$/.test(t));
  if (entry >= 0 && /^["']?[\w./-]+\.py["']?$/.test(tokens[entry + 1] ?? '')) return entry + 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((t === '-m' || t === '--module') && i + 1 < tokens.length) {
      if (!LAUNCHER_MODULE.test(tokens[i + 1])) return -1;
      i++;
      continue;
    }
    // Hugging Face's TPU launcher (`python xla_spawn.py --num_cores 8 finetune_trainer.py ...`, "a simple launcher
    // script for TPU training", transformers examples/xla_spawn.py) runs the script after it on every core.
    if (/(?:^|\/)xla_spawn\.py["']?$/.test(t)) continue;
    if (/\.py["']?$/.test(t) && !t.startsWith('-')) return i;
  }
  return -1;
}

/**
 * The devices a process may use, by vendor: NVIDIA CUDA, Huawei Ascend NPUs (CANN's `ASCEND_RT_VISIBLE_DEVICES`),
 * AMD ROCm (`HIP_VISIBLE_DEVICES`); also as the default of an overridable variable (`${CUDA_VISIBLE_DEVICES:-0,1}`).
 */
const VISIBLE_DEVICES = /((?:CUDA|ASCEND_RT|HIP)_VISIBLE_DEVICES)=["']?(?:\$\{\1:-)?(\d[\d,]*)/;
/** The same set on the command itself, among its environment assignments (`NNODES=2 CUDA_VISIBLE_DEVICES=0,1 swift sft`). */
const VISIBLE_DEVICES_PREFIX =
  /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*?((?:CUDA|ASCEND_RT|HIP)_VISIBLE_DEVICES)=["']?(\d[\d,]*)/;

/** LoRA switched on in a command (a `--bits 4` beside it is QLoRA's 4-bit base). */
const LORA_ON = /--(?:lora_enable|use_lora|use_peft|lora_r|lora_rank)\b(?![=\s]+["']?(?:false|0)\b)/i;
/** P-tuning v2 / prefix tuning switched on (THUDM's ptuning scripts: `--pre_seq_len 128`): trained prefixes, not LoRA. */
const PREFIX_TUNING = /--(?:pre_seq_len|prefix_projection|num_virtual_tokens)[=\s]+["']?(?:\$|[1-9])/;
/** LoRA switched off on the command line (`--peft_enable False`, `--use_lora false`). */
const LORA_OFF = /--(?:lora_enable|use_lora|use_peft|peft_enable)[=\s]+["']?(?:false|0)\b/i;
/** A model family, its version and a size, nothing else (`olmo3-7b`, `llama2_13b`, `qwen2.5-0.5B`). */
const FAMILY_AND_SIZE = /^[A-Za-z]{2,20}[\d.]{0,6}[-_]\d{1,4}(?:\.\d{1,2})?[BbMm]$/;
/** A Hub id given as the model (`--model_name_or_path org/name`): a pretrained checkpoint. */
const PRETRAINED_MODEL_FLAG =
  /--(?:model_name_or_path|model_id|model)[=\s]+["']?[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}/;
/** Where an export or conversion writes its result. */
const OUTPUT_FLAG = /--(?:output_dir|output-dir|save_dir|out_dir)[=\s]+(\S+)/g;
/** The flags that name the model a serving or inference command loads. */
const MODEL_FLAG = /^--(?:model|model_name_or_path|model_id_or_path|ckpt_dir|checkpoint_dir)$/;
/**
 * Flags that hand a program the folder of LLaMA weights it loads (LLaMA-Adapter-style `--llama_path`,
 * `--llama_model_path`, `--pretrained_path`, Meta's `example.py --ckpt_dir`), or the `params.json` inside it
 * (`--llama_config`): Meta's release layout, where the program builds the `Transformer` from that file.
 */
const LLAMA_WEIGHTS_FLAG =
  /^(?:llama_model_path|llama_path|llama_dir|llama_ckpt_dir|ckpt_dir|pretrained_path|llama_config)$/;
/** The flags of those that load weights into the model (a `--llama_config` alone only sizes it). */
const LOADS_WEIGHTS_FLAG = /^(?:llama_model_path|llama_path|llama_dir|llama_ckpt_dir|pretrained_path)$/;
/**
 * A folder named by the size alone (`/data/llama/7B`, `…/65B/params.json`): Meta's LLaMA release layout, whose
 * download script writes `${TARGET_FOLDER}/7B`, `13B`, `30B`, `65B` (github.com/facebookresearch/llama, v1
 * `download.sh` and README "--ckpt_dir $TARGET_FOLDER/$MODEL_SIZE"); other families ship Hub-style names.
 */
const LLAMA_SIZE_FOLDER = /(?:^|\/)(\d{1,3})B(?:\/(?:params\.json)?)?$/;
/** The last segment of a path as written (`./checkpoints/$V/` → `$V`). */
const lastPathSegment = (path: string) => {
  const trimmed = withoutTrailingSlashes(path);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
};
const unquote = (w: string) => withoutTrailingSlashes(w.replace(/^["']|["']$/g, ''));
/** Output folders remembered per file. */
const MAX_CONVERTED = 100;

/** Exported process-layout assignments remembered per file. */
const MAX_EXPORTED = 100;

/**
 * `cmd || error "dcgan example failed"`, `|| { echo "couldn't train"; return; }`: a command whose failure is reported
 * as a failed check. A script of several such commands (a driver running every example or test program once) runs
 * checks, not jobs; one such line in a launch script is still its run.
 */
const SMOKE_CHECK = /\|\|[ \t]*\{?[ \t]*\w+[ \t]+["'][^"'\n]{0,200}\b(?:fail|couldn't|could not)/i;
const SMOKE_CHECKS = new RegExp(SMOKE_CHECK.source, 'gi');

/** A shell function's header (`name() {`, `function name {`, `function name() {`), up to its body. */
const FUNCTION_HEADER =
  /^[ \t]*(?:function[ \t]+[A-Za-z_][\w.:-]{0,80}(?:[ \t]*\([ \t]*\))?|[A-Za-z_][\w.:-]{0,80}[ \t]*\([ \t]*\))[ \t]*\{?[ \t]*/;
/** A shell's forward of all its positional parameters (`"$@"`, `$*`, `"${@}"`). */
const ARGUMENT_FORWARD = /^["']?\$(?:[@*]|\{[@*]\})["']?;?$/;
/** The launcher's words after its name are only forwards of the caller's arguments. */
function forwardsOnlyItsArguments(words: readonly string[]): boolean {
  // A one-line function's closing `}` or `;` is not an argument.
  const rest = words.slice(1).filter((w) => !/^[;}]*$/.test(w));
  return rest.length > 0 && rest.every((w) => ARGUMENT_FORWARD.test(w));
}
const MIN_SMOKE_CHECKS = 3;

/** Launch commands read per file, and flags per command: far above real scripts, and a bound on the work per file. */
const MAX_LAUNCHES = 1000;

/** Configs read after one `--base` flag. */
const MAX_BASE_CONFIGS = 8;
/** A list flag of model configs merged in order (`--llama_config a.json b.json`, `--model_config`). */
const MODEL_CONFIGS_FLAG = /^--(?:llama|model)[_-]config$/;

/** Variables whose value names other variables, expanded per file to see whether they hold a launch command. */
const MAX_EXPANDED_VALUES = 50;
/**
 * The line without its continuation backslash when it continues onto `next`, else undefined. `--warmup_steps 500 \ `
 * (a blank after the backslash) ends the command in bash, and the flags on the lines after it would run as commands of
 * their own and fail: when the next line is such a flag, the author's evident command is read (the run as written
 * cannot start otherwise).
 */
function continuedLine(line: string, next: string): string | undefined {
  if (line.endsWith('\\')) return line.slice(0, -1);
  const trimmed = line.trimEnd();
  if (trimmed.length === line.length || !trimmed.endsWith('\\') || trimmed.endsWith('\\\\')) return undefined;
  return /^[ \t]*--?[A-Za-z]/.test(next) ? trimmed.slice(0, -1) : undefined;
}

/** A device variable set from an enclosing loop's value (`CUDA_VISIBLE_DEVICES=$IDX`) on a line sent to the background. */
const DEVICE_FROM_VARIABLE =
  /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*?(?:CUDA|ASCEND_RT|HIP)_VISIBLE_DEVICES=["']?\$\{?(\w+)\}?["']?\s/;
function devicePerLoopValue<L extends { count: number | null; name: string }>(
  logical: string,
  loops: readonly L[],
): L | undefined {
  const end = logical.trimEnd();
  if (!end.endsWith('&') || end.endsWith('&&')) return undefined;
  const name = DEVICE_FROM_VARIABLE.exec(logical)?.[1];
  const loop = name ? loops.find((l) => l.name === name) : undefined;
  return loop && loop.count !== null && loop.count >= 2 ? loop : undefined;
}
/** Whether the script defines a shell function of this name (`name() {`, `function name {`). */
function definesFunction(text: string, name: string): boolean {
  if (!/^[\w-]{1,60}$/.test(name)) return false;
  const n = name.replace(/-/g, '\\-');
  return new RegExp(`^[ \\t]*(?:function[ \\t]+${n}\\b|${n}[ \\t]*\\(\\))`, 'm').test(text);
}

/** Commands of one line looked at for copies started side by side. */
const MAX_BACKGROUND_COMMANDS = 64;
/**
 * A line that starts several copies of the same program in the background (`(trap 'kill 0' SIGINT; python train.py
 * --cuda-id 0 --rank 0 & python train.py --cuda-id 1 --rank 1 & wait)`, a pipeline-parallel trainer's hand-written
 * launch: one process per device): the first command, the number of copies and the program. Split at the shell's
 * background operator (a lone `&`, not `&&`, `&>`, `>&` or one in quotes); undefined unless two or more commands
 * launch, all the same program.
 */
function backgroundCopies(logical: string): { first: string; count: number; program: string } | undefined {
  if (!/[^&>]&(?![&>])/.test(logical)) return undefined;
  const commands: string[] = [];
  let quote = '';
  let from = 0;
  for (let k = 0; k < logical.length && commands.length < MAX_BACKGROUND_COMMANDS; k++) {
    const c = logical[k];
    if (quote) {
      if (c === quote && logical[k - 1] !== '\\') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (
      c === '&' &&
      logical[k + 1] !== '&' &&
      logical[k + 1] !== '>' &&
      logical[k - 1] !== '&' &&
      logical[k - 1] !== '>' &&
      logical[k - 1] !== '\\'
    ) {
      commands.push(logical.slice(from, k));
      from = k + 1;
    }
  }
  if (commands.length === 0) return undefined;
  commands.push(logical.slice(from));
  const launches = commands.map((c) => ({ text: c, launch: matchLauncher(c) })).filter((c) => c.launch);
  if (launches.length < 2) return undefined;
  const programOf = (words: readonly string[]) =>
    words.find((w) => /\.py["']?$/.test(w)) ?? words[words.indexOf('-m') + 1] ?? undefined;
  const programs = new Set(launches.map((c) => programOf(c.launch!.command.words)));
  const program = [...programs][0];
  if (programs.size !== 1 || !program) return undefined;
  return { first: launches[0].text, count: launches.length, program: program.replace(/^["']|["']$/g, '') };
}

/** Programs a loop's launch is linked to (`for f in a.py b.py c.py; do python $f`). */
const MAX_LOOPED_SCRIPTS = 8;
const MAX_FLAGS_PER_COMMAND = 300;
const MAX_COMMAND_LENGTH = 100_000;

const isDevices = (f: Fact) => f.kind === 'hardware.devices';
/** A launch flag naming the Cloud TPU slice the job runs on (`--tpu_type v4-32`, gcloud's `--accelerator-type=v4-32`). */
const TPU_TYPE_FLAG = /(--(?:tpu[_-]type|accelerator[_-]type))[= \t]+["']?v([2-6][a-z]?)-(\d{1,5})(?![\d-])/i;
/**
 * Generations whose slice names count TensorCores, two per chip (cloud.google.com/tpu/docs/v4: "v4-32 … 16 chips";
 * v2, v3 and v5p are named the same way); v5e and v6e slice names count chips.
 */
const CORE_NAMED_TPU = new Set(['2', '3', '4', '5p']);

/**
 * Processes per node when srun itself starts the Python program (`srun python -m pkg.train`): SLURM runs
 * `--ntasks-per-node` copies on each node (srun on the line, else the job's `#SBATCH` directive), and a program
 * started that way runs one process per accelerator (its ranks come from SLURM's environment, as in
 * open_clip's and Lightning's SLURM guides). A launcher under srun (torchrun, accelerate) starts its own
 * processes, so only plain Python is read.
 */
function srunTasksPerNode(
  launcher: string,
  prefix: string,
  sbatch: { n: number; detail: string } | undefined,
): { n: number; detail: string } | undefined {
  const at = launcher === 'python' || launcher === COMPILED_PROGRAM ? prefix.search(/(?:^|[\s;&])srun\s/) : -1;
  if (at < 0) return undefined;
  const onLine = /--ntasks-per-node[=\s]+(\d+)/.exec(prefix.slice(at))?.[1];
  if (onLine && Number(onLine) > 0) return { n: Number(onLine), detail: `srun --ntasks-per-node=${onLine}` };
  return sbatch && { n: sbatch.n, detail: `${sbatch.detail} with srun running python` };
}

/**
 * Processes mpirun starts (`mpirun -np 8 ./train_x`, `mpiexec -n 16 --host a:8,b:8 ...`; Open MPI's mpirun(1):
 * -np/-n/--np is the number of copies of the program to run): a compiled trainer binds one accelerator per rank.
 */
function mpiProcesses(prefix: string): { n: number; detail: string } | undefined {
  const at = prefix.search(/(?:^|[\s;&])(?:mpirun|mpiexec)\s/);
  if (at < 0) return undefined;
  const np = /\s(?:-np|-n|--np|-c)(?:=|[ \t]+)(\d{1,6})(?=\s|$)/.exec(prefix.slice(at));
  return np && Number(np[1]) > 0 ? { n: Number(np[1]), detail: `mpirun -np ${np[1]}` } : undefined;
}

/**
 * The GPUs `deepspeed --include localhost:0,1,2,3` runs on (DeepSpeed's launcher: `--include` is
 * `HOST:SLOT[,SLOT…][@HOST:SLOT…]`, the hosts and device slots to use): the slots of each host, when every host lists
 * as many; a host named without slots (all of its devices, a number only the machine knows) says nothing.
 */
function deepspeedIncluded(command: string): { perHost: number; hosts: number; spec: string } | undefined {
  const spec =
    /\s--include[=\s]+["']?([\w.-]{1,100}:[\d,]{1,200}(?:@[\w.-]{1,100}:[\d,]{1,200}){0,63})["']?(?=\s|$)/.exec(
      command,
    )?.[1];
  if (!spec) return undefined;
  const counts = spec.split('@').map(
    (host) =>
      new Set(
        host
          .slice(host.indexOf(':') + 1)
          .split(',')
          .filter(Boolean),
      ).size,
  );
  if (counts.some((n) => n === 0 || n !== counts[0])) return undefined;
  return { perHost: counts[0], hosts: counts.length, spec };
}

/** `make train_gpt2cu USE_CUDNN=1`, `make -j8 train test`: the targets a script builds (not `VAR=x` or options). */
function makeTargets(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*make[ \t]+([^\n#;&|]{1,500})/gm)) {
    for (const w of m[1].split(/[ \t]+/))
      if (/^[A-Za-z_][\w-]{0,80}$/.test(w) && out.size < MAX_MAKE_TARGETS) out.add(w);
  }
  return out;
}
const MAX_MAKE_TARGETS = 50;

/**
 * Nodes of an srun that starts the Python program itself: `--ntasks=512 --ntasks-per-node=8` is 64 nodes of 8
 * (SLURM srun docs: -n/--ntasks is the number of tasks to run, --ntasks-per-node those on each node), as launch
 * scripts write a job of GPUS=${GPUS:-512} processes; else srun's own `--nodes=N` / `-N N`.
 */
function srunNodes(prefix: string, perNode: number): { n: number; detail: string } | undefined {
  const at = prefix.search(/(?:^|[\s;&])srun\s/);
  if (at < 0) return undefined;
  const srun = prefix.slice(at);
  // Short options may be glued to their value (`-n32`, `-N4`), as Slurm's getopt parsing accepts.
  const tasks = Number(/(?:^|\s)(?:--ntasks(?:=|[ \t]+)|-n(?:=|[ \t]*))(\d{1,7})(?=\s|$)/.exec(srun)?.[1]);
  if (tasks > 0 && perNode > 0 && tasks % perNode === 0 && tasks > perNode)
    return { n: tasks / perNode, detail: `srun --ntasks=${tasks} over ${perNode} per node` };
  const nodes = Number(/(?:^|\s)(?:--nodes(?:=|[ \t]+)|-N(?:=|[ \t]*))(\d{1,6})(?=\s|$)/.exec(srun)?.[1]);
  return nodes > 0 ? { n: nodes, detail: `srun --nodes=${nodes}` } : undefined;
}

/** Aliases remembered per file. */
const MAX_ALIASES = 50;

/**
 * `alias s1a="srun -p ${PARTITION} -N 1 --gres=gpu:1 --cpus-per-task 10"`: a short name for a launcher's words,
 * as cluster scripts write them (bash expands aliases in scripts run with `shopt -s expand_aliases`, and such
 * scripts are as often pasted into an interactive shell, where they always are).
 */
function shellAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  if (!text.includes('alias')) return aliases;
  for (const m of text.matchAll(/^[ \t]*alias[ \t]+([\w.-]{1,100})=(?:"([^"\n]{0,1000})"|'([^'\n]{0,1000})')/gm)) {
    if (aliases.size >= MAX_ALIASES) break;
    aliases.set(m[1], m[2] ?? m[3]);
  }
  return aliases;
}

/** Where a `cd ARG` moves, relative to the script's folder, when the script says (see the cases below). */
function folderAfterCd(arg: string, vars: ReadonlyMap<string, string>, path: string | undefined): string | undefined {
  const folder = evaluateFolderValue(arg, (name) => vars.get(name), placeOf(path));
  if (folder !== undefined && /^[\w.][\w./-]{0,299}$/.test(folder)) return folder;
  return (folder !== undefined ? checkoutFolder(folder, placeOf(path)) : undefined) ?? namedFolderOfUnknownPath(arg);
}

/**
 * Where the `cd DIR` commands before a launch moved it (`...; cd $EVAL_DIR/scripts; bash run.sh`): each relative `cd`
 * from where the one before it went (`cd examples/eval`, `cd latex2sympy`, `cd ..` is examples/eval), an absolute or
 * variable one from scratch; after a `cd` to a folder that cannot be named, the relative ones after it cannot be either.
 */
function cdBefore(prefix: string, vars: ReadonlyMap<string, string>, path: string | undefined): string | undefined {
  if (prefix.length > MAX_PREFIX_FOR_CD || !/\bcd\s/.test(prefix)) return undefined;
  let place: CdPlace = { folder: undefined, moved: false };
  for (const m of prefix.matchAll(/(?:^|[;&\n"'(]|&&)[ \t]*cd[ \t]+([^;&|<>\n"'`]{1,300}?)[ \t]*(?=;|&&|\n|$)/g))
    place = afterCd(place, m[1], vars, path);
  return place.folder;
}

/** Where a script's `cd`s have taken it so far: the folder (undefined when it cannot be named) and whether any moved. */
interface CdPlace {
  readonly folder: string | undefined;
  readonly moved: boolean;
}

/**
 * The place after one more `cd ARG`: a relative one moves on from where the one before went (`cd examples/eval`, `cd
 * latex2sympy`, `cd ..` is examples/eval), an absolute or variable one starts afresh; after a folder that cannot be
 * named, a relative `cd` cannot be either.
 */
function afterCd(place: CdPlace, arg: string, vars: ReadonlyMap<string, string>, path: string | undefined): CdPlace {
  const next = folderAfterCd(arg, vars, path);
  const relative = next !== undefined && /^[\w.][\w./-]{0,299}$/.test(withoutQuotes(arg.trim()));
  if (!relative || !place.moved) return { folder: next, moved: true };
  return { folder: place.folder === undefined ? undefined : joinFolders(place.folder, next), moved: true };
}
/** `a/b` then `../c` is `a/c`; `.` for where it started; leading `..` kept (a folder above the script's). */
function joinFolders(from: string, to: string): string {
  const out: string[] = [];
  for (const part of `${from}/${to}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.length === 0 ? '.' : out.join('/');
}
/** A launch's prefix longer than this is not searched for a `cd` (a real one is a line or two). */
const MAX_PREFIX_FOR_CD = 4000;

/**
 * `cd /mnt/bn/me/Vim/det` in det/scripts/ft.sh: an absolute path into the checkout on the machine the job ran on. The
 * folder of that name among the script's own (up to MAX_CHECKOUT_LEVELS above it) is where it went, relative to the
 * script's folder (`..` here); another name, or a path that is not a plain folder, is a folder the script cannot name.
 */
function checkoutFolder(folder: string, place: ScriptPlace | undefined): string | undefined {
  if (!place || !/^\/[\w./-]{1,299}$/.test(folder) || folder.includes('..')) return undefined;
  const last = folder.split('/').filter(Boolean).pop();
  for (let up = 1; last && up <= Math.min(MAX_CHECKOUT_LEVELS, place.folders.length); up++)
    if (place.folders[place.folders.length - up] === last)
      return up === 1
        ? '.'
        : Array(up - 1)
            .fill('..')
            .join('/');
  return undefined;
}
const MAX_CHECKOUT_LEVELS = 3;

/**
 * `cd $EVAL_DIR/scripts` (a folder written under one the script cannot name): the folder's own name, so the
 * programs run there are looked for in a folder of that name near the script (analyze.ts linkCandidates:
 * `eval/scripts/run.sh` for `eval/slurm/job.slurm`). Undefined for a path written without a variable before its last
 * folder (an absolute path is the checkout's only when checkoutFolder says so), or that ends in a variable.
 */
function namedFolderOfUnknownPath(written: string): string | undefined {
  const parts = written.replace(/["']/g, '').trim().split('/');
  if (parts.length < 2 || parts.length > 40) return undefined;
  const last = parts[parts.length - 1];
  if (!/^[A-Za-z_][\w-]{0,80}$/.test(last)) return undefined;
  return parts.slice(0, -1).join('/').includes('$') ? last : undefined;
}
/** A config flag's word longer than this is not expanded (a path is short; a pathological word is not read). */
const MAX_FLAG_WORD = 400;

/** `-c`, `-cfg`: the single-dash aliases programs give their config flag (`add_argument('--config', '-cfg')`). */
export const SHORT_CONFIG_FLAG = /^-(?:c|cfg|cf|conf)$/;

/** `configs/ms1mv3_r50`, `tools/configs/x`: a word naming a module in a configs folder, with no extension. */
const CONFIG_MODULE_WORD = /^(?:[\w.-]{1,100}\/){0,5}configs\/[A-Za-z_][\w-]{0,100}$/;

/**
 * The first word after the program (within MAX_POSITIONAL_LOOK words) that names a Python config file in a folder,
 * its variables filled in, when the word before it is not a flag (`--deepspeed ds.json` hands the flag its file): a word after a flag's
 * value is positional.
 */
function positionalConfig(
  tokens: readonly string[],
  scriptAt: number,
  vars: ReadonlyMap<string, string>,
  yaml = false,
): string | undefined {
  for (let k = scriptAt + 2; k < tokens.length && k <= scriptAt + MAX_POSITIONAL_LOOK; k++) {
    if (tokens[k - 1].startsWith('-') || tokens[k].startsWith('-')) continue;
    const word =
      tokens[k].length <= MAX_FLAG_WORD && tokens[k].includes('$') ? expandShell(tokens[k], vars) : tokens[k];
    // A Python config in a folder (OpenMMLab's are): a YAML or JSON word there may be one item of a flag's list.
    const file = /^["']?([^\s"'$=]+\/[^\s"'$=/]+\.py)["']?$/.exec(word)?.[1];
    if (file) return file;
    // Among positional words only (no flag before the first): a YAML file is the program's config argument.
    const config = yaml ? /^["']?([^\s"'$=-][^\s"'$=]*\.ya?ml)["']?$/.exec(word)?.[1] : undefined;
    if (config) return config;
  }
  return undefined;
}
const MAX_POSITIONAL_LOOK = 12;

/**
 * The first positional word after the program (before any flag) that is a folder path whose last part names a model
 * of a stated size (`/media/models/chatglm3-6b`): no variable, no file extension.
 */
function positionalModelFolder(
  tokens: readonly string[],
  scriptAt: number,
): { word: string; name: string } | undefined {
  for (let k = scriptAt + 1; k < tokens.length && k <= scriptAt + MAX_POSITIONAL_LOOK; k++) {
    const word = withoutQuotes(tokens[k]);
    if (word.startsWith('-')) return undefined;
    if (word.includes('$') || !word.includes('/') || word.length > MAX_FLAG_WORD) continue;
    const name = word.replace(/\/+$/, '').split('/').pop() ?? '';
    if (/\.[A-Za-z]{1,10}$/.test(name) || !/^[A-Za-z][\w.-]{1,80}$/.test(name)) continue;
    if (sizeFromModelName(name)) return { word, name };
  }
  return undefined;
}

/** A flag that hands a program the weights file it starts from (`--checkpoint`, `--init_ckpt`, `--ckpt_path`). */
const CHECKPOINT_FLAG = /^--(?:\w{1,20}[_-])?(?:checkpoint|ckpt)(?:[_-](?:path|file))?$/;

/**
 * A checkpoint flag's value (variables the script sets expanded) that is a weights file in a folder whose name states
 * a model's size (`../pretrained_models/CosyVoice-300M/llm.pt`): that folder's name. The file itself may still hold
 * a variable (`$model.pt`, one of a loop's parts).
 */
function checkpointModelFolder(
  tokens: readonly string[],
  scriptAt: number,
  vars: ReadonlyMap<string, string>,
): { flag: string; word: string; name: string } | undefined {
  for (let k = scriptAt + 1; k + 1 < tokens.length && k <= scriptAt + MAX_FLAG_LOOK; k++) {
    const [flag, inline] = tokens[k].split('=', 2);
    if (!CHECKPOINT_FLAG.test(flag)) continue;
    const written = withoutQuotes(inline ?? tokens[k + 1]);
    if (written.length > MAX_FLAG_WORD) return undefined;
    const word = written.includes('$') ? expandShell(written, vars) : written;
    const parts = word.split('/');
    if (parts.length < 2 || !/\.(?:pt|pth|ckpt|bin|safetensors)$/i.test(parts[parts.length - 1])) return undefined;
    const name = parts[parts.length - 2];
    if (!/^[A-Za-z][\w.-]{1,80}$/.test(name) || !sizeFromModelName(name)) return undefined;
    return { flag: flag.slice(2), word: written, name };
  }
  return undefined;
}
const MAX_FLAG_LOOK = 80;
const CHECKPOINT_FOLDER_DETAIL = 'a checkpoint in a folder named for a model';

/** The script's file name and folders, from its path (a run named after its folder reads that name). */
function placeOf(path: string | undefined): ScriptPlace | undefined {
  if (!path) return undefined;
  const parts = path.split(/[\\/]/).filter(Boolean);
  const file = parts.pop();
  return file ? { file, folders: parts } : undefined;
}

/** `positional`: the words a calling script hands this one (its `$1`, `$2`, …; scriptCall.ts). */
export function extractShellFacts(text: string, path?: string, positional?: readonly string[]): Fact[] {
  const facts: Fact[] = [];
  const lines = text.split(/\r?\n/);
  const place = placeOf(path);
  const vars = shellVariables(text, place, positional);
  const chosen = commentedModelChoice(text, vars);
  const aliases = shellAliases(text);
  let launches = 0;
  let expandedLooks = 0;
  // The folder a standalone `cd` moved to, relative to the script's, when the script says which.
  let workDir: string | undefined;
  let cdPlace: CdPlace = { folder: undefined, moved: false };
  // A file the launch names relative to where the script has cd'd (as the program it runs).
  const inWorkDir = (file: string) =>
    workDir && workDir !== '.' && !file.startsWith('/') && !file.includes('$')
      ? `${withoutTrailingSlashes(workDir)}/${file}`
      : file;
  // The programs `make <target>` builds here, found once when a compiled program's launch is first seen.
  let builtHere: Set<string> | undefined;
  const smokeDriver = (text.match(SMOKE_CHECKS) ?? []).length >= MIN_SMOKE_CHECKS;
  // Variables whose value is a launch command (`LAUNCHER="accelerate launch ..."`), found once.
  // A command assembled from other variables (`run_cmd="$environs python train.py ..."` then `eval ${run_cmd}`) is one
  // once they are expanded: only values naming a variable are expanded to look, and only so many per file.
  let expandedValues = 0;
  const launcherVariables = new Set(
    [...vars]
      .filter(
        ([, v]) =>
          matchLauncher(v) !== undefined ||
          (v.includes('$') &&
            ++expandedValues <= MAX_EXPANDED_VALUES &&
            matchLauncher(expandShell(v, vars)) !== undefined),
      )
      .map(([k]) => k),
  );
  // Where CUDA_VISIBLE_DEVICES is first set, found once (not re-joined and re-searched for every launch line).
  const visibleLine = lines.findIndex((l) => VISIBLE_DEVICES.test(l));
  // Process-layout variables exported for a launcher that reads them from the environment (ms-swift's and
  // LLaMA-Factory's CLIs hand NPROC_PER_NODE/NNODES/NODE_RANK to torchrun), with where they are set.
  const exported: Array<{ line: number; assignment: string }> = [];
  // Every variable an `export` line hands the programs launched after it, with its literal value (none when the
  // value is not a plain word): a program reading it from its environment (tinygrad's `getenv("GPUS", 1)`) gets it.
  const environment: Array<{ line: number; name: string; value: string | undefined }> = [];
  lines.forEach((l, at) => {
    const m = /^[ \t]*export[ \t]+((?:NPROC_PER_NODE|NNODES|NODE_RANK)=[^\s;#]+)/.exec(l);
    if (m && exported.length < MAX_EXPORTED) exported.push({ line: at, assignment: expandShell(m[1], vars) });
    if (environment.length < MAX_EXPORTED && /^[ \t]*export[ \t]/.test(l))
      for (const [name, value] of environmentAssignments(l.replace(/^[ \t]*export[ \t]+/, '')))
        if (environment.length < MAX_EXPORTED) environment.push({ line: at, name, value: plainValue(value, vars) });
  });
  // The next `done` at or after each line, in one backward pass (not searched again for every launch).
  const nextDone = new Int32Array(lines.length + 1).fill(-1);
  for (let l = lines.length - 1; l >= 0; l--) nextDone[l] = /^\s*done\b/.test(lines[l]) ? l : nextDone[l + 1];
  // Where a flag or a variable's value is written, looked up once per name or value.
  const flagLines = new Map<string, number | undefined>();
  const valueLines = new Map<string, number | undefined>();
  // Folders written by commands that run no workload (exports, merges, conversions), by their --output_dir.
  const converted = new Set<string>();
  // `for seed in 1 2 3; do ... done` around a launch: one run per value.
  const loops: Array<{ count: number | null; startLine: number; detail: string; name: string; words: string }> = [];
  // `#SBATCH --ntasks-per-node=N`: the processes srun starts per node, read when srun runs Python directly.
  let tasksPerNode: { n: number; detail: string } | undefined;
  // Devices and nodes stated before the current launch (its `#SBATCH` lines, earlier launches), read by a cursor that
  // looks at each fact once: those facts are final when the next launch starts, and asking `facts.some` for every
  // launch was quadratic in a script (or notebook) of many launch lines.
  const stated = { upTo: 0, devices: false, nodes: false };
  const statedBefore = (end: number) => {
    for (; stated.upTo < end; stated.upTo++) {
      const kind = facts[stated.upTo].kind;
      // A count a comment gives one launch (devicesInCommentAbove) is that launch's own.
      if (kind === 'hardware.devices' && !facts[stated.upTo].detail.startsWith(COMMENT_DEVICES)) stated.devices = true;
      else if (kind === 'hardware.nodes') stated.nodes = true;
    }
    return { devices: stated.devices, nodes: stated.nodes };
  };
  // Join backslash continuations, remembering where each logical line starts.
  for (let i = 0; i < lines.length; i++) {
    // Greedy and unambiguous (`\s*` after a lazy group re-scanned every run of spaces: quadratic in a long line).
    const loop = /^\s*for\s+(\w+)\s+in\b([^;]*)(?:;\s*do\b|$)/.exec(lines[i]);
    if (loop) {
      const words = expandShell(loop[2], vars);
      loops.push({
        count: loopCount(words),
        startLine: i,
        detail: `for ${loop[1]} in ${loop[2].trim()}`,
        name: loop[1],
        words,
      });
      continue;
    }
    // `for (( i=0; i<6; i++ )); do`: C-style, one run per value of the counter.
    const counted =
      /^\s*for\s*\(\(\s*(\w+)\s*=\s*(-?\d{1,9})\s*;\s*(\w+)\s*(<=?)\s*([^;()]{1,60});\s*([^;()]{1,60})\)\)\s*(?:;?\s*do\b|$)/.exec(
        lines[i],
      );
    if (counted) {
      loops.push({
        count: countedLoopCount(counted, vars),
        startLine: i,
        detail: `for (( ${counted[1]}=${counted[2]}; ${counted[3]}${counted[4]}${counted[5].trim()}; ${counted[6].trim()} ))`,
        name: counted[1],
        words: '',
      });
      continue;
    }
    if (/^\s*done\b/.test(lines[i])) {
      loops.pop();
      continue;
    }
    const startLine = i;
    // Continued lines are joined once at the end: re-slicing the growing string per line was quadratic.
    const parts = [lines[i]];
    // A comment ends at its line in bash, backslash or not: `# torchrun ... \` kept above the live command (an
    // alternative commented out) does not swallow the command under it.
    const comment = /^[ \t]*#/.test(lines[i]);
    while (!comment && i + 1 < lines.length) {
      const joined = continuedLine(parts[parts.length - 1], lines[i + 1]);
      if (joined === undefined) break;
      parts[parts.length - 1] = joined;
      parts.push(lines[++i]);
    }
    let logical = parts.join(' ');
    // `alias s1a="srun -p X -N 1 --gres=gpu:1"` then `s1a python train.py`: the alias's words start the command.
    if (aliases.size > 0) {
      const first = /^[ \t]*([\w.-]{1,100})(?=[ \t])/.exec(logical);
      const value = first ? aliases.get(first[1]) : undefined;
      if (first && value !== undefined) logical = `${value}${logical.slice(first[0].length)}`;
    }
    // Each flag is looked for in the command: a command is read up to this length (real ones are a few KB).
    if (logical.length > MAX_COMMAND_LENGTH) logical = logical.slice(0, MAX_COMMAND_LENGTH);
    const range = { startLine, startCol: 0, endLine: i, endCol: lines[i].length };
    const add = (kind: FactKind, value: Fact['value'], detail: string) =>
      facts.push({ kind, value, range, confidence: 'high', detail });

    const sbatch = /^#SBATCH\s+(.*)$/.exec(logical.trim());
    if (sbatch) {
      const read = readSlurmOptions(sbatch[1], add);
      if (read.tasksPerNode !== undefined)
        tasksPerNode = { n: read.tasksPerNode, detail: `#SBATCH --ntasks-per-node=${read.tasksPerNode}` };
      continue;
    }
    if (logical.trim().startsWith('#')) continue;
    // `sbatch --nodes=4 --gpus-per-node=8 ... --wrap="srun python train.py ..."`: sbatch writes the string into a
    // job script of its own and submits it (slurm.schedmd.com/sbatch.html, --wrap): the command runs in the job with
    // the resources the command line asks for, as a job script's launch line runs under its #SBATCH directives.
    const wrap = SBATCH_WRAP.exec(logical);
    if (wrap) {
      const read = readSlurmOptions(wrap[1], add, 'sbatch ');
      if (read.tasksPerNode !== undefined)
        tasksPerNode = { n: read.tasksPerNode, detail: `sbatch --ntasks-per-node=${read.tasksPerNode}` };
      logical = wrap[2] ?? wrap[3] ?? '';
    }
    // `cd "$(dirname "${BASH_SOURCE[0]}")/../sft/"` (or `cd ../sft`) on a line of its own: the programs launched after
    // it are in that folder, relative to the script's (a folder the script cannot name, `cd $WORK`, is unknown).
    const cd = CHANGE_DIRECTORY.exec(logical);
    if (cd) {
      // `cd examples/eval` … `cd latex2sympy` … `cd ..`: a relative cd moves on from the folder the one before went to.
      cdPlace = afterCd(cdPlace, cd[1], vars, path);
      workDir = cdPlace.folder;
      continue;
    }
    // `echo parlai train_model ... >> ${SCRIPT}`: a sweep writing the command into the job script it submits; the
    // command runs when that script does, so it is read as written there.
    const intoScript = WRITTEN_INTO_SCRIPT.exec(logical);
    if (intoScript && matchLauncher(intoScript[1])) logical = intoScript[1];
    // `echo $CMD`: the command is printed (its `&&` are words then), not run.
    else if (/^\s*(?:echo|printf)\s/.test(logical) && !/&&|\|\||;/.test(logical)) continue;
    // `eval "$CMD"` runs the command the variable holds as `eval $CMD` does (the quotes keep its words together for
    // eval, which splits them again).
    // `eval "$header" "$training_args"`: each quoted variable so (eval joins its arguments with spaces).
    logical = logical.replace(
      EVAL_QUOTED_VARIABLES,
      (_all, head: string, words: string) => head + words.replace(/"(\$\{?\w{1,64}\}?)"/g, '$1'),
    );
    // `SEED="$seed" "$TORCHRUN_BIN" --standalone …` with `TORCHRUN_BIN="${TORCHRUN_BIN:-torchrun}"`: the launcher is a
    // variable quoted as one word at the command's head (after any environment assignments), read as its value.
    logical = logical.replace(COMMAND_VARIABLE_QUOTED, '$1$2');
    // `sh $(dirname "$0")/run_g.sh --epochs 8`: a script beside this one, named through the script's own folder.
    logical = logical.replace(SCRIPT_FOLDER_PREFIX, './');
    // `python() {`, `function train {`: a function's header names it, it runs nothing (a one-line body still can).
    logical = logical.replace(FUNCTION_HEADER, '');
    if (logical.trim() === '') continue;
    // `python train.py --rank 0 & python train.py --rank 1 & ... wait`: copies of one program started side by side,
    // one per device, are one job; its first command is read, the copies are its processes.
    const copies = backgroundCopies(logical);
    if (copies) logical = copies.first;
    // A launch held in variables (`srun $SRUN_ARGS bash -c "$LAUNCHER $CMD"`) shows once they are expanded:
    // only lines naming a variable that holds a launcher are expanded to look, and only so many per file.
    // `PORT=$(expr $RANDOM + 1000) srun … bash train.sh` (in a job's here-document, `PORT=\$(…)`): a value the
    // shell computes before the command; its spaces are no command's words.
    logical = logical.replace(COMPUTED_ASSIGNMENT, (_m, name: string) => `${name}=computed `);
    if (!matchLauncher(logical)) {
      if (!logical.includes('$')) continue;
      // Or a command that starts with a variable (`${LAUNCH_SCRIPT} ${PRETRAIN_EXE} ...`, the program chosen above).
      const named =
        COMMAND_IS_VARIABLE.test(logical) ||
        // `bash ${ROOT_DIR}/eval.sh …`: a script under a folder the script set (SCRIPT_CALL reads literal paths).
        SCRIPT_UNDER_VARIABLE.test(logical) ||
        [...logical.matchAll(/\$\{?(\w+)/g)].some((m) => launcherVariables.has(m[1]));
      if (!named || ++expandedLooks > MAX_LAUNCHES || !matchLauncher(expandShell(logical, vars))) continue;
    }
    if (++launches > MAX_LAUNCHES) continue;
    const swept = readSweptValues(logical, loops, vars);
    logical = swept.text;
    const written = logical;
    // `python -m main --print-schema > openapi.json`: a file the output is written to is no argument of the program.
    logical = expandShell(logical, vars)
      .replace(SCRIPT_FOLDER_PREFIX, './')
      .replace(OUTPUT_REDIRECTION, '')
      .replace(GROUPED_FLAG_NUMBER, (_m, flag: string, n: string) => flag + n.replace(/_/g, ''));
    const launch = matchLauncher(logical);
    if (!launch) continue;
    // A command defined as a function of this script (`train() { python3 train.py "$@"; }` then `train --epochs 3`) is
    // no package's console script: its body's launch is the run.
    if (launch.launcher.name === CONSOLE_SCRIPT && definesFunction(text, launch.command.words[0])) continue;
    // A program run by its path is a compiled trainer only where this script builds it (`make train_x`).
    if (launch.launcher.name === COMPILED_PROGRAM && !(builtHere ??= makeTargets(text)).has(launch.value)) continue;
    // A smoke-test driver: each program is run to see that it does not fail (`uv run main.py --epochs 1 ||
    // error "mnist example failed"`), a check of the code, not a run of a job.
    if (smokeDriver && SMOKE_CHECK.test(logical)) continue;
    // `python() { command python3 "$@"; }`, `torchrun "$@"`: the interpreter or launcher run on whatever its caller
    // passes, a stand-in for the command (an alias in a helper library), not a job: no program is named.
    if (launch.launcher.runs === 'script' && forwardsOnlyItsArguments(launch.command.words)) continue;
    const launchStart = facts.length;
    // Where the launch runs: the folder a `cd` line moved to, or one among the commands before it on its line.
    const launchFolder = workDir ?? cdBefore(launch.command.prefix, vars, path);
    const earlier = statedBefore(launchStart);
    const consumed = new Set<string>();
    // Launcher settings exported earlier in the script (`export NPROC_PER_NODE=4`) apply as if written before the command.
    const exportedBefore = exported
      .filter((e) => e.line < startLine)
      .map((e) => `${e.assignment} `)
      .join('');
    const command = exportedBefore
      ? { ...launch.command, prefix: exportedBefore + launch.command.prefix }
      : launch.command;
    const starts = launch.launcher.read?.(command, {
      consume: (...flags) => flags.forEach((f) => consumed.add(f)),
      add: (kind, value, detail, confidence = 'high', word, link) => {
        // An override or subcommand on a continued line points at that line.
        let at = range;
        if (word)
          for (let l = startLine; l <= i; l++)
            if (lines[l].includes(word)) at = { startLine: l, startCol: 0, endLine: l, endCol: lines[l].length };
        // A model named through a variable (`vllm serve "$MODEL"`, `MODEL=${MODEL:-org/name}`): where it is written.
        const origin =
          kind === 'model.id' && typeof value === 'string' ? lineOfVariableValue(lines, vars, value) : undefined;
        facts.push({
          kind,
          value,
          range: at,
          confidence,
          detail,
          ...(origin !== undefined ? { originLine: origin } : {}),
          ...link,
        });
      },
    });
    if (starts === 'no-run') {
      // `tune download`, `litgpt evaluate`, `llamafactory-cli export`: not a run. What it writes is remembered.
      facts.length = launchStart;
      for (const m of logical.matchAll(OUTPUT_FLAG)) if (converted.size < MAX_CONVERTED) converted.add(unquote(m[1]));
      continue;
    }
    // `cd $EVAL_DIR/scripts` then `bash run_benchmark.sh`: the script run is in the folder the line runs in, as a
    // program is (below).
    const movedTo = launch.launcher.name === 'bash' ? launchFolder : undefined;
    if (movedTo && movedTo !== '.')
      for (let k = launchStart; k < facts.length; k++) {
        const f = facts[k];
        if (f.kind !== 'link.script' || typeof f.value !== 'string' || /^[/$~]/.test(f.value) || f.value.includes('$'))
          continue;
        facts[k] = {
          ...f,
          value: `${withoutTrailingSlashes(movedTo)}/${f.value}`,
          detail: `${f.detail} in ${movedTo}`,
        };
      }
    // `swift export --merge_lora ... --output_dir out/merged` then `swift infer --model out/merged`: serving what a
    // conversion step of this script just wrote checks that step (merged, quantised weights); it is no run of its own.
    if (
      converted.size > 0 &&
      launch.command.words.some(
        (w, k) => MODEL_FLAG.test(w) && converted.has(unquote(launch.command.words[k + 1] ?? '')),
      )
    ) {
      facts.length = launchStart;
      continue;
    }
    const own = facts.splice(launchStart);
    const visible =
      VISIBLE_DEVICES_PREFIX.exec(logical) ??
      (visibleLine >= 0 && visibleLine < startLine ? VISIBLE_DEVICES.exec(lines[visibleLine]) : null);
    // mpirun's ranks of a compiled trainer are the job's processes on all hosts (CUDA_VISIBLE_DEVICES is one host's).
    // So are those of `mpiexec -n 8 python train.py`: MPI-distributed Python trainers bind one GPU per rank
    // (Horovod's "one GPU per process", horovod.readthedocs.io/en/stable/running_include.html; guided-diffusion's
    // dist_util.setup_dist sets CUDA_VISIBLE_DEVICES from the MPI rank).
    const ranks =
      launch.launcher.name === COMPILED_PROGRAM || launch.launcher.name === 'python'
        ? mpiProcesses(launch.command.prefix)
        : undefined;
    // `for IDX in {0..7}; do CUDA_VISIBLE_DEVICES=$IDX python eval.py --chunk-idx $IDX &`: the loop starts its
    // processes side by side, one device each; together they are one job on that many devices, not N runs.
    const spread = visible ? undefined : devicePerLoopValue(logical, loops);
    // `WORLD_SIZE=1 RANK=0 LOCAL_RANK=0 python train.py`: a single process told it is the whole world (the
    // torch.distributed environment a program reads when no launcher sets it): that many processes, one device each.
    const world =
      launch.launcher.name === 'python' ? /(?:^|\s)WORLD_SIZE=["']?(\d{1,4})["']?\s/.exec(launch.command.prefix) : null;
    // `LOCAL_WORLD_SIZE=8 deepspeed --hostfile hostfile train.py`: the processes per node the script says the
    // launcher starts (the torch.distributed variable for the processes of one node; `deepspeed --hostfile` with no
    // --num_gpus uses every device a host has, which only this says).
    const localWorld =
      launch.launcher.name === 'python'
        ? null
        : /(?:^|\s)LOCAL_WORLD_SIZE=["']?([1-9]\d{0,3})["']?\s/.exec(launch.command.prefix);
    if (ranks) add('hardware.devices', ranks.n, ranks.detail);
    else if (world && Number(world[1]) > 0 && !visible && !spread)
      add('hardware.devices', Number(world[1]), `WORLD_SIZE=${world[1]} on the command`);
    else if (spread) add('hardware.devices', spread.count, `${spread.detail}, one device per process`);
    // A process count the launcher is given (`--nproc_per_node=${GPUS_PER_NODE}` with GPUS_PER_NODE=1) is what runs:
    // the visible devices only bound it (OFA's speech scripts make eight visible and start one process).
    else if (visible && !launcherProcessCount(logical, vars))
      add('hardware.devices', visible[2].split(',').filter(Boolean).length, `${visible[1]}=${visible[2]}`);
    else if (localWorld && !own.some(isDevices))
      add('hardware.devices', Number(localWorld[1]), `LOCAL_WORLD_SIZE=${localWorld[1]} on the command`);
    else {
      const perNode = srunTasksPerNode(launch.launcher.name, launch.command.prefix, tasksPerNode);
      if (perNode && !earlier.devices && !own.some(isDevices)) {
        add('hardware.devices', perNode.n, perNode.detail);
        const nodes = srunNodes(launch.command.prefix, perNode.n);
        if (nodes && !earlier.nodes) add('hardware.nodes', nodes.n, nodes.detail);
      } else if (!perNode && !earlier.devices && !own.some(isDevices) && TPU_TYPE_FLAG.test(logical)) {
        // `python infra/launch.py --tpu_type v4-32 -- python -m pkg.train`, `gcloud ... --accelerator-type=v4-32`.
        const m = TPU_TYPE_FLAG.exec(logical)!;
        const gen = m[2].toLowerCase();
        const chips = CORE_NAMED_TPU.has(gen) ? Number(m[3]) / 2 : Number(m[3]);
        if (Number.isInteger(chips) && chips > 0) {
          add('hardware.accelerator', `tpu-v${gen}`, `${m[1]} v${m[2]}-${m[3]}`);
          add('hardware.devices', chips, `${m[1]} v${m[2]}-${m[3]}: ${chips} chips`);
        }
      } else if (!perNode && !earlier.devices && !own.some(isDevices)) {
        // `srun --gres=gpu:3090:4 ... bash run.sh python train.py`: the job step's own resource options, as an
        // `#SBATCH` directive would give them (srun takes the same --gres/--gpus options: slurm.schedmd.com/srun.html).
        const at = launch.command.prefix.search(/(?:^|[\s;&])srun\s/);
        if (at >= 0)
          readSlurmOptions(
            launch.command.prefix.slice(at),
            (kind, value, detail) => {
              // The step's node count too, when nothing else in the script states one (`srun --nodes=2 … ./job.sh`).
              if (
                kind === 'hardware.devices' ||
                kind === 'hardware.accelerator' ||
                (kind === 'hardware.nodes' &&
                  !facts.some((f) => f.kind === 'hardware.nodes') &&
                  !own.some((f) => f.kind === 'hardware.nodes'))
              )
                add(kind, value, detail);
            },
            'srun ',
          );
      }
    }
    if (!own.some((f) => f.kind === 'launch.inference'))
      add('launch.trainer', launch.value, `launch command: ${logical.trim().replace(/\s+/g, ' ').slice(0, 60)}`);
    facts.push(...own);
    // `--peft_enable False --model_name_or_path org/name`: the program's adapters are switched off, so a LoraConfig
    // it builds only under that switch does not make the run LoRA; all weights of the checkpoint train.
    const loraOff = LORA_OFF.exec(logical);
    if (loraOff && PRETRAINED_MODEL_FLAG.test(logical))
      facts.push({
        kind: 'training.mode',
        value: 'finetune',
        range,
        confidence: 'medium',
        detail: `${loraOff[0].trim()}: no adapters, the pretrained model's weights train`,
      });
    // `--finetune --vq-ckpt ./pretrained_models/vq_ds16.pt`: the program's own switch that says the run fine-tunes,
    // with the weights file it starts from on the same line (LlamaGen's tokenizer fine-tuning: without the switch the
    // same checkpoint flag resumes the run).
    const fineTuneSwitch = FINE_TUNE_SWITCH.exec(logical);
    const startsFrom = fineTuneSwitch ? WEIGHTS_FILE_FLAG.exec(logical) : null;
    if (fineTuneSwitch && startsFrom && !facts.some((f) => f.kind === 'training.mode'))
      facts.push({
        kind: 'training.mode',
        value: 'finetune',
        range,
        confidence: 'medium',
        detail: `${fineTuneSwitch[1]} with ${startsFrom[1]} ${startsFrom[2]}: fine-tunes the weights it is given`,
      });
    const startsFromWeights = pretrainedStartDetail(logical);
    if (startsFromWeights && !facts.slice(launchStart).some((f) => f.kind === 'model.fromScratch'))
      facts.push({ kind: 'model.fromScratch', value: false, range, confidence: 'medium', detail: startsFromWeights });
    // `--train-iters 0 --test-data ...` (Megatron-LM and SwissArmyTransformer training programs): no training
    // iteration runs, the program only evaluates the loaded checkpoint (their `--strict-eval`/test split).
    const noIters = /--train[-_]iters[=\s]+["']?0["']?(?=\s|$)/.exec(logical);
    if (noIters)
      facts.push({
        kind: 'training.mode',
        value: 'inference',
        range,
        confidence: 'high',
        detail: `${noIters[0].trim()}: no training iteration, the checkpoint is only evaluated`,
      });
    const repeats = loops.filter((l) => l !== spread && l.count !== null && l.count >= 2);
    if (repeats.length > 0) {
      const count = repeats.reduce((n, l) => n * (l.count as number), 1);
      const end = nextDone[i + 1];
      facts.push({
        kind: 'launch.repeat',
        value: count,
        range: { startLine: repeats[0].startLine, startCol: 0, endLine: end >= 0 ? end : i, endCol: 0 },
        confidence: 'high',
        detail: `${repeats.map((l) => l.detail).join(', ')}: ${count} runs${
          swept.notes.length > 0 ? `, each read with ${swept.notes.join(', ')}` : ''
        }`,
      });
    }
    // The script it runs, and the config files it names: linked so their facts join the run.
    const tokens = launch.command.words;
    const scriptAt = starts === 'own-links' ? -1 : scriptIndex(tokens);
    // `for f in a.py b.py; do python $f ...`: the loop's programs are the scripts the line runs.
    const looped = starts === 'own-links' || scriptAt >= 0 ? undefined : loopedScripts(tokens, loops);
    if (looped)
      for (const program of looped.programs) add('link.script', program, `runs ${program} (${looped.detail})`);
    // `torchrun -m pkg.sub.mod`, `python -m pkg.mod`, `deepspeed --module pkg.mod`: the module's file in the
    // repository (`pkg/sub/mod.py`, or the package's `pkg/sub/mod/__main__.py`: analyze.ts linkCandidates). Low
    // confidence: an installed package's module is not in the repository, and that is no problem to report.
    const module = starts === 'own-links' || scriptAt >= 0 || looped ? undefined : moduleRun(tokens);
    // After `cd ./Coding/livecodebench/LiveCodeBench-main` the module is that folder's package (Python puts the
    // working folder first on its path for `-m`).
    const moduleFolder = module ? launchFolder : undefined;
    // A folder above the script's alone (`cd ..`) is where the root's modules are found anyway; one named below it
    // (`pushd "$here/../../backend"`) is where this module is.
    const inModuleFolder =
      moduleFolder && moduleFolder !== '.' && !/^(?:\.\.\/?)+$/.test(moduleFolder) ? moduleFolder : undefined;
    if (module)
      facts.push({
        kind: 'link.script',
        value: `${inModuleFolder ? `${withoutTrailingSlashes(inModuleFolder)}/` : ''}${module.replace(/\./g, '/')}.py`,
        range,
        confidence: 'low',
        detail: inModuleFolder ? `runs the module ${module} in ${inModuleFolder}` : `runs the module ${module}`,
      });
    // `python -m pkg.cli.run_server org/name`, `python serve.py org/name`: a program's first positional word that the
    // catalog knows as a model's Hub id is the model it is handed (a data path or an output folder is no catalog id).
    const programAt = module ? tokens.indexOf(tokens.find((t) => t === '-m' || t === '--module')!) + 1 : scriptAt;
    const firstWord = programAt >= 0 ? tokens[programAt + 1]?.replace(/^["']|["']$/g, '') : undefined;
    if (firstWord && /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/.test(firstWord) && findModel(firstWord))
      facts.push({
        kind: 'model.id',
        value: firstWord,
        range,
        confidence: 'medium',
        detail: `${firstWord}: the model the program is handed (its first argument)`,
      });
    if (scriptAt >= 0) {
      // `"$PROJECT/finetune.py"`: the quotes are not part of the path.
      // `ray job submit --working-dir pipeline -- python pipeline.py`: the entrypoint runs in the uploaded folder.
      const submit = launch.command.prefix.search(/\bray[ \t]+job[ \t]+submit\b/);
      const workingDir =
        submit < 0
          ? undefined
          : /[ \t]--working-dir[=\s]+["']?([\w./-]+)/.exec(launch.command.prefix.slice(submit))?.[1];
      // `src/eval_"$task".py`: quoted pieces inside one word are joined by the shell, quotes dropped.
      const named = tokens[scriptAt].replace(/["']/g, '');
      const script =
        workingDir && workingDir !== '.' && !named.startsWith('/')
          ? `${withoutTrailingSlashes(workingDir)}/${named}`
          : named;
      // `"${work_dir}"/bins/train.py` with `work_dir=$(dirname $(dirname $exp_dir))`: a path from a folder variable the
      // script worked out from its own place (`pwd` prints an absolute path) is the same wherever the script has cd'd.
      const throughFolderVariable = [...written.matchAll(/\$\{?(\w{1,64})\}?"?\//g)].some((v) => {
        const value = vars.get(v[1]);
        return value !== undefined && /^\.\.?(?:\/|$)/.test(value) && (value === '.' || script.startsWith(value));
      });
      // `bash -c "source env.sh; cd $EVAL_DIR/scripts; bash run_benchmark.sh ..."`: a `cd` among the commands before
      // the launch on its own line (or in the quoted command a container runs) moves it as a line of its own does.
      const inFolder =
        launchFolder &&
        launchFolder !== '.' &&
        !script.startsWith('/') &&
        !script.includes('$') &&
        !throughFolderVariable
          ? `${withoutTrailingSlashes(launchFolder)}/${script}`
          : undefined;
      add('link.script', inFolder ?? script, inFolder ? `runs ${script} in ${launchFolder}` : `runs ${script}`);
      const next = tokens[scriptAt + 1] === undefined ? undefined : withoutQuotes(tokens[scriptAt + 1]);
      if (next && /\.(py|ya?ml|json)$/.test(next) && !next.startsWith('-'))
        add('link.config', inWorkDir(next), `passes ${next} to ${script}`);
      // `train.py configs/ms1mv3_r50`: a config module named as the program imports it (insightface's arcface_torch
      // `get_config` imports `configs.<name>`), written without its `.py`.
      else if (next && CONFIG_MODULE_WORD.test(next))
        add('link.config', inWorkDir(`${next}.py`), `passes ${next} to ${script}: the config module ${next}.py`);
      else if (next !== undefined) {
        // `train.py --launcher pytorch ${SEG_CONFIG} --seed 0` (OpenMMLab's tools read the config as their first
        // positional argument, wherever the flags put it): the first config path that is no flag's value. After a
        // positional word (`finetune_hf.py data/AdvertiseGen_fix <model dir> configs/lora.yaml`, a typer program's
        // arguments in order), a YAML word among the positional ones is the config too.
        const positional = positionalConfig(tokens, scriptAt, vars, !next.startsWith('-'));
        const linked = positional ? inWorkDir(positional) : undefined;
        if (linked && !facts.some((f) => f.kind === 'link.config' && f.value === linked))
          add('link.config', linked, `passes ${positional} to ${script}`);
      }
      // A positional folder whose last part names a sized model (`finetune_hf.py data/x /models/chatglm3-6b
      // configs/lora.yaml`): the weights the program is handed. Low: which argument is the model is the program's say.
      const folder = next !== undefined && !next.startsWith('-') ? positionalModelFolder(tokens, scriptAt) : undefined;
      if (folder)
        facts.push({
          kind: 'model.id',
          value: folder.name,
          range,
          confidence: 'low',
          detail: `passes ${folder.word} to ${script}: a folder named for a model`,
        });
      // A checkpoint flag given a file in a folder named for a model (`--checkpoint $pretrained_model_dir/$model.pt`
      // with `pretrained_model_dir=../pretrained_models/CosyVoice-300M`): the weights the program starts from.
      const checkpoint = folder ? undefined : checkpointModelFolder(tokens, scriptAt, vars);
      if (checkpoint)
        facts.push({
          kind: 'model.id',
          value: checkpoint.name,
          range,
          confidence: 'low',
          detail: `--${checkpoint.flag} ${checkpoint.word}: ${CHECKPOINT_FOLDER_DETAIL}`,
        });
    }
    // The flags the line hands the program it runs: a value the program derives from one of them (its default
    // read in the program) is not the one this run uses (analyze.ts linkedFacts).
    const passed = passedFlags(tokens);
    const choices = hydraChoices(tokens);
    const literal = passedValues(tokens);
    // The environment the program starts with: variables exported above the line, then those set on the command
    // itself (`RUNMLPERF=1 python3 train.py`), as `$NAME` (analyze.ts: a program's `$NAME` default takes the value).
    const envValues = new Map<string, string | undefined>();
    for (const e of environment) if (e.line < startLine) envValues.set(e.name, e.value);
    for (const [name, value] of environmentAssignments(launch.command.prefix))
      if (envValues.size < MAX_PASSED_FLAGS) envValues.set(name, plainValue(value, vars));
    const envNames = [...envValues.keys()].slice(0, MAX_PASSED_FLAGS).map((name) => `$${name}`);
    const envLiterals = [...envValues]
      .slice(0, MAX_PASSED_FLAGS)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([name, value]) => [`$${name}`, value] as const);
    if (passed.length > 0 || envNames.length > 0)
      for (let k = launchStart; k < facts.length; k++) {
        const f = facts[k];
        const program = (f.kind === 'link.script' || f.kind === 'link.module') && /\.py$/.test(String(f.value));
        const flagsTo =
          passed.length > 0 && (program || (f.kind === 'link.config' && /\.ya?ml$/.test(String(f.value))));
        if (!flagsTo && !program) continue;
        const passes = [...(flagsTo ? passed : []), ...(program ? envNames : [])];
        const values = [...(flagsTo ? literal : []), ...(program ? envLiterals : [])];
        facts[k] = {
          ...f,
          ...(passes.length > 0 ? { passes } : {}),
          ...(flagsTo && choices.length > 0 ? { choices } : {}),
          // A config's keys set on the launch line (HyperPyYAML's `--key=value` overrides) are given literally too.
          ...(values.length > 0 ? { passedValues: values } : {}),
        };
      }
    // A flag's value starts after the whole run of `=` and blanks, and what it must hold is checked on that word:
    // `[=\s]+\S+\.yaml` backtracked over a long run of `=` (quadratic), retried from every flag inside one long word.
    // The path may be quoted (`--config_file "configs/fsdp.yaml"`): the quotes are not part of it.
    const values = (flag: RegExp) => [...logical.matchAll(flag)].map((m) => [m[1], m[2]] as const);
    for (const [flag, word] of values(
      /--(config_file|config-file|deepspeed|deepspeed_config|deepspeed_config_file|config_path|cfg-path|cfg_path|cfg-file|cfg_file|config|cfg|[a-z][a-z0-9]{0,20}[_-](?:config|cfg)(?:[_-](?:path|file))?)[=\s]+([^=\s]\S*)/g,
    )) {
      // A part's config flag (`--unet_config_path configs/unet/stage1.yaml`, `--model-config x.yaml`) names a
      // config too, when it is YAML: JSON beside such a name is as often a tokenizer's or generation's settings.
      const partFlag = !/^(?:config|cfg|deepspeed)/.test(flag);
      if (partFlag && !/\.ya?ml["']?$/.test(word)) continue;
      // `--config-file ${DET_CONFIG}` with `DET_CONFIG=projects/x/configs/$NAME.py`: the variable's value. A Python
      // config (detectron2's LazyConfig, an mmcv config) passed by a config flag is a config too.
      const value = word.includes('$') && word.length <= MAX_FLAG_WORD ? expandShell(word, vars) : word;
      const file =
        /^["']?([^\s"'$]+\.(?:ya?ml|json|py))["']?$/.exec(value)?.[1] ??
        /^["']?([^\s"']+\.(?:ya?ml|json))/.exec(value)?.[1];
      // A path that starts from `.` may be built from a folder the script worked out from its own place
      // (`"${exp_dir}"/exp_config.json` with `exp_dir=$(cd $(dirname $0); pwd)`, read as `./`), the same wherever the
      // script has cd'd: kept as written (link candidates try the script's folder first).
      if (file && !(scriptAt >= 0 && file === tokens[scriptAt]))
        add('link.config', file.startsWith('.') ? file : inWorkDir(file), `--${flag} ${file}`);
    }
    // (`--cfg configs/Kinetics/TimeSformer_divST_8x32_224.yaml`, the PySlowFast and Swin programs' flag, counts as
    // `--config` does; Hydra's `--cfg job` names no file.)
    // `-c config/DINO/DINO_4scale.py` (argparse's short alias of `--config_file`, `--config`: IDEA-Research's DINO and
    // DN-DETR programs, many research entry points): a config file given by the short flag is a config as well.
    const short = scriptAt < 0 ? -1 : tokens.findIndex((w, k) => k > scriptAt && SHORT_CONFIG_FLAG.test(w));
    const shortFile =
      short >= 0 ? /^["']?([^\s"'$]+\.(?:ya?ml|json|py))["']?$/.exec(tokens[short + 1] ?? '')?.[1] : undefined;
    if (shortFile)
      add('link.config', shortFile.startsWith('.') ? shortFile : inWorkDir(shortFile), `${tokens[short]} ${shortFile}`);
    // `--model_type phi-2` (or `--model-type`) beside a checkpoint path (Bunny's and LLaVA-derived programs pick the
    // language model's classes by it): a checkpoint of that catalog model, which sizes a path that states none.
    const typed = namedModelType(logical);
    if (typed)
      facts.push({
        kind: 'model.architectureOf',
        value: typed.id,
        range,
        confidence: 'medium',
        detail: `--model_type ${typed.word} on the launch line: a ${typed.id} checkpoint`,
      });
    // `--base a.yaml b.yaml` (latent-diffusion's main.py, generative-models, SwissArmyTransformer programs): the
    // configs are merged in order, each a part of the run. Read word by word (no pattern over the whole line).
    const base = tokens.findIndex((w) => w === '--base');
    let named = false;
    if (base >= 0)
      for (let k = base + 1; k < tokens.length && k <= base + MAX_BASE_CONFIGS; k++) {
        const file = /^["']?([^\s"'$]+\.ya?ml)["']?$/.exec(tokens[k])?.[1];
        if (!file) break;
        add('link.config', file, `--base ${file}`);
        // A model config named for a sized model (`configs/x_5b_lora.yaml`) says the model and its use even where
        // the file is not in the repository; the config's own reading, when found, outranks these (low).
        const model = named ? undefined : modelNameOfConfigFile(file);
        if (!model || !sizeFromModelName(model)) continue;
        named = true;
        facts.push({
          kind: 'model.id',
          value: model,
          range,
          confidence: 'low',
          detail: `${model}: the model config ${file} is named for`,
        });
        if (/(?:^|[_-])lora(?:[_-]|\.ya?ml$)/i.test(fileNameOf(file)))
          facts.push({
            kind: 'training.mode',
            value: 'lora',
            range,
            confidence: 'low',
            detail: `${file}: a LoRA config by its name`,
          });
      }
    // `--llama_config $2 configs/model/peft_lora.json` (a list flag: the model configs the program merges in order, the
    // size's `params.json` handed as an argument, then the repository's own adapter settings): each JSON file written
    // out is a part of the run (its `lora_rank`, its sizes). Low: a file not there is not a missing piece.
    const modelConfigs = tokens.findIndex((w) => MODEL_CONFIGS_FLAG.test(w));
    if (modelConfigs >= 0)
      for (let k = modelConfigs + 1; k < tokens.length && k <= modelConfigs + MAX_BASE_CONFIGS; k++) {
        const word = tokens[k].replace(/^["']|["']$/g, '');
        if (word.startsWith('-')) break;
        const file = /^[\w.][\w./-]{0,299}\.json$/.exec(word)?.[0];
        if (file)
          facts.push({
            kind: 'link.config',
            value: file,
            range,
            confidence: 'low',
            detail: `${tokens[modelConfigs]} ${file}`,
          });
      }
    // Megatron pads GPT-2's 50,257-token vocabulary to 50,304 (--make-vocab-size-divisible-by 128).
    if (values(/--(vocab[-_]file)[=\s]+([^=\s]\S*)/gi).some(([, word]) => /gpt2/i.test(word)))
      facts.push({
        kind: 'model.vocabSize',
        value: 50304,
        range,
        confidence: 'low',
        detail: 'GPT-2 vocabulary (50,257) padded to 50,304 by Megatron',
      });
    // FlagEmbedding-style `--devices cuda:0 cuda:1`: one process per device listed.
    const devices = /--devices((?:[ \t]+["']?cuda:\d{1,3}["']?){1,64})/.exec(logical);
    if (devices) {
      const listed = devices[1].trim().split(/[ \t]+/).length;
      add('hardware.devices', listed, `--devices${devices[1]}: ${listed} device${listed === 1 ? '' : 's'}`);
    }
    // DiffSynth-Studio's trainers take their models as `--model_id_with_origin_paths "org/name:pattern,..."` (one Hub or
    // ModelScope id and the weight files taken from it per component; its examples/*/model_training/train.py flags):
    // the denoiser's entry (its `transformer/`, `dit`, `*noise_model/` or `diffusion_pytorch_model` files) is the
    // model the run trains; the text encoder, VAE and tokenizer entries are parts it only runs. A line with no
    // denoiser entry (a stage that only encodes the data) names no model.
    const origin = /--model_id_with_origin_paths[=\s]+["']?([^"'\s]{1,2000})/.exec(logical);
    if (origin) {
      const entries = origin[1]
        .split(',')
        .slice(0, 32)
        .map((e) => /^([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}):(.{0,300})$/.exec(e.trim()))
        .filter((e): e is RegExpExecArray => e !== null);
      const part = /text_encoder|vae|tokenizer|image_encoder|audio_encoder|processor|umt5|t5_|clip/i;
      const denoiser = entries.find(
        (e) => /transformer|(?:^|[/_.-])dit\b|unet|noise_model|diffusion_pytorch_model/i.test(e[2]) && !part.test(e[2]),
      );
      if (denoiser) {
        add(
          'model.id',
          denoiser[1],
          `--model_id_with_origin_paths: ${denoiser[1]}:${denoiser[2]} (the denoiser's weights)`,
        );
        add('model.fromScratch', false, `--model_id_with_origin_paths loads pretrained ${denoiser[1]}`);
      }
    }
    const numGpus = /--num_gpus[=\s]+(\d+)/.exec(logical);
    // `--gpus 0,1,2,3` (CenterNet's, pix2pix's `--gpu_ids`, Lightning's `--gpus 0,1`): a list of two or more device
    // ids is that many devices (one id alone is ambiguous: Lightning reads `--gpus 0` as none).
    const idList = DEVICE_ID_LIST.exec(logical);
    if (numGpus && Number(numGpus[1]) > 0) add('hardware.devices', Number(numGpus[1]), `--num_gpus ${numGpus[1]}`);
    else if (idList && !own.some(isDevices))
      add('hardware.devices', idList[3].split(',').length, `--${idList[1]} ${idList[3]} (device ids)`);
    else if (
      launch.launcher.name === 'deepspeed' &&
      !own.some(isDevices) &&
      !facts.slice(launchStart).some(isDevices)
    ) {
      const included = deepspeedIncluded(logical);
      if (included) {
        add('hardware.devices', included.perHost, `--include ${included.spec}`);
        if (included.hosts > 1) add('hardware.nodes', included.hosts, `--include ${included.spec}`);
      }
    }
    const flagsStart = facts.length;
    const switchedOff: string[] = [];
    let modelClass: string | undefined;
    let flags = 0;
    for (const m of logical.matchAll(/--([\w.-]+)(?:[=\s]+("[^"]{0,1000}"|'[^']{0,1000}'|[^\s-][^\s]*))?/g)) {
      if (++flags > MAX_FLAGS_PER_COMMAND) break;
      // LightningCLI's --trainer.max_epochs: the last segment names the setting; some namespaces change what it
      // is (OpenRLHF's global --train.batch_size) or set evaluation or another model (sizingNames.ts flagMeaning).
      const meaning = flagMeaning(m[1]);
      if (!meaning) continue;
      const name = meaning.name;
      if (consumed.has(name)) continue;
      // `--fp16 "$@"`: the script's own arguments handed on after a switch are no value of it.
      const word = m[2]?.replace(/^["']|["']$/g, '');
      const raw = word !== undefined && /^\$(?:[@*]|\{[@*]\})$/.test(word) ? undefined : word;
      // Point each flag at its own line: in the continued command, or where a variable holds it.
      const flagLine = lineOfFlag(lines, startLine, i, m[1], flagLines);
      const valueLine =
        raw === undefined
          ? undefined
          : valueLines.has(raw)
            ? valueLines.get(raw)
            : valueLines.set(raw, lineOfVariableValue(lines, vars, raw)).get(raw);
      const before = facts.length;
      if (name === 'nproc_per_node' && Number(raw) > 0) add('hardware.devices', Number(raw), `--nproc_per_node=${raw}`);
      else if ((name === 'nnodes' || name === 'num_machines') && Number(raw) > 0)
        add('hardware.nodes', Number(raw), `--${m[1]}=${raw}`);
      else if (name === 'num_processes' && Number(raw) > 0) {
        // accelerate launch: --num_processes is "the total number of processes to be launched in parallel" and
        // --num_machines "the total number of machines" (huggingface.co/docs/accelerate, CLI): per machine, the quotient.
        const machines = Number(/--num[-_]machines[=\s]+(\d+)/.exec(logical)?.[1]);
        if (machines > 1 && Number(raw) % machines === 0)
          add('hardware.devices', Number(raw) / machines, `--num_processes=${raw} over --num_machines ${machines}`);
        else add('hardware.devices', Number(raw), `--num_processes=${raw}`);
      } else if (
        (name === 'bf16' || name === 'fp16' || name === 'tf32' || name === 'fp8') &&
        (raw === undefined || /^(true|1)$/i.test(raw))
      )
        add('training.precision', name, m[1] === name ? `--${name}` : `--${m[1]} ${raw ?? ''}`.trimEnd());
      else if ((name === 'bf16' || name === 'fp16') && raw !== undefined && /^(false|0)$/i.test(raw))
        switchedOff.push(`--${m[1]} ${raw}`);
      else if (name === 'fp8_format' && raw && /^(?:e4m3|hybrid)$/i.test(raw))
        // Megatron-LM's `--fp8-format {e4m3,hybrid}` ("Which fp8 format scheme to use for FP8 tensors in the forward
        // and backward pass", megatron/training/arguments.py): the matmuls run in FP8 through Transformer Engine.
        add('training.precision', 'fp8', `--${m[1]} ${raw}`);
      else if (name === 'amp_dtype' && raw)
        add('training.precision', /bf|bfloat/i.test(raw) ? 'bf16' : 'fp16', `--amp-dtype ${raw}`);
      else if (CHECKPOINT_FILE_FLAGS.has(name) && raw && checkpointFileModel(raw)) {
        // gpt-fast's `--checkpoint_path checkpoints/<org>/<name>/model_int4.g32.pth`: the folder names the model.
        const named = checkpointFileModel(raw)!;
        add('model.id', named.id, `--${m[1]} ${raw}: the checkpoint folder of ${named.id}`);
        if (named.weights)
          add('inference.weightPrecision', named.weights, `--${m[1]} ${raw}: ${named.weights} weight-only checkpoint`);
      } else if (CHECKPOINT_FOLDER_FLAG.test(name) && raw && releasedFolderModel(raw)) {
        // `--lm-checkpoint-path checkpoints/<name>`: the folder a released model is downloaded into names it (the
        // Python side reads the same flag's default, python/readers/checkpointFolderFlag.ts).
        add('model.id', raw, `--${m[1]} ${raw}: the folder of the released ${releasedFolderModel(raw)!} checkpoint`);
      } else if (name === 'weights' && raw && RELEASED_WEIGHTS_FILE.test(raw) && findModel(fileNameOf(raw))) {
        // YOLOv5/YOLOv7-style `detect.py --weights ./yolov7-e6.pt`: a released checkpoint, named by its file
        // (the catalog's aliases), overrides the program's default --weights.
        const id = findModel(fileNameOf(raw))!.id;
        add('model.id', id, `--${m[1]} ${raw}: the released ${id} checkpoint`);
        add('model.fromScratch', false, `--${m[1]} ${raw}: the run starts from released weights`);
      } else if (
        (name === 'llama_type' || name === 'llama_size') &&
        raw &&
        /^\d{1,3}B(?:[-_][A-Za-z]\w{0,30})?$/i.test(raw)
      ) {
        // `--llama_type 13B`: the size folder the program picks in its `--llama_path` (Meta's release layout).
        add(
          'model.id',
          `llama-${raw.replace(/B.*$/i, '').trim()}b`,
          `--${m[1]} ${raw}: the size folder of the LLaMA weights`,
        );
      } else if (MODEL_CLASS_FLAGS.has(name) && modelClassName(raw) && !modelClass) {
        // `--llama_type llama_peft`: the model class the program builds by that name, sized by the config it is
        // handed. Low: a checkpoint named on the line says more.
        modelClass = raw!;
        facts.push({
          kind: 'model.id',
          value: modelClass,
          range,
          confidence: 'low',
          detail: `--${m[1]} ${modelClass}: the model class the program builds (its size from the config it is handed)`,
        });
      } else if (LLAMA_WEIGHTS_FLAG.test(name) && raw && raw.replace(/["']/g, '') !== '') {
        // A folder given through an argument of the script (`--llama_path "$1"`) still holds pretrained weights.
        const path = raw.replace(/["']/g, '');
        const size = LLAMA_SIZE_FOLDER.exec(path)?.[1];
        if (size) add('model.id', `llama-${size}b`, `--${m[1]} ${path}: Meta's LLaMA release folder ${size}B`);
        if (LOADS_WEIGHTS_FLAG.test(name))
          add('model.fromScratch', false, `--${m[1]} ${path}: the pretrained weights the program loads`);
      } else if (
        (name === 'model_name' ||
          name === 'model_id' ||
          name === 'checkpoint' ||
          name === 'hf_model' ||
          CHECKPOINT_FILE_FLAGS.has(name)) &&
        raw &&
        /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/.test(raw) &&
        (findModel(raw) !== undefined || sizeFromModelName(raw) !== undefined)
      ) {
        // Too generic a flag to trust alone (often a run label, or a folder a run writes), but `org/name` that the
        // catalog knows or whose name states a size (`Qwen/Qwen2.5-1.5B`, `--checkpoint OpenGVLab/InternVL3-8B`)
        // is the checkpoint the program loads; so is it for `--ckpt_path org/name` (a Hub id, no weights file).
        add('model.id', raw, `--${m[1]} ${raw}`);
        add('model.fromScratch', false, `--${m[1]} names a pretrained checkpoint`);
      } else if (name === 'model' && raw && !raw.startsWith('$') && /^[\w./-]+$/.test(raw)) {
        // timm-style `--model vit_base_patch16_224`: pretrained only with --pretrained.
        // `--model internvl_c_classification --pretrained ./pretrained/internvl_c_13b_224px.pth`: a model name that
        // states no size, with weights whose file name does, is those weights' model.
        const weights = /(?:^|\s)--pretrained[=\s]+["']?([^\s"']{1,300}\.(?:pth|pt|bin|safetensors|ckpt))/.exec(
          logical,
        )?.[1];
        const stem = weights?.slice(weights.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
        const sizedWeights =
          stem && !findModel(raw) && !sizeFromModelName(raw) && sizeFromModelName(stem) ? stem : undefined;
        add(
          'model.id',
          sizedWeights ?? raw,
          sizedWeights ? `--${m[1]} ${raw} with --pretrained ${weights}` : `--${m[1]} ${raw}`,
        );
        if (/(^|\s)--pretrained\b/.test(logical)) add('model.fromScratch', false, '--pretrained');
      } else if (name === 'mixed_precision' && raw)
        add(
          'training.precision',
          raw.toLowerCase().includes('bf16')
            ? 'bf16'
            : raw.toLowerCase().includes('fp16')
              ? 'fp16'
              : raw.toLowerCase().includes('fp8')
                ? 'fp8'
                : 'fp32',
          `--mixed_precision=${raw}`,
        );
      else if (name === 'num_nodes' && Number(raw) > 0) add('hardware.nodes', Number(raw), `--${m[1]} ${raw}`);
      else if ((name === 'dataset_config_name' || name === 'dataset_config') && raw)
        add('training.datasetConfig', raw, `--${m[1]} ${raw}`);
      else if (name === 'gradient_checkpointing')
        add('training.gradientCheckpointing', raw === undefined || /^(true|1)$/i.test(raw), `--gradient_checkpointing`);
      else if (
        (name === 'use_peft' ||
          name === 'use_peft_lora' ||
          name === 'use_lora' ||
          name === 'lora_r' ||
          name === 'lora_rank' ||
          name === 'lora_enable') &&
        !/^(false|0)$/i.test(raw ?? '')
      )
        // `--lora_enable True`: LLaVA's training script and those built on it.
        add('training.adapter', 'lora', `--${m[1]}`);
      else if ((name === 'training_type' || name === 'train_type') && raw && /^q?lora$/i.test(raw))
        // `--training_type lora` (against `sft`, full training): the choice diffusers-based fine-tuning programs
        // take as a flag (the CogVideoX and finetrainers-style `Args`); `qlora` a 4-bit base under it.
        add('training.adapter', raw.toLowerCase(), `--${m[1]} ${raw}`);
      else if (
        (name === 'load_in_4bit' || name === 'use_4bit_quantization' || name === 'use_4bit' || name === 'use_qlora') &&
        !/^(false|0)$/i.test(raw ?? '')
      )
        add('training.adapter', 'qlora', `--${m[1]}`);
      else if ((name === 'use_qlora' || name === 'q_lora') && !/^(false|0)$/i.test(raw ?? ''))
        // open-instruct's finetune.py `--use_qlora`: a 4-bit (nf4) base under the LoRA adapters; Qwen's finetune.py
        // `--q_lora` (LoRA over a GPTQ Int4 checkpoint, GPTQConfig(bits=4)).
        add('training.adapter', 'qlora', `--${m[1]}`);
      else if (name === 'bits' && raw === '4' && LORA_ON.test(logical))
        // The QLoRA reference script's `--bits 4` (artidoro/qlora qlora.py: "How many bits to use", loading the base
        // with BitsAndBytesConfig(load_in_4bit=bits == 4)), kept by the scripts built on it, beside LoRA switched on.
        add('training.adapter', 'qlora', `--${m[1]} 4`);
      else if (
        (name === 'quant_bits' || name === 'quantization_bit') &&
        raw === '4' &&
        (!PREFIX_TUNING.test(logical) || LORA_ON.test(logical))
      )
        // ms-swift `--quant_bits 4`, LLaMA-Factory `--quantization_bit 4`: the base is loaded in 4 bits under LoRA.
        // P-tuning v2 (`--pre_seq_len 128 --quantization_bit 4`) trains a prefix encoder over the 4-bit base: no
        // LoRA adapters, so not QLoRA.
        add('training.adapter', 'qlora', `--${m[1]} 4`);
      else if (
        (name === 'torch_dtype' || name === 'bnb_4bit_compute_dtype') &&
        raw &&
        normalisePrecision(raw) &&
        !/^int/.test(normalisePrecision(raw)!)
      )
        // The dtype the model is loaded and trained in (Hugging Face ModelArguments/TRL ModelConfig, ms-swift), and
        // what a 4-bit (QLoRA) base computes in.
        add('training.precision', normalisePrecision(raw), `--${m[1]} ${raw}`);
      else if (name === 'precision' && raw && normalisePrecision(raw) && !/^int/.test(normalisePrecision(raw)!))
        add('training.precision', normalisePrecision(raw), `--${m[1]} ${raw}`);
      else if (name === 'model_name' && raw && FAMILY_AND_SIZE.test(raw) && sizeFromModelName(raw) !== undefined)
        // `--model_name=olmo3-7b` (OLMo-core's SFT launcher): as a flag `model_name` is often a run's label, but a
        // value that is a family and a size and nothing else names the model.
        add('model.id', raw, `--${m[1]} ${raw}: a model family and size`);
      else if (sizingKindFor(name, 'flag') && raw !== undefined) {
        const kind = sizingKindFor(name, 'flag')!;
        if (kind === 'model.id' || kind === 'training.dataset') {
          // `./checkpoints/$MODEL_VERSION` with MODEL_VERSION unset in the script (set only in a comment, or by
          // the caller): the name is whatever the caller sets, not the path as written. A variable before the last
          // segment (`/data/$USER/llama-2-7b`) still leaves the name readable.
          const isVariable = raw.startsWith('$') || lastPathSegment(raw).includes('$');
          add(kind, isVariable ? null : raw, isVariable ? `--${m[1]} ${raw}${SET_FROM_VARIABLE}` : `--${m[1]} ${raw}`);
          if (kind === 'model.id' && !isVariable)
            add('model.fromScratch', false, `--${m[1]} names a pretrained checkpoint`);
        } else {
          const n = Number(raw);
          add(
            kind,
            Number.isFinite(n) && n > 0 ? n : null,
            Number.isFinite(n) ? `--${m[1]} ${raw}` : `--${m[1]} ${raw}: not a number`,
          );
        }
      }
      // Rotary positions have no table: --max-position-embeddings only bounds the context then.
      if (positionsAreNotLearned(logical))
        for (let k = facts.length - 1; k >= before; k--)
          if (facts[k].kind === 'model.learnedPositions') facts.splice(k, 1);
      for (let k = before; k < facts.length; k++) {
        const at = flagLine ?? startLine;
        facts[k] = {
          ...facts[k],
          // Another model's setting (an RLHF reward or reference model) yields to the trained model's.
          ...(meaning.role === 'auxiliary' ? { confidence: 'medium' as const } : {}),
          range: { startLine: at, startCol: 0, endLine: at, endCol: lines[at]?.length ?? 0 },
          ...(valueLine !== undefined ? { originLine: valueLine } : {}),
        };
      }
    }
    // `--logdir ${MODEL_NAME_OR_PATH}` with the variable set above: the script names the model, whatever the flag.
    if (!facts.slice(launchStart).some((f) => f.kind === 'model.id')) {
      const named = modelFromVariable(written, vars);
      if (named) {
        const origin = lineOfVariableValue(lines, vars, named.value);
        facts.push({
          kind: 'model.id',
          value: named.value,
          range,
          confidence: 'medium',
          detail: `--${named.flag} $${named.variable} (${named.variable}=${named.value}): the model the script names`,
          ...(origin !== undefined ? { originLine: origin } : {}),
        });
        add('model.fromScratch', false, `$${named.variable} names a pretrained checkpoint`);
      }
    }
    // `--model_path $MODEL_PATH` with `MODEL_PATH=PATH_TO_X` (a blank) and `MODEL_NAME=Family-8B` set beside it: the
    // name the script fills in is the model (the blank reads as no model, factsToSpec).
    const blank = facts
      .slice(launchStart)
      .find((f) => f.kind === 'model.id' && typeof f.value === 'string' && PLACEHOLDER_ID.test(f.value));
    if (blank) {
      const named = modelNamedInVariables(vars);
      if (named && named.value !== blank.value) {
        const origin = lineOfVariableValue(lines, vars, named.value);
        facts.push({
          kind: 'model.id',
          value: named.value,
          range,
          confidence: 'medium',
          detail: `${named.variable}=${named.value} beside the blank model path ${String(blank.value)}: the model the script names`,
          ...(origin !== undefined ? { originLine: origin } : {}),
        });
      }
    }
    // `--bf16 False --tf32 False` and no switch on: fp32, which a DeepSpeed config's `auto` follows.
    if (switchedOff.length > 0 && !facts.slice(flagsStart).some((f) => f.kind === 'training.precision'))
      add('training.precision', 'fp32', `${switchedOff.join(' ')}${SWITCHES_OFF_DETAIL}`);
    // `--quantize_model fp8Linear_qwen2` (COAT-style FP8 training: the linear layers run in FP8, E4M3 forward and E5M2
    // backward, over the `--bf16` master weights): the matrix multiplies, which are the compute, are fp8.
    const fp8Layers = /--(quantiz\w{0,30})[=\s]+["']?(\w{0,40}fp8\w{0,40})/i.exec(logical);
    if (fp8Layers) {
      for (let k = facts.length - 1; k >= flagsStart; k--)
        if (facts[k].kind === 'training.precision') facts.splice(k, 1);
      add('training.precision', 'fp8', `--${fp8Layers[1]} ${fp8Layers[2]}: the linear layers compute in FP8`);
    }
    // The reference DLRM's architecture flags written out on the line (dlrmParams.ts): the model's size.
    if (logical.includes('--arch-mlp-bot')) readDlrmLaunch(logical, add);
    // `finetune_13B.sh` launching `--llama_type llama` with its size config an argument of the script: the size the
    // script's file name states is the size it was written for (low: a config the run links sizes it better).
    const ownName = path ? fileNameOf(path).replace(/\.\w+$/, '') : undefined;
    const namedSize = modelClass && ownName ? sizeFromModelName(ownName) : undefined;
    if (namedSize && !facts.slice(launchStart).some((f) => f.kind === 'model.params' || f.kind === 'model.layers'))
      facts.push({
        kind: 'model.params',
        value: namedSize.params,
        range,
        confidence: 'low',
        detail: `${modelClass} of ${namedSize.text}: the size the script's name (${ownName}) states`,
      });
    // `--quant --only_save_trainable`: the frozen base is quantised while only the trained parameters (adapters,
    // biases, norms) are kept: a quantised-base fine-tune, QLoRA's shape (the program's own bit width not read).
    if (/(?:^|\s)--quant(?=\s|$)/.test(logical) && /(?:^|\s)--only_save_trainable(?=\s|$)/.test(logical))
      facts.push({
        kind: 'training.adapter',
        value: 'qlora',
        range,
        confidence: 'medium',
        detail: '--quant --only_save_trainable: trained parameters over a quantised frozen base',
      });
    // A vision-language model assembled from a vision encoder and a language model: the pair is the model (the
    // single reading of `--model_name_or_path` names only its language part).
    if (VISION_LANGUAGE_WORD.test(logical)) {
      const before = facts.length;
      const assembled = readVisionLanguageLaunch(logical, {
        add: (kind, value, detail, confidence = 'high') => facts.push({ kind, value, range, confidence, detail }),
      });
      if (assembled) {
        for (let k = before - 1; k >= flagsStart; k--)
          if (facts[k].kind === 'model.id' || (facts[k].kind === 'model.fromScratch' && facts[k].value === false))
            facts.splice(k, 1);
        stagedLanguageModel(facts, flagsStart, vars);
      }
    }
    if (copies && !facts.slice(launchStart).some(isDevices))
      facts.push({
        kind: 'hardware.devices',
        value: copies.count,
        range,
        confidence: 'medium',
        detail: `${copies.count} copies of ${copies.program} started side by side (\`&\`), one process per device`,
      });
    // No count on the line or stated above it in the script: the one the comment right above the launch gives.
    if (!earlier.devices && !facts.slice(launchStart).some(isDevices)) {
      const stated = devicesInCommentAbove(lines, startLine);
      if (stated)
        facts.push({
          kind: 'hardware.devices',
          value: stated.count,
          range: stated.range,
          confidence: 'medium',
          detail: `${COMMENT_DEVICES}${stated.text}`,
        });
    }
  }
  // `source ./train_dpo.sh slurm`, `. ./env.sh`: a script run in this one's shell, whose variables and launch
  // lines are the run's too (the launch here may take its arguments from there). With low confidence: a sourced
  // environment file that is not there is not a missing piece of the run. A script with no launch of its own links
  // them too: its launch may be the piece it sources (a case script that sets TP/PP/batch and sources the
  // experiment's sbatch submission, `. \`pwd\`/SBATCH.sh`); when no piece launches, no run is formed from it.
  {
    let sourced = 0;
    // The variables this script takes from what it sources (sourcedArguments.ts), found once.
    let taken: string[] | undefined;
    lines.forEach((l, at) => {
      const m = /^[ \t]*(?:source|\.)[ \t]+(\S+)/.exec(l);
      if (!m || sourced >= MAX_SOURCED) return;
      // `` `pwd`/x.sh ``, `$(pwd)/x.sh`, `$PWD/x.sh`: beside the script when it is run from its folder.
      const file = expandShell(m[1], vars)
        .replace(/^["']|["']$/g, '')
        .replace(/^(?:`pwd`|\$\(pwd\)|\$\{?PWD\}?)\//, '');
      if (!/\.(?:sh|bash)$/.test(file) || /[$`~]/.test(file) || file.startsWith('/')) return;
      sourced++;
      facts.push({
        kind: 'link.script',
        value: file,
        range: { startLine: at, startCol: 0, endLine: at, endCol: l.length },
        confidence: 'low',
        detail: `source ${file}`,
        functions: (taken ??= takenFromSourced(text, vars)),
      });
    });
  }
  // A setup script with no launch of its own (`scripts/setups/train.sh`, sourced by each stage's script before its
  // `torchrun --nproc_per_node=$GPUS_PER_NODE ...`): the per-node GPU count it settles on, drawn only through a
  // `source` link (analyze.ts SOURCED_LAYOUT): a script run as a child process sets nothing in its caller.
  if (launches === 0) facts.push(...sourcedLayout(lines, vars));
  // A settings file other scripts source (`MODEL_ARGS="--num-layers 40 ..."`, `MP_SIZE=8`): what its variables give
  // the scripts that expand them (shell/sourcedArguments.ts).
  if (launches === 0 && /\s--[A-Za-z]|=[ \t]*["']?[1-9]/.test(text))
    facts.push(...sourcedArguments(lines, vars, (command) => extractShellFacts(command)));
  // A DeepSpeed/accelerate config the job writes for itself, a precision variable: after the launch lines' own flags.
  if (launches > 0) facts.push(...inlineSettings(lines));
  // A model built from the sizes the script states is not named after a folder.
  if (launches > 0 && !facts.some((f) => (f.kind === 'model.id' && f.value !== null) || f.kind === 'model.layers')) {
    const named = checkpointFolderModel(
      lines,
      vars,
      (n) => findModel(n) !== undefined || sizeFromModelName(n) !== undefined,
    );
    if (named) facts.push(named);
  }
  // A model built from the sizes the launch's own flags state (Megatron's `--num-layers 70 --hidden-size 14336`) and
  // named nowhere else: the script's name (`tr11-176B-ml.slurm`), or the job's, is the model it trains.
  if (
    launches > 0 &&
    !facts.some((f) => f.kind === 'model.id' && f.value !== null) &&
    facts.some((f) => f.kind === 'model.layers' && f.confidence === 'high') &&
    facts.some((f) => f.kind === 'model.hiddenSize' && f.confidence === 'high')
  ) {
    const named = jobModelName(lines, place);
    if (named) facts.push(named);
  }
  const driver = submissionDriver(facts);
  if (driver) facts.push(driver);
  const usage = facts.some((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference')
    ? argumentsGuard(text)
    : undefined;
  if (usage) facts.push(usage);
  // A checkpoint's folder names the model only where nothing else on its line does (gpt-fast's
  // `--checkpoint_path checkpoints/<org>/<name>/model.pth` is read whole, as the Hub id).
  const namedOnLine = new Map<number, number>();
  for (const f of facts)
    if (f.kind === 'model.id') namedOnLine.set(f.range.startLine, (namedOnLine.get(f.range.startLine) ?? 0) + 1);
  const alone = (f: Fact) =>
    f.kind !== 'model.id' ||
    !f.detail.includes(CHECKPOINT_FOLDER_DETAIL) ||
    (namedOnLine.get(f.range.startLine) ?? 0) < 2;
  if (facts.some((f) => !alone(f))) facts.splice(0, facts.length, ...facts.filter(alone));
  if (chosen)
    for (const [k, f] of facts.entries())
      if (f.kind === 'model.id' && String(f.value).includes(chosen.value))
        facts[k] = { ...f, confidence: 'medium', detail: `${f.detail}; ${chosen.detail}` };
  return withoutPipelineEvaluations(inCheckout(facts, place));
}

/** Words that say what a script does, not what it trains (`train_`, `_pretrain`, `run-`, `_distributed`). */
const SCRIPT_USE_WORDS = new Set(
  'train pretrain finetune run launch submit start job slurm sbatch example examples distributed multinode'.split(' '),
);

/** `train_gpt3_175b_distributed` → `gpt3-175b`: the name without the words that say what the script does. */
function withoutUseWords(stem: string): string {
  const words = stem.split(/[_-]/).filter(Boolean);
  while (words.length > 0 && SCRIPT_USE_WORDS.has(words[0].toLowerCase())) words.shift();
  while (words.length > 0 && SCRIPT_USE_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join('-');
}

/**
 * The name a job gives the model it builds: the script's file name without the words that say what a script does,
 * else `#SBATCH --job-name=NAME` (or `-J NAME`), when it states a size. Undefined for a name of a variable.
 */
function jobModelName(lines: readonly string[], place: ScriptPlace | undefined): Fact | undefined {
  const named = (name: string, at: number, source: string): Fact | undefined => {
    const model = withoutUseWords(name);
    // Only a name that states the model's size (`tr11-176B-ml`, `llama_1b`): a script is as often named for its
    // cluster, data or variant (`pretrain_gpt_cluster.sh`, `--job-name=xp3capmixnewcodelong`), which names no model.
    if (!/^[\w.-]{2,100}$/.test(model) || !/[a-z]{2}/i.test(model) || !sizeFromModelName(model)) return undefined;
    const line = lines[at] ?? '';
    return {
      kind: 'model.id',
      value: model,
      range: { startLine: at, startCol: 0, endLine: at, endCol: line.length },
      confidence: 'low',
      detail: `${source}: the model the launch builds from its own sizes is named so`,
    };
  };
  // The script's name first: a job's name is as often its data's (`--job-name=xp3capmixnewcodelong`).
  const stem = place?.file.replace(/\.(?:sh|bash|slurm|sbatch)$/i, '');
  const byFile = stem && stem !== place?.file ? named(stem, 0, `the script's name ${place!.file}`) : undefined;
  if (byFile) return byFile;
  for (let at = 0; at < Math.min(lines.length, MAX_HEADER_LINES); at++) {
    const job = /^#SBATCH[ \t]+(?:--job-name[= \t]|-J[ \t]*)[ \t]*["']?([^\s"'#]{1,100})/.exec(lines[at]);
    if (job) return job[1].includes('$') ? undefined : named(job[1], at, `#SBATCH job name ${job[1]}`);
  }
  return undefined;
}
/** #SBATCH lines come before the first command; a job name further down is no header. */
const MAX_HEADER_LINES = 200;

/**
 * `/bin/bash /lustre/…/runs/LLaMA-Factory/single_node.sh`, `torchrun /lustre/…/LLaMA-Factory/src/train.py` in
 * LLaMA-Factory/launch.sh: an absolute path into the checkout on the machine the job ran on, through a folder named as
 * one of the script's own (up to MAX_CHECKOUT_LEVELS above it, as checkoutFolder reads a `cd`). The script linked is
 * the one in this folder (`./single_node.sh`, `./src/train.py`); another absolute path is left as written.
 */
function inCheckout(facts: Fact[], place: ScriptPlace | undefined): Fact[] {
  if (!place) return facts;
  return facts.map((f) => {
    // Scripts only: a config named so (`--config-file /mnt/…/det/configs/x.py`) may be the checkout's copy of another
    // project's config, drawn into runs by the launches that name it in the repository's own layout.
    if (f.kind !== 'link.script' || typeof f.value !== 'string') return f;
    // A root the job sets where it runs (`$n/space2/LLM-Shearing/llmshearing/train.py`) is as absolute.
    const path = withoutRootVariable(f.value);
    if (!/^\/[\w./-]{1,499}$/.test(path) || path.includes('..')) return f;
    const parts = path.split('/').filter(Boolean);
    // The folder of the path nearest its end that is one of the script's own, as a `cd` into it is read.
    for (let k = parts.length - 2; k >= 0; k--) {
      const folder = checkoutFolder(`/${parts.slice(0, k + 1).join('/')}`, place);
      if (folder === undefined) continue;
      const value = `${folder}/${parts.slice(k + 1).join('/')}`;
      return { ...f, value, detail: `${f.detail} (${parts[k]}/ is this script's folder on the machine it ran on)` };
    }
    return f;
  });
}

/**
 * `# train 4-bit llama-2-7b on GSM8K using 8 A100s` right above `accelerate launch train.py ...`: a launcher run with
 * no device count of its own (accelerate's default config, a bare `python`) is written for the devices its comment
 * names, as the README of such a repository states them beside the same command. Read from the comment lines directly
 * above the command (a block of at most a few lines, no blank line between), only when every count there agrees.
 */
const MAX_COMMENT_LINES_ABOVE = 4;
const COMMENT_DEVICES = 'the comment above the launch says so: ';
const DEVICES_IN_COMMENT =
  /(?:^|[^\w.])([1-9]\d{0,3})[ \t]*(?:[x×][ \t]*)?(?:NVIDIA[ \t]+)?(?:GPU|A100|H100|H200|H800|A800|V100|A6000|A40|L40S|L4|T4)s?\b/gi;
function devicesInCommentAbove(
  lines: readonly string[],
  startLine: number,
): { count: number; text: string; range: Fact['range'] } | undefined {
  let found: { count: number; text: string; range: Fact['range'] } | undefined;
  for (let l = startLine - 1; l >= 0 && l >= startLine - MAX_COMMENT_LINES_ABOVE; l--) {
    const line = lines[l];
    if (!/^[ \t]*#(?![!]|SBATCH|PBS|\$)/.test(line)) break;
    for (const m of line.slice(0, 400).matchAll(DEVICES_IN_COMMENT)) {
      const count = Number(m[1]);
      if (found && found.count !== count) return undefined;
      found ??= {
        count,
        text: m[0].replace(/^[^\w]/, '').trim(),
        range: { startLine: l, startCol: 0, endLine: l, endCol: line.length },
      };
    }
  }
  return found;
}

/**
 * A script that trains and evaluates in turn (nanochat's speedrun: pretrain, evaluate, SFT, evaluate; BERT-style
 * scripts that run `main.py --do_train=True` and then `main.py --do_train=False --do_eval=True`): its run is the
 * training. The inference mode of an evaluation step, guessed from its program's name (`-m scripts.base_eval`) or
 * switched on its own line, is dropped when another launch line of the script trains; a script of evaluations
 * alone keeps it.
 */
const TEST_NAMED_PROGRAM = /(?:^|\/)(?:test_[^/]{0,200}|[^/]{0,200}_tests?)\.py$/;
function withoutPipelineEvaluations(facts: Fact[]): Fact[] {
  const nameGuess = (f: Fact) => f.kind === 'training.mode' && f.value === 'inference' && f.confidence === 'medium';
  const switched = (f: Fact) => f.kind === 'training.mode' && f.value === 'inference' && f.confidence === 'high';
  const evaluating = new Set(facts.filter((f) => nameGuess(f) || switched(f)).map((f) => f.range.startLine));
  // A program named as a test (`${bench}_test.py` scoring the answers the evaluation wrote) trains nothing either.
  for (const f of facts)
    if (f.kind === 'link.script' && TEST_NAMED_PROGRAM.test(String(f.value))) evaluating.add(f.range.startLine);
  // A fact pointed at a word of a continued line (`mode=ppl_eval` two lines below `python -m main \\`) is on that line.
  const evaluates = (launch: Fact) =>
    [...evaluating].some((line) => line >= launch.range.startLine && line <= launch.range.endLine);
  const training = facts.filter(
    (f) => f.kind === 'launch.trainer' && !evaluates(f) && !String(f.value).startsWith('construct:'),
  );
  if (training.length === 0) return facts;
  // A switch on the line itself (`--do_eval=True`) is dropped only when another line trains the same program: a
  // different program after it (a scorer, `tools/eval_cocoapi.py`) does not make an evaluation script a training.
  const programOn = (line: number) =>
    facts.find((f) => f.kind === 'link.script' && f.range.startLine === line && typeof f.value === 'string')?.value;
  const trainedPrograms = new Set(training.map((f) => programOn(f.range.startLine)).filter((p) => p !== undefined));
  const droppedEvaluation = (f: Fact) =>
    nameGuess(f) || (switched(f) && trainedPrograms.has(programOn(f.range.startLine) ?? '\0'));
  // Pretraining then post-training in one script (`base_train` then `chat_sft`): the post-training step starts
  // from the model the script just trained, so its name (SFT, DPO: `postTrainingMethod`, low) does not make the
  // script a fine-tune of a pretrained checkpoint. Only when the first training line says nothing of its start.
  const first = training[0].range.startLine;
  const guessed = (f: Fact) =>
    f.kind === 'model.fromScratch' && f.value === false && f.confidence === 'low' && f.range.startLine > first;
  const firstSays = facts.some((f) => f.kind === 'model.fromScratch' && f.range.startLine === first);
  return facts.filter((f) => !droppedEvaluation(f) && (firstSays || !guessed(f)));
}
/**
 * A script that only submits several different job scripts (`sbatch evals/a.slurm`, `sbatch evals/b.slurm`, a
 * scheduler of a run's evaluations or of a pipeline's stages): each job script is a run of its own, listed where it
 * is; the driver is not one more (it would take their runs into one, or count them twice).
 */
function submissionDriver(facts: readonly Fact[]): Fact | undefined {
  const launches = facts.filter((f) => f.kind === 'launch.trainer' || f.kind === 'launch.inference');
  if (launches.length < 2 || launches.some((f) => f.value !== 'sbatch')) return undefined;
  const jobs = new Set(
    facts.filter((f) => f.kind === 'link.script' && f.detail.startsWith('sbatch ')).map((f) => String(f.value)),
  );
  if (jobs.size < 2) return undefined;
  return {
    kind: 'run.entry',
    value: false,
    range: launches[0].range,
    confidence: 'high',
    detail: `submits ${jobs.size} job scripts, each a run of its own (listed there), and runs nothing itself`,
  };
}

/** The value of the fact a script that exits without its positional arguments carries (analyze.ts reads it). */
export const NEEDS_ITS_ARGUMENTS = 'positional arguments';

/**
 * `if [ $# -ne 10 ]; then echo "Usage: ..."; exit 1; fi` (also `-lt N`, `"$#"`, `[[ ]]`, `[ $# -lt 2 ] && exit`): the
 * script stops unless it is given its positional arguments, so it runs only as another script's step (bounded: the
 * test within the first 200 lines, the exit within a few lines of it).
 */
const ARGUMENTS_GUARD =
  /^[ \t]*(?:if[ \t]+)?\[\[?[ \t]+"?\$#"?[ \t]+-(ne|lt|eq)[ \t]+"?(\d{1,2})"?[ \t]*\]\]?[^\n]{0,200}(?:\n[^\n]{0,200}){0,4}?\bexit\b/m;

function argumentsGuard(text: string): Fact | undefined {
  const head = text.split('\n', 200).join('\n');
  const m = ARGUMENTS_GUARD.exec(head);
  if (!m) return undefined;
  const n = Number(m[2]);
  // `-eq 0` exits when none is given; `-ne N`/`-lt N` unless N are (N of 0 guards nothing).
  if ((m[1] === 'eq' && n !== 0) || (m[1] !== 'eq' && n === 0)) return undefined;
  const line = head.slice(0, m.index).split('\n').length - 1 + (m[0].startsWith('\n') ? 1 : 0);
  return {
    kind: 'run.commandLine',
    value: NEEDS_ITS_ARGUMENTS,
    range: { startLine: line, startCol: 0, endLine: line, endCol: 0 },
    confidence: 'high',
    detail: `exits unless given its positional arguments (\`$#\` checked at line ${line + 1})`,
  };
}

/** Detail prefix of the per-node GPU count a setup script sets for the scripts that source it. */
export const SOURCED_LAYOUT = 'set for the scripts that source this one: ';

/** Variables that hold the processes (one per GPU) each node starts: `GPUS_PER_NODE`, `NPROC_PER_NODE`, `N_GPUS_PER_NODE`. */
const PER_NODE_VARIABLE = /^(?:N_?|NUM_)?(?:GPUS?|PROC)_PER_NODE$|^NPROC_PER_NODE$/;

/**
 * The per-node GPU count a launch-free setup script settles on (`GPUS_PER_NODE=${SLURM_JOB_GPUS_PER_NODE:-$DEFAULT_GPUS_PER_NODE}`
 * with `DEFAULT_GPUS_PER_NODE=8`: 8 when the job does not say), at the line of its last assignment.
 */
function sourcedLayout(lines: readonly string[], vars: ReadonlyMap<string, string>): Fact[] {
  for (const [name, value] of vars) {
    if (!PER_NODE_VARIABLE.test(name) || !/^[1-9]\d{0,3}$/.test(value)) continue;
    let at = -1;
    const assigned = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}=`);
    lines.forEach((l, k) => {
      if (assigned.test(l)) at = k;
    });
    if (at < 0) continue;
    return [
      {
        kind: 'hardware.devices',
        value: Number(value),
        range: { startLine: at, startCol: 0, endLine: at, endCol: lines[at].length },
        confidence: 'low',
        detail: `${SOURCED_LAYOUT}${name}=${value}`,
      },
    ];
  }
  return [];
}

/** Sourced scripts linked per file. */
const MAX_SOURCED = 20;

/** Flags named per launch line at most. */
const MAX_PASSED_FLAGS = 100;

/** `--depth=24 --max-seq-len 512` → `depth`, `max_seq_len`: the long flags of a command, as argparse destinations. */
/** A weights file (`yolov7-e6.pt`, `./weights/yolov5s.pt`) a `--weights` flag names. */
const RELEASED_WEIGHTS_FILE = /^["']?[\w./-]{1,300}\.pth?["']?$/;
const fileNameOf = (path: string) => path.replace(/["']/g, '').slice(path.replace(/["']/g, '').lastIndexOf('/') + 1);

/**
 * Hydra config group choices on a launch line (hydra.cc, "Override grammar": `model=llama` picks the option `llama`
 * of the group `model`, `+group=option` adds one): a key with no dots and a value that is a plain option name (not a
 * number, a boolean, null, a path or a list). Read as `group=option`; whether the key is a group is for the program's
 * primary config to say (its defaults list names the group).
 */
function hydraChoices(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= MAX_PASSED_FLAGS) break;
    const m = /^\+?([A-Za-z_][\w-]{0,60}(?:\/[A-Za-z_][\w-]{0,60}){0,3})=([A-Za-z_][\w.-]{0,100})$/.exec(w);
    if (!m || /^(?:true|false|null|none)$/i.test(m[2]) || /\.(?:ya?ml|json|py|pt|bin|safetensors)$/i.test(m[2]))
      continue;
    out.push(`${m[1]}=${m[2]}`);
  }
  return out;
}

/** Shell assignments read per line (`export A=1 B="x" C=$D`). */
const MAX_ASSIGNMENTS_PER_LINE = 40;
/** One `NAME=value` word: a quoted value, or a run of characters that are no blank or quote. Bounded. */
const ASSIGNMENT =
  /(?:^|[ \t])([A-Za-z_][A-Za-z0-9_]{0,60})=("[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"';&|]{0,300})(?=[ \t;]|$)/g;

/** The `NAME=value` assignments of a line (an `export` line's words, a command's leading environment). */
function environmentAssignments(text: string): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const m of text.slice(0, 4_000).matchAll(ASSIGNMENT)) {
    if (out.length >= MAX_ASSIGNMENTS_PER_LINE) break;
    out.push([m[1], m[2]]);
  }
  return out;
}

/** A variable's value as a program receives it, when it is a plain word once the script's variables are expanded. */
function plainValue(value: string, vars: ReadonlyMap<string, string>): string | undefined {
  const expanded = value.includes('$') ? expandShell(value, vars) : value;
  if (expanded.includes('$')) return undefined;
  return PLAIN_VALUE.exec(expanded)?.[1];
}

/** `--nproc_per_node=${GPUS_PER_NODE}` with `GPUS_PER_NODE=1` set above: the processes the launcher starts, or undefined. */
function launcherProcessCount(logical: string, vars: ReadonlyMap<string, string>): number | undefined {
  const word = /(?:^|\s)--nproc[-_]per[-_]node[=\s]+(\S{1,200})/.exec(logical)?.[1];
  const value = word === undefined ? undefined : plainValue(word, vars);
  const n = value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : 0;
  return n > 0 ? n : undefined;
}

/** A flag's value as the program receives it: a plain word, no variable, glob or command substitution. */
const PLAIN_VALUE = /^["']?([\w.:/+-]{1,200})["']?$/;

/**
 * `--steps=200`, `--arch resnet50`, `-a resnet50`: the literal values a launch line gives its program's flags, as
 * [destination or short flag, value] (argparse: `--name=value` or `--name value`; a short flag takes the next word).
 * A value naming a variable (`$MODEL`) is not known here and is left out.
 */
function passedValues(words: readonly string[]): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (let i = 0; i < words.length && out.length < MAX_PASSED_FLAGS; i++) {
    const w = words[i];
    const long = /^--([A-Za-z][\w.-]{0,100})(?:=(.*))?$/.exec(w);
    const short = !long && (/^-[A-Za-z]$/.test(w) || SHORT_CONFIG_FLAG.test(w));
    // `-epoch 200`: argparse's single-dash option of several letters, passed under its destination like `--epoch`.
    const singleDash = !long && !short && isSingleDashLong(w);
    if (!long && !short && !singleDash) continue;
    let value = long?.[2];
    if (value === undefined) {
      const next = words[i + 1];
      if (next === undefined || next.startsWith('-')) continue;
      value = next;
    }
    const plain = PLAIN_VALUE.exec(value)?.[1];
    if (plain) out.push([long ? long[1].replace(/-/g, '_') : singleDash ? optionDest(w) : w, plain]);
  }
  return out;
}

/** `--arch-mlp-bot=512-512-64`, `--arch-mlp-bot "13-512-256"`: a reference DLRM flag's value on a launch line. */
function dlrmFlag(line: string, name: string): string | undefined {
  return new RegExp(`--${name}[= \\t]+["']?([\\w.-]{1,20000})`).exec(line)?.[1];
}

/**
 * A launch of the reference DLRM (facebookresearch/dlrm's `dlrm_s_pytorch.py` flag dialect, kept by its forks) that
 * writes out every size flag, the table rows among them: the model's parameters (dlrmParams.ts). Without
 * `--arch-embedding-size` the rows come from the dataset and the size is not known here. `--num-batches N` is the
 * batches of each epoch (the steps with the epochs, `--nepochs` or the program's default).
 */
function readDlrmLaunch(line: string, add: (kind: FactKind, value: Fact['value'], detail: string) => void): void {
  const spa = dlrmFlag(line, 'arch-sparse-feature-size');
  const rows = layerWidths(dlrmFlag(line, 'arch-embedding-size') ?? '');
  const bottom = layerWidths(dlrmFlag(line, 'arch-mlp-bot') ?? '');
  const top = layerWidths(dlrmFlag(line, 'arch-mlp-top') ?? '');
  if (!spa || !/^\d{1,9}$/.test(spa) || !rows || !bottom || !top) return;
  const interaction = dlrmFlag(line, 'arch-interaction-op') ?? 'dot';
  const itself = /--arch-interaction-itself(?![\w-])/.test(line);
  const params = dlrmParams({ sparseFeatureSize: Number(spa), tableRows: rows, bottom, top, interaction, itself });
  if (!params) return;
  add(
    'model.params',
    params,
    `DLRM sized by the launch's flags: ${rows.length} embedding tables × ${spa}, bottom MLP ${bottom.join('-')}, top MLP ${top.join('-')} after the ${interaction} interaction`,
  );
  const batches = dlrmFlag(line, 'num-batches');
  if (batches && /^[1-9]\d{0,9}$/.test(batches))
    add('training.stepsPerEpoch', Number(batches), `--num-batches ${batches}: the batches of each epoch`);
}

function passedFlags(words: readonly string[]): string[] {
  const names = new Set<string>();
  for (const w of words) {
    if (names.size >= MAX_PASSED_FLAGS) break;
    const m = /^["']?--([A-Za-z][\w.-]{0,100})(?:=|["']?$)/.exec(w);
    if (m) names.add(m[1].replace(/-/g, '_'));
    // `-c /data/ckpt`: a short flag, named as the program's defaults name it (python/context.ts flagsOf).
    else if (/^-[A-Za-z]$/.test(w)) names.add(w);
    else if (isSingleDashLong(w) && !SHORT_CONFIG_FLAG.test(w)) names.add(optionDest(w));
    else {
      // `key=value` overrides after a config (`train.py base.yml steps=15 model_name=llama2-7b`): the key is passed.
      const o = /^\+{0,2}([A-Za-z_]\w{0,100})=/.exec(w);
      if (o) names.add(o[1]);
    }
  }
  return [...names];
}
