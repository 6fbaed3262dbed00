import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import picomatch from 'picomatch';
import {
  DOCUMENTATION_GLOBS,
  documentedLaunchIndex,
  isDocumentationFile,
  MAX_PLACEHOLDER_EXPANSIONS,
} from '../../src/core/scan/documentedLaunches';
import { runOf, scanFiles } from './helpers';

/** Fifty-second round: rules from what set BJ read wrong. */

describe('Fifty-second round: rules from set BJ', () => {
  it('gives each config of a folder a README names by a placeholder (`<config>.yaml`) the documented launch', async () => {
    const config = (model: string) =>
      ['# To be run on 64 GPUs', `model: ${model}`, 'dtype: bfloat16', 'batch_size: 128', 'epochs: 20', ''].join('\n');
    const program = [
      'import argparse, yaml, torch',
      'from timm.models import create_model',
      "if __name__ == '__main__':",
      '    config_parser = argparse.ArgumentParser(add_help=False)',
      "    config_parser.add_argument('-c', '--config', default='', type=str)",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--model', default='fm_base_12e_12d', type=str)",
      "    parser.add_argument('--epochs', default=100, type=int)",
      '    args_config, remaining = config_parser.parse_known_args()',
      '    if args_config.config:',
      "        with open(args_config.config, 'r') as f:",
      '            parser.set_defaults(**yaml.safe_load(f))',
      '    args = parser.parse_args(remaining)',
      '    model = create_model(args.model)',
      '    for epoch in range(args.epochs):',
      '        for batch in loader:',
      '            model(batch).backward()',
      '            optimizer.step()',
      '',
    ].join('\n');
    const files = {
      'README_TRAINING.md':
        '## Training\n\n```bash\ntorchrun --nproc_per_node=8 run_training.py \\\n--config cfgs/models/<config>.yaml\n```\n',
      'run_training.py': program,
      'cfgs/models/main/b_500b.yaml': config('fm_base_12e_12d'),
      'cfgs/models/superres/l_sr_100b.yaml': config('fm_large_24e_24d'),
    };
    const scan = await scanFiles(files);
    for (const file of ['cfgs/models/main/b_500b.yaml', 'cfgs/models/superres/l_sr_100b.yaml']) {
      const run = scan.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
      assert.equal(run?.training.epochs, 20, file);
      assert.equal(run?.training.precision, 'bf16', file);
    }
  });

  it('reads a run config in sections whose training section counts `n_epochs` (the DDPM U-Net ports’ configs)', async () => {
    const config = [
      'data:',
      '    dataset: "CIFAR10"',
      '    image_size: 32',
      'model:',
      '    type: "simple"',
      '    ch: 128',
      '    ch_mult: [1, 2, 2, 2]',
      '    num_res_blocks: 2',
      'training:',
      '    batch_size: 128',
      '    n_epochs: 10000',
      'optim:',
      '    lr: 0.0002',
      '',
    ].join('\n');
    const run = await runOf({ 'configs/cifar10.yml': config }, 'configs/cifar10.yml');
    assert.equal(run?.training.epochs, 10_000);
    assert.equal(run?.mode, 'pretrain');
  });

  it('leaves a program that saves a dataset’s tokens (`save_vq_tokens.py`) out as data preparation', async () => {
    const text = [
      'import argparse, torch',
      'def main(args):',
      '    tok = load_tokenizer(args.tokenizer_id)',
      '    tok.eval()',
      '    for folder in folders:',
      '        for images in loader(folder):',
      '            with torch.no_grad():',
      '                tokens = tok.tokenize(images)',
      '            save(tokens)',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--tokenizer_id', type=str)",
      '    main(parser.parse_args())',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'save_vq_tokens.py': text });
    assert.equal(scan.files.find((f) => f.display === 'save_vq_tokens.py')?.analysis.runs.length ?? 0, 0);
    assert.match(scan.leftOut.find((l) => l.display === 'save_vq_tokens.py')?.reason ?? '', /data utility/);
  });

  it('expands a bounded number of placeholder folders however many commands the pages hold', () => {
    const commands = Array.from({ length: 5_000 }, (_, i) => ({
      command: `torchrun run.py --config cfgs/m${i}/<config>.yaml`,
      line: i,
    }));
    let calls = 0;
    const index = documentedLaunchIndex(
      [{ path: '/r/README.md', display: 'README.md', commands }],
      () => undefined,
      (_from, folder) => {
        calls++;
        return [`/r/${folder}/a.yaml`];
      },
    );
    assert.equal(calls, MAX_PLACEHOLDER_EXPANSIONS);
    assert.equal(index.size, MAX_PLACEHOLDER_EXPANSIONS);
  });

  it('reads a flat config’s root `model:` registry name as the model, not a backend word', () => {
    const read = (text: string) =>
      extractConfigFacts(text, 'yaml', 'configs/x.yaml')
        .facts.filter((f) => f.kind === 'model.id')
        .map((f) => f.value);
    assert.deepEqual(read('model: faster_vit_0_224\nbatch_size: 128\nepochs: 300\n'), ['faster_vit_0_224']);
    assert.deepEqual(read('model: hf\nbatch_size: 8\n'), []);
    // A model section's registry name is read too (fifty-sixth round, LIIF's `model: {name: liif}`); a generic word is not.
    assert.deepEqual(read('model:\n  name: simple\nepochs: 3\n'), ['simple']);
    assert.deepEqual(read('model:\n  name: default\nepochs: 3\n'), []);
  });

  it('lists every documentation page the core reads by the globs the extension finds files with', () => {
    const matches = (name: string) => DOCUMENTATION_GLOBS.some((g) => picomatch(g)(name));
    for (const name of [
      'README.md',
      'readme.md',
      'README_TRAINING.md',
      'README_TOKENIZATION.md',
      'Readme-zh.md',
      'sub/dir/README.md',
      'GETTING_STARTED.md',
      'Training.md',
      'eval.md',
      'docs/install.md',
      'Docs/Guide.md',
      'deep/doc/a.md',
    ]) {
      assert.ok(isDocumentationFile(name), name);
      assert.ok(matches(name), `${name} is read for launches but not listed`);
    }
    // A guide's name in another folder is someone's notes: neither read nor listed.
    assert.equal(isDocumentationFile('notes/Training.md'), false);
    assert.equal(matches('notes/Training.md'), false);
  });
});
