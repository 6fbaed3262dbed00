import { ACCELERATORS } from './data/accelerators';
import { ATTENTION_GEOMETRY } from './data/attention';
import { CLOUD_PROVIDERS } from './data/cloudProviders';
import { DATASETS } from './data/datasets';
import { INSTANCE_TYPES } from './data/instances';
import { MODELS } from './data/models';
import { REGIONS } from './data/regions';
import type { Accelerator, AttentionGeometry, CloudProvider, Dataset, InstanceType, Model, Region } from './schema';
import { hubIdOfCacheFolder } from '../hubCacheFolder';
import { withoutTrailingSlashes } from '../trimSlashes';
import { fromModelScopeFolder } from './modelScopeFolder';

/**
 * Lookups over the shipped catalogs. Ids and aliases match case-insensitively,
 * because users write `a100`, `A100-80GB` and `TPU v4` interchangeably.
 */

function normaliseKey(id: string): string {
  // `Qwen/Qwen-7B-Chat/`: a hub id written as the folder of its snapshot; `Qwen2___5-7B`: ModelScope's folder of it.
  return withoutTrailingSlashes(
    fromModelScopeFolder(id)
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-'),
  );
}

function indexBy<T extends { id: string; aliases: readonly string[] }>(rows: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const row of rows) {
    for (const key of [row.id, ...row.aliases]) {
      const k = normaliseKey(key);
      if (!index.has(k)) index.set(k, row);
    }
  }
  return index;
}

const acceleratorIndex = indexBy(ACCELERATORS);
const modelIndex = indexBy(MODELS);
const datasetIndex = indexBy(DATASETS);
const regionIndex = new Map(REGIONS.map((r) => [normaliseKey(r.id), r] as const));
const instanceIndex = new Map(INSTANCE_TYPES.map((i) => [i.id.toLowerCase(), i] as const));

/** A cloud instance type (`p4d.24xlarge`, `a2-highgpu-8g`, `Standard_ND96asr_v4`) → accelerator × count. */
export function findInstance(id: string): InstanceType | undefined {
  return instanceIndex.get(id.trim().toLowerCase());
}

export function findAccelerator(id: string): Accelerator | undefined {
  return acceleratorIndex.get(normaliseKey(id)) ?? acceleratorIndex.get(normaliseKey(id).replace(/-/g, ''));
}

/** Closest known accelerator ids to an unknown one, for error messages. */
export function closestAcceleratorIds(id: string, count = 5): string[] {
  const key = normaliseKey(id);
  return ACCELERATORS.map((a) => ({
    id: a.id,
    d: Math.min(...[a.id, ...a.aliases].map((n) => editDistance(key, normaliseKey(n)))),
  }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.id);
}

/**
 * ParlAI's model-zoo files (`zoo:blender/blender_90M/model`, parl.ai/docs/zoo.html): the weights file `model` in the
 * zoo entry's folder; the entry (`zoo:blender/blender_90M`) names the model.
 */
const PARLAI_ZOO_FILE = /^(zoo:[^/]{1,100}\/[^/]{1,100})\/model$/;

export function findModel(id: string): Model | undefined {
  const key = normaliseKey(id).replace(PARLAI_ZOO_FILE, '$1');
  return (
    modelIndex.get(key) ??
    modelIndex.get(key.replace(/^(torchvision|timm)\//, '')) ??
    openClipVariantOf(key) ??
    sameNameElsewhere(key)
  );
}

/**
 * Quantised copies of a checkpoint: bitsandbytes (`unsloth/Qwen2.5-7B-bnb-4bit`), the same model stored in 4 or 8 bits,
 * and GGUF repositories (`unsloth/Z-Image-Turbo-GGUF`, `TheBloke/Llama-2-7B-GGUF`), which hold llama.cpp/ggml
 * quantisations of the model of the name before `-GGUF` (the Hub's convention for GGUF uploads, huggingface.co/docs/hub/gguf);
 * likewise the AWQ, GPTQ, Int4/Int8 and FP8 uploads of a model under its own name (`Qwen/Qwen2.5-7B-Instruct-AWQ`,
 * `Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4`, `Qwen/Qwen3-30B-A3B-Instruct-2507-FP8`: the Qwen model cards describe each as the
 * quantised version of the model they are named after): the same architecture and parameter count. LoftQ's backbones
 * (`LoftQ/Llama-2-7b-hf-4bit-64rank`, `LoftQ/bart-large-bit4-rank16`, `LoftQ/Meta-Llama-3-70B-4bit-64rank-1iter`: bits, LoRA rank, alternating
 * iterations) are "obtained from" the model of the name before the tags, stored quantised with LoRA adapters in a
 * subfolder (the LoftQ model cards on huggingface.co/LoftQ; Li et al. 2023, arXiv:2310.08659): the same backbone.
 */
const QUANTISED_COPY =
  /-(?:(?:unsloth-)?bnb-[48]bit|gguf|awq|gptq(?:-int[48])?|int[48]|fp8|(?:[1-8]bit-\d{1,4}rank|bit[1-8]-rank\d{1,4})(?:-\d{1,2}iter)?)$/;
/**
 * A copy of a checkpoint re-saved in one floating-point dtype (`<org>/Wan2.2-T2V-A14B-Diffusers-bf16`, `-fp16`) or in
 * smaller files (`philschmid/flan-t5-xxl-sharded-fp16`, whose config.json keeps `_name_or_path: google/flan-t5-xxl`
 * and its sizes): the same weights cast or split, so the same architecture and size (the suffix names a storage format,
 * not a model).
 */
const DTYPE_COPY = /-(?:sharded-)?(?:bf16|fp16|fp32)(?:-sharded)?$|-sharded$/;

/** Catalog rows by the name after their organisation; null where rows of different sizes share the name. */
const modelByName = new Map<string, Model | null>();
for (const row of MODELS)
  for (const id of [row.id, ...row.aliases]) {
    const key = normaliseKey(id);
    const name = key.slice(key.lastIndexOf('/') + 1);
    // A name of digits alone is the tail of a slashed variant (`DiT-XL/2`), not a name after an organisation.
    if (!key.includes('/') || !/[a-z]/.test(name)) continue;
    const seen = modelByName.get(name);
    if (seen === undefined) modelByName.set(name, row);
    else if (seen !== null && seen !== row && seen.params !== row.params) modelByName.set(name, null);
  }

/** A family name run into its version (`llama2-`, `gemma2-`, `llama3.1-`) at the start of a model's name. */
const FAMILY_VERSION = /^(llama|gemma|qwen|phi|falcon|internlm|baichuan|deepseek|yi|olmo)(\d(?:\.\d)?)-/;

/**
 * The catalog row a released model's name after its organisation names (`gemma-2b` for `google/gemma-2b`), where that
 * name is one row's (or rows of one size): a model a program names by its family and size, not its Hub id.
 */
export function findModelByName(name: string): Model | undefined {
  const key = normaliseKey(name);
  if (key.includes('/') || !/[a-z]/.test(key)) return undefined;
  const found = modelIndex.get(key) ?? modelByName.get(key);
  if (found !== undefined) return found ?? undefined;
  // `llama2-7b`, `gemma2-9b`, `llama3.1-8b` (MaxText's model names, many programs' flags): the Hub names these
  // families with a hyphen before the version (`meta-llama/Llama-2-7b-hf`, `google/gemma-2-9b`, `meta-llama/Llama-3.1-8B`).
  const hyphenated = key.replace(FAMILY_VERSION, '$1-$2-');
  return hyphenated === key ? undefined : (modelIndex.get(hyphenated) ?? modelByName.get(hyphenated) ?? undefined);
}

/**
 * The converted-to-Transformers marks of a local copy of a checkpoint: Meta's LLaMA weights turned into the Hugging Face
 * format by transformers' convert_llama_weights_to_hf.py are kept as `llama-7b-hf` (the Hub's `meta-llama/Llama-2-7b-hf`)
 * or `hf_llama_7b`: the same weights, the same size.
 */
const CONVERTED_MARK = /^hf-|-hf$/;

/**
 * The catalog row of a model kept in a local folder named after it (`/workspace/models/hf_llama_7b`,
 * `./checkpoints/Qwen2.5-7B-Instruct/`): the folder's own name, with a conversion mark dropped, when it is one catalog
 * row's name (or the name of rows of one size). Only for a path (a leading `/`, `./`, `../`, `~` or two or more
 * folders): `org/name` is a Hub id, read by findModel.
 */
export function findModelOfFolder(path: string): Model | undefined {
  // A folder of the Hub's download cache (`.../models--meta-llama--Llama-2-7b-chat-hf`) names its model's id.
  const cached = hubIdOfCacheFolder(path);
  if (cached) return findModel(cached);
  const p = withoutTrailingSlashes(path.trim().replace(/\\/g, '/'));
  // One path: a model assembled from parts (`a/b + c/d`) is sized part by part elsewhere.
  if (p.length > 500 || /[\s+]/.test(p) || !(/^(?:\/|\.\.?\/|~)/.test(p) || p.split('/').length >= 3)) return undefined;
  const name = normaliseKey(p.slice(p.lastIndexOf('/') + 1));
  if (!/[a-z]/.test(name)) return undefined;
  return (
    findModelByName(name) ??
    findModelByName(name.replace(CONVERTED_MARK, '')) ??
    hubIdWithUnderscore(p.slice(p.lastIndexOf('/') + 1))
  );
}

/**
 * A download kept in a folder named after its Hub id with the slash made an underscore (`EleutherAI_pythia-6.9b-deduped`
 * for `EleutherAI/pythia-6.9b-deduped`, the file-name-safe spelling download scripts write with
 * `name.replace("/", "_")`): the catalog row of that id, tried at each underscore (an organisation may hold one).
 */
function hubIdWithUnderscore(folder: string): Model | undefined {
  const id = spelledHubId(folder);
  return id === undefined ? undefined : modelIndex.get(normaliseKey(id));
}

/** The Hub id an `<org>_<name>` folder spells (`EleutherAI/pythia-6.9b-deduped`), when the catalog knows it. */
function spelledHubId(folder: string): string | undefined {
  let at = folder.indexOf('_');
  for (let k = 0; at > 0 && k < 4; k++, at = folder.indexOf('_', at + 1)) {
    const id = `${folder.slice(0, at)}/${folder.slice(at + 1)}`;
    if (modelIndex.has(normaliseKey(id))) return id;
  }
  return undefined;
}

/**
 * The model a folder is named after, as its name spells it where it spells a Hub id (`.../EleutherAI_pythia-6.9b-deduped/`
 * → `EleutherAI/pythia-6.9b-deduped`, a cache folder's `models--org--name` → `org/name`), else the catalog row's id.
 */
export function modelIdOfFolder(path: string): string | undefined {
  const row = findModelOfFolder(path);
  if (!row) return undefined;
  const p = withoutTrailingSlashes(path.trim().replace(/\\/g, '/'));
  return hubIdOfCacheFolder(p) ?? spelledHubId(p.slice(p.lastIndexOf('/') + 1)) ?? row.id;
}

/**
 * A checkpoint copied under another organisation keeps its architecture and size: Unsloth's uploads
 * (`unsloth/Qwen2.5-7B`, `unsloth/Phi-4`, `unsloth/whisper-large-v3`) and their bitsandbytes copies
 * (`-bnb-4bit`, `-unsloth-bnb-4bit`, `-GGUF`) hold the weights of the model of the same name (the Unsloth model catalog,
 * unsloth.ai/docs/get-started/unsloth-model-catalog, lists each upload beside the original it re-hosts).
 * Matched on the name after the organisation, only where that name is one catalog row's (or rows of one size).
 */
function sameNameElsewhere(key: string): Model | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || key.indexOf('/', slash + 1) >= 0) return undefined;
  const name = key
    .slice(slash + 1)
    .replace(QUANTISED_COPY, '')
    .replace(DTYPE_COPY, '');
  if (!/[a-z]/.test(name)) return undefined;
  return modelIndex.get(name) ?? modelByName.get(name) ?? undefined;
}

/**
 * Tags after an open_clip architecture name that change the tokens it is trained on or how its outputs are
 * pooled, not its layers: CLIPA's text context length `-CL<n>` and its token-reduction strategies
 * (`-SyntaxMask` or `-Syntax`, `-RandomMask`, `-BlockMask`, `-GridMask`), global average pooling `-GAP` (open_clip
 * docs/clipa.md; Li et al. 2023, "An Inverse Scaling Law for CLIP Training", arXiv:2305.07017), and the
 * QuickGELU activation `-quickgelu` (open_clip model_configs: the same widths and depths as the plain name).
 * Image-size tags (`-336`) change the position embeddings and the FLOPs, so they are not dropped.
 */
const OPEN_CLIP_WEIGHTLESS_TAG = /-(?:cl\d{1,4}|gap|syntax(?:mask)?|(?:random|block|grid)mask|quickgelu)$/;
const MAX_OPEN_CLIP_TAGS = 6;

/** `open_clip:ViT-H-14-CL8-SyntaxMask-GAP` sized as `open_clip:ViT-H-14`: the architecture the tags vary. */
function openClipVariantOf(key: string): Model | undefined {
  if (!key.startsWith('open-clip:')) return undefined; // normaliseKey's spelling of `open_clip:`
  let base = key;
  for (let k = 0; k < MAX_OPEN_CLIP_TAGS && OPEN_CLIP_WEIGHTLESS_TAG.test(base); k++) {
    base = base.replace(OPEN_CLIP_WEIGHTLESS_TAG, '');
    const row = modelIndex.get(base);
    if (row) return row;
  }
  return undefined;
}

const attentionIndex = new Map<string, AttentionGeometry>();
for (const row of ATTENTION_GEOMETRY)
  for (const id of row.ids) if (!attentionIndex.has(normaliseKey(id))) attentionIndex.set(normaliseKey(id), row);

/** Attention sizes of a checkpoint, by the id code names it with or its catalog id. */
export function findAttentionGeometry(id: string): AttentionGeometry | undefined {
  const direct = attentionIndex.get(normaliseKey(id));
  if (direct) return direct;
  const model = findModel(id);
  if (!model) return undefined;
  for (const key of [model.id, ...model.aliases]) {
    const row = attentionIndex.get(normaliseKey(key));
    if (row) return row;
  }
  return undefined;
}

export function findDataset(id: string): Dataset | undefined {
  return (
    datasetIndex.get(normaliseKey(id)) ?? datasetIndex.get(normaliseKey(id.split('/').slice(0, -1).join('/') || id))
  );
}

export function findRegion(id: string): Region | undefined {
  return regionIndex.get(normaliseKey(id));
}

export function worldRegion(): Region {
  const world = REGIONS.find((r) => r.kind === 'world');
  if (!world) throw new Error('knowledge: the regions table has no "world" row');
  return world;
}

export function cloudProvider(kind: Region['kind']): CloudProvider | undefined {
  return CLOUD_PROVIDERS.find((p) => p.id === kind);
}

export function allAccelerators(): readonly Accelerator[] {
  return ACCELERATORS;
}
export function allRegions(): readonly Region[] {
  return REGIONS;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
