/**
 * What `answerable import FILE|URL --case ID` needs besides the service: the target read into an
 * import source (a file's size is checked before it is read), and the summary it prints.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { ImportReview } from './import.ts';
import type { ImportFrom } from './import-article.service.ts';
import { maxArticleFileBytes } from './extraction/read-article-file.ts';

export async function importTarget(target: string): Promise<ImportFrom> {
  if (/^https?:\/\//i.test(target)) return { url: target };
  const info = await stat(target).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('NOT_FOUND', `file: ${target} not found`, [{ field: 'file', message: 'not found' }]);
  if (info.size > maxArticleFileBytes) {
    const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    throw new AppError('PAYLOAD_TOO_LARGE', `file: is ${megabytes(info.size)}, over the ${megabytes(maxArticleFileBytes)} limit for one article`, [
      { field: 'file', message: `is larger than ${megabytes(maxArticleFileBytes)}` },
    ]);
  }
  return { file: { bytes: await readFile(target), filename: basename(target) } };
}

export function formatImportSummary(review: ImportReview): string {
  const { import: created, suggestions } = review;
  const byKind = new Map<string, number>();
  for (const suggestion of suggestions) byKind.set(suggestion.kind, (byKind.get(suggestion.kind) ?? 0) + 1);
  const links = suggestions.filter((suggestion) => suggestion.match).length;
  const lines = [
    `Imported "${created.title}" as import ${created.id} (source ${created.sourceId}), dates read against ${created.published}.`,
    `${suggestions.length} suggestions to review${suggestions.length ? `: ${[...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ')}` : ''}${links ? `; ${links} already in the record (accepting links to them)` : ''}.`,
  ];
  if (created.notice) lines.push(created.notice);
  return `${lines.join('\n')}\n`;
}
