import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError, type FieldError } from '../errors/domain.error';
import { shapeErrorsOf, textErrorsOf } from './input-shape';

/**
 * class-validator's errors as ours. A field given `null` where null is not allowed gets one error, `notNull`,
 * instead of one per rule it cannot meet. (Values are read here only; no message quotes them.)
 */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.value === null && error.constraints) {
      return [{ field, rule: 'notNull', message: `${field} must not be null` }];
    }
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The use-case boundary: turns untrusted input into a validated instance of `type`, or throws
 * VALIDATION_FAILED naming every field and rule. In order: the input's shape (depth, prototype keys, numbers
 * we cannot hold), then the DTO's transformation, the text rules of every string (control, invisible and
 * bidirectional characters, lone surrogates; NFC) and the DTO's own rules. Unknown fields are refused;
 * `null` is a value like any other (see Optional).
 */
export async function validateInput<T extends object>(type: ClassConstructor<T>, input: unknown): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw DomainError.validation([{ field: '(body)', rule: 'isObject', message: 'must be a JSON object' }]);
  }
  const shapeErrors = shapeErrorsOf(input);
  if (shapeErrors.length > 0) throw DomainError.validation(shapeErrors);

  const instance = plainToInstance(type, input, { exposeDefaultValues: true });
  // Strings with control or invisible characters never reach the DTO's rules (some validators throw on them).
  const textErrors = textErrorsOf(instance);
  if (textErrors.length > 0) throw DomainError.validation(textErrors);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  if (errors.length > 0) throw DomainError.validation(flatten(errors));
  return instance;
}
