import { z } from 'zod';
import { id, longText, text, patchOf } from '../../shared/fields.ts';

export const caseVisibilities = ['private', 'published'] as const;
export type CaseVisibility = (typeof caseVisibilities)[number];
export const caseMemberRoles = ['editor', 'viewer'] as const;
export type CaseMemberRole = (typeof caseMemberRoles)[number];

export const caseMemberInput = z.object({
  userId: id(),
  role: z.enum(caseMemberRoles),
});
export type CaseMemberInput = z.infer<typeof caseMemberInput>;

export const caseInput = z.object({
  title: text(300),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes')
    .max(120)
    .optional()
    .meta({ description: 'The case in URLs; made from the title when left out.' }),
  summary: longText(20_000).default(''),
  visibility: z.enum(caseVisibilities).default('private').meta({ description: 'A private case is seen only by its members and admins.' }),
  companyIds: z.array(id()).max(50).default([]).meta({ description: 'The companies the case concerns.' }),
  members: z.array(caseMemberInput).max(500).default([]).meta({ description: 'Besides its creator, who becomes an editor of the case.' }),
});
export type CaseInput = z.infer<typeof caseInput>;

export const casePatch = patchOf(caseInput.omit({ members: true }));
export type CasePatch = z.infer<typeof casePatch>;

export interface CaseSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  visibility: CaseVisibility;
  companies: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  /** Only members and admins see who else is a member. */
  members: { userId: string; name: string; role: CaseMemberRole }[] | null;
}

/** "Microsoft and Unit 8200" → "microsoft-and-unit-8200"; a title in another script gets no slug of its own. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
