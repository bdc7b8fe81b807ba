import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '../../src/modules/shared/errors/domain.error';
import { validateInput } from '../../src/modules/shared/validation/validate-input';

class Sample {
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsInt() @Min(1) @Max(10) count!: number;
}

const failureOf = async (input: unknown): Promise<DomainError> => {
  const error = await validateInput(Sample, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('validateInput (the use-case boundary)', () => {
  it('returns a typed instance for valid input', async () => {
    const value = await validateInput(Sample, { enabled: true, count: 3 });
    expect(value).toBeInstanceOf(Sample);
    expect(value).toEqual({ enabled: true, count: 3 });
  });

  it('names every invalid field and the rule it broke', async () => {
    const error = await failureOf({ enabled: 'yes', count: 11, extra: 1 });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'count:max',
      'enabled:isBoolean',
      'extra:whitelistValidation',
    ]);
  });

  it.each([null, [], 'text', 42])('refuses a body that is not a JSON object: %p', async (input) => {
    expect((await failureOf(input)).errors).toEqual([
      expect.objectContaining({ field: '(body)', rule: 'isObject' }),
    ]);
  });
});
