import * as assert from 'node:assert/strict';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { parsing } from './helpers';

async function factsOf(code: string) {
  const tree = (await parsing()).parser.parse(code)!;
  const facts = extractPythonFacts(tree, code);
  tree.delete();
  return facts;
}

const SCRIPT = (precisionDefault: string, extra = '') =>
  [
    'import argparse',
    'import os',
    'from contextlib import nullcontext',
    'import torch',
    'from torch import autocast',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser()',
    `    parser.add_argument("--precision", type=str, choices=["full", "autocast"], default=${precisionDefault})`,
    '    parser.add_argument("--config", type=str, default="configs/small.yaml")',
    '    parser.add_argument("--large", action="store_true")',
    '    opt = parser.parse_args()',
    '    if opt.large:',
    '        opt.config = "configs/large.yaml"',
    extra,
    '    cfg = open(opt.config)',
    '    scope = autocast if opt.precision == "autocast" else nullcontext',
    '    with torch.no_grad():',
    '        with scope("cuda"):',
    '            run(cfg)',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');

describe('sampling scripts: flag overrides and the chosen autocast (twenty-first round)', () => {
  it('reads fp16 when the defaults pick autocast', async () => {
    const facts = await factsOf(SCRIPT('"autocast"'));
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp16');
  });

  it('reads fp32 when the defaults pick nullcontext', async () => {
    const facts = await factsOf(SCRIPT('"full"'));
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'fp32');
  });

  it('reads nothing when no default decides the choice', async () => {
    const facts = await factsOf(SCRIPT('os.environ["PRECISION"]'));
    assert.equal(
      facts.find((f) => f.kind === 'training.precision'),
      undefined,
    );
  });

  it('links the config of the --config default, not the one an off-by-default switch sets', async () => {
    const facts = await factsOf(SCRIPT('"autocast"'));
    const links = facts.filter((f) => f.kind === 'link.config').map((f) => f.value);
    assert.deepEqual(links, ['configs/small.yaml']);
  });

  it('follows an override that is not in a branch (the later assignment wins)', async () => {
    const facts = await factsOf(SCRIPT('"autocast"', '    opt.config = "configs/medium.yaml"'));
    const links = facts.filter((f) => f.kind === 'link.config').map((f) => f.value);
    assert.deepEqual(links, ['configs/medium.yaml']);
  });
});
