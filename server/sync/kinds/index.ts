// The kinds of change a device may push, by name, with what each will look up, which actors it
// names (held against the push's staff session) and which devices may push it (issue 15: a
// community team's tablet only submits and resubmits; a desk does everything else); anything else
// is refused with a reason.
import type { KindActors, KindHandler, KindLookups } from './context';
import { applyRate } from './rate';
import { applyReceive, applyRefuse, receiveActors, receiveLookups } from './receive';
import { applyResult, resultLookups } from './result';
import { applyReceiveSubmission, applyResubmit, applySubmit, receiveSubmissionLookups, resubmitLookups, submitActors, submitLookups } from './submission';
import { applyTransition, transitionActors } from './transition';
import type { DeviceRole } from '../../auth/caller';

export interface Kind {
  apply: KindHandler;
  lookups: KindLookups;
  /** Absent for kinds that name no actor (a citizen's rating, a result paper). */
  actors?: KindActors;
  /** The devices that may push it: a commune desk, or a community team's tablet. */
  by: DeviceRole;
}

/** A refusal takes no official code: only the id and the papers. */
const refuseLookups: KindLookups = (entry, agencyCode) => ({ ...receiveLookups(entry, agencyCode), codes: [], days: [] });

/** A change to a dossier already on the gateway: its entityId is the dossier's id. */
const theDossier: KindLookups = (entry) => ({ dossierIds: [entry.entityId] });

export const KINDS: Readonly<Record<string, Kind>> = {
  'dossier.receive': { apply: applyReceive, lookups: receiveLookups, actors: receiveActors, by: 'desk' },
  'dossier.refuse': { apply: applyRefuse, lookups: refuseLookups, actors: receiveActors, by: 'desk' },
  'dossier.transition': { apply: applyTransition, lookups: theDossier, actors: transitionActors, by: 'desk' },
  'dossier.rate': { apply: applyRate, lookups: theDossier, by: 'desk' },
  'dossier.result': { apply: applyResult, lookups: resultLookups, by: 'desk' },
  'dossier.receiveSubmission': { apply: applyReceiveSubmission, lookups: receiveSubmissionLookups, actors: transitionActors, by: 'desk' },
  'dossier.submit': { apply: applySubmit, lookups: submitLookups, actors: submitActors, by: 'team' },
  'dossier.resubmit': { apply: applyResubmit, lookups: resubmitLookups, actors: transitionActors, by: 'team' },
};

export type { Applied, ApplyContext, KindActors, KindHandler, KindLookups } from './context';
