/** Numbers strings in the order they are first seen: the same string always gets the same number. */
export class Interner {
  private readonly numbers = new Map<string, number>();
  /** The strings seen, each at its number. */
  readonly strings: string[] = [];

  /** The number of `value`, given now if it is new. */
  id(value: string): number {
    let id = this.numbers.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.numbers.set(value, id);
    }
    return id;
  }
}
