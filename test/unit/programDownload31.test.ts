import * as assert from 'node:assert/strict';
import { scanFiles } from './helpers';

describe('Thirty-first round: a package program that downloads its weights', () => {
  // The package's pipeline class: its own helpers load an auxiliary recogniser and generate.
  const pipeline = [
    'import torch',
    'import whisper',
    '',
    'class SpeechPipeline:',
    '    def __init__(self, ckpt_dir, device):',
    '        self.recogniser = whisper.load_model("small")',
    '        self.net = torch.load(f"{ckpt_dir}/net.pt").to(device)',
    '',
    '    def speak(self, text):',
    '        return self.net.generate(text)',
    '',
  ].join('\n');
  // An inference program inside the package: it fetches one Hub repository's weights and runs the pipeline on them.
  const program = (repo: string) =>
    [
      'import torch',
      'from huggingface_hub import snapshot_download',
      'from voxkit.models.speech.pipeline import SpeechPipeline',
      '',
      'if __name__ == "__main__":',
      '    device = torch.device("cuda")',
      `    tokenizer_dir = snapshot_download(repo_id="${repo}", allow_patterns=["tokenizer/*"])`,
      `    model_dir = snapshot_download(repo_id="${repo}", allow_patterns=["acoustic/*"])`,
      '    pipe = SpeechPipeline(model_dir, device)',
      '    pipe.speak("hello there")',
      '',
    ].join('\n');

  it('lists it as a run of the repository it downloads, not as the package code', async () => {
    const result = await scanFiles({
      'voxkit/__init__.py': '',
      'voxkit/models/__init__.py': '',
      'voxkit/models/speech/pipeline.py': pipeline,
      'voxkit/models/speech/infer_speech.py': program('acme-audio/Speechy'),
    });
    const listed = result.files.find((f) => f.display === 'voxkit/models/speech/infer_speech.py');
    assert.ok(listed, `left out: ${result.leftOut.map((l) => `${l.display}: ${l.reason}`).join('; ')}`);
    assert.equal(listed.analysis.runs.length, 1);
    const run = listed.analysis.runs[0].run;
    assert.equal(run.model.name, 'acme-audio/Speechy');
    assert.equal(run.mode, 'inference');
  });

  it('keeps the imported module’s model when the program downloads two different repositories', async () => {
    const twoRepos = program('acme-audio/Speechy').replace(
      'snapshot_download(repo_id="acme-audio/Speechy", allow_patterns=["acoustic/*"])',
      'snapshot_download(repo_id="acme-audio/Vocoder")',
    );
    const result = await scanFiles({
      'voxkit/__init__.py': '',
      'voxkit/models/__init__.py': '',
      'voxkit/models/speech/pipeline.py': pipeline,
      'voxkit/models/speech/infer_speech.py': twoRepos,
    });
    const listed = result.files.find((f) => f.display === 'voxkit/models/speech/infer_speech.py');
    assert.ok(listed);
    assert.equal(listed.analysis.runs[0]?.run.model.name, 'openai/whisper-small');
  });

  it('does not take a downloaded search index or dataset for the model', async () => {
    for (const repo of ['acme-ir/indexes', 'acme-audio/speech-dataset']) {
      const result = await scanFiles({
        'voxkit/__init__.py': '',
        'voxkit/models/__init__.py': '',
        'voxkit/models/speech/pipeline.py': pipeline,
        'voxkit/models/speech/infer_speech.py': program(repo),
      });
      const listed = result.files.find((f) => f.display === 'voxkit/models/speech/infer_speech.py');
      assert.equal(listed?.analysis.runs[0]?.run.model.name, 'openai/whisper-small', repo);
    }
  });

  it('still leaves out a package module that downloads nothing and names no model', async () => {
    const result = await scanFiles({
      'voxkit/__init__.py': '',
      'voxkit/models/__init__.py': '',
      'voxkit/models/speech/pipeline.py': pipeline,
      'voxkit/models/speech/infer_speech.py': program('acme-audio/Speechy')
        .split('\n')
        .filter((l) => !l.includes('snapshot_download'))
        .join('\n')
        .replace('SpeechPipeline(model_dir, device)', 'SpeechPipeline("ckpts", device)'),
    });
    assert.match(
      result.leftOut.find((l) => l.display === 'voxkit/models/speech/infer_speech.py')?.reason ?? '',
      /package voxkit\/ that names no model/,
    );
  });
});
