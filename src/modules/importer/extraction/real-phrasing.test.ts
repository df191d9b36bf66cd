/**
 * Phrasings of real coverage (wire copy, resource-centre pages, newspaper features) that the
 * invented fixtures did not use. Every text here is invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';

const extract = (text: string, published = '2026-06-12') => extractArticle(text, { published });
const orgNames = (text: string) => extract(text).organizations.map((o) => `${o.name}:${o.kind}`);
const letterFieldsOf = (text: string) => extract(text).letters.map(({ senders, senderCount, recipient }) => ({ senders, senderCount, recipient }))[0];
const eventsOf = (text: string, published = '2026-06-12') => extract(text, published).events.map((e) => `${e.type} ${e.date ?? 'null'} ${e.actor ?? '-'} > ${e.target ?? '-'}`);

describe('organisation names in real coverage', () => {
  it('tells a group of companies, a currency and an opening adverb from names', () => {
    const names = orgNames('Forty-five groups called on Norway\'s Kvist Group to halt the sale of Kvist Mobile to M2 Group for US$105 million. Separately, the groups wrote to the government.');
    expect(names).toEqual(expect.arrayContaining(['Kvist Group:company', 'M2 Group:company']));
    expect(names.join()).not.toMatch(/Norway|Separately|US:/);
  });

  it('gives a short form to the company named first, and keeps "Committee to Protect X" whole but not "A to B"', () => {
    const result = extract('Rights groups wrote to Kvist Group on Monday. Kvist had agreed to sell Kvist Mobile, the mobile operator, to Lark Holdings. The Committee to Protect Reporters said Kvist did not reply.');
    const kvist = result.organizations.find((o) => o.name === 'Kvist Group');
    expect(kvist?.aliases).toContain('Kvist');
    expect(result.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Kvist Mobile', 'Committee to Protect Reporters']));
  });

  it('keeps "The Ministry of X and Y" whole, and reads "(D-Ore.)" after a senator as a party and a state, not a body', () => {
    const names = orgNames('The Ministry of Electronics and Information Technology warned Kvist Mobile on Tuesday. Senator Ron Wyden (D-Ore.) and Senator Amy Klobuchar (D-Minn.) wrote to Kvist Mobile the same day.');
    expect(names).toEqual(expect.arrayContaining(['Ministry of Electronics and Information Technology:government']));
    expect(names.filter((name) => /^(?:Ministry of Electronics|Information Technology|D-Ore\.?|D-Minn\.?):/.test(name))).toEqual([]);
  });

  it('splits "A and B Partners" when A stands alone elsewhere, and takes the kind from an appositive\'s head noun', () => {
    const text = 'Filtra, a network company owned by the private equity firm Ostrander Partners, supplied the equipment. Filtra said it had ended the licence. The Centre invited Filtra and Ostrander Partners to respond.';
    expect(orgNames(text)).toEqual(expect.arrayContaining(['Filtra:company', 'Ostrander Partners:investor']));
  });

  it('cuts people and officials\' titles out of names, and knows a centre by its closing words', () => {
    const text = 'The Open Rights Forum and researchers Ron Deibert and Christopher Parsons of the Citizen Lab wrote to California Attorney General Xavier Becerra. The Business & Human Rights Resource Centre said the Resource Centre would publish replies.';
    const result = extract(text);
    expect(result.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Open Rights Forum', 'Citizen Lab', 'Business & Human Rights Resource Centre']));
    expect(result.organizations.map((o) => o.name).join()).not.toMatch(/Deibert|Becerra|^Resource Centre/);
    expect(result.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ron Deibert', 'Christopher Parsons', 'Xavier Becerra']));
  });

  it('reads "TIME magazine", the ACLU as a rights group, and no organisation in the Guiding Principles or a "More from" list', () => {
    const text = 'In April, TIME magazine reported the deal. The American Civil Liberties Union wrote to Kvist Group, citing the UN Guiding Principles on Business and Human Rights.\n\nMore from Platforms & Power\n› Shareholders file proposals at Orbex and Lumio';
    const names = orgNames(text);
    expect(names).toEqual(expect.arrayContaining(['TIME:media', 'American Civil Liberties Union:ngo']));
    expect(names.join()).not.toMatch(/Guiding|Business and Human Rights|Orbex|Lumio/);
  });
});

describe('page furniture in real coverage', () => {
  it('reads a masthead name whole, masks "Share it:" rows, and splits "X for the Y and Z" when Z is a name', () => {
    const text = 'Electronic Frontier Foundation\n\nShare It: Share on Twitter | Share on Facebook | Copy link\n\nWe delivered petitions gathered by EFF together with Fight for the Future and OpenMedia.';
    const names = extract(text).organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Electronic Frontier Foundation', 'Fight for the Future', 'OpenMedia']));
    expect(names).not.toContain('Twitter');
  });
});

describe('letters in real coverage', () => {
  it('writes to an investment firm too, but lends no company to a letter to an official', () => {
    const text = 'The Open Rights Forum wrote to California Attorney General Xavier Becerra asking him to investigate Filtra Networks.\n\nThe Resource Centre invited Filtra Networks and Ostrander Partners to respond. Filtra Networks responded on 25 September.';
    const letters = extract(text, '2026-09-28').letters;
    expect(letters.map((l) => `${l.senders.join('+')} > ${l.recipient}`)).toEqual(['Resource Centre > Filtra Networks', 'Resource Centre > Ostrander Partners']);
  });

  it('knows a letter by who signed it and whom it urges, even undated', () => {
    const [letter] = extract('Signed by 40 organizations including the Open Rights Forum, Fair Futures Now, and the ACLU, the letter urges Orbex Inc. to halt sales.').letters;
    expect(letter).toMatchObject({ senders: ['Open Rights Forum', 'Fair Futures Now', 'ACLU'], senderCount: 40, recipient: 'Orbex Inc.', sent: null });
  });

  it('reads a deadline to explain, and "its plans" as no promise', () => {
    const [letter] = extract('The Open Rights Forum sent a letter Thursday to Orbex chief executive Sundar Vale asking the company to explain its plans by Aug. 31.').letters;
    expect(letter).toMatchObject({ recipient: 'Orbex', sent: '2026-06-11', deadline: '2026-08-31' });
    expect(extract('The Open Rights Forum sent a letter Thursday to Orbex chief executive Sundar Vale asking the company to explain its plans by Aug. 31.').people)
      .toContainEqual(expect.objectContaining({ name: 'Sundar Vale', title: 'chief executive', affiliation: 'Orbex' }));
  });

  it('reads "X was invited to respond … by Y" as Y\'s letter to X, and a statement to an outlet as the company\'s', () => {
    const [letter] = extract('Orbex Inc. was invited to respond to the allegations by the Business & Human Rights Resource Centre on 2 May; its response is below.').letters;
    expect(letter).toMatchObject({ senders: ['Business & Human Rights Resource Centre'], recipient: 'Orbex Inc.', sent: '2026-05-02' });
    expect(eventsOf('In a statement to Reuters, Orbex Inc. said it would review the results.')).toContain('company_statement null Orbex Inc. > -');
  });

  it('reads no event in a question, and a media group as a company', () => {
    const result = extract('We wrote to Brightwave Media Group on 2 March. Will Brightwave publish that assessment?');
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Brightwave Media Group', kind: 'company' }));
    expect(result.events.map((e) => e.type)).toEqual(['letter_sent']);
  });

  it('reads capitalised "Signatories include", counts in hyphenated words, and the organiser of an open letter with "27 other groups"', () => {
    const [first] = extract('Forty-five Myanmar and international human rights, media and civil society organisations wrote to Kvist Group on Thursday. Signatories include Free Expression Burma, Global Watchers and Justice For Yangon.').letters;
    expect(first).toMatchObject({ senders: ['Free Expression Burma', 'Global Watchers', 'Justice For Yangon'], senderCount: 45 });
    const [second] = extract('The open letter, addressed to Kvist chief executive Eric Yuan and published on Wednesday, was organised by the advocacy group Fair Futures Now and co-signed by 27 other groups.').letters;
    expect(second).toMatchObject({ senders: ['Fair Futures Now'], senderCount: 28, sent: '2026-06-10', published: '2026-06-10' });
  });

  it('reads "wrote in late September to" with "the San Francisco-based group" as writer, and each silent company, as of the day the group said so', () => {
    const text = 'The Open Rights Forum said on Monday that Orbex Inc. and Lumio Inc. had failed to answer letters about the deal.\n\nThe San Francisco-based group said it wrote in late April to Orbex\'s head of policy and to Lumio\'s head of human rights. The group said it would share any reply it receives.';
    const events = eventsOf(text);
    expect(events).toEqual(expect.arrayContaining(['no_response 2026-06-08 Orbex Inc. > Open Rights Forum', 'no_response 2026-06-08 Lumio Inc. > Open Rights Forum', 'letter_sent 2026-04 Open Rights Forum > Orbex Inc.']));
    expect(events.some((e) => e.startsWith('response_expected'))).toBe(false);
  });

  it('reads a letter to two chief executives, "signed by, among others," and a country\'s possessive inside the list', () => {
    const text = 'On July 20, more than 80 organisations wrote to Orbex chief executive Mark Lund and Sorel chief executive Wendy Gale. The letter was coordinated by the campaign group Rights Now and signed by, among others, the racial-justice organisation Change Makers, Kenya\'s Central Organization of Trade Unions (COTU) and the whistleblower Frances Hale.';
    const letters = extract(text).letters;
    expect(letters.map((l) => l.recipient)).toEqual(['Orbex', 'Sorel']);
    expect(letters[0]).toMatchObject({ senders: ['Rights Now', 'Change Makers', 'Central Organization of Trade Unions'], senderCount: 80, sent: '2025-07-20' });
  });
});

describe('people in real coverage', () => {
  it('finds a name before ", chair of", titles with acronyms, an operator "part-owned by" another, and no institution in "US police departments"', () => {
    const result = extract('The letter was addressed to Gunn Wærsted, chair of the Kvist Group board. "Talk to us," said Michela Grey, director of ESG services at Alder Investments. Its clients include Mytelo, a mobile operator part-owned by a military conglomerate. Orbex stopped selling to US police departments.');
    expect(result.people).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Gunn Wærsted', title: 'chair' }),
      expect.objectContaining({ name: 'Michela Grey', title: 'director of ESG services', affiliation: 'Alder Investments' }),
    ]));
    const names = result.organizations.map((o) => `${o.name}:${o.kind}`);
    expect(names).toContain('Mytelo:company');
    expect(names.join()).not.toMatch(/US police/);
  });

  it('finds a name after "the Kenyan lawyer" and before ", a spokesperson for"', () => {
    const people = extract('He is represented by the Kenyan lawyer Mercy Otieno. Ben Walters, a spokesperson for Orbex, said the company would not comment.').people;
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Mercy Otieno', 'Ben Walters']));
  });

  it('finds a name that ends a sentence after a contraction ("PI\'s"), and one that only compromise knows, after a paragraph with none', () => {
    const text = 'The findings were presented in Leipzig by PI\'s Frederike Kaltheuner, who leads its data programme, and technologist Christopher Weatherhead.\n\nthe apps were tested in december.\n\nSarah Collins led the tests.';
    expect(extract(text).people.map((p) => p.name)).toEqual(expect.arrayContaining(['Christopher Weatherhead', 'Sarah Collins']));
  });
});

describe('events in real coverage', () => {
  it('reads an outlet\'s report after a date, a change a company announced, its roll-outs, sit-ins and legal action', () => {
    const events = eventsOf('On 28 May, Bloomberg reported that the equipment was used. In April, TIME magazine reported that Orbex Inc. had done the same. On June 5, Orbex Inc. announced the change. Orbex Inc. introduced its Real-Time ID Check in April. Workers staged sit-ins on Monday evening. The union said on Tuesday it had launched legal action against Orbex Inc.');
    expect(events).toEqual(expect.arrayContaining([
      'investigation_published 2026-05-28 Bloomberg > -', 'company_action 2026-06-05 Orbex Inc. > -', 'company_action 2026-04 Orbex Inc. > -', 'protest_or_campaign 2026-06-08 - > -',
    ]));
    expect(events.filter((e) => e.startsWith('investigation_published'))).toHaveLength(2);
    expect(events.some((e) => e.startsWith('other 2026-06-09'))).toBe(true);
  });

  it('takes what a company announced for the event, not the announcing', () => {
    const events = eventsOf('Orbex Inc. announced on July 8 that it had agreed to sell its Myanmar unit.', '2026-07-10');
    expect(events).toContain('company_action 2026-07-08 Orbex Inc. > -');
    expect(events.some((e) => e.startsWith('company_statement'))).toBe(false);
  });
});

describe('more phrasings of real coverage', () => {
  it('reads formal titles, "X Group President and CEO Y", listed-company adjectives, a court in a town and an all-caps group in a list', () => {
    const result = extract('Orbex Group President and CEO Ralph Moyo said the Johannesburg-listed company complied. The High Court in Lobamba heard the case. "We will look," said Nina Sorel, Vice President for Public Policy at Orbex Group. Access Now, WITNESS and 19 other groups wrote to Orbex Group.');
    const names = result.organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Orbex Group', 'High Court', 'WITNESS']));
    expect(names.join()).not.toMatch(/listed|President|Lobamba/);
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Nina Sorel', title: 'Vice President for Public Policy', affiliation: 'Orbex Group' }));
    expect(result.letters[0]).toMatchObject({ senders: ['Access Now', 'WITNESS'], senderCount: 21 });
  });

  it('reads "neither X nor Y has replied" as two silences, a purchase, an appearance before a committee and "in late 2021"', () => {
    const events = eventsOf('The Open Rights Forum wrote to Orbex Inc. and Lumio Inc. in late 2025. Neither Orbex Inc. nor Lumio Inc. has replied to the letter. Orbex Inc. bought Kestrel Corp. in 2024. The Orbex chief executive appeared before the House Judiciary Committee on Tuesday.');
    expect(events).toEqual(expect.arrayContaining([
      'letter_sent 2025 Open Rights Forum > Orbex Inc.', 'no_response null Orbex Inc. > Open Rights Forum', 'no_response null Lumio Inc. > Open Rights Forum',
      'company_action 2024 Orbex Inc. > Kestrel Corp.',
    ]));
    expect(events.some((e) => e.startsWith('other 2026-06-09'))).toBe(true);
    expect(events.some((e) => e.startsWith('response_received'))).toBe(false);
  });

  it('reads a regulator\'s order to several operators and a request turned down', () => {
    const events = eventsOf('On 29 June the Communications Commission ordered it and other operators to suspend services. The regulator turned down the request in March.');
    expect(events.filter((e) => e.startsWith('other'))).toHaveLength(2);
    expect(events).toEqual(expect.arrayContaining(['other 2025-06-29 Communications Commission > -', 'other 2026-03 - > -']));
  });

  it('keeps the places a title covers', () => {
    expect(extract('"Answer us," said Michael Pager, deputy Middle East director at Human Rights Watch.').people)
      .toContainEqual(expect.objectContaining({ name: 'Michael Pager', title: 'deputy Middle East director', affiliation: 'Human Rights Watch' }));
  });

  it('reads signatories each with a description before it', () => {
    const [letter] = extract('The Open Rights Forum wrote to Orbex Inc. on Wednesday. Its signatories include the UK charity Full Facts, the Spanish non-profit Verifica.es, Africa Checks, the Philippine news site Rappel and PolitiFacts in the United States.').letters;
    expect(letter?.senders).toEqual(['Open Rights Forum', 'Full Facts', 'Verifica.es', 'Africa Checks', 'Rappel', 'PolitiFacts']);
  });

  it('reads letters attached to a release as published that day, and "stopped short of" as no action', () => {
    const text = 'The Open Rights Forum today delivered letters to Orbex Inc. and Lumio Inc. Copies of the two letters are attached to this release. Orbex Inc. stopped short of saying it had suspended the project.';
    const result = extract(text);
    expect(result.letters.map((l) => [l.recipient, l.sent, l.published])).toEqual([['Orbex Inc.', '2026-06-12', '2026-06-12'], ['Lumio Inc.', '2026-06-12', '2026-06-12']]);
    expect(result.events.some((e) => e.type === 'company_action')).toBe(false);
  });

  it('dates a timeline entry by the date that heads its paragraph', () => {
    const events = eventsOf('Timeline\n\n7 May. Orbex Inc. started restricting posts with Arabic hashtags.\n\n11 May. Lumio Inc. temporarily restricted the account of a reporter. Rights groups launched a petition.');
    expect(events).toEqual(expect.arrayContaining(['company_action 2026-05-07 Orbex Inc. > -', 'company_action 2026-05-11 Lumio Inc. > -']));
    expect(events.some((e) => e.startsWith('protest_or_campaign 2026-05-11'))).toBe(true);
  });

  it('takes the writers of "X and Y sent … an open letter" for groups, a centre "for" something for a group, and no body in a title', () => {
    const result = extract('On the same day, Harbour Witness and Glovebox sent Orbex chief executive Mark Lund an open letter. "Act now," said Ava Lee, Threats to Democracy Campaign Leader at Harbour Witness. The Arab Center for the Advancement of Social Media backed it.');
    const kinds = Object.fromEntries(result.organizations.map((o) => [o.name, o.kind]));
    expect(kinds).toMatchObject({ 'Harbour Witness': 'ngo', Glovebox: 'ngo', 'Arab Center for the Advancement of Social Media': 'ngo' });
    expect(Object.keys(kinds).join()).not.toMatch(/Leader/);
    expect(result.letters[0]).toMatchObject({ senders: ['Harbour Witness', 'Glovebox'], recipient: 'Orbex' });
  });

  it('reads an investigation published on a full date by a named outlet', () => {
    expect(eventsOf('An investigation published on 20 October 2025 by The Guardian found the moderators were exposed to violent content.'))
      .toContain('investigation_published 2025-10-20 The Guardian > -');
  });

  it('splits a name from a well-known one after "and", reads the Trades Union Congress as a union, and a present-tense invitation', () => {
    const names = orgNames('The Trades Union Congress and Amnesty International backed the riders.');
    expect(names).toEqual(expect.arrayContaining(['Trades Union Congress:union', 'Amnesty International:ngo']));
    expect(eventsOf('The Resource Centre invites Orbex Inc. and Lumio Inc. to respond.')).toEqual(expect.arrayContaining(['letter_sent null Resource Centre > Orbex Inc.', 'letter_sent null Resource Centre > Lumio Inc.']));
  });

  it('reads a letter "addressed jointly to" three companies', () => {
    const letters = extract('On Monday, twelve organisations, among them Privacy Commons and Fair Futures Now, published an open letter addressed jointly to Orbex Inc., Lumio Inc. and Kestrel Corp.').letters;
    expect(letters.map((l) => l.recipient)).toEqual(['Orbex Inc.', 'Lumio Inc.', 'Kestrel Corp.']);
    expect(letters[0]).toMatchObject({ senders: ['Privacy Commons', 'Fair Futures Now'], senderCount: 12, published: '2026-06-08' });
  });

  it('dates "in letters sent that month" by the month told just before, and no silence towards a reporter', () => {
    const events = eventsOf('In August 2025 the regulator threatened Orbex Inc. with fines. In letters sent that month, the Open Rights Forum asked Orbex Inc. to resist. Lumio Inc. did not reply to questions from this publication.');
    expect(events).toContain('letter_sent 2025-08 Open Rights Forum > Orbex Inc.');
    expect(events.some((e) => e.startsWith('no_response'))).toBe(false);
  });

  it('keeps "Students for a Free Tibet" whole, knows "Amazon.com" as Amazon, and writes to the companies of "Cook and Pichai"', () => {
    const result = extract('Students for a Free Tibet wrote to Amazon on Monday. Amazon.com did not reply. Apple chief executive Tim Cook and Google chief executive Sundar Pichai were sent letters. Senator Ron Wyden wrote separately to Cook and Pichai.');
    const names = result.organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Students for a Free Tibet', 'Amazon', 'Apple', 'Google']));
    expect(names).not.toContain('Amazon.com');
    expect(result.events.filter((e) => e.type === 'letter_sent').map((e) => e.target)).toEqual(expect.arrayContaining(['Apple', 'Google']));
  });

  it('takes no person for "NSO Group", drops a chief\'s rank from his name, and reads "did not reply by Friday" as no deadline', () => {
    const result = extract('The Open Rights Forum wrote to NSO Group on Monday. Police Chief Jim Johnson said the department acted. NSO Group did not reply to the letter by Friday.');
    expect(result.people.map((p) => p.name)).toEqual(['Jim Johnson']);
    expect(result.organizations.map((o) => o.name)).toContain('NSO Group');
    expect(result.events.some((e) => e.type === 'response_deadline')).toBe(false);
  });

  it('reads "went unanswered", "Neither company responded" and "had asked X to respond to the allegations"', () => {
    const events = eventsOf('On 4 July the Resource Centre had asked Orbex Inc. to respond to the allegations. The letter went unanswered. The Open Rights Forum wrote to Lumio Inc. and Kestrel Corp. on 2 June. Neither company responded.');
    expect(events).toEqual(expect.arrayContaining(['letter_sent 2025-07-04 Resource Centre > Orbex Inc.', 'no_response null Lumio Inc. > Open Rights Forum', 'no_response null Kestrel Corp. > Open Rights Forum']));
    expect(events.filter((e) => e.startsWith('no_response'))).toHaveLength(3);
  });

  it('finds a person named before an apposition that holds a title, even a capitalised one', () => {
    const people = extract('The phone of Lama Fakih, our Middle East and North Africa director, was infected. On June 27, Chaim Gelfand, Orbex Group\'s vice president for compliance, wrote to us.').people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Lama Fakih', 'Chaim Gelfand']));
  });

  it('reads "Council on American-Islamic Relations (CAIR)" and "Policy for East and Southern Africa" whole', () => {
    const names = orgNames('"Leave now," said Ibrahim Hooper of the Council on American-Islamic Relations (CAIR). The Collaboration on International ICT Policy for East and Southern Africa agreed.');
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^Council on American-Islamic Relations:/), expect.stringMatching(/^Collaboration on International ICT Policy for East and Southern Africa:/)]));
  });

  it('strips a lawmaker\'s rank from a name found by any rule', () => {
    const people = extract('The letter was signed by Senator Jeff Merkley, co-chair of the commission, and Representative Jim McGovern, its other co-chair.').people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Jeff Merkley', 'Jim McGovern']));
    expect(people.join()).not.toMatch(/Senator|Representative/);
  });

  it('reads a board\'s recommendation to shareholders as the company\'s statement', () => {
    expect(eventsOf('Orbex Inc. said the board has recommended that shareholders reject the proposal.').some((e) => e.startsWith('company_statement null Orbex Inc.'))).toBe(true);
  });

  it('keeps a body "on" a country whole', () => {
    expect(orgNames('The Congressional-Executive Commission on China wrote to Orbex Inc. on 2 June.')).toContain('Congressional-Executive Commission on China:government');
  });

  it('takes the object of a regulator\'s order for an organisation', () => {
    expect(orgNames('In May the data commissioner ordered Tools for Humanity to stop collecting iris scans.').map((n) => n.split(':')[0])).toContain('Tools for Humanity');
  });

  it('reads the silence of an addressee that is not a company: an owner or investor written to', () => {
    const events = eventsOf('Privacy Watch wrote to Harbor Capital Partners, the private equity firm that owns Lumio, on 2 June. As of 15 July, Harbor Capital Partners had not responded to the letter.', '2026-07-20');
    expect(events).toEqual(['letter_sent 2026-06-02 Privacy Watch > Harbor Capital Partners', 'no_response 2026-07-15 Harbor Capital Partners > Privacy Watch']);
  });

  it('reads an invitation to explain or say, not only to respond, as a letter to each company invited', () => {
    const events = eventsOf('On August 3 the Resource Centre invited Harbor Capital and Lumio Partners to say publicly how they weigh human rights.', '2026-08-20');
    expect(events).toEqual(expect.arrayContaining(['letter_sent 2026-08-03 Resource Centre > Harbor Capital', 'letter_sent 2026-08-03 Resource Centre > Lumio Partners']));
  });

  it('reads a company\'s reported words as its statement, and nobody else\'s', () => {
    const events = eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. Orbex Inc. disputed the methodology. The group said the company had ignored its findings. A Lumio Ltd spokesperson said on Tuesday that the app was safe. Lumio Ltd said it would reply to the letter.');
    expect(events).toEqual(['letter_sent 2026-06-02 Privacy Watch > Orbex Inc.', 'company_statement null Orbex Inc. > -', 'company_statement 2026-06-09 Lumio Ltd > -', 'response_expected null Lumio Ltd > -']);
  });

  it('splits the last "and" of a list of names, and keeps a name whose acronym spans its "and"', () => {
    const names = extract('Signatories, among them Open Rights Forum, Greenpeace and Free Press, wrote to Orbex Inc. about its contract with the Harbour Patrol and Coastal Protection (HPCP).')
      .organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Open Rights Forum', 'Greenpeace', 'Free Press', 'Harbour Patrol and Coastal Protection']));
    expect(names).not.toContain('Greenpeace and Free Press');
  });

  it('starts a title after the verb before it: "today sent chief executive X"', () => {
    const { people } = extract('Forty groups that use Orbex Inc. software today sent chief executive Mara Lindqvist an open letter.');
    expect(people).toContainEqual(expect.objectContaining({ name: 'Mara Lindqvist', title: 'chief executive' }));
  });

  it('finds a person named after a role like "union head", and a family name written first used alone', () => {
    const result = extract('The letter, signed by union head Ravi Kantamneni, asks for a fairer rate. Rights Now was founded by former student leader Liu Wenbo. "We got nowhere," Kantamneni said. "They should not censor us," Liu said.');
    expect(result.people).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Ravi Kantamneni', title: 'union head' }), expect.objectContaining({ name: 'Liu Wenbo' })]));
    expect(result.quotes.map((q) => q.speaker)).toEqual(['Ravi Kantamneni', 'Liu Wenbo']);
  });

  it('reads "the chief executive of X on July 21" as naming a company, its national unit apart from the group, and "the Japanese companies A and B" as addressees', () => {
    const result = extract('Open Net first wrote to the chief executive of Vantel Myanmar on July 21. On August 11, it wrote to the Vantel Group chief executive in Doha. Vantel said it would sell the unit.', '2022-09-17');
    expect(result.organizations).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Vantel Myanmar', aliases: [] }), expect.objectContaining({ name: 'Vantel Group', aliases: ['Vantel'] })]));
    expect(result.letters.map((l) => `${l.recipient} ${l.sent}`)).toEqual(['Vantel Myanmar 2022-07-21', 'Vantel Group 2022-08-11']);
    const letters = extract('On 18 October, 46 groups, among them Justice Now, wrote to the Japanese companies Kaito Corp. and Sumiko Holdings about their partnership.').letters;
    expect(letters.map((l) => l.recipient)).toEqual(['Kaito Corp.', 'Sumiko Holdings']);
  });

  it('reads a name after a describing noun and a comma: "started a foundation, Kites Over Cliffs,"', () => {
    const result = extract('The parents started a foundation, Kites Over Cliffs, and wrote to Orbex Inc. in April.');
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Kites Over Cliffs', kind: 'ngo' }));
  });

  it('reads "said on Monday, in an investigation", findings sent to each company, and "All three replied"', () => {
    const text = 'Three camera makers, Orbex Inc., Lumio Ltd and Kestrel Corp., sold tools to police, Privacy Watch said on Monday, in an investigation timed to a vote.\n\n'
      + 'Privacy Watch said it had sent its preliminary findings to each of the three companies before publication. All three replied.';
    const events = eventsOf(text);
    expect(events).toEqual(expect.arrayContaining(['investigation_published 2026-06-08 Privacy Watch > Orbex Inc.',
      'letter_sent null Privacy Watch > Orbex Inc.', 'letter_sent null Privacy Watch > Lumio Ltd', 'letter_sent null Privacy Watch > Kestrel Corp.',
      'response_received null Orbex Inc. > Privacy Watch', 'response_received null Lumio Ltd > Privacy Watch', 'response_received null Kestrel Corp. > Privacy Watch']));
  });

  it('reads more company actions and other events: a tender won, cameras sold to police, talks ended, a product launched, a vote lost, a complaint lodged, a listing', () => {
    const events = eventsOf([
      'Orbex Inc. won a tender in 2021 to supply intercept tools.', 'Vantel AG sold network cameras to the city police.',
      'Kestrel Corp. has ended talks to buy a stake in Orbex Inc.', 'In August 2022 Lumio Ltd launched Family Hub.',
      'Orbex Inc. shareholders on Wednesday rejected the proposal.', 'The complaint, lodged on Jan. 2 by lawyers, names Orbex Inc.',
      'Lumio Ltd was added to the US Commerce Department\'s Entity List in October 2019.',
      'Technology sold by Kestrel Corp. was used to block websites.',
    ].join(' '), '2023-01-15');
    expect(events).toEqual([
      'company_action 2021 Orbex Inc. > -', 'company_action null Vantel AG > -', 'company_action null Kestrel Corp. > Orbex Inc.',
      'company_action 2022-08 Lumio Ltd > -', 'other 2023-01-11 Orbex Inc. > -', 'other 2023-01-02 - > Orbex Inc.', 'other 2019-10 Lumio Ltd > -',
    ]);
  });

  it('keeps one event when a date is told again more precisely ("last autumn", then "on 14 October 2025")', () => {
    const events = eventsOf('Privacy Watch wrote to Orbex Inc. last autumn about its data deals. We sent the letter on 14 October 2025 with eight questions.', '2026-02-01');
    expect(events).toEqual(['letter_sent 2025-10-14 Privacy Watch > Orbex Inc.']);
  });

  it('reads four-part names, drops "Professor", and gives "Smith said" to the Smith named last', () => {
    const result = extract([
      '"They will use any tool," said Arjun Dev Singh Mehta, policy director at Open Net.',
      'The letter answers an exchange with Professor Ronald J. Hale, director of the Open Lab.',
      'Chief executive Yara Osei announced the change on Monday.',
      'James C. Smith ran Orbex Inc. until 2020. Dana Smith, a pastor who filed the proposal, spoke at the meeting. "This company has earned millions," Smith said.',
    ].join(' '));
    expect(result.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Arjun Dev Singh Mehta', 'Ronald J. Hale', 'Yara Osei', 'James C. Smith', 'Dana Smith']));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Yara Osei', title: 'chief executive' }));
    expect(result.quotes.map((q) => q.speaker)).toEqual(['Arjun Dev Singh Mehta', 'Dana Smith']);
  });

  it('dates a silence "at the time of writing" or "by the time of publication" with the article', () => {
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. At the time of writing it had not replied.')).toContain('no_response 2026-06-12 Orbex Inc. > Privacy Watch');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. Orbex Inc. had not responded by the time of publication.')).toContain('no_response 2026-06-12 Orbex Inc. > Privacy Watch');
  });

  it('reads a company committing to carry out an assessment as a promise', () => {
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. Orbex Inc. committed to carry out an independent review.')).toContain('response_expected null Orbex Inc. > -');
  });

  it('reads a group publicly urging or criticising a company as a campaign, but not a company urging investors', () => {
    expect(eventsOf('In April 2020, Privacy Watch criticised Orbex Inc. over its camera deal.')).toEqual(['protest_or_campaign 2020-04 Privacy Watch > Orbex Inc.']);
    expect(eventsOf('Orbex Inc. urged investors to vote against the proposal.')).toEqual([]);
  });

  it('reads a request to act by a date as a deadline, but not "keep it running until"', () => {
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. It asked the company to take the app down by 30 June.')).toContain('response_deadline 2026-06-30 Privacy Watch > Orbex Inc.');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June, urging it to keep the tool running until January 2027.').filter((e) => e.startsWith('response_deadline'))).toEqual([]);
  });

  it('reads "Ericsson has said" as naming a company, a letter to its board as a letter to it, and a name before a company marker as no person', () => {
    const result = extract('Vantel disclosed in February that an inquiry had found corruption. The Small Shareholders\' Association said it had written to the board after last year\'s meeting with eight questions. Vantel has said it is limited in what it can say.', '2023-03-29');
    expect(result.organizations.map((o) => o.name)).toContain('Vantel');
    expect(result.letters[0]).toMatchObject({ senders: ['Small Shareholders\' Association'], recipient: 'Vantel', questionCount: 8 });
    const other = extract('Privacy Watch criticised the reply that Dorian Gray Scientific has sent to lawmakers.');
    expect(other.people.map((p) => p.name)).not.toContain('Dorian Gray');
    expect(other.organizations.map((o) => o.name)).toContain('Dorian Gray Scientific');
  });

  it('reads letters that went out, were posted, or were made public the day they were sent', () => {
    expect(eventsOf('The six-page letter from Privacy Watch went out on Monday to Orbex Inc.')).toContain('letter_sent 2026-06-08 Privacy Watch > Orbex Inc.');
    expect(eventsOf('On 2 June Privacy Watch sent Orbex Inc. a letter. The group posted it publicly the same day.')).toEqual(['letter_sent 2026-06-02 Privacy Watch > Orbex Inc.', 'letter_published 2026-06-02 Privacy Watch > Orbex Inc.']);
    expect(eventsOf('In an open letter posted on Medium on Friday, the Riders Collective asked Orbex Inc. for hazard pay.')).toContain('letter_published 2026-06-12 Riders Collective > Orbex Inc.');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. Orbex Inc. replied a day after the letter went out.').filter((e) => e.startsWith('letter_sent'))).toEqual(['letter_sent 2026-06-02 Privacy Watch > Orbex Inc.']);
  });

  it('reads reports by the month they came out, and findings released on a day', () => {
    expect(eventsOf('Privacy Watch documented the sales in a January report, "Watched", and wrote to Orbex Inc.')).toContain('investigation_published 2026-01 Privacy Watch > Orbex Inc.');
    expect(eventsOf('Privacy Watch said its joint investigation, released on 28 May, found that Orbex Inc. approved the ads.')).toContain('investigation_published 2026-05-28 Privacy Watch > Orbex Inc.');
  });

  it('reads a speaker with initials, outlets called a site or a weekly, and no kind from "on its website,"', () => {
    const result = extract('"It worries us," said J.B. Marsh, Open Citizen\'s tech policy advocate. The network includes the French site Mediaflux and the German weekly Der Blick. In a statement on its website, Orbex Inc. said it complied.');
    expect(result.people.map((p) => p.name)).toContain('J.B. Marsh');
    expect(result.quotes[0]).toMatchObject({ speaker: 'J.B. Marsh' });
    expect(result.organizations).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Mediaflux', kind: 'media' }), expect.objectContaining({ name: 'Der Blick', kind: 'media' }),
      expect.objectContaining({ name: 'Orbex Inc.', kind: 'company' })]));
  });

  it('reads a group releasing its own report', () => {
    expect(eventsOf('On Monday, Privacy Watch released its own technical report on Orbex Inc.')).toContain('investigation_published 2026-06-08 Privacy Watch > Orbex Inc.');
  });

  it('keeps initials, a generation and a closing place-like word in a name, and reads "leader" as a title', () => {
    const result = extract('Orbex Inc. president R. Allen Voss apologised. K.V. Ramaiah, a researcher at Privacy Watch, said the company had not replied. '
      + 'Tomas Ortega Jr. criticised the decision. Mara Ellis Houston, a board member, said it would review the policy. '
      + 'Ho Wai Ling, a former union leader, was arrested. Thousands of supporters of opposition leader Dmitri Volkov rallied.');
    const names = result.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['R. Allen Voss', 'K.V. Ramaiah', 'Tomas Ortega Jr.', 'Mara Ellis Houston', 'Ho Wai Ling']));
    expect(names).not.toEqual(expect.arrayContaining(['Allen Voss']));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'K.V. Ramaiah', title: 'researcher', affiliation: 'Privacy Watch' }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Ho Wai Ling', title: 'former union leader' }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Dmitri Volkov', title: 'opposition leader' }));
  });

  it('reads the companies a letter went to from a list of recipients, of operators after a colon, or of their heads', () => {
    const recipients = (text: string) => extract(text).letters.map((l) => l.recipient);
    const listed = extract('Privacy Watch sent letters on 19 July. The recipients were Kvist Mobile, Lumio Wireless, Halden Cable and Verizon. Each company was given until 3 August to reply.');
    expect(listed.organizations.filter((o) => o.kind === 'company').map((o) => o.name)).toEqual(['Kvist Mobile', 'Lumio Wireless', 'Halden Cable', 'Verizon']);
    expect(listed.letters.map((l) => l.recipient)).toEqual(['Kvist Mobile', 'Lumio Wireless', 'Halden Cable', 'Verizon']);
    expect(recipients('Privacy Watch published its letter. The letter went to Lumio, Orbex, Kvist Mobile and Filtra Networks.')).toEqual(['Lumio', 'Orbex', 'Kvist Mobile', 'Filtra Networks']);
    expect(orgNames('Ten of them are telecoms operators: Kelvo, Axiom Mobile and Ostra.')).toEqual(['Kelvo:company', 'Axiom Mobile:company', 'Ostra:company']);
    const heads = extract('The open letter from Privacy Watch was addressed to the chief executives of three companies: Sam Altman of OpenAI, Dara Quill of Lumio Labs and Satya Nadella of Microsoft.');
    expect(heads.people).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Dara Quill', affiliation: 'Lumio Labs' })]));
    expect(heads.organizations.map((o) => o.name)).not.toContain('Dara Quill of Lumio Labs');
    expect(heads.letters.map((l) => l.recipient)).toEqual(['OpenAI', 'Lumio Labs', 'Microsoft']);
  });

  it('lets a well-known company outweigh a marker word in a list, and reads no US state as an organisation', () => {
    expect(orgNames('The recipients were Halden Network, Google and Ostra Wireless.')).toEqual(expect.arrayContaining(['Google:company', 'Ostra Wireless:company']));
    expect(orgNames('Attorney General Kwame Raoul of Illinois and Josh Stein of North Carolina wrote to Orbex Inc.').join()).not.toMatch(/Illinois|Carolina/);
  });

  it('dates "a 2022 survey", a letter sent "the following day" and one published "in full below"', () => {
    expect(eventsOf('A 2022 survey by Privacy Watch found that 40% of drivers had been deactivated by Orbex Inc.')).toContain('investigation_published 2022 Privacy Watch > Orbex Inc.');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 25 February. The following day it sent similar letters to Lumio Ltd.')).toEqual(
      ['letter_sent 2026-02-25 Privacy Watch > Orbex Inc.', 'letter_sent 2026-02-26 Privacy Watch > Lumio Ltd.']);
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. We are publishing the letter in full below.')).toContain('letter_published 2026-06-12 Privacy Watch > Orbex Inc.');
  });

  it('takes the organisation a person writes for as the letter\'s sender, and counts people who sign', () => {
    const result = extract('The Federal Trade Commission opened an inquiry. FTC Chairwoman Dana Ruiz wrote to Orbex Inc. on 2 June. Jane Doe, a researcher at Privacy Watch, wrote to Lumio Ltd. on 3 June.');
    expect(result.letters.map((l) => [l.senders, l.recipient])).toEqual([[['Federal Trade Commission'], 'Orbex Inc.'], [['Privacy Watch'], 'Lumio Ltd.']]);
    // People the text names no organisation for are no senders, but they are signatories.
    expect(letterFieldsOf('Senators Dana Ruiz and Tom Hale wrote to Orbex Inc. on 2 June, asking how it shares location data.')).toEqual({ senders: [], senderCount: 2, recipient: 'Orbex Inc.' });
  });

  it('reads one event with each organisation listed after a meeting, a lawsuit or a protest', () => {
    expect(eventsOf('The transport ministry met Orbex Inc., Lumio Ltd. and Kvist Group last week.').filter((e) => e.startsWith('other'))).toEqual(
      ['other 2026-06 - > Orbex Inc.', 'other 2026-06 - > Lumio Ltd.', 'other 2026-06 - > Kvist Group']);
    expect(eventsOf('Privacy Watch staged protests against Orbex Inc. and Lumio Ltd. on Monday.')).toEqual(
      ['protest_or_campaign 2026-06-08 Privacy Watch > Orbex Inc.', 'protest_or_campaign 2026-06-08 Privacy Watch > Lumio Ltd.']);
  });

  it('reads "All three companies replied" and "had received responses from A and B" as each company\'s reply, "By <date>, … had" as no deadline', () => {
    const letter = 'Privacy Watch wrote to Orbex Inc., Lumio Ltd. and Kvist Group on 2 May.';
    expect(eventsOf(`${letter} All three companies replied.`).filter((e) => e.startsWith('response'))).toEqual(
      ['response_received null Orbex Inc. > Privacy Watch', 'response_received null Lumio Ltd. > Privacy Watch', 'response_received null Kvist Group > Privacy Watch']);
    expect(eventsOf(`${letter} By 6 June, Privacy Watch had received responses from Orbex Inc. and Lumio Ltd.`).filter((e) => e.startsWith('response'))).toEqual(
      ['response_received 2026-06-06 Orbex Inc. > Privacy Watch', 'response_received 2026-06-06 Lumio Ltd. > Privacy Watch']);
  });

  it('dates each clause of "wrote on Tuesday and posted it on Wednesday", a letter "made public this morning" or one that "has been published"', () => {
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on Tuesday and posted the letter on its website on Wednesday.')).toEqual(
      ['letter_sent 2026-06-09 Privacy Watch > Orbex Inc.', 'letter_published 2026-06-10 Privacy Watch > Orbex Inc.']);
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. The letter was made public this morning.')).toContain('letter_published 2026-06-12 Privacy Watch > Orbex Inc.');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 2 June. The letter has been published in full on the group\'s website.')).toContain('letter_published 2026-06-12 Privacy Watch > Orbex Inc.');
  });

  it('reads an investigation of several companies as one event with each', () => {
    expect(eventsOf('In March, Privacy Watch published an analysis of the ad libraries offered by Orbex Inc., Lumio Ltd. and Kvist Group.')).toEqual([
      'investigation_published 2026-03 Privacy Watch > Orbex Inc.', 'investigation_published 2026-03 Privacy Watch > Lumio Ltd.', 'investigation_published 2026-03 Privacy Watch > Kvist Group']);
  });

  it('reads each company of a listed subject as silent, as of the day "of this story"', () => {
    expect(eventsOf('Privacy Watch wrote to Orbex Inc., Lumio Ltd., Kvist Group and Halden Cable on 2 May. As of the date of this story, Orbex Inc., Lumio Ltd. and Kvist Group had not responded to Privacy Watch.')
      .filter((e) => e.startsWith('no_response'))).toEqual(['no_response 2026-06-12 Orbex Inc. > Privacy Watch', 'no_response 2026-06-12 Lumio Ltd. > Privacy Watch', 'no_response 2026-06-12 Kvist Group > Privacy Watch']);
  });

  it('gives a surname speaker the full name given earlier, and drops a capitalised rank before a name', () => {
    const result = extract('Prime Minister Erna Holmvik posted the photograph. "It is wrong," Holmvik said. "We are asking for change," said Senior Counsel Nate Cardell. Even Orbex Inc. said it was surprised.');
    expect(result.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Erna Holmvik', 'Nate Cardell']));
    expect(result.quotes.map((q) => q.speaker)).toEqual(['Erna Holmvik', 'Nate Cardell']);
    expect(result.people.map((p) => p.name)).not.toContain('Even Orbex');
  });

  it('reads a company saying it will sell, stop or end something, or is suspending it, as its action', () => {
    expect(eventsOf('Orbex Inc. said on Friday that it will sell its stake in Lumio Ltd.')).toContain('company_action 2026-06-12 Orbex Inc. > Lumio Ltd.');
    expect(eventsOf('Orbex Inc. said later the same day that it was suspending payments to the site.')).toEqual(['company_action null Orbex Inc. > -']);
    expect(eventsOf('Orbex Inc. told staff last Friday that it would not renew the contract.')).toEqual(['company_action 2026-06-05 Orbex Inc. > -']);
  });

  it('reads replies from companies listed after a colon, an urgent application filed, and a stay-away or strike', () => {
    const events = eventsOf('Privacy Watch wrote to Orbex Inc., Lumio Ltd and Kestrel Corp. on 2 June. Only two companies responded: Orbex Inc. and Lumio Ltd. The Legal Aid Forum filed an urgent application on Wednesday against Orbex Inc. Workers have been on an indefinite strike since 1 June.');
    expect(events).toEqual(expect.arrayContaining(['response_received null Orbex Inc. > Privacy Watch', 'response_received null Lumio Ltd. > Privacy Watch',
      'other 2026-06-10 Legal Aid Forum > Orbex Inc.']));
    expect(events.some((e) => e.startsWith('protest_or_campaign 2026-06-01'))).toBe(true);
  });

  it('reads names after "invited" and before "delivered a letter" as organisations', () => {
    const result = extract('The Resource Centre invited Vantelo and Kirra to respond. Alongside the petition, Fairbrook delivered an open letter to Orbex Inc.');
    expect(result.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Vantelo', 'Kirra', 'Fairbrook']));
  });

  it('takes no place such as "San Mateo" or "Old Bailey" for a person', () => {
    const { people } = extract('Orbex Inc., based in San Mateo, faces a trial at the Old Bailey. "It is unsafe," said Mara Lind, a driver.');
    expect(people.map((p) => p.name)).toEqual(['Mara Lind']);
  });

  it('takes no headline in title case for an organisation', () => {
    const result = extract('Orbex Says It Will Open Its Political Ad Archive After Pressure From Civil Society\n\nOn Monday, Privacy Watch and 35 other organisations sent Orbex Inc. an open letter.');
    expect(result.organizations.map((o) => o.name)).not.toContain('Orbex Says It Will Open Its Political Ad Archive After Pressure From Civil Society');
    expect(result.letters[0]).toMatchObject({ senders: ['Privacy Watch'], recipient: 'Orbex Inc.' });
  });

  it('reads a one-letter company the text says was formerly called something else, under its new name', () => {
    const result = extract('On 6 July the Tech Justice Coalition wrote to Orbex Inc. and X. The letter was addressed to X (formerly Twitter) and to Orbex Inc.', '2023-08-01');
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'X', kind: 'company', aliases: ['Twitter'] }));
    expect(result.letters.map((l) => l.recipient)).toEqual(['Orbex Inc.', 'X']);
    expect(extract('Project X was a code name. Y said nothing.').organizations).toEqual([]);
  });

  it('reads a name with commas in it when the acronym after it spells it whole', () => {
    const names = extract('The Retail, Wholesale and Warehouse Workers Union (RWWWU) wrote to Orbex Inc. on Monday. The Ministry of Labour, Invalids and Social Affairs (MOLISA) said it would look.')
      .organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Retail, Wholesale and Warehouse Workers Union', 'Ministry of Labour, Invalids and Social Affairs']));
    expect(names).not.toContain('Invalids');
  });

  it('reads "X of the Y said" as a person of an organisation, not one long organisation', () => {
    const result = extract('Talia Wickram of the Centre for Policy Choices said the reply was weak. "We want dates," she said.');
    expect(result.people.map((p) => p.name)).toEqual(['Talia Wickram']);
    expect(result.organizations.map((o) => o.name)).toEqual(['Centre for Policy Choices']);
    expect(result.quotes[0]).toMatchObject({ speaker: 'Talia Wickram' });
  });

  it('takes a name a kind of organisation introduces for that organisation, not a person', () => {
    const result = extract('The London firm Harrow de Vere is also working on the case for Privacy Watch.');
    expect(result.people).toEqual([]);
  });

  it('reads a title and employer given at the end of a sentence whose full stop closes a legal form', () => {
    const { people } = extract('The letter went to Tomas Berg, chief executive of Lumio Ltd. It asked for answers.');
    expect(people).toContainEqual(expect.objectContaining({ name: 'Tomas Berg', title: 'chief executive', affiliation: 'Lumio Ltd.' }));
  });

  it('reads names that open with a number, and the kind a descriptor after a preposition gives', () => {
    const names = orgNames('The letter was signed by groups including the Kvist digital rights group 4ward and Restore the Signal. It cites the chief executives of the telecoms operators 3degrees and Lark Mobile, and a ban on the book distributor Inkwords. The group had 20 members in the 1990s and met at 5pm.');
    expect(names).toEqual(expect.arrayContaining(['4ward:ngo', 'Restore the Signal:ngo', '3degrees:company', 'Lark Mobile:company', 'Inkwords:company']));
    expect(names.join()).not.toMatch(/1990s|5pm/);
  });

  it('reads two names set off by dashes as one organisation, under the more complete name', () => {
    const { organizations } = extract('Access Now, 4ward – the Centre for the Advancement of Open Media – and other groups wrote to Lumio. 4ward said Lumio did not reply.');
    const centre = organizations.find((o) => o.name === 'Centre for the Advancement of Open Media');
    expect(centre?.aliases).toContain('4ward');
    expect(organizations.filter((o) => o.name === '4ward')).toEqual([]);
  });

  it('takes no people of a nation, in the plural, for an organisation', () => {
    expect(orgNames('Privacy Watch said some homes Lumio Ltd lists are on land privately owned by Palestinians, who are barred from entering.').join()).not.toMatch(/Palestinians/);
  });

  it('keeps "Centre for X and Y" whole in a list joined by "and"s, and splits the names after it', () => {
    expect(orgNames('The letter was signed by Privacy Watch, Centre for Media and Society and Open Signal Trust and Kvist Rights Watch.'))
      .toEqual(expect.arrayContaining(['Centre for Media and Society:ngo', 'Open Signal Trust:ngo', 'Kvist Rights Watch:ngo']));
  });

  it('reads answers that came, arrived or were sent back, resource-centre response headings, and reports titled or out yesterday', () => {
    const events = eventsOf([
      'Privacy Watch wrote to Orbex Inc. and Lumio Ltd on 2 June.',
      'Orbex Inc.\'s answer, dated 5 June, came from its legal department.',
      'Lumio Ltd sent back a five-page letter.',
    ].join(' '));
    expect(events).toEqual(expect.arrayContaining(['response_received 2026-06-05 Orbex Inc. > Privacy Watch', 'response_received null Lumio Ltd > Privacy Watch']));
    expect(events.filter((e) => e.startsWith('letter_sent'))).toEqual(['letter_sent 2026-06-02 Privacy Watch > Orbex Inc.', 'letter_sent 2026-06-02 Privacy Watch > Lumio Ltd']);
    expect(eventsOf('Privacy Watch invited Orbex Inc. to respond.\n\nOrbex Inc. response (received 9 June 2026)')).toContain('response_received 2026-06-09 Orbex Inc. > Privacy Watch');
    expect(eventsOf('In a 60-page report titled "Watched", Privacy Watch set out how the tools are used.')).toContain('investigation_published null Privacy Watch > -');
  });

  it('reads what a company announced it would do, sold, supplied, disbanded or raised as its action, but not what was sold by it', () => {
    const events = eventsOf([
      'Orbex Inc. announced on Tuesday that it would end the programme.',
      'The camera maker Lumio Ltd sold network cameras to the police.',
      'Kestrel Systems Ltd supplied the software.',
      'In June 2019 Vanta Labs Inc. raised $74 million in a funding round.',
    ].join(' '));
    expect(events).toEqual(['company_action 2026-06-09 Orbex Inc. > -', 'company_action null Lumio Ltd > -', 'company_action null Kestrel Systems Ltd > -', 'company_action 2019-06 Vanta Labs Inc. > -']);
    expect(eventsOf('Privacy Watch found location records sold by Orbex Inc. and cameras that had been supplied to the police.')).toEqual([]);
  });

  it('reads a university, a school or a hospital by the word that ends its name', () => {
    expect(orgNames('Ana Ruiz, a professor at Kvist University\'s business school, spoke. Tom Lee of Harrow Law School and a doctor at Northfield Children\'s Hospital signed.'))
      .toEqual(expect.arrayContaining(['Kvist University:other', 'Harrow Law School:other', 'Northfield Children\'s Hospital:other']));
  });

  it('keeps "Center for Missing and Exploited Children" whole, and takes no people or faith for an organisation', () => {
    expect(orgNames('He cited figures from the Kvist Center for Missing and Exploited Children.')).toEqual(['Kvist Center for Missing and Exploited Children:ngo']);
    expect(orgNames('The investors worked with Tom Lee, founding director of the Center on Media and Child Health at Harrow General Hospital, in preparing the letter.'))
      .toEqual(['Center on Media and Child Health:ngo', 'Harrow General Hospital:other']);
    expect(orgNames('Orbex Inc. removed posts by Rohingya and Muslim users; Tigrayans said so too.')).toEqual(['Orbex Inc.:company']);
  });

  it('reads an open letter posted long after it is named, and a resource-centre "Open letter | date" heading, as published', () => {
    expect(eventsOf('The move follows an open letter that the Kvist campaign group Fair Share, whose movement director is Ana Ruiz, a former teacher from the northern city of Harrow, sent on 11 May to the chief executives of Orbex, Lumio, Kestrel Pay, Vanta and Quill, among others, and posted on its website the same day.'))
      .toContain('letter_published 2026-05-11 Fair Share > Orbex');
    expect(eventsOf('Privacy Watch wrote to Orbex Inc. on 18 October.\n\nOpen letter | 18 Oct 2025\nOrbex Inc.: stop the sales')).toContain('letter_published 2025-10-18 Privacy Watch > Orbex Inc.');
  });

  it('reads a hyphenated first name whole', () => {
    expect(extract('The letter named Orbex chief executive Tom Lee and Wen-Wen Li, chief scientist for AI at Orbex Cloud.').people)
      .toContainEqual(expect.objectContaining({ name: 'Wen-Wen Li', title: 'chief scientist for AI', affiliation: 'Orbex Cloud' }));
  });

  it('reads French and Spanish names of rights groups whole, with their acronyms', () => {
    const { organizations } = extract("The Association Kvistoise pour l'Accès à la Justice (AKAJ), Action Contre l'Impunité pour les Droits Humains (ACIDH) and the Red en Defensa de los Derechos Digitales wrote to Orbex Inc.");
    expect(organizations.map((o) => `${o.name}:${o.kind}`)).toEqual(expect.arrayContaining([
      "Association Kvistoise pour l'Accès à la Justice:ngo", "Action Contre l'Impunité pour les Droits Humains:ngo", 'Red en Defensa de los Derechos Digitales:ngo']));
    expect(organizations.find((o) => o.name.startsWith('Association'))?.aliases).toContain('AKAJ');
  });

  it('keeps a rank, a plural or a verb before a full name out of the name, and the hyphenated part of a given name in it', () => {
    const text = 'Comrade Tunde Obaseki, chair of the drivers\' union, said fares had halved. Affairs Minister Lena Varga declined to comment. '
      + 'Activists chanted "Reinstate Mara Quill" outside the depot. The union rejected a scheme proposed by a committee chaired by former justice Kim Su-bin, and set up its own.';
    expect(extract(text).people.map((p) => p.name)).toEqual(['Tunde Obaseki', 'Lena Varga', 'Mara Quill', 'Kim Su-bin']);
  });
});
