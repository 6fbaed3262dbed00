import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/**
 * Thirty-sixth round (held-out set AL, minimind): a run that builds the repository's own architecture config with
 * some sizes (`TinyConfig(hidden_size=..., num_hidden_layers=...)`) gets the rest from the class's defaults in the
 * module that defines it (vocabulary, heads, key/value heads, a gated feed-forward's width), only where they hold for
 * the call: a width worked out from `hidden_size` is not this run's when the call gives another `hidden_size`.
 */

const MODEL =
  'import math\nfrom torch import nn\nfrom transformers import PretrainedConfig, PreTrainedModel\n\n\nclass TinyConfig(PretrainedConfig):\n    model_type = "tiny"\n\n    def __init__(self, hidden_size=768, num_hidden_layers=8, **kwargs):\n        super().__init__(**kwargs)\n        self.hidden_size = hidden_size\n        self.num_hidden_layers = num_hidden_layers\n        self.vocab_size = kwargs.get("vocab_size", 6400)\n        self.num_attention_heads = kwargs.get("num_attention_heads", 8)\n        self.num_key_value_heads = kwargs.get("num_key_value_heads", 4)\n        self.intermediate_size = kwargs.get("intermediate_size", math.ceil(hidden_size * math.pi / 64) * 64)\n\n\nclass FeedForward(nn.Module):\n    def __init__(self, config):\n        super().__init__()\n        self.gate_proj = nn.Linear(config.hidden_size, config.intermediate_size, bias=False)\n        self.up_proj = nn.Linear(config.hidden_size, config.intermediate_size, bias=False)\n        self.down_proj = nn.Linear(config.intermediate_size, config.hidden_size, bias=False)\n\n\nclass TinyForCausalLM(PreTrainedModel):\n    config_class = TinyConfig\n';
const TRAIN =
  'import argparse\nimport torch\nfrom model.model_tiny import TinyConfig, TinyForCausalLM\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--hidden_size", default=768, type=int)\nparser.add_argument("--num_hidden_layers", default=8, type=int)\nparser.add_argument("--epochs", default=2, type=int)\nargs = parser.parse_args()\nlm_config = TinyConfig(hidden_size=args.hidden_size, num_hidden_layers=args.num_hidden_layers)\nmodel = TinyForCausalLM(lm_config)\noptimizer = torch.optim.AdamW(model.parameters())\nfor epoch in range(args.epochs):\n    for batch in loader:\n        model(**batch).loss.backward()\n        optimizer.step()\n';

async function paramsOf(files: Record<string, string>, file: string): Promise<number | null | undefined> {
  const result = await scanFiles(files);
  return result.files.find((f) => f.display === file)?.analysis.runs[0]?.run.spec.model.params;
}

describe("Thirty-sixth round: an architecture config's defaults", () => {
  it('sizes the model with the defaults the call leaves to the class', async () => {
    // d 768, 8 layers: attention 2·d² + 2·d²·(4/8) per layer, gated feed-forward 3·d·2432 (2432 = ⌈768π/64⌉·64),
    // and a 6,400-token embedding: 63,897,600.
    const d = 768;
    const perLayer = 2 * d * d + d * d + 3 * d * 2432;
    assert.equal(
      await paramsOf({ 'model/model_tiny.py': MODEL, 'train.py': TRAIN }, 'train.py'),
      8 * perLayer + 6400 * d,
    );
  });

  it('leaves out a default worked out from a size the call changes', async () => {
    const small = TRAIN.replace('default=768', 'default=512');
    // d 512: the 2432 width belongs to d 768; the feed-forward falls back to the usual 2·d·4d.
    const d = 512;
    const perLayer = 2 * d * d + d * d + 2 * d * 4 * d;
    assert.equal(
      await paramsOf({ 'model/model_tiny.py': MODEL, 'train.py': small }, 'train.py'),
      8 * perLayer + 6400 * d,
    );
  });

  it('draws nothing from a module whose class is no architecture config', async () => {
    const plain = TRAIN.replace(/TinyConfig/g, 'TinySettings');
    const withoutDefaults = await paramsOf(
      { 'model/model_tiny.py': MODEL.replace(/TinyConfig/g, 'TinySettings'), 'train.py': plain },
      'train.py',
    );
    assert.notEqual(withoutDefaults, 63_897_600);
  });
});
