import { z } from 'zod';
import { id, text } from '../../shared/fields.ts';
import { staffRoles, type UserRole } from './actor.ts';

export const locales = ['en', 'ar'] as const;
export type Locale = (typeof locales)[number];

export const email = () =>
  z
    .email('must be an email address')
    .max(320)
    .transform((value) => value.toLowerCase());

export const password = () => z.string().min(12, 'must be at least 12 characters').max(1024, 'must be at most 1024 characters');

export const userInput = z.object({
  email: email(),
  name: text(200),
  role: z.enum(staffRoles),
  password: password(),
  organizationId: id().nullable().default(null).meta({ description: 'The organisation the user works for.' }),
});
export type UserInput = z.infer<typeof userInput>;

export const signInInput = z.object({
  email: z.string().max(320).transform((value) => value.trim().toLowerCase()),
  password: z.string().max(1024),
  /** The six-digit code of an account with a second factor. */
  totp: z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((value) => value || undefined),
});
export type SignInInput = z.infer<typeof signInInput>;

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organizationId: string | null;
  /** Respondents only: the company they answer for. */
  companyId: string | null;
  locale: Locale;
  createdAt: string;
}
