import { invalidArgument } from '../errors';

/** A name that becomes an RDN value (escaped when the DN is built): no control characters, no edge spaces. */
export function checkName(parameter: string, value: string): string {
  if (value.trim() !== value) throw invalidArgument(parameter, 'must not start or end with white space');
  if (Array.from(value).some((ch) => (ch.codePointAt(0) ?? 0) < 0x20))
    throw invalidArgument(parameter, 'must not contain control characters');
  return value;
}

const SAM_FORBIDDEN = '"/\\[]:|<>+=;?,*';

/** sAMAccountName: at most 20 characters, none of "/\[]:|<>+=;?,* and not ending with a dot. */
export function checkSamAccountName(parameter: string, value: string): string {
  if (Array.from(value).some((ch) => SAM_FORBIDDEN.includes(ch) || (ch.codePointAt(0) ?? 0) < 0x20))
    throw invalidArgument(
      parameter,
      `"${value}" contains a character from ${SAM_FORBIDDEN} or a control character`,
    );
  if (value.endsWith('.')) throw invalidArgument(parameter, 'must not end with a dot');
  return checkName(parameter, value);
}

export function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
