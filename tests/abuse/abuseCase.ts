import type { ERRORS } from '@devzone/errors';

/** Who sends a case: the stack's administrator, a credential issued for the suite, or none. */
export type CallerName =
  | 'admin'
  | 'anonymous'
  | 'anhuiAnalyst'
  | 'anhuiAnalystJwt'
  | 'biReader'
  | 'yongkangSystem'
  | 'revokedKey'
  | 'expiredJwt'
  | 'wrongAudienceJwt'
  | 'wrongIssuerJwt'
  | 'unknownKidJwt'
  | 'otherSecretJwt'
  | 'unsignedJwt'
  | 'unknownRoleJwt';

export type ErrorCode = keyof typeof ERRORS;

/** A GraphQL operation POSTed as JSON, as any client sends it. */
export interface OperationRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly extensions?: Record<string, unknown>;
}

/** An HTTP request built by hand: other methods, content types, bodies that are not one JSON operation. */
export interface RawRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to the GraphQL endpoint, e.g. `?query=…`. */
  readonly search?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

export interface AbuseCase {
  readonly name: string;
  /** @default 'admin' */
  readonly as?: CallerName;
  /** Headers added to the caller's (a header named here wins). */
  readonly headers?: Record<string, string>;
  /** The request, or how to build it from what the suite stored before counting rows. */
  readonly request: OperationRequest | RawRequest | ((fixtures: Fixtures) => OperationRequest);
  readonly status: number;
  /** The code of every error of the answer; `none`: the answer has no error (a list that leaves out what is out of scope). */
  readonly code: ErrorCode | 'none';
  /** `extensions.field` of the first error (BAD_USER_INPUT). */
  readonly field?: string;
  /** `extensions.limit` of the first error (LIMIT_EXCEEDED). */
  readonly limit?: string;
  /** `extensions.reason` of the first error (UNAUTHENTICATED). */
  readonly reason?: 'missing' | 'invalid' | 'expired';
  /** Whether `data` is null or absent (no partial answer), or holds something. @default not checked */
  readonly data?: 'none' | 'some';
  /** Out-of-scope zone ids and names the answer must not contain. */
  readonly hidden?: readonly string[];
}

/** What the suite stores before it counts rows, for cases that name it. */
export interface Fixtures {
  /** A run the administrator saved: no one else may read or delete it. */
  readonly adminRunId: string;
}

/** Every out-of-scope name of `names` except those the caller itself asked for (an answer may echo the caller's input). */
export const except = (names: readonly string[], ...asked: string[]): string[] =>
  names.filter((name) => !asked.some((a) => a.includes(name) || name.includes(a)));

export const isRaw = (request: OperationRequest | RawRequest): request is RawRequest => 'method' in request;

/** Zones outside Anhui (ids and names) an Anhui-scoped caller must never see. */
export const OUTSIDE_ANHUI = [
  'yongkang',
  'chengxi',
  'jinjiang',
  '永康',
  '城西',
  '晋江',
  'Yongkang',
  'Chengxi',
  'Jinjiang',
  'zhejiang',
  'fujian',
  '浙江',
  '福建',
];
/** Zones outside Yongkang a Yongkang zone system must never see. */
export const OUTSIDE_YONGKANG = [
  'chuzhou',
  'feixi',
  'ningguo',
  'changfeng',
  'dangtu',
  'suixi',
  'chengxi',
  'jinjiang',
  '滁州',
  '肥西',
  '宁国',
  '当涂',
  '濉溪',
  '城西',
  '晋江',
  'anhui',
  'fujian',
];
