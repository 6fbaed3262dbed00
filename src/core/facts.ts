import type { GivenArguments } from './extract/givenArguments';

/**
 * Facts: what the extractors read from code or config, each tied to the exact
 * text that says it, so every surface can point back at the line.
 */

/** Zero-based line/column range; columns are UTF-16 code units, as in VS Code. */
export interface SourceRange {
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
  /** In a notebook: the 0-based index of the cell (in the notebook's `cells`), lines counted within it. */
  readonly cell?: number;
}

export type FactKind =
  | 'model.id'
  | 'model.fromScratch'
  | 'model.params'
  | 'training.epochs'
  | 'training.steps'
  /**
   * Iterations that make one epoch where a config fixes it (DINOv2's `train.OFFICIAL_EPOCH_LENGTH`): with the
   * epochs of another file (a config over its program's defaults) it gives the steps (resolve/factsToSpec).
   */
  | 'training.stepsPerEpoch'
  | 'training.batchPerDevice'
  | 'training.gradientAccumulation'
  | 'training.seqLen'
  | 'training.precision'
  /**
   * The compute precision is the half format the GPU supports: bf16 where it has bf16 units, else fp16 (Unsloth's
   * `dtype=None`, `bf16=is_bfloat16_supported()` beside `fp16=not is_bfloat16_supported()`). Value true; resolved
   * against the run's accelerator (resolve/completeRun) when no precision is stated.
   */
  | 'training.precisionByGpu'
  | 'training.adapter'
  | 'training.gradientCheckpointing'
  /**
   * Whether cuDNN may run float32 convolutions on TF32 tensor cores (`torch.backends.cudnn.allow_tf32 = False`
   * turns PyTorch's default off): decides the rate an fp32 convolutional run computes at (estimate/precisionDefault).
   */
  | 'training.convolutionTf32'
  /** Devices one copy of the model is split across by tensor (Megatron) parallelism. */
  | 'training.tensorParallel'
  /** Pipeline stages one copy of the model is split across. */
  | 'training.pipelineParallel'
  | 'training.dataset'
  | 'model.layers'
  | 'model.hiddenSize'
  | 'model.vocabSize'
  /** Feed-forward width (intermediate_size, n_inner, ffn_dim) when it is not 4 × hidden. */
  | 'model.ffnSize'
  /**
   * The feed-forward block is gated (SwiGLU/GeGLU: three d × ffn matrices where the size formula counts two), as
   * the architecture a config names builds it (config/hubModelConfig.ts). Value true; the width counts 1.5 times.
   */
  | 'model.gatedFfn'
  /** Learned absolute position embeddings (GPT-2 n_positions, BERT-style max_position_embeddings). */
  | 'model.learnedPositions'
  /** Query attention heads (num_attention_heads, n_head): with model.kvHeads, the share of attention K/V weights. */
  | 'model.attentionHeads'
  /**
   * Key/value heads of grouped-query attention (num_key_value_heads, num_kv_heads, num_query_groups): the K and V
   * projections are kvHeads/heads of the query projection's width.
   */
  | 'model.kvHeads'
  /** Mixture of experts: routed experts in each MoE layer (Megatron `--num-experts`). */
  | 'model.experts'
  /** Mixture of experts: experts each token is routed to (Megatron `--moe-router-topk`). */
  | 'model.expertsPerToken'
  /** Mixture of experts: experts in every Nth layer only, the others dense (Megatron-DeepSpeed `--expert-interval`). */
  | 'model.expertInterval'
  /** Mixture of experts: one expert's feed-forward width, counted as model.ffnSize is (`--moe-ffn-hidden-size`). */
  | 'model.expertFfnSize'
  /** Mixture of experts: parameters used per token, where a config's full layout gives them with the total. */
  | 'model.activeParams'
  /**
   * The Transformers class a checkpoint is loaded with when the checkpoint itself is not read (`LlamaForCausalLM`
   * from `args.model`): it names the run's architecture, never its size (resolve/factsToSpec names the model by it).
   */
  | 'model.architectureClass'
  /**
   * The network a program builds and trains or runs, by its class (`model = NeuralNet(...)` then
   * `optim.Adam(model.parameters())`) or by the default of the flag that picks its architecture (`--arch Uformer_B`):
   * it names the model when no rule read a model id, and gives no size itself (a catalog name sizes it as any name does).
   */
  | 'model.builtNetwork'
  /** nn.DataParallel / MirroredStrategy over N devices: the loader's batch is split N ways. */
  | 'training.batchSplit'
  /** `gradient_accumulation_steps //= world_size`: the accumulation written is for all devices together, not each. */
  | 'training.accumulationShared'
  /** The launch sits in a loop over N values (a sweep, seeds): N runs. Range: the loop. */
  | 'launch.repeat'
  /** The model's output layer has its own weights (not tied to the token embedding): + vocab × d. */
  | 'model.untiedHead'
  /**
   * The size word a separate key picks for a model family built by a factory (BLIP task configs' `vit: base`,
   * a factory's `vit='large'`). It names a catalog row only with a model id that has rows per size
   * (`blip:decoder` + `base` = `blip:decoder-base`); alone it says nothing.
   */
  | 'model.variant'
  | 'inference.maxNewTokens'
  /** Prompt length in tokens (a benchmark's input lengths). */
  | 'inference.inputTokens'
  /** How requests are served: `hf-generate`, `hf-pipeline`, `vllm`, `tgi`, `sglang`, `tensorrt-llm`, `other` (a client of a server). */
  | 'inference.engine'
  /** Sequences decoded together: vLLM max_num_seqs, TGI max_batch_size, a pipeline's or loop's batch size. */
  | 'inference.concurrency'
  /** Sequences generated per request: SamplingParams(n=), num_beams, num_return_sequences. */
  | 'inference.numSequences'
  /** Devices one model replica is split over (tensor_parallel_size, --num-shard, --tp). */
  | 'inference.tensorParallel'
  /** The serving stack's version (`vllm==0.5.4` in a requirements file): vLLM before 0.6 blocked the GPU on its CPU work. */
  | 'inference.engineVersion'
  /** Thinking switched on or off (enable_thinking=, reasoning_effort=): true/false. */
  | 'inference.reasoning'
  /** Precision the weights are served in (quantization="awq" → int4, fp8, bitsandbytes). */
  | 'inference.weightPrecision'
  /** Requests an offline job serves: a loop's count, a literal list of prompts. */
  | 'inference.requests'
  /** A deployment: requests per day and days of service (directives, settings). */
  | 'inference.requestsPerDay'
  | 'inference.days'
  /** A diffusion pipeline's call: its denoising steps (`num_inference_steps=`). */
  | 'inference.denoisingSteps'
  /** A diffusion pipeline's call: `guidance_scale=` (above 1, classifier-free guidance runs the denoiser twice a step). */
  | 'inference.guidanceScale'
  /** A diffusion pipeline's call: pixels of each image it generates (`height=` × `width=`). */
  | 'inference.imagePixels'
  | 'training.mode'
  | 'training.tokens'
  | 'training.datasetTokens'
  | 'training.datasetSamples'
  | 'hardware.region'
  | 'model.forwardFlopsPerSample'
  /**
   * A counted network built of convolutions (its value the class name): its forward cost grows with the input size,
   * so the 2 × parameters of forwardFlopsPerSample is only a lower bound until the input size is read.
   */
  | 'model.convolutional'
  /** Pixels (times frames, for video) of one training sample as the config's train pipeline sizes it (readers/mmInputSize.ts). */
  | 'model.inputPixels'
  /** The kind of head on a vision backbone: classification, detection or segmentation (readers/mmInputSize.ts). */
  | 'model.visionHead'
  /**
   * A Hub model repository the file downloads into a folder (`snapshot_download(repo_id=...)`): the run's model only
   * where the model is read as a local folder whose name states none (extract/localModelFolder.ts).
   */
  | 'model.downloaded'
  /**
   * The catalog row whose architecture the loaded model shares, read from the class that loads it
   * (`StableDiffusionXLPipeline.from_pretrained("org/sdxl-finetune")` can only load SDXL-architecture weights): the
   * size when the model's own id is in no catalog and its name states none (extract/pipelineArchitecture.ts).
   */
  | 'model.architectureOf'
  | 'training.globalBatch'
  /**
   * The program's `batch_size` counts tokens a step across devices, not sequences: it is handed to a parameter named
   * for tokens (`distributed_data_generator(files, stage.batch_size, ...)` with `def …(filename_pattern, num_tokens, …)`).
   * Value true; with the steps, the run's tokens are steps × batch (resolve/factsToSpec).
   */
  | 'training.batchInTokens'
  | 'training.datasetConfig'
  | 'link.script'
  | 'link.config'
  /**
   * A local module whose function this script runs at module level (`from train import train` …
   * `mp.Process(target=train)`): its facts join, and its training loop starts this script's run.
   */
  | 'link.module'
  /**
   * A module of the repository holding the class of the network this program builds (`from models import Encoder`,
   * `model = Encoder(hidden=256)`): value the module's file; `classBuild` the class and the arguments read at the call.
   * The class is counted in that file with them (analyze.ts); nothing else of the module joins the run.
   */
  | 'link.class'
  /**
   * A script a launch line runs (`link.script`), found and read: nothing in it or in what it links to reads as
   * a model, a run or its settings (an upload helper, a router beside the workload). Value: the reference as
   * the line wrote it.
   */
  | 'link.noRun'
  /**
   * A whole-number default of a flag a module that only declares a program's flags sets (`--niter` default 100 in an
   * options class's `initialize`): value the flag's destination, detail the number. A program's loop bound summed
   * from such flags (Fact.flagSum) takes them through the link (analyze.ts).
   */
  | 'flag.default'
  /**
   * A config group a Hydra defaults list composes (`defaults: [model: ???, loss: sft]`): value the group's name
   * (`model`). A launch line's choice for it (`model=llama`, Fact.choices) links `<this folder>/model/llama.yaml`.
   */
  | 'link.hydraGroup'
  | 'hardware.accelerator'
  | 'hardware.devices'
  | 'hardware.nodes'
  | 'launch.trainer'
  | 'launch.inference'
  /** A Python file that only assigns constants (nanoGPT's `config/*.py`, read by `exec`): it is read like a config. Value 'registry': a module of job-config functions (torchtitan's config_registry.py). */
  | 'source.configModule'
  /** A gin config's statements as written, in order (extract/gin/ginFacts.ts): composed with its includes into a run (ginRun.ts). Value: the binding's name (detail: its value as written), the include's path, the import's alias (detail: the module). */
  | 'gin.binding'
  /**
   * A field an ml_collections config sets that a size is counted from (`data.image_size`), read where the config sets
   * it (a defaults function's with `within`): composed with the fields of the config it starts from
   * (extract/mlCollectionsRun.ts). Value: the dotted key; detail: its value as JSON.
   */
  | 'mlc.setting'
  /**
   * A top-level whole number of a config that only a program reading that key uses (`epochs_1st: 200`, the first of
   * two stages' epochs): value the key, detail the number. Drawn into a run through a program's fact with that
   * `configKey` (analyze.ts linkedFacts); nothing of the config's own run.
   */
  | 'config.value'
  | 'gin.include'
  | 'gin.import'
  /** Whether the file launches a run: false for a library module (detail says why), true when a `# green-ai: run` directive forces it in. */
  | 'run.entry'
  /**
   * The file runs as main and reads command-line flags (argparse, HfArgumentParser, TrlParser, fire, click,
   * typer, LightningCLI): a program people run with flags, a run wherever it sits. The value names the parser.
   */
  | 'run.commandLine'
  /** The framework that runs the run, as a short id (`torchtune`, `composer`, `litgpt`, `neox`, `megatron`, `trl`, `axolotl`, `llamafactory`, `hf-trainer`). */
  | 'run.framework'
  /** CodeCarbon project name (EmissionsTracker(project_name=...) or a `project=` directive): ties measured runs to this code. */
  | 'tracking.project';

/** null: the code sets it, but not to something we can read statically (see `detail`). */
export type FactValue = string | number | boolean | null;

export interface Fact {
  readonly kind: FactKind;
  readonly value: FactValue;
  readonly range: SourceRange;
  /** high: a literal at the call; medium: resolved through a constant or default; low: inferred. */
  readonly confidence: 'high' | 'medium' | 'low';
  /** Human wording of how it was read, e.g. "num_train_epochs=3 in TrainingArguments". */
  readonly detail: string;
  /** Set when a `# green-ai:` directive comment stated it: directives win over what code implies. */
  readonly directive?: true;
  /** When the value was read through a name (a constant, a default), the line where the literal is. */
  readonly originLine?: number;
  /** Set on facts read from another file the run links to (a launched script, a named config). */
  readonly file?: string;
  /** Where a quick fix would edit: the call's argument list, the literal, the statement. */
  readonly edit?: FactEditAnchors;
  /**
   * A program's value worked out from the defaults of its command-line flags (`n_embd = depth * aspect_ratio`
   * with `--depth` default 20): those flags, as destinations (`depth`, `aspect_ratio`). A launch that passes one
   * of them changes the value, which is then not known from here.
   */
  readonly fromFlags?: readonly string[];
  /**
   * On a launch of a derived config (`_base_ = ["256px.py", "plugins/tp.py"]`) whose own text sets nothing of training:
   * the configs it inherits decide whether it trains or generates (factsToSpec).
   */
  readonly launchFromBase?: true;
  /** On a link to a program: the flags the launch line passes it (destinations, `--max-seq-len` as `max_seq_len`). */
  readonly passes?: readonly string[];
  /**
   * On a link to a shell script: the words the launch line hands it as its positional parameters (`bash sft.sh out
   * run1 org/model 2` → `$1`…`$4`; '' for a word set only when the line runs). The script is read with them.
   */
  readonly positional?: readonly string[];
  /**
   * On a link to a program: the literal values the launch line gives the flags it passes (`--steps=200`, `-a resnet50`),
   * as [destination or short flag, value]. A program's value that is one flag's default unchanged (`flagDefault`)
   * takes the launch's value instead (analyze.ts linkedFacts).
   */
  readonly passedValues?: readonly (readonly [string, string])[];
  /**
   * On a link to a config: keys this config sets as a whole-number multiple of the linked config's value
   * (`train.max_iter *= 4`, `train.max_iter = train.max_iter * 3 // 4`), as [key, times, over]: the linked value of
   * that key, passed over, reaches the run as floor(value × times / over) (analyze.ts linkedFacts).
   */
  readonly scales?: readonly (readonly [string, number, number])[];
  /**
   * A program's value that is exactly one command-line flag's default, used as it is (`range(args.steps)` with
   * `--steps` default 100, `models.__dict__[args.arch]`): that flag's destination and short spelling, if any.
   */
  readonly flagDefault?: readonly string[];
  /**
   * A value picked by the word one flag is given (its `flagDefault`): each word the program tests the flag against
   * (`args.plugin == "gemini"`; a trailing `*` for a prefix test, `args.plugin.startswith("torch_ddp")`), with the
   * value that word gives. A launch giving the flag a word takes that word's value (`pickedBy`); any other word leaves
   * the value unknown.
   */
  readonly picks?: readonly (readonly [string, FactValue])[];
  /**
   * On a link to a program: the Hydra config group choices the launch line makes (`model=llama loss=dpo`, as
   * `model=llama`), applied to the groups its primary config's defaults list names (link.hydraGroup).
   */
  readonly choices?: readonly string[];
  /**
   * On a link to a module: flags the program declares again with no default of its own (`--model-path` with
   * `default=[]` after the module's `add_model_args(parser)`). What the module works out from its own default of
   * such a flag (``default of `--model-path` ``) is not this run's.
   */
  readonly redeclared?: readonly string[];
  /**
   * Read inside one of a module's several settings functions (`default_ppo_config`): that function's name. Such a
   * fact reaches a program through a link only when the link names the function (`functions`).
   */
  readonly within?: string;
  /**
   * On a link to a module: the settings functions of it the program calls (`default_ilql_config`). On a `source`
   * link of a shell script: the variables the script takes from the sourced file (`$MODEL_ARGS`, and
   * `per-node:$MP_SIZE` for a launch's per-node process count), matched against the `within` tags of the facts
   * the sourced file's variables give (shell/sourcedArguments.ts).
   */
  readonly functions?: readonly string[];
  /**
   * A program's value read from the config it loads by this key (`epochs = config.get('epochs_1st', 200)`, the value
   * the default): a config the program links to that sets the key (a `config.value` fact) gives its value instead
   * (analyze.ts linkedFacts), less `configKeyOffset` when the program counts from a start (`range(1, epochs)`).
   */
  readonly configKey?: string;
  readonly configKeyOffset?: number;
  /**
   * A program's loop count left unknown because it sums flags another module declares (`range(start_epoch, opt.niter
   * + opt.niter_decay + 1)`, pix2pix-style options classes): the flags with their signs and the whole-number rest. A
   * module the program links gives the flags' defaults (`flag.default`), a launch its own values (analyze.ts).
   */
  readonly flagSum?: { readonly flags: readonly (readonly [string, number])[]; readonly constant: number };
  /**
   * On a program's fact drawn by the configs it reads (python/configProgram.ts): the top-level keys its config
   * dataclass accepts. A config's link draws it only when the config's own top-level keys (`passes`) are all among them.
   */
  readonly fields?: readonly string[];
  /** On a `link.class`: the class the program builds and the arguments it builds it with. */
  readonly classBuild?: ClassBuild;
}

export interface ClassBuild {
  /** The class's name in its module (`NetX` for `from models.net_x import NetX as net`). */
  readonly className: string;
  readonly arguments: GivenArguments;
}

export interface FactEditAnchors {
  /** The `( ... )` of the call the fact was read from. */
  readonly argumentList?: SourceRange;
  /** The literal that holds the value (possibly on another line, through a constant). */
  readonly valueRange?: SourceRange;
  /** The whole statement, and the name it assigns (`model = AutoModel...from_pretrained(...)`). */
  readonly statement?: SourceRange;
  readonly assignedTo?: string;
  /** The called name (`AutoModelForCausalLM.from_pretrained`, `TrainingArguments`, `pl.Trainer`). */
  readonly callee?: string;
}

/** Facts that start a run: a training call, loop or launch, or inference (not the constructions that merely configure one). */
export function startsARun(f: Fact): boolean {
  // A start read inside a function the module never calls itself (`within`, python/readers/packageFacade.ts) starts
  // the run of a program that calls it (drawn there through its link, `file` set), not the module's own.
  if (f.within !== undefined && f.file === undefined) return false;
  return (f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:')) || f.kind === 'launch.inference';
}

export function spanOf(ranges: readonly SourceRange[]): SourceRange | null {
  if (ranges.length === 0) return null;
  let start = ranges[0];
  let end = ranges[0];
  for (const r of ranges) {
    if (r.startLine < start.startLine || (r.startLine === start.startLine && r.startCol < start.startCol)) start = r;
    if (r.endLine > end.endLine || (r.endLine === end.endLine && r.endCol > end.endCol)) end = r;
  }
  return { startLine: start.startLine, startCol: start.startCol, endLine: end.endLine, endCol: end.endCol };
}

/** The value `word` picks in a fact's `picks` (the exact word first, then a `prefix*`); undefined when none. */
export function pickedBy(picks: readonly (readonly [string, FactValue])[], word: string): FactValue | undefined {
  const exact = picks.find(([pick]) => pick === word);
  if (exact) return exact[1];
  return picks.find(([pick]) => pick.endsWith('*') && word.startsWith(pick.slice(0, -1)))?.[1];
}
