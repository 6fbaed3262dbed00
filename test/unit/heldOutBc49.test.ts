import * as assert from 'node:assert/strict';
import { pythonFacts, scanFiles } from './helpers';

/** Forty-ninth round: rules from what set BC read wrong. */

/** The run the scan shows for one file, or undefined. */
async function runOf(files: Record<string, string>, file: string) {
  const scan = await scanFiles(files);
  return scan.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
}

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

  const solver = ['    solver = TASKS[cfg.yaml_cfg["task"]](cfg)', '    solver.fit()', ''];

  it('reads `-c, --config` required as the program’s config (short option first)', async () => {
    const detail = await verdict([
      'import argparse',
      'from src.core import YAMLConfig',
      'from src.solver import TASKS',
      'def main(args):',
      '    cfg = YAMLConfig(args.config)',
      ...solver,
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('-c', '--config', type=str, required=True)",
      '    main(parser.parse_args())',
    ]);
    assert.match(detail, /config-driven program/);
  });

  it('reads a config flag with no default handed to a config class over lines (YAMLConfig(\\n args.config, ...))', async () => {
    const detail = await verdict([
      'import argparse',
      'from src.core import YAMLConfig',
      'from src.solver import TASKS',
      'def main(args):',
      '    cfg = YAMLConfig(',
      '        args.config,',
      '        resume=args.resume,',
      '    )',
      ...solver,
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--config', '-c', type=str)",
      "    parser.add_argument('--resume', '-r', type=str)",
      '    main(parser.parse_args())',
    ]);
    assert.match(detail, /config-driven program/);
  });

  it('keeps a program whose config flag has a default a run of its own', async () => {
    const detail = await verdict([
      'import argparse',
      'from src.core import YAMLConfig',
      'from src.solver import TASKS',
      'def main(args):',
      '    cfg = YAMLConfig(args.config)',
      ...solver,
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--config', '-c', type=str, default='configs/base.yml')",
      '    main(parser.parse_args())',
    ]);
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
