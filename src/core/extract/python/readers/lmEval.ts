import type { Node } from 'web-tree-sitter';
import { callKeyword, evaluate, stringLiteral } from '../../pythonValues';
import { normalisePrecision } from '../../precision';
import type { CallRule } from '../rules';

/**
 * lm-evaluation-harness from Python (github.com/EleutherAI/lm-evaluation-harness, docs/python-api.md):
 * `lm_eval.simple_evaluate(model="hf", model_args="pretrained=EleutherAI/pythia-160m,dtype=float32", tasks=[...])`
 * (also `lm_eval.evaluator.simple_evaluate`). It loads the model and generates or scores with it: an evaluation,
 * an inference run. The checkpoint is `pretrained=` inside `model_args` (a literal, or an f-string whose field
 * reads a value: `f"pretrained={args.pretrained}"` with the flag's default). A remote API backend
 * (`openai-completions`, `local-completions`) computes elsewhere: no run here. A model object passed as `model=`
 * (an `HFLM(...)` built in the file) is read where it is built.
 */
const REMOTE_BACKEND = /openai|anthropic|completions|chat|api|textsynth|gguf|watsonx/i;
/** String pieces looked at inside `model_args` (an f-string joined to other strings). */
const MAX_STRINGS = 8;

function pretrainedIn(expression: Node, ctx: Parameters<CallRule['read']>[0]['ctx']): string | undefined {
  const strings = expression.type === 'string' ? [expression] : expression.descendantsOfType('string');
  for (const s of strings.slice(0, MAX_STRINGS)) {
    if (!s) continue;
    const literal = stringLiteral(s);
    if (literal !== null) {
      const m = /(?:^|,)\s*pretrained=([^,\s"']{1,200})/.exec(literal);
      if (m) return m[1];
      continue;
    }
    // `f"pretrained={args.pretrained},dtype=..."`: the field right after `pretrained=`.
    const parts = s.namedChildren;
    for (let i = 0; i + 1 < parts.length; i++) {
      const before = parts[i];
      const field = parts[i + 1];
      if (before?.type !== 'string_content' || field?.type !== 'interpolation') continue;
      if (!/(?:^|,)\s*pretrained=$/.test(before.text)) continue;
      const value = evaluate(field.namedChildren[0] ?? null, ctx.symbols);
      if (typeof value?.value === 'string' && /^[\w./-]{1,200}$/.test(value.value)) return value.value;
    }
  }
  return undefined;
}

export const simpleEvaluate: CallRule = {
  framework: 'lm-eval',
  callees: ['simple_evaluate'],
  runStart: /\bsimple_evaluate[ \t]*\(/,
  when: ({ full }) => /(?:^|\.)simple_evaluate$/.test(full),
  read: ({ node, full, ctx }) => {
    const backendNode = callKeyword(node, 'model');
    const backend = backendNode ? stringLiteral(backendNode) : null;
    if (backend !== null && REMOTE_BACKEND.test(backend)) return;
    const fn = node.childForFieldName('function') ?? node;
    const head = backend ? `${full}(model="${backend}")` : `${full}(...)`;
    ctx.add('launch.inference', 'lm_eval', fn, `${head} evaluates a model on benchmark tasks`);
    if (backend) ctx.add('inference.engine', /vllm/.test(backend) ? 'vllm' : 'hf-generate', fn, head);
    const args = callKeyword(node, 'model_args');
    const model = args ? pretrainedIn(args, ctx) : undefined;
    // `dtype=bfloat16` written in the argument string (literal text, also around an f-string's fields).
    const dtype = args ? /(?:^|,)\s*dtype=["']?(\w{1,20})/.exec(args.text.replace(/^[fF]?["']/, ''))?.[1] : undefined;
    const precision = dtype ? normalisePrecision(dtype) : null;
    if (args && precision && !/^int/.test(precision))
      ctx.add('training.precision', precision, args, `${head}: model_args dtype=${dtype}`);
    if (args && model) {
      ctx.add('model.id', model, args, `${head}: model_args pretrained=${model}`);
      ctx.add('model.fromScratch', false, args, `${head} evaluates a trained checkpoint`);
    }
  },
};

/** Top-level statements and class-body statements looked at for a registered wrapper. */
const MAX_STATEMENTS = 400;

/** `@register_model("name")` over a class: the class node, else null. */
function registeredClass(statement: Node): Node | null {
  if (statement.type !== 'decorated_definition') return null;
  const definition = statement.childForFieldName('definition');
  if (definition?.type !== 'class_definition') return null;
  const registered = statement.namedChildren.some(
    (d) => d?.type === 'decorator' && /^@(?:\w{1,60}\.){0,6}register_model[ \t]*\(/.test(d.text),
  );
  return registered ? definition : null;
}

/** The `__init__` of a class body, else null. */
function initOf(cls: Node): Node | null {
  const body = cls.childForFieldName('body');
  for (const statement of (body?.namedChildren ?? []).slice(0, MAX_STATEMENTS)) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === '__init__') return fn;
  }
  return null;
}

/**
 * lm-evaluation-harness's own command line run from a file that registers a model wrapper
 * (docs/model_guide.md: `@register_model("name")` on an `LM` subclass; `lm_eval.__main__.cli_evaluate()`
 * parses `--model`, `--model_args`, `--tasks`): running the file evaluates a model, an inference run. The
 * model the file states is the wrapper's: the default of its `__init__`'s `pretrained` parameter, with its
 * `dtype` and `device` defaults (the harness passes `--model_args` keys as keyword arguments, so what the
 * flags leave out takes these defaults). Without a registered wrapper the model stays as the flags say.
 */
export const harnessCommandLine: CallRule = {
  framework: 'lm-eval',
  callees: ['cli_evaluate'],
  words: ['register_model'],
  runStart: /\bcli_evaluate[ \t]*\(/,
  when: ({ full }) => /(?:^|\.)cli_evaluate$/.test(full),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('launch.inference', 'lm_eval', fn, `${full}() runs lm-evaluation-harness's command line`);
    let root: Node = node;
    while (root.parent) root = root.parent;
    let cls: Node | null = null;
    for (const statement of root.namedChildren.slice(0, MAX_STATEMENTS)) {
      cls = statement ? registeredClass(statement) : null;
      if (cls) break;
    }
    const init = cls ? initOf(cls) : null;
    const params = init?.childForFieldName('parameters')?.namedChildren ?? [];
    const name = cls?.childForFieldName('name')?.text ?? 'wrapper';
    for (const p of params.slice(0, MAX_STATEMENTS)) {
      if (p?.type !== 'default_parameter' && p?.type !== 'typed_default_parameter') continue;
      const key = p.childForFieldName('name')?.text;
      const value = p.childForFieldName('value');
      if (!key || !value) continue;
      const label = `${full}() with the registered ${name}: ${key}=${value.text}`;
      if (key === 'pretrained') {
        const model = stringLiteral(value);
        if (model && /^[\w./-]{1,200}$/.test(model)) {
          ctx.add('model.id', model, value, label, 'medium');
          ctx.add('model.fromScratch', false, value, `${label}: evaluates a trained checkpoint`, 'medium');
        }
      } else if (key === 'dtype' || key === 'torch_dtype') {
        const written = stringLiteral(value) ?? value.text.replace(/^torch\./, '');
        const precision = /^\w{1,20}$/.test(written) ? normalisePrecision(written) : null;
        if (precision && !/^int/.test(precision)) ctx.add('training.precision', precision, value, label, 'medium');
      } else if (key === 'device') {
        const device = stringLiteral(value);
        if (device && /^cuda(:\d+)?$/.test(device))
          ctx.add('hardware.devices', 1, value, `${label}: one device`, 'low');
      }
    }
  },
};
