// Queued worker jobs: a second call waits for the first to settle, even across its awaits, and a
// failed job does not block the next one.
import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

describe('oneAtATime', () => {
  it('starts a job only once the previous one has settled', async () => {
    const log: string[] = [];
    const api = oneAtATime({
      async slow(name: string) {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} end`);
        return name;
      },
      async quick(name: string) {
        log.push(`${name} ran`);
        return name;
      },
    });
    const results = await Promise.all([api.slow('a'), api.quick('b'), api.slow('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b ran', 'c start', 'c end']);
  });

  it('goes on after a job that failed', async () => {
    const api = oneAtATime({
      async fail() {
        throw new Error('broken');
      },
      async ok() {
        return 'ok';
      },
    });
    await expect(api.fail()).rejects.toThrow('broken');
    await expect(api.ok()).resolves.toBe('ok');
  });
});
