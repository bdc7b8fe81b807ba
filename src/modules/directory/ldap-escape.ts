/**
 * Escaping of untrusted values for LDAP, as pure functions.
 *
 * Filters: prefer ldapts Filter objects (`new EqualityFilter({ attribute, value })`): they travel as BER, the value
 * is never parsed, so nothing in it can change the filter. When a filter must be a string, wrap every value in
 * `escapeFilterValue`.
 */

const FILTER_ESCAPES: Record<string, string> = {
  '\\': '\\5c',
  '*': '\\2a',
  '(': '\\28',
  ')': '\\29',
  '\0': '\\00',
};

/**
 * RFC 4515 assertion value: escapes `\ * ( )` and NUL as `\xx` (lower-case hex, as ldapts prints filters).
 * Other characters stay as they are: RFC 4515 allows UTF-8, and ldapts's filter parser decodes each `\xx` into
 * one character, so escaping the UTF-8 bytes of `ö` as `\c3\b6` would reach the server as `Ã¶`.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (char) => FILTER_ESCAPES[char]);
}

const DN_SPECIALS = new Set([',', '+', '"', '\\', '<', '>', ';', '=']);

function hexEscape(code: number): string {
  return `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * RFC 4514 attribute value for a DN: backslash before `, + " \ < > ; =`, a leading `#`, a leading or trailing
 * space; control characters (NUL, CR, LF…) as `\XX`. `=` need not be escaped per RFC 4514 but AD lists it as
 * reserved and Samba refuses it unescaped. Non-ASCII stays as UTF-8.
 */
export function escapeDnValue(value: string): string {
  const chars = [...value];
  return chars
    .map((char, index) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) return hexEscape(code);
      if (DN_SPECIALS.has(char)) return `\\${char}`;
      if (char === '#' && index === 0) return '\\#';
      if (char === ' ' && (index === 0 || index === chars.length - 1)) return '\\ ';
      return char;
    })
    .join('');
}
