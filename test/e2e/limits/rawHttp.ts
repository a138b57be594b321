import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How many body bytes were written before the answer came. */
  sent: number;
}

/**
 * POSTs over a raw socket and reads the answer as soon as it is complete,
 * for bodies the server refuses: fetch keeps writing a refused body and
 * reports the failed write (EPIPE) instead of the answer. Either declares a
 * length and sends no body at all (`declaredLength`), or streams `chunks`
 * chunks with Transfer-Encoding: chunked (no length to check, so the server
 * has to count) and stops there, without the final chunk. Either way the
 * server has read everything sent when it answers, so it closes the
 * connection cleanly instead of resetting it under the answer.
 */
export function rawPost(
  url: string,
  options: { headers: Record<string, string>; declaredLength?: number; chunk?: Buffer; chunks?: number },
): Promise<RawResponse> {
  const { hostname, port, pathname } = new URL(url);
  const chunk = options.chunk ?? Buffer.alloc(0);
  const chunks = options.declaredLength === undefined ? (options.chunks ?? 0) : 0;
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(options.headers).map(([k, v]) => `${k}: ${v}`),
    options.declaredLength === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${options.declaredLength}`,
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let sent = 0;
    let answer: RawResponse | undefined;
    const timer = setTimeout(() => socket.destroy(new Error('no answer in 10 s')), 10_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (answer) resolve(answer);
      else reject(error ?? new Error(`no HTTP answer (sent ${sent} bytes): ${received.toString('utf8').slice(0, 200)}`));
    };
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      answer ??= parseResponse(received, sent);
      if (answer) finish();
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish());
    socket.on('connect', async () => {
      socket.write(head);
      for (let i = 0; i < chunks && !answer && !socket.destroyed; i++) {
        const flushed = socket.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
        sent += chunk.length;
        if (!flushed) await new Promise((r) => socket.once('drain', r).once('close', r));
      }
    });
  });
}

/** The response once all of it has arrived (Content-Length or chunked), else undefined. */
function parseResponse(buffer: Buffer, sent: number): RawResponse | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = buffer.subarray(0, end).toString('utf8').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const rest = buffer.subarray(end + 4);
  let body: Buffer | undefined;
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length >= length) body = rest.subarray(0, length);
  } else if (headers['transfer-encoding'] === 'chunked') {
    body = dechunk(rest);
  }
  return body ? { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8'), sent } : undefined;
}

function dechunk(buffer: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buffer.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(buffer.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    if (buffer.length < eol + 2 + size + 2) return undefined;
    parts.push(buffer.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
