import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { canonicalEntry } from './audit-entry.ts';

describe('canonical audit entry', () => {
  it('is exactly the canonical JSON of the entry, for any content', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.nat(),
          occurredAt: fc.string(),
          actorId: fc.option(text, { nil: null }),
          actorName: text,
          action: fc.constantFrom('create', 'update', 'delete'),
          entityType: text,
          entityId: text,
          caseId: fc.option(text, { nil: null }),
          before: fc.option(text, { nil: null }),
          after: fc.option(text, { nil: null }),
          prevHash: fc.string(),
        }),
        (content) => {
          expect(canonicalEntry(content)).toBe(canonicalJson(content));
        },
      ),
    );
  });
});
