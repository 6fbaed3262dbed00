import type { FileKind } from '../analyze';

/**
 * The cheap test a file's text must pass before it is parsed: without any of these
 * words a file cannot hold a run or a fact a run links to, so building its syntax tree
 * would be wasted. Used by readFileFacts (every caller) and by the folder scan, before
 * either parses anything.
 *
 * To be built from the readers' rule tables (each rule names the words it needs), so the
 * filter never drifts from what the readers read. Today it tests Python only; configs,
 * notebooks and shell scripts always pass.
 */

const TRAINING_SIGNAL = /from_pretrained|from_config|Trainer|Arguments|Config\(|\.fit\(|backward|epoch|step|iter|generate|pipeline|LLM\(|green-ai:|Module|LightningCLI|create_model|applications|models\.|n_layer|n_embd|hidden_size|batch_size|torch|tensorflow|keras|jax/;

export function mayHoldRunFacts(text: string, kind: FileKind): boolean {
  return kind !== 'python' || TRAINING_SIGNAL.test(text);
}
