import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { runOf, scanFiles } from './helpers';

/** Fifty-first round: rules from what set BG read wrong. */

/** The run the scan shows for one file, or undefined. */

const factValue = (facts: readonly { kind: string; value: unknown }[], kind: string) =>
  facts.find((f) => f.kind === kind)?.value;

/** A project's copy of fairseq's generation program (its own step function, fairseq's parser). */
const DECODING_PROGRAM = [
  'from fairseq import distributed_utils, options, tasks, utils',
  'from utils.eval_utils import eval_step',
  '',
  'def main(cfg):',
  '    for sample in progress:',
  '        result = eval_step(task, generator, models, sample)',
  '',
  'def cli_main():',
  '    parser = options.get_generation_parser()',
  '    args = options.parse_args_and_arch(parser)',
  '    distributed_utils.call_main(args, main)',
  '',
  'if __name__ == "__main__":',
  '    cli_main()',
  '',
].join('\n');

describe('Fifty-first round: rules from set BG', () => {
  it('reads a project program on fairseq’s command line (--user-dir) as fairseq-train would', () => {
    const script = [
      'restore_file=../../checkpoints/base_weights.pt',
      'arch=ofa_large',
      'max_epoch=5',
      'for max_epoch in {10,}; do',
      '  for lr in {3e-5,}; do',
      '    python3 -m torch.distributed.launch --nproc_per_node=4 ../../train.py $data \\',
      '      --user-dir=../../ofa_module --restore-file=${restore_file} --reset-optimizer \\',
      '      --arch=${arch} --criterion=ce --max-epoch=${max_epoch} --lr=${lr} --fp16',
      '  done',
      'done',
      '',
    ].join('\n');
    const facts = extractShellFacts(script);
    assert.equal(factValue(facts, 'model.id'), 'ofa_large');
    assert.equal(factValue(facts, 'training.mode'), 'finetune');
    assert.equal(factValue(facts, 'training.precision'), 'fp16');
    // The loop's brace list (`{10,}`: one value) is the epochs the launch runs, not the 5 set above it.
    assert.equal(factValue(facts, 'training.epochs'), 10);
    // Without the plugin flag, a project program's flags are its own: nothing is read as fairseq's.
    const plain = extractShellFacts('python train.py --arch resnet18 --restore-file x.pt\n');
    assert.equal(factValue(plain, 'run.framework'), undefined);
  });

  it('reads a fairseq sweep’s epochs at their mean, the planned updates as steps, and the launcher’s processes', () => {
    const script = [
      'export GPUS_PER_NODE=1',
      'for max_epoch in 5 7 10; do',
      '  CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7 python3 -m torch.distributed.launch --nproc_per_node=${GPUS_PER_NODE} \\',
      '    ../../train.py d --user-dir m --arch ofa_base --max-epoch=${max_epoch} --total-num-update=400000',
      'done',
      '',
    ].join('\n');
    const facts = extractShellFacts(script);
    assert.equal(factValue(facts, 'training.epochs'), 7.333);
    assert.equal(factValue(facts, 'training.steps'), 400000);
    // Eight devices are visible, one process is started: one device.
    const devices = facts.filter((f) => f.kind === 'hardware.devices').map((f) => f.value);
    assert.deepEqual(devices, [1]);
    // With no process count the visible devices stay the count.
    const visible = extractShellFacts('CUDA_VISIBLE_DEVICES=0,1,2,3 python train.py --epochs 3\n');
    assert.equal(factValue(visible, 'hardware.devices'), 4);
  });

  it('reads a fairseq program given a --path checkpoint and no training flag as decoding with that checkpoint', async () => {
    const script = [
      'export GPUS_PER_NODE=4',
      'path=../../checkpoints/caption_large_best.pt',
      'python3 -m torch.distributed.launch --nproc_per_node=${GPUS_PER_NODE} ../../evaluate.py data.tsv \\',
      '  --path=${path} --user-dir=../../ofa_module --task=caption --beam=5 --fp16',
      'python coco_eval.py ../../results/test_predict.json gold.json',
      '',
    ].join('\n');
    const run = await runOf(
      { 'run_scripts/caption/evaluate.sh': script, 'evaluate.py': DECODING_PROGRAM },
      'run_scripts/caption/evaluate.sh',
    );
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'caption_large_best');
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.hardware.count, 4);
    // fairseq's own run outputs name no model.
    const generic = extractShellFacts('python gen.py d --user-dir m --path ckpt/checkpoint_best.pt --beam 5\n');
    assert.equal(factValue(generic, 'training.mode'), 'inference');
    assert.equal(factValue(generic, 'model.id'), undefined);
  });

  it('reads a program whose command line is fairseq’s generation parser as an inference program', async () => {
    const scan = await scanFiles({ 'evaluate.py': DECODING_PROGRAM });
    const facts = scan.files.find((f) => f.display === 'evaluate.py')?.analysis.facts ?? [];
    assert.ok(facts.some((f) => f.kind === 'launch.inference' && f.value === 'options.get_generation_parser'));
    // `options` that is not fairseq's says nothing.
    const other = await scanFiles({
      'gen.py': DECODING_PROGRAM.replace('from fairseq import', 'from mylib import'),
    });
    const otherFacts = other.files.find((f) => f.display === 'gen.py')?.analysis.facts ?? [];
    assert.ok(!otherFacts.some((f) => f.kind === 'launch.inference'));
  });

  it('names a flat config’s detector from modelname and backbone, trained from its own initialisation', async () => {
    const files = {
      'config/DINO/coco_transformer.py': 'data_aug_scales = [480, 512, 544]\ndata_aug_max_size = 1333\n',
      'config/DINO/DINO_4scale.py': [
        "_base_ = ['coco_transformer.py']",
        'num_classes = 91',
        'lr = 0.0001',
        'batch_size = 2',
        'epochs = 12',
        'lr_drop = 11',
        "modelname = 'dino'",
        'frozen_weights = None',
        "backbone = 'resnet50'",
        'use_checkpoint = False',
        '',
      ].join('\n'),
      'main.py': [
        'import argparse',
        'from engine import train_one_epoch',
        'def get_args_parser():',
        "    parser = argparse.ArgumentParser('Set transformer detector', add_help=False)",
        "    parser.add_argument('--config_file', '-c', type=str, required=True)",
        "    parser.add_argument('--amp', action='store_true')",
        '    return parser',
        'def main(args):',
        '    for epoch in range(args.epochs):',
        '        train_one_epoch(model, criterion, loader, optimizer, device, epoch, args=args)',
        "if __name__ == '__main__':",
        '    main(get_args_parser().parse_args())',
        '',
      ].join('\n'),
      'engine.py': [
        'import torch',
        'def train_one_epoch(model, criterion, loader, optimizer, device, epoch, args=None):',
        '    scaler = torch.cuda.amp.GradScaler(enabled=args.amp)',
        '    for samples, targets in loader:',
        '        with torch.cuda.amp.autocast(enabled=args.amp):',
        '            loss = criterion(model(samples), targets)',
        '        optimizer.zero_grad()',
        '        scaler.scale(loss).backward()',
        '        scaler.step(optimizer)',
        '',
      ].join('\n'),
      'scripts/train.sh':
        'coco_path=$1\npython main.py --output_dir logs/r50 -c config/DINO/DINO_4scale.py --coco_path $coco_path\n',
    };
    const config = await runOf(files, 'config/DINO/DINO_4scale.py');
    assert.equal(config?.model.name, 'dino-resnet-50');
    assert.equal(config?.model.params, 47_000_000);
    assert.equal(config?.mode, 'pretrain');
    assert.equal(config?.training.epochs, 12);
    // The launch hands the program its config by the short flag: the line is a run of that config, in fp32 (the
    // engine's scaler and autocast follow a flag the launch does not set).
    const launch = await runOf(files, 'scripts/train.sh');
    assert.equal(launch?.model.name, 'dino-resnet-50');
    assert.equal(launch?.mode, 'pretrain');
    assert.equal(launch?.training.precision, 'fp32');
  });

  it('names mmyolo’s configs by their algorithm at the size the name gives', async () => {
    const config = (name: string) => ({
      [`configs/${name}.py`]: [
        "model = dict(type='YOLODetector', backbone=dict(type='YOLOv5CSPDarknet', deepen_factor=0.33))",
        "train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=300)",
        "optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.01))",
        '',
      ].join('\n'),
    });
    const run = async (name: string) => runOf(config(name), `configs/${name}.py`);
    assert.equal((await run('yolov5_s-v61_syncbn_fast_8xb16-300e_coco'))?.model.name, 'yolov5s');
    assert.equal((await run('rtmdet_l_syncbn_fast_8xb32-300e_coco'))?.model.params, 52_300_000);
    assert.equal((await run('ppyoloe_plus_s_fast_8xb8-80e_coco'))?.model.params, 7_930_000);
    // mmyolo's YOLOv7 configs write the layout `8x16b`: 8 GPUs.
    assert.equal((await run('yolov7_tiny_fast_8x16b-300e_coco'))?.hardware.count, 8);
    // A field that changes the network (a NAS subnet) is another model: not sized as the plain one.
    const subnet = await run('rtmdet_tiny_ofa_lat31_syncbn_16xb16-300e_coco');
    assert.notEqual(subnet?.model.params, 4_800_000);
  });

  it('reads a latent-diffusion-style config’s model.pretrained_checkpoint and lightning.precision', () => {
    const config = [
      'model:',
      '  pretrained_checkpoint: checkpoints/base_512/model.ckpt',
      '  base_learning_rate: 1.0e-05',
      '  target: lvdm.models.ddpm3d.LatentVisualDiffusion',
      '  params:',
      '    unet_config:',
      '      target: lvdm.modules.networks.openaimodel3d.UNetModel',
      '      params:',
      '        model_channels: 320',
      'lightning:',
      '  precision: 16',
      '  trainer:',
      '    accumulate_grad_batches: 2',
      '    max_steps: 100000',
      '',
    ].join('\n');
    const { facts } = extractConfigFacts(config, 'yaml', 'configs/training_512/config.yaml');
    assert.equal(factValue(facts, 'training.mode'), 'finetune');
    assert.equal(factValue(facts, 'training.precision'), 'fp16');
    assert.equal(factValue(facts, 'training.steps'), 100000);
    const scratch = extractConfigFacts(config.replace(/ {2}pretrained_checkpoint: .*\n/, ''), 'yaml', 'c.yaml');
    assert.equal(factValue(scratch.facts, 'training.mode'), 'pretrain');
  });

  it('reads the t5 library’s fine-tune of a released checkpoint, its size from the folder’s name', async () => {
    const notebook = (size: string) =>
      [
        'import os',
        'import t5',
        `MODEL_SIZE = "${size}" #@param["small", "base", "large", "3B", "11B"]`,
        'BASE_PRETRAINED_DIR = "gs://t5-data/pretrained_models"',
        'PRETRAINED_DIR = os.path.join(BASE_PRETRAINED_DIR, MODEL_SIZE)',
        'MODEL_DIR = os.path.join(MODELS_DIR, MODEL_SIZE)',
        'model = t5.models.MtfModel(model_dir=MODEL_DIR, tpu=TPU_ADDRESS, batch_size=16)',
        'FINETUNE_STEPS = 25000',
        'model.finetune(mixture_or_task_name="trivia_all", pretrained_model_dir=PRETRAINED_DIR, finetune_steps=FINETUNE_STEPS)',
        '',
      ].join('\n');
    const run = await runOf({ 'finetune_t5.py': notebook('3B') }, 'finetune_t5.py');
    assert.equal(run?.model.name, 't5-3b');
    assert.equal(run?.mode, 'finetune');
    assert.equal(run?.training.steps, 25000);
    // A folder not named for a released size names no model.
    const other = await runOf({ 'finetune_t5.py': notebook('mine') }, 'finetune_t5.py');
    assert.notEqual(other?.model.name, 't5-3b');
    assert.equal(other?.mode, 'finetune');
  });

  it('reads a program that builds a project pipeline and executes it as an inference run', async () => {
    const files = {
      'src/portrait_pipeline.py': [
        'import torch',
        'class PortraitPipeline:',
        '    def __init__(self, cfg):',
        '        self.net = torch.load(cfg.checkpoint)',
        '    def execute(self, args):',
        '        with torch.no_grad():',
        '            return self.net(args.source)',
        '',
      ].join('\n'),
      'inference.py': [
        'import tyro',
        'from src.portrait_pipeline import PortraitPipeline',
        'def main():',
        '    args = tyro.cli(Args)',
        '    pipeline = PortraitPipeline(cfg=args)',
        '    pipeline.execute(args)',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    };
    const run = await runOf(files, 'inference.py');
    assert.equal(run?.mode, 'inference');
  });
});
