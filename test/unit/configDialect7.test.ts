import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CONFIG_DIALECTS } from '../../src/core/extract/config';
import { configDocOf } from '../../src/core/extract/config/dialect';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import type { Fact } from '../../src/core/facts';
import { findModel } from '../../src/core/knowledge';
import { noFact, oneFact, ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/scanner/dialect7');

const facts = (yaml: string): Fact[] => extractConfigFacts(yaml, 'yaml').facts;
const one = oneFact;
const none = noFact;
function dialectsOf(text: string): string[] {
  const lineCounter = new LineCounter();
  const d = configDocOf(parseDocument(text, { lineCounter, uniqueKeys: false, strict: false }), text, lineCounter);
  return CONFIG_DIALECTS.filter((x) => x.detect(d)).map((x) => x.name);
}

/** A nanotron config with the parts a test varies. */
function nanotron(parts: { model?: string; parallelism?: string; tokens?: string; checkpoints?: string }): string {
  return [
    `checkpoints:\n  checkpoints_path: ckpt\n  checkpoint_interval: 100\n${parts.checkpoints ?? ''}`,
    'model:',
    parts.model ??
      '  dtype: bfloat16\n  init_method:\n    std: 0.02\n  model_config:\n    hidden_size: 512\n    intermediate_size: 1536\n    num_attention_heads: 8\n    num_key_value_heads: 2\n    num_hidden_layers: 4\n    tie_word_embeddings: false\n    vocab_size: 1000',
    `parallelism:\n${parts.parallelism ?? '  dp: 2\n  tp: 2\n  pp: 1'}`,
    `tokens:\n${parts.tokens ?? '  sequence_length: 512\n  micro_batch_size: 4\n  batch_accumulation_per_replica: 3\n  train_steps: 100'}`,
    '',
  ].join('\n');
}

describe('nanotron configs (config/nanotron.ts)', () => {
  it('claims its fixtures alone and reads the run from model_config, tokens and parallelism', () => {
    for (const file of ['llama_1b_pretrain.yaml', 'mamba_370m.yaml', 'continue_from_hf_weights.yaml'])
      assert.deepEqual(dialectsOf(fs.readFileSync(path.join(FIXTURES, 'nanotron', file), 'utf8')), ['nanotron'], file);
    const all = facts(nanotron({}));
    one(all, 'run.framework', 'nanotron');
    one(all, 'launch.trainer', 'config:nanotron');
    assert.equal(one(all, 'training.steps').value, 100);
    // micro_batch_size × batch_accumulation_per_replica × dp samples per optimizer step.
    assert.equal(one(all, 'training.globalBatch').value, 4 * 3 * 2);
    assert.equal(one(all, 'hardware.devices').value, 4);
    one(all, 'training.mode', 'pretrain');
    one(all, 'model.fromScratch', true);
    // 4 × (q/o 2·512² + k/v 2·512·128 + SwiGLU 3·512·1536 + norms 2·512) + final norm + untied 1000 × 512 twice.
    const perLayer = 2 * 512 * 512 + 2 * 512 * 128 + 3 * 512 * 1536 + 2 * 512;
    assert.equal(one(all, 'model.params').value, 4 * perLayer + 512 + 2 * 1000 * 512);
    // The gated MLP is counted in model.params; the generic ffn width (2 matrices) is not added beside it.
    none(all, 'model.ffnSize');
  });

  it('counts context parallelism in the world size and says so when a factor is not a number', () => {
    const cp = facts(nanotron({ parallelism: '  dp: 2\n  tp: 2\n  pp: 2\n  context_parallel_size: 2' }));
    assert.equal(one(cp, 'hardware.devices').value, 16);
    const bad = facts(nanotron({ parallelism: '  dp: ${DP}\n  tp: 2\n  pp: 1' }));
    assert.equal(one(bad, 'hardware.devices').value, null);
  });

  it('tells pre-training, resuming and starting from existing weights apart', () => {
    const resumed = facts(nanotron({ checkpoints: '  resume_checkpoint_path: ckpt/500\n' }));
    const mode = one(resumed, 'training.mode', 'pretrain');
    assert.equal(mode.confidence, 'medium');
    assert.match(one(resumed, 'training.steps', 100).detail, /ends at/);
    assert.equal(one(resumed, 'training.steps', 100).confidence, 'medium');
    none(resumed, 'model.fromScratch');
    const fromWeights = facts(
      nanotron({
        model:
          '  init_method:\n    path: weights/converted\n  model_config:\n    hidden_size: 64\n    intermediate_size: 128\n    num_attention_heads: 4\n    num_hidden_layers: 2\n    vocab_size: 100',
      }),
    );
    one(fromWeights, 'training.mode', 'finetune');
    one(fromWeights, 'model.fromScratch', false);
    // ModelArgs defaults dtype to bfloat16.
    assert.equal(one(fromWeights, 'training.precision', 'bf16').confidence, 'medium');
  });

  it('counts all experts of a nanotron MoE, and leaves a partial MoE layout to the generic sizes', () => {
    const moe = (layers: string) =>
      facts(
        nanotron({
          model: `  init_method:\n    std: 0.02\n  model_config:\n    hidden_size: 64\n    intermediate_size: 128\n    num_attention_heads: 4\n    num_hidden_layers: 2\n    tie_word_embeddings: true\n    vocab_size: 100\n    moe_config:\n      num_experts: 4\n      moe_intermediate_size: 32\n      enable_shared_expert: true\n      shared_expert_intermediate_size: 48\n${layers}`,
        }),
      );
    const attention = 2 * 64 * 64 + 2 * 64 * 64;
    const mlp = 4 * 3 * 64 * 32 + 64 * 4 + 3 * 64 * 48 + 64;
    assert.equal(one(moe(''), 'model.params').value, 2 * (attention + mlp + 2 * 64) + 64 + 100 * 64);
    none(moe('      layers: [0]\n'), 'model.params');
  });
});

describe('configs no dialect claims (config/architectureBudget.ts)', () => {
  const sized = 'model:\n  n_layer: 4\n  n_embd: 256\n  vocab_size: 1000\n';

  it('reads a whole architecture with a budget as a run, and a scheduler budget as nothing', () => {
    const run = facts(`${sized}trainer:\n  total_steps: 800\nscheduler:\n  total_steps: 800\n`);
    assert.equal(one(run, 'training.steps', 800).detail.startsWith('trainer.total_steps'), true);
    one(run, 'launch.trainer', 'config:architecture');
    const scheduler = facts(`${sized}lr_scheduler:\n  total_steps: 800\noptim:\n  num_steps: 10\n`);
    none(scheduler, 'training.steps');
    none(scheduler, 'launch.trainer');
  });

  it('stays silent when the budget is ambiguous, missing, or the model is not sized', () => {
    none(facts(`${sized}a:\n  train_steps: 100\nb:\n  train_steps: 200\n`), 'training.steps');
    none(facts(sized), 'launch.trainer');
    none(facts('trainer:\n  total_steps: 800\nmodel:\n  n_layer: 4\n'), 'training.steps');
  });

  it('reads a token budget and leaves a config with its own max_steps to the generic table', () => {
    const tokens = facts(`${sized}train_tokens: 2000000000\n`);
    one(tokens, 'training.tokens', 2e9);
    one(tokens, 'launch.trainer', 'config:architecture');
    const stated = facts(`${sized}max_steps: 50\ntotal_steps: 90\n`);
    none(stated, 'training.steps', 90);
    none(stated, 'launch.trainer');
  });
});

describe("a recipe's header comment (config/headerHardware.ts)", () => {
  const body = 'model_name_or_path: Qwen/Qwen2.5-7B\nnum_train_epochs: 1\nbf16: true\n';

  it('reads "N nodes of M x GPU" with medium confidence and a bare "M x GPU" with low', () => {
    const nodes = facts(`# Config for 4 nodes of 8 x H100s (80GB)\n${body}`);
    const devices = one(nodes, 'hardware.devices', 8);
    assert.equal(devices.confidence, 'medium');
    assert.equal(devices.range.startLine, 0);
    one(nodes, 'hardware.nodes', 4);
    assert.equal(one(nodes, 'hardware.accelerator', 'H100').confidence, 'low');
    const machines = facts(`# Only tested on 2 8xA100 nodes.\n${body}`);
    one(machines, 'hardware.devices', 8);
    one(machines, 'hardware.nodes', 2);
    const bare = facts(`# Fits on 4xA100-80GB with ZeRO-3\n${body}`);
    assert.equal(one(bare, 'hardware.devices', 4).confidence, 'low');
    one(bare, 'hardware.accelerator', 'A100');
    none(bare, 'hardware.nodes');
    one(facts(`# Meant for a whole node with 8 GPUs\n${body}`), 'hardware.devices', 8);
  });

  it('ignores alternatives, comments below the first key, counts of other things, and stated counts', () => {
    none(facts(`# 1xA100 (LoRA) or 4xA100 (full)\n${body}`), 'hardware.devices');
    none(facts(`${body}# Config for 1 node of 8 x H100s\n`), 'hardware.devices');
    none(facts(`# 3 epochs, 4 bit, 80GB of memory\n${body}`), 'hardware.devices');
    const stated = facts(`# 2 nodes of 8 x H100s\nnum_processes: 4\n${body}`);
    assert.deepEqual(
      stated.filter((f) => f.kind === 'hardware.devices').map((f) => f.value),
      [4],
    );
  });
});

describe('catalog rows added for the held-out models (knowledge/data/models.ts)', () => {
  it('knows DeepSeek-R1/V3 as 671B MoE with 37B active, and the R1 distills by their bases', () => {
    for (const id of ['deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-V3-Base']) {
      const m = findModel(id);
      assert.equal(m?.params, 671e9, id);
      assert.equal(m?.activeParams, 37e9, id);
      assert.equal(m?.architecture, 'moe-decoder', id);
    }
    assert.equal(findModel('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')?.params, findModel('Qwen/Qwen2.5-7B')?.params);
    assert.equal(findModel('Qwen/Qwen2.5-Coder-32B-Instruct')?.id, 'Qwen/Qwen2.5-Coder-32B');
  });

  it('resolves open_clip architecture names where the name is not also a torchvision model', () => {
    assert.equal(findModel('ViT-L-14')?.id, 'openai/clip-vit-large-patch14');
    assert.equal(findModel('ViT-bigG-14')?.params, 2_539_570_000);
    assert.equal(findModel('RN50')?.params, 102_010_000);
    assert.equal(findModel('open_clip:ViT-H-14')?.params, 986_110_000);
    assert.equal(findModel('open_clip:ViT-B-32')?.params, 151_280_000);
    assert.equal(findModel('open_clip:ViT-L-16')?.params, 427_740_000);
    // Unprefixed, these names are torchvision's image-only ViTs (same catalog key): an open_clip reader must prefix them.
    assert.equal(findModel('ViT-B-32')?.id, 'vit_b_32');
  });
});
