import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { commandLineVerdict } from '../../src/core/extract/python/entryPoint';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Round 11 (held-out set D): sweeps that run launch scripts, commands kept in variables, a package's server
 * start, numbered phase tables, draccus programs, widths derived from flags, and a float16-only GradScaler;
 * each rule on a small case of its own and on the near miss it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Round 11: sweeps, derived widths and LeRobot programs', () => {
  it('links the launch script a sweep runs (bash x.sh, ./x.sh, a command in a variable), not one in a variable', () => {
    const sweep = extractShellFacts(
      'for z in 1 2 3\ndo\n    cmd="bash scripts/run_one.sh ${z} out_${z}"\n    echo $cmd\n    $cmd\ndone\n',
    );
    assert.deepEqual(valuesOf(sweep, 'launch.trainer'), ['bash']);
    assert.deepEqual(valuesOf(sweep, 'link.script'), ['scripts/run_one.sh']);
    assert.deepEqual(valuesOf(sweep, 'launch.repeat'), [3]);
    assert.deepEqual(valuesOf(extractShellFacts('./train_small.sh --epochs 3\n'), 'link.script'), ['./train_small.sh']);
    assert.deepEqual(valuesOf(extractShellFacts('sh -e run_model.sh gpt2 fp16\n'), 'link.script'), ['run_model.sh']);
    // Named when it runs: nothing to link, so no launch either.
    assert.deepEqual(valuesOf(extractShellFacts('bash $SCRIPT 1 2\n'), 'launch.trainer'), []);
    // A path written after an assignment is text, not a command.
    assert.deepEqual(valuesOf(extractShellFacts('cmd="scripts/run_one.sh 1"\n'), 'launch.trainer'), []);
  });

  it('reads a command string kept in a variable and run by subprocess', async () => {
    const facts = await pythonFacts(
      'import subprocess\nif __name__ == "__main__":\n    cmd = f"python3 ./serve/chat_bot.py --n {3}"\n    subprocess.Popen(cmd, shell=True).wait()\n',
    );
    assert.deepEqual(valuesOf(facts, 'link.script'), ['./serve/chat_bot.py']);
    // A variable holding no command starts nothing.
    const other = await pythonFacts(
      'import subprocess\nif __name__ == "__main__":\n    cmd = "ls -la"\n    subprocess.run(cmd, shell=True)\n',
    );
    assert.deepEqual(valuesOf(other, 'link.script'), []);
  });

  it("follows a package's server-start function from a program with functions of its own", async () => {
    const facts = await pythonFacts(
      'from bench.server import start_server\nfrom bench.report import summarise\n\ndef run():\n    start_server(1)\n    summarise()\n\nif __name__ == "__main__":\n    run()\n',
    );
    assert.deepEqual(valuesOf(facts, 'link.module'), ['bench/server.py']);
  });

  it('reads no config-wide length from a table of phases keyed by number', () => {
    const table = extractConfigFacts(
      '{"bert": {"num_hidden_layers": 24, "hidden_size": 1024},\n "phases": {"128": {"num_epochs": 120}, "512": {"num_epochs": 20}}}',
      'json',
    ).facts;
    assert.deepEqual(valuesOf(table, 'training.epochs'), []);
    assert.deepEqual(valuesOf(table, 'model.layers'), [24]);
    // One numbered entry, or entries that are not maps, are no table of phases.
    const single = extractConfigFacts('{"phases": {"1": {"num_epochs": 3}}}', 'json').facts;
    assert.deepEqual(valuesOf(single, 'training.epochs'), [3]);
  });

  it('reads a draccus program (@draccus.wrap, LeRobot @parser.wrap) as one that takes command-line flags', () => {
    const start: Fact = {
      kind: 'launch.trainer',
      value: 'train',
      range: { startLine: 5, startCol: 0, endLine: 5, endCol: 1 },
      confidence: 'high',
      detail: 'policy.train()',
    };
    for (const decorator of ['@draccus.wrap()', '@parser.wrap()']) {
      const text = `import draccus\n\n${decorator}\ndef main(cfg: TrainConfig):\n    policy.train()\n\nif __name__ == "__main__":\n    main()\n`;
      assert.equal(commandLineVerdict(text, [start])?.kind, 'run.commandLine', decorator);
    }
    assert.equal(
      commandLineVerdict('def main(cfg):\n    pass\nif __name__ == "__main__":\n    main()\n', [start]),
      undefined,
    );
  });

  it('reads a width the program derives from its flags, and says which flags it came from', async () => {
    const facts = await pythonFacts(
      [
        'import argparse',
        'parser = argparse.ArgumentParser()',
        'parser.add_argument("--depth", type=int, default=20)',
        'parser.add_argument("--aspect-ratio", type=int, default=64)',
        'args = parser.parse_args()',
        'def build(depth):',
        '    model_dim = depth * args.aspect_ratio',
        '    return GPT(GPTConfig(n_layer=depth, n_embd=model_dim))',
        'model = build(args.depth)',
      ].join('\n'),
    );
    const hidden = facts.find((f) => f.kind === 'model.hiddenSize');
    assert.equal(hidden?.value, 1280);
    assert.deepEqual([...(hidden?.fromFlags ?? [])].sort(), ['aspect_ratio', 'depth']);
    // The launch line says which flags it hands the program.
    const launch = extractShellFacts('torchrun --nproc_per_node=8 base_train.py --depth=24 --max-seq-len 512\n');
    assert.deepEqual(launch.find((f) => f.kind === 'link.script')?.passes, ['nproc_per_node', 'depth', 'max_seq_len']);
  });

  it('reads no precision from a GradScaler made only for a float16 run chosen at run time', async () => {
    const conditional = await pythonFacts(
      'import torch\ndtype = pick()\nscaler = torch.amp.GradScaler() if dtype == torch.float16 else None\n',
    );
    assert.ok(!valuesOf(conditional, 'training.precision').includes('fp16'), JSON.stringify(conditional));
    const plain = await pythonFacts('import torch\nscaler = torch.cuda.amp.GradScaler()\n');
    assert.deepEqual(valuesOf(plain, 'training.precision'), ['fp16']);
  });

  it('reads the bound of the stop that ends a `while not done` training loop', async () => {
    const facts = await pythonFacts(
      [
        'def main():',
        '    training_steps = 3000',
        '    step = 0',
        '    done = False',
        '    while not done:',
        '        for batch in loader:',
        '            loss = policy(batch)',
        '            loss.backward()',
        '            optimizer.step()',
        '            step += 1',
        '            if step >= training_steps:',
        '                done = True',
        '                break',
        'main()',
      ].join('\n'),
    );
    assert.deepEqual(valuesOf(facts, 'training.steps'), [3000]);
    // A check that does not leave the loop is no stop.
    const logging = await pythonFacts(
      'def main():\n    for batch in loader:\n        loss = m(batch)\n        loss.backward()\n        if step >= 100:\n            print(step)\nmain()\n',
    );
    assert.deepEqual(valuesOf(logging, 'training.steps'), []);
  });

  it("reads a torchtitan job's model flavour: model_registry(flavour), an experiment's prefix, a debug flavour from scratch", async () => {
    const registry = await pythonFacts(
      [
        'from . import model_registry',
        '',
        'def llama3_torchft_debugmodel() -> FaultTolerantTrainer.Config:',
        '    model_spec = model_registry("debugmodel")',
        '    return FaultTolerantTrainer.Config(model_spec=model_spec, training=TrainingConfig(steps=100))',
      ].join('\n'),
    );
    assert.deepEqual(valuesOf(registry, 'model.id'), ['llama3_debugmodel']);
    const experiment = extractShellFacts(
      'torchrun --nproc_per_node=8 -m torchtitan.train --module graph_trainer.llama3 --config graph_trainer_llama3_debugmodel\n',
    );
    assert.deepEqual(valuesOf(experiment, 'model.id'), ['llama3_debugmodel']);
    assert.deepEqual(valuesOf(experiment, 'model.fromScratch'), [true]);
    // A real flavour says nothing of how it starts from the launch alone; a checkpoint flag says it loads one.
    const real = extractShellFacts('torchrun -m torchtitan.train --module llama3 --config llama3_8b\n');
    assert.deepEqual(valuesOf(real, 'model.fromScratch'), []);
    const loaded = extractShellFacts(
      'torchrun -m torchtitan.train --module llama3 --config llama3_debugmodel --checkpoint.initial_load_path /ckpt\n',
    );
    assert.deepEqual(valuesOf(loaded, 'model.fromScratch'), [false]);
  });

  it('reads module.train(mode) as a mode switch, not a trainer', async () => {
    for (const call of ['policy.train(was_training)', 'policy.train(False)', 'policy.train(mode=True)'])
      assert.deepEqual(valuesOf(await pythonFacts(`${call}\n`), 'launch.trainer'), [], call);
    assert.deepEqual(valuesOf(await pythonFacts('trainer.train()\n'), 'launch.trainer'), ['train']);
  });

  it("reads a config object's model_name only when it is a Hub id the catalog knows or whose name states a size", async () => {
    const named = await pythonFacts('cfg = RewardClassifierConfig(num_cameras=2, model_name="microsoft/resnet-18")\n');
    assert.deepEqual(valuesOf(named, 'model.id'), ['microsoft/resnet-18']);
    assert.deepEqual(valuesOf(named, 'model.fromScratch'), [false]);
    // A run label, or a call that is no config, names no model.
    const label = await pythonFacts('cfg = RunConfig(model_name="my-run/baseline")\n');
    assert.deepEqual(valuesOf(label, 'model.id'), []);
    const call = await pythonFacts('log(model_name="microsoft/resnet-18")\n');
    assert.deepEqual(valuesOf(call, 'model.id'), []);
  });
});
