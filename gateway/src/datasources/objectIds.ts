/**
 * A small number for each object it is asked about, the same for as long as the object lives:
 * for keys that must tell objects apart (a request's context, a shard-map snapshot) without
 * holding on to them.
 */
export class ObjectIds {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;

  idOf(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(object, id);
    }
    return id;
  }
}
