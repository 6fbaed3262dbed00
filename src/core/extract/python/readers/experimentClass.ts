import type { Node } from 'web-tree-sitter';
import type { Fact } from '../../../facts';
import { truncate, type PythonReadContext } from '../context';
import { EXPERIMENT_CLASS_FILE } from '../entryPoint';
import type { FileRule } from '../rules';
import { linkLoader } from './loaderModule';
import { findModelByName } from '../../../knowledge';

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

/**
 * YOLOX's published variants by the multipliers their experiment files set over the base (YOLOX exps/default/
 * yolox_{nano,tiny,s,m,l,x}.py: `self.depth`, `self.width`; nano alone builds depthwise convolutions in its get_model;
 * README.md "Benchmark" tables list the variants), each named as its catalog row (sizes and sources there). A
 * network built by the base (YOLOPAFPN with these multipliers) or by a get_model building YOLOPAFPN is that variant's
 * network; a different class count changes only the head's last 1x1 convolutions (a few thousand weights).
 */
const PAFPN_VARIANTS: ReadonlyArray<{ depth: number; width: number; depthwise: boolean; id: string }> = [
  { depth: 0.33, width: 0.25, depthwise: true, id: 'yolox-nano' },
  { depth: 0.33, width: 0.375, depthwise: false, id: 'yolox-tiny' },
  { depth: 0.33, width: 0.5, depthwise: false, id: 'yolox-s' },
  { depth: 0.67, width: 0.75, depthwise: false, id: 'yolox-m' },
  { depth: 1.0, width: 1.0, depthwise: false, id: 'yolox-l' },
  { depth: 1.33, width: 1.25, depthwise: false, id: 'yolox-x' },
];
/** YOLOX-Darknet53 (exps/default/yolov3.py): get_model builds `YOLOFPN()` (Darknet-53, its default depth) at width 1.0. */
const DARKNET_VARIANT = 'yolox-darknet53';
/** The YOLOX package an experiment base is imported from (`from yolox.exp import Exp`), by its module path. */
const YOLOX_PACKAGE = /^yolox(?:\.|$)/;

/** The `get_model` method of the experiment class, if it defines one. */
function getModelMethod(cls: Node): Node | undefined {
  const body = cls.childForFieldName('body');
  return (
    body?.namedChildren.find(
      (c) => c?.type === 'function_definition' && c.childForFieldName('name')?.text === 'get_model',
    ) ?? undefined
  );
}

/**
 * The published YOLOX variant an experiment builds, from the multipliers it sets (both literal numbers in its
 * `__init__`) and the network its get_model builds (the base's YOLOPAFPN when it defines none); undefined otherwise.
 */
function publishedVariant(
  cls: Node,
  settings: ReadonlyArray<{ name: string; value: Node }>,
  fromYolox: boolean,
): { id: string; why: string } | undefined {
  const literal = (name: string) => {
    const v = settings.filter((s) => s.name === name).pop()?.value;
    return v && /^\d{1,3}(?:\.\d{1,6})?$/.test(v.text) ? Number(v.text) : undefined;
  };
  const depth = literal('depth');
  const width = literal('width');
  if (depth === undefined || width === undefined) return undefined;
  const method = getModelMethod(cls);
  const text = method ? method.text.slice(0, 20_000) : '';
  const builds = /\b(YOLOPAFPN|YOLOFPN)\s*\(/.exec(text)?.[1];
  // Without YOLOX's own base or networks in sight, the multipliers are another framework's.
  if (!fromYolox && !builds) return undefined;
  // A get_model building some other network (its own backbone): no published variant.
  if (method && !builds) return undefined;
  const multipliers = `self.depth = ${depth}, self.width = ${width}`;
  if (builds === 'YOLOFPN') {
    const args = /\bYOLOFPN\s*\(([^()]{0,200})\)/.exec(text)?.[1].trim() ?? '';
    if (width !== 1 || !(args === '' || /^(?:depth\s*=\s*)?53$/.test(args))) return undefined;
    return { id: DARKNET_VARIANT, why: `get_model builds YOLOFPN (Darknet-53) at ${multipliers}` };
  }
  const depthwise = /\bdepthwise\s*=\s*True\b/.test(text);
  const row = PAFPN_VARIANTS.find((v) => v.depth === depth && v.width === width && v.depthwise === depthwise);
  if (!row) return undefined;
  return {
    id: row.id,
    why: `${multipliers}${depthwise ? ', depthwise' : ''}: the multipliers of the published ${row.id}`,
  };
}

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
    // A class named Exp has the name in the text: one search spares the walk over the module's statements.
    if (ctx.hasTopLevelMainGuard || !ctx.text.includes('Exp')) return;
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
    // The network's size from the multipliers of a published variant (its catalog row): an experiment renamed for its
    // data (`voc_s`, `custom/nano`) still builds that variant's network.
    const variant = publishedVariant(found.cls, settings, YOLOX_PACKAGE.test(imported.module));
    const sized = variant ? findModelByName(variant.id) : undefined;
    if (variant && sized)
      ctx.add(
        'model.params',
        sized.params,
        header,
        `${variant.why} (${sized.params.toLocaleString('en-US')} parameters; the head's class count changes it slightly)`,
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
