import { Inject, Injectable } from '@nestjs/common';
import {
  DIRECTORY_CONNECTOR,
  type DirectoryConnector,
  type DirectorySession,
} from '../../directory/directory.port';
import { escapeFilterValue } from '../../directory/ldap-escape';
import { MPF_CLIENT_FACTORY, type MpfClient, type MpfClientFactory } from '../client/mpf-client.port';
import type { MpfConnection } from './mpf-connection';
import { MpfConnectionStore } from './mpf-connection.store';

/** What provisioning and the connection test work with: the stored MPF connection, a client bound to it and the directory session. */
export interface ExchangeLink {
  connection: MpfConnection;
  mpf: MpfClient;
  directory: DirectorySession;
}

/** Opens the MPF client and the directory session for the configured connection (MPF_NOT_CONFIGURED otherwise). */
@Injectable()
export class ExchangeGateway {
  constructor(
    private readonly connections: MpfConnectionStore,
    @Inject(MPF_CLIENT_FACTORY) private readonly clients: MpfClientFactory,
    @Inject(DIRECTORY_CONNECTOR) private readonly directories: DirectoryConnector,
  ) {}

  async open(): Promise<ExchangeLink> {
    const connection = await this.connections.require();
    return {
      connection,
      mpf: this.clients.create(connection.endpoint),
      directory: this.directories.session(connection.directory),
    };
  }
}

/** Whether any object of the domain already has this sAMAccountName. */
export async function samAccountNameTaken(link: ExchangeLink, sam: string): Promise<boolean> {
  const filter = `(sAMAccountName=${escapeFilterValue(sam)})`;
  const found = await link.directory.search(link.connection.domainDn, filter, { attributes: ['cn'] });
  return found.length > 0;
}
