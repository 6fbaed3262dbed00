import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, stringLiteral, type Resolved, type SymbolTable } from '../../pythonValues';
import { flagsOf, truncate, type PythonReadContext } from '../context';
import { attachEdit, readTrainerSetup, readTrainingKeywords, PYTHON_SIZING_NAMES, sizingKind } from '../keywords';
import type { CallRule } from '../rules';
import { pipelineArchitecture } from '../../pipelineArchitecture';

/**
 * Hugging Face transformers, TRL and accelerate: model loads (`from_pretrained` pretrained,
 * `from_config` and `XForCausalLM(config)` from scratch), argument classes and trainers,
 * architecture configs, pipelines and `generate`, `load_dataset`, tokenizer lengths.
 */

/** Hugging Face / TRL argument classes whose keywords size a run. */
const HF_ARGUMENT_CLASSES = [
  'TrainingArguments',
  'Seq2SeqTrainingArguments',
  'SFTConfig',
  'DPOConfig',
  'ORPOConfig',
  'KTOConfig',
  'CPOConfig',
  'GRPOConfig',
  'RewardConfig',
  'PPOConfig',
  'GKDConfig',
  'RLOOConfig',
];
/**
 * TRL's trainers align or instruction-tune a model that was already pretrained (their documentation
 * starts every recipe from a Hub checkpoint): reading one says the run is a fine-tune.
 */
const ALIGNMENT_TRAINERS = new Set([
  'SFTTrainer',
  'DPOTrainer',
  'ORPOTrainer',
  'KTOTrainer',
  'CPOTrainer',
  'GRPOTrainer',
  'RewardTrainer',
  'PPOTrainer',
  'GKDTrainer',
  'RLOOTrainer',
]);
/** Calls that set up training (`Trainer` is also Lightning's; `Accelerator` is accelerate's). */
const TRAINER_CLASSES = ['Trainer', 'Seq2SeqTrainer', ...ALIGNMENT_TRAINERS, 'Accelerator'];
/** Hugging Face model classes built directly from a config (random weights). */
const HF_MODEL_CLASS = /^[A-Z]\w*(For[A-Z]\w+|LMHeadModel)$/;
/**
 * A Transformers class written for one architecture (`LlamaForCausalLM`, `OPTForCausalLM`, `GPT2LMHeadModel`,
 * `T5ForConditionalGeneration`): the Transformers naming convention is `<Architecture>For<Task>` / `<Architecture>LMHeadModel`,
 * and such a class loads only checkpoints of its architecture. `Auto*` classes pick the architecture from the checkpoint.
 */
const ARCHITECTURE_MODEL_CLASS =
  /^(?!Auto)(?:TF|Flax)?([A-Z][A-Za-z0-9]{1,40}?)(?:For(?:CausalLM|ConditionalGeneration|Seq2SeqLM|PreTraining|MaskedLM|SequenceClassification|TokenClassification|QuestionAnswering|MultipleChoice|ImageClassification|SpeechSeq2Seq|CTC)|LMHeadModel)$/;
/**
 * Classes whose `from_pretrained` loads something other than the trained model (preprocessing, configuration, a
 * pipeline's safety checker), and PyTorch's `nn.Embedding.from_pretrained(tensor)`, which builds an embedding from a
 * tensor the program holds (PyTorch docs, Embedding.from_pretrained: "Create Embedding instance from given
 * 2-dimensional FloatTensor"; a Transformer tutorial's sinusoid table), loading nothing.
 */
export const NOT_A_MODEL =
  /(Tokenizer|Processor|Config|FeatureExtractor|ImageProcessor|GenerationConfig|Scheduler|Collator|SafetyChecker)|(?:^|\.)Embedding(?:Bag)?$/;

function ownerOf(full: string): string {
  return full.endsWith('.from_pretrained') || full.endsWith('.from_config') ? full.slice(0, full.lastIndexOf('.')) : '';
}

/** The argument that names the model a `from_pretrained` call loads: the first positional one, else a keyword. */
export function modelArgument(call: Node): Node | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  const first = args.namedChildren.find((c) => c?.type !== 'keyword_argument' && c?.type !== 'comment');
  if (first?.type === 'list_splat' || first?.type === 'dictionary_splat') return null;
  // `repo_id=`: llama-cpp-python's `Llama.from_pretrained(repo_id=..., filename=...)` (a GGUF file of a Hub repo).
  // `model_name=`: Unsloth's loaders (`FastLanguageModel.from_pretrained(model_name="unsloth/...")`, the first
  // parameter of FastLanguageModel/FastModel/FastSentenceTransformer.from_pretrained, unsloth/models/loader.py).
  return (
    first ??
    keywordArgument(args, 'pretrained_model_name_or_path') ??
    keywordArgument(args, 'repo_id') ??
    keywordArgument(args, 'model_name')
  );
}

function modelIdFromPretrainedCall(call: Node, symbols: SymbolTable): Resolved | undefined {
  return evaluate(modelArgument(call), symbols);
}

export function readModelLoad(
  call: Node,
  ctx: PythonReadContext,
  classText: string,
  scratch: boolean,
  method = 'from_pretrained',
): void {
  if (!scratch) {
    const id = modelIdFromPretrainedCall(call, ctx.symbols);
    const first =
      modelArgument(call) ??
      call.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment') ??
      undefined;
    if (id && typeof id.value === 'string') {
      ctx.add(
        'model.id',
        id.value,
        first ?? call,
        id.via ? `${classText}.${method} (${id.via})` : `${classText}.${method}`,
        id.via ? 'medium' : 'high',
      );
      // `-c` / `--checkpoint-path` default: a launch that passes the short flag (`python serve.py -c /data/ckpt/`)
      // loads another model, so the default is not this run's (analyze.ts linkedFacts). A long flag is left out: the
      // shell reader states the model a launch passes under the usual names (`--model_name_or_path`), and a value
      // under another name (`--base_model_name="org/name"`) is often the default again, which is kept.
      const flags = id.via ? flagsOf(id.via).filter((f) => f.startsWith('-')) : [];
      if (id.via)
        ctx.facts[ctx.facts.length - 1] = {
          ...ctx.facts[ctx.facts.length - 1],
          originLine: id.origin.startPosition.row,
          ...(flags.length > 0 ? { fromFlags: flags } : {}),
        };
      attachEdit(ctx, call, `${classText}.${method}`, id.origin);
    } else if (first) {
      ctx.add(
        'model.id',
        null,
        first,
        `${classText}.${method}: \`${truncate(first.text)}\` cannot be read statically`,
        'low',
      );
      // The checkpoint is not read, but the class names its architecture: the run's model is named by it, its size
      // stays unknown (any checkpoint of that architecture fits).
      const className = classText.slice(classText.lastIndexOf('.') + 1);
      const architecture = ARCHITECTURE_MODEL_CLASS.exec(className)?.[1];
      if (architecture && method === 'from_pretrained')
        ctx.add(
          'model.architectureClass',
          className,
          call,
          `${className} loads a checkpoint of the ${architecture} architecture; which one (and its size) is not read`,
          'low',
        );
    }
    ctx.add('model.fromScratch', false, call, `${classText}.${method} loads pretrained weights`);
    // A pipeline class written for one architecture sizes a checkpoint no catalog holds (pipelineArchitecture.ts).
    const architecture = pipelineArchitecture(classText);
    if (architecture)
      ctx.add(
        'model.architectureOf',
        architecture.catalogId,
        call,
        `${classText} loads only ${architecture.architecture}-architecture weights`,
        'medium',
      );
    readTrainingKeywords(call, ctx, `${classText}.${method}`);
    return;
  }
  // from_config(config): the config often comes from AutoConfig.from_pretrained("gpt2").
  const arg = call.childForFieldName('arguments')?.namedChildren[0];
  const bound = arg?.type === 'identifier' ? ctx.symbols.lookup(arg.text) : undefined;
  const configCall = (n: Node | undefined) =>
    n?.type === 'call' &&
    ctx.callee(n).last === 'from_pretrained' &&
    !/Tokenizer|Processor|FeatureExtractor/.test(ctx.callee(n).full);
  const source = configCall(bound?.node) ? bound!.node : arg?.type === 'call' && configCall(arg) ? arg : undefined;
  if (source) {
    const id = modelIdFromPretrainedCall(source, ctx.symbols);
    if (id && typeof id.value === 'string') {
      ctx.add(
        'model.id',
        id.value,
        source,
        `architecture of \`${id.value}\`, weights initialised from scratch`,
        'medium',
      );
      // `-c` / `--checkpoint-path` default: a launch that passes the short flag (`python serve.py -c /data/ckpt/`)
      // loads another model, so the default is not this run's (analyze.ts linkedFacts). A long flag is left out: the
      // shell reader states the model a launch passes under the usual names (`--model_name_or_path`), and a value
      // under another name (`--base_model_name="org/name"`) is often the default again, which is kept.
      const flags = id.via ? flagsOf(id.via).filter((f) => f.startsWith('-')) : [];
      if (id.via)
        ctx.facts[ctx.facts.length - 1] = {
          ...ctx.facts[ctx.facts.length - 1],
          originLine: id.origin.startPosition.row,
          ...(flags.length > 0 ? { fromFlags: flags } : {}),
        };
    }
    // AutoConfig.from_pretrained("gpt2", n_layer=6, n_embd=512): the sizes it overrides.
    const configArgs = source.childForFieldName('arguments');
    for (const arg of configArgs?.namedChildren ?? []) {
      if (arg?.type !== 'keyword_argument') continue;
      const name = arg.childForFieldName('name')?.text ?? '';
      const value = arg.childForFieldName('value');
      const kind = sizingKind(name);
      if (
        value &&
        kind &&
        (kind === 'model.layers' ||
          kind === 'model.hiddenSize' ||
          kind === 'model.vocabSize' ||
          kind === 'model.ffnSize')
      ) {
        ctx.addResolved(kind, value, `${name} overridden in ${ctx.callee(source).full}`);
      }
    }
  }
  const loaded = weightsLoadedInto(call, ctx.text);
  if (loaded)
    ctx.add(
      'model.fromScratch',
      false,
      call,
      `${classText} built from its config, then given trained weights (${loaded})`,
      'medium',
    );
  else ctx.add('model.fromScratch', true, call, `${classText}.from_config initialises random weights`);
  attachEdit(
    ctx,
    call,
    classText.endsWith('.from_config') || classText === 'from_config' ? classText : `${classText}.from_config`,
  );
}

/**
 * Llama-family configs (Llama, Mistral, Qwen2, Gemma, Phi-3): gated MLP and grouped-query
 * attention, so 12·L·d² does not apply. Parameters from the architecture's own shapes:
 * embeddings V·d, per layer q/o d², k/v 2·d·(d/heads·kv_heads), MLP 3·d·ff, two norms 2·d,
 * a final norm d, and an untied LM head V·d.
 */
function readLlamaStyleParams(node: Node, args: Node, className: string, ctx: PythonReadContext): void {
  if (!/^(Llama|Mistral|Mixtral|Qwen2|Qwen3|Gemma|Gemma2|Phi3|Olmo)\w*Config$/.test(className)) return;
  const num = (name: string, fallback?: number) => {
    const v = keywordArgument(args, name);
    const r = v ? evaluate(v, ctx.symbols) : undefined;
    return typeof r?.value === 'number' ? r.value : fallback;
  };
  const d = num('hidden_size');
  const layers = num('num_hidden_layers');
  const ff = num('intermediate_size');
  const vocab = num('vocab_size', 32000);
  const heads = num('num_attention_heads');
  if (!d || !layers || !ff || !vocab || !heads) return;
  const kvHeads = num('num_key_value_heads', heads)!;
  const tieNode = keywordArgument(args, 'tie_word_embeddings');
  const tied = tieNode ? evaluate(tieNode, ctx.symbols)?.value === true : false;
  const kv = (d / heads) * kvHeads;
  const perLayer = 2 * d * d + 2 * d * kv + 3 * d * ff + 2 * d;
  const params = vocab * d + layers * perLayer + d + (tied ? 0 : vocab * d);
  ctx.add(
    'model.params',
    params,
    node.childForFieldName('function') ?? node,
    `${className}: ${layers} layers × (attention with ${kvHeads}/${heads} KV heads + gated MLP ${ff}) + embeddings${tied ? ' (tied head)' : ' + LM head'}`,
  );
}

/**
 * diffusers' first-stage autoencoders (`AutoencoderKL`, `AutoencoderTiny`, `VQModel`, `ConsistencyDecoderVAE`: a pipeline's
 * `vae` swapped for OpenAI's consistency decoder, as PixArt's demo apps do): a latent-diffusion program
 * loads one, frozen, to encode images into latents and decode them back (DiT's `AutoencoderKL.from_pretrained(
 * "stabilityai/sd-vae-ft-ema")`); the model it trains or samples with is the denoiser, read from its own call, and
 * a trainer's frozen autoencoder does not make the denoiser a fine-tune.
 */
const FIRST_STAGE_AUTOENCODER = /(?:^|\.)(?:Autoencoder\w{0,30}|VQModel|[A-Z]\w{0,40}VAE)$/;

/**
 * A pretrained model cut down to its stack as soon as it is loaded (`AutoModelForCausalLM.from_pretrained(name)
 * .get_decoder()`, `.get_encoder()`, `.text_model`; eighteenth round, set U): the program keeps only the hidden
 * states, to embed captions or prompts for the model it builds and trains (a text-to-image denoiser conditioned on
 * an LLM's features). Like the first-stage autoencoder above, the load is a frozen encoder, not the run's model: it
 * does not name the model nor make the trained one a fine-tune.
 */
const ENCODER_PART = new Set(['get_decoder', 'get_encoder', 'text_model']);
function cutToEncoder(call: Node): boolean {
  const parent = call.parent;
  return (
    parent?.type === 'attribute' &&
    parent.childForFieldName('object')?.id === call.id &&
    ENCODER_PART.has(parent.childForFieldName('attribute')?.text ?? '')
  );
}

/**
 * diffusers' conditioning components (`ControlNetModel`, `T2IAdapter`, `MultiAdapter`; diffusers docs, "ControlNet"
 * and "T2I-Adapter" pipelines): loaded to be handed to a pipeline (`Pipeline.from_pretrained(base, controlnet=
 * controlnet)`), they steer the base model, which is what the program generates with. In a program that loads such a
 * pipeline and trains nothing, the component's load names neither the model nor its size; the pipeline's does. The
 * same holds for the annotators that turn an input image into the control image (controlnet_aux's `MidasDetector`,
 * `OpenposeDetector`, `HEDdetector`: preprocessing, github.com/huggingface/controlnet_aux).
 */
const CONDITIONING_COMPONENT = /(?:^|\.)(?:ControlNet\w{0,20}Model|T2IAdapter|MultiAdapter|[A-Z]\w{0,30}[Dd]etector)$/;
const LOADS_PIPELINE = /Pipeline\w{0,64}\s*\.\s*from_(?:pretrained|single_file)\s*\(/;
function conditioningOfPipeline(full: string, ctx: PythonReadContext): boolean {
  return (
    CONDITIONING_COMPONENT.test(ownerOf(full)) && LOADS_PIPELINE.test(ctx.text) && !/\.backward[ \t]*\(/.test(ctx.text)
  );
}

export const fromPretrained: CallRule = {
  framework: 'huggingface',
  callees: ['from_pretrained'],
  when: ({ full }) => !NOT_A_MODEL.test(ownerOf(full)),
  read: ({ node, full, ctx }) => {
    if (conditioningOfPipeline(full, ctx)) {
      ctx.add(
        'model.fromScratch',
        false,
        node,
        `${ownerOf(full)}.from_pretrained loads a conditioning component handed to the pipeline`,
        'low',
      );
      return;
    }
    const component = componentSubfolder(node);
    if (component) {
      // `T5EncoderModel.from_pretrained(path, subfolder="text_encoder")`: one part of a diffusers pipeline folder,
      // loaded beside the denoiser the program builds or loads itself; not the run's model.
      ctx.add(
        'model.fromScratch',
        false,
        node,
        `${ownerOf(full) || full}(…, subfolder="${component}") loads the pipeline's ${component}, a pretrained component`,
        'low',
      );
      return;
    }
    if (FIRST_STAGE_AUTOENCODER.test(ownerOf(full)) || cutToEncoder(node)) {
      // Not the run's model; in a program that trains nothing it still says the weights used are trained ones.
      if (!/\.backward[ \t]*\(/.test(ctx.text))
        ctx.add(
          'model.fromScratch',
          false,
          node,
          cutToEncoder(node)
            ? `${ownerOf(full)}.from_pretrained(...).${node.parent?.childForFieldName('attribute')?.text ?? ''}: a pretrained encoder of the inputs`
            : `${ownerOf(full)}.from_pretrained loads a pretrained autoencoder (the latent encoder/decoder)`,
          'low',
        );
      return;
    }
    // The file's own loader (`@classmethod def from_pretrained(cls, model_type)` of a model class that copies a Hub
    // checkpoint's weights into itself): its body says what the class can load, not what the script runs. A call of
    // the loader (`GPT.from_pretrained("gpt2")`) is read as a load where it is made.
    if (insideOwnLoader(node)) return;
    // What the load is bound to (a pipeline that `pipe(prompt)` runs) is found before the calls are read: python/handles.ts.
    readModelLoad(node, ctx, ownerOf(full) || full, false);
  },
};

/**
 * The parts of a diffusers pipeline folder (model_index.json's components) that condition or decode around the
 * denoiser: text encoders, tokenizers, the VAE, the scheduler, the safety checker. The denoiser's own folders
 * (`unet`, `transformer`, `prior`) are the model.
 */
const PIPELINE_COMPONENT =
  /^(?:text_encoder(?:_\d)?|tokenizer(?:_\d)?|vae|scheduler|safety_checker|feature_extractor|image_encoder)$/;

/** The component a `from_pretrained(…, subfolder="text_encoder")` call loads, per PIPELINE_COMPONENT. */
function componentSubfolder(call: Node): string | undefined {
  const args = call.childForFieldName('arguments');
  const sub = args ? keywordArgument(args, 'subfolder') : null;
  const name = sub ? stringLiteral(sub) : null;
  return name && PIPELINE_COMPONENT.test(name) ? name : undefined;
}

/** Levels walked up from a call to its enclosing function (a loader's body is a few blocks deep). */
const LOADER_DEPTH = 40;

/** Whether a call sits in the body of a function the file defines under the name `from_pretrained`. */
function insideOwnLoader(call: Node): boolean {
  let node = call.parent;
  for (let i = 0; node && i < LOADER_DEPTH; i++, node = node.parent)
    if (node.type === 'function_definition') return node.childForFieldName('name')?.text === 'from_pretrained';
  return false;
}

/**
 * A class a LAVIS-style registry hands out (`registry.get_model_class(cfg.arch)`, `get_processor_class`, directly or
 * through a name bound to one): its `from_config` builds the model the config describes and loads the config's
 * checkpoints (LAVIS BaseModel.from_config / load_checkpoint_from_config), so it is no random initialisation.
 */
const REGISTRY_CLASS = /\.get_(?:model|processor)_class\(/;
function fromRegistry(owner: string, text: string): boolean {
  if (REGISTRY_CLASS.test(owner)) return true;
  if (!/^[A-Za-z_]\w{0,60}$/.test(owner)) return false;
  return new RegExp(`^[ \\t]*${owner}[ \\t]*=[ \\t]*[\\w.]{1,80}\\.get_model_class\\(`, 'm').test(text);
}

/**
 * Keywords that hand a `from_config` call the checkpoint to load. transformers' `from_config(config, **kwargs)`
 * takes none (its kwargs go to the model's constructor: `torch_dtype`, `attn_implementation`, `trust_remote_code`)
 * and always starts from random weights; a project's own factory of that name given one of these
 * (`ModelBase.from_config(config=config, model_name_or_path=args.model_name_or_path)`) loads those weights.
 */
const CHECKPOINT_KEYWORDS = ['model_name_or_path', 'pretrained_model_name_or_path', 'checkpoint_path', 'ckpt_path'];

/** A `from_config` factory handed a checkpoint (above): a pretrained model, named by that keyword's value. */
function readCheckpointFactory(call: Node, keyword: Node, name: string, ctx: PythonReadContext, owner: string): void {
  const id = evaluate(keyword, ctx.symbols);
  if (id && typeof id.value === 'string') {
    ctx.add(
      'model.id',
      id.value,
      keyword,
      id.via ? `${owner}.from_config(${name}=...) (${id.via})` : `${owner}.from_config(${name}=...)`,
      id.via ? 'medium' : 'high',
    );
    // Read through a flag's default or a constant: the literal to edit is there.
    if (id.via) ctx.amendLast({ originLine: id.origin.startPosition.row });
  } else
    ctx.add(
      'model.id',
      null,
      keyword,
      `${owner}.from_config(${name}=${truncate(keyword.text)}): the checkpoint cannot be read statically`,
      'low',
    );
  ctx.add(
    'model.fromScratch',
    false,
    call,
    `${owner}.from_config(..., ${name}=...) is handed a checkpoint to load: pretrained weights, not a random init`,
  );
}

export const fromConfig: CallRule = {
  framework: 'huggingface',
  callees: ['from_config'],
  when: ({ full, ctx }) => !NOT_A_MODEL.test(ownerOf(full)) && !fromRegistry(ownerOf(full), ctx.text),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments');
    for (const name of CHECKPOINT_KEYWORDS) {
      const value = args ? keywordArgument(args, name) : null;
      if (value) return readCheckpointFactory(node, value, name, ctx, ownerOf(full) || full);
    }
    readModelLoad(node, ctx, ownerOf(full) || full, true);
  },
};

export const argumentClasses: CallRule = {
  framework: 'huggingface',
  callees: HF_ARGUMENT_CLASSES,
  words: ['Arguments', 'Config'],
  read: ({ node, full, last, ctx }) => {
    readTrainingKeywords(node, ctx, last);
    ctx.add(
      'launch.trainer',
      `construct:${last}`,
      node.childForFieldName('function') ?? node,
      `${last}(...) configures a training run`,
      'medium',
    );
    attachEdit(ctx, node, full);
  },
};

/** An Accelerator used only to split inputs across processes: no backward pass, no optimizer in the file. */
function shardsInferenceOnly(text: string): boolean {
  return (
    text.includes('.split_between_processes(') &&
    !text.includes('.backward(') &&
    !/optimi[sz]er|\boptim\.|\.train\(\)/i.test(text)
  );
}

export const trainers: CallRule = {
  framework: 'huggingface',
  callees: TRAINER_CLASSES,
  read: ({ node, full, last, ctx }) => {
    if (last === 'Accelerator' && shardsInferenceOnly(ctx.text)) {
      // `with accelerator.split_between_processes(prompts)`: the processes split the inputs of a generation or
      // evaluation; with no backward pass and no optimizer anywhere, nothing trains.
      ctx.add(
        'launch.inference',
        `construct:${last}`,
        node.childForFieldName('function') ?? node,
        `${full}() splits inputs between processes (split_between_processes) and nothing calls backward or builds an optimizer: distributed inference`,
        'medium',
      );
      return;
    }
    if (last === 'Accelerator' && !/mixed_precision/.test(node.childForFieldName('arguments')?.text ?? '')) {
      ctx.add(
        'training.precision',
        null,
        node,
        `${full}() takes its mixed precision from \`accelerate config\` or the launch command`,
        'low',
      );
    }
    if (ALIGNMENT_TRAINERS.has(last))
      ctx.add(
        'model.fromScratch',
        false,
        node.childForFieldName('function') ?? node,
        `${last} fine-tunes a pretrained model (TRL's trainers start from a checkpoint)`,
        'low',
      );
    readTrainerSetup(node, full, last, ctx);
  },
};

/** LlamaForCausalLM(config), GPT2LMHeadModel(config): the architecture, randomly initialised. */
export const modelConstructors: CallRule = {
  framework: 'huggingface',
  words: ['For', 'LMHeadModel'],
  when: ({ full, last }) =>
    HF_MODEL_CLASS.test(last) &&
    !NOT_A_MODEL.test(last) &&
    !/^DataCollator|^Auto(Tokenizer|Processor)/.test(last) &&
    !full.includes('.from_'),
  read: ({ node, last, ctx }) => {
    const first = node.childForFieldName('arguments')?.namedChildren[0];
    if (!first || first.type === 'keyword_argument') return;
    // transformers' model classes take a config object; a project's wrapper handed a path or a model name
    // (`LMForRewardModel(args.reward_model_path)`) loads that model itself: not an architecture built at random.
    if (NAMES_A_CHECKPOINT.test(first.text) || typeof evaluate(first, ctx.symbols)?.value === 'string') return;
    readModelLoad(node, ctx, last, true);
  },
};

/** An argument that names weights to load, not a config: `args.reward_model_path`, `ckpt_dir`, `model_name_or_path`. */
const NAMES_A_CHECKPOINT = /(?:^|[._])(?:\w*_)?(?:path|dir|ckpt|checkpoint|name_or_path|model_name|model_id)$/i;

/**
 * A model class of the project's own built from a Hub or local model's config (`cfg = AutoConfig.from_pretrained(path)`
 * then `model = MyVLM(cfg)`): the architecture of that model, as `LlamaForCausalLM(config)` is (transformers docs,
 * "AutoConfig.from_pretrained": the configuration of the model at that path). Only a config read by AutoConfig, and
 * only a capitalised class handed that config as its first argument, so a helper called with a config is not a model.
 */
const AUTO_CONFIG_LOAD = /^(?:transformers\.)?AutoConfig\.from_pretrained$/;
export const configBuiltModels: CallRule = {
  framework: 'huggingface',
  words: ['AutoConfig'],
  when: ({ full, last, node, ctx }) => {
    if (full !== last || !/^[A-Z][A-Za-z0-9]{1,60}$/.test(last)) return false;
    if (HF_MODEL_CLASS.test(last) || NOT_A_MODEL.test(last) || /^Auto/.test(last)) return false;
    const first = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
    if (first?.type !== 'identifier') return false;
    const bound = ctx.symbols.lookup(first.text)?.node;
    return bound?.type === 'call' && AUTO_CONFIG_LOAD.test(ctx.callee(bound).full);
  },
  read: ({ node, last, ctx }) => readModelLoad(node, ctx, last, true),
};

/** Training arguments parsed from the command line or a JSON file: not readable here. */
export const argumentParser: CallRule = {
  framework: 'huggingface',
  callees: ['HfArgumentParser'],
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments')?.text ?? '';
    if (/TrainingArguments|Config\b|SFTConfig|DPOConfig/.test(args)) {
      for (const kind of ['training.epochs', 'training.batchPerDevice', 'training.precision'] as const) {
        ctx.add(kind, null, node, `${full}: training arguments come from the command line or a JSON file`, 'low');
      }
    }
  },
};

export const loadDataset: CallRule = {
  framework: 'huggingface',
  callees: ['load_dataset'],
  read: ({ node, ctx }) => {
    const named = node.childForFieldName('arguments');
    const args = named?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'keyword_argument') ?? [];
    const configNode = named ? keywordArgument(named, 'name') : null;
    const pathNode = named ? keywordArgument(named, 'path') : null;
    const sources = [args[0] ?? pathNode, args[1] ?? configNode].filter((n): n is Node => !!n);
    const parts = sources.flatMap((a) => {
      const v = evaluate(a, ctx.symbols)?.value;
      return typeof v === 'string' ? [v] : [];
    });
    // load_dataset("parquet"/"json"/"csv", data_files=...) names a file format, not a dataset.
    if (parts.length > 0 && !/^(parquet|json|csv|text|arrow|imagefolder|audiofolder|webdataset)$/.test(parts[0])) {
      ctx.add('training.dataset', parts.join('/'), node, 'load_dataset');
    }
  },
};

/** GPT2Config(n_layer=...), LlamaConfig(hidden_size=...): architecture sizes. */
export const architectureConfigs: CallRule = {
  framework: 'huggingface',
  words: ['Config'],
  when: ({ args, last }) =>
    last.endsWith('Config') && /^[A-Z]/.test(last) && !!args?.namedChildren.some((c) => c?.type === 'keyword_argument'),
  read: ({ node, last, ctx }) => {
    const args = node.childForFieldName('arguments')!;
    for (const name of PYTHON_SIZING_NAMES) {
      const kind = sizingKind(name)!;
      const value = kind.startsWith('model.') || kind === 'training.seqLen' ? keywordArgument(args, name) : null;
      if (value) ctx.addResolved(kind, value, `${name} in ${last}`);
    }
    // BERT-style and GPT-2/OPT configs learn a table of max_position_embeddings positions; rotary ones do not.
    const positions = /^(Bert|Roberta|XLMRoberta|DistilBert|Electra|GPT2|OPT|Bart|Camembert)Config$/.test(last)
      ? (keywordArgument(args, 'max_position_embeddings') ?? keywordArgument(args, 'n_positions'))
      : null;
    if (positions) ctx.addResolved('model.learnedPositions', positions, `max_position_embeddings in ${last}`);
    readLlamaStyleParams(node, args, last, ctx);
  },
};

/** tokenizer(..., truncation=True, max_length=128): the sequence length of training samples. */
export const tokenizerLength: CallRule = {
  framework: 'huggingface',
  words: ['max_length', 'truncation'],
  when: ({ argsText }) => argsText.includes('max_length'),
  read: ({ node, full, ctx }) => {
    const args = node.childForFieldName('arguments')!;
    if (args.text.includes('truncation') || /token/i.test(full)) {
      const maxLength = keywordArgument(args, 'max_length');
      if (maxLength) ctx.addResolved('training.seqLen', maxLength, `max_length in ${full}`);
    }
    // The call may also set a batch size (a data loader): let the next rule look.
    return false;
  },
};

/**
 * `trainer.hyperparameter_search(n_trials=20, ...)`: transformers' Trainer trains a fresh model (its `model_init`)
 * once per trial and keeps the best: the call starts training, as `train()` does.
 */
export const hyperparameterSearch: CallRule = {
  framework: 'huggingface',
  callees: ['hyperparameter_search'],
  runStart: /\.hyperparameter_search[ \t]*\(/,
  when: ({ full }) => full.endsWith('.hyperparameter_search'),
  read: ({ node, full, ctx }) => {
    ctx.add(
      'launch.trainer',
      'train',
      node.childForFieldName('function') ?? node,
      `${full}(...) trains one model per trial (transformers' Trainer.hyperparameter_search)`,
    );
  },
};

/**
 * A model built from its config and then given trained weights by the program (`model = TinyLlavaForConditionalGeneration(
 * config)`, then `model.load_llm(**args)`, `model.load_vision_tower(...)`, or a recipe's `recipe.load(model, ...)`):
 * the call that loads them, as written; undefined when the model keeps its random initialisation. `load_state_dict` and
 * `load_checkpoint` are left out: programs trained from scratch call them to resume.
 */
function weightsLoadedInto(call: Node, text: string): string | undefined {
  const assignment = call.parent?.type === 'assignment' ? call.parent : undefined;
  const name = assignment?.childForFieldName('left')?.text;
  if (!name || !/^\w{1,40}$/.test(name)) return undefined;
  const own = new RegExp(`\\b${name}\\.(load_(?!state_dict\\b|checkpoint\\b)\\w{1,40})\\(`).exec(text);
  if (own) return `${name}.${own[1]}(...)`;
  const handed = new RegExp(`\\b(\\w{1,40})\\.load\\([ \\t]*${name}\\b`).exec(text);
  return handed ? `${handed[1]}.load(${name}, ...)` : undefined;
}
