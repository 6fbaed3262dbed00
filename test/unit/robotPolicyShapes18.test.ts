import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fact } from '../../src/core/facts';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';
import { analyzeSource, pythonFacts, ROOT } from './helpers';

/**
 * Eighteenth round, set U (robot-policy shapes): each rule on a small case of its own and on the near miss it must
 * leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Eighteenth round: robot policies, control loops and tokenizer fits', () => {
  it('names a LeRobot policy by its class, built or loaded, and not a local class of the same shape', async () => {
    const built = await pythonFacts(
      'from lerobot.policies import (\n    GaussianActorConfig,\n    GaussianActorPolicy,\n)\n\npolicy = GaussianActorPolicy(GaussianActorConfig())\npolicy.train()\n',
    );
    assert.deepEqual(valuesOf(built, 'model.id'), ['lerobot:gaussianactor']);
    const local = await pythonFacts(
      'from lerobot.policies.act import ACTConfig\n\nclass TinyPolicy:\n    pass\n\npolicy = TinyPolicy(ACTConfig())\n',
    );
    assert.deepEqual(valuesOf(local, 'model.id'), []);
    // A Hub id the load names is kept beside the type (and is surer).
    const named = await pythonFacts(
      'from lerobot.policies.diffusion import DiffusionPolicy\npolicy = DiffusionPolicy.from_pretrained("lerobot/diffusion_pusht")\n',
    );
    assert.deepEqual(valuesOf(named, 'model.id'), ['lerobot:diffusion', 'lerobot/diffusion_pusht']);
  });

  it('reads predict_action(use_amp=...) as fp16 only when it is switched on', async () => {
    const head =
      'from lerobot.common.control_utils import predict_action\nfrom lerobot.policies.act import ACTPolicy\n';
    const on = await pythonFacts(`${head}a = predict_action(obs, policy, device, use_amp=True)\n`);
    assert.deepEqual(valuesOf(on, 'training.precision'), ['fp16']);
    const off = await pythonFacts(`${head}a = predict_action(obs, policy, device, use_amp=False)\n`);
    assert.deepEqual(valuesOf(off, 'training.precision'), []);
    const flag = await pythonFacts(`${head}a = predict_action(obs, policy, device, use_amp=cfg.use_amp)\n`);
    assert.deepEqual(valuesOf(flag, 'training.precision'), []);
  });

  it('leaves paced and model-free step loops and episode loops out, and keeps a step loop that trains', async () => {
    const paced = await pythonFacts(
      'import time\nmodel = load()\nfor step in range(100):\n    robot.send_action(plan[step])\n    time.sleep(0.02)\n',
    );
    assert.deepEqual(valuesOf(paced, 'launch.trainer'), []);
    const bare = await pythonFacts('for step in range(1, n + 1):\n    points.append(step / n)\n');
    assert.deepEqual(valuesOf(bare, 'launch.trainer'), []);
    const trains = await pythonFacts(
      'import time\nfor step in range(100):\n    loss = model(x).sum()\n    loss.backward()\n    optimizer.step()\n    time.sleep(0.01)\n',
    );
    assert.ok(valuesOf(trains, 'launch.trainer').includes('loop'));
    const episodes = await pythonFacts(
      'model = m()\nfor ep_idx in range(num_episodes):\n    out.append(model(ep_idx))\n',
    );
    assert.deepEqual(valuesOf(episodes, 'training.epochs'), []);
    const epochs = await pythonFacts('model = m()\nfor ep in range(num_epochs):\n    loss = model(x)\n');
    assert.deepEqual(valuesOf(epochs, 'launch.trainer'), ['loop']);
  });

  it('does not read a tokenizer fit as training, but keeps a model fit', async () => {
    const tok = await pythonFacts('tokenizer = base_tokenizer.fit(chunks, vocab_size=1024)\n');
    assert.deepEqual(valuesOf(tok, 'launch.trainer'), []);
    const keras = await pythonFacts('model.fit(x, y, epochs=3)\n');
    assert.deepEqual(valuesOf(keras, 'launch.trainer'), ['fit']);
  });
});

describe('Eighteenth round: evaluation programs named test_*.py', () => {
  const program =
    'import argparse\nimport torch\nfrom transformers import AutoModel\n\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--data")\n    args = parser.parse_args()\n    model = AutoModel.from_pretrained("org/m", torch_dtype=torch.bfloat16)\n';
  it('keeps an argparse program run as main named test_<split>.py, outside test folders', () => {
    assert.equal(nonRunPlaceReason('video_retrieval/test_msrvtt.py', program), undefined);
  });
  it('still leaves out test modules and test folders; a program without flags is left to its facts', () => {
    assert.equal(nonRunPlaceReason('pkg/test_model.py', `${program}\ndef test_forward():\n    pass\n`), 'a test file');
    assert.equal(nonRunPlaceReason('pkg/test_model.py', `import pytest\n${program}`), 'a test file');
    assert.equal(nonRunPlaceReason('tests/test_msrvtt.py', program), 'in a test folder');
    // Run as main with no test code: a program (a Hydra evaluation has no argparse either); whether it is a run is
    // what its facts say (here: none).
    assert.equal(nonRunPlaceReason('pkg/test_speed.py', 'if __name__ == "__main__":\n    main()\n'), undefined);
  });
});

describe('Eighteenth round: checkpoints whose own code sets the loaded dtype', () => {
  const fixture = fs.readFileSync(path.join(ROOT, 'test/fixtures/scanner/fixu4/glm/chat_cli.py'), 'utf8');
  const chat = (id: string) => fixture.split('THUDM/chatglm2-6b').join(id);
  const weights = async (id: string) => {
    const analysis = await analyzeSource('chat.py', chat(id));
    return analysis.runs[0].run.assumptions.find((a) => a.field === 'inference.weightPrecision');
  };
  it('loads ChatGLM2-6B in its config dtype (fp16) from the catalog, without torch_dtype', async () => {
    const w = await weights('THUDM/chatglm2-6b');
    assert.equal(w?.value, 'fp16');
    assert.equal(w?.source, 'catalog');
  });
  it("keeps from_pretrained's float32 default for a checkpoint without that catalog fact", async () => {
    const w = await weights('Qwen/Qwen2.5-7B-Instruct');
    assert.equal(w?.value, 'fp32');
    assert.equal(w?.source, 'default');
  });
});
