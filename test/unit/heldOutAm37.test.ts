import * as assert from 'node:assert/strict';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { scanFiles } from './helpers';

/**
 * Thirty-seventh round (held-out set AM): a LLaMA-Factory config from before its 0.9 release names bitsandbytes in
 * full (`quantization_method: bitsandbytes`), and a launch of a program that lives in a container image, not the
 * folder, is read by the program's name.
 */

async function specOf(files: Record<string, string>, file: string) {
  const result = await scanFiles(files);
  return result.files.find((f) => f.display === file)?.analysis.runs[0]?.run.spec;
}

const QLORA_CONFIG = (method: string) =>
  `### model\nmodel_name_or_path: Qwen/Qwen2-7B-Instruct\n\n### method\nstage: sft\ndo_train: true\nfinetuning_type: lora\nlora_target: all\nquantization_bit: 4\nquantization_method: ${method}\n\n### dataset\ndataset: our_data\ntemplate: qwen\ncutoff_len: 1024\n\n### train\nper_device_train_batch_size: 1\ngradient_accumulation_steps: 16\nnum_train_epochs: 1.0\nbf16: true\n`;

describe('Thirty-seventh round: held-out set AM', () => {
  it('reads `quantization_method: bitsandbytes` with 4 bits as QLoRA, like `bnb`', async () => {
    for (const method of ['bitsandbytes', 'bnb']) {
      const spec = await specOf({ 'configs/sft-qlora.yaml': QLORA_CONFIG(method) }, 'configs/sft-qlora.yaml');
      assert.equal(spec?.training.mode, 'qlora', method);
    }
    // Another method at 4 bits (HQQ) is not bitsandbytes' NF4 base: the adapters are LoRA as written.
    const hqq = await specOf({ 'configs/sft-qlora.yaml': QLORA_CONFIG('hqq') }, 'configs/sft-qlora.yaml');
    assert.equal(hqq?.training.mode, 'lora');
  });

  const DOCKER = (program: string) =>
    `#!/usr/bin/env bash\nIMAGE=ourlab/chat:cu121\nCKPT=/path/to/checkpoint\nsudo docker run --gpus all --rm \\\n    --mount type=bind,source=\${CKPT},target=/data/ckpt \\\n    -it \${IMAGE} \\\n    python ${program} -c /data/ckpt/\n`;

  it('a launch of a demo, chat or inference program that is not in the folder is inference, by its name', async () => {
    for (const program of ['cli_demo.py', 'web_demo.py', 'inference.py', 'chat.py']) {
      const spec = await specOf({ 'docker/run_demo.sh': DOCKER(program) }, 'docker/run_demo.sh');
      assert.equal(spec?.training.mode, 'inference', program);
    }
  });

  it('a name that also says it trains, or a program in the folder that trains, is not read as inference', async () => {
    const named = await specOf({ 'docker/run.sh': DOCKER('train_demo.py') }, 'docker/run.sh');
    assert.notEqual(named?.training.mode, 'inference');
    const trains =
      'import torch\nfrom torch import nn\nmodel = nn.Linear(10, 2)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor step in range(100):\n    loss = model(torch.randn(4, 10)).sum()\n    loss.backward()\n    opt.step()\n';
    const found = await specOf(
      { 'run.sh': '#!/bin/bash\npython inference.py -c /data/ckpt/\n', 'inference.py': trains },
      'run.sh',
    );
    assert.notEqual(found?.training.mode, 'inference');
  });

  const SUBMITTER =
    'import os\nimport subprocess\nimport argparse\n\n\ndef submit_jobs(inp_dir):\n    for name in sorted(os.listdir(inp_dir)):\n        subprocess.run(["sbatch", os.path.join(inp_dir, name, "job.slurm")])\n\n\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--inp_dir", type=str, required=True)\n    args = parser.parse_args()\n    submit_jobs(args.inp_dir)\n';

  it('a Python program that only submits job scripts another program wrote is a driver, not a run', async () => {
    const result = await scanFiles({ 'submit_slurm_jobs.py': SUBMITTER });
    assert.deepEqual(result.files.find((f) => f.display === 'submit_slurm_jobs.py')?.analysis.runs, []);
    // Stating the run itself (a model and its schedule, as flag defaults) keeps it a run: it writes the job it submits.
    const stating = SUBMITTER.replace(
      'required=True)\n',
      'required=True)\n    parser.add_argument("--model_name_or_path", default="Qwen/Qwen2.5-0.5B")\n    parser.add_argument("--max_steps", type=int, default=1000)\n',
    ).replace(
      'submit_jobs(args.inp_dir)',
      'submit_jobs(args.inp_dir)\n    print(args.model_name_or_path, args.max_steps)',
    );
    const kept = await scanFiles({ 'launch_pretrain.py': stating });
    assert.equal(kept.files.find((f) => f.display === 'launch_pretrain.py')?.analysis.runs.length, 1);
  });

  it('a config generator (`create_config.py`) is left out by its name: the configs it writes are the runs', () => {
    for (const file of ['create_config.py', 'scripts/make-configs.sh', 'gen_cfg_sweep.py', 'tools/generate_configs.py'])
      assert.match(nonRunPathReason(file) ?? '', /writes run configs/, file);
    for (const file of ['config.py', 'configs/create.py', 'train_config.py', 'create_model.py'])
      assert.doesNotMatch(nonRunPathReason(file) ?? '', /writes run configs/, file);
  });

  it('a launcher held in a variable with a default, quoted at the command head after environment assignments', async () => {
    const train =
      'import torch\nfrom torch import nn\nmodel = nn.Linear(10, 2)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor step in range(3175):\n    loss = model(torch.randn(4, 10)).sum()\n    loss.backward()\n    opt.step()\n';
    const launch =
      '#!/usr/bin/env bash\nset -euo pipefail\nRESULT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nTORCHRUN_BIN="${TORCHRUN_BIN:-torchrun}"\nNPROC_PER_NODE="${NPROC_PER_NODE:-${GPUS_PER_RUN:-4}}"\nfor seed in 0 1 2; do\n  SEED="$seed" \\\n  LOG_DIR="logs/$seed" \\\n  "$TORCHRUN_BIN" --standalone --nproc_per_node="$NPROC_PER_NODE" \\\n    "$RESULT_DIR/train_simple.py" \\\n    2> >(tee "logs/stderr.txt" >&2) | tee "logs/stdout.txt"\ndone\n';
    const result = await scanFiles({ 'results/run.sh': launch, 'results/train_simple.py': train });
    const spec = result.files.find((f) => f.display === 'results/run.sh')?.analysis.runs[0]?.run.spec;
    assert.equal(spec?.training.steps, 3175);
    // The nested default: NPROC_PER_NODE, else GPUS_PER_RUN, else 4.
    assert.equal(spec?.hardware.count, 4);
  });

  const SPEEDRUN = (embedding: string, linear: string, extra = '') =>
    `import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass CastedLinear(nn.Linear):\n    def forward(self, x):\n        return ${linear}\n\n\nclass GPT(nn.Module):\n    def __init__(self, vocab_size, model_dim):\n        super().__init__()\n        self.embed = ${embedding}\n        self.lm_head = CastedLinear(model_dim, vocab_size)\n\n\n${extra}model = GPT(50304, 768).cuda()\nopt = torch.optim.AdamW(model.parameters())\nfor step in range(1000):\n    loss = model(x).sum()\n    loss.backward()\n    opt.step()\n`;

  it('a bfloat16 token embedding with linears that cast their weights to the input computes in bf16', async () => {
    const precisionOf = async (code: string) =>
      (await specOf({ 'train_gpt.py': code }, 'train_gpt.py'))?.training.precision;
    assert.equal(
      await precisionOf(
        SPEEDRUN('nn.Embedding(vocab_size, model_dim).bfloat16()', 'F.linear(x, self.weight.type_as(x))'),
      ),
      'bf16',
    );
    // Each embedding cast in a loop under a switch the defaults turn on.
    const loop = (on: string) =>
      SPEEDRUN('nn.Embedding(vocab_size, model_dim)', 'F.linear(x, self.weight.to(x.dtype))').replace(
        'opt = torch',
        `bf16_embeds = ${on}\nif bf16_embeds:\n    for m in model.modules():\n        if isinstance(m, nn.Embedding):\n            m.bfloat16()\nopt = torch`,
      );
    assert.equal(await precisionOf(loop('True')), 'bf16');
    assert.notEqual(await precisionOf(loop('False')), 'bf16');
    // Linears that keep their own type: the embedding's type says nothing of the matmuls.
    assert.notEqual(
      await precisionOf(SPEEDRUN('nn.Embedding(vocab_size, model_dim).bfloat16()', 'F.linear(x, self.weight)')),
      'bf16',
    );
  });

  it('a batch size handed to a parameter named for tokens counts tokens a step, not sequences', async () => {
    const program = (param: string) =>
      `import torch\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Stage:\n    batch_size: int\n    seq_len: int\n\n\nSTAGES = [Stage(batch_size=8 * 2048 * 8, seq_len=2048)]\n\n\ndef data_generator(pattern, ${param}, max_seq_len):\n    while True:\n        yield torch.zeros(${param} // max_seq_len, max_seq_len)\n\n\nmodel = torch.nn.Linear(768, 768).cuda()\nopt = torch.optim.AdamW(model.parameters())\nloader = data_generator("data/*.bin", STAGES[0].batch_size, STAGES[0].seq_len)\nfor step in range(1000):\n    x = next(loader)\n    model(x).sum().backward()\n    opt.step()\n`;
    const spec = await specOf({ 'train_gpt.py': program('num_tokens') }, 'train_gpt.py');
    assert.equal(spec?.training.tokens, 1000 * 8 * 2048 * 8);
    assert.equal(spec?.training.batchPerDevice, undefined);
    // A parameter named for sequences: the batch is sequences, as before.
    const sequences = await specOf({ 'train_gpt.py': program('batch_size') }, 'train_gpt.py');
    assert.equal(sequences?.training.tokens, undefined);
    assert.equal(sequences?.training.batchPerDevice, 8 * 2048 * 8);
  });

  it('an output head built from the file’s own Linear subclass has its own weights (vocab × d more)', async () => {
    const program = (head: string) =>
      `import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom dataclasses import dataclass\n\n\nclass CastedLinear(nn.Linear):\n    def forward(self, x):\n        return F.linear(x, self.weight.to(x.dtype))\n\n\n@dataclass\nclass GPTConfig:\n    vocab_size: int = 50304\n    n_layer: int = 12\n    n_head: int = 6\n    n_embd: int = 768\n\n\nclass GPT(nn.Module):\n    def __init__(self, config):\n        super().__init__()\n        self.wte = nn.Embedding(config.vocab_size, config.n_embd)\n        self.lm_head = ${head}(config.n_embd, config.vocab_size)\n\n\nmodel = GPT(GPTConfig()).cuda()\nopt = torch.optim.AdamW(model.parameters())\nfor step in range(100):\n    model(x).sum().backward()\n    opt.step()\n`;
    const tied = await specOf({ 'train_gpt2.py': program('NotALinear') }, 'train_gpt2.py');
    const untied = await specOf({ 'train_gpt2.py': program('CastedLinear') }, 'train_gpt2.py');
    assert.ok(tied?.model.params && untied?.model.params);
    assert.equal(untied.model.params - tied.model.params, 50304 * 768);
  });

  it('latent caches and decontamination tools are data preparation, by name and folder', () => {
    for (const file of [
      'dataset_toolkits/encode_latent.py',
      'dataset_toolkits/encode_ss_latent.py',
      'scripts/cache_latents.sh',
      'compute_vae_latents.py',
    ])
      assert.match(nonRunPathReason(file) ?? '', /latents/, file);
    for (const file of ['decontamination/index.py', 'tools/deduplication/search.py'])
      assert.match(nonRunPathReason(file) ?? '', /decontamination or deduplication/, file);
    // An extractor named with the verb last (a model's hidden states dumped to train a draft model on).
    assert.match(nonRunPathReason('post_training/offline_feature_extract.sh') ?? '', /extracts features/);
    // Training a latent model, or a program named for encoding something else, is not a cache of latents.
    for (const file of ['train_latent.py', 'latent_diffusion_train.py', 'encode_text.py', 'encode.py'])
      assert.equal(nonRunPathReason(file), undefined, file);
  });

  it('a Llama-style checkpoint’s configuration with fewer layers is sized with its gated feed-forward and grouped-query attention, from scratch', async () => {
    const config = JSON.stringify({
      distributed: { tp_size: 1, cp_size: 1, pp_size: 1, dp_size: 1 },
      model: {
        name: 'HuggingFaceTB/SmolLM-360M-Instruct',
        num_hidden_layers: 16,
        num_attention_heads: 16,
        num_key_value_heads: 4,
        dtype: 'bfloat16',
      },
      training: { total_train_steps: 200, seq_length: 1024, micro_batch_size: 32, gradient_accumulation_steps: 1 },
    });
    const program =
      'import json, argparse\nimport torch\nfrom transformers import AutoConfig, AutoModelForCausalLM\n\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--config", type=str, required=True)\n    args = parser.parse_args()\n    cfg = json.load(open(args.config))\n    model_config = AutoConfig.from_pretrained(cfg["model"]["name"])\n    model_config.num_hidden_layers = cfg["model"]["num_hidden_layers"]\n    model = AutoModelForCausalLM.from_config(model_config)\n    opt = torch.optim.AdamW(model.parameters())\n    for step in range(cfg["training"]["total_train_steps"]):\n        model(x).loss.backward()\n        opt.step()\n';
    const spec = await specOf({ 'configs/base_config.json': config, 'train.py': program }, 'configs/base_config.json');
    // 16 layers of d 960: Q and O 2·d², K and V at 4/16 of that, SwiGLU 3·d·2560; a tied 49,152-token embedding.
    const d = 960;
    assert.equal(spec?.model.params, 16 * (2 * d * d + 2 * d * d * (4 / 16) + 3 * d * 2560) + 49_152 * d);
    assert.equal(spec?.training.mode, 'pretrain');
  });
});
