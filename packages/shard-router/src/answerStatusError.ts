/** A service answered with an HTTP status other than 2xx; `body` is what it said, for the failure's reason. */
export class AnswerStatusError extends Error {
  constructor(
    readonly status: number,
    statusText: string,
    readonly body: string,
  ) {
    super(`${status}: ${statusText}`);
    this.name = 'AnswerStatusError';
  }
}
