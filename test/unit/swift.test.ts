import * as assert from 'node:assert/strict';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { SWIFT_DEFAULT_TUNER } from '../../src/core/extract/shell/swift';
import { analyzeSource, noFact, oneFact } from './helpers';

/** ms-swift as one dialect (shell/swift.ts, config/swift.ts, python/readers/swift.ts), and the launch flags it brought in generally. */

const shell = (text: string) => extractShellFacts(text);
const yaml = (text: string) => extractConfigFacts(text, 'yaml').facts;

describe('ms-swift: the CLI', () => {
  it('reads the tuner type under both names, with the documented default of each CLI', () => {
    assert.deepEqual(SWIFT_DEFAULT_TUNER, { swift: 'lora', megatron: 'full' });
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B\n'), 'training.mode', 'lora');
    oneFact(shell('megatron sft --model Qwen/Qwen2.5-7B\n'), 'training.mode', 'finetune');
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B --tuner_type full\n'), 'training.mode', 'finetune');
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B --train_type full\n'), 'training.mode', 'finetune');
    oneFact(shell('megatron sft --model Qwen/Qwen2.5-7B --tuner_type lora_llm\n'), 'training.mode', 'lora');
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B --quant_bits 4\n'), 'training.mode', 'qlora');
    // A 4-bit base under a full fine-tune is still a full fine-tune; 8 bits under LoRA is LoRA.
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B --tuner_type full --quant_bits 4\n'), 'training.mode', 'finetune');
    oneFact(shell('swift sft --model Qwen/Qwen2.5-7B --quant_bits 8\n'), 'training.mode', 'lora');
    const dpo = shell('swift rlhf --rlhf_type dpo --model Qwen/Qwen2.5-7B --tuner_type full\n');
    oneFact(dpo, 'model.fromScratch', false);
    assert.match(oneFact(dpo, 'training.mode', 'finetune').detail, /--rlhf_type dpo/);
  });

  it('reads the flags of ms-swift 2.x and the mcore checkpoint of Megatron-SWIFT', () => {
    const old = shell('swift sft --model_type qwen2-7b-instruct --sft_type lora --quantization_bit 4 --dtype bf16\n');
    oneFact(old, 'model.id', 'qwen2-7b-instruct');
    oneFact(old, 'training.mode', 'qlora');
    oneFact(old, 'training.precision', 'bf16');
    oneFact(shell('swift sft --model_id_or_path Qwen/Qwen2-7B --sft_type full\n'), 'model.id', 'Qwen/Qwen2-7B');
    const mcore = shell('megatron sft --load Qwen2.5-7B-Instruct-mcore --train_iters 100\n');
    oneFact(mcore, 'model.id', 'Qwen2.5-7B-Instruct-mcore');
    oneFact(mcore, 'model.fromScratch', false);
    // `--load` means a checkpoint of this tool only: other launchers leave it alone.
    noFact(shell('torchrun pretrain_gpt.py --load ckpt/gpt --num-layers 12\n'), 'model.id', 'ckpt/gpt');
  });

  it('reads megatron sft flags: steps, batches, precision, devices per node × nodes', () => {
    const f = shell(
      [
        'ASCEND_RT_VISIBLE_DEVICES=0,1,2,3,4,5,6,7 \\',
        'NNODES=2 \\',
        'NODE_RANK=1 \\',
        'NPROC_PER_NODE=8 \\',
        'megatron sft \\',
        '    --model Qwen/Qwen3-8B \\',
        '    --micro_batch_size 2 \\',
        '    --global_batch_size 64 \\',
        '    --train_iters 300 \\',
        '    --bf16 true',
        '',
      ].join('\n'),
    );
    oneFact(f, 'launch.trainer', 'megatron');
    oneFact(f, 'hardware.devices', 8);
    oneFact(f, 'hardware.nodes', 2);
    oneFact(f, 'training.steps', 300);
    oneFact(f, 'training.batchPerDevice', 2);
    oneFact(f, 'training.globalBatch', 64);
    oneFact(f, 'training.precision', 'bf16');
    noFact(shell('megatron export --mcore_model out/last --to_hf true\n'), 'launch.trainer');
  });

  it('takes the process layout from exports earlier in the script, and visible devices of every vendor', () => {
    const f = shell('export NPROC_PER_NODE=4\nexport NNODES=3\nswift sft --model Qwen/Qwen2.5-7B\n');
    oneFact(f, 'hardware.devices', 4);
    oneFact(f, 'hardware.nodes', 3);
    // An export after the launch does not apply to it.
    noFact(shell('swift sft --model Qwen/Qwen2.5-7B\nexport NPROC_PER_NODE=4\n'), 'hardware.devices');
    oneFact(shell('HIP_VISIBLE_DEVICES=0,1 swift sft --model Qwen/Qwen2.5-7B\n'), 'hardware.devices', 2);
    oneFact(
      shell('export CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-0,1,2}\nmegatron rlhf --config x.yaml\n'),
      'hardware.devices',
      3,
    );
  });

  it('inference subcommands run a model unless they are clients of one served elsewhere', () => {
    const evaluation = shell('CUDA_VISIBLE_DEVICES=0 swift eval --model Qwen/Qwen2.5-1.5B --infer_backend vllm\n');
    oneFact(evaluation, 'launch.inference', 'swift');
    oneFact(evaluation, 'inference.engine', 'vllm');
    oneFact(evaluation, 'model.id', 'Qwen/Qwen2.5-1.5B');
    noFact(evaluation, 'launch.trainer');
    for (const client of [
      'swift eval --model m --eval_url http://127.0.0.1:8000/v1\n',
      'swift app --model m --base_url http://127.0.0.1:8000/v1\n',
      'swift sample --model m --sampler_engine client\n',
      'swift web-ui\n',
      'swift export --model m --quant_bits 4 --quant_method gptq\n',
    ]) {
      noFact(shell(client), 'launch.inference');
      noFact(shell(client), 'launch.trainer');
    }
    const sample = shell('swift sample sampling.yaml\n');
    oneFact(sample, 'launch.inference', 'swift');
    oneFact(sample, 'link.config', 'sampling.yaml');
  });

  it("reads ms-swift's own programs run by a launcher as the subcommand they are", () => {
    const f = shell(
      'torchrun --nproc_per_node 4 --nnodes 2 swift/cli/rlhf.py --rlhf_type grpo --model Qwen/Qwen2.5-7B --tuner_type full --torch_dtype bfloat16\n',
    );
    oneFact(f, 'training.mode', 'finetune');
    oneFact(f, 'training.precision', 'bf16');
    oneFact(f, 'hardware.nodes', 2);
    noFact(f, 'link.script');
    oneFact(shell('python -m swift.cli.infer --model Qwen/Qwen2.5-7B\n'), 'launch.inference', 'swift');
    oneFact(shell('deepspeed swift/cli/_megatron/sft.py --model Qwen/Qwen2.5-7B\n'), 'training.mode', 'finetune');
  });

  it("a silent dtype is the checkpoint's own (half precision on a GPU), not the Trainer's float32", async () => {
    const a = await analyzeSource('run.sh', 'CUDA_VISIBLE_DEVICES=0 swift sft --model Qwen/Qwen2.5-7B-Instruct\n');
    assert.equal(a.runs[0].run.training.precision, 'bf16');
    assert.ok(
      a.runs[0].run.assumptions.some((x) => x.field === 'training.precision' && /config\.json/.test(x.detail)),
      'the default says where it comes from',
    );
    const stated = await analyzeSource('run.sh', 'swift sft --model Qwen/Qwen2.5-7B-Instruct --torch_dtype float32\n');
    assert.equal(stated.runs[0].run.training.precision, 'fp32');
  });

  it('serving what an export of the same script wrote checks the export: no run of its own', () => {
    const checked = shell(
      'swift export --adapters out/ckpt-100 --merge_lora true --output_dir out/merged/\nswift infer --model out/merged --max_new_tokens 64\n',
    );
    noFact(checked, 'launch.inference');
    // Another model served after an export is a run.
    oneFact(
      shell('swift export --adapters out/ckpt-100 --output_dir out/merged\nswift infer --model Qwen/Qwen2.5-7B\n'),
      'launch.inference',
      'swift',
    );
  });

  it('links the argument file given first or with --config', () => {
    oneFact(shell('NPROC_PER_NODE=2 swift sft examples/sft.yaml\n'), 'link.config', 'examples/sft.yaml');
    oneFact(shell('megatron rlhf --use_ray true --config grpo.yaml\n'), 'link.config', 'grpo.yaml');
  });
});

describe('ms-swift: argument files', () => {
  it('reads the model, not the self-cognition name, and the method', () => {
    const f = yaml(
      'model: Qwen/Qwen2.5-7B-Instruct\ntuner_type: lora\nquant_bits: 4\nmodel_name: my-bot\nmodel_author: me\nnum_train_epochs: 2\n',
    );
    oneFact(f, 'model.id', 'Qwen/Qwen2.5-7B-Instruct');
    noFact(f, 'model.id', 'my-bot');
    oneFact(f, 'training.mode', 'qlora');
    oneFact(f, 'launch.trainer', 'config:swift');
    oneFact(yaml('ENV:\n  NPROC_PER_NODE: 4\nmodel: Qwen/Qwen2.5-7B\ntrain_type: full\n'), 'hardware.devices', 4);
  });

  it("reads a Ray config's trainer section, and Megatron keys mean Megatron-SWIFT's default", () => {
    const ray = yaml(
      'rlhf_type: grpo\nmodel: Qwen/Qwen2.5-VL-3B-Instruct\nmicro_batch_size: 2\nglobal_batch_size: 16\ntrain:\n  gpus: 4\n  tuner_type: lora\nrollout:\n  gpus: 4\n',
    );
    oneFact(ray, 'training.mode', 'lora');
    oneFact(ray, 'hardware.devices', 4);
    oneFact(yaml('model: Qwen/Qwen2.5-7B\nrlhf_type: dpo\nmicro_batch_size: 1\n'), 'training.mode', 'finetune');
  });

  it('a sampling config runs the model; one sampling through a remote API runs none', () => {
    oneFact(yaml('model: Qwen/Qwen2.5-7B\nsampler_engine: vllm\nnum_return_sequences: 4\n'), 'launch.inference');
    const remote = yaml('model: qwen-max\nsampler_engine: client\n');
    noFact(remote, 'launch.inference');
    noFact(remote, 'launch.trainer');
  });
});

describe('ms-swift: the Python API', () => {
  it('reads the pipelines with their argument classes, and leaves a CLI program to its launch', async () => {
    const train = await analyzeSource(
      'train.py',
      "from swift.llm import TrainArguments, rlhf_main\nif __name__ == '__main__':\n    rlhf_main(TrainArguments(model='Qwen/Qwen2.5-7B-Instruct', rlhf_type='dpo', quant_bits=4, num_train_epochs=1))\n",
    );
    assert.equal(train.runs.length, 1);
    assert.equal(train.runs[0].run.mode, 'qlora');
    assert.equal(train.runs[0].run.training.epochs, 1);
    const cli = await analyzeSource(
      'cli.py',
      "if __name__ == '__main__':\n    from swift.llm import sft_main\n    sft_main()\n",
    );
    assert.equal(cli.runs.length, 0);
    oneFact(cli.facts, 'run.framework', 'swift');
  });

  it('an evaluation or app against a URL is a client; an engine runs the model', async () => {
    const client = await analyzeSource(
      'c.py',
      "from swift.llm import EvalArguments, eval_main\nif __name__ == '__main__':\n    eval_main(EvalArguments(model='Qwen2.5-7B', eval_url='http://x/v1', eval_dataset=['arc']))\n",
    );
    assert.equal(client.runs.length, 0);
    const engine = await analyzeSource(
      'e.py',
      "from swift.llm import VllmEngine\nif __name__ == '__main__':\n    engine = VllmEngine('Qwen/Qwen2.5-7B-Instruct', max_batch_size=16)\n    engine.infer([])\n",
    );
    assert.equal(engine.runs.length, 1);
    assert.equal(engine.runs[0].run.mode, 'inference');
    oneFact(engine.facts, 'inference.engine', 'vllm');
    oneFact(engine.facts, 'inference.concurrency', 16);
  });

  it('get_model_processor loads the checkpoint it names', async () => {
    const a = await analyzeSource(
      'n.py',
      "from swift.llm import get_model_processor\nmodel_id = 'Qwen/Qwen2.5-3B-Instruct'\nmodel, tok = get_model_processor(model_id)\n",
    );
    oneFact(a.facts, 'model.id', 'Qwen/Qwen2.5-3B-Instruct');
    oneFact(a.facts, 'model.fromScratch', false);
    noFact(
      (
        await analyzeSource(
          't.py',
          "from swift.llm import get_model_processor\n_, tok = get_model_processor('Qwen/Qwen2.5-3B', load_model=False)\n",
        )
      ).facts,
      'model.id',
    );
  });
});

describe('Quantised LoRA and precision in launch flags, beyond ms-swift', () => {
  it('a 4-bit base from any of its usual flags or keys is QLoRA', () => {
    oneFact(
      shell('accelerate launch finetune.py --model_name_or_path m/x --use_lora --use_qlora\n'),
      'training.adapter',
      'qlora',
    );
    noFact(
      shell('accelerate launch finetune.py --model_name_or_path m/x --use_qlora false\n'),
      'training.adapter',
      'qlora',
    );
    oneFact(shell('python train.py --model_name_or_path m/x --quantization_bit 4\n'), 'training.adapter', 'qlora');
    noFact(shell('python train.py --model_name_or_path m/x --quantization_bit 8\n'), 'training.adapter', 'qlora');
    const config = yaml('model_name_or_path: m/x\nuse_lora: true\nuse_qlora: true\nnum_train_epochs: 1\n');
    oneFact(config, 'training.adapter', 'lora');
    oneFact(config, 'training.adapter', 'qlora');
    noFact(yaml('model_name_or_path: m/x\nuse_qlora: false\nnum_train_epochs: 1\n'), 'training.adapter');
  });

  it("a 4-bit base's compute dtype is the run's precision, as a flag or a key", () => {
    oneFact(
      shell('python sft.py --model_name_or_path m/x --load_in_4bit True --bnb_4bit_compute_dtype bfloat16\n'),
      'training.precision',
      'bf16',
    );
    oneFact(
      yaml(
        'model_name_or_path: m/x\nquantization:\n  load_in_4bit: true\n  bnb_4bit_compute_dtype: float16\nnum_train_epochs: 1\n',
      ),
      'training.precision',
      'fp16',
    );
  });

  it('reads --torch_dtype as the precision, and lowercase environment assignments before a command', () => {
    oneFact(shell('python sft.py --model_name_or_path m/x --torch_dtype bfloat16\n'), 'training.precision', 'bf16');
    noFact(shell('python sft.py --model_name_or_path m/x --torch_dtype auto\n'), 'training.precision');
    oneFact(shell('max_len=1024 image_area=518400 swift sft --model m/x\n'), 'launch.trainer', 'swift');
  });

  it("a branch on a command-line option left None by default is the launch's to take; a stated default still decides", async () => {
    const script = (option: string) =>
      [
        'import argparse',
        'import torch',
        'from transformers import AutoConfig, AutoModelForCausalLM',
        '',
        'def main(args):',
        '    if args.model_name_or_path:',
        '        model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype=torch.bfloat16)',
        '    else:',
        "        model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained('gpt2'))",
        '    model.train()',
        '',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        `    parser.add_argument('--model_name_or_path', ${option})`,
        '    main(parser.parse_args())',
        '',
      ].join('\n');
    const given = await analyzeSource('ft.py', script('default=None'));
    oneFact(given.facts, 'training.precision', 'bf16');
    oneFact(given.facts, 'model.fromScratch', false);
    oneFact(given.facts, 'model.fromScratch', true);
    // An empty string is a stated default: the else branch is the run.
    const empty = await analyzeSource('ft.py', script("default=''"));
    noFact(empty.facts, 'training.precision', 'bf16');
  });

  it("the OpenAI client's client.models.list() is no torchvision model", async () => {
    const a = await analyzeSource(
      'q.py',
      "from openai import OpenAI\nclient = OpenAI(base_url='http://127.0.0.1:8000/v1')\nmodel = client.models.list().data[0].id\n",
    );
    noFact(a.facts, 'model.id', 'list');
  });
});
