import * as path from 'node:path';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';

/**
 * Loads web-tree-sitter and the Python grammar once per process. The wasm files
 * live next to the bundle (`dist/`), so the caller passes that folder: the
 * extension derives it from its URI, the CLI from its own file, tests from
 * node_modules.
 */
export interface PythonParsing {
  readonly parser: Parser;
  readonly language: Language;
  /** Compiles a query against the Python grammar; the caller owns (and deletes) it. */
  query(source: string): Query;
}

// The one exception: web-tree-sitter's Parser.init sets up one wasm runtime per process, so the
// loaded grammar is shared by design (the extension, the CLI and the tests each load it once).
// eslint-disable-next-line no-restricted-syntax
let loading: Promise<PythonParsing> | null = null;

export interface WasmLocation {
  /** Folder holding tree-sitter.wasm (the runtime). */
  readonly runtimeDir: string;
  /** Full path of tree-sitter-python.wasm. */
  readonly pythonGrammar: string;
}

export function wasmLocationIn(dir: string): WasmLocation {
  return { runtimeDir: dir, pythonGrammar: path.join(dir, 'tree-sitter-python.wasm') };
}

export function loadPythonParsing(location: WasmLocation): Promise<PythonParsing> {
  loading ??= (async () => {
    await Parser.init({
      locateFile: (scriptName: string) => path.join(location.runtimeDir, scriptName),
    });
    const language = await Language.load(location.pythonGrammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, language, query: (source: string) => new Query(language, source) };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export type { Tree };
