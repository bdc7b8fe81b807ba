/** Prices travel as decimal numbers with at most two decimals and are kept as integer cents. */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** `cents × numerator / denominator`, rounded half away from zero to whole cents. */
export function prorate(cents: number, numerator: number, denominator: number): number {
  const exact = (cents * numerator) / denominator;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
