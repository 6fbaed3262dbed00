/** A shell word without the quotes around it (`"a b"` → a b). */
export const unquote = <T extends string | undefined>(w: T): T => w?.replace(/^["']|["']$/g, '') as T;
/**
 * A shell word as the shell reads it once its quote pairs are removed, wherever they are in the word
 * (`"${CONFIGS:-$PWD/configs}"//base.yml` is one path); an unpaired quote at either end goes too.
 */
export const withoutQuotes = (w: string): string => unquote(w.replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
/** How a model flag set from a variable the script leaves unset is worded (`--model_name_or_path $MODEL`). */
export const SET_FROM_VARIABLE = ': set from a shell variable';

/**
 * A path under a root the job sets where it runs (`$SCRATCH/checkpoints/x`, `${n}/space/Repo/pkg/train.py`), read as
 * absolute from there (`/checkpoints/x`): the folders under the root are as written. Other words are returned as they are.
 */
export const withoutRootVariable = (path: string): string => path.replace(/^\$\{?\w{1,64}\}?(?=\/)/, '');
