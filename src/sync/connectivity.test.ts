// The probe believes only a timely "ok" from the gateway.
import { describe, expect, it } from 'vitest';
import { probeGateway } from './connectivity';

const online = () => true;
const reply =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status });

describe('probeGateway', () => {
  it('is online only when the gateway says ok', async () => {
    expect(await probeGateway(reply(200, { status: 'ok' }), 1000, online)).toBe('online');
  });
  it('treats a captive portal page or a server error as unreachable', async () => {
    expect(await probeGateway(reply(200, { hello: 'portal' }), 1000, online)).toBe('unreachable');
    expect(await probeGateway(reply(503, { status: 'ok' }), 1000, online)).toBe('unreachable');
    const html: typeof fetch = async () => new Response('<html>login</html>', { status: 200 });
    expect(await probeGateway(html, 1000, online)).toBe('unreachable');
  });
  it('does not ask at all when the browser knows it is offline', async () => {
    let asked = false;
    const spy: typeof fetch = async () => {
      asked = true;
      return new Response('{}');
    };
    expect(await probeGateway(spy, 1000, () => false)).toBe('offline');
    expect(asked).toBe(false);
  });
});
