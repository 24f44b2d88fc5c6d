// Building blocks shared by the papers: the sheet, the two-block header (unit | national motto),
// a labelled line with a hand-fill blank, and the signature columns.
//
// The words on the papers are Vietnamese constants, not i18n keys: these are official papers
// (Thông tư 01/2018/TT-VPCP) handed to citizens and filed, so they print in Vietnamese whatever
// language the officer's screen is in.
import type { ReactNode } from 'react';
import { BLANK } from './paper-time';
import type { PaperSize, PaperUnit } from './types';
import './papers.css';

export const upperVi = (text: string): string => text.toLocaleUpperCase('vi');

/** The printable sheet. `page` (papers.css) picks the @page rule of its size, so printing uses A4 or A5. */
/** `form` is the paper's form number ("Mẫu 02"), its accessible name on screen. */
export function PaperSheet({ size, kind, form, children }: { size: PaperSize; kind: string; form?: string; children: ReactNode }) {
  return (
    <article className={`paper paper--${size.toLowerCase()} paper--${kind}`} data-paper={kind} data-size={size} aria-label={form}>
      {children}
    </article>
  );
}

/**
 * Left: cơ quan chủ quản (regular capitals) over the unit (bold capitals), a short rule under it.
 * Right: Quốc hiệu and Tiêu ngữ, a rule, and optionally the place-and-date line (italic).
 * `corner` goes before the unit block: the receipt's QR sits at the top left (Thông tư 01/2023).
 */
export function PaperHeader({ unit, corner, dateLine, unitExtra }: { unit: PaperUnit; corner?: ReactNode; dateLine?: string; unitExtra?: ReactNode }) {
  return (
    <header className="paper-header">
      {corner}
      <div className="paper-header__unit">
        {unit.parentName && <p className="paper-header__parent">{upperVi(unit.parentName)}</p>}
        <p className="paper-header__name">{upperVi(unit.name)}</p>
        <hr className="paper-rule paper-rule--short" />
        {unitExtra}
      </div>
      <div className="paper-header__nation">
        <p className="paper-header__motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
        <p className="paper-header__slogan">Độc lập - Tự do - Hạnh phúc</p>
        <hr className="paper-rule paper-rule--slogan" />
        {dateLine && <p className="paper-header__date">{dateLine}</p>}
      </div>
    </header>
  );
}

/** A value, or the dotted blank of the printed form so it can be filled in by hand. */
export function Value({ children }: { children: string | number | undefined }) {
  const text = children === undefined ? '' : String(children).trim();
  return text ? <span className="paper-value">{text}</span> : <span className="paper-blank">{BLANK}</span>;
}

/** "Label: value" on its own line. */
export function Line({ label, value, children }: { label: string; value?: string | number | undefined; children?: ReactNode }) {
  return (
    <p className="paper-line">
      <span className="paper-label">{label}</span> {children ?? <Value>{value}</Value>}
    </p>
  );
}

export interface Signer {
  title: string;
  /** Printed under the space left for the signature; blank when absent. */
  name?: string;
  note?: string;
}

/** Signature columns: title in bold capitals, "(Ký và ghi rõ họ tên)", room to sign, the printed name. */
export function Signatures({ signers, dateLine }: { signers: Signer[]; dateLine?: string }) {
  return (
    <section className="paper-signatures" aria-label="Chữ ký">
      {dateLine && <p className="paper-signatures__date">{dateLine}</p>}
      <div className="paper-signatures__row">
        {signers.map((s) => (
          <div className="paper-signature" key={s.title}>
            <p className="paper-signature__title">{s.title}</p>
            <p className="paper-signature__hint">(Ký và ghi rõ họ tên)</p>
            <div className="paper-signature__space" />
            <p className="paper-signature__name">{s.name ?? ''}</p>
            {s.note && <p className="paper-signature__note">{s.note}</p>}
          </div>
        ))}
      </div>
    </section>
  );
}

/** The paper's title (tên loại văn bản): bold capitals, centred. */
export function PaperTitle({ children }: { children: string }) {
  return <h2 className="paper-title">{children}</h2>;
}

/** "Ông/bà NGUYỄN VĂN MẪU": the applicant's name is printed in capitals so it reads unambiguously. */
export function Addressee({ fullName }: { fullName: string }) {
  return (
    <>
      Ông/bà <strong className="paper-value">{upperVi(fullName.trim()) || BLANK}</strong>
    </>
  );
}

/** "Số điện thoại: … Email: …" side by side, as on the forms. */
export function ContactLine({ person }: { person: { phone?: string; email?: string } }) {
  return (
    <p className="paper-line paper-line--pair">
      <span>
        <span className="paper-label">Số điện thoại:</span> <Value>{person.phone}</Value>
      </span>
      <span>
        <span className="paper-label">Email:</span> <Value>{person.email}</Value>
      </span>
    </p>
  );
}
