import type { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import type { StepContext, StepDefinition } from '../operations/operation-definition';
import { existsInDirectory, idempotentMpfCall, MPF_NO_SUCH_OBJECT } from '../provisioning/directory-checks';
import { kindOf, organizationObjects } from '../provisioning/organization-objects';
import type { AccountTerminateInput } from './lifecycle-inputs';

type Ctx = StepContext<AccountTerminateInput>;

/**
 * `account.terminate`: distribution lists, contacts and mailboxes (whatever AD holds under the organization),
 * the public folder, the non-primary domains, then the organization. Every step re-reads AD or treats MPF's
 * "no such object" as done, so a retry after a crash picks up where it stopped. No compensation: termination
 * only goes forward (a permanent failure leaves the account as it was, minus what was already deleted).
 */
export function terminateSteps(gateway: ExchangeGateway): StepDefinition<AccountTerminateInput>[] {
  return [
    {
      name: 'deleteObjects',
      async run(ctx: Ctx) {
        const link = await gateway.open();
        if (!(await existsInDirectory(link, ctx.input.orgDn))) return;
        const objects = (await organizationObjects(link, ctx.input.organizationName, ctx.input.orgDn)).map(
          (entry) => ({ dn: entry.dn, kind: kindOf(entry) }),
        );
        const order = { group: 0, contact: 1, user: 2 } as const;
        objects.sort((a, b) => order[a.kind] - order[b.kind]);
        let done = 0;
        await ctx.progress(done, objects.length);
        for (const object of objects) {
          const remove =
            object.kind === 'group'
              ? () => link.mpf.deleteDistributionList(object.dn)
              : object.kind === 'contact'
                ? () => link.mpf.deleteContact(object.dn)
                : () => link.mpf.deleteBusinessUser(object.dn);
          await idempotentMpfCall(remove, MPF_NO_SUCH_OBJECT);
          await ctx.progress((done += 1));
        }
      },
    },
    {
      name: 'deletePublicFolder',
      async run({ input }: Ctx) {
        if (!input.publicFolder) return;
        const link = await gateway.open();
        const domain = input.publicFolder.slice(input.publicFolder.indexOf('@') + 1);
        await idempotentMpfCall(
          () => link.mpf.deletePublicFolder(input.orgDn, input.organizationName, domain),
          MPF_NO_SUCH_OBJECT,
        );
      },
    },
    {
      name: 'deleteDomains',
      async run({ input }: Ctx) {
        const link = await gateway.open();
        if (!(await existsInDirectory(link, input.orgDn))) return;
        for (const domain of input.otherDomains)
          await idempotentMpfCall(() => link.mpf.deleteSmtpDomain(input.orgDn, domain), MPF_NO_SUCH_OBJECT);
      },
    },
    {
      name: 'deleteOrganization',
      async run({ input }: Ctx) {
        const link = await gateway.open();
        if (await existsInDirectory(link, input.orgDn))
          await link.mpf.deleteBusinessOrganization(input.orgDn, input.primaryDomain);
      },
    },
  ];
}
