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
    // Its convolutions' cost per image is stated beside it (the code does not give the input size): 2 × 11,992,448
    // multiply-adds at 28×28, rounded.
    assert.equal(2 * (26 * 26 * 32 * 9 + 24 * 24 * 64 * 288 + 9216 * 128 + 128 * 10), 23_984_896);
    assert.equal(a.runs[0].run.model.forwardGflopsPerSample, 0.024);
    assert.deepEqual(a.runs[0].run.missing, []);
  });

  it('counts a GPT through nested modules, a generator ModuleList, dataclass sizes and weight tying', async () => {
    const a = await analyzeExample('pretrain-gpt/train_gpt.py');
    const d = 768,
      V = 50304,
      T = 1024,
      L = 12;
    const block = d /* ln1, no bias */ + d * 3 * d + d * d + d + d * 4 * d + 4 * d * d;
    const expected = V * d + T * d + L * block + d; // head tied to tok_emb
    assert.equal(a.runs[0].run.model.params, expected);
  });

  it('counts recurrent, attention and transformer layers, and leaves the size unknown when a part cannot be sized', async () => {
    const lines = [
      'import torch.nn as nn',
      'HIDDEN = 256',
      'class Tagger(nn.Module):',
      '    def __init__(self, vocab=10000, layers=2):',
      '        super().__init__()',
      '        self.emb = nn.Embedding(vocab, 128)',
      '        self.lstm = nn.LSTM(128, HIDDEN, num_layers=layers, bidirectional=True)',
      '        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model=512, nhead=8), num_layers=3)',
      'model = Tagger()',
      'opt = torch.optim.SGD(model.parameters(), lr=0.1)',
      'for epoch in range(3):',
      '    loss.backward()',
      '    opt.step()',
    ];
    const a = await analyzeSource('tagger.py', lines.join('\n'));
    const emb = 10000 * 128;
    const lstmLayer = (inp: number) => 2 * (4 * 256 * (inp + 256) + 2 * 4 * 256);
    const lstm = lstmLayer(128) + lstmLayer(512);
    const encLayer = 4 * 512 * 512 + 4 * 512 + 2 * 512 * 2048 + 2048 + 512 + 4 * 512;
    const fact = a.facts.find((f) => f.kind === 'model.params')!;
    assert.equal(fact.value, emb + lstm + 3 * encLayer);
    // A part built by a class the file does not define (imported, or loaded with from_pretrained) may be most of
    // the model: the counted layers are no size for it.
    for (const part of ['SomethingElse(42)', 'TextEncoder.from_pretrained("enc")']) {
      const withPart = [...lines.slice(0, 8), `        self.mystery = ${part}`, ...lines.slice(8)];
      const b = await analyzeSource('tagger.py', withPart.join('\n'));
      const unknown = b.facts.find((f) => f.kind === 'model.params')!;
      assert.equal(unknown.value, null, part);
      assert.equal(unknown.confidence, 'low');
      assert.ok(unknown.detail.includes(part), unknown.detail);
    }
    // Settings and transforms kept beside the layers hold no weights: the count stays whole.
    const withSettings = [
      ...lines.slice(0, 8),
      '        self.cfg = EncoderConfig.from_json_file("c.json")',
      '        self.prep = transforms.Compose([transforms.ToTensor()])',
      ...lines.slice(8),
    ];
    const c = await analyzeSource('tagger.py', withSettings.join('\n'));
    assert.equal(c.facts.find((f) => f.kind === 'model.params')?.value, emb + lstm + 3 * encLayer);
  });
});

describe('Keras Sequential parameter counts', () => {
  const facts = async (code: string) => (await analyzeSource('k.py', code)).facts;
  const header = 'from tensorflow import keras\nfrom tensorflow.keras import layers\n';

  it('carries image shapes through Conv2D, pooling and Flatten, with forward FLOPs', async () => {
    const f = await facts(
      `${header}model = keras.Sequential([\n    layers.Conv2D(16, 3, activation="relu", input_shape=(28, 28, 1)),\n    layers.MaxPooling2D(),\n    layers.Flatten(),\n    layers.Dense(10),\n])\nmodel.fit(x, y, epochs=3)\n`,
    );
    // (3·3·1 + 1)·16 = 160; 26×26 → 13×13×16 = 2,704; (2,704 + 1)·10 = 27,050 (as model.summary() reports).
    assert.equal(f.find((x) => x.kind === 'model.params')?.value, 27_210);
    // 2·9·1·16 per output position × 26·26, plus 2·2,704·10.
    assert.equal(f.find((x) => x.kind === 'model.forwardFlopsPerSample')?.value, 2 * 9 * 16 * 26 * 26 + 2 * 2704 * 10);
  });

  it('counts recurrent layers with Keras gate sizes and BatchNormalization statistics', async () => {
    const f = await facts(
      `${header}model = keras.Sequential([\n    keras.Input(shape=(None, 16)),\n    layers.GRU(32, return_sequences=True),\n    layers.Bidirectional(layers.LSTM(32)),\n    layers.BatchNormalization(),\n    layers.Dense(1),\n])\nmodel.fit(x, y, epochs=2)\n`,
    );
    // GRU: 3·32·(16 + 32 + 2) = 4,800; BiLSTM: 2·4·32·(32 + 32 + 1) = 16,640; BN: 4·64 = 256; Dense: 65.
    assert.equal(f.find((x) => x.kind === 'model.params')?.value, 4_800 + 16_640 + 256 + 65);
    assert.equal(
      f.find((x) => x.kind === 'model.forwardFlopsPerSample'),
      undefined,
      'recurrent FLOPs need the sequence length',
    );
  });

  it('marks a count with an unknown layer as a lower bound and leaves torch nn.Sequential alone', async () => {
    const f = await facts(
      `${header}model = keras.Sequential([layers.Dense(8, input_shape=(4,)), MyBlock(), layers.Dense(2)])\nmodel.fit(x, y, epochs=1)\n`,
    );
    const p = f.find((x) => x.kind === 'model.params');
    assert.equal(p?.confidence, 'low');
    assert.match(p?.detail ?? '', /lower bound: could not size MyBlock/);
    const torch = await facts('import torch\nfrom torch import nn\nnet = nn.Sequential(nn.Linear(4, 8), nn.ReLU())\n');
    assert.ok(!torch.some((x) => x.kind === 'model.params' && /Sequential\(\[/.test(x.detail)));
  });
});
