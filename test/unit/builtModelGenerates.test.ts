import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * A model built from the repository's class, given trained weights read from a checkpoint, then asked to generate
 * (`dalle.generate_images(tokens)`): an inference run, as a call of the model or eval() would be.
 */

const SCRIPT = (use: string) => `import argparse
import torch
from imagegen import TextToImage, Tokenizer

parser = argparse.ArgumentParser()
parser.add_argument('--ckpt', type=str, required=True)
parser.add_argument('--text', type=str, required=True)
args = parser.parse_args()

state = torch.load(args.ckpt)
params, weights = state.pop('hparams'), state.pop('weights')
net = TextToImage(**params).cuda()
net.load_state_dict(weights)
tokens = Tokenizer().encode(args.text).cuda()
${use}
`;

describe('a model given trained weights and asked to generate', () => {
  it('reads generate_images(...) and sample(...) of the built model as inference', async () => {
    for (const use of ['images = net.generate_images(tokens, filter_thres=0.9)', 'images = net.sample(tokens)']) {
      const run = oneFact(await pythonFacts(SCRIPT(use)), 'launch.inference');
      assert.match(run.detail, /no training: forward passes only/);
    }
  });

  it('reads no inference from a program that trains', async () => {
    noFact(
      await pythonFacts(
        SCRIPT(
          'opt = torch.optim.Adam(net.parameters())\nloss = net(tokens)\nloss.backward()\nnet.generate_images(tokens)',
        ),
      ),
      'launch.inference',
    );
  });
});
