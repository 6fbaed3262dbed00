import * as assert from 'node:assert/strict';
import type { FileRule } from '../../src/core/extract/python/rules';
import { flaxProgram } from '../../src/core/extract/python/readers/jax';
import { topLevelObjectRuns } from '../../src/core/extract/python/readers/localModules';
import { packageGenerator } from '../../src/core/extract/python/readers/packageGenerator';
import { scoringProgram } from '../../src/core/extract/python/readers/scoringProgram';
import { mayStartARun } from '../../src/core/scan/prefilter';

/** Does the text pass every run-start pattern of the rule (how the prefilter tests one rule)? */
function passes(rule: FileRule, text: string): boolean {
  const patterns = rule.runStart instanceof RegExp ? [rule.runStart] : (rule.runStart ?? []);
  assert.ok(patterns.length > 0, 'the rule declares run-start patterns');
  return patterns.every((p) => p.test(text));
}

/**
 * A rule's run-start patterns are a necessary condition of what its reader needs: the shape it reads passes
 * them, and a library module that shares only one word or line with that shape does not (the folder scan used to
 * parse such modules for nothing: a third of a large repository's files).
 */
describe('run-start patterns require what their readers need', () => {
  const cases: ReadonlyArray<{ name: string; rule: FileRule; reads: string[]; library: string }> = [
    {
      name: 'a top-level object driven at column 0',
      rule: topLevelObjectRuns,
      reads: [
        'from designer import Sampler\n\ns = Sampler(cfg)\ns.run()\n',
        'from demo.predictor import Predictor  # the demo\npredictor = Predictor(args)\nout, info = predictor.predict(image)\n',
      ],
      // Imports a class at column 0, and uses it only inside definitions.
      library:
        'from torch.nn import Module\n\nclass Block(Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = Linear(4, 4)\n\n    def forward(self, x):\n        return self.fc(x)\n',
    },
    {
      name: 'a scoring program',
      rule: scoringProgram,
      reads: [
        'from mylib import build_model\nmodel = build_model(cfg)\nmodel.eval()\nscores = evaluate(model, loader)\n',
        'def main():\n    net, preprocess = models.create_model_and_transforms(name)\n    acc = evaluate(net, data)\n',
      ],
      // A model registry: model-named calls, but no model variable built from one.
      library:
        'from ._builder import build_model_with_cfg\nfrom ._registry import generate_default_cfgs\n\ndefault_cfgs = generate_default_cfgs({"vit": _cfg()})\n\ndef _create(variant, **kwargs):\n    return build_model_with_cfg(VisionTransformer, variant, **kwargs)\n',
    },
    {
      name: 'a Flax program',
      rule: flaxProgram,
      reads: [
        'import optax\ntx = optax.adamw(1e-3)\nopt_state = tx.init(params)\n',
        'params = checkpoint.load(path)\nlogits = model.apply({"params": params}, images)\n',
      ],
      // A PyTorch module that applies its weight initialiser.
      library:
        'import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.apply(self._init_weights)\n\n    def _init_weights(self, m):\n        return m\n',
    },
    {
      name: "a package's generator",
      rule: packageGenerator,
      reads: ['from mypkg.sampling import Generator\n\ngen = Generator(model, cfg)\n'],
      // Defines a Generator network; imports none.
      library:
        'import torch.nn as nn\n\nclass Generator(nn.Module):\n    def __init__(self, z_dim):\n        super().__init__()\n        self.z_dim = z_dim\n\n    def forward(self, z):\n        return z\n',
    },
  ];
  for (const { name, rule, reads, library } of cases) {
    it(`${name}: the shape read passes, a library module with one of its parts does not`, () => {
      for (const text of reads) assert.ok(passes(rule, text), text);
      assert.equal(passes(rule, library), false, 'the rule alone lets the library module in');
      assert.equal(mayStartARun(library, 'python'), false, 'the folder scan would parse the library module');
    });
  }
});
