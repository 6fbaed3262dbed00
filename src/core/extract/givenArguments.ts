import type { PyValue } from './pythonValues';

/**
 * The arguments a class is built with, read where the call is (`Encoder(hidden=args.hidden, layers=4)` with
 * `--hidden` default 256): values, not syntax, so that a class defined in another file of the repository can be
 * counted with them (moduleParams.ts countBuiltClass) and so that they travel on a fact between scan workers.
 */

/** One argument: its value and how it was read, or why its value is not known statically. */
export type GivenArgument = { readonly value: PyValue; readonly via: string } | { readonly unknown: string };

export interface GivenArguments {
  readonly positional: readonly GivenArgument[];
  readonly keywords: readonly (readonly [string, GivenArgument])[];
  /** `Model(*args)`: any parameter not written out may be filled by the spread. */
  readonly spreadsPositional: boolean;
  /** `Model(**cfg)`. */
  readonly spreadsKeywords: boolean;
  /** The call as written, shortened: how a value is said to be read. */
  readonly text: string;
}
