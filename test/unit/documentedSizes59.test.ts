import * as assert from 'node:assert/strict';
import { docSizeRows, documentedSizeIndex } from '../../src/core/scan/documentedSizes';
import { analyzeText } from '../../src/core/analyze';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { parsing, runOf } from './helpers';

/** Fifty-ninth round: the model sizes a repository's own model-zoo tables give its configs. */

/** An OpenMMLab-style segmentation config: a backbone of the repository's own, sized nowhere in the file. */
const SEGMENTATION_CONFIG = [
  "_base_ = ['../_base_/models/upernet_focalnet.py', '../_base_/datasets/ade20k.py',",
  "          '../_base_/default_runtime.py', '../_base_/schedules/schedule_160k.py']",
  'model = dict(',
  "    backbone=dict(type='FocalNet', embed_dim=96, depths=[2, 2, 6, 2], drop_path_rate=0.3),",
  '    decode_head=dict(in_channels=[96, 192, 384, 768], num_classes=150))',
  "optimizer = dict(_delete_=True, type='AdamW', lr=0.00006, weight_decay=0.01)",
  'data = dict(samples_per_gpu=2)',
  '',
].join('\n');

const TRAIN_TOOL = [
  'import argparse',
  'from mmcv import Config',
  'from mmseg.apis import train_segmentor',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('config')",
  '    args = parser.parse_args()',
  '    cfg = Config.fromfile(args.config)',
  '    model = build_segmentor(cfg.model)',
  '    train_segmentor(model, datasets, cfg)',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

const CONFIG_PATH = 'configs/focalnet/upernet_focalnet_tiny_512x512_160k_ade20k.py';

describe('Fifty-ninth round: model tables in the documentation', () => {
  it('reads the size column of a pipe table, its unit in the cell or in the header', () => {
    const rows = docSizeRows(
      [
        '| Backbone | Method | mIoU | #params | FLOPs | config |',
        '| :---: | :---: | :---: | :---: | :---: | :---: |',
        '| FocalNet-T | UPerNet | 46.5 | 61M | 944G | [config](configs/a/upernet_a_tiny.py) |',
        '| FocalNet-B | UPerNet | 48.0 | **1.12B** | 2000G | [config](configs/a/upernet_a_base.py) |',
        '',
        'Model | Params (M) | Top-1',
        '--- | --- | ---',
        'T2T-ViT-14 | <sub>21.5</sub> | 81.5',
        '',
        '|NAFSSR-L|x2|23.79M|[gdrive](https://x/y)  \\|  [baidu](https://z)|[train](../options/NAFSSR-L_2x.yml)|',
      ].join('\n'),
    );
    assert.deepEqual(
      rows.map((r) => [r.params, r.line]),
      [
        [61e6, 2],
        [1.12e9, 3],
        [21.5e6, 7],
      ],
    );
    assert.deepEqual(rows[0].references, ['configs/a/upernet_a_tiny.py']);
    // The size as written, with the header's unit where the cell has none.
    assert.deepEqual(
      rows.map((r) => r.text),
      ['61M', '1.12B', '21.5M'],
    );
  });

  it('splits a row on unescaped pipes only, so a link pair in one cell keeps the columns in place', () => {
    const rows = docSizeRows(
      [
        '|Method|Scale|Params|PSNR|Download|Config|',
        '|:---:|:---:|:---:|:---:|:---:|:---:|',
        '|NAFSSR-L|x2|23.79M|29.68|[gdrive](https://x/y)  \\|  [baidu](https://z)|[train](../options/NAFSSR-L_2x.yml)|',
      ].join('\n'),
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].params, 23.79e6);
    assert.deepEqual(rows[0].references, ['https://x/y', 'https://z', '../options/NAFSSR-L_2x.yml']);
  });

  it('reads no trainable or active parameter column, no parameter table of flags, no bare small number', () => {
    const rows = docSizeRows(
      [
        '| Model | LoRA Parameters | Trainable params | Active Params |',
        '| --- | --- | --- | --- |',
        '| llama-7b | 4M | 4.2M | 7B |',
        '',
        '| Parameter | Description |',
        '| --- | --- |',
        '| `--lr` | learning rate |',
        '',
        '| Model | Params |',
        '| --- | --- |',
        '| small | 61 |',
      ].join('\n'),
    );
    assert.deepEqual(rows, []);
  });

  it('gives a file the size of the row that links it, else of the row that names it; never two sizes', () => {
    const rows = (text: string) => docSizeRows(`| Model | Params | Links |\n| --- | --- | --- |\n${text}\n`);
    const docs = [
      {
        path: '/w/README.md',
        display: 'README.md',
        rows: rows(
          [
            '| tiny | 28M | [ckpt](https://host/upernet_tiny_160k_ade20k.pth) |',
            '| base | 88M | [config](https://github.com/o/r/blob/main/configs/upernet_base_160k_ade20k.py) |',
            '| small | 50M | [ckpt](https://host/mask_rcnn_small_1x_coco.pth) |',
            '| small | 70M | [ckpt](https://host/mask_rcnn_small_1x_coco_v2.pth) [cfg](configs/mask_rcnn_small_1x_coco.py) |',
          ].join('\n'),
        ),
      },
    ];
    const paths = [
      '/w/configs/upernet_tiny_160k_ade20k.py',
      '/w/configs/upernet_base_160k_ade20k.py',
      '/w/configs/mask_rcnn_small_1x_coco.py',
    ];
    const resolve = (_from: string, reference: string) => paths.find((p) => p === `/w/${reference}`);
    const index = documentedSizeIndex(docs, resolve, paths);
    assert.equal(index.get('/w/configs/upernet_tiny_160k_ade20k.py')?.params, 28e6);
    assert.equal(index.get('/w/configs/upernet_base_160k_ade20k.py')?.params, 88e6);
    // Linked by the second row (70M): the first only names it, and a link says more than a name.
    assert.equal(index.get('/w/configs/mask_rcnn_small_1x_coco.py')?.params, 70e6);
    // A name two files share tells nothing.
    const twice = documentedSizeIndex(docs, () => undefined, [...paths, '/w/other/upernet_tiny_160k_ade20k.yaml']);
    assert.equal(twice.get('/w/configs/upernet_tiny_160k_ade20k.py'), undefined);
    // Two rows linking one file with different sizes give it none.
    const clash = documentedSizeIndex(
      [
        {
          ...docs[0],
          rows: rows('| a | 10M | [c](configs/x_config_file.py) |\n| b | 20M | [c](configs/x_config_file.py) |'),
        },
      ],
      (_f, r) => `/w/${r}`,
      ['/w/configs/x_config_file.py'],
    );
    assert.equal(clash.size, 0);
  });

  it("sizes a config run by the README's model table, and says where", async () => {
    const readme = [
      '# Segmentation',
      '',
      '| Backbone | Method | Crop | Lr Schd | mIoU | #params | FLOPs | config |',
      '| :---: | :---: | :---: | :---: | :---: | :---: | :---: | :---: |',
      `| FocalNet-T | UPerNet | 512x512 | 160K | 46.5 | 61M | 944G | [config](${CONFIG_PATH}) |`,
      '',
    ].join('\n');
    const files = { [CONFIG_PATH]: SEGMENTATION_CONFIG, 'tools/train.py': TRAIN_TOOL, 'README.md': readme };
    const run = await runOf(files, CONFIG_PATH);
    assert.equal(run?.model.params, 61e6);
    const note = run?.assumptions.find((a) => a.field === 'model.params');
    assert.match(note?.detail ?? '', /README\.md:5: the repository's model table gives this config 61M parameters/);
    // Without the table the size is unknown, not made up.
    const bare = await runOf({ [CONFIG_PATH]: SEGMENTATION_CONFIG, 'tools/train.py': TRAIN_TOOL }, CONFIG_PATH);
    assert.equal(bare?.model.source, 'default');
  });

  it('matches a row naming the checkpoint after the config, in a docs page', async () => {
    const page = [
      '| Model | Params (M) | Download |',
      '|---|---|---|',
      '| FocalNet-T | 61.0 | [model](https://host/release/upernet_focalnet_tiny_512x512_160k_ade20k.pth) |',
    ].join('\n');
    const run = await runOf(
      { [CONFIG_PATH]: SEGMENTATION_CONFIG, 'tools/train.py': TRAIN_TOOL, 'docs/model_zoo.md': page },
      CONFIG_PATH,
    );
    assert.equal(run?.model.params, 61e6);
  });

  it('leaves a size the config itself gives to the config', async () => {
    const yaml = [
      'model:',
      '  name: mpt_causal_lm',
      '  d_model: 768',
      '  n_heads: 12',
      '  n_layers: 12',
      '  vocab_size: 50368',
      'max_duration: 4800ba',
      'global_train_batch_size: 256',
      'precision: amp_bf16',
      '',
    ].join('\n');
    const readme = '| Model | Params |\n|---|---|\n| ours | 7B | [cfg](yamls/mpt-125m-custom.yaml) |\n';
    const run = await runOf({ 'yamls/mpt-125m-custom.yaml': yaml, 'README.md': readme }, 'yamls/mpt-125m-custom.yaml');
    assert.ok(run && run.model.params > 1e8 && run.model.params < 2e8, `params ${run?.model.params}`);
  });
});

describe('Fifty-ninth round: the editor reads an open file with what the scan found its documentation saying', () => {
  const readme = [
    '| Backbone | Method | #params | config |',
    '| --- | --- | --- | --- |',
    `| FocalNet-T | UPerNet | 61M | [config](${CONFIG_PATH}) |`,
    '',
  ].join('\n');

  it('keeps, per file, the documented launches and table size of the last scan, and says when they change', async () => {
    const sources = (page: string) =>
      Object.entries({ [CONFIG_PATH]: SEGMENTATION_CONFIG, 'tools/train.py': TRAIN_TOOL, 'README.md': page }).map(
        ([rel, text]) => ({ path: `/w/${rel}`, display: rel, read: async () => new TextEncoder().encode(text) }),
      );
    const cache = new FolderScanCache();
    const options = { python: await parsing(), root: '/w', settingsFor: () => DEFAULT_SETTINGS };
    await cache.scan(sources(readme), options);
    assert.equal(cache.documentationOf(`/w/${CONFIG_PATH}`)?.documentedSize?.params, 61e6);
    assert.equal(cache.documentationChanged, true);
    await cache.scan(sources(readme), options);
    assert.equal(cache.documentationChanged, false);
    await cache.scan(sources(readme.replace('61M', '62M')), options);
    assert.equal(cache.documentationChanged, true);
    assert.equal(cache.documentationOf(`/w/${CONFIG_PATH}`)?.documentedSize?.params, 62e6);
    // A scan cancelled after it read the new page does not use the change up: the next complete scan still says it.
    const changedPage = sources(readme.replace('61M', '63M'));
    const stopped = await cache.scan(changedPage, {
      ...options,
      isCancelled: () => cache.documentationOf(`/w/${CONFIG_PATH}`)?.documentedSize?.params === 63e6,
    });
    assert.equal(stopped.cancelled, true);
    await cache.scan(changedPage, options);
    assert.equal(cache.documentationChanged, true);
  });

  it('reads one file with its documentation as the scan does', async () => {
    const cache = new FolderScanCache();
    const python = await parsing();
    await cache.scan(
      Object.entries({ [CONFIG_PATH]: SEGMENTATION_CONFIG, 'tools/train.py': TRAIN_TOOL, 'README.md': readme }).map(
        ([rel, text]) => ({ path: `/w/${rel}`, display: rel, read: async () => new TextEncoder().encode(text) }),
      ),
      { python, root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
    const input = { path: `/w/${CONFIG_PATH}`, text: SEGMENTATION_CONFIG, relativePath: CONFIG_PATH };
    const alone = analyzeText(input, python, DEFAULT_SETTINGS);
    assert.equal(alone.runs[0]?.run.model.source, 'default');
    const documentation = cache.documentationOf(`/w/${CONFIG_PATH}`);
    const withDocs = analyzeText({ ...input, documentation }, python, DEFAULT_SETTINGS);
    assert.equal(withDocs.runs[0]?.run.model.params, 61e6);
    // A documented launch's devices reach the open file too.
    const launched = analyzeText(
      {
        ...input,
        documentation: {
          documented: [
            {
              command: `python -m torch.distributed.launch --nproc_per_node=8 tools/train.py ${CONFIG_PATH}`,
              file: 'README.md',
              line: 4,
            },
          ],
        },
      },
      python,
      DEFAULT_SETTINGS,
    );
    assert.equal(launched.runs[0]?.run.hardware.count, 8);
  });
});
