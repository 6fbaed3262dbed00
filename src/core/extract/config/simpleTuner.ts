import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * SimpleTuner run configs (`config/config.json`, its examples `simpletuner/examples/<name>/config.json`,
 * `config/config.json.example`): one flat JSON of the trainer's options, keys written bare (`"model_family": "flux"`)
 * or as their flags (`"--model_family": "flux"`), which `simpletuner train` (or `train.sh`) loads as the run. Defaults
 * from bghira/SimpleTuner (commit bc8e6ab), simpletuner/simpletuner_sdk/server/services/field_registry/sections/:
 * - `model_type` "full" (model.py: every weight is trained) or "lora" (adapters; LyCORIS too, `lora_type`);
 * - `base_model_precision` "no_change" (model.py): the frozen base as loaded; a quantised base of four bits or fewer
 *   (`int4-quanto`, `int2-quanto`, `nf4-bnb`, `uint4-sdnq`, `fp8-int4-torchao`, ...; helpers/training/quantisation)
 *   under LoRA is QLoRA, an 8-bit one LoRA;
 * - `max_train_steps` none and `num_train_epochs` 1 (training.py): a positive `max_train_steps` sets the length
 *   (the examples write `num_train_epochs: 0` beside it);
 * - `mixed_precision` "bf16" (advanced.py); "no" trains in float32.
 * The model: `pretrained_model_name_or_path` when given, else the Hub repository of the `model_family`'s
 * `model_flavour` (or the family's `DEFAULT_MODEL_FLAVOUR`): `ModelFoundation.setup_model_flavour`
 * (helpers/models/common.py) sets the path from the family class's `HUGGINGFACE_PATHS`. The table below is those
 * classes' `HUGGINGFACE_PATHS` and `DEFAULT_MODEL_FLAVOUR` (helpers/models/<family>/model.py at that commit), keyed
 * by the names `model_family` takes (helpers/models/model_metadata.json and `ModelRegistry.register`).
 */

interface Family {
  /** DEFAULT_MODEL_FLAVOUR; undefined where the family requires a flavour. */
  readonly flavour: string | undefined;
  readonly paths: Readonly<Record<string, string>>;
}

const FAMILIES: Readonly<Record<string, Family>> = {
  ace_step: {
    flavour: 'base',
    paths: {
      base: 'ACE-Step/ACE-Step-v1-3.5B',
      'v15-turbo': 'ACE-Step/Ace-Step1.5',
      'v15-base': 'ACE-Step/Ace-Step1.5',
      'v15-sft': 'ACE-Step/Ace-Step1.5',
    },
  },
  anima: {
    flavour: 'preview-3',
    paths: {
      release: 'circlestone-labs/Anima-Base-v1.0-Diffusers',
      'base-v1.0': 'circlestone-labs/Anima-Base-v1.0-Diffusers',
      'preview-3': 'CalamitousFelicitousness/Anima-Preview-3-sdnext-diffusers',
      'preview-2': 'CalamitousFelicitousness/Anima-Preview-2-sdnext-diffusers',
      preview: 'CalamitousFelicitousness/Anima-sdnext-diffusers',
      'gazingstars123-2.9b': 'Gazingstars123/Anima-2.9B',
    },
  },
  auraflow: {
    flavour: 'v0.3',
    paths: {
      pony: 'purplesmartai/pony-v7-base',
      'v0.3': 'terminusresearch/auraflow-v0.3',
      'v0.2': 'fal/AuraFlow-v0.2',
      'v0.1': 'fal/AuraFlow',
    },
  },
  boogu_image: {
    flavour: 'v0.1-turbo',
    paths: {
      'v0.1-base': 'SimpleTuner/Boogu-Image-0.1-Base',
      'v0.1-base-fp8': 'SimpleTuner/Boogu-Image-0.1-Base',
      'v0.1-turbo': 'SimpleTuner/Boogu-Image-0.1-Turbo',
      'v0.1-turbo-fp8': 'SimpleTuner/Boogu-Image-0.1-Turbo',
      'v0.1-edit': 'SimpleTuner/Boogu-Image-0.1-Edit',
      'v0.1-edit-fp8': 'SimpleTuner/Boogu-Image-0.1-Edit',
    },
  },
  chroma: {
    flavour: 'base',
    paths: { base: 'lodestones/Chroma1-Base', hd: 'lodestones/Chroma1-HD', flash: 'lodestones/Chroma1-Flash' },
  },
  cosmos: {
    flavour: '2b',
    paths: { '2b': 'nvidia/Cosmos-Predict2-2B-Text2Image', '14b': 'nvidia/Cosmos-Predict2-14B-Text2Image' },
  },
  cosmos3: {
    flavour: 'nano',
    paths: {
      edge: 'nvidia/Cosmos3-Edge',
      nano: 'nvidia/Cosmos3-Nano',
      super: 'nvidia/Cosmos3-Super',
      'super-i2v': 'nvidia/Cosmos3-Super-Image2Video',
      'super-t2i': 'nvidia/Cosmos3-Super-Text2Image',
    },
  },
  deepfloyd: {
    flavour: undefined,
    paths: {
      'i-medium-400m': 'DeepFloyd/IF-I-M-v1.0',
      'i-large-900m': 'DeepFloyd/IF-I-L-v1.0',
      'i-xlarge-4.3b': 'DeepFloyd/IF-I-XL-v1.0',
      'ii-medium-450m': 'DeepFloyd/IF-II-M-v1.0',
      'ii-large-1.2b': 'DeepFloyd/IF-II-L-v1.0',
    },
  },
  ernie: { flavour: 'base', paths: { base: 'baidu/ERNIE-Image', turbo: 'baidu/ERNIE-Image-Turbo' } },
  flux: {
    flavour: 'krea',
    paths: {
      dev: 'black-forest-labs/flux.1-dev',
      krea: 'black-forest-labs/flux.1-krea-dev',
      schnell: 'black-forest-labs/flux.1-schnell',
      kontext: 'black-forest-labs/flux.1-kontext-dev',
      fluxbooru: 'terminusresearch/fluxbooru-v0.3',
      libreflux: 'jimmycarter/LibreFlux-SimpleTuner',
    },
  },
  flux2: {
    flavour: 'klein-9b',
    paths: {
      dev: 'black-forest-labs/FLUX.2-dev',
      'klein-4b': 'black-forest-labs/FLUX.2-klein-base-4B',
      'klein-9b': 'black-forest-labs/FLUX.2-klein-base-9B',
    },
  },
  heartmula: { flavour: '3b', paths: { '3b': 'HeartMuLa/HeartMuLa-oss-3B' } },
  hidream: {
    flavour: 'full',
    paths: { dev: 'HiDream-ai/HiDream-I1-Dev', full: 'HiDream-ai/HiDream-I1-Full', fast: 'HiDream-ai/HiDream-I1-Fast' },
  },
  hunyuanvideo: {
    flavour: 't2v-480p',
    paths: {
      't2v-480p': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-480p_t2v',
      't2v-720p': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-720p_t2v',
      't2v-480p-distilled': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-480p_t2v_distilled',
      'i2v-480p': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-480p_i2v',
      'i2v-720p': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-720p_i2v',
      'i2v-480p-distilled': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-480p_i2v_distilled',
      'i2v-720p-distilled': 'hunyuanvideo-community/HunyuanVideo-1.5-Diffusers-720p_i2v_distilled',
    },
  },
  ideogram: { flavour: 'fp8', paths: { fp8: 'ideogram-ai/ideogram-4-fp8', nf4: 'ideogram-ai/ideogram-4-nf4' } },
  infinitetalk: { flavour: 'single-14b-480p', paths: { 'single-14b-480p': 'Wan-AI/Wan2.1-I2V-14B-480P-Diffusers' } },
  kandinsky5_image: {
    flavour: 't2i-lite-sft',
    paths: {
      't2i-lite-sft': 'kandinskylab/Kandinsky-5.0-T2I-Lite-sft-Diffusers',
      't2i-lite-pretrain': 'kandinskylab/Kandinsky-5.0-T2I-Lite-pretrain-Diffusers',
      'i2i-lite-sft': 'kandinskylab/Kandinsky-5.0-I2I-Lite-sft-Diffusers',
      'i2i-lite-pretrain': 'kandinskylab/Kandinsky-5.0-I2I-Lite-pretrain-Diffusers',
    },
  },
  kandinsky5_video: {
    flavour: 't2v-lite-sft-5s',
    paths: {
      't2v-lite-sft-5s': 'kandinskylab/Kandinsky-5.0-T2V-Lite-sft-5s-Diffusers',
      't2v-lite-pretrain-5s': 'kandinskylab/Kandinsky-5.0-T2V-Lite-pretrain-5s-Diffusers',
      't2v-lite-sft-10s': 'kandinskylab/Kandinsky-5.0-T2V-Lite-sft-10s-Diffusers',
      't2v-lite-pretrain-10s': 'kandinskylab/Kandinsky-5.0-T2V-Lite-pretrain-10s-Diffusers',
      't2v-pro-sft-5s-hd': 'kandinskylab/Kandinsky-5.0-T2V-Pro-sft-5s-Diffusers',
      't2v-pro-sft-10s-hd': 'kandinskylab/Kandinsky-5.0-T2V-Pro-sft-10s-Diffusers',
      't2v-pro-pretrain-5s-hd': 'kandinskylab/Kandinsky-5.0-T2V-Pro-pretrain-5s-Diffusers',
      't2v-pro-pretrain-10s-hd': 'kandinskylab/Kandinsky-5.0-T2V-Pro-pretrain-10s-Diffusers',
      'i2v-lite-5s': 'kandinskylab/Kandinsky-5.0-I2V-Lite-5s-Diffusers',
      'i2v-pro-sft-5s': 'kandinskylab/Kandinsky-5.0-I2V-Pro-sft-5s-Diffusers',
    },
  },
  kolors: { flavour: '1.0', paths: { '1.0': 'terminusresearch/kwai-kolors-1.0' } },
  krea2: { flavour: 'raw', paths: { raw: 'krea/Krea-2-Raw', turbo: 'krea/Krea-2-Turbo' } },
  longcat_image: {
    flavour: 'final',
    paths: {
      final: 'meituan-longcat/LongCat-Image',
      dev: 'meituan-longcat/LongCat-Image-Dev',
      edit: 'meituan-longcat/LongCat-Image-Edit',
    },
  },
  longcat_video: { flavour: 'final', paths: { final: 'meituan-longcat/LongCat-Video' } },
  ltxvideo: { flavour: '0.9.5', paths: { '0.9.5': 'Lightricks/LTX-Video-0.9.5', '0.9.0': 'Lightricks/LTX-Video' } },
  ltxvideo2: {
    flavour: 'dev',
    paths: {
      dev: 'Lightricks/LTX-2',
      'dev-fp4': 'Lightricks/LTX-2',
      'dev-fp8': 'Lightricks/LTX-2',
      '2.3-dev': 'dg845/LTX-2.3-Diffusers',
      '2.3-distilled': 'dg845/LTX-2.3-Distilled-Diffusers',
      '2.5-dev': 'Lightricks/LTX-2.5',
      '2.5-distilled': 'Lightricks/LTX-2.5',
    },
  },
  lumina2: {
    flavour: '2.0',
    paths: { '2.0': 'Alpha-VLLM/Lumina-Image-2.0', 'neta-lumina': 'terminusresearch/neta-lumina-v1' },
  },
  mageflow: {
    flavour: 'base',
    paths: {
      base: 'natalie5/Mage-Flow-Base',
      default: 'natalie5/Mage-Flow',
      turbo: 'natalie5/Mage-Flow-Turbo',
      'edit-base': 'natalie5/Mage-Flow-Edit-Base',
      edit: 'natalie5/Mage-Flow-Edit',
      'edit-turbo': 'natalie5/Mage-Flow-Edit-Turbo',
    },
  },
  minimaxh3: {
    flavour: 'fl2va',
    paths: {
      fl2va: 'MiniMaxAI/MiniMax-H3',
      ref2va: 'MiniMaxAI/MiniMax-H3',
      'convrot-int8': 'MiniMaxAI/MiniMax-H3',
      'convrot-int4': 'MiniMaxAI/MiniMax-H3',
      nvfp4: 'MiniMaxAI/MiniMax-H3',
      'fp8-e4m3fn': 'MiniMaxAI/MiniMax-H3',
    },
  },
  minimaxmusic: { flavour: 'music3', paths: { music3: 'MiniMaxAI/MiniMax-Music3' } },
  omnigen: { flavour: 'v1', paths: { v1: 'Shitao/OmniGen-v1-diffusers' } },
  pixart: {
    flavour: '900M-1024-v0.6',
    paths: {
      '900M-1024-v0.6': 'terminusresearch/pixart-900m-1024-ft-v0.6',
      '900M-1024-v0.7-stage1': 'terminusresearch/pixart-900m-1024-ft-v0.7-stage1',
      '900M-1024-v0.7-stage2': 'terminusresearch/pixart-900m-1024-ft-v0.7-stage2',
      '600M-512': 'PixArt-alpha/PixArt-Sigma-XL-2-512-MS',
      '600M-1024': 'PixArt-alpha/PixArt-Sigma-XL-2-1024-MS',
      '600M-2048': 'PixArt-alpha/PixArt-Sigma-XL-2-2K-MS',
    },
  },
  qwen_image: {
    flavour: 'v2.0',
    paths: {
      'v1.0': 'Qwen/Qwen-Image',
      'v2.0': 'Qwen/Qwen-Image-2512',
      'edit-v1': 'Qwen/Qwen-Image-Edit',
      'edit-v2': 'Qwen/Qwen-Image-Edit-2509',
      'edit-v2+': 'Qwen/Qwen-Image-Edit-2509',
      'edit-v3': 'Qwen/Qwen-Image-Edit-2511',
    },
  },
  sana: {
    flavour: 'sana1.5-4.8b-1024',
    paths: {
      'sana1.5-4.8b-1024': 'Efficient-Large-Model/SANA1.5_4.8B_1024px_diffusers',
      'sana1.5-1.6b-1024': 'Efficient-Large-Model/SANA1.5_1.6B_1024px_diffusers',
      'sana1.0-1.6b-2048': 'Efficient-Large-Model/Sana_1600M_2Kpx_BF16_diffusers',
      'sana1.0-1.6b-1024': 'Efficient-Large-Model/Sana_1600M_1024px_BF16_diffusers',
      'sana1.0-600m-1024': 'Efficient-Large-Model/Sana_600M_1024px_diffusers',
      'sana1.0-600m-512': 'Efficient-Large-Model/Sana_600M_512px_diffusers',
    },
  },
  sanavideo: { flavour: '2b-480p', paths: { '2b-480p': 'Efficient-Large-Model/SANA-Video_2B_480p_diffusers' } },
  sd1x: {
    flavour: 'dreamshaper',
    paths: {
      '1.5': 'stable-diffusion-v1-5/stable-diffusion-v1-5',
      '1.4': 'CompVis/stable-diffusion-v1-4',
      dreamshaper: 'Lykon/dreamshaper-8',
      realvis: 'SG161222/RealVisXL_V5.0',
    },
  },
  sd2x: {
    flavour: 'pseudoflex-v2',
    paths: {
      digitaldiffusion: 'Junglerally/Digital-Diffusion',
      'pseudoflex-v2': 'bghira/pseudo-flex-v2',
      pseudojourney: 'bghira/pseudo-journey-v2',
      '2.1': 'stabilityai/stable-diffusion-2-1',
      '2.0': 'stabilityai/stable-diffusion-2-0',
    },
  },
  sd3: {
    flavour: 'medium',
    paths: { medium: 'stabilityai/stable-diffusion-3.5-medium', large: 'stabilityai/stable-diffusion-3.5-large' },
  },
  sdxl: {
    flavour: 'base-1.0',
    paths: {
      'base-1.0': 'stabilityai/stable-diffusion-xl-base-1.0',
      'refiner-1.0': 'stabilityai/stable-diffusion-xl-refiner-1.0',
      'base-0.9': 'stabilityai/stable-diffusion-xl-base-0.9',
      'refiner-0.9': 'stabilityai/stable-diffusion-xl-refiner-0.9',
    },
  },
  stable_cascade: {
    flavour: 'stage-c',
    paths: { 'stage-c': 'stabilityai/stable-cascade-prior', 'stage-c-lite': 'stabilityai/stable-cascade-prior' },
  },
  wan: {
    flavour: 't2v-480p-1.3b-2.1',
    paths: {
      't2v-480p-1.3b-2.1': 'Wan-AI/Wan2.1-T2V-1.3B-Diffusers',
      't2v-480p-14b-2.1': 'Wan-AI/Wan2.1-T2V-14B-Diffusers',
      'i2v-14b-2.1': 'Wan-AI/Wan2.1-I2V-14B-480P-Diffusers',
      'i2v-14b-2.1-720p': 'Wan-AI/Wan2.1-I2V-14B-720P-Diffusers',
      'i2v-14b-2.2-high': 'Wan-AI/Wan2.2-I2V-A14B-Diffusers',
      'i2v-14b-2.2-low': 'Wan-AI/Wan2.2-I2V-A14B-Diffusers',
      'flf2v-14b-2.1': 'Wan-AI/Wan2.1-FLF2V-14B-720P-diffusers',
      'vace-1.3b-2.1': 'Wan-AI/Wan2.1-VACE-1.3B-diffusers',
      'vace-14b-2.1': 'Wan-AI/Wan2.1-VACE-14B-diffusers',
      'ti2v-5b-2.2': 'Wan-AI/Wan2.2-TI2V-5B-Diffusers',
    },
  },
  wan_s2v: { flavour: 's2v-14b-2.2', paths: { 's2v-14b-2.2': 'tolgacangoz/Wan2.2-S2V-14B-Diffusers' } },
  z_image: {
    flavour: 'turbo-ostris-v2',
    paths: {
      base: 'TONGYI-MAI/Z-Image',
      turbo: 'TONGYI-MAI/Z-Image-Turbo',
      'turbo-ostris-v2': 'TONGYI-MAI/Z-Image-Turbo',
      'ostris-de-turbo': 'TONGYI-MAI/Z-Image-Turbo',
    },
  },
  z_image_omni: { flavour: 'base', paths: { base: 'TONGYI-Lab/Z-Image-Base', edit: 'TONGYI-Lab/Z-Image-Edit' } },
  zlab_i1: { flavour: '3b', paths: { '3b': 'bghira/zlab-i1-diffusers' } },
};

/** Names `ModelRegistry.register` gives families whose folder (model_metadata.json key) is named otherwise. */
const FAMILY_ALIASES: Readonly<Record<string, string>> = {
  cosmos2image: 'cosmos',
  'kandinsky5-image': 'kandinsky5_image',
  'kandinsky5-video': 'kandinsky5_video',
  pixart_sigma: 'pixart',
};

/** A model family name as SimpleTuner writes them. */
const FAMILY_NAME = /^[a-z][a-z0-9_.-]{1,40}$/;
/**
 * What marks a SimpleTuner run beside `model_family`: its `model_type` (lora or full), or keys of its own (the dataloader
 * config it trains on, the precision it loads the base in). A file that only names a model family (a model registry,
 * a card's metadata) is not one.
 */
const MODEL_TYPES = new Set(['lora', 'full']);
const OWN_KEYS = ['data_backend_config', 'base_model_precision'];
/** A quantised base of four bits or fewer (the weight type is the last bit width named: `fp8-int4-torchao` is int4). */
const FOUR_BIT_OR_LESS = /(?:^|-)(?:u?int[1-4]|nf4|fp4|nvfp4|mxfp4)(?:-|$)/i;

/** Whether a `base_model_precision` stores the frozen base in four bits or fewer (LoRA on it is QLoRA). */
export function fourBitOrLessBase(precision: string): boolean {
  return FOUR_BIT_OR_LESS.test(precision);
}

/** A key written bare or as its flag (`--model_family`). */
function keyOf(doc: ConfigDoc, key: string): ConfigValue | undefined {
  return doc.get(key) ?? doc.get(`--${key}`);
}

function strOf(doc: ConfigDoc, key: string): string | undefined {
  const v = keyOf(doc, key);
  return v && typeof v.value === 'string' ? v.value.trim() : undefined;
}

function numOf(doc: ConfigDoc, key: string): number | undefined {
  const v = keyOf(doc, key);
  if (!v || v.shape !== 'scalar') return undefined;
  const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' ? Number(v.value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function isSimpleTuner(doc: ConfigDoc): boolean {
  if (doc.prefix !== '') return false;
  const family = strOf(doc, 'model_family');
  return (
    family !== undefined &&
    FAMILY_NAME.test(family) &&
    (MODEL_TYPES.has((strOf(doc, 'model_type') ?? '').toLowerCase()) ||
      OWN_KEYS.some((k) => keyOf(doc, k) !== undefined))
  );
}

/** The Hub repository a family's flavour loads (setup_model_flavour), with the flavour and whether it is the default. */
export function simpleTunerModel(
  family: string,
  flavour: string | undefined,
): { id: string; flavour: string; byDefault: boolean } | undefined {
  const f = family.toLowerCase();
  const row = FAMILIES[FAMILY_ALIASES[f] ?? f];
  if (!row) return undefined;
  const chosen = flavour ?? row.flavour;
  if (chosen === undefined || !Object.prototype.hasOwnProperty.call(row.paths, chosen)) return undefined;
  return { id: row.paths[chosen], flavour: chosen, byDefault: flavour === undefined };
}

export const simpleTuner: ConfigDialect = {
  name: 'simpletuner',
  // The flag form too: the scan's prefilter matches whole words, and `--model_family` has a hyphen before the name.
  words: ['model_family', '--model_family'],
  detect: isSimpleTuner,
  owns: (path) => /^(?:--)?(?:num_train_epochs|mixed_precision|model_type|num_processes)$/.test(path),
  read(doc: ConfigDoc, out: FactSink): void {
    const familyAt = keyOf(doc, 'model_family')!;
    const family = strOf(doc, 'model_family')!;
    out.add('run.framework', 'simpletuner', familyAt, `SimpleTuner config (model_family: ${family})`);

    const pretrainedAt = keyOf(doc, 'pretrained_model_name_or_path');
    const pretrained = strOf(doc, 'pretrained_model_name_or_path');
    const flavourAt = keyOf(doc, 'model_flavour');
    const flavour = strOf(doc, 'model_flavour') || undefined;
    let modelName: string | undefined;
    if (pretrained && pretrainedAt) {
      modelName = pretrained;
      // The bare key is read by the generic table; the flag form is SimpleTuner's alone.
      if (pretrainedAt.key.startsWith('--'))
        out.add('model.id', pretrained, pretrainedAt, `${pretrainedAt.key}: ${pretrained}`);
    } else {
      const model = simpleTunerModel(family, flavour);
      if (model) {
        modelName = model.id;
        out.add(
          'model.id',
          model.id,
          flavourAt ?? familyAt,
          `model_family ${family}, ${model.byDefault ? `no model_flavour: the family's default flavour ${model.flavour}` : `model_flavour ${model.flavour}`}: SimpleTuner loads ${model.id}`,
          model.byDefault ? 'medium' : 'high',
        );
      }
    }
    out.add(
      'model.fromScratch',
      false,
      pretrainedAt ?? familyAt,
      'SimpleTuner trains from the pretrained model',
      'medium',
    );

    const typeAt = keyOf(doc, 'model_type');
    const type = (strOf(doc, 'model_type') ?? 'full').toLowerCase();
    const precisionAt = keyOf(doc, 'base_model_precision');
    const basePrecision = strOf(doc, 'base_model_precision') ?? 'no_change';
    if (type === 'lora') {
      const fourBit = fourBitOrLessBase(basePrecision);
      out.add(
        'training.mode',
        fourBit ? 'qlora' : 'lora',
        fourBit && precisionAt ? precisionAt : typeAt!,
        fourBit
          ? `model_type lora over base_model_precision ${basePrecision}: LoRA on a base of four bits or fewer`
          : `model_type lora (base_model_precision ${basePrecision}${precisionAt ? '' : ", SimpleTuner's default"}): adapters over the frozen model`,
      );
    } else if (type === 'full')
      out.add(
        'training.mode',
        'finetune',
        typeAt ?? familyAt,
        `model_type full${typeAt ? '' : " (SimpleTuner's default)"}: every weight of the loaded model is trained`,
        typeAt ? 'high' : 'medium',
      );

    // The length: max_train_steps when positive (the generic table reads the bare key), else num_train_epochs.
    const stepsAt = keyOf(doc, 'max_train_steps');
    const steps = numOf(doc, 'max_train_steps');
    const epochsAt = keyOf(doc, 'num_train_epochs');
    const epochs = numOf(doc, 'num_train_epochs');
    const positive = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;
    if (positive(steps)) {
      if (stepsAt?.key.startsWith('--')) out.add('training.steps', steps, stepsAt, `${stepsAt.key}: ${steps}`);
    } else if (positive(epochs) && epochsAt) out.add('training.epochs', epochs, epochsAt, `${epochsAt.key}: ${epochs}`);
    else if (!epochsAt && !stepsAt)
      out.add(
        'training.epochs',
        1,
        familyAt,
        "no max_train_steps or num_train_epochs: SimpleTuner's default, 1 epoch",
        'medium',
      );

    const mixedAt = keyOf(doc, 'mixed_precision');
    const mixed = (strOf(doc, 'mixed_precision') ?? (mixedAt ? undefined : 'bf16'))?.toLowerCase();
    const precision =
      mixed === 'no'
        ? 'fp32'
        : mixed === 'bf16'
          ? 'bf16'
          : mixed === 'fp16'
            ? 'fp16'
            : mixed === 'fp8'
              ? 'fp8'
              : undefined;
    if (precision)
      out.add(
        'training.precision',
        precision,
        mixedAt ?? familyAt,
        mixedAt
          ? `${mixedAt.key}: ${String(mixedAt.value)}${mixed === 'no' ? ': no mixed precision, float32' : ''}`
          : "no mixed_precision: SimpleTuner's default bf16",
        mixedAt ? 'high' : 'medium',
      );

    // accelerate's num_processes counts the processes of all machines together, one per GPU.
    const processesAt = keyOf(doc, 'num_processes');
    const processes = numOf(doc, 'num_processes');
    if (processesAt && positive(processes))
      out.add('hardware.devices', processes, processesAt, `${processesAt.key}: ${processes} processes, one per GPU`);

    out.add(
      'launch.trainer',
      'config:simpletuner',
      familyAt,
      `SimpleTuner ${type} config: ${modelName ?? `model_family ${family}`}`,
    );
  },
};
