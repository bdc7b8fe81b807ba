import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The MPF connection (E.Manager → MS Exchange): one row, id "default". The password is sealed (SecretBox). */
@Entity('mpf_connection')
export class MpfConnectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id!: string;
  @Column({ type: 'varchar', length: 5 }) scheme!: 'http' | 'https';
  @Column({ name: 'netbios_domain', type: 'varchar', length: 15 }) netbiosDomain!: string;
  @Column({ type: 'varchar', length: 20 }) login!: string;
  @Column({ name: 'password_sealed', type: 'text' }) passwordSealed!: string;
  @Column({ type: 'varchar', length: 255 }) host!: string;
  @Column({ type: 'int', nullable: true }) port!: number | null;
  @Column({ type: 'varchar', length: 255 }) vdir!: string;
  @Column({ type: 'varchar', length: 255 }) namespace!: string;
  @Column({ type: 'varchar', length: 255 }) pdc!: string;
  @Column({ name: 'reseller_dn', type: 'varchar', length: 1024 }) resellerDn!: string;
  @Column({ name: 'directory_url', type: 'varchar', length: 255, nullable: true }) directoryUrl!:
    string | null;
  @Column({ name: 'ca_pem', type: 'text', nullable: true }) caPem!: string | null;
  @Column({ name: 'insecure_tls', type: 'boolean' }) insecureTls!: boolean;
  @Column({ name: 'timeout_ms', type: 'int' }) timeoutMs!: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 160 }) updatedBy!: string;
}
