import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * Meta's reference generators: built from a checkpoint folder passed by keyword or first by position, then asked for a
 * plain `completion(...)` as well as `chat_completion(...)` (llama-models' Llama3/Llama4 generators).
 */

const PROGRAM = (build: string, ask: string) => `import fire
from typing import Optional
from models.llama9.generation import Llama9


def run_main(checkpoint_dir: str, max_seq_len: int = 512, max_batch_size: Optional[int] = 2):
    generator = ${build}
    for results in generator.${ask}(["The sky is"], temperature=0.6):
        print(results[0].text)


if __name__ == "__main__":
    fire.Fire(run_main)
`;

describe('reference generators asked for a completion', () => {
  it('reads a plain completion(...) and a checkpoint folder passed first by position', async () => {
    const facts = await pythonFacts(
      PROGRAM('Llama9.build(checkpoint_dir, max_seq_len=max_seq_len, max_batch_size=max_batch_size)', 'completion'),
    );
    oneFact(facts, 'launch.inference', 'reference:Llama9');
    assert.equal(oneFact(facts, 'model.id').value, 'llama9');
  });

  it('reads no generator built from a first argument that names no checkpoint', async () => {
    noFact(await pythonFacts(PROGRAM('Llama9.build(max_seq_len, max_batch_size=2)', 'completion')), 'launch.inference');
  });
});
