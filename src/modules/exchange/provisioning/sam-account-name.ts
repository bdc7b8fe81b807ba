import { randomInt } from 'node:crypto';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';

const FORBIDDEN = /["/\\[\]:|<>+=;?,*]/g;
export const SAM_MAX_LENGTH = 20;

/** MPF.md §2: strip `"/\[]:|<>+=;?,*`, `@` → `_`, cut to 20 (a trailing dot, which AD refuses, is dropped). */
export function baseSamAccountName(userPrincipalName: string): string {
  const cleaned = userPrincipalName.replace(FORBIDDEN, '').replace(/@/g, '_');
  return cutTo(cleaned, SAM_MAX_LENGTH);
}

function cutTo(value: string, length: number): string {
  return Array.from(value).slice(0, length).join('').replace(/\.+$/, '');
}

function digits(count: number, random: (max: number) => number): string {
  return String(random(10 ** count)).padStart(count, '0');
}

/** The names to try in order: the base, 3 × (17 + 3 random digits), 2 × (15 + 5 random digits). */
export function samAccountNameCandidates(
  userPrincipalName: string,
  random: (max: number) => number = randomInt,
): string[] {
  const base = baseSamAccountName(userPrincipalName);
  return [
    base,
    ...[1, 2, 3].map(() => cutTo(base, 17) + digits(3, random)),
    ...[1, 2].map(() => cutTo(base, 15) + digits(5, random)),
  ];
}

/** The first candidate `isTaken` says is free, or CONFLICT naming the user. */
export async function pickSamAccountName(
  userPrincipalName: string,
  isTaken: (sam: string) => Promise<boolean>,
  random?: (max: number) => number,
): Promise<string> {
  for (const candidate of samAccountNameCandidates(userPrincipalName, random)) {
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new DomainError(
    ErrorCode.CONFLICT,
    `No free sAMAccountName for ${userPrincipalName}: the derived name and 5 random variants are all taken`,
  );
}
