// The words of a dossier's sync standing, for each state the pump and the gateway leave it in.
import { describe, expect, it } from 'vitest';
import { syncWords } from './sync-words';

const official = '000.00.12.H38-260302-0007';

describe('syncWords', () => {
  it('counts files while some are still on their way, then says sending', () => {
    expect(syncWords({ syncState: 'sending', code: official }, true, { done: 1, total: 5 })).toEqual({ state: 'sending', key: 'sendingFiles', n: 2, total: 5 });
    expect(syncWords({ syncState: 'sending', code: official }, true, { done: 5, total: 5 })).toEqual({ state: 'sending', key: 'sending' });
    expect(syncWords({ syncState: 'sending', code: official }, true, { done: 0, total: 0 })).toEqual({ state: 'sending', key: 'sending' });
  });
  it('reads a "sending" left by a closed tab as waiting', () => {
    expect(syncWords({ syncState: 'sending', code: official }, false, { done: 1, total: 5 })).toEqual({ state: 'waiting', key: 'waiting' });
    expect(syncWords({ syncState: 'waiting', code: official }, true)).toEqual({ state: 'waiting', key: 'waiting' });
  });
  it('names the official code only when the code is one', () => {
    expect(syncWords({ syncState: 'accepted', code: official }, false)).toEqual({ state: 'accepted', key: 'acceptedCode', code: official });
    expect(syncWords({ syncState: 'accepted', code: 'TUCHOI-K7M2PQ-260302093000' }, false)).toEqual({ state: 'accepted', key: 'accepted' });
    expect(syncWords({ syncState: 'rejected', code: official }, false)).toEqual({ state: 'rejected', key: 'rejected' });
  });
});
