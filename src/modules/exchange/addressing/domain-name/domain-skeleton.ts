import { createHash } from 'node:crypto';
import { rectifyConfusion } from 'unicode-confusables';

/** UTS #39 skeleton: NFD, every character replaced by its prototype, NFD again. Equal skeletons look alike. */
export function skeletonOf(text: string): string {
  // The mapping is Unicode's confusables.txt as shipped by `unicode-confusables` (its rectifyConfusion replaces
  // each listed code point by its prototype); the NFD steps around it are the standard's and ours.
  return rectifyConfusion(text.normalize('NFD')).normalize('NFD');
}

/**
 * What the `smtp_domains.skeleton` column holds: the SHA-256 (hex) of the skeleton of the domain's Unicode form.
 * A hash because MariaDB's collations compare case- and accent-insensitively, which would blur the skeleton; the
 * hash compares exactly and always fits the index.
 */
export function skeletonKeyOf(unicodeDomain: string): string {
  return createHash('sha256').update(skeletonOf(unicodeDomain)).digest('hex');
}
