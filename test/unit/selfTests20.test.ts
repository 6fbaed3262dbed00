import * as assert from 'node:assert/strict';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import type { Fact } from '../../src/core/facts';
import { noFact, pythonFacts } from './helpers';

const has = (facts: readonly Fact[], kind: string) =>
  assert.ok(
    facts.some((f) => f.kind === kind),
    kind,
  );

describe('self-tests, config helpers and captioners are not runs (round 20)', () => {
  it('leaves captioners and taggers of a training set out by their names', () => {
    for (const p of ['tools/make_captions.py', 'prep/make_captions_by_blip2.py', 'write-captions.sh', 'tag_images.py'])
      assert.match(nonRunPathReason(p) ?? '', /data preparation/, p);
    assert.match(nonRunPathReason('finetune/tag_images_by_vit_tagger.py') ?? '', /data preparation/);
    // Scoring a captioning model, or a training script about captions, stays a candidate.
    for (const p of ['eval_captions.py', 'train_captioner.py', 'caption_eval.py', 'captions.py'])
      assert.equal(nonRunPathReason(p), undefined, p);
  });

  it('reads no training from a loop that pushes a module towards a random target with no data', async () => {
    const code = [
      'import torch',
      'net = Block().cuda()',
      'net.train()',
      'opt = torch.optim.SGD(net.parameters(), lr=0.1)',
      'for step in range(5):',
      '    out = net(torch.randn(2, 8))',
      '    target = torch.randn_like(out)',
      '    loss = torch.nn.functional.mse_loss(out, target)',
      '    loss.backward()',
      '    opt.step()',
      '',
    ].join('\n');
    noFact(await pythonFacts(code), 'launch.trainer');
    // With a dataset the same loop trains (its random tensor is then, say, a diffusion target).
    const withData = code.replace(
      'import torch',
      'import torch\nloader = torch.utils.data.DataLoader(ds, batch_size=2)',
    );
    has(await pythonFacts(withData), 'launch.trainer');
  });

  it('reads no inference from the generate method of a plain class the file defines', async () => {
    const code = [
      'class Builder:',
      '    def generate(self, cfg):',
      '        return dict(cfg)',
      'class OtherBuilder(object):',
      '    def generate(self, cfg):',
      '        return [cfg]',
      'if __name__ == "__main__":',
      '    print(Builder().generate({"a": 1}))',
      '    b = OtherBuilder()',
      '    print(b.generate({}))',
      '',
    ].join('\n');
    noFact(await pythonFacts(code), 'launch.inference');
    // A model class with a base keeps its generate a run's.
    const model = code
      .replace('class Builder:', 'class Builder(nn.Module):')
      .replace('class OtherBuilder(object):', 'class OtherBuilder(PreTrainedModel):');
    has(await pythonFacts(model), 'launch.inference');
  });
});
