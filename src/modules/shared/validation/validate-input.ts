import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError, type FieldError } from '../errors/domain.error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The use-case boundary: turns untrusted input into a validated instance of `type`,
 * or throws VALIDATION_FAILED naming every field and rule. Unknown fields are refused.
 */
export async function validateInput<T extends object>(type: ClassConstructor<T>, input: unknown): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw DomainError.validation([{ field: '(body)', rule: 'isObject', message: 'must be a JSON object' }]);
  }
  const instance = plainToInstance(type, input, { exposeDefaultValues: true });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw DomainError.validation(flatten(errors));
  return instance;
}
