import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

describe('The environment a launch script hands the program it runs', () => {
  const link = (text: string) => extractShellFacts(text).find((f) => f.kind === 'link.script');

  it('passes exported variables and the command’s own assignments as $NAME with their literal values', () => {
    const f = link(
      [
        'export PYTHONPATH="." DEV=NV',
        'export NDEV=6 BS=$((2 * 3)) WORK=$HOME/x',
        'RUNIT=1 python3 train.py --lr 1e-3',
      ].join('\n'),
    );
    assert.ok(f);
    assert.ok(f.passes?.includes('$NDEV') && f.passes.includes('$RUNIT') && f.passes.includes('lr'));
    const values = new Map(f.passedValues);
    assert.equal(values.get('$NDEV'), '6');
    assert.equal(values.get('$RUNIT'), '1');
    assert.equal(values.get('$PYTHONPATH'), '.');
    // A value the script cannot spell out (arithmetic, an unset variable) is passed without a value.
    assert.ok(!values.has('$BS') && !values.has('$WORK'));
  });

  it('passes nothing of variables exported after the launch, and nothing to a YAML config', () => {
    const facts = extractShellFacts('python train.py configs/run.yaml\nexport NDEV=2\n');
    const script = facts.find((f) => f.kind === 'link.script');
    const config = facts.find((f) => f.kind === 'link.config');
    assert.equal(script?.passes, undefined);
    assert.equal(config?.passes, undefined);
  });

  it('reads tinygrad’s DEFAULT_FLOAT among other exported variables as the precision', () => {
    const precision = (text: string) => extractShellFacts(text).find((f) => f.kind === 'training.precision')?.value;
    assert.equal(precision('export DEFAULT_FLOAT="HALF" NDEV=6\npython3 train.py\n'), 'fp16');
    assert.equal(precision('export NDEV=8 DEFAULT_FLOAT=bfloat16\npython3 train.py\n'), 'bf16');
    // Without a launch the variable sets nothing.
    assert.equal(precision('export DEFAULT_FLOAT=HALF\n'), undefined);
  });
});
