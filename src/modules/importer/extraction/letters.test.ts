/**
 * Sentence-level letter logic: who wrote (the subject of a writing verb, a list after "signed by" or
 * "signatories include", a group referred back to as "the union"), to whom, and the dated events
 * around it. Every text here is invented for the test and phrased unlike the gold articles.
 */
import { describe, expect, it } from 'vitest';
import { findDateMentions } from './dates.ts';
import { extractArticle } from './extract-article.ts';

const published = '2026-06-12'; // a Friday

function extract(text: string) {
  return extractArticle(text, { published });
}

function letterOf(text: string) {
  const { letters } = extract(text);
  return letters.map(({ senders, senderCount, recipient, questionCount, deadline, sent, published: made }) =>
    ({ senders, senderCount, recipient, questionCount, deadline, sent, published: made }));
}

function eventsOf(text: string): string[] {
  return extract(text).events.map((e) => `${e.type} ${e.date ?? 'null'} ${e.actor ?? '-'} > ${e.target ?? '-'}`);
}

describe('letter senders', () => {
  it('takes the subject of a writing verb in a sentence about a letter', () => {
    const [letter] = letterOf('In a letter dated 4 May, Fair Tech Watch urged Quorra Ltd to publish its audit.');
    expect(letter).toMatchObject({ senders: ['Fair Tech Watch'], recipient: 'Quorra Ltd', sent: '2026-05-04' });
  });

  it('looks past a participle without a subject to the main verb', () => {
    const [letter] = letterOf('In a letter to its chief executive sent on 1 June, the Riders Union and Open Streets Network asked Ryde Inc. to respond within 14 days.');
    expect(letter).toMatchObject({ senders: ['Riders Union', 'Open Streets Network'], recipient: 'Ryde Inc.', sent: '2026-06-01', deadline: '2026-06-15' });
  });

  it('reads the signatories after "signatories include" and the addressee after "addressed to"', () => {
    const [letter] = letterOf('The open letter, whose signatories include the Digital Justice Project, Data Rights Alliance and Freedom Online, was addressed to Helix Robotics. It was made public on Tuesday.');
    expect(letter).toMatchObject({
      senders: ['Digital Justice Project', 'Data Rights Alliance', 'Freedom Online'], recipient: 'Helix Robotics', published: '2026-06-09',
    });
  });

  it('resolves "the union" to the union named before', () => {
    const text = 'The Dock Workers Union (DWU) held a rally on 2 May.\n\nOn 16 May, the union and the campaign group Fair Ports wrote to Harbourline Logistics asking three questions.';
    const [letter] = letterOf(text);
    expect(letter).toMatchObject({ senders: ['Dock Workers Union', 'Fair Ports'], recipient: 'Harbourline Logistics', questionCount: 3, sent: '2026-05-16' });
  });

  it('does not take a name after a preposition for the subject', () => {
    const [letter] = letterOf('According to a letter seen by The Guardian, the Migrant Rights Network asked Borderline Tech in May to disclose its contracts.');
    expect(letter?.senders).toEqual(['Migrant Rights Network']);
  });

  it('reads "we" in a group\'s own release as the group', () => {
    const [letter] = letterOf('The Open Records Network publishes its correspondence.\n\nWe wrote to Safiri Mobility on 14 April with six questions.');
    expect(letter).toMatchObject({ senders: ['Open Records Network'], recipient: 'Safiri Mobility', questionCount: 6 });
  });

  it('counts signatories written in words, and never a year as a count; "today" is the dateline\'s day', () => {
    const [letter] = letterOf('Nairobi, 9 June 2026 - Seventeen civil society organisations, including Haki Kwa Wote and the Digital Access Coalition, today sent an open letter to Fennec Telecom.');
    expect(letter).toMatchObject({ senders: ['Haki Kwa Wote', 'Digital Access Coalition'], senderCount: 17, recipient: 'Fennec Telecom', sent: '2026-06-09' });
  });
});

describe('letter recipients', () => {
  it('takes the companies a plural description lists', () => {
    const letters = letterOf('In letters sent on 2 June, nine groups asked three companies, Appvault Inc., Storely Ltd and Mobix Corp, to remove the app.');
    expect(letters.map((l) => l.recipient)).toEqual(['Appvault Inc.', 'Storely Ltd', 'Mobix Corp']);
  });

  it('takes the receiver of "received a letter from"', () => {
    const [letter] = letterOf('Orion Energy received a letter from the Climate Rights Network on 10 May. The company replied on 24 May.');
    expect(letter).toMatchObject({ senders: ['Climate Rights Network'], recipient: 'Orion Energy', sent: '2026-05-10' });
  });

  it('sends letters to each company of "sent letters to A, B and C"', () => {
    const letters = letterOf('Fairplay Kids and the Youth Online Project today sent letters to Meta, TikTok and Snap Inc. asking them to stop.');
    expect(letters.map((l) => [l.recipient, l.sent, l.senders.join('+')])).toEqual([
      ['Meta', '2026-06-12', 'Fairplay Kids+Youth Online Project'],
      ['TikTok', '2026-06-12', 'Fairplay Kids+Youth Online Project'],
      ['Snap Inc.', '2026-06-12', 'Fairplay Kids+Youth Online Project'],
    ]);
  });
});

describe('letter events', () => {
  it('dates an event by its own date rather than the day it was told', () => {
    expect(eventsOf('Sentinel Rights said on Wednesday it had written to Arclight Systems on 15 May.'))
      .toContain('letter_sent 2026-05-15 Sentinel Rights > Arclight Systems');
  });

  it('finds replies, silences and publication in other words', () => {
    expect(eventsOf('The Privacy Collective wrote to Quorra Ltd in April. Quorra wrote back on 3 May.'))
      .toContain('response_received 2026-05-03 Quorra Ltd > Privacy Collective');
    expect(eventsOf('Tech Accountability Project wrote to Vexa Ltd on 1 April. The deadline of 1 May passed without a reply.'))
      .toContain('no_response null Vexa Ltd > Tech Accountability Project');
    expect(eventsOf('The letter, signed by Digital Rights Kenya, gives Acme Corp two weeks to reply. The groups made the letter public on Thursday.'))
      .toContain('letter_published 2026-06-11 Digital Rights Kenya > Acme Corp');
  });

  it('gives "neither company has responded" to every company written to', () => {
    const events = eventsOf('Amnesty International wrote to Meta and Google on 20 May. Neither company has responded.');
    expect(events).toEqual(expect.arrayContaining(['no_response null Meta > Amnesty International', 'no_response null Google > Amnesty International']));
  });

  it('does not give a statement to a company when a group made it', () => {
    const events = eventsOf('In a blog post on Monday, the Surveillance Observatory said it had written to Halberd Defense on 2 May.');
    expect(events.some((e) => e.startsWith('company_statement'))).toBe(false);
  });
});

describe('names and dates around letters', () => {
  it('keeps a number that belongs to a name and drops an honorific', () => {
    const result = extract('More than 60 groups, among them Amnesty International and Article 19, signed the letter. "This must stop," said Dr. Anita Rao, a researcher.');
    expect(result.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Amnesty International', 'Article 19']));
    expect(result.organizations.map((o) => o.name)).not.toContain('Dr. Anita Rao');
    expect(result.people.map((p) => p.name)).toContain('Anita Rao');
  });

  it('splits "Center for X and Y Action" into two names, and keeps an opening adjective the text repeats', () => {
    const names = extract('The Center for Youth Online and ParentsTogether Action wrote to Snap Inc. on 2 June.\n\nFair Code Watch said it backed the letter. Members of the Fair Code Watch board agreed.').organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Center for Youth Online', 'ParentsTogether Action', 'Fair Code Watch']));
  });

  it('reads "On Monday," with its comma as a day', () => {
    expect(findDateMentions('On Monday, the group published the letter.', published).map((m) => [m.text, m.value])).toEqual([['On Monday', '2026-06-08']]);
  });
});

describe('letter mentions grouped into letters', () => {
  it('keeps two letters from different writers to different companies apart, each with its own date', () => {
    const text = 'Roundup for the week.\n\nOn 3 March, the Open Streets Network wrote to Ryde Inc. asking about its location data.\n\nThe Digital Justice Project sent Quorra Ltd nine questions on 11 March about its hiring software. The letter asks for answers by 25 March.';
    const letters = letterOf(text);
    expect(letters).toHaveLength(2);
    expect(letters[0]).toMatchObject({ senders: ['Open Streets Network'], recipient: 'Ryde Inc.', sent: '2026-03-03', questionCount: null });
    expect(letters[1]).toMatchObject({ senders: ['Digital Justice Project'], recipient: 'Quorra Ltd', sent: '2026-03-11', questionCount: 9, deadline: '2026-03-25' });
  });

  it('links "the letter" after a mention to that letter, so one coalition writing to two companies is one group', () => {
    const text = 'The Riders Union and Data Rights Alliance wrote to Ryde Inc. and Zoomcart Ltd on 2 May. The letter, signed by 12 groups, asks both companies to publish their audits.';
    const letters = letterOf(text);
    expect(letters.map((l) => l.recipient)).toEqual(['Ryde Inc.', 'Zoomcart Ltd']);
    for (const letter of letters) expect(letter).toMatchObject({ senders: ['Riders Union', 'Data Rights Alliance'], senderCount: 12, sent: '2026-05-02' });
  });

  it('reads the writer from a possessive ("the group\'s letter") and the company named before it as the addressee', () => {
    const text = 'Helix Robotics told the Digital Justice Project that it would publish its audit, weeks after the group\'s letter of 14 April.';
    const [letter] = letterOf(text);
    expect(letter).toMatchObject({ senders: ['Digital Justice Project'], recipient: 'Helix Robotics', sent: '2026-04-14' });
  });
});

describe('signatories in other shapes', () => {
  it('reads a signatory list set out one per line after "signed by:"', () => {
    const text = 'The Tenant Data Project today wrote to Nestwise Inc. with four questions.\n\nThe letter was co-signed by:\n\n- Tenant Data Project\n- Renters Solidarity Federation\n* Open Housing Observatory\n• Civic Code Lab\n\nNestwise did not comment.';
    const [letter] = letterOf(text);
    expect(letter).toMatchObject({
      senders: ['Tenant Data Project', 'Renters Solidarity Federation', 'Open Housing Observatory', 'Civic Code Lab'], senderCount: 4, recipient: 'Nestwise Inc.',
    });
    expect(extract(text).organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Open Housing Observatory', 'Civic Code Lab']));
  });

  it('never counts fewer signatories than it names', () => {
    const [letter] = letterOf('The Riders Union, together with one union and two partner groups, wrote to Ryde Inc. The letter is signed by the Riders Union, Couriers Federation, Data Rights Alliance and Open Streets Network.');
    expect(letter?.senderCount).toBe(4);
  });

  it('adds the groups a writer wrote "together with"', () => {
    const [letter] = letterOf('On 3 May the Privacy Commons wrote to Quorra Ltd together with the Parents Online Forum and Safe Homes Network.');
    expect(letter?.senders).toEqual(['Privacy Commons', 'Parents Online Forum', 'Safe Homes Network']);
  });

  it('reads "led by … and including …" in a sentence that says they wrote', () => {
    const [letter] = letterOf('The groups, led by the Migrant Tech Forum and including Border Watch Europe, wrote to Tracelink Corp on 1 June.');
    expect(letter?.senders).toEqual(['Migrant Tech Forum', 'Border Watch Europe']);
  });

  it('reads a letter\'s authors and a sender after a dated "sent … by"', () => {
    expect(letterOf('A letter was sent to Quorra Ltd last week. Its authors, the Data Rights Alliance and Fair Code Watch, want answers.')[0]?.senders)
      .toEqual(['Data Rights Alliance', 'Fair Code Watch']);
    const [letter] = letterOf('A letter sent on 2 May by the Riders Union, the Open Streets Network and six other groups asked Ryde Inc. five questions.');
    expect(letter).toMatchObject({ senders: ['Riders Union', 'Open Streets Network'], senderCount: 8 });
  });

  it('takes the count of "the groups" from the sentence that introduced them', () => {
    const text = 'A coalition of twelve press freedom groups accused Parlo Inc. of exposing reporters.\n\nThe coalition, led by Free Media Forum, wrote to Parlo Inc. on 2 June and asked for a reply by 20 June.';
    expect(letterOf(text)[0]).toMatchObject({ senders: ['Free Media Forum'], senderCount: 12 });
  });

  it('starts a new letter at "the second letter" sent to another company', () => {
    const text = 'Two letters went out this week.\n\nThe first letter, sent on Monday to Parlo Inc., comes from the Free Media Forum. It asks three questions.\n\nThe second letter was sent on 2 June to Mireva Health, a chatbot maker. Its authors, Fair Code Watch and the Data Rights Alliance, asked Mireva four questions.';
    const letters = letterOf(text);
    expect(letters.map((l) => [l.recipient, l.senders.join('+'), l.questionCount])).toEqual([
      ['Parlo Inc.', 'Free Media Forum', 3], ['Mireva Health', 'Fair Code Watch+Data Rights Alliance', 4],
    ]);
  });
});

describe('names in letter sentences', () => {
  it('splits two companies joined by "and" when the second closes with a legal form, and writes to each', () => {
    const letters = letterOf('Nine groups asked two hosting firms, Harbour Data Services and Pinecrest Cloud Ltd, about a border database. In letters sent on 2 June to the heads of both companies, the groups, led by Open Borders Lab, asked five questions.');
    expect(letters.map((l) => l.recipient)).toEqual(['Harbour Data Services', 'Pinecrest Cloud Ltd']);
  });

  it('reads a German association\'s legal form, "who include" after the investors, and "sent on Aug. 3 by"', () => {
    expect(extract('Netzrechte e.V. and Fair Code Watch wrote to Velora AG on 2 June.').organizations.map((o) => `${o.name} ${o.kind}`))
      .toEqual(expect.arrayContaining(['Netzrechte e.V. ngo']));
    expect(letterOf('Forty investors led by the Green Ledger Trust wrote to Orbis Inc. on 3 June. The investors, who include Alder Pension Fund and Tern Capital, want answers to ten questions.')[0]?.senders)
      .toEqual(['Green Ledger Trust', 'Alder Pension Fund', 'Tern Capital']);
    expect(letterOf('The letter, sent on Jun. 3 by the Coastal Rights Forum and Haki Sasa, asks Tessaro Networks to reply.')[0]?.senders)
      .toEqual(['Coastal Rights Forum', 'Haki Sasa']);
  });

  it('keeps a page word inside a name but not at the start of a line', () => {
    const names = extract('PRESS RELEASE\n\nThe Shutdown Monitor and the Press Freedom Desk wrote to Orvane Telecom on 2 June.').organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Press Freedom Desk', 'Orvane Telecom']));
    expect(names).not.toContain('PRESS RELEASE');
  });
});

describe('writing verbs with an adverb', () => {
  it('reads "wrote separately to A in a city and to B" as letters to both', () => {
    const letters = letterOf('On 2 May the Delta Rights Forum wrote separately to Kappa Telecom in Dubai and to Sigma Mobile, asking each company nine questions. Sigma Mobile has not replied.');
    expect(letters.map((l) => [l.recipient, l.senders.join('+'), l.sent, l.questionCount])).toEqual([
      ['Kappa Telecom', 'Delta Rights Forum', '2026-05-02', 9], ['Sigma Mobile', 'Delta Rights Forum', '2026-05-02', 9],
    ]);
  });
});

describe('letter dates in other words', () => {
  it('counts a deadline given as a fortnight or a month from the sending', () => {
    expect(letterOf('The Harbour Rights Forum wrote to Vexa Ltd on 3 March and gave the company a fortnight to reply.')[0]?.deadline).toBe('2026-03-17');
    expect(letterOf('The Harbour Rights Forum wrote to Vexa Ltd on April 28, asking for an answer within a month.')[0]?.deadline).toBe('2026-05-28');
  });

  it('does not take a company\'s promise for the deadline, even after "asked"', () => {
    const text = 'The Harbour Rights Forum wrote to Vexa Ltd on 3 March and asked for a reply by 17 March. Asked about the letter, a Vexa spokesperson said the company would send a full reply by 30 April.';
    expect(letterOf(text)[0]?.deadline).toBe('2026-03-17');
  });

  it('dates publication "the same day" as the sending, and reads other ways of making a letter public', () => {
    expect(letterOf('The Harbour Rights Forum wrote to Vexa Ltd on Monday. The letter, published the same day, asks three questions.')[0]?.published).toBe('2026-06-08');
    expect(letterOf('The Harbour Rights Forum wrote to Vexa Ltd on 2 May. The forum published both the letter and the reply on Wednesday.')[0]?.published).toBe('2026-06-10');
    expect(letterOf('The Harbour Rights Forum wrote to Vexa Ltd on 2 May. It will publish the exchange of letters next Monday.')[0]?.published).toBe('2026-06-15');
  });

  it('gives each date of a sentence to its own event', () => {
    const [letter] = letterOf('The Harbour Rights Forum wrote to Vexa Ltd. The letters, sent privately on 30 May and made public today, ask five questions.');
    expect(letter).toMatchObject({ sent: '2026-05-30', published: '2026-06-12' });
  });
});

describe('events in other words', () => {
  it('reads sending in a passive, after a pronoun, with an apposition, or after "the letter the investors sent"', () => {
    expect(eventsOf('The letter, coordinated by the Harbour Rights Forum, was sent on 2 May to Vexa Systems.')).toContain('letter_sent 2026-05-02 Harbour Rights Forum > Vexa Systems');
    expect(eventsOf('The Harbour Rights Forum has published a letter to Vexa Systems. It was delivered to the company on 13 May.')).toContain('letter_sent 2026-05-13 Harbour Rights Forum > Vexa Systems');
    expect(eventsOf('On 7 May the Harbour Rights Forum sent Vexa Ltd, a maker of spyware, a letter with four questions.')).toContain('letter_sent 2026-05-07 Harbour Rights Forum > Vexa Ltd');
    expect(eventsOf('The proposal follows a letter the Harbour Investors Trust sent Vexa Ltd in April.')).toContain('letter_sent 2026-04 Harbour Investors Trust > Vexa Ltd');
  });

  it('reads what a company did and promised in other verbs', () => {
    const events = eventsOf('The Harbour Rights Forum wrote to Vexa Ltd on 2 May. In April, Vexa Ltd changed its law enforcement guidelines. Vexa Ltd said it had sold its Kenyan business in 2022. Vexa Ltd commits to publishing an audit by 30 September.');
    expect(events).toEqual(expect.arrayContaining(['company_action 2026-04 Vexa Ltd > -', 'company_action 2022 Vexa Ltd > -', 'response_expected 2026-09-30 Vexa Ltd > -']));
    expect(eventsOf('Location records sold by Vexa Ltd were used by police.').some((e) => e.startsWith('company_action'))).toBe(false);
  });
});

describe('a legal form at the end of a sentence', () => {
  it('ends the sentence before "It …" and names one company', () => {
    const result = extract('The Harbour Rights Forum has published a letter to Vexa Ltd. It was delivered to the company on 13 May. Vexa Ltd has not replied.');
    expect(result.organizations.filter((o) => o.name.startsWith('Vexa'))).toHaveLength(1);
    expect(result.letters[0]?.sent).toBe('2026-05-13');
  });
});

describe('dates and counts at the edges of a sentence', () => {
  it('dates the main event by a date that opens its sentence, however far the verb', () => {
    const text = 'Oslo, 12 June 2026 — Today the Harbour Rights Forum, together with a union and three digital rights organisations, wrote to Vexa Systems, the maker of the Vexa courier app, demanding answers.';
    expect(letterOf(text)[0]).toMatchObject({ sent: '2026-06-12', senderCount: 5 });
  });

  it('resolves a month or weekday in the future tense forward', () => {
    expect(eventsOf('The Harbour Investors Trust wrote to Vexa Systems on 2 May. The resolution will be voted on at the annual meeting in May.'))
      .toContain('other 2027-05 Harbour Investors Trust > Vexa Systems');
  });

  it('gives a letter to a government agency its own target', () => {
    expect(eventsOf('The Harbour Rights Forum wrote to Vexa Systems on 2 May. We also wrote to the Export Controls Agency on the same day.'))
      .toContain('letter_sent 2026-05-02 Harbour Rights Forum > Export Controls Agency');
  });
});

describe('a request to respond', () => {
  it('records "X invited A and B to respond" as a letter to each, answered or not', () => {
    const events = eventsOf('The Resource Centre invited Telvora and Axon Mobile to respond on 1 May. Telvora responded on 5 May; Axon Mobile did not respond.');
    expect(events).toEqual(expect.arrayContaining([
      'letter_sent 2026-05-01 Resource Centre > Telvora', 'letter_sent 2026-05-01 Resource Centre > Axon Mobile',
      'response_received 2026-05-05 Telvora > Resource Centre', 'no_response null Axon Mobile > Resource Centre',
    ]));
  });
});

describe('letters of different days', () => {
  it('keeps an earlier letter to the same company apart from today\'s', () => {
    const text = 'On 4 May 2026, more than 180 groups led by the Open Rights Forum sent Orbex Inc. a letter asking it to drop the patent, and asked for a reply by 18 May 2026.\n\nThis is the second time. On 2 April 2026, the Open Rights Forum wrote to Orbex Inc. on its own. Orbex Inc. replied on 15 April.';
    const letters = letterOf(text);
    expect(letters.map((l) => [l.recipient, l.sent, l.senderCount])).toEqual([['Orbex Inc.', '2026-05-04', 180], ['Orbex Inc.', '2026-04-02', 1]]);
  });
});

describe('a list of writers between dashes', () => {
  it('reads "Four groups – the A, the B and C – have sent an open letter"', () => {
    const [letter] = letterOf('Four advocacy organisations – the Harbour Rights Project, the Open Streets Network (OSN) and Fair Code Watch – have sent an open letter to Orbex Inc. on 2 June.');
    expect(letter).toMatchObject({ senders: ['Harbour Rights Project', 'Open Streets Network', 'Fair Code Watch'], senderCount: 4, recipient: 'Orbex Inc.' });
  });
});

describe('letters to companies a count introduces', () => {
  it('writes to each company named after "N companies, including"', () => {
    const letters = letterOf('A group of 76 investors led by the Green Ledger Trust said they had written to 26 technology companies, including Orbex Inc., Lumio Inc. and Kestrel Corp., urging due diligence.');
    expect(letters.map((l) => l.recipient)).toEqual(['Orbex Inc.', 'Lumio Inc.', 'Kestrel Corp.']);
  });
});

describe('a lede and "The letter, …"', () => {
  it('dates the sending by the lede and takes its count of groups', () => {
    const text = 'A coalition of 22 digital rights organisations on Tuesday asked Orbex Inc. to overhaul how it freezes accounts.\n\nThe letter, coordinated by the Open Rights Forum and signed by groups including Fair Code Watch, is addressed to the company\'s chief executive.';
    expect(letterOf(text)[0]).toMatchObject({ senders: ['Open Rights Forum', 'Fair Code Watch'], senderCount: 22, recipient: 'Orbex Inc.', sent: '2026-06-09' });
  });

  it('reads the companies a plural description lists: "four data brokers, among them A, B and C"', () => {
    const letters = extract('Privacy Watch sent letters to four location data brokers, among them Orbex Inc., Kestrel Data Corp. and Lumio Ltd, asking how they share data.').letters;
    expect(letters.map((l) => l.recipient)).toEqual(['Orbex Inc.', 'Kestrel Data Corp.', 'Lumio Ltd']);
  });

  it('keeps a page\'s own invitation apart from the letter it reports, whose text follows below it', () => {
    const text = 'Open Records Centre\n\nFollowing the shutdown, Privacy Watch and eight other groups wrote to Orbex Inc. and Lumio Ltd on 2 May. On 4 May we invited Orbex Inc. and Lumio Ltd to respond.\n\n'
      + 'The letter, addressed to the chief executives of Orbex Inc. and Lumio Ltd, asks them to restore access. Signatories include Privacy Watch and the Net Freedom Forum.';
    expect(letterOf(text).map((l) => `${l.senders.join('+')} ${l.senderCount} > ${l.recipient} ${l.sent}`)).toEqual([
      'Privacy Watch+Net Freedom Forum 9 > Orbex Inc. 2026-05-02', 'Privacy Watch+Net Freedom Forum 9 > Lumio Ltd 2026-05-02',
      'Open Records Centre 1 > Orbex Inc. 2026-05-04', 'Open Records Centre 1 > Lumio Ltd 2026-05-04',
    ]);
  });

  it('reads "Free Tibet has written to", and a letter addressed to people at their companies, one after another', () => {
    expect(letterOf('This week Free Tibet has written to Hikvision UK asking for a meeting.')[0]).toMatchObject({ senders: ['Free Tibet'], recipient: 'Hikvision UK' });
    const letters = letterOf('On Wednesday, Openwork, a legal non-profit, published an open letter signed by 200 moderators. It was addressed to Mara Lind and Jon Ek at Orbex Inc., to Ana Sweet, chief executive of Lumio, and to Kai Hart, chief executive of Kestrel.');
    expect(letters.map((l) => `${l.senders.join('+')} > ${l.recipient} ${l.published}`)).toEqual(['Openwork > Orbex Inc. 2026-06-10', 'Openwork > Lumio 2026-06-10', 'Openwork > Kestrel 2026-06-10']);
  });

  it('reads the writer of "wrote on Sunday to", and signatories "who also include"', () => {
    expect(letterOf('The Riders Workers Union (RWU) wrote on Sunday to Sam Lee, chief executive of Orbex Inc., demanding a higher rate.')[0])
      .toMatchObject({ senders: ['Riders Workers Union'], recipient: 'Orbex Inc.', sent: '2026-06-07' });
    const [letter] = letterOf('Thirty groups, among them Fight for the Future, sent Orbex Inc. an open letter. The signatories, who also include IfNotNow, OpenMedia and Kestrel Watch, are customers.');
    expect(letter!.senders).toEqual(['Fight for the Future', 'IfNotNow', 'OpenMedia', 'Kestrel Watch']);
  });

  it('reads a writer named before an apposition with a participle: "X, the union organising riders, delivered a letter to Y"', () => {
    expect(letterOf('On 17 May, Riders4Rights, the grassroots couriers\' union organising Orbex Inc. riders in Finland, delivered a letter to Orbex Inc. listing five demands.')[0])
      .toMatchObject({ senders: ['Riders4Rights'], recipient: 'Orbex Inc.', sent: '2026-05-17' });
  });

  it('does not take a name inside the letter\'s own description for a writer: "The letter, first spotted by X, is signed by …"', () => {
    expect(letterOf('The letter, first spotted by the news site Phayul, is signed by Free Tibet and SumOfUs. It asks Orbex Inc. to restore the apps.')[0])
      .toMatchObject({ senders: ['Free Tibet', 'SumOfUs'], recipient: 'Orbex Inc.' });
  });

  it('keeps two writers\' letters to the same company apart, the second sent "a day later"', () => {
    const letters = letterOf('On 7 July, the Southern Rights Centre sent a letter to Orbex Inc. raising the shutdown. A day later, the International Jurists Commission wrote to Orbex Inc. urging it to restore access.');
    expect(letters.map((l) => `${l.senders.join('+')} > ${l.recipient} ${l.sent}`)).toEqual(['Southern Rights Centre > Orbex Inc. 2025-07-07', 'International Jurists Commission > Orbex Inc. 2025-07-08']);
  });

  it('reads "a letter that X, whose director is Y, sent on July 11 to the chief executives of A, B and C", and "Recipients include …"', () => {
    const letters = letterOf('The move follows an open letter that the campaign group Fair Play Now, whose director is Mara Lind, sent on June 2 to the chief executives of Orbex, Lumio and Kestrel, among others.');
    expect(letters.map((l) => `${l.senders.join('+')} > ${l.recipient} ${l.sent}`)).toEqual(['Fair Play Now > Orbex 2026-06-02', 'Fair Play Now > Lumio 2026-06-02', 'Fair Play Now > Kestrel 2026-06-02']);
    const listed = letterOf('Investors for Rights said on Tuesday that 76 investors had written to technology companies. Recipients include Orbex Inc., Lumio Ltd and Kestrel Corp.');
    expect(listed.map((l) => l.recipient)).toEqual(['Orbex Inc.', 'Lumio Ltd', 'Kestrel Corp.']);
  });

  it('reads the companies listed after a clause about them, a company\'s shareholders as addressees, and "sent and made public on Wednesday"', () => {
    const letters = letterOf('Before publishing, Privacy Watch wrote to 16 companies that are listed as customers of the battery makers, including Orbex, Lumio and Kestrel.');
    expect(letters.map((l) => l.recipient)).toEqual(['Orbex', 'Lumio', 'Kestrel']);
    const owners = letterOf('A coalition of 78 groups, led by Fair Share, has written to Orbex Inc.\'s largest institutional shareholders, including Vanguard, Fidelity and BlackRock. The joint letter, sent and made public on Wednesday, asks them to act.');
    expect(owners.map((l) => `${l.recipient} ${l.sent} ${l.published}`)).toEqual(['Vanguard 2026-06-10 2026-06-10', 'Fidelity 2026-06-10 2026-06-10', 'BlackRock 2026-06-10 2026-06-10']);
  });

  it('reads names in lower case ("epicenter.works", "xAI") and addressees named with their titles one after another', () => {
    const letters = letterOf('On 1 October, members of the coalition, among them Access Now and the Austrian group epicenter.works, sent an open letter to Hanna Dorn, chief executive of Orbex Inc., and Tomas Berg, chief executive of Lumio Ltd, asking them to act.');
    expect(letters.map((l) => `${l.senders.join('+')} > ${l.recipient}`)).toEqual(['Access Now+epicenter.works > Orbex Inc.', 'Access Now+epicenter.works > Lumio Ltd']);
    expect(letterOf('On Tuesday, lawyers at the Clean Air Center sent xAI a letter giving formal notice.')[0]).toMatchObject({ recipient: 'xAI' });
  });

  it('reads writers listed before "and other groups", one of them named twice around dashes, or described before its name', () => {
    const groups = letterOf('On 3 June, Access Now, 4ward – the Centre for Open Media – and other rights groups wrote to Orbex and Lumio.');
    expect(groups.map((l) => `${l.senders.join('+')} > ${l.recipient}`)).toEqual(['Access Now+Centre for Open Media > Orbex', 'Access Now+Centre for Open Media > Lumio']);
    const investors = letterOf('In a joint letter dated 14 May, the Northfield Pension Funds and Dutch pension asset manager KVG asked Orbex Inc. to report to shareholders.');
    expect(investors[0]).toMatchObject({ senders: ['Northfield Pension Funds', 'KVG'], recipient: 'Orbex Inc.' });
  });

  it('reads findings put to a company, an email to its head, demands sent to its management, and a letter to "both companies"', () => {
    const read = (text: string) => letterOf(text).map((l) => `${l.senders.join('+')} > ${l.recipient} ${l.sent ?? 'null'}`);
    expect(read('Privacy Watch also put its findings to Orbex Inc. before publication.')).toEqual(['Privacy Watch > Orbex Inc. null']);
    expect(read('In April the Open Speech Exchange (OSE), a network of free expression groups, emailed Tom Lee, the managing director of Orbex Inc., asking why.')).toEqual(['Open Speech Exchange > Orbex Inc. 2026-04']);
    expect(read('The Kvist Workers Union sent Orbex Inc.\'s management a list of demands on Monday.')).toEqual(['Kvist Workers Union > Orbex Inc. 2026-06-08']);
    expect(read('Orbex Inc. and Lumio Ltd run the service. Privacy Watch said it had written to both companies in September.')).toEqual(['Privacy Watch > Orbex Inc. 2025-09', 'Privacy Watch > Lumio Ltd 2025-09']);
    expect(letterOf('Orbex Inc. said in an emailed statement that it complies with the law.')).toEqual([]);
  });

  it('dates a letter published in the sentence that tells it was sent, "and published it online"', () => {
    expect(letterOf('On 11 May Privacy Watch sent Orbex Inc. an open letter and published it online.')[0]).toMatchObject({ sent: '2026-05-11', published: '2026-05-11' });
    expect(letterOf('On 11 May, the groups led by Privacy Watch sent and published an open letter to Orbex Inc.')[0]).toMatchObject({ sent: '2026-05-11', published: '2026-05-11' });
  });

  it('counts the people who signed, and a letter\'s signatures, but not the names on a petition', () => {
    expect(letterOf('Last Friday, 312 employees signed a letter to Orbex Inc. asking it to end the contract.')[0]).toMatchObject({ senderCount: 312 });
    expect(letterOf('Privacy Watch wrote to Orbex Inc. on 2 June. More than 80 staff, including a director, signed it within an hour.')[0]).toMatchObject({ senderCount: 80 });
    expect(letterOf('The letter, organised by Privacy Watch, carries 61 signatures: 20 from organisations and 41 from experts. It asks Orbex Inc. to stop.')[0]).toMatchObject({ senderCount: 61 });
    expect(letterOf('Privacy Watch wrote to Orbex Inc. on 2 June. More than 9,000 people have signed a petition backing it.')[0]).toMatchObject({ senderCount: 1 });
  });

  it('takes the unit that writes, not the body it belongs to, past a relative clause', () => {
    expect(letterOf('The Signal Lab at the University of Kvist, whose research has linked the tool to attacks, wrote to Orbex Inc. on 6 March.')[0])
      .toMatchObject({ senders: ['Signal Lab'], recipient: 'Orbex Inc.' });
  });

  it('counts lawmakers who wrote, named or not', () => {
    expect(letterOf('Twelve members of parliament, among them Ana Ruiz, Tom Lee and Sam Park, wrote to Orbex Inc. on 2 June.')[0]).toMatchObject({ senderCount: 12, recipient: 'Orbex Inc.' });
  });

  it('reads a deadline set by a meeting\'s date, or given "until" a day to act, but not an authority\'s ultimatum', () => {
    expect(letterOf('Northfield Pension Funds wrote to Orbex Inc. on 14 May. The investors want an answer no later than Orbex\'s annual shareholder meeting on May 27.')[0])
      .toMatchObject({ sent: '2026-05-14', deadline: '2026-05-27' });
    expect(letterOf('Privacy Watch wrote to Orbex Inc. on 2 May and gives the company until 21 May to commit in writing to stopping.')[0]).toMatchObject({ deadline: '2026-05-21' });
    expect(eventsOf('Kvist\'s Ministry of Trade gave Orbex Inc. until 31 July to explain the exports.').join()).not.toMatch(/response_deadline/);
  });

  it('finds writers who coordinated the letter, signed it "among others", are named in its signatures, or act for someone', () => {
    const senders = (text: string) => letterOf(text)[0]?.senders;
    expect(senders('Investors wrote to Orbex Inc. on 2 May. The Kvist Alliance for Human Rights, which coordinated the letters, said so.')).toEqual(['Kvist Alliance for Human Rights']);
    expect(senders('Investors wrote to Orbex Inc. on 2 May. Campaign group Fair Share, which published the letter, and Harrow Fiduciary Corporation, a Quaker investment manager, are among those who signed.'))
      .toEqual(['Fair Share', 'Harrow Fiduciary Corporation']);
    expect(senders('On 15 April, a coalition coordinated by Privacy Watch sent a letter to Orbex Inc. It carried 99 signatures, from 35 organisations and 64 experts, including Open Signal and the Centre for Media Rights.'))
      .toEqual(['Privacy Watch', 'Open Signal', 'Centre for Media Rights']);
    expect(senders('On Tuesday, lawyers at the Clean Air Centre, acting on behalf of the Kvist Residents Union, sent Orbex Inc. a letter giving notice.'))
      .toEqual(['Clean Air Centre', 'Kvist Residents Union']);
    expect(senders('On 28 August, 14 organisations, among them Access Now and the Committee to Protect Reporters, sent Orbex Inc. a letter.')).toEqual(['Access Now', 'Committee to Protect Reporters']);
  });

  it('reads a list past another name in parentheses', () => {
    expect(letterOf('Privacy Watch wrote to Orbex Inc. on 2 May. Signatories include Access Now, the Open Net Foundation (Internet Without Borders) and the Committee to Protect Reporters.')[0]?.senders)
      .toEqual(['Privacy Watch', 'Access Now', 'Open Net Foundation', 'Committee to Protect Reporters']);
  });

  it('reads addressees listed after a colon, and silences listed the same way', () => {
    const text = 'Earlier this month, a coalition organised by the rights group Fair Share sent a letter to top executives at 4 companies: Orbex Inc., Lumio Ltd, Kestrel GmbH and X (formerly Twitter). Two did not respond at all: X and Kestrel GmbH. The letter builds on a report Fair Share published in December.';
    expect(letterOf(text).map((l) => l.recipient)).toEqual(['Orbex Inc.', 'Lumio Ltd', 'Kestrel GmbH', 'X']);
    const events = eventsOf(text);
    expect(events).toEqual(expect.arrayContaining(['no_response null X > Fair Share', 'no_response null Kestrel GmbH > Fair Share']));
    expect(events.join()).not.toMatch(/letter_published/);
    expect(eventsOf('Fair Share wrote to Orbex Inc. and Lumio Ltd. None of the companies that replied committed to anything.').join()).not.toMatch(/no_response/);
  });

  it('reads letters to someone at "each of the four companies" named before', () => {
    const text = 'Kvist Mobile, Orbex Telecom, Lumio Networks and Vanta Telecom cut the internet. The rights groups, led by Privacy Watch, today sent formal letters of complaint to the management and customer ombudsman of each of the four companies.';
    expect(letterOf(text).map((l) => l.recipient)).toEqual(['Kvist Mobile', 'Orbex Telecom', 'Lumio Networks', 'Vanta Telecom']);
  });

  it('reads a request sent to a company, and requests for information sent to it, as letters', () => {
    expect(letterOf('The Kvist Riders Union sent a request for collective bargaining to Orbex Japan Inc on 8 October.')[0])
      .toMatchObject({ senders: ['Kvist Riders Union'], recipient: 'Orbex Japan Inc', sent: '2025-10-08' });
    expect(letterOf('Storebrand Asset Management said it first sent Orbex Inc. requests for information about its due diligence in April.')[0])
      .toMatchObject({ senders: ['Storebrand Asset Management'], recipient: 'Orbex Inc.', sent: '2026-04' });
  });
});
