import { Authorize } from '../../../policy/authorize.decorator';
import { X509Certificate } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError, type FieldError } from '../../../shared/errors/domain.error';
import { validateInput } from '../../../shared/validation/validate-input';
import { DEFAULT_MPF_NAMESPACE } from '../../client/mpf-client.port';
import { parseDn } from '../../../directory/ldap-dn';
import { MpfConnectionUpdateDto } from '../dto/mpf-connection-update.dto';
import type { MpfConnectionResponseDto } from '../dto/mpf-connection-response.dto';
import { MpfConnectionEntity } from '../mpf-connection.entity';
import { MPF_CONNECTION_ID, MpfConnectionStore } from '../mpf-connection.store';
import { parseMpfUrl, type MpfUrlParts } from '../mpf-url';
import { toResponse } from './get-mpf-connection.use-case';

/** An OU name: letters, digits, spaces and . _ - (what hosting OUs are named; nothing a filter or DN must escape). */
const OU_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._-]{0,62}[\p{L}\p{N}._-])?$/u;
const DC_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * The reseller OU as a DN without `LDAP://`: one or more OU= with plain names, ending in the domain's DC=
 * components (host name labels).
 */
function resellerDnOf(value: string): string {
  const dn = value.trim().replace(/^LDAP:\/\//i, '');
  let rdns: [string, string][] = [];
  try {
    rdns = parseDn(dn).map(([type, rdnValue]) => [type.toUpperCase(), rdnValue]);
  } catch {
    // reported below with the expected form
  }
  const types = rdns.map(([type]) => type);
  const firstDc = types.indexOf('DC');
  const plain = rdns.every(([type, rdnValue]) => (type === 'DC' ? DC_LABEL : OU_NAME).test(rdnValue));
  if (!plain || types[0] !== 'OU' || firstDc < 0 || types.slice(firstDc).some((t) => t !== 'DC')) {
    throw new Error(
      'resellerOu must be a distinguished name like OU=Reseller,OU=Hosting,DC=hosting,DC=example (OU names of letters, digits, spaces and . _ -)',
    );
  }
  return dn;
}

/** What would send the stored password somewhere new (or less safely), if it is kept without being re-entered. */
function storedPasswordWouldMove(
  before: MpfConnectionEntity,
  url: MpfUrlParts,
  dto: MpfConnectionUpdateDto,
): string | null {
  const checks: [string, boolean][] = [
    ['account', before.netbiosDomain !== url.netbiosDomain || before.login !== url.login],
    [
      'MPF server',
      before.scheme !== url.scheme || before.host !== url.host || before.port !== (url.port ?? null),
    ],
    ['directory URL', (before.directoryUrl ?? null) !== (dto.directoryUrl?.replace(/\/$/, '') || null)],
    ['pdc', before.pdc !== dto.pdc.toLowerCase()],
    ['TLS verification', !before.insecureTls && dto.insecureTls === true],
  ];
  return checks.find(([, changed]) => changed)?.[0] ?? null;
}

/** What an audit entry shows of the settings: the form as the API returns it (never the password). */
const auditView = (s: MpfConnectionEntity | null) =>
  s && { ...toResponse(s), updatedAt: undefined, updatedBy: undefined };

/** Saves the MPF connection form; the password is sealed, and the change audited without it. */
@Injectable()
export class SaveMpfConnectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MpfConnectionStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mpfConnection.save')
  async execute(input: unknown, actor: Actor): Promise<MpfConnectionResponseDto> {
    const dto = await validateInput(MpfConnectionUpdateDto, input);
    const errors: FieldError[] = [];
    const attempt = <T>(field: string, rule: string, read: () => T): T | undefined => {
      try {
        return read();
      } catch (error) {
        if (error instanceof DomainError) errors.push(...error.errors);
        else errors.push({ field, rule, message: (error as Error).message });
        return undefined;
      }
    };
    const url = attempt('url', 'mpfUrl', () => parseMpfUrl(dto.url));
    const resellerDn = attempt('resellerOu', 'distinguishedName', () => resellerDnOf(dto.resellerOu));
    // Left out or null: no CA of our own. Given: it must be a certificate (an empty one would silently drop it).
    const caPem = dto.caCertificatePem == null ? null : dto.caCertificatePem.trim();
    if (caPem !== null) attempt('caCertificatePem', 'x509', () => new X509Certificate(caPem));

    return this.dataSource.transaction(async (manager) => {
      const before = await this.store.find(manager);
      if (url && url.password === undefined && !before) {
        errors.push({
          field: 'url',
          rule: 'password',
          message: 'the first save needs the password: NETBIOS\\login:password@host',
        });
      }
      if (url && url.password === undefined && before) {
        const changed = storedPasswordWouldMove(before, url, dto);
        if (changed) {
          errors.push({
            field: 'url',
            rule: 'password',
            message: `changing the ${changed} needs the password again (NETBIOS\\login:password@host): the stored one is only ever sent where it was entered for`,
          });
        }
      }
      if (errors.length > 0 || !url || !resellerDn) throw DomainError.validation(errors);

      const after = this.entityOf(url, resellerDn, caPem, dto, before, actor);
      await this.store.save(after, manager);
      await this.audit.record(
        {
          actor,
          action: 'mpf-connection.update',
          targetType: 'mpf-connection',
          targetId: MPF_CONNECTION_ID,
          before: auditView(before),
          after: { ...auditView(after), passwordChanged: url.password !== undefined },
        },
        manager,
      );
      return toResponse(after);
    });
  }

  private entityOf(
    url: MpfUrlParts,
    resellerDn: string,
    caPem: string | null,
    dto: MpfConnectionUpdateDto,
    before: MpfConnectionEntity | null,
    actor: Actor,
  ): MpfConnectionEntity {
    return Object.assign(new MpfConnectionEntity(), {
      id: MPF_CONNECTION_ID,
      scheme: url.scheme,
      netbiosDomain: url.netbiosDomain,
      login: url.login,
      passwordSealed:
        url.password !== undefined ? this.store.sealPassword(url.password) : before!.passwordSealed,
      host: url.host,
      port: url.port ?? null,
      vdir: url.vdir,
      namespace: dto.namespace ?? DEFAULT_MPF_NAMESPACE,
      pdc: dto.pdc.toLowerCase(),
      resellerDn,
      directoryUrl: dto.directoryUrl?.replace(/\/$/, '') || null,
      caPem,
      insecureTls: dto.insecureTls ?? false,
      timeoutMs: (dto.timeoutSeconds ?? 30) * 1000,
      updatedAt: this.clock.now(),
      updatedBy: actor.toString(),
    });
  }
}
