import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server with one article whose wording can be changed, for archiving tests. */
export interface ArticleServer {
  url: string;
  port: number;
  /** The sentence the article currently says. */
  sentence: string;
  /** SHA-256 of the body the server sent last. */
  lastBodySha256: string;
  close(): Promise<void>;
}

export function articleHtml(sentence: string): string {
  return `<!doctype html><html lang="en"><head><title>Company statement on cloud services</title><meta property="og:site_name" content="Local Wire"></head><body><article><h1>Company statement on cloud services</h1>${Array.from(
    { length: 5 },
    () => `<p>${sentence} We are committed to human rights across all of our products and services.</p>`,
  ).join('')}</article></body></html>`;
}

export async function startArticleServer(): Promise<ArticleServer> {
  const state = { sentence: 'We will reply by the end of the month.', lastBodySha256: '' };
  const server = http.createServer((request, response) => {
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/article' });
      response.end();
      return;
    }
    const body = Buffer.from(articleHtml(state.sentence));
    state.lastBodySha256 = createHash('sha256').update(body).digest('hex');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Served-By': 'article-server' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/article`,
    port,
    get sentence() {
      return state.sentence;
    },
    set sentence(value: string) {
      state.sentence = value;
    },
    get lastBodySha256() {
      return state.lastBodySha256;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as ArticleServer;
}
