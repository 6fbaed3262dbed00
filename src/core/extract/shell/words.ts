/** A shell word without the quotes around it (`"a b"` → a b). */
export const unquote = <T extends string | undefined>(w: T): T => w?.replace(/^["']|["']$/g, '') as T;
