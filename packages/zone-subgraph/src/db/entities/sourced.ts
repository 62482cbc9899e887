import { Column } from 'typeorm';

/** Columns every seeded record carries: where it came from. */
export abstract class SourcedRow {
  @Column({ type: 'text', name: 'source_document', nullable: true }) sourceDocument!: string | null;
  @Column({ type: 'text', name: 'source_passage', nullable: true }) sourcePassage!: string | null;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
}

/** A record a zone system keeps current: who entered its current values through the upkeep mutations, and when (null for seeded values). */
export abstract class UpkeptRow extends SourcedRow {
  /** The principal's subject (`key:<keyId>`, `jwt:<issuer>/<sub>`). */
  @Column({ type: 'text', name: 'entered_by', nullable: true }) enteredBy!: string | null;
  @Column({ type: 'timestamptz', name: 'entered_at', nullable: true }) enteredAt!: Date | null;
}
