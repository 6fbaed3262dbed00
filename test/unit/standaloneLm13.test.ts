import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { dictParams } from '../../src/core/extract/python/readers/standaloneLm';
import { CLONE_LAUNCH, notebookShellText, withNotebookLaunches } from '../../src/core/extract/shell/notebookLaunch';

/** A config dict as the reader holds it (values only: the nodes are not looked at by the count). */
function dict(entries: Record<string, number | string | boolean>): Parameters<typeof dictParams>[0] {
  return new Map(Object.entries(entries).map(([k, v]) => [k, { value: v, node: null as unknown as Node }]));
}

describe('standalone LM config dicts (round 13)', () => {
  it('counts a GPT-2 block as 12·L·d² plus the token embedding and its learned position table', () => {
    const size = dictParams(dict({ vocab_size: 50257, context_length: 1024, emb_dim: 768, n_heads: 12, n_layers: 12 }));
    assert.equal(size?.params, 12 * 12 * 768 * 768 + (50257 + 1024) * 768);
    // Positions stated some other way (rotary, ALiBi), or Llama-style naming: no table.
    const alibi = dictParams(
      dict({ vocab_size: 50257, context_length: 1024, emb_dim: 768, n_layers: 12, alibi: true }),
    );
    assert.equal(alibi?.params, 12 * 12 * 768 * 768 + 50257 * 768);
    const llamaNamed = dictParams(dict({ vocab_size: 50257, block_size: 1024, dim: 768, n_layers: 12 }));
    assert.equal(llamaNamed?.params, 12 * 12 * 768 * 768 + 50257 * 768);
  });

  it('counts grouped-query attention of its own head width and a gated MLP (Qwen3-0.6B: 0.596B, card 0.6B)', () => {
    const size = dictParams(
      dict({
        vocab_size: 151936,
        emb_dim: 1024,
        n_heads: 16,
        n_layers: 28,
        hidden_dim: 3072,
        head_dim: 128,
        n_kv_groups: 8,
        rope_base: 1e6,
        dtype: 'torch.bfloat16',
      }),
    );
    // Q and O: 1024 × 2048 each; K and V: 1024 × 1024 each; MLP: 3 × 1024 × 3072; tied embedding.
    assert.equal(size?.params, 28 * (2 * 1024 * 2048 + 2 * 1024 * 1024 + 3 * 1024 * 3072) + 151936 * 1024);
  });

  it('counts every routed expert of a mixture-of-experts dict, with its router', () => {
    const size = dictParams(
      dict({
        vocab_size: 1000,
        emb_dim: 64,
        n_heads: 4,
        n_layers: 2,
        rope_base: 1e4,
        num_experts: 8,
        moe_intermediate_size: 32,
      }),
    );
    assert.equal(size?.params, 2 * (4 * 64 * 64 + 8 * 3 * 64 * 32 + 64 * 8) + 1000 * 64);
  });

  it('sizes nothing without both a layer count and a width', () => {
    assert.equal(dictParams(dict({ vocab_size: 50257, emb_dim: 768 })), undefined);
    assert.equal(dictParams(dict({ learning_rate: 5e-4, num_epochs: 10 })), undefined);
  });
});

describe('notebook shell escapes as a launch script (round 13)', () => {
  it('keeps each command on the line of the joined code it is written on, continuation lines included', () => {
    const text = notebookShellText([
      { index: 0, startLine: 0, text: 'import os\nx = 1' },
      { index: 2, startLine: 2, text: '!torchrun --nproc_per_node 2 train.py \\\n    --bf16 True\nprint(1)' },
    ]);
    assert.deepEqual(text?.split('\n'), ['', '', 'torchrun --nproc_per_node 2 train.py \\', '    --bf16 True', '']);
  });

  it('is nothing when the escapes only install or download', () => {
    assert.equal(
      notebookShellText([{ index: 0, startLine: 0, text: '!pip install peft\n!wget https://x/y.json' }]),
      undefined,
    );
  });
});

describe('notebook shell escapes in a cloned project (round 13)', () => {
  it("marks what runs from the top folder of a clone the notebook made (kept only where the program is this repository's)", () => {
    const facts = withNotebookLaunches(
      [],
      [
        { index: 0, startLine: 0, text: '!git clone https://huggingface.co/spaces/someone/lora-demo' },
        { index: 1, startLine: 1, text: '%cd "lora-demo"\n!python app.py' },
      ],
      '/repo/demo.ipynb',
    );
    const launch = facts.find((f) => f.kind === 'link.script');
    assert.equal(launch?.value, 'app.py');
    assert.ok(launch?.detail.includes(CLONE_LAUNCH));
  });

  it('leaves out what runs in a folder below a clone (%cd clone/sub)', () => {
    const text = notebookShellText([
      { index: 0, startLine: 0, text: '!git clone https://github.com/org/tool' },
      { index: 1, startLine: 1, text: '%cd /content/tool/scripts\n!python run.py' },
    ]);
    assert.equal(text, undefined);
  });

  it('reads a launch outside any clone unmarked', () => {
    const facts = withNotebookLaunches(
      [],
      [
        { index: 0, startLine: 0, text: '!git clone https://github.com/org/tool\n%cd tool\n!ls' },
        { index: 1, startLine: 3, text: '%cd /content\n!python train.py --fp16' },
      ],
      '/repo/demo.ipynb',
    );
    assert.ok(facts.some((f) => f.kind === 'link.script' && !f.detail.includes(CLONE_LAUNCH)));
  });

  it('keeps a launch after a clone the notebook only installs from (!cd x && pip install .)', () => {
    const text = notebookShellText([
      { index: 0, startLine: 0, text: '!git clone https://github.com/org/kernels\n!cd kernels && pip install .' },
      { index: 1, startLine: 2, text: '!python ../train.py --bf16' },
    ]);
    assert.ok(text?.includes('python ../train.py --bf16'));
  });
});

describe('notebook launches (round 13)', () => {
  it('is the first program the notebook runs; a later one using its output is not drawn in', () => {
    const facts = withNotebookLaunches(
      [],
      [
        { index: 0, startLine: 0, text: '!python finetune.py --model_name_or_path org/base --output_dir out' },
        { index: 1, startLine: 1, text: '!python chat.py out/checkpoint-100 --prompt "hi"' },
      ],
      '/repo/demo/recipe.ipynb',
    );
    assert.deepEqual(
      facts.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['finetune.py'],
    );
    assert.ok(facts.some((f) => f.kind === 'model.id' && f.value === 'org/base'));
  });
});
