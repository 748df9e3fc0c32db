/**
 * A tiny stand-in for the Jira simulator: records every request and answers with what it saw, so a test can
 * check what the local Forge runtime really put on the wire. Optional per-path delay (ms) makes requests overlap.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeJira {
  baseUrl: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeJira(delayMs: (path: string) => number = () => 0): Promise<FakeJira> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(request);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: request.method, path: request.path, accountId: req.headers['x-sim-account-id'] ?? null, body: request.body }));
      }, delayMs(request.path));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
