import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The MPF connection settings (one row; the password sealed with SECRET_KEY). */
export class MpfConnection1764144000000 implements MigrationInterface {
  name = 'MpfConnection1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mpf_connection',
        columns: [
          { name: 'id', type: 'varchar', length: '16', isPrimary: true },
          { name: 'scheme', type: 'varchar', length: '5' },
          { name: 'netbios_domain', type: 'varchar', length: '15' },
          { name: 'login', type: 'varchar', length: '20' },
          { name: 'password_sealed', type: 'text' },
          { name: 'host', type: 'varchar', length: '255' },
          { name: 'port', type: 'int', isNullable: true },
          { name: 'vdir', type: 'varchar', length: '255' },
          { name: 'namespace', type: 'varchar', length: '255' },
          { name: 'pdc', type: 'varchar', length: '255' },
          { name: 'reseller_dn', type: 'varchar', length: '1024' },
          { name: 'directory_url', type: 'varchar', length: '255', isNullable: true },
          { name: 'ca_pem', type: 'text', isNullable: true },
          { name: 'insecure_tls', type: 'boolean' },
          { name: 'timeout_ms', type: 'int' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'updated_by', type: 'varchar', length: '160' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mpf_connection');
  }
}
