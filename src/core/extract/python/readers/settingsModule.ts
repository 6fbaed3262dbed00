import type { Node } from 'web-tree-sitter';
import { onDefaultPath } from '../branches';
import type { FileRule } from '../rules';
import { SETTINGS_CLASS as SNAKE_OR_CAMEL_SETTINGS } from './localModules';

/**
 * A program whose settings are dataclasses in a module of its own package (nanoVLM's `import models.config as
 * config` then `vlm_cfg = config.VLMConfig()`, `train_cfg = config.TrainConfig()`; `from configs.train import
 * TrainConfig` then `TrainConfig(**overrides)`): the field defaults there (the model ids, the steps) are the
 * run's settings unless the program overrides them. That module is linked (`link.module`, low confidence: a
 * package installed from an index, with no such file here, is quietly not followed) and its dataclass fields are
 * read as facts of their own, under the program's (constants.ts dataclassFields).
 */

/**
 * A settings class by its name: `VLMConfig`, `TrainConfig`, `TrainingArguments`, `ModelArgs`, and the names
 * localModules.ts reads so (`train_config`, not a verb's `update_config`).
 */
const CAPITALISED_SETTINGS = /^[A-Z][A-Za-z0-9]{0,60}(?:Config|Args|Arguments|Settings|Params|Hparams)$/;
const isSettingsClass = (name: string) => CAPITALISED_SETTINGS.test(name) || SNAKE_OR_CAMEL_SETTINGS.test(name);
/** A call of something named like a settings class: files without one are not looked at further. */
const SETTINGS_CALL = /(?:Config|Args|Arguments|Settings|Params|Hparams|_config|_args|_settings)[ \t]*\(/;
/** `import models.config as config` / `import config`, at column 0. */
const MODULE_IMPORT =
  /^import[ \t]+([A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})(?:[ \t]+as[ \t]+(\w{1,100}))?[ \t]*$/gm;
/** `from models.config import VLMConfig, TrainConfig` / `from models import config`, at column 0. */
const FROM_IMPORT =
  /^from[ \t]+(\.?[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,8})[ \t]+import[ \t]+(\([^)]{0,2000}\)|[^\n#]{1,2000})/gm;
/**
 * A call's callee at the start of an expression (`config.VLMConfig(`, `TrainConfig (`; not `self.config.X(`): a
 * name or a dotted chain of names. Tried only where a chain starts, so each chain is read once; the character
 * before is looked at, not consumed, so a call in a call's arguments (`TrainConfig(VLMConfig(`) is found too.
 */
const CALLEE = /(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*\(/g;
/** Imports looked at per file, and settings classes followed. */
const MAX_IMPORTS = 60;
/**
 * Standard-library and common package modules: never a settings module of the program's own. Tianshou's trainer
 * parameters and training configs (`OffPolicyTrainerParams`, `OffPolicyTrainingConfig`) are read by their own rule
 * with the library's documented defaults (rlTrainer.ts); its source, where a checkout holds it, is not the program's.
 */
const NOT_LOCAL =
  /^(?:os|sys|re|json|math|time|torch|transformers|dataclasses|typing|argparse|numpy|datasets|tianshou)(?:\.|$)/;

/** `if args.enable_xft:` / `if cfg.use_exllama:`: an opt-in switch of the command line (its default off). */
const OPT_IN_SWITCH = /^[A-Za-z_]\w{0,60}\.(?:enable|use)_\w{1,60}$/;
/** `else: xft_config = None`: the alternative the program takes without the switch. */
const SET_TO_NONE = /^[A-Za-z_]\w{0,60}[ \t]*=[ \t]*None$/;

/**
 * Whether the call is built in the body of an opt-in switch whose `else` sets the setting to None (`if
 * args.enable_xft: xft_config = XftConfig(...)` / `else: xft_config = None`): an optional backend, off unless asked.
 */
function optInBranch(call: Node): boolean {
  let n: Node | null = call.parent;
  for (let depth = 0; n && depth < 4; depth++, n = n.parent) {
    if (n.type !== 'if_statement') continue;
    if (!OPT_IN_SWITCH.test(n.childForFieldName('condition')?.text ?? '')) return false;
    const otherwise = n.namedChildren.find((c) => c?.type === 'else_clause')?.childForFieldName('body');
    return !!otherwise?.namedChildren.some((c) => SET_TO_NONE.test(c?.text ?? ''));
  }
  return false;
}

const fileOf = (module: string) => `${module.replace(/^\./, '').replace(/\./g, '/')}.py`;

export const settingsModule: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  // Its words keep lines for the line prefilter; a settings module may hold plain constants without a Config( call.
  readsWithoutWords: true,
  words: ['Config(', 'Args(', 'Arguments(', 'Settings(', 'Params(', '_config('],
  read: (index, ctx) => {
    if (!SETTINGS_CALL.test(ctx.text) || !ctx.hasMainGuard) return;
    const linked = new Set(ctx.facts.filter((f) => f.kind === 'link.module').map((f) => String(f.value)));
    // Names that stand for a module (`config` in `config.VLMConfig()`) and names of settings classes, each with
    // the module file it comes from and the line of its import.
    const modules = new Map<string, { file: string; at: number }>();
    const classes = new Map<string, { file: string; at: number; original: string }>();
    let looked = 0;
    for (const m of ctx.text.matchAll(MODULE_IMPORT)) {
      if (++looked > MAX_IMPORTS || NOT_LOCAL.test(m[1])) continue;
      modules.set(m[2] ?? m[1], { file: fileOf(m[1]), at: m.index });
    }
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (++looked > MAX_IMPORTS || NOT_LOCAL.test(m[1])) continue;
      for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
        const name = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!name) continue;
        const local = name[2] ?? name[1];
        if (isSettingsClass(name[1])) classes.set(local, { file: fileOf(m[1]), at: m.index, original: name[1] });
        // `from models import config`: a module of the package, used as `config.VLMConfig()`.
        else if (/^[a-z_]\w*$/.test(name[1]))
          modules.set(local, { file: `${fileOf(m[1]).slice(0, -3)}/${name[1]}.py`, at: m.index });
      }
    }
    const used = new Map<string, number>();
    // Settings functions called (`default_ppo_config()`), by module: a module of several gives only these.
    const functions = new Map<string, string[]>();
    // The calls of the text, read once (a regex per imported name cost a pass over the text each).
    const calledNames = new Set<string>();
    for (const call of ctx.text.matchAll(CALLEE)) {
      const callee = call[1];
      const dot = callee.lastIndexOf('.');
      if (dot < 0) {
        calledNames.add(callee);
        continue;
      }
      const where = modules.get(callee.slice(0, dot));
      if (where && isSettingsClass(callee.slice(dot + 1)) && !used.has(where.file)) used.set(where.file, where.at);
    }
    // A settings function called only in branches the defaults do not take (`if cfg_name == "20B":
    // nemo_config = default_nemo_20b_config()` with `cfg_name = os.environ.get("NEMO_CONFIG", "1.3B")`) is an
    // alternative, not this run's.
    const offPath = new Set<string>();
    const onPath = new Set<string>();
    for (const node of index.calls) {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'identifier' || !classes.has(fn.text)) continue;
      (onDefaultPath(node, ctx.symbols) && !optInBranch(node) ? onPath : offPath).add(fn.text);
    }
    // A settings class built only in a branch the defaults do not take (`if args.enable_xft: xft_config =
    // XftConfig(...)`, an optional backend switched on by a flag that is off by default) configures an alternative:
    // its module is not linked for it.
    for (const [name, where] of classes)
      if (calledNames.has(name)) {
        if (offPath.has(name) && !onPath.has(name)) continue;
        if (!used.has(where.file)) used.set(where.file, where.at);
        if (/^[a-z_]\w*$/.test(where.original) && !(offPath.has(name) && !onPath.has(name)))
          functions.set(where.file, [...(functions.get(where.file) ?? []), where.original]);
      }
    for (const [file, at] of used) {
      if (linked.has(file)) continue;
      const row = ctx.text.slice(0, at).split('\n').length - 1;
      ctx.facts.push({
        kind: 'link.module',
        value: file,
        range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
        confidence: 'low',
        detail: `the settings classes of ${file} hold the run's defaults`,
        ...(functions.has(file) ? { functions: functions.get(file) } : {}),
      });
    }
  },
};
