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
  /** Respondents only: the company they answer for (0003). */
  company_id?: string | null; totp_secret?: string | null;
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
  /** AES-256-GCM sealed (evidence/field-crypto.ts); never in clear. */
  confidential_sealed?: string | null;
}
export interface AllegationsTable {
  id: string; case_id: string; statement: string; status: string; created_at: string; updated_at: string;
  confidential_sealed?: string | null;
}
export interface AllegationSourcesTable { allegation_id: string; source_id: string }

export interface LettersTable {
  id: string; case_id: string; recipient_id: string; follows_letter_id: string | null; subject: string; body: string;
  signatory_count: number | null; sent_on: string | null; response_deadline_at: string | null;
  response_deadline_time_zone: string | null; published_on: string | null; created_at: string; updated_at: string;
  /** 0003: the instant it was sent through Answerable; the instant it is (or will be) made public. */
  sent_at?: string | null; publish_at?: string | null;
}
export interface LetterSignatoriesTable { letter_id: string; organization_id: string; position: number }
export interface LetterDemandsTable { letter_id: string; position: number; text: string }
export interface LetterQuestionsTable { id: string; letter_id: string; number: number; text: string }
export interface ResponsesTable {
  id: string; letter_id: string; received_on: string; text: string; supersedes_id: string | null;
  created_at: string; updated_at: string;
  submitted_at?: string | null; submitted_by_id?: string | null; submitted_by_name?: string | null; sha256?: string | null;
}
export interface ResponseAnswersTable {
  response_id: string; question_id: string; text: string; classification: string | null;
  classified_by_id?: string | null; classified_by_name?: string | null; classified_at?: string | null;
}

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

export interface CapturesTable {
  id: string; case_id: string; source_id: string; requested_url: string; final_url: string; status: number;
  content_type: string; remote_address: string; redirects: number; response_headers: string;
  warc_sha256: string; warc_size: number; body_sha256: string; body_size: number; text_sha256: string | null; text_size: number | null;
  title: string | null; byline: string | null; published_time: string | null; site_name: string | null; language: string | null;
  captured_at: string; captured_by_id: string | null; captured_by: string;
}
export interface UploadsTable {
  id: string; case_id: string; source_id: string; sha256: string; size: number; content_type: string;
  original_filename: string | null; uploaded_at: string; uploaded_by_id: string | null; uploaded_by: string;
}
export interface CustodyEntriesTable {
  id: string; case_id: string; subject_type: string; subject_id: string; action: string;
  actor_id: string | null; actor_name: string; occurred_at: string; details: string;
}
export interface CaptureAnnotationsTable {
  id: string; case_id: string; capture_id: string; kind: string; text: string; created_at: string;
  created_by_id: string | null; created_by: string;
}

/** 0003: correspondence — approvals, contacts, invitations, extensions, drafts, attachments, follow-ups, jobs, mail. */
export interface LetterApprovalsTable { letter_id: string; organization_id: string; user_id: string | null; user_name: string; approved_at: string }
export interface LetterContactsTable { letter_id: string; email: string; name: string | null; added_at: string }
export interface InvitationsTable {
  id: string; token_hash: string | null; company_id: string; letter_id: string | null; email: string; name: string | null;
  created_at: string; expires_at: string; used_at: string | null; user_id: string | null;
}
export interface DeadlineExtensionsTable {
  id: string; letter_id: string; reason: string; requested_deadline_at: string; requested_by_id: string | null; requested_by_name: string;
  requested_at: string; previous_deadline_at: string | null; status: string; granted_deadline_at: string | null;
  decided_by_id: string | null; decided_by_name: string | null; decided_at: string | null; decision_note: string | null;
}
export interface AnswerDraftsTable { letter_id: string; question_id: string; text: string; updated_by_name: string; updated_at: string }
export interface ResponseAttachmentsTable {
  id: string; letter_id: string; response_id: string | null; filename: string; content_type: string; size: number; sha256: string;
  uploaded_by_name: string; uploaded_at: string;
}
export interface CommitmentFollowUpsTable {
  id: string; commitment_id: string; due_on: string; created_at: string; resolved_at: string | null; resolution: string | null;
  resolved_by_name: string | null; evidence_source_id: string | null; note: string | null;
}
export interface JobsTable {
  id: string; name: string; version: number; payload: string; unique_key: string | null; run_at: string; attempts: number;
  max_attempts: number; locked_until: string | null; locked_by: string | null; done_at: string | null; failed_at: string | null;
  last_error: string | null; created_at: string;
}
export interface OutboundEmailsTable {
  id: string; idempotency_key: string; kind: string; recipients: string; payload: string; created_at: string; sent_at: string | null;
  transport: string | null;
}

/** 0004: imported articles and their review queue. */
export interface ImportsTable {
  id: string; case_id: string; source_id: string; capture_id: string | null; upload_id: string | null; title: string;
  published_on: string; text: string; text_sha256: string; notice: string | null; created_at: string;
  created_by_id: string | null; created_by: string;
}
export interface ImportSuggestionsTable {
  id: string; import_id: string; case_id: string; source_id: string; position: number; kind: string; payload: string;
  span_start: number; span_end: number; match_id: string | null; status: string; decided_payload: string | null;
  result_type: string | null; result_id: string | null; decided_at: string | null; decided_by_id: string | null;
  decided_by: string | null; created_at: string;
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
  captures: CapturesTable;
  uploads: UploadsTable;
  custody_entries: CustodyEntriesTable;
  capture_annotations: CaptureAnnotationsTable;
  letter_approvals: LetterApprovalsTable;
  letter_contacts: LetterContactsTable;
  invitations: InvitationsTable;
  deadline_extensions: DeadlineExtensionsTable;
  answer_drafts: AnswerDraftsTable;
  response_attachments: ResponseAttachmentsTable;
  commitment_follow_ups: CommitmentFollowUpsTable;
  jobs: JobsTable;
  outbound_emails: OutboundEmailsTable;
  imports: ImportsTable;
  import_suggestions: ImportSuggestionsTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
}
