import fc from 'fast-check';
import type { InputField } from './openapi-routes';
import { FORBIDDEN_CHARACTERS, kindOf, type Hostile, type QueryValue } from './hostile-values';

/** One seed for the whole corpus: CI sends the same requests every run. Change it to explore. */
export const HOSTILE_SEED = 0x5eed_2026;

/** A stable seed per route and field, so adding a route does not reshuffle the cases of the others. */
export function seedFor(...parts: string[]): number {
  let hash = HOSTILE_SEED;
  for (const char of parts.join('|')) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

const forbidden = Object.entries(FORBIDDEN_CHARACTERS).flatMap(([klass, chars]) =>
  chars.map((char) => ({ klass, char })),
);

/** Text that holds at least one character no field accepts, around arbitrary (full Unicode) text. */
function forbiddenText(real: string | undefined): fc.Arbitrary<Hostile<string>> {
  const around = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constant(real ?? 'x'),
  );
  return fc.tuple(around, fc.constantFrom(...forbidden), around).map(([before, { klass, char }, after]) => ({
    klass: `generated:${klass}`,
    value: `${before}${char}${after}`,
  }));
}

/** Numbers outside the field's range, non-integers, and numbers that are not numbers. */
function badNumber(field: InputField): fc.Arbitrary<Hostile> {
  const { minimum, maximum } = field.schema;
  const options: fc.Arbitrary<Hostile>[] = [
    fc.integer({ max: -1 }).map((value) => ({ klass: 'generated:negative', value })),
    fc
      .double({ noNaN: true, noDefaultInfinity: true, min: 1e16 })
      .map((value) => ({ klass: 'generated:huge', value })),
    fc.string({ maxLength: 8 }).map((value) => ({ klass: 'generated:wrongType:string', value })),
    fc.array(fc.integer(), { maxLength: 3 }).map((value) => ({ klass: 'generated:wrongType:array', value })),
  ];
  if (maximum !== undefined) {
    options.push(
      fc.integer({ min: maximum + 1 }).map((value) => ({ klass: 'generated:aboveMaximum', value })),
    );
  }
  if (minimum !== undefined && minimum > 0) {
    options.push(
      fc.integer({ max: minimum - 1 }).map((value) => ({ klass: 'generated:belowMinimum', value })),
    );
  }
  return fc.oneof(...options);
}

/** Anything that is not a boolean. */
const notBoolean: fc.Arbitrary<Hostile> = fc
  .oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.array(fc.boolean(), { maxLength: 2 }))
  .map((value) => ({ klass: `generated:wrongType:${Array.isArray(value) ? 'array' : typeof value}`, value }));

/** Anything that is not an array or object of the expected shape. */
const notContainer: fc.Arbitrary<Hostile> = fc
  .oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean())
  .map((value) => ({ klass: `generated:wrongType:${typeof value}`, value }));

/** `count` body (or path) values for `field`, reproducible from the seed. */
export function generatedBodyValues(
  route: string,
  field: InputField,
  count: number,
  real?: string,
): Hostile[] {
  if (count <= 0) return [];
  const kind = kindOf(field);
  const arbitrary: fc.Arbitrary<Hostile> =
    kind === 'number'
      ? badNumber(field)
      : kind === 'boolean'
        ? notBoolean
        : kind === 'string'
          ? forbiddenText(real)
          : notContainer;
  return fc.sample(arbitrary, { seed: seedFor(route, field.name), numRuns: count });
}

/** `count` query values for `field`: numbers out of range or not numbers, text with forbidden characters. */
export function generatedQueryValues(route: string, field: InputField, count: number): Hostile<QueryValue>[] {
  if (count <= 0) return [];
  const kind = kindOf(field);
  const arbitrary: fc.Arbitrary<Hostile<QueryValue>> =
    kind === 'number'
      ? badNumber(field).map(({ klass, value }) => ({ klass, value: String(value) }))
      : forbiddenText(undefined);
  return fc.sample(arbitrary, { seed: seedFor(route, field.name), numRuns: count });
}
