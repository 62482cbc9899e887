/** Headers of a signed request between the services of a deployment. */
export const KEY_ID_HEADER = 'x-devzone-key-id';
export const TIMESTAMP_HEADER = 'x-devzone-timestamp';
export const SIGNATURE_HEADER = 'x-devzone-signature';

/** The version prefix of the signature value: `v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_VERSION = 'v1';
