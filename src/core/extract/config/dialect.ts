import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node as YamlNode, type Scalar } from 'yaml';
import type { Fact, FactKind, FactValue, SourceRange } from '../../facts';
import { hubIdOfCacheFolder } from '../../hubCacheFolder';
import { positiveInteger } from '../positiveInteger';

/**
 * A config dialect: the rules of one framework's YAML/JSON configs (torchtune recipes,
 * Composer/llm-foundry, litgpt config_hub, GPT-NeoX, TRL, axolotl, LLaMA-Factory, ...).
 * Adding a dialect means adding one module that exports a `ConfigDialect` and one line in
 * `config/index.ts`; configFacts.ts runs the generic key table and then every dialect whose
 * `detect` holds.
 */
export interface ConfigDialect {
  /** Short id, also used in `launch.trainer` values (`config:torchtune`). */
  readonly name: string;
  /**
   * Words a cheap prefilter needs: `detect` cannot hold on a text that contains none of them
   * (checked by a unit test), so a prefilter built from all dialects may skip such files.
   */
  readonly words: readonly string[];
  detect(doc: ConfigDoc): boolean;
  /**
   * Paths (dotted, relative to the document) the dialect reads itself; the generic key table
   * leaves them alone, so a dialect's reading is not doubled or contradicted (litgpt `eval.max_iters`
   * is not the run's length).
   */
  owns?(path: string): boolean;
  /** `file`: the config's path, when the caller knows it (a dialect whose configs name no model names it by its file). */
  read(doc: ConfigDoc, out: FactSink, file?: { readonly path: string }): void;
}

/** One key of the document with its value, where both are written, and what an interpolation resolved to. */
export interface ConfigValue {
  /** Dotted path from the document's root (`model._component_`, `datasets.0.path`). */
  readonly path: string;
  readonly key: string;
  /** Scalars: the value, with `${...}` interpolations followed. Maps and sequences: undefined. */
  readonly value: unknown;
  /** The scalar as written (the `${...}` text for an interpolation). */
  readonly raw: unknown;
  readonly shape: 'scalar' | 'map' | 'seq';
  /** Where the value is written (the key when the value is empty). */
  readonly range: SourceRange;
  readonly keyRange: SourceRange;
  /** For an interpolated value: the 0-based line where the literal it points at is written. */
  readonly originLine?: number;
}

/** The parsed document, read by dotted paths, with positions. */
export interface ConfigDoc {
  readonly text: string;
  /** Where this (sub-)document sits in the file (`parameters` for a MosaicML run's train config), '' at the top. */
  readonly prefix: string;
  get(path: string): ConfigValue | undefined;
  /** A scalar string at `path` (interpolations followed), else undefined. */
  str(path: string): string | undefined;
  /** A finite number at `path` (numeric strings such as "1e-4" included), else undefined. */
  num(path: string): number | undefined;
  has(path: string): boolean;
  /** The keys of the map at `path` (the root when omitted), in order. */
  entries(path?: string): ConfigValue[];
  /** Every key of the document, depth first, in order (capped for hostile input). */
  walk(): ConfigValue[];
  /** The map at `path` as a document of its own (its interpolations resolve there first). */
  at(path: string): ConfigDoc | undefined;
  /** Full-line `#` comments, in order, with their 0-based line (capped). */
  comments(): ReadonlyArray<{ readonly line: number; readonly text: string }>;
  /** A `${...}` value as read at `at` (full path segments): what it points at, and the line of that literal. */
  resolve(raw: string, at: readonly string[]): { value: unknown; originLine?: number };
}

/** A path a config names (weights to start from) as a detail quotes it: path characters only, else `…`. */
export function quotedPath(value: string): string {
  return /^[\w./:@+-]{1,200}$/.test(value) ? value : '…';
}

/**
 * A config's mixed-precision switch (`AMP: True`, `amp: false`, `train.use_fp16: false`): on, the run autocasts to
 * float16 (torch.autocast's CUDA default dtype, PyTorch docs; apex AMP's O1 likewise), off it trains in float32.
 * Only a boolean is read.
 */
export function addAmpSwitch(out: FactSink, at: ConfigValue, written = at.path): void {
  if (typeof at.value !== 'boolean') return;
  out.add(
    'training.precision',
    at.value ? 'fp16' : 'fp32',
    at,
    at.value
      ? `${written}: true (torch.cuda.amp / apex mixed precision, float16 by default)`
      : `${written}: false (no mixed precision: float32)`,
  );
}

/** The first of `paths` the document writes (whatever its value), else undefined. */
export function firstPresent(doc: ConfigDoc, paths: readonly string[]): ConfigValue | undefined {
  for (const p of paths) {
    const v = doc.get(p);
    if (v) return v;
  }
  return undefined;
}

/** A whole number above zero at `path` (a step count, a batch), with where it is written; else undefined. */
export function positiveIntegerAt(doc: ConfigDoc, path: string): { n: number; at: ConfigValue } | undefined {
  const at = doc.get(path);
  const n = positiveInteger(doc.num(path));
  return at && n !== undefined ? { n, at } : undefined;
}

/** A run's length as a config states it: optimizer steps or epochs, with where it is written. */
export interface ConfigLength {
  readonly kind: 'training.steps' | 'training.epochs';
  readonly n: number;
  readonly at: ConfigValue;
}

/**
 * The first of `stepKeys`, then of `epochKeys`, under `section` (the document's top when '') that holds a positive
 * integer scalar: how long the run trains, by the keys a dialect names its length with.
 */
export function firstLength(
  doc: ConfigDoc,
  section: string,
  stepKeys: readonly string[],
  epochKeys: readonly string[],
): ConfigLength | undefined {
  for (const [kind, keys] of [
    ['training.steps', stepKeys],
    ['training.epochs', epochKeys],
  ] as const)
    for (const key of keys) {
      const at = doc.get(section ? `${section}.${key}` : key);
      const n = at?.shape === 'scalar' ? positiveInteger(at.value) : undefined;
      if (at && n !== undefined) return { kind, n, at };
    }
  return undefined;
}

export interface FactSink {
  add(
    kind: FactKind,
    value: FactValue,
    at: ConfigValue | SourceRange,
    detail: string,
    confidence?: Fact['confidence'],
    /**
     * `fromFlags`: keys the value is worked out from (a launch that passes one of them to this config changes it);
     * `passes`: on a link, the keys this config sets over the file it links; `flagDefault`: the value is that key's
     * as written, and a launch line giving the key a literal (`--number_of_epochs=50`) gives the run's value.
     */
    extra?: Pick<Fact, 'fromFlags' | 'passes' | 'flagDefault' | 'classBuild'>,
  ): void;
  /** Facts added so far (by the generic table and earlier dialects). */
  readonly facts: readonly Fact[];
}

/** Caps for hostile input: a config with more keys or deeper interpolation than this is not a training config. */
const MAX_KEYS = 20_000;
const MAX_COMMENTS = 2_000;
const MAX_INTERPOLATION_DEPTH = 5;

interface Shared {
  readonly text: string;
  readonly lineCounter: LineCounter;
  readonly top: YamlNode | null;
  readonly walked: Map<string, ConfigValue[]>;
  comments?: Array<{ line: number; text: string }>;
  /** Anchored scalars by anchor name, each with where it is written (built on the first alias read). */
  anchors?: Map<string, Array<{ offset: number; node: Scalar }>>;
}

export function rangeIn(
  lineCounter: LineCounter,
  node: { range?: readonly [number, number, number] | null } | null | undefined,
): SourceRange {
  const [start, , end] = node?.range ?? [0, 0, 0];
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { startLine: s.line - 1, startCol: s.col - 1, endLine: e.line - 1, endCol: e.col - 1 };
}

/** Wraps a parsed YAML/JSON document for dialects. */
export function configDocOf(
  doc: { readonly contents: YamlNode | null },
  text: string,
  lineCounter: LineCounter,
): ConfigDoc {
  const shared: Shared = { text, lineCounter, top: doc.contents ?? null, walked: new Map() };
  return new YamlConfigDoc(shared, shared.top, []);
}

/**
 * The scalar a YAML alias (`*name`) stands for: the nearest `&name` anchor written before it (YAML 1.2: an alias
 * refers to the most recent preceding anchor of that name). Aliases of maps and sequences are left alone.
 */
function aliasedScalar(shared: Shared, node: unknown): Scalar | undefined {
  if (!isAlias(node)) return undefined;
  if (!shared.anchors) {
    const anchors = new Map<string, Array<{ offset: number; node: Scalar }>>();
    let seen = 0;
    const visit = (n: unknown, depth: number): void => {
      if (seen >= MAX_KEYS || depth > 64) return;
      seen++;
      if (isScalar(n)) {
        if (n.anchor) {
          const list = anchors.get(n.anchor) ?? [];
          list.push({ offset: n.range?.[0] ?? 0, node: n });
          anchors.set(n.anchor, list);
        }
      } else if (isMap(n)) {
        for (const pair of n.items) if (isPair(pair)) visit(pair.value, depth + 1);
      } else if (isSeq(n)) for (const item of n.items) visit(item, depth + 1);
    };
    visit(shared.top, 0);
    shared.anchors = anchors;
  }
  const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let found: Scalar | undefined;
  for (const a of shared.anchors.get(node.source) ?? []) if (a.offset < at) found = a.node;
  return found;
}

function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** Each map's keys, indexed on first use: lookups stay O(1) however many keys a hostile file has. */
const KEY_INDEX = new WeakMap<object, Map<string, { key: YamlNode; value: unknown }>>();

function pairOf(map: unknown, key: string): { key: YamlNode; value: unknown } | undefined {
  if (!isMap(map)) return undefined;
  let index = KEY_INDEX.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      // The first occurrence wins, as in the generic reading of duplicate keys.
      if (!index.has(k)) index.set(k, { key: pair.key as YamlNode, value: pair.value });
    }
    KEY_INDEX.set(map, index);
  }
  return index.get(key);
}

function childOf(node: unknown, key: string): unknown {
  if (isMap(node)) return pairOf(node, key)?.value;
  if (isSeq(node) && /^\d+$/.test(key)) return node.items[Number(key)];
  return undefined;
}

function nodeAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const s of segments) {
    node = childOf(node, s);
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

class YamlConfigDoc implements ConfigDoc {
  readonly text: string;
  readonly prefix: string;

  constructor(
    private readonly shared: Shared,
    private readonly root: YamlNode | null,
    private readonly base: readonly string[],
  ) {
    this.text = shared.text;
    this.prefix = base.join('.');
  }

  private valueOf(key: string, keyNode: YamlNode, node: unknown, segments: readonly string[]): ConfigValue {
    const lc = this.shared.lineCounter;
    const keyRange = rangeIn(lc, keyNode);
    const path = segments.join('.');
    if (isMap(node) || isSeq(node))
      return {
        path,
        key,
        value: undefined,
        raw: undefined,
        shape: isMap(node) ? 'map' : 'seq',
        range: rangeIn(lc, node),
        keyRange,
      };
    const scalar = isScalar(node) ? node : aliasedScalar(this.shared, node);
    const raw = scalar ? scalar.value : null;
    const range = isScalar(node) && node.range && node.range[1] > node.range[0] ? rangeIn(lc, node) : keyRange;
    if (typeof raw === 'string' && raw.includes('${')) {
      const resolved = this.interpolate(raw, segments, 0);
      return {
        path,
        key,
        value: resolved.value,
        raw,
        shape: 'scalar',
        range,
        keyRange,
        ...(resolved.origin !== undefined ? { originLine: resolved.origin } : {}),
      };
    }
    return { path, key, value: raw, raw, shape: 'scalar', range, keyRange };
  }

  resolve(raw: string, at: readonly string[]): { value: unknown; originLine?: number } {
    const r = this.interpolate(raw, at, 0);
    return r.origin !== undefined ? { value: r.value, originLine: r.origin } : { value: r.value };
  }

  /**
   * OmegaConf/Hydra `${a.b}` (absolute), `${.x}`/`${..x}` (relative) and `${oc.env:X,default}`.
   * An absolute path resolves from this document's root first, then from each enclosing map
   * (a MosaicML run's `parameters:` is the train config's root once submitted).
   */
  private interpolate(value: string, at: readonly string[], depth: number): { value: unknown; origin?: number } {
    const m = /^\$\{([^{}]+)\}$/.exec(value.trim());
    if (!m || depth > MAX_INTERPOLATION_DEPTH) return { value };
    const expr = m[1].trim();
    // [\s\S]*: the default runs to the end (`\s*(.*)$` backtracked over blanks when a newline followed them: quadratic).
    const env = /^(?:oc\.env|env):\s*[\w.]+\s*(?:,\s*([\s\S]*))?$/.exec(expr);
    if (env) {
      // The environment's value is not known here; its default is what a run without it gets.
      if (env[1] === undefined) return { value };
      const d = env[1].trim().replace(/^["']|["']$/g, '');
      return { value: /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(d) ? Number(d) : d };
    }
    if (!/^\.*[\w-]+(\.[\w-]+)*$/.test(expr)) return { value };
    const dots = /^\.*/.exec(expr)![0].length;
    const rest = splitPath(expr.slice(dots));
    const candidates: Array<readonly string[]> = [];
    if (dots > 0) {
      // `.x` is a sibling of the key being read, `..x` a sibling of its parent.
      const parent = at.slice(0, Math.max(0, at.length - dots));
      candidates.push([...parent, ...rest]);
    } else {
      candidates.push([...this.base, ...rest]);
      for (let n = at.length - 1; n >= 0; n--) candidates.push([...at.slice(0, n), ...rest]);
    }
    for (const c of candidates) {
      const target = nodeAt(this.shared.top, c);
      if (!isScalar(target)) continue;
      const origin = rangeIn(this.shared.lineCounter, target).startLine;
      if (typeof target.value === 'string' && target.value.includes('${')) {
        const deeper = this.interpolate(target.value, c, depth + 1);
        return { value: deeper.value, origin: deeper.origin ?? origin };
      }
      return { value: target.value, origin };
    }
    return { value };
  }

  get(path: string): ConfigValue | undefined {
    const segments = splitPath(path);
    if (segments.length === 0) return undefined;
    const parent = nodeAt(this.root, segments.slice(0, -1));
    const last = segments[segments.length - 1];
    if (isMap(parent)) {
      const pair = pairOf(parent, last);
      return pair ? this.valueOf(last, pair.key, pair.value, [...this.base, ...segments]) : undefined;
    }
    if (isSeq(parent) && /^\d+$/.test(last)) {
      const item = parent.items[Number(last)];
      if (item === undefined) return undefined;
      return this.valueOf(last, item as YamlNode, item, [...this.base, ...segments]);
    }
    return undefined;
  }

  str(path: string): string | undefined {
    const v = this.get(path)?.value;
    return typeof v === 'string' ? v : undefined;
  }

  num(path: string): number | undefined {
    const v = this.get(path)?.value;
    const n =
      typeof v === 'number'
        ? v
        : typeof v === 'string' && /^\s*-?\d[\d_]*(\.\d+)?(e[-+]?\d+)?\s*$/i.test(v)
          ? Number(v.replace(/_/g, ''))
          : NaN;
    return Number.isFinite(n) ? n : undefined;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  entries(path = ''): ConfigValue[] {
    const segments = splitPath(path);
    const node = segments.length ? nodeAt(this.root, segments) : this.root;
    if (!isMap(node)) return [];
    const out: ConfigValue[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      out.push(this.valueOf(key, pair.key as YamlNode, pair.value, [...this.base, ...segments, key]));
    }
    return out;
  }

  walk(): ConfigValue[] {
    const cached = this.shared.walked.get(this.prefix);
    if (cached) return cached;
    const out: ConfigValue[] = [];
    const visit = (node: unknown, segments: string[]): void => {
      if (out.length >= MAX_KEYS) return;
      if (isSeq(node)) {
        node.items.forEach((item, i) => {
          if (isMap(item) || isSeq(item)) visit(item, [...segments, String(i)]);
        });
        return;
      }
      if (!isMap(node)) return;
      for (const pair of node.items) {
        if (out.length >= MAX_KEYS) return;
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = [...segments, key];
        out.push(this.valueOf(key, pair.key as YamlNode, pair.value, at));
        if (isMap(pair.value) || isSeq(pair.value)) visit(pair.value, at);
      }
    };
    visit(this.root, [...this.base]);
    this.shared.walked.set(this.prefix, out);
    return out;
  }

  at(path: string): ConfigDoc | undefined {
    const segments = splitPath(path);
    const node = nodeAt(this.root, segments);
    return isMap(node) ? new YamlConfigDoc(this.shared, node, [...this.base, ...segments]) : undefined;
  }

  comments(): ReadonlyArray<{ line: number; text: string }> {
    if (!this.shared.comments) {
      const found: Array<{ line: number; text: string }> = [];
      const lines = this.shared.text.split('\n');
      for (let i = 0; i < lines.length && found.length < MAX_COMMENTS; i++) {
        const t = lines[i].trimStart();
        if (t.startsWith('#')) found.push({ line: i, text: t.replace(/^#+\s?/, '').trimEnd() });
      }
      this.shared.comments = found;
    }
    return this.shared.comments;
  }
}

/** Paths in dialect rules are relative to the document a dialect reads; facts carry the full path. */
export function relativePath(doc: ConfigDoc, path: string): string {
  return doc.prefix && path.startsWith(`${doc.prefix}.`) ? path.slice(doc.prefix.length + 1) : path;
}

/** `8b` → 8e9, `0_5b` / `0.5b` → 5e8, `125m` → 1.25e8, `1.1b` → 1.1e9; null when the text states no size. */
export function sizeFromName(text: string): { params: number; written: string } | null {
  const m = /(?:^|[^a-z0-9.])(\d+(?:[._]\d+)?)\s*([mbt])(?![a-z0-9])/i.exec(text);
  if (!m) return null;
  const n = Number(m[1].replace('_', '.'));
  const scale = { m: 1e6, b: 1e9, t: 1e12 }[m[2].toLowerCase() as 'm' | 'b' | 't'];
  return n > 0 ? { params: n * scale, written: m[0].replace(/^[^0-9]/, '') } : null;
}

/**
 * A Hugging Face Hub id (`org/name`) embedded in a path, as litgpt and torchtune checkpoint
 * folders write it: `checkpoints/meta-llama/Llama-2-7b-hf` → meta-llama/Llama-2-7b-hf.
 * Only the last two segments count, and only when they look like an id.
 */
export function hubIdInPath(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  const cached = hubIdOfCacheFolder(slashed);
  if (cached) return cached;
  const parts = slashed
    .replace(/(?<!\/)\/+$/, '')
    .split('/')
    .filter((p) => p && p !== '.' && p !== '..');
  // litgpt and `tune download` folders end in the repo; torchtune's Meta checkpoints add `original/`.
  while (parts.length > 2 && /^(original|hf|consolidated|safetensors)$/i.test(parts[parts.length - 1])) parts.pop();
  if (parts.length < 2) return undefined;
  const [org, name] = parts.slice(-2);
  // The first folder of an absolute path (`/content/llm_weights`, `D:/runs/adapter`) is a folder of the filesystem's
  // root, never an organisation; nor are the working folders hosted notebooks give (Colab's `/content`, and its
  // mounted Drive `drive/MyDrive`; Kaggle's `/kaggle/working` and `/kaggle/input`).
  const drive = /^[A-Za-z]:$/.test(parts[0]);
  if ((slashed.startsWith('/') || drive) && parts.length === (drive ? 3 : 2)) return undefined;
  if (
    /^(checkpoints?|models?|tmp|out|outputs?|data|home|root|mnt|workspace|scratch|weights|hf_cache|cache|content|kaggle|working|input|drive|mydrive)$/i.test(
      org,
    )
  )
    return undefined;
  return /^[A-Za-z0-9][\w.-]{0,95}$/.test(org) && /^[A-Za-z0-9][\w.-]{0,95}$/.test(name) && /[a-z]/i.test(name)
    ? `${org}/${name}`
    : undefined;
}
