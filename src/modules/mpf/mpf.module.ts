import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DirectoryModule } from '../directory/directory.module';
import { MpfClientModule } from './client/mpf-client.module';
import { MpfConnectionEntity } from './connection/mpf-connection.entity';
import { ExchangeGateway } from './connection/exchange-gateway';
import { MpfConnectionStore } from './connection/mpf-connection.store';
import { GetMpfConnectionUseCase } from './connection/use-cases/get-mpf-connection.use-case';
import { SaveMpfConnectionUseCase } from './connection/use-cases/save-mpf-connection.use-case';
import { TestMpfConnectionUseCase } from './connection/use-cases/test-mpf-connection.use-case';
import { MpfConnectionTester } from './connection/mpf-connection-tester';

/** The MPF connection settings and their test; re-exports the MPF client and the directory provider. */
@Module({
  imports: [TypeOrmModule.forFeature([MpfConnectionEntity]), AuditModule, MpfClientModule, DirectoryModule],
  providers: [
    MpfConnectionStore,
    ExchangeGateway,
    GetMpfConnectionUseCase,
    SaveMpfConnectionUseCase,
    TestMpfConnectionUseCase,
    MpfConnectionTester,
  ],
  exports: [
    MpfConnectionStore,
    ExchangeGateway,
    GetMpfConnectionUseCase,
    SaveMpfConnectionUseCase,
    TestMpfConnectionUseCase,
    MpfConnectionTester,
    MpfClientModule,
    DirectoryModule,
  ],
})
export class MpfModule {}
