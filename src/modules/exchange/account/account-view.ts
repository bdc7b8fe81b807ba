import type { OperationStatus } from '../operations/operation.entity';
import type { Account, AccountStatus } from './account.entity';

/**
 * The engine has no completion hook, so a provisioning account's status is read from its operation:
 * succeeded → active, compensated or failed → failed, anything else → provisioning.
 */
export function effectiveStatus(
  account: Account,
  operationStatus: OperationStatus | undefined,
): AccountStatus {
  if (account.status !== 'provisioning' || !operationStatus) return account.status;
  if (operationStatus === 'succeeded') return 'active';
  if (operationStatus === 'compensated' || operationStatus === 'failed') return 'failed';
  return 'provisioning';
}
