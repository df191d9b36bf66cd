import type { Queryable } from '../../db/database.ts';

/** Who is written to about a letter: the case's editors on the staff side; the letter's contacts and the company's respondents on the other. */
export async function caseEditorEmails(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_members')
    .innerJoin('users', 'users.id', 'case_members.user_id')
    .select('users.email')
    .where('case_members.case_id', '=', caseId)
    .where('case_members.role', '=', 'editor')
    .where('users.role', 'in', ['editor', 'admin'])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
  return rows.map((row) => row.email);
}

export async function companyEmails(db: Queryable, letterId: string, companyId: string): Promise<string[]> {
  const [contacts, respondents] = await Promise.all([
    db.selectFrom('letter_contacts').select('email').where('letter_id', '=', letterId).execute(),
    db.selectFrom('users').select('email').where('role', '=', 'respondent').where('company_id', '=', companyId).where('disabled_at', 'is', null).execute(),
  ]);
  return [...new Set([...contacts, ...respondents].map((row) => row.email))].sort();
}
