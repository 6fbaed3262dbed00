import * as assert from 'node:assert/strict';
import { noFact, oneFact, pythonFacts } from './helpers';

/** A Tianshou 2 program training `algo` with the given trainer-parameter keywords, run from a main guard. */
function program(params: string, cls = 'OffPolicyTrainerParams', algo = 'DQN'): string {
  return [
    'from tianshou.algorithm import DQN, SAC',
    `from tianshou.trainer import ${cls}`,
    '',
    'def main(epoch: int = 5, per_epoch: int = 1000):',
    `    algorithm = ${algo}(policy=None, optim=None)`,
    `    algorithm.run_training(${cls}(training_collector=None, ${params}))`,
    '',
    'if __name__ == "__main__":',
    '    main()',
  ].join('\n');
}

describe('Tianshou trainers (rlTrainer)', () => {
  it('counts off-policy gradient steps as epochs x ceil(s / n) x round(u x n)', async () => {
    const facts = await pythonFacts(
      program(
        'max_epochs=epoch, epoch_num_steps=per_epoch, collection_step_num_env_steps=3, update_step_num_gradient_steps_per_sample=0.5',
      ),
    );
    oneFact(facts, 'training.epochs', 5);
    // ceil(1000 / 3) = 334 collection steps; round(1.5) = 2 (Python rounds halves to even).
    oneFact(facts, 'training.steps', 5 * 334 * 2);
    oneFact(facts, 'model.id', 'dqn');
    oneFact(facts, 'launch.trainer', 'tianshou-off-policy');
  });

  it("fills what a parameters object leaves out with the library's documented defaults", async () => {
    const facts = await pythonFacts(program('batch_size=64'));
    // max_epochs 100, epoch_num_steps 30000, collection 2048, one gradient step per sample.
    const epochs = oneFact(facts, 'training.epochs', 100);
    assert.equal(epochs.confidence, 'low');
    oneFact(facts, 'training.steps', 100 * Math.ceil(30000 / 2048) * 2048);
  });

  it('counts no steps for an on-policy trainer and offline steps as epochs x steps per epoch', async () => {
    const onPolicy = await pythonFacts(program('max_epochs=epoch', 'OnPolicyTrainerParams', 'SAC'));
    oneFact(onPolicy, 'training.epochs', 5);
    noFact(onPolicy, 'training.steps');
    const offline = await pythonFacts(program('max_epochs=epoch, epoch_num_steps=per_epoch', 'OfflineTrainerParams'));
    oneFact(offline, 'training.steps', 5000);
  });

  it('leaves the steps unknown when each collection step gathers episodes', async () => {
    const facts = await pythonFacts(program('max_epochs=epoch, collection_step_num_episodes=4'));
    oneFact(facts, 'training.epochs', 5);
    noFact(facts, 'training.steps');
  });

  it('reads nothing without the library imported', async () => {
    const facts = await pythonFacts(program('max_epochs=epoch').replace(/from tianshou\.\w+/g, 'from mylib'));
    noFact(facts, 'launch.trainer');
  });

  it('keeps a test_ function that takes the parsed flags as the entry, not a self-test', async () => {
    const body = [
      'import argparse',
      'from tianshou.algorithm import DQN',
      'from tianshou.trainer import OfflineTrainerParams',
      '',
      'def get_args():',
      '    p = argparse.ArgumentParser()',
      '    p.add_argument("--epoch", type=int, default=7)',
      '    return p.parse_args()',
      '',
    ];
    const run = [
      '    algorithm = DQN(policy=None, optim=None)',
      '    algorithm.run_training(OfflineTrainerParams(buffer=None, max_epochs=args.epoch, epoch_num_steps=10))',
      '',
      'if __name__ == "__main__":',
    ];
    const takesFlags = await pythonFacts(
      [...body, 'def test_bcq():', '    args = get_args()', ...run, '    test_bcq()'].join('\n'),
    );
    noFact(takesFlags, 'run.entry', false);
    oneFact(takesFlags, 'training.steps', 70);
    // The same function without the command line: a module checking itself.
    const selfTest = await pythonFacts(
      [
        ...body.filter((l) => !l.includes('add_argument')),
        'def test_bcq():',
        '    args = object()',
        ...run,
        '    test_bcq()',
      ].join('\n'),
    );
    oneFact(selfTest, 'run.entry', false);
  });
});
