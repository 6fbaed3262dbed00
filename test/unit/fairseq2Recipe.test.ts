import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { fairseq2ModelId } from '../../src/core/extract/config/fairseq2Recipe';
import type { Fact } from '../../src/core/facts';
import { noFact, oneFact } from './helpers';

/** fairseq2 recipe configs: YAML overlays of a recipe's config (model, regime, trainer, gang). */

const facts = (yaml: string): Fact[] => extractConfigFacts(yaml, 'yaml').facts;

describe('fairseq2 recipe configs (config/fairseq2Recipe.ts)', () => {
  it('reads a fine-tune of a named asset: its Hub id, steps and the default bf16', () => {
    const all = facts(`model:
  name: "llama3_2_3b_instruct"
tokenizer:
  name: "llama3_instruct"
regime:
  num_steps: 12_000
  checkpoint_every_n_steps: 500
`);
    assert.equal(oneFact(all, 'model.id').value, 'meta-llama/Llama-3.2-3B-Instruct');
    oneFact(all, 'model.fromScratch', false);
    oneFact(all, 'training.steps', 12000);
    assert.match(oneFact(all, 'training.precision', 'bf16').detail, /default mixed precision/);
    oneFact(all, 'launch.trainer', 'config:fairseq2');
  });

  it('reads an architecture trained from scratch with a layer override, and a stated fp16', () => {
    const all = facts(`model:
  name: null
  family: qwen
  arch: qwen3_1.7b
  config_overrides:
    num_layers: 6
gang:
  tensor_parallel_size: 1
trainer:
  mixed_precision:
    dtype: "torch.float16"
regime:
  num_data_epochs: 3
`);
    assert.equal(oneFact(all, 'model.id').value, 'Qwen/Qwen3-1.7B');
    oneFact(all, 'model.fromScratch', true);
    oneFact(all, 'model.layers', 6);
    oneFact(all, 'training.epochs', 3);
    oneFact(all, 'training.precision', 'fp16');
  });

  it('fine-tunes from a pretrained encoder, a Hugging Face checkpoint, and leaves a bare size word unnamed', () => {
    const asr = facts(`model:
  arch: "base_100h"
  family: "wav2vec2_asr"
pretrained_model:
  name: "wav2vec2_base"
regime:
  num_steps: 30_000
`);
    assert.equal(oneFact(asr, 'model.id').value, 'facebook/wav2vec2-base');
    oneFact(asr, 'model.fromScratch', false);
    const hg = facts(`model:
  name: null
  family: "hg"
  arch: "causal_lm"
  config_overrides:
    hf_name: "acme/tiny-chat-1b"
regime:
  num_steps: 100
`);
    assert.equal(oneFact(hg, 'model.id').value, 'acme/tiny-chat-1b');
    oneFact(hg, 'model.fromScratch', false);
    const bare = facts(`model:\n  arch: large\nregime:\n  num_steps: 10\n`);
    assert.equal(oneFact(bare, 'model.id').value, null);
  });

  it('is no fairseq2 run without a regime or gang section, and translates asset names', () => {
    noFact(facts(`model:\n  name: llama3_8b\ndataset:\n  name: x\n`), 'launch.trainer', 'config:fairseq2');
    assert.equal(fairseq2ModelId('olmo-2-1124-7b'), 'allenai/OLMo-2-1124-7B');
    assert.equal(fairseq2ModelId('llama3_8b'), 'meta-llama/Meta-Llama-3-8B');
    assert.equal(fairseq2ModelId('my_model'), 'my_model');
  });
});
