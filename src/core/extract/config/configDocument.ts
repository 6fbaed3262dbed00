import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import {
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { fastYamlDocument } from './fastYaml';

/**
 * Parses a config's text into positioned YAML nodes, the form every config reader takes (the
 * generic key table and the dialects). YAML goes through the `yaml` library. Strict JSON goes
 * through jsonc-parser, which reads it many times faster (a 150 KB tokenizer.json: milliseconds,
 * not a fifth of a second), and its tree is rebuilt as the same nodes with the same offsets.
 * JSON that is not strict (comments, trailing commas, errors) goes the YAML way, as before, so its
 * problems read the same.
 */

export interface ParsedConfig {
  /** The document's root node (null for an empty document). */
  readonly contents: YamlNode | null;
  /** Parse errors, as the `yaml` library reports them (none on the fast JSON path). */
  readonly errors: readonly YAMLError[];
  readonly lineCounter: LineCounter;
  /** The text the nodes' offsets point into: the input, or its repair (see repairedFlowEnds) with the same lines. */
  readonly text: string;
}

export function parseConfigDocument(text: string, format: 'yaml' | 'json'): ParsedConfig {
  const parsed = parseConfigText(text, format);
  return { ...parsed, contents: lastKeyWins(parsed.contents) };
}

/**
 * A key written twice in one mapping (`MAX_EPOCH: 75` … `MAX_EPOCH: 50`, a config edited by appending) means its
 * last value to the programs that read configs: PyYAML's loader and Python's `json` both keep the last pair. The
 * nodes keep every pair (`uniqueKeys: false`, so such a file is still read), and readers look a key up from the
 * front, so the earlier pairs of a repeated key are dropped here. A walk with its own stack: nesting as deep as the
 * parser accepts does not overflow the call stack.
 */
function lastKeyWins(root: YamlNode | null): YamlNode | null {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node instanceof YAMLMap) {
      const keys: unknown[] = node.items.map((pair: Pair<unknown, unknown>) =>
        pair.key instanceof Scalar ? (pair.key.value as unknown) : pair.key,
      );
      if (new Set(keys).size < keys.length) {
        const last = new Map(keys.map((key, i) => [key, i]));
        // Merge keys (`<<`) are left as written: each brings a mapping in.
        node.items = node.items.filter((_, i) => keys[i] === '<<' || last.get(keys[i]) === i);
      }
      for (const pair of node.items) pending.push(pair.value);
    } else if (node instanceof YAMLSeq) for (const item of node.items) pending.push(item);
  }
  return root;
}

function parseConfigText(text: string, format: 'yaml' | 'json'): ParsedConfig {
  if (format === 'json') {
    const fast = strictJson(text);
    if (fast) return fast;
    // JSON with `//` comments and trailing commas (JSON5-style configs, as Python's `json5.loads` and editors' JSONC
    // read them): read as JSONC when that is all that is not strict. Before YAML, which would take a comment after a
    // value in a flow mapping (`"total_iter": 300000   // note`) as part of a plain scalar.
    const lenient = strictJson(text, true);
    if (lenient) return lenient;
  }
  // JSON that is neither goes to the `yaml` library, whose messages say what is wrong with it.
  const first = parseYaml(text, format === 'yaml');
  // PyYAML (what Beaker and most Python tools read specs with) accepts a flow list closed at its key's indentation
  // (`    arguments: ['accelerate launch` … `    ']`); the YAML spec and this parser do not, and recover by
  // folding the rest of the map into one garbage key. Such closing lines are indented two more and the text read
  // again; the repair is kept when it parses with fewer errors. Lines stay where they are.
  if (first.errors.some((e) => /sufficiently indented/.test(e.message))) {
    const repaired = text.replace(/^([ \t]*)(['"]?[\]}][\]},]*[ \t]*\r?)$/gm, '$1  $2');
    const second = parseYaml(repaired, false);
    if (second.errors.length < first.errors.length) return second;
  }
  return first;
}

function parseYaml(text: string, fastPath: boolean): ParsedConfig {
  const fast = fastPath ? fastYamlDocument(text) : undefined;
  if (fast) return { contents: fast.contents, errors: [], lineCounter: linesOf(text), text };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, strict: false });
  return { contents: doc.contents ?? null, errors: doc.errors, lineCounter, text };
}

/** Strict JSON as YAML nodes, or undefined when the text is not strict JSON (the YAML parser then reads it). */
function strictJson(text: string, jsonc = false): ParsedConfig | undefined {
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: !jsonc, allowTrailingComma: jsonc, allowEmptyContent: false });
    if (!root || errors.length > 0) return undefined;
    return { contents: toYaml(root, text), errors: [], lineCounter: linesOf(text), text };
  } catch {
    // Nesting deeper than the stack: the YAML parser reports it as it always did.
    return undefined;
  }
}

/** Line starts as the YAML lexer records them: offset 0, then after every line feed. */
function linesOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/**
 * Where the YAML parser ends a node (ranges are [start, value end, node end]): an array's item after
 * all the white space that follows it, any other value after the spaces and tabs that follow it and
 * one line break, if one comes next; a key ends with the key.
 */
function nodeEnd(text: string, end: number, inArray: boolean): number {
  let i = end;
  if (inArray) {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
    return i;
  }
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return text.charCodeAt(i) === 10 ? i + 1 : i;
}

function toYaml(node: JsonNode, text: string, inArray = false): YamlNode {
  const end = node.offset + node.length;
  const range: [number, number, number] = [node.offset, end, nodeEnd(text, end, inArray)];
  if (node.type === 'object') {
    const map = new YAMLMap<YamlNode, YamlNode | null>();
    map.flow = true;
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key) continue;
      const keyNode = new Scalar(key.value);
      keyNode.type = 'QUOTE_DOUBLE';
      keyNode.range = [key.offset, key.offset + key.length, key.offset + key.length];
      map.items.push(new Pair<YamlNode, YamlNode | null>(keyNode, value ? toYaml(value, text) : null));
    }
    map.range = range;
    return map;
  }
  if (node.type === 'array') {
    const seq = new YAMLSeq<YamlNode>();
    seq.flow = true;
    for (const item of node.children ?? []) seq.items.push(toYaml(item, text, true));
    seq.range = range;
    return seq;
  }
  const scalar = new Scalar(node.value as unknown);
  scalar.type = node.type === 'string' ? 'QUOTE_DOUBLE' : 'PLAIN';
  scalar.range = range;
  return scalar;
}
