import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, stringLiteral } from '../../pythonValues';
import { flagsOf, truncate, type PythonReadContext } from '../context';
import { readKeyword } from '../keywords';
import type { CallRule, FileRule } from '../rules';
import { SETTINGS_CLASS } from './localModules';

/**
 * trlx (github.com/CarperAI/trlx): `trlx.train(reward_fn=..., prompts=..., config=config)` with a `TRLConfig` built
 * from its sections (trlx/data/configs.py):
 * - `TrainConfig(epochs=..., total_steps=..., seq_length=..., batch_size=...)`: training stops at the first of
 *   `epochs` and `total_steps` reached (AccelerateRLTrainer.learn: "for _ in range(self.config.train.epochs)" with a
 *   break once `self.iter_count >= self.total_steps`), so both are read;
 * - `ModelConfig(model_path=...)`: a Hub id or a local checkpoint loaded with `from_pretrained`, or a transformers
 *   `PretrainedConfig` object, from which the model is built with random weights (trlx/trainer/accelerate_base_trainer.py
 *   and the model wrappers: "if isinstance(config, str): from_pretrained ... else: from_config");
 * - overrides of those sections in the program: `config.evolve(train=dict(total_steps=200), model=dict(model_path=...))`
 *   and `TRLConfig.update(base, dict(train=dict(...)))`, and `trlx.train(model_path=...)`.
 */

/** Sections of a TRLConfig whose keywords we read. */
const SECTIONS: Readonly<Record<string, string>> = { train: 'TrainConfig', model: 'ModelConfig' };
/** TrainConfig's fields that size the run (read as the same keywords elsewhere: python/keywords.ts). */
const TRAIN_FIELDS = new Set(['epochs', 'total_steps', 'seq_length', 'batch_size']);

const isTrlx = (ctx: PythonReadContext) => ctx.mentions('trlx');

/** `model_path=`: a checkpoint loaded with from_pretrained, or a config object built from scratch. */
function readModelPath(value: Node, ctx: PythonReadContext, owner: string): void {
  const call = value.type === 'call' ? value : undefined;
  if (call) {
    const callee = ctx.callee(call).last;
    if (/Config$/.test(callee))
      ctx.add(
        'model.fromScratch',
        true,
        value,
        `model_path=${truncate(callee, 40)}(...) in ${owner}: trlx builds the model from a config object, with random weights`,
      );
    return;
  }
  const r = evaluate(value, ctx.symbols);
  if (typeof r?.value !== 'string' || r.value.trim() === '') {
    ctx.add(
      'model.id',
      null,
      value,
      `model_path in ${owner}: \`${truncate(value.text)}\` cannot be read statically`,
      'low',
    );
    return;
  }
  ctx.add(
    'model.id',
    r.value,
    value,
    r.via ? `model_path in ${owner} (${r.via})` : `model_path in ${owner}`,
    r.via ? 'medium' : 'high',
  );
  const flags = flagsOf(r.via);
  if (flags.length > 0) ctx.amendLast({ fromFlags: flags });
  ctx.add('model.fromScratch', false, value, `model_path in ${owner}: trlx loads the checkpoint with from_pretrained`);
}

/**
 * Ends the detail of the program's own unknown model where a NeMo trainer builds the Megatron model of its config:
 * the settings module's `model_path` (a default the program's config carries along) is then not the run's model.
 */
export const NOT_MODEL_PATH = ', not model_path';

/** Where trlx's NeMo trainers look a `megatron_cfg` file name up: `configs/nemo_configs/` of the checkout. */
const NEMO_CONFIGS = 'configs/nemo_configs/';

/**
 * `trainer="NeMoILQLTrainer", trainer_kwargs=dict(megatron_cfg="megatron_20b.yaml", pretrained_model=None)`: the NeMo
 * trainers build the Megatron model that file describes (its trainer block: devices, nodes, precision, max_steps) and
 * load `pretrained_model` into it when one is given (trlx/trainer/nemo_*_trainer.py: "cfg_path = ... / 'configs' /
 * 'nemo_configs' / megatron_cfg"); `model_path` is not used.
 */
function readTrainerKwargs(value: Node, trainer: string | undefined, ctx: PythonReadContext, owner: string): void {
  if (!trainer?.startsWith('NeMo')) return;
  for (const [name, v] of pairsOf(value, ctx)) {
    const r = evaluate(v, ctx.symbols);
    if (name === 'megatron_cfg' && typeof r?.value === 'string' && /^[\w./-]{1,300}\.ya?ml$/.test(r.value)) {
      const path = r.value.includes('/') ? r.value : `${NEMO_CONFIGS}${r.value}`;
      ctx.add(
        'link.config',
        path,
        v,
        `megatron_cfg in ${owner}: ${trainer} builds the model this NeMo config describes`,
      );
      ctx.add('model.id', null, v, `${trainer} builds the Megatron model of ${r.value}${NOT_MODEL_PATH}`, 'medium');
    } else if (name === 'megatron_cfg' && (v.type === 'identifier' || v.type === 'call'))
      // `megatron_cfg=nemo_config` (a config loaded by a settings function, read through that link).
      ctx.add(
        'model.id',
        null,
        v,
        `${trainer} builds the Megatron model of the config ${truncate(v.text, 40)} holds${NOT_MODEL_PATH}`,
        'medium',
      );
    else if (name === 'pretrained_model' && (typeof r?.value === 'string' || v.type === 'string')) {
      // An f-string path (`f"/data/nemo-megatron-gpt-{size}/"`) is a checkpoint all the same.
      ctx.add('model.fromScratch', false, v, `pretrained_model in ${owner}: ${trainer} loads these weights`);
      ctx.add('training.mode', 'finetune', v, `pretrained_model in ${owner}: ${trainer} trains from these weights`);
    }
  }
}

function readSectionKeyword(section: string, name: string, value: Node, ctx: PythonReadContext, owner: string): void {
  if (section === 'model' && name === 'model_path') readModelPath(value, ctx, owner);
  else if (section === 'train' && TRAIN_FIELDS.has(name)) readKeyword(name, value, ctx, owner);
}

/** A section's keywords; in `train`, the NeMo trainer's own settings with the trainer named beside them. */
function readSection(section: string, pairs: Iterable<[string, Node]>, ctx: PythonReadContext, owner: string): void {
  const all = [...pairs];
  const trainerNode = section === 'train' ? all.find(([name]) => name === 'trainer')?.[1] : undefined;
  const trainer = trainerNode ? evaluate(trainerNode, ctx.symbols)?.value : undefined;
  for (const [name, value] of all) {
    if (name === 'trainer_kwargs' && section === 'train')
      readTrainerKwargs(value, typeof trainer === 'string' ? trainer : undefined, ctx, owner);
    else readSectionKeyword(section, name, value, ctx, owner);
  }
}

/** `**dict(...)` spreads followed inside one another. */
const MAX_SPREAD = 3;

/** The keyword arguments of a call, or the pairs of `dict(...)` / `{...}`, with their names. */
function* pairsOf(node: Node, ctx: PythonReadContext, anyCall = false, depth = 0): Generator<[string, Node]> {
  if (node.type === 'call') {
    if (!anyCall && node.childForFieldName('function')?.text !== 'dict' && !/Config$/.test(ctx.callee(node).last))
      return;
    for (const kw of node.childForFieldName('arguments')?.namedChildren ?? []) {
      // `TrainConfig(**dict(default.train.__dict__, trainer=..., trainer_kwargs=...))`: the dict's own keywords.
      const spread = kw?.type === 'dictionary_splat' ? kw.namedChildren[0] : undefined;
      if (spread?.type === 'call' && spread.childForFieldName('function')?.text === 'dict' && depth < MAX_SPREAD)
        yield* pairsOf(spread, ctx, false, depth + 1);
      if (kw?.type !== 'keyword_argument') continue;
      const name = kw.childForFieldName('name')?.text;
      const value = kw.childForFieldName('value');
      if (name && value) yield [name, value];
    }
  } else if (node.type === 'dictionary') {
    for (const pair of node.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      const name = key ? stringLiteral(key) : null;
      if (name && value) yield [name, value];
    }
  }
}

/** `train=dict(...)`, `model={...}`: a section's overrides, read as its class's keywords. */
function readSections(pairs: Iterable<[string, Node]>, ctx: PythonReadContext, owner: string): void {
  for (const [section, value] of pairs) {
    if (!Object.hasOwn(SECTIONS, section)) continue;
    readSection(section, pairsOf(value, ctx), ctx, `${owner} (${section}=)`);
  }
}

export const trlxSettings: CallRule = {
  framework: 'trlx',
  callees: ['TrainConfig', 'ModelConfig', 'evolve', 'update', 'train'],
  words: ['trlx'],
  when: ({ full, last, ctx }) =>
    isTrlx(ctx) &&
    (last === 'TrainConfig' ||
      last === 'ModelConfig' ||
      last === 'evolve' ||
      full === 'TRLConfig.update' ||
      full === 'trlx.train'),
  read: ({ node, full, last, ctx }) => {
    const args = node.childForFieldName('arguments');
    if (!args) return;
    if (last === 'TrainConfig' || last === 'ModelConfig') {
      const section = last === 'TrainConfig' ? 'train' : 'model';
      readSection(section, pairsOf(node, ctx, true), ctx, last);
      return;
    }
    if (full === 'trlx.train') {
      const path = keywordArgument(args, 'model_path');
      if (path) readModelPath(path, ctx, full);
      // The call starts the run: the training-call rule reads it too.
      return false;
    }
    if (last === 'evolve') {
      readSections(pairsOf(node, ctx, true), ctx, full);
      return;
    }
    // TRLConfig.update(base, dict(train=dict(...))): the second argument holds the overrides.
    const positional = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'keyword_argument');
    if (positional[1]) readSections(pairsOf(positional[1], ctx), ctx, full);
  },
};

/** Settings functions followed per module. */
const MAX_FUNCTIONS = 100;

/**
 * A module of several settings functions (trlx's `default_ppo_config()`, `default_ilql_config()`,
 * `default_sft_config()`): each is one alternative set of defaults, and a program that calls one takes only that
 * one's. Facts read inside such a function are marked with its name (`within`), so a link that names the functions
 * its program calls draws only theirs (analyze.ts linkedFacts).
 */
export const settingsFunctions: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (!/^def[ \t]+[a-z_]\w{0,100}_(?:config|args|settings)[ \t]*\(/m.test(ctx.text)) return;
    const functions: Array<{ name: string; start: number; end: number }> = [];
    for (const child of ctx.tree.rootNode.namedChildren) {
      if (functions.length >= MAX_FUNCTIONS) break;
      const def = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
      if (def?.type !== 'function_definition') continue;
      const name = def.childForFieldName('name')?.text ?? '';
      // Called with nothing (`default_ppo_config()`): a helper that adds flags to a parser it is handed
      // (`add_model_args(parser)`) declares the program's own settings, not an alternative set.
      const required = def
        .childForFieldName('parameters')
        ?.namedChildren.some((p) => p?.type === 'identifier' || p?.type === 'typed_parameter');
      if (!SETTINGS_CLASS.test(name) || /[A-Z]/.test(name) || required) continue;
      functions.push({ name, start: def.startPosition.row, end: def.endPosition.row });
    }
    if (functions.length < 2) return;
    for (let i = 0; i < ctx.facts.length; i++) {
      const f = ctx.facts[i];
      const inside = functions.find((fn) => fn.start <= f.range.startLine && f.range.startLine <= fn.end);
      if (inside && f.within === undefined) ctx.facts[i] = { ...f, within: inside.name };
    }
  },
};
