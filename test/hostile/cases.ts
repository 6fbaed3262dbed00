import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A generator of hostile inputs, one family per class of attack a repository can carry (issue 17).
 * Everything large is generated at test time from a size `n`; nothing big is committed.
 *
 * - growth cases: text whose reading must stay linear (time at 4n ≤ ~4× time at n);
 * - folder cases: small repositories the CLI must survive with the right exit status, in time and memory.
 */

export type HostileClass =
  'super-linear' | 'memory' | 'crash' | 'outside-folder' | 'injection' | 'fifo-device' | 'fail-open';

/** Which reader a growth case exercises; the test calls that reader directly so the timing is its own. */
export type Reader =
  | 'shell'
  | 'config'
  | 'python'
  | 'directives'
  | 'codecarbon'
  | 'workspaceConfig'
  | 'notebook'
  | 'notebookConfigs'
  | 'notebookLaunches'
  | 'modelCard'
  | 'prefilter'
  | 'pythonParse'
  | 'modelLookup'
  | 'gin'
  | 'yacsDefaults'
  | 'docSizes';

export interface GrowthCase {
  readonly name: string;
  readonly reader: Reader;
  /** File name the text is read as (its kind decides the reader for `python`, `config`). */
  readonly file: string;
  /** The hostile text at size n (n is a count of repetitions, not bytes). */
  readonly make: (n: number) => string;
  /** A size at which reading takes a few milliseconds; the harness grows it until timing is reliable. */
  readonly n: number;
  /** The largest size the harness may try (keeps inputs under the 2 MB file limit). */
  readonly maxN: number;
}

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

export const GROWTH_CASES: readonly GrowthCase[] = [
  // knowledge/index.ts: `.replace(/\/+$/, '')` on a catalog key retried from every slash of a run (a config's
  // `base_model: ////…x` hung the CLI for tens of seconds).
  {
    name: 'catalog lookup: a model id of a long run of slashes',
    reader: 'modelLookup',
    file: 'model-id',
    make: (n) => `${'/'.repeat(n)}x${'/'.repeat(n)}`,
    n: 2000,
    maxN: 400_000,
  },
  // shellFacts.ts: `^\s*` under /gm ran over every following blank line from each line start.
  {
    name: 'shell file of newlines',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => '\n'.repeat(n),
    n: 20_000,
    maxN: 400_000,
  },
  // `${a-${a-…` nested: `[^}]*` in the default scanned to the end from every `$`.
  {
    name: 'shell: ${a-${a-… nested',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `X="${'${a-'.repeat(n)}"\ntorchrun train.py $X\n`,
    n: 5_000,
    maxN: 200_000,
  },
  // A command built in a variable and run by `eval $cmd` on many lines: each expansion is bounded per file.
  {
    name: 'shell: a launch held in a multi-line variable, run by eval on every line',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      `cmd="deepspeed --num_gpus 2 \\\n    train.py \\\n    --num-layers 2 --hidden-size 64"\n${'eval $cmd\n'.repeat(n)}`,
    n: 500,
    maxN: 50_000,
  },
  {
    name: 'shell: one torchrun line with many flags',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `torchrun train.py ${Array.from({ length: n }, (_, i) => `--f${i} 1`).join(' ')}\n`,
    n: 8_000,
    maxN: 100_000,
  },
  {
    name: 'shell: a command continued over many lines',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `torchrun train.py \\\n${'  --x 1 \\\n'.repeat(n)}  --y 2\n`,
    n: 8_000,
    maxN: 128_000,
  },
  {
    name: 'shell: for-loop header with a long run of spaces',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `for a in x${' '.repeat(n)}x\n`,
    n: 100_000,
    maxN: 1_600_000,
  },
  // shellFacts.ts srunTasksPerNode: the srun options before a plain Python launch, searched once per launch.
  {
    name: 'shell: srun lines with a long run of options before python',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `#SBATCH --ntasks-per-node=8\nsrun ${'--ntasks-per-node= '.repeat(n)}python -m pkg.train\n`,
    n: 2_000,
    maxN: 80_000,
  },
  // documentedLaunch.ts documentedDevices: a module docstring's lines (a bounded number) read as usage commands.
  {
    name: 'python: docstring usage lines naming the script many times',
    reader: 'python',
    file: 'gen.py',
    make: (n) =>
      `"""\ntorchrun --nproc_per_node=2 ${'gen.py '.repeat(n)}\n"""\nfrom nanotron.generation.decode import decode_text\nif __name__ == "__main__":\n    decode_text(x)\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // constructorLoops.ts: a network's constructors are followed through their loops, a class built in a loop whose own
  // constructor loops again; the turns spent on one network are bounded, so a chain of classes each building the
  // previous a thousand times stays linear in the chain's length.
  {
    name: 'python: a chain of module classes each appending the previous one in a loop of a thousand turns',
    reader: 'python',
    file: 'chain.py',
    make: (n) =>
      'import torch\nimport torch.nn as nn\n' +
      'class C0(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.l = nn.Linear(4, 4)\n' +
      lines(
        n,
        (i) =>
          `class C${i + 1}(nn.Module):\n    def __init__(self, w=4):\n        super().__init__()\n        self.l = nn.ModuleList()\n        for j in range(1000):\n            self.l.append(C${i}())`,
      ) +
      `\nmodel = C${n}()\nopt = torch.optim.Adam(model.parameters())\nfor x in data:\n    model(x).sum().backward()\n`,
    n: 20,
    maxN: 2_000,
  },
  // stringSpans.ts: literals are found by one pass over the text; unterminated literals, escapes and quotes in
  // comments on every line must not make it look back or ahead more than once.
  {
    name: 'python: every line an unterminated literal, escapes and quotes in a comment',
    reader: 'python',
    file: 'quotes.py',
    make: (n) =>
      lines(n, (i) => `x${i} = '\\' + rb"\\\\" + f'{x}' + 'open # it's "not" closed`) + '\nloss.backward()\n',
    n: 2_000,
    maxN: 40_000,
  },
  // readers/jax.ts jaxGradientLoop: gradient steps nested in one another and loops nested as deep; each gradient and
  // each call is placed by one bounded climb, never by testing every enclosing function's or loop's whole text.
  {
    name: 'python: nested functions taking gradients and nested loops calling them',
    reader: 'python',
    file: 'grads.py',
    make: (n) =>
      lines(n, (i) => `${'  '.repeat(i % 40)}def step${i}(p):\n${'  '.repeat((i % 40) + 1)}g = jax.grad(f)(p)`) +
      '\n' +
      lines(n, (i) => `${'  '.repeat(i % 40)}for b${i} in data:\n${'  '.repeat((i % 40) + 1)}p = step${i}(p)`) +
      '\n',
    n: 500,
    maxN: 10_000,
  },
  // context.ts hasTopLevelMainGuard: each line holding `__name__` is tried once, however many it holds.
  {
    name: 'python: one line of many main-guard tests, then a training step',
    reader: 'python',
    file: 'guards.py',
    make: (n) =>
      `x = [${'__name__ == "__main__", '.repeat(n)}]\nfor batch in data:\n    loss.backward()\n    optimizer.step()\n`,
    n: 5_000,
    maxN: 80_000,
  },
  // readers/torch.ts fitCall: scikit-learn names and the estimators built from them are read once per file.
  {
    name: 'python: many scikit-learn estimators, each fitted',
    reader: 'python',
    file: 'cluster.py',
    make: (n) =>
      `from sklearn.cluster import KMeans\n${lines(n, (i) => `km${i} = KMeans(n_clusters=2)\nkm${i}.fit(x)`)}`,
    n: 2_000,
    maxN: 40_000,
  },
  // symbols.ts: each local name assigned in several branches is weighed against the default path (capped per name).
  {
    name: 'python: many local names, each assigned in every branch of a store_true switch',
    reader: 'python',
    file: 'gen.py',
    make: (n) =>
      `import argparse\np = argparse.ArgumentParser()\n${lines(n, (i) => `p.add_argument("--f${i}", action="store_true")`)}\ndef main(args):\n${lines(n, (i) => `    if args.f${i}:\n        v${i} = 1\n    else:\n        v${i} = 2`)}\n`,
    n: 1_000,
    maxN: 20_000,
  },
  // readers/distilabel.ts: each engine looks up its step's StepResources and its extra_kwargs dict.
  {
    name: 'python: a distilabel pipeline of thousands of vLLM steps',
    reader: 'python',
    file: 'pipeline.py',
    make: (n) =>
      `from distilabel.llms import vLLM\nfrom distilabel.steps import StepResources\nkw = {"tensor_parallel_size": 8}\nwith Pipeline() as p:\n${lines(n, (i) => `    s${i} = TextGeneration(llm=vLLM(model="org/m${i}", extra_kwargs=kw), resources=StepResources(replicas=${(i % 4) + 1}))`)}\nif __name__ == "__main__":\n    p.run()\n`,
    n: 200,
    maxN: 8_000,
  },
  // localModules.ts flagModule: imports of a flags function, each followed by a search for its call.
  {
    name: 'python: many imports of parse_args never called',
    reader: 'python',
    file: 'main.py',
    make: (n) => `${'from pkg.params import parse_args\n'.repeat(n)}if __name__ == "__main__":\n    pass\n`,
    n: 2_000,
    maxN: 40_000,
  },
  {
    name: 'shell: many launch lines inside a loop',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `CUDA_VISIBLE_DEVICES=0,1\nfor s in 1 2; do\n${'torchrun train.py --epochs 1\n'.repeat(n)}done\n`,
    n: 1_200,
    maxN: 50_000,
  },
  // configFacts.ts → shellFacts.ts: a SkyPilot `run: |+` block kept with its blank lines.
  {
    name: 'SkyPilot run: |+ block with blank lines',
    reader: 'config',
    file: 'sky.yaml',
    make: (n) => `resources:\n  accelerators: A100:8\nrun: |+\n  torchrun train.py\n${'\n'.repeat(n)}  echo done\n`,
    n: 5_000,
    maxN: 400_000,
  },
  // pythonFacts.ts: each call re-searched the text for `def f` found only inside strings.
  {
    name: "python: s = 'def f …'; f(epoch) lines",
    reader: 'python',
    file: 'a.py',
    make: (n) => `s = '${'def f '.repeat(20)}'; f(epoch)\n`.repeat(n),
    n: 300,
    maxN: 12_000,
  },
  // pythonFacts.ts: three whole-text regexes per nn.Module class.
  {
    name: 'python: thousands of nn.Module classes',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch.nn as nn\n${lines(n, (i) => `class M${i}(nn.Module):\n def __init__(s):\n  super().__init__(); s.l = nn.Linear(1, 1)`)}\nm = M0()\nfor epoch in range(3):\n    loss.backward()\n`,
    n: 300,
    maxN: 8_000,
  },
  // pythonFacts.ts: `\(([^)]*)\)` ran to the end of the text from every unclosed import list.
  // Inside a string the parser sees one token, so only the text search is timed.
  {
    name: 'python: unclosed torchvision import lists (in a string)',
    reader: 'python',
    file: 'a.py',
    make: (n) => `import torch\nDOC = """\n${'from torchvision.models import (\n'.repeat(n)}"""\n`,
    n: 4_000,
    maxN: 50_000,
  },
  // A program importing many modules of its own package, each used as `name.XConfig(` (settingsModule.ts).
  {
    name: 'python: many package imports each building a settings class',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `${Array.from({ length: n }, (_, k) => `import pkg.m${k} as c${k}\n`).join('')}` +
      `if __name__ == "__main__":\n${Array.from({ length: n }, (_, k) => `    c${k}.TrainConfig()\n`).join('')}`,
    n: 2_000,
    maxN: 20_000,
  },
  // A chat call's input cast searched for over a file of near-misses (chatApi.ts).
  {
    name: 'python: model.chat(tokenizer) beside many casts that never reach a 16-bit dtype',
    reader: 'python',
    file: 'a.py',
    make: (n) => `model.chat(tokenizer, q)\n${'pixel_values.cuda().to(device) \n'.repeat(n)}`,
    n: 4_000,
    maxN: 50_000,
  },
  // Distinct known pairs: each was searched for from the start of the line (quadratic in the line).
  {
    name: 'directive line with many pairs',
    reader: 'directives',
    file: 'a.py',
    make: (n) => `# green-ai: ${Array.from({ length: n }, (_, i) => `model=m${i}x`).join(' ')}\n`,
    n: 10_000,
    maxN: 200_000,
  },
  // calibration/codecarbon.ts: the gpu_model pattern was quadratic in a long value.
  {
    name: 'emissions.csv gpu_model "1 x " + digits',
    reader: 'codecarbon',
    file: 'emissions.csv',
    make: (n) =>
      `timestamp,project_name,run_id,duration,emissions,energy_consumed,gpu_model,gpu_count\n2024,x,r,100,1,1,"1 x ${'1'.repeat(n)}",\n`,
    n: 80_000,
    maxN: 1_000_000,
  },
  {
    name: '.greenai.json nested deep',
    reader: 'workspaceConfig',
    file: '.greenai.json',
    make: (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
    n: 20_000,
    maxN: 120_000,
  },
  {
    name: 'truncated notebook with many cells',
    reader: 'notebook',
    file: 'a.ipynb',
    make: (n) =>
      JSON.stringify({ cells: Array.from({ length: n }, () => ({ cell_type: 'code', source: ['x = 1\n'] })) }).slice(
        0,
        -3,
      ),
    n: 2_000,
    maxN: 20_000,
  },
  // notebookConfigs.ts: each open/write pair looks back for its template; a bounded number of tries.
  {
    name: 'notebook configs: many open/write pairs of a template never written',
    reader: 'notebookConfigs',
    file: 'a.ipynb',
    make: (n) => `!autotrain --config c.yaml\n${'with open("c.yaml", "w") as f:\n  f.write(cfg)\n'.repeat(n)}`,
    n: 2_000,
    maxN: 40_000,
  },
  {
    name: 'notebook configs: many form fields and an unclosed template',
    reader: 'notebookConfigs',
    file: 'a.ipynb',
    make: (n) =>
      `${lines(n, (i) => `v${i} = ${i} # @param`)}\ncfg = f"""\ntask: llm-sft\nwith open("c.yaml", "w") as f:\n  f.write(cfg)\n!autotrain --config c.yaml\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // notebookConfigs.ts: an lm_eval shell escape continued over many lines, many times (commands and lines capped).
  {
    name: 'notebook configs: lm_eval escapes continued over many lines',
    reader: 'notebookConfigs',
    file: 'a.ipynb',
    make: (n) => `${'!lm_eval \\\n'.repeat(n)}  --model hf --model_args pretrained=org/m\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // config/hydraExperiment.ts: a long defaults list (entries capped) of group overrides.
  {
    name: 'Hydra experiment with a long defaults list',
    reader: 'config',
    file: 'exp.yaml',
    make: (n) =>
      `# @package _global_\ndefaults:\n${lines(n, (i) => `  - override /g${i}: o${i}`)}\ntrainer:\n  max_steps: 10\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // mlCollections.ts: every attribute assignment of get_config() is looked at once (capped).
  {
    name: 'python: ml_collections get_config() with many settings',
    reader: 'python',
    file: 'cfg.py',
    make: (n) =>
      `import ml_collections\n\ndef get_config():\n  config = ml_collections.ConfigDict()\n  config.model_name = 'ViT-B_16'\n${lines(n, (i) => `  config.k${i} = ${i}`)}\n  return config\n`,
    n: 500,
    maxN: 20_000,
  },
  // checkpointPath.ts: the named-dtype cast scans each line once.
  {
    name: 'python: many dtype bindings and model moves',
    reader: 'python',
    file: 'gen.py',
    make: (n) =>
      `import torch\n${lines(n, (i) => `p${i} = torch.bfloat16\nmodel = model.to(device=d, dtype=q${i})`)}\n`,
    n: 300,
    maxN: 10_000,
  },
  // The folder scan's prefilter (mayStartARun): the rules' runStart patterns run over whole files.
  {
    name: 'prefilter: one line of `for epoch` repeated (FOR_LOOP_START)',
    reader: 'prefilter',
    file: 'a.py',
    make: (n) => `import torch\n${'for\tepoch\t'.repeat(n)}\n`,
    n: 100,
    maxN: 160_000,
  },
  {
    name: 'prefilter: one long word of `Pipeline` (serving runStart)',
    reader: 'prefilter',
    file: 'a.py',
    make: (n) => `import torch\ndef f(): pass\n${'Pipeline'.repeat(n)}\n`,
    n: 200,
    maxN: 200_000,
  },
  // tree-sitter-python's scanner looks past every following comment line at each line end.
  {
    name: 'python parse: a long run of comment lines',
    reader: 'pythonParse',
    file: 'a.py',
    make: (n) => `import torch\n${'# x\n'.repeat(n)}x = 1\n`,
    n: 4_000,
    maxN: 200_000,
  },
  // Python readers.
  {
    name: 'python: a `.train()` receiver of one long identifier',
    reader: 'python',
    file: 'a.py',
    make: (n) => `import torch\n${'model'.repeat(n)}().train()\n`,
    n: 4_000,
    maxN: 200_000,
  },
  {
    name: 'python: a torchvision import with a long run of blanks',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\nfrom torchvision.models import resnet50${' \t'.repeat(n)}s\nfor epoch in range(3):\n    loss.backward()\n`,
    n: 4_000,
    maxN: 400_000,
  },
  {
    name: 'python: a chain of definitions each calling the next (reachability)',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\n${lines(n, (i) => `def f${i}():\n    f${i + 1}()`)}\ndef f${n}():\n    loss.backward()\nf0()\n`,
    n: 500,
    maxN: 40_000,
  },
  // Deep nesting: tree-sitter's query cursor is super-linear once tens of thousands of nested nodes match
  // (a 100k-deep chained assignment took 38 s in one call); a file nested past the limit is skipped unqueried.
  {
    name: 'python: a chained assignment nested deep (a = b = … = 1)',
    reader: 'python',
    file: 'a.py',
    make: (n) => `import torch
hidden_size = ${'n_layer = '.repeat(n)}1
for epoch in range(3):
    loss.backward()
`,
    n: 20_000,
    maxN: 160_000,
  },
  // Names bound to loaded models (python/handles.ts) add the lines that call them to the index, in rounds.
  {
    name: 'python: many names bound to pipelines, each called',
    reader: 'python',
    file: 'a.py',
    make: (n) => lines(n, (i) => `p${i} = XPipeline.from_pretrained("a/b").to("cuda")\np${i}("x")`),
    n: 200,
    maxN: 20_000,
  },
  {
    name: 'python: one pipeline called on every line',
    reader: 'python',
    file: 'a.py',
    make: (n) => `pipe = XPipeline.from_pretrained("a/b")\n${'pipe("x")\n'.repeat(n)}`,
    n: 500,
    maxN: 100_000,
  },
  // A loaded model cast as it is loaded (readers/modelConstructor.ts LOADED_THEN_CAST): bounded argument runs.
  {
    name: 'python: many multi-line from_pretrained calls with nested parentheses, the last cast with .half()',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `${lines(n, (i) => `m${i} = M.from_pretrained(p,\n    a=f(x), b=g(y), c=h(z),\n    d=bool(".ckpt" in p))`)}\nm = M.from_pretrained(p).half()\nm.generate(x)\n`,
    n: 200,
    maxN: 20_000,
  },
  // A flag's precision default (readers/constants.ts argparsePrecision): dtype keywords looked at per file.
  {
    name: 'python: a --dtype flag and a dtype keyword on every line',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import argparse\np = argparse.ArgumentParser()\np.add_argument("--dtype", default="bf16")\nargs = p.parse_args()\n${lines(n, (i) => `t${i} = f(x, dtype=args.dtype)`)}\nfor epoch in range(3):\n    loss.backward()\n`,
    n: 500,
    maxN: 100_000,
  },
  // A script calling into sibling modules (readers/localModules.ts): imports and uses scanned line by line.
  {
    name: 'python: a script importing many names from siblings and calling them',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `${lines(n, (i) => `from m${i} import f${i}`)}\nif __name__ == "__main__":\n${lines(n, (i) => `    f${i % 50}(${i})`)}\n`,
    n: 200,
    maxN: 40_000,
  },
  // A thin wrapper importing from dotted package modules (readers/localModules.ts): long dotted names, many calls.
  {
    name: 'python: a thin wrapper importing many names from dotted package modules',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `${lines(n, (i) => `from pkg.sub${i}.${'a.'.repeat(12)}m${i} import f${i}`)}\nif __name__ == "__main__":\n${lines(n, (i) => `    f${i % 50}(${i})`)}\n`,
    n: 200,
    maxN: 40_000,
  },
  // A program loading its model through its package's loader (readers/packageLoader.ts): many loader and
  // loop imports, each called on a line of its own inside the main guard (rows looked up, not re-walked).
  {
    name: 'python: a program importing many package loaders and calling each',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `${lines(n, (i) => `from pkg.model${i}.builder import load_model${i % 40 === 0 ? '' : `_v${i}`} as load_model_${i}, chat_loop_${i}`)}\nx = 1\n${lines(n, (i) => `y${i} = ${i}`)}\nif __name__ == "__main__":\n${lines(n, (i) => `    m = load_model_${i % 50}(args.model_path, "org/name")`)}\n`,
    n: 200,
    maxN: 20_000,
  },
  // torch.hub.load entry points built from names (readers/vision.ts): each call looks back for its name's assignment.
  {
    name: 'python: many torch.hub.load calls whose entry point is a name set far above',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\nentry = f"net_{arch}"\n${lines(n, (i) => `torch.hub.load("org/repo", entry${i % 2 === 0 ? '' : i})\nz${i} = ${i}`)}\n`,
    n: 200,
    maxN: 20_000,
  },
  // A script building its model from its own classes (readers/modelConstructor.ts): many module classes, each
  // constructed on a line of its own (lines scanned once, calls looked at up to a bound), and many FP8 switches.
  {
    name: 'python: many model classes each constructed, and many fp8 switch lines',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch.nn as nn\nx = torch._scaled_mm(a, b)\n${lines(n, (i) => `class GPT${i}(nn.Module):\n    pass`)}\n${lines(n, (i) => `model = GPT${i % 200}(num_layers=${i}, model_dim=8)\nuse_fp8 = False`)}\nfor step in range(3):\n    loss.backward()\n`,
    n: 100,
    maxN: 12_000,
  },
  // Evaluation configs (config/lmEval.ts): a model_args string of many pairs, and many tasks.
  {
    name: 'config: lm-eval model_args with many pairs and a long task list',
    reader: 'config',
    file: 'eval.yaml',
    make: (n) =>
      `model: vllm\nmodel_args: "${Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join(',')}"\nnum_fewshot: 0\ntasks:\n${lines(n, (i) => `  - task${i}`)}\n`,
    n: 300,
    maxN: 40_000,
  },
  // Child-process launches (readers/launchedPrograms.ts): command lists and strings on every line.
  {
    name: 'python: a script starting many child processes',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import subprocess, sys\ncmd = sys.executable\nif __name__ == "__main__":\n${lines(n, (i) => `    subprocess.run(["python"], (cmd, "--model", m${i}), f"torchrun {x}")`)}\n`,
    n: 200,
    maxN: 20_000,
  },
  // Launch lines: a leading command, `bash -c "…"` and launches held in variables (shell/launchers.ts).
  {
    name: 'shell: srun lines whose launch is held in a variable',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `L="accelerate launch --num_processes 8"\n${'srun $A bash -c "$L train.py"\n'.repeat(n)}`,
    n: 200,
    maxN: 40_000,
  },
  {
    name: 'shell: a leading command of many words before a launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `cd ${'x '.repeat(n)}&& torchrun train.py\n`,
    n: 2_000,
    maxN: 400_000,
  },
  {
    name: 'shell: bash -c with an unclosed quote',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `srun bash -c "torchrun ${'--x 1 '.repeat(n)}\n`,
    n: 1_000,
    maxN: 200_000,
  },
  // Runners, job submitters and script-folder substitutions (shell/launchers.ts stripWrapper, shell/scriptFolder.ts).
  {
    name: 'shell: srun with many option words and no launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `${'srun -x a -y $B '.repeat(n)}hostname\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: a job submitter whose -- never comes',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `ray job submit ${'--a b '.repeat(n)}python train.py\n`,
    n: 1_000,
    maxN: 200_000,
  },
  {
    name: 'shell: many script-folder assignments with nested substitutions',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      `${lines(n, (i) => `D${i}=$(cd -- "$(dirname "$(dirname "$(readlink -f "$0")")")" >/dev/null 2>&1 ; pwd -P)`)}\ntorchrun $D1/train.py\n`,
    n: 200,
    maxN: 20_000,
  },
  {
    name: 'shell: an unclosed command substitution',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `D=$(cd "$(dirname "$0"${' ('.repeat(n)}\ntorchrun $D/train.py\n`,
    n: 1_000,
    maxN: 200_000,
  },
  // shell/inlineSettings.ts: each here-document's body is scanned for its end word; unclosed ones are bounded.
  {
    name: 'shell: thousands of unclosed here-documents writing configs',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `torchrun train.py\n${lines(n, (i) => `cat << EOT${i} > c${i}.json\n"bf16": {`)}\n`,
    n: 1_000,
    maxN: 100_000,
  },
  // Captured submissions (`$(sbatch ...)`) and sbatch's resource options (shell/slurm.ts).
  {
    name: 'shell: a captured sbatch with thousands of resource options',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `J=$(sbatch ${'--nodes=2 --gres=gpu:8 --time 1:00:00 '.repeat(n)}job.slurm)\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: nested basename/dirname substitutions',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `R=${'$(basename '.repeat(n)}"$0"${')'.repeat(n)}\nsbatch x/$R/j.slurm\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: sbatch with many options',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `sbatch ${'-J x '.repeat(n)}job.slurm\n`,
    n: 1_000,
    maxN: 200_000,
  },
  // Hydra overrides read as a config (shell/overrides.ts), commands handed over after `--`, smoke-check guards,
  // shell arithmetic (shellFacts.ts).
  {
    name: 'shell: a launch line of thousands of distinct dotted overrides',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      `python3 -m pkg.main_ppo ${Array.from({ length: n }, (_, i) => `a${i % 50}.b${i}.c=${i}`).join(' ')}\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: overrides nested deep under one key',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `python x.py ${'a.'.repeat(n)}b=1 ${'k.'.repeat(n)}=2\n`,
    n: 1_000,
    maxN: 200_000,
  },
  {
    name: 'shell: a submitter whose -- is followed by leading commands that never launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `python submit.py ${'--a b '.repeat(n)}-- ${'cd x \\&\\& '.repeat(n)}echo done\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: many -- separators, none before a launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `python run.py ${'-- x '.repeat(n)}\n`,
    n: 1_000,
    maxN: 200_000,
  },
  {
    name: 'shell: many `|| error "...` guards without an end quote',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `python a.py ${'|| error "x '.repeat(n)}\n`,
    n: 1_000,
    maxN: 100_000,
  },
  // Aliases and case arms read once per file (shellFacts.ts shellAliases, caseSpans).
  {
    name: 'shell: many aliases and case arms around a launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      `${Array.from({ length: n }, (_, k) => `alias a${k}="srun -N 1"\n`).join('')}` +
      `${'case "$1" in\n  --x) GPUS=1 ;;\nesac\n'.repeat(n)}GPUS=\${GPUS:-8}\na1 python t.py --bf16\n`,
    n: 1_000,
    maxN: 20_000,
  },
  {
    name: 'shell: a case line that never says in',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `${'case x '.repeat(n)}\nesac\npython t.py\n`,
    n: 1_000,
    maxN: 100_000,
  },
  {
    name: 'shell: an arithmetic expansion of many terms and parentheses',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `A=1\nN=$((${'(A + '.repeat(n)}1${')'.repeat(n)}))\ntorchrun --nproc_per_node=$N train.py\n`,
    n: 1_000,
    maxN: 200_000,
  },
  // The interpreter's path: `(?:[\w.~-]|\$\{?\w+\}?)` repeated split `$aaaa$aaaa…` in exponentially many ways.
  {
    name: 'shell: a command word of many variables and no folder',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `${'$aaaaaaaaaa'.repeat(n)} x\npython t.py\n`,
    n: 1_000,
    maxN: 100_000,
  },
  // Shell flags: `[=\s]+\S+…` backtracked over a long run of `=`.
  {
    name: 'shell: --config followed by a long run of =',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `torchrun train.py --config ${'='.repeat(n)}\n`,
    n: 10_000,
    maxN: 90_000,
  },
  {
    name: 'shell: --vocab-file followed by a long run of =',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `torchrun train.py --vocab-file ${'='.repeat(n)}\n`,
    n: 10_000,
    maxN: 90_000,
  },
  {
    name: 'shell: many `read r <<e` lines whose end never comes',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => '\tread\tr<<e\n\n'.repeat(n),
    n: 2_000,
    maxN: 160_000,
  },
  // shell/runIntent.ts: every flag of a python line read for evaluation-only words; harness model arguments.
  {
    name: 'shell: a python line of thousands of --val-x flags',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `python -m pkg.main --pretrained c.pt ${'--val-data-x '.repeat(n)}\n`,
    n: 2_000,
    maxN: 100_000,
  },
  {
    name: 'shell: lighteval with a model argument list of thousands of keys',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => `lighteval vllm "${'k=v,'.repeat(n)}dtype=bfloat16" tasks\n`,
    n: 2_000,
    maxN: 200_000,
  },
  // python/entryPoint.ts: each add_argument line's calls visited for a required config argument.
  {
    name: 'python: thousands of add_argument lines and a main guard',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import argparse\nfrom transformers import Trainer\np = argparse.ArgumentParser()\n${lines(n, (i) => `p.add_argument("--config${i}", required=True, default=f(g(h(${i}))))`)}\nif __name__ == "__main__":\n    Trainer().train()\n`,
    n: 300,
    maxN: 8_000,
  },
  // Config dialects: trailing slashes, Composer durations, OmegaConf interpolations.
  // config/fastYaml.ts: the fast parser's own duplicate-key check is quadratic in a map's keys (turned off).
  {
    name: 'config: a map of many keys, each with a comment',
    reader: 'config',
    file: 'b.yaml',
    make: (n) => lines(n, (i) => `k${i}: 'v ${i}'  # c`),
    n: 16_000,
    maxN: 400_000,
  },
  // configDocument.ts: flow lists closed at their key's indentation are repaired and the text read again.
  {
    name: "config: many flow lists closed at their key's indentation",
    reader: 'config',
    file: 'b.yaml',
    make: (n) => lines(n, (i) => `  k${i}: ['a\n  ']`),
    // From 16,000 lines (~0.2 s): at 4,000 (~20 ms) a busy host's scheduler and GC moved the ratio to ×10 in CI.
    n: 16_000,
    maxN: 400_000,
  },
  {
    name: 'config Beaker: a task with many mounted datasets and a long argument list',
    reader: 'config',
    file: 'b.yaml',
    make: (n) =>
      `tasks:\n  - command: [sh, -c]\n    arguments: ['torchrun t.py --model_name_or_path /m ${'--x 1 '.repeat(n)}']\n    datasets:\n${lines(n, (i) => `      - mountPath: /m${i}\n        source:\n          beaker: o/d${i}`)}\n`,
    n: 500,
    maxN: 20_000,
  },
  {
    name: 'config litgpt: checkpoint_dir of slashes',
    reader: 'config',
    file: 'l.yaml',
    make: (n) => `checkpoint_dir: ${'/'.repeat(n)}x\ntrain:\n  epochs: 3\n  global_batch_size: 16\nout_dir: o\n`,
    n: 10_000,
    maxN: 400_000,
  },
  {
    name: 'config mosaicml run: cd into a path of slashes',
    reader: 'config',
    file: 'r.yaml',
    make: (n) =>
      `compute:\n  gpus: 8\ncommand: |\n  cd ${'/'.repeat(n)}x\n  composer train.py a.yaml\nimage: x\nintegrations: []\n`,
    n: 10_000,
    maxN: 400_000,
  },
  {
    name: 'config composer: max_duration with a long run of blanks',
    reader: 'config',
    file: 'c.yaml',
    make: (n) => `model:\n  name: mpt_causal_lm\nmax_duration: "0${'\\t'.repeat(n)}0ba"\ntrain_loader:\n  name: text\n`,
    n: 5_000,
    maxN: 200_000,
  },
  // config/headerHardware.ts: every header comment line is matched for "N nodes of M x GPU" and "M x GPU".
  {
    name: 'config: a header of many comment lines of counts that name no GPU',
    reader: 'config',
    file: 'h.yaml',
    make: (n) => `${'# 1 2 x 3 nodes of 4 x 5 6x7 8 x\n'.repeat(n)}model_name_or_path: gpt2\nnum_train_epochs: 1\n`,
    n: 2_000,
    maxN: 60_000,
  },
  // config/architectureBudget.ts: section names are split into words to find what they configure.
  {
    name: 'config: a sized model whose budget sits under a very long section name',
    reader: 'config',
    file: 'a.yaml',
    make: (n) => `n_layer: 2\nn_embd: 64\n${'a_'.repeat(n)}b:\n  train_steps: 5\n`,
    n: 10_000,
    maxN: 400_000,
  },
  // config/olmo.ts: the OLMo trainer's max_duration (steps, `T` tokens, `ep`) and run_name (plain scalars: the YAML
  // library builds a long double-quoted scalar character by character, which is its cost, not the reader's).
  {
    name: 'config olmo: max_duration of a long run of digits and underscores',
    reader: 'config',
    file: 'o.yaml',
    make: (n) =>
      `run_name: ${'r'.repeat(n)}\nmodel:\n  d_model: 64\n  n_layers: 2\nmax_duration: ${'1_'.repeat(n)}T\nstop_at: ${'9'.repeat(Math.min(n, 300))}\n`,
    n: 10_000,
    maxN: 400_000,
  },
  // shell/launchers.ts gantry: the job after `--`, through `/bin/bash -c "..."`, a path of many segments.
  {
    name: 'shell gantry: a job script path of many folders, its quote never closed',
    reader: 'shell',
    file: 'g.sh',
    make: (n) =>
      `gantry run --gpus 8 --replicas 2 -- ${'a/'.repeat(n)}bash -c "${'\\x'.repeat(n)} ${'b/'.repeat(n)}x.sh\n`,
    n: 5_000,
    maxN: 200_000,
  },
  {
    name: 'shell gantry: many options before the job',
    reader: 'shell',
    file: 'g.sh',
    make: (n) => `gantry run ${'--gpus 8 --env A=1 '.repeat(n)}-- /bin/bash -c "scripts/job.sh $X"\n`,
    n: 5_000,
    maxN: 100_000,
  },
  {
    name: 'model card front matter with many keys',
    reader: 'modelCard',
    file: 'README.md',
    make: (n) => `---\n${lines(n, (i) => `k${i}: [a, b, c]`)}\nco2_eq_emissions: 10\n---\n`,
    n: 250,
    maxN: 40_000,
  },
  // shell/swift.ts: every flag of an ms-swift command looked up by name; exported process layouts before launches.
  {
    name: 'shell: a megatron sft line of thousands of flags',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      `NNODES=2 NPROC_PER_NODE=8 megatron sft --model Qwen/Qwen2.5-7B ${'--x_y 1 '.repeat(n)}--tuner_type lora\n`,
    n: 2_000,
    maxN: 100_000,
  },
  {
    name: 'shell: many exported NPROC_PER_NODE lines, each before a swift launch',
    reader: 'shell',
    file: 'a.sh',
    make: (n) => 'export NPROC_PER_NODE=2\nASCEND_RT_VISIBLE_DEVICES=0,1 swift sft x.yaml\n'.repeat(n),
    n: 500,
    maxN: 20_000,
  },
  // python/readers/standaloneLm.ts: config dicts, table updates and model constructions, each looked up in the file.
  {
    name: 'python: many GPT config dicts, each built into a model',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `from blocks import (\n    GPTModel,\n)\n${lines(n, (i) => `C${i} = {"vocab_size": 50257, "emb_dim": ${i + 1}, "n_layers": 2}\nmodel = GPTModel(C${i})`)}\n`,
    n: 200,
    maxN: 10_000,
  },
  {
    name: 'python: many table updates picking a size by a name set above',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `from blocks import GPTModel\nT = {"a": {"emb_dim": 8, "n_layers": 2}}\nB = {"vocab_size": 10}\n${lines(n, (i) => `K = "a"\nB.update(T[K])\nx${i} = 1`)}\nmodel = GPTModel(B)\n`,
    n: 200,
    maxN: 10_000,
  },
  {
    name: 'python: many generate_ and train_ calls handed a model',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\nclass GPTModel(torch.nn.Module):\n    pass\nmodel = GPTModel({})\n${lines(n, (i) => `out${i} = generate_text_simple(model=model, idx=x, max_new_tokens=${i})\ntrain_model_simple(model, loader, optimizer, num_epochs=s["e${i}"])`)}\n`,
    n: 200,
    maxN: 10_000,
  },
  // shell/notebookLaunch.ts: shell escapes continued over lines, read as one launch script.
  {
    name: 'notebook: a shell escape continued over thousands of lines',
    reader: 'notebookLaunches',
    file: 'a.ipynb',
    make: (n) =>
      `!torchrun --nproc_per_node 2 train.py \\\n${'    --output_dir out/x --bf16 True \\\n'.repeat(n)}    --x 1\n`,
    n: 500,
    maxN: 20_000,
  },
  {
    name: 'notebook: many shell escapes, each launching a script',
    reader: 'notebookLaunches',
    file: 'a.ipynb',
    make: (n) => lines(n, (i) => `!python train${i}.py --model_name_or_path org/m${i} --output_dir o${i}`),
    // From 400 lines: at 200 (~8 ms once warm) the first, colder run passed the measurable-size check, and a busy
    // host's collections moved the ratio to ×9–11 with no super-linear work left (the quadratic device look-up is gone).
    n: 400,
    maxN: 10_000,
  },
  // shellFacts.ts: folders written by exports, looked up for every later serving command.
  {
    name: 'shell: many exports, each followed by serving what it wrote',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      lines(n, (i) => `swift export --merge_lora true --output_dir out/m${i}\nswift infer --model out/m${i} --x 1`),
    n: 500,
    maxN: 20_000,
  },
  // python/readers/swift.ts: engines and pipelines, each reading its model and argument class.
  {
    name: 'python: many ms-swift engines and pipelines',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      lines(
        n,
        (i) =>
          `e${i} = VllmEngine('org/m-${i}', max_batch_size=${i + 1})\nsft_main(TrainArguments(model=m${i}, tuner_type='lora'))`,
      ),
    n: 200,
    maxN: 10_000,
  },
  // python/readers/mmengine.ts: a model tree of many nested component dicts (the walk is bounded) and many
  // module-level dicts, each a LoRA config, beside a schedule.
  {
    name: 'python: an mmengine config with a wide model tree and many module-level dicts',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `model = dict(type=M, ${Array.from({ length: n }, (_, i) => `c${i}=dict(type=A${i}, model_path="org/m${i}", llm=dict(type=B, torch_dtype=torch.float16))`).join(', ')})\n${lines(n, (i) => `x${i} = dict(type=LoraConfig, r=${i})`)}\ntrain_cfg = dict(type=TrainLoop, max_epochs=1)\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/mmengine.ts (module-level settings): many `_base_` entries and settings (the bases followed are capped).
  {
    name: 'python: an mmengine-style settings config with a long _base_ list and many module-level settings',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `_base_ = [${Array.from({ length: n }, (_, i) => `"b${i}.py"`).join(', ')}]\nmodel = dict(type="flux", from_pretrained=None, hidden_size=3072)\n${lines(n, (i) => `epochs = ${i + 1}\ndtype = "bf16"`)}\nsampling_option = dict(num_steps=50)\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/xtunerV1.ts: many module-level trainer configs (the last one counts), each naming its model config.
  {
    name: 'python: many module-level TrainerConfig assignments',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      lines(
        n,
        (i) => `m${i} = Qwen3Dense${i}BConfig()\ntrainer = TrainerConfig(model_cfg=m${i}, total_epoch=${i + 1})`,
      ),
    n: 200,
    maxN: 10_000,
  },
  // python/readers/torchtitan.ts: config-registry functions, each deriving from the ones before it (helper levels
  // propagated once per level, each definition's calls collected once).
  {
    name: 'python: a torchtitan config registry of functions calling all earlier ones',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `from torchtitan.trainer import Trainer
${lines(
  n,
  (i) => `def c${i}() -> Trainer.Config:
    x = ${i === 0 ? 'Trainer.Config(model_spec=model_registry("8B"), training=TrainingConfig(steps=10))' : `c${i - 1}()`}
    y = [${Array.from({ length: Math.min(i, 8) }, (_, k) => `c${k}()`).join(', ')}]
    return x`,
)}`,
    n: 200,
    maxN: 8_000,
  },
  // shell/torchtitan.ts: torchtitan launches with --module/--config and overrides, and run_train.sh with its environment.
  {
    name: 'shell: many torchtitan launches',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      lines(
        n,
        (i) =>
          `torchrun --nproc_per_node=8 -m torchtitan.train --module m${i} --config c${i} --training.steps ${i + 1} --comm.mode=\nNGPU=${(i % 8) + 1} MODULE=m CONFIG=c${i} ./run_train.sh --training.steps ${i + 1}`,
      ),
    n: 200,
    maxN: 10_000,
  },
  // config/yacs.ts: every MODEL sub-section is looked at for an architecture (DEPTH/DEPTHS beside EMBED_DIM).
  {
    name: 'config yacs: a MODEL section of many sub-sections, none of them an architecture',
    reader: 'config',
    file: 'y.yaml',
    make: (n) =>
      `MODEL:\n  TYPE: vit\n${lines(n, (i) => `  S${i}:\n    EMBED_DIM: ${i + 1}\n    FREEZE: False`)}\nTRAIN:\n  EPOCHS: 3\nDATA:\n  BATCH_SIZE: 4\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // config/structuredArgs.ts: the vocabulary in a tokenizer's file name, and a long run name.
  {
    name: 'config structured-args: a tokenizer path of digits and a long run name',
    reader: 'config',
    file: 's.yaml',
    make: (n) =>
      `name: ${'n'.repeat(n)}\nsteps: 10\noptim:\n  lr: 1\nmodel:\n  dim: 64\n  n_layers: 2\ndata:\n  tokenizer:\n    path: ${'1_'.repeat(n)}k.model\n`,
    n: 5_000,
    maxN: 200_000,
  },
  // config/instantiateConfig.ts: a long devices list and a long devices string (count capped, regex linear).
  {
    name: 'config instantiate-config: a trainer with a long devices list and string',
    reader: 'config',
    file: 'l.yaml',
    make: (n) =>
      `model:\n  target: a.B\n  params:\n    network_config:\n      target: ${'x.'.repeat(n)}U\nlightning:\n  trainer:\n    devices: [${Array.from({ length: n }, (_, i) => i).join(', ')}]\n    gpus: "${'0,'.repeat(n)}x"\n    max_epochs: 1\n`,
    n: 2_000,
    maxN: 40_000,
  },
  // python/entryPoint.ts: an OmegaConf.from_cli() program and many loads of something other than its config.
  {
    name: 'python: an OmegaConf.from_cli() program with many loads that are not its config',
    reader: 'python',
    file: 'g.py',
    make: (n) =>
      `from omegaconf import OmegaConf\nimport torch\n\ndef main():\n    cli = OmegaConf.from_cli()\n${lines(n, (i) => `    c${i} = OmegaConf.load(cli.path${i})`)}\n    model = torch.load(cli.ckpt)\n    model.generate(cli.x)\n\nif __name__ == "__main__":\n    main()\n`,
    n: 500,
    maxN: 20_000,
  },
  // shell/scriptCall.ts and shellFacts.ts passedFlags: sweeps of launch scripts held in variables, long paths, many flags.
  {
    name: 'shell: a sweep running launch scripts through a variable, with long paths and flags',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      lines(
        n,
        (i) =>
          `for z in 1 2\ndo\n  cmd="bash ${'d/'.repeat(20)}run_${i}.sh $z"\n  $cmd\ndone\n./${'x'.repeat(50)}\ntorchrun t.py ${'--f-x=1 '.repeat(30)}`,
      ),
    n: 200,
    maxN: 10_000,
  },
  // configFacts.ts phase tables: maps keyed by number, nested.
  {
    name: 'config: many tables of phases keyed by number',
    reader: 'config',
    file: 'p.yaml',
    make: (n) =>
      `model:\n  num_layers: 2\n  hidden_size: 8\n${lines(n, (i) => `t${i}:\n  "1": {num_epochs: ${i + 1}}\n  "2": {max_steps: 3}`)}\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/torch.ts stepStop: many `if step >= N: break` lines in a training loop.
  {
    name: 'python: a training loop with many step checks',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `def main():\n    while not done:\n        loss.backward()\n${lines(n, (i) => `        if step${'_'.repeat(i % 30)}x >= limit_${i}:\n            print(${i})`)}\n        if step >= 10:\n            break\nmain()\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/inputOptimisation.ts: a frozen model, an optimizer over named tensors, and thousands of bindings of
  // those names (each name's bindings are looked for in the whole file).
  {
    name: 'python: an input optimisation over many tensor bindings',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\nG = G.eval().requires_grad_(False)\n${lines(n, (i) => `w${i % 9} = torch.tensor(x${i}, dtype=torch.float32${' '.repeat(i % 200)})`)}\nw0 = torch.tensor(x, requires_grad=True)\nopt = torch.optim.Adam([w0, w1, w2, w3, w4, w5, w6, w7, w8])\nfor step in range(100):\n    loss = G(w0).sum()\n    loss.backward()\n    opt.step()\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/entryPoint.ts: a config-driven main guard (`yaml_path = sys.argv[1]`) with thousands of `with open(...)` lines.
  {
    name: 'python: a sys.argv[1] config program with many opened files',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import sys\nfrom omegaconf import OmegaConf\nif __name__ == '__main__':\n    yaml_path = sys.argv[1]\n${lines(n, (i) => `    with open(yaml_path${' '.repeat(i % 40)}, ${'x'.repeat(i % 60)}) as f${i}:\n        c = OmegaConf.load(g${i})`)}\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/submitit.ts: a submitit launcher with thousands of imports and update_parameters calls.
  {
    name: 'python: a submitit launcher with many imports and executor updates',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import submitit\n${lines(n, (i) => `import prog_${i} as p${i}`)}\ndef main():\n    ex = submitit.AutoExecutor(folder="j")\n${lines(n, (i) => `    ex.update_parameters(gpus_per_node=${i}, nodes=p${i}.main(x))`)}\n    ex.submit(p0.main)\nif __name__ == "__main__":\n    main()\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/megatron.ts: a Megatron program calling pretrain() and the generation API thousands of times.
  {
    name: 'python: a Megatron program with many pretrain and generation calls',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `from megatron.training import pretrain\nfrom megatron.inference.text_generation import generate_and_post_process\nif __name__ == "__main__":\n${lines(n, (i) => `    pretrain(d${i}, m, t, f)\n    generate_and_post_process(m${i}, prompts=p)`)}\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/entryPoint.ts executedRows: comments beside every module-level statement, each naming a definition.
  {
    name: 'python: module-level statements whose comments name definitions',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `def pretrain(m):\n    m.loss.backward()\n${lines(n, (i) => `X_${i} = {"k": None,  # set in pretrain() # ${'#'.repeat(i % 50)} pretrain`)}\n${lines(n, () => '}')}\n`,
    n: 200,
    maxN: 10_000,
  },
  // shellFacts.ts: many sourced pieces (`. \`pwd\`/x.sh`) and launches through a launcher variable set elsewhere.
  {
    name: 'shell: many sourced pieces and launches through an unset launcher variable',
    reader: 'shell',
    file: 'a.sh',
    make: (n) =>
      lines(
        n,
        (i) =>
          `. \`pwd\`/piece_${i}.sh\n\${LAUNCH_${i}} \${DIR}/prog_${i}.py --guess-file g --answer-file a --finetune`,
      ),
    n: 200,
    maxN: 10_000,
  },
  // python/readers/diffusion.ts: a sampler with many family markers, loops, unresolvable casts and class headers.
  {
    name: 'python: a diffusion sampler with many markers, loops and casts',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import torch\n${lines(n, (i) => `class C${i}(${'w'.repeat(i % 90)}.Base${i}):\n    pass`)}\nif __name__ == "__main__":\n${lines(n, (i) => `    sdxl_train_util.f${i}(flux_utils.g${i}, lumina_util.h${i})\n    for t${i} in range(${i}):\n        unet.to(dev, dtype=D${i % 7})\n    D${i % 7} = torch.float${i % 3}`)}\n    latents = scheduler.step(noise, t, latents).prev_sample\n    cache_latents(vae)\n    x = models[args.model]()\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/yolo.ts and tfEstimator.ts: many weight flags and TF flags (each read once), classes, estimator calls.
  {
    name: 'python: a YOLO/TF1 program with many flags, classes and estimator calls',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import tensorflow as tf\nflags = tf.flags\n${lines(n, (i) => `flags.DEFINE_integer("num_train_steps_${i}", ${i}, "h")\nflags.DEFINE_string("m${i}_config_file", None, "pre-trained ${i}")\nclass L${i}(Base):\n    pass`)}\nif __name__ == "__main__":\n    p = argparse.ArgumentParser()\n${lines(n, (i) => `    p.add_argument("--weights", default=ROOT / "yolov5s${i % 7}.pt")\n    p.add_argument("--epochs", default=${i})\n    est = tf.estimator.Estimator(model_fn=f)\n    est.train(input_fn=train_input_fn, max_steps=${i})\n    est.predict(input_fn)`)}\n    tf.app.run()\n`,
    n: 200,
    maxN: 10_000,
  },
  // python/readers/mlxTrain.ts: many pipelines rebound in one scope, each generation call looks back over them.
  {
    name: 'python: an MLX program with many pipeline bindings and generation calls',
    reader: 'python',
    file: 'a.py',
    make: (n) =>
      `import mlx.core as mx\nimport mlx.optimizers as optim\n${lines(n, (i) => `p.add_argument("--no-float16", dest="float16", action="store_false")\nsd = StableDiffusionXL("org/m${i}", float16=args.float16)\nlatents = sd.generate_latents("x", num_steps=${i})\noptimizer.update(model, grads)\nl${i} = LoRALinear.from_linear(q)\nmodel = getattr(resnet, args.arch)()`)}\n`,
    n: 100,
    maxN: 5_000,
  },
  // extract/gin: values whose brackets never close (each continues at most MAX_VALUE_LINES lines, read once), a
  // macro chain longer than the resolution depth, long quoted lines with '#' and brackets inside strings.
  {
    name: 'gin: unclosed brackets, long macro chains and quoted brackets',
    reader: 'gin',
    file: 'x.gin',
    make: (n) =>
      `MODEL = @models.EncoderDecoderModel()\nnetwork.T5Config:\n  emb_dim = %M0\n${lines(n, (i) => `M${i} = %M${i + 1}`)}\n${lines(n, (i) => `A${i} = (${'('.repeat(i % 50)}`)}\nS = "${'(#['.repeat(n)}"\nblock${'.x'.repeat(8)}:\n${lines(n, (i) => `  p${i} = [${i},`)}\n`,
    n: 500,
    maxN: 20_000,
  },
  // extract/config/yacsDefaults.ts: a defaults module of many `_C.` lines, long keys and values.
  {
    name: 'yacs defaults: many _C assignments with long keys',
    reader: 'yacsDefaults',
    file: 'config.py',
    make: (n) =>
      `_C = CN()\n${lines(n, (i) => `_C.${'A.'.repeat(i % 12)}K${i} = ${i % 2 ? "'" + 'x'.repeat(300) : 'True'}`)}\n_C.TRAIN.EPOCHS = 3\n`,
    n: 1_000,
    maxN: 40_000,
  },
  // scan/documentedSizes.ts: a README's model tables: many rows, a delimiter-like line of many columns, a row of
  // many pipes, links and path-like words.
  {
    name: 'documentation tables: many rows, long delimiter and link-filled rows',
    reader: 'docSizes',
    file: 'README.md',
    make: (n) =>
      [
        '| Model | #Params (M) | Config |',
        `|${'---|'.repeat(n)}`,
        ...Array.from(
          { length: n },
          (_, i) => `| m${i} | ${i}.5 | [c](configs/a_${i}_config_name.py) ${'](x'.repeat(20)} |`,
        ),
        `|${'-|'.repeat(n)}-- x`,
        `| a | ${'|'.repeat(n)} |`,
        `| b | 1M | ${'a/'.repeat(n)}b.py ${'x_y.'.repeat(n)} |`,
      ].join('\n'),
    n: 200,
    maxN: 20_000,
  },
];

/** A small repository written to disk for the CLI (FIFOs and links are made here, at test time). */
export interface FolderCase {
  readonly name: string;
  readonly cls: HostileClass;
  /** Writes the repository under `dir` (an empty folder). */
  readonly build: (dir: string) => void;
  /** CLI arguments; `dir` is the repository folder. */
  readonly args: (dir: string) => string[];
  /** Allowed exit statuses. */
  readonly exit: readonly number[];
  /** What stderr must say (the reason, by name). */
  readonly stderr?: RegExp;
  /** What stdout must hold (the rest of the report). */
  readonly stdout?: RegExp;
  /** What must never appear in stdout or stderr (a file outside the folder, an escape sequence). */
  readonly never?: RegExp;
}

const TRAIN =
  'from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("gpt2")\nTrainer(model=model, args=TrainingArguments(output_dir="o", num_train_epochs=1)).train()\n';
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

/** mkfifo through the system tool (node has no binding); false where the platform has none. */
export function makeFifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

/** Cases that need a real process: a regression here hangs or exhausts memory, so they run as children with limits. */
export const PROCESS_CASES: readonly FolderCase[] = [
  {
    // The fast YAML parser's escape reading ran on forever after a bad escape on a file's last line: found by the
    // property test's mutations (a DeepSpeed JSON cut inside a key), then by a fuzzer over a million mutations.
    name: 'YAML and JSON configs with a bad escape in a double-quoted scalar on their last line are read, not a hang',
    cls: 'super-linear',
    build: (dir) => {
      write(path.join(dir, 'train.py'), TRAIN);
      write(path.join(dir, 'configs/a.yaml'), 'base_model: gpt2\nrun_name: "sweep\\uzzzz"\n');
      write(path.join(dir, 'configs/b.yaml'), 'num_epochs: 3\nnote: "x\\xZ');
      write(
        path.join(dir, 'configs/ds.json'),
        '{\n  "train_micro_batch_size_per_gpu": 12,\n  "gradient_acc\\umu<w#lation_steps',
      );
      write(path.join(dir, 'configs/c.yml'), 'k: "\\U0000zzzz');
    },
    args: (dir) => ['report', dir, '--json'],
    exit: [0],
    stdout: /"file": "train\.py"/,
  },
  {
    name: 'FIFOs named like a script, emissions.csv and a model card are skipped; the rest is reported',
    cls: 'fifo-device',
    build: (dir) => {
      write(path.join(dir, 'train.py'), TRAIN);
      for (const name of ['stuck.py', 'emissions.csv', 'README.md', 'launch.sh']) makeFifo(path.join(dir, name));
    },
    args: (dir) => ['report', dir, '--json'],
    exit: [0],
    stderr: /stuck\.py: skipped, a FIFO/,
    stdout: /"file": "train\.py"/,
  },
  {
    name: '.greenai.json as a FIFO is an error, not a hang',
    cls: 'fifo-device',
    build: (dir) => (write(path.join(dir, 'train.py'), TRAIN), makeFifo(path.join(dir, '.greenai.json'))),
    args: (dir) => ['report', dir],
    exit: [2],
    stderr: /\.greenai\.json: a FIFO/,
  },
  {
    name: '--spec naming a FIFO is an error, not a hang',
    cls: 'fifo-device',
    build: (dir) => makeFifo(path.join(dir, 'spec.json')),
    args: (dir) => ['estimate', '--spec', path.join(dir, 'spec.json')],
    exit: [2],
    stderr: /a FIFO/,
  },
  {
    name: 'estimate naming a FIFO script is an error, not a hang',
    cls: 'fifo-device',
    build: (dir) => makeFifo(path.join(dir, 'train.py')),
    args: (dir) => ['estimate', path.join(dir, 'train.py')],
    exit: [2],
    stderr: /not a regular file/,
  },
  {
    name: '.greenai.json and emissions.csv linked to /dev/zero are not read',
    cls: 'memory',
    build: (dir) => {
      write(path.join(dir, 'a/train.py'), TRAIN);
      fs.symlinkSync('/dev/zero', path.join(dir, 'a/emissions.csv'));
      write(path.join(dir, 'b/train.py'), TRAIN);
      fs.symlinkSync('/dev/zero', path.join(dir, 'b/.greenai.json'));
    },
    args: (dir) => ['report', path.join(dir, 'a')],
    exit: [0],
    stderr: /emissions\.csv: skipped, a symbolic link to a file outside the folder/,
  },
  {
    name: '.greenai.json linked to /dev/zero is an error',
    cls: 'memory',
    build: (dir) => (
      write(path.join(dir, 'train.py'), TRAIN),
      fs.symlinkSync('/dev/zero', path.join(dir, '.greenai.json'))
    ),
    args: (dir) => ['report', dir],
    exit: [2],
    stderr: /\.greenai\.json: a symbolic link to a file outside the folder/,
  },
  {
    name: 'a Python file and a YAML config nested 100,000 levels deep are skipped with the reason; the normal run is reported',
    cls: 'super-linear',
    build: (dir) => {
      write(path.join(dir, 'finetune.py'), TRAIN);
      // Tree-sitter's query cursor took 38 s on a 100k-deep chained assignment, in one call no budget interrupts.
      write(
        path.join(dir, 'deep.py'),
        `import torch\nhidden_size = ${'n_layer = '.repeat(100_000)}1\nfor epoch in range(3):\n    loss.backward()\n`,
      );
      write(
        path.join(dir, 'deep.yaml'),
        `model_name_or_path: gpt2\nnum_train_epochs: 3\nx:\n${'- '.repeat(100_000)}1\n`,
      );
    },
    args: (dir) => ['report', dir, '--json'],
    exit: [0, 3],
    stderr:
      /^(?=[^]*deep\.py: skipped, its code nests more than 4,000 levels deep)(?=[^]*deep\.yaml: skipped, it nests more than 100 levels)/,
    stdout: /"file": "finetune\.py"/,
  },
  {
    name: 'a corpus of pathological files in one report: every reader bounded, the normal run still reported',
    cls: 'super-linear',
    build: (dir) => {
      // The normal run is in finetune.py: the shell files launch train.py, which is not there.
      write(path.join(dir, 'finetune.py'), TRAIN);
      write(path.join(dir, 'newlines.sh'), '\n'.repeat(200_000));
      write(path.join(dir, 'nested.sh'), `X="${'${a-'.repeat(50_000)}"\ntorchrun train.py $X\n`);
      write(
        path.join(dir, 'flags.sh'),
        `torchrun train.py ${Array.from({ length: 20_000 }, (_, i) => `--f${i} 1`).join(' ')}\n`,
      );
      write(
        path.join(dir, 'grow.sh'),
        `A=xxxxxxxxxx\n${'A="$A $A $A $A $A $A $A $A $A $A"\n'.repeat(40)}torchrun train.py $A\n`,
      );
      write(path.join(dir, 'sweep.sh'), 'for i in {1..100000000}; do\n  torchrun --nproc_per_node 8 train.py\ndone\n');
      write(
        path.join(dir, 'sky.yaml'),
        `resources:\n  accelerators: A100:8\nrun: |+\n  torchrun train.py\n${'\n'.repeat(100_000)}  echo\n`,
      );
      write(
        path.join(dir, 'directives.py'),
        `# green-ai: ${Array.from({ length: 50_000 }, (_, i) => `k${i}=1`).join(' ')}\nimport torch\nfor epoch in range(3):\n    loss.backward()\n`,
      );
      write(
        path.join(dir, 'ctor.py'),
        '# green-ai: constructor=1 __proto__=2 toString=3\nimport torch\nfor epoch in range(3):\n    loss.backward()\n',
      );
      write(
        path.join(dir, 'nb.ipynb'),
        JSON.stringify({ cells: [{ cell_type: 'code', source: [{ toString: 1 }, 'import torch\n'] }] }),
      );
      write(
        path.join(dir, 'gpu/emissions.csv'),
        `timestamp,project_name,run_id,duration,emissions,energy_consumed,gpu_model,gpu_count\n2024,x,r,100,1,1,"1 x ${'1'.repeat(100_000)}",\n`,
      );
      write(path.join(dir, 'gpu/train.py'), 'import torch\nfor epoch in range(3):\n    loss.backward()\n');
      let bomb = '---\na: &a [x,x,x,x,x,x,x,x,x,x]\n';
      let prev = 'a';
      for (let i = 0; i < 12; i++) {
        bomb += `b${i}: &b${i} [${Array(10).fill(`*${prev}`).join(',')}]\n`;
        prev = `b${i}`;
      }
      write(path.join(dir, 'card/README.md'), `${bomb}co2_eq_emissions: 10\n---\n`);
      write(path.join(dir, 'card/train.py'), 'import torch\nfor epoch in range(3):\n    loss.backward()\n');
      fs.mkdirSync(path.join(dir, 'loop'));
      fs.symlinkSync('..', path.join(dir, 'loop/up'));
    },
    args: (dir) => ['report', dir, '--json'],
    exit: [0],
    stdout: /"file": "finetune\.py"/,
    stderr: /sweep\.sh: the loop at line 1 would launch 100,000,000 runs/,
  },
  {
    // python/readers/importedNetworkClass.ts and analyze.ts countedClassFacts: a program's network class is looked
    // for through the modules it is imported from. Star imports that import each other in a ring, a package gathering
    // hundreds of modules, and a relative import climbing out of the opened folder are searched within their bounds,
    // and never outside the folder.
    name: 'a network class behind star imports in a ring, a wide package and a relative import out of the folder',
    cls: 'outside-folder',
    build: (dir) => {
      const program = (imports: string, build: string) =>
        `import torch\n${imports}\nmodel = ${build}\nopt = torch.optim.Adam(model.parameters())\nfor x in data:\n    model(x).sum().backward()\n    opt.step()\n`;
      const repo = path.join(dir, 'repo');
      write(
        path.join(dir, 'secret.py'),
        'import torch.nn as nn\nclass Secret(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.l = nn.Linear(1234, 5678)\n',
      );
      write(path.join(repo, 'pkg/sub/escape.py'), program('from ...secret import Secret', 'Secret()'));
      write(path.join(repo, 'ring.py'), program('from ring_a import Hidden', 'Hidden()'));
      write(path.join(repo, 'ring_a.py'), 'from ring_b import *\n');
      write(path.join(repo, 'ring_b.py'), 'from ring_a import *\n');
      write(path.join(repo, 'wide.py'), program('from wide_pkg import Last', 'Last()'));
      write(
        path.join(repo, 'wide_pkg/__init__.py'),
        Array.from({ length: 500 }, (_, i) => `from .m${i} import *`).join('\n') + '\n',
      );
      for (let i = 0; i < 500; i++) write(path.join(repo, `wide_pkg/m${i}.py`), `from . import m${(i + 1) % 500}\n`);
      write(path.join(repo, 'train.py'), TRAIN);
    },
    args: (dir) => ['report', path.join(dir, 'repo'), '--json'],
    exit: [0],
    stdout: /"file": "train\.py"/,
    never: /7012330|7,012,330|7\.01e6|layers of Secret/,
  },
];

const git = (dir: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${String(r.stderr)}`);
};

/** `green-ai diff` as a gate: what the head cannot estimate must fail it, as `report --budget-kg` does. */
export const DIFF_CASES: readonly FolderCase[] = [
  {
    name: "diff --budget-kg: the head's .greenai.json naming an unknown region is an error (exit 2), not a pass",
    cls: 'fail-open',
    build: (dir) => (
      write(path.join(dir, 'base/train.py'), TRAIN),
      write(path.join(dir, 'head/train.py'), TRAIN),
      write(path.join(dir, 'head/.greenai.json'), '{"region": "eu-nort-1"}')
    ),
    args: (dir) => ['diff', path.join(dir, 'base'), path.join(dir, 'head'), '--budget-kg', '1000'],
    exit: [2],
    stderr: /unknown region "eu-nort-1"/,
  },
  {
    name: 'diff --budget-delta-kg: a head directive naming an unknown accelerator is an error (exit 2), not a zero delta',
    cls: 'fail-open',
    build: (dir) => (
      write(path.join(dir, 'base/train.py'), TRAIN),
      write(path.join(dir, 'head/train.py'), `# green-ai: accelerator=Z9000\n${TRAIN}`)
    ),
    args: (dir) => ['diff', path.join(dir, 'base'), path.join(dir, 'head'), '--budget-delta-kg', '1000'],
    exit: [2],
    stderr: /unknown accelerator "Z9000"/,
  },
  {
    name: 'diff --budget-kg: a head run whose size must be given cannot pass the budget (exit 3)',
    cls: 'fail-open',
    build: (dir) => (
      write(path.join(dir, 'base/train.py'), TRAIN),
      write(path.join(dir, 'head/train.py'), TRAIN.replace('"gpt2"', '"someorg/unknown-model"'))
    ),
    args: (dir) => ['diff', path.join(dir, 'base'), path.join(dir, 'head'), '--budget-kg', '1000'],
    exit: [3],
    stderr: /cannot check against the budget: train\.py/,
  },
  {
    name: '.greenai.json whose region is not a string is an error (exit 2), not a field left out',
    cls: 'fail-open',
    build: (dir) => (
      write(path.join(dir, 'train.py'), TRAIN),
      write(path.join(dir, '.greenai.json'), '{"region": ["FR"]}')
    ),
    args: (dir) => ['report', dir, '--budget-kg', '1000'],
    exit: [2],
    stderr: /region must be a string/,
  },
  {
    name: 'diff --git does not read a tracked file through a folder replaced by a symlink out of the tree',
    cls: 'outside-folder',
    build: (dir) => {
      write(
        path.join(dir, 'outside/x.py'),
        'from transformers import AutoModelForCausalLM, Trainer\nm = AutoModelForCausalLM.from_pretrained("SECRET-OUTSIDE-GIT")\nTrainer(model=m).train()\n',
      );
      const repo = path.join(dir, 'repo');
      write(path.join(repo, 'train.py'), TRAIN);
      write(path.join(repo, 'sub/x.py'), 'x = 1\n');
      git(repo, 'init', '-q');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'base');
      fs.rmSync(path.join(repo, 'sub'), { recursive: true });
      fs.symlinkSync(path.join(dir, 'outside'), path.join(repo, 'sub'));
    },
    args: (dir) => ['diff', '--git', 'HEAD', path.join(dir, 'repo'), '--json'],
    exit: [0],
    never: /SECRET-OUTSIDE/,
  },
];

/** The same run (a Trainer on gpt2), wrapped in whatever a case needs. */
export const TRAIN_SCRIPT = TRAIN;
export { write as writeFile };
