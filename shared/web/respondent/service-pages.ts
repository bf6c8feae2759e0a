/**
 * The respondent service's statements, in English and Welsh, linked from every respondent
 * page's footer: the accessibility statement (the Public Sector Bodies Accessibility
 * Regulations 2018 require one) and the privacy notice (UK GDPR, articles 13 and 14).
 * Plain words, GOV.UK's model statement's headings; no figures that could go stale but the
 * retention period, which comes from the same setting the table's TTL uses.
 */
import type { Language } from '#schemas/questionnaire';
import { esc, layout } from '#web/common/layout';

type Section = { heading: string; paragraphs: string[]; list?: string[] };
interface Statement {
  title: string;
  intro: string[];
  sections: Section[];
}

const accessibility: Record<Language, Statement> = {
  en: {
    title: 'Accessibility statement',
    intro: [
      'This statement applies to the probation inspection questionnaire: the pages people reach from the link or letter we send them.',
      'We want as many people as possible to be able to use it. For example, you should be able to change colours, contrast levels and fonts, zoom in up to 400% without the text spilling off the screen, move through every page using just a keyboard, use it with a screen reader, and answer in English or Welsh.',
    ],
    sections: [
      {
        heading: 'How accessible this service is',
        paragraphs: [
          'The pages are built with the GOV.UK Design System, one question to a page. We test every page with the axe-core accessibility checker in a real browser, in English and in Welsh, and check that every page can be used with a keyboard alone.',
          'We know of no part of the service that does not meet the Web Content Accessibility Guidelines version 2.2 AA standard.',
        ],
      },
      {
        heading: 'Other ways to answer',
        paragraphs: [
          'You can answer on the paper questionnaire instead, or ask for it in another format such as large print or audio. Write the reference from your letter on it so we can count your answers once. Contact the inspection team named in your letter.',
        ],
      },
      {
        heading: 'Reporting accessibility problems',
        paragraphs: [
          'If you find a problem not listed on this page, or think we are not meeting accessibility requirements, contact the inspection team named in your letter.',
        ],
      },
      {
        heading: 'Enforcement procedure',
        paragraphs: [
          'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).',
        ],
      },
      {
        heading: 'Compliance status',
        paragraphs: ['This service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.'],
      },
    ],
  },
  cy: {
    title: 'Datganiad hygyrchedd',
    intro: [
      "Mae'r datganiad hwn yn berthnasol i'r holiadur arolygiad prawf: y tudalennau y mae pobl yn eu cyrraedd o'r ddolen neu'r llythyr a anfonwn atynt.",
      "Rydym eisiau i gymaint o bobl â phosibl allu ei ddefnyddio. Er enghraifft, dylech allu newid lliwiau, lefelau cyferbyniad a ffontiau, chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin, symud drwy bob tudalen gan ddefnyddio bysellfwrdd yn unig, ei ddefnyddio gyda darllenydd sgrin, ac ateb yn Gymraeg neu yn Saesneg.",
    ],
    sections: [
      {
        heading: "Pa mor hygyrch yw'r gwasanaeth hwn",
        paragraphs: [
          "Mae'r tudalennau wedi'u hadeiladu gyda System Dylunio GOV.UK, un cwestiwn i bob tudalen. Rydym yn profi pob tudalen gyda'r gwiriwr hygyrchedd axe-core mewn porwr go iawn, yn Gymraeg ac yn Saesneg, ac yn gwirio y gellir defnyddio pob tudalen gyda bysellfwrdd yn unig.",
          "Nid ydym yn gwybod am unrhyw ran o'r gwasanaeth nad yw'n bodloni safon AA Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2.",
        ],
      },
      {
        heading: 'Ffyrdd eraill o ateb',
        paragraphs: [
          "Gallwch ateb ar yr holiadur papur yn lle hynny, neu ofyn amdano mewn fformat arall fel print bras neu sain. Ysgrifennwch y cyfeirnod o'ch llythyr arno er mwyn i ni gyfrif eich atebion unwaith. Cysylltwch â'r tîm arolygu a enwir yn eich llythyr.",
        ],
      },
      {
        heading: 'Rhoi gwybod am broblemau hygyrchedd',
        paragraphs: [
          "Os byddwch yn dod o hyd i broblem nad yw wedi'i rhestru ar y dudalen hon, neu os ydych yn meddwl nad ydym yn bodloni gofynion hygyrchedd, cysylltwch â'r tîm arolygu a enwir yn eich llythyr.",
        ],
      },
      {
        heading: 'Y weithdrefn orfodi',
        paragraphs: [
          "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018. Os nad ydych yn hapus gyda'r ffordd rydym yn ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).",
        ],
      },
      {
        heading: 'Statws cydymffurfio',
        paragraphs: ["Mae'r gwasanaeth hwn yn cydymffurfio'n llawn â safon AA Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2."],
      },
    ],
  },
};

function privacy(lang: Language, retentionDays: number): Statement {
  const years = retentionDays % 365 === 0 ? retentionDays / 365 : undefined;
  const period =
    lang === 'cy'
      ? years !== undefined
        ? `${years} ${years === 1 ? 'flwyddyn' : 'mlynedd'}`
        : `${retentionDays} diwrnod`
      : years !== undefined
        ? `${years} ${years === 1 ? 'year' : 'years'}`
        : `${retentionDays} days`;
  if (lang === 'cy') {
    return {
      title: 'Hysbysiad preifatrwydd',
      intro: ["Mae'r hysbysiad hwn yn esbonio pa wybodaeth y mae'r holiadur arolygiad prawf yn ei chasglu, pam, a beth yw eich hawliau."],
      sections: [
        {
          heading: 'Pwy ydym ni',
          paragraphs: ['Arolygiaeth Prawf EF sy’n rheoli’r data. Rydym yn arolygu gwasanaethau prawf yng Nghymru a Lloegr.'],
        },
        {
          heading: 'Beth rydym yn ei gasglu',
          paragraphs: [
            'Eich atebion i’r holiadur, yr iaith y gwnaethoch ateb ynddi, a phryd. Nid ydym yn gofyn am eich enw ac nid yw’r ddolen yn dweud wrthym pwy ydych chi.',
            'Pan fyddwch yn defnyddio’r holiadur, mae wal dân a rhwydwaith darparu cynnwys y gwasanaeth yn cadw cofnod o bob cais am 30 diwrnod: pryd y’i gwnaed, y wlad y daeth ohoni ac a weithiodd. Os yw’r wal dân yn rhwystro cais, mae hefyd yn cadw cyfeiriad IP eich dyfais, i ddiogelu’r gwasanaeth rhag ymosodiadau. Nid yw’r cofnodion hyn yn cynnwys eich atebion na’r ddolen a anfonwyd atoch.',
          ],
          list: [
            'Peidiwch â rhoi enwau, cyfeiriadau na rhifau ffôn yn y blwch sylwadau. Os gwnewch, rydym yn eu cuddio cyn i unrhyw un ddarllen y sylwadau.',
          ],
        },
        {
          heading: 'Pam rydym yn ei gasglu',
          paragraphs: [
            'I ddeall barn pobl am y gwasanaeth prawf yn ein hadroddiad arolygu. Ein sail gyfreithiol yw cyflawni tasg er budd y cyhoedd (erthygl 6(1)(e) GDPR y DU). Mae ateb yn wirfoddol ac nid yw’n effeithio ar unrhyw ddedfryd, gorchymyn na thrwydded.',
          ],
        },
        {
          heading: 'Am ba hyd rydym yn ei gadw',
          paragraphs: [`Rydym yn dileu atebion ${period} ar ôl iddynt gael eu hanfon. Dim ond ffigurau heb enwau sy’n aros yn yr adroddiad.`],
        },
        {
          heading: 'Pwy sy’n ei weld',
          paragraphs: ['Dim ond y tîm arolygu. Mae’r adroddiad yn dangos ffigurau, a chaiff niferoedd bach eu cuddio fel na ellir adnabod neb.'],
        },
        {
          heading: 'Eich hawliau',
          paragraphs: [
            'Gallwch ofyn i weld, cywiro neu ddileu eich atebion drwy gysylltu â’r tîm arolygu a enwir yn eich llythyr. Os ydych yn anhapus, gallwch gwyno i Swyddfa’r Comisiynydd Gwybodaeth (ICO).',
          ],
        },
      ],
    };
  }
  return {
    title: 'Privacy notice',
    intro: ['This notice explains what information the probation inspection questionnaire collects, why, and what your rights are.'],
    sections: [
      {
        heading: 'Who we are',
        paragraphs: ['HM Inspectorate of Probation is the data controller. We inspect probation services in England and Wales.'],
      },
      {
        heading: 'What we collect',
        paragraphs: [
          'Your answers to the questionnaire, the language you answered in, and when. We do not ask for your name and the link does not tell us who you are.',
          'When you use the questionnaire, the service’s firewall and content delivery network keep a record of each request for 30 days: when it was made, the country it came from and whether it worked. If the firewall blocks a request, it also keeps your device’s IP address, to protect the service from attacks. These records do not include your answers or the link we sent you.',
        ],
        list: ['Please do not put names, addresses or phone numbers in the comments box. If you do, we hide them before anyone reads the comments.'],
      },
      {
        heading: 'Why we collect it',
        paragraphs: [
          'To understand what people think of the probation service, in our inspection report. Our lawful basis is performing a task in the public interest (UK GDPR article 6(1)(e)). Answering is voluntary and does not affect any sentence, order or licence.',
        ],
      },
      {
        heading: 'How long we keep it',
        paragraphs: [`We delete answers ${period} after they were sent. Only figures with no names stay in the report.`],
      },
      {
        heading: 'Who sees it',
        paragraphs: ['Only the inspection team. The report shows figures, with small numbers hidden so that nobody can be identified.'],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          'You can ask to see, correct or delete your answers by contacting the inspection team named in your letter. If you are unhappy, you can complain to the Information Commissioner’s Office (ICO).',
        ],
      },
    ],
  };
}

function render(lang: Language, s: Statement): string {
  const content = `<h1 class="govuk-heading-xl">${esc(s.title)}</h1>
${s.intro.map((p) => `<p class="govuk-body">${esc(p)}</p>`).join('\n')}
${s.sections
  .map(
    (section) => `<h2 class="govuk-heading-m">${esc(section.heading)}</h2>
${section.paragraphs.map((p) => `<p class="govuk-body">${esc(p)}</p>`).join('\n')}${
  section.list ? `\n<ul class="govuk-list govuk-list--bullet">${section.list.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : ''
}`,
  )
  .join('\n')}`;
  return layout({ lang, title: s.title, content, languageSwitch: true });
}

export function accessibilityPage(lang: Language): string {
  return render(lang, accessibility[lang]);
}

export function privacyPage(lang: Language, retentionDays: number): string {
  return render(lang, privacy(lang, retentionDays));
}
