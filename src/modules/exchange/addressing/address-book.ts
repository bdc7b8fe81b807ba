import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { dnEquals } from '../../directory/ldap-dn';
import type { ExchangeLink } from '../../mpf/connection/exchange-gateway';
import { isUniqueViolation } from '../../shared/database/unique-violation';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { type AddressOwnerType, SmtpAddress } from './smtp-address.entity';
import { MAX_ADDRESS } from './domain-name/mail-address';
import { ReservedDomains } from './domain-name/reserved-domains';
import { SmtpDomain } from './smtp-domain.entity';

export interface AddressOwner {
  accountId: string;
  type: AddressOwnerType;
  id: string;
}

const taken = (address: string, field: string) =>
  new DomainError(ErrorCode.CONFLICT, `The address ${address} is taken`, {
    errors: [{ field, rule: 'unique', message: `${address} is taken` }],
  });

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** The longest SMTP address (RFC 5321 path limit). */
export { MAX_ADDRESS };

/** `localPart@domain` lower-cased; 400 naming `field` when longer than `max`. */
export function addressOf(localPart: string, domain: string, field: string, max = MAX_ADDRESS): string {
  const address = `${localPart}@${domain}`.toLowerCase();
  if (address.length > max) {
    throw DomainError.validation([
      { field, rule: 'maxLength', message: `${address} is longer than ${max} characters` },
    ]);
  }
  return address;
}

/**
 * Every SMTP address write goes through here: unique across all tenants, in the database (the `smtp_addresses`
 * primary key, so concurrent writers cannot both win) and in Active Directory (a search of the domain, which
 * also finds objects created behind our back).
 */
@Injectable()
export class AddressBook {
  constructor(private readonly reserved: ReservedDomains) {}

  /** The address's domain must not be reserved, and be an active SMTP domain of the account (not a pending claim). */
  async requireOwnDomain(manager: EntityManager, accountId: string, address: string, field: string) {
    await this.reserved.require([domainOf(address)], field, manager);
    const domain = await manager.findOneBy(SmtpDomain, { domain: domainOf(address), accountId });
    if (!domain || domain.status !== 'active') {
      throw DomainError.validation([
        {
          field,
          rule: 'ownDomain',
          message: `${domainOf(address)} is not an active domain of this organization`,
        },
      ]);
    }
  }

  /**
   * No address is on a reserved domain (DOMAIN_RESERVED), and no object of the domain holds any of them (except
   * `ownDn`, the object being changed). The whole domain, not only the reseller tree: Exchange refuses an address
   * held anywhere in the forest.
   */
  async requireFreeInDirectory(link: ExchangeLink, addresses: string[], field: string, ownDn?: string) {
    this.reserved.requireWith(link.connection.settings, addresses.map(domainOf), field);
    const holders = await link.directory.findSmtpAddressHolders(link.connection.domainDn, addresses);
    const other = holders.find((holder) => !ownDn || !dnEquals(holder.dn, ownDn));
    if (!other) return;
    const held = [...(other.attributes.mail ?? []), ...(other.attributes.proxyaddresses ?? [])].map((v) =>
      v.replace(/^smtp:/i, '').toLowerCase(),
    );
    throw taken(addresses.find((a) => held.includes(a.toLowerCase())) ?? addresses[0], field);
  }

  /** Records the addresses as the owner's, in the caller's transaction; CONFLICT naming one that is taken. */
  async reserve(
    manager: EntityManager,
    owner: AddressOwner,
    addresses: { address: string; isPrimary: boolean }[],
    field: string,
  ): Promise<void> {
    const wanted = addresses.map((a) => a.address.toLowerCase());
    const existing = await manager.findBy(SmtpAddress, { address: In(wanted) });
    if (existing.length > 0) throw taken(existing[0].address, field);
    for (const { address, isPrimary } of addresses) {
      try {
        await manager.insert(SmtpAddress, {
          address: address.toLowerCase(),
          accountId: owner.accountId,
          ownerType: owner.type,
          ownerId: owner.id,
          isPrimary,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw taken(address, field);
        throw error;
      }
    }
  }

  async release(manager: EntityManager, addresses: string[]): Promise<void> {
    if (addresses.length > 0) {
      await manager.delete(SmtpAddress, { address: In(addresses.map((a) => a.toLowerCase())) });
    }
  }

  async releaseOwner(manager: EntityManager, ownerId: string): Promise<void> {
    await manager.delete(SmtpAddress, { ownerId });
  }

  async addressesOf(manager: EntityManager, ownerId: string): Promise<SmtpAddress[]> {
    return manager.find(SmtpAddress, { where: { ownerId }, order: { isPrimary: 'DESC', address: 'ASC' } });
  }
}
