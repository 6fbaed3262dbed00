import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

/**
 * Thirty-fifth round, set AJ: a submitit launcher that submits a job object of its own class, whose `__call__`
 * imports a program's `main` and runs it (DINOv2's `run/eval/*.py`), is a cluster launch of that program.
 */

const EVAL_PROGRAM = [
  'import argparse',
  'import torch',
  'from torchvision.models import resnet50',
  '',
  'def get_args_parser(add_help=True):',
  '    parser = argparse.ArgumentParser(add_help=add_help)',
  '    parser.add_argument("--batch-size", type=int, default=256)',
  '    return parser',
  '',
  'def main(args):',
  '    model = resnet50(weights="IMAGENET1K_V2").cuda().eval()',
  '    with torch.no_grad():',
  '        for x in range(10):',
  '            model(torch.ones(args.batch_size, 3, 224, 224).cuda())',
  '',
  'if __name__ == "__main__":',
  '    main(get_args_parser().parse_args())',
  '',
].join('\n');

const SUBMIT = [
  'import argparse',
  'import submitit',
  '',
  'def get_args_parser(description=None, parents=None):',
  '    parser = argparse.ArgumentParser(description=description, parents=parents or [])',
  '    parser.add_argument("--ngpus", "--gpus-per-node", default=4, type=int, help="GPUs per node")',
  '    parser.add_argument("--nodes", default=1, type=int)',
  '    return parser',
  '',
  'def submit_jobs(task_class, args, name):',
  '    executor = submitit.AutoExecutor(folder=args.output_dir)',
  '    executor.update_parameters(gpus_per_node=args.ngpus, nodes=args.nodes)',
  '    return executor.submit(task_class(args))',
  '',
].join('\n');

const LAUNCHER = (submitted: boolean) =>
  [
    'import sys',
    'from vispkg.eval.classify import get_args_parser as get_classify_args_parser',
    'from vispkg.run.submit import get_args_parser, submit_jobs',
    '',
    'class Evaluator:',
    '    def __init__(self, args):',
    '        self.args = args',
    '',
    '    def __call__(self):',
    '        from vispkg.eval.classify import main as classify_main',
    '        classify_main(self.args)',
    '',
    'def main():',
    '    args = get_args_parser(parents=[get_classify_args_parser(add_help=False)]).parse_args()',
    submitted ? '    submit_jobs(Evaluator, args, name="vispkg:classify")' : '    print(args)',
    '    return 0',
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main())',
    '',
  ].join('\n');

describe('Thirty-fifth round: a submitted job class runs its program', () => {
  const scan = (submitted: boolean) =>
    scanFiles({
      'vispkg/__init__.py': '',
      'vispkg/eval/__init__.py': '',
      'vispkg/eval/classify.py': EVAL_PROGRAM,
      'vispkg/run/__init__.py': '',
      'vispkg/run/submit.py': SUBMIT,
      'vispkg/run/eval/classify.py': LAUNCHER(submitted),
      'setup.py': 'from setuptools import setup, find_packages\nsetup(name="vispkg", packages=find_packages())\n',
    });

  it('lists the launcher as the program’s run, on the GPUs its flags request', async () => {
    const result = await scan(true);
    const run = result.files.find((f) => f.display === 'vispkg/run/eval/classify.py')?.analysis.runs[0]?.run;
    assert.ok(run, 'the launcher is a run');
    assert.equal(run.mode, 'inference');
    assert.equal(run.spec.model.name, 'resnet50');
    assert.equal(run.hardware.count, 4);
  });

  it('is no run when the class is never submitted', async () => {
    const result = await scan(false);
    const file = result.files.find((f) => f.display === 'vispkg/run/eval/classify.py');
    assert.equal(file?.analysis.runs.length ?? 0, 0);
  });
});
