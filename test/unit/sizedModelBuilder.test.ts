import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/** A model builder of the repository's own whose name states a published size (`DiT_B_4(...)`) names the model. */

const SAMPLER = (imports: string, build: string) => `import torch
from sampling import run_sampler
${imports}

torch.set_grad_enabled(False)
${build}
model.load_state_dict(torch.load("ckpt/last.pt"))
model.eval()
# The sampler calls the model's guided forward, never the model itself.
sample_fn = model.forward_with_cfg
images = run_sampler(sample_fn, torch.randn(4, 4, 32, 32), steps=50)
`;

describe('a sized model builder of the repository', () => {
  it('names the model by the builder its script imports and calls', async () => {
    const facts = await pythonFacts(SAMPLER('from nets import DiT_B_4', 'model = DiT_B_4(input_size=32).cuda()'));
    const named = oneFact(facts, 'model.id', 'DiT_B_4');
    assert.match(named.detail, /states the model's size/);
  });

  it('does not name a model from a builder whose name states no size, or one not kept as the model', async () => {
    noFact(await pythonFacts(SAMPLER('from nets import build_net', 'model = build_net(depth=12)')), 'model.id');
    noFact(
      await pythonFacts(
        SAMPLER('from nets import DiT_B_4', 'teacher = DiT_B_4(input_size=32)\nmodel = torch.nn.Linear(2, 2)'),
      ),
      'model.id',
      'DiT_B_4',
    );
  });
});
