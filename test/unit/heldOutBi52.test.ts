import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { mayHoldConfigFacts } from '../../src/core/extract/configPrefilter';
import { findModel } from '../../src/core/knowledge';
import { runOf } from './helpers';

/** Fifty-second round: rules from what set BI read wrong. */

/** A translation trainer in the single-dash flag style of attention-is-all-you-need-pytorch. */
const SINGLE_DASH_TRAINER = [
  'import argparse',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('-epoch', type=int, default=10)",
  "    parser.add_argument('-b', '--batch_size', type=int, default=2048)",
  '    opt = parser.parse_args()',
  '    for epoch_i in range(opt.epoch):',
  '        for batch in loader:',
  '            loss = model(batch)',
  '            loss.backward()',
  '            optimizer.step()',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

/** A module of training and validation functions beside a flat script (the AST recipe's traintest.py shape). */
const TRAIN_MODULE = [
  'import torch',
  'from torch.cuda.amp import autocast, GradScaler',
  'def train(audio_model, train_loader, test_loader, args):',
  '    scaler = GradScaler()',
  '    epoch = 0',
  '    while epoch < args.n_epochs + 1:',
  '        for audio_input, labels in train_loader:',
  '            with autocast():',
  '                loss = loss_fn(audio_model(audio_input), labels)',
  '            optimizer.zero_grad()',
  '            scaler.scale(loss).backward()',
  '            scaler.step(optimizer)',
  '        epoch += 1',
  'def validate(audio_model, val_loader, args):',
  '    audio_model.eval()',
  '    with torch.no_grad():',
  '        for audio_input, labels in val_loader:',
  '            out = audio_model(audio_input)',
  '',
].join('\n');

const flatScript = (call: string) =>
  [
    'import argparse',
    'import torch',
    'import models',
    'from traintest import train, validate',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--n-epochs', type=int, default=1)",
    'args = parser.parse_args()',
    'audio_model = models.ASTModel(label_dim=527)',
    call,
    '',
  ].join('\n');

describe('Fifty-second round: rules from set BI', () => {
  it('reads single-dash options (`-epoch`) as argparse does, and a launch that passes them', async () => {
    const alone = await runOf({ 'train.py': SINGLE_DASH_TRAINER }, 'train.py');
    assert.equal(alone?.training.epochs, 10);
    const launched = await runOf(
      {
        'train.py': SINGLE_DASH_TRAINER,
        'train_de_en.sh': 'CUDA_VISIBLE_DEVICES=0 python train.py -data_pkl m30k.pkl -b 256 -epoch 200 -seed 1\n',
      },
      'train_de_en.sh',
    );
    assert.equal(launched?.training.epochs, 200);
  });

  it('reads a Hub id under a config’s model section and its `lora.enabled` switch', () => {
    const text = [
      'model:',
      '  name: Qwen/Qwen2.5-3B',
      '  compile: false',
      'train_model:',
      '  lora:',
      '    enabled: true',
      '    r: 8',
      'composer:',
      '  model:',
      '    name: hf_causal_lm',
      '',
    ].join('\n');
    const { facts } = extractConfigFacts(text, 'yaml', 'config/grpo_gsm8k.yaml');
    assert.deepEqual(
      facts.filter((f) => f.kind === 'model.id').map((f) => f.value),
      ['Qwen/Qwen2.5-3B'],
    );
    assert.ok(facts.some((f) => f.kind === 'training.adapter' && f.value === 'lora'));
    // The folder scan's prefilter lets such a file through on its sections alone.
    assert.ok(mayHoldConfigFacts('model:\n  name: Qwen/Qwen2.5-3B\n'));
    assert.ok(mayHoldConfigFacts('{"model": {"name": "Qwen/Qwen2.5-3B"}}'));
  });

  it('links a flat script (flags parsed at module level) to the training function it calls, not to a validation one', async () => {
    const trains = await runOf(
      {
        'src/run.py': flatScript('train(audio_model, train_loader, val_loader, args)'),
        'src/traintest.py': TRAIN_MODULE,
      },
      'src/run.py',
    );
    assert.equal(trains?.mode === 'inference', false);
    assert.equal(trains?.training.precision, 'fp16');
    const validates = await runOf(
      {
        'src/ensemble.py': flatScript('stats = validate(audio_model, val_loader, args)'),
        'src/traintest.py': TRAIN_MODULE,
      },
      'src/ensemble.py',
    );
    assert.equal(validates, undefined);
  });

  it('reads a main guard that loads weights and runs its eval-mode model under no_grad as inference; a shape check is none', async () => {
    const guard = (load: string) =>
      [
        'import argparse, torch',
        'from src.models import ASTModel',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model_path', type=str, required=True)",
        '    args = parser.parse_args()',
        '    ast_mdl = ASTModel(label_dim=527)',
        '    audio_model = torch.nn.DataParallel(ast_mdl, device_ids=[0])',
        load,
        "    audio_model = audio_model.to(torch.device('cuda:0'))",
        '    audio_model.eval()',
        '    with torch.no_grad():',
        '        output = audio_model.forward(feats)',
        '        output = torch.sigmoid(output)',
        '    print(output)',
        '',
      ].join('\n');
    const infers = await runOf(
      { 'inference.py': guard("    audio_model.load_state_dict(torch.load(args.model_path, map_location='cuda'))") },
      'inference.py',
    );
    assert.equal(infers?.mode, 'inference');
    assert.equal(await runOf({ 'inference.py': guard('    pass') }, 'inference.py'), undefined);
  });

  it('leaves a pipeline folder’s text encoder and a swapped-in VAE out of the model a sampling script runs', async () => {
    const text = [
      'import argparse, torch',
      'from diffusers import ConsistencyDecoderVAE',
      'from transformers import T5EncoderModel',
      'from nets import PixArtMS_XL_2',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--pipeline_load_from', default='output/pretrained_models/sigma_sdxlvae_T5_diffusers')",
      '    args = parser.parse_args()',
      '    model = PixArtMS_XL_2(input_size=128).to(torch.float16)',
      "    model.load_state_dict(torch.load('PixArt-XL-2-1024-MS.pth'))",
      '    model.eval()',
      '    text_encoder = T5EncoderModel.from_pretrained(args.pipeline_load_from, subfolder="text_encoder")',
      '    vae = ConsistencyDecoderVAE.from_pretrained("openai/consistency-decoder", torch_dtype=torch.float16)',
      '    with torch.no_grad():',
      '        samples = model.forward(z, t, emb)',
      '',
    ].join('\n');
    const run = await runOf({ 'scripts/inference.py': text }, 'scripts/inference.py');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.name, 'PixArtMS_XL_2');
  });

  it('sizes ViT-g/14 and ViT-H/14 by their own timm rows, and `--model ast` as the AST', () => {
    assert.equal(findModel('vit_giant_patch14_224')?.params, 1_012_610_000);
    assert.equal(findModel('vit_huge_patch14_224')?.params, 630_760_000);
    assert.equal(findModel('ast')?.params, 86_600_000);
  });

  it('takes `-d_inner_hid` as the feed-forward width of a program in that style', async () => {
    const program = [
      'import argparse',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('-epoch', type=int, default=10)",
      "    parser.add_argument('-d_model', type=int, default=512)",
      "    parser.add_argument('-d_inner_hid', type=int, default=512)",
      "    parser.add_argument('-n_layers', type=int, default=4)",
      '    opt = parser.parse_args()',
      '    model = Transformer(d_model=opt.d_model, d_inner=opt.d_inner_hid, n_layers=opt.n_layers)',
      '    for epoch_i in range(opt.epoch):',
      '        for batch in loader:',
      '            model(batch).backward()',
      '            optimizer.step()',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const run = await runOf({ 'single_step_main.py': program }, 'single_step_main.py');
    // 4 layers × (4·512² attention + 2·512·512 feed-forward) = 6,291,456: the stated width, not 4 × d_model.
    assert.equal(run?.model.params, 6_291_456);
  });

  it('reads a scenic config’s `model.model_name` and the `weights` path it starts from', async () => {
    const config = (weights: string) =>
      [
        'import ml_collections',
        'def get_config():',
        '  config = ml_collections.ConfigDict()',
        '  config.model = ml_collections.ConfigDict()',
        "  config.model.model_name = 'densevoc'",
        '  config.num_training_steps = 11250',
        '  config.batch_size = 32',
        weights,
        '  return config',
        '',
      ].join('\n');
    const finetune = await runOf(
      { 'configs/densevoc_vidstg.py': config("  config.weights = '/path/to/pretraining'") },
      'configs/densevoc_vidstg.py',
    );
    assert.equal(finetune?.model.name, 'densevoc');
    assert.equal(finetune?.mode, 'finetune');
    assert.equal(finetune?.training.steps, 11250);
    // A loss weighting under the same key starts from nothing.
    const scratch = await runOf(
      { 'configs/densevoc_vidstg.py': config('  config.weights = 0.5') },
      'configs/densevoc_vidstg.py',
    );
    assert.equal(scratch?.mode, 'pretrain');
  });

  it('reads a no_grad pass two loops down (each file, then each clip) as the program’s inference', async () => {
    const text = [
      'import argparse, torch',
      'from timm.models import create_model',
      'def extract_feature(args):',
      "    model = create_model('vit_giant_patch14_224', pretrained=False)",
      '    model.load_state_dict(torch.load(args.ckpt_path))',
      '    model.eval()',
      '    for vid_name in vid_list:',
      '        for start_idx in range(0, 128, 16):',
      '            with torch.no_grad():',
      '                feature = model.forward_features(clip(vid_name, start_idx))',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--ckpt_path', type=str)",
      '    extract_feature(parser.parse_args())',
      '',
    ].join('\n');
    const run = await runOf({ 'run_features.py': text }, 'run_features.py');
    assert.equal(run?.mode, 'inference');
    assert.equal(run?.model.params, 1_012_610_000);
  });

  it('reads a scenic config’s steps from the epochs and the epoch’s steps it works out from the dataset size', async () => {
    const config = [
      'import ml_collections',
      '_IMAGENET_TRAIN_SIZE = 1281167',
      "def get_config(runlocal=''):",
      '  runlocal = bool(runlocal)',
      '  config = ml_collections.ConfigDict()',
      "  config.model_name = 'vit_multilabel_classification'",
      '  epochs = ml_collections.config_dict.FieldReference(90)',
      '  config.num_training_epochs = epochs',
      '  config.batch_size = 8 if runlocal else 4096',
      '  steps_per_epoch = _IMAGENET_TRAIN_SIZE // config.batch_size',
      '  config.lr_configs = ml_collections.ConfigDict()',
      '  config.lr_configs.total_steps = config.num_training_epochs * steps_per_epoch',
      '  return config',
      '',
    ].join('\n');
    const run = await runOf({ 'configs/imagenet_vit_config.py': config }, 'configs/imagenet_vit_config.py');
    assert.equal(run?.training.epochs, 90);
    // 90 × (1,281,167 // 4096 = 312).
    assert.equal(run?.training.steps, 28_080);
  });
});
