/**
 * Records of one kind loaded for a batch, by id and by secondary keys (a
 * credit code, a name): planning a batch looks records up and changes them in
 * memory, so a later row sees what an earlier one did, and nothing is written
 * until the whole batch is known to be good.
 */
export class RecordSet<S extends { id: string }> {
  private readonly byId = new Map<string, S>();
  private readonly indexes: Map<string, Set<string>>[];

  constructor(private readonly keys: readonly ((record: S) => string | null)[]) {
    this.indexes = keys.map(() => new Map());
  }

  get(id: string): S | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Records whose `index`-th key is `key`, in id order. */
  find(index: number, key: string): S[] {
    const ids = this.indexes[index].get(key);
    return ids ? [...ids].sort().map((id) => this.byId.get(id)!) : [];
  }

  put(record: S): void {
    this.remove(record.id);
    this.byId.set(record.id, record);
    this.keys.forEach((keyOf, i) => {
      const key = keyOf(record);
      if (key === null) return;
      const ids = this.indexes[i].get(key);
      if (ids) ids.add(record.id);
      else this.indexes[i].set(key, new Set([record.id]));
    });
  }

  remove(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.byId.delete(id);
    this.keys.forEach((keyOf, i) => {
      const key = keyOf(record);
      if (key !== null) this.indexes[i].get(key)?.delete(id);
    });
  }

  values(): S[] {
    return [...this.byId.values()];
  }
}
