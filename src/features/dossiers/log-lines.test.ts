import { describe, expect, it } from 'vitest';
import type { DossierState } from '../../domain/dossier';
import { logLines } from './log-lines';

const at = (t: string) => new Date(`2026-03-02T${t}:00+07:00`);

describe('logLines', () => {
  it('shows each move once, from the dossier state or the log table, in time order', () => {
    const state = {
      log: [
        { who: 'Lò Thị Mai', whoId: 'd1', role: 'receptionOfficer', at: at('08:00'), action: 'receive', from: null, to: 2 },
        // Pulled from the gateway: a processing officer at the commune office moved it.
        { who: 'Trần Văn Xử', whoId: 's9', role: 'processingOfficer', at: at('10:00'), action: 'markResultReady', from: 4, to: 9 },
      ],
    } as unknown as DossierState;
    const rows = [
      { dossierId: 'x', at: at('08:00').toISOString(), who: 'Lò Thị Mai', role: 'receptionOfficer', action: 'receive', fromStatus: null, toStatus: 2 },
      {
        dossierId: 'x',
        at: at('09:00').toISOString(),
        who: 'Lò Thị Mai',
        role: 'receptionOfficer',
        action: 'startProcessing',
        fromStatus: 2,
        toStatus: 4,
        note: 'chuyển',
      },
    ];
    expect(logLines(state, rows).map((l) => [l.who, l.action, l.note])).toEqual([
      ['Lò Thị Mai', 'receive', undefined],
      ['Lò Thị Mai', 'startProcessing', 'chuyển'],
      ['Trần Văn Xử', 'markResultReady', undefined],
    ]);
  });
});
