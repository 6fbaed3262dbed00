import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Twentieth round, set W: a model package driven through its facade object, and Meta Llama ModelArgs names kept as
 * module constants. Each rule on the shapes it reads and on the near misses it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);
// A load inside a function the module never calls is marked `within` it: the caller's run, not this file's.
const runs = (facts: readonly Fact[]) =>
  facts.filter((f) => f.kind === 'launch.inference' && f.within === undefined).length;

describe('Twentieth round: facade packages and Llama ModelArgs constants', () => {
  it('reads a facade built, loaded and asked to infer in code that runs, named only by a catalog package', async () => {
    const known = await pythonFacts(
      'import ChatTTS\nvoice = ChatTTS.Chat()\nvoice.load()\nwav = voice.infer(["hi"])\n',
    );
    assert.equal(runs(known), 1);
    assert.deepEqual(valuesOf(known, 'model.id'), ['ChatTTS']);
    const unknown = await pythonFacts('import speakwell\nsw = speakwell.Voice()\nsw.load()\nsw.generate("hi")\n');
    assert.equal(runs(unknown), 1);
    assert.deepEqual(valuesOf(unknown, 'model.id'), []);
  });

  it('reads a load in a FastAPI startup hook', async () => {
    const facts = await pythonFacts(
      'import ChatTTS\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.on_event("startup")\nasync def boot():\n    global tts\n    tts = ChatTTS.Chat()\n    tts.load()\n\n@app.get("/say")\ndef say(text: str):\n    return tts.infer([text])\n',
    );
    assert.equal(runs(facts), 1);
  });

  it('leaves a facade alone when nothing runs the load, nothing infers, or the file trains', async () => {
    const unreached = await pythonFacts(
      'import ChatTTS\n\ndef make():\n    t = ChatTTS.Chat()\n    t.load()\n    return t.infer(["x"])\n',
    );
    assert.equal(runs(unreached), 0);
    assert.deepEqual(
      unreached.filter((f) => f.kind === 'launch.inference').map((f) => f.within),
      ['make'],
    );
    const noInfer = await pythonFacts('import ChatTTS\nt = ChatTTS.Chat()\nt.load()\nprint(t)\n');
    assert.equal(runs(noInfer), 0);
    const trains = await pythonFacts(
      'import ChatTTS\nt = ChatTTS.Chat()\nt.load()\nout = t.infer(["x"])\nloss = out.sum()\nloss.backward()\n',
    );
    assert.equal(runs(trains), 0);
    // A framework's own load (tensors, JSON) is no facade.
    const tensors = await pythonFacts('import numpy\nz = numpy.Thing()\nz.load("a.npy")\nz.infer(1)\n');
    assert.equal(runs(tensors), 0);
  });

  it('reads dim as the width only beside n_layers and n_heads module constants', async () => {
    const llama = await pythonFacts('dim = 512\nn_layers = 8\nn_heads = 8\nvocab_size = 32000\n');
    assert.deepEqual(valuesOf(llama, 'model.hiddenSize'), [512]);
    const alone = await pythonFacts('dim = 512\ndepth = 8\nheads = 8\n');
    assert.deepEqual(valuesOf(alone, 'model.hiddenSize'), []);
    const noHeads = await pythonFacts('dim = 512\nn_layers = 8\n');
    assert.deepEqual(valuesOf(noHeads, 'model.hiddenSize'), []);
    // A width stated by a usual name wins.
    const named = await pythonFacts('hidden_size = 768\ndim = 64\nn_layers = 12\nn_heads = 12\n');
    assert.deepEqual(valuesOf(named, 'model.hiddenSize'), [768]);
  });
});
