import type { AttentionGeometry } from '../schema';

/**
 * Attention geometry of common decoder checkpoints: what the KV cache per token follows from
 * (layers × 2 × key/value heads × head dimension × bytes). Each row is read from the checkpoint's
 * config.json on the Hugging Face Hub (num_hidden_layers, num_key_value_heads — num_attention_heads
 * when absent —, head_dim or hidden_size / num_attention_heads). Models with sliding-window layers
 * say which share of layers keeps the full context.
 */

const cfg = (repo: string) => `config.json of huggingface.co/${repo}`;

export const ATTENTION_GEOMETRY: readonly AttentionGeometry[] = [
  // LLaMA 1 and Vicuna (multi-head attention: key/value heads = attention heads)
  {
    ids: ['huggyllama/llama-7b', 'metaai/llama-7b', 'lmsys/vicuna-7b-v1.5'],
    layers: 32,
    kvHeads: 32,
    headDim: 128,
    source: cfg('huggyllama/llama-7b') + ': 32 layers, 32 heads, hidden 4096',
  },
  {
    ids: ['huggyllama/llama-13b', 'metaai/llama-13b', 'lmsys/vicuna-13b', 'lmsys/vicuna-13b-v1.5'],
    layers: 40,
    kvHeads: 40,
    headDim: 128,
    source: cfg('huggyllama/llama-13b') + ': 40 layers, 40 heads, hidden 5120 (Vicuna-13B is a LLaMA-13B fine-tune)',
  },
  {
    ids: ['huggyllama/llama-30b'],
    layers: 60,
    kvHeads: 52,
    headDim: 128,
    source: cfg('huggyllama/llama-30b') + ': 60 layers, 52 heads, hidden 6656',
  },
  {
    ids: ['huggyllama/llama-65b'],
    layers: 80,
    kvHeads: 64,
    headDim: 128,
    source: cfg('huggyllama/llama-65b') + ': 80 layers, 64 heads, hidden 8192',
  },
  // Llama 2
  {
    ids: [
      'meta-llama/llama-2-7b-hf',
      'meta-llama/llama-2-7b-chat-hf',
      'codellama/codellama-7b-hf',
      'codellama/codellama-7b-instruct-hf',
    ],
    layers: 32,
    kvHeads: 32,
    headDim: 128,
    source: cfg('meta-llama/Llama-2-7b-hf') + ': 32 layers, 32 heads, hidden 4096',
  },
  {
    ids: ['meta-llama/llama-2-13b-hf', 'meta-llama/llama-2-13b-chat-hf', 'codellama/codellama-13b-hf'],
    layers: 40,
    kvHeads: 40,
    headDim: 128,
    source: cfg('meta-llama/Llama-2-13b-hf') + ': 40 layers, 40 heads, hidden 5120',
  },
  {
    ids: ['meta-llama/llama-2-70b-hf', 'meta-llama/llama-2-70b-chat-hf', 'codellama/codellama-70b-hf'],
    layers: 80,
    kvHeads: 8,
    headDim: 128,
    source: cfg('meta-llama/Llama-2-70b-hf') + ': 80 layers, 64 heads, 8 key/value heads, hidden 8192',
  },
  {
    ids: ['codellama/codellama-34b-hf'],
    layers: 48,
    kvHeads: 8,
    headDim: 128,
    source: cfg('codellama/CodeLlama-34b-hf') + ': 48 layers, 64 heads, 8 key/value heads, hidden 8192',
  },
  // Llama 3.x
  {
    ids: [
      'meta-llama/meta-llama-3-8b',
      'meta-llama/meta-llama-3-8b-instruct',
      'meta-llama/llama-3.1-8b',
      'meta-llama/llama-3.1-8b-instruct',
      'meta-llama/meta-llama-3.1-8b-instruct',
    ],
    layers: 32,
    kvHeads: 8,
    headDim: 128,
    source: cfg('meta-llama/Llama-3.1-8B') + ': 32 layers, 32 heads, 8 key/value heads, hidden 4096',
  },
  {
    ids: [
      'meta-llama/meta-llama-3-70b',
      'meta-llama/meta-llama-3-70b-instruct',
      'meta-llama/llama-3.1-70b',
      'meta-llama/llama-3.1-70b-instruct',
      'meta-llama/meta-llama-3.1-70b-instruct',
      'meta-llama/llama-3.3-70b-instruct',
    ],
    layers: 80,
    kvHeads: 8,
    headDim: 128,
    source: cfg('meta-llama/Llama-3.1-70B') + ': 80 layers, 64 heads, 8 key/value heads, hidden 8192',
  },
  {
    ids: ['meta-llama/llama-3.1-405b', 'meta-llama/llama-3.1-405b-instruct', 'meta-llama/meta-llama-3.1-405b-instruct'],
    layers: 126,
    kvHeads: 8,
    headDim: 128,
    source: cfg('meta-llama/Llama-3.1-405B') + ': 126 layers, 128 heads, 8 key/value heads, hidden 16384',
  },
  {
    ids: ['meta-llama/llama-3.2-1b', 'meta-llama/llama-3.2-1b-instruct'],
    layers: 16,
    kvHeads: 8,
    headDim: 64,
    source: cfg('meta-llama/Llama-3.2-1B') + ': 16 layers, 32 heads, 8 key/value heads, hidden 2048',
  },
  {
    ids: ['meta-llama/llama-3.2-3b', 'meta-llama/llama-3.2-3b-instruct'],
    layers: 28,
    kvHeads: 8,
    headDim: 128,
    source: cfg('meta-llama/Llama-3.2-3B') + ': 28 layers, 24 heads, 8 key/value heads, hidden 3072',
  },
  // Mistral / Mixtral
  {
    ids: [
      'mistralai/mistral-7b-v0.1',
      'mistralai/mistral-7b-instruct-v0.1',
      'mistralai/mistral-7b-instruct-v0.2',
      'mistralai/mistral-7b-v0.3',
      'mistralai/mistral-7b-instruct-v0.3',
    ],
    layers: 32,
    kvHeads: 8,
    headDim: 128,
    source: cfg('mistralai/Mistral-7B-v0.1') + ': 32 layers, 32 heads, 8 key/value heads, hidden 4096',
  },
  {
    ids: ['mistralai/mixtral-8x7b-v0.1', 'mistralai/mixtral-8x7b-instruct-v0.1'],
    layers: 32,
    kvHeads: 8,
    headDim: 128,
    source: cfg('mistralai/Mixtral-8x7B-v0.1') + ': 32 layers, 32 heads, 8 key/value heads, hidden 4096',
  },
  {
    ids: ['mistralai/mixtral-8x22b-v0.1', 'mistralai/mixtral-8x22b-instruct-v0.1'],
    layers: 56,
    kvHeads: 8,
    headDim: 128,
    source: cfg('mistralai/Mixtral-8x22B-v0.1') + ': 56 layers, 48 heads, 8 key/value heads, hidden 6144',
  },
  // Qwen 2 / 2.5 / 3
  {
    ids: ['qwen/qwen2.5-0.5b', 'qwen/qwen2.5-0.5b-instruct', 'qwen/qwen2-0.5b', 'qwen/qwen2-0.5b-instruct'],
    layers: 24,
    kvHeads: 2,
    headDim: 64,
    source: cfg('Qwen/Qwen2.5-0.5B') + ': 24 layers, 14 heads, 2 key/value heads, hidden 896',
  },
  {
    ids: ['qwen/qwen2.5-1.5b', 'qwen/qwen2.5-1.5b-instruct', 'qwen/qwen2-1.5b', 'qwen/qwen2-1.5b-instruct'],
    layers: 28,
    kvHeads: 2,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-1.5B') + ': 28 layers, 12 heads, 2 key/value heads, hidden 1536',
  },
  {
    ids: ['qwen/qwen2.5-3b', 'qwen/qwen2.5-3b-instruct'],
    layers: 36,
    kvHeads: 2,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-3B') + ': 36 layers, 16 heads, 2 key/value heads, hidden 2048',
  },
  {
    ids: ['qwen/qwen2.5-7b', 'qwen/qwen2.5-7b-instruct', 'qwen/qwen2-7b', 'qwen/qwen2-7b-instruct'],
    layers: 28,
    kvHeads: 4,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-7B') + ': 28 layers, 28 heads, 4 key/value heads, hidden 3584',
  },
  {
    ids: ['qwen/qwen2.5-14b', 'qwen/qwen2.5-14b-instruct'],
    layers: 48,
    kvHeads: 8,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-14B') + ': 48 layers, 40 heads, 8 key/value heads, hidden 5120',
  },
  {
    ids: ['qwen/qwen2.5-32b', 'qwen/qwen2.5-32b-instruct'],
    layers: 64,
    kvHeads: 8,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-32B') + ': 64 layers, 40 heads, 8 key/value heads, hidden 5120',
  },
  {
    ids: ['qwen/qwen2.5-72b', 'qwen/qwen2.5-72b-instruct', 'qwen/qwen2-72b', 'qwen/qwen2-72b-instruct'],
    layers: 80,
    kvHeads: 8,
    headDim: 128,
    source: cfg('Qwen/Qwen2.5-72B') + ': 80 layers, 64 heads, 8 key/value heads, hidden 8192',
  },
  {
    ids: ['qwen/qwen3-30b-a3b', 'qwen/qwen3-30b-a3b-instruct-2507'],
    layers: 48,
    kvHeads: 4,
    headDim: 128,
    source:
      cfg('Qwen/Qwen3-30B-A3B') + ': 48 layers, 32 heads, 4 key/value heads, head_dim 128, 128 experts (8 per token)',
  },
  {
    ids: ['qwen/qwen3-235b-a22b', 'qwen/qwen3-235b-a22b-instruct-2507', 'qwen/qwen3-235b-a22b-instruct-2507-fp8'],
    layers: 94,
    kvHeads: 4,
    headDim: 128,
    source:
      cfg('Qwen/Qwen3-235B-A22B') + ': 94 layers, 64 heads, 4 key/value heads, head_dim 128, 128 experts (8 per token)',
  },
  // Gemma 2 (half the layers use a 4,096-token sliding window)
  {
    ids: ['google/gemma-2-2b', 'google/gemma-2-2b-it'],
    layers: 26,
    kvHeads: 4,
    headDim: 256,
    source:
      cfg('google/gemma-2-2b') +
      ': 26 layers, 8 heads, 4 key/value heads, head_dim 256; alternating 4096-token sliding-window layers',
  },
  {
    ids: ['google/gemma-2-9b', 'google/gemma-2-9b-it'],
    layers: 42,
    kvHeads: 8,
    headDim: 256,
    source: cfg('google/gemma-2-9b') + ': 42 layers, 16 heads, 8 key/value heads, head_dim 256',
  },
  {
    ids: ['google/gemma-2-27b', 'google/gemma-2-27b-it'],
    layers: 46,
    kvHeads: 16,
    headDim: 128,
    source: cfg('google/gemma-2-27b') + ': 46 layers, 32 heads, 16 key/value heads, head_dim 128',
  },
  // Code and open-weight MoE
  {
    ids: ['bigcode/starcoder2-3b'],
    layers: 30,
    kvHeads: 2,
    headDim: 128,
    source: cfg('bigcode/starcoder2-3b') + ': 30 layers, 24 heads, 2 key/value heads, hidden 3072',
  },
  {
    ids: ['openai/gpt-oss-120b'],
    layers: 36,
    kvHeads: 8,
    headDim: 64,
    fullAttentionShare: 0.5,
    source:
      cfg('openai/gpt-oss-120b') +
      ': 36 layers, 64 heads, 8 key/value heads, head_dim 64; every other layer a 128-token sliding window',
  },
  {
    ids: ['openai/gpt-oss-20b'],
    layers: 24,
    kvHeads: 8,
    headDim: 64,
    fullAttentionShare: 0.5,
    source:
      cfg('openai/gpt-oss-20b') +
      ': 24 layers, 64 heads, 8 key/value heads, head_dim 64; every other layer a 128-token sliding window',
  },
  // BLOOM (multi-head attention)
  {
    ids: ['bigscience/bloom', 'bigscience/bloomz'],
    layers: 70,
    kvHeads: 112,
    headDim: 128,
    source: cfg('bigscience/bloom') + ': 70 layers, 112 heads, hidden 14336',
  },
  {
    ids: ['bigscience/bloom-560m', 'bigscience/bloomz-560m'],
    layers: 24,
    kvHeads: 16,
    headDim: 64,
    source: cfg('bigscience/bloom-560m') + ': 24 layers, 16 heads, hidden 1024',
  },
  {
    ids: ['bigscience/bloom-1b7', 'bigscience/bloomz-1b7'],
    layers: 24,
    kvHeads: 16,
    headDim: 128,
    source: cfg('bigscience/bloom-1b7') + ': 24 layers, 16 heads, hidden 2048',
  },
  {
    ids: ['bigscience/bloom-3b', 'bigscience/bloomz-3b'],
    layers: 30,
    kvHeads: 32,
    headDim: 80,
    source: cfg('bigscience/bloom-3b') + ': 30 layers, 32 heads, hidden 2560',
  },
  {
    ids: ['bigscience/bloom-7b1', 'bigscience/bloomz-7b1'],
    layers: 30,
    kvHeads: 32,
    headDim: 128,
    source: cfg('bigscience/bloom-7b1') + ': 30 layers, 32 heads, hidden 4096',
  },
  // T5 family (decoder side: self-attention cache grows with output, cross-attention cache is fixed by the input)
  {
    ids: ['google/flan-t5-base', 'google/t5-v1_1-base', 't5-base'],
    layers: 12,
    kvHeads: 12,
    headDim: 64,
    source: cfg('google/flan-t5-base') + ': 12 encoder + 12 decoder layers, 12 heads x 64',
  },
  {
    ids: ['google/flan-t5-large', 'google/t5-v1_1-large', 't5-large'],
    layers: 24,
    kvHeads: 16,
    headDim: 64,
    source: cfg('google/flan-t5-large') + ': 24 + 24 layers, 16 heads x 64',
  },
  {
    ids: ['google/flan-t5-xl', 'google/t5-v1_1-xl'],
    layers: 24,
    kvHeads: 32,
    headDim: 64,
    source: cfg('google/flan-t5-xl') + ': 24 + 24 layers, 32 heads x 64',
  },
];
