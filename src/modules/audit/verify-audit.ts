import type { Queryable } from '../../db/database.ts';
import { genesisHash, hashEntry } from './audit-entry.ts';
import { readAuditEntries, readAuditHead, toContent } from './audit.repository.ts';

export type AuditVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; badSeq: number; reason: string };

/**
 * Walks the chain from the first entry: each entry's number follows the last, its stored hash is
 * the hash of its content, it names the previous entry's hash, and the chain ends where the head
 * says it does. Editing, deleting, inserting or reordering entries breaks one of these.
 */
export async function verifyAuditChain(
  db: Queryable,
  onProgress: (checked: number, total: number) => void = () => {},
): Promise<AuditVerdict> {
  const head = await readAuditHead(db);
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let checked = 0;
  for await (const page of readAuditEntries(db)) {
    for (const row of page) {
      const content = toContent(row);
      const fail = (reason: string): AuditVerdict => ({ ok: false, entries: checked, badSeq: content.seq, reason });
      if (content.seq !== expectedSeq) {
        return content.seq > expectedSeq
          ? { ok: false, entries: checked, badSeq: expectedSeq, reason: `entry ${expectedSeq} is missing (the next entry is ${content.seq})` }
          : fail(`entry ${content.seq} is out of order`);
      }
      if (content.prevHash !== previousHash) return fail(`entry ${content.seq} does not follow the entry before it (previous hash differs)`);
      if (hashEntry(content) !== row.hash) return fail(`entry ${content.seq} was changed after it was written (its content does not match its hash)`);
      if (content.seq > head.seq) return fail(`entry ${content.seq} lies beyond the head of the chain (${head.seq})`);
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress(checked, head.seq);
  }
  if (checked !== head.seq) {
    return { ok: false, entries: checked, badSeq: checked + 1, reason: `entry ${checked + 1} is missing (the head records ${head.seq} entries)` };
  }
  if (previousHash !== head.hash) {
    return { ok: false, entries: checked, badSeq: checked, reason: `entry ${checked} does not match the head of the chain` };
  }
  return { ok: true, entries: checked, headHash: head.hash };
}
