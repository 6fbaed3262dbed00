import * as assert from 'node:assert/strict';
import { pickedBy } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/** A Booster program choosing its plugin by a flag, as Colossal-AI examples write it. */
function program(pluginDefault: string | undefined, extra = ''): string {
  const declared =
    pluginDefault === undefined ? '' : `    parser.add_argument("--strategy", type=str, default="${pluginDefault}")\n`;
  return `import argparse
from colossalai.booster import Booster
from colossalai.booster.plugin import GeminiPlugin, HybridParallelPlugin, TorchDDPPlugin


def main():
    parser = argparse.ArgumentParser()
${declared}    parser.add_argument("--dtype", type=str, default="bf16")
    args = parser.parse_args()
    if args.strategy == "ddp":
        plugin = TorchDDPPlugin()
    elif args.strategy == "gemini":
        plugin = GeminiPlugin(initial_scale=2**16)
    elif args.strategy == "3d":
        plugin = HybridParallelPlugin(tp_size=2, pp_size=1, precision=args.dtype)
${extra}    booster = Booster(plugin=plugin)
    model, optimizer, *_ = booster.boost(model, optimizer)
    for batch in loader:
        booster.backward(model(**batch).loss, optimizer)
        optimizer.step()


if __name__ == "__main__":
    main()
`;
}

describe('Colossal-AI Booster plugins (set Y)', () => {
  it('reads the precision of the plugin the flag picks by default, with each pick for a launch line', async () => {
    const facts = (await pythonFacts(program('gemini'))).filter((f) => f.kind === 'training.precision');
    assert.equal(facts.length, 1);
    assert.equal(facts[0].value, 'fp16');
    assert.deepEqual(facts[0].flagDefault, ['strategy']);
    const picks = facts[0].picks ?? [];
    assert.equal(pickedBy(picks, 'ddp'), 'fp32');
    assert.equal(pickedBy(picks, '3d'), 'bf16');
    assert.equal(pickedBy(picks, 'zero3'), undefined);
  });

  it('reads a precision=args.<flag> through that flag default (the 3d pick reads --dtype)', async () => {
    const facts = (await pythonFacts(program('3d'))).filter((f) => f.kind === 'training.precision');
    assert.deepEqual(
      facts.map((f) => f.value),
      ['bf16'],
    );
  });

  it('leaves the precision unknown when the flag is declared in another module', async () => {
    const facts = (await pythonFacts(program(undefined))).filter((f) => f.kind === 'training.precision');
    const picked = facts.find((f) => f.picks);
    assert.equal(picked?.value, null);
    assert.equal(pickedBy(picked?.picks ?? [], 'gemini'), 'fp16');
  });

  it('reads nothing in a file that does not import Colossal-AI', async () => {
    const code = program('gemini').replace(/^from colossalai[^\n]*\n/gm, '');
    const facts = (await pythonFacts(code)).filter((f) => f.kind === 'training.precision' && f.picks);
    assert.equal(facts.length, 0);
  });

  it('prefix tests cover the names they start, an exact test wins', () => {
    const picks = [
      ['torch_ddp*', 'fp32'],
      ['torch_ddp_fp16', 'fp16'],
    ] as const;
    assert.equal(pickedBy(picks, 'torch_ddp'), 'fp32');
    assert.equal(pickedBy(picks, 'torch_ddp_fp16'), 'fp16');
  });

  it('a Booster loading a checkpoint into a model built from its config makes the run a fine-tune', async () => {
    const code = (resume: boolean) => `import argparse
from colossalai.booster import Booster
from colossalai.booster.plugin import GeminiPlugin
from transformers import AutoConfig, AutoModelForCausalLM


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", type=str, required=True)
    args = parser.parse_args()
    model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(args.weights))
    booster = Booster(plugin=GeminiPlugin())
    model, optimizer, *_ = booster.boost(model, optimizer)
${resume ? '    if args.weights:\n    ' : ''}    booster.load_model(model, args.weights)
    for batch in loader:
        booster.backward(model(**batch).loss, optimizer)
        optimizer.step()


if __name__ == "__main__":
    main()
`;
    const loaded = (await pythonFacts(code(false))).filter((f) => f.kind === 'model.fromScratch');
    assert.deepEqual(
      loaded.map((f) => f.value),
      [false],
    );
    const switched = (await pythonFacts(code(true))).filter((f) => f.kind === 'model.fromScratch');
    assert.deepEqual(
      switched.map((f) => f.value),
      [true],
    );
  });
});
