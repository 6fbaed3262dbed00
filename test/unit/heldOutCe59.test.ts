import * as assert from 'node:assert/strict';
import { configTreeOf, configTreeRunner, unrunConfigReason } from '../../src/core/scan/unrunConfigTrees';
import { findModel } from '../../src/core/knowledge';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

/** Fifty-ninth round: rules from what the blind sets CE and CF read wrong. */

/** OpenMMLab's training program: it takes the config to run as its argument. */
const MMENGINE_TRAIN_TOOL = [
  'import argparse',
  'from mmengine.config import Config',
  'from mmengine.runner import Runner',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('config')",
  '    Runner.from_cfg(Config.fromfile(parser.parse_args().config)).train()',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

/** A program that hands its loader and optimizer to a training function of its own once per pass. */
const PER_PASS_TRAINING = (loop: string) =>
  [
    'import argparse',
    'import torch',
    'from torch import optim',
    'from torch.utils.data import DataLoader',
    'from model import AutoEncoder',
    '',
    'def train(epoch, loader, model, optimizer, device):',
    '    for i, (img, label) in enumerate(loader):',
    '        model.zero_grad()',
    '        loss = model(img.to(device)).mean()',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--epoch', type=int, default=560)",
    '    args = parser.parse_args()',
    '    loader = DataLoader(dataset, batch_size=128, shuffle=True)',
    "    model = AutoEncoder().to('cuda')",
    '    optimizer = optim.Adam(model.parameters(), lr=3e-4)',
    loop,
    "        train(i, loader, model, optimizer, 'cuda')",
    '',
  ].join('\n');

describe('Fifty-ninth round: epochs of a loop around a training function (set CF)', () => {
  it('counts the passes of a range whose body hands its index and the loader to train()', async () => {
    const flag = await pythonFacts(PER_PASS_TRAINING('    for i in range(args.epoch):'));
    assert.deepEqual(valuesOf(flag, 'training.epochs'), [560]);
    const literal = await pythonFacts(PER_PASS_TRAINING('    for i in range(10):'));
    assert.deepEqual(valuesOf(literal, 'training.epochs'), [10]);
  });

  it('counts nothing where the index is not handed on, or the function takes a step, not a pass', async () => {
    const notHanded = await pythonFacts(
      PER_PASS_TRAINING('    for i in range(10):').replace('train(i, loader,', 'train(0, loader,'),
    );
    assert.deepEqual(valuesOf(notHanded, 'training.epochs'), []);
    const step = await pythonFacts(
      PER_PASS_TRAINING('    for i in range(10):')
        .replace('def train(', 'def train_step(')
        .replace('        train(i, loader,', '        train_step(i, loader,'),
    );
    assert.deepEqual(valuesOf(step, 'training.epochs'), []);
  });

  it('reads a loop from max(0, last_epoch) as starting at 0 on a fresh run', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'import torch',
        'def train(a):',
        '    last_epoch = -1',
        '    if a.checkpoint_path:',
        '        last_epoch = torch.load(a.checkpoint_path)["epoch"]',
        '    for epoch in range(max(0, last_epoch), a.training_epochs):',
        '        for batch in loader:',
        '            loss = generator(batch).mean()',
        '            loss.backward()',
        '            optim_g.step()',
        'def main():',
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--training_epochs', default=100000, type=int)",
        '    a = parser.parse_args()',
        '    train(a)',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    );
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [100000]);
  });
});

describe('Fifty-ninth round: functions run by dotted name (set CE)', () => {
  const PROJECTOR = (mapped: string) =>
    [
      'import argparse',
      'import dnnlib',
      'import projector',
      '',
      'def project_image(proj, targets):',
      '    proj.start(targets)',
      '    while proj.get_cur_step() < proj.num_steps:',
      '        proj.step()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      'def project_real_images(network_pkl, dataset_name):',
      '    proj = projector.Projector()',
      '    project_image(proj, targets=images)',
      '',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--network', required=True)",
      '    kwargs = vars(parser.parse_args())',
      '    sc = dnnlib.SubmitConfig()',
      `    func_name_map = {'project-real-images': '${mapped}'}`,
      "    dnnlib.submit_run(sc, func_name_map['project-real-images'], **kwargs)",
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');

  it('reaches a function of the module named by a dotted string handed to a runner', async () => {
    const file = 'run_projector.py';
    const scan = await scanFiles({ [file]: PROJECTOR('run_projector.project_real_images') });
    const f = scan.files.find((x) => x.display === file);
    assert.equal(f?.analysis.notARun, undefined);
    assert.ok((f?.analysis.runs.length ?? 0) > 0);
    // A string naming no function of the module reaches nothing: the module stays a library.
    const other = await scanFiles({ [file]: PROJECTOR('run_projector.something_else') });
    assert.equal(other.files.find((x) => x.display === file)?.analysis.runs.length ?? 0, 0);
  });
});

describe('Fifty-ninth round: OpenMMLab configs nothing runs (set CE)', () => {
  const CONFIG = [
    "_base_ = ['../_base_/datasets/imagenet_bs32.py', '../_base_/default_runtime.py']",
    'model = dict(',
    "    type='ImageClassifier',",
    "    backbone=dict(type='ResNet', depth=50),",
    "    head=dict(type='LinearClsHead', num_classes=1000))",
    "optim_wrapper = dict(optimizer=dict(type='SGD', lr=0.1))",
    'train_cfg = dict(by_epoch=True, max_epochs=100)',
    '',
  ].join('\n');
  const ZOO = 'analyze/zoo_configs/configs/resnet/resnet50_8xb32_in1k.py';

  it('finds the project of a config and whether a program at or above it runs configs', () => {
    assert.equal(configTreeOf(ZOO), 'analyze/zoo_configs');
    assert.equal(configTreeOf('configs/x/y.py'), '');
    assert.equal(configTreeOf('train.py'), undefined);
    const files = ['detection/tools/train.py', 'analyze/eval.py', 'kernels/test_kernel.py', ZOO];
    const runner = configTreeRunner(files, []);
    assert.equal(runner('detection'), true);
    assert.equal(runner('analyze/zoo_configs'), false);
    assert.match(unrunConfigReason(ZOO, runner) ?? '', /no program of this repository runs/);
    // A launch documented outside the configs folder runs the tree; one in the zoo's own README does not.
    assert.equal(configTreeRunner(files, [{ target: ZOO, page: 'README.md' }])('analyze/zoo_configs'), true);
    const own = [{ target: ZOO, page: 'analyze/zoo_configs/configs/resnet/README.md' }];
    assert.equal(configTreeRunner(files, own)('analyze/zoo_configs'), false);
    // A runner above the tree (a root tools/train.py for projects/x/configs) runs it.
    assert.equal(configTreeRunner(['tools/train.py'], [])('projects/x'), true);
  });

  it('leaves out a copied model zoo no program runs, where the repository runs its own configs', async () => {
    const OWN = 'detection/configs/resnet/resnet50_8xb32_in1k.py';
    const files = {
      [ZOO]: CONFIG,
      [OWN]: CONFIG,
      'detection/tools/train.py': MMENGINE_TRAIN_TOOL,
      'analyze/eval.py': 'print(1)\n',
    };
    const scan = await scanFiles(files);
    const zoo = scan.files.find((f) => f.display === ZOO);
    assert.equal(zoo?.analysis.runs.length, 0);
    assert.match(zoo?.analysis.notARun ?? '', /OpenMMLab config that no program of this repository runs/);
    assert.ok((scan.files.find((f) => f.display === OWN)?.analysis.runs.length ?? 0) > 0);
    // With a runner of its own the copy is run too.
    assert.ok(await runOf({ ...files, 'analyze/zoo_configs/tools/train.py': MMENGINE_TRAIN_TOOL }, ZOO));
    // A repository with no runner anywhere runs its configs with a toolkit installed apart: they stay runs.
    assert.ok(await runOf({ [ZOO]: CONFIG, 'analyze/eval.py': 'print(1)\n' }, ZOO));
  });
});

describe('Fifty-ninth round: documented devices and conversions of released weights (sets BO, CF)', () => {
  it("gives a tools/train.py program's documented devices to the mmengine configs no page launches", async () => {
    const config = (name: string) =>
      [
        "_base_ = ['../_base_/models/cascade_rcnn.py', '../_base_/default_runtime.py']",
        `model = dict(backbone=dict(type='${name}', depths=[2, 2, 6, 2]))`,
        "optim_wrapper = dict(optimizer=dict(type='AdamW', lr=0.0001))",
        'train_cfg = dict(by_epoch=True, max_epochs=36)',
        '',
      ].join('\n');
    const readme = [
      '# Detection',
      '```bash',
      'python -m torch.distributed.launch --nproc_per_node=8 tools/train.py configs/ours/cascade_ours_tiny_3x_coco.py --launcher pytorch',
      '```',
      '',
    ].join('\n');
    const files = {
      'detection/configs/ours/cascade_ours_tiny_3x_coco.py': config('OursTiny'),
      'detection/configs/ours/cascade_ours_base_3x_coco.py': config('OursBase'),
      'detection/tools/train.py': MMENGINE_TRAIN_TOOL,
      'detection/README.md': readme,
    };
    const other = await runOf(files, 'detection/configs/ours/cascade_ours_base_3x_coco.py');
    assert.equal(other?.hardware.count, 8);
    // Without the documented launch nothing says how many.
    const bare = await runOf(
      { ...files, 'detection/README.md': '# Detection\n' },
      'detection/configs/ours/cascade_ours_base_3x_coco.py',
    );
    assert.equal(bare?.hardware.count, 1);
  });

  it('sizes the Hub conversions of the LLaMA-1 weights as the weights they hold', () => {
    for (const id of ['yahma/llama-7b-hf', 'decapoda-research/llama-7b-hf', 'luodian/llama-7b-hf'])
      assert.equal(findModel(id)?.params, 6_738_415_616, id);
    assert.equal(findModel('decapoda-research/llama-13b-hf')?.params, findModel('huggyllama/llama-13b')?.params);
  });
});
