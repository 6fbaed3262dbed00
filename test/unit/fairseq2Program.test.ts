import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts, scanFiles } from './helpers';

/** fairseq2 recipe programs: `main(recipe)` of fairseq2's command line, with the recipe's config dataclass defaults. */

const MAIN = (entry: string, recipe: string) => `from __future__ import annotations

from fairseq2.recipe.cli import ${entry}

from .recipe import ${recipe}

recipe = ${recipe}()

${entry}(recipe)
`;

const CONFIG = (model: string, trainer = '') => `from dataclasses import dataclass, field

import torch

from fairseq2.recipe.config import (
    GangSection,
    MixedPrecisionConfig,
    ModelSection,
    RegimeSection,
    TrainerSection,
)


@dataclass(kw_only=True)
class TinyChatConfig:
    model: ModelSection = field(default_factory=lambda: ${model})
    gang: GangSection = field(default_factory=lambda: GangSection())
${trainer}
    regime: RegimeSection = field(
        default_factory=lambda: RegimeSection(num_steps=12_000, checkpoint_every_n_steps=1000)
    )
`;

describe('fairseq2 recipe programs (python/readers/fairseq2Program.ts)', () => {
  it('starts a training run from main(recipe) and links the recipe config', async () => {
    const facts = await pythonFacts(MAIN('main', 'TinyChatRecipe'));
    oneFact(facts, 'launch.trainer', 'fairseq2:recipe');
    oneFact(facts, 'link.module', 'config.py');
    oneFact(await pythonFacts(MAIN('main', 'TinyGenerateRecipe')), 'launch.inference');
    oneFact(await pythonFacts(MAIN('eval_main', 'TinyRecipe')), 'launch.inference');
  });

  it("reads the config's model, length and precision, fairseq2's bf16 by default", async () => {
    const named = await pythonFacts(CONFIG('ModelSection(name="llama3_2_3b")'));
    assert.equal(oneFact(named, 'model.id').value, 'meta-llama/Llama-3.2-3B');
    oneFact(named, 'model.fromScratch', false);
    oneFact(named, 'training.steps', 12000);
    assert.match(oneFact(named, 'training.precision', 'bf16').detail, /default mixed precision/);
    const scratch = await pythonFacts(
      CONFIG(
        'ModelSection(family="qwen", arch="qwen3_4b")',
        '    trainer: TrainerSection = field(\n        default_factory=lambda: TrainerSection(mixed_precision=MixedPrecisionConfig(dtype=torch.float16))\n    )',
      ),
    );
    assert.equal(oneFact(scratch, 'model.id').value, 'Qwen/Qwen3-4B');
    oneFact(scratch, 'model.fromScratch', true);
    oneFact(scratch, 'training.precision', 'fp16');
    noFact(scratch, 'training.precision', 'bf16');
  });

  it('lists the recipe package as one run with its config defaults, not the config module', async () => {
    const result = await scanFiles({
      'recipes/chat/__init__.py': '',
      'recipes/chat/__main__.py': MAIN('main', 'TinyChatRecipe'),
      'recipes/chat/recipe.py': 'from fairseq2.recipe.base import Recipe\n\nclass TinyChatRecipe(Recipe):\n    pass\n',
      'recipes/chat/config.py': CONFIG('ModelSection(name="llama3_2_3b")'),
    });
    const listed = result.files.filter((f) => f.analysis.runs.length > 0);
    assert.deepEqual(
      listed.map((f) => f.display),
      ['recipes/chat/__main__.py'],
    );
    const run = listed[0].analysis.runs[0].run;
    assert.equal(run.model.name, 'meta-llama/Llama-3.2-3B');
    assert.equal(run.mode, 'finetune');
    assert.equal(run.training.steps, 12000);
    assert.equal(run.training.precision, 'bf16');
  });
});
