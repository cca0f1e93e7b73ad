const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Resolves on the first SIGINT or SIGTERM so that a long-running command can stop cleanly
 * (finish jobs in hand, close the server, stop the embedded database). A second signal means
 * "stop now": exit at once with the conventional code.
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onFirst = (signal: NodeJS.Signals): void => {
      for (const s of SHUTDOWN_SIGNALS) {
        process.off(s, onFirst);
        process.once(s, () => process.exit(s === 'SIGINT' ? 130 : 143));
      }
      resolve(signal);
    };
    for (const s of SHUTDOWN_SIGNALS) process.on(s, onFirst);
  });
}
