import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { pythonFacts, runOf } from './helpers';

/**
 * Thirty-ninth round (held-out set AO): TPU jobs handed to a remote runner as its `--command` value, config paths
 * built from nested defaults around `$PWD`, and MaxText's newer layout (configs in subfolders, post-training configs
 * built on `base.yml`, distillation configs whose student keys sit in a section, serving configs over a base that
 * trains).
 */

/** A MaxText-shaped `base.yml`: the default model written out in full (ours, the shape of the framework's own). */
const BASE_YML = [
  'run_name: ""',
  'model_name: "default"',
  'load_parameters_path: ""',
  'async_checkpointing: true',
  'global_parameter_scale: 1',
  'base_emb_dim: 1024',
  'base_num_query_heads: 8',
  'base_num_kv_heads: 8',
  'base_mlp_dim: 4096',
  'base_num_decoder_layers: 12',
  'head_dim: 128',
  'mlp_activations: ["silu", "linear"]',
  'logits_via_embedding: false',
  'vocab_size: 32000',
  'dcn_data_parallelism: -1',
  'ici_fsdp_parallelism: -1',
  'per_device_batch_size: 8',
  'max_target_length: 1024',
  'steps: 50000',
  'dtype: "bfloat16"',
  '',
].join('\n');

const TRAINER =
  'from pkg.configs import pyconfig\n\n\ndef main(argv):\n    config = pyconfig.initialize(argv)\n\n\nif __name__ == "__main__":\n    import sys\n    main(sys.argv)\n';

function maxtextRepository(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'src/pkg/configs/base.yml': BASE_YML,
    'src/pkg/trainers/train.py': TRAINER,
    ...extra,
  };
}

describe('Thirty-ninth round: held-out set AO', () => {
  it('reads the command a remote TPU runner is handed (`xpk workload create --command`, `gcloud … tpu-vm ssh --command`)', () => {
    for (const line of [
      'xpk workload create --cluster=c --tpu-type=v5p-128 --command="python3 -m pkg.trainers.train model_name=llama3-8b steps=500"',
      'gcloud compute tpus tpu-vm ssh my-tpu --zone=us-central2-b --worker=all --command="cd ours && python3 -m pkg.trainers.train model_name=llama3-8b steps=500"',
    ]) {
      const facts = extractShellFacts(`#!/bin/bash\n${line}\n`, '/w/scripts/launch.sh');
      assert.ok(
        facts.some((f) => f.kind === 'link.script' && String(f.value).endsWith('pkg/trainers/train.py')),
        `${line}: ${JSON.stringify(facts.map((f) => [f.kind, f.value]))}`,
      );
      assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'llama3-8b', line);
    }
    // The command kept in a variable (a long line of environment settings and overrides) and handed over by name.
    const held = extractShellFacts(
      '#!/bin/bash\nexport TPU_TYPE="v5p-64"\nCOMMAND="JAX_PLATFORMS=proxy \\\nENABLE_LOGS=1 \\\npython3 -m pkg.trainers.train \\\nmodel_name=llama3-8b \\\nsteps=500"\n\nxpk workload create-pathways \\\n  --cluster=$CLUSTER \\\n  --tpu-type=$TPU_TYPE \\\n  --command="${COMMAND}"\n',
      '/w/scripts/launch.sh',
    );
    assert.equal(held.find((f) => f.kind === 'model.id')?.value, 'llama3-8b');
    // A long one (an RL job's hundred overrides), whose override values name JSON files that are no config of the run.
    const overrides = Array.from({ length: 120 }, (_, i) => `option_${i}=value_${i}`).join(' \\\n');
    const long = extractShellFacts(
      `#!/bin/bash\nCOMMAND="python3 -m pkg.trainers.train \\\nmodel_name=gemma-2b \\\ndata_template_path=templates/math.json \\\n${overrides}"\nxpk workload create --cluster=c --command="\${COMMAND}"\n`,
      '/w/scripts/launch.sh',
    );
    assert.equal(long.find((f) => f.kind === 'model.id')?.value, 'gemma-2b');
    assert.ok(
      !long.some((f) => f.kind === 'link.config'),
      JSON.stringify(long.filter((f) => f.kind === 'link.config')),
    );
    // Another program's `--command` option is no runner of it (a plain word, not a launch).
    const other = extractShellFacts('#!/bin/bash\nmytool report --command="python3 train.py"\n', '/w/x.sh');
    assert.ok(!other.some((f) => f.kind === 'link.script'), JSON.stringify(other));
  });

  it('expands a default holding a variable inside another default, and removes quotes inside a word', async () => {
    const launch =
      '#!/bin/bash\npython3 -m pkg.trainers.train "${CONFIGS_DIR:-${REPO_ROOT:-$PWD}/src/pkg/configs}"//base.yml model_name=default per_device_batch_size=4 steps=30 remat_policy=full\n';
    const facts = extractShellFacts(launch, '/w/scripts/run.sh');
    assert.equal(facts.find((f) => f.kind === 'link.config')?.value, '$PWD/src/pkg/configs//base.yml');
    const run = await runOf(maxtextRepository({ 'scripts/run.sh': launch }), 'scripts/run.sh');
    // The launch's overrides over the base's schedule; the base's precision.
    assert.equal(run?.training.steps, 30);
    assert.equal(run?.training.precision, 'bf16');
  });

  it('reads MaxText configs that build on a base in another folder or on base.yml alone', () => {
    const serving = extractConfigFacts(
      'base_config: "inference/inference_server.yml"\nmodel_name: "llama3-70b"\nper_device_batch_size: 6\n',
      'yaml',
    ).facts;
    assert.equal(serving.find((f) => f.kind === 'link.config')?.value, 'inference/inference_server.yml');
    assert.equal(serving.find((f) => f.kind === 'launch.inference')?.value, 'config:maxtext');
    const sft = extractConfigFacts(
      'base_config: "base.yml"\nuse_sft: true\nlearning_rate: 2.e-5\nhf_path: "org/chat-data"\n',
      'yaml',
    ).facts;
    assert.equal(sft.find((f) => f.kind === 'run.framework')?.value, 'maxtext');
    assert.equal(sft.find((f) => f.kind === 'training.mode')?.value, 'finetune');
    assert.ok(!sft.some((f) => f.kind === 'model.fromScratch' && f.value === true), JSON.stringify(sft));
    // Any other config with a `base_config` key and nothing of MaxText's is not taken for one.
    const other = extractConfigFacts('base_config: "defaults.yml"\nlr: 0.1\n', 'yaml').facts;
    assert.ok(!other.some((f) => f.kind === 'run.framework' && f.value === 'maxtext'), JSON.stringify(other));
  });

  it('sizes a distillation config by its student’s model, not by the base’s default model', async () => {
    const distill =
      'base_config: "base.yml"\nstudent_overrides:\n  model_name: "qwen3-8b"\n  load_parameters_path: "gs://bucket/student/0/items"\nteacher_overrides:\n  model_name: "qwen3-32b"\n  load_parameters_path: "gs://bucket/teacher/0/items"\nsteps: 20000\n';
    const run = await runOf(
      maxtextRepository({ 'src/pkg/configs/post_train/distill.yml': distill }),
      'src/pkg/configs/post_train/distill.yml',
    );
    assert.equal(run?.mode, 'finetune');
    assert.equal(run?.training.steps, 20000);
    assert.ok((run?.model.params ?? 0) > 7e9, String(run?.model.params));
    // The base alone is the default model, trained from scratch.
    const base = await runOf(maxtextRepository(), 'src/pkg/configs/base.yml');
    assert.equal(base?.mode, 'pretrain');
    assert.ok((base?.model.params ?? 0) < 1e9, String(base?.model.params));
  });

  it('takes a serving config over bases that train for serving', async () => {
    const files = maxtextRepository({
      'src/pkg/configs/inference/inference.yml': 'base_config: "base.yml"\nper_device_batch_size: 1\n',
      'src/pkg/configs/inference/models/llama3_70b_v5e-16.yml':
        'base_config: "inference/inference.yml"\nmodel_name: "llama3-70b"\nenable_model_warmup: true\n',
    });
    const run = await runOf(files, 'src/pkg/configs/inference/models/llama3_70b_v5e-16.yml');
    assert.equal(run?.mode, 'inference');
  });
  it('reads a W&B sweep’s command with its program and its first trial’s parameters', () => {
    const sweep = [
      'command:',
      '  - python3',
      '  - ${program}',
      '  - --do_train',
      '  - ${args}',
      'method: grid',
      'metric:',
      '  goal: minimize',
      '  name: eval/wer',
      'parameters:',
      '  model_name_or_path:',
      '    values:',
      '      - org/student-24-2',
      '      - org/student-24-4',
      '  max_steps:',
      '    value: 8000',
      '  dtype:',
      '    value: bfloat16',
      '  learning_rate:',
      '    distribution: log_uniform_values',
      '    min: 0.00001',
      '    max: 0.001',
      'program: run_distillation.py',
      '',
    ].join('\n');
    const facts = extractConfigFacts(sweep, 'yaml').facts;
    assert.equal(facts.find((f) => f.kind === 'link.script')?.value, 'run_distillation.py');
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'org/student-24-2');
    assert.equal(facts.find((f) => f.kind === 'training.steps')?.value, 8000);
    assert.equal(facts.find((f) => f.kind === 'training.precision')?.value, 'bf16');
    // A command list that is no sweep keeps its macros as written.
    const plain = extractConfigFacts(sweep.replace('method: grid', 'kind: grid'), 'yaml').facts;
    assert.ok(!plain.some((f) => f.kind === 'model.id'), JSON.stringify(plain));
  });

  it('names the model a program builds from a registry by the flag’s default, the generator over its tokenizer', async () => {
    const sampler = [
      'import argparse',
      'import torch',
      'from models.gpt import GPT_models',
      'from tokenizer.vq_model import VQ_models',
      '',
      '',
      'def main(args):',
      '    vq_model = VQ_models[args.vq_model](codebook_size=args.codebook_size)',
      '    gpt_model = GPT_models[args.gpt_model](vocab_size=args.codebook_size).to(torch.bfloat16)',
      '    gpt_model.load_state_dict(torch.load(args.gpt_ckpt)["model"])',
      '    with torch.no_grad():',
      '        tokens = gpt_model.generate(torch.zeros(8, 1, dtype=torch.long), max_new_tokens=256)',
      '    images = vq_model.decode(tokens)',
      '',
      '',
      'if __name__ == "__main__":',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--gpt-model", type=str, choices=list(GPT_models.keys()), default="GPT-L")',
      '    parser.add_argument("--gpt-ckpt", type=str, required=True)',
      '    parser.add_argument("--vq-model", type=str, choices=list(VQ_models.keys()), default="VQ-8")',
      '    parser.add_argument("--codebook-size", type=int, default=16384)',
      '    main(parser.parse_args())',
      '',
    ].join('\n');
    const facts = await pythonFacts(sampler);
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'GPT-L');
    // The tokenizer's own training program: the tokenizer is the model.
    const tokenizerOnly = sampler
      .replace(/^.*gpt.*$\n/gim, '')
      .replace(
        'images = vq_model.decode(tokens)',
        'loss = vq_model(torch.randn(2, 3, 256, 256)).sum()\n    loss.backward()',
      );
    assert.equal((await pythonFacts(tokenizerOnly)).find((f) => f.kind === 'model.id')?.value, 'VQ-8');
    // A dictionary that is no registry of models (`datasets[args.data]`) names nothing.
    const other = sampler.replace(/GPT_models/g, 'LOADERS').replace(/VQ_models/g, 'CODECS');
    assert.ok(!(await pythonFacts(other)).some((f) => f.kind === 'model.id'));
  });
  it('reads a dtype a flag picks from a table, over TF32 switches', async () => {
    const sampler = [
      'import argparse',
      'import torch',
      'torch.backends.cuda.matmul.allow_tf32 = True',
      'from transformers import AutoModelForCausalLM',
      '',
      '',
      'def main(args):',
      "    precision = {'none': torch.float32, 'bf16': torch.bfloat16, 'fp16': torch.float16}[args.precision]",
      '    model = AutoModelForCausalLM.from_pretrained("gpt2").to(dtype=precision)',
      '    with torch.no_grad():',
      '        model.generate(torch.ones(1, 4, dtype=torch.long), max_new_tokens=64)',
      '',
      '',
      'if __name__ == "__main__":',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--precision", type=str, default="fp16", choices=["none", "fp16", "bf16"])',
      '    main(parser.parse_args())',
      '',
    ].join('\n');
    const precisions = (await pythonFacts(sampler)).filter((f) => f.kind === 'training.precision').map((f) => f.value);
    assert.ok(precisions.includes('fp16'), JSON.stringify(precisions));
    // A default that names no entry of the table reads nothing.
    const unnamed = sampler.replace('default="fp16"', 'default="int8"');
    const none = (await pythonFacts(unnamed)).filter((f) => f.kind === 'training.precision').map((f) => f.value);
    assert.deepEqual(none, ['tf32']);
  });

  it('reads a fine-tuning switch with the weights file it starts from, and a registry model run forward', async () => {
    const launch =
      '#!/bin/bash\ntorchrun --nproc_per_node=8 image_codec/vq_train.py \\\n--finetune \\\n--vq-ckpt ./pretrained_models/vq_16.pt \\\n--data-path /data "$@"\n';
    assert.equal(
      extractShellFacts(launch, '/w/scripts/ft.sh').find((f) => f.kind === 'training.mode')?.value,
      'finetune',
    );
    // Without a weights file on the line, or with the switch given a value, nothing is said.
    const resume = launch.replace('--vq-ckpt ./pretrained_models/vq_16.pt \\\n', '');
    assert.ok(!extractShellFacts(resume, '/w/scripts/ft.sh').some((f) => f.kind === 'training.mode'));
    const reconstruct = [
      'import argparse',
      'import torch',
      'from tokenizer.tok_model import TOK_models',
      '',
      '',
      'def main(args):',
      '    torch.set_grad_enabled(False)',
      '    tok = TOK_models[args.tok_model](codebook_size=16384)',
      '    tok.eval()',
      '    tok.load_state_dict(torch.load(args.tok_ckpt, map_location="cpu")["model"])',
      '    for x in torch.utils.data.DataLoader(torch.randn(64, 3, 256, 256), batch_size=8):',
      '        codes = tok.encode(x)',
      '',
      '',
      'if __name__ == "__main__":',
      '    parser = argparse.ArgumentParser()',
      '    parser.add_argument("--tok-model", type=str, choices=list(TOK_models.keys()), default="TOK-16")',
      '    parser.add_argument("--tok-ckpt", type=str, required=True)',
      '    main(parser.parse_args())',
      '',
    ].join('\n');
    const facts = await pythonFacts(reconstruct);
    assert.equal(facts.find((f) => f.kind === 'model.id')?.value, 'TOK-16');
    assert.ok(
      facts.some((f) => f.kind === 'launch.inference'),
      JSON.stringify(facts.map((f) => f.kind)),
    );
  });
});
