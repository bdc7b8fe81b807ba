import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FieldError } from '../../shared/errors/domain.error';

/** A bulk import of mailboxes from CSV: what was asked, by whom; its rows say what became of each line. */
@Entity('mailbox_imports')
export class MailboxImport {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64 }) accountId!: string;
  @Column({ type: 'varchar', length: 160 }) actor!: string;
  @Column({ type: 'int' }) total!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** One CSV line: accepted (a mailbox and its `mailbox.create` operation) or rejected with the field errors. */
@Entity('mailbox_import_rows')
@Index('idx_mailbox_import_rows_operation', ['operationId'])
export class MailboxImportRow {
  @PrimaryColumn({ name: 'import_id', type: 'varchar', length: 36 }) importId!: string;
  /** 1 for the first line after the header. */
  @PrimaryColumn({ type: 'int' }) line!: number;
  @Column({ type: 'varchar', length: 254 }) address!: string;
  @Column({ name: 'mailbox_id', type: 'varchar', length: 36, nullable: true }) mailboxId!: string | null;
  @Column({ name: 'operation_id', type: 'varchar', length: 36, nullable: true }) operationId!: string | null;
  @Column({ type: 'simple-json', nullable: true }) errors!: FieldError[] | null;
}
