// Typed client of the validation worker.
import type { Procedure } from '../src/domain/catalogue';
import type { IntakeDraftData, IntakeValidation } from '../src/domain/intake';
import { createWorkerClient } from './lib/worker-client';
import type { ValidationApi } from './validation.worker';

const client = createWorkerClient<ValidationApi>(() => new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module', name: 'validation' }));

export function validateIntakeInWorker(data: IntakeDraftData, procedure: Procedure, scannedComponents: ReadonlySet<number>): Promise<IntakeValidation> {
  return client.run((api) => api.validateIntake(data, procedure, [...scannedComponents]));
}
