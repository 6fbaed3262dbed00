import * as assert from 'node:assert/strict';
import { modelClassName } from '../../src/core/extract/modelClassFlag';
import { extractShellFacts } from '../../src/core/extract/shellFacts';

describe('model-class flags (eighteenth round)', () => {
  it('reads a family word and its variant words as the class name', () => {
    for (const v of ['llama', 'llama_peft', 'llama_qformerv2_peft', 'mixtral_sparse', 'internlm', 'llama_ens5'])
      assert.equal(modelClassName(v), v);
  });

  it("leaves sizes, other frameworks' types, variables and long values alone", () => {
    for (const v of [
      '13B',
      'gpt2',
      'bert',
      'causal_lm',
      '$MODEL_TYPE',
      'llama-7b',
      `llama${'_x'.repeat(60)}`,
      undefined,
    ])
      assert.equal(modelClassName(v), undefined, String(v));
  });

  it('takes the size from the script name only when a model class is launched', () => {
    const launch = (type: string) =>
      `#!/bin/bash\ntorchrun --nproc_per_node=8 tune.py --model_type ${type} --model_config $2 --epochs 1\n`;
    const sized = extractShellFacts(launch('llama'), 'exps/sft_70B.sh');
    assert.equal(sized.find((f) => f.kind === 'model.params')?.value, 70e9);
    assert.equal(sized.find((f) => f.kind === 'model.id')?.value, 'llama');
    const other = extractShellFacts(launch('gpt2'), 'exps/sft_70B.sh');
    assert.equal(
      other.some((f) => f.kind === 'model.params'),
      false,
    );
  });

  it('links only the JSON files written out in a model-config list, not the arguments', () => {
    const facts = extractShellFacts(
      '#!/bin/bash\ncfg="$2 configs/a.json"\ntorchrun --nproc_per_node=2 tune.py --llama_config $cfg configs/b.json --epochs 1\n',
      'run.sh',
    );
    assert.deepEqual(
      facts.filter((f) => f.kind === 'link.config').map((f) => f.value),
      ['configs/a.json', 'configs/b.json'],
    );
  });

  it('reads --quant as a quantised base only beside --only_save_trainable', () => {
    const adapter = (flags: string) =>
      extractShellFacts(`#!/bin/bash\ntorchrun --nproc_per_node=2 tune.py ${flags} --epochs 1\n`, 'run.sh').find(
        (f) => f.kind === 'training.adapter',
      )?.value;
    assert.equal(adapter('--quant --only_save_trainable'), 'qlora');
    assert.equal(adapter('--quant'), undefined);
    assert.equal(adapter('--quantize int8 --only_save_trainable'), undefined);
  });

  it('joins a script path the shell builds from quoted pieces', () => {
    const facts = extractShellFacts(
      '#!/bin/bash\ntask=gsm8k\ntorchrun --nproc-per-node=1 src/eval_"$task".py --llama_type llama\n',
      'scripts/run.sh',
    );
    assert.equal(facts.find((f) => f.kind === 'link.script')?.value, 'src/eval_gsm8k.py');
  });
});
