import { wordVariants } from './wordVariants';
import { hydraChoiceFile } from './hydraChoice';
import type { Fact } from '../facts';
import { modelTargetOf } from './config/modelTarget';
import { passedEntries } from './config/configArgparse';
import { isConfigOption, parseYamlTopLevel } from './config/yamlProgramConfig';
import { matchLauncher } from './shell/launchers';
import { extractShellFacts } from './shellFacts';

/**
 * A config that says how it is launched, in a comment at its head: nanoGPT's `config/train_gpt2.py`
 * ("launch as the following: $ torchrun --standalone --nproc_per_node=8 train.py config/train_gpt2.py"),
 * a recipe YAML's "# accelerate launch --num_processes 8 scripts/sft.py recipes/x.yaml". The command is
 * read as the shell reader reads a launch line, so the script it runs is linked (its defaults are the
 * run's base, the config's own values win) and the devices it asks for count. Only a command that names
 * this very file is taken: a comment about some other launch says nothing about this config.
 */

/** Lines at the head of a file where a usage comment is written. */
const HEAD_LINES = 40;
/** Continued lines (`\` at the end) joined into one command. */
const MAX_CONTINUED = 30;
const MAX_COMMAND_LENGTH = 4_000;

export function documentedLaunch(path: string, text: string, facts: readonly Fact[]): Fact[] {
  // A reader that already took the launch from its dialect's own usage comment (torchtune) has the say.
  if (facts.some((f) => f.kind.startsWith('launch.'))) return [];
  const base = /[^/\\]+$/.exec(path)?.[0];
  if (!base) return [];
  const lines = text.split('\n', HEAD_LINES);
  for (let i = 0; i < lines.length; i++) {
    const first = /^\s*#+\s*(?:\$\s+)?(.*)$/.exec(lines[i]);
    if (!first) continue;
    let command = first[1];
    let last = i;
    while (/\\\s*$/.test(command) && last + 1 < lines.length && last - i < MAX_CONTINUED) {
      const next = /^\s*#+\s*(.*)$/.exec(lines[last + 1]);
      if (!next) break;
      command = `${command.replace(/\\\s*$/, '')} ${next[1]}`;
      last++;
    }
    command = command.slice(0, MAX_COMMAND_LENGTH);
    const named = command.split(/\s+/).find((w) => w === base || w.endsWith(`/${base}`));
    if (!named || !matchLauncher(command)) continue;
    // `train.py config/x.py` is run from the folder above config/: the script is found from there.
    const depth = named.replace(/^(\.\/)+/, '').split('/').length - 1;
    const fromHere = (reference: string) =>
      depth > 0 && !/^[/$~]/.test(reference) ? `${'../'.repeat(depth)}${reference.replace(/^(\.\/)+/, '')}` : reference;
    const range = { startLine: i, startCol: 0, endLine: last, endCol: lines[last].length };
    return (
      extractShellFacts(command)
        // The file itself, named as the launch's config, is not a link to follow.
        .filter((f) => !(f.kind.startsWith('link.') && String(f.value).endsWith(base)))
        .map((f) => ({
          ...f,
          ...(f.kind.startsWith('link.') && typeof f.value === 'string' ? { value: fromHere(f.value) } : {}),
          range,
          confidence: f.confidence === 'high' ? 'medium' : f.confidence,
          detail: `launch documented at line ${i + 1}: ${f.detail}`,
        }))
    );
  }
  return [];
}

/** Lines of a module docstring read for a usage command (a docstring is a screen or two at most). */
const DOCSTRING_LINES = 60;

/**
 * A script's module docstring that shows how it is launched (`"""Usage: torchrun --nproc_per_node=1
 * run_generate.py --ckpt-path ..."""`): the devices and nodes of that command, when it names this very script
 * and the code itself does not say how many. Only the hardware is taken: the script's own code is the run.
 */
export function documentedDevices(path: string, text: string, facts: readonly Fact[]): Fact[] {
  if (facts.some((f) => f.kind === 'hardware.devices' || f.kind === 'hardware.nodes')) return [];
  const base = /[^/\\]+$/.exec(path)?.[0];
  if (!base) return [];
  const own = moduleDocstringDevices(base, text);
  if (own.length > 0) return own;
  const command = commandDocstringDevices(base, text);
  return command.length > 0 ? command : commentDevices(base, text);
}

/** Comment lines that name the script, looked at (a file of hostile size names itself at most this often). */
const MAX_NAMING_COMMENTS = 20;

/**
 * A script that says how it is launched in a comment at column 0 anywhere in it, usually just before the code that
 * sets up the processes (`# simple launch:` / `# python train.py` / `# DDP launch for e.g. 8 GPUs:` / `# torchrun
 * --standalone --nproc_per_node=8 train.py`): the devices of the launcher commands that name this very script, when
 * they agree. A plain `python train.py` beside them is the single-process fallback; the launcher's line is the one
 * the distributed run was written for. Only the hardware is taken: the script's own code is the run.
 */
function commentDevices(base: string, text: string): Fact[] {
  let found: { devices: Fact[]; row: number; line: string } | undefined;
  let from = 0;
  for (let seen = 0; seen < MAX_NAMING_COMMENTS; seen++) {
    const at = text.indexOf(base, from);
    if (at < 0) break;
    from = at + base.length;
    const start = text.lastIndexOf('\n', at) + 1;
    if (text[start] !== '#') continue;
    const endAt = text.indexOf('\n', at);
    const line = text.slice(start, endAt < 0 ? text.length : endAt);
    const command = line.replace(/^#+[ \t]*(?:\$[ \t]+)?/, '').slice(0, MAX_COMMAND_LENGTH);
    if (!command.split(/\s+/).some((w) => w === base || w.endsWith(`/${base}`)) || !matchLauncher(command)) continue;
    const devices = extractShellFacts(command).filter((f) => f.kind === 'hardware.devices');
    if (devices.length !== 1) continue;
    if (found && found.devices[0].value !== devices[0].value) return [];
    found ??= { devices, row: text.slice(0, start).split('\n').length - 1, line };
  }
  if (!found) return [];
  const { row, line } = found;
  const range = { startLine: row, startCol: 0, endLine: row, endCol: line.length };
  return found.devices.map((f) => ({
    ...f,
    range,
    confidence: 'medium',
    detail: `launch documented in a comment at line ${row + 1}: ${f.detail}`,
  }));
}

function moduleDocstringDevices(base: string, text: string): Fact[] {
  const lines = text.split('\n', DOCSTRING_LINES);
  // The docstring is the first statement: after a shebang, an encoding line and comments only.
  let i = 0;
  while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === '')) i++;
  const open = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (!open) return [];
  for (let k = i; k < lines.length; k++) {
    const line = k === i ? lines[k].slice(open[0].length) : lines[k];
    const closes = line.includes(open[1]);
    const command = (closes ? line.slice(0, line.indexOf(open[1])) : line)
      .replace(/^\s*(?:\$\s+)?/, '')
      .slice(0, MAX_COMMAND_LENGTH);
    const named = command.split(/\s+/).some((w) => w === base || w.endsWith(`/${base}`));
    if (named && matchLauncher(command)) {
      const range = { startLine: k, startCol: 0, endLine: k, endCol: lines[k].length };
      return extractShellFacts(command)
        .filter((f) => f.kind === 'hardware.devices' || f.kind === 'hardware.nodes')
        .map((f) => ({ ...f, range, confidence: 'medium', detail: `launch documented at line ${k + 1}: ${f.detail}` }));
    }
    if (closes) break;
  }
  return [];
}

/** The function a main guard calls (`if __name__ == "__main__":` then `main()` on its own line). */
const GUARD_CALL = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:[ \t]*\r?\n[ \t]+(\w{1,60})\(\)[ \t]*$/m;
/** Lines from a function's `def` to its docstring's opening (a signature over a few lines, decorators above). */
const SIGNATURE_LINES = 12;

/**
 * A click or argparse program whose help text is the docstring of the function its main guard calls (`def
 * main(**kwargs): """Train ... Examples: torchrun --standalone --nproc_per_node=8 train.py ..."""`): the devices
 * of the example commands that name this script, when they all agree (a plain `python train.py` example counts
 * one device; examples that differ leave the count open).
 */
function commandDocstringDevices(base: string, text: string): Fact[] {
  const called = GUARD_CALL.exec(text)?.[1];
  if (!called) return [];
  const at = new RegExp(`^def[ \\t]+${called}[ \\t]*\\(`, 'm').exec(text);
  if (!at) return [];
  const startRow = text.slice(0, at.index).split('\n').length - 1;
  const lines = text.split('\n', startRow + SIGNATURE_LINES + DOCSTRING_LINES);
  let open: RegExpExecArray | null = null;
  let row = startRow;
  for (; row < Math.min(lines.length, startRow + SIGNATURE_LINES) && !open; row++)
    if (row > startRow && /^\s+[rRuU]?("""|''')/.test(lines[row])) open = /("""|''')/.exec(lines[row]);
  if (!open) return [];
  const first = row - 1;
  let found: { devices: Fact[]; row: number } | undefined;
  for (let k = first; k < lines.length && k < first + DOCSTRING_LINES; k++) {
    const line = k === first ? lines[k].slice(lines[k].indexOf(open[1]) + 3) : lines[k];
    const closes = line.includes(open[1]);
    const command = (closes ? line.slice(0, line.indexOf(open[1])) : line)
      .replace(/^\s*(?:\$\s+)?/, '')
      .slice(0, MAX_COMMAND_LENGTH);
    const words = command.split(/\s+/);
    const named = words.some((w) => w === base || w.endsWith(`/${base}`));
    if (named) {
      const devices = matchLauncher(command)
        ? extractShellFacts(command).filter((f) => f.kind === 'hardware.devices')
        : /^python3?$/.test(words[0] ?? '')
          ? [
              {
                kind: 'hardware.devices',
                value: 1,
                range: { startLine: k, startCol: 0, endLine: k, endCol: 0 },
                confidence: 'medium',
                detail: 'a plain python run (one process)',
              } as Fact,
            ]
          : [];
      if (devices.length !== 1) return [];
      if (found && found.devices[0].value !== devices[0].value) return [];
      found ??= { devices, row: k };
    }
    if (closes) break;
  }
  if (!found) return [];
  const k = found.row;
  const range = { startLine: k, startCol: 0, endLine: k, endCol: lines[k].length };
  return found.devices.map((f) => ({
    ...f,
    range,
    confidence: 'medium',
    detail: `launch documented at line ${k + 1} (the program's help text): ${f.detail}`,
  }));
}

/** Continued lines (`\` at the end) of a docstring's usage command joined into one. */
const MAX_DOCSTRING_CONTINUED = 30;

/**
 * The model a program's module docstring shows it run with, where the code's own model is only the default of a
 * flag the usage passes: `"""Example: python -m pkg.eval.model_x --model-path checkpoints/x_13b/final ..."""` over
 * `add_argument("--model-path", default="facebook/opt-350m")` (an evaluation script of a LLaVA-derived repository,
 * whose default is the placeholder it inherited). The documented command names this very program (its file, or
 * its module after `-m`) and passes that same flag with a value that states a size or a model the catalog knows;
 * that value is the model the author runs, and replaces the default (medium: the documented launch, not the code).
 * A docstring that documents several usages of the program (`--weights yolov5m-cls.pt` for one dataset, then
 * `--weights yolov5s-cls.pt` per export format) and passes the default itself in one of them, or passes different
 * values, names no one model over the default: the default stands.
 */
export function documentedFlagModel(
  path: string,
  text: string,
  facts: readonly Fact[],
  known: (name: string) => boolean,
): Fact[] {
  const at = facts.findIndex((f) => f.kind === 'model.id' && !f.file && /^default of --[\w-]+:/.test(f.detail));
  if (at < 0 || facts.some((f, k) => k !== at && f.kind === 'model.id' && !f.file)) return [...facts];
  const flag = /^default of (--[\w-]+):/.exec(facts[at].detail)![1];
  const base = /[^/\\]+$/.exec(path)?.[0];
  if (!base) return [...facts];
  const stem = base.replace(/\.py$/, '');
  const lines = text.split('\n', DOCSTRING_LINES);
  let i = 0;
  while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === '')) i++;
  const open = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (!open) return [...facts];
  let found: { value: string; k: number; last: number } | undefined;
  for (let k = i; k < lines.length; k++) {
    let line = k === i ? lines[k].slice(open[0].length) : lines[k];
    if (line.includes(open[1]) && k > i) break;
    let last = k;
    while (/\\\s*$/.test(line) && last + 1 < lines.length && last - k < MAX_DOCSTRING_CONTINUED) {
      const next = lines[last + 1];
      if (next.includes(open[1])) break;
      line = `${line.replace(/\\\s*$/, '')} ${next}`;
      last++;
    }
    const command = line.replace(/^\s*(?:\$\s+)?/, '').slice(0, MAX_COMMAND_LENGTH);
    const words = command.split(/\s+/);
    const named = words.some(
      (w, n) =>
        w === base ||
        w.endsWith(`/${base}`) ||
        (n > 0 && words[n - 1] === '-m' && (w === stem || w.endsWith(`.${stem}`))),
    );
    if (named && matchLauncher(command)) {
      const passed = words.indexOf(flag);
      const value = passed >= 0 ? words[passed + 1]?.replace(/^["']|["']$/g, '') : undefined;
      if (!found) {
        if (!value || /[$`<>{}]/.test(value) || value.startsWith('-') || !known(value)) return [...facts];
        found = { value, k, last };
      } else if (value && checkpointName(value) !== checkpointName(found.value)) return [...facts];
      if (value && checkpointName(value) === checkpointName(String(facts[at].value))) return [...facts];
    }
    k = last;
    if (line.includes(open[1])) break;
  }
  if (!found) return [...facts];
  const range = { startLine: found.k, startCol: 0, endLine: found.last, endCol: lines[found.last].length };
  const out = [...facts];
  out[at] = {
    ...facts[at],
    value: found.value,
    range,
    confidence: 'medium',
    detail: `launch documented at line ${found.k + 1}: ${flag} ${found.value} (the code's default, ${String(facts[at].value)}, is replaced)`,
  };
  return out;
}

/** A checkpoint as named on a command line or as a default: `yolov5s.pt`, `./yolov5s`, `out/ckpt/` alike. */
const checkpointName = (value: string) =>
  value
    .toLowerCase()
    .replace(/^\.\//, '')
    .replace(/\/+$/, '')
    .replace(/\.(?:pt|pth|ckpt|bin|safetensors)$/, '');

/** A launch of a file that the repository documents elsewhere (its README, a page of its docs folder). */
export interface DocumentedLaunch {
  readonly command: string;
  /** The documentation file, as shown to the user (relative to the folder). */
  readonly file: string;
  /** 0-based line of the command in that file. */
  readonly line: number;
  /**
   * The documented config this launch was written for, when it is given to a config beside it in its shape with this
   * config's name in its place (scan/documentedSiblings.ts).
   */
  readonly siblingOf?: string;
  /** Read from a block marked as another language (scan/documentedLaunches.ts): taken after the shell blocks' launches. */
  readonly inCodeBlock?: boolean;
  /**
   * The page is in a subfolder but names this file from the repository's root (scan/documentedLaunches.ts): the
   * command's other files are named from the root too.
   */
  readonly fromRoot?: boolean;
  /**
   * What the repository's shell script the command runs asks for, read with the command's words as its positional
   * parameters (`./tools/dist_train.sh cfg 8` → the script's `--nproc_per_node=$GPUS` with `GPUS=$2`): set by the folder
   * scan, which can read that script (scan/folderScan.ts).
   */
  readonly throughScript?: { readonly script: string; readonly facts: readonly Fact[] };
  /**
   * A launch of the program this config is a whole run of, documented with another config (`python train_net.py
   * --num-gpus 8 --config-file configs/x.yaml`; scan/programLaunches.ts): it says the devices the program is run on,
   * nothing else of this file.
   */
  readonly ofProgram?: string;
}

/** A model size a table of the repository's documentation gives a file (scan/documentedSizes.ts). */
export interface DocumentedSize {
  readonly params: number;
  /** The documentation file, as shown to the user (relative to the folder). */
  readonly file: string;
  /** 0-based line of the table row. */
  readonly line: number;
  /** The size as the row writes it, with the header's unit where the cell has none (`61M`; `109.4M` for `109.4` under `#Params (M)`). */
  readonly text: string;
}

/**
 * What the repository's documentation says of one file, found by the folder scan: the launches that name it and the
 * size its model tables give it. The scan hands it to each file's analysis, and the editor to the open file's.
 */
export interface FileDocumentation {
  readonly documented?: readonly DocumentedLaunch[];
  readonly documentedSize?: DocumentedSize;
}

/**
 * The facts a file's documentation adds to its own: the hardware of its documented launches where the file does not
 * say, the program a documented config is launched with (and the model it builds), and its documented model size. A
 * size alone makes no run: it is added only to a file that reads as something, with low confidence, so a size any
 * file of the run states or builds wins (factsToSpec).
 */
export function documentationFacts(
  display: string,
  text: string,
  facts: readonly Fact[],
  documentation: FileDocumentation,
): Fact[] {
  const { documented, documentedSize } = documentation;
  const hardware = documented ? documentationLaunchFacts(facts, documented) : [];
  const launched = documented ? documentedConfigLaunch(display, [...facts, ...hardware], documented, text) : [];
  const out = documented ? [...hardware, ...launched, ...documentedConfigModel(display, text, facts, launched)] : [];
  if (documentedSize && facts.length > 0)
    out.push({
      kind: 'model.params',
      value: documentedSize.params,
      range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
      confidence: 'low',
      detail: `${documentedSize.file}:${documentedSize.line + 1}: the repository's model table gives this config ${documentedSize.text} parameters`,
    });
  return out;
}

/** What a documented launch may give a run: the hardware it asks for (the file itself is the run). */
const DOCUMENTED_KINDS = ['hardware.devices', 'hardware.nodes'] as const;

/**
 * The hardware of the launches a README or a docs page documents for this file (scan/documentedLaunches.ts finds
 * them): "python -m torch.distributed.launch --nproc_per_node=8 --use_env Pretrain.py --config
 * ./configs/Pretrain.yaml" gives Pretrain.py and configs/Pretrain.yaml eight devices. Only launcher commands count:
 * a plain `python train.py` beside them is the single-process fallback the guide also shows. Taken only when
 * unambiguous (every documented launcher command that sets the value agrees), only for a file that has facts of
 * its own, and never over a value of the file's own (an unknown of its own, such as DDP's "as many processes as
 * the launcher starts" or `num_gpu: auto`, is what the launch answers). Each fact names the documentation file and line it was read at,
 * with the lowest confidence, so that a value the run's linked files state wins too.
 */
export function documentationLaunchFacts(facts: readonly Fact[], launches: readonly DocumentedLaunch[]): Fact[] {
  if (facts.length === 0 || launches.length === 0) return [];
  // The program's launches count only for a config that is a whole run of that program by itself (a detectron2
  // config with its solver), and only the training ones (an `--eval-only` line runs another job).
  // An OpenMMLab (mmengine) config is one too: its model, schedule and runtime, run by the repository's tools/train.py.
  const wholeRun = facts.some(
    (f) => f.kind === 'launch.trainer' && (String(f.value).startsWith('config:') || f.value === 'mmengine:config'),
  );
  const read = launches.flatMap((launch) => {
    if (launch.ofProgram && (!wholeRun || EVALUATION_SWITCH.test(launch.command))) return [];
    if (!matchLauncher(launch.command)) return [];
    const stated = extractShellFacts(launch.command);
    // The devices and nodes the script it runs asks for, where the command itself names none.
    const through = (launch.throughScript?.facts ?? []).filter(
      (f) => (DOCUMENTED_KINDS as readonly string[]).includes(f.kind) && !stated.some((g) => g.kind === f.kind),
    );
    return [
      {
        launch,
        facts: [
          ...stated,
          ...through.map((f) => ({ ...f, detail: `through ${launch.throughScript!.script}: ${f.detail}` })),
        ],
      },
    ];
  });
  const out: Fact[] = [];
  for (const kind of DOCUMENTED_KINDS) {
    // A value of its own wins; an unknown of its own (DDP: "as many processes as the launcher starts") is what
    // the documented launch answers.
    if (facts.some((f) => f.kind === kind && f.value !== null)) continue;
    let found: { fact: Fact; launch: DocumentedLaunch } | undefined;
    let agree = true;
    for (const { launch, facts: stated } of read) {
      const values = new Set(stated.filter((f) => f.kind === kind).map((f) => f.value));
      if (values.size === 0) continue;
      const value = [...values][0];
      if (values.size > 1 || typeof value !== 'number' || (found && found.fact.value !== value)) {
        agree = false;
        break;
      }
      found ??= { fact: stated.find((f) => f.kind === kind)!, launch };
      // The program's launches: its guide's first training launch is the one the configs are made for ("python
      // train_net.py --num-gpus 8 …"); a later line for one GPU says what to change to run on less.
      if (launch.ofProgram) break;
    }
    if (!found || !agree) continue;
    const { fact, launch } = found;
    out.push({
      kind,
      value: fact.value,
      range: { startLine: launch.line, startCol: 0, endLine: launch.line, endCol: 0 },
      confidence: 'low',
      file: launch.file,
      detail: launch.ofProgram
        ? `${launch.ofProgram}'s launch documented at line ${launch.line + 1} (with another config): ${fact.detail}`
        : `launch documented at line ${launch.line + 1}: ${fact.detail}`,
    });
  }
  const launcherConfig = out.length === 0 ? sharedLauncherConfig(facts, read) : undefined;
  if (launcherConfig) out.push(launcherConfig);
  return out;
}

/** accelerate's own config on a launch line (`accelerate launch --config_file recipes/zero3.yaml …`). */
const ACCELERATE_CONFIG_LINK = /^--config[_-]file[=\s]/;

/**
 * The launcher config every documented launch of this file hands accelerate, when none of them says how many devices
 * ("accelerate launch --config_file recipes/accelerate_configs/zero3.yaml scripts/sft.py --config recipes/x.yaml" in a
 * recipe's README): that config's `num_processes` and `num_machines` are the launch's devices, so it is linked to the
 * file, as a launch script's line links it. Only when the file says nothing of its devices and every such launch names
 * the same launcher config: one README that runs the file on a 1-GPU `ddp.yaml` and another on an 8-GPU `zero3.yaml`
 * does not say which it is. The path is kept as the command wrote it (commands are run from the repository's root;
 * the link is found from there).
 */
function sharedLauncherConfig(
  facts: readonly Fact[],
  read: ReadonlyArray<{ readonly launch: DocumentedLaunch; readonly facts: readonly Fact[] }>,
): Fact | undefined {
  if (facts.some((f) => (f.kind === 'hardware.devices' || f.kind === 'hardware.nodes') && f.value !== null))
    return undefined;
  let shared: { link: Fact; launch: DocumentedLaunch } | undefined;
  for (const { launch, facts: stated } of read) {
    if (stated.some((f) => f.kind === 'hardware.devices' || f.kind === 'hardware.nodes')) return undefined;
    const links = stated.filter(
      (f) => f.kind === 'link.config' && typeof f.value === 'string' && ACCELERATE_CONFIG_LINK.test(f.detail),
    );
    if (links.length !== 1 || !stated.some((f) => f.kind === 'launch.trainer' && f.value === 'accelerate launch'))
      return undefined;
    if (shared && shared.link.value !== links[0].value) return undefined;
    shared ??= { link: links[0], launch };
  }
  if (!shared || typeof shared.link.value !== 'string' || /^[/$~]|\.\./.test(shared.link.value)) return undefined;
  const { link, launch } = shared;
  return {
    kind: 'link.config',
    value: link.value,
    range: { startLine: launch.line, startCol: 0, endLine: launch.line, endCol: 0 },
    confidence: 'low',
    file: launch.file,
    detail: `launch documented at line ${launch.line + 1}: ${link.detail}`,
  };
}

/** Facts that make a config the definition of a run (a model, a length): a config without one is a fragment. */
export const CONFIG_RUN_FACT: ReadonlySet<string> = new Set([
  'model.id',
  'model.layers',
  'training.steps',
  'training.epochs',
  'training.tokens',
]);

/**
 * A Python config module (constants a program executes as its settings) whose launch the repository documents in its
 * README rather than at its own head: nanoGPT's "python train.py config/train_shakespeare_char.py" for a config with
 * no usage comment. As for a head comment (documentedLaunch), the first documented launcher command that runs a
 * program with this file as its argument links that program (its defaults are the run's base, the config's own
 * values win) and gives its devices; the program is named relative to the documentation page, so the link is
 * rewritten relative to this file. Only a config with none of its own launch facts, and only the first command: a
 * later one often varies the settings for another machine (`--device=cpu --n_layer=4`), which is not this config's run.
 * Not for a config that names a model: the program's sizes are those of its own default model.
 *
 * The same for a YAML or JSON config that is no run by its own reading (no dialect knows it): "python run.py
 * configs/large.yaml image.png" in a README makes that config a run of run.py (a config-driven program, not listed
 * itself), read with the program's facts. Only a command that passes this file to a program (the file is its config,
 * not the program); the program decides what the run does (trains, or generates), and a data utility the shell
 * reader does not read as a launch (`python download.py --config data.yaml`) makes no run.
 */
/** A file's name and folder, as a path with forward slashes. */
function pathParts(display: string): { base: string; folder: string } {
  const self = display.replace(/\\/g, '/');
  return {
    base: self.slice(self.lastIndexOf('/') + 1),
    folder: self.includes('/') ? self.slice(0, self.lastIndexOf('/')) : '',
  };
}

/** The launches of shell blocks first: a command recovered from a block marked as code is a fallback. */
function shellBlocksFirst(launches: readonly DocumentedLaunch[]): DocumentedLaunch[] {
  return [...launches.filter((l) => !l.inCodeBlock), ...launches.filter((l) => l.inCodeBlock)];
}

/** The folder a documented command names its files from: its page's, or the root's (DocumentedLaunch.fromRoot). */
function namesFrom(launch: DocumentedLaunch): string {
  return launch.fromRoot ? '' : pathParts(launch.file).folder;
}

/** A YAML or JSON config: the program a documented launch passes it to reads it as the run's settings. */
const DATA_CONFIG = /\.(?:ya?ml|json)$/i;
/** A command's switch for evaluating or timing a model instead of training it. */
const EVALUATION_SWITCH = /(?:^|\s)--(?:eval|eval[_-]only|test|throughput|inference)(?=\s|$)/;
/**
 * Starts of configs that name no program (`main.py --cfg <this>`): a yacs training config (config/yacs.ts), a run config
 * with a training section (config/trainSection.ts). The documented program is the one that runs them.
 */
const PROGRAMLESS_STARTS = new Set(['config:yacs', 'config:train-section']);

export function documentedConfigLaunch(
  display: string,
  facts: readonly Fact[],
  launches: readonly DocumentedLaunch[],
  text?: string,
): Fact[] {
  const dataConfig = DATA_CONFIG.test(display);
  if (SHELL_SCRIPT.test(display)) return settingsScriptLaunch(display, facts, launches);
  if (!dataConfig && !facts.some((f) => f.kind === 'source.configModule')) return [];
  // A list is data the program reads (`--real_labels real.json`, a JSON array of labels), not its settings.
  if (dataConfig && text !== undefined && !isMappingDocument(display, text)) return [];
  // A YAML/JSON config's own links are what it composes (a defaults file beside it), not a program that runs it.
  // A yacs config's own start names no program (`main.py --cfg <this>`, config/yacs.ts): the documented one is it, and
  // what that program fixes beside the config (apex AMP at its `--amp-opt-level` default) is the run's too.
  const ownStart = facts.some(
    (f) => f.kind.startsWith('launch.') && !(f.kind === 'launch.trainer' && PROGRAMLESS_STARTS.has(String(f.value))),
  );
  if (ownStart || (!dataConfig && facts.some((f) => f.kind.startsWith('link.')))) return [];
  const programlessStart = facts.some((f) => f.kind === 'launch.trainer' && PROGRAMLESS_STARTS.has(String(f.value)));
  if (!dataConfig) {
    if (!facts.some((f) => CONFIG_RUN_FACT.has(f.kind))) return [];
    // A config that names its model (`init_from = 'gpt2-xl'`) would take the program's own default sizes (its
    // `n_layer = 12` for training from scratch) for that model's: only a config of the program's own model is linked.
    if (facts.some((f) => f.kind === 'model.id')) return [];
  }
  const { base, folder } = pathParts(display);
  for (const launch of shellBlocksFirst(launches)) {
    if (launch.ofProgram || !matchLauncher(launch.command)) continue;
    // A yacs (or training-section) config is a training run; the guide's evaluation command for it (`main.py --eval
    // --cfg <this>`) is not the run it defines.
    if (programlessStart && EVALUATION_SWITCH.test(launch.command)) continue;
    const docFolder = namesFrom(launch);
    const stated = extractShellFacts(launch.command);
    const program = stated.find((f) => f.kind === 'link.script' && typeof f.value === 'string');
    if (!program || String(program.value).endsWith(base)) continue;
    const flag = dataConfig ? configFlagOf(launch.command, display, String(program.value)) : '';
    if (flag === undefined) continue;
    const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
    const given = text !== undefined && isConfigOption(flag) ? flatParameters(display, text) : undefined;
    return (
      stated
        .map((f) => (given && f === program ? withConfigParameters(f, given) : f))
        .filter((f) => !(f.kind.startsWith('link.') && String(f.value).endsWith(base)))
        // The hardware documentationLaunchFacts gave from the same pages is not given twice.
        .filter((f) => !(f.kind.startsWith('hardware.') && facts.some((g) => g.kind === f.kind)))
        .map((f) => ({
          ...f,
          ...(f.kind.startsWith('link.') && typeof f.value === 'string'
            ? { value: relativeFrom(folder, joinPosix(docFolder, f.value)) }
            : {}),
          range,
          confidence: 'low' as const,
          detail: launch.siblingOf
            ? `launch documented for ${launch.siblingOf} (this config has its sections) in ${launch.file} at line ${launch.line + 1}: ${f.detail}`
            : `launch documented in ${launch.file} at line ${launch.line + 1}: ${f.detail}`,
        }))
    );
  }
  return [];
}

/** A shell script by its extension. */
/** Facts that say how long a run is. */
const RUN_LENGTH: ReadonlySet<string> = new Set(['training.steps', 'training.epochs', 'training.tokens']);
const SHELL_SCRIPT = /\.(?:sh|bash)$/i;

/**
 * A launch-free settings script (GLM's `config/ds_block_large.sh`: `gpt_options="--num-layers 24 --hidden-size 1024
 * --train-iters 200000 --fp16 …"`, read by shell/sourcedArguments.ts as flags for the scripts that source it) that a
 * README launches as the argument of a wrapper script (`bash scripts/ds_pretrain_nvidia.sh config/ds_block_large.sh`,
 * whose `source $1` runs it in the wrapper's shell before `deepspeed … pretrain_glm.py ${gpt_options}`): the settings
 * script is that launch's run, its own flags the run's, the wrapper (read with the command's words as its positional
 * parameters) its launcher. Only where the wrapper is handed this file as a word of its own (not a flag's value), and
 * only for a file with no launch of its own.
 */
function settingsScriptLaunch(display: string, facts: readonly Fact[], launches: readonly DocumentedLaunch[]): Fact[] {
  if (facts.some((f) => f.kind.startsWith('launch.'))) return [];
  // Its flags state how long the run is (`--train-iters 200000`): a model's description (`MODEL_ARGS="--num-layers 24
  // … --load-pretrained ${CHECKPOINT_PATH}/…"`, handed to a task's script beside the task's file) is a part of the run
  // that script makes, not a run.
  if (!facts.some((f) => f.within?.startsWith('$') && RUN_LENGTH.has(f.kind) && f.value !== null)) return [];
  const { base, folder } = pathParts(display);
  for (const launch of shellBlocksFirst(launches)) {
    if (!matchLauncher(launch.command)) continue;
    const stated = extractShellFacts(launch.command);
    const wrapper = stated.find(
      (f) =>
        f.kind === 'link.script' &&
        typeof f.value === 'string' &&
        SHELL_SCRIPT.test(f.value) &&
        !f.value.endsWith(base) &&
        // The last settings file the wrapper is handed (a model's file, then the task's: the task's is the run).
        (f.positional ?? [])
          .filter((w) => SHELL_SCRIPT.test(w))
          .at(-1)
          ?.replace(/^\.\//, '')
          .endsWith(base) === true,
    );
    if (!wrapper) continue;
    const docFolder = namesFrom(launch);
    const range = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
    return stated
      .filter((f) => f.kind === 'launch.trainer' || f === wrapper)
      .map((f) => ({
        ...f,
        ...(f === wrapper ? { value: relativeFrom(folder, joinPosix(docFolder, String(f.value))) } : {}),
        range,
        confidence: 'low' as const,
        detail: `launch documented in ${launch.file} at line ${launch.line + 1}: ${f.detail}`,
      }));
  }
  return [];
}

/**
 * Flags that hand a launcher its own config (accelerate's `--config_file`, DeepSpeed's JSON, an FSDP or host file):
 * the file passed with one configures the launch, not the program's run. So do flags that hand the program the
 * settings of one part of the run (`--lora_config configs/lora.json` with a LoRA rank and target modules, a PEFT,
 * quantisation or generation config): the run is defined by the command, the file is one of its pieces.
 */
const LAUNCHER_CONFIG_FLAG =
  /^--?(?:config[_-]file|deepspeed|deepspeed[_-]config|ds[_-]config|fsdp[_-]config|accelerate[_-]config|hostfile|(?:lora|qlora|peft|adapter|quant(?:ization)?|bnb|generation)[_-]config(?:[_-](?:file|path))?)$/;

/**
 * A config's file name written as a placeholder the reader fills in (`<config>.yaml`, `{DATASET}.yml`,
 * `[CONFIG_NAME].yaml`): a README command that launches every config of its folder that way. Group: the extension.
 */
export const PLACEHOLDER_FILE_NAME =
  /^(?:<[\w .-]{1,40}>|\{[A-Z][A-Z0-9_]{0,40}\}|\[[A-Z][A-Z0-9_]{0,40}\])\.(ya?ml|json)$/;

/** `<config>.yaml` or `{DATASET}.yml` filled in by a file's name (`4m-b_mod7_500b.yaml`): same extension. */
function fillsPlaceholder(word: string, base: string): boolean {
  const m = PLACEHOLDER_FILE_NAME.exec(word);
  return m !== null && base.endsWith(`.${m[1]}`) && base.length > m[1].length + 1;
}

/**
 * Whether a JSON or YAML document is a mapping (settings), read from its first value: `{` for JSON; for YAML a first
 * line that is neither a list item nor a flow list (comments, blank lines and a `---` marker skipped).
 */
function isMappingDocument(display: string, text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(display)) return /^\s*\{/.test(body.slice(0, 4096));
  for (const line of body.split('\n', 200)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t === '---' || t.startsWith('%')) continue;
    return !/^(?:-(?:\s|$)|\[)/.test(t);
  }
  return true;
}

/** A flat YAML's top-level keys as the flags they set (yamlProgramConfig.ts), for a `.yaml`/`.yml` config only. */
function flatParameters(display: string, text: string): ReturnType<typeof passedEntries> | undefined {
  const entries = /\.ya?ml$/i.test(display) ? parseYamlTopLevel(text) : undefined;
  return entries && passedEntries(entries, (value) => value !== '');
}

/**
 * The program's link with a flat YAML's keys passed before the command's own flags: a program that takes its config
 * by `--config` and reads YAML sets the file's top-level keys as its flags' defaults (timm's and 4M's
 * `parser.set_defaults(**yaml.safe_load(f))`), so `model: fm_large_…` is the `--model` the run builds, and a flag the
 * command line gives as well still wins (the values are applied in order, the last one kept).
 */
function withConfigParameters(link: Fact, given: NonNullable<ReturnType<typeof flatParameters>>): Fact {
  return {
    ...link,
    passes: [...new Set([...given.passes, ...(link.passes ?? [])])],
    passedValues: [...given.passedValues, ...(link.passedValues ?? [])],
  };
}

/**
 * How the command passes the config named `base` to the program (a word after the program's word, not the value of a
 * launcher's config flag): the flag before it (`torchrun train.py --config cfg.json` → `--config`), `''` as a
 * positional argument (`python run.py configs/large.yaml`); undefined when the program is not handed it
 * (`accelerate launch --config_file zero3.yaml train.py`, `... train.py --deepspeed ds_zero2.json`,
 * `... train.py --lora_config configs/lora.json`).
 */
function configFlagOf(command: string, display: string, program: string): string | undefined {
  const { base } = pathParts(display);
  const words = command.split(/\s+/).slice(0, 80);
  const programBase = program.slice(program.lastIndexOf('/') + 1);
  const modulePath = program.replace(/\.py$/, '').replace(/\//g, '.');
  const last = (word: string) => {
    const bare = word.replace(/^["']|["']$/g, '');
    return bare.slice(Math.max(bare.lastIndexOf('/'), bare.indexOf('=')) + 1);
  };
  const at = words.findIndex((w) => last(w) === programBase || w === modulePath);
  if (at < 0) return undefined;
  for (let i = at + 1; i < words.length; i++) {
    // A Hydra group added by naming this config (`+configs=an4` for `configs/an4.yaml`) composes it into the run.
    const choice = hydraChoiceFile(words[i]);
    if (choice && display.replace(/\\/g, '/').endsWith(choice)) return '';
    if (!wordVariants(words[i]).some((w) => last(w) === base || fillsPlaceholder(last(w), base))) continue;
    const flag = words[i].includes('=') ? words[i].slice(0, words[i].indexOf('=')) : words[i - 1];
    if (!LAUNCHER_CONFIG_FLAG.test(flag)) return flag.startsWith('-') ? flag : '';
  }
  return undefined;
}

/**
 * The model class a documented YAML/JSON config builds (`model_config: target: pkg.models.InstantNeRF`,
 * config/modelTarget.ts), for a config made a run by its documented launch (`launched`, documentedConfigLaunch) that
 * names no model of its own: the run is this config's model, not whatever else the program loads.
 */
export function documentedConfigModel(
  display: string,
  text: string,
  facts: readonly Fact[],
  launched: readonly Fact[],
): Fact[] {
  if (!DATA_CONFIG.test(display) || !launched.some((f) => f.kind === 'link.script')) return [];
  if (facts.some((f) => f.kind === 'model.id' && f.value !== null)) return [];
  const target = modelTargetOf(text, /\.json$/i.test(display));
  if (!target) return [];
  const range = { startLine: target.line, startCol: 0, endLine: target.line, endCol: 0 };
  return [
    {
      kind: 'model.id',
      value: target.className,
      range,
      // The config says outright which model it builds: over a model the program loads beside it (its diffusion
      // front end, read in the linked program with high confidence).
      confidence: 'high',
      detail: `${target.section}.target: the model class this config builds (its size is the class's, not written here)`,
    },
    {
      kind: 'model.params',
      value: null,
      range,
      confidence: 'low',
      detail: `${target.className}: a class of the program's own; its size is not written in the config`,
    },
  ];
}

/** `a/b` + `./c/d.py` → `a/b/c/d.py`; `..` steps are resolved; an absolute or variable path is kept as written. */
function joinPosix(folder: string, reference: string): string {
  if (/^[/$~]/.test(reference)) return reference;
  const parts = folder ? folder.split('/') : [];
  for (const part of reference.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The folder-relative path `target` as seen from `folder` (both relative to the scanned folder). */
function relativeFrom(folder: string, target: string): string {
  if (/^[/$~]/.test(target)) return target;
  const from = folder ? folder.split('/') : [];
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
