// The province administrator's API: communes, staff (and disabling them, or ending their
// sessions), device enrolment codes, device revocation, and the state of the upward queue. Guarded by MOTCUA_ADMIN_TOKEN (off when it is unset).
import type { Hono } from 'hono';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN } from '../../src/domain/dossier';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../../src/domain/calendar';
import { DEVICE_ROLES } from '../auth/caller';
import { createEnrolmentCode, listDevices, revokeDevice } from '../auth/enrolment';
import { createStaff, disableStaff, revokeStaffSessions } from '../auth/staff';
import { communeById, insertCommune } from '../db/communes';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { upwardQueueStatus } from '../upward/queue';
import { requireAdmin } from './auth-middleware';
import { notFound, readJsonBody } from './json-body';

// Strict, like every body the gateway reads: a field it does not know is refused, not ignored.
const communeSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]{3,64}$/)
    .optional(),
  name: z.string().trim().min(1).max(200),
  provinceCode: z.string().regex(/^\d{2}$/),
  agencyCode: z.string().regex(AGENCY_CODE_PATTERN),
  officeHours: z.unknown().optional(),
});

const staffSchema = z.strictObject({
  communeId: z.string().min(1).max(64),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/),
  fullName: z.string().trim().min(1).max(120),
  role: z.enum(['receptionOfficer', 'processingOfficer', 'leader', 'communityTeam']),
  password: z.string().min(10).max(200),
});

/** A desk device unless the administrator asks for a community team's tablet (issue 15). */
const enrolmentCodeSchema = z.strictObject({ communeId: z.string().min(1).max(64), role: z.enum(DEVICE_ROLES).default('desk') });

export interface AdminRouteDeps {
  db: Database;
  log: Logger;
  adminToken: string | undefined;
}

export function mountAdminRoutes(app: Hono, { db, log, adminToken }: AdminRouteDeps): void {
  const admin = requireAdmin(adminToken);

  app.post('/api/admin/communes', admin, async (c) => {
    const body = await readJsonBody(c, communeSchema, 'Thông tin xã không hợp lệ (tên, mã tỉnh 2 chữ số, mã đơn vị dạng 000.00.12.H56).');
    if (!body.ok) return body.response;
    const officeHours = parseOfficeHours(body.data.officeHours ?? DEFAULT_OFFICE_HOURS);
    if (!officeHours.ok) return c.json({ error: 'bad_request', message: 'Giờ làm việc của xã không hợp lệ.', detail: officeHours.error }, 400);
    const commune = await insertCommune(db, { ...body.data, officeHours: officeHours.settings });
    if (!commune) return c.json({ error: 'conflict', message: 'Mã xã hoặc mã đơn vị đã có.' }, 409);
    log.info({ communeId: commune.id }, 'commune created');
    return c.json(commune, 201);
  });

  app.post('/api/admin/staff', admin, async (c) => {
    const body = await readJsonBody(
      c,
      staffSchema,
      'Thông tin cán bộ không hợp lệ (tên đăng nhập 3-40 chữ thường/số, mật khẩu ít nhất 10 ký tự, vai trò hợp lệ).',
    );
    if (!body.ok) return body.response;
    if (!(await communeById(db, body.data.communeId))) return notFound(c, 'Không tìm thấy xã.');
    const staff = await createStaff(db, body.data);
    if (!staff) return c.json({ error: 'conflict', message: 'Tên đăng nhập đã có người dùng.' }, 409);
    log.info({ staffId: staff.id, communeId: staff.communeId }, 'staff created');
    return c.json(staff, 201);
  });

  // A staff member who left (or whose password leaked): no sign-in from now on, every session ends.
  app.post('/api/admin/staff/:id/disable', admin, async (c) => {
    const id = c.req.param('id');
    if (!(await disableStaff(db, id))) return notFound(c, 'Không tìm thấy cán bộ.');
    log.warn({ staffId: id }, 'staff disabled');
    return c.json({ id, disabled: true });
  });

  // A lost device or a shared screen: every session ends, the account stays (a new sign-in works).
  app.post('/api/admin/staff/:id/revoke-sessions', admin, async (c) => {
    const id = c.req.param('id');
    const [staff] = await db.query('select id from staff where id = $1', [id]);
    if (!staff) return notFound(c, 'Không tìm thấy cán bộ.');
    const revoked = await revokeStaffSessions(db, id);
    log.warn({ staffId: id, revoked }, 'staff sessions revoked');
    return c.json({ id, revoked });
  });

  app.post('/api/admin/enrolment-codes', admin, async (c) => {
    const body = await readJsonBody(c, enrolmentCodeSchema, "Cần mã xã (communeId); vai trò thiết bị (role) là 'desk' hoặc 'team'.");
    if (!body.ok) return body.response;
    if (!(await communeById(db, body.data.communeId))) return notFound(c, 'Không tìm thấy xã.');
    const { code, expiresAt } = await createEnrolmentCode(db, body.data.communeId, body.data.role);
    return c.json({ code, communeId: body.data.communeId, role: body.data.role, expiresAt }, 201);
  });

  app.get('/api/admin/devices', admin, async (c) => {
    const communeId = c.req.query('communeId') ?? '';
    if (!(await communeById(db, communeId))) return notFound(c, 'Không tìm thấy xã.');
    return c.json({ devices: await listDevices(db, communeId) });
  });

  app.post('/api/admin/devices/:id/revoke', admin, async (c) => {
    const id = c.req.param('id');
    if (!(await revokeDevice(db, id))) return notFound(c, 'Không tìm thấy thiết bị.');
    log.warn({ deviceId: id }, 'device revoked');
    return c.json({ id, revoked: true });
  });

  app.get('/api/admin/upward', admin, async (c) => c.json(await upwardQueueStatus(db)));
}
