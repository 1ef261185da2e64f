/**
 * Shutdown on signals: the first SIGTERM/SIGINT starts a graceful stop; a second signal, or the
 * stop overrunning its deadline, exits at once.
 */
import type { Logger } from '../log/logger.ts';

export function handleShutdownSignals(
  logger: Logger,
  graceful: (signal: NodeJS.Signals) => Promise<void>,
  forceAfterMs: number,
): void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    received++;
    if (received > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    logger.info({ signal }, 'signal received: shutting down gracefully (send it again to exit at once)');
    const force = setTimeout(() => {
      logger.error({ forceAfterMs }, 'graceful shutdown overran its deadline: exiting now');
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    graceful(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'graceful shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
