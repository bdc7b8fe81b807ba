import { domainToASCII, domainToUnicode } from 'node:url';
import { DomainError } from '../../../shared/errors/domain.error';
import { isHighlyRestrictive, scriptNamesOf } from './domain-scripts';

/** A domain in its two forms: `ascii` (IDNA/UTS #46, lower case) is stored, compared and sent to MPF. */
export interface DomainName {
  ascii: string;
  /** The display form (Unicode); equal to `ascii` for a domain without international labels. */
  unicode: string;
}

/** Why a string is not an acceptable domain: the rule and a message naming the problem (not the field). */
export interface DomainNameProblem {
  rule: string;
  message: string;
}

const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
/** Letters, combining marks, digits and the hyphen: nothing else may appear in a label. */
const LABEL_CHARACTERS = /^[\p{L}\p{M}\p{Nd}-]+$/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const codePoints = (text: string) =>
  Array.from(text)
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');

function problem(rule: string, message: string): DomainNameProblem {
  return { rule, message };
}

/** The first label that is not letters, marks, digits and hyphens, described; undefined when all are. */
function badCharacters(labels: string[]): DomainNameProblem | undefined {
  for (const label of labels) {
    if (label === '')
      return problem('domainLabels', 'has an empty label (a leading, trailing or double dot)');
    const bad = Array.from(label).filter((c) => !LABEL_CHARACTERS.test(c));
    if (bad.length > 0) {
      return problem(
        'domainCharacters',
        `may hold only letters, digits and hyphens; found ${codePoints([...new Set(bad)].join(''))}`,
      );
    }
  }
  return undefined;
}

/**
 * Parses any input into a domain name, or says which rule it breaks. The same rules hold on the Unicode and the
 * ASCII (`xn--`) spellings: labels of letters, marks, digits and hyphens only (no emoji, symbols, spaces or
 * invisible characters), each label in one script (UTS #39 highly restrictive), a valid IDNA form of at most 253
 * characters with labels of 1-63, at least two labels, and a top-level label that is not all digits.
 */
export function parseDomainName(raw: unknown): DomainName | DomainNameProblem {
  if (typeof raw !== 'string') return problem('isString', 'must be a string');
  if (raw.length === 0 || raw.length > 4 * MAX_DOMAIN)
    return problem('domainLength', 'must be 1-253 characters');
  const composed = raw.normalize('NFC');
  const given = badCharacters(composed.split('.'));
  if (given) return given;
  const ascii = domainToASCII(composed).toLowerCase();
  if (ascii === '') return problem('idna', 'is not a valid internationalized domain name (IDNA)');
  if (ascii.length > MAX_DOMAIN) return problem('domainLength', `is longer than ${MAX_DOMAIN} characters`);
  const labels = ascii.split('.');
  if (labels.length < 2) return problem('domainLabels', 'needs at least two labels (e.g. example.com)');
  for (const label of labels) {
    if (label.length > MAX_LABEL)
      return problem('domainLabels', `has a label longer than ${MAX_LABEL} characters`);
    if (!ASCII_LABEL.test(label)) {
      return problem('domainLabels', `has a label "${label}" starting or ending with a hyphen, or empty`);
    }
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) {
      return problem('domainLabels', `has a label "${label}" with "--" in 3rd and 4th position (reserved)`);
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1]))
    return problem('domainLabels', 'must not end in an all-digit label');
  const unicode = domainToUnicode(ascii);
  if (unicode === '' || domainToASCII(unicode) !== ascii) {
    return problem('idna', 'is not a valid internationalized domain name (IDNA)');
  }
  const decoded = badCharacters(unicode.split('.'));
  if (decoded) return decoded;
  const mixed = unicode.split('.').find((label) => !isHighlyRestrictive(label));
  if (mixed !== undefined) {
    return problem(
      'mixedScript',
      `mixes scripts in the label "${mixed}" (${scriptNamesOf(mixed).join(', ')}); a label must use one script (Latin may go with Chinese, Japanese or Korean)`,
    );
  }
  return { ascii, unicode };
}

export function isDomainNameProblem<T extends object>(
  parsed: T | DomainNameProblem,
): parsed is DomainNameProblem {
  return 'rule' in parsed;
}

/** The domain name, or 400 naming `field` and the rule it breaks. */
export function normalizeDomainName(raw: unknown, field: string): DomainName {
  const parsed = parseDomainName(raw);
  if (isDomainNameProblem(parsed)) {
    throw DomainError.validation([{ field, rule: parsed.rule, message: `${field} ${parsed.message}` }]);
  }
  return parsed;
}

/** Whether `domain` is `parent` or one of its subdomains (both in ASCII form). */
export function isWithin(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}
