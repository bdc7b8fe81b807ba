/** What a DNS lookup of a name's TXT records found: the records (chunks joined), or why it failed. */
export type TxtLookupResult = { records: string[] } | { failure: string };

/** The DNS, as domain verification sees it: the TXT records of a name. */
export interface TxtLookup {
  txtRecords(name: string): Promise<TxtLookupResult>;
}

export const TXT_LOOKUP = Symbol('TxtLookup');
