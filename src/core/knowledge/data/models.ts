import type { Model } from '../schema';

/**
 * Model catalog: parameter counts, compute and a published quality figure per checkpoint.
 *
 * Conventions
 * - id: the name users write. Hugging Face repo ids as on the Hub ("meta-llama/Llama-3.1-8B-Instruct";
 *   legacy un-namespaced ids such as "bert-base-uncased" kept as id with the namespaced form as alias);
 *   torchvision models by builder name ("resnet50", alias "torchvision/resnet50"); timm models as
 *   "timm/<model_name>" (alias "timm/<name>.<pretrained_tag>", plus the bare name where it does not
 *   collide with a torchvision id); keras.applications as "keras/<ClassName>"; Ultralytics YOLO by
 *   weight name ("yolov8n", alias "yolov8n.pt"). Every id and alias is unique case-insensitively.
 * - params: total parameters (embeddings included; for encoders the base model incl. pooler, no task head,
 *   unless the id is a fine-tuned checkpoint). "computed from config.json" means the count was derived from
 *   the config fields named in the source with layer-by-layer formulas that reproduce published counts
 *   exactly (e.g. bert-base-uncased 109,482,240; Llama-2-7b 6,738,415,616; Pythia suite per its paper).
 *   Figures published only in rounded form (e.g. "317M") are stored as published.
 * - activeParams: parameters used per token by mixture-of-experts models (attention, router, embeddings
 *   and top-k experts).
 * - forwardGflopsPerSample: forward-pass cost of ONE sample in GFLOPs with FLOPs = 2 x multiply-accumulates
 *   (MACs), input size in the trailing comment. torchvision's "GFLOPS" column, timm's infer_gmacs, the
 *   fvcore/Detectron2 counts used by DETR and the "FLOPs" of the ResNet, MobileNet, NASNet, EfficientNet,
 *   Swin and ConvNeXt papers all count multiply-adds, so those figures are doubled here. Ultralytics YOLO and
 *   open_clip already publish 2 x MACs and are stored unchanged. Only set for non-token models (vision,
 *   CLIP-style pairs); language models are costed from params and tokens instead.
 * - contextLength: tokens of context the model was trained/released with (position-embedding size for
 *   BERT-style encoders; 77 text tokens for CLIP).
 * - smallerSiblings: smaller or distilled models of the same family in this catalog, nearest first. "Smaller"
 *   means fewer parameters, or for vision models fewer FLOPs per sample (e.g. ViT-B/32 is listed under
 *   ViT-B/16: 2% more parameters but 4x less compute).
 * - quality: one published figure. Benchmark names are kept identical within a family so siblings can be
 *   compared; the source says which split/setting. Scores are higher-is-better unless the benchmark name
 *   says "lower is better".
 */
/** SmolLM-360M's architecture (the base and the instruct model share it), for configs that override its sizes. */
/**
 * A diffusion pipeline's work per image (Model.diffusion). Denoiser passes are counted as the cited counters count
 * them (convolutions and linear layers; the attention score and value products are not counted), which is also how
 * the utilisation band that prices them was measured (inferenceConstants.ts DIFFUSION_DENOISER_COMPUTE_EFFICIENCY).
 */
const SD1_UNET_512_GFLOPS = 677.5;
const SD_VAE_DECODER_512_GFLOPS = 2480.2;
const SD1_DIFFUSION_SOURCE =
  "one UNet pass at 512x512 (64x64 latent): 338.7 GMACs = 677.5 GFLOPs (thop; Nota-NetsPresso/BK-SDM src/count_macs_params.py, the authors' log in BK-SDM issue #53: '[U-Net] MACs: 338.7G'; HaozheLiu-ST/T-GATE README's calflops figure for SD-1.5, 16.938T MACs over 25 guided steps, agrees); VAE decoder at 512x512 1240.1 GMACs = 2480.2 GFLOPs (same log, '[Img Dec] MACs: 1240.1G'); defaults num_inference_steps=50, guidance_scale=7.5 (diffusers StableDiffusionPipeline.__call__)";
const SD2_UNET_768_GFLOPS = 1521.6;
const SD2_DIFFUSION_SOURCE =
  'one UNet pass at 768x768 (96x96 latent): 760.8 GMACs = 1521.6 GFLOPs (calflops; HaozheLiu-ST/T-GATE README, SD-2.1 38.041T MACs over 25 steps with guidance, i.e. 50 passes); at 512x512 scaled by pixels (convolutions and projections scale with the latent area): 676.3 GFLOPs, within 0.2% of the SD 1.x UNet count; VAE decoder as SD 1.x (1240.1 GMACs at 512x512, BK-SDM issue #53), scaled by pixels at 768; defaults num_inference_steps=50, guidance_scale=7.5 (diffusers StableDiffusionPipeline.__call__)';
const SDXL_UNET_1024_GFLOPS = 5979.1;
const SDXL_DIFFUSION_SOURCE =
  "one UNet pass at 1024x1024 (128x128 latent): 5,979,098 MFLOPs (huggingface/diffusers benchmarks/collated_results.csv, 'stable-diffusion-xl-base-1.0-bf16,UNet2DConditionModel,2567.46,5979098.32', torchprofile MACs x 2; T-GATE README's calflops 149.438T MACs over 25 guided steps agrees: 2.99 TMACs a pass); VAE decoder: the SD decoder's 2480.2 GFLOPs at 512x512 (BK-SDM issue #53) scaled by pixels to 1024x1024; defaults num_inference_steps=50, guidance_scale=5.0 (diffusers StableDiffusionXLPipeline.__call__)";
const FLUX_TRANSFORMER_1024_GFLOPS = 59519.8;
const FLUX_DIFFUSION_SOURCE =
  "one transformer pass at 1024x1024 (4096 image and 512 text tokens): 59.52 TFLOPs (torch.profiler, Shenyi-Z/Cache4Diffusion issue #17: 2975.99 TFLOPs for FLUX.1-dev's 50 steps at 1024x1024; ignoww/RALU issue #5, 2991.0 TFLOPs for 50 passes, agrees); VAE decoder: the SD decoder's 2480.2 GFLOPs at 512x512 (BK-SDM issue #53) scaled by pixels to 1024x1024; defaults num_inference_steps=28 and true_cfg_scale=1.0: guidance is distilled into the model, one pass a step (diffusers FluxPipeline.__call__)";

const SD1_DIFFUSION: NonNullable<Model['diffusion']> = {
  denoiserGflops: SD1_UNET_512_GFLOPS,
  nativePixels: 512 * 512,
  defaultSteps: 50,
  defaultGuidanceScale: 7.5,
  decoderGflops: SD_VAE_DECODER_512_GFLOPS,
  source: SD1_DIFFUSION_SOURCE,
};
const SD2_768_DIFFUSION: NonNullable<Model['diffusion']> = {
  denoiserGflops: SD2_UNET_768_GFLOPS,
  nativePixels: 768 * 768,
  defaultSteps: 50,
  defaultGuidanceScale: 7.5,
  decoderGflops: SD_VAE_DECODER_512_GFLOPS * 2.25,
  source: SD2_DIFFUSION_SOURCE,
};
const SD2_512_DIFFUSION: NonNullable<Model['diffusion']> = {
  denoiserGflops: SD2_UNET_768_GFLOPS / 2.25,
  nativePixels: 512 * 512,
  defaultSteps: 50,
  defaultGuidanceScale: 7.5,
  decoderGflops: SD_VAE_DECODER_512_GFLOPS,
  source: SD2_DIFFUSION_SOURCE,
};
const SDXL_DIFFUSION: NonNullable<Model['diffusion']> = {
  denoiserGflops: SDXL_UNET_1024_GFLOPS,
  nativePixels: 1024 * 1024,
  defaultSteps: 50,
  defaultGuidanceScale: 5.0,
  decoderGflops: SD_VAE_DECODER_512_GFLOPS * 4,
  source: SDXL_DIFFUSION_SOURCE,
};
const FLUX_DIFFUSION: NonNullable<Model['diffusion']> = {
  denoiserGflops: FLUX_TRANSFORMER_1024_GFLOPS,
  nativePixels: 1024 * 1024,
  defaultSteps: 28,
  defaultGuidanceScale: null,
  decoderGflops: SD_VAE_DECODER_512_GFLOPS * 4,
  source: FLUX_DIFFUSION_SOURCE,
};

const SMOLLM_360M_SIZES = {
  layers: 32,
  hiddenSize: 960,
  vocabSize: 49_152,
  ffnSize: 2560,
  gatedFfn: true,
  attentionHeads: 15,
  kvHeads: 5,
  source:
    'config.json of huggingface.co/HuggingFaceTB/SmolLM-360M-Instruct (LlamaForCausalLM: num_hidden_layers 32, hidden_size 960, intermediate_size 2560, 15 heads / 5 KV heads, vocab_size 49152, tie_word_embeddings true)',
};

export const MODELS: readonly Model[] = [
  // ---------------- BERT ----------------
  {
    id: 'bert-base-uncased',
    // The TF-Hub module of the same weights (google-research/bert README: BERT-Base, Uncased = uncased_L-12_H-768_A-12).
    aliases: ['google-bert/bert-base-uncased', 'bert_uncased_L-12_H-768_A-12'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 109_482_240,
    sizes: {
      layers: 12,
      hiddenSize: 768,
      vocabSize: 30522,
      ffnSize: 3072,
      learnedPositions: 512,
      source:
        'config.json of huggingface.co/google-bert/bert-base-uncased (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 512,
    smallerSiblings: [
      'distilbert-base-uncased',
      'google/bert_uncased_L-8_H-512_A-8',
      'google/bert_uncased_L-4_H-512_A-8',
      'google/bert_uncased_L-4_H-256_A-4',
      'google/bert_uncased_L-2_H-128_A-2',
    ],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 79.6,
      source: 'Devlin et al. 2018, BERT, arXiv:1810.04805, Table 1 (GLUE test, average), BERT-base',
    },
    source:
      'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 30522, 512 positions, incl. pooler; BertModel); Devlin et al. 2018, BERT, arXiv:1810.04805 (110M)',
  },
  {
    id: 'bert-large-uncased',
    aliases: ['google-bert/bert-large-uncased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 335_141_888,
    sizes: {
      layers: 24,
      hiddenSize: 1024,
      vocabSize: 30522,
      ffnSize: 4096,
      learnedPositions: 512,
      source:
        'config.json of huggingface.co/google-bert/bert-large-uncased (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 512,
    smallerSiblings: ['bert-base-uncased', 'distilbert-base-uncased'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 82.1,
      source: 'Devlin et al. 2018, BERT, arXiv:1810.04805, Table 1 (GLUE test, average), BERT-large',
    },
    source:
      'computed from config.json (24 layers, hidden 1024, FFN 4096, vocab 30522, incl. pooler); Devlin et al. 2018, BERT, arXiv:1810.04805 (340M)',
  },
  {
    id: 'bert-large-uncased-whole-word-masking',
    aliases: ['google-bert/bert-large-uncased-whole-word-masking'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 335_141_888,
    contextLength: 512,
    smallerSiblings: ['bert-base-uncased', 'distilbert-base-uncased'],
    source:
      'computed from config.json (same architecture as bert-large-uncased: 24 layers, hidden 1024, vocab 30522, incl. pooler)',
  },
  {
    id: 'bert-base-cased',
    // The TF-Hub module of the same weights (google-research/bert README: BERT-Base, Cased = cased_L-12_H-768_A-12).
    aliases: ['google-bert/bert-base-cased', 'bert_cased_L-12_H-768_A-12'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 108_310_272,
    sizes: {
      layers: 12,
      hiddenSize: 768,
      vocabSize: 28996,
      ffnSize: 3072,
      learnedPositions: 512,
      source:
        'config.json of huggingface.co/google-bert/bert-base-cased (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 512,
    smallerSiblings: ['distilbert-base-cased'],
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 28996, incl. pooler)',
  },
  {
    id: 'bert-large-cased',
    aliases: ['google-bert/bert-large-cased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 333_579_264,
    contextLength: 512,
    smallerSiblings: ['bert-base-cased', 'distilbert-base-cased'],
    source: 'computed from config.json (24 layers, hidden 1024, FFN 4096, vocab 28996, incl. pooler)',
  },
  {
    id: 'bert-base-multilingual-cased',
    aliases: ['google-bert/bert-base-multilingual-cased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 177_853_440,
    contextLength: 512,
    smallerSiblings: ['distilbert-base-multilingual-cased'],
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 119547, incl. pooler)',
  },
  {
    id: 'bert-base-multilingual-uncased',
    aliases: ['google-bert/bert-base-multilingual-uncased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 167_356_416,
    contextLength: 512,
    smallerSiblings: [],
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 105879, incl. pooler)',
  },
  {
    id: 'bert-base-chinese',
    aliases: ['google-bert/bert-base-chinese'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 102_267_648,
    contextLength: 512,
    smallerSiblings: [],
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 21128, incl. pooler)',
  },
  {
    id: 'google/bert_uncased_L-2_H-128_A-2',
    aliases: ['prajjwal1/bert-tiny'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 4_385_920,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 64.2,
      source:
        'google-research/bert README, "24 smaller BERT models" GLUE test-set scores (Turc et al. 2019, arXiv:1908.08962), BERT-Tiny',
    },
    source: 'computed from config.json (BERT-Tiny: 2 layers, hidden 128, FFN 512, vocab 30522, incl. pooler)',
  },
  {
    id: 'google/bert_uncased_L-4_H-256_A-4',
    aliases: ['prajjwal1/bert-mini'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 11_170_560,
    contextLength: 512,
    smallerSiblings: ['google/bert_uncased_L-2_H-128_A-2'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 65.8,
      source:
        'google-research/bert README, "24 smaller BERT models" GLUE test-set scores (Turc et al. 2019, arXiv:1908.08962), BERT-Mini',
    },
    source: 'computed from config.json (BERT-Mini: 4 layers, hidden 256, FFN 1024, vocab 30522, incl. pooler)',
  },
  {
    id: 'google/bert_uncased_L-4_H-512_A-8',
    aliases: ['prajjwal1/bert-small'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 28_763_648,
    contextLength: 512,
    smallerSiblings: ['google/bert_uncased_L-4_H-256_A-4', 'google/bert_uncased_L-2_H-128_A-2'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 71.2,
      source:
        'google-research/bert README, "24 smaller BERT models" GLUE test-set scores (Turc et al. 2019, arXiv:1908.08962), BERT-Small',
    },
    source: 'computed from config.json (BERT-Small: 4 layers, hidden 512, FFN 2048, vocab 30522, incl. pooler)',
  },
  {
    id: 'google/bert_uncased_L-8_H-512_A-8',
    aliases: ['prajjwal1/bert-medium'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 41_373_184,
    contextLength: 512,
    smallerSiblings: [
      'google/bert_uncased_L-4_H-512_A-8',
      'google/bert_uncased_L-4_H-256_A-4',
      'google/bert_uncased_L-2_H-128_A-2',
    ],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 73.5,
      source:
        'google-research/bert README, "24 smaller BERT models" GLUE test-set scores (Turc et al. 2019, arXiv:1908.08962), BERT-Medium',
    },
    source: 'computed from config.json (BERT-Medium: 8 layers, hidden 512, FFN 2048, vocab 30522, incl. pooler)',
  },
  {
    id: 'distilbert-base-uncased',
    aliases: ['distilbert/distilbert-base-uncased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 66_362_880,
    contextLength: 512,
    smallerSiblings: [
      'google/bert_uncased_L-8_H-512_A-8',
      'google/bert_uncased_L-4_H-512_A-8',
      'google/bert_uncased_L-4_H-256_A-4',
      'google/bert_uncased_L-2_H-128_A-2',
    ],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 77.0,
      source:
        'Sanh et al. 2019, DistilBERT, arXiv:1910.01108, Table 1 (GLUE dev macro-score; BERT-base 79.5 on the same dev protocol)',
    },
    source:
      'computed from config.json (6 layers, dim 768, hidden 3072, vocab 30522); Sanh et al. 2019, arXiv:1910.01108, Table 3 (66M)',
  },
  {
    id: 'distilbert-base-cased',
    aliases: ['distilbert/distilbert-base-cased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 65_190_912,
    contextLength: 512,
    smallerSiblings: [],
    source: 'computed from config.json (6 layers, dim 768, hidden 3072, vocab 28996)',
  },
  {
    id: 'distilbert-base-multilingual-cased',
    aliases: ['distilbert/distilbert-base-multilingual-cased'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 134_734_080,
    contextLength: 512,
    smallerSiblings: [],
    source: 'computed from config.json (6 layers, dim 768, hidden 3072, vocab 119547)',
  },
  {
    id: 'distilbert-base-uncased-finetuned-sst-2-english',
    aliases: ['distilbert/distilbert-base-uncased-finetuned-sst-2-english'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 66_955_010,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'SST-2 accuracy (dev, %)',
      score: 91.3,
      source: 'model card huggingface.co/distilbert/distilbert-base-uncased-finetuned-sst-2-english',
    },
    source: 'computed from config.json (distilbert-base-uncased body + pre_classifier 768x768 + 2-way classifier)',
  },
  // ---------------- RoBERTa / XLM-R ----------------
  {
    id: 'roberta-base',
    aliases: ['FacebookAI/roberta-base'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 124_645_632,
    sizes: {
      layers: 12,
      hiddenSize: 768,
      vocabSize: 50265,
      ffnSize: 3072,
      learnedPositions: 514,
      source:
        'config.json of huggingface.co/FacebookAI/roberta-base (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 512,
    smallerSiblings: ['distilroberta-base'],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 87.6,
      source: 'model card huggingface.co/FacebookAI/roberta-base, GLUE test results table (MNLI column)',
    },
    source:
      'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 50265, 514 positions, incl. pooler); Liu et al. 2019, arXiv:1907.11692',
  },
  {
    id: 'roberta-large',
    aliases: ['FacebookAI/roberta-large'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 355_359_744,
    sizes: {
      layers: 24,
      hiddenSize: 1024,
      vocabSize: 50265,
      ffnSize: 4096,
      learnedPositions: 514,
      source:
        'config.json of huggingface.co/FacebookAI/roberta-large (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 512,
    smallerSiblings: ['roberta-base', 'distilroberta-base'],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 90.2,
      source: 'model card huggingface.co/FacebookAI/roberta-large, GLUE test results table (MNLI column)',
    },
    source: 'computed from config.json (24 layers, hidden 1024, FFN 4096, vocab 50265, 514 positions, incl. pooler)',
  },
  {
    id: 'distilroberta-base',
    aliases: ['distilbert/distilroberta-base'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 82_118_400,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 84.0,
      source: 'model card huggingface.co/distilbert/distilroberta-base, GLUE test results table (MNLI column)',
    },
    source:
      'computed from config.json (6 layers, hidden 768, FFN 3072, vocab 50265, incl. pooler); model card states 82M',
  },
  {
    id: 'xlm-roberta-base',
    aliases: ['FacebookAI/xlm-roberta-base'],
    family: 'xlm-roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 278_043_648,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'XNLI accuracy (avg, %)',
      score: 76.2,
      source:
        'Conneau et al. 2019, XLM-R, arXiv:1911.02116, Table 1 (XNLI cross-lingual transfer, average accuracy), XLM-R Base',
    },
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 250002, incl. pooler)',
  },
  {
    id: 'xlm-roberta-large',
    aliases: ['FacebookAI/xlm-roberta-large'],
    family: 'xlm-roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 559_890_432,
    contextLength: 512,
    smallerSiblings: ['xlm-roberta-base'],
    quality: {
      benchmark: 'XNLI accuracy (avg, %)',
      score: 80.9,
      source:
        'Conneau et al. 2019, XLM-R, arXiv:1911.02116, Table 1 (XNLI cross-lingual transfer, average accuracy), XLM-R',
    },
    source: 'computed from config.json (24 layers, hidden 1024, FFN 4096, vocab 250002, incl. pooler)',
  },
  // ---------------- ALBERT / ELECTRA / DeBERTa-v3 ----------------
  {
    id: 'albert-base-v2',
    aliases: ['albert/albert-base-v2'],
    family: 'albert',
    architecture: 'encoder',
    modality: 'text',
    params: 11_683_584,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'ALBERT downstream avg (SQuAD1.1/2.0, MNLI, SST-2, RACE)',
      score: 82.3,
      source:
        'model card huggingface.co/albert/albert-base-v2, results table (average of SQuAD1.1, SQuAD2.0, MNLI, SST-2, RACE; Lan et al. 2019, arXiv:1909.11942)',
    },
    source:
      'computed from config.json (12 layers sharing one set of weights, hidden 768, FFN 3072, embedding size 128, vocab 30000, incl. pooler)',
  },
  {
    id: 'albert-large-v2',
    aliases: ['albert/albert-large-v2'],
    family: 'albert',
    architecture: 'encoder',
    modality: 'text',
    params: 17_683_968,
    contextLength: 512,
    smallerSiblings: ['albert-base-v2'],
    quality: {
      benchmark: 'ALBERT downstream avg (SQuAD1.1/2.0, MNLI, SST-2, RACE)',
      score: 85.7,
      source:
        'model card huggingface.co/albert/albert-base-v2, results table (average of SQuAD1.1, SQuAD2.0, MNLI, SST-2, RACE; Lan et al. 2019, arXiv:1909.11942)',
    },
    source:
      'computed from config.json (12 layers sharing one set of weights, hidden 1024, FFN 4096, embedding size 128, vocab 30000, incl. pooler)',
  },
  {
    id: 'albert-xlarge-v2',
    aliases: ['albert/albert-xlarge-v2'],
    family: 'albert',
    architecture: 'encoder',
    modality: 'text',
    params: 58_724_864,
    contextLength: 512,
    smallerSiblings: ['albert-large-v2', 'albert-base-v2'],
    quality: {
      benchmark: 'ALBERT downstream avg (SQuAD1.1/2.0, MNLI, SST-2, RACE)',
      score: 87.9,
      source:
        'model card huggingface.co/albert/albert-base-v2, results table (average of SQuAD1.1, SQuAD2.0, MNLI, SST-2, RACE; Lan et al. 2019, arXiv:1909.11942)',
    },
    source:
      'computed from config.json (12 layers sharing one set of weights, hidden 2048, FFN 8192, embedding size 128, vocab 30000, incl. pooler)',
  },
  {
    id: 'albert-xxlarge-v2',
    aliases: ['albert/albert-xxlarge-v2'],
    family: 'albert',
    architecture: 'encoder',
    modality: 'text',
    params: 222_595_584,
    contextLength: 512,
    smallerSiblings: ['albert-xlarge-v2', 'albert-large-v2', 'albert-base-v2'],
    quality: {
      benchmark: 'ALBERT downstream avg (SQuAD1.1/2.0, MNLI, SST-2, RACE)',
      score: 90.9,
      source:
        'model card huggingface.co/albert/albert-base-v2, results table (average of SQuAD1.1, SQuAD2.0, MNLI, SST-2, RACE; Lan et al. 2019, arXiv:1909.11942)',
    },
    source:
      'computed from config.json (12 layers sharing one set of weights, hidden 4096, FFN 16384, embedding size 128, vocab 30000, incl. pooler)',
  },
  {
    id: 'google/electra-small-discriminator',
    aliases: [],
    family: 'electra',
    architecture: 'encoder',
    modality: 'text',
    params: 13_483_008,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 77.4,
      source: 'google-research/electra README, "Released Models" table (GLUE test set)',
    },
    source:
      'computed from config.json (12 layers, hidden 256, FFN 1024, embedding 128 + projection, vocab 30522, no pooler)',
  },
  {
    id: 'google/electra-base-discriminator',
    aliases: [],
    family: 'electra',
    architecture: 'encoder',
    modality: 'text',
    params: 108_891_648,
    contextLength: 512,
    smallerSiblings: ['google/electra-small-discriminator'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 82.7,
      source: 'google-research/electra README, "Released Models" table (GLUE test set)',
    },
    source: 'computed from config.json (12 layers, hidden 768, FFN 3072, vocab 30522, no pooler)',
  },
  {
    id: 'google/electra-large-discriminator',
    aliases: [],
    family: 'electra',
    architecture: 'encoder',
    modality: 'text',
    params: 334_092_288,
    contextLength: 512,
    smallerSiblings: ['google/electra-base-discriminator', 'google/electra-small-discriminator'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 85.2,
      source: 'google-research/electra README, "Released Models" table (GLUE test set)',
    },
    source: 'computed from config.json (24 layers, hidden 1024, FFN 4096, vocab 30522, no pooler)',
  },
  {
    id: 'microsoft/deberta-v3-xsmall',
    aliases: [],
    family: 'deberta-v3',
    architecture: 'encoder',
    modality: 'text',
    params: 70_000_000,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 88.1,
      source:
        'model card huggingface.co/microsoft/deberta-v3-xsmall, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table)',
    },
    source:
      'model card huggingface.co/microsoft/deberta-v3-xsmall, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table): 22M backbone + 48M embedding',
  },
  {
    id: 'microsoft/deberta-v3-small',
    aliases: [],
    family: 'deberta-v3',
    architecture: 'encoder',
    modality: 'text',
    params: 142_000_000,
    contextLength: 512,
    smallerSiblings: ['microsoft/deberta-v3-xsmall'],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 88.3,
      source:
        'model card huggingface.co/microsoft/deberta-v3-small, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table)',
    },
    source:
      'model card huggingface.co/microsoft/deberta-v3-small, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table): 44M backbone + 98M embedding',
  },
  {
    id: 'microsoft/deberta-v3-base',
    aliases: [],
    family: 'deberta-v3',
    architecture: 'encoder',
    modality: 'text',
    params: 184_000_000,
    contextLength: 512,
    smallerSiblings: ['microsoft/deberta-v3-small', 'microsoft/deberta-v3-xsmall'],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 90.6,
      source:
        'model card huggingface.co/microsoft/deberta-v3-base, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table)',
    },
    source:
      'model card huggingface.co/microsoft/deberta-v3-base, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table): 86M backbone + 98M embedding',
  },
  {
    id: 'microsoft/deberta-v3-large',
    aliases: [],
    family: 'deberta-v3',
    architecture: 'encoder',
    modality: 'text',
    params: 435_000_000,
    contextLength: 512,
    smallerSiblings: ['microsoft/deberta-v3-base', 'microsoft/deberta-v3-small', 'microsoft/deberta-v3-xsmall'],
    quality: {
      benchmark: 'MNLI-m accuracy (%)',
      score: 91.8,
      source:
        'model card huggingface.co/microsoft/deberta-v3-large, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table)',
    },
    source:
      'model card huggingface.co/microsoft/deberta-v3-large, current revision (backbone + embedding parameters as stated; MNLI-m dev accuracy from its fine-tuning table): 304M backbone + 131M embedding',
  },
  {
    id: 'microsoft/deberta-v2-xxlarge',
    aliases: [],
    family: 'deberta-v2',
    architecture: 'encoder',
    modality: 'text',
    params: 1_500_000_000,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'model card huggingface.co/microsoft/deberta-v2-xxlarge (commit "DeBERTa v2 XXLarge(1.5B) model", Feb 2021): "48 layers, 1536 hidden size. Total parameters 1.5B"',
  },
  {
    id: 'facebook/mbart-large-cc25',
    aliases: [],
    family: 'mbart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 610_851_840,
    contextLength: 1024,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/facebook/mbart-large-cc25 (12+12 layers, d_model 1024, ffn 4096, vocab 250027 shared and tied, 1024+2 learned positions per stack, pre-norm with final and embedding layer norms)',
  },
  // ---------------- Sentence embeddings (sentence-transformers, BGE) ----------------
  {
    id: 'sentence-transformers/all-MiniLM-L6-v2',
    aliases: ['all-MiniLM-L6-v2'],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 22_713_216,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 58.8,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (BertModel, 6 layers, hidden 384, FFN 1536, vocab 30522, incl. pooler)',
  },
  {
    // ColBERTv2 (Santhanam et al., arXiv:2112.01488): a BERT-base encoder with a 128-wide output projection.
    id: 'colbert-ir/colbertv2.0',
    aliases: ['colbertv2.0'],
    family: 'colbert',
    architecture: 'encoder',
    modality: 'text',
    params: 109_580_544,
    contextLength: 512,
    smallerSiblings: [],
    source:
      "computed: config.json of huggingface.co/colbert-ir/colbertv2.0 (BertModel shape of bert-base-uncased: 12 layers, hidden 768, FFN 3072, vocab 30522, incl. pooler, 109,482,240) plus the 768x128 bias-free linear of ColBERT's HF_ColBERT (colbert/modeling/hf_colbert.py, dim 128 per ColBERTConfig): 98,304",
  },
  {
    id: 'sentence-transformers/all-MiniLM-L12-v2',
    aliases: ['all-MiniLM-L12-v2'],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 33_360_000,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/all-MiniLM-L6-v2'],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 59.76,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (BertModel, 12 layers, hidden 384, FFN 1536, vocab 30522, incl. pooler)',
  },
  {
    id: 'sentence-transformers/all-mpnet-base-v2',
    aliases: ['all-mpnet-base-v2'],
    family: 'mpnet',
    architecture: 'encoder',
    modality: 'text',
    params: 109_486_464,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/all-MiniLM-L12-v2', 'sentence-transformers/all-MiniLM-L6-v2'],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 63.3,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source:
      'computed from config.json (MPNetModel, 12 layers, hidden 768, FFN 3072, vocab 30527, 514 positions, relative-attention bias 32x12, incl. pooler)',
  },
  {
    id: 'sentence-transformers/paraphrase-mpnet-base-v2',
    aliases: ['paraphrase-mpnet-base-v2'],
    family: 'mpnet',
    architecture: 'encoder',
    modality: 'text',
    params: 109_486_464,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/paraphrase-MiniLM-L3-v2'],
    source:
      'computed from config.json of huggingface.co/sentence-transformers/paraphrase-mpnet-base-v2 (MPNetModel, 12 layers, hidden 768, FFN 3072, vocab 30527, 514 positions, relative-attention bias 32x12, incl. pooler): the same shape as all-mpnet-base-v2',
  },
  {
    id: 'microsoft/mpnet-base',
    aliases: ['mpnet-base'],
    family: 'mpnet',
    architecture: 'encoder',
    modality: 'text',
    params: 109_486_464,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/all-MiniLM-L12-v2', 'sentence-transformers/all-MiniLM-L6-v2'],
    source:
      'computed from config.json of huggingface.co/microsoft/mpnet-base (MPNetModel, 12 layers, hidden 768, FFN 3072, vocab 30527, 514 positions, relative-attention bias 32x12, incl. pooler); the pretrained checkpoint all-mpnet-base-v2 was fine-tuned from (its model card), so the same architecture; Song et al. 2020, MPNet, arXiv:2004.09297 (base: 110M)',
  },
  {
    id: 'sentence-transformers/all-distilroberta-v1',
    aliases: ['all-distilroberta-v1'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 82_118_400,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/all-MiniLM-L12-v2', 'sentence-transformers/all-MiniLM-L6-v2'],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 59.84,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (RobertaModel, 6 layers, hidden 768, vocab 50265, incl. pooler)',
  },
  {
    id: 'sentence-transformers/multi-qa-MiniLM-L6-cos-v1',
    aliases: ['multi-qa-MiniLM-L6-cos-v1'],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 22_713_216,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 58.08,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (BertModel, 6 layers, hidden 384, FFN 1536, vocab 30522, incl. pooler)',
  },
  {
    id: 'sentence-transformers/paraphrase-MiniLM-L3-v2',
    aliases: ['paraphrase-MiniLM-L3-v2'],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 17_389_824,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 50.74,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (BertModel, 3 layers, hidden 384, FFN 1536, vocab 30522, incl. pooler)',
  },
  {
    id: 'sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2',
    aliases: ['paraphrase-multilingual-MiniLM-L12-v2'],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 117_654_144,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 51.72,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source:
      'computed from config.json (XLM-R-style BertModel, 12 layers, hidden 384, FFN 1536, vocab 250037, 514 positions, incl. pooler; HF page shows 118M)',
  },
  {
    id: 'sentence-transformers/paraphrase-multilingual-mpnet-base-v2',
    aliases: ['paraphrase-multilingual-mpnet-base-v2'],
    family: 'xlm-roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 278_043_648,
    contextLength: 512,
    smallerSiblings: ['sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2'],
    quality: {
      benchmark: 'SBERT avg performance (14 embedding + 6 search datasets)',
      score: 53.75,
      source: 'sbert.net pretrained models table (avg of 14 sentence-embedding + 6 semantic-search datasets)',
    },
    source: 'computed from config.json (XLMRobertaModel, 12 layers, hidden 768, vocab 250002, incl. pooler)',
  },
  {
    id: 'BAAI/bge-small-en-v1.5',
    aliases: [],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 33_360_000,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'MTEB average (56 datasets)',
      score: 62.17,
      source: 'FlagEmbedding (BAAI/bge) README, MTEB table, average over 56 datasets',
    },
    source: 'computed from config.json (BertModel, 12 layers, hidden 384, FFN 1536, vocab 30522, incl. pooler)',
  },
  {
    id: 'BAAI/bge-base-en-v1.5',
    aliases: [],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 109_482_240,
    contextLength: 512,
    smallerSiblings: ['BAAI/bge-small-en-v1.5'],
    quality: {
      benchmark: 'MTEB average (56 datasets)',
      score: 63.55,
      source: 'FlagEmbedding (BAAI/bge) README, MTEB table, average over 56 datasets',
    },
    source: 'computed from config.json (BertModel, 12 layers, hidden 768, FFN 3072, vocab 30522, incl. pooler)',
  },
  {
    id: 'BAAI/bge-large-en-v1.5',
    aliases: [],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 335_141_888,
    contextLength: 512,
    smallerSiblings: ['BAAI/bge-base-en-v1.5', 'BAAI/bge-small-en-v1.5'],
    quality: {
      benchmark: 'MTEB average (56 datasets)',
      score: 64.23,
      source: 'FlagEmbedding (BAAI/bge) README, MTEB table, average over 56 datasets',
    },
    source: 'computed from config.json (BertModel, 24 layers, hidden 1024, FFN 4096, vocab 30522, incl. pooler)',
  },
  {
    id: 'BAAI/bge-m3',
    aliases: ['bge-m3'],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 567_754_752,
    contextLength: 8192,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/BAAI/bge-m3 (XLMRobertaModel, 24 layers, hidden 1024, FFN 4096, vocab 250002, 8194 positions, incl. pooler); the model card states 568M',
  },
  {
    id: 'BAAI/bge-reranker-v2-m3',
    aliases: ['bge-reranker-v2-m3'],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 567_755_777,
    contextLength: 8192,
    smallerSiblings: ['BAAI/bge-reranker-base'],
    source:
      'computed from config.json of huggingface.co/BAAI/bge-reranker-v2-m3 (XLMRobertaForSequenceClassification on bge-m3: 24 layers, hidden 1024, FFN 4096, vocab 250002, 8194 positions, one-label classification head)',
  },
  {
    id: 'BAAI/bge-reranker-large',
    aliases: ['bge-reranker-large'],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 559_891_457,
    contextLength: 512,
    smallerSiblings: ['BAAI/bge-reranker-base'],
    source:
      'computed from config.json of huggingface.co/BAAI/bge-reranker-large (XLMRobertaForSequenceClassification: 24 layers, hidden 1024, FFN 4096, vocab 250002, 514 positions, one-label classification head)',
  },
  {
    id: 'BAAI/bge-reranker-base',
    aliases: ['bge-reranker-base'],
    family: 'bge',
    architecture: 'encoder',
    modality: 'text',
    params: 278_044_417,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/BAAI/bge-reranker-base (XLMRobertaForSequenceClassification: 12 layers, hidden 768, FFN 3072, vocab 250002, 514 positions, one-label classification head)',
  },
  {
    id: 'mixedbread-ai/mxbai-embed-large-v1',
    aliases: ['mxbai-embed-large-v1'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 335_141_888,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'config.json of huggingface.co/mixedbread-ai/mxbai-embed-large-v1 (BertModel, 24 layers, hidden 1024, vocab 30522; mixedbread.com docs: 24 layers, 1024 dimensions, 512 tokens): the architecture of bert-large-uncased, counted as its row (incl. pooler)',
  },
  {
    id: 'answerdotai/ModernBERT-base',
    aliases: ['ModernBERT-base'],
    family: 'modernbert',
    architecture: 'encoder',
    modality: 'text',
    params: 149_000_000,
    contextLength: 8192,
    smallerSiblings: [],
    source:
      'model card huggingface.co/answerdotai/ModernBERT-base ("22 layers, 149 million parameters"); Warner et al. 2024, ModernBERT, arXiv:2412.13663',
  },
  {
    id: 'microsoft/MiniLM-L12-H384-uncased',
    aliases: [],
    family: 'minilm',
    architecture: 'encoder',
    modality: 'text',
    params: 33_000_000,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'model card huggingface.co/microsoft/MiniLM-L12-H384-uncased ("12-layer, 384-hidden, 12-heads, 33M parameters"); Wang et al. 2020, MiniLM, arXiv:2002.10957',
  },
  {
    id: 'nreimers/TinyBERT_L-4_H-312_v2',
    aliases: ['huawei-noah/TinyBERT_General_4L_312D'],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 14_500_000,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'Jiao et al. 2019, TinyBERT, arXiv:1909.10351, Table 1 (TinyBERT4: 4 layers, hidden 312, FFN 1200, 14.5M parameters); the nreimers checkpoint is the general 4-layer, 312-hidden TinyBERT',
  },
  {
    id: 'sentence-transformers/stsb-distilroberta-base-v2',
    aliases: ['stsb-distilroberta-base-v2'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 82_118_400,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'model card huggingface.co/sentence-transformers/stsb-distilroberta-base-v2 (RobertaModel + mean pooling, fine-tuned from distilroberta-base): the distilroberta-base count, computed from config.json (6 layers, hidden 768, FFN 3072, vocab 50265, incl. pooler)',
  },
  {
    id: 'cross-encoder/stsb-distilroberta-base',
    aliases: [],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 82_118_400,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'model card huggingface.co/cross-encoder/stsb-distilroberta-base (a distilroberta-base cross-encoder trained on STSb): the distilroberta-base count, computed from config.json (6 layers, hidden 768, FFN 3072, vocab 50265, incl. pooler; the one-output head adds 769)',
  },
  {
    id: 'naver/splade-cocondenser-ensembledistil',
    aliases: [],
    family: 'bert',
    architecture: 'encoder',
    modality: 'text',
    params: 109_482_240,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'Formal et al. 2022, From Distillation to Hard Negative Sampling (SPLADE++), arXiv:2205.04733: initialised from coCondenser, a BERT-base model; counted as bert-base-uncased (computed from config.json, 12 layers, hidden 768, vocab 30522, incl. pooler; the MLM head ties its output to the embeddings)',
  },
  {
    id: 'BeIR/query-gen-msmarco-t5-large-v1',
    aliases: [],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 737_668_096,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'model card huggingface.co/BeIR/query-gen-msmarco-t5-large-v1 (T5-large fine-tuned to generate queries; Thakur et al. 2021, BEIR, arXiv:2104.08663): the t5-large count, computed from config.json (24+24 layers, d_model 1024, d_ff 4096, vocab 32128, tied embeddings)',
  },
  // ---------------- GPT-2 ----------------
  {
    id: 'gpt2',
    aliases: ['openai-community/gpt2'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'text',
    params: 124_439_808,
    sizes: {
      layers: 12,
      hiddenSize: 768,
      vocabSize: 50257,
      ffnSize: 3072,
      learnedPositions: 1024,
      source:
        'config.json of huggingface.co/openai-community/gpt2 (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 1_024,
    smallerSiblings: ['distilgpt2'],
    quality: {
      benchmark: 'WikiText-103 perplexity (zero-shot, lower is better)',
      score: 37.5,
      source:
        'Radford et al. 2019, "Language Models are Unsupervised Multitask Learners", Table 3 (WikiText-103 PPL, zero-shot)',
    },
    source: 'computed from config.json (12 layers, d 768, vocab 50257, 1024 positions, tied embeddings)',
  },
  {
    id: 'openai-gpt',
    aliases: ['openai-community/openai-gpt'],
    family: 'openai-gpt',
    architecture: 'decoder',
    modality: 'text',
    params: 116_534_784,
    sizes: {
      layers: 12,
      hiddenSize: 768,
      vocabSize: 40478,
      ffnSize: 3072,
      learnedPositions: 512,
      source:
        'transformers\' OpenAIGPTConfig defaults, the configuration of huggingface.co/openai-community/openai-gpt (n_layer 12, n_embd 768, vocab_size 40478, n_positions 512; Radford et al. 2018, "Improving Language Understanding by Generative Pre-Training", section 4.1: 12 layers, 768-wide states, 3072-wide feed-forward)',
    },
    contextLength: 512,
    smallerSiblings: [],
    source:
      'computed from OpenAIGPTConfig defaults: 12 × (attention 768×2304 + 768×768, feed-forward 2 × 768×3072, biases and two layer norms) + token embeddings 40478×768 + 512 learned positions × 768, output layer tied = 116,534,784',
  },
  {
    id: 'gpt2-medium',
    aliases: ['openai-community/gpt2-medium'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'text',
    params: 354_823_168,
    sizes: {
      layers: 24,
      hiddenSize: 1024,
      vocabSize: 50257,
      ffnSize: 4096,
      learnedPositions: 1024,
      source:
        'config.json of huggingface.co/openai-community/gpt2-medium (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 1_024,
    smallerSiblings: ['gpt2', 'distilgpt2'],
    quality: {
      benchmark: 'WikiText-103 perplexity (zero-shot, lower is better)',
      score: 26.37,
      source:
        'Radford et al. 2019, "Language Models are Unsupervised Multitask Learners", Table 3 (WikiText-103 PPL, zero-shot)',
    },
    source: 'computed from config.json (24 layers, d 1024, vocab 50257, 1024 positions, tied embeddings)',
  },
  {
    id: 'gpt2-large',
    aliases: ['openai-community/gpt2-large'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'text',
    params: 774_030_080,
    sizes: {
      layers: 36,
      hiddenSize: 1280,
      vocabSize: 50257,
      ffnSize: 5120,
      learnedPositions: 1024,
      source:
        'config.json of huggingface.co/openai-community/gpt2-large (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 1_024,
    smallerSiblings: ['gpt2-medium', 'gpt2', 'distilgpt2'],
    quality: {
      benchmark: 'WikiText-103 perplexity (zero-shot, lower is better)',
      score: 22.76,
      source:
        'Radford et al. 2019, "Language Models are Unsupervised Multitask Learners", Table 3 (WikiText-103 PPL, zero-shot)',
    },
    source: 'computed from config.json (36 layers, d 1280, vocab 50257, 1024 positions, tied embeddings)',
  },
  {
    id: 'gpt2-xl',
    aliases: ['openai-community/gpt2-xl'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_557_611_200,
    sizes: {
      layers: 48,
      hiddenSize: 1600,
      vocabSize: 50257,
      ffnSize: 6400,
      learnedPositions: 1024,
      source:
        'config.json of huggingface.co/openai-community/gpt2-xl (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 1_024,
    smallerSiblings: ['gpt2-large', 'gpt2-medium', 'gpt2', 'distilgpt2'],
    quality: {
      benchmark: 'WikiText-103 perplexity (zero-shot, lower is better)',
      score: 17.48,
      source:
        'Radford et al. 2019, "Language Models are Unsupervised Multitask Learners", Table 3 (WikiText-103 PPL, zero-shot)',
    },
    source: 'computed from config.json (48 layers, d 1600, vocab 50257, 1024 positions, tied embeddings)',
  },
  {
    id: 'distilgpt2',
    aliases: ['distilbert/distilgpt2'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'text',
    params: 81_912_576,
    sizes: {
      layers: 6,
      hiddenSize: 768,
      vocabSize: 50257,
      ffnSize: 3072,
      learnedPositions: 1024,
      source:
        'config.json of huggingface.co/distilbert/distilgpt2 (n_layer/num_hidden_layers, hidden size, vocab_size, FFN width, position table)',
    },
    contextLength: 1_024,
    smallerSiblings: [],
    quality: {
      benchmark: 'WikiText-103 perplexity (fine-tuned, lower is better)',
      score: 21.1,
      source: 'model card huggingface.co/distilbert/distilgpt2 (GPT-2: 16.3 after the same fine-tuning)',
    },
    source: 'computed from config.json (6 layers, d 768, vocab 50257, tied embeddings); model card states 82M',
  },
  // ---------------- EleutherAI (GPT-Neo, GPT-J, GPT-NeoX, Pythia) ----------------
  {
    id: 'EleutherAI/gpt-neo-125m',
    aliases: ['EleutherAI/gpt-neo-125M'],
    family: 'gpt-neo',
    architecture: 'decoder',
    modality: 'text',
    params: 125_198_592,
    contextLength: 2_048,
    smallerSiblings: [],
    source: 'computed from config.json (12 layers, d 768, vocab 50257, 2048 positions, no q/k/v bias, tied embeddings)',
  },
  {
    id: 'EleutherAI/gpt-neo-1.3B',
    aliases: [],
    family: 'gpt-neo',
    architecture: 'decoder',
    modality: 'text',
    params: 1_315_575_808,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/gpt-neo-125m'],
    source:
      'computed from config.json (24 layers, d 2048, vocab 50257, 2048 positions, no q/k/v bias, tied embeddings)',
  },
  {
    id: 'EleutherAI/gpt-neo-2.7B',
    aliases: [],
    family: 'gpt-neo',
    architecture: 'decoder',
    modality: 'text',
    params: 2_651_307_520,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/gpt-neo-1.3B', 'EleutherAI/gpt-neo-125m'],
    source:
      'computed from config.json (32 layers, d 2560, vocab 50257, 2048 positions, no q/k/v bias, tied embeddings)',
  },
  {
    id: 'EleutherAI/gpt-j-6b',
    aliases: ['EleutherAI/gpt-j-6B'],
    family: 'gpt-j',
    architecture: 'decoder',
    modality: 'text',
    params: 6_050_882_784,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/gpt-neo-2.7B', 'EleutherAI/gpt-neo-1.3B'],
    source: 'computed from config.json (28 layers, d 4096, vocab 50400, parallel attn/MLP, untied LM head with bias)',
  },
  {
    id: 'bigcode/starcoder',
    aliases: ['bigcode/starcoderbase'],
    family: 'starcoder',
    architecture: 'decoder',
    modality: 'text',
    params: 15_517_456_384,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'computed from config.json (GPTBigCode: 40 layers, d 6144, 48 heads with one shared K/V head (multi_query), n_inner 24576, vocab 49152, 8192 learned positions, biases, LM head tied to the embedding); Li et al. 2023, arXiv:2305.06161: 15.5B',
  },
  {
    id: 'WizardLMTeam/WizardCoder-15B-V1.0',
    aliases: ['WizardLM/WizardCoder-15B-V1.0'],
    family: 'starcoder',
    architecture: 'decoder',
    modality: 'text',
    params: 15_517_462_528,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      "computed from config.json of huggingface.co/WizardLMTeam/WizardCoder-15B-V1.0 (StarCoder's GPTBigCode layout, vocab 49153: one added token over bigcode/starcoder)",
  },
  {
    id: 'togethercomputer/RedPajama-INCITE-Chat-3B-v1',
    aliases: ['togethercomputer/RedPajama-INCITE-Base-3B-v1', 'togethercomputer/RedPajama-INCITE-Instruct-3B-v1'],
    family: 'redpajama-incite',
    architecture: 'decoder',
    modality: 'text',
    params: 2_775_864_320,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/togethercomputer/RedPajama-INCITE-Chat-3B-v1 (GPT-NeoX: 32 layers, d 2560, FFN 10240, vocab 50432, untied; Base and Instruct share the config)',
  },
  {
    id: 'togethercomputer/RedPajama-INCITE-7B-Chat',
    aliases: ['togethercomputer/RedPajama-INCITE-7B-Base', 'togethercomputer/RedPajama-INCITE-7B-Instruct'],
    family: 'redpajama-incite',
    architecture: 'decoder',
    modality: 'text',
    params: 6_857_302_016,
    contextLength: 2_048,
    smallerSiblings: ['togethercomputer/RedPajama-INCITE-Chat-3B-v1'],
    source:
      'computed from config.json of huggingface.co/togethercomputer/RedPajama-INCITE-7B-Instruct (GPT-NeoX: 32 layers, d 4096, FFN 16384, vocab 50432, untied), the layout of EleutherAI/pythia-6.9b',
  },
  {
    id: 'togethercomputer/LLaMA-2-7B-32K',
    aliases: ['togethercomputer/Llama-2-7B-32K-beta', 'togethercomputer/Llama-2-7B-32K-Instruct'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_415_616,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      "computed from config.json of huggingface.co/togethercomputer/LLaMA-2-7B-32K (Llama 2 7B's layout: 32 layers, d 4096, FFN 11008, vocab 32000, untied; 32768 positions by linear RoPE scaling ×8, no parameters added)",
  },
  {
    id: 'openlm-research/open_llama_3b',
    aliases: ['openlm-research/open_llama_3b_v2', 'openlm-research/open_llama_3b_600bt_preview'],
    family: 'open-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 3_426_473_600,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      "computed from EasyLM's LLAMA_STANDARD_CONFIGS['3b'] (26 layers, d 3200, FFN 8640, vocab 32000, untied), the layout OpenLLaMA was trained with (huggingface.co/openlm-research/open_llama_3b model card: trained with EasyLM)",
  },
  {
    id: 'openlm-research/open_llama_7b',
    aliases: ['openlm-research/open_llama_7b_v2', 'openlm-research/open_llama_7b_700bt_preview'],
    family: 'open-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_415_616,
    contextLength: 2_048,
    smallerSiblings: ['openlm-research/open_llama_3b'],
    source:
      "computed from EasyLM's LLAMA_STANDARD_CONFIGS['7b'] (32 layers, d 4096, FFN 11008, vocab 32000, untied: LLaMA 7B's layout), the configuration OpenLLaMA was trained with (huggingface.co/openlm-research/open_llama_7b model card: a reproduction of LLaMA 7B, trained with EasyLM)",
  },
  {
    id: 'openlm-research/open_llama_13b',
    aliases: ['openlm-research/open_llama_13b_600bt_preview'],
    family: 'open-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 13_015_864_320,
    contextLength: 2_048,
    smallerSiblings: ['openlm-research/open_llama_7b', 'openlm-research/open_llama_3b'],
    source:
      "computed from EasyLM's LLAMA_STANDARD_CONFIGS['13b'] (40 layers, d 5120, FFN 13824, vocab 32000, untied: LLaMA 13B's layout), the configuration OpenLLaMA was trained with (huggingface.co/openlm-research/open_llama_7b model card)",
  },
  {
    id: 'fnlp/moss-moon-003-base',
    aliases: [
      'fnlp/moss-moon-003-sft',
      'fnlp/moss-moon-003-sft-plugin',
      'fnlp/moss-moon-003-sft-int4',
      'fnlp/moss-moon-003-sft-int8',
      'fnlp/moss-moon-003-sft-plugin-int4',
      'fnlp/moss-moon-003-sft-plugin-int8',
    ],
    family: 'moss',
    architecture: 'decoder',
    modality: 'text',
    params: 16_717_980_160,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/fnlp/moss-moon-003-base and -sft (CodeGen architecture as GPT-J: parallel attn/MLP, 34 layers, d 6144, 24 heads, n_inner 4d, vocab 107008, untied LM head with bias); the -int4/-int8 uploads are GPTQ copies of the same model (same config.json sizes)',
  },
  {
    id: 'EleutherAI/gpt-neox-20b',
    aliases: [],
    family: 'gpt-neox',
    architecture: 'decoder',
    modality: 'text',
    params: 20_554_567_680,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/pythia-12b', 'EleutherAI/pythia-6.9b'],
    source:
      'computed from config.json (44 layers, d 6144, vocab 50432, untied embeddings); Black et al. 2022, arXiv:2204.06745',
  },
  {
    id: 'EleutherAI/pythia-70m',
    aliases: ['EleutherAI/pythia-70m-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 70_426_624,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (GPT-NeoX, 6 layers, d 512, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-160m',
    aliases: ['EleutherAI/pythia-160m-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 162_322_944,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/pythia-70m'],
    source:
      'computed from config.json (GPT-NeoX, 12 layers, d 768, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-410m',
    aliases: ['EleutherAI/pythia-410m-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 405_334_016,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/pythia-160m', 'EleutherAI/pythia-70m'],
    source:
      'computed from config.json (GPT-NeoX, 24 layers, d 1024, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-1b',
    aliases: ['EleutherAI/pythia-1b-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 1_011_781_632,
    contextLength: 2_048,
    smallerSiblings: ['EleutherAI/pythia-410m', 'EleutherAI/pythia-160m', 'EleutherAI/pythia-70m'],
    source:
      'computed from config.json (GPT-NeoX, 16 layers, d 2048, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-1.4b',
    aliases: ['EleutherAI/pythia-1.4b-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 1_414_647_808,
    contextLength: 2_048,
    smallerSiblings: [
      'EleutherAI/pythia-1b',
      'EleutherAI/pythia-410m',
      'EleutherAI/pythia-160m',
      'EleutherAI/pythia-70m',
    ],
    source:
      'computed from config.json (GPT-NeoX, 24 layers, d 2048, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-2.8b',
    aliases: ['EleutherAI/pythia-2.8b-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 2_775_208_960,
    contextLength: 2_048,
    smallerSiblings: [
      'EleutherAI/pythia-1.4b',
      'EleutherAI/pythia-1b',
      'EleutherAI/pythia-410m',
      'EleutherAI/pythia-160m',
      'EleutherAI/pythia-70m',
    ],
    source:
      'computed from config.json (GPT-NeoX, 32 layers, d 2560, vocab 50304, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-6.9b',
    aliases: ['EleutherAI/pythia-6.9b-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 6_857_302_016,
    contextLength: 2_048,
    smallerSiblings: [
      'EleutherAI/pythia-2.8b',
      'EleutherAI/pythia-1.4b',
      'EleutherAI/pythia-1b',
      'EleutherAI/pythia-410m',
      'EleutherAI/pythia-160m',
      'EleutherAI/pythia-70m',
    ],
    source:
      'computed from config.json (GPT-NeoX, 32 layers, d 4096, vocab 50432, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  {
    id: 'EleutherAI/pythia-12b',
    aliases: ['EleutherAI/pythia-12b-deduped'],
    family: 'pythia',
    architecture: 'decoder',
    modality: 'text',
    params: 11_846_072_320,
    contextLength: 2_048,
    smallerSiblings: [
      'EleutherAI/pythia-6.9b',
      'EleutherAI/pythia-2.8b',
      'EleutherAI/pythia-1.4b',
      'EleutherAI/pythia-1b',
      'EleutherAI/pythia-410m',
      'EleutherAI/pythia-160m',
      'EleutherAI/pythia-70m',
    ],
    source:
      'computed from config.json (GPT-NeoX, 36 layers, d 5120, vocab 50688, untied); matches Biderman et al. 2023, arXiv:2304.01373, Table 1 total params',
  },
  // ---------------- OPT ----------------
  // ---------------- BlenderBot (ParlAI) ----------------
  {
    id: 'facebook/blenderbot-90M',
    // ParlAI's model zoo key for the same weights (parl.ai/docs/zoo.html, "Blender 90M"), as ParlAI programs write it.
    aliases: ['facebook/blenderbot_small-90M', 'zoo:blender/blender_90M', 'blender_90M'],
    family: 'blenderbot',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 90_000_000,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'Roller et al. 2020, "Recipes for building an open-domain chatbot", arXiv:2004.13637, abstract and Section 6 (the 90M parameter model; figure as published)',
  },
  {
    id: 'facebook/opt-125m',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 125_239_296,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (12 layers, d 768, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-350m',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 331_196_416,
    contextLength: 2_048,
    smallerSiblings: ['facebook/opt-125m'],
    source:
      'computed from config.json (24 layers, d 1024, word_embed_proj_dim 512 with project_in/out, vocab 50272, post-LN (no final LN)); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-1.3b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 1_315_758_080,
    contextLength: 2_048,
    smallerSiblings: ['facebook/opt-350m', 'facebook/opt-125m'],
    source:
      'computed from config.json (24 layers, d 2048, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-2.7b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 2_651_596_800,
    contextLength: 2_048,
    smallerSiblings: ['facebook/opt-1.3b', 'facebook/opt-350m', 'facebook/opt-125m'],
    source:
      'computed from config.json (32 layers, d 2560, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-6.7b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 6_658_473_984,
    contextLength: 2_048,
    smallerSiblings: ['facebook/opt-2.7b', 'facebook/opt-1.3b', 'facebook/opt-350m', 'facebook/opt-125m'],
    source:
      'computed from config.json (32 layers, d 4096, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-13b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 12_853_473_280,
    contextLength: 2_048,
    smallerSiblings: [
      'facebook/opt-6.7b',
      'facebook/opt-2.7b',
      'facebook/opt-1.3b',
      'facebook/opt-350m',
      'facebook/opt-125m',
    ],
    source:
      'computed from config.json (40 layers, d 5120, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-30b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 29_974_540_288,
    contextLength: 2_048,
    smallerSiblings: [
      'facebook/opt-13b',
      'facebook/opt-6.7b',
      'facebook/opt-2.7b',
      'facebook/opt-1.3b',
      'facebook/opt-350m',
      'facebook/opt-125m',
    ],
    source:
      'computed from config.json (48 layers, d 7168, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  {
    id: 'facebook/opt-66b',
    aliases: [],
    family: 'opt',
    architecture: 'decoder',
    modality: 'text',
    params: 65_719_701_504,
    contextLength: 2_048,
    smallerSiblings: [
      'facebook/opt-30b',
      'facebook/opt-13b',
      'facebook/opt-6.7b',
      'facebook/opt-2.7b',
      'facebook/opt-1.3b',
      'facebook/opt-350m',
      'facebook/opt-125m',
    ],
    source:
      'computed from config.json (64 layers, d 9216, vocab 50272, 2050 learned positions, tied embeddings); Zhang et al. 2022, arXiv:2205.01068, Table 1',
  },
  // ---------------- BLOOM / BLOOMZ ----------------
  {
    id: 'bigscience/bloom-560m',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 559_214_592,
    contextLength: 2_048,
    smallerSiblings: [],
    source: 'computed from config.json (24 layers, d 1024, vocab 250880, ALiBi, embedding LayerNorm, tied)',
  },
  {
    id: 'bigscience/bloom-1b1',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 1_065_314_304,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloom-560m'],
    source: 'computed from config.json (24 layers, d 1536, vocab 250880, ALiBi, embedding LayerNorm, tied)',
  },
  {
    id: 'bigscience/bloom-1b7',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 1_722_408_960,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloom-1b1', 'bigscience/bloom-560m'],
    source: 'computed from config.json (24 layers, d 2048, vocab 250880, ALiBi, embedding LayerNorm, tied)',
  },
  {
    id: 'bigscience/bloom-3b',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 3_002_557_440,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloom-1b7', 'bigscience/bloom-1b1', 'bigscience/bloom-560m'],
    source: 'computed from config.json (30 layers, d 2560, vocab 250880, ALiBi, embedding LayerNorm, tied)',
  },
  {
    id: 'bigscience/bloom-7b1',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 7_069_016_064,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloom-3b', 'bigscience/bloom-1b7', 'bigscience/bloom-1b1', 'bigscience/bloom-560m'],
    source: 'computed from config.json (30 layers, d 4096, vocab 250880, ALiBi, embedding LayerNorm, tied)',
  },
  {
    id: 'bigscience/bloom',
    // The Petals copy: the same BLOOM-176B weights post-processed to be served block by block
    // (huggingface.co/bigscience/bloom-petals model card: "a version of bigscience/bloom post-processed to be run ... using the Petals swarm").
    aliases: ['bigscience/bloom-petals'],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 176_247_271_424,
    contextLength: 2_048,
    smallerSiblings: [
      'bigscience/bloom-7b1',
      'bigscience/bloom-3b',
      'bigscience/bloom-1b7',
      'bigscience/bloom-1b1',
      'bigscience/bloom-560m',
    ],
    source:
      'computed from config.json (70 layers, d 14336, vocab 250880, tied); BigScience 2022, arXiv:2211.05100 (176B)',
  },
  {
    id: 'bigscience/bloomz-560m',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 559_214_592,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (24 layers, d 1024, vocab 250880, ALiBi, embedding LayerNorm, tied); multitask fine-tune of the same-size BLOOM',
  },
  {
    id: 'bigscience/bloomz-1b1',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 1_065_314_304,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloomz-560m'],
    source:
      'computed from config.json (24 layers, d 1536, vocab 250880, ALiBi, embedding LayerNorm, tied); multitask fine-tune of the same-size BLOOM',
  },
  {
    id: 'bigscience/bloomz-1b7',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 1_722_408_960,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloomz-1b1', 'bigscience/bloomz-560m'],
    source:
      'computed from config.json (24 layers, d 2048, vocab 250880, ALiBi, embedding LayerNorm, tied); multitask fine-tune of the same-size BLOOM',
  },
  {
    id: 'bigscience/bloomz-3b',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 3_002_557_440,
    contextLength: 2_048,
    smallerSiblings: ['bigscience/bloomz-1b7', 'bigscience/bloomz-1b1', 'bigscience/bloomz-560m'],
    source:
      'computed from config.json (30 layers, d 2560, vocab 250880, ALiBi, embedding LayerNorm, tied); multitask fine-tune of the same-size BLOOM',
  },
  {
    id: 'bigscience/bloomz-7b1',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 7_069_016_064,
    contextLength: 2_048,
    smallerSiblings: [
      'bigscience/bloomz-3b',
      'bigscience/bloomz-1b7',
      'bigscience/bloomz-1b1',
      'bigscience/bloomz-560m',
    ],
    source:
      'computed from config.json (30 layers, d 4096, vocab 250880, ALiBi, embedding LayerNorm, tied); multitask fine-tune of the same-size BLOOM',
  },
  {
    id: 'bigscience/bloomz',
    aliases: [],
    family: 'bloom',
    architecture: 'decoder',
    modality: 'text',
    params: 176_247_271_424,
    contextLength: 2_048,
    smallerSiblings: [
      'bigscience/bloomz-7b1',
      'bigscience/bloomz-3b',
      'bigscience/bloomz-1b7',
      'bigscience/bloomz-1b1',
      'bigscience/bloomz-560m',
    ],
    source:
      'computed from config.json (70 layers, d 14336, vocab 250880, tied); BigScience 2022, arXiv:2211.05100 (176B)',
  },
  // ---------------- Falcon ----------------
  {
    id: 'tiiuae/falcon-7b',
    aliases: [],
    family: 'falcon',
    architecture: 'decoder',
    modality: 'text',
    params: 6_921_720_704,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4544, multi-query attention (71 heads, 1 KV head of 64), parallel attn/MLP, FFN 18176, vocab 65024, tied)',
  },
  {
    id: 'tiiuae/falcon-7b-instruct',
    aliases: [],
    family: 'falcon',
    architecture: 'decoder',
    modality: 'text',
    params: 6_921_720_704,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4544, multi-query attention (71 heads, 1 KV head of 64), parallel attn/MLP, FFN 18176, vocab 65024, tied)',
  },
  {
    id: 'tiiuae/falcon-rw-1b',
    aliases: [],
    family: 'falcon',
    architecture: 'decoder',
    modality: 'text',
    params: 1_311_625_216,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (24 layers, d 2048, 32 heads, ALiBi, sequential attn/MLP with biases, FFN 8192, vocab 50304, tied)',
  },
  // ---------------- Llama 1 / Llama 2 / Code Llama ----------------
  {
    id: 'huggyllama/llama-7b',
    // The same weights under the Hub ids of their conversions to the transformers format (decapoda-research's first
    // upload; yahma's and luodian's re-uploads "converted from the official Llama-7B via HF's conversion script",
    // huggingface.co/luodian/llama-7b-hf model card), as alpaca-lora-style fine-tunes name them.
    aliases: [
      'decapoda-research/llama-7b-hf',
      'yahma/llama-7b-hf',
      'luodian/llama-7b-hf',
      'baffo32/decapoda-research-llama-7B-hf',
    ],
    family: 'llama',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_415_616,
    contextLength: 2_048,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 35.1,
      source: 'Touvron et al. 2023, LLaMA, arXiv:2302.13971, Table 9 (MMLU 5-shot)',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 11008, 32 heads, vocab 32000, untied)',
  },
  {
    id: 'huggyllama/llama-13b',
    // The same weights under the Hub ids of their conversions (see huggyllama/llama-7b).
    aliases: ['decapoda-research/llama-13b-hf', 'yahma/llama-13b-hf'],
    family: 'llama',
    architecture: 'decoder',
    modality: 'text',
    params: 13_015_864_320,
    contextLength: 2_048,
    smallerSiblings: ['huggyllama/llama-7b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 46.9,
      source: 'Touvron et al. 2023, LLaMA, arXiv:2302.13971, Table 9 (MMLU 5-shot)',
    },
    source: 'computed from config.json (40 layers, d 5120, FFN 13824, 40 heads, vocab 32000, untied)',
  },
  {
    id: 'huggyllama/llama-30b',
    // The same weights under the Hub ids of their conversions (see huggyllama/llama-7b).
    aliases: ['decapoda-research/llama-30b-hf'],
    family: 'llama',
    architecture: 'decoder',
    modality: 'text',
    params: 32_528_943_616,
    contextLength: 2_048,
    smallerSiblings: ['huggyllama/llama-13b', 'huggyllama/llama-7b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 57.8,
      source: 'Touvron et al. 2023, LLaMA, arXiv:2302.13971, Table 9 (MMLU 5-shot)',
    },
    source: 'computed from config.json (60 layers, d 6656, FFN 17920, 52 heads, vocab 32000, untied)',
  },
  {
    id: 'huggyllama/llama-65b',
    // The same weights under the Hub ids of their conversions (see huggyllama/llama-7b).
    aliases: ['decapoda-research/llama-65b-hf'],
    family: 'llama',
    architecture: 'decoder',
    modality: 'text',
    params: 65_285_660_672,
    contextLength: 2_048,
    smallerSiblings: ['huggyllama/llama-30b', 'huggyllama/llama-13b', 'huggyllama/llama-7b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 63.4,
      source: 'Touvron et al. 2023, LLaMA, arXiv:2302.13971, Table 9 (MMLU 5-shot)',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 22016, 64 heads, vocab 32000, untied)',
  },
  {
    id: 'meta-llama/Llama-2-7b-hf',
    aliases: ['meta-llama/Llama-2-7b', 'NousResearch/Llama-2-7b-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_415_616,
    contextLength: 4_096,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 45.3,
      source: 'Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 3 (MMLU 5-shot)',
    },
    source:
      'computed from config.json (32 layers, d 4096, FFN 11008, 32 heads / 32 KV heads, vocab 32000, untied); arXiv:2307.09288',
  },
  {
    id: 'meta-llama/Llama-2-7b-chat-hf',
    aliases: ['meta-llama/Llama-2-7b-chat', 'NousResearch/Llama-2-7b-chat-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_415_616,
    contextLength: 4_096,
    smallerSiblings: [],
    source: 'computed from config.json (32 layers, d 4096, FFN 11008, 32 heads / 32 KV heads, vocab 32000, untied)',
  },
  {
    id: 'meta-llama/Llama-2-13b-hf',
    aliases: ['meta-llama/Llama-2-13b', 'NousResearch/Llama-2-13b-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 13_015_864_320,
    contextLength: 4_096,
    smallerSiblings: ['meta-llama/Llama-2-7b-hf'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 54.8,
      source: 'Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 3 (MMLU 5-shot)',
    },
    source:
      'computed from config.json (40 layers, d 5120, FFN 13824, 40 heads / 40 KV heads, vocab 32000, untied); arXiv:2307.09288',
  },
  {
    id: 'meta-llama/Llama-2-13b-chat-hf',
    aliases: ['meta-llama/Llama-2-13b-chat', 'NousResearch/Llama-2-13b-chat-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 13_015_864_320,
    contextLength: 4_096,
    smallerSiblings: ['meta-llama/Llama-2-7b-chat-hf'],
    source: 'computed from config.json (40 layers, d 5120, FFN 13824, 40 heads / 40 KV heads, vocab 32000, untied)',
  },
  {
    id: 'meta-llama/Llama-2-70b-hf',
    aliases: ['meta-llama/Llama-2-70b', 'NousResearch/Llama-2-70b-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 68_976_648_192,
    contextLength: 4_096,
    smallerSiblings: ['meta-llama/Llama-2-13b-hf', 'meta-llama/Llama-2-7b-hf'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 68.9,
      source: 'Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 3 (MMLU 5-shot)',
    },
    source:
      'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 32000, untied); arXiv:2307.09288',
  },
  {
    id: 'meta-llama/Llama-2-70b-chat-hf',
    aliases: ['meta-llama/Llama-2-70b-chat', 'NousResearch/Llama-2-70b-chat-hf'],
    family: 'llama-2',
    architecture: 'decoder',
    modality: 'text',
    params: 68_976_648_192,
    contextLength: 4_096,
    smallerSiblings: ['meta-llama/Llama-2-13b-chat-hf', 'meta-llama/Llama-2-7b-chat-hf'],
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 32000, untied)',
  },
  {
    id: 'codellama/CodeLlama-7b-hf',
    aliases: ['meta-llama/CodeLlama-7b-hf'],
    family: 'code-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_546_688,
    contextLength: 16_384,
    smallerSiblings: [],
    quality: {
      benchmark: 'HumanEval pass@1 (%)',
      score: 33.5,
      source: 'Roziere et al. 2023, Code Llama, arXiv:2308.12950, Table 2 (HumanEval pass@1)',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 11008, 32 heads / 32 KV heads, vocab 32016, untied)',
  },
  {
    id: 'codellama/CodeLlama-13b-hf',
    aliases: ['meta-llama/CodeLlama-13b-hf'],
    family: 'code-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 13_016_028_160,
    contextLength: 16_384,
    smallerSiblings: ['codellama/CodeLlama-7b-hf'],
    quality: {
      benchmark: 'HumanEval pass@1 (%)',
      score: 36.0,
      source: 'Roziere et al. 2023, Code Llama, arXiv:2308.12950, Table 2 (HumanEval pass@1)',
    },
    source: 'computed from config.json (40 layers, d 5120, FFN 13824, 40 heads / 40 KV heads, vocab 32016, untied)',
  },
  {
    id: 'codellama/CodeLlama-34b-hf',
    aliases: ['meta-llama/CodeLlama-34b-hf'],
    family: 'code-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 33_743_970_304,
    contextLength: 16_384,
    smallerSiblings: ['codellama/CodeLlama-13b-hf', 'codellama/CodeLlama-7b-hf'],
    quality: {
      benchmark: 'HumanEval pass@1 (%)',
      score: 48.8,
      source: 'Roziere et al. 2023, Code Llama, arXiv:2308.12950, Table 2 (HumanEval pass@1)',
    },
    source: 'computed from config.json (48 layers, d 8192, FFN 22016, 64 heads / 8 KV heads, vocab 32000, untied)',
  },
  {
    id: 'codellama/CodeLlama-70b-hf',
    aliases: ['meta-llama/CodeLlama-70b-hf'],
    family: 'code-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 68_976_910_336,
    contextLength: 16_384,
    smallerSiblings: ['codellama/CodeLlama-34b-hf', 'codellama/CodeLlama-13b-hf', 'codellama/CodeLlama-7b-hf'],
    quality: {
      benchmark: 'HumanEval pass@1 (%)',
      score: 53.0,
      source: 'Roziere et al. 2023, Code Llama, arXiv:2308.12950, Table 2 (HumanEval pass@1)',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 32016, untied)',
  },
  {
    id: 'codellama/CodeLlama-7b-Instruct-hf',
    aliases: ['meta-llama/CodeLlama-7b-Instruct-hf'],
    family: 'code-llama',
    architecture: 'decoder',
    modality: 'text',
    params: 6_738_546_688,
    contextLength: 16_384,
    smallerSiblings: [],
    source: 'computed from config.json (32 layers, d 4096, FFN 11008, vocab 32016, untied)',
  },
  // ---------------- Llama 3 / 3.1 / 3.2 / 3.3 ----------------
  // torchtitan's debug flavour of its Llama 3 model (the default job of its run_train.sh): a tiny model of the same
  // architecture for smoke tests, trained from scratch.
  {
    id: 'torchtitan/llama3_debugmodel',
    aliases: ['llama3_debugmodel'],
    family: 'llama3',
    architecture: 'decoder',
    modality: 'text',
    params: 6_163_712,
    smallerSiblings: [],
    source:
      'github.com/pytorch/torchtitan torchtitan/models/llama3/__init__.py (_debugmodel: dim 256, 6 layers, 16 heads, vocab 2048, SwiGLU hidden compute_ffn_hidden_dim(256, multiple_of=256) = 768): embeddings 2048*256 + output 256*2048 + 6 * (4*256^2 + 3*256*768 + 2*256) + 256 = 6,163,712',
  },
  {
    id: 'meta-llama/Meta-Llama-3-8B',
    aliases: ['meta-llama/Llama-3-8B'],
    family: 'llama-3',
    architecture: 'decoder',
    modality: 'text',
    params: 8_030_261_248,
    contextLength: 8_192,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 66.6,
      source:
        'Meta Llama 3 model card (github.com/meta-llama/llama-models, models/llama3/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Meta-Llama-3-8B-Instruct',
    aliases: ['meta-llama/Llama-3-8B-Instruct'],
    family: 'llama-3',
    architecture: 'decoder',
    modality: 'text',
    params: 8_030_261_248,
    contextLength: 8_192,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 68.4,
      source:
        'Meta Llama 3 model card (github.com/meta-llama/llama-models, models/llama3/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Meta-Llama-3-70B',
    aliases: ['meta-llama/Llama-3-70B'],
    family: 'llama-3',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 8_192,
    smallerSiblings: ['meta-llama/Meta-Llama-3-8B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 79.5,
      source:
        'Meta Llama 3 model card (github.com/meta-llama/llama-models, models/llama3/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Meta-Llama-3-70B-Instruct',
    aliases: ['meta-llama/Llama-3-70B-Instruct'],
    family: 'llama-3',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 8_192,
    smallerSiblings: ['meta-llama/Meta-Llama-3-8B-Instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 82.0,
      source:
        'Meta Llama 3 model card (github.com/meta-llama/llama-models, models/llama3/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.2-1B',
    aliases: [],
    family: 'llama-3.2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_235_814_400,
    contextLength: 131_072,
    sizes: {
      layers: 16,
      hiddenSize: 2048,
      vocabSize: 128_256,
      ffnSize: 8192,
      gatedFfn: true,
      attentionHeads: 32,
      kvHeads: 8,
      source:
        'config.json of huggingface.co/meta-llama/Llama-3.2-1B (num_hidden_layers 16, hidden_size 2048, intermediate_size 8192 SwiGLU, 32 heads / 8 KV heads, vocab_size 128256, tie_word_embeddings true)',
    },
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 32.2,
      source:
        'Llama 3.2 model card (github.com/meta-llama/llama-models, models/llama3_2/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source:
      'computed from config.json (16 layers, d 2048, FFN 8192, 32 heads / 8 KV heads, vocab 128256, tied embeddings); card: 1.23B',
  },
  {
    id: 'meta-llama/Llama-3.2-1B-Instruct',
    aliases: [],
    family: 'llama-3.2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_235_814_400,
    contextLength: 131_072,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 49.3,
      source:
        'Llama 3.2 model card (github.com/meta-llama/llama-models, models/llama3_2/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source:
      'computed from config.json (16 layers, d 2048, FFN 8192, 32 heads / 8 KV heads, vocab 128256, tied embeddings); card: 1.23B',
  },
  {
    id: 'meta-llama/Llama-3.2-3B',
    aliases: [],
    family: 'llama-3.2',
    architecture: 'decoder',
    modality: 'text',
    params: 3_212_749_824,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.2-1B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 58.0,
      source:
        'Llama 3.2 model card (github.com/meta-llama/llama-models, models/llama3_2/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source:
      'computed from config.json (28 layers, d 3072, FFN 8192, 24 heads / 8 KV heads, vocab 128256, head dim 128, tied embeddings); card: 3.21B',
  },
  {
    id: 'meta-llama/Llama-3.2-3B-Instruct',
    aliases: [],
    family: 'llama-3.2',
    architecture: 'decoder',
    modality: 'text',
    params: 3_212_749_824,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.2-1B-Instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 63.4,
      source:
        'Llama 3.2 model card (github.com/meta-llama/llama-models, models/llama3_2/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source:
      'computed from config.json (28 layers, d 3072, FFN 8192, 24 heads / 8 KV heads, vocab 128256, head dim 128, tied embeddings); card: 3.21B',
  },
  {
    id: 'meta-llama/Llama-3.1-8B',
    aliases: ['meta-llama/Meta-Llama-3.1-8B'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 8_030_261_248,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.2-3B', 'meta-llama/Llama-3.2-1B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 66.7,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.1-8B-Instruct',
    aliases: ['meta-llama/Meta-Llama-3.1-8B-Instruct'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 8_030_261_248,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.2-3B-Instruct', 'meta-llama/Llama-3.2-1B-Instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 69.4,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.1-70B',
    aliases: ['meta-llama/Meta-Llama-3.1-70B'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.2-3B', 'meta-llama/Llama-3.2-1B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 79.3,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.1-70B-Instruct',
    aliases: ['meta-llama/Meta-Llama-3.1-70B-Instruct'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 131_072,
    smallerSiblings: [
      'meta-llama/Llama-3.1-8B-Instruct',
      'meta-llama/Llama-3.2-3B-Instruct',
      'meta-llama/Llama-3.2-1B-Instruct',
    ],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 83.6,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source: 'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.1-405B',
    aliases: ['meta-llama/Meta-Llama-3.1-405B'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 405_853_388_800,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.1-70B', 'meta-llama/Llama-3.1-8B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 85.2,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, base',
    },
    source: 'computed from config.json (126 layers, d 16384, FFN 53248, 128 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.1-405B-Instruct',
    aliases: ['meta-llama/Meta-Llama-3.1-405B-Instruct'],
    family: 'llama-3.1',
    architecture: 'decoder',
    modality: 'text',
    params: 405_853_388_800,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.1-70B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 87.3,
      source:
        'Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), MMLU 5-shot, instruction tuned',
    },
    source: 'computed from config.json (126 layers, d 16384, FFN 53248, 128 heads / 8 KV heads, vocab 128256, untied)',
  },
  {
    id: 'meta-llama/Llama-3.3-70B-Instruct',
    aliases: [],
    family: 'llama-3.3',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 131_072,
    smallerSiblings: [
      'meta-llama/Llama-3.1-8B-Instruct',
      'meta-llama/Llama-3.2-3B-Instruct',
      'meta-llama/Llama-3.2-1B-Instruct',
    ],
    quality: {
      benchmark: 'MMLU (0-shot, CoT)',
      score: 86.0,
      source: 'Llama 3.3 model card (github.com/meta-llama/llama-models, models/llama3_3/MODEL_CARD.md)',
    },
    source:
      'computed from config.json (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied); same architecture as Llama 3.1 70B',
  },
  // ---------------- Mistral / Mixtral ----------------
  {
    id: 'mistralai/Mistral-7B-v0.1',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_241_732_096,
    contextLength: 8_192,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 60.1,
      source: 'Jiang et al. 2023, Mistral 7B, arXiv:2310.06825, Table 2',
    },
    source:
      'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32000, untied); Jiang et al. 2023, arXiv:2310.06825 (context 8192 per Table 1)',
  },
  {
    id: 'mistralai/Mistral-7B-Instruct-v0.1',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_241_732_096,
    contextLength: 8_192,
    smallerSiblings: [],
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32000, untied)',
  },
  {
    id: 'mistralai/Mistral-7B-Instruct-v0.2',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_241_732_096,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32000, untied); card: 32k context',
  },
  {
    id: 'mistralai/Mistral-7B-v0.3',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_248_023_552,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32768, untied); card: vocabulary extended to 32768',
  },
  {
    id: 'mistralai/Mistral-7B-Instruct-v0.3',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_248_023_552,
    contextLength: 32_768,
    smallerSiblings: [],
    source: 'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32768, untied)',
  },
  {
    id: 'HuggingFaceH4/zephyr-7b-beta',
    aliases: [],
    family: 'mistral',
    architecture: 'decoder',
    modality: 'text',
    params: 7_241_732_096,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 32000, untied); fine-tune of Mistral-7B-v0.1',
  },
  {
    id: 'mistralai/Mixtral-8x7B-v0.1',
    aliases: [],
    family: 'mixtral',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 46_702_792_704,
    activeParams: 12_879_925_248,
    contextLength: 32_768,
    smallerSiblings: ['mistralai/Mistral-7B-v0.1'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 70.6,
      source: 'Jiang et al. 2024, Mixtral of Experts, arXiv:2401.04088, Table 2',
    },
    source:
      'computed from config.json (32 layers, d 4096, 8 experts x FFN 14336, top-2 routing, 32 heads / 8 KV heads, vocab 32000; active = attention + 2 experts + router + embeddings); paper: 47B total / 13B active',
  },
  {
    id: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    aliases: [],
    family: 'mixtral',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 46_702_792_704,
    activeParams: 12_879_925_248,
    contextLength: 32_768,
    smallerSiblings: ['mistralai/Mistral-7B-Instruct-v0.2'],
    source:
      'computed from config.json (32 layers, d 4096, 8 experts x FFN 14336, top-2 routing, 32 heads / 8 KV heads, vocab 32000; active = attention + 2 experts + router + embeddings)',
  },
  {
    id: 'mistralai/Mixtral-8x22B-v0.1',
    aliases: [],
    family: 'mixtral',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 140_630_071_296,
    activeParams: 39_161_468_928,
    contextLength: 65_536,
    smallerSiblings: ['mistralai/Mixtral-8x7B-v0.1', 'mistralai/Mistral-7B-v0.3'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 77.8,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Table 2 (Mixtral-8x22B base, 5-shot)',
    },
    source:
      'computed from config.json (56 layers, d 6144, 8 experts x FFN 16384, top-2, 48 heads / 8 KV heads (head dim 128), vocab 32768; card: 141B total / 39B active)',
  },
  {
    id: 'CohereForAI/c4ai-command-r-plus',
    aliases: ['CohereLabs/c4ai-command-r-plus'],
    family: 'command-r',
    architecture: 'decoder',
    modality: 'text',
    params: 104e9,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'model card (huggingface.co/CohereForAI/c4ai-command-r-plus): "an open weights research release of a 104B billion parameter model", 128k context',
  },
  {
    id: 'mistralai/Mixtral-8x22B-Instruct-v0.1',
    aliases: [],
    family: 'mixtral',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 140_630_071_296,
    activeParams: 39_161_468_928,
    contextLength: 65_536,
    smallerSiblings: ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistralai/Mistral-7B-Instruct-v0.3'],
    source:
      'computed from config.json (56 layers, d 6144, 8 experts x FFN 16384, top-2, 48 heads / 8 KV heads (head dim 128), vocab 32768; card: 141B total / 39B active)',
  },
  // ---------------- Qwen (first generation: QWenLMHeadModel, remote code) ----------------
  // Its MLP splits config.json's intermediate_size in two (w1, w2 of half the width, then c_proj: a gated MLP); the
  // -Chat, -Chat-Int4 (GPTQ 4-bit) and -Chat-Int8 checkpoints have the same layers and are kept as aliases.
  {
    id: 'Qwen/Qwen-1_8B',
    aliases: ['Qwen/Qwen-1_8B-Chat', 'Qwen/Qwen-1_8B-Chat-Int4', 'Qwen/Qwen-1_8B-Chat-Int8'],
    family: 'qwen',
    architecture: 'decoder',
    modality: 'text',
    params: 1_836_828_672,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'computed from huggingface.co/Qwen/Qwen-1_8B config.json (24 layers, d 2048, intermediate_size 11008 (w1/w2 of 5504 + c_proj), 16 heads, QKV bias, vocab 151936, untied); Qwen technical report arXiv:2309.16609 (Qwen-1.8B)',
  },
  {
    id: 'Qwen/Qwen-7B',
    aliases: ['Qwen/Qwen-7B-Chat', 'Qwen/Qwen-7B-Chat-Int4', 'Qwen/Qwen-7B-Chat-Int8'],
    family: 'qwen',
    architecture: 'decoder',
    modality: 'text',
    params: 7_721_324_544,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen-1_8B'],
    source:
      'computed from huggingface.co/Qwen/Qwen-7B config.json (32 layers, d 4096, intermediate_size 22016 (w1/w2 of 11008 + c_proj), 32 heads, QKV bias, vocab 151936, untied); Qwen technical report arXiv:2309.16609 (Qwen-7B (7.7B))',
  },
  {
    id: 'Qwen/Qwen-14B',
    aliases: ['Qwen/Qwen-14B-Chat', 'Qwen/Qwen-14B-Chat-Int4', 'Qwen/Qwen-14B-Chat-Int8'],
    family: 'qwen',
    architecture: 'decoder',
    modality: 'text',
    params: 14_167_290_880,
    contextLength: 8_192,
    smallerSiblings: ['Qwen/Qwen-7B', 'Qwen/Qwen-1_8B'],
    source:
      'computed from huggingface.co/Qwen/Qwen-14B config.json (40 layers, d 5120, intermediate_size 27392 (w1/w2 of 13696 + c_proj), 40 heads, QKV bias, vocab 152064, untied); Qwen technical report arXiv:2309.16609 (Qwen-14B)',
  },
  {
    id: 'Qwen/Qwen-72B',
    aliases: ['Qwen/Qwen-72B-Chat', 'Qwen/Qwen-72B-Chat-Int4', 'Qwen/Qwen-72B-Chat-Int8'],
    family: 'qwen',
    architecture: 'decoder',
    modality: 'text',
    params: 72_287_920_128,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen-14B', 'Qwen/Qwen-7B', 'Qwen/Qwen-1_8B'],
    source:
      'computed from huggingface.co/Qwen/Qwen-72B config.json (80 layers, d 8192, intermediate_size 49152 (w1/w2 of 24576 + c_proj), 64 heads, QKV bias, vocab 152064, untied); Qwen technical report arXiv:2309.16609 (Qwen-72B)',
  },
  // ---------------- Qwen1.5-MoE ----------------
  {
    id: 'Qwen/Qwen1.5-MoE-A2.7B',
    aliases: ['Qwen/Qwen1.5-MoE-A2.7B-Chat', 'Qwen/Qwen1.5-MoE-A2.7B-Chat-GPTQ-Int4'],
    family: 'qwen1.5-moe',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 14_300_000_000,
    activeParams: 2_700_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/Qwen/Qwen1.5-MoE-A2.7B model card: "14.3B parameters in total and 2.7B activated parameters during runtime" (upcycled from Qwen-1.8B)',
  },
  // ---------------- Qwen2 / Qwen2.5 ----------------
  {
    id: 'Qwen/Qwen2.5-0.5B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 494_032_768,
    contextLength: 32_768,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 47.5,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (24 layers, d 896, FFN 4864, 14 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 0.49B',
  },
  {
    id: 'Qwen/Qwen2.5-0.5B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 494_032_768,
    contextLength: 32_768,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU-redux',
      score: 24.1,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (24 layers, d 896, FFN 4864, 14 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 0.49B',
  },
  {
    id: 'Qwen/Qwen2.5-1.5B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2.5-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 60.9,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (28 layers, d 1536, FFN 8960, 12 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 1.54B',
  },
  {
    id: 'Qwen/Qwen2.5-1.5B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2.5-0.5B-Instruct'],
    quality: {
      benchmark: 'MMLU-redux',
      score: 50.7,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (28 layers, d 1536, FFN 8960, 12 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 1.54B',
  },
  {
    id: 'Qwen/Qwen2.5-3B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 3_085_938_688,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2.5-1.5B', 'Qwen/Qwen2.5-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 65.6,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (36 layers, d 2048, FFN 11008, 16 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 3.09B',
  },
  {
    id: 'Qwen/Qwen2.5-3B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 3_085_938_688,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2.5-1.5B-Instruct', 'Qwen/Qwen2.5-0.5B-Instruct'],
    quality: {
      benchmark: 'MMLU-redux',
      score: 64.4,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (36 layers, d 2048, FFN 11008, 16 heads / 2 KV heads, QKV bias, vocab 151936, tied); card: 3.09B',
  },
  {
    id: 'Qwen/Qwen2.5-7B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 131_072,
    smallerSiblings: ['Qwen/Qwen2.5-3B', 'Qwen/Qwen2.5-1.5B', 'Qwen/Qwen2.5-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 74.2,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, QKV bias, vocab 152064, untied); card: 7.61B',
  },
  {
    id: 'Qwen/Qwen2.5-7B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 131_072,
    smallerSiblings: ['Qwen/Qwen2.5-3B-Instruct', 'Qwen/Qwen2.5-1.5B-Instruct', 'Qwen/Qwen2.5-0.5B-Instruct'],
    quality: {
      benchmark: 'MMLU-redux',
      score: 75.4,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, QKV bias, vocab 152064, untied); card: 7.61B',
  },
  {
    id: 'Qwen/Qwen2.5-14B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 14_770_033_664,
    contextLength: 131_072,
    smallerSiblings: ['Qwen/Qwen2.5-7B', 'Qwen/Qwen2.5-3B', 'Qwen/Qwen2.5-1.5B', 'Qwen/Qwen2.5-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 79.7,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (48 layers, d 5120, FFN 13824, 40 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 14.7B',
  },
  {
    id: 'Qwen/Qwen2.5-14B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 14_770_033_664,
    contextLength: 131_072,
    smallerSiblings: [
      'Qwen/Qwen2.5-7B-Instruct',
      'Qwen/Qwen2.5-3B-Instruct',
      'Qwen/Qwen2.5-1.5B-Instruct',
      'Qwen/Qwen2.5-0.5B-Instruct',
    ],
    quality: {
      benchmark: 'MMLU-redux',
      score: 80.0,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (48 layers, d 5120, FFN 13824, 40 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 14.7B',
  },
  {
    id: 'Qwen/Qwen2.5-32B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 32_512_218_112,
    contextLength: 131_072,
    smallerSiblings: [
      'Qwen/Qwen2.5-14B',
      'Qwen/Qwen2.5-7B',
      'Qwen/Qwen2.5-3B',
      'Qwen/Qwen2.5-1.5B',
      'Qwen/Qwen2.5-0.5B',
    ],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 83.3,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (64 layers, d 5120, FFN 27392, 40 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 32.5B',
  },
  {
    id: 'Qwen/Qwen2.5-32B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 32_512_218_112,
    contextLength: 131_072,
    smallerSiblings: [
      'Qwen/Qwen2.5-14B-Instruct',
      'Qwen/Qwen2.5-7B-Instruct',
      'Qwen/Qwen2.5-3B-Instruct',
      'Qwen/Qwen2.5-1.5B-Instruct',
      'Qwen/Qwen2.5-0.5B-Instruct',
    ],
    quality: {
      benchmark: 'MMLU-redux',
      score: 83.9,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (64 layers, d 5120, FFN 27392, 40 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 32.5B',
  },
  {
    id: 'Qwen/Qwen2.5-72B',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 72_706_203_648,
    contextLength: 131_072,
    smallerSiblings: [
      'Qwen/Qwen2.5-32B',
      'Qwen/Qwen2.5-14B',
      'Qwen/Qwen2.5-7B',
      'Qwen/Qwen2.5-3B',
      'Qwen/Qwen2.5-1.5B',
      'Qwen/Qwen2.5-0.5B',
    ],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 86.1,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2-5 (base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (80 layers, d 8192, FFN 29568, 64 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 72.7B',
  },
  {
    id: 'Qwen/Qwen2.5-72B-Instruct',
    aliases: [],
    family: 'qwen2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 72_706_203_648,
    contextLength: 131_072,
    smallerSiblings: [
      'Qwen/Qwen2.5-32B-Instruct',
      'Qwen/Qwen2.5-14B-Instruct',
      'Qwen/Qwen2.5-7B-Instruct',
      'Qwen/Qwen2.5-3B-Instruct',
      'Qwen/Qwen2.5-1.5B-Instruct',
      'Qwen/Qwen2.5-0.5B-Instruct',
    ],
    quality: {
      benchmark: 'MMLU-redux',
      score: 86.8,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 6-10 (instruction-tuned, MMLU-redux)',
    },
    source:
      'computed from config.json (80 layers, d 8192, FFN 29568, 64 heads / 8 KV heads, QKV bias, vocab 152064, untied); card: 72.7B',
  },
  {
    id: 'Qwen/Qwen2-0.5B',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 494_032_768,
    contextLength: 32_768,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 44.3,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2/4/5 (Qwen2 base, MMLU 5-shot)',
    },
    source:
      'computed from config.json (24 layers, d 896, FFN 4864, 14 heads / 2 KV heads, QKV bias, vocab 151936, tied)',
  },
  {
    id: 'Qwen/Qwen2-0.5B-Instruct',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 494_032_768,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'computed from config.json (24 layers, d 896, FFN 4864, 14 heads / 2 KV heads, QKV bias, vocab 151936, tied)',
  },
  {
    id: 'Qwen/Qwen2-1.5B',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 55.9,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2/4/5 (Qwen2 base, MMLU 5-shot)',
    },
    source:
      'computed from config.json (28 layers, d 1536, FFN 8960, 12 heads / 2 KV heads, QKV bias, vocab 151936, tied)',
  },
  {
    id: 'Qwen/Qwen2-1.5B-Instruct',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-0.5B-Instruct'],
    source:
      'computed from config.json (28 layers, d 1536, FFN 8960, 12 heads / 2 KV heads, QKV bias, vocab 151936, tied)',
  },
  {
    id: 'Qwen/Qwen2-7B',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-1.5B', 'Qwen/Qwen2-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 70.3,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2/4/5 (Qwen2 base, MMLU 5-shot)',
    },
    source:
      'computed from config.json (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, QKV bias, vocab 152064, untied)',
  },
  {
    id: 'Qwen/Qwen2-7B-Instruct',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-1.5B-Instruct', 'Qwen/Qwen2-0.5B-Instruct'],
    source:
      'computed from config.json (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, QKV bias, vocab 152064, untied)',
  },
  {
    id: 'Qwen/Qwen2-72B',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 72_706_203_648,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-7B', 'Qwen/Qwen2-1.5B', 'Qwen/Qwen2-0.5B'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 84.2,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 2/4/5 (Qwen2 base, MMLU 5-shot)',
    },
    source:
      'computed from config.json (80 layers, d 8192, FFN 29568, 64 heads / 8 KV heads, QKV bias, vocab 152064, untied)',
  },
  {
    id: 'Qwen/Qwen2-72B-Instruct',
    aliases: [],
    family: 'qwen2',
    architecture: 'decoder',
    modality: 'text',
    params: 72_706_203_648,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-7B-Instruct', 'Qwen/Qwen2-1.5B-Instruct', 'Qwen/Qwen2-0.5B-Instruct'],
    source:
      'computed from config.json (80 layers, d 8192, FFN 29568, 64 heads / 8 KV heads, QKV bias, vocab 152064, untied)',
  },
  // ---------------- Llama 3.2 Vision (torchtune's llama3_2_vision_11b / _90b builders) ----------------
  {
    id: 'meta-llama/Llama-3.2-11B-Vision',
    aliases: ['meta-llama/Llama-3.2-11B-Vision-Instruct'],
    family: 'llama-3.2-vision',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 10.6e9,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'Meta Llama 3.2-Vision model card (huggingface.co/meta-llama/Llama-3.2-11B-Vision): 11B (10.6B) parameters, Llama 3.1 8B text model with a vision adapter (published rounded)',
  },
  {
    id: 'meta-llama/Llama-3.2-90B-Vision',
    aliases: ['meta-llama/Llama-3.2-90B-Vision-Instruct'],
    family: 'llama-3.2-vision',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 88.8e9,
    contextLength: 131_072,
    smallerSiblings: ['meta-llama/Llama-3.2-11B-Vision'],
    source:
      'Meta Llama 3.2-Vision model card (huggingface.co/meta-llama/Llama-3.2-90B-Vision): 90B (88.8B) parameters, Llama 3.1 70B text model with a vision adapter (published rounded)',
  },
  // ---------------- Qwen2-VL (vision-language) ----------------
  {
    id: 'Qwen/Qwen2-VL-2B-Instruct',
    aliases: ['Qwen/Qwen2-VL-2B'],
    family: 'qwen2-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 2_210_000_000,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'the Hub\'s safetensors count of full-weight copies of Qwen2-VL-2B-Instruct, "Model size 2.21B params, Tensor type BF16" (huggingface.co/Kaushika04/Qwen2-VL-2B-Instruct-LoRA-FT, huggingface.co/zhangfaen/Qwen2-VL-2B-checkpoint; published rounded)',
  },
  {
    id: 'Qwen/Qwen2-VL-7B-Instruct',
    aliases: ['Qwen/Qwen2-VL-7B'],
    family: 'qwen2-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 8_291_375_616,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen2-VL-2B-Instruct'],
    source:
      'computed: language model 7,615,616,512 (config.json: 28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, vocab 152064, untied; the Qwen2-7B shape) + vision tower 675,759,104 (transformers Qwen2VLVisionConfig defaults, which config.json keeps: 32 blocks, d 1280, MLP ratio 4 with biases, 16 heads, QKV biases, two LayerNorms a block; 3x2x14x14 patch convolution without bias; merger LayerNorm + MLP 5120 to 5120 to 3584); context: max_position_embeddings 32768 in config.json',
  },
  // ---------------- Qwen2.5-VL (vision-language; only instruction-tuned checkpoints were released) ----------------
  // Computed: the Qwen2.5 language model of the same size (its own catalog row; the VL model is initialised from it:
  // Qwen2.5-VL Technical Report, arXiv:2502.13923, section 2.1) plus the vision tower and merger, configured alike at
  // every size except the merger's output width, which is the language model's hidden size.
  {
    id: 'Qwen/Qwen2.5-VL-3B-Instruct',
    aliases: [],
    family: 'qwen2.5-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 3_754_622_976,
    contextLength: 128_000,
    smallerSiblings: [],
    source:
      'computed: Qwen/Qwen2.5-3B language model 3,085,938,688 (tied) + vision tower from config.json vision_config (32 blocks, d 1280, gated FFN 3420, 16 heads, QKV and MLP biases; 3x2x14x14 patch convolution; merger RMSNorm + MLP 5120 to 5120 to 2048): 668,684,288; context: max_position_embeddings 128000 in config.json',
  },
  {
    id: 'Qwen/Qwen2.5-VL-7B-Instruct',
    aliases: [],
    family: 'qwen2.5-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 8_292_166_656,
    contextLength: 128_000,
    smallerSiblings: ['Qwen/Qwen2.5-VL-3B-Instruct'],
    source:
      'computed: Qwen/Qwen2.5-7B language model 7,615,616,512 (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, vocab 152064, untied: the same in the text_config of this model config.json) + vision tower from config.json vision_config (32 blocks, d 1280, gated FFN 3420, 16 heads, QKV and MLP biases; 3x2x14x14 patch convolution; merger RMSNorm + MLP 5120 to 5120 to 3584): 676,550,144; context: max_position_embeddings 128000 in config.json',
  },
  {
    id: 'Qwen/Qwen2.5-VL-32B-Instruct',
    aliases: [],
    family: 'qwen2.5-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 33_196_634_112,
    contextLength: 128_000,
    smallerSiblings: ['Qwen/Qwen2.5-VL-7B-Instruct', 'Qwen/Qwen2.5-VL-3B-Instruct'],
    source:
      'computed: Qwen/Qwen2.5-32B language model 32,512,218,112 + vision tower from config.json vision_config (32 blocks, d 1280, gated FFN 3420, 16 heads, QKV and MLP biases; 3x2x14x14 patch convolution; merger RMSNorm + MLP 5120 to 5120 to 5120): 684,416,000; context: max_position_embeddings 128000 in config.json',
  },
  {
    id: 'Qwen/Qwen2.5-VL-72B-Instruct',
    aliases: [],
    family: 'qwen2.5-vl',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 73_406_351_360,
    contextLength: 128_000,
    smallerSiblings: ['Qwen/Qwen2.5-VL-32B-Instruct', 'Qwen/Qwen2.5-VL-7B-Instruct', 'Qwen/Qwen2.5-VL-3B-Instruct'],
    source:
      'computed: Qwen/Qwen2.5-72B language model 72,706,203,648 + vision tower from config.json vision_config (32 blocks, d 1280, gated FFN 3420, 16 heads, QKV and MLP biases; 3x2x14x14 patch convolution; merger RMSNorm + MLP 5120 to 5120 to 8192): 700,147,712; context: max_position_embeddings 128000 in config.json',
  },
  // ---------------- Llama 4 (MoE; torchtune's llama4_scout_17b_16e / llama4_maverick_17b_128e builders) ----------------
  {
    id: 'meta-llama/Llama-4-Scout-17B-16E',
    aliases: ['meta-llama/Llama-4-Scout-17B-16E-Instruct'],
    family: 'llama-4',
    architecture: 'moe-decoder',
    modality: 'multimodal',
    params: 109e9,
    activeParams: 17e9,
    contextLength: 10_000_000,
    smallerSiblings: [],
    source:
      'Meta Llama 4 model card (huggingface.co/meta-llama/Llama-4-Scout-17B-16E): 17B activated, 109B total parameters, 16 experts, 10M context (published rounded)',
  },
  {
    id: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
    aliases: ['meta-llama/Llama-4-Maverick-17B-128E'],
    family: 'llama-4',
    architecture: 'moe-decoder',
    modality: 'multimodal',
    params: 400e9,
    activeParams: 17e9,
    contextLength: 1_000_000,
    smallerSiblings: ['meta-llama/Llama-4-Scout-17B-16E'],
    source:
      'Meta Llama 4 model card (huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct): 17B activated, 400B total parameters, 128 experts, 1M context (published rounded)',
  },
  // ---------------- Qwen3 (dense) ----------------
  // The suffix-less repositories are the post-trained (thinking/non-thinking) checkpoints; -Base the pretrained ones,
  // same architecture and parameter count (kept as aliases). torchtune's qwen3_* builders build these.
  {
    id: 'Qwen/Qwen3-0.6B',
    aliases: ['Qwen/Qwen3-0.6B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 596_049_920,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'computed from config.json (28 layers, d 1024, FFN 3072, 16 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, tied); model card huggingface.co/Qwen/Qwen3-0.6B: 0.6B, 0.44B non-embedding',
  },
  {
    id: 'Qwen/Qwen3-1.7B',
    aliases: ['Qwen/Qwen3-1.7B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 1_720_574_976,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-0.6B'],
    source:
      'computed from config.json (28 layers, d 2048, FFN 6144, 16 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, tied); model card huggingface.co/Qwen/Qwen3-1.7B: 1.7B, 1.4B non-embedding',
  },
  {
    id: 'Qwen/Qwen3-4B',
    aliases: ['Qwen/Qwen3-4B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 4_022_468_096,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'],
    source:
      'computed from config.json (36 layers, d 2560, FFN 9728, 32 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, tied); model card huggingface.co/Qwen/Qwen3-4B: 4.0B, 3.6B non-embedding',
  },
  {
    id: 'Qwen/Qwen3-8B',
    aliases: ['Qwen/Qwen3-8B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 8_190_735_360,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-4B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'],
    source:
      'computed from config.json (36 layers, d 4096, FFN 12288, 32 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, untied); model card huggingface.co/Qwen/Qwen3-8B: 8.2B, 6.95B non-embedding',
  },
  {
    id: 'Qwen/Qwen3-14B',
    aliases: ['Qwen/Qwen3-14B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 14_768_307_200,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-8B', 'Qwen/Qwen3-4B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'],
    source:
      'computed from config.json (40 layers, d 5120, FFN 17408, 40 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, untied); model card huggingface.co/Qwen/Qwen3-14B: 14.8B, 13.2B non-embedding',
  },
  {
    id: 'Qwen/Qwen3-32B',
    aliases: ['Qwen/Qwen3-32B-Base'],
    family: 'qwen3',
    architecture: 'decoder',
    modality: 'text',
    params: 32_762_123_264,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-14B', 'Qwen/Qwen3-8B', 'Qwen/Qwen3-4B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'],
    source:
      'computed from config.json (64 layers, d 5120, FFN 25600, 64 heads / 8 KV heads of 128, q/k norms, no QKV bias, vocab 151936, untied); model card huggingface.co/Qwen/Qwen3-32B: 32.8B, 31.2B non-embedding',
  },
  // ---------------- DeepSeek-V2 (MoE with multi-head latent attention) ----------------
  {
    id: 'deepseek-ai/DeepSeek-V2-Lite',
    aliases: ['deepseek-ai/DeepSeek-V2-Lite-Chat'],
    family: 'deepseek-v2',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 15.7e9,
    activeParams: 2.4e9,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'DeepSeek-V2 paper, arXiv:2405.04434, Appendix B (DeepSeek-V2-Lite): 15.7B total parameters, 2.4B activated per token (27 layers, d 2048, 2 shared + 64 routed experts, 6 active); 32K context (published rounded)',
  },
  {
    id: 'deepseek-ai/DeepSeek-V2',
    aliases: ['deepseek-ai/DeepSeek-V2-Chat', 'deepseek-ai/DeepSeek-V2-Chat-0628', 'deepseek-ai/DeepSeek-V2.5'],
    family: 'deepseek-v2',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 236e9,
    activeParams: 21e9,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-V2-Lite'],
    source:
      'DeepSeek-V2 paper, arXiv:2405.04434, section 1: 236B total parameters, 21B activated per token, 128K context (DeepSeek-V2.5 merges the V2 chat and coder models in the same architecture); published rounded',
  },
  // ---------------- DeepSeek-V3 / DeepSeek-R1 (MoE) and the R1 distills ----------------
  // The distills are fine-tunes of Qwen2.5 / Llama 3 checkpoints (DeepSeek-R1 paper, arXiv:2501.12948, section 2.4 and
  // the distilled-model table of the model card): their size is their base's, counted here from the base's config.json.
  {
    id: 'deepseek-ai/DeepSeek-V3',
    aliases: ['deepseek-ai/DeepSeek-V3-Base', 'deepseek-ai/DeepSeek-V3-0324'],
    family: 'deepseek-v3',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 671e9,
    activeParams: 37e9,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'DeepSeek-V3 technical report, arXiv:2412.19437: 671B total parameters, 37B activated per token (the Hub checkpoint adds a 14B multi-token-prediction module, 685B); 128K context',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1',
    aliases: ['deepseek-ai/DeepSeek-R1-Zero', 'deepseek-ai/DeepSeek-R1-0528'],
    family: 'deepseek-r1',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 671e9,
    activeParams: 37e9,
    contextLength: 131_072,
    smallerSiblings: [
      'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
    ],
    source:
      'DeepSeek-R1 paper, arXiv:2501.12948 (trained from DeepSeek-V3-Base) and model card huggingface.co/deepseek-ai/DeepSeek-R1: 671B total, 37B activated parameters, 128K context',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 1_777_088_000,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'base Qwen2.5-Math-1.5B (arXiv:2501.12948 distilled-model table); computed from config.json (28 layers, d 1536, FFN 8960, 12 heads / 2 KV heads, QKV bias, vocab 151936, tie_word_embeddings false): the 1.54B Qwen2.5-1.5B count plus an untied 151936 × 1536 head; Hub page: 1.78B params',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B'],
    source:
      'base Qwen2.5-Math-7B (arXiv:2501.12948 distilled-model table), the Qwen2.5-7B architecture: computed from config.json (28 layers, d 3584, FFN 18944, 28 heads / 4 KV heads, QKV bias, vocab 152064, untied); 7.62B',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-14B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 14_770_033_664,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B'],
    source:
      'base Qwen2.5-14B (arXiv:2501.12948 distilled-model table): the Qwen/Qwen2.5-14B row (48 layers, d 5120, FFN 13824, 40 heads / 8 KV heads, vocab 152064, untied); 14.8B',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 32_512_218_112,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-14B', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'],
    source:
      'base Qwen2.5-32B (arXiv:2501.12948 distilled-model table): the Qwen/Qwen2.5-32B row (64 layers, d 5120, FFN 27648, 40 heads / 8 KV heads, vocab 152064, untied); card of the base: 32.5B',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 8_030_261_248,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B'],
    source:
      'base Llama-3.1-8B (arXiv:2501.12948 distilled-model table): the meta-llama/Llama-3.1-8B row (32 layers, d 4096, FFN 14336, 32 heads / 8 KV heads, vocab 128256, untied); 8.03B',
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
    aliases: [],
    family: 'deepseek-r1-distill',
    architecture: 'decoder',
    modality: 'text',
    params: 70_553_706_496,
    contextLength: 131_072,
    smallerSiblings: ['deepseek-ai/DeepSeek-R1-Distill-Llama-8B'],
    source:
      'base Llama-3.3-70B-Instruct (arXiv:2501.12948 distilled-model table): the meta-llama/Llama-3.3-70B-Instruct row (80 layers, d 8192, FFN 28672, 64 heads / 8 KV heads, vocab 128256, untied); 70.6B',
  },
  // ---------------- Qwen2.5-Coder / Qwen2.5-Math (Qwen2.5 architectures, same counts) ----------------
  {
    id: 'Qwen/Qwen2.5-Coder-1.5B',
    aliases: ['Qwen/Qwen2.5-Coder-1.5B-Instruct'],
    family: 'qwen2.5-coder',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'model card huggingface.co/Qwen/Qwen2.5-Coder-1.5B: 1.54B (28 layers, 12 heads / 2 KV heads, tied embeddings), the Qwen2.5-1.5B architecture (same config.json sizes)',
  },
  {
    id: 'Qwen/Qwen2.5-Coder-7B',
    aliases: ['Qwen/Qwen2.5-Coder-7B-Instruct'],
    family: 'qwen2.5-coder',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 131_072,
    smallerSiblings: ['Qwen/Qwen2.5-Coder-1.5B'],
    source:
      'model card huggingface.co/Qwen/Qwen2.5-Coder-7B: 7.61B (28 layers, 28 heads / 4 KV heads), the Qwen2.5-7B architecture: computed from config.json (d 3584, FFN 18944, QKV bias, vocab 152064, untied)',
  },
  {
    id: 'Qwen/Qwen2.5-Coder-32B',
    aliases: ['Qwen/Qwen2.5-Coder-32B-Instruct'],
    family: 'qwen2.5-coder',
    architecture: 'decoder',
    modality: 'text',
    params: 32_512_218_112,
    contextLength: 131_072,
    smallerSiblings: ['Qwen/Qwen2.5-Coder-7B', 'Qwen/Qwen2.5-Coder-1.5B'],
    source:
      'model card huggingface.co/Qwen/Qwen2.5-Coder-32B-Instruct: 32.5B parameters, 31.0B non-embedding, 64 layers, 40 heads / 8 KV heads; config.json d 5120, FFN 27648, vocab 152064, untied (the Qwen2.5-32B architecture)',
  },
  {
    id: 'Qwen/Qwen2.5-Math-1.5B',
    aliases: ['Qwen/Qwen2.5-Math-1.5B-Instruct'],
    family: 'qwen2.5-math',
    architecture: 'decoder',
    modality: 'text',
    params: 1_543_714_304,
    contextLength: 4_096,
    smallerSiblings: [],
    source:
      'Qwen2.5-Math technical report, arXiv:2409.12122: initialised from Qwen2.5-1.5B (same architecture, 1.54B); 4K context',
  },
  {
    id: 'Qwen/Qwen2.5-Math-7B',
    aliases: ['Qwen/Qwen2.5-Math-7B-Instruct'],
    family: 'qwen2.5-math',
    architecture: 'decoder',
    modality: 'text',
    params: 7_615_616_512,
    contextLength: 4_096,
    smallerSiblings: ['Qwen/Qwen2.5-Math-1.5B'],
    source:
      'Qwen2.5-Math technical report, arXiv:2409.12122: initialised from Qwen2.5-7B (same architecture, 7.62B); 4K context',
  },
  // ---------------- Qwen3 MoE, gpt-oss (MoE) ----------------
  // The Qwen3 2507 releases (non-thinking Instruct, thinking-only Thinking) are other checkpoints, not aliases: whether a
  // model reasons by default is read from its own name (estimate/reasoningModels.ts).
  {
    id: 'Qwen/Qwen3-30B-A3B',
    aliases: ['Qwen/Qwen3-30B-A3B-Base'],
    family: 'qwen3-moe',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 30.5e9,
    activeParams: 3.3e9,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-4B'],
    source:
      'model card huggingface.co/Qwen/Qwen3-30B-A3B: 30.5B total, 3.3B activated (48 layers, 128 experts, 8 activated), 32,768 native context (published rounded)',
  },
  {
    id: 'Qwen/Qwen3-235B-A22B',
    aliases: [],
    family: 'qwen3-moe',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 235e9,
    activeParams: 22e9,
    contextLength: 32_768,
    smallerSiblings: ['Qwen/Qwen3-30B-A3B', 'Qwen/Qwen3-32B'],
    source:
      'model card huggingface.co/Qwen/Qwen3-235B-A22B: 235B total, 22B activated (94 layers, 128 experts, 8 activated), 32,768 native context (published rounded)',
  },
  {
    id: 'openai/gpt-oss-20b',
    aliases: [],
    family: 'gpt-oss',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 21e9,
    activeParams: 3.6e9,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'OpenAI gpt-oss model card (arXiv:2508.10925) and huggingface.co/openai/gpt-oss-20b: 21B parameters, 3.6B active per token (published rounded); 128K context',
  },
  {
    id: 'openai/gpt-oss-120b',
    aliases: [],
    family: 'gpt-oss',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 117e9,
    activeParams: 5.1e9,
    contextLength: 131_072,
    smallerSiblings: ['openai/gpt-oss-20b'],
    source:
      'OpenAI gpt-oss model card (arXiv:2508.10925) and huggingface.co/openai/gpt-oss-120b: 117B parameters, 5.1B active per token (published rounded); 128K context',
  },
  // ---------------- Gemma / Gemma 2 ----------------
  {
    id: 'google/gemma-2b',
    aliases: [],
    family: 'gemma',
    architecture: 'decoder',
    modality: 'text',
    params: 2_506_172_416,
    contextLength: 8_192,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 42.3,
      source: 'Gemma Team 2024, arXiv:2403.08295, Table 6 (MMLU 5-shot)',
    },
    source:
      'computed from config.json (18 layers, d 2048, FFN 16384 (GeGLU), 8 heads / 1 KV head of 256, vocab 256000, tied)',
  },
  {
    id: 'google/gemma-7b',
    aliases: [],
    family: 'gemma',
    architecture: 'decoder',
    modality: 'text',
    params: 8_537_680_896,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 64.3,
      source: 'Gemma Team 2024, arXiv:2403.08295, Table 6 (MMLU 5-shot)',
    },
    source: 'computed from config.json (28 layers, d 3072, FFN 24576 (GeGLU), 16 heads of 256, vocab 256000, tied)',
  },
  {
    id: 'google/gemma-2b-it',
    aliases: [],
    family: 'gemma',
    architecture: 'decoder',
    modality: 'text',
    params: 2_506_172_416,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'computed from config.json (18 layers, d 2048, FFN 16384 (GeGLU), 8 heads / 1 KV head of 256, vocab 256000, tied)',
  },
  {
    id: 'google/gemma-7b-it',
    aliases: [],
    family: 'gemma',
    architecture: 'decoder',
    modality: 'text',
    params: 8_537_680_896,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2b-it'],
    source: 'computed from config.json (28 layers, d 3072, FFN 24576 (GeGLU), 16 heads of 256, vocab 256000, tied)',
  },
  {
    id: 'google/gemma-2-2b',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 2_614_341_888,
    contextLength: 8_192,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 52.2,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 3-5 (Gemma2 base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (26 layers, d 2304, FFN 9216, 8 heads / 4 KV heads of 256, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  {
    id: 'google/gemma-2-9b',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 9_241_705_984,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2-2b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 71.3,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 3-5 (Gemma2 base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (42 layers, d 3584, FFN 14336, 16 heads / 8 KV heads of 256, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  {
    id: 'google/gemma-2-27b',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 27_227_128_320,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2-9b', 'google/gemma-2-2b'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 75.2,
      source: 'Qwen2.5 technical report, arXiv:2412.15115, Tables 3-5 (Gemma2 base models, MMLU 5-shot)',
    },
    source:
      'computed from config.json (46 layers, d 4608, FFN 36864, 32 heads / 16 KV heads of 128, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  {
    id: 'google/gemma-2-2b-it',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 2_614_341_888,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'computed from config.json (26 layers, d 2304, FFN 9216, 8 heads / 4 KV heads of 256, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  {
    id: 'google/gemma-2-9b-it',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 9_241_705_984,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2-2b-it'],
    source:
      'computed from config.json (42 layers, d 3584, FFN 14336, 16 heads / 8 KV heads of 256, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  {
    id: 'google/gemma-2-27b-it',
    aliases: [],
    family: 'gemma-2',
    architecture: 'decoder',
    modality: 'text',
    params: 27_227_128_320,
    contextLength: 8_192,
    smallerSiblings: ['google/gemma-2-9b-it', 'google/gemma-2-2b-it'],
    source:
      'computed from config.json (46 layers, d 4608, FFN 36864, 32 heads / 16 KV heads of 128, 4 norms per layer, vocab 256000, tied); Gemma Team 2024, arXiv:2408.00118',
  },
  // ---------------- Phi ----------------
  {
    id: 'microsoft/phi-1_5',
    aliases: [],
    family: 'phi',
    architecture: 'decoder',
    modality: 'text',
    params: 1_418_270_720,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (24 layers, d 2048, FFN 8192, parallel block, vocab 51200, untied LM head with bias)',
  },
  {
    id: 'microsoft/phi-2',
    aliases: [],
    family: 'phi',
    architecture: 'decoder',
    modality: 'text',
    params: 2_779_683_840,
    contextLength: 2_048,
    smallerSiblings: ['microsoft/phi-1_5'],
    source:
      'computed from config.json (32 layers, d 2560, FFN 10240, parallel block, vocab 51200, untied LM head with bias)',
  },
  {
    id: 'microsoft/Phi-3-mini-4k-instruct',
    aliases: [],
    family: 'phi-3',
    architecture: 'decoder',
    modality: 'text',
    params: 3_821_079_552,
    contextLength: 4_096,
    smallerSiblings: ['microsoft/phi-2', 'microsoft/phi-1_5'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 69,
      source: 'Abdin et al. 2024, Phi-3 Technical Report, arXiv:2404.14219, abstract (MMLU, rounded to whole %)',
    },
    source: 'computed from config.json (32 layers, d 3072, FFN 8192, 32 heads, vocab 32064, untied)',
  },
  {
    id: 'microsoft/Phi-3-mini-128k-instruct',
    aliases: [],
    family: 'phi-3',
    architecture: 'decoder',
    modality: 'text',
    params: 3_821_079_552,
    contextLength: 131_072,
    smallerSiblings: ['microsoft/phi-2', 'microsoft/phi-1_5'],
    source: 'computed from config.json (32 layers, d 3072, FFN 8192, 32 heads, vocab 32064, untied)',
  },
  {
    id: 'microsoft/Phi-3-medium-4k-instruct',
    aliases: [],
    family: 'phi-3',
    architecture: 'decoder',
    modality: 'text',
    params: 13_960_238_080,
    contextLength: 4_096,
    smallerSiblings: ['microsoft/Phi-3-mini-4k-instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 78,
      source: 'Abdin et al. 2024, Phi-3 Technical Report, arXiv:2404.14219, abstract (MMLU, rounded to whole %)',
    },
    source: 'computed from config.json (40 layers, d 5120, FFN 17920, 40 heads / 10 KV heads, vocab 32064, untied)',
  },
  {
    id: 'microsoft/Phi-3.5-mini-instruct',
    aliases: [],
    family: 'phi-3.5',
    architecture: 'decoder',
    modality: 'text',
    params: 3_821_079_552,
    contextLength: 131_072,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 3072, FFN 8192, 32 heads, vocab 32064, untied); same architecture as Phi-3-mini',
  },
  {
    id: 'microsoft/Phi-3.5-MoE-instruct',
    aliases: [],
    family: 'phi-3.5',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 41_900_000_000,
    activeParams: 6_600_000_000,
    contextLength: 131_072,
    smallerSiblings: ['microsoft/Phi-3.5-mini-instruct'],
    source:
      'model card huggingface.co/microsoft/Phi-3.5-MoE-instruct (16 experts x 3.8B, 6.6B active with 2 experts; 41.9B total as listed on the model page)',
  },
  {
    id: 'microsoft/phi-4',
    aliases: [],
    family: 'phi-4',
    architecture: 'decoder',
    modality: 'text',
    params: 14_659_507_200,
    contextLength: 16_384,
    smallerSiblings: ['microsoft/Phi-3.5-mini-instruct'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 84.8,
      source: 'Abdin et al. 2024, Phi-4 Technical Report, arXiv:2412.08905, Table 1',
    },
    source:
      'computed from config.json (40 layers, d 5120, FFN 17920, 40 heads / 10 KV heads, vocab 100352, untied); report: 14B',
  },
  // ---------------- InternLM ----------------
  {
    id: 'internlm/internlm2_5-7b-chat',
    aliases: [],
    family: 'internlm2.5',
    architecture: 'decoder',
    modality: 'text',
    params: 7_737_708_544,
    contextLength: 32_768,
    smallerSiblings: [],
    source:
      'computed from config.json (32 layers, d 4096, FFN 14336 gated, 32 heads / 8 KV heads, vocab 92544, untied; huggingface.co/internlm/internlm2_5-7b-chat); model card: 7.74B',
  },
  // ---------------- InternLM-XComposer (vision-language on InternLM2-7B; counted from the released bf16 weights) ----------------
  {
    id: 'internlm/internlm-xcomposer2-7b',
    aliases: [],
    family: 'internlm-xcomposer',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 8_650_000_000,
    contextLength: 4_096,
    smallerSiblings: [],
    source:
      'huggingface.co/internlm/internlm-xcomposer2-7b (files: pytorch_model.bin 17.3 GB, "torch.BFloat16Storage": about 8.65B parameters at 2 bytes each; InternLM2-7B with Partial LoRA and a CLIP ViT-L vision encoder, Dong et al. 2024, arXiv:2401.16420: the parts agree: the 7.74B InternLM2-7B architecture (internlm2_5-7b-chat row) + ViT-L/14 ~0.30B + rank-256 Partial LoRA on five projections of each of the 32 layers ~0.60B); context: max_length 4096 in its config.json',
  },
  // ---------------- Small LLMs (TinyLlama, SmolLM2) ----------------
  {
    id: 'TinyLlama/TinyLlama-1.1B-Chat-v1.0',
    aliases: [],
    family: 'tinyllama',
    architecture: 'decoder',
    modality: 'text',
    params: 1_100_048_384,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (22 layers, d 2048, FFN 5632, 32 heads / 4 KV heads, vocab 32000, untied); Zhang et al. 2024, arXiv:2401.02385',
  },
  {
    id: 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T',
    aliases: [],
    family: 'tinyllama',
    architecture: 'decoder',
    modality: 'text',
    params: 1_100_048_384,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'computed from config.json (22 layers, d 2048, FFN 5632, 32 heads / 4 KV heads, vocab 32000, untied); Zhang et al. 2024, arXiv:2401.02385',
  },
  {
    id: 'HuggingFaceTB/SmolLM-360M',
    aliases: [],
    family: 'smollm',
    architecture: 'decoder',
    modality: 'text',
    params: 361_821_120,
    contextLength: 2_048,
    sizes: SMOLLM_360M_SIZES,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/HuggingFaceTB/SmolLM-360M (32 layers, d 960, FFN 2560 SwiGLU, 15 heads / 5 KV heads, vocab 49152, tied), as SmolLM2-360M',
  },
  {
    id: 'HuggingFaceTB/SmolLM-360M-Instruct',
    aliases: [],
    family: 'smollm',
    architecture: 'decoder',
    modality: 'text',
    params: 361_821_120,
    contextLength: 2_048,
    sizes: SMOLLM_360M_SIZES,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/HuggingFaceTB/SmolLM-360M-Instruct (32 layers, d 960, FFN 2560 SwiGLU, 15 heads / 5 KV heads, vocab 49152, tied), as SmolLM2-360M',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-135M',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 134_515_008,
    contextLength: 8_192,
    smallerSiblings: [],
    source: 'computed from config.json (30 layers, d 576, FFN 1536, 9 heads / 3 KV heads, vocab 49152, tied)',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 361_821_120,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolLM2-135M'],
    source: 'computed from config.json (32 layers, d 960, FFN 2560, 15 heads / 5 KV heads, vocab 49152, tied)',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-1.7B',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_711_376_384,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolLM2-360M', 'HuggingFaceTB/SmolLM2-135M'],
    source: 'computed from config.json (24 layers, d 2048, FFN 8192, 32 heads, vocab 49152, tied)',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 134_515_008,
    contextLength: 8_192,
    smallerSiblings: [],
    source: 'computed from config.json (30 layers, d 576, FFN 1536, 9 heads / 3 KV heads, vocab 49152, tied)',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 361_821_120,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolLM2-135M-Instruct'],
    source: 'computed from config.json (32 layers, d 960, FFN 2560, 15 heads / 5 KV heads, vocab 49152, tied)',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-1.7B-Instruct',
    aliases: [],
    family: 'smollm2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_711_376_384,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolLM2-360M-Instruct', 'HuggingFaceTB/SmolLM2-135M-Instruct'],
    source: 'computed from config.json (24 layers, d 2048, FFN 8192, 32 heads, vocab 49152, tied)',
  },
  // ---------------- SmolVLM (SmolLM2 text model + SigLIP vision tower) ----------------
  {
    id: 'HuggingFaceTB/SmolVLM-256M-Instruct',
    aliases: ['HuggingFaceTB/SmolVLM-256M-Base'],
    family: 'smolvlm',
    architecture: 'other',
    modality: 'multimodal',
    params: 256_000_000,
    contextLength: 8_192,
    smallerSiblings: [],
    source:
      'huggingface.co/blog/smolervlm: "256M parameters" (SmolLM2-135M text model + the 93M SigLIP base patch-16/512 vision encoder)',
  },
  {
    id: 'HuggingFaceTB/SmolVLM-500M-Instruct',
    aliases: ['HuggingFaceTB/SmolVLM-500M-Base'],
    family: 'smolvlm',
    architecture: 'other',
    modality: 'multimodal',
    params: 500_000_000,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolVLM-256M-Instruct'],
    source:
      'huggingface.co/blog/smolervlm: SmolVLM-500M, "a half-billion-parameter sibling" (SmolLM2-360M text model + the 93M SigLIP base patch-16/512 vision encoder)',
  },
  {
    id: 'HuggingFaceTB/SmolVLM-Instruct',
    aliases: ['HuggingFaceTB/SmolVLM-Base', 'HuggingFaceTB/SmolVLM-Synthetic'],
    family: 'smolvlm',
    architecture: 'other',
    modality: 'multimodal',
    params: 2_250_000_000,
    contextLength: 8_192,
    smallerSiblings: ['HuggingFaceTB/SmolVLM-500M-Instruct', 'HuggingFaceTB/SmolVLM-256M-Instruct'],
    source:
      'SmolVLM 2B: "Model size 2.25B params", the Hub\'s safetensors count of its bf16 conversion (huggingface.co/mlx-community/SmolVLM-Instruct-bf16, "converted to MLX format from HuggingFaceTB/SmolVLM-Instruct"); the parts (huggingface.co/blog/smolervlm: "SigLIP 400M SO (used in SmolVLM 2B)") add up to it with an output layer of its own: SmolLM2-1.7B (1,711,376,384, tied) + its untied 49,152 × 2,048 head (~101M) + the SigLIP so400m tower (~428M) + the pixel-shuffle connector (~21M)',
  },
  // ---------------- Snowflake Arctic Embed ----------------
  {
    id: 'Snowflake/snowflake-arctic-embed-m',
    aliases: ['HuggingFaceFW/fineweb-edu-classifier'],
    family: 'arctic-embed',
    architecture: 'encoder',
    modality: 'text',
    params: 110_000_000,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'huggingface.co/Snowflake/snowflake-arctic-embed-m model card, models table: 110M parameters, embedding dimension 768 (BERT-base); HuggingFaceFW/fineweb-edu-classifier is this encoder with a one-output regression head (its model card: fine-tuned from Snowflake/snowflake-arctic-embed-m)',
  },
  // ---------------- T5 / Flan-T5 / mT5 ----------------
  {
    id: 't5-small',
    aliases: ['google-t5/t5-small'],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 60_506_624,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 77.4,
      source: 'Raffel et al. 2019, T5, arXiv:1910.10683, Table 14 (GLUE average, test)',
    },
    source:
      'computed from config.json (6+6 layers, d_model 512, d_ff 2048, 8 heads x 64, vocab 32128, tied embeddings)',
  },
  {
    id: 't5-base',
    aliases: ['google-t5/t5-base'],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 222_903_552,
    contextLength: 512,
    smallerSiblings: ['t5-small'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 82.7,
      source: 'Raffel et al. 2019, T5, arXiv:1910.10683, Table 14 (GLUE average, test)',
    },
    source:
      'computed from config.json (12+12 layers, d_model 768, d_ff 3072, 12 heads x 64, vocab 32128, tied embeddings)',
  },
  {
    id: 't5-large',
    aliases: ['google-t5/t5-large'],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 737_668_096,
    contextLength: 512,
    smallerSiblings: ['t5-base', 't5-small'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 86.4,
      source: 'Raffel et al. 2019, T5, arXiv:1910.10683, Table 14 (GLUE average, test)',
    },
    source:
      'computed from config.json (24+24 layers, d_model 1024, d_ff 4096, 16 heads x 64, vocab 32128, tied embeddings)',
  },
  {
    id: 't5-3b',
    aliases: ['google-t5/t5-3b'],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 2_851_598_336,
    contextLength: 512,
    smallerSiblings: ['t5-large', 't5-base', 't5-small'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 88.5,
      source: 'Raffel et al. 2019, T5, arXiv:1910.10683, Table 14 (GLUE average, test)',
    },
    source:
      'computed from config.json (24+24 layers, d_model 1024, d_ff 16384, 32 heads x 128, vocab 32128, tied embeddings)',
  },
  {
    id: 't5-11b',
    aliases: ['google-t5/t5-11b'],
    family: 't5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 11_307_321_344,
    contextLength: 512,
    smallerSiblings: ['t5-3b', 't5-large', 't5-base', 't5-small'],
    quality: {
      benchmark: 'GLUE score (avg)',
      score: 90.3,
      source: 'Raffel et al. 2019, T5, arXiv:1910.10683, Table 14 (GLUE average, test)',
    },
    source:
      'computed from config.json (24+24 layers, d_model 1024, d_ff 65536, 128 heads x 128, vocab 32128, tied embeddings)',
  },
  {
    id: 'google/flan-t5-small',
    aliases: [],
    family: 'flan-t5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 76_961_152,
    contextLength: 512,
    smallerSiblings: [],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 28.7,
      source:
        'Chung et al. 2022, Scaling Instruction-Finetuned Language Models, arXiv:2210.11416, Table 5 (Flan-T5 MMLU direct, 5-shot)',
    },
    source:
      'computed from config.json (T5 v1.1: 8+8 layers, d_model 512, gated d_ff 1024, 6 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/t5-v1_1-small',
    aliases: [],
    family: 't5-v1.1',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 76_961_152,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'computed from config.json (T5 v1.1: 8+8 layers, d_model 512, gated d_ff 1024, 6 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/flan-t5-base',
    aliases: [],
    family: 'flan-t5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 247_577_856,
    contextLength: 512,
    smallerSiblings: ['google/flan-t5-small'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 35.9,
      source:
        'Chung et al. 2022, Scaling Instruction-Finetuned Language Models, arXiv:2210.11416, Table 5 (Flan-T5 MMLU direct, 5-shot)',
    },
    source:
      'computed from config.json (T5 v1.1: 12+12 layers, d_model 768, gated d_ff 2048, 12 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/t5-v1_1-base',
    aliases: [],
    family: 't5-v1.1',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 247_577_856,
    contextLength: 512,
    smallerSiblings: ['google/t5-v1_1-small'],
    source:
      'computed from config.json (T5 v1.1: 12+12 layers, d_model 768, gated d_ff 2048, 12 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/flan-t5-large',
    aliases: [],
    family: 'flan-t5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 783_150_080,
    contextLength: 512,
    smallerSiblings: ['google/flan-t5-base', 'google/flan-t5-small'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 45.1,
      source:
        'Chung et al. 2022, Scaling Instruction-Finetuned Language Models, arXiv:2210.11416, Table 5 (Flan-T5 MMLU direct, 5-shot)',
    },
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 1024, gated d_ff 2816, 16 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/t5-v1_1-large',
    aliases: [],
    family: 't5-v1.1',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 783_150_080,
    contextLength: 512,
    smallerSiblings: ['google/t5-v1_1-base', 'google/t5-v1_1-small'],
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 1024, gated d_ff 2816, 16 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/flan-t5-xl',
    aliases: [],
    family: 'flan-t5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 2_849_757_184,
    contextLength: 512,
    smallerSiblings: ['google/flan-t5-large', 'google/flan-t5-base', 'google/flan-t5-small'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 52.4,
      source:
        'Chung et al. 2022, Scaling Instruction-Finetuned Language Models, arXiv:2210.11416, Table 5 (Flan-T5 MMLU direct, 5-shot)',
    },
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 2048, gated d_ff 5120, 32 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/t5-v1_1-xl',
    aliases: [],
    family: 't5-v1.1',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 2_849_757_184,
    contextLength: 512,
    smallerSiblings: ['google/t5-v1_1-large', 'google/t5-v1_1-base', 'google/t5-v1_1-small'],
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 2048, gated d_ff 5120, 32 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/flan-t5-xxl',
    aliases: [],
    family: 'flan-t5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 11_135_332_352,
    contextLength: 512,
    smallerSiblings: ['google/flan-t5-xl', 'google/flan-t5-large', 'google/flan-t5-base', 'google/flan-t5-small'],
    quality: {
      benchmark: 'MMLU (5-shot)',
      score: 55.1,
      source:
        'Chung et al. 2022, Scaling Instruction-Finetuned Language Models, arXiv:2210.11416, Table 5 (Flan-T5 MMLU direct, 5-shot)',
    },
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 4096, gated d_ff 10240, 64 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'google/t5-v1_1-xxl',
    aliases: [],
    family: 't5-v1.1',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 11_135_332_352,
    contextLength: 512,
    smallerSiblings: ['google/t5-v1_1-xl', 'google/t5-v1_1-large', 'google/t5-v1_1-base', 'google/t5-v1_1-small'],
    source:
      'computed from config.json (T5 v1.1: 24+24 layers, d_model 4096, gated d_ff 10240, 64 heads x 64, vocab 32128, untied LM head)',
  },
  {
    id: 'bigscience/T0pp',
    aliases: ['T0pp'],
    family: 't0',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 11_135_332_352,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'computed from huggingface.co/bigscience/T0pp config.json (T5ForConditionalGeneration: 24+24 layers, d_model 4096, gated-gelu d_ff 10240, 64 heads x 64, vocab 32128, tie_word_embeddings false; the layout of google/t5-v1_1-xxl, the LM-adapted T5 it was trained from: Sanh et al. 2021, T0, arXiv:2110.08207, "T0 (11B)")',
  },
  {
    id: 'bigscience/T0p',
    aliases: ['T0p'],
    family: 't0',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 11_135_332_352,
    contextLength: 512,
    smallerSiblings: [],
    source:
      'computed from huggingface.co/bigscience/T0p config.json (T5ForConditionalGeneration: 24+24 layers, d_model 4096, gated-gelu d_ff 10240, 64 heads x 64, vocab 32128, tie_word_embeddings false), the layout of google/t5-v1_1-xxl; Sanh et al. 2021, arXiv:2110.08207',
  },
  {
    id: 'google/mt5-small',
    aliases: [],
    family: 'mt5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 300_176_768,
    contextLength: 1_024,
    smallerSiblings: [],
    source:
      'computed from config.json (T5 v1.1 layout, 8+8 layers, d_model 512, gated d_ff 1024, vocab 250112, untied); Xue et al. 2020, arXiv:2010.11934 (300M/580M/1.2B/3.7B/13B)',
  },
  {
    id: 'google/mt5-base',
    aliases: [],
    family: 'mt5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 582_401_280,
    contextLength: 1_024,
    smallerSiblings: ['google/mt5-small'],
    source:
      'computed from config.json (T5 v1.1 layout, 12+12 layers, d_model 768, gated d_ff 2048, vocab 250112, untied); Xue et al. 2020, arXiv:2010.11934 (300M/580M/1.2B/3.7B/13B)',
  },
  {
    id: 'google/mt5-large',
    aliases: [],
    family: 'mt5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 1_229_581_312,
    contextLength: 1_024,
    smallerSiblings: ['google/mt5-base', 'google/mt5-small'],
    source:
      'computed from config.json (T5 v1.1 layout, 24+24 layers, d_model 1024, gated d_ff 2816, vocab 250112, untied); Xue et al. 2020, arXiv:2010.11934 (300M/580M/1.2B/3.7B/13B)',
  },
  {
    id: 'google/mt5-xl',
    aliases: [],
    family: 'mt5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 3_742_619_648,
    contextLength: 1_024,
    smallerSiblings: ['google/mt5-large', 'google/mt5-base', 'google/mt5-small'],
    source:
      'computed from config.json (T5 v1.1 layout, 24+24 layers, d_model 2048, gated d_ff 5120, vocab 250112, untied); Xue et al. 2020, arXiv:2010.11934 (300M/580M/1.2B/3.7B/13B)',
  },
  {
    id: 'google/mt5-xxl',
    aliases: [],
    family: 'mt5',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 12_921_057_280,
    contextLength: 1_024,
    smallerSiblings: ['google/mt5-xl', 'google/mt5-large', 'google/mt5-base', 'google/mt5-small'],
    source:
      'computed from config.json (T5 v1.1 layout, 24+24 layers, d_model 4096, gated d_ff 10240, vocab 250112, untied); Xue et al. 2020, arXiv:2010.11934 (300M/580M/1.2B/3.7B/13B)',
  },
  // ---------------- BART ----------------
  {
    id: 'facebook/bart-base',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 139_420_416,
    contextLength: 1_024,
    smallerSiblings: [],
    source: 'computed from config.json (6+6 layers, d 768, FFN 3072, vocab 50265, 1026 positions, tied)',
  },
  {
    id: 'facebook/bart-large',
    // ParlAI's model zoo entry bart/bart_large (parl.ai/docs/zoo.html "Bart": fairseq's BART-large converted).
    aliases: ['zoo:bart/bart_large'],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 406_291_456,
    contextLength: 1_024,
    smallerSiblings: ['facebook/bart-base'],
    source: 'computed from config.json (12+12 layers, d 1024, FFN 4096, vocab 50265, tied)',
  },
  {
    id: 'facebook/bart-large-mnli',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 407_344_131,
    contextLength: 1_024,
    smallerSiblings: [],
    source: 'computed from config.json (bart-large + classification head (dense 1024x1024, 3-way out_proj))',
  },
  {
    id: 'facebook/bart-large-cnn',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 406_290_432,
    contextLength: 1_024,
    smallerSiblings: ['sshleifer/distilbart-cnn-12-6', 'sshleifer/distilbart-cnn-12-3', 'sshleifer/distilbart-cnn-6-6'],
    quality: {
      benchmark: 'CNN/DailyMail ROUGE-2',
      score: 21.06,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (CNN/DailyMail ROUGE-2)',
    },
    source: 'computed from config.json (12+12 layers, d 1024, vocab 50264, tied)',
  },
  {
    id: 'sshleifer/distilbart-cnn-12-6',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 305_510_400,
    contextLength: 1_024,
    smallerSiblings: ['sshleifer/distilbart-cnn-12-3', 'sshleifer/distilbart-cnn-6-6'],
    quality: {
      benchmark: 'CNN/DailyMail ROUGE-2',
      score: 21.26,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (CNN/DailyMail ROUGE-2)',
    },
    source: 'computed from config.json (12 encoder + 6 decoder layers, d 1024, vocab 50264); card: 306M',
  },
  {
    id: 'sshleifer/distilbart-cnn-12-3',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 255_120_384,
    contextLength: 1_024,
    smallerSiblings: ['sshleifer/distilbart-cnn-6-6'],
    quality: {
      benchmark: 'CNN/DailyMail ROUGE-2',
      score: 20.57,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (CNN/DailyMail ROUGE-2)',
    },
    source: 'computed from config.json (12 encoder + 3 decoder layers, d 1024, vocab 50264); card: 255M',
  },
  {
    id: 'sshleifer/distilbart-cnn-6-6',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 229_933_056,
    contextLength: 1_024,
    smallerSiblings: [],
    quality: {
      benchmark: 'CNN/DailyMail ROUGE-2',
      score: 20.17,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (CNN/DailyMail ROUGE-2)',
    },
    source: 'computed from config.json (6 encoder + 6 decoder layers, d 1024, vocab 50264); card: 230M',
  },
  {
    id: 'facebook/bart-large-xsum',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 406_290_432,
    contextLength: 1_024,
    smallerSiblings: [
      'sshleifer/distilbart-xsum-12-6',
      'sshleifer/distilbart-xsum-9-6',
      'sshleifer/distilbart-xsum-12-3',
      'sshleifer/distilbart-xsum-6-6',
      'sshleifer/distilbart-xsum-12-1',
    ],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 21.85,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (12+12 layers, d 1024, vocab 50264, tied)',
  },
  {
    id: 'sshleifer/distilbart-xsum-12-6',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 305_510_400,
    contextLength: 1_024,
    smallerSiblings: [
      'sshleifer/distilbart-xsum-9-6',
      'sshleifer/distilbart-xsum-12-3',
      'sshleifer/distilbart-xsum-6-6',
      'sshleifer/distilbart-xsum-12-1',
    ],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 22.12,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (12 encoder + 6 decoder layers, d 1024, vocab 50264); card: 306M',
  },
  {
    id: 'sshleifer/distilbart-xsum-9-6',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 267_721_728,
    contextLength: 1_024,
    smallerSiblings: [
      'sshleifer/distilbart-xsum-12-3',
      'sshleifer/distilbart-xsum-6-6',
      'sshleifer/distilbart-xsum-12-1',
    ],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 21.72,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (9 encoder + 6 decoder layers, d 1024, vocab 50264); card: 268M',
  },
  {
    id: 'sshleifer/distilbart-xsum-12-3',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 255_120_384,
    contextLength: 1_024,
    smallerSiblings: ['sshleifer/distilbart-xsum-6-6', 'sshleifer/distilbart-xsum-12-1'],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 21.37,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (12 encoder + 3 decoder layers, d 1024, vocab 50264); card: 255M',
  },
  {
    id: 'sshleifer/distilbart-xsum-6-6',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 229_933_056,
    contextLength: 1_024,
    smallerSiblings: ['sshleifer/distilbart-xsum-12-1'],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 20.92,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (6 encoder + 6 decoder layers, d 1024, vocab 50264); card: 230M',
  },
  {
    id: 'sshleifer/distilbart-xsum-12-1',
    aliases: [],
    family: 'bart',
    architecture: 'encoder-decoder',
    modality: 'text',
    params: 221_527_040,
    contextLength: 1_024,
    smallerSiblings: [],
    quality: {
      benchmark: 'XSum ROUGE-2',
      score: 18.31,
      source: 'model card huggingface.co/sshleifer/distilbart-cnn-12-6, metrics table (XSum ROUGE-2)',
    },
    source: 'computed from config.json (12 encoder + 1 decoder layers, d 1024, vocab 50264); card: 222M',
  },
  // ---------------- SimCLRv2 released checkpoints (ResNet depth, width multiplier, selective kernels) ----------------
  {
    id: 'simclrv2/r50_1x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 24_000_000,
    smallerSiblings: [],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-50 1x, SK False, 24M params',
  },
  {
    id: 'simclrv2/r50_1x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 35_000_000,
    smallerSiblings: ['simclrv2/r50_1x_sk0'],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-50 1x, SK True, 35M params',
  },
  {
    id: 'simclrv2/r50_2x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 94_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-50 2x, SK False, 94M params',
  },
  {
    id: 'simclrv2/r50_2x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 140_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-50 2x, SK True, 140M params',
  },
  {
    id: 'simclrv2/r101_1x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 43_000_000,
    smallerSiblings: ['simclrv2/r50_1x_sk0', 'simclrv2/r50_1x_sk1'],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-101 1x, SK False, 43M params',
  },
  {
    id: 'simclrv2/r101_1x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 65_000_000,
    smallerSiblings: ['simclrv2/r50_1x_sk0', 'simclrv2/r50_1x_sk1', 'simclrv2/r101_1x_sk0', 'simclrv2/r152_1x_sk0'],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-101 1x, SK True, 65M params',
  },
  {
    id: 'simclrv2/r101_2x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 170_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r50_2x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-101 2x, SK False, 170M params',
  },
  {
    id: 'simclrv2/r101_2x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 257_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r50_2x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r101_2x_sk0',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
      'simclrv2/r152_2x_sk0',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-101 2x, SK True, 257M params',
  },
  {
    id: 'simclrv2/r152_1x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 58_000_000,
    smallerSiblings: ['simclrv2/r50_1x_sk0', 'simclrv2/r50_1x_sk1', 'simclrv2/r101_1x_sk0'],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-152 1x, SK False, 58M params',
  },
  {
    id: 'simclrv2/r152_1x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 89_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r152_1x_sk0',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-152 1x, SK True, 89M params',
  },
  {
    id: 'simclrv2/r152_2x_sk0',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 233_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r50_2x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r101_2x_sk0',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-152 2x, SK False, 233M params',
  },
  {
    id: 'simclrv2/r152_2x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 354_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r50_2x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r101_2x_sk0',
      'simclrv2/r101_2x_sk1',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
      'simclrv2/r152_2x_sk0',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-152 2x, SK True, 354M params',
  },
  {
    id: 'simclrv2/r152_3x_sk1',
    aliases: [],
    family: 'simclrv2',
    architecture: 'cnn',
    modality: 'vision',
    params: 795_000_000,
    smallerSiblings: [
      'simclrv2/r50_1x_sk0',
      'simclrv2/r50_1x_sk1',
      'simclrv2/r50_2x_sk0',
      'simclrv2/r50_2x_sk1',
      'simclrv2/r101_1x_sk0',
      'simclrv2/r101_1x_sk1',
      'simclrv2/r101_2x_sk0',
      'simclrv2/r101_2x_sk1',
      'simclrv2/r152_1x_sk0',
      'simclrv2/r152_1x_sk1',
      'simclrv2/r152_2x_sk0',
      'simclrv2/r152_2x_sk1',
    ],
    source:
      'Chen et al. 2020, Big Self-Supervised Models are Strong Semi-Supervised Learners (SimCLRv2), arXiv:2006.10029, Table 1, as listed in the google-research/simclr README checkpoint table: ResNet-152 3x, SK True, 795M params',
  },
  // ---------------- torchvision classification ----------------
  {
    id: 'resnet20',
    aliases: ['cifar_resnet20'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 270_000,
    smallerSiblings: [],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet20 0.27M params',
  },
  {
    id: 'resnet32',
    aliases: ['cifar_resnet32'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 460_000,
    smallerSiblings: ['resnet20'],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet32 0.46M params',
  },
  {
    id: 'resnet44',
    aliases: ['cifar_resnet44'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 660_000,
    smallerSiblings: ['resnet32', 'resnet20'],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet44 0.66M params',
  },
  {
    id: 'resnet56',
    aliases: ['cifar_resnet56'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 850_000,
    smallerSiblings: ['resnet44', 'resnet32', 'resnet20'],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet56 0.85M params',
  },
  {
    id: 'resnet110',
    aliases: ['cifar_resnet110'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_700_000,
    smallerSiblings: ['resnet56', 'resnet44', 'resnet32', 'resnet20'],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet110 1.7M params',
  },
  {
    id: 'resnet1202',
    aliases: ['cifar_resnet1202'],
    family: 'resnet-cifar',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_400_000,
    smallerSiblings: ['resnet110', 'resnet56', 'resnet44', 'resnet32', 'resnet20'],
    source:
      'He et al. 2016, Deep Residual Learning for Image Recognition, arXiv:1512.03385, Table 6 (CIFAR-10 ResNets of 6n+2 layers, widths 16/32/64, 10 classes; as listed in the MosaicML Composer CIFAR ResNet model card): resnet1202 19.4M params',
  },
  {
    id: 'resnet18',
    aliases: ['torchvision/resnet18', 'torchvision.models.resnet18'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 11_689_512,
    forwardGflopsPerSample: 3.62, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 69.758,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet18 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet18 11,689,512 params, 1.81 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'resnet34',
    aliases: ['torchvision/resnet34', 'torchvision.models.resnet34'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_797_672,
    forwardGflopsPerSample: 7.32, // 224x224
    smallerSiblings: ['resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 73.314,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet34 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet34 21,797,672 params, 3.66 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'resnet50',
    aliases: ['torchvision/resnet50', 'torchvision.models.resnet50'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_557_032,
    forwardGflopsPerSample: 8.18, // 224x224
    smallerSiblings: ['resnet34', 'resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.13,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet50 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet50 25,557,032 params, 4.09 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    // A ResNet-50 with every layer's width multiplied (2x, 4x, 5x), as SimCLR and SwAV train it: not torchvision's
    // wide_resnet50_2, which widens only the bottleneck's inner convolution.
    id: 'resnet50w2',
    aliases: ['swav/resnet50w2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 94_000_000,
    smallerSiblings: ['resnet50', 'resnet34', 'resnet18'],
    source:
      'SwAV model zoo, github.com/facebookresearch/swav README ("Model Zoo": network, parameters, epochs, ImageNet top-1 acc.): RN50-w2 94M, RN50-w4 375M, RN50-w5 586M parameters; the hub entry points resnet50w2/w4/w5 (hubconf.py) and the --arch names of main_swav.py',
  },
  {
    // A ResNet-50 with every layer's width multiplied (2x, 4x, 5x), as SimCLR and SwAV train it: not torchvision's
    // wide_resnet50_2, which widens only the bottleneck's inner convolution.
    id: 'resnet50w4',
    aliases: ['swav/resnet50w4'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 375_000_000,
    smallerSiblings: ['resnet50w2', 'resnet50', 'resnet34', 'resnet18'],
    source:
      'SwAV model zoo, github.com/facebookresearch/swav README ("Model Zoo": network, parameters, epochs, ImageNet top-1 acc.): RN50-w2 94M, RN50-w4 375M, RN50-w5 586M parameters; the hub entry points resnet50w2/w4/w5 (hubconf.py) and the --arch names of main_swav.py',
  },
  {
    // A ResNet-50 with every layer's width multiplied (2x, 4x, 5x), as SimCLR and SwAV train it: not torchvision's
    // wide_resnet50_2, which widens only the bottleneck's inner convolution.
    id: 'resnet50w5',
    aliases: ['swav/resnet50w5'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 586_000_000,
    smallerSiblings: ['resnet50w4', 'resnet50w2', 'resnet50', 'resnet34', 'resnet18'],
    source:
      'SwAV model zoo, github.com/facebookresearch/swav README ("Model Zoo": network, parameters, epochs, ImageNet top-1 acc.): RN50-w2 94M, RN50-w4 375M, RN50-w5 586M parameters; the hub entry points resnet50w2/w4/w5 (hubconf.py) and the --arch names of main_swav.py',
  },
  {
    id: 'resnet101',
    aliases: ['torchvision/resnet101', 'torchvision.models.resnet101'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_549_160,
    forwardGflopsPerSample: 15.6, // 224x224
    smallerSiblings: ['resnet50', 'resnet34', 'resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.374,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet101 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet101 44,549,160 params, 7.8 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'resnet152',
    aliases: ['torchvision/resnet152', 'torchvision.models.resnet152'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_192_808,
    forwardGflopsPerSample: 23.02, // 224x224
    smallerSiblings: ['resnet101', 'resnet50', 'resnet34', 'resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.312,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet152 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnet152 60,192,808 params, 11.51 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'resnext50_32x4d',
    aliases: ['torchvision/resnext50_32x4d', 'torchvision.models.resnext50_32x4d'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_028_904,
    forwardGflopsPerSample: 8.46, // 224x224
    smallerSiblings: ['resnet34', 'resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.618,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext50_32x4d IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext50_32x4d 25,028,904 params, 4.23 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'slowfast_r50',
    aliases: ['pytorchvideo/slowfast_r50'],
    family: 'slowfast',
    architecture: 'cnn',
    modality: 'vision',
    params: 34_570_000,
    smallerSiblings: ['slow_r50'],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): SlowFast R50 8x8: 34.57M (4x16: 34.48M)',
  },
  {
    id: 'slowfast_r101',
    aliases: ['pytorchvideo/slowfast_r101'],
    family: 'slowfast',
    architecture: 'cnn',
    modality: 'vision',
    params: 62_830_000,
    smallerSiblings: ['slowfast_r50'],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): SlowFast R101 8x8: 62.83M',
  },
  {
    id: 'slow_r50',
    aliases: ['pytorchvideo/slow_r50'],
    family: 'slowfast',
    architecture: 'cnn',
    modality: 'vision',
    params: 32_450_000,
    smallerSiblings: ['c2d_r50'],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): Slow R50 (4x16 and 8x8): 32.45M',
  },
  {
    id: 'i3d_r50',
    aliases: ['pytorchvideo/i3d_r50'],
    family: 'slowfast',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_040_000,
    smallerSiblings: ['c2d_r50'],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): I3D R50 8x8: 28.04M',
  },
  {
    id: 'c2d_r50',
    aliases: ['pytorchvideo/c2d_r50'],
    family: 'slowfast',
    architecture: 'cnn',
    modality: 'vision',
    params: 24_330_000,
    smallerSiblings: [],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): C2D R50 8x8: 24.33M',
  },
  {
    id: 'csn_r101',
    aliases: ['pytorchvideo/csn_r101'],
    family: 'csn',
    architecture: 'cnn',
    modality: 'vision',
    params: 22_210_000,
    smallerSiblings: [],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): CSN R101 32x2: 22.21M',
  },
  {
    id: 'x3d_m',
    aliases: ['pytorchvideo/x3d_m', 'x3d_s', 'pytorchvideo/x3d_s', 'x3d_xs', 'pytorchvideo/x3d_xs'],
    family: 'x3d',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_790_000,
    smallerSiblings: [],
    source:
      'PyTorchVideo model zoo (github.com/facebookresearch/pytorchvideo, docs/source/model_zoo.md), Kinetics-400 table, Params (M): X3D XS, S and M (the same network at other input sizes): 3.79M',
  },
  {
    id: 'x3d_l',
    aliases: ['pytorchvideo/x3d_l'],
    family: 'x3d',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_200_000,
    smallerSiblings: ['x3d_m'],
    source:
      'PySlowFast model zoo (github.com/facebookresearch/SlowFast, MODEL_ZOO.md), X3D models table, parameters (M): X3D-L 6.2',
  },
  {
    id: 'resnext101_32x8d',
    aliases: ['torchvision/resnext101_32x8d', 'torchvision.models.resnext101_32x8d'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_791_336,
    forwardGflopsPerSample: 32.82, // 224x224
    smallerSiblings: ['resnext50_32x4d', 'resnet101', 'resnet50'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.312,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext101_32x8d IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext101_32x8d 88,791,336 params, 16.41 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'resnext101_64x4d',
    aliases: ['torchvision/resnext101_64x4d', 'torchvision.models.resnext101_64x4d'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 83_455_272,
    forwardGflopsPerSample: 30.92, // 224x224
    smallerSiblings: ['resnext50_32x4d', 'resnet101', 'resnet50'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.246,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext101_64x4d IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): resnext101_64x4d 83,455,272 params, 15.46 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'wide_resnet50_2',
    aliases: ['torchvision/wide_resnet50_2', 'torchvision.models.wide_resnet50_2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 68_883_240,
    forwardGflopsPerSample: 22.8, // 224x224
    smallerSiblings: ['resnet50', 'resnet34', 'resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.468,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): wide_resnet50_2 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): wide_resnet50_2 68,883,240 params, 11.4 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'wide_resnet101_2',
    aliases: ['torchvision/wide_resnet101_2', 'torchvision.models.wide_resnet101_2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 126_886_696,
    forwardGflopsPerSample: 45.5, // 224x224
    smallerSiblings: ['wide_resnet50_2', 'resnet101', 'resnet50'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.848,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): wide_resnet101_2 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): wide_resnet101_2 126,886,696 params, 22.75 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg11',
    aliases: ['torchvision/vgg11', 'torchvision.models.vgg11'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 132_863_336,
    forwardGflopsPerSample: 15.22, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 69.02,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg11 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg11 132,863,336 params, 7.61 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg11_bn',
    aliases: ['torchvision/vgg11_bn', 'torchvision.models.vgg11_bn'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 132_868_840,
    forwardGflopsPerSample: 15.22, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 70.37,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg11_bn IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg11_bn 132,868,840 params, 7.61 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg13',
    aliases: ['torchvision/vgg13', 'torchvision.models.vgg13'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 133_047_848,
    forwardGflopsPerSample: 22.62, // 224x224
    smallerSiblings: ['vgg11'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 69.928,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg13 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg13 133,047,848 params, 11.31 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg13_bn',
    aliases: ['torchvision/vgg13_bn', 'torchvision.models.vgg13_bn'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 133_053_736,
    forwardGflopsPerSample: 22.62, // 224x224
    smallerSiblings: ['vgg11_bn'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.586,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg13_bn IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg13_bn 133,053,736 params, 11.31 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg16',
    aliases: ['torchvision/vgg16', 'torchvision.models.vgg16'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 138_357_544,
    forwardGflopsPerSample: 30.94, // 224x224
    smallerSiblings: ['vgg13', 'vgg11'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.592,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg16 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg16 138,357,544 params, 15.47 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg16_bn',
    aliases: ['torchvision/vgg16_bn', 'torchvision.models.vgg16_bn'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 138_365_992,
    forwardGflopsPerSample: 30.94, // 224x224
    smallerSiblings: ['vgg13_bn', 'vgg11_bn'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 73.36,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg16_bn IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg16_bn 138,365,992 params, 15.47 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg19',
    aliases: ['torchvision/vgg19', 'torchvision.models.vgg19'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 143_667_240,
    forwardGflopsPerSample: 39.26, // 224x224
    smallerSiblings: ['vgg16', 'vgg13', 'vgg11'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 72.376,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg19 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg19 143,667,240 params, 19.63 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vgg19_bn',
    aliases: ['torchvision/vgg19_bn', 'torchvision.models.vgg19_bn'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 143_678_248,
    forwardGflopsPerSample: 39.26, // 224x224
    smallerSiblings: ['vgg16_bn', 'vgg13_bn', 'vgg11_bn'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.218,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg19_bn IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vgg19_bn 143,678,248 params, 19.63 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'alexnet',
    aliases: ['torchvision/alexnet', 'torchvision.models.alexnet'],
    family: 'alexnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 61_100_840,
    forwardGflopsPerSample: 1.42, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 56.522,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): alexnet IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): alexnet 61,100,840 params, 0.71 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'squeezenet1_0',
    aliases: ['torchvision/squeezenet1_0', 'torchvision.models.squeezenet1_0'],
    family: 'squeezenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_248_424,
    forwardGflopsPerSample: 1.64, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 58.092,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): squeezenet1_0 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): squeezenet1_0 1,248,424 params, 0.82 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'squeezenet1_1',
    aliases: ['torchvision/squeezenet1_1', 'torchvision.models.squeezenet1_1'],
    family: 'squeezenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_235_496,
    forwardGflopsPerSample: 0.7, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 58.178,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): squeezenet1_1 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): squeezenet1_1 1,235,496 params, 0.35 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'densenet121',
    aliases: ['torchvision/densenet121', 'torchvision.models.densenet121'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_978_856,
    forwardGflopsPerSample: 5.66, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.434,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet121 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet121 7,978,856 params, 2.83 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'densenet169',
    aliases: ['torchvision/densenet169', 'torchvision.models.densenet169'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 14_149_480,
    forwardGflopsPerSample: 6.72, // 224x224
    smallerSiblings: ['densenet121'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.6,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet169 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet169 14,149,480 params, 3.36 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'densenet201',
    aliases: ['torchvision/densenet201', 'torchvision.models.densenet201'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 20_013_928,
    forwardGflopsPerSample: 8.58, // 224x224
    smallerSiblings: ['densenet169', 'densenet121'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.896,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet201 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet201 20,013,928 params, 4.29 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'densenet161',
    aliases: ['torchvision/densenet161', 'torchvision.models.densenet161'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_681_000,
    forwardGflopsPerSample: 15.46, // 224x224
    smallerSiblings: ['densenet201', 'densenet169', 'densenet121'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.138,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet161 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): densenet161 28,681,000 params, 7.73 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'googlenet',
    aliases: ['torchvision/googlenet', 'torchvision.models.googlenet'],
    family: 'inception',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_624_904,
    forwardGflopsPerSample: 3, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 69.778,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): googlenet IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): googlenet 6,624,904 params, 1.5 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'inception_v3',
    aliases: ['torchvision/inception_v3', 'torchvision.models.inception_v3'],
    family: 'inception',
    architecture: 'cnn',
    modality: 'vision',
    params: 27_161_264,
    forwardGflopsPerSample: 11.42, // 299x299
    smallerSiblings: ['googlenet'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.294,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): inception_v3 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): inception_v3 27,161,264 params, 5.71 GFLOPS (counted as multiply-adds; stored here x2) at 299x299',
  },
  {
    id: 'mobilenet_v3_small',
    aliases: ['torchvision/mobilenet_v3_small', 'torchvision.models.mobilenet_v3_small'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_542_856,
    forwardGflopsPerSample: 0.12, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 67.668,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v3_small IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v3_small 2,542,856 params, 0.06 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mobilenet_v2',
    aliases: ['torchvision/mobilenet_v2', 'torchvision.models.mobilenet_v2'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_504_872,
    forwardGflopsPerSample: 0.6, // 224x224
    smallerSiblings: ['mobilenet_v3_small'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.878,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v2 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v2 3,504,872 params, 0.3 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mobilenet_v3_large',
    aliases: ['torchvision/mobilenet_v3_large', 'torchvision.models.mobilenet_v3_large'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_483_032,
    forwardGflopsPerSample: 0.44, // 224x224
    smallerSiblings: ['mobilenet_v3_small'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.042,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v3_large IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mobilenet_v3_large 5,483,032 params, 0.22 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'shufflenet_v2_x0_5',
    aliases: ['torchvision/shufflenet_v2_x0_5', 'torchvision.models.shufflenet_v2_x0_5'],
    family: 'shufflenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_366_792,
    forwardGflopsPerSample: 0.08, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 60.552,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x0_5 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x0_5 1,366,792 params, 0.04 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'shufflenet_v2_x1_0',
    aliases: ['torchvision/shufflenet_v2_x1_0', 'torchvision.models.shufflenet_v2_x1_0'],
    family: 'shufflenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_278_604,
    forwardGflopsPerSample: 0.28, // 224x224
    smallerSiblings: ['shufflenet_v2_x0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 69.362,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x1_0 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x1_0 2,278,604 params, 0.14 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'shufflenet_v2_x1_5',
    aliases: ['torchvision/shufflenet_v2_x1_5', 'torchvision.models.shufflenet_v2_x1_5'],
    family: 'shufflenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_503_624,
    forwardGflopsPerSample: 0.6, // 224x224
    smallerSiblings: ['shufflenet_v2_x1_0', 'shufflenet_v2_x0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 72.996,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x1_5 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x1_5 3,503,624 params, 0.3 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'shufflenet_v2_x2_0',
    aliases: ['torchvision/shufflenet_v2_x2_0', 'torchvision.models.shufflenet_v2_x2_0'],
    family: 'shufflenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_393_996,
    forwardGflopsPerSample: 1.16, // 224x224
    smallerSiblings: ['shufflenet_v2_x1_5', 'shufflenet_v2_x1_0', 'shufflenet_v2_x0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.23,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x2_0 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): shufflenet_v2_x2_0 7,393,996 params, 0.58 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mnasnet0_5',
    aliases: ['torchvision/mnasnet0_5', 'torchvision.models.mnasnet0_5'],
    family: 'mnasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_218_512,
    forwardGflopsPerSample: 0.2, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 67.734,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet0_5 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet0_5 2,218,512 params, 0.1 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mnasnet0_75',
    aliases: ['torchvision/mnasnet0_75', 'torchvision.models.mnasnet0_75'],
    family: 'mnasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_170_208,
    forwardGflopsPerSample: 0.42, // 224x224
    smallerSiblings: ['mnasnet0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.18,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet0_75 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet0_75 3,170,208 params, 0.21 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mnasnet1_0',
    aliases: ['torchvision/mnasnet1_0', 'torchvision.models.mnasnet1_0'],
    family: 'mnasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_383_312,
    forwardGflopsPerSample: 0.62, // 224x224
    smallerSiblings: ['mnasnet0_75', 'mnasnet0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 73.456,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet1_0 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet1_0 4,383,312 params, 0.31 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'mnasnet1_3',
    aliases: ['torchvision/mnasnet1_3', 'torchvision.models.mnasnet1_3'],
    family: 'mnasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_282_256,
    forwardGflopsPerSample: 1.06, // 224x224
    smallerSiblings: ['mnasnet1_0', 'mnasnet0_75', 'mnasnet0_5'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.506,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet1_3 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): mnasnet1_3 6,282,256 params, 0.53 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'efficientnet_b0',
    aliases: ['torchvision/efficientnet_b0', 'torchvision.models.efficientnet_b0'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_288_548,
    forwardGflopsPerSample: 0.772, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.692,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b0 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b0 5,288,548 params, 0.386 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'efficientnet_b1',
    aliases: ['torchvision/efficientnet_b1', 'torchvision.models.efficientnet_b1'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_794_184,
    forwardGflopsPerSample: 1.374, // 240x240
    smallerSiblings: ['efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.642,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b1 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b1 7,794,184 params, 0.687 GFLOPS (counted as multiply-adds; stored here x2) at 240x240',
  },
  {
    id: 'efficientnet_b2',
    aliases: ['torchvision/efficientnet_b2', 'torchvision.models.efficientnet_b2'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_109_994,
    forwardGflopsPerSample: 2.176, // 288x288
    smallerSiblings: ['efficientnet_b1', 'efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.608,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b2 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b2 9,109,994 params, 1.088 GFLOPS (counted as multiply-adds; stored here x2) at 288x288',
  },
  {
    id: 'efficientnet_b3',
    aliases: ['torchvision/efficientnet_b3', 'torchvision.models.efficientnet_b3'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 12_233_232,
    forwardGflopsPerSample: 3.654, // 300x300
    smallerSiblings: ['efficientnet_b2', 'efficientnet_b1', 'efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.008,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b3 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b3 12,233,232 params, 1.827 GFLOPS (counted as multiply-adds; stored here x2) at 300x300',
  },
  {
    id: 'efficientnet_b4',
    aliases: ['torchvision/efficientnet_b4', 'torchvision.models.efficientnet_b4'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_341_616,
    forwardGflopsPerSample: 8.788, // 380x380
    smallerSiblings: ['efficientnet_b3', 'efficientnet_b2', 'efficientnet_b1', 'efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.384,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b4 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b4 19,341,616 params, 4.394 GFLOPS (counted as multiply-adds; stored here x2) at 380x380',
  },
  {
    id: 'efficientnet_b5',
    aliases: ['torchvision/efficientnet_b5', 'torchvision.models.efficientnet_b5'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 30_389_784,
    forwardGflopsPerSample: 20.532, // 456x456
    smallerSiblings: ['efficientnet_b4', 'efficientnet_b3', 'efficientnet_b2', 'efficientnet_b1', 'efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.444,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b5 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b5 30,389,784 params, 10.266 GFLOPS (counted as multiply-adds; stored here x2) at 456x456',
  },
  {
    id: 'efficientnet_b6',
    aliases: ['torchvision/efficientnet_b6', 'torchvision.models.efficientnet_b6'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 43_040_704,
    forwardGflopsPerSample: 38.136, // 528x528
    smallerSiblings: [
      'efficientnet_b5',
      'efficientnet_b4',
      'efficientnet_b3',
      'efficientnet_b2',
      'efficientnet_b1',
      'efficientnet_b0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.008,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b6 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b6 43,040,704 params, 19.068 GFLOPS (counted as multiply-adds; stored here x2) at 528x528',
  },
  {
    id: 'efficientnet_b7',
    aliases: ['torchvision/efficientnet_b7', 'torchvision.models.efficientnet_b7'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 66_347_960,
    forwardGflopsPerSample: 75.492, // 600x600
    smallerSiblings: [
      'efficientnet_b6',
      'efficientnet_b5',
      'efficientnet_b4',
      'efficientnet_b3',
      'efficientnet_b2',
      'efficientnet_b1',
      'efficientnet_b0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.122,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b7 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_b7 66,347,960 params, 37.746 GFLOPS (counted as multiply-adds; stored here x2) at 600x600',
  },
  {
    id: 'efficientnet_v2_s',
    aliases: ['torchvision/efficientnet_v2_s', 'torchvision.models.efficientnet_v2_s'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_458_488,
    forwardGflopsPerSample: 16.732, // 384x384
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.228,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_s IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_s 21,458,488 params, 8.366 GFLOPS (counted as multiply-adds; stored here x2) at 384x384',
  },
  {
    id: 'efficientnet_v2_m',
    aliases: ['torchvision/efficientnet_v2_m', 'torchvision.models.efficientnet_v2_m'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 54_139_356,
    forwardGflopsPerSample: 49.164, // 480x480
    smallerSiblings: ['efficientnet_v2_s'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.112,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_m IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_m 54,139,356 params, 24.582 GFLOPS (counted as multiply-adds; stored here x2) at 480x480',
  },
  {
    id: 'efficientnet_v2_l',
    aliases: ['torchvision/efficientnet_v2_l', 'torchvision.models.efficientnet_v2_l'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 118_515_272,
    forwardGflopsPerSample: 112.16, // 480x480
    smallerSiblings: ['efficientnet_v2_m', 'efficientnet_v2_s'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.808,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_l IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): efficientnet_v2_l 118,515,272 params, 56.08 GFLOPS (counted as multiply-adds; stored here x2) at 480x480',
  },
  {
    id: 'regnet_y_400mf',
    aliases: ['torchvision/regnet_y_400mf', 'torchvision.models.regnet_y_400mf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_344_144,
    forwardGflopsPerSample: 0.8, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.046,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_400mf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_400mf 4,344,144 params, 0.4 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_800mf',
    aliases: ['torchvision/regnet_y_800mf', 'torchvision.models.regnet_y_800mf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_432_512,
    forwardGflopsPerSample: 1.66, // 224x224
    smallerSiblings: ['regnet_y_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.42,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_800mf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_800mf 6,432,512 params, 0.83 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_1_6gf',
    aliases: ['torchvision/regnet_y_1_6gf', 'torchvision.models.regnet_y_1_6gf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 11_202_430,
    forwardGflopsPerSample: 3.22, // 224x224
    smallerSiblings: ['regnet_y_800mf', 'regnet_y_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.95,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_1_6gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_1_6gf 11,202,430 params, 1.61 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_3_2gf',
    aliases: ['torchvision/regnet_y_3_2gf', 'torchvision.models.regnet_y_3_2gf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_436_338,
    forwardGflopsPerSample: 6.36, // 224x224
    smallerSiblings: ['regnet_y_1_6gf', 'regnet_y_800mf', 'regnet_y_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.948,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_3_2gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_3_2gf 19,436,338 params, 3.18 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_8gf',
    aliases: ['torchvision/regnet_y_8gf', 'torchvision.models.regnet_y_8gf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 39_381_472,
    forwardGflopsPerSample: 16.94, // 224x224
    smallerSiblings: ['regnet_y_3_2gf', 'regnet_y_1_6gf', 'regnet_y_800mf', 'regnet_y_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.032,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_8gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_8gf 39,381,472 params, 8.47 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_16gf',
    aliases: ['torchvision/regnet_y_16gf', 'torchvision.models.regnet_y_16gf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 83_590_140,
    forwardGflopsPerSample: 31.82, // 224x224
    smallerSiblings: ['regnet_y_8gf', 'regnet_y_3_2gf', 'regnet_y_1_6gf', 'regnet_y_800mf', 'regnet_y_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.424,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_16gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_16gf 83,590,140 params, 15.91 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_y_32gf',
    aliases: ['torchvision/regnet_y_32gf', 'torchvision.models.regnet_y_32gf'],
    family: 'regnet-y',
    architecture: 'cnn',
    modality: 'vision',
    params: 145_046_770,
    forwardGflopsPerSample: 64.56, // 224x224
    smallerSiblings: [
      'regnet_y_16gf',
      'regnet_y_8gf',
      'regnet_y_3_2gf',
      'regnet_y_1_6gf',
      'regnet_y_800mf',
      'regnet_y_400mf',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.878,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_32gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_y_32gf 145,046,770 params, 32.28 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_400mf',
    aliases: ['torchvision/regnet_x_400mf', 'torchvision.models.regnet_x_400mf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_495_976,
    forwardGflopsPerSample: 0.82, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 72.834,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_400mf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_400mf 5,495,976 params, 0.41 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_800mf',
    aliases: ['torchvision/regnet_x_800mf', 'torchvision.models.regnet_x_800mf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_259_656,
    forwardGflopsPerSample: 1.6, // 224x224
    smallerSiblings: ['regnet_x_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.212,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_800mf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_800mf 7,259,656 params, 0.8 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_1_6gf',
    aliases: ['torchvision/regnet_x_1_6gf', 'torchvision.models.regnet_x_1_6gf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_190_136,
    forwardGflopsPerSample: 3.2, // 224x224
    smallerSiblings: ['regnet_x_800mf', 'regnet_x_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.04,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_1_6gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_1_6gf 9,190,136 params, 1.6 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_3_2gf',
    aliases: ['torchvision/regnet_x_3_2gf', 'torchvision.models.regnet_x_3_2gf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 15_296_552,
    forwardGflopsPerSample: 6.36, // 224x224
    smallerSiblings: ['regnet_x_1_6gf', 'regnet_x_800mf', 'regnet_x_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.364,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_3_2gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_3_2gf 15,296,552 params, 3.18 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_8gf',
    aliases: ['torchvision/regnet_x_8gf', 'torchvision.models.regnet_x_8gf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 39_572_648,
    forwardGflopsPerSample: 16, // 224x224
    smallerSiblings: ['regnet_x_3_2gf', 'regnet_x_1_6gf', 'regnet_x_800mf', 'regnet_x_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.344,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_8gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_8gf 39,572,648 params, 8.0 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_16gf',
    aliases: ['torchvision/regnet_x_16gf', 'torchvision.models.regnet_x_16gf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 54_278_536,
    forwardGflopsPerSample: 31.88, // 224x224
    smallerSiblings: ['regnet_x_8gf', 'regnet_x_3_2gf', 'regnet_x_1_6gf', 'regnet_x_800mf', 'regnet_x_400mf'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.058,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_16gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_16gf 54,278,536 params, 15.94 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'regnet_x_32gf',
    aliases: ['torchvision/regnet_x_32gf', 'torchvision.models.regnet_x_32gf'],
    family: 'regnet-x',
    architecture: 'cnn',
    modality: 'vision',
    params: 107_811_560,
    forwardGflopsPerSample: 63.48, // 224x224
    smallerSiblings: [
      'regnet_x_16gf',
      'regnet_x_8gf',
      'regnet_x_3_2gf',
      'regnet_x_1_6gf',
      'regnet_x_800mf',
      'regnet_x_400mf',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.622,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_32gf IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): regnet_x_32gf 107,811,560 params, 31.74 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vit_b_32',
    aliases: ['torchvision/vit_b_32', 'torchvision.models.vit_b_32'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 88_224_232,
    forwardGflopsPerSample: 8.82, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.912,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_b_32 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_b_32 88,224,232 params, 4.41 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vit_b_16',
    aliases: ['torchvision/vit_b_16', 'torchvision.models.vit_b_16'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_567_656,
    forwardGflopsPerSample: 35.12, // 224x224
    smallerSiblings: ['vit_b_32'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.072,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_b_16 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_b_16 86,567,656 params, 17.56 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vit_l_32',
    aliases: ['torchvision/vit_l_32', 'torchvision.models.vit_l_32'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 306_535_400,
    forwardGflopsPerSample: 30.76, // 224x224
    smallerSiblings: ['vit_b_16', 'vit_b_32'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.972,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_l_32 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_l_32 306,535,400 params, 15.38 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'vit_l_16',
    aliases: ['torchvision/vit_l_16', 'torchvision.models.vit_l_16'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 304_326_632,
    forwardGflopsPerSample: 123.1, // 224x224
    smallerSiblings: ['vit_l_32', 'vit_b_16', 'vit_b_32'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.662,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_l_16 IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): vit_l_16 304,326,632 params, 61.55 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'convnext_tiny',
    aliases: ['torchvision/convnext_tiny', 'torchvision.models.convnext_tiny'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_589_128,
    forwardGflopsPerSample: 8.92, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.52,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_tiny IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_tiny 28,589,128 params, 4.46 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'convnext_small',
    aliases: ['torchvision/convnext_small', 'torchvision.models.convnext_small'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 50_223_688,
    forwardGflopsPerSample: 17.36, // 224x224
    smallerSiblings: ['convnext_tiny'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.616,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_small IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_small 50,223,688 params, 8.68 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'convnext_base',
    aliases: ['torchvision/convnext_base', 'torchvision.models.convnext_base'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_591_464,
    forwardGflopsPerSample: 30.72, // 224x224
    smallerSiblings: ['convnext_small', 'convnext_tiny'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.062,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_base IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_base 88,591,464 params, 15.36 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'convnext_large',
    aliases: ['torchvision/convnext_large', 'torchvision.models.convnext_large'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 197_767_336,
    forwardGflopsPerSample: 68.72, // 224x224
    smallerSiblings: ['convnext_base', 'convnext_small', 'convnext_tiny'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.414,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_large IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): convnext_large 197,767,336 params, 34.36 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'swin_t',
    // `swin-tiny`: the same Swin-T as OpenMMLab's configs and model zoo name it (Liu et al. 2021, arXiv:2103.14030,
    // Table 1: Swin-T 28M, Swin-S 50M, Swin-B 88M at 224x224; mmpretrain configs/swin_transformer/metafile.yml).
    aliases: ['torchvision/swin_t', 'torchvision.models.swin_t', 'swin-tiny'],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 28_288_354,
    forwardGflopsPerSample: 8.98, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.474,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_t IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_t 28,288,354 params, 4.49 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'swin_s',
    // `swin-small`: the same Swin-S as OpenMMLab's configs and model zoo name it (Liu et al. 2021, arXiv:2103.14030,
    // Table 1: Swin-T 28M, Swin-S 50M, Swin-B 88M at 224x224; mmpretrain configs/swin_transformer/metafile.yml).
    aliases: ['torchvision/swin_s', 'torchvision.models.swin_s', 'swin-small'],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 49_606_258,
    forwardGflopsPerSample: 17.48, // 224x224
    smallerSiblings: ['swin_t'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.196,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_s IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_s 49,606,258 params, 8.74 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'swin_b',
    // `swin-base`: the same Swin-B as OpenMMLab's configs and model zoo name it (Liu et al. 2021, arXiv:2103.14030,
    // Table 1: Swin-T 28M, Swin-S 50M, Swin-B 88M at 224x224; mmpretrain configs/swin_transformer/metafile.yml).
    aliases: ['torchvision/swin_b', 'torchvision.models.swin_b', 'swin-base'],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 87_768_224,
    forwardGflopsPerSample: 30.86, // 224x224
    smallerSiblings: ['swin_s', 'swin_t'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.582,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_b IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_b 87,768,224 params, 15.43 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  {
    id: 'swin_v2_t',
    aliases: ['torchvision/swin_v2_t', 'torchvision.models.swin_v2_t'],
    family: 'swin-v2',
    architecture: 'vit',
    modality: 'vision',
    params: 28_351_570,
    forwardGflopsPerSample: 11.88, // 256x256
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.072,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_t IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_t 28,351,570 params, 5.94 GFLOPS (counted as multiply-adds; stored here x2) at 256x256',
  },
  {
    id: 'swin_v2_s',
    aliases: ['torchvision/swin_v2_s', 'torchvision.models.swin_v2_s'],
    family: 'swin-v2',
    architecture: 'vit',
    modality: 'vision',
    params: 49_737_442,
    forwardGflopsPerSample: 23.1, // 256x256
    smallerSiblings: ['swin_v2_t'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.712,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_s IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_s 49,737,442 params, 11.55 GFLOPS (counted as multiply-adds; stored here x2) at 256x256',
  },
  {
    id: 'swin_v2_b',
    aliases: ['torchvision/swin_v2_b', 'torchvision.models.swin_v2_b'],
    family: 'swin-v2',
    architecture: 'vit',
    modality: 'vision',
    params: 87_930_848,
    forwardGflopsPerSample: 40.64, // 256x256
    smallerSiblings: ['swin_v2_s', 'swin_v2_t'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.112,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_b IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): swin_v2_b 87,930,848 params, 20.32 GFLOPS (counted as multiply-adds; stored here x2) at 256x256',
  },
  {
    id: 'maxvit_t',
    aliases: ['torchvision/maxvit_t', 'torchvision.models.maxvit_t'],
    family: 'maxvit',
    architecture: 'vit',
    modality: 'vision',
    params: 30_919_624,
    forwardGflopsPerSample: 11.12, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.7,
      source:
        'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): maxvit_t IMAGENET1K_V1 weights acc@1',
    },
    source:
      'torchvision docs, pytorch.org/vision/stable/models.html (weights meta in torchvision/models/*.py: num_params, _ops, acc@1): maxvit_t 30,919,624 params, 5.56 GFLOPS (counted as multiply-adds; stored here x2) at 224x224',
  },
  // ---------------- keras.applications ----------------
  {
    id: 'keras/Xception',
    aliases: ['keras.applications.Xception', 'tf.keras.applications.Xception'],
    family: 'xception',
    architecture: 'cnn',
    modality: 'vision',
    params: 22_910_480,
    forwardGflopsPerSample: 16.8, // 299x299
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (Xception)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: Xception 22,910,480; FLOPs: timm legacy_xception (port of the Keras Xception weights): 8.4 GMACs at 299 (timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv), stored x2',
  },
  {
    id: 'keras/VGG16',
    aliases: ['keras.applications.VGG16', 'tf.keras.applications.VGG16'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 138_357_544,
    forwardGflopsPerSample: 30.94, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (VGG16)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: VGG16 138,357,544; FLOPs: same layer configuration as torchvision vgg16 (identical 138,357,544 params): 15.47 GMACs, stored x2',
  },
  {
    id: 'keras/VGG19',
    aliases: ['keras.applications.VGG19', 'tf.keras.applications.VGG19'],
    family: 'vgg',
    architecture: 'cnn',
    modality: 'vision',
    params: 143_667_240,
    forwardGflopsPerSample: 39.26, // 224x224
    smallerSiblings: ['keras/VGG16'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (VGG19)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: VGG19 143,667,240; FLOPs: same layer configuration as torchvision vgg19 (identical 143,667,240 params): 19.63 GMACs, stored x2',
  },
  {
    id: 'keras/ResNet50',
    aliases: ['keras.applications.ResNet50', 'tf.keras.applications.ResNet50'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_636_712,
    forwardGflopsPerSample: 7.6, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.9,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet50)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet50 25,636,712; FLOPs: He et al. 2015, arXiv:1512.03385, Table 1: 3.8e9 FLOPs (multiply-adds), stored x2',
  },
  {
    id: 'keras/ResNet101',
    aliases: ['keras.applications.ResNet101', 'tf.keras.applications.ResNet101'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_707_176,
    forwardGflopsPerSample: 15.2, // 224x224
    smallerSiblings: ['keras/ResNet50'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.4,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet101)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet101 44,707,176; FLOPs: He et al. 2015, arXiv:1512.03385, Table 1: 7.6e9 multiply-adds, stored x2',
  },
  {
    id: 'keras/ResNet152',
    aliases: ['keras.applications.ResNet152', 'tf.keras.applications.ResNet152'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_419_944,
    forwardGflopsPerSample: 22.6, // 224x224
    smallerSiblings: ['keras/ResNet101', 'keras/ResNet50'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.6,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet152)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet152 60,419,944; FLOPs: He et al. 2015, arXiv:1512.03385, Table 1: 11.3e9 multiply-adds, stored x2',
  },
  {
    id: 'keras/ResNet50V2',
    aliases: ['keras.applications.ResNet50V2', 'tf.keras.applications.ResNet50V2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_613_800,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet50V2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet50V2 25,613,800; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/ResNet101V2',
    aliases: ['keras.applications.ResNet101V2', 'tf.keras.applications.ResNet101V2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_675_560,
    smallerSiblings: ['keras/ResNet50V2'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.2,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet101V2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet101V2 44,675,560; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/ResNet152V2',
    aliases: ['keras.applications.ResNet152V2', 'tf.keras.applications.ResNet152V2'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_380_648,
    smallerSiblings: ['keras/ResNet101V2', 'keras/ResNet50V2'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (ResNet152V2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: ResNet152V2 60,380,648; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/InceptionV3',
    aliases: ['keras.applications.InceptionV3', 'tf.keras.applications.InceptionV3'],
    family: 'inception',
    architecture: 'cnn',
    modality: 'vision',
    params: 23_851_784,
    forwardGflopsPerSample: 11.46, // 299x299
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.9,
      source: 'keras.io/api/applications model table, Top-1 accuracy (InceptionV3)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: InceptionV3 23,851,784; FLOPs: timm inception_v3 (TF port, 23.83M params): 5.73 GMACs at 299 (timm benchmark csv), stored x2',
  },
  {
    id: 'keras/InceptionResNetV2',
    aliases: ['keras.applications.InceptionResNetV2', 'tf.keras.applications.InceptionResNetV2'],
    family: 'inception',
    architecture: 'cnn',
    modality: 'vision',
    params: 55_873_736,
    forwardGflopsPerSample: 26.36, // 299x299
    smallerSiblings: ['keras/InceptionV3'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (InceptionResNetV2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: InceptionResNetV2 55,873,736; FLOPs: timm inception_resnet_v2 (TF port): 13.18 GMACs at 299 (timm benchmark csv), stored x2',
  },
  {
    id: 'keras/MobileNet',
    aliases: ['keras.applications.MobileNet', 'tf.keras.applications.MobileNet'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_253_864,
    forwardGflopsPerSample: 1.138, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 70.4,
      source: 'keras.io/api/applications model table, Top-1 accuracy (MobileNet)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: MobileNet 4,253,864; FLOPs: Howard et al. 2017, arXiv:1704.04861: 1.0 MobileNet-224, 569M mult-adds, stored x2',
  },
  {
    id: 'keras/MobileNetV2',
    aliases: ['keras.applications.MobileNetV2', 'tf.keras.applications.MobileNetV2'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_538_984,
    forwardGflopsPerSample: 0.6, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 71.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (MobileNetV2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: MobileNetV2 3,538,984; FLOPs: Sandler et al. 2018, arXiv:1801.04381, Table 4: 300M MAdds, stored x2',
  },
  {
    id: 'keras/DenseNet121',
    aliases: ['keras.applications.DenseNet121', 'tf.keras.applications.DenseNet121'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 8_062_504,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (DenseNet121)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: DenseNet121 8,062,504; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/DenseNet169',
    aliases: ['keras.applications.DenseNet169', 'tf.keras.applications.DenseNet169'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 14_307_880,
    smallerSiblings: ['keras/DenseNet121'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.2,
      source: 'keras.io/api/applications model table, Top-1 accuracy (DenseNet169)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: DenseNet169 14,307,880; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/DenseNet201',
    aliases: ['keras.applications.DenseNet201', 'tf.keras.applications.DenseNet201'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 20_242_984,
    smallerSiblings: ['keras/DenseNet169', 'keras/DenseNet121'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (DenseNet201)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: DenseNet201 20,242,984; FLOPs not published by Keras (left out)',
  },
  {
    id: 'keras/NASNetMobile',
    aliases: ['keras.applications.NASNetMobile', 'tf.keras.applications.NASNetMobile'],
    family: 'nasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_326_716,
    forwardGflopsPerSample: 1.128, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.4,
      source: 'keras.io/api/applications model table, Top-1 accuracy (NASNetMobile)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: NASNetMobile 5,326,716; FLOPs: Zoph et al. 2017, arXiv:1707.07012: NASNet-A (4 @ 1056), 564M mult-adds, stored x2',
  },
  {
    id: 'keras/NASNetLarge',
    aliases: ['keras.applications.NASNetLarge', 'tf.keras.applications.NASNetLarge'],
    family: 'nasnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_949_818,
    forwardGflopsPerSample: 47.6, // 331x331
    smallerSiblings: ['keras/NASNetMobile'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.5,
      source: 'keras.io/api/applications model table, Top-1 accuracy (NASNetLarge)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: NASNetLarge 88,949,818; FLOPs: Zoph et al. 2017, arXiv:1707.07012: NASNet-A (6 @ 4032), 23.8B mult-adds, stored x2',
  },
  {
    id: 'keras/EfficientNetB0',
    aliases: ['keras.applications.EfficientNetB0', 'tf.keras.applications.EfficientNetB0'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_330_571,
    forwardGflopsPerSample: 0.78, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.1,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB0)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB0 5,330,571; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 0.39B at 224x224',
  },
  {
    id: 'keras/EfficientNetB1',
    aliases: ['keras.applications.EfficientNetB1', 'tf.keras.applications.EfficientNetB1'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_856_239,
    forwardGflopsPerSample: 1.4, // 240x240
    smallerSiblings: ['keras/EfficientNetB0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.1,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB1)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB1 7,856,239; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 0.7B at 240x240',
  },
  {
    id: 'keras/EfficientNetB2',
    aliases: ['keras.applications.EfficientNetB2', 'tf.keras.applications.EfficientNetB2'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_177_569,
    forwardGflopsPerSample: 2, // 260x260
    smallerSiblings: ['keras/EfficientNetB1', 'keras/EfficientNetB0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.1,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB2)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB2 9,177,569; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 1.0B at 260x260',
  },
  {
    id: 'keras/EfficientNetB3',
    aliases: ['keras.applications.EfficientNetB3', 'tf.keras.applications.EfficientNetB3'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 12_320_535,
    forwardGflopsPerSample: 3.6, // 300x300
    smallerSiblings: ['keras/EfficientNetB2', 'keras/EfficientNetB1', 'keras/EfficientNetB0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.6,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB3)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB3 12,320,535; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 1.8B at 300x300',
  },
  {
    id: 'keras/EfficientNetB4',
    aliases: ['keras.applications.EfficientNetB4', 'tf.keras.applications.EfficientNetB4'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_466_823,
    forwardGflopsPerSample: 8.4, // 380x380
    smallerSiblings: ['keras/EfficientNetB3', 'keras/EfficientNetB2', 'keras/EfficientNetB1', 'keras/EfficientNetB0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.9,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB4)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB4 19,466,823; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 4.2B at 380x380',
  },
  {
    id: 'keras/EfficientNetB5',
    aliases: ['keras.applications.EfficientNetB5', 'tf.keras.applications.EfficientNetB5'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 30_562_527,
    forwardGflopsPerSample: 19.8, // 456x456
    smallerSiblings: [
      'keras/EfficientNetB4',
      'keras/EfficientNetB3',
      'keras/EfficientNetB2',
      'keras/EfficientNetB1',
      'keras/EfficientNetB0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.6,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB5)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB5 30,562,527; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 9.9B at 456x456',
  },
  {
    id: 'keras/EfficientNetB6',
    aliases: ['keras.applications.EfficientNetB6', 'tf.keras.applications.EfficientNetB6'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 43_265_143,
    forwardGflopsPerSample: 38, // 528x528
    smallerSiblings: [
      'keras/EfficientNetB5',
      'keras/EfficientNetB4',
      'keras/EfficientNetB3',
      'keras/EfficientNetB2',
      'keras/EfficientNetB1',
      'keras/EfficientNetB0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB6)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB6 43,265,143; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 19B at 528x528',
  },
  {
    id: 'keras/EfficientNetB7',
    aliases: ['keras.applications.EfficientNetB7', 'tf.keras.applications.EfficientNetB7'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 66_658_687,
    forwardGflopsPerSample: 74, // 600x600
    smallerSiblings: [
      'keras/EfficientNetB6',
      'keras/EfficientNetB5',
      'keras/EfficientNetB4',
      'keras/EfficientNetB3',
      'keras/EfficientNetB2',
      'keras/EfficientNetB1',
      'keras/EfficientNetB0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetB7)',
    },
    source:
      'keras-io templates/api/applications/index.md (keras.io/api/applications) model table: parameters: EfficientNetB7 66,658,687; Tan & Le 2019, EfficientNet, arXiv:1905.11946, Table 2 FLOPS (multiply-adds), stored x2: 37B at 600x600',
  },
  {
    id: 'keras/EfficientNetV2B0',
    aliases: ['keras.applications.EfficientNetV2B0', 'tf.keras.applications.EfficientNetV2B0'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_200_000,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.7,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2B0)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2B0 7.2M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2B1',
    aliases: ['keras.applications.EfficientNetV2B1', 'tf.keras.applications.EfficientNetV2B1'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 8_200_000,
    smallerSiblings: ['keras/EfficientNetV2B0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.8,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2B1)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2B1 8.2M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2B2',
    aliases: ['keras.applications.EfficientNetV2B2', 'tf.keras.applications.EfficientNetV2B2'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 10_200_000,
    smallerSiblings: ['keras/EfficientNetV2B1', 'keras/EfficientNetV2B0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.5,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2B2)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2B2 10.2M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2B3',
    aliases: ['keras.applications.EfficientNetV2B3', 'tf.keras.applications.EfficientNetV2B3'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 14_500_000,
    smallerSiblings: ['keras/EfficientNetV2B2', 'keras/EfficientNetV2B1', 'keras/EfficientNetV2B0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.0,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2B3)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2B3 14.5M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2S',
    aliases: ['keras.applications.EfficientNetV2S', 'tf.keras.applications.EfficientNetV2S'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_600_000,
    smallerSiblings: [
      'keras/EfficientNetV2B3',
      'keras/EfficientNetV2B2',
      'keras/EfficientNetV2B1',
      'keras/EfficientNetV2B0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.9,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2S)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2S 21.6M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2M',
    aliases: ['keras.applications.EfficientNetV2M', 'tf.keras.applications.EfficientNetV2M'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 54_400_000,
    smallerSiblings: [
      'keras/EfficientNetV2S',
      'keras/EfficientNetV2B3',
      'keras/EfficientNetV2B2',
      'keras/EfficientNetV2B1',
      'keras/EfficientNetV2B0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.3,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2M)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2M 54.4M parameters (rounded as published); FLOPs not listed',
  },
  {
    id: 'keras/EfficientNetV2L',
    aliases: ['keras.applications.EfficientNetV2L', 'tf.keras.applications.EfficientNetV2L'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 119_000_000,
    smallerSiblings: [
      'keras/EfficientNetV2M',
      'keras/EfficientNetV2S',
      'keras/EfficientNetV2B3',
      'keras/EfficientNetV2B2',
      'keras/EfficientNetV2B1',
      'keras/EfficientNetV2B0',
    ],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.7,
      source: 'keras.io/api/applications model table, Top-1 accuracy (EfficientNetV2L)',
    },
    source:
      'keras.io/api/applications model table: EfficientNetV2L 119.0M parameters (rounded as published); FLOPs not listed',
  },
  // ---------------- timm ----------------
  {
    id: 'timm/resnet18',
    aliases: ['timm/resnet18.a1_in1k', 'hf-hub:timm/resnet18.a1_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 11_690_000,
    forwardGflopsPerSample: 3.64, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 73.158,
      source: 'timm results/results-imagenet.csv: resnet18.a1_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet18 11.69M params, 1.82 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnet34',
    aliases: ['timm/resnet34.a1_in1k', 'hf-hub:timm/resnet34.a1_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_800_000,
    forwardGflopsPerSample: 7.34, // 224x224
    smallerSiblings: ['timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.918,
      source: 'timm results/results-imagenet.csv: resnet34.a1_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet34 21.8M params, 3.67 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnet50',
    aliases: ['timm/resnet50.a1_in1k', 'hf-hub:timm/resnet50.a1_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_560_000,
    forwardGflopsPerSample: 8.22, // 224x224
    smallerSiblings: ['timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.214,
      source: 'timm results/results-imagenet.csv: resnet50.a1_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet50 25.56M params, 4.11 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnet101',
    aliases: ['timm/resnet101.a1h_in1k', 'hf-hub:timm/resnet101.a1h_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_550_000,
    forwardGflopsPerSample: 15.66, // 224x224
    smallerSiblings: ['timm/resnet50', 'timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.778,
      source: 'timm results/results-imagenet.csv: resnet101.a1h_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet101 44.55M params, 7.83 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnet152',
    aliases: ['timm/resnet152.a1h_in1k', 'hf-hub:timm/resnet152.a1h_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_190_000,
    forwardGflopsPerSample: 23.12, // 224x224
    smallerSiblings: ['timm/resnet101', 'timm/resnet50', 'timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.45,
      source: 'timm results/results-imagenet.csv: resnet152.a1h_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet152 60.19M params, 11.56 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnet50d',
    aliases: ['timm/resnet50d.ra2_in1k', 'hf-hub:timm/resnet50d.ra2_in1k', 'resnet50d'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_580_000,
    forwardGflopsPerSample: 8.7, // 224x224
    smallerSiblings: ['timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.356,
      source: 'timm results/results-imagenet.csv: resnet50d.ra2_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnet50d 25.58M params, 4.35 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/resnext50_32x4d',
    aliases: ['timm/resnext50_32x4d.a1h_in1k', 'hf-hub:timm/resnext50_32x4d.a1h_in1k'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_030_000,
    forwardGflopsPerSample: 8.52, // 224x224
    smallerSiblings: ['timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.014,
      source: 'timm results/results-imagenet.csv: resnext50_32x4d.a1h_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnext50_32x4d 25.03M params, 4.26 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/seresnext50_32x4d',
    aliases: ['timm/seresnext50_32x4d.racm_in1k', 'hf-hub:timm/seresnext50_32x4d.racm_in1k', 'seresnext50_32x4d'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 27_560_000,
    forwardGflopsPerSample: 8.52, // 224x224
    smallerSiblings: ['timm/resnet34', 'timm/resnet18'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.196,
      source: 'timm results/results-imagenet.csv: seresnext50_32x4d.racm_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): seresnext50_32x4d 27.56M params, 4.26 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/efficientnet_b0',
    aliases: ['timm/efficientnet_b0.ra_in1k', 'hf-hub:timm/efficientnet_b0.ra_in1k'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_290_000,
    forwardGflopsPerSample: 0.8, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.694,
      source: 'timm results/results-imagenet.csv: efficientnet_b0.ra_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnet_b0 5.29M params, 0.4 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/efficientnet_b1',
    aliases: ['timm/efficientnet_b1.ft_in1k', 'hf-hub:timm/efficientnet_b1.ft_in1k'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_790_000,
    forwardGflopsPerSample: 1.42, // 240x240
    smallerSiblings: ['timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.8,
      source: 'timm results/results-imagenet.csv: efficientnet_b1.ft_in1k top1 (evaluated at 256x256)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnet_b1 7.79M params, 0.71 GMACs at 240x240 (stored x2)',
  },
  {
    id: 'timm/efficientnet_b2',
    aliases: ['timm/efficientnet_b2.ra_in1k', 'hf-hub:timm/efficientnet_b2.ra_in1k'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_110_000,
    forwardGflopsPerSample: 1.78, // 256x256
    smallerSiblings: ['timm/efficientnet_b1', 'timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.61,
      source: 'timm results/results-imagenet.csv: efficientnet_b2.ra_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnet_b2 9.11M params, 0.89 GMACs at 256x256 (stored x2)',
  },
  {
    id: 'timm/efficientnet_b3',
    aliases: ['timm/efficientnet_b3.ra2_in1k', 'hf-hub:timm/efficientnet_b3.ra2_in1k'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 12_230_000,
    forwardGflopsPerSample: 3.26, // 288x288
    smallerSiblings: ['timm/efficientnet_b2', 'timm/efficientnet_b1', 'timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.242,
      source: 'timm results/results-imagenet.csv: efficientnet_b3.ra2_in1k top1 (evaluated at 320x320)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnet_b3 12.23M params, 1.63 GMACs at 288x288 (stored x2)',
  },
  {
    id: 'timm/efficientnet_b4',
    aliases: ['timm/efficientnet_b4.ra2_in1k', 'hf-hub:timm/efficientnet_b4.ra2_in1k'],
    family: 'efficientnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_340_000,
    forwardGflopsPerSample: 6.26, // 320x320
    smallerSiblings: ['timm/efficientnet_b3', 'timm/efficientnet_b2', 'timm/efficientnet_b1', 'timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.414,
      source: 'timm results/results-imagenet.csv: efficientnet_b4.ra2_in1k top1 (evaluated at 384x384)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnet_b4 19.34M params, 3.13 GMACs at 320x320 (stored x2)',
  },
  {
    id: 'timm/efficientnetv2_rw_s',
    aliases: ['timm/efficientnetv2_rw_s.ra2_in1k', 'hf-hub:timm/efficientnetv2_rw_s.ra2_in1k', 'efficientnetv2_rw_s'],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 23_940_000,
    forwardGflopsPerSample: 9.82, // 288x288
    smallerSiblings: ['timm/efficientnet_b3', 'timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.808,
      source: 'timm results/results-imagenet.csv: efficientnetv2_rw_s.ra2_in1k top1 (evaluated at 384x384)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): efficientnetv2_rw_s 23.94M params, 4.91 GMACs at 288x288 (stored x2)',
  },
  {
    id: 'timm/tf_efficientnetv2_s',
    aliases: [
      'timm/tf_efficientnetv2_s.in21k_ft_in1k',
      'hf-hub:timm/tf_efficientnetv2_s.in21k_ft_in1k',
      'tf_efficientnetv2_s',
    ],
    family: 'efficientnet-v2',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_460_000,
    forwardGflopsPerSample: 10.7, // 300x300
    smallerSiblings: ['timm/efficientnet_b3', 'timm/efficientnet_b0'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.288,
      source: 'timm results/results-imagenet.csv: tf_efficientnetv2_s.in21k_ft_in1k top1 (evaluated at 384x384)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): tf_efficientnetv2_s 21.46M params, 5.35 GMACs at 300x300 (stored x2)',
  },
  {
    id: 'timm/mobilenetv2_100',
    aliases: ['timm/mobilenetv2_100.ra_in1k', 'hf-hub:timm/mobilenetv2_100.ra_in1k', 'mobilenetv2_100'],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_500_000,
    forwardGflopsPerSample: 0.62, // 224x224
    smallerSiblings: ['timm/mobilenetv3_small_100'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 72.976,
      source: 'timm results/results-imagenet.csv: mobilenetv2_100.ra_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): mobilenetv2_100 3.5M params, 0.31 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/mobilenetv3_small_100',
    aliases: [
      'timm/mobilenetv3_small_100.lamb_in1k',
      'hf-hub:timm/mobilenetv3_small_100.lamb_in1k',
      'mobilenetv3_small_100',
    ],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_540_000,
    forwardGflopsPerSample: 0.12, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 67.656,
      source: 'timm results/results-imagenet.csv: mobilenetv3_small_100.lamb_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): mobilenetv3_small_100 2.54M params, 0.06 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/mobilenetv3_large_100',
    aliases: [
      'timm/mobilenetv3_large_100.ra_in1k',
      'hf-hub:timm/mobilenetv3_large_100.ra_in1k',
      'mobilenetv3_large_100',
    ],
    family: 'mobilenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_480_000,
    forwardGflopsPerSample: 0.46, // 224x224
    smallerSiblings: ['timm/mobilenetv3_small_100'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.766,
      source: 'timm results/results-imagenet.csv: mobilenetv3_large_100.ra_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): mobilenetv3_large_100 5.48M params, 0.23 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/ghostnet_100',
    aliases: ['timm/ghostnet_100.in1k', 'hf-hub:timm/ghostnet_100.in1k', 'ghostnet_100'],
    family: 'ghostnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_180_000,
    forwardGflopsPerSample: 0.3, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 73.982,
      source: 'timm results/results-imagenet.csv: ghostnet_100.in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): ghostnet_100 5.18M params, 0.15 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/mobilevit_s',
    aliases: ['timm/mobilevit_s.cvnets_in1k', 'hf-hub:timm/mobilevit_s.cvnets_in1k', 'mobilevit_s'],
    family: 'mobilevit',
    architecture: 'vit',
    modality: 'vision',
    params: 5_580_000,
    forwardGflopsPerSample: 4.06, // 256x256
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.312,
      source: 'timm results/results-imagenet.csv: mobilevit_s.cvnets_in1k top1 (evaluated at 256x256)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): mobilevit_s 5.58M params, 2.03 GMACs at 256x256 (stored x2)',
  },
  {
    id: 'timm/densenet121',
    aliases: ['timm/densenet121.ra_in1k', 'hf-hub:timm/densenet121.ra_in1k'],
    family: 'densenet',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_980_000,
    forwardGflopsPerSample: 5.74, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.5,
      source: 'timm results/results-imagenet.csv: densenet121.ra_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): densenet121 7.98M params, 2.87 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/inception_v3',
    aliases: ['timm/inception_v3.tf_in1k', 'hf-hub:timm/inception_v3.tf_in1k'],
    family: 'inception',
    architecture: 'cnn',
    modality: 'vision',
    params: 23_830_000,
    forwardGflopsPerSample: 11.46, // 299x299
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 77.862,
      source: 'timm results/results-imagenet.csv: inception_v3.tf_in1k top1 (evaluated at 299x299)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): inception_v3 23.83M params, 5.73 GMACs at 299x299 (stored x2)',
  },
  {
    id: 'timm/xception65',
    aliases: ['timm/xception65.ra3_in1k', 'hf-hub:timm/xception65.ra3_in1k', 'xception65'],
    family: 'xception',
    architecture: 'cnn',
    modality: 'vision',
    params: 39_920_000,
    forwardGflopsPerSample: 27.92, // 299x299
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.182,
      source: 'timm results/results-imagenet.csv: xception65.ra3_in1k top1 (evaluated at 299x299)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): xception65 39.92M params, 13.96 GMACs at 299x299 (stored x2)',
  },
  {
    id: 'timm/cspdarknet53',
    aliases: ['timm/cspdarknet53.ra_in1k', 'hf-hub:timm/cspdarknet53.ra_in1k', 'cspdarknet53'],
    family: 'darknet',
    architecture: 'cnn',
    modality: 'vision',
    params: 27_640_000,
    forwardGflopsPerSample: 13.14, // 256x256
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.062,
      source: 'timm results/results-imagenet.csv: cspdarknet53.ra_in1k top1 (evaluated at 256x256)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): cspdarknet53 27.64M params, 6.57 GMACs at 256x256 (stored x2)',
  },
  {
    id: 'timm/hrnet_w18',
    aliases: ['timm/hrnet_w18.ms_aug_in1k', 'hf-hub:timm/hrnet_w18.ms_aug_in1k', 'hrnet_w18'],
    family: 'hrnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_300_000,
    forwardGflopsPerSample: 8.64, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 78.126,
      source: 'timm results/results-imagenet.csv: hrnet_w18.ms_aug_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hrnet_w18 21.3M params, 4.32 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/regnety_032',
    aliases: ['timm/regnety_032.ra_in1k', 'hf-hub:timm/regnety_032.ra_in1k', 'regnety_032'],
    family: 'regnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 19_440_000,
    forwardGflopsPerSample: 6.4, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.728,
      source: 'timm results/results-imagenet.csv: regnety_032.ra_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): regnety_032 19.44M params, 3.2 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/convnext_nano',
    aliases: ['timm/convnext_nano.in12k_ft_in1k', 'hf-hub:timm/convnext_nano.in12k_ft_in1k', 'convnext_nano'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 15_590_000,
    forwardGflopsPerSample: 4.92, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.862,
      source: 'timm results/results-imagenet.csv: convnext_nano.in12k_ft_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): convnext_nano 15.59M params, 2.46 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/convnext_tiny',
    aliases: ['timm/convnext_tiny.fb_in1k', 'hf-hub:timm/convnext_tiny.fb_in1k'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_590_000,
    forwardGflopsPerSample: 8.94, // 224x224
    smallerSiblings: ['timm/convnext_nano'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.698,
      source: 'timm results/results-imagenet.csv: convnext_tiny.fb_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): convnext_tiny 28.59M params, 4.47 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/convnext_small',
    aliases: ['timm/convnext_small.fb_in1k', 'hf-hub:timm/convnext_small.fb_in1k'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 50_220_000,
    forwardGflopsPerSample: 17.42, // 224x224
    smallerSiblings: ['timm/convnext_tiny', 'timm/convnext_nano'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.7,
      source: 'timm results/results-imagenet.csv: convnext_small.fb_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): convnext_small 50.22M params, 8.71 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/convnext_base',
    aliases: ['timm/convnext_base.fb_in1k', 'hf-hub:timm/convnext_base.fb_in1k'],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_590_000,
    forwardGflopsPerSample: 30.76, // 224x224
    smallerSiblings: ['timm/convnext_small', 'timm/convnext_tiny', 'timm/convnext_nano'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.428,
      source: 'timm results/results-imagenet.csv: convnext_base.fb_in1k top1 (evaluated at 288x288)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): convnext_base 88.59M params, 15.38 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/vit_tiny_patch16_224',
    aliases: [
      'timm/vit_tiny_patch16_224.augreg_in21k_ft_in1k',
      'hf-hub:timm/vit_tiny_patch16_224.augreg_in21k_ft_in1k',
      'vit_tiny_patch16_224',
    ],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 5_720_000,
    forwardGflopsPerSample: 2.52, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 75.454,
      source:
        'timm results/results-imagenet.csv: vit_tiny_patch16_224.augreg_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_tiny_patch16_224 5.72M params, 1.26 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_xxtiny',
    aliases: ['gc_vit_xxtiny', 'gcvit_xxtiny'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 12_000_000,
    forwardGflopsPerSample: 4.2, // 224x224
    smallerSiblings: [],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-XXT 12M params, 2.1 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_xtiny',
    aliases: ['gc_vit_xtiny', 'gcvit_xtiny'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 20_000_000,
    forwardGflopsPerSample: 5.2, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_xxtiny'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-XT 20M params, 2.6 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_tiny',
    aliases: ['gc_vit_tiny', 'gcvit_tiny'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 28_000_000,
    forwardGflopsPerSample: 9.4, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_xtiny'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-T 28M params, 4.7 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_tiny2',
    aliases: ['gc_vit_tiny2'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 34_000_000,
    forwardGflopsPerSample: 11.0, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_tiny'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-T2 34M params, 5.5 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_small',
    aliases: ['gc_vit_small', 'gcvit_small'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 51_000_000,
    forwardGflopsPerSample: 17.0, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_tiny2'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-S 51M params, 8.5 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_small2',
    aliases: ['gc_vit_small2'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 68_000_000,
    forwardGflopsPerSample: 21.4, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_small'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-S2 68M params, 10.7 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_base',
    aliases: ['gc_vit_base', 'gcvit_base'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 90_000_000,
    forwardGflopsPerSample: 29.6, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_small2'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-B 90M params, 14.8 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'NVlabs/GCVit:gc_vit_large',
    aliases: ['gc_vit_large'],
    family: 'gc-vit',
    architecture: 'vit',
    modality: 'vision',
    params: 201_000_000,
    forwardGflopsPerSample: 65.2, // 224x224
    smallerSiblings: ['NVlabs/GCVit:gc_vit_base'],
    source:
      'nvidia/GCViT model card (Hugging Face README), "ImageNet-1K Pretrained Models": GC ViT-L 201M params, 32.6 GFLOPs at 224x224, multiply-adds as Swin counts them (stored x2); Hatamizadeh et al. 2023, "Global Context Vision Transformers", arXiv:2206.09959',
  },
  {
    id: 'timm/vit_small_patch16_224',
    aliases: [
      'timm/vit_small_patch16_224.augreg_in21k_ft_in1k',
      'hf-hub:timm/vit_small_patch16_224.augreg_in21k_ft_in1k',
      'vit_small_patch16_224',
    ],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 22_050_000,
    forwardGflopsPerSample: 9.22, // 224x224
    smallerSiblings: ['timm/vit_tiny_patch16_224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.384,
      source:
        'timm results/results-imagenet.csv: vit_small_patch16_224.augreg_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_small_patch16_224 22.05M params, 4.61 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/vit_base_patch32_224',
    aliases: [
      'timm/vit_base_patch32_224.augreg_in21k_ft_in1k',
      'hf-hub:timm/vit_base_patch32_224.augreg_in21k_ft_in1k',
      'vit_base_patch32_224',
    ],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 88_220_000,
    forwardGflopsPerSample: 8.82, // 224x224
    smallerSiblings: ['timm/vit_small_patch16_224', 'timm/vit_tiny_patch16_224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 80.716,
      source:
        'timm results/results-imagenet.csv: vit_base_patch32_224.augreg_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_base_patch32_224 88.22M params, 4.41 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/vit_base_patch16_224',
    aliases: [
      'timm/vit_base_patch16_224.augreg2_in21k_ft_in1k',
      'hf-hub:timm/vit_base_patch16_224.augreg2_in21k_ft_in1k',
      'vit_base_patch16_224',
    ],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_570_000,
    forwardGflopsPerSample: 35.16, // 224x224
    smallerSiblings: ['timm/vit_base_patch32_224', 'timm/vit_small_patch16_224', 'timm/vit_tiny_patch16_224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.096,
      source:
        'timm results/results-imagenet.csv: vit_base_patch16_224.augreg2_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_base_patch16_224 86.57M params, 17.58 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/vit_large_patch16_224',
    aliases: [
      'timm/vit_large_patch16_224.augreg_in21k_ft_in1k',
      'hf-hub:timm/vit_large_patch16_224.augreg_in21k_ft_in1k',
      'vit_large_patch16_224',
    ],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 304_330_000,
    forwardGflopsPerSample: 123.2, // 224x224
    smallerSiblings: ['timm/vit_base_patch16_224', 'timm/vit_small_patch16_224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.834,
      source:
        'timm results/results-imagenet.csv: vit_large_patch16_224.augreg_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_large_patch16_224 304.33M params, 61.6 GMACs at 224x224 (stored x2)',
  },
  {
    // ViT-H/14 (Dosovitskiy et al. 2020): width 1280, 32 layers, MLP 5120, 14-pixel patches.
    id: 'timm/vit_huge_patch14_224',
    aliases: ['vit_huge_patch14_224'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 630_760_000,
    forwardGflopsPerSample: 334.8, // 224x224
    smallerSiblings: ['timm/vit_large_patch16_224', 'timm/vit_base_patch16_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_huge_patch14_224 630.76M params, 167.4 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 50 at width x1; released as
    // BiT-S/BiT-M-R50x1 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_50x1_bit',
    aliases: ['resnetv2_50x1_bit', 'BiT-M-R50x1', 'BiT-S-R50x1', 'BiT-M-R50x1-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_550_000,
    forwardGflopsPerSample: 8.46, // 224x224
    smallerSiblings: [],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_50x1_bit 25.55M params, 4.23 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 101 at width x1; released as
    // BiT-S/BiT-M-R101x1 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_101x1_bit',
    aliases: ['resnetv2_101x1_bit', 'BiT-M-R101x1', 'BiT-S-R101x1', 'BiT-M-R101x1-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_540_000,
    forwardGflopsPerSample: 16.08, // 224x224
    smallerSiblings: ['timm/resnetv2_50x1_bit'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_101x1_bit 44.54M params, 8.04 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 50 at width x3; released as
    // BiT-S/BiT-M-R50x3 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_50x3_bit',
    aliases: ['resnetv2_50x3_bit', 'BiT-M-R50x3', 'BiT-S-R50x3', 'BiT-M-R50x3-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 217_320_000,
    forwardGflopsPerSample: 74.12, // 224x224
    smallerSiblings: ['timm/resnetv2_101x1_bit', 'timm/resnetv2_50x1_bit'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_50x3_bit 217.32M params, 37.06 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 101 at width x3; released as
    // BiT-S/BiT-M-R101x3 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_101x3_bit',
    aliases: ['resnetv2_101x3_bit', 'BiT-M-R101x3', 'BiT-S-R101x3', 'BiT-M-R101x3-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 387_930_000,
    forwardGflopsPerSample: 142.46, // 224x224
    smallerSiblings: ['timm/resnetv2_50x3_bit', 'timm/resnetv2_101x1_bit'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_101x3_bit 387.93M params, 71.23 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 152 at width x2; released as
    // BiT-S/BiT-M-R152x2 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_152x2_bit',
    aliases: ['resnetv2_152x2_bit', 'BiT-M-R152x2', 'BiT-S-R152x2', 'BiT-M-R152x2-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 236_340_000,
    forwardGflopsPerSample: 93.9, // 224x224
    smallerSiblings: ['timm/resnetv2_101x1_bit', 'timm/resnetv2_50x1_bit'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_152x2_bit 236.34M params, 46.95 GMACs at 224x224 (stored x2)',
  },
  {
    // Big Transfer (Kolesnikov et al. 2020, google-research/big_transfer): ResNet-v2 152 at width x4; released as
    // BiT-S/BiT-M-R152x4 (ImageNet-1k / ImageNet-21k upstream), the figures here with a 1000-class head.
    id: 'timm/resnetv2_152x4_bit',
    aliases: ['resnetv2_152x4_bit', 'BiT-M-R152x4', 'BiT-S-R152x4', 'BiT-M-R152x4-ILSVRC2012'],
    family: 'bit',
    architecture: 'cnn',
    modality: 'vision',
    params: 936_530_000,
    forwardGflopsPerSample: 373.8, // 224x224
    smallerSiblings: ['timm/resnetv2_101x3_bit', 'timm/resnetv2_152x2_bit'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): resnetv2_152x4_bit 936.53M params, 186.9 GMACs at 224x224 (stored x2)',
  },
  // ---------------- MiDaS monocular depth releases (isl-org/MiDaS; hubconf and run.py --model_type names) ----------------
  {
    id: 'isl-org/MiDaS:midas_v21_small_256',
    aliases: ['midas_v21_small', 'MiDaS_small', 'midas_v21_small_256'],
    family: 'midas',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_000_000,
    smallerSiblings: [],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: midas_v21_small_256 21M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_swin2_tiny_256',
    aliases: ['dpt_swin2_tiny_256', 'DPT_SwinV2_T_256'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 42_000_000,
    smallerSiblings: ['isl-org/MiDaS:midas_v21_small_256'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_swin2_tiny_256 42M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_levit_224',
    aliases: ['dpt_levit_224', 'DPT_LeViT_224'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 51_000_000,
    smallerSiblings: ['isl-org/MiDaS:midas_v21_small_256'],
    source: 'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_levit_224 51M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_next_vit_large_384',
    aliases: ['dpt_next_vit_large_384', 'DPT_Next_ViT_L_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 72_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_levit_224'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_next_vit_large_384 72M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_swin2_base_384',
    aliases: ['dpt_swin2_base_384', 'DPT_SwinV2_B_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 102_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_swin2_tiny_256'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_swin2_base_384 102M parameters',
  },
  {
    id: 'isl-org/MiDaS:midas_v21_384',
    aliases: ['midas_v21_384', 'midas_v21', 'MiDaS'],
    family: 'midas',
    architecture: 'cnn',
    modality: 'vision',
    params: 105_000_000,
    smallerSiblings: ['isl-org/MiDaS:midas_v21_small_256'],
    source: 'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: midas_v21_384 105M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_beit_base_384',
    aliases: ['dpt_beit_base_384', 'DPT_BEiT_B_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 112_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_swin2_base_384'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_beit_base_384 112M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_hybrid_384',
    aliases: ['dpt_hybrid_384', 'dpt_hybrid', 'DPT_Hybrid'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 123_000_000,
    smallerSiblings: ['isl-org/MiDaS:midas_v21_384'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_hybrid_384 123M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_swin2_large_384',
    aliases: ['dpt_swin2_large_384', 'DPT_SwinV2_L_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 213_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_swin2_base_384', 'isl-org/MiDaS:dpt_swin2_tiny_256'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_swin2_large_384 213M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_swin_large_384',
    aliases: ['dpt_swin_large_384', 'DPT_Swin_L_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 213_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_swin2_base_384'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_swin_large_384 213M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_large_384',
    aliases: ['dpt_large_384', 'dpt_large', 'DPT_Large'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 344_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_hybrid_384', 'isl-org/MiDaS:midas_v21_384'],
    source: 'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_large_384 344M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_beit_large_384',
    aliases: ['dpt_beit_large_384', 'DPT_BEiT_L_384'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 344_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_beit_base_384', 'isl-org/MiDaS:dpt_swin2_large_384'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_beit_large_384 344M parameters',
  },
  {
    id: 'isl-org/MiDaS:dpt_beit_large_512',
    aliases: ['dpt_beit_large_512', 'DPT_BEiT_L_512'],
    family: 'midas',
    architecture: 'vit',
    modality: 'vision',
    params: 345_000_000,
    smallerSiblings: ['isl-org/MiDaS:dpt_beit_base_384', 'isl-org/MiDaS:dpt_swin2_large_384'],
    source:
      'isl-org/MiDaS README.md (commit 45459771), Accuracy table, "Par. M" column: dpt_beit_large_512 345M parameters',
  },
  {
    // RAFT (Teed & Deng 2020, princeton-vl/RAFT): optical flow by recurrent all-pairs field transforms; torchvision
    // carries the same network (weights ported from the authors' repository).
    id: 'torchvision/raft_large',
    aliases: ['raft_large', 'raft'],
    family: 'raft',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_257_536,
    forwardGflopsPerSample: 211.007,
    smallerSiblings: ['torchvision/raft_small'],
    source:
      'torchvision torchvision/models/optical_flow/raft.py, Raft_Large_Weights meta: num_params 5257536, _ops 211.007 GFLOPS (C_T_V1 "ported from https://github.com/princeton-vl/RAFT"); Teed & Deng 2020, arXiv:2003.12039: 5.3M parameters with the upsampling module',
  },
  {
    id: 'torchvision/raft_small',
    aliases: ['raft_small', 'raft-s'],
    family: 'raft',
    architecture: 'cnn',
    modality: 'vision',
    params: 990_162,
    forwardGflopsPerSample: 47.655,
    smallerSiblings: [],
    source:
      'torchvision torchvision/models/optical_flow/raft.py, Raft_Small_Weights meta: num_params 990162, _ops 47.655 GFLOPS; Teed & Deng 2020, arXiv:2003.12039: RAFT-S 1.0M parameters',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_tiny_224',
    aliases: ['hiera_tiny_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 27_910_000,
    forwardGflopsPerSample: 9.82, // 224x224
    smallerSiblings: [],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_tiny_224 27.91M params, 4.91 GMACs at 224x224 (stored x2)',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_small_224',
    aliases: ['hiera_small_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 35_010_000,
    forwardGflopsPerSample: 12.84, // 224x224
    smallerSiblings: ['timm/hiera_tiny_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_small_224 35.01M params, 6.42 GMACs at 224x224 (stored x2)',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_base_224',
    aliases: ['hiera_base_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 51_520_000,
    forwardGflopsPerSample: 18.8, // 224x224
    smallerSiblings: ['timm/hiera_small_224', 'timm/hiera_tiny_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_base_224 51.52M params, 9.4 GMACs at 224x224 (stored x2)',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_base_plus_224',
    aliases: ['hiera_base_plus_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 69_900_000,
    forwardGflopsPerSample: 25.34, // 224x224
    smallerSiblings: ['timm/hiera_base_224', 'timm/hiera_small_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_base_plus_224 69.9M params, 12.67 GMACs at 224x224 (stored x2)',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_large_224',
    aliases: ['hiera_large_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 213_740_000,
    forwardGflopsPerSample: 80.68, // 224x224
    smallerSiblings: ['timm/hiera_base_plus_224', 'timm/hiera_base_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_large_224 213.74M params, 40.34 GMACs at 224x224 (stored x2)',
  },
  {
    // Hiera (Ryali et al. 2023, facebookresearch/hiera): a hierarchical vision transformer; the image model at 224x224.
    id: 'timm/hiera_huge_224',
    aliases: ['hiera_huge_224'],
    family: 'hiera',
    architecture: 'vit',
    modality: 'vision',
    params: 672_780_000,
    forwardGflopsPerSample: 249.7, // 224x224
    smallerSiblings: ['timm/hiera_large_224', 'timm/hiera_base_plus_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): hiera_huge_224 672.78M params, 124.85 GMACs at 224x224 (stored x2)',
  },
  {
    // ViT-g/14 of "Scaling Vision Transformers" (Zhai et al. 2021, arXiv:2106.04560): width 1408, 40 layers, MLP 6144;
    // not DINOv2's ViT-g/14 (width 1536, SwiGLU MLP, 1.14B).
    id: 'timm/vit_giant_patch14_224',
    aliases: ['vit_giant_patch14_224'],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 1_012_610_000,
    forwardGflopsPerSample: 534.36, // 224x224
    smallerSiblings: ['timm/vit_huge_patch14_224', 'timm/vit_large_patch16_224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): vit_giant_patch14_224 1012.61M params, 267.18 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/deit3_base_patch16_224',
    aliases: [
      'timm/deit3_base_patch16_224.fb_in1k',
      'hf-hub:timm/deit3_base_patch16_224.fb_in1k',
      'deit3_base_patch16_224',
    ],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_590_000,
    forwardGflopsPerSample: 35.16, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.786,
      source: 'timm results/results-imagenet.csv: deit3_base_patch16_224.fb_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): deit3_base_patch16_224 86.59M params, 17.58 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/swin_base_patch4_window7_224',
    aliases: [
      'timm/swin_base_patch4_window7_224.ms_in22k_ft_in1k',
      'hf-hub:timm/swin_base_patch4_window7_224.ms_in22k_ft_in1k',
      'swin_base_patch4_window7_224',
    ],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 87_770_000,
    forwardGflopsPerSample: 30.94, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.272,
      source:
        'timm results/results-imagenet.csv: swin_base_patch4_window7_224.ms_in22k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): swin_base_patch4_window7_224 87.77M params, 15.47 GMACs at 224x224 (stored x2)',
  },
  {
    id: 'timm/mixer_b16_224',
    // `Mixer-B_16`: the name of Google's checkpoint (github.com/google-research/vision_transformer README, MLP-Mixer
    // models: gs://mixer_models/imagenet21k/Mixer-B_16.npz), which timm ports as mixer_b16_224.goog_in21k_ft_in1k;
    // `mixer_b16`: its config registry's name (models.get_mixer_b16_config).
    aliases: [
      'timm/mixer_b16_224.goog_in21k_ft_in1k',
      'hf-hub:timm/mixer_b16_224.goog_in21k_ft_in1k',
      'mixer_b16_224',
      'Mixer-B_16',
      'mixer_b16',
    ],
    family: 'mlp-mixer',
    architecture: 'other',
    modality: 'vision',
    params: 59_880_000,
    forwardGflopsPerSample: 25.24, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 76.602,
      source: 'timm results/results-imagenet.csv: mixer_b16_224.goog_in21k_ft_in1k top1 (evaluated at 224x224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): mixer_b16_224 59.88M params, 12.62 GMACs at 224x224 (stored x2)',
  },
  // ---------------- SAM / DINOv2 / DETR / YOLO ----------------
  {
    id: 'timm/samvit_base_patch16',
    aliases: ['timm/samvit_base_patch16.sa1b', 'sam_vit_b'],
    family: 'sam',
    architecture: 'vit',
    modality: 'vision',
    params: 89_670_000,
    forwardGflopsPerSample: 972.86, // 1024x1024
    smallerSiblings: [],
    source:
      'timm samvit_* (SAM image encoder ported from facebookresearch/segment-anything); timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): samvit_base_patch16 89.67M params (image encoder only; the SAM prompt encoder and mask decoder add ~4M), 486.43 GMACs at 1024 (stored x2)',
  },
  {
    id: 'timm/samvit_large_patch16',
    aliases: ['timm/samvit_large_patch16.sa1b', 'sam_vit_l'],
    family: 'sam',
    architecture: 'vit',
    modality: 'vision',
    params: 308_280_000,
    forwardGflopsPerSample: 2987.72, // 1024x1024
    smallerSiblings: ['timm/samvit_base_patch16'],
    source:
      'timm samvit_* (SAM image encoder ported from facebookresearch/segment-anything); timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): samvit_large_patch16 308.28M params (image encoder only; the SAM prompt encoder and mask decoder add ~4M), 1493.86 GMACs at 1024 (stored x2)',
  },
  {
    id: 'timm/samvit_huge_patch16',
    aliases: ['timm/samvit_huge_patch16.sa1b', 'sam_vit_h'],
    family: 'sam',
    architecture: 'vit',
    modality: 'vision',
    params: 637_030_000,
    forwardGflopsPerSample: 5964.46, // 1024x1024
    smallerSiblings: ['timm/samvit_large_patch16', 'timm/samvit_base_patch16'],
    source:
      'timm samvit_* (SAM image encoder ported from facebookresearch/segment-anything); timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv (param_count M, infer_gmacs): samvit_huge_patch16 637.03M params (image encoder only; the SAM prompt encoder and mask decoder add ~4M), 2982.23 GMACs at 1024 (stored x2); sam_vit_b/l/h: the keys of segment-anything\'s sam_model_registry (build_sam.py; "default" is vit_h) and its checkpoint names sam_vit_h_4b8939.pth, sam_vit_l_0b3195.pth, sam_vit_b_01ec64.pth (README, Model Checkpoints)',
  },
  {
    id: 'facebook/sam2.1-hiera-tiny',
    aliases: ['sam2.1_hiera_tiny', 'sam2.1_hiera_t'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 38_900_000,
    smallerSiblings: [],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2.1 checkpoints table (released September 29, 2024): sam2.1_hiera_tiny 38.9M (Size (M) column); config sam2.1_hiera_t.yaml, checkpoint sam2.1_hiera_tiny.pt',
  },
  {
    id: 'facebook/sam2.1-hiera-small',
    aliases: ['sam2.1_hiera_small', 'sam2.1_hiera_s'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 46_000_000,
    smallerSiblings: ['facebook/sam2.1-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2.1 checkpoints table (released September 29, 2024): sam2.1_hiera_small 46M (Size (M) column); config sam2.1_hiera_s.yaml, checkpoint sam2.1_hiera_small.pt',
  },
  {
    id: 'facebook/sam2.1-hiera-base-plus',
    aliases: ['sam2.1_hiera_base_plus', 'sam2.1_hiera_b+'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 80_800_000,
    smallerSiblings: ['facebook/sam2.1-hiera-small', 'facebook/sam2.1-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2.1 checkpoints table (released September 29, 2024): sam2.1_hiera_base_plus 80.8M (Size (M) column); config sam2.1_hiera_b+.yaml, checkpoint sam2.1_hiera_base_plus.pt',
  },
  {
    id: 'facebook/sam2.1-hiera-large',
    aliases: ['sam2.1_hiera_large', 'sam2.1_hiera_l'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 224_400_000,
    smallerSiblings: ['facebook/sam2.1-hiera-base-plus', 'facebook/sam2.1-hiera-small', 'facebook/sam2.1-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2.1 checkpoints table (released September 29, 2024): sam2.1_hiera_large 224.4M (Size (M) column); config sam2.1_hiera_l.yaml, checkpoint sam2.1_hiera_large.pt',
  },
  {
    id: 'facebook/sam2-hiera-tiny',
    aliases: ['sam2_hiera_tiny', 'sam2_hiera_t'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 38_900_000,
    smallerSiblings: [],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2 checkpoints table (released July 29, 2024): sam2_hiera_tiny 38.9M (Size (M) column); config sam2_hiera_t.yaml, checkpoint sam2_hiera_tiny.pt',
  },
  {
    id: 'facebook/sam2-hiera-small',
    aliases: ['sam2_hiera_small', 'sam2_hiera_s'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 46_000_000,
    smallerSiblings: ['facebook/sam2-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2 checkpoints table (released July 29, 2024): sam2_hiera_small 46M (Size (M) column); config sam2_hiera_s.yaml, checkpoint sam2_hiera_small.pt',
  },
  {
    id: 'facebook/sam2-hiera-base-plus',
    aliases: ['sam2_hiera_base_plus', 'sam2_hiera_b+'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 80_800_000,
    smallerSiblings: ['facebook/sam2-hiera-small', 'facebook/sam2-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2 checkpoints table (released July 29, 2024): sam2_hiera_base_plus 80.8M (Size (M) column); config sam2_hiera_b+.yaml, checkpoint sam2_hiera_base_plus.pt',
  },
  {
    id: 'facebook/sam2-hiera-large',
    aliases: ['sam2_hiera_large', 'sam2_hiera_l'],
    family: 'sam2',
    architecture: 'vit',
    modality: 'vision',
    params: 224_400_000,
    smallerSiblings: ['facebook/sam2-hiera-base-plus', 'facebook/sam2-hiera-small', 'facebook/sam2-hiera-tiny'],
    source:
      'facebookresearch/sam2 README, Model Description, SAM 2 checkpoints table (released July 29, 2024): sam2_hiera_large 224.4M (Size (M) column); config sam2_hiera_l.yaml, checkpoint sam2_hiera_large.pt',
  },
  {
    id: 'facebook/dinov2-small',
    aliases: ['timm/vit_small_patch14_dinov2.lvd142m'],
    family: 'dinov2',
    architecture: 'vit',
    modality: 'vision',
    params: 22_060_000,
    forwardGflopsPerSample: 93.52, // 518x518
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k linear probe top-1 (%)',
      score: 81.1,
      source: 'facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: vit_small_patch14_dinov2 22.06M params, 46.76 GMACs at 518 (stored x2); facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
  },
  {
    id: 'facebook/dinov2-base',
    aliases: ['timm/vit_base_patch14_dinov2.lvd142m'],
    family: 'dinov2',
    architecture: 'vit',
    modality: 'vision',
    params: 86_580_000,
    forwardGflopsPerSample: 303.42, // 518x518
    smallerSiblings: ['facebook/dinov2-small'],
    quality: {
      benchmark: 'ImageNet-1k linear probe top-1 (%)',
      score: 84.5,
      source: 'facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: vit_base_patch14_dinov2 86.58M params, 151.71 GMACs at 518 (stored x2); facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
  },
  {
    id: 'facebook/dinov2-large',
    aliases: ['timm/vit_large_patch14_dinov2.lvd142m'],
    family: 'dinov2',
    architecture: 'vit',
    modality: 'vision',
    params: 304_370_000,
    forwardGflopsPerSample: 1014.3, // 518x518
    smallerSiblings: ['facebook/dinov2-base', 'facebook/dinov2-small'],
    quality: {
      benchmark: 'ImageNet-1k linear probe top-1 (%)',
      score: 86.3,
      source: 'facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: vit_large_patch14_dinov2 304.37M params, 507.15 GMACs at 518 (stored x2); facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
  },
  {
    id: 'facebook/dinov2-giant',
    aliases: ['timm/vit_giant_patch14_dinov2.lvd142m'],
    family: 'dinov2',
    architecture: 'vit',
    modality: 'vision',
    params: 1_136_480_000,
    forwardGflopsPerSample: 3568.4, // 518x518
    smallerSiblings: ['facebook/dinov2-large', 'facebook/dinov2-base', 'facebook/dinov2-small'],
    quality: {
      benchmark: 'ImageNet-1k linear probe top-1 (%)',
      score: 86.5,
      source: 'facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: vit_giant_patch14_dinov2 1136.48M params, 1784.2 GMACs at 518 (stored x2); facebookresearch/dinov2 README (params 21M/86M/300M/1,100M; ImageNet linear probe)',
  },
  {
    id: 'depth-anything/Depth-Anything-V2-Small',
    aliases: [
      'Depth-Anything-V2-Small-hf',
      'depth_anything_v2_vits',
      'depth-anything-v2-small',
      'depth_anything_v2_metric_hypersim_vits',
      'depth_anything_v2_metric_vkitti_vits',
      'depth-anything/Depth-Anything-V2-Metric-Hypersim-Small',
      'depth-anything/Depth-Anything-V2-Metric-VKITTI-Small',
    ],
    family: 'depth-anything',
    architecture: 'vit',
    modality: 'vision',
    params: 24_800_000,
    smallerSiblings: [],
    source:
      'Yang et al. 2024, Depth Anything V2, arXiv:2406.09414, and the Hugging Face model cards of depth-anything/Depth-Anything-V2-Small/-Base/-Large (Params: Depth-Anything-V2-Small 24.8M, -Base 97.5M, -Large 335.3M, -Giant 1.3B: a DINOv2 ViT encoder and a DPT head); the metric-depth models (Metric-Hypersim, Metric-VKITTI) are the same networks fine-tuned on metric depth',
  },
  {
    id: 'depth-anything/Depth-Anything-V2-Base',
    aliases: [
      'Depth-Anything-V2-Base-hf',
      'depth_anything_v2_vitb',
      'depth-anything-v2-base',
      'depth_anything_v2_metric_hypersim_vitb',
      'depth_anything_v2_metric_vkitti_vitb',
      'depth-anything/Depth-Anything-V2-Metric-Hypersim-Base',
      'depth-anything/Depth-Anything-V2-Metric-VKITTI-Base',
    ],
    family: 'depth-anything',
    architecture: 'vit',
    modality: 'vision',
    params: 97_500_000,
    smallerSiblings: ['depth-anything/Depth-Anything-V2-Small'],
    source:
      'Yang et al. 2024, Depth Anything V2, arXiv:2406.09414, and the Hugging Face model cards of depth-anything/Depth-Anything-V2-Small/-Base/-Large (Params: Depth-Anything-V2-Small 24.8M, -Base 97.5M, -Large 335.3M, -Giant 1.3B: a DINOv2 ViT encoder and a DPT head); the metric-depth models (Metric-Hypersim, Metric-VKITTI) are the same networks fine-tuned on metric depth',
  },
  {
    id: 'depth-anything/Depth-Anything-V2-Large',
    aliases: [
      'Depth-Anything-V2-Large-hf',
      'depth_anything_v2_vitl',
      'depth-anything-v2-large',
      'depth_anything_v2_metric_hypersim_vitl',
      'depth_anything_v2_metric_vkitti_vitl',
      'depth-anything/Depth-Anything-V2-Metric-Hypersim-Large',
      'depth-anything/Depth-Anything-V2-Metric-VKITTI-Large',
    ],
    family: 'depth-anything',
    architecture: 'vit',
    modality: 'vision',
    params: 335_300_000,
    smallerSiblings: ['depth-anything/Depth-Anything-V2-Base', 'depth-anything/Depth-Anything-V2-Small'],
    source:
      'Yang et al. 2024, Depth Anything V2, arXiv:2406.09414, and the Hugging Face model cards of depth-anything/Depth-Anything-V2-Small/-Base/-Large (Params: Depth-Anything-V2-Small 24.8M, -Base 97.5M, -Large 335.3M, -Giant 1.3B: a DINOv2 ViT encoder and a DPT head); the metric-depth models (Metric-Hypersim, Metric-VKITTI) are the same networks fine-tuned on metric depth',
  },
  {
    // The original release's weights file (groundingdino_swint_ogc.pth, Swin-T trained on O365, GoldG and Cap4M) is
    // the checkpoint the Hub conversion holds; its name is how code that loads the release writes it.
    id: 'IDEA-Research/grounding-dino-tiny',
    aliases: ['groundingdino_swint_ogc'],
    family: 'grounding-dino',
    architecture: 'other',
    modality: 'vision',
    params: 172_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/IDEA-Research/grounding-dino-tiny (Safetensors model size "172M params"); Liu et al. 2023, Grounding DINO, arXiv:2303.05499 (Swin-T, O365+GoldG+Cap4M)',
  },
  {
    id: 'facebook/detr-resnet-50',
    aliases: ['detr-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 41_000_000,
    forwardGflopsPerSample: 172, // avg over first 100 COCO val images (~800px short side)
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 42.0,
      source:
        'Carion et al. 2020, DETR, arXiv:2005.12872, Table 1 (params, GFLOPS via Detectron2 flop_count = multiply-adds, stored x2; AP)',
    },
    source:
      'Carion et al. 2020, DETR, arXiv:2005.12872, Table 1 (params, GFLOPS via Detectron2 flop_count = multiply-adds, stored x2; AP): 41M, 86 GFLOPS',
  },
  {
    id: 'facebook/detr-resnet-101',
    aliases: ['detr-resnet-101'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 60_000_000,
    forwardGflopsPerSample: 304, // avg over first 100 COCO val images (~800px short side)
    smallerSiblings: ['facebook/detr-resnet-50'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 43.5,
      source:
        'Carion et al. 2020, DETR, arXiv:2005.12872, Table 1 (params, GFLOPS via Detectron2 flop_count = multiply-adds, stored x2; AP)',
    },
    source:
      'Carion et al. 2020, DETR, arXiv:2005.12872, Table 1 (params, GFLOPS via Detectron2 flop_count = multiply-adds, stored x2; AP): 60M, 152 GFLOPS',
  },
  // ---------------- DETR-family detectors on a ResNet backbone (whole model, as their papers publish it) ----------------
  {
    id: 'deformable-detr-resnet-50',
    aliases: ['DeformableDETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 40_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): Deformable-DETR R50 40M (Zhu et al. 2021, arXiv:2010.04159, Table 1: 40M with or without box refinement and two-stage)',
  },
  {
    id: 'conditional-detr-resnet-50',
    aliases: ['ConditionalDETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 44_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): Conditional-DETR(-DC5) R50 44M (Meng et al. 2021, arXiv:2108.06152; dilation changes no parameter)',
  },
  {
    id: 'conditional-detr-resnet-101',
    aliases: ['ConditionalDETR-resnet-101'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 63_000_000,
    smallerSiblings: ['conditional-detr-resnet-50'],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): Conditional-DETR(-DC5) R101 63M (Meng et al. 2021, arXiv:2108.06152)',
  },
  {
    id: 'anchor-detr-resnet-50',
    aliases: ['AnchorDETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 39_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): Anchor-DETR(-DC5) R50 39M (Wang et al. 2022, arXiv:2109.07107; dilation changes no parameter)',
  },
  {
    id: 'dab-deformable-detr-resnet-50',
    aliases: ['DabDeformableDETR-resnet-50', 'DABDeformableDETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 48_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): DAB-Deformable-DETR R50 48M (Liu et al. 2022, DAB-DETR, arXiv:2201.12329)',
  },
  {
    id: 'dn-deformable-detr-resnet-50',
    aliases: ['DNDeformableDETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 48_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): DN-Deformable-DETR R50 48M (Li et al. 2022, DN-DETR, arXiv:2203.01305)',
  },
  {
    id: 'maskdino-resnet-50',
    aliases: ['MaskDINO-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 52_000_000,
    smallerSiblings: [],
    source:
      "IDEA-Research/detrex projects/maskdino/README.md, COCO instance segmentation table (the authors' published figure; Li et al. 2023, Mask DINO, arXiv:2206.02777): MaskDINO R50, 50 epochs, default config 52M params (the hidden-dim-1024 variant is 47M)",
  },
  {
    id: 'dino-detr-swin-large',
    aliases: ['DINO-swin-large'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 217_000_000,
    smallerSiblings: [],
    source:
      'alibaba/EasyCV configs/detection/dino README, Params (backbone/total) column: DINO_4sc_swinl 195M/217M (DINO 4-scale on Swin-L; Zhang et al. 2023, DINO, arXiv:2203.03605)',
  },
  {
    id: 'dino-detr-resnet-50',
    aliases: ['DINO-resnet-50', 'DINO-Deformable-DETR-resnet-50'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 47_000_000,
    smallerSiblings: [],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (end-to-end object detectors on COCO val2017, #Params (M) as their papers publish them): DINO-Deformable-DETR R50 47M (Zhang et al. 2023, DINO, arXiv:2203.03605: the 4-scale model; its denoising queries add no parameter)',
  },
  {
    id: 'rtdetr-r18vd',
    aliases: ['rtdetr-r18', 'rtdetrv2-r18vd', 'rtdetrv2-r18', 'rtdetrv2-s'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 20_000_000,
    smallerSiblings: [],
    source:
      'the Hugging Face model card of PekingU/rtdetr_r50vd (Benchmark Results, COCO val2017, Params (M): RT-DETR-R18 20, -R34 31, -R50 42, -R101 76); Lv et al. 2024, RT-DETRv2: Improved Baseline with Bag-of-Freebies for Real-Time Detection Transformer, arXiv:2407.17140, Table 1 (#Params: RT-DETRv2-S on ResNet-18 20M, -M* on ResNet-34 31M, -M on ResNet-50-m 36M, -L on ResNet-50 42M, -X on ResNet-101 76M; the v2 changes sampling and training, not the number of weights)',
  },
  {
    id: 'rtdetr-r34vd',
    aliases: ['rtdetr-r34', 'rtdetrv2-r34vd', 'rtdetrv2-r34'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 31_000_000,
    smallerSiblings: ['rtdetr-r18vd'],
    source:
      'the Hugging Face model card of PekingU/rtdetr_r50vd (Benchmark Results, COCO val2017, Params (M): RT-DETR-R18 20, -R34 31, -R50 42, -R101 76); Lv et al. 2024, RT-DETRv2: Improved Baseline with Bag-of-Freebies for Real-Time Detection Transformer, arXiv:2407.17140, Table 1 (#Params: RT-DETRv2-S on ResNet-18 20M, -M* on ResNet-34 31M, -M on ResNet-50-m 36M, -L on ResNet-50 42M, -X on ResNet-101 76M; the v2 changes sampling and training, not the number of weights)',
  },
  {
    id: 'rtdetr-r50vd-m',
    aliases: ['rtdetr-r50-m', 'rtdetrv2-r50vd-m', 'rtdetrv2-r50-m'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 36_000_000,
    smallerSiblings: ['rtdetr-r34vd', 'rtdetr-r18vd'],
    source:
      'Lv et al. 2024, RT-DETRv2: Improved Baseline with Bag-of-Freebies for Real-Time Detection Transformer, arXiv:2407.17140, Table 1 (#Params: RT-DETRv2-S on ResNet-18 20M, -M* on ResNet-34 31M, -M on ResNet-50-m 36M, -L on ResNet-50 42M, -X on ResNet-101 76M; the v2 changes sampling and training, not the number of weights)',
  },
  {
    id: 'rtdetr-r50vd',
    aliases: ['rtdetr-r50', 'PekingU/rtdetr_r50vd', 'rtdetrv2-r50vd', 'rtdetrv2-r50', 'rtdetrv2-l'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 42_000_000,
    smallerSiblings: ['rtdetr-r50vd-m', 'rtdetr-r34vd', 'rtdetr-r18vd'],
    source:
      'the Hugging Face model card of PekingU/rtdetr_r50vd (Benchmark Results, COCO val2017, Params (M): RT-DETR-R18 20, -R34 31, -R50 42, -R101 76); Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (#Params: RT-DETR-R50 42M, -R101 76M, the HGNetv2-scaled RT-DETR-L 32M and -X 67M); Lv et al. 2024, RT-DETRv2: Improved Baseline with Bag-of-Freebies for Real-Time Detection Transformer, arXiv:2407.17140, Table 1 (#Params: RT-DETRv2-S on ResNet-18 20M, -M* on ResNet-34 31M, -M on ResNet-50-m 36M, -L on ResNet-50 42M, -X on ResNet-101 76M; the v2 changes sampling and training, not the number of weights)',
  },
  {
    id: 'rtdetr-r101vd',
    aliases: ['rtdetr-r101', 'rtdetrv2-r101vd', 'rtdetrv2-r101', 'rtdetrv2-x'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 76_000_000,
    smallerSiblings: ['rtdetr-r50vd', 'rtdetr-r18vd'],
    source:
      'the Hugging Face model card of PekingU/rtdetr_r50vd (Benchmark Results, COCO val2017, Params (M): RT-DETR-R18 20, -R34 31, -R50 42, -R101 76); Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (#Params: RT-DETR-R50 42M, -R101 76M, the HGNetv2-scaled RT-DETR-L 32M and -X 67M); Lv et al. 2024, RT-DETRv2: Improved Baseline with Bag-of-Freebies for Real-Time Detection Transformer, arXiv:2407.17140, Table 1 (#Params: RT-DETRv2-S on ResNet-18 20M, -M* on ResNet-34 31M, -M on ResNet-50-m 36M, -L on ResNet-50 42M, -X on ResNet-101 76M; the v2 changes sampling and training, not the number of weights)',
  },
  {
    id: 'rtdetr-l',
    aliases: ['rtdetr-hgnetv2-l'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 32_000_000,
    smallerSiblings: ['rtdetr-r18vd'],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (#Params: RT-DETR-R50 42M, -R101 76M, the HGNetv2-scaled RT-DETR-L 32M and -X 67M)',
  },
  {
    id: 'rtdetr-x',
    aliases: ['rtdetr-hgnetv2-x'],
    family: 'detr',
    architecture: 'other',
    modality: 'vision',
    params: 67_000_000,
    smallerSiblings: ['rtdetr-l', 'rtdetr-r50vd'],
    source:
      'Zhao et al. 2024, DETRs Beat YOLOs on Real-time Object Detection (RT-DETR), arXiv:2304.08069v3, Table 2 (#Params: RT-DETR-R50 42M, -R101 76M, the HGNetv2-scaled RT-DETR-L 32M and -X 67M)',
  },
  {
    id: 'yolox-nano',
    aliases: ['yolox_nano.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 910_000,
    forwardGflopsPerSample: 1.08, // 416x416
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 25.8,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-nano 0.91M params, 1.08B FLOPs at 416',
  },
  {
    id: 'yolox-tiny',
    aliases: ['yolox_tiny.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_060_000,
    forwardGflopsPerSample: 6.45, // 416x416
    smallerSiblings: ['yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 32.8,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-tiny 5.06M params, 6.45B FLOPs at 416',
  },
  {
    id: 'yolox-s',
    aliases: ['yolox_s.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_000_000,
    forwardGflopsPerSample: 26.8, // 640x640
    smallerSiblings: ['yolox-tiny', 'yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 40.5,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-s 9M params, 26.8B FLOPs at 640',
  },
  {
    id: 'yolox-m',
    aliases: ['yolox_m.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_300_000,
    forwardGflopsPerSample: 73.8, // 640x640
    smallerSiblings: ['yolox-s', 'yolox-tiny', 'yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 46.9,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-m 25.3M params, 73.8B FLOPs at 640',
  },
  {
    id: 'yolox-l',
    aliases: ['yolox_l.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 54_200_000,
    forwardGflopsPerSample: 155.6, // 640x640
    smallerSiblings: ['yolox-m', 'yolox-s', 'yolox-tiny', 'yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 49.7,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-l 54.2M params, 155.6B FLOPs at 640',
  },
  {
    id: 'yolox-darknet53',
    aliases: ['yolox_darknet.pth', 'yolox_darknet53.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 63_700_000,
    forwardGflopsPerSample: 185.3, // 640x640
    smallerSiblings: ['yolox-l', 'yolox-m', 'yolox-s', 'yolox-tiny', 'yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 47.7,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-darknet53 63.7M params, 185.3B FLOPs at 640',
  },
  {
    id: 'yolox-x',
    aliases: ['yolox_x.pth'],
    family: 'yolox',
    architecture: 'cnn',
    modality: 'vision',
    params: 99_100_000,
    forwardGflopsPerSample: 281.9, // 640x640
    smallerSiblings: ['yolox-l', 'yolox-m', 'yolox-s', 'yolox-tiny', 'yolox-nano'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 51.1,
      source:
        'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430',
    },
    source:
      'Megvii-BaseDetection/YOLOX README.md, Benchmark tables (Params (M), FLOPs (G) = 2x thop MACs per yolox/utils/model_utils.py get_model_info, mAPval 0.5:0.95); Ge et al. 2021, YOLOX, arXiv:2107.08430: yolox-x 99.1M params, 281.9B FLOPs at 640',
  },
  {
    id: 'nanodet-m',
    aliases: ['nanodet_m', 'nanodet-m-416'],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 950_000,
    forwardGflopsPerSample: 1.44, // 320x320
    smallerSiblings: [],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-m (ShuffleNetV2 1.0x) 0.95M params, 0.72G FLOPS at 320; NanoDet-m-416 the same 0.95M',
  },
  {
    id: 'nanodet-m-0.5x',
    aliases: ['nanodet_m_0.5x'],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 280_000,
    forwardGflopsPerSample: 0.6, // 320x320
    smallerSiblings: [],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-m-0.5x (ShuffleNetV2 0.5x) 0.28M params, 0.3G FLOPS at 320',
  },
  {
    id: 'nanodet-m-1.5x',
    aliases: ['nanodet_m_1.5x', 'nanodet-m-1.5x-416'],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_080_000,
    forwardGflopsPerSample: 2.88, // 320x320
    smallerSiblings: ['nanodet-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-m-1.5x (ShuffleNetV2 1.5x) 2.08M params, 1.44G FLOPS at 320; NanoDet-m-1.5x-416 the same 2.08M',
  },
  {
    id: 'nanodet-t',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_360_000,
    forwardGflopsPerSample: 1.92, // 320x320
    smallerSiblings: ['nanodet-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-t (ShuffleNetV2 1.0x, transformer neck) 1.36M params, 0.96G FLOPS at 320',
  },
  {
    id: 'nanodet-g',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_810_000,
    forwardGflopsPerSample: 8.4, // 416x416
    smallerSiblings: ['nanodet-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-g (Custom CSP Net) 3.81M params, 4.2G FLOPS at 416',
  },
  {
    id: 'nanodet-efficientnet-lite0',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_110_000,
    forwardGflopsPerSample: 3.44, // 320x320
    smallerSiblings: ['nanodet-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-EfficientLite (EfficientNet-Lite0) 3.11M params, 1.72G FLOPS at 320',
  },
  {
    id: 'nanodet-efficientnet-lite1',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_010_000,
    forwardGflopsPerSample: 8.12, // 416x416
    smallerSiblings: ['nanodet-efficientnet-lite0'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-EfficientLite (EfficientNet-Lite1) 4.01M params, 4.06G FLOPS at 416',
  },
  {
    id: 'nanodet-efficientnet-lite2',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_710_000,
    forwardGflopsPerSample: 14.24, // 512x512
    smallerSiblings: ['nanodet-efficientnet-lite1', 'nanodet-efficientnet-lite0'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-EfficientLite (EfficientNet-Lite2) 4.71M params, 7.12G FLOPS at 512',
  },
  {
    id: 'nanodet-repvgg-a0',
    aliases: [],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_750_000,
    forwardGflopsPerSample: 22.6, // 416x416
    smallerSiblings: ['nanodet-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-RepVGG (RepVGG-A0) 6.75M params, 11.3G FLOPS at 416',
  },
  {
    id: 'nanodet-plus-m',
    aliases: ['nanodet-plus-m-320', 'nanodet-plus-m-416'],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_170_000,
    forwardGflopsPerSample: 1.8, // 320x320
    smallerSiblings: [],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-Plus-m 1.17M params (inference weights; the training-only auxiliary head is not counted), 0.9G FLOPS at 320 (1.52G at 416)',
  },
  {
    id: 'nanodet-plus-m-1.5x',
    aliases: ['nanodet-plus-m-1.5x-320', 'nanodet-plus-m-1.5x-416'],
    family: 'nanodet',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_440_000,
    forwardGflopsPerSample: 3.5, // 320x320
    smallerSiblings: ['nanodet-plus-m'],
    source:
      'RangiLyu/nanodet README.md, Model Zoo and Legacy Model Zoo tables (Params; FLOPS counted by tools/flops.py, nanodet/util/flops_counter.py: "a multiply-add counts as one FLOP", stored here x2): NanoDet-Plus-m-1.5x 2.44M params (inference weights), 1.75G FLOPS at 320 (2.97G at 416)',
  },
  {
    id: 'yolov5n',
    aliases: ['yolov5n.pt', 'ultralytics/yolov5n'],
    family: 'yolov5',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_900_000,
    forwardGflopsPerSample: 4.5, // 640x640
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 28.0,
      source:
        'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95)',
    },
    source:
      'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95): yolov5n 1.9M params, 4.5B FLOPs',
  },
  {
    id: 'yolov5s',
    aliases: ['yolov5s.pt', 'ultralytics/yolov5s'],
    family: 'yolov5',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_200_000,
    forwardGflopsPerSample: 16.5, // 640x640
    smallerSiblings: ['yolov5n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 37.4,
      source:
        'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95)',
    },
    source:
      'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95): yolov5s 7.2M params, 16.5B FLOPs',
  },
  {
    id: 'yolov5m',
    aliases: ['yolov5m.pt', 'ultralytics/yolov5m'],
    family: 'yolov5',
    architecture: 'cnn',
    modality: 'vision',
    params: 21_200_000,
    forwardGflopsPerSample: 49, // 640x640
    smallerSiblings: ['yolov5s', 'yolov5n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 45.4,
      source:
        'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95)',
    },
    source:
      'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95): yolov5m 21.2M params, 49.0B FLOPs',
  },
  {
    id: 'yolov5l',
    aliases: ['yolov5l.pt', 'ultralytics/yolov5l'],
    family: 'yolov5',
    architecture: 'cnn',
    modality: 'vision',
    params: 46_500_000,
    forwardGflopsPerSample: 109.1, // 640x640
    smallerSiblings: ['yolov5m', 'yolov5s', 'yolov5n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 49.0,
      source:
        'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95)',
    },
    source:
      'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95): yolov5l 46.5M params, 109.1B FLOPs',
  },
  {
    id: 'yolov5x',
    aliases: ['yolov5x.pt', 'ultralytics/yolov5x'],
    family: 'yolov5',
    architecture: 'cnn',
    modality: 'vision',
    params: 86_700_000,
    forwardGflopsPerSample: 205.7, // 640x640
    smallerSiblings: ['yolov5l', 'yolov5m', 'yolov5s', 'yolov5n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 50.7,
      source:
        'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95)',
    },
    source:
      'pytorch.org/hub/ultralytics_yolov5 table (params M, FLOPs @640 B as published by Ultralytics = 2x thop MACs, mAPval 50-95): yolov5x 86.7M params, 205.7B FLOPs',
  },
  {
    id: 'yolov5n-seg',
    aliases: ['yolov5n-seg.pt', 'ultralytics/yolov5n-seg'],
    family: 'yolov5-seg',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_000_000,
    forwardGflopsPerSample: 7.1, // 640x640
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 mask mAP50-95',
      score: 23.4,
      source:
        'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95): yolov5n-seg 2.0M params, 7.1B FLOPs',
  },
  {
    id: 'yolov5s-seg',
    aliases: ['yolov5s-seg.pt', 'ultralytics/yolov5s-seg'],
    family: 'yolov5-seg',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_600_000,
    forwardGflopsPerSample: 26.4, // 640x640
    smallerSiblings: ['yolov5n-seg'],
    quality: {
      benchmark: 'COCO val2017 mask mAP50-95',
      score: 31.7,
      source:
        'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95): yolov5s-seg 7.6M params, 26.4B FLOPs',
  },
  {
    id: 'yolov5m-seg',
    aliases: ['yolov5m-seg.pt', 'ultralytics/yolov5m-seg'],
    family: 'yolov5-seg',
    architecture: 'cnn',
    modality: 'vision',
    params: 22_000_000,
    forwardGflopsPerSample: 70.8, // 640x640
    smallerSiblings: ['yolov5s-seg', 'yolov5n-seg'],
    quality: {
      benchmark: 'COCO val2017 mask mAP50-95',
      score: 37.1,
      source:
        'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95): yolov5m-seg 22.0M params, 70.8B FLOPs',
  },
  {
    id: 'yolov5l-seg',
    aliases: ['yolov5l-seg.pt', 'ultralytics/yolov5l-seg'],
    family: 'yolov5-seg',
    architecture: 'cnn',
    modality: 'vision',
    params: 47_900_000,
    forwardGflopsPerSample: 147.7, // 640x640
    smallerSiblings: ['yolov5m-seg', 'yolov5s-seg', 'yolov5n-seg'],
    quality: {
      benchmark: 'COCO val2017 mask mAP50-95',
      score: 39.9,
      source:
        'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95): yolov5l-seg 47.9M params, 147.7B FLOPs',
  },
  {
    id: 'yolov5x-seg',
    aliases: ['yolov5x-seg.pt', 'ultralytics/yolov5x-seg'],
    family: 'yolov5-seg',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_800_000,
    forwardGflopsPerSample: 265.7, // 640x640
    smallerSiblings: ['yolov5l-seg', 'yolov5m-seg', 'yolov5s-seg', 'yolov5n-seg'],
    quality: {
      benchmark: 'COCO val2017 mask mAP50-95',
      score: 41.4,
      source:
        'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Segmentation Checkpoints" table (v7.0 release weights; params (M), FLOPs @640 (B) as published by Ultralytics = 2x thop MACs, mAPmask 50-95): yolov5x-seg 88.8M params, 265.7B FLOPs',
  },
  {
    id: 'yolov5n-cls',
    aliases: ['yolov5n-cls.pt', 'ultralytics/yolov5n-cls'],
    family: 'yolov5-cls',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_500_000,
    forwardGflopsPerSample: 0.5, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet top-1 accuracy',
      score: 64.6,
      source:
        'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224): yolov5n-cls 2.5M params, 0.5B FLOPs',
  },
  {
    id: 'yolov5s-cls',
    aliases: ['yolov5s-cls.pt', 'ultralytics/yolov5s-cls'],
    family: 'yolov5-cls',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_400_000,
    forwardGflopsPerSample: 1.4, // 224x224
    smallerSiblings: ['yolov5n-cls'],
    quality: {
      benchmark: 'ImageNet top-1 accuracy',
      score: 71.5,
      source:
        'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224): yolov5s-cls 5.4M params, 1.4B FLOPs',
  },
  {
    id: 'yolov5m-cls',
    aliases: ['yolov5m-cls.pt', 'ultralytics/yolov5m-cls'],
    family: 'yolov5-cls',
    architecture: 'cnn',
    modality: 'vision',
    params: 12_900_000,
    forwardGflopsPerSample: 3.9, // 224x224
    smallerSiblings: ['yolov5s-cls', 'yolov5n-cls'],
    quality: {
      benchmark: 'ImageNet top-1 accuracy',
      score: 75.9,
      source:
        'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224): yolov5m-cls 12.9M params, 3.9B FLOPs',
  },
  {
    id: 'yolov5l-cls',
    aliases: ['yolov5l-cls.pt', 'ultralytics/yolov5l-cls'],
    family: 'yolov5-cls',
    architecture: 'cnn',
    modality: 'vision',
    params: 26_500_000,
    forwardGflopsPerSample: 8.5, // 224x224
    smallerSiblings: ['yolov5m-cls', 'yolov5s-cls', 'yolov5n-cls'],
    quality: {
      benchmark: 'ImageNet top-1 accuracy',
      score: 78.0,
      source:
        'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224): yolov5l-cls 26.5M params, 8.5B FLOPs',
  },
  {
    id: 'yolov5x-cls',
    aliases: ['yolov5x-cls.pt', 'ultralytics/yolov5x-cls'],
    family: 'yolov5-cls',
    architecture: 'cnn',
    modality: 'vision',
    params: 48_100_000,
    forwardGflopsPerSample: 15.9, // 224x224
    smallerSiblings: ['yolov5l-cls', 'yolov5m-cls', 'yolov5s-cls', 'yolov5n-cls'],
    quality: {
      benchmark: 'ImageNet top-1 accuracy',
      score: 79.0,
      source:
        'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224)',
    },
    source:
      'github.com/ultralytics/yolov5 README.md, "Classification Checkpoints" table (v7.0 release weights; params (M), FLOPs @224 (B) as published by Ultralytics = 2x thop MACs, top1 accuracy at 224): yolov5x-cls 48.1M params, 15.9B FLOPs',
  },
  {
    id: 'yolov7-tiny',
    aliases: ['yolov7-tiny.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 6_200_000,
    forwardGflopsPerSample: 13.8, // 640x640
    smallerSiblings: [],
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7-tiny 6.2M params, 13.8 GFLOPs at 640; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7',
    aliases: ['yolov7.pt', 'yolo7', 'yolo7.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 36_900_000,
    forwardGflopsPerSample: 104.7, // 640x640
    smallerSiblings: ['yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 51.4,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7 36.9M params, 104.7 GFLOPs at 640; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7x',
    aliases: ['yolov7x.pt', 'yolov7-x'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 71_300_000,
    forwardGflopsPerSample: 189.9, // 640x640
    smallerSiblings: ['yolov7', 'yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 53.1,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7x 71.3M params, 189.9 GFLOPs at 640; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7-w6',
    aliases: ['yolov7-w6.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 70_400_000,
    forwardGflopsPerSample: 360.0, // 1280x1280
    smallerSiblings: ['yolov7', 'yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 54.9,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7-w6 70.4M params, 360.0 GFLOPs at 1280; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7-e6',
    aliases: ['yolov7-e6.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 97_200_000,
    forwardGflopsPerSample: 515.2, // 1280x1280
    smallerSiblings: ['yolov7-w6', 'yolov7x', 'yolov7', 'yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 56.0,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7-e6 97.2M params, 515.2 GFLOPs at 1280; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7-d6',
    aliases: ['yolov7-d6.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 154_700_000,
    forwardGflopsPerSample: 806.8, // 1280x1280
    smallerSiblings: ['yolov7-e6', 'yolov7-w6', 'yolov7x', 'yolov7', 'yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 56.6,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7-d6 154.7M params, 806.8 GFLOPs at 1280; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov7-e6e',
    aliases: ['yolov7-e6e.pt'],
    family: 'yolov7',
    architecture: 'cnn',
    modality: 'vision',
    params: 151_700_000,
    forwardGflopsPerSample: 843.2, // 1280x1280
    smallerSiblings: ['yolov7-e6', 'yolov7-w6', 'yolov7x', 'yolov7', 'yolov7-tiny'],
    quality: {
      benchmark: 'COCO test-dev2017 box AP50-95',
      score: 56.8,
      source: 'github.com/WongKinYiu/yolov7 README, Performance MS COCO table (AP test-dev 0.5:0.95)',
    },
    source:
      'Wang, Bochkovskiy & Liao 2022, YOLOv7, arXiv:2207.02696, Table 2 (#Param, FLOPs = 2x thop multiply-adds as the repository counts them): yolov7-e6e 151.7M params, 843.2 GFLOPs at 1280; the same figures in the comparison table of the Ultralytics docs page on YOLOv7 (docs.ultralytics.com/models/yolov7)',
  },
  {
    id: 'yolov8n',
    aliases: ['yolov8n.pt', 'ultralytics/yolov8n'],
    family: 'yolov8',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_200_000,
    forwardGflopsPerSample: 8.7, // 640x640
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 37.3,
      source:
        'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolov8n 3.2M params, 8.7B FLOPs',
  },
  {
    id: 'yolov8s',
    aliases: ['yolov8s.pt', 'ultralytics/yolov8s'],
    family: 'yolov8',
    architecture: 'cnn',
    modality: 'vision',
    params: 11_200_000,
    forwardGflopsPerSample: 28.6, // 640x640
    smallerSiblings: ['yolov8n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 44.9,
      source:
        'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolov8s 11.2M params, 28.6B FLOPs',
  },
  {
    id: 'yolov8m',
    aliases: ['yolov8m.pt', 'ultralytics/yolov8m'],
    family: 'yolov8',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_900_000,
    forwardGflopsPerSample: 78.9, // 640x640
    smallerSiblings: ['yolov8s', 'yolov8n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 50.2,
      source:
        'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolov8m 25.9M params, 78.9B FLOPs',
  },
  {
    id: 'yolov8l',
    aliases: ['yolov8l.pt', 'ultralytics/yolov8l'],
    family: 'yolov8',
    architecture: 'cnn',
    modality: 'vision',
    params: 43_700_000,
    forwardGflopsPerSample: 165.2, // 640x640
    smallerSiblings: ['yolov8m', 'yolov8s', 'yolov8n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 52.9,
      source:
        'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolov8l 43.7M params, 165.2B FLOPs',
  },
  {
    id: 'yolov8x',
    aliases: ['yolov8x.pt', 'ultralytics/yolov8x'],
    family: 'yolov8',
    architecture: 'cnn',
    modality: 'vision',
    params: 68_200_000,
    forwardGflopsPerSample: 257.8, // 640x640
    smallerSiblings: ['yolov8l', 'yolov8m', 'yolov8s', 'yolov8n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 53.9,
      source:
        'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/models/yolov8 detection table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolov8x 68.2M params, 257.8B FLOPs',
  },
  {
    id: 'yolo11n',
    aliases: ['yolo11n.pt', 'ultralytics/yolo11n', 'yolov11n'],
    family: 'yolo11',
    architecture: 'cnn',
    modality: 'vision',
    params: 2_600_000,
    forwardGflopsPerSample: 6.5, // 640x640
    smallerSiblings: [],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 39.5,
      source:
        'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolo11n 2.6M params, 6.5B FLOPs',
  },
  {
    id: 'yolo11s',
    aliases: ['yolo11s.pt', 'ultralytics/yolo11s', 'yolov11s'],
    family: 'yolo11',
    architecture: 'cnn',
    modality: 'vision',
    params: 9_400_000,
    forwardGflopsPerSample: 21.5, // 640x640
    smallerSiblings: ['yolo11n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 47.0,
      source:
        'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolo11s 9.4M params, 21.5B FLOPs',
  },
  {
    id: 'yolo11m',
    aliases: ['yolo11m.pt', 'ultralytics/yolo11m', 'yolov11m'],
    family: 'yolo11',
    architecture: 'cnn',
    modality: 'vision',
    params: 20_100_000,
    forwardGflopsPerSample: 68, // 640x640
    smallerSiblings: ['yolo11s', 'yolo11n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 51.5,
      source:
        'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolo11m 20.1M params, 68.0B FLOPs',
  },
  {
    id: 'yolo11l',
    aliases: ['yolo11l.pt', 'ultralytics/yolo11l', 'yolov11l'],
    family: 'yolo11',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_300_000,
    forwardGflopsPerSample: 86.9, // 640x640
    smallerSiblings: ['yolo11m', 'yolo11s', 'yolo11n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 53.4,
      source:
        'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolo11l 25.3M params, 86.9B FLOPs',
  },
  {
    id: 'yolo11x',
    aliases: ['yolo11x.pt', 'ultralytics/yolo11x', 'yolov11x'],
    family: 'yolo11',
    architecture: 'cnn',
    modality: 'vision',
    params: 56_900_000,
    forwardGflopsPerSample: 194.9, // 640x640
    smallerSiblings: ['yolo11l', 'yolo11m', 'yolo11s', 'yolo11n'],
    quality: {
      benchmark: 'COCO val2017 box mAP50-95',
      score: 54.7,
      source:
        'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640)',
    },
    source:
      'Ultralytics docs docs.ultralytics.com/tasks/detect YOLO11 table (params M, FLOPs B = 2x thop MACs, mAPval 50-95 at 640): yolo11x 56.9M params, 194.9B FLOPs',
  },
  // ---------------- OpenMMLab / Meituan / PaddleDetection real-time detectors (whole detector, as published) ----------------
  {
    id: 'rtmdet-tiny',
    aliases: ['rtmdet_tiny', 'rtmdettiny'],
    family: 'rtmdet',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_800_000,
    smallerSiblings: [],
    source:
      'open-mmlab/mmdetection configs/rtmdet/README.md, Results and Models (COCO, 640): Params(M) RTMDet-tiny 4.8, RTMDet-s 8.89, RTMDet-m 24.71, RTMDet-l 52.3, RTMDet-x 94.86 (Lyu et al. 2022, RTMDet, arXiv:2212.07784)',
  },
  {
    id: 'rtmdet-s',
    aliases: ['rtmdet_s', 'rtmdets'],
    family: 'rtmdet',
    architecture: 'cnn',
    modality: 'vision',
    params: 8_890_000,
    smallerSiblings: ['rtmdet-tiny'],
    source:
      'open-mmlab/mmdetection configs/rtmdet/README.md, Results and Models (COCO, 640): Params(M) RTMDet-tiny 4.8, RTMDet-s 8.89, RTMDet-m 24.71, RTMDet-l 52.3, RTMDet-x 94.86 (Lyu et al. 2022, RTMDet, arXiv:2212.07784)',
  },
  {
    id: 'rtmdet-m',
    aliases: ['rtmdet_m', 'rtmdetm'],
    family: 'rtmdet',
    architecture: 'cnn',
    modality: 'vision',
    params: 24_710_000,
    smallerSiblings: ['rtmdet-s', 'rtmdet-tiny'],
    source:
      'open-mmlab/mmdetection configs/rtmdet/README.md, Results and Models (COCO, 640): Params(M) RTMDet-tiny 4.8, RTMDet-s 8.89, RTMDet-m 24.71, RTMDet-l 52.3, RTMDet-x 94.86 (Lyu et al. 2022, RTMDet, arXiv:2212.07784)',
  },
  {
    id: 'rtmdet-l',
    aliases: ['rtmdet_l', 'rtmdetl'],
    family: 'rtmdet',
    architecture: 'cnn',
    modality: 'vision',
    params: 52_300_000,
    smallerSiblings: ['rtmdet-m', 'rtmdet-s', 'rtmdet-tiny'],
    source:
      'open-mmlab/mmdetection configs/rtmdet/README.md, Results and Models (COCO, 640): Params(M) RTMDet-tiny 4.8, RTMDet-s 8.89, RTMDet-m 24.71, RTMDet-l 52.3, RTMDet-x 94.86 (Lyu et al. 2022, RTMDet, arXiv:2212.07784)',
  },
  {
    id: 'rtmdet-x',
    aliases: ['rtmdet_x', 'rtmdetx'],
    family: 'rtmdet',
    architecture: 'cnn',
    modality: 'vision',
    params: 94_860_000,
    smallerSiblings: ['rtmdet-l', 'rtmdet-m', 'rtmdet-s', 'rtmdet-tiny'],
    source:
      'open-mmlab/mmdetection configs/rtmdet/README.md, Results and Models (COCO, 640): Params(M) RTMDet-tiny 4.8, RTMDet-s 8.89, RTMDet-m 24.71, RTMDet-l 52.3, RTMDet-x 94.86 (Lyu et al. 2022, RTMDet, arXiv:2212.07784)',
  },
  {
    id: 'yolov6n',
    aliases: ['yolov6_n', 'yolov6-n', 'yolov6n.pt'],
    family: 'yolov6',
    architecture: 'cnn',
    modality: 'vision',
    params: 4_700_000,
    smallerSiblings: [],
    source:
      'meituan/YOLOv6 README, Benchmark (YOLOv6 v3.0 weights, release 0.3.0/0.4.0, COCO 640): Params (M) YOLOv6-N 4.7, YOLOv6-S 18.5, YOLOv6-M 34.9, YOLOv6-L 59.6 (Li et al. 2023, YOLOv6 v3.0, arXiv:2301.05586)',
  },
  {
    id: 'yolov6s',
    aliases: ['yolov6_s', 'yolov6-s', 'yolov6s.pt'],
    family: 'yolov6',
    architecture: 'cnn',
    modality: 'vision',
    params: 18_500_000,
    smallerSiblings: ['yolov6n'],
    source:
      'meituan/YOLOv6 README, Benchmark (YOLOv6 v3.0 weights, release 0.3.0/0.4.0, COCO 640): Params (M) YOLOv6-N 4.7, YOLOv6-S 18.5, YOLOv6-M 34.9, YOLOv6-L 59.6 (Li et al. 2023, YOLOv6 v3.0, arXiv:2301.05586)',
  },
  {
    id: 'yolov6m',
    aliases: ['yolov6_m', 'yolov6-m', 'yolov6m.pt'],
    family: 'yolov6',
    architecture: 'cnn',
    modality: 'vision',
    params: 34_900_000,
    smallerSiblings: ['yolov6s', 'yolov6n'],
    source:
      'meituan/YOLOv6 README, Benchmark (YOLOv6 v3.0 weights, release 0.3.0/0.4.0, COCO 640): Params (M) YOLOv6-N 4.7, YOLOv6-S 18.5, YOLOv6-M 34.9, YOLOv6-L 59.6 (Li et al. 2023, YOLOv6 v3.0, arXiv:2301.05586)',
  },
  {
    id: 'yolov6l',
    aliases: ['yolov6_l', 'yolov6-l', 'yolov6l.pt'],
    family: 'yolov6',
    architecture: 'cnn',
    modality: 'vision',
    params: 59_600_000,
    smallerSiblings: ['yolov6m', 'yolov6s', 'yolov6n'],
    source:
      'meituan/YOLOv6 README, Benchmark (YOLOv6 v3.0 weights, release 0.3.0/0.4.0, COCO 640): Params (M) YOLOv6-N 4.7, YOLOv6-S 18.5, YOLOv6-M 34.9, YOLOv6-L 59.6 (Li et al. 2023, YOLOv6 v3.0, arXiv:2301.05586)',
  },
  {
    id: 'ppyoloe-s',
    aliases: ['ppyoloe_s', 'ppyoloe_plus_s', 'ppyoloe-plus-s', 'ppyoloe_crn_s'],
    family: 'ppyoloe',
    architecture: 'cnn',
    modality: 'vision',
    params: 7_930_000,
    smallerSiblings: [],
    source:
      'PaddlePaddle/PaddleDetection configs/ppyoloe/README_legacy.md and objects365/README (COCO 640): Params(M) PP-YOLOE(+)-s 7.93, -m 23.43, -l 52.20, -x 98.42; PP-YOLOE+ keeps the PP-YOLOE network sizes (Xu et al. 2022, PP-YOLOE, arXiv:2203.16250)',
  },
  {
    id: 'ppyoloe-m',
    aliases: ['ppyoloe_m', 'ppyoloe_plus_m', 'ppyoloe-plus-m', 'ppyoloe_crn_m'],
    family: 'ppyoloe',
    architecture: 'cnn',
    modality: 'vision',
    params: 23_430_000,
    smallerSiblings: ['ppyoloe-s'],
    source:
      'PaddlePaddle/PaddleDetection configs/ppyoloe/README_legacy.md and objects365/README (COCO 640): Params(M) PP-YOLOE(+)-s 7.93, -m 23.43, -l 52.20, -x 98.42; PP-YOLOE+ keeps the PP-YOLOE network sizes (Xu et al. 2022, PP-YOLOE, arXiv:2203.16250)',
  },
  {
    id: 'ppyoloe-l',
    aliases: ['ppyoloe_l', 'ppyoloe_plus_l', 'ppyoloe-plus-l', 'ppyoloe_crn_l'],
    family: 'ppyoloe',
    architecture: 'cnn',
    modality: 'vision',
    params: 52_200_000,
    smallerSiblings: ['ppyoloe-m', 'ppyoloe-s'],
    source:
      'PaddlePaddle/PaddleDetection configs/ppyoloe/README_legacy.md and objects365/README (COCO 640): Params(M) PP-YOLOE(+)-s 7.93, -m 23.43, -l 52.20, -x 98.42; PP-YOLOE+ keeps the PP-YOLOE network sizes (Xu et al. 2022, PP-YOLOE, arXiv:2203.16250)',
  },
  {
    id: 'ppyoloe-x',
    aliases: ['ppyoloe_x', 'ppyoloe_plus_x', 'ppyoloe-plus-x', 'ppyoloe_crn_x'],
    family: 'ppyoloe',
    architecture: 'cnn',
    modality: 'vision',
    params: 98_420_000,
    smallerSiblings: ['ppyoloe-l', 'ppyoloe-m', 'ppyoloe-s'],
    source:
      'PaddlePaddle/PaddleDetection configs/ppyoloe/README_legacy.md and objects365/README (COCO 640): Params(M) PP-YOLOE(+)-s 7.93, -m 23.43, -l 52.20, -x 98.42; PP-YOLOE+ keeps the PP-YOLOE network sizes (Xu et al. 2022, PP-YOLOE, arXiv:2203.16250)',
  },
  {
    id: 'ofa-tiny',
    aliases: ['ofa_tiny', 'OFA-Sys/ofa-tiny'],
    family: 'ofa',
    architecture: 'encoder-decoder',
    modality: 'multimodal',
    params: 33_000_000,
    smallerSiblings: [],
    source:
      'OFA-Sys/OFA README.md, pretrained checkpoints table (Params column) and checkpoints.md: OFA-Tiny 33M, OFA-Medium 93M, OFA-Base 180M, OFA-Large 470M, OFA-Huge 930M (Wang et al. 2022, OFA, arXiv:2202.03052: a ResNet stem and a Transformer encoder-decoder; fairseq --arch ofa_tiny … ofa_huge)',
  },
  {
    id: 'ofa-medium',
    aliases: ['ofa_medium', 'OFA-Sys/ofa-medium'],
    family: 'ofa',
    architecture: 'encoder-decoder',
    modality: 'multimodal',
    params: 93_000_000,
    smallerSiblings: ['ofa-tiny'],
    source:
      'OFA-Sys/OFA README.md, pretrained checkpoints table (Params column) and checkpoints.md: OFA-Tiny 33M, OFA-Medium 93M, OFA-Base 180M, OFA-Large 470M, OFA-Huge 930M (Wang et al. 2022, OFA, arXiv:2202.03052: a ResNet stem and a Transformer encoder-decoder; fairseq --arch ofa_tiny … ofa_huge)',
  },
  {
    id: 'ofa-base',
    aliases: ['ofa_base', 'OFA-Sys/ofa-base'],
    family: 'ofa',
    architecture: 'encoder-decoder',
    modality: 'multimodal',
    params: 180_000_000,
    smallerSiblings: ['ofa-medium', 'ofa-tiny'],
    source:
      'OFA-Sys/OFA README.md, pretrained checkpoints table (Params column) and checkpoints.md: OFA-Tiny 33M, OFA-Medium 93M, OFA-Base 180M, OFA-Large 470M, OFA-Huge 930M (Wang et al. 2022, OFA, arXiv:2202.03052: a ResNet stem and a Transformer encoder-decoder; fairseq --arch ofa_tiny … ofa_huge)',
  },
  {
    id: 'ofa-large',
    aliases: ['ofa_large', 'OFA-Sys/ofa-large'],
    family: 'ofa',
    architecture: 'encoder-decoder',
    modality: 'multimodal',
    params: 470_000_000,
    smallerSiblings: ['ofa-base', 'ofa-medium', 'ofa-tiny'],
    source:
      'OFA-Sys/OFA README.md, pretrained checkpoints table (Params column) and checkpoints.md: OFA-Tiny 33M, OFA-Medium 93M, OFA-Base 180M, OFA-Large 470M, OFA-Huge 930M (Wang et al. 2022, OFA, arXiv:2202.03052: a ResNet stem and a Transformer encoder-decoder; fairseq --arch ofa_tiny … ofa_huge)',
  },
  {
    id: 'ofa-huge',
    aliases: ['ofa_huge', 'OFA-Sys/ofa-huge'],
    family: 'ofa',
    architecture: 'encoder-decoder',
    modality: 'multimodal',
    params: 930_000_000,
    smallerSiblings: ['ofa-large', 'ofa-base', 'ofa-medium', 'ofa-tiny'],
    source:
      'OFA-Sys/OFA README.md, pretrained checkpoints table (Params column) and checkpoints.md: OFA-Tiny 33M, OFA-Medium 93M, OFA-Base 180M, OFA-Large 470M, OFA-Huge 930M (Wang et al. 2022, OFA, arXiv:2202.03052: a ResNet stem and a Transformer encoder-decoder; fairseq --arch ofa_tiny … ofa_huge)',
  },
  // ---------------- InternImage (classification networks; detectors and segmenters built on them are larger) ----------------
  {
    id: 'internimage-t',
    aliases: ['internimage_t'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 30_000_000,
    smallerSiblings: [],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-s',
    aliases: ['internimage_s'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 50_000_000,
    smallerSiblings: ['internimage-t'],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-b',
    aliases: ['internimage_b'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 97_000_000,
    smallerSiblings: ['internimage-s', 'internimage-t'],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-l',
    aliases: ['internimage_l'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 223_000_000,
    smallerSiblings: ['internimage-b', 'internimage-s', 'internimage-t'],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-xl',
    aliases: ['internimage_xl'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 335_000_000,
    smallerSiblings: ['internimage-l', 'internimage-b', 'internimage-s', 'internimage-t'],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-h',
    aliases: ['internimage_h'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 1_080_000_000,
    smallerSiblings: ['internimage-xl', 'internimage-l', 'internimage-b', 'internimage-s', 'internimage-t'],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  {
    id: 'internimage-g',
    aliases: ['internimage_g'],
    family: 'internimage',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_000_000_000,
    smallerSiblings: [
      'internimage-h',
      'internimage-xl',
      'internimage-l',
      'internimage-b',
      'internimage-s',
      'internimage-t',
    ],
    source:
      'OpenGVLab/InternImage README.md, image classification table (#params): InternImage-T 30M, -S 50M, -B 97M, -L 223M, -XL 335M, -H 1.08B, -G 3B (Wang et al. 2023, InternImage, arXiv:2211.05778; DCNv3 operators)',
  },
  // ---------------- Hugging Face vision (ViT, DeiT, BEiT, Swin, ConvNeXt, ResNet) ----------------
  {
    id: 'google/vit-base-patch16-224',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_567_656,
    forwardGflopsPerSample: 35.128, // 224x224
    smallerSiblings: ['facebook/deit-small-patch16-224', 'facebook/deit-tiny-patch16-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.786,
      source:
        'timm results/results-imagenet.csv: vit_base_patch16_224.orig_in21k_ft_in1k (the same original ViT-B/16 21k->1k weights)',
    },
    source:
      'computed from config.json (ViT-B/16: 12 layers, d 768, MLP 3072, patch 16, 224px, 1000-class head); forward MACs computed analytically (17.56 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'google/vit-base-patch16-224-in21k',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_389_248,
    forwardGflopsPerSample: 35.126, // 224x224
    smallerSiblings: [],
    source:
      'computed from config.json (ViTModel B/16, no head, incl. pooler); forward MACs computed analytically (17.56 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'google/vit-base-patch32-224-in21k',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 88_045_824,
    forwardGflopsPerSample: 8.817, // 224x224
    smallerSiblings: [],
    source:
      'computed from config.json (ViTModel B/32, no head, incl. pooler); forward MACs computed analytically (4.41 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'google/vit-base-patch16-384',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_859_496,
    forwardGflopsPerSample: 110.969, // 384x384
    smallerSiblings: ['google/vit-base-patch16-224'],
    source:
      'computed from config.json (ViT-B/16 at 384px, 1000-class head); forward MACs computed analytically (55.48 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'google/vit-large-patch16-224',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 304_326_632,
    forwardGflopsPerSample: 123.109, // 224x224
    smallerSiblings: ['google/vit-base-patch16-224'],
    source:
      'computed from config.json (ViT-L/16: 24 layers, d 1024, MLP 4096, 1000-class head (= torchvision vit_l_16 304,326,632)); forward MACs computed analytically (61.55 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'google/vit-huge-patch14-224-in21k',
    aliases: [],
    family: 'vit',
    architecture: 'vit',
    modality: 'vision',
    params: 632_404_480,
    forwardGflopsPerSample: 334.588, // 224x224
    smallerSiblings: ['google/vit-large-patch16-224', 'google/vit-base-patch16-224'],
    source:
      'computed from config.json (ViTModel H/14: 32 layers, d 1280, MLP 5120, no head, incl. pooler); forward MACs computed analytically (167.29 GMACs, matches torchvision/timm for ViT-B/16 17.56), stored x2',
  },
  {
    id: 'facebook/deit-tiny-patch16-224',
    aliases: ['timm/deit_tiny_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 5_720_000,
    forwardGflopsPerSample: 2.52, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 72.2,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_tiny_patch16_224 5.72M params, 1.26 GMACs (stored x2)',
  },
  {
    id: 'facebook/deit-tiny-distilled-patch16-224',
    aliases: ['timm/deit_tiny_distilled_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 5_910_000,
    forwardGflopsPerSample: 2.54, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 74.5,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1), distilled',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_tiny_distilled_patch16_224 5.91M params, 1.27 GMACs (stored x2)',
  },
  {
    id: 'facebook/deit-small-patch16-224',
    aliases: ['timm/deit_small_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 22_050_000,
    forwardGflopsPerSample: 9.22, // 224x224
    smallerSiblings: ['facebook/deit-tiny-patch16-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 79.8,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_small_patch16_224 22.05M params, 4.61 GMACs (stored x2)',
  },
  {
    id: 'facebook/deit-small-distilled-patch16-224',
    aliases: ['timm/deit_small_distilled_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 22_440_000,
    forwardGflopsPerSample: 9.26, // 224x224
    smallerSiblings: ['facebook/deit-tiny-distilled-patch16-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.2,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1), distilled',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_small_distilled_patch16_224 22.44M params, 4.63 GMACs (stored x2)',
  },
  {
    id: 'facebook/deit-base-patch16-224',
    aliases: ['timm/deit_base_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_570_000,
    forwardGflopsPerSample: 35.16, // 224x224
    smallerSiblings: ['facebook/deit-small-patch16-224', 'facebook/deit-tiny-patch16-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.8,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_base_patch16_224 86.57M params, 17.58 GMACs (stored x2)',
  },
  {
    id: 'facebook/deit-base-distilled-patch16-224',
    aliases: ['timm/deit_base_distilled_patch16_224.fb_in1k'],
    family: 'deit',
    architecture: 'vit',
    modality: 'vision',
    params: 87_340_000,
    forwardGflopsPerSample: 35.36, // 224x224
    smallerSiblings: ['facebook/deit-small-distilled-patch16-224', 'facebook/deit-tiny-distilled-patch16-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.4,
      source: 'Touvron et al. 2020, DeiT, arXiv:2012.12877, Table 5 (ImageNet top-1), distilled',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: deit_base_distilled_patch16_224 87.34M params, 17.68 GMACs (stored x2)',
  },
  {
    id: 'microsoft/beit-base-patch16-224',
    aliases: ['timm/beit_base_patch16_224.in22k_ft_in22k_in1k'],
    family: 'beit',
    architecture: 'vit',
    modality: 'vision',
    params: 86_530_000,
    forwardGflopsPerSample: 35.16, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 85.212,
      source: 'timm results/results-imagenet.csv: beit_base_patch16_224.in22k_ft_in22k_in1k',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: beit_base_patch16_224 86.53M params, 17.58 GMACs (stored x2)',
  },
  {
    id: 'microsoft/swin-tiny-patch4-window7-224',
    aliases: ['timm/swin_tiny_patch4_window7_224.ms_in1k'],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 28_290_000,
    forwardGflopsPerSample: 9.02, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 81.3,
      source: 'Liu et al. 2021, Swin Transformer, arXiv:2103.14030, Table 1(a) (ImageNet-1K trained, 224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: swin_tiny_patch4_window7_224 28.29M params, 4.51 GMACs (stored x2)',
  },
  {
    id: 'microsoft/swin-small-patch4-window7-224',
    aliases: ['timm/swin_small_patch4_window7_224.ms_in1k'],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 49_610_000,
    forwardGflopsPerSample: 17.54, // 224x224
    smallerSiblings: ['microsoft/swin-tiny-patch4-window7-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.0,
      source: 'Liu et al. 2021, Swin Transformer, arXiv:2103.14030, Table 1(a) (ImageNet-1K trained, 224)',
    },
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: swin_small_patch4_window7_224 49.61M params, 8.77 GMACs (stored x2)',
  },
  {
    id: 'microsoft/swin-base-patch4-window7-224',
    aliases: [],
    family: 'swin',
    architecture: 'vit',
    modality: 'vision',
    params: 87_770_000,
    forwardGflopsPerSample: 30.94, // 224x224
    smallerSiblings: ['microsoft/swin-small-patch4-window7-224', 'microsoft/swin-tiny-patch4-window7-224'],
    source:
      'timm results/benchmark-infer-amp-nchw-pt240-cu124-rtx4090.csv: swin_base_patch4_window7_224 87.77M params, 15.47 GMACs (stored x2)',
  },
  {
    id: 'facebook/convnext-tiny-224',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_589_128,
    forwardGflopsPerSample: 8.92, // 224x224
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 82.1,
      source: 'Liu et al. 2022, ConvNeXt, arXiv:2201.03545, Table 1 (ImageNet-1K trained, 224)',
    },
    source:
      'same architecture as torchvision convnext_tiny: 28,589,128 params, 4.46 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'facebook/convnext-small-224',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 50_223_688,
    forwardGflopsPerSample: 17.36, // 224x224
    smallerSiblings: ['facebook/convnext-tiny-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.1,
      source: 'Liu et al. 2022, ConvNeXt, arXiv:2201.03545, Table 1 (ImageNet-1K trained, 224)',
    },
    source:
      'same architecture as torchvision convnext_small: 50,223,688 params, 8.68 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'facebook/convnext-base-224',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 88_591_464,
    forwardGflopsPerSample: 30.72, // 224x224
    smallerSiblings: ['facebook/convnext-small-224', 'facebook/convnext-tiny-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 83.8,
      source: 'Liu et al. 2022, ConvNeXt, arXiv:2201.03545, Table 1 (ImageNet-1K trained, 224)',
    },
    source:
      'same architecture as torchvision convnext_base: 88,591,464 params, 15.36 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'facebook/convnext-large-224',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 197_767_336,
    forwardGflopsPerSample: 68.72, // 224x224
    smallerSiblings: ['facebook/convnext-base-224', 'facebook/convnext-small-224', 'facebook/convnext-tiny-224'],
    quality: {
      benchmark: 'ImageNet-1k top-1 (%)',
      score: 84.3,
      source: 'Liu et al. 2022, ConvNeXt, arXiv:2201.03545, Table 1 (ImageNet-1K trained, 224)',
    },
    source:
      'same architecture as torchvision convnext_large: 197,767,336 params, 34.36 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'microsoft/resnet-18',
    aliases: [],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 11_689_512,
    forwardGflopsPerSample: 3.62, // 224x224
    smallerSiblings: [],
    source:
      'same architecture as torchvision resnet18 (ResNet v1.5): 11,689,512 params, 1.81 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'microsoft/resnet-50',
    aliases: [],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 25_557_032,
    forwardGflopsPerSample: 8.18, // 224x224
    smallerSiblings: ['microsoft/resnet-18'],
    source:
      'same architecture as torchvision resnet50 (ResNet v1.5): 25,557,032 params, 4.09 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  {
    id: 'microsoft/resnet-101',
    aliases: [],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_549_160,
    forwardGflopsPerSample: 15.6, // 224x224
    smallerSiblings: ['microsoft/resnet-50', 'microsoft/resnet-18'],
    source:
      'same architecture as torchvision resnet101 (ResNet v1.5): 44,549,160 params, 7.8 GMACs at 224 (torchvision docs, pytorch.org/vision/stable/models.html; stored x2)',
  },
  // ---------------- VideoMAE pre-training models (video ViT encoder + lightweight decoder, as pre-trained) ----------------
  {
    id: 'MCG-NJU/videomae-base',
    // The repository's timm-registered builder of the same network (MCG-NJU/VideoMAE modeling_pretrain.py), with its
    // program's default decoder depth of 4 (run_mae_pretraining.py --decoder_depth), as in this checkpoint's config.
    aliases: ['pretrain_videomae_base_patch16_224'],
    family: 'videomae',
    architecture: 'vit',
    modality: 'vision',
    params: 94_210_944,
    smallerSiblings: [],
    source:
      'computed from config.json of MCG-NJU/videomae-base (VideoMAEForPreTraining: encoder 12 layers, hidden 768, FFN 3072, tubelet 2 x 16 x 16 patch embedding, qkv biases; decoder 4 layers, hidden 384, FFN 1536, 1536-way pixel head; fixed sinusoidal positions, no parameters); Tong et al. 2022, VideoMAE, arXiv:2203.12602',
  },
  {
    id: 'MCG-NJU/videomae-large',
    // Pre-trained with a 12-layer decoder (the checkpoint's config; the repository's ViT-L pre-training scripts pass
    // --decoder_depth 12).
    aliases: ['pretrain_videomae_large_patch16_224'],
    family: 'videomae',
    architecture: 'vit',
    modality: 'vision',
    params: 342_996_992,
    smallerSiblings: ['MCG-NJU/videomae-base'],
    source:
      'computed from config.json of MCG-NJU/videomae-large (VideoMAEForPreTraining: encoder 24 layers, hidden 1024, FFN 4096, tubelet 2 x 16 x 16 patch embedding, qkv biases; decoder 12 layers, hidden 512, FFN 2048, 1536-way pixel head; fixed sinusoidal positions); Tong et al. 2022, VideoMAE, arXiv:2203.12602',
  },
  // ---------------- Audio Spectrogram Transformer (a ViT-B over spectrogram patches) ----------------
  {
    id: 'MIT/ast-finetuned-audioset-10-10-0.4593',
    // `--model ast` is how the authors' recipes (YuanGongND/ast egs/*/run.sh) name it: one architecture, ViT-B/16.
    aliases: ['ast'],
    family: 'ast',
    architecture: 'vit',
    modality: 'audio',
    params: 86_600_000,
    smallerSiblings: [],
    source:
      'huggingface.co/MIT/ast-finetuned-audioset-10-10-0.4593 model card (Safetensors model size 86.6M params; config.json: 12 layers, hidden 768, intermediate 3072, 16-pixel patches at stride 10); Gong et al. 2021, AST: Audio Spectrogram Transformer, arXiv:2104.01778',
  },
  // ---------------- Speech (Whisper, wav2vec 2.0, HuBERT) ----------------
  {
    id: 'openai/whisper-tiny',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 37_760_640,
    smallerSiblings: [],
    source:
      'computed from config.json (4 encoder + 4 decoder layers, d_model 384, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-tiny.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 37_760_256,
    smallerSiblings: [],
    source:
      'computed from config.json (4 encoder + 4 decoder layers, d_model 384, vocab 51864, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-base',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 72_593_920,
    smallerSiblings: ['openai/whisper-tiny'],
    source:
      'computed from config.json (6 encoder + 6 decoder layers, d_model 512, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-base.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 72_593_408,
    smallerSiblings: ['openai/whisper-tiny.en'],
    source:
      'computed from config.json (6 encoder + 6 decoder layers, d_model 512, vocab 51864, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-small',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 241_734_912,
    smallerSiblings: ['openai/whisper-base', 'openai/whisper-tiny'],
    source:
      'computed from config.json (12 encoder + 12 decoder layers, d_model 768, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-small.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 241_734_144,
    smallerSiblings: ['openai/whisper-base.en', 'openai/whisper-tiny.en'],
    source:
      'computed from config.json (12 encoder + 12 decoder layers, d_model 768, vocab 51864, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-medium',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 763_857_920,
    smallerSiblings: ['openai/whisper-small', 'openai/whisper-base', 'openai/whisper-tiny'],
    source:
      'computed from config.json (24 encoder + 24 decoder layers, d_model 1024, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-medium.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 763_856_896,
    smallerSiblings: ['openai/whisper-small.en', 'openai/whisper-base.en', 'openai/whisper-tiny.en'],
    source:
      'computed from config.json (24 encoder + 24 decoder layers, d_model 1024, vocab 51864, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-large',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 1_543_304_960,
    smallerSiblings: ['openai/whisper-medium', 'openai/whisper-small', 'openai/whisper-base', 'openai/whisper-tiny'],
    source:
      'computed from config.json (32 encoder + 32 decoder layers, d_model 1280, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-large-v2',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 1_543_304_960,
    smallerSiblings: [
      'distil-whisper/distil-large-v2',
      'openai/whisper-medium',
      'openai/whisper-small',
      'openai/whisper-base',
      'openai/whisper-tiny',
    ],
    source:
      'computed from config.json (32 encoder + 32 decoder layers, d_model 1280, vocab 51865, 80 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-large-v3',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 1_543_490_560,
    smallerSiblings: [
      'openai/whisper-large-v3-turbo',
      'distil-whisper/distil-large-v3',
      'openai/whisper-medium',
      'openai/whisper-small',
      'openai/whisper-base',
      'openai/whisper-tiny',
    ],
    source:
      'computed from config.json (32 encoder + 32 decoder layers, d_model 1280, vocab 51866, 128 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    id: 'openai/whisper-large-v3-turbo',
    aliases: ['openai/whisper-turbo'],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 808_878_080,
    smallerSiblings: [
      'distil-whisper/distil-large-v3',
      'openai/whisper-medium',
      'openai/whisper-small',
      'openai/whisper-base',
      'openai/whisper-tiny',
    ],
    source:
      'computed from config.json (32 encoder + 4 decoder layers, d_model 1280, vocab 51866, 128 mel bins, 1500/448 positions, tied output); openai/whisper README (tiny 39M, base 74M, small 244M, medium 769M, large 1550M, turbo 809M)',
  },
  {
    // FunASR's Mandarin recogniser (model.generate through `AutoModel`); its -vad-punc id is the same recogniser
    // packaged with a voice-activity and a punctuation model, which FunASR's model zoo lists as paraformer-zh too.
    id: 'iic/speech_paraformer-large_asr_nat-zh-cn-16k-common-vocab8404-pytorch',
    aliases: [
      'damo/speech_paraformer-large_asr_nat-zh-cn-16k-common-vocab8404-pytorch',
      'iic/speech_paraformer-large-vad-punc_asr_nat-zh-cn-16k-common-vocab8404-pytorch',
      'damo/speech_paraformer-large-vad-punc_asr_nat-zh-cn-16k-common-vocab8404-pytorch',
      'funasr/paraformer-zh',
    ],
    family: 'paraformer',
    architecture: 'speech',
    modality: 'audio',
    params: 220_000_000,
    smallerSiblings: [],
    source:
      'FunASR model_zoo/readme.md and README "Model Zoo" table (paraformer-zh, the speech_paraformer-large ids: 220M parameters); Gao et al. 2022, arXiv:2206.08317',
  },
  {
    id: 'iic/SenseVoiceSmall',
    aliases: ['FunAudioLLM/SenseVoiceSmall'],
    family: 'sensevoice',
    architecture: 'speech',
    modality: 'audio',
    params: 234_000_000,
    smallerSiblings: [],
    source: 'FunASR README "Model Zoo" table (SenseVoiceSmall: 234M parameters); FunAudioLLM/SenseVoice README',
  },
  {
    id: 'distil-whisper/distil-large-v3',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 756_405_760,
    smallerSiblings: ['openai/whisper-small', 'openai/whisper-base', 'openai/whisper-tiny'],
    source:
      'computed from config.json (32 encoder + 2 decoder layers, d_model 1280, vocab 51866, 128 mel bins, 1500/448 positions, tied output); Gandhi et al. 2023, arXiv:2311.00430 (756M)',
  },
  {
    id: 'distil-whisper/distil-large-v2',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 756_220_160,
    smallerSiblings: ['openai/whisper-small', 'openai/whisper-base', 'openai/whisper-tiny'],
    source:
      'computed from config.json (32 encoder + 2 decoder layers, d_model 1280, vocab 51865, 80 mel bins, 1500/448 positions, tied output); Gandhi et al. 2023, arXiv:2311.00430 (756M)',
  },
  {
    id: 'distil-whisper/distil-medium.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 394_375_168,
    smallerSiblings: ['openai/whisper-small.en', 'openai/whisper-base.en', 'openai/whisper-tiny.en'],
    source:
      'computed from config.json (24 encoder + 2 decoder layers, d_model 1024, vocab 51864, 80 mel bins, 1500/448 positions, tied output); distil-whisper model card (394M)',
  },
  {
    id: 'distil-whisper/distil-small.en',
    aliases: [],
    family: 'whisper',
    architecture: 'speech',
    modality: 'audio',
    params: 166_132_224,
    smallerSiblings: ['openai/whisper-base.en', 'openai/whisper-tiny.en'],
    source:
      'computed from config.json (12 encoder + 4 decoder layers, d_model 768, vocab 51864, 80 mel bins, 1500/448 positions, tied output); distil-whisper model card (166M)',
  },
  {
    id: 'facebook/wav2vec2-base',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 95_000_000,
    smallerSiblings: [],
    source: 'Baevski et al. 2020, wav2vec 2.0, arXiv:2006.11477 (BASE 95M, LARGE 317M)',
  },
  {
    id: 'facebook/wav2vec2-base-960h',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 95_000_000,
    smallerSiblings: [],
    quality: {
      benchmark: 'LibriSpeech test-clean WER (%, lower is better)',
      score: 3.4,
      source: 'model card huggingface.co/facebook/wav2vec2-base-960h (clean 3.4 / other 8.6)',
    },
    source: 'Baevski et al. 2020, wav2vec 2.0, arXiv:2006.11477 (BASE 95M, LARGE 317M); CTC fine-tuned on 960h',
  },
  {
    id: 'facebook/wav2vec2-large-960h',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 317_000_000,
    smallerSiblings: ['facebook/wav2vec2-base-960h'],
    source: 'Baevski et al. 2020, wav2vec 2.0, arXiv:2006.11477 (BASE 95M, LARGE 317M); CTC fine-tuned on 960h',
  },
  {
    id: 'facebook/wav2vec2-large-960h-lv60-self',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 317_000_000,
    smallerSiblings: ['facebook/wav2vec2-base-960h'],
    quality: {
      benchmark: 'LibriSpeech test-clean WER (%, lower is better)',
      score: 1.9,
      source: 'model card huggingface.co/facebook/wav2vec2-large-960h-lv60-self (clean 1.9 / other 3.9)',
    },
    source:
      'Baevski et al. 2020, wav2vec 2.0, arXiv:2006.11477 (BASE 95M, LARGE 317M); LV-60k pre-training + self-training',
  },
  {
    id: 'facebook/wav2vec2-large-xlsr-53',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 317_000_000,
    smallerSiblings: [],
    source:
      'Conneau et al. 2020, XLSR, arXiv:2006.13979 (wav2vec 2.0 LARGE architecture, 317M per Baevski et al. 2020, wav2vec 2.0, arXiv:2006.11477 (BASE 95M, LARGE 317M))',
  },
  {
    id: 'facebook/wav2vec2-xls-r-300m',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source: 'Babu et al. 2021, XLS-R, arXiv:2111.09296 (0.3B / 1B / 2B parameter models)',
  },
  {
    id: 'facebook/wav2vec2-xls-r-1b',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 1_000_000_000,
    smallerSiblings: ['facebook/wav2vec2-xls-r-300m'],
    source: 'Babu et al. 2021, XLS-R, arXiv:2111.09296 (0.3B / 1B / 2B parameter models)',
  },
  {
    id: 'facebook/wav2vec2-xls-r-2b',
    aliases: [],
    family: 'wav2vec2',
    architecture: 'speech',
    modality: 'audio',
    params: 2_000_000_000,
    smallerSiblings: ['facebook/wav2vec2-xls-r-1b', 'facebook/wav2vec2-xls-r-300m'],
    source: 'Babu et al. 2021, XLS-R, arXiv:2111.09296 (0.3B / 1B / 2B parameter models)',
  },
  {
    id: 'facebook/hubert-base-ls960',
    aliases: [],
    family: 'hubert',
    architecture: 'speech',
    modality: 'audio',
    params: 95_000_000,
    smallerSiblings: [],
    source: 'Hsu et al. 2021, HuBERT, arXiv:2106.07447 (BASE 95M, LARGE 317M, X-LARGE 964M)',
  },
  {
    id: 'facebook/hubert-large-ll60k',
    aliases: [],
    family: 'hubert',
    architecture: 'speech',
    modality: 'audio',
    params: 317_000_000,
    smallerSiblings: ['facebook/hubert-base-ls960'],
    source: 'Hsu et al. 2021, HuBERT, arXiv:2106.07447 (BASE 95M, LARGE 317M, X-LARGE 964M)',
  },
  {
    id: 'facebook/hubert-large-ls960-ft',
    aliases: [],
    family: 'hubert',
    architecture: 'speech',
    modality: 'audio',
    params: 317_000_000,
    smallerSiblings: ['facebook/hubert-base-ls960'],
    source: 'Hsu et al. 2021, HuBERT, arXiv:2106.07447 (BASE 95M, LARGE 317M, X-LARGE 964M); CTC fine-tuned on 960h',
  },
  {
    id: 'facebook/hubert-xlarge-ll60k',
    aliases: [],
    family: 'hubert',
    architecture: 'speech',
    modality: 'audio',
    params: 964_000_000,
    smallerSiblings: ['facebook/hubert-large-ll60k', 'facebook/hubert-base-ls960'],
    source: 'Hsu et al. 2021, HuBERT, arXiv:2106.07447 (BASE 95M, LARGE 317M, X-LARGE 964M)',
  },
  // ---------------- Robot policies (vision-language-action, LeRobot) ----------------
  {
    id: 'lerobot/pi0_base',
    aliases: ['lerobot/pi0'],
    family: 'pi0',
    architecture: 'other',
    modality: 'multimodal',
    params: 3_300_000_000,
    smallerSiblings: ['lerobot/smolvla_base'],
    source:
      'Black et al. 2024, pi0: A Vision-Language-Action Flow Model for General Robot Control, arXiv:2410.24164: PaliGemma 3B VLM plus a 300M-parameter action expert (3.3B in all)',
  },
  {
    id: 'lerobot/smolvla_base',
    aliases: [],
    family: 'smolvla',
    architecture: 'other',
    modality: 'multimodal',
    params: 450_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/lerobot/smolvla_base ("This model has 450M parameters in total"); Shukor et al. 2025, SmolVLA, arXiv:2506.01844',
  },
  // LeRobot policies built from their default config (`ACTPolicy(ACTConfig(...))`): the size of LeRobot's published
  // checkpoint of that type, whose weights are stored in float32 (4 bytes a parameter).
  {
    id: 'lerobot/act_aloha_sim_transfer_cube_human',
    aliases: ['lerobot:act'],
    family: 'act',
    architecture: 'other',
    modality: 'multimodal',
    params: 51_700_000,
    smallerSiblings: [],
    source:
      "huggingface.co/lerobot/act_aloha_sim_transfer_cube_human (files: model.safetensors 207 MB, float32: about 51.7M parameters; ResNet-18 backbone and transformer encoder-decoder of LeRobot's ACTConfig defaults); Zhao et al. 2023, ACT, arXiv:2304.13705",
  },
  {
    id: 'lerobot/diffusion_pusht',
    aliases: ['lerobot:diffusion'],
    family: 'diffusion-policy',
    architecture: 'other',
    modality: 'multimodal',
    params: 263_000_000,
    smallerSiblings: [],
    source:
      "huggingface.co/lerobot/diffusion_pusht (files: model.safetensors 1.05 GB, float32: about 263M parameters; ResNet-18 encoder and 1D conditional U-Net of LeRobot's DiffusionConfig defaults); Chi et al. 2023, Diffusion Policy, arXiv:2303.04137",
  },
  // ---------------- Multimodal (CLIP, SigLIP, LLaVA) ----------------
  // open_clip architecture names (`create_model('ViT-H-14')`, `--model ViT-H-14`) resolve to the row of a checkpoint of that
  // architecture (same parameters and FLOPs). ViT-B-32, ViT-B-16, ViT-L-16 and ViT-H-14 are only aliased with the `open_clip:`
  // prefix: unprefixed they fold onto the catalog key of torchvision's image-only vit_b_32 / vit_b_16 / vit_l_16 / vit_h_14,
  // so a reader that knows the name is open_clip's (an open_clip launch or create_model call) has to say so.
  {
    id: 'open_clip/RN50',
    // clip:RN50 — openai/CLIP clip/clip.py `_MODELS` key (`clip.load("RN50")`), model-card.md: the same RN50 CLIP.
    aliases: ['open_clip:RN50', 'RN50', 'clip:RN50'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 102_010_000,
    forwardGflopsPerSample: 18.18, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: [],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs): RN50 102.01M params (image 38.32M, text 63.69M), 18.18 GFLOPs per image-text pair',
  },
  {
    id: 'open_clip/ViT-L-16',
    aliases: ['open_clip:ViT-L-16'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 427_740_000,
    forwardGflopsPerSample: 136.41, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['openai/clip-vit-base-patch16'],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs): ViT-L-16 427.74M params (image 304.09M, text 123.65M), 136.41 GFLOPs per image-text pair',
  },
  {
    // CoCa (Yu et al. 2022, arXiv:2205.01917) as open_clip builds it: a CLIP image tower, a text tower and a multimodal
    // text decoder that writes captions (`model.generate(image)`).
    id: 'open_clip/coca_ViT-L-14',
    aliases: ['open_clip:coca_ViT-L-14'],
    family: 'coca',
    architecture: 'other',
    modality: 'multimodal',
    params: 638_450_000,
    forwardGflopsPerSample: 214.52, // 224x224 image + 76-token text
    contextLength: 76,
    smallerSiblings: ['open_clip/coca_ViT-B-32'],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs): coca_ViT-L-14 638.45M params (image 306.72M, text 123.65M; the rest the multimodal decoder), 214.52 GFLOPs per image-text pair; context length 76: the text tower context_length of the open_clip coca_ViT-L-14 model config',
  },
  {
    id: 'open_clip/coca_ViT-B-32',
    aliases: ['open_clip:coca_ViT-B-32'],
    family: 'coca',
    architecture: 'other',
    modality: 'multimodal',
    params: 253_560_000,
    forwardGflopsPerSample: 33.34, // 224x224 image + 76-token text
    contextLength: 76,
    smallerSiblings: [],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs): coca_ViT-B-32 253.56M params (image 89.16M, text 63.43M; the rest the multimodal decoder), 33.34 GFLOPs per image-text pair; context length 76: the text tower context_length of the open_clip coca_ViT-B-32 model config',
  },
  {
    id: 'openai/clip-vit-base-patch32',
    // sentence-transformers' clip-ViT-B-32 is this model behind its CLIPModel module (model card
    // huggingface.co/sentence-transformers/clip-ViT-B-32: "the image & text model CLIP ... ViT-B/32").
    aliases: [
      'open_clip:ViT-B-32/openai',
      'open_clip:ViT-B-32',
      'sentence-transformers/clip-ViT-B-32',
      'clip-ViT-B-32',
      // openai/CLIP's own loader names (clip/clip.py `_MODELS`, model-card.md "ViT-B/32"): `clip.load("ViT-B/32")`,
      // its slash written as a dash (registryLoader.ts): a slash would read as an organisation/name Hub id.
      'clip:ViT-B-32',
    ],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 151_280_000,
    forwardGflopsPerSample: 14.78, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 63.32,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-B-32 / openai',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-B-32 151.28M params, 14.78 GFLOPs per image-text pair',
  },
  {
    id: 'google/lit-b16b',
    // LiT-B16B_2 replaced LiT-B16B (model card, 2022-08-16) with the same towers.
    aliases: ['LiT-B16B', 'LiT-B16B_2'],
    family: 'lit',
    architecture: 'other',
    modality: 'multimodal',
    params: 196_000_000,
    smallerSiblings: [],
    source:
      'google-research/vision_transformer model_cards/lit.md, model table (Weights: B16B_2 196M, L16L 638M; Layers 2x12 and 2x24: a ViT image tower and a BERT text tower); Zhai et al. 2022, LiT: Zero-Shot Transfer with Locked-image text Tuning, arXiv:2111.07991',
  },
  {
    id: 'google/lit-l16l',
    aliases: ['LiT-L16L'],
    family: 'lit',
    architecture: 'other',
    modality: 'multimodal',
    params: 638_000_000,
    smallerSiblings: ['google/lit-b16b'],
    source:
      'google-research/vision_transformer model_cards/lit.md, model table (Weights: B16B_2 196M, L16L 638M; Layers 2x12 and 2x24: a ViT image tower and a BERT text tower); Zhai et al. 2022, LiT: Zero-Shot Transfer with Locked-image text Tuning, arXiv:2111.07991',
  },
  {
    id: 'openai/clip-vit-base-patch16',
    // clip:ViT-B/16 — openai/CLIP clip/clip.py `_MODELS` key, model-card.md.
    aliases: ['open_clip:ViT-B-16/openai', 'open_clip:ViT-B-16', 'clip:ViT-B-16'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 149_620_000,
    forwardGflopsPerSample: 41.09, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['openai/clip-vit-base-patch32'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 68.34,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-B-16 / openai',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-B-16 149.62M params, 41.09 GFLOPs per image-text pair',
  },
  {
    id: 'apple/MobileCLIP-S0',
    // open_clip's architecture name (open_clip model configs MobileCLIP-S0) and the ml-mobileclip package's key.
    aliases: ['open_clip:MobileCLIP-S0', 'MobileCLIP-S0', 'mobileclip_s0'],
    family: 'mobileclip',
    architecture: 'other',
    modality: 'multimodal',
    params: 53_800_000,
    contextLength: 77,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 67.8,
      source:
        'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S0 67.8',
    },
    source:
      'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S0 11.4 + 42.4 M parameters (image + text encoders)',
  },
  {
    id: 'apple/MobileCLIP-S1',
    // open_clip's architecture name (open_clip model configs MobileCLIP-S1) and the ml-mobileclip package's key.
    aliases: ['open_clip:MobileCLIP-S1', 'MobileCLIP-S1', 'mobileclip_s1'],
    family: 'mobileclip',
    architecture: 'other',
    modality: 'multimodal',
    params: 84_900_000,
    contextLength: 77,
    smallerSiblings: ['apple/MobileCLIP-S0'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 72.6,
      source:
        'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S1 72.6',
    },
    source:
      'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S1 21.5 + 63.4 M parameters (image + text encoders)',
  },
  {
    id: 'apple/MobileCLIP-S2',
    // open_clip's architecture name (open_clip model configs MobileCLIP-S2) and the ml-mobileclip package's key.
    aliases: ['open_clip:MobileCLIP-S2', 'MobileCLIP-S2', 'mobileclip_s2'],
    family: 'mobileclip',
    architecture: 'other',
    modality: 'multimodal',
    params: 99_100_000,
    contextLength: 77,
    smallerSiblings: ['apple/MobileCLIP-S1', 'apple/MobileCLIP-S0'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 74.4,
      source:
        'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S2 74.4',
    },
    source:
      'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-S2 35.7 + 63.4 M parameters (image + text encoders)',
  },
  {
    id: 'apple/MobileCLIP-B',
    // open_clip's architecture name (open_clip model configs MobileCLIP-B) and the ml-mobileclip package's key.
    aliases: ['open_clip:MobileCLIP-B', 'MobileCLIP-B', 'mobileclip_b'],
    family: 'mobileclip',
    architecture: 'other',
    modality: 'multimodal',
    params: 149_700_000,
    contextLength: 77,
    smallerSiblings: ['apple/MobileCLIP-S2', 'apple/MobileCLIP-S1', 'apple/MobileCLIP-S0'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 76.8,
      source:
        'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-B 76.8',
    },
    source:
      'huggingface.co/apple/MobileCLIP-S2-OpenCLIP model card, Checkpoints table (# Params (M) (img + txt); IN-1k Zero-Shot Top-1 Acc.): MobileCLIP-B 86.3 + 63.4 M parameters (image + text encoders)',
  },
  {
    id: 'openai/clip-vit-large-patch14',
    // clip:ViT-L/14 — openai/CLIP clip/clip.py `_MODELS` key, model-card.md.
    aliases: ['open_clip:ViT-L-14/openai', 'open_clip:ViT-L-14', 'ViT-L-14', 'clip:ViT-L-14'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 427_620_000,
    forwardGflopsPerSample: 175.33, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['openai/clip-vit-base-patch16', 'openai/clip-vit-base-patch32'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 75.54,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-L-14 / openai',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-L-14 427.62M params, 175.33 GFLOPs per image-text pair',
  },
  {
    id: 'openai/clip-vit-large-patch14-336',
    // clip:ViT-L/14@336px — openai/CLIP clip/clip.py `_MODELS` key, model-card.md.
    aliases: ['open_clip:ViT-L-14-336/openai', 'open_clip:ViT-L-14-336', 'ViT-L-14-336', 'clip:ViT-L-14@336px'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 427_940_000,
    forwardGflopsPerSample: 395.22, // 336x336 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['openai/clip-vit-large-patch14', 'openai/clip-vit-base-patch16', 'openai/clip-vit-base-patch32'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 76.56,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-L-14-336 / openai',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-L-14-336 427.94M params, 395.22 GFLOPs per image-text pair',
  },
  {
    id: 'laion/CLIP-ViT-B-32-laion2B-s34B-b79K',
    aliases: ['open_clip:ViT-B-32/laion2b_s34b_b79k'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 151_280_000,
    forwardGflopsPerSample: 14.78, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: [],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 66.56,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-B-32 / laion2b_s34b_b79k',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-B-32 151.28M params, 14.78 GFLOPs per image-text pair',
  },
  {
    id: 'laion/CLIP-ViT-H-14-laion2B-s32B-b79K',
    aliases: ['open_clip:ViT-H-14/laion2b_s32b_b79k', 'open_clip:ViT-H-14'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 986_110_000,
    forwardGflopsPerSample: 381.68, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['laion/CLIP-ViT-B-32-laion2B-s34B-b79K'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 77.96,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-H-14 / laion2b_s32b_b79k',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-H-14 986.11M params, 381.68 GFLOPs per image-text pair',
  },
  {
    id: 'laion/CLIP-ViT-g-14-laion2B-s34B-b88K',
    aliases: ['open_clip:ViT-g-14/laion2b_s34b_b88k', 'open_clip:ViT-g-14', 'ViT-g-14'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 1_366_680_000,
    forwardGflopsPerSample: 581.15, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: ['laion/CLIP-ViT-H-14-laion2B-s32B-b79K', 'laion/CLIP-ViT-B-32-laion2B-s34B-b79K'],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 78.47,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-g-14 / laion2b_s34b_b88k',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-g-14 1366.68M params, 581.15 GFLOPs per image-text pair',
  },
  {
    id: 'laion/CLIP-ViT-bigG-14-laion2B-39B-b160k',
    aliases: ['open_clip:ViT-bigG-14/laion2b_s39b_b160k', 'open_clip:ViT-bigG-14', 'ViT-bigG-14'],
    family: 'clip',
    architecture: 'other',
    modality: 'multimodal',
    params: 2_539_570_000,
    forwardGflopsPerSample: 1065.36, // 224x224 image + 77-token text
    contextLength: 77,
    smallerSiblings: [
      'laion/CLIP-ViT-g-14-laion2B-s34B-b88K',
      'laion/CLIP-ViT-H-14-laion2B-s32B-b79K',
      'laion/CLIP-ViT-B-32-laion2B-s34B-b79K',
    ],
    quality: {
      benchmark: 'ImageNet-1k zero-shot top-1 (%)',
      score: 80.09,
      source: 'open_clip docs/openclip_results.csv (ImageNet-1k zero-shot): ViT-bigG-14 / laion2b_s39b_b160k',
    },
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-bigG-14 2539.57M params, 1065.36 GFLOPs per image-text pair',
  },
  {
    id: 'google/siglip-base-patch16-224',
    aliases: ['open_clip:ViT-B-16-SigLIP/webli'],
    family: 'siglip',
    architecture: 'other',
    modality: 'multimodal',
    params: 203_160_000,
    forwardGflopsPerSample: 46.44, // 224x224 image + text
    smallerSiblings: [],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-B-16-SigLIP 203.16M params, 46.44 GFLOPs',
  },
  {
    id: 'google/siglip-so400m-patch14-384',
    aliases: ['open_clip:ViT-SO400M-14-SigLIP-384/webli'],
    family: 'siglip',
    architecture: 'other',
    modality: 'multimodal',
    params: 877_960_000,
    forwardGflopsPerSample: 723.48, // 384x384 image + text
    smallerSiblings: ['google/siglip-base-patch16-224'],
    source:
      'open_clip docs/model_profile.csv (mparams; gflops = image + text forward FLOPs, already 2x MACs): ViT-SO400M-14-SigLIP-384 877.96M params, 723.48 GFLOPs',
  },
  {
    id: 'openbmb/MiniCPM-V-2',
    aliases: ['MiniCPM-V-2'],
    family: 'minicpm-v',
    architecture: 'other',
    modality: 'multimodal',
    params: 2_800_000_000,
    contextLength: 4_096,
    smallerSiblings: [],
    source:
      'huggingface.co/openbmb/MiniCPM-V-2 model card: "MiniCPM-V 2.8B ... built based on SigLip-400M and MiniCPM-2.4B, connected by a perceiver resampler" (the stated total)',
  },
  {
    id: 'openbmb/MiniCPM-Llama3-V-2_5',
    aliases: ['MiniCPM-Llama3-V-2_5'],
    family: 'minicpm-v',
    architecture: 'other',
    modality: 'multimodal',
    params: 8_000_000_000,
    contextLength: 8_192,
    smallerSiblings: ['openbmb/MiniCPM-V-2'],
    source:
      'huggingface.co/openbmb/MiniCPM-Llama3-V-2_5 model card: "built on SigLip-400M and Llama3-8B-Instruct with a total of 8B parameters" (the stated total)',
  },
  {
    id: 'openbmb/MiniCPM-V-2_6',
    aliases: ['MiniCPM-V-2_6'],
    family: 'minicpm-v',
    architecture: 'other',
    modality: 'multimodal',
    params: 8_000_000_000,
    contextLength: 32_768,
    smallerSiblings: ['openbmb/MiniCPM-V-2'],
    source:
      'huggingface.co/openbmb/MiniCPM-V-2_6 model card (also Xinference docs, MiniCPM-V-2.6): "built on SigLip-400M and Qwen2-7B with a total of 8B parameters" (the stated total)',
  },
  {
    id: 'openbmb/MiniCPM-o-2_6',
    aliases: ['MiniCPM-o-2_6'],
    family: 'minicpm-v',
    architecture: 'other',
    modality: 'multimodal',
    params: 8_000_000_000,
    contextLength: 32_768,
    smallerSiblings: ['openbmb/MiniCPM-V-2'],
    source:
      'huggingface.co/openbmb/MiniCPM-o-2_6 model card: "based on SigLip-400M, Whisper-medium-300M, ChatTTS-200M, and Qwen2.5-7B with a total of 8B parameters" (the stated total)',
  },
  {
    id: 'llava-hf/llava-1.5-7b-hf',
    aliases: ['liuhaotian/llava-v1.5-7b'],
    family: 'llava',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_063_427_072,
    contextLength: 4_096,
    smallerSiblings: [],
    quality: {
      benchmark: 'VQAv2 test-dev accuracy (%)',
      score: 78.5,
      source:
        'Liu et al. 2023, Improved Baselines with Visual Instruction Tuning (LLaVA-1.5), arXiv:2310.03744, Table (VQAv2 test-dev)',
    },
    source:
      'computed from config.json: Vicuna-7B v1.5 text model (Llama-2-7B layout, vocab 32064) + CLIP ViT-L/14-336 vision tower (303,507,456) + 2-layer MLP projector 1024->4096->4096',
  },
  {
    id: 'openvla/openvla-7b',
    aliases: ['openvla-7b'],
    family: 'openvla',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_540_000_000,
    smallerSiblings: [],
    source:
      'Kim et al. 2024, OpenVLA: An Open-Source Vision-Language-Action Model, arXiv:2406.09246 ("a 7B-parameter open-source VLA": Llama 2 7B with a fused DINOv2 + SigLIP vision encoder); about 7.54B = Llama-2-7B (6.74B) + SigLIP-SO400M/14 vision tower (~0.43B) + DINOv2 ViT-L/14 (~0.30B) + the fused MLP projector (~0.07B), consistent with the checkpoint\'s four safetensors shards (~15.1 GB in bfloat16)',
  },
  // ---------------- BLIP task models (the factories of its models/ package, by image-encoder size) ----------------
  {
    id: 'blip:decoder-base',
    // LAVIS registry names (model.arch-model_type in its run configs) of the same models
    aliases: ['blip_caption-base_coco'],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 223_971_644,
    smallerSiblings: [],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, captioning model: ViT-B/16 at 384 px (86.1M) + BERT-base decoder with cross-attention and its tied LM head (137.9M) (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:decoder-large',
    // LAVIS registry names (model.arch-model_type in its run configs) of the same models
    aliases: ['blip_caption-large_coco', 'blip_caption-large'],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 446_290_492,
    smallerSiblings: ['blip:decoder-base'],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, captioning model: ViT-L/16 at 384 px (303.7M) + BERT-base decoder with cross-attention over 1024-wide image features (142.6M) (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:retrieval-base',
    // LAVIS registry names (model.arch-model_type in its run configs) of the same models
    aliases: ['blip_retrieval-coco', 'blip_retrieval-flickr'],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 223_744_259,
    smallerSiblings: [],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, image-text retrieval model, trained parameters: ViT-B/16 at 384 px (86.1M) + BERT-base encoder with cross-attention (137.3M) + 256-d projections and ITM head; its momentum copies (another 223.7M) are updated by moving average, not trained (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:retrieval-large',
    aliases: [],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 446_128_643,
    smallerSiblings: ['blip:retrieval-base'],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, image-text retrieval model, trained parameters: ViT-L/16 at 384 px (303.7M) + BERT-base encoder with cross-attention over 1024-wide features (142.0M) + projections and ITM head; momentum copies not counted (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:vqa-base',
    // LAVIS registry names (model.arch-model_type in its run configs) of the same models
    aliases: ['blip_vqa-vqav2', 'blip_vqa-okvqa', 'blip_vqa-aokvqa'],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 361_478_972,
    smallerSiblings: [],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, VQA model: ViT-B/16 at 480 px (86.3M) + BERT-base question encoder with cross-attention (137.3M) + answer decoder with cross-attention and tied LM head (137.9M) (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:vqa-large',
    aliases: [],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 588_599_356,
    smallerSiblings: ['blip:vqa-base'],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, VQA model: ViT-L/16 at 480 px (304.0M) + question encoder and answer decoder with cross-attention over 1024-wide features (284.6M) (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:pretrain-base',
    // LAVIS registry names (model.arch-model_type in its run configs) of the same models
    aliases: ['blip_pretrain'],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 252_441_919,
    smallerSiblings: [],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, pre-training model, trained parameters: ViT-B/16 at 224 px (85.8M) + BERT-base encoder with cross-attention (137.3M) + the decoder self-attention layers and LM head (29.0M) + projections and ITM head; momentum copies (223.4M) not counted (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'blip:pretrain-large',
    aliases: [],
    family: 'blip',
    architecture: 'other',
    modality: 'multimodal',
    params: 474_729_023,
    smallerSiblings: ['blip:pretrain-base'],
    source:
      'Li et al. 2022, BLIP: Bootstrapping Language-Image Pre-training, arXiv:2201.12086 (Sec. 3.1: a ViT-B/16 or ViT-L/16 image encoder; a BERT-base text encoder with a cross-attention layer in every transformer block; a text decoder that shares all but the self-attention layers in pre-training); computed, pre-training model, trained parameters: ViT-L/16 at 224 px (303.3M) + BERT-base encoder with cross-attention over 1024-wide features (142.0M) + decoder self-attention and LM head (29.0M) + projections and ITM head; momentum copies not counted (BERT-base: vocabulary 30524, 512 learned positions, no token-type embeddings); the method checked on Salesforce/blip-image-captioning-base and -large (model.safetensors 989,717,056 bytes in float32, about 247.4M, and about 470M: the same counts plus an untied 23.4M language-model head)',
  },
  {
    id: 'llava-hf/llava-1.5-13b-hf',
    aliases: ['liuhaotian/llava-v1.5-13b'],
    family: 'llava',
    architecture: 'other',
    modality: 'multimodal',
    params: 13_351_494_656,
    contextLength: 4_096,
    smallerSiblings: ['llava-hf/llava-1.5-7b-hf'],
    quality: {
      benchmark: 'VQAv2 test-dev accuracy (%)',
      score: 80.0,
      source:
        'Liu et al. 2023, Improved Baselines with Visual Instruction Tuning (LLaVA-1.5), arXiv:2310.03744, Table (VQAv2 test-dev)',
    },
    source:
      'computed from config.json: Vicuna-13B v1.5 text model (Llama-2-13B layout, vocab 32064) + CLIP ViT-L/14-336 vision tower + 2-layer MLP projector 1024->5120->5120',
  },
  // ---------------- Stable Diffusion (UNet denoiser) ----------------
  {
    id: 'runwayml/stable-diffusion-v1-5',
    aliases: ['stable-diffusion-v1-5/stable-diffusion-v1-5', 'sd-legacy/stable-diffusion-v1-5'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 860_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD1_DIFFUSION,
  },
  {
    id: 'CompVis/stable-diffusion-v1-4',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 860_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD1_DIFFUSION,
  },
  {
    // AnimateDiff motion modules (v1/v3: one Vanilla temporal transformer after each down/up-level layer of the SD 1.5 UNet).
    id: 'guoyww/animatediff',
    aliases: ['animatediff'],
    family: 'animatediff',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_277_000_000,
    smallerSiblings: [],
    source:
      'Guo et al. 2023, AnimateDiff, arXiv:2307.04725 (a motion module trained into a frozen Stable Diffusion 1.5 UNet); computed: SD 1.5 UNet 860M (SDXL paper, arXiv:2307.01952, Table 1) + motion module 417M (animatediff/models/motion_module.py with configs/inference/inference-v3.yaml: 20 modules of 22·c²+21·c at c = 320, 640, 1280, 1280), agreeing with the released mm_sd_v15.ckpt (1.67 GB in fp32) on huggingface.co/guoyww/animatediff; params are the denoiser only (text encoder and VAE excluded), as for Stable Diffusion',
  },
  {
    id: 'stabilityai/stable-diffusion-2-1',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 865_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD2_768_DIFFUSION,
  },
  {
    id: 'stabilityai/stable-diffusion-2-1-base',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 865_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD2_512_DIFFUSION,
  },
  {
    // SD 2.0 at 512px (eps-prediction): the base the 768px model was trained from; same UNet.
    id: 'stabilityai/stable-diffusion-2-base',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 865_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD2_512_DIFFUSION,
  },
  {
    // SD 2.0 at 768px (v-prediction); `stable-diffusion-2`: the name code gives the family (a factory
    // `stable_diffusion_2`), the same 865M UNet as every 2.x checkpoint.
    id: 'stabilityai/stable-diffusion-2',
    aliases: ['stable-diffusion-2'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 865_000_000,
    smallerSiblings: [],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SD2_768_DIFFUSION,
  },
  {
    id: 'stabilityai/stable-diffusion-xl-base-1.0',
    aliases: ['stable-diffusion-xl'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_600_000_000,
    smallerSiblings: ['segmind/SSD-1B', 'stabilityai/stable-diffusion-2-1', 'runwayml/stable-diffusion-v1-5'],
    source:
      'Podell et al. 2023, SDXL, arXiv:2307.01952, Table 1 (UNet parameters: SD 1.4/1.5 860M, SD 2.0/2.1 865M, SDXL 2.6B); params are the UNet only (text encoders and VAE excluded)',
    diffusion: SDXL_DIFFUSION,
  },
  {
    id: 'stabilityai/sdxl-turbo',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_600_000_000,
    smallerSiblings: ['segmind/SSD-1B', 'stabilityai/stable-diffusion-2-1', 'runwayml/stable-diffusion-v1-5'],
    source:
      'model card huggingface.co/stabilityai/sdxl-turbo ("a distilled version of SDXL 1.0", finetuned from SDXL 1.0 Base) and the diffusers SDXL Turbo docs ("uses the exact same architecture as SDXL"): the SDXL UNet, 2.6B (Podell et al. 2023, arXiv:2307.01952, Table 1); the UNet only',
    diffusion: {
      // Turbo's UNet config sets sample_size 64: the pipeline draws 512x512 by default (the model card's size).
      denoiserGflops: SDXL_UNET_1024_GFLOPS / 4,
      nativePixels: 512 * 512,
      defaultSteps: 50,
      defaultGuidanceScale: 5.0,
      decoderGflops: SD_VAE_DECODER_512_GFLOPS,
      source: `${SDXL_DIFFUSION_SOURCE}; Turbo draws 512x512 by default (unet/config.json sample_size 64, model card "512x512"): the count scaled by pixels`,
    },
  },
  // ---------------- Stable Video Diffusion (the video UNet; image encoder and autoencoder excluded) ----------------
  {
    // `svd_xt`, `svd_xt_1_1`: the weights files the releases ship (svd_xt.safetensors, svd_xt_1_1.safetensors),
    // which Stability's sampling configs load by `ckpt_path`. The bare `svd` is not an alias: it is also the
    // singular value decomposition.
    id: 'stabilityai/stable-video-diffusion-img2vid-xt',
    aliases: ['svd_xt', 'svd_xt_1_1', 'stabilityai/stable-video-diffusion-img2vid-xt-1-1'],
    family: 'stable-video-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_500_000_000,
    smallerSiblings: [],
    source:
      'Blattmann et al. 2023, Stable Video Diffusion, arXiv:2311.15127 (the SD 2.1 UNet with temporal convolution and attention layers inserted); model card huggingface.co/stabilityai/stable-video-diffusion-img2vid-xt (finetuned from SVD Image-to-Video [14 frames], same network); about 1.5B parameters in the UNet ("1.5B UNet video model", localmodel.run/model/stable-video-diffusion, citing that model card); the UNet only',
  },
  {
    id: 'stabilityai/stable-video-diffusion-img2vid',
    aliases: [],
    family: 'stable-video-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_500_000_000,
    smallerSiblings: [],
    source:
      'Blattmann et al. 2023, Stable Video Diffusion, arXiv:2311.15127; model card huggingface.co/stabilityai/stable-video-diffusion-img2vid (14 frames; the -xt model is finetuned from it, same network): about 1.5B parameters in the UNet (localmodel.run/model/stable-video-diffusion); the UNet only',
  },
  {
    // `sv3d_u`, `sv3d_p`: the two released weights files (sv3d_u.safetensors, sv3d_p.safetensors).
    id: 'stabilityai/sv3d',
    aliases: ['sv3d_u', 'sv3d_p'],
    family: 'stable-video-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_500_000_000,
    smallerSiblings: [],
    source:
      'Voleti et al. 2024, SV3D, arXiv:2403.12008 (SV3D is Stable Video Diffusion finetuned for novel multi-view synthesis, same video UNet) and model card huggingface.co/stabilityai/sv3d (finetuned from SVD Image-to-Video); the SVD UNet, about 1.5B (see stabilityai/stable-video-diffusion-img2vid-xt); the UNet only',
  },
  {
    id: 'segmind/SSD-1B',
    aliases: [],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_300_000_000,
    smallerSiblings: ['runwayml/stable-diffusion-v1-5'],
    source: 'model card huggingface.co/segmind/SSD-1B (distilled SDXL UNet, 1.3B parameters, 50% smaller than SDXL)',
  },
  // ---------------- Diffusion transformers (the denoiser; text encoders and autoencoder excluded, as above) ----------------
  {
    id: 'black-forest-labs/FLUX.1-dev',
    // `flux-dev`: the name ports (mlx-examples' FluxPipeline, flux's own CLI) give the same weights.
    aliases: ['flux1-dev', 'flux-dev'],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 12_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/black-forest-labs/FLUX.1-dev ("a 12 billion parameter rectified flow transformer"); the transformer only (T5-XXL and CLIP-L text encoders and the autoencoder excluded)',
    diffusion: FLUX_DIFFUSION,
  },
  {
    id: 'black-forest-labs/FLUX.1-schnell',
    aliases: ['flux1-schnell', 'flux-schnell'],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 12_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/black-forest-labs/FLUX.1-schnell ("a 12 billion parameter rectified flow transformer", the timestep-distilled sibling of FLUX.1 [dev]); the transformer only',
    diffusion: FLUX_DIFFUSION,
  },
  {
    id: 'Tongyi-MAI/Z-Image-Turbo',
    aliases: ['z-image-turbo', 'zimage-turbo'],
    family: 'z-image',
    architecture: 'diffusion',
    modality: 'vision',
    params: 6_000_000_000,
    smallerSiblings: [],
    source:
      'Tongyi-MAI Z-Image-Turbo (huggingface.co/Tongyi-MAI/Z-Image-Turbo): a 6B-parameter text-to-image model (replicate.com/prunaai/z-image-turbo: "a super fast text-to-image model of 6B parameters developed by Tongyi-MAI"); its single-stream DiT is about 6.15B (30 layers, hidden size 3840) per summaries of the Z-Image technical report; the published 6B is used. The transformer only (the Qwen text encoder and the autoencoder excluded)',
  },
  {
    id: 'Tongyi-MAI/Z-Image',
    aliases: [],
    family: 'z-image',
    architecture: 'diffusion',
    modality: 'vision',
    params: 6_000_000_000,
    smallerSiblings: [],
    source:
      "Tongyi-MAI's Z-Image collection on the Hugging Face Hub (huggingface.co/collections/Tongyi-MAI/z-image: Tongyi-MAI/Z-Image, Text-to-Image, 6B), the undistilled base of Z-Image-Turbo (Z-Image Team 2025, arXiv:2511.22699, a Scalable Single-Stream DiT); the transformer only (the Qwen text encoder and the autoencoder excluded)",
  },
  {
    id: 'black-forest-labs/FLUX.1-Kontext-dev',
    // `flux-dev-kontext`: the name flux's own CLI registers these weights under (its table of model specs).
    aliases: ['flux1-kontext-dev', 'flux-dev-kontext'],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 12_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/black-forest-labs/FLUX.1-Kontext-dev ("a 12 billion parameter rectified flow transformer capable of editing images based on text instructions"); the transformer only',
  },
  {
    id: 'black-forest-labs/FLUX.1-Fill-dev',
    // `flux-dev-fill`: the name flux's own CLI registers these weights under (its table of model specs).
    aliases: ['flux1-fill-dev', 'flux-dev-fill'],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 12_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/black-forest-labs/FLUX.1-Fill-dev ("a 12 billion parameter rectified flow transformer", inpainting and outpainting); the transformer only',
  },
  {
    id: 'black-forest-labs/FLUX.1-Krea-dev',
    // `flux-dev-krea`: the name flux's own CLI registers these weights under (its table of model specs).
    aliases: ['flux1-krea-dev', 'flux-dev-krea'],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 12_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/black-forest-labs/FLUX.1-Krea-dev ("a 12 billion parameter rectified flow transformer capable of generating images from text descriptions"); the transformer only',
  },
  {
    id: 'ostris/Flex.1-alpha',
    aliases: [],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 8_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/ostris/Flex.1-alpha ("a pre-trained base 8 billion parameter rectified flow transformer", FLUX.1 [schnell] with 8 of its 19 double transformer blocks); the transformer only (T5-XXL, CLIP-L and the autoencoder excluded)',
  },
  {
    id: 'ostris/Flex.2-preview',
    aliases: [],
    family: 'flux',
    architecture: 'diffusion',
    modality: 'vision',
    params: 8_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/ostris/Flex.2-preview ("Open Source 8B parameter Text to Image Diffusion Model with universal control and inpainting support built in"; Flex.1 grown by control and inpainting inputs); the transformer only',
  },
  {
    id: 'Qwen/Qwen-Image-Edit',
    aliases: ['Qwen/Qwen-Image-Edit-2509', 'Qwen/Qwen-Image-Edit-2511'],
    family: 'qwen-image',
    architecture: 'diffusion',
    modality: 'vision',
    params: 20_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/Qwen/Qwen-Image-Edit ("the image editing version of Qwen-Image ... Built upon our 20B Qwen-Image model"); Qwen-Image-Edit-2509 and -2511 are its monthly iterations (their model cards: the same Qwen-Image MMDiT); the MMDiT only, as for Qwen-Image',
  },
  {
    id: 'Wan-AI/Wan2.1-T2V-14B',
    aliases: ['Wan-AI/Wan2.1-T2V-14B-Diffusers'],
    family: 'wan',
    architecture: 'diffusion',
    modality: 'vision',
    params: 14_000_000_000,
    smallerSiblings: ['Wan-AI/Wan2.1-T2V-1.3B'],
    source:
      'Wan Team 2025, Wan: Open and Advanced Large-Scale Video Generative Models, arXiv:2503.20314 (the 14B and 1.3B diffusion transformers); model card huggingface.co/Wan-AI/Wan2.1-T2V-14B; the -Diffusers repository holds the same weights in the diffusers layout; the DiT only (umT5 encoder and the Wan-VAE excluded)',
  },
  {
    id: 'Wan-AI/Wan2.1-T2V-1.3B',
    aliases: ['Wan-AI/Wan2.1-T2V-1.3B-Diffusers'],
    family: 'wan',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_300_000_000,
    smallerSiblings: [],
    source:
      'Wan Team 2025, arXiv:2503.20314 (the 1.3B model); model card huggingface.co/Wan-AI/Wan2.1-T2V-1.3B; the DiT only',
  },
  {
    id: 'Wan-AI/Wan2.2-T2V-A14B',
    aliases: ['Wan-AI/Wan2.2-T2V-A14B-Diffusers'],
    family: 'wan',
    architecture: 'diffusion',
    modality: 'vision',
    params: 27_000_000_000,
    activeParams: 14_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/Wan-AI/Wan2.2-T2V-A14B (a mixture-of-experts of a high-noise and a low-noise expert, "27B parameters with only 14B active per step"); the DiT experts only (umT5 encoder and the VAE excluded)',
  },
  {
    id: 'Alpha-VLLM/Lumina-Image-2.0',
    aliases: [],
    family: 'lumina',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_600_000_000,
    smallerSiblings: [],
    source:
      'Qin et al. 2025, Lumina-Image 2.0, arXiv:2503.21758 (Unified Next-DiT, 2.6B; the model card huggingface.co/Alpha-VLLM/Lumina-Image-2.0 rounds it to "2 billion"); its transformer/ safetensors, 9.96 GB + 0.48 GB in float32, hold 2.6B; the Gemma-2-2B text encoder and the autoencoder excluded',
  },
  {
    id: 'tencent/HunyuanImage-2.1',
    aliases: ['hunyuanimage-2.1', 'hunyuanvideo-community/HunyuanImage-2.1-Diffusers'],
    family: 'hunyuan-image',
    architecture: 'diffusion',
    modality: 'vision',
    params: 17_000_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/hunyuanvideo-community/HunyuanImage-2.1-Diffusers, transformer/: four safetensors shards, 34.9 GB in bfloat16 (2 bytes a parameter), hold about 17B; the same 34.9 GB for huggingface.co/Comfy-Org/HunyuanImage_2.1_ComfyUI hunyuanimage2.1_bf16.safetensors; the DiT only (the Qwen2.5-VL-7B and byT5 text encoders and the VAE excluded)',
  },
  {
    // `HYVideo-T/2-cfgdistill` and `HYVideo-T/2`: the names the release's sampling program takes for its DiT
    // (its --model flag); `hunyuanvideo-community/HunyuanVideo`: the same weights in the diffusers layout.
    id: 'tencent/HunyuanVideo',
    aliases: ['HYVideo-T/2-cfgdistill', 'HYVideo-T/2', 'hunyuanvideo-community/HunyuanVideo'],
    family: 'hunyuan-video',
    architecture: 'diffusion',
    modality: 'vision',
    params: 13_000_000_000,
    smallerSiblings: [],
    source:
      'Kong et al. 2024, HunyuanVideo: A Systematic Framework For Large Video Generation Model Training, arXiv:2412.03603, and the model card huggingface.co/tencent/HunyuanVideo ("a video generative model with over 13 billion parameters"); the diffusers docs (huggingface.co/docs/diffusers/api/pipelines/hunyuan_video): "a 13B parameter diffusion transformer"; the DiT only (the MLLM and CLIP text encoders and the 3D VAE excluded)',
  },
  // ---------------- Stable Cascade (Wuerstchen v3): each stage's diffusion network on its own ----------------
  {
    // `stage_c`, `stage_c_bf16`: the released weights files (stage_c.safetensors, stage_c_bf16.safetensors) that the
    // release's training and sampling configs load by path; the diffusers copy is stabilityai/stable-cascade-prior.
    id: 'stabilityai/stable-cascade-prior',
    aliases: ['stage_c', 'stage_c_bf16'],
    family: 'stable-cascade',
    architecture: 'diffusion',
    modality: 'vision',
    params: 3_600_000_000,
    smallerSiblings: ['stable-cascade-stage-c-lite'],
    source:
      'Stability-AI/StableCascade readme.md (the release: "Stage C comes with a 1 billion and 3.6 billion parameter version ... The two versions for Stage B amount to 700 million and 1.5 billion parameters"), the same figures in the model card huggingface.co/stabilityai/stable-cascade (Model Overview); Pernias et al. 2023, Wuerstchen, arXiv:2306.00637 (the architecture): Stage C (the text-conditional prior), 3.6B; the CLIP text encoder excluded',
  },
  {
    id: 'stable-cascade-stage-c-lite',
    aliases: ['stage_c_lite', 'stage_c_lite_bf16'],
    family: 'stable-cascade',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_000_000_000,
    smallerSiblings: [],
    source:
      'Stability-AI/StableCascade readme.md (the release: "Stage C comes with a 1 billion and 3.6 billion parameter version ... The two versions for Stage B amount to 700 million and 1.5 billion parameters"), the same figures in the model card huggingface.co/stabilityai/stable-cascade (Model Overview); Pernias et al. 2023, Wuerstchen, arXiv:2306.00637 (the architecture): the small Stage C, 1B (weights stage_c_lite.safetensors)',
  },
  {
    // The diffusers copy of Stage B (with Stage A) is stabilityai/stable-cascade (decoder/), not listed: that id names
    // the whole pipeline.
    id: 'stable-cascade-stage-b',
    aliases: ['stage_b', 'stage_b_bf16'],
    family: 'stable-cascade',
    architecture: 'diffusion',
    modality: 'vision',
    params: 1_500_000_000,
    smallerSiblings: ['stable-cascade-stage-b-lite'],
    source:
      'Stability-AI/StableCascade readme.md (the release: "Stage C comes with a 1 billion and 3.6 billion parameter version ... The two versions for Stage B amount to 700 million and 1.5 billion parameters"), the same figures in the model card huggingface.co/stabilityai/stable-cascade (Model Overview); Pernias et al. 2023, Wuerstchen, arXiv:2306.00637 (the architecture): Stage B (the latent decoder), 1.5B (weights stage_b.safetensors)',
  },
  {
    id: 'stable-cascade-stage-b-lite',
    aliases: ['stage_b_lite', 'stage_b_lite_bf16'],
    family: 'stable-cascade',
    architecture: 'diffusion',
    modality: 'vision',
    params: 700_000_000,
    smallerSiblings: [],
    source:
      'Stability-AI/StableCascade readme.md (the release: "Stage C comes with a 1 billion and 3.6 billion parameter version ... The two versions for Stage B amount to 700 million and 1.5 billion parameters"), the same figures in the model card huggingface.co/stabilityai/stable-cascade (Model Overview); Pernias et al. 2023, Wuerstchen, arXiv:2306.00637 (the architecture): the small Stage B, 700M (weights stage_b_lite.safetensors)',
  },
  {
    id: 'circlestone-labs/Anima',
    aliases: [],
    family: 'anima',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_000_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/circlestone-labs/Anima ("a 2 billion parameter text-to-image model", a derivative of nvidia/Cosmos-Predict2-2B-Text2Image); the DiT only (the Qwen3-0.6B text encoder and the Qwen-Image VAE excluded)',
  },
  {
    id: 'Qwen/Qwen-Image',
    aliases: ['Qwen/Qwen-Image-2512'],
    family: 'qwen-image',
    architecture: 'diffusion',
    modality: 'vision',
    params: 20_000_000_000,
    smallerSiblings: [],
    source:
      'Wu et al. 2025, Qwen-Image Technical Report, arXiv:2508.02324 (a 20B MMDiT with a Qwen2.5-VL condition encoder and its VAE); the MMDiT only, the encoder and VAE excluded. Qwen-Image-2512 is a later release of the same text-to-image model, listed at 20B on the Hugging Face Hub (Qwen/Qwen-Image-2512 and its GGUF copies). Not Qwen-Image 2.x, a smaller DiT of its own',
  },
  {
    id: 'facebook/DiT-XL-2-256',
    aliases: ['DiT-XL/2', 'DiT_XL_2', 'facebook/DiT-XL-2-512'],
    family: 'dit',
    architecture: 'diffusion',
    modality: 'vision',
    params: 675_000_000,
    smallerSiblings: [],
    source:
      'Peebles & Xie 2023, Scalable Diffusion Models with Transformers, arXiv:2212.09748 (DiT-XL/2: 28 blocks, hidden 1152, 16 heads, patch 2; 675M parameters, the figure later papers compare against, e.g. REPA/RiT tables "DiT-XL SD-VAE 675M"); the SD VAE excluded',
  },
  // ---------------- Parler-TTS (text-to-speech: Flan-T5 description encoder, decoder over DAC codes) ----------------
  {
    id: 'parler-tts/parler_tts_mini_v0.1',
    aliases: [],
    family: 'parler-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 647_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/parler-tts/parler_tts_mini_v0.1 (files: model.safetensors 2.59 GB in float32: about 647M parameters, the Flan-T5-base description encoder, the 24-layer decoder and the DAC codec together); Lyth & King 2024, arXiv:2402.01912',
  },
  {
    id: 'parler-tts/parler-tts-mini-v1',
    aliases: [],
    family: 'parler-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 878_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/parler-tts/parler-tts-mini-v1 (files: model.safetensors 3.51 GB in float32; the Hub lists 878M parameters; the project README calls Mini v1 an 880M model): Flan-T5-large encoder, decoder and DAC codec',
  },
  {
    id: 'parler-tts/parler-tts-large-v1',
    aliases: [],
    family: 'parler-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 2_200_000_000,
    smallerSiblings: ['parler-tts/parler-tts-mini-v1'],
    source:
      'model card huggingface.co/parler-tts/parler-tts-large-v1 ("a 2.2B-parameters text-to-speech (TTS) model, trained on 45K hours of audio data")',
  },
  // ---------------- MiniGPT-4 / MiniGPT-v2 (LAVIS-style registry models: EVA ViT-g + LLaMA-2-chat-7B) ----------------
  {
    id: 'minigpt-v2',
    aliases: ['minigpt_v2', 'minigptv2'],
    family: 'minigpt',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_740_000_000,
    smallerSiblings: [],
    source:
      'Chen et al. 2023, MiniGPT-v2, arXiv:2310.09478, Sec. 3 (EVA ViT visual backbone, frozen; a linear projection layer; LLaMA-2-chat (7B) language model): LLaMA-2-7B 6.74B (Touvron et al. 2023, arXiv:2307.09288, Table 1) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) ≈ 7.74B; the projector adds about 25M',
  },
  {
    id: 'minigpt4-llama2',
    aliases: ['minigpt4_llama2'],
    family: 'minigpt',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_740_000_000,
    smallerSiblings: [],
    source:
      'Zhu et al. 2023, MiniGPT-4, arXiv:2304.10592 (frozen EVA ViT-g/14 vision encoder, one projection layer, frozen LLM); its LLaMA-2 release uses LLaMA-2-chat-7B (Vision-CAIR/MiniGPT-4 README, "MiniGPT-4 (LLaMA-2 Chat 7B)"): LLaMA-2-7B 6.74B (Touvron et al. 2023, arXiv:2307.09288, Table 1) + EVA ViT-g/14 1.0B (Fang et al. 2022, arXiv:2211.07636, Table 1) ≈ 7.74B',
  },
  // ---------------- LAVIS registry models (model.arch-model_type as its run configs name them; sixteenth round) ----------------
  {
    id: 'blip2',
    aliases: ['blip2-pretrain', 'blip2-coco', 'blip2_feature_extractor', 'blip2_image_text_matching'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 1_173_000_000,
    smallerSiblings: [],
    source:
      'BLIP-2 first-stage model (Q-Former on a frozen image encoder): EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 1.17B',
  },
  {
    id: 'Salesforce/blip2-opt-2.7b',
    aliases: ['blip2_opt-opt2.7b'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 3_800_000_000,
    smallerSiblings: ['blip2'],
    source:
      'Li et al. 2023, BLIP-2, arXiv:2301.12597, Table 2 (zero-shot VQA; #Total Params per model): BLIP-2 ViT-g OPT2.7B 3.8B (frozen OPT-2.7B 2.65B, ViT-g and the 188M Q-Former)',
  },
  {
    id: 'Salesforce/blip2-opt-6.7b',
    aliases: ['blip2_opt-opt6.7b'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_800_000_000,
    smallerSiblings: ['Salesforce/blip2-opt-2.7b', 'blip2'],
    source:
      'Li et al. 2023, BLIP-2, arXiv:2301.12597, Table 2 (zero-shot VQA; #Total Params per model): BLIP-2 ViT-g OPT6.7B 7.8B',
  },
  {
    id: 'blip2_t5-flant5xl_vitl',
    aliases: ['blip2_t5-flant5xl_vitL'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 3_400_000_000,
    smallerSiblings: ['blip2'],
    source:
      'Li et al. 2023, BLIP-2, arXiv:2301.12597, Table 2 (zero-shot VQA; #Total Params per model): BLIP-2 ViT-L FlanT5XL 3.4B',
  },
  {
    id: 'Salesforce/blip2-flan-t5-xl',
    aliases: ['blip2_t5-flant5xl'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 4_100_000_000,
    smallerSiblings: ['blip2_t5-flant5xl_vitl', 'blip2'],
    source:
      'Li et al. 2023, BLIP-2, arXiv:2301.12597, Table 2 (zero-shot VQA; #Total Params per model): BLIP-2 ViT-g FlanT5XL 4.1B',
  },
  {
    id: 'Salesforce/blip2-flan-t5-xxl',
    aliases: ['blip2_t5-flant5xxl'],
    family: 'blip2',
    architecture: 'other',
    modality: 'multimodal',
    params: 12_100_000_000,
    smallerSiblings: ['Salesforce/blip2-flan-t5-xl', 'blip2'],
    source:
      'Li et al. 2023, BLIP-2, arXiv:2301.12597, Table 2 (zero-shot VQA; #Total Params per model): BLIP-2 ViT-g FlanT5XXL 12.1B',
  },
  {
    id: 'Salesforce/instructblip-vicuna-7b',
    aliases: ['blip2_vicuna_instruct-vicuna7b'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_920_000_000,
    smallerSiblings: [],
    source:
      'Dai et al. 2023, InstructBLIP, arXiv:2305.06500, Sec. 3 (BLIP-2\'s frozen ViT-g image encoder and Q-Former with an instruction-aware Q-Former in front of a frozen LLM); computed: Vicuna-7B (LLaMA-7B, 6.74B: Touvron et al. 2023, arXiv:2302.13971, Table 2) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters") + the 768x4096 projection, about 7.92B',
  },
  {
    id: 'Salesforce/instructblip-vicuna-13b',
    aliases: ['blip2_vicuna_instruct-vicuna13b'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 14_200_000_000,
    smallerSiblings: ['Salesforce/instructblip-vicuna-7b'],
    source:
      'Dai et al. 2023, InstructBLIP, arXiv:2305.06500, Sec. 3 (BLIP-2\'s frozen ViT-g image encoder and Q-Former with an instruction-aware Q-Former in front of a frozen LLM); computed: Vicuna-13B (LLaMA-13B, 13.02B: arXiv:2302.13971, Table 2) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 14.2B',
  },
  {
    id: 'Salesforce/instructblip-flan-t5-xl',
    aliases: ['blip2_t5_instruct-flant5xl'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 4_030_000_000,
    smallerSiblings: [],
    source:
      'Dai et al. 2023, InstructBLIP, arXiv:2305.06500, Sec. 3 (BLIP-2\'s frozen ViT-g image encoder and Q-Former with an instruction-aware Q-Former in front of a frozen LLM); computed: Flan-T5-XL 2.85B (google/flan-t5-xl config.json) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 4.03B',
  },
  {
    id: 'Salesforce/instructblip-flan-t5-xxl',
    aliases: ['blip2_t5_instruct-flant5xxl'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 12_310_000_000,
    smallerSiblings: ['Salesforce/instructblip-flan-t5-xl'],
    source:
      'Dai et al. 2023, InstructBLIP, arXiv:2305.06500, Sec. 3 (BLIP-2\'s frozen ViT-g image encoder and Q-Former with an instruction-aware Q-Former in front of a frozen LLM); computed: Flan-T5-XXL 11.14B (google/flan-t5-xxl config.json) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 12.3B',
  },
  {
    id: 'xinstructblip-vicuna7b',
    aliases: ['blip2_vicuna_xinstruct-vicuna7b'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 7_920_000_000,
    smallerSiblings: [],
    source:
      'Panagopoulou et al. 2023, X-InstructBLIP, arXiv:2311.18799 (per-modality Q-Formers and projections in front of a frozen Vicuna; images through the frozen EVA ViT-g); computed for the image branch: Vicuna-7B 6.74B (arXiv:2302.13971, Table 2) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 7.92B (each further modality adds a Q-Former of about 0.19B)',
  },
  {
    id: 'xinstructblip-vicuna13b',
    aliases: ['blip2_vicuna_xinstruct-vicuna13b'],
    family: 'instructblip',
    architecture: 'other',
    modality: 'multimodal',
    params: 14_200_000_000,
    smallerSiblings: ['xinstructblip-vicuna7b'],
    source:
      'Panagopoulou et al. 2023, X-InstructBLIP, arXiv:2311.18799 (per-modality Q-Formers and projections in front of a frozen Vicuna; images through the frozen EVA ViT-g); computed for the image branch: Vicuna-13B 13.02B (arXiv:2302.13971, Table 2) + EVA ViT-g/14 1.0B (Fang et al. 2022, EVA, arXiv:2211.07636, Table 1) used without its last layer (Li et al. 2023, BLIP-2, arXiv:2301.12597, Sec. 3.3), about 0.985B + the Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1: "In total, Q-Former contains 188M parameters"), about 14.2B',
  },
  {
    id: 'albef',
    aliases: [
      'albef_pretrain',
      'albef_retrieval-coco',
      'albef_retrieval-flickr',
      'albef_classification-ve',
      'albef_nlvr',
      'albef_vqa-vqav2',
      'albef_feature_extractor',
    ],
    family: 'albef',
    architecture: 'other',
    modality: 'multimodal',
    params: 210_000_000,
    smallerSiblings: [],
    source:
      'Li et al. 2021, ALBEF: Align before Fuse, arXiv:2107.07651, Sec. 3.1 (a 12-layer ViT-B/16 image encoder, a 6-layer text encoder and a 6-layer multimodal encoder initialised from BERT-base); computed: ViT-B/16 86M + BERT-base 110M + cross-attention in the 6 fusion layers (6 x 4 x 768^2, about 14M), about 210M; the momentum copies are moving averages, not trained',
  },
  {
    id: 'alpro',
    aliases: ['alpro_qa-msrvtt', 'alpro_qa-msvd', 'alpro_retrieval-msrvtt', 'alpro_retrieval-didemo'],
    family: 'alpro',
    architecture: 'other',
    modality: 'multimodal',
    params: 231_000_000,
    smallerSiblings: [],
    source:
      'Li et al. 2022, ALPRO: Align and Prompt, arXiv:2112.09583, Sec. 3 (a 12-layer TimeSformer video encoder and BERT-base text and multimodal encoders); computed: TimeSformer-B 121M (Bertasius et al. 2021, arXiv:2102.05095, ViT-B with divided space-time attention) + BERT-base 110M, about 231M',
  },
  {
    id: 'gpt_dialogue',
    aliases: ['gpt_dialogue-base'],
    family: 'gpt2',
    architecture: 'decoder',
    modality: 'multimodal',
    params: 130_930_000,
    smallerSiblings: [],
    source:
      "GPT-2 small 124.44M (the gpt2 row) + the two 4224<->768 linear layers LAVIS's gpt_dialogue model adds for video features (LAVIS lavis/models/gpt_models/gpt_dialogue.py, video_ff and video_ff_out), about 130.9M",
  },
  {
    id: 'pnp_vqa-base',
    aliases: ['pnp_vqa'],
    family: 'pnp-vqa',
    architecture: 'other',
    modality: 'multimodal',
    params: 1_115_000_000,
    smallerSiblings: [],
    source:
      'Tiong et al. 2022, Plug-and-Play VQA, arXiv:2210.08773 (a BLIP image-question matching model, a BLIP captioning model and a UnifiedQAv2 T5 answering model, all used zero-shot); computed: BLIP ITM large 446.1M + BLIP caption large 446.3M (the blip:retrieval-large and blip:decoder-large rows) + UnifiedQA-v2 T5-base 223M (t5-base config.json), about 1.12B',
  },
  {
    id: 'pnp_vqa-large',
    aliases: [],
    family: 'pnp-vqa',
    architecture: 'other',
    modality: 'multimodal',
    params: 1_630_000_000,
    smallerSiblings: ['pnp_vqa-base'],
    source:
      'Tiong et al. 2022, Plug-and-Play VQA, arXiv:2210.08773 (a BLIP image-question matching model, a BLIP captioning model and a UnifiedQAv2 T5 answering model, all used zero-shot); computed: BLIP ITM large 446.1M + BLIP caption large 446.3M (the blip:retrieval-large and blip:decoder-large rows) + UnifiedQA-v2 T5-large 738M (t5-large config.json), about 1.63B',
  },
  {
    id: 'pnp_vqa-3b',
    aliases: [],
    family: 'pnp-vqa',
    architecture: 'other',
    modality: 'multimodal',
    params: 3_740_000_000,
    smallerSiblings: ['pnp_vqa-large', 'pnp_vqa-base'],
    source:
      'Tiong et al. 2022, Plug-and-Play VQA, arXiv:2210.08773 (a BLIP image-question matching model, a BLIP captioning model and a UnifiedQAv2 T5 answering model, all used zero-shot); computed: BLIP ITM large 446.1M + BLIP caption large 446.3M (the blip:retrieval-large and blip:decoder-large rows) + UnifiedQA-v2 T5-3B 2.85B (t5-3b config.json), about 3.74B',
  },
  {
    id: 'blip_diffusion',
    aliases: ['blip_diffusion-base', 'blipdiffusion'],
    family: 'blip-diffusion',
    architecture: 'diffusion',
    modality: 'multimodal',
    params: 1_560_000_000,
    smallerSiblings: [],
    source:
      'Li et al. 2023, BLIP-Diffusion, arXiv:2305.14720, Sec. 3 (a BLIP-2 multimodal encoder: frozen ViT-L/14 and a Q-Former, feeding Stable Diffusion v1.5); computed: SD v1.5 UNet 859.5M + CLIP ViT-L/14 text encoder 123.1M + VAE 83.7M (runwayml/stable-diffusion-v1-5 safetensors) + ViT-L/14 303M + Q-Former 188M (BLIP-2, arXiv:2301.12597, Sec. 3.1), about 1.56B',
  },
  // ---------------- AudioCraft releases (MusicGen, AudioGen, MAGNeT, JASCO; loaded by get_pretrained) ----------------
  {
    id: 'facebook/musicgen-small',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-medium',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/musicgen-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-melody',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/musicgen-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-large',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 3_300_000_000,
    smallerSiblings: ['facebook/musicgen-medium', 'facebook/musicgen-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-melody-large',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 3_300_000_000,
    smallerSiblings: ['facebook/musicgen-melody', 'facebook/musicgen-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-stereo-small',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-stereo-medium',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/musicgen-stereo-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-stereo-melody',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/musicgen-stereo-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-stereo-large',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 3_300_000_000,
    smallerSiblings: ['facebook/musicgen-stereo-medium', 'facebook/musicgen-stereo-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/musicgen-stereo-melody-large',
    aliases: [],
    family: 'musicgen',
    architecture: 'decoder',
    modality: 'audio',
    params: 3_300_000_000,
    smallerSiblings: ['facebook/musicgen-stereo-melody', 'facebook/musicgen-stereo-small'],
    source:
      'facebookresearch/audiocraft docs/MUSICGEN.md, API section ("musicgen-small: 300M model, musicgen-medium: 1.5B, musicgen-melody: 1.5B, musicgen-large: 3.3B, musicgen-melody-large: 3.3B"; the stereo-* checkpoints are the same models fine-tuned for stereo); Copet et al. 2023, Simple and Controllable Music Generation, arXiv:2306.05284 (300M, 1.5B, 3.3B)',
  },
  {
    id: 'facebook/audiogen-medium',
    aliases: [],
    family: 'audiogen',
    architecture: 'decoder',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/AUDIOGEN.md, API section ("facebook/audiogen-medium: 1.5B model, text to sound"); Kreuk et al. 2022, AudioGen, arXiv:2209.15352',
  },
  {
    id: 'facebook/magnet-small-10secs',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/magnet-medium-10secs',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/magnet-small-10secs'],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/magnet-small-30secs',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/magnet-medium-30secs',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/magnet-small-30secs'],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/audio-magnet-small',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 300_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/audio-magnet-medium',
    aliases: [],
    family: 'magnet',
    architecture: 'other',
    modality: 'audio',
    params: 1_500_000_000,
    smallerSiblings: ['facebook/audio-magnet-small'],
    source:
      'facebookresearch/audiocraft docs/MAGNET.md, API section (magnet-small-10secs/-30secs and audio-magnet-small: 300M; magnet-medium-10secs/-30secs and audio-magnet-medium: 1.5B); Ziv et al. 2024, MAGNeT, arXiv:2401.04577',
  },
  {
    id: 'facebook/jasco-chords-drums-400M',
    aliases: [],
    family: 'jasco',
    architecture: 'other',
    modality: 'audio',
    params: 400_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/JASCO.md, API section (jasco-chords-drums-400M and jasco-chords-drums-melody-400M: 400M; the -1B checkpoints: 1B); Tal et al. 2024, JASCO, arXiv:2406.10970',
  },
  {
    id: 'facebook/jasco-chords-drums-1B',
    aliases: [],
    family: 'jasco',
    architecture: 'other',
    modality: 'audio',
    params: 1_000_000_000,
    smallerSiblings: ['facebook/jasco-chords-drums-400M'],
    source:
      'facebookresearch/audiocraft docs/JASCO.md, API section (jasco-chords-drums-400M and jasco-chords-drums-melody-400M: 400M; the -1B checkpoints: 1B); Tal et al. 2024, JASCO, arXiv:2406.10970',
  },
  {
    id: 'facebook/jasco-chords-drums-melody-400M',
    aliases: [],
    family: 'jasco',
    architecture: 'other',
    modality: 'audio',
    params: 400_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/audiocraft docs/JASCO.md, API section (jasco-chords-drums-400M and jasco-chords-drums-melody-400M: 400M; the -1B checkpoints: 1B); Tal et al. 2024, JASCO, arXiv:2406.10970',
  },
  {
    id: 'facebook/jasco-chords-drums-melody-1B',
    aliases: [],
    family: 'jasco',
    architecture: 'other',
    modality: 'audio',
    params: 1_000_000_000,
    smallerSiblings: ['facebook/jasco-chords-drums-melody-400M'],
    source:
      'facebookresearch/audiocraft docs/JASCO.md, API section (jasco-chords-drums-400M and jasco-chords-drums-melody-400M: 400M; the -1B checkpoints: 1B); Tal et al. 2024, JASCO, arXiv:2406.10970',
  },
  // ---------------- MiniCPM (OpenBMB's small decoder LMs) ----------------
  {
    id: 'openbmb/MiniCPM-2B-sft-bf16',
    aliases: [
      'MiniCPM-2B',
      'openbmb/MiniCPM-2B-sft-fp32',
      'openbmb/MiniCPM-2B-dpo-bf16',
      'openbmb/MiniCPM-2B-dpo-fp16',
      'openbmb/MiniCPM-2B-dpo-fp32',
      'openbmb/MiniCPM-2B-sft-bf16-llama-format',
      'openbmb/MiniCPM-2B-dpo-bf16-llama-format',
      'mlx-community/MiniCPM-2B-sft-bf16-llama-format-mlx',
      'MiniCPM-2B-sft-bf16',
      'MiniCPM-2B-sft-fp32',
      'MiniCPM-2B-dpo-bf16',
      'MiniCPM-2B-dpo-fp16',
      'MiniCPM-2B-sft-bf16-llama-format-mlx',
    ],
    family: 'minicpm',
    architecture: 'decoder',
    modality: 'text',
    params: 2_724_880_896,
    contextLength: 4_096,
    smallerSiblings: [],
    source:
      'Hu et al. 2024, MiniCPM, arXiv:2404.06395 (MiniCPM-2.4B: 2.4B non-embedding parameters); OpenBMB/MiniCPM README ("2.4B parameters excluding embeddings (2.7B in total)"); computed from huggingface.co/openbmb/MiniCPM-2B-sft-bf16 config.json (40 layers, d 2304, FFN 5760, 36 heads, vocab 122753, tied embeddings): 2,442,055,680 + 282,822,912 embeddings; the sft/dpo and bf16/fp16/fp32 uploads share the config',
  },
  // ---------------- Detectors on a ResNet-50 + FPN backbone (whole model, torchvision's published counts) ----------------
  {
    id: 'faster-rcnn-resnet-50-fpn',
    aliases: ['fasterrcnn_resnet50_fpn', 'torchvision.models.detection.fasterrcnn_resnet50_fpn'],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 41_755_286,
    smallerSiblings: [],
    source:
      "torchvision weights meta, torchvision/models/detection/*.py (pytorch.org/vision/stable/models.html, object detection table): fasterrcnn_resnet50_fpn (FasterRCNN_ResNet50_FPN_Weights.COCO_V1) num_params 41,755,286 (COCO, 91 classes; detectron2's 80-class heads differ by under 0.2%)",
  },
  {
    id: 'mask-rcnn-resnet-50-fpn',
    aliases: ['maskrcnn_resnet50_fpn', 'torchvision.models.detection.maskrcnn_resnet50_fpn'],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 44_401_393,
    smallerSiblings: [],
    source:
      "torchvision weights meta, torchvision/models/detection/*.py (pytorch.org/vision/stable/models.html, object detection table): maskrcnn_resnet50_fpn (MaskRCNN_ResNet50_FPN_Weights.COCO_V1) num_params 44,401,393 (COCO, 91 classes; detectron2's 80-class heads differ by under 0.2%)",
  },
  {
    id: 'keypoint-rcnn-resnet-50-fpn',
    aliases: ['keypointrcnn_resnet50_fpn', 'torchvision.models.detection.keypointrcnn_resnet50_fpn'],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 59_137_258,
    smallerSiblings: [],
    source:
      "torchvision weights meta, torchvision/models/detection/*.py (pytorch.org/vision/stable/models.html, object detection table): keypointrcnn_resnet50_fpn (KeypointRCNN_ResNet50_FPN_Weights.COCO_V1) num_params 59,137,258 (COCO, 91 classes; detectron2's 80-class heads differ by under 0.2%)",
  },
  {
    id: 'retinanet-resnet-50-fpn',
    aliases: ['retinanet_resnet50_fpn', 'torchvision.models.detection.retinanet_resnet50_fpn'],
    family: 'retinanet',
    architecture: 'cnn',
    modality: 'vision',
    params: 34_014_999,
    smallerSiblings: [],
    source:
      "torchvision weights meta, torchvision/models/detection/*.py (pytorch.org/vision/stable/models.html, object detection table): retinanet_resnet50_fpn (RetinaNet_ResNet50_FPN_Weights.COCO_V1) num_params 34,014,999 (COCO, 91 classes; detectron2's 80-class heads differ by under 0.2%)",
  },
  // The same detectors on ResNet-101: computed, the R50-FPN detector's published count plus the difference of the two
  // classification backbones (ResNet-101 differs from ResNet-50 only by 17 more res4 blocks; the FPN, which reads the
  // same channel widths, and the heads are unchanged; the classifiers' shared fc cancels in the difference).
  {
    id: 'faster-rcnn-resnet-101-fpn',
    aliases: [],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_747_414,
    smallerSiblings: ['faster-rcnn-resnet-50-fpn'],
    source:
      'computed: faster-rcnn-resnet-50-fpn (torchvision weights meta num_params 41,755,286) + torchvision resnet101 44,549,160 - resnet50 25,557,032 (torchvision/models/resnet.py weights meta num_params) = 60,747,414',
  },
  {
    id: 'mask-rcnn-resnet-101-fpn',
    aliases: [],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 63_393_521,
    smallerSiblings: ['mask-rcnn-resnet-50-fpn'],
    source:
      'computed: mask-rcnn-resnet-50-fpn (torchvision weights meta num_params 44,401,393) + torchvision resnet101 44,549,160 - resnet50 25,557,032 (torchvision/models/resnet.py weights meta num_params) = 63,393,521',
  },
  {
    id: 'keypoint-rcnn-resnet-101-fpn',
    aliases: [],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 78_129_386,
    smallerSiblings: ['keypoint-rcnn-resnet-50-fpn'],
    source:
      'computed: keypoint-rcnn-resnet-50-fpn (torchvision weights meta num_params 59,137,258) + torchvision resnet101 44,549,160 - resnet50 25,557,032 (torchvision/models/resnet.py weights meta num_params) = 78,129,386',
  },
  {
    id: 'retinanet-resnet-101-fpn',
    aliases: [],
    family: 'retinanet',
    architecture: 'cnn',
    modality: 'vision',
    params: 53_007_127,
    smallerSiblings: ['retinanet-resnet-50-fpn'],
    source:
      'computed: retinanet-resnet-50-fpn (torchvision weights meta num_params 34,014,999) + torchvision resnet101 44,549,160 - resnet50 25,557,032 (torchvision/models/resnet.py weights meta num_params) = 53,007,127',
  },
  // Faster R-CNN on ResNeXt-101 32x8d + FPN: computed the same way (the ResNeXt's stages give the FPN the same widths).
  {
    id: 'faster-rcnn-resnext-101-32x8d-fpn',
    aliases: [],
    family: 'rcnn',
    architecture: 'cnn',
    modality: 'vision',
    params: 104_989_590,
    smallerSiblings: ['faster-rcnn-resnet-101-fpn', 'faster-rcnn-resnet-50-fpn'],
    source:
      'computed: faster-rcnn-resnet-50-fpn (torchvision weights meta num_params 41,755,286) + torchvision resnext101_32x8d 88,791,336 - resnet50 25,557,032 (torchvision/models/resnet.py weights meta num_params) = 104,989,590',
  },
  // ---------------- OpenMMLab detectors and segmentors on ConvNeXt / UniFormer backbones (whole model as published) ----------------
  // Top-down heatmap pose estimators as OpenMMLab's pose configs name them (`td-hm_{backbone}`: a backbone with a
  // heatmap head, mmpose docs "Naming Convention"). The head's last layer is a 1x1 convolution per keypoint (a few
  // thousand parameters each), so the COCO sizes hold for other keypoint sets within a fraction of a percent.
  {
    id: 'td-hm_hrnet-w32',
    aliases: [],
    family: 'hrnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 28_500_000,
    smallerSiblings: [],
    source:
      'Sun et al. 2019, Deep High-Resolution Representation Learning for Human Pose Estimation, arXiv:1902.09212, Table 1 (COCO val, 256x192): HRNet-W32 28.5M params, 7.1 GFLOPs',
  },
  {
    id: 'td-hm_res50',
    aliases: [],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 34_000_000,
    smallerSiblings: [],
    source:
      'Sun et al. 2019, arXiv:1902.09212, Table 1 (COCO val, 256x192): SimpleBaseline ResNet-50 (Xiao et al. 2018, arXiv:1804.06208: ResNet-50 with three deconvolution layers) 34.0M params, 8.9 GFLOPs',
  },
  {
    // A bottom-up estimator on HRNet-W32 as OpenMMLab's pose configs name it (`dekr_hrnet-w32_...`).
    id: 'dekr_hrnet-w32',
    aliases: [],
    family: 'hrnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 29_600_000,
    smallerSiblings: [],
    source:
      'HRNet/DEKR README.md, Main Results (COCO val2017, 512x512), #Params column: pose_hrnet_w32 29.6M, 45.4 GFLOPs (Geng et al. 2021, Bottom-Up Human Pose Estimation Via Disentangled Keypoint Regression, arXiv:2104.02300)',
  },
  {
    id: 'rtmpose-t',
    aliases: [],
    family: 'rtmpose',
    architecture: 'cnn',
    modality: 'vision',
    params: 3_340_000,
    smallerSiblings: [],
    source:
      "open-mmlab/mmpose projects/rtmpose/README.md, the authors' model table (COCO body, 17 keypoints, 256x192), Params (M) column: RTMPose-t 3.34M (Jiang et al. 2023, RTMPose, arXiv:2303.07399)",
  },
  {
    id: 'rtmpose-s',
    aliases: [],
    family: 'rtmpose',
    architecture: 'cnn',
    modality: 'vision',
    params: 5_470_000,
    smallerSiblings: ['rtmpose-t'],
    source:
      "open-mmlab/mmpose projects/rtmpose/README.md, the authors' model table (COCO body, 17 keypoints, 256x192), Params (M) column: RTMPose-s 5.47M (Jiang et al. 2023, RTMPose, arXiv:2303.07399)",
  },
  {
    id: 'rtmpose-m',
    aliases: [],
    family: 'rtmpose',
    architecture: 'cnn',
    modality: 'vision',
    params: 13_590_000,
    smallerSiblings: ['rtmpose-s', 'rtmpose-t'],
    source:
      "open-mmlab/mmpose projects/rtmpose/README.md, the authors' model table (COCO body, 17 keypoints, 256x192), Params (M) column: RTMPose-m 13.59M (Jiang et al. 2023, RTMPose, arXiv:2303.07399)",
  },
  {
    id: 'rtmpose-l',
    aliases: [],
    family: 'rtmpose',
    architecture: 'cnn',
    modality: 'vision',
    params: 27_660_000,
    smallerSiblings: ['rtmpose-m', 'rtmpose-s', 'rtmpose-t'],
    source:
      "open-mmlab/mmpose projects/rtmpose/README.md, the authors' model table (COCO body, 17 keypoints, 256x192), Params (M) column: RTMPose-l 27.66M (Jiang et al. 2023, RTMPose, arXiv:2303.07399)",
  },
  {
    id: 'mask_rcnn_convnext_tiny',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 48_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Mask R-CNN ConvNeXt-T 48M',
  },
  {
    id: 'cascade_mask_rcnn_convnext_tiny',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 86_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Cascade Mask R-CNN ConvNeXt-T 86M',
  },
  {
    id: 'cascade_mask_rcnn_convnext_small',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 108_000_000,
    smallerSiblings: ['cascade_mask_rcnn_convnext_tiny'],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Cascade Mask R-CNN ConvNeXt-S 108M',
  },
  {
    id: 'cascade_mask_rcnn_convnext_base',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 146_000_000,
    smallerSiblings: ['cascade_mask_rcnn_convnext_small', 'cascade_mask_rcnn_convnext_tiny'],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Cascade Mask R-CNN ConvNeXt-B 146M',
  },
  {
    id: 'cascade_mask_rcnn_convnext_large',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 255_000_000,
    smallerSiblings: [
      'cascade_mask_rcnn_convnext_base',
      'cascade_mask_rcnn_convnext_small',
      'cascade_mask_rcnn_convnext_tiny',
    ],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Cascade Mask R-CNN ConvNeXt-L 255M',
  },
  {
    id: 'cascade_mask_rcnn_convnext_xlarge',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 407_000_000,
    smallerSiblings: [
      'cascade_mask_rcnn_convnext_large',
      'cascade_mask_rcnn_convnext_base',
      'cascade_mask_rcnn_convnext_small',
      'cascade_mask_rcnn_convnext_tiny',
    ],
    source:
      'facebookresearch/ConvNeXt object_detection/README.md, Results and Fine-tuned Models table, #params column (the whole detector; Liu et al. 2022, A ConvNet for the 2020s, arXiv:2201.03545, Table 3): Cascade Mask R-CNN ConvNeXt-XL 407M',
  },
  {
    id: 'upernet_convnext_tiny',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 60_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/ConvNeXt semantic_segmentation/README.md, Results and Fine-tuned Models table, #params column (UperNet with the backbone; Liu et al. 2022, arXiv:2201.03545, Table 4): UPerNet ConvNeXt-T 60M (the same at 512 and 640 crops)',
  },
  {
    id: 'upernet_convnext_small',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 82_000_000,
    smallerSiblings: ['upernet_convnext_tiny'],
    source:
      'facebookresearch/ConvNeXt semantic_segmentation/README.md, Results and Fine-tuned Models table, #params column (UperNet with the backbone; Liu et al. 2022, arXiv:2201.03545, Table 4): UPerNet ConvNeXt-S 82M (the same at 512 and 640 crops)',
  },
  {
    id: 'upernet_convnext_base',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 122_000_000,
    smallerSiblings: ['upernet_convnext_small', 'upernet_convnext_tiny'],
    source:
      'facebookresearch/ConvNeXt semantic_segmentation/README.md, Results and Fine-tuned Models table, #params column (UperNet with the backbone; Liu et al. 2022, arXiv:2201.03545, Table 4): UPerNet ConvNeXt-B 122M (the same at 512 and 640 crops)',
  },
  {
    id: 'upernet_convnext_large',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 235_000_000,
    smallerSiblings: ['upernet_convnext_base', 'upernet_convnext_small', 'upernet_convnext_tiny'],
    source:
      'facebookresearch/ConvNeXt semantic_segmentation/README.md, Results and Fine-tuned Models table, #params column (UperNet with the backbone; Liu et al. 2022, arXiv:2201.03545, Table 4): UPerNet ConvNeXt-L 235M (the same at 512 and 640 crops)',
  },
  {
    id: 'upernet_convnext_xlarge',
    aliases: [],
    family: 'convnext',
    architecture: 'cnn',
    modality: 'vision',
    params: 391_000_000,
    smallerSiblings: [
      'upernet_convnext_large',
      'upernet_convnext_base',
      'upernet_convnext_small',
      'upernet_convnext_tiny',
    ],
    source:
      'facebookresearch/ConvNeXt semantic_segmentation/README.md, Results and Fine-tuned Models table, #params column (UperNet with the backbone; Liu et al. 2022, arXiv:2201.03545, Table 4): UPerNet ConvNeXt-XL 391M (the same at 512 and 640 crops)',
  },
  {
    id: 'upernet_uniformer_small',
    aliases: [],
    family: 'uniformer',
    architecture: 'vit',
    modality: 'vision',
    params: 52_000_000,
    smallerSiblings: [],
    source:
      'Sense-X/UniFormer semantic_segmentation/README.md, Model Zoo tables, #params column (Li et al. 2022, UniFormer, arXiv:2201.09450): UperNet UniFormer-S 52M (global, window-32 and hybrid variants alike)',
  },
  {
    id: 'upernet_uniformer_base',
    aliases: [],
    family: 'uniformer',
    architecture: 'vit',
    modality: 'vision',
    params: 80_000_000,
    smallerSiblings: ['upernet_uniformer_small'],
    source:
      'Sense-X/UniFormer semantic_segmentation/README.md, Model Zoo tables, #params column (Li et al. 2022, UniFormer, arXiv:2201.09450): UperNet UniFormer-B 80M (global, window-32 and hybrid variants alike)',
  },
  {
    id: 'fpn_uniformer_small',
    aliases: [],
    family: 'uniformer',
    architecture: 'vit',
    modality: 'vision',
    params: 25_000_000,
    smallerSiblings: [],
    source:
      'Sense-X/UniFormer semantic_segmentation/README.md, Model Zoo tables, #params column (Li et al. 2022, UniFormer, arXiv:2201.09450): Semantic FPN UniFormer-S 25M',
  },
  {
    id: 'fpn_uniformer_base',
    aliases: [],
    family: 'uniformer',
    architecture: 'vit',
    modality: 'vision',
    params: 54_000_000,
    smallerSiblings: ['fpn_uniformer_small'],
    source:
      'Sense-X/UniFormer semantic_segmentation/README.md, Model Zoo tables, #params column (Li et al. 2022, UniFormer, arXiv:2201.09450): Semantic FPN UniFormer-B 54M',
  },
  // ---------------- F5-TTS / E2-TTS (flow-matching text-to-speech; fifteenth round) ----------------
  {
    id: 'F5TTS_v1_Base',
    aliases: ['SWivid/F5-TTS', 'F5-TTS', 'F5TTS_Base', 'F5TTS_v1'],
    family: 'f5-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 336_000_000,
    smallerSiblings: ['F5TTS_v1_Small'],
    source:
      'Chen et al. 2024, F5-TTS, arXiv:2410.06885, Table 1 (#Param.: F5-TTS 336M, E2 TTS 333M); the repository\'s src/f5_tts/scripts/count_params_gflops.py: DiT(dim 1024, depth 22, heads 16, ff_mult 2, text_dim 512, conv_layers 4) "Params: 335.8 M" (the v1 Base config keeps that architecture); the vocoder excluded',
  },
  {
    id: 'F5TTS_v1_Small',
    aliases: ['F5TTS_Small'],
    family: 'f5-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 158_000_000,
    smallerSiblings: [],
    source:
      'F5-TTS src/f5_tts/scripts/count_params_gflops.py groups DiT(dim 768, depth 18, heads 12, ff_mult 2, text_dim 512, conv_layers 4) under "~155M"; the ESPnet3 F5-TTS bundle huggingface.co/NewGame/libritts_f5tts_training (hidden 768, depth 18) lists 157,945,188 total parameters',
  },
  {
    id: 'E2TTS_Base',
    aliases: ['E2-TTS', 'E2TTS_v1_Base'],
    family: 'e2-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 333_000_000,
    smallerSiblings: ['E2TTS_Small'],
    source:
      'Chen et al. 2024, F5-TTS, arXiv:2410.06885, Table 1 (#Param.: E2 TTS 333M); F5-TTS src/f5_tts/scripts/count_params_gflops.py: UNetT(dim 1024, depth 24, heads 16, ff_mult 4) "Params: 333.2 M"',
  },
  {
    id: 'E2TTS_Small',
    aliases: [],
    family: 'e2-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 155_000_000,
    smallerSiblings: [],
    source:
      'F5-TTS src/f5_tts/scripts/count_params_gflops.py groups UNetT(dim 768, depth 20, heads 12, ff_mult 4) under "~155M"',
  },
  {
    id: 'allenai/OLMo-2-0425-1B',
    // OLMo-core names its model factories by family and size (`TransformerConfig.olmo2_1B`, `olmo2_1B_v2`).
    aliases: ['olmo2_1B', 'olmo2_1B_v2'],
    family: 'olmo2',
    architecture: 'decoder',
    modality: 'text',
    params: 1_484_916_736,
    contextLength: 4096,
    smallerSiblings: [],
    source:
      'computed from config.json of huggingface.co/allenai/OLMo-2-0425-1B (16 layers, d 2048, FFN 8192, 16 heads, vocab 100352, untied embeddings, q/k norms); the card calls it OLMo 2 1B (~1.5B)',
  },
  {
    id: 'allenai/OLMoE-1B-7B-0924',
    aliases: ['olmoe_1B_7B'],
    family: 'olmoe',
    architecture: 'moe-decoder',
    modality: 'text',
    params: 6_919_161_856,
    activeParams: 1_279_919_104,
    contextLength: 4096,
    smallerSiblings: [],
    source:
      'Muennighoff et al. 2024, OLMoE, arXiv:2409.02060 (7B total, 1B active per token); computed from config.json (16 layers, d 2048, 64 experts x FFN 1024, top-8, vocab 50304, untied): 6.9B total / 1.3B active, as the model card states',
  },
  {
    id: 'PixArt-alpha/PixArt-XL-2-1024-MS',
    // The same transformer at every resolution; mmcv-style configs name it by its builder (`PixArt_XL_2`, the
    // multi-scale `PixArtMS_XL_2`).
    aliases: ['PixArt-alpha/PixArt-XL-2-512x512', 'PixArt-alpha/PixArt-XL-2-256x256', 'PixArt_XL_2', 'PixArtMS_XL_2'],
    family: 'pixart',
    architecture: 'diffusion',
    modality: 'vision',
    params: 611_347_616,
    smallerSiblings: [],
    source:
      'Chen et al. 2023, PixArt-α, arXiv:2310.00426 ("0.6B parameters"); computed from transformer/config.json of huggingface.co/PixArt-alpha/PixArt-XL-2-1024-MS (28 layers, 16 heads × 72 = 1152, caption_channels 4096, ada_norm_single, patch 2, out 8): 611.3M, as its fp32 diffusion_pytorch_model.safetensors of 2.45 GB implies; T5 text encoder and VAE excluded',
  },
  // ---------------- CogVLM and CogAgent (set T, seventeenth round): visual-expert VLMs on Vicuna-7B ----------------
  {
    id: 'THUDM/cogvlm-chat-hf',
    // The SwissArmyTransformer checkpoints are named without the organisation and the `-hf` suffix
    // (`--from_pretrained cogvlm-chat`, `cogvlm-base-490`); all are the same 17B network.
    aliases: [
      'cogvlm-chat',
      'cogvlm-chat-v1.1',
      'cogvlm-base-224',
      'cogvlm-base-490',
      'cogvlm-grounding-base',
      'cogvlm-grounding-generalist',
      'THUDM/cogvlm-base-224-hf',
      'THUDM/cogvlm-base-490-hf',
      'THUDM/cogvlm-grounding-base-hf',
      'THUDM/cogvlm-grounding-generalist-hf',
    ],
    family: 'cogvlm',
    architecture: 'other',
    modality: 'multimodal',
    params: 17_000_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/THUDM/cogvlm-chat-hf model card ("CogVLM-17B has 10 billion vision parameters and 7 billion language parameters", the same sentence on the base-224, base-490 and grounding cards); Wang et al. 2023, CogVLM: Visual Expert for Pretrained Language Models, arXiv:2311.03079',
  },
  {
    id: 'THUDM/cogagent-chat-hf',
    aliases: ['cogagent-chat', 'cogagent-vqa', 'THUDM/cogagent-vqa-hf'],
    family: 'cogvlm',
    architecture: 'other',
    modality: 'multimodal',
    params: 18_000_000_000,
    smallerSiblings: [],
    source:
      'Hong et al. 2023, CogAgent: A Visual Language Model for GUI Agents, arXiv:2312.08914 ("an 18-billion-parameter visual language model"); the THUDM/CogVLM README: "CogAgent-18B has 11 billion visual parameters and 7 billion language parameters"',
  },
  {
    id: 'facebook/seamless-m4t-v2-large',
    // fairseq2 asset-card names, as Translator("seamlessM4T_v2_large", ...) and --model_name take them.
    aliases: ['seamlessM4T_v2_large'],
    family: 'seamless-m4t',
    architecture: 'speech',
    modality: 'audio',
    params: 2_300_000_000,
    smallerSiblings: ['facebook/seamless-m4t-medium'],
    source:
      'huggingface.co/facebook/seamless-m4t-v2-large model card, table "SeamlessM4T models" (SeamlessM4T-Large v2: 2.3B params); Seamless Communication et al. 2023, arXiv:2312.05187',
  },
  {
    id: 'facebook/seamless-m4t-large',
    aliases: ['seamlessM4T_large'],
    family: 'seamless-m4t',
    architecture: 'speech',
    modality: 'audio',
    params: 2_300_000_000,
    smallerSiblings: ['facebook/seamless-m4t-medium'],
    source:
      'huggingface.co/facebook/seamless-m4t-large model card, table "SeamlessM4T models" (SeamlessM4T-Large (v1): 2.3B params); Seamless Communication et al. 2023, arXiv:2308.11596',
  },
  {
    id: 'facebook/seamless-m4t-medium',
    aliases: ['seamlessM4T_medium'],
    family: 'seamless-m4t',
    architecture: 'speech',
    modality: 'audio',
    params: 1_200_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/facebook/seamless-m4t-medium model card, table "SeamlessM4T models" (SeamlessM4T-Medium (v1): 1.2B params); Seamless Communication et al. 2023, arXiv:2308.11596',
  },
  // Fish Audio's Dual-AR text-to-speech models (a slow AR transformer over time plus a fast AR one over codebooks):
  // the total of both transformers, as their cards state it.
  {
    id: 'fishaudio/s2-pro',
    aliases: ['s2-pro'],
    family: 'fish-audio-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 4_400_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/fishaudio/s2-pro model card, "Architecture" (Dual-AR: Slow AR 4B parameters + Fast AR 400M parameters); github.com/fishaudio/fish-speech README, "Model variants" (S2-Pro, 4B parameters)',
  },
  {
    id: 'fishaudio/openaudio-s1-mini',
    aliases: ['openaudio-s1-mini'],
    family: 'fish-audio-tts',
    architecture: 'speech',
    modality: 'audio',
    params: 500_000_000,
    smallerSiblings: [],
    source:
      'OpenAudio (formerly Fish-Speech) documentation, speech.fish.audio (Fish Audio), "two model types": OpenAudio S1 with 4 billion parameters and OpenAudio S1-mini, its distilled version with 0.5 billion parameters',
  },
  // Dolly v2: instruction-tuned Pythia checkpoints, the same network as their base (full fine-tune), so the base's size.
  {
    id: 'databricks/dolly-v2-3b',
    aliases: [],
    family: 'dolly',
    architecture: 'decoder',
    modality: 'text',
    params: 2_775_208_960,
    contextLength: 2_048,
    smallerSiblings: [],
    source:
      'huggingface.co/databricks/dolly-v2-3b model card ("a 2.8 billion parameter causal language model ... derived from EleutherAI\'s Pythia-2.8b and fine-tuned"); parameter count of EleutherAI/pythia-2.8b (its base network)',
  },
  {
    id: 'databricks/dolly-v2-7b',
    aliases: [],
    family: 'dolly',
    architecture: 'decoder',
    modality: 'text',
    params: 6_857_302_016,
    contextLength: 2_048,
    smallerSiblings: ['databricks/dolly-v2-3b'],
    source:
      'huggingface.co/databricks/dolly-v2-3b model card ("dolly-v2-7b, a 6.9 billion parameter based on pythia-6.9b"); parameter count of EleutherAI/pythia-6.9b (its base network)',
  },
  {
    id: 'databricks/dolly-v2-12b',
    aliases: [],
    family: 'dolly',
    architecture: 'decoder',
    modality: 'text',
    params: 11_846_072_320,
    contextLength: 2_048,
    smallerSiblings: ['databricks/dolly-v2-7b', 'databricks/dolly-v2-3b'],
    source:
      'huggingface.co/databricks/dolly-v2-3b model card ("dolly-v2-12b, a 12 billion parameter based on pythia-12b"); parameter count of EleutherAI/pythia-12b (its base network)',
  },
  {
    id: 'stabilityai/stable-diffusion-3-medium-diffusers',
    aliases: ['stabilityai/stable-diffusion-3-medium', 'stable-diffusion-3-medium'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_000_000_000,
    smallerSiblings: [],
    source:
      'Stability AI, "Stable Diffusion 3 Medium" announcement (stability.ai/news, June 2024: a 2 billion parameter SD3 model) and the model card huggingface.co/stabilityai/stable-diffusion-3-medium (a Multimodal Diffusion Transformer, Esser et al. 2024, arXiv:2403.03206); params are the MMDiT only (the three frozen text encoders and the VAE excluded), as for the SD UNet rows',
  },
  // Diffusion models the fine-tuning toolkits load by name (SimpleTuner's model flavours, OneTrainer's presets;
  // twenty-ninth round, set AF): the denoiser only, text encoders and autoencoders excluded, as for the rows above.
  {
    id: 'stabilityai/stable-diffusion-3.5-medium',
    aliases: ['stable-diffusion-3.5-medium'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 2_500_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/stabilityai/stable-diffusion-3.5-medium and Stability AI, "Introducing Stable Diffusion 3.5" (stability.ai/news, October 2024): "At 2.5 billion parameters, with improved MMDiT-X architecture"; the MMDiT-X only (the three frozen text encoders and the VAE excluded)',
  },
  {
    id: 'stabilityai/stable-diffusion-3.5-large',
    aliases: ['stable-diffusion-3.5-large'],
    family: 'stable-diffusion',
    architecture: 'diffusion',
    modality: 'vision',
    params: 8_100_000_000,
    smallerSiblings: ['stabilityai/stable-diffusion-3.5-medium'],
    source:
      'Stability AI, "Introducing Stable Diffusion 3.5" (stability.ai/news, October 2024): "Stable Diffusion 3.5 Large: At 8.1 billion parameters"; the MMDiT only (the three frozen text encoders and the VAE excluded)',
  },
  {
    id: 'DeepFloyd/IF-I-M-v1.0',
    aliases: [],
    family: 'deepfloyd-if',
    architecture: 'diffusion',
    modality: 'vision',
    params: 400_000_000,
    smallerSiblings: [],
    source:
      'deep-floyd/IF README.md, Model Zoo table (IF-I-M, cascade I, 400M params); the 64px pixel-space UNet only (the frozen T5-XXL text encoder excluded)',
  },
  {
    id: 'DeepFloyd/IF-I-L-v1.0',
    aliases: [],
    family: 'deepfloyd-if',
    architecture: 'diffusion',
    modality: 'vision',
    params: 900_000_000,
    smallerSiblings: ['DeepFloyd/IF-I-M-v1.0'],
    source:
      'deep-floyd/IF README.md, Model Zoo table (IF-I-L, cascade I, 900M params); the 64px pixel-space UNet only (the frozen T5-XXL text encoder excluded)',
  },
  {
    id: 'DeepFloyd/IF-I-XL-v1.0',
    aliases: [],
    family: 'deepfloyd-if',
    architecture: 'diffusion',
    modality: 'vision',
    params: 4_300_000_000,
    smallerSiblings: ['DeepFloyd/IF-I-L-v1.0', 'DeepFloyd/IF-I-M-v1.0'],
    source:
      'deep-floyd/IF README.md, Model Zoo table (IF-I-XL, cascade I, 4.3B params) and "Minimum requirements" (IF-I-XL, 4.3B text to 64x64 base module); the UNet only (the frozen T5-XXL text encoder excluded)',
  },
  {
    id: 'HiDream-ai/HiDream-I1-Full',
    aliases: ['HiDream-ai/HiDream-I1-Dev', 'HiDream-ai/HiDream-I1-Fast'],
    family: 'hidream',
    architecture: 'diffusion',
    modality: 'vision',
    params: 17_000_000_000,
    smallerSiblings: [],
    source:
      'HiDream.ai 2025, HiDream-I1: A High-Efficient Image Generative Foundation Model with Sparse Diffusion Transformer, arXiv:2505.22705, abstract ("a new open-source image generative foundation model with 17B parameters", released as HiDream-I1-Full, -Dev and -Fast); all parameters of the sparse (MoE) DiT; the CLIP, T5-XXL and Llama-3.1-8B text encoders and the VAE excluded',
  },
  {
    id: 'Lightricks/LTX-2',
    aliases: [],
    family: 'ltx-video',
    architecture: 'diffusion',
    modality: 'multimodal',
    params: 19_000_000_000,
    smallerSiblings: [],
    source:
      'HaCohen et al. 2026, LTX-2: Efficient Joint Audio-Visual Foundation Model, arXiv:2601.03233 (an asymmetric dual-stream transformer: a 14B-parameter video stream and a 5B-parameter audio stream, 19B in all); the Gemma-3-12B text encoder and the two VAEs excluded',
  },
  {
    id: 'fal/AuraFlow-v0.3',
    // `terminusresearch/auraflow-v0.3`: the copy SimpleTuner loads for its AuraFlow v0.3 flavour
    // (simpletuner/helpers/models/auraflow/model.py, HUGGINGFACE_PATHS).
    aliases: ['fal/AuraFlow', 'fal/AuraFlow-v0.2', 'terminusresearch/auraflow-v0.3'],
    family: 'auraflow',
    architecture: 'diffusion',
    modality: 'vision',
    params: 6_800_000_000,
    smallerSiblings: [],
    source:
      'fal\'s AuraFlow collection on the Hugging Face Hub (huggingface.co/collections/fal/auraflow: "AuraFlow v0.x series, to date the largest (6.8B) ... open sourced text to image model", holding fal/AuraFlow, fal/AuraFlow-v0.2 and fal/AuraFlow-v0.3); the transformer only (the Pile-T5 text encoder and the VAE excluded)',
  },
  {
    id: 'lodestones/Chroma1-HD',
    aliases: ['lodestones/Chroma1-Base', 'lodestones/Chroma1-Flash', 'lodestones/Chroma'],
    family: 'chroma',
    architecture: 'diffusion',
    modality: 'vision',
    params: 8_900_000_000,
    smallerSiblings: [],
    source:
      'model card huggingface.co/lodestones/Chroma ("a 8.9 billion parameter rectified flow transformer", FLUX.1 [schnell] with its 3.3B modulation layers replaced by a 250M network); Chroma1-Base, -HD and -Flash are the released checkpoints of that network; the transformer only (the T5-XXL text encoder and the VAE excluded)',
  },
  {
    id: 'THUDM/chatglm2-6b',
    aliases: ['chatglm2-6b'],
    family: 'chatglm',
    architecture: 'decoder',
    modality: 'text',
    params: 6_243_584_000,
    contextLength: 32_768,
    loadedPrecision: {
      precision: 'fp16',
      source:
        'ChatGLM2-6B README ("By default, the model parameters are loaded with FP16 precision", github.com/THUDM/ChatGLM2-6B): its modeling_chatglm.py builds each layer with dtype=config.torch_dtype, and config.json sets torch_dtype float16, so AutoModel.from_pretrained without torch_dtype yields fp16 weights',
    },
    smallerSiblings: [],
    source:
      'computed from huggingface.co/THUDM/chatglm2-6b config.json (num_layers 28, hidden_size 4096, ffn_hidden_size 13696 SwiGLU, multi_query_group_num 2 × kv_channels 128, add_qkv_bias, padded_vocab_size 65024, tie_word_embeddings false): 28 × 203,960,832 per layer + 2 × 65,024 × 4,096 embeddings + final norm = 6,243,584,000',
  },
  {
    id: '2Noise/ChatTTS',
    aliases: ['ChatTTS'],
    family: 'chattts',
    architecture: 'decoder',
    modality: 'audio',
    params: 213_000_000,
    smallerSiblings: [],
    source:
      'huggingface.co/2Noise/ChatTTS (files: asset/gpt/model.safetensors 853 MB with config.json torch_dtype float32: about 213M parameters in the Llama-style GPT that generates the audio tokens, 20 layers, hidden 768, intermediate 3072; the DVAE, decoder and Vocos vocoder assets are small beside it); consistent with the "ChatTTS-200M" named in the huggingface.co/openbmb/MiniCPM-o-2_6 model card',
  },
  // ---------------- KerasHub presets (keras_hub.models.*.from_preset("<preset>")) ----------------
  // Counts are those of the preset's backbone (no task head), from the `params` metadata of each preset in
  // github.com/keras-team/keras-hub keras_hub/src/models/<model>/<model>_presets.py, shown in the Parameters column of
  // keras.io/keras_hub/presets.
  {
    id: 'keras_hub/xception_41_imagenet',
    aliases: ['xception_41_imagenet'],
    family: 'xception',
    architecture: 'cnn',
    modality: 'vision',
    params: 20_861_480,
    smallerSiblings: [],
    source:
      'keras-hub keras_hub/src/models/xception/xception_presets.py: xception_41_imagenet params 20,861,480 (41-layer Xception, ImageNet-1k); keras.io/keras_hub/presets',
  },
  {
    id: 'keras_hub/resnet_50_imagenet',
    aliases: ['resnet_50_imagenet'],
    family: 'resnet',
    architecture: 'cnn',
    modality: 'vision',
    params: 23_561_152,
    smallerSiblings: [],
    source:
      'keras-hub keras_hub/src/models/resnet/resnet_presets.py: resnet_50_imagenet params 23,561,152 (backbone without the 1000-way classifier); keras.io/keras_hub/presets',
  },
  {
    id: 'keras_hub/roberta_base_en',
    aliases: ['roberta_base_en'],
    family: 'roberta',
    architecture: 'encoder',
    modality: 'text',
    params: 124_052_736,
    smallerSiblings: [],
    source:
      'keras-hub keras_hub/src/models/roberta/roberta_presets.py: roberta_base_en params 124,052,736 (12 layers, hidden 768); keras.io/keras_hub/presets',
  },
  {
    id: 'keras_hub/gemma3_1b',
    aliases: ['gemma3_1b'],
    family: 'gemma',
    architecture: 'decoder',
    modality: 'text',
    params: 999_885_952,
    smallerSiblings: [],
    source:
      'keras-hub keras_hub/src/models/gemma3/gemma3_presets.py: gemma3_1b params 999,885,952 (26-layer text-only Gemma 3 1B, pretrained); keras.io/keras_hub/presets',
  },
  {
    id: 'facebook/esmfold_v1',
    aliases: ['esmfold_v1', 'esmfold'],
    family: 'esmfold',
    // Amino-acid sequence in, 3-D structure out: a sequence model with a folding trunk ('other').
    architecture: 'other',
    modality: 'text',
    params: 3_690_000_000,
    smallerSiblings: [],
    source:
      'facebookresearch/esm README "Available Models and Datasets" table: esmfold_v1, 48 folding blocks (+36 ESM-2 layers), 690M (+3B) parameters; Lin et al. 2023, Science 379:1123 (ESMFold with ESM-2 3B)',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-T-1K',
    aliases: ['mamba_vision_T'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 31_800_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-T, ImageNet-1K table: 31.8M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-T2-1K',
    aliases: ['mamba_vision_T2'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 35_100_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-T2, ImageNet-1K table: 35.1M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-S-1K',
    aliases: ['mamba_vision_S'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 50_100_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-S, ImageNet-1K table: 50.1M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-B-1K',
    aliases: ['mamba_vision_B'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 97_700_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-B, ImageNet-1K table: 97.7M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-B-21K',
    aliases: ['mamba_vision_B_21k'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 97_700_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-B-21K, ImageNet-21K table: 97.7M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L-1K',
    aliases: ['mamba_vision_L'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 227_900_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L, ImageNet-1K table: 227.9M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L-21K',
    aliases: ['mamba_vision_L_21k'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 227_900_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L-21K, ImageNet-21K table: 227.9M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L2-1K',
    aliases: ['mamba_vision_L2'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 241_500_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L2, ImageNet-1K table: 241.5M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L2-512-21K',
    aliases: ['mamba_vision_L2_512_21k'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 241_500_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L2-512-21K, ImageNet-21K table: 241.5M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L3-256-21K',
    aliases: ['mamba_vision_L3_256_21k'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 739_600_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L3-256-21K, ImageNet-21K table: 739.6M',
  },
  {
    // MambaVision (Hatamizadeh & Kautz 2024, arXiv:2407.08083, NVlabs/MambaVision): a hybrid Mamba–Transformer backbone.
    id: 'nvidia/MambaVision-L3-512-21K',
    aliases: ['mamba_vision_L3_512_21k'],
    family: 'mambavision',
    architecture: 'vit',
    modality: 'vision',
    params: 739_600_000,
    smallerSiblings: [],
    source:
      'NVlabs/MambaVision README.md (commit 7860a506), "#Params(M)" column: MambaVision-L3-512-21K, ImageNet-21K table: 739.6M',
  },
  {
    // CvT (Wu et al. 2021, arXiv:2103.15808, microsoft/CvT): convolutional token embeddings and projections in a ViT.
    id: 'microsoft/cvt-13',
    aliases: ['cvt-13', 'microsoft/cvt-13-384', 'microsoft/cvt-13-384-22k'],
    family: 'cvt',
    architecture: 'vit',
    modality: 'vision',
    params: 20_000_000,
    smallerSiblings: [],
    source:
      'microsoft/CvT README.md (commit f851e681), ImageNet model tables, "Param" column: CvT-13 20M (224x224 and 384x384)',
  },
  {
    // CvT (Wu et al. 2021, arXiv:2103.15808, microsoft/CvT): convolutional token embeddings and projections in a ViT.
    id: 'microsoft/cvt-21',
    aliases: ['cvt-21', 'microsoft/cvt-21-384', 'microsoft/cvt-21-384-22k'],
    family: 'cvt',
    architecture: 'vit',
    modality: 'vision',
    params: 32_000_000,
    smallerSiblings: [],
    source:
      'microsoft/CvT README.md (commit f851e681), ImageNet model tables, "Param" column: CvT-21 32M (224x224 and 384x384)',
  },
  {
    // CvT (Wu et al. 2021, arXiv:2103.15808, microsoft/CvT): convolutional token embeddings and projections in a ViT.
    id: 'microsoft/cvt-w24-384-22k',
    aliases: ['cvt-w24'],
    family: 'cvt',
    architecture: 'vit',
    modality: 'vision',
    params: 277_000_000,
    smallerSiblings: [],
    source:
      'microsoft/CvT README.md (commit f851e681), ImageNet model tables, "Param" column: CvT-W24 277M (384x384, ImageNet-22k pre-trained)',
  },
];
