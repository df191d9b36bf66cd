/**
 * Built-in knowledge of what kind of organisation a name denotes, from the words that mark it
 * ("Ministry", "Foundation", "Inc."), the descriptors around it ("the newspaper", "a data broker"),
 * and a short list of very well-known names (the big platforms and wire services) that carry no
 * marker at all. It holds general knowledge only; per-case names come in through `knownOrganizations`.
 */
import type { OrgKind } from './types.ts';

/** Multi-word markers, checked before single words ("Asset Management" before "Management"). */
export const phraseMarkers: [RegExp, OrgKind][] = [
  [/^European (?:[A-Z][\w]* ){0,3}(?:Board|Commission|Parliament|Council|Agency|Court|Ombudsman|Supervisor|Authority)$/, 'intergovernmental'],
  [/\b(?:Legal (?:Defen[cs]e )?Fund|Defen[cs]e Fund)$/, 'ngo'],
  [/\bCivil Liberties Union$/, 'ngo'], // "American Civil Liberties Union" is a rights group, not a trade union
  [/^(United Nations|UN|European Union|EU|European Commission|European Parliament|Council of Europe|OECD|World Bank|NATO|African Union|OHCHR|UNHCR|UNICEF|UNESCO|Human Rights Council|International Criminal Court|International Court of Justice|ASEAN|Interpol)$/, 'intergovernmental'],
  [/\b(United Nations|UN Human Rights|Special Rapporteur)\b/, 'intergovernmental'],
  [/\b(Asset Management|Investments|Investment Trust|Investment Management|Pension Funds?|Pension Board|Pensions?|Capital Management|Wealth Management|Investors?)$/, 'investor'],
  [/\b(Trades? Unions?|Workers Union|Union of|Federation of Labou?r|Confederation)\b/, 'union'],
  [/^Unit \d+$|\b(Defen[cs]e Forces|Armed Forces|Air Force|Army|Navy|Marines|Brigade|Military Intelligence)\b/, 'military'],
  [/\b(Ministry|Department|Agency|Authority|Police|Court|Parliament|Senate|Congress|Government|Enforcement|Regulator|Bureau|Tribunal|Inspectorate|Prosecutor|Commission|Cabinet|Municipality|Council of State)\b/, 'government'],
];

/** The last word of a name that marks its kind. */
export const lastWordMarkers: Record<string, OrgKind> = {
  'e.V.': 'ngo', Inc: 'company', 'Inc.': 'company', Ltd: 'company', 'Ltd.': 'company', Limited: 'company', Corp: 'company',
  'Corp.': 'company', Corporation: 'company', LLC: 'company', plc: 'company', PLC: 'company', 'B.V.': 'company',
  'N.V.': 'company', GmbH: 'company', AG: 'company', 'S.A.': 'company', 'Co.': 'company', Company: 'company',
  Technologies: 'company', Technology: 'company', Systems: 'company', Platforms: 'company', Analytics: 'company', Cloud: 'company',
  Software: 'company', Networks: 'company', Solutions: 'company', Holdings: 'company', Telecom: 'company',
  Telecommunications: 'company', Robotics: 'company', Security: 'company', Dynamics: 'company',
  ASA: 'company', AS: 'company', AB: 'company', SA: 'company', SpA: 'company', Oy: 'company', KK: 'company',
  Pty: 'company', SE: 'company', NV: 'company', BV: 'company', Srl: 'company', SAS: 'company', LLP: 'company',
  Mobility: 'company', Motors: 'company', Airlines: 'company', Pharmaceuticals: 'company', Electronics: 'company',
  Biometrics: 'company', Aerospace: 'company', Semiconductor: 'company', Semiconductors: 'company', Scientific: 'company',
  Watch: 'ngo', International: 'ngo', Foundation: 'ngo', Forum: 'ngo', Lab: 'ngo', Alliance: 'ngo',
  Network: 'ngo', Coalition: 'ngo', Collective: 'ngo', Centre: 'ngo', Center: 'ngo', Institute: 'ngo',
  Initiative: 'ngo', Monitor: 'ngo', Liberties: 'ngo', Rights: 'ngo', Association: 'ngo', Society: 'ngo',
  Borders: 'ngo', Defenders: 'ngo', Action: 'ngo', Trust: 'ngo', Campaign: 'ngo', Observatory: 'ngo',
  Project: 'ngo', Witness: 'ngo', League: 'ngo', Accountability: 'ngo', Advocates: 'ngo', Watchdog: 'ngo', Solidarity: 'ngo',
  Magazine: 'media', News: 'media', Times: 'media', Post: 'media', Journal: 'media', Herald: 'media',
  Tribune: 'media', Gazette: 'media', Insider: 'media', Press: 'media', Media: 'media', Broadcasting: 'media',
  Radio: 'media', Television: 'media', Review: 'media', Intercept: 'media', Chronicle: 'media',
  Wire: 'media',
  Capital: 'investor', Fund: 'investor', Partners: 'investor',
  Union: 'union', Workers: 'union',
  University: 'other', College: 'other', School: 'other', Hospital: 'other',
  Ministry: 'government', Department: 'government', Agency: 'government', Authority: 'government',
  Office: 'government', Police: 'government', Court: 'government', Enforcement: 'government', Commission: 'government',
  Bureau: 'government', Parliament: 'government', Tribunal: 'government', Regulator: 'government', Commissioner: 'government', Ombudsman: 'government',
};

/** The first word of a name that marks its kind ("Ministry of …", "Committee to …"). */
export const firstWordMarkers: Record<string, OrgKind> = {
  Ministry: 'government', Department: 'government', Office: 'government', Court: 'government',
  Committee: 'ngo', Centre: 'ngo', Center: 'ngo', Institute: 'ngo', Stichting: 'ngo', Fondation: 'ngo', University: 'other', College: 'other',
  Daily: 'media', Radio: 'media',
  // French and Spanish names of rights groups and unions.
  Association: 'ngo', Institut: 'ngo', Instituto: 'ngo', Ligue: 'ngo', Liga: 'ngo', Comité: 'ngo', Collectif: 'ngo', Réseau: 'ngo',
  Observatoire: 'ngo', Observatorio: 'ngo', Fundación: 'ngo', Asociación: 'ngo', Centro: 'ngo', Syndicat: 'union', Sindicato: 'union',
};

/** Well-known names with no marker word. Platforms count as companies. */
export const wellKnownOrganizations: Record<string, OrgKind> = {
  Microsoft: 'company', Google: 'company', Alphabet: 'company', Amazon: 'company', Apple: 'company',
  Meta: 'company', Facebook: 'company', Instagram: 'company', WhatsApp: 'company', YouTube: 'company',
  TikTok: 'company', ByteDance: 'company', Palantir: 'company', Oracle: 'company', IBM: 'company',
  Nvidia: 'company', Cisco: 'company', Huawei: 'company', Telegram: 'company', Twitter: 'company',
  OpenAI: 'company', Anthropic: 'company', Salesforce: 'company', Clearview: 'company', Uber: 'company',
  Reuters: 'media', Bloomberg: 'media', 'Associated Press': 'media', AP: 'media', AFP: 'media', BBC: 'media',
  Guardian: 'media', 'The Guardian': 'media', 'Al Jazeera': 'media', Haaretz: 'media', 'The Intercept': 'media',
  'Financial Times': 'media', 'New York Times': 'media', 'The New York Times': 'media',
  'Washington Post': 'media', 'The Washington Post': 'media', 'Wall Street Journal': 'media',
  'Amnesty International': 'ngo', 'Human Rights Watch': 'ngo', 'Access Now': 'ngo', 'Citizen Lab': 'ngo',
};

/** Lower-case descriptors before or after a name that tell its kind ("the newspaper X", "X, a data broker"). */
export const descriptorKinds: [RegExp, OrgKind][] = [
  [/\b(investor|fund|asset manager|investment manager|fund manager|wealth manager|investment firm|shareholder|pension fund)s?$/, 'investor'],
  [/\b(newspaper|news outlet|outlet|magazine|broadcaster|news agency|news site|site|website|weekly|daily|tabloid|publication|journalists?)$/, 'media'],
  [/\b(compan(?:y|ie)|firm|\w*maker|provider|vendor|broker|manufacturer|developer|start-?up|giant|operator|platform|retailer|distributor|marketplace|carrier|contractor|supplier|business)s?$/, 'company'],
  [/\b(ministry|regulator|government|agency|authority|department|police|court)$/, 'government'],
  [/\b(army|military|unit)$/, 'military'],
  [/\b(union)$/, 'union'],
  [/\b(group|groups|organi[sz]ation|charity|foundation|ngo|network|coalition|campaign|watchdog|non-?profit|research cent(?:re|er)|think tank|collective)$/, 'ngo'],
];

/** Countries, regions and cities that appear capitalised in news text and are never organisations here. */
export const places = new Set([
  'Israel', 'Gaza', 'West Bank', 'Palestine', 'Lebanon', 'Syria', 'Iran', 'Iraq', 'Egypt', 'Jordan', 'Saudi Arabia',
  'United Arab Emirates', 'UAE', 'Qatar', 'Bahrain', 'Yemen', 'Turkey', 'Serbia', 'Mexico', 'United States', 'US',
  'USA', 'America', 'United Kingdom', 'UK', 'Britain', 'England', 'France', 'Germany', 'Netherlands', 'Spain',
  'Italy', 'China', 'Russia', 'Ukraine', 'India', 'Pakistan', 'Kenya', 'Nigeria', 'Ethiopia', 'Uganda', 'Africa',
  'East Africa', 'Europe', 'Asia', 'Gulf', 'Middle East', 'London', 'Paris', 'Berlin', 'Brussels', 'Geneva',
  'Amsterdam', 'The Hague', 'New York', 'Washington', 'San Francisco', 'Nairobi', 'Lagos', 'Dubai', 'Tel Aviv',
  'Jerusalem', 'Texas', 'California', 'Silicon Valley', 'Myanmar', 'Ethiopia', 'Brazil', 'Canada', 'Australia',
  // The states of the United States ("Attorney General Kwame Raoul of Illinois").
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii', 'Idaho', 'Illinois',
  'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota',
  'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina',
  'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee',
  'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
  // Countries, regions and cities news copy names: places, never organisations.
  'Abu Dhabi', 'Abuja', 'Accra', 'Addis Ababa', 'Afghanistan', 'Albania', 'Algeria', 'Algiers', 'Amman', 'Andorra',
  'Angola', 'Ankara', 'Argentina', 'Armenia', 'Athens', 'Atlanta', 'Austin', 'Austria', 'Azerbaijan', 'Baghdad',
  'Bahamas', 'Balkans', 'Bangkok', 'Bangladesh', 'Barbados', 'Barcelona', 'Beijing', 'Beirut', 'Belarus', 'Belfast',
  'Belgium', 'Belize', 'Benin', 'Bhutan', 'Bogota', 'Bogotá', 'Bolivia', 'Bosnia', 'Boston', 'Botswana',
  'Brunei', 'Budapest', 'Buenos Aires', 'Bulgaria', 'Burkina Faso', 'Burma', 'Burundi', 'Cairo', 'Cambodia', 'Cameroon',
  'Cape Town', 'Cape Verde', 'Caracas', 'Cardiff', 'Caribbean', 'Catalonia', 'Central America', 'Central Asia', 'Chad', 'Chicago',
  'Chile', 'Colombia', 'Colombo', 'Comoros', 'Congo', 'Copenhagen', 'Costa Rica', 'Crimea', 'Croatia', 'Cuba',
  'Cupertino', 'Cyprus', 'Czech Republic', 'Czechia', 'Dakar', 'Darfur', 'Delhi', 'Denmark', 'Dhaka', 'Djibouti',
  'Doha', 'Dominica', 'Dominican Republic', 'Donbas', 'Dublin', 'Ecuador', 'Edinburgh', 'El Salvador', 'Eritrea', 'Estonia',
  'Eswatini', 'Fiji', 'Finland', 'Frankfurt', 'Gabon', 'Gambia', 'Georgia', 'Ghana', 'Greece', 'Grenada',
  'Guatemala', 'Guinea', 'Guyana', 'Haiti', 'Hamburg', 'Hangzhou', 'Hanoi', 'Harare', 'Helsinki', 'Honduras',
  'Hong Kong', 'Hungary', 'Iceland', 'Indonesia', 'Ireland', 'Islamabad', 'Istanbul', 'Ivory Coast', 'Jakarta', 'Jamaica',
  'Japan', 'Johannesburg', 'Kabul', 'Kampala', 'Karachi', 'Kashmir', 'Kazakhstan', 'Khartoum', 'Kigali', 'Kinshasa',
  'Korea', 'Kosovo', 'Kuala Lumpur', 'Kurdistan', 'Kuwait', 'Kyiv', 'Kyrgyzstan', 'Laos', 'Latin America', 'Latvia',
  'Lausanne', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lima', 'Lisbon', 'Lithuania', 'Los Angeles', 'Luxembourg',
  'Madagascar', 'Madrid', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Manchester', 'Manila', 'Mauritania',
  'Mauritius', 'Melbourne', 'Menlo Park', 'Mexico City', 'Miami', 'Milan', 'Minsk', 'Moldova', 'Monaco', 'Mongolia',
  'Montenegro', 'Montreal', 'Morocco', 'Moscow', 'Mountain View', 'Mozambique', 'Mumbai', 'Munich', 'Namibia', 'Nepal',
  'New Delhi', 'New Zealand', 'Nicaragua', 'Niger', 'North America', 'North Korea', 'North Macedonia', 'Northern Ireland', 'Norway', 'Oman',
  'Oslo', 'Ottawa', 'Palo Alto', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal',
  'Prague', 'Quito', 'Rabat', 'Rakhine', 'Ramallah', 'Redmond', 'Rio de Janeiro', 'Riyadh', 'Romania', 'Rome',
  'Rwanda', 'Santiago', 'Sao Paulo', 'Scandinavia', 'Scotland', 'Seattle', 'Senegal', 'Seoul', 'Shanghai', 'Shenzhen',
  'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South America', 'South Asia', 'South Korea', 'South Sudan',
  'Southeast Asia', 'Southern Africa', 'Sri Lanka', 'Stockholm', 'Strasbourg', 'Sub-Saharan Africa', 'Sudan', 'Sunnyvale', 'Suriname', 'Sweden',
  'Switzerland', 'Sydney', 'São Paulo', 'Taipei', 'Taiwan', 'Tajikistan', 'Tanzania', 'Tbilisi', 'Tehran', 'Thailand',
  'Tibet', 'Tigray', 'Togo', 'Tokyo', 'Toronto', 'Tunis', 'Tunisia', 'Turkmenistan', 'Uruguay', 'Uzbekistan',
  'Vancouver', 'Venezuela', 'Vienna', 'Vietnam', 'Wales', 'Warsaw', 'West Africa', 'Xinjiang', 'Yangon', 'Zambia',
  'Zimbabwe', 'Zurich',
]);

/** Nationality adjectives: "Israeli military", "Dutch Ministry of …". */
export const demonyms = new Set([
  // Peoples and faiths, named like nationalities.
  'Rohingya', 'Uyghur', 'Uighur', 'Tigrayan', 'Amhara', 'Oromo', 'Kurdish', 'Kurd', 'Tibetan', 'Tamil', 'Dalit', 'Hazara', 'Baloch',
  'Muslim', 'Christian', 'Jewish', 'Jew', 'Hindu', 'Sikh', 'Buddhist', 'Arab', 'Black', 'Latino', 'Latina', 'Indigenous',
  'Israeli', 'Palestinian', 'American', 'US', 'U.S.', 'British', 'UK', 'Dutch', 'French', 'German', 'Spanish',
  'Italian', 'Chinese', 'Russian', 'Ukrainian', 'Indian', 'Egyptian', 'Saudi', 'Emirati', 'Serbian', 'Kenyan',
  'Nigerian', 'Mexican', 'Iranian', 'Turkish', 'Lebanese', 'Syrian', 'Jordanian', 'European', 'Canadian',
  'Australian', 'Brazilian', 'Irish', 'Belgian', 'Swiss', 'Swedish', 'Norwegian', 'Danish', 'Finnish', 'Polish',
  'Philippine', 'Afghan', 'African', 'Albanian', 'Algerian', 'Arab', 'Argentine', 'Argentinian', 'Armenian', 'Asian', 'Austrian',
  'Azerbaijani', 'Bahraini', 'Bangladeshi', 'Belarusian', 'Bolivian', 'Bosnian', 'Burmese', 'Californian', 'Cambodian', 'Cameroonian',
  'Chilean', 'Colombian', 'Congolese', 'Croatian', 'Cuban', 'Cypriot', 'Czech', 'Ecuadorian', 'Eritrean', 'Estonian',
  'Ethiopian', 'Filipino', 'Georgian', 'Ghanaian', 'Greek', 'Guatemalan', 'Gulf', 'Haitian', 'Honduran', 'Hungarian',
  'Icelandic', 'Indonesian', 'Iraqi', 'Ivorian', 'Jamaican', 'Japanese', 'Kazakh', 'Korean', 'Kurdish', 'Kuwaiti',
  'Latin American', 'Latvian', 'Libyan', 'Lithuanian', 'Malaysian', 'Malian', 'Maltese', 'Moroccan', 'Mozambican', 'Nepali',
  'Nicaraguan', 'Nordic', 'North Korean', 'Omani', 'Pakistani', 'Panamanian', 'Peruvian', 'Portuguese', 'Qatari', 'Romanian',
  'Rwandan', 'Salvadoran', 'Scandinavian', 'Scottish', 'Senegalese', 'Singaporean', 'Slovak', 'Slovenian', 'Somali', 'South African',
  'South Korean', 'Sri Lankan', 'Sudanese', 'Taiwanese', 'Tanzanian', 'Thai', 'Tibetan', 'Tunisian', 'Ugandan', 'Uyghur',
  'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Western', 'Yemeni', 'Zambian', 'Zimbabwean',
]);

/** Words of page furniture ("Press release", "Notes to editors"): not a name where a line starts, though "Press Freedom Desk" is one. */
export const pageWords = new Set([
  'Update', 'UPDATE', 'Press', 'Release', 'PRESS', 'RELEASE', 'Notes', 'Editors', 'Share', 'Home', 'Blog',
  'Subscribe', 'Related', 'Read', 'Published', 'Posted',
]);

/** Capitalised words that start sentences or headings but never start a name. */
export const capitalisedFunctionWords = new Set([...pageWords, 
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'But', 'And', 'Or', 'It', 'Its', 'This', 'That', 'These',
  'Those', 'We', 'Our', 'They', 'Their', 'He', 'She', 'His', 'Her', 'Before', 'After', 'Last', 'Next', 'More',
  'Both', 'Neither', 'Either', 'When', 'While', 'If', 'As', 'According', 'With', 'Without', 'From', 'To', 'Of',
  'Since', 'Until', 'During', 'Multiple', 'Several', 'Many', 'Some', 'All', 'No', 'Not', 'Yet', 'Still', 'Also',
  'Why', 'What', 'How', 'Who', 'Where', 'Which', 'Today', 'Yesterday', 'Tomorrow',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Then', 'Now', 'However', 'Meanwhile', 'Instead',
  'Hundreds', 'Thousands', 'Dozens', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine',
  'Ten', 'Eleven', 'Twelve', 'Nearly', 'About', 'Over', 'Under', 'Among', 'Including', 'Unlike', 'Like',
  'Earlier', 'Later', 'Once', 'Whether', 'Although', 'Though', 'Because', 'So', 'Such', 'Each', 'Every', 'Any',
]);

export const months = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);
