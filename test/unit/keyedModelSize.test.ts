import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * A vocabulary set by key in the dict a from-scratch model's config is built from (`model_args['vocab_size'] = …`,
 * then `LMConfig(**model_args)`): read on the path the defaults take, at module level only.
 */

const SCRIPT = (body: string) => `import torch
from lm import TinyLM, LMConfig

depth = 6
width = 384
start = 'fresh'
vocab_from_data = None
model_args = dict(depth=depth, width=width, vocab_size=None)
${body}
model = TinyLM(config)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for step in range(100):
    loss = model(torch.zeros(4, 64, dtype=torch.long))
    loss.backward()
    optimizer.step()
`;

describe('a model size set by key in the config dict', () => {
  it('reads the value the defaults give, where the dict is unpacked into the config', async () => {
    const facts = await pythonFacts(
      SCRIPT(`if start == 'fresh':
    model_args['vocab_size'] = vocab_from_data if vocab_from_data is not None else 32000
    config = LMConfig(**model_args)`),
    );
    const vocab = oneFact(facts, 'model.vocabSize', 32000);
    assert.match(vocab.detail, /model_args\['vocab_size'\]/);
  });

  it('reads nothing in a branch the defaults do not take, in a function, or for a dict never unpacked', async () => {
    noFact(
      await pythonFacts(
        SCRIPT(`if start == 'resume':
    model_args['vocab_size'] = 50000
config = LMConfig(**model_args)`),
      ),
      'model.vocabSize',
      50000,
    );
    noFact(
      await pythonFacts(
        SCRIPT(`def build():
    model_args['vocab_size'] = 50000
    return LMConfig(**model_args)
config = build()`),
      ),
      'model.vocabSize',
      50000,
    );
    noFact(
      await pythonFacts(
        SCRIPT(`other = {}
other['vocab_size'] = 50000
config = LMConfig(**model_args)`),
      ),
      'model.vocabSize',
      50000,
    );
  });
});
