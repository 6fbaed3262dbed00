import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

const factsOf = pythonFacts;

const modelIds = (facts: readonly Fact[]) => facts.filter((f) => f.kind === 'model.id').map((f) => f.value);

describe('sentence-transformers and positional-argument defaults', () => {
  it('reads `sys.argv[1] if len(sys.argv) > 1 else default` (and the reversed form) at its default', async () => {
    for (const expr of [
      'sys.argv[1] if len(sys.argv) > 1 else "bert-base-uncased"',
      '"bert-base-uncased" if len(sys.argv) < 2 else sys.argv[1]',
    ]) {
      const facts = await factsOf(
        `import sys\nfrom sentence_transformers import SentenceTransformer\nname = ${expr}\nmodel = SentenceTransformer(name)\nprint(model.encode(["a"]))\n`,
      );
      assert.deepEqual(modelIds(facts), ['bert-base-uncased'], expr);
    }
  });

  it('keeps, for the lines before it, the value a later self-referential reassignment replaces', async () => {
    const facts = await factsOf(
      [
        'from sentence_transformers import SentenceTransformer',
        'name = "org/base-model"',
        'model = SentenceTransformer(name)',
        'print(model.encode(["a"]))',
        'name = name.split("/")[-1]',
        'model.save(f"out/{name}")',
      ].join('\n'),
    );
    assert.deepEqual(modelIds(facts), ['org/base-model']);
  });

  it('names the model the trainer is given, not a teacher that only encodes', async () => {
    const facts = await factsOf(
      [
        'from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer',
        'teacher = SentenceTransformer("org/teacher-large")',
        'student = SentenceTransformer("org/student-small")',
        'labels = teacher.encode(["a", "b"], batch_size=512)',
        'trainer = SentenceTransformerTrainer(model=student, train_dataset=None)',
        'trainer.train()',
      ].join('\n'),
    );
    assert.deepEqual(modelIds(facts), ['org/student-small']);
    // The teacher's embedding batch is not the training batch.
    assert.equal(
      facts.some((f) => f.kind === 'training.batchPerDevice'),
      false,
    );
  });

  it('is no run in a module whose loads and encodes sit in functions nothing calls', async () => {
    const facts = await factsOf(
      [
        'from sentence_transformers import SentenceTransformer',
        'def embed(texts):',
        '    model = SentenceTransformer("all-MiniLM-L6-v2")',
        '    return model.encode(texts)',
      ].join('\n'),
    );
    assert.ok(facts.some((f) => f.kind === 'run.entry' && f.value === false));
  });

  it('does not read a positional argument whose condition is something else', async () => {
    const facts = await factsOf(
      'import sys\nfrom sentence_transformers import SentenceTransformer\nname = sys.argv[1] if sys.platform == "linux" else "x/y"\nmodel = SentenceTransformer(name)\nmodel.encode(["a"])\n',
    );
    assert.deepEqual(modelIds(facts), [null]);
  });
});
