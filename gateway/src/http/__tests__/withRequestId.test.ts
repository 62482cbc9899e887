import { withRequestId } from '../graphqlHandler';

describe('withRequestId', () => {
  it("adds the request id to each error's extensions, keeping what they hold", () => {
    const body = JSON.stringify({ errors: [{ message: 'POST body missing', extensions: { code: 'BAD_REQUEST' } }, { message: 'no extensions' }] });

    expect(JSON.parse(withRequestId(body, 'req-1'))).toEqual({
      errors: [
        { message: 'POST body missing', extensions: { code: 'BAD_REQUEST', requestId: 'req-1' } },
        { message: 'no extensions', extensions: { requestId: 'req-1' } },
      ],
    });
  });

  it.each(['not json', '"a string"', '{"data":null}', '[1,2]'])('leaves %j as it is', (body) => {
    expect(withRequestId(body, 'req-1')).toBe(body);
  });
});
