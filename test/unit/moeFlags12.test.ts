import * as assert from 'node:assert/strict';
import { analyzeSource } from './helpers';

/** Megatron-LM mixture-of-experts flags size the run in total and per token. */
describe('Megatron-LM mixture of experts', () => {
  const launch =
    'torchrun --nproc_per_node 8 pretrain_gpt.py --num-layers 32 --hidden-size 4096 --ffn-hidden-size 14336 ' +
    '--num-attention-heads 32 --seq-length 4096 --swiglu --untie-embeddings-and-output-weights --vocab-size 32000 ' +
    '--train-iters 1000 --global-batch-size 256 --bf16';

  it('counts every expert in the total and the routed ones as active (Mixtral 8x7B layout: 46.7B, 12.9B active)', async () => {
    const [run] = (await analyzeSource('train_moe.sh', `${launch} --num-experts 8 --moe-router-topk 2\n`)).runs;
    const total = run.run.model.params ?? 0;
    const active = run.run.model.activeParams ?? 0;
    // Attention is counted as 4·d² (no grouped-query saving), so a little above the published figures.
    assert.ok(total > 46e9 && total < 49e9, String(total));
    assert.ok(active > 12.5e9 && active < 14.5e9, String(active));
  });

  it('keeps a dense launch dense, and leaves a layout set by --moe-layer-freq unread', async () => {
    const [dense] = (await analyzeSource('train.sh', `${launch}\n`)).runs;
    assert.ok((dense.run.model.params ?? 0) < 9e9);
    assert.equal(dense.run.model.activeParams ?? dense.run.model.params, dense.run.model.params);
    const [mixed] = (await analyzeSource('train_moe.sh', `${launch} --num-experts 8 --moe-layer-freq ([0]*1+[1]*31)\n`))
      .runs;
    assert.equal(mixed.run.model.params, dense.run.model.params);
  });
});
