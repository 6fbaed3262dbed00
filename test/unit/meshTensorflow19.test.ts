import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { meshSize } from '../../src/core/extract/config/meshTensorflowGpt';
import { configDrivenVerdict } from '../../src/core/extract/python/entryPoint';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { pythonFacts } from './helpers';

/**
 * Nineteenth round, set V: Mesh-TensorFlow GPT configs, package-factory sampling notebooks and config flags a program
 * asserts: each rule on a small case of its own and on the near miss it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

function meshConfig(extra: Record<string, unknown>): string {
  return JSON.stringify(
    {
      n_head: 4,
      n_vocab: 1000,
      n_embd: 64,
      n_layer: 4,
      n_ctx: 128,
      train_batch_size: 16,
      train_steps: 500,
      mesh_shape: 'x:2,y:4',
      layout: 'batch:x,heads:y',
      attention_types: [[['global'], 4]],
      ...extra,
    },
    null,
    2,
  );
}

describe('Nineteenth round: Mesh-TensorFlow GPT configs', () => {
  it('reads the mesh size as a product of named dimensions, and nothing else', () => {
    assert.equal(meshSize('x:16,y:8'), 128);
    assert.equal(meshSize('all:64'), 64);
    assert.equal(meshSize(' batch : 4 , model : 2 '), 8);
    for (const bad of ['', 'x:0', 'x:4,', '4', 'x:4;y:2', 'x:4,y', `${'a:2,'.repeat(20)}a:2`, 'x:1234567'])
      assert.equal(meshSize(bad), undefined, bad);
  });

  it('names the model by the config file, counts the mesh, and sizes attention-free layers without attention', () => {
    const dense = extractConfigFacts(meshConfig({}), 'json', 'configs/tiny_dense.json').facts;
    assert.deepEqual(valuesOf(dense, 'model.id'), ['tiny_dense']);
    assert.deepEqual(valuesOf(dense, 'hardware.devices'), [8]);
    assert.deepEqual(valuesOf(dense, 'training.seqLen'), [128]);
    assert.deepEqual(valuesOf(dense, 'training.precision'), ['fp32']);
    // Every layer attends: the generic transformer formula sizes it, the dialect states no size.
    assert.deepEqual(valuesOf(dense, 'model.params'), []);
    const sparse = extractConfigFacts(
      meshConfig({ attention_types: [[['local', 'none'], 2]], precision: 'bfloat16' }),
      'json',
      'tiny_sparse.json',
    ).facts;
    // 4 × 8d² + 2 × 4d² + (1000 + 128) × 64
    assert.deepEqual(valuesOf(sparse, 'model.params'), [4 * 8 * 64 * 64 + 2 * 4 * 64 * 64 + (1000 + 128) * 64]);
    assert.deepEqual(valuesOf(sparse, 'training.precision'), ['bf16']);
    // A pattern that does not add up to n_layer, or blocks of another kind, is not sized here.
    const short = extractConfigFacts(meshConfig({ attention_types: [[['none'], 3]] }), 'json', 'a.json').facts;
    assert.deepEqual(valuesOf(short, 'model.params'), []);
    const glu = extractConfigFacts(
      meshConfig({ attention_types: [[['none'], 4]], mlp_glu: true }),
      'json',
      'b.json',
    ).facts;
    assert.deepEqual(valuesOf(glu, 'model.params'), []);
  });

  it('leaves configs without a Mesh-TensorFlow mesh and layout to other readers', () => {
    const noLayout = JSON.parse(meshConfig({})) as Record<string, unknown>;
    delete noLayout.layout;
    const facts = extractConfigFacts(JSON.stringify(noLayout), 'json', 'configs/x.json').facts;
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), []);
    assert.ok(!facts.some((f) => f.kind === 'launch.trainer' && f.value === 'config:mesh-tensorflow-gpt'));
  });

  it('keeps a hostile attention_types list bounded', () => {
    const huge = meshConfig({ n_layer: 10_000, attention_types: [[Array<string>(5000).fill('none'), 10_000]] });
    const started = Date.now();
    const facts = extractConfigFacts(huge, 'json', 'h.json').facts;
    assert.deepEqual(valuesOf(facts, 'model.params'), []);
    assert.ok(Date.now() - started < 5000);
  });
});

describe('Nineteenth round: package-factory sampling and asserted config flags', () => {
  const notebookLike = (fp16: string) =>
    [
      'import torch as th',
      'from acme_diff.download import load_checkpoint',
      'from acme_diff.model_creation import create_model_and_diffusion, model_and_diffusion_defaults',
      'cuda_ok = th.cuda.is_available()',
      'options = model_and_diffusion_defaults()',
      `options['use_fp16'] = ${fp16}`,
      'model, diffusion = create_model_and_diffusion(**options)',
      'model.eval()',
      "model.load_state_dict(load_checkpoint('base', 'cpu'))",
      'x = diffusion.p_sample_loop(model, (1, 3, 64, 64))',
      '',
    ].join('\n');

  it('reads a top-level build, load and eval as inference with the released checkpoint and the fp16 switch', async () => {
    const facts = await pythonFacts(notebookLike('cuda_ok'));
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['model.eval']);
    assert.deepEqual(valuesOf(facts, 'model.id'), ['acme_diff-base']);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(await pythonFacts(notebookLike('False')), 'training.precision'), ['fp32']);
    // A switch set from something else (a flag) says nothing.
    assert.deepEqual(valuesOf(await pythonFacts(notebookLike('args.fp16')), 'training.precision'), []);
  });

  it('does not read a build inside a function nothing calls', async () => {
    const inDef = `def sample():\n${notebookLike('True')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}\n`;
    assert.deepEqual(valuesOf(await pythonFacts(inDef), 'launch.inference'), []);
  });

  it('calls a program config-driven when it asserts a default-less flag its help calls a config file', async () => {
    const program = (help: string, def: string) =>
      [
        'import argparse',
        'import torch',
        'def main():',
        '    parser = argparse.ArgumentParser()',
        `    parser.add_argument("--model", type=str, default=${def}, help="${help}")`,
        '    args = parser.parse_args()',
        '    assert args.model is not None, "Model must be set"',
        '    params = load_params(args.model)',
        '    net = build(params)',
        '    opt = torch.optim.Adam(net.parameters())',
        '    for batch in data(params):',
        '        net(batch).backward()',
        '        opt.step()',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n');
    const verdictOf = async (text: string) => configDrivenVerdict(text, await pythonFacts(text));
    assert.ok((await verdictOf(program('JSON file that contains model parameters.', 'None')))?.detail);
    // A model name flag (its help names no config file), or a config flag with a default, is no such program.
    assert.equal(await verdictOf(program('Name of the model to train.', 'None')), undefined);
    assert.equal(await verdictOf(program('JSON file that contains model parameters.', '"small.json"')), undefined);
  });

  it('leaves TFRecord writers out as data preparation, by their name', () => {
    for (const p of ['data/create_tfrecords.py', 'tools/make_tfrecord.py', 'scripts/write_tfrecords_coco.sh'])
      assert.ok(nonRunPathReason(p), p);
    for (const p of ['train_tfrecords.py', 'data/read_tfrecords.py']) assert.equal(nonRunPathReason(p), undefined, p);
  });
});
