// The digitization feature's public face: the Số hóa giấy tờ page.
export { DigitizePage } from './DigitizePage';
