import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { runOf, scanFiles } from './helpers';

/** Fifty-sixth round: rules from what the blind sets BW and BX read wrong. */

describe('Fifty-sixth round: test scripts that run a loaded model (sets BW, BX)', () => {
  /** A flat test script of an image-translation repository: weights loaded at its top, the model in eval mode. */
  const flatTest = (work: 'no_grad' | 'loop' | 'none') =>
    [
      'import argparse',
      'import torch',
      'from utils import get_config',
      'from trainer import Translator',
      '',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--config', type=str)",
      "parser.add_argument('--checkpoint', type=str)",
      'opts = parser.parse_args()',
      'config = get_config(opts.config)',
      'trainer = Translator(config)',
      'state_dict = torch.load(opts.checkpoint)',
      "trainer.gen_a.load_state_dict(state_dict['a'])",
      'trainer.cuda()',
      'trainer.eval()',
      'encode = trainer.gen_a.encode',
      'decode = trainer.gen_b.decode',
      ...(work === 'no_grad'
        ? [
            'with torch.no_grad():',
            '    content, _ = encode(image)',
            '    outputs = decode(content)',
            '    save(outputs)',
          ]
        : work === 'loop'
          ? [
              'if opts.a2b:',
              '    for images in loader:',
              '        content, _ = encode(images)',
              '        save(decode(content))',
            ]
          : ['print(count_parameters(trainer))']),
      '',
    ].join('\n');

  it('reads a flat script that loads weights, evaluates and calls the model under no_grad at its top as inference', async () => {
    const run = await runOf(
      { 'test.py': flatTest('no_grad'), 'trainer.py': 'class Translator:\n    pass\n' },
      'test.py',
    );
    assert.equal(run?.mode, 'inference');
  });

  it('reads the same script without no_grad, looping over its inputs with the model, as inference', async () => {
    const run = await runOf({ 'test_batch.py': flatTest('loop') }, 'test_batch.py');
    assert.equal(run?.mode, 'inference');
    assert.equal(await runOf({ 'count.py': flatTest('none') }, 'count.py'), undefined);
  });

  it("reads a test script whose project trainer object only loads a checkpoint as inference, not as that trainer's training", async () => {
    const script = [
      'import argparse',
      'import torch',
      'from trainer import Trainer',
      '',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--ckpt', type=str)",
      'opts = parser.parse_args()',
      'trainer = Trainer(config)',
      'trainer.cuda()',
      'trainer.load_ckpt(opts.ckpt)',
      'trainer.eval()',
      'with torch.no_grad():',
      '    output_image = trainer.model.translate_simple(content_img, class_code)',
      '',
    ].join('\n');
    const run = await runOf({ 'test_k_shot.py': script }, 'test_k_shot.py');
    assert.equal(run?.mode, 'inference');
  });

  it('reads a main that binds its model from a loader of the module that loads the weights, then hands it to a runner', async () => {
    const script = (loaderEvaluates: boolean, loop: boolean) =>
      [
        'import torch',
        'import models_painter',
        '',
        'def prepare_model(chkpt_dir, arch):',
        '    model = getattr(models_painter, arch)()',
        "    checkpoint = torch.load(chkpt_dir, map_location='cpu')",
        "    model.load_state_dict(checkpoint['model'], strict=False)",
        ...(loaderEvaluates ? ['    model.eval()'] : []),
        '    return model',
        '',
        'def run_one_image(img, tgt, model, device):',
        '    return model(img.to(device), tgt.to(device))',
        '',
        "if __name__ == '__main__':",
        '    args = get_args_parser()',
        '    model_painter = prepare_model(args.ckpt_path, args.model)',
        ...(loaderEvaluates ? [] : ['    model_painter.eval()']),
        ...(loop
          ? [
              '    for img_path in paths:',
              '        output = run_one_image(load(img_path), tgt, model=model_painter, device=device)',
            ]
          : ['    output = run_one_image(img, tgt, model_painter, device)']),
        '',
      ].join('\n');
    for (const [evaluates, loop] of [
      [false, true],
      [true, true],
      [true, false],
    ] as const)
      assert.equal(
        (await runOf({ 'infer.py': script(evaluates, loop) }, 'infer.py'))?.mode,
        'inference',
        `${evaluates} ${loop}`,
      );
  });
});

describe("Fifty-sixth round: a package's predictor demo and the scripts that drive it (set BX)", () => {
  const PREDICTOR = (guard: boolean) =>
    [
      'import torch',
      'from src.model import bodypose_model',
      '',
      'class Body(object):',
      '    def __init__(self, model_path):',
      '        self.model = bodypose_model()',
      '        self.model.load_state_dict(torch.load(model_path))',
      '        self.model.eval()',
      '',
      '    def __call__(self, image):',
      '        heatmaps = []',
      '        for scale in [0.5, 1.0]:',
      '            data = torch.from_numpy(resize(image, scale)).float()',
      '            with torch.no_grad():',
      '                heatmap = self.model(data)',
      '            heatmaps.append(heatmap)',
      '        return heatmaps',
      '',
      ...(guard
        ? [
            "if __name__ == '__main__':",
            "    body_estimation = Body('../model/body_pose_model.pth')",
            "    candidate = body_estimation(cv2.imread('../images/ski.jpg'))",
            '',
          ]
        : []),
    ].join('\n');
  const MODEL = 'import torch.nn as nn\n\nclass bodypose_model(nn.Module):\n    pass\n';
  const DEMO = [
    'import cv2',
    'from src import util',
    'from src.body import Body',
    '',
    "body_estimation = Body('model/body_pose_model.pth')",
    "oriImg = cv2.imread('images/demo.jpg')",
    'candidate, subset = body_estimation(oriImg)',
    'canvas = util.draw_bodypose(oriImg, candidate, subset)',
    '',
  ].join('\n');

  it("keeps a package module whose main guard builds its predictor class from a weights file and calls it: the module's demo", async () => {
    const files = { 'src/__init__.py': '', 'src/model.py': MODEL, 'src/body.py': PREDICTOR(true), 'src/util.py': '' };
    const scan = await scanFiles(files);
    const body = scan.files.find((f) => f.display === 'src/body.py');
    assert.equal(body?.analysis.runs[0]?.run.mode, 'inference');
    const without = await scanFiles({ ...files, 'src/body.py': PREDICTOR(false) });
    assert.equal(without.files.find((f) => f.display === 'src/body.py')?.analysis.runs.length ?? 0, 0);
  });

  it("reads a flat demo that builds that predictor and calls the object as the predictor module's inference run", async () => {
    const files = { 'src/__init__.py': '', 'src/model.py': MODEL, 'src/body.py': PREDICTOR(true), 'demo.py': DEMO };
    const run = await runOf(files, 'demo.py');
    assert.equal(run?.mode, 'inference');
  });
});

describe('Fifty-sixth round: pretrained factories, smoke checks and summed epochs (sets BW, BO)', () => {
  it("reads a notebook's `timm.create_model(name, pretrained=True)` called on an image as inference", async () => {
    const cells = [
      ['import timm', 'from PIL import Image'],
      ['model_name = "vit_base_patch16_224"', 'model = timm.create_model(model_name, pretrained=True)'],
      ['img = transform(Image.open("images/dog.png"))[None, ...]', 'model(img).topk(5).indices[0].tolist()'],
    ];
    const notebook = JSON.stringify({
      cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source: source.join('\n') })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const run = await runOf({ 'examples/validation.ipynb': notebook }, 'examples/validation.ipynb');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'vit_base_patch16_224');
  });

  it('does not read one forward pass of a pretrained model on a made-up tensor as a run', async () => {
    const script = (input: string) =>
      [
        'import torch',
        'from timm.models import create_model',
        "model = create_model('vit_base_patch16_224', pretrained=True)",
        `image = ${input}`,
        'model = model.cuda()',
        'output = model(image)',
        "print('ok')",
        '',
      ].join('\n');
    assert.equal(
      await runOf({ 'dummy_test.py': script('torch.rand(1, 3, 224, 224).cuda()') }, 'dummy_test.py'),
      undefined,
    );
    const real = await runOf({ 'predict.py': script("load_image('dog.png').cuda()") }, 'predict.py');
    assert.equal(real?.mode, 'inference');
  });

  it("sums a pix2pix-style loop's epoch flags (`n_epochs + n_epochs_decay`) over what the first alone says", async () => {
    const options = [
      'import argparse',
      '',
      'class TrainOptions:',
      '    def initialize(self, parser):',
      "        parser.add_argument('--epoch_count', type=int, default=1)",
      "        parser.add_argument('--n_epochs', type=int, default=200)",
      "        parser.add_argument('--n_epochs_decay', type=int, default=200)",
      '        return parser',
      '',
    ].join('\n');
    const train = [
      'from options.train_options import TrainOptions',
      'from models import create_model',
      '',
      "if __name__ == '__main__':",
      '    opt = TrainOptions().parse()',
      '    model = create_model(opt)',
      '    for epoch in range(opt.epoch_count, opt.n_epochs + opt.n_epochs_decay + 1):',
      '        for data in dataset:',
      '            model.set_input(data)',
      '            model.optimize_parameters()',
      '',
    ].join('\n');
    const run = await runOf({ 'options/train_options.py': options, 'train.py': train }, 'train.py');
    assert.equal(run?.training.epochs, 400);
  });
});

describe('Fifty-sixth round: registry configs a README launches inline (set BW)', () => {
  /** A LIIF-style config: the registry name of the model section, the epochs the program reads by key. */
  const CONFIG = [
    'train_dataset:',
    '  dataset:',
    '    name: image-folder',
    '    args: {root_path: ./load/train_HR}',
    '  batch_size: 16',
    'model:',
    '  name: liif',
    '  args:',
    '    encoder_spec: {name: edsr-baseline}',
    'optimizer:',
    '  name: adam',
    '  args: {lr: 1.e-4}',
    'epoch_max: 1000',
    '',
  ].join('\n');
  /** The program: `import models` is the repository's own package; the loop starts where a resume left off. */
  const PROGRAM = [
    'import argparse',
    'import yaml',
    'import torch',
    'import models',
    '',
    'def main(config_):',
    '    global config',
    '    config = config_',
    '    model = models.make(config["model"]).cuda()',
    '    optimizer = torch.optim.Adam(model.parameters())',
    '    epoch_start = 1',
    "    epoch_max = config['epoch_max']",
    '    for epoch in range(epoch_start, epoch_max + 1):',
    '        for batch in loader:',
    '            loss = model(batch).mean()',
    '            optimizer.zero_grad()',
    '            loss.backward()',
    '            optimizer.step()',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--config')",
    '    args = parser.parse_args()',
    '    with open(args.config) as f:',
    '        config = yaml.load(f, Loader=yaml.FullLoader)',
    '    main(config)',
    '',
  ].join('\n');

  it("reads a command written inline in the README's prose as the config's launch, with the model section's name", async () => {
    const readme = (line: string) => ['# LIIF', '', '## Train', '', line, ''].join('\n');
    const files = { 'train_liif.py': PROGRAM, 'configs/train/train_edsr-liif.yaml': CONFIG };
    const inline = await runOf(
      {
        ...files,
        'README.md': readme('**Train**: `python train_liif.py --config configs/train/train_edsr-liif.yaml`.'),
      },
      'configs/train/train_edsr-liif.yaml',
    );
    assert.equal(inline?.mode, 'pretrain');
    assert.equal(inline?.model.name, 'liif');
    assert.equal(inline?.training.epochs, 1000);
    const prose = await runOf(
      { ...files, 'README.md': readme('Train with train_liif.py and the config in configs/train.') },
      'configs/train/train_edsr-liif.yaml',
    );
    assert.equal(prose, undefined);
  });

  it('gives a `[CONFIG_NAME].yaml` placeholder of an inline command every config of its folder', async () => {
    const run = await runOf(
      {
        'train_liif.py': PROGRAM,
        'configs/train-celeb/train_celeb-32-256.yaml': CONFIG,
        'README.md': '**Train**: `python train_liif.py --config configs/train-celeb/[CONFIG_NAME].yaml`.\n',
      },
      'configs/train-celeb/train_celeb-32-256.yaml',
    );
    assert.equal(run?.training.epochs, 1000);
  });

  it('reads a test script that runs one program over many configs as that inference program, past the linked-file cap', async () => {
    const test = [
      'import argparse',
      'import yaml',
      'import torch',
      'import models',
      '',
      'def eval_psnr(loader, model):',
      '    model.eval()',
      '    for batch in loader:',
      '        with torch.no_grad():',
      '            pred = model(batch)',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--config')",
      "    parser.add_argument('--model')",
      '    args = parser.parse_args()',
      '    with open(args.config) as f:',
      '        config = yaml.load(f, Loader=yaml.FullLoader)',
      "    model = models.make(torch.load(args.model)['model'], load_sd=True).cuda()",
      '    eval_psnr(loader, model)',
      '',
    ].join('\n');
    const configs: Record<string, string> = {};
    const lines: string[] = [];
    for (let i = 0; i < 24; i++) {
      configs[`configs/test/test-set${i}.yaml`] = `test_dataset:\n  batch_size: 1\neval_type: benchmark-${i}\n`;
      lines.push(`python test.py --config ./configs/test/test-set${i}.yaml --model $1 --gpu $2 &&`);
    }
    const run = await runOf(
      { 'test.py': test, ...configs, 'scripts/test-benchmark.sh': lines.join('\n') + '\ntrue\n' },
      'scripts/test-benchmark.sh',
    );
    assert.equal(run?.mode, 'inference');
  });
  it('keeps a config a run when its documented program starts nothing we can read: the line hands it this config', async () => {
    const config = [
      'parallel: true',
      'precision: bf16',
      'tokenizer_name: bert-base-uncased',
      'model:',
      '  name: encoder_bert',
      '  pretrained_model_name: ${tokenizer_name}',
      'starting_checkpoint_load_path: ./checkpoints/latest.pt',
      'tasks:',
      '  mnli: {seeds: [19]}',
      '',
    ].join('\n');
    const glue = [
      'import sys',
      'from tasks import run_jobs',
      '',
      "if __name__ == '__main__':",
      '    run_jobs(sys.argv[1])',
      '',
    ].join('\n');
    const readme = ['## Fine-tune', '', '```bash', 'python glue.py yamls/glue/encoder-bert-base.yaml', '```', ''].join(
      '\n',
    );
    const run = await runOf(
      {
        'glue.py': glue,
        'tasks.py': 'def run_jobs(path):\n    return path\n',
        'yamls/glue/encoder-bert-base.yaml': config,
        'README.md': readme,
      },
      'yamls/glue/encoder-bert-base.yaml',
    );
    assert.equal(run?.model.name, 'encoder_bert');
    assert.equal(run?.training.precision, 'bf16');
  });
});

describe('Fifty-sixth round: settings scripts a wrapper sources (set BW)', () => {
  /** A wrapper that sources the settings script it is handed and launches the program with its flags. */
  const WRAPPER = [
    '#! /bin/bash',
    'NUM_WORKERS=4',
    'NUM_GPUS_PER_WORKER=8',
    'source $1',
    'run_cmd="deepspeed --num_nodes ${NUM_WORKERS} --num_gpus ${NUM_GPUS_PER_WORKER} pretrain_lm.py ${lm_options}"',
    'eval ${run_cmd}',
    '',
  ].join('\n');
  const settings = (layers: number, iters: string) =>
    [
      '#! /bin/bash',
      'script_dir=$(dirname $(realpath $BASH_SOURCE))',
      'config_json="$script_dir/ds_config.json"',
      'lm_options=" \\',
      `       --num-layers ${layers} \\`,
      '       --hidden-size 1024 \\',
      '       --num-attention-heads 16 \\',
      '       --seq-length 512 \\',
      ...(iters ? [`       --train-iters ${iters} \\`] : ['       --load-pretrained /ckpt/lm-large \\']),
      '       --fp16 \\',
      '"',
      '',
    ].join('\n');
  const PROGRAM = [
    'import argparse',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--num-layers', type=int, default=24)",
    "    parser.add_argument('--train-iters', type=int, default=0)",
    '    args = parser.parse_args()',
    '    while iteration < args.train_iters:',
    '        loss = model(batch)',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    "if __name__ == '__main__':",
    '    main()',
    '',
  ].join('\n');
  const README = ['## Pretrain', '', '```shell', 'bash scripts/ds_pretrain.sh config/lm_large.sh', '```', ''].join(
    '\n',
  );

  it("reads a settings script a README hands to a sourcing wrapper as that launch's run, with its own flags", async () => {
    const files = {
      'scripts/ds_pretrain.sh': WRAPPER,
      'pretrain_lm.py': PROGRAM,
      'config/lm_large.sh': settings(24, '200000'),
      'README.md': README,
    };
    const run = await runOf(files, 'config/lm_large.sh');
    assert.equal(run?.mode, 'pretrain');
    assert.equal(run?.training.steps, 200000);
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.hardware.count, 32);
  });

  it('gives the settings scripts beside it that set the same variables the same launch; a model description is none', async () => {
    const files = {
      'scripts/ds_pretrain.sh': WRAPPER,
      'pretrain_lm.py': PROGRAM,
      'config/lm_large.sh': settings(24, '200000'),
      'config/lm_base.sh': settings(12, '150000'),
      'config/lm_pretrained.sh': settings(24, ''),
      'README.md': README,
    };
    const scan = await scanFiles(files);
    const run = (p: string) => scan.files.find((f) => f.display === p)?.analysis.runs[0]?.run;
    assert.equal(run('config/lm_base.sh')?.training.steps, 150000);
    assert.equal(run('config/lm_pretrained.sh'), undefined);
  });
});

describe('Fifty-sixth round: iteration limits in configs (sets BW, BX)', () => {
  it("reads a config's root `max_iter` as the run's steps, and not an optimizer section's own iteration limit", () => {
    const steps = (text: string) =>
      extractConfigFacts(text, 'yaml', 'configs/edges2shoes.yaml')
        .facts.filter((f) => f.kind === 'training.steps')
        .map((f) => f.value);
    assert.deepEqual(
      steps('max_iter: 1000000             # maximum number of training iterations\nbatch_size: 1\n'),
      [1000000],
    );
    assert.deepEqual(steps('optimizer:\n  name: lbfgs\n  max_iter: 20\nepochs: 3\n'), []);
    assert.deepEqual(steps('optim:\n  max_steps: 50\nmax_steps: 30000\n'), [30000]);
  });
});

describe('Fifty-sixth round: Swin-style programs and their yacs configs (sets BW, BX, BH, BL)', () => {
  const MAIN = [
    'import argparse',
    'import torch',
    'try:',
    '    from apex import amp',
    'except ImportError:',
    '    amp = None',
    'from config import get_config',
    '',
    'def parse_option():',
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--cfg', type=str, required=True)",
    "    parser.add_argument('--amp-opt-level', type=str, default='O1', choices=['O0', 'O1', 'O2'])",
    "    parser.add_argument('--eval', action='store_true')",
    '    args, _ = parser.parse_known_args()',
    '    return args, get_config(args)',
    '',
    'def main(config):',
    '    model = build_model(config)',
    '    optimizer = build_optimizer(config, model)',
    '    if config.AMP_OPT_LEVEL != "O0":',
    '        model, optimizer = amp.initialize(model, optimizer, opt_level=config.AMP_OPT_LEVEL)',
    '    for epoch in range(config.TRAIN.START_EPOCH, config.TRAIN.EPOCHS):',
    '        train_one_epoch(config, model, optimizer)',
    '',
    "if __name__ == '__main__':",
    '    _, config = parse_option()',
    '    main(config)',
    '',
  ].join('\n');
  const DEFAULTS = [
    'from yacs.config import CfgNode as CN',
    '_C = CN()',
    '_C.MODEL = CN()',
    "_C.MODEL.TYPE = 'swin'",
    "_C.MODEL.NAME = 'swin_tiny_patch4_window7_224'",
    '_C.TRAIN = CN()',
    '_C.TRAIN.EPOCHS = 300',
    "_C.AMP_OPT_LEVEL = ''",
    '',
  ].join('\n');
  const CONFIG = ['MODEL:', '  TYPE: swin', '  NAME: swin_tiny_patch4_window7_224', 'TRAIN:', '  EPOCHS: 300', ''].join(
    '\n',
  );

  it("reads apex AMP's level from the flag the config mirrors (`--amp-opt-level` default O1 → config.AMP_OPT_LEVEL)", async () => {
    const run = await runOf({ 'main.py': MAIN.replace('required=True', "default='configs/x.yaml'") }, 'main.py');
    assert.equal(run?.training.precision, 'fp16');
  });

  it('names the program from the root when a guide in a subfolder names the config from there', async () => {
    const guide = [
      '## Train',
      '',
      '```bash',
      'python -m torch.distributed.launch --nproc_per_node 8 main.py --cfg configs/swin_tiny.yaml',
      '```',
      '',
    ].join('\n');
    const files = {
      'main.py': MAIN,
      'config.py': DEFAULTS,
      'configs/swin_tiny.yaml': CONFIG,
      'classification/README.md': guide,
    };
    const run = await runOf(files, 'configs/swin_tiny.yaml');
    assert.equal(run?.training.precision, 'fp16', 'main.py at the root is the program');
  });

  it("gives a yacs config the program its README trains it with, not the guide's evaluation command", async () => {
    const readme = (commands: string[]) => ['## Train', '', '```bash', ...commands, '```', ''].join('\n');
    const evaluate =
      'python -m torch.distributed.launch --nproc_per_node 1 main.py --eval --cfg configs/swin_tiny.yaml';
    const train = 'python -m torch.distributed.launch --nproc_per_node 8 main.py --cfg configs/swin_tiny.yaml';
    const files = { 'main.py': MAIN, 'config.py': DEFAULTS, 'configs/swin_tiny.yaml': CONFIG };
    const run = await runOf({ ...files, 'README.md': readme([evaluate, train]) }, 'configs/swin_tiny.yaml');
    assert.equal(run?.mode, 'pretrain');
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.hardware.count, 8);
  });
});

describe('Fifty-sixth round: pix2pix-family test programs (set BW)', () => {
  it('reads a main that builds the model from its options and calls `model.test()` over the test set as inference', async () => {
    const script = (step: string) =>
      [
        'from options.test_options import TestOptions',
        'from data import create_dataset',
        'from models import create_model',
        '',
        "if __name__ == '__main__':",
        '    opt = TestOptions().parse()',
        '    dataset = create_dataset(opt)',
        '    model = create_model(opt)',
        '    for i, data in enumerate(dataset):',
        '        if i == 0:',
        '            model.setup(opt)',
        '        model.set_input(data)',
        `        model.${step}()`,
        '        visuals = model.get_current_visuals()',
        '',
      ].join('\n');
    assert.equal((await runOf({ 'test.py': script('test') }, 'test.py'))?.mode, 'inference');
    assert.equal(await runOf({ 'test.py': script('compute_visuals') }, 'test.py'), undefined);
  });
});

describe('Fifty-sixth round: notebooks that load their model through a module of the repository (sets BX, BW, BQ)', () => {
  const DEMO = [
    'import torch',
    'import yaml',
    'from argparse import ArgumentParser',
    'from modules.generator import Generator',
    '',
    'def load_checkpoints(config_path, checkpoint_path):',
    '    with open(config_path) as f:',
    '        config = yaml.full_load(f)',
    "    generator = Generator(**config['model_params'])",
    '    checkpoint = torch.load(checkpoint_path)',
    "    generator.load_state_dict(checkpoint['generator'])",
    '    generator.eval()',
    '    return generator',
    '',
    'def make_animation(source, driving, generator):',
    '    with torch.no_grad():',
    '        return [generator(source, frame) for frame in driving]',
    '',
    "if __name__ == '__main__':",
    '    parser = ArgumentParser()',
    "    parser.add_argument('--config', required=True)",
    "    parser.add_argument('--checkpoint', default='vox-cpk.pth.tar')",
    '    opt = parser.parse_args()',
    '    generator = load_checkpoints(config_path=opt.config, checkpoint_path=opt.checkpoint)',
    '    predictions = make_animation(source_image, driving_video, generator)',
    '',
  ].join('\n');
  const notebook = (call: string) =>
    JSON.stringify({
      cells: [
        ['from demo import load_checkpoints, make_animation'],
        [call],
        ['predictions = make_animation(source_image, driving_video, generator)'],
      ].map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source: source.join('\n') })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });

  it('links the module whose loader the notebook calls at its top, and reads the run that module makes', async () => {
    const files = { 'demo.py': DEMO, 'modules/generator.py': 'class Generator:\n    pass\n' };
    const call = "generator = load_checkpoints(config_path='config/vox-256.yaml', checkpoint_path='vox-cpk.pth.tar')";
    const run = await runOf({ ...files, 'demo.ipynb': notebook(call) }, 'demo.ipynb');
    assert.equal(run?.mode, 'inference');
    assert.equal(await runOf({ ...files, 'demo.ipynb': notebook('generator = None') }, 'demo.ipynb'), undefined);
  });
});
