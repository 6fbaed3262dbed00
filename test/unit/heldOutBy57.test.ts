import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { notebookCode } from '../../src/core/analyze';
import { runOf, scanFiles, valuesOf } from './helpers';

/** Fifty-seventh round: rules from what the blind sets BY and BZ read wrong. */

/** A Hydra program that starts from a dataclass it stores in Hydra's ConfigStore, handing it to its package. */
const storedConfigProgram = (stores: boolean) =>
  [
    'import hydra',
    'from hydra.core.config_store import ConfigStore',
    'from speechpkg.configs.train_config import SpeechConfig',
    'from speechpkg.training import train',
    '',
    ...(stores ? ['cs = ConfigStore.instance()', 'cs.store(name="config", node=SpeechConfig)', ''] : []),
    '',
    '@hydra.main(config_path=\'.\', config_name="config")',
    'def hydra_main(cfg: SpeechConfig):',
    '    train(cfg=cfg)',
    '',
    '',
    "if __name__ == '__main__':",
    '    hydra_main()',
    '',
  ].join('\n');

const packageTraining = [
  'import pytorch_lightning as pl',
  'from speechpkg.model import SpeechNet',
  '',
  'def train(cfg):',
  '    model = SpeechNet(cfg.model)',
  '    trainer = pl.Trainer(max_epochs=cfg.trainer.max_epochs)',
  '    trainer.fit(model)',
  '',
].join('\n');

describe('Fifty-seventh round: Hydra programs that store their own config (set BY)', () => {
  it('reads a Hydra program whose primary config is the dataclass it stores as a program, not a config left out', async () => {
    const files = { 'train.py': storedConfigProgram(true), 'speechpkg/training.py': packageTraining };
    const scan = await scanFiles(files);
    assert.equal(
      scan.leftOut.some((l) => l.display === 'train.py'),
      false,
    );
    const run = scan.files.find((f) => f.display === 'train.py')?.analysis.runs[0]?.run;
    assert.equal(run?.mode, 'pretrain');
    // Without the store, the primary config is a file the repository lacks: the program starts only with one named.
    const without = await scanFiles({
      'train.py': storedConfigProgram(false),
      'speechpkg/training.py': packageTraining,
    });
    assert.equal(
      without.leftOut.some((l) => l.display === 'train.py'),
      true,
    );
    // A group's option stored under the same name is a piece of the primary config, not it.
    const grouped = storedConfigProgram(true).replace(
      'cs.store(name="config"',
      'cs.store(group="model", name="config"',
    );
    const groupScan = await scanFiles({ 'train.py': grouped, 'speechpkg/training.py': packageTraining });
    assert.equal(
      groupScan.leftOut.some((l) => l.display === 'train.py'),
      true,
    );
  });

  it('makes an experiment config a README adds with `+group=option` a run of the program the command starts', async () => {
    const experiment = [
      '# @package _global_',
      'data:',
      '  batch_size: 8',
      'trainer:',
      '  max_epochs: 70',
      '  devices: 1',
      '  precision: 16',
      '',
    ].join('\n');
    const readme = (command: string) => ['# Speech', '', '```bash', command, '```', ''].join('\n');
    const files = {
      'train.py': storedConfigProgram(true),
      'speechpkg/training.py': packageTraining,
      'configs/an4.yaml': experiment,
    };
    const run = await runOf({ ...files, 'README.md': readme('python train.py +configs=an4') }, 'configs/an4.yaml');
    assert.equal(run?.training.epochs, 70);
    assert.equal(run?.training.precision, 'fp16');
    // A plain group choice swaps a part the defaults compose (a fragment), and a dotted key sets a value: neither
    // makes the file a run.
    assert.equal(
      await runOf({ ...files, 'README.md': readme('python train.py configs=an4') }, 'configs/an4.yaml'),
      undefined,
    );
    assert.equal(
      await runOf({ ...files, 'README.md': readme('python train.py +configs.an4=1') }, 'configs/an4.yaml'),
      undefined,
    );
  });
});

describe('Fifty-seventh round: HRNet-style yacs configs (set BY)', () => {
  const config = (gpus: string, pretrained: string, dataset: string) =>
    [
      `GPUS: ${gpus}`,
      'DATASET:',
      `  DATASET: ${dataset}`,
      'MODEL:',
      '  NAME: seg_hrnet',
      `  PRETRAINED: "${pretrained}"`,
      'TRAIN:',
      '  END_EPOCH: 484',
      '',
    ].join('\n');

  it('reads the device ids of `GPUS: (0,1,2,3)` as four devices', () => {
    const facts = extractConfigFacts(config('(0,1,2,3)', 'x.pth', 'cityscapes'), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(facts, 'hardware.devices'), [4]);
    const one = extractConfigFacts(config('(0,)', 'x.pth', 'cityscapes'), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(one, 'hardware.devices'), [1]);
    const words = extractConfigFacts(config('all', 'x.pth', 'cityscapes'), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(words, 'hardware.devices'), []);
  });

  it('trains a segmenter started from an ImageNet classifier (pretrain), and fine-tunes from other weights', () => {
    const backbone = 'pretrained_models/hrnetv2_w48_imagenet_pretrained.pth';
    const segmenter = extractConfigFacts(config('(0,1)', backbone, 'cityscapes'), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(segmenter, 'training.mode'), ['pretrain']);
    // The same classifier continued on ImageNet is a fine-tune of it.
    const classifier = extractConfigFacts(config('(0,1)', backbone, 'imagenet'), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(classifier, 'training.mode'), ['finetune']);
    const task = extractConfigFacts(
      config('(0,1)', 'output/cityscapes/best.pth', 'cityscapes'),
      'yaml',
      'a.yaml',
    ).facts;
    assert.deepEqual(valuesOf(task, 'training.mode'), ['finetune']);
  });
});

describe('Fifty-seventh round: tutorial scripts and notebooks (set BZ)', () => {
  const notebook = (outputs: unknown[][]) =>
    JSON.stringify({
      cells: outputs.map((out, i) => ({
        cell_type: 'code',
        source: [`x${i} = ${i}\n`],
        outputs: out,
      })),
    });

  it("reads the model's size a notebook's saved output prints", () => {
    const printed = notebookCode(
      notebook([[], [{ output_type: 'stream', text: ['The model has 13,898,501 trainable parameters\n'] }]]),
    );
    assert.equal(printed.statedParams?.value, 13_898_501);
    // The second cell starts after the first one's two lines (its source ends with a newline).
    assert.equal(printed.statedParams?.startLine, 2);
    const keras = notebookCode(
      notebook([[{ output_type: 'stream', text: 'Total params: 1,234,567\nTrainable params: 1,000,000\n' }]]),
    );
    assert.equal(keras.statedParams?.value, 1_234_567);
    const peft = notebookCode(
      notebook([
        [
          {
            output_type: 'stream',
            text: 'trainable params: 4,194,304 || all params: 6,742,609,920 || trainable%: 0.0622\n',
          },
        ],
      ]),
    );
    assert.equal(peft.statedParams?.value, 6_742_609_920);
    const nano = notebookCode(
      notebook([[{ output_type: 'execute_result', data: { 'text/plain': ['number of parameters: 124.44M'] } }]]),
    );
    assert.equal(nano.statedParams?.value, 124_440_000);
    // Two different models printed: which one the run is, the outputs do not say.
    const two = notebookCode(
      notebook([
        [{ output_type: 'stream', text: 'The model has 1,000 trainable parameters\n' }],
        [{ output_type: 'stream', text: 'The model has 2,000 trainable parameters\n' }],
      ]),
    );
    assert.equal(two.statedParams, undefined);
    // Outputs that are not text (an object where a string belongs) state nothing.
    const odd = notebookCode(notebook([[{ output_type: 'stream', text: { toString: 1 } }]]));
    assert.equal(odd.statedParams, undefined);
  });

  it('gives a notebook run the size its output prints', async () => {
    const code = [
      'import torch\n',
      'import torch.nn as nn\n',
      'model = Seq2Seq(enc, dec).to(device)\n',
      'optimizer = torch.optim.Adam(model.parameters())\n',
      'for epoch in range(10):\n',
      '    for batch in loader:\n',
      '        loss = model(batch)\n',
      '        loss.backward()\n',
      '        optimizer.step()\n',
    ];
    const ipynb = JSON.stringify({
      cells: [
        {
          cell_type: 'code',
          source: code,
          outputs: [{ output_type: 'stream', text: ['The model has 13,898,501 trainable parameters\n'] }],
        },
      ],
    });
    const run = await runOf({ 'seq2seq.ipynb': ipynb }, 'seq2seq.ipynb');
    assert.equal(run?.model.params, 13_898_501);
  });

  const fullBatch = (inFunction: boolean) =>
    [
      'import torch',
      'import torch.nn as nn',
      'import torch.optim as optim',
      '',
      'class NNLM(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.C = nn.Embedding(n_class, m)',
      '',
      '    def forward(self, x):',
      '        return self.C(x)',
      '',
      "if __name__ == '__main__':",
      '    model = NNLM()',
      '    criterion = nn.CrossEntropyLoss()',
      '    optimizer = optim.Adam(model.parameters(), lr=0.001)',
      ...(inFunction
        ? ['    def epoch():', '        for i in range(5000):', '            optimizer.step()', '    epoch()']
        : [
            '    for epoch in range(5000):',
            '        optimizer.zero_grad()',
            '        loss = criterion(model(x), y)',
            '        loss.backward()',
            '        optimizer.step()',
          ]),
      '',
    ].join('\n');

  it('counts one optimizer step a pass of a full-batch loop at the script level, not in a function', async () => {
    const run = await runOf({ 'NNLM.py': fullBatch(false) }, 'NNLM.py');
    assert.equal(run?.training.steps, 5000);
    const inside = await runOf({ 'NNLM.py': fullBatch(true) }, 'NNLM.py');
    assert.notEqual(inside?.training.steps, 5000);
  });

  it('names the model by the network class the script defines and trains, not by a generic one', async () => {
    const run = await runOf({ 'NNLM.py': fullBatch(false) }, 'NNLM.py');
    assert.equal(run?.model.name, 'NNLM');
    const generic = fullBatch(false).replace(/NNLM/g, 'Net');
    assert.equal((await runOf({ 'net.py': generic }, 'net.py'))?.model.name ?? null, null);
    // A class whose layers state its size is sized by them and, since the sixty-fourth round, named by its class too.
    const sized = fullBatch(false).replace('nn.Embedding(n_class, m)', 'nn.Embedding(7, 2)');
    const sizedRun = await runOf({ 'NNLM.py': sized }, 'NNLM.py');
    assert.equal(sizedRun?.model.name, 'NNLM');
    assert.equal(sizedRun?.model.params, 14);
  });
});

describe('Fifty-seventh round: evaluation scripts under a main guard, and layers registered in a loop (set BY)', () => {
  const evalScript = (trainsToo: boolean) =>
    [
      'import torch',
      'from models.nerf import NeRF',
      'from utils import load_ckpt',
      '',
      '@torch.no_grad()',
      'def batched_inference(models, rays):',
      '    return [m(rays) for m in models]',
      '',
      'if __name__ == "__main__":',
      '    coarse = NeRF()',
      '    fine = NeRF()',
      "    load_ckpt(coarse, args.ckpt_path, model_name='coarse')",
      '    coarse.cuda().eval()',
      '    fine.cuda().eval()',
      '    models = [coarse, fine]',
      '    for i in range(len(dataset)):',
      '        results = batched_inference(models, dataset[i])',
      ...(trainsToo ? ['        results.backward()'] : []),
      '',
    ].join('\n');

  it("reads a main guard that loads weights, puts the models in eval mode and hands them to the file's function in a loop as inference", async () => {
    const run = await runOf({ 'eval.py': evalScript(false) }, 'eval.py');
    assert.equal(run?.mode, 'inference');
    assert.notEqual((await runOf({ 'eval.py': evalScript(true) }, 'eval.py'))?.mode, 'inference');
  });

  it('leaves a network unsized when its layers are registered by setattr in a loop, not counted in part', async () => {
    const model = (register: string) =>
      [
        'import torch',
        'import torch.nn as nn',
        '',
        'class Field(nn.Module):',
        '    def __init__(self, D=8, W=256):',
        '        super().__init__()',
        '        for i in range(D):',
        '            layer = nn.Linear(W, W)',
        `            ${register}`,
        '        self.head = nn.Linear(W, 1)',
        '',
        'model = Field()',
        'optimizer = torch.optim.Adam(model.parameters())',
        'for step in range(100):',
        '    loss = model(x).sum()',
        '    loss.backward()',
        '    optimizer.step()',
        '',
      ].join('\n');
    const registered = await runOf({ 'train.py': model('setattr(self, f"layer_{i}", layer)') }, 'train.py');
    assert.notEqual(registered?.model.params, 257);
    const appended = await runOf({ 'train.py': model('self.blocks.append(layer)') }, 'train.py');
    assert.notEqual(appended?.model.params, 257);
    // A layer the loop builds and drops registers nothing: the head alone is the network.
    const dropped = await runOf({ 'train.py': model('print(layer)') }, 'train.py');
    assert.equal(dropped?.model.params, 257);
  });
});

describe('Fifty-seventh round: embedding tables and flags parsed by a package function (set BZ)', () => {
  it('does not take nn.Embedding.from_pretrained(table) for loading a pretrained model', async () => {
    const script = [
      'import torch',
      'import torch.nn as nn',
      '',
      'class Seq(nn.Module):',
      '    def __init__(self, table):',
      '        super().__init__()',
      '        self.pos_emb = nn.Embedding.from_pretrained(table, freeze=True)',
      '',
      'model = Seq(sinusoid_table(6, 512))',
      'optimizer = torch.optim.Adam(model.parameters())',
      'for epoch in range(20):',
      '    loss = model(x).sum()',
      '    loss.backward()',
      '    optimizer.step()',
      '',
    ].join('\n');
    assert.equal((await runOf({ 'Transformer.py': script }, 'Transformer.py'))?.mode, 'pretrain');
    const loaded = script.replace(
      'nn.Embedding.from_pretrained(table, freeze=True)',
      'AutoModel.from_pretrained("bert-base-uncased")',
    );
    assert.equal((await runOf({ 'Transformer.py': loaded }, 'Transformer.py'))?.mode, 'finetune');
  });

  it("reads a flat script's settings from the package function that parses its flags at module level", async () => {
    const args = [
      'import argparse',
      '',
      'def parse_args():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('-e', '--epochs', default=60, type=int)",
      '    return parser.parse_args()',
      '',
    ].join('\n');
    const run = [
      'import torch',
      'from common.arguments import parse_args',
      'from common.model import Pose',
      '',
      'args = parse_args()',
      'model = Pose()',
      'optimizer = torch.optim.Adam(model.parameters())',
      'epoch = 0',
      'while epoch < args.epochs:',
      '    for batch in loader:',
      '        loss = model(batch).sum()',
      '        loss.backward()',
      '        optimizer.step()',
      '    epoch += 1',
      '',
    ].join('\n');
    const read = await runOf(
      { 'run.py': run, 'common/arguments.py': args, 'common/model.py': 'class Pose:\n    pass\n' },
      'run.py',
    );
    assert.equal(read?.training.epochs, 60);
  });
});

describe('Fifty-seventh round: encoder–decoder segmenter configs (set BZ)', () => {
  it('names a segmenter by its encoder and decoder and counts its epochs of fixed iterations as steps', async () => {
    const config = [
      'MODEL:',
      '  arch_encoder: "resnet50dilated"',
      '  arch_decoder: "ppm_deepsup"',
      'TRAIN:',
      '  batch_size_per_gpu: 2',
      '  num_epoch: 20',
      '  epoch_iters: 5000',
      '',
    ].join('\n');
    const facts = extractConfigFacts(config, 'yaml', 'config/ade20k.yaml').facts;
    assert.deepEqual(valuesOf(facts, 'model.id'), ['resnet50dilated-ppm_deepsup']);
    assert.deepEqual(valuesOf(facts, 'training.stepsPerEpoch'), [5000]);
    const halfNamed = extractConfigFacts(config.replace('  arch_decoder: "ppm_deepsup"\n', ''), 'yaml', 'a.yaml').facts;
    assert.deepEqual(valuesOf(halfNamed, 'model.id'), []);
  });
});

describe("Fifty-seventh round: a detectron2 program's documented devices for the configs it runs (sets BF, BJ, BN)", () => {
  const config = (base: string) =>
    [
      `_BASE_: ${base}`,
      'MODEL:',
      '  META_ARCHITECTURE: "MaskFormer"',
      'SOLVER:',
      '  IMS_PER_BATCH: 16',
      '  MAX_ITER: 160000',
      '',
    ].join('\n');
  const guide = (first: string) =>
    [
      '# Getting started',
      '',
      '```',
      `python train_net.py ${first} --config-file configs/coco/maskformer_R50.yaml`,
      '```',
      '',
      'To train on 1 GPU:',
      '```',
      'python train_net.py --config-file configs/coco/maskformer_R50.yaml --num-gpus 1 SOLVER.IMS_PER_BATCH 2',
      '```',
      '',
    ].join('\n');
  const files = (first: string) => ({
    'GETTING_STARTED.md': guide(first),
    'train_net.py': 'from detectron2.engine import launch\n',
    'configs/coco/maskformer_R50.yaml': config('Base-COCO.yaml'),
    'configs/ade20k/maskformer_R50_160k.yaml': config('Base-ADE20K.yaml'),
  });

  it('gives a config no page launches the devices of the first training launch of its program', async () => {
    const run = await runOf(files('--num-gpus 8'), 'configs/ade20k/maskformer_R50_160k.yaml');
    assert.equal(run?.hardware.count, 8);
    // An evaluation launch first says nothing of the devices the configs train on.
    const evaluation = await runOf(files('--num-gpus 8 --eval-only'), 'configs/ade20k/maskformer_R50_160k.yaml');
    assert.equal(evaluation?.hardware.count, 1);
  });
});

describe('Fifty-seventh round: device-id lists, ImageNet folders and maskrcnn-benchmark heads (sets CA, CB)', () => {
  it('counts the devices a launch lists by id, not a single id', async () => {
    const program = 'import torch\nfor epoch in range(140):\n    loss.backward()\n    optimizer.step()\n';
    const launch = (gpus: string) => `cd src\npython main.py ctdet --batch_size 128 --gpus ${gpus} --num_workers 16\n`;
    const eight = await runOf(
      { 'src/main.py': program, 'experiments/dla.sh': launch('0,1,2,3,4,5,6,7') },
      'experiments/dla.sh',
    );
    assert.equal(eight?.hardware.count, 8);
    const one = await runOf({ 'src/main.py': program, 'experiments/dla.sh': launch('0') }, 'experiments/dla.sh');
    assert.equal(one?.hardware.count, 1);
  });

  it('reads a checkpoint in an imagenet folder as a classification backbone for a pose or segmentation task', () => {
    const config = (weights: string) =>
      [
        'GPUS: (0,1,2,3)',
        'DATASET:',
        '  DATASET: coco',
        'MODEL:',
        '  NAME: pose_hrnet',
        `  PRETRAINED: '${weights}'`,
        'TRAIN:',
        '  END_EPOCH: 210',
        '',
      ].join('\n');
    const backbone = extractConfigFacts(
      config('models/pytorch/imagenet/hrnet_w32-36af842e.pth'),
      'yaml',
      'a.yaml',
    ).facts;
    assert.deepEqual(valuesOf(backbone, 'training.mode'), ['pretrain']);
    const ownTask = extractConfigFacts(
      config('models/pytorch/pose_coco/pose_hrnet_w32_256x192.pth'),
      'yaml',
      'a.yaml',
    ).facts;
    assert.deepEqual(valuesOf(ownTask, 'training.mode'), ['finetune']);
  });

  it("names maskrcnn-benchmark's RetinaNet and RPN-only configs by their switches", () => {
    const config = (switches: string) =>
      [
        'MODEL:',
        '  META_ARCHITECTURE: "GeneralizedRCNN"',
        switches,
        'SOLVER:',
        '  MAX_ITER: 90000',
        '  IMS_PER_BATCH: 16',
        '',
      ].join('\n');
    const name = (switches: string) =>
      valuesOf(extractConfigFacts(config(switches), 'yaml', 'a.yaml').facts, 'model.id');
    assert.deepEqual(name('  RPN_ONLY: True\n  RETINANET_ON: True'), ['retinanet']);
    assert.deepEqual(name('  RPN_ONLY: True'), ['rpn']);
    assert.deepEqual(name('  MASK_ON: True'), ['mask-rcnn']);
  });
});

describe("Fifty-seventh round: an options class in the script's lib folder (set CA)", () => {
  it('reads the defaults of a lowercase opts class a script imports from the lib folder _init_paths puts on the path', async () => {
    const main = (initPaths: boolean) =>
      [
        ...(initPaths ? ['import _init_paths'] : []),
        'import torch',
        'from opts import opts',
        '',
        'def main(opt):',
        '    model = create_model(opt.arch)',
        '    optimizer = torch.optim.Adam(model.parameters(), opt.lr)',
        '    for epoch in range(1, opt.num_epochs + 1):',
        '        for batch in loader:',
        '            loss = model(batch).sum()',
        '            loss.backward()',
        '            optimizer.step()',
        '',
        "if __name__ == '__main__':",
        '    opt = opts().parse()',
        '    main(opt)',
        '',
      ].join('\n');
    const options = [
      'import argparse',
      '',
      'class opts(object):',
      '    def __init__(self):',
      '        self.parser = argparse.ArgumentParser()',
      "        self.parser.add_argument('--num_epochs', type=int, default=140)",
      '',
      '    def parse(self, args=""):',
      '        return self.parser.parse_args(args)',
      '',
    ].join('\n');
    const files = (initPaths: boolean) => ({ 'src/main.py': main(initPaths), 'src/lib/opts.py': options });
    assert.equal((await runOf(files(true), 'src/main.py'))?.training.epochs, 140);
    assert.notEqual((await runOf(files(false), 'src/main.py'))?.training.epochs, 140);
  });
});
