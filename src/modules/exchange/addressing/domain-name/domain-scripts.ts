/**
 * UTS #39 restriction levels for one label: "highly restrictive" allows a single script, or Latin combined with
 * Han + Hiragana + Katakana (Japanese), Han + Bopomofo (Chinese) or Han + Hangul (Korean). Script_Extensions come
 * from the JavaScript engine's own Unicode data (ICU, updated with Node), through regular-expression property
 * escapes; no table of ours to keep up to date.
 */
const SCRIPT_CODES =
  `Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Bhks Bopo Brah Brai Bugi Buhd Cakm
  Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor Glag Gong Gonm
  Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr
  Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc
  Mero Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr
  Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sind Sinh Sogd Sogo
  Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Toto
  Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb`.split(/\s+/);

/** The scripts this engine knows, each with its Script_Extensions test. */
const SCRIPTS: [string, RegExp][] = SCRIPT_CODES.flatMap((code) => {
  try {
    return [[code, new RegExp(`^\\p{Script_Extensions=${code}}$`, 'u')] as [string, RegExp]];
  } catch {
    return []; // a script newer than this engine's Unicode version
  }
});
const COMMON_OR_INHERITED = /^[\p{Script_Extensions=Zyyy}\p{Script_Extensions=Zinh}]$/u;

/** The CJK writing systems UTS #39 treats as one script each (its "augmented" script sets). */
const WRITING_SYSTEMS: Record<string, string[]> = {
  Hani: ['Hanb', 'Jpan', 'Kore'],
  Hira: ['Jpan'],
  Kana: ['Jpan'],
  Hang: ['Kore'],
  Bopo: ['Hanb'],
};

const AUGMENTED = new Set(['Hanb', 'Jpan', 'Kore']);

const cache = new Map<string, Set<string> | null>();

/** A character's augmented Script_Extensions; null for Common and Inherited (digits, hyphen, marks): any script. */
function scriptsOf(char: string): Set<string> | null {
  let found = cache.get(char);
  if (found !== undefined) return found;
  if (COMMON_OR_INHERITED.test(char)) found = null;
  else {
    found = new Set(SCRIPTS.filter(([, test]) => test.test(char)).map(([code]) => code));
    for (const code of [...found]) for (const extra of WRITING_SYSTEMS[code] ?? []) found.add(extra);
  }
  cache.set(char, found);
  return found;
}

/** UTS #39 resolved script set: the scripts every character can be written in (null: any script). */
function resolvedScripts(chars: string[]): Set<string> | null {
  let resolved: string[] | null = null;
  for (const char of chars) {
    const scripts = scriptsOf(char);
    if (scripts === null) continue;
    resolved = resolved === null ? [...scripts] : resolved.filter((s) => scripts.has(s));
  }
  return resolved === null ? null : new Set(resolved);
}

/** Whether a label is "highly restrictive" in the sense of UTS #39 section 5.2. */
export function isHighlyRestrictive(label: string): boolean {
  const chars = Array.from(label);
  const single = resolvedScripts(chars);
  if (single === null || single.size > 0) return true;
  const withoutLatin = resolvedScripts(chars.filter((c) => !scriptsOf(c)?.has('Latn')));
  return withoutLatin !== null && ['Jpan', 'Hanb', 'Kore'].some((s) => withoutLatin.has(s));
}

/** The scripts a label uses, for messages (e.g. "Cyrillic and Latin"). */
export function scriptNamesOf(label: string): string[] {
  const names = new Set<string>();
  for (const char of Array.from(label)) {
    const scripts = scriptsOf(char);
    if (scripts) names.add([...scripts].filter((s) => !AUGMENTED.has(s)).join('/'));
  }
  return [...names].sort();
}
