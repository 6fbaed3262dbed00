import type { FactKind } from '../facts';

/**
 * The one table of sizing synonyms: the names under which Python keywords and assignments,
 * config keys and command-line flags state how big a model is and how long and wide a run
 * is. Every reader (pythonFacts, configFacts, shellFacts) looks names up here, so a synonym
 * added once is read everywhere, and a name that means different things in different places
 * says so below, with the reason.
 *
 * Names are stored in snake_case. Flags and keys written with hyphens (`--num-layers`,
 * Megatron/GPT-NeoX `"num-layers"`) are the same names: `normaliseSizingName` is the one place
 * that folds them.
 */

export type SizingSource = 'python' | 'config' | 'flag';
export const SIZING_SOURCES: readonly SizingSource[] = ['python', 'config', 'flag'];

export type SizingKind = Extract<
  FactKind,
  | 'model.id'
  | 'model.layers'
  | 'model.hiddenSize'
  | 'model.vocabSize'
  | 'model.ffnSize'
  | 'model.learnedPositions'
  | 'model.attentionHeads'
  | 'model.kvHeads'
  | 'training.epochs'
  | 'training.steps'
  | 'training.batchPerDevice'
  | 'training.globalBatch'
  | 'training.gradientAccumulation'
  | 'training.gradientCheckpointing'
  | 'training.tensorParallel'
  | 'training.pipelineParallel'
  | 'training.seqLen'
  | 'training.dataset'
  | 'hardware.devices'
  | 'hardware.nodes'
  | 'inference.maxNewTokens'
>;

export interface SizingEntry {
  readonly kind: SizingKind;
  /** Names read the same way in every source. */
  readonly names: readonly string[];
  /** Names read only in some sources; elsewhere they mean nothing (or something else, see DIFFERENCES). */
  readonly only?: ReadonlyArray<{
    readonly names: readonly string[];
    readonly sources: readonly SizingSource[];
    readonly why: string;
  }>;
}

const PYTHON: readonly SizingSource[] = ['python'];
const CONFIG: readonly SizingSource[] = ['config'];
const FLAG: readonly SizingSource[] = ['flag'];
const CONFIG_AND_FLAG: readonly SizingSource[] = ['config', 'flag'];
const PYTHON_AND_FLAG: readonly SizingSource[] = ['python', 'flag'];

/** The table itself (exported for tests and documentation). */
export const SIZING_TABLE: readonly SizingEntry[] = [
  {
    kind: 'model.id',
    names: [],
    only: [
      {
        names: ['model_name_or_path', 'base_model', 'pretrained_model_name_or_path', 'name_or_path'],
        sources: CONFIG_AND_FLAG,
        why: 'in Python the model is read from the call that loads it (from_pretrained, pipeline, Trainer(model=...)), which also says whether its weights are used',
      },
      {
        names: ['pretrained_model_cfg'],
        sources: CONFIG_AND_FLAG,
        why: 'DPR\'s encoder configs (conf/encoder/hf_bert.yaml: `pretrained_model_cfg: bert-base-uncased`, "HuggingFace\'s config name for model initialization") and its `encoder.pretrained_model_cfg=` overrides name the checkpoint the encoders load',
      },
      {
        names: ['model_path'],
        sources: FLAG,
        why: 'serving and evaluation CLIs name the checkpoint they load so (FastChat, LLaVA: `--model-path lmsys/vicuna-7b-v1.5`); as a config key or a Python name it is as often a folder written to',
      },
      {
        names: ['from_pretrained'],
        sources: FLAG,
        why: 'SwissArmyTransformer programs name the checkpoint they load so (`--from_pretrained cogvlm-chat`, handed to `AutoModel.from_pretrained(args.from_pretrained, args)`: a name SAT downloads or a local folder); as a Python name it is the loading call itself',
      },
      {
        names: ['model_id', 'model_name', 'backbone', 'model_type_or_path'],
        sources: CONFIG,
        why: 'as config keys these name the checkpoint; as flags they are too generic to trust (`--model_name` is often a run label)',
      },
      {
        names: ['hf_model_ckpt'],
        sources: CONFIG,
        why: 'the Hub checkpoint a config-driven fine-tuning toolkit loads (georgian-io llmtune: `model: {hf_model_ckpt: NousResearch/Llama-2-7b-hf}`); the name says a Hugging Face checkpoint',
      },
    ],
  },
  {
    kind: 'training.epochs',
    names: ['num_train_epochs', 'num_epochs', 'epochs', 'max_epochs', 'max_epoch', 'n_epochs', 'train_epochs'],
    only: [
      {
        names: ['num_epoch'],
        sources: SIZING_SOURCES,
        why: 'MXNet names the epochs so (`Module.fit(..., num_epoch=None)`: "Number of epochs for training"), and argparse programs after it (`--num_epoch 60`, `args.num_epoch`); kept apart from the plain names only to record where it comes from',
      },
      {
        names: ['nepoch', 'nepochs', 'n_epoch'],
        sources: SIZING_SOURCES,
        why: 'the epochs of argparse programs that abbreviate the count (Uformer\'s `--nepoch` "training epochs", looped over as `for epoch in range(start_epoch, opt.nepoch + 1)`); no other setting is named so',
      },
      {
        names: ['total_epochs'],
        sources: CONFIG_AND_FLAG,
        why: 'verl trainer.total_epochs (verl docs, Config Explanation: "Number of epochs in training"); a script variable of that name is as often a loop bound computed from others',
      },
    ],
  },
  {
    kind: 'training.steps',
    names: ['max_steps', 'max_iters', 'train_iters', 'max_train_steps', 'max_training_steps'],
    only: [
      {
        names: ['total_steps', 'num_steps', 'n_steps'],
        sources: PYTHON,
        why: 'in configs these are as often scheduler or sampler settings (OneCycleLR total_steps, diffusion num_steps) reached through an interpolation from the real max_steps; in Python scripts they are the loop bound',
      },
      {
        names: ['train_steps', 'num_train_steps'],
        sources: ['python', 'flag'],
        why: "the loop bound of Python scripts, and TensorFlow programs' step flags (XLNet's and BERT's `--train_steps=12000`, `--num_train_steps`: \"Total number of training steps\"), where a launch line's value wins over the program's default; in configs they are as often a scheduler's span reached through an interpolation",
      },
      {
        names: ['num_iterations'],
        sources: FLAG,
        why: 'a launch line\'s --num-iterations sets the optimizer steps (nanochat scripts/base_train.py: "explicit number of optimization steps (-1 = disable)"); a script\'s own default is often -1 (computed from a target), so only as a flag',
      },
      {
        names: ['total_iter'],
        sources: CONFIG_AND_FLAG,
        why: "KAIR-style option files (`train.total_iter: 300000`, the iteration the trainer stops at: KAIR main_train_vrt.py `if current_step > opt['train']['total_iter']`), as BasicSR's (read by its dialect, config/basicsr.ts)",
      },
      {
        names: ['max_iter'],
        sources: CONFIG,
        why: "MUNIT-, UNIT- and FUNIT-style YAML configs (`max_iter: 1000000  # maximum number of training iterations`, read as `max_iter = config['max_iter']` and ending the loop at `if iterations >= max_iter`); in Python it is as often a solver's keyword (scikit-learn's `LogisticRegression(max_iter=1000)`, L-BFGS), so from configs only",
      },
      {
        names: ['total_training_steps'],
        sources: CONFIG_AND_FLAG,
        why: 'verl trainer.total_training_steps: the training steps when set, overriding total_epochs (verl docs, Config Explanation); its optimizer sections hold -1 ("injected at runtime"), which is no length',
      },
    ],
  },
  {
    kind: 'training.batchPerDevice',
    names: [
      'per_device_train_batch_size',
      'micro_batch_size',
      'batch_size',
      'per_device_batch_size',
      'per_gpu_train_batch_size',
      'train_micro_batch_size_per_gpu',
    ],
    only: [
      {
        names: ['batch', 'bs', 'micro_bs'],
        sources: PYTHON,
        why: 'short variable names of training scripts; as config keys or flags they are too generic',
      },
    ],
  },
  {
    kind: 'training.globalBatch',
    names: ['global_batch_size'],
    only: [
      { names: ['global_batch'], sources: PYTHON, why: 'a script variable; no framework uses it as a key' },
      {
        names: ['global_train_batch_size'],
        sources: CONFIG_AND_FLAG,
        why: 'Composer / llm-foundry: the batch across all devices',
      },
    ],
  },
  {
    kind: 'training.gradientAccumulation',
    names: ['gradient_accumulation_steps', 'accumulate_grad_batches', 'grad_accum', 'grad_accum_steps'],
    only: [
      {
        names: ['accum'],
        sources: PYTHON_AND_FLAG,
        why: 'a short script variable or flag; as a config key it is ambiguous',
      },
      {
        names: ['grad_acc', 'accum_steps', 'accumulation_steps', 'gradient_accumulation'],
        sources: PYTHON,
        why: 'script variable names',
      },
    ],
  },
  {
    kind: 'training.gradientCheckpointing',
    names: ['gradient_checkpointing'],
    only: [
      {
        names: ['enable_activation_checkpointing', 'activation_checkpointing', 'checkpoint_activations'],
        sources: CONFIG,
        why: 'torchtune, Composer fsdp_config and GPT-NeoX keys for the same recomputation',
      },
    ],
  },
  {
    kind: 'training.tensorParallel',
    names: [],
    only: [
      {
        names: ['tensor_model_parallel_size', 'model_parallel_size'],
        sources: CONFIG_AND_FLAG,
        why: 'Megatron-LM --tensor-model-parallel-size (older releases --model-parallel-size), NeMo model.tensor_model_parallel_size, GPT-NeoX model_parallel_size: "degree of tensor model parallelism"; in Python a variable of that name is as often the process group being built',
      },
    ],
  },
  {
    kind: 'training.pipelineParallel',
    names: [],
    only: [
      {
        names: ['pipeline_model_parallel_size', 'pipe_parallel_size', 'pipeline_group_size'],
        sources: CONFIG_AND_FLAG,
        why: 'Megatron-LM --pipeline-model-parallel-size and NeMo model.pipeline_model_parallel_size ("degree of pipeline model parallelism"), GPT-NeoX pipe_parallel_size, the pipeline-parallel trainers\' --pipeline-group-size (OpenChatKit: the devices one pipeline spans)',
      },
    ],
  },
  {
    kind: 'training.seqLen',
    names: [
      'max_seq_length',
      'max_seq_len',
      'seq_length',
      'seq_len',
      'sequence_length',
      'max_len',
      'maxlen',
      'context_length',
      'block_size',
    ],
    only: [
      {
        names: ['max_length'],
        sources: ['python', 'config'],
        why: 'a training length in configs and in trainer/config calls (pythonFacts checks the owner); as a flag it is usually the generation length of an eval script',
      },
      { names: ['sequence_len'], sources: CONFIG, why: 'axolotl' },
      { names: ['cutoff_len'], sources: CONFIG_AND_FLAG, why: 'LLaMA-Factory: the cutoff length of tokenized inputs' },
      {
        names: ['model_max_length'],
        sources: CONFIG_AND_FLAG,
        why: 'the tokenizer limit configs and flags set to the training length (llm-foundry tokenizer.kwargs, Alpaca-style --model_max_length)',
      },
      { names: ['max_source_length'], sources: PYTHON_AND_FLAG, why: 'seq2seq example scripts' },
      { names: ['ctx', 'ctx_len', 'bptt'], sources: PYTHON, why: 'script variable names' },
      {
        names: ['n_ctx'],
        sources: PYTHON,
        why: 'nanoGPT-style scripts; in a GPT-2 config.json n_ctx repeats n_positions and is read from there',
      },
    ],
  },
  {
    kind: 'model.layers',
    names: ['n_layer', 'num_layers', 'num_hidden_layers', 'n_layers'],
  },
  {
    kind: 'model.hiddenSize',
    names: ['n_embd', 'hidden_size', 'd_model'],
    only: [
      {
        names: ['embedding_dim'],
        sources: CONFIG,
        why: 'a model section that sizes its transformer by its token-embedding width (`model: {embedding_dim: 512, n_layer: 24}`, as GPT-2 does with n_embd: the residual stream is the embedding width); in Python it is as often a keyword of nn.Embedding or of a retrieval index',
      },
    ],
  },
  {
    kind: 'model.vocabSize',
    names: ['vocab_size', 'padded_vocab_size'],
    only: [
      {
        names: ['n_vocab'],
        sources: CONFIG,
        why: 'OpenAI GPT-2\'s hparams.json and mesh-transformer-jax configs (`"n_vocab": 50400`); in Python it is as often a tokenizer\'s attribute (tiktoken `enc.n_vocab`) as a model setting',
      },
      {
        names: ['n_token'],
        sources: SIZING_SOURCES,
        why: 'XLNet\'s and Transformer-XL\'s vocabulary size (`flags.DEFINE_integer("n_token", 32000, help="Vocab size")`, XLNet\'s xlnet_config.json `"n_token": 32000`)',
      },
      {
        names: ['pad_vocab_size_to'],
        sources: FLAG,
        why: 'Megatron-DeepSpeed\'s `--pad-vocab-size-to 250880` ("Pad the vocab size to this value", megatron/arguments.py): the embedding has that many rows, where the tokenizer is named by a Hub id and its size is not in the files',
      },
    ],
  },
  {
    kind: 'model.ffnSize',
    names: ['intermediate_size', 'n_inner', 'ffn_dim', 'ffn_hidden_size'],
    only: [
      {
        names: ['d_inner_hid'],
        sources: PYTHON_AND_FLAG,
        why: "the feed-forward width of attention-is-all-you-need-pytorch's Transformer (`-d_inner_hid 2048`, handed to its layers as `d_inner`) and the programs built on it (Pyraformer's `-d_inner_hid 512`); a flag of such programs, not a config key anyone else uses",
      },
    ],
  },
  // Grouped-query attention (Ainslie et al. 2023, arXiv:2305.13245): K and V get kvHeads heads of the query heads'
  // width, so attention holds 2d² + 2d²·kvHeads/heads weights, not 4d². Read only as a pair (factsToSpec).
  {
    kind: 'model.attentionHeads',
    names: ['num_attention_heads', 'n_head', 'n_heads'],
  },
  {
    kind: 'model.kvHeads',
    // HF config.json (Llama, Mistral, Qwen2), GPT-NeoX/torchtune/levanter `num_kv_heads`, Meta llama `n_kv_heads`,
    // Megatron-LM `--num-query-groups` (with --group-query-attention), ChatGLM `multi_query_group_num`.
    names: ['num_key_value_heads', 'num_kv_heads', 'n_kv_heads', 'num_query_groups', 'multi_query_group_num'],
  },
  {
    kind: 'model.learnedPositions',
    names: [],
    only: [
      {
        names: ['max_position_embeddings'],
        sources: CONFIG_AND_FLAG,
        why: 'a learned position table in BERT/GPT-2-style config.json files and in Megatron-LM, whose default position embedding is learned_absolute; in Python only the config classes that learn positions count it (pythonFacts has that rule per class)',
      },
    ],
  },
  {
    kind: 'hardware.devices',
    names: ['devices', 'gpus', 'num_gpus'],
    only: [
      {
        names: ['ngpu', 'n_gpu', 'ngpus', 'tensor_parallel_size'],
        sources: PYTHON,
        why: 'script variables, submitit launchers\' `--ngpus` ("Number of GPUs to request on each node") and the vLLM LLM(tensor_parallel_size=...) keyword',
      },
      {
        names: ['nr_gpu'],
        sources: PYTHON,
        why: 'OpenAI PixelCNN++-style TensorFlow programs: `--nr_gpu` ("How many GPUs to distribute the training across?", openai/pixel-cnn train.py), one model tower per GPU',
      },
      {
        names: ['num_processes'],
        sources: CONFIG_AND_FLAG,
        why: 'accelerate config and `accelerate launch --num_processes`',
      },
      { names: ['nproc_per_node'], sources: FLAG, why: 'torchrun / tune run: processes (GPUs) per node' },
      {
        names: ['num_core_per_host'],
        sources: SIZING_SOURCES,
        why: 'XLNet-style TensorFlow programs: "8 for TPU v2 and v3-8, 16 for larger TPU v3 pod. In the context of GPU training, it refers to the number of GPUs used" (the flag\'s help), handed to the TPU config\'s shards or to MirroredStrategy(num_gpus=…)',
      },
      {
        names: ['n_gpus_per_node'],
        sources: CONFIG_AND_FLAG,
        why: 'verl trainer.n_gpus_per_node (× trainer.nnodes): the GPUs of each node the trainer runs on',
      },
      {
        names: ['num_gpus_per_node'],
        sources: FLAG,
        why: 'GPUs per node of a Ray-placed model (OpenRLHF `--actor.num_gpus_per_node`, help "number of gpus per node for actor")',
      },
    ],
  },
  {
    kind: 'hardware.nodes',
    names: ['num_nodes'],
    only: [
      {
        names: ['num_machines'],
        sources: CONFIG_AND_FLAG,
        why: 'accelerate config and `accelerate launch --num_machines`',
      },
      {
        names: ['num_hosts'],
        sources: FLAG,
        why: 'TPU hosts of XLNet-style TensorFlow programs (`--num_hosts=4 --num_core_per_host=8`: "How many TPU hosts", each with its cores)',
      },
      {
        names: ['nnodes'],
        sources: CONFIG_AND_FLAG,
        why: 'torchrun / tune run flags; verl trainer.nnodes in configs and Hydra overrides (0 in its rollout section means "colocated": not a count)',
      },
    ],
  },
  {
    kind: 'training.dataset',
    names: [],
    only: [
      {
        names: ['dataset_name'],
        sources: CONFIG_AND_FLAG,
        why: 'HfArgumentParser scripts read it from configs and flags; in Python the dataset is read from load_dataset()',
      },
      {
        names: ['data_set'],
        sources: PYTHON_AND_FLAG,
        why: 'DeiT-style vision programs (DeiT, ConvNeXt, MAE, BEiT): `--data_set IMNET|CIFAR|image_folder` picks the dataset their build_dataset() loads',
      },
    ],
  },
  {
    kind: 'inference.maxNewTokens',
    names: [],
    only: [
      {
        names: ['max_new_tokens'],
        sources: PYTHON,
        why: 'generate(max_new_tokens=...); in configs it is an evaluation setting (litgpt eval.max_new_tokens)',
      },
    ],
  },
];

/**
 * Names whose meaning depends on where they are written. Each source gives its kind, or
 * null when the name is not read there.
 */
export const DIFFERENCES: ReadonlyArray<{
  readonly name: string;
  readonly kinds: Readonly<Record<SizingSource, SizingKind | null>>;
  readonly why: string;
}> = [
  {
    name: 'n_positions',
    kinds: { python: 'training.seqLen', config: 'model.learnedPositions', flag: 'training.seqLen' },
    why:
      'In a GPT-2 config.json, n_positions is the size of the learned position table (parameters). ' +
      'In Python it is passed to GPT2Config(...) or a hand-written model, where it bounds the context the run trains on; ' +
      'the GPT2Config rule of pythonFacts adds the learned table separately. As a flag (`--n_positions 1024`) it is the context length.',
  },
  {
    name: 'train_batch_size',
    kinds: { python: 'training.batchPerDevice', config: 'training.globalBatch', flag: 'training.batchPerDevice' },
    why:
      'DeepSpeed configs define train_batch_size as micro batch × accumulation × GPUs, the global batch (deepspeed.ai/docs/config-json). ' +
      'Hugging Face example scripts and diffusers use `args.train_batch_size` / `--train_batch_size` for the per-device batch.',
  },
];

/**
 * Flags written under a namespace (`--train.batch_size`, `--ds.lora.rank`, `--actor.num_gpus_per_node`): CLIs that
 * group their arguments (OpenRLHF's openrlhf/cli/train_*.py, LightningCLI `--trainer.max_epochs`, litgpt
 * `--train.epochs`) name a setting by its last segment, read through the table above, except for:
 * - the dotted names below, whose namespace changes what the setting is (the longest listed tail wins);
 * - flags under EVALUATION_NAMESPACES, which set evaluation, generation or logging, not the run's training;
 * - flags under AUXILIARY_MODEL_NAMESPACES, which set another model of the run (the reward, critic or reference
 *   model beside an RLHF actor): read, but any setting of the trained model outranks them.
 * Plain flags that are other names of a setting the shell reader knows are listed here too.
 */
export const FLAG_ALIASES: ReadonlyArray<{ readonly name: string; readonly means: string; readonly why: string }> = [
  {
    name: 'train.batch_size',
    means: 'global_batch_size',
    why: 'OpenRLHF: --train.batch_size is the "Global training batch size" and --train.micro_batch_size the "batch size per GPU" (openrlhf/cli/train_sft.py argument help; OpenRLHF discussion #210); litgpt writes --train.global_batch_size',
  },
  {
    name: 'lora.rank',
    means: 'lora_rank',
    why: 'OpenRLHF --ds.lora.rank (formerly --lora_rank, default 0): LoRA adapters of that rank when > 0',
  },
  {
    name: 'param_dtype',
    means: 'precision',
    why: 'OpenRLHF --ds.param_dtype bf16|fp16, "Model data type": the DeepSpeed compute precision (formerly --bf16)',
  },
  {
    name: 'lora_dim',
    means: 'lora_rank',
    why: 'DeepSpeed-Chat --lora_dim ("If > 0, use LoRA for efficient training", default 0; applications/DeepSpeed-Chat/training/step1_supervised_finetuning/main.py)',
  },
  {
    name: 'actor_model_name_or_path',
    means: 'model_name_or_path',
    why: 'DeepSpeed-Chat step-3 PPO --actor_model_name_or_path: the policy the run trains (the critic, --critic_model_name_or_path, is a smaller reward model beside it)',
  },
  {
    name: 'embedder_name_or_path',
    means: 'model_name_or_path',
    why: 'FlagEmbedding evaluation --embedder_name_or_path: the embedding model that encodes the corpus and queries (a --reranker_name_or_path beside it only rescores the top-k)',
  },
  {
    name: 'lm_model_name_or_path',
    means: 'model_name_or_path',
    why: 'DeepSpeed-VisualChat --lm_model_name_or_path: the language model of a vision-language run (the vision tower, --vision_model_name_or_path, is a small encoder beside it)',
  },
  {
    name: 'model_precision',
    means: 'precision',
    why: 'Hugging Face m4 evaluation --model_precision fp32|bf16|fp16: the dtype the evaluated model runs in',
  },
  {
    name: 'dtype',
    means: 'precision',
    why: 'DeepSpeed-Chat and DeepSpeed examples --dtype fp16|bf16 ("Training data type"): the precision the program trains or generates in',
  },
  {
    name: 'gradient_checkpointing_enable',
    means: 'gradient_checkpointing',
    why: 'OpenRLHF --model.gradient_checkpointing_enable / --actor.gradient_checkpointing_enable',
  },
  {
    name: 'actor_num_gpus_per_node',
    means: 'num_gpus_per_node',
    why: "OpenRLHF before namespaces (--actor_num_gpus_per_node): the trained policy's GPUs per node",
  },
  { name: 'actor_num_nodes', means: 'num_nodes', why: 'OpenRLHF before namespaces (--actor_num_nodes)' },
  {
    name: 'use_fp16',
    means: 'fp16',
    why: 'openai guided-diffusion family --use_fp16 True (a str2bool flag built from the defaults dict; unet.py: self.dtype = th.float16 if use_fp16 else th.float32, and the trainer keeps fp32 master weights with loss scaling)',
  },
  {
    name: 'use_bf16',
    means: 'bf16',
    why: 'the bfloat16 twin of --use_fp16 in programs derived from guided-diffusion (a true value casts the model to bfloat16)',
  },
];
/** Namespaces of evaluation, generation, rollout and logging settings: their flags state nothing about training. */
export const EVALUATION_NAMESPACES: readonly string[] = [
  'eval',
  'evaluation',
  'val',
  'validation',
  'test',
  'rollout',
  'generate',
  'generation',
  'vllm',
  'logger',
  'ckpt',
];
/** Namespaces of the other models an RLHF run holds (OpenRLHF `--ref.*`, `--reward.*`, `--critic.*`). */
// verl's `critic.model.path` and `reward_model.model.path` beside `actor_rollout_ref.model.path`.
export const AUXILIARY_MODEL_NAMESPACES: readonly string[] = ['ref', 'reward', 'critic', 'reward_model'];

const ALIAS = new Map(FLAG_ALIASES.map((a) => [a.name, a.means]));

/**
 * What a flag (without its dashes: `ds.lora.rank`, `num-layers`) sets: the plain name the readers and the
 * table know, and whether it belongs to the trained model ('run') or another model of the run ('auxiliary');
 * undefined under an evaluation namespace.
 */
export function flagMeaning(flag: string): { name: string; role: 'run' | 'auxiliary' } | undefined {
  const segments = normaliseSizingName(flag).split('.');
  if (segments.length > 1 && EVALUATION_NAMESPACES.includes(segments[0])) return undefined;
  const role = segments.length > 1 && AUXILIARY_MODEL_NAMESPACES.includes(segments[0]) ? 'auxiliary' : 'run';
  for (let k = 0; k < segments.length; k++) {
    const alias = ALIAS.get(segments.slice(k).join('.'));
    if (alias) return { name: alias, role };
  }
  return { name: segments[segments.length - 1], role };
}

/** `--num-layers`, `num-layers`, `num_layers`: one name. */
export function normaliseSizingName(name: string): string {
  return name.replace(/-/g, '_');
}

const LOOKUP: Record<SizingSource, Map<string, SizingKind>> = { python: new Map(), config: new Map(), flag: new Map() };
const WORDS = new Set<string>();
/**
 * Names the table gives two kinds in one source: a mistake in the table, listed (and checked empty by
 * a unit test) rather than thrown, so a bad edit cannot stop the extension from loading. The first wins.
 */
export const SIZING_CONFLICTS: string[] = [];

function register(name: string, kind: SizingKind, sources: readonly SizingSource[]): void {
  for (const source of sources) {
    const existing = LOOKUP[source].get(name);
    if (existing && existing !== kind) SIZING_CONFLICTS.push(`"${name}" is both ${existing} and ${kind} in ${source}`);
    else LOOKUP[source].set(name, kind);
  }
  WORDS.add(name);
}

for (const entry of SIZING_TABLE) {
  for (const name of entry.names) register(name, entry.kind, SIZING_SOURCES);
  for (const group of entry.only ?? []) for (const name of group.names) register(name, entry.kind, group.sources);
}
for (const d of DIFFERENCES) {
  for (const source of SIZING_SOURCES) {
    const kind = d.kinds[source];
    if (kind) register(d.name, kind, [source]);
  }
}

/** What a name states in a source (`sizingKindFor('num-layers', 'flag')` → model.layers), or undefined. */
export function sizingKindFor(name: string, source: SizingSource): SizingKind | undefined {
  return LOOKUP[source].get(normaliseSizingName(name));
}

/** Every name of a source with its kind (for tests and documentation). */
export function sizingNamesOf(source: SizingSource): ReadonlyMap<string, SizingKind> {
  return LOOKUP[source];
}

/**
 * Every sizing word, in snake_case, for prefilters: a file that contains none of these (nor a
 * hyphenated form, which a prefilter should fold the same way) states no size.
 */
export function allSizingWords(): readonly string[] {
  return [...WORDS];
}
