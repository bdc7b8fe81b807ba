import type { SecretBox } from '../../shared/crypto/secret-box';

/** The input key listing which fields hold sealed secrets. */
export const SEALED_FIELDS_KEY = '$sealed';

const context = (field: string) => `operation-input:${field}`;

/** Seals the named (string) fields of an operation input with the SecretBox before it is persisted. */
export function sealSecretFields(
  box: SecretBox,
  input: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  if (fields.length === 0) return { ...input };
  const sealed: Record<string, unknown> = { ...input, [SEALED_FIELDS_KEY]: [...fields] };
  for (const field of fields) {
    const value = input[field];
    if (typeof value !== 'string') throw new Error(`Secret field "${field}" must be a string`);
    sealed[field] = box.seal(value, context(field));
  }
  return sealed;
}

export function sealedFields(input: Record<string, unknown>): string[] {
  const fields = input[SEALED_FIELDS_KEY];
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/** Opens one sealed field; throws when the field was not sealed or has been wiped. */
export function openSecretField(box: SecretBox, input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (!sealedFields(input).includes(field) || typeof value !== 'string') {
    throw new Error(`Operation input has no sealed secret "${field}" (never sealed, or wiped)`);
  }
  return box.open(value, context(field));
}

/** The input with every sealed field removed: done once the operation ends. */
export function wipeSecretFields(input: Record<string, unknown>): Record<string, unknown> {
  const fields = sealedFields(input);
  if (fields.length === 0) return input;
  const wiped = { ...input };
  for (const field of fields) delete wiped[field];
  delete wiped[SEALED_FIELDS_KEY];
  return wiped;
}
