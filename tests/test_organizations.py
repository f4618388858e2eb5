"""Organizations on short texts, per language: head nouns, coordinated names, what is not a body."""

import pytest

from kg.lexicon import load_lexicon
from kg.model import MentionKind
from kg.morphology import kk_possessive_form
from kg.reports import parse_report
from kg.rules import tagged_rule_mentions


def organizations(text: str) -> list[tuple[str, str]]:
    report = parse_report("t.txt", text, month=load_lexicon().month)
    found = tagged_rule_mentions(report)
    for m in found:
        assert report.text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in found if m.kind == MentionKind.ORGANIZATION]


@pytest.mark.parametrize(("text", "expected"), [
    # Two names before a plural head: two bodies; one adjective before it: a class of bodies.
    ("Students of Lithuanian universities came to the talks yesterday.", []),
    ("Representatives of Kawasaki and Marubeni companies attended the talks.",
     [("Kawasaki", "Kawasaki Company"), ("Marubeni companies", "Marubeni Company")]),
    ("Representatives of Kawasaki, Toyota and Marubeni companies attended the talks.",
     [("Kawasaki", "Kawasaki Company"), ("Toyota", "Toyota Company"), ("Marubeni companies", "Marubeni Company")]),
    # A Roman numeral is an ordinal, not a body.
    ("The ambassador was awarded the Order of Friendship, II degree, on Monday.", []),
    # A place or a state inside the name belongs to it.
    ("The rector of the Moscow State University met the delegation.",
     [("Moscow State University", "Moscow State University")]),
    ("The governor thanked the Kazakh Foreign Ministry for its support.",
     [("Kazakh Foreign Ministry", "Kazakh Foreign Ministry")]),
    # A class noun in lower case before a body's own name; an article before a lower-case head names nothing.
    ("The Norwegian company Equinor Energy opened an office.", [("Equinor Energy", "Equinor Energy")]),
    ("The company director thanked the guests.", []),
    # A possessor is not part of the name, and another body's name begins after "and".
    ("Kazakhstan's Ministry of Energy and Japan's Ministry of Economy signed a memorandum.",
     [("Ministry of Energy", "Ministry of Energy"), ("Ministry of Economy", "Ministry of Economy")]),
    # Names joined by commas and a last "and" in an of-phrase; a list of bodies is several.
    ("Japan's Ministry of Economy, Trade and Industry signed a memorandum.",
     [("Ministry of Economy, Trade and Industry", "Ministry of Economy, Trade and Industry")]),
    ("The Ministry of Energy, the Ministry of Finance and the Senate met.",
     [("Ministry of Energy", "Ministry of Energy"), ("Ministry of Finance", "Ministry of Finance")]),
    # one common word at the start of a sentence opens no name of a body other than a state's
    ("Trade Center visitors met the Ambassador.", []),
    # the heads of foundations, associations, institutes ...; a head noun takes a plural or possessive ending only
    ("The Ambassador met the President of the Italy-Kazakhstan Foundation Marco Rossi.",
     [("Italy-Kazakhstan Foundation", "Italy-Kazakhstan Foundation")]),
    ("The Ambassador visited the Eurasian Research Institute and the Turkic Academy.",
     [("Eurasian Research Institute", "Eurasian Research Institute"), ("Turkic Academy", "Turkic Academy")]),
    ("The Ambassador met the head of the Kenya Ports Authority and visited the Abai Museum.",
     [("Kenya Ports Authority", "Kenya Ports Authority"), ("Abai Museum", "Abai Museum")]),
    # a body's name joined by "and" to the next body's is no word of it
    ("A memorandum between Curtin University and Karaganda Technical University was signed.",
     [("Curtin University", "Curtin University"),
      ("Karaganda Technical University", "Karaganda Technical University")]),
    ("My mission is completed, and I depart western Kazakhstan.", []),
    # a post of which the minister's word is a part heads no ministry
    ("The ambassador met the Chief Minister of Gujarat.", []),
    ("The ambassador met the Minister of Agriculture.", [("Agriculture", "Ministry of Agriculture")]),
    # the field ends where a name begins, a given name that is a word too or not
    ("The ambassador met the Minister of Foreign Affairs Murat Nurtleu.",
     [("Foreign Affairs", "Ministry of Foreign Affairs")]),
    ("The ambassador met the Minister of Agriculture Grace Smith.", [("Agriculture", "Ministry of Agriculture")]),
    ("The ambassador met the Minister of Agriculture Hans de Vries.", [("Agriculture", "Ministry of Agriculture")]),
    # ... and a ministry the lexicon lists by that name is that organization
    ("Earlier, he met with Minister of Foreign Affairs of Kazakhstan Meyram Orazaev.",
     [("Foreign Affairs", "kz-mfa")]),
    # another state's ministry carries the state's name after it, as written
    ("The ambassador met the Minister of Foreign Affairs of Hungary.",
     [("Foreign Affairs", "Ministry of Foreign Affairs of Hungary")]),
    ("The ambassador met the Minister of Trade of the Republic of Korea Ahn Duk-geun.",
     [("Trade", "Ministry of Trade of the Republic of Korea")]),
    # the sectors' words before the minister's word name the ministry; a title's words, a state's or Foreign do not
    ("The ambassador met Hungarian Agriculture Minister Istvan Nagy.", [("Agriculture", "Ministry of Agriculture")]),
    ("Trade and Industry Minister Ali Demir arrived.", [("Trade and Industry", "Ministry of Trade and Industry")]),
    ("He met Former Minister John Smith and Acting Minister Ali Demir.", []),
    ("He met State Minister Ali Kaya and Foreign Minister Anna Berg.", []),
    # a body named right after a post's holder and "and" opens at its own first word, not at "and"
    ("Rector Meiram Begentayev and Tashkent State Technical University rector Bakhodir Tursunov signed an agreement.",
     [("Tashkent State Technical University", "Tashkent State Technical University")]),
    # a body's name with a possessive ending: the name without it
    ("He visited the Indian Space Research Organisation's office.",
     [("Indian Space Research Organisation", "Indian Space Research Organisation")]),
    ("He proposed a hub at the Karaganda Technical University's campus.",
     [("Karaganda Technical University", "Karaganda Technical University")]),
    # a junior minister's title (Minister of State) names no ministry of its own
    ("He met Minister of State for External Affairs Ravi Verma.", []),
    ("He met Minister of State at the Federal Foreign Office Anna Lang.",
     [("Federal Foreign Office", "Federal Foreign Office")]),
    # the words between a post that heads a body and its holder's name name the body, past the title's own words
    ("The Ambassador met the Chief Executive Officer of Danube Rail Tom Kovacs.", [("Danube Rail", "Danube Rail")]),
    ("The Ambassador met the Chairman of the Board of Pannon Air Jozsef Varga.", [("Pannon Air", "Pannon Air")]),
    ("The Ambassador met the CEO of Zolta Peter Nagy in Budapest.", [("Zolta", "Zolta")]),
    # not a state, nor a title of common words
    ("The Ambassador met the President of Hungary Tamas Kiss.", []),
    ("The Ambassador met the Director of Cultural Affairs and Trade John Smith.", []),
    # the capitalised words after the word for a body's people name the body, each of those "and" joins
    ("The Ambassador met representatives of Danube Rail and Zolta in Budapest.",
     [("Danube Rail", "Danube Rail"), ("Zolta", "Zolta")]),
    ("The Ambassador met the management of Kovacs & Varga.", [("Kovacs & Varga", "Kovacs & Varga")]),
    # not states or places, read as such
    ("The Ambassador met representatives of Hungary and Poland.", []),
    # the names listed after a class noun and "such as" or "including", each of those "and" or a comma joins
    ("Italian companies, including Eni and Maire Tecnimont, work in Kazakhstan.",
     [("Eni", "Eni"), ("Maire Tecnimont", "Maire Tecnimont")]),
    ("Finnish companies such as Valmet, Kone and Wärtsilä offered solutions.",
     [("Valmet", "Valmet"), ("Kone", "Kone"), ("Wärtsilä", "Wärtsilä")]),
    ("Indian companies such as Dr. Reddy's Laboratories supply medicines.",
     [("Dr. Reddy's Laboratories", "Dr. Reddy's Laboratories")]),
    # ... and so does a company's class noun right before a name, qualified or not
    ("He said the aircraft manufacturer Zolta was studying the market.", [("Zolta", "Zolta")]),
    ("He met the head of the engineering firm Danube Rail on Monday.", [("Danube Rail", "Danube Rail")]),
    # ... but a class noun in apposition names one body only
    ("The company Zolta and Kazakh partners will build a plant.", [("Zolta", "Zolta")]),
    # Kazakhstan's national companies the lexicon lists
    ("The ambassador met the heads of Air Astana, Kazatomprom and Kazakh Invest.",
     [("Air Astana", "air-astana"), ("Kazatomprom", "kazatomprom"), ("Kazakh Invest", "kazakh-invest")]),
    # a minister's field ends where a name the recogniser proposes begins (Minister of Trade Ivan Petrov)
    ("In Astana, Minister of Trade Ivan Petrov met the Ambassador.", [("Trade", "Ministry of Trade")]),
    # ... and "for" opens one too, a list of fields joined by commas and "and" with it
    ("He met the State Minister for Economic Affairs, Labour and Transport, Frank Wendler.",
     [("Economic Affairs, Labour and Transport", "Ministry for Economic Affairs, Labour and Transport")]),
    ("The Ambassador met with the Minister for Foreign Affairs and Trade Karl Weber.",
     [("Foreign Affairs and Trade", "Ministry for Foreign Affairs and Trade")]),
])
def test_english(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The ministry a minister's post names is read over genitive words only, never a preposition.
    ("Посол поблагодарил Министра за поддержку проекта.", []),
    ("Посол встретился с Министром культуры Казахстана.", [("культуры", "Министерство культуры")]),
    ("Гостю вручили орден «Дружба» II степени.", []),
    # A head noun with its genitive complements, a field joined by commas and и, and the region.
    ("Руководитель департамента образования, науки и спорта Карагандинской области принял гостей.",
     [("департамента образования, науки и спорта Карагандинской области",
       "Департамент образования, науки и спорта Карагандинской области")]),
    ("Делегация встретилась с представителями Министерства энергетики Республики Казахстан.",
     [("Министерства энергетики Республики Казахстан", "Министерство энергетики Республики Казахстан")]),
    # A lower-case head without both a field and a place is not a name.
    ("Делегация посетила исторический центр города и управление.", []),
    # The owner of a cited press service is the report's source.
    ("Об этом сообщила пресс-служба Национального банка Казахстана.", []),
    # The person a body is named after, and the name of a person after it.
    ("Делегация Евразийского национального университета имени Л. Н. Гумилева прибыла.",
     [("Евразийского национального университета имени Л. Н. Гумилева",
       "Евразийский национальный университет имени Л. Н. Гумилева")]),
    ("Ректор Казахского национального университета имени аль-Фараби Жансеит Туймебаев выступил.",
     [("Казахского национального университета имени аль-Фараби",
       "Казахский национальный университет имени аль-Фараби")]),
    # A conjunction is no genitive complement of a minister's post.
    ("Посол встретился с Министром культуры и его заместителем.", [("культуры", "Министерство культуры")]),
    # a word with capitals inside names a company
    ("Посол встретился с руководством КазТрансГаза.", [("КазТрансГаза", "КазТрансГаз")]),
    # a national company the lexicon lists is that company, in any case
    ("Посол встретился с руководством КазМунайГаза и Казатомпрома.",
     [("КазМунайГаза", "kazmunaygas"), ("Казатомпрома", "kazatomprom")]),
    # a vice-minister names his ministry as a minister does
    ("Посол встретился с вице-министром сельского хозяйства Казахстана.",
     [("сельского хозяйства", "Министерство сельского хозяйства")]),
    ("Замминистра энергетики Казахстана принял делегацию.", [("энергетики", "Министерство энергетики")]),
    # another state's ministry carries its name after the field, as written, in its short or long form
    ("Посол встретился с министром иностранных дел Узбекистана.",
     [("иностранных дел", "Министерство иностранных дел Узбекистана")]),
    ("Посол встретился с министром сельского хозяйства Республики Узбекистан.",
     [("сельского хозяйства", "Министерство сельского хозяйства Республики Узбекистан")]),
    ("Посол встретился с министром иностранных дел Узбекистана\nТашкент, 5 мая – Посол прибыл.",
     [("иностранных дел", "Министерство иностранных дел Узбекистана")]),
    ("Посол встретился с членом Европейской комиссии.", [("Европейской комиссии", "Европейская комиссия")]),
    # the chambers of the home state's parliament by their usual short names
    ("Председатель Сената Парламента РК принял посла.", [("Сената Парламента РК", "kz-senate")]),
    ("Депутат Мажилиса Парламента встретился с послом.", [("Мажилиса Парламента", "kz-mazhilis")]),
    # a ministry's short name before another state's names that state's ministry in full; the home state's stays
    ("Посол встретился с главой МИД Японии.",
     [("МИД", "Министерство иностранных дел Японии\tМИД Японии")]),
    ("Посол встретился с представителями Минфина США.", [("Минфина", "Министерство финансов США\tМинфин США")]),
    ("Посол встретился с главой МИД Казахстана.", [("МИД", "МИД")]),
    # a post's word in the plural genitive right after a body's head noun names its members, in its name
    ("Посол посетил Палату представителей Конгресса США.",
     [("Палату представителей Конгресса США", "Палата представителей Конгресса США")]),
    # a body's name the recogniser reads on past the head noun's rule is in the nominative too
    ("Посол встретился с руководством Национального агентства по экспорту.",
     [("Национального агентства по экспорту", "Национальное агентство по экспорту")]),
    # a place's class noun after a minister's post is no field of a ministry (a chief minister of a state)
    ("Посол встретился с главным министром штата Раджастхан.", []),
    ("Посол встретился с министром экономики провинции Онтарио.", [("экономики", "Министерство экономики")]),
    # a Latin acronym with a word hyphenated on is part of that word (IT-парки: IT parks), no body's name
    ("Стороны обсудили создание IT-парков.", []),
    # a place's Latin name that opens a run of Latin words is the first word of a brand's name, no place
    ("Посол рассказал о технопарке Astana Hub и компании Tashkent Digital.",
     [("Astana Hub", "Astana Hub"), ("Tashkent Digital", "Tashkent Digital")]),
])
def test_russian(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A word that only begins like a head noun (қорытындысы, not қоры) heads nothing.
    ("Кездесулердің қорытындысы бойынша тараптар келісімге қол қойды.", []),
    ("Елші Көлік министрлігінде болды.", [("Көлік министрлігінде", "Көлік министрлігі")]),
    ("Абай және Сәтбаев университеттерінің ректорлары кездесті.",
     [("Абай", "Абай университеті"), ("Сәтбаев университеттерінің", "Сәтбаев университеті")]),
    ("Шетелдік университеттердің ректорлары келді.", []),
    # The place a body is named with, and the person it is named after.
    ("Елші Ж. Баласағұн атындағы Тоқмақ мемлекеттік университетінде болды.",
     [("Ж. Баласағұн атындағы Тоқмақ мемлекеттік университетінде",
       "Ж. Баласағұн атындағы Тоқмақ мемлекеттік университеті")]),
    # A town whose name ends like a case ending (Қызылорда: -да) is a word of the body's name as written.
    ("Елші Қызылорда мемлекеттік университетінің ғалымдарымен кездесті.",
     [("Қызылорда мемлекеттік университетінің", "Қызылорда мемлекеттік университеті")]),
    # ... the town that opens its sentence too: a known place's name is no common word there
    ("Қарағанды техникалық университетінің ректоры Мейрам Бегентаев елшімен кездесті.",
     [("Қарағанды техникалық университетінің", "Қарағанды техникалық университеті")]),
    # A branch: a body in the genitive and a place in the locative before the head.
    ("Делегация Абай атындағы Алматы педагогикалық университетінің Астанадағы филиалына барды.",
     [("Абай атындағы Алматы педагогикалық университетінің Астанадағы филиалына",
       "Абай атындағы Алматы педагогикалық университетінің Астанадағы филиалы"),
      ("Абай атындағы Алматы педагогикалық университетінің", "Абай атындағы Алматы педагогикалық университеті")]),
    # Lower-case nouns with no case ending are words of the name, and so are words joined by және.
    ("Елші Денсаулық сақтау министрлігінің өкілдерімен кездесті.",
     [("Денсаулық сақтау министрлігінің", "Денсаулық сақтау министрлігі")]),
    ("Кездесуге Сауда және интеграция министрлігінің өкілі қатысты.",
     [("Сауда және интеграция министрлігінің", "Сауда және интеграция министрлігі")]),
    # ... but a name's last word before және is no word of a body after it (Пак Мин Джи және ... басқармасы).
    ("Кездесуге хатшы Пак Мин Джи және облыстық денсаулық сақтау басқармасының басшысы қатысты.", []),
    # Names joined by мен before a singular head: the last one is the body's, a person's name is not.
    ("Әкім елші Иван Петров мен Nissan мен Honda компаниясының өкілдерін қабылдады.",
     [("Nissan", "Nissan"), ("Honda компаниясының", "Honda")]),
    # A sentence's first common word opens no name, nor do the lower-case words after it.
    ("Биыл білім министрлігі хабарлады.", []),
    ("Биыл Денсаулық сақтау министрлігі хабарлады.",
     [("Денсаулық сақтау министрлігі", "Денсаулық сақтау министрлігі")]),
    # A common word in the genitive is a possessor, not a name.
    ("Компанияның филиалы жақында ашылады.", []),
    # The owner of a cited press service is the report's source.
    ("Бұл туралы Қарағанды облысы әкімдігінің баспасөз қызметі хабарлады.", []),
    # heads of a federation, a centre, an association, a council, a department, a college, an enterprise
    ("Елші Кансай экономикалық федерациясының төрағасымен кездесті.",
     [("Кансай экономикалық федерациясының", "Кансай экономикалық федерациясы")]),
    ("Елші Назарбаев орталығына барды.", [("Назарбаев орталығына", "Назарбаев орталығы")]),
    # one common word at the start of a sentence opens no name but a state body's (at the centre of the talks)
    ("Талқылау орталығында инвесторларға жаңа мүмкіндіктер болды.", []),
    # the name right after a post is its holder's, not the first words of a body's name
    ("Италия елшісі Марко Мартин облыс әкімдігінде болды.", []),
    ("Италия елшісі Марко Мартин Болашақ қорында болды.", [("Болашақ қорында", "Болашақ қоры")]),
    # a minister's post names the ministry; another state's carries the state's name
    ("Елші Италияның Экономикалық даму министрі Адольфо Урсомен кездесті.",
     [("Экономикалық даму", "Италия Экономикалық даму министрлігі")]),
    ("Елші Италияның сыртқы істер министрі Антонио Таянимен кездесті.",
     [("сыртқы істер", "Италия Сыртқы істер министрлігі")]),
    ("ҚР Сауда және интеграция министрі Арман Шаққалиев елшімен кездесті.",
     [("Сауда және интеграция", "Сауда және интеграция министрлігі")]),
    ("Министр елшімен кездесті.", []),
    # a word with capitals inside names a company
    ("Елші ҚазТрансОйлдың басшысы Асхат Хасеновпен кездесті.", [("ҚазТрансОйлдың", "ҚазТрансОйл")]),
    ("Елші ҚазМұнайГаздың басшысы Асхат Хасеновпен кездесті.", [("ҚазМұнайГаздың", "kazmunaygas")]),
    # a ministry's field of words joined by commas, and the state's name before it
    ("Жапония Экономика, сауда және өнеркәсіп министрінің орынбасары Сатоси Ямада Астанаға келді.",
     [("Экономика, сауда және өнеркәсіп", "Жапония Экономика, сауда және өнеркәсіп министрлігі")]),
    # ... a state's name of several words too
    ("Елші Қытай Халық Республикасының Коммерция министрі Ван Вэньтаомен кездесті.",
     [("Коммерция", "Қытай Халық Республикасы Коммерция министрлігі")]),
    ("Елші Қазақстан Республикасының Сауда министрі Арман Шаққалиевпен кездесті.", [("Сауда", "Сауда министрлігі")]),
    ("Елші Қазақстан Республикасының Сыртқы істер министрі Мейрам Оразаевпен кездесті.",
     [("Сыртқы істер", "kz-mfa")]),
    # a Latin name with a case ending hyphenated on is a body's, but not one with a word (IT-мамандар: IT specialists)
    ("Елші KazTransCom-ның басшысымен кездесті.", [("KazTransCom-ның", "KazTransCom")]),
    ("Елші KEGOC-тың басшысымен кездесті.", [("KEGOC-тың", "kegoc")]),
    ("Тараптар IT-мамандарды даярлау мәселесін талқылады.", []),
    # the noun of a body's class after its name (компаниясы, as компания before one) is no word of the name, nor are
    # the lower-case words before it; a state's adjective before the name says whose the body is
    ("Елші венгриялық MOL компаниясының өкілдерімен кездесті.", [("MOL компаниясының", "MOL")]),
    ("Елші Shell халықаралық мұнай компаниясымен кездесті.", [("Shell халықаралық мұнай компаниясымен", "Shell")]),
    ("Елші Kazakh Invest ұлттық компаниясымен кездесті.", [("Kazakh Invest", "kazakh-invest")]),
    # a place's Latin name that opens a run of Latin words is the first word of a brand's name, no place
    ("Елші елордадағы Astana Hub халықаралық технопаркінің мүмкіндіктерін таныстырды.", [("Astana Hub", "Astana Hub")]),
    ("Елші елордадағы Astana Hub-тың мүмкіндіктерін таныстырды.", [("Astana Hub-тың", "Astana Hub")]),
    ("Елші IT-компаниялардың өкілдерімен кездесті.", []),
    # a local department named in lower case after the word of its place's class: the department of the place of that
    # class named before, by its name in the genitive; none where no such place is named
    ("Қостанай облысының әкімі елшімен кездесті. Кездесуге облыстың денсаулық сақтау басқармасының басшысы қатысты.",
     [("облыстың денсаулық сақтау басқармасының", "Қостанай облысының денсаулық сақтау басқармасы")]),
    ("Маңғыстау облысында елші облыстық энергетика басқармасына барды.",
     [("облыстық энергетика басқармасына", "Маңғыстау облысының энергетика басқармасы")]),
    ("Елші облыстық энергетика басқармасына барды.", []),
    # ... the region whose akim the report named, not the guests' named after it; a lake's class word is no region's
    ("Қостанай облысының әкімі Омбы облысының делегациясын қабылдады. Кездесуге облыстың жолаушылар көлігі және "
     "автомобиль жолдары басқармасының басшысы қатысты.",
     [("облыстың жолаушылар көлігі және автомобиль жолдары басқармасының",
       "Қостанай облысының жолаушылар көлігі және автомобиль жолдары басқармасы")]),
    # ... not the class noun as written, a word of a field (ауыл шаруашылығы: agriculture)
    ("Елші Ақтөбе облысында ауыл шаруашылығы басқармасына барды.", []),
])
def test_kazakh(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("token", "head", "expected"), [
    ("қорының", "қоры", True),
    ("қорытындысы", "қоры", False),
    ("Министрлігінде", "министрлігі", True),
    ("КММ-нің", "КММ", True),
])
def test_kk_possessive_form(token, head, expected):
    assert kk_possessive_form(token, head) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Experts of the Tashkent Institute of Irrigation (TIIAME) came to Almaty. TIIAME signed a memorandum.",
     [("Tashkent Institute of Irrigation", "Tashkent Institute of Irrigation\tTIIAME"),
      ("TIIAME", "Tashkent Institute of Irrigation\tTIIAME"), ("TIIAME", "Tashkent Institute of Irrigation\tTIIAME")]),
    ("Делегация посетила Международную организацию тюркской культуры (ТЮРКСОЙ). В рамках ТЮРКСОЙ прошли встречи.",
     [("Международную организацию тюркской культуры", "Международная организация тюркской культуры\tТЮРКСОЙ"),
      ("ТЮРКСОЙ", "Международная организация тюркской культуры\tТЮРКСОЙ"),
      ("ТЮРКСОЙ", "Международная организация тюркской культуры\tТЮРКСОЙ")]),
    ("Келісім Еуразиялық тау-кен банкінде (ЕТБ) жасалды. ЕТБ-ның өкілі сөйледі.",
     [("Еуразиялық тау-кен банкінде", "Еуразиялық тау-кен банкі\tЕТБ"), ("ЕТБ", "Еуразиялық тау-кен банкі\tЕТБ"),
      ("ЕТБ-ның", "Еуразиялық тау-кен банкі\tЕТБ")]),
])
def test_acronym_in_brackets_names_the_body_everywhere(text, expected):
    """A short name in brackets after a body's name is that body's, in every use in the report."""
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Students of Al-Farabi Kazakh National University met the ambassador. KazNU will host the forum.",
     [("Al-Farabi Kazakh National University", "Al-Farabi Kazakh National University\tKazNU"),
      ("KazNU", "Al-Farabi Kazakh National University\tKazNU")]),
    ("Елші Әл-Фараби атындағы Қазақ ұлттық университетінде болды. ҚазҰУ-дың ректоры сөйледі.",
     [("Әл-Фараби атындағы Қазақ ұлттық университетінде", "Әл-Фараби атындағы Қазақ ұлттық университеті\tҚазҰУ"),
      ("ҚазҰУ-дың", "Әл-Фараби атындағы Қазақ ұлттық университеті\tҚазҰУ")]),
    # Two capitals spell too little to stand for a name.
    ("Students of Kazakh National University met the ambassador. KU will host the forum.",
     [("Kazakh National University", "Kazakh National University")]),
])
def test_acronym_spelling_initials_names_the_body(text, expected):
    """A short name whose capitals spell the initials of one body's name in the report stands for it."""
    assert organizations(text) == expected


def persons(text: str) -> list[str]:
    report = parse_report("t.txt", text, month=load_lexicon().month)
    return [m.value for m in tagged_rule_mentions(report) if m.kind == MentionKind.PERSON]


@pytest.mark.parametrize(("text", "body", "namesake"), [
    # a short name beside the word for "named after" is the body; the name on the other side its namesake
    ("Елші Әл-Фараби атындағы ҚазҰУ-да болды.", "ҚазҰУ", "Әл-Фараби"),
    ("Елші Л.Н. Гумилев атындағы ЕҰУ-ға барды.", "ЕҰУ", "Л. Н. Гумилев"),
    ("Посол посетил КазНУ имени аль-Фараби.", "КазНУ", "аль-Фараби"),
    ("Посол посетил ЕНУ имени Л.Н. Гумилева.", "ЕНУ", "Л. Н. Гумилев"),
    # a name particle in lower case with a hyphen is part of the name: the body's name keeps it
    ("Елші әл-Фараби атындағы Қазақ ұлттық университетінде болды.",
     "әл-Фараби атындағы Қазақ ұлттық университеті", "әл-Фараби"),
])
def test_bodies_named_after_a_person(text, body, namesake):
    assert body in [value for _, value in organizations(text)]
    assert persons(text) == [namesake]
