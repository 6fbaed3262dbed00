import { PLACEHOLDER_FILE_NAME, type DocumentedLaunch } from '../extract/documentedLaunch';
import { wordVariants } from '../extract/wordVariants';
import { hydraChoiceFile } from '../extract/hydraChoice';

/**
 * Launches a repository documents only in its README or its docs folder: the shell commands of a fenced block
 * (```` ```bash ````, ```` ``` ````, `~~~sh`) or an HTML `<pre>` block, such as "python -m torch.distributed.launch
 * --nproc_per_node=8 --use_env Pretrain.py --config ./configs/Pretrain.yaml". A command that names a program or a
 * config of the repository is a documented launch of that file (documentedLaunch.ts reads what it sets). This
 * module only finds the commands and the files they name; it reads no facts. Bounded on huge or hostile Markdown.
 */

/**
 * A README's variants (`README_TiTok.md`, `README-zh.md`, `README.en.md`: one page per model or language) and the
 * guides repositories name at their root for what they document (`TRAINING.md`, `GETTING_STARTED.md`, `EVAL.md`).
 */
const README_VARIANT = /^readme(?:[._-][\w.-]{1,60})?\.md$/;
const GUIDE_NAMES = [
  'train',
  'training',
  'finetune',
  'finetuning',
  'fine_tuning',
  'getting_started',
  'eval',
  'evaluation',
  'inference',
  'usage',
  'run',
  'scripts',
];
const GUIDE = new RegExp(`^(?:${GUIDE_NAMES.join('|')})\\.md$`);

/** `readme` as a glob of either case (`[Rr][Ee][Aa][Dd][Mm][Ee]`): file listers match names case-sensitively. */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c)).join('');

/**
 * The documentation files as globs, for a lister that finds files by pattern (the extension's findFiles): every file
 * isDocumentationFile reads is matched (a unit test checks it); the few others matched (`README2.md`) are read for
 * nothing, as isDocumentationFile turns them down.
 */
export const DOCUMENTATION_GLOBS: readonly string[] = [
  `**/${anyCase('readme')}.md`,
  `**/${anyCase('readme')}[._-]*.md`,
  ...GUIDE_NAMES.map((g) => `${anyCase(g)}.md`),
  `**/${anyCase('doc')}/*.md`,
  `**/${anyCase('docs')}/*.md`,
];

/**
 * A README anywhere (or one of its variants), a guide page named for training or evaluation, or a Markdown page
 * directly in a `docs`/`doc` folder (where training guides are kept).
 */
export function isDocumentationFile(display: string): boolean {
  const parts = display.replace(/\\/g, '/').split('/');
  const name = parts[parts.length - 1].toLowerCase();
  // A guide at the repository's root; one in another folder (`notes/Training.md`) is someone's notes.
  if (README_VARIANT.test(name) || (parts.length === 1 && GUIDE.test(name))) return true;
  return name.endsWith('.md') && parts.length >= 2 && /^docs?$/i.test(parts[parts.length - 2]);
}

/** A command of a documentation file, with its 0-based line. */
export interface DocCommand {
  readonly command: string;
  readonly line: number;
  /** Read from a block marked as another language (```python```): a launch of lower standing than a shell block's. */
  readonly inCodeBlock?: true;
}

/** Documentation files read per scan (a docs folder of hundreds of pages is read up to here, in listing order). */
export const MAX_DOCUMENTATION_FILES = 200;
/** Characters of a documentation file looked at. */
const MAX_DOC_CHARS = 512 * 1024;
/** Commands kept per documentation file. */
const MAX_COMMANDS_PER_DOC = 400;
/** Continued lines (`\` at the end) joined into one command. */
const MAX_CONTINUED = 30;
const MAX_COMMAND_LENGTH = 4_000;
/** Words of a command looked at for file names. */
const MAX_WORDS = 80;
/** Documented launches kept per file they name. */
const MAX_LAUNCHES_PER_FILE = 32;

/**
 * A fence's info string that says its block is another language: code, data or markup, not commands. Any other
 * (`bash`, none as most READMEs write it, or one a page picked for its colours, `buildoutcfg`, `text`) may hold the
 * commands; a line of it that runs nothing names nothing.
 */
const NOT_SHELL_INFO =
  /^(?:python|py|python3|ipython|pycon|yaml|yml|json|jsonc|json5|js|javascript|ts|typescript|jsx|tsx|c|cpp|c\+\+|h|cuda|java|kotlin|scala|go|rust|ruby|r|julia|lua|php|perl|swift|html|xml|css|toml|ini|cfg|latex|tex|bibtex|bib|diff|patch|sql|markdown|md|dockerfile|proto|protobuf|csv|mermaid|math)$/i;

/**
 * A command line as written in a block marked as another language: environment assignments, then a launcher and a
 * script or module (`python train.py`, `CUDA_VISIBLE_DEVICES=0 torchrun --nproc_per_node=8 x.py`, `bash run.sh`).
 */
const LAUNCH_LINE =
  /^(?:[A-Z_][A-Z0-9_]{0,40}=\S{0,200}[ \t]+){0,8}(?:python3?|torchrun|accelerate[ \t]+launch|deepspeed|bash|sh|srun|sbatch)[ \t]+(?:-\S{1,40}[ \t]+){0,6}[\w./-]{1,200}/;

/** Code spans looked at per line of prose, and their length at most. */
const MAX_SPANS_PER_LINE = 8;
const MAX_SPAN = 1_000;

/** The code spans of a line of prose (`` `python x.py --config y.yaml` ``) that read as a launch (LAUNCH_LINE). */
function inlineLaunches(line: string): string[] {
  if (!line.includes('`')) return [];
  const out: string[] = [];
  for (const m of line.slice(0, MAX_SPAN * MAX_SPANS_PER_LINE).matchAll(/(?<!`)`([^`\n]{1,1000})`(?!`)/g)) {
    if (out.length >= MAX_SPANS_PER_LINE) break;
    const command = m[1].trim().replace(/^\$\s+/, '');
    if (LAUNCH_LINE.test(command)) out.push(command);
  }
  return out;
}

/** `NGPUS=8`, `export CONFIG="configs/a.yaml"`: a whole line that sets one variable to a plain word. */
const ASSIGNMENT =
  /^(?:export[ \t]+)?([A-Za-z_]\w{0,60})=(?:"([\w./:@+,-]{0,200})"|'([\w./:@+,-]{0,200})'|([\w./:@+,-]{0,200}))$/;
/** `$NAME` or `${NAME}` in a command. */
const VARIABLE_USE = /\$(?:\{([A-Za-z_]\w{0,60})\}|([A-Za-z_]\w{0,60}))/g;
/** Variables kept per block (a block that sets more is a script of its own, read as written past these). */
const MAX_BLOCK_VARIABLES = 64;

/**
 * The variables one block of a page sets, for its later commands: a README's block is a shell script
 * (`export NGPUS=8` then `torchrun --nproc_per_node=$NGPUS train.py`), and its launch says 8 processes only once the
 * variable is read. Only plain words (a number, a path, a name); a value built from other variables, a command's
 * output or spaces is not a reading, and its uses stay as written. A block's variables end with it.
 */
class BlockVariables {
  private readonly values = new Map<string, string>();

  clear(): void {
    this.values.clear();
  }

  /** The command with the variables set before it read; an assignment is remembered (and returned as written). */
  read(command: string): string {
    const set = ASSIGNMENT.exec(command);
    if (set) {
      if (this.values.size < MAX_BLOCK_VARIABLES || this.values.has(set[1]))
        this.values.set(set[1], set[2] ?? set[3] ?? set[4] ?? '');
      return command;
    }
    if (this.values.size === 0 || !command.includes('$')) return command;
    return command.replace(VARIABLE_USE, (use, braced?: string, bare?: string) => {
      const value = this.values.get(braced ?? bare ?? '');
      return value === undefined || value === '' ? use : value;
    });
  }
}

/** The shell commands of a Markdown text's fenced and `<pre>` blocks, and its prose's inline launches. */
export function docShellCommands(text: string): DocCommand[] {
  const lines = text.slice(0, MAX_DOC_CHARS).split('\n');
  const out: DocCommand[] = [];
  let fence: { marker: string; shell: boolean } | undefined;
  let inPre = false;
  let pending: { command: string; line: number; joined: number; inCodeBlock: boolean } | undefined;
  // The variables a block sets (`export NGPUS=8`), read into its later commands as the shell would run them.
  const variables = new BlockVariables();
  const flush = () => {
    if (pending && out.length < MAX_COMMANDS_PER_DOC) {
      // Cut before and after: a use is at most two characters of the command and a value 200.
      const command = variables.read(pending.command.trim().slice(0, MAX_COMMAND_LENGTH)).slice(0, MAX_COMMAND_LENGTH);
      if (command) out.push({ command, line: pending.line, ...(pending.inCodeBlock ? { inCodeBlock: true } : {}) });
    }
    pending = undefined;
  };
  for (let i = 0; i < lines.length && out.length < MAX_COMMANDS_PER_DOC; i++) {
    let line = lines[i].replace(/\r$/, '');
    if (fence) {
      const trimmed = line.trim();
      if (trimmed.startsWith(fence.marker) && /^[`~]+$/.test(trimmed)) {
        flush();
        fence = undefined;
        variables.clear();
        continue;
      }
      // A block marked as code may still hold a command (`python main_train.py --opt options/x.json` under
      // ```python```): a line that starts with a launcher and is no statement of that language is read as one.
      if (!fence.shell && !pending && !LAUNCH_LINE.test(line.trim().replace(/^\$\s+/, ''))) continue;
    } else if (!inPre) {
      const open = /^\s{0,12}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
      if (open) {
        fence = { marker: open[1], shell: !NOT_SHELL_INFO.test(open[2]) };
        continue;
      }
      const pre = /<pre(?:\s[^>]{0,200})?>/i.exec(line);
      if (!pre) {
        // A command written inline in the prose (**Train**: `python train_liif.py --config configs/x.yaml`): a code
        // span that starts with a launcher, of the lower standing of a line read from a block of another language.
        for (const span of inlineLaunches(line)) {
          if (out.length >= MAX_COMMANDS_PER_DOC) break;
          out.push({ command: span, line: i, inCodeBlock: true });
        }
        continue;
      }
      inPre = true;
      line = line.slice(pre.index + pre[0].length);
    }
    let closesPre = false;
    if (inPre) {
      const close = line.toLowerCase().indexOf('</pre>');
      if (close >= 0) {
        line = line.slice(0, close);
        closesPre = true;
      }
      line = line.replace(/<\/?code[^>]{0,100}>/gi, '');
    }
    const words = line.replace(/^\s*(?:\$|>|#)\s+/, (m) => (m.includes('#') ? '#' : '')).trim();
    if (pending) {
      pending.command += ` ${words.replace(/\\\s*$/, '')}`;
      pending.joined++;
      if (!/\\\s*$/.test(words) || pending.joined >= MAX_CONTINUED) flush();
    } else if (words && !words.startsWith('#')) {
      pending = { command: words.replace(/\\\s*$/, ''), line: i, joined: 0, inCodeBlock: !!fence && !fence.shell };
      if (!/\\\s*$/.test(words)) flush();
    }
    if (closesPre) {
      flush();
      inPre = false;
      variables.clear();
    }
  }
  flush();
  return out;
}

/** A word of a command that may name a file of the repository: a relative path to code, a config or a script. */
const FILE_WORD = /^(?:\.\/)?[\w.-][\w./-]{0,300}\.(?:py|ya?ml|json|sh|bash|gin)$/;

/**
 * A placeholder for the folder the reader cloned the repository into, then a path with a folder in it (group 1):
 * `/path_to_<repo>/`, `/path/to/<repo>/`, `path/to/<repo>/`. A placeholder file of the reader's own (`/path/to/config.py`)
 * has no folder below the placeholder and is not read as the repository's.
 */
const PLACEHOLDER_ROOT = /^\/?path[_/-]?to[_/-]?[\w.-]{1,80}\/([\w.-]{1,100}\/[\w./-]{1,300})$/i;

/**
 * A command's words as they may name files: `--config=x.yaml` and OmegaConf/Hydra command-line pairs
 * (`config=configs/x.yaml`, `data.path=...`) give their value; quotes and trailing punctuation dropped.
 */
function commandWords(command: string): string[] {
  return command
    .split(/\s+/, MAX_WORDS)
    .map((w) => w.replace(/^(?:--?[\w-]+=|[A-Za-z_][\w.]{0,60}=)?["']?|["',;]+$/g, ''));
}

/**
 * The references a command makes to files: its path-like words, a module run with `-m` (as a .py path), and the
 * option files of the Hydra groups it adds (`+configs=an4`) (resolved as any reference is: from the page's folder, then the
 * root, which is the program's config folder when it declares `config_path="."`).
 */
export function referencesOf(command: string): string[] {
  const words = commandWords(command);
  const out = new Set<string>();
  const raw = command.split(/\s+/, MAX_WORDS);
  raw.forEach((w, n) => {
    const choice = n > 1 ? hydraChoiceFile(w) : undefined;
    if (choice) out.add(choice);
  });
  words.forEach((w, n) => {
    if (w.includes('..') || w.includes('$')) return;
    // `/path_to_maskrcnn_benchmark/tools/train_net.py`, `/path/to/detectron2/projects/X/train_net.py`: a path from a
    // placeholder for the reader's copy of the repository names the file below it from the repository's root.
    const fromPlaceholder = PLACEHOLDER_ROOT.exec(w);
    if (fromPlaceholder && FILE_WORD.test(fromPlaceholder[1])) {
      out.add(fromPlaceholder[1]);
      return;
    }
    if (w.includes('{')) {
      for (const variant of wordVariants(w)) if (FILE_WORD.test(variant)) out.add(variant);
    } else if (FILE_WORD.test(w)) out.add(w);
    else if (n > 0 && words[n - 1] === '-m' && /^[A-Za-z_][\w.]{0,200}$/.test(w))
      out.add(`${w.replace(/\./g, '/')}.py`);
  });
  return [...out];
}

/**
 * A config path whose file name is a placeholder the reader fills in (`--config cfgs/default/4m/models/<config>.yaml`,
 * `configs/{DATASET}.yml`, PLACEHOLDER_FILE_NAME): the command launches each config of that folder (and its
 * subfolders) the same way.
 */
export function placeholderConfigsOf(command: string): Array<{ folder: string; extension: string }> {
  const out: Array<{ folder: string; extension: string }> = [];
  for (const word of commandWords(command)) {
    const slash = word.lastIndexOf('/');
    const m = slash > 0 ? PLACEHOLDER_FILE_NAME.exec(word.slice(slash + 1)) : null;
    const folder = word.slice(0, slash).replace(/^\.\//, '');
    if (m && FOLDER_WORD.test(folder) && !folder.includes('..')) out.push({ folder, extension: m[1] });
  }
  return out;
}

/** Config files a documented command may name by their file name alone. */
const CONFIG_FILE_NAME = /^[\w.-]{1,200}\.(?:json|ya?ml|toml)$/i;

/**
 * A config a page's command names by its file name alone, where the file sits in a folder the command does not say
 * (`python train.py -c config_ljs_radtts.json` beside `configs/config_ljs_radtts.json`): the repository's one config
 * of that name. A name two files share (`config.json` in every model folder) names none of them.
 */
export function configsByName(paths: readonly string[]): (reference: string) => string | undefined {
  const byName = new Map<string, string | null>();
  for (const p of paths) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (CONFIG_FILE_NAME.test(name)) byName.set(name, byName.has(name) ? null : p);
  }
  return (reference) => (CONFIG_FILE_NAME.test(reference) ? (byName.get(reference) ?? undefined) : undefined);
}

/** Options that hand a program its config file (`-c`, `--config`, `--cfg`, `--config_file`, `--config-path`). */
const CONFIG_OPTION = /^--?(?:c|cfg|conf|config|config[-_](?:file|path)|hparams(?:[-_]path)?)$/;

/** Whether the command hands `reference` to a config option (`-c ours.json`, `--config=ours.yaml`). */
function givenAsConfig(command: string, reference: string): boolean {
  const words = command.split(/\s+/, MAX_WORDS).map((w) => w.replace(/^["']|["',;]+$/g, ''));
  return words.some((w, n) => {
    const eq = w.indexOf('=');
    if (eq > 0 && CONFIG_OPTION.test(w.slice(0, eq))) return w.slice(eq + 1).replace(/^["']/, '') === reference;
    return w === reference && n > 0 && CONFIG_OPTION.test(words[n - 1]);
  });
}

/** A folder named on a command line, relative (`cfgs/default/4m/models`). */
const FOLDER_WORD = /^[\w.-][\w./-]{0,300}$/;

/** Configs a placeholder launch is given to at most (a model zoo folder holds a few dozen). */
const MAX_PLACEHOLDER_FILES = 100;
/**
 * Placeholder folders expanded per index (a repository documents a handful; each expansion looks through the
 * repository's file list once, so the pages cannot make it look thousands of times).
 */
export const MAX_PLACEHOLDER_EXPANSIONS = 32;

/**
 * The documented launches of each file of the repository: every command of the documentation files that names
 * it (resolved as a linked reference is, from the documentation file's folder, then from the root), and every
 * config of a folder a command names by a placeholder (`expand`: the repository's files of that extension under the
 * folder, resolved the same way).
 */
export function documentedLaunchIndex(
  docs: ReadonlyArray<{ readonly path: string; readonly display: string; readonly commands: readonly DocCommand[] }>,
  resolve: (from: string, reference: string) => string | undefined,
  expand: (from: string, folder: string, extension: string) => readonly string[] = () => [],
  byName: (reference: string) => string | undefined = () => undefined,
): Map<string, DocumentedLaunch[]> {
  const index = new Map<string, DocumentedLaunch[]>();
  const add = (
    target: string,
    doc: { readonly path: string; readonly display: string },
    command: string,
    line: number,
    inCodeBlock = false,
  ) => {
    const launches = index.get(target) ?? [];
    if (launches.length >= MAX_LAUNCHES_PER_FILE) return;
    // A page in a subfolder whose command names this file from the repository's root (`classification/README.md`
    // documenting `main.py --cfg configs/x.yaml`, both at the root): the command's other files are named from there too.
    const docFolder = doc.path.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
    const fromRoot = doc.display.includes('/') && !target.replace(/\\/g, '/').startsWith(`${docFolder}/`);
    if (!launches.some((l) => l.file === doc.display && l.line === line))
      launches.push({
        command,
        file: doc.display.replace(/\\/g, '/'),
        line,
        ...(inCodeBlock ? { inCodeBlock } : {}),
        ...(fromRoot ? { fromRoot } : {}),
      });
    index.set(target, launches);
  };
  let expansions = 0;
  for (const doc of docs)
    for (const { command, line, inCodeBlock } of doc.commands) {
      for (const reference of referencesOf(command)) {
        const target =
          resolve(doc.path, reference) ?? (givenAsConfig(command, reference) ? byName(reference) : undefined);
        if (target !== undefined && target !== doc.path) add(target, doc, command, line, inCodeBlock);
      }
      for (const { folder, extension } of placeholderConfigsOf(command)) {
        if (++expansions > MAX_PLACEHOLDER_EXPANSIONS) break;
        for (const target of expand(doc.path, folder, extension).slice(0, MAX_PLACEHOLDER_FILES))
          add(target, doc, command, line);
      }
    }
  return index;
}
