import { bf16Embedding } from './readers/bf16Embedding';
import { tokenBatch } from './readers/tokenBatch';
import { rlAgentEvaluation } from './readers/rlEvaluation';
import { rlTrainer } from './readers/rlTrainer';
import { sb3HyperparamsModule, sb3Program } from './readers/sb3Program';
import { rlLibraryLearn } from './readers/rlLibraryLearn';
import { gpt2Checkpoint } from './readers/gpt2Checkpoint';
import { optimizerStepNest } from './readers/optimizerStepNest';
import { lazy } from '../../lazy';
import { selectedSpec } from './readers/selectedSpec';
import { hparamsLoader } from './readers/hparamsLoader';
import { AnyWord, gatedTestPatterns, PatternGate, WordFinder } from './requiredLiterals';
import type { FoundWords } from './requiredLiterals';
import { namedModelType } from './readers/namedModelType';
import { keyedModelSize } from './readers/keyedModelSize';
import { flagModuleDefaults, modelFlagDefault } from './readers/modelFlagDefault';
import { notebookWidgets } from './readers/notebookWidgets';
import { llamaPackageLoad, llamaProgramFlags } from './readers/llamaCheckpoint';
import { featureCacheProgram } from './readers/featureCache';
import { deepspeedMii } from './readers/deepspeedMii';
import { funasrAutoModel } from './readers/funasrAutoModel';
import { mmfInference } from './readers/mmfInference';
import { hyperparamSweep } from './readers/hyperparamSweep';
import { argumentPipelineRun } from './readers/argumentPipeline';
import {
  policyActions,
  policyConstruction,
  policyEvaluation,
  policyFromPretrained,
  policyServer,
  remoteCodeActions,
  rolloutContext,
} from './readers/lerobot';
import { configModelName } from './readers/configModelName';
import { remoteCodeChat, threadedGeneration } from './readers/chatApi';
import { settingsModule } from './readers/settingsModule';
import { distilabelEngines } from './readers/distilabel';
import { mlcCompiledModel, mlcEngine } from './readers/mlc';
import { fastllmModel } from './readers/fastllm';
import { mlxLoad } from './readers/mlx';
import { yoloProgram } from './readers/yolo';
import { tinygradEnvSettings } from './readers/tinygradEnv';
import { openMmlabInferencer, openMmlabInitApi } from './readers/mmInferencer';
import { openPcdetBuildNetwork, openPcdetConfigFile } from './readers/openPcdetProgram';
import { sam2Builder, samRegistry } from './readers/segmentAnything';
import { referenceGenerator } from './readers/referenceGenerator';
import { lavisProgramConfig, registryModelLoader } from './readers/lavisProgram';
import { corenetTrainingArguments } from './readers/corenetOptions';
import { mlCollectionsConfigUse } from './readers/mlCollectionsUse';
import { openNmtInference, openNmtProgram } from './readers/openNmtProgram';
import { fairseqDecodingParser, fairseqInferenceStep, fairseqValidStep } from './readers/fairseqProgram';
import { t5LibraryTraining } from './readers/t5Library';
import { easyDictConfig } from './readers/easyDictConfig';
import { hydraMain } from './readers/hydraMain';
import { blipFactory } from './readers/blip';
import { architectureKeyword, namedArchitecture } from './readers/namedArchitecture';
import { srGenerator, wrapperHalfKeyword } from './readers/srGenerator';
import { vitByDimensions } from './readers/vitDims';
import { mlxIterationFlags, mlxLoraLayers, mlxOptimizerUpdate, mlxPipelineGeneration } from './readers/mlxTrain';
import { estimatorRun, tfFlagDefaults, tfHubModule, tfLoadedModelCalled } from './readers/tfEstimator';
import { tfSessionTraining } from './readers/tfSession';
import { fairseq2ConfigSections, fairseq2RecipeMain } from './readers/fairseq2Program';
import { checkpointPathDefault, namedDtypeCast } from './readers/checkpointPath';
import { autotrainProject } from './readers/autotrain';
import { mlCollectionsConfig } from './readers/mlCollections';
import { kauldronTrainer } from './readers/kauldron';
import { gemmaSampling } from './readers/gemmaLibrary';
import * as diffusion from './readers/diffusion';
import * as sbert from './readers/sentenceTransformers';
import { flagEmbeddingModels, langchainLocalEmbeddings } from './readers/flagEmbedding';
import { checkpointHelper } from './readers/checkpointHelper';
import { colbertRetrieval } from './readers/colbertRetrieval';
import { defaultPredictor } from './readers/detectron2Predictor';
import { rlkitRollout, rlkitRunExperiment, rlkitSchedule } from './readers/rlkit';
import { trainerRegistry } from './readers/trainerRegistry';
import { configClassRegistry } from './readers/configClassRegistry';
import { paxExperiments } from './readers/paxExperiments';
import { langchainLocalLlms } from './readers/langchainLlm';
import { mistralFromFolder } from './readers/mistralInference';
import { hubRepoKeyword, hubSnapshotDownload } from './readers/hubDownload';
import { configDictModel, generateFunction, loraSwapFunction, trainingFunction } from './readers/standaloneLm';
import { settingsFunctions, trlxSettings } from './readers/trlx';
import type { Node, Tree } from 'web-tree-sitter';
import type { Fact } from '../../facts';
import { PythonReadContext, SyntaxCaches } from './context';
import { PYTHON_SIZING_NAMES, SIZING_LINE_WORDS } from './keywords';
import * as codecarbon from './readers/codecarbon';
import * as constants from './readers/constants';
import * as hf from './readers/huggingface';
import * as jax from './readers/jax';
import * as keras from './readers/keras';
import { resnetByDepth } from './readers/resnetDepth';
import * as lightning from './readers/lightning';
import * as litgpt from './readers/litgpt';
import * as litLlama from './readers/litLlama';
import { harnessCommandLine, simpleEvaluate } from './readers/lmEval';
import { gradioPackageApp } from './readers/gradioApp';
import { composerTrainerEval, composerTrainerFit } from './readers/composerTrainer';
import * as launchedPrograms from './readers/launchedPrograms';
import { llamaCppProcess } from './readers/llamaCppProcess';
import { programMainCalls } from './readers/programMain';
import * as localModules from './readers/localModules';
import * as megatron from './readers/megatron';
import * as mmengine from './readers/mmengine';
import { lazyConfig, lazyConfigInference } from './readers/lazyConfig';
import { experimentClassFile } from './readers/experimentClass';
import { runpyMain } from './readers/runpyWrapper';
import { torchxDdp } from './readers/torchx';
import * as modal from './readers/modal';
import { packageLoader } from './readers/packageLoader';
import { gpuBranchDtype } from './readers/gpuBranchDtype';
import { checkpointFolderFlag } from './readers/checkpointFolderFlag';
import { restoreCheckpointFlag } from './readers/restoreFlag';
import { arrayWeightsLoad } from './readers/arrayWeightsLoad';
import { stepBoundFlag } from './readers/stepBoundFlag';
import { flagDtypePick, flagDtypeTable } from './readers/flagDtypePick';
import { colossalLoadModel, colossalPlugin } from './readers/colossalPlugin';
import { loaderDtypeArgument } from './readers/loaderDtypeArgument';
import { kwargsDtype } from './readers/kwargsDtype';
import { halfSwitch } from './readers/halfSwitch';
import { deviceBranchKwargs } from './readers/deviceBranchKwargs';
import { redeclaredFlags } from './readers/redeclaredFlags';
import { registryModelName } from './readers/registryModelName';
import { fasterWhisperModel, whisperCliFlags, whisperLoader } from './readers/whisper';
import { parlaiProgram, parlaiSweep } from './readers/parlai';
import { animateDiffUnet } from './readers/animateDiffUnet';
import { registryLoader } from './readers/registryLoader';
import { fairEsmLoader } from './readers/fairEsm';
import { openfoldPrograms } from './readers/openfold';
import { fairscaleMixedPrecision } from './readers/fairscaleFsdp';
import { audiocraftLoader } from './readers/audiocraft';
import { fasttextTraining } from './readers/fasttext';
import { chainerTrainer } from './readers/chainer';
import { fastaiLearner } from './readers/fastai';
import { builtModelHandedOn } from './readers/builtModelHandedOn';
import { projectModelPredicts } from './readers/projectModelPredicts';
import { speechbrainInference } from './readers/speechbrainInference';
import { flairTraining } from './readers/flair';
import { allennlpTrainModel } from './readers/allennlp';
import { rwkvPackage } from './readers/rwkvPackage';
import { miniEpochFlags } from './readers/miniEpochs';
import { webServer } from './readers/webServer';
import { contradictedDefaultPath } from './readers/contradictedDefaultPath';
import {
  evaluatedModelLoop,
  modelTestLoop,
  gradDisabledEntry,
  gradFreeEntry,
  gradOffBlock,
  moduleGradOffBlock,
  moduleEvaluatedLoop,
} from './readers/gradFreeEntry';
import { inputOptimisation } from './readers/inputOptimisation';
import { ownModelClass } from './readers/ownModelClass';
import { classLoaderModule, loaderModule, packageReexports } from './readers/loaderModule';
import { packageComputeDtype, packageComputeDtypeLink } from './readers/packageComputeDtype';
import { lightevalEntry } from './readers/lightevalEntry';
import { aiToolkitRunJob } from './readers/aiToolkitRunJob';
import { packageServer } from './readers/packageServer';
import { serveCommand } from './readers/serveCommand';
import { cogPredictor } from './readers/cogPredictor';
import { catalogModelClass, catalogPackageBuilder } from './readers/catalogModelClass';
import { architectureFlagDefault, builtNetworkClass } from './readers/builtNetworkClass';
import { importedNetworkClass } from './readers/importedNetworkClass';
import { moduleDemoSampling } from './readers/moduleDemo';
import { packageGenerateCall } from './readers/packageGenerate';
import { packageGenerator } from './readers/packageGenerator';
import { packageModelLoad } from './readers/packageModelLoad';
import { exportCheck } from './readers/exportCheck';
import { weightsExport } from './readers/weightsExport';
import { flopsCount } from './readers/flopsCount';
import { featureScorer } from './readers/featureScorer';
import { packageModelClass } from './readers/packageModelClass';
import { calledModelObject, wrapperLoadedModel } from './readers/calledModelObject';
import { actorCriticArgument } from './readers/actorCriticArgument';
import { packageFacade } from './readers/packageFacade';
import { taskEngineClass } from './readers/taskEngineClass';
import { packageCheckpointClass } from './readers/packageCheckpointClass';
import { variantFlag } from './readers/variantFlag';
import { configRegistry } from './readers/configRegistry';
import { loaderHelper } from './readers/loaderHelper';
import { releasedWeightsFile } from './readers/releasedWeightsFile';
import { scoringProgram } from './readers/scoringProgram';
import { packageModelProgram } from './readers/packageModel';
import { diffusionDefaultsLink, diffusionDefaultsSize } from './readers/defaultsDict';
import * as models from './readers/models';
import * as modelConstructor from './readers/modelConstructor';
import { dlrmProgram } from './readers/dlrm';
import { xTransformersModels } from './readers/xTransformers';
import * as nanotron from './readers/nanotron';
import { checkpointScript, scriptSwitches } from './readers/checkpointScript';
import { dnnlibTrainingLoop, networkPickleLoad, openUrlPickle } from './readers/networkPickle';
import * as slurmSubmit from './readers/slurmSubmit';
import { submittedJobClass, submititLauncher } from './readers/submitit';
import { experimentGrid } from './readers/experimentGrid';
import { tensorrtLlmRuntime } from './readers/tensorrtLlm';
import * as peft from './readers/peft';
import { unslothLoad, unslothTrainer } from './readers/unsloth';
import { gptqLoad, gptqPeftModel } from './readers/autoGptq';
import { headerGpu } from './readers/headerGpu';
import { trainedOnComment } from './readers/trainedOnComment';
import * as ray from './readers/ray';
import * as serving from './readers/serving';
import * as swift from './readers/swift';
import * as torch from './readers/torch';
import * as torchtitan from './readers/torchtitan';
import { configObjects } from './readers/configObjects';
import * as vision from './readers/vision';
import * as xtunerV1 from './readers/xtunerV1';
import type { CallInfo, CallRule, FileRule, StatementRule } from './rules';
import { onDefaultPath } from './branches';
import {
  CONFIG_MODULE_MIN_ASSIGNMENTS,
  commandLineVerdict,
  configDrivenVerdict,
  isConfigModule,
  libraryVerdict,
} from './entryPoint';
import { collectSymbols } from './symbols';
import { problemAt, type Problem } from '../../problem';
import { indexSyntax, RelevantLines, SyntaxReuse, type LineTest, type SyntaxIndex } from './syntaxIndex';
import type { SymbolTable } from '../pythonValues';
import { cursorWalk } from './treeCursor';
import { findModelHandles } from './handles';
import { architectureConfig, architectureConfigDefaults } from './readers/architectureConfig';
import { configTrainer } from './readers/configTrainer';
import { deepspeedBuilderPrecision, deepspeedConfigBuilder, deepspeedDictPrecision } from './readers/deepspeedDict';

/**
 * Reads the facts that decide a training run's cost from a Python syntax tree: which model,
 * pretrained or not, how long, how large a batch, which precision, which hardware. The readers
 * are tables of rules, one module per framework (python/readers/); this file orders them and
 * builds the prefilter from their words.
 */

/**
 * Call rules in the order they are tried: the first whose callee and condition hold reads a call.
 * The order matters where names overlap (`BitsAndBytesConfig` before the generic `*Config` sizes).
 */
export const CALL_RULES: readonly CallRule[] = [
  hparamsLoader,
  // Reads the switch and hands the call on (the wrapper's own module is linked by a later rule).
  wrapperHalfKeyword,
  estimatorRun,
  tfSessionTraining,
  fairseq2RecipeMain,
  fairseq2ConfigSections,
  torch.paramDtype,
  hubRepoKeyword,
  unslothLoad,
  gptqLoad,
  policyFromPretrained,
  hf.fromPretrained,
  mlxLoad,
  hf.fromConfig,
  litgpt.litgptModels,
  litLlama.llamaFromName,
  litLlama.markOnlyLora,
  hf.argumentClasses,
  trlxSettings,
  flagEmbeddingModels,
  colbertRetrieval,
  defaultPredictor,
  rlkitRunExperiment,
  rlkitSchedule,
  rlkitRollout,
  langchainLocalEmbeddings,
  langchainLocalLlms,
  mistralFromFolder,
  fasterWhisperModel,
  hubSnapshotDownload,
  sbert.stArgumentClasses,
  composerTrainerFit,
  hf.trainers,
  sbert.stTrainers,
  hf.hyperparameterSearch,
  unslothTrainer,
  lightning.fabric,
  hf.modelConstructors,
  hf.configBuiltModels,
  keras.mixedPrecisionPolicy,
  serving.vllmEngine,
  serving.sglangEngine,
  serving.jetstreamServer,
  distilabelEngines,
  swift.swiftEntryPoints,
  swift.swiftEngines,
  swift.swiftModelLoader,
  serving.samplingParams,
  serving.chatTemplate,
  lightning.lightningCli,
  lightning.lightningEvaluate,
  hf.argumentParser,
  torch.distributedDataParallel,
  torch.dataParallel,
  torch.matmulPrecision,
  torch.defaultTensorType,
  llamaPackageLoad,
  peft.adapters,
  gptqPeftModel,
  peft.quantisedBase,
  peft.otherAdapterLibraries,
  peft.trlPeftConfig,
  deepspeedBuilderPrecision,
  torch.torchvisionDatasets,
  vision.torchHubModels,
  // Before configFiles, which takes every `load(...)`: this rule only adds a fact and hands the call on.
  tfLoadedModelCalled,
  torch.configFiles,
  keras.sequentialModels,
  keras.kerasHubPreset,
  resnetByDepth,
  tfHubModule,
  codecarbon.emissionsTracker,
  modal.modalFunctionGpu,
  hf.loadDataset,
  sbert.stFit,
  sbert.stEncodeBatch,
  torch.fitCall,
  composerTrainerEval,
  ray.remoteTraining,
  ray.rayVllmEngines,
  serving.generation,
  serving.variantGeneration,
  serving.forecasting,
  generateFunction,
  trainingFunction,
  loraSwapFunction,
  remoteCodeChat,
  threadedGeneration,
  nanotron.nanotronDecode,
  nanotron.nanotronConfigObjects,
  networkPickleLoad,
  openUrlPickle,
  dnnlibTrainingLoop,
  slurmSubmit.slurmSubmission,
  deepspeedMii,
  funasrAutoModel,
  mmfInference,
  hyperparamSweep,
  argumentPipelineRun,
  mlcEngine,
  mlcCompiledModel,
  fastllmModel,
  tensorrtLlmRuntime,
  simpleEvaluate,
  harnessCommandLine,
  gradioPackageApp,
  megatron.megatronPretrain,
  megatron.megatronInference,
  runpyMain,
  torchxDdp,
  policyActions,
  allennlpTrainModel,
  remoteCodeActions,
  rolloutContext,
  policyServer,
  policyConstruction,
  configModelName,
  serving.openAiClient,
  serving.mistralRs,
  serving.localHttpClient,
  serving.onnxRuntimeSession,
  serving.openvinoInfer,
  serving.diffusersPipelineCall,
  serving.loadedPipelineRun,
  openMmlabInferencer,
  openMmlabInitApi,
  openPcdetBuildNetwork,
  openPcdetConfigFile,
  torch.autocast,
  torch.apexAmp,
  torch.gradScaler,
  hf.architectureConfigs,
  torch.backward,
  jax.applyGradients,
  mlxOptimizerUpdate,
  mlxLoraLayers,
  mlxPipelineGeneration,
  torch.trainCall,
  blipFactory,
  vision.visionConstructors,
  samRegistry,
  sam2Builder,
  referenceGenerator,
  lavisProgramConfig,
  corenetTrainingArguments,
  mlCollectionsConfigUse,
  registryModelLoader,
  openNmtInference,
  fairseqInferenceStep,
  fairseqValidStep,
  fairseqDecodingParser,
  t5LibraryTraining,
  hydraMain,
  namedArchitecture,
  architectureKeyword,
  srGenerator,
  vitByDimensions,
  hf.tokenizerLength,
  torch.loaderBatch,
  checkpointHelper,
];

export const STATEMENT_RULES: readonly StatementRule[] = [
  torch.forLoops,
  torch.whileLoops,
  torch.endlessStepLoops,
  torch.deviceAssignments,
  torch.chosenAutocast,
  namedModelType,
  configRegistry,
  keyedModelSize,
];

export const FILE_RULES: readonly FileRule[] = [
  constants.moduleConstants,
  constants.dataclassFields,
  constants.argparseDefaults,
  scriptSwitches,
  tfFlagDefaults,
  checkpointScript,
  lightning.lightningLiteSubclass,
  models.fitPhases,
  models.embeddingLayout,
  models.moduleClasses,
  litLlama.llamaWeightsFolder,
  modelConstructor.modelConstructor,
  // Before the forward-only reading: a builder of the repository's own whose name states a size names the model it
  // runs (`model = dinov2_vitl14_reg4_dinotxt_tet1280d20h24l().cuda()` then `model.encode_image(x)` under no_grad).
  modelConstructor.sizedModelBuilder,
  // So does a registry entry a flag names (`vq_model = VQ_models[args.vq_model](...)`, given a checkpoint's weights).
  registryModelName,
  // So does a catalog model's builder in the repository's own package (`hiera.hiera_base_224(pretrained=True)`).
  catalogPackageBuilder,
  models.forwardOnlyUse,
  gradFreeEntry,
  inputOptimisation,
  dlrmProgram,
  xTransformersModels,
  configDictModel,
  modelConstructor.fp8Matmuls,
  modelConstructor.weightCasts,
  bf16Embedding,
  tokenBatch,
  namedDtypeCast,
  submititLauncher,
  submittedJobClass,
  openNmtProgram,
  experimentGrid,
  // Before the rules that link a program's own modules: a program that runs the trainer links none of its helpers.
  rlTrainer,
  localModules.localModuleCalls,
  localModules.moduleLoaderCalls,
  localModules.topLevelObjectRuns,
  localModules.flatLoaderCalls,
  selectedSpec,
  localModules.starImportCalls,
  deepspeedDictPrecision,
  deepspeedConfigBuilder,
  localModules.flagModule,
  programMainCalls,
  localModules.flagReexports,
  settingsModule,
  whisperLoader,
  whisperCliFlags,
  animateDiffUnet,
  registryLoader,
  fairEsmLoader,
  openfoldPrograms,
  fairscaleMixedPrecision,
  audiocraftLoader,
  fasttextTraining,
  chainerTrainer,
  fastaiLearner,
  speechbrainInference,
  flairTraining,
  rwkvPackage,
  miniEpochFlags,
  modelFlagDefault,
  notebookWidgets,
  llamaProgramFlags,
  featureCacheProgram,
  yoloProgram,
  tinygradEnvSettings,
  mlxIterationFlags,
  checkpointPathDefault,
  packageLoader,
  gpuBranchDtype,
  halfSwitch,
  deviceBranchKwargs,
  webServer,
  packageServer,
  serveCommand,
  parlaiProgram,
  parlaiSweep,
  cogPredictor,
  catalogModelClass,
  vision.importedConstructorCalls,
  loaderModule,
  classLoaderModule,
  packageReexports,
  packageComputeDtype,
  lightevalEntry,
  aiToolkitRunJob,
  packageModelProgram,
  diffusionDefaultsLink,
  diffusionDefaultsSize,
  policyEvaluation,
  flagModuleDefaults,
  rlAgentEvaluation,
  sb3Program,
  sb3HyperparamsModule,
  rlLibraryLearn,
  gpt2Checkpoint,
  constants.argparsePrecision,
  launchedPrograms.launchedPrograms,
  llamaCppProcess,
  torch.sharedAccumulation,
  torch.ampSwitchDefault,
  torch.stepStop,
  optimizerStepNest,
  litLlama.microBatchSteps,
  mmengine.mmengineConfig,
  mmengine.mmengineModuleSettings,
  lazyConfig,
  experimentClassFile,
  xtunerV1.xtunerV1Config,
  autotrainProject,
  kauldronTrainer,
  mlCollectionsConfig,
  easyDictConfig,
  gemmaSampling,
  torch.savedModelLoader,
  torchtitan.torchtitanRegistry,
  trainerRegistry,
  configClassRegistry,
  paxExperiments,
  configObjects,
  headerGpu,
  trainedOnComment,
  diffusion.diffusionFamily,
  diffusion.additionalNetwork,
  diffusion.loraAttentionProcessors,
  diffusion.diffusionSampling,
  diffusion.cachingProgram,
  diffusion.registryBuild,
  sbert.sentenceTransformerModels,
  moduleDemoSampling,
  packageGenerateCall,
  packageGenerator,
  packageModelLoad,
  featureScorer,
  exportCheck,
  weightsExport,
  flopsCount,
  packageModelClass,
  calledModelObject,
  wrapperLoadedModel,
  actorCriticArgument,
  packageFacade,
  taskEngineClass,
  packageCheckpointClass,
  variantFlag,
  loaderHelper,
  releasedWeightsFile,
  scoringProgram,
  configTrainer,
  redeclaredFlags,
  jax.flaxProgram,
  jax.jaxGradientLoop,
  lazyConfigInference,
  // After the rules that start a serving run: they read what such a run loads and computes in.
  checkpointFolderFlag,
  restoreCheckpointFlag,
  arrayWeightsLoad,
  stepBoundFlag,
  flagDtypePick,
  flagDtypeTable,
  // After flagDtypePick: a dtype the program picks itself outranks the plugin's default.
  colossalPlugin,
  colossalLoadModel,
  loaderDtypeArgument,
  kwargsDtype,
  // After every rule that links a module or amends such a link: its looks for a compute dtype are links of their own.
  packageComputeDtypeLink,
  // Last: marks the facts every rule read inside a module's settings functions.
  settingsFunctions,
  // Last: it judges the model ids every rule above has read from flag defaults.
  contradictedDefaultPath,
  // Last: a fallback that starts a run only where no other rule did.
  gradOffBlock,
  moduleGradOffBlock,
  gradDisabledEntry,
  evaluatedModelLoop,
  modelTestLoop,
  // A fallback too: a project's builder handed to its runner, where no rule above read the run.
  builtModelHandedOn,
  // A fallback too: a project model class the program only predicts with, where no rule above read the run.
  projectModelPredicts,
  // A fallback too: a flat script's loop over a model its top loaded and put in eval mode.
  moduleEvaluatedLoop,
  // After every rule that starts a run or names its model: names it by the repository's own class only where none did.
  ownModelClass,
  // After ownModelClass: an architecture's config class names the model only where no class or checkpoint did.
  architectureConfig,
  architectureConfigDefaults,
  // Last: names the model only when no rule read one (resolve/factsToSpec).
  builtNetworkClass,
  architectureFlagDefault,
  // After the module counter and every rule that sizes or names the model: a class of another module is linked only
  // where none did.
  importedNetworkClass,
];

/** Every word some rule needs on a line: its callees and its declared words. */
export function ruleWords(): string[] {
  const words = new Set<string>();
  for (const rule of CALL_RULES) for (const w of [...(rule.callees ?? []), ...(rule.words ?? [])]) words.add(w);
  for (const rule of [...STATEMENT_RULES, ...FILE_RULES]) for (const w of rule.words) words.add(w);
  for (const w of SIZING_LINE_WORDS) words.add(w);
  return [...words];
}

/**
 * Lines that hold none of the rules' words can still carry a fact by their shape: a class header,
 * a function header with defaults, an assignment of a constant (not of an empty container), or a local
 * alias of one flag (`config_path = args.config`, then `open(config_path)` a blank line later).
 */
const STRUCTURAL_LINE = String.raw`class\s|def\s[^#\n]*=|^[ \t]*[A-Za-z_][\w.]*[ \t]*(:[^=\n]+)?=[ \t]*([-+\d"']|[(\[{](?!\s*[)\]}])|True|False|None)|^[ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*(?:args|opt|opts|flags)\.\w+[ \t]*$`;

/**
 * The line prefilter, built from the rule tables: a line holding one of the rules' words (found by one automaton
 * pass, not an alternation of hundreds of words) or of a structural shape.
 */
export const RELEVANT_LINE: LineTest = (() => {
  const words = new AnyWord(ruleWords());
  const structural = new RegExp(STRUCTURAL_LINE);
  return { test: (line: string) => words.test(line) || structural.test(line) };
})();

/** Cross-call cache of line verdicts (a pure function of the text): see RelevantLines. */
const relevantLines = new RelevantLines(RELEVANT_LINE);

/**
 * What the reading of one document keeps for its next version (the editor holds one per open document and drops
 * it with the document): the line verdicts and the syntax index's captures of unchanged statements (SyntaxReuse).
 */
export function documentReuse(): SyntaxReuse {
  return new SyntaxReuse(RELEVANT_LINE);
}

/**
 * A module's syntax index and names, as the readers see them, for a look into a file a run links to that is not a
 * reading of its facts (a class counted as another file builds it: linkedClass.ts).
 */
export function indexModule(tree: Tree, text: string): { readonly index: SyntaxIndex; readonly symbols: SymbolTable } {
  const index = indexSyntax(tree, text, relevantLines);
  return { index, symbols: collectSymbols(index, tree, text, new SyntaxCaches()) };
}

/** Thrown when the caller's time is up part-way through a module (the caller reports the file as skipped). */
export class PastDeadline extends Error {}

/** Nodes read between two looks at the clock. */
const NODES_PER_CHECK = 256;

/**
 * The facts of one Python module. `pastDeadline` is asked between phases and every few hundred nodes: a module
 * of hundreds of thousands of statements is linear work, but seconds of it, and the caller's time budget must
 * hold while it runs (it throws PastDeadline), not only be checked once it is done.
 */
export function extractPythonFacts(
  tree: Tree,
  text: string = tree.rootNode.text,
  pastDeadline: () => boolean = () => false,
  reuse?: SyntaxReuse,
  /** Every whole-file rule reads the file, whatever its words (the test that the words gate no fact away). */
  everyFileRule = false,
): Fact[] {
  const checkpoint = (i = 0) => {
    if (i % NODES_PER_CHECK === 0 && pastDeadline()) throw new PastDeadline();
  };
  const syntax = new SyntaxCaches();
  const index = indexSyntax(tree, text, relevantLines, checkpoint, reuse);
  checkpoint();
  const symbols = collectSymbols(index, tree, text, syntax);
  checkpoint();
  const ctx = new PythonReadContext(tree, text, symbols, syntax, vision.modelImports(text));
  const handles = findModelHandles(index, tree, text, syntax);
  for (const name of handles.pipelines) ctx.pipelines.add(name);
  for (const name of handles.models) ctx.modelHandles.add(name);
  for (const name of handles.sessions) ctx.sessions.add(name);
  const fileRules = everyFileRule ? FILE_RULES : fileRulesFor(text);
  for (const rule of fileRules) if (rule.phase === 'before-calls') rule.read(index, ctx);
  // The index's own lists say what each node is (a node's type is a call into the parser); only loops are asked.
  const calls = new Set(index.calls.map((n) => n.id));
  const notLoops = new Set([...index.assignments, ...index.classes, ...index.defaults].map((n) => n.id));
  index.ordered.forEach((node, i) => {
    checkpoint(i + 1);
    if (calls.has(node.id)) readCall(node, ctx);
    else if (notLoops.has(node.id)) return;
    else if (node.type === 'for_statement' || node.type === 'while_statement') {
      for (const rule of STATEMENT_RULES) if (rule.nodeType === node.type) rule.read(node, ctx);
    }
  });
  index.assignments.forEach((node, i) => {
    checkpoint(i + 1);
    for (const rule of STATEMENT_RULES) if (rule.nodeType === 'assignment') rule.read(node, ctx);
  });
  for (const rule of fileRules) if (rule.phase === 'after-calls') rule.read(index, ctx);
  checkpoint();
  const notARun = configDrivenVerdict(text, ctx.facts, tree) ?? libraryVerdict(tree, ctx.facts, checkpoint);
  checkpoint();
  if (notARun) ctx.facts.push(notARun);
  const commandLine = commandLineVerdict(text, ctx.facts);
  if (commandLine) ctx.facts.push(commandLine);
  if (isConfigModule(tree))
    ctx.add(
      'source.configModule',
      true,
      tree.rootNode,
      'a Python file of constants (a config read by the script that runs it)',
      'medium',
    );
  return ctx.facts;
}

/**
 * The file rules that can read something in this text, in table order: a rule that declares words reads a file only
 * when it holds one of them (FileRule.words), so most of some hundred and forty whole-file passes are never made on a
 * module that names none of their words (a library module, a test). One pass of an automaton finds them all.
 */
function fileRulesFor(text: string): readonly FileRule[] {
  const found = builtRunStarts().words(text).caseSensitive;
  const gated = fileRulesGated();
  return FILE_RULES.filter((rule, i) => !gated[i] || rule.words.some((w) => found.has(w)));
}
/** Which file rules their words gate (built on first use, as builtRunStarts). */
const fileRulesGated = lazy(() => FILE_RULES.map((r) => r.words.length > 0 && !r.readsWithoutWords));

/** Callee last name → the rules that name it, in table order (rules without callees see every call). */
const RULES_BY_CALLEE = new Map<string, Array<{ rule: CallRule; order: number }>>();
const RULES_FOR_ANY_CALL: Array<{ rule: CallRule; order: number }> = [];
CALL_RULES.forEach((rule, order) => {
  if (!rule.callees) RULES_FOR_ANY_CALL.push({ rule, order });
  else
    for (const name of rule.callees) RULES_BY_CALLEE.set(name, [...(RULES_BY_CALLEE.get(name) ?? []), { rule, order }]);
});
/** Callee last name → its rules and the rules for any call, in table order: merged once, not per call. */
const RULES_FOR_CALLEE = new Map(
  [...RULES_BY_CALLEE].map(([name, named]) => [
    name,
    [...named, ...RULES_FOR_ANY_CALL].sort((a, b) => a.order - b.order),
  ]),
);

/** What rules read of one call, with its argument list looked up once, when a rule first asks. */
class CallSite implements CallInfo {
  private argsNode: Node | null | undefined;
  private text: string | undefined;

  constructor(
    readonly node: Node,
    readonly full: string,
    readonly last: string,
    readonly ctx: PythonReadContext,
  ) {}

  get args(): Node | null {
    if (this.argsNode === undefined) this.argsNode = this.node.childForFieldName('arguments');
    return this.argsNode;
  }

  get argsText(): string {
    return (this.text ??= this.args?.text ?? '');
  }
}

function readCall(node: Node, ctx: PythonReadContext): void {
  const { full, last } = ctx.callee(node);
  const candidates = RULES_FOR_CALLEE.get(last) ?? RULES_FOR_ANY_CALL;
  const info: CallInfo = new CallSite(node, full, last, ctx);
  // Decided once per call, when the first rule applies (it walks the call's enclosing statements).
  let onPath: boolean | undefined;
  for (const { rule } of candidates) {
    if (rule.when && !rule.when(info)) continue;
    // A branch the defaults do not take (`elif init_from.startswith('gpt2'):` with init_from = 'scratch') is not the run.
    if (!(onPath ??= onDefaultPath(node, ctx.symbols))) return;
    if (rule.read(info) !== false) return;
  }
}

function* walk(root: Node): Generator<Node> {
  for (const cursor of cursorWalk(root)) yield cursor.currentNode;
}

/** Syntax errors, at their nodes: the estimate still runs on what parsed. */
export function syntaxProblems(tree: Tree, limit = 5): Problem[] {
  if (!tree.rootNode.hasError) return [];
  const problems: Problem[] = [];
  for (const node of walk(tree.rootNode)) {
    if (node.isError || node.isMissing) {
      problems.push(
        problemAt(
          `syntax error at line ${node.startPosition.row + 1}, column ${node.startPosition.column + 1}${node.isMissing ? `: missing ${node.type}` : ''}`,
          node.startPosition.row,
          node.startPosition.column,
        ),
      );
      if (problems.length >= limit) break;
    }
  }
  return problems;
}

/**
 * Whole-file prefilter: a Python file that names no rule's callee or word, no sizing name, no epoch
 * and no directive holds no fact a run needs, so it is not even parsed. Built from the same tables.
 */
const FILE_NAMES = new AnyWord([...CALL_RULES.flatMap((r) => r.callees ?? []), ...PYTHON_SIZING_NAMES], {
  wholeWords: true,
  ignoreCase: true,
});
const FILE_WORDS = new AnyWord([
  ...CALL_RULES.flatMap((r) => r.words ?? []),
  ...FILE_RULES.flatMap((r) => r.words),
  'green-ai:',
]);

export function mayHoldPythonFacts(text: string): boolean {
  return FILE_NAMES.test(text) || /epoch/i.test(text) || FILE_WORDS.test(text);
}

/**
 * The run-start patterns of a set of rules (rules.ts: runStart; a rule starts a run when all its patterns match),
 * gated by the words they require (requiredLiterals.ts): one pass over a text tells which rules can match at all,
 * and only their regexes run (most files of a folder hold the words of few rules, or none: a library module, a test).
 */
function runStartsOf(rules: ReadonlyArray<CallRule | StatementRule | FileRule>): PatternGate {
  return new PatternGate(
    rules.flatMap((r) => (!r.runStart ? [] : [r.runStart instanceof RegExp ? [r.runStart] : r.runStart])),
  );
}
const RUNNING_RULES = [...CALL_RULES, ...STATEMENT_RULES, ...FILE_RULES];

/** Every pattern whose required words a gate derives (runStart, gatedTest): the rows of requiredLiteralsTable.ts. */
export function gatedPatternsOfRules(): RegExp[] {
  return [
    ...RUNNING_RULES.flatMap((r) => (!r.runStart ? [] : r.runStart instanceof RegExp ? [r.runStart] : r.runStart)),
    ...gatedTestPatterns(),
  ];
}
/**
 * Built on first use, not at load: reading the patterns' words takes ~15 ms, which a process that never asks
 * (the CLI's --version, a window with no Python file) should not pay.
 */
const builtRunStarts = lazy(() => {
  /** Patterns of calls, loops and constants: never in a `def name` header (tested without those names too). */
  const calls = runStartsOf(RUNNING_RULES.filter((r) => !r.runStartInDefinitions));
  /** Patterns that read definitions (a config registry's functions): tested on the text as written. */
  const definitions = runStartsOf(RUNNING_RULES.filter((r) => r.runStartInDefinitions));
  /**
   * One pass over a text finds the words of both, and the file rules' words (fileRulesFor): the scan asks about a
   * file's text before parsing it and the reading asks again, answered from the kept pass. More words found than a
   * gate needs only let more of its patterns be tested; the patterns decide.
   */
  const finder = new WordFinder([
    ...calls.required,
    ...definitions.required,
    { words: [...new Set(FILE_RULES.flatMap((r) => r.words))], ignoreCase: false },
  ]);
  // The folder scan asks about one file's text several times (may it start a run, without its definitions' names
  // too; is it definitions only; does it link anything): the last two texts' answers are kept.
  let recent: Array<{ text: string; found: FoundWords }> = [];
  const words = (text: string): FoundWords => {
    const known = recent.find((r) => r.text === text);
    if (known) return known.found;
    const found = finder.find(text);
    recent = [{ text, found }, ...recent.slice(0, 1)];
    return found;
  };
  return { calls, definitions, words };
});
/** Doctest lines in docstrings (`>>> pipe = FluxPipeline.from_pretrained(...)`): examples, never code that runs. */
const DOCTEST_LINE = /^[ \t]*(>>>|\.\.\.)[^\n]*$/gm;

/**
 * A top-level definition or compound statement: a module with one is not a Python config
 * (isConfigModule wants every top-level statement an assignment), so it forms no config run.
 */
const NOT_A_CONFIG_MODULE = /^(def|class|async|if|for|while|with|try|@)\b/m;

/**
 * A line at column 0 that may start an assignment (`lr = 3e-4`, `a, b = 1, 2`, `cfg: dict = {}`): any
 * line there with an `=` in it, so the count never falls below the assignments isConfigModule counts.
 */
const MAY_ASSIGN_AT_COLUMN_0 = /^[A-Za-z_([*][^\n=]*=/gm;

/**
 * Can this Python file be a module of constants (a config the script that reads it runs with)? Only
 * without top-level definitions, and with as many lines that may assign as such a module needs (a
 * package's `__init__.py` of imports is none: it used to be parsed for nothing).
 */
export function mayBeConfigModule(text: string): boolean {
  if (NOT_A_CONFIG_MODULE.test(text)) return false;
  MAY_ASSIGN_AT_COLUMN_0.lastIndex = 0;
  for (let seen = 0; MAY_ASSIGN_AT_COLUMN_0.exec(text);) if (++seen >= CONFIG_MODULE_MIN_ASSIGNMENTS) return true;
  return false;
}

/**
 * Can this Python file form a run of its own? Only with a run start some rule reads (a training
 * call or loop, inference), as a config module, or with a directive. A file that cannot is read
 * only when a run links to it; the folder scan skips it otherwise. Built from the rule tables.
 */
/** Can a rule that reads definitions (a config registry's `def llama3_8b() -> Config:`) start a run in this text? */
export function mayStartInDefinitions(text: string): boolean {
  const { definitions, words } = builtRunStarts();
  return definitions.matches(text, words(text));
}

export function mayStartPythonRun(text: string): boolean {
  return text.includes('green-ai:') || mayBeConfigModule(text) || mayNameARunStart(text);
}

/** Does the text name a run start some rule reads (mayStartPythonRun without the config-module and directive tests)? */
export function mayNameARunStart(text: string): boolean {
  const code = text.includes('>>>') ? text.replace(DOCTEST_LINE, '') : text;
  const { calls, definitions, words } = builtRunStarts();
  // The words of the text as written: a superset of the doctest-free code's, so the patterns (tested on the code)
  // decide, and the pass is the one mayStartInDefinitions and the reading ask for again (one pass a file, not two).
  const found = words(text);
  if (definitions.matches(code, found)) return true;
  // A library that defines `def backward(ctx, grad)` or `def from_pretrained(cls, ...)` names a run start
  // only in the definition's header, which those rules do not read (they read calls, loops, constants):
  // tested again without the headers' names, only when the first test passed (most files fail it and pay
  // nothing more). The words found in the whole text gate it: a superset of the headless text's, so the
  // patterns alone decide, and the text is not scanned for words a second time.
  if (!calls.matches(code, found)) return false;
  return calls.matches(code.replace(DEFINITION_NAME, 'def _'), found);
}
/** The name in a function definition's header (`def backward`, `async def generate`). */
const DEFINITION_NAME = /\bdef[ \t]+\w+/g;
