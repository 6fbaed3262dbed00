import type { DocumentedSize } from '../extract/documentedLaunch';

/**
 * Model sizes a repository's own documentation states for its configs: a model-zoo table in a README or docs page
 * with a parameter column ("| CSWin-T | UPerNet | 512x512 | 160K | 49.3 | 60M | 959G | [config](configs/x.py) |",
 * "| EfficientViT-L3 | 224x224 | 85.8 | 246M | [link](…/efficientvit_l3_r224.pt) |", header `#Params (M)` with a
 * row's "109.4"). A row names the file it is about by a link or path to it, or by the file's name (OpenMMLab-style
 * zoos name each checkpoint after its config: `upernet_internimage_h_896_160k_ade20k.pth` for
 * `upernet_internimage_h_896_160k_ade20k.py`). That size is what the repository says of that run's model, where no
 * file of the run states or builds one (scanJob.ts adds it with low confidence: a size the code gives wins).
 *
 * Only Markdown pipe tables are read (a header row, its `|---|` delimiter row, then the body); a row whose size cell
 * is not one plain number (with its unit there or in the header) says nothing. Bounded on huge or hostile pages.
 */

/** A body row of a table with a parameter column. */
export interface SizeRow {
  readonly params: number;
  readonly text: string;
  readonly line: number;
  /** Link targets and path-like words of the row (`configs/x.py`, `https://…/blob/main/configs/x.py`). */
  readonly references: readonly string[];
  /** The row's words that may be a file's name without its extension (`upernet_internimage_h_896_160k_ade20k`). */
  readonly names: readonly string[];
}

/** Characters of a page looked at. */
const MAX_DOC_CHARS = 512 * 1024;
/** Rows kept per page, and cells read per row. */
const MAX_ROWS_PER_DOC = 2_000;
const MAX_CELLS = 64;
/** Characters of one row looked at. */
const MAX_ROW_CHARS = 4_000;
/** Words and references kept per row. */
const MAX_WORDS_PER_ROW = 64;
/** A file's name shorter than this is too common to tell a row is about it (`tiny`, `base`, `model`). */
export const MIN_NAME_LENGTH = 10;

/** A table's delimiter row: `|---|:---:|` (pipes at its ends optional). */
const DELIMITER_ROW = /^\s{0,12}\|?\s{0,8}:?-{2,}:?\s{0,8}(?:\|\s{0,8}:?-{1,}:?\s{0,8}){1,63}\|?\s*$/;

/**
 * A parameter-count column's header (`Params`, `#Params (M)`, `#param.`, `Params(M)`, `NumParams`, `# Param (10^6)`,
 * `total #params`), with its unit in brackets when the column's numbers carry none. Not a trainable-parameter
 * count (`LoRA Parameters`, `Trainable parameters`), an active count (`Active Params`) or a backbone's alone.
 */
const PARAM_HEADER =
  /^(?:total\s{1,4})?(?:#\s{0,4}|num\s{0,4}|no\.\s{0,4}|number\s{1,4}of\s{1,4})?param(?:eter)?s?\.?(?:\s{0,4}count)?\s{0,4}(?:[([]\s{0,4}([^)\]]{1,12}?)\s{0,4}[)\]])?$/i;

const UNIT: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  '10^3': 1e3,
  m: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  '10^6': 1e6,
  b: 1e9,
  billion: 1e9,
  billions: 1e9,
  '10^9': 1e9,
};

/** A size cell: one number, its unit after it or in the header (`61M`, `1.12B`, `109.4`, `26,285,486`). */
const SIZE_CELL = /^~?\s{0,2}(\d{1,3}(?:,\d{3}){1,4}|\d{1,7}(?:\.\d{1,4})?)\s{0,2}(k|m|b|mil|million|billion)?$/i;
/** The largest and smallest sizes a table cell is taken for (a count outside is some other number). */
const MIN_PARAMS = 1e3;
const MAX_PARAMS = 5e12;
/** A bare number under a header with no unit is a raw count only this large (`23,063` is not ambiguous, `61` is). */
const MIN_RAW_COUNT = 1e5;

/** Markup a cell may wrap its value in: HTML tags, emphasis, code marks, footnote marks. */
function plainCell(cell: string): string {
  return cell
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/[*`†‡≈]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A row's cells, split on `|` that are not escaped (`\|` inside a link's text is part of the cell). */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length && cells.length < MAX_CELLS; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') {
      current += '|';
      i++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  // A leading and a trailing pipe leave an empty cell at each end.
  if (/^\s*\|/.test(row)) cells.shift();
  if (/\|\s*$/.test(row.replace(/\\\|/g, ''))) cells.pop();
  return cells;
}

/** The unit factor a header's brackets give its column (`(M)` → 1e6), 1 when it gives none, undefined for another. */
function headerUnit(header: string): number | undefined {
  const m = PARAM_HEADER.exec(plainCell(header));
  if (!m) return undefined;
  if (m[1] === undefined) return 1;
  return UNIT[m[1].toLowerCase().replace(/\s+/g, '')];
}

/** The letter a size is written with, by its unit (`109.4` under `#Params (M)` is written `109.4M`). */
const UNIT_LETTER: Readonly<Record<number, string>> = { 1e3: 'K', 1e6: 'M', 1e9: 'B' };

/**
 * Parameters a cell states under a header of that unit, if it states one plain size, and the size as written with
 * its unit (the header's, where the cell has none).
 */
function cellParams(cell: string, unit: number): { params: number; text: string } | undefined {
  const written = plainCell(cell);
  const m = SIZE_CELL.exec(written);
  if (!m) return undefined;
  const value = Number(m[1].replace(/,/g, ''));
  const own = m[2] ? UNIT[m[2].toLowerCase()] : undefined;
  if (!own && unit === 1 && value < MIN_RAW_COUNT) return undefined;
  const params = value * (own ?? unit);
  if (params < MIN_PARAMS || params > MAX_PARAMS) return undefined;
  return { params, text: own || unit === 1 ? written : `${written}${UNIT_LETTER[unit] ?? ''}` };
}

/** Link targets of a row (`[config](configs/x.py)`) and its path-like words (`` `configs/x.yaml` ``). */
function referencesOf(row: string): string[] {
  const out = new Set<string>();
  for (const m of row.matchAll(/\]\(\s{0,4}<?([^()\s<>]{1,500})>?(?:\s{1,4}"[^"]{0,200}")?\s{0,4}\)/g)) {
    if (out.size >= MAX_WORDS_PER_ROW) break;
    out.add(m[1].replace(/[?#].*$/, ''));
  }
  for (const m of row.matchAll(
    /(?:^|[\s`'"(])((?:\.{0,2}\/)?[\w.-]{1,120}(?:\/[\w.-]{1,120}){1,20}\.(?:py|ya?ml|json|sh))(?=$|[\s`'"),])/g,
  )) {
    if (out.size >= MAX_WORDS_PER_ROW) break;
    out.add(m[1]);
  }
  return [...out];
}

/** The row's words that may name a file (without folders or extension), long and specific enough to tell. */
function namesOf(row: string): string[] {
  const out = new Set<string>();
  for (const word of row.split(/[^\w.-]+/)) {
    if (out.size >= MAX_WORDS_PER_ROW) break;
    const bare = word.replace(/^[.-]+|[.-]+$/g, '');
    for (const name of [bare, bare.replace(/\.[A-Za-z]\w{0,7}$/, '')])
      if (name.length >= MIN_NAME_LENGTH && /[_.-]/.test(name)) out.add(name);
  }
  return [...out];
}

/** The body rows of a Markdown text's tables that have a parameter column and one plain size in it. */
export function docSizeRows(text: string): SizeRow[] {
  const lines = text.slice(0, MAX_DOC_CHARS).split('\n');
  const out: SizeRow[] = [];
  for (let i = 1; i < lines.length && out.length < MAX_ROWS_PER_DOC; i++) {
    if (!DELIMITER_ROW.test(lines[i]) || !lines[i - 1].includes('|')) continue;
    const header = cellsOf(lines[i - 1].slice(0, MAX_ROW_CHARS));
    let column = -1;
    let unit: number | undefined;
    for (let c = 0; c < header.length; c++) {
      unit = headerUnit(header[c]);
      if (unit !== undefined) {
        column = c;
        break;
      }
    }
    if (column < 0 || unit === undefined) continue;
    let j = i + 1;
    for (; j < lines.length && lines[j].includes('|') && out.length < MAX_ROWS_PER_DOC; j++) {
      const row = lines[j].slice(0, MAX_ROW_CHARS).replace(/\r$/, '');
      const cells = cellsOf(row);
      const size = column < cells.length ? cellParams(cells[column], unit) : undefined;
      if (size === undefined) continue;
      out.push({
        params: size.params,
        text: size.text,
        line: j,
        references: referencesOf(row),
        names: namesOf(row),
      });
    }
    i = j - 1;
  }
  return out;
}

/** Sizes two rows give are the same size when this close (a page and its translation round differently). */
const SAME_SIZE = 0.02;

/** `https://github.com/o/r/blob/main/configs/x.py` → `configs/x.py`; any other link as written. */
function repositoryPath(reference: string): string {
  const m =
    /^https?:\/\/(?:www\.)?github\.com\/[^/]{1,100}\/[^/]{1,100}\/(?:blob|tree|raw)\/[^/]{1,100}\/(.{1,500})$/.exec(
      reference,
    );
  return m ? m[1] : reference;
}

/**
 * Each file's size by the documentation's tables: a row that links or names the file's path, else a row that names
 * the file (its name without extension, long enough to tell and held by no other file of the folder). Rows that
 * give a file different sizes (two models in one config's rows) give it none.
 */
export function documentedSizeIndex(
  docs: ReadonlyArray<{ readonly path: string; readonly display: string; readonly rows: readonly SizeRow[] }>,
  resolve: (from: string, reference: string) => string | undefined,
  paths: readonly string[],
): Map<string, DocumentedSize> {
  const byName = new Map<string, string | null>();
  for (const p of paths) {
    const name = /([^/\\]+?)(?:\.[A-Za-z]\w{0,7})?$/.exec(p)?.[1];
    if (!name || name.length < MIN_NAME_LENGTH) continue;
    byName.set(name, byName.has(name) ? null : p);
  }
  const linked = new Map<string, DocumentedSize[]>();
  const named = new Map<string, DocumentedSize[]>();
  const add = (into: Map<string, DocumentedSize[]>, target: string, size: DocumentedSize) => {
    const held = into.get(target) ?? [];
    if (held.length < 8) held.push(size);
    into.set(target, held);
  };
  for (const doc of docs)
    for (const row of doc.rows) {
      const size = { params: row.params, file: doc.display.replace(/\\/g, '/'), line: row.line, text: row.text };
      for (const reference of row.references) {
        const target = resolve(doc.path, repositoryPath(reference));
        if (target !== undefined && target !== doc.path) add(linked, target, size);
      }
      for (const name of row.names) {
        const target = byName.get(name);
        if (target) add(named, target, size);
      }
    }
  const index = new Map<string, DocumentedSize>();
  const agreed = (sizes: readonly DocumentedSize[]) =>
    sizes.every((s) => Math.abs(s.params - sizes[0].params) <= SAME_SIZE * sizes[0].params) ? sizes[0] : undefined;
  for (const [target, sizes] of linked) {
    const size = agreed(sizes);
    if (size) index.set(target, size);
  }
  for (const [target, sizes] of named) {
    if (linked.has(target)) continue;
    const size = agreed(sizes);
    if (size) index.set(target, size);
  }
  return index;
}
