import * as assert from 'node:assert/strict';
import {
  allSizingWords,
  DIFFERENCES,
  normaliseSizingName,
  SIZING_CONFLICTS,
  SIZING_SOURCES,
  SIZING_TABLE,
  sizingKindFor,
  sizingNamesOf,
} from '../../src/core/extract/sizingNames';
import { transformerParams } from '../../src/core/resolve/factsToSpec';

describe('The one table of sizing synonyms', () => {
  it('gives no name two kinds within one source', () => {
    assert.deepEqual(SIZING_CONFLICTS, []);
    for (const source of SIZING_SOURCES) {
      const seen = new Map<string, string>();
      for (const entry of SIZING_TABLE) {
        const names = [
          ...entry.names,
          ...(entry.only ?? []).filter((g) => g.sources.includes(source)).flatMap((g) => g.names),
        ];
        for (const name of names) {
          const before = seen.get(name);
          assert.ok(
            before === undefined || before === entry.kind,
            `${name} is ${before} and ${entry.kind} in ${source}`,
          );
          seen.set(name, entry.kind);
        }
      }
      for (const d of DIFFERENCES)
        assert.ok(
          !seen.has(d.name) || seen.get(d.name) === d.kinds[source],
          `${d.name} is in the table and in DIFFERENCES for ${source}`,
        );
    }
  });

  it('holds every documented per-source difference', () => {
    assert.ok(DIFFERENCES.length >= 2);
    for (const d of DIFFERENCES) {
      assert.ok(d.why.length > 40, `${d.name} says why`);
      for (const source of SIZING_SOURCES)
        assert.equal(sizingKindFor(d.name, source) ?? null, d.kinds[source], `${d.name} in ${source}`);
    }
    // The two the frameworks disagree on most.
    assert.equal(sizingKindFor('n_positions', 'config'), 'model.learnedPositions');
    assert.equal(sizingKindFor('n_positions', 'flag'), 'training.seqLen');
    assert.equal(sizingKindFor('train_batch_size', 'config'), 'training.globalBatch', 'DeepSpeed: the global batch');
    assert.equal(
      sizingKindFor('train_batch_size', 'flag'),
      'training.batchPerDevice',
      'HF example scripts: per device',
    );
  });

  it('reads a source-limited name only where the table says, and says why', () => {
    for (const entry of SIZING_TABLE) {
      for (const group of entry.only ?? []) {
        assert.ok(group.why.length > 3, `${group.names.join(', ')} say why`);
        for (const name of group.names) {
          for (const source of SIZING_SOURCES) {
            const expected = group.sources.includes(source) ? entry.kind : undefined;
            const elsewhere = SIZING_TABLE.some(
              (e) =>
                e !== entry &&
                (e.names.includes(name) ||
                  (e.only ?? []).some((g) => g.sources.includes(source) && g.names.includes(name))),
            );
            if (!elsewhere) assert.equal(sizingKindFor(name, source), expected, `${name} in ${source}`);
          }
        }
      }
    }
    assert.equal(sizingKindFor('max_length', 'flag'), undefined, '--max_length is a generation length in eval scripts');
    assert.equal(sizingKindFor('max_length', 'config'), 'training.seqLen');
    assert.equal(
      sizingKindFor('model_name_or_path', 'python'),
      undefined,
      'Python reads the model from the loading call',
    );
    assert.equal(sizingKindFor('bs', 'config'), undefined);
    assert.equal(sizingKindFor('bs', 'python'), 'training.batchPerDevice');
    assert.equal(
      sizingKindFor('max_position_embeddings', 'python'),
      undefined,
      'pythonFacts counts it per config class',
    );
  });

  it('folds hyphens and underscores in one place', () => {
    assert.equal(normaliseSizingName('num-layers'), 'num_layers');
    for (const source of SIZING_SOURCES) {
      assert.equal(sizingKindFor('num-layers', source), 'model.layers');
      assert.equal(sizingKindFor('num_layers', source), 'model.layers');
    }
    assert.equal(sizingKindFor('global-batch-size', 'flag'), 'training.globalBatch');
    assert.equal(sizingKindFor('train-iters', 'config'), 'training.steps', 'GPT-NeoX writes keys with hyphens');
    assert.equal(sizingKindFor('seq-length', 'flag'), 'training.seqLen');
  });

  it('serves the synonyms each reader used to keep on its own', () => {
    const expectations: Array<[string, 'python' | 'config' | 'flag', string]> = [
      ['n_layer', 'python', 'model.layers'],
      ['n_layers', 'config', 'model.layers'],
      ['num_hidden_layers', 'flag', 'model.layers'],
      ['d_model', 'config', 'model.hiddenSize'],
      ['n_embd', 'python', 'model.hiddenSize'],
      ['hidden-size', 'flag', 'model.hiddenSize'],
      ['sequence_len', 'config', 'training.seqLen'],
      ['cutoff_len', 'flag', 'training.seqLen'],
      ['block_size', 'python', 'training.seqLen'],
      ['micro_batch_size', 'flag', 'training.batchPerDevice'],
      ['train_micro_batch_size_per_gpu', 'config', 'training.batchPerDevice'],
      ['global_train_batch_size', 'config', 'training.globalBatch'],
      ['accumulate_grad_batches', 'config', 'training.gradientAccumulation'],
      ['num_epochs', 'config', 'training.epochs'],
      ['max_iters', 'flag', 'training.steps'],
      ['total_steps', 'python', 'training.steps'],
      ['nproc_per_node', 'flag', 'hardware.devices'],
      ['nnodes', 'flag', 'hardware.nodes'],
      ['num_machines', 'config', 'hardware.nodes'],
      ['base_model', 'config', 'model.id'],
      ['dataset_name', 'flag', 'training.dataset'],
      ['enable_activation_checkpointing', 'config', 'training.gradientCheckpointing'],
    ];
    for (const [name, source, kind] of expectations)
      assert.equal(sizingKindFor(name, source), kind, `${name} in ${source}`);
    assert.equal(sizingKindFor('total_steps', 'config'), undefined, 'a scheduler setting in configs');
  });

  it('lists every word for the prefilter', () => {
    const words = new Set(allSizingWords());
    for (const source of SIZING_SOURCES)
      for (const name of sizingNamesOf(source).keys()) assert.ok(words.has(name), name);
    for (const d of DIFFERENCES) assert.ok(words.has(d.name));
    for (const w of words) assert.match(w, /^[a-z_]+$/, 'snake_case words, so one folding rule serves every prefilter');
  });

  it('reads grouped-query attention as one pair of names in every source, and sizes K/V by it', () => {
    for (const source of SIZING_SOURCES) {
      for (const n of ['num_key_value_heads', 'num_kv_heads', 'n_kv_heads', 'num_query_groups'])
        assert.equal(sizingKindFor(n, source), 'model.kvHeads', `${n} in ${source}`);
      assert.equal(sizingKindFor('num_attention_heads', source), 'model.attentionHeads');
    }
    assert.equal(sizingKindFor(normaliseSizingName('num-query-groups'), 'flag'), 'model.kvHeads');
    // 8 of 32 heads: attention 2.5·d² a layer instead of 4·d²; no share (1) keeps the dense count.
    const d = 5120;
    const dense = transformerParams(40, d, undefined, 4 * d);
    assert.equal(transformerParams(40, d, undefined, 4 * d, undefined, false, 1), dense);
    assert.equal(dense - transformerParams(40, d, undefined, 4 * d, undefined, false, 8 / 32), 40 * 1.5 * d * d);
  });
});
