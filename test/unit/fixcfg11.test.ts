import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { vocabularyInName } from '../../src/core/extract/config/structuredArgs';
import type { Fact } from '../../src/core/facts';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';

const facts = (yaml: string) => extractConfigFacts(yaml, 'yaml').facts;
const values = (read: readonly Fact[], kind: string) => read.filter((f) => f.kind === kind).map((f) => f.value);
const framework = (yaml: string) => values(facts(yaml), 'run.framework');

describe('yacs configs and OmegaConf TrainArgs configs (round 11)', () => {
  it('reads the vocabulary a tokenizer file name states, and nothing from other names', () => {
    assert.equal(vocabularyInName('tokenizers/cl_toplang_128k.tiktoken'), 128000);
    assert.equal(vocabularyInName('tok/tokenizer_final_32k.minus_inf_ws.model'), 32000);
    assert.equal(vocabularyInName('C:\\tok\\spm_50k.model'), 50000);
    for (const none of ['tokenizer.model', 'gpt2', 'data_1024.bin', 'k.model', 'v2k8.model', '12345k.model'])
      assert.equal(vocabularyInName(none), undefined, none);
  });

  it('claims a yacs file only with a MODEL section and a TRAIN section or a typed architecture', () => {
    const swin = 'MODEL:\n  TYPE: swin\n  SWIN:\n    EMBED_DIM: 96\n    DEPTHS: [2, 2, 6, 2]\n';
    assert.deepEqual(framework(swin), ['yacs']);
    // Detectron2 schedules are its own dialect; MODEL sections that state no architecture are neither.
    assert.deepEqual(framework('MODEL:\n  WEIGHTS: r50.pkl\nSOLVER:\n  MAX_ITER: 90000\n'), ['detectron2']);
    assert.deepEqual(framework('MODEL:\n  WEIGHTS: r50.pkl\nSOLVER:\n  BASE_LR: 0.1\n'), []);
    assert.deepEqual(framework('MODEL:\n  TYPE: swin\n  DROP_PATH_RATE: 0.1\n'), []);
    assert.deepEqual(framework('model:\n  type: swin\ntrain:\n  epochs: 3\n'), []);
  });

  it('sizes dense yacs stages and leaves experts and MLP mixers unsized', () => {
    const stages = (type: string, extra = '') =>
      facts(
        `MODEL:\n  TYPE: ${type}\n  NAME: n\n  S:\n    EMBED_DIM: 96\n    DEPTHS: [2, 2, 6, 2]\n${extra}TRAIN:\n  EPOCHS: 3\n`,
      );
    // Σ depth × 12·w² over widths 96·2^i, plus three patch-merging layers of 8·w².
    assert.deepEqual(values(stages('s'), 'model.params'), [27426816]);
    assert.deepEqual(values(stages('s', '    NUM_LOCAL_EXPERTS: 8\n'), 'model.params'), []);
    // Swin-MLP: sized only with the heads and window its spatial MLPs need (8·w² + heads·7⁴ per block).
    assert.deepEqual(values(stages('swin_mlp'), 'model.params'), []);
    const mixer = '    NUM_HEADS: [3, 6, 12, 24]\n    WINDOW_SIZE: 7\n';
    assert.deepEqual(values(stages('swin_mlp', mixer), 'model.params'), [19131978]);
    // The head only when the file states the classes (ImageNet-22K: 21841), never the program's default.
    const in22k = facts(
      'DATA:\n  DATASET: imagenet22K\nMODEL:\n  TYPE: s\n  S:\n    EMBED_DIM: 96\n    DEPTHS: [2, 2, 6, 2]\nTRAIN:\n  EPOCHS: 3\n',
    );
    assert.deepEqual(values(in22k, 'model.params'), [27426816 + 768 * 21841]);
    // A depth list of something else than counts is no architecture.
    const odd = facts('MODEL:\n  TYPE: s\n  S:\n    EMBED_DIM: 96\n    DEPTHS: [2, x]\nTRAIN:\n  EPOCHS: 3\n');
    assert.deepEqual(values(odd, 'model.params'), []);
  });

  it('reads precision and mode as the yacs program would', () => {
    const with_ = (lines: string) => facts(`MODEL:\n  TYPE: vit\n  NAME: vit_b\n${lines}TRAIN:\n  EPOCHS: 3\n`);
    assert.deepEqual(values(with_('AMP_OPT_LEVEL: O2\n'), 'training.precision'), ['fp16']);
    assert.deepEqual(values(with_('AMP_OPT_LEVEL: O0\n'), 'training.precision'), ['fp32']);
    assert.deepEqual(values(with_('AMP_ENABLE: True\nAMP_TYPE: bfloat16\n'), 'training.precision'), ['bf16']);
    assert.deepEqual(values(with_(''), 'model.fromScratch'), [true]);
    assert.deepEqual(values(with_('  PRETRAINED: w.pth\n'), 'training.mode'), ['finetune']);
    assert.deepEqual(values(with_('  RESUME: run/ckpt_10.pth\n'), 'model.fromScratch'), [false]);
    assert.deepEqual(values(with_('EVAL_MODE: True\n'), 'training.mode'), ['inference']);
    assert.deepEqual(values(with_('EVAL_MODE: True\n'), 'training.epochs'), []);
    const empty = facts("MODEL:\n  TYPE: vit\n  PRETRAINED: ''\n  RESUME: ''\nTRAIN:\n  EPOCHS: 3\n");
    assert.deepEqual(values(empty, 'model.fromScratch'), [true]);
  });

  it('recognises a TrainArgs config by steps, a training section and an architecture, not by steps alone', () => {
    const base = 'steps: 100\nmodel:\n  dim: 64\n  n_layers: 2\n';
    assert.deepEqual(framework(`${base}optim:\n  lr: 1\n`), ['structured-args']);
    assert.deepEqual(framework(base), []);
    assert.deepEqual(framework('steps: 100\noptim:\n  lr: 1\nmodel:\n  path: x\n'), []);
    assert.deepEqual(framework('steps: 0\noptim:\n  lr: 1\nmodel:\n  dim: 64\n'), []);
    // An evaluation config has tasks and a generator and no training section.
    assert.deepEqual(framework('tasks: piqa\ngenerator:\n  dtype: bf16\n'), ['structured-args']);
    assert.deepEqual(framework('tasks: piqa\ngenerator:\n  dtype: bf16\noptim:\n  lr: 1\n'), []);
    assert.deepEqual(framework('generator:\n  lr: 1\ndiscriminator:\n  lr: 1\n'), []);
  });

  it('sizes a TrainArgs model of an unknown type as unknown, not as a transformer', () => {
    const read = facts('steps: 10\nmodel_type: minGRU\noptim:\n  lr: 1\nmodel:\n  dim: 512\n  n_layers: 4\n');
    assert.deepEqual(values(read, 'model.id'), ['minGRU']);
    assert.deepEqual(values(read, 'model.hiddenSize'), []);
    assert.deepEqual(values(read, 'model.params'), []);
    const tied = facts(
      'steps: 10\noptim:\n  lr: 1\nmodel:\n  dim: 512\n  n_layers: 4\n  vocab_size: 1000\n  weight_tying: true\n',
    );
    assert.deepEqual(values(tied, 'model.untiedHead'), []);
  });

  it('leaves detectron2 base configs and quick schedules out of the runs, not other base-named files', () => {
    assert.ok(nonRunPathReason('configs/Base-RCNN-FPN.yaml'));
    assert.ok(nonRunPathReason('projects/X/configs/Base-X.yml'));
    assert.ok(nonRunPathReason('configs/quick_schedules/mask_rcnn_R_50_FPN_instant_test.yaml'));
    assert.equal(nonRunPathReason('configs/base_model.yaml'), undefined);
    assert.equal(nonRunPathReason('configs/COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml'), undefined);
  });

  it('reads a detectron2 config with its base linked, its own values first', () => {
    const read = facts('_BASE_: "../Base-RCNN-FPN.yaml"\nMODEL:\n  WEIGHTS: ""\nSOLVER:\n  MAX_ITER: 500\n');
    assert.deepEqual(values(read, 'link.config'), ['../Base-RCNN-FPN.yaml']);
    assert.deepEqual(values(read, 'training.steps'), [500]);
    assert.deepEqual(values(read, 'model.fromScratch'), [true]);
    // Every weight at random, over whatever checkpoint the base names: trained from scratch.
    assert.deepEqual(values(read, 'training.mode'), ['pretrain']);
  });
});
