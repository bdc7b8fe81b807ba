import type { StepContext, StepDefinition } from '../operations/operation-definition';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import type { ExchangeGateway, ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { samAccountNameTaken } from '../../mpf/connection/exchange-gateway';
import { ADMIN_PASSWORD_FIELD, type OrganizationProvisionInput } from './organization-provision.input';
import { pickSamAccountName } from './sam-account-name';

type Ctx = StepContext<OrganizationProvisionInput>;
type Step = StepDefinition<OrganizationProvisionInput>;

/** MPF's "object already exists" (MPF.md §4). */
const ALREADY_EXISTS = '0x80071392';

const exists = async (link: ExchangeLink, dn: string) => (await link.directory.findByDn(dn, ['cn'])) !== null;

async function deleteAdminIfPresent(link: ExchangeLink, input: OrganizationProvisionInput): Promise<void> {
  if (await exists(link, input.admin.userDn)) await link.mpf.deleteBusinessUser(input.admin.userDn);
}

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
        if (await exists(link, input.orgDn)) return { created: false };
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
        if (!(await exists(link, input.orgDn))) return;
        // A half-created admin (a failed CreateBusinessUser on real MPF) would block the deletion.
        await deleteAdminIfPresent(link, input);
        await link.mpf.deleteBusinessOrganization(input.orgDn, input.primaryDomain);
      },
    },
    {
      name: 'createAddressLists',
      async run({ input }: Ctx) {
        const link = await gateway.open();
        try {
          await link.mpf.createOrganizationAddressLists(input.orgDn, input.primaryDomain);
        } catch (error) {
          const rejected = error instanceof DomainError && error.code === ErrorCode.MPF_REJECTED;
          if (!rejected || error.meta.mpfCode !== ALREADY_EXISTS) throw error;
        }
      },
    },
    {
      name: 'createAdminMailbox',
      async run(ctx: Ctx) {
        const { input } = ctx;
        const link = await gateway.open();
        const saved = ctx.output<{ samAccountName: string }>('createAdminMailbox');
        if (await exists(link, input.admin.userDn)) return saved ?? { existed: true };
        const samAccountName = await pickSamAccountName(input.admin.userPrincipalName, (sam) =>
          samAccountNameTaken(link, sam),
        );
        await link.mpf.createBusinessUser({
          orgDn: input.orgDn,
          userPrincipalName: input.admin.userPrincipalName,
          samAccountName,
          displayName: input.admin.displayName,
          givenName: input.admin.givenName,
          sn: input.admin.sn,
          planName: input.admin.mailingPlan,
          password: ctx.secret(ADMIN_PASSWORD_FIELD),
          isAdmin: true,
        });
        return { samAccountName };
      },
      async compensate({ input }: Ctx) {
        await deleteAdminIfPresent(await gateway.open(), input);
      },
    },
  ];
}
