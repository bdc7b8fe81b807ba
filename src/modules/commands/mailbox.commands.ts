import { ImportMailboxesUseCase } from '../exchange/mailbox-import/use-cases/import-mailboxes.use-case';
import { ChangeMailboxUseCase } from '../exchange/mailbox/use-cases/change-mailbox.use-case';
import { CreateMailboxUseCase } from '../exchange/mailbox/use-cases/create-mailbox.use-case';
import { DeleteMailboxUseCase } from '../exchange/mailbox/use-cases/delete-mailbox.use-case';
import { command, commandWithBody } from './command';
import { AccountInput, MailboxAddressInput, MailboxEnabledInput, MailboxInput } from './command-inputs.dto';

/** Mailboxes: create, every change, delete, and the bulk import. */
export const MAILBOX_COMMANDS = {
  'mailbox.create': commandWithBody(AccountInput, (use, i, actor) =>
    use(CreateMailboxUseCase).execute(i.accountId, i.body, actor),
  ),
  'mailbox.edit': commandWithBody(MailboxInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).edit(i.accountId, i.mailboxId, i.body, actor),
  ),
  'mailbox.setPassword': commandWithBody(MailboxInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).setPassword(i.accountId, i.mailboxId, i.body, actor),
  ),
  'mailbox.changePlan': commandWithBody(MailboxInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).changePlan(i.accountId, i.mailboxId, i.body, actor),
  ),
  'mailbox.setEnabled': command(MailboxEnabledInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).setEnabled(i.accountId, i.mailboxId, i.enabled, actor),
  ),
  'mailbox.addAlias': commandWithBody(MailboxInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).addAlias(i.accountId, i.mailboxId, i.body, actor),
  ),
  'mailbox.removeAlias': command(MailboxAddressInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).removeAlias(i.accountId, i.mailboxId, i.address, actor),
  ),
  'mailbox.setForwarding': commandWithBody(MailboxInput, (use, i, actor) =>
    use(ChangeMailboxUseCase).setForwarding(i.accountId, i.mailboxId, i.body, actor),
  ),
  'mailbox.delete': command(MailboxInput, (use, i, actor) =>
    use(DeleteMailboxUseCase).execute(i.accountId, i.mailboxId, actor),
  ),
  'mailboxImport.create': commandWithBody(AccountInput, (use, i, actor) =>
    use(ImportMailboxesUseCase).execute(i.accountId, i.body, actor),
  ),
};
