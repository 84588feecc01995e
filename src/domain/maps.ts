/**
 * The value `map` holds for `key`, made with `make` and kept the first time it is asked for: the one
 * shape of every per-key cache and group-by in matching, claims and the outbox. A stored `null` counts
 * as present; only `undefined` means absent.
 */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
