/**
 * What the evidence services need besides the database: where artefacts are stored, how the archiver
 * may fetch, and the two keys (confidential fields, bundle signatures). Built once in main.ts.
 * Keys are loaded on first use, so commands that never touch evidence create no key files.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceSettings } from '../../config.ts';
import { type BlobStore, FileBlobStore } from './blob-store.ts';
import { parseFieldKey } from './field-crypto.ts';
import { type InstanceKey, loadOrCreateInstanceKey } from './instance-key.ts';
import type { FetchForArchiveOptions } from './safe-fetch.ts';

export interface EvidenceContext {
  blobStore: BlobStore;
  fetch: FetchForArchiveOptions;
  uploadMaxBytes: number;
  /** The AES-256-GCM key of confidential fields. */
  fieldKey(): Promise<Buffer>;
  /** The Ed25519 key that signs case bundles. */
  instanceKey(): Promise<InstanceKey>;
}

export const fieldKeyFileName = 'field.key';

export function createEvidenceContext(dataDir: string, settings: EvidenceSettings): EvidenceContext {
  const keysDir = join(dataDir, 'keys');
  return {
    blobStore: new FileBlobStore(join(dataDir, 'blobs')),
    fetch: {
      allowHosts: settings.fetchAllowHosts,
      timeoutMs: settings.fetchTimeoutMs,
      maxBytes: settings.fetchMaxBytes,
      allowedContentTypes: settings.fetchContentTypes,
    },
    uploadMaxBytes: settings.uploadMaxBytes,
    fieldKey: memoise(() => (settings.fieldKey ? Promise.resolve(settings.fieldKey) : loadOrCreateFieldKey(keysDir))),
    instanceKey: memoise(() => loadOrCreateInstanceKey(keysDir)),
  };
}

/**
 * The field key kept in the data folder (mode 0600) when ANSWERABLE_FIELD_KEY is not set. Several
 * app servers must share one key: set ANSWERABLE_FIELD_KEY on each of them instead.
 */
export async function loadOrCreateFieldKey(dir: string): Promise<Buffer> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, fieldKeyFileName);
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return parseFieldKey(existing, path);
  // Written aside and linked into place, as the instance key is: complete or absent, never two keys.
  const tempPath = `${path}.${randomUUID()}.tmp`;
  await writeFile(tempPath, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(tempPath, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(tempPath);
  }
  return loadOrCreateFieldKey(dir);
}

function memoise<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
