import { z } from 'zod';
import { httpUrl, id, text } from '../../shared/fields.ts';

/** Inputs of the evidence use cases, and the records they return. */

export const archiveInput = z
  .object({
    url: httpUrl().optional().meta({ description: 'The address to archive; defaults to the source’s own URL when sourceId is given.' }),
    sourceId: id().optional().meta({ description: 'Add the capture to this source; otherwise a new source is created from the page.' }),
  })
  .refine((input) => input.url !== undefined || input.sourceId !== undefined, { message: 'give a url, a sourceId, or both', path: ['url'] });
export type ArchiveInput = z.infer<typeof archiveInput>;

export const uploadQuery = z.object({
  filename: z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'The file’s name as the uploader knew it; its type is sniffed from the bytes, not taken from this.' }),
  title: text(500).optional().meta({ description: 'Title of the new source (default: the file name).' }),
  sourceId: id().optional().meta({ description: 'Add the file to this source instead of creating one.' }),
});
export type UploadQuery = z.infer<typeof uploadQuery>;

export const annotationKinds = ['note', 'correction'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

export const annotationInput = z.object({
  kind: z
    .enum(annotationKinds)
    .default('note')
    .meta({ description: 'A note is for the case’s members; a correction is published with the case.' }),
  text: text(20_000),
});
export type AnnotationInput = z.infer<typeof annotationInput>;

export const diffQuery = z.object({ granularity: z.enum(['line', 'word']).default('line') });

export const bundleScopes = ['full', 'public'] as const;
export type BundleScope = (typeof bundleScopes)[number];

export interface StoredArtefact {
  sha256: string;
  size: number;
}

export interface CaptureRecord {
  id: string;
  caseId: string;
  sourceId: string;
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  /** The address actually connected to, after DNS. */
  remoteAddress: string;
  redirects: number;
  /** The final response's headers, in order, as received. */
  responseHeaders: Array<[string, string]>;
  warc: StoredArtefact;
  body: StoredArtefact;
  text: StoredArtefact | null;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  language: string | null;
  capturedAt: string;
  /** Who archived it: only for the case's members and admins. */
  capturedBy: string | null;
}

export interface UploadRecord {
  id: string;
  caseId: string;
  sourceId: string;
  sha256: string;
  size: number;
  contentType: string;
  originalFilename: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface AnnotationRecord {
  id: string;
  caseId: string;
  captureId: string;
  kind: AnnotationKind;
  text: string;
  createdAt: string;
  createdBy: string | null;
}

export const custodyActions = ['captured', 'uploaded', 'exported'] as const;
export type CustodyAction = (typeof custodyActions)[number];

export interface CustodyEntry {
  id: string;
  subjectType: 'capture' | 'upload';
  subjectId: string;
  action: CustodyAction;
  actorName: string;
  occurredAt: string;
  details: Record<string, unknown>;
}
