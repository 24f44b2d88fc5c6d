// Amounts in figures as Vietnamese documents print them: dot thousands separator, "đ" suffix.

/**
 * formatVnd(200000) === '200.000 đ'. Written by hand rather than with Intl so the output is the
 * same in every browser, worker and Node build (Intl's vi-VN uses "₫" and a no-break space).
 */
export function formatVnd(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatVnd needs a whole number of đồng, got ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${digits} đ`;
}
