/** A shell word without the quotes around it (`"a b"` → a b). */
export const unquote = <T extends string | undefined>(w: T): T => w?.replace(/^["']|["']$/g, '') as T;
/** How a model flag set from a variable the script leaves unset is worded (`--model_name_or_path $MODEL`). */
export const SET_FROM_VARIABLE = ': set from a shell variable';
