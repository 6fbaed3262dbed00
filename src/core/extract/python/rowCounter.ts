/**
 * The 0-based row of each offset asked for, when the offsets come in increasing order (the matches of one regex pass):
 * each call counts only the newlines since the last, so a file's rows are counted once in all, not once per match.
 */
export function forwardRowCounter(text: string): (at: number) => number {
  let row = 0;
  let counted = 0;
  return (at: number) => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) row++;
    counted = at;
    return row;
  };
}
