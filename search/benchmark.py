"""A generated corpus of Serbian documents and the timing helpers of ``manage.py search_benchmark``.

The corpus is deterministic: document ``n`` of seed ``s`` is the same text whatever the
corpus size, so the 10,000-document corpus is the first tenth of the 100,000 one and two
runs on two machines measure the same thing. Texts are built from real Serbian: the
sentences of the offices' seed texts and the demo content, civic-administration
templates filled with organisations, people, places, amounts, dates and reference numbers
(nouns in the cases the sentence needs), mostly Cyrillic with Latin passages and
Latin-script twins, as the site's own content is. Lengths follow what the site holds:
titles of 5-15 words, bodies of 100-2,000 words with a long tail.

Entries are stored the way ``search.entries`` stores them (display titles and text, the
normalised ``search_title``/``search_text``), inserted with ``bulk_create`` (no signals)
under keys ``bench:<n>``, and indexed per backend the way ``update_index`` does it.
"""

from __future__ import annotations

import datetime
import math
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.scripts import normalize, to_latin

KEY_PREFIX = "bench:"
DEFAULT_SEED = 2026

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

# Sentences of the seed texts and the demo content (home/demo, calls/demo.py,
# documents/demo.py), and sentences in the same administrative register.
SENTENCES = [
    "Канцеларија је организована у циљу укључивања организација цивилног друштва у дијалог и партнерски "
    "однос са институцијама Града Новог Сада.",
    "Сарадња се заснива на сталној, транспарентној и структурисаној комуникацији и редовној размени "
    "искустава, информација и мишљења.",
    "Иницирање дијалога са цивилним друштвом о питањима од заједничког интереса у локалној заједници.",
    "Учешће у припреми и праћењу спровођења стратешких докумената који се односе на стварање подстицајног "
    "окружења за развој цивилног друштва.",
    "Иницирање доношења прописа и других аката којима се уређује положај удружења и других организација "
    "цивилног друштва, као темеља изградње демократског, инклузивног и солидарног друштва.",
    "Учешће у припреми збирних извештаја који се достављају Градском већу Града Новог Сада о утрошку "
    "средстава из буџета.",
    "Организовање округлих столова и конференција.",
    "Прикупљање и дистрибуирање информација од значаја за рад удружења и других организација цивилног друштва.",
    "Обављање стручних послова у вези са сарадњом и разменом искустава са сличним институцијама у земљи, "
    "региону, земљама Европске уније и свету.",
    "Сарадња са надлежним органима Града у припреми програма и пројеката којима Град Нови Сад конкурише код "
    "фондова Европске уније.",
    "Промоција послова који су у вези са развојем и сарадњом са цивилним друштвом.",
    "Учествује у припремама и расписивању јавних конкурса за доделу средстава организацијама цивилног "
    "друштва у складу са Законом.",
    "Канцеларија за сарадњу с цивилним друштвом Републике Србије основана је 23. априла 2010. године.",
    "Влада Србије укинула је Канцеларију 2020. године, након десет година рада као владине службе.",
    "Послови бивше Канцеларије прешли су у Министарство за људска и мањинска права и друштвени дијалог.",
    "То доводи у питање простор за конструктивну сарадњу и отвара питање транспарентности буџетских издвајања.",
    "Канцеларија, која је основана у децембру 2021. године, почела је са радом у години титуле Европске "
    "престонице културе.",
    "Право учешћа на конкурсу имају удружења која су уписана у регистар који води Агенција за привредне "
    "регистре најмање годину дана пре објављивања конкурса.",
    "Удружење мора имати седиште или огранак на територији Града Новог Сада.",
    "Удружење није у поступку ликвидације, стечаја или забране обављања делатности.",
    "Удружење је уредно испунило уговорне обавезе према Граду из ранијих конкурса.",
    "Пријаве се подносе на прописаним обрасцима до истека рока.",
    "Конкурсна комисија оценила је пријаве и сачинила листу вредновања и рангирања програма.",
    "Административни трошкови не могу бити већи од 10% укупног буџета програма.",
    "Буџет програма исказује се у динарима, по врстама трошкова: људски ресурси, путни трошкови, "
    "материјални трошкови и административни трошкови.",
    "Рок за подношење пријава је 30 дана од дана објављивања конкурса.",
    "Ово решење ступа на снагу осмог дана од дана објављивања у „Службеном листу Града Новог Сада“.",
    "Општи циљ Стратегије је стварање подстицајног окружења за развој цивилног друштва, уз транспарентно "
    "финансирање и учешће грађана у доношењу одлука.",
    "Посебни циљеви обухватају унапређење правног оквира, одрживост удружења и волонтеризам.",
    "Спровођење прате органи државне управе и јединице локалне самоуправе кроз акционе планове.",
    "Подаци се преузимају као отворени подаци у форматима CSV и JSON.",
    "Јавна расправа траје 20 дана, а примедбе и предлози достављају се електронском поштом или поштом на "
    "адресу Градске управе.",
    "Након завршетка јавне расправе објављује се извештај са образложењем прихваћених и одбијених предлога.",
    "Листа вредновања и рангирања пријављених програма објављује се на званичној интернет страници Града и "
    "на порталу еУправа.",
    "На листу вредновања учесници конкурса имају право приговора у року од осам дана од дана њеног објављивања.",
    "Уговор о финансирању закључује се са удружењем чији је програм одобрен, у року од 30 дана од доношења решења.",
    "Корисник средстава дужан је да достави наративни и финансијски извештај о реализацији програма "
    "најкасније до 31. јануара наредне године.",
    "Средства се преносе на наменски рачун удружења отворен код Управе за трезор.",
    "Састанку су присуствовали представници удружења, месних заједница и градских управа.",
    "Учесници су истакли потребу за бољом координацијом између локалне самоуправе и организација цивилног друштва.",
    "Радионица је намењена представницима удружења који први пут пишу предлог пројекта.",
    "Пријава за учешће је обавезна, а број места је ограничен.",
    "Догађај се одржава у Креативном дистрикту, Булевар деспота Стефана 5.",
    "Информације о конкурсу могу се добити сваког радног дана од 9 до 14 часова.",
    "Програм се реализује у периоду од марта до децембра текуће године.",
    "Очекивани резултати обухватају већу видљивост рада удружења и укључивање грађана у живот заједнице.",
    "Мониторинг и евалуацију спроводи радна група коју образује градоначелник.",
    "Нацрт одлуке израђен је у сарадњи са удружењима која се баве заштитом животне средине.",
    "Предлози се достављају на обрасцу за учешће у јавним консултацијама.",
    "Градско веће је на седници усвојило извештај о спровођењу акционог плана за претходну годину.",
    "Волонтери су помогли у организацији манифестације и припреми материјала за учеснике.",
    "Канцеларија пружа стручну подршку удружењима у припреми пројектне документације.",
    "Сви документи доступни су у електронском облику и могу се преузети без регистрације.",
    "Записник је сачињен у три истоветна примерка, од којих сваки има снагу оригинала.",
    "Дневни ред је једногласно усвојен без измена.",
    "Председник комисије отворио је седницу и констатовао да постоји кворум за рад и одлучивање.",
    "Члан 38. Закона о удружењима прописује начин доделе средстава из буџета за програме од јавног интереса.",
    "Уредба о средствима за подстицање програма од јавног интереса која реализују удружења примењује се од "
    "2018. године.",
    "Извештај садржи преглед одобрених програма, износе додељених средстава и оцену постигнутих резултата.",
    "Највећи број пријава стигао је из области социјалне заштите и културе.",
    "Удео средстава намењених младима повећан је у односу на претходну годину.",
    "Грађани могу пратити пренос седнице уживо на интернет страници Града.",
    "Обука обухвата управљање пројектним циклусом, финансијско извештавање и комуникацију са јавношћу.",
    "Акциони план садржи мере, активности, носиоце, рокове и изворе финансирања.",
    "Показатељи учинка прате се на годишњем нивоу и објављују у извештају о спровођењу.",
    "Локални антикорупцијски план предвиђа објављивање свих одлука о додели средстава.",
    "Информатор о раду ажурира се најмање једном месечно.",
    "Захтев за приступ информацијама од јавног значаја може се поднети писмено или усмено на записник.",
    "Жалба не одлаже извршење решења.",
    "Образложење: Комисија је утврдила да пријава није потпуна и да није достављена у прописаном року.",
    "Удружења су позвана да доставе предлоге чланова радне групе до краја месеца.",
    "Сви учесници добиће потврду о похађању обуке.",
    "Ђаци, студенти и пензионери имају бесплатан улаз на све програме фестивала.",
    "Џепни водич за удружења објављен је на ћирилици, латиници и енглеском језику.",
    "Љубазно молимо учеснике да потврде долазак најкасније два дана пре почетка.",
    "Њихов рад препознат је и ван граница Србије.",
]

SENTENCES_EN = [
    "The Office connects civil society organisations with the institutions of the City of Novi Sad.",
    "Here we publish strategies, draft regulations, public calls and their results, news and events.",
    "The Office was set up to involve civil society organisations in dialogue and partnership with the "
    "institutions of the City.",
    "Applications are made on the prescribed forms before the deadline.",
    "The evaluation committee assessed the applications and ranked the programmes.",
    "Administrative costs may not exceed 10% of the total programme budget.",
    "The data can be downloaded as open data in CSV and JSON.",
    "Associations may apply if they have their seat or a branch in the City of Novi Sad.",
    "The public consultation lasts 20 days and comments can be sent by e-mail or by post.",
    "The grant agreement is signed within 30 days of the decision.",
    "Beneficiaries submit a narrative and a financial report by 31 January of the following year.",
    "The workshop is intended for associations writing a project proposal for the first time.",
    "Registration is required and the number of places is limited.",
    "The event takes place in the Creative District, Bulevar despota Stefana 5.",
    "The action plan sets out measures, activities, responsible bodies, deadlines and funding sources.",
    "The Serbian government abolished the Office for Cooperation with Civil Society in 2020.",
    "The City Council adopted the report on the implementation of the action plan.",
    "Volunteers helped organise the event and prepare materials for participants.",
    "All documents are available electronically and can be downloaded without registration.",
    "Citizens can follow the session live on the City website.",
    "The largest number of applications came from social protection and culture.",
    "The share of funds for young people increased compared with the previous year.",
]

# Areas of public interest, in the genitive ("у области културе").
AREAS = [
    "културе", "социјалне заштите", "заштите животне средине", "омладине", "спорта", "образовања",
    "здравствене заштите", "људских права", "родне равноправности", "заштите особа са инвалидитетом",
    "запошљавања", "пољопривреде и руралног развоја", "туризма", "јавног информисања", "волонтеризма",
    "заштите потрошача", "урбаног развоја", "дигиталне писмености", "заштите животиња", "борачко-инвалидске заштите",
    "заштите културног наслеђа", "развоја цивилног друштва",
]  # fmt: skip
AREAS_EN = [
    "culture", "social protection", "environmental protection", "youth", "sport", "education", "health care",
    "human rights", "gender equality", "persons with disabilities", "employment", "rural development",
    "tourism", "public information", "volunteering", "consumer protection", "urban development",
    "digital literacy", "animal welfare", "veterans' protection", "cultural heritage", "civil society development",
]  # fmt: skip

# (nominative, genitive, locative)
PLACES = [
    ("Нови Сад", "Новог Сада", "Новом Саду"), ("Детелинара", "Детелинаре", "Детелинари"),
    ("Лиман", "Лимана", "Лиману"), ("Подбара", "Подбаре", "Подбари"), ("Салајка", "Салајке", "Салајци"),
    ("Грбавица", "Грбавице", "Грбавици"), ("Футог", "Футога", "Футогу"), ("Ветерник", "Ветерника", "Ветернику"),
    ("Каћ", "Каћа", "Каћу"), ("Будисава", "Будисаве", "Будисави"), ("Ченеј", "Ченеја", "Ченеју"),
    ("Руменка", "Руменке", "Руменки"), ("Кисач", "Кисача", "Кисачу"),
    ("Степановићево", "Степановићева", "Степановићеву"),
    ("Сремска Каменица", "Сремске Каменице", "Сремској Каменици"),
    ("Петроварадин", "Петроварадина", "Петроварадину"), ("Клиса", "Клисе", "Клиси"), ("Телеп", "Телепа", "Телепу"),
    ("Ново насеље", "Новог насеља", "Новом насељу"), ("Роткварија", "Роткварије", "Роткварији"),
    ("Бегеч", "Бегеча", "Бегечу"), ("Ковиљ", "Ковиља", "Ковиљу"), ("Лединци", "Лединаца", "Лединцима"),
    ("Буковац", "Буковца", "Буковцу"), ("Адице", "Адица", "Адицама"), ("Сајлово", "Сајлова", "Сајлову"),
    ("Београд", "Београда", "Београду"), ("Ниш", "Ниша", "Нишу"), ("Крагујевац", "Крагујевца", "Крагујевцу"),
    ("Суботица", "Суботице", "Суботици"), ("Зрењанин", "Зрењанина", "Зрењанину"), ("Панчево", "Панчева", "Панчеву"),
    ("Сомбор", "Сомбора", "Сомбору"), ("Кикинда", "Кикинде", "Кикинди"), ("Шабац", "Шапца", "Шапцу"),
    ("Чачак", "Чачка", "Чачку"), ("Врање", "Врања", "Врању"), ("Нови Пазар", "Новог Пазара", "Новом Пазару"),
    ("Сремски Карловци", "Сремских Карловаца", "Сремским Карловцима"),
    ("Бачка Паланка", "Бачке Паланке", "Бачкој Паланци"),
]  # fmt: skip

QUOTED_NAMES = [
    "Корак напред", "Осмех", "Отворена врата", "Зелени Нови Сад", "Свитак", "Мост", "Искра", "Нада", "Полет",
    "Сунцокрет", "Ластавица", "Дунавски круг", "Фрушкогорски пут", "Бела лађа", "Жива земља", "Чаробна фрула",
    "Шарени свет", "Ђердан", "Љубичица", "Њива", "Извор", "Сремска кућа", "Бачки салаш", "Камењар", "Видик",
    "Пут ка ближњем", "Глас младих", "Снага заједнице", "Заједно", "Нова генерација", "Старо језгро",
    "Палета", "Кварт", "Комшилук", "Шанса", "Хоризонт", "Путоказ", "Ведрина", "Цвркут", "Жубор",
]  # fmt: skip
CENTRES = [
    "развој волонтеризма", "грађанске иницијативе", "социјалну политику", "демократију и људска права",
    "медије и комуникације", "одрживи развој", "културну децентрализацију", "инклузију", "регионализам",
    "мир и дијалог",
]  # fmt: skip
# (nominative, genitive, dative) with {q} a quoted name, {c} a centre's field, {p} a place in the genitive.
ORGANISATIONS = [
    ("Удружење грађана {q}", "Удружења грађана {q}", "Удружењу грађана {q}"),
    ("Удружење {q}", "Удружења {q}", "Удружењу {q}"),
    ("Фондација {q}", "Фондације {q}", "Фондацији {q}"),
    ("Центар за {c}", "Центра за {c}", "Центру за {c}"),
    ("Мрежа удружења {p}", "Мреже удружења {p}", "Мрежи удружења {p}"),
    ("Клуб {q}", "Клуба {q}", "Клубу {q}"),
    ("Удружење пензионера {p}", "Удружења пензионера {p}", "Удружењу пензионера {p}"),
    ("Омладински клуб {q}", "Омладинског клуба {q}", "Омладинском клубу {q}"),
    ("Културно-уметничко друштво {q}", "Културно-уметничког друштва {q}", "Културно-уметничком друштву {q}"),
    ("Еколошки покрет {p}", "Еколошког покрета {p}", "Еколошком покрету {p}"),
]

FIRST_NAMES = (
    "Марко Јелена Милан Ана Никола Марија Стефан Ивана Душан Милица Драган Снежана Жарко Бојана Немања "
    "Тамара Ђорђе Катарина Вук Љиљана Бранислав Јована Алекса Софија Зоран Гордана Мирослав Весна Лазар "
    "Теодора Предраг Наташа Огњен Драгана Срђан Маја Владимир Биљана Петар Сања"
).split()
SURNAMES = (
    "Петровић Јовановић Николић Марковић Ђорђевић Стојановић Илић Станковић Павловић Милошевић Михајловић "
    "Стефановић Томић Поповић Ђурић Живковић Лазић Костић Ристић Пантелић Степановић Радовановић Бошковић "
    "Гајић Вуковић Шаренац Кнежевић Филиповић Милић Бабић Савић Јанковић Обрадовић Вучковић Тодоровић Симић "
    "Максимовић Ђукић Ћирић Чолић Кецман Бркић Жиловић Пејин Мирков Стојшић Тришић Бугарски Гавански Дамјанов "
    "Ердељан Јакшић Ковачевић Лалошевић Мартинов Новаков Пејиновић Рацков Сучевић Вујовић"
).split()

ACTIVITIES = [
    "Радионице", "Школа", "Клуб", "Фестивал", "Мапирање", "Кампања", "Саветовалиште", "Летњи камп", "Трибине",
    "Изложба", "Обука", "Мрежа подршке", "Дигитална платформа", "Караван", "Сајам",
]  # fmt: skip
PURPOSES = [
    "за младе лидере", "грађанског активизма", "еколошке свести", "инклузивног образовања", "медијске писмености",
    "очувања традиције", "за породице у кризи", "здравих стилова живота", "урбаног баштованства",
    "безбедног интернета", "културе дијалога", "за старије суграђане", "социјалног предузетништва",
    "добросуседских односа", "превенције насиља",
]  # fmt: skip
TARGETS = [
    "младе", "старије суграђане", "особе са инвалидитетом", "децу и родитеље", "жене у руралним подручјима",
    "Роме", "избегла и расељена лица", "незапослене", "волонтере", "студенте", "ученике средњих школа",
    "пољопривредне произвођаче",
]  # fmt: skip
WITH_WHOM = ["младима", "старијима", "децом", "женама", "волонтерима", "мигрантима"]
# City administrations, in the accusative ("Градска управа за ...").
ADMINISTRATIONS = [
    "културу", "социјалну и дечију заштиту", "заштиту животне средине", "спорт и омладину", "образовање",
    "опште послове", "привреду", "урбанизам и грађевинске послове",
]  # fmt: skip
# Subjects in the locative ("о ..."), {year} filled in.
TOPICS = [
    "финансирању програма удружења", "сарадњи са цивилним друштвом", "волонтирању", "родној равноправности",
    "заштити животне средине", "учешћу грађана у доношењу одлука", "јавним набавкама",
    "доступности информација од јавног значаја", "социјалном предузетништву", "инклузивном образовању",
    "младима", "безбедности у саобраћају", "енергетској ефикасности", "генералном урбанистичком плану",
    "буџету Града Новог Сада за {year}. годину", "култури сећања", "заштити права детета",
    "јавном превозу", "управљању отпадом", "квалитету ваздуха", "доступности јавних простора",
    "месним заједницама", "етичком кодексу", "превенцији вршњачког насиља", "равномерном регионалном развоју",
    "спорту и рекреацији", "социјалном становању", "пројектима прекограничне сарадње",
]  # fmt: skip
MEETINGS = [
    "седнице Комисије", "округлог стола", "јавне расправе", "састанка радне групе", "седнице Градског већа",
    "консултативног састанка", "трибине", "инфо дана за удружења",
]  # fmt: skip
MONTHS = "јануар фебруар март април мај јун јул август септембар октобар новембар децембар".split()
MONTHS_GEN = "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра".split()
FORM_NAMES = [
    "Пријава на јавни конкурс", "Буџет програма", "Наративни извештај", "Финансијски извештај",
    "Изјава о партнерству", "Изјава о непостојању сукоба интереса", "План активности", "Образац за примедбе",
]  # fmt: skip

# Real but uncommon words, planted with low probability: the "rare word" queries find tens to hundreds.
RARE_PHRASES = [
    "пчеларство", "тамбурашки оркестар", "шаховски турнир", "ронилачки клуб", "астрономско друштво",
    "Брајево писмо", "знаковни језик", "фолклорни ансамбл", "ловачко удружење", "планинарски дом",
    "гериатријска нега", "палијативно збрињавање", "аутизам", "дислексија", "рециклажно двориште",
    "бициклистичка стаза", "галерија Матице српске", "Петроварадинска тврђава", "салашарски туризам",
    "ромска кухиња", "ткачка радионица", "грнчарија", "голубарство", "кинологија", "едукативни подкаст",
]  # fmt: skip

# Page types and the registry, with how much of the site each is.
KINDS = [
    ("documents.registrydocument", 46),
    ("news.newspage", 20),
    ("news.eventpage", 9),
    ("calls.callpage", 8),
    ("consultations.consultationpage", 7),
    ("strategies.strategypage", 4),
    ("home.standardpage", 4),
    ("calls.callindexpage", 0.5),
    ("news.newsindexpage", 0.5),
    ("documents.documentlibrarypage", 0.5),
    ("consultations.consultationindexpage", 0.5),
]
# Document types of the registry (documents/demo.py), ids 1-12, and how common each is.
DOCUMENT_TYPES = [
    (1, "Стратегија", 3), (2, "Акциони план", 4), (3, "Извештај", 14), (4, "Нацрт акта", 7),
    (5, "Усвојени акт", 10), (6, "Решење", 18), (7, "Јавни конкурс", 9), (8, "Резултати конкурса", 8),
    (9, "Образац", 10), (10, "Записник", 9), (11, "Публикација", 4), (12, "Остало", 4),
]  # fmt: skip

SEARCH_PAGE_TITLES = {
    "calls.callindexpage": "Јавни конкурси Града Новог Сада за финансирање програма удружења",
    "news.newsindexpage": "Вести Канцеларије за сарадњу са цивилним друштвом",
    "documents.documentlibrarypage": "Документи и регистар аката Канцеларије за сарадњу",
    "consultations.consultationindexpage": "Јавне консултације о нацртима прописа Града Новог Сада",
}


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


def _cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# Zipf-like: a few sentences and words are everywhere, most are not.
_SENTENCE_WEIGHTS = _cumulative(1 / (rank + 1) ** 0.5 for rank in range(len(SENTENCES)))
_KIND_WEIGHTS = _cumulative(weight for _, weight in KINDS)
_TYPE_WEIGHTS = _cumulative(weight for *_, weight in DOCUMENT_TYPES)
_YEARS = list(range(2010, 2027))
# More is published in recent years.
_YEAR_WEIGHTS = _cumulative(1 + (year - 2010) * 0.35 for year in _YEARS)


class _Text:
    """The slot fillers for one document, from its own random generator."""

    def __init__(self, rng: random.Random, year: int):
        self.rng = rng
        self.year = year

    def pick(self, items, cum=None):
        return self.rng.choices(items, cum_weights=cum)[0] if cum else self.rng.choice(items)

    def zipf(self, items, exponent=1.0):
        # Log-uniform rank (about Zipf): the first items are common, the last rare; a lower
        # exponent skews further towards the first ones.
        n = len(items)
        u = self.rng.random()
        index = int(n ** (u ** (1 / exponent))) - 1
        return items[min(max(index, 0), n - 1)]

    def person(self):
        return f"{self.zipf(FIRST_NAMES)} {self.zipf(SURNAMES)}"

    def place(self, case=0):
        return self.zipf(PLACES)[case]

    def org(self, case=0):
        template = self.zipf(ORGANISATIONS)[case]
        return template.format(q=f"„{self.zipf(QUOTED_NAMES)}“", c=self.pick(CENTRES), p=self.place(1))

    def program(self):
        return f"{self.pick(ACTIVITIES)} {self.pick(PURPOSES)}"

    def amount(self):
        value = self.rng.choice([50, 80, 100, 120, 150, 200, 250, 300, 350, 400, 450, 500, 600, 750, 800, 1000, 1200])
        value *= 1000 * self.rng.choice([1, 1, 1, 10]) if value < 1000 else 1000
        return f"{value:,}".replace(",", ".")

    def date(self):
        day, month = self.rng.randint(1, 28), self.rng.randrange(12)
        if self.rng.random() < 0.5:
            return f"{day}. {MONTHS_GEN[month]} {self.year}. године"
        return f"{day}. {month + 1}. {self.year}."

    def reference(self):
        roman = self.rng.choice(["I", "II", "IV", "VI", "IX", "XI", "XIII", "XIV"])
        return f"{roman}-{self.rng.choice([20, 40, 401, 404, 112, 350])}-{self.rng.randint(1, 99)}/{self.year}"

    def topic(self):
        return self.zipf(TOPICS, 0.8).format(year=self.year)

    def area(self):
        return self.zipf(AREAS, 0.9)

    def email(self):
        domain = self.pick(["gmail.com", "novisad.rs", "udruzenja.rs"])
        return f"{normalize(self.pick(QUOTED_NAMES)).replace(' ', '.')}@{domain}"


# Sentences with slots: the varied, long-tail part of the vocabulary.
TEMPLATES: list[Callable[[_Text], str]] = [
    lambda t: f"Програму „{t.program()}“ {t.org(1)} одобрено је {t.amount()} динара.",
    lambda t: f"{t.org()} реализује програм „{t.program()}“ у {t.place(2)}.",
    lambda t: f"Конкурс за област {t.area()} отворен је до {t.date()}",
    lambda t: f"Укупан износ средстава за {t.year}. годину је {t.amount()} динара.",
    lambda t: f"Јавни позив објављен је у „Службеном листу Града Новог Сада“, број {t.rng.randint(1, 60)}/{t.year}.",
    lambda t: f"Састанак са представницима удружења из {t.place(1)} одржан је {t.date()}",
    lambda t: f"Координатор програма је {t.person()}, контакт: {t.email()}.",
    lambda t: f"Предмет број {t.reference()} заведен је {t.date()}",
    lambda t: (
        f"Матични број удружења је {t.rng.randint(8000000, 29999999):08d}, а ПИБ {t.rng.randint(100000000, 113999999)}."
    ),
    lambda t: f"Трибина „{t.program()}“ биће одржана у {t.place(2)}, у {t.rng.randint(10, 19)} часова.",
    lambda t: f"О {t.topic()} говорили су {t.person()} и {t.person()}.",
    lambda t: f"Рад у области {t.area()} подржан је са {t.amount()} динара из буџета Града.",
    lambda t: f"Консултације о {t.topic()} трају до {t.date()}",
    lambda t: (
        f"У {t.year}. години пристигло је {t.rng.randint(12, 180)} пријава, а подржано {t.rng.randint(5, 60)} програма."
    ),
    lambda t: f"Више информација на https://www.novisad.rs/{normalize(t.area()).replace(' ', '-')}.",
    lambda t: f"Позивамо удружења из области {t.area()} да се пријаве до {t.date()}",
    lambda t: f"{t.person()} из {t.org(1)} представио је резултате истраживања о {t.topic()}.",
    lambda t: f"Рангирање је извршено према критеријумима из члана {t.rng.randint(2, 40)}. Правилника.",
    lambda t: f"Програм обухвата {t.rng.randint(3, 24)} радионица за {t.pick(TARGETS)} у {t.place(2)}.",
    lambda t: f"Средства у износу од {t.amount()} динара распоређују се кроз {t.rng.randint(2, 9)} конкурса.",
    lambda t: f"Учешће у изради документа о {t.topic()} узели су представници {t.rng.randint(5, 70)} удружења.",
    lambda t: f"{t.org()} позива суграђане из {t.place(1)} на {t.program().lower()}.",
    lambda t: f"Седница је одржана {t.date()} у {t.place(2)}, а записник је водио {t.person()}.",
    lambda t: f"Подршка је намењена удружењима која раде са {t.pick(WITH_WHOM)} у области {t.area()}.",
    lambda t: (
        f"Телефон за информације: 021/{t.rng.randint(400, 699)}-{t.rng.randint(100, 999)}, "
        "радним данима од 8 до 15 часова."
    ),
    lambda t: f"Извештај о {t.topic()} усвојен је {t.date()}",
    lambda t: f"Градска управа за {t.pick(ADMINISTRATIONS)} расписала је позив за {t.pick(TARGETS)}.",
]


@dataclass
class Document:
    n: int
    kind: str
    document_type_id: int | None
    date: datetime.date
    title: str
    title_en: str
    text: str
    text_en: str
    latin: bool  # the Latin-script twin is the original (some sites write Latin)


def _word_count(rng: random.Random) -> int:
    # Log-normal around 280 words, a long tail of long documents, cut to 100-2,000.
    return int(min(2000, max(100, rng.lognormvariate(math.log(280), 0.75))))


def _fit_title(words: list[str], filler: Callable[[], str]) -> str:
    while len(words) < 5:
        words += filler().split()
    return " ".join(words[:15])


def _title(t: _Text, kind: str, document_type: str | None) -> tuple[str, str]:
    year, area_index = t.year, t.rng.randrange(len(AREAS))
    area, area_en = AREAS[area_index], AREAS_EN[area_index]
    if kind == "documents.registrydocument":
        by_type = {
            "Стратегија": (
                f"Стратегија развоја {area} на територији Града Новог Сада {year}–{year + 5}",
                f"Strategy for {area_en} in the City of Novi Sad {year}–{year + 5}",
            ),
            "Акциони план": (
                f"Акциони план за спровођење Стратегије у области {area} за {year}. годину",
                f"Action plan for {area_en} for {year}",
            ),
            "Извештај": (
                f"Извештај о раду {t.org(1)} за {year}. годину",
                f"Annual report {year}",
            ),
            "Нацрт акта": (f"Нацрт одлуке о {t.topic()}", "Draft decision"),
            "Усвојени акт": (f"Одлука о {t.topic()}", "Decision"),
            "Решење": (
                f"Решење о расподели средстава по Јавном конкурсу за финансирање програма у области {area} {year}",
                f"Decision on the allocation of funds for {area_en} programmes {year}",
            ),
            "Јавни конкурс": (
                f"Јавни конкурс за финансирање програма удружења у области {area} {year}",
                f"Public call for financing programmes of associations in {area_en} {year}",
            ),
            "Резултати конкурса": (
                f"Резултати јавног конкурса за програме удружења у области {area} {year}",
                f"Results of the public call for {area_en} programmes {year}",
            ),
            "Образац": (
                f"Образац {t.rng.randint(1, 6)} – {t.pick(FORM_NAMES)} {year}",
                f"Form – {area_en} {year}",
            ),
            "Записник": (f"Записник са {t.pick(MEETINGS)} о {t.topic()}", f"Minutes {year}"),
            "Публикација": (
                f"Водич за удружења: {t.program()} у {t.place(2)}",
                f"Guide for associations {year}",
            ),
            "Остало": (f"Обавештење о {t.topic()} – {t.org()}", "Notice"),
        }
        title, title_en = by_type[document_type]
        title_en = title_en if t.rng.random() < 0.5 else ""
    elif kind == "news.newspage":
        title = t.pick(
            [
                f"Отворен позив удружењима из области {area} за {year}. годину",
                f"Одржан округли сто о {t.topic()} у {t.place(2)}",
                f"Потписани уговори са {t.rng.randint(5, 60)} удружења из области {area}",
                f"{t.org()} представило резултате програма „{t.program()}“",
                f"Објављени резултати конкурса за програме у области {area}",
            ]
        )
        title_en = f"News: {area_en} {year}" if t.rng.random() < 0.3 else ""
    elif kind == "news.eventpage":
        title = t.pick(
            [
                f"Радионица: {t.program()} у {t.place(2)}",
                f"Инфо дан за удружења из области {area} у {t.place(2)}",
                f"Трибина о {t.topic()} – {t.place()}",
                f"Обука за писање пројеката за {t.pick(TARGETS)}",
            ]
        )
        title_en = f"Event: {area_en} workshop" if t.rng.random() < 0.3 else ""
    elif kind == "calls.callpage":
        title = f"Јавни конкурс за финансирање програма удружења у области {area} {year}"
        title_en = f"Public call for financing programmes of associations in the field of {area_en} {year}"
    elif kind == "consultations.consultationpage":
        title = f"Јавне консултације о Нацрту одлуке о {t.topic()}"
        title_en = "Public consultation on a draft decision" if t.rng.random() < 0.4 else ""
    elif kind == "strategies.strategypage":
        title = f"Стратегија развоја {area} Града Новог Сада {year}–{year + 4}"
        title_en = f"Strategy for {area_en} of the City of Novi Sad {year}–{year + 4}"
    elif kind in SEARCH_PAGE_TITLES:
        title, title_en = f"{SEARCH_PAGE_TITLES[kind]} – {t.place()}", ""
    else:
        title = t.pick(
            [
                f"О програмима у области {area} у {t.place(2)}",
                f"Делокруг послова Канцеларије у области {area}",
                f"Контакт и радно време – {t.org()}",
                f"Често постављана питања о {t.topic()}",
            ]
        )
        title_en = f"About {area_en}" if t.rng.random() < 0.3 else ""
    return _fit_title(title.split(), t.program), title_en


def _body(t: _Text, words: int, latin_share: float) -> str:
    rng, parts, count = t.rng, [], 0
    while count < words:
        if rng.random() < 0.35:
            sentence = rng.choices(SENTENCES, cum_weights=_SENTENCE_WEIGHTS)[0]
        else:
            sentence = rng.choice(TEMPLATES)(t)
        if rng.random() < 0.004:
            sentence += f" {RARE_PHRASES[int(len(RARE_PHRASES) * rng.random() ** 2)].capitalize()} је тема програма."
        if rng.random() < latin_share:
            sentence = to_latin(sentence)  # a quoted passage, a name written in Latin
        parts.append(sentence)
        count += sentence.count(" ") + 1
    return " ".join(parts)


def generate_document(n: int, seed: int = DEFAULT_SEED) -> Document:
    rng = random.Random(seed * 1_000_003 + n)  # noqa: S311 - a reproducible corpus, not a secret
    kind = rng.choices([kind for kind, _ in KINDS], cum_weights=_KIND_WEIGHTS)[0]
    document_type_id = document_type = None
    if kind == "documents.registrydocument":
        document_type_id, document_type, _ = rng.choices(DOCUMENT_TYPES, cum_weights=_TYPE_WEIGHTS)[0]
    year = rng.choices(_YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    date = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    t = _Text(rng, year)
    title, title_en = _title(t, kind, document_type)
    latin = rng.random() < 0.2
    text = _body(t, _word_count(rng), latin_share=0.06)
    text_en = ""
    if kind != "documents.registrydocument" and title_en and rng.random() < 0.8:
        text_en = " ".join(rng.choice(SENTENCES_EN) for _ in range(rng.randint(5, 40)))
    if kind == "documents.registrydocument":
        text = f"{t.reference()} {text}"
    if latin:
        title, text = to_latin(title), to_latin(text)
    return Document(n, kind, document_type_id, date, title, title_en, text, text_en, latin)


def to_entry(document: Document):
    """A SearchEntry for the document, with the fields search.entries fills."""
    from .models import MAX_DISPLAY_TEXT, MAX_SEARCH_TEXT, SearchEntry

    latin_title = to_latin(document.title)
    titles = {"sr-cyrl": document.title, "sr-latn": latin_title, "en": document.title_en or latin_title}
    path = f"bench/{document.n}/"
    urls = {language: f"/{language}/{path}" for language in ("sr-cyrl", "sr-latn", "en")}
    return SearchEntry(
        key=f"{KEY_PREFIX}{document.n}",
        kind=document.kind,
        document_type_id=document.document_type_id,
        year=document.date.year,
        date=document.date,
        titles=titles,
        urls=urls,
        text=document.text[:MAX_DISPLAY_TEXT],
        text_en=document.text_en[:MAX_DISPLAY_TEXT],
        search_title=normalize(f"{document.title} {document.title_en}"),
        search_text=normalize(f"{document.text} {document.text_en}")[:MAX_SEARCH_TEXT],
    )


def generate_entries(start: int, stop: int, seed: int = DEFAULT_SEED) -> Iterator:
    for n in range(start, stop):
        yield to_entry(generate_document(n, seed))


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchQuery:
    q: str
    group: str


# What visitors type: single common words (thousands of hits), inflected forms, rare words
# (tens of hits), 2-3 word queries, Latin without diacritics, numbers, and misses.
QUERIES = [
    *(
        BenchQuery(q, "common")
        for q in [
            "удружење", "konkurs", "финансирање", "programa", "буџет", "izveštaj", "одлука", "radionica",
            "сарадња", "grad", "средства", "udruženja", "Нови Сад",
        ]
    ),
    *(
        BenchQuery(q, "inflected")
        for q in [
            "удружењима", "konkursa", "стратегије", "pravilnika", "сарадњом", "volonterima", "младима",
            "седници", "organizacijama",
        ]
    ),
    *(
        BenchQuery(q, "rare")
        for q in [
            "пчеларство", "tamburaški", "шаховски", "ronilački", "астрономско", "Брајево", "kinologija",
            "голубарство", "грнчарија", "Шаренац", "Lalošević", "Будисава",
        ]
    ),
    *(
        BenchQuery(q, "multi-word")
        for q in [
            "јавни конкурс култура", "zaštita životne sredine", "акциони план 2024", "udruženje penzionera",
            "округли сто Футог", "Jelena Petrović", "решење о расподели средстава", "обука писање пројеката",
            "rodna ravnopravnost", "сремска каменица трибина", "kvalitet vazduha", "социјално становање",
        ]
    ),
    *(
        BenchQuery(q, "no diacritics")
        for q in [
            "drustvo", "zastita zivotne sredine", "resenje", "ucesce gradjana", "Djordjevic", "cacak",
            "skola", "dusan",
        ]
    ),
    *(BenchQuery(q, "numbers") for q in ["2023", "XIII-401", "51/2009", "021"]),
    *(BenchQuery(q, "no hits") for q in ["kvantna hromodinamika", "фотосинтеза хлорофила", "xyzzy"]),
]  # fmt: skip


def query_set(count: int | None = None) -> list[BenchQuery]:
    """``count`` queries spread evenly over the set, so every kind of query is in (all by default)."""
    if not count or count >= len(QUERIES):
        return [QUERIES[i % len(QUERIES)] for i in range(count or len(QUERIES))]
    return [QUERIES[i * len(QUERIES) // count] for i in range(count)]


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0-1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


@dataclass
class Timings:
    samples: list[float] = field(default_factory=list)  # seconds

    def add(self, seconds: float) -> None:
        self.samples.append(seconds)

    def summary(self) -> dict[str, float]:
        ms = [value * 1000 for value in self.samples]
        return {
            "p50": percentile(ms, 0.50),
            "p95": percentile(ms, 0.95),
            "max": max(ms, default=0.0),
            "mean": statistics.fmean(ms) if ms else 0.0,
            "n": len(ms),
        }


def timed(function: Callable, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def format_table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table that is also Markdown; columns of numbers are aligned right."""
    cells = [[str(cell) for cell in headers]] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    right = {
        i
        for i in range(len(headers))
        if rows and all(str(row[i])[:1].isdigit() or str(row[i]) in {"", "-"} for row in rows)
    }

    def line(row):
        padded = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])
