import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out. Unlike class-validator's `IsOptional`, `null` is not "absent": it is validated
 * like any other value, so it is refused unless the field's own rules allow it (a documented "clear this
 * value"). A `null` can then never slip past validation and reach a NOT NULL column.
 */
export const Optional = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);

/** The field may be left out, or be `null` to clear its value (say so in its OpenAPI `nullable`). */
export const OptionalNullable = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null, options);
