// A QR code on a paper: the SVG drawn by `qrcode`, a placeholder while drawing, a visible note
// if drawing failed (a receipt must not silently lose its lookup code).
import { useQrSvg } from './useQrSvg';

interface QrImageProps {
  text: string;
  /** Accessible name, e.g. "Mã QR tra cứu hồ sơ". */
  label: string;
  preset?: string;
  className?: string;
}

export function QrImage({ text, label, preset, className }: QrImageProps) {
  const state = useQrSvg(text, preset);
  const classes = `paper-qr${className ? ` ${className}` : ''}`;
  if (state.status === 'ready') {
    // The SVG is produced by the qrcode library from module geometry only (paths and colours; the
    // encoded text never appears in it), so injecting it cannot inject markup.
    return <div className={classes} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: state.svg }} />;
  }
  return (
    <div className={`${classes} paper-qr--empty`} role="img" aria-label={label}>
      {/* Paper text is Vietnamese whatever the UI language: it is printed for the citizen. */}
      <span>{state.status === 'pending' ? 'Đang tạo mã QR…' : 'Không tạo được mã QR'}</span>
    </div>
  );
}
