import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DIRECTORY_CONNECTOR, type DirectoryConnector } from './directory.port';
import { LdaptsDirectoryConnector } from './ldapts-directory.connector';

/** The directory (LDAP) provider: DIRECTORY_CONNECTOR backed by ldapts; closes its connections on shutdown. */
@Module({
  providers: [{ provide: DIRECTORY_CONNECTOR, useClass: LdaptsDirectoryConnector }],
  exports: [DIRECTORY_CONNECTOR],
})
export class DirectoryModule implements OnApplicationShutdown {
  constructor(@Inject(DIRECTORY_CONNECTOR) private readonly connector: DirectoryConnector) {}

  onApplicationShutdown(): Promise<void> {
    return this.connector.closeAll();
  }
}
