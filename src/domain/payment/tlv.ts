// EMVCo TLV: two-digit ID, two-digit decimal length, value. Used at the top level of a
// VietQR payload and inside its templates (38, 62).

export interface TlvField {
  id: string;
  value: string;
}

/** Encode one field; the caller has checked the value fits in 99 characters. */
export function tlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Decode a run of fields; null when a length runs past the end or an ID/length is not digits. */
export function decodeTlv(text: string): TlvField[] | null {
  const fields: TlvField[] = [];
  let i = 0;
  while (i < text.length) {
    const head = text.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) return null;
    const length = Number(head.slice(2));
    const value = text.slice(i + 4, i + 4 + length);
    if (value.length !== length) return null;
    fields.push({ id: head.slice(0, 2), value });
    i += 4 + length;
  }
  return fields;
}

export function findTlv(fields: readonly TlvField[], id: string): string | undefined {
  return fields.find((f) => f.id === id)?.value;
}
