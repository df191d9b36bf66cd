/**
 * Events: what happened, when, by whom, to whom, found sentence by sentence from cue phrases.
 *
 * Conventions: one event per (actor, target) pair; a letter's actor is its first-named sender;
 * for `no_response` and `response_received` the actor is the company; a date is given only when
 * the text dates that event (each date in a sentence goes to the nearest cue).
 */
import { addDays, addMonths, byDate, isDateline, type DateMention } from './dates.ts';
import { predictTypes, sentenceFeatures, type EventModel } from './event-model.ts';
import type { EntityMention } from './mentions.ts';
import { listFrom, refine, type LetterParties } from './letters.ts';
import { countWordPattern, parseCount, type TextRange } from './text.ts';
import type { EventType, ExtractedEvent, PartialDate } from './types.ts';

interface Cue {
  type: EventType;
  start: number;
  end: number;
  /** A verb of saying, not a cue of its own: the words count only as a company's. */
  reported?: boolean;
}

const cuePatterns: [EventType, RegExp][] = [
  ['no_response', /\b(?:neither|none)\b(?:\s+of)?(?:\s+the)?(?:\s+[\w-]+){0,2}?\s+(?:(?:has|have|had)\s+(?:yet\s+|so far\s+)?)?(?:responded|replied|answered)\b|\b(?:went|go(?:es)?|remain(?:s|ed)?)\s+unanswered\b|\bneither\s+(?:[^.;]|\.(?=\s+[a-z])){1,60}?\s+nor\s+(?:[^.;]|\.(?=\s+[a-z])){1,40}?\s+(?:has|have|had)\s+(?:yet\s+|so far\s+)?(?:responded|replied|answered)\b|\b(?:(?:did|does|has|have|had)(?:\s+still|\s+yet)?\s+not|didn't|hasn't|haven't|hadn't|never|failed to|yet to)\s+(?:yet\s+)?(?:\w+ly\s+)?(?:respond|reply|answer|responded|replied|answered)\b|\bno\s+(?:substantive\s+)?(?:reply|response|answer)\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?done\s+so\b|\bignored\s+(?:its|their|our|the)\s+(?:letter|questions|request)|\bwithout\s+(?:a|an|any)\s+(?:reply|response|answer|word)\b|\bremain(?:s|ed)?\s+silent\b|\bmissed\s+(?:a|the|its|their|our)\s+(?:\w+\s+)?deadline\b/gi],
  ['response_received', /\breceived\s+(?:(?:written|formal)\s+)?(?:responses|replies|answers)\s+from\b|\b(?:replied|responded|answered|wrote back)\b|['’]s\s+(?:written\s+)?(?:reply|response)\b(?=\s*,?\s+(?:dated|received|sent|of)\b)|\bsent\s+(?:a|an|its|their)\s+(?:written\s+)?(?:reply|response)\b|\b(?:in|with)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:reply|response)\b|\b(?:reply|response),?\s+(?:was\s+)?(?:received|published|sent|dated)\b|\b(?:answer|reply|response)(?:\s+to\s+(?:the|its|their)\s+[\w-]+)?,?\s+(?:dated\s+[^,]{3,25},\s+)?(?:received|came|arrived)\b|\bsent\s+back\b|\bsent\s+(?:written|formal)\s+(?:responses?|replies|answers)\b|\bresponse\s*(?:\||\(\s*received\b)/gi],
  ['response_expected', /\bcommitted\s+to\s+(?:carry(?:ing)?\s+out|set(?:ting)?\s+up|creat(?:e|ing)|hir(?:e|ing))\b|\b(?:would|will|intends? to|plans? to|promised to|pledged to|committed to|expects? to)\s+(?:\w+\s+){0,3}?(?:reply|respond|answer|publish|release|provide|commission|share|disclose|hand over|explain|engage)\b|\b(?:promised|promising|pledged)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:response|reply|answer)\b|\bcommit(?:s|ted)?\s+to\s+(?:publishing|releasing|providing|commissioning|sharing|disclosing|answering|responding)\b/gi],
  ['company_action', /\bannounced\s+(?:(?:on|in|last|this)\s+\w+\s+)?(?:that\s+)?(?:it|the\s+company)\s+(?:would|will|was|is|had)\b|\bsupplied\b(?<!\b(?:been|was|were|is|are)\s+\w+)(?!\s+by\b)|\braised\s+(?:US)?\$[\d.,]+\s*(?:million|billion|m|bn)?\b|\b(?:suspended|disabled|terminated|halted|stopped(?!\s+short)|cut off|blocked|removed|withdrew|cancell?ed|shut down|paused|severed|restored|reinstated|fired|dismissed|laid off|pulled|banned|restricted|reversed|rolled back|acquired|exited|withdrew from)\b|\b(?:agreed|decided|moved)\s+to\s+(?:stop|end|suspend|halt|sell|pause|withdraw|exit|drop|cancel|restrict|limit|remove)\b|\bintroduced\s+(?:a|an|its|new)\s+(?:[\w-]+\s+){0,2}?(?:policy|policies|rules?|safeguards?|feature|tool)\b|\b(?:introduced|rolled out|deployed)\s+(?:its|the)\s+\p{Lu}|\bended\s+(?:its|the|a|their)\s+(?:[\w-]+\s+){0,2}?(?:contract|deal|partnership|agreement|relationship|sales?|pilot|programme|program|project|trial)\b|\b(?:froze|complied|bought|purchased)\b|\bannounced\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){0,2}?(?:change|opening|decision|agreement|deal|closure|launch|move|policy|plan|ban|suspension)\b|\bswitch(?:ed)?\s+off\b|\b(?:discontinued|shuttered|phased\s+out)\b|\b(?:removal|suspension|withdrawal|termination)\s+(?:in\s+\w+\s+)?of\b|(?<!\b(?:been|was|were|is|are)\s+)\bsold\s+(?!out\b|off\b|for\b|to\b|by\b)|\bchanged\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:guidelines|polic(?:y|ies)|rules|terms|filters?|settings)\b|\b(?:began|begun|started)\s+(?:publishing|notifying|requiring|blocking|removing|sharing|selling|suspending|restricting|limiting|deleting|censoring|distributing|offering|using|testing|rolling)\b|\bdecision\s+(?:in\s+\w+\s+)?to\s+(?:hand over|share|sell|suspend|end|block|remove|stop|pull|withdraw|drop|ban)\b|\bupdated\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?polic(?:y|ies)\b|\bcut\s+(?:(?:mobile|internet|network|phone)\s+)?(?:data|access|service|services|connections?|ties)\b|\bsigned\s+(?:a|an)\s+[^.]{0,40}?\b(?:contract|deal|agreement)\b|\bwon\s+(?:a|an|the)\s+(?:[\w$.,-]+\s+){0,3}?(?:contract|tender|deal|bid)\b|(?<!\b(?:been|was|were|is|are|be)\s+)\bsold\b(?!\s+by\b)(?=\s+(?:[\w-]+\s+){1,6}?to\b)|\bending\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:contract|deal|partnership|agreement|relationship|sales?)\b|\bended\s+(?:its|their|the)?\s*talks\b|\bended\s+(?:that|this)\s+(?:[\w-]+\s+)?(?:access|contract|deal|partnership)\b|\bcut\s+\p{Lu}[\w.&-]*\s+off\b|\b(?:disbanded|dissolved)\b|\b(?:was|were|is|are)\s+(?:suspending|ending|halting|stopping|terminating|withdrawing|blocking|removing|cutting)\b|\b(?:will|would)\s+(?:not\s+)?(?:renew|sell|stop|end|suspend|halt|exit|withdraw|divest)\b(?!\s+(?:if|unless)\b)|\bended\s+(?:card\s+)?(?:acceptance|access|payments|support|sales)\b|\b(?:launched|rolled out)\s+(?!(?:[\w-]+\s+){0,3}?(?:campaign|petition|investigation|inquiry|probe|lawsuit|appeal|challenge|legal|action|assault|attack|strike|protest)\b)(?:\p{Lu}|a new\b|new\b)/giu],
  ['company_statement', /\b(?:in|through)\s+(?:an?|its|their|his|her)\s+(?:\w+\s+)?(?:statement|blog post|post|press release|regulatory filing|interview|memo to (?:staff|employees))\b|\bpublished\s+its\s+(?:response|reply)\b|\btold\s+(?:lawmakers|legislators|senators|congress|parliament|investors|shareholders|employees|staff)\b|\bboard\s+(?:has\s+|had\s+)?recommended\b|\bstatement\s+(?:posted|published|issued|released)\b|\bissued\s+a\s+statement\b/gi],
  ['letter_sent', /\bwr(?:ote|itten)(?:\s+\w+ly)?\s+to\b|\bwr(?:ote|itten)\s+(?:in|on|last|this|earlier|late|early)\s+(?:[\w,]+\s+){0,3}?to\b|\bsent(?!\s+back\b)\s+(?:[\w.&'’-]+\s+){0,6}?(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?letter\b|\b(?:sen[dt]s?|delivered|submitted|addressed)\s+(?:(?:open|joint|separate|similar|identical)\s+)?letters\s+to\b|\b(?:signed|co-signed|addressed|delivered|submitted)\s+(?:a|an|the|their|its)\s+(?:open\s+|joint\s+)?letter\s+to\b|\bletters?\s+(?:was\s+|were\s+)?addressed\s+to\b|\breceived\s+(?:a|an|the)\s+(?:open\s+|joint\s+)?letter\s+from\b|\b(?:was|were)\s+(?:sent|addressed|delivered)\b(?<=\bletters?\b[^.]{0,140}?)|\b(?:and|,)\s+addressed\s+to\b(?<=\bletters?\b[^.]{0,80}?)|\bsent\b(?<=\bletters?\s+(?:that\s+|which\s+)?(?:the\s+)?(?:\w+\s+){1,4}sent)|\bsent\b(?=\s+(?:on|in|last|to)\b)(?<=\bletters?\s+(?:that|which)\s+[^.;]{1,160}?sent)|\bsent\s+(?:[\w.&'’-]+\s+){0,3}?[\w.&'’-]+,\s+[^,.]{1,80},\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?letter\b|\b(?:which|that)\s+(?:was|were)\s+(?:sent|delivered|dated)\b(?<=\bletters?,?\s+(?:which|that)\s+\w+\s+\w+)|\b(?:asked|urged|pressed|called on)\b(?<=\bletters?\b(?:(?!\b(?:followed|follows|after|before|when)\b)[^.]){0,140}?\p{Lu}[\w.]*,?\s+(?:asked|urged|pressed|called on))|\b(?:in|through)\s+(?:a|an|their|its)\s+(?:open\s+|joint\s+)?letter\s+(?:sent\s+)?to\b|\bjoint\s+statement\s+(?:\w+\s+)?sent\s+to\b|\bafter\s+sending\s+(?:it|them|the\s+letters?)\b|\b(?:letters?|reminders?|questions|follow-ups?)\s*,?\s+(?:it\s+|they\s+|we\s+)?(?:was\s+|were\s+)?(?:sent|dated|delivered)\b|\bletter\s+of\s+(?=\d)|\bwent\s+out\b(?<=\bletters?\b[^.]{0,60}?)|\binvite[sd]\b(?=\s+(?:[\w.&'’,-]+\s+){1,8}?to\s+(?:respond|reply|comment|answer|explain|say)\b)|\basked\b(?=\s+(?:[\w.&'’,-]+\s+){1,4}?to\s+respond\s+to\b)|\b(?:was|were|has been|have been)\s+invited\s+to\s+respond\b|\bsent\s+(?:\p{Lu}[\w'’.]*\s+){1,4}(?:[\w-]+\s+){0,4}?(?:questions|demands|requests)\b|\bsent\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:request|complaint|notice)\b[^.;]{0,60}?\bto\s+(?=\p{Lu})|\bwrites?\s+to\b|\b(?:sent|put|presented)\s+(?:its|their|our|the)\s+(?:[\w-]+\s+)?(?:findings|allegations|questions|concerns)\s+to\b|\be-?mailed\s+(?!(?:statement|comment|response|reply|answer)s?\b)(?:the\s+)?(?=\w)/giu],
  ['letter_published', /\b(?:published|released|made public|publish|publishing|release|releasing|posted)\s+(?:both\s+)?(?:a|an|the|its|their|our|this)?\s*(?:open\s+|joint\s+|full\s+)?(?:(?:exchange|text)\s+of\s+(?:the\s+)?)?(?:letters?|joint statement|correspondence)\b|\bmade\s+(?:the|its|their|a)\s+(?:open\s+|joint\s+|full\s+)?letters?\s+public\b|\b(?:published|released|made public|posted)\b(?!\s+by\b)(?<=\bletters?\b(?:(?!\b(?:report|study|investigation|analysis|research)\b)[^.]){0,300}?)|\b(?:published|posted|released)\s+(?:it|them)\s+(?:publicly|online)\b|\bmade\s+(?:it|them)\s+public\b|\breleased to the public\b|^open\s+letter\s*\|(?=\s*\d)|\b(?:are|is)\s+(?:now\s+)?(?:available|attached)\b(?<=\bletters?\b[^.]{0,100}?)/gi],
  ['investigation_published', /\bthis\s+(?:report|investigation|study|briefing)\b(?=[^.]{0,80}?\b(?:documents|finds|shows|reveals|exposes|examines)\b)|\b(?:investigation|report|research)\s+(?:published\s+|released\s+)?(?:[\w,]+\s+){0,5}?by\b(?!\s+(?:\d|the end))|\b(?:investigation|report),?\s+(?:published|released)\s+(?:on|in|last|yesterday|today|this|the\s+same|earlier)\b|\bin\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}?(?:report|investigation|study)\s+(?:titled|entitled|called)\b|\b(?:an?|the)\s+(?:new\s+|(?:19|20)\d\d\s+)?(?:analysis|study|audit|survey)\s+(?:published\s+|released\s+)?(?:[\w,]+\s+){0,3}?by\b(?!\s+(?:\d|the end|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b))|\b(?:revealed|reported)\s+(?:in\s+\w+\s+|on\s+\w+\s+|last\s+\w+\s+|(?:the\s+same|that)\s+(?:day|week|month)\s+)?that\b|\bdocumented\b|\bin\s+an?\s+(?:new\s+)?(?:report|investigation|study)\s+(?:published|released)\b|\b(?:first\s+)?(?:revealed|reported|exposed)\s+by\b|\b(?:an?|its)\s+(?:test|study|analysis|audit)\s+(?:published|released)\b|\bpublished\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,3}?(?:report|investigation|study|assessment|analysis|research)\b|\b(?:investigation|report|research|study|assessment|analysis|findings),?\s+(?:published|released)\s+(?:on|in|last)\b|\b(?:a|an|the|its)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\s+(?:report|investigation|study)\b|\b(?:stories|articles|reports|findings)\s+(?:were|was)\s+(?:first\s+)?(?:published|released)\b|\breleased\s+(?:their|its|a|an)\s+(?:own\s+|new\s+)?(?:[\w-]+\s+)?(?:report|investigation|analysis)\b|\b(?:said|says|found|finds)\b[^.;]{0,30}?,?\s+in\s+an?\s+(?:new\s+)?(?:[\w-]+\s+)?(?:investigation|report|study|analysis|briefing)\b/gi],
  ['protest_or_campaign', /\bprotest(?:ed|s|ers)?\b(?!\s+votes?\b)|\brall(?:y|ied|ies)\b|\bdemonstrat(?:ed|ion|ions|ors)\b|\bmarched\b|\bpetition\b|\b(?:called on|urged|demanded|accused|critici[sz]ed|condemned)\b|\bboycott\b|\bsit-ins?\b|\bpublic call\b|\b(?:launched|started|began|stepped up)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,3}?campaign\b|\bwalked out\b|\bwalkout\b|\bwent on strike\b|\bstay-away\b|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?strike\b(?!\s+(?:down|out)\b)/gi],
  ['other', /\b(?:filed|brought|launched|took|taken|taking)\s+(?:a\s+)?(?:lawsuit|suit|legal (?:action|challenge|complaint)|complaint|claim)\b|\b(?:filed|lodged)\s+(?:an?\s+)?(?:urgent\s+)?(?:application|appeal|case)\b|\blawsuit\b|\bsued\b|\bvoted\b|\bhearing\b|\bmet\b|\bultimatum\b|\bor face\b|\b(?:backed|supported|rejected|filed)\s+(?:a|the)\s+(?:shareholder\s+)?(?:resolution|proposal)\b|\bresolution\s+filed\b|\bruled\b|\bimposed\b|\b(?:in|at|during)\s+a\s+meeting\b|\bmeeting\s+with\b|\blicen[cs]e\s+(?:was\s+|had\s+been\s+)?(?:renewed|granted|revoked|suspended)\b|\b(?:renewed|granted|revoked)\s+(?:its|the|a|their)\s+(?:\w+\s+)?licen[cs]e\b|\b(?:fined|summoned|subpoenaed|indicted|appealed|testified)\b|\bappeared\s+before\b|\bplaced\s+(?:him|her|them)\s+under\s+(?:formal\s+)?investigation\b|\b(?:opened|launched|announced)\s+(?:a|an)\s+(?:formal\s+|criminal\s+|official\s+)?(?:investigation|inquiry|probe)\b|\bordered\s+(?:the\s+company|it|[A-Z]\w+)\s+(?:and\s+(?:other|all)\s+\w+\s+)?to\b|\bturned\s+down\b|\bvotes\s+cast\b|\b(?:won|received|garnered)\s+(?:the\s+)?support\s+of\b|\badded\s+(?:[\w.&'’-]+\s+){1,4}?to\s+(?:its|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:list|blacklist|register)\b|\b(?:passed|adopted|approved)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:law|bill|regulation|resolution|motion)\b|\bshareholders\b[^.;]{0,30}?\b(?:rejected|refused|approved|backed|defeated)\b|\b(?:lodged|filed)\b(?<=\b(?:complaints?|lawsuits?|suits?|claims?|petitions?)\b[^.;]{0,40}?)|\b(?:was|were|been)\s+added\s+to\s+(?:the\s+)?[^.;]{0,60}?\b(?:list|blacklist|register)\b/gi],
];

/** A promise, a deadline or a silence is dated only where it is told, never by a sentence's opening date or a heading. */
const datedOnlyInPlace = new Set<EventType>(['response_expected', 'response_deadline', 'no_response']);

/** "We are publishing the letter in full below", "The letter has been published on our website": public as of the article. */
const publishedHere = /\b(?:in\s+full\s+)?(?:below|here)\s*[.:]?$|\b(?:has|have)\s+been\s+(?:published|posted|made\s+public)\b|\balongside\s+this\s+(?:release|statement|post|article|page)\b|\b(?:are|is)\s+publishing\b|\bread\s+the\s+(?:full\s+)?(?:letter|text)\b/i;

const asOfWriting = /\b(?:at|by) the time of (?:writing|publication|going to press)\b|\bas of (?:today|this writing|publication|the (?:date|time) of (?:this|publication|writing)(?: (?:story|article|report))?)\b|\bat press time\b|\bas we (?:go to press|publish)\b/i;

/** "Will Brightwave publish that assessment?": a question tells of no event. */
const question = /\?["”’]?$/;

/** Questions from the reporter are not the record's letters. */
const notAnEvent = /requests? for comment|declined to comment|questions? (?:for|about|from) this (?:article|story|report|piece|publication|newspaper|outlet|site)|(?:our|this publication's) questions/i;
const future = /\b(?:will|would|if|when)\b[^.,;]{0,40}$/i;
const negated = /\b(?:not|never|no|neither|nor|yet to|failed to|stopped short of)\s+(?:[\w.]+\s+){0,3}$/i;

/** "It was made public on Tuesday" right after a sentence about the letter: "it" is the letter. */
const letterPronounPublished = /^(?:it|they)\s+(?:was|were|has been|have been)\s+(?:also\s+)?(?:made public|published|released|posted online)\b/i;
const letterPronounSent = /^(?:it|they)\s+(?:was|were)\s+(?:\w+ly\s+)?(?:sent|delivered|dated|hand-delivered|addressed)\b/i;

function findCues(sentence: TextRange, previous: TextRange | null = null, next: TextRange | null = null): Cue[] {
  if (question.test(sentence.text)) return [];
  const cues: Cue[] = [];
  const pronoun = letterPronounPublished.exec(sentence.text);
  if (pronoun && previous && /\bletters?\b/i.test(previous.text)) {
    cues.push({ type: 'letter_published', start: sentence.start, end: sentence.start + pronoun[0].length });
  }
  // "22 groups on Tuesday asked PayPal to …" followed by "The letter, coordinated by …": the lede tells the sending.
  const lede = next && /^The\s+(?:open\s+|joint\s+)?letter\b/.test(next.text) && !/\bletters?\b/i.test(sentence.text)
    ? /\b(?:asked|urged|called on|pressed|demanded)\b(?<=\b(?:groups|organi[sz]ations|coalition|investors|signatories)\b[^.]{0,80})/.exec(sentence.text) : null;
  if (lede) cues.push({ type: 'letter_sent', start: sentence.start + lede.index, end: sentence.start + lede.index + lede[0].length });
  const sentPronoun = letterPronounSent.exec(sentence.text);
  if (sentPronoun && previous && /\bletters?\b/i.test(previous.text)) {
    cues.push({ type: 'letter_sent', start: sentence.start, end: sentence.start + sentPronoun[0].length });
  }
  for (const [type, pattern] of cuePatterns) {
    pattern.lastIndex = 0;
    for (const match of sentence.text.matchAll(pattern)) {
      const before = sentence.text.slice(0, match.index);
      if (type === 'response_received' && (negated.test(before) || future.test(before) || notAnEvent.test(sentence.text))) continue;
      if (type === 'no_response' && (notAnEvent.test(sentence.text.slice(match.index, match.index + 80)) || /\bif\b[^,.]{0,40}$/i.test(before))) continue;
      // "none of the companies that replied committed to …": the reply is told, not a silence.
      if (type === 'no_response' && /\b(?:that|who|which)\s+(?:\w+\s+)?(?:responded|replied|answered)$/i.test(match[0])) continue;
      // "employees who protested": a clause about someone, not an event of its own.
      if (type === 'protest_or_campaign' && /\b(?:who|that|which)\s+(?:had\s+)?$/i.test(before)) continue;
      // "In an open letter, 60 groups called on X": the letter's demand, not a campaign of its own.
      if (type === 'protest_or_campaign' && /^(?:called on|urged|demanded|accused|critici[sz]ed|condemned)$/i.test(match[0]) && /\bletters?\b|\bwr(?:ote|itten)\b/i.test(`${previous?.text ?? ''} ${sentence.text} ${next?.text ?? ''}`)) continue;
      if (type === 'letter_published' && /\b(?:not|never)\s+(?:yet\s+)?(?:been\s+|be\s+)?$/i.test(before)) continue;
      // "It did not say whether it would answer", "If Corvane will not explain itself": no promise.
      if (type === 'response_expected' && /\b(?:whether|if|unless)\b[^.,;]{0,40}$|\bnot\s+$/i.test(before)) continue;
      if (type === 'company_action' && (negated.test(before) || /\b(?:demand(?:s|ed|ing)?|ask(?:s|ed|ing)|urg(?:es|ed|ing)|call(?:s|ed|ing)\s+(?:for|on))\b[^.]{0,60}$/i.test(before) || /\bif\b[^.,;]{0,40}$/i.test(before))) continue;
      if (type === 'letter_sent' && /\b(?:would|will)\s+(?:\w+\s+)?$/i.test(before)) continue;
      // "a week after the letter was sent": a reference to the sending, told where it happened.
      if (type === 'letter_sent' && /\b(?:after|since|before|when|until)\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){0,2}?(?:letters?\s+)?$/i.test(before)) continue;
      // "Bloomberg reported that", "In April, TIME magazine reported that": a named outlet or group, right before.
      if (type === 'investigation_published' && /^(?:revealed|reported)/i.test(match[0]) && !/(?:^|,\s+|\band\s+)(?:the\s+)?[\p{Lu}+][\p{L}\d&'’.-]*(?:\s+[\p{Lu}+][\p{L}\d&'’.-]*){0,5}(?:\s+(?:magazine|newspaper|news site|outlet|outlets))?\s+$/u.test(before)) continue;
      cues.push({ type, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
    }
  }
  // "Amazon disputed the methodology", "A Meta spokesperson said …": a company's words, when nothing else happens in the sentence.
  const saying = /\b(?:said|says|told|acknowledged|denied|defended|disputed|questioned|argued|insisted|maintained|noted|notes|claimed|stated)\b/.exec(sentence.text);
  if (cues.length === 0 && saying) cues.push({ type: 'company_statement', start: sentence.start + saying.index, end: sentence.start + saying.index + saying[0].length, reported: true });
  // "Telenor announced that it had agreed to sell", "In a statement, Axon said it was halting work": what was said is the event, not the saying.
  const acted = cues.some((cue) => cue.type === 'company_action');
  return cues.filter((cue) => !(acted && cue.type === 'company_statement')).sort((a, b) => a.start - b.start);
}

/** "by 19 June", "until 15 May", "expected by October 10": the deadline date of a sentence, if it has one. */
/** A deadline counted from the sending: "within 30 days", "gave the company a fortnight to reply". */
interface Period {
  days: number;
  months: number;
}

const periodUnits: Record<string, Period> = { day: { days: 1, months: 0 }, week: { days: 7, months: 0 }, fortnight: { days: 14, months: 0 }, month: { days: 0, months: 1 } };

function findDeadline(sentence: TextRange, text: string, dates: DateMention[]): { date: DateMention | null; within: Period | null; at: number } | null {
  const answer = /\b(?:respond|reply|replies|answer|answers|response|responses|meeting|deadline)\b/i.test(sentence.text);
  // "asked both companies to take it down by 28 February", "gives the company until 21 May to commit":
  // a request to act by a date sets a deadline too.
  const request = answer || /\b(?:ask(?:s|ed|ing)?|urg(?:es|ed|ing))\b[^.]{0,60}\bto\s+[a-z]+/i.test(sentence.text);
  // …unless an authority gives it: a government's ultimatum is another kind of event.
  const given = /\b(?:giv(?:es|en|ing)|gave)\b[^.]{0,60}\bto\s+[a-z]+/i.test(sentence.text)
    && !/\b(?:ministry|government|regulator|authority|commission|court|minister|police)\b[^.]{0,40}\b(?:giv(?:es|en|ing)|gave)\b/i.test(sentence.text);
  if (!request && !given) return null;
  for (const date of dates) {
    const before = text.slice(sentence.start, date.start);
    // "…to keep CrowdTangle running until January 2025": without an answer asked for, "until" ends a span.
    if (!answer && !given && /\buntil\s+(?:the\s+)?$/i.test(before)) continue;
    if (!byDate.test(before) && !/\bdeadline\s+(?:passed|expired|fell|was|of)\s+(?:on\s+)?$/i.test(before)) continue;
    if (/\bif\b[^.]{0,40}$/i.test(before)) continue; // "if no answer arrives by …" is a threat, not a deadline
    if (/\b(?:did|does|has|have|had)\s+not\b|n't\b/i.test(before)) continue; // "did not reply by Friday": a silence, not a deadline
    // "By 6 September, Access Now had received responses": what had happened by then, not a deadline.
    if (/^\s*by\s+$/i.test(before) && /^[^.;]{0,60}?\b(?:had|have|has)\s+(?:\w+\s+)?[a-z]+ed\b/i.test(text.slice(date.end, sentence.end))) continue;
    // "Asked about the letter, a spokesperson said the company would reply by 30 April": the nearest verb decides.
    const lastPromise = lastIndexOf(before, /\b(?:would|will|intends? to|plans? to|promised)\b/gi);
    const lastRequest = lastIndexOf(before, /\b(?:asks?|asked|asking|gave|given|expected|request)\b/gi);
    if (lastPromise > lastRequest) continue;
    return { date, within: null, at: date.start };
  }
  const within = new RegExp(`\\b(?:within|(?:gives?|gave|given|giving)\\s+(?:[\\w.&'’-]+\\s+){0,4}?)\\s*(${countWordPattern}|an?)\\s+(day|week|fortnight|month)s?\\b`, 'i').exec(sentence.text);
  if (within && request && /\b(?:asked|asks|asking|gave|gives|giving|given|expected|request|requests|requested)\b/i.test(sentence.text)) {
    const count = /^an?$/i.test(within[1]!) ? 1 : parseCount(within[1]!) ?? 0;
    const unit = periodUnits[within[2]!.toLowerCase()]!;
    return { date: null, within: { days: unit.days * count, months: unit.months * count }, at: sentence.start + within.index };
  }
  return null;
}

function lastIndexOf(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].pop()?.index ?? -1;
}

/**
 * Dates go to cues one to one, nearest pair first, so that a date a cue does not need is left for
 * the next cue ("sent privately on 30 June and made public today").
 */
function assignDates(cues: Cue[], dates: DateMention[], text: string): Map<Cue, PartialDate> {
  const pairs: { cue: Cue; date: DateMention; distance: number }[] = [];
  for (const date of dates) {
    // Only when no cue precedes a "by/until" date may one after it take it.
    const left = cues.map((cue) => ({ cue, distance: endsClauseBefore(cue, date, text) && cues.some((other) => other.end <= date.start) ? Infinity : distanceTo(cue, date, true) }));
    const candidates = left.some((c) => Number.isFinite(c.distance)) ? left : cues.map((cue) => ({ cue, distance: distanceTo(cue, date, false) }));
    for (const { cue, distance } of candidates) if (distance < 160) pairs.push({ cue, date, distance });
  }
  const assigned = new Map<Cue, PartialDate>();
  const used = new Set<DateMention>();
  for (const { cue, date } of pairs.sort((a, b) => a.distance - b.distance)) {
    if (assigned.has(cue) || used.has(date)) continue;
    assigned.set(cue, date.value);
    used.add(date);
  }
  return assigned;
}

function distanceTo(cue: Cue, date: DateMention, attachLeft = true): number {
  // "keep the tool working through at least January 31": the end of a span dates no sending or action.
  if (/^(?:letter_sent|letter_published|company_action)$/.test(cue.type) && /\b(?:through|until|till|at least)\s+$/i.test(date.precededBy ?? '')) return Infinity;
  // "acknowledged the letter on 2 December and said it would respond": a promise's date is the one it names, after it.
  if (cue.type === 'response_expected' && date.end <= cue.start) return Infinity;
  // "would publish a report by 30 September": a date after "by/until" belongs to what comes before it.
  if (attachLeft && date.start < cue.start && byDate.test(date.precededBy ?? '')) return Infinity;
  // A date usually follows its verb ("sent … in September"); one before a cue counts double.
  return date.start >= cue.end ? date.start - cue.end : Math.max(0, cue.start - date.end) * 2;
}

/** "wrote to X on Tuesday and posted the letter on Wednesday": a date that ends a clause before "and" is that clause's. */
function endsClauseBefore(cue: Cue, date: DateMention, text: string): boolean {
  return date.end <= cue.start && /^[\s,]*(?:and|but|then)\s+(?:\w+\s+){0,2}$/i.test(text.slice(date.end, cue.start));
}

interface Context {
  text: string;
  /** The article's date, YYYY-MM-DD. */
  published: string;
  mentions: EntityMention[];
  parties: LetterParties;
  /** The letter whose sentences cover a position, when an article has several. */
  partiesAt?: (at: number) => LetterParties;
  /** The company a bare "the company" or "it" refers to at a position. */
  recentCompany: (at: number) => string | null;
  /** The learned reader that proposes cues the phrases miss (event-model.ts); none, the phrases only. */
  model?: EventModel | null;
}

function companyNear(cue: Cue, sentence: TextRange, context: Context): string | null {
  // A letter's addressee answers for itself whatever its kind ("As of 15 July, AE Industrial Partners had not responded").
  const companies = context.mentions.filter((m) => (m.kind === 'company' || context.parties.recipients.includes(m.name)) && m.start >= sentence.start && m.end <= sentence.end);
  const before = companies.filter((m) => m.end <= cue.start);
  if (before.length > 0) return before[before.length - 1]!.name;
  const people = context.mentions.filter((m) => m.kind === 'person' && m.start >= sentence.start && m.end <= cue.start && m.affiliation);
  const affiliation = people[people.length - 1]?.affiliation;
  if (affiliation && context.mentions.some((m) => m.name === affiliation && m.kind === 'company')) return affiliation;
  if (companies.length > 0) return companies[0]!.name;
  // "The European Data Protection Board announced it will…": "it" is the body just named, not a company.
  const otherOrgBefore = context.mentions.some((m) => m.kind !== 'person' && m.kind !== 'company' && m.start >= sentence.start && m.end <= cue.start);
  if (/\bit\b/i.test(context.text.slice(sentence.start, cue.start)) && otherOrgBefore) return null;
  if (/\b(?:the\s+(?:[\w-]+\s+){0,2}(?:company|firm|vendor|operator|maker|provider)|it|its)\b/i.test(sentence.text)) {
    return context.parties.recipients[0] ?? context.recentCompany(cue.start);
  }
  return null;
}

function orgBefore(cue: Cue, sentence: TextRange, context: Context): string | null {
  const orgs = context.mentions.filter((m) => m.kind !== 'person' && m.start >= sentence.start && m.end <= cue.start);
  return orgs[orgs.length - 1]?.name ?? null;
}

function orgAfter(cue: Cue, sentence: TextRange, context: Context, within = 80): EntityMention | null {
  return context.mentions.find((m) => m.kind !== 'person' && m.start >= cue.end && m.end <= sentence.end && m.start - cue.end <= within) ?? null;
}

/** "met Grab, GoTo, Maxim and inDrive", "protests against Amazon and Google": the organisations listed after a cue. */
function listAfter(cue: Cue, sentence: TextRange, context: Context, within: number): string[] {
  const first = orgAfter(cue, sentence, context, within);
  return first ? listFrom(first, context.mentions.filter((m) => m.kind !== 'person' && m.end <= sentence.end), context.text).map((m) => m.name) : [];
}

function isSelfReference(cue: Cue, context: Context): boolean {
  return cue.type === 'investigation_published' && /^this\b/i.test(context.text.slice(cue.start, cue.end));
}

function evidenceFor(cue: Cue, sentence: TextRange, text: string): { evidence: string; span: [number, number] } {
  // The clause around the cue: from the previous comma or sentence start to the next comma or end.
  const clauseStart = Math.max(sentence.start, text.lastIndexOf(',', cue.start - 1) + 1, cue.start - 100);
  const nextComma = text.indexOf(',', cue.end);
  const clauseEnd = Math.min(sentence.end, nextComma < 0 ? sentence.end : nextComma, cue.end + 100);
  let start = clauseStart;
  while (start < clauseEnd && /\s/.test(text[start] ?? '')) start++;
  return { evidence: text.slice(start, clauseEnd), span: [start, clauseEnd] };
}

/** Who did it and to whom, by the conventions of each type. Several targets give several events. */
function partiesFor(cue: Cue, sentence: TextRange, articleContext: Context): { actor: string | null; targets: (string | null)[]; actors?: string[] } | null {
  const context: Context = articleContext.partiesAt ? { ...articleContext, parties: articleContext.partiesAt(cue.start) } : articleContext;
  const firstSender = context.parties.senders[0] ?? null;
  const sentenceRecipients = context.parties.recipients.filter((name) =>
    context.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end && (m.name === name || m.affiliation === name)));
  const recipients = sentenceRecipients.length > 0 ? sentenceRecipients : context.parties.recipients;
  switch (cue.type) {
    case 'letter_sent':
    case 'letter_published':
    case 'response_deadline': {
      // "We also wrote to the Export Controls Agency": a letter to an authority names it right after the verb.
      const authority = cue.type === 'letter_sent' ? context.mentions.find((m) => m.start >= cue.end && m.start - cue.end <= 8 && m.end <= sentence.end
        && ['government', 'intergovernmental', 'military'].includes(m.kind)) : undefined;
      if (authority) return { actor: firstSender, targets: [authority.name] };
      return { actor: firstSender, targets: recipients.length > 0 ? recipients : [null] };
    }
    case 'no_response':
    case 'response_received': {
      // "Only four companies responded: Ericsson, HPE, …", "Four did not respond at all: X, …": each company listed after the colon.
      const listed = /^[^.:;]{0,20}:/.test(context.text.slice(cue.end, cue.end + 24))
        ? context.mentions.filter((m) => m.kind === 'company' && m.start > cue.end && m.end <= sentence.end) : [];
      if (listed.length > 0) return { actor: null, targets: [firstSender], actors: [...new Set(listed.map((m) => m.name))] };
      // "Access Now had received responses from Yahoo, VK and Kakao": each company listed after "from".
      const from = /\bfrom$/.test(context.text.slice(cue.start, cue.end)) ? listAfter(cue, sentence, context, 4) : [];
      if (from.length > 0) return { actor: null, targets: [orgBefore(cue, sentence, context) ?? firstSender], actors: from };
      // "Neither company has responded", "All three replied", "All 15 companies answered": every company written to.
      const every = cue.type === 'no_response' ? /^(?:neither|none)\b/i.test(context.text.slice(cue.start, cue.end))
        : /\b(?:all|both)(?:\s+(?:of\s+them|[a-z\d]+)){0,2}\s+$/i.test(context.text.slice(sentence.start, cue.start));
      if (every && context.parties.recipients.length > 1) return { actor: null, targets: [firstSender], actors: context.parties.recipients };
      // "Amazon and Google had failed to answer", "Alibaba, Tencent and Yandex had not responded": each company of a coordinated subject.
      const subjects = context.mentions.filter((m) => m.kind === 'company' && m.start >= sentence.start && m.end <= cue.start);
      const subject = subjects.slice(-1);
      for (let i = subjects.length - 2; i >= 0 && /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/.test(context.text.slice(subjects[i]!.end, subject[0]!.start)); i--) subject.unshift(subjects[i]!);
      const coordinated = subject.length >= 2 && /^\s+(?:\w+\s+){0,2}$/.test(context.text.slice(subject[subject.length - 1]!.end, cue.start));
      if (coordinated) return { actor: null, targets: [firstSender], actors: subject.map((m) => m.name) };
      // "The deadline passed without a reply": the silence is the letter's addressee's.
      const addressee = /\b(?:letter|deadline|questions)\b/i.test(sentence.text) && !context.mentions.some((m) => m.kind !== 'person' && m.start >= sentence.start && m.end <= sentence.end)
        ? context.parties.recipients[0] ?? null : null;
      const company = companyNear(cue, sentence, context) ?? addressee;
      return company ? { actor: company, targets: [firstSender] } : null;
    }
    case 'response_expected':
    case 'company_statement': {
      // "In a blog post, the Observatory said": a statement belongs to whoever is nearest, and only a company's counts.
      // "Apple said", "Ben Walters, a spokesperson for Meta, said", "The company has previously said": the company is the speaker.
      if (cue.reported) {
        const before = context.text.slice(Math.max(sentence.start, cue.start - 60), cue.start);
        const speaker = context.mentions.filter((m) => m.kind === 'company' && m.end <= cue.start && m.start >= cue.start - 60 && m.start >= sentence.start).pop();
        const pronoun = /(?:^|[,;]\s+)the (?:company|firm)\s+(?:has\s+|had\s+)?(?:previously\s+|also\s+|later\s+)?$/i.test(before);
        // "Meta said it would publish": a promise, told as one or not at all.
        if (/^\s+(?:that\s+)?(?:it|they)\s+(?:would|will|intend|plan)/.test(context.text.slice(cue.end, cue.end + 30))) return null;
        if (!(speaker && !/["“”;]/.test(context.text.slice(speaker.end, cue.start))) && !pronoun) return null;
      }
      if (cue.type === 'company_statement') {
        // "In a statement to Reuters, X said": the outlet told is not the speaker.
        const nearest = context.mentions.filter((m) => m.kind !== 'person' && m.kind !== 'media' && m.start >= sentence.start && m.end <= sentence.end)
          .sort((a, b) => Math.abs(a.start - cue.start) - Math.abs(b.start - cue.start))[0];
        const companyBefore = context.mentions.some((m) => m.kind === 'company' && m.start >= sentence.start && m.end <= cue.start);
        if (nearest && nearest.kind !== 'company' && !companyBefore && !/\b(?:the company|it)\b/.test(context.text.slice(sentence.start, cue.start))) return null;
      }
      const before = orgBefore(cue, sentence, context);
      const beforeKind = context.mentions.find((m) => m.name === before)?.kind;
      if (cue.type === 'response_expected' && before && beforeKind !== 'company' && !/\b(?:the company|it)\b/.test(context.text.slice(sentence.start, cue.start))) return null;
      // "We will publish the letter", "The group said it would share any reply": a promise by the writers, not by the company.
      if (cue.type === 'response_expected' && /\b(?:we|they|i|you)\s+(?:\w+\s+)?$/i.test(context.text.slice(sentence.start, cue.start))) return null;
      if (cue.type === 'response_expected' && /^the\s+(?:[\w-]+\s+)?(?:group|groups|coalition|organi[sz]ations?|union|network|campaigners|signatories|investors)\b/i.test(context.text.slice(sentence.start, cue.start))) return null;
      const company = companyNear(cue, sentence, context);
      return company ? { actor: company, targets: [null] } : null;
    }
    case 'company_action': {
      const company = companyNear(cue, sentence, context);
      if (!company) return null;
      const target = orgAfter(cue, sentence, context, 40);
      return { actor: company, targets: [target && target.name !== company ? target.name : null] };
    }
    case 'investigation_published': {
      const by = /\bby\s*$/.test(context.text.slice(cue.start, cue.end)) ? orgAfter(cue, sentence, context, 30)?.name ?? null : null;
      // "This report documents …": the article is the report, and its publisher the first group it names.
      const publisher = isSelfReference(cue, context) ? context.mentions.find((m) => m.kind === 'ngo' || m.kind === 'media')?.name ?? null : null;
      // "In a 60-page report titled …, Amnesty said": the writer follows the phrase.
      const after = /^in\b/i.test(context.text.slice(cue.start, cue.end)) ? orgAfter(cue, sentence, context, 80)?.name ?? null : null;
      const actor = by ?? orgBefore(cue, sentence, context) ?? after ?? publisher;
      if (!actor) return null;
      // "an analysis of the ad transparency offered by Facebook, Google and Twitter": each company it looked at.
      const companies = context.mentions.filter((m) => m.kind === 'company' && m.end <= sentence.end);
      const first = companies.find((m) => m.start >= cue.end);
      const targets = first ? listFrom(first, companies, context.text).map((m) => m.name) : [recipients[0] ?? null];
      return { actor, targets };
    }
    case 'protest_or_campaign': {
      const organiser = /organi[sz]ed by/.test(sentence.text) ? orgAfter({ ...cue, end: sentence.start + sentence.text.search(/organi[sz]ed by/) }, sentence, context, 60)?.name ?? null : null;
      const actor = organiser ?? orgBefore(cue, sentence, context);
      // "UHRP criticised Amazon": a public demand is a campaign only when a group makes it.
      const demand = /^(?:urged|demanded|accused|critici[sz]ed|condemned)$/i.test(context.text.slice(cue.start, cue.end));
      if (demand && !context.mentions.some((m) => m.name === actor && ['ngo', 'union', 'investor', 'other'].includes(m.kind))) return null;
      const targets = listAfter(cue, sentence, context, 120);
      return { actor, targets: targets.length > 0 ? targets : [null] };
    }
    case 'other': {
      const actor = orgBefore(cue, sentence, context) ?? firstSender;
      // "met Grab, GoTo, Maxim and inDrive", "a complaint against Alphabet, Dell and Tesla": one event with each.
      const targets = listAfter(cue, sentence, context, 60);
      return { actor: actor !== null && targets.includes(actor) ? firstSender : actor, targets: targets.length > 0 ? targets : [recipients[0] ?? null] };
    }
  }
}

/**
 * In a sentence the phrases have no opinion on, the types the model is sure of, each as a cue at its most
 * telling word. Where a phrase matched, whether its cue was kept or turned down ("stopped short of
 * suspending", a question, a request for comment), the phrases have read the sentence.
 */
function learnedCues(sentence: TextRange, found: Cue[], dates: DateMention[], context: Context): Cue[] {
  if (!context.model || found.length > 0 || question.test(sentence.text) || notAnEvent.test(sentence.text)) return [];
  if (cuePatterns.some(([, pattern]) => sentence.text.search(pattern) >= 0)) return [];
  return predictTypes(context.model, sentenceFeatures(sentence, context.mentions, dates))
    .map(({ type, token }) => ({ type, start: token.start, end: token.end }));
}

export function findEvents(
  sentences: TextRange[], dates: DateMention[], context: Context,
): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  let previous: TextRange | null = null;
  // A timeline's entry opens with its date alone ("7 May. Instagram started restricting …"): it dates the paragraph.
  let headingDate: PartialDate | null = null;
  for (const [index, sentence] of sentences.entries()) {
    // The dateline's date ("LONDON, June 17 (Wire) -") is the report's, never an event's.
    const sentenceDates = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end && !isDateline(context.text, d));
    if (previous && context.text.slice(previous.end, sentence.start).includes('\n')) headingDate = null;
    const heading = sentenceDates.length === 1 && sentence.text.replace(/[.:]$/, '').trim() === sentenceDates[0]!.text;
    if (heading) { headingDate = sentenceDates[0]!.value; previous = sentence; continue; }
    const cues = findCues(sentence, previous, sentences[index + 1] ?? null);
    cues.push(...learnedCues(sentence, cues, dates, context));
    previous = sentence;
    const deadline = findDeadline(sentence, context.text, sentenceDates);
    const deadlineDate = deadline?.date ?? null;
    const otherDates = sentenceDates.filter((d) => d !== deadlineDate);
    // "the groups said on Wednesday that Amazon had missed a deadline": the day of the saying dates the silence.
    const sayingDates = otherDates.filter((d) => /\b(?:said|says|told|announced|confirmed)\s+(?:on\s+)?$/i.test(d.precededBy ?? ''));
    // "X said on Wednesday it had written to Y on 15 May": the dates of the events go first; the day of
    // the saying dates only what the sentence leaves otherwise undated.
    const dated = assignDates(cues, otherDates.filter((d) => !sayingDates.includes(d)), context.text);
    const undated = cues.filter((cue) => !dated.has(cue));
    for (const [cue, value] of assignDates(undated, sayingDates, context.text)) dated.set(cue, value);
    // "Oslo, 12 June — Today the Forum, together with …, wrote to X": a date opening the sentence dates its first event.
    const opening = otherDates.filter((d) => d.start - sentence.start < 40 && !/[a-z]{3,}\s+[a-z]{3,}/.test(context.text.slice(sentence.start, d.start))).pop();
    // "The open letter, addressed to X and published on Wednesday": an open letter goes out the day it is published.
    const published = cues.find((cue) => cue.type === 'letter_published' && dated.has(cue));
    // …and so does one "sent and made public on Wednesday".
    for (const cue of cues) if (cue.type === 'letter_sent' && !dated.has(cue) && published && /\bopen letter\b|\bsent\s+and\s+(?:made public|published|released)\b/i.test(sentence.text)) dated.set(cue, dated.get(published)!);
    const firstCue = [...cues].sort((a, b) => a.start - b.start).find((cue) => !datedOnlyInPlace.has(cue.type));
    if (opening && firstCue && !dated.has(firstCue) && ![...dated.values()].includes(opening.value) && firstCue.start > opening.end) dated.set(firstCue, opening.value);
    // "sent X an open letter and published it online", "sent and published": published the day it was sent.
    const sentCue = cues.find((cue) => cue.type === 'letter_sent' && dated.has(cue));
    for (const cue of cues) if (cue.type === 'letter_published' && !dated.has(cue) && sentCue && /\band\s+(?:also\s+)?(?:published|posted|released|made)\s+(?:it|them)\b|\bsent\s+and\s+(?:published|posted|released|made\s+public)\b/i.test(sentence.text)) dated.set(cue, dated.get(sentCue)!);
    // "We also wrote to the agency on the same day": the day of the event told just before.
    const sameDay = /\b(?:on\s+)?the\s+same\s+day\b|\bthe\s+day\s+(?:it|they)\s+(?:was|were)\s+(?:sent|delivered)\b/i.test(sentence.text);
    // "The following day he sent similar letters": the day after the event told just before.
    const nextDay = /\b(?:the\s+(?:following|next)\s+day|a\s+day\s+later)\b/i.test(sentence.text);
    // "In letters sent that month": the month of the date told just before.
    const thatPeriod = /\b(?:that|the same)\s+(month|year)\b/i.exec(sentence.text)?.[1]?.toLowerCase();
    const toldBefore = [...dates].reverse().find((d) => d.end <= sentence.start && !isDateline(context.text, d))?.value ?? null;
    const periodBefore = thatPeriod && toldBefore ? toldBefore.slice(0, thatPeriod === 'month' ? 7 : 4) : null;
    const dayBefore = (cue: Cue) => {
      const earlier = [...events].reverse().filter((e) => e.date !== null);
      return (earlier.find((e) => e.type === cue.type) ?? earlier.find((e) => e.type === 'letter_sent') ?? earlier[0])?.date ?? null;
    };
    for (const cue of cues) {
      // "The letter … is available on our website": public as of the article's own date.
      // "At the time of writing it had not replied": silent as of the article's own date.
      const availableNow = (cue.type === 'letter_published' && (/\b(?:available|attached)\b/i.test(context.text.slice(cue.start, cue.end)) || publishedHere.test(sentence.text))) || isSelfReference(cue, context)
        || (cue.type === 'no_response' && asOfWriting.test(sentence.text)) ? context.published : null;
      const assigned = dated.get(cue);
      const fromHeading = headingDate !== null && !datedOnlyInPlace.has(cue.type) ? headingDate : null;
      const told = sameDay ? dayBefore(cue) : nextDay ? dayAfter(dayBefore(cue)) : null;
      pushEvents(events, cue, assigned ?? told ?? availableNow ?? fromHeading ?? periodBefore, sentence, context);
    }
    if (deadline) {
      const cue: Cue = { type: 'response_deadline', start: deadline.at, end: deadline.at + 1 };
      // "within 30 days" counts from the letter's sending date, when the text gives one.
      const date = deadlineDate?.value ?? (deadline.within !== null ? afterSending(firstSendingDate(events), deadline.within) : null);
      pushEvents(events, { ...cue, start: Math.max(sentence.start, deadline.at - 60) }, date, sentence, context);
    }
  }
  return mergeEvents(events);
}

/** The day after a full date; nothing for a month or a year. */
function dayAfter(date: PartialDate | null): PartialDate | null {
  return date && date.length === 10 ? addDays(date, 1) : null;
}

/** The day the letter told so far went out, as precisely as the text gives it. */
function firstSendingDate(events: ExtractedEvent[]): PartialDate | null {
  const days = events.filter((e) => e.type === 'letter_sent' && e.date !== null).map((e) => e.date!);
  return days[0] ? refine(days[0], days) : null;
}

function afterSending(sent: PartialDate | null, period: Period): PartialDate | null {
  const shifted = sent ? addMonths(sent, period.months) : null;
  return shifted ? addDays(shifted, period.days) : null;
}

function pushEvents(into: ExtractedEvent[], cue: Cue, date: PartialDate | null, sentence: TextRange, context: Context): void {
  const parties = partiesFor(cue, sentence, context);
  if (!parties) return;
  const { evidence, span } = evidenceFor(cue, sentence, context.text);
  for (const actor of parties.actors ?? [parties.actor]) {
    for (const target of parties.targets) into.push({ type: cue.type, date, actor, target, evidence, span });
  }
}

/** The same event told twice (headline and body, two cues in a sentence) is one event. */
function mergeEvents(events: ExtractedEvent[]): ExtractedEvent[] {
  const merged: ExtractedEvent[] = [];
  const compatible = (a: string | null, b: string | null) => a === null || b === null || a === b;
  // "last autumn" (2025) and "on 14 October 2025": one date told twice, more precisely the second time.
  const sameDate = (a: string | null, b: string | null) => a === null || b === null || a.startsWith(b) || b.startsWith(a);
  for (const event of events) {
    const same = merged.find((m) => m.type === event.type && compatible(m.actor, event.actor)
      && compatible(m.target, event.target) && sameDate(m.date, event.date));
    if (!same) { merged.push({ ...event }); continue; }
    if ((same.date?.length ?? 0) < (event.date?.length ?? 0)) { same.date = event.date; same.evidence = event.evidence; same.span = event.span; }
    same.actor ??= event.actor;
    same.target ??= event.target;
  }
  return merged;
}
