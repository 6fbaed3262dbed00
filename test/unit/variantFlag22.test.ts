import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/** A variant flag handed to a package's table of sizes (python/readers/variantFlag.ts), eighteenth round, set T. */

const kinds = (facts: readonly Fact[], kind: Fact['kind']) => facts.filter((f) => f.kind === kind);

const PROGRAM = (defaultValue: string, importLine = 'from wren.modeling import WrenForCausalLM', training = '') =>
  [
    'import argparse',
    'from wren.sizes import get_model_config',
    importLine,
    'def main(args):',
    '    cfg = get_model_config(args.variant)',
    '    model = WrenForCausalLM(cfg)',
    training,
    '    print(model.sample([1, 2, 3]))',
    'if __name__ == "__main__":',
    '    parser = argparse.ArgumentParser()',
    `    parser.add_argument("--variant", type=str, default="${defaultValue}", choices=["2b", "7b", "base"])`,
    '    main(parser.parse_args())',
    '',
  ].join('\n');

describe('a variant flag of sizes handed to the package', () => {
  it('names the family the class is named for, glued to the default size, and starts an inference run', async () => {
    const facts = await pythonFacts(PROGRAM('7b'));
    assert.equal(kinds(facts, 'model.id')[0]?.value, 'wren-7b');
    assert.equal(kinds(facts, 'launch.inference').length, 1);
  });

  it('names the catalog row where the family and size name one (gemma + 2b)', async () => {
    const text = PROGRAM('2b')
      .replace(/WrenForCausalLM/g, 'GemmaForCausalLM')
      .replace(/wren/g, 'gemma');
    assert.equal(kinds(await pythonFacts(text), 'model.id')[0]?.value, 'google/gemma-2b');
  });

  it('reads nothing for a default that is no size, a class of an installed library, or a file that trains', async () => {
    assert.equal(kinds(await pythonFacts(PROGRAM('base')), 'model.id').length, 0);
    const installed = PROGRAM('7b', 'from transformers import WrenForCausalLM');
    assert.equal(kinds(await pythonFacts(installed), 'model.id').filter((f) => f.value === 'wren-7b').length, 0);
    const trains = PROGRAM('7b', 'from wren.modeling import WrenForCausalLM', '    model.loss().backward()');
    assert.equal(kinds(await pythonFacts(trains), 'model.id').filter((f) => f.value === 'wren-7b').length, 0);
  });
});
