import * as assert from 'node:assert/strict';
import { SIZED_MODEL_CLASS } from '../../src/core/extract/python/readers/gemmaLibrary';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { parsing } from './helpers';

async function factsOf(text: string) {
  const python = await parsing();
  const tree = python.parser.parse(text)!;
  const facts = extractPythonFacts(tree, text);
  tree.delete();
  return facts;
}

const valueOf = (facts: Awaited<ReturnType<typeof factsOf>>, kind: string) => facts.find((f) => f.kind === kind)?.value;
/** The Kauldron reader's trainer launch (other rules note a class construction as `construct:…`, not a run). */
const kauldronLaunch = (facts: Awaited<ReturnType<typeof factsOf>>) =>
  facts.find((f) => f.kind === 'launch.trainer' && String(f.value).startsWith('kauldron:'));

const config = (body: string) => `
from kauldron import konfig

with konfig.imports():
  from gemma import gm
  from kauldron import kd


def get_config():
${body}
`;

describe('Kauldron trainer configs and the gemma library (twenty-fourth round, set AA)', () => {
  it('names sized model classes by family and size only', () => {
    for (const name of ['Gemma3_4B', 'Gemma2_27B', 'Gemma3_270M', 'DiffusionGemma_26B_A4B'])
      assert.ok(SIZED_MODEL_CLASS.test(name), name);
    for (const name of ['Transformer', 'LoRA', 'GEMMA3_4B_IT', 'Gemma3Tokenizer', 'Model_v2'])
      assert.ok(!SIZED_MODEL_CLASS.test(name), name);
  });

  it('follows a local switch into the branch it takes: the LoRA wrapper only when it is on', async () => {
    const body = (on: string) => `  use_adapters = ${on}
  base = gm.nn.Gemma3_4B(tokens="batch.input")
  if use_adapters:
    net = gm.nn.LoRA(rank=4, model=base)
  else:
    net = base
  cfg = kd.train.Trainer()
  cfg.model = net
  cfg.init_transform = gm.ckpts.LoadCheckpoint(path="/ckpt/4b")
  cfg.num_train_steps = 1_200
  return cfg`;
    const on = await factsOf(config(body('True')));
    assert.equal(valueOf(on, 'model.id'), 'Gemma3_4B');
    assert.equal(valueOf(on, 'training.adapter'), 'lora');
    assert.equal(valueOf(on, 'training.steps'), 1200);
    const off = await factsOf(config(body('False')));
    assert.equal(valueOf(off, 'training.adapter'), undefined);
    assert.equal(valueOf(off, 'training.mode'), 'finetune');
    // The ml_collections reader leaves a Kauldron trainer to this one: a single model fact.
    assert.equal(off.filter((f) => f.kind === 'model.id').length, 1);
  });

  it("reads a model's own dtype over the library default, and none for integer weights", async () => {
    const own = await factsOf(
      config(`  return kd.train.Trainer(
      model=gm.nn.Gemma3_1B(dtype=jnp.float32),
      num_train_steps=10,
  )`).replace('from kauldron import kd', 'from kauldron import kd\n  import jax.numpy as jnp'),
    );
    assert.equal(valueOf(own, 'training.precision'), 'fp32');
    const quantised = await factsOf(`
from gemma import gm
net = gm.nn.IntWrapper(model=gm.nn.Gemma3_4B(), dtype=jnp.int8)
w = gm.ckpts.load_params("/ckpt/4b")
s = gm.text.Sampler(model=net, params=w)
`);
    assert.equal(valueOf(quantised, 'launch.inference'), 'gemma:load_params');
    assert.equal(valueOf(quantised, 'model.id'), 'Gemma3_4B');
    assert.equal(
      quantised.some((f) => f.kind === 'training.precision' && f.value === 'bf16'),
      false,
    );
  });

  it('reads no run from a trainer built outside get_config, or one a notebook never trains', async () => {
    const helper = await factsOf(
      config('  return 1').replace(
        'def get_config():',
        'def build(model):\n  return kd.train.Trainer(model=model, num_train_steps=5)\n\n\ndef get_config():',
      ),
    );
    assert.equal(kauldronLaunch(helper), undefined);
    const untrained = await factsOf(`
from gemma import gm
from kauldron import kd
trainer = kd.train.Trainer(model=gm.nn.Gemma3_1B(), num_train_steps=5)
`);
    assert.equal(kauldronLaunch(untrained), undefined);
  });

  it('stays linear over thousands of trainers no line trains', async () => {
    const many = Array.from({ length: 4000 }, (_, i) => `t${i} = kd.train.Trainer(num_train_steps=${i + 1})`).join(
      '\n',
    );
    const started = Date.now();
    const facts = await factsOf(`from kauldron import kd\n${many}\n`);
    assert.equal(kauldronLaunch(facts), undefined);
    assert.ok(Date.now() - started < 20_000);
  });
});
