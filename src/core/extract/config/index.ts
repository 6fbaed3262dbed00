import { aiToolkitJob } from './aiToolkitJob';
import { alpacaEval } from './alpacaEval';
import { allennlpExperiment } from './allennlpExperiment';
import { pytextConfig } from './pytextConfig';
import { classyVision } from './classyVision';
import { runx } from './runx';
import { amphionRecipe } from './amphionRecipe';
import { animateDiffPrompts } from './animateDiffPrompts';
import { autotrain } from './autotrain';
import { oneTrainer } from './oneTrainer';
import { simpleTuner } from './simpleTuner';
import { axolotl } from './axolotl';
import { unslothCli } from './unslothCli';
import { basicsr } from './basicsr';
import { corenet } from './corenet';
import {
  composer,
  composerBenchmark,
  composerEval,
  composerHydraEvaluator,
  composerHydraTrainer,
  mosaicmlRun,
} from './composer';
import { deepseekModelArgs } from './deepseekModelArgs';
import { mosaicmlDeploy } from './mosaicmlDeploy';
import type { ConfigDialect } from './dialect';
import { hfConfigTarget } from './hfConfigTarget';
import { hubModelConfig } from './hubModelConfig';
import { hydraPretrainedTarget } from './hydraPretrainedTarget';
import { hfTrainer } from './hfTrainer';
import { hydraExperiment } from './hydraExperiment';
import { hydraTrainerSection } from './hydraTrainerSection';
import { hyperPyYaml } from './hyperPyYaml';
import { hydraSolver } from './hydraSolver';
import { hydraPrimary } from './hydraPrimary';
import { jepa } from './jepa';
import { kDiffusion } from './kDiffusion';
import { hydraNamedModel } from './hydraNamedModel';
import { ditVariantModel } from './ditVariantModel';
import { lavis } from './lavis';
import { levanter } from './levanter';
import { instantiateConfig } from './instantiateConfig';
import { fairseq } from './fairseq';
import { flatHyperparams } from './flatHyperparams';
import { optimScheduleRun } from './optimScheduleRun';
import { weightsFileRun } from './weightsFileRun';
import { testPhaseConfig } from './testPhaseConfig';
import { rl4lmsTask } from './rl4lms';
import { sb3Hyperparams } from './sb3Hyperparams';
import { mistralFinetune } from './mistralFinetune';
import { litgpt } from './litgpt';
import { llamaFactory } from './llamaFactory';
import { llmStudio } from './llmStudio';
import { habitatBaselines } from './habitatBaselines';
import { lightningTargetRun } from './lightningTargetRun';
import { targetRunner } from './targetRunner';
import { lmEval } from './lmEval';
import { parlaiServing } from './parlaiServing';
import { fmBench } from './fmBench';
import { m4 } from './m4';
import { mmf } from './mmf';
import { mmpt } from './mmpt';
import { maxtext } from './maxtext';
import { meshTransformerJax } from './meshTransformerJax';
import { meshTensorflowGpt } from './meshTensorflowGpt';
import { nanodet } from './nanodet';
import { nanotron } from './nanotron';
import { nemo, nemoInference } from './nemo';
import { olmo } from './olmo';
import { openNmt, openNmtServer } from './openNmt';
import { openPcdet } from './openPcdet';
import { baseListConfig } from './baseListConfig';
import { espnetAsr } from './espnetAsr';
import { neox } from './neox';
import { peftAdapter } from './peftAdapter';
import { picotron } from './picotron';
import { sectionedRun } from './sectionedRun';
import { selectedArchitecture } from './selectedArchitecture';
import { namedPartsRun } from './namedPartsRun';
import { fairseq2Recipe } from './fairseq2Recipe';
import { satModelConfig, satSharedSettings } from './satDiffusion';
import { scaleConfig } from './scaleConfig';
import { selfSupervisedVit } from './selfSupervisedVit';
import { stableAudio } from './stableAudio';
import { structuredArgs } from './structuredArgs';
import { swift } from './swift';
import { torchtune } from './torchtune';
import { trainingArgsSections } from './trainingArgsSections';
import { trl } from './trl';
import { vissl } from './vissl';
import { vitsTts } from './vitsTts';
import { videoDiffusionFinetune } from './videoDiffusionFinetune';
import { detectron2, yacs } from './yacs';
import { flatYacs } from './flatYacs';
import { argbind } from './argbind';
import { trainSection } from './trainSection';
import { sceneTextRecognition } from './sceneTextRecognition';
import { lightevalModel } from './lightevalModel';

/**
 * Every config dialect configFacts.ts runs after the generic key table. Adding a dialect:
 * one module exporting a ConfigDialect, one line here, fixtures under test/fixtures/scanner.
 */
export const CONFIG_DIALECTS: readonly ConfigDialect[] = [
  torchtune,
  composer,
  composerEval,
  composerBenchmark,
  composerHydraTrainer,
  composerHydraEvaluator,
  mosaicmlRun,
  mosaicmlDeploy,
  litgpt,
  neox,
  nemo,
  nemoInference,
  nanotron,
  hubModelConfig,
  olmo,
  trl,
  axolotl,
  unslothCli,
  autotrain,
  oneTrainer,
  simpleTuner,
  llamaFactory,
  swift,
  peftAdapter,
  hfTrainer,
  selfSupervisedVit,
  vissl,
  lmEval,
  fmBench,
  alpacaEval,
  allennlpExperiment,
  pytextConfig,
  classyVision,
  runx,
  parlaiServing,
  openPcdet,
  baseListConfig,
  yacs,
  flatYacs,
  argbind,
  trainSection,
  sceneTextRecognition,
  lightevalModel,
  detectron2,
  hyperPyYaml,
  structuredArgs,
  m4,
  instantiateConfig,
  trainingArgsSections,
  mistralFinetune,
  picotron,
  fairseq,
  hydraExperiment,
  hydraSolver,
  hydraPrimary,
  hydraNamedModel,
  hfConfigTarget,
  hydraPretrainedTarget,
  lightningTargetRun,
  hydraTrainerSection,
  targetRunner,
  habitatBaselines,
  maxtext,
  levanter,
  openNmt,
  openNmtServer,
  espnetAsr,
  stableAudio,
  lavis,
  mmf,
  mmpt,
  deepseekModelArgs,
  meshTransformerJax,
  meshTensorflowGpt,
  vitsTts,
  amphionRecipe,
  kDiffusion,
  videoDiffusionFinetune,
  animateDiffPrompts,
  basicsr,
  nanodet,
  corenet,
  satModelConfig,
  sectionedRun,
  selectedArchitecture,
  namedPartsRun,
  fairseq2Recipe,
  aiToolkitJob,
  satSharedSettings,
  scaleConfig,
  jepa,
  llmStudio,
  ditVariantModel,
  flatHyperparams,
  optimScheduleRun,
  weightsFileRun,
  testPhaseConfig,
  sb3Hyperparams,
  rl4lmsTask,
];

/** Prefilter words of all dialects: a config containing none of them is read by the generic table alone. */
export function configDialectWords(): readonly string[] {
  return [...new Set(CONFIG_DIALECTS.flatMap((d) => d.words))];
}
