import { gatedTest } from '../requiredLiterals';
import type { Node } from 'web-tree-sitter';
import { evaluate, keywordArgument, keywordOrFirstArgument } from '../../pythonValues';
import type { CallRule } from '../rules';

/**
 * FlagEmbedding's inference classes (the BGE embedders and rerankers, `pip install FlagEmbedding`): the model is
 * given first or as `model_name_or_path` (`FlagModel('BAAI/bge-small-en-v1.5')`, `FlagAutoModel.from_finetuned(...)`),
 * the devices as `devices='cuda:0'` or a list (one process per device), and half precision as `use_fp16`, whose
 * default differs by class: True for the embedders (`FlagModel`, `BGEM3FlagModel`, `FlagLLMModel`, `FlagICLModel`,
 * `FlagAutoModel.from_finetuned`), False for the rerankers (`FlagReranker`, `FlagLLMReranker`,
 * `LayerWiseFlagLLMReranker`, `LightWeightFlagLLMReranker`, `FlagAutoReranker.from_finetuned`) and the pseudo-MoE
 * embedder; `use_bf16=True` where a class has it. Source: the FlagEmbedding 1.3 API reference (PyPI `FlagEmbedding`;
 * class signatures as documented at tessl.io/registry/tessl/pypi-flagembedding, encoder-embedders and auto-models
 * pages). Loading one of them in a program that runs is an inference run: the classes only embed and score.
 */

/** Classes whose `use_fp16` defaults to True. */
const HALF_BY_DEFAULT = new Set(['FlagModel', 'BGEM3FlagModel', 'FlagLLMModel', 'FlagICLModel', 'FlagAutoModel']);
/** Classes whose `use_fp16` defaults to False. */
const FULL_BY_DEFAULT = new Set([
  'FlagReranker',
  'FlagLLMReranker',
  'LayerWiseFlagLLMReranker',
  'LightWeightFlagLLMReranker',
  'FlagAutoReranker',
  'FlagPseudoMoEModel',
]);
/** The auto classes are called through their factory (`FlagAutoModel.from_finetuned(...)`). */
const FACTORIES = new Set(['FlagAutoModel', 'FlagAutoReranker']);
const importsFlagEmbedding = gatedTest(/^[ \t]*(?:from|import)[ \t]+FlagEmbedding\b/m);
/** The devices' count at most (a list written out). */
const MAX_DEVICES = 64;

/** The class a call builds: `FlagModel(...)`, `FlagEmbedding.FlagModel(...)`, `FlagAutoModel.from_finetuned(...)`. */
function classOf(full: string, last: string): string | undefined {
  if (last === 'from_finetuned') {
    const parts = full.split('.');
    const owner = parts[parts.length - 2];
    return owner && FACTORIES.has(owner) ? owner : undefined;
  }
  return (HALF_BY_DEFAULT.has(last) || FULL_BY_DEFAULT.has(last)) && !FACTORIES.has(last) ? last : undefined;
}

function isTrue(node: Node | null, ctx: Parameters<CallRule['read']>[0]['ctx']): boolean | undefined {
  if (!node) return undefined;
  const v = evaluate(node, ctx.symbols)?.value;
  return typeof v === 'boolean' ? v : undefined;
}

export const flagEmbeddingModels: CallRule = {
  framework: 'flagembedding',
  callees: [...HALF_BY_DEFAULT, ...FULL_BY_DEFAULT, 'from_finetuned'],
  runStart: [/\bFlagEmbedding\b/, /\b(?:Flag\w{0,30}(?:Model|Reranker)|from_finetuned)\s*\(/],
  when: ({ full, last, ctx }) => classOf(full, last) !== undefined && importsFlagEmbedding(ctx.text),
  read: ({ node, full, last, ctx }) => {
    const cls = classOf(full, last)!;
    const fn = node.childForFieldName('function') ?? node;
    const args = node.childForFieldName('arguments');
    const model = keywordOrFirstArgument(node, 'model_name_or_path');
    if (model) ctx.addResolved('model.id', model, `model of ${full}`);
    const fp16 = args ? isTrue(keywordArgument(args, 'use_fp16'), ctx) : undefined;
    const bf16 = args ? isTrue(keywordArgument(args, 'use_bf16'), ctx) : undefined;
    if (bf16 === true) ctx.add('training.precision', 'bf16', fn, `${full}(use_bf16=True)`, 'high');
    else if (fp16 === true) ctx.add('training.precision', 'fp16', fn, `${full}(use_fp16=True)`, 'high');
    else if (fp16 === false) ctx.add('training.precision', 'fp32', fn, `${full}(use_fp16=False)`, 'high');
    else if (fp16 === undefined && !(args && keywordArgument(args, 'use_fp16')))
      ctx.add(
        'training.precision',
        HALF_BY_DEFAULT.has(cls) ? 'fp16' : 'fp32',
        fn,
        `${cls}: use_fp16 defaults to ${HALF_BY_DEFAULT.has(cls) ? 'True' : 'False'} (FlagEmbedding API)`,
        'medium',
      );
    const devices = args ? keywordArgument(args, 'devices') : null;
    const count = devices ? deviceCount(devices) : undefined;
    if (count) ctx.add('hardware.devices', count, devices!, `${full}(devices=${devices!.text.slice(0, 80)})`, 'high');
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...): a FlagEmbedding ${FULL_BY_DEFAULT.has(cls) && cls !== 'FlagPseudoMoEModel' ? 'reranker' : 'embedder'} loaded to embed or score, nothing trained`,
      'medium',
    );
  },
};

/** `'cuda:0'` → 1, `['cuda:0', 'cuda:1']` → 2; `'cpu'`, variables and anything else → undefined. */
function deviceCount(node: Node): number | undefined {
  if (node.type === 'string') return /^["']cuda(?::\d{1,3})?["']$/.test(node.text) ? 1 : undefined;
  if (node.type !== 'list' && node.type !== 'tuple') return undefined;
  const items = node.namedChildren.filter((c) => c?.type !== 'comment');
  if (items.length === 0 || items.length > MAX_DEVICES) return undefined;
  return items.every((c) => c?.type === 'string' && /^["']cuda:\d{1,3}["']$/.test(c.text)) ? items.length : undefined;
}

/**
 * LangChain's local Hugging Face embeddings (`langchain_huggingface.HuggingFaceEmbeddings(model_name=…)`, the older
 * `langchain_community.embeddings.HuggingFaceEmbeddings`/`HuggingFaceBgeEmbeddings`): a sentence-transformers model
 * loaded on this machine (python.langchain.com, HuggingFaceEmbeddings: "uses the sentence_transformers package"),
 * run when documents or queries are embedded (`embed_documents`, a vector store built `from_documents`). An
 * inference run of that model; endpoint clients (`HuggingFaceEndpointEmbeddings`) are other classes.
 */
const LANGCHAIN_EMBEDDINGS = new Set(['HuggingFaceEmbeddings', 'HuggingFaceBgeEmbeddings']);
const LANGCHAIN_IMPORT = /^[ \t]*from[ \t]+langchain\w{0,30}(?:\.\w{1,40}){0,4}[ \t]+import\b/m;
const EMBEDS =
  /\.(?:embed_documents|embed_query|from_documents|from_texts)[ \t]*\(|\b(?:VectorStoreIndex|ServiceContext)\b/;

export const langchainLocalEmbeddings: CallRule = {
  framework: 'langchain',
  callees: [...LANGCHAIN_EMBEDDINGS],
  runStart: [/\bHuggingFace(?:Bge)?Embeddings\b/, EMBEDS],
  when: ({ ctx }) => LANGCHAIN_IMPORT.test(ctx.text) && EMBEDS.test(ctx.text),
  read: ({ node, full, ctx }) => {
    const fn = node.childForFieldName('function') ?? node;
    const args = node.childForFieldName('arguments');
    const model = args ? keywordArgument(args, 'model_name') : null;
    if (!model) return;
    ctx.addResolved('model.id', model, `model_name of ${full}`);
    // The retriever of a RAG program: a generator it loads beside it (`AutoModelForCausalLM.from_pretrained(…)` behind
    // a pipeline) is the run's model; the embedding model is the run's only when nothing else is loaded.
    ctx.amendLast({ confidence: 'low' });
    ctx.add('model.fromScratch', false, fn, `${full}(...) loads a pretrained sentence-transformers model`);
    ctx.add(
      'launch.inference',
      full,
      fn,
      `${full}(...): the embedding model runs on this machine to embed documents and queries`,
      'medium',
    );
  },
};
