import * as assert from 'node:assert/strict';
import { suggestImprovements } from '../../src/core/advise/suggest';
import { estimateRun } from '../../src/core/estimate/estimateRun';
import * as IC from '../../src/core/estimate/inferenceConstants';
import { pretrainingReference } from '../../src/core/report/deployment';
import { completeRun } from '../../src/core/resolve/completeRun';
import { DEFAULT_SETTINGS, RunSpecSchema } from '../../src/core/runSpec';
import { extractConfigFacts } from '../../src/core/extract/configFacts';
import { runOf, scanFiles } from './helpers';

/**
 * A network run forward once per input (an image model, a policy network) is served as forward passes, not as a
 * token model's prompt and generated tokens; a convolutional network whose input size is not read has no cost per
 * input to give, and says so instead of showing one.
 */
describe('Sixty-eighth round: serving a network run forward once per input', () => {
  const resolve = (spec: Parameters<typeof RunSpecSchema.parse>[0]) => {
    const run = completeRun(RunSpecSchema.parse(spec), DEFAULT_SETTINGS);
    const estimate = estimateRun(run);
    return { run, estimate, suggestions: suggestImprovements(run, estimate.co2eKg, DEFAULT_SETTINGS) };
  };
  const resnet = (inference: Record<string, unknown> = {}) =>
    resolve({
      model: { name: 'resnet50' },
      training: { mode: 'inference' },
      inference,
      hardware: { accelerator: 'A100', count: 1 },
    });
  const fields = (run: ReturnType<typeof resnet>['run']) => run.assumptions.map((a) => a.field);

  it('prices a catalogued image classifier per input: one forward pass, an eager loop bound by its launches', () => {
    const one = resnet();
    const inf = one.estimate.inference!;
    assert.ok(one.run.inference?.forwardPass, 'a forward-pass model');
    assert.equal(one.run.inference.engine, 'pytorch');
    assert.equal(inf.forwardPass!.gflopsPerInput, one.run.model.forwardGflopsPerSample);
    // One image at a time: the pass takes the eager floor, far above its arithmetic.
    assert.equal(inf.regime, 'overhead-bound');
    assert.equal(inf.forwardPass!.stepMs, IC.EAGER_FORWARD_PASS_MS.central);
    // No prompt, no generated tokens, no cache: none of a token model's inputs is assumed.
    for (const f of ['inference.inputTokens', 'inference.outputTokens', 'model.kvCache', 'training.seqLen'])
      assert.ok(!fields(one.run).includes(f), `${f} assumed for an image model`);
    assert.equal(one.run.training.tokens, null);
    assert.equal(one.run.training.samples, one.run.inference.requests);
    assert.equal(one.estimate.flops, one.run.inference.requests * inf.forwardPass!.gflopsPerInput * 1e9);
    assert.equal(pretrainingReference(one.run, DEFAULT_SETTINGS), null, 'no Chinchilla tokens for an image model');
  });

  it('batches share a pass: per-input energy falls with the batch until the pass is compute-bound', () => {
    const one = resnet().estimate.inference!;
    const batched = resnet({ concurrency: 64 }).estimate.inference!;
    assert.equal(batched.regime, 'compute-bound');
    assert.equal(batched.forwardPass!.batch, 64);
    assert.ok(
      batched.perRequest.energyWh < one.perRequest.energyWh / 2,
      `${batched.perRequest.energyWh} Wh per image at batch 64 against ${one.perRequest.energyWh} at batch 1`,
    );
    assert.ok(batched.forwardPass!.inputsPerSecond > 10 * one.forwardPass!.inputsPerSecond);
  });

  it("advises batching the inputs and half precision, not a token server's levers", () => {
    const kinds = resnet().suggestions.map((s) => s.kind);
    assert.ok(kinds.includes('batch-inputs'), kinds.join(', '));
    assert.ok(kinds.includes('mixed-precision'), kinds.join(', '));
    for (const k of ['continuous-batching', 'shorter-outputs', 'quantize-inference'] as const)
      assert.ok(!kinds.includes(k), `${k} offered for an image model`);
    assert.ok(!resnet({ concurrency: 64 }).suggestions.some((s) => s.kind === 'batch-inputs'));
  });

  it('leaves a catalogued image model with no forward cost unestimated, saying what to set', () => {
    // (Stable Diffusion 1.x, 2.x, SDXL and FLUX.1 have a published cost per image since the sixty-ninth round.)
    const sd = resolve({
      model: { name: 'stabilityai/stable-diffusion-3.5-large' },
      training: { mode: 'inference' },
    });
    const missing = sd.run.missing.find((m) => m.field === 'model.inputPixels');
    assert.ok(missing, 'the forward cost is missing');
    assert.match(missing.howToSet, /forward_flops=/);
    assert.ok(!sd.suggestions.some((s) => s.kind === 'continuous-batching'));
    // Stated, it is priced per image.
    const stated = resolve({
      model: { name: 'stabilityai/stable-diffusion-3.5-large', forwardGflopsPerSample: 50_000 },
      training: { mode: 'inference' },
    });
    assert.equal(stated.run.missing.length, 0);
    assert.equal(stated.estimate.inference?.forwardPass?.gflopsPerInput, 50_000);
  });

  const generator = [
    'import torch',
    'import torch.nn as nn',
    '',
    '',
    'class Block(nn.Module):',
    '    def __init__(self, channels):',
    '        super().__init__()',
    '        self.conv = nn.Conv2d(channels, channels, 3, padding=1)',
    '',
    '    def forward(self, x):',
    '        return x + self.conv(x)',
    '',
    '',
    'class Upscaler(nn.Module):',
    '    def __init__(self, channels=64, blocks=4):',
    '        super().__init__()',
    '        self.blocks = nn.Sequential(*[Block(channels) for _ in range(blocks)])',
    '        self.head = nn.Linear(channels, 3)',
    '',
    '    def forward(self, x):',
    '        return self.head(self.blocks(x))',
    '',
  ];
  const upscale = (directive = '') =>
    [
      ...generator,
      '',
      directive,
      'model = Upscaler()',
      'model.load_state_dict(torch.load("upscaler.pth"))',
      'model.eval()',
      'with torch.no_grad():',
      '    out = model(torch.randn(1, 64, 128, 128))',
      '',
    ].join('\n');

  it('a counted network whose convolutions sit in a nested class needs its input size before it is served', async () => {
    const run = await runOf({ 'upscale.py': upscale() }, 'upscale.py');
    assert.ok(run, 'an inference run');
    assert.equal(run.mode, 'inference');
    assert.equal(run.model.params, 4 * (64 * 64 * 9 + 64) + (64 * 3 + 3));
    const missing = run.missing.find((m) => m.field === 'model.inputPixels');
    assert.ok(missing, 'the input size is missing');
    assert.match(missing.detail, /Upscaler is built of convolutions/);
    assert.equal(run.inference?.forwardPass?.gflopsPerSample, null);
  });

  it('a stated forward cost prices the same network per input', async () => {
    const run = await runOf({ 'upscale.py': upscale('# green-ai: forward_flops=4.8e10') }, 'upscale.py');
    assert.ok(run);
    assert.deepEqual(run.missing, []);
    assert.equal(run.inference?.forwardPass?.gflopsPerSample, 48);
    assert.equal(estimateRun(run).inference?.forwardPass?.gflopsPerInput, 48);
  });

  it('a GAN whose generator embeds its class label is still a network of convolutions, not a token model', async () => {
    const gan = [
      'import torch',
      'import torch.nn as nn',
      '',
      '',
      'class Generator(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.label_emb = nn.Embedding(10, 100)',
      '        self.conv = nn.Sequential(nn.Conv2d(128, 64, 3, padding=1), nn.Conv2d(64, 1, 3, padding=1))',
      '',
      '    def forward(self, z, labels):',
      '        return self.conv(z * self.label_emb(labels))',
      '',
      '',
      'class Discriminator(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.conv = nn.Conv2d(1, 16, 3, 2, 1)',
      '        self.head = nn.Linear(16 * 16 * 16, 1)',
      '',
      '    def forward(self, img):',
      '        return self.head(self.conv(img).flatten(1))',
      '',
      '',
      'generator = Generator()',
      'discriminator = Discriminator()',
      'optimizer_G = torch.optim.Adam(generator.parameters())',
      'optimizer_D = torch.optim.Adam(discriminator.parameters())',
      'for epoch in range(200):',
      '    for imgs, labels in loader:',
      '        loss = discriminator(generator(noise, labels)).mean()',
      '        loss.backward()',
      '        optimizer_G.step()',
      '        optimizer_D.step()',
      '',
    ].join('\n');
    const run = await runOf({ 'acgan.py': gan }, 'acgan.py');
    assert.ok(run);
    assert.ok(run.model.params > 0);
    assert.match(run.missing.find((m) => m.field === 'model.inputPixels')?.detail ?? '', /Generator \+ Discriminator/);
    assert.ok(!run.assumptions.some((a) => a.field === 'training.seqLen'), 'no sequence length for a GAN');
  });

  it('a forward cost or input size past any network is ignored with a message, and the run still needs it', async () => {
    const scan = await scanFiles({ 'upscale.py': upscale('# green-ai: forward_flops=1e30 input_pixels=1e30') });
    const analysis = scan.files.find((f) => f.display === 'upscale.py')!.analysis;
    const run = analysis.runs[0]?.run;
    assert.ok(run?.missing.some((m) => m.field === 'model.inputPixels'));
    const problems = analysis.problems.map((p) => p.message).join('\n');
    assert.match(problems, /not a sensible model\.forwardFlopsPerSample/);
    assert.match(problems, /not a sensible model\.inputPixels/);
  });

  it('a dense network named by the class the script builds is served per input at 2 × its parameters', async () => {
    const policy = [
      'import torch',
      'import torch.nn as nn',
      '',
      '',
      'class Policy(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.net = nn.Sequential(nn.Linear(8, 256), nn.ReLU(), nn.Linear(256, 4))',
      '',
      '    def forward(self, x):',
      '        return self.net(x)',
      '',
      '',
      'policy = Policy()',
      'policy.load_state_dict(torch.load("policy.pt"))',
      'policy.eval()',
      'with torch.no_grad():',
      '    action = policy(torch.randn(1, 8))',
      '',
    ].join('\n');
    const run = await runOf({ 'act.py': policy }, 'act.py');
    assert.ok(run);
    assert.equal(run.model.name, 'Policy');
    const params = 8 * 256 + 256 + 256 * 4 + 4;
    assert.equal(run.model.params, params);
    assert.deepEqual(run.missing, []);
    assert.equal(run.inference?.forwardPass?.gflopsPerSample, (2 * params) / 1e9);
    assert.ok(!run.assumptions.some((a) => a.field === 'inference.outputTokens'));
  });

  it('training a convolutional network whose input size is not read needs it too; stated, it is priced per pixel', async () => {
    const train = (directive: string) =>
      [
        ...generator,
        directive,
        'model = Upscaler()',
        'optimizer = torch.optim.Adam(model.parameters())',
        'for epoch in range(5):',
        '    for x, y in loader:',
        '        loss = (model(x) - y).abs().mean()',
        '        optimizer.zero_grad()',
        '        loss.backward()',
        '        optimizer.step()',
        '',
      ].join('\n');
    const unknown = await runOf({ 'train.py': train('') }, 'train.py');
    assert.ok(unknown?.missing.some((m) => m.field === 'model.inputPixels'));
    const stated = await runOf({ 'train.py': train('# green-ai: input_pixels=16384') }, 'train.py');
    assert.ok(stated);
    assert.deepEqual(stated.missing, []);
    const perPixel = stated.assumptions.find((a) => a.field === 'model.forwardGflopsPerSample');
    assert.match(String(perPixel?.detail), /16,384 pixels per sample/);
  });
});

describe('Sixty-eighth round: a flat parameter file naming its network by registry name', () => {
  const flat = (extra: string[] = []) =>
    ['model: gc_vit_tiny', 'epochs: 310', 'batch_size: 128', 'amp: True', ...extra, ''].join('\n');
  const fromScratch = (text: string) =>
    extractConfigFacts(text, 'yaml', 'configs/gc_vit_tiny.yml').facts.filter((f) => f.kind === 'model.fromScratch');

  it('builds it from random initialisation when no key names weights to start from', () => {
    assert.deepEqual(
      fromScratch(flat()).map((f) => f.value),
      [true],
    );
    // A key that loads weights leaves it to that key's reading.
    assert.ok(!fromScratch(flat(['initial_checkpoint: ckpt/gc_vit_tiny.pth'])).some((f) => f.value === true));
    assert.ok(!fromScratch(flat(['resume: last.pth'])).some((f) => f.value === true));
    assert.deepEqual(
      fromScratch(flat(['pretrained: true'])).map((f) => f.value),
      [false],
    );
  });

  it('a catalogued network named so is trained from scratch, not fine-tuned', async () => {
    const run = await runOf({ 'configs/gc_vit_tiny.yml': flat() }, 'configs/gc_vit_tiny.yml');
    assert.equal(run?.model.params, 28e6);
    assert.equal(run?.mode, 'pretrain');
  });
});

describe('Sixty-eighth round: a yacs config takes the precision its program fixes', () => {
  const defaults = [
    'from yacs.config import CfgNode as CN',
    '_C = CN()',
    '_C.MODEL = CN()',
    "_C.MODEL.TYPE = 'focal'",
    '_C.TRAIN = CN()',
    '_C.TRAIN.EPOCHS = 300',
    '_C.DATA = CN()',
    '_C.DATA.BATCH_SIZE = 128',
    "_C.AMP_OPT_LEVEL = ''",
    '',
    'def update_config(config, args):',
    '    config.defrost()',
    '    config.merge_from_file(args.cfg)',
    '    if args.amp_opt_level:',
    '        config.AMP_OPT_LEVEL = args.amp_opt_level',
    '    config.freeze()',
    '',
  ].join('\n');
  const program = (level: string) =>
    [
      'import argparse',
      'from apex import amp',
      'from config import get_config',
      '',
      'def parse_option():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--cfg', type=str, required=True)",
      `    parser.add_argument('--amp-opt-level', type=str, default='${level}', choices=['O0', 'O1', 'O2'])`,
      '    args = parser.parse_args()',
      '    return args, get_config(args)',
      '',
      'def main(config):',
      '    model, optimizer = build(config)',
      '    model, optimizer = amp.initialize(model, optimizer, opt_level=config.AMP_OPT_LEVEL)',
      '    for epoch in range(config.TRAIN.EPOCHS):',
      '        train_one_epoch(model, optimizer)',
      '',
      "if __name__ == '__main__':",
      '    _, config = parse_option()',
      '    main(config)',
      '',
    ].join('\n');
  const config = (extra: string[] = []) =>
    [
      'MODEL:',
      '  TYPE: focal',
      '  NAME: focal_tiny_patch4_window7_224',
      '  FOCAL:',
      '    EMBED_DIM: 96',
      '    DEPTHS: [ 2, 2, 6, 2 ]',
      'TRAIN:',
      '  EPOCHS: 300',
      ...extra,
      '',
    ].join('\n');
  const runFor = (level: string, extra: string[] = [], programFile = 'main.py') =>
    runOf(
      { 'config.py': defaults, [programFile]: program(level), 'configs/focal_tiny.yaml': config(extra) },
      'configs/focal_tiny.yaml',
    );
  const precisionRead = async (...args: Parameters<typeof runFor>) => {
    const run = await runFor(...args);
    const why = run?.assumptions.find((a) => a.field === 'training.precision')?.detail ?? '';
    return `${run?.training.precision} ${why}`;
  };

  it('reads apex AMP at the --amp-opt-level default of the main.py beside its defaults module', async () => {
    assert.match(await precisionRead('O1'), /^fp16 .*opt_level="O1"/);
    assert.match(await precisionRead('O0'), /^fp32 .*opt_level="O0"/);
  });

  it("lets the config's own AMP key win, and reads nothing from a program of another name", async () => {
    assert.match(await precisionRead('O1', ['AMP_OPT_LEVEL: O0']), /^fp32 AMP_OPT_LEVEL: O0/);
    assert.match(await precisionRead('O1', [], 'train_other.py'), /^fp32 PyTorch computes in float32/);
  });
});

describe('Sixty-eighth round: float32 on CUDA cores has a utilisation of its own', () => {
  const run = (precision: 'fp32' | 'bf16', accelerator = 'V100-SXM2-32GB') =>
    completeRun(
      RunSpecSchema.parse({
        model: { name: 'gpt2' },
        training: { mode: 'pretrain', tokens: 1e9, precision },
        hardware: { accelerator, count: 1 },
      }),
      DEFAULT_SETTINGS,
    );

  it('prices a float32 GPU run at the measured CUDA-core share, with no small-model factor on top', () => {
    const fp32 = run('fp32');
    assert.equal(fp32.mfu.central, 0.5);
    assert.match(fp32.assumptions.find((a) => a.field === 'estimate.mfu')!.detail, /float32 on GPU CUDA cores/);
    // Mixed precision on tensor cores keeps the generation's band (×0.8–1 for a small model).
    assert.ok(run('bf16').mfu.central < 0.3);
    // The mixed-precision speed-up follows: ×8 in peak, ×3.2 in time on a V100 (the source's ×3.0–3.5).
    const speedup = estimateRun(fp32).acceleratorHours / estimateRun(run('bf16')).acceleratorHours;
    assert.ok(speedup > 2.5 && speedup < 4, String(speedup));
  });

  it('leaves TPUs and CPUs at their own bands', () => {
    assert.notEqual(run('fp32', 'TPUv4').mfu.central, 0.5);
  });
});
