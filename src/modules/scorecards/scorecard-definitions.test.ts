import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/ui/i18n.ts';
import { scorecardDefinitions } from './scorecard.ts';

describe('scorecard definitions', () => {
  it('reads the same on the English page as in the API, and exists in Arabic', () => {
    for (const [key, definition] of Object.entries(scorecardDefinitions)) {
      expect(translator('en')(`scorecardDefinition.${key as keyof typeof scorecardDefinitions}`)).toBe(definition);
      expect(translator('ar')(`scorecardDefinition.${key as keyof typeof scorecardDefinitions}`)).not.toBe(definition);
    }
  });
});
