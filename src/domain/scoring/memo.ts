/**
 * Memoises values that many items share (the same effort, a zero factor with shared evidence). A project's items
 * all stay alive while it is shown, so each object saved per item is one fewer for the garbage collector to copy.
 * Shared values are never mutated.
 */
export function memo<K, V>(): (key: K, make: () => V) => V {
  const m = new Map<K, V>();
  return (key, make) => {
    let v = m.get(key);
    if (v === undefined) {
      v = make();
      m.set(key, v);
    }
    return v;
  };
}
