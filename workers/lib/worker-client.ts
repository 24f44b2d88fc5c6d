// A lazy, self-healing comlink client: the worker starts on first use, and if it dies (a crash,
// an out-of-memory kill) the job is started again on a fresh worker, because workers hold no
// state that matters.
import { wrap, type Remote } from 'comlink';

export interface WorkerClient<Api> {
  /** Runs a job on the worker, restarting the worker and the job up to `retries` times if it dies. */
  run<R>(job: (api: Remote<Api>) => Promise<R>): Promise<R>;
  terminate(): void;
}

export class WorkerDiedError extends Error {
  constructor(public readonly reason: string) {
    super(`Bộ xử lý nền bị dừng đột ngột (${reason}).`);
    this.name = 'WorkerDiedError';
  }
}

export function createWorkerClient<Api>(spawn: () => Worker, retries = 1): WorkerClient<Api> {
  let current: { worker: Worker; api: Remote<Api>; died: Promise<never> } | undefined;

  function start() {
    const worker = spawn();
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new WorkerDiedError(event.message || 'error'));
      });
      worker.addEventListener('messageerror', () => reject(new WorkerDiedError('messageerror')));
    });
    died.catch(() => {}); // observed through the race below
    current = { worker, api: wrap<Api>(worker), died };
    return current;
  }

  function terminate() {
    current?.worker.terminate();
    current = undefined;
  }

  return {
    async run(job) {
      for (let attempt = 0; ; attempt++) {
        const { api, died } = current ?? start();
        try {
          return await Promise.race([job(api), died]);
        } catch (error) {
          if (!(error instanceof WorkerDiedError) || attempt >= retries) throw error;
          terminate();
        }
      }
    },
    terminate,
  };
}
