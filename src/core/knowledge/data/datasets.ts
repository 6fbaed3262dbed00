import type { Dataset } from '../schema';

/**
 * Training-split sizes of datasets commonly passed to `load_dataset` (or built by
 * torchvision/torchaudio), from their Hugging Face dataset cards / dataset viewer
 * (or the paper when the card gives none). Each source ends with the licence the
 * card or the authors state.
 * tokens: total tokens of the training split, only where a source publishes it
 * (language-model corpora); the tokenizer it was counted with is named in the source.
 */
export const DATASETS: readonly Dataset[] = [
  // ── GLUE (nyu-mll/glue) ────────────────────────────────────────────────
  { id: 'glue/sst2', aliases: ['sst2', 'stanfordnlp/sst2', 'nyu-mll/glue/sst2'], trainSamples: 67_349, source: 'Hugging Face dataset card nyu-mll/glue, config sst2: train 67,349 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/mrpc', aliases: ['nyu-mll/glue/mrpc'], trainSamples: 3_668, source: 'Hugging Face dataset card nyu-mll/glue, config mrpc: train 3,668 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/mnli', aliases: ['nyu-mll/glue/mnli'], trainSamples: 392_702, source: 'Hugging Face dataset card nyu-mll/glue, config mnli: train 392,702 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/cola', aliases: ['nyu-mll/glue/cola'], trainSamples: 8_551, source: 'Hugging Face dataset card nyu-mll/glue, config cola: train 8,551 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/qqp', aliases: ['qqp', 'nyu-mll/glue/qqp'], trainSamples: 363_846, source: 'Hugging Face dataset card nyu-mll/glue, config qqp: train 363,846 rows (licence: GLUE card "other"; Quora dataset terms)' },
  { id: 'glue/stsb', aliases: ['stsb', 'sts-b', 'nyu-mll/glue/stsb'], trainSamples: 5_749, source: 'Hugging Face dataset card nyu-mll/glue, config stsb: train 5,749 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/qnli', aliases: ['qnli', 'nyu-mll/glue/qnli'], trainSamples: 104_743, source: 'Hugging Face dataset card nyu-mll/glue, config qnli: train 104,743 rows (licence: GLUE card "other"; derived from SQuAD, CC BY-SA 4.0)' },
  { id: 'glue/rte', aliases: ['nyu-mll/glue/rte'], trainSamples: 2_490, source: 'Hugging Face dataset card nyu-mll/glue, config rte: train 2,490 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },
  { id: 'glue/wnli', aliases: ['wnli', 'nyu-mll/glue/wnli'], trainSamples: 635, source: 'Hugging Face dataset card nyu-mll/glue, config wnli: train 635 rows (licence: GLUE card "other"; per-task terms of the original corpora)' },

  // ── SuperGLUE (aps/super_glue) ─────────────────────────────────────────
  { id: 'super_glue/boolq', aliases: ['aps/super_glue/boolq', 'boolq', 'google/boolq'], trainSamples: 9_427, source: 'Hugging Face dataset card aps/super_glue, config boolq: train 9,427 rows (Clark et al. 2019) (licence: BoolQ CC BY-SA 3.0; SuperGLUE card "other")' },
  { id: 'super_glue/cb', aliases: ['aps/super_glue/cb'], trainSamples: 250, source: 'Hugging Face dataset card aps/super_glue, config cb: train 250 rows (licence: SuperGLUE card "other"; per-task terms)' },
  { id: 'super_glue/copa', aliases: ['aps/super_glue/copa'], trainSamples: 400, source: 'Hugging Face dataset card aps/super_glue, config copa: train 400 rows (licence: COPA BSD 2-Clause; SuperGLUE card "other")' },
  { id: 'super_glue/multirc', aliases: ['aps/super_glue/multirc'], trainSamples: 27_243, source: 'Hugging Face dataset card aps/super_glue, config multirc: train 27,243 rows (one row per question–answer pair) (licence: SuperGLUE card "other"; per-task terms)' },
  { id: 'super_glue/record', aliases: ['aps/super_glue/record'], trainSamples: 100_730, source: 'Hugging Face dataset card aps/super_glue, config record: train 100,730 rows (licence: SuperGLUE card "other"; per-task terms)' },
  { id: 'super_glue/rte', aliases: ['aps/super_glue/rte'], trainSamples: 2_490, source: 'Hugging Face dataset card aps/super_glue, config rte: train 2,490 rows (licence: SuperGLUE card "other"; per-task terms)' },
  { id: 'super_glue/wic', aliases: ['aps/super_glue/wic'], trainSamples: 5_428, source: 'Hugging Face dataset card aps/super_glue, config wic: train 5,428 rows (licence: WiC CC BY-NC 4.0; SuperGLUE card "other")' },
  { id: 'super_glue/wsc', aliases: ['aps/super_glue/wsc', 'super_glue/wsc.fixed', 'aps/super_glue/wsc.fixed'], trainSamples: 554, source: 'Hugging Face dataset card aps/super_glue, configs wsc and wsc.fixed: train 554 rows each (licence: WSC CC BY 4.0; SuperGLUE card "other")' },

  // ── Text classification, QA, NER ───────────────────────────────────────
  { id: 'imdb', aliases: ['stanfordnlp/imdb'], trainSamples: 25_000, source: 'Hugging Face dataset card stanfordnlp/imdb: train 25,000 rows (Maas et al. 2011) (licence: card "other"; free for research use per the authors)' },
  { id: 'ag_news', aliases: ['fancyzhx/ag_news'], trainSamples: 120_000, source: 'Hugging Face dataset card fancyzhx/ag_news: train 120,000 rows (licence: card "unknown"; non-commercial use per the AG corpus authors)' },
  { id: 'yelp_review_full', aliases: ['Yelp/yelp_review_full'], trainSamples: 650_000, source: 'Hugging Face dataset card Yelp/yelp_review_full: train 650,000 rows (licence: card "other"; Yelp Dataset terms of use)' },
  { id: 'yelp_polarity', aliases: ['fancyzhx/yelp_polarity'], trainSamples: 560_000, source: 'Hugging Face dataset card fancyzhx/yelp_polarity: train 560,000 rows (Zhang et al. 2015) (licence: card "other"; Yelp Dataset terms of use)' },
  { id: 'amazon_polarity', aliases: ['fancyzhx/amazon_polarity'], trainSamples: 3_600_000, source: 'Hugging Face dataset card fancyzhx/amazon_polarity: train 3,600,000 rows (Zhang et al. 2015) (licence: Apache 2.0 per card)' },
  { id: 'dbpedia_14', aliases: ['fancyzhx/dbpedia_14'], trainSamples: 560_000, source: 'Hugging Face dataset card fancyzhx/dbpedia_14: train 560,000 rows (Zhang et al. 2015) (licence: CC BY-SA 3.0)' },
  { id: 'rotten_tomatoes', aliases: ['cornell-movie-review-data/rotten_tomatoes'], trainSamples: 8_530, source: 'Hugging Face dataset card cornell-movie-review-data/rotten_tomatoes: train 8,530 rows (Pang & Lee 2005) (licence: card "unknown")' },
  { id: 'emotion', aliases: ['dair-ai/emotion', 'dair-ai/emotion/split'], trainSamples: 16_000, source: 'Hugging Face dataset card dair-ai/emotion, config split: train 16,000 rows (Saravia et al. 2018) (licence: card "other"; educational and research use)' },
  { id: 'tweet_eval/sentiment', aliases: ['cardiffnlp/tweet_eval/sentiment'], trainSamples: 45_615, source: 'Hugging Face dataset card cardiffnlp/tweet_eval, config sentiment: train 45,615 rows (Barbieri et al. 2020) (licence: card "unknown"; Twitter terms)' },
  { id: 'squad', aliases: ['rajpurkar/squad'], trainSamples: 87_599, source: 'Hugging Face dataset card rajpurkar/squad: train 87,599 rows (Rajpurkar et al. 2016) (licence: CC BY-SA 4.0)' },
  { id: 'squad_v2', aliases: ['rajpurkar/squad_v2'], trainSamples: 130_319, source: 'Hugging Face dataset card rajpurkar/squad_v2: train 130,319 rows (Rajpurkar et al. 2018) (licence: CC BY-SA 4.0)' },
  { id: 'conll2003', aliases: ['eriktks/conll2003'], trainSamples: 14_041, source: 'Hugging Face dataset card eriktks/conll2003: train 14,041 sentences (Tjong Kim Sang & De Meulder 2003) (licence: card "other"; Reuters Corpus (RCV1) agreement)' },
  { id: 'wnut_17', aliases: ['leondz/wnut_17'], trainSamples: 3_394, source: 'Hugging Face dataset card leondz/wnut_17: train 3,394 rows (Derczynski et al. 2017) (licence: CC BY 4.0)' },

  // ── Summarisation, translation ─────────────────────────────────────────
  { id: 'cnn_dailymail/3.0.0', aliases: ['cnn_dailymail', 'abisee/cnn_dailymail', 'abisee/cnn_dailymail/3.0.0'], trainSamples: 287_113, source: 'Hugging Face dataset card abisee/cnn_dailymail 3.0.0: train 287,113 rows (licence: Apache 2.0 per card)' },
  { id: 'xsum', aliases: ['EdinburghNLP/xsum'], trainSamples: 204_045, source: 'Hugging Face dataset card EdinburghNLP/xsum: train 204,045 rows (Narayan et al. 2018) (licence: card "unknown")' },
  { id: 'samsum', aliases: ['Samsung/samsum'], trainSamples: 14_732, source: 'Hugging Face dataset card Samsung/samsum: train 14,732 rows (Gliwa et al. 2019) (licence: CC BY-NC-ND 4.0)' },
  { id: 'billsum', aliases: ['FiscalNote/billsum'], trainSamples: 18_949, source: 'Hugging Face dataset card FiscalNote/billsum: train 18,949 rows (Kornilova & Eidelman 2019) (licence: CC0 1.0)' },
  { id: 'wmt16/ro-en', aliases: ['wmt/wmt16/ro-en'], trainSamples: 610_320, source: 'Hugging Face dataset card wmt/wmt16, config ro-en: train 610,320 sentence pairs (licence: card "unknown"; terms of the individual WMT16 corpora)' },
  { id: 'wmt16/de-en', aliases: ['wmt/wmt16/de-en'], trainSamples: 4_548_885, source: 'Hugging Face dataset card wmt/wmt16, config de-en: train 4,548,885 sentence pairs (licence: card "unknown"; terms of the individual WMT16 corpora)' },
  { id: 'opus100/en-fr', aliases: ['Helsinki-NLP/opus-100/en-fr', 'opus100/de-en', 'Helsinki-NLP/opus-100/de-en'], trainSamples: 1_000_000, source: 'Zhang et al. 2020, arXiv:2004.11867 (OPUS-100): training sets capped at 1M sentence pairs per language pair; HF card Helsinki-NLP/opus-100 en-fr and de-en: train 1,000,000 rows (licence: card "unknown"; terms of the OPUS source corpora)' },

  // ── Language-model corpora ─────────────────────────────────────────────
  { id: 'wikitext/wikitext-103-raw-v1', aliases: ['wikitext-103', 'Salesforce/wikitext/wikitext-103-raw-v1'], trainSamples: 1_801_350, tokens: 103_227_021, source: 'Merity et al. 2016, arXiv:1609.07843, Table 1 (WikiText-103 train 103,227,021 tokens); HF card Salesforce/wikitext: 1,801,350 rows (licence: CC BY-SA 3.0 / GFDL)' },
  { id: 'wikitext/wikitext-103-v1', aliases: ['Salesforce/wikitext/wikitext-103-v1'], trainSamples: 1_801_350, tokens: 103_227_021, source: 'Merity et al. 2016, arXiv:1609.07843, Table 1 (WikiText-103 train 103,227,021 tokens); HF card Salesforce/wikitext, config wikitext-103-v1: train 1,801,350 rows (licence: CC BY-SA 3.0 / GFDL)' },
  { id: 'wikitext/wikitext-2-raw-v1', aliases: ['wikitext-2', 'wikitext2', 'Salesforce/wikitext/wikitext-2-raw-v1'], trainSamples: 36_718, tokens: 2_088_628, source: 'Merity et al. 2016, arXiv:1609.07843, Table 1 (WikiText-2 train 2,088,628 tokens); HF card Salesforce/wikitext, config wikitext-2-raw-v1: train 36,718 rows (licence: CC BY-SA 3.0 / GFDL)' },
  { id: 'wikitext/wikitext-2-v1', aliases: ['Salesforce/wikitext/wikitext-2-v1'], trainSamples: 36_718, tokens: 2_088_628, source: 'Merity et al. 2016, arXiv:1609.07843, Table 1 (WikiText-2 train 2,088,628 tokens); HF card Salesforce/wikitext, config wikitext-2-v1: train 36,718 rows (licence: CC BY-SA 3.0 / GFDL)' },
  { id: 'openwebtext', aliases: ['Skylion007/openwebtext'], trainSamples: 8_013_769, tokens: 9_035_582_198, source: 'Hugging Face dataset card Skylion007/openwebtext: 8,013,769 documents; ≈9.04B GPT-2 BPE tokens in the train split (karpathy/nanoGPT data/openwebtext/readme.md) (licence: CC0 1.0)' },
  { id: 'allenai/c4/en', aliases: ['c4/en', 'c4', 'allenai/c4'], trainSamples: 364_868_892, tokens: 156_000_000_000, source: 'Hugging Face dataset card allenai/c4, config en: train 364,868,892 rows; ≈156B tokens for C4.EN (Dodge et al. 2021, arXiv:2104.08758, Table 1, whitespace/spaCy word tokens, not BPE) (licence: ODC-BY 1.0)' },
  { id: 'allenai/c4/en.noblocklist', aliases: ['c4/en.noblocklist'], trainSamples: 393_391_519, tokens: 198_000_000_000, source: 'Hugging Face dataset card allenai/c4, config en.noblocklist: train 393,391,519 rows; ≈198B tokens for C4.EN.NOBLOCKLIST (Dodge et al. 2021, arXiv:2104.08758, Table 1) (licence: ODC-BY 1.0)' },
  { id: 'HuggingFaceFW/fineweb-edu/sample-10BT', aliases: ['fineweb-edu/sample-10BT'], trainSamples: 9_672_101, tokens: 10_000_000_000, source: 'Hugging Face dataset card HuggingFaceFW/fineweb-edu, config sample-10BT: train 9,672,101 rows, a ~10B GPT-2-token sample (size stated in the config name and card) (licence: ODC-BY 1.0)' },

  // ── Instruction / preference tuning ────────────────────────────────────
  { id: 'tatsu-lab/alpaca', aliases: ['alpaca'], trainSamples: 52_002, source: 'Hugging Face dataset card tatsu-lab/alpaca: train 52,002 rows (licence: CC BY-NC 4.0)' },
  { id: 'timdettmers/openassistant-guanaco', aliases: ['openassistant-guanaco'], trainSamples: 9_846, source: 'Hugging Face dataset card timdettmers/openassistant-guanaco: train 9,846 rows (Dettmers et al. 2023, arXiv:2305.14314) (licence: Apache 2.0, inherited from OASST1)' },
  { id: 'databricks/databricks-dolly-15k', aliases: ['databricks-dolly-15k', 'dolly-15k'], trainSamples: 15_011, source: 'Hugging Face dataset card databricks/databricks-dolly-15k: train 15,011 rows (licence: CC BY-SA 3.0)' },
  { id: 'OpenAssistant/oasst1', aliases: ['oasst1'], trainSamples: 84_437, source: 'Hugging Face dataset card OpenAssistant/oasst1: train 84,437 messages (rows), validation 4,401 (Köpf et al. 2023, arXiv:2304.07327) (licence: Apache 2.0)' },
  { id: 'HuggingFaceH4/ultrachat_200k', aliases: ['ultrachat_200k'], trainSamples: 207_865, source: 'Hugging Face dataset card HuggingFaceH4/ultrachat_200k: train_sft split 207,865 rows (licence: MIT)' },
  { id: 'HuggingFaceH4/ultrafeedback_binarized', aliases: ['ultrafeedback_binarized'], trainSamples: 61_135, source: 'Hugging Face dataset card HuggingFaceH4/ultrafeedback_binarized: train_prefs split 61,135 rows (train_sft the same size) (licence: MIT)' },
  { id: 'Anthropic/hh-rlhf', aliases: ['hh-rlhf'], trainSamples: 160_800, source: 'Hugging Face dataset card Anthropic/hh-rlhf: train 160,800 rows, test 8,552 (Bai et al. 2022, arXiv:2204.05862) (licence: MIT)' },
  { id: 'sahil2801/CodeAlpaca-20k', aliases: ['CodeAlpaca-20k', 'code_alpaca'], trainSamples: 20_022, source: 'Hugging Face dataset card sahil2801/CodeAlpaca-20k: train 20,022 rows (licence: CC BY 4.0 per card)' },

  // ── Maths and code (evaluation sets people also fine-tune on) ──────────
  { id: 'gsm8k/main', aliases: ['gsm8k', 'openai/gsm8k', 'openai/gsm8k/main'], trainSamples: 7_473, source: 'Hugging Face dataset card openai/gsm8k, config main: train 7,473 rows, test 1,319 (Cobbe et al. 2021, arXiv:2110.14168) (licence: MIT)' },
  { id: 'hendrycks/competition_math', aliases: ['competition_math', 'EleutherAI/hendrycks_math', 'hendrycks_math'], trainSamples: 7_500, source: 'Hendrycks et al. 2021, arXiv:2103.03874 (MATH): 7,500 training and 5,000 test problems; HF card hendrycks/competition_math train 7,500 rows (licence: MIT)' },
  { id: 'mbpp', aliases: ['google-research-datasets/mbpp', 'mbpp/full'], trainSamples: 374, source: 'Hugging Face dataset card google-research-datasets/mbpp, config full: train 374 rows, test 500, validation 90, prompt 10 (Austin et al. 2021, arXiv:2108.07732) (licence: CC BY 4.0)' },
  { id: 'openai_humaneval', aliases: ['openai/openai_humaneval', 'humaneval'], trainSamples: 164, source: 'Hugging Face dataset card openai/openai_humaneval: 164 problems, test split only (no train split; count given for fine-tuning on it) (Chen et al. 2021, arXiv:2107.03374) (licence: MIT)' },

  // ── Vision ─────────────────────────────────────────────────────────────
  { id: 'mnist', aliases: ['ylecun/mnist'], trainSamples: 60_000, source: 'Hugging Face dataset card ylecun/mnist: train 60,000 images (LeCun et al. 1998) (licence: MIT per HF card)' },
  { id: 'fashion_mnist', aliases: ['zalando-datasets/fashion_mnist', 'FashionMNIST'], trainSamples: 60_000, source: 'Hugging Face dataset card zalando-datasets/fashion_mnist: train 60,000 images (Xiao et al. 2017, arXiv:1708.07747) (licence: MIT)' },
  { id: 'cifar10', aliases: ['uoft-cs/cifar10', 'CIFAR10'], trainSamples: 50_000, source: 'Hugging Face dataset card uoft-cs/cifar10: train 50,000 images (Krizhevsky 2009) (licence: card "unknown")' },
  { id: 'cifar100', aliases: ['uoft-cs/cifar100', 'CIFAR100'], trainSamples: 50_000, source: 'Hugging Face dataset card uoft-cs/cifar100: train 50,000 images (Krizhevsky 2009) (licence: card "unknown")' },
  { id: 'svhn/cropped_digits', aliases: ['svhn', 'ufldl-stanford/svhn', 'ufldl-stanford/svhn/cropped_digits'], trainSamples: 73_257, source: 'Hugging Face dataset card ufldl-stanford/svhn, config cropped_digits: train 73,257 images (plus 531,131 in the separate "extra" split) (Netzer et al. 2011) (licence: card "other"; non-commercial use only)' },
  { id: 'stl10', aliases: ['tanganke/stl10'], trainSamples: 5_000, source: 'Coates, Lee & Ng 2011 (STL-10): 5,000 labelled training images (500 per class) plus 100,000 unlabelled; torchvision STL10(split="train") (licence: not stated by the authors)' },
  { id: 'imagenet-1k', aliases: ['ILSVRC/imagenet-1k', 'imagenet', 'ImageNet', 'IMNET'], trainSamples: 1_281_167, source: 'Hugging Face dataset card ILSVRC/imagenet-1k: train 1,281,167 images (Russakovsky et al. 2015); IMNET is the name DeiT-style programs give it (facebookresearch/deit datasets.py: `args.data_set == \'IMNET\'` builds the ImageNet train folder) (licence: ImageNet terms of access, non-commercial research only)' },
  { id: 'beans', aliases: ['AI-Lab-Makerere/beans'], trainSamples: 1_034, source: 'Hugging Face dataset card AI-Lab-Makerere/beans: train 1,034 images (licence: MIT)' },
  { id: 'food101', aliases: ['ethz/food101'], trainSamples: 75_750, source: 'Hugging Face dataset card ethz/food101: train 75,750 images (Bossard et al. 2014) (licence: card "unknown"; images from foodspotting.com)' },
  { id: 'microsoft/cats_vs_dogs', aliases: ['cats_vs_dogs'], trainSamples: 23_410, source: 'Hugging Face dataset card microsoft/cats_vs_dogs: train 23,410 images (Asirra; corrupted images removed) (licence: card "unknown")' },
  { id: 'oxford_iiit_pet', aliases: ['OxfordIIITPet'], trainSamples: 3_680, source: 'Parkhi et al. 2012 (Oxford-IIIT Pet): trainval split 3,680 images, test 3,669; torchvision OxfordIIITPet(split="trainval") (licence: CC BY-SA 4.0)' },
  { id: 'stanford_cars', aliases: ['StanfordCars'], trainSamples: 8_144, source: 'Krause et al. 2013 (Stanford Cars): train 8,144 images, test 8,041; torchvision StanfordCars(split="train") (licence: ImageNet-style terms, non-commercial research only)' },
  { id: 'flowers102', aliases: ['oxford_flowers102'], trainSamples: 1_020, source: 'Nilsback & Zisserman 2008 (Oxford 102 Flowers): train 1,020 images (10 per class), val 1,020, test 6,149; torchvision Flowers102(split="train") (licence: not stated by the authors)' },
  { id: 'coco/2017', aliases: ['coco2017', 'CocoDetection', 'CocoCaptions', 'coco-2017-train'], trainSamples: 118_287, source: 'COCO 2017 (Lin et al. 2014; cocodataset.org): train2017 118,287 images (captions_train2017 has ~5 captions per image) (licence: annotations CC BY 4.0; images under their Flickr licences)' },

  // ── Speech ─────────────────────────────────────────────────────────────
  { id: 'librispeech_asr/clean/train.100', aliases: ['openslr/librispeech_asr/clean/train.100', 'librispeech-train-clean-100', 'train-clean-100'], trainSamples: 28_539, source: 'Hugging Face dataset card openslr/librispeech_asr, split train.clean.100: 28,539 utterances (rows); 100.6 h of audio (Panayotov et al. 2015, ICASSP, Table 1) (licence: CC BY 4.0)' },
  { id: 'librispeech_asr/clean/train.360', aliases: ['openslr/librispeech_asr/clean/train.360', 'librispeech-train-clean-360', 'train-clean-360'], trainSamples: 104_014, source: 'Hugging Face dataset card openslr/librispeech_asr, split train.clean.360: 104,014 utterances (rows); 363.6 h of audio (Panayotov et al. 2015, ICASSP, Table 1) (licence: CC BY 4.0)' },
  { id: 'librispeech_asr/other/train.500', aliases: ['openslr/librispeech_asr/other/train.500', 'librispeech-train-other-500', 'train-other-500'], trainSamples: 148_688, source: 'Hugging Face dataset card openslr/librispeech_asr, split train.other.500: 148,688 utterances (rows); 496.7 h of audio (Panayotov et al. 2015, ICASSP, Table 1) (licence: CC BY 4.0)' },
];
