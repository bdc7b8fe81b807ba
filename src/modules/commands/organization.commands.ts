import { SmtpDomainsUseCase } from '../exchange/addressing/use-cases/smtp-domains.use-case';
import { VerifySmtpDomainUseCase } from '../exchange/addressing/use-cases/verify-smtp-domain.use-case';
import { ContactsUseCase } from '../exchange/contact/use-cases/contacts.use-case';
import { DistributionListsUseCase } from '../exchange/distribution-list/use-cases/distribution-lists.use-case';
import { PublicFolderUseCase } from '../exchange/public-folder/public-folder';
import { command, commandWithBody } from './command';
import { AccountInput, ContactInput, DomainInput, ListAddressInput, ListInput } from './command-inputs.dto';

/** An organization's SMTP domains, contacts, distribution lists and public folder. */
export const ORGANIZATION_COMMANDS = {
  'domain.add': commandWithBody(AccountInput, (use, i, actor) =>
    use(SmtpDomainsUseCase).add(i.accountId, i.body, actor),
  ),
  'domain.setPrimary': command(DomainInput, (use, i, actor) =>
    use(SmtpDomainsUseCase).setPrimary(i.accountId, i.domain, actor),
  ),
  'domain.delete': command(DomainInput, (use, i, actor) =>
    use(SmtpDomainsUseCase).delete(i.accountId, i.domain, actor),
  ),
  'domain.verify': commandWithBody(DomainInput, (use, i, actor) =>
    use(VerifySmtpDomainUseCase).verify(i.accountId, i.domain, i.body, actor),
  ),
  'contact.create': commandWithBody(AccountInput, (use, i, actor) =>
    use(ContactsUseCase).create(i.accountId, i.body, actor),
  ),
  'contact.delete': command(ContactInput, (use, i, actor) =>
    use(ContactsUseCase).delete(i.accountId, i.contactId, actor),
  ),
  'distributionList.create': commandWithBody(AccountInput, (use, i, actor) =>
    use(DistributionListsUseCase).create(i.accountId, i.body, actor),
  ),
  'distributionList.addMember': commandWithBody(ListInput, (use, i, actor) =>
    use(DistributionListsUseCase).addMember(i.accountId, i.listId, i.body, actor),
  ),
  'distributionList.removeMember': command(ListAddressInput, (use, i, actor) =>
    use(DistributionListsUseCase).removeMember(i.accountId, i.listId, i.address, actor),
  ),
  'distributionList.setManager': commandWithBody(ListInput, (use, i, actor) =>
    use(DistributionListsUseCase).setManager(i.accountId, i.listId, i.body, actor),
  ),
  'distributionList.delete': command(ListInput, (use, i, actor) =>
    use(DistributionListsUseCase).delete(i.accountId, i.listId, actor),
  ),
  'publicFolder.create': commandWithBody(AccountInput, (use, i, actor) =>
    use(PublicFolderUseCase).create(i.accountId, i.body, actor),
  ),
  'publicFolder.delete': command(AccountInput, (use, i, actor) =>
    use(PublicFolderUseCase).delete(i.accountId, actor),
  ),
};
