// Sync end to end in real Chromium against the real gateway: a laptop enrols with the demo code,
// receives a dossier with a scanned page while offline, comes back and sends it; the gateway then
// holds the dossier and the page byte for byte. A revoked device is asked to enrol again and
// loses nothing: after re-enrolment the waiting dossier goes through. An upload cut half-way
// resumes after a reload at the offset the gateway kept. A dossier the gateway refuses for good
// (an address pasted past its limit) is fixed from the quarantine and then accepted, once. Sync
// needs the app open (no Background Sync): changes left with every tab closed wait, untouched,
// until the app is opened again.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../support/browser';
import { storeRows } from '../support/store-rows';
import { samplePdf } from '../support/sample-pdf';
import { useStage } from '../support/e2e-stage';
import { prepareDevice, receiveKhaiSinh, sampleApplicant } from '../support/intake-flow';
import { expectVietnameseDates } from '../support/dates-on-screen';

const ADMIN_TOKEN = 'e2e-admin-token-sync-0123456789';
const stage = useStage({ gateway: { env: { MOTCUA_ADMIN_TOKEN: ADMIN_TOKEN } } });

/** A small real PDF (the app opens a chosen PDF before keeping it as it is). */
function scannedPage(text: string): Buffer {
  return samplePdf(text, { filler: `% ${text} `.repeat(400) });
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The device's settings rows, read straight from its IndexedDB. */
function deviceSettings(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(Object.fromEntries((request.result as { key: string; value: unknown }[]).map((r) => [r.key, r.value])));
          };
        };
      }),
  );
}

/** The dossier and outbox rows on the device, to prove a failed sync changed nothing. */
function deviceRows(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['dossiers', 'outbox']);
          const dossiers = tx.objectStore('dossiers').getAll();
          const outbox = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ dossiers: dossiers.result, outbox: outbox.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Writes `address` as the applicant's address of the dossier `code`, in its row and its waiting
 * outbox entry: what an app from before the desk checked the gateway's limits could have queued.
 */
function plantApplicantAddress(page: Page, code: string, address: string): Promise<void> {
  return page.evaluate(
    ({ code, address }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['dossiers', 'outbox'], 'readwrite');
          type Row = { id: string; code: string; data: { intake: { applicant: { address: string } } } };
          const dossiers = tx.objectStore('dossiers');
          const outbox = tx.objectStore('outbox');
          const read = dossiers.index('code').get(code);
          read.onsuccess = () => {
            const row = read.result as Row;
            row.data.intake.applicant.address = address;
            dossiers.put(row);
            const entries = outbox.getAll();
            entries.onsuccess = () => {
              for (const entry of entries.result as { entityId: string; kind: string; payload: Row }[]) {
                if (entry.entityId !== row.id || entry.kind !== 'dossier.receive') continue;
                entry.payload.data.intake.applicant.address = address;
                outbox.put(entry);
              }
            };
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { code, address },
  );
}

async function enrol(page: Page, name: string) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
  await card.getByText('Máy chủ dùng thử: mã DEMO').waitFor();
  await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
  await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill(name);
  await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
  await card.getByText(`Thiết bị "${name}" đã được kích hoạt cho Xã Bản Mẫu`, { exact: false }).waitFor();
  await page.getByText(/Còn [1-9]\d* số hồ sơ chính thức/).waitFor();
}

async function pull(token: string) {
  const res = await fetch(`${stage.gateway.url}/api/sync/pull?since=0`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const page = (await res.json()) as {
    changes: { type: string; dossier?: { id: string; code: string; provisionalCode?: string; attachments?: { sha256: string }[] } }[];
  };
  return page.changes.flatMap((c) => (c.type === 'dossier' && c.dossier ? [c.dossier] : []));
}

async function openDossier(page: Page, code: string) {
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
}

describe('sync', () => {
  it('enrols with DEMO, sends a dossier received offline with its scanned page, and the gateway holds both', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url);
    // A wrong code, then no network: each says what to do, and the device stays as it was.
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
    await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('SAI1-MA22');
    await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Máy bàn tiếp nhận 1');
    await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
    await card.getByRole('alert').getByText('Mã kích hoạt không đúng, đã được dùng hoặc đã hết hạn. Hãy xin mã mới từ quản trị viên.').waitFor();
    await context.setOffline(true);
    await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
    await card.getByRole('alert').getByText('Không kết nối được máy chủ. Hãy kiểm tra mạng rồi bấm Kích hoạt lại.').waitFor();
    await context.setOffline(false);
    expect((await deviceSettings(page)).deviceToken).toBeUndefined();
    await enrol(page, 'Máy bàn tiếp nhận 1');

    await context.setOffline(true);
    const bytes = scannedPage('to khai dang ky khai sinh');
    const code = await receiveKhaiSinh(page, sampleApplicant, [
      { paper: 'Tờ khai đăng ký khai sinh', name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: bytes },
    ]);
    await openDossier(page, code);
    await page.getByRole('region', { name: 'Đồng bộ' }).getByText('Chờ gửi', { exact: true }).waitFor();

    await context.setOffline(false);
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor();
    await page.getByText(/^Lần gửi thành công gần nhất: /).waitFor();
    await expectVietnameseDates(page, 'sync page');

    await openDossier(page, code);
    await page.getByRole('region', { name: 'Đồng bộ' }).getByText(`Đã đồng bộ — mã chính thức ${code}`).waitFor();

    // The gateway really holds the page: found by its hash with the device's token, the same bytes on its disk.
    const settings = await deviceSettings(page);
    const token = settings.deviceToken as string;
    expect(token).toMatch(/^mcd_/);
    const sha = sha256(bytes);
    const held = await fetch(`${stage.gateway.url}/api/files/by-hash/${sha}`, { headers: { authorization: `Bearer ${token}` } });
    expect(held.status).toBe(200);
    expect(await held.json()).toEqual({ sha256: sha, size: bytes.length });
    expect(readFileSync(path.join(stage.gateway.dataDir, 'files', sha)).equals(bytes)).toBe(true);
    // And the dossier, naming that page, as another device of the commune would pull it.
    const dossier = (await pull(token)).find((d) => d.code === code);
    expect(dossier?.attachments?.map((a) => a.sha256)).toEqual([sha]);
    await context.close();
  });

  it('asks a revoked device to enrol again, changing no data, and sends once it has', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url, 'Hà Văn Bình');
    await enrol(page, 'Máy bàn tiếp nhận 2');
    const device = (await deviceSettings(page)).device as { id: string };
    const revoked = await fetch(`${stage.gateway.url}/api/admin/devices/${device.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(200);

    const code = await receiveKhaiSinh(page, { ...sampleApplicant, fullName: 'Lò Văn Thu', idNumber: '001099000002' });
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('region', { name: 'Trạng thái kết nối' }).getByText('Đã kết nối máy chủ').waitFor();
    const before = await deviceRows(page);
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    const card = page.getByRole('region', { name: 'Kích hoạt thiết bị' });
    await card
      .getByRole('alert')
      .getByText(/Máy chủ không còn nhận mã truy cập của thiết bị này/)
      .waitFor();
    await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).waitFor();
    await page.getByText('1 thay đổi đang chờ gửi.').waitFor();
    await page.getByText('Cần kích hoạt lại thiết bị / đăng nhập lại để gửi tiếp. Dữ liệu trên máy vẫn nguyên vẹn.').waitFor();
    expect(await deviceRows(page)).toEqual(before);

    await card.getByRole('textbox', { name: 'Mã kích hoạt thiết bị' }).fill('DEMO');
    await card.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Máy bàn tiếp nhận 2');
    await card.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
    await card.getByText('Đã kích hoạt thiết bị. Các thay đổi đang chờ sẽ được gửi.').waitFor();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor();
    await openDossier(page, code);
    await page.getByRole('region', { name: 'Đồng bộ' }).getByText(`Đã đồng bộ — mã chính thức ${code}`).waitFor();
    await context.close();
  });

  it('resumes a cut upload after a reload, at the offset the gateway kept, without starting over', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url, 'Lò Thị Mai');
    await enrol(page, 'Máy bàn tiếp nhận 3');
    // 2.5 MB: five tus chunks; the link "drops" from the third one on.
    const bytes = samplePdf('Giấy chứng sinh', { filler: randomBytes(2_500_000) });
    const cutFrom = 1024 * 1024;
    const sent: { method: string; url: string; offset: number | null }[] = [];
    const headersRead: Promise<void>[] = [];
    context.on('request', (r) => {
      // Upload requests only: not the batch question "which of these do you hold?".
      if (!r.url().includes('/api/files') || r.url().endsWith('/api/files/held')) return;
      const entry = { method: r.method(), url: r.url(), offset: null as number | null };
      sent.push(entry); // in the order sent; the offset is filled in once read
      // headerValue reads the full headers: headers() may be the provisional snapshot, which on a
      // loaded machine can lack tus's Upload-Offset (a PATCH at the cut then went uncounted).
      headersRead.push(
        r.headerValue('upload-offset').then(
          (offset) => void (entry.offset = offset === null ? null : Number(offset)),
          () => undefined, // the request's page was reloaded away; its offset is not needed
        ),
      );
    });
    await context.route('**/api/files/**', async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      // A PATCH whose offset cannot be read is cut too: only bytes before the cut get through.
      const offset = await route.request().headerValue('upload-offset');
      return offset !== null && Number(offset) < cutFrom ? route.continue() : route.abort('connectionreset');
    });

    const code = await receiveKhaiSinh(page, { ...sampleApplicant, fullName: 'Đinh Thị Na', idNumber: '001099000003' }, [
      { paper: 'Giấy chứng sinh', name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: bytes },
    ]);
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    // While the pump tries (and retries), the list says which file of how many is on its way.
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByText('Đang gửi tệp 1/1').waitFor();
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByText(/Lỗi gần nhất: Mất kết nối khi gửi tệp/).waitFor({ timeout: 60_000 });
    const [kept] = await storeRows<{ sha256: string; status: string; url?: string; offset: number }>(page, 'uploads');
    expect(kept).toMatchObject({ sha256: sha256(bytes), status: 'uploading', url: expect.stringContaining('/api/files/'), offset: cutFrom });
    const created = sent.filter((r) => r.method === 'POST');
    expect(created).toHaveLength(1);

    // A reload (or a closed laptop lid) in between; then the link comes back.
    // Counted from before the reload: the app's own start-up sync may already try (and be cut)
    // before the link comes back.
    const beforeReload = sent.length;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Đồng bộ' }).waitFor();
    await context.unroute('**/api/files/**');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });

    await Promise.all(headersRead);
    const resumed = sent.slice(beforeReload).filter((r) => r.method !== 'GET');
    expect(resumed.filter((r) => r.method === 'POST')).toEqual([]); // never started over
    expect(resumed.every((r) => r.url === kept!.url)).toBe(true);
    const patches = resumed.flatMap((r) => (r.method === 'PATCH' && r.offset !== null ? [r.offset] : []));
    expect(Math.min(...patches)).toBe(cutFrom);
    expect(readFileSync(path.join(stage.gateway.dataDir, 'files', sha256(bytes))).equals(bytes)).toBe(true);
    await openDossier(page, code);
    await page.getByRole('region', { name: 'Đồng bộ' }).getByText(`Đã đồng bộ — mã chính thức ${code}`).waitFor();
    await context.close();
  });

  it('lets the officer fix a dossier the gateway refused, then sends the correction once and it is accepted', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url, 'Vi Thị Hoa');
    await enrol(page, 'Máy bàn tiếp nhận 4');
    // What a hurried paste puts in the address box: the whole page of a form, far past what the gateway takes.
    // The desk now refuses it before receiving (tests/e2e/intake.test.ts), so it is planted as an app
    // from before that check queued it.
    const pasted = `${'Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn, tỉnh Lạng Sơn;\t'.repeat(12)}  <b>ghi chú</b>\u200b`;
    const code = await receiveKhaiSinh(page, { ...sampleApplicant, fullName: 'Hoàng Thị Lan', idNumber: '001099000004' });
    await plantApplicantAddress(page, code, pasted);
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    const quarantine = page.getByRole('region', { name: 'Bị máy chủ từ chối (1)' });
    await quarantine.getByText('Hồ sơ gửi lên thiếu hoặc sai thông tin: địa chỉ của người nộp.').waitFor();
    await page.getByText('Không còn gì chờ gửi, nhưng có thay đổi bị máy chủ từ chối (xem bên dưới).').waitFor();

    // From the dossier, the officer is sent to where it can be fixed.
    await openDossier(page, code);
    const syncCard = page.getByRole('region', { name: 'Đồng bộ' });
    await syncCard.getByText('Lý do: Hồ sơ gửi lên thiếu hoặc sai thông tin: địa chỉ của người nộp.').waitFor();
    await syncCard.getByRole('link', { name: 'Sửa thông tin và gửi lại (trang Đồng bộ)' }).click();
    await quarantine.getByRole('button', { name: `Sửa hồ sơ ${code}` }).click();
    const form = page.getByRole('form', { name: `Sửa hồ sơ ${code} rồi gửi lại` });
    const address = form.getByRole('textbox', { name: 'Nơi cư trú' });
    expect(await address.inputValue()).toBe(pasted);

    // Still too long, and a name typed wrong on the way: refused on the desk, nothing written or sent.
    const before = await deviceRows(page);
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Hoàng Thị Lan 2');
    await form.getByRole('button', { name: 'Lưu và gửi lại' }).click();
    await form.getByRole('alert').getByText('Thông tin còn chỗ chưa đúng (xem từng ô): chưa lưu gì.').waitFor();
    await form.getByText(/^Người nộp: ô "Nơi cư trú" dài \d+ ký tự, quá giới hạn 500 ký tự máy chủ nhận\./).waitFor();
    expect(await deviceRows(page)).toEqual(before);

    await form.getByRole('textbox', { name: 'Họ và tên' }).fill('Hoàng Thị Lan');
    await address.fill('  Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn, tỉnh Lạng Sơn  ');
    await form.getByRole('button', { name: 'Lưu và gửi lại' }).click();
    await page.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor();
    expect(await quarantine.count()).toBe(0);

    await openDossier(page, code);
    await page.getByRole('region', { name: 'Đồng bộ' }).getByText(`Đã đồng bộ — mã chính thức ${code}`).waitFor();
    expect(await storeRows(page, 'outbox')).toEqual([]);
    // The gateway holds the corrected dossier, once.
    const token = (await deviceSettings(page)).deviceToken as string;
    const held = (await pull(token)).filter((d) => d.code === code) as unknown as { data: { intake: { applicant: { fullName: string; address: string } } } }[];
    expect(held).toHaveLength(1);
    expect(held[0]!.data.intake.applicant).toMatchObject({ fullName: 'Hoàng Thị Lan', address: 'Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn, tỉnh Lạng Sơn' });
    const [stored] = (await storeRows<{ code: string; data: { intake: { applicant: { address: string } } } }>(page, 'dossiers')).filter((d) => d.code === code);
    expect(stored!.data.intake.applicant.address).toBe('Thôn Nà Pồ, xã Bản Mẫu, huyện Mẫu Sơn, tỉnh Lạng Sơn');
    await context.close();
  });

  it('sends only while the app is open: changes left with no tab open wait until it is opened again', async () => {
    const context = await newDevice(stage.browser, 'laptop');
    const page = await context.newPage();
    await prepareDevice(page, stage.gateway.url, 'Lục Văn Sơn');
    await enrol(page, 'Máy bàn tiếp nhận 5');
    const token = (await deviceSettings(page)).deviceToken as string;

    await context.setOffline(true);
    const code = await receiveKhaiSinh(page, { ...sampleApplicant, fullName: 'Lục Thị Xuân', idNumber: '001099000005' });
    await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đang mất mạng: sẽ tự gửi khi có mạng trở lại, trong lúc ứng dụng đang mở.').waitFor();
    // Nothing is promised to the browser behind the officer's back: no Background Sync is registered.
    const tags = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration()) as ServiceWorkerRegistration & { sync?: { getTags(): Promise<string[]> } };
      return registration.sync ? await registration.sync.getTags() : null;
    });
    expect(tags).toEqual([]);

    // The tab is shut, then the network comes back: nothing is sent.
    await page.close();
    await context.setOffline(false);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a send that should not happen
    expect((await pull(token)).some((d) => d.code === code)).toBe(false);

    // Opened again: it sends by itself.
    const reopened = await context.newPage();
    await reopened.goto(`${stage.gateway.url}/dong-bo`);
    await reopened.getByText('Đã gửi hết: máy chủ đã nhận mọi thay đổi.').waitFor({ timeout: 60_000 });
    expect((await pull(token)).filter((d) => d.code === code)).toHaveLength(1);
    await context.close();
  });
});
