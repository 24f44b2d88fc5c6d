// Demo mode is asked for, never assumed: `npm start` passes --demo, MOTCUA_DEMO=1 turns it on
// anywhere, MOTCUA_DEMO=0 keeps it off even with --demo, and any other value is a clear error.
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('demo mode in the gateway settings', () => {
  it('is off for a gateway started without asking (npm run gateway, a service, a container)', () => {
    expect(readConfig({}, []).demoMode).toBe(false);
    expect(readConfig({ MOTCUA_DEMO: '' }, []).demoMode).toBe(false);
    expect(readConfig({ MOTCUA_DEMO: '0' }, []).demoMode).toBe(false);
  });

  it('is on with --demo (npm start) or MOTCUA_DEMO=1, and MOTCUA_DEMO=0 wins over --demo', () => {
    expect(readConfig({}, ['--demo']).demoMode).toBe(true);
    expect(readConfig({ MOTCUA_DEMO: '1' }, []).demoMode).toBe(true);
    expect(readConfig({ MOTCUA_DEMO: '0' }, ['--demo']).demoMode).toBe(false);
  });

  it('refuses a value it does not know rather than guess', () => {
    for (const value of ['true', 'yes', 'off', ' 1', '2']) {
      expect(() => readConfig({ MOTCUA_DEMO: value }, [])).toThrow(/MOTCUA_DEMO must be 1 \(demo\) or 0/);
    }
  });
});
