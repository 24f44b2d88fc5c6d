// What a report needs to know about one dossier (hồ sơ): a flat, storage-free summary, built by
// the database layer from the stored dossier and its attachments, so the arithmetic stays pure.
import type { DossierStatusCode } from '../dossier';
import type { SatisfactionRating } from '../satisfaction';

/** KenhThucHien: received at the desk (trực tiếp) or submitted online (trực tuyến). */
export type ReportChannel = 'direct' | 'online';

export interface ReportRecord {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  applicantName: string;
  channel: ReportChannel;
  status: DossierStatusCode;
  /** When the desk received it (status 2); null if never received (refused, still online-only). */
  receivedAt: Date | null;
  appointmentAt: Date | null;
  /** When processing finished with a result: the moment the timing class is judged on. */
  resultReadyAt: Date | null;
  returnedAt: Date | null;
  /** Refused at reception (status 3), when. */
  refusedAt: Date | null;
  /** Withdrawn (7) or stopped (8) without a result, when. */
  closedWithoutResultAt: Date | null;
  /** When supplementary papers were asked for (at most once), if they were. */
  supplementRequestedAt: Date | null;
  /** While waiting on the citizen (status 5 or 6): since when the clock stands still. */
  pausedAt: Date | null;
  rating: SatisfactionRating | null;
  /** Components handed in at reception, and how many of them have at least one stored file. */
  componentsReceived: number;
  componentsDigitized: number;
}
