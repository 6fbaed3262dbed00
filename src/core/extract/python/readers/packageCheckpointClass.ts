import { gatedTest } from '../requiredLiterals';
import { startsARun, type Fact } from '../../../facts';
import { escapeRegExp, lineRange } from '../context';
import { codeLinesKeptWithoutStrings, executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import { isUpsamplerFact } from './srGenerator';
import { TRAINS_IN_TEXT } from './trainsInText';

/**
 * A model class of the repository's own package, imported by name (`from mypkg.api import Synthesizer, VoiceMorpher`,
 * `from mypkg import Restorer`), given its trained weights and then asked to produce: speech, voice-conversion and
 * image-restoration packages ship their inference this way, and their demo notebooks, scripts and web apps are
 * inference runs of the package's model though no `from_pretrained` or `generate` is in the file. The weights are
 * given either by the object's own loader (`synth = Synthesizer(f"{ckpt}/config.json", device=device)` then
 * `synth.load_ckpt(f"{ckpt}/checkpoint.pth")`, also `load_checkpoint` / `load_weights`) or to the constructor as a
 * weights path (`restorer = Restorer(model_path=path, upscale=2)`, also `ckpt_path=` / `checkpoint_path=`); the
 * production is a call of the object named for what such packages do (`synth.tts(...)`, `morpher.convert(...)`,
 * `restorer.enhance(...)`, `synthesize`, `infer`, `inference`, `restore`, `transcribe`, `predict`), anywhere in the
 * file (a web app's callback runs it per request).
 *
 * The weights must be given in code that runs (a notebook cell, the module's top level, a function the main guard
 * reaches, or a served class whose run another rule found: a Cog predictor's `setup`). The model is named by the
 * package and the class (`mypkg.Synthesizer`): that is what the file builds; its size comes from a checkpoint folder
 * and stays unknown. Of several such objects, the first given weights names it.
 *
 * A restorer handed a helper network for the rest of the image (`Restorer(model_path=..., bg_upsampler=upsampler)`)
 * is the run's model: the upsampler's network, size and `half=` switch (readers/srGenerator.ts) are its helper's and
 * are dropped; the restorer computes in float32 unless told otherwise.
 *
 * Not read where the file trains (an optimiser step, a backward pass), for classes of installed frameworks (their own
 * rules read them), or where another rule already found a run and a model.
 */

/** `from pkg.mod import A, B` / `from pkg import (A, B)` at column 0: the package's top name and the names. */
const FROM_IMPORT =
  /^from[ \t]+([A-Za-z_]\w{0,60})((?:\.\w{1,60}){0,6})[ \t]+import[ \t]+\(?([\w \t,]{1,400})\)?[ \t]*$/gm;
/** Frameworks and libraries whose classes their own rules read (or that hold no model). */
const LIBRARY =
  /^(?:torch|torchvision|torchaudio|transformers|diffusers|vllm|keras|tensorflow|tf|jax|flax|accelerate|peft|trl|timm|whisper|sklearn|numpy|scipy|PIL|cv2|json|yaml|os|sys|typing|dataclasses|collections|pathlib|gradio|fastapi|flask|lightning|pytorch_lightning|openai|anthropic|langchain\w*|basicsr|realesrgan|facexlib|librosa|soundfile|pydub|onnxruntime|tensorrt|ultralytics|sentence_transformers|huggingface_hub|datasets|omegaconf|hydra)$/;
/** `name = Class(` at the start of a line (a class: a capitalised name). */
const BUILT = /^[ \t]*([A-Za-z_][\w.]{0,80})[ \t]*=[ \t]*([A-Z]\w{0,60})[ \t]*\(/gm;
/** How far the constructor's arguments are looked at (they may span lines). */
const MAX_ARGUMENTS = 600;
/** A weights path handed to the constructor. */
/**
 * A helper network handed to the restorer for the rest of the image (`bg_upsampler=`, the face restorers' API: GFPGAN's
 * GFPGANer and the restorers built on it): the restorer is the model the run is about.
 */
const BACKGROUND_HELPER = /\bbg_upsampler[ \t]*=[ \t]*(?!None\b)\w/;
const WEIGHTS_KEYWORD = /\b(?:model_path|ckpt_path|checkpoint_path|weights_path)[ \t]*=/;
const LOAD_METHOD = 'load_ckpt|load_checkpoint|load_weights';
const USE_METHOD = 'tts|convert|synthesi[sz]e|infer|inference|enhance|restore|transcribe|predict';
const MAX_OBJECTS = 20;
/**
 * Weights given anywhere in the text (a loader method or a weights keyword): without one the rule reads nothing, and
 * it stops before building the file's code lines (a 3,000-line training script that imports one tracker class from
 * a package paid ~2 ms per keystroke for them).
 */
const GIVES_WEIGHTS = gatedTest(new RegExp(`\\.(?:${LOAD_METHOD})\\b|${WEIGHTS_KEYWORD.source}`));

export const packageCheckpointClass: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: [
    'load_ckpt',
    'load_checkpoint',
    'load_weights',
    'model_path=',
    'ckpt_path=',
    'checkpoint_path=',
    'weights_path=',
  ],
  runStart: [
    /\.(?:load_ckpt|load_checkpoint|load_weights)[ \t]*\(|\b(?:model_path|ckpt_path|checkpoint_path|weights_path)=/,
    /\.(?:tts|convert|synthesi[sz]e|infer|inference|enhance|restore|transcribe|predict)(?:_to_(?:file|wav|audio))?[ \t]*\(/,
  ],
  read: (_index, ctx) => {
    if (!GIVES_WEIGHTS(ctx.text) || TRAINS_IN_TEXT.test(ctx.text)) return;
    // Classes imported by name from a package that is not a framework: class → package.
    const classes = new Map<string, string>();
    for (const m of ctx.text.matchAll(FROM_IMPORT)) {
      if (LIBRARY.test(m[1])) continue;
      for (const raw of m[3].split(',')) {
        const name = /^\s*([A-Z]\w{0,60})\s*(?:as\s+\w+\s*)?$/.exec(raw)?.[1];
        if (name && classes.size < MAX_OBJECTS) classes.set(name, m[1]);
      }
    }
    if (classes.size === 0) return;
    // Objects built from those classes: holder → [class, given its weights in the constructor].
    const objects = new Map<string, { cls: string; weighted: boolean; helped: boolean; row: number }>();
    for (const m of ctx.text.matchAll(BUILT)) {
      if (objects.size >= MAX_OBJECTS) break;
      if (!classes.has(m[2]) || objects.has(m[1])) continue;
      const row = ctx.text.slice(0, m.index).split('\n').length - 1;
      const start = m.index + m[0].length;
      const window = ctx.text.slice(start, start + MAX_ARGUMENTS);
      const close = window.search(/\)[ \t]*(?:#[^\n]*)?\n/);
      const args = close >= 0 ? window.slice(0, close) : window;
      objects.set(m[1], { cls: m[2], weighted: WEIGHTS_KEYWORD.test(args), helped: BACKGROUND_HELPER.test(args), row });
    }
    if (objects.size === 0) return;
    const holders = [...objects.keys()].map(escapeRegExp).join('|');
    const loadCall = new RegExp(`(?:^|[^\\w.])(${holders})\\.(?:${LOAD_METHOD})[ \\t]*\\(`);
    // `tts_to_file(...)`, `infer_to_wav(...)`: the production written straight to a file.
    const useCall = new RegExp(`(?:^|[^\\w.])(${holders})\\.(?:${USE_METHOD})(?:_to_(?:file|wav|audio))?[ \\t]*\\(`);
    const code = codeLinesKeptWithoutStrings(ctx.tree).split('\n');
    const used = new Set<string>();
    for (const line of code) {
      const m = useCall.exec(line);
      if (m) used.add(m[1]);
    }
    if (used.size === 0) return;
    const executed = executedRowMask(ctx.tree);
    // A run another rule found (a served predictor whose `setup` the server calls) runs its loads too.
    const served = ctx.facts.some(startsARun);
    for (let row = 0; row < code.length; row++) {
      if (executed[row] !== 1 && !served) continue;
      const loaded = loadCall.exec(code[row])?.[1];
      const built = [...objects].find(([h, o]) => o.row === row && o.weighted && used.has(h))?.[0];
      const holder = loaded && used.has(loaded) ? loaded : built;
      if (!holder) continue;
      const { cls, helped } = objects.get(holder)!;
      // Handed a background upsampler, the restorer is the run's model and the upsampler's network its helper.
      if (helped)
        for (let i = ctx.facts.length - 1; i >= 0; i--) if (isUpsamplerFact(ctx.facts[i])) ctx.facts.splice(i, 1);
      if (ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null) && ctx.facts.some(startsARun)) return;
      const name = `${classes.get(cls)!}.${cls}`;
      const range: Fact['range'] = lineRange(row, code[row].length);
      const how = loaded
        ? `${holder}.${/\.(\w+)\s*\(/.exec(code[row].slice(code[row].indexOf(holder)))?.[1] ?? 'load'}(...) loads its weights`
        : `built with a weights path`;
      if (!ctx.facts.some(startsARun))
        ctx.facts.push({
          kind: 'launch.inference',
          value: `${holder}:${cls}`,
          range,
          confidence: 'medium',
          detail: `${holder} = ${cls}(...) of the ${classes.get(cls)!} package, ${how}, and is asked to produce with them: an inference run`,
        });
      if (!ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        ctx.facts.push({
          kind: 'model.id',
          value: name,
          range,
          confidence: 'medium',
          detail: `${cls} of the ${classes.get(cls)!} package, given trained weights (its size is in the checkpoint, not in the file)`,
        });
      if (!ctx.facts.some((f) => f.kind === 'model.params'))
        ctx.facts.push({
          kind: 'model.params',
          value: null,
          range,
          confidence: 'low',
          detail: `${name}: its size is in the checkpoint it loads, not in the file`,
        });
      return;
    }
  },
};
