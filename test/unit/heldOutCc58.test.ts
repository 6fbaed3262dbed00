import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { runOf, scanFiles, valuesOf } from './helpers';

/** Fifty-eighth round: rules from what the blind sets CC and CD read wrong. */

/** A notebook of one code cell. */
const notebook = (code: string) =>
  JSON.stringify({
    cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: code.split(/(?<=\n)/) }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });

describe('Fifty-eighth round: launch lines (set CC)', () => {
  it('reads a launch through an interpreter kept in a variable whose folder the user fills in', () => {
    const script = [
      '#!/bin/bash',
      'ARCH="alexnet"',
      'PYTHON="/private/home/${USER}/envs/conda/bin/python"',
      'CUDA_VISIBLE_DEVICES=0 ${PYTHON} main.py /data --arch ${ARCH} --epochs 200',
      '',
    ].join('\n');
    const facts = extractShellFacts(script);
    assert.deepEqual(valuesOf(facts, 'link.script'), ['main.py']);
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [200]);
    // A variable that is not an interpreter starts nothing.
    const tool = extractShellFacts(script.replace('bin/python"', 'bin/rsync"'));
    assert.deepEqual(valuesOf(tool, 'link.script'), []);
  });

  it('counts the devices of a quoted id list and the cores of TPU hosts', () => {
    const gpus = extractShellFacts("python3 ./train/train_denoise.py --arch Uformer_B --gpu '0,1' --batch_size 32\n");
    assert.deepEqual(valuesOf(gpus, 'hardware.devices'), [2]);
    const tpu = extractShellFacts(
      'python run_race.py --use_tpu=True --num_hosts=4 --num_core_per_host=8 \\\n  --train_steps=12000\n',
    );
    assert.deepEqual(valuesOf(tpu, 'hardware.devices'), [8]);
    assert.deepEqual(valuesOf(tpu, 'hardware.nodes'), [4]);
    assert.deepEqual(valuesOf(tpu, 'training.steps'), [12000]);
  });

  it('does not read an Estimator output folder handed a model-named variable as the model', () => {
    const script = [
      'INIT_CKPT_DIR=xlnet_cased_L-12_H-768_A-12',
      'MODEL_DIR=experiment/squad',
      'python run_squad.py --init_checkpoint=${INIT_CKPT_DIR}/xlnet_model.ckpt --model_dir=${MODEL_DIR} --do_train=True',
      '',
    ].join('\n');
    assert.deepEqual(valuesOf(extractShellFacts(script), 'model.id'), []);
    // The same variable handed to a flag that loads a model still names it.
    const loads = script.replace('--model_dir=${MODEL_DIR}', '--eval_from=${MODEL_DIR}');
    assert.deepEqual(valuesOf(extractShellFacts(loads), 'model.id'), ['experiment/squad']);
  });
});

describe('Fifty-eighth round: TensorFlow flag programs (set CC)', () => {
  const program = (cores: string) =>
    [
      'from absl import flags',
      'import tensorflow as tf',
      'flags.DEFINE_bool("use_tpu", default=True, help="Use TPUs rather than plain CPUs.")',
      'flags.DEFINE_integer("num_hosts", default=1, help="number of TPU hosts")',
      `flags.DEFINE_integer("${cores}", default=8, help="number of cores per host")`,
      'flags.DEFINE_integer("train_steps", default=100000, help="Total number of training steps.")',
      'flags.DEFINE_integer("n_layer", default=6, help="Number of layers.")',
      'flags.DEFINE_integer("d_model", default=32, help="Dimension of the model.")',
      'flags.DEFINE_integer("n_token", 32000, help="Vocab size")',
      'FLAGS = flags.FLAGS',
      '',
      'def main(unused_argv):',
      '  estimator = tf.estimator.tpu.TPUEstimator(model_fn=model_fn, use_tpu=FLAGS.use_tpu)',
      '  estimator.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)',
      '',
      'if __name__ == "__main__":',
      '  tf.app.run()',
      '',
    ].join('\n');

  it('reads the cores a program shards over by default and the vocabulary it sizes its embedding by', async () => {
    const run = await runOf({ 'train.py': program('num_core_per_host') }, 'train.py');
    assert.equal(run?.hardware.count, 8);
    // 12 · 6 layers · 32² + 32,000 tokens × 32: the vocabulary's embedding counted.
    assert.equal(run?.model.params, 12 * 6 * 32 * 32 + 32000 * 32);
    // Another device flag's default is not a count the program is sure to use.
    const other = await runOf({ 'train.py': program('num_gpus') }, 'train.py');
    assert.equal(other?.hardware.count, 1);
  });
});

describe('Fifty-eighth round: epochs of option modules (sets CC, CD)', () => {
  const options = [
    'import argparse',
    'class TrainOptions:',
    '    def __init__(self):',
    '        self.parser = argparse.ArgumentParser()',
    "        self.parser.add_argument('--niter', type=int, default=10, help='# of iter at starting learning rate')",
    "        self.parser.add_argument('--niter_decay', type=int, default=10, help='# of iter to linearly decay')",
    '    def parse(self):',
    '        return self.parser.parse_args()',
    '',
  ].join('\n');
  const train = (start: string) =>
    [
      'import torch',
      'from options.train_options import TrainOptions',
      'from models.models import create_model, init_params',
      '',
      'def train():',
      '    opt = TrainOptions().parse()',
      '    model, optimizer = create_model(opt)',
      `    ${start}, total_steps = init_params(opt, model)`,
      `    for epoch in range(${start}, opt.niter + opt.niter_decay + 1):`,
      '        for data in loader:',
      '            loss = model(data)',
      '            optimizer.zero_grad()',
      '            loss.backward()',
      '            optimizer.step()',
      '',
      "if __name__ == '__main__':",
      '    train()',
      '',
    ].join('\n');

  it('counts a loop from a resumed epoch to a sum of flags as the sum', async () => {
    const files = { 'options/train_options.py': options, 'train.py': train('start_epoch') };
    const run = await runOf(files, 'train.py');
    assert.equal(run?.training.epochs, 20);
    const launched = await runOf(
      { ...files, 'scripts/train_face.sh': 'python train.py --niter 20 --niter_decay 20 --gpu_ids 0,1\n' },
      'scripts/train_face.sh',
    );
    assert.equal(launched?.training.epochs, 40);
    // A start the program does not name as a resumed epoch is not assumed to be 1.
    const other = await runOf({ ...files, 'train.py': train('first') }, 'train.py');
    assert.notEqual(other?.training.epochs, 20);
  });

  const flatProgram = [
    'import os',
    'import argparse',
    'import options',
    "opt = options.Options().init(argparse.ArgumentParser(description='Image denoising')).parse_args()",
    'import torch',
    'model = build(opt)',
    'optimizer = torch.optim.AdamW(model.parameters())',
    'start_epoch = 1',
    'for epoch in range(start_epoch, opt.nepoch + 1):',
    '    for data in loader:',
    '        loss = model(data)',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    '',
  ].join('\n');
  const optionsModule = [
    'class Options():',
    '    def init(self, parser):',
    "        parser.add_argument('--batch_size', type=int, default=32, help='batch size')",
    "        parser.add_argument('--nepoch', type=int, default=250, help='training epochs')",
    "        parser.add_argument('--warmup_epochs', type=int, default=3, help='epochs for warmup')",
    '        return parser',
    '',
  ].join('\n');

  it('reads the epochs of a flat script from the options class of a module it imports whole', async () => {
    const run = await runOf(
      { 'train/train_denoise.py': flatProgram, 'train/options.py': optionsModule },
      'train/train_denoise.py',
    );
    assert.equal(run?.training.epochs, 250);
  });
});

const yamlFacts = (text: string) => extractConfigFacts(text, 'yaml', 'config.yaml').facts;

describe('Fifty-eighth round: configs of model programs (set CC)', () => {
  const config = (tail: string[]) =>
    [
      'weights: ./models/st_gcn.ntu-xsub.pt',
      'feeder: feeder.feeder.Feeder',
      'model: net.st_gcn.Model',
      'model_args:',
      '  in_channels: 3',
      '  num_class: 60',
      ...tail,
      '',
    ].join('\n');

  it('reads a config that tests the weights it names, or names them with no training setting, as inference', () => {
    for (const tail of [
      ['phase: test', 'device: 0', 'test_batch_size: 64'],
      ['device: [0]', 'model_fps: 30'],
    ]) {
      const facts = yamlFacts(config(tail));
      assert.deepEqual(valuesOf(facts, 'launch.inference'), ['config:test-phase']);
      assert.deepEqual(valuesOf(facts, 'model.id'), ['net.st_gcn.Model']);
    }
    // Weights beside a training setting start a training; a train phase is not a test.
    for (const tail of [['base_lr: 0.1', 'num_epoch: 80'], ['phase: train']])
      assert.deepEqual(valuesOf(yamlFacts(config(tail)), 'launch.inference'), []);
  });

  it('counts the device ids a config lists', () => {
    assert.deepEqual(valuesOf(yamlFacts('num_epoch: 80\ndevice: [0,1,2,3]\n'), 'hardware.devices'), [4]);
    assert.deepEqual(valuesOf(yamlFacts('num_epoch: 80\ndevice: [0]\n'), 'hardware.devices'), []);
    // A list of names or a repeated id is not a set of devices.
    assert.deepEqual(valuesOf(yamlFacts('num_epoch: 80\ndevices: [a, b]\n'), 'hardware.devices'), []);
    assert.deepEqual(valuesOf(yamlFacts('num_epoch: 80\ngpus: [0, 0]\n'), 'hardware.devices'), []);
  });
});

describe('Fifty-eighth round: evaluation programs in a test folder (set CD)', () => {
  const evaluation = [
    'import argparse',
    'import torch',
    "parser = argparse.ArgumentParser(description='Image denoising evaluation on DND')",
    "parser.add_argument('--weights', default='./pretrained_models/denoising/Uformer_B.pth', type=str)",
    'args = parser.parse_args()',
    'model = build_arch(args)',
    "model.load_state_dict(torch.load(args.weights)['state_dict'])",
    'model.cuda()',
    'model.eval()',
    'with torch.no_grad():',
    '    for ii, data in enumerate(test_loader):',
    '        restored = model(data[0].cuda())',
    '',
  ].join('\n');

  it('reads a program in a test/ folder as the evaluation it is', async () => {
    const scan = await scanFiles({ 'test/test_dnd.py': evaluation });
    assert.equal(scan.files.find((f) => f.display === 'test/test_dnd.py')?.analysis.runs[0]?.run.mode, 'inference');
    // In tests/, or with a test function, it stays a test.
    for (const [path, text] of [
      ['tests/test_dnd.py', evaluation],
      ['test/srt/model/reference_hf.py', evaluation],
      ['test/test_dnd.py', `${evaluation}\ndef test_shapes():\n    assert True\n`],
    ]) {
      const other = await scanFiles({ [path]: text });
      assert.equal(
        other.leftOut.some((l) => l.display === path),
        true,
        path,
      );
    }
  });
});

describe('Fifty-eighth round: DINOv3 training configs (set CD)', () => {
  const dinov3 = (extra: string[]) =>
    [
      'compute_precision:',
      '  param_dtype: bf16',
      '  reduce_dtype: fp32',
      'train:',
      '  batch_size_per_gpu: 16',
      '  OFFICIAL_EPOCH_LENGTH: 1000',
      'student:',
      '  arch: vit_7b',
      '  patch_size: 16',
      ...extra,
      'optim:',
      '  epochs: 1000',
      '',
    ].join('\n');

  it('sizes the ViT-7B and reads the precision every network computes in', () => {
    const facts = yamlFacts(dinov3(['  fp8_enabled: false']));
    // 40 blocks × (4 × 4096² + 2 × 4096 × 12,288): SwiGLU of hidden width 8192; 6,716M in the model card.
    assert.deepEqual(valuesOf(facts, 'model.params'), [40 * (4 * 4096 * 4096 + 2 * 4096 * 12288)]);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['bf16']);
    assert.deepEqual(valuesOf(yamlFacts(dinov3(['  fp8_enabled: true'])), 'training.precision'), ['fp8']);
  });
});

describe('Fifty-eighth round: ml_collections configs built whole (set CD)', () => {
  const config = (build: string) =>
    [
      '"""Config file for object detection fine-tuning and evaluation."""',
      'from configs.config_base import D',
      '',
      'def get_config(config_str=None):',
      '  image_size = (640, 640)',
      `  config = ${build}(`,
      `      model=${build}(name='encoder_ar_decoder', image_size=image_size, pretrained_ckpt='gs://bucket/obj365_vit_b'),`,
      `      optimization=${build}(optimizer='adamw', learning_rate=3e-5),`,
      `      train=${build}(batch_size=32, epochs=40, steps=0),`,
      `      eval=${build}(tag='eval', batch_size=8, steps=0),`,
      '  )',
      '  return config',
      '',
    ].join('\n');

  it('reads the sections of a config built by one call of a ConfigDict factory', async () => {
    const run = await runOf({ 'configs/config_det_finetune.py': config('D') }, 'configs/config_det_finetune.py');
    assert.equal(run?.model.name, 'encoder_ar_decoder');
    assert.equal(run?.training.epochs, 40);
    assert.equal(run?.mode, 'finetune');
    // A call that does not nest as the config's sections is no factory of it.
    const flat = config('D')
      .replace(/model=D\(/, 'model=dict(')
      .replace(/train=D\(/, 'train=dict(');
    const other = await runOf(
      {
        'configs/config_det_finetune.py': flat
          .replace(/optimization=D\(/, 'optimization=dict(')
          .replace(/eval=D\(/, 'eval=dict('),
      },
      'configs/config_det_finetune.py',
    );
    assert.notEqual(other?.training.epochs, 40);
  });
});

describe('Fifty-eighth round: runs started from the top of a file (sets CC, CD)', () => {
  it('counts the epochs of a progress bar over the list of a range', async () => {
    const program = (bound: string) =>
      [
        'import argparse',
        'import torch',
        'from tqdm import tqdm',
        'parser = argparse.ArgumentParser()',
        "parser.add_argument('--start_epoch', type=int, default=1)",
        "parser.add_argument('--total_epochs', type=int, default=10000)",
        'args = parser.parse_args()',
        'model = build(args)',
        'optimizer = torch.optim.Adam(model.parameters())',
        `progress = tqdm(${bound}, miniters=1, desc='Overall Progress')`,
        'for epoch in progress:',
        '    for data in loader:',
        '        loss = model(data)',
        '        optimizer.zero_grad()',
        '        loss.backward()',
        '        optimizer.step()',
        '',
      ].join('\n');
    const run = await runOf({ 'main.py': program('list(range(args.start_epoch, args.total_epochs + 1))') }, 'main.py');
    assert.equal(run?.training.epochs, 10000);
    // Another call around the range is not a list of it.
    const other = await runOf(
      { 'main.py': program('sorted(range(args.start_epoch, args.total_epochs + 1))') },
      'main.py',
    );
    assert.notEqual(other?.training.epochs, 10000);
  });

  it("reads a notebook that calls its sibling module's run function as that module's run", async () => {
    const train = [
      'import torch',
      '',
      'def train_model(config):',
      '    model = build(config)',
      '    optimizer = torch.optim.Adam(model.parameters(), lr=config["lr"])',
      '    for epoch in range(20):',
      '        for batch in loader:',
      '            loss = model(batch)',
      '            optimizer.zero_grad()',
      '            loss.backward()',
      '            optimizer.step()',
      '',
    ].join('\n');
    const calls =
      'from config import get_config\ncfg = get_config()\nfrom train import train_model\n\ntrain_model(cfg)\n';
    const scan = await scanFiles({ 'train.py': train, 'Local_Train.ipynb': notebook(calls) });
    const run = scan.files.find((f) => f.display === 'Local_Train.ipynb')?.analysis.runs[0]?.run;
    assert.equal(run?.mode, 'pretrain');
    // Imported but not called at the top, it runs nothing.
    const idle = await scanFiles({
      'train.py': train,
      'Local_Train.ipynb': notebook(calls.replace('\ntrain_model(cfg)', '\ndef go():\n    train_model(cfg)')),
    });
    assert.equal(idle.files.find((f) => f.display === 'Local_Train.ipynb')?.analysis.runs.length ?? 0, 0);
  });
});

describe('Fifty-eighth round: notebooks that run a hub model (set CD)', () => {
  const cells = (fit: string) =>
    [
      'import torch',
      'from sklearn.decomposition import PCA',
      'MODEL_NAME = "dinov3_vitl16"',
      'model = torch.hub.load(repo_or_dir="facebookresearch/dinov3", model=MODEL_NAME)',
      'model.cuda()',
      'with torch.inference_mode():',
      "    with torch.autocast(device_type='cuda', dtype=torch.float32):",
      '        feats = model.get_intermediate_layers(image.cuda(), n=range(24), reshape=True, norm=True)',
      '        x = feats[-1].squeeze().cpu()',
      fit,
      '',
    ].join('\n');

  it('reads a hub model run under inference_mode as inference, beside a scikit-learn estimator fitted on its features', async () => {
    const run = await runOf(
      { 'notebooks/pca.ipynb': notebook(cells('pca = PCA(n_components=3)\npca.fit(x)')) },
      'notebooks/pca.ipynb',
    );
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'dinov3_vitl16');
    // A fit of something that is not a scikit-learn estimator is a training step: no inference is read.
    const keras = await runOf(
      { 'notebooks/pca.ipynb': notebook(cells('head = build_head()\nhead.fit(x, labels)')) },
      'notebooks/pca.ipynb',
    );
    assert.notEqual(keras?.mode, 'inference');
  });
});

describe("Fifty-eighth round: a tools/train.py program's documented devices (set BC)", () => {
  const config = [
    '__include__: ["../dataset/coco_detection.yml", "../runtime.yml"]',
    'output_dir: ./output/rtdetr_r18vd_6x_coco',
    'PResNet:',
    '  depth: 18',
    'epoches: 72',
    '',
  ].join('\n');
  const files = (program: string) => ({
    'rtdetr_pytorch/README.md': [
      '# RT-DETR',
      '',
      '- Training on Multiple GPUs:',
      '```shell',
      `torchrun --nproc_per_node=4 ${program} -c configs/rtdetr/rtdetr_r50vd_6x_coco.yml`,
      '```',
      '',
    ].join('\n'),
    [`rtdetr_pytorch/${program}`]: 'import argparse\nfrom src.solver import TASKS\n',
    'rtdetr_pytorch/configs/rtdetr/rtdetr_r50vd_6x_coco.yml': config.replace('18', '50'),
    'rtdetr_pytorch/configs/rtdetr/rtdetr_r18vd_6x_coco.yml': config,
    // A config in another folder: no sibling of the documented one.
    'rtdetr_pytorch/configs/rtdetr_v2/rtdetr_v2_r18vd_6x_coco.yml': config.replace('../', '../../'),
  });

  it('gives the configs no page launches the devices of the first training launch of their tools/train.py', async () => {
    const run = await runOf(files('tools/train.py'), 'rtdetr_pytorch/configs/rtdetr_v2/rtdetr_v2_r18vd_6x_coco.yml');
    assert.equal(run?.hardware.count, 4);
    // Another program's launches are not the configs' own.
    const other = await runOf(
      files('tools/export_onnx.py'),
      'rtdetr_pytorch/configs/rtdetr_v2/rtdetr_v2_r18vd_6x_coco.yml',
    );
    assert.notEqual(other?.hardware.count, 4);
  });

  it("reads pix2pixHD's --load_pretrain as a start from a checkpoint", () => {
    const launch = (flag: string) =>
      extractShellFacts(`python train.py --name label2city_1024 --niter_fix_global 10 ${flag} --lr 0.0001\n`);
    assert.deepEqual(valuesOf(launch('--load_pretrain checkpoints/label2city_512'), 'model.fromScratch'), [false]);
    assert.deepEqual(valuesOf(launch('--load_size 1024'), 'model.fromScratch'), []);
  });
});
