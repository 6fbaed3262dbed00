import * as assert from 'node:assert/strict';
import { extractShellFacts, NEEDS_ITS_ARGUMENTS } from '../../src/core/extract/shellFacts';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { pythonFacts, runOf, scanFiles } from './helpers';

/** Forty-ninth round: rules from what set BC read wrong. */

/** The run the scan shows for one file, or undefined. */

/** An RT-DETR-style tree: run configs list their parts with `__include__`, the parts kept in `include/`. */
const includeTree = (leaf: string, extra: Record<string, string> = {}) => ({
  'configs/runtime.yml': 'use_amp: False\nscaler:\n  type: GradScaler\n  enabled: True\nuse_ema: False\n',
  'configs/dataset/coco_detection.yml': 'task: detection\nnum_classes: 80\ntrain_dataloader:\n  total_batch_size: 16\n',
  'configs/detr/include/optimizer.yml':
    'use_amp: True\nuse_ema: True\nepoches: 72\nclip_max_norm: 0.1\noptimizer:\n  type: AdamW\n  lr: 0.0001\n',
  'configs/detr/include/detr_r50vd.yml': [
    'task: detection',
    'model: RTDETR',
    'RTDETR:',
    '  backbone: PResNet',
    '  encoder: HybridEncoder',
    'PResNet:',
    '  depth: 50',
    '  pretrained: True',
    'RTDETRTransformerv2:',
    '  num_layers: 6',
    '',
  ].join('\n'),
  'configs/detr/rtdetrv2_r18vd_120e_coco.yml': leaf,
  ...extra,
});

const r18 = (extra = '') =>
  [
    '__include__: [',
    "  '../dataset/coco_detection.yml',",
    "  '../runtime.yml',",
    "  './include/optimizer.yml',",
    "  './include/detr_r50vd.yml',",
    ']',
    'output_dir: ./output/r18',
    'PResNet:',
    '  depth: 18',
    '  pretrained: True',
    'RTDETRTransformerv2:',
    '  num_layers: 3',
    extra,
    '',
  ].join('\n');

describe('Forty-ninth round: detection configs merged over a list of bases (set BC)', () => {
  it('reads an `__include__` config as a run named by its file, with its parts’ length and precision', async () => {
    const run = await runOf(includeTree(r18('epoches: 120')), 'configs/detr/rtdetrv2_r18vd_120e_coco.yml');
    assert.equal(run?.model.name, 'rtdetrv2_r18vd');
    assert.equal(run?.model.params, 20_000_000);
    assert.equal(run?.training.epochs, 120);
    assert.equal(run?.training.precision, 'fp16');
    assert.equal(run?.mode, 'pretrain');
  });

  it('takes a later part over an earlier one and the file’s own length when it states none', async () => {
    const run = await runOf(includeTree(r18()), 'configs/detr/rtdetrv2_r18vd_120e_coco.yml');
    assert.equal(run?.training.epochs, 72);
    // runtime.yml (listed first) turns mixed precision off; optimizer.yml (listed later) turns it on.
    assert.equal(run?.training.precision, 'fp16');
  });

  it('lists none of the parts as runs', async () => {
    const scan = await scanFiles(includeTree(r18()));
    const listed = scan.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.deepEqual(listed, ['configs/detr/rtdetrv2_r18vd_120e_coco.yml']);
  });

  it('reads `tuning:` a detector checkpoint as a fine-tune and sizes a variant by the name before its last field', async () => {
    const files = includeTree(r18('tuning: https://example.org/weights/rtdetrv2_r18vd_120e_coco.pth'), {});
    const renamed = Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k.replace('rtdetrv2_r18vd_120e_coco', 'rtdetrv2_r18vd_dsp_3x_coco'), v]),
    );
    const run = await runOf(renamed, 'configs/detr/rtdetrv2_r18vd_dsp_3x_coco.yml');
    assert.equal(run?.model.name, 'rtdetrv2_r18vd_dsp');
    assert.equal(run?.model.params, 20_000_000);
    assert.equal(run?.mode, 'finetune');
  });

  it('reads a PaddleDetection `_BASE_` config: epoch from its optimizer part, float32, from an ImageNet backbone', async () => {
    const run = await runOf(
      {
        'configs/runtime.yml': 'use_gpu: true\nlog_iter: 20\nsave_dir: output\n',
        'configs/rtdetr/_base_/optimizer_6x.yml':
          'epoch: 72\nLearningRate:\n  base_lr: 0.0001\nOptimizerBuilder:\n  optimizer:\n    type: AdamW\n',
        'configs/rtdetr/_base_/rtdetr_r50vd.yml':
          'architecture: DETR\nDETR:\n  backbone: ResNet\nResNet:\n  depth: 50\n',
        'configs/rtdetr/rtdetr_r50vd_6x_coco.yml': [
          '_BASE_: [',
          "  '../runtime.yml',",
          "  '_base_/optimizer_6x.yml',",
          "  '_base_/rtdetr_r50vd.yml',",
          ']',
          'weights: output/rtdetr_r50vd_6x_coco/model_final',
          'pretrain_weights: https://example.org/pretrained/ResNet50_vd_ssld_v2_pretrained.pdparams',
          '',
        ].join('\n'),
      },
      'configs/rtdetr/rtdetr_r50vd_6x_coco.yml',
    );
    assert.equal(run?.model.name, 'rtdetr_r50vd');
    assert.equal(run?.model.params, 42_000_000);
    assert.equal(run?.training.epochs, 72);
    assert.equal(run?.training.precision, 'fp32');
    assert.equal(run?.mode, 'pretrain');
  });

  it('leaves a detector the catalog does not know unsized', async () => {
    const files = includeTree(r18());
    const renamed = Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k.replace('rtdetrv2_r18vd_120e_coco', 'mydet_tiny_50e_coco'), v]),
    );
    const run = await runOf(renamed, 'configs/detr/mydet_tiny_50e_coco.yml');
    assert.equal(run?.model.name, 'mydet_tiny');
    assert.ok(run?.missing.some((m) => m.field === 'model.params'));
  });
});

describe('Forty-ninth round: programs that need a config (set BC)', () => {
  const verdict = async (lines: readonly string[]) =>
    (await pythonFacts(lines.join('\n'))).find((f) => f.kind === 'run.entry' && f.value === false)?.detail ?? '';

  // A program that builds its run from a YAML config (`load`: how the config reaches YAMLConfig) and runs its solver.
  const solverProgram = (load: readonly string[], declarations: readonly string[]) => [
    'import argparse',
    'from src.core import YAMLConfig',
    'from src.solver import TASKS',
    'def main(args):',
    ...load,
    '    solver = TASKS[cfg.yaml_cfg["task"]](cfg)',
    '    solver.fit()',
    '',
    "if __name__ == '__main__':",
    '    parser = argparse.ArgumentParser()',
    ...declarations.map((d) => `    parser.add_argument(${d})`),
    '    main(parser.parse_args())',
  ];

  it('reads `-c, --config` required as the program’s config (short option first)', async () => {
    const detail = await verdict(
      solverProgram(['    cfg = YAMLConfig(args.config)'], ["'-c', '--config', type=str, required=True"]),
    );
    assert.match(detail, /config-driven program/);
  });

  it('reads a config flag with no default handed to a config class over lines (YAMLConfig(\\n args.config, ...))', async () => {
    const detail = await verdict(
      solverProgram(
        ['    cfg = YAMLConfig(', '        args.config,', '        resume=args.resume,', '    )'],
        ["'--config', '-c', type=str", "'--resume', '-r', type=str"],
      ),
    );
    assert.match(detail, /config-driven program/);
  });

  it('keeps a program whose config flag has a default a run of its own', async () => {
    const detail = await verdict(
      solverProgram(['    cfg = YAMLConfig(args.config)'], ["'--config', '-c', type=str, default='configs/base.yml'"]),
    );
    assert.doesNotMatch(detail, /config-driven program/);
  });

  it('reads a PaddleDetection program (ArgsParser, load_config(FLAGS.config), Trainer) as config-driven', async () => {
    const detail = await verdict([
      'from ppdet.core.workspace import load_config, merge_config',
      'from ppdet.engine import Trainer',
      'from ppdet.utils.cli import ArgsParser',
      'def parse_args():',
      '    parser = ArgsParser()',
      "    parser.add_argument('--eval', action='store_true', default=False)",
      '    return parser.parse_args()',
      'def main():',
      '    FLAGS = parse_args()',
      '    cfg = load_config(FLAGS.config)',
      "    trainer = Trainer(cfg, mode='train')",
      '    trainer.train(FLAGS.eval)',
      "if __name__ == '__main__':",
      '    main()',
    ]);
    assert.match(detail, /config-driven program/);
  });
});

describe('Forty-ninth round: weights and steps of a pipeline (set BC)', () => {
  const built = (after: string) =>
    [
      'from transformers import TrainingArguments',
      'from mymodel import MyVlmForConditionalGeneration, MyVlmConfig, MyTrainer',
      'def train(args):',
      '    config = MyVlmConfig()',
      '    model = MyVlmForConditionalGeneration(config)',
      after,
      '    trainer = MyTrainer(model=model, args=TrainingArguments(output_dir="out"))',
      '    trainer.train()',
      "if __name__ == '__main__':",
      '    train(None)',
    ].join('\n');
  const fromScratch = async (after: string) =>
    (await pythonFacts(built(after))).find((f) => f.kind === 'model.fromScratch')?.value;

  it('reads a model built from its config and then given its parts’ weights (model.load_llm(...)) as not from scratch', async () => {
    assert.equal(await fromScratch('    model.load_llm(model_name_or_path="microsoft/phi-2")'), false);
  });

  it('keeps a model built from its config that only resumes (load_state_dict) from scratch', async () => {
    assert.equal(await fromScratch('    model.load_state_dict(torch.load(args.resume))'), true);
  });

  const guarded = [
    '#!/bin/bash',
    'if [ $# -ne 3 ]; then',
    '    echo "Usage: $0 <DATA> <MODEL> <EPOCHS>"',
    '    exit 1',
    'fi',
    'DATA="$1"',
    'MODEL="$2"',
    'EPOCHS="$3"',
    'deepspeed train.py --data_path $DATA --model_name_or_path $MODEL --num_train_epochs $EPOCHS --bf16 True',
    '',
  ].join('\n');
  const program = [
    'import argparse',
    'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
    'if __name__ == "__main__":',
    '    p = argparse.ArgumentParser()',
    '    p.add_argument("--model_name_or_path", default="gpt2")',
    '    a, _ = p.parse_known_args()',
    '    model = AutoModelForCausalLM.from_pretrained(a.model_name_or_path)',
    '    Trainer(model=model, args=TrainingArguments(output_dir="o")).train()',
    '',
  ].join('\n');

  it('takes a script that exits without its positional arguments as a step of the script that runs it', async () => {
    const scan = await scanFiles({
      'scripts/finetune.sh': guarded,
      'scripts/stage1.sh': 'python train.py --model_name_or_path gpt2 --num_train_epochs 1\n',
      'scripts/train_all.sh': 'bash scripts/stage1.sh\nbash scripts/finetune.sh data.json microsoft/phi-2 2\n',
      'train.py': program,
    });
    const listed = scan.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(!listed.includes('scripts/finetune.sh'), listed.join(', '));
    assert.ok(listed.includes('scripts/stage1.sh'), 'a step that needs no arguments stays a run of its own');
    assert.ok(listed.includes('scripts/train_all.sh'));
  });

  it('keeps a guarded script no other script runs as a run of its own', async () => {
    const scan = await scanFiles({ 'scripts/finetune.sh': guarded, 'train.py': program });
    assert.equal(scan.files.find((f) => f.display === 'scripts/finetune.sh')?.analysis.runs.length, 1);
  });
});

describe('Forty-ninth round: a script’s guard on its arguments (set BC)', () => {
  const guardOf = (guard: string) =>
    extractShellFacts(`${guard}\npython train.py --model_name_or_path "$1"\n`).find(
      (f) => f.kind === 'run.commandLine' && f.value === NEEDS_ITS_ARGUMENTS,
    );

  it('reads `if [ $# -ne N ]; then … exit`, `[[ "$#" -lt N ]]` and `[ $# -eq 0 ] && exit`', () => {
    assert.ok(guardOf('if [ $# -ne 2 ]; then\n  echo "usage"\n  exit 1\nfi'));
    assert.ok(guardOf('if [[ "$#" -lt 1 ]]; then echo usage; exit 1; fi'));
    assert.ok(guardOf('[ $# -eq 0 ] && { echo "usage"; exit 1; }'));
  });

  it('reads no guard in a check that exits on nothing missing (`-ne 0`, `-eq 2`) or does not exit', () => {
    assert.equal(guardOf('if [ $# -ne 0 ]; then\n  exit 1\nfi'), undefined);
    assert.equal(guardOf('if [ $# -eq 2 ]; then\n  exit 1\nfi'), undefined);
    assert.equal(guardOf('if [ $# -lt 1 ]; then\n  MODEL=gpt2\nfi'), undefined);
  });
});

describe('Forty-ninth round: a project’s model object served from its folder (set BC)', () => {
  const webUi = (build: string) =>
    [
      'import argparse',
      'from speechkit.cli.speech import AutoModel',
      '',
      'def generate_audio(text):',
      "    for chunk in speech.inference_sft(text, 'speaker'):",
      '        yield chunk',
      '',
      'def main():',
      '    print(generate_audio)',
      '',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model_dir', type=str, default='pretrained_models/SpeechModel2-0.5B')",
      '    args = parser.parse_args()',
      `    speech = ${build}`,
      '    main()',
    ].join('\n');

  it('reads a model object built from its folder by keyword and run in a handler as an inference run of that folder', async () => {
    const facts = await pythonFacts(webUi('AutoModel(model_dir=args.model_dir)'));
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'pretrained_models/SpeechModel2-0.5B');
  });

  it('reads nothing from an object built with no model folder or id', async () => {
    const facts = await pythonFacts(webUi('AutoModel(sample_rate=16000)'));
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
  });
});

describe('Forty-ninth round: fastai learners (set BC)', () => {
  const valueOf = (facts: readonly { kind: string; value: unknown }[], kind: string) =>
    facts.find((f) => f.kind === kind)?.value;

  it('reads vision_learner(...).to_fp16() then fine_tune(3) as a float16 fine-tune of the architecture for 4 epochs', async () => {
    const facts = await pythonFacts(
      [
        'from fastai.vision.all import *',
        'dls = ImageDataLoaders.from_folder(path, valid_pct=0.2, item_tfms=Resize(224))',
        'learn = vision_learner(dls, resnet34, metrics=error_rate).to_fp16()',
        'learn.fine_tune(3)',
      ].join('\n'),
    );
    assert.equal(valueOf(facts, 'launch.trainer'), 'fastai:fine_tune');
    assert.equal(valueOf(facts, 'training.epochs'), 4);
    assert.equal(valueOf(facts, 'model.fromScratch'), false);
    assert.equal(valueOf(facts, 'model.id'), 'resnet34');
    assert.equal(valueOf(facts, 'training.precision'), 'fp16');
  });

  it('reads a Learner of the project’s own fitted for n_epochs (a flag’s default)', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'from src.learner import Learner',
        'parser = argparse.ArgumentParser()',
        "parser.add_argument('--n_epochs_pretrain', type=int, default=10)",
        'args = parser.parse_args()',
        'def pretrain(lr):',
        '    learn = Learner(dls, model, loss_func, lr=lr)',
        '    learn.fit_one_cycle(n_epochs=args.n_epochs_pretrain, lr_max=lr)',
        "if __name__ == '__main__':",
        '    pretrain(1e-4)',
      ].join('\n'),
    );
    assert.equal(valueOf(facts, 'launch.trainer'), 'fastai:fit_one_cycle');
    assert.equal(valueOf(facts, 'training.epochs'), 10);
    assert.equal(valueOf(facts, 'model.fromScratch'), undefined);
  });

  it('reads no learner run from a .fit of something that is not a learner', async () => {
    const facts = await pythonFacts(
      ['from sklearn.linear_model import LogisticRegression', 'clf = LogisticRegression()', 'clf.fit(X, y)'].join('\n'),
    );
    assert.ok(!facts.some((f) => f.kind === 'launch.trainer' && String(f.value).startsWith('fastai')));
  });
});

describe('Forty-ninth round: a released weights file named by an f-string (set BC)', () => {
  const program = (path: string) =>
    [
      'import argparse, torch',
      'from depthnet.dpt import DepthNet',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--encoder', type=str, default='vitl', choices=['vits', 'vitb', 'vitl'])",
      '    args = parser.parse_args()',
      "    configs = {'vits': {'features': 64}, 'vitl': {'features': 256}}",
      '    net = DepthNet(**configs[args.encoder])',
      `    net.load_state_dict(torch.load(${path}, map_location='cpu'))`,
      '    net = net.to("cuda").eval()',
      '    with torch.no_grad():',
      '        depth = net(torch.zeros(1, 3, 518, 518))',
    ].join('\n');

  it('fills an f-string’s placeholder with the flag’s default and names the release it loads', async () => {
    const facts = await pythonFacts(program("f'checkpoints/depth_anything_v2_{args.encoder}.pth'"));
    const id = facts.find((f) => f.kind === 'model.id' && f.value !== null);
    assert.equal(id?.value, 'depth_anything_v2_vitl');
    assert.match(id?.detail ?? '', /Depth-Anything-V2-Large/);
  });

  it('names nothing when a placeholder cannot be read without running the code', async () => {
    const facts = await pythonFacts(program("f'checkpoints/depth_anything_v2_{input()}.pth'"));
    assert.ok(!facts.some((f) => f.kind === 'model.id' && f.value !== null));
  });
});

describe('Forty-ninth round: a sampler that builds its model from a training config (set BC)', () => {
  const sampler = [
    'import argparse, torch',
    'from omegaconf import OmegaConf',
    'from PIL import Image, ImageOps',
    'from ldm.util import instantiate_from_config',
    'def load_model_from_config(config, ckpt):',
    '    sd = torch.load(ckpt, map_location="cpu")["state_dict"]',
    '    model = instantiate_from_config(config.model)',
    '    model.load_state_dict(sd, strict=False)',
    '    return model',
    'if __name__ == "__main__":',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--config", default="configs/generate.yaml")',
    '    parser.add_argument("--ckpt", default="checkpoints/edit-00-22000.ckpt")',
    '    args = parser.parse_args()',
    '    config = OmegaConf.load(args.config)',
    '    model = load_model_from_config(config, args.ckpt)',
    '    model.eval().cuda()',
    '    image = ImageOps.fit(Image.open("in.jpg"), (512, 512))',
    '    with torch.no_grad():',
    '        out = model.sample(image)',
  ].join('\n');
  const trainingConfig = [
    'model:',
    '  target: ldm.models.diffusion.ddpm.LatentDiffusion',
    '  params:',
    '    linear_start: 0.00085',
    '    unet_config:',
    '      target: ldm.modules.diffusionmodules.openaimodel.UNetModel',
    '      params:',
    '        model_channels: 320',
    'data:',
    '  target: main.DataModuleFromConfig',
    '  params:',
    '    batch_size: 128',
    '',
  ].join('\n');

  it('does not take PIL’s ImageOps.fit for a training call', async () => {
    const facts = await pythonFacts(sampler);
    assert.ok(!facts.some((f) => f.kind === 'launch.trainer'));
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
  });

  it('runs inference, not the training its config describes', async () => {
    const run = await runOf({ 'edit_cli.py': sampler, 'configs/generate.yaml': trainingConfig }, 'edit_cli.py');
    assert.equal(run?.mode, 'inference');
  });

  it('leaves a training config it loads a run of its own, unless the config is named for generating', async () => {
    const loading = (config: string) => sampler.replace('configs/generate.yaml', config);
    const listed = async (config: string) => {
      const scan = await scanFiles({ 'edit_cli.py': loading(config), [config]: trainingConfig });
      return scan.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    };
    assert.deepEqual((await listed('configs/finetune.yaml')).sort(), ['configs/finetune.yaml', 'edit_cli.py']);
    assert.deepEqual(await listed('configs/generate.yaml'), ['edit_cli.py']);
  });
});

describe('Forty-ninth round: evaluation options kept beside training options (set BD)', () => {
  const reason = (path: string) => nonRunPlaceReason(path, 'name: x\nmodel_type: SRModel\n');

  it('reads `options/test/<model>/test_*.yml` as evaluation configs, not a test suite', () => {
    assert.equal(reason('options/test/BasicVSR/test_BasicVSR_REDS.yml'), undefined);
    assert.equal(reason('configs/test/sr_x4.yaml'), undefined);
  });

  it('keeps test suites and programs in such folders out', () => {
    assert.equal(reason('tests/options/test/x.yml'), 'in a test folder');
    assert.equal(reason('options/test/run_all.py'), 'in a test folder');
    assert.equal(reason('test/configs/x.yml'), 'in a test folder');
  });
});

describe('Forty-ninth round: a model a project’s builder makes, handed to its runner (set BD)', () => {
  const cli = (build: string, run: string) =>
    [
      'import argparse',
      'from soundgen import text_to_audio, build_model, save_wave',
      'parser = argparse.ArgumentParser()',
      'parser.add_argument("--model_name", type=str, default="soundgen-m-full")',
      'parser.add_argument("-t", "--text", type=str, default="rain")',
      'args = parser.parse_args()',
      `model = ${build}`,
      `waveform = ${run}`,
      'save_wave(waveform, "out")',
    ].join('\n');

  it('reads build_model(model_name=…) handed to text_to_audio(model, …) as an inference run of the named release', async () => {
    const facts = await pythonFacts(cli('build_model(model_name=args.model_name)', 'text_to_audio(model, args.text)'));
    assert.equal(facts.find((f) => f.kind === 'launch.inference')?.value, 'text_to_audio');
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'soundgen-m-full');
  });

  it('names the release by its weights file’s stem and takes the model handed by keyword', async () => {
    const facts = await pythonFacts(
      cli('build_model(ckpt_path="./ckpt/soundgen-s-full.ckpt")', 'text_to_audio(latent_diffusion=model, text="x")'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'soundgen-s-full');
  });

  it('reads nothing when the model is handed to a function that is not named for running it', async () => {
    const facts = await pythonFacts(cli('build_model(model_name=args.model_name)', 'count_parameters(model)'));
    assert.ok(!facts.some((f) => f.kind === 'launch.inference'));
  });
});

describe('Forty-ninth round: a checkpoint a recipe starts from (set BC)', () => {
  const trainer = [
    'import argparse, torch',
    'from mytts.model import TransformerLM',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    "    parser.add_argument('--checkpoint', help='checkpoint model')",
    "    parser.add_argument('--epochs', type=int, default=200)",
    '    args = parser.parse_args()',
    '    model = TransformerLM()',
    '    if args.checkpoint is not None:',
    "        model.load_state_dict(torch.load(args.checkpoint, map_location='cpu'))",
    '    opt = torch.optim.AdamW(model.parameters())',
    '    for epoch in range(args.epochs):',
    '        loss = model(torch.zeros(1)).sum()',
    '        loss.backward()',
    '        opt.step()',
    "if __name__ == '__main__':",
    '    main()',
  ].join('\n');
  const recipe = (dir: string) =>
    [
      `pretrained_model_dir=../pretrained_models/${dir}`,
      'for model in llm flow; do',
      '  torchrun --nproc_per_node=4 train.py --epochs 200 --checkpoint $pretrained_model_dir/$model.pt',
      'done',
      '',
    ].join('\n');

  it('reads a checkpoint flag given a file in a folder named for a sized model as the model a fine-tune starts from', async () => {
    const run = await runOf({ 'train.py': trainer, 'run.sh': recipe('SpeechLM-300M') }, 'run.sh');
    assert.equal(run?.model.name, 'SpeechLM-300M');
    assert.equal(run?.model.params, 300_000_000);
    assert.equal(run?.mode, 'finetune');
  });

  it('names no model from a folder that states no size, and trains from scratch without the flag', async () => {
    const facts = extractShellFacts(recipe('latest'));
    assert.ok(!facts.some((f) => f.kind === 'model.id'));
    const alone = await runOf({ 'train.py': trainer }, 'train.py');
    assert.equal(alone?.mode, 'pretrain');
  });
});

describe('Forty-ninth round: a data filter’s length bound (set BC)', () => {
  const seqLen = (text: string) =>
    extractConfigFacts(text, 'yaml', 'conf/train.yaml').facts.find((f) => f.kind === 'training.seqLen')?.value;

  it('does not take a data filter’s max_length for the sequence length', () => {
    assert.equal(seqLen('max_epoch: 200\nfilter:\n  max_length: 40960\n  min_length: 0\n'), undefined);
    assert.equal(seqLen('max_epoch: 200\ndata:\n  length_filter:\n    max_length: 40960\n'), undefined);
  });

  it('still reads a training max_length', () => {
    assert.equal(seqLen('max_epoch: 200\ndata:\n  max_length: 2048\n'), 2048);
  });
});
