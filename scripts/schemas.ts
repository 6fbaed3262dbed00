// Build-time only: the JSON Schemas the package ships, generated from the zod schemas.
import { z } from 'zod';
import { CliOutputSchema } from '../src/core/report/cliSchema';
import { DiffOutputSchema } from '../src/core/report/diffSchema';
import { RunSpecSchema } from '../src/core/runSpec';
import { WorkspaceConfigSchema } from '../src/core/workspaceConfig';

export const schemas: Record<string, unknown> = {
  'cli-output.schema.json': {
    $id: 'https://green-ai.dev/schemas/cli-output-v1.json',
    title: 'green-ai estimate/report --json output (version 1)',
    ...z.toJSONSchema(CliOutputSchema),
  },
  'diff-output.schema.json': {
    $id: 'https://green-ai.dev/schemas/diff-output-v1.json',
    title: 'green-ai diff --json output (version 1)',
    ...z.toJSONSchema(DiffOutputSchema),
  },
  'run-spec.schema.json': {
    $id: 'https://green-ai.dev/schemas/run-spec.json',
    title: 'green-ai estimate --spec input',
    ...z.toJSONSchema(RunSpecSchema, { io: 'input' }),
  },
  'greenai-config.schema.json': {
    $id: 'https://green-ai.dev/schemas/greenai-config.json',
    title: '.greenai.json',
    ...z.toJSONSchema(WorkspaceConfigSchema, { io: 'input', target: 'draft-7' }),
  },
};
