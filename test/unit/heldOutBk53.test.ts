import * as assert from 'node:assert/strict';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

/** Fifty-third round: rules from what sets BK and BL read wrong. */

/** A program that takes its settings from a YAML (`parser.set_defaults(**yaml.safe_load(f))`), timm- and 4M-style. */
const YAML_DEFAULTS_PROGRAM = [
  'import argparse, yaml, torch',
  'from timm.models import create_model',
  "if __name__ == '__main__':",
  '    config_parser = argparse.ArgumentParser(add_help=False)',
  "    config_parser.add_argument('-c', '--config', default='', type=str)",
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--model', default='vit_base_patch16_224', type=str)",
  "    parser.add_argument('--dtype', default='bfloat16', type=str)",
  "    parser.add_argument('--epochs', default=100, type=int)",
  '    args_config, remaining = config_parser.parse_known_args()',
  '    if args_config.config:',
  "        with open(args_config.config, 'r') as f:",
  '            parser.set_defaults(**yaml.safe_load(f))',
  '    args = parser.parse_args(remaining)',
  "    if args.dtype in ['float16', 'fp16']:",
  '        dtype = torch.float16',
  "    elif args.dtype in ['bfloat16', 'bf16']:",
  '        dtype = torch.bfloat16',
  '    else:',
  '        dtype = torch.float32',
  '    model = create_model(args.model)',
  '    for epoch in range(args.epochs):',
  '        for batch in loader:',
  '            with torch.cuda.amp.autocast(dtype=dtype, enabled=dtype != torch.float32):',
  '                loss = model(batch)',
  '            loss.backward()',
  '            optimizer.step()',
  '',
].join('\n');

describe('Fifty-third round: rules from sets BK and BL', () => {
  it("passes a documented flat YAML's top-level keys to the program that reads it with `--config` (its `--model`)", async () => {
    const files = {
      'README.md':
        '## Training\n\n```bash\ntorchrun --nproc_per_node=8 run_training.py --config cfgs/<config>.yaml\n```\n',
      'run_training.py': YAML_DEFAULTS_PROGRAM,
      'cfgs/large.yaml': ['model: vit_large_patch16_224', 'dtype: bfloat16', 'epochs: 20', 'batch_size: 64', ''].join(
        '\n',
      ),
    };
    const run = await runOf(files, 'cfgs/large.yaml');
    assert.equal(run?.model.name, 'vit_large_patch16_224');
    assert.equal(run?.training.epochs, 20);
    // The program's own dtype word, spelled `bfloat16`, is the run's bf16 (not dropped for an unknown spelling).
    assert.equal(run?.training.precision, 'bf16');
  });

  it("keeps a program's default model when the documented config is passed by another flag, and a launch flag wins", async () => {
    const base = {
      'run_training.py': YAML_DEFAULTS_PROGRAM,
      'cfgs/large.yaml': ['model: vit_large_patch16_224', 'epochs: 20', 'batch_size: 64', ''].join('\n'),
    };
    const byData = await runOf(
      {
        ...base,
        'README.md': '```bash\ntorchrun --nproc_per_node=8 run_training.py --data_config cfgs/large.yaml\n```\n',
      },
      'cfgs/large.yaml',
    );
    assert.notEqual(byData?.model.name, 'vit_large_patch16_224');
    const overridden = await runOf(
      {
        ...base,
        'README.md':
          '```bash\ntorchrun --nproc_per_node=8 run_training.py --config cfgs/large.yaml --model vit_small_patch16_224\n```\n',
      },
      'cfgs/large.yaml',
    );
    assert.equal(overridden?.model.name, 'vit_small_patch16_224');
  });

  it("reads `create_model(args.model)` at the flag's default as that flag's: a launch's `--model` names the network", async () => {
    const facts = await pythonFacts(
      [
        'import argparse, timm',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model', default='resnet50')",
        '    args = parser.parse_args()',
        '    model = timm.create_model(args.model, pretrained=True)',
        '',
      ].join('\n'),
    );
    const model = facts.find((f) => f.kind === 'model.id');
    assert.equal(model?.value, 'resnet50');
    assert.deepEqual(model?.flagDefault, ['model']);
  });

  it('does not take a documented JSON list (`--real_labels real.json`) for the config of the program it is handed to', async () => {
    const program = [
      'import argparse, torch, timm',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model', default='resnet50')",
      "    parser.add_argument('--real_labels', default='')",
      "    parser.add_argument('--epochs', default=30, type=int)",
      '    args = parser.parse_args()',
      '    model = timm.create_model(args.model)',
      '    for epoch in range(args.epochs):',
      '        model(x).backward()',
      '        optimizer.step()',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'README.md': '```bash\npython train.py --real_labels real.json --model resnet50\n```\n',
      'train.py': program,
      'real.json': '[[1], [2, 3], [], [4]]\n',
    });
    const labels = scan.files.find((f) => f.display === 'real.json');
    assert.equal(labels?.analysis.runs.length ?? 0, 0);
    const own = scan.files.find((f) => f.display === 'train.py')?.analysis.runs[0]?.run;
    assert.equal(own?.model.name, 'resnet50');
  });

  it('leaves out what a debug branch sets (`if opt.debug: opt.niter = 1`), whatever declares the switch', async () => {
    const facts = await pythonFacts(
      [
        'from options.train_options import TrainOptions',
        'opt = TrainOptions().parse()',
        'opt.niter = 100',
        'if opt.debug:',
        '    opt.niter = 1',
        'DEBUG = False',
        'epochs = 40',
        'if DEBUG:',
        '    epochs = 2',
        'for epoch in range(opt.niter):',
        '    loss.backward()',
        '    optimizer.step()',
        'for e in range(epochs):',
        '    pass',
        '',
      ].join('\n'),
    );
    const epochs = valuesOf(facts, 'training.epochs');
    assert.ok(epochs.includes(100) && epochs.includes(40), String(epochs));
    assert.ok(!epochs.includes(1) && !epochs.includes(2), String(epochs));
  });

  it("lists a flat script of a package that parses its flags and trains at module level (EAGLE's train/main.py)", async () => {
    const script = [
      'import argparse',
      'import torch',
      'from accelerate import Accelerator',
      "parser = argparse.ArgumentParser(description='sp')",
      "parser.add_argument('--basepath', type=str, default='/weights/base')",
      "parser.add_argument('--bs', type=int, default=4)",
      'args = parser.parse_args()',
      "accelerator = Accelerator(mixed_precision='bf16')",
      'model = build_head()',
      'for epoch in range(20):',
      '    for batch in loader:',
      '        loss = model(batch)',
      '        accelerator.backward(loss)',
      '        optimizer.step()',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'pkg/__init__.py': '',
      'pkg/model.py': 'class Head:\n    pass\n',
      'pkg/train/__init__.py': '',
      'pkg/train/main.py': script,
    });
    const file = scan.files.find((f) => f.display === 'pkg/train/main.py');
    assert.equal(file?.analysis.notARun, undefined);
    assert.equal(file?.analysis.runs[0]?.run.training.precision, 'bf16');
  });

  it("lists a package's program whose flags come from its own `parse_arguments()`", async () => {
    const scan = await scanFiles({
      'src/__init__.py': '',
      'src/args.py': [
        'import argparse',
        'def parse_arguments():',
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--epochs', type=int, default=10)",
        '    return parser.parse_args()',
        '',
      ].join('\n'),
      'src/models/__init__.py': '',
      'src/models/finetune.py': [
        'from src.args import parse_arguments',
        'def finetune(args):',
        '    for epoch in range(args.epochs):',
        '        loss = model(batch)',
        '        loss.backward()',
        '        optimizer.step()',
        "if __name__ == '__main__':",
        '    args = parse_arguments()',
        '    finetune(args)',
        '',
      ].join('\n'),
    });
    const file = scan.files.find((f) => f.display === 'src/models/finetune.py');
    assert.equal(file?.analysis.notARun, undefined);
    assert.equal(file?.analysis.runs.length, 1);
  });

  it('reads `GradScaler(enabled=args.mixed_precision)` on a store_true flag: fp32 by default, fp16 when launched with it', async () => {
    const program = [
      'import argparse, torch',
      'from torch.cuda.amp import GradScaler',
      'def train(args):',
      '    scaler = GradScaler(enabled=args.mixed_precision)',
      '    for step in range(args.num_steps):',
      '        scaler.scale(model(x)).backward()',
      '        scaler.step(optimizer)',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--num_steps', type=int, default=100000)",
      "    parser.add_argument('--mixed_precision', action='store_true', help='use mixed precision')",
      '    train(parser.parse_args())',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'train.py': program,
      'train_mixed.sh': 'python -u train.py --num_steps 120000 --mixed_precision\n',
      'train_standard.sh': 'python -u train.py --num_steps 100000\n',
    });
    const run = (file: string) => scan.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
    assert.equal(run('train_mixed.sh')?.training.precision, 'fp16');
    assert.equal(run('train_standard.sh')?.training.precision, 'fp32');
  });

  it("reads apex AMP under a switch another module declares (`if opt.fp16:`) as the switch's, off unless given", async () => {
    const program = [
      'from options.train_options import TrainOptions',
      'opt = TrainOptions().parse()',
      'if opt.fp16:',
      '    from apex import amp',
      "    model, optimizer = amp.initialize(model, optimizer, opt_level='O1')",
      'for epoch in range(1, 201):',
      '    loss.backward()',
      '    optimizer.step()',
      '',
    ].join('\n');
    const facts = await pythonFacts(`from apex import amp\n${program}`);
    const precision = facts.find((f) => f.kind === 'training.precision');
    assert.equal(precision?.value, 'fp32');
    assert.deepEqual(precision?.picks, [['*', 'fp16']]);
    const scan = await scanFiles({
      'train.py': `from apex import amp\n${program}`,
      'train_fp16.sh': 'python train.py --name x --fp16\n',
      'train_plain.sh': 'python train.py --name x\n',
    });
    const run = (file: string) => scan.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
    assert.equal(run('train_fp16.sh')?.training.precision, 'fp16');
    assert.equal(run('train_plain.sh')?.training.precision, 'fp32');
  });

  it("reads a program that builds its model with the repository's factory and only calls `.inference()` as inference", async () => {
    const facts = await pythonFacts(
      [
        'from options.test_options import TestOptions',
        'from models.models import create_model',
        'opt = TestOptions().parse(save=False)',
        'model = create_model(opt)',
        'if opt.data_type == 16:',
        '    model.half()',
        'for i, data in enumerate(dataset):',
        "    generated = model.inference(data['label'], data['inst'])",
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    // The cast under the program's data-type switch is the switch's choice, not the run's.
    assert.deepEqual(valuesOf(facts, 'training.precision'), []);
  });

  it("sizes a model its own package's builder names (`hiera.hiera_base_224(pretrained=True)`) and runs it forward", async () => {
    const run = await runOf(
      {
        'hiera/__init__.py': 'from .hiera import hiera_base_224\n',
        'hiera/hiera.py': 'def hiera_base_224(**kwargs):\n    return Hiera(**kwargs)\n',
        'examples/inference.py': [
          'import torch',
          'import hiera',
          'model = hiera.hiera_base_224(pretrained=True, checkpoint="mae_in1k_ft_in1k")',
          'out = model(torch.zeros(1, 3, 224, 224))',
          'print(out.argmax(dim=-1).item())',
          '',
        ].join('\n'),
      },
      'examples/inference.py',
    );
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.params, 51_520_000);
  });

  it("reads a model's own generation loop under another name (`model.medusa_generate(...)`) as inference", async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'from pkg.model import SpecModel',
        'def main(args):',
        '    model = SpecModel.from_pretrained(args.model)',
        '    for out in model.medusa_generate(input_ids, temperature=0.7):',
        '        print(out)',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model', type=str, required=True)",
        '    main(parser.parse_args())',
        '',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference' && f.value === 'model.medusa_generate'));
    const client = await pythonFacts('import x\nresult = client.stream_generate(prompt)\n');
    assert.ok(!client.some((f) => f.kind === 'launch.inference'));
  });

  it('names a network its own class builds under DataParallel (`nn.DataParallel(RAFT(args))`), sized by the catalog', async () => {
    const program = [
      'import argparse, torch',
      'import torch.nn as nn',
      'from raft import RAFT',
      'def train(args):',
      '    model = nn.DataParallel(RAFT(args), device_ids=args.gpus)',
      '    if args.restore_ckpt is not None:',
      '        model.load_state_dict(torch.load(args.restore_ckpt), strict=False)',
      '    model.cuda()',
      '    model.train()',
      '    for step in range(args.num_steps):',
      '        loss = model(batch)',
      '        loss.backward()',
      '        optimizer.step()',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--name', default='raft', help='name your experiment')",
      "    parser.add_argument('--restore_ckpt', help='restore checkpoint')",
      "    parser.add_argument('--num_steps', type=int, default=100000)",
      "    parser.add_argument('--gpus', type=int, nargs='+', default=[0, 1])",
      '    train(parser.parse_args())',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'raft.py': 'import torch.nn as nn\nclass RAFT(nn.Module):\n    pass\n',
      'train.py': program,
      'train.sh': [
        'python -u train.py --name raft-chairs --num_steps 120000',
        'python -u train.py --name raft-things --restore_ckpt checkpoints/raft-chairs.pth --num_steps 120000',
        '',
      ].join('\n'),
    });
    const run = scan.files.find((f) => f.display === 'train.sh')?.analysis.runs[0]?.run;
    // `--name raft-chairs` labels the run; the network stays RAFT, trained from scratch in its first stage.
    assert.equal(run?.model.params, 5_257_536);
    assert.equal(run?.mode, 'pretrain');
    const evaluation = await pythonFacts(
      [
        'import torch',
        'from raft import RAFT',
        'model = torch.nn.DataParallel(RAFT(args))',
        'model.load_state_dict(torch.load(args.model))',
        'model.eval()',
        '',
      ].join('\n'),
    );
    assert.ok(evaluation.some((f) => f.kind === 'model.id' && f.value === 'RAFT'));
  });

  it('reads one entry of a settings dict written out whole, though another entry cannot be read', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'parser = argparse.ArgumentParser()',
        "parser.add_argument('--lr', type=float, default=3e-5)",
        'args = parser.parse_args()',
        'train_config = {"lr": args.lr, "num_epochs": 20, "noise": make_noise(), "bs": 4}',
        'num_epochs = train_config["num_epochs"]',
        'for epoch in range(num_epochs):',
        '    loss.backward()',
        '    optimizer.step()',
        '',
      ].join('\n'),
    );
    assert.ok(valuesOf(facts, 'training.epochs').includes(20));
    assert.ok(!valuesOf(facts, 'training.epochs').includes(null));
  });

  it("reads weights loaded from a NumPy archive on every run's path (`model.load_from(np.load(...))`) as a fine-tune", async () => {
    const program = (load: string) =>
      [
        'import argparse, numpy as np, torch',
        'import models',
        'def main(args):',
        '    model = models.KNOWN_MODELS[args.model](head_size=10, zero_head=True)',
        load,
        '    for step in range(500):',
        '        loss = model(x).sum()',
        '        loss.backward()',
        '        optimizer.step()',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model', required=True)",
        "    parser.add_argument('--resume', type=bool, default=False)",
        '    main(parser.parse_args())',
        '',
      ].join('\n');
    const loaded = await pythonFacts(program('    model.load_from(np.load(f"{args.model}.npz"))'));
    assert.deepEqual(valuesOf(loaded, 'model.fromScratch'), [false]);
    const resumed = await pythonFacts(
      program('    if args.resume:\n        model.load_from(np.load(f"{args.model}.npz"))'),
    );
    assert.ok(!valuesOf(resumed, 'model.fromScratch').includes(false));
    // Big Transfer's released networks are in the catalog by timm's names (its benchmark table).
    const bit = await pythonFacts("import timm\nmodel = timm.create_model('resnetv2_50x1_bit', pretrained=True)\n");
    assert.deepEqual(valuesOf(bit, 'model.id'), ['resnetv2_50x1_bit']);
  });
});
