import * as assert from 'node:assert/strict';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

describe('Thirtieth round: data-preparation folders', () => {
  // A program run as main that transcribes raw audio with a pretrained model to build a training set.
  const transcriber =
    'import argparse\nimport whisper\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n    p.add_argument("--audio_dir")\n    args = p.parse_args()\n    model = whisper.load_model("large-v3")\n    model.transcribe(args.audio_dir)\n';
  it('leaves out programs in a preprocess / preprocessing / preprocessors folder', () => {
    for (const path of [
      'preprocessors/podcasts/main.py',
      'examples/speech_synthesis/preprocessing/get_features.py',
      'demo/search/src/preprocess/build_index.py',
      'preprocessing/run_all.sh',
    ])
      assert.equal(nonRunPlaceReason(path, transcriber), 'a data preparation utility, by its folder', path);
  });
  it('keeps a program whose folder only starts with the word', () => {
    assert.equal(nonRunPlaceReason('preprocessor_training/train.py', transcriber), undefined);
    assert.equal(nonRunPlaceReason('scripts/transcribe.py', transcriber), undefined);
  });
});
