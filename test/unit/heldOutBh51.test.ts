import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { runOf, scanFiles } from './helpers';

/** Fifty-first round: rules from what set BH read wrong. */

/** An EasyDict config module in the shape insightface's arcface_torch keeps. */
const config = (length: string) =>
  [
    'from easydict import EasyDict as edict',
    'config = edict()',
    'config.loss = "arcface"',
    'config.network = "r50"',
    'config.resume = False',
    'config.fp16 = True',
    'config.batch_size = 128',
    length,
    '',
  ].join('\n');

const PROGRAM = [
  'import argparse, importlib',
  'def main(args):',
  '    cfg = importlib.import_module("configs.%s" % args.config.split("/")[-1]).config',
  '    for epoch in range(cfg.num_epoch):',
  '        for img, label in loader:',
  '            loss = model(img, label)',
  '            loss.backward()',
  '            opt.step()',
  'if __name__ == "__main__":',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('config', type=str)",
  '    main(parser.parse_args())',
  '',
].join('\n');

describe('Fifty-first round: rules from set BH', () => {
  it('reads an EasyDict config module with a training length as a run, its defaults module as none', async () => {
    const files = {
      'recog/configs/ms1mv3_r50.py': config('config.num_epoch = 25'),
      // A defaults module sets its length only per dataset, inside branches: no run of its own.
      'recog/configs/base.py': config('if config.dataset == "emore":\n    config.num_epoch = 16'),
    };
    const run = await runOf(files, 'recog/configs/ms1mv3_r50.py');
    assert.equal(run?.training.epochs, 25);
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.model.name, 'r50');
    assert.equal(run?.mode, 'pretrain');
    assert.equal(await runOf(files, 'recog/configs/base.py'), undefined);
  });

  it('links a config module a launch names without its .py (`train.py configs/ms1mv3_r50`)', async () => {
    const files = {
      'recog/configs/ms1mv3_r50.py': config('config.num_epoch = 25'),
      'recog/train.py': PROGRAM,
      'recog/run.sh':
        'CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7 python -m torch.distributed.launch --nproc_per_node=8 train.py configs/ms1mv3_r50\n',
    };
    const run = await runOf(files, 'recog/run.sh');
    assert.equal(run?.training.epochs, 25);
    assert.equal(run?.hardware.count, 8);
    assert.equal(run?.training.precision, 'fp16');
  });

  it('links a config given by a single-dash alias (`-cfg configs/x.yaml`) and keeps the launch a run', async () => {
    const files = {
      'video/main.py': [
        'import argparse',
        'def parse_option():',
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--config', '-cfg', required=True, type=str)",
        '    return parser.parse_args()',
        'def main(config):',
        '    for epoch in range(config.TRAIN.EPOCHS):',
        '        for x, y in loader:',
        '            loss = model(x, y)',
        '            loss.backward()',
        '            optimizer.step()',
        "if __name__ == '__main__':",
        '    main(parse_option())',
        '',
      ].join('\n'),
      'video/configs/k400_ft.yaml': 'TRAIN:\n  EPOCHS: 30\n  BATCH_SIZE: 8\nMODEL:\n  ARCH: ViT-B/16\n',
      'video/scripts/run.sh':
        'VIDEO_CONFIG=configs/k400_ft.yaml\npython -m torch.distributed.launch --nproc_per_node=8 main.py -cfg ${VIDEO_CONFIG} --output out\n',
    };
    const scan = await scanFiles(files);
    const script = scan.files.find((f) => f.display === 'video/scripts/run.sh');
    assert.ok(script?.analysis.facts.some((f) => f.kind === 'link.config' && String(f.value).endsWith('k400_ft.yaml')));
    assert.equal(script?.analysis.runs[0]?.run.hardware.count, 8);
  });

  it('reads a maskrcnn-benchmark-style config counted in epochs (SOLVER.MAX_EPOCH, USE_AMP, MODEL.WEIGHT)', () => {
    const config = [
      'MODEL:',
      '  META_ARCHITECTURE: "GeneralizedVLRCNN"',
      '  WEIGHT: "swin_tiny_patch4_window7_224.pth"',
      '  BACKBONE:',
      '    CONV_BODY: "SWINT-FPN-RETINANET"',
      'SOLVER:',
      '  OPTIMIZER: ADAMW',
      '  MAX_EPOCH: 30',
      '  IMS_PER_BATCH: 64',
      '  USE_AMP: True',
      '',
    ].join('\n');
    const { facts } = extractConfigFacts(config, 'yaml', 'configs/pretrain/glip_tiny.yaml');
    const value = (kind: string) => facts.find((f) => f.kind === kind)?.value;
    assert.equal(value('training.epochs'), 30);
    assert.equal(value('training.precision'), 'fp16');
    assert.equal(value('training.mode'), 'pretrain');
    assert.equal(value('launch.trainer'), 'config:detectron2');
    // A task overlay merged over such a config (datasets, a head, an epoch count, no architecture) is no run.
    const overlay = extractConfigFacts(
      'MODEL:\n  ATSS:\n    NUM_CLASSES: 6\nDATASETS:\n  TRAIN: ("train",)\nSOLVER:\n  MAX_EPOCH: 12\n',
      'yaml',
      'configs/odinw_13/drone.yaml',
    );
    assert.ok(!overlay.facts.some((f) => f.kind === 'launch.trainer'));
  });

  it('sizes a yacs config whose MODEL.TYPE names a family by the size its file name gives', () => {
    const config = [
      'MODEL:',
      '  TYPE: intern_image',
      '  INTERN_IMAGE:',
      '    DEPTHS: [4, 4, 18, 4]',
      '    CHANNELS: 64',
      'TRAIN:',
      '  EPOCHS: 300',
      '',
    ].join('\n');
    const id = (path: string) =>
      extractConfigFacts(config, 'yaml', path).facts.find((f) => f.kind === 'model.id')?.value;
    assert.equal(id('classification/configs/internimage_t_1k_224.yaml'), 'internimage-t');
    // A file name that names no catalog row leaves the type as the model.
    assert.equal(id('classification/configs/my_experiment.yaml'), 'intern_image');
  });

  it('reads a demo that builds its project object inside the UI function and hands its method as the handler', async () => {
    const files = {
      'src/gradio_demo.py': [
        'import torch',
        'class Talker:',
        '    def __init__(self, checkpoint_path):',
        '        self.net = torch.load(checkpoint_path)',
        '    def test(self, image, audio):',
        '        with torch.no_grad():',
        '            return self.net(image, audio)',
        '',
      ].join('\n'),
      'app.py': [
        'import gradio as gr',
        'from src.gradio_demo import Talker',
        'def talker_demo(checkpoint_path="checkpoints"):',
        '    talker = Talker(checkpoint_path)',
        '    with gr.Blocks() as demo:',
        '        submit = gr.Button("Generate")',
        '        submit.click(fn=talker.test, inputs=[image, audio], outputs=[video])',
        '    return demo',
        'if __name__ == "__main__":',
        '    talker_demo().launch()',
        '',
      ].join('\n'),
    };
    const run = await runOf(files, 'app.py');
    assert.equal(run?.mode, 'inference');
  });
});
