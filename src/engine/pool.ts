// A worker pool: `work` over `items`, at most `limit` at once, results in the items' order. It stops
// starting new items after the first failure (rethrown once the running ones end) or once `signal` aborts.
import { Interrupted } from "./story-context.js";

export async function runPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && failure === undefined && !signal?.aborted) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
  if (failure !== undefined) throw failure.error;
  if (signal?.aborted) throw new Interrupted();
  return results;
}
