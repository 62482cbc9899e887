import { appended, statusOf, takeMessage } from './rawHttp';

const message = (head: string, body: string) => Buffer.from(`${head}\r\n\r\n${body}`, 'latin1');

describe('takeMessage (the raw-socket forwarders’ framing)', () => {
  it('takes a whole message by its content-length and keeps what follows for the next', () => {
    const two = Buffer.concat([message('POST /graphql HTTP/1.1\r\nContent-Length: 5', 'hello'), message('POST /graphql HTTP/1.1\r\ncontent-length:2', 'hi')]);
    const first = takeMessage(two, 'refused')!;
    expect(first.head).toBe('POST /graphql HTTP/1.1\r\nContent-Length: 5');
    expect(first.body.toString()).toBe('hello');
    const second = takeMessage(first.rest, 'refused')!;
    expect(second.body.toString()).toBe('hi');
    expect(second.rest).toHaveLength(0);
  });

  it('waits while the head or the body is incomplete', () => {
    expect(takeMessage(Buffer.from('POST / HTTP/1.1\r\ncontent-length: 5\r\n'), 'refused')).toBeUndefined();
    expect(takeMessage(message('POST / HTTP/1.1\r\ncontent-length: 5', 'hel'), 'refused')).toBeUndefined();
  });

  it('takes a message without content-length as bodiless only where allowed, and refuses it otherwise, naming its start line', () => {
    const get = message('GET /graphql HTTP/1.1\r\nhost: x', '');
    expect(takeMessage(get, 'allowed')?.body).toHaveLength(0);
    const chunked = message('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked', '5\r\nhello\r\n0\r\n\r\n');
    expect(() => takeMessage(chunked, 'refused')).toThrow('a message without content-length (HTTP/1.1 200 OK): the raw-socket forwarders frame only those');
  });
});

describe('statusOf and appended', () => {
  it('reads the status code of a status line, and refuses anything else', () => {
    expect(statusOf('HTTP/1.1 502 Bad Gateway\r\nx: y')).toBe(502);
    expect(() => statusOf('POST / HTTP/1.1')).toThrow('not an HTTP/1.x status line: POST / HTTP/1.1');
  });

  it('appends a chunk, without a copy when nothing was held', () => {
    const chunk = Buffer.from('abc');
    expect(appended(Buffer.alloc(0), chunk)).toBe(chunk);
    expect(appended(Buffer.from('x'), chunk).toString()).toBe('xabc');
  });
});
