import * as assert from 'node:assert/strict';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { scoresGeneratedFiles, testPackageModule } from '../../src/core/extract/shell/runIntent';
import { matchLauncher } from '../../src/core/extract/shell/launchers';
import { nonRunPathReason } from '../../src/core/resolve/entryPoint';
import { analyzeText } from '../../src/core/analyze';
import { DEFAULT_SETTINGS } from '../../src/core/runSpec';
import { analyzeSource, parsing } from './helpers';

const factOf = (text: string, kind: string) => extractShellFacts(text).find((f) => f.kind === kind);
const starts = (text: string) => extractShellFacts(text).some((f) => f.kind === 'launch.trainer');
const command = (line: string) => matchLauncher(line)!.command;

describe('Megatron-LM programs and their launches', () => {
  it('reads pretrain() called by a Megatron program as its training, not a pretrain() of another library', async () => {
    const program = [
      'from megatron.training import get_args, pretrain',
      'from megatron.core.enums import ModelType',
      '',
      'def model_provider(pre_process=True, post_process=True):',
      '    return build(get_args())',
      '',
      'if __name__ == "__main__":',
      '    pretrain(datasets, model_provider, ModelType.encoder_or_decoder, forward_step)',
      '',
    ].join('\n');
    const megatron = await analyzeSource('pretrain_x.py', program);
    assert.equal(megatron.runs.length, 1);
    assert.ok(megatron.facts.some((f) => f.kind === 'launch.trainer' && f.value === 'megatron:pretrain'));
    const other = await analyzeSource(
      'x.py',
      program.replace(/megatron\.training/, 'mylib.training').replace(/megatron\.core\.enums/, 'mylib.enums'),
    );
    assert.ok(!other.facts.some((f) => f.kind === 'launch.trainer' && f.value === 'megatron:pretrain'));
    // GPT-NeoX's megatron package: pretrain(neox_args=...) runs the configs deepy.py merged (those are the runs).
    const neox = await analyzeSource(
      'train.py',
      'from megatron.training import pretrain\n\nif __name__ == "__main__":\n    pretrain(neox_args=neox_args)\n',
    );
    assert.ok(!neox.facts.some((f) => f.kind === 'launch.trainer' && f.value === 'megatron:pretrain'));
  });

  it('links the program a runpy wrapper runs as __main__, not one it only loads', async () => {
    const wrapper = (call: string) =>
      `import os\nimport runpy\n\nif __name__ == "__main__":\n    here = os.path.dirname(__file__)\n    ${call}\n`;
    const links = async (call: string) =>
      (await analyzeSource('old_name.py', wrapper(call))).facts
        .filter((f) => f.kind === 'link.module')
        .map((f) => f.value);
    assert.deepEqual(await links('runpy.run_path(os.path.join(here, "pretrain_hybrid.py"), run_name="__main__")'), [
      'pretrain_hybrid.py',
    ]);
    assert.deepEqual(await links('runpy.run_module("pkg.train", run_name="__main__")'), ['pkg/train.py']);
    assert.deepEqual(await links('runpy.run_path(os.path.join(here, "helpers.py"))'), []);
  });

  it('reads Megatron Core and ModelOpt generation calls as inference', async () => {
    for (const call of [
      'engine = DynamicInferenceEngine(controller, context)',
      'out = generate_and_post_process(model, prompts=p)',
      'acc = megatron_mmlu(model, tokenizer, few_shots=0)',
    ]) {
      const text = `from megatron.training import initialize_megatron\n\ndef main():\n    initialize_megatron()\n    ${call}\n\nif __name__ == "__main__":\n    main()\n`;
      const analysis = await analyzeSource('run.py', text);
      assert.equal(analysis.runs.length, 1, call);
      assert.equal(analysis.runs[0].run.spec.training.mode, 'inference', call);
    }
  });

  it('does not let a comment reach a definition: a library whose only mention of its loop is a comment is no run', async () => {
    const text = [
      'import torch',
      '_PHASES = {',
      '    "entry": None,  # set at the top of pretrain()',
      '}',
      '',
      'def pretrain(model, optimizer, data):',
      '    for batch in data:',
      '        model(**batch).loss.backward()',
      '        optimizer.step()',
      '',
    ].join('\n');
    const analysis = await analyzeSource('loop_lib.py', text);
    assert.equal(analysis.runs.length, 0);
    const called = await analyzeSource('loop_lib.py', text.replace('"entry": None,', '"entry": pretrain(m, o, d),'));
    assert.equal(called.runs.length, 1);
  });

  it('does not follow a sibling helper that works out a path, parses or computes a metric', async () => {
    const scorer =
      'from generate_answers import get_output_path\n\nif __name__ == "__main__":\n    print(get_output_path("out", "qa"))\n';
    const facts = (await analyzeSource('score.py', scorer)).facts;
    assert.ok(!facts.some((f) => f.kind === 'link.module'));
    const runner = 'from generate_answers import main\n\nif __name__ == "__main__":\n    main()\n';
    assert.ok((await analyzeSource('run.py', runner)).facts.some((f) => f.kind === 'link.module'));
  });

  it('reads a launcher held in a variable set elsewhere as a Python launch of the program it names', () => {
    const launch = factOf(
      '${LAUNCH_SCRIPT} ${SCRIPT_DIR}/finetune.py --tensor-model-parallel-size 2 --finetune --load ckpt',
      'link.script',
    );
    assert.equal(launch?.value, '${SCRIPT_DIR}/finetune.py');
    assert.equal(factOf('$PYTHON train.py --lr 1e-4', 'link.script')?.value, 'train.py');
    // Not a variable followed by anything but a program.
    assert.equal(starts('${EDITOR} notes.txt'), false);
    assert.equal(starts('"${PYTHON}" -m venv "${VENV_DIR}"'), false);
  });

  it('reads --finetune with a checkpoint as fine-tuning, not a flag that only starts with the word', () => {
    const line = 'torchrun --nproc_per_node 8 pretrain_gpt.py --num-layers 2 --hidden-size 64 --finetune --load ckpt';
    assert.equal(factOf(line, 'model.fromScratch')?.value, false);
    assert.equal(factOf(line.replace('--finetune ', '--finetune-hf-dataset x '), 'model.fromScratch'), undefined);
  });

  it('reads scoring of generated files, test-suite modules and interpreter checks as no run', () => {
    assert.ok(scoresGeneratedFiles(command('python main.py --task EVAL-F1 --guess-file g.txt --answer-file r.txt')));
    assert.ok(scoresGeneratedFiles(command('python score.py --predictions p.jsonl --references r.jsonl')));
    assert.equal(
      scoresGeneratedFiles(command('python eval.py --load ckpt --predictions p.jsonl --references r.jsonl')),
      undefined,
    );
    assert.equal(scoresGeneratedFiles(command('python eval.py --predictions p.jsonl')), undefined);
    assert.equal(
      starts('python -m torch.distributed.launch main.py --num-layers 24 --guess-file g --answer-file a'),
      false,
    );
    assert.ok(testPackageModule({ module: 'tests.test_utils.python_scripts.generate_local_jobs' }));
    assert.equal(testPackageModule({ module: 'mypkg.latest.train' }), undefined);
    assert.equal(starts('python -m tests.functional.launch --scope mr'), false);
    assert.equal(starts('python --version'), false);
    assert.equal(starts('PYTHON="$(which python)"'), false);
  });

  it('makes a script with no launch the run only when a piece it sources launches', async () => {
    const script = 'TP=8\nsource ./env.sh\n. ./launch.sh\necho ready\n';
    const pieces: Record<string, string> = {
      'env.sh': 'export NCCL_DEBUG=WARN\n',
      'launch.sh': 'torchrun --nproc_per_node 8 pretrain_gpt.py --num-layers 2 --hidden-size 64 --train-iters 10\n',
    };
    const analyse = async (names: string[]) =>
      analyzeText({ path: '/r/case.sh', text: script }, await parsing(), DEFAULT_SETTINGS, {}, (_from, reference) => {
        const name = reference.replace(/^\.\//, '');
        return names.includes(name) ? { path: `/r/${name}`, display: name, text: pieces[name] } : undefined;
      });
    assert.equal((await analyse(['env.sh'])).runs.length, 0);
    assert.equal((await analyse(['env.sh', 'launch.sh'])).runs.length, 1);
  });

  it('links the pieces a script sources (`pwd`/x.sh, $(pwd)/x.sh) even when it launches nothing itself', () => {
    const facts = extractShellFacts('TP=8\nNNODES=1\n. `pwd`/CONFIG.sh\n. $(pwd)/SBATCH.sh\nexit 0\n');
    assert.deepEqual(
      facts.filter((f) => f.kind === 'link.script').map((f) => f.value),
      ['CONFIG.sh', 'SBATCH.sh'],
    );
  });

  it('leaves weight converters and quantize/prune/export programs out by name, not programs that merely mention them', () => {
    for (const p of [
      'examples/multimodal/model_converter/vision_model_tester.py',
      'tools/siglip_converter.py',
      'examples/post_training/modelopt/quantize.py',
      'examples/post_training/modelopt/prune.sh',
      'export.py',
      'scripts/checkpoint_conversion/check_logits.py',
    ])
      assert.ok(nonRunPathReason(p), p);
    for (const p of ['train_quantized.py', 'examples/qat/finetune.py', 'exporter/train.py', 'converters.md'])
      assert.equal(nonRunPathReason(p), undefined, p);
  });
});
