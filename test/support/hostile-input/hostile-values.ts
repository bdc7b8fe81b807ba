import type { InputField } from './openapi-routes';

/**
 * Hand-written hostile values, by the kind of field they are aimed at. Every value here must be refused
 * (or, for a path id, must not name the real object): the corpus asserts that nothing is written.
 */
export interface Hostile<V = unknown> {
  /** The class of the value, e.g. `bidi`, `wrongType:number`, `nul`. */
  klass: string;
  value: V;
}

/** A JSON token written verbatim into the body (numbers JSON.stringify cannot produce, e.g. `1e400`). */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * Fields whose values are free text (names, descriptions, passwords, documents): emoji, accents, other scripts
 * and punctuation such as `*`, `\`, `<x/>` are legitimate there, so only the classes every field must refuse
 * are sent to them. Everything else is an identifier (addresses, domains, ids, plan names, URLs, DNs, enums).
 */
const FREE_TEXT = new Set([
  'displayName',
  'givenName',
  'middleName',
  'sn',
  'initials',
  'description',
  'reason',
  'name',
  'password',
  'csv',
  'content',
]);
/** Numbers that may have decimals (money); every other number is a whole count or size. */
const DECIMAL = new Set(['setupFee', 'recurringFee']);
/** Fields whose OpenAPI type is `object` only because they are `string | null` in the DTO. */
const NULLABLE_STRINGS = new Set(['directoryUrl', 'caCertificatePem']);

const lastName = (field: InputField) => String(field.at[field.at.length - 1]);
export const isFreeText = (field: InputField) => FREE_TEXT.has(lastName(field));

export type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'map';
export function kindOf(field: InputField): FieldKind {
  const { type } = field.schema;
  if (NULLABLE_STRINGS.has(lastName(field))) return 'string';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'array';
  if (type === 'object') return field.schema.properties ? 'object' : 'map';
  return 'string';
}

/** Characters no field accepts: C0 (except tab and line breaks), DEL, C1, lone surrogates, bidi, zero-width. */
export const FORBIDDEN_CHARACTERS: Record<string, string[]> = {
  nul: ['\u0000'],
  c0: ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'],
  c1: ['\u0080', '\u0085', '\u009b', '\u009f'],
  loneSurrogate: ['\uD800', '\uDFFF'],
  bidi: ['\u202E', '\u2066', '\u202D', '\u2069', '\u200F'],
  zeroWidth: ['\u200B', '\u200D', '\uFEFF', '\u2060'],
  lineSeparator: ['\u2028', '\u2029'],
};

/** Cyrillic letters that look like Latin ones. */
const HOMOGLYPHS: Record<string, string> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  x: '\u0445',
  y: '\u0443',
  i: '\u0456',
  s: '\u0455',
};
export const homoglyphOf = (text: string) => text.replace(/[aceopxyis]/g, (c) => HOMOGLYPHS[c]);

export interface StringContext {
  /** The test's own domain, for homoglyph and address cases. */
  domain: string;
  /** A real value for this field (an id or address), when the route has one. */
  real?: string;
  /**
   * The value travels in the URL: "very long" stays under Node's 16 KB header limit, past which Node itself
   * answers 431 before the application sees the request.
   */
  inUrl?: boolean;
}

/** Classes every string field refuses, whatever it holds. */
function refusedEverywhere(ctx: StringContext): Hostile<string>[] {
  const base = ctx.real ?? 'valid';
  const out: Hostile<string>[] = [];
  for (const [klass, chars] of Object.entries(FORBIDDEN_CHARACTERS)) {
    for (const char of chars) {
      out.push({ klass, value: `${base}${char}` });
      out.push({ klass, value: `${char}${base}` });
    }
  }
  out.push({ klass: 'nul', value: '\u0000' });
  out.push({ klass: 'veryLong', value: 'a'.repeat(ctx.inUrl ? 8_000 : 70_000) });
  out.push({ klass: 'veryLong', value: `${base}${'\u00e9'.repeat(ctx.inUrl ? 1_000 : 30_000)}` });
  return out;
}

/** Classes an identifier refuses but free text may legitimately hold. */
function refusedByIdentifiers(ctx: StringContext): Hostile<string>[] {
  const base = ctx.real ?? 'valid';
  return [
    { klass: 'empty', value: '' },
    { klass: 'whitespace', value: '   ' },
    { klass: 'trailingSpace', value: `${base} ` },
    { klass: 'leadingSpace', value: ` ${base}` },
    { klass: 'emoji', value: '\u{1F4E7}' },
    { klass: 'emoji', value: `${base}\u{1F600}` },
    { klass: 'decomposedAccent', value: 'jose\u0301' },
    { klass: 'decomposedAccent', value: `${base}e\u0301` },
    { klass: 'homoglyph', value: homoglyphOf(ctx.domain) },
    { klass: 'homoglyph', value: `admin@${homoglyphOf(ctx.domain)}` },
    { klass: 'homoglyph', value: homoglyphOf(base) === base ? `${base}\u0430` : homoglyphOf(base) },
    { klass: 'ldapFilter', value: ')(cn=*' },
    { klass: 'ldapFilter', value: '*)(objectClass=*' },
    { klass: 'ldapFilter', value: `${base})(|(cn=*` },
    { klass: 'wildcard', value: '*' },
    { klass: 'backslash', value: '\\' },
    { klass: 'backslash', value: `${base}\\2a` },
    { klass: 'dnInjection', value: `${base},OU=x` },
    { klass: 'xml', value: '<x/>' },
    { klass: 'xml', value: ']]>' },
    { klass: 'xml', value: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    { klass: 'percentEncoded', value: '%00' },
    { klass: 'percentEncoded', value: `${base}%00` },
    { klass: 'pathTraversal', value: '../../etc/passwd' },
    { klass: 'pathTraversal', value: '..' },
    { klass: 'pathTraversal', value: '..\\..\\windows\\win.ini' },
    { klass: 'pathTraversal', value: `${base}/../${base}` },
    { klass: 'sqlish', value: `${base}' OR '1'='1` },
    { klass: 'homoglyph', value: `${base}@${ctx.domain}`.replace(/o/g, '\u043e') },
  ];
}

export function stringValues(field: InputField, ctx: StringContext): Hostile<string>[] {
  return [...refusedEverywhere(ctx), ...(isFreeText(field) ? [] : refusedByIdentifiers(ctx))];
}

/** Values of the wrong JSON type for a field of `kind`. */
export function wrongTypes(kind: FieldKind): Hostile[] {
  const all: Hostile[] = [
    { klass: 'wrongType:string', value: 'text' },
    { klass: 'wrongType:numericString', value: '1' },
    { klass: 'wrongType:number', value: 42 },
    { klass: 'wrongType:number', value: 0 },
    { klass: 'wrongType:number', value: -1 },
    { klass: 'wrongType:boolean', value: true },
    { klass: 'wrongType:boolean', value: false },
    { klass: 'wrongType:array', value: [] },
    { klass: 'wrongType:array', value: ['a'] },
    { klass: 'wrongType:object', value: {} },
    { klass: 'wrongType:object', value: { a: 1 } },
    { klass: 'wrongType:booleanString', value: 'true' },
  ];
  const isOf: Record<FieldKind, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    number: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
    array: (v) => Array.isArray(v),
    object: (v) => typeof v === 'object' && !Array.isArray(v),
    map: (v) => typeof v === 'object' && !Array.isArray(v),
  };
  return all.filter((h) => !isOf[kind](h.value));
}

export function numberValues(field: InputField): Hostile[] {
  const { minimum, maximum, enum: allowed } = field.schema;
  const out: Hostile[] = [
    { klass: 'nanString', value: 'NaN' },
    { klass: 'nanString', value: 'Infinity' },
    { klass: 'nanString', value: '1e999' },
    { klass: 'number:huge', value: 1e308 },
    { klass: 'number:unsafeInteger', value: new RawJson('9007199254740993') },
    { klass: 'number:overflowToInfinity', value: new RawJson('1e400') },
    { klass: 'number:negative', value: -1 },
    { klass: 'number:hugeNegative', value: -1e308 },
  ];
  if (!DECIMAL.has(lastName(field))) {
    out.push({ klass: 'number:fraction', value: 1.5 });
  }
  if (minimum !== undefined) out.push({ klass: 'number:belowMinimum', value: minimum - 1 });
  if (maximum !== undefined) out.push({ klass: 'number:aboveMaximum', value: maximum + 1 });
  if (allowed) out.push({ klass: 'number:notInEnum', value: 2 }, { klass: 'number:notInEnum', value: 24 });
  return out.filter((h) => !(allowed?.includes(h.value) ?? false));
}

export function booleanValues(): Hostile[] {
  return [
    { klass: 'wrongType:booleanString', value: 'false' },
    { klass: 'wrongType:booleanString', value: 'yes' },
    { klass: 'wrongType:number', value: 1 },
  ];
}

export function arrayValues(): Hostile[] {
  return [
    { klass: 'array:nullItem', value: [null] },
    { klass: 'array:wrongItem', value: [1] },
    { klass: 'array:wrongItem', value: ['x'] },
    { klass: 'array:nestedArray', value: [[]] },
    { klass: 'array:huge', value: Array.from({ length: 10_000 }, () => ({})) },
  ];
}

/** For a name → count map (an estimate's `current`): bad counts and hostile keys. */
export function mapValues(ctx: StringContext): Hostile[] {
  return [
    { klass: 'map:negative', value: { GoldMail: -1 } },
    { klass: 'map:fraction', value: { GoldMail: 1.5 } },
    { klass: 'map:huge', value: { GoldMail: 1e308 } },
    { klass: 'map:wrongType', value: { GoldMail: 'x' } },
    { klass: 'map:null', value: { GoldMail: null } },
    { klass: 'map:nulKey', value: { 'Gold\u0000Mail': 1 } },
    { klass: 'map:bidiKey', value: { 'Gold\u202EMail': 1 } },
    { klass: 'map:unknownKey', value: { [homoglyphOf(ctx.domain)]: 1 } },
    { klass: 'map:protoKey', value: withOwnKey({}, '__proto__', 1) },
  ];
}

/** `object` with an own enumerable key that a literal cannot create (`__proto__`); JSON.stringify keeps it. */
export function withOwnKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

/** Keys a body must not smuggle in, added beside valid fields. */
export const FORBIDDEN_KEYS: Hostile<[string, unknown]>[] = [
  { klass: 'extraKey:__proto__', value: ['__proto__', { isAdmin: true, polluted: true }] },
  { klass: 'extraKey:__proto__', value: ['__proto__', null] },
  { klass: 'extraKey:constructor', value: ['constructor', { prototype: { polluted: true } }] },
  { klass: 'extraKey:prototype', value: ['prototype', { polluted: true }] },
  { klass: 'extraKey:unknown', value: ['unknownField', 'x'] },
  { klass: 'extraKey:unknown', value: ['isAdmin ', true] },
  { klass: 'extraKey:unknown', value: ['id', '00000000-0000-0000-0000-000000000000'] },
];

/** Query-string values: text for numbers, booleans and strings, repeated keys, a key without value. */
export type QueryValue = string | string[] | { bare: true };

export function queryNumberValues(field: InputField): Hostile<QueryValue>[] {
  const { minimum, maximum } = field.schema;
  const out: Hostile<QueryValue>[] = [
    { klass: 'nanString', value: 'NaN' },
    { klass: 'nanString', value: 'Infinity' },
    { klass: 'nanString', value: '-Infinity' },
    { klass: 'nanString', value: 'abc' },
    { klass: 'nanString', value: '0x10' },
    { klass: 'nanString', value: '1_000' },
    { klass: 'number:negative', value: '-1' },
    { klass: 'number:huge', value: '1e308' },
    { klass: 'number:huge', value: '1e400' },
    { klass: 'number:huge', value: '99999999999999999999999' },
    { klass: 'number:unsafeInteger', value: '9007199254740993' },
    { klass: 'number:fraction', value: '1.5' },
    { klass: 'number:hugeOffsetOrLimit', value: '2147483648' },
    { klass: 'number:hugeOffsetOrLimit', value: '18446744073709551616' },
    { klass: 'empty', value: '' },
    { klass: 'whitespace', value: ' 1' },
  ];
  if (minimum !== undefined) out.push({ klass: 'number:belowMinimum', value: String(minimum - 1) });
  if (maximum !== undefined) out.push({ klass: 'number:aboveMaximum', value: String(maximum + 1) });
  return out;
}

export function queryBooleanValues(): Hostile<QueryValue>[] {
  return ['yes', 'maybe', '', '2', 'tru', 'null', 'undefined'].map((value) => ({
    klass: value === '' ? 'empty' : 'wrongType:booleanString',
    value,
  }));
}

export function queryShapeValues(): Hostile<QueryValue>[] {
  return [
    { klass: 'wrongType:array', value: ['1', '2'] },
    { klass: 'wrongType:array', value: ['', ''] },
    { klass: 'null', value: { bare: true } },
    { klass: 'null', value: 'null' },
  ];
}

/** Extra query keys for routes that declare a query. */
export const FORBIDDEN_QUERY_KEYS: Hostile<[string, string]>[] = [
  { klass: 'extraKey:__proto__', value: ['__proto__', 'x'] },
  { klass: 'extraKey:__proto__', value: ['__proto__[polluted]', '1'] },
  { klass: 'extraKey:constructor', value: ['constructor', 'x'] },
  { klass: 'extraKey:constructor', value: ['constructor[prototype][polluted]', '1'] },
  { klass: 'extraKey:prototype', value: ['prototype', 'x'] },
  { klass: 'extraKey:unknown', value: ['unknownKey', '1'] },
];
