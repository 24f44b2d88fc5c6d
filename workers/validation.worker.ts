// Checks a dossier being received against its procedure, off the main thread: the officer keeps
// typing while the rules run.
import { expose } from 'comlink';
import type { Procedure } from '../src/domain/catalogue';
import { validateIntake, type IntakeDraftData, type IntakeValidation } from '../src/domain/intake';

const api = {
  validateIntake(data: IntakeDraftData, procedure: Procedure, scannedComponents: number[]): IntakeValidation {
    return validateIntake(data, procedure, new Set(scannedComponents));
  },
};

export type ValidationApi = typeof api;
expose(api);
