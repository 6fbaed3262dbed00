import * as assert from 'node:assert/strict';
import { pythonFacts } from './helpers';

/**
 * A main block handing the parsed flags to a `test_…` function (`test_classifier(config, args.test_csv, ...)`) runs
 * the program's evaluation on a test set; a module whose main block only calls `_test_…` self-checks stays a library.
 */

const PROGRAM = (call: string) => `import argparse
import torch
from train import TextClassifier


def test_classifier(config, csv_path, checkpoint_path, device="cuda:0"):
    model = TextClassifier(config)
    model.load_state_dict(torch.load(checkpoint_path, map_location=device)["state_dict"])
    model.eval()
    with torch.no_grad():
        return [model(batch) for batch in load_batches(csv_path)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_labels", type=int, default=2)
    parser.add_argument("--checkpoint", type=str)
    parser.add_argument("--test_csv", type=str)
    args = parser.parse_args()
    config = {"num_labels": args.num_labels}
    ${call}
`;

const verdict = async (call: string) =>
  (await pythonFacts(PROGRAM(call))).find((f) => f.kind === 'run.entry' && f.value === false)?.detail;

describe('a test_… function handed the parsed flags', () => {
  it('is the program evaluating, not a self-test', async () => {
    assert.equal(await verdict('results = test_classifier(config, args.test_csv, args.checkpoint)'), undefined);
  });

  it('is still a self-test when called with constants only', async () => {
    assert.match((await verdict('test_classifier({}, "tiny.csv", "tiny.ckpt")')) ?? '', /self-tests only/);
  });
});
