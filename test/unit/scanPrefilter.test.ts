import { defaultsFileReferences, hasDefaultsFile } from '../../src/core/extract/config/defaultsFile';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFileFacts } from '../../src/core/analyze';
import { configDialectWords } from '../../src/core/extract/config';
import { GENERIC_CONFIG_KEYS, GENERIC_SECTION_WORDS } from '../../src/core/extract/configFacts';
import { configReaderWords, mayHoldConfigFacts } from '../../src/core/extract/configPrefilter';
import { CALL_RULES, FILE_RULES, STATEMENT_RULES } from '../../src/core/extract/python/index';
import { sizingNamesOf } from '../../src/core/extract/sizingNames';
import { extractPythonFacts } from '../../src/core/extract/pythonFacts';
import { JSON_DATA_BYTES, mayStartARun } from '../../src/core/scan/prefilter';
import { parsing, ROOT } from './helpers';

/** Every file of the examples and fixtures (the shapes real repositories use) whose name ends so. */
function filesEnding(ending: RegExp, dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesEnding(ending, p, out);
    else if (e.isFile() && ending.test(e.name)) out.push(p);
  }
  return out;
}
const pythonFiles = (dir: string) => filesEnding(/\.py$/, dir);

describe('the folder scan prefilter (can a file form a run of its own?)', () => {
  it('lets through every example and fixture whose facts start a run or make it a config module', async () => {
    const python = await parsing();
    const files = [...pythonFiles(path.join(ROOT, 'examples')), ...pythonFiles(path.join(ROOT, 'test/fixtures'))];
    let starting = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = python.parser.parse(text)!;
      const facts = extractPythonFacts(tree, text);
      tree.delete();
      const starts = facts.filter(
        (f) =>
          (f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:')) ||
          f.kind === 'launch.inference' ||
          f.kind === 'source.configModule',
      );
      if (starts.length === 0) continue;
      starting++;
      assert.ok(
        mayStartARun(text, 'python'),
        `${path.relative(ROOT, file)} is skipped, yet ${starts[0].detail} (line ${starts[0].range.startLine + 1})`,
      );
    }
    assert.ok(starting >= 20, `only ${starting} fixtures start a run: the check has too little to check`);
  });

  it('gates no fact away: a whole-file rule skips only files without its words, unless it reads without them', async () => {
    const python = await parsing();
    const files = [...pythonFiles(path.join(ROOT, 'examples')), ...pythonFiles(path.join(ROOT, 'test/fixtures'))];
    let withFacts = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = python.parser.parse(text)!;
      const gated = extractPythonFacts(tree, text);
      const every = extractPythonFacts(tree, text, undefined, undefined, true);
      tree.delete();
      if (every.length > 0) withFacts++;
      assert.deepEqual(gated, every, `${path.relative(ROOT, file)}: a file rule's words gated a fact away`);
    }
    assert.ok(withFacts >= 500, `only ${withFacts} fixtures hold facts: the check has too little to check`);
  });

  it('lets through the smallest call, loop or inference each run-starting rule reads', () => {
    const cases = [
      'trainer.train()',
      'loss.backward()',
      'trainer.fit(model)',
      'cli = LightningCLI(Model)',
      'llm = LLM(model="m")',
      'out = model.generate(ids)',
      'for epoch in range(10):\n    step()',
      'for it in trange(max_iters):\n    step()',
      'while global_step < max_steps:\n    step()',
      'pipe = StableDiffusionPipeline.from_pretrained("x")\nimage = pipe("a cat")',
      'model = resnet50(weights="IMAGENET1K_V2")\nmodel.eval()',
    ];
    for (const body of cases)
      assert.ok(
        mayStartARun(
          `import torch\n\ndef main():\n    ${body.replace(/\n/g, '\n    ')}\n\nif __name__ == "__main__":\n    main()\n`,
          'python',
        ),
        body,
      );
    const rules = [...CALL_RULES, ...STATEMENT_RULES, ...FILE_RULES].filter((r) => r.runStart);
    assert.ok(rules.length >= 10, 'the run-starting rules declare their patterns');
  });

  it('skips a library module of sizes and classes, and one whose only run start is a doctest example', () => {
    const library =
      'import torch\nfrom torch import nn\n\nHIDDEN = 768\n\nclass Block(nn.Module):\n    def __init__(self, n_layer=12, batch_size=8):\n        super().__init__()\n        self.fc = nn.Linear(HIDDEN, HIDDEN)\n\n    def forward(self, x):\n        for i in range(3):\n            x = self.fc(x)\n        return x\n';
    assert.equal(mayStartARun(library, 'python'), false);
    const doc =
      'class FluxPipeline(DiffusionPipeline):\n    """\n    >>> pipe = FluxPipeline.from_pretrained("black-forest-labs/FLUX.1-dev")\n    >>> image = pipe("a cat").images[0]\n    """\n\n    def __call__(self, prompt):\n        return self.transformer(prompt)\n';
    assert.equal(mayStartARun(doc, 'python'), false);
    assert.equal(mayStartARun(library, 'yaml'), true, 'a config with a sizing name (batch_size) is read');
  });

  it('skips a library whose run-start names are only its own methods, and a package __init__ of imports', () => {
    const autograd =
      'import torch\n\nclass Fused(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        return x\n\n    @staticmethod\n    def backward(ctx, grad):\n        return grad\n\n\nclass Tokenizer:\n    @classmethod\n    def from_pretrained(cls, path):\n        return cls()\n';
    assert.equal(mayStartARun(autograd, 'python'), false);
    // The same names called, not defined, still start a run.
    assert.ok(
      mayStartARun(
        `${autograd}\nif __name__ == "__main__":\n    y = Fused.apply(torch.ones(1))\n    y.backward()\n`,
        'python',
      ),
    );
    const init = 'from .model import GPT\nfrom .trainer import Trainer\n__all__ = ["GPT", "Trainer"]\n';
    assert.equal(mayStartARun(init, 'python'), false, 'imports and one assignment are no module of constants');
    assert.ok(mayStartARun('from x import y\nbatch_size = 8\nlr, wd = 3e-4, 0.1\nepochs: int = 3\n', 'python'));
  });

  it('skips a package module whose model objects are built only in methods (no code runs at its top)', () => {
    // The shape of a library's pipeline module: imports its own model classes, builds and calls them in methods.
    const pipeline = [
      'import torch',
      'from ...models import AutoencoderKL, UNet2DConditionModel',
      'from ...utils import is_torch_available, logging',
      '',
      'logger = logging.get_logger(__name__)',
      '',
      'if is_torch_available():',
      '    from .encoders import TextEncoder',
      '',
      'try:',
      '    import xformers',
      'except ImportError:',
      '    xformers = None',
      '',
      'class SketchPipeline:',
      '    def __init__(self, path):',
      '        self.vae = AutoencoderKL(path)',
      '        self.vae.eval()',
      '        self.encoder = TextEncoder(path)',
      '',
      '    def __call__(self, prompt):',
      '        latents = self.encoder.encode(prompt)',
      '        return self.vae.decode(latents)',
      '',
    ].join('\n');
    assert.equal(mayStartARun(pipeline, 'python'), false);
    // Code at its top that could build and run the object lets it through, whichever form it takes.
    const tops = [
      'if __name__ == "__main__":\n    SketchPipeline("x")("a cat")\n',
      'main()\n',
      'vae = AutoencoderKL("org/vae")\nout = vae.decode(1)\n',
      'vae: torch.nn.Module = models.AutoencoderKL.load("ckpt")\n',
      'with torch.no_grad():\n    vae = AutoencoderKL("org/vae")\n',
      'if torch.cuda.is_available():\n    vae = AutoencoderKL("org/vae")\n',
      'try:\n    vae = AutoencoderKL("org/vae")\nexcept OSError:\n    pass\n',
      'import gradio as gr\n',
    ];
    for (const top of tops) assert.ok(mayStartARun(`${pipeline}\n${top}`, 'python'), top);
  });

  it('lets a Python config module and a file with a directive through', () => {
    assert.ok(mayStartARun('# nanoGPT-style config\nn_layer = 12\nn_embd = 768\nmax_iters = 5000\n', 'python'));
    assert.ok(mayStartARun('class A:\n    pass\n# green-ai: run\n', 'python'));
  });

  it('leaves a JSON file of data (a vocabulary) to the runs that name it, and reads every JSON config', () => {
    const vocabulary = JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`tok${i}`, i])));
    assert.ok(vocabulary.length > JSON_DATA_BYTES);
    assert.equal(mayStartARun(vocabulary, 'json'), false);
    const config = JSON.stringify({
      model_name_or_path: 'gpt2',
      num_train_epochs: 3,
      id2label: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [String(i), `label ${i}`])),
    });
    assert.equal(mayStartARun(config, 'json'), true);
  });

  it('leaves JSON Lines saved as .json and large arrays of records (datasets) to the runs that name them', () => {
    const record = (i: number) => ({ instruction: `question ${i}`, output: 'answer', model: 'gpt2', epochs: 3 });
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify(record(i))).join('\n') + '\n';
    assert.ok(lines.length < JSON_DATA_BYTES);
    assert.equal(mayStartARun(lines, 'json'), false, 'JSON Lines');
    assert.equal(mayStartARun(lines.replace(/\n/g, '\r\n'), 'json'), false, 'JSON Lines with CRLF');
    const records = JSON.stringify(
      Array.from({ length: 600 }, (_, i) => record(i)),
      null,
      1,
    );
    assert.ok(records.length < JSON_DATA_BYTES);
    assert.equal(mayStartARun(records, 'json'), false, 'an array of records');
    // A short list and a one-line config are read as before.
    assert.equal(mayStartARun(JSON.stringify([record(1), record(2)]), 'json'), true);
    assert.equal(mayStartARun(JSON.stringify(record(1)) + '\n', 'json'), true);
    assert.equal(mayStartARun(JSON.stringify(record(1), null, 2), 'json'), true);
  });

  it('lets through every example and fixture config that yields a fact, and every word a config reader reads', async () => {
    const python = await parsing();
    // The scanner fixtures' expectations (cases.json) are records, not a config: a dataset to the prefilter.
    const records = path.join(ROOT, 'test/fixtures/scanner/cases.json');
    const files = [
      ...filesEnding(/\.(ya?ml|json)$/, path.join(ROOT, 'examples')),
      ...filesEnding(/\.(ya?ml|json)$/, path.join(ROOT, 'test/fixtures')),
    ].filter((f) => f !== records);
    assert.equal(mayStartARun(fs.readFileSync(records, 'utf8'), 'json'), false);
    let withFacts = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // The links to a harness's defaults file depend on that file being there: the folder scan decides them
      // from its file list (hasDefaultsFile), not from the text, and reads the config when it is.
      const defaults = new Set(defaultsFileReferences(file));
      const facts = readFileFacts({ path: file, text }, python).facts.filter(
        (f) => !(f.kind === 'link.config' && defaults.has(String(f.value))),
      );
      if (facts.length === 0) continue;
      withFacts++;
      const kind = file.endsWith('.json') ? 'json' : 'yaml';
      assert.ok(
        mayStartARun(text, kind) || hasDefaultsFile(file, new Set(files)),
        `${path.relative(ROOT, file)} is skipped, yet ${facts[0].detail}`,
      );
    }
    assert.ok(withFacts >= 30, `only ${withFacts} fixture configs yield a fact: the check has too little to check`);
    const words = new Set(configReaderWords());
    for (const list of [GENERIC_CONFIG_KEYS, [...sizingNamesOf('config').keys()], configDialectWords()])
      for (const word of list) {
        assert.ok(words.has(word), word);
        assert.ok(mayHoldConfigFacts(`# a config\n${word}: 1\n`), `${word} as a YAML key`);
        assert.ok(mayHoldConfigFacts(`{"other": 0, "${word}": 1}`), `${word} as a JSON key`);
        assert.ok(mayHoldConfigFacts(`${word.replace(/_/g, '-')}: 1\n`), `${word} written with hyphens`);
      }
  });

  it('knows every key the generic config table compares (configFacts.ts)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/core/extract/configFacts.ts'), 'utf8');
    const compared = [...source.matchAll(/key === '([^']+)'/g)].map((m) => m[1]);
    assert.ok(compared.length >= 10, 'the table compares its keys as written');
    // A key read only as a section (`model:` at the root) is known by its section word (GENERIC_SECTION_WORDS).
    for (const key of compared) {
      assert.ok(
        GENERIC_CONFIG_KEYS.includes(key) || GENERIC_SECTION_WORDS.includes(`${key}:`),
        `${key} is missing from GENERIC_CONFIG_KEYS`,
      );
      // Whichever list names it, the prefilter lets a config through on that key alone.
      assert.ok(mayHoldConfigFacts(`# a config\n${key}: 1\n`), `${key} as a YAML key`);
    }
  });

  it('skips a YAML or JSON file in which no config reader word is written, and fails safe', () => {
    const template =
      'name: Feature request\ndescription: Suggest an idea\nlabels: [enhancement]\nbody:\n  - type: textarea\n    attributes:\n      label: Motivation\n';
    assert.equal(mayStartARun(template, 'yaml'), false);
    const toc =
      '- sections:\n  - local: index\n    title: Overview\n  - local: quicktour\n    title: Quick tour\n  title: Get started\n';
    assert.equal(mayStartARun(toc, 'yaml'), false);
    const results = '{\n  "model.layers.0.mlp": {"snr": 1.5, "type": "mlp"}\n}\n';
    assert.equal(mayStartARun(results, 'json'), false);
    // A near miss is not a key (`runs-on`, `my_batch_size_x`); the key itself is.
    assert.equal(mayStartARun('jobs:\n  test:\n    runs-on: ubuntu-latest\n    my_batch_size_x: 2\n', 'yaml'), false);
    assert.ok(
      mayStartARun('jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: torchrun train.py\n', 'yaml'),
    );
    assert.ok(mayStartARun('model:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\n', 'yaml'), 'a dialect word');
    assert.ok(mayStartARun('title: x  # green-ai: gpus=8xH100\n', 'yaml'), 'a directive');
    assert.ok(mayStartARun('{"b\\u0066\\u0031\\u0036": true}', 'json'), 'an escape may spell a key');
    assert.ok(mayStartARun('"num-layers": 24\n', 'yaml'), 'GPT-NeoX hyphenated keys');
  });
});

describe("a harness experiment's overrides (config/defaultsFile.ts)", () => {
  it('finds the defaults file up to three folders above, by name', () => {
    const paths = new Set(['/r/bench/default_training_params.json']);
    assert.equal(hasDefaultsFile('/r/bench/experiments/full/a/training_params.json', paths), true);
    assert.equal(hasDefaultsFile('/r/bench/experiments/full/a/other.json', paths), false);
    assert.equal(hasDefaultsFile('/r/x/experiments/full/a/training_params.json', paths), false);
    assert.equal(hasDefaultsFile('/r/bench/default_training_params.json', paths), false);
  });
});
