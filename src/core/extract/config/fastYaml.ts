import { Kind, load, type YAMLNode } from '@stoplight/yaml-ast-parser';
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

/**
 * The fast way through a clean YAML config: @stoplight/yaml-ast-parser (a js-yaml fork that keeps
 * positions) reads plain configs about ten times faster than the `yaml` library (measured on the
 * YAML of torchtune, axolotl and gpt-neox: 13.7 against 1.2 MB/s), and the YAML config is what a
 * real repository's scan spends a third of its time on. Its tree is rebuilt as the `yaml` library's
 * nodes, with the same values (the YAML 1.2 core schema the library resolves plain scalars with) and
 * the same start offsets, so every reader downstream reads the same thing.
 *
 * It answers only when it is sure: a document the parser reports any error in, or one that uses what
 * this rebuild does not model (aliases, tags, several documents, a plain scalar on the line after its
 * key, which the `yaml` library may run on over comment lines), returns undefined and goes the `yaml`
 * library's way, with its messages and repairs, as before. The end of a block collection here is its
 * last item's end (the library also takes in the comment lines after it): a range's last line may be
 * earlier, never its first.
 */
export function fastYamlDocument(text: string): { contents: YamlNode | null } | undefined {
  // Tags (`!!set`, `!Ref`) and several documents are the library's to read; both are rare in configs.
  if (TAG_OR_DOCUMENTS.test(text)) return undefined;
  // A hex escape without its digits (`"a\uzzzz"`): the parser's error recovery for it moves past the end of the text
  // when it is on the last line, and its double-quoted-scalar loop never returns. Such a text is the library's to read
  // (and report); valid escapes (`\n`, `\u0041`) stay on the fast path.
  if (text.includes('\\') && BAD_HEX_ESCAPE.test(text)) return undefined;
  let root: YAMLNode | undefined;
  try {
    // Duplicate keys are no error here (the first one is read, as the library is told too), and the
    // parser's own check compares each key with all before it: quadratic in a map's keys.
    root = load(text, { ignoreDuplicateKeys: true });
  } catch {
    // Nesting deeper than the stack, and anything else the parser cannot take: the library reports it.
    return undefined;
  }
  if (!root || root.errors.length > 0) return undefined;
  try {
    return { contents: rebuild(root, text, 'block') };
  } catch (e) {
    if (e instanceof NotModelled) return undefined;
    throw e;
  }
}

/** `\\x`, `\\u` or `\\U` not followed by the 2, 4 or 8 hex digits YAML requires of it (YAML 1.2, 5.7 "Escaped Characters"). */
const BAD_HEX_ESCAPE = /\\(?:x(?![0-9A-Fa-f]{2})|u(?![0-9A-Fa-f]{4})|U(?![0-9A-Fa-f]{8}))/;

/** A tag at a node (`!!str`, `!Ref`) or a second document marker after content. */
const TAG_OR_DOCUMENTS = /(?:^|[\s[{,:-])!\S|\n(?:---|\.\.\.)(?:[ \t]|\r?$)/m;

class NotModelled extends Error {}

type Context = 'block' | 'flow';

function rebuild(node: YAMLNode, text: string, context: Context): YamlNode {
  switch (node.kind) {
    case Kind.MAP:
    case Kind.SEQ:
      return collection(node, text, context);
    case Kind.SCALAR:
      return scalar(node, text, context);
    default:
      // Aliases (`*base`, `<<: *base`) and includes: the library resolves them.
      throw new NotModelled();
  }
}

function collection(node: YAMLNode, text: string, context: Context): YamlNode {
  const start = node.startPosition;
  const flow = text[start] === '{' || text[start] === '[';
  const inner: Context = flow ? 'flow' : 'block';
  const built = node.kind === Kind.MAP ? new YAMLMap<YamlNode, YamlNode | null>() : new YAMLSeq<YamlNode>();
  if (built instanceof YAMLMap) {
    for (const mapping of (node.mappings ?? []) as YAMLNode[]) {
      const key = mapping.key as YAMLNode | undefined;
      if (!key || key.kind !== Kind.SCALAR) throw new NotModelled();
      const value = mapping.value as YAMLNode | null | undefined;
      built.items.push(
        new Pair<YamlNode, YamlNode | null>(
          keyScalar(key),
          value ? rebuild(value, text, inner) : emptyValue(key, text),
        ),
      );
    }
  } else {
    for (const item of ((node as { items?: YAMLNode[] }).items ?? []) as Array<YAMLNode | null>) {
      if (!item) throw new NotModelled();
      built.items.push(rebuild(item, text, inner));
    }
  }
  if (flow) {
    built.flow = true;
    const end = node.endPosition;
    built.range = [start, end, context === 'flow' ? flowItemEnd(text, end) : blockValueEnd(text, end)];
  } else {
    const last = built.items[built.items.length - 1];
    const lastNode = last instanceof Pair ? (last.value ?? last.key) : last;
    const end = lastNode?.range?.[2] ?? node.endPosition;
    built.range = [start, end, end];
  }
  return built;
}

function scalar(node: YAMLNode, text: string, context: Context): YamlNode {
  const start = node.startPosition;
  const s = node as YAMLNode & { plainScalar?: boolean; doubleQuoted?: boolean; singleQuoted?: boolean };
  const quoted = s.doubleQuoted === true || s.singleQuoted === true;
  if (!quoted && !s.plainScalar && (text[start] === '|' || text[start] === '>')) {
    // A block scalar ends after its last line of text and that line's break, as in the library.
    let j = node.endPosition;
    while (j > start && /\s/.test(text[j - 1])) j--;
    const lineBreak = text.indexOf('\n', j);
    const end = lineBreak < 0 ? text.length : lineBreak + 1;
    const built = new Scalar(String(node.value ?? ''));
    built.type = text[start] === '|' ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    built.range = [start, end, end];
    return built;
  }
  if (!quoted && context === 'block' && valueOnLineAfterKey(node, text)) throw new NotModelled();
  const value = quoted ? String(node.value ?? '') : plainValue(String(node.value ?? ''));
  const built = new Scalar(value);
  built.type = s.doubleQuoted ? 'QUOTE_DOUBLE' : s.singleQuoted ? 'QUOTE_SINGLE' : 'PLAIN';
  const end = node.endPosition;
  built.range = [start, end, context === 'flow' ? flowItemEnd(text, end) : blockValueEnd(text, end)];
  return built;
}

function keyScalar(key: YAMLNode): Scalar {
  const k = key as YAMLNode & { plainScalar?: boolean };
  const built = new Scalar(k.plainScalar ? plainValue(String(key.value ?? '')) : String(key.value ?? ''));
  built.range = [key.startPosition, key.endPosition, key.endPosition];
  return built;
}

/** `key:` with nothing after it: a null where the value would start (after the colon and blanks), as the library puts it. */
function emptyValue(key: YAMLNode, text: string): Scalar {
  const colon = text.indexOf(':', key.endPosition);
  if (colon < 0) throw new NotModelled();
  let at = colon + 1;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  const built = new Scalar(null);
  built.range = [at, at, text.charCodeAt(at) === 35 ? blockValueEnd(text, at) : at];
  return built;
}

function valueOnLineAfterKey(node: YAMLNode, text: string): boolean {
  const parent = node.parent as YAMLNode | undefined;
  if (!parent || parent.kind !== Kind.MAPPING || parent.value !== node) return false;
  const key = parent.key as YAMLNode | undefined;
  return key !== undefined && text.slice(key.endPosition, node.startPosition).includes('\n');
}

/** After a value in block context: the blanks, a comment, and one line break that follow it. */
function blockValueEnd(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (text.charCodeAt(i) === 35) {
    const lineBreak = text.indexOf('\n', i);
    i = lineBreak < 0 ? text.length : lineBreak;
  }
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return text.charCodeAt(i) === 10 ? i + 1 : i;
}

/** After an item inside `[...]`/`{...}`: the white space that follows it. */
function flowItemEnd(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return i;
}

/**
 * A plain scalar's value under the YAML 1.2 core schema, the `yaml` library's default
 * (https://yaml.org/spec/1.2.2/#1032-tag-resolution): null, booleans, decimal/octal/hex integers,
 * floats and the special floats; anything else is the string as written (`20_000` stays a string).
 */
export function plainValue(s: string): unknown {
  if (/^(?:~|null|Null|NULL)?$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}
