import * as assert from 'node:assert/strict';
import { analyzeExample, analyzeSource } from './helpers';

/** Expected counts are worked out by hand from torch.nn's documented weight shapes. */
describe('nn.Module parameter counting', () => {
  it('counts the MNIST CNN exactly (the well-known 1,199,882)', async () => {
    const a = await analyzeExample('pytorch-loop/train_mnist_cnn.py');
    const conv1 = 32 * 1 * 3 * 3 + 32;
    const conv2 = 64 * 32 * 3 * 3 + 64;
    const fc1 = 9216 * 128 + 128;
    const fc2 = 128 * 10 + 10;
    assert.equal(a.runs[0].run.model.params, conv1 + conv2 + fc1 + fc2);
    assert.equal(conv1 + conv2 + fc1 + fc2, 1_199_882);
    assert.equal(a.runs[0].run.training.samples, 60_000 * 14, 'MNIST train split × 14 epochs');
  });

  it('counts a GPT through nested modules, a generator ModuleList, dataclass sizes and weight tying', async () => {
    const a = await analyzeExample('pretrain-gpt/train_gpt.py');
    const d = 768, V = 50304, T = 1024, L = 12;
    const block = d /* ln1, no bias */ + d * 3 * d + d * d + d + d * 4 * d + 4 * d * d;
    const expected = V * d + T * d + L * block + d; // head tied to tok_emb
    assert.equal(a.runs[0].run.model.params, expected);
  });

  it('counts recurrent, attention and transformer layers, and says when it is a lower bound', async () => {
    const code = [
      'import torch.nn as nn',
      'HIDDEN = 256',
      'class Tagger(nn.Module):',
      '    def __init__(self, vocab=10000, layers=2):',
      '        super().__init__()',
      '        self.emb = nn.Embedding(vocab, 128)',
      '        self.lstm = nn.LSTM(128, HIDDEN, num_layers=layers, bidirectional=True)',
      '        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model=512, nhead=8), num_layers=3)',
      '        self.mystery = SomethingElse(42)',
      'model = Tagger()',
      'for epoch in range(3):',
      '    loss.backward()',
    ].join('\n');
    const a = await analyzeSource('tagger.py', code);
    const emb = 10000 * 128;
    const lstmLayer = (inp: number) => 2 * (4 * 256 * (inp + 256) + 2 * 4 * 256);
    const lstm = lstmLayer(128) + lstmLayer(512);
    const encLayer = 4 * 512 * 512 + 4 * 512 + 2 * 512 * 2048 + 2048 + 512 + 4 * 512;
    const fact = a.facts.find((f) => f.kind === 'model.params')!;
    assert.equal(fact.value, emb + lstm + 3 * encLayer);
    assert.equal(fact.confidence, 'low');
    assert.match(fact.detail, /lower bound: could not size SomethingElse\(42\)/);
  });
});
