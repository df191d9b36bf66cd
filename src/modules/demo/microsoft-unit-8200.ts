/**
 * The worked example: the rights groups' letter to Microsoft about Unit 8200 and Azure, as the
 * news report of 11 October 2025 (shared/fixtures/articles/microsoft-letter-2025-10.txt) tells it,
 * with the two dates it does not give taken from Arab News (11 October 2025). Nothing here goes
 * beyond what those two sources say; where they are silent (the questions' text, the deadline's
 * time zone, when the promise to reply was made) the record says so or stays empty.
 */
import type { OrganizationKind } from '../organizations/organization.ts';

export const demoCaseSlug = 'microsoft-unit-8200';

export const demoOrganizations: { key: string; name: string; kind: OrganizationKind; parent?: string }[] = [
  { key: 'hrw', name: 'Human Rights Watch', kind: 'ngo' },
  { key: 'amnesty', name: 'Amnesty International', kind: 'ngo' },
  { key: 'accessNow', name: 'Access Now', kind: 'ngo' },
  { key: 'microsoft', name: 'Microsoft', kind: 'company' },
  { key: 'guardian', name: 'The Guardian', kind: 'media' },
  { key: 'localCall', name: 'Local Call', kind: 'media' },
  { key: 'plus972', name: '+972 Magazine', kind: 'media' },
  { key: 'mod', name: 'Israel Ministry of Defense', kind: 'government' },
  { key: 'military', name: 'Israeli military', kind: 'military', parent: 'mod' },
  { key: 'unit8200', name: 'Unit 8200', kind: 'military', parent: 'military' },
];

export const demoProducts = [
  { key: 'azure', name: 'Microsoft Azure', parent: null },
  { key: 'azureStorage', name: 'Azure cloud-based storage', parent: 'azure' },
] as const;

export const demoPerson = { name: 'Deborah Brown', title: 'technology and rights deputy director', affiliation: 'hrw' } as const;

export const demoCase = {
  slug: demoCaseSlug,
  title: 'Microsoft, Azure and Unit 8200',
  summary:
    'An investigation by The Guardian, +972 Magazine and Local Call reported that the Israeli military’s Unit 8200 used Microsoft Azure to collect, record and store millions of mobile phone calls by Palestinians in Gaza and the West Bank. Microsoft disabled specific cloud storage and AI services for Israel Ministry of Defense subscriptions. Six rights groups wrote to Microsoft demanding a suspension of business with the Israeli military and government, with seven questions and answers expected by 10 October 2025.',
};

export const demoSources = {
  article: {
    title: 'News report: rights groups publish their letter to Microsoft (11 October 2025)',
    url: null,
    publisher: null,
    publishedOn: '2025-10-11',
    language: 'en',
  },
  arabNews: {
    title: 'Arab News, 11 October 2025 (metadata only)',
    url: 'https://www.arabnews.com/node/2618521/media',
    publisher: 'Arab News',
    publishedOn: '2025-10-11',
    language: 'en',
  },
} as const;

export const demoAllegations = [
  'The Israeli military’s Unit 8200 uses Microsoft Azure to collect, record and store millions of mobile phone calls by Palestinians in Gaza and the West Bank.',
  'Using the storage power of Azure’s cloud-based storage, Unit 8200 has been able to conduct lethal airstrikes and shape strategy in Gaza and the West Bank.',
  'Israeli authorities have reportedly used this system to intercept the conversations of ordinary citizens, mining them for information used to violate Palestinians’ human rights.',
];

export const demoLetter = {
  subject: 'Joint letter to Microsoft demanding a suspension of business with the Israeli military and government',
  body:
    'Excerpt quoted in the news report (the full text is not reproduced here):\n\n' +
    'Israeli authorities have used the mass surveillance and coercive extraction of Palestinians’ personal data to enable, facilitate, and even accelerate the commission of other international crimes, including genocide; crimes against humanity, including of extermination; and war crimes, including air strikes carried out in violation of the laws of war.',
  signatoryCount: 6,
  demands: ['Suspend business with the Israeli military and government, as Microsoft technology abets human rights abuses.'],
  questions: Array.from(
    { length: 7 },
    (_, index) =>
      `Question ${index + 1} of 7: its text has not been made public. The news report says only that the seven questions request additional investigations and steps by Microsoft.`,
  ),
  sentOn: '2025-09',
  // The report gives the date ("answers expected by October 10") but no time or zone: the end of that day, UTC.
  responseDeadline: { date: '2025-10-10', time: '23:59', timeZone: 'UTC' },
  publishedOn: '2025-10-10',
};

export const demoCommitments = [
  { text: 'Microsoft said that it intends to reply to the letter at the end of the month.', dueOn: '2025-10-31' },
  { text: 'Microsoft said it was working to ensure its services are not used for mass surveillance of civilians.', dueOn: null },
];

export const demoAction = {
  description: 'Disabled specific cloud storage and artificial intelligence services and technologies for Israel Ministry of Defense subscriptions.',
  occurredOn: '2025-09-25',
  scope: 'Specific cloud storage and AI services and technologies, for Israel Ministry of Defense subscriptions.',
};

export const demoInvestigation = {
  title: 'The Guardian, +972 Magazine and Local Call publish their investigation into Unit 8200’s use of Microsoft Azure',
  occurredOn: '2025-08',
};

export const demoStatements = [
  {
    speaker: { person: demoPerson.name },
    quote:
      'Microsoft has taken an important first step toward restricting the use of specific technologies by a unit within the Israeli military for repressing Palestinians. It should comprehensively review its business relationships with Israeli authorities and take action to ensure that its … tools and services are not complicit in Israel’s extermination of Palestinians and other serious abuses.',
  },
  {
    speaker: { organization: 'microsoft' },
    quote:
      'At no time during this engagement … has Microsoft been aware of the surveillance of civilians or collection of their cellphone conversations using Microsoft’s services, including through the external review it commissioned.',
  },
  {
    speaker: { organization: 'microsoft' },
    quote: '[Microsoft had disabled] specific cloud storage and (Artificial Intelligence) services and technologies [and was working to] ensur[e] our services are not used for mass surveillance of civilians.',
  },
  {
    speaker: { organization: 'hrw' },
    quote: '[Israeli authorities have reportedly used the information to] blackmail people, place them in detention, or even justify their killing after the fact.',
  },
] as const;
