import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { programNamedLikeTest, TEST_FILE_REASON } from '../../src/core/resolve/entryPoint';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { parsing } from './helpers';

/** An evaluation program named after the split it scores: a main guard, a model loaded, no test function. */
const EVALUATION = [
  'import argparse',
  'import torch',
  'from transformers import CLIPModel, CLIPProcessor',
  '',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  '    parser.add_argument("--model", default="openai/clip-vit-base-patch32")',
  '    args = parser.parse_args()',
  '    model = CLIPModel.from_pretrained(args.model).cuda().eval()',
  '    processor = CLIPProcessor.from_pretrained(args.model)',
  '    with torch.no_grad():',
  '        for batch in loader:',
  '            features = model.get_image_features(**processor(images=batch, return_tensors="pt"))',
  '',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

/** A unit test of the same module: test functions under a test framework. */
const UNIT_TEST = [
  'import unittest',
  'from retrieval.metrics import recall_at_k',
  '',
  'class TestRecall(unittest.TestCase):',
  '    def test_perfect(self):',
  '        self.assertEqual(recall_at_k([[0]], [0], 1), 1.0)',
  '',
  'if __name__ == "__main__":',
  '    unittest.main()',
  '',
].join('\n');

/** A check that a local server answers (a client, not a run), named as tests are. */
const API_CHECK = [
  'from openai import OpenAI',
  '',
  'def main():',
  '    client = OpenAI(api_key="0", base_url="http://localhost:8000/v1")',
  '    print(client.chat.completions.create(model="local", messages=[{"role": "user", "content": "hi"}]))',
  '',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

describe('Programs named like tests (eighteenth round)', () => {
  it('tells an evaluation program named test_*.py from a unit test and from an API check', () => {
    assert.equal(programNamedLikeTest('video/test_retrieval.py', EVALUATION), true);
    assert.equal(programNamedLikeTest('video/test_retrieval.py', UNIT_TEST), false);
    assert.equal(programNamedLikeTest('video/test_retrieval.py', API_CHECK), false);
    // pytest style: a test function, no main guard needed to be a test.
    assert.equal(programNamedLikeTest('test_metrics.py', 'def test_recall():\n    assert True\n'), false);
    // No main guard: imported by a test runner, a test.
    assert.equal(programNamedLikeTest('test_setup.py', 'import torch\nprint(torch.__version__)\n'), false);
    assert.equal(programNamedLikeTest('conftest.py', EVALUATION), false);
    assert.equal(programNamedLikeTest('video/test_retrieval.sh', EVALUATION), false);
  });

  it('lists the evaluation program in a folder scan and leaves the unit test and the API check out as tests', async () => {
    const files: Record<string, string> = {
      'video/test_retrieval.py': EVALUATION,
      'video/test_metrics.py': UNIT_TEST,
      'api/test_chat.py': API_CHECK,
    };
    const result = await new FolderScanCache().scan(
      Object.entries(files).map(([rel, text]) => ({
        path: `/w/${rel}`,
        display: rel,
        read: async () => new TextEncoder().encode(text),
      })),
      { python: await parsing(), root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
    const listed = result.files.filter((f) => f.analysis.runs.length > 0);
    assert.deepEqual(
      listed.map((f) => f.display),
      ['video/test_retrieval.py'],
    );
    assert.equal(listed[0].analysis.runs[0].run.mode, 'inference');
    assert.deepEqual(result.leftOut.map((l) => [l.display, l.reason]).sort(), [
      ['api/test_chat.py', TEST_FILE_REASON],
      ['video/test_metrics.py', TEST_FILE_REASON],
    ]);
  });
});
