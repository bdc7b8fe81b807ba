import type { FieldError } from '../errors/domain.error';
import { textErrorOf, textOptionsOf, type TextOptions } from './text-rules';

/** How deep objects and arrays may nest in any input (our deepest DTO nests 3 levels). */
export const MAX_INPUT_DEPTH = 16;

/** Keys that reach an object's prototype when assigned: never a field of ours. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fieldOf = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent || '(body)'}[${key}]` : parent ? `${parent}.${key}` : key;

const isPlainContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

function numberErrorOf(field: string, value: number): FieldError | null {
  if (!Number.isFinite(value)) {
    return { field, rule: 'isFinite', message: `${field} must be a finite number` };
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return {
      field,
      rule: 'isSafeInteger',
      message: `${field} must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
    };
  }
  return null;
}

/**
 * The input as it came (parsed JSON, query strings): refuses nesting deeper than MAX_INPUT_DEPTH,
 * prototype keys, keys with control or invisible characters and numbers JSON can carry but we cannot hold.
 * Iterative and bounded by the depth limit, so no input can exhaust the stack. Returns the first problems
 * found (at most a few), each naming its field.
 */
export function shapeErrorsOf(input: object): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: object; field: string; depth: number }> = [
    { value: input, field: '', depth: 1 },
  ];
  while (pending.length > 0 && errors.length < 10) {
    const { value, field, depth } = pending.pop()!;
    if (depth > MAX_INPUT_DEPTH) {
      errors.push({
        field: field || '(body)',
        rule: 'maxDepth',
        message: `${field || 'the body'} nests objects or arrays deeper than ${MAX_INPUT_DEPTH} levels`,
      });
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      const itemField = fieldOf(field, key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push({
            field: itemField,
            rule: 'forbiddenKey',
            message: `${itemField} is not allowed as a key`,
          });
          continue;
        }
        const keyError = textErrorOf(itemField, key, { multiline: false, verbatim: true });
        if (keyError) {
          errors.push({ ...keyError, field: field || '(body)', message: `a key of ${keyError.message}` });
          continue;
        }
      }
      if (typeof item === 'number') {
        const numberError = numberErrorOf(itemField, item);
        if (numberError) errors.push(numberError);
      } else if (isPlainContainer(item)) {
        pending.push({ value: item, field: itemField, depth: depth + 1 });
      }
    }
  }
  return errors;
}

/**
 * After transformation: every string (in nested DTOs and arrays too) passes the text rules of its field and
 * is NFC-normalized in place (unless the field is @Verbatim); numbers made from query strings are checked too.
 */
export function textErrorsOf(instance: object): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (owner: object, key: string | number, field: string, options: TextOptions): void => {
    const value: unknown = (owner as Record<string | number, unknown>)[key];
    if (options.deferred) return;
    if (typeof value === 'string') {
      const error = textErrorOf(field, value, options);
      if (error) errors.push(error);
      else if (!options.verbatim) (owner as Record<string | number, unknown>)[key] = value.normalize('NFC');
    } else if (typeof value === 'number') {
      const error = numberErrorOf(field, value);
      if (error) errors.push(error);
    } else if (Array.isArray(value)) {
      value.forEach((_, index) => visit(value, index, `${field}[${index}]`, options));
    } else if (isPlainContainer(value) && !(value instanceof Date)) {
      visitProperties(value, field);
    }
  };
  const visitProperties = (owner: object, parent: string) => {
    for (const key of Object.keys(owner)) visit(owner, key, fieldOf(parent, key), textOptionsOf(owner, key));
  };
  visitProperties(instance, '');
  return errors;
}
