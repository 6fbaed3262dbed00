import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { assembledModelSize } from '../../src/core/resolve/assembledModel';
import { noFact, oneFact, pythonFacts } from './helpers';

/**
 * Round 11 (vision-language launches and programs): each rule on a small case of its own and on the near miss
 * it must leave alone.
 */
describe('Round 11: vision-language runs', () => {
  describe('a model assembled from parts', () => {
    it('sums the parts: a catalog language model and an image encoder sized by its name', () => {
      const size = assembledModelSize('./w/internlm2_5-7b-chat + ./w/InternViT-300M-448px');
      assert.ok(size);
      assert.equal(size.params, 7_737_708_544 + 300e6);
      assert.equal(size.fromCatalog, false);
    });

    it('counts only the image tower of a SigLIP or CLIP encoder', () => {
      assert.equal(
        assembledModelSize('HuggingFaceTB/SmolLM2-135M + google/siglip2-base-patch16-512')?.params,
        134_515_008 + 86e6,
      );
    });

    it('is unknown when a part has no size (never a partial sum)', () => {
      assert.equal(assembledModelSize('HuggingFaceTB/SmolLM2-135M + my-org/custom-encoder'), undefined);
    });

    it('takes a language part that is itself a vision-language checkpoint as the whole model', () => {
      assert.equal(
        assembledModelSize('liuhaotian/llava-v1.5-13b + openai/clip-vit-large-patch14-336')?.params,
        13_351_494_656,
      );
    });
  });

  describe('launch flags', () => {
    it('reads --use_llm_lora N as LoRA, and a rank of 0 as none', () => {
      const on = extractShellFacts(
        'torchrun --nproc_per_node=2 ft.py --model_name_or_path org/m-8B --use_llm_lora 16\n',
      );
      assert.equal(oneFact(on, 'training.adapter').value, 'lora');
      const off = extractShellFacts(
        'torchrun --nproc_per_node=2 ft.py --model_name_or_path org/m-8B --use_llm_lora 0\n',
      );
      noFact(off, 'training.adapter');
    });

    it('names the pair and keeps it pretrained; a lone --model_name_or_path stays the model', () => {
      const pair = extractShellFacts(
        'deepspeed train.py --model_name_or_path lmsys/vicuna-7b-v1.5 --vision_tower openai/clip-vit-large-patch14\n',
      );
      assert.equal(oneFact(pair, 'model.id').value, 'lmsys/vicuna-7b-v1.5 + openai/clip-vit-large-patch14');
      assert.equal(oneFact(pair, 'model.fromScratch').value, false);
      const lone = extractShellFacts('deepspeed train.py --model_name_or_path lmsys/vicuna-7b-v1.5\n');
      assert.equal(oneFact(lone, 'model.id').value, 'lmsys/vicuna-7b-v1.5');
    });

    it('leaves a vision flag set from a variable unread', () => {
      const facts = extractShellFacts(
        'deepspeed train.py --model_name_or_path lmsys/vicuna-7b-v1.5 --vision_tower $VT\n',
      );
      assert.equal(oneFact(facts, 'model.id').value, 'lmsys/vicuna-7b-v1.5');
    });

    it('reads srun --ntasks over --ntasks-per-node as nodes, and a lone --ntasks-per-node as one node', () => {
      const many = extractShellFacts('srun --ntasks=32 --ntasks-per-node=8 python -u train.py --bf16 True\n');
      assert.equal(oneFact(many, 'hardware.devices').value, 8);
      assert.equal(oneFact(many, 'hardware.nodes').value, 4);
      const one = extractShellFacts('srun --ntasks-per-node=8 python -u train.py --bf16 True\n');
      noFact(one, 'hardware.nodes');
    });

    it('keeps a default that only a case arm changes', () => {
      const facts = extractShellFacts(
        'GPUS=${GPUS:-8}\ncase "$1" in\n  --one) GPUS=1 ;;\nesac\ntorchrun --nproc_per_node=${GPUS} ev.py\n',
      );
      assert.equal(oneFact(facts, 'hardware.devices').value, 8);
      const plain = extractShellFacts('GPUS=${GPUS:-8}\nGPUS=1\ntorchrun --nproc_per_node=${GPUS} ev.py\n');
      assert.equal(oneFact(plain, 'hardware.devices').value, 1);
    });
  });

  describe('programs', () => {
    it('reads model.chat(tokenizer, ...) as inference, and a chat call without a tokenizer as nothing', async () => {
      const chat = await pythonFacts(
        'import torch\nmodel, tokenizer = load()\nx = pixel_values.to(torch.bfloat16)\nprint(model.chat(tokenizer, x, "q"))\n',
      );
      assert.equal(oneFact(chat, 'launch.inference').value, 'model.chat');
      assert.equal(oneFact(chat, 'training.precision').value, 'bf16');
      noFact(await pythonFacts('bot = Bot()\nbot.chat("hello")\n'), 'launch.inference');
    });

    it('reads Thread(target=model.generate) as inference, and another thread target as nothing', async () => {
      const code = 'from threading import Thread\nThread(target=model.generate, kwargs=kw).start()\n';
      assert.equal(oneFact(await pythonFacts(code), 'launch.inference').value, 'Thread');
      noFact(
        await pythonFacts('from threading import Thread\nThread(target=worker.run).start()\n'),
        'launch.inference',
      );
    });

    it('names the pair from the language and vision fields of one settings class', async () => {
      const facts = await pythonFacts(
        "from dataclasses import dataclass\n\n@dataclass\nclass VLMConfig:\n    vit_model_type: str = 'google/siglip2-base-patch16-512'\n    lm_model_type: str = 'HuggingFaceTB/SmolLM2-135M'\n",
      );
      assert.equal(oneFact(facts, 'model.id').value, 'HuggingFaceTB/SmolLM2-135M + google/siglip2-base-patch16-512');
    });

    it('links the settings module a program builds its config from, not a module it only imports', async () => {
      const used = await pythonFacts(
        'import models.config as config\n\nif __name__ == "__main__":\n    cfg = config.TrainConfig()\n',
      );
      assert.equal(oneFact(used, 'link.module').value, 'models/config.py');
      const unused = await pythonFacts('import models.config as config\n\nif __name__ == "__main__":\n    print(1)\n');
      noFact(unused, 'link.module');
    });
  });
});
