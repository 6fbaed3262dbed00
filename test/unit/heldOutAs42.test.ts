import * as assert from 'node:assert/strict';
import { readSweptValues } from '../../src/core/extract/shell/sweptValues';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { findModel } from '../../src/core/knowledge';
import { transformerParams } from '../../src/core/resolve/factsToSpec';
import { scanFiles, valuesOf } from './helpers';

/** Forty-second round: rules from the misreads of held-out sets AR and AS. */

/** A trainer with an `--epochs` flag whose default (3) is not what the sweeps below run. */
const TRAINER = [
  'import argparse',
  'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
  '',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--epochs", type=int, default=3)',
  'args = parser.parse_args()',
  'model = AutoModelForCausalLM.from_pretrained("gpt2")',
  'training_args = TrainingArguments(output_dir="out", num_train_epochs=args.epochs, bf16=True)',
  'Trainer(model=model, args=training_args).train()',
  '',
].join('\n');

async function sweepRun(script: string) {
  const scan = await scanFiles({ 'train.py': TRAINER, 'sweep.sh': script });
  const found = scan.files.find((f) => f.display === 'sweep.sh')?.analysis.runs[0];
  return { spec: found?.run.spec, trials: found?.trial && { count: found.trial.of, detail: found.trial.detail } };
}

describe('Forty-second round: real-repository rules', () => {
  it("reads a sweep's runs at the mean of the numeric values it hands a flag (loop words or an indexed array)", async () => {
    const overWords = await sweepRun('for e in 2 10 30; do\n  python train.py --epochs $e\ndone\n');
    assert.equal(overWords.spec?.training.epochs, 14);
    assert.equal(overWords.trials?.count, 3);
    assert.match(overWords.trials?.detail ?? '', /--epochs at the mean of 2 10 30 = 14/);
    const overArray = await sweepRun(
      'epochs=(2 5 10 20 30 50)\nfor (( i=0; i<6; i++ )); do\n  python train.py --epochs "${epochs[$i]}" & wait\ndone\n',
    );
    assert.equal(overArray.spec?.training.epochs, 19.5);
    assert.equal(overArray.trials?.count, 6);
    // One value: exactly that value, nothing averaged.
    const single = await sweepRun('for e in 2; do\n  python train.py --epochs=${e}\ndone\n');
    assert.equal(single.spec?.training.epochs, 2);
    assert.doesNotMatch(single.trials?.detail ?? '', /mean/);
  });

  it('leaves a sweep unread where its values are not numbers or the loop does not visit the array once per element', () => {
    const loops = [{ name: 'm', words: 'gpt2 gpt2-medium', count: 2 }];
    assert.equal(readSweptValues('python t.py --model $m', loops, new Map()).text, 'python t.py --model $m');
    const counter = [{ name: 'i', words: '', count: 4 }];
    const vars = new Map([['epochs', '2 5 10']]);
    assert.equal(
      readSweptValues('python t.py --epochs ${epochs[$i]}', counter, vars).text,
      'python t.py --epochs ${epochs[$i]}',
    );
    // A C-style counter is an index, not a value.
    assert.equal(readSweptValues('python t.py --seed $i', counter, vars).text, 'python t.py --seed $i');
    // Literal indices pick their elements.
    const picked = readSweptValues('python t.py --epochs ${epochs[$k]}', [{ name: 'k', words: '0 2', count: 2 }], vars);
    assert.equal(picked.text, 'python t.py --epochs 6');
    // A variable that is no loop's is left to the script's own variables.
    assert.equal(readSweptValues('python t.py --epochs $E', counter, vars).text, 'python t.py --epochs $E');
  });

  /** A network described the way a Hub model's config.json is, at a size of our own choosing. */
  const archConfig = (hidden: number, layers: number, extra = '') =>
    `{\n  "architectures": ["LlamaForCausalLM"],\n  "model_type": "llama",\n  "hidden_size": ${hidden},\n  "intermediate_size": ${hidden * 3},\n  "num_attention_heads": 8,\n  "num_hidden_layers": ${layers},\n${extra}  "vocab_size": 32000\n}\n`;
  /** A pre-training program handed an architecture config (built with fresh weights). */
  const PRETRAIN = [
    'import argparse',
    'from transformers import AutoConfig, AutoModelForCausalLM',
    '',
    'parser = argparse.ArgumentParser()',
    'parser.add_argument("--model_config", type=str, required=True)',
    'parser.add_argument("--num_training_steps", type=int, default=1000)',
    'args = parser.parse_args()',
    'config = AutoConfig.from_pretrained(args.model_config)',
    'model = AutoModelForCausalLM.from_config(config)',
    'for step in range(args.num_training_steps):',
    '    model.train_step()',
    '',
  ].join('\n');

  it("sizes a Hub-style architecture config with its gated MLP and its architecture's untied output layer", async () => {
    const scan = await scanFiles({
      'main.py': PRETRAIN,
      'configs/arch_small.json': archConfig(512, 8),
      'run_small.sh':
        'torchrun --nproc_per_node 1 main.py --model_config configs/arch_small.json --num_training_steps 500\n',
    });
    const run = scan.files.find((f) => f.display === 'run_small.sh')?.analysis.runs[0]?.run.spec;
    // 8 × (4 × 512² + 3 × 512 × 1536) + 2 × 32000 × 512: attention, gated MLP, embedding and its own output layer.
    assert.equal(run?.model.params, 8 * (4 * 512 * 512 + 3 * 512 * 1536) + 2 * 32000 * 512);
    assert.equal(run?.model.name, 'llama');
    const tied = extractConfigFacts(archConfig(512, 8, '  "tie_word_embeddings": true,\n'), 'json', '/w/c.json').facts;
    assert.deepEqual(valuesOf(tied, 'model.untiedHead'), []);
    assert.deepEqual(valuesOf(tied, 'model.ffnSize'), [1536]);
    assert.deepEqual(valuesOf(tied, 'model.gatedFfn'), [true]);
    // Not an architecture it knows: the generic reading, as written.
    const other = extractConfigFacts(archConfig(512, 8).replace('"llama"', '"gpt_bigcode"'), 'json', '/w/c.json').facts;
    assert.deepEqual(valuesOf(other, 'model.ffnSize'), [1536]);
    assert.deepEqual(valuesOf(other, 'model.gatedFfn'), []);
    assert.deepEqual(valuesOf(other, 'model.untiedHead'), []);
  });

  it('gives no documented launch to the other architectures beside a documented architecture config', async () => {
    const scan = await scanFiles({
      'main.py': PRETRAIN,
      'README.md':
        '# Pre-training\n\n```bash\ntorchrun --nproc_per_node 1 main.py --model_config configs/arch_small.json\n```\n',
      'configs/arch_small.json': archConfig(512, 8),
      'configs/arch_large.json': archConfig(2048, 24),
      'configs/arch_huge.json': archConfig(4096, 32),
    });
    const listed = scan.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(!listed.includes('configs/arch_large.json'), listed.join(', '));
    assert.ok(!listed.includes('configs/arch_huge.json'), listed.join(', '));
  });

  it("reads an evaluation harness's program run by a launcher (`--model_args pretrained=…` with `--tasks`) as inference", () => {
    const line = (args: string) =>
      `accelerate launch --num_processes=8 /opt/harness/run_evals.py --model_args="${args}" --tasks "custom|hellaswag|0|1" --override_batch_size 16\n`;
    const named = extractShellFacts(line('pretrained=EleutherAI/pythia-160m'), '/w/eval.sh');
    assert.deepEqual(valuesOf(named, 'training.mode'), ['inference']);
    assert.deepEqual(valuesOf(named, 'model.id'), ['EleutherAI/pythia-160m']);
    assert.deepEqual(valuesOf(named, 'hardware.devices'), [8]);
    const swept = extractShellFacts(`for m in a/b c/d; do\n  ${line('pretrained=$m')}done\n`, '/w/eval.sh');
    assert.deepEqual(valuesOf(swept, 'training.mode'), ['inference']);
    assert.deepEqual(valuesOf(swept, 'model.id'), []);
    // Tasks alone, or model arguments naming no checkpoint, are some other program's flags.
    const other = extractShellFacts(
      'accelerate launch train.py --tasks cola,sst2 --model_args dropout=0.1\n',
      '/w/train.sh',
    );
    assert.deepEqual(valuesOf(other, 'training.mode'), []);
  });

  it('counts a gated MLP once when the architecture config overrides a catalog checkpoint that is gated too', async () => {
    const scan = await scanFiles({
      'main.py': PRETRAIN.replace(
        'model = AutoModelForCausalLM.from_config(config)',
        'model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B", config=config)',
      ),
      'configs/arch_small.json': archConfig(512, 8),
      'run_small.sh': 'python main.py --model_config configs/arch_small.json\n',
    });
    const spec = scan.files.find((f) => f.display === 'run_small.sh')?.analysis.runs[0]?.run.spec;
    const sizes = findModel('meta-llama/Llama-3.2-1B')?.sizes;
    assert.ok(sizes?.gatedFfn && sizes.kvHeads && sizes.attentionHeads);
    assert.equal(spec?.model.name, 'meta-llama/Llama-3.2-1B');
    assert.equal(
      spec?.model.params,
      transformerParams(8, 512, 32000, 1.5 * 1536, undefined, true, sizes.kvHeads / sizes.attentionHeads),
    );
  });
});
