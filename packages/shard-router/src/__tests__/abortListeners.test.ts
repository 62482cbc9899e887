import { announcingAbortController, onAbort } from '../abortListeners';

describe('onAbort', () => {
  it('calls the listeners of an announcing controller once, after the signal is aborted with the reason', () => {
    const controller = announcingAbortController();
    const seen: unknown[] = [];
    onAbort(controller.signal, () => seen.push(['first', controller.signal.aborted, controller.signal.reason]));
    onAbort(controller.signal, () => seen.push('second'));
    const reason = new Error('deadline');
    controller.abort(reason);
    controller.abort(new Error('again'));
    expect(seen).toEqual([['first', true, reason], 'second']);
    expect(controller.signal.reason).toBe(reason);
  });

  it('stops calling a listener once told to, and leaves the others', () => {
    const controller = announcingAbortController();
    const seen: string[] = [];
    const stop = onAbort(controller.signal, () => seen.push('stopped'));
    onAbort(controller.signal, () => seen.push('kept'));
    stop();
    controller.abort(new Error('deadline'));
    expect(seen).toEqual(['kept']);
  });

  it('still aborts the signal for its event listeners (a signal passed on to another API, e.g. fetch)', () => {
    const controller = announcingAbortController();
    const heard = jest.fn();
    controller.signal.addEventListener('abort', heard);
    controller.abort(new Error('deadline'));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('listens to any other signal with addEventListener, once, until told to stop', () => {
    const first = new AbortController();
    const heard = jest.fn();
    onAbort(first.signal, heard);
    first.abort(new Error('one'));
    first.abort(new Error('two'));
    expect(heard).toHaveBeenCalledTimes(1);

    const second = new AbortController();
    const stopped = jest.fn();
    onAbort(second.signal, stopped)();
    second.abort(new Error('three'));
    expect(stopped).not.toHaveBeenCalled();
  });
});
