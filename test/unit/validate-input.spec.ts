import 'reflect-metadata';
import { Type } from 'class-transformer';
import { PartialType } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../../src/modules/shared/errors/domain.error';
import { MAX_INPUT_DEPTH } from '../../src/modules/shared/validation/input-shape';
import { Optional, OptionalNullable } from '../../src/modules/shared/validation/optional';
import { Multiline, Verbatim } from '../../src/modules/shared/validation/text-rules';
import { validateInput } from '../../src/modules/shared/validation/validate-input';

class Inner {
  @IsString() name!: string;
}

class Sample {
  @Optional() @IsBoolean() enabled?: boolean;
  @IsInt() @Min(1) @Max(10) count!: number;
  @Optional() @IsString() name?: string;
  @Optional() @IsString() @Multiline() notes?: string;
  @Optional() @IsString() @Verbatim() password?: string;
  @OptionalNullable() @IsString() clearable?: string | null;
  @Optional() @IsArray() @IsString({ each: true }) tags?: string[];
  @Optional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

const failureOf = async (input: unknown): Promise<DomainError> => {
  const error = await validateInput(Sample, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};
const rulesOf2 = async (type: new () => object, input: unknown) => {
  const error = (await validateInput(type, input).catch((e: unknown) => e)) as DomainError;
  return error.errors.map((e) => `${e.field}:${e.rule}`).sort();
};
const rulesOf = async (input: unknown) =>
  (await failureOf(input)).errors.map((e) => `${e.field}:${e.rule}`).sort();

const nested = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { inner: value };
  return value;
};

describe('validateInput (the use-case boundary)', () => {
  it('returns a typed instance for valid input', async () => {
    const value = await validateInput(Sample, { enabled: true, count: 3 });
    expect(value).toBeInstanceOf(Sample);
    expect(value).toEqual({ enabled: true, count: 3 });
  });

  it('names every invalid field and the rule it broke', async () => {
    expect(await rulesOf({ enabled: 'yes', count: 11, extra: 1 })).toEqual([
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

  describe('null', () => {
    it('is not "absent": an optional field given null is refused, with one error naming it', async () => {
      const error = await failureOf({ count: 1, enabled: null, name: null });
      expect(error.errors).toEqual([
        { field: 'enabled', rule: 'notNull', message: 'enabled must not be null' },
        { field: 'name', rule: 'notNull', message: 'name must not be null' },
      ]);
    });

    it('is accepted where the field documents it as "clear this value"', async () => {
      expect(await validateInput(Sample, { count: 1, clearable: null })).toEqual({
        count: 1,
        clearable: null,
      });
    });

    it('is refused for a required field, and inside nested objects', async () => {
      expect(await rulesOf({ count: null })).toEqual(['count:notNull']);
      expect(await rulesOf({ count: 1, inner: { name: null } })).toEqual(['inner.name:notNull']);
    });
  });

  describe('strings', () => {
    it.each([
      ['NUL', 'a\u0000b', 'noControlCharacters'],
      ['a C0 control', 'a\u0007b', 'noControlCharacters'],
      ['a line break in a one-line field', 'a\nb', 'noControlCharacters'],
      ['DEL', 'a\u007fb', 'noControlCharacters'],
      ['a C1 control', 'a\u0085b', 'noControlCharacters'],
      ['a lone high surrogate', 'a\ud800b', 'wellFormedUnicode'],
      ['a lone low surrogate', 'a\udc00', 'wellFormedUnicode'],
      ['a right-to-left override', 'abc\u202efdp.exe', 'noInvisibleCharacters'],
      ['a bidi isolate', '\u2066abc', 'noInvisibleCharacters'],
      ['a zero-width space', 'ad\u200bmin', 'noInvisibleCharacters'],
      ['a zero-width joiner', 'ad\u200dmin', 'noInvisibleCharacters'],
      ['a byte order mark', '\ufeffadmin', 'noInvisibleCharacters'],
      ['a soft hyphen', 'ad\u00admin', 'noInvisibleCharacters'],
      ['a line separator', 'a\u2028b', 'noInvisibleCharacters'],
      ['an unassigned code point', 'a\u0378b', 'noInvisibleCharacters'],
      ['a Hangul filler (looks blank)', '\u3164', 'noInvisibleCharacters'],
      ['a blank braille pattern', 'a\u2800b', 'noInvisibleCharacters'],
    ])('refuses %s, naming the field and the code point', async (_, value, rule) => {
      const error = await failureOf({ count: 1, name: value });
      expect(error.errors).toEqual([expect.objectContaining({ field: 'name', rule })]);
      expect(error.errors[0].message).toMatch(/^name .*U\+[0-9A-F]{4}|lone surrogate/);
    });

    it('checks strings inside arrays and nested objects, naming their path', async () => {
      expect(await rulesOf({ count: 1, tags: ['ok', 'b\u0000d'], inner: { name: 'x\u202e' } })).toEqual([
        'inner.name:noInvisibleCharacters',
        'tags[1]:noControlCharacters',
      ]);
    });

    it('allows tabs and line breaks only in multiline fields, never NUL', async () => {
      expect(await validateInput(Sample, { count: 1, notes: 'a\r\n\tb' })).toMatchObject({
        notes: 'a\r\n\tb',
      });
      expect(await rulesOf({ count: 1, notes: 'a\n\u0000' })).toEqual(['notes:noControlCharacters']);
    });

    it('keeps a multi-line field multi-line in a PartialType of its DTO (an edit DTO)', async () => {
      class Edit extends PartialType(Sample, { skipNullProperties: false }) {}
      expect(await validateInput(Edit, { notes: 'a\nb' })).toMatchObject({ notes: 'a\nb' });
      expect(await rulesOf2(Edit, { name: 'a\nb' })).toEqual(['name:noControlCharacters']);
    });

    it('NFC-normalizes strings, but keeps verbatim fields (passwords) exactly as given', async () => {
      const decomposed = 'Cafe\u0301';
      const value = await validateInput(Sample, { count: 1, name: decomposed, password: decomposed });
      expect(value.name).toBe('Caf\u00e9');
      expect(value.password).toBe(decomposed);
    });

    it('never quotes the refused value (it may be a password)', async () => {
      const error = await failureOf({ count: 1, password: 'Secret\u0000Pass' });
      expect(JSON.stringify(error.errors)).not.toContain('Secret');
    });
  });

  describe('shape', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key at any depth', async (key) => {
      const body = JSON.parse(`{"count":1,"inner":{"name":"x","${key}":{"polluted":true}}}`) as object;
      expect(await rulesOf(body)).toEqual([`inner.${key}:forbiddenKey`]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it(`refuses objects nested deeper than ${MAX_INPUT_DEPTH} levels, without exhausting the stack`, async () => {
      expect((await failureOf(nested(20_000))).errors).toEqual([
        expect.objectContaining({ rule: 'maxDepth' }),
      ]);
      expect(await rulesOf({ count: 1, inner: nested(MAX_INPUT_DEPTH - 1) })).not.toContain('maxDepth');
    });

    it.each([
      ['beyond the safe integers', 2 ** 53 + 2, 'count:isSafeInteger'],
      ['infinite (1e400 in JSON)', JSON.parse('1e400') as number, 'count:isFinite'],
    ])('refuses a number %s', async (_, count, rule) => {
      expect(await rulesOf({ count })).toEqual([rule]);
    });

    it('refuses control characters in keys', async () => {
      expect(await rulesOf({ count: 1, 'na\u0000me': 'x' })).toEqual(['(body):noControlCharacters']);
    });
  });
});
