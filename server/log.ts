// Structured JSON logs (one object a line) so a province can ship them to any collector.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'motcua-gateway' }, timestamp: pino.stdTimeFunctions.isoTime });
}
