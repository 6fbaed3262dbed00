import { findModel } from '../../knowledge';
import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';
import { sizeFromName } from './dialect';
import { catalogIdForRepoName, checkpointFolderName } from './hubNames';

/**
 * torchtune recipe configs (`recipes/configs/llama3/8B_lora_single_device.yaml`): a model
 * builder under `model._component_`, a checkpointer holding pretrained weights, and the
 * recipe's settings at the top level. The recipe that runs the config is named only in the
 * usage comment at its head (`tune run lora_finetune_single_device --config ...`).
 *
 * What makes it a run: a torchtune model builder plus a recipe shape (`epochs`, or a training
 * recipe named in the usage comment). Generation and evaluation configs are inference (an
 * evaluation runs the model over its benchmarks); quantization configs are neither.
 *
 * Modes: torchtune recipes fine-tune the checkpointer's pretrained weights (every recipe
 * loads `checkpointer.checkpoint_dir`), so a builder without an adapter prefix is a full
 * fine-tune; `lora_*` builders add LoRA adapters and `qlora_*` builders also quantise the
 * base weights to NF4 (torchtune docs, "Fine-Tuning Llama2 with LoRA" / "with QLoRA").
 */

/** Builder (without the lora_/qlora_ prefix) → the Hub repository whose architecture it builds. */
const BUILDERS: ReadonlyArray<{
  readonly pattern: RegExp;
  readonly hub: (m: RegExpExecArray) => string | undefined;
  readonly moe?: true;
}> = [
  { pattern: /^llama2_(7b|13b|70b)$/, hub: (m) => `meta-llama/Llama-2-${m[1]}-hf` },
  { pattern: /^code_llama2_(7b|13b|70b)$/, hub: (m) => `codellama/CodeLlama-${m[1]}-hf` },
  { pattern: /^llama3_(8b|70b)$/, hub: (m) => `meta-llama/Meta-Llama-3-${upper(m[1])}` },
  { pattern: /^llama3_1_(8b|70b|405b)$/, hub: (m) => `meta-llama/Llama-3.1-${upper(m[1])}` },
  { pattern: /^llama3_2_(1b|3b)$/, hub: (m) => `meta-llama/Llama-3.2-${upper(m[1])}` },
  // Meta published Llama 3.3 only as an instruction-tuned 70B.
  { pattern: /^llama3_3_70b$/, hub: () => 'meta-llama/Llama-3.3-70B-Instruct' },
  { pattern: /^llama3_2_vision_(11b|90b)$/, hub: (m) => `meta-llama/Llama-3.2-${upper(m[1])}-Vision` },
  { pattern: /^llama4_scout_17b_16e$/, hub: () => 'meta-llama/Llama-4-Scout-17B-16E', moe: true },
  { pattern: /^llama4_maverick_17b_128e$/, hub: () => 'meta-llama/Llama-4-Maverick-17B-128E', moe: true },
  {
    pattern: /^qwen2_5_(\d+(?:_\d+)?b)(_instruct|_base)?$/,
    hub: (m) => `Qwen/Qwen2.5-${sizeText(m[1])}${m[2] === '_instruct' ? '-Instruct' : ''}`,
  },
  { pattern: /^qwen2_(\d+(?:_\d+)?b)$/, hub: (m) => `Qwen/Qwen2-${sizeText(m[1])}` },
  // Qwen3's post-trained checkpoints are published without a suffix; the pretrained ones as -Base.
  {
    pattern: /^qwen3_(\d+(?:_\d+)?b)(_instruct|_base)?$/,
    hub: (m) => `Qwen/Qwen3-${sizeText(m[1])}${m[2] === '_base' ? '-Base' : ''}`,
  },
  { pattern: /^gemma_(2b|7b)$/, hub: (m) => `google/gemma-${m[1]}` },
  { pattern: /^gemma2_(2b|9b|27b)$/, hub: (m) => `google/gemma-2-${m[1]}` },
  // torchtune's phi3_mini is Phi-3-Mini-4K (its docstring); phi4_14b is microsoft/phi-4.
  { pattern: /^phi3_mini$/, hub: () => 'microsoft/Phi-3-mini-4k-instruct' },
  { pattern: /^phi4_14b$/, hub: () => 'microsoft/phi-4' },
  { pattern: /^mistral_7b$/, hub: () => 'mistralai/Mistral-7B-v0.1' },
];

/** torchtune's built-in dataset builders and the Hub datasets they load (their `source` defaults). */
const DATASETS: Readonly<Record<string, string>> = {
  alpaca_dataset: 'tatsu-lab/alpaca',
  alpaca_cleaned_dataset: 'yahma/alpaca-cleaned',
  slimorca_dataset: 'Open-Orca/SlimOrca-Dedup',
  samsum_dataset: 'Samsung/samsum',
  grammar_dataset: 'liweili/c4_200m',
  stack_exchange_paired_dataset: 'lvwerra/stack-exchange-paired',
  wikitext_dataset: 'EleutherAI/wikitext_document_level',
  cnn_dailymail_articles_dataset: 'ccdv/cnn_dailymail',
  hh_rlhf_helpful_dataset: 'RLHFlow/HH-RLHF-Helpful-standard',
};

function upper(size: string): string {
  return size.toUpperCase();
}

/** `0_5b` → `0.5B`, `7b` → `7B`. */
function sizeText(size: string): string {
  return size.replace('_', '.').toUpperCase();
}

interface Builder {
  readonly adapter: 'lora' | 'qlora' | null;
  readonly name: string;
  readonly hub?: string;
  /** The size as the builder writes it (`0_5b`), when its family's pattern locates it. */
  readonly size?: string;
  readonly moe: boolean;
  /** A component builder sized by the config (`num_layers`, `embed_dim`, ...): how its family builds the model. */
  readonly component?: ComponentBuilder;
}

interface ComponentBuilder {
  /** SwiGLU MLP: three embed × intermediate matrices. */
  readonly gated: boolean;
  /** A separate output projection (nn.Linear), not tied to the token embedding (TiedLinear). */
  readonly untied: boolean;
}

/**
 * torchtune/models/<family>/_component_builders.py: llama2, llama3 and mistral build a SwiGLU MLP of
 * `intermediate_dim` (default scale_hidden_dim_for_mlp(embed_dim)) and a separate `output_proj`
 * Linear; qwen2 ties it only with `tie_word_embeddings`; gemma ties it (TiedLinear).
 */
const COMPONENT_BUILDERS: Readonly<Record<string, ComponentBuilder>> = {
  llama2: { gated: true, untied: true },
  llama3: { gated: true, untied: true },
  llama3_1: { gated: true, untied: true },
  mistral: { gated: true, untied: true },
  qwen2: { gated: true, untied: true },
  gemma: { gated: true, untied: false },
};

export function parseTorchtuneBuilder(component: string): Builder | null {
  const trimmed = component.trim();
  const m = trimmed.startsWith('torchtune.models.')
    ? /^(lora_|qlora_)?([a-z][a-z0-9_]*)$/.exec(trimmed.slice(trimmed.lastIndexOf('.') + 1))
    : null;
  if (!m || /(tokenizer|transform|tp_plan|classifier)$/.test(m[2])) return null;
  const adapter = m[1] === 'lora_' ? 'lora' : m[1] === 'qlora_' ? 'qlora' : null;
  // The family's component builder itself (`torchtune.models.llama2.llama2`), sized by the config's own keys.
  if (COMPONENT_BUILDERS[m[2]]) return { adapter, name: m[2], moe: false, component: COMPONENT_BUILDERS[m[2]] };
  for (const b of BUILDERS) {
    const found = b.pattern.exec(m[2]);
    if (found)
      return {
        adapter,
        name: m[2],
        hub: b.hub(found),
        size: found[1] && /^\d+(_\d+)?b$/.test(found[1]) ? found[1] : undefined,
        moe: b.moe === true,
      };
  }
  return { adapter, name: m[2], moe: /_\d+e$/.test(m[2]) };
}

/** The recipe named by the usage comment that launches this config, and the devices it asks for. */
interface Usage {
  readonly recipe: string;
  readonly line: number;
  readonly devices?: number;
  readonly nodes?: number;
}

function usageComment(doc: ConfigDoc): Usage | undefined {
  const comments = doc.comments();
  const runs: Array<Usage & { afterLaunchWording: boolean }> = [];
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i];
    const at = c.text.indexOf('tune run ');
    if (at < 0) continue;
    const tokens = c.text
      .slice(at + 'tune run '.length)
      .trim()
      .split(/\s+/)
      .slice(0, 20);
    let devices: number | undefined;
    let nodes: number | undefined;
    let recipe: string | undefined;
    for (let t = 0; t < tokens.length && !recipe; t++) {
      const token = tokens[t];
      if (!token.startsWith('-')) {
        recipe = token;
        break;
      }
      const [flag, inline] = token.split('=');
      const value = inline ?? tokens[++t];
      if (flag === '--nproc_per_node' && Number(value) > 0) devices = Number(value);
      if (flag === '--nnodes' && Number(value) > 0) nodes = Number(value);
    }
    if (!recipe || !/^[\w/]+$/.test(recipe)) continue;
    // torchtune headers say "To launch on N devices, run the following command from root:" before
    // the config's own command; other commands (fine-tune the teacher first) come without it.
    const afterLaunchWording =
      comments.slice(Math.max(0, i - 2), i).some((p) => /\blaunch\b/i.test(p.text)) ||
      /\blaunch\b/i.test(c.text.slice(0, at));
    runs.push({ recipe, line: c.line, devices, nodes, afterLaunchWording });
  }
  return runs.find((r) => r.afterLaunchWording) ?? runs[0];
}

export type RecipeKind = { mode: 'lora' | 'finetune' | null; inference: boolean; training: boolean };

/**
 * What a torchtune recipe does (recipes/*.py): `lora_*`/`qat_lora_*`/`lora_dpo_*` train LoRA
 * adapters, `full_*`, `qat_*` (quantization-aware fine-tuning), `ppo_full_finetune_*` and
 * `full_dpo_*` update all weights, knowledge distillation trains the student named in the
 * config, `generate*` and `eleuther_eval` are inference (an evaluation runs the model forward over its
 * benchmarks), `quantize` converts weights and runs nothing.
 */
export function torchtuneRecipe(recipe: string): RecipeKind {
  const name = recipe.slice(recipe.lastIndexOf('/') + 1);
  if (/^generate|eval/.test(name)) return { mode: null, inference: true, training: false };
  if (/quantize/.test(name)) return { mode: null, inference: false, training: false };
  if (/(^|_)lora_/.test(name) || /^lora/.test(name)) return { mode: 'lora', inference: false, training: true };
  if (/full|qat|ppo|dpo|grpo|early_exit/.test(name)) return { mode: 'finetune', inference: false, training: true };
  return { mode: null, inference: false, training: /finetune|distillation/.test(name) };
}

function downloads(doc: ConfigDoc): Array<{ id: string; line: number }> {
  const out: Array<{ id: string; line: number }> = [];
  for (const c of doc.comments()) {
    const m = /\btune download\s+([A-Za-z0-9][\w.-]*\/[\w.-]+)/.exec(c.text);
    if (m) out.push({ id: m[1], line: c.line });
  }
  return out;
}

export const torchtune: ConfigDialect = {
  name: 'torchtune',
  words: ['torchtune.'],
  detect: (doc) =>
    /^torchtune\./.test(doc.str('model._component_') ?? '') ||
    doc.walk().some((v) => v.key === '_component_' && typeof v.value === 'string' && v.value.startsWith('torchtune.')),
  read(doc: ConfigDoc, out: FactSink): void {
    // PPO recipes train a `policy_model` (and a value model) instead of `model`.
    const component = doc.get('model._component_') ?? doc.get('policy_model._component_');
    const first = component ?? doc.walk().find((v) => v.key === '_component_');
    if (first) out.add('run.framework', 'torchtune', first, `${first.path}: ${String(first.value)} (torchtune)`);
    const builder = typeof component?.value === 'string' ? parseTorchtuneBuilder(component.value) : null;
    const usage = usageComment(doc);
    const recipe = usage ? torchtuneRecipe(usage.recipe) : undefined;
    if (usage?.devices)
      out.add(
        'hardware.devices',
        usage.devices,
        lineRange(usage.line),
        `usage comment: tune run --nproc_per_node ${usage.devices} ${usage.recipe}`,
        'low',
      );
    if (usage?.nodes)
      out.add(
        'hardware.nodes',
        usage.nodes,
        lineRange(usage.line),
        `usage comment: tune run --nnodes ${usage.nodes} ${usage.recipe}`,
        'low',
      );
    if (!component || !builder) return;

    readModel(doc, component, builder, out);
    const dtype = doc.get('dtype');
    const precision =
      typeof dtype?.value === 'string'
        ? ({ bf16: 'bf16', fp32: 'fp32', fp16: 'fp16' } as Record<string, string>)[dtype.value.toLowerCase()]
        : undefined;
    // torchtune trains in the dtype it loads the weights in (no autocast): bf16 is the whole run's precision.
    if (dtype && precision)
      out.add('training.precision', precision, dtype, `dtype: ${String(dtype.value)} (torchtune trains in this dtype)`);
    readDataset(doc, out);

    const epochs = doc.num('epochs');
    const perEpoch = doc.get('max_steps_per_epoch');
    const perEpochN = doc.num('max_steps_per_epoch');
    if (perEpoch && perEpochN && perEpochN > 0 && epochs && epochs > 0) {
      out.add(
        'training.steps',
        epochs * perEpochN,
        perEpoch,
        `epochs ${epochs} × max_steps_per_epoch ${perEpochN}: at most this many steps`,
        'medium',
      );
    }

    const training = recipe ? recipe.training : epochs !== undefined;
    const inference = recipe?.inference === true;
    if (builder.adapter)
      out.add(
        'training.mode',
        builder.adapter,
        component,
        `${String(component.value)}: ${builder.adapter === 'qlora' ? 'LoRA adapters on NF4-quantised base weights' : 'LoRA adapters on frozen base weights'}`,
      );
    else if (training && recipe?.mode === 'lora')
      out.add(
        'training.mode',
        'lora',
        lineRange(usage!.line),
        `usage comment: the ${usage!.recipe} recipe trains LoRA adapters`,
        'medium',
      );
    else if (training) {
      out.add(
        'training.mode',
        'finetune',
        component,
        `${String(component.value)} loaded from the checkpointer's pretrained weights and fully fine-tuned`,
        'medium',
      );
      out.add(
        'model.fromScratch',
        false,
        doc.get('checkpointer.checkpoint_dir') ?? component,
        "torchtune recipes start from the checkpointer's weights",
        'medium',
      );
    }
    if (training)
      out.add(
        'launch.trainer',
        'config:torchtune',
        component,
        `torchtune recipe config${usage ? ` (${usage.recipe}, from the usage comment)` : ''}`,
      );
    else if (inference) {
      out.add('launch.inference', 'config:torchtune', component, `torchtune ${usage!.recipe} config`);
      readInferenceLoad(doc, out);
    }
  },
};

/**
 * How much an inference config serves: the generate recipe answers the one `prompt:` it is given; the
 * EleutherAI eval recipe runs each of its `tasks` over at most `limit` examples (`limit: null`: the whole
 * benchmark, whose size is not in the config, so the count stays unknown) in batches of `batch_size`.
 */
function readInferenceLoad(doc: ConfigDoc, out: FactSink): void {
  const prompt = doc.get('prompt');
  if (prompt && prompt.shape !== 'seq')
    out.add('inference.requests', 1, prompt, 'prompt: the generate recipe answers this one prompt', 'medium');
  const maxNew = doc.num('max_new_tokens');
  if (maxNew && maxNew > 0)
    out.add('inference.maxNewTokens', maxNew, doc.get('max_new_tokens')!, `max_new_tokens: ${maxNew}`);
  const tasks = doc.get('tasks');
  const limit = doc.num('limit');
  if (tasks?.shape === 'seq' && limit && limit > 0) {
    let count = 0;
    while (count < 1000 && doc.has(`tasks.${count}`)) count++;
    if (count > 0)
      out.add(
        'inference.requests',
        count * limit,
        doc.get('limit')!,
        `${count} task${count === 1 ? '' : 's'} × limit ${limit} examples`,
        'medium',
      );
  }
  const batch = doc.num('batch_size');
  if (tasks && batch && batch > 0)
    out.add(
      'inference.concurrency',
      batch,
      doc.get('batch_size')!,
      `batch_size: ${batch} (evaluation batches)`,
      'medium',
    );
}

function lineRange(line: number) {
  return { startLine: line, startCol: 0, endLine: line, endCol: 0 };
}

/**
 * The checkpoint the builder is loaded with: the `tune download` the header names for the
 * checkpointer's folder, else the folder itself when the catalog knows that repository name,
 * else the repository the builder's architecture comes from.
 */
function readModel(doc: ConfigDoc, component: ConfigValue, builder: Builder, out: FactSink): void {
  // The checkpointer's folder, else the tokenizer's (`/tmp/Llama-2-7b-hf/tokenizer.model`): `tune download` names both after the repository.
  const checkpointDir = doc.get('checkpointer.checkpoint_dir');
  const tokenizerPath = doc.get('tokenizer.path');
  const folderOf = (v: ConfigValue | undefined) =>
    typeof v?.value === 'string' ? checkpointFolderName(v.value) : undefined;
  const folderValue = folderOf(checkpointDir) ? checkpointDir : folderOf(tokenizerPath) ? tokenizerPath : undefined;
  const folder = folderOf(folderValue);
  const fetched = downloads(doc);
  const download =
    fetched.find(
      (d) => folder !== undefined && d.id.slice(d.id.indexOf('/') + 1).toLowerCase() === folder.toLowerCase(),
    ) ?? (fetched.length === 1 && !folder ? fetched[0] : undefined);
  const fromFolder = folder ? catalogIdForRepoName(folder) : undefined;
  let id: string | undefined;
  let detail: string;
  let originLine: number | undefined;
  if (download) {
    id = download.id;
    detail = `${String(component.value)} loaded from ${download.id} (the usage comment's tune download)`;
    originLine = download.line;
  } else if (fromFolder) {
    id = fromFolder;
    detail = `${String(component.value)} loaded from ${folderValue!.path} ${String(folderValue!.value)}`;
    originLine = folderValue!.range.startLine;
  } else if (builder.hub) {
    id = builder.hub;
    detail = `${String(component.value)} builds the ${builder.hub} architecture`;
  } else detail = '';
  if (id)
    out.add(
      'model.id',
      id,
      { ...component, ...(originLine !== undefined ? { originLine } : {}) },
      detail,
      download || fromFolder ? 'high' : 'medium',
    );
  if (builder.component) {
    readComponentSizes(doc, component, builder.component, out);
    return;
  }
  if (id && findModel(id)) return;
  if (builder.moe) return; // `17b_16e`: 17B active of a larger total: the name does not give the total.
  // A known family's pattern says where the size is (`qwen3_1_7b_instruct` → 1.7B); otherwise only a
  // whole `_<n>b` counts, since `llama3_2_1b` shows that version and size digits can run together.
  const written = builder.size ?? [...builder.name.matchAll(/_(\d+b)(?=_|$)/g)].pop()?.[1];
  const size = written ? sizeFromName(sizeText(written)) : null;
  if (size)
    out.add(
      'model.params',
      size.params,
      component,
      `${String(component.value)}: ${size.written} parameters, the nominal size in the builder's name`,
      'medium',
    );
}

function readDataset(doc: ConfigDoc, out: FactSink): void {
  const base = doc.get('dataset')?.shape === 'seq' ? 'dataset.0' : 'dataset';
  const source = doc.get(`${base}.source`);
  if (typeof source?.value === 'string' && /^[\w.-]+\/[\w.-]+$/.test(source.value)) {
    out.add('training.dataset', source.value, source, `${source.path}: ${source.value}`);
    return;
  }
  const component = doc.get(`${base}._component_`);
  const name =
    typeof component?.value === 'string' ? component.value.slice(component.value.lastIndexOf('.') + 1) : undefined;
  if (component && name && DATASETS[name])
    out.add('training.dataset', DATASETS[name], component, `${String(component.value)} loads ${DATASETS[name]}`);
}

/**
 * Sizes of a component builder written in the config (`num_layers`, `vocab_size` are read by the
 * generic table; `embed_dim` and `intermediate_dim` are torchtune's names). The size formula counts
 * 2 × d × ffn, so a SwiGLU MLP of width I counts as 1.5 × I; without `intermediate_dim` torchtune
 * uses scale_hidden_dim_for_mlp: 4 × int(2d/3) rounded up to a multiple of 256.
 */
function readComponentSizes(doc: ConfigDoc, component: ConfigValue, kind: ComponentBuilder, out: FactSink): void {
  const base = component.path.slice(0, component.path.lastIndexOf('.'));
  const local = base.startsWith(`${doc.prefix}.`) ? base.slice(doc.prefix.length + 1) : base;
  const embed = doc.get(`${local}.embed_dim`);
  const d = doc.num(`${local}.embed_dim`);
  if (!embed || !d) return;
  out.add('model.hiddenSize', d, embed, `${embed.path}: ${d}`);
  const intermediate = doc.get(`${local}.intermediate_dim`);
  const width = doc.num(`${local}.intermediate_dim`) ?? 256 * Math.ceil((4 * Math.floor((2 * d) / 3)) / 256);
  const written = intermediate
    ? `${intermediate.path} ${width}`
    : `the default MLP width ${width} (4 × int(2d/3), multiple of 256)`;
  out.add(
    'model.ffnSize',
    kind.gated ? 1.5 * width : width,
    intermediate ?? embed,
    kind.gated ? `${written}, SwiGLU (3 matrices: counted as ${1.5 * width})` : written,
  );
  const tied = doc.get(`${local}.tie_word_embeddings`)?.value === true;
  const untied = kind.untied && !tied;
  if (untied)
    out.add('model.untiedHead', true, component, `${String(component.value)} has its own output projection`, 'medium');
  // With the head counts the exact count is known, grouped-query attention included (the size formula assumes 4d²).
  const layers = doc.num(`${local}.num_layers`);
  const heads = doc.num(`${local}.num_heads`);
  const vocab = doc.num(`${local}.vocab_size`);
  if (!layers || !heads || !vocab) return;
  const kvHeads = doc.num(`${local}.num_kv_heads`) ?? heads;
  const headDim = doc.num(`${local}.head_dim`) ?? d / heads;
  const attention = 2 * d * heads * headDim + 2 * d * kvHeads * headDim;
  const params = layers * (attention + (kind.gated ? 3 : 2) * d * width + 2 * d) + vocab * d * (untied ? 2 : 1) + d;
  out.add(
    'model.params',
    params,
    component,
    `${String(component.value)}: ${layers} layers × (attention with ${kvHeads}/${heads} KV heads of ${headDim} + ${kind.gated ? 'SwiGLU' : 'MLP'} ${width} + norms) + embeddings${untied ? ' + output projection' : ' (tied)'}`,
  );
}
