import * as assert from 'node:assert/strict';
import { nonRunPlaceReason } from '../../src/core/resolve/entryPoint';

describe('a file named *-merge is a weights-merging utility only when its text works on weights', () => {
  it('leaves out a merge script that loads and merges an adapter', () => {
    const text = [
      'from peft import PeftModel',
      'base = AutoModelForCausalLM.from_pretrained(args.base)',
      'merged = PeftModel.from_pretrained(base, args.adapter).merge_and_unload()',
      'merged.save_pretrained(args.out)',
    ].join('\n');
    assert.ok(nonRunPlaceReason('scripts/adapter_merge.py', text));
  });

  it('leaves out a shell script averaging checkpoints', () => {
    assert.ok(nonRunPlaceReason('tools/avg-merge.sh', 'python average.py --ckpt a.ckpt b.ckpt --out avg.ckpt\n'));
  });

  it('keeps a training config whose -merge suffix names a data compositing step', () => {
    const text = [
      "_base_ = ['./matting_base.py']",
      'train_pipeline = [',
      "    dict(type='LoadImageFromFile', key='fg'),",
      "    dict(type='CompositeFgBg'),",
      ']',
      'train_dataloader = dict(dataset=dict(pipeline=train_pipeline))',
    ].join('\n');
    assert.equal(nonRunPlaceReason('configs/matting/matting_online-merge.py', text), undefined);
  });
});
