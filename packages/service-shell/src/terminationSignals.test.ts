import { EventEmitter } from 'node:events';
import { answerTerminationSignals, TERMINATION_SIGNALS } from './terminationSignals';

describe('answerTerminationSignals', () => {
  it("leaves the owner's handler the only answer to SIGINT and SIGTERM, whatever libraries installed before", () => {
    const target = new EventEmitter();
    const library: string[] = [];
    // As Apollo Server and async-exit-hook do: handlers that stop their own part and end the process.
    for (const signal of TERMINATION_SIGNALS) target.on(signal, () => library.push(signal));
    const answered: string[] = [];
    answerTerminationSignals((signal) => answered.push(signal), target as unknown as Parameters<typeof answerTerminationSignals>[1]);

    target.emit('SIGINT');
    target.emit('SIGTERM');
    target.emit('SIGINT');

    expect(library).toEqual([]);
    expect(answered).toEqual(['SIGINT', 'SIGTERM']);
    expect(TERMINATION_SIGNALS.map((signal) => target.listenerCount(signal))).toEqual([0, 0]);
  });

  it('replaces its own earlier answer when called again (the launcher calls it before and after starting)', () => {
    const target = new EventEmitter();
    const answers: string[] = [];
    answerTerminationSignals(() => answers.push('first'), target as unknown as Parameters<typeof answerTerminationSignals>[1]);
    answerTerminationSignals(() => answers.push('second'), target as unknown as Parameters<typeof answerTerminationSignals>[1]);
    target.emit('SIGTERM');
    expect(answers).toEqual(['second']);
  });
});
