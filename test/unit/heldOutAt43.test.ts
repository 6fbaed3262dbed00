import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { transformerParams } from '../../src/core/resolve/factsToSpec';
import { scanFiles, valuesOf } from './helpers';

/** Forty-third round: rules from the misreads of held-out set AT, and what the last round left. */

/** A litgpt pre-training config whose inline architecture overrides a catalog checkpoint's depth. */
const LITGPT_PRETRAIN = (mlp: string) =>
  [
    'model_name: Llama-3.2-1B',
    'model_config:',
    '  name: Llama-3.2-1B',
    '  padded_vocab_size: 128256',
    '  n_layer: 4',
    '  n_head: 32',
    '  n_query_groups: 8',
    '  n_embd: 2048',
    `  mlp_class_name: ${mlp}`,
    '  intermediate_size: 8192',
    'out_dir: out/pretrain/small',
    'precision: bf16-mixed',
    'train:',
    '  global_batch_size: 256',
    '  max_tokens: 1000000000',
    '',
  ].join('\n');

describe('Forty-third round: real-repository rules', () => {
  it("counts litgpt's gated MLP once, also over a catalog checkpoint that is gated itself", async () => {
    const scan = await scanFiles({ 'config_hub/pretrain/small.yaml': LITGPT_PRETRAIN('LLaMAMLP') });
    const spec = scan.files[0]?.analysis.runs[0]?.run.spec;
    assert.equal(spec?.model.name, 'meta-llama/Llama-3.2-1B');
    // 4 layers of grouped-query attention (8 of 32 heads for K/V) and a 3-matrix MLP, and the tied embedding.
    assert.equal(spec?.model.params, transformerParams(4, 2048, 128256, 1.5 * 8192, undefined, false, 8 / 32));
    // The width is read as written; the gate is a fact of its own.
    const facts = extractConfigFacts(LITGPT_PRETRAIN('LLaMAMLP'), 'yaml', '/w/c.yaml').facts;
    assert.deepEqual(valuesOf(facts, 'model.ffnSize'), [8192]);
    assert.deepEqual(valuesOf(facts, 'model.gatedFfn'), [true]);
    const plain = extractConfigFacts(LITGPT_PRETRAIN('GptNeoxMLP'), 'yaml', '/w/c.yaml').facts;
    assert.deepEqual(valuesOf(plain, 'model.gatedFfn'), []);
  });
});
