import { IncomingMessage, ServerResponse } from 'node:http';

/** What an express app gives its messages: `app.request` and `app.response`, the prototypes of its `req` and `res`. */
export interface ExpressPrototypes {
  request: IncomingMessage;
  response: ServerResponse;
}

/** The request and response classes `createServer` builds its messages from. */
export interface MessageClasses {
  readonly IncomingMessage: typeof IncomingMessage;
  readonly ServerResponse: typeof ServerResponse;
}

/**
 * Request and response classes for `createServer(expressMessageClasses(app), app)`, whose
 * prototypes inherit from the app's `request` and `response` (`req.get`, `res.status`…) and
 * become them: express's `Object.setPrototypeOf` on every request then finds each message's
 * prototype already there and changes nothing.
 *
 * Why: a message whose prototype is replaced after Node's HTTP code has run on it changes its
 * hidden class mid-request, and Node's HTTP code then runs on objects of two shapes. In the
 * gateway that cost about a third of its CPU per single-zone read (docs/benchmarks.md, "One shape
 * per message"). Subclasses, not objects built by `Reflect.construct` on another prototype: V8
 * sizes a subclass's instances for its base's fields; the others measured slower than before.
 */
export function expressMessageClasses(app: ExpressPrototypes): MessageClasses {
  class AppRequest extends IncomingMessage {}
  class AppResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype;
  app.response = AppResponse.prototype;
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse };
}
