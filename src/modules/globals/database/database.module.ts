import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG_KEY, type AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { serializeSqliteTransactions } from './sqlite-transactions';

/** The database connection; pending migrations are applied at start unless DATABASE_MIGRATE=false. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const { database } = config.getOrThrow<AppConfig>(APP_CONFIG_KEY);
        return {
          ...dataSourceOptions(database.url, database.migrate),
          autoLoadEntities: true,
          retryAttempts: 2,
        };
      },
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('No database options');
        return serializeSqliteTransactions(await new DataSource(options).initialize());
      },
    }),
  ],
})
export class DatabaseModule {}
