/**
 * A module that has code which runs when it is run, by its text alone: a main guard; a call at its top (`main()`,
 * `fire.Fire(main)`, `demo.launch()`); a build at its top by a plain name or a class (`model = MyModel(...)`,
 * `model = pkg.Recognizer("org/x")`, `net = Net.load(path)`, also annotated); a block at its top (`for`, `while`,
 * `with`, `try`, an `if` that is not an import guard); or a web UI's import (its handlers run what the module builds).
 *
 * A rule whose run start needs an object built in code that runs (entryPoint.ts executedRows) adds this to its runStart:
 * a package's module of definitions (a pipeline class whose methods build and call models, most of a library) holds
 * none of it, and the folder scan then never parses it. Looser than executedRows, never stricter: every executed row
 * of a module is at its top, in a block there, or in a function its top or main guard reaches. (Module-level code
 * behind `logger = logging.get_logger(__name__)`, `T = TypeVar("T")`-style lines reaches no model build.)
 */
export const RUNS_AT_TOP = new RegExp(
  [
    '__main__',
    // A call statement at the top.
    '^[A-Za-z_][\\w.]*[ \\t]*\\(',
    // A build at the top: a plain callee, or a dotted path to a class (called, or asked for a loader: `X.load(`).
    '^[A-Za-z_][\\w, ]*(?::[^=\\n]{1,80})?=[ \\t]*(?:[A-Za-z_]\\w*[ \\t]*\\(|(?:[A-Za-z_]\\w*\\.)+[A-Z]\\w*[ \\t]*[(.])',
    // A block at the top, but not an import guard (`if TYPE_CHECKING:`, `if is_torch_available():`, `try:` + import).
    '^(?:for|while|with|async)\\b',
    '^if\\b(?![ \\t]+(?:not[ \\t]+)?(?:TYPE_CHECKING|is_\\w+\\(\\)|_?is_\\w+_available\\b|sys\\.version_info)[ \\t]*:)',
    '^try:[ \\t]*(?:#[^\\n]*)?\\n(?![ \\t]+(?:import|from)\\b)',
    '^(?:import|from)[ \\t]+(?:gradio|streamlit|fastapi|flask)\\b',
  ].join('|'),
  'm',
);
