import { Inject, Injectable, Optional } from '@nestjs/common';
import { exchangeResourceManagerMethods } from './exchange-resource-manager.methods';
import { hostedExchangeOrganizationMethods } from './hosted-exchange-organization.methods';
import { hostedExchangeUserMethods } from './hosted-exchange-user.methods';
import { managedActiveDirectoryMethods } from './managed-active-directory.methods';
import type { MpfClient, MpfClientFactory, MpfEndpointConfig } from './mpf-client.port';
import { resolveEndpoint, type MpfEndpoint } from './mpf-endpoint.resolver';
import { FetchMpfTransport } from './mpf-fetch.transport';
import { NodeHttpsMpfTransport } from './mpf-node-https.transport';
import {
  MPF_JOURNAL_LOGGER,
  MpfRequestJournal,
  nestJournalLogger,
  type MpfJournalLogger,
} from './mpf-request.journal';
import { MpfSoapCaller } from './mpf-soap.caller';
import type { MpfTransport } from './mpf.transport';
import { mpsGeneralMethods } from './mps-general.methods';

/** fetch, unless https needs an extra CA or no verification (which fetch cannot be told without undici). */
function transportFor(endpoint: MpfEndpoint): MpfTransport {
  const customTls = endpoint.https && (endpoint.caPem !== undefined || endpoint.insecureTls);
  return customTls
    ? new NodeHttpsMpfTransport({ caPem: endpoint.caPem, insecureTls: endpoint.insecureTls })
    : new FetchMpfTransport();
}

/** Builds a SOAP client from already validated parts; tests may pass their own transport. */
export function createSoapMpfClient(
  config: MpfEndpointConfig,
  options: { logger?: MpfJournalLogger; transport?: MpfTransport } = {},
): MpfClient {
  const endpoint = resolveEndpoint(config);
  const journal = new MpfRequestJournal(options.logger ?? nestJournalLogger(), endpoint.where);
  const caller = new MpfSoapCaller(endpoint, options.transport ?? transportFor(endpoint), journal);
  return Object.freeze({
    ...hostedExchangeOrganizationMethods(caller),
    ...hostedExchangeUserMethods(caller),
    ...managedActiveDirectoryMethods(caller),
    ...exchangeResourceManagerMethods(caller),
    ...mpsGeneralMethods(caller),
  });
}

/** The production MpfClientFactory: MPF's ASMX web services over SOAP 1.1 with HTTP Basic auth. */
@Injectable()
export class SoapMpfClientFactory implements MpfClientFactory {
  private readonly logger: MpfJournalLogger;

  constructor(@Optional() @Inject(MPF_JOURNAL_LOGGER) logger?: MpfJournalLogger) {
    this.logger = logger ?? nestJournalLogger();
  }

  create(config: MpfEndpointConfig): MpfClient {
    return createSoapMpfClient(config, { logger: this.logger });
  }
}
