import { getMetadataStorage, ValidateBy } from 'class-validator';
import type { FieldError } from '../errors/domain.error';

const MULTILINE = 'textMultiline';
const VERBATIM = 'textVerbatim';
const DEFERRED = 'textDeferred';

/**
 * A marker kept as class-validator metadata (a rule that always passes), so that mapped types such as
 * PartialType, which copy a DTO's validation metadata, keep it too.
 */
const mark = (name: string): PropertyDecorator => ValidateBy({ name, validator: { validate: () => true } });

/** The field may hold line breaks and tabs (a CSV or XML document, a PEM certificate, a description). */
export const Multiline = (): PropertyDecorator => mark(MULTILINE);

/** The field is kept exactly as given, not NFC-normalized (a password: the user types it again at logon). */
export const Verbatim = (): PropertyDecorator => mark(VERBATIM);

/** The field's items are checked by their own DTO later (e.g. the plans of an import): no text rules here. */
export const TextRulesDeferred = (): PropertyDecorator => mark(DEFERRED);

export interface TextOptions {
  multiline: boolean;
  verbatim: boolean;
  deferred?: boolean;
}

export function textOptionsOf(instance: object, property: string): TextOptions {
  const markers = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(instance.constructor, '', true, false)
      .filter((metadata) => metadata.propertyName === property)
      .map((metadata) => metadata.name),
  );
  return {
    multiline: markers.has(MULTILINE),
    verbatim: markers.has(VERBATIM),
    deferred: markers.has(DEFERRED),
  };
}

const LINE_BREAKS = new Set(['\t', '\n', '\r']);
/** C0 and C1 control characters and DEL (NUL included). */
const CONTROL = /\p{Cc}/gu;
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Invisible characters that make two strings look alike or reorder what is shown: format characters
 * (bidi embeddings, overrides and isolates, marks, zero-width spaces and joiners, soft hyphen, BOM, tags),
 * line and paragraph separators, unassigned code points, and the other default-ignorable ones (Hangul fillers,
 * variation selectors, the combining grapheme joiner) and the blank braille pattern.
 */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with one string of the input, if anything: control characters (line breaks only where the
 * field allows them), lone surrogates, invisible or bidirectional formatting characters. The message names the
 * code point, never the value (it may be a password).
 */
export function textErrorOf(field: string, value: string, options: TextOptions): FieldError | null {
  for (const [char] of value.matchAll(CONTROL)) {
    if (options.multiline && LINE_BREAKS.has(char)) continue;
    const allowed = options.multiline ? ' (only tabs and line breaks are allowed)' : '';
    return {
      field,
      rule: 'noControlCharacters',
      message: `${field} must not contain control characters: found ${codePoint(char)}${allowed}`,
    };
  }
  if (LONE_SURROGATE.test(value)) {
    return {
      field,
      rule: 'wellFormedUnicode',
      message: `${field} must be well-formed Unicode: it has a lone surrogate`,
    };
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    return {
      field,
      rule: 'noInvisibleCharacters',
      message: `${field} must not contain invisible or bidirectional formatting characters: found ${codePoint(invisible[0])}`,
    };
  }
  return null;
}
