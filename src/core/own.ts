// Lookups in records keyed by names from a plan or a state file (story ids, epics, agents): only a record's own
// keys answer. A plain `record[id]` answers "constructor" or "toString" from Object.prototype — a function where a
// story's run or an epic's counts were expected.

/** `record[key]` when `key` is the record's own, else undefined. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
