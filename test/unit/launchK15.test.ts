import * as assert from 'node:assert/strict';
import { analyzeSource } from './helpers';

const ray = (flags: string) =>
  `python3 -m openrlhf.cli.train_ppo_ray \\\n${flags.trim().split(/\n\s*/).join(' \\\n   ')}\n`;

describe('Launch scripts and configs (held-out set K rules)', () => {
  it('sums the Ray placements of the roles the run has', async () => {
    const a = await analyzeSource(
      'ppo.sh',
      ray(`--actor.num_gpus_per_node 4
        --ref.num_gpus_per_node 4
        --critic.num_gpus_per_node 2
        --reward.num_gpus_per_node 2
        --vllm.num_engines 2
        --vllm.tensor_parallel_size 2
        --actor.model_name_or_path Qwen/Qwen2.5-7B-Instruct
        --reward.model_name_or_path org/rm-7b`),
    );
    // Nothing colocated: 4 + 4 + 2 + 2 + 2×2.
    assert.equal(a.runs[0].run.hardware.count, 16);
  });

  it('leaves the sum unread when a role the run has states no GPUs, and no reference at KL 0', async () => {
    const unstated = await analyzeSource(
      'ppo.sh',
      ray(`--actor.num_gpus_per_node 4
        --actor.model_name_or_path Qwen/Qwen2.5-7B-Instruct
        --reward.model_name_or_path org/rm-7b
        --train.colocate_actor_ref`),
    );
    // The critic (gae, the default estimator) and the reward model state no GPUs: the actor's 4 stand, as before.
    assert.equal(unstated.runs[0].run.hardware.count, 4);
    const noRef = await analyzeSource(
      'grpo.sh',
      ray(`--actor.num_gpus_per_node 4
        --ref.num_gpus_per_node 4
        --algo.kl.init_coef 0
        --algo.advantage.estimator group_norm
        --reward.remote_url ./reward.py
        --vllm.num_engines 4
        --vllm.tensor_parallel_size 1
        --actor.model_name_or_path Qwen/Qwen2.5-1.5B`),
    );
    assert.equal(noRef.runs[0].run.hardware.count, 8);
  });

  it('continues a command over a blank after the backslash only when a flag follows', async () => {
    const flag = await analyzeSource(
      'run.sh',
      'python finetune.py \\\n  --model_name_or_path gpt2 \\ \n  --num_train_epochs 7\n',
    );
    assert.equal(flag.runs[0].run.training.epochs, 7);
    const command = await analyzeSource(
      'run.sh',
      'python finetune.py --model_name_or_path gpt2 --num_train_epochs 2 \\ \necho done --num_train_epochs 9\n',
    );
    assert.equal(command.runs[0].run.training.epochs, 2);
  });

  it('keeps a model path whose variable is not in its last segment', async () => {
    const a = await analyzeSource(
      'run.sh',
      'deepspeed train.py --model_name_or_path /data/$USER/weights/gpt2-medium --num_train_epochs 1\n',
    );
    assert.equal(a.runs[0].run.model.name, '/data/$USER/weights/gpt2-medium');
  });

  it('reads a background loop of one device each as one job, a sequential one as repeats', async () => {
    const parallel = await analyzeSource(
      'eval.sh',
      'for i in 0 1 2; do\n  CUDA_VISIBLE_DEVICES=$i python -m pkg.answer --model-path org/vlm-7b --chunk-idx $i &\ndone\nwait\n',
    );
    assert.equal(parallel.runs[0].run.hardware.count, 3);
    const sequential = await analyzeSource(
      'eval.sh',
      'for i in 0 1 2; do\n  CUDA_VISIBLE_DEVICES=$i python -m pkg.answer --model-path org/vlm-7b --chunk-idx $i\ndone\n',
    );
    assert.notEqual(sequential.runs[0].run.hardware.count, 3);
  });
});
