import { computeMac } from './computeMac';
import { KEY_ID_HEADER, SIGNATURE_HEADER, SIGNATURE_VERSION, TIMESTAMP_HEADER } from './signatureHeaders';
import type { SigningKeys } from './signingKeys';

export interface SignRequestInput {
  readonly keys: SigningKeys;
  /** The exact bytes sent as the request body. */
  readonly body: string | Uint8Array;
  /** The `x-devzone-principal` value sent with the request, if any: the signature covers it. */
  readonly principalHeader?: string | null | undefined;
  /** @default Date.now() */
  readonly now?: number;
}

// A type, not an interface: it is then assignable to a record of headers.
export type SignatureHeaders = {
  readonly [KEY_ID_HEADER]: string;
  readonly [TIMESTAMP_HEADER]: string;
  readonly [SIGNATURE_HEADER]: string;
};

/** The headers that make a request acceptable to the services of the deployment, signed with the first key. */
export function signRequest({ keys, body, principalHeader, now = Date.now() }: SignRequestInput): SignatureHeaders {
  const [key] = keys;
  const timestamp = String(Math.floor(now / 1000));
  const mac = computeMac(key.secret, timestamp, principalHeader ?? '', body);
  return {
    [KEY_ID_HEADER]: key.id,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `${SIGNATURE_VERSION}=${mac.toString('hex')}`,
  };
}
