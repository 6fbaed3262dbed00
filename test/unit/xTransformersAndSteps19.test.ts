import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Nineteenth round, set V: models built with x-transformers counted from their constructor, and range loops whose
 * bound names the batches they step through; each rule on a small case of its own and on the near miss it must leave
 * alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const HEAD = 'import torch\nfrom x_transformers import TransformerWrapper, Decoder, Encoder, XTransformer\n';

describe('Nineteenth round: x-transformers models and batch-count loops', () => {
  it('counts a TransformerWrapper over a Decoder, with rotary positions leaving the position table out', async () => {
    // 2 layers of d 256, 4 heads of 64: attention 256·64·16 = 262,144, feed-forward 8·256² = 524,288 a layer;
    // embedding and head 2·1000·256; rotary positions: no table.
    const facts = await pythonFacts(
      `${HEAD}model = TransformerWrapper(\n    num_tokens=1000,\n    max_seq_len=512,\n    attn_layers=Decoder(dim=256, depth=2, heads=4, rotary_pos_emb=True),\n)\n`,
    );
    assert.deepEqual(valuesOf(facts, 'model.params'), [2 * (262_144 + 524_288) + 2 * 1000 * 256]);
  });

  it('counts an XTransformer encoder-decoder, the decoder cross-attending and the token tables tied', async () => {
    // d 64, 8 heads of 64 (inner 512): attention 64·512·4 = 131,072, feed-forward 8·64² = 32,768.
    // Encoder 1 layer: 163,840; decoder 1 layer: 2·131,072 + 32,768 = 294,912.
    // Embeddings: encoder table 20·64 (no head), decoder table + head 2·20·64, positions 16·64 + 24·64; one table shared.
    const facts = await pythonFacts(
      `${HEAD}model = XTransformer(\n    dim=64,\n    tie_token_emb=True,\n    enc_num_tokens=20,\n    enc_depth=1,\n    enc_max_seq_len=16,\n    dec_num_tokens=20,\n    dec_depth=1,\n    dec_max_seq_len=24,\n)\n`,
    );
    assert.deepEqual(valuesOf(facts, 'model.params'), [
      163_840 + 294_912 + 20 * 64 + 2 * 20 * 64 + (16 + 24) * 64 - 20 * 64,
    ]);
  });

  it('gives no size when a part cannot be read or keywords are splatted in', async () => {
    const unread = await pythonFacts(
      `${HEAD}import sys\nmodel = TransformerWrapper(num_tokens=256, max_seq_len=128, attn_layers=Decoder(dim=int(sys.argv[1]), depth=4))\n`,
    );
    assert.deepEqual(valuesOf(unread, 'model.params'), []);
    const splat = await pythonFacts(
      `${HEAD}extra = dict(attn_hybrid_module=None)\nmodel = TransformerWrapper(num_tokens=256, max_seq_len=128, attn_layers=Decoder(dim=128, depth=4, **extra))\n`,
    );
    assert.deepEqual(valuesOf(splat, 'model.params'), []);
  });

  it('counts steps over a range bound named for batches when the body steps the optimizer, not otherwise', async () => {
    const body = '    loss = model(x).mean()\n    loss.backward()\n    optim.step()\n';
    const steps = await pythonFacts(
      `import torch\nNUM_BATCHES = 5000\nmodel = torch.nn.Linear(4, 4)\noptim = torch.optim.Adam(model.parameters())\nfor i in range(NUM_BATCHES):\n${body}`,
    );
    assert.deepEqual(valuesOf(steps, 'training.steps'), [5000]);
    const evalOnly = await pythonFacts(
      'import torch\nNUM_BATCHES = 50\nmodel = torch.nn.Linear(4, 4)\nfor i in range(NUM_BATCHES):\n    print(model(x).mean())\n',
    );
    assert.deepEqual(valuesOf(evalOnly, 'training.steps'), []);
    const otherBound = await pythonFacts(
      `import torch\nNUM_SAMPLES = 5000\nmodel = torch.nn.Linear(4, 4)\noptim = torch.optim.Adam(model.parameters())\nfor i in range(NUM_SAMPLES):\n${body}`,
    );
    assert.deepEqual(valuesOf(otherBound, 'training.steps'), []);
  });
});
