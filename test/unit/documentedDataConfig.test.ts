import * as assert from 'node:assert/strict';
import { launchForSibling, sameShape, topLevelConfigKeys } from '../../src/core/scan/documentedSiblings';
import { modelTargetOf } from '../../src/core/extract/config/modelTarget';
import { scanFiles } from './helpers';

/**
 * A YAML or JSON config no dialect knows, documented in the README as the argument of a config-driven program
 * (`python infer.py configs/mesh-large.yaml input.png`): a run of that program. Configs beside it with the same
 * top-level sections get the same launch under their own name.
 */

/** A program that cannot start without a config, loads a pretrained pipeline in half precision and generates. */
const PROGRAM = `import argparse
import torch
from omegaconf import OmegaConf
from diffusers import DiffusionPipeline
from meshkit.utils import instantiate_from_config

parser = argparse.ArgumentParser()
parser.add_argument('config', type=str, help='Path to config file.')
parser.add_argument('input_path', type=str)
args = parser.parse_args()

config = OmegaConf.load(args.config)
model = instantiate_from_config(config.model_config)
pipeline = DiffusionPipeline.from_pretrained("acme/multiview-diffusion", torch_dtype=torch.float16)
pipeline = pipeline.to("cuda")
with torch.no_grad():
    views = pipeline(args.input_path, num_inference_steps=75).images[0]
    mesh = model.extract_mesh(views)
`;

const CONFIG = (layers: number) => `model_config:
  target: meshkit.models.Reconstructor
  params:
    transformer_dim: 1024
    transformer_layers: ${layers}

infer_config:
  model_path: ckpts/recon_${layers}.ckpt
  render_resolution: 384
`;

const OTHER_SHAPE = `model:
  target: meshkit.models.Reconstructor
data:
  batch_size: 4
`;

const README = (command: string) => `# Mesh

\`\`\`bash
${command}
\`\`\`
`;

function listed(result: Awaited<ReturnType<typeof scanFiles>>): string[] {
  return result.files
    .filter((f) => f.analysis.runs.length > 0)
    .map((f) => f.display)
    .sort();
}

describe("a YAML or JSON config documented as a program's argument", () => {
  it('is a run of that program, and so is a config beside it in its shape, not one of another shape', async () => {
    const result = await scanFiles({
      'infer.py': PROGRAM,
      'configs/mesh-large.yaml': CONFIG(16),
      'configs/mesh-base.yaml': CONFIG(12),
      'configs/notes.yaml': OTHER_SHAPE,
      'README.md': README('python infer.py configs/mesh-large.yaml examples/chair.png --save_video'),
    });
    assert.deepEqual(listed(result), ['configs/mesh-base.yaml', 'configs/mesh-large.yaml']);
    for (const f of result.files.filter((x) => x.analysis.runs.length > 0)) {
      const run = f.analysis.runs[0].run;
      // The config's own model class (model_config.target), not the diffusion front end the program loads beside it.
      assert.equal(run.model.name, 'Reconstructor');
      assert.equal(run.mode, 'inference');
      assert.equal(run.training.precision, 'fp16');
    }
    const sibling = result.files.find((f) => f.display === 'configs/mesh-base.yaml')!;
    assert.ok(
      sibling.analysis.facts.some((f) => f.detail.startsWith('launch documented for configs/mesh-large.yaml')),
      'the sibling says whose launch it was given',
    );
    assert.ok(result.leftOut.some((l) => l.display === 'infer.py'));
  });

  it('makes no run of a config the README passes to no program, to a data utility, or to a launcher', async () => {
    for (const command of [
      'cat configs/mesh-large.yaml',
      'python scripts/download_weights.py configs/mesh-large.yaml',
      // A launcher's own config, before the program or with a launcher's config flag after it.
      'accelerate launch --config_file configs/mesh-large.yaml infer.py examples/chair.png',
      'deepspeed infer.py examples/chair.png --deepspeed configs/mesh-large.yaml',
    ]) {
      const result = await scanFiles({
        'infer.py': PROGRAM,
        'scripts/download_weights.py': 'import sys\nprint(sys.argv)\n',
        'configs/mesh-large.yaml': CONFIG(16),
        'README.md': README(command),
      });
      assert.deepEqual(listed(result), [], command);
    }
  });

  it("reads a model section's own target class, in YAML and JSON, not a nested part's", () => {
    assert.deepEqual(modelTargetOf(CONFIG(16), false), {
      section: 'model_config',
      className: 'Reconstructor',
      line: 1,
    });
    const nested = 'model:\n  params:\n    encoder:\n      target: pkg.Encoder\n';
    assert.equal(modelTargetOf(nested, false), undefined);
    assert.equal(modelTargetOf('{"model": {"target": "pkg.nets.Big", "params": {}}}', true)?.className, 'Big');
    assert.equal(modelTargetOf('{"data": {"target": "pkg.Loader"}}', true), undefined);
  });

  it('reads JSON top-level keys, compares shapes exactly, and renames only the word that names the config', () => {
    assert.deepEqual(
      [...topLevelConfigKeys('a.json', '{"models": {}, "trainer": {"args": {}}}')],
      // The top-level keys, then each section one level down, marked.
      ['models', 'trainer', '\u00a7trainer.args'],
    );
    assert.equal(topLevelConfigKeys('a.json', '{not json').size, 0);
    assert.ok(sameShape(new Set(['a', 'b']), new Set(['b', 'a'])));
    assert.ok(!sameShape(new Set(['a', 'b']), new Set(['a', 'b', 'c'])));
    assert.ok(!sameShape(new Set(['a']), new Set(['a'])));
    const launch = {
      command: 'python train.py --config=./cfg/large.json --out runs/large.json.d',
      file: 'README.md',
      line: 3,
    };
    assert.equal(
      launchForSibling(launch, 'large.json', 'small.json', 'cfg/large.json')?.command,
      'python train.py --config=./cfg/small.json --out runs/large.json.d',
    );
    assert.equal(
      launchForSibling({ ...launch, command: 'python train.py' }, 'large.json', 'small.json', 'x'),
      undefined,
    );
  });
});
