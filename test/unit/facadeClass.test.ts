import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * A package's facade class, named as the package (`from toxscore import ToxScore`), built with a checkpoint's name and
 * asked to predict: an inference run of that released checkpoint.
 */

const PROGRAM = (ask: string) => `import argparse
from toxscore import ToxScore


def run(model_name, text, device="cpu"):
    model = ToxScore(model_name, device=device)
    return ${ask}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", default="multilingual", type=str)
    parser.add_argument("--input", type=str)
    args = parser.parse_args()
    print(run(args.model_name, args.input))
`;

describe('a facade class named as its package, asked to predict', () => {
  it('is an inference run of the checkpoint it is handed by name', async () => {
    const facts = await pythonFacts(PROGRAM('model.predict(text)'));
    oneFact(facts, 'launch.inference', 'ToxScore');
    assert.equal(oneFact(facts, 'model.id').value, 'multilingual');
  });

  it('is no run when the facade is only configured or saved', async () => {
    noFact(await pythonFacts(PROGRAM('model.save_config("out.json")')), 'launch.inference');
  });
});
