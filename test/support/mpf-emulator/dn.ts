/**
 * Distinguished names (RFC 4514), parsed into RDNs with unescaped values and written back with every special
 * character escaped. Values are compared case-insensitively, as Active Directory compares CN/OU/DC.
 *
 * Samba surprise: its DN parser refuses an unescaped `=` inside a value (`CN=a=b` is "invalid dn"), which
 * RFC 4514 allows; so the writer escapes `=` too (RFC 4514 lets any special character be escaped).
 */

export interface Rdn {
  readonly type: string;
  readonly value: string;
}

export class DnSyntaxError extends Error {}

const ESCAPED = new Set([',', '+', '"', '\\', '<', '>', ';', '=']);
const UPPERCASE_TYPES = new Set(['cn', 'ou', 'dc', 'o', 'c', 'l']);

/** RFC 4514 §2.4: escapes one attribute value (never empty) for use inside a DN. */
export function escapeDnValue(value: string): string {
  const chars = Array.from(value);
  let out = '';
  chars.forEach((ch, index) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (
      ESCAPED.has(ch) ||
      (index === 0 && (ch === '#' || ch === ' ')) ||
      (index === chars.length - 1 && ch === ' ')
    )
      out += `\\${ch}`;
    else out += ch;
  });
  return out;
}

export class Dn {
  constructor(readonly rdns: readonly Rdn[]) {}

  static parse(text: string): Dn {
    return new Dn(new DnParser(text).parse());
  }

  static of(type: string, value: string, parent: Dn): Dn {
    return parent.child(type, value);
  }

  get depth(): number {
    return this.rdns.length;
  }

  /** The first (leftmost) RDN. */
  get rdn(): Rdn {
    return this.rdns[0];
  }

  child(type: string, value: string): Dn {
    if (value === '') throw new DnSyntaxError('an RDN value cannot be empty');
    return new Dn([{ type, value }, ...this.rdns]);
  }

  parent(): Dn {
    return new Dn(this.rdns.slice(1));
  }

  /** The ancestor (or this DN) that has `depth` RDNs. */
  ancestor(depth: number): Dn {
    return new Dn(this.rdns.slice(this.rdns.length - depth));
  }

  /** Lower-cased canonical form: equal keys mean the same entry. */
  key(): string {
    return this.toString().toLowerCase();
  }

  equals(other: Dn): boolean {
    return this.key() === other.key();
  }

  /** True when this DN lies strictly below `ancestor`. */
  isUnder(ancestor: Dn): boolean {
    return this.depth > ancestor.depth && this.ancestor(ancestor.depth).equals(ancestor);
  }

  toString(): string {
    return this.rdns
      .map(({ type, value }) => {
        const name = UPPERCASE_TYPES.has(type.toLowerCase()) ? type.toUpperCase() : type;
        return `${name}=${escapeDnValue(value)}`;
      })
      .join(',');
  }
}

/** A small RFC 4514 parser; also accepts RFC 2253 quoted values and `\<any char>` (ADSI escapes `/` so). */
class DnParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Rdn[] {
    if (this.text.trim() === '') throw new DnSyntaxError('the DN is empty');
    const rdns: Rdn[] = [];
    for (;;) {
      rdns.push(this.rdn());
      if (this.pos >= this.text.length) return rdns;
      if (this.text[this.pos] !== ',') throw new DnSyntaxError(`unexpected "${this.text[this.pos]}"`);
      this.pos += 1;
    }
  }

  private rdn(): Rdn {
    this.skipSpaces();
    const start = this.pos;
    while (this.pos < this.text.length && /[A-Za-z0-9.-]/.exec(this.text[this.pos]) !== null) this.pos += 1;
    const type = this.text.slice(start, this.pos);
    if (/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*)$/.exec(type) === null)
      throw new DnSyntaxError('bad attribute type');
    this.skipSpaces();
    if (this.text[this.pos] !== '=') throw new DnSyntaxError(`"=" expected after ${type}`);
    this.pos += 1;
    this.skipSpaces();
    const value = this.text[this.pos] === '"' ? this.quotedValue() : this.plainValue();
    if (value === '') throw new DnSyntaxError(`empty value for ${type}`);
    return { type, value };
  }

  private plainValue(): string {
    if (this.text[this.pos] === '#') throw new DnSyntaxError('hex-encoded (#) values are not supported');
    const bytes: number[] = [];
    let trailingSpaces = 0;
    while (this.pos < this.text.length && this.text[this.pos] !== ',') {
      const ch = this.text[this.pos];
      if (ch === '+') throw new DnSyntaxError('multi-valued RDNs are not supported');
      if ('"<>;\0'.includes(ch)) throw new DnSyntaxError(`"${ch}" must be escaped`);
      if (ch === '\\') {
        this.escape(bytes);
        trailingSpaces = 0;
        continue;
      }
      trailingSpaces = ch === ' ' ? trailingSpaces + 1 : 0;
      this.literal(bytes);
    }
    return decodeUtf8(bytes.slice(0, bytes.length - trailingSpaces));
  }

  private quotedValue(): string {
    this.pos += 1;
    const bytes: number[] = [];
    while (this.text[this.pos] !== '"') {
      if (this.pos >= this.text.length) throw new DnSyntaxError('unterminated quoted value');
      if (this.text[this.pos] === '\\') this.escape(bytes);
      else this.literal(bytes);
    }
    this.pos += 1;
    this.skipSpaces();
    return decodeUtf8(bytes);
  }

  private escape(bytes: number[]): void {
    const pair = this.text.slice(this.pos + 1, this.pos + 3);
    if (/^[0-9A-Fa-f]{2}$/.exec(pair) !== null) {
      bytes.push(parseInt(pair, 16));
      this.pos += 3;
      return;
    }
    if (this.pos + 1 >= this.text.length) throw new DnSyntaxError('dangling "\\"');
    this.pos += 1;
    this.literal(bytes);
  }

  private literal(bytes: number[]): void {
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    bytes.push(...Buffer.from(ch, 'utf8'));
    this.pos += ch.length;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }
}

function decodeUtf8(bytes: number[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    throw new DnSyntaxError('escaped bytes are not valid UTF-8');
  }
}
