import * as assert from 'node:assert/strict';
import { startsARun, type Fact } from '../../src/core/facts';
import { pythonFacts } from './helpers';

const valueOf = (facts: readonly Fact[], kind: string) => facts.find((f) => f.kind === kind)?.value;

const program = (call: string) => `from faster_whisper import WhisperModel

model = ${call}
segments, info = model.transcribe("a.wav")
print([s.text for s in segments])
`;

describe('faster-whisper WhisperModel', () => {
  it('names the checkpoint a short name resolves to and reads the default compute type on a GPU as fp16', async () => {
    const facts = await pythonFacts(program('WhisperModel("large", device="cuda")'));
    assert.equal(valueOf(facts, 'model.id'), 'openai/whisper-large-v3');
    assert.equal(valueOf(facts, 'training.precision'), 'fp16');
    assert.equal(valueOf(facts, 'hardware.devices'), 1);
    assert.ok(facts.some(startsARun));
  });

  it('reads compute_type as written, the CPU default as fp32, and no integer type or auto device', async () => {
    assert.equal(
      valueOf(
        await pythonFacts(program('WhisperModel("base", device="cuda", compute_type="bfloat16")')),
        'training.precision',
      ),
      'bf16',
    );
    assert.equal(
      valueOf(await pythonFacts(program('WhisperModel("base", device="cpu")')), 'training.precision'),
      'fp32',
    );
    const int8 = await pythonFacts(program('WhisperModel("base", device="cuda", compute_type="int8_float16")'));
    assert.equal(valueOf(int8, 'training.precision'), undefined);
    const auto = await pythonFacts(program('WhisperModel("distil-large-v3")'));
    assert.equal(valueOf(auto, 'model.id'), 'distil-whisper/distil-large-v3');
    assert.equal(valueOf(auto, 'training.precision'), undefined);
    assert.equal(valueOf(auto, 'hardware.devices'), undefined);
  });

  it('counts the GPUs of a device_index list and names no model for a path', async () => {
    const facts = await pythonFacts(program('WhisperModel("ckpts/ct2-model", device="cuda", device_index=[0, 1])'));
    assert.equal(valueOf(facts, 'model.id'), undefined);
    assert.equal(valueOf(facts, 'hardware.devices'), 2);
  });

  it('keeps the start of a helper module that transcribes only in an uncalled function for its callers', async () => {
    const helper = `from faster_whisper import WhisperModel

model = WhisperModel("tiny", device="cuda")


def inference():
    segments, _ = model.transcribe("a.wav")
    return list(segments)
`;
    const facts = await pythonFacts(helper);
    assert.equal(facts.find((f) => f.kind === 'launch.inference')?.within, 'inference');
    assert.ok(!facts.some(startsARun));
    // Handed on at module level (`dataset.map(function=inference)`), the transcription runs here.
    const handed = await pythonFacts(`${helper}\nresults = dataset.map(function=inference)\n`);
    assert.ok(handed.some(startsARun));
  });

  it('does not read a WhisperModel class of another package', async () => {
    const facts = await pythonFacts(`from mylib.asr import WhisperModel

model = WhisperModel("large-v3", device="cuda")
model.transcribe("a.wav")
`);
    assert.equal(valueOf(facts, 'model.id'), undefined);
  });
});
