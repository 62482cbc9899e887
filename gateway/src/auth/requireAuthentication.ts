import { CredentialRejectedError, type CredentialFailure } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendGraphQLError } from '../http/graphqlErrorResponse';
import type { GatewayLogger } from '../logger';
import type { Authenticator } from './authenticator';
import { rememberPrincipal } from './requestPrincipal';

const HOW_TO =
  'Send "Authorization: ApiKey dzk_…" (an API key from an administrator: pnpm auth issue) or "Authorization: Bearer <token>" (a signed token). ' +
  'With npm start the local development credential is the line in <DATA_DIR>/dev-credential (.data/dev-credential).';

const MESSAGES: Record<'missing' | CredentialFailure, string> = {
  missing: `Authentication required. ${HOW_TO}`,
  invalid: `The credential is invalid. ${HOW_TO}`,
  expired: `The credential has expired. ${HOW_TO}`,
};

function refuse(res: Response, reason: 'missing' | CredentialFailure): void {
  res.set('WWW-Authenticate', 'Bearer realm="devzone", ApiKey realm="devzone"');
  sendGraphQLError(res, 401, ERRORS.UNAUTHENTICATED.code, MESSAGES[reason], { reason });
}

/**
 * Lets a request through only with a credential that verifies, remembering its
 * principal for the GraphQL context (principalOfRequest). Anonymous or refused:
 * 401 with an UNAUTHENTICATED GraphQL error saying how to authenticate and,
 * of why, only "invalid" or "expired"; the detail goes to the log. When the
 * credential store cannot answer: 503, the request is never let through.
 */
export function requireAuthentication(authenticator: Authenticator, logger?: GatewayLogger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Most requests come with a credential verified a moment ago: through at once, not a promise later.
    const known = authenticator.known(req);
    if (known) {
      rememberPrincipal(req, known);
      next();
      return;
    }
    authenticator.authenticate(req).then(
      (principal) => {
        if (!principal) {
          refuse(res, 'missing');
          return;
        }
        rememberPrincipal(req, principal);
        next();
      },
      (error: unknown) => {
        if (error instanceof CredentialRejectedError) {
          logger?.info(`authentication refused (${error.failure}): ${error.detail}`);
          refuse(res, error.failure);
          return;
        }
        logger?.error(`authentication could not be checked: ${error instanceof Error ? error.message : String(error)}`);
        res.set('Retry-After', '5');
        sendGraphQLError(res, 503, ERRORS.UNAUTHENTICATED.code, 'The credential could not be checked right now; try again shortly.', { reason: 'unavailable' });
      },
    );
  };
}
