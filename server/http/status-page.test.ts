// The citizen status page on real databases: the form, the status of a dossier found by its code
// or lookup code with the last 4 ID digits, each status in a citizen's words, no personal field
// and no script in the page, the same answer for a wrong code and wrong digits, the limits per
// code and per address, and hostile bodies answered with a 400 page that changes nothing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CITIZEN_STATUS_WORDS_VI, type DossierStatusCode } from '../../src/domain/dossier';
import { demoCommune } from '../seed/demo';
import { STATUS_PAGE_CSP } from '../status/page';
import { reservableDays } from '../code-blocks';
import { receiveEntry, submitEntry, transitionEntry } from '../test/dossiers';
import { communeWithDevice, enrolDevice, json, pushEntries, useTestGateway } from '../test/gateway';
import { testDatabaseKinds } from '../test/test-db';

const PATH = '/tra-cuu-ho-so';
/** The applicant's personal fields, made distinctive so the page can be searched for them. */
const PERSON = {
  fullName: 'Hoàng Thị Riêngtư',
  idNumber: '038195004321',
  birthDate: '1995-01-09',
  sex: 'Nữ' as const,
  address: 'Thôn Bí Mật, xã Kín Đáo',
  phone: '0987654321',
  email: 'riengtu@example.vn',
};
const DIGITS = '4321';
const OFFICER = 'Lò Văn Cánbộ';

let addressCounter = 0;
/** A fresh network address per call unless one is given: only the tests of the address limit share one. */
const nextAddress = () => `198.51.100.${(addressCounter += 1) % 250}.${addressCounter}`;

describe.each(testDatabaseKinds)('the citizen status page on %s', (kind) => {
  const gw = useTestGateway(kind, { statusPageLimits: { requestsPerAddressPerMinute: 30 } });

  const post = (body: string, { address = nextAddress(), type = 'application/x-www-form-urlencoded' } = {}) =>
    gw.app.request(PATH, { method: 'POST', headers: { 'content-type': type }, body }, { incoming: { socket: { remoteAddress: address } } });
  const ask = (ma: string, so: string, address?: string) => post(new URLSearchParams({ ma, so }).toString(), address ? { address } : {});

  let seq = 0;
  /**
   * A dossier stored as a desk's push leaves it, then set to `status` with the state a citizen's
   * page reads; `lookupCode` for a tablet's online submission (no official code yet).
   */
  async function stored(
    status: DossierStatusCode,
    over: { lookupCode?: string; state?: Record<string, unknown>; data?: Record<string, unknown>; row?: Record<string, unknown> } = {},
  ) {
    seq += 1;
    const code = `${demoCommune.agencyCode}-260302-${String(seq).padStart(4, '0')}`;
    const payload = receiveEntry(
      { communeId: demoCommune.id, agencyCode: demoCommune.agencyCode, deviceId: 'dev', deviceShort: 'DEV', token: '' },
      { code, officerName: OFFICER },
    ).payload;
    payload.data.intake.applicant = { ...PERSON };
    payload.applicantName = PERSON.fullName;
    payload.applicantIdNumber = PERSON.idNumber;
    payload.status = status;
    payload.data.state = { ...payload.data.state, status, ...over.state } as typeof payload.data.state;
    Object.assign(payload.data, over.data ?? {});
    Object.assign(payload, over.row ?? {});
    const officialCode = over.lookupCode ? null : code;
    await gw.db.query(
      `insert into dossiers (id, commune_id, code, lookup_code, status, procedure_code, received_at, due_at, data, version, change_kind)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 1, 'test')`,
      [
        payload.id,
        demoCommune.id,
        officialCode,
        over.lookupCode ?? null,
        status,
        payload.procedureCode,
        payload.receivedAt,
        payload.dueAt,
        JSON.stringify(payload),
      ],
    );
    return { code: officialCode ?? over.lookupCode!, payload };
  }

  const everything = async () =>
    createHash('sha256')
      .update(JSON.stringify(await gw.db.query('select * from dossiers order by id')))
      .digest('hex');

  it('shows the form, pre-filled from the QR, with a strict policy and no script', async () => {
    const res = await gw.app.request(PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(STATUS_PAGE_CSP);
    expect(STATUS_PAGE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Mã hồ sơ hoặc mã tra cứu');
    expect(html).toContain('4 số cuối số định danh (CCCD) của người nộp');
    expect(html).toContain('<form method="post" action="/tra-cuu-ho-so">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|javascript:|\son\w+=|<link|<img|\ssrc=/i);
    expect(Buffer.byteLength(html)).toBeLessThan(6 * 1024);

    const code = `${demoCommune.agencyCode}-260302-0042`;
    const prefilled = await (await gw.app.request(`${PATH}?ma=${encodeURIComponent(code)}`)).text();
    expect(prefilled).toContain(`name="ma" value="${code}"`);
    // The digits field is never filled from the address.
    const withDigits = await (await gw.app.request(`${PATH}?ma=${encodeURIComponent(code)}&so=4321`)).text();
    expect(withDigits).not.toContain('4321');

    const hostile = await gw.app.request(`${PATH}?ma=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(hostile.status).toBe(400);
    const hostileHtml = await hostile.text();
    expect(hostileHtml).not.toContain('<script');
    expect(hostileHtml).toContain('value=""');
    expect((await gw.app.request(`${PATH}?ma=a&ma=b`)).status).toBe(400);
  });

  it('answers the right code and digits with the status, the procedure and the appointment, and nothing personal', async () => {
    const { code, payload } = await stored(2, { state: { appointmentAt: '2026-03-09T10:00:00.000Z' } });
    const res = await ask(code.toLowerCase(), DIGITS);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(STATUS_PAGE_CSP);
    const html = await res.text();
    expect(html).toContain('Đang giải quyết');
    expect(html).toContain(code);
    expect(html).toContain(payload.procedureName);
    expect(html).toContain('<dt>Ngày hẹn trả kết quả</dt><dd>09/03/2026</dd>');
    for (const secret of [
      PERSON.fullName,
      'Riêngtư',
      PERSON.idNumber,
      '038195',
      PERSON.address,
      'Bí Mật',
      PERSON.phone,
      PERSON.email,
      PERSON.birthDate,
      OFFICER,
      '0209000000',
    ])
      expect(html, secret).not.toContain(secret);
    expect(html).not.toMatch(/<script/i);
  });

  it('finds an online submission by its lookup code, typed however it was copied', async () => {
    await stored(1, { lookupCode: 'K7M2Q-9XZ4B', state: { appointmentAt: null, receivedAt: null } });
    const html = await (await ask('k7m2q-9xz4b', DIGITS)).text();
    expect(html).toContain('Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận');
    expect(html).toContain('<dt>Mã tra cứu</dt><dd>K7M2Q-9XZ4B</dd>');
    expect(html).not.toContain('Ngày hẹn trả');
    expect((await ask('K7M2Q 9XZ4B', DIGITS)).status).toBe(200);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const)('words status %i for a citizen', async (status) => {
    const { code } = await stored(status, {
      state: { appointmentAt: '2026-03-09T10:00:00.000Z', resultReadyAt: '2026-03-06T08:15:00.000Z', returnedAt: '2026-03-07T02:00:00.000Z' },
    });
    const html = await (await ask(code, DIGITS)).text();
    expect(html).toContain(`<p class="status" data-status="${status}">${CITIZEN_STATUS_WORDS_VI[status]}</p>`);
    if (status === 9) {
      expect(CITIZEN_STATUS_WORDS_VI[9]).toBe('Đã có kết quả, mời ông/bà đến nhận');
      expect(html).toContain('<dt>Có kết quả lúc</dt><dd>15:15 ngày 06/03/2026</dd>');
    }
    if (status === 10) expect(html).toContain('<dt>Đã trả kết quả lúc</dt><dd>09:00 ngày 07/03/2026</dd>');
    if (status !== 9 && status !== 10) expect(html).not.toContain('Có kết quả lúc');
  });

  it('says what is missing (status 5) and why a dossier was refused (status 3)', async () => {
    const items = [
      { name: 'Giấy chứng sinh', reason: 'Bản chụp không đọc được' },
      { name: 'Tờ khai', reason: 'Thiếu chữ ký' },
    ];
    const asked = await stored(5, {
      row: { supplementRequest: { items, requestedAt: '2026-03-03T02:00:00.000Z', officerName: OFFICER, officerPhone: '0209111222' } },
    });
    const html = await (await ask(asked.code, DIGITS)).text();
    expect(html).toContain('Cần bổ sung giấy tờ');
    expect(html).toContain('<li>Giấy chứng sinh: Bản chụp không đọc được</li><li>Tờ khai: Thiếu chữ ký</li>');
    expect(html).toContain('(sẽ lùi thêm số ngày chờ ông/bà bổ sung)');
    expect(html).not.toContain('0209111222');

    const refused = await stored(3, { data: { refusalReason: 'Hồ sơ không thuộc thẩm quyền của xã' } });
    const refusedHtml = await (await ask(refused.code, DIGITS)).text();
    expect(refusedHtml).toContain('Không được tiếp nhận');
    expect(refusedHtml).toContain('Lý do: Hồ sơ không thuộc thẩm quyền của xã');
  });

  it('follows a dossier the desk pushed, through its supplement request', async () => {
    const device = await communeWithDevice(gw.app);
    const receivedAt = new Date();
    const [day] = reservableDays(receivedAt);
    expect((await json(gw.app, 'POST', '/api/code-blocks', { days: [day], size: 1 }, device.token)).status).toBe(200);
    const code = `${device.agencyCode}-${day}-0001`;
    const entry = receiveEntry(device, { code, receivedAt });
    const results = await pushEntries(gw.app, device, [entry]);
    expect(results[0], JSON.stringify(results[0])).toMatchObject({ status: 'accepted' });
    const first = await (await ask(code, '0001')).text();
    expect(first).toContain('Đang giải quyết');
    expect(first).toMatch(/<dt>Ngày hẹn trả kết quả<\/dt><dd>\d\d\/\d\d\/20\d\d<\/dd>/);

    const start = transitionEntry(entry.entityId, 'startProcessing', new Date(receivedAt.getTime() + 1000).toISOString());
    const request = transitionEntry(entry.entityId, 'requestSupplement', new Date(receivedAt.getTime() + 2000).toISOString(), 'Giấy chứng sinh: bản chụp mờ');
    const withItems = { ...request, payload: { ...request.payload, items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp mờ' }] } };
    expect((await pushEntries(gw.app, device, [start, withItems])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const asked = await (await ask(code, '0001')).text();
    expect(asked).toContain('Cần bổ sung giấy tờ');
    expect(asked).toContain('<li>Giấy chứng sinh: Bản chụp mờ</li>');
    expect(asked).not.toContain('Hà Văn Xử'); // the officer who asked
  });

  it("follows a community team's submission pushed by its tablet, by the slip's lookup code, through the desk's supplement request", async () => {
    const desk = await communeWithDevice(gw.app);
    const tablet = await enrolDevice(gw.app, desk.communeId, 'Máy tính bảng tổ công nghệ số', 'team');
    const submittedAt = new Date(Date.now() - 60_000);
    const entry = submitEntry(tablet, { lookupCode: 'K7M2Q-9XZ4C', submittedAt });
    expect((await pushEntries(gw.app, tablet, [entry]))[0]).toMatchObject({ status: 'accepted' });
    const waiting = await (await ask('k7m2q9xz4c', '0001')).text();
    expect(waiting).toContain('Đã nộp trực tuyến, đang chờ cán bộ tiếp nhận');
    expect(waiting).toContain('<dt>Mã tra cứu</dt><dd>K7M2Q-9XZ4C</dd>');

    const request = transitionEntry(entry.entityId, 'requestSupplement', new Date().toISOString(), 'Giấy chứng sinh: bản chụp mờ');
    const withItems = { ...request, payload: { ...request.payload, items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp mờ' }] } };
    expect((await pushEntries(gw.app, desk, [withItems]))[0]).toMatchObject({ status: 'accepted' });
    const asked = await (await ask('K7M2Q-9XZ4C', '0001')).text();
    expect(asked).toContain('Cần bổ sung giấy tờ');
    expect(asked).toContain('<li>Giấy chứng sinh: Bản chụp mờ</li>');
  });

  it('answers a wrong code and wrong digits alike', async () => {
    const { code } = await stored(4);
    const unknown = `${demoCommune.agencyCode}-260302-9999`;
    const wrongDigits = await ask(code, '0000');
    const wrongCode = await ask(unknown, DIGITS);
    const wrongLookup = await ask('ZZZZZ-ZZZZZ', DIGITS);
    for (const res of [wrongDigits, wrongCode, wrongLookup]) expect(res.status).toBe(404);
    const [a, b, c] = (await Promise.all([wrongDigits, wrongCode, wrongLookup].map((r) => r.text()))) as [string, string, string];
    expect(a).toContain('Không tìm thấy hồ sơ khớp với thông tin đã nhập');
    expect(a.replace(code, 'MA')).toBe(b.replace(unknown, 'MA'));
    expect(b.replace(unknown, 'MA')).toBe(c.replace('ZZZZZ-ZZZZZ', 'MA'));
    // A dossier whose ID number has fewer than 4 digits matches nothing, not even "".
    const short = await stored(4, { row: { applicantIdNumber: '12' }, data: {} });
    expect((await ask(short.code, '0012')).status).toBe(404);
  });

  it('refuses a code after 5 wrong tries for 15 minutes, even with the right digits; right answers use up nothing', async () => {
    const { code } = await stored(4);
    for (let i = 0; i < 10; i++) expect((await ask(code, DIGITS)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await ask(code, `000${i}`)).status).toBe(404);
    const blocked = await ask(code, DIGITS);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const html = await blocked.text();
    expect(html).toContain('Đã tra cứu quá nhiều lần');
    expect(html).not.toContain('Đang giải quyết');
    // Written in another case, the same code is the same key.
    expect((await ask(code.toLowerCase(), DIGITS)).status).toBe(429);
    // An unknown code is counted alike, so the limit tells nothing either.
    const unknown = `${demoCommune.agencyCode}-260302-8888`;
    for (let i = 0; i < 5; i++) expect((await ask(unknown, `000${i}`)).status).toBe(404);
    expect((await ask(unknown, '0005')).status).toBe(429);
    // Other dossiers are not held back; once the window has passed, the code answers again.
    const other = await stored(4);
    expect((await ask(other.code, DIGITS)).status).toBe(200);
    await gw.db.query(`update status_lookup_tries set window_started_at = now() - interval '16 minutes'`);
    expect((await ask(code, DIGITS)).status).toBe(200);
  });

  it('gives a burst of parallel guesses at one code no more than the limit', async () => {
    const { code } = await stored(4);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(code, String(1000 + i))));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('limits form posts per network address to 30 a minute', async () => {
    const address = '203.0.113.77';
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await ask(`ABCDE-${String(10000 + i).slice(-5)}`, '1234', address)).status);
    expect(answers.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(answers[30]).toBe(429);
    const res = await ask('ABCDE-FGHJK', '1234', address);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.text()).toContain('Đã tra cứu quá nhiều lần');
    expect((await ask('ABCDE-FGHJK', '1234', '203.0.113.78')).status).toBe(404);
  });

  it('answers hostile bodies with a 400 page and changes nothing', async () => {
    const { code } = await stored(4);
    const before = await everything();
    const hostile: [string, string?][] = [
      [''],
      ['ma=&so='],
      [`ma=${encodeURIComponent(code)}`],
      [`so=${DIGITS}`],
      [`ma=${encodeURIComponent(code)}&so=${DIGITS}&x=1`],
      [`ma=${encodeURIComponent(code)}&so=${DIGITS}&so=0000`],
      [`ma=${encodeURIComponent(code)}&ma=${encodeURIComponent(code)}&so=${DIGITS}`],
      [`ma=${encodeURIComponent("' or 1=1 --")}&so=${DIGITS}`],
      [`ma=${encodeURIComponent(`${code}'; drop table dossiers; --`)}&so=${DIGITS}`],
      [`ma=${encodeURIComponent(code)}&so=${encodeURIComponent("1' or '1'='1")}`],
      [`ma=${encodeURIComponent('Mã hồ sơ của tôi')}&so=${DIGITS}`],
      [`ma=${encodeURIComponent(code)}&so=${encodeURIComponent('４３２１')}`],
      [`ma=${'A'.repeat(900)}&so=${DIGITS}`],
      [`ma=%00${encodeURIComponent(code)}&so=${DIGITS}`],
      [`ma=%ZZ&so=%C0%AF`],
      [JSON.stringify({ ma: code, so: DIGITS }), 'application/json'],
      [`ma=${encodeURIComponent(code)}&so=${DIGITS}`, 'text/plain'],
      [`ma=${encodeURIComponent(code)}&so=${DIGITS}`, 'multipart/form-data; boundary=x'],
    ];
    for (const [body, type] of hostile) {
      const res = await post(body, type ? { type } : {});
      expect(res.status, `${type ?? 'form'} ${body.slice(0, 60)}`).toBe(400);
      const html = await res.text();
      expect(html).toContain('Thông tin nhập chưa đúng');
      expect(html).not.toMatch(/<script|drop table/i);
      expect(res.headers.get('content-security-policy')).toBe(STATUS_PAGE_CSP);
    }
    const big = await post(`ma=${'A'.repeat(2000)}&so=${DIGITS}`);
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('Nội dung gửi lên quá lớn');
    const declared = await gw.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(1 << 30) },
      body: 'ma=x',
    });
    expect(declared.status).toBe(413);
    expect(await everything()).toBe(before);
    // None of these spent a try of the real code.
    expect((await ask(code, DIGITS)).status).toBe(200);
  });
});
