/**
 * importArticle: a news article (an address, or a file) into a case's review queue. The source is
 * kept as evidence first (a WARC capture through the archiver, or an upload), then the extraction
 * runs with the record's own organisations and people as its dictionary, and each thing it finds
 * becomes a pending suggestion with the span of text it came from. Nothing enters the record until
 * an editor accepts it (review-suggestion.service.ts).
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { calendarDateIn, isCalendarDate } from '../../shared/partial-date.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { findCaseAccess, requireCaseEditor } from '../cases/case-access.ts';
import { archiveSource } from '../evidence/archive-source.service.ts';
import { readBlob } from '../evidence/blob-store.ts';
import type { CaptureRecord } from '../evidence/evidence.ts';
import { uploadSource } from '../evidence/upload-source.service.ts';
import type { Actor } from '../users/actor.ts';
import { maxArticleChars } from './extraction/types.ts';
import type { Extraction, Span } from './extraction/types.ts';
import type { ArticleImport, ImportFile, ImportReview, Match, SuggestionKind, SuggestionPayload } from './import.ts';
import { countSuggestions, findImportRow, listImportRows, listSuggestionRows, matchNames, toArticleImport, toSuggestion } from './imports.repository.ts';
import { loadRecordDictionary, type RecordDictionary } from './record-dictionary.ts';

export type ImportFrom = { url: string } | { file: ImportFile };

export interface ImportOptions {
  /** YYYY-MM-DD; relative dates resolve against it. Default: the page's own date, else today. */
  published?: string | undefined;
}

export const notLatinScriptNotice =
  'The article is not in Latin-script English. The extraction reads English only, so nothing was suggested; the source is kept.';
export const nothingFoundNotice = 'Nothing was found to suggest in this article; the source is kept.';

export async function importArticle(ctx: ServiceContext, actor: Actor, caseId: string, from: ImportFrom, options: ImportOptions = {}): Promise<ImportReview> {
  await requireCaseEditor(ctx.db, actor, caseId);
  if (options.published !== undefined && !isCalendarDate(options.published)) throw AppError.invalid('published', 'must be a date as YYYY-MM-DD');

  // A file is read and checked before anything is stored; an address has to be fetched (and so
  // archived) before its text can be read.
  const { readArticleBytes } = await readers();
  const article = 'file' in from ? readArticleBytes(from.file.bytes, from.file.filename) : null;
  if (article) refuseTooLong(article.text);

  let sourceId: string;
  let captureId: string | null = null;
  let uploadId: string | null = null;
  let text: string;
  let title: string;
  let pagePublished: string | null = null;
  if ('file' in from) {
    title = article!.title ?? headlineOf(article!.text) ?? from.file.filename ?? 'Imported article';
    const { source, upload } = await uploadSource(ctx, actor, caseId, Buffer.from(from.file.bytes), {
      ...(from.file.filename ? { filename: from.file.filename } : {}),
      title: title.slice(0, 500),
    });
    sourceId = source.id;
    uploadId = upload.id;
    text = article!.text;
    pagePublished = source.publishedOn;
  } else {
    const { source, capture } = await archiveSource(ctx, actor, caseId, { url: from.url });
    sourceId = source.id;
    captureId = capture.id;
    text = await capturedArticleText(ctx, capture);
    if (text.trim() === '') throw AppError.invalid('url', 'the page has no article text to import (it was archived all the same)');
    refuseTooLong(text);
    title = capture.title ?? source.title;
    pagePublished = capture.publishedTime?.slice(0, 10) ?? source.publishedOn;
  }

  const published = options.published ?? (pagePublished && isCalendarDate(pagePublished) ? pagePublished : calendarDateIn(ctx.clock.now(), 'UTC'));
  const dictionary = await loadRecordDictionary(ctx.db);
  const { extractArticle } = await import('./extraction/extract-article.ts');
  const extraction = extractArticle(text, { published, knownOrganizations: dictionary.organizations, knownPeople: dictionary.people });
  const drafts = suggestionsFrom(extraction, dictionary);
  const notice = drafts.length > 0 ? null : /[A-Za-z]{2}/.test(text) ? nothingFoundNotice : notLatinScriptNotice;

  const importId = newId();
  await transact(ctx, actor, async (tx, recordChange) => {
    await requireCaseEditor(tx, actor, caseId);
    const now = isoNow(ctx.clock);
    await tx
      .insertInto('imports')
      .values({
        id: importId,
        case_id: caseId,
        source_id: sourceId,
        capture_id: captureId,
        upload_id: uploadId,
        title: title.slice(0, 500),
        published_on: published,
        text,
        text_sha256: createHash('sha256').update(text).digest('hex'),
        notice,
        created_at: now,
        created_by_id: actor.userId,
        created_by: actor.name,
      })
      .execute();
    const rows = drafts.map((draft, position) => ({
      id: newId(),
      import_id: importId,
      case_id: caseId,
      source_id: sourceId,
      position,
      kind: draft.kind,
      payload: JSON.stringify(draft.payload),
      span_start: draft.span[0],
      span_end: draft.span[1],
      match_id: draft.match?.id ?? null,
      status: 'pending',
      decided_payload: null,
      result_type: null,
      result_id: null,
      decided_at: null,
      decided_by_id: null,
      decided_by: null,
      created_at: now,
    }));
    for (let start = 0; start < rows.length; start += 200) await tx.insertInto('import_suggestions').values(rows.slice(start, start + 200)).execute();
    const created = await readImport(tx, importId);
    recordChange({ action: 'create', entityType: 'import', entityId: importId, caseId, before: null, after: created });
  });
  return getImportReview(ctx, actor, importId);
}

/** The article readers and the extraction load on first use: they cost a server's start a third of a second. */
function readers() {
  return import('./extraction/read-article-file.ts');
}

function refuseTooLong(text: string): void {
  if (text.length <= maxArticleChars) return;
  const message = `is ${text.length.toLocaleString('en')} characters long, over the ${maxArticleChars.toLocaleString('en')}-character limit for one article`;
  throw new AppError('PAYLOAD_TOO_LARGE', `text: ${message}`, [{ field: 'text', message }]);
}

/** A text file's first line, when it is short enough to be a headline rather than the first paragraph. */
function headlineOf(text: string): string | null {
  const first = text.trim().split('\n')[0]!.trim();
  return first.length > 0 && first.length <= 150 ? first : null;
}

/**
 * The article's text from its capture. For an HTML page the captured body is read again as the
 * `extract` command reads a file (paragraphs kept, which the sentence rules rely on); anything
 * else, or a body that is not UTF-8, uses the capture's readable text.
 */
async function capturedArticleText(ctx: ServiceContext, capture: CaptureRecord): Promise<string> {
  if (/^(text\/html|application\/xhtml\+xml)/i.test(capture.contentType)) {
    try {
      const { decodeText, htmlToArticle } = await readers();
      const html = decodeText(await readBlob(ctx.evidence.blobStore, capture.body.sha256));
      const article = htmlToArticle(html);
      if (article.text.trim() !== '') return article.text;
    } catch {
      // Not UTF-8 (or empty): the readable text, decoded with the page's own charset, will do.
    }
  }
  return capture.text ? (await readBlob(ctx.evidence.blobStore, capture.text.sha256)).toString('utf8') : '';
}

interface Draft {
  kind: SuggestionKind;
  payload: SuggestionPayload;
  span: Span;
  match: Match | null;
}

const byStart = (a: Draft, b: Draft) => a.span[0] - b.span[0];

/** One suggestion per record found, grouped by kind, each kind in the order of the text. */
export function suggestionsFrom(extraction: Extraction, dictionary: Pick<RecordDictionary, 'matchOrganization' | 'matchPerson'>): Draft[] {
  const firstSpan = (spans: Span[]): Span => spans[0] ?? [0, 0];
  const organizations: Draft[] = extraction.organizations.map((org) => ({
    kind: 'organization',
    payload: { name: org.name, kind: org.kind, aliases: org.aliases },
    span: firstSpan(org.spans),
    match: dictionary.matchOrganization([org.name, ...org.aliases]),
  }));
  const people: Draft[] = extraction.people.map((person) => ({
    kind: 'person',
    payload: { name: person.name, title: person.title, affiliation: person.affiliation },
    span: firstSpan(person.spans),
    match: dictionary.matchPerson(person.name),
  }));
  const quotes: Draft[] = extraction.quotes.map((quote) => ({ kind: 'quote', payload: { speaker: quote.speaker, text: quote.text, statedOn: null }, span: quote.span, match: null }));
  const events: Draft[] = extraction.events.map((event) => ({
    kind: 'event',
    payload: { type: event.type, date: event.date, actor: event.actor, target: event.target, evidence: event.evidence },
    span: event.span,
    match: null,
  }));
  const letters: Draft[] = extraction.letters.map((letter) => ({
    kind: 'letter',
    payload: {
      senders: letter.senders,
      senderCount: letter.senderCount,
      recipient: letter.recipient,
      questionCount: letter.questionCount,
      deadline: letter.deadline,
      sent: letter.sent,
      published: letter.published,
    },
    span: letter.span,
    match: null,
  }));
  return [organizations, people, quotes, events, letters].flatMap((group) => group.sort(byStart));
}

/**
 * The review queue is the editors' workspace, not part of the record: for anyone who may not edit
 * the case (a viewer, an outsider, a respondent, the public) an import does not exist.
 */
export async function requireReviewer(db: Queryable, actor: Actor, caseId: string, what: string): Promise<void> {
  const access = await findCaseAccess(db, actor, caseId);
  if (!access?.canEdit) throw AppError.notFound(what);
}

async function readImport(db: Queryable, importId: string): Promise<ArticleImport> {
  const row = await findImportRow(db, importId);
  if (!row) throw AppError.notFound('Import');
  const counts = await countSuggestions(db, [importId]);
  return toArticleImport(row, counts.get(importId)!);
}

export async function listImports(ctx: ServiceContext, actor: Actor, caseId: string): Promise<ArticleImport[]> {
  await requireReviewer(ctx.db, actor, caseId, 'Case');
  const rows = await listImportRows(ctx.db, caseId);
  const counts = await countSuggestions(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toArticleImport(row, counts.get(row.id)!));
}

/** The import, the text it read, and its suggestions: what the review page shows. */
export async function getImportReview(ctx: ServiceContext, actor: Actor, importId: string): Promise<ImportReview> {
  const row = await findImportRow(ctx.db, importId);
  if (!row) throw AppError.notFound('Import');
  await requireReviewer(ctx.db, actor, row.case_id, 'Import');
  const suggestionRows = await listSuggestionRows(ctx.db, importId);
  const names = await matchNames(ctx.db, suggestionRows);
  return {
    import: await readImport(ctx.db, importId),
    text: row.text,
    suggestions: suggestionRows.map((suggestion) => toSuggestion(suggestion, suggestion.match_id ? (names.get(suggestion.match_id) ?? null) : null)),
  };
}
