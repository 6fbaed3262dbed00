import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { linkCandidates } from '../../src/core/analyze';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Round 10 (DeepSpeed examples, DeepSpeed-MII, LeRobot): each rule on a small case of its own and on the near miss
 * it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('Round 10: DeepSpeed launches, MII and LeRobot policies', () => {
  it('looks for the program a deeper launch script runs in the folders above it, never above the root', () => {
    const found = linkCandidates('/repo/app/step1/scripts/opt/one_gpu/run.sh', 'main.py', '/repo', path.posix);
    assert.ok(found.includes('/repo/app/step1/scripts/main.py'), found.join(', '));
    assert.ok(found.includes('/repo/app/step1/main.py'), found.join(', '));
    assert.ok(
      found.every((p) => p.startsWith('/repo/')),
      found.join(', '),
    );
    // Nearest folder first: the program beside the scripts folder wins over one further up.
    assert.ok(found.indexOf('/repo/app/step1/scripts/main.py') < found.indexOf('/repo/app/step1/main.py'));
  });

  it('looks for an absolute path into the job checkout by its last folders under the root', () => {
    const found = linkCandidates('/repo/examples/slurm/submit.sh', '/accelerate/examples/nlp.py', '/repo', path.posix);
    assert.ok(found.includes('/repo/examples/nlp.py'), found.join(', '));
    // A path that climbs (`..`) gets no folders under the root: it names no file of the checkout.
    const climbing = linkCandidates('/repo/a.sh', '/x/../etc/passwd', '/repo', path.posix);
    assert.deepEqual(
      climbing.filter((p) => p.startsWith('/repo/')),
      [],
    );
  });

  it('reads a launch built in a variable and run by eval, and not one only echoed', () => {
    const script = 'cmd="deepspeed --num_gpus 2 \\\n    train.py --train-iters 10"\necho $cmd\neval $cmd\n';
    const facts = extractShellFacts(script);
    assert.deepEqual(valuesOf(facts, 'launch.trainer'), ['deepspeed']);
    assert.equal(facts.find((f) => f.kind === 'launch.trainer')?.range.startLine, 3);
    assert.deepEqual(valuesOf(extractShellFacts('cmd="deepspeed train.py"\necho $cmd\n'), 'launch.trainer'), []);
  });

  it('links the programs a loop runs through its variable (`for f in a.py b.py; do python $f`)', () => {
    const facts = extractShellFacts('for f in bench_a.py bench_b.py; do\n    python $f --out /tmp/x\ndone\n');
    assert.deepEqual(valuesOf(facts, 'link.script'), ['bench_a.py', 'bench_b.py']);
    // A loop over other words links nothing it cannot name.
    const seeds = extractShellFacts('for s in 1 2; do\n    python $s\ndone\n');
    assert.deepEqual(valuesOf(seeds, 'link.script'), []);
  });

  it('reads --lora_dim N as LoRA and --lora_dim 0 as none; --dtype as the precision', () => {
    const lora = extractShellFacts(
      'deepspeed main.py --model_name_or_path facebook/opt-1.3b --lora_dim 128 --dtype bf16\n',
    );
    assert.deepEqual(valuesOf(lora, 'training.adapter'), ['lora']);
    assert.deepEqual(valuesOf(lora, 'training.precision'), ['bf16']);
    const full = extractShellFacts('deepspeed main.py --model_name_or_path facebook/opt-1.3b --lora_dim 0\n');
    assert.deepEqual(valuesOf(full, 'training.adapter'), []);
  });

  it("takes a program's --dtype default as its precision only when nothing else sets one", async () => {
    const head =
      'import argparse\np = argparse.ArgumentParser()\np.add_argument("--dtype", default="fp16")\nargs = p.parse_args()\n';
    const loop = 'for epoch in range(2):\n    loss.backward()\n';
    assert.deepEqual(valuesOf(await pythonFacts(`${head}${loop}`), 'training.precision'), ['fp16']);
    // The flag is declared, but the program passes a dtype of its own: that one runs.
    const own = await pythonFacts(
      `${head}engine = init(model, dtype=torch.float16 if args.triton else torch.float)\n${loop}`,
    );
    assert.ok(!own.some((f) => f.kind === 'training.precision' && f.detail === 'default of --dtype'));
  });

  it('reads a model cast with .half() as it is loaded over several lines', async () => {
    const code =
      'from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained(path,\n    from_tf=bool(".ckpt" in path),\n    config=cfg).half()\nout = model.generate(x)\n';
    assert.deepEqual(valuesOf(await pythonFacts(code), 'training.precision'), ['fp16']);
    const uncast = code.replace('.half()', '');
    assert.deepEqual(valuesOf(await pythonFacts(uncast), 'training.precision'), []);
  });

  it('reads mii.pipeline and mii.serve as inference of the model they name', async () => {
    const facts = await pythonFacts(
      'import mii\npipe = mii.pipeline("meta-llama/Llama-2-7b-hf")\nprint(pipe(["hi"]))\n',
    );
    assert.deepEqual(valuesOf(facts, 'model.id'), ['meta-llama/Llama-2-7b-hf']);
    assert.deepEqual(valuesOf(facts, 'launch.inference'), ['mii.pipeline']);
    const served = await pythonFacts('import mii\nmii.serve("mistralai/Mistral-7B-v0.1", tensor_parallel=2)\n');
    assert.deepEqual(valuesOf(served, 'inference.tensorParallel'), [2]);
    // A client of a deployment serves nothing.
    const client = await pythonFacts('import mii\nc = mii.client("mistralai/Mistral-7B-v0.1")\nc(["hi"])\n');
    assert.deepEqual(valuesOf(client, 'launch.inference'), []);
  });

  it('reads a LeRobot policy choosing actions as inference, and select_action elsewhere as nothing', async () => {
    const policy =
      'from lerobot.policies.act import ACTPolicy\n\ndef main():\n    policy = ACTPolicy.from_pretrained("org/act_arm")\n    for _ in range(10):\n        action = policy.select_action(obs)\n\nif __name__ == "__main__":\n    main()\n';
    assert.deepEqual(valuesOf(await pythonFacts(policy), 'launch.inference'), ['policy.select_action']);
    const dqn =
      'def main():\n    for step in range(100):\n        action = agent.select_action(state)\n\nif __name__ == "__main__":\n    main()\n';
    assert.deepEqual(valuesOf(await pythonFacts(dqn), 'launch.inference'), []);
  });
});
