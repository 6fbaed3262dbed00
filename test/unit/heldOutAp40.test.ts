import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { analyzeSource, pythonFacts, scanFiles, valuesOf } from './helpers';
import { findModel, findModelOfFolder } from '../../src/core/knowledge';
import { isFourBitCheckpoint } from '../../src/core/knowledge/modelName';

/**
 * Fortieth round: a config path quoted whole around a folder the launch script works out from its own place
 * (`"${ROOT}/configs/base.yml"`), and MaxText's compute dtype (`dtype`, or an fp8 `quantization` scheme).
 */

const MAXTEXT_BASE = [
  'model_name: "default"',
  'load_parameters_path: ""',
  'async_checkpointing: true',
  'base_emb_dim: 1024',
  'per_device_batch_size: 8',
  'steps: 50000',
  'dtype: "bfloat16"',
  'weight_dtype: "float32"',
  'quantization: ""',
  '',
].join('\n');

function factsOf(text: string, path: string, kind: string) {
  return extractConfigFacts(text, 'yaml', path).facts.filter((f) => f.kind === kind);
}

describe('Fortieth round: quoted config paths and MaxText precision', () => {
  it("reads MaxText's compute precision from `dtype`, over it an fp8 `quantization`, never the weights' dtype", () => {
    const base = factsOf(MAXTEXT_BASE, '/w/src/pkg/configs/base.yml', 'training.precision');
    assert.deepEqual(
      base.map((f) => f.value),
      ['bf16'],
    );
    assert.equal(base[0].range.startLine, 6, 'the fact points at the dtype line');
    const fp8 = MAXTEXT_BASE.replace('quantization: ""', 'quantization: "nanoo_fp8"');
    assert.deepEqual(
      factsOf(fp8, '/w/src/pkg/configs/base.yml', 'training.precision').map((f) => f.value),
      ['fp8'],
    );
    // int8 quantises the weights (AQT): the precision stays the dtype.
    const int8 = MAXTEXT_BASE.replace('quantization: ""', 'quantization: "int8"');
    assert.deepEqual(
      factsOf(int8, '/w/src/pkg/configs/base.yml', 'training.precision').map((f) => f.value),
      ['bf16'],
    );
    const f32 = MAXTEXT_BASE.replace('dtype: "bfloat16"', 'dtype: "float32"');
    assert.deepEqual(
      factsOf(f32, '/w/src/pkg/configs/base.yml', 'training.precision').map((f) => f.value),
      ['fp32'],
    );
  });

  it('links a config quoted whole after `python -m pkg.module`, its folder variable filled in', () => {
    const script = [
      '#!/bin/bash',
      'ROOT="$(cd "$(dirname "$0")/../.." && pwd)"',
      'python -m pkg.trainers.train \\',
      '  "${ROOT}/src/pkg/configs/base.yml" \\',
      '  model_name=llama3-8b async_checkpointing=false steps=100',
      '',
    ].join('\n');
    const links = extractShellFacts(script, '/w/scripts/olmo/run.sh').filter((f) => f.kind === 'link.config');
    assert.deepEqual(
      links.map((f) => f.value),
      ['../../src/pkg/configs/base.yml'],
    );
  });

  it('links a config quoted whole after a script, its folder variable filled in', () => {
    const script = [
      '#!/bin/bash',
      'HERE=$(cd "$(dirname "$0")" && pwd)',
      'python train.py "${HERE}/configs/small.yaml" --seed 1',
      '',
    ].join('\n');
    const links = extractShellFacts(script, '/w/scripts/run.sh').filter((f) => f.kind === 'link.config');
    assert.deepEqual(
      links.map((f) => f.value),
      ['./configs/small.yaml'],
    );
  });

  it("gives a launch the precision of the MaxText config it names through the script's folder", async () => {
    const result = await scanFiles({
      'src/pkg/configs/base.yml': MAXTEXT_BASE,
      'src/pkg/trainers/train.py':
        'from pkg.configs import pyconfig\n\nif __name__ == "__main__":\n    import sys\n    pyconfig.initialize(sys.argv)\n',
      'scripts/olmo/run.sh': [
        '#!/bin/bash',
        'ROOT="$(cd "$(dirname "$0")/../.." && pwd)"',
        'python -m pkg.trainers.train \\',
        '  "${ROOT}/src/pkg/configs/base.yml" \\',
        '  model_name=llama3-8b async_checkpointing=false steps=100',
        '',
      ].join('\n'),
    });
    const run = result.files.find((f) => f.display === 'scripts/olmo/run.sh')?.analysis.runs[0]?.run;
    assert.ok(run, 'the launch is a run');
    assert.equal(run.training.precision, 'bf16');
    assert.equal(run.training.steps, 100);
  });

  it('reads a loop that optimises tensors the program creates, over a frozen model, as inference', async () => {
    const inversion = [
      'import torch',
      '',
      'def project(G, target, num_steps=1000):',
      '    G = G.eval().requires_grad_(False)',
      '    w_opt = torch.tensor(G.w_avg, dtype=torch.float32, requires_grad=True)',
      '    optimizer = torch.optim.Adam([w_opt] + list(noise.values()), lr=0.1)',
      '    for step in range(num_steps):',
      '        loss = (G(w_opt) - target).square().sum()',
      '        optimizer.zero_grad()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      'if __name__ == "__main__":',
      '    project(load_generator(), load_target())',
      '',
    ].join('\n');
    const mode = (await pythonFacts(inversion)).filter((f) => f.kind === 'training.mode');
    assert.deepEqual(
      mode.map((f) => [f.value, f.range.startLine]),
      [['inference', 5]],
    );
    const style = inversion
      .replace(
        '    w_opt = torch.tensor(G.w_avg, dtype=torch.float32, requires_grad=True)',
        '    image = target.clone()\n    image.requires_grad_(True)',
      )
      .replace('torch.optim.Adam([w_opt] + list(noise.values()), lr=0.1)', 'optim.LBFGS([image])')
      .replace('G(w_opt)', 'G(image)');
    assert.deepEqual(valuesOf(await pythonFacts(style), 'training.mode'), ['inference']);
    // An optimizer over the model's weights beside the latent trains the model.
    const trains = inversion.replace(
      '    optimizer = torch.optim.Adam([w_opt] + list(noise.values()), lr=0.1)',
      '    optimizer = torch.optim.Adam([w_opt] + list(noise.values()), lr=0.1)\n    g_opt = torch.optim.Adam(G.parameters(), lr=0.002)',
    );
    assert.deepEqual(
      (await pythonFacts(trains)).filter((f) => f.kind === 'training.mode' && f.value === 'inference'),
      [],
    );
    // A latent that asks for no gradients is no input optimisation (the names are someone else's weights).
    const plain = inversion.replace(', requires_grad=True)', ')');
    assert.deepEqual(
      (await pythonFacts(plain)).filter((f) => f.kind === 'training.mode' && f.value === 'inference'),
      [],
    );
  });

  it("leaves out a LoRA settings file a README's command hands the program with `--lora_config`", async () => {
    const program = [
      'import argparse, json',
      'from transformers import AutoModelForCausalLM, Trainer',
      'p = argparse.ArgumentParser()',
      'p.add_argument("--model_name_or_path")',
      'p.add_argument("--lora_config")',
      'p.add_argument("--num_train_epochs", type=int, default=3)',
      'args = p.parse_args()',
      'model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)',
      'lora = json.load(open(args.lora_config))',
      'Trainer(model=model).train()',
      '',
    ].join('\n');
    const readme = [
      '# Fine-tuning',
      '',
      '```bash',
      'torchrun --nproc_per_node 8 src/sft.py \\',
      '    --model_name_or_path ${MODEL} \\',
      '    --lora_config configs/lora_llama.json \\',
      '    --num_train_epochs 2',
      '```',
      '',
    ].join('\n');
    const lora = '{\n  "lora_r": 16,\n  "lora_alpha": 32,\n  "lora_target_modules": ["q_proj", "v_proj"]\n}\n';
    const result = await scanFiles({ 'src/sft.py': program, 'README.md': readme, 'configs/lora_llama.json': lora });
    const listed = result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.ok(listed.includes('src/sft.py'), `the program is a run (listed: ${listed.join(', ')})`);
    assert.ok(!listed.includes('configs/lora_llama.json'), 'the LoRA settings are a piece of the run, not a run');
  });

  it('reads a Hub id given as `--ckpt_path org/name` when its name states a size', () => {
    const facts = extractShellFacts(
      '#!/bin/bash\nckpt_path=OurOrg/Our-Llama2-13B-chat\npython src/infer.py --ckpt_path $ckpt_path --infer_file x.jsonl\n',
      '/w/scripts/infer.sh',
    );
    assert.deepEqual(valuesOf(facts, 'model.id'), ['OurOrg/Our-Llama2-13B-chat']);
    // A weights file or a local folder is not read as a Hub id here.
    const local = extractShellFacts(
      '#!/bin/bash\npython src/infer.py --ckpt_path ./out/checkpoint-500 --infer_file x.jsonl\n',
      '/w/scripts/infer.sh',
    );
    assert.deepEqual(
      local.filter((f) => f.kind === 'model.id' && f.value !== null).map((f) => f.value),
      [],
    );
  });

  it("reads a Composer example's config: the model its name gives, its length in Composer's units, its start", async () => {
    const resnet = [
      'run_name: r50_baseline',
      'max_duration: 90ep',
      'model:',
      '  name: resnet50',
      '  num_classes: 1000',
      'train_dataset:',
      '  batch_size: 256',
      '',
    ].join('\n');
    const r = (await analyzeSource('/w/yamls/resnet50.yaml', resnet)).runs[0]?.run;
    assert.ok(r, 'the config is a run');
    assert.equal(r.model.name, 'resnet50');
    assert.equal(r.training.epochs, 90);
    assert.equal(r.mode, 'pretrain', 'an architecture name builds random weights');
    const sd = resnet.replace('name: resnet50', 'name: CompVis/stable-diffusion-v1-4').replace('90ep', '2000ba');
    const s2 = (await analyzeSource('/w/yamls/finetune.yaml', sd)).runs[0]?.run;
    assert.equal(s2?.model.name, 'CompVis/stable-diffusion-v1-4');
    assert.equal(s2?.training.steps, 2000);
    assert.equal(s2?.mode, 'finetune', 'a Hub id is loaded with its weights');
    const bert = [
      'tokenizer_name: bert-base-uncased',
      'max_duration: 10ep',
      'model:',
      '  name: hf_bert',
      '  use_pretrained: true',
      '  pretrained_model_name: ${tokenizer_name}',
      '',
    ].join('\n');
    const b = (await analyzeSource('/w/yamls/finetuning/bert.yaml', bert)).runs[0]?.run;
    assert.equal(b?.model.name, 'bert-base-uncased');
    assert.equal(b?.mode, 'finetune');
    const scratch = (
      await analyzeSource('/w/yamls/main/bert.yaml', bert.replace('use_pretrained: true', 'use_pretrained: false'))
    ).runs[0]?.run;
    assert.equal(scratch?.mode, 'pretrain');
    // A model given by its sizes, not a name (OLMo's configs, timed in the same units), is not read as one.
    const sized = extractConfigFacts(
      'max_duration: 2ep\nmodel:\n  d_model: 4096\n  n_layers: 32\n',
      'yaml',
      '/w/c.yaml',
    ).facts;
    assert.ok(!sized.some((f) => f.kind === 'run.framework' && f.value === 'composer'));
  });

  it('leaves out a program that loads the YAML given as its first argument through a file handle', async () => {
    const program = [
      'import sys',
      'from omegaconf import OmegaConf',
      'from composer import Trainer',
      '',
      'def main(config):',
      '    Trainer(model=build(config.model), max_duration=config.max_duration).fit()',
      '',
      "if __name__ == '__main__':",
      '    yaml_path, args_list = sys.argv[1], sys.argv[2:]',
      '    with open(yaml_path) as f:',
      '        yaml_config = OmegaConf.load(f)',
      '    main(OmegaConf.merge(yaml_config, OmegaConf.from_cli(args_list)))',
      '',
    ].join('\n');
    const result = await scanFiles({
      'main.py': program,
      'yamls/resnet50.yaml': 'max_duration: 90ep\nmodel:\n  name: resnet50\n',
    });
    const listed = result.files.filter((f) => f.analysis.runs.length > 0).map((f) => f.display);
    assert.deepEqual(listed, ['yamls/resnet50.yaml']);
  });

  it('reads a MosaicML inference deployment: the model served and the GPUs of a replica', async () => {
    const platform =
      'name: mpt-7b\ncompute:\n  gpus: 2\n  instance: oci.vm.gpu.a10.2\nimage: mosaicml/inference:0.1.40\nreplicas: 1\ndefault_model:\n  model_type: mpt-7b\n';
    const r = (await analyzeSource('/w/deploy/mpt_7b.yaml', platform)).runs[0]?.run;
    assert.equal(r?.model.name, 'mpt-7b');
    assert.equal(r?.mode, 'inference');
    assert.equal(r?.hardware.count, 2);
    const handler = [
      'name: ours',
      'compute:',
      '  gpus: 1',
      'replicas: 1',
      'model:',
      '  model_handler: pkg.handlers.Handler',
      '  model_parameters:',
      '    model_name_or_path: hkunlp/instructor-large',
      '',
    ].join('\n');
    const h = (await analyzeSource('/w/deploy/instructor.yaml', handler)).runs[0]?.run;
    assert.equal(h?.model.name, 'hkunlp/instructor-large');
    assert.equal(h?.mode, 'inference');
    // A run config (`parameters:`, a command) is a training run's, not a deployment's.
    const run = extractConfigFacts(
      'compute:\n  gpus: 8\ncommand: python train.py\nparameters:\n  x: 1\n',
      'yaml',
    ).facts;
    assert.ok(!run.some((f) => f.kind === 'launch.inference'));
  });

  it("reads Megatron-LM's `--fp8-format` as fp8 training", () => {
    for (const flag of ['--fp8-format hybrid', '--fp8_format e4m3']) {
      const facts = extractShellFacts(
        `#!/bin/bash\ntorchrun --nproc_per_node 8 pretrain_gpt.py --bf16 ${flag} --num-layers 2\n`,
        '/w/run.sh',
      );
      assert.ok(
        facts.some((f) => f.kind === 'training.precision' && f.value === 'fp8'),
        flag,
      );
    }
  });

  it('takes LoRA on a checkpoint stored in 4 bits for QLoRA, and sizes quantised uploads as their model', async () => {
    assert.ok(isFourBitCheckpoint('Qwen/Qwen2.5-7B-Instruct-AWQ'));
    assert.ok(isFourBitCheckpoint('Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4'));
    assert.ok(!isFourBitCheckpoint('Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8'));
    assert.ok(!isFourBitCheckpoint('Qwen/Qwen2.5-7B-Instruct'));
    const script =
      '#!/bin/bash\nswift sft --model Qwen/Qwen2.5-7B-Instruct-AWQ --tuner_type lora --num_train_epochs 1\n';
    const run = (await analyzeSource('/w/train.sh', script)).runs[0]?.run;
    assert.equal(run?.mode, 'qlora');
    assert.equal(findModel('Qwen/Qwen2.5-7B-Instruct-AWQ')?.id, findModel('Qwen/Qwen2.5-7B-Instruct')?.id);
    assert.equal(findModel('Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8')?.id, findModel('Qwen/Qwen2.5-7B-Instruct')?.id);
  });

  it('sizes a model kept in a local folder named after it, a conversion mark dropped', () => {
    assert.equal(findModelOfFolder('/workspace/models/hf_llama_7b/')?.id, findModel('huggyllama/llama-7b')?.id);
    assert.equal(findModelOfFolder('./checkpoints/Qwen2.5-7B-Instruct')?.id, 'Qwen/Qwen2.5-7B-Instruct');
    // A Hub id (one slash, no leading dot or slash) is findModel's; a folder of another name names nothing.
    assert.equal(findModelOfFolder('org/llama-7b-hf'), undefined);
    assert.equal(findModelOfFolder('/workspace/models/my_model'), undefined);
  });

  it("reads the checkpoint an encoder config names as `pretrained_model_cfg` (DPR's Hydra groups)", () => {
    const facts = extractConfigFacts(
      '# @package _group_\nencoder_model_type: hf_bert\npretrained_model_cfg: bert-base-uncased\n',
      'yaml',
      '/w/conf/encoder/hf_bert.yaml',
    ).facts;
    assert.deepEqual(valuesOf(facts, 'model.id'), ['bert-base-uncased']);
  });

  it('reads a program whose entry encodes a dataset batch by batch under no_grad, in a function it calls, as inference', async () => {
    const program = [
      'import torch',
      '',
      'def encode_all(rows, model, bsz):',
      '    results = []',
      '    for start in range(0, len(rows), bsz):',
      '        batch = rows[start : start + bsz]',
      '        with torch.no_grad():',
      '            _, out, _ = model(batch)',
      '        results.extend(out)',
      '    return results',
      '',
      'def main():',
      '    model = build_encoder()',
      '    model.eval()',
      '    model.load_state_dict(torch.load("encoder.pt"))',
      '    encode_all(load_rows(), model, 64)',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');
    const facts = await pythonFacts(program);
    assert.ok(
      facts.some((f) => f.kind === 'launch.inference'),
      'the encoding pass is an inference run',
    );
    // A loop that also takes a training step is not read so.
    const trains = program.replace(
      '        results.extend(out)',
      '        results.extend(out)\n        loss.backward()',
    );
    assert.ok(!(await pythonFacts(trains)).some((f) => f.kind === 'launch.inference'));
  });

  it('links a script named by its absolute path in the checkout on the machine it ran on, and `/bin/bash` runs it', () => {
    const launch = extractShellFacts(
      '#!/bin/bash\n#SBATCH --nodes=3\nsrun --ntasks=3 --export=ALL,A=$A /bin/bash /lustre/me/runs/Trainer/single_node.sh\n',
      '/w/train/Trainer/launch_3_nodes.sh',
    );
    assert.deepEqual(valuesOf(launch, 'link.script'), ['./single_node.sh']);
    const node = extractShellFacts(
      '#!/bin/bash\ntorchrun --nnodes $NNODES --nproc_per_node 8 /lustre/me/runs/Trainer/src/train.py --stage sft\n',
      '/w/train/Trainer/single_node.sh',
    );
    assert.deepEqual(valuesOf(node, 'link.script'), ['./src/train.py']);
    // A folder of another name is not this checkout: the path stays as written.
    const other = extractShellFacts('#!/bin/bash\npython /opt/elsewhere/train.py\n', '/w/train/Trainer/run.sh');
    assert.deepEqual(valuesOf(other, 'link.script'), ['/opt/elsewhere/train.py']);
  });

  it("reads a serving engine's container image as its server, started with the words after the image", () => {
    const tgi = extractShellFacts(
      '#!/bin/bash\ndocker run --name tgi --rm -ti --gpus all --network host -v /w/weights:/weights ghcr.io/huggingface/text-generation-inference:1.1.0 --model-id OurOrg/Our-Llama-7B --num-shard 2 --port 24000\n',
      '/w/serve.sh',
    );
    assert.ok(tgi.some((f) => f.kind === 'launch.inference' && f.value === 'tgi'));
    assert.deepEqual(valuesOf(tgi, 'model.id'), ['OurOrg/Our-Llama-7B']);
    assert.ok(tgi.some((f) => f.kind === 'inference.tensorParallel' && f.value === 2));
    const vllm = extractShellFacts(
      '#!/bin/bash\ndocker run --runtime nvidia --gpus all -p 8000:8000 vllm/vllm-openai:latest --model OurOrg/Our-Mistral-7B\n',
      '/w/serve.sh',
    );
    assert.ok(vllm.some((f) => f.kind === 'launch.inference' && f.value === 'vllm'));
    // Another image's arguments are that image's: nothing is read as a server.
    const other = extractShellFacts('#!/bin/bash\ndocker run --gpus all ourorg/tools:1 --model-id x/y\n', '/w/run.sh');
    assert.ok(!other.some((f) => f.kind === 'launch.inference'));
  });

  it("reads SGLang's in-process runtime as a served model", async () => {
    const facts = await pythonFacts(
      'import sglang as sgl\n\nif __name__ == "__main__":\n    runtime = sgl.Runtime(model_path="OurOrg/Our-Llama-7B", tp_size=2)\n    sgl.set_default_backend(runtime)\n',
    );
    assert.ok(facts.some((f) => f.kind === 'launch.inference' && f.value === 'sgl.Runtime'));
    assert.deepEqual(valuesOf(facts, 'model.id'), ['OurOrg/Our-Llama-7B']);
    assert.ok(facts.some((f) => f.kind === 'inference.engine' && f.value === 'sglang'));
  });

  it("reads an srun step's job shape: nodes, and GPUs a task times tasks a node", () => {
    const facts = extractShellFacts(
      '#!/bin/bash\nsrun --job-name=x --nodes=2 --ntasks-per-node=1 --gpus-per-task=8 --mem=256G ./train/job.sh --uid 1\n',
      '/w/train/launch.sh',
    );
    assert.deepEqual(
      facts.filter((f) => f.kind === 'hardware.nodes' || f.kind === 'hardware.devices').map((f) => [f.kind, f.value]),
      [
        ['hardware.nodes', 2],
        ['hardware.devices', 8],
      ],
    );
    // A per-node count written beside it is the node's GPUs; the per-task one adds nothing.
    const both = extractShellFacts(
      '#!/bin/bash\nsrun --nodes=1 --gpus-per-node=4 --gpus-per-task=1 ./job.sh\n',
      '/w/launch.sh',
    );
    assert.deepEqual(valuesOf(both, 'hardware.devices'), [4]);
  });
});
