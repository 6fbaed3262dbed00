import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts, scanFiles } from './helpers';

/**
 * Thirty-sixth round (held-out set AL): an adapter or a 4-bit base built behind a boolean switch whose default the
 * program's own file does not declare (`if args.use_qlora:` with the flags in another module's dataclass) is off
 * unless the launch gives the switch.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const PROGRAM = (flags: string) =>
  [
    'import torch',
    'from peft import LoraConfig, get_peft_model',
    'from transformers import AutoModelForCausalLM, BitsAndBytesConfig',
    'from mypkg import dpo_utils',
    'from mypkg.utils import ArgumentParserPlus',
    flags,
    '',
    'def main(args):',
    '    if args.use_qlora:',
    '        bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)',
    '        model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, quantization_config=bnb)',
    '    else:',
    '        model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)',
    '    if args.use_lora:',
    '        model = get_peft_model(model, LoraConfig(r=16))',
    '    optimizer = torch.optim.AdamW(model.parameters())',
    '    for batch in loader:',
    '        model(**batch).loss.backward()',
    '        optimizer.step()',
    '',
    'if __name__ == "__main__":',
    '    parser = ArgumentParserPlus((dpo_utils.DPOExperimentConfig,))',
    '    main(parser.parse())',
    '',
  ].join('\n');

describe('Thirty-sixth round: opt-in adapter switches declared elsewhere', () => {
  it('reads no adapter or 4-bit base behind `if args.use_lora:` whose default is in another module', async () => {
    const facts = await pythonFacts(PROGRAM(''));
    assert.deepEqual(valuesOf(facts, 'training.adapter'), []);
    // Still a fine-tune of the loaded checkpoint.
    assert.ok(valuesOf(facts, 'model.fromScratch').includes(false));
  });

  it('reads them where the file declares the switch on, and a branch behind another kind of switch as before', async () => {
    const on = await pythonFacts(
      PROGRAM(
        [
          'from dataclasses import dataclass',
          '@dataclass',
          'class Args:',
          '    use_lora: bool = True',
          '    use_qlora: bool = True',
          'args = Args()',
        ].join('\n'),
      ).replace('    main(parser.parse())', '    main(args)'),
    );
    assert.ok(valuesOf(on, 'training.adapter').includes('lora'), JSON.stringify(valuesOf(on, 'training.adapter')));
    // A switch that is no adapter's (`if args.use_wandb:`) keeps its branch read as before.
    const other = await pythonFacts(PROGRAM('').replace('if args.use_lora:', 'if args.use_wandb:'));
    assert.ok(valuesOf(other, 'training.adapter').includes('lora'));
  });

  it('takes the adapter from the launch line that gives the switch', async () => {
    const result = await scanFiles({
      'mypkg/__init__.py': '',
      'mypkg/dpo_utils.py':
        'from dataclasses import dataclass\n\n@dataclass\nclass DPOExperimentConfig:\n    use_lora: bool = False\n',
      'mypkg/utils.py': 'class ArgumentParserPlus:\n    pass\n',
      'train_dpo.py': PROGRAM(''),
      'scripts/lora.sh':
        'accelerate launch --mixed_precision bf16 train_dpo.py --model_name_or_path meta-llama/Llama-2-7b-hf --use_lora\n',
      'scripts/full.sh':
        'accelerate launch --mixed_precision bf16 train_dpo.py --model_name_or_path meta-llama/Llama-2-7b-hf\n',
    });
    const runOf = (file: string) => result.files.find((f) => f.display === file)?.analysis.runs[0]?.run;
    assert.equal(runOf('scripts/lora.sh')?.mode, 'lora');
    assert.equal(runOf('scripts/full.sh')?.mode, 'finetune');
  });
});
