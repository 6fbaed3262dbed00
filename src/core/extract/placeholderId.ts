/**
 * A template's blank in a model id (`<hf_username>/<model_repo_id>`, `{org}/{model}`, `YOUR_MODEL_ID`): a
 * placeholder the reader is to fill in, not a model's name. A blank is a name in brackets; other text in
 * brackets (markup, a hostile name) stays the name as written, escaped wherever it is shown. Bounded, so linear.
 * A documentation path's blank naming nothing (`/path/to/pretrained`, `path/to/your/checkpoint`) is one too
 * (eighteenth round, set U); a blank path that names a family (`path/to/hf/llama-2/dir`) keeps its name. An
 * upper-case blank written as one word (`PATH_TO_CHECKPOINT`, `PATH_TO_MODEL`, nineteenth round, set V) is one too, and so is a generic
 * folder under it (`PATH_TO_X/llm`).
 */
export const PLACEHOLDER_ID =
  /<[A-Za-z_][\w.-]{0,60}>|\{[A-Za-z_][\w.-]{0,60}\}|\bYOUR[_-]\w{0,40}|\byour[_-](?:model|org|username|hf)\w{0,40}|^\.{0,2}\/?path\/to\/(?:your[_/-])?(?:pretrained|model|checkpoint|weights|ckpt)s?(?:[_-](?:path|dir|folder|model|weights))?\/?$|^(?:\.{0,2}\/)?PATH_TO_[A-Z0-9_]{1,60}(?:\/(?:llm|lm|models?|checkpoints?|weights|hf))?\/?$/;
