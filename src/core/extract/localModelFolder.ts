/**
 * A model read as a local folder whose name states no model (`model_id_or_path: /content/llm_weights`): the fact's
 * value is null and its detail ends with this. The resolver then takes the one model the same file downloads from
 * the Hugging Face Hub into a folder (`snapshot_download(repo_id=..., local_dir=...)`), the usual shape of a
 * notebook that fetches its checkpoint and then points the trainer at the folder.
 */
export const LOCAL_FOLDER_NO_MODEL = ': a local folder whose name states no model';

/** How a Hub download (`snapshot_download(repo_id="org/name")`, fact `model.downloaded`) is worded. */
export const HUB_DOWNLOAD = 'snapshot_download(repo_id=...) downloads ';
