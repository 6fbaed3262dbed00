import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts, scanFiles } from './helpers';

/**
 * Thirty-fifth round, set AK: a module of run config classes over the repository's base config (MetaCLIP's
 * `configs/metaclip_v1.py`), each class a run the training program looks up by name.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const REGISTRY = (extra = '') =>
  [
    '# usage: torchrun --nproc_per_node=8 src/training/main.py b32_small',
    'from dataclasses import dataclass',
    'from configs import Config',
    '',
    '@dataclass',
    'class b32_small(Config):',
    '    train_data = "data/shards/{0..1000}.tar"',
    '    train_num_samples = 100_000_000',
    '    batch_size = 256',
    '    epochs = 16',
    '    model = "ViT-B-32-quickgelu"',
    '    precision = "amp_bf16"',
    '    nodes = 4',
    '    ngpus = 8',
    extra,
    '',
    '@dataclass',
    'class b16_small(b32_small):',
    '    model = "ViT-B-16-quickgelu"',
    '',
    'if __name__ == "__main__":',
    '    import inspect, sys',
    '    for name, obj in inspect.getmembers(sys.modules[__name__]):',
    '        print(name)',
    '',
  ].join('\n');

describe('Thirty-fifth round: a module of run config classes', () => {
  it('reads its first class as the run: model, scratch, precision, nodes, an epoch’s samples', async () => {
    const facts = await pythonFacts(REGISTRY());
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:trainer-registry']);
    // The open_clip architecture's key, and no unprefixed field reading beside it.
    assert.deepEqual(valuesOf(facts, 'model.id'), ['open_clip:ViT-B-32-quickgelu']);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [true]);
    assert.ok(valuesOf(facts, 'training.precision').includes('bf16'));
    assert.deepEqual(valuesOf(facts, 'hardware.nodes'), [4]);
    assert.deepEqual(valuesOf(facts, 'training.datasetSamples'), [100_000_000]);
    // A class that resumes from a checkpoint fine-tunes it.
    const resumed = await pythonFacts(REGISTRY('    resume = "logs/base/checkpoints/epoch_27.pt"'));
    assert.deepEqual(valuesOf(resumed, 'model.fromScratch'), [false]);
  });

  it('is listed with its steps and GPUs in a folder scan; a module that runs code when imported is not one', async () => {
    const result = await scanFiles({
      'configs/__init__.py':
        'from dataclasses import dataclass\n\n@dataclass\nclass Config:\n    epochs = 32\n    batch_size = 64\n',
      'configs/clip_small.py': REGISTRY(),
      'configs/not_a_registry.py': REGISTRY().replace('if __name__ == "__main__":', 'print("importing")\nif True:'),
    });
    const run = result.files.find((f) => f.display === 'configs/clip_small.py')?.analysis.runs[0]?.run;
    assert.ok(run);
    assert.equal(run.mode, 'pretrain');
    assert.equal(run.hardware.count, 32);
    assert.equal(run.training.steps, 16 * Math.ceil(100_000_000 / (256 * 32)));
    const other = result.files.find((f) => f.display === 'configs/not_a_registry.py');
    assert.ok(!other?.analysis.runs.some((r) => r.run.spec.model.name === 'open_clip:ViT-B-32-quickgelu'));
  });
});

describe('Thirty-fifth round: data-building utilities by their names', () => {
  it('leaves out tokenizing, curating, preparing and metadata-building programs, not the runs beside them', async () => {
    const { nonRunPathReason } = await import('../../src/core/resolve/entryPoint');
    for (const file of [
      'scripts/pretokenization.py',
      'metaclip/curation/curate.py',
      'metaclip/metadata/build_metadata.py',
      'metaclip/metadata/build_ngram.py',
      'apps/mode/prep_feature.py',
      'tools/build_index.sh',
    ])
      assert.match(nonRunPathReason(file) ?? '', /data preparation/, file);
    for (const file of ['scripts/train_tokenizer.py', 'prepper.py', 'build_model.py', 'apps/curated_eval.py'])
      assert.equal(nonRunPathReason(file), undefined, file);
  });
});
