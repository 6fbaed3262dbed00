import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFileFacts, readFileFacts } from '../../src/core/analyze';
import { definitionsOnlyReason } from '../../src/core/extract/python/libraryText';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { FolderScanCache } from '../../src/core/scan/folderScan';
import { parsing, ROOT } from './helpers';

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) pythonFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

const LIBRARY = [
  '"""Pipelines of the package."""',
  'import torch',
  'from .utils import logging',
  '',
  'logger = logging.get_logger(__name__)',
  '__all__ = ["TextPipeline", "train_loop"]',
  '',
  'EXAMPLE = """',
  'Example: run it with',
  '"""',
  '',
  '@dataclass',
  'class TextPipeline(DiffusionPipeline):',
  '    def __call__(',
  '        self,',
  '        prompt,',
  '    ):',
  '        for t in self.scheduler.timesteps:',
  '            latents = self.scheduler.step(self.unet(latents, t), t, latents)',
  '        return latents',
  '',
  'def train_loop(',
  '    model,',
  '    optimizer,',
  '):',
  '    for epoch in range(10):',
  '        loss = model(batch).loss',
  '        loss.backward()',
  '        optimizer.step()',
  '',
].join('\n');

describe('library modules told from their text (the folder scan reads none of them)', () => {
  it('calls a module of definitions, imports, constants and docstrings a library', () => {
    assert.match(definitionsOnlyReason(LIBRARY) ?? '', /a library module/);
  });

  it('follows the definitions module-level code names, and reads an example string as text', () => {
    const registry = [
      'from .registry import register',
      '',
      'def _cfg(url="", **kwargs):',
      '    return {"url": url, "num_classes": 1000, **kwargs}',
      '',
      'default_cfgs = {"tiny": _cfg(url="tiny.pth"), "base": _cfg(url="base.pth")}',
      '',
      'EXAMPLE = """',
      'pipe = TextPipeline.from_pretrained("org/model")',
      'image = pipe("a cat").images[0]',
      '"""',
      '',
    ].join('\n');
    assert.match(definitionsOnlyReason(registry + LIBRARY) ?? '', /a library module/, 'a helper that starts nothing');
    assert.equal(
      definitionsOnlyReason(`${LIBRARY}\nDEFAULTS = {"loop": train_loop}\n`),
      undefined,
      'a definition with a training loop, named at module level',
    );
    assert.equal(
      definitionsOnlyReason(`import os\n${LIBRARY}\nos.system("""torchrun --nproc_per_node 8 train.py""")\n`),
      undefined,
      'a command in a string that module-level code runs',
    );
  });

  it('leaves to the reader every module whose code may run something', () => {
    const cases: Record<string, string> = {
      'a main guard': `${LIBRARY}\nif __name__ == "__main__":\n    train_loop(m, o)\n`,
      'a definition called at module level': `${LIBRARY}\ntrain_loop(m, o)\n`,
      'a definition called by a constant': `${LIBRARY}\nDEFAULT = train_loop(m, o)\n`,
      'a run start in module-level code': `${LIBRARY}\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\nmodel.generate(ids)\n`,
      'an entry-point decorator': `import hydra\n\n@hydra.main(config_path="conf")\ndef main(cfg):\n    trainer.fit(model)\n`,
      'handlers registered on an object built at module level': `app = FastAPI()\n\n@app.post("/generate")\ndef generate(req):\n    return model.generate(req.ids)\n`,
      'a serving framework base class': `from cog import BasePredictor\n\nclass Predictor(BasePredictor):\n    def predict(self, x):\n        return self.model.generate(x)\n`,
      'a directive': `# green-ai: model=gpt2\n${LIBRARY}`,
      'a line at column 0 inside a definition (a docstring)': `def train(model):\n    """Trains.\nExample: train(model)\n    """\n    loss.backward()\n`,
      'no definition at all': 'import torch\nx = 1\n',
    };
    for (const [what, text] of Object.entries(cases)) assert.equal(definitionsOnlyReason(text), undefined, what);
  });

  it('never calls a module a library when reading it forms a run (every example and fixture)', async () => {
    const python = await parsing();
    let libraries = 0;
    for (const file of [
      ...pythonFiles(path.join(ROOT, 'examples')),
      ...pythonFiles(path.join(ROOT, 'test/fixtures')),
    ]) {
      const text = fs.readFileSync(file, 'utf8');
      if (definitionsOnlyReason(text) === undefined) continue;
      libraries++;
      const input = { path: file, text, relativePath: path.relative(ROOT, file) };
      const analysis = analyzeFileFacts(input, readFileFacts(input, python), DEFAULT_SETTINGS);
      assert.equal(analysis.runs.length, 0, `${path.relative(ROOT, file)} forms a run when read`);
    }
    assert.ok(libraries >= 10, `only ${libraries} files are told libraries from their text: too few to check`);
  });

  it('lists the library as left out, and a program that calls into it is still a run', async () => {
    const result = await new FolderScanCache().scan(
      Object.entries({
        'pkg/pipelines.py': LIBRARY,
        'train.py':
          'from pkg.pipelines import train_loop\nimport torch\n\nmodel = torch.nn.Linear(10, 10)\nfor epoch in range(3):\n    loss = model(x).sum()\n    loss.backward()\n',
      }).map(([rel, text]) => ({
        path: `/w/${rel}`,
        display: rel,
        read: async () => new TextEncoder().encode(text),
      })),
      { python: await parsing(), root: '/w', settingsFor: () => DEFAULT_SETTINGS },
    );
    assert.match(result.leftOut.find((l) => l.display === 'pkg/pipelines.py')?.reason ?? '', /a library module/);
    assert.equal(result.files.find((f) => f.display === 'train.py')?.analysis.runs.length, 1);
  });
});
