/** Waiting for what happens after a commit (a job's PDF, a segment), in tests. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` answers something truthy, for up to `ms`. */
export const eventually = async <T>(check: () => Promise<T>, ms = 20_000): Promise<NonNullable<T>> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await sleep(100);
  }
};
