import type { Node } from 'web-tree-sitter';
import { startsARun } from '../../../facts';
import { evaluate, insideFunction } from '../../pythonValues';
import { executedRowMask } from '../entryPoint';
import type { FileRule } from '../rules';
import type { SyntaxIndex } from '../syntaxIndex';
import { projectImports } from './calledModelObject';
import { TRAINS_HERE } from '../trainingText';

/**
 * A model a project's own builder function makes from a named release, handed to the project's function that runs
 * it on the program's input (AudioLDM's CLI and scripts):
 *
 *     from audioldm import text_to_audio, build_model
 *     audioldm = build_model(model_name=args.model_name)          # --model_name default "audioldm-m-full"
 *     waveform = text_to_audio(audioldm, text, duration=10.0)
 *
 * Nothing in the file trains, so it is an inference run of the release named by the builder's model argument (a
 * name, through constants and flag defaults, or the stem of the weights file given as `ckpt_path`); the release is
 * the model's name. Read only for functions imported from the project's own modules (not an installed framework's),
 * only for a builder named for building or loading a model, and only where the built model is the first argument of
 * a function named for generating, inferring or converting (`text_to_audio`, `generate_*`, `synthesize`).
 */

/** Builders named for making a model (`build_model`, `load_model`, `create_model`, `get_model`, `init_model`). */
const BUILDER = /^(?:build|load|create|get|init|make)_(?:\w{1,20}_)?model$/;
/** Functions that run a model on input, by their name. */
const RUNNER =
  /^(?:\w{0,20}_)?(?:generate|infer|inference|predict|synthesi[sz]e|transcribe|sample|separate|translate|caption)(?:_\w{1,30})?$|^\w{1,20}_to_(?:audio|speech|wave|image|video|text|mesh|3d)$/;
/** Keywords a builder is given the release by. */
const NAME_KEYWORD = /^(?:model_name|model_id|model_type|name|ckpt_path|checkpoint_path|model_path|ckpt)$/;
/** A release's name as a builder takes it (a word, dashes and dots; no path). */
const RELEASE = /^[A-Za-z][\w.-]{1,80}$/;
/** A weights file's stem at the end of a path. */
const WEIGHTS_STEM = /(?:^|[/\\])([A-Za-z][\w.-]{1,100})\.(?:ckpt|pth|pt|safetensors|bin)$/i;
const MAX_BUILDS = 20;

/** The release a builder's argument names: a release name, or a weights file's stem. */
function releaseOf(arg: Node, ctx: Parameters<FileRule['read']>[1]): { id: string; via?: string } | undefined {
  const value = evaluate(arg, ctx.symbols);
  if (typeof value?.value !== 'string') return undefined;
  const written = value.value.trim();
  const stem = WEIGHTS_STEM.exec(written)?.[1];
  const id = stem ?? (RELEASE.test(written) ? written : undefined);
  return id ? { id, ...(value.via ? { via: value.via } : {}) } : undefined;
}

export const builtModelHandedOn: FileRule = {
  framework: 'python',
  phase: 'after-calls',
  words: ['_model('],
  runStart: [/\b(?:build|load|create|get|init|make)_(?:\w{1,20}_)?model[ \t]*\(/],
  read: (index: SyntaxIndex, ctx) => {
    if (ctx.facts.some(startsARun) || TRAINS_HERE.test(ctx.text)) return;
    const own = projectImports(ctx.text, (name) => /^[a-z_]\w{0,60}$/.test(name));
    if (own.size === 0) return;
    const executed = executedRowMask(ctx.tree);
    let builds = 0;
    for (const build of index.calls) {
      const fn = build.childForFieldName('function');
      if (fn?.type !== 'identifier' || !own.has(fn.text) || !BUILDER.test(fn.text)) continue;
      if (++builds > MAX_BUILDS) return;
      const assignment = build.parent?.type === 'assignment' ? build.parent : undefined;
      const handle = assignment?.childForFieldName('left')?.text;
      if (!handle || !/^\w{1,40}$/.test(handle)) continue;
      // The call handing the model on (found in the text: its line holds none of this rule's words, which the
      // syntax index keeps calls by).
      const run = runnerCall(ctx.tree.rootNode, ctx.text, handle, own);
      if (!run) continue;
      // Built where the program runs, or in the handler a web UI calls per request.
      if (executed[build.startPosition.row] !== 1 && executed[run.startPosition.row] !== 1 && !insideFunction(run))
        continue;
      const args = build.childForFieldName('arguments')?.namedChildren ?? [];
      const named =
        args
          .find((a) => a?.type === 'keyword_argument' && NAME_KEYWORD.test(a.childForFieldName('name')?.text ?? ''))
          ?.childForFieldName('value') ?? args.find((a) => a && a.type !== 'keyword_argument' && a.type !== 'comment');
      const release = named ? releaseOf(named, ctx) : undefined;
      const runner = run.childForFieldName('function')!.text;
      ctx.add(
        'launch.inference',
        runner,
        run,
        `${handle} = ${fn.text}(...) builds the model and ${runner}(${handle}, ...) runs it on the program's input; nothing trains it: inference`,
        'low',
      );
      if (release && !ctx.facts.some((f) => f.kind === 'model.id' && f.value !== null))
        ctx.add(
          'model.id',
          release.id,
          named!,
          `the release ${fn.text} builds${release.via ? ` (${release.via})` : ''}`,
          'medium',
        );
      return;
    }
  },
};

/** `runner(handle, ...)` (or `runner(latent_diffusion=handle, ...)`) with a runner of the project's own, as a call node (the first such in the file). */
function runnerCall(root: Node, text: string, handle: string, own: ReadonlySet<string>): Node | undefined {
  const handedOn = new RegExp(
    `\\b([A-Za-z_]\\w{0,60})[ \\t]*\\([ \\t\\r\\n]*(?:\\w{1,40}[ \\t]*=[ \\t]*)?${handle}\\b(?![ \\t]*[.(\\[=])`,
    'g',
  );
  let tried = 0;
  for (const m of text.matchAll(handedOn)) {
    if (++tried > MAX_BUILDS) return undefined;
    if (!own.has(m[1]) || !RUNNER.test(m[1])) continue;
    for (let n: Node | null = root.descendantForIndex(m.index); n; n = n.parent)
      if (n.type === 'call') return n.childForFieldName('function')?.text === m[1] ? n : undefined;
  }
  return undefined;
}
