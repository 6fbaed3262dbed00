import * as assert from 'node:assert/strict';
import { notARunReason } from '../../src/core/analyze';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { completeTemplateConfig, nonRunPathReason, TEMPLATE_REASON } from '../../src/core/resolve/entryPoint';
import { analyzeSource } from './helpers';

const COMPLETE = [
  'train_from: checkpoints/base-7b.pt',
  'save_model: runs/base-7b-chat',
  'train_steps: 2000',
  'model_dtype: fp16',
  "decoder_start_token: '<s>'",
  'src_vocab_size: 32000',
  '',
].join('\n');

describe('Fifteenth round (set I leftovers): templates, OpenNMT-py programs', () => {
  it('keeps a complete config or script in a templates folder as a run; placeholders stay left out', () => {
    const at = 'recipes/templates/base7b-finetune.yaml';
    assert.equal(nonRunPathReason(at), TEMPLATE_REASON);
    assert.equal(completeTemplateConfig(at, COMPLETE), true);
    assert.equal(notARunReason({ path: at, relativePath: at, text: COMPLETE }, []), undefined);
    for (const blank of [
      'model: {{ cookiecutter.model }}',
      'data_dir: ${DATA_DIR}',
      'model: <MODEL_PATH>',
      'model: <your model here>',
      'model: ???',
      'train_from: /path/to/checkpoint.pt',
      'save_model: CHANGE_ME',
      'train_from: XXX',
    ])
      assert.equal(completeTemplateConfig(at, `${COMPLETE}${blank}\n`), false, blank);
    // An OmegaConf interpolation to another key is complete.
    assert.equal(completeTemplateConfig(at, `${COMPLETE}eval_steps: \${train_steps}\n`), true);
    // A launch script there is a complete job script unless it leaves a blank (session 21: completeTemplateScript).
    const script = 'recipes/templates/launch.sh';
    assert.equal(completeTemplateConfig(script, 'python train.py\n'), false);
    assert.equal(notARunReason({ path: script, relativePath: script, text: 'python train.py\n' }, []), undefined);
    const blank = 'python train.py --model <MODEL_PATH>\n';
    assert.equal(notARunReason({ path: script, relativePath: script, text: blank }, []), TEMPLATE_REASON);
  });

  it('reads eval "$CMD" as the command the variable holds, as eval $CMD', () => {
    const facts = extractShellFacts('CMD="python train.py --epochs 3"\neval "$CMD"\n', 'run.sh');
    assert.ok(facts.some((f) => f.kind === 'link.script' && f.value === 'train.py'));
    // A quoted string that is not one variable is left as it was.
    const other = extractShellFacts('eval "echo hello $NAME"\n', 'run.sh');
    assert.ok(!other.some((f) => f.kind === 'link.script'));
  });

  it("reads an OpenNMT-py wrapper only when it calls the framework's main", async () => {
    const imported = 'from onmt.bin.train import main\n';
    assert.equal((await analyzeSource('train.py', imported)).runs.length, 0);
    const aliased = await analyzeSource(
      'train.py',
      'from onmt.bin.train import main as onmt_main\n\nif __name__ == "__main__":\n    onmt_main()\n',
    );
    assert.equal(aliased.runs.length, 1);
    assert.equal(aliased.runs[0].run.mode, 'pretrain');
  });
});
