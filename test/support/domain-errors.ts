import { DomainError } from '../../src/modules/shared/errors/domain.error';

/** The DomainError a promise rejects with (fails the test when it resolves or rejects with anything else). */
export async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => new Error('expected a DomainError, but the call succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError)) throw outcome;
  return outcome;
}

/** The DomainError a call throws (fails the test when it returns or throws anything else). */
export function thrown(fn: () => unknown): DomainError {
  let outcome: unknown = new Error('expected a DomainError, but the call returned');
  try {
    fn();
  } catch (error) {
    outcome = error;
  }
  if (!(outcome instanceof DomainError)) throw outcome;
  return outcome;
}
