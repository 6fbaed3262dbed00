import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, positionalArguments, stringLiteral } from '../../pythonValues';
import { decideCondition, offByDefaultSwitch, onDefaultPath } from '../branches';
import { truncate, type PythonReadContext } from '../context';
import type { CallRule, FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';
import {
  ARCHITECTURE_CLASS,
  assignedToAModel,
  importedArchitectures,
  insideClass,
  moduleClassNames,
} from './modelConstructor';

/**
 * Standalone LM programs and notebooks (books, courses, "from scratch" re-implementations) state the architecture
 * in a plain dict and hand it to a model class of their own:
 *
 *     GPT_CONFIG_124M = {"vocab_size": 50257, "context_length": 1024, "emb_dim": 768, "n_heads": 12, "n_layers": 12}
 *     model = GPTModel(GPT_CONFIG_124M)
 *
 * A size is picked from a table by a name (`BASE_CONFIG.update(model_configs[CHOOSE_MODEL])` with
 * `CHOOSE_MODEL = "gpt2-small (124M)"`), or one dict per branch (`if CHOOSE_MODEL == "0.6B": QWEN3_CONFIG = {...}`).
 * The dict's keys size the model; the name the size was picked by names it. The parameters are counted from
 * the dict as the Llama/Qwen/GPT blocks lay them out (below), biases and norms left out.
 */

/** Keys of such dicts, by what they state (the names rasbt's, Meta's and nanoGPT-style dicts use). */
const LAYERS = ['n_layers', 'n_layer', 'num_layers', 'num_hidden_layers'];
const WIDTH = ['emb_dim', 'n_embd', 'd_model', 'hidden_size', 'dim'];
const VOCAB = ['vocab_size', 'n_vocab'];
const FFN = ['hidden_dim', 'intermediate_size', 'ffn_dim', 'd_ff'];
const HEADS = ['n_heads', 'n_head', 'num_heads', 'num_attention_heads'];
const KV_HEADS = ['n_kv_groups', 'num_kv_groups', 'n_kv_heads', 'num_key_value_heads'];
const HEAD_DIM = ['head_dim'];
const EXPERTS = ['num_experts', 'n_experts'];
const EXPERT_FFN = ['moe_intermediate_size', 'moe_hidden_dim', 'moe_ffn_dim'];
/** Rotary position keys: a Llama-family block, whose MLP is gated (SwiGLU/GeGLU: three d × ffn matrices). */
const ROPE = ['rope_base', 'rope_theta', 'rope_freq_base'];
/**
 * GPT-2's own names for the width and the context (`emb_dim`/`n_embd`, `context_length`/`block_size`/`n_positions`/
 * `n_ctx`): such a block without a rotary (or ALiBi) key learns a position table of context × d, as GPT-2's `wpe`
 * (Radford et al. 2019; nanoGPT's and minGPT's `wpe`, rasbt's `pos_emb`). Other naming (`dim`, `hidden_size`) is
 * Llama-style code, whose positions are rotary whether the dict says so or not: no table counted there.
 */
const GPT_WIDTH = ['emb_dim', 'n_embd'];
const GPT_CONTEXT = ['context_length', 'block_size', 'n_positions', 'n_ctx'];
const OTHER_POSITIONS = /rope|rotary|alibi|pos_emb|position_embedding/i;

/** Dict assignments, table updates and constructor calls looked at per file (a script has a handful). */
const MAX_ASSIGNMENTS = 200;
const MAX_CALLS = 200;
/** Lines looked back from a table update for the name it picks by (it is set a few lines above). */
const MAX_LOOKBACK = 500;
/** Generate and training calls read per file (a script makes a handful; each looks its model up in the text). */
const MAX_READS = 20;

/** What the call rules look up in the whole text, once per file (a file may hold thousands of calls). */
interface TextFacts {
  readonly trains: boolean;
  readonly buildsOptimizer: boolean;
  reads: number;
  readonly builtBy: Map<string, string | undefined>;
}
const TEXT_FACTS = new WeakMap<PythonReadContext, TextFacts>();
function textFacts(ctx: PythonReadContext): TextFacts {
  let facts = TEXT_FACTS.get(ctx);
  if (!facts) {
    facts = {
      trains: TRAINS.test(ctx.text),
      buildsOptimizer: BUILDS_OPTIMIZER.test(ctx.text),
      reads: 0,
      builtBy: new Map(),
    };
    TEXT_FACTS.set(ctx, facts);
  }
  return facts;
}

/** The architecture class `name = Class(...)` builds in the file (one of its own, or a published one's name). */
function builtBy(ctx: PythonReadContext, facts: TextFacts, name: string): string | undefined {
  if (facts.builtBy.has(name)) return facts.builtBy.get(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cls = new RegExp(`(?<![\\w.])${escaped}[ \\t]*=[ \\t]*([A-Za-z_]\\w{0,100})[ \\t]*\\(`).exec(ctx.text)?.[1];
  const own = cls !== undefined && new RegExp(`^class[ \\t]+${cls}[ \\t]*\\(`, 'm').test(ctx.text);
  const found =
    cls !== undefined && (ARCHITECTURE_CLASS.test(cls) || own) ? cls : builtInFunction(ctx, escaped, cls ?? undefined);
  facts.builtBy.set(name, found);
  return found;
}

/** Characters of a function's body read for the model it builds (a loader of a few tens of lines). */
const MAX_LOADER_BODY = 20_000;

/**
 * `MODEL, TOKENIZER = get_model_and_tokenizer(...)` (or `model = load_model(...)`): the name takes what a function of
 * the file returns, and that function builds the model from an architecture class (`model = Qwen3Model(cfg)`, a
 * published architecture's name, or a module class of the file) before returning it.
 */
function builtInFunction(ctx: PythonReadContext, escaped: string, single: string | undefined): string | undefined {
  const fn =
    single ??
    new RegExp(
      `^[ \\t]*(?:\\w{1,60}[ \\t]*,[ \\t]*){0,4}${escaped}(?:[ \\t]*,[ \\t]*\\w{1,60}){0,4}[ \\t]*=[ \\t]*([A-Za-z_]\\w{0,100})[ \\t]*\\(`,
      'm',
    ).exec(ctx.text)?.[1];
  if (!fn) return undefined;
  const def = new RegExp(`^def[ \\t]+${fn}[ \\t]*\\(`, 'm').exec(ctx.text);
  if (!def) return undefined;
  const rest = ctx.text.slice(def.index + def[0].length, def.index + MAX_LOADER_BODY);
  const end = /\n(?=[^\s#])/.exec(rest);
  const body = end ? rest.slice(0, end.index) : rest;
  for (const m of body.matchAll(/=[ \t]*([A-Za-z_]\w{0,100})[ \t]*\(/g)) {
    const cls = m[1];
    if (ARCHITECTURE_CLASS.test(cls) || new RegExp(`^class[ \\t]+${cls}[ \\t]*\\(`, 'm').test(ctx.text)) return cls;
  }
  return undefined;
}

const DICT_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w{0,100})[ \t]*=[ \t]*\{/;
const TABLE_UPDATE = /\b([A-Za-z_]\w{0,100})\.update\([ \t]*([A-Za-z_]\w{0,100})\[([^\]\n]{1,100})\][ \t]*\)/;
const STRING_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w{0,100})[ \t]*=[ \t]*["']([^"'\n]{1,100})["']/;

type Entry = { readonly value: number | string | boolean | null; readonly node: Node };
type Dict = Map<string, Entry>;

/** The dict literal's string keys and their values (numbers through constants; `torch.bfloat16` as written). */
function readDict(dict: Node, ctx: PythonReadContext): Dict {
  const out: Dict = new Map();
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const keyNode = pair.childForFieldName('key');
    const valueNode = pair.childForFieldName('value');
    const key = keyNode ? stringLiteral(keyNode) : null;
    if (key === null || !valueNode || out.size >= 100) continue;
    const v = valueNode.type === 'dictionary' ? null : evaluate(valueNode, ctx.symbols)?.value;
    // A value no constant states (`torch.bfloat16`) is kept as written.
    const value =
      typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
        ? v
        : v === undefined
          ? valueNode.text.slice(0, 100)
          : null;
    out.set(key, { value, node: valueNode });
  }
  return out;
}

function numberOf(d: Dict, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = d.get(k)?.value;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  }
  return undefined;
}

const isArchitecture = (d: Dict) => numberOf(d, LAYERS) !== undefined && numberOf(d, WIDTH) !== undefined;

/**
 * Parameters of the block the dict describes: attention Q and output of heads × head_dim, K and V of the key-value
 * heads (grouped-query attention); an MLP of two d × ffn matrices (GPT-2's 4d), three when gated (a rotary
 * Llama-family block); routed experts of their own width plus a router; the token embedding once (tied; an
 * output layer of its own would add vocab × d, which a dict does not say); a GPT-2-style block's learned positions.
 */
export function dictParams(d: Dict): { params: number; detail: string } | undefined {
  const layers = numberOf(d, LAYERS);
  const width = numberOf(d, WIDTH);
  if (!layers || !width) return undefined;
  const heads = numberOf(d, HEADS);
  const headDim = numberOf(d, HEAD_DIM) ?? (heads ? width / heads : undefined);
  const kvHeads = numberOf(d, KV_HEADS) ?? heads;
  const qWidth = heads && headDim ? heads * headDim : width;
  const kvWidth = kvHeads && headDim ? kvHeads * headDim : width;
  const attention = 2 * width * qWidth + 2 * width * kvWidth;
  const gated = ROPE.some((k) => d.has(k));
  const ffn = numberOf(d, FFN) ?? 4 * width;
  const experts = numberOf(d, EXPERTS);
  const expertFfn = numberOf(d, EXPERT_FFN);
  const matrices = gated ? 3 : 2;
  const mlp = experts && expertFfn ? experts * matrices * width * expertFfn + width * experts : matrices * width * ffn;
  const vocab = numberOf(d, VOCAB) ?? 0;
  const context = learnedPositions(d, gated);
  const params = layers * (attention + mlp) + (vocab + (context ?? 0)) * width;
  const parts = [
    `${layers} layers × d ${width}`,
    qWidth !== width || kvWidth !== width ? `attention ${qWidth}/${kvWidth} (Q/KV)` : '',
    experts && expertFfn ? `${experts} experts of ${expertFfn}` : `MLP ${ffn}${gated ? ' gated' : ''}`,
    vocab ? `vocab ${vocab}` : '',
    context ? `${context} learned positions (GPT-2 layout)` : '',
  ].filter(Boolean);
  return { params, detail: parts.join(', ') };
}

/** The learned position table's length, for a GPT-2-style dict only (see GPT_WIDTH). */
function learnedPositions(d: Dict, rotary: boolean): number | undefined {
  if (rotary || numberOf(d, GPT_WIDTH) === undefined) return undefined;
  for (const key of d.keys()) if (OTHER_POSITIONS.test(key)) return undefined;
  return numberOf(d, GPT_CONTEXT);
}

interface Candidate {
  readonly name: string;
  readonly node: Node;
  readonly dict: Dict;
  /** The table key or branch value that picked the size (`"gpt2-small (124M)"`, `"0.6B"`). */
  readonly picked?: string;
}

/**
 * `NAME = "value"` written last before `row` (a choice made in a function or a notebook cell, not at module level,
 * so the module's symbols do not hold it; straight-line code reads the nearest assignment above).
 */
function stringAbove(name: string, lines: readonly string[], row: number): string | undefined {
  for (let at = row; at >= 0 && at > row - MAX_LOOKBACK; at--) {
    if (!lines[at].includes(name)) continue;
    const m = STRING_ASSIGNMENT.exec(lines[at]);
    if (m && m[1] === name) return m[2];
  }
  return undefined;
}

function keyValue(keyNode: Node, ctx: PythonReadContext, lines: readonly string[]): string | undefined {
  const r = evaluate(keyNode, ctx.symbols);
  if (typeof r?.value === 'string') return r.value;
  return keyNode.type === 'identifier' ? stringAbove(keyNode.text, lines, keyNode.startPosition.row) : undefined;
}

/** `if CHOOSE_MODEL == "0.6B":` around an assignment: the value the branch picks by. */
function branchValue(node: Node): string | undefined {
  for (let at = node.parent, up = 0; at && up < 4; at = at.parent, up++) {
    if (at.type !== 'if_statement' && at.type !== 'elif_clause') continue;
    // Not the main guard (`if __name__ == "__main__":`): it picks no size.
    const m = /^\(?\s*(?!__name__)[A-Za-z_][\w.]{0,100}\s*==\s*["']([^"'\n]{1,40})["']\s*\)?$/.exec(
      at.childForFieldName('condition')?.text.slice(0, 200) ?? '',
    );
    return m?.[1];
  }
  return undefined;
}

/** The dicts assigned on the path the file's constants take, with the table entries merged into them. */
function candidates(ctx: PythonReadContext, lines: readonly string[]): Candidate[] {
  const dicts = new Map<string, Array<{ node: Node; dict: Dict }>>();
  const found: Candidate[] = [];
  let looked = 0;
  for (let row = 0; row < lines.length && looked < MAX_ASSIGNMENTS; row++) {
    if (!lines[row].includes('{')) continue;
    const m = DICT_ASSIGNMENT.exec(lines[row]);
    if (!m) continue;
    looked++;
    const assignment = ctx.tree.rootNode
      .descendantsOfType('assignment', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((a) => a !== null && a.startPosition.row === row);
    const right = assignment?.childForFieldName('right');
    if (!assignment || right?.type !== 'dictionary' || !onDefaultPath(assignment, ctx.symbols)) continue;
    const entry = { node: assignment, dict: readDict(right, ctx) };
    (dicts.get(m[1]) ?? dicts.set(m[1], []).get(m[1])!).push(entry);
  }
  // `BASE_CONFIG.update(model_configs[CHOOSE_MODEL])`: the table's entry for the chosen name joins the base dict.
  const updates = new Map<string, { dict: Dict; picked: string }>();
  for (let row = 0, seen = 0; row < lines.length && seen < MAX_ASSIGNMENTS; row++) {
    if (!lines[row].includes('.update(')) continue;
    const m = TABLE_UPDATE.exec(lines[row]);
    if (!m) continue;
    seen++;
    const call = ctx.tree.rootNode
      .descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((c) => c !== null && c.childForFieldName('function')?.text === `${m[1]}.update`);
    const subscript = call?.childForFieldName('arguments')?.namedChildren[0];
    const keyNode = subscript?.type === 'subscript' ? subscript.childForFieldName('subscript') : null;
    if (!call || !keyNode || !onDefaultPath(call, ctx.symbols)) continue;
    const picked = keyValue(keyNode, ctx, lines);
    const table = dicts.get(m[2])?.at(-1);
    if (picked === undefined || !table) continue;
    const pair = (table.node.childForFieldName('right')?.namedChildren ?? []).find(
      (p) => p?.type === 'pair' && stringLiteral(p.childForFieldName('key') ?? p) === picked,
    );
    const inner = pair?.childForFieldName('value');
    if (inner?.type === 'dictionary') updates.set(m[1], { dict: readDict(inner, ctx), picked });
  }
  for (const [name, entries] of dicts) {
    const update = updates.get(name);
    for (const { node, dict } of entries) {
      const merged = update ? new Map([...dict, ...update.dict]) : dict;
      if (isArchitecture(merged)) found.push({ name, node, dict: merged, picked: update?.picked ?? branchValue(node) });
    }
  }
  return found;
}

/** `model = GPTModel(cfg)`: the call building the model from a class of the file (or one it imports). */
function modelConstructions(index: SyntaxIndex, ctx: PythonReadContext, lines: readonly string[]): Node[] {
  const classes = moduleClassNames(index);
  importedArchitectures(ctx.text, classes);
  if (classes.size === 0) return [];
  const pattern = new RegExp(`(?<![\\w.])(${[...classes].join('|')})\\s*\\(`);
  const out: Node[] = [];
  for (let row = 0, looked = 0; row < lines.length && looked < MAX_CALLS; row++) {
    if (!lines[row].includes('(') || !pattern.test(lines[row]) || /^\s*class\s/.test(lines[row])) continue;
    for (const call of ctx.tree.rootNode.descendantsOfType('call', { row, column: 0 }, { row: row + 1, column: 0 })) {
      if (!call || call.startPosition.row !== row || ++looked > MAX_CALLS) continue;
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'identifier' || !classes.has(fn.text) || !assignedToAModel(call) || insideClass(call)) continue;
      if (onDefaultPath(call, ctx.symbols)) out.push(call);
    }
  }
  return out;
}

/** A size-only key (`"0.6B"`, `"30B-A3B"`) names the model with its family; a full name (`"gpt2-small (124M)"`) alone. */
function modelName(className: string, picked: string | undefined): string {
  if (picked === undefined) return className;
  if (/^\d[\d.]*\s*[KMBT](?:-A\d[\d.]*B)?$/i.test(picked))
    return `${className.replace(/(?:LanguageModel|ForCausalLM|Model|LM)$/, '') || className} ${picked}`;
  return picked;
}

/** The weights loaded into the built model (`load_weights_into_gpt(model, params)`, `model.load_state_dict(...)`). */
function loadsWeights(text: string, handle: string): boolean {
  const name = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\bload_weights_into_\\w{1,40}\\(\\s*${name}\\b|(?<![\\w.])${name}\\.load_state_dict\\(`).test(
    text,
  );
}

/**
 * The text of the call's scope from the call on, up to the next assignment of the same name (`model = GPTModel(cfg)`
 * again in a later notebook cell): a load after that fills the later model (a checkpoint the program saved reloaded
 * to continue or to sample), not the one this call built and trained.
 */
function textAfter(call: Node, handle: string): string {
  const scope = scopeOf(call);
  const after = scope.text.slice(Math.max(0, call.endIndex - scope.startIndex));
  const name = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const next = new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)`, 'm').exec(after);
  return next ? after.slice(0, next.index) : after;
}

/** The function (or the module) the call sits in: a load elsewhere in the file fills another model. */
function scopeOf(node: Node): Node {
  let at: Node = node;
  for (let up = 0; at.parent && up < 200; up++) {
    at = at.parent;
    if (at.type === 'function_definition') return at;
  }
  return at;
}

function readConfigDictModel(index: SyntaxIndex, ctx: PythonReadContext): void {
  // Parameters counted from the model's own layers (the dict's values read through) stand; the dict still names it.
  const counted = ctx.facts.some((f) => f.kind === 'model.params' && f.value !== null);
  if (counted && ctx.facts.some((f) => f.kind === 'model.id')) return;
  const lines = ctx.text.split('\n');
  const calls = modelConstructions(index, ctx, lines);
  if (calls.length === 0) return;
  const all = candidates(ctx, lines);
  if (all.length === 0) return;
  for (const call of calls) {
    const args = call.childForFieldName('arguments');
    const first = args
      ? (positionalArguments(args)[0] ?? keywordArgument(args, 'cfg') ?? keywordArgument(args, 'config'))
      : null;
    if (!first) continue;
    let chosen: Candidate[];
    if (first.type === 'dictionary') {
      const dict = readDict(first, ctx);
      chosen = isArchitecture(dict) ? [{ name: '', node: first, dict }] : [];
    } else if (first.type === 'identifier') {
      const named = all.filter((c) => c.name === first.text);
      // A parameter of the function that builds the model (`def main(gpt_config, ...)`): the dicts the file states.
      chosen = named.length > 0 ? named : all;
    } else continue;
    const sized = chosen.map((c) => ({ c, size: dictParams(c.dict) })).filter((x) => x.size !== undefined);
    const sizes = new Set(sized.map((x) => x.size!.params));
    // Several sizes the constants cannot choose between: the size is left unknown, not guessed.
    if (sizes.size !== 1) return;
    const { c, size } = sized[0];
    const className = call.childForFieldName('function')!.text;
    if (!counted)
      ctx.add(
        'model.params',
        size!.params,
        c.node,
        `${className}(${first.type === 'identifier' ? first.text : '{...}'}) built from its config dict: ${size!.detail}`,
        'medium',
      );
    if (ARCHITECTURE_CLASS.test(className) || c.picked !== undefined)
      ctx.add(
        'model.id',
        modelName(className, c.picked),
        call,
        `${className}(...) sized by the dict${c.picked ? ` picked by "${c.picked}"` : ''}`,
        'low',
      );
    const dtype = c.dict.get('dtype')?.value;
    if (typeof dtype === 'string' && /^(torch\.)?(bfloat16|float16|half)$/.test(dtype))
      ctx.add(
        'training.precision',
        dtype.endsWith('bfloat16') ? 'bf16' : 'fp16',
        c.dict.get('dtype')!.node,
        `"dtype": ${dtype} in the model's config dict: its layers are built in that type`,
        'medium',
      );
    const handle =
      call.parent?.type === 'assignment' ? (call.parent.childForFieldName('left')?.text ?? 'model') : 'model';
    const loaded = loadsWeights(textAfter(call, handle), handle);
    ctx.add(
      'model.fromScratch',
      !loaded,
      call,
      loaded
        ? `pretrained weights are loaded into ${handle}`
        : `${className}(...) builds the model with random weights`,
      'medium',
    );
    return;
  }
}

export const configDictModel: FileRule = {
  framework: 'standalone-lm',
  phase: 'after-calls',
  words: ['emb_dim', 'n_layers', 'n_embd'],
  read: (index, ctx) => readConfigDictModel(index, ctx),
};

/** Files that train: a generate call there samples text between epochs, it is no run of its own. */
const TRAINS = /\.backward\(|\boptimizer\.step\(|\.fit\(/;

/**
 * `generate_text_simple(model=model, idx=encoded, max_new_tokens=10)`: a token-by-token generate function of
 * the program's own (greedy argmax or sampling over `model(idx)`) handed the model the file built from its class:
 * the program generates text, an inference run, whether the weights are trained or random.
 */
export const generateFunction: CallRule = {
  framework: 'standalone-lm',
  words: ['generate_'],
  // The model comes first (`generate_text_simple(model=model, ...)`, `generate_stream(gpt_model, ...)`): not every
  // `generate_*(` (`generate_square_subsequent_mask(sz)`) lets a file through the folder scan's prefilter.
  runStart: /\bgenerate_\w{1,60}\s*\(\s*(?:model\s*=\s*)?\w{0,40}model\b/i,
  when: ({ last }) => /^generate_\w{1,60}$/.test(last) && !/^generate_(?:and_print|sample|samples)/.test(last),
  read: ({ node, full, ctx }) => {
    const facts = textFacts(ctx);
    if (facts.trains || facts.reads >= MAX_READS) return false;
    const args = node.childForFieldName('arguments');
    const model = args ? (keywordArgument(args, 'model') ?? positionalArguments(args)[0] ?? null) : null;
    if (model?.type !== 'identifier') return false;
    facts.reads++;
    const cls = builtBy(ctx, facts, model.text);
    if (!cls) return false;
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', full, fn, `${full}(...) generates tokens with the ${cls} model`, 'medium');
    ctx.add('inference.engine', 'hf-generate', fn, `${full}(...): a token-by-token loop over one batch`, 'low');
    const tokens = keywordArgument(args!, 'max_new_tokens');
    if (tokens) ctx.addResolved('inference.maxNewTokens', tokens, `max_new_tokens in ${full}`);
    return true;
  },
};

/** An optimizer built over a model's parameters in the file (`torch.optim.AdamW(model.parameters(), ...)`). */
const BUILDS_OPTIMIZER = /\boptim\.\w{1,40}\(\s*[\w.]{1,100}\.parameters\(\)/;

/**
 * `train_model_simple(model, train_loader, val_loader, optimizer, device, num_epochs=2)`: the program hands its
 * model and the optimizer it built to a training function of its own (imported from the book's earlier chapter or
 * a package): the loop is in that function, the run is this program's. A function named plain `train` counts too
 * (`results = train(model, train_dataloader, eval_dataloader, tokenizer, optimizer, scheduler, ...)`, a cookbook's
 * `utils.train_utils.train`), with the same need: the optimizer the file built is handed to it.
 */
export const trainingFunction: CallRule = {
  framework: 'standalone-lm',
  words: ['train_', 'train('],
  runStart: [/\btrain(?:_\w{1,60})?\s*\([^()]{0,400}?\boptimizer\b/, BUILDS_OPTIMIZER],
  when: ({ last }) => last === 'train' || /^train_\w{1,60}$/.test(last),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    const facts = textFacts(ctx);
    if (!args || !facts.buildsOptimizer || facts.reads >= MAX_READS) return false;
    facts.reads++;
    const passed = args.namedChildren.map((a) =>
      a?.type === 'keyword_argument' ? (a.childForFieldName('value')?.text ?? '') : (a?.text ?? ''),
    );
    if (!passed.some((p) => /^(?:optimizer|optim|opt)$/.test(p))) return false;
    ctx.add(
      'launch.trainer',
      'loop',
      node.childForFieldName('function') ?? node,
      `${full}(..., optimizer, ...) trains the model`,
      'medium',
    );
    const epochs =
      keywordArgument(args, 'num_epochs') ?? keywordArgument(args, 'epochs') ?? keywordArgument(args, 'n_epochs');
    if (!epochs) {
      if (!enclosingEpochLoop(node, passed, full, ctx)) settingsObjectEpochs(passed, full, ctx);
      return true;
    }
    const label = `${epochs.parent?.text.split('=')[0] ?? 'epochs'} in ${full}`;
    const fromSettings = evaluate(epochs, ctx.symbols) === undefined ? settingsEntry(epochs, ctx) : undefined;
    if (fromSettings)
      ctx.add(
        'training.epochs',
        fromSettings.value,
        fromSettings.node,
        `${label}: "${fromSettings.key}" of the settings dict`,
        'medium',
      );
    else ctx.addResolved('training.epochs', epochs, label);
    return true;
  },
};

/** An argument that hands the function the data it goes through (`loader`, `train_loader`, `dataset`). */
const DATA_ARGUMENT = /^(?:[\w.]{0,40}_)?(?:loader|dataloader|dataset|data|batches)$/i;

/**
 * `for i in range(args.epoch): train(i, loader, model, optimizer, scheduler, device)`: a loop over a range whose
 * body hands a training function of the program's own its index, the data loader and the optimizer, once per
 * pass: the function goes through the data once per call (plain `train`, or a name saying it runs an epoch; not a
 * `train_step`), so the range counts epochs. The loop must be the call's own (the call a statement of its body, at
 * most one block down: an `if` around it), and its index one of the call's arguments.
 */
function enclosingEpochLoop(call: Node, passed: readonly string[], full: string, ctx: PythonReadContext): boolean {
  const last = full.split('.').pop() ?? full;
  if (last !== 'train' && !/epoch/i.test(last)) return false;
  if (!passed.some((p) => DATA_ARGUMENT.test(p))) return false;
  let loop: Node | null = call.parent;
  for (let up = 0; loop && loop.type !== 'for_statement' && up < 5; up++) {
    if (loop.type === 'function_definition' || loop.type === 'class_definition') return false;
    loop = loop.parent;
  }
  if (loop?.type !== 'for_statement') return false;
  const index = loop.childForFieldName('left');
  const range = loop.childForFieldName('right');
  if (index?.type !== 'identifier' || range?.type !== 'call' || !passed.includes(index.text)) return false;
  if (ctx.callee(range).full !== 'range') return false;
  const bounds = range.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null) ?? [];
  if (bounds.length !== 1 || bounds[0].type === 'keyword_argument') return false;
  ctx.addResolved(
    'training.epochs',
    bounds[0],
    `for ${index.text} in ${truncate(range.text, 40)}: ${full}(${index.text}, ...) goes through the data once per pass`,
  );
  return true;
}

/**
 * The settings object handed to the training function whose epochs the file sets (`train_config.num_epochs = 1` and
 * then `train(model, ..., optimizer, ..., train_config)`): the function reads its length from that object.
 */
function settingsObjectEpochs(passed: readonly string[], full: string, ctx: PythonReadContext): void {
  for (const name of passed) {
    if (!/^[A-Za-z_]\w{0,60}$/.test(name) || /^(?:model|optimizer|optim|opt)$/.test(name)) continue;
    for (const field of ['num_epochs', 'epochs', 'n_epochs']) {
      const binding = ctx.symbols.lookup(`${name}.${field}`);
      if (!binding) continue;
      ctx.addResolved('training.epochs', binding.node, `${name}.${field}, handed to ${full}`);
      return;
    }
  }
}

/**
 * `settings["num_epochs"]` where `settings` is the parameter the program's `main(gpt_config, settings)` receives:
 * the entry of that key in the dicts the file states (`OTHER_SETTINGS = {"num_epochs": 10, ...}` under the main
 * guard), when they agree.
 */
function settingsEntry(node: Node, ctx: PythonReadContext): { value: number; node: Node; key: string } | undefined {
  if (node.type !== 'subscript' || node.childForFieldName('value')?.type !== 'identifier') return undefined;
  const keyNode = node.childForFieldName('subscript');
  const key = keyNode ? stringLiteral(keyNode) : null;
  if (!key) return undefined;
  const lines = ctx.text.split('\n');
  const found: Array<{ value: number; node: Node }> = [];
  for (let row = 0, looked = 0; row < lines.length && looked < MAX_ASSIGNMENTS; row++) {
    if (!lines[row].includes('{') || !DICT_ASSIGNMENT.test(lines[row])) continue;
    looked++;
    const right = ctx.tree.rootNode
      .descendantsOfType('assignment', { row, column: 0 }, { row: row + 1, column: 0 })
      .find((a) => a !== null && a.startPosition.row === row)
      ?.childForFieldName('right');
    if (right?.type !== 'dictionary' || !onDefaultPath(right, ctx.symbols)) continue;
    const entry = readDict(right, ctx).get(key);
    if (typeof entry?.value === 'number') found.push({ value: entry.value, node: entry.node });
  }
  return found.length > 0 && found.every((f) => f.value === found[0].value) ? { ...found[0], key } : undefined;
}

/**
 * `replace_linear_with_lora(model, rank=16, alpha=16)`: a function of the program's own (or its package's) that swaps
 * LoRA layers into the model it is handed, the hand-written form of PEFT's `get_peft_model` (Hu et al. 2021, LoRA,
 * arXiv:2106.09685: the pretrained weights stay frozen, low-rank matrices beside them train). Called on the path the
 * program takes by default, in a file that trains: the run trains LoRA adapters. Behind a flag whose default picks
 * another branch (`elif args.trainable_layers == "lora":`) the flags decide, and the call says nothing.
 */
export const loraSwapFunction: CallRule = {
  framework: 'standalone-lm',
  words: ['lora'],
  when: ({ last }) => LORA_SWAP.test(last),
  read: ({ node, full, args, ctx }) => {
    const facts = textFacts(ctx);
    if (!args || !(facts.trains || facts.buildsOptimizer)) return false;
    const model = keywordArgument(args, 'model') ?? positionalArguments(args)[0];
    if (model?.type !== 'identifier' || !/(?:^|_)(?:model|net|gpt|lm)$/i.test(model.text)) return false;
    if (scopeOf(node).type === 'function_definition' && !inMainGuard(node)) return false;
    if (!onDefaultPath(node, ctx.symbols) || offByDefaultSwitch(node) !== undefined || optionalBranch(node, ctx))
      return false;
    if (ctx.facts.some((f) => f.kind === 'training.adapter')) return true;
    ctx.add(
      'training.adapter',
      'lora',
      node,
      `${full}(${model.text}, ...): LoRA layers are swapped in and trained`,
      'medium',
    );
    return true;
  },
};

/** Names of functions that swap LoRA layers into a model (`replace_linear_with_lora`, `inject_lora`, `apply_lora`). */
const LORA_SWAP = /^(?:replace|inject|apply|add|swap|convert)_\w{0,40}lora\w{0,20}$/i;

/**
 * Inside a branch the stated values do not take for sure (`if args.use_lora:` with a `store_true` flag, an `else:`):
 * the adapters are an option of the program, the flags it is run with decide. The main guard is no option.
 */
function optionalBranch(node: Node, ctx: PythonReadContext): boolean {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++) {
    if (at.type === 'function_definition' || at.type === 'module') return false;
    if (at.type === 'else_clause') return true;
    if (at.type !== 'if_statement' && at.type !== 'elif_clause') continue;
    const condition = at.childForFieldName('condition');
    if (/__name__/.test(condition?.text.slice(0, 80) ?? '')) continue;
    if (decideCondition(condition, ctx.symbols) !== true) return true;
  }
  return false;
}

/** Under `if __name__ == "__main__":` (a call there runs even inside a function the guard calls, read elsewhere). */
function inMainGuard(node: Node): boolean {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++)
    if (at.type === 'if_statement' && /__name__/.test(at.childForFieldName('condition')?.text.slice(0, 80) ?? ''))
      return true;
  return false;
}
