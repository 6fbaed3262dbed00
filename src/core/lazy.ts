/**
 * A value built on first use and kept: for tables derived from constant rule lists whose building costs
 * time a process may never need to spend (not per-call state: the value never changes once built).
 */
export function lazy<T>(build: () => T): () => T {
  const cell: { value?: T; built: boolean } = { built: false };
  return () => {
    if (!cell.built) {
      cell.value = build();
      cell.built = true;
    }
    return cell.value as T;
  };
}
