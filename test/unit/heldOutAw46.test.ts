import * as assert from 'node:assert/strict';
import { resultsRecordReason } from '../../src/core/analyze';
import { extractShellFacts } from '../../src/core/extract/shellFacts';
import { scanFiles } from './helpers';

/** Forty-sixth round: rules from what set AW listed that is no run. */

describe('Forty-sixth round: files that are no run (set AW)', () => {
  it('leaves out a program that needs its config sections named with a required --configs', async () => {
    const program = [
      'import argparse',
      'import yaml',
      'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments',
      '',
      'def main():',
      '    parser = argparse.ArgumentParser()',
      "    parser.add_argument('--configs', nargs='+', required=True)",
      '    args, _ = parser.parse_known_args()',
      "    conf = yaml.safe_load(open('configs/config.yaml'))",
      '    model = AutoModelForCausalLM.from_pretrained(conf[args.configs[0]]["model_name"])',
      '    Trainer(model=model, args=TrainingArguments(output_dir="out")).train()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'trainer_sft.py': program });
    assert.equal(scan.files[0]?.analysis.runs.length, 0);
    assert.match(scan.files[0]?.analysis.notARun ?? '', /--configs/);
  });

  it('reads a record of what a model generated as no run', () => {
    const record = JSON.stringify(
      {
        model_name: 'org/pythia-1b-sft',
        date: '2023-03-01T22:16:13',
        args: { device: 'cuda', num_samples: 2 },
        prompts: [{ prompt: 'Why is the sky blue?', results: [{ sampling_config: 'k50', outputs: ['Because'] }] }],
      },
      null,
      2,
    );
    assert.match(resultsRecordReason('reports/sampling.json', record) ?? '', /generated/);
    // A generation config listing its prompts is a run's settings, not a record.
    const settings = JSON.stringify(
      { model_name: 'org/pythia-1b-sft', prompts: ['a', 'b'], max_new_tokens: 64 },
      null,
      2,
    );
    assert.equal(resultsRecordReason('configs/generate.json', settings), undefined);
  });

  it('runs `python -m` in the folder `pushd` moved to, and takes no output redirection for a config', () => {
    const script = [
      'parent_path=$( cd "$(dirname "${BASH_SOURCE[0]}")" ; pwd -P )',
      'pushd "$parent_path/../../backend" > /dev/null',
      'python -m main --print-openapi-schema > openapi.json || die',
      'popd',
      '',
    ].join('\n');
    const links = extractShellFacts(script, 'scripts/dev/start-server.sh').filter((f) => f.kind.startsWith('link.'));
    assert.deepEqual(
      links.map((f) => `${f.kind} ${String(f.value)}`),
      ['link.script ../../backend/main.py'],
    );
  });

  it('lists no run for a launch of a found program that reads as nothing but its imports', async () => {
    const server = [
      'import json',
      'from pathlib import Path',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '@app.get("/health")',
      'def health():',
      '    return {"ok": True}',
      '',
      "if __name__ == '__main__':",
      '    print(json.dumps(app.openapi()))',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'backend/main.py': server,
      'scripts/dev/start-server.sh': 'pushd "$(dirname "$0")/../../backend"\npython -m main > openapi.json\npopd\n',
    });
    const launch = scan.files.find((f) => f.display === 'scripts/dev/start-server.sh');
    assert.equal(launch?.analysis.runs.length, 0);
  });
});

describe('Forty-sixth round: notebooks that run a tool', () => {
  it('reads a notebook whose shell cell starts a serving tool with its model', async () => {
    const notebook = JSON.stringify({
      cells: [
        { cell_type: 'code', source: '!text-generation-launcher --version', metadata: {}, outputs: [] },
        {
          cell_type: 'code',
          source:
            '!RUST_BACKTRACE=1 \\\ntext-generation-launcher \\\n--model-id org/llama-3-8b-instruct-awq \\\n--port 1337',
          metadata: {},
          outputs: [],
        },
      ],
      nbformat: 4,
      metadata: {},
    });
    const scan = await scanFiles({ 'serve.ipynb': notebook });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.training.mode, 'inference');
    assert.equal(run?.spec.model.name, 'org/llama-3-8b-instruct-awq');
  });
});

describe('Forty-sixth round: a torchvision architecture handed to a wrapper', () => {
  it('reads `Wrapper(models.__dict__[args.arch], …)` as the architecture --arch picks', async () => {
    const program = [
      'import argparse',
      'import torch',
      'import torchvision.models as models',
      'import ours.builder',
      '',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('-a', '--arch', default='resnet50')",
      "parser.add_argument('--epochs', default=100, type=int)",
      '',
      'def main():',
      '    args = parser.parse_args()',
      '    model = ours.builder.Siamese(models.__dict__[args.arch], 2048)',
      '    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)',
      '    for epoch in range(args.epochs):',
      '        loss = model(torch.ones(1)).sum()',
      '        loss.backward()',
      '        optimizer.step()',
      '',
      "if __name__ == '__main__':",
      '    main()',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'main_pretrain.py': program });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 'resnet50');
    assert.equal(run?.spec.training.mode, 'pretrain');
  });
});

describe('Forty-sixth round: a RAG program', () => {
  it('takes the generator it loads, not its retriever’s embedding model, as the run’s model', async () => {
    const program = [
      'from langchain_huggingface import HuggingFaceEmbeddings',
      'from langchain_community.vectorstores import FAISS',
      'from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline',
      '',
      "db = FAISS.from_documents(docs, HuggingFaceEmbeddings(model_name='BAAI/bge-base-en-v1.5'))",
      "model_name = 'HuggingFaceH4/zephyr-7b-beta'",
      'model = AutoModelForCausalLM.from_pretrained(model_name)',
      'tokenizer = AutoTokenizer.from_pretrained(model_name)',
      "generate = pipeline(model=model, tokenizer=tokenizer, task='text-generation', max_new_tokens=400)",
      "print(generate('What is RAG?'))",
      '',
    ].join('\n');
    const scan = await scanFiles({ 'rag.py': program });
    assert.equal(scan.files[0]?.analysis.runs[0]?.run.spec.model.name, 'HuggingFaceH4/zephyr-7b-beta');
    // The embedding model alone is still the run's.
    const retrieval = [
      'from langchain_huggingface import HuggingFaceEmbeddings',
      'from langchain_community.vectorstores import FAISS',
      '',
      "db = FAISS.from_documents(docs, HuggingFaceEmbeddings(model_name='BAAI/bge-base-en-v1.5'))",
      "print(db.similarity_search('query'))",
      '',
    ].join('\n');
    const alone = await scanFiles({ 'index.py': retrieval });
    assert.equal(alone.files[0]?.analysis.runs[0]?.run.spec.model.name, 'BAAI/bge-base-en-v1.5');
  });
});

describe('Forty-sixth round: the model a program publishes', () => {
  it('does not take a load of the name the program pushes its result to for the model it trains', async () => {
    const program = [
      'from transformers import T5ForConditionalGeneration, Trainer, TrainingArguments, pipeline',
      'from peft import LoraConfig, get_peft_model',
      '',
      "model_name = 't5-small'",
      'model = T5ForConditionalGeneration.from_pretrained(model_name)',
      "model = get_peft_model(model, LoraConfig(r=16, target_modules=['q', 'v']))",
      'args = TrainingArguments(output_dir="out", num_train_epochs=25, push_to_hub=True,',
      '                         hub_model_id="someone/tag-generator")',
      'Trainer(model=model, args=args, train_dataset=train).train()',
      'trainer.push_to_hub()',
      'tagger = pipeline("text2text-generation", model="someone/tag-generator")',
      'print(tagger("a repository about diffusion"))',
      '',
    ].join('\n');
    const scan = await scanFiles({ 'finetune_t5.py': program });
    const run = scan.files[0]?.analysis.runs[0]?.run;
    assert.equal(run?.spec.model.name, 't5-small');
    assert.equal(run?.spec.training.mode, 'lora');
  });
});

describe('Forty-sixth round: an ASGI server launch', () => {
  it('reads `uvicorn main:app` and `python -m uvicorn … server:app` as serving that module’s application', async () => {
    const server = [
      'from fastapi import FastAPI',
      'from transformers import pipeline',
      '',
      'app = FastAPI()',
      "classifier = pipeline('text-classification', model='distilbert-base-uncased-finetuned-sst-2-english')",
      '',
      '@app.post("/classify")',
      'def classify(text: str):',
      '    return classifier(text)',
      '',
    ].join('\n');
    const scan = await scanFiles({
      'safety/main.py': server,
      'safety/serve.sh': '#!/bin/bash\nuvicorn main:app --host 0.0.0.0 --port "$PORT"\n',
      'safety/serve_module.sh': 'python3 -m uvicorn --host 0.0.0.0 --port 8300 main:app\n',
    });
    for (const name of ['safety/serve.sh', 'safety/serve_module.sh']) {
      const run = scan.files.find((f) => f.display === name)?.analysis.runs[0]?.run;
      assert.equal(run?.spec.training.mode, 'inference', name);
    }
    assert.deepEqual(
      extractShellFacts('uvicorn --reload\n', 'x.sh').filter((f) => f.kind === 'link.script'),
      [],
    );
  });
});
