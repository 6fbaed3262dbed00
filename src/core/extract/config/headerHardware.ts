import type { ConfigDoc, FactSink } from './dialect';

/**
 * The machines a recipe was written for, as its header comment states them: "Config for 1 node of
 * 8 x H100s", "16 nodes of 8 H100s with FSDP", "Runs on 8xA100". Recipe collections (TRL /
 * alignment-handbook style, open fine-tuning recipes) put the hardware there because the YAML has
 * no key for it: the launcher's config or command decides. A careful reader takes the comment as
 * the authors' statement, but it is prose (it can be stale, and the launch can differ), so it is
 * read with medium confidence for the explicit "N nodes of M x GPU" form and low for a bare
 * "M x GPU", only from the comment block above the first key, and never over a count a key states.
 */

/** Longer comment lines are not headers of this kind; the cap also bounds the matching below. */
const MAX_LINE = 200;
/** "1 node of 8 x H100s", "2 nodes w/ 8 H100", "4 machines x 8 GPUs". */
const NODES_OF =
  /\b(\d{1,4})\s{0,3}(?:nodes?|machines?|hosts?)\s{0,3}(?:of|with|w\/|x|×)\s{0,3}(\d{1,3})\s{0,3}(?:x|×)?\s{0,3}([a-z][\w-]{0,30})/i;
/** "2 8xH100 nodes". */
const NODES_OF_MACHINES =
  /\b(\d{1,4})\s{1,3}(\d{1,3})\s{0,3}(?:x|×)\s{0,3}([a-z][\w-]{0,30})\s{1,3}(?:nodes?|machines?|hosts?)\b/i;
/** "8 x H100s", "8xA100", "8 GPUs". */
const COUNT_OF = /\b(\d{1,4})\s{0,3}(?:x|×)?\s{0,3}([a-z][\w-]{0,30})/gi;
/** The names that make the count one of accelerators: data-centre and workstation GPU families, or "GPU". */
const ACCELERATOR =
  /^(gpus?|[abh]\d{2,3}[a-z]{0,3}|gh200|gb200|v100|p100|t4|l4|l40s?|a10g?|mi\d{3}[a-z]?|rtx\w*|tpu\w*)$/i;

export function acceleratorName(word: string): { generic: boolean; name: string } | undefined {
  const w = word.replace(/-\w*$/, '');
  if (!ACCELERATOR.test(w)) return undefined;
  const name = (/^l40s$/i.test(w) ? w : w.replace(/s$/i, '')).toUpperCase();
  return { generic: /^GPU$/.test(name), name };
}

export function readHeaderHardware(doc: ConfigDoc, out: FactSink): void {
  if (out.facts.some((f) => f.kind === 'hardware.devices' && f.value !== null)) return;
  const first = doc.entries()[0];
  if (!first) return;
  const headerEnd = first.keyRange.startLine;
  for (const c of doc.comments()) {
    if (c.line >= headerEnd) break;
    if (c.text.length > MAX_LINE) continue;
    const range = { startLine: c.line, startCol: 0, endLine: c.line, endCol: c.text.length };
    const nodes = NODES_OF.exec(c.text) ?? NODES_OF_MACHINES.exec(c.text);
    const nodeGpu = nodes ? acceleratorName(nodes[3]) : undefined;
    if (nodes && nodeGpu) {
      const n = Number(nodes[1]);
      const m = Number(nodes[2]);
      if (n > 0 && m > 0) {
        out.add('hardware.devices', m, range, `header comment "${c.text}": ${m} GPUs per node`, 'medium');
        out.add('hardware.nodes', n, range, `header comment "${c.text}": ${n} node${n > 1 ? 's' : ''}`, 'medium');
        if (!nodeGpu.generic) out.add('hardware.accelerator', nodeGpu.name, range, `header comment "${c.text}"`, 'low');
        return;
      }
    }
    const counts = [...c.text.matchAll(COUNT_OF)]
      .map((m) => ({ count: Number(m[1]), gpu: acceleratorName(m[2]) }))
      .filter((m) => m.gpu && m.count > 0);
    // "2xB200 / 8xH100": alternatives, not a statement of what the recipe runs on.
    if (counts.length > 1) return;
    if (counts.length === 1) {
      const { count, gpu } = counts[0];
      out.add('hardware.devices', count, range, `header comment "${c.text}": ${count} GPUs`, 'low');
      if (!gpu!.generic) out.add('hardware.accelerator', gpu!.name, range, `header comment "${c.text}"`, 'low');
      return;
    }
  }
  if (readBatchComment(doc, out)) return;
  readTrainedOn(doc, out);
}

/**
 * "batch_size: 192  # 32 GPUs" (solver configs of dora/Hydra-style research code, where the launcher picks the
 * machines): a comment beside a batch size that is nothing but a device count states the GPUs the batch was
 * written for. Only that bare form ("32 GPUs", "8 x A100"), on a line whose key names a batch, one statement (two
 * different counts say nothing), low confidence, and never over a count a key states.
 */
const BATCH_LINE =
  /^[ \t]{0,40}[\w.-]{0,40}batch[\w.-]{0,20}[ \t]{0,4}[:=][ \t]{0,4}\d{1,7}[ \t]{1,8}#[ \t]{0,4}([^\n]{1,60})$/i;
/**
 * The bare count, optionally followed by the arithmetic that restates it ("8 GPUs, 8 * 38400 = 307200": the count
 * times the batch is the global batch); the restated count must be the same number.
 */
const BARE_COUNT =
  /^(\d{1,4})[ \t]{0,3}(?:x|×)?[ \t]{0,3}([a-z][\w-]{0,30})[ \t]{0,4}(?:[,;][ \t]{0,4}(\d{1,4})[ \t]{0,3}[*x×][ \t]{0,3}\d{1,9}[ \t]{0,3}=[ \t]{0,3}\d{1,12}[ \t]{0,4})?$/i;
const MAX_BATCH_LINES = 5000;
/**
 * "batch_size: 256 # 32 per GPU * 8 GPU": the per-device batch times the device count, restating the batch on the
 * line (MMF-style project configs). Read only when the product is the batch written, so the count is the one the
 * global batch was split over.
 */
const PER_DEVICE_TIMES =
  /^(\d{1,6})[ \t]{0,3}(?:per|\/)[ \t]{0,3}(?:gpu|device)[ \t]{0,3}[*x×][ \t]{0,3}(\d{1,4})[ \t]{0,3}([a-z][\w-]{0,30})$/i;
const BATCH_VALUE = /[:=][ \t]{0,4}(\d{1,7})[ \t]/;

/** The device count a "<per device> per GPU * <count> GPU" comment states, when the product is the line's batch. */
function perDeviceTimes(
  line: string,
  comment: string,
): { count: number; gpu: { generic: boolean; name: string } } | undefined {
  const m = PER_DEVICE_TIMES.exec(comment);
  const gpu = m ? acceleratorName(m[3]) : undefined;
  const batch = Number(BATCH_VALUE.exec(line)?.[1]);
  if (!m || !gpu || !(Number(m[2]) > 0) || Number(m[1]) * Number(m[2]) !== batch) return undefined;
  return { count: Number(m[2]), gpu };
}

function readBatchComment(doc: ConfigDoc, out: FactSink): boolean {
  if (!/batch/i.test(doc.text) || !doc.text.includes('#')) return false;
  let found: { count: number; line: number; text: string; gpu: string; length: number } | undefined;
  const lines = doc.text.split('\n', MAX_BATCH_LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > MAX_LINE || !line.includes('#')) continue;
    const m = BATCH_LINE.exec(line);
    const bare = m ? BARE_COUNT.exec(m[1].trimEnd()) : null;
    const times = m && !bare ? perDeviceTimes(line, m[1].trimEnd()) : undefined;
    const gpu = bare ? acceleratorName(bare[2]) : times?.gpu;
    const count = bare ? Number(bare[1]) : (times?.count ?? 0);
    if ((!bare && !times) || !gpu || !(count > 0) || (bare?.[3] !== undefined && bare[3] !== bare[1])) continue;
    if (found && found.count !== count) return false;
    found ??= {
      count,
      line: i,
      text: line.trim(),
      gpu: gpu.generic ? '' : gpu.name,
      length: line.length,
    };
  }
  if (!found) return false;
  const range = { startLine: found.line, startCol: 0, endLine: found.line, endCol: found.length };
  out.add(
    'hardware.devices',
    found.count,
    range,
    `comment beside the batch size "${found.text}": ${found.count} GPUs`,
    'low',
  );
  if (found.gpu) out.add('hardware.accelerator', found.gpu, range, `comment "${found.text}"`, 'low');
  return true;
}

/**
 * "# batch size (trained on 32 gpus)" beside a per-GPU batch in a released model's config (GPT-NeoX-style training
 * configs): the authors' statement, in the past tense, of the GPUs the run was trained on, which a careful reader
 * takes (the global batch is the per-GPU batch times these). The same sentence in a Python config of the OpenMMLab
 * family ("# By default, models are trained on 8 GPUs with 2 images per GPU" above `samples_per_gpu`) is read by
 * python/readers/trainedOnComment.ts with trainedOnStatement. Only that explicit form, anywhere in the comments, one
 * statement (two different counts say nothing), low confidence, and never over a count a key states.
 */
const TRAINED_ON = /\btrained\s{1,3}(?:on|with|using)\s{1,3}(\d{1,5})\s{0,3}(?:x\s{0,3})?([a-z][\w-]{0,30})/i;

/** The one "trained on N GPUs" statement of these comment lines (see readTrainedOn); undefined for none or two counts. */
export function trainedOnStatement(
  comments: Iterable<{ readonly line: number; readonly text: string }>,
): { count: number; line: number; text: string; gpu: string } | undefined {
  let found: { count: number; line: number; text: string; gpu: string } | undefined;
  for (const c of comments) {
    if (c.text.length > MAX_LINE) continue;
    const m = TRAINED_ON.exec(c.text);
    const gpu = m ? acceleratorName(m[2]) : undefined;
    if (!m || !gpu || !(Number(m[1]) > 0)) continue;
    if (found && found.count !== Number(m[1])) return undefined;
    found ??= { count: Number(m[1]), line: c.line, text: c.text, gpu: gpu.generic ? '' : gpu.name };
  }
  return found;
}

function readTrainedOn(doc: ConfigDoc, out: FactSink): void {
  const found = trainedOnStatement(doc.comments());
  if (!found) return;
  const range = { startLine: found.line, startCol: 0, endLine: found.line, endCol: found.text.length };
  out.add('hardware.devices', found.count, range, `comment "${found.text}": trained on ${found.count} GPUs`, 'low');
  if (found.gpu) out.add('hardware.accelerator', found.gpu, range, `comment "${found.text}"`, 'low');
}
