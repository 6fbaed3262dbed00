import type { ConfigDialect, ConfigDoc, ConfigValue, FactSink } from './dialect';

/**
 * ParlAI configs that put a trained model in front of people, each an inference run of that model:
 *
 * - a chat-service task config (parl.ai docs "Chat Services": `parlai/chat_service/services/<service>/run.py
 *   --config-path config.yml`): the task's worlds (`world_module`, `overworld`, `tasks`) and under `opt.models` each
 *   model the bot answers with, by its ParlAI options (`model`, `model_file: zoo:...`, `no_cuda`);
 * - a crowdsourcing task config of ParlAI's model-chat family (parlai/crowdsourcing, Mephisto Hydra configs:
 *   `mephisto.blueprint` with `model_opt_path` naming the YAML of each model's options, and
 *   `conversations_needed_string: "<model>:<count>"` (or `"<model>:<model>:<count>"` for a pairwise comparison), the
 *   conversations to collect with each), or a Fast-ACUTE config (`mephisto.blueprint.models` to compare and
 *   `num_self_chats` each runs before the evaluation). The model is the first one named; ParlAI runs it as its options
 *   file says.
 */

/** A chat-service task config: its worlds and the models it serves. */
function chatServiceModels(doc: ConfigDoc): ConfigValue | undefined {
  if (!doc.has('world_module') || !(doc.has('overworld') || doc.has('tasks'))) return undefined;
  const models = doc.get('opt.models');
  return models?.shape === 'map' ? models : undefined;
}

/** A model-chat crowdsourcing blueprint: the options file of its models. */
const blueprint = (doc: ConfigDoc) => doc.get('mephisto.blueprint');
const modelChat = (doc: ConfigDoc) =>
  blueprint(doc)?.shape === 'map' &&
  typeof doc.str('mephisto.blueprint.model_opt_path') === 'string' &&
  (doc.has('mephisto.blueprint.conversations_needed_string') ||
    doc.has('mephisto.blueprint.num_conversations') ||
    doc.has('mephisto.blueprint.num_turns'));
const fastAcute = (doc: ConfigDoc) =>
  blueprint(doc)?.shape === 'map' &&
  typeof doc.str('mephisto.blueprint.models') === 'string' &&
  doc.has('mephisto.blueprint.num_self_chats');

/** `name:10`, `a:b:100`: the model names before the count (ParlAI crowdsourcing's conversations_needed_string). */
function neededModels(raw: string): string[] {
  const names: string[] = [];
  for (const part of raw.slice(0, 2000).split(',').slice(0, 32)) {
    const fields = part.trim().split(':');
    if (fields.length < 2 || !/^\d+$/.test(fields[fields.length - 1])) continue;
    for (const name of fields.slice(0, -1)) if (/^[\w./-]{1,120}$/.test(name)) names.push(name);
  }
  return names;
}

export const parlaiServing: ConfigDialect = {
  name: 'parlai-serving',
  words: ['world_module', 'model_opt_path', 'num_self_chats'],
  detect: (doc) => chatServiceModels(doc) !== undefined || modelChat(doc) || fastAcute(doc),
  read(doc: ConfigDoc, out: FactSink): void {
    const models = chatServiceModels(doc);
    if (models) {
      const first = doc.entries('opt.models')[0];
      out.add(
        'launch.inference',
        'config:parlai-chat-service',
        models,
        'a ParlAI chat service answers with opt.models',
      );
      out.add('training.mode', 'inference', models, 'a chat service runs its models, no training', 'medium');
      if (!first) return;
      const base = `opt.models.${first.key}`;
      const file = doc.get(`${base}.model_file`);
      const agent = doc.get(`${base}.model`);
      const named = typeof file?.value === 'string' ? file : typeof agent?.value === 'string' ? agent : undefined;
      if (named)
        out.add('model.id', String(named.value), named, `opt.models.${first.key}.${named.key}: the model served`);
      return;
    }
    const where = blueprint(doc)!;
    if (fastAcute(doc)) {
      const listed = doc.get('mephisto.blueprint.models')!;
      out.add(
        'launch.inference',
        'config:parlai-fast-acute',
        listed,
        'Fast-ACUTE: self-chats of each model, then evaluation',
      );
      out.add('training.mode', 'inference', listed, 'the models chat with themselves, no training', 'medium');
      out.add(
        'model.id',
        null,
        listed,
        'models are keys of the config_path file, which names their ParlAI options',
        'low',
      );
      return;
    }
    const needed = doc.get('mephisto.blueprint.conversations_needed_string');
    out.add(
      'launch.inference',
      'config:parlai-model-chat',
      needed ?? where,
      'a ParlAI model-chat task: crowdworkers chat with the models of model_opt_path',
    );
    out.add('training.mode', 'inference', needed ?? where, 'the models answer crowdworkers, no training', 'medium');
    const names = typeof needed?.value === 'string' ? neededModels(needed.value) : [];
    if (needed && names.length > 0)
      out.add(
        'model.id',
        names[0],
        needed,
        `conversations_needed_string: ${names[0]} (a key of model_opt_path)`,
        'medium',
      );
  },
};
