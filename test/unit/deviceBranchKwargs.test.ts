import * as assert from 'node:assert/strict';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { parsing } from './helpers';

async function precisionFacts(text: string) {
  const python = await parsing();
  const tree = python.parser.parse(text)!;
  const facts = extractPythonFacts(tree, text).filter((f) => f.kind === 'training.precision');
  tree.delete();
  return facts;
}

const adapters = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `
class Adapter${i}:
    def load_weights(self, path, kw):
        return AutoModelForCausalLM.from_pretrained(path, torch_dtype=torch.bfloat16)
`,
  ).join('');

const loader = (deviceDefault: string, handOn = 'adapter.load_weights(path, kwargs)') => `
import torch
from transformers import AutoModelForCausalLM
${adapters(3)}
def load_model(path, device: str = ${deviceDefault}, num_gpus: int = 1):
    adapter = Adapter0()
    if device == "cpu":
        kwargs = {"torch_dtype": torch.float32}
    elif device == "cuda":
        kwargs = {"torch_dtype": torch.float16}
    return ${handOn}
`;

describe('a loader that picks its keyword dict by device (eighteenth round, set U)', () => {
  it('reads the GPU branch of a loader whose device defaults to "cuda", and marks per-adapter dtypes as theirs', async () => {
    const facts = await precisionFacts(loader('"cuda"'));
    const own = facts.filter((f) => f.within === undefined);
    assert.deepEqual(
      own.map((f) => f.value),
      ['fp16'],
    );
    assert.equal(facts.filter((f) => f.within?.endsWith('.load_weights')).length, 3);
  });

  it('follows `**kwargs` handed to from_pretrained too', async () => {
    const facts = await precisionFacts(loader('"cuda"', 'AutoModelForCausalLM.from_pretrained(path, **kwargs)'));
    assert.ok(facts.some((f) => f.value === 'fp16' && f.within === undefined));
  });

  it('says nothing when the device defaults to the CPU or the dict is never handed to a loader', async () => {
    for (const text of [loader('"cpu"'), loader('"cuda"', 'kwargs')]) {
      const facts = await precisionFacts(text);
      assert.ok(!facts.some((f) => f.value === 'fp16'));
      assert.ok(facts.every((f) => f.within === undefined));
    }
  });

  it('leaves the dtypes of fewer than three classes alone (not a family of adapters)', async () => {
    const text = loader('"cuda"').replace(adapters(3), adapters(2));
    const facts = await precisionFacts(text);
    assert.ok(facts.some((f) => f.value === 'fp16'));
    assert.ok(facts.every((f) => f.within === undefined));
  });
});
