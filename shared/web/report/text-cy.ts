/**
 * Every fixed text of the printable report in Welsh, with the type of the English dictionary
 * (text-en.ts), so none can be missed.
 *
 * A first translation, to be reviewed by a Welsh-speaking translator before a Welsh report is
 * published: above all the criterion statements (the inspectorate's own wording has an
 * official Welsh version that should replace these), the conclusions and grades (likewise),
 * and the number words, whose form after a noun can mutate or change with its gender
 * ("tair" for a feminine noun) in ways these generic sentences do not follow.
 *
 * Longer than 400 lines: it is a table of texts, not logic, holding every entry of
 * text-en.ts under the same name, so a translator reads the two files side by side.
 */
import { numberWordCy, QUANTITY_CY } from '#summaries/sentences-cy';
import type { ReportText } from './text-en';

const MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
const numberWord = numberWordCy;

/** After "â" (with) a word takes the aspirate mutation: tri -> thri, pedwar -> phedwar, chwech stays. */
const afterWith = (word: string) => word.replace(/^([cpt])(?!h)/, '$1h');

const upper = (s: string) => s.replace(/^./, (c) => c.toUpperCase());
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} a ${items[items.length - 1]}`);

export const reportTextCy: ReportText = {
  lang: 'cy',
  serviceName: 'Adroddiadau arolygu prawf',
  months: MONTHS,
  numberWord,
  quantity: QUANTITY_CY,
  sectionTitles: {
    1: 'Asesu a chynllunio dedfrydau',
    2: 'Gweithredu ymyriadau',
    3: 'Cyflawni a monitro canlyniadau',
    4: 'Arweinyddiaeth a rheolaeth strategol',
  },
  criteria: {
    '1.1': {
      title: 'Paratoi ar gyfer dedfryd',
      statement: 'Mae’r gweithgarwch yn y cyfnod cyn y ddedfryd yn amserol, yn bwrpasol ac yn effeithiol.',
    },
    '1.2': {
      title: 'Asesu risg o niwed',
      statement:
        'Caiff y Risg o Niwed ei hasesu’n gynhwysfawr ac yn gywir gan ddefnyddio OASys ym mhob achos, ac offer asesu arbenigol ychwanegol lle bo’n berthnasol.',
    },
    '1.3': {
      title: 'Asesu’r tebygolrwydd o aildroseddu',
      statement: 'Caiff y tebygolrwydd o aildroseddu ei asesu’n gynhwysfawr ac yn gywir gan ddefnyddio OASys fel y bo’n briodol.',
    },
    '1.4': {
      title: 'Asesu ymgysylltiad y troseddwr',
      statement: 'Caiff rhwystrau neu heriau posibl i ymgysylltu’n gadarnhaol eu nodi, a gwneir cynlluniau i leihau eu heffaith bosibl.',
    },
    '1.5': {
      title: 'Cynllunio dedfrydau',
      statement:
        'Mae’r rheolwr troseddwyr yn cynllunio ymyriadau yn y ddalfa ac yn y gymuned er mwyn mynd i’r afael â ffactorau troseddogenig a rheoli unrhyw Risg o Niwed i eraill. Mae’r cynllun dedfryd cychwynnol neu’r asesiad gwaith di-dâl wedi’i gynllunio i ddisgrifio cynllun gwaith strwythuredig a chydlynol ar gyfer pob troseddwr.',
    },
    '2.1': {
      title: 'Cyflawni’r cynllun dedfryd',
      statement: 'Mae’r rheolwr troseddwyr yn hwyluso cyflawni holl elfennau perthnasol y ddedfryd mewn ffordd strwythuredig.',
    },
    '2.2': {
      title: 'Diogelu’r cyhoedd drwy leihau risg o niwed',
      statement: 'Cymerwyd pob cam rhesymol i ddiogelu’r cyhoedd drwy gadw Risg o Niwed y troseddwr i eraill mor isel â phosibl.',
    },
    '2.3': { title: 'Dioddefwyr', statement: 'Rhoddir sylw cyson i faterion sy’n ymwneud â dioddefwyr.' },
    '2.4': {
      title: 'Sicrhau cyfyngiad a hybu cydymffurfiaeth (Cosbi)',
      statement:
        'Caiff cyswllt â’r troseddwr a gorfodi’r ddedfryd eu cynllunio a’u gweithredu i fodloni gofynion y safonau cenedlaethol ac i annog ymgysylltu â phroses y ddedfryd.',
    },
    '2.5': {
      title: 'Ymyriadau adeiladol (Helpu a Newid)',
      statement: 'Cyflawnir ymyriadau at ddibenion a nodwyd ac i fodloni gofynion y ddedfryd: helpu a newid.',
    },
    '2.6': { title: 'Ymyriadau cyfyngol (Rheoli)', statement: 'Cyflawnir ymyriadau at ddibenion a nodwyd ac i fodloni gofynion y ddedfryd: rheoli.' },
    '2.7': { title: 'Materion amrywiaeth', statement: 'Rhoddir sylw llawn a phriodol i faterion amrywiaeth.' },
    '3.1': { title: 'Cyflawni canlyniadau cychwynnol', statement: 'Cyflawnir yr amcanion a gynlluniwyd yn effeithlon.' },
    '3.2': {
      title: 'Cynaliadwyedd cynnydd',
      statement: 'Gellir cynnal y canlyniadau rhwng gwahanol gyfnodau’r ddedfryd a thu hwnt i ddiwedd y goruchwylio.',
    },
    '4.1': {
      title: 'Arweinyddiaeth a chynllunio',
      statement:
        'Ceir arweinyddiaeth weithredol wrth weithredu polisïau cenedlaethol drwy bolisïau a gweithdrefnau lleol a gaiff eu monitro a’u hadolygu’n rheolaidd, drwy gynllunio rhagweithiol gydag asiantaethau allweddol eraill, a thrwy hyrwyddo’r agenda amrywiaeth.',
    },
    '4.2': {
      title: 'Perfformiad yn erbyn targedau cenedlaethol a rhanbarthol',
      statement: 'Cyrhaeddir targedau perfformiad allweddol yn gyson, gan roi sylw gofalus i faterion amrywiaeth drwyddi draw.',
    },
    '4.3': {
      title: 'Defnyddio adnoddau',
      statement:
        'Ceir dull strategol o ddefnyddio adnoddau i sicrhau perfformiad effeithiol a chefnogi mentrau amrywiaeth, ac mae arwyddion cadarnhaol o ran gwerth am arian.',
    },
    '4.4': {
      title: 'Cynllunio a datblygu’r gweithlu',
      statement:
        'Mae cynllunio a datblygu’r gweithlu yn arwain at gyfatebiaeth dda rhwng proffil y staff a gofynion cyflawni’r gwasanaeth. Cydymffurfir â deddfwriaeth amrywiaeth berthnasol wrth recriwtio a lleoli staff.',
    },
    '4.5': { title: 'Adolygu a gwerthuso', statement: 'Caiff canlyniadau ymyriadau eu hasesu a’u hadolygu gan ddefnyddio’r data sydd ar gael.' },
    '4.6': {
      title: 'Comisiynu gwasanaethau',
      statement:
        'Darperir gwasanaethau effeithiol yn effeithlon i gefnogi canlyniadau rheoli troseddwyr ac i sicrhau mynediad cyfartal at ddarpariaeth i droseddwyr.',
    },
  },
  grades: {
    'well-met': 'Wedi’i fodloni’n dda',
    'satisfactorily-met': 'Wedi’i fodloni’n foddhaol',
    'partly-met': 'Wedi’i fodloni’n rhannol',
    'not-met': 'Heb ei fodloni',
  },
  bands: {
    good: 'Da',
    priority: 'Blaenoriaeth ar gyfer gwella',
    'urgent-priority': 'Blaenoriaeth frys ar gyfer gwella',
  },
  conclusions: {
    good: 'Roedd y perfformiad yn erbyn y maen prawf hwn yn dda.',
    priority: 'Mae’r maen prawf hwn yn flaenoriaeth ar gyfer gwella.',
    'urgent-priority': 'Mae’r maen prawf hwn yn flaenoriaeth frys ar gyfer gwella.',
  },

  caption: 'Arolygiad Rheoli Troseddwyr',
  lead: (area, fieldwork) =>
    `Adroddiad ar reoli troseddwyr yn ${area}: y sgorau o’r sampl o achosion, y graddau ar gyfer arweinyddiaeth a rheolaeth strategol, a’r hyn a ddywedodd defnyddwyr gwasanaeth wrthym. Gwaith maes ${fieldwork}.`,
  metaArea: 'Ardal',
  metaFieldwork: 'Gwaith maes',
  metaCases: 'Achosion yn y sampl',
  metaBank: 'Banc cwestiynau',
  metaStatus: 'Statws',
  metaPublished: 'Cyhoeddwyd',
  metaDraftDate: 'Drafft ar',
  statusFinal: 'Adroddiad terfynol',
  statusFactualAccuracy: 'Drafft a anfonwyd at yr ardal i wirio cywirdeb ffeithiol',
  statusLive: 'Drafft: y ffigurau fel y’u cyfrifwyd ddiwethaf, heb eu rhyddhau eto',
  draftNotPublished: 'Drafft, heb ei gyhoeddi',
  draftNotPublishedDetail:
    'Dyma ddrafft byw yr adroddiad, wedi’i rannu i’w adolygu. Mae’n newid wrth i’r arolygiad fynd rhagddo ac nid yw wedi’i gyhoeddi.',
  dateRange: (from, to) => `${from} i ${to}`,
  languageNav: 'Iaith',
  otherLanguageName: 'English',
  thisLanguageName: 'Cymraeg',

  downloadsHeading: 'Lawrlwytho’r crynodeb',
  downloadCsv: 'Crynodeb o’r ffigurau (CSV, yn agor mewn taenlen)',
  downloadJson: 'Crynodeb o’r ffigurau (JSON)',
  printNote:
    'I argraffu’r adroddiad hwn, neu ei gadw fel PDF, defnyddiwch opsiwn argraffu eich porwr. Mae’r copi printiedig yn gadael pennyn y dudalen, y cynnwys a’r dolenni hyn allan.',
  contents: 'Cynnwys',

  summaryHeading: 'Crynodeb',
  rohSummaryHeading: 'Risg o Niwed',
  noSummary: 'Nid oes crynodeb wedi’i ysgrifennu eto.',

  scoresHeading: 'Crynodeb o’r sgorau',
  scoresIntro: 'Mae Siart 1 yn rhoi’r sgôr canrannol ar gyfer pob maen prawf Arolygiad Rheoli Troseddwyr ac ar gyfer pob un o adrannau 1 i 3.',
  chartCaption: 'Siart 1: Sgorio adrannau 1 i 3',
  chartSubtitle: (area, when) => `Arolygiad Rheoli Troseddwyr: ${area}${when ? ` (${when})` : ''}`,
  asATable: (caption) => `${caption}, fel tabl`,
  sectionOrCriterion: 'Adran neu faen prawf',
  score: 'Sgôr',
  sectionLabel: (id, title) => `Adran ${id}: ${title}`,
  sectionScoreLabel: (id) => `Sgôr adran ${id}`,
  chartLegendSection: 'Sgôr adran',
  chartLegendCriterion: 'Sgôr maen prawf',
  chartDescription: (parts) =>
    `Siart bar llorweddol o’r sgôr canrannol ar gyfer pob maen prawf yn adrannau 1 i 3, wedi’u grwpio fesul adran, gyda sgôr pob adran. ${parts}. Mae’r un ffigurau yn y tabl sy’n dilyn.`,
  chartRange: (low, high) => `; meini prawf o ${low}% i ${high}%`,
  noScore: 'dim sgôr (dim achosion perthnasol)',
  scoresTableCaption: 'Crynodeb o’r sgorau: meini prawf 1.1 i 3.2',
  headCriterion: 'Maen prawf',
  headTitle: 'Teitl',
  headCases: 'Achosion',
  headSuggestedBand: 'Band a awgrymir',
  headConclusion: 'Casgliad (arolygydd arweiniol)',
  headConclusionPublished: 'Casgliad',
  sectionScoreNote: 'Sgôr yr adran: cymedr sgorau ei meini prawf',
  suggestedNone: 'dim (dim sgôr)',
  suggestedSuperseded: 'dim: casgliad yr arolygwyr sy’n sefyll',
  notYetRecorded: 'Heb ei gofnodi eto: y band a awgrymir',
  noConclusion: 'Dim casgliad (dim sgôr)',
  conclusionNotRecorded: 'Dim casgliad eto',
  scoresNoteStaff:
    'Achosion: yr achosion sydd ag o leiaf un dyfarniad perthnasol ar gyfer y maen prawf. Band a awgrymir: y band y mae’r sgôr yn perthyn iddo (da o 65%, blaenoriaeth ar gyfer gwella o 62%, fel arall blaenoriaeth frys). Mae’r adroddiad yn defnyddio casgliad cofnodedig yr arolygydd arweiniol lle mae un, a’r band a awgrymir nes bod un.',
  scoresNotePublished: 'Achosion: yr achosion sydd ag o leiaf un dyfarniad perthnasol ar gyfer y maen prawf.',
  table1Caption: 'Tabl 1: Sgorio adran 4',
  table1Head: 'Arweinyddiaeth a rheolaeth strategol',
  headGrade: 'Gradd',
  generalCriterion: (title) => `Maen Prawf Cyffredinol: ${title}`,
  notYetGraded: 'Heb ei raddio eto',
  table1Note:
    'Caiff pob maen prawf yn yr adran arweinyddiaeth a rheolaeth strategol ei raddio ar raddfa pedwar pwynt: wedi’i fodloni’n dda, wedi’i fodloni’n foddhaol, wedi’i fodloni’n rhannol neu heb ei fodloni.',
  table2Caption: 'Tabl 2: Llinyn Risg o Niwed',
  table2Row: 'Sgôr ar gyfer y llinyn Risg o Niwed',
  table2Note:
    'Mae Tabl 2 yn rhoi sgôr a dynnwyd o’r cwestiynau am waith Risg o Niwed yn yr adrannau Asesu a chynllunio dedfrydau a Gweithredu ymyriadau: cymedr eu sgorau. Mae’r sgôr hon yn bwysig wrth benderfynu a fydd arolygiad penodol pellach yn cael ei gynnal.',
  rohQuestionsCaption: 'Y cwestiynau Risg o Niwed yn adrannau 1 a 2',
  headQuestion: 'Cwestiwn',
  headAsked: 'Y cwestiwn a ofynnwyd am bob achos',
  headRelevant: 'Achosion perthnasol',
  headSufficient: 'Digonol',
  bankMissing: (version) => `Nid yw cwestiynau banc cwestiynau ${version} ar gael yn y fersiwn hon.`,
  compareWarning:
    'Rydym yn cynghori darllenwyr rhag cymharu sgorau o ardal i ardal: mae maint y samplau’n amrywio ychydig, fel y mae proffil yr achosion yn sampl pob ardal. Mae’n well ystyried y sgorau fel crynodeb syml o’r hyn a welsom yn yr ardal hon, ochr yn ochr â’r canfyddiadau a’r argymhellion llawn.',

  recommendationsHeading: 'Argymhellion ar gyfer gwella',
  recommendationsIntro: 'Mae angen gwelliannau fel a ganlyn:',
  criteriaOf: (ids) => `(${ids.length === 1 ? 'maen prawf' : 'meini prawf'} ${list([...ids])})`,
  noRecommendations: 'Nid oes argymhellion wedi’u hysgrifennu eto.',
  nextStepsHeading: 'Camau nesaf',
  improvementPlan: 'Mae angen cynllun gwella sy’n mynd i’r afael â’r argymhellion uchod bedair wythnos ar ôl cyhoeddi.',
  focusedInspections:
    'Cynhelir arolygiadau penodol pellach tua 12 mis ar ôl yr arolygiad gwreiddiol pan fydd gan Arolygiaeth Prawf EF bryder difrifol am waith Risg o Niwed ardal.',
  noFurtherInspection: (area) => `Ni fydd arolygiad pellach yn ${area}.`,
  furtherInspection: (area, percent) =>
    `Gyda sgôr o ${percent}% ar gyfer y llinyn Risg o Niwed, mae gan Arolygiaeth Prawf EF bryder difrifol am waith Risg o Niwed yn ${area}: cynhelir arolygiad penodol pellach tua 12 mis ar ôl yr un hwn.`,
  furtherInspectionDecided: (area) =>
    `Bydd Arolygiaeth Prawf EF yn cynnal arolygiad penodol pellach o waith Risg o Niwed yn ${area} tua 12 mis ar ôl yr un hwn.`,
  furtherInspectionUndecided: 'Nid yw’r arolygiaeth wedi cofnodi ei phenderfyniad ar arolygiad pellach eto.',
  nextStepsFigures: (roh, sections) => `Penderfyniad yr arolygiaeth yw hwn, a wnaed wrth ochr y ffigurau: y llinyn Risg o Niwed ${roh}; ${sections}.`,
  sectionFigure: (id, percent) => `adran ${id} ${percent}`,
  publicationNotSet: 'Heb ei osod gan yr arolygiaeth eto',
  forewordHeading: 'Rhagair',
  acknowledgementsHeading: 'Cydnabyddiaethau',
  inspectionTeamHeading: 'Tîm yr arolygiad',
  abbreviationsHeading: 'Rhestr o fyrfoddau',
  headAbbreviation: 'Byrfodd',
  headMeaning: 'Ystyr',
  responsesOnly: (returned, to) =>
    returned === 0 ? `Ni ddychwelwyd holiaduron gan ${to}.` : `Cafwyd ${numberWord(returned)} ymateb i’r holiaduron a anfonwyd at ${to}.`,
  furtherInspectionUnknown: 'Penderfynir a fydd arolygiad penodol pellach pan fydd gan y llinyn Risg o Niwed sgôr.',
  goodPracticeHeading: 'Rhannu arfer da',
  goodPracticeIntro: (area) => `Isod mae enghreifftiau o arfer da a welsom yn ${area}.`,
  omiCriterion: 'Maen prawf ARhT:',
  noGoodPractice: 'Nid oes enghreifftiau o arfer da wedi’u hysgrifennu eto.',

  strengths: 'Cryfderau',
  improvements: 'Meysydd i’w gwella',
  conclusion: 'Casgliad',
  noneWritten: 'Dim wedi’u hysgrifennu eto.',
  noneRecorded: 'Dim wedi’u cofnodi.',
  staleFinding: (was, now) =>
    now === null
      ? `Gwiriwch y canfyddiad hwn: fe’i hysgrifennwyd o ffigur o ${was}%, ac nid oes gan y cwestiwn sgôr bellach.`
      : `Gwiriwch y canfyddiad hwn: fe’i hysgrifennwyd o ffigur o ${was}%, a’r ffigur bellach yw ${now}%.`,
  staleCount: (n) =>
    `${n === 1 ? 'Nid yw un canfyddiad yn cyfateb i’w ffigur mwyach' : `Nid yw ${numberWord(n)} canfyddiad yn cyfateb i’w ffigurau mwyach`}: mae pob un wedi’i farcio isod.`,
  figureMismatch: (claims, question, percent, yes, total) =>
    percent === null
      ? `Gwiriwch y canfyddiad hwn: mae ei eiriau’n rhoi ${claims}, ac nid oes gan gwestiwn ${question} ffigur.`
      : `Gwiriwch y canfyddiad hwn: mae ei eiriau’n rhoi ${claims} lle mae ffigur cwestiwn ${question} yn ${percent}% (${yes} o ${total}).`,
  figureMismatchCount: (n) =>
    `${n === 1 ? 'Mae un canfyddiad yn rhoi ffigur sy’n groes i’w gwestiwn' : `Mae ${numberWord(n)} canfyddiad yn rhoi ffigurau sy’n groes i’w cwestiynau`}: mae pob un wedi’i farcio lle mae’n sefyll.`,
  leadershipIntro: 'Graddau Tabl 1, gyda’r cryfderau a’r meysydd i’w gwella a welodd yr arolygwyr.',
  pointsOmitted: (n) => `Nid yw ${n} o bwyntiau a gofnodwyd yn cael eu dangos: roedd mwy o destun nag y gall crynodeb ei ddal.`,
  inEnglish: '(yn Saesneg)',

  interviewsHeading: 'Cyfweliadau â rheolwyr troseddwyr',
  noInterviews: 'Nid oes rheolwyr troseddwyr wedi’u cyfweld eto.',
  interviewsIntroSuppressed: 'Fe wnaethom gyfweld nifer fach o reolwyr troseddwyr ([c]).',
  interviewsIntro: (n) => `Fe wnaethom gyfweld ${numberWord(n)} o reolwyr troseddwyr unigol.`,
  interviewsCaption: 'Canfyddiadau’r cyfweliadau',
  headAnswered: 'Wedi ateb',
  headYes: 'Do/Ydw',
  headPercentYes: '% cadarnhaol',

  serviceUsersHeading: 'Safbwynt defnyddwyr gwasanaeth',
  serviceUsersIntro:
    'Daw’r canfyddiadau isod o’r holiaduron a ddychwelodd troseddwyr, dioddefwyr a dedfrydwyr, pob un wedi’i gyfrifo dros y bobl a atebodd y cwestiwn hwnnw, ac o’r bobl y gwnaethom gyfarfod â nhw wyneb yn wyneb yn ystod yr arolygiad.',
  headMetIndividually: 'Cyfarfod yn unigol',
  headMetInGroups: 'Cyfarfod mewn grwpiau',
  fromQuestionnaires: 'O’r holiaduron',
  inPerson: 'Wyneb yn wyneb',
  metSentence: (individually, inGroups, groups, who) => {
    const total = individually + inGroups;
    if (total === 0) return `Ni wnaethom gyfarfod ag unrhyw ${who} wyneb yn wyneb.`;
    if (inGroups === 0) return `Gwnaethom gyfarfod â ${afterWith(numberWord(individually))} o ${who} yn unigol.`;
    if (individually === 0) return `Gwnaethom gyfarfod â ${afterWith(numberWord(inGroups))} o ${who} mewn ${numberWord(groups)} grŵp.`;
    return `Gwnaethom gyfarfod â ${afterWith(numberWord(total))} o ${who} wyneb yn wyneb: ${numberWord(individually)} yn unigol ${/^[aeiouwy]/.test(numberWord(inGroups)) ? 'ac' : 'a'} ${numberWord(inGroups)} mewn ${numberWord(groups)} grŵp.`;
  },
  noQuestionnaireFindings: (who) =>
    `Heb unrhyw holiaduron wedi’u dychwelyd, nid oes canfyddiadau o’r holiaduron gan ${who}; mae’r hyn a ddywedon nhw wrthym wyneb yn wyneb yn dilyn.`,
  metTotalOnly: (total, who) =>
    total === 0
      ? `Ni wnaethom gyfarfod ag unrhyw ${who} wyneb yn wyneb.`
      : `Gwnaethom gyfarfod â ${afterWith(numberWord(total))} o ${who} wyneb yn wyneb.`,
  metNotPublished: (who) => `Gwnaethom gyfarfod â ${who} wyneb yn wyneb; nid yw’r nifer wedi’i gyhoeddi ([c]).`,
  noMeetingFindings: (who) =>
    `Gwnaethom gyfarfod â ${who} wyneb yn wyneb ond ni chofnodwyd unrhyw ganfyddiadau o’r cyfarfodydd hynny ar gyfer yr adroddiad.`,
  quotesWithheld: (n) => `Cofnodwyd ${numberWord(n)} dyfyniad heb ganiatâd i’w cyhoeddi; nid ydynt yn yr adroddiad cyhoeddedig (staff yn unig).`,
  othersHeading: 'Eraill y gwnaethom gyfarfod â nhw',
  othersIntro:
    'Gwnaethom hefyd gyfarfod â phobl sy’n gweithio gyda throseddwyr a dioddefwyr. Mae eu barn yn llywio’r canfyddiadau yn adrannau 1 i 4.',
  meetingWho: {
    offender: 'droseddwyr',
    victim: 'ddioddefwyr',
    sentencer: 'ddedfrydwyr',
    'offender-manager': 'reolwyr troseddwyr',
    'key-worker': 'weithwyr allweddol',
    partner: 'bartneriaid',
    other: 'eraill',
  },
  meetingHeadings: { 'offender-manager': 'Rheolwyr troseddwyr', 'key-worker': 'Gweithwyr allweddol', partner: 'Partneriaid', other: 'Eraill' },
  responseRatesCaption: 'Cyfraddau ymateb',
  headQuestionnairesTo: 'Holiaduron at',
  headSent: 'Anfonwyd',
  headReturned: 'Dychwelwyd',
  headResponseRate: 'Cyfradd ymateb',
  noneSent: 'dim wedi’u hanfon',
  audienceHeadings: { offender: 'Troseddwyr', victim: 'Dioddefwyr', sentencer: 'Llysoedd (dedfrydwyr)' },
  audienceNames: { offender: 'Troseddwyr', victim: 'Dioddefwyr', sentencer: 'Dedfrydwyr', all: 'Pob ymatebydd' },
  audienceSentTo: { offender: 'droseddwyr', victim: 'ddioddefwyr', sentencer: 'ddedfrydwyr' },
  notForPublication:
    'Nid i’w gyhoeddi: mae’r copi staff hwn yn dangos pob ffigur, gan gynnwys niferoedd bach. Mae’r adroddiad cyhoeddedig a’i lawrlwythiadau yn dangos nifer o lai na 3 o bobl, neu sgôr dros lai na 5 achos, fel [c].',
  returnedSuppressed: (invited, to) =>
    `Nid yw nifer yr holiaduron a ddychwelwyd o’r ${numberWord(invited)} a anfonwyd at ${to} yn cael ei gyhoeddi ([c]).`,
  questionSuppressed: (question, answered) =>
    answered === '[c]'
      ? `${question} Nid yw nifer y rhai a atebodd yn cael ei gyhoeddi ([c]).`
      : `${question} O’r ${numberWord(answered)} a atebodd, nid yw nifer y rhai a ddywedodd ie yn cael ei gyhoeddi ([c]).`,
  questionSentence: (question, quantity, answered, percent) =>
    `${question} ${upper(quantity)} o’r ${numberWord(answered)} a atebodd: ateb cadarnhaol (${percent}%).`,
  responseRate: (percent) => ` Y gyfradd ymateb oedd ${percent}%.`,
  noFindings: (who) => `Heb unrhyw holiaduron wedi’u dychwelyd, nid oes canfyddiadau gan ${who} i’w hadrodd.`,
  answersCaption: (who) => `${who}: atebion i bob cwestiwn`,
  headPositive: 'Cadarnhaol',
  headPositivePercent: 'Cadarnhaol (%)',
  headAllAnswers: 'Pob ateb, gan gynnwys “Nid wyf yn gwybod”',
  nobodyAnswered: 'neb wedi ateb',
  answeredNote:
    'Wedi ateb: ymatebwyr a roddodd ateb heblaw “Nid wyf yn gwybod” neu “nid yw hyn wedi digwydd i mi”. Caiff y brawddegau eu cyfrifo dros y rhai a atebodd.',
  byLanguageHeading: 'Holiaduron a ddychwelwyd, yn ôl iaith',
  byLanguageCaption: 'Holiaduron a ddychwelwyd, yn ôl yr iaith y’u hatebwyd ynddi',
  byLanguageQuestionsCaption: 'Atebion yn ôl iaith yr holiadur',
  headRespondents: 'Ymatebwyr',
  headEnglish: 'Saesneg',
  headWelsh: 'Cymraeg',
  headTotal: 'Cyfanswm',
  suppressionNote: (mark) =>
    `Mae ${mark} yn nodi ffigur nad yw’n cael ei ddangos oherwydd bod llai na 3 o bobl wedi’i roi (gan gynnwys sero), neu oherwydd y gellid ei gyfrifo fel arall o’r ffigurau a’r cyfansymiau eraill. Dyma farc y Gwasanaeth Ystadegol Gwladol ar gyfer ffigur a ataliwyd; mae’n atal unrhyw un, dioddefwr yn enwedig, rhag cael ei adnabod.`,
  commentsHeading: 'Sylwadau gan ymatebwyr',
  warning: 'Rhybudd',
  commentsWarning:
    'Ar gyfer staff arolygu yn unig. Mae cyfeiriadau e-bost, rhifau ffôn, codau post ac enwau ar ôl teitl wedi’u cuddio, ond gall sylw adnabod rhywun o hyd: peidiwch â chyhoeddi sylwadau fel y maent.',
  inWelsh: '(yn Gymraeg)',
  noComments: 'Ni ysgrifennwyd unrhyw sylwadau.',
  commentsOmitted: (n, why) =>
    `Nid yw ${n} o sylwadau yn cael eu dangos oherwydd ${why === 'erased' ? 'bod yr ymatebion wedi’u dileu' : why === 'expired' ? 'eu bod wedi mynd heibio’r cyfnod y cedwir atebion' : 'bod mwy o destun nag y gall crynodeb ei ddal'}. Mae’r ffigurau’n dal i gyfrif pob ymateb.`,

  appendix1Heading: 'Atodiad 1: Ffigurau perfformiad',
  noPerformance: 'Ni ddarparwyd ffigurau perfformiad ar gyfer yr arolygiad hwn.',
  performanceAllMet: 'Cyrhaeddodd yr ardal bob targed isod.',
  performanceMissed: (missed, of) => `Methodd yr ardal ${missed === 1 ? 'un targed' : `${numberWord(missed)} targed`} o’r ${numberWord(of)} isod.`,
  performanceCaption: 'Perfformiad yn erbyn targed',
  headMeasure: 'Mesur',
  headPeriod: 'Cyfnod',
  headTarget: 'Targed',
  headArea: 'Ardal',
  headNational: 'Cenedlaethol',
  headAgainstTarget: 'Yn erbyn y targed',
  missed: 'Wedi’i fethu',
  met: 'Wedi’i gyrraedd',
  ippfAbout:
    'IPPF yw’r fframwaith perfformiad a weithredir gan NOMS. O dan hwn, rhoddir sgôr i bob ardal prawf ar gyfer pob un o bedwar ‘parth’ fel y nodir, yn seiliedig ar ganlyniadau’r metrigau a bennir. Gan ddefnyddio’r sgoriau hyn, rhoddir sgôr gyffredinol i’r ardal prawf hefyd.',
  ippfDomains: {
    'public-protection': 'Diogelu’r Cyhoedd',
    'offender-management': 'Rheoli Troseddwyr',
    interventions: 'Ymyriadau',
    'operational-capability': 'Gallu Gweithredol, Defnyddio Adnoddau a Strategaeth',
    reoffending: 'Lleihau Aildroseddu',
    'management-information': 'Gwybodaeth Reoli',
  },
  ippfGrades: { 4: 'Perfformiad Rhagorol', 3: 'Perfformiad Da', 2: 'Perfformiad Derbyniol', 1: 'Perfformiad Gwael' },
  ippfSummaryCaption: (area) => `Crynodeb o ganlyniadau ${area} o Fframwaith Perfformiad Integredig y Gwasanaeth Prawf (IPPF) NOMS`,
  ippfFiguresFor: 'Ffigurau ar gyfer',
  headIppfDomain: 'Parth IPPF',
  headIppfScore: 'Sgôr',
  ippfAreaScore: 'Sgôr yr ardal',
  ippfDomainScore: 'Sgôr parth IPPF',
  ippfGradesCaption: 'Graddau IPPF',
  otherMeasuresCaption: 'Mesurau eraill',
  headActual: 'Gwirioneddol',
  headPrevious: 'Y flwyddyn flaenorol',
  headIppfGrade: 'Gradd IPPF',
  headPredicted: 'Rhagfynegedig',
  headDifference: 'Gwahaniaeth',
  headSignificant: 'Arwyddocaol?',
  significantYes: 'Ydy',
  significantNo: 'Nac ydy',
  notApplicable: 'amh.',
  notAvailable: 'dim ar gael',
  noTarget: 'Dim targed',
  dataLater: 'Data ar gael yn nes ymlaen',
  notesCaption: 'Nodiadau',
  appendix2Heading: 'Atodiad 2: Gwybodaeth gyd-destunol',
  sampleIntro: (licence, community, custody, total) =>
    `Mae’r sampl yn cynnwys ${licence} achos trwydded, ${community} achos gorchymyn cymunedol a ${custody} achos yn y ddalfa: ${total} i gyd.`,
  noCases: 'Nid oes achosion wedi’u cofnodi eto.',
  caseloadSentence: (caseload, parts) => {
    const bits = [parts.white !== undefined ? `${parts.white}% yn wyn` : '', parts.female !== undefined ? `${parts.female}% yn fenywod` : ''].filter(
      Boolean,
    );
    return `Llwyth achosion yr ardal oedd ${caseload} o achosion${bits.length ? ` (${bits.join(', ')})` : ''}; mae’r tablau isod yn gosod y sampl ochr yn ochr ag ef.`;
  },
  headPercentOfSample: '% o’r sampl',
  sampleCaptions: {
    caseType: 'Yn ôl math o achos',
    gender: 'Yn ôl rhywedd',
    ethnicity: 'Yn ôl ethnigrwydd',
    roh: 'Yn ôl Risg o Niwed',
    ppo: 'Troseddwyr mynych a throseddwyr blaenoriaeth eraill (PPO)',
    mappa: 'Yn ôl lefel MAPPA',
    approvedPremises: 'Yn byw mewn eiddo cymeradwy',
    victimContact: 'Cyswllt statudol â dioddefwyr',
    assessor: 'Aseswyd gan',
    tier: 'Yn ôl haen',
  },
  labels: {
    licence: 'Trwydded',
    community: 'Gorchymyn cymunedol',
    custody: 'Dalfa',
    male: 'Gwryw',
    female: 'Benyw',
    white: 'Gwyn',
    black: 'Du',
    asian: 'Asiaidd',
    mixed: 'Cymysg',
    other: 'Arall',
    'minority-ethnic': 'Lleiafrif ethnig',
    low: 'Isel',
    medium: 'Canolig',
    high: 'Uchel',
    'very-high': 'Uchel iawn',
    mappa0: 'Heb ei reoli o dan MAPPA',
    mappa1: 'Lefel 1',
    mappa2: 'Lefel 2',
    mappa3: 'Lefel 3',
    hmi: 'Arolygiaeth Prawf EF',
    area: 'Asesydd yr ardal',
    tier1: 'Haen 1',
    tier2: 'Haen 2',
    tier3: 'Haen 3',
    tier4: 'Haen 4',
    yes: 'Ie',
    no: 'Na',
    'not-recorded': 'Heb ei gofnodi',
  },
  caseloadHeading: 'Y llwyth achosion ochr yn ochr â’r sampl',
  caseloadTotals: (caseload, sample) => `Llwyth achosion: ${caseload} o achosion. Sampl: ${sample} o achosion.`,
  balanceCaption: (by) => `Llwyth achosion a sampl: ${by.toLowerCase()}`,
  headCaseload: 'Llwyth achosion',
  headPercentOfCaseload: '% o’r llwyth achosion',
  headSample: 'Sampl',
  // Appendix 2's context (issue 28): the team's Welsh, for the translator's review.
  notKnown: 'Anhysbys',
  areaContextHeading: (month) => (month ? `Llwyth achosion ar ddiwedd ${month}` : 'Llwyth achosion yr ardal'),
  headFigure: 'Ffigur',
  contextRows: {
    total: 'Cyfanswm y llwyth achosion',
    white: '% Gwyn',
    minorityEthnic: '% Lleiafrifoedd ethnig*',
    male: '% Gwryw',
    female: '% Benyw',
    ppo: '% Achosion PPO',
  },
  mappaRow: (level) => `% yn destun MAPPA ar lefel ${level}`,
  ethnicityFootnote: '* Heb gynnwys achosion lle nad oes gwybodaeth am ethnigrwydd ar gael.',
  ppoDefinitionHeading: 'Y diffiniad lleol o achos PPO',
  budgetsHeading: 'Cyllidebau',
  revenueBudget: (year, amount) => `Cyfanswm y gyllideb refeniw yn ${year}: ${amount}.`,
  approvedPremisesHeading: 'Eiddo cymeradwy',
  approvedPremisesLine: (name, capacity) => `${name}: lle i ${capacity} o breswylwyr.`,
  appendixHeading: (n, title) => `Atodiad ${n}: ${title}`,
  appendix4Heading: 'Atodiad 4: Dull sgorio',
  scoringApproach: [
    'Ar gyfer pob cwestiwn, yr achosion perthnasol yw’r rhai lle barnwyd bod y gwaith yn ddigonol (“uwchben y llinell”) neu’n annigonol; ei sgôr yw’r gyfran a farnwyd yn ddigonol. Nid oes sgôr gan gwestiwn heb achos perthnasol, ac fe’i gadewir allan.',
    'Mae sgôr maen prawf yn adrannau 1 i 3 yn pwysoli cymedr ei gwestiynau unigol 80% a’i gwestiwn crynodeb 20%. Sgôr adran yw cymedr sgorau ei meini prawf. Y llinyn Risg o Niwed yw cymedr sgorau pob cwestiwn am Risg o Niwed yn adrannau 1 a 2. Caiff meini prawf adran 4 eu graddio gan yr arolygwyr: wedi’i fodloni’n dda, wedi’i fodloni’n foddhaol, wedi’i fodloni’n rhannol neu heb ei fodloni.',
    'Mae canrannau’n rhifau cyfan, wedi’u talgrynnu hanner i fyny.',
  ],

  moderationHeading: 'Cytundeb rhwng marcwyr',
  noModeration: 'Nid oes unrhyw achos wedi’i farcio eilwaith.',
  moderationIntro: (cases) =>
    `Marciwyd ${numberWord(cases)} ${cases === 1 ? 'achos' : 'o achosion'} eilwaith, yn annibynnol. Cytundeb yw’r gyfran o’r cwestiynau a atebodd y ddau farciwr yn gadarnhaol neu’n negyddol lle rhoddwyd yr un ateb; mae kappa Cohen yn ei gywiro ar gyfer y cytundeb a ddisgwylir drwy siawns (1 yw cytundeb llwyr, 0 dim gwell na siawns).`,
  moderationCaption: 'Cytundeb rhwng y marcwyr cyntaf a’r ail farcwyr',
  moderationByCriterion: 'Cytundeb yn ôl maen prawf',
  headDoubleMarked: 'Wedi’u marcio ddwywaith',
  headAgreement: 'Cytundeb',
  headKappa: 'Kappa',
  allDoubleMarked: 'Pob achos a farciwyd ddwywaith',
  firstMarkedBy: {
    hmi: 'Marciwyd gyntaf gan Arolygiaeth Prawf EF',
    area: 'Marciwyd gyntaf gan aseswyr yr ardal',
    'not-recorded': 'Y marciwr cyntaf heb ei gofnodi',
  },
  flagged: (refs) =>
    `Mae angen penderfyniad safonwr ar ${refs.length === 1 ? 'un achos' : `${numberWord(refs.length)} o achosion`}, gyda’r ddau farciwr yn anghytuno ar ddyfarniad cyffredinol maen prawf: ${refs.join(', ')}.`,
  noneFlagged: 'Cytunodd y ddau farciwr ar ddyfarniad cyffredinol pob maen prawf.',

  annexLink: 'Atodiad: cynllun gwella’r ardal',
  annexNotYet: 'Atodiad: dim cynllun gwella wedi dod i law eto',
  annexTitle: 'Atodiad: cynllun gwella',
  annexLead: (area) => `Yr hyn y bydd ${area} yn ei wneud am bob argymhelliad yn yr adroddiad hwn, fel yr anfonodd yr ardal ef atom.`,
  annexBack: 'Yn ôl i’r adroddiad',
  annexNone: 'Dim cynllun gwella wedi dod i law eto.',
  annexDue: (date) => `Mae’n ddyledus erbyn ${date}, bedair wythnos ar ôl cyhoeddi.`,
  metaPlanDue: 'Cynllun yn ddyledus',
  metaPlanState: 'Cynllun',
  metaAsAt: 'Fel ar',
  planStates: { due: 'Heb ddod i law eto', overdue: 'Hwyr: heb ddod i law eto', received: 'Wedi dod i law' },
  planReceivedOn: (date) => `Daeth i law ar ${date}`,
  actionStates: { open: 'Ar agor', done: 'Wedi’i wneud', overdue: 'Hwyr' },
  actionsCaption: (n) => (n === 1 ? 'Y cam gweithredu' : `Y ${numberWord(n)} cam gweithredu`),
  headAction: 'Cam gweithredu',
  headOwner: 'Perchennog',
  headDueDate: 'Dyddiad dyledus',
  headActionStatus: 'Statws',
  recommendationGone: 'Argymhelliad nad yw yn yr adroddiad mwyach',

  problemNotFound: [
    'Heb ddod o hyd i’r dudalen',
    'Os gwnaethoch deipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ei gludo, gwiriwch eich bod wedi copïo’r cyfeiriad cyfan. Dim ond fel y’i rhoddwyd i chi y mae dolen adroddiad yn gweithio.',
  ],
  problemExpired: [
    'Mae’r ddolen adroddiad hon wedi dod i ben',
    'Mae dolenni adroddiad yn gweithio am gyfnod cyfyngedig. Gofynnwch i gydweithiwr sy’n gallu mewngofnodi i’r gwasanaeth am ddolen newydd.',
  ],
  problemWithdrawn: [
    'Mae’r ddolen adroddiad hon wedi’i thynnu’n ôl',
    'Mae rhywun sy’n gallu mewngofnodi i’r gwasanaeth wedi tynnu’r ddolen hon yn ôl. Gofynnwch iddynt am un newydd os oes angen yr adroddiad arnoch o hyd.',
  ],
  problemOther: ['Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth', 'Rhowch gynnig arall arni yn nes ymlaen.'],
};
