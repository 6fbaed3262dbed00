import * as assert from 'node:assert/strict';
import { runOf, scanFiles } from './helpers';

/** Fifty-fourth round: rules from what sets BO and BP (and the options classes of set BK) read wrong. */

/** A pix2pix-style options class: the flags are declared in a module of their own, in the class's initialize. */
const TRAIN_OPTIONS = [
  'import argparse',
  '',
  'class TrainOptions:',
  '    def __init__(self):',
  '        self.parser = argparse.ArgumentParser()',
  '        self.initialized = False',
  '',
  '    def initialize(self):',
  "        self.parser.add_argument('--name', type=str, default='experiment')",
  "        self.parser.add_argument('--epoch_count', type=int, default=1)",
  "        self.parser.add_argument('--niter', type=int, default=100, help='epochs at the starting rate')",
  "        self.parser.add_argument('--niter_decay', type=int, default=100, help='epochs decaying the rate')",
  "        self.parser.add_argument('--debug', action='store_true')",
  '        self.initialized = True',
  '',
  '    def parse(self):',
  '        if not self.initialized:',
  '            self.initialize()',
  '        return self.parser.parse_args()',
  '',
].join('\n');

/** A flat training script that parses the options class at module level and loops over their sum. */
const FLAT_TRAIN = [
  'import torch',
  'from options.train_options import TrainOptions',
  'from models import create_model',
  '',
  'opt = TrainOptions().parse()',
  'start_epoch, epoch_iter = 1, 0',
  'if opt.debug:',
  '    opt.niter = 1',
  '    opt.niter_decay = 0',
  'model = create_model(opt)',
  'for epoch in range(start_epoch, opt.niter + opt.niter_decay + 1):',
  '    for i, data in enumerate(dataset):',
  '        loss = model(data)',
  '        loss.backward()',
  '        optimizer.step()',
  '',
].join('\n');

describe('Fifty-fourth round: rules from sets BO and BP', () => {
  it("sums a loop's epochs from the flags an options class declares in another module, at their defaults", async () => {
    const files = { 'options/train_options.py': TRAIN_OPTIONS, 'train.py': FLAT_TRAIN };
    const run = await runOf(files, 'train.py');
    assert.equal(run?.training.epochs, 200);
  });

  it("takes the launch's numbers for those flags, and leaves the count unknown for a value it does not spell out", async () => {
    const files = {
      'options/train_options.py': TRAIN_OPTIONS,
      'train.py': FLAT_TRAIN,
      'scripts/train_short.sh': 'python train.py --name short --niter 50 --niter_decay 50\n',
      'scripts/train_var.sh': 'N=$1\npython train.py --name var --niter $N\n',
    };
    assert.equal((await runOf(files, 'scripts/train_short.sh'))?.training.epochs, 100);
    assert.notEqual((await runOf(files, 'scripts/train_var.sh'))?.training.epochs, 200);
  });

  it('reads nothing from an options class that is only imported, nor a sum with a product in it', async () => {
    const unparsed = FLAT_TRAIN.replace('opt = TrainOptions().parse()', 'opt = load_options()');
    assert.notEqual(
      (await runOf({ 'options/train_options.py': TRAIN_OPTIONS, 'train.py': unparsed }, 'train.py'))?.training.epochs,
      200,
    );
    const product = FLAT_TRAIN.replace('opt.niter + opt.niter_decay + 1', 'opt.niter * opt.niter_decay + 1');
    assert.notEqual(
      (await runOf({ 'options/train_options.py': TRAIN_OPTIONS, 'train.py': product }, 'train.py'))?.training.epochs,
      10000,
    );
  });

  it('runs the command `eval` is handed in several quoted variables, or before a pipe', async () => {
    const program = 'import torch\nfor epoch in range(1):\n    loss = model(x)\n    loss.backward()\n';
    const split = {
      'train.py': program,
      'run.sh': 'header="torchrun --nproc_per_node 2 train.py"\nargs="--num_train_epochs 4"\neval "$header" "$args"\n',
    };
    const run = await runOf(split, 'run.sh');
    assert.equal(run?.training.epochs, 4);
    assert.equal(run?.hardware.count, 2);
    const piped = {
      'train.py': program,
      'run.sh': 'cmd="python train.py --num_train_epochs 5"\neval "$cmd" 2>&1 | tee log.txt\n',
    };
    assert.equal((await runOf(piped, 'run.sh'))?.training.epochs, 5);
  });

  it("reads a yacs config's `AMP: ENABLED` and sizes a model its name calls by the family its file's name sizes", async () => {
    const config = (name: string) =>
      [
        'AMP:',
        '  ENABLED: true',
        'MODEL:',
        `  NAME: ${name}`,
        '  SPEC:',
        '    NUM_STAGES: 3',
        '    DEPTH: [1, 2, 10]',
        'TRAIN:',
        '  BATCH_SIZE_PER_GPU: 256',
        '  END_EPOCH: 300',
        '',
      ].join('\n');
    const files = {
      'experiments/cvt-13-224x224.yaml': config('cls_cvt'),
      'experiments/other-13-224x224.yaml': config('cls_other'),
    };
    const cvt = await runOf(files, 'experiments/cvt-13-224x224.yaml');
    assert.equal(cvt?.training.precision, 'fp16');
    assert.equal(cvt?.model.catalog?.id, 'microsoft/cvt-13');
    // A name of another family leaves the file's name alone.
    assert.notEqual((await runOf(files, 'experiments/other-13-224x224.yaml'))?.model.catalog?.family, 'cvt');
  });

  it("links Hydra 0.11's `config_path` naming the config file and reads the step key the program loops to", async () => {
    const program = [
      'import hydra',
      'class Workspace:',
      '    def __init__(self, cfg):',
      '        self.cfg = cfg',
      '        self.step = 0',
      '    def run(self):',
      '        while self.step < self.cfg.num_train_steps:',
      '            loss = self.agent.update(self.replay_buffer)',
      '            loss.backward()',
      '            self.optimizer.step()',
      '            self.step += 1',
      '',
      "@hydra.main(config_path='config.yaml', strict=True)",
      'def main(cfg):',
      '    Workspace(cfg).run()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const files = {
      'train.py': program,
      'config.yaml': 'env: cartpole\nnum_train_steps: 250000\nnum_seed_steps: 1000\nbatch_size: 128\n',
    };
    const run = await runOf(files, 'train.py');
    assert.equal(run?.training.steps, 250000);
  });

  it('keeps the model class of a handle a parallel wrapper is wrapped around (`model = nn.DataParallel(model)`)', async () => {
    const script = [
      'import torch',
      'import torch.nn as nn',
      'from archs.restorer import Restorer',
      'model_restoration = Restorer(dim=48)',
      "checkpoint = torch.load('pretrained/restorer.pth')",
      "model_restoration.load_state_dict(checkpoint['params'])",
      'model_restoration.cuda()',
      'model_restoration = nn.DataParallel(model_restoration)',
      'model_restoration.eval()',
      'with torch.no_grad():',
      '    for batch in loader:',
      '        restored = model_restoration(batch)',
      '',
    ].join('\n');
    const run = await runOf({ 'test.py': script }, 'test.py');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'Restorer');
  });

  it('reads a cast under `if not args.no_fp16:` (a store_true switch) as on unless the switch is given', async () => {
    const program = (condition: string) =>
      [
        'import argparse, torch',
        'from transformers import AutoModel',
        'def main(args):',
        '    model = AutoModel.from_pretrained(args.model_name_or_path)',
        '    model.eval()',
        '    model = model.cuda()',
        `    if ${condition}:`,
        '        model = model.half()',
        '    with torch.no_grad():',
        '        for batch in loader:',
        '            out = model(**batch)',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model_name_or_path', type=str, default='bert-base-uncased')",
        "    parser.add_argument('--no_fp16', action='store_true', help='inference in fp32')",
        "    parser.add_argument('--fp16', action='store_true')",
        '    main(parser.parse_args())',
        '',
      ].join('\n');
    assert.equal((await runOf({ 'embed.py': program('not args.no_fp16') }, 'embed.py'))?.training.precision, 'fp16');
    assert.notEqual((await runOf({ 'embed.py': program('args.fp16') }, 'embed.py'))?.training.precision, 'fp16');
  });

  it('reads the command a generic job script is handed on the sbatch line as a launch of its own', async () => {
    const files = {
      'scripts/train.py':
        'import torch\nfor epoch in range(int(200)):\n    loss = model(x)\n    loss.backward()\n    optimizer.step()\n',
      'slurm/train.sh':
        'for env in hopper walker2d; do\n  sbatch -J diff-$env cluster/job.sh python scripts/train.py --dataset $env\ndone\n',
    };
    const run = await runOf(files, 'slurm/train.sh');
    assert.equal(run?.training.epochs, 200);
  });

  it("runs the launch command a sourced file exports in a variable, with the flags it extends (LESS's launchers)", async () => {
    const files = {
      'pkg/train/train.py':
        'import torch\nfrom transformers import HfArgumentParser, TrainingArguments, Trainer\nif __name__ == "__main__":\n    args = HfArgumentParser(TrainingArguments).parse_args_into_dataclasses()[0]\n    Trainer(model=model, args=args).train()\n',
      'scripts/train/base_args.sh':
        '#!/bin/bash\nexport header="torchrun --nproc_per_node 2 --nnodes 1 -m pkg.train.train"\nexport base_training_args="--do_train True --num_train_epochs 4 --bf16 True --lora True --lora_r 128"\n',
      'scripts/train/lora_train.sh': [
        '#!/bin/bash',
        'source scripts/train/base_args.sh',
        'model_path=$1',
        'if [[ $model_path == "big" ]]; then',
        '    base_training_args="$base_training_args --fsdp full_shard"',
        'fi',
        'training_args="$base_training_args --model_name_or_path $model_path --output_dir out"',
        'eval "$header" "$training_args"',
        '',
      ].join('\n'),
    };
    const run = await runOf(files, 'scripts/train/lora_train.sh');
    assert.equal(run?.training.epochs, 4);
    assert.equal(run?.training.precision, 'bf16');
    assert.equal(run?.hardware.count, 2);
  });

  it("reads a timm-style program's off-by-default `--amp` as fp32, and fp16 for a launch that gives it", async () => {
    const program = [
      'import argparse, torch',
      'from contextlib import suppress',
      'from timm.utils import NativeScaler',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--epochs', type=int, default=300)",
      "parser.add_argument('--amp', action='store_true', default=False, help='use mixed precision')",
      'def main():',
      '    args = parser.parse_args()',
      '    use_amp = None',
      '    if args.amp:',
      "        use_amp = 'native'",
      '    amp_autocast = suppress',
      '    loss_scaler = None',
      "    if use_amp == 'native':",
      '        amp_autocast = torch.cuda.amp.autocast',
      '        loss_scaler = NativeScaler()',
      '    for epoch in range(args.epochs):',
      '        for x, y in loader:',
      '            with amp_autocast():',
      '                loss = model(x)',
      '            loss.backward()',
      '            optimizer.step()',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const files = {
      'train.py': program,
      'train.sh': 'torchrun --nproc_per_node=8 train.py --epochs 300 --amp\n',
    };
    assert.equal((await runOf({ 'train.py': program }, 'train.py'))?.training.precision, 'fp32');
    assert.equal((await runOf(files, 'train.sh'))?.training.precision, 'fp16');
  });

  it('reads a Python script run through its shebang (`./validate.py …`) as a launch, not one climbing out of the folder', async () => {
    const program = [
      '#!/usr/bin/env python3',
      'import argparse, torch, timm',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model', default='resnet50')",
      '    args = parser.parse_args()',
      '    model = timm.create_model(args.model, pretrained=True).cuda().eval()',
      '    with torch.no_grad():',
      '        for x, y in loader:',
      '            out = model(x)',
      '',
    ].join('\n');
    const files = {
      'validate.py': program,
      'scripts/val_a.sh':
        'model_name=$1\nCUDA_VISIBLE_DEVICES=0,1 ./validate.py ../data/ --model vit_base_patch16_224 -b 128\n',
    };
    const run = await runOf(files, 'scripts/val_a.sh');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'vit_base_patch16_224');
    assert.equal(run?.hardware.count, 2);
    const climbing = {
      'tools/extract.py': program,
      'recipe/run.sh': '../tools/extract.py --dir data --num_processes 10\n',
    };
    assert.equal(await runOf(climbing, 'recipe/run.sh'), undefined);
  });

  it('leaves out a script named for getting a dataset (`get-data-wiki.sh`), however it runs its tokenizer', async () => {
    const files = {
      'tools/tokenize.py': 'import sys\nfor line in sys.stdin:\n    print(line.lower())\n',
      'get-data-wiki.sh':
        'lg=$1\nwget -c https://dumps.wikimedia.org/${lg}wiki/latest/${lg}wiki-latest-pages-articles.xml.bz2\npython tools/tokenize.py --processes 8 < wiki.txt > wiki.tok\n',
    };
    const scan = await scanFiles(files);
    assert.equal(scan.files.find((f) => f.display === 'get-data-wiki.sh')?.analysis.runs.length ?? 0, 0);
    assert.match(scan.leftOut.find((l) => l.display === 'get-data-wiki.sh')?.reason ?? '', /gets a dataset/);
  });

  it("reads a file's own `load_model` that builds a fresh network, and a resume under an empty checkpoint flag, as from scratch", async () => {
    const program = (loader: string) =>
      [
        'import argparse, torch',
        'from model import Synthesizer',
        'def load_model(hparams):',
        loader,
        '    return model',
        'def load_checkpoint(checkpoint_path, model, optimizer):',
        "    checkpoint_dict = torch.load(checkpoint_path, map_location='cpu')",
        "    model.load_state_dict(checkpoint_dict['state_dict'])",
        '    return model, optimizer',
        'def train(checkpoint_path, hparams):',
        '    model = load_model(hparams)',
        '    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)',
        '    if checkpoint_path is not None:',
        '        model, optimizer = load_checkpoint(checkpoint_path, model, optimizer)',
        '    for epoch in range(500):',
        '        for batch in loader:',
        '            loss = model(batch)',
        '            loss.backward()',
        '            optimizer.step()',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('-c', '--checkpoint_path', type=str, default=None, required=False)",
        '    args = parser.parse_args()',
        '    train(args.checkpoint_path, hparams)',
        '',
      ].join('\n');
    const fresh = await runOf({ 'train.py': program('    model = Synthesizer(hparams).cuda()') }, 'train.py');
    assert.equal(fresh?.mode, 'pretrain');
    const loaded = await runOf(
      { 'train.py': program("    model = Synthesizer(hparams)\n    model.load_state_dict(torch.load('base.pt'))") },
      'train.py',
    );
    assert.equal(loaded?.mode, 'finetune');
  });

  it("reads a detectron2 demo whose predictor module builds `DefaultPredictor(cfg)` as that model's inference", async () => {
    const files = {
      'demo/predictor.py': [
        'import torch',
        'from detectron2.engine.defaults import DefaultPredictor',
        'class VisualizationDemo(object):',
        '    def __init__(self, cfg):',
        '        self.predictor = DefaultPredictor(cfg)',
        '    def run_on_image(self, image):',
        '        return self.predictor(image)',
        '',
      ].join('\n'),
      'demo/demo.py': [
        'import argparse',
        'from detectron2.config import get_cfg',
        'from predictor import VisualizationDemo',
        'def setup_cfg(args):',
        '    cfg = get_cfg()',
        '    cfg.merge_from_file(args.config_file)',
        '    return cfg',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--config-file', default='configs/model.yaml')",
        "    parser.add_argument('--input', nargs='+')",
        '    args = parser.parse_args()',
        '    demo = VisualizationDemo(setup_cfg(args))',
        '    for path in args.input:',
        '        predictions = demo.run_on_image(read_image(path))',
        '',
      ].join('\n'),
    };
    const run = await runOf(files, 'demo/demo.py');
    assert.equal(run?.mode, 'inference');
  });
});
