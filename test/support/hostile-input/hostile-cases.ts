import { generatedBodyValues, generatedQueryValues } from './generated-values';
import {
  FORBIDDEN_KEYS,
  FORBIDDEN_QUERY_KEYS,
  RawJson,
  arrayValues,
  booleanValues,
  kindOf,
  mapValues,
  numberValues,
  queryBooleanValues,
  queryNumberValues,
  queryShapeValues,
  stringValues,
  withOwnKey,
  wrongTypes,
  type Hostile,
  type QueryValue,
} from './hostile-values';
import type { HttpMethod, InputField, RouteSpec } from './openapi-routes';
import type { HostileWorld } from './hostile-world';

/** One request of the corpus, and what it made hostile. */
export interface HostileCase {
  route: string;
  /** The field made hostile (`(body)` / `(request)` for whole-request classes). */
  field: string;
  klass: string;
  /** A short, escaped preview of the hostile value. */
  preview: string;
  method: HttpMethod;
  url: string;
  /** Raw body, signed as sent; undefined for none. */
  body?: string;
  /** undefined: application/json when there is a body; null: no Content-Type header at all. */
  contentType?: string | null;
  actor: string;
  /** VALIDATION_FAILED must name this field (or one below it); undefined for whole-request classes. */
  expectField?: string;
}

/** At least this many cases per route: fast-check tops the hand-written ones up. */
export const MIN_CASES_PER_ROUTE = 300;
const DEEP = 20_000;

/** Items to start an array of objects with when the valid body has none (the other fields of the item valid). */
const ARRAY_ITEMS: Record<string, Record<string, unknown>> = {
  mailboxes: { mailingPlan: 'GoldMail', max: 1, freeUnits: 0, setupFee: 0, recurringFee: 1 },
  plans: { name: 'JsonMail' },
};

export function preview(value: unknown): string {
  const text =
    value instanceof RawJson
      ? value.text
      : typeof value === 'string'
        ? value
        : (JSON.stringify(value, (_k, v: unknown) => (v instanceof RawJson ? v.text : v)) ?? String(value));
  const escaped = JSON.stringify(text.length > 48 ? `${text.slice(0, 48)}…(${text.length})` : text);
  return escaped.replace(
    /[\u007f-\u00a0\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** JSON text of `body`, with RawJson tokens written verbatim. */
export function toJson(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (!(value instanceof RawJson)) return value;
    raws.push(value.text);
    return `\u0000raw${raws.length - 1}\u0000`;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
}

/** Percent-encodes one path segment or query value, lone surrogates as their WTF-8 bytes, `.`/`..` escaped. */
export function encodeComponent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = code >= 0xd800 && code <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    if (high && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      // Strict RFC 3986: URL libraries would otherwise escape these themselves and change what was signed.
      out += encodeURIComponent(text[i]).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
    }
  }
  return /^\.+$/.test(text) ? out.replace(/\./g, '%2E') : out;
}

function setAt(
  body: Record<string, unknown>,
  at: (string | number)[],
  value: unknown,
): Record<string, unknown> {
  let node: Record<string | number, unknown> = body;
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i];
    const nextIsIndex = typeof at[i + 1] === 'number';
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      node[key] = nextIsIndex ? [{ ...(ARRAY_ITEMS[String(key)] ?? {}) }] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  }
  node[at[at.length - 1]] = value;
  return body;
}

const PATH_TEXTS: Hostile<string>[] = [
  'null',
  'undefined',
  '[object Object]',
  'NaN',
  '-1',
  '0',
  '1e308',
  '9007199254740993',
  'true',
].map((value) => ({ klass: 'wrongType:text', value }));

/** The cases of one route: each field hostile in turn (the rest valid), then the whole-request classes. */
export function casesFor(route: RouteSpec, world: HostileWorld): HostileCase[] {
  const actor = world.actor(route);
  const realPath: Record<string, string> = Object.fromEntries(
    route.pathParams.map((p) => [p.name, world.pathValue(route, p.name)]),
  );
  const urlWith = (path: Record<string, string>, query = '') =>
    route.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeComponent(path[name])) +
    (query ? `?${query}` : '');
  const baseline = (field?: string) => (route.bodySchema ? world.baseline(route, field) : undefined);
  const jsonBody = (body: unknown) => (body === undefined ? undefined : toJson(body));
  const cases: HostileCase[] = [];
  const add = (field: string, hostile: Hostile, request: Partial<HostileCase>, expectField?: string) =>
    cases.push({
      route: route.key,
      field,
      klass: hostile.klass,
      preview: preview(hostile.value),
      method: route.method,
      url: urlWith(realPath),
      body: jsonBody(baseline()),
      actor,
      expectField,
      ...request,
    });

  const perField = (fields: InputField[], handCounts: number[]) => {
    const missing = MIN_CASES_PER_ROUTE - handCounts.reduce((a, b) => a + b, 0) - (route.bodySchema ? 14 : 0);
    return Math.max(0, Math.ceil(missing / Math.max(1, fields.length)));
  };

  // Path ids: hostile text in place of (or around) the real object's id.
  const pathHand = route.pathParams.map((p) => [
    ...stringValues(p, { domain: world.domain, real: realPath[p.name], inUrl: true }),
    ...PATH_TEXTS,
  ]);
  // Query parameters, one at a time.
  const queryHand = route.query.map((q): Hostile<QueryValue>[] => {
    const kind = kindOf(q);
    const text = stringValues(q, { domain: world.domain, inUrl: true });
    if (kind === 'number') return [...queryNumberValues(q), ...queryShapeValues(), ...text.slice(0, 20)];
    if (kind === 'boolean') return [...queryBooleanValues(), ...queryShapeValues(), ...text.slice(0, 20)];
    return [...text, ...queryShapeValues()];
  });
  // Body fields, one at a time.
  const bodyHand = route.body.map((f): Hostile[] => {
    const kind = kindOf(f);
    const nullCase: Hostile[] = f.schema.nullable ? [] : [{ klass: 'null', value: null }];
    const own =
      kind === 'string'
        ? f.schema.enum
          ? [
              ...stringValues(f, { domain: world.domain }),
              { klass: 'enum:case', value: String(f.schema.enum[0]).toUpperCase() },
              { klass: 'enum:unknown', value: 'other' },
            ]
          : stringValues(f, { domain: world.domain })
        : kind === 'number'
          ? numberValues(f)
          : kind === 'boolean'
            ? booleanValues()
            : kind === 'array'
              ? arrayValues()
              : kind === 'map'
                ? mapValues({ domain: world.domain })
                : [];
    return [...nullCase, ...wrongTypes(kind), ...own];
  });
  const allFields = [...route.pathParams, ...route.query, ...route.body];
  const generated = perField(
    allFields,
    [...pathHand, ...queryHand, ...bodyHand].map((h) => h.length),
  );

  route.pathParams.forEach((p, i) => {
    const values = [
      ...pathHand[i],
      ...generatedBodyValues(route.key, p, generated, realPath[p.name]).map((h) => ({
        ...h,
        value: String(h.value),
      })),
    ];
    for (const hostile of values) {
      add(p.name, hostile, { url: urlWith({ ...realPath, [p.name]: String(hostile.value) }) }, p.name);
    }
  });

  route.query.forEach((q, i) => {
    for (const hostile of [...queryHand[i], ...generatedQueryValues(route.key, q, generated)]) {
      const value = hostile.value;
      const query = Array.isArray(value)
        ? value.map((v) => `${q.name}=${encodeComponent(v)}`).join('&')
        : typeof value === 'string'
          ? `${q.name}=${encodeComponent(value)}`
          : q.name;
      add(q.name, hostile, { url: urlWith(realPath, query) }, q.name);
    }
  });
  if (route.query.length > 0) {
    for (const hostile of FORBIDDEN_QUERY_KEYS) {
      const [key, value] = hostile.value;
      const query = `${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeComponent(value)}`;
      add(key, { klass: hostile.klass, value: `${key}=${value}` }, { url: urlWith(realPath, query) }, key);
    }
  }

  route.body.forEach((f, i) => {
    for (const hostile of [...bodyHand[i], ...generatedBodyValues(route.key, f, generated)]) {
      add(f.name, hostile, { body: toJson(setAt(baseline(f.name)!, f.at, hostile.value)) }, f.name);
    }
  });

  if (route.bodySchema) {
    // Forbidden and unknown keys, at the top and inside each nested object the valid body has.
    const objects = [[], ...route.body.filter((f) => kindOf(f) === 'object').map((f) => f.at)];
    for (const at of objects) {
      for (const hostile of FORBIDDEN_KEYS) {
        const [key, value] = hostile.value;
        const body = baseline()!;
        const target = dig(body, at);
        if (!target) continue;
        withOwnKey(target, key, value);
        const field = [...at, key].join('.');
        add(field, { klass: hostile.klass, value: { [key]: value } }, { body: toJson(body) }, field);
      }
    }
    for (const whole of wholeRequestClasses(baseline()!, (route.bodySchema.required?.length ?? 0) > 0)) {
      add(whole.field, { klass: whole.klass, value: whole.body ?? '' }, whole);
    }
  }
  return cases;
}

/** The object at `at` in `body`, if the body has one there. */
function dig(body: Record<string, unknown>, at: (string | number)[]): Record<string, unknown> | undefined {
  let node: unknown = body;
  for (const key of at)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node && typeof node === 'object' && !Array.isArray(node)
    ? (node as Record<string, unknown>)
    : undefined;
}

/** Whole-request classes: deep nesting, wrong media types, no body, a body that is not an object. */
function wholeRequestClasses(
  baseline: Record<string, unknown>,
  requiresFields: boolean,
): (Partial<HostileCase> & { klass: string; field: string })[] {
  const json = toJson(baseline);
  const form = new URLSearchParams(
    Object.entries(baseline).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ).toString();
  const body = (klass: string, raw: string, contentType?: string | null) => ({
    klass,
    field: '(body)',
    body: raw,
    contentType,
  });
  return [
    body('deepObject', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
    body('deepArray', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`),
    body(
      'deepInField',
      `{${json.slice(1, -1)}${json.length > 2 ? ',' : ''}"x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
    ),
    body('charsetIso88591', json, 'application/json; charset=iso-8859-1'),
    body('textPlain', json, 'text/plain'),
    body('formUrlencoded', form, 'application/x-www-form-urlencoded'),
    body('noContentType', json, null),
    // An empty body reads as `{}`: hostile only where the body has required fields.
    ...(requiresFields
      ? [{ klass: 'emptyBody', field: '(body)', body: undefined, contentType: 'application/json' }]
      : []),
    body('jsonArray', `[${json}]`),
    body('jsonString', '"text"'),
    body('jsonNumber', '42'),
    body('jsonNull', 'null'),
    body('jsonTrue', 'true'),
    body('malformedJson', json.slice(0, -1)),
  ];
}
