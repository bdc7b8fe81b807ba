import { isTransient, TransientError } from '../../../src/modules/exchange/operations/operation-errors';
import { OperationRegistry } from '../../../src/modules/exchange/operations/operation.registry';
import {
  backoffDelayMs,
  DEFAULT_OPERATIONS_WORKER_OPTIONS,
} from '../../../src/modules/exchange/operations/operations-worker.options';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

describe('provisioning engine rules', () => {
  it('retries only MPF/directory unavailability and errors marked transient', () => {
    expect(isTransient(new DomainError(ErrorCode.MPF_UNAVAILABLE, 'x'))).toBe(true);
    expect(isTransient(new DomainError(ErrorCode.DIRECTORY_UNAVAILABLE, 'x'))).toBe(true);
    expect(isTransient(new TransientError('busy'))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { transient: true }))).toBe(true);
    expect(isTransient(new DomainError(ErrorCode.MPF_REJECTED, 'x'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });

  it('doubles the backoff with each attempt, up to the maximum', () => {
    const options = { ...DEFAULT_OPERATIONS_WORKER_OPTIONS, backoffBaseMs: 1000, backoffMaxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(options, n))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('refuses duplicate kinds, empty kinds, duplicate step names and unknown kinds', () => {
    const registry = new OperationRegistry();
    const run = () => Promise.resolve(undefined);
    registry.register({ kind: 'a', steps: [{ name: 's', run }] });
    expect(registry.find('a')?.steps).toHaveLength(1);
    expect(() => registry.register({ kind: 'a', steps: [{ name: 's', run }] })).toThrow(/already/);
    expect(() => registry.register({ kind: 'b', steps: [] })).toThrow(/no steps/);
    expect(() =>
      registry.register({
        kind: 'c',
        steps: [
          { name: 's', run },
          { name: 's', run },
        ],
      }),
    ).toThrow(/same name/);
    expect(() => registry.require('zzz')).toThrow(DomainError);
  });
});
