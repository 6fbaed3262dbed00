import type { Node } from 'web-tree-sitter';
import type { Fact } from '../../../facts';
import { truncate, type PythonReadContext } from '../context';
import { EXPERIMENT_CLASS_FILE } from '../entryPoint';
import type { FileRule } from '../rules';
import { linkLoader } from './loaderModule';

/**
 * Experiment-class files (YOLOX and the detectors and trackers built on it: `tools/train.py -f exps/<name>.py`).
 * The training program loads the file by its path and instantiates the class named `Exp` it defines
 * (yolox/exp/build.py `get_exp_by_file`: `importlib.import_module(...)` then `current_exp.Exp()`; YOLOX
 * docs/train_custom_data.md, "Create your Exp file to control everything"): the class subclasses the framework's
 * experiment base, imported from the framework's package, and its `__init__` sets the run's settings as attributes
 * over the base's (`self.depth`, `self.width`, `self.max_epoch`, `self.num_classes`). Each such file is a whole run's
 * definition, what the training program trains; the program itself is not counted again.
 *
 * Decided by the shape: a module-level `class Exp(<Base>)` whose base is imported by an absolute import (the
 * framework's experiment base, from outside its package; the base itself, imported relatively inside the package, is
 * library code), an `__init__` that calls `super().__init__()` and assigns `self.` settings, and no main guard (a
 * program would run something of its own).
 *
 * Read: `self.max_epoch` (epochs), and the experiment's name, which names the model: `self.exp_name = "<literal>"`,
 * or the file's own stem (`os.path.split(os.path.realpath(__file__))[1].split(".")[0]`, the framework's own idiom;
 * experimentNameFacts fills it from the path). A name that is a published variant's (`yolox_s`) gives the size
 * through the catalog. What the file does not set is its base's: the base class's module is linked (through its
 * package's re-exports), and the base's own `self.max_epoch` (read from the framework's base class, whose own base is
 * imported relatively inside the package) reaches the run, under the file's own value.
 */

/** How the detail of a value an experiment base sets starts (drawn only by an experiment file's link to its base). */
export const EXPERIMENT_BASE_VALUE = 'experiment base: ';
/** How the detail of an experiment file's link to its base starts (after the loader link's own prefix). */
export const EXPERIMENT_BASE_LINK = 'experiment base class: ';
/** The detail of the fact that marks the experiment named by its file's stem (filled by experimentNameFacts). */
export const NAMED_BY_FILE = 'self.exp_name is the file name (`__file__` stem)';
const FRAMEWORK = 'exp-class';
/** Statements of `__init__` looked at (an experiment sets tens; a hostile file may set thousands). */
const MAX_STATEMENTS = 400;
/** Words of a class that loads weights of its own (a checkpoint path, a pretrained backbone). */
const CHECKPOINT_WORDS = /pretrain|ckpt|checkpoint|\.pth\b|load_state_dict/i;
/** Attributes read as the run's length in epochs. */
const EPOCH_ATTRIBUTES = new Set(['max_epoch', 'max_epochs']);

/** The module an absolute `from pkg.mod import X [as Base]` binding `base` imports from, with its row. */
function absoluteImport(root: Node, base: string): { module: string; row: number } | undefined {
  for (const statement of root.namedChildren) {
    if (statement?.type !== 'import_from_statement') continue;
    const module = statement.childForFieldName('module_name');
    if (!module || module.type === 'relative_import' || module.text.startsWith('.')) continue;
    for (const child of statement.childrenForFieldName('name')) {
      if (!child) continue;
      const bound = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
      if (bound === base) return { module: module.text, row: statement.startPosition.row };
    }
  }
  return undefined;
}

/** The module-level `class Exp(Base)` with its base's name. */
function experimentClass(root: Node): { cls: Node; base: string } | undefined {
  for (const statement of root.namedChildren) {
    const cls =
      statement?.type === 'class_definition'
        ? statement
        : statement?.type === 'decorated_definition'
          ? statement.childForFieldName('definition')
          : null;
    if (cls?.type !== 'class_definition' || cls.childForFieldName('name')?.text !== 'Exp') continue;
    const bases = cls.childForFieldName('superclasses')?.namedChildren.filter((b): b is Node => b !== null) ?? [];
    if (bases.length !== 1 || bases[0].type !== 'identifier') return undefined;
    return { cls, base: bases[0].text };
  }
  return undefined;
}

/** The `self.<name> = <value>` assignments of `__init__`, in order, when it calls `super().__init__()` first. */
function initSettings(cls: Node): Array<{ name: string; value: Node; statement: Node }> | undefined {
  const body = cls.childForFieldName('body');
  const init = body?.namedChildren.find(
    (c) => c?.type === 'function_definition' && c.childForFieldName('name')?.text === '__init__',
  );
  const statements = init?.childForFieldName('body')?.namedChildren ?? [];
  let callsSuper = false;
  const out: Array<{ name: string; value: Node; statement: Node }> = [];
  for (const statement of statements.slice(0, MAX_STATEMENTS)) {
    const expression = statement?.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (!expression) continue;
    if (
      expression.type === 'call' &&
      /^super\([^)]{0,100}\)\.__init__$/.test(expression.childForFieldName('function')?.text ?? '')
    )
      callsSuper = true;
    if (expression.type !== 'assignment') continue;
    const left = /^self\.(\w{1,100})$/.exec(expression.childForFieldName('left')?.text ?? '');
    const value = expression.childForFieldName('right');
    if (left && value) out.push({ name: left[1], value, statement: expression });
  }
  return callsSuper && out.length > 0 ? out : undefined;
}

/** `os.path.split(os.path.realpath(__file__))[1].split(".")[0]` and its variants: the file's stem. */
function isFileStem(value: Node): boolean {
  const text = value.text;
  return text.length < 200 && text.includes('__file__') && /\.split\(\s*["']\.["']\s*\)\s*\[\s*0\s*\]$/.test(text);
}

export const experimentClassFile: FileRule = {
  framework: FRAMEWORK,
  phase: 'after-calls',
  words: ['Exp'],
  runStart: /^class[ \t]+Exp[ \t]*\(/m,
  runStartInDefinitions: true,
  read: (_index, ctx: PythonReadContext) => {
    if (ctx.hasTopLevelMainGuard) return;
    const root = ctx.tree.rootNode;
    const found = experimentClass(root);
    if (!found) return;
    const settings = initSettings(found.cls);
    if (!settings) return;
    const imported = absoluteImport(root, found.base);
    if (!imported) {
      // The framework's own base (its base imported relatively, inside the package): the values its experiment files
      // inherit, drawn only through their link to it (analyze.ts NARROW_LINKS); no run of its own.
      for (const { name, value } of settings)
        if (EPOCH_ATTRIBUTES.has(name) && /^[1-9]\d{0,5}$/.test(value.text))
          ctx.add(
            'training.epochs',
            Number(value.text),
            value,
            `${EXPERIMENT_BASE_VALUE}self.${name} = ${value.text}`,
            'low',
          );
      return;
    }
    // The base's module (through its package's re-exports): the settings this experiment does not set are its.
    linkLoader(
      ctx,
      imported.row,
      0,
      imported.module,
      `${EXPERIMENT_BASE_LINK}from ${imported.module} import ${found.base}`,
    );
    const header = found.cls.childForFieldName('name') ?? found.cls;
    ctx.add('run.framework', FRAMEWORK, header, `an experiment class (\`class Exp(${found.base})\`)`, 'medium');
    ctx.add(
      'launch.trainer',
      EXPERIMENT_CLASS_FILE,
      header,
      `an experiment file (\`class Exp(${found.base})\` setting the run over the framework's base): the training program loads it by its path (\`tools/train.py -f FILE\`) and trains the model it builds`,
      'medium',
    );
    // The framework builds the network the experiment describes (`exp.get_model()`) and loads weights only from a
    // checkpoint the training program is handed (`-c`, empty by default): an experiment naming no checkpoint trains
    // from scratch (a catalog name it shares with released weights is that network's size, not a starting point).
    if (!CHECKPOINT_WORDS.test(found.cls.text.slice(0, 50_000)))
      ctx.add(
        'model.fromScratch',
        true,
        header,
        'an experiment class naming no checkpoint: the framework builds its network (get_model) with fresh weights',
        'medium',
      );
    for (const { name, value } of settings) {
      if (EPOCH_ATTRIBUTES.has(name)) ctx.addResolved('training.epochs', value, `self.${name}`);
      else if (name === 'exp_name') {
        const literal = /^["']([\w.-]{1,100})["']$/.exec(value.text);
        if (literal) ctx.add('model.id', literal[1], value, `self.exp_name = ${truncate(value.text)}`, 'low');
        else if (isFileStem(value)) ctx.add('model.id', null, value, NAMED_BY_FILE, 'low');
      }
    }
  },
};

/** The experiment named by its file's stem (NAMED_BY_FILE): the stem, read from the path the file is at. */
export function withExperimentName(path: string, facts: Fact[]): Fact[] {
  const i = facts.findIndex((f) => f.kind === 'model.id' && f.value === null && f.detail === NAMED_BY_FILE);
  if (i < 0) return facts;
  const stem = /^([\w-]{1,100})(?:\.[\w-]{1,20})*\.py$/.exec(path.replace(/\\/g, '/').split('/').pop() ?? '')?.[1];
  if (!stem) return facts;
  return facts.map((f, k) => (k === i ? { ...f, value: stem, detail: `${NAMED_BY_FILE}: ${stem}` } : f));
}
