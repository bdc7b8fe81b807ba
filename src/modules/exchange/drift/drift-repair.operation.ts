import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dnEquals } from '../../directory/ldap-dn';
import { ExchangeGateway, type ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { forgetObject } from '../addressing/object-outcome';
import { setEnabled } from '../mailbox/mailbox-update.steps';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import { idempotentMpfCall, MPF_ALREADY_EXISTS, MPF_NO_SUCH_OBJECT } from '../provisioning/directory-checks';
import type { DriftDifference, DriftItem } from './drift-inspector';

export const ORGANIZATION_REPAIR = 'organization.repair';

export interface RepairInput extends Record<string, unknown> {
  accountId: string;
  items: DriftItem[];
}

const NAME_ATTRIBUTES = ['displayName', 'givenName', 'middleName', 'sn', 'initials'];
const text = (value: DriftDifference['expected']) => (typeof value === 'string' ? value : undefined);
const list = (value: DriftDifference['expected']) => (Array.isArray(value) ? value : []);

/** Puts AD back to what the database says, one difference at a time (each fix idempotent). */
async function repairItem(link: ExchangeLink, item: DriftItem): Promise<void> {
  const differences = item.differences ?? [];
  const get = (attribute: string) => differences.find((d) => d.attribute === attribute);
  if (item.kind === 'mailbox') {
    const names = Object.fromEntries(
      NAME_ATTRIBUTES.flatMap((name) =>
        get(name) && text(get(name)!.expected) ? [[name, text(get(name)!.expected)]] : [],
      ),
    );
    if (Object.keys(names).length > 0) {
      await link.mpf.modifyUser({
        userDn: item.dn,
        userPrincipalName: '',
        samAccountName: '',
        displayName: '',
        ...names,
      });
    }
    const enabled = get('enabled');
    if (enabled) await setEnabled(link, item.dn, enabled.expected === true);
    const proxies = get('proxyAddresses');
    if (proxies) {
      const expected = list(proxies.expected);
      const actual = list(proxies.actual);
      for (const value of expected.filter((v) => !actual.includes(v)))
        await idempotentMpfCall(
          () => link.mpf.createSmtpProxyAddress(item.dn, value.slice(5), false),
          MPF_ALREADY_EXISTS,
        );
      for (const value of actual.filter((v) => !expected.includes(v)))
        await idempotentMpfCall(
          () => link.mpf.deleteSmtpProxyAddress(item.dn, value.slice(5), false),
          MPF_NO_SUCH_OBJECT,
        );
    }
  }
  if (item.kind === 'distribution_list') {
    const managedBy = get('managedBy');
    if (managedBy && text(managedBy.expected))
      await link.mpf.modifyDistributionList(item.dn, text(managedBy.expected)!);
    const members = get('member');
    if (members) {
      const expected = list(members.expected);
      const actual = list(members.actual);
      for (const dn of expected.filter((e) => !actual.some((a) => dnEquals(a, e))))
        await idempotentMpfCall(() => link.mpf.groupAdd(item.dn, dn), MPF_ALREADY_EXISTS);
      for (const dn of actual.filter((a) => !expected.some((e) => dnEquals(a, e))))
        await idempotentMpfCall(() => link.mpf.groupRemove(item.dn, dn), MPF_NO_SUCH_OBJECT);
    }
  }
}

/**
 * `organization.repair`: differing attributes are set back in AD to the database's values; objects missing from
 * AD are forgotten by the database once the repair succeeds (a mailbox cannot be brought back without its data
 * and password); objects only AD has are reported, never deleted.
 */
@Injectable()
export class DriftRepairOperation implements OnModuleInit {
  constructor(
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
  ) {}

  onModuleInit(): void {
    const open = () => this.gateway.open();
    this.registry.register<RepairInput>({
      kind: ORGANIZATION_REPAIR,
      steps: [
        {
          name: 'repair',
          async run(ctx) {
            const link = await open();
            const fixes = ctx.input.items.filter((item) => item.problem === 'different');
            await ctx.progress(0, fixes.length);
            for (const [index, item] of fixes.entries()) {
              await repairItem(link, item);
              await ctx.progress(index + 1);
            }
          },
        },
      ],
      onFinished: (outcome, manager) => this.forgetMissing(outcome, manager),
    });
  }

  private async forgetMissing(outcome: OperationOutcome<RepairInput>, manager: EntityManager) {
    if (outcome.status !== 'succeeded') return;
    for (const item of outcome.input.items) {
      if (item.problem === 'missing' && item.id && item.kind !== 'organization')
        await forgetObject(manager, item.kind, outcome.input.accountId, item.id);
    }
  }
}
