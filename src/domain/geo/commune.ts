// A commune as the gateway hands it to a device at enrolment and the device keeps it: the one
// shape both sides name (server/db/communes.ts reads it, src/db/device.ts stores it).

export interface CommuneInfo {
  id: string;
  name: string;
  provinceCode: string;
  /** Mã định danh of the commune's one-stop unit, the first part of its dossier codes. */
  agencyCode: string;
  /** The commune's office hours as configured (checked by src/domain/calendar's officeHoursSchema where used). */
  officeHours: unknown;
}
