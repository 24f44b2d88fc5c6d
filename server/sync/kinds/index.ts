// The kinds of change a device may push, by name, with what each will look up; anything else is
// refused with a reason.
import type { KindActors, KindHandler, KindLookups } from './context';
import { applyRate } from './rate';
import { applyReceive, applyRefuse, receiveActors, receiveLookups } from './receive';
import { applyResult, resultLookups } from './result';
import { applyTransition, transitionActors } from './transition';

export interface Kind {
  apply: KindHandler;
  lookups: KindLookups;
  /** Absent for kinds that name no actor (a citizen's rating, a result paper). */
  actors?: KindActors;
}

/** A refusal takes no official code: only the id and the papers. */
const refuseLookups: KindLookups = (entry, agencyCode) => ({ ...receiveLookups(entry, agencyCode), codes: [], days: [] });

/** A change to a dossier already on the gateway: its entityId is the dossier's id. */
const theDossier: KindLookups = (entry) => ({ dossierIds: [entry.entityId] });

export const KINDS: Readonly<Record<string, Kind>> = {
  'dossier.receive': { apply: applyReceive, lookups: receiveLookups, actors: receiveActors },
  'dossier.refuse': { apply: applyRefuse, lookups: refuseLookups, actors: receiveActors },
  'dossier.transition': { apply: applyTransition, lookups: theDossier, actors: transitionActors },
  'dossier.rate': { apply: applyRate, lookups: theDossier },
  'dossier.result': { apply: applyResult, lookups: resultLookups },
};

export type { Applied, ApplyContext, KindActors, KindHandler, KindLookups } from './context';
