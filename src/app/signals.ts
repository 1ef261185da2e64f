/**
 * Shutdown on signals: the first SIGTERM/SIGINT starts a graceful stop; a second signal, or the
 * stop overrunning its deadline, exits at once.
 *
 * Caught from the start of the process: a signal that arrives while the process is still starting
 * (connecting, migrating, opening its port) is kept, and the graceful stop runs as soon as the
 * process has something to stop. The deadline counts from the signal, so a start that hangs
 * still ends.
 */
import type { Logger } from '../log/logger.ts';

export type GracefulStop = (signal: NodeJS.Signals) => Promise<void>;

export interface ShutdownSignals {
  /** What a signal stops, once the process has started; runs at once if one already came. */
  onShutdown(graceful: GracefulStop): void;
}

export function catchShutdownSignals(logger: Logger, forceAfterMs: number): ShutdownSignals {
  let received = 0;
  let pending: NodeJS.Signals | null = null;
  let stop: GracefulStop | null = null;

  const run = (graceful: GracefulStop, signal: NodeJS.Signals): void => {
    graceful(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'graceful shutdown failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    received++;
    if (received > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    const force = setTimeout(() => {
      logger.error({ forceAfterMs }, 'graceful shutdown overran its deadline: exiting now');
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    if (stop) {
      logger.info({ signal }, 'signal received: shutting down gracefully (send it again to exit at once)');
      run(stop, signal);
    } else {
      logger.info({ signal }, 'signal received while starting: stopping gracefully once started');
      pending = signal;
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    onShutdown(graceful) {
      stop = graceful;
      if (pending) run(graceful, pending);
    },
  };
}
