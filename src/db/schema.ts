/** Table types for Kysely. Column names are snake_case as stored; services map rows to camelCase records. */

export interface InstanceSettingsTable { key: string; value: string }

export interface OrganizationsTable {
  id: string; name: string; kind: string; parent_id: string | null; description: string | null;
  website: string | null; created_at: string; updated_at: string;
}
export interface OrganizationAliasesTable { organization_id: string; alias: string }
export interface ProductsTable {
  id: string; company_id: string; parent_id: string | null; name: string; description: string | null;
  created_at: string; updated_at: string;
}
export interface PeopleTable {
  id: string; name: string; title: string | null; affiliation_id: string | null; created_at: string; updated_at: string;
}

export interface UsersTable {
  id: string; email: string; name: string; role: string; password_hash: string | null;
  organization_id: string | null; locale: string; created_at: string; disabled_at: string | null;
}
export interface SessionsTable { token_hash: string; user_id: string; created_at: string; expires_at: string }
export interface ApiTokensTable {
  id: string; token_hash: string; user_id: string; label: string | null; created_at: string; revoked_at: string | null;
}
export interface SetupTokensTable { token_hash: string; expires_at: string }
export interface SignInFailuresTable { key: string; attempted_at: string }

export interface CasesTable {
  id: string; slug: string; title: string; summary: string; visibility: string; created_by: string | null;
  created_at: string; updated_at: string;
}
export interface CaseCompaniesTable { case_id: string; organization_id: string }
export interface CaseMembersTable { case_id: string; user_id: string; role: string }

export interface SourcesTable {
  id: string; case_id: string; title: string; url: string | null; publisher: string | null;
  published_on: string | null; language: string | null; created_at: string; updated_at: string;
}
export interface AllegationsTable {
  id: string; case_id: string; statement: string; status: string; created_at: string; updated_at: string;
}
export interface AllegationSourcesTable { allegation_id: string; source_id: string }

export interface LettersTable {
  id: string; case_id: string; recipient_id: string; follows_letter_id: string | null; subject: string; body: string;
  signatory_count: number | null; sent_on: string | null; response_deadline_at: string | null;
  response_deadline_time_zone: string | null; published_on: string | null; created_at: string; updated_at: string;
}
export interface LetterSignatoriesTable { letter_id: string; organization_id: string; position: number }
export interface LetterDemandsTable { letter_id: string; position: number; text: string }
export interface LetterQuestionsTable { id: string; letter_id: string; number: number; text: string }
export interface ResponsesTable {
  id: string; letter_id: string; received_on: string; text: string; supersedes_id: string | null;
  created_at: string; updated_at: string;
}
export interface ResponseAnswersTable { response_id: string; question_id: string; text: string; classification: string | null }

export interface CommitmentsTable {
  id: string; case_id: string; source_id: string | null; company_id: string; text: string; made_on: string | null;
  due_on: string | null; status: string; created_at: string; updated_at: string;
}
export interface CompanyActionsTable {
  id: string; case_id: string; source_id: string | null; company_id: string; description: string;
  occurred_on: string | null; scope: string | null; created_at: string; updated_at: string;
}
export interface StatementsTable {
  id: string; case_id: string; source_id: string | null; quote: string; speaker_person_id: string | null;
  speaker_organization_id: string | null; stated_on: string | null; created_at: string; updated_at: string;
}
export interface EventsTable {
  id: string; case_id: string; source_id: string | null; occurred_on: string; title: string;
  description: string | null; created_at: string; updated_at: string;
}

export interface AuditEntriesTable {
  seq: number; occurred_at: string; actor_id: string | null; actor_name: string; action: string;
  entity_type: string; entity_id: string; case_id: string | null; before: string | null; after: string | null;
  prev_hash: string; hash: string;
}
export interface AuditHeadTable { id: number; seq: number; hash: string }

export interface Schema {
  instance_settings: InstanceSettingsTable;
  organizations: OrganizationsTable;
  organization_aliases: OrganizationAliasesTable;
  products: ProductsTable;
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setup_tokens: SetupTokensTable;
  sign_in_failures: SignInFailuresTable;
  cases: CasesTable;
  case_companies: CaseCompaniesTable;
  case_members: CaseMembersTable;
  sources: SourcesTable;
  allegations: AllegationsTable;
  allegation_sources: AllegationSourcesTable;
  letters: LettersTable;
  letter_signatories: LetterSignatoriesTable;
  letter_demands: LetterDemandsTable;
  letter_questions: LetterQuestionsTable;
  responses: ResponsesTable;
  response_answers: ResponseAnswersTable;
  commitments: CommitmentsTable;
  company_actions: CompanyActionsTable;
  statements: StatementsTable;
  events: EventsTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
}
