import picomatch from 'picomatch';
import { HYDRA_MAIN_LINK } from '../extract/python/readers/hydraMain';
import { TORCHX_LAUNCH_LINK } from '../extract/python/readers/torchx';
import { SUBMITTED_JOB_LINK } from '../extract/python/readers/submitit';

/**
 * What is a run: something that executes a training or inference job (a script run as main or with
 * module-level work, a config a trainer or launcher consumes, a launch command). Files whose place in
 * a repository says they are not (tests, CI workflows, docs, packaging) are left out by default;
 * library modules are recognised from their code (see python/entryPoint.ts). Users change this with
 * `greenAI.report.exclude` / `--exclude`, and force a file in with `# green-ai: run`.
 */

export interface PathRule {
  readonly glob: string;
  /** Matched with the case as written (a capitalised name that is a convention only when capitalised). */
  readonly caseSensitive?: true;
  /** Paths the glob matches that the rule still leaves alone. */
  readonly unless?: string;
  readonly reason: string;
  /**
   * A name that says the file prepares data or weights (`prepare_*`, `download_*`, `extract_*`): also applied to a
   * notebook's title and to the module an nbdev notebook exports (notebookDataUtilityReason).
   */
  readonly dataUtility?: boolean;
}

/** Why a file in a templates folder (or named `*_template`) is left out. */
/** Why a documentation folder's files are not runs (a gallery example in it is: see galleryExample). */
const DOCUMENTATION_REASON = 'documentation';

export const TEMPLATE_REASON = 'a template to copy for a new run (placeholders), not a run';
export const TEST_FILE_REASON = 'a test file';
/** Why a file named `*_merge.py` / `*-merge.sh` is left out (see weightsMergeText: its text must show weights work). */
const MERGE_NAME_REASON = 'a weights-merging utility, by its name';
/**
 * Signs of work on weights in a file named like a merging utility: a state dict or checkpoint loaded or saved, an
 * adapter merged (`merge_and_unload`, mergekit), a Hugging Face save. A `-merge` suffix also names data merges (an
 * OpenMMLab config whose pipeline composites foreground over background, `_base_ = [...]` inheriting a training
 * config): with none of these words the name says nothing about weights. Substring tests only (no backtracking).
 */
const WEIGHTS_WORK =
  /state_dict|merge_and_unload|torch\.load|safetensors|load_file|save_pretrained|from_pretrained|checkpoint|ckpt|mergekit|lora|adapter|weights/i;
/**
 * `chat_gradio_no_merge.py`, `infer_without_merge.sh`: the name says the program does not merge (it serves the adapters
 * on their base as they are), so it is no merging utility by its name; what it does is its code's to say.
 */
const NEGATED_MERGE_NAME = /(?:^|[/_-])(?:no|without|wo|non|skip)[_-]merge\.[a-z]{1,8}$/i;
function weightsMergeText(text: string): boolean {
  const head = text.slice(0, 200_000);
  return WEIGHTS_WORK.test(head) && !(MODEL_TREE.test(head) && SCHEDULE_TREE.test(head));
}
/**
 * A complete OpenMMLab (mmengine) run config: a `model = dict(` tree beside `train_cfg = dict(` or `optim_wrapper =
 * dict(` at the top level (mmengine docs, "Config"). Such a file is a run's definition even when named `*-merge.py`
 * (mmpose's datasets merged for training, `coco-aic-...-merge`); the checkpoint its backbone loads is no weights merge.
 */
const MODEL_TREE = /^model[ \t]*=[ \t]*dict\(/m;
const SCHEDULE_TREE = /^(?:train_cfg|optim_wrapper)[ \t]*=[ \t]*dict\(/m;
/** A Python file named as a test (the names DEFAULT_NON_RUN_PATHS leaves out as tests). */
const TEST_FILE_NAME = /(?:^|\/)(?:test_[^/]*|[^/]*_tests?)\.py$/i;
/** Why a file in a package's `testing` folder is left out (see nonRunPlaceReason). */
const TESTING_FOLDER_REASON = 'in a testing folder (the test utilities a package ships)';

/**
 * A Python file named like a test that is a program, not a test: it runs as main (or parses its flags in top-level
 * code) and holds no test function and no
 * test framework (`test_msrvtt.py` scoring a model on a benchmark's test split, `test_reward_model.py` under a
 * Hydra main). ML repositories name evaluation programs after the split they score; a unit test has `def test_…`
 * functions or a test framework's import. Whether it is a run is then its facts' business, as for any program.
 */
export function programNamedLikeTest(relativePath: string, text: string, clientIsTest = true): boolean {
  if (!/\.py$/i.test(relativePath) || /(?:^|\/)conftest\.py$/i.test(relativePath)) return false;
  const head = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  return (
    (MAIN_GUARD.test(head) || MODULE_LEVEL_FLAGS.test(head)) &&
    !TEST_CODE.test(head) &&
    !(clientIsTest && SERVER_CLIENT.test(head))
  );
}
/**
 * Flags parsed by the module's own top-level code (`args = parser.parse_args()` at column 0): a script that reads its
 * command line when it is run, like one under a main guard. A test module never does (pytest owns the command line and
 * imports the module to collect its `test_…` functions; parsing argv at import would read pytest's own flags).
 */
const MODULE_LEVEL_FLAGS = /^[A-Za-z_]\w{0,60}[ \t]*=[ \t]*[A-Za-z_][\w.]{0,60}\.parse_(?:known_)?args\(/m;
/**
 * A client of a server (`OpenAI(base_url=…)`, `requests.post(url, …)`, a localhost address): a test of an API named
 * `test_*.py` checks the server answers, and stays a test whatever its shape.
 */
const SERVER_CLIENT =
  /\b(?:Async)?OpenAI\(|\brequests\.(?:post|get)\(|\blocalhost\b|\b127\.0\.0\.1\b|\bgrpc\b|\baiohttp\b|\bhttpx\b|\bwebsockets?\b/;
/**
 * A package's test-support folder (`src/accelerate/test_utils/scripts/`, `testing_utils/`): a test-named program in it is
 * a check the test suite launches in a subprocess (`test_checkpointing.py` run by `accelerate launch` from a test),
 * named as a test twice over.
 */
const TEST_SUPPORT_FOLDER = /(?:^|\/)(?:test|tests|testing)_(?:utils|util|helpers|support|scripts)\//i;
/** `if __name__ == "__main__":` at column 0. */
const MAIN_GUARD = /^if[ \t]+__name__[ \t]*==[ \t]*['"]__main__['"][ \t]*:/m;
/** A test function or test class, or a test framework imported (each alternative anchored at a line start). */
const TEST_CODE =
  /^[ \t]*(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(|^[ \t]*class[ \t]+Test\w*|^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest|nose|nose2|hypothesis|absl\.testing|parameterized)\b/m;

/**
 * Placeholders a template leaves to fill in: Jinja/cookiecutter `{{ … }}` and `{% … %}`, OmegaConf's mandatory `???`,
 * `%gin.REQUIRED`, and the usual blanks (`CHANGE_ME`, `EDIT ME`, `YOUR_…`, `path/to/`, `<your model>`, `TODO`, `FIXME`). Each
 * is a bounded literal or a bounded character class: no backtracking over the text.
 */
const TEMPLATE_PLACEHOLDER =
  /\{\{|\{%|\?\?\?|gin\.REQUIRED|CHANGE_?ME|\bEDIT[ _-]?ME\b|\bYOUR_|path\/to\/|<(?:your|path|insert|model|put)[\w .-]{0,40}>|\bTODO\b|\bFIXME\b/i;
/** Case-sensitive: `<MODEL_PATH>`, `${DATA_DIR}`, `XXX` (not a tokenizer's `<s>`/`<pad>`, nor `${model.dim}`). */
const TEMPLATE_SLOT = /<[A-Z][A-Z0-9_]{1,40}>|\$\{[A-Z_][A-Z0-9_]{0,40}\}|\bXXX\b/;

/**
 * A config (YAML or JSON) in a templates folder that has no placeholder left: a complete run config kept as the
 * starting point of new ones (a fine-tuning recipe per base model), which runs as it is.
 */
export function completeTemplateConfig(relativePath: string, text: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(relativePath)) return false;
  let head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // HyperPyYAML (SpeechBrain): `!ref <model>` points at another key of the file, it leaves nothing to fill in.
  if (head.includes('!ref'))
    head = head
      .split('\n')
      .filter((line) => !line.includes('!ref'))
      .join('\n');
  return !TEMPLATE_PLACEHOLDER.test(head) && !TEMPLATE_SLOT.test(head);
}

/** A template's slot in a shell script: `<MODEL_PATH>`, `XXX` (`${NAME}` is the shell's own expansion there). */
const SCRIPT_SLOT = /<[A-Z][A-Z0-9_]{1,40}>|\bXXX\b/;

/**
 * A shell or SLURM launch script kept as a template (`slurm_scripts_templates/train.slurm`, `job_template.slurm`) with
 * no placeholder left: a complete job script that is copied for new experiments and runs as it is (its variables are
 * set in it or by the launcher that submits it, as in any job script). One with blanks to fill stays left out.
 * Python programs in a templates folder stay left out: a Python template's blanks are often plain names.
 */
export function completeTemplateScript(relativePath: string, text: string): boolean {
  if (!/\.(sh|bash|slurm|sbatch)$/i.test(relativePath)) return false;
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return !TEMPLATE_PLACEHOLDER.test(head) && !SCRIPT_SLOT.test(head);
}

const TEST_FOLDER_REASON = 'in a test folder';

/**
 * The evaluation options of a toolkit that keeps them beside its training options (BasicSR's `options/test/<model>/
 * test_*.yml` for `basicsr/test.py -opt`, `configs/test/*.yaml`): configs of evaluation runs, not a test suite. Only a
 * config file, only `test/` right under an options or configs folder, and no other test folder on the path.
 */
const EVALUATION_OPTIONS =
  /^(?:[\w.-]{1,100}\/){0,6}(?:options|configs?|conf)\/test\/(?:[\w.-]{1,100}\/){0,4}[\w.-]{1,200}\.(?:ya?ml|json)$/i;
const OTHER_TEST_FOLDER = /(?:^|\/)(?:tests|unit_tests|integration_tests|__tests__|tests_[\w-]*)\//i;

function evaluationOptionsFile(relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return EVALUATION_OPTIONS.test(path) && !OTHER_TEST_FOLDER.test(path) && path.split('/test/').length === 2;
}

/**
 * A file right inside a `test/` folder (singular, as many ML repositories name the folder of their evaluation
 * programs); deeper folders under it (`test/srt/model/`) hold a suite's helpers.
 */
const SINGULAR_TEST_FOLDER = /(?:^|\/)test\/[^/]+$/i;

/**
 * A program in a `test/` folder (Uformer's `test/test_sidd.py`, `test/test_gopro_hide.py`: each parses its flags,
 * loads the weights it is given and scores a benchmark's test split): an evaluation program named after the split, as
 * programNamedLikeTest reads a test-named file elsewhere. Only a file right inside the singular folder, only once on
 * the path and with no other test folder (`tests/` is where unit tests live), and only a program (run as main or
 * parsing its flags at the top) with no test function, no test framework and no server client; whether it is a run
 * is then its facts' to say.
 */
function evaluationProgram(relativePath: string, text: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return (
    SINGULAR_TEST_FOLDER.test(path) &&
    path.split(/\/test\//i).length <= 2 &&
    !OTHER_TEST_FOLDER.test(path) &&
    programNamedLikeTest(path, text)
  );
}

/** Defaults, each with the reason shown to the user. Globs match paths relative to the folder. */
export const DEFAULT_NON_RUN_PATHS: readonly PathRule[] = [
  { glob: '**/.github/**', reason: 'a CI workflow or GitHub configuration' },
  {
    glob: '**/{.gitlab-ci.yml,.gitlab/**,.circleci/**,.buildkite/**,azure-pipelines*.yml,.travis.yml,Jenkinsfile,.drone.yml,bitbucket-pipelines.yml,codecov.yml,.codecov.yml}',
    reason: 'CI configuration',
  },
  { glob: '**/{cicd,ci,.ci}/**', reason: 'CI scripts' },
  { glob: '**/.lightning/workflows/**', reason: 'a CI workflow (Lightning)' },
  {
    glob: '**/{test,tests,unit_tests,integration_tests,regression_tests,__tests__,autotest,autotests}/**',
    reason: TEST_FOLDER_REASON,
  },
  // A second suite beside `tests/` (`tests_v1/`, `tests_models/`): smoke tests that load a model, run it once and
  // print PASSED or FAILED are checks of the package, not runs. Only the `tests_` prefix: `test_data/` holds no
  // program, and a folder named for a split (`test_sets/`) may hold evaluation programs under another name.
  { glob: '**/tests_*/**', reason: TEST_FOLDER_REASON },
  // A package's `testing` folder (`numpy.testing`, `torch.testing`, `<pkg>/testing/`): the test utilities its tests
  // import; a debugging program kept there is read as a program (nonRunPlaceReason).
  { glob: '**/testing/**', reason: TESTING_FOLDER_REASON },
  // Not a load test of a model (`trans_stress_test.py`, `throughput_test.py`): it loads the model and times its
  // generation, an inference run by what it does; a unit test of that name still has only test functions.
  {
    glob: '**/{test_*.py,*_test.py,*_tests.py,conftest.py}',
    unless: '**/*{stress,load,throughput,latency}_test.py',
    reason: TEST_FILE_REASON,
  },
  // End-to-end test folders (`end_to_end/tpu/llama2/7b/1_test_llama2_7b.sh`, `e2e/`): scripts CI runs to check
  // conversion, training and decoding on a model, with assertions; a test, whatever it runs.
  { glob: '**/{end_to_end,end2end,e2e,e2e_tests,end_to_end_tests}/**', reason: 'in an end-to-end test folder' },
  // Golden-output writers (`golden_llama2-7b_export.py`, `make_golden_logits.ipynb`): run a reference model once to
  // write the expected values a test compares against.
  {
    glob: '**/{golden_*,*_golden,*_golden_*}.{py,ipynb,sh,bash}',
    reason: 'writes golden reference outputs for tests, by its name',
  },
  // A launch script that checks the trainers end to end on a tiny budget (`sft_integration_test.sh`,
  // `smoke_test_grpo.sh`): a test, whatever it runs. Not `test_*.sh` alone: in ML that often evaluates a model.
  {
    glob: '**/*{integration,smoke,regression}[_-]test*.{py,sh,bash,slurm,yaml,yml}',
    reason: 'an integration, smoke or regression test, by its name',
  },
  // A folder of smoke tests (`scripts/train/smoketests/`): short runs that check a feature works (a callback, a
  // resume, an evaluator) on a tiny budget; tests, whatever they launch.
  { glob: '**/{smoketests,smoketest,smoke_tests,smoke_test,smoke-tests}/**', reason: 'in a smoke-test folder' },
  // Checks that two implementations of a model compute the same numbers (`numerical_tests_llama.py`,
  // `numerical_equivalence_pretrained.py`, `parity_test.py`): a test of a port or a conversion, not a run.
  {
    glob: '**/*{numerical,numerics,parity}[_-]test*.py',
    reason: 'a numerical-equivalence test of a model port, by its name',
  },
  { glob: '**/*numerical[_-]equivalence*.py', reason: 'a numerical-equivalence test of a model port, by its name' },
  // gin configs named as tests (`test_train_t5_tiny.gin`, `test_infer.gin`): gin-config projects keep the configs their
  // unit tests load beside the real ones, named like the test modules (t5x's "Test config to exercise train.py").
  { glob: '**/{test_*,*_test}.gin', reason: 'a gin config a test loads, by its name' },
  // A config's test variant (`train_config.test.json` beside `train_config.example.json`, the `.test.` infix):
  // the config a test target loads, on a tiny budget (sixteenth round, set S).
  { glob: '**/*.test.{json,yaml,yml}', reason: 'a config a test loads, by its name' },
  // Named like the Python test files above (`sft_multinode_test.sh`).
  { glob: '**/{*_test,*_tests}.{sh,bash}', reason: 'a test script, by its name' },
  // A script named for CI (`test_ci.sh`, `run_ci.sh`, `ci.sh` beside an example): what the CI job runs to check the
  // example still works, usually looping over every option on a tiny budget; a test, whatever it launches.
  { glob: '**/{test_ci,ci_test,run_ci,ci,ci_run}.{sh,bash}', reason: 'a CI script, by its name' },
  // Test inputs written as data: `test_input.json`, `tests.json` (not `test_eval.yaml`: an evaluation config is a run).
  { glob: '**/{tests,test_input,test-input,test_inputs,test-inputs}.{json,yaml,yml}', reason: 'test inputs' },
  // Test inputs kept beside the tests (`test_fixtures/train_tiny.yaml`, Go-style `testdata/`).
  {
    glob: '**/{fixtures,test_fixtures,test-fixtures,testdata,test_data}/**',
    reason: 'test fixtures',
  },
  // OpenMMLab repositories keep benchmark, regression and conversion helpers in `.dev_scripts/`.
  { glob: '**/{devtools,dev_tools,.dev_scripts,dev_scripts}/**', reason: 'developer tooling' },
  // Another project's code copied into this one (its examples are that project's runs, not this one's). Not
  // `external/`: repositories also keep their own scripts for external baselines or services there.
  {
    glob: '**/{third_party,third-party,thirdparty,3rdparty,vendor,vendored,_vendor,dependencies}/**',
    reason: 'vendored third-party code',
  },
  // Named for what they do to data or weights, before or after a run: none trains or serves a model.
  {
    glob: '**/{convert,prepare,preprocess,precompute,download,export,merge,binarize}{_,-}*.{py,sh,bash,slurm,sbatch}',
    reason: 'a data or weights utility (prepare, precompute, download, convert, export, merge, binarize), by its name',
    dataUtility: true,
  },
  // `process_<name>_dataset.sh`, `process_data.py`: named for processing a dataset (the `process_` verb with the word
  // data or dataset in the name; `process_video.py` alone may run a model), like `preprocess_*` above.
  {
    glob: '**/process{_,-}{*{_,-},}{data,dataset,datasets}{,{_,-}*}.{py,sh,bash}',
    reason: 'a data preparation utility (processes a dataset), by its name',
    dataUtility: true,
  },
  // `get-data-wiki.sh`, `get_data.sh`, `fetch_dataset.py`: named for getting a dataset (the `get`/`fetch` verb with the
  // word data or dataset): a download and its tokenisation, like `download_*` above.
  {
    glob: '**/{get,fetch}{_,-}{data,dataset,datasets}{,{_,-}*}.{py,sh,bash}',
    reason: 'a data download utility (gets a dataset), by its name',
    dataUtility: true,
  },
  // Model merging (mergekit, weight averaging) trains nothing: a folder of such scripts, or one named for it.
  {
    glob: '**/{merge,merging,model_merging}/**/*.{py,sh,bash}',
    reason: 'a weights-merging utility, by its folder',
  },
  { glob: '**/*{_,-}merge.{py,sh,bash,slurm,sbatch}', reason: MERGE_NAME_REASON },
  {
    glob: '**/{convert,prepare,preprocess,download}.{py,sh,bash}',
    reason: 'a data or weights utility (prepare, download, convert), by its name',
  },
  // A folder of data-preparation programs (`examples/data_preprocess/gsm8k.py`, `data_preparation/make_splits.py`,
  // `prepare_datasets/2-get-features.py` extracting features with a pretrained encoder, a speech toolkit's
  // `preprocessors/<corpus>/main.py` transcribing and segmenting raw audio, `src/preprocess/build_index.py`): each
  // downloads or reformats a dataset into the files a run then reads; none trains or serves a model.
  {
    glob: '**/{data_preprocess,data_preprocessing,data_prep,data_preparation,prepare_data,prepare_dataset,prepare_datasets,preprocess,preprocessing,preprocessors}/**/*.{py,sh,bash}',
    reason: 'a data preparation utility, by its folder',
  },
  // The dataset tools of a toolbox (`tools/data/<dataset>/…`: OpenMMLab's per-dataset download, frame and feature
  // extraction, annotation conversion, and the configs of the networks run to extract features): each writes the
  // files a run then reads, as the folders above; a toolbox's runs are its configs and its train/test tools.
  {
    glob: '**/tools/data/**/*.{py,sh,bash}',
    reason: 'a dataset preparation tool, by its folder (tools/data)',
  },
  // A toolbox's analysis tools (OpenMMLab's `tools/analysis_tools/`: log curves, FLOPs counts, an FPS benchmark of a
  // config's model, confusion matrices of stored results, dataset browsing): programs that measure or inspect a model
  // or its results; the runs are the configs and the train/test tools. A launch script kept there (benchmark
  // commands over a list of configs) is read for what it runs.
  {
    glob: '**/tools/analysis_tools/**/*.py',
    reason: 'an analysis tool (logs, FLOPs, speed, stored results), by its folder (tools/analysis_tools)',
  },
  // Another toolbox's model configs kept for the demos (mmpose's `demo/mmdetection_cfg/`, `demo/mmtracking_cfg/`: the
  // person detector or tracker `top_down_img_demo_with_mmdet.py DET_CONFIG DET_CHECKPOINT ...` runs before the pose
  // model; mmaction2's `demo/demo_configs/`): a demo program's model, run with a released checkpoint, not a run here.
  {
    glob: '**/{demo,demos}/{*_cfg,*_cfgs,demo_configs}/**/*.py',
    reason: "a model config a demo program loads (another toolbox's detector or tracker), by its folder",
  },
  // OpenMMLab's output folder (`--work-dir`, by default `./work_dirs/<config name>`): the config a finished run dumped
  // beside its logs and checkpoints, a record of that run, not one to start.
  {
    glob: '**/work_dirs/**',
    reason: 'the output folder of a finished run (OpenMMLab work_dirs: its dumped config, logs and checkpoints)',
  },
  // (After the folders above: a folder's reason says more than a name's.)
  // Named for building a dataset's pieces (`pretokenization.py` caching a tokenizer's codes, `curate.py` and
  // `build_metadata.py` selecting and listing training data, `prep_feature.py`, `build_ngram.py`): each writes the files
  // a run then reads; none trains or serves a model.
  {
    glob: '**/{pretokenization,pretokenize,pre_tokenize,tokenize_dataset,curate,curation,prep}{,_*,-*}.{py,sh,bash}',
    reason: 'a data preparation utility (tokenize, curate, prepare), by its name',
    dataUtility: true,
  },
  {
    glob: '**/build{_,-}{metadata,ngram,ngrams,title,titles,vocab,index,dataset,shards}{,_*,-*}.{py,sh,bash}',
    reason: 'a data preparation utility (builds a dataset, an index or its metadata), by its name',
    dataUtility: true,
  },
  // Plotting stored results (`plots/interpolation.py`, `plot_experiments.sh`, `ppo_plot.sh`, `results_plotter.py`):
  // a figure from logs or saved metrics, whatever program draws it; none trains or serves a model.
  {
    glob: '**/{plot,plots,plotting}/**/*.{py,sh,bash}',
    reason: 'plotting of stored results, by its folder',
  },
  // Not a Python `plot_*.py`: sphinx-gallery's convention for its examples (`docs/tutorials/plot_simclr_pets.py`,
  // which train and run models: docsGallery24), read as programs.
  {
    glob: '**/{{plot,plotting,plotter}{,_*,-*}.{sh,bash},{plot,plotter,plotting{,_*,-*}}.py,*{_,-}{plot,plots,plotting,plotter}.{py,sh,bash}}',
    reason: 'plotting of stored results, by its name',
  },
  // `demo-training-prepare.sh`, `data-prepare.sh`: a preparation step named for it (the data, or the initial weights a
  // training launch then loads), run once before the run; like `prepare_*` above.
  {
    glob: '**/*{_,-}prepare{,_*,-*}.{py,sh,bash}',
    reason: 'a data or weights preparation utility, by its name',
    dataUtility: true,
  },
  // `verify.py` beside a model's train and run scripts: checks that two implementations (or a port) compute the same
  // outputs on one input; a test, not a run. (Not `verify_<model>.py`: such scripts often run a model's inference.)
  { glob: '**/verify.py', reason: 'a consistency check between implementations, by its name' },
  // `export.py` writes a trained checkpoint out in another format (llama2.c's .bin, ONNX, TorchScript).
  { glob: '**/export.py', reason: 'a weights export utility (checkpoint conversion), by its name' },
  {
    glob: '**/*{_prepare_data,_preprocess,_download,_convert,_precompute}.{py,sh,bash}',
    reason: 'a data or weights utility (prepare, download, convert), by its name',
    dataUtility: true,
  },
  // Weight converters named for it (`siglip_converter.py`, `pp_checkpoint_converter.py`) and folders of them
  // (`model_converter/`, `checkpoint_conversion/`, with the checks of a conversion beside them): none trains or serves.
  { glob: '**/*{_,-}converter.{py,sh,bash}', reason: 'a weights-conversion utility, by its name' },
  // `llama_mistral_mixtral_orbax_to_hf.py`, `ckpt_to_huggingface.py`: a checkpoint turned into another format.
  {
    glob: '**/*{_,-}to{_,-}{hf,huggingface,orbax,meta,gguf,safetensors}.{py,sh,bash}',
    reason: 'a checkpoint-format conversion, by its name',
  },
  // `to_triton.py`, `to_onnx.py`, `reward_to_torchscript.py`: a trained model traced or exported for a serving runtime
  // (Triton, ONNX Runtime, TensorRT, Core ML, TFLite) and saved; it neither trains nor serves.
  {
    glob: '**/{,*_,*-}to{_,-}{onnx,triton,torchscript,tensorrt,trt,coreml,tflite}.{py,sh,bash}',
    reason: 'an export for a serving runtime (ONNX, Triton, TorchScript, TensorRT), by its name',
  },
  {
    glob: '**/{converter,converters,model_converter,model_converters,checkpoint_converter,checkpoint_converters,checkpoint_conversion,conversion_scripts}/**/*.{py,sh,bash}',
    reason: 'a weights-conversion utility, by its folder',
  },
  // Post-training compression and packaging of a trained model (NVIDIA ModelOpt's and gpt-fast's `quantize.py`,
  // `prune.sh`, `export.py`): calibration or pruning passes over the weights, then a save; no training, no serving.
  {
    glob: '**/{quantize,quantise,prune,export}.{py,sh,bash}',
    reason: 'a post-training quantisation, pruning or export utility, by its name',
  },
  // Quantisers named for their method (`gptq_quantize.py`, `bnb-quantize.sh`, `gptq.py`, `awq.py`): a calibration
  // pass over a few hundred samples, then the quantised weights are saved; no training, no serving. (Not
  // `quantize_eval.py`: evaluating the quantised model is a run.)
  {
    glob: '**/{*_quantize,*-quantize,*_quantise,*-quantise,gptq,awq}.{py,sh,bash}',
    reason: 'a post-training quantisation utility (calibrate, then save the quantised weights), by its name',
  },
  // A pass that runs a tokenizer or encoder over a dataset and writes what it gives (`save_vq_tokens.py`, 4M's
  // pre-tokenisation of its training images; `dump_features.py`, `precompute_latents.py`): data preparation for a
  // training run that reads the saved tokens, like the extractors below.
  {
    glob: '**/{save,dump,cache,precompute}_{*_,}{tokens,features,feats,latents,embeddings}.{py,sh,bash}',
    reason: 'a data utility (saves the tokens, features or latents of a dataset), by its name',
    dataUtility: true,
  },
  {
    glob: '**/{compute,make,build,extract}_{embeddings,dataset,datasets,features,lora}*.{py,sh,bash}',
    reason: 'a data or weights utility (embeddings, datasets, features, adapter extraction), by its name',
    dataUtility: true,
  },
  // Extractors named for it (`extract_speaker_embeddings.py`, `extract_distill_data.py`, `extract_tokens.sh`,
  // `offline_feature_extract.sh` dumping a model's hidden states to train a draft model on) and
  // steps named as a preparation or an extraction (`dataset_preparation.py`, `feature_extraction.py`): a pretrained
  // model or a signal routine run over a dataset to write the features, tokens or metrics a training run then reads;
  // data preparation, like the rules above (set AE's labels: feature extractors are data preparation).
  {
    glob: '**/{extract{_,-}*,*{_,-}extract}.{py,sh,bash}',
    reason: 'a data utility (extracts features, tokens or metrics from a dataset), by its name',
    dataUtility: true,
  },
  {
    glob: '**/*{_,-}{preparation,extraction}.{py,sh,bash}',
    reason: 'a data preparation or extraction step, by its name',
    dataUtility: true,
  },
  // Decontamination and deduplication tools (`decontamination/index.py`, `search.py`: training data indexed and searched
  // for benchmark overlap): they filter a dataset before a run; none trains or serves a model.
  {
    glob: '**/{decontamination,decontaminate,deduplication}/**/*.{py,sh,bash}',
    reason: 'a data decontamination or deduplication tool, by its folder',
    dataUtility: true,
  },
  // Latent caches (`encode_latent.py`, `encode_ss_latent.py`, `cache_latents.sh`, `compute_vae_latents.py`): an
  // autoencoder run over a dataset to store the latents a generative model then trains on; data preparation, like
  // `precompute_*` and the feature extractors above.
  {
    glob: '**/{encode,cache,compute,save,dump}{_,-}{*{_,-},}{latent,latents}{,{_,-}*}.{py,sh,bash}',
    reason: 'caches a dataset’s latents, by its name: data preparation',
    dataUtility: true,
  },
  // Config generators (`create_config.py`, `make_configs.sh`, `gen_cfg.py`): they write the run configs (from a template
  // and their flags) that a training program is later started with; the configs are the runs, the writer is not.
  {
    glob: '**/{create,make,write,build,gen,generate}{_,-}{config,configs,cfg,cfgs}{,_*,-*}.{py,sh,bash}',
    reason: 'writes run configs for a training program, by its name: the configs are the runs',
  },
  // TFRecord writers (`create_tfrecords.py`, `make_tfrecord.py`, `write_tfrecords.sh`): text or images tokenised and
  // serialised into TensorFlow's record files a TPU run then streams; data preparation, no training or serving.
  {
    glob: '**/{create,make,write,build,gen,generate}_tfrecord{,s}{,_*}.{py,sh,bash}',
    reason: 'a data preparation utility (TFRecord writer), by its name',
  },
  // Captioners and taggers of a training set (`make_captions.py`, `tag_images_by_<tagger>.py`): a captioning or tagging
  // model writes a caption or tag file beside each image a text-to-image fine-tune then reads; dataset annotation,
  // data preparation like the rules above. (Not `eval_captions*`: scoring a captioning model is a run.)
  {
    glob: '**/{make,write,create}{_,-}captions{,_*,-*}.{py,sh,bash}',
    reason: 'writes captions for a training set, by its name: data preparation',
  },
  {
    glob: '**/tag{_,-}images{,_*,-*}.{py,sh,bash}',
    reason: 'writes tags for a training set, by its name: data preparation',
  },
  // Code kept after it was replaced (`deprecated/`, `deprecated_generation/`): not what is run now. (Not `legacy`:
  // repositories keep maintained alternatives under that name, timm's `legacy_train.py`.)
  {
    glob: '**/{deprecated,deprecated_*,*_deprecated}/**',
    reason: 'deprecated code kept for reference, not a current run',
  },
  // `make_tiny_model.py`, `make-tiny-llama.py`: builds a tiny random model and saves it, for tests (the Hugging Face
  // convention behind the `tiny-random-*` checkpoints); it trains and serves nothing.
  { glob: '**/make[_-]tiny*.py', reason: 'builds a tiny random model for tests, by its name' },
  // Hard-negative mining (`hn_mine.py`, `mine_hard_negatives.py`, a hard-negative-mining notebook): an embedding model
  // ranks a corpus to pick negatives for the training file it writes: training-data preparation, not a run.
  {
    glob: '**/*{hn_mine,hn-mine,hard_negative_min,hard-negative-min,mine_hard_neg,mine-hard-neg}*.{py,ipynb,sh}',
    reason: 'mines hard negatives for a training file, by its name: data preparation',
  },
  // Templates to copy for a new experiment (`tr_cron_template/`, `slurm_scripts_templates/`, `job_template.slurm`):
  // their model, paths and sizes are placeholders until copied and filled in; the copies are the runs. A config in
  // such a folder with no placeholder at all is a complete run config kept as a starting point, and a job script
  // there with none is a complete launch (see completeTemplateConfig, completeTemplateScript: analyze.ts reads them).
  {
    glob: '**/{template,templates,*_template,*-template,*_templates,*-templates,template_*,templates_*}/**/*.{py,sh,bash,slurm,sbatch,yaml,yml,json}',
    reason: TEMPLATE_REASON,
  },
  {
    glob: '**/*{_,-}template.{sh,bash,slurm,sbatch,yaml,yml}',
    reason: TEMPLATE_REASON,
  },
  // A config named as the template itself (`template.yaml`): what a package or a tool copies and fills in, or loads
  // as a model type's defaults under the user's own config.
  {
    glob: '**/template.{yaml,yml,json}',
    reason: TEMPLATE_REASON,
  },
  // Documentation sources (pages, the site's config and build code) are not runs; the launch scripts and the
  // notebooks a documentation folder ships as worked examples (`docs/script_examples/**.sh`, a tutorial
  // notebook) run a model as they are, and are read like any other (a build script's `python -m sphinx`
  // or `mkdocs` line starts no run: see shell/runIntent.ts).
  // The site's own build scripts in a documentation folder (`docs/build.sh`, `docs/build-public.sh`, `make_docs.sh`,
  // `deploy.sh`): they render and publish the pages, whatever program they call to do it.
  {
    glob: '**/{docs,doc,docs_src,documentation}/**/{build,make,deploy,publish}{,[-_]{docs,doc,site,html,pages,public,all,local}}.{sh,bash}',
    reason: DOCUMENTATION_REASON,
  },
  {
    glob: '**/{docs,doc,docs_src,documentation}/**',
    unless: '**/{*.{sh,bash,slurm,sbatch,ipynb},{examples,example}/**/*.{yaml,yml}}',
    reason: DOCUMENTATION_REASON,
  },
  {
    glob: '**/{setup.py,setup.cfg,pyproject.toml,noxfile.py,tox.ini,environment.yml,environment.yaml,mkdocs.yml,mkdocs.yaml,.readthedocs.yml,.readthedocs.yaml,.pre-commit-config.yaml,.pre-commit-hooks.yaml,renovate.json,package.json,tsconfig.json,.markdownlint.yaml,.markdownlint.json,.yamllint,.yamllint.yaml,CITATION.cff}',
    reason: 'packaging or tooling configuration',
  },
  // Installers (`install.sh`, `install_requirements.sh`, `install/install_torch.sh`, `setup_env.sh`): they set up
  // packages and environments, and whatever model they touch (a warm-up, a task list fetched for later) is no run.
  {
    glob: '**/{install,install_*,*_install,setup_env,setup_environment,install_requirements,*_requirements}.{sh,bash}',
    reason: 'an installer script (packaging)',
  },
  // A program's defaults (`ssl_default_config.yaml`, `default_config.yaml`) merged under every run's own config
  // (OmegaConf.merge, yacs merge_from_file): each run config is the run, the defaults alone are none.
  {
    glob: '**/{*_default_config,default_config,*_defaults_config,*_defaults}.{yaml,yml}',
    reason: 'defaults a program merges under each run config, not a run alone',
  },
  // OpenMMLab's config inheritance (mmengine/mmcv): `configs/_base_/{models,datasets,schedules}/*.py` are the
  // pieces a run config lists in `_base_ = [...]`; a piece may itself derive from another, and is no run alone.
  {
    glob: '**/_base_/**',
    reason: 'a base config fragment that run configs inherit (`_base_`), not a run alone',
  },
  // The same convention as one file: a folder of run configs sharing `_base_.py` (`_base_ = './_base_.py'`), or
  // one model piece per file beside them, named with the same prefix (mmocr's `configs/textdet/dbnet/
  // _base_dbnet_resnet18_fpnc.py`, which `dbnet_resnet18_fpnc_1200e_icdar2015.py` lists in `_base_`; mmocr docs
  // "Config": the model config files named `_base_{model}.py` beside the configs that use them).
  {
    glob: '**/_base_*.py',
    reason: 'a base config the configs beside it inherit (`_base_`), not a run alone',
  },
  // Detectron2's config inheritance: `configs/Base-RCNN-FPN.yaml` is what run configs name in `_BASE_`; its
  // `quick_schedules/` are the few-iteration configs of its CI tests.
  {
    glob: '**/Base-*.{yaml,yml}',
    reason: 'a base config that run configs derive from (`_BASE_`), not a run alone',
  },
  // Also spelled with an underscore (Detic's `configs/Base_OVCOCO_C4_1x.yaml` beside `Base-C2_...`), capitalised only:
  // `base_10h.yaml` is a run named for its model's size.
  {
    glob: '**/Base_*.{yaml,yml}',
    caseSensitive: true,
    reason: 'a base config that run configs derive from (`_BASE_`), not a run alone',
  },
  { glob: '**/quick_schedules/**', reason: 'few-iteration test configs (detectron2 quick schedules)' },
  {
    glob: '**/{.vscode,.idea,.devcontainer,node_modules,site-packages,.venv,venv,.tox,.git}/**',
    reason: 'editor, tooling or environment files',
  },
];

export interface EntryPointRules {
  /** Extra globs from the user (`greenAI.report.exclude`, `--exclude`). */
  readonly exclude?: readonly string[];
  /** Set to false to list every file that holds a run, wherever it is. */
  readonly defaults?: boolean;
  /** Folders (relative, POSIX) that are the repository's own Python packages: `trl`, `src/axolotl` (see packageRootsOf). */
  readonly packageRoots?: readonly string[];
  /** Folders (relative, POSIX) holding a copy of another project, packaging and tests included (see vendoredRootsOf). */
  readonly vendoredRoots?: readonly string[];
}

/**
 * Copies of other projects kept inside a repository (`det/` a copy of detectron2 beside the project's own `vim/` and
 * `seg/`, `mamba-1p1p1/`, a `dependencies/AutoGPTQ/`), from a listing of its files: a folder below the top with its
 * own `setup.py` and its own test folder, in a repository that has Python files of its own outside every such folder
 * (a collection of separate projects, each in a folder of its own, has none of them vendored). Its model-zoo configs,
 * benchmarks and examples are the copied project's, not runs of this one: a repository that runs one names it in a
 * launch script (the config is drawn into that launch's run), and its authors' own launch scripts kept there stay
 * runs (vendoredCopyReason).
 */
export function vendoredRootsOf(relativePaths: Iterable<string>): string[] {
  const paths = [...relativePaths].map((p) => p.replace(/\\/g, '/'));
  const packaged = new Set<string>();
  for (const p of paths) if (p.endsWith('/setup.py')) packaged.add(p.slice(0, -'/setup.py'.length));
  // Each path's folders named `tests`/`test`, against the packaged folders above them: linear in the listing.
  const tested = new Set<string>();
  for (const p of packaged.size > 0 ? paths : []) {
    const parts = p.split('/');
    for (let k = 1; k < parts.length - 1 && k <= MAX_VENDORED_DEPTH; k++)
      if (parts[k] === 'tests' || parts[k] === 'test') {
        const root = parts.slice(0, k).join('/');
        if (packaged.has(root)) tested.add(root);
      }
  }
  // Only the outermost: a project copied inside another copy (`det/projects/DensePose/`) is part of it.
  const inside = (p: string, set: ReadonlySet<string>) => {
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) if (set.has(p.slice(0, at))) return true;
    return false;
  };
  // A sub-project named for the repository's own top-level package (`pytorchvideo_trainer/` beside `pytorchvideo/`, its
  // trainer packaged on its own) is the authors' own, not a copy.
  const topPackages = new Set<string>();
  for (const p of paths) {
    const m = /^([^/]+)\/__init__\.py$/.exec(p);
    if (m) topPackages.add(m[1].toLowerCase());
  }
  const ownSubproject = (root: string) => {
    const name = root.slice(root.lastIndexOf('/') + 1).toLowerCase();
    return [...topPackages].some((t) => t !== name && (name.startsWith(`${t}_`) || name.startsWith(`${t}-`)));
  };
  const copies = new Set([...tested].filter((r) => !ownSubproject(r)));
  // A copy of an installed framework's package kept below the top (`MobileSAMv2/ultralytics/` with its own
  // `__init__.py`): the framework's trainers and benchmarks, not this repository's runs. Never `src/<name>`, where a
  // framework's own repository keeps its package.
  for (const p of paths) {
    const m = FRAMEWORK_COPY.exec(p);
    if (m && m[1] !== 'src' && !m[1].endsWith('/src')) copies.add(`${m[1]}/${m[2]}`);
  }
  const roots = [...copies].filter((r) => !inside(r, copies)).sort();
  if (roots.length === 0) return [];
  const rootSet = new Set(roots);
  const ownCode = paths.some(
    (p) =>
      /\.py$/i.test(p) &&
      !/^(?:setup|conftest|noxfile)\.py$/i.test(p) &&
      !/(?:^|\/)(?:tests?|docs?)\//i.test(p) &&
      !inside(p, rootSet),
  );
  return ownCode ? roots : [];
}
/**
 * `<folder>/<framework>/__init__.py`: a package of an installed framework (its import name) below the top. Frameworks
 * whose packages are copied whole into projects that patch them (ultralytics into MobileSAM, detectron2, mmcv).
 */
const FRAMEWORK_COPY =
  /^((?:[^/]+\/){0,8}[^/]+)\/(ultralytics|transformers|diffusers|timm|detectron2|mmcv|mmdet|mmseg|mmengine|peft|trl|accelerate|deepspeed|fairseq|lightning|pytorch_lightning)\/__init__\.py$/;
/** Folders deeper than this are not looked at for a copied project's tests (a real copy sits a few folders down). */
const MAX_VENDORED_DEPTH = 12;

const VENDORED_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A launch script, by its extension. It keeps its place in a copied project: a repository's authors add theirs there
 * (`det/scripts/`).
 */
export const LAUNCH_SCRIPT = /\.(?:sh|bash|slurm|sbatch|sub)$/i;

/** Why a file inside a copy of another project (vendoredRootsOf) is not this repository's run, or undefined. */
function vendoredCopyReason(path: string, rules: EntryPointRules): string | undefined {
  if (!rules.vendoredRoots?.length || LAUNCH_SCRIPT.test(path)) return undefined;
  let roots = VENDORED_SETS.get(rules.vendoredRoots);
  if (!roots) VENDORED_SETS.set(rules.vendoredRoots, (roots = new Set(rules.vendoredRoots)));
  // The path's own folders against the set: a listing of many copies costs each file its depth, not their number.
  let root: string | undefined;
  for (let at = path.indexOf('/'); at > 0 && !root; at = path.indexOf('/', at + 1))
    if (roots.has(path.slice(0, at))) root = path.slice(0, at);
  if (!root) return undefined;
  return `part of ${root}/, a copy of another project kept in this repository (its own setup.py and tests, or an installed framework's package): its configs and programs are that project's; one a launch script here names is read in that launch's run`;
}

/**
 * The repository's own Python packages, from a listing of its files: a folder at the top or under
 * `src/` holding an `__init__.py`, other than test folders and folders of programs (scripts, examples).
 */
export function packageRootsOf(relativePaths: Iterable<string>): string[] {
  const roots = new Set<string>();
  for (const p of relativePaths) {
    const m = /^((?:src\/)?([^/]+))\/__init__\.py$/.exec(p.replace(/\\/g, '/'));
    if (m && !PROGRAM_FOLDERS.has(m[2].toLowerCase()) && !/^(tests?|testing)$/i.test(m[2])) roots.add(m[1]);
  }
  return [...roots].sort();
}

const compiled = new Map<string, (path: string) => boolean>();
function matcher(glob: string, caseSensitive = false): (path: string) => boolean {
  const key = caseSensitive ? `case:${glob}` : glob;
  let m = compiled.get(key);
  if (!m) {
    // dot: true so `.github/**` matches; nocase for Windows-made repositories. The compiled expression
    // itself, not picomatch's matcher function: that one builds a result object per call, a measurable
    // share of a real repository's scan (every file meets ~20 globs).
    const re = picomatch.makeRe(glob, { dot: true, nocase: !caseSensitive });
    m = (path: string) => re.test(path);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, m);
  }
  return m;
}

/** Why a file at this folder-relative path is not a run, or undefined when it may be one. */
export function nonRunPathReason(relativePath: string, rules: EntryPointRules = {}): string | undefined {
  // Paths relative to the folder, POSIX separators; a leading "./" or "/" is not part of the match.
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  if (!path || path.startsWith('../')) return undefined;
  if (rules.defaults !== false) {
    for (const rule of DEFAULT_NON_RUN_PATHS)
      if (matcher(rule.glob, rule.caseSensitive)(path) && !(rule.unless && matcher(rule.unless)(path)))
        return rule.reason;
    const vendored = vendoredCopyReason(path, rules);
    if (vendored) return vendored;
  }
  for (const glob of rules.exclude ?? []) {
    if (glob.trim() && matcher(glob.trim())(path)) return `excluded by the pattern ${glob.trim()}`;
  }
  return undefined;
}

/**
 * Why a file is not a run by its place, given its text: as nonRunPathReason, except for a complete config or launch
 * script kept in a templates folder (completeTemplateConfig, completeTemplateScript), which runs as it is, and a program named like a test
 * (programNamedLikeTest). A program in a package's `testing` folder is judged the same way: run as main, with no test
 * function and no test framework, it is a debugging tool a developer runs by hand
 * (`python -m <pkg>.testing.debug_chat --model ...`), read like any other program; the folder's helpers (fixtures,
 * pytest plugins, comparison utilities) have no main guard and stay out. Its address of a server (a remote device's
 * RPC proxy) does not make it a test there: no file name says it checks that server. One verdict for the analysis and for the folder scan that leaves such files out unread.
 */
export function nonRunPlaceReason(relativePath: string, text: string, rules: EntryPointRules = {}): string | undefined {
  const byPath = nonRunPathReason(relativePath, rules);
  if (byPath === DOCUMENTATION_REASON && galleryExample(relativePath, text)) return undefined;
  if (
    byPath === TEMPLATE_REASON &&
    !PACKAGE_SOURCE.test(relativePath) &&
    !insidePackageCode(relativePath, rules) &&
    (completeTemplateConfig(relativePath, text) || completeTemplateScript(relativePath, text))
  )
    return undefined;
  if (
    byPath === TEST_FILE_REASON &&
    !TEST_SUPPORT_FOLDER.test(relativePath) &&
    programNamedLikeTest(relativePath, text)
  )
    return undefined;
  if (byPath === MERGE_NAME_REASON && (NEGATED_MERGE_NAME.test(relativePath) || !weightsMergeText(text)))
    return undefined;
  if (byPath === TEST_FOLDER_REASON && (evaluationOptionsFile(relativePath) || evaluationProgram(relativePath, text)))
    return undefined;
  // In a testing folder and named as a test too (`testing/test_vae.py`): two signs of a check of the package, kept
  // out whatever its shape; a debugging program there under another name is read as a program.
  if (
    byPath === TESTING_FOLDER_REASON &&
    !TEST_FILE_NAME.test(relativePath) &&
    programNamedLikeTest(relativePath, text, false)
  )
    return undefined;
  return byPath ?? (rules.defaults !== false ? notebookDataUtilityReason(relativePath, text) : undefined);
}

/** An outline number before a notebook's title (`0. `, `2A. `, `B1. `, `03_`): not part of what it is named for. */
const OUTLINE_NUMBER = /^(?:\d{1,3}[A-Za-z]?\d?|[A-Za-z]\d?)(?:\.[ _-]*|[ _-]+)(?=\S)/;
/** nbdev's `#| default_exp module` (nbdev docs, "Directives"; nbdev 1: `# default_exp`) opening a line of a cell's source, in the notebook's JSON. */
const DEFAULT_EXP = /"[ \t]*#[ \t]*\|?[ \t]*default_exp[ \t]+([A-Za-z_][\w.]{0,200})[ \t]*(?:\\n|")/;

/**
 * An nbdev notebook (`#| default_exp module`) named for preparing data (`2A. Dataset preparation.ipynb`, `0. Download
 * models.ipynb`: its title, outline number dropped, words joined by `_`) or exporting a module that is (`default_exp
 * prepare_txts`, `extract_spk_emb`): the same name rules as a data utility's Python file (PathRule.dataUtility). An
 * nbdev notebook is the source of its module, developed and checked on a shard in its other cells: a data-preparation
 * module's notebook prepares data. Other notebooks keep their runs whatever their title (a tutorial's `Part 1: data
 * preparation` notebook that captions images with a vision-language model runs that model).
 */
function notebookDataUtilityReason(relativePath: string, text: string): string | undefined {
  const path = relativePath.replace(/\\/g, '/');
  const m = /^(.*\/)?([^/]+)\.ipynb$/i.exec(path);
  if (!m || !text.includes('default_exp')) return undefined;
  const exported = DEFAULT_EXP.exec(text.slice(0, 1_000_000))?.[1];
  if (!exported) return undefined;
  const dir = m[1] ?? '';
  const title = m[2]
    .replace(OUTLINE_NUMBER, '')
    .trim()
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
  const names = [title, exported.split('.').pop()!];
  for (const name of names) {
    const probe = `${dir}${name}.py`;
    const rule = DEFAULT_NON_RUN_PATHS.find((r) => r.dataUtility && matcher(r.glob)(probe));
    if (rule)
      return name === title
        ? `${rule.reason} (the notebook's title)`
        : `${rule.reason} (the module ${name} this nbdev notebook exports)`;
  }
  return undefined;
}

/** Text looked at for a gallery example's title and cells. */
const GALLERY_HEAD = 8192;
/** A reST section underline (or overline): one punctuation character repeated. */
const REST_UNDERLINE = /^([=\-~^*#+`:'"])\1{2,}[ \t]*$/;
/** A sphinx-gallery cell separator: `# %%` or a comment line of at least 20 `#`. */
const GALLERY_CELL = /^(?:# ?%%|#{20,}[ \t]*$)/m;

/**
 * A sphinx-gallery example in a documentation folder: a Python script whose module docstring opens with a reST title
 * (a line underlined at least as long) and whose code is split into cells by `# %%` or a line of 20 or more `#`
 * (sphinx-gallery.github.io, "Structuring Python scripts for Sphinx-Gallery"). The gallery runs each such script as
 * it is to render its page, as a tutorial notebook in docs runs: a worked example, read like any other program
 * (whether it trains is then its code's to say), not a page of documentation.
 */
function galleryExample(relativePath: string, text: string): boolean {
  if (!/\.py$/i.test(relativePath)) return false;
  const head = text.slice(0, GALLERY_HEAD);
  const lines = head.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i].trim() === '' || lines[i].trimStart().startsWith('#'))) i++;
  const open = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (!open) return false;
  // The title: one of the docstring's first lines, underlined (a `.. _label:` target may come before it).
  const first = [lines[i].slice(open[0].length), ...lines.slice(i + 1, i + 12)];
  const titled = first.some((line, k) => {
    const title = line.trim();
    const under = first[k + 1]?.trim();
    return (
      title !== '' &&
      !REST_UNDERLINE.test(title) &&
      under !== undefined &&
      REST_UNDERLINE.test(under) &&
      under.length >= title.length
    );
  });
  if (!titled) return false;
  // The cells come after the docstring.
  const start = head.indexOf(open[1]);
  const end = head.indexOf(open[1], start + 3);
  return end > 0 && GALLERY_CELL.test(text.slice(end, end + 200_000));
}

/**
 * A file inside a package's source tree in the src layout (`src/<pkg>/…`): a template there is data the package's own
 * tools fill in when they submit a job (a cloud launcher's `template/run.sh` running `train.yaml`, which the user
 * supplies), not an experiment kept in the repository to copy.
 */
const PACKAGE_SOURCE = /(?:^|\/)src\/[A-Za-z_]\w*\//;

/**
 * A file among a repository package's own modules (under a folder packageRootsOf found, not in one of its program
 * folders): a template there is the package's data too (a model type's default config its loader reads under the
 * user's), as in the src layout.
 */
function insidePackageCode(relativePath: string, rules: EntryPointRules): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const root = rules.packageRoots?.find((r) => path.startsWith(`${r}/`));
  if (!root) return false;
  return !path
    .slice(root.length + 1)
    .split('/')
    .slice(0, -1)
    .some((f) => PROGRAM_FOLDERS.has(f.toLowerCase()));
}

/** Folders of a package that hold runnable programs, not library code. */
const PROGRAM_FOLDERS = new Set([
  'scripts',
  'examples',
  'example',
  'recipes',
  'benchmarks',
  'benchmark',
  'tools',
  'tutorials',
  'notebooks',
  'demo',
  'demos',
  'projects',
]);

/**
 * A start that trains or serves by itself: not a jsonargparse `CLI(...)` alone, which in a package is the
 * dispatcher of its subcommands (`litgpt/__main__.py`), each subcommand's config or flags being the run.
 */
function startsOwnWork(f: { readonly kind: string; readonly value: unknown }): boolean {
  return (
    (f.kind === 'launch.trainer' && !String(f.value).startsWith('construct:') && f.value !== 'CLI') ||
    f.kind === 'launch.inference'
  );
}

/** `launch.trainer` values of configs that are each a whole run (readers/mmengine.ts). */
// A trainer-config registry module (extract/python/readers/trainerRegistry.ts) is the run its entry program is handed.
const CONFIG_RUNS: ReadonlySet<string> = new Set(['mmengine:config', 'config:trainer-registry']);

/**
 * Facts that name or size the model a run trains or serves. A Hub model repository the module downloads
 * (`snapshot_download(repo_id="org/name")` in its main block) names the weights the program runs, as a model id does.
 */
const MODEL_FACTS = new Set([
  'model.id',
  'model.downloaded',
  'model.params',
  'model.layers',
  'model.hiddenSize',
  'model.forwardFlopsPerSample',
]);

/**
 * A module of the repository's own package (under a folder packageRootsOf found) whose runs name no
 * model at all: the framework's code (a trainer class with a `__main__` demo, a CLI dispatcher), not a
 * run of its own. Folders such as `scripts/` and `examples/` inside a package hold programs people run,
 * and keep their runs; so does a program run as main that reads command-line flags and trains or serves
 * from them (`src/<pkg>/sft.py`, `<pkg>/cli/train_dpo.py`: a `run.commandLine` fact), listed with the
 * model unknown. (A program that needs a config file is not a run anywhere: run.entry, python/entryPoint.ts.)
 */
export function packageModuleReason(
  relativePath: string,
  facts: ReadonlyArray<{ readonly kind: string; readonly value: unknown; readonly detail?: string }>,
  rules: EntryPointRules = {},
): string | undefined {
  if (rules.defaults === false || !rules.packageRoots?.length) return undefined;
  const path = relativePath.replace(/\\/g, '/');
  const root = rules.packageRoots.find((r) => path.startsWith(`${r}/`));
  if (!root) return undefined;
  const inside = path
    .slice(root.length + 1)
    .split('/')
    .slice(0, -1);
  if (inside.some((f) => PROGRAM_FOLDERS.has(f.toLowerCase()))) return undefined;
  if (facts.some((f) => MODEL_FACTS.has(f.kind) && f.value !== false)) return undefined;
  if (facts.some((f) => f.kind === 'run.commandLine') && facts.some(startsOwnWork)) return undefined;
  // A Hydra application (`@hydra.main(config_path="../configs", config_name="eval.yaml")`) that trains or evaluates
  // from the project's configs outside the package: it starts as it is from its primary config, which names the
  // model, as a command-line program starts from its flags. A primary config shipped inside the package
  // (`config_path="config"`, verl's trainers) is the package's defaults, which each launch overrides: that program
  // stays the package's code, its launches are the runs.
  if (
    facts.some(
      (f) =>
        f.kind === 'link.config' &&
        f.detail?.startsWith(HYDRA_MAIN_LINK) &&
        typeof f.value === 'string' &&
        f.value.startsWith('../'),
    ) &&
    facts.some(startsOwnWork)
  )
    return undefined;
  // A run config of a config dialect whose files are whole runs (an mmengine config: the runner it is handed to
  // trains it), shipped inside the package (`<pkg>/configs/…`, mmengine's pure-Python configs importable with
  // `read_base()`): the run definition it is anywhere, not the package's code; an evaluation or sampling config of the
  // dialect (`launch.inference`) as much as a training one.
  if (
    facts.some(
      (f) => (f.kind === 'launch.trainer' || f.kind === 'launch.inference') && CONFIG_RUNS.has(String(f.value)),
    )
  )
    return undefined;
  // A module whose own code (its top level or main block) starts another program as a child process
  // (readers/launchedPrograms.ts reads only rows that run): a launcher, which library code never is at import.
  if (facts.some((f) => f.kind === 'link.script') && facts.some(startsOwnWork)) return undefined;
  // A TorchX component (readers/torchx.ts): a launch of the program it names, whose model is that program's.
  if (facts.some((f) => f.kind === 'link.module' && f.detail?.startsWith(TORCHX_LAUNCH_LINK))) return undefined;
  // A launcher submitting a job of its own class that runs a program's main (readers/submitit.ts): a cluster launch of
  // that program, whose run it is.
  if (facts.some((f) => f.kind === 'link.module' && f.detail?.startsWith(SUBMITTED_JOB_LINK))) return undefined;
  // A thin entry point handing its command line to the package's run function (`train()`: readers/localModules.ts).
  if (facts.some((f) => f.kind === 'run.commandLine' && String(f.value).endsWith('()'))) return undefined;
  // The module's own demo under its main guard, sampling from the network it defines (readers/moduleDemo.ts).
  if (facts.some((f) => f.kind === 'launch.inference' && f.value === 'module-demo')) return undefined;
  // A task engine of the package built at the module's top level (readers/taskEngineClass.ts): a server program that
  // loads the models when it runs, which library code does not.
  if (facts.some((f) => f.kind === 'launch.inference' && f.value === 'engine-at-import')) return undefined;
  // An experiment grid's explorer (readers/experimentGrid.ts): a launch whose model comes from the configs it binds.
  if (
    facts.some((f) => (f.kind === 'launch.trainer' || f.kind === 'launch.inference') && f.value === 'experiment-grid')
  )
    return undefined;
  return `a module of the repository's package ${root}/ that names no model: program code run with a config or flags, not a run of its own`;
}
