import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Fact, FactKind } from '../../src/core/facts';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { packageMainFacts } from '../../src/core/extract/python/programName';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { linkCandidates } from '../../src/core/analyze';

const values = (facts: readonly Fact[], kind: FactKind) => facts.filter((f) => f.kind === kind).map((f) => f.value);

const MAIN = `from transformers import HfArgumentParser
from pkg.finetune.encoder import ModelArguments, DataArguments, EncoderTrainingArguments, Runner


def main():
    parser = HfArgumentParser((ModelArguments, DataArguments, EncoderTrainingArguments))
    Runner(*parser.parse_args_into_dataclasses()).run()


if __name__ == "__main__":
    main()
`;

describe('package modules run with -m (twelfth round)', () => {
  it('links the module a launch runs with -m / --module, not a launcher module', () => {
    const torchrun = extractShellFacts(
      'torchrun --nproc_per_node 2 -m pkg.finetune.encoder --model_name_or_path x/y\n',
    );
    assert.deepEqual(values(torchrun, 'link.script'), ['pkg/finetune/encoder.py']);
    assert.equal(torchrun.find((f) => f.kind === 'link.script')?.confidence, 'low');
    const ds = extractShellFacts('deepspeed --hostfile hosts --module pkg.run --fp16\n');
    assert.deepEqual(values(ds, 'link.script'), ['pkg/run.py']);
    const launcher = extractShellFacts('python -m torch.distributed.launch --nproc_per_node 8 train.py\n');
    assert.deepEqual(values(launcher, 'link.script'), ['train.py']);
    // A module name that is not a dotted identifier (a variable) links nothing.
    assert.deepEqual(values(extractShellFacts('python -m $MODULE --x 1\n'), 'link.script'), []);
  });

  it("looks for a module's file, then its package's __main__.py", () => {
    const c = linkCandidates('/r/examples/ft/run.sh', 'pkg/finetune/encoder.py', '/r', path.posix);
    assert.ok(c.includes('/r/pkg/finetune/encoder.py'));
    assert.ok(c.includes('/r/pkg/finetune/encoder/__main__.py'));
    assert.ok(c.indexOf('/r/pkg/finetune/encoder.py') < c.indexOf('/r/pkg/finetune/encoder/__main__.py'));
    // A plain script name gets no __main__ candidate.
    assert.ok(!linkCandidates('/r/run.sh', 'train.py', '/r', path.posix).some((p) => p.endsWith('__main__.py')));
  });

  it("reads a package's __main__.py by its folder: evaluation is inference, finetune trains a pretrained model", () => {
    const train = packageMainFacts('pkg/finetune/encoder/__main__.py', MAIN, []);
    assert.deepEqual(values(train, 'launch.trainer'), ['package-main']);
    assert.deepEqual(values(train, 'model.fromScratch'), [false]);
    const evaluation = packageMainFacts(
      'pkg/evaluation/beir/__main__.py',
      MAIN.replace(/EncoderTrainingArguments/g, 'EvalArgs'),
      [],
    );
    assert.deepEqual(values(evaluation, 'launch.inference'), ['package-main']);
    assert.deepEqual(values(evaluation, 'launch.trainer'), []);
    // Not a __main__.py, no main guard, no flags, or a folder that says neither: nothing.
    assert.deepEqual(packageMainFacts('pkg/finetune/encoder/cli.py', MAIN, []), []);
    assert.deepEqual(
      packageMainFacts('pkg/finetune/__main__.py', MAIN.replace(/if __name__[^\n]*\n\s*main\(\)/, ''), []),
      [],
    );
    assert.deepEqual(
      packageMainFacts('pkg/tools/__main__.py', 'import sys\n\nif __name__ == "__main__":\n    print(sys.argv)\n', []),
      [],
    );
    assert.deepEqual(
      packageMainFacts('pkg/tools/__main__.py', MAIN.replace(/EncoderTrainingArguments/g, 'Opts'), []),
      [],
    );
  });

  it('reads --devices cuda:N lists and --embedder_name_or_path on evaluation launches', () => {
    const facts = extractShellFacts(
      'python -m pkg.evaluation.beir --embedder_name_or_path BAAI/bge-m3 --devices cuda:0 cuda:1 cuda:2 --k 10\n',
    );
    assert.deepEqual(
      values(facts, 'hardware.devices').filter((v) => v !== null),
      [3],
    );
    assert.deepEqual(values(facts, 'model.id'), ['BAAI/bge-m3']);
  });

  it('leaves hard-negative mining programs out of runs, by their name', () => {
    for (const p of [
      'scripts/hn_mine.py',
      'research/x/finetune/hn_mine.py',
      'Tutorials/7.2.1_Hard_Negative_Mining.ipynb',
    ])
      assert.ok(nonRunPathReason(p), p);
    assert.equal(nonRunPathReason('examples/finetune/negatives_sampler_train.py'), undefined);
  });
});
