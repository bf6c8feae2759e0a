import type { FixedAppendices } from './appendices';

/**
 * Appendices 3 and 5 as published with the "omi-2008.1" bank: the English is HM Inspectorate of
 * Probation's, word for word from its report on Kent Probation Area (February 2008), except a
 * space restored after "Leadership and strategic management." (the report's text runs the next
 * sentence on, and that sentence belongs to the bullet above the list, so it is `after` here).
 *
 * TRANSLATOR'S REVIEW: the Welsh is the team's own careful translation, not the inspectorate's.
 * It follows the terms the report's Welsh dictionary already uses (Arolygiaeth Prawf EF, Risg o
 * Niwed, rheolwr troseddwyr, eiddo cymeradwy) and keeps the abbreviations (OMI, NOMS, PPO) as
 * the English has them. A Welsh-language translator should review it before publication.
 *
 * Frozen once published: a change is a new bank version. Functions read it from
 * shared/texts/bank/omi-2008.1.appendices.json (`npm run texts`).
 */
export const appendices2008_1: FixedAppendices = {
  version: 'appendices-2008.1',
  en: [
    {
      number: 3,
      id: 'inspection-model',
      title: 'Inspection model, methodology and publication arrangements',
      parts: [
        {
          heading: 'Model',
          blocks: [
            {
              list: [
                'The OMI programme started in May 2006. All NOMS areas in England and Wales are being inspected over a three year cycle, region by region. We hope to identify and promote effective work with offenders and disseminate information about good practice.',
                {
                  text: 'Probation areas are being assessed on how well they have met defined inspection criteria focusing on:',
                  items: [
                    'Assessment and sentence planning carried out on offenders',
                    'Implementation of interventions delivered to offenders',
                    'Achievement and monitoring of outcomes',
                    'Leadership and strategic management.',
                  ],
                  after:
                    'Particular attention will be given to RoH issues – it is performance against these measures which will determine whether a re-inspection is carried out.',
                },
                'The inspection takes account of the regular NOMS performance data. These are produced by NOMS which is responsible for their collection and quality assurance.',
                'Each inspection takes place over one week. The area is asked to identify a random sample of 110-120 offenders (more in the largest areas) who have been managed by a probation offender manager for approximately six months. We then ensure that there is a minimum number of the following types of cases: high/very high RoH; PPOs; approved premises residents; statutory victim contact; black and minority ethnic offenders. The cases are drawn from community orders, licences, and those in custody.',
              ],
            },
          ],
        },
        {
          heading: 'Methodology',
          blocks: [
            {
              list: [
                'During the inspection we examine the probation case file and carry out an in-depth interview with the offender manager. We also interview offenders, victims, keyworkers and case administrators. We send questionnaires to offenders and victims whose cases arise in the sample and to a selection of magistrates, judges, and legal advisers involved in sentencing.',
                'We interview senior and middle managers, Board members of the probation area, and partners.',
                'Inspection of about a third of the cases in the sample is carried out by area assessors, experienced staff/managers of the probation area being inspected. We think this provides a positive experience both for the area and the staff directly involved and that it increases ownership of the findings.',
              ],
            },
          ],
        },
        {
          heading: 'Publication arrangements',
          blocks: [
            {
              list: [
                'Summary verbal feedback is given to the area at the end of the inspection week.',
                'A draft report is sent to the area for comment four to six weeks later. Publication follows approximately 12 weeks after inspection. A copy is sent to NOMS HQ and copies are also made available to the press and placed on our website.',
                'Reports on offender management in Wales are published in both Welsh and English.',
              ],
            },
          ],
        },
      ],
    },
    {
      number: 5,
      id: 'role-of-hmi-probation',
      title: 'Role of HMI Probation',
      parts: [
        {
          heading: 'Statement of Purpose',
          blocks: [
            {
              p: 'HMI Probation is an independent Inspectorate, funded by the Ministry of Justice and reporting directly to the Secretary of State. Our purpose is to:',
            },
            {
              list: [
                'report to the Secretary of State on the effectiveness of work with individual offenders, children and young people aimed at reducing reoffending and protecting the public, whoever undertakes this work under the auspices of the National Offender Management Service or the Youth Justice Board',
                'report on the effectiveness of the arrangements for this work, working with other Inspectorates as necessary',
                'contribute to improved performance by the organisations we inspect',
                'contribute to sound policy and effective service delivery, especially in public protection, by providing advice and disseminating good practice, based on inspection findings, to Ministers, officials, managers and practitioners',
                'promote actively race equality and wider diversity issues, especially in the organisations we inspect',
                'contribute to the overall effectiveness of the Criminal Justice System, particularly through joint work with other inspectorates.',
              ],
            },
          ],
        },
        {
          heading: 'Code of Practice',
          blocks: [
            { p: "HMI Probation aims to achieve its purpose and to meet the Government's principles for inspection in the public sector by:" },
            {
              list: [
                'working in an honest, professional, fair and polite way',
                'reporting and publishing inspection findings and recommendations for improvement in good time and to a good standard',
                'promoting race equality and wider attention to diversity in all aspects of its work, including within its own employment practices and organisational processes',
                'minimise the amount of extra work arising for Probation Areas or Youth Offending Teams [those inspected] as a result of the inspection process.',
              ],
            },
            {
              p: 'The Inspectorate is a public body. Anyone who wishes to comment on an inspection, a report or any other matter falling within its remit should write to:',
            },
            { address: ['HM Chief Inspector of Probation', '2nd Floor, Ashley House', '2 Monck Street', 'London SW1P 2BQ'] },
          ],
        },
      ],
    },
  ],
  cy: [
    {
      number: 3,
      id: 'inspection-model',
      title: 'Model yr arolygiad, y fethodoleg a’r trefniadau cyhoeddi',
      parts: [
        {
          heading: 'Model',
          blocks: [
            {
              list: [
                'Dechreuodd y rhaglen OMI ym mis Mai 2006. Mae pob un o ardaloedd NOMS yng Nghymru a Lloegr yn cael ei harolygu dros gylch o dair blynedd, fesul rhanbarth. Rydym yn gobeithio nodi a hyrwyddo gwaith effeithiol gyda throseddwyr a lledaenu gwybodaeth am arfer da.',
                {
                  text: 'Mae ardaloedd prawf yn cael eu hasesu ar ba mor dda y maent wedi bodloni meini prawf arolygu penodol sy’n canolbwyntio ar:',
                  items: [
                    'Asesu troseddwyr a chynllunio eu dedfrydau',
                    'Gweithredu’r ymyriadau a ddarperir i droseddwyr',
                    'Cyflawni a monitro canlyniadau',
                    'Arweinyddiaeth a rheolaeth strategol.',
                  ],
                  after:
                    'Rhoddir sylw arbennig i faterion Risg o Niwed (RoH) – perfformiad yn erbyn y mesurau hyn fydd yn penderfynu a gynhelir ailarolygiad.',
                },
                'Mae’r arolygiad yn ystyried data perfformiad rheolaidd NOMS. Cynhyrchir y data hyn gan NOMS, sy’n gyfrifol am eu casglu ac am sicrhau eu hansawdd.',
                'Cynhelir pob arolygiad dros wythnos. Gofynnir i’r ardal nodi sampl ar hap o 110-120 o droseddwyr (rhagor yn yr ardaloedd mwyaf) sydd wedi’u rheoli gan reolwr troseddwyr y gwasanaeth prawf am tua chwe mis. Yna rydym yn sicrhau bod isafswm o’r mathau canlynol o achosion: Risg o Niwed uchel/uchel iawn; PPOs; preswylwyr eiddo cymeradwy; cyswllt statudol â dioddefwyr; troseddwyr du a lleiafrifoedd ethnig. Daw’r achosion o orchmynion cymunedol, trwyddedau, a’r rhai sydd yn y ddalfa.',
              ],
            },
          ],
        },
        {
          heading: 'Methodoleg',
          blocks: [
            {
              list: [
                'Yn ystod yr arolygiad rydym yn archwilio ffeil achos y gwasanaeth prawf ac yn cynnal cyfweliad manwl â’r rheolwr troseddwyr. Rydym hefyd yn cyfweld troseddwyr, dioddefwyr, gweithwyr allweddol a gweinyddwyr achosion. Rydym yn anfon holiaduron at y troseddwyr a’r dioddefwyr y mae eu hachosion yn y sampl ac at ddetholiad o ynadon, barnwyr a chynghorwyr cyfreithiol sy’n ymwneud â dedfrydu.',
                'Rydym yn cyfweld uwch reolwyr a rheolwyr canol, aelodau Bwrdd yr ardal brawf, a phartneriaid.',
                'Caiff tua thraean o’r achosion yn y sampl eu harolygu gan aseswyr yr ardal, sef staff a rheolwyr profiadol o’r ardal brawf sy’n cael ei harolygu. Credwn fod hyn yn rhoi profiad cadarnhaol i’r ardal ac i’r staff sy’n ymwneud yn uniongyrchol, a’i fod yn cynyddu eu perchnogaeth ar y canfyddiadau.',
              ],
            },
          ],
        },
        {
          heading: 'Trefniadau cyhoeddi',
          blocks: [
            {
              list: [
                'Rhoddir adborth llafar cryno i’r ardal ar ddiwedd wythnos yr arolygiad.',
                'Anfonir adroddiad drafft at yr ardal am sylwadau bedair i chwe wythnos yn ddiweddarach. Cyhoeddir yr adroddiad tua 12 wythnos ar ôl yr arolygiad. Anfonir copi at Bencadlys NOMS, a chaiff copïau hefyd eu rhoi ar gael i’r wasg a’u rhoi ar ein gwefan.',
                'Cyhoeddir adroddiadau ar reoli troseddwyr yng Nghymru yn Gymraeg ac yn Saesneg.',
              ],
            },
          ],
        },
      ],
    },
    {
      number: 5,
      id: 'role-of-hmi-probation',
      title: 'Rôl Arolygiaeth Prawf EF',
      parts: [
        {
          heading: 'Datganiad o Ddiben',
          blocks: [
            {
              p: 'Mae Arolygiaeth Prawf EF yn Arolygiaeth annibynnol, a ariennir gan y Weinyddiaeth Gyfiawnder ac sy’n adrodd yn uniongyrchol i’r Ysgrifennydd Gwladol. Ein diben yw:',
            },
            {
              list: [
                'adrodd i’r Ysgrifennydd Gwladol ar effeithiolrwydd gwaith gyda throseddwyr unigol, plant a phobl ifanc sydd â’r nod o leihau aildroseddu a diogelu’r cyhoedd, pwy bynnag sy’n gwneud y gwaith hwn dan nawdd y Gwasanaeth Cenedlaethol Rheoli Troseddwyr neu’r Bwrdd Cyfiawnder Ieuenctid',
                'adrodd ar effeithiolrwydd y trefniadau ar gyfer y gwaith hwn, gan weithio gydag Arolygiaethau eraill yn ôl yr angen',
                'cyfrannu at wella perfformiad y sefydliadau a arolygwn',
                'cyfrannu at bolisi cadarn a gwasanaethau a ddarperir yn effeithiol, yn enwedig ym maes diogelu’r cyhoedd, drwy roi cyngor a lledaenu arfer da, yn seiliedig ar ganfyddiadau arolygiadau, i Weinidogion, swyddogion, rheolwyr ac ymarferwyr',
                'hyrwyddo’n weithredol gydraddoldeb hiliol a materion amrywiaeth ehangach, yn enwedig yn y sefydliadau a arolygwn',
                'cyfrannu at effeithiolrwydd cyffredinol y System Cyfiawnder Troseddol, yn enwedig drwy gydweithio ag arolygiaethau eraill.',
              ],
            },
          ],
        },
        {
          heading: 'Cod Ymarfer',
          blocks: [
            { p: 'Nod Arolygiaeth Prawf EF yw cyflawni ei diben a bodloni egwyddorion y Llywodraeth ar gyfer arolygu yn y sector cyhoeddus drwy:' },
            {
              list: [
                'weithio mewn ffordd onest, broffesiynol, deg a chwrtais',
                'adrodd a chyhoeddi canfyddiadau arolygiadau ac argymhellion ar gyfer gwella mewn da bryd ac i safon dda',
                'hyrwyddo cydraddoldeb hiliol a mwy o sylw i amrywiaeth ym mhob agwedd ar ei gwaith, gan gynnwys yn ei harferion cyflogaeth a’i phrosesau sefydliadol ei hun',
                'leihau faint o waith ychwanegol a ddaw i Ardaloedd Prawf neu Dimau Troseddau Ieuenctid [y rhai a arolygir] o ganlyniad i’r broses arolygu.',
              ],
            },
            {
              p: 'Mae’r Arolygiaeth yn gorff cyhoeddus. Dylai unrhyw un sy’n dymuno rhoi sylwadau ar arolygiad, adroddiad neu unrhyw fater arall sydd o fewn ei chylch gwaith ysgrifennu at:',
            },
            { address: ['Prif Arolygydd Prawf EF', '2il Lawr, Ashley House', '2 Monck Street', 'Llundain SW1P 2BQ'] },
          ],
        },
      ],
    },
  ],
};
