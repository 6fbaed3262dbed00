import * as assert from 'node:assert/strict';
import { srArchParams } from '../../src/core/extract/srArchParams';
import { fileNameDeviceFacts } from '../../src/core/extract/fileNameDevices';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { runOf, scanFiles } from './helpers';

/** Fiftieth round: rules from what sets BD, BE and BF read wrong. */

/** The run the scan shows for one file, or undefined. */

describe('Fiftieth round: rules from sets BD, BE and BF', () => {
  it('sizes EDSR and the modified SRResNet from their keywords, with the class defaults', () => {
    // EDSR-L ×2: conv_first 7,168 + 32 blocks × 2 × 590,080 + 590,080 + one ×2 step 2,360,320 + conv_last 6,915.
    assert.equal(
      srArchParams('EDSR', { num_in_ch: 3, num_out_ch: 3, num_feat: 256, num_block: 32, upscale: 2 })?.params,
      40_729_603,
    );
    // ×3 upsamples with one convolution to 9·num_feat; ×4 with two ×2 steps.
    assert.equal(
      srArchParams('EDSR', { num_in_ch: 3, num_out_ch: 3, num_feat: 256, num_block: 32, upscale: 3 })?.params,
      43_680_003,
    );
    assert.equal(
      srArchParams('EDSR', { num_in_ch: 3, num_out_ch: 3, num_feat: 256, num_block: 32, upscale: 4 })?.params,
      43_089_923,
    );
    assert.equal(srArchParams('MSRResNet', {})?.params, 1_517_571);
    assert.equal(srArchParams('MSRResNet', { upscale: 2 })?.params, 1_369_859);
    // EDSR has no default channel counts; neither class takes a ×5.
    assert.equal(srArchParams('EDSR', { num_feat: 64 }), undefined);
    assert.equal(srArchParams('EDSR', { num_in_ch: 3, num_out_ch: 3, upscale: 5 }), undefined);
    assert.equal(srArchParams('MSRResNet', { upscale: 8 }), undefined);
  });

  it('sizes an option file’s EDSR whose other keywords are lists (rgb_mean), not its size', async () => {
    const options = (extra: string) =>
      [
        'name: EDSR_Mx2',
        'model_type: SRModel',
        'scale: 2',
        'num_gpu: 1',
        'network_g:',
        '  type: EDSR',
        '  num_in_ch: 3',
        '  num_out_ch: 3',
        '  num_feat: 64',
        '  num_block: 16',
        '  upscale: 2',
        '  res_scale: 1',
        '  img_range: 255.',
        '  rgb_mean: [0.4488, 0.4371, 0.4040]',
        extra,
        'path:',
        '  pretrain_network_g: ~',
        'train:',
        '  total_iter: 300000',
        '',
      ].join('\n');
    const run = await runOf(
      { 'options/train/EDSR/train_EDSR_Mx2.yml': options('') },
      'options/train/EDSR/train_EDSR_Mx2.yml',
    );
    assert.equal(run?.model.params, 1_369_859);
    assert.equal(run?.training.steps, 300000);
    // A keyword the size is counted from, written as something else, still leaves it unknown.
    const unsure = await runOf(
      { 'options/train/EDSR/train_EDSR_Mx2.yml': options('  num_block: [16, 32]').replace('  num_block: 16\n', '') },
      'options/train/EDSR/train_EDSR_Mx2.yml',
    );
    assert.notEqual(unsure?.model.params, 1_369_859);
  });

  it('reads a config whose top-level _target_ names the class that runs it, with its training length, as a run', async () => {
    const workspace = [
      'import hydra',
      'import torch',
      'class TrainUnetWorkspace:',
      '    def __init__(self, cfg):',
      '        self.cfg = cfg',
      '    def run(self):',
      '        cfg = self.cfg',
      '        if cfg.training.debug:',
      '            cfg.training.num_epochs = 2',
      '        for epoch in range(cfg.training.num_epochs):',
      '            for batch in self.loader:',
      '                loss = self.model.compute_loss(batch)',
      '                loss.backward()',
      '                self.optimizer.step()',
      '',
      '@hydra.main(config_path="../config", config_name=pathlib.Path(__file__).stem)',
      'def main(cfg):',
      '    TrainUnetWorkspace(cfg).run()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const config = (target: string) =>
      [
        'defaults:',
        '  - _self_',
        '  - task: push_block',
        'name: train_unet',
        `_target_: ${target}`,
        'policy:',
        '  _target_: robo.policy.unet_policy.UnetImagePolicy',
        '  down_dims: [256, 512, 1024]',
        'training:',
        '  device: "cuda:0"',
        '  num_epochs: 3000',
        '  use_ema: True',
        '',
      ].join('\n');
    const files = {
      'robo/workspace/train_unet_workspace.py': workspace,
      'robo/config/task/push_block.yaml': 'name: push_block\nenv_runner:\n  _target_: robo.env_runner.PushRunner\n',
      'robo/config/train_unet_workspace.yaml': config('robo.workspace.train_unet_workspace.TrainUnetWorkspace'),
    };
    const scan = await scanFiles(files);
    const run = scan.files.find((f) => f.display === 'robo/config/train_unet_workspace.yaml')?.analysis.runs[0]?.run;
    assert.equal(run?.training.epochs, 3000);
    assert.equal(run?.mode, 'pretrain');
    assert.equal(run?.model.name, 'UnetImagePolicy');
    // The class's module is what the config runs: drawn into it, not a run of its own.
    const module = scan.files.find((f) => f.display === 'robo/workspace/train_unet_workspace.py');
    assert.equal(module?.analysis.runs.length ?? 0, 0);
    // A fragment building one library object, with no training length, is no run.
    const fragment = await runOf(
      { 'conf/optim.yaml': '_target_: torch.optim.AdamW\nlr: 0.0001\ntraining:\n  num_epochs: 10\n' },
      'conf/optim.yaml',
    );
    assert.equal(fragment, undefined);
  });

  it('reads a launch that hands the program weights to initialise from (--init_model) as a fine-tune', () => {
    const facts = (line: string) => extractShellFacts(`init=$1\n${line}\n`);
    const fromScratch = (line: string) => facts(line).find((f) => f.kind === 'model.fromScratch')?.value;
    assert.equal(fromScratch('python -m pkg.apps.run --do_train --init_model $init --num_train_epochs 6'), false);
    assert.equal(fromScratch('python run.py --init-checkpoint=ckpt/bert_model.ckpt --do_train'), false);
    // A word that names no weights, or no value at all, says nothing.
    assert.equal(fromScratch('python train.py --init_from scratch --max_iters 600000'), undefined);
    assert.equal(fromScratch('python train.py --init_model --do_train'), undefined);
  });

  it('merges a folder’s default.yaml under the configs beside it, and gives them the documented launch', async () => {
    const program = [
      'import sys, yaml, torch',
      'from pkg.setup import setup_exp_config',
      'config = setup_exp_config(sys.argv[1], recursive=True)',
      'model = build(config["net_config"])',
      'for epoch in range(config["run_config"]["n_epochs"]):',
      '    for x, y in loader:',
      '        loss = model(x).loss',
      '        loss.backward()',
      '        opt.step()',
      '',
    ].join('\n');
    const defaults = 'data_provider:\n  base_batch_size: 128\nrun_config:\n  n_epochs: 300\n  base_lr: 0.00025\n';
    const readme = [
      '# Training',
      '```bash',
      'torchrun --nnodes 1 --nproc_per_node=8 cls/train_cls.py cls/configs/net_b1.yaml --path .exp/b1/',
      '```',
      '',
    ].join('\n');
    const files = {
      'cls/train_cls.py': program,
      'cls/configs/default.yaml': defaults,
      'cls/configs/net_b1.yaml': 'data_provider:\n  test_crop_ratio: 0.95\nnet_config:\n  name: net-b1\n  dropout: 0\n',
      'cls/configs/net_b3.yaml': 'net_config:\n  name: net-b3\n',
      'README.md': readme,
    };
    const scan = await scanFiles(files);
    const runOfFile = (name: string) => scan.files.find((f) => f.display === name)?.analysis.runs[0]?.run;
    assert.equal(runOfFile('cls/configs/net_b1.yaml')?.training.epochs, 300);
    assert.equal(runOfFile('cls/configs/net_b1.yaml')?.hardware.count, 8);
    // A sibling of another shape that overrides the same defaults is a run of the documented program too.
    assert.equal(runOfFile('cls/configs/net_b3.yaml')?.training.epochs, 300);
    assert.equal(runOfFile('cls/configs/net_b3.yaml')?.hardware.count, 8);
    // The defaults file itself is not a run.
    assert.equal(runOfFile('cls/configs/default.yaml'), undefined);
  });

  it('reads machines × GPUs (4x8gpus) and OpenMMLab’s GPUs × batch (8xb32) from a run file’s name', () => {
    const run = [
      {
        kind: 'training.epochs' as const,
        value: 100,
        range: { startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
        confidence: 'high' as const,
        detail: 'max_epochs = 100',
      },
    ];
    const valueOf = (facts: ReturnType<typeof fileNameDeviceFacts>, kind: string) =>
      facts.find((f) => f.kind === kind)?.value;
    const pretrain = fileNameDeviceFacts(
      'configs/pretrain/yolo_world_v2_l_vlpan_bn_2e-3_100e_4x8gpus_obj365v1.py',
      run,
    );
    assert.equal(valueOf(pretrain, 'hardware.devices'), 8);
    assert.equal(valueOf(pretrain, 'hardware.nodes'), 4);
    const mm = fileNameDeviceFacts('configs/resnet/resnet50_8xb32_in1k.py', run);
    assert.equal(valueOf(mm, 'hardware.devices'), 8);
    assert.equal(valueOf(mm, 'hardware.nodes'), undefined);
    // A schedule field (`1x`, `2x`) is no GPU count.
    assert.deepEqual(fileNameDeviceFacts('configs/faster_rcnn_r50_fpn_1x_coco.py', run), []);
  });

  it('reads an inference config’s weight_dtype as its precision', async () => {
    const config = [
      'pretrained_base_model_path: "./pretrained_weights/stable-diffusion-v1-5/"',
      'denoising_unet_path: "./pretrained_weights/denoising_unet.pth"',
      "weight_dtype: 'fp16'",
      '',
    ].join('\n');
    const { facts } = extractConfigFacts(config, 'yaml', 'configs/prompts/animation.yaml');
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp16');
  });

  it('lists a program and its default config, each linking the other, once: under the config', async () => {
    const program = [
      'import argparse',
      'import torch',
      'from omegaconf import OmegaConf',
      'from diffusers import StableDiffusionPipeline',
      '',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--config", default="./configs/prompts/reenact.yaml")',
      '    args = parser.parse_args()',
      '    config = OmegaConf.load(args.config)',
      '    pipe = StableDiffusionPipeline.from_pretrained(config.base_model_path, torch_dtype=torch.float16)',
      '    image = pipe("a dancer").images[0]',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');
    const readme = [
      '```bash',
      'python -m scripts.reenact --config ./configs/prompts/reenact.yaml -W 512',
      '```',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'scripts/reenact.py': program,
      'configs/prompts/reenact.yaml':
        'base_model_path: "./pretrained_weights/stable-diffusion-v1-5/"\nweight_dtype: fp16\n',
      'README.md': readme,
    });
    const runs = (name: string) => scan.files.find((f) => f.display === name)?.analysis.runs.length ?? 0;
    assert.equal(runs('configs/prompts/reenact.yaml'), 1);
    assert.equal(runs('scripts/reenact.py'), 0);
  });

  it('reads a program that only predicts with a project model class as inference, not the class module’s training', async () => {
    const module = [
      'import torch',
      'from transformers import AutoModelForCausalLM',
      '',
      'class RetrievalModel(object):',
      '    def __init__(self, args=None):',
      '        self.args = args',
      '    def load(self, name):',
      '        self.model = AutoModelForCausalLM.from_pretrained(name)',
      '    def do_train(self, data, num_training_steps):',
      '        for batch in data:',
      '            loss = self.model(**batch).loss',
      '            loss.backward()',
      '            self.optimizer.step()',
      '    def do_predict(self, data):',
      '        with torch.no_grad():',
      '            return [self.model(**batch).logits for batch in data]',
      '',
    ].join('\n');
    const program = (call: string) =>
      [
        'import argparse',
        'from retrieval.model import RetrievalModel',
        '',
        'parser = argparse.ArgumentParser()',
        'parser.add_argument("--model_name", default="EleutherAI/gpt-j-6B")',
        'args = parser.parse_args()',
        'model = RetrievalModel(args=args)',
        'model.load(args.model_name)',
        `out = model.${call}(data)`,
        '',
      ].join('\n');
    const predicts = await runOf(
      { 'retrieval/model.py': module, 'main_amazon.py': program('do_predict') },
      'main_amazon.py',
    );
    assert.equal(predicts?.mode, 'inference');
    // One that calls the training method trains.
    const trains = await runOf(
      { 'retrieval/model.py': module, 'main_amazon.py': program('do_train') },
      'main_amazon.py',
    );
    assert.notEqual(trains?.mode, 'inference');
  });

  it('keeps a detectron2 run config that another derives from listed, and reads a `_BASE_`-only config as its base’s run', async () => {
    const base = [
      'MODEL:',
      '  META_ARCHITECTURE: "MaskFormer"',
      '  WEIGHTS: "R-101.pkl"',
      '  RESNETS:',
      '    DEPTH: 101',
      'SOLVER:',
      '  IMS_PER_BATCH: 16',
      '  MAX_ITER: 160000',
      '  AMP:',
      '    ENABLED: True',
      '',
    ].join('\n');
    const variant = [
      '_BASE_: ../maskformer2_R101_bs16_160k.yaml',
      'MODEL:',
      '  WEIGHTS: "swin_large_patch4_window12_384_22k.pkl"',
      '  BACKBONE:',
      '    NAME: "D2SwinTransformer"',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'configs/ade20k/maskformer2_R101_bs16_160k.yaml': base,
      'configs/ade20k/swin/maskformer2_swin_large_IN21k_384_bs16_160k.yaml': variant,
      'configs/coco/Base_OVCOCO_C4_1x.yaml': base,
      'configs/coco/BoxSup_OVCOCO_R50_1x.yaml': '_BASE_: "Base_OVCOCO_C4_1x.yaml"\n',
      'recipes/asr/configs/base_10h.yaml': base,
    });
    const runOfFile = (name: string) => scan.files.find((f) => f.display === name)?.analysis.runs[0]?.run;
    const r101 = runOfFile('configs/ade20k/maskformer2_R101_bs16_160k.yaml');
    assert.equal(r101?.training.steps, 160000, 'the base is a run of its own too');
    // An ImageNet classification backbone kept beside the configs under its release name: the detector is trained.
    assert.equal(r101?.mode, 'pretrain');
    assert.equal(runOfFile('configs/ade20k/swin/maskformer2_swin_large_IN21k_384_bs16_160k.yaml')?.mode, 'pretrain');
    // `Base_…` capitalised is a base; a run config alone in its file names the base's run.
    assert.equal(runOfFile('configs/coco/Base_OVCOCO_C4_1x.yaml'), undefined);
    assert.equal(runOfFile('configs/coco/BoxSup_OVCOCO_R50_1x.yaml')?.training.steps, 160000);
    // Lower-case `base_…` is a run named for its size.
    assert.equal(runOfFile('recipes/asr/configs/base_10h.yaml')?.training.steps, 160000);
  });

  it('reads a detectron2 project’s top-level FP16 switch and an ImageNet-21K MIIL backbone', () => {
    const config = [
      'MODEL:',
      '  META_ARCHITECTURE: "CustomRCNN"',
      '  WEIGHTS: "models/resnet50_miil_21k.pkl"',
      'SOLVER:',
      '  MAX_ITER: 90000',
      '  IMS_PER_BATCH: 64',
      'FP16: True',
      '',
    ].join('\n');
    const { facts } = extractConfigFacts(config, 'yaml', 'configs/Base-C2_L_R5021k_640b64_4x.yaml');
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp16');
    assert.equal(facts.find((f) => f.kind === 'training.mode')?.value, 'pretrain');
    const off = extractConfigFacts(config.replace('FP16: True', 'FP16: False'), 'yaml', 'configs/x.yaml').facts;
    assert.equal(
      off.find((f) => f.kind === 'training.precision'),
      undefined,
    );
  });

  it('reads an mmcv 1.x config’s total_epochs and names its network by the mmpose 0.x file name', async () => {
    const config = [
      "_base_ = ['../../../../_base_/default_runtime.py', '../../../../_base_/datasets/coco.py']",
      "optimizer = dict(type='AdamW', lr=5e-4, betas=(0.9, 0.999), weight_decay=0.1)",
      'optimizer_config = dict(grad_clip=dict(max_norm=1., norm_type=2))',
      "lr_config = dict(policy='step', warmup='linear', warmup_iters=500, step=[170, 200])",
      'total_epochs = 210',
      'model = dict(',
      "    type='TopDown',",
      "    backbone=dict(type='ViT', img_size=(256, 192), patch_size=16, embed_dim=768, depth=12, num_heads=12),",
      "    keypoint_head=dict(type='TopdownHeatmapSimpleHead', in_channels=768, out_channels=17))",
      '',
    ].join('\n');
    const run = await runOf(
      { 'configs/body/topdown_heatmap/coco/ViTPose_base_coco_256x192.py': config },
      'configs/body/topdown_heatmap/coco/ViTPose_base_coco_256x192.py',
    );
    assert.equal(run?.training.epochs, 210);
    assert.equal(run?.model.name, 'vitpose_base');
    const hrnet = await runOf(
      { 'configs/coco/hrnet_w32_coco_256x192_dark.py': config },
      'configs/coco/hrnet_w32_coco_256x192_dark.py',
    );
    assert.equal(hrnet?.model.name, 'hrnet_w32');
  });

  it('reads no training steps from an environment runner’s episode length', () => {
    const task = [
      'name: blockpush',
      'env_runner:',
      '  _target_: robo.env_runner.BlockPushRunner',
      '  max_steps: 350',
      '',
    ];
    const { facts } = extractConfigFacts(task.join('\n'), 'yaml', 'config/task/blockpush.yaml');
    assert.equal(
      facts.find((f) => f.kind === 'training.steps'),
      undefined,
    );
    const trainer = extractConfigFacts('training:\n  max_steps: 350\n', 'yaml', 'config/train.yaml').facts;
    assert.equal(trainer.find((f) => f.kind === 'training.steps')?.value, 350);
  });

  it('reads a web demo that calls a project object in its handler as a run of what the class’s module runs', async () => {
    const module = [
      'import torch',
      'from diffusers import StableDiffusionPipeline',
      '',
      'class Animator():',
      '    def __init__(self):',
      '        self.pipeline = StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", torch_dtype=torch.float16)',
      '    def __call__(self, image, steps):',
      '        return self.pipeline(image, num_inference_steps=steps).images',
      '',
    ].join('\n');
    const demo = (build: string) =>
      [
        'import gradio as gr',
        'from demo.animate import Animator',
        '',
        `animator = ${build}`,
        '',
        'def animate(image, steps):',
        '    return animator(image, steps)',
        '',
        'with gr.Blocks() as ui:',
        '    button = gr.Button("Animate")',
        '    button.click(animate, inputs=[], outputs=[])',
        'ui.launch()',
        '',
      ].join('\n');
    const run = await runOf({ 'demo/animate.py': module, 'demo/app.py': demo('Animator()') }, 'demo/app.py');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'runwayml/stable-diffusion-v1-5');
    // A helper object the demo calls (a tokenizer, a config) is no model.
    const helper = await runOf(
      { 'demo/animate.py': module, 'demo/app.py': demo('Animator()').replace(/Animator/g, 'PromptTokenizer') },
      'demo/app.py',
    );
    assert.equal(helper, undefined);
  });
});
