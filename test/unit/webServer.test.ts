import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { analyzeSource, parsing } from './helpers';

const SERVER = (loading: string, extra = '') =>
  [
    'import argparse',
    'import uvicorn',
    'from fastapi import FastAPI',
    'from mypkg.utils.logs import get_logger',
    'from mypkg.models import make_value_model',
    '',
    'log = get_logger(__name__)',
    '',
    'class Handler:',
    '    def __init__(self, args):',
    `        ${loading}`,
    '',
    'if __name__ == "__main__":',
    '    parser = argparse.ArgumentParser()',
    '    parser.add_argument("--model_name_or_path", type=str, default=None)',
    '    args = parser.parse_args()',
    '    handler = Handler(args)',
    '    app = FastAPI()',
    extra,
    '    uvicorn.run(app, host="0.0.0.0", port=8000)',
    '',
  ].join('\n');

describe('web servers that load a model (readers/webServer.ts)', () => {
  it('reads a server whose package loader is handed the model path as inference, naming that loader', async () => {
    const a = await analyzeSource(
      'serve.py',
      SERVER('self.model = make_value_model(args.model_name_or_path, "reward")'),
    );
    assert.equal(a.runs.length, 1);
    assert.equal(a.runs[0].run.mode, 'inference');
    const start = a.facts.find((f) => f.kind === 'launch.inference');
    assert.match(start?.detail ?? '', /make_value_model/);
    assert.ok(!/get_logger/.test(start?.detail ?? ''), 'a helper called with no model path is not the loader');
  });

  it('is no run when nothing loads a model (a router or proxy), or when the program trains', async () => {
    const router = await analyzeSource('serve.py', SERVER('self.routes = {"a": args.model_name_or_path}'));
    assert.equal(router.runs.length, 0);
    const trains = await analyzeSource(
      'serve.py',
      SERVER(
        'self.model = make_value_model(args.model_name_or_path)',
        '    loss = handler.model(x).sum()\n    loss.backward()',
      ),
    );
    assert.ok(!trains.facts.some((f) => f.kind === 'launch.inference' && f.value === 'web-server'));
  });

  it('does not read a Flask app that is never started', async () => {
    const text = [
      'from flask import Flask',
      'from mypkg.models import load_tagger',
      'app = Flask(__name__)',
      'tagger = load_tagger(model_dir="ckpt/best")',
      '',
    ].join('\n');
    const a = await analyzeSource('app.py', text);
    assert.ok(!a.facts.some((f) => f.value === 'web-server'));
  });
});

describe("a package loader's default dtype (readers/loaderModule.ts)", () => {
  const scan = async (files: Record<string, string>) =>
    new FolderScanCache().scan(
      Object.entries(files).map(([rel, text]) => ({
        path: `/w/${rel}`,
        display: rel,
        read: async () => new TextEncoder().encode(text),
      })),
      { python: await parsing(), root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
  const PACKAGE = {
    'gen/__init__.py': '"""Generation package."""\nfrom .engine import Engine\nfrom .other import helper\n',
    'gen/engine.py': [
      'import torch',
      'from torch.cuda.amp import autocast',
      '',
      'class Engine:',
      '    @staticmethod',
      '    def build(ckpt_dir, max_batch_size=4):',
      '        torch.set_default_tensor_type(torch.cuda.HalfTensor)',
      '        net = torch.load(ckpt_dir)',
      '        return Engine(net)',
      '',
      '    def text_completion(self, prompts):',
      '        with autocast(dtype=torch.bfloat16):',
      '            return self.net.generate(prompts)',
      '',
    ].join('\n'),
    'gen/other.py': 'def helper():\n    return 1\n',
  };

  it('takes the dtype the loader sets, through the package front, and nothing else of those modules', async () => {
    const result = await scan({
      ...PACKAGE,
      'run.py': [
        'import fire',
        'from gen import Engine',
        '',
        'def main(ckpt_dir: str, max_batch_size: int = 2):',
        '    g = Engine.build(ckpt_dir=ckpt_dir, max_batch_size=max_batch_size)',
        '    print(g.text_completion(["Hello"]))',
        '',
        'if __name__ == "__main__":',
        '    fire.Fire(main)',
        '',
      ].join('\n'),
    });
    const run = result.files.find((f) => f.display === 'run.py')?.analysis.runs[0];
    assert.ok(run, 'run.py is a run');
    assert.equal(run.run.training.precision, 'fp16');
    assert.equal(run.run.mode, 'inference');
    assert.equal(result.files.find((f) => f.display === 'gen/__init__.py')?.analysis.runs.length ?? 0, 0);
  });

  it("does not follow a package front's re-exports from an ordinary link", async () => {
    const result = await scan({
      ...PACKAGE,
      'gen/__init__.py': 'from .engine import Engine\nfrom .train_loop import train\n',
      'gen/train_loop.py':
        'import torch\n\ndef train(model, data):\n    for x in data:\n        model(x).sum().backward()\n',
    });
    assert.equal(result.files.find((f) => f.display === 'gen/__init__.py')?.analysis.runs.length ?? 0, 0);
  });
});
