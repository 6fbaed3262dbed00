import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rules';
import type { PythonReadContext } from '../context';
import { TRAINER_REGISTRY } from '../entryPoint';

/**
 * AXLearn trainer-config registry modules. AXLearn's entry point (`python -m axlearn.common.launch_trainer_main
 * --module=text.gpt.c4_trainer --config=fuji-7B-v2`) imports the module `--module` names and calls its
 * `named_trainer_configs()`, a mapping from config names to functions that build complete `SpmdTrainer` configs
 * (axlearn/common/launch_trainer.py, `get_named_trainer_config`; docs/01-start.md "Launching a training job"). Such a
 * module is a run, as a torchtitan config registry is; the entry program is config-driven.
 *
 * Read from the module itself (the family builders it calls, the common helpers, stay unread):
 * - the model: the registered names when the function returns a dict literal (its first entry not named for a test,
 *   `ResNet-18`, `conformer-l-rnnt`), else the family modules whose `trainer_configs(...)` it gathers (`fuji`,
 *   `gspmd`; also `for version in (gala, honeycrisp)` over modules asked for `trainer_configs`);
 * - from scratch: AXLearn initialises the model's parameters unless the trainer is given an `init_state_builder`
 *   (SpmdTrainer.Config.init_state_builder, default None: axlearn/common/trainer.py);
 * - steps: `max_step=N` of the chosen entry, or the module's only literal `max_step=N`;
 * - precision: `train_dtype=` as written (or the default of the parameter it names); with no `train_dtype` in the
 *   module and a model `dtype=jnp.float32`, float32 (SpmdTrainer.Config.train_dtype defaults to None: the model's
 *   own dtype);
 * - devices: a literal `mesh_shape=(…)` of integers, their product.
 */

const REGISTRY = /^def[ \t]+named_trainer_configs[ \t]*\(/m;
const TEST_NAME = /test/i;
const MAX_ENTRIES = 200;
const DTYPES: Record<string, string> = { bfloat16: 'bf16', float16: 'fp16', float32: 'fp32' };
const MAX_MESH_DEVICES = 100_000;

function registryFunction(ctx: PythonReadContext): Node | undefined {
  for (const child of ctx.tree.rootNode.namedChildren) {
    const def = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === 'named_trainer_configs')
      return def;
  }
  return undefined;
}

/** The dict literal the function returns (`return {"name": fn(...), ...}`). */
function returnedDict(def: Node): Node | undefined {
  const body = def.childForFieldName('body');
  for (const stmt of body?.namedChildren ?? []) {
    if (stmt?.type !== 'return_statement') continue;
    const value = stmt.namedChildren[0];
    if (value?.type === 'dictionary') return value;
  }
  return undefined;
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const m = /^[rRbBuU]?(["'])([^"'\n]{1,100})\1$/.exec(node.text);
  return m?.[2];
}

function intLiteral(text: string): number | undefined {
  if (!/^\d[\d_]{0,15}$/.test(text)) return undefined;
  const n = Number(text.replace(/_/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** `max_step=N` keyword anywhere under a node, when exactly one literal value is written there. */
function maxStepUnder(node: Node): { value: number; node: Node } | undefined {
  const found = new Map<number, Node>();
  const walk = (n: Node, depth: number) => {
    if (depth > 40 || found.size > 1) return;
    if (n.type === 'keyword_argument' && n.childForFieldName('name')?.text === 'max_step') {
      const v = n.childForFieldName('value');
      const value = v ? intLiteral(v.text) : undefined;
      if (value !== undefined && v) found.set(value, v);
    }
    for (const c of n.namedChildren) if (c) walk(c, depth + 1);
  };
  walk(node, 0);
  if (found.size !== 1) return undefined;
  const [[value, at]] = [...found];
  return { value, node: at };
}

export const trainerRegistry: FileRule = {
  framework: 'axlearn',
  phase: 'after-calls',
  words: ['named_trainer_configs'],
  runStart: REGISTRY,
  runStartInDefinitions: true,
  read: (_index, ctx) => {
    if (!REGISTRY.test(ctx.text)) return;
    const def = registryFunction(ctx);
    if (!def) return;
    const nameNode = def.childForFieldName('name') ?? def;
    ctx.add(
      'launch.trainer',
      TRAINER_REGISTRY,
      nameNode,
      'named_trainer_configs(): the trainer configs AXLearn launch_trainer_main runs with --module/--config',
      'medium',
    );
    // The model: a registered name, else the family modules gathered.
    const dict = returnedDict(def);
    let chosen: Node | undefined;
    if (dict) {
      const pairs = dict.namedChildren.filter((c): c is Node => c?.type === 'pair').slice(0, MAX_ENTRIES);
      const pair = pairs.find((p) => {
        const key = stringValue(p.childForFieldName('key'));
        return key !== undefined && !TEST_NAME.test(key);
      });
      const key = pair && stringValue(pair.childForFieldName('key'));
      if (pair && key) {
        chosen = pair;
        ctx.add(
          'model.id',
          key,
          pair.childForFieldName('key')!,
          `named_trainer_configs() registers '${key}'`,
          'medium',
        );
      }
    } else {
      const body = def.text.slice(0, 20_000);
      const families: string[] = [];
      for (const m of body.matchAll(/\b([a-z]\w{0,40})\.trainer_configs[ \t]*\(/g)) families.push(m[1]);
      const loop = /\bfor[ \t]+(\w{1,40})[ \t]+in[ \t]+[([]([\w \t,]{1,200})[)\]][ \t]*:/.exec(body);
      if (families.length === 0 && loop && new RegExp(`\\b${loop[1]}\\b[^\\n]{0,40}trainer_configs`).test(body))
        families.push(...loop[2].split(',').map((s) => s.trim()));
      // A name bound by a loop over something else (`for version in info["versions"]`) is no module's.
      const family = families.find(
        (f) => /^[a-z]\w{0,40}$/.test(f) && f !== 'self' && !new RegExp(`\\bfor[ \\t]+${f}[ \\t]+in\\b`).test(body),
      );
      if (family)
        ctx.add(
          'model.id',
          family,
          nameNode,
          `named_trainer_configs() gathers the ${families.join(', ')} family configs (${family} first)`,
          'low',
        );
    }
    if (!ctx.text.includes('init_state_builder'))
      ctx.add(
        'model.fromScratch',
        true,
        nameNode,
        'no init_state_builder: AXLearn initialises the model (SpmdTrainer.Config.init_state_builder defaults to None)',
        'medium',
      );
    const steps = (chosen && maxStepUnder(chosen)) ?? maxStepUnder(ctx.tree.rootNode);
    if (steps) ctx.add('training.steps', steps.value, steps.node, `max_step=${steps.value}`, 'medium');
    readDtype(ctx);
    const mesh = /\bmesh_shape[ \t]*=[ \t]*\(([\d \t,]{1,60})\)/.exec(ctx.text);
    if (mesh) {
      const dims = mesh[1]
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map(Number);
      const product = dims.reduce((a, b) => a * b, 1);
      if (dims.length > 0 && dims.every((d) => Number.isInteger(d) && d > 0) && product <= MAX_MESH_DEVICES)
        ctx.add(
          'hardware.devices',
          product,
          nameNode,
          `mesh_shape=(${mesh[1].trim()}): ${product} device(s)`,
          'medium',
        );
    }
  },
};

function readDtype(ctx: PythonReadContext): void {
  const anchor = registryFunction(ctx);
  if (!anchor) return;
  const at = anchor.childForFieldName('name') ?? anchor;
  const train = /\btrain_dtype[ \t]*=[ \t]*(?:jnp\.(\w{1,20})|(\w{1,60}))/.exec(ctx.text);
  if (train) {
    let dtype: string | undefined = train[1];
    if (!dtype && train[2]) {
      // The default of the parameter it names: `compute_dtype: jnp.dtype = jnp.bfloat16`.
      const param = new RegExp(`\\b${train[2]}[ \\t]*(?::[ \\t]*[\\w.]{1,40})?[ \\t]*=[ \\t]*jnp\\.(\\w{1,20})`).exec(
        ctx.text,
      );
      dtype = param?.[1];
    }
    const p = dtype ? DTYPES[dtype] : undefined;
    if (p) ctx.add('training.precision', p, at, `train_dtype: jnp.${dtype}`, 'medium');
    return;
  }
  if (/\bdtype[ \t]*=[ \t]*jnp\.float32\b/.test(ctx.text) && !/\bjnp\.(?:bfloat16|float16)\b/.test(ctx.text))
    ctx.add(
      'training.precision',
      'fp32',
      at,
      'the model is float32 and no train_dtype is set (SpmdTrainer.Config.train_dtype defaults to None)',
      'medium',
    );
}
