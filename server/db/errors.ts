// Telling database errors apart by SQLSTATE, the same on PGlite and PostgreSQL.

function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/**
 * Errors caused by the data of one request (integrity or data exceptions, classes 22 and 23):
 * retrying will fail the same way, so the change is refused rather than retried for ever.
 */
export function isDataError(err: unknown): boolean {
  const state = sqlState(err);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}
