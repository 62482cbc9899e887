import { Column } from 'typeorm';

/** Columns every seeded record carries: where it came from. */
export abstract class SourcedRow {
  @Column({ type: 'text', name: 'source_document', nullable: true }) sourceDocument!: string | null;
  @Column({ type: 'text', name: 'source_passage', nullable: true }) sourcePassage!: string | null;
  @Column({ type: 'boolean', default: false }) synthetic!: boolean;
}
