import type { Node } from 'web-tree-sitter';
import type { CallRule } from '../rules';

/**
 * The chat method that models loaded with `trust_remote_code` define for themselves: InternVL
 * (`model.chat(tokenizer, pixel_values, question, generation_config)`, `model.batch_chat(...)`), Qwen-VL and
 * ChatGLM (`model.chat(tokenizer, query, history=...)`, `stream_chat`), MiniCPM-V (`model.chat(image=...,
 * msgs=..., tokenizer=tokenizer)`), as their model cards show. Each call generates an answer: the program runs
 * inference with that model. The tokenizer handed to the call tells it from other `chat` methods (a chat
 * client's, a bot's).
 *
 * The images or features such a program feeds in are cast to the weights' dtype by hand
 * (`pixel_values.to(torch.bfloat16).cuda()`): the model computes in that type, so the cast is its precision.
 */

const CHAT_METHODS = ['chat', 'batch_chat', 'stream_chat'];
/** `model.chat`, `self.model.chat`, `vlm.chat`: a model handle's method, not a module function. */
const MODEL_RECEIVER = /(?:^|\.)(?:model|\w+_model|vlm|llm|mllm|lmm|net)\.(?:chat|batch_chat|stream_chat)$/i;
/** An input tensor cast to a 16-bit type (`x.to(torch.bfloat16)`, `.to(device, dtype=torch.float16)`, `.half()`). */
const INPUT_CAST =
  /\b(?:pixel_values|images?|image_tensor|video|frames|inputs?|features?)\w{0,40}(?:\.\w{1,40}\([^()\n]{0,80}\)){0,3}\.to\([^()\n]{0,80}?torch\.(bfloat16|float16|half)\b/;

function tokenizerArgument(node: Node): boolean {
  const args = node.childForFieldName('arguments');
  if (!args) return false;
  return args.namedChildren.some((a) => {
    if (!a) return false;
    if (a.type === 'identifier') return /tokenizer/i.test(a.text);
    if (a.type === 'keyword_argument') return a.childForFieldName('name')?.text === 'tokenizer';
    return false;
  });
}

export const remoteCodeChat: CallRule = {
  framework: 'huggingface',
  callees: CHAT_METHODS,
  words: ['tokenizer'],
  runStart: /\.(?:chat|batch_chat|stream_chat)[ \t]*\(/,
  when: ({ node, full }) => MODEL_RECEIVER.test(full) && tokenizerArgument(node),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-generate', fn, `${full}(...): the model's own chat method generates`, 'low');
    ctx.add('launch.inference', full, fn, `${full}(tokenizer, ...) generates an answer (inference)`, 'medium');
    if (ctx.facts.some((f) => f.kind === 'training.precision')) return;
    const cast = INPUT_CAST.exec(ctx.text);
    if (!cast) return;
    const row = ctx.text.slice(0, cast.index).split('\n').length - 1;
    ctx.facts.push({
      kind: 'training.precision',
      value: cast[1] === 'bfloat16' ? 'bf16' : 'fp16',
      range: { startLine: row, startCol: 0, endLine: row, endCol: 0 },
      confidence: 'low',
      detail: `inputs cast to torch.${cast[1]} for the model: its weights compute in that type`,
    });
  },
};

/** `model.generate`, `self.model.generate`, `llm.generate`: a model handle's generate method, passed, not called. */
const GENERATE_TARGET = /^(?:[A-Za-z_]\w{0,100}\.){0,3}(?:model|\w{1,60}_model|llm|vlm|lm|net)\.generate$/i;

/**
 * Streaming generation as transformers documents it (TextIteratorStreamer): `Thread(target=model.generate,
 * kwargs=generate_kwargs).start()`, reading tokens from the streamer while the thread generates (chat demos,
 * Gradio apps). The generate method is handed to the thread rather than called, so the generation rule does not
 * see it; the program generates all the same.
 */
export const threadedGeneration: CallRule = {
  framework: 'huggingface',
  callees: ['Thread'],
  words: ['target'],
  runStart: /\bThread[ \t]*\([^)\n]{0,200}target[ \t]*=[ \t]*[\w.]{0,200}\.generate\b/,
  when: ({ node }) => {
    const args = node.childForFieldName('arguments');
    return !!args?.namedChildren.some(
      (a) =>
        a?.type === 'keyword_argument' &&
        a.childForFieldName('name')?.text === 'target' &&
        GENERATE_TARGET.test(a.childForFieldName('value')?.text ?? ''),
    );
  },
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    ctx.add('inference.engine', 'hf-generate', fn, `${full}(target=...generate): one request at a time`, 'low');
    ctx.add('launch.inference', full, fn, `${full}(target=...generate) generates in a thread (inference)`, 'medium');
  },
};
