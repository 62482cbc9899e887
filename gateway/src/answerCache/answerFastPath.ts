import type { IncomingMessage } from 'node:http';
import { requestScopeOf } from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { VersionsSeen } from '@devzone/shard-router';
import type { Request, Response } from 'express';
import { principalOfRequest } from '../auth/requestPrincipal';
import { askedAs, ClientOperations } from '../http/clientOperations';
import { sendAnswer } from '../http/sendAnswer';
import type { AnswerCache, AnswerHead } from './AnswerCache';
import type { AnswerRecord } from './answerRecord';

/** A request the fast path could not serve, and how its answer is learned for the next one. */
export interface AnswerToLearn {
  /**
   * What the fast path found: no answer (`miss`, not counted yet), a stale one (dropped and
   * counted), or an answer never sent to this method and `accept` header (`unlearned`: Apollo Server's
   * plugin serves it).
   */
  readonly found: 'miss' | 'stale' | 'unlearned';
  /** How Apollo Server sent the answer (the plugin kept its data): sent as it is to the next request. */
  learnHttpAnswer(sent: { head: AnswerHead; body: string }): void;
  /**
   * The prepared path answered instead of Apollo Server (`PreparedReads`): counts the miss the
   * plugin would have counted, keeps `data` as the plugin would (if `record` says it is
   * repeatable), then learns how it was sent.
   */
  keepPrepared(data: Record<string, unknown>, record: AnswerRecord, sent: { head: AnswerHead; body: string }): void;
}

const lookedUp = new WeakSet<IncomingMessage>();
const versionsSeen = new WeakMap<IncomingMessage, VersionsSeen>();

/** Whether the fast path found this request's kept answer stale (and counted it): the plugin does not ask again. */
export function answerLookedUp(req: IncomingMessage): boolean {
  return lookedUp.has(req);
}

/** The zone versions the fast path read for this request (a stale answer's), else none yet: the request's reads go on from them. */
export function versionsSeenBy(req: IncomingMessage): VersionsSeen {
  return versionsSeen.get(req) ?? new VersionsSeen();
}

/**
 * Serves a repeated client query from the answer cache before Apollo Server: the status,
 * headers and body Apollo Server itself sent for the same caller, query, operation name,
 * variables, method (GET or POST) and `accept` header, while the kept answer holds
 * (`AnswerCache.httpAnswerOf`).
 * It runs after the front door's request checks (authentication, rate limit, body checks);
 * the operation's own checks (limits, cost, introspection policy) depend only on what the
 * key holds and the shard map, and passed when Apollo Server sent the answer. A hit skips
 * Apollo Server's request pipeline and serialisation: on this gateway they were most of the
 * CPU of a hit.
 */
export class AnswerFastPath {
  constructor(
    private readonly cache: AnswerCache,
    private readonly shardMapNow: () => ZoneServiceRegistry,
    /** How requests are read (a POST's body or a GET's query string, plain or with a persisted query's hash): the same reader as the prepared reads'. */
    private readonly operations: ClientOperations = new ClientOperations(),
  ) {}

  /**
   * `sent` when it answered the request; otherwise how to learn the answer to it (undefined when
   * the request has no key: not a plain operation, or no caller).
   */
  async serve(req: Request, res: Response): Promise<'sent' | AnswerToLearn | undefined> {
    const principal = principalOfRequest(req);
    const operation = principal ? this.operations.ofRequest(req) : undefined;
    if (!principal || !operation) return undefined;
    const key = this.cache.keyOf({ principal, query: operation.query, operationName: operation.operationName, variables: operation.variables });
    const asked = askedAs(operation, req.headers.accept);
    const shardMap = this.shardMapNow();
    const seen = new VersionsSeen();
    const found = await this.cache.httpAnswerOf(key, asked, shardMap, seen);
    if (found.kind === 'hit') {
      const scope = requestScopeOf(req);
      if (scope) scope.operationName = found.operationName;
      sendAnswer(res, found.head, found.body);
      return 'sent';
    }
    // A stale answer is counted and dropped: Apollo Server's lookup would count the request twice.
    // The versions it was found stale by are the ones the request's reads then use.
    if (found.kind === 'stale') {
      lookedUp.add(req);
      versionsSeen.set(req, seen);
    }
    const learnHttpAnswer = ({ head, body }: { head: AnswerHead; body: string }) =>
      this.cache.learnHttpAnswer(key, asked, shardMap, { head, body, operationName: requestScopeOf(req)?.operationName });
    return {
      found: found.kind,
      learnHttpAnswer,
      keepPrepared: (data, record, sent) => {
        if (found.kind === 'miss') this.cache.countMiss();
        this.cache.keep(key, data, record);
        learnHttpAnswer(sent);
      },
    };
  }
}
