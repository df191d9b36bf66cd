/**
 * Reviewing an import's suggestions. Accepting one creates its record through the module that
 * owns it (createOrganization, createPerson, createStatement, createEvent, createCompanyAction,
 * createCommitment, createLetter), with the import's source, and stores the record's id on the
 * suggestion beside the span it came from. It all happens in one transaction with its audit
 * entries; a suggestion is decided once, and accepting it again changes nothing.
 */
import type { Tx } from '../../db/database.ts';
import type { ImportSuggestionsTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { isCalendarDate } from '../../shared/partial-date.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { validationError } from '../../shared/http.ts';
import { createCompanyAction } from '../actions/company-actions.service.ts';
import { transact } from '../audit/transact.ts';
import { createCommitment } from '../commitments/commitments.service.ts';
import { createEvent } from '../events/events.service.ts';
import { createLetter } from '../letters/letters.service.ts';
import type { OrganizationKind } from '../organizations/organization.ts';
import { findOrganization, findOrganizationByName } from '../organizations/organizations.repository.ts';
import { createOrganization } from '../organizations/organizations.service.ts';
import { createPerson, findPerson, findPersonByName } from '../people/people.service.ts';
import { createStatement } from '../statements/statements.service.ts';
import type { Actor } from '../users/actor.ts';
import type { EventType } from './extraction/types.ts';
import {
  type AcceptInput,
  type EventPayload,
  type LetterPayload,
  type OrganizationPayload,
  payloadSchemas,
  type PersonPayload,
  type QuotePayload,
  type Suggestion,
  type SuggestionKind,
  type SuggestionPayload,
} from './import.ts';
import { requireReviewer } from './import-article.service.ts';
import { findSuggestionRow, listSuggestionRows, matchNames, toSuggestion } from './imports.repository.ts';
import { nameKey } from './record-dictionary.ts';
import { withinTransaction } from './within-transaction.ts';

export async function acceptSuggestion(ctx: ServiceContext, actor: Actor, suggestionId: string, input: AcceptInput = {}): Promise<Suggestion> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const before = await readSuggestion(tx, actor, suggestionId);
    if (before.status === 'accepted') return present(tx, before);
    if (before.status === 'rejected') throw new AppError('CONFLICT', 'This suggestion was rejected; it cannot be accepted');
    const kind = before.kind as SuggestionKind;
    const payload = parsePayload(kind, input.payload ?? (JSON.parse(before.payload) as unknown));
    const now = isoNow(ctx.clock);
    // Claimed first: of two editors accepting at once, the second finds it decided and does nothing.
    const claimed = await tx
      .updateTable('import_suggestions')
      .set({ status: 'accepted', decided_payload: JSON.stringify(payload), decided_at: now, decided_by_id: actor.userId, decided_by: actor.name })
      .where('id', '=', suggestionId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return present(tx, (await findSuggestionRow(tx, suggestionId))!);

    const records = new RecordMaker(withinTransaction(ctx, tx), actor, tx, before);
    const result = await records.make(kind, payload);
    await tx.updateTable('import_suggestions').set({ result_type: result.type, result_id: result.id }).where('id', '=', suggestionId).execute();
    const after = (await findSuggestionRow(tx, suggestionId))!;
    recordChange({ action: 'update', entityType: 'import_suggestion', entityId: suggestionId, caseId: before.case_id, before: toSuggestion(before, null), after: toSuggestion(after, null) });
    return present(tx, after);
  });
}

export async function rejectSuggestion(ctx: ServiceContext, actor: Actor, suggestionId: string): Promise<Suggestion> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const before = await readSuggestion(tx, actor, suggestionId);
    if (before.status === 'rejected') return present(tx, before);
    if (before.status === 'accepted') throw new AppError('CONFLICT', 'This suggestion was accepted; change or delete the record it created instead');
    const claimed = await tx
      .updateTable('import_suggestions')
      .set({ status: 'rejected', decided_at: isoNow(ctx.clock), decided_by_id: actor.userId, decided_by: actor.name })
      .where('id', '=', suggestionId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const after = (await findSuggestionRow(tx, suggestionId))!;
    if (Number(claimed.numUpdatedRows) > 0) {
      recordChange({ action: 'update', entityType: 'import_suggestion', entityId: suggestionId, caseId: before.case_id, before: toSuggestion(before, null), after: toSuggestion(after, null) });
    }
    return present(tx, after);
  });
}

export async function getSuggestion(ctx: ServiceContext, actor: Actor, suggestionId: string): Promise<Suggestion> {
  const row = await findSuggestionRow(ctx.db, suggestionId);
  if (!row) throw AppError.notFound('Suggestion');
  await requireReviewer(ctx.db, actor, row.case_id, 'Suggestion');
  const names = await matchNames(ctx.db, [row]);
  return toSuggestion(row, row.match_id ? (names.get(row.match_id) ?? null) : null);
}

async function readSuggestion(tx: Tx, actor: Actor, suggestionId: string): Promise<ImportSuggestionsTable> {
  const row = await findSuggestionRow(tx, suggestionId);
  if (!row) throw AppError.notFound('Suggestion');
  await requireReviewer(tx, actor, row.case_id, 'Suggestion');
  return row;
}

async function present(tx: Tx, row: ImportSuggestionsTable): Promise<Suggestion> {
  const names = await matchNames(tx, [row]);
  return toSuggestion(row, row.match_id ? (names.get(row.match_id) ?? null) : null);
}

/** A payload of the suggestion's kind, the editor's corrections validated like any other input. */
export function parsePayload(kind: SuggestionKind, payload: unknown): SuggestionPayload {
  const parsed = payloadSchemas[kind].safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error.issues.map((issue) => ({ ...issue, path: ['payload', ...issue.path] })));
  return parsed.data;
}

const eventTitles: Record<EventType, string> = {
  investigation_published: 'Investigation published',
  letter_sent: 'Letter sent',
  letter_published: 'Letter made public',
  response_deadline: 'Deadline for answers',
  response_expected: 'Response expected',
  response_received: 'Response received',
  no_response: 'No response',
  company_action: 'Company action',
  company_statement: 'Company statement',
  protest_or_campaign: 'Protest or campaign',
  other: 'Event',
};

/**
 * Makes the record a suggestion stands for, finding organisations and people the record already
 * holds (by name or alias) before creating any: a name met twice is one organisation.
 */
class RecordMaker {
  private siblings: ImportSuggestionsTable[] | undefined;

  constructor(
    private readonly services: ServiceContext,
    private readonly actor: Actor,
    private readonly tx: Tx,
    private readonly suggestion: ImportSuggestionsTable,
  ) {}

  async make(kind: SuggestionKind, payload: SuggestionPayload): Promise<{ type: string; id: string }> {
    switch (kind) {
      case 'organization':
        return { type: 'organization', id: await this.organization(payload as OrganizationPayload) };
      case 'person':
        return { type: 'person', id: await this.person(payload as PersonPayload) };
      case 'quote':
        return this.statement(payload as QuotePayload);
      case 'event':
        return this.event(payload as EventPayload);
      case 'letter':
        return this.letter(payload as LetterPayload);
    }
  }

  private get caseId() {
    return this.suggestion.case_id;
  }

  private get sourceId() {
    return this.suggestion.source_id;
  }

  /** The other suggestions of the same import: what the article says about a name (its kind, title). */
  private async sibling<K extends 'organization' | 'person'>(kind: K, name: string): Promise<(K extends 'organization' ? OrganizationPayload : PersonPayload) | undefined> {
    this.siblings ??= await listSuggestionRows(this.tx, this.suggestion.import_id);
    const key = nameKey(name);
    for (const row of this.siblings.filter((candidate) => candidate.kind === kind)) {
      const payload = JSON.parse(row.decided_payload ?? row.payload) as OrganizationPayload & PersonPayload;
      const names = kind === 'organization' ? [payload.name, ...(payload.aliases ?? [])] : [payload.name];
      if (names.some((candidate) => nameKey(candidate) === key)) return payload as never;
    }
    return undefined;
  }

  private async existingOrganization(names: string[]): Promise<string | undefined> {
    for (const name of names) {
      for (const form of new Set([name, name.replace(/^the\s+/i, '')])) {
        const found = await findOrganizationByName(this.tx, form);
        if (found) return found.id;
      }
    }
    return undefined;
  }

  private async organization(payload: OrganizationPayload): Promise<string> {
    const matched = this.suggestion.match_id && this.suggestion.kind === 'organization' ? await findOrganization(this.tx, this.suggestion.match_id) : undefined;
    if (matched) return matched.id;
    const existing = await this.existingOrganization([payload.name, ...payload.aliases]);
    if (existing) return existing;
    const created = await createOrganization(this.services, this.actor, { name: payload.name, kind: payload.kind, parentId: null, aliases: payload.aliases, description: null, website: null });
    return created.id;
  }

  /** An organisation by name: the record's, else made as the article describes it (or of the kind given). */
  private async organizationNamed(name: string, kindIfUnknown: OrganizationKind): Promise<string> {
    const existing = await this.existingOrganization([name]);
    if (existing) return existing;
    const described = await this.sibling('organization', name);
    return this.organization(described ?? { name, kind: kindIfUnknown, aliases: [] });
  }

  private async person(payload: PersonPayload): Promise<string> {
    const matched = this.suggestion.match_id && this.suggestion.kind === 'person' ? await findPerson(this.tx, this.suggestion.match_id) : undefined;
    if (matched) return matched.id;
    const existing = await findPersonByName(this.tx, payload.name);
    if (existing) return existing.id;
    const affiliationId = payload.affiliation ? await this.organizationNamed(payload.affiliation, 'other') : null;
    return (await createPerson(this.services, this.actor, { name: payload.name, title: payload.title, affiliationId })).id;
  }

  /** A quote's speaker: a person the record or the article knows, else an organisation it knows, else a new person. */
  private async speaker(name: string): Promise<{ speakerPersonId: string | null; speakerOrganizationId: string | null }> {
    const person = (await findPersonByName(this.tx, name)) ?? undefined;
    if (person) return { speakerPersonId: person.id, speakerOrganizationId: null };
    const described = await this.sibling('person', name);
    if (described) return { speakerPersonId: await this.person(described), speakerOrganizationId: null };
    const organization = (await this.existingOrganization([name])) ?? ((await this.sibling('organization', name)) ? await this.organizationNamed(name, 'other') : undefined);
    if (organization) return { speakerPersonId: null, speakerOrganizationId: organization };
    return { speakerPersonId: await this.person({ name, title: null, affiliation: null }), speakerOrganizationId: null };
  }

  private async statement(payload: QuotePayload): Promise<{ type: string; id: string }> {
    const speaker = await this.speaker(payload.speaker);
    const created = await createStatement(this.services, this.actor, this.caseId, { quote: payload.text, ...speaker, statedOn: payload.statedOn, sourceId: this.sourceId });
    return { type: 'statement', id: created.id };
  }

  private async company(name: string | null, field: string): Promise<string> {
    if (!name) throw AppError.invalid(field, 'name the company: edit the suggestion');
    return this.organizationNamed(name, 'company');
  }

  private async event(payload: EventPayload): Promise<{ type: string; id: string }> {
    if (payload.type === 'company_action') {
      const companyId = await this.company(payload.actor, 'payload.actor');
      const created = await createCompanyAction(this.services, this.actor, this.caseId, { companyId, description: payload.evidence, occurredOn: payload.date, scope: null, sourceId: this.sourceId });
      return { type: 'company_action', id: created.id };
    }
    if (payload.type === 'response_expected') {
      // A company saying it will answer is a promise, tracked until it falls due.
      const companyId = await this.company(payload.actor, 'payload.actor');
      const created = await createCommitment(this.services, this.actor, this.caseId, { companyId, text: payload.evidence, madeOn: null, dueOn: payload.date, status: 'open', sourceId: this.sourceId });
      return { type: 'commitment', id: created.id };
    }
    if (!payload.date) throw AppError.invalid('payload.date', 'the article does not date this event; edit the suggestion to give its date');
    const parties = [payload.actor, payload.target].filter((name): name is string => Boolean(name)).join(' → ');
    const created = await createEvent(this.services, this.actor, this.caseId, {
      occurredOn: payload.date,
      title: parties ? `${eventTitles[payload.type]}: ${parties}` : eventTitles[payload.type],
      description: payload.evidence,
      sourceId: this.sourceId,
    });
    return { type: 'event', id: created.id };
  }

  private async letter(payload: LetterPayload): Promise<{ type: string; id: string }> {
    if (payload.senders.length === 0) throw AppError.invalid('payload.senders', 'a letter needs at least one signatory: edit the suggestion to name one');
    const recipientId = await this.company(payload.recipient, 'payload.recipient');
    const signatoryIds: string[] = [];
    for (const sender of payload.senders) {
      const id = await this.organizationNamed(sender, 'ngo');
      if (!signatoryIds.includes(id)) signatoryIds.push(id);
    }
    const others = payload.senders.length > 1 || (payload.senderCount ?? 0) > 1 ? ' and others' : '';
    const created = await createLetter(this.services, this.actor, {
      caseId: this.caseId,
      recipientId,
      signatoryIds,
      signatoryCount: payload.senderCount && payload.senderCount > signatoryIds.length ? payload.senderCount : null,
      subject: `Letter from ${payload.senders[0]}${others} to ${payload.recipient}`.slice(0, 500),
      body: '',
      demands: [],
      // The article counts the questions but rarely quotes them: numbered placeholders, to be filled in from the letter.
      questions: Array.from({ length: payload.questionCount ?? 0 }, (_, index) => `Question ${index + 1} (its text is not in the imported article)`),
      sentOn: payload.sent,
      // A deadline as precise as a day; "by October" stays for the editor to make precise.
      responseDeadline: payload.deadline && isCalendarDate(payload.deadline) ? { date: payload.deadline, time: '23:59', timeZone: 'UTC' } : null,
      publishedOn: payload.published,
      followsLetterId: null,
    });
    return { type: 'letter', id: created.id };
  }
}
