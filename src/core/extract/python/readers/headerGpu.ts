import { acceleratorName } from '../../config/headerHardware';
import type { FileRule } from '../rules';

/**
 * The machine a script says it was written for, in the comment block that opens it: notebooks exported to Python
 * (`jupyter nbconvert --to script`) keep their first Markdown cell as comments, and Colab-style notebooks open with
 * "Run all on a free Tesla T4 Google Colab instance" or "on your A100 Google Colab Pro instance". The notebook
 * itself records that GPU in its metadata (`gpuType`, read in analyze.ts); its export keeps only this sentence.
 * A careful reader takes it as the authors' statement of one machine of that GPU. Read only from the comments
 * above the first statement, only in the "on a/your … instance" form, and only when it names one GPU ("an A100
 * or H100 instance" names none); low confidence, so anything the code states wins.
 */

/** Comment lines looked at before the first statement. */
const MAX_HEADER_LINES = 60;
/** Longer comment lines are prose paragraphs, not this statement; the cap also bounds the matching. */
const MAX_LINE = 300;
/** "on a free Tesla T4 Google Colab instance", "on your A100 Google Colab Pro instance". */
const ON_AN_INSTANCE = /\bon (?:a|an|one|your) ([\w .-]{1,60}?) instance\b/i;

/**
 * The one GPU a header line says the file runs on ("on a free Tesla T4 Google Colab instance" → T4); null when the
 * line has that form but names none or several ("on a Google Colab A100 or H100 instance"); undefined otherwise.
 */
export function gpuOfHeaderLine(line: string): string | null | undefined {
  if (line.length > MAX_LINE) return undefined;
  const m = ON_AN_INSTANCE.exec(line.replace(/\*/g, ''));
  if (!m) return undefined;
  const gpus = new Set(
    m[1]
      .split(/\s+/)
      .map((w) => acceleratorName(w))
      .filter((g) => g && !g.generic)
      .map((g) => g!.name),
  );
  return gpus.size === 1 ? [...gpus][0] : null;
}

/** The GPU the opening lines of a notebook's Markdown say it runs on (see gpuOfHeaderLine), within the first lines. */
export function gpuOfHeaderText(lines: readonly string[]): string | undefined {
  for (const line of lines.slice(0, MAX_HEADER_LINES)) {
    const gpu = gpuOfHeaderLine(line);
    if (gpu !== undefined) return gpu ?? undefined;
  }
  return undefined;
}

export const headerGpu: FileRule = {
  framework: 'notebook-export',
  phase: 'after-calls',
  words: [],
  read: (_index, ctx) => {
    if (ctx.facts.some((f) => f.kind === 'hardware.accelerator' && f.value !== null)) return;
    const root = ctx.tree.rootNode;
    for (let i = 0, lines = 0; i < root.namedChildCount && lines < MAX_HEADER_LINES; i++) {
      const node = root.namedChild(i);
      if (!node || node.type !== 'comment') return;
      lines++;
      const gpu = gpuOfHeaderLine(node.text);
      if (gpu === undefined) continue;
      if (gpu === null) return;
      const detail = `header comment "${node.text.slice(1).trim()}"`;
      ctx.add('hardware.accelerator', gpu, node, `${detail}: written for one ${gpu}`, 'low');
      ctx.add('hardware.devices', 1, node, `${detail}: one GPU`, 'low');
      return;
    }
  },
};
