import { z } from 'zod';
import { id, longText, text, patchOf } from '../../shared/fields.ts';

export const organizationKinds = ['ngo', 'company', 'government', 'military', 'media', 'investor', 'union', 'intergovernmental', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationInput = z.object({
  name: text(300),
  kind: z.enum(organizationKinds),
  parentId: id().nullable().default(null).meta({ description: 'The organisation this one belongs to (Unit 8200 → Israeli military).' }),
  aliases: z.array(text(300)).max(50).default([]).meta({ description: 'Other names and acronyms, used to match imported articles.' }),
  description: longText(5000).nullable().default(null),
  website: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
});
export type OrganizationInput = z.infer<typeof organizationInput>;
export const organizationPatch = patchOf(organizationInput);
export type OrganizationPatch = z.infer<typeof organizationPatch>;

export const productInput = z.object({
  name: text(300),
  parentId: id().nullable().default(null).meta({ description: 'The product this one is part of (cloud storage → Azure).' }),
  description: longText(5000).nullable().default(null),
});
export type ProductInput = z.infer<typeof productInput>;

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  aliases: string[];
  description: string | null;
  website: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Product {
  id: string;
  companyId: string;
  parentId: string | null;
  name: string;
  description: string | null;
}
