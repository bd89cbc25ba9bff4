"""Demo texts that the seeds do not give in both languages.

The Novi Sad office's seed is Cyrillic only and the national office's is English
only; editors write Cyrillic, and English is a translation. Each text below pairs the
seed's words with their translation, keyed by the seed text, so the demo command can
fill wagtail-localize translations and fails loudly if a seed text has no match.
"""

OFFICE_EN = {
    "name": "Office for Cooperation with Civil Society of the City of Novi Sad",
    "parent_body": "City Administration for General Affairs of the City of Novi Sad",
    "address": "Bulevar despota Stefana 5, Building 2\nCreative District, 21101 Novi Sad",
}

HOME = {
    "title": ("Почетна", "Home"),
    "intro": (
        "Канцеларија повезује организације цивилног друштва и институције Града Новог Сада: "
        "овде објављујемо стратегије, нацрте прописа, јавне конкурсе и њихове резултате, вести и догађаје.",
        "The Office connects civil society organisations with the institutions of the City of Novi Sad: "
        "here we publish strategies, draft regulations, public calls and their results, news and events.",
    ),
}

ABOUT = {
    "title": ("О канцеларији", "About the Office"),
    "slug_en": "about-the-office",
    "intro": (
        "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада основана је у децембру 2021. године.",
        "The Office for Cooperation with Civil Society of the City of Novi Sad was founded in December 2021.",
    ),
    "contact_heading": ("Контакт", "Contact"),
}

# The seed's own paragraphs about the Novi Sad office, with their English translation.
NOVI_SAD_PARAGRAPHS_EN = {
    "Канцеларија, која је основана у децембру 2021. године, почела је са радом у години титуле Европске "
    "престонице културе, а исте године уселила се у простор који су добили у Дистрикту.": (
        "The Office, founded in December 2021, began its work in the year Novi Sad held the title of European "
        "Capital of Culture, and in the same year moved into the premises it was given in the District."
    ),
    "Канцеларија je организoвана у циљу укључивања организација цивилног друштва у дијалог и партнерски "
    "однос са институцијама Града Новог Сада, која се заснива на сталној, транспарентној и структурисаној "
    "комуникацији и редовној размени искустава, информација и мишљења.": (
        "The Office was set up to involve civil society organisations in dialogue and partnership with the "
        "institutions of the City of Novi Sad, based on continuous, transparent and structured communication "
        "and a regular exchange of experience, information and opinions."
    ),
}

SCOPE = {
    "title": ("Делокруг послова", "Scope of Work"),
    "slug_en": "scope-of-work",
    "intro": (
        "Послови које Канцеларија обавља према акту о организацији Градске управе за опште послове.",
        "The duties of the Office under the organisational act of the City Administration for General Affairs.",
    ),
}

SCOPE_EN = {
    "Делокруг послова Канцеларије": "The Office's scope of work",
    "Иницирање дијалога са цивилним друштвом о питањима од заједничког интереса у локалној заједници.": (
        "Initiating dialogue with civil society on matters of mutual interest in the local community."
    ),
    "Учешће у припреми и праћењу спровођења стратешких докумената који се односе на стварање подстицајног "
    "окружења за развој цивилног друштва, у циљу даљег развоја сарадње јавног, приватног и цивилног сектора "
    "на територији Града Новог Сада.": (
        "Taking part in drafting and monitoring the implementation of strategic documents on creating an "
        "enabling environment for civil society, to develop further the cooperation of the public, private and "
        "civil sectors in the City of Novi Sad."
    ),
    "Иницирање доношења прописа и других аката којима се уређује положај удружења и других организација "
    "цивилног друштва, као темеља изградње демократског, инклузивног и солидарног друштва": (
        "Initiating regulations and other acts governing the status of associations and other civil society "
        "organisations, as the foundation of a democratic, inclusive and solidary society"
    ),
    "Учешће у припреми збирних извештаја који се достављају Градском већу Града Новог Сада о утрошку "
    "средстава која су, као подршка пројектним и програмским активностима, обезбеђена и исплаћена "
    "удружењима и другим организацијама цивилног друштва из средстава буџета Града Новог Сада.": (
        "Taking part in preparing consolidated reports to the City Council of Novi Sad on the spending of funds "
        "provided and paid from the City budget to associations and other civil society organisations in "
        "support of their projects and programmes."
    ),
    "Учешће у припреми и анализи ефеката и резултата који су остварени кроз реализацију програма и пројеката "
    "који су финансирани и суфинансирани средствима из буџета Града Новог Сада.": (
        "Taking part in preparing and analysing the effects and results of programmes and projects financed "
        "and co-financed from the budget of the City of Novi Sad."
    ),
    "Организовање округлих столова и конференција": "Organising round tables and conferences",
    "Прикупљање и дистрибуирање информација од значаја за рад удружења и других организација цивилног "
    "друштва у локалној заједници.": (
        "Collecting and disseminating information relevant to the work of associations and other civil "
        "society organisations in the local community."
    ),
    "Обављање стручних послова у вези са сарадњом и разменом искустава са сличним институцијама у земљи, "
    "региону, земљама Европске уније и свету": (
        "Technical work on cooperation and exchange of experience with similar institutions in the country, "
        "the region, the European Union and the world"
    ),
    "Сарадња са надлежним органима Града Новог Сада у обављању послова који се односе на припрему програма "
    "и пројеката којима Град Нови Сад конкурише код фондова Европске уније и и других фондова за подршку "
    "цивилном друштву": (
        "Cooperating with the competent bodies of the City of Novi Sad in preparing programmes and projects "
        "with which the City applies to European Union funds and other funds supporting civil society"
    ),
    "Припремање аката којима Град Нови Сад надзире, усмерава и усклађује послове органа управе који су у "
    "вези са питањима развоја цивилног друштва и сарадње Града Новог Сада са цивилним друштвом, као и са "
    "начинима на који се јавност обавештава о активностима усмереним на развој цивилног друштва и сарадњи "
    "Града Новог Сада са цивилним друштвом": (
        "Preparing acts by which the City of Novi Sad supervises, directs and coordinates the work of its "
        "administrative bodies on civil society development and the City's cooperation with civil society, "
        "and on how the public is informed about activities for civil society development and that cooperation"
    ),
    "Сарадња са органима Града Новог Сада који финансирају програме и пројекте удружења, као и са "
    "удружењима и другим организацијама цивилног друштва у изради релевантних докумената и прописа": (
        "Cooperating with the City bodies that finance programmes and projects of associations, and with "
        "associations and other civil society organisations, in drafting relevant documents and regulations"
    ),
    "Промоција послова који су у вези са развојем и сарадњом са цивилним друштвом": (
        "Promoting work related to the development of, and cooperation with, civil society"
    ),
    "Учествовање у припреми, пружање стручне помоћи и давање предлога за израду аката које доносе органи "
    "Града Новог Сада у вези са финансирањем и радом цивилног сектора.": (
        "Taking part in preparing, giving expert assistance and proposals for acts adopted by the bodies of "
        "the City of Novi Sad on the financing and work of the civil sector."
    ),
    "Учествује у припремама и расписивању јавних конкурса за доделу средстава организацијама цивилног "
    "друштва у складу са Законом.": (
        "Taking part in preparing and announcing public calls for funding civil society organisations in "
        "accordance with the Law."
    ),
    "Oбављање и других послова из области развоја цивилног друштва и сарадње са цивилним друштвом које јој "
    "повере органи Града Новог Садa или други надлежни орган управе.": (
        "Other work on civil society development and cooperation with civil society entrusted to it by the "
        "bodies of the City of Novi Sad or another competent administrative body."
    ),
}

HISTORY = {
    "title": (
        "Канцеларија за сарадњу с цивилним друштвом Владе Републике Србије (2010–2020)",
        "Office for Cooperation with Civil Society of the Government of Serbia (2010–2020)",
    ),
    "slug_en": "national-office-2010-2020",
    "intro": (
        "Историјат: претходница градских канцеларија на републичком нивоу.",
        "History: the national forerunner of the city offices.",
    ),
    "facts_caption": ("Основни подаци", "Key facts"),
    "jurisdiction_heading": ("Организација и надлежност", "Organization and jurisdiction"),
    "quote_attribution": ("Из оцене организација цивилног друштва, 2020.", "From CSOs' assessment, 2020"),
}

# Facts table: (label in Cyrillic, value in Cyrillic, label in English, seed key for the English value).
HISTORY_FACTS = [
    ("Изворни назив", "Канцеларија за сарадњу с цивилним друштвом", "Native name", "Native Name A"),
    ("Врста", "Служба Владе", "Type", "Type"),
    ("Основана", "23. април 2010.", "Formed", "Formed"),
    ("Надлежност", "Влада Републике Србије", "Jurisdiction", "Jurisdiction"),
    ("Седиште", "Булевар Михајла Пупина 2, Београд", "Headquarters", "Headquarters"),
    ("Директор", "Жарко Степановић", "Director", "Chief1 Name"),
    ("Укинута", "2020.", "Abolished", None),
]
HISTORY_FACT_EN_FALLBACK = {"Abolished": "2020"}

# The national office's seed paragraphs in Cyrillic, in the seed's order (English comes from the seed).
HISTORY_PARAGRAPHS_SR = [
    "Канцеларија за сарадњу с цивилним друштвом Републике Србије била је служба Владе Србије за сарадњу "
    "с цивилним друштвом, основана 23. априла 2010. године. Према свом мандату, Канцеларија је пружала "
    "подршку организацијама цивилног друштва у дефинисању и спровођењу законодавних поступака и јавних "
    "политика и тако доприносила позитивном притиску на државне институције.",
    "Влада Србије укинула је Канцеларију 2020. године, након десет година рада као владине службе с "
    "координационом улогом у обезбеђивању сарадње цивилног сектора и свих делова јавног сектора. Ова одлука "
    "узнемирила је организације цивилног друштва. Послови бивше Канцеларије прешли су у Министарство за "
    "људска и мањинска права и друштвени дијалог. То што су односи с цивилним друштвом смештени у једно "
    "министарство доводи у питање простор за конструктивну сарадњу, отвара питање транспарентности "
    "буџетских издвајања и сужава учешће грађана.",
]
HISTORY_ORGANISATION_SR = [
    "Канцеларијом је руководио директор, кога је постављала Влада Србије. Мандат директора трајао је пет година.",
    "Надлежност Канцеларије била је утврђена њеним актом о оснивању:",
]
HISTORY_JURISDICTION_SR = [
    "Покретање дијалога са цивилним друштвом о питањима од заједничког интереса;",
    "Учешће у изради и спровођењу стратешких докумената о стварању подстицајног окружења за развој цивилног друштва;",
    "Покретање доношења прописа и других општих аката којима се уређује положај удружења и других "
    "организација цивилног друштва, као темеља изградње демократског, инклузивног и солидарног друштва;",
    "Учешће у изради збирних извештаја Влади о утрошку средстава обезбеђених и исплаћених удружењима и "
    "другим организацијама цивилног друштва из буџета Републике Србије као подршка програмским активностима;",
    "Организовање округлих столова и конференција;",
    "Објављивање публикација и друге мере и активности за јачање капацитета и одрживости рада удружења и "
    "других организација цивилног друштва;",
    "Прикупљање и дистрибуирање информација од значаја за рад удружења и других организација цивилног друштва;",
    "Стручни послови сарадње и размене искустава са сличним владиним институцијама у региону, државама "
    "чланицама Европске уније и свету;",
    "Сарадња с надлежним органима у пословима програмирања и управљања претприступним и другим фондовима "
    "Европске уније за подршку цивилном друштву;",
    "Припрема аката којима Влада надзире, усмерава и усклађује рад министарстава и посебних организација у "
    "вези с питањима цивилног друштва и сарадње Владе с цивилним друштвом;",
    "Други послови из области цивилног друштва које јој повери Влада Србије.",
]
