import { createHash, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { listAuditEntriesFor } from '../audit/audit.repository.ts';
import { transact } from '../audit/transact.ts';
import { requireCaseReader } from '../cases/case-access.ts';
import { getCaseDossier } from '../cases/case-dossier.service.ts';
import { type Actor, publicActor } from '../users/actor.ts';
import { type BagPayloadFile, type BagVerification, encodeManifestPath, verifyBagZip, writeBagZip } from './bagit.ts';
import { listCaseEvidence } from './captures.service.ts';
import { withoutConfidential } from './confidential.ts';
import type { BundleScope } from './evidence.ts';
import { appendCustody, listCustodyRows, toCustodyEntry } from './evidence.repository.ts';
import { privateKeyFileName, publicKeyFileName } from './instance-key.ts';

export interface WrittenBundle {
  bundleId: string;
  scope: BundleScope;
  file: string;
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of the bundle's manifest-sha256.txt, kept in the audit entry of the bundling. */
  manifestSha256: string;
}

/**
 * Writes a case bundle: a signed BagIt bag (bagit.ts) of the case's records, every artefact, and —
 * in a full bundle, for the case's members and admins — its audit entries and custody log. A public
 * bundle holds only what the public may read: a published case, without embargoed letters, notes,
 * the history, or who did what. Confidential fields are in no bundle. Each bundling is recorded: an
 * `exported` custody entry per artefact, and an audit entry with the manifest's hash.
 */
export async function bundleCase(ctx: ServiceContext, actor: Actor, caseId: string, options: { outFile: string; scope?: BundleScope }): Promise<WrittenBundle> {
  const access = await requireCaseReader(ctx.db, actor, caseId);
  const scope = options.scope ?? (access.isInsider ? 'full' : 'public');
  if (scope === 'full' && !access.isInsider) throw new AppError('FORBIDDEN', 'A full bundle is for the case’s members and admins; ask for the public bundle');
  if (scope === 'public' && access.caseRow.visibility !== 'published') throw new AppError('CONFLICT', 'The case is not published, so it has no public bundle');
  const reader = scope === 'full' ? actor : publicActor;

  const dossier = withoutConfidential(await getCaseDossier(ctx, reader, caseId));
  const evidence = await listCaseEvidence(ctx, reader, caseId);
  const json = (value: unknown) => () => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const blob = (sha256: string) => () => ctx.evidence.blobStore.get(sha256);

  const payload: BagPayloadFile[] = [
    { path: 'README.txt', open: () => Buffer.from(readme(scope)) },
    { path: 'case.json', open: json(dossier) },
    { path: 'evidence.json', open: json(evidence) },
  ];
  for (const capture of evidence.captures) {
    payload.push({ path: `captures/${capture.id}/exchange.warc`, open: blob(capture.warc.sha256) });
    payload.push({ path: `captures/${capture.id}/body`, open: blob(capture.body.sha256) });
    if (capture.text) payload.push({ path: `captures/${capture.id}/text.txt`, open: blob(capture.text.sha256) });
  }
  for (const upload of evidence.uploads) payload.push({ path: `uploads/${upload.id}/${safeFileName(upload.originalFilename)}`, open: blob(upload.sha256) });
  if (scope === 'full') {
    const auditEntries = await listAuditEntriesFor(ctx.db, { caseId });
    const custody = (await listCustodyRows(ctx.db, { caseId })).map(toCustodyEntry);
    payload.push({ path: 'history/audit-entries.json', open: json(auditEntries) });
    payload.push({ path: 'history/custody-log.json', open: json(custody) });
  }

  const key = await ctx.evidence.instanceKey();
  const bundleId = newId();
  const written = await writeBagZip(options.outFile, {
    payload,
    key: { privateKey: key.privateKey, fingerprint: key.fingerprint },
    bagName: `answerable-${dossier.case.slug}`,
    baggingDate: ctx.clock.now(),
    bagInfo: {
      'Source-Organization': 'Answerable',
      'External-Identifier': `case ${caseId}`,
      'External-Description': dossier.case.title,
      'Answerable-Bundle-Id': bundleId,
      'Answerable-Bundle-Scope': scope,
    },
  });
  const manifestText = written.manifest.map((entry) => `${entry.sha256}  ${encodeManifestPath(`data/${entry.path}`)}\n`).join('');
  const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');

  // Exports by people and the system are custody events. An anonymous download of the public
  // bundle is not: it holds only what is published, and logging it would let anyone grow the
  // permanent history without limit.
  if (actor.role !== 'public') await transact(ctx, actor, async (tx, recordChange) => {
    const now = isoNow(ctx.clock);
    const details = { bundleId, scope, manifestSha256 };
    await appendCustody(
      tx,
      [
        ...evidence.captures.map((capture) => ({ caseId, subjectType: 'capture' as const, subjectId: capture.id, action: 'exported' as const, details })),
        ...evidence.uploads.map((upload) => ({ caseId, subjectType: 'upload' as const, subjectId: upload.id, action: 'exported' as const, details })),
      ],
      actor,
      now,
    );
    recordChange({
      action: 'create',
      entityType: 'case_bundle',
      entityId: bundleId,
      caseId,
      before: null,
      after: { scope, payloadFiles: written.payloadFiles, payloadBytes: written.payloadBytes, manifestSha256, keyFingerprint: key.fingerprint },
    });
  });
  return { bundleId, scope, file: options.outFile, payloadFiles: written.payloadFiles, payloadBytes: written.payloadBytes, manifestSha256 };
}

/** Checks a bundle offline: every hash, the signature, and that no file was added or removed. */
export function verifyBundle(file: string, publicKeyPem: string): Promise<BagVerification> {
  return verifyBagZip(file, publicKeyPem);
}

/** The instance's public key as kept in the data folder, without creating one (a new key verifies nothing). */
export async function readInstancePublicKey(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'keys');
  const stored = await readFile(join(dir, publicKeyFileName), 'utf8').catch(() => null);
  if (stored) return stored;
  const hasPrivate = await readFile(join(dir, privateKeyFileName), 'utf8').catch(() => null);
  if (!hasPrivate) throw AppError.notFound(`The instance key (in ${dir}); pass --key with the signer's public key`);
  return createPublicKey(hasPrivate).export({ type: 'spki', format: 'pem' }).toString();
}

function safeFileName(name: string | null): string {
  const cleaned = (name ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
  return cleaned || 'file';
}

function readme(scope: BundleScope): string {
  return `An Answerable case bundle (${scope === 'full' ? 'full: for the case’s members and admins' : 'public: only what is published'}).

case.json       the case's records as Answerable shows them (confidential fields are never included)
evidence.json   captures of web pages, uploaded files and their annotations
captures/<id>/  exchange.warc (the complete HTTP exchange), body (the response body), text.txt (readable text)
uploads/<id>/   each uploaded file, as uploaded${scope === 'full' ? '\nhistory/        the case\'s audit entries (hash-chained) and the custody log of its evidence' : ''}

To check it: answerable verify <bundle.zip> --key answerable-key.pem
(the key is published at /.well-known/answerable-key.pem), or with openssl and any BagIt tool:
  base64 -d tagmanifest-sha256.txt.sig > sig.bin
  openssl pkeyutl -verify -pubin -inkey answerable-key.pem -rawin -in tagmanifest-sha256.txt -sigfile sig.bin
`;
}
