import { SignupAccountUseCase } from '../exchange/account/use-cases/signup-account.use-case';
import { DecideApprovalUseCase } from '../exchange/approval/use-cases/decide-approval.use-case';
import { DriftUseCase } from '../exchange/drift/drift.use-case';
import { AccountLifecycleUseCase } from '../exchange/lifecycle/use-cases/account-lifecycle.use-case';
import { command, commandWithBody } from './command';
import { AccountInput, IdInput } from './command-inputs.dto';

/** Signup, the account's lifecycle (the panel's hooks), drift repair and approval decisions. */
export const ACCOUNT_COMMANDS = {
  'account.signup': commandWithBody(null, (use, i, actor) =>
    use(SignupAccountUseCase).execute(i.body, actor),
  ),
  'account.suspend': command(AccountInput, (use, i, actor) =>
    use(AccountLifecycleUseCase).suspend(i.accountId, actor),
  ),
  'account.unsuspend': command(AccountInput, (use, i, actor) =>
    use(AccountLifecycleUseCase).unsuspend(i.accountId, actor),
  ),
  'account.terminate': command(AccountInput, (use, i, actor) =>
    use(AccountLifecycleUseCase).terminate(i.accountId, actor),
  ),
  'account.changePlan': commandWithBody(AccountInput, (use, i, actor) =>
    use(AccountLifecycleUseCase).changePlan(i.accountId, i.body, actor),
  ),
  'drift.repair': command(AccountInput, (use, i, actor) => use(DriftUseCase).repair(i.accountId, actor)),
  'approval.approve': commandWithBody(IdInput, (use, i, actor) =>
    use(DecideApprovalUseCase).approve(i.id, i.body, actor),
  ),
  'approval.reject': commandWithBody(IdInput, (use, i, actor) =>
    use(DecideApprovalUseCase).reject(i.id, i.body, actor),
  ),
  'approval.expireDue': command(null, (use, _i, actor) => use(DecideApprovalUseCase).expireDue(actor)),
};
