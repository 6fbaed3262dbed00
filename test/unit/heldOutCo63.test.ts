import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { findModelByName } from '../../src/core/knowledge';
import { pythonFacts, runOf, scanFiles, valuesOf } from './helpers';

const configFacts = (text: string, path = 'configs/run.yaml') => extractConfigFacts(text, 'yaml', path).facts;

/** Sixty-third round: rules from what the blind sets CO and CP (and older sets' long tails) read wrong. */

/** A quantisation/evaluation script that loads an architecture's checkpoint from a positional flag. */
const architectureLoad = (loader: string) =>
  [
    'import argparse',
    'import torch',
    '',
    'def get_model(name):',
    `    from transformers import ${loader.split('.')[0]}`,
    `    model = ${loader}(name, torch_dtype=torch.float16)`,
    '    model.seqlen = 2048',
    '    return model',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('model', type=str, help='checkpoint to load')",
    '    args = parser.parse_args()',
    '    model = get_model(args.model).cuda()',
    '    with torch.no_grad():',
    '        out = model.generate(torch.ones(1, 8, dtype=torch.long).cuda(), max_new_tokens=32)',
    '',
  ].join('\n');

describe('Sixty-third round: a checkpoint loaded by an architecture’s own class is named by it', () => {
  it('reads the class as the architecture when the checkpoint comes from a flag', async () => {
    const facts = await pythonFacts(architectureLoad('LlamaForCausalLM.from_pretrained'));
    assert.deepEqual(valuesOf(facts, 'model.id'), [null]);
    assert.deepEqual(valuesOf(facts, 'model.architectureClass'), ['LlamaForCausalLM']);
  });

  it('names the run’s model by the class and keeps its size unknown', async () => {
    const run = await runOf({ 'opt.py': architectureLoad('OPTForCausalLM.from_pretrained') }, 'opt.py');
    assert.ok(run, 'the script is a run');
    assert.equal(run.spec.model.name, 'OPTForCausalLM');
    assert.equal(run.spec.model.params, undefined);
    assert.ok(run.missing.some((m) => m.field === 'model.params'));
  });

  it('names no architecture for an Auto class, which takes it from the checkpoint (control)', async () => {
    const facts = await pythonFacts(architectureLoad('AutoModelForCausalLM.from_pretrained'));
    assert.deepEqual(valuesOf(facts, 'model.architectureClass'), []);
    const run = await runOf({ 'eval.py': architectureLoad('AutoModelForCausalLM.from_pretrained') }, 'eval.py');
    assert.equal(run?.spec.model.name, undefined);
  });

  it('keeps a checkpoint it can read as the model (control)', async () => {
    const code = architectureLoad('LlamaForCausalLM.from_pretrained').replace(
      'get_model(args.model)',
      "get_model('huggyllama/llama-7b')",
    );
    const run = await runOf({ 'llama.py': code }, 'llama.py');
    assert.equal(run?.spec.model.name, 'huggyllama/llama-7b');
  });
});

/** A small example script: a training function run by fire, its step count a parameter with a default. */
const fireTraining = (bound: string) =>
  [
    'import torch',
    'import fire',
    'from tqdm.auto import trange',
    '',
    `def train(${bound} = 1000, lr = 3e-4, batch_size = 256):`,
    '    model = torch.nn.Sequential(torch.nn.Linear(16, 8), torch.nn.Linear(8, 16))',
    '    opt = torch.optim.AdamW(model.parameters(), lr = lr)',
    `    pbar = trange(${bound})`,
    '    for _ in pbar:',
    '        opt.zero_grad()',
    '        x = torch.randn(batch_size, 16)',
    '        loss = (model(x) - x).pow(2).mean()',
    '        loss.backward()',
    '        opt.step()',
    '',
    "if __name__ == '__main__':",
    '    fire.Fire(train)',
    '',
  ].join('\n');

describe('Sixty-third round: a loop bound named for iterations in the singular', () => {
  it('reads train_iter as the steps', async () => {
    const facts = await pythonFacts(fireTraining('train_iter'));
    assert.deepEqual(valuesOf(facts, 'training.steps'), [1000]);
  });

  it('reads num_iter and max_iter alike', async () => {
    assert.deepEqual(valuesOf(await pythonFacts(fireTraining('num_iter')), 'training.steps'), [1000]);
    assert.deepEqual(valuesOf(await pythonFacts(fireTraining('max_iter')), 'training.steps'), [1000]);
  });

  it('reads no steps from a bound named for something else (control)', async () => {
    assert.deepEqual(valuesOf(await pythonFacts(fireTraining('num_samples')), 'training.steps'), []);
  });
});

/** An mmcv 1.x single-object tracker config written out whole: no base, no runner, `total_epochs`. */
const mmcv1Config = (checkpoint: string) =>
  [
    'cudnn_benchmark = False',
    'crop_size = 511',
    'model = dict(',
    "    type='SiamRPN',",
    '    backbone=dict(',
    "        type='SOTResNet',",
    '        depth=50,',
    '        frozen_stages=4,',
    `        init_cfg=dict(type='Pretrained', checkpoint='${checkpoint}')),`,
    "    head=dict(type='SiameseRPNHead', in_channels=[256, 256, 256]))",
    'data = dict(samples_per_gpu=28, workers_per_gpu=4)',
    "optimizer = dict(type='SGD', lr=0.005, momentum=0.9, weight_decay=0.0001)",
    'optimizer_config = dict(grad_clip=dict(max_norm=10.0, norm_type=2))',
    "lr_config = dict(policy='SiameseRPN', lr_configs=[dict(type='log', end_epoch=20)])",
    'checkpoint_config = dict(interval=1)',
    'total_epochs = 20',
    "dist_params = dict(backend='nccl')",
    'load_from = None',
    "workflow = [('train', 1)]",
    '',
  ].join('\n');

describe('Sixty-third round: an mmcv 1.x config written out whole is a run', () => {
  it('trains it for total_epochs', async () => {
    const facts = await pythonFacts(mmcv1Config('torchvision://resnet50'));
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['mmengine:config']);
    assert.deepEqual(valuesOf(facts, 'training.epochs'), [20]);
  });

  it('reads a backbone’s .model weights named for no task as an ImageNet backbone: pre-training', async () => {
    const facts = await pythonFacts(
      mmcv1Config('https://download.openmmlab.com/mmtracking/pretrained_weights/sot_resnet50.model'),
    );
    assert.deepEqual(valuesOf(facts, 'training.mode'), ['pretrain']);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [true]);
  });

  it('reads a backbone’s .pth.tar release named for no task as an ImageNet backbone too', async () => {
    const facts = await pythonFacts(
      mmcv1Config('https://github.com/org/repo/releases/download/v1.0/poolformer_s12.pth.tar'),
    );
    assert.deepEqual(valuesOf(facts, 'training.mode'), ['pretrain']);
  });

  it('reads a .pth.tar named for a detection run as a fine-tune (control)', async () => {
    const facts = await pythonFacts(mmcv1Config('https://example.org/ckpt/retinanet_r50_fpn_1x_coco.pth.tar'));
    assert.deepEqual(valuesOf(facts, 'training.mode'), []);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
  });

  it('keeps a model tree without an optimizer a fragment (control)', async () => {
    const fragment = mmcv1Config('torchvision://resnet50')
      .split('\n')
      .filter((l) => !/^(optimizer|optimizer_config|lr_config|total_epochs) =/.test(l))
      .join('\n');
    const facts = await pythonFacts(fragment);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), []);
  });
});

/** An argbind codec repository: a base run config, a one-GPU overlay and a variant over both, and the program. */
const argbindBase = [
  '# Model setup',
  'Codec.sample_rate: 44100',
  'Codec.encoder_dim: 64',
  'Codec.decoder_dim: 1536',
  'Critic.periods: [2, 3, 5]',
  'AdamW.lr: 0.0001',
  'ExponentialLR.gamma: 0.999996',
  '',
  'amp: false',
  'num_iters: 250000',
  'batch_size: 72',
  'seed: 0',
  '',
].join('\n');
const argbindProject: Record<string, string> = {
  'conf/base.yml': argbindBase,
  'conf/1gpu.yml': ['$include:', '  - conf/base.yml', '', 'batch_size: 12', ''].join('\n'),
  'conf/size/small.yml': ['$include:', '  - conf/base.yml', '  - conf/1gpu.yml', '', 'Codec.decoder_dim: 512', ''].join(
    '\n',
  ),
  'scripts/train.py': [
    'import argbind',
    'import torch',
    'from codec.model import Codec, Critic',
    '',
    'Codec = argbind.bind(Codec)',
    'Critic = argbind.bind(Critic)',
    'AdamW = argbind.bind(torch.optim.AdamW)',
    '',
    '@argbind.bind(without_prefix=True)',
    'def train(num_iters: int = 250000, batch_size: int = 12, amp: bool = False):',
    '    model = Codec().cuda()',
    '    opt = AdamW(model.parameters())',
    '    for step in range(num_iters):',
    '        loss = model(torch.randn(batch_size, 1, 44100).cuda()).mean()',
    '        loss.backward()',
    '        opt.step()',
    '',
    "if __name__ == '__main__':",
    '    args = argbind.parse_args()',
    '    with argbind.scope(args):',
    '        train()',
    '',
  ].join('\n'),
};

describe('Sixty-third round: argbind run configs', () => {
  it('reads the bound keys’ model, the length and the precision of a run config', () => {
    const facts = extractConfigFacts(argbindBase, 'yaml', 'conf/base.yml').facts;
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:argbind']);
    assert.deepEqual(valuesOf(facts, 'training.steps'), [250000]);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp32']);
    // The first class bound that is not an optimiser, a schedule or a critic: the network.
    assert.deepEqual(valuesOf(facts, 'model.id'), ['Codec']);
  });

  it('lists every config, an overlay with the length of what it includes, and not the program', async () => {
    const scan = await scanFiles(argbindProject);
    const runOfFile = (f: string) => scan.files.find((x) => x.display === f)?.analysis.runs[0]?.run;
    const small = runOfFile('conf/size/small.yml');
    assert.ok(small, 'the variant is a run');
    assert.equal(small.training.steps, 250000);
    assert.equal(small.spec.model.name, 'Codec');
    assert.ok(runOfFile('conf/base.yml'), 'the base config, included by others, is still a run of its own');
    assert.ok(runOfFile('conf/1gpu.yml'), 'the overlay is a run');
    assert.equal(runOfFile('scripts/train.py'), undefined, 'the program runs with a config: not a run alone');
  });

  it('is no argbind config: dotted keys without a length or an include list (control)', () => {
    const fragment = argbindBase.replace('num_iters: 250000\n', '');
    const facts = extractConfigFacts(fragment, 'yaml', 'conf/fragment.yml').facts;
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), []);
  });
});

/** A text detector's run config: a train section with its length, learning rate, batch and mixed precision. */
const detectorConfig = (checkpoint: string) =>
  [
    'results_dir: "./exp/"',
    'data_dir:',
    '  synthtext: "/data/SynthText/"',
    'train:',
    '  backbone: vgg',
    `  ckpt_path: ${checkpoint}`,
    '  batch_size: 5',
    '  st_iter: 0',
    '  end_iter: 50000',
    '  lr: 0.0001',
    '  amp: True',
    'test:',
    '  trained_model: null',
    '',
  ].join('\n');

describe('Sixty-third round: a run config with a training section', () => {
  it('reads the section’s length, precision and a start from nothing', () => {
    const facts = configFacts(detectorConfig('null'));
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:train-section']);
    assert.deepEqual(valuesOf(facts, 'training.steps'), [50000]);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp16']);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [true]);
  });

  it('reads a checkpoint under ckpt_path as a fine-tune', () => {
    const facts = configFacts(detectorConfig('"./pretrained_model/detector_clr_amp_29500.pth"'));
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
  });

  it('is no run: a schedule fragment with no data or network beside it (control)', () => {
    const fragment = ['train:', '  batch_size: 5', '  end_iter: 50000', '  lr: 0.0001', ''].join('\n');
    assert.deepEqual(valuesOf(configFacts(fragment), 'launch.trainer'), []);
  });

  it('is no run without a learning rate in the section (a sampler’s iterations, control)', () => {
    const sampler = detectorConfig('null').replace('  lr: 0.0001\n', '');
    assert.deepEqual(valuesOf(configFacts(sampler), 'launch.trainer'), []);
  });
});

/** A four-stage scene-text recogniser's run config, as a trainer notebook loads it. */
const recogniserConfig = [
  "experiment_name: 'en_filtered'",
  "train_data: 'all_data'",
  'batch_size: 32',
  'num_iter: 300000',
  "saved_model: ''",
  'FT: False',
  'lr: 1.',
  "Transformation: 'None'",
  "FeatureExtraction: 'VGG'",
  "SequenceModeling: 'BiLSTM'",
  "Prediction: 'CTC'",
  'output_channel: 256',
  'hidden_size: 256',
  '',
].join('\n');

describe('Sixty-third round: four-stage scene-text recognition configs', () => {
  it('names the recogniser by its stages and reads its iterations', () => {
    const facts = configFacts(recogniserConfig, 'config_files/en_config.yaml');
    assert.deepEqual(valuesOf(facts, 'model.id'), ['None-VGG-BiLSTM-CTC']);
    assert.deepEqual(valuesOf(facts, 'training.steps'), [300000]);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [true]);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['config:scene-text-recognition']);
  });

  it('needs all four stages (control)', () => {
    const three = recogniserConfig.replace("Prediction: 'CTC'\n", '');
    assert.deepEqual(valuesOf(configFacts(three, 'config_files/en_config.yaml'), 'launch.trainer'), []);
  });
});

describe('Sixty-third round: a notebook that calls its sibling module’s train function', () => {
  const notebook = JSON.stringify({
    cells: [
      { cell_type: 'code', metadata: {}, source: ['import yaml\n', 'from train import train\n'] },
      {
        cell_type: 'code',
        metadata: {},
        source: ["opt = yaml.safe_load(open('config.yaml'))\n", 'train(opt, amp=False)\n'],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 4,
  });
  const train = [
    'import torch',
    '',
    'def train(opt, amp=False):',
    '    model = torch.nn.Linear(4, 4).cuda()',
    '    optimizer = torch.optim.Adadelta(model.parameters(), lr=opt["lr"])',
    '    for i in range(opt["num_iter"]):',
    '        cost = model(torch.ones(4).cuda()).sum()',
    '        cost.backward()',
    '        optimizer.step()',
    '',
  ].join('\n');

  it('links the module, whose training loop makes the notebook a run', async () => {
    const run = await runOf({ 'trainer.ipynb': notebook, 'train.py': train }, 'trainer.ipynb');
    assert.ok(run, 'the notebook is a run');
    assert.equal(run.mode, 'pretrain');
  });
});

describe('Sixty-third round: another toolbox’s model configs kept for the demos', () => {
  it('leaves out demo/mmdetection_cfg and demo/mmtracking_cfg configs', () => {
    const config = mmcv1Config('torchvision://resnet50');
    assert.ok(nonRunPlaceReason('demo/mmdetection_cfg/faster_rcnn_r50_fpn_coco.py', config));
    assert.ok(nonRunPlaceReason('demo/mmtracking_cfg/tracktor_faster-rcnn_r50_fpn_4e_mot17-private.py', config));
  });

  it('keeps the demo programs and the toolbox’s own configs (control)', () => {
    assert.equal(nonRunPlaceReason('demo/top_down_img_demo_with_mmdet.py', 'import argparse'), undefined);
    assert.equal(
      nonRunPlaceReason('configs/sot/siamese_rpn/siamese_rpn_r50_20e_lasot.py', mmcv1Config('x')),
      undefined,
    );
  });
});

/** A JetStream server program and a training config it is handed on a launch line, MaxText-style. */
const jetstreamProject: Record<string, string> = {
  'MaxText/maxengine_server.py': [
    'import jax',
    'import pyconfig',
    'import maxengine_config',
    'from jetstream.core import server_lib',
    '',
    'def main(config):',
    '  devices = server_lib.get_devices()',
    '  server_config = maxengine_config.get_server_config("MaxtextInterleavedServer", config)',
    '  server = server_lib.run(threads=256, port=9000, config=server_config, devices=devices)',
    '  server.wait_for_termination()',
    '',
    'if __name__ == "__main__":',
    '  main(pyconfig.initialize(jax.sys.argv))',
    '',
  ].join('\n'),
  'MaxText/configs/base.yml': [
    'run_name: ""',
    'model_name: "default"',
    'global_parameter_scale: 1',
    'base_emb_dim: 2048',
    'base_num_query_heads: 16',
    'base_num_kv_heads: 16',
    'base_mlp_dim: 7168',
    'base_num_decoder_layers: 16',
    'head_dim: 128',
    'mlp_activations: ["silu", "linear"]',
    'vocab_size: 32000',
    'per_device_batch_size: 12',
    'steps: 150001',
    'dtype: "bfloat16"',
    'async_checkpointing: True',
    'ici_fsdp_parallelism: -1',
    'dcn_data_parallelism: -1',
    '',
  ].join('\n'),
  'scripts/serve_gemma.sh': [
    '#!/bin/bash',
    'python MaxText/maxengine_server.py MaxText/configs/base.yml model_name=gemma-7b weight_dtype=bfloat16 scan_layers=false',
    '',
  ].join('\n'),
};

describe('Sixty-third round: a serving program handed a training config serves', () => {
  it('reads a JetStream server started in the program as inference', async () => {
    const facts = await pythonFacts(jetstreamProject['MaxText/maxengine_server.py']);
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['jetstream']);
  });

  it('runs the launch line as inference, the config giving only the model’s settings', async () => {
    const run = await runOf(jetstreamProject, 'scripts/serve_gemma.sh');
    assert.ok(run, 'the launch script is a run');
    assert.equal(run.mode, 'inference');
  });

  it('still trains when the line runs a training program with the config (control)', async () => {
    const project = {
      ...jetstreamProject,
      'MaxText/train.py': [
        'import jax, optax',
        'def train_loop(config):',
        '  for step in range(config.steps):',
        '    state, metrics = p_train_step(state, batch)',
        '',
        'if __name__ == "__main__":',
        '  train_loop(pyconfig.initialize(jax.sys.argv))',
        '',
      ].join('\n'),
      'scripts/train_gemma.sh': 'python MaxText/train.py MaxText/configs/base.yml model_name=gemma-7b steps=100\n',
    };
    const run = await runOf(project, 'scripts/train_gemma.sh');
    assert.ok(run);
    assert.notEqual(run.mode, 'inference');
  });
});

describe('Sixty-third round: a released model named by family, version and size', () => {
  it('finds llama2-7b, gemma2-9b and llama3.1-8b as the Hub names them', () => {
    assert.equal(findModelByName('llama2-7b')?.id, 'meta-llama/Llama-2-7b-hf');
    assert.equal(findModelByName('gemma2-9b')?.id, 'google/gemma-2-9b');
    assert.equal(findModelByName('llama3.1-8b')?.id, 'meta-llama/Llama-3.1-8B');
  });

  it('sizes a run whose model is such a name from the catalog, not from the name', async () => {
    const run = await runOf(jetstreamProject, 'scripts/serve_gemma.sh');
    assert.equal(run?.spec.model.name, 'gemma-7b');
    assert.equal(run?.model.source, 'catalog');
    assert.ok(run && run.model.params > 8e9, 'google/gemma-7b has 8.5B parameters, more than its name says');
  });

  it('finds nothing for a size word alone (control)', () => {
    assert.equal(findModelByName('small'), undefined);
    assert.equal(findModelByName('llama9-7b'), undefined);
  });
});

describe('Sixty-third round: a network built from a class named through its module, then given trained weights', () => {
  const generator = (build: string) =>
    [
      'import argparse',
      'import json',
      'import torch',
      'import model as fast',
      '',
      'class FastGen:',
      '    @staticmethod',
      '    def build(ckpt_dir):',
      '        params = json.load(open(ckpt_dir + "/params.json"))',
      `        model = ${build}(fast.ModelArgs(**params))`,
      '        checkpoint = torch.load(ckpt_dir + "/consolidated.00.pth", map_location="cpu")',
      '        model.load_state_dict(checkpoint, strict=False)',
      '        return FastGen(model)',
      '',
      '    def __init__(self, model):',
      '        self.model = model',
      '',
      '    @torch.inference_mode()',
      '    def generate_all(self, prompts):',
      '        return [self.model(p) for p in prompts]',
      '',
      'def main(ckpt_dir):',
      '    g = FastGen.build(ckpt_dir)',
      '    print(g.generate_all([torch.ones(1, 8, dtype=torch.long)]))',
      '',
      'if __name__ == "__main__":',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("ckpt_dir")',
      '    main(parser.parse_args().ckpt_dir)',
      '',
    ].join('\n');

  it('reads fast.Transformer(...) given a torch.load checkpoint as an inference run of a trained model', async () => {
    const facts = await pythonFacts(generator('fast.Transformer'));
    assert.equal(valuesOf(facts, 'launch.inference').length, 1);
    assert.deepEqual(valuesOf(facts, 'model.fromScratch'), [false]);
  });

  it('reads the bare class as before (control)', async () => {
    const facts = await pythonFacts(generator('Transformer'));
    assert.equal(valuesOf(facts, 'launch.inference').length, 1);
  });
});

describe('Sixty-third round: optimising a latent by keyword with a frozen pipeline', () => {
  const edit = (optimizer: string, freeze: string) =>
    [
      'import torch',
      'from torch.optim.sgd import SGD',
      'from diffusers import StableDiffusionPipeline',
      '',
      "pipe = StableDiffusionPipeline.from_pretrained('runwayml/stable-diffusion-v1-5').to('cuda')",
      'for p in pipe.unet.parameters():',
      `    ${freeze}`,
      '',
      'def image_optimization(pipe, z_source, num_iters=200):',
      '    z_target = z_source.clone()',
      '    z_target.requires_grad = True',
      `    optimizer = ${optimizer}`,
      '    for i in range(num_iters):',
      '        loss = pipe.unet(z_target, 500, encoder_hidden_states=None).sample.pow(2).mean()',
      '        optimizer.zero_grad()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      'image_optimization(pipe, torch.randn(1, 4, 64, 64).cuda())',
      '',
    ].join('\n');

  it('reads SGD(params=[z_target]) over a latent, the UNet frozen with requires_grad = False, as inference', async () => {
    const facts = await pythonFacts(edit('SGD(params=[z_target], lr=1e-1)', 'p.requires_grad = False'));
    assert.deepEqual(valuesOf(facts, 'training.mode'), ['inference']);
  });

  it('keeps an optimizer over the model’s parameters a training (control)', async () => {
    const facts = await pythonFacts(edit('SGD(params=pipe.unet.parameters(), lr=1e-1)', 'p.requires_grad = False'));
    assert.deepEqual(valuesOf(facts, 'training.mode'), []);
  });
});

describe('Sixty-third round: lighteval model configs are inference runs', () => {
  const config = (extra: readonly string[]) =>
    [
      'model_parameters:',
      '  model_name: "HuggingFaceTB/SmolLM2-1.7B-Instruct"',
      '  revision: "main"',
      '  dtype: "float16"',
      ...extra,
      '  generation_parameters:',
      '    temperature: 0.0',
      '',
    ].join('\n');

  it('reads a transformers-backend config as an evaluation of its model', () => {
    const facts = configFacts(config(['  batch_size: 1']), 'examples/model_configs/transformers_model.yaml');
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['config:lighteval']);
    assert.deepEqual(valuesOf(facts, 'model.id'), ['HuggingFaceTB/SmolLM2-1.7B-Instruct']);
    assert.deepEqual(valuesOf(facts, 'inference.engine'), ['hf-generate']);
  });

  it('reads the vLLM backend by its keys', () => {
    const facts = configFacts(config(['  tensor_parallel_size: 2', '  gpu_memory_utilization: 0.4']));
    assert.deepEqual(valuesOf(facts, 'inference.engine'), ['vllm']);
    assert.deepEqual(valuesOf(facts, 'inference.tensorParallel'), [2]);
  });

  it('is no run: a client of a server elsewhere (control)', () => {
    const facts = configFacts(config(['  provider: "openai"', '  base_url: "https://router.example/v1"']));
    assert.deepEqual(valuesOf(facts, 'launch.inference'), []);
  });
});

describe('Sixty-third round: a data-processing pipeline executor is no model pipeline', () => {
  const program = (executor: string) =>
    [
      `from datatrove.executor import ${executor}`,
      'from datatrove.pipeline.readers import WarcReader',
      'from datatrove.pipeline.writers.jsonl import JsonlWriter',
      '',
      `main_processing_executor = ${executor}(`,
      '    pipeline=[WarcReader("s3://commoncrawl/"), JsonlWriter("out/")],',
      '    tasks=8000,',
      ')',
      'main_processing_executor.run()',
      '',
    ].join('\n');

  it('reads nothing of LocalPipelineExecutor(...).run()', async () => {
    const facts = await pythonFacts(program('LocalPipelineExecutor'));
    assert.deepEqual(valuesOf(facts, 'launch.inference'), []);
  });
});

describe('Sixty-third round: the network an optimizer is given names the model, whatever its binding', () => {
  const script = (binding: string) =>
    [
      'import sys',
      'import torch',
      'from torch import nn, optim',
      '',
      'class LatentSDE(nn.Module):',
      '    def __init__(self, hidden):',
      '        super().__init__()',
      '        self.net = nn.Linear(hidden, hidden)',
      '',
      '    def forward(self, x):',
      '        return self.net(x)',
      '',
      'def main():',
      // Sized by a command-line word: the class names the model, its size is not read.
      `    ${binding} = LatentSDE(int(sys.argv[1])).to("cuda")`,
      `    optimizer = optim.Adam(params=${binding}.parameters(), lr=1e-2)`,
      '    for global_step in range(5000):',
      '        optimizer.zero_grad()',
      `        loss = ${binding}(torch.randn(32, 64, device="cuda")).pow(2).mean()`,
      '        loss.backward()',
      '        optimizer.step()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');

  it('names the model LatentSDE from latent_sde = LatentSDE(...) handed to Adam', async () => {
    const facts = await pythonFacts(script('latent_sde'));
    assert.deepEqual(valuesOf(facts, 'model.id'), ['LatentSDE']);
  });

  it('names it through model = … as before (control)', async () => {
    assert.deepEqual(valuesOf(await pythonFacts(script('model')), 'model.id'), ['LatentSDE']);
  });
});

describe('Sixty-third round: apex FP16_Optimizer', () => {
  const program = (guard: string) =>
    [
      'import argparse',
      'import torch',
      'from apex.optimizers import FP16_Optimizer, FusedAdam',
      '',
      'parser = argparse.ArgumentParser()',
      `parser.add_argument("--fp16", type=boolean_string, default=${guard})`,
      'args = parser.parse_args()',
      'model = torch.nn.Linear(8, 8).cuda().half()',
      'optimizer = FusedAdam(model.parameters(), lr=1e-5)',
      'if args.fp16:',
      '    optimizer = FP16_Optimizer(optimizer, dynamic_loss_scale=True)',
      'for step in range(1000):',
      '    loss = model(torch.ones(8).cuda().half()).sum()',
      '    optimizer.backward(loss)',
      '    optimizer.step()',
      '',
    ].join('\n');

  it('reads FP16_Optimizer under a switch on by default as float16', async () => {
    const facts = await pythonFacts(program('True'));
    const fromOptimizer = facts.filter((f) => f.kind === 'training.precision' && f.detail.startsWith('FP16_Optimizer'));
    assert.deepEqual(
      fromOptimizer.map((f) => f.value),
      ['fp16'],
    );
  });

  it('reads it under a switch declared in another module as float32 unless the launch gives --fp16', async () => {
    const module = [
      'from fp16 import FP16_Optimizer',
      '',
      'def setup_optimizer(args, optimizer):',
      '    if args.fp16:',
      '        optimizer = FP16_Optimizer(optimizer, static_loss_scale=args.loss_scale)',
      '    return optimizer',
      '',
    ].join('\n');
    const facts = await pythonFacts(module);
    assert.deepEqual(valuesOf(facts, 'training.precision'), ['fp32']);
    assert.deepEqual(facts.find((f) => f.kind === 'training.precision')?.fromFlags, ['fp16']);
  });
});
