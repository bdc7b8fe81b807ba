import { Authorize } from '../../../policy/authorize.decorator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import { PlatformGate } from '../../../globals/platform-gate';
import { ExchangeGateway } from '../../../mpf/connection/exchange-gateway';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError, type FieldError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { AccountAccess } from '../../account/account-access';
import { passwordProblems } from '../../account/password-rules';
import { domainOf } from '../../addressing/address-book';
import { SmtpAddress } from '../../addressing/smtp-address.entity';
import { SmtpDomain } from '../../addressing/smtp-domain.entity';
import { MailboxCreateDto } from '../../mailbox/dto/mailbox-input.dto';
import { MailboxCreator, requestedUpn } from '../../mailbox/mailbox-creator';
import { baseSamAccountName } from '../../provisioning/sam-account-name';
import { csvRows } from '../csv-rows';
import { MailboxImportDto, MailboxImportResponseDto, MAX_IMPORT_ROWS } from '../dto/mailbox-import.dto';
import { MailboxImport, MailboxImportRow } from '../mailbox-import.entity';
import { MailboxImportStatus } from './mailbox-import-status';

interface Candidate {
  line: number;
  dto?: MailboxCreateDto;
  address: string;
  errors: FieldError[];
}

const taken = (address: string): FieldError => ({
  field: 'localPart',
  rule: 'unique',
  message: `${address} is taken`,
});

/**
 * Bulk import of mailboxes from CSV. Every line is checked like a single create (fields, domain, password policy,
 * address free in the database, in AD and within the file); then, in one transaction with the account locked, each
 * good line becomes a mailbox with its own `mailbox.create` operation until a plan limit stops the rest. Lines are
 * provisioned by the worker like any creation, so an import survives crashes: nothing is lost, nothing doubled.
 */
@Injectable()
export class ImportMailboxesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly gateway: ExchangeGateway,
    private readonly creator: MailboxCreator,
    private readonly status: MailboxImportStatus,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailboxImport.create', { account: 0 })
  async execute(accountId: string, input: unknown, actor: Actor): Promise<MailboxImportResponseDto> {
    const { csv } = await validateInput(MailboxImportDto, input);
    const manager = this.dataSource.manager;
    await this.gate.requireEnabled('import mailboxes', manager);
    const account = await this.accounts.find(accountId, actor, manager);
    const records = await csvRows(csv, MAX_IMPORT_ROWS);
    const domains = await manager.findBy(SmtpDomain, { accountId, status: 'active' });
    const link = await this.gateway.open();
    const policy = await link.directory.passwordPolicy(link.connection.domainDn);

    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const [index, record] of records.entries()) {
      const line = index + 1;
      const dto = await validateInput(MailboxCreateDto, record).catch((error: unknown) => {
        if (error instanceof DomainError) return error.errors;
        throw error;
      });
      if (Array.isArray(dto)) {
        candidates.push({
          line,
          address: typeof record.localPart === 'string' ? record.localPart : '',
          errors: dto,
        });
        continue;
      }
      const wanted = requestedUpn(dto, account);
      if ('error' in wanted) {
        candidates.push({ line, address: dto.localPart, errors: [wanted.error] });
        continue;
      }
      const address = wanted.upn;
      const errors: FieldError[] = [];
      if (!domains.some((d) => d.domain === domainOf(address))) {
        errors.push({
          field: 'domain',
          rule: 'ownDomain',
          message: `${domainOf(address)} is not an active domain of this organization`,
        });
      }
      for (const message of passwordProblems(dto.password, policy, baseSamAccountName(address)))
        errors.push({ field: 'password', rule: 'passwordPolicy', message });
      if (seen.has(address))
        errors.push({
          field: 'localPart',
          rule: 'uniqueInFile',
          message: `${address} is on an earlier line`,
        });
      seen.add(address);
      candidates.push({ line, dto, address, errors });
    }
    const wanted = candidates.filter((c) => c.errors.length === 0).map((c) => c.address);
    const inDatabase = new Set(
      (await manager.findBy(SmtpAddress, { address: In(wanted) })).map((a) => a.address),
    );
    const holders = await link.directory.findSmtpAddressHolders(link.connection.domainDn, wanted);
    const inDirectory = new Set(
      holders
        .flatMap((h) => [...(h.attributes.mail ?? []), ...(h.attributes.proxyaddresses ?? [])])
        .map((v) => v.replace(/^smtp:/i, '').toLowerCase()),
    );
    for (const candidate of candidates) {
      if (
        candidate.errors.length === 0 &&
        (inDatabase.has(candidate.address) || inDirectory.has(candidate.address))
      ) {
        candidate.errors.push(taken(candidate.address));
      }
    }

    const importId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const { account: locked, plan } = await this.accounts.lockForChange(accountId, actor, m);
      const rows: MailboxImportRow[] = [];
      for (const candidate of candidates) {
        const row = Object.assign(new MailboxImportRow(), {
          importId,
          line: candidate.line,
          address: candidate.address.slice(0, 254),
          mailboxId: null,
          operationId: null,
          errors: candidate.errors.length > 0 ? candidate.errors : null,
        });
        if (candidate.dto && candidate.errors.length === 0) {
          try {
            const mailbox = await this.creator.create(
              m,
              locked,
              plan,
              candidate.dto,
              candidate.address,
              actor,
            );
            Object.assign(row, { mailboxId: mailbox.id, operationId: mailbox.operationId });
          } catch (error) {
            // Limits and the mailing plan are checked before the creator writes anything.
            if (
              !(error instanceof DomainError) ||
              ![ErrorCode.PLAN_LIMIT_REACHED, ErrorCode.VALIDATION_FAILED].includes(error.code)
            )
              throw error;
            row.errors =
              error.errors.length > 0
                ? error.errors
                : [{ field: 'mailingPlan', rule: 'limit', message: error.detail }];
          }
        }
        rows.push(row);
      }
      await m.insert(MailboxImport, {
        id: importId,
        accountId,
        actor: actor.toString(),
        total: rows.length,
        createdAt: this.clock.now(),
      });
      for (let i = 0; i < rows.length; i += 100) await m.save(MailboxImportRow, rows.slice(i, i + 100));
      const accepted = rows.filter((r) => r.mailboxId).length;
      await this.audit.record(
        {
          actor,
          action: 'mailbox.import',
          targetType: 'mailbox_import',
          targetId: importId,
          before: null,
          after: { total: rows.length, accepted, rejected: rows.length - accepted },
        },
        m,
      );
    });
    return this.status.get(accountId, importId, actor);
  }
}
