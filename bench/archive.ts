/**
 * Archiving throughput: 1,000 article pages served by a local server on 127.0.0.1 (allowed
 * through the allow list), each fetched with fetchForArchive, written as a WARC, its text
 * extracted with Readability, and every artefact stored in a FileBlobStore — against, in the same
 * run, plain GETs of the same pages with the same concurrency (the baseline: HTTP alone).
 *
 *   node bin/run-ts.js bench/archive.ts [--pages 1000] [--concurrency 8]
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllowList } from '../src/modules/evidence/address-policy.ts';
import { FileBlobStore } from '../src/modules/evidence/blob-store.ts';
import { captureUrl } from '../src/modules/evidence/capture.ts';

const pageCount = numberArgument('--pages', 1000);
const concurrency = numberArgument('--concurrency', 8);

function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A news-article-like page of ~25 KB: navigation, twenty paragraphs, a footer. */
function articleHtml(index: number): string {
  const paragraphs = Array.from(
    { length: 20 },
    (_, paragraph) =>
      `<p>Paragraph ${paragraph + 1} of article ${index}. Six rights groups sent the company a letter with seven questions, asking it to suspend business that contributes to abuses and to answer by 10 October; the company said it intended to reply at the end of the month. ${'Context and background. '.repeat(30)}</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article ${index}</title>
<meta property="article:published_time" content="2025-10-10T09:30:00Z"></head>
<body><nav>${Array.from({ length: 30 }, (_, link) => `<a href="/section/${link}">Section ${link}</a>`).join(' ')}</nav>
<article><h1>Article ${index}</h1><p class="byline">By A. Reporter</p>${paragraphs.join('\n')}</article>
<footer>About us · Contact · Cookie settings</footer></body></html>`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'answerable-bench-archive-'));
  const server = http.createServer((request, response) => {
    const index = Number(new URL(request.url ?? '/', 'http://local').searchParams.get('n'));
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(articleHtml(index));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const blobStore = new FileBlobStore(join(dir, 'blobs'));
    const options = { blobStore, fetch: { allowHosts: parseAllowList(`127.0.0.1:${port}`) } };
    const runPool = async (fetchPage: (url: string, index: number) => Promise<void>) => {
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < pageCount) {
          const index = next++;
          await fetchPage(`http://127.0.0.1:${port}/article?n=${index}`, index);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return (performance.now() - started) / 1000;
    };
    const baselineSeconds = await runPool(async (url) => {
      await (await fetch(url)).text();
    });
    let bytes = 0;
    const seconds = await runPool(async (url, index) => {
      const capture = await captureUrl(url, options);
      if (!capture.readable.text.includes(`Paragraph 20 of article ${index}`)) throw new Error(`text extraction failed for page ${index}`);
      bytes += capture.warc.size;
    });
    console.log(
      JSON.stringify(
        {
          pages: pageCount,
          concurrency,
          seconds: round(seconds),
          pagesPerSecond: round(pageCount / seconds),
          plainGetPagesPerSecond: round(pageCount / baselineSeconds),
          ratioToPlainGet: round(baselineSeconds / seconds),
          warcMB: round(bytes / 1024 / 1024),
        },
        null,
        2,
      ),
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
