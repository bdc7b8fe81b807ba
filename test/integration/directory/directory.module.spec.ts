import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DirectoryModule } from '../../../src/modules/directory/directory.module';
import { DIRECTORY_CONNECTOR, type DirectoryConnector } from '../../../src/modules/directory/directory.port';
import { LdaptsDirectoryConnector } from '../../../src/modules/directory/ldapts-directory.connector';
import { adminDirectoryConfig } from '../../support/directory-fixtures';
import { TcpProxy } from './tcp-proxy';

describe('DirectoryModule', () => {
  it('provides the ldapts connector and closes its connections on application shutdown', async () => {
    const front = await TcpProxy.start(636);
    const app = await NestFactory.createApplicationContext(DirectoryModule, { logger: false });
    try {
      const connector = app.get<DirectoryConnector>(DIRECTORY_CONNECTOR);
      expect(connector).toBeInstanceOf(LdaptsDirectoryConnector);
      await connector.session(adminDirectoryConfig({ url: `ldaps://127.0.0.1:${front.port}` })).verifyBind();
      expect(front.openConnections).toBe(1);

      await app.close();
      const deadline = Date.now() + 3000;
      while (front.openConnections > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(front.openConnections).toBe(0);
    } finally {
      await app.close();
      await front.close();
    }
  });
});
