/** `create(key)` made once per `key` and kept as long as `key` lives (a `WeakMap`). */
export function onePer<K extends object, V>(create: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (!value) made.set(key, (value = create(key)));
    return value;
  };
}
