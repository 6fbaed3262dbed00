/**
 * The Hub's download cache keeps a model in a folder named `models--<org>--<name>` (huggingface_hub docs, "Manage
 * the cache": `models--julien-c--EsperBERTo-small`, its files under `snapshots/<revision>/`); the Hub forbids `--` in
 * a repository id, so the split is unambiguous. A path through such a folder names that model.
 */
const HUB_CACHE_FOLDER =
  /(?:^|[\\/])models--([A-Za-z0-9](?:[\w.]|-(?!-)){0,95})--([A-Za-z0-9](?:[\w.]|-(?!-)){0,95})(?=[\\/]|$)/;

/** The Hub id (`org/name`) of the cache folder a path goes through, if it goes through one. */
export function hubIdOfCacheFolder(path: string): string | undefined {
  if (path.length > 2000) return undefined;
  const m = HUB_CACHE_FOLDER.exec(path);
  return m ? `${m[1]}/${m[2]}` : undefined;
}
