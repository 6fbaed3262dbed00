import * as fs from 'node:fs';
import * as path from 'node:path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './helpers';

/**
 * The official OASIS SARIF 2.1.0 schema (test/schemas/, a draft-04 JSON Schema,
 * so validated with ajv-draft-04), with its string formats checked.
 */

type AjvConstructor = new (options: { allErrors: boolean; strict: boolean }) => Ajv;

function addFormats(ajv: Ajv): void {
  ajv.addFormat('uri', (s: string) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(s) && Boolean(new URL(s));
    } catch {
      return false;
    }
  });
  // RFC 3986 characters only (spaces and the like must be percent-encoded), well-formed escapes.
  ajv.addFormat('uri-reference', (s: string) => /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s));
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
  );
}

let validator: ValidateFunction | undefined;
export function sarifValidator(): ValidateFunction {
  if (!validator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvDraft04 = require('ajv-draft-04') as AjvConstructor;
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')),
    );
  }
  return validator;
}

export function sarifProblems(log: unknown): string | null {
  const validate = sarifValidator();
  return validate(log) ? null : JSON.stringify(validate.errors?.slice(0, 5), null, 1);
}
