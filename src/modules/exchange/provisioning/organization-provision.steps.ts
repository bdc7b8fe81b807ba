import type { StepContext, StepDefinition } from '../operations/operation-definition';
import type { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import { ADMIN_PASSWORD_FIELD, type OrganizationProvisionInput } from './organization-provision.input';
import { existsInDirectory, idempotentMpfCall, MPF_ALREADY_EXISTS } from './directory-checks';
import { createMailboxUser, deleteMailboxUserIfPresent } from './mailbox-user';

type Ctx = StepContext<OrganizationProvisionInput>;
type Step = StepDefinition<OrganizationProvisionInput>;

/**
 * The steps of `organization.provision`. Each checks AD first, so a re-run after a crash never duplicates:
 * create the organization OU (and its groups), its address lists, then the first admin mailbox.
 */
export function organizationProvisionSteps(gateway: ExchangeGateway): Step[] {
  return [
    {
      name: 'createOrganization',
      async run({ input }: Ctx) {
        const link = await gateway.open();
        if (await existsInDirectory(link, input.orgDn)) return { created: false };
        await link.mpf.createBusinessOrganization({
          resellerDn: input.resellerDn,
          name: input.organizationName,
          mailStoreMb: input.mailStoreMb,
          publicStoreMb: input.publicStoreMb,
          primaryDomain: input.primaryDomain,
          availablePlans: input.availablePlans,
        });
        return { created: true };
      },
      async compensate({ input }: Ctx) {
        const link = await gateway.open();
        if (!(await existsInDirectory(link, input.orgDn))) return;
        // A half-created admin (a failed CreateBusinessUser on real MPF) would block the deletion.
        await deleteMailboxUserIfPresent(link, input.admin);
        await link.mpf.deleteBusinessOrganization(input.orgDn, input.primaryDomain);
      },
    },
    {
      name: 'createAddressLists',
      async run({ input }: Ctx) {
        const link = await gateway.open();
        await idempotentMpfCall(
          () => link.mpf.createOrganizationAddressLists(input.orgDn, input.primaryDomain),
          MPF_ALREADY_EXISTS,
        );
      },
    },
    {
      name: 'createAdminMailbox',
      async run(ctx: Ctx) {
        const link = await gateway.open();
        const created = await createMailboxUser(
          link,
          ctx.input.orgDn,
          { ...ctx.input.admin, isAdmin: true },
          () => ctx.secret(ADMIN_PASSWORD_FIELD),
        );
        return 'existed' in created ? (ctx.output('createAdminMailbox') ?? created) : created;
      },
      async compensate({ input }: Ctx) {
        await deleteMailboxUserIfPresent(await gateway.open(), input.admin);
      },
    },
  ];
}
