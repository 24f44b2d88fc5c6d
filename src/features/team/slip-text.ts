// The SMS the team member copies for the villager: the procedure, the lookup code and the status
// page's address, unaccented (GSM-7) and under 160 characters so it stays one message.
const MAX_SMS = 159;

/** Vietnamese without its marks, as SMS carries it in one 160-character part. */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function slipSms(procedureName: string, lookupCode: string, url: string): string {
  const head = `Ho so "`;
  const tail = `" da nop. Ma tra cuu: ${lookupCode}. Xem tinh trang: ${url}`;
  const room = MAX_SMS - head.length - tail.length;
  const name = unaccented(procedureName).trim();
  // The procedure's name gives way first: the code and the address are what the villager needs.
  const shown = name.length <= room ? name : room > 3 ? `${name.slice(0, room - 3).trimEnd()}...` : '';
  const text = `${head}${shown}${tail}`;
  return text.length <= MAX_SMS ? text : `Ma tra cuu: ${lookupCode}. ${url}`.slice(0, MAX_SMS);
}
