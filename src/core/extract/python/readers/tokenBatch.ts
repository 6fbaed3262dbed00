import type { PythonReadContext } from '../context';
import type { FileRule } from '../rules';

/**
 * A batch size that counts tokens, not sequences: the program hands its `batch_size` to a function of its own whose
 * parameter there is named for tokens (modded-nanogpt: `TrainingStage(batch_size=8 * 2048 * 8, ...)`, then
 * `distributed_data_generator(args.train_files, TRAINING_STAGES[0].batch_size, ...)` with
 * `def distributed_data_generator(filename_pattern, num_tokens, max_seq_len, ...)`, which splits those tokens over
 * the devices and accumulation steps). Read as sequences, such a batch multiplies the run's tokens by the sequence
 * length (×512 to ×2048).
 */
const TOKEN_PARAMETER =
  /^(?:num_tokens|n_tokens|tokens_per_(?:step|batch|iter|iteration)|batch_tokens|batch_size_tokens)$/;
/** `def name(a, b: int, c=1, ...)`: a definition's head on one or more lines, bounded. */
const DEFINITION = /^[ \t]*def[ \t]+([A-Za-z_]\w{0,80})[ \t]*\(([^()]{0,1000})\)/gm;
/** Definitions looked at per file. */
const MAX_DEFINITIONS = 2_000;

/** Functions of the file with a token-named parameter: name → (position, parameter name). */
function tokenParameters(text: string): Map<string, { at: number; name: string }> {
  const found = new Map<string, { at: number; name: string }>();
  let seen = 0;
  for (const m of text.matchAll(DEFINITION)) {
    if (++seen > MAX_DEFINITIONS) break;
    const names = m[2]
      .split(',')
      .map((p) =>
        p
          .trim()
          .replace(/[:=][\s\S]*$/, '')
          .trim(),
      )
      .filter((p) => p !== '' && p !== 'self' && !p.startsWith('*'));
    const at = names.findIndex((p) => TOKEN_PARAMETER.test(p));
    if (at >= 0) found.set(m[1], { at, name: names[at] });
  }
  return found;
}

function readTokenBatch(ctx: PythonReadContext): void {
  if (!/batch_size/.test(ctx.text)) return;
  const functions = tokenParameters(ctx.text);
  if (functions.size === 0) return;
  // Every call of the file, not the syntax index's: the index holds calls that start on a line the prefilter keeps,
  // and a call written over several lines (`loader = generator(\n    files,\n    stage.batch_size, ...)`) starts on
  // one that may not. The walk runs only in files that define a tokens parameter (the rule's words).
  for (const call of ctx.tree.rootNode.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function')?.text;
    const takes = callee ? functions.get(callee) : undefined;
    const args = takes ? call?.childForFieldName('arguments') : undefined;
    if (!call || !takes || !args) continue;
    const given = args.namedChildren.filter((c) => c !== null && c.type !== 'comment');
    const positional = given.filter((c) => c!.type !== 'keyword_argument');
    const keyword = given.find(
      (c) => c!.type === 'keyword_argument' && c!.childForFieldName('name')?.text === takes.name,
    );
    const value = keyword ? keyword.childForFieldName('value') : positional[takes.at];
    if (!value || !/(?:^|\.)batch_size$/.test(value.text)) continue;
    ctx.add(
      'training.batchInTokens',
      true,
      value,
      `${value.text} is handed to ${callee}'s ${takes.name}: a batch counted in tokens a step`,
      'medium',
    );
    return;
  }
}

export const tokenBatch: FileRule = {
  framework: 'torch',
  phase: 'after-calls',
  words: ['num_tokens', 'n_tokens', 'tokens_per_', 'batch_tokens', 'batch_size_tokens'],
  read: (_index, ctx) => readTokenBatch(ctx),
};
