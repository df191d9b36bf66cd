import type { Locale } from '../../modules/users/user.ts';

/**
 * Interface text in English and Arabic. Record content (titles, quotes) is shown as written;
 * only the interface around it is translated. Arabic pages are laid out right to left.
 */
const messages = {
  en: {
    appName: 'Answerable',
    skipToContent: 'Skip to content',
    cases: 'Cases',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    email: 'Email',
    password: 'Password',
    name: 'Name',
    language: 'Language',
    change: 'Change',
    noCases: 'No cases yet.',
    published: 'Published',
    private: 'Private',
    companies: 'Companies concerned',
    allegations: 'Allegations',
    letters: 'Letters',
    statements: 'Statements',
    timeline: 'Timeline',
    sources: 'Sources',
    noneYet: 'None yet.',
    questions: 'Questions',
    demands: 'Demands',
    signatories: 'Signatories',
    signatoriesOfTotal: '{named} named of {total} signatories',
    to: 'To',
    sent: 'Sent',
    deadline: 'Answers due',
    publishedOn: 'Made public',
    status: 'Status',
    source: 'Source',
    setupTitle: 'Create the first admin account',
    setupHelp: 'This link works once. The account you create here can add everyone else.',
    createAccount: 'Create account',
    passwordHelp: 'At least 12 characters.',
    errorTitle: 'Something is not right',
    notFoundTitle: 'Not found',
    backToCases: 'Back to cases',
    'allegation.alleged': 'Alleged',
    'allegation.corroborated': 'Corroborated',
    'allegation.disputed': 'Disputed',
    'allegation.confirmed': 'Confirmed',
    'allegation.denied': 'Denied by the company',
    'timeline.event': 'Event',
    'timeline.source_published': 'Published',
    'timeline.letter_sent': 'Letter sent',
    'timeline.letter_published': 'Letter made public',
    'timeline.response_deadline': 'Deadline for answers',
    'timeline.response_received': 'Response received',
    'timeline.statement': 'Statement',
    'timeline.company_action': 'Company action',
    'timeline.commitment_made': 'Promise made',
    'timeline.commitment_due': 'Promise falls due',
  },
  ar: {
    appName: 'مُساءَلة',
    skipToContent: 'انتقل إلى المحتوى',
    cases: 'القضايا',
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    signedInAs: 'مسجّل الدخول باسم',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    name: 'الاسم',
    language: 'اللغة',
    change: 'تغيير',
    noCases: 'لا توجد قضايا بعد.',
    published: 'منشورة',
    private: 'خاصة',
    companies: 'الشركات المعنية',
    allegations: 'الادعاءات',
    letters: 'الرسائل',
    statements: 'التصريحات',
    timeline: 'التسلسل الزمني',
    sources: 'المصادر',
    noneYet: 'لا شيء بعد.',
    questions: 'الأسئلة',
    demands: 'المطالب',
    signatories: 'الموقّعون',
    signatoriesOfTotal: '{named} مذكورون بالاسم من أصل {total} موقّعين',
    to: 'إلى',
    sent: 'أُرسلت',
    deadline: 'موعد الرد',
    publishedOn: 'نُشرت',
    status: 'الحالة',
    source: 'المصدر',
    setupTitle: 'أنشئ حساب المسؤول الأول',
    setupHelp: 'يعمل هذا الرابط مرة واحدة. يمكن للحساب الذي تنشئه هنا إضافة الآخرين.',
    createAccount: 'إنشاء الحساب',
    passwordHelp: '12 حرفًا على الأقل.',
    errorTitle: 'هناك خطأ ما',
    notFoundTitle: 'غير موجود',
    backToCases: 'العودة إلى القضايا',
    'allegation.alleged': 'مُدّعى',
    'allegation.corroborated': 'مُعزَّز بأدلة',
    'allegation.disputed': 'متنازع عليه',
    'allegation.confirmed': 'مؤكَّد',
    'allegation.denied': 'نفته الشركة',
    'timeline.event': 'حدث',
    'timeline.source_published': 'نُشر',
    'timeline.letter_sent': 'أُرسلت الرسالة',
    'timeline.letter_published': 'نُشرت الرسالة',
    'timeline.response_deadline': 'موعد الرد',
    'timeline.response_received': 'وصل الرد',
    'timeline.statement': 'تصريح',
    'timeline.company_action': 'إجراء من الشركة',
    'timeline.commitment_made': 'وعد',
    'timeline.commitment_due': 'موعد الوفاء بالوعد',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

export const localeNames: Record<Locale, string> = { en: 'English', ar: 'العربية' };

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, values = {}) => {
    const template: string = messages[locale][key] ?? messages.en[key];
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}
