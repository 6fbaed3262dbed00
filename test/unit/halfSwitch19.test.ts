import * as assert from 'node:assert/strict';
import type { Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

/**
 * Nineteenth round, set V: a half-precision switch kept in a variable, and a flag default that picks the class a
 * program builds. Each rule on the shapes it reads and on the near misses it must leave alone.
 */

const valuesOf = (facts: readonly Fact[], kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.value);

// The encoder is put in eval mode: the program runs it forward only (the builtin `eval(...)` reading a switch below
// is no model's `.eval()`, and no longer stands in for one).
const LOAD =
  'import os\nimport torch\nfrom transformers import AutoModel\nenc = AutoModel.from_pretrained("org/voice-enc")\nenc.eval()\n';

describe('Nineteenth round: half-precision switches and flag-chosen classes', () => {
  it('reads a switch that is true on a GPU and gates .half() as fp16', async () => {
    const env = await pythonFacts(
      `${LOAD}fp16 = eval(os.environ.get("fp16", "True")) and torch.cuda.is_available()\nif fp16:\n    enc = enc.half()\n`,
    );
    assert.deepEqual(valuesOf(env, 'training.precision'), ['fp16']);
    const literal = await pythonFacts(`${LOAD}use_half = True\ndtype = torch.float16 if use_half else torch.float32\n`);
    assert.deepEqual(valuesOf(literal, 'training.precision'), ['fp16']);
  });

  it('leaves the precision unread when a binding cannot be evaluated or says False', async () => {
    const unknown = await pythonFacts(
      `${LOAD}is_half = True\nis_half = settings.is_half\nif is_half:\n    enc = enc.half()\n`,
    );
    assert.deepEqual(valuesOf(unknown, 'training.precision'), []);
    const off = await pythonFacts(
      `${LOAD}is_half = eval(os.environ.get("is_half", "False"))\nif is_half:\n    enc = enc.half()\n`,
    );
    assert.deepEqual(valuesOf(off, 'training.precision'), []);
    // A switch nothing tests before a cast says nothing of the compute precision.
    const unused = await pythonFacts(`${LOAD}is_half = True\nprint(is_half)\n`);
    assert.deepEqual(valuesOf(unused, 'training.precision'), []);
    // `not args.no_half` of a flag that is on by default is not read.
    const flagOn = await pythonFacts(
      `${LOAD}import argparse\np = argparse.ArgumentParser()\np.add_argument("--no-half", action="store_true", default=True)\nargs = p.parse_args()\nis_half = not args.no_half\nif is_half:\n    enc = enc.half()\n`,
    );
    assert.deepEqual(valuesOf(flagOn, 'training.precision'), []);
  });

  it('names the class a flag default dispatches to, and not a default nothing compares', async () => {
    const head =
      'import argparse\nimport torch.nn as nn\nclass Mixer(nn.Module):\n    pass\nclass Conv(nn.Module):\n    pass\n\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n';
    const chosen = await pythonFacts(
      `${head}    p.add_argument("--arch", default="mixer")\n    args = p.parse_args()\n    if args.arch == "mixer":\n        model = Mixer()\n    elif args.arch == "conv":\n        model = Conv()\n`,
    );
    assert.deepEqual(valuesOf(chosen, 'model.id'), ['mixer']);
    const compared = await pythonFacts(
      `${head}    p.add_argument("--arch", default="mixer")\n    args = p.parse_args()\n    model = Conv()\n    if args.arch == "mixer":\n        print("mixer")\n`,
    );
    assert.deepEqual(valuesOf(compared, 'model.id'), []);
  });

  it('reads a web server or Gradio demo that builds an inference pipeline class of its package', async () => {
    const head = 'from voicepkg.infer.voice_tts import VoiceTTS, VoiceTTSSettings\n';
    const served = await pythonFacts(
      `import uvicorn\nfrom fastapi import FastAPI\n${head}tts = VoiceTTS(VoiceTTSSettings())\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run(app, port=9000)\n`,
    );
    assert.deepEqual(valuesOf(served, 'launch.inference'), ['web-server']);
    const demo = await pythonFacts(
      `import gradio as gr\n${head}tts = VoiceTTS(VoiceTTSSettings())\nwith gr.Blocks() as demo:\n    gr.Textbox()\nif __name__ == "__main__":\n    demo.launch()\n`,
    );
    assert.deepEqual(valuesOf(demo, 'launch.inference'), ['web-server']);
    // A settings object of the package is no model: a server that builds only that serves nothing we read.
    const settingsOnly = await pythonFacts(
      `import uvicorn\nfrom fastapi import FastAPI\n${head}cfg = VoiceTTSSettings()\napp = FastAPI()\nif __name__ == "__main__":\n    uvicorn.run(app, port=9000)\n`,
    );
    assert.deepEqual(valuesOf(settingsOnly, 'launch.inference'), []);
    // A Gradio front end that hands a model's name to a helper of its package talks to a model served elsewhere.
    const client = await pythonFacts(
      `import gradio as gr\nfrom chatpkg.model.adapter import get_template\nconv = get_template(model_name)\nwith gr.Blocks() as demo:\n    gr.Textbox()\nif __name__ == "__main__":\n    demo.launch()\n`,
    );
    assert.deepEqual(valuesOf(client, 'launch.inference'), []);
  });
});
