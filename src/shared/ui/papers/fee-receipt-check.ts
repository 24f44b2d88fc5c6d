// Checks a fee receipt before it is printed: a biên lai with a total that is not the sum of its
// lines, or a fractional amount, must not reach the citizen. Messages are for the desk officer.
import type { FeeReceiptPaperProps } from './types';

const isWholeDong = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Empty when the receipt can be printed; otherwise what is wrong, in Vietnamese. */
export function feeReceiptProblems(props: Pick<FeeReceiptPaperProps, 'lines' | 'total' | 'number'>): string[] {
  const problems: string[] = [];
  if (props.number.trim() === '') problems.push('Biên lai chưa có số.');
  if (props.lines.length === 0) problems.push('Biên lai chưa có khoản phí, lệ phí nào.');
  props.lines.forEach((line, i) => {
    const where = `Dòng ${i + 1} (${line.label || 'không tên'})`;
    if (line.label.trim() === '') problems.push(`Dòng ${i + 1} chưa có tên khoản phí.`);
    if (!(Number.isSafeInteger(line.quantity) && line.quantity > 0)) problems.push(`${where}: số lượng phải là số nguyên dương.`);
    if (!isWholeDong(line.unitPrice)) problems.push(`${where}: đơn giá phải là số đồng nguyên, không âm.`);
    if (!isWholeDong(line.amount)) problems.push(`${where}: thành tiền phải là số đồng nguyên, không âm.`);
  });
  if (!isWholeDong(props.total)) {
    problems.push('Tổng số tiền phải là số đồng nguyên, không âm.');
  } else if (problems.length === 0) {
    const sum = props.lines.reduce((s, l) => s + l.amount, 0);
    if (sum !== props.total) {
      problems.push(`Tổng số tiền (${props.total}) không bằng tổng các dòng (${sum}).`);
    }
  }
  return problems;
}
