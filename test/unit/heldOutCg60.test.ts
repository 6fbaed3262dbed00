import * as assert from 'node:assert/strict';
import * as C from '../../src/core/estimate/constants';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

/** Sixtieth round: rules from what the blind sets CG and CH read wrong, and vision runs priced per pixel. */

/** An mmcv 1.x detection project: a model fragment, a dataset fragment, a schedule, a derived config, its tool. */
const DETECTION_MODEL = [
  'model = dict(',
  "    type='MaskRCNN',",
  "    backbone=dict(type='OurNet', depths=[2, 2, 6, 2]),",
  "    neck=dict(type='FPN', in_channels=[96, 192, 384, 768], out_channels=256),",
  "    rpn_head=dict(type='RPNHead', in_channels=256),",
  "    roi_head=dict(type='StandardRoIHead'))",
  '',
].join('\n');
const COCO_DATA = (resize: string) =>
  [
    "dataset_type = 'CocoDataset'",
    'train_pipeline = [',
    "    dict(type='LoadImageFromFile'),",
    "    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),",
    resize,
    "    dict(type='RandomFlip', flip_ratio=0.5),",
    ']',
    'data = dict(samples_per_gpu=2, workers_per_gpu=2, train=dict(type=dataset_type, pipeline=train_pipeline))',
    '',
  ].join('\n');
const SCHEDULE = "runner = dict(type='EpochBasedRunner', max_epochs=12)\n";
const DERIVED =
  "_base_ = ['../_base_/models/mask_rcnn_ours.py', '../_base_/datasets/coco_instance.py', '../_base_/schedules/schedule_1x.py']\n" +
  "model = dict(backbone=dict(depths=[2, 2, 18, 2]))\noptimizer = dict(type='AdamW', lr=0.0001)\n";
const TRAIN_TOOL = [
  'import argparse',
  'from mmcv import Config',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('config')",
  '    cfg = Config.fromfile(parser.parse_args().config)',
  '    train_detector(build_detector(cfg.model), datasets, cfg)',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');
const CONFIG = 'configs/ours/mask_rcnn_ours_small_1x_coco.py';
const README = `| Backbone | Method | #params | config |\n| --- | --- | --- | --- |\n| Ours-S | Mask R-CNN | 48M | [config](${CONFIG}) |\n`;
const detectionProject = (resize: string) => ({
  'configs/_base_/models/mask_rcnn_ours.py': DETECTION_MODEL,
  'configs/_base_/datasets/coco_instance.py': COCO_DATA(resize),
  'configs/_base_/schedules/schedule_1x.py': SCHEDULE,
  [CONFIG]: DERIVED,
  'tools/train.py': TRAIN_TOOL,
  'README.md': README,
});

describe('Sixtieth round: a vision run is priced per pixel of its input (OpenMMLab configs)', () => {
  it('prices a detector at its training image size with the dense-head rate, and reads its images per GPU', async () => {
    const run = await runOf(
      detectionProject("    dict(type='Resize', img_scale=(1333, 800), keep_ratio=True),"),
      CONFIG,
    );
    assert.ok(run, 'the derived config is a run');
    const expected = (2 * C.VISION_MACS_PER_PARAM_PIXEL.detection.value * 48e6 * 1333 * 800) / 1e9;
    assert.ok(
      Math.abs((run.model.forwardGflopsPerSample ?? 0) - expected) < 1e-6 * expected,
      `${run.model.forwardGflopsPerSample}`,
    );
    const cost = run.assumptions.find((a) => a.field === 'model.forwardGflopsPerSample');
    assert.match(cost?.detail ?? '', /detection network/);
    assert.equal(run.paramsSpread, C.VISION_PER_PIXEL_SPREAD.value);
    assert.equal(run.spec.training.batchPerDevice, 2);
    // Priced per image, not per 512-token sequence: no sequence length is assumed.
    assert.equal(run.training.seqLen, null);
  });

  it('takes the largest of the scales an image is resized to, and a crop after a resize', async () => {
    const multi = await runOf(
      detectionProject(
        "    dict(type='Resize', img_scale=[(1333, 480), (1333, 640), (1333, 800)], multiscale_mode='value', keep_ratio=True),",
      ),
      CONFIG,
    );
    assert.equal(multi?.spec.model.inputPixels, 1333 * 800);
    const cropped = await runOf(
      detectionProject(
        "    dict(type='Resize', img_scale=(2048, 512), ratio_range=(0.5, 2.0)),\n    dict(type='RandomCrop', crop_size=crop_size),",
      ),
      CONFIG,
    );
    // `crop_size` is not defined in the fragment: the crop's size cannot be read, so the resize before it decides.
    assert.equal(cropped?.spec.model.inputPixels, 2048 * 512);
  });

  it('leaves a run whose input size no pipeline states priced as before', async () => {
    const files = detectionProject('');
    files['configs/_base_/datasets/coco_instance.py'] = 'data = dict(samples_per_gpu=2)\n';
    const run = await runOf(files, CONFIG);
    assert.ok(run);
    assert.equal(run.spec.model.inputPixels ?? null, null);
    assert.equal(run.model.forwardGflopsPerSample, null);
  });

  it('reads crops, short-edge resizes, one-sided scales and video frames', async () => {
    const pixels = async (pipeline: string) =>
      valuesOf(await pythonFacts(`crop_size = (512, 1024)\ntrain_pipeline = [\n${pipeline}\n]\n`), 'model.inputPixels');
    assert.deepEqual(
      await pixels(
        "    dict(type='ResizeEdge', scale=256, edge='short'),\n    dict(type='CenterCrop', crop_size=224),",
      ),
      [224 * 224],
    );
    assert.deepEqual(await pixels("    dict(type='RandomResizedCrop', scale=224),"), [224 * 224]);
    assert.deepEqual(await pixels("    dict(type='Resize', scale=(224, -1)),"), [224 * 224]);
    assert.deepEqual(
      await pixels(
        "    dict(type='Resize', scale=(2048, 512), ratio_range=(0.5, 2.0)),\n    dict(type='RandomCrop', crop_size=crop_size),",
      ),
      [512 * 1024],
    );
    assert.deepEqual(
      await pixels(
        "    dict(type='SampleFrames', clip_len=8, frame_interval=8, num_clips=1),\n    dict(type='Resize', scale=(224, 224), keep_ratio=False),",
      ),
      [8 * 224 * 224],
    );
    // A type that is no transform name, and a value holding a comment: nothing of the file's text is quoted.
    assert.deepEqual(await pixels("    dict(type='<img src=x onerror=y>Resize', scale=(224, 224)),"), []);
    const quoted = await pythonFacts(
      "sizes = {'<b>small</b>': 224}\ntrain_pipeline = [\n    dict(type='Resize', scale=sizes['<b>small</b>']),\n]\n",
    );
    const detail = quoted.find((f) => f.kind === 'model.inputPixels')?.detail ?? '';
    assert.match(detail, /Resize\(scale=…\), 50,176 pixels/);
    // Sizes no image has: nothing is read.
    assert.deepEqual(await pixels("    dict(type='Resize', scale=(0, 0)),"), []);
    assert.deepEqual(await pixels("    dict(type='Resize', scale=(100000, 100000)),"), []);
  });

  it('reads the head the model tree puts on its backbone', async () => {
    const heads = async (model: string) =>
      valuesOf(await pythonFacts(`${model}\nrunner = dict(max_epochs=1)\n`), 'model.visionHead');
    assert.deepEqual(await heads(DETECTION_MODEL), ['detection']);
    assert.deepEqual(
      await heads("model = dict(type='EncoderDecoder', backbone=dict(type='X'), decode_head=dict(type='UPerHead'))"),
      ['segmentation'],
    );
    assert.deepEqual(
      await heads("model = dict(type='ImageClassifier', backbone=dict(type='X'), head=dict(type='LinearClsHead'))"),
      ['classification'],
    );
    assert.deepEqual(await heads("model = dict(type='Recognizer3D', backbone=dict(type='X'))"), []);
  });

  it('reads images per GPU from an mmcv 1.x data dict, once', async () => {
    const facts = await pythonFacts("_base_ = ['./base.py']\ndata = dict(samples_per_gpu=4, workers_per_gpu=2)\n");
    assert.deepEqual(valuesOf(facts, 'training.batchPerDevice'), [4]);
    // mmengine's loader states its batch as `batch_size`, read once like any other.
    const mmengine = await pythonFacts(
      "_base_ = ['./base.py']\ntrain_dataloader = dict(batch_size=16, num_workers=8)\n",
    );
    assert.deepEqual(valuesOf(mmengine, 'training.batchPerDevice'), [16]);
  });
});

/** A semi-supervised learner whose training loop is in the repository's base class, run with two arguments. */
const LEARNER = (call: string) =>
  [
    'from absl import app',
    'from absl import flags',
    'from libml import models',
    'FLAGS = flags.FLAGS',
    'class OurLearner(models.MultiModel):',
    '    def model(self, batch, lr, **kwargs):',
    '        return self.classifier(batch)',
    'def main(argv):',
    '    model = OurLearner(FLAGS.train_dir, lr=FLAGS.lr, batch=FLAGS.batch)',
    `    ${call}`,
    "if __name__ == '__main__':",
    "    flags.DEFINE_float('wd', 0.02, 'Weight decay.')",
    "    FLAGS.set_default('train_kimg', 1 << 16)",
    '    app.run(main)',
    '',
  ].join('\n');

describe("Sixtieth round: a model-named receiver whose train() takes a trainer's arguments (set CG)", () => {
  it('counts model.train(a, b) as training: nn.Module.train takes one argument', async () => {
    const facts = await pythonFacts(LEARNER('model.train(FLAGS.train_kimg << 10, FLAGS.report_kimg << 10)'));
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['train']);
  });

  it('still reads model.train() and model.train(True) as switching the mode', async () => {
    for (const call of ['model.train()', 'model.train(True)', 'model.train(mode=was_training)']) {
      const facts = await pythonFacts(LEARNER(call));
      assert.deepEqual(valuesOf(facts, 'launch.trainer'), [], call);
    }
  });
});

/** A program that needs a JSON config with train/model/data sections, and trains. */
const JSON_TRAINER = [
  'import argparse',
  'import json',
  'import torch',
  'from ournet import OurNet',
  'def train(epochs, learning_rate, batch_size, **kwargs):',
  '    model = OurNet(**model_config).cuda()',
  '    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)',
  '    for epoch in range(epochs):',
  '        for batch in loader:',
  '            loss = model(batch).mean()',
  '            loss.backward()',
  '            optimizer.step()',
  "if __name__ == '__main__':",
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('-c', '--config', type=str, help='JSON file for configuration')",
  '    args = parser.parse_args()',
  '    with open(args.config) as f:',
  '        config = json.loads(f.read())',
  "    model_config = config['model_config']",
  "    train(**config['train_config'])",
  '',
].join('\n');
const JSON_CONFIG =
  '{\n  "train_config": {"epochs": 100, "learning_rate": 1e-4, "batch_size": 16},\n  "model_config": {"n_flows": 8, "n_hidden": 1024}\n}\n';

describe('Sixtieth round: a config a page names by its file name alone (set CG)', () => {
  it('links `train.py -c ours.json` to the one config of that name in a subfolder', async () => {
    const files = {
      'train.py': JSON_TRAINER,
      'configs/config_ours_base.json': JSON_CONFIG,
      'README.md':
        '## Training\n\n```bash\npython train.py -c config_ours_base.json -p train_config.output_directory=out\n```\n',
    };
    const scan = await scanFiles(files);
    const config = scan.files.find((f) => f.display === 'configs/config_ours_base.json');
    assert.ok((config?.analysis.runs.length ?? 0) > 0, 'the config is a run');
  });

  it('links none where two configs share the name', async () => {
    const files = {
      'train.py': JSON_TRAINER,
      'configs/a/config.json': JSON_CONFIG,
      'configs/b/config.json': JSON_CONFIG,
      'README.md': '```bash\npython train.py -c config.json\n```\n',
    };
    const scan = await scanFiles(files);
    for (const name of ['configs/a/config.json', 'configs/b/config.json'])
      assert.equal(scan.files.find((f) => f.display === name)?.analysis.runs.length ?? 0, 0, name);
  });
});

/** An AllenNLP experiment config in its Jsonnet form: a BERT embedder whose weights the launch names. */
const ALLENNLP_EXPERIMENT = (embedder: string) =>
  [
    '{',
    '  "dataset_reader": {"type": "our_reader", "token_indexers": {"bert": {"type": "bert-pretrained", "pretrained_model": std.extVar("BERT_VOCAB")}}},',
    '  "train_data_path": std.extVar("TRAIN_PATH"),',
    '  "model": {',
    '    "type": "our_tagger",',
    `    "text_field_embedder": {"token_embedders": {"bert": ${embedder}}},`,
    '    "encoder": {"type": "lstm", "input_size": 768, "hidden_size": 200, "num_layers": 2, "bidirectional": true}',
    '  },',
    '  "iterator": {"type": "bucket", "batch_size": 32},',
    '  "trainer": {"optimizer": {"type": "bert_adam", "lr": 0.001}, "num_epochs": 75, "cuda_device": 0}',
    '}',
    '',
  ].join('\n');

describe('Sixtieth round: AllenNLP experiment configs (set CH)', () => {
  it('reads the config as a run that fine-tunes the pretrained transformer it embeds with, named at launch', () => {
    const facts = extractConfigFacts(
      ALLENNLP_EXPERIMENT('{"type": "bert-pretrained", "pretrained_model": std.extVar("BERT_WEIGHTS")}'),
      'json',
    ).facts;
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:allennlp']);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
    assert.deepEqual(valuesOf(facts, 'model.id'), [null]);
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [75]);
    // The LSTM around the transformer is not the model's size.
    assert.deepEqual(valuesOf(facts, 'model.hiddenSize'), []);
  });

  it('names the transformer where the file writes it', () => {
    const facts = extractConfigFacts(
      ALLENNLP_EXPERIMENT('{"type": "pretrained_transformer", "model_name": "allenai/scibert_scivocab_uncased"}'),
      'json',
    ).facts;
    assert.deepEqual(valuesOf(facts, 'model.id'), ['allenai/scibert_scivocab_uncased']);
  });

  it('leaves a JSON with a model and a trainer but no dataset reader alone', () => {
    const facts = extractConfigFacts('{"model": {"type": "x"}, "trainer": {"num_epochs": 3}}\n', 'json').facts;
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), []);
  });
});

describe('Sixtieth round: yacs options after the config on a launch line (set CG)', () => {
  const launch = (tail: string) =>
    [
      'work_path=$(dirname $0)',
      'python tools/run_net.py \\',
      '  --cfg $work_path/config.yaml \\',
      '  DATA.PATH_TO_DATA_DIR ./data_list/k400 \\',
      `  ${tail}`,
      '',
    ].join('\n');

  it('reads the epochs, iterations and GPUs the pairs set over the config', () => {
    const facts = extractShellFacts(launch('NUM_GPUS 8 SOLVER.MAX_EPOCH 110 SOLVER.BASE_LR 1e-4 RNG_SEED 6666'));
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [110]);
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [8]);
    const d2 = extractShellFacts(launch('SOLVER.MAX_ITER 90000'));
    assert.deepEqual(valuesOf(d2, 'training.steps'), [90000]);
  });

  it('reads no pairs on a line that hands no config', () => {
    const facts = extractShellFacts('python train.py NUM_GPUS 8 SOLVER.MAX_EPOCH 110\n');
    assert.deepEqual(valuesOf(facts, 'training.epochs'), []);
  });
});

describe('Sixtieth round: ImageNet backbone weights handed on the launch line (set CG)', () => {
  const launch = (option: string) =>
    [
      'work_path=$(dirname $0)',
      'python -m torch.distributed.launch --nproc_per_node=8 \\',
      '    tools/train.py ${work_path}/config.py \\',
      '    --launcher pytorch \\',
      `    --options ${option} \\`,
      '    --work-dir ${work_path}/ckpt',
      '',
    ].join('\n');

  it('reads a detector trained from an ImageNet classifier for its backbone as a pre-training on its task', () => {
    const facts = extractShellFacts(launch("model.backbone.pretrained_path='your_model_path/ours_small_in1k.pth'"));
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [true]);
    assert.deepEqual(valuesOf(facts, 'training.mode'), ['pretrain']);
  });

  it('still reads weights of a trained detector, or a whole model, as where the run starts', () => {
    for (const option of [
      "model.backbone.pretrained_path='ckpt/mask_rcnn_ours_1x_coco.pth'",
      "load_from='ckpt/ours_small_in1k.pth'",
    ]) {
      const facts = extractShellFacts(launch(option));
      assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false], option);
      assert.deepEqual(valuesOf(facts, 'training.mode'), [], option);
    }
  });
});
