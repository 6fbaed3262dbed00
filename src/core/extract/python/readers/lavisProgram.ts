import type { CallRule } from '../rules';

/**
 * A LAVIS-style program (MiniGPT-4's and BLIP-2's demos, `train.py`) builds its settings with `Config(args)` from
 * the YAML given as `--cfg-path`. When that flag is required the program is config-driven (each config is a run,
 * see entryPoint.ts); when it has a default (`default="eval_configs/chat.yaml"`), the program starts as it is with
 * that config, so it links it: the config says the model and whether it trains or answers.
 */

/** `add_argument("--cfg-path", ..., default="x.yaml")`: one call on a bounded stretch of text, no nested repeats. */
const CFG_PATH_DEFAULT =
  /add_argument\(\s{0,20}["']--cfg[-_]path["'][^)\n]{0,300}?\bdefault\s{0,5}=\s{0,5}["']([\w./-]{1,200}\.ya?ml)["']/;

/** How the link's detail starts: the resolver lets the linked config's start be this program's (factsToSpec.ts). */
export const DEFAULT_CONFIG_LINK = 'Config(args) reads --cfg-path, by default';

export const lavisProgramConfig: CallRule = {
  framework: 'lavis',
  callees: ['Config'],
  words: ['Config(', '--cfg'],
  runStart: [/--cfg[-_]path/, /\bConfig\(\s{0,5}args\s{0,5}\)/],
  when: ({ node }) => /^\(\s*args\s*\)$/.test(node.childForFieldName('arguments')?.text ?? ''),
  read: ({ node, ctx }) => {
    const m = CFG_PATH_DEFAULT.exec(ctx.text);
    if (!m) return false;
    ctx.add('link.config', m[1], node, `${DEFAULT_CONFIG_LINK} ${m[1]}`, 'medium');
    return false;
  },
};
