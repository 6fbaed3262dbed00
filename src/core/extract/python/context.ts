import type { Node, Tree } from 'web-tree-sitter';
import { longOptionOfCall, optionDest } from './argparseOption';
import type { Fact, FactKind, FactValue, SourceRange } from '../../facts';
import { evaluate, type Resolved, type SymbolTable } from '../pythonValues';

/**
 * What one extraction of one Python file works with: its text, its symbols, the facts read so
 * far and per-call caches. Created per call (nothing survives between files), handed to every rule.
 */

export function nodeRange(node: Node): SourceRange {
  return {
    startLine: node.startPosition.row,
    startCol: node.startPosition.column,
    endLine: node.endPosition.row,
    endCol: node.endPosition.column,
  };
}

/** One whole line of the file (readers that work on lines rather than nodes point their facts there). */
export function lineRange(row: number, lineLength: number): SourceRange {
  return { startLine: row, startCol: 0, endLine: row, endCol: lineLength };
}

/** A name as a literal inside a regular expression. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function truncate(text: string, max = 60): string {
  // Only the head is collapsed: a fact's detail is cut anyway, and the node may be a megabyte (a chained assignment).
  const head = text.length > max * 16 ? text.slice(0, max * 16) : text;
  const oneLine = head.replace(/\s+/g, ' ');
  return oneLine.length > max || head.length < text.length ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function scalar(v: Resolved['value']): FactValue | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/**
 * The call a node is, or the call the name it holds was bound to at module level, followed through names
 * (`model_cfg = Qwen3Dense4BConfig()`; `params=params` with `params = LLMTrainingParams(...)`).
 */
export function callOf(node: Node | null, ctx: PythonReadContext): Node | undefined {
  for (let i = 0; node && i < 4; i++) {
    if (node.type === 'call') return node;
    if (node.type !== 'identifier') return undefined;
    node = ctx.symbols.lookup(node.text)?.node ?? null;
  }
  return undefined;
}

/** Callee names and assignment sides, worked out once per node: several rules ask for the same ones. */
export class SyntaxCaches {
  private readonly callees = new Map<number, { full: string; last: string }>();
  private readonly sides = new Map<number, { left: Node | null; right: Node | null }>();

  callee(call: Node): { full: string; last: string } {
    const cached = this.callees.get(call.id);
    if (cached) return cached;
    const full = call.childForFieldName('function')?.text ?? '';
    const result = { full, last: full.slice(full.lastIndexOf('.') + 1).trim() };
    this.callees.set(call.id, result);
    return result;
  }

  sidesOf(assignment: Node): { left: Node | null; right: Node | null } {
    let sides = this.sides.get(assignment.id);
    if (!sides) {
      sides = { left: assignment.childForFieldName('left'), right: assignment.childForFieldName('right') };
      this.sides.set(assignment.id, sides);
    }
    return sides;
  }
}

/** Model constructors a file imports by name (`from torchvision.models import resnet50`). */
export interface ImportedModels {
  readonly torchvision: ReadonlySet<string>;
  readonly keras: ReadonlySet<string>;
  /** timm's model entry points (`from timm.models.vision_transformer import vit_small_patch16_224`). */
  readonly timm: ReadonlySet<string>;
}

/** A main guard anywhere in the module (`if __name__ == "__main__":`, also nested or in a one-line `if`). */
const MAIN_GUARD_ANYWHERE = /__name__\s*==\s*["']__main__["']/;
/** A main guard at the start of a line as a module-level `if` writes it. */
const MAIN_GUARD_AT_LINE_START = /if[ \t]+__name__[ \t]*==[ \t]*["']__main__["']/y;

export class PythonReadContext {
  readonly facts: Fact[] = [];
  /** Names bound to a loaded diffusers-style pipeline (`pipe = StableDiffusionPipeline.from_pretrained(...)`): calling one runs inference. */
  readonly pipelines = new Set<string>();
  /** Names bound to a loaded model (`model = AutoModel.from_pretrained(...)`, `net = torch.load(f)`): calling one runs a forward pass. */
  readonly modelHandles = new Set<string>();
  /** Names bound to an ONNX Runtime `InferenceSession`: `session.run(...)` runs its model. */
  readonly sessions = new Set<string>();
  /** The module's main-guard tests, asked by many rules of one file and answered once. */
  private mainGuard: { anywhere?: boolean; atLineStart?: boolean } = {};
  /** Words a rule asked about for every call (`mentions`), each looked up in the text once. */
  private readonly mentioned = new Map<string, boolean>();

  constructor(
    readonly tree: Tree,
    readonly text: string,
    readonly symbols: SymbolTable,
    readonly syntax: SyntaxCaches,
    readonly imports: ImportedModels,
  ) {}

  /**
   * Does the module's text hold this word? Answered once per word: a call rule's condition asks it for every call,
   * and a module of thousands of calls would scan its whole text as often (quadratic).
   */
  mentions(word: string): boolean {
    let held = this.mentioned.get(word);
    if (held === undefined) this.mentioned.set(word, (held = this.text.includes(word)));
    return held;
  }

  /** Does the module test `__name__ == "__main__"` anywhere (MAIN_GUARD_ANYWHERE)? */
  get hasMainGuard(): boolean {
    return (this.mainGuard.anywhere ??= MAIN_GUARD_ANYWHERE.test(this.text));
  }

  /**
   * Does a line start with `if __name__ == "__main__"` (the verdict of `/^if[ \t]+__name__…/m`)? Only the lines
   * holding `__name__` are tried, each once: a regex anchored at every line start scans the whole module.
   */
  get hasTopLevelMainGuard(): boolean {
    return (this.mainGuard.atLineStart ??= this.hasMainGuard && mainGuardAtLineStart(this.text));
  }

  callee(call: Node): { full: string; last: string } {
    return this.syntax.callee(call);
  }

  add(kind: FactKind, value: FactValue, node: Node, detail: string, confidence: Fact['confidence'] = 'high'): void {
    // `base_model: str = ""` then from_pretrained(base_model): an empty name is a model left to the command line.
    if (kind === 'model.id' && typeof value === 'string' && value.trim() === '') {
      this.facts.push({
        kind,
        value: null,
        range: nodeRange(node),
        confidence: 'low',
        detail: `${detail}: the name is empty, so it is given when the script is run`,
      });
      return;
    }
    const flags = kind.startsWith('link.') ? undefined : pureFlagDefault(detail);
    this.facts.push({
      kind,
      value,
      range: nodeRange(node),
      confidence,
      detail,
      ...(flags ? { fromFlags: flags, flagDefault: flags } : {}),
    });
  }

  /** Amends the fact just added (an origin line, an edit anchor). */
  amendLast(patch: Partial<Fact>): void {
    const i = this.facts.length - 1;
    if (i >= 0) this.facts[i] = { ...this.facts[i], ...patch };
  }

  /** Adds a fact from an expression, reading through constants; unresolvable values are kept as unknown. */
  addResolved(
    kind: FactKind,
    valueNode: Node,
    label: string,
    map: (v: Resolved['value']) => FactValue | undefined = scalar,
  ): void {
    const r = evaluate(valueNode, this.symbols);
    const mapped = r ? map(r.value) : undefined;
    if (r && mapped !== undefined) {
      this.add(kind, mapped, valueNode, r.via ? `${label} (${r.via})` : label, r.via ? 'medium' : 'high');
      const flags = flagsOf(r.via);
      const literal =
        r.origin.type === 'integer' || r.origin.type === 'float' || r.origin.type === 'string'
          ? { edit: { valueRange: nodeRange(r.origin) } }
          : {};
      this.amendLast({
        ...(r.via ? { originLine: r.origin.startPosition.row } : {}),
        ...literal,
        ...(flags.length > 0 ? { fromFlags: flags } : {}),
      });
    } else {
      const overflow =
        /^[\d._]+(e\+?\d+)?$/i.test(valueNode.text) && !Number.isFinite(Number(valueNode.text.replace(/_/g, '')));
      this.add(
        kind,
        null,
        valueNode,
        overflow
          ? `${label}: ${truncate(valueNode.text)} is not a finite number`
          : `${label}: \`${truncate(valueNode.text)}\` cannot be read without running the code`,
        'low',
      );
    }
  }
}

/**
 * A value that is one flag's default as it is, as evaluate() words it at the end of a fact's detail
 * (``label (default of `--steps` (or `-s`) (line 48))``); a value computed from it wraps it in more text.
 */
const PURE_FLAG_DEFAULT = /\(default of `--?([A-Za-z][\w.-]{0,100})`(?: \(or `(-[A-Za-z])`\))? \(line \d{1,7}\)\)$/;

/** The flag (destination, then short spelling) whose default `text` ends with as it is, per PURE_FLAG_DEFAULT. */
export function pureFlagDefault(text: string): string[] | undefined {
  const flag = PURE_FLAG_DEFAULT.exec(text);
  return flag ? [flag[1].replace(/-/g, '_'), ...(flag[2] ? [flag[2]] : [])] : undefined;
}

/** Flags a value was computed from, as evaluate() words them (``default of `--depth` (line 50)``). */
const FLAG_DEFAULT = /default of `--?([A-Za-z][\w.-]{0,100})`/g;
/** Flags named per value at most (a derivation uses a few). */
const MAX_FLAGS = 10;

/** A flag's short spelling, as symbols.ts words it (``default of `--checkpoint-path` (or `-c`)``): named `-c`. */
const SHORT_FLAG = /default of `--?[A-Za-z][\w.-]{0,100}` \(or `(-[A-Za-z])`\)/g;

export function flagsOf(via: string): string[] {
  if (!via.includes('default of `-')) return [];
  const names = new Set<string>();
  for (const m of via.matchAll(FLAG_DEFAULT)) if (names.size < MAX_FLAGS) names.add(m[1].replace(/-/g, '_'));
  for (const m of via.matchAll(SHORT_FLAG)) if (names.size < MAX_FLAGS) names.add(m[1]);
  return [...names];
}

/**
 * The `add_argument("--flag", …)` calls among `calls`: the flag as written, the name it fills (`--model-path` →
 * `model_path`), the call's arguments (for its `default=`) and the call. One walk for every reader that looks for a flag.
 */
export function* argparseFlags(
  calls: readonly Node[],
  ctx: PythonReadContext,
): Generator<{ readonly flag: string; readonly dest: string; readonly args: Node; readonly call: Node }> {
  for (const node of calls) {
    if (ctx.callee(node).last !== 'add_argument') continue;
    const args = node.childForFieldName('arguments');
    if (!args) continue;
    const flag = longOptionOfCall(args);
    if (!flag) continue;
    yield { flag, dest: optionDest(flag), args, call: node };
  }
}

function mainGuardAtLineStart(text: string): boolean {
  // The end of the line last tried: an occurrence before it is on that line (tried already). Each character is
  // looked at a bounded number of times however many `__name__` a line holds.
  let lineEnd = -1;
  for (let at = text.indexOf('__name__'); at >= 0; at = text.indexOf('__name__', at + 8)) {
    if (at < lineEnd) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const next = text.indexOf('\n', at);
    lineEnd = next < 0 ? text.length : next;
    MAIN_GUARD_AT_LINE_START.lastIndex = lineStart;
    if (MAIN_GUARD_AT_LINE_START.test(text)) return true;
  }
  return false;
}
