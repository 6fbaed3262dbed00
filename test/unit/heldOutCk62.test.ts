import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { findModel } from '../../src/core/knowledge';
import { ordinal } from '../../src/core/ordinal';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

/** Sixty-second round: rules from what the blind sets CK and CL read wrong. */

const configFacts = (text: string, path = 'configs/run.yaml') => extractConfigFacts(text, 'yaml', path).facts;

/** A flat yacs run config as a NAS or classification repository writes it over its `__C = CN()` defaults. */
const flatYacs = (model: string, extra: readonly string[] = []) =>
  [
    'AUTO_RESUME: False',
    "DATA_DIR: './data/imagenet'",
    `MODEL: '${model}'`,
    "SAVE_PATH: './experiments/workspace/retrain'",
    'SEED: 42',
    'WORKERS: 8',
    'NUM_GPU: 4',
    'AMP: True',
    'DATASET:',
    '  NUM_CLASSES: 1000',
    '  BATCH_SIZE: 128',
    'NET:',
    "  GP: 'avg'",
    'LR: 0.064',
    'EPOCHS: 350',
    ...extra,
    '',
  ].join('\n');

describe('Sixty-second round: flat upper-case yacs configs are runs', () => {
  it('reads the model, epochs, processes and mixed precision of a flat yacs config', () => {
    const facts = configFacts(flatYacs('childnet_small'));
    assert.deepEqual(valuesOf(facts, 'model.id'), ['childnet_small']);
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [350]);
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [4]);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:yacs-flat']);
  });

  it('reads AMP: False as float32, stated', () => {
    const facts = configFacts(flatYacs('childnet_small').replace('AMP: True', 'AMP: False'));
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp32']);
  });

  it('lists the config as a run in a report, and a FLOPs figure in its name is no size', async () => {
    const run = await runOf(
      { 'experiments/configs/retrain/43.yaml': flatYacs('43m_retrain') },
      'experiments/configs/retrain/43.yaml',
    );
    assert.ok(run, 'the config is a run');
    assert.equal(run.training.epochs, 350);
    assert.equal(run.hardware.count, 4);
    // `43m` counts the child network's multiply-adds: the size is not read from it.
    assert.ok(
      run.missing.some((m) => m.field === 'model.params'),
      JSON.stringify(run.model),
    );
  });

  it('reads a test config’s processes for the launch that hands it on, and starts no run alone', () => {
    const facts = configFacts(flatYacs('childnet_testing').replace('EPOCHS: 350', "RESUME_PATH: './ckps/42.pth.tar'"));
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [4]);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), []);
  });

  it('is not a flat yacs config: lower-case keys, no stated length, a fragment, a MODEL section', () => {
    const lower = flatYacs('childnet_small')
      .split('\n')
      .map((l) => l.replace(/^([A-Z_]+):/, (_m, k: string) => `${k.toLowerCase()}:`))
      .join('\n');
    assert.deepEqual(valuesOf(configFacts(lower), 'launch.trainer'), []);
    assert.deepEqual(
      valuesOf(configFacts(flatYacs('childnet_small').replace('EPOCHS: 350', 'DECAY: 2')), 'launch.trainer'),
      [],
    );
    assert.deepEqual(valuesOf(configFacts("MODEL: 'x'\nEPOCHS: 3\nLR: 0.1\n"), 'launch.trainer'), []);
    const sectioned = flatYacs('childnet_small').replace("MODEL: 'childnet_small'", 'MODEL:\n  NAME: childnet_small');
    assert.ok(!valuesOf(configFacts(sectioned), 'launch.trainer').includes('config:yacs-flat'));
  });
});

describe('Sixty-second round: a config key naming the checkpoint a run starts from', () => {
  const hydraExperiment = (start: string) =>
    [
      '# @package _global_',
      'defaults:',
      '  - /pipeline: genomic_benchmark',
      '  - override /scheduler: cosine_warmup_timm',
      'model:',
      '  _name_: dna_embedding',
      '  d_model: 128',
      '  n_layer: 2',
      'trainer:',
      '  devices: 1',
      '  max_epochs: 100',
      '  precision: 16',
      'train:',
      '  global_batch_size: 128',
      start,
      '',
    ].join('\n');

  it('makes a run that loads a .ckpt under pretrained_model_path a fine-tune', () => {
    const facts = configFacts(hydraExperiment('  pretrained_model_path: /data/outputs/2_128_1024.ckpt'));
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
  });

  it('reads nothing from a path that is no checkpoint file, or an empty one', () => {
    assert.deepEqual(valuesOf(configFacts(hydraExperiment('  pretrained_model_path: null')), 'model.fromScratch'), []);
    assert.deepEqual(
      valuesOf(configFacts(hydraExperiment('  pretrained_model_path: /data/outputs/')), 'model.fromScratch'),
      [],
    );
  });
});

describe('Sixty-second round: a launch list of different configs is several runs', () => {
  const defaults = [
    'import ml_collections',
    '',
    'def get_default_configs():',
    '    config = ml_collections.ConfigDict()',
    '    config.training = training = ml_collections.ConfigDict()',
    '    training.batch_size = 128',
    '    training.n_iters = 1300001',
    '    config.model = model = ml_collections.ConfigDict()',
    "    model.name = 'ncsnpp'",
    '    model.nf = 128',
    '    model.ch_mult = (1, 2, 2, 2)',
    '    model.num_res_blocks = 4',
    '    model.attn_resolutions = (16,)',
    '    config.data = data = ml_collections.ConfigDict()',
    '    data.image_size = 32',
    '    return config',
    '',
  ].join('\n');
  const runConfig = (iters: number, finetune: boolean) =>
    [
      'from configs.default_configs import get_default_configs',
      '',
      'def get_config():',
      '    config = get_default_configs()',
      '    training = config.training',
      `    training.n_iters = ${iters}`,
      '    training.batch_size = 512',
      `    training.finetune = ${finetune ? 'True' : 'False'}`,
      '    return config',
      '',
    ].join('\n');
  const launch = [
    '## Teacher',
    'python -m ourlib.main --config configs/teacher.py --workdir teacher --mode train',
    'python -m ourlib.main --config configs/teacher.py --workdir teacher --mode eval',
    '## Distillation',
    'python -m ourlib.main --config configs/distill.py --workdir distill --mode train',
    '',
  ].join('\n');
  const project = {
    'configs/default_configs.py': defaults,
    'configs/teacher.py': runConfig(400001, false),
    'configs/distill.py': runConfig(800001, true),
    'ourlib/main.py': [
      'from absl import app, flags',
      'from ml_collections.config_flags import config_flags',
      'FLAGS = flags.FLAGS',
      "config_flags.DEFINE_config_file('config', None, 'Training configuration.')",
      "flags.DEFINE_enum('mode', None, ['train', 'eval'], 'Running mode')",
      '',
      'def main(argv):',
      '    run.train(FLAGS.config, FLAGS.workdir)',
      '',
      "if __name__ == '__main__':",
      '    app.run(main)',
      '',
    ].join('\n'),
    'launch.sh': launch,
  };

  it('keeps the later config a run of its own, with its own length and mode', async () => {
    const scan = await scanFiles(project);
    const runOfFile = (f: string) => scan.files.find((x) => x.display === f)?.analysis.runs[0]?.run;
    const distill = runOfFile('configs/distill.py');
    assert.ok(distill, 'the distillation config is listed');
    assert.equal(distill.training.steps, 800001);
    assert.equal(distill.mode, 'finetune');
    // The script's own run is its first launch: the teacher's length, trained from scratch.
    const script = runOfFile('launch.sh');
    assert.ok(script, 'the launch list is a run');
    assert.equal(script.training.steps, 400001);
    assert.equal(script.mode, 'pretrain');
  });

  it('still draws a config launched on several lines into the one run (control)', async () => {
    const one = launch.replace('configs/distill.py', 'configs/teacher.py');
    const scan = await scanFiles({ ...project, 'launch.sh': one });
    const listed = scan.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(!listed.includes('configs/teacher.py'), listed.join(', '));
  });
});

describe('Sixty-second round: a script that trains and then evaluates is the training', () => {
  const script = [
    'python main.py \\',
    '  --do_train=True \\',
    '  --do_eval=False \\',
    '  --init_checkpoint=ckpt/bert_large/bert_model.ckpt \\',
    '  --num_train_steps=3000',
    '',
    'python main.py \\',
    '  --do_train=False \\',
    '  --do_eval=True \\',
    '  --init_checkpoint=ckpt/bert_large/bert_model.ckpt',
    '',
  ].join('\n');

  it('drops the evaluation line’s inference mode when another line trains', () => {
    assert.deepEqual(valuesOf(extractShellFacts(script), 'training.mode'), []);
  });

  it('keeps it for a script that only evaluates (control)', () => {
    const evalOnly = script.split('\n\n')[1] ?? '';
    assert.deepEqual(valuesOf(extractShellFacts(evalOnly), 'training.mode'), ['inference']);
  });

  it('keeps an evaluation switch when the other line runs a different program (a scorer)', () => {
    const evalThenScore = [
      'python train_net.py --eval-only --num-gpus 1 --config configs/ours.yaml MODEL.WEIGHTS $1',
      'python tools/eval_cocoapi.py',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(extractShellFacts(evalThenScore), 'training.mode'), ['inference']);
  });

  it('reads --do_eval=False as the switch off', () => {
    const line = 'python main.py --do_eval=False --num_train_steps=3000\n';
    assert.deepEqual(valuesOf(extractShellFacts(line), 'training.mode'), []);
  });
});

describe('Sixty-second round: a toolbox’s analysis tools and a finished run’s output folder are no runs', () => {
  it('leaves out tools/analysis_tools and work_dirs', () => {
    assert.match(nonRunPlaceReason('tools/analysis_tools/benchmark.py', '') ?? '', /analysis tool/);
    assert.match(
      nonRunPlaceReason('detection/tools/work_dirs/cascade_tiny/cascade_tiny_v2.py', '') ?? '',
      /output folder of a finished run/,
    );
  });

  it('keeps the train and test tools beside them (control)', () => {
    assert.equal(nonRunPlaceReason('tools/train.py', ''), undefined);
    assert.equal(nonRunPlaceReason('tools/dist_train.sh', ''), undefined);
  });
});

describe('Sixty-second round: a yacs model named for a transfer between label sets is a fine-tune', () => {
  const swinLike = (name: string) =>
    [
      'MODEL:',
      `  NAME: ${name}`,
      '  TYPE: tiny_vit',
      '  TINY_VIT:',
      '    DEPTHS: [ 2, 2, 6, 2 ]',
      '    NUM_HEADS: [ 3, 6, 12, 18 ]',
      '    EMBED_DIMS: [96, 192, 384, 576]',
      'TRAIN:',
      '  EPOCHS: 30',
      '  BASE_LR: 2.5e-4',
      '',
    ].join('\n');

  it('reads 22kto1k in the name as a fine-tune', () => {
    assert.deepEqual(valuesOf(configFacts(swinLike('TinyViT-21M-22kto1k')), 'training.mode'), ['finetune']);
  });

  it('trains from scratch without it (control)', () => {
    assert.deepEqual(valuesOf(configFacts(swinLike('TinyViT-21M-1k')), 'training.mode'), []);
    assert.deepEqual(valuesOf(configFacts(swinLike('TinyViT-21M-1k')), 'model.fromScratch'), [true]);
  });
});

describe('Sixty-second round: detectron2’s DeepLab backbones are ImageNet classifiers', () => {
  const detectron2 = (weights: string) =>
    [
      '_BASE_: Base-Ours-150.yaml',
      'MODEL:',
      '  META_ARCHITECTURE: "OurSegmentor"',
      `  WEIGHTS: "${weights}"`,
      '  RESNETS:',
      '    DEPTH: 101',
      '    STEM_TYPE: "deeplab"',
      'SOLVER:',
      '  IMS_PER_BATCH: 16',
      '  MAX_ITER: 160000',
      '',
    ].join('\n');

  it('trains the segmenter from an ImageNet backbone (pretrain), not a fine-tune', () => {
    assert.deepEqual(valuesOf(configFacts(detectron2('detectron2://DeepLab/R-103.pkl')), 'training.mode'), [
      'pretrain',
    ]);
  });

  it('reads a segmentation checkpoint as a fine-tune (control)', () => {
    assert.deepEqual(
      valuesOf(configFacts(detectron2('detectron2://DeepLab/ours_cityscapes_final.pkl')), 'training.mode'),
      ['finetune'],
    );
  });
});

describe('Sixty-second round: a config object the script builds from a named file', () => {
  const program = (bound: string) =>
    [
      'import torch',
      'from config import Config',
      "opt = Config('training.yml')",
      'from networks.our_model import OurNet',
      '',
      'model = OurNet().cuda()',
      'optimizer = torch.optim.Adam(model.parameters(), lr=opt.OPTIM.LR_INITIAL)',
      'start_epoch = 1',
      `for epoch in range(start_epoch, ${bound}):`,
      '    for batch in loader:',
      '        loss = model(batch).mean()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
    ].join('\n');
  const config = ['GPU: [0,1]', 'OPTIM:', '  BATCH_SIZE: 16', '  NUM_EPOCHS: 60', '  LR_INITIAL: 2e-4', ''].join('\n');

  it('links the file and reads the loop’s bound from its section', async () => {
    const run = await runOf(
      { 'train_denoising.py': program('opt.OPTIM.NUM_EPOCHS + 1'), 'training.yml': config },
      'train_denoising.py',
    );
    assert.ok(run, 'the script is a run');
    assert.equal(run.training.epochs, 60);
  });

  it('leaves a bound of another object unread (control)', async () => {
    const run = await runOf(
      { 'train_denoising.py': program('other.OPTIM.NUM_EPOCHS + 1'), 'training.yml': config },
      'train_denoising.py',
    );
    assert.ok(run, 'the script is a run');
    assert.notEqual(run.training.epochs, 60);
  });
});

describe('Sixty-second round: a TF1/absl script that trains at its top level is a run, inside a package too', () => {
  const script = [
    'import tensorflow as tf',
    'from ourgraph.models import GCN',
    '',
    'flags = tf.app.flags',
    'FLAGS = flags.FLAGS',
    "flags.DEFINE_string('dataset', 'cora', 'Dataset string.')",
    "flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')",
    '',
    'model = GCN(placeholders, input_dim=features[2][1])',
    'sess = tf.Session()',
    'for epoch in range(FLAGS.epochs):',
    '    outs = sess.run([model.opt_op, model.loss], feed_dict=feed_dict)',
    '',
  ].join('\n');

  it('lists ourgraph/train.py with its flags’ epochs', async () => {
    const run = await runOf(
      {
        'setup.py': 'from setuptools import setup\nsetup(name="ourgraph", packages=["ourgraph"])\n',
        'ourgraph/__init__.py': '',
        'ourgraph/train.py': script,
      },
      'ourgraph/train.py',
    );
    assert.ok(run, 'the script is a run');
    assert.equal(run.training.epochs, 200);
  });

  it('leaves out a package module that only declares flags inside a function (control)', async () => {
    const library = [
      'import tensorflow as tf',
      '',
      'def define_flags():',
      "    tf.app.flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')",
      '',
      'def train(model, sess):',
      '    for epoch in range(10):',
      '        sess.run(model.opt_op)',
      '',
    ].join('\n');
    const run = await runOf(
      {
        'setup.py': 'from setuptools import setup\nsetup(name="ourgraph", packages=["ourgraph"])\n',
        'ourgraph/__init__.py': '',
        'ourgraph/trainer.py': library,
      },
      'ourgraph/trainer.py',
    );
    assert.equal(run, undefined);
  });
});

describe('Sixty-second round: Megatron’s GPT program tokenises with GPT-2’s vocabulary unless told otherwise', () => {
  const program = (defaults: string) =>
    [
      'from megatron import get_args',
      'from megatron.training import pretrain',
      '',
      "if __name__ == '__main__':",
      `    pretrain(train_valid_test_datasets_provider, model_provider, ModelType.encoder_or_decoder, forward_step, ${defaults})`,
      '',
    ].join('\n');

  it('reads args_defaults tokenizer_type GPT2BPETokenizer as the padded GPT-2 vocabulary', async () => {
    const facts = await pythonFacts(program("args_defaults={'tokenizer_type': 'GPT2BPETokenizer'}"));
    assert.deepEqual(valuesOf(facts, 'model.vocabSize'), [50304]);
  });

  it('reads no vocabulary without it (control)', async () => {
    const facts = await pythonFacts(program("args_defaults={'tokenizer_type': 'BertWordPieceLowerCase'}"));
    assert.deepEqual(valuesOf(facts, 'model.vocabSize'), []);
  });
});

describe('Sixty-second round: Qwen2-VL-7B is catalogued with its vision tower', () => {
  it('sizes Qwen/Qwen2-VL-7B-Instruct at 8.29B, not the 7B its name says', () => {
    const row = findModel('Qwen/Qwen2-VL-7B-Instruct');
    assert.ok(row, 'a catalog row');
    assert.ok(Math.abs(row.params - 8.29e9) / 8.29e9 < 0.005, String(row.params));
  });
});

describe('Sixty-second round: tensor2tensor’s programs on a launch line', () => {
  it('reads t2t-decoder as an inference run of a trained model', () => {
    const facts = extractShellFacts(
      't2t-decoder \\\n  --problem=translate_enfr_wmt32k \\\n  --model=transformer \\\n  --hparams_set=transformer_big \\\n  --output_dir=/tmp/t2t\n',
    );
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['t2t-decoder']);
    assert.deepEqual(valuesOf(facts, 'model.id'), ['transformer']);
  });

  it('reads t2t-datagen as no run (control)', () => {
    const facts = extractShellFacts('t2t-datagen --problem=translate_enfr_wmt32k --data_dir=data\n');
    assert.deepEqual(valuesOf(facts, 'launch.inference'), []);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), []);
  });
});

describe('Sixty-second round: a training section’s iterations', () => {
  const config = (section: string) =>
    ['model:', '  target: models.ours.OurNet', `${section}:`, '  lr: 5e-5', '  iterations: 300000', ''].join('\n');

  it('reads train.iterations as the steps', () => {
    assert.deepEqual(valuesOf(configFacts(config('train')), 'training.steps'), [300000]);
  });

  it('leaves a sampler’s iterations alone (control)', () => {
    assert.deepEqual(valuesOf(configFacts(config('sampler')), 'training.steps'), []);
  });
});

describe('Sixty-second round: hostile values in the new readers’ details', () => {
  it('quotes no markup from a checkpoint path or a flat yacs model name', () => {
    const ckpt = configFacts(
      ['model:', '  d_model: 128', 'train:', '  pretrained_model_path: "<script>alert(1)</script>.ckpt"', ''].join(
        '\n',
      ),
    );
    const start = ckpt.find((f) => f.kind === 'model.fromScratch');
    assert.ok(start, 'the checkpoint is read');
    assert.doesNotMatch(start.detail, /<script>/);
    const named = configFacts(flatYacs('<b>x</b>'));
    assert.deepEqual(valuesOf(named, 'launch.trainer'), []);
    assert.ok(named.every((f) => !f.detail.includes('<b>')));
  });
});

describe('Sixty-second round: Megatron-DeepSpeed’s mixture of experts sits in every second layer', () => {
  const launch = (extra: string) =>
    [
      'deepspeed pretrain_gpt.py \\',
      '  --num-layers 24 --hidden-size 2048 --num-attention-heads 16 \\',
      '  --seq-length 2048 --max-position-embeddings 2048 \\',
      `  --num-experts 128 ${extra} \\`,
      '  --micro-batch-size 4 --global-batch-size 512 --train-iters 1000 --fp16',
      '',
    ].join('\n');

  it('reads DeepSpeed MoE flags as experts every 2nd layer with top-1 routing', async () => {
    const facts = extractShellFacts(launch('--moe-expert-parallel-size 128'));
    assert.deepEqual(valuesOf(facts, 'model.expertInterval'), [2]);
    assert.deepEqual(valuesOf(facts, 'model.expertsPerToken'), [1]);
    const run = await runOf({ 'run_moe.sh': launch('--moe-expert-parallel-size 128') }, 'run_moe.sh');
    assert.ok(run, 'the launch is a run');
    // 12 of 24 layers hold 128 experts of 2·2048·8192 weights: about 52B with the rest (vs 104B if every layer did).
    assert.ok(run.model.params > 50e9 && run.model.params < 55e9, String(run.model.params));
  });

  it('keeps Megatron-LM’s layout without them: every layer, top-2 (control)', () => {
    const facts = extractShellFacts(launch(''));
    assert.deepEqual(valuesOf(facts, 'model.expertInterval'), []);
    assert.deepEqual(valuesOf(facts, 'model.expertsPerToken'), [2]);
  });

  it('writes ordinals in details', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
