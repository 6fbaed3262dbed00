import * as assert from 'node:assert/strict';
import { runOf, scanFiles } from './helpers';

/** Fifty-fifth round: rules from what the blind sets read wrong (Hydra-instantiated trainers first). */

/** A base experiment: the trainer Hydra builds, with the parts each experiment must fill left mandatory. */
const BASE = [
  '# @package _global_',
  '',
  'defaults:',
  '  - /experiments/catalog.yaml',
  '  - _self_',
  '',
  'trainer:',
  '  _target_: visionkit.trainer.loop_trainer.VisionKitTrainer',
  '  max_epochs: ???',
  '  mode: train',
  '  accelerator: cuda',
  '  data: ???',
  '  model: ???',
  '  optim:',
  '    amp:',
  '      enabled: False',
  '      amp_dtype: float16',
  '    optimizer: ???',
  '',
  'launcher:',
  '  gpus_per_node: ???',
  '  num_nodes: ???',
  '  experiment_log_dir: ???',
  '',
].join('\n');

const CATALOG = ['# @package _global_', '', 'imagenet_train_list: /data/in1k/train.npy', ''].join('\n');

/** An experiment composed on the base: the network a wrapper holds, the job's shape, autocast in bfloat16. */
function experiment(lines: { mode?: string; initializer?: boolean; amp?: string; required?: string } = {}): string {
  return [
    '# @package _global_',
    '',
    ...(lines.required ? [`${lines.required}: ???`, ''] : []),
    'defaults:',
    '  - /experiments/base.yaml',
    '  - _self_',
    '',
    'launcher:',
    '  gpus_per_node: 8',
    '  num_nodes: 4',
    '',
    'trainer:',
    '  max_epochs: 300',
    ...(lines.mode ? [`  mode: ${lines.mode}`] : []),
    ...(lines.initializer
      ? [
          '  checkpoint:',
          '    model_weight_initializer:',
          '      _partial_: True',
          '      _target_: visionkit.model.checkpoint_utils.load_state_dict_into_model',
          '      state_dict:',
          '        _target_: visionkit.model.checkpoint_utils.load_checkpoint',
          '        checkpoint_path: ${pretrained_checkpoint_path}',
        ]
      : []),
    '  model:',
    '    _target_: visionkit.model.wrappers.MultiHeadWrapper',
    '    trunk:',
    '      _target_: visionkit.models.swin.SwinTransformer3D',
    '      embed_dim: 128',
    '      depths: [2, 2, 18, 2]',
    '    heads: []',
    '  optim:',
    '    amp:',
    `      enabled: ${lines.amp ? 'True' : 'False'}`,
    ...(lines.amp ? [`      amp_dtype: ${lines.amp}`] : []),
    '    optimizer:',
    '      _target_: torch.optim.AdamW',
    '',
  ].join('\n');
}

function folder(experimentText: string): Record<string, string> {
  return {
    'visionkit/config/experiments/base.yaml': BASE,
    'visionkit/config/experiments/catalog.yaml': CATALOG,
    'visionkit/config/experiments/swin/train_in1k.yaml': experimentText,
  };
}

const EXPERIMENT = 'visionkit/config/experiments/swin/train_in1k.yaml';

describe('Fifty-fifth round: Hydra-instantiated trainers (omnivision layout)', () => {
  it("makes an experiment composed on a base whose trainer Hydra builds a run, with the wrapper's trunk as its model", async () => {
    const run = await runOf(folder(experiment()), EXPERIMENT);
    assert.ok(run, 'the experiment is a run');
    assert.equal(run.model.name, 'SwinTransformer3D');
    assert.equal(run.training.epochs, 300);
    assert.equal(run.hardware.count, 32, 'launcher: 8 GPUs per node on 4 nodes');
    assert.equal(run.training.precision, 'fp32', 'autocast switched off');
    assert.equal(run.mode, 'pretrain');
  });

  it('leaves the base out: its trainer keeps the model and length mandatory', async () => {
    const scan = await scanFiles(folder(experiment()));
    const base = scan.leftOut.find((l) => l.display === 'visionkit/config/experiments/base.yaml');
    assert.match(base?.reason ?? '', /trainer\.(?:max_epochs|data|model): \?\?\?/);
  });

  it('reads autocast in the dtype its section names', async () => {
    const run = await runOf(folder(experiment({ amp: 'bfloat16' })), EXPERIMENT);
    assert.equal(run?.training.precision, 'bf16');
  });

  it('reads `mode: val` as an evaluation, and a weight initializer that loads a checkpoint as a fine-tune', async () => {
    assert.equal((await runOf(folder(experiment({ mode: 'val' })), EXPERIMENT))?.mode, 'inference');
    assert.equal((await runOf(folder(experiment({ initializer: true })), EXPERIMENT))?.mode, 'finetune');
  });

  it('keeps an experiment that leaves only a checkpoint path mandatory (given on the command line) a run', async () => {
    const run = await runOf(
      folder(experiment({ initializer: true, required: 'pretrained_checkpoint_path' })),
      EXPERIMENT,
    );
    assert.equal(run?.mode, 'finetune');
    const scan = await scanFiles(folder(experiment({ required: 'input_size' })));
    assert.match(scan.leftOut.find((l) => l.display === EXPERIMENT)?.reason ?? '', /input_size: \?\?\?/);
  });
});

/** A theconf program: every setting comes from the YAML given with `-c`, read through `C.get()`. */
const THECONF_TRAIN = [
  'import torch',
  'from theconf import Config as C, ConfigArgumentParser',
  '',
  'def train_and_eval(tag, dataroot):',
  "    max_epoch = C.get()['epoch']",
  "    model = get_model(C.get()['model'], 10)",
  '    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
  '    epoch_start = 1',
  '    for epoch in range(epoch_start, max_epoch + 1):',
  '        for x, y in loader:',
  '            loss = criterion(model(x), y)',
  '            loss.backward()',
  '            optimizer.step()',
  '',
  "if __name__ == '__main__':",
  "    parser = ConfigArgumentParser(conflict_handler='resolve')",
  "    parser.add_argument('--dataroot', type=str, default='/data')",
  '    args = parser.parse_args()',
  "    train_and_eval('x', args.dataroot)",
  '',
].join('\n');

const THECONF_CONFIG = [
  'model:',
  '  type: wresnet28_10',
  'dataset: cifar10',
  'batch: 256',
  'epoch: 200',
  'lr: 0.1',
  '',
].join('\n');

const THECONF_README = [
  '# Training',
  '',
  '```',
  '$ python trainer/train.py -c confs/wrn_cifar10.yaml --save cifar10.pth',
  '```',
  '',
].join('\n');

/** An rlkit-style script: the variant's algorithm arguments, handed to the algorithm or to run_experiment. */
function rlkitScript(launch: 'algorithm' | 'run_experiment'): string {
  return [
    ...(launch === 'run_experiment'
      ? [
          'from rlkit.launchers.launcher_util import run_experiment',
          'from rlkit.launchers.experiments.sac import experiment',
        ]
      : ['from rlkit.torch.torch_rl_algorithm import TorchBatchRLAlgorithm']),
    '',
    ...(launch === 'algorithm'
      ? [
          'def experiment(variant):',
          "    algorithm = TorchBatchRLAlgorithm(trainer=trainer, **variant['algorithm_kwargs'])",
          '    algorithm.train()',
          '',
        ]
      : []),
    "if __name__ == '__main__':",
    '    variant = dict(',
    '        algorithm="SAC",',
    '        algorithm_kwargs=dict(',
    '            num_epochs=3000,',
    '            num_eval_steps_per_epoch=5000,',
    '            num_trains_per_train_loop=1000,',
    '            batch_size=256,',
    '        ),',
    '    )',
    launch === 'algorithm'
      ? '    experiment(variant)'
      : "    run_experiment(experiment, variant=variant, exp_prefix='sac')",
    '',
  ].join('\n');
}

describe('Fifty-fifth round: rules from sets BS and BT', () => {
  it("takes a theconf program's epochs from the config it is run with (`C.get()['epoch']`, `range(1, n + 1)`)", async () => {
    const files = {
      'trainer/train.py': THECONF_TRAIN,
      'confs/wrn_cifar10.yaml': THECONF_CONFIG,
      'README.md': THECONF_README,
    };
    assert.equal((await runOf(files, 'confs/wrn_cifar10.yaml'))?.training.epochs, 200);
  });

  it("reads rlkit's schedule: epochs, and steps as epochs × loops × trains per loop", async () => {
    for (const launch of ['algorithm', 'run_experiment'] as const) {
      const run = await runOf({ 'examples/sac.py': rlkitScript(launch) }, 'examples/sac.py');
      assert.ok(run, `${launch}: a run`);
      assert.equal(run.training.epochs, 3000, launch);
      assert.equal(run.training.steps, 3_000_000, launch);
    }
  });

  it("reads rlkit's policy viewer (a snapshot's policy rolled out) as inference", async () => {
    const viewer = [
      'import argparse',
      'import torch',
      'from rlkit.samplers.rollout_functions import rollout',
      '',
      'def simulate_policy(args):',
      '    data = torch.load(args.file)',
      "    policy = data['evaluation/policy']",
      "    env = data['evaluation/env']",
      '    while True:',
      '        path = rollout(env, policy, max_path_length=args.H, render=True)',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('file', type=str)",
      "    parser.add_argument('--H', type=int, default=300)",
      '    simulate_policy(parser.parse_args())',
      '',
    ].join('\n');
    assert.equal((await runOf({ 'scripts/run_policy.py': viewer }, 'scripts/run_policy.py'))?.mode, 'inference');
  });

  it("keeps a sub-project named for the repository's package its own, not a vendored copy", async () => {
    const files = {
      'setup.py': 'from setuptools import setup\nsetup(name="videokit")\n',
      'videokit/__init__.py': '',
      'videokit/models.py': 'def create_resnet(depth=50):\n    return None\n',
      'tests/test_models.py': 'def test_x():\n    assert True\n',
      'videokit_trainer/setup.py': 'from setuptools import setup\nsetup(name="videokit_trainer")\n',
      'videokit_trainer/tests/test_app.py': 'def test_y():\n    assert True\n',
      'videokit_trainer/videokit_trainer/__init__.py': '',
      'videokit_trainer/videokit_trainer/train.py': [
        'import torch',
        '',
        "if __name__ == '__main__':",
        '    model = torch.nn.Linear(4, 2)',
        '    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
        '    for epoch in range(30):',
        '        loss = model(torch.randn(8, 4)).sum()',
        '        loss.backward()',
        '        optimizer.step()',
        '',
      ].join('\n'),
    };
    const scan = await scanFiles(files);
    const listed = scan.files.find((f) => f.display === 'videokit_trainer/videokit_trainer/train.py');
    assert.equal(listed?.analysis.runs[0]?.run.training.epochs, 30);
    const copied = await scanFiles({
      ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace(/^videokit_trainer/, 'otherkit'), v])),
    });
    assert.match(
      copied.leftOut.find((l) => l.display === 'otherkit/videokit_trainer/train.py')?.reason ?? '',
      /a copy of another project/,
    );
  });

  it("reads a Hydra primary config's nested model group, built from scratch by a factory, and no scheduler span as steps", async () => {
    const files = {
      'pkg/train_app.py': [
        'import hydra',
        'from hydra.utils import instantiate',
        '',
        '@hydra.main(config_path="conf", config_name=None)',
        'def main(cfg):',
        '    app = instantiate(cfg)',
        '    app.train()',
        '',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
      'pkg/conf/classification_slow_r50.yaml': [
        '_target_: pkg.train_app.VideoClassificationTrainApp',
        '',
        'defaults:',
        '  - schema/module: video_classification_module_conf',
        '  - module/model: slow_r50',
        '  - trainer: multi_gpu',
        '  - _self_',
        '',
        'module:',
        '  lr_scheduler:',
        '    max_iters: 196',
        '',
        'trainer:',
        '  num_nodes: 8',
        '  gpus: 8',
        '  max_epochs: 196',
        '',
      ].join('\n'),
      'pkg/conf/schema/module/video_classification_module_conf.yaml': 'ensemble_method: sum\n',
      'pkg/conf/module/model/slow_r50.yaml': [
        '_target_: pytorchvideo.models.resnet.create_resnet',
        'input_channel: 3',
        'model_depth: 50',
        'model_num_class: 400',
        '',
      ].join('\n'),
      'pkg/conf/trainer/multi_gpu.yaml': 'accelerator: gpu\nstrategy: ddp\n',
    };
    const run = await runOf(files, 'pkg/conf/classification_slow_r50.yaml');
    assert.ok(run, 'the primary config is a run');
    assert.equal(run.model.name, 'slow_r50');
    assert.equal(run.mode, 'pretrain');
    assert.equal(run.training.epochs, 196);
    assert.equal(run.training.steps ?? null, null);
  });
});

/** A training program whose settings come from the JSON (with `//` comments) given with `--opt`. */
const OPT_TRAIN = [
  'import argparse',
  'import torch',
  'from utils import option',
  '',
  "def main(json_path='options/train_a.json'):",
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--opt', type=str, default=json_path)",
  '    opt = option.parse(parser.parse_args().opt)',
  '    model = define_model(opt)',
  '    optimizer = torch.optim.Adam(model.parameters())',
  '    for epoch in range(100):',
  '        for batch in loader:',
  '            loss = model(batch)',
  '            loss.backward()',
  '            optimizer.step()',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

function optConfig(task: string): string {
  return [
    '{',
    `  "task": "${task}"   // the experiment's folder`,
    '  , "gpu_ids": [0]',
    '  , "path": {',
    '    "root": "superresolution"',
    '  }',
    '  , "netG": {',
    '    "net_type": "msrresnet0"  // the network',
    '    , "nb": 16',
    '  }',
    '}',
    '',
  ].join('\n');
}

describe('Fifty-fifth round: documented launches and siblings (sets BS–BV)', () => {
  it('reads a launch from a block marked with an info string that is no language (```buildoutcfg```)', async () => {
    const readme = [
      '# Supernet',
      '```buildoutcfg',
      'python -m torch.distributed.launch --nproc_per_node=8 --use_env train.py --data-path /data \\',
      '--cfg ./experiments/supernet-b.yaml --epochs 500',
      '```',
      '',
    ].join('\n');
    const run = await runOf(
      {
        'README.md': readme,
        'train.py': THECONF_TRAIN.replace('from theconf import Config as C, ConfigArgumentParser', 'import argparse'),
        'experiments/supernet-b.yaml': 'SUPERNET:\n  EMBED_DIM: 640\n  DEPTH: 16\nRETRAIN:\n  DEPTH: 14\n',
      },
      'experiments/supernet-b.yaml',
    );
    assert.equal(run?.hardware.count, 8);
  });

  it('reads a launch line from a ```python``` block, after the shell blocks, and gives JSON-with-comments siblings it', async () => {
    const readme = ['# Training', '', '```python', 'python main_train.py --opt options/train_a.json', '```', ''].join(
      '\n',
    );
    const files = {
      'README.md': readme,
      'main_train.py': OPT_TRAIN,
      'options/train_a.json': optConfig('a'),
      'options/train_b.json': optConfig('b'),
    };
    const scan = await scanFiles(files);
    for (const config of ['options/train_a.json', 'options/train_b.json']) {
      const file = scan.files.find((f) => f.display === config);
      assert.equal(file?.analysis.runs.length, 1, config);
      assert.ok(
        file?.analysis.linkedFiles.some((l) => l.endsWith('main_train.py')),
        config,
      );
    }
    // A shell block's launch of the same config comes first, wherever it is written.
    const both = {
      ...files,
      'README.md': `${readme}\n\`\`\`bash\ntorchrun --nproc_per_node=4 main_train.py --opt options/train_a.json\n\`\`\`\n`,
    };
    assert.equal((await runOf(both, 'options/train_a.json'))?.hardware.count, 4);
  });

  it("gives no sibling launch to a config holding only some of the documented config's model parts", async () => {
    const config = (generator: boolean) =>
      [
        'experiment:',
        '  tokenizer_checkpoint: tok.bin',
        'model:',
        '  vq_model:',
        '    codebook_size: 4096',
        ...(generator ? ['  generator:', '    hidden_size: 768', '    num_hidden_layers: 24'] : []),
        'dataset:',
        '  preprocessing:',
        '    crop_size: 256',
        '',
      ].join('\n');
    const sampler = [
      'import torch',
      'from utils import get_config_cli, get_tokenizer, get_generator, sample_fn',
      '',
      'def main():',
      '    config = get_config_cli()',
      '    torch.set_grad_enabled(False)',
      '    tokenizer = get_tokenizer(config)',
      '    generator = get_generator(config)',
      '    for _ in range(400):',
      '        samples = sample_fn(generator=generator, tokenizer=tokenizer)',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const files = {
      'README.md': '```bash\ntorchrun --nproc_per_node=8 sample.py config=configs/gen_l32.yaml\n```\n',
      'sample.py': sampler,
      'configs/gen_l32.yaml': config(true),
      'configs/tok_l32.yaml': config(false),
    };
    const scan = await scanFiles(files);
    const documented = scan.files.find((f) => f.display === 'configs/gen_l32.yaml')?.analysis.runs[0]?.run;
    assert.equal(documented?.mode, 'inference', 'the sampler turns gradients off and loops over its generator');
    assert.equal(scan.files.find((f) => f.display === 'configs/tok_l32.yaml')?.analysis.runs.length ?? 0, 0);
  });
});

describe('Fifty-fifth round: inference scripts and off switches (sets BT–BV)', () => {
  it('reads a module-level `with torch.no_grad():` loop over a loaded model as an inference run', async () => {
    const script = [
      'import torch',
      'from experts.model_bank import load_expert_model',
      '',
      "model, transform = load_expert_model(task='depth')",
      'loader = torch.utils.data.DataLoader(dataset, batch_size=64)',
      'with torch.no_grad():',
      '    for i, (x, path) in enumerate(loader):',
      '        pred = model(x)',
      '        save(pred, path)',
      '',
    ].join('\n');
    const run = await runOf({ 'experts/generate_depth.py': script }, 'experts/generate_depth.py');
    assert.equal(run?.mode, 'inference');
  });

  it('builds the network fresh when its pretrained build sits under a store_true switch inside a function', async () => {
    const script = [
      'import argparse',
      'import torch',
      'import torchvision.models as models',
      '',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--arch', default='resnet18')",
      "parser.add_argument('--epochs', default=90, type=int)",
      "parser.add_argument('--pretrained', dest='pretrained', action='store_true')",
      'args = parser.parse_args()',
      '',
      'def main():',
      '    if args.pretrained:',
      '        model = models.__dict__[args.arch](pretrained=True)',
      '    else:',
      '        model = models.__dict__[args.arch]()',
      '    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
      '    for epoch in range(args.epochs):',
      '        for x, y in loader:',
      '            loss = criterion(model(x), y)',
      '            loss.backward()',
      '            optimizer.step()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const run = await runOf({ 'imagenet.py': script }, 'imagenet.py');
    assert.equal(run?.model.name, 'resnet18');
    assert.equal(run?.mode, 'pretrain');
  });

  it('reads a yacs config whose architecture states its widths as EMBED_DIMS', async () => {
    const files = {
      'config.py': [
        'from yacs.config import CfgNode as CN',
        '_C = CN()',
        '_C.MODEL = CN()',
        "_C.MODEL.NAME = 'tiny_vit'",
        '_C.TRAIN = CN()',
        '_C.TRAIN.EPOCHS = 300',
        '',
      ].join('\n'),
      'configs/1k/tiny_21m.yaml': [
        'MODEL:',
        '  NAME: TinyNet-21M-1k',
        '  TYPE: tiny_net',
        '  TINY_NET:',
        '    DEPTHS: [2, 2, 6, 2]',
        '    EMBED_DIMS: [96, 192, 384, 576]',
        '',
      ].join('\n'),
    };
    const scan = await scanFiles(files);
    const facts = scan.files.find((f) => f.display === 'configs/1k/tiny_21m.yaml')?.analysis.facts ?? [];
    assert.ok(facts.some((f) => f.kind === 'run.framework' && f.value === 'yacs'));
  });
});

describe('Fifty-fifth round: test programs that evaluate a loaded model (set BV)', () => {
  it('reads a main that loads weights, puts the model in eval mode and runs it over its inputs as inference', async () => {
    const script = (evaluates: boolean) =>
      [
        'import os',
        'import argparse',
        'import torch',
        '',
        'def main():',
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model_name', type=str, default='dncnn_25')",
        "    parser.add_argument('--model_pool', type=str, default='model_zoo')",
        '    args = parser.parse_args()',
        "    model_path = os.path.join(args.model_pool, args.model_name + '.pth')",
        '    from models.network_dncnn import DnCNN as net',
        '    model = net(in_nc=1, out_nc=1, nc=64, nb=17)',
        '    model.load_state_dict(torch.load(model_path), strict=True)',
        ...(evaluates ? ['    model.eval()'] : []),
        '    for k, v in model.named_parameters():',
        '        v.requires_grad = False',
        '    for idx, img in enumerate(paths):',
        '        img_E = model(load(img))',
        '        save(img_E)',
        '',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n');
    assert.equal((await runOf({ 'main_test_dncnn.py': script(true) }, 'main_test_dncnn.py'))?.mode, 'inference');
    assert.equal((await runOf({ 'main_test_dncnn.py': script(false) }, 'main_test_dncnn.py'))?.mode, undefined);
  });

  it("reads a KAIR-style option file's `train.total_iter` as the run's steps and `netG.net_type` as its network", async () => {
    const readme = '```bash\npython main_train_vrt.py --opt options/vrt/train_vrt.json\n```\n';
    const option = [
      '{',
      '  "task": "vrt_reds"',
      '  , "gpu_ids": [0,1,2,3,4,5,6,7]',
      '  , "netG": {"net_type": "vrt"}',
      '  , "train": {',
      '    "G_lossfn_type": "charbonnier"',
      '    , "total_iter": 300000   // the iteration training stops at',
      '  }',
      '}',
      '',
    ].join('\n');
    const program = OPT_TRAIN.replace("json_path='options/train_a.json'", "json_path='options/vrt/train_vrt.json'");
    const run = await runOf(
      { 'README.md': readme, 'main_train_vrt.py': program, 'options/vrt/train_vrt.json': option },
      'options/vrt/train_vrt.json',
    );
    assert.equal(run?.training.steps, 300_000);
    assert.equal(run?.model.name, 'vrt', 'netG.net_type names the generator network');
  });
});

describe('Fifty-fifth round: documented wrapper scripts (set BU)', () => {
  it("reads the devices a documented `./tools/dist_train.sh config 8` asks for through the script's positional words", async () => {
    const wrapper = [
      '#!/usr/bin/env bash',
      'CONFIG=$1',
      'GPUS=$2',
      'PORT=${PORT:-28509}',
      'python3 -m torch.distributed.launch --nproc_per_node=$GPUS --master_port=$PORT \\',
      '    $(dirname "$0")/train.py $CONFIG --launcher pytorch ${@:3}',
      '',
    ].join('\n');
    const config = [
      "_base_ = ['../_base_/default_runtime.py']",
      "model = dict(type='MapNet', backbone=dict(type='ResNet', depth=50))",
      "optimizer = dict(type='AdamW', lr=6e-4, weight_decay=0.01)",
      'total_epochs = 24',
      "runner = dict(type='EpochBasedRunner', max_epochs=total_epochs)",
      '',
    ].join('\n');
    const files = (readme: string) => ({
      'docs/train_eval.md': readme,
      'tools/dist_train.sh': wrapper,
      'tools/train.py': 'import argparse\n',
      'projects/configs/_base_/default_runtime.py': "log_level = 'INFO'\n",
      'projects/configs/mapnet/mapnet_r50_24e.py': config,
    });
    const documented = '```\n./tools/dist_train.sh ./projects/configs/mapnet/mapnet_r50_24e.py 8\n```\n';
    assert.equal((await runOf(files(documented), 'projects/configs/mapnet/mapnet_r50_24e.py'))?.hardware.count, 8);
    const four = documented.replace(' 8\n', ' 4\n');
    assert.equal((await runOf(files(four), 'projects/configs/mapnet/mapnet_r50_24e.py'))?.hardware.count, 4);
  });
});
