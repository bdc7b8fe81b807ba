/**
 * Input keys that hold secrets (a password, an import's CSV with its passwords): sealed while a command waits for
 * approval, never stored, audited or shown in clear.
 */
const SECRET_KEY = /password|secret|csv/i;

type Json = Record<string, unknown>;

/** The input without its secrets, and the secrets by path (`body.password`), or null when it has none. */
export function splitSecrets(input: Json): { stripped: Json; secrets: Record<string, string> | null } {
  const secrets: Record<string, string> = {};
  const strip = (value: Json, path: string): Json =>
    Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) => {
        const at = path ? `${path}.${key}` : key;
        if (SECRET_KEY.test(key) && typeof item === 'string') {
          secrets[at] = item;
          return [];
        }
        const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
        return [[key, isObject ? strip(item as Json, at) : item]];
      }),
    );
  const stripped = strip(input, '');
  return { stripped, secrets: Object.keys(secrets).length > 0 ? secrets : null };
}

/** The input with its secrets put back where they were. */
export function joinSecrets(stripped: Json, secrets: Record<string, string> | null): Json {
  const joined = structuredClone(stripped);
  for (const [path, value] of Object.entries(secrets ?? {})) {
    const keys = path.split('.');
    let target = joined;
    for (const key of keys.slice(0, -1)) target = target[key] as Json;
    target[keys[keys.length - 1]] = value;
  }
  return joined;
}
