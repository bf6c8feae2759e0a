/**
 * The Welsh of every question of the bank "omi-2008.1" (./omi-2008.1.ts has the English), by
 * id: what the Welsh report (`?lang=cy`) prints in Table 2 and wherever a question is named.
 * Functions read it from shared/texts/bank/omi-2008.1.texts.cy.json, written from here by
 * `npm run texts`, only when a Welsh page asks for it.
 *
 * A first translation, to be reviewed by a Welsh-speaking translator before a Welsh report is
 * published. One Welsh word per term, as ./glossary-cy.ts lists them (and the report's fixed
 * text in shared/web/report/text-cy.ts uses them): the translator changes a term there and
 * everywhere at once. Names of tools and schemes (OASys, e-OASys, OGRS 2, MAPPA) stay as they
 * are. Frozen with the bank: a better translation is a new bank version's, or a correction
 * the lead signs off, since a published Welsh report quotes these words.
 */
export const omi2008_1TextsCy: Readonly<Record<string, string>> = {
  // 1.1 Paratoi ar gyfer dedfryd.
  '1.1.1': 'A gafodd adroddiad llys ei baratoi i lywio’r ddedfryd?',
  '1.1.2': 'A oedd yr adroddiad yn ystyried lefel y difrifoldeb a nodwyd gan y llys?',
  '1.1.3': 'A oedd yr adroddiad o’r math priodol (adroddiad cyflym neu adroddiad safonol)?',
  '1.1.4': 'A oedd yr adroddiad yn seiliedig ar yr asesiadau risg ac angen perthnasol?',
  '1.1.5': 'Lle defnyddiwyd templed e-OASys, a oedd yn gwella ansawdd yr adroddiad?',
  '1.1.6': 'A gafodd yr adroddiad ei baratoi o fewn yr amserlen a osodwyd gan y llys?',
  '1.1.7': 'A oedd yr adroddiad yn gwneud cynnig clir ar gyfer dedfryd?',
  '1.1.8': 'A oedd yr adroddiad yn cynnwys gwybodaeth briodol am y dioddefwr?',
  '1.1.9': 'A oedd yr adroddiad yn gytbwys, wedi’i wirio ac yn ffeithiol gywir?',
  '1.1.10': 'A oedd yr adroddiad yn cynnwys cynllun amlinellol ar gyfer y ddedfryd?',
  '1.1.11': 'Lle nodwyd materion hunan-niweidio, a gawsant eu cofnodi’n glir yn yr adroddiad?',
  '1.1.12': 'Yn gyffredinol, a oedd y gwaith o baratoi ar gyfer dedfryd o ansawdd digonol?',

  // 1.2 Asesu Risg o Niwed.
  '1.2.1': 'A gafodd sgrinio Risg o Niwed ei gwblhau ar ddechrau’r ddedfryd neu wrth ryddhau o’r ddalfa?',
  '1.2.2': 'A oedd y sgrinio Risg o Niwed yn gywir, gyda’r dosbarthiad Risg o Niwed cywir?',
  '1.2.3': 'Lle roedd y sgrinio’n dangos bod angen un, a gafodd dadansoddiad llawn o’r Risg o Niwed ei gwblhau?',
  '1.2.4': 'A oedd y dadansoddiad llawn o’r Risg o Niwed o ansawdd digonol, gan ddadansoddi’r risg yn hytrach na disgrifio digwyddiadau?',
  '1.2.5': 'A oedd y dadansoddiad Risg o Niwed yn adlewyrchu’n gywir y risg i’r cyhoedd?',
  '1.2.6': 'A oedd y dadansoddiad Risg o Niwed yn adlewyrchu’n gywir y risg i blant?',
  '1.2.7': 'A oedd y dadansoddiad Risg o Niwed yn adlewyrchu’n gywir y risg i oedolion hysbys?',
  '1.2.8': 'A oedd y dadansoddiad Risg o Niwed yn adlewyrchu’n gywir y risg i staff?',
  '1.2.9': 'A oedd yr asesiad Risg o Niwed yn ymdrin yn drylwyr â materion yn ymwneud â dioddefwyr?',
  '1.2.10': 'A oedd y sgrinio a’r dadansoddiad Risg o Niwed yn defnyddio’r holl wybodaeth a oedd ar gael, gan gynnwys gan asiantaethau eraill?',
  '1.2.11': 'Lle roedd angen un, a gafodd cynllun rheoli risg ei gwblhau mewn pryd?',
  '1.2.12': 'A oedd y cynllun rheoli risg yn gynhwysfawr, yn y fformat gofynnol ac wedi’i integreiddio â’r cynllun dedfryd?',
  '1.2.13': 'A gafodd lefel y Risg o Niwed ac unrhyw lefel MAPPA eu cyfleu i’r holl staff a oedd yn ymwneud â’r achos?',
  '1.2.14':
    'Lle roedd yr achos yn peri Risg o Niwed uchel neu uchel iawn neu’n codi pryderon diogelu, a oedd y rheolwyr yn ymwneud yn effeithiol ag ef?',
  '1.2.15': 'Yn gyffredinol, a gafodd y Risg o Niwed ei hasesu’n gynhwysfawr ac yn gywir?',

  // 1.3 Asesu’r tebygolrwydd o aildroseddu.
  '1.3.1': 'A gafodd asesiad OASys ei gwblhau fel y gofynnwyd ar ddechrau’r ddedfryd?',
  '1.3.2': 'A gafodd sgôr tebygolrwydd o aildroseddu (OASys, neu OGRS 2 lle nad oedd angen OASys) ei chyfrifo ar ddechrau’r ddedfryd?',
  '1.3.3': 'A gafodd ffactorau troseddogenig eu hasesu o fewn yr amser a osodir gan y safonau cenedlaethol?',
  '1.3.4': 'A gafodd dylanwadau cadarnhaol, megis ffactorau cefnogol a chymdeithasol gadarnhaol, eu nodi?',
  '1.3.5': 'A oedd yr asesiad yn defnyddio gwybodaeth berthnasol arall?',
  '1.3.6': 'Lle roedd y troseddwr yn droseddwr mynych a throseddwr blaenoriaeth arall, a oedd yr asesiad OASys yn gynhwysfawr?',
  '1.3.7': 'Yn gyffredinol, a oedd yr asesiad o’r tebygolrwydd o aildroseddu o ansawdd digonol?',

  // 1.4 Asesu ymgysylltiad y troseddwr.
  '1.4.1': 'A gafodd sgrinio sgiliau bywyd ei gynnal ar ddechrau’r ddedfryd?',
  '1.4.2': 'Lle roedd y sgrinio’n dangos angen, a gafodd asesiad sgiliau bywyd llawn ei gynnal?',
  '1.4.3': 'A roddwyd sylw llawn i’r dulliau a oedd fwyaf tebygol o fod yn effeithiol gyda’r troseddwr?',
  '1.4.4': 'A gafodd ethnigrwydd y troseddwr ei gofnodi gan ddefnyddio’r dosbarthiad monitro hil ac ethnigrwydd?',
  '1.4.5': 'A gafodd materion amrywiaeth ac anghenion unigol eraill eu hasesu’n weithredol?',
  '1.4.6': 'Lle nodwyd ffactorau a allai fod yn wahaniaethol, a roddwyd cynlluniau ar waith i fynd i’r afael â nhw?',
  '1.4.7': 'Yn gyffredinol, a gafodd rhwystrau i ymgysylltu’n gadarnhaol eu nodi, a gwneud cynlluniau i leihau eu heffaith?',

  // 1.5 Cynllunio dedfrydau.
  '1.5.1': 'A gafodd y troseddwr ei neilltuo i’r haen gywir?',
  '1.5.2': 'A oedd y cynllunio’n adlewyrchu’r haen yn gywir?',
  '1.5.3': 'A wnaeth y rheolwr troseddwyr sicrhau bod y troseddwr yn deall gofynion y ddedfryd a chanlyniadau peidio â chydymffurfio?',
  '1.5.4': 'A oedd y cynllun dedfryd yn nodi’r lefelau cyswllt a gynlluniwyd?',
  '1.5.5': 'A oedd pob cyswllt a drefnwyd yn orfodadwy?',
  '1.5.6': 'A gafodd cynllun dedfryd ei gwblhau o fewn yr amser gofynnol?',
  '1.5.7': 'A oedd amcanion y cynllun dedfryd yn benodol, yn canolbwyntio ar ganlyniadau ac yn seiliedig ar yr asesiad o angen?',
  '1.5.8': 'A oedd y cynllun dedfryd yn diffinio’n glir rolau a chyfrifoldebau pob gweithiwr?',
  '1.5.9': 'A oedd y cynllun dedfryd yn rhoi siâp clir i’r goruchwylio?',
  '1.5.10': 'A oedd y cynllun dedfryd yn nodi sut y byddai unrhyw Risg o Niwed a berid gan y troseddwr yn cael ei rheoli?',
  '1.5.11': 'A roddwyd ystyriaeth briodol i ofynion cyfyngol?',
  '1.5.12': 'A oedd y cynllun dedfryd yn sensitif i faterion amrywiaeth?',
  '1.5.13': 'A gafodd y troseddwr gyfle i gymryd rhan weithredol wrth gynllunio’r ddedfryd?',
  '1.5.14': 'Yn gyffredinol, a oedd cynllunio’r ddedfryd o ansawdd digonol?',

  // 2.1 Cyflawni’r cynllun dedfryd.
  '2.1.1': 'A wnaed trefniadau i baratoi’r troseddwr yn drylwyr ar gyfer ymyriadau?',
  '2.1.2': 'A ddangosodd y rheolwr troseddwyr ymrwymiad i’r gwaith gyda’r troseddwr?',
  '2.1.3': 'A wnaeth y rheolwr troseddwyr oruchwylio a chydlynu cyfraniad pob gweithiwr?',
  '2.1.4': 'A gafodd gofynion y ddedfryd eu gweithredu’n llawn?',
  '2.1.5': 'Lle roedd mwy nag un gofyniad, a gafodd ymyriadau eu trefnu yn ôl y Risg o Niwed a’r tebygolrwydd o aildroseddu?',
  '2.1.6': 'A oedd y gwaith yn y gymuned yn adeiladu ar y gweithgarwch yn y carchar?',
  '2.1.7': 'A gafodd y cynllun dedfryd ei adolygu yn unol â’r safonau cenedlaethol?',
  '2.1.8': 'A oedd y gwaith gyda’r troseddwr yn dilyn yn gydlynol o’r cynllun dedfryd?',
  '2.1.9': 'A oedd amcanion a cherrig milltir yn rhoi cyfeiriad clir i’r ddedfryd?',
  '2.1.10': 'Lle roedd mwy nag un gweithiwr yn ymwneud â’r achos, a oedd y cyfathrebu rhwng y rheolwr troseddwyr a’r gweithwyr eraill yn dda?',
  '2.1.11': 'A oedd y cyfathrebu rhwng yr holl staff a’r troseddwr yn dda?',
  '2.1.12': 'A wnaeth staff y carchar a’r rheolwr troseddwyr gydweithio’n gadarnhaol ac mewn da bryd i baratoi’r troseddwr i gael ei ryddhau?',
  '2.1.13': 'Yn gyffredinol, a wnaeth y rheolwr troseddwyr gyflawni holl elfennau’r ddedfryd mewn ffordd gynlluniedig?',

  // 2.2 Diogelu’r cyhoedd drwy leihau Risg o Niwed.
  '2.2.1':
    'A gafodd y Risg o Niwed ei hadolygu ar y pwynt gofynnol cyntaf (pedwar mis i mewn i ddedfryd gymunedol neu drwydded, 12 mis i mewn i ddedfryd o garchar)?',
  '2.2.2': 'A gafodd y Risg o Niwed ei hadolygu o leiaf bob pedwar mis ar ôl hynny?',
  '2.2.3': 'A gafodd ffactorau Risg o Niwed eu rhagweld, ac a ymatebwyd i newidiadau yn y Risg o Niwed?',
  '2.2.4': 'A oedd cynllunio i fynd i’r afael â’r Risg o Niwed i’r cyhoedd?',
  '2.2.5': 'A oedd cynllunio i fynd i’r afael â’r Risg o Niwed i oedolion hysbys?',
  '2.2.6': 'A oedd cynllunio i fynd i’r afael â’r Risg o Niwed i staff?',
  '2.2.7': 'A gymerodd y rheolwr troseddwyr ran ym mhrosesau rheoli risg mewnol y carchar?',
  '2.2.8': 'Lle roedd y troseddwr yn peri Risg o Niwed uchel, a gafodd ymweliadau cartref eu cynnal fel y gofynnwyd?',
  '2.2.9': 'Lle roedd pryderon diogelu am blant, a wnaed ymweliadau cartref a gwiriadau gyda’r Gwasanaethau Gofal Cymdeithasol i Blant?',
  '2.2.10': 'Lle roedd yr achos yn cael ei reoli o dan MAPPA, a wnaeth y rheolwr troseddwyr a gweithwyr eraill gyfrannu’n effeithiol at MAPPA?',
  '2.2.11': 'Lle roedd yr achos yn cael ei reoli o dan MAPPA, a ddefnyddiwyd MAPPA i’w llawn botensial?',
  '2.2.12': 'Lle roedd angen adalw oherwydd y Risg o Niwed, a weithredwyd yr adalw yn briodol ac yn brydlon?',
  '2.2.13': 'Lle cafodd y troseddwr ei adalw, a gafodd y rheswm ei esbonio’n glir iddo, ac a wnaed ymdrech i ailymgysylltu ag ef?',
  '2.2.14': 'Yn gyffredinol, a gymerwyd pob cam rhesymol i gadw Risg o Niwed y troseddwr i eraill mor isel â phosibl?',

  // 2.3 Dioddefwyr.
  '2.3.1': 'A roddwyd blaenoriaeth briodol i ddiogelwch dioddefwyr?',
  '2.3.2': 'A gafodd diogelwch dioddefwyr ei hybu o’r ddalfa, er enghraifft drwy fonitro post ac ymweliadau?',
  '2.3.3': 'Mewn achos cyswllt statudol â dioddefwyr, a wnaed cynnig ysgrifenedig amserol o gyswllt wyneb yn wyneb i’r dioddefwr?',
  '2.3.4': 'Mewn achos cyswllt statudol â dioddefwyr, a gafodd y dioddefwr wybodaeth am y broses cyfiawnder troseddol?',
  '2.3.5':
    'Lle roedd angen cyswllt â’r dioddefwr, a wnaeth y rheolwr troseddwyr gysylltu â’r swyddog cyswllt dioddefwyr i sicrhau ei fod yn digwydd?',
  '2.3.6': 'Lle derbyniodd y dioddefwr gyswllt, a gafodd gyfle i gyfrannu at bennu amodau’r drwydded?',
  '2.3.7': 'Lle derbyniodd y dioddefwr gyswllt, a gafodd wybod am yr amodau rhyddhau?',
  '2.3.8': 'Lle derbyniodd y dioddefwr gyswllt, a gafodd wybod mewn da bryd fod y troseddwr yn cael ei ryddhau?',
  '2.3.9': 'Lle roedd ei angen, a gafodd gwaith ymwybyddiaeth o ddioddefwyr ei wneud gyda’r troseddwr?',
  '2.3.10': 'Yn gyffredinol, a roddwyd sylw cyson i faterion sy’n ymwneud â dioddefwyr?',

  // 2.4 Sicrhau cyfyngiad a hybu cydymffurfiaeth (Cosbi).
  '2.4.1': 'A oedd trefniadau boddhaol ar waith i gyfyngu ar ryddid y troseddwr yn ystod y ddedfryd o garchar?',
  '2.4.2': 'A gafodd y troseddwr gyfnod sefydlu amserol ar ddechrau’r gorchymyn neu’r drwydded?',
  '2.4.3': 'A oedd amlder y cyswllt yn bodloni’r safonau cenedlaethol?',
  '2.4.4': 'A oedd amlder y cyswllt yn cefnogi gofynion y ddedfryd ac amcanion y cynllun dedfryd?',
  '2.4.5': 'Lle roedd gwaith di-dâl, a oedd amlder y sesiynau yn ddigonol?',
  '2.4.6': 'A gafodd presenoldeb y troseddwr ei fonitro?',
  '2.4.7': 'A oedd y penderfyniadau ynghylch a oedd absenoldebau yn dderbyniol yn gyson ac yn briodol?',
  '2.4.8': 'Lle roedd angen camau am dorri amodau, a gawsant eu cymryd yn effeithiol?',
  '2.4.9': 'A oedd ffeil yr achos wedi’i threfnu’n dda?',
  '2.4.10': 'A gafodd gwybodaeth ei chofnodi’n glir, mewn da bryd ac mewn digon o fanylder?',
  '2.4.11': 'Lle roedd gwaith di-dâl, a gafodd y troseddwr ei baru â lleoliad addas?',
  '2.4.12': 'A oedd digon o gyswllt rhwng y rheolwr troseddwyr a’r troseddwr cyn ei ryddhau?',
  '2.4.13':
    'Lle roedd y troseddwr yn droseddwr mynych a throseddwr blaenoriaeth arall, a gafodd lefel yr adrodd ei chynyddu i gefnogi holl elfennau’r ddedfryd?',
  '2.4.14': 'Yn gyffredinol, a gafodd cyswllt a gorfodi eu cynllunio a’u cyflawni i fodloni’r safonau cenedlaethol ac annog ymgysylltu?',

  // 2.5 Ymyriadau adeiladol (Helpu a Newid).
  '2.5.1': 'A gafodd digon o waith ac adnoddau eu cyfeirio at faterion ailintegreiddio i’r gymuned?',
  '2.5.2': 'A gymerwyd camau ar unwaith i gadw cyflogaeth, llety a chysylltiadau teuluol tra oedd y troseddwr yn y ddalfa?',
  '2.5.3': 'A oedd yr ymyriadau yn herio’r troseddwr i dderbyn cyfrifoldeb am ei droseddu a’i ganlyniadau?',
  '2.5.4': 'Lle roedd ei angen, a gafodd gwaith yn canolbwyntio ar y drosedd ei wneud a’i gofnodi?',
  '2.5.5': 'Lle roedd gofyniad rhaglen achrededig, a oedd ei darpariaeth a’i hamseriad yn gyson â’r cynllun dedfryd?',
  '2.5.6': 'Lle nodwyd angen sgiliau bywyd, a wnaed trefniadau i ddarparu ymyriad?',
  '2.5.7': 'Lle roedd ei angen, a gafodd y troseddwr gyngor neu ymyriadau ym maes cyflogaeth, hyfforddiant ac addysg?',
  '2.5.8': 'Yn gyffredinol, a wnaeth ymyriadau adeiladol fodloni amcanion ‘helpu’ a ‘newid’ y ddedfryd?',

  // 2.6 Ymyriadau cyfyngol (Rheoli).
  '2.6.1': 'A gafodd ymyriadau cyfyngol eu monitro’n llawn?',
  '2.6.2': 'A gymerwyd pob cam rhesymol i leihau’r Risg o Niwed?',
  '2.6.3':
    'Lle roedd y troseddwr yn byw mewn eiddo cymeradwy, a gafodd yr eiddo ei ddefnyddio’n effeithiol fel ymyriad cyfyngol i ddiogelu’r cyhoedd?',
  '2.6.4': 'A oedd gofynion y drwydded yn angenrheidiol ac yn gymesur â’r Risg o Niwed a’r tebygolrwydd o aildroseddu?',
  '2.6.5':
    'Lle cafodd troseddwr mynych a throseddwr blaenoriaeth arall ag angen yn ymwneud â chamddefnyddio cyffuriau ei ryddhau, a oedd y drwydded yn cynnwys amod i fynd i’r afael ag ef?',
  '2.6.6': 'Yn gyffredinol, a gafodd ymyriadau cyfyngol eu cyflawni i fodloni gofynion ‘rheoli’ y ddedfryd?',

  // 2.7 Materion amrywiaeth.
  '2.7.1': 'A oedd y trefniadau ar gyfer ymyriadau yn ystyried materion amrywiaeth y troseddwr?',
  '2.7.2': 'A ddywedwyd yn glir wrth y troseddwr na fyddai ymddygiad gwahaniaethol yn cael ei oddef?',
  '2.7.3': 'Lle mai’r troseddwr oedd yr unig aelod o leiafrif ethnig mewn grŵp rhaglen, a oedd wedi cytuno i’r lleoliad?',
  '2.7.4': 'Lle dangosodd y troseddwr agweddau gwahaniaethol neu wneud sylwadau gwahaniaethol, a gawsant eu herio?',
  '2.7.5': 'Yn gyffredinol, a roddwyd sylw llawn a phriodol i faterion amrywiaeth?',

  // 3.1 Cyflawni canlyniadau cychwynnol.
  '3.1.1': 'A wnaeth y troseddwr osgoi unrhyw rybuddiad neu euogfarn bellach yn ystod y ddedfryd?',
  '3.1.2': 'A oedd yr adnoddau a neilltuwyd i’r achos yn gyson â Risg o Niwed y troseddwr?',
  '3.1.3': 'A oedd yr adnoddau a neilltuwyd i’r achos yn gyson â’r tebygolrwydd o aildroseddu gan y troseddwr?',
  '3.1.4': 'A gafodd yr adnoddau eu defnyddio’n effeithlon i gyflawni’r canlyniadau a gynlluniwyd ar gyfer y troseddwr?',
  '3.1.5': 'A gyflawnwyd amcan ‘cosbi’ y ddedfryd?',
  '3.1.6': 'A gyflawnwyd amcan ‘rheoli’ y ddedfryd?',
  '3.1.7': 'A gyflawnwyd amcan ‘helpu’ y ddedfryd?',
  '3.1.8': 'A gyflawnwyd amcan ‘newid’ y ddedfryd?',
  '3.1.9': 'A ddangosodd y troseddwr fwy o ymwybyddiaeth o ddioddefwyr?',
  '3.1.10': 'A oedd tystiolaeth o lai o fygythiad i ddioddefwyr a darpar ddioddefwyr?',
  '3.1.11': 'A fu newid cadarnhaol yn agweddau ac ymddygiad y troseddwr?',
  '3.1.12': 'A wnaeth canlyniadau dysgu a sgiliau’r troseddwr wella?',
  '3.1.13': 'A wnaeth y troseddwr gydymffurfio â gofynion y ddedfryd?',
  '3.1.14': 'Yn gyffredinol, a gyflawnwyd yr amcanion a gynlluniwyd?',

  // 3.2 Cynaliadwyedd cynnydd.
  '3.2.1': 'A oedd digon o barhad o ran y rheolwr troseddwyr fel na wnaeth newidiadau niweidio’r gwaith gyda’r troseddwr?',
  '3.2.2': 'A gafodd y ddedfryd ei rheoli drwy gynllunio ac adolygu strwythuredig?',
  '3.2.3': 'A gafodd dysgu’r troseddwr ei gadarnhau i atgyfnerthu sgiliau newydd?',
  '3.2.4': 'A roddwyd sylw llawn i faterion integreiddio i’r gymuned yn y tymor hir?',
  '3.2.5': 'A gafodd y troseddwr wybod am sefydliadau cymunedol a allai ei helpu yn y tymor hwy?',
  '3.2.6': 'Yn gyffredinol, a ellir cynnal y canlyniadau y tu hwnt i ddiwedd y goruchwylio?',
};
