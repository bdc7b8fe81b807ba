/** The signed plugin routes that take input, read from the app's own OpenAPI document (/docs-json). */

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A schema with every `$ref` and single `allOf` resolved. */
export interface Schema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}

/** One input of a route: a path or query parameter, or a (possibly nested) body field like `admin.localPart`. */
export interface InputField {
  location: 'path' | 'query' | 'body';
  /** As validation errors name it: `limit`, `admin.localPart`, `mailboxes.0.max`. */
  name: string;
  /** Where the value sits in the body (property names and array indexes). */
  at: (string | number)[];
  schema: Schema;
  required: boolean;
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/plugin/v1/accounts/{accountId}/mailboxes`. */
  template: string;
  key: string;
  pathParams: InputField[];
  query: InputField[];
  /** Body fields, walked down nested objects and the first item of arrays of objects. */
  body: InputField[];
  bodySchema?: Schema;
}

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, RawSchema> };
};
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: RawSchema }[];
  requestBody?: { content?: Record<string, { schema?: RawSchema }> };
};
type RawSchema = Schema & { $ref?: string; allOf?: RawSchema[] } & Record<string, unknown>;

const METHODS: HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

function resolver(doc: Doc) {
  const resolve = (raw: RawSchema | undefined, depth = 0): Schema => {
    if (!raw || depth > 20) return {};
    if (raw.$ref) {
      const name = raw.$ref.replace('#/components/schemas/', '');
      return resolve(doc.components?.schemas?.[name], depth + 1);
    }
    if (raw.allOf?.length === 1) return { ...resolve(raw.allOf[0], depth + 1), nullable: raw.nullable };
    const schema: Schema = {
      type: raw.type,
      enum: raw.enum,
      nullable: raw.nullable,
      maxLength: raw.maxLength,
      minimum: raw.minimum,
      maximum: raw.maximum,
      required: raw.required,
    };
    if (raw.properties) {
      schema.type ??= 'object';
      schema.properties = Object.fromEntries(
        Object.entries(raw.properties).map(([key, value]) => [key, resolve(value as RawSchema, depth + 1)]),
      );
    }
    if (raw.items) schema.items = resolve(raw.items as RawSchema, depth + 1);
    return schema;
  };
  return resolve;
}

/** Every field of a body schema: each property, then the properties of nested objects (and of array items). */
export function bodyFields(schema: Schema, at: (string | number)[] = []): InputField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => {
    const here = [...at, key];
    const field: InputField = {
      location: 'body',
      name: here.join('.'),
      at: here,
      schema: child,
      required: schema.required?.includes(key) ?? false,
    };
    const nested = child.properties
      ? bodyFields(child, here)
      : child.items?.properties
        ? bodyFields(child.items, [...here, 0])
        : [];
    return [field, ...nested];
  });
}

/** Routes under /plugin/v1 with at least one path parameter, query parameter or JSON body. */
export function routesWithInput(doc: Doc): RouteSpec[] {
  const resolve = resolver(doc);
  return Object.entries(doc.paths)
    .filter(([template]) => template.startsWith('/plugin/v1/'))
    .flatMap(([template, operations]) =>
      METHODS.filter((method) => operations[method]).map((method): RouteSpec => {
        const operation = operations[method];
        const param = (where: 'path' | 'query') =>
          (operation.parameters ?? [])
            .filter((p) => p.in === where)
            .map((p): InputField => ({
              location: where,
              name: p.name,
              at: [p.name],
              schema: resolve(p.schema),
              required: p.required ?? false,
            }));
        const raw = operation.requestBody?.content?.['application/json']?.schema;
        const bodySchema = raw ? resolve(raw) : undefined;
        return {
          method,
          template,
          key: `${method.toUpperCase()} ${template}`,
          pathParams: param('path'),
          query: param('query'),
          body: bodySchema ? bodyFields(bodySchema) : [],
          bodySchema,
        };
      }),
    )
    .filter((route) => route.pathParams.length + route.query.length > 0 || route.bodySchema !== undefined);
}
