import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalFor, refusingMalformed } from './request-guard';

describe('requests refused before Next', () => {
  it('refuses paths that do not decode, targets that are not paths and unused methods', () => {
    for (const path of [
      '/%',
      '/voorkeuren/%d800',
      '/archief/x/%zz',
      '/a%C0%AF',
      '/%E0%80%AF',
      '/%ED%A0%80',
    ])
      expect(refusalFor('GET', path)?.status, path).toBe(400);
    for (const target of ['*', 'archief', 'http://evil.example/archief'])
      expect(refusalFor('GET', target)?.status, target).toBe(400);
    for (const method of [
      'TRACE',
      'TRACK',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      'PROPFIND',
      undefined,
    ])
      expect(refusalFor(method, '/')?.status, method).toBe(405);
  });

  it('refuses a Next-Action header that names no action id', () => {
    const id = '60' + 'ab'.repeat(20);
    for (const value of ['', 'x', id.toUpperCase(), `${id}, ${id}`, `${id}0`])
      expect(refusalFor('POST', '/inloggen', { 'next-action': value })?.status, value).toBe(400);
    expect(refusalFor('POST', '/inloggen', { 'next-action': id })).toBeNull();
  });

  it('passes what decodes, and leaves the query string to the routes (they read it leniently)', () => {
    for (const path of [
      '/',
      '/voorkeuren/%25',
      '/archief/%00',
      '/a%C3%A9b',
      '/archief?q=%d800&jaar=%',
    ])
      expect(refusalFor('GET', path), path).toBeNull();
    for (const method of ['GET', 'HEAD', 'POST']) expect(refusalFor(method, '/')).toBeNull();
  });
});

describe('the guard in front of a real server', () => {
  let server: http.Server;
  let port: number;
  const handled: string[] = [];

  beforeAll(async () => {
    const handle = refusingMalformed(async (request, response) => {
      handled.push(`${request.method} ${request.url}`);
      response.end('doorgegeven');
    });
    server = http.createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Raw bytes on a socket: fetch would normalise the very targets this is about. */
  const raw = (requestLine: string, lines: string[] = ['', '']) =>
    new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.write(
        [`${requestLine} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...lines].join('\r\n'),
      );
    });

  it('answers the refusals itself, in Dutch, and hands the rest on', async () => {
    const bad = await raw('GET /voorkeuren/%d800');
    expect(bad).toMatch(/^HTTP\/1\.1 400 /);
    expect(bad).toContain('content-type: text/plain; charset=utf-8');
    expect(bad).toContain('Het gevraagde adres bevat een ongeldige codering');

    const star = await raw('GET *');
    expect(star).toMatch(/^HTTP\/1\.1 400 /);

    const trace = await raw('TRACE /archief');
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(trace).toContain('allow: GET, HEAD, POST');
    expect(trace).toContain('Deze methode wordt hier niet ondersteund.');

    const empty = await raw('POST /inloggen', ['Next-Action: ', 'Content-Length: 2', '', '[]']);
    expect(empty).toMatch(/^HTTP\/1\.1 400 /);
    expect(empty).toContain('Dit verzoek is ongeldig.');

    // A refused request's body is read first, so the answer is not lost to a reset connection.
    const body = 'x'.repeat(1024 * 1024);
    const withBody = await raw('POST /%zz', [`Content-Length: ${body.length}`, '', body]);
    expect(withBody).toMatch(/^HTTP\/1\.1 400 /);

    const head = await raw('HEAD /%');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).not.toContain('ongeldige codering');

    expect(await raw('GET /voorkeuren/%25')).toContain('doorgegeven');
    expect(handled).toEqual(['GET /voorkeuren/%25']);
  });
});
