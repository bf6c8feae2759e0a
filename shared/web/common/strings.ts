/**
 * Words the respondent pages need beyond `pageText` (shared/questionnaires/index.ts), in
 * English and Welsh. `pageText` stays the main source; these only fill its gaps.
 */
import type { Language } from '#schemas/questionnaire';

/** Plural forms GOV.UK Frontend's JavaScript picks with Intl.PluralRules (Welsh uses all six). */
export type PluralMessages = Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>;

export interface WebText {
  serviceInformation: string;
  emergency: string;
  exitTimedOut: string;
  exitPressTwoMoreTimes: string;
  exitPressOneMoreTime: string;
  charactersLimit: (n: number) => string;
  /** For the character count's JavaScript; %{count} is filled in as the respondent types. */
  charactersUnderLimit: PluralMessages;
  charactersAtLimit: string;
  charactersOverLimit: PluralMessages;
  important: string;
  carryOn: string;
  savedBody: string;
  answerUntil: (date: string) => string;
  cannotChangeAfter: string;
  whatHappensNext: string;
  whatHappensNextBody: string;
  licence: { before: string; link: string; after: string };
  govukHomepage: string;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const webText: Readonly<Record<Language, WebText>> = {
  en: {
    serviceInformation: 'Service information',
    emergency: 'Emergency',
    exitTimedOut: 'Exit this page expired.',
    exitPressTwoMoreTimes: 'Shift, press 2 more times to exit.',
    exitPressOneMoreTime: 'Shift, press 1 more time to exit.',
    charactersLimit: (n) => `You can enter up to ${grouped(n)} characters`,
    charactersUnderLimit: { one: 'You have %{count} character remaining', other: 'You have %{count} characters remaining' },
    charactersAtLimit: 'You have 0 characters remaining',
    charactersOverLimit: { one: 'You have %{count} character too many', other: 'You have %{count} characters too many' },
    important: 'Important',
    carryOn: 'You can carry on from where you stopped.',
    savedBody: 'To carry on, open the link you were sent again. It will take you back to where you stopped.',
    answerUntil: (date) => `You can answer until ${date}.`,
    cannotChangeAfter: 'You cannot change your answers after you send them.',
    whatHappensNext: 'What happens next',
    whatHappensNextBody: 'We will read everyone’s answers and use them in our inspection report. We will not name you.',
    licence: { before: 'All content is available under the ', link: 'Open Government Licence v3.0', after: ', except where otherwise stated' },
    govukHomepage: 'GOV.UK',
  },
  cy: {
    serviceInformation: 'Gwybodaeth am y gwasanaeth',
    emergency: 'Argyfwng',
    exitTimedOut: "Mae 'Gadael y dudalen hon' wedi dod i ben.",
    exitPressTwoMoreTimes: 'Shift, pwyswch 2 waith eto i adael.',
    exitPressOneMoreTime: 'Shift, pwyswch 1 waith eto i adael.',
    charactersLimit: (n) => `Gallwch roi hyd at ${grouped(n)} o nodau`,
    charactersUnderLimit: {
      zero: 'Mae gennych %{count} o nodau yn weddill',
      one: 'Mae gennych %{count} nod yn weddill',
      two: 'Mae gennych %{count} o nodau yn weddill',
      few: 'Mae gennych %{count} o nodau yn weddill',
      many: 'Mae gennych %{count} o nodau yn weddill',
      other: 'Mae gennych %{count} o nodau yn weddill',
    },
    charactersAtLimit: 'Mae gennych 0 o nodau yn weddill',
    charactersOverLimit: {
      zero: 'Mae gennych %{count} o nodau yn ormod',
      one: 'Mae gennych %{count} nod yn ormod',
      two: 'Mae gennych %{count} o nodau yn ormod',
      few: 'Mae gennych %{count} o nodau yn ormod',
      many: 'Mae gennych %{count} o nodau yn ormod',
      other: 'Mae gennych %{count} o nodau yn ormod',
    },
    important: 'Pwysig',
    carryOn: "Gallwch barhau o'r man lle gwnaethoch stopio.",
    savedBody: "I barhau, agorwch y ddolen a anfonwyd atoch eto. Bydd yn mynd â chi yn ôl i'r man lle gwnaethoch stopio.",
    answerUntil: (date) => `Gallwch ateb tan ${date}.`,
    cannotChangeAfter: 'Ni allwch newid eich atebion ar ôl i chi eu hanfon.',
    whatHappensNext: "Beth sy'n digwydd nesaf",
    whatHappensNextBody: 'Byddwn yn darllen atebion pawb ac yn eu defnyddio yn ein hadroddiad arolygu. Ni fyddwn yn eich enwi.',
    licence: { before: "Mae'r holl gynnwys ar gael o dan y ", link: 'Drwydded Llywodraeth Agored v3.0', after: ', oni nodir yn wahanol' },
    govukHomepage: 'GOV.UK',
  },
};

/** "31 December 2026" / "31 Rhagfyr 2026", in UK time. */
export function longDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'cy' ? 'cy' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(iso));
}
