import type { OutboundEmailsTable } from '../../db/schema.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { getCommitment } from '../commitments/commitments.service.ts';
import { loadLetters } from '../letters/letters.repository.ts';
import { loadExtensions } from '../letters/extensions.service.ts';
import { mintInvitationLink } from '../portal/invitations.service.ts';
import { systemActor } from '../users/actor.ts';
import { mailOf } from './mailer.ts';
import type { RenderedEmail } from './outbound-mail.ts';

/**
 * The text of each kind of message, rendered at delivery from the ids in its payload (so the queue
 * holds no secrets and no copies of the record). Plain text: it reads on any device.
 */
export async function renderEmail(ctx: ServiceContext, email: OutboundEmailsTable): Promise<RenderedEmail | null> {
  const payload = JSON.parse(email.payload) as Record<string, string | number>;
  const portal = `${mailOf(ctx).publicUrl}/portal`;
  const letterOf = async (letterId: unknown) => (await loadLetters(ctx.db, { ids: [String(letterId)] }))[0];
  const questions = (letter: { questions: { number: number; text: string }[] }) => letter.questions.map((q) => `${q.number}. ${q.text}`).join('\n');
  const deadlineText = (at: string | undefined) => (at ? `${new Date(at).toUTCString()}` : 'no deadline was given');
  switch (email.kind) {
    case 'invitation':
    case 'letter-sent': {
      const letter = await letterOf(payload.letterId);
      if (!letter) return null;
      let access = `Read the letter and answer each question through the secure portal:\n${portal}/letters/${letter.id}`;
      if (email.kind === 'invitation') {
        const link = await mintInvitationLink(ctx, String(payload.invitationId));
        if (!link) return null;
        access = `Answer through the secure portal. This link creates your account for ${letter.recipient.name}; it works once and until ${new Date(link.expiresAt).toUTCString()}:\n${link.url}`;
      }
      return {
        subject: letter.subject,
        text: [
          `${letter.signatories.map((s) => s.name).join(', ')} have written to ${letter.recipient.name}.`,
          '',
          letter.body,
          '',
          letter.demands.length ? `Demands:\n${letter.demands.map((demand) => `- ${demand}`).join('\n')}\n` : '',
          letter.questions.length ? `Questions:\n${questions(letter)}\n` : '',
          `Answers are due: ${deadlineText(letter.responseDeadline?.at)}${letter.responseDeadline ? ` (${letter.responseDeadline.date}, ${letter.responseDeadline.timeZone})` : ''}.`,
          '',
          access,
        ].join('\n'),
      };
    }
    case 'reminder': {
      const letter = await letterOf(payload.letterId);
      if (!letter) return null;
      return {
        subject: `Reminder: answers due in ${payload.days} day${payload.days === 1 ? '' : 's'}: ${letter.subject}`,
        text: `This is a reminder that answers to the letter "${letter.subject}" from ${letter.signatories.map((s) => s.name).join(', ')} are due ${deadlineText(String(payload.deadlineAt))}.\n\nAnswer, or ask for more time, through the portal:\n${portal}/letters/${letter.id}\n`,
      };
    }
    case 'overdue': {
      const letter = await letterOf(payload.letterId);
      if (!letter) return null;
      return {
        subject: `Overdue: ${letter.recipient.name} has not answered: ${letter.subject}`,
        text: `The deadline of ${deadlineText(String(payload.deadlineAt))} has passed and ${letter.recipient.name} has not responded.\n\nThe letter: ${mailOf(ctx).publicUrl}/letters/${letter.id}\n`,
      };
    }
    case 'commitment-due': {
      const commitment = await getCommitment(ctx, systemActor('mail'), String(payload.commitmentId)).catch(() => undefined);
      if (!commitment) return null;
      return {
        subject: 'A promise has fallen due: was it kept?',
        text: `This promise fell due on ${commitment.dueOn}:\n\n  ${commitment.text}\n\nMark it kept or broken, with the evidence: ${mailOf(ctx).publicUrl}/follow-ups\n`,
      };
    }
    case 'receipt': {
      const response = await ctx.db.selectFrom('responses').selectAll().where('id', '=', String(payload.responseId)).executeTakeFirst();
      const letter = response && (await letterOf(response.letter_id));
      if (!response || !letter) return null;
      return {
        subject: `Receipt: response to "${letter.subject}"`,
        text: [
          `A response to the letter "${letter.subject}" was submitted by ${response.submitted_by_name} for ${letter.recipient.name}.`,
          '',
          `Response: ${response.id}`,
          `Submitted at: ${response.submitted_at}`,
          `SHA-256 of the response as stored: ${response.sha256}`,
          response.supersedes_id ? `It corrects (supersedes) response ${response.supersedes_id}.` : '',
          '',
          'Keep this receipt: the SHA-256 lets anyone check later that the stored response is the one submitted.',
        ].join('\n'),
      };
    }
    case 'extension-requested':
    case 'extension-decided': {
      const extension = (await ctx.db.selectFrom('deadline_extensions').select('letter_id').where('id', '=', String(payload.extensionId)).executeTakeFirst());
      const letter = extension && (await letterOf(extension.letter_id));
      const [detail] = letter ? (await loadExtensions(ctx.db, [letter.id])).filter((candidate) => candidate.id === payload.extensionId) : [];
      if (!letter || !detail) return null;
      if (email.kind === 'extension-requested') {
        return {
          subject: `${letter.recipient.name} asks for more time: ${letter.subject}`,
          text: `${detail.requestedBy} asks to extend the deadline to ${deadlineText(detail.requestedDeadlineAt)}.\n\nReason: ${detail.reason}\n\nDecide: ${mailOf(ctx).publicUrl}/letters/${letter.id}\n`,
        };
      }
      return {
        subject: `Extension ${detail.status}: ${letter.subject}`,
        text: `Your request for more time was ${detail.status}.${detail.grantedDeadlineAt ? ` The new deadline is ${deadlineText(detail.grantedDeadlineAt)}.` : ''}${detail.decisionNote ? `\n\n${detail.decisionNote}` : ''}\n\n${portal}/letters/${letter.id}\n`,
      };
    }
    default:
      throw new Error(`No message text for emails of kind ${email.kind}`);
  }
}
