import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

/**
 * Thirty-sixth round (held-out set AL, Megatron-LM's example scripts): arguments appended to a bash array or string
 * (`DATA_ARGS+=( "--vocab-size 128256" )`, `OPTS+=" --fp16"`) reach the launch line that expands the variable.
 */

const SCRIPT = (data: string) =>
  [
    '#!/bin/bash',
    'MODEL_ARGS=(',
    '    --num-layers 32',
    '    --hidden-size 4096',
    ')',
    'DATA_ARGS=()',
    'if [[ "$TOKENIZER" == "MOCK" ]]; then',
    data,
    'fi',
    'OPTS="--train-iters 100"',
    'OPTS+=" --bf16"',
    'torchrun --nproc_per_node 8 pretrain_gpt.py ${MODEL_ARGS[@]} ${DATA_ARGS[@]} $OPTS',
    '',
  ].join('\n');

const valueOf = (text: string, kind: string) => extractShellFacts(text).find((f) => f.kind === kind)?.value;

describe('Thirty-sixth round: shell variables grown with +=', () => {
  it('reads flags appended to an array and to a string', () => {
    const text = SCRIPT('    DATA_ARGS+=(\n        "--mock-data"\n        "--vocab-size 128256"\n    )');
    assert.equal(valueOf(text, 'model.vocabSize'), 128256);
    assert.equal(valueOf(text, 'model.layers'), 32);
    assert.equal(valueOf(text, 'training.steps'), 100);
    assert.equal(valueOf(text, 'training.precision'), 'bf16');
  });

  it('keeps what was there before the append, and an append to an unset variable is the value itself', () => {
    const text = SCRIPT('    EXTRA+=( --vocab-size 50304 )\n    DATA_ARGS+=( $EXTRA )');
    assert.equal(valueOf(text, 'model.vocabSize'), 50304);
    assert.equal(valueOf(text, 'model.hiddenSize'), 4096);
  });

  it('keeps a variable appended to without end to its bound: the launch is read, its facts stay few', () => {
    const text = `A="--x"\n${'A+=" --hidden-size 1024 --num-layers 2"\n'.repeat(20_000)}python train.py $A\n`;
    const facts = extractShellFacts(text);
    assert.equal(facts.find((f) => f.kind === 'launch.trainer')?.value, 'python');
    assert.ok(facts.length < 100, String(facts.length));
  });
});
