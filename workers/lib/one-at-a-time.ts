// Runs a worker's async jobs strictly one after another. Comlink starts each call as its message
// arrives, so without this a second job runs in the gaps of the first one's awaits (a native
// decode, a JPEG encode) and both take longer; queued, each finishes as soon as it can.

/** Wraps every function of `api` so that a call starts only after the previous call settled. */
export function oneAtATime<Api extends Record<string, (...args: never[]) => Promise<unknown>>>(api: Api): Api {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = {} as Record<string, unknown>;
  for (const [name, job] of Object.entries(api)) {
    queued[name] = (...args: Parameters<typeof job>) => {
      const run = tail.then(() => job(...args));
      tail = run.catch(() => undefined);
      return run;
    };
  }
  return queued as Api;
}
