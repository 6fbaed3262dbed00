import * as assert from 'node:assert/strict';
import { parseConfigDocument } from '../../src/core/extract/config/configDocument';
import { extractConfigFacts } from '../../src/core/extract/configFacts';

const asJson = (text: string, format: 'yaml' | 'json') =>
  JSON.stringify((parseConfigDocument(text, format).contents as { toJSON(): unknown } | null)?.toJSON());

describe('Config documents: a key written twice means its last value (as PyYAML and json read it)', () => {
  it('keeps the last pair of a repeated key, in YAML on both parsing paths and in JSON', () => {
    assert.equal(
      asJson('solver:\n  max_epoch: 75\n  lr: 0.1\n  max_epoch: 50\n', 'yaml'),
      '{"solver":{"lr":0.1,"max_epoch":50}}',
    );
    // A flow mapping goes through the yaml library rather than the fast path.
    assert.equal(asJson('solver: {max_epoch: 75, max_epoch: 50}\n', 'yaml'), '{"solver":{"max_epoch":50}}');
    assert.equal(asJson('{"a": 1, "b": {"c": 2, "c": 3}, "a": 4}', 'json'), '{"b":{"c":3},"a":4}');
    // Inside a list of mappings too.
    assert.equal(asJson('runs:\n  - epochs: 1\n    epochs: 2\n', 'yaml'), '{"runs":[{"epochs":2}]}');
  });

  it('reads the last value as the run’s setting', () => {
    const facts = extractConfigFacts('num_train_epochs: 3\nlearning_rate: 0.0001\nnum_train_epochs: 5\n', 'yaml').facts;
    const epochs = facts.filter((f) => f.kind === 'training.epochs').map((f) => f.value);
    assert.deepEqual(epochs, [5]);
  });

  it('leaves mappings without repeated keys as they were, and a deep nesting does not overflow', () => {
    assert.equal(asJson('a: 1\nb:\n  c: 2\n', 'yaml'), '{"a":1,"b":{"c":2}}');
    const deep = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    assert.doesNotThrow(() => parseConfigDocument(deep, 'json'));
  });
});
