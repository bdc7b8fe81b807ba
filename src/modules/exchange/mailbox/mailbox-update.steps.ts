import type { ExchangeGateway, ExchangeLink } from '../../mpf/connection/exchange-gateway';
import type { StepContext, StepDefinition } from '../operations/operation-definition';
import { isAccountEnabled } from '../provisioning/organization-objects';
import {
  type MailboxForwarding,
  type MailboxNames,
  MAILBOX_PASSWORD_FIELD,
  type MailboxUpdateInput,
} from './mailbox-change';

type Ctx = StepContext<MailboxUpdateInput>;
type Step = StepDefinition<MailboxUpdateInput>;

/** ModifyUser with only names (empty UPN and sAMAccountName leave them as they are). */
function modifyNames(link: ExchangeLink, input: MailboxUpdateInput, names: MailboxNames) {
  return link.mpf.modifyUser({
    userDn: input.userDn,
    userPrincipalName: '',
    samAccountName: '',
    displayName: names.displayName ?? '',
    givenName: names.givenName,
    middleName: names.middleName,
    sn: names.sn,
    initials: names.initials,
  });
}

/** Forwarding is Exchange's altRecipient (a recipient's DN) and deliverAndRedirect, set through ModifyUser. */
function setForwarding(link: ExchangeLink, input: MailboxUpdateInput, forwarding: MailboxForwarding) {
  return link.mpf.modifyUser({
    userDn: input.userDn,
    userPrincipalName: '',
    samAccountName: '',
    displayName: '',
    properties: {
      altRecipient: forwarding.forwardDn ?? '',
      deliverAndRedirect: forwarding.forwardDn && forwarding.deliverAndForward ? 'TRUE' : '',
    },
  });
}

/**
 * Enables or disables the user unless AD shows it already is (idempotent). A user AD no longer has is left to
 * MPF's "no such object" error, or skipped with `skipMissing` (a whole account's suspension goes on).
 */
export async function setEnabled(
  link: ExchangeLink,
  userDn: string,
  enabled: boolean,
  skipMissing = false,
): Promise<void> {
  const entry = await link.directory.findByDn(userDn, ['userAccountControl']);
  if (!entry && skipMissing) return;
  const isEnabled = isAccountEnabled(entry?.attributes.useraccountcontrol?.[0]);
  if (entry && isEnabled === enabled) return;
  await (enabled ? link.mpf.enableUser(userDn) : link.mpf.disableUser(userDn));
}

async function hasProxy(link: ExchangeLink, userDn: string, address: string): Promise<boolean> {
  const entry = await link.directory.findByDn(userDn, ['proxyAddresses']);
  return (entry?.attributes.proxyaddresses ?? []).some(
    (v) => v.toLowerCase() === `smtp:${address.toLowerCase()}`,
  );
}

async function addProxy(link: ExchangeLink, userDn: string, address: string): Promise<void> {
  if (!(await hasProxy(link, userDn, address))) await link.mpf.createSmtpProxyAddress(userDn, address, false);
}

async function removeProxy(link: ExchangeLink, userDn: string, address: string): Promise<void> {
  if (await hasProxy(link, userDn, address)) await link.mpf.deleteSmtpProxyAddress(userDn, address, false);
}

/**
 * `mailbox.update`: one step per kind of change, each a no-op when the change does not include it. Every step
 * is idempotent (it reads AD, or MPF's call is) and every reversible one compensates to the `before` values.
 */
export function mailboxUpdateSteps(gateway: ExchangeGateway): Step[] {
  const open = () => gateway.open();
  return [
    {
      name: 'names',
      async run({ input }: Ctx) {
        if (input.change.names) await modifyNames(await open(), input, input.change.names);
      },
      async compensate({ input }: Ctx) {
        if (input.change.names) await modifyNames(await open(), input, input.before.names);
      },
    },
    {
      name: 'admin',
      async run({ input }: Ctx) {
        if (input.change.isAdmin !== undefined)
          await (await open()).mpf.makeUserAdmin(input.userDn, input.change.isAdmin);
      },
      async compensate({ input }: Ctx) {
        if (input.change.isAdmin !== undefined)
          await (await open()).mpf.makeUserAdmin(input.userDn, input.before.isAdmin);
      },
    },
    {
      name: 'mailingPlan',
      async run({ input }: Ctx) {
        if (input.change.mailingPlan)
          await (await open()).mpf.changeUserMailboxPlan(input.userDn, input.change.mailingPlan);
      },
      async compensate({ input }: Ctx) {
        if (input.change.mailingPlan)
          await (await open()).mpf.changeUserMailboxPlan(input.userDn, input.before.mailingPlan);
      },
    },
    {
      name: 'password',
      async run(ctx: Ctx) {
        if (ctx.input.change.password)
          await (await open()).mpf.setUserPassword(ctx.input.userDn, ctx.secret(MAILBOX_PASSWORD_FIELD));
      },
    },
    {
      name: 'enabled',
      async run({ input }: Ctx) {
        if (input.change.enabled !== undefined)
          await setEnabled(await open(), input.userDn, input.change.enabled);
      },
      async compensate({ input }: Ctx) {
        if (input.change.enabled !== undefined)
          await setEnabled(await open(), input.userDn, input.before.enabled);
      },
    },
    {
      name: 'aliases',
      async run({ input }: Ctx) {
        const { addAlias, removeAlias } = input.change;
        if (addAlias) await addProxy(await open(), input.userDn, addAlias);
        if (removeAlias) await removeProxy(await open(), input.userDn, removeAlias);
      },
      async compensate({ input }: Ctx) {
        const { addAlias, removeAlias } = input.change;
        if (addAlias) await removeProxy(await open(), input.userDn, addAlias);
        if (removeAlias) await addProxy(await open(), input.userDn, removeAlias);
      },
    },
    {
      name: 'forwarding',
      async run({ input }: Ctx) {
        if (input.change.forwarding) await setForwarding(await open(), input, input.change.forwarding);
      },
      async compensate({ input }: Ctx) {
        if (input.change.forwarding) await setForwarding(await open(), input, input.before.forwarding);
      },
    },
  ];
}
