import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { factsToSpecs } from '../../src/core/resolve/factsToSpec';

/** A template's blank written where a model id goes is no model's name (factsToSpec.ts withoutPlaceholderIds). */

const at = { startLine: 0, startCol: 0, endLine: 0, endCol: 1 };
const fact = (kind: Fact['kind'], value: Fact['value'], detail: string): Fact => ({
  kind,
  value,
  range: at,
  confidence: 'high',
  detail,
});
const modelOf = (id: string) =>
  factsToSpecs(
    [fact('launch.inference', 'select_action', 'a policy choosing actions'), fact('model.id', id, 'from_pretrained')],
    'code',
  )[0]?.spec.model.name;

describe('a placeholder where the model id goes', () => {
  it('reads as no model named', () => {
    for (const id of [
      '<hf_username>/<model_repo_id>',
      '{org}/{model_name}',
      'YOUR_MODEL_ID',
      'your-username/your_model',
    ])
      assert.equal(modelOf(id), undefined, id);
  });

  it('leaves real ids alone, braces or angle brackets nowhere in them', () => {
    for (const id of ['lerobot/smolvla_base', 'meta-llama/Llama-3.1-8B', 'Qwen/Qwen2.5-0.5B-Instruct'])
      assert.equal(modelOf(id), id);
  });
});
