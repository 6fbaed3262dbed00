import type { Node } from 'web-tree-sitter';
import { startsARun, type Fact } from '../../../facts';
import { extractShellFacts } from '../../shellFacts';
import { nodeRange, type PythonReadContext } from '../context';
import { stringLiteral } from '../../pythonValues';
import { executedRows } from '../entryPoint';
import type { FileRule } from '../rules';
import { readRepeat } from './torch';
import { SB3_ALGORITHMS } from '../../sb3Algorithms';

/**
 * A Python script that starts training or inference programs as child processes: a sweep or bulk
 * runner (`subprocess.run([sys.executable, "train.py", "--lr", lr])` in a loop, `os.system("torchrun
 * ... train.py")`, a list of `benchmarking_*.py` scripts each run with `["python", file]`). The command
 * is read as the shell reader reads a launch line, so the launchers, flags and script links stay in one
 * place (shell/launchers.ts); what is only known when it runs (`file`, `args.script`) becomes `$file`.
 *
 * Only commands that run a program (a Python script or a known framework module) are read, and only where
 * the code runs when the file is run; a program chosen at run time counts only when the code runs it per
 * item of a loop or passes it a model (a sweep), not for a tool that runs `python -m pip` or one helper.
 */

/** The interpreters and launchers a command list may start with (as the shell reader knows them). */
const LAUNCHER_WORD = /^(python3?|torchrun|accelerate|deepspeed)$/;
/** Calls that run a command given as a string. */
const STRING_COMMAND_CALL = /^(subprocess\.(run|call|check_call|check_output|Popen|getoutput)|os\.(system|popen))$/;
/** The flags that name a model on a command line (`--model`, `--model_name_or_path`, `--model-name`). */
const MODEL_FLAG = /^--model(?:[-_](?:name(?:[-_]or[-_]path)?|id|path))?$/;
/** Commands read per file: a sweep runner has a handful. */
const MAX_COMMANDS = 20;
/** Lines that look like a command list looked at per file (each is a walk of the tree to that row). */
const MAX_CANDIDATE_ROWS = 200;
/** Words of a command list read: far above a real one. */
const MAX_WORDS = 200;

/** A word of the command as the shell reader would see it: literal text, or `$name` for what is set when it runs. */
function wordOf(node: Node, interpreters: ReadonlySet<string>): string {
  if (node.type === 'string') {
    if (node.namedChildren.some((c) => c?.type === 'interpolation')) return '$ARG';
    const content = node.namedChildren
      .filter((c) => c?.type === 'string_content')
      .map((c) => c!.text)
      .join('');
    return /\s/.test(content) || content === '' ? '$ARG' : content;
  }
  if (node.text === 'sys.executable' || interpreters.has(node.text)) return 'python';
  const name = /(\w+)\W*$/.exec(node.text)?.[1];
  return `$${name ?? 'ARG'}`;
}

/** Names the file binds to the Python interpreter (`cmd = os.getenv("PYTHON_EXEC", sys.executable)`). */
function interpreterNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(
    /^[ \t]*([A-Za-z_]\w{0,100})[ \t]*(?::[^=\n]{0,200})?=[^=\n]{0,300}\bsys\.executable\b/gm,
  ))
    names.add(m[1]);
  return names;
}

/** Whether a node sits in the body of a `for` or `while` loop. */
function inLoop(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'for_statement' || p.type === 'while_statement') return true;
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}

interface Command {
  readonly node: Node;
  readonly words: string[];
}

/**
 * A program run by the command (`train.py`, `$file`, `-m axolotl.cli.train`), or undefined for `python -m pip`,
 * `-c`: the first script named, else the first word set when it runs that is not a long option's value.
 */
function programOf(words: readonly string[], text: string): string | undefined {
  const module = words.findIndex((w) => w === '-m' || w === '--module');
  if (module > 0) {
    const name = words[module + 1] ?? '';
    if (/^(axolotl|trl|llamafactory|litgpt|composer|torchtune|openrlhf|torch\.distributed\.run)\b/.test(name))
      return name;
    return packageProgram(name, words, text) ? name : undefined;
  }
  if (words.includes('-c')) return undefined;
  const script = words.find((w) => /\.py$/.test(w) && !w.startsWith('-'));
  if (script) return script;
  return words.find((w, i) => i > 0 && w.startsWith('$') && !words[i - 1].startsWith('--'));
}

/**
 * `python -m mypkg.record_video ...` run by a file that itself imports from `mypkg` (`from mypkg.utils import ...`):
 * a program module of the package the file is written with (its own repository's, or one it installs), not a tool
 * such as `-m pip` or `-m http.server`. Not a module that runs a script it is handed (`-m some.launcher train.py`).
 */
function packageProgram(module: string, words: readonly string[], text: string): boolean {
  const dotted = /^([A-Za-z_]\w{0,60})(?:\.\w{1,60}){1,4}$/.exec(module);
  if (!dotted || words.some((w) => /\.py$/.test(w))) return false;
  return new RegExp(`^[ \\t]*(?:from|import)[ \\t]+${dotted[1]}(?:\\.|[ \\t,]|$)`, 'm').test(text);
}

/** Names followed from the command's dict to its literal, and dict entries read. */
const MAX_DICT_HOPS = 4;
const MAX_DICT_ENTRIES = 60;

/**
 * `for key, val in conf.items(): cmd += f" --{key} {val}"` (`elif val: cmd += f" --{key}"` for a switch): a command
 * whose flags are a dict's entries. The dict is followed by name to its literal (`conf = base_conf`, `base_conf,
 * other_conf = configs` taking its place in the list `configs = [{...}, {...}]`); its string values become
 * `--key value`, its True values `--key`. Nothing when the loop or the literal is not there.
 */
function flagsFromDict(command: string, ctx: PythonReadContext): string[] {
  const loop = new RegExp(
    `^[ \\t]*for[ \\t]+(\\w{1,60})[ \\t]*,[ \\t]*(\\w{1,60})[ \\t]+in[ \\t]+(\\w{1,60})\\.items\\(\\)[ \\t]*:`,
    'm',
  ).exec(ctx.text);
  if (!loop) return [];
  const [, key, value, dictName] = loop;
  const appends = new RegExp(`\\b${command}[ \\t]*\\+=[ \\t]*f["'][ \\t]*--\\{${key}\\}[ \\t]+\\{${value}\\}`);
  if (!appends.test(ctx.text)) return [];
  const dict = dictLiteral(dictName, ctx);
  if (!dict) return [];
  const out: string[] = [];
  for (const pair of dict.namedChildren.slice(0, MAX_DICT_ENTRIES)) {
    if (pair?.type !== 'pair') continue;
    const k = pair.childForFieldName('key');
    const v = pair.childForFieldName('value');
    const name = k ? stringLiteral(k) : null;
    if (!name || !/^[A-Za-z][\w-]{0,60}$/.test(name) || !v) continue;
    const word = stringLiteral(v);
    if (word !== null && /^[\w./:-]{1,200}$/.test(word)) out.push(`--${name}`, word);
    else if (v.type === 'true') out.push(`--${name}`);
  }
  return out;
}

/** The dict literal a name holds, followed through plain renames and a list's unpacking. */
function dictLiteral(name: string, ctx: PythonReadContext): Node | undefined {
  let current = name;
  for (let hop = 0; hop < MAX_DICT_HOPS; hop++) {
    const assigned = new RegExp(`^[ \\t]*${current}[ \\t]*=(?!=)[ \\t]*(\\S)`, 'gm');
    let last: RegExpExecArray | null = null;
    for (let m = assigned.exec(ctx.text); m; m = assigned.exec(ctx.text)) last = m;
    if (last) {
      const at = last.index + last[0].length - 1;
      const node = ctx.tree.rootNode.descendantForIndex(at);
      const value = node?.type === 'dictionary' ? node : node?.parent?.type === 'dictionary' ? node.parent : undefined;
      if (value) return value;
      const renamed = /^[A-Za-z_]\w{0,60}$/.exec(ctx.text.slice(at, at + 61).split(/[\s#]/)[0]);
      if (!renamed) return undefined;
      current = renamed[0];
      continue;
    }
    // `base_conf, instruct_conf = configs`: the name's place in a list the file writes out.
    const unpacked = new RegExp(
      `^[ \\t]*((?:\\w{1,60}[ \\t]*,[ \\t]*){0,20}\\w{1,60})[ \\t]*=[ \\t]*(\\w{1,60})[ \\t]*$`,
      'gm',
    );
    for (const m of ctx.text.matchAll(unpacked)) {
      const names = m[1].split(',').map((n) => n.trim());
      const place = names.indexOf(current);
      if (names.length < 2 || place < 0) continue;
      const list = new RegExp(`^[ \\t]*${m[2]}[ \\t]*=[ \\t]*\\[`, 'm').exec(ctx.text);
      if (!list) return undefined;
      const node = ctx.tree.rootNode.descendantForIndex(list.index + list[0].length - 1);
      const items = (node?.type === 'list' ? node : node?.parent)?.namedChildren.filter(
        (c): c is Node => c !== null && c.type !== 'comment',
      );
      const item = items && items.length === names.length ? items[place] : undefined;
      return item?.type === 'dictionary' ? item : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Assignments of one name looked at, and names followed, when a spread list is read. */
const MAX_ASSIGNMENTS = 20;
const MAX_LIST_HOPS = 3;

/**
 * `*arg_str_list` in a command list, where the name holds a list the file writes out before the command
 * (`args = ["--algo", algo, ...]`, then `arg_str_list = list(map(str, args))`): that list's words, each read as a
 * word of the command (a loop variable as its list's first value, loopValue). `$name` when the list is not found.
 */
function splatWords(node: Node, row: number, ctx: PythonReadContext, interpreters: ReadonlySet<string>): string[] {
  let name = node.type === 'identifier' ? node.text : undefined;
  for (let hop = 0; name && hop < MAX_LIST_HOPS; hop++) {
    const assigned = new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]{0,100})?=(?!=)[ \\t]*(\\S)`, 'gm');
    let next: string | undefined;
    let list: Node | undefined;
    let seen = 0;
    for (const m of ctx.text.matchAll(assigned)) {
      if (++seen > MAX_ASSIGNMENTS) break;
      const at = m.index + m[0].length - 1;
      const value = ctx.tree.rootNode.descendantForIndex(at);
      if (!value || value.startPosition.row > row) break;
      const literal = value.type === 'list' ? value : value.parent?.type === 'list' ? value.parent : undefined;
      // `list(map(str, args))`, `map(str, args)`: the words of `args`, as text.
      const mapped = /^(?:list\(\s*)?map\(\s*str\s*,\s*([A-Za-z_]\w{0,60})\s*\)\s*\)?/.exec(
        ctx.text.slice(at, at + 200),
      );
      if (literal && literal.startPosition.row <= row) {
        list = literal;
        next = undefined;
      } else if (mapped && mapped[1] !== name) {
        next = mapped[1];
        list = undefined;
      }
    }
    if (list)
      return list.namedChildren
        .filter((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'list_splat')
        .slice(0, MAX_WORDS)
        .map((c) => loopValue(c, ctx) ?? wordOf(c, interpreters));
    name = next;
  }
  return [wordOf(node, interpreters)];
}

/**
 * A loop variable over a module-level list of literal words (`ALGOS = ["sac", "td3"]` and `for algo in ALGOS:`):
 * the list's first word, the first run of the sweep (readRepeat counts the others). Undefined otherwise.
 */
function loopValue(node: Node, ctx: PythonReadContext): string | undefined {
  // `cli.algo` written in the list: the file's own flag, forwarded at its default.
  const attribute = node.type === 'attribute' ? /^[A-Za-z_]\w{0,30}\.(\w{1,60})$/.exec(node.text)?.[1] : undefined;
  if (attribute) return flagDefaultWord(attribute, ctx.text);
  if (node.type !== 'identifier') return undefined;
  if (!inLoop(node)) return forwardedDefault(node.text, ctx.text);
  const loop = new RegExp(`^[ \\t]*for[ \\t]+${node.text}[ \\t]+in[ \\t]+([A-Za-z_]\\w{0,60})[ \\t]*:`, 'm').exec(
    ctx.text,
  );
  if (!loop) return undefined;
  const list = new RegExp(`^${loop[1]}[ \\t]*(?::[^=\\n]{0,100})?=[ \\t]*\\[`, 'm').exec(ctx.text);
  if (!list) return undefined;
  const value = ctx.tree.rootNode.descendantForIndex(list.index + list[0].length - 1);
  const items = (value?.type === 'list' ? value : value?.parent)?.namedChildren.filter(
    (c): c is Node => c !== null && c.type !== 'comment',
  );
  const first = items?.[0];
  const word = first ? stringLiteral(first) : null;
  return word !== null && word !== undefined && /^[\w./:-]{1,100}$/.test(word) ? word : undefined;
}

/**
 * A name that holds one of the file's own flags (`algo = args.algo`) with a literal default
 * (`add_argument("--algo", default="ppo")`): the launcher forwards that flag, so its child runs with the default
 * unless the launcher is given another. Undefined otherwise.
 */
function forwardedDefault(name: string, text: string): string | undefined {
  const held = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*[A-Za-z_]\\w{0,30}\\.(\\w{1,60})[ \\t]*$`, 'm').exec(
    text,
  )?.[1];
  if (!held) return undefined;
  return flagDefaultWord(held, text);
}

/** The literal default of the file's own `--name` flag (`add_argument("--algo", default="ppo")`), if any. */
function flagDefaultWord(held: string, text: string): string | undefined {
  const flag = held.replace(/_/g, '[-_]');
  const call = new RegExp(`add_argument\\([^)]{0,200}?["']--${flag}["'][^)]{0,400}?\\)`).exec(text)?.[0];
  const word = call ? /\bdefault[ \t]*=[ \t]*["']([\w./:-]{1,100})["']/.exec(call)?.[1] : undefined;
  return word;
}

/** A flag handing a process its part of a split job: `--shard_id`, `--subset-id`, `--chunk_idx`, `--rank`. */
const SHARD_FLAG = /^--(?:(?:shard|subset|chunk|split|part|worker)[-_]?(?:id|idx|index|rank)|(?:local[-_])?rank)$/;

/** Literal choices read per program name, and assignments looked at per name. */
const MAX_CHOICES = 8;
/** `code_fname = "run_cot_eval"`: an assignment of a plain word (a file's stem or path). */
const LITERAL_VALUE = /^["']([\w./-]{1,100})["'][ \t]*(?:#.*)?$/;

/**
 * A program word with one `$name` in it (`infer/$code_fname.py`), where every assignment of `name` in the file is a
 * plain literal (`code_fname = "run_pal_eval"` in each branch of an if/elif over the task): the programs the word can
 * be, in the file's order; none when the name is assigned anything else (read from an argument, computed).
 */
function literalChoices(program: string, text: string): string[] {
  const names = [...program.matchAll(/\$(\w{1,60})/g)];
  if (names.length !== 1) return [];
  const name = names[0][1];
  const values: string[] = [];
  let seen = 0;
  for (const m of text.matchAll(new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]{0,100})?=(?!=)[ \\t]*(.*)$`, 'gm'))) {
    if (++seen > MAX_CHOICES) return [];
    const literal = LITERAL_VALUE.exec(m[1].trim())?.[1];
    if (literal === undefined) return [];
    const filled = program.replace(`$${name}`, literal);
    if (!values.includes(filled)) values.push(filled);
  }
  // Written also as a parameter or loop variable (`def run(code_fname)`, `for code_fname in ...`): not only literals.
  if (new RegExp(`(?:def[ \\t]+\\w+\\([^)]{0,500}|for[ \\t]+)\\b${name}\\b`).test(text)) return [];
  return values;
}

/** A line that ends by opening a list or tuple (trailing spaces and a comment allowed, each bounded). */
const OPENS_LIST_AT_END = /[[(][ \t]{0,40}(?:#[^\n]{0,200})?$/;
/** The first item of a list laid out one a line: a launcher or the interpreter. */
const LAUNCHER_FIRST_ITEM = /^[ \t]*(?:["'](?:python3?|torchrun|accelerate|deepspeed)["']|sys\.executable\b)[ \t]*,/;

/** A child process and an interpreter or launcher named: what a file must hold (also the scan's run-start test). */
const CHILD_PROCESS = [
  /\bsubprocess\b|\bos\.(?:system|popen)\b/,
  /\bsys\.executable\b|["'](?:python3?|torchrun|accelerate|deepspeed)\b/,
];

export const launchedPrograms: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // `"python` / `'python`: the line that assigns a command string (`cmd = f"python workers/{name}.py " \`), read
  // through the name the call is given.
  words: ['subprocess', 'os.system', 'sys.executable', '"python', "'python"],
  runStart: CHILD_PROCESS,
  read: (index, ctx) => {
    // File rules run on every module: most start no child process, and are done with here.
    if (!CHILD_PROCESS.every((p) => p.test(ctx.text)) || ctx.facts.some(startsARun)) return;
    const interpreters = interpreterNames(ctx.text);
    const commands: Command[] = [];
    // Command lists: `["python", file]`, `[sys.executable, "train.py", ...]`, `(cmd, *args, "--model", m)`.
    const lines = ctx.text.split('\n');
    const firstWord =
      /[[(][ \t]*(?:["'](?:python3?|torchrun|accelerate|deepspeed)["']|sys\.executable\b|([A-Za-z_]\w*)\s*,)/;
    let candidates = 0;
    lines.forEach((line, row) => {
      if (commands.length >= MAX_COMMANDS || candidates >= MAX_CANDIDATE_ROWS) return;
      const m = firstWord.exec(line);
      // A list laid out one word a line (as black formats it): `cmd = [` with `"torchrun",` on the next line.
      const opensList = !m && OPENS_LIST_AT_END.test(line) && LAUNCHER_FIRST_ITEM.test(lines[row + 1] ?? '');
      if (!opensList && (!m || (m[1] !== undefined && !interpreters.has(m[1])))) return;
      candidates++;
      const top = ctx.tree.rootNode;
      for (const node of top.descendantsOfType(['list', 'tuple'], { row, column: 0 }, { row: row + 1, column: 0 })) {
        if (!node || node.startPosition.row !== row || commands.length >= MAX_COMMANDS) continue;
        const items = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
        if (items.length < 2) continue;
        const words = items
          .slice(0, MAX_WORDS)
          .flatMap((c) =>
            c.type === 'list_splat'
              ? splatWords(c.namedChildren[0]!, row, ctx, interpreters)
              : [loopValue(c, ctx) ?? wordOf(c, interpreters)],
          )
          .slice(0, MAX_WORDS);
        if (LAUNCHER_WORD.test(words[0])) commands.push({ node, words });
      }
    });
    // Command strings: `os.system("torchrun --nproc_per_node 8 train.py")`, `subprocess.run(f"python {script}", shell=True)`.
    for (const call of index.calls) {
      if (commands.length >= MAX_COMMANDS) break;
      if (!STRING_COMMAND_CALL.test(ctx.callee(call).full)) continue;
      let first = call.childForFieldName('arguments')?.namedChildren[0];
      let commandName: string | undefined;
      // `subprocess.Popen(cmd.split(), ...)`: the string split into its words, as the shell would.
      if (first?.type === 'call' && /^[A-Za-z_]\w*\.split$/.test(first.childForFieldName('function')?.text ?? ''))
        first = first.childForFieldName('function')?.childForFieldName('object') ?? undefined;
      // `cmd = f"python3 ./inference/chatbot.py --path {args.path}"` then `subprocess.Popen(cmd, shell=True)`.
      if (first?.type === 'identifier') {
        commandName = first.text;
        first = ctx.symbols.lookup(first.text)?.node;
      }
      // `f"python infer/{name}.py " f"--data_dir {d} "`: adjacent literals are one string.
      const pieces =
        first?.type === 'string'
          ? [first]
          : first?.type === 'concatenated_string'
            ? first.namedChildren.filter((c): c is Node => c?.type === 'string')
            : [];
      if (!first || pieces.length === 0) continue;
      const words = pieces
        .flatMap((piece) =>
          piece.namedChildren.filter(
            (c): c is Node => c !== null && (c.type === 'string_content' || c.type === 'interpolation'),
          ),
        )
        // A value filled in when it runs is `$name`, inside the word it is part of (`infer/{name}.py`).
        .map((c) => (c.type === 'interpolation' ? `$${/(\w+)\W*$/.exec(c.text)?.[1] ?? 'ARG'}` : c.text))
        .join('')
        .trim()
        .split(/\s+/)
        .slice(0, MAX_WORDS);
      if (commandName && LAUNCHER_WORD.test(words[0] ?? '')) words.push(...flagsFromDict(commandName, ctx));
      if (LAUNCHER_WORD.test(words[0] ?? '')) commands.push({ node: first, words });
    }
    if (commands.length === 0) return;
    const executed = executedRows(ctx.tree);
    for (const { node, words } of commands) {
      const row = node.startPosition.row;
      if (!executed.some(([a, b]) => a <= row && row <= b)) continue;
      let program = programOf(words, ctx.text);
      if (program === undefined) continue;
      // `infer/{code_fname}.py` where the file sets `code_fname` only to literals (one per task branch): the
      // programs it may run, the first read as the line's and the others linked beside it.
      const choices = program.startsWith('$') ? [] : literalChoices(program, ctx.text);
      if (choices.length > 0) {
        const at = words.indexOf(program);
        program = choices[0];
        words[at] = choices[0];
      }
      // `python setup.py develop` (a Cog predictor installing its package before it imports it): packaging, no run.
      if (/(?:^|\/)setup\.py$/.test(program)) continue;
      // A program chosen when it runs is a run only in a sweep: per item of a loop, or given a model.
      if (program.startsWith('$') && !inLoop(node) && !words.some((w) => MODEL_FLAG.test(w))) continue;
      const line = words.join(' ');
      const at = nodeRange(node);
      const read: Fact[] = extractShellFacts(line).map((f) => ({
        ...f,
        range: at,
        detail: f.kind === 'launch.trainer' ? `starts \`${line.slice(0, 80)}\` as a child process` : f.detail,
      }));
      // `--algo sac` handed to a Stable-Baselines3 program (sb3Program.ts): the algorithm is the agent it trains.
      const algo = words[words.indexOf('--algo') + 1];
      if (words.includes('--algo') && algo && SB3_ALGORITHMS.has(algo.toLowerCase()))
        ctx.facts.push({
          kind: 'model.id',
          value: algo.toLowerCase(),
          range: at,
          confidence: 'medium',
          detail: `--algo ${algo} on the command it starts: the Stable-Baselines3 algorithm of the run`,
        });
      // `--model $m`: a model named when the sweep runs is unknown, not a model called "$m".
      ctx.facts.push(
        ...read.filter((f) => !(f.kind === 'model.id' && typeof f.value === 'string' && f.value.startsWith('$'))),
      );
      // The script is named when it runs: its model and settings are unknown, and the run says why.
      if (program.startsWith('$'))
        ctx.facts.push({
          kind: 'model.id',
          value: null,
          range: at,
          confidence: 'low',
          detail: `runs ${program.slice(1)}, a script chosen when it runs: its model and settings are not read`,
        });
      for (const other of choices.slice(1))
        ctx.facts.push({
          kind: 'link.script',
          value: other,
          range: at,
          confidence: 'medium',
          detail: `runs ${other} (one of the programs the command names)`,
        });
      // `for lr in [1e-4, 3e-4]: subprocess.run([... "finetune.py", "--lr", str(lr)])`: one run per value. Not a loop
      // that hands each process its shard (`--shard_id {i}`, `--subset_id`, `--rank`): those processes split one job.
      const sharded = words.some((w, k) => SHARD_FLAG.test(w) && (words[k + 1] ?? '').startsWith('$'));
      if (!program.startsWith('$') && !sharded) readRepeat(node, ctx);
    }
  },
};
