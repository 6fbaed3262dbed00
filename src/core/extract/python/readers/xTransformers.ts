import type { Node } from 'web-tree-sitter';
import { callKeyword, evaluate, type SymbolTable } from '../../pythonValues';
import { onDefaultPath } from '../branches';
import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';
import { moduleClassNames } from './modelConstructor';

/**
 * lucidrains/x-transformers, a library many research scripts build their model from: `TransformerWrapper(num_tokens=V,
 * max_seq_len=T, attn_layers=Decoder(dim=d, depth=L, heads=h))` and the encoder-decoder `XTransformer(dim=d,
 * enc_depth=…, enc_num_tokens=…, dec_depth=…, dec_num_tokens=…)`. The call states the architecture, so it is counted
 * as the library builds it (x_transformers/x_transformers.py):
 * - each of the `depth` layers of an `Encoder`/`Decoder` is an Attention block and a FeedForward block (a decoder that
 *   `cross_attend`s has a second Attention per layer); Attention has `heads` (default 8) heads of `dim_head` (default
 *   64, `DEFAULT_DIM_HEAD`) with bias-free q/k/v/out projections, d × h·dh each (k and v over `attn_kv_heads` when
 *   given); FeedForward is Linear(d, mult·d) and Linear(mult·d, d) with `ff_mult` default 4, the first doubled by
 *   `ff_glu`;
 * - TransformerWrapper adds the token embedding V × d, a learned absolute position table T × d unless
 *   `use_abs_pos_emb=False`, `max_seq_len=0`, or the layers disable it (their `disable_abs_pos_emb`, by default on
 *   with `rotary_pos_emb`, `polar_pos_emb` or `rel_pos_bias`), and the output projection d × V unless
 *   `tie_embedding=True`;
 * - XTransformer is an Encoder wrapper and a cross-attending Decoder wrapper of the same `dim`, their token embeddings
 *   shared by `tie_token_emb=True`.
 * Norms and biases (under 0.1% of such a model) are left out. Several models built in one script (a forward and a
 * backward model trained together) add up. A size any part of which cannot be read is not given.
 */

const WRAPPERS = new Set(['TransformerWrapper', 'XTransformer']);
const LAYER_STACKS = /^(?:Encoder|Decoder|CrossAttender|AttentionLayers)$/;
const DEFAULT_HEADS = 8;
const DEFAULT_DIM_HEAD = 64;
const DEFAULT_FF_MULT = 4;
/** Models counted per file (a script builds one or two). */
const MAX_MODELS = 8;
/** Widths, depths and vocabularies past these are no model a script builds: not read. */
const MAX_WIDTH = 1 << 16;
const MAX_DEPTH = 1 << 10;
const MAX_VOCAB = 1 << 24;

type Keywords = (name: string) => Node | null;

function keywordsOf(call: Node): Keywords {
  return (name) => callKeyword(call, name);
}

function intOf(node: Node | null, symbols: SymbolTable, max: number): number | undefined {
  if (!node) return undefined;
  const v = evaluate(node, symbols)?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : undefined;
}

function boolOf(node: Node | null, symbols: SymbolTable): boolean | undefined {
  if (!node) return undefined;
  const v = evaluate(node, symbols)?.value;
  return typeof v === 'boolean' ? v : undefined;
}

interface Stack {
  readonly params: number;
  readonly dim: number;
  /** The layers switch the absolute position table off (rotary, polar or relative positions). */
  readonly noAbsolute: boolean;
}

/** An Encoder/Decoder's layers, from its keywords (`prefix` `enc_`/`dec_` inside XTransformer). */
function stack(
  kw: Keywords,
  prefix: string,
  symbols: SymbolTable,
  dimNode: Node | null,
  crossAttend: boolean,
): Stack | undefined {
  const dim = intOf(dimNode, symbols, MAX_WIDTH);
  const depth = intOf(kw(`${prefix}depth`), symbols, MAX_DEPTH);
  if (!dim || !depth) return undefined;
  const at = (name: string, fallback: number) => {
    const node = kw(`${prefix}${name}`);
    return node ? intOf(node, symbols, MAX_WIDTH) : fallback;
  };
  const heads = at('heads', DEFAULT_HEADS);
  const dimHead = at('attn_dim_head', DEFAULT_DIM_HEAD);
  const kvHeads = at('attn_kv_heads', heads ?? DEFAULT_HEADS);
  const mult = at('ff_mult', DEFAULT_FF_MULT);
  if (!heads || !dimHead || !kvHeads || !mult) return undefined;
  const glu = boolOf(kw(`${prefix}ff_glu`), symbols) === true;
  const attention = dim * dimHead * (2 * heads + 2 * kvHeads);
  const feedForward = dim * mult * dim * (glu ? 3 : 2);
  const cross = crossAttend || boolOf(kw(`${prefix}cross_attend`), symbols) === true;
  const on = (name: string) => boolOf(kw(`${prefix}${name}`), symbols) === true;
  const disabled = kw(`${prefix}disable_abs_pos_emb`);
  const noAbsolute = disabled
    ? boolOf(disabled, symbols) === true
    : on('rotary_pos_emb') || on('polar_pos_emb') || on('rel_pos_bias') || on('rotary_xpos');
  return { params: depth * ((cross ? 2 : 1) * attention + feedForward), dim, noAbsolute };
}

/** Embedding, position table and output head of one TransformerWrapper (or one side of an XTransformer). */
function embeddings(
  layers: Stack,
  vocab: number,
  maxSeqLen: Node | null,
  absolute: boolean,
  tied: boolean,
  symbols: SymbolTable,
): { params: number; positionsUnread: boolean } {
  let params = vocab * layers.dim * (tied ? 1 : 2);
  let positionsUnread = false;
  if (absolute && !layers.noAbsolute) {
    const t = intOf(maxSeqLen, symbols, MAX_VOCAB);
    if (t === undefined) positionsUnread = true;
    else params += t * layers.dim;
  }
  return { params, positionsUnread };
}

function wrapperSize(call: Node, symbols: SymbolTable): number | undefined {
  const kw = keywordsOf(call);
  const inner = kw('attn_layers');
  if (inner?.type !== 'call') return undefined;
  const stackName = inner.childForFieldName('function')?.text ?? '';
  if (!LAYER_STACKS.test(stackName.slice(stackName.lastIndexOf('.') + 1))) return undefined;
  // A projected embedding width (`emb_dim` other than `dim`) is a layout this count does not cover.
  if (kw('emb_dim') || kw('token_emb')) return undefined;
  const innerKw = keywordsOf(inner);
  const layers = stack(innerKw, '', symbols, innerKw('dim'), stackName.endsWith('CrossAttender'));
  const vocab = intOf(kw('num_tokens'), symbols, MAX_VOCAB);
  if (!layers || !vocab) return undefined;
  const absolute = boolOf(kw('use_abs_pos_emb'), symbols) !== false;
  const tied = boolOf(kw('tie_embedding'), symbols) === true;
  const e = embeddings(layers, vocab, kw('max_seq_len'), absolute, tied, symbols);
  return e.positionsUnread ? undefined : layers.params + e.params;
}

function encoderDecoderSize(call: Node, symbols: SymbolTable): number | undefined {
  const kw = keywordsOf(call);
  const dimNode = kw('dim');
  const encoder = stack(kw, 'enc_', symbols, dimNode, false);
  const decoder = stack(kw, 'dec_', symbols, dimNode, true);
  const encVocab = intOf(kw('enc_num_tokens'), symbols, MAX_VOCAB);
  const decVocab = intOf(kw('dec_num_tokens'), symbols, MAX_VOCAB);
  if (!encoder || !decoder || !encVocab || !decVocab) return undefined;
  // The encoder wrapper returns embeddings (no output head); the decoder's head is its own unless tied.
  const sharedTokens = boolOf(kw('tie_token_emb'), symbols) === true && encVocab === decVocab;
  const enc = embeddings(encoder, encVocab, kw('enc_max_seq_len'), true, true, symbols);
  const dec = embeddings(decoder, decVocab, kw('dec_max_seq_len'), true, false, symbols);
  if (enc.positionsUnread || dec.positionsUnread) return undefined;
  return encoder.params + decoder.params + enc.params + dec.params - (sharedTokens ? encVocab * encoder.dim : 0);
}

export const xTransformersModels: FileRule = {
  framework: 'pytorch',
  phase: 'after-calls',
  words: ['x_transformers'],
  read: (index: SyntaxIndex, ctx: PythonReadContext) => {
    if (!/\bx_transformers\b/.test(ctx.text) || ctx.facts.some((f) => f.kind === 'model.params')) return;
    // A module that defines model classes and builds one under its `__main__` guard is a library module with a
    // demonstration (its own classes wrap the model built there): its calls are not a script's model.
    const definesModules = moduleClassNames(index).size > 0;
    let total = 0;
    let models = 0;
    let first: Node | undefined;
    for (const call of index.calls) {
      const name = ctx.callee(call).last;
      if (!WRAPPERS.has(name) || !onDefaultPath(call, ctx.symbols)) continue;
      // Inside a class body: a block of a larger model, whose other parts are not counted here.
      if (insideClass(call)) return;
      if (definesModules && underMainGuard(call)) return;
      // Keywords splatted in (`**decoder_kwargs`) may add modules this count cannot see.
      if (splatsKeywords(call)) return;
      const size = name === 'XTransformer' ? encoderDecoderSize(call, ctx.symbols) : wrapperSize(call, ctx.symbols);
      if (size === undefined) return;
      total += size;
      first ??= call;
      if (++models > MAX_MODELS) return;
    }
    if (!first || total <= 0) return;
    ctx.add(
      'model.params',
      total,
      first,
      `${models === 1 ? 'the x-transformers model' : `${models} x-transformers models`} as the call states it (attention, feed-forward, embeddings and output head; norms and biases left out)`,
      'medium',
    );
  },
};

const MAIN_GUARD = /^__name__\s*==\s*["']__main__["']$|^["']__main__["']\s*==\s*__name__$/;

function underMainGuard(node: Node): boolean {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++) {
    if (at.type === 'function_definition') return false;
    if (at.type === 'if_statement' && MAIN_GUARD.test(at.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

/** `**kwargs` among the keywords of the call or of its layer stack. */
function splatsKeywords(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  for (const a of args) {
    if (a?.type === 'dictionary_splat') return true;
    const value = a?.type === 'keyword_argument' ? a.childForFieldName('value') : null;
    if (
      value?.type === 'call' &&
      value.childForFieldName('arguments')?.namedChildren.some((b) => b?.type === 'dictionary_splat')
    )
      return true;
  }
  return false;
}

function insideClass(node: Node): boolean {
  for (let at = node.parent, up = 0; at && up < 60; at = at.parent, up++)
    if (at.type === 'class_definition') return true;
  return false;
}
