import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * A pipeline loaded with pretrained weights and asked for outputs by its `run`/`sample` method at module level
 * (`pipe = ImageTo3DPipeline.from_pretrained("org/model")`, `out = pipe.run(image, seed=1)`): an inference run,
 * as a call of the loaded object itself is.
 */

const SCRIPT = (call: string, extra = '') => `import imageio
from meshgen.pipelines import ImageTo3DPipeline
from PIL import Image

pipe = ImageTo3DPipeline.from_pretrained("acme/meshgen-large")
pipe.cuda()
${extra}
outputs = ${call}
imageio.mimsave("out.mp4", outputs["frames"], fps=30)
`;

describe('a loaded pipeline asked to run', () => {
  it('reads pipe.run(...) and pipe.sample(...) on a from_pretrained object as inference', async () => {
    for (const call of [
      'pipe.run(Image.open("chair.png"), seed=1)',
      'pipe.sample(Image.open("chair.png"))',
      'pipe.run_multi_image([Image.open("a.png"), Image.open("b.png")])',
    ]) {
      const facts = await pythonFacts(SCRIPT(call));
      const run = oneFact(facts, 'launch.inference');
      assert.match(run.detail, /pretrained model/);
    }
  });

  it('does not read a run() of another object, or one in a file that trains', async () => {
    noFact(await pythonFacts(SCRIPT('server.run(port=8000)', 'server = make_server()')), 'launch.inference');
    noFact(
      await pythonFacts(
        SCRIPT('pipe.run(Image.open("chair.png"))', 'opt = torch.optim.AdamW(pipe.parameters())\nloss.backward()'),
      ),
      'launch.inference',
    );
  });
});
