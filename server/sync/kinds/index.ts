// The kinds of change a device may push, by name; anything else is refused with a reason.
import type { KindHandler } from './context';
import { applyRate } from './rate';
import { applyReceive, applyRefuse } from './receive';
import { applyResult } from './result';
import { applyTransition } from './transition';

export const KIND_HANDLERS: Readonly<Record<string, KindHandler>> = {
  'dossier.receive': applyReceive,
  'dossier.refuse': applyRefuse,
  'dossier.transition': applyTransition,
  'dossier.rate': applyRate,
  'dossier.result': applyResult,
};

export type { Applied, ApplyContext, KindHandler } from './context';
