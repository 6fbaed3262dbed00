import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/** Evaluation programs (python/readers/scoringProgram.ts) and flag-was-given tests (python/branches.ts), fifteenth round. */

const kinds = (facts: readonly Fact[], kind: Fact['kind']) => facts.filter((f) => f.kind === kind);

const LOAD = (condition: string) =>
  [
    'import argparse, torch',
    'from transformers import AutoModelForCausalLM',
    'parser = argparse.ArgumentParser()',
    'parser.add_argument("--model_path", type=str, default="")',
    'parser.add_argument("--resume", type=str, default="")',
    'if __name__ == "__main__":',
    '    args = parser.parse_args()',
    `    if ${condition}:`,
    '        model = AutoModelForCausalLM.from_pretrained(args.model_path, torch_dtype=torch.bfloat16)',
    '        model.eval()',
    '',
  ].join('\n');

describe('a model flag tested against its empty default', () => {
  it('leaves the branch to the command line (`!= ""` written either way round, or negated)', async () => {
    for (const condition of ['args.model_path != ""', "'' != args.model_path", 'not args.model_path == ""']) {
      const facts = await pythonFacts(LOAD(condition));
      assert.equal(kinds(facts, 'training.precision')[0]?.value, 'bf16', condition);
      assert.equal(kinds(facts, 'launch.inference').length, 1, condition);
    }
  });

  it('still decides tests of other flags, of non-empty values, and a bare truth test (an else branch is the fallback)', async () => {
    assert.equal(kinds(await pythonFacts(LOAD('args.model_path')), 'training.precision').length, 0);
    // `--resume` is not a model flag: its default decides the branch (not taken).
    assert.equal(kinds(await pythonFacts(LOAD('args.resume != ""')), 'training.precision').length, 0);
    // A comparison with another value is decided by the default ("" is not "gpt2").
    assert.equal(kinds(await pythonFacts(LOAD('args.model_path == "gpt2"')), 'training.precision').length, 0);
  });
});

const PROGRAM = (body: string) =>
  [
    'from utils.args import parse_args',
    'from models.wrappers import get_model',
    '',
    'def evaluate_qa(model, dataset):',
    '    return sum(model.answer(x) == y for x, y in dataset) / len(dataset)',
    '',
    'def main(args):',
    body,
    '',
    'if __name__ == "__main__":',
    '    main(parse_args())',
    '',
  ].join('\n');

describe('an evaluation program that builds its model with a helper and scores it', () => {
  it('is an inference run with its model left to the flags', async () => {
    const facts = await pythonFacts(
      PROGRAM('    model = get_model(args)\n    print(evaluate_qa(model, load(args.data)))'),
    );
    assert.equal(kinds(facts, 'launch.inference')[0]?.value, 'evaluate_qa');
    assert.equal(kinds(facts, 'model.id')[0]?.value, null);
  });

  it('finds the call after text in other scripts (a comment in Chinese, accented words)', async () => {
    const facts = await pythonFacts(
      PROGRAM(
        '    # 加载模型 — modèle\n    model = get_model(args)\n    print("准确率", evaluate_qa(model, args.data))',
      ),
    );
    assert.equal(kinds(facts, 'launch.inference')[0]?.value, 'evaluate_qa');
  });

  it('reads the model handed as a keyword, bound with its tokenizer', async () => {
    const facts = await pythonFacts(
      PROGRAM('    eval_model, tok = get_model_and_tokenizer(args)\n    generate_answers(args, eval_model=eval_model)'),
    );
    assert.equal(kinds(facts, 'launch.inference')[0]?.value, 'generate_answers');
  });

  it('is no run when the file trains, when the scorer is a method, or when the model is not built by a call', async () => {
    const trains = PROGRAM(
      '    model = get_model(args)\n    opt = torch.optim.AdamW(model.parameters())\n    loss = model(x).loss\n    loss.backward()\n    evaluate_qa(model, val)',
    );
    assert.equal(kinds(await pythonFacts(trains), 'launch.inference').length, 0);
    const method = PROGRAM('    model = get_model(args)\n    trainer.evaluate(model)');
    assert.equal(kinds(await pythonFacts(method), 'launch.inference').length, 0);
    const notBuilt = PROGRAM('    model = args.model\n    evaluate_qa(model, load(args.data))');
    assert.equal(kinds(await pythonFacts(notBuilt), 'launch.inference').length, 0);
    const otherVariable = PROGRAM('    scores = get_model_scores(args)\n    evaluate_qa(scores, load(args.data))');
    assert.equal(kinds(await pythonFacts(otherVariable), 'launch.inference').length, 0);
  });
});
