import type { Node } from 'web-tree-sitter';
import { pickedBy, startsARun, type Fact, type FactValue } from '../../../facts';
import { lineRange } from '../context';
import type { FileRule } from '../rules';

/**
 * Colossal-AI's Booster plugins set the compute precision of the run they wrap (colossalai.booster.plugin):
 *
 *     if args.plugin == "torch_ddp_fp16":
 *         booster_kwargs["mixed_precision"] = "fp16"
 *     if args.plugin.startswith("torch_ddp"):
 *         plugin = TorchDDPPlugin()
 *     elif args.plugin == "gemini":
 *         plugin = GeminiPlugin(initial_scale=2**5)
 *     elif args.plugin == "zero2":
 *         plugin = LowLevelZeroPlugin(stage=2, precision=args.mixed_precision)
 *     booster = Booster(plugin=plugin, **booster_kwargs)
 *
 * GeminiPlugin, LowLevelZeroPlugin, HybridParallelPlugin and MoeHybridParallelPlugin take `precision: str = "fp16"`
 * (Colossal-AI source, colossalai/booster/plugin/gemini_plugin.py, low_level_zero_plugin.py,
 * hybrid_parallel_plugin.py, moe_hybrid_parallel_plugin.py, `__init__` signatures; colossalai.org docs, "Booster
 * Plugins": "precision (str, optional): precision. Support 'fp16', 'bf16' and 'fp32'. Defaults to 'fp16'"), and
 * train in it. TorchDDPPlugin and TorchFSDPPlugin have no precision of their own: the Booster's `mixed_precision`
 * (default None, colossalai/booster/booster.py) is the run's, fp32 when it is not given.
 *
 * The plugin built is the one the program's `--plugin` flag picks (its argparse default, or the launch line's
 * word): the fact carries each plugin name the program tests with the precision it gives (`picks`), so a launch
 * passing `--plugin gemini` reads the gemini branch. A `precision=args.<flag>` reads that flag's default. Read only
 * in a file that imports Colossal-AI, starts a run and has no precision read otherwise; a pick the file does not
 * make plain (no default for the flag, a precision that is an expression) is left unread.
 */

/** Plugins whose constructor takes `precision` with default "fp16"; the others have none of their own. */
const HALF_BY_DEFAULT = new Set([
  'GeminiPlugin',
  'LowLevelZeroPlugin',
  'HybridParallelPlugin',
  'MoeHybridParallelPlugin',
  'GeminiDDP',
]);
/**
 * GeminiDDP, the model wrapper of Colossal-AI's older API (`model = GeminiDDP(model, ...)`), takes
 * `mixed_precision: torch.dtype = torch.float16` (colossalai/zero/gemini/gemini_ddp.py) and trains in it.
 */
const PLUGIN_CALL =
  /\b(GeminiPlugin|LowLevelZeroPlugin|HybridParallelPlugin|MoeHybridParallelPlugin|TorchDDPPlugin|TorchFSDPPlugin|GeminiDDP)[ \t]*\(/g;
const IMPORTS_COLOSSAL_LINE = /^[ \t]*(?:from|import)[ \t]+colossalai\b/m;
/** The import test, tried only where the word is (a multiline regex visits every line start of a long file). */
const IMPORTS_COLOSSAL = { test: (text: string) => text.includes('colossalai') && IMPORTS_COLOSSAL_LINE.test(text) };
const PRECISIONS: Readonly<Record<string, string>> = {
  fp16: 'fp16',
  bf16: 'bf16',
  fp32: 'fp32',
  'torch.float16': 'fp16',
  'torch.half': 'fp16',
  'torch.bfloat16': 'bf16',
  'torch.float32': 'fp32',
};
/** Plugin calls looked at in one file, and ancestors climbed from a call to its branch. */
const MAX_CALLS = 40;
const MAX_DEPTH = 12;

/** `args.plugin == "gemini"`, `args.plugin.startswith("torch_ddp")` (a prefix test, written `torch_ddp*`). */
const EQUALS_TEST = /^\(?[ \t]*([A-Za-z_]\w{0,30})\.([A-Za-z_]\w{0,60})[ \t]*==[ \t]*["']([\w.-]{1,40})["'][ \t]*\)?$/;
const PREFIX_TEST =
  /^\(?[ \t]*([A-Za-z_]\w{0,30})\.([A-Za-z_]\w{0,60})\.startswith\([ \t]*["']([\w.-]{1,40})["'][ \t]*\)[ \t]*\)?$/;

interface Branch {
  readonly holder: string;
  readonly flag: string;
  readonly pick: string;
}

/** The test of the `if`/`elif` whose body holds `node`, when it compares one flag with a plugin name. */
function branchOf(node: Node): Branch | undefined {
  let child: Node = node;
  for (let depth = 0; depth < MAX_DEPTH && child.parent; depth++) {
    const parent: Node = child.parent;
    if ((parent.type === 'if_statement' || parent.type === 'elif_clause') && child.type === 'block') {
      const test = parent.childForFieldName('condition')?.text ?? '';
      const m = EQUALS_TEST.exec(test) ?? PREFIX_TEST.exec(test);
      if (!m) return undefined;
      return { holder: m[1], flag: m[2], pick: test.includes('.startswith(') ? `${m[3]}*` : m[3] };
    }
    if (parent.type === 'function_definition' || parent.type === 'else_clause') return undefined;
    child = parent;
  }
  return undefined;
}

/** The string default of `--<flag>` in an argparse declaration, with its 0-based line. */
function flagDefault(text: string, flag: string): { value: string; row: number } | undefined {
  const dashed = flag.replace(/_/g, '[-_]');
  const m = new RegExp(
    `add_argument\\([^)]{0,200}?["']--${dashed}["'][^)]{0,400}?\\bdefault[ \\t]*=[ \\t]*["']([\\w.-]{1,40})["']`,
  ).exec(text);
  if (!m) return undefined;
  return { value: m[1], row: text.slice(0, m.index + m[0].length).split('\n').length - 1 };
}

/**
 * The `precision=` keyword of a plugin call: its value (null when the file does not make it plain), and the flag
 * whose default it is (`precision=args.mixed_precision`).
 */
function precisionOf(call: Node, cls: string, text: string): { value: string | null; flag?: string } {
  const args = call.childForFieldName('arguments');
  const name = cls === 'GeminiDDP' ? 'mixed_precision' : 'precision';
  const kw = args?.namedChildren.find(
    (c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === name,
  );
  if (!kw) return { value: HALF_BY_DEFAULT.has(cls) ? 'fp16' : 'fp32' };
  const value = kw.childForFieldName('value');
  if (!value) return { value: null };
  const literal = /^["'](\w{1,10})["']$/.exec(value.text)?.[1];
  if (literal) return { value: PRECISIONS[literal] ?? null };
  if (PRECISIONS[value.text]) return { value: PRECISIONS[value.text] };
  const viaFlag = /^[A-Za-z_]\w{0,30}\.([A-Za-z_]\w{0,60})$/.exec(value.text)?.[1];
  const d = viaFlag ? flagDefault(text, viaFlag) : undefined;
  return { value: d ? (PRECISIONS[d.value] ?? null) : null, ...(viaFlag ? { flag: viaFlag } : {}) };
}

/**
 * Precision facts of this file read from the default of a flag only the plugins consume (`--mixed_precision`): the
 * plugin picked says which precision the run computes in, so those give way; any other precision read stays.
 */
function readOtherwise(facts: readonly Fact[], consumed: ReadonlySet<string>): boolean {
  return facts.some(
    (f) => f.kind === 'training.precision' && f.value !== null && !f.file && !fromConsumed(f, consumed),
  );
}

/** A fact read from the default of one of `consumed` (`flagDefault`, or a detail `default of --mixed_precision`). */
function fromConsumed(f: Fact, consumed: ReadonlySet<string>): boolean {
  if (f.flagDefault?.some((x) => consumed.has(x))) return true;
  const named = /^default of --([\w-]{1,60})\b/.exec(f.detail)?.[1];
  return named !== undefined && consumed.has(named.replace(/-/g, '_'));
}

function dropConsumed(facts: Fact[], consumed: ReadonlySet<string>): void {
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i];
    if (f.kind === 'training.precision' && !f.file && fromConsumed(f, consumed)) facts.splice(i, 1);
  }
}

/** `booster_kwargs["mixed_precision"] = "fp16"` / `mixed_precision="fp16"` inside the branch of `pick`. */
const BOOSTER_HALF = /mixed_precision["']?\]?[ \t]*=[ \t]*["'](fp16|bf16)["']/g;

export const colossalPlugin: FileRule = {
  framework: 'colossalai',
  phase: 'after-calls',
  words: ['Plugin(', 'GeminiDDP('],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!IMPORTS_COLOSSAL.test(text)) return;
    if (!ctx.facts.some(startsARun)) return;
    const picks = new Map<string, string | null>();
    const unbranched: { cls: string; precision: string | null; row: number }[] = [];
    const consumed = new Set<string>();
    let flag: { holder: string; name: string } | undefined;
    let calls = 0;
    for (const m of text.matchAll(PLUGIN_CALL)) {
      if (++calls > MAX_CALLS) break;
      const row = text.slice(0, m.index).split('\n').length - 1;
      const column = m.index - (text.lastIndexOf('\n', m.index - 1) + 1);
      let node: Node | null = ctx.tree.rootNode.descendantForPosition({ row, column });
      while (node && node.type !== 'call') node = node.parent;
      if (!node || node.childForFieldName('function')?.text !== m[1]) continue;
      const cls = m[1];
      const read = precisionOf(node, cls, text);
      if (read.flag) consumed.add(read.flag);
      const precision = read.value;
      const branch = branchOf(node);
      if (!branch) {
        unbranched.push({ cls, precision, row });
        continue;
      }
      if (flag && (flag.holder !== branch.holder || flag.name !== branch.flag)) return;
      flag = { holder: branch.holder, name: branch.flag };
      if (!picks.has(branch.pick)) picks.set(branch.pick, precision);
    }
    if (readOtherwise(ctx.facts, consumed)) return;
    // The Booster's own mixed precision, set for one plugin name (`torch_ddp_fp16`): that name computes in it.
    if (flag) {
      for (const m of text.matchAll(BOOSTER_HALF)) {
        const row = text.slice(0, m.index).split('\n').length - 1;
        const column = m.index - (text.lastIndexOf('\n', m.index - 1) + 1);
        const node = ctx.tree.rootNode.descendantForPosition({ row, column });
        const branch = node ? branchOf(node) : undefined;
        if (branch && branch.flag === flag.name && !branch.pick.endsWith('*')) picks.set(branch.pick, m[1]);
      }
    }
    if (!flag) {
      // Plugins built whatever the flags say (one, or one per library version): their precision, where they agree.
      if (unbranched.length === 0 || unbranched.some((u) => !u.precision || u.precision !== unbranched[0].precision))
        return;
      const only = unbranched[0];
      const row = only.row;
      dropConsumed(ctx.facts, consumed);
      ctx.facts.push({
        kind: 'training.precision',
        value: only.precision!,
        range: lineRange(row, (text.split('\n', row + 1)[row] ?? '').length),
        confidence: 'medium',
        detail: `${only.cls}: computes in ${only.precision!} (${HALF_BY_DEFAULT.has(only.cls) ? "Colossal-AI's plugin precision, default fp16" : 'no mixed precision of its own'})`,
      });
      return;
    }
    const table: [string, FactValue][] = [...picks].map(([pick, value]) => [pick, value]);
    const declared = flagDefault(text, flag.name);
    if (!declared) {
      // The flag declared in another module (`args = parse_demo_args()` from the program's args.py): unknown here,
      // picked by the word a launch line gives it.
      const first = [...text.matchAll(PLUGIN_CALL)][0];
      const row = first ? text.slice(0, first.index).split('\n').length - 1 : 0;
      ctx.facts.push({
        kind: 'training.precision',
        value: null,
        range: lineRange(row, (text.split('\n', row + 1)[row] ?? '').length),
        confidence: 'low',
        detail: `the Colossal-AI plugin --${flag.name} picks sets the precision; the flag's default is not in this file`,
        fromFlags: [flag.name],
        flagDefault: [flag.name],
        picks: table,
      });
      return;
    }
    const chosen = pickedBy(table, declared.value);
    if (chosen === undefined || chosen === null) return;
    const lines = text.split('\n', declared.row + 1);
    dropConsumed(ctx.facts, consumed);
    ctx.facts.push({
      kind: 'training.precision',
      value: chosen,
      range: lineRange(declared.row, (lines[declared.row] ?? '').length),
      confidence: 'medium',
      detail: `the Colossal-AI plugin --${flag.name} ${declared.value} picks computes in ${chosen} (default of \`--${flag.name}\` (line ${declared.row + 1}))`,
      fromFlags: [flag.name],
      flagDefault: [flag.name],
      picks: table,
    });
  },
};

/**
 * `booster.load_model(model, args.pretrained)`: Colossal-AI's Booster loads a checkpoint into the boosted model
 * (colossalai/booster/booster.py, `load_model(model, checkpoint, strict=True, ...)`: "Load model from checkpoint").
 * Called where it always runs (not under an `if`, the usual resume-from-checkpoint switch) in a program that builds
 * the model from its config (`AutoModelForCausalLM.from_config(config)`, random weights), the run trains those loaded
 * weights: a fine-tune, not a pre-training from scratch.
 */
const LOAD_MODEL = /^[ \t]*([A-Za-z_]\w{0,40})\.load_model\([ \t]*(?:model[ \t]*=[ \t]*)?([A-Za-z_]\w{0,40})[ \t]*,/gm;
const MAX_LOADS = 20;

function alwaysRuns(node: Node): boolean {
  for (let at: Node | null = node.parent, depth = 0; at && depth < 40; at = at.parent, depth++) {
    if (
      /^(?:if_statement|elif_clause|else_clause|try_statement|except_clause|for_statement|while_statement)$/.test(
        at.type,
      )
    )
      return false;
    if (at.type === 'function_definition' || at.type === 'module') return true;
  }
  return false;
}

export const colossalLoadModel: FileRule = {
  framework: 'colossalai',
  phase: 'after-calls',
  words: ['.load_model('],
  read: (_index, ctx) => {
    const text = ctx.text;
    if (!IMPORTS_COLOSSAL.test(text) || !/\bBooster\(/.test(text)) return;
    const scratch = ctx.facts.findIndex(
      (f) => f.kind === 'model.fromScratch' && f.value === true && !f.file && /from_config\b/.test(f.detail),
    );
    if (scratch < 0) return;
    let loads = 0;
    for (const m of text.matchAll(LOAD_MODEL)) {
      if (++loads > MAX_LOADS) break;
      // The booster is a Booster built in this file (`booster = Booster(plugin=plugin)`).
      if (!new RegExp(`\\b${m[1]}[ \\t]*=[ \\t]*Booster\\(`).test(text)) continue;
      const row = text.slice(0, m.index).split('\n').length - 1;
      const line = text.split('\n', row + 1)[row] ?? '';
      const node = ctx.tree.rootNode.descendantForPosition({ row, column: line.length - line.trimStart().length });
      if (!node || !alwaysRuns(node)) continue;
      ctx.facts.splice(scratch, 1);
      ctx.facts.push({
        kind: 'model.fromScratch',
        value: false,
        range: lineRange(row, line.length),
        confidence: 'high',
        detail: `${m[1]}.load_model(${m[2]}, ...): Colossal-AI's Booster loads checkpoint weights into the model built from its config`,
      });
      return;
    }
  },
};
