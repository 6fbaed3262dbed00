import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { findModel } from '../../src/core/knowledge';
import { pythonFacts } from './helpers';

/**
 * Thirty-fifth round, set AJ: a program's own autocast holder, a dtype chosen by a substring test of a flag's
 * default, and open_clip models named by keyword or built empty and then loaded.
 */

const precisions = (facts: readonly Fact[]) =>
  facts.filter((f) => f.kind === 'training.precision' && f.value !== null).map((f) => f.value);

const PROBE = (precisionDefault: string, imports = '') =>
  [
    'import argparse',
    'import torch',
    imports,
    '',
    'def features(model, x, autocast):',
    '    with torch.no_grad(), autocast():',
    '        return model(x)',
    '',
    'def main():',
    '    p = argparse.ArgumentParser()',
    `    p.add_argument("--precision", default="${precisionDefault}")`,
    '    args = p.parse_args()',
    '    amp_dtype = torch.bfloat16 if "bf16" in args.precision else torch.float16',
    '    autocast = (lambda: torch.autocast("cuda", dtype=amp_dtype))',
    '    head = torch.nn.Linear(8, 2)',
    '    opt = torch.optim.AdamW(head.parameters())',
    '    for epoch in range(3):',
    '        loss = head(features(head, torch.ones(8), autocast)).sum()',
    '        loss.backward()',
    '        opt.step()',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');

describe('Thirty-fifth round: held autocasts and open_clip models', () => {
  it('reads a bare autocast() as torch’s only where the file imports it from torch', async () => {
    // The held lambda's dtype decides: "bf16" in "amp_bf16".
    assert.deepEqual(precisions(await pythonFacts(PROBE('amp_bf16'))), ['bf16']);
    assert.deepEqual(precisions(await pythonFacts(PROBE('amp'))), ['fp16']);
    // Imported from torch, a bare autocast() with no dtype is float16 on CUDA.
    const imported = await pythonFacts(
      PROBE('amp_bf16', 'from torch.cuda.amp import autocast').replace(
        '    autocast = (lambda: torch.autocast("cuda", dtype=amp_dtype))\n',
        '',
      ),
    );
    assert.ok(precisions(imported).includes('fp16'));
  });

  it('names an open_clip model passed by keyword, and starts from weights loaded into it after it is built', async () => {
    const facts = await pythonFacts(
      'import open_clip\nmodel, _, transform = open_clip.create_model_and_transforms(model_name="coca_ViT-L-14", pretrained="laion2b")\nmodel.eval()\n',
    );
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'open_clip:coca_ViT-L-14');
    assert.equal(findModel('open_clip:coca_ViT-L-14')?.params, 638_450_000);
    const built = (load: string) =>
      pythonFacts(
        `import open_clip\nimport torch\nmodel, _, preprocess = open_clip.create_model_and_transforms("ViT-B-32")\n${load}model.eval()\n`,
      );
    const empty = (await built('')).find((f) => f.kind === 'model.fromScratch');
    assert.equal(empty?.value, true);
    for (const load of ['load_weights(model, "ckpt.pt")\n', 'model.load_state_dict(torch.load("ckpt.pt"))\n']) {
      const loaded = (await built(load)).find((f) => f.kind === 'model.fromScratch');
      assert.equal(loaded?.value, false, load);
      assert.match(loaded?.detail ?? '', /loads weights into it/);
    }
  });
});
