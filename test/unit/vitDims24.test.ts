import * as assert from 'node:assert/strict';
import { pythonFacts } from './helpers';

const VIT_CALL = 'VisionTransformer(img_size=224, patch_size=16, embed_dim=384, depth=12, num_heads=6)';

describe('Vision Transformers built by their dimensions (readers/vitDims.ts)', () => {
  it('sizes a ViT a script builds at module level as the run’s model', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from timm.models.vision_transformer import VisionTransformer',
        '',
        `encoder = ${VIT_CALL}`,
        'opt = torch.optim.AdamW(encoder.parameters(), lr=1e-4)',
        'for step in range(100):',
        '    loss = encoder(torch.randn(2, 3, 224, 224)).mean()',
        '    loss.backward()',
        '    opt.step()',
        '',
      ].join('\n'),
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'vit');
    const params = facts.find((f) => f.kind === 'model.params')?.value;
    assert.ok(typeof params === 'number' && params > 20e6 && params < 24e6, `ViT-S/16 is ~22M: ${String(params)}`);
  });

  it('does not take a ViT that is one part of a model class (self.encoder = ...) for the whole model', async () => {
    const facts = await pythonFacts(
      [
        'import torch',
        'from torch import nn',
        'from mypkg.vit import VisionTransformer',
        'from mypkg.text import TextEncoder',
        '',
        'class Matcher(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        `        self.visual = ${VIT_CALL}`,
        '        self.text = TextEncoder(layers=12)',
        '',
        'model = Matcher()',
        'model.load_state_dict(torch.load("matcher.pth"))',
        'model.eval()',
        'with torch.no_grad():',
        '    print(model(torch.randn(1, 3, 224, 224)))',
        '',
      ].join('\n'),
    );
    assert.equal(
      facts.some((f) => f.kind === 'model.id' && f.value === 'vit'),
      false,
      'the part does not name the model',
    );
    assert.equal(
      facts.some((f) => f.kind === 'model.params' && typeof f.value === 'number' && f.value > 20e6 && f.value < 24e6),
      false,
      'the ViT part’s count is not the model’s size',
    );
  });
});
