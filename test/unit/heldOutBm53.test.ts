import * as assert from 'node:assert/strict';
import { pythonFacts, scanFiles, valuesOf } from './helpers';

/** Fifty-third round, second half: rules from what sets BM and BN read wrong. */

describe('Fifty-third round: rules from sets BM and BN', () => {
  it("reads a program that hands its flags to its package's inference function (`from pkg import model_init, mm_infer`)", async () => {
    const scan = await scanFiles({
      'vlm/__init__.py': [
        'from .model import load_pretrained_model',
        'def model_init(model_path=None):',
        '    return load_pretrained_model(model_path)',
        'def mm_infer(video, instruct, model, tokenizer):',
        '    with torch.inference_mode():',
        '        return model.generate(inputs, max_new_tokens=512)',
        '',
      ].join('\n'),
      'vlm/eval/__init__.py': '',
      'vlm/eval/inference_video_qa.py': [
        'import argparse',
        'from vlm import model_init, mm_infer',
        'def run_inference(args):',
        '    model, processor, tokenizer = model_init(args.model_path)',
        '    for video, question in data:',
        '        output = mm_infer(video, question, model=model, tokenizer=tokenizer)',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        "    parser.add_argument('--model-path', required=True)",
        '    run_inference(parser.parse_args())',
        '',
      ].join('\n'),
      'scripts/eval_qa.sh':
        'CUDA_VISIBLE_DEVICES=0 python vlm/eval/inference_video_qa.py --model-path DAMO-NLP-SG/VideoLLaMA2.1-7B-16F\n',
    });
    const run = scan.files.find((f) => f.display === 'scripts/eval_qa.sh')?.analysis.runs[0]?.run;
    assert.equal(run?.mode, 'inference');
    const program = scan.files.find((f) => f.display === 'vlm/eval/inference_video_qa.py');
    assert.ok(program?.analysis.linkedFiles.some((p) => p.endsWith('vlm/__init__.py')));
  });

  it("follows a project's trainer object driven inside a flat script's top-level loop (SPADE's train.py)", async () => {
    const scan = await scanFiles({
      'trainers/__init__.py': '',
      'trainers/gan_trainer.py': [
        'import torch',
        'class GanTrainer():',
        '    def __init__(self, opt):',
        '        self.model = build(opt)',
        '    def run_generator_one_step(self, data):',
        '        self.optimizer_G.zero_grad()',
        '        g_loss = self.model(data, mode="generator")',
        '        g_loss.backward()',
        '        self.optimizer_G.step()',
        '',
      ].join('\n'),
      'train.py': [
        'from options.train_options import TrainOptions',
        'from trainers.gan_trainer import GanTrainer',
        'opt = TrainOptions().parse()',
        'trainer = GanTrainer(opt)',
        'for epoch in counter.training_epochs():',
        '    for i, data_i in enumerate(dataloader):',
        '        trainer.run_generator_one_step(data_i)',
        '',
      ].join('\n'),
    });
    const file = scan.files.find((f) => f.display === 'train.py');
    assert.equal(file?.analysis.runs.length, 1);
    assert.notEqual(file?.analysis.runs[0]?.run.mode, 'inference');
    // A method called inside a function of the script is not the script's run.
    const inside = await scanFiles({
      'trainers/gan_trainer.py': 'class GanTrainer():\n    def step(self):\n        loss.backward()\n',
      'tool.py': [
        'from trainers.gan_trainer import GanTrainer',
        'trainer = GanTrainer(opt)',
        'def later():',
        '    trainer.step()',
        '',
      ].join('\n'),
    });
    assert.equal(inside.files.find((f) => f.display === 'tool.py')?.analysis.runs.length ?? 0, 0);
  });

  it("reads `--model_type`'s default as the model only when a catalog row is named exactly (MiDaS's run.py)", async () => {
    const program = (def: string, extra = '') =>
      [
        'import argparse, torch',
        'from midas.model_loader import load_model',
        "if __name__ == '__main__':",
        '    parser = argparse.ArgumentParser()',
        `    parser.add_argument('-t', '--model_type', default='${def}')`,
        extra,
        '    args = parser.parse_args()',
        '    model = load_model(device, args.model_weights, args.model_type)',
        '    with torch.no_grad():',
        '        prediction = model.forward(sample)',
        '',
      ].join('\n');
    const midas = await pythonFacts(program('dpt_beit_large_512'));
    assert.deepEqual(valuesOf(midas, 'model.id'), ['dpt_beit_large_512']);
    const family = await pythonFacts(program('bert'));
    assert.deepEqual(valuesOf(family, 'model.id'), []);
    const beside = await pythonFacts(program('dpt_beit_large_512', "    parser.add_argument('--model_name_or_path')"));
    assert.ok(!valuesOf(beside, 'model.id').includes('dpt_beit_large_512'));
  });

  it("reads a project's model put in eval mode and called on data, in a script that trains nothing, as inference", async () => {
    const script = (use: string) =>
      [
        'from options.test_options import TestOptions',
        'from models.pix2pix_model import Pix2PixModel',
        'opt = TestOptions().parse()',
        'model = Pix2PixModel(opt)',
        use,
        'for i, data_i in enumerate(dataloader):',
        "    generated = model(data_i, mode='inference')",
        '',
      ].join('\n');
    const evaluated = await pythonFacts(script('model.eval()'));
    assert.ok(evaluated.some((f) => f.kind === 'launch.inference'));
    const trained = await pythonFacts(script('model.train()'));
    assert.ok(!trained.some((f) => f.kind === 'launch.inference'));
    // One call outside a loop (a notebook checking an output) is a demonstration, not the program's work.
    const once = await pythonFacts(
      [
        'from models.gpt_model import GPTModel',
        'model = GPTModel(cfg)',
        'model.eval()',
        'out = model(torch.tensor([ids]))',
        '',
      ].join('\n'),
    );
    assert.ok(!once.some((f) => f.kind === 'launch.inference'));
    // Given a checkpoint's weights first, one call is that checkpoint's demo (CroCo's demo.py).
    const restored = await pythonFacts(
      [
        'import torch',
        'from models.croco import CroCoNet',
        "ckpt = torch.load('pretrained_models/CroCo_V2.pth', 'cpu')",
        'model = CroCoNet(**ckpt.get("croco_kwargs", {}))',
        'model.eval()',
        "model.load_state_dict(ckpt['model'], strict=True)",
        'out = model(image1, image2)',
        '',
      ].join('\n'),
    );
    assert.ok(restored.some((f) => f.kind === 'launch.inference'));
  });

  it("reads a project object handed the model the program loads, asked to generate, as that model's inference", async () => {
    const program = (handed: string) =>
      [
        'import torch',
        'from transformers import AutoModelForCausalLM, HfArgumentParser',
        'from harness.evaluator import Evaluator',
        'def main():',
        '    args = HfArgumentParser(EvalArguments).parse_args()',
        '    model = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype=torch.float16)',
        `    evaluator = Evaluator(accelerator, ${handed}, tokenizer, args)`,
        '    for task in tasks:',
        '        generations = evaluator.generate_text(task)',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n');
    const facts = await pythonFacts(program('model'));
    assert.ok(facts.some((f) => f.kind === 'launch.inference'));
    // Not handed the model: an evaluator of stored outputs.
    const scorer = await pythonFacts(program('None'));
    assert.ok(!scorer.some((f) => f.kind === 'launch.inference'));
  });

  it("links the config a launch hands its program by `--cfg` (PySlowFast-style run_net.py), not Hydra's `--cfg job`", async () => {
    const files = {
      'tools/run_net.py': [
        'import argparse',
        "if __name__ == '__main__':",
        '    p = argparse.ArgumentParser()',
        "    p.add_argument('--cfg', dest='cfg_file', required=True)",
        '    cfg = load_config(p.parse_args())',
        '    launch_job(cfg=cfg, func=train)',
        '',
      ].join('\n'),
      'configs/k400.yaml':
        'TRAIN:\n  ENABLE: True\n  BATCH_SIZE: 8\nSOLVER:\n  MAX_EPOCH: 15\nMODEL:\n  MODEL_NAME: vit_base_patch16_224\n',
      'run.sh': 'W=/path/to/repo\nsrun python ${W}/tools/run_net.py --cfg ${W}/configs/k400.yaml NUM_GPUS 8\n',
    };
    const scan = await scanFiles(files);
    const run = scan.files.find((f) => f.display === 'run.sh')?.analysis.runs[0]?.run;
    assert.equal(run?.training.epochs, 15);
    const hydra = await scanFiles({ ...files, 'run.sh': 'python tools/run_net.py --cfg job\n' });
    const printed = hydra.files.find((f) => f.display === 'run.sh');
    assert.ok(!printed?.analysis.linkedFiles.some((p) => p.endsWith('k400.yaml')));
  });

  it("reads IPython's captured shell command (`output = !python3 demo.py ...`) as the notebook's launch", async () => {
    const notebook = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 0,
      metadata: {},
      cells: [
        {
          cell_type: 'code',
          metadata: {},
          source: [
            'output = !CUDA_VISIBLE_DEVICES=0 python3 demo.py \\\n',
            '--image_folder demo_image/ --saved_model TRBA.pth',
          ],
        },
        { cell_type: 'code', metadata: {}, source: ['for row in output:\n', '    print(row)'] },
      ],
    });
    const demo = [
      'import argparse, torch',
      'from model import Model',
      'def demo(opt):',
      '    model = torch.nn.DataParallel(Model(opt))',
      '    model.load_state_dict(torch.load(opt.saved_model))',
      '    model.eval()',
      '    with torch.no_grad():',
      '        for image_tensors, paths in loader:',
      '            preds = model(image_tensors)',
      "if __name__ == '__main__':",
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--saved_model', required=True)",
      '    demo(parser.parse_args())',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'demo.ipynb': notebook, 'demo.py': demo, 'model.py': 'class Model:\n    pass\n' });
    const file = scan.files.find((f) => f.display === 'demo.ipynb');
    assert.equal(file?.analysis.runs[0]?.run.mode, 'inference');
    assert.deepEqual(file?.analysis.problems ?? [], []);
  });
});
