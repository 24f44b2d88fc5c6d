// The upward adapter against a fake provincial receiver on a real socket: every field of the
// DongBoHoSoMC-like record, "add" once and "update" after, retries with backoff while the
// receiver fails (visible to the administrator), and nothing lost or sent twice.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { ADMIN_TOKEN, communeWithDevice, holdFile, json, startTestGateway, type TestDevice, type TestGateway } from '../test/gateway';
import { birthProcedure, receiveEntry, transitionEntry } from '../test/dossiers';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';
import { backoffMs, BACKOFF_CAP_MS } from './queue';
import type { UpwardRecord } from './record';
import { deliverDue } from './sender';

interface Received {
  service: string;
  isUpdating: boolean;
  madonvi: string;
  data: UpwardRecord[];
}

/** A stand-in for the provincial system: keeps records by MaHoSo, and can be told to fail. */
function fakeReceiver() {
  const records = new Map<string, UpwardRecord>();
  const requests: Received[] = [];
  let failuresLeft = 0;
  const app = new Hono();
  app.post('/dongbo', async (c) => {
    const body = (await c.req.json()) as Received;
    requests.push(body);
    if (failuresLeft > 0) {
      failuresLeft--;
      return c.json({ error_code: -1, message: 'Hệ thống đang bảo trì' }, 200);
    }
    for (const record of body.data) {
      const exists = records.has(record.MaHoSo);
      // The receiver's own rule: add only what is new, update only what it has.
      if (exists !== body.isUpdating) return c.json({ error_code: 1, message: exists ? 'Hồ sơ đã tồn tại' : 'Không có hồ sơ để cập nhật' });
      records.set(record.MaHoSo, record);
    }
    return c.json({ error_code: 0, message: 'Thành công' });
  });
  return { app, records, requests, failNext: (n: number) => (failuresLeft = n) };
}

describe.each(testDatabaseKinds)('upward adapter on %s', (kind) => {
  let gw: TestGateway;
  let receiver: ReturnType<typeof fakeReceiver>;
  let server: ServerType;
  let url: string;
  const log = createLogger('silent');

  beforeAll(async () => {
    gw = await startTestGateway(kind);
    receiver = fakeReceiver();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: receiver.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dongbo`;
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await gw?.cleanup();
  });

  const push = (device: TestDevice, entries: unknown[]) => json(gw.app, 'POST', '/api/sync/push', { entries }, device.token);
  const deliver = () => deliverDue({ db: gw.db, log, url });

  it('sends an accepted dossier with every field, then its processing as an update', async () => {
    const device = await communeWithDevice(gw.app);
    const entry = receiveEntry(device, {
      code: `TAM-${device.deviceShort}-260302-0001`,
      attachments: [{ componentIndex: 0, sha256: 'a'.repeat(64), name: 'to-khai.pdf', type: 'application/pdf', size: 61_234 }],
    });
    // The gateway takes a dossier only once it holds the files it names.
    await holdFile(gw.db, device.communeId, 'a'.repeat(64), 61_234);
    await push(device, [entry]);
    expect(await deliver()).toEqual({ delivered: 1, failed: 0 });
    const code = `${device.agencyCode}-260302-0001`;
    const first = receiver.requests.at(-1)!;
    expect(first).toMatchObject({ service: 'DongBoHoSoMC', isUpdating: false, madonvi: device.agencyCode });
    expect(first.data).toHaveLength(1);
    expect(first.data[0]).toEqual({
      MaHoSo: code,
      MaTTHC: '1.001193',
      TenTTHC: birthProcedure.name,
      MaLinhVuc: 'Hộ tịch',
      TenLinhVuc: 'Hộ tịch',
      KenhThucHien: 1,
      ChuHoSo: 'Nguyễn Văn Mẫu',
      LoaiDoiTuong: 1,
      SoGiayToChuHoSo: '001099000001',
      DiaChiChuHoSo: 'Số 1 Đường Thử Nghiệm, Xã Bản Mẫu',
      SoDienThoai: '0912345678',
      Email: 'mau@example.vn',
      TrichYeuHoSo: `${birthProcedure.name} - Nguyễn Văn Mẫu`,
      // Received 02:30 UTC = 09:30 in Vietnam; a same-day procedure is due 17:00 that day.
      NgayTiepNhan: '20260302093000',
      NgayHenTra: '20260302170000',
      TrangThaiHoSo: 2,
      NgayKetThucXuLy: '',
      NgayTra: '',
      HinhThuc: 1,
      TaiLieuNop: [
        {
          TenTaiLieu: birthProcedure.components[0]!.name,
          SoBan: 1,
          LoaiBan: 'Bản chính',
          TepDinhKem: [{ MaTep: 'a'.repeat(64), TenTep: 'to-khai.pdf', LoaiTep: 'application/pdf', KichThuoc: 61_234 }],
        },
        { TenTaiLieu: birthProcedure.components[1]!.name, SoBan: 1, LoaiBan: 'Bản chính', TepDinhKem: [] },
      ],
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí theo quy định của tỉnh', SoLuong: 1, DonGia: 8000, SoTien: 8000, HinhThucThu: 'Tiền mặt' }],
      DanhSachHoSoBoSung: [],
      DanhSachGiayToKetQua: [],
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '001099000001' }],
      QuaTrinhXuLy: [{ NguoiXuLy: 'Lò Thị Mai', ChucDanh: 'Cán bộ tiếp nhận', ThoiDiemXuLy: '20260302093000', NoiDungXuLy: 'Tiếp nhận hồ sơ', TrangThai: 2 }],
    });

    // The paper brought for the supplement, held by the commune (uploaded before the change).
    const brought = { item: 0, sha256: 'b'.repeat(64), name: 'Giấy chứng sinh (bổ sung).pdf', type: 'application/pdf', size: 40_321 };
    await holdFile(gw.db, device.communeId, brought.sha256, brought.size);
    const receiveSupplement = transitionEntry(entry.entityId, 'receiveSupplement', '2026-03-02T07:30:00Z');
    const receiveWithPaper = { ...receiveSupplement, payload: { ...receiveSupplement.payload, papers: [brought] } };
    await push(device, [
      transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z'),
      transitionEntry(entry.entityId, 'requestSupplement', '2026-03-02T03:30:00Z', 'Thiếu giấy chứng sinh'),
      receiveWithPaper,
      transitionEntry(entry.entityId, 'markResultReady', '2026-03-02T08:00:00Z'),
      transitionEntry(entry.entityId, 'returnResult', '2026-03-02T09:00:00Z'),
    ]);
    // Five changes, one delivery of the latest state.
    expect(await deliver()).toEqual({ delivered: 1, failed: 0 });
    const update = receiver.requests.at(-1)!;
    expect(update.isUpdating).toBe(true);
    const record = update.data[0]!;
    expect(record).toMatchObject({
      MaHoSo: code,
      TrangThaiHoSo: 10,
      NgayKetThucXuLy: '20260302150000',
      NgayTra: '20260302160000',
      // Waiting 10:30 → 14:30 took 2 working hours (lunch excluded): 17:00 + 2 h = 09:00 next working day.
      NgayHenTra: '20260303090000',
    });
    expect(record.DanhSachHoSoBoSung).toEqual([
      {
        NguoiYeuCauBoSung: 'Hà Văn Xử',
        NoiDungBoSung: 'Thiếu giấy chứng sinh',
        NgayYeuCauBoSung: '20260302103000',
        NgayTiepNhanBoSung: '20260302143000',
        NgayHenTraMoi: '20260303090000',
        TepDinhKem: [{ MaTep: 'b'.repeat(64), TenTep: 'Giấy chứng sinh (bổ sung).pdf', LoaiTep: 'application/pdf', KichThuoc: 40_321 }],
      },
    ]);
    expect(record.QuaTrinhXuLy.map((e) => [e.NguoiXuLy, e.ChucDanh, e.ThoiDiemXuLy, e.NoiDungXuLy, e.TrangThai])).toEqual([
      ['Lò Thị Mai', 'Cán bộ tiếp nhận', '20260302093000', 'Tiếp nhận hồ sơ', 2],
      ['Hà Văn Xử', 'Cán bộ xử lý', '20260302100000', 'Chuyển xử lý', 4],
      ['Hà Văn Xử', 'Cán bộ xử lý', '20260302103000', 'Yêu cầu bổ sung hồ sơ: Thiếu giấy chứng sinh', 5],
      ['Hà Văn Xử', 'Cán bộ xử lý', '20260302143000', 'Nhận hồ sơ bổ sung', 4],
      ['Hà Văn Xử', 'Cán bộ xử lý', '20260302150000', 'Hoàn thành xử lý (có kết quả)', 9],
      ['Hà Văn Xử', 'Cán bộ xử lý', '20260302160000', 'Trả kết quả', 10],
    ]);
    expect(receiver.records.get(code)?.TrangThaiHoSo).toBe(10);
    // Nothing left to send.
    expect(await deliver()).toEqual({ delivered: 0, failed: 0 });
  });

  it('retries a failing delivery later, shows it to the administrator, and delivers once the receiver is back', async () => {
    const device = await communeWithDevice(gw.app);
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    await push(device, [entry]);
    receiver.failNext(1);
    expect(await deliver()).toEqual({ delivered: 0, failed: 1 });
    const [row] = await gw.db.query<{ attempts: number; last_error: string; wait: number }>(
      `select attempts, last_error, extract(epoch from next_attempt_at - now())::float as wait from upward_queue where dossier_id = $1`,
      [entry.entityId],
    );
    expect(row).toMatchObject({ attempts: 1, last_error: 'error_code -1: Hệ thống đang bảo trì' });
    expect(row!.wait).toBeGreaterThan(5);
    // Not due yet: nothing is sent.
    expect(await deliver()).toEqual({ delivered: 0, failed: 0 });
    const status = await (await json(gw.app, 'GET', '/api/admin/upward', undefined, ADMIN_TOKEN)).json();
    expect(status.failing).toContainEqual(
      expect.objectContaining({ dossierId: entry.entityId, attempts: 1, lastError: 'error_code -1: Hệ thống đang bảo trì' }),
    );

    await gw.db.query('update upward_queue set next_attempt_at = now() where dossier_id = $1', [entry.entityId]);
    expect(await deliver()).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.requests.at(-1)?.isUpdating).toBe(false);
    const [after] = await gw.db.query<{ attempts: number; last_error: string | null }>('select attempts, last_error from upward_queue where dossier_id = $1', [
      entry.entityId,
    ]);
    expect(after).toEqual({ attempts: 0, last_error: null });
  });

  it('treats an unreachable receiver as a failure to retry, not a loss', async () => {
    const device = await communeWithDevice(gw.app);
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    await push(device, [entry]);
    const result = await deliverDue({ db: gw.db, log, url: 'http://127.0.0.1:1/nowhere' });
    expect(result).toEqual({ delivered: 0, failed: 1 });
    const [row] = await gw.db.query<{ attempts: number; delivered_version: unknown }>(
      'select attempts, delivered_version from upward_queue where dossier_id = $1',
      [entry.entityId],
    );
    expect(row).toEqual({ attempts: 1, delivered_version: null });
    await gw.db.query('update upward_queue set next_attempt_at = now() where dossier_id = $1', [entry.entityId]);
    expect(await deliver()).toMatchObject({ delivered: 1 });
  });
});

describe('upward backoff', () => {
  it('doubles from 10 s and stops growing at one hour, with ±20 % jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, mid))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(30, mid)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1, () => 0)).toBe(8_000);
    expect(backoffMs(1, () => 1)).toBe(12_000);
  });
});
