import * as assert from 'node:assert/strict';
import {
  CALL_RULES,
  FILE_RULES,
  mayHoldPythonFacts,
  RELEVANT_LINE,
  ruleWords,
  STATEMENT_RULES,
} from '../../src/core/extract/python/index';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { parsing } from './helpers';

describe('Python readers as rule tables', () => {
  it('lets every callee and word of every rule through the line and file prefilters', () => {
    for (const rule of CALL_RULES) {
      for (const callee of rule.callees ?? []) {
        const line = `    result = thing.${callee}(value)`;
        assert.ok(RELEVANT_LINE.test(line), `${rule.framework}: a line calling ${callee} is filtered out`);
        assert.ok(mayHoldPythonFacts(`import os\n${line}\n`), `${rule.framework}: a file calling ${callee} is skipped`);
      }
    }
    for (const word of ruleWords()) assert.ok(RELEVANT_LINE.test(`x ${word} y`), `the word ${word} is filtered out`);
    assert.ok(
      STATEMENT_RULES.every((r) => r.words.length > 0),
      'every statement rule declares its words',
    );
    assert.ok(FILE_RULES.length > 0);
  });

  it('skips a file that names nothing any rule reads', () => {
    assert.equal(
      mayHoldPythonFacts(
        'import json\n\ndef load_records(path):\n    with open_file(path) as fh:\n        return [json.loads(l) for l in fh]\n',
      ),
      false,
    );
  });

  it('reads a Keras mixed-precision policy imported by name (the old hand-kept prefilter missed it)', async () => {
    const code =
      'from tensorflow.keras.mixed_precision import set_global_policy\nset_global_policy("mixed_float16")\nmodel.fit(x, y, epochs=3)\n';
    const tree = (await parsing()).parser.parse(code)!;
    const facts = extractPythonFacts(tree, code);
    tree.delete();
    const precision = facts.find((f) => f.kind === 'training.precision');
    assert.equal(precision?.value, 'fp16');
    assert.equal(precision?.range.startLine, 1);
  });
});
