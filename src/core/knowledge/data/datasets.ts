import type { Dataset } from '../schema';

/**
 * Training-split sizes of datasets commonly passed to `load_dataset`, from their
 * Hugging Face dataset cards (or the paper when the card gives none).
 * tokens: total tokens where the dataset is used for language-model pre-training.
 */
export const DATASETS: readonly Dataset[] = [
  { id: 'glue/sst2', aliases: ['sst2', 'stanfordnlp/sst2', 'nyu-mll/glue/sst2'], trainSamples: 67_349, source: 'Hugging Face dataset card nyu-mll/glue, config sst2: train 67,349 rows' },
  { id: 'glue/mrpc', aliases: ['nyu-mll/glue/mrpc'], trainSamples: 3_668, source: 'Hugging Face dataset card nyu-mll/glue, config mrpc: train 3,668 rows' },
  { id: 'glue/mnli', aliases: ['nyu-mll/glue/mnli'], trainSamples: 392_702, source: 'Hugging Face dataset card nyu-mll/glue, config mnli: train 392,702 rows' },
  { id: 'glue/cola', aliases: ['nyu-mll/glue/cola'], trainSamples: 8_551, source: 'Hugging Face dataset card nyu-mll/glue, config cola: train 8,551 rows' },
  { id: 'imdb', aliases: ['stanfordnlp/imdb'], trainSamples: 25_000, source: 'Hugging Face dataset card stanfordnlp/imdb: train 25,000 rows (Maas et al. 2011)' },
  { id: 'ag_news', aliases: ['fancyzhx/ag_news'], trainSamples: 120_000, source: 'Hugging Face dataset card fancyzhx/ag_news: train 120,000 rows' },
  { id: 'yelp_review_full', aliases: ['Yelp/yelp_review_full'], trainSamples: 650_000, source: 'Hugging Face dataset card Yelp/yelp_review_full: train 650,000 rows' },
  { id: 'squad', aliases: ['rajpurkar/squad'], trainSamples: 87_599, source: 'Hugging Face dataset card rajpurkar/squad: train 87,599 rows (Rajpurkar et al. 2016)' },
  { id: 'cnn_dailymail/3.0.0', aliases: ['cnn_dailymail', 'abisee/cnn_dailymail', 'abisee/cnn_dailymail/3.0.0'], trainSamples: 287_113, source: 'Hugging Face dataset card abisee/cnn_dailymail 3.0.0: train 287,113 rows' },
  { id: 'xsum', aliases: ['EdinburghNLP/xsum'], trainSamples: 204_045, source: 'Hugging Face dataset card EdinburghNLP/xsum: train 204,045 rows (Narayan et al. 2018)' },
  { id: 'samsum', aliases: ['Samsung/samsum'], trainSamples: 14_732, source: 'Hugging Face dataset card Samsung/samsum: train 14,732 rows (Gliwa et al. 2019)' },
  { id: 'tatsu-lab/alpaca', aliases: ['alpaca'], trainSamples: 52_002, source: 'Hugging Face dataset card tatsu-lab/alpaca: train 52,002 rows' },
  { id: 'timdettmers/openassistant-guanaco', aliases: ['openassistant-guanaco'], trainSamples: 9_846, source: 'Hugging Face dataset card timdettmers/openassistant-guanaco: train 9,846 rows (Dettmers et al. 2023, arXiv:2305.14314)' },
  { id: 'mnist', aliases: ['ylecun/mnist'], trainSamples: 60_000, source: 'Hugging Face dataset card ylecun/mnist: train 60,000 images (LeCun et al. 1998)' },
  { id: 'fashion_mnist', aliases: ['zalando-datasets/fashion_mnist', 'FashionMNIST'], trainSamples: 60_000, source: 'Hugging Face dataset card zalando-datasets/fashion_mnist: train 60,000 images (Xiao et al. 2017, arXiv:1708.07747)' },
  { id: 'cifar10', aliases: ['uoft-cs/cifar10', 'CIFAR10'], trainSamples: 50_000, source: 'Hugging Face dataset card uoft-cs/cifar10: train 50,000 images (Krizhevsky 2009)' },
  { id: 'cifar100', aliases: ['uoft-cs/cifar100', 'CIFAR100'], trainSamples: 50_000, source: 'Hugging Face dataset card uoft-cs/cifar100: train 50,000 images (Krizhevsky 2009)' },
  { id: 'imagenet-1k', aliases: ['ILSVRC/imagenet-1k', 'imagenet', 'ImageNet'], trainSamples: 1_281_167, source: 'Hugging Face dataset card ILSVRC/imagenet-1k: train 1,281,167 images (Russakovsky et al. 2015)' },
  { id: 'beans', aliases: ['AI-Lab-Makerere/beans'], trainSamples: 1_034, source: 'Hugging Face dataset card AI-Lab-Makerere/beans: train 1,034 images' },
  { id: 'food101', aliases: ['ethz/food101'], trainSamples: 75_750, source: 'Hugging Face dataset card ethz/food101: train 75,750 images (Bossard et al. 2014)' },
  { id: 'wikitext/wikitext-103-raw-v1', aliases: ['wikitext-103', 'Salesforce/wikitext/wikitext-103-raw-v1'], trainSamples: 1_801_350, tokens: 103_227_021, source: 'Merity et al. 2016, arXiv:1609.07843, Table 1 (WikiText-103 train 103,227,021 tokens); HF card Salesforce/wikitext: 1,801,350 rows' },
  { id: 'openwebtext', aliases: ['Skylion007/openwebtext'], trainSamples: 8_013_769, tokens: 9_035_582_198, source: 'Hugging Face dataset card Skylion007/openwebtext: 8,013,769 documents; ≈9.04B GPT-2 BPE tokens in the train split (karpathy/nanoGPT data/openwebtext/readme.md)' },
];
