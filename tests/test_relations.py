"""Relations of short invented reports: who met whom, by language, as (text, expected) tables."""

import pytest

from kg.entities import resolve
from kg.lexicon import load_lexicon
from kg.mentions import extract_mentions
from kg.model import Mention, MentionKind
from kg.pipeline import extract
from kg.relations import relate
from kg.relations.state import State
from kg.reports import parse_report


def meetings_of(text: str) -> list[set[str]]:
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    return [{names[p] for p in m.participants} for m in x.meetings]


@pytest.mark.parametrize(("text", "expected"), [
    # a post word in the plural refers back to all those named before with the post; one met "with" whom the
    # meeting told before did not have makes a meeting of its own
    ("Парламент Мәжілісінің депутаттары Асқар Бекмұхамбетов пен Динара Жұмағалиева Томаш Новаковскиймен кездесті. "
     "Сапар барысында қазақстандық депутаттар университет проректоры Агнешка Ковальскамен де кездесті.",
     [{"Асқар Бекмұхамбетов", "Динара Жұмағалиева", "Томаш Новаковский"},
      {"Асқар Бекмұхамбетов", "Динара Жұмағалиева", "Агнешка Ковальска"}]),
    # kk: the recogniser's name wins over a shorter pair that only looks like a given name and a surname (Мин: -ин),
    # its last word a name's, not a common word with an ending (су, water)
    ("Алматы қаласы әкімінің орынбасары Бауыржан Шапкенов Сеул қаласы мэрінің орынбасары Ким Мин Сумен кездесті.",
     [{"Бауыржан Шапкенов", "Ким Мин Су"}]),
    # a post word that is the complement of the next one (the Chairman's first deputy) refers to no one named later
    ("Елші Айбек Қасымов Минскіде ТМД Атқару комитеті Төрағасының бірінші орынбасары Олег Сташкевичпен кездесті. "
     "Келесі күні Елші Гродноға барып, облыстық комитеттің төрағасы Павел Ляховичпен кездесті.",
     [{"Айбек Қасымов", "Олег Сташкевич"}, {"Айбек Қасымов", "Павел Ляхович"}]),
    # a post in apposition after the name met is that person's, not one who held such a post before
    ("Ambassador Daulet Yessenov held talks with Kansas Secretary of Commerce David Ortiz. He also met with "
     "Congressman Thomas Whitaker, a member of the House Agriculture Committee.",
     [{"Daulet Yessenov", "David Ortiz"}, {"Daulet Yessenov", "Thomas Whitaker"}]),
    # kk: an instrumental name is the other side
    ("Ақтөбе облысының әкімі Асан Серікбаев Түркияның Қазақстандағы Елшісі Мехмет Өзтүркпен кездесті.",
     [{"Асан Серікбаев", "Мехмет Өзтүрк"}]),
    # ru: the delegation's members, listed before, took part in its meeting
    ("В состав делегации вошли заместитель акима Павлодарской области Сергей Ильин и Посол Казахстана "
     "в Турции Арман Садыков. Казахстанская делегация встретилась с губернатором Анкары Мехметом Озтюрком.",
     [{"Сергей Ильин", "Арман Садыков", "Мехмет Озтюрк"}]),
    # en: the same, with the composition after the meeting
    ("The Ambassador of Kazakhstan to Turkey Arman Sadykov met with the Governor of Ankara Mehmet Ozturk. "
     "The delegation was composed of the Deputy Governor of Pavlodar Region Sergey Ilyin.",
     [{"Sergey Ilyin", "Arman Sadykov", "Mehmet Ozturk"}]),
    # ru: taking part in a forum is no meeting; one more person taking part in the meeting joins it
    ("Генеральный консул Казахстана в Стамбуле Берик Арын принял участие в форуме мэра Бурсы Мустафы Бозбея. "
     "На полях форума консул провел встречу с губернатором Бурсы Махмутом Демирташем.",
     [{"Берик Арын", "Махмут Демирташ"}]),
    ("Аким Алматинской области Марат Султангазиев принял Посла Польши Яна Ковальского. Также во встрече принял "
     "участие заместитель акима области Серик Жаксылыков.",
     [{"Марат Султангазиев", "Ян Ковальский", "Серик Жаксылыков"}]),
    # a post word with its name after its complements refers to that name, not to an earlier holder of the post
    ("Аким Западно-Казахстанской области Нариман Торегалиев встретился с Генеральным консулом России Андреем "
     "Смирновым. Ранее Андрей Смирнов встретился с акимом города Уральска Рафаэлем Гайнуллиным.",
     [{"Нариман Торегалиев", "Андрей Смирнов"}, {"Андрей Смирнов", "Рафаэль Гайнуллин"}]),
    # en: hosting and a courtesy call are meetings; a Polish region's head noun
    ("The Governor of Lublin Voivodeship Jan Kowal hosted the Ambassador of Kazakhstan Timur Saparov.",
     [{"Jan Kowal", "Timur Saparov"}]),
    ("The Ambassador of Kazakhstan Timur Saparov paid a courtesy call on the Mayor of Lublin Jan Kowal.",
     [{"Jan Kowal", "Timur Saparov"}]),
    # meetings in the plural: one meeting with each of those named, the subject in each
    ("Елші Арман Садықов Анкара мэрі Мехмет Өзтүрікпен және Анкара университетінің ректоры Али Демирмен "
     "кездесулер өткізді.", [{"Арман Садықов", "Мехмет Өзтүрік"}, {"Арман Садықов", "Али Демир"}]),
    ("Посол Казахстана Арман Садыков провел встречи с мэром Анкары Мехметом Озтюрком и губернатором Измира "
     "Али Демиром.", [{"Арман Садыков", "Мехмет Озтюрк"}, {"Арман Садыков", "Али Демир"}]),
    ("The Ambassador of Kazakhstan Arman Sadykov held meetings with the Mayor of Ankara Mehmet Ozturk and the "
     "Governor of Izmir Ali Demir.", [{"Arman Sadykov", "Mehmet Ozturk"}, {"Arman Sadykov", "Ali Demir"}]),
    # ... where the subject is a post word referring back, it comes first, as the sentence names it
    ("Қазақстанның Түркиядағы Елшісі Арман Садықов Анкараға барды. Сапар барысында елші Анкара мэрі "
     "Мехмет Өзтүрікпен және Анкара университетінің ректоры Али Демирмен кездесулер өткізді.",
     [{"Арман Садықов", "Мехмет Өзтүрік"}, {"Арман Садықов", "Али Демир"}]),
    # talks in the singular with two: one meeting of three
    ("Посол Казахстана Арман Садыков встретился с мэром Анкары Мехметом Озтюрком и губернатором Измира "
     "Али Демиром.", [{"Арман Садыков", "Мехмет Озтюрк", "Али Демир"}]),
    # en: two officials of two states, the first with a post in apposition, discussed together
    ("Mrs. Aigul Nurlanovna, Kazakhstan's Honorary Consul in Porto, and Porto Mayor Rui Moreira discussed tourism.",
     [{"Aigul Nurlanovna", "Rui Moreira"}]),
    # kk: a post's holder before a town and its head noun is no word of the town's name
    ("Елші Ербол Сарыбай Измир қаласына сапары барысында Измир губернаторы Сүлейман Элбанмен кездесті.",
     [{"Ербол Сарыбай", "Сүлейман Элбан"}]),
    # kk: the namesake of a body, right after a post's holder, is neither part of the holder's name nor a party
    ("Елші Ербол Сарыбай Әл-Фараби атындағы Қазақ ұлттық университетінің ректоры Жансейіт Түймебаевпен кездесті.",
     [{"Ербол Сарыбай", "Жансейіт Түймебаев"}]),
    # handing over credentials, or a copy of them, is meeting the one who takes them
    ("Ambassador Arman Sadykov presented a copy of his credentials to the Deputy Foreign Minister of Turkey "
     "Mehmet Kemal Bozay.", [{"Arman Sadykov", "Mehmet Kemal Bozay"}]),
    ("Посол Арман Садыков вручил копию верительных грамот заместителю министра иностранных дел Турции Мехмету "
     "Кемалю Бозаю.", [{"Арман Садыков", "Мехмет Кемаль Бозай"}]),
    # talking with someone is meeting them
    ("Қазақстанның Стамбулдағы Бас консулы Әлібек Қуантыров ректор Мұстафа Құрғұнмен әңгімелесті.",
     [{"Әлібек Қуантыров", "Мұстафа Құрғұн"}]),
    ("Генеральный консул Казахстана в Стамбуле Алибек Куантыров побеседовал с ректором Мустафой Кургуном.",
     [{"Алибек Куантыров", "Мустафа Кургун"}]),
    # a post word with a state's adjective refers back to that state's holder of the post
    ("Министр иностранных дел Казахстана Мурат Нуртлеу провел переговоры с министром иностранных дел Венгрии "
     "Петером Сийярто. Ранее венгерский министр встретился с мэром Астаны Женисом Касымбеком.",
     [{"Мурат Нуртлеу", "Петер Сийярто"}, {"Петер Сийярто", "Женис Касымбек"}]),
    ("Kazakh Foreign Minister Murat Nurtleu held talks with Hungarian Foreign Minister Peter Szijjarto. "
     "Earlier, the Hungarian minister met with the Mayor of Astana Zhenis Kassymbek.",
     [{"Murat Nurtleu", "Peter Szijjarto"}, {"Peter Szijjarto", "Zhenis Kassymbek"}]),
    # ru: a subject left implicit ("он"), every named person in the instrumental: the report's diplomat met them
    ("Посол Казахстана в Германии Нуржан Бекенов принял участие в форуме в Берлине. На полях форума он "
     "встретился с премьер-министром Саксонии Михаэлем Кречмером и министром экономики Баварии Хубертом "
     "Айвангером.", [{"Нуржан Бекенов", "Михаэль Кречмер", "Хуберт Айвангер"}]),
    # a pronoun for the subject, no one named before the word of meeting: the report's diplomat
    ("The Ambassador of Kazakhstan to Italy Nurzhan Bekenov took part in a forum in Milan. On its sidelines he met "
     "with the Mayor of Milan Giuseppe Sala and the Governor of Lombardy Attilio Fontana.",
     [{"Nurzhan Bekenov", "Giuseppe Sala", "Attilio Fontana"}]),
    ("Посол Казахстана в Италии Нуржан Бекенов принял участие в форуме в Милане. Там он встретился с мэром "
     "Милана Джузеппе Сала и мэром Бергамо Джорджо Гори.", [{"Нуржан Бекенов", "Джузеппе Сала", "Джорджо Гори"}]),
    # the meeting told before, named again by its noun alone: those named in it took part in it
    ("Облыс әкімі Ерлан Нұрахметов Түркияның Қазақстандағы Елшісі Мехмет Өзтүркпен кездесті. Кездесуде облыс "
     "әкімінің орынбасары Асқар Бекенов пен Елшілік кеңесшісі Ахмет Йылмаз сөз сөйледі.",
     [{"Ерлан Нұрахметов", "Мехмет Өзтүрк", "Асқар Бекенов", "Ахмет Йылмаз"}]),
    ("Посол Ержан Бекенов встретился с мэром Милана Джузеппе Салой. В ходе встречи вице-мэр Милана Анна "
     "Скавуццо рассказала о развитии города.", [{"Ержан Бекенов", "Джузеппе Сала", "Анна Скавуццо"}]),
    ("Ambassador Yerzhan Bekenov met with Milan Mayor Giuseppe Sala. During the meeting, Deputy Mayor Anna "
     "Scavuzzo briefed the Ambassador.", [{"Yerzhan Bekenov", "Giuseppe Sala", "Anna Scavuzzo"}]),
    # one who accompanied a participant took part
    ("Посол Ержан Бекенов встретился с мэром Милана Джузеппе Салой. Посла сопровождал советник посольства "
     "Айдос Бекулы.", [{"Ержан Бекенов", "Джузеппе Сала", "Айдос Бекулы"}]),
    # those who took part in it, the sentence after a meeting is named by its noun
    ("Встреча прошла в Милане. В ней приняли участие Посол Казахстана Ержан Бекенов и мэр Милана Джузеппе "
     "Сала.", [{"Ержан Бекенов", "Джузеппе Сала"}]),
    # ... but a meeting held, or one with someone new, is another meeting
    ("Посол Ержан Бекенов встретился с мэром Милана Джузеппе Салой. Затем посол провёл встречу с мэром "
     "Бергамо Джорджо Гори.", [{"Ержан Бекенов", "Джузеппе Сала"}, {"Ержан Бекенов", "Джорджо Гори"}]),
    ("Посол Ержан Бекенов встретился с мэром Милана Джузеппе Салой. В ходе встречи с мэром Бергамо Джорджо "
     "Гори посол обсудил туризм.", [{"Ержан Бекенов", "Джузеппе Сала"}, {"Ержан Бекенов", "Джорджо Гори"}]),
    # the word "diplomat" points back to the holder of any diplomat's post, of the state an adjective names
    ("The Ambassador of Poland Marek Zielinski arrived in Kostanay. Akim Kairat Akhmetov received the Polish "
     "diplomat, who was accompanied by First Counsellor Anna Nowak.",
     [{"Marek Zielinski", "Kairat Akhmetov", "Anna Nowak"}]),
    ("Польша Елшісі Марек Зелиньски Қостанайға келді. Облыс әкімі Қайрат Ахметов поляк дипломатын қабылдады.",
     [{"Марек Зелиньски", "Қайрат Ахметов"}]),
    # a bare post word points back to its holder even where what he heads refined the post (a region's
    # president is its governor)
    ("Елші Ержан Бекенов Пьемонт өңірінің президенті Альберто Чирионың шақыруымен Туринге барды. Сапар "
     "барысында ол өңір президентімен екіжақты кездесу өткізді.", [{"Ержан Бекенов", "Альберто Чирио"}]),
    # a member of the delegation with a post of his own (вице-президенті) took part
    ("Облыс әкімі Серік Шәпкенов Италия делегациясын қабылдады. Делегация құрамында Италияның Қазақстандағы "
     "Елшісі Марко Алберти және ENI компаниясының вице-президенті Лука Витиелло бар.",
     [{"Серік Шәпкенов", "Марко Алберти", "Лука Витиелло"}]),
    # those who attended the meeting told before are its participants, not a meeting of their own
    ("Елші Нұржан Бекенов Саксония премьер-министрі Михаэль Кречмермен кездесті. Кездесуге статс-хатшы Томас "
     "Попп және Қазақстанның Дрездендегі құрметті консулы Йорг Шульце қатысты.",
     [{"Нұржан Бекенов", "Михаэль Кречмер", "Томас Попп", "Йорг Шульце"}]),
    ("Посол Казахстана в Германии Нуржан Бекенов провёл встречу с премьер-министром Саксонии Михаэлем "
     "Кречмером. На встрече присутствовали статс-секретарь Томас Попп и почётный консул Йорг Шульце.",
     [{"Нуржан Бекенов", "Михаэль Кречмер", "Томас Попп", "Йорг Шульце"}]),
    ("Kazakhstan's Ambassador to Germany Nurzhan Bekenov met with Saxon Minister-President Michael Kretschmer. "
     "The meeting was also attended by State Secretary Thomas Popp and Honorary Consul Jörg Schulze.",
     [{"Nurzhan Bekenov", "Michael Kretschmer", "Thomas Popp", "Jörg Schulze"}]),
    # ... the noun of a conversation too
    ("Посол Казахстана в Германии Нуржан Бекенов провёл переговоры с премьер-министром Саксонии Михаэлем "
     "Кречмером. В беседе также участвовали статс-секретарь Томас Попп и почётный консул Йорг Шульце.",
     [{"Нуржан Бекенов", "Михаэль Кречмер", "Томас Попп", "Йорг Шульце"}]),
    ("Ambassador Nurzhan Bekenov held talks with Saxon Minister-President Michael Kretschmer. State Secretary "
     "Thomas Popp and Honorary Consul Jörg Schulze also took part in the conversation.",
     [{"Nurzhan Bekenov", "Michael Kretschmer", "Thomas Popp", "Jörg Schulze"}]),
    ("Yerzhan Bekenov, the Ambassador, sat down with Attilio Fontana, the Governor of Lombardy, to discuss "
     "energy.", [{"Yerzhan Bekenov", "Attilio Fontana"}]),
    # consultations are talks
    ("Заместитель министра иностранных дел Казахстана Роман Бекенов провёл политические консультации с "
     "заместителем министра иностранных дел Италии Эдмондо Кириелли.", [{"Роман Бекенов", "Эдмондо Кириелли"}]),
    ("Kazakh Deputy Foreign Minister Roman Bekenov held consultations with Italian Deputy Foreign Minister "
     "Edmondo Cirielli.", [{"Roman Bekenov", "Edmondo Cirielli"}]),
    # a proposed name with particles inside (bin, Al) is the person met
    ("Kazakhstan's Consul General in Dubai Bakhtiyar Kurmanov held a meeting with Sheikh Mohammed bin Rashid "
     "Al Maktoum, Ruler of Dubai.", [{"Bakhtiyar Kurmanov", "Mohammed bin Rashid Al Maktoum"}]),
    # reported speech of a meeting with someone still names the one met
    ("Ambassador of Kazakhstan Arman Sadykov said that his meeting with the Mayor of Izmir Cemil Tugay was useful.",
     [{"Arman Sadykov", "Cemil Tugay"}]),
    ("Посол Казахстана Арман Садыков отметил, что встреча с мэром Измира Джемилем Туджаем была полезной.",
     [{"Арман Садыков", "Джемиль Туджай"}]),
    # a verb of meeting in any of its forms
    ("Облыс әкімі Серік Бекұлы Италия елшісі Марко Мартинді қабылдап, сауда мәселелерін талқылады.",
     [{"Серік Бекұлы", "Марко Мартин"}]),
    ("Облыс әкімі Серік Бекұлымен кездескен Италия елшісі Марко Росси сауда мәселелерін көтерді.",
     [{"Серік Бекұлы", "Марко Росси"}]),
    ("Италия елшісі Марко Росси облыс әкімі Серік Бекұлымен жолықты.", [{"Марко Росси", "Серік Бекұлы"}]),
    ("Италия елшісі Марко Росси облыс әкімі Серік Бекұлымен дидарласты.", [{"Марко Росси", "Серік Бекұлы"}]),
    # those who attended the event, named by its noun after a meeting, took part in the meeting
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен кездесті. Іс-шараға облыс әкімінің орынбасары "
     "Нұрлан Бекұлы қатысты.", [{"Марко Мартин", "Асхат Шахаров", "Нұрлан Бекұлы"}]),
    ("Посол Италии Марко Мартин встретился с акимом области Асхатом Шахаровым. В мероприятии принял участие "
     "заместитель акима Нурлан Бекулы.", [{"Марко Мартин", "Асхат Шахаров", "Нурлан Бекулы"}]),
    # those who came together with a participant took part too
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен кездесті. Елшімен бірге Италия елшілігінің "
     "бірінші хатшысы Паоло Конти келді.", [{"Марко Мартин", "Асхат Шахаров", "Паоло Конти"}]),
    ("Посол Италии Марко Мартин встретился с акимом области Асхатом Шахаровым. Вместе с послом прибыл первый "
     "секретарь посольства Италии Паоло Конти.", [{"Марко Мартин", "Асхат Шахаров", "Паоло Конти"}]),
    # a body visited first, named after the visitor's post, does not swallow the visitor's name
    ("Италия елшісі Марко Мартин облыс әкімдігінде болып, облыс әкімі Асхат Шахаровпен кездесті.",
     [{"Марко Мартин", "Асхат Шахаров"}]),
    # a bare post word in the sentence of meeting names the one the next sentence names by that post
    ("Италия елшісі Марко Мартин облыс әкімімен кездесті. «Өңір бізге қызық», – деді облыс әкімі Асхат Шахаров.",
     [{"Марко Мартин", "Асхат Шахаров"}]),
    ("Посол Италии Марко Мартин встретился с акимом области. Аким области Асхат Шахаров рассказал о потенциале "
     "региона.", [{"Марко Мартин", "Асхат Шахаров"}]),
    ("The Italian Ambassador Marco Martin met with the Governor of the region. Governor Askhat Shakharov "
     "presented the region's potential.", [{"Marco Martin", "Askhat Shakharov"}]),
    # a visit to a person, named in the dative; people who gathered (бас қосты)
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровқа сапармен барды.", [{"Марко Мартин", "Асхат Шахаров"}]),
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен Ақтөбе қаласында бас қосты.",
     [{"Марко Мартин", "Асхат Шахаров"}]),
    # an envoy and the home state's local head who discussed something together met
    ("Италия елшісі Марко Мартин мен облыс әкімі Асхат Шахаров екіжақты ынтымақтастық мәселелерін талқылады.",
     [{"Марко Мартин", "Асхат Шахаров"}]),
    # a visit at someone's invitation is a meeting with them
    ("Облыс әкімі Асхат Шахаровтың шақыруымен Италия елшісі Марко Мартин Ақтөбе облысына келді.",
     [{"Марко Мартин", "Асхат Шахаров"}]),
    ("At the invitation of the Governor of Lombardy Attilio Fontana, Ambassador Askar Musabayev visited Milan.",
     [{"Askar Musabayev", "Attilio Fontana"}]),
    # one on whose behalf greetings are conveyed is absent
    ("Вице-спикер Асқар Нұрмағамбетов палата вице-президенті Хироси Накагавамен келіссөздер жүргізді. "
     "Нұрмағамбетов тараптарға Мәжіліс Төрағасы Ерлан Қошанов атынан сәлем жолдады.",
     [{"Асқар Нұрмағамбетов", "Хироси Накагава"}]),
    ("Вице-спикер Аскар Нурмагамбетов провел переговоры с вице-президентом палаты Хироси Накагавой. "
     "Нурмагамбетов передал японской стороне приветствие от имени Председателя Мажилиса Ерлана Кошанова.",
     [{"Аскар Нурмагамбетов", "Хироси Накагава"}]),
    ("Deputy Speaker Askar Nurmagambetov held talks with Vice-President Hiroshi Nakagawa. Nurmagambetov conveyed "
     "greetings on behalf of Mazhilis Chairman Yerlan Koshanov and briefed the Japanese side on the reforms.",
     [{"Askar Nurmagambetov", "Hiroshi Nakagawa"}]),
    # an invitation handed to someone (to visit later) is no meeting with him
    ("Посол Марко Мартин встретился с губернатором Асхатом Шахаровым. Посол передал приглашение премьер-министру "
     "Италии Джорджии Мелони посетить Казахстан.", [{"Марко Мартин", "Асхат Шахаров"}]),
    ("Ambassador Marco Martin met with Governor Askhat Shakharov. The Ambassador conveyed an invitation to Prime "
     "Minister of Italy Giorgia Meloni to visit Kazakhstan.", [{"Marco Martin", "Askhat Shakharov"}]),
    # ... however long the post before the inviter's name
    ("At the invitation of the Governor of Tochigi Prefecture Tomikazu Fukuda, the Ambassador of Kazakhstan to "
     "Japan Askar Musabayev visited the prefecture.", [{"Askar Musabayev", "Tomikazu Fukuda"}]),
    # talks named again by their noun: one meeting, plural as the noun is
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен келіссөздер жүргізді. Келіссөздер барысында облыс "
     "әкімінің орынбасары Нұрлан Бекұлы өңірдің әлеуетін таныстырды.",
     [{"Марко Мартин", "Асхат Шахаров", "Нұрлан Бекұлы"}]),
    ("Посол Италии Марко Мартин провел переговоры с акимом области Асхатом Шахаровым. В ходе переговоров "
     "заместитель акима Нурлан Бекулы рассказал о потенциале региона.",
     [{"Марко Мартин", "Асхат Шахаров", "Нурлан Бекулы"}]),
    ("Italian Ambassador Marco Martin held talks with Governor Askhat Shakharov. During the talks, Deputy "
     "Governor Nurlan Bekuly presented the region.", [{"Marco Martin", "Askhat Shakharov", "Nurlan Bekuly"}]),
    # the reception told before, named again by its noun
    ("Италия елшісі Марко Мартинді облыс әкімі Асхат Шахаров қабылдады. Қабылдау барысында облыс әкімінің "
     "орынбасары Нұрлан Бекұлы сөз сөйледі.", [{"Марко Мартин", "Асхат Шахаров", "Нұрлан Бекұлы"}]),
    # the other side's reply (in turn) after a meeting names one more of its participants
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен кездесті. Тараптар сауданы талқылады. Өз "
     "кезегінде облыс әкімінің орынбасары Нұрлан Бекұлы өңірдің әлеуетін таныстырды.",
     [{"Марко Мартин", "Асхат Шахаров", "Нұрлан Бекұлы"}]),
    ("Посол Италии Марко Мартин встретился с акимом области Асхатом Шахаровым. В свою очередь заместитель "
     "акима области Нурлан Бекулы рассказал о потенциале региона.", [{"Марко Мартин", "Асхат Шахаров",
                                                                      "Нурлан Бекулы"}]),
    ("The Italian Ambassador Marco Martin met the Governor of Aktobe Region Askhat Shakharov. In turn, Deputy "
     "Governor Nurlan Bekuly presented the region's potential.", [{"Marco Martin", "Askhat Shakharov",
                                                                   "Nurlan Bekuly"}]),
    # a name joined by "and" to a person's name is a person too, post or no post
    ("Асқар Мұсабаев пен Лука Дзайа Венецияда кездесті.", [{"Асқар Мұсабаев", "Лука Дзайа"}]),
    ("Лука Дзайа мен Асқар Мұсабаев Венецияда кездесті.", [{"Лука Дзайа", "Асқар Мұсабаев"}]),
    # a pronoun before everyone named is the subject told before, also when the others precede the verb
    ("Елші Асқар Бекмұратов Краков қаласында болды. Онда ол воевода Ян Ковальский және қала мэрі Анджей "
     "Новакпен кездесті.", [{"Асқар Бекмұратов", "Ян Ковальский", "Анджей Новак"}]),
    ("Посол Аскар Бекмуратов побывал в Кракове. Там он встретился с воеводой Яном Ковальским и мэром "
     "города Анджеем Новаком.", [{"Аскар Бекмуратов", "Ян Ковальский", "Анджей Новак"}]),
    # kk: a foreign name written in Latin letters right after a post is its holder's, not a company's
    ("Елші Ержан Жұмабеков Ломбардия аймағының президенті Attilio Fontana-мен кездесті.",
     [{"Ержан Жұмабеков", "Attilio Fontana"}]),
    ("Елші Ержан Жұмабеков Милан мэрі Giuseppe Sala мырзамен кездесті.", [{"Ержан Жұмабеков", "Giuseppe Sala"}]),
    # kk: every capitalised word after a post is the name, also where the recogniser proposes fewer
    ("Облыс әкімі Асхат Шахаров Түркия елшісі Мехмет Сами Өзтүркпен кездесті.",
     [{"Асхат Шахаров", "Мехмет Сами Өзтүрк"}]),
    # a lower-case compound is a word of meeting by its last part
    ("Облыс әкімі Асхат Шахаров Түркия елшісі Мехмет Өзтүрікпен онлайн-кездесу өткізді.",
     [{"Асхат Шахаров", "Мехмет Өзтүрік"}]),
    ("Аким области Асхат Шахаров провел онлайн-встречу с послом Турции Мехметом Озтюрком.",
     [{"Асхат Шахаров", "Мехмет Озтюрк"}]),
    ("Governor Askhat Shakharov held a video-meeting with the Turkish Ambassador Mehmet Ozturk.",
     [{"Askhat Shakharov", "Mehmet Ozturk"}]),
    # kk: a gathering (жиын) names the meeting told before; those who accompany a side take part
    ("Облыс әкімі Нұрдәулет Қилыбай Жапония елшісі Ямада Дзюнмен кездесті. Жиынға облыстық мәслихат төрағасы "
     "Серік Жұмабеков қатысты.", [{"Нұрдәулет Қилыбай", "Ямада Дзюн", "Серік Жұмабеков"}]),
    ("Облыс әкімі Нұрдәулет Қилыбай Жапония елшісі Ямада Дзюнмен кездесті. Елшіні Жапония елшілігінің бірінші "
     "хатшысы Сато Кэндзи сүйемелдеді.", [{"Нұрдәулет Қилыбай", "Ямада Дзюн", "Сато Кэндзи"}]),
    # kk: capitalised words no post, place or body reads, in a sentence of meeting, are a person's name
    ("Маджид Самадзаде Сабер облыс әкімі Нұрлыбек Нәлібаевпен кездесті.",
     [{"Маджид Самадзаде Сабер", "Нұрлыбек Нәлібаев"}]),
    # a visit made together with another state's official is a meeting with him
    ("Ақтөбе облысының әкімі Асхат Шахаров Корея елшісі Ли Чан Ёнмен бірге жылыжай кешенін аралады.",
     [{"Асхат Шахаров", "Ли Чан Ён"}]),
    ("The Governor of Aktobe Region Askhat Shakharov together with the Korean Ambassador Lee Chang Yong visited "
     "a greenhouse complex.", [{"Askhat Shakharov", "Lee Chang Yong"}]),
    ("Аким Актюбинской области Асхат Шахаров вместе с Послом Кореи Ким Сон Хо посетил тепличный комплекс.",
     [{"Асхат Шахаров", "Ким Сон Хо"}]),
    # welcoming a guest; a video conference; joint acts in the other forms of a verb (қарастыру: қарастырды)
    ("Ақтөбе облысының әкімі Асхат Шахаров Корея елшісі Ли Чан Ёнды қарсы алды.",
     [{"Асхат Шахаров", "Ли Чан Ён"}]),
    ("Қазақстанның Польшадағы елшісі Асқар Бекмұратов Краков мэрі Анджей Новакпен бейнеконференция өткізді.",
     [{"Асқар Бекмұратов", "Анджей Новак"}]),
    ("Посол Казахстана в Польше Аскар Бекмуратов провел видеоконференцию с мэром Кракова Анджеем Новаком.",
     [{"Аскар Бекмуратов", "Анджей Новак"}]),
    ("The Ambassador of Kazakhstan to Poland Askar Bekmuratov held a videoconference with the Mayor of Krakow "
     "Andrzej Nowak.", [{"Askar Bekmuratov", "Andrzej Nowak"}]),
    # meetings held "with" A and B, no subject named: the trip's subject told before met each (ru, en; kk below)
    ("Посол Казахстана в Венгрии Марат Омаров посетил город Печ. В ходе визита состоялись встречи с мэром города "
     "Аттилой Петерфалви и ректором Печского университета Аттилой Мишетой.",
     [{"Марат Омаров", "Аттила Петерфалви"}, {"Марат Омаров", "Аттила Мишета"}]),
    ("Ambassador of Kazakhstan to Hungary Marat Omarov visited Pecs. During the visit, meetings were held with "
     "Mayor Attila Peterfalvi and Rector of the University of Pecs Attila Miseta.",
     [{"Marat Omarov", "Attila Peterfalvi"}, {"Marat Omarov", "Attila Miseta"}]),
    # a phone conversation is a talk (kk: сөйлесті)
    ("In Budapest, Ambassador of Kazakhstan Marat Omarov had a phone conversation with the Mayor of Szeged "
     "Laszlo Botka.", [{"Marat Omarov", "Laszlo Botka"}]),
    ("Посол Казахстана Марат Омаров провел телефонный разговор с мэром Сегеда Ласло Боткой.",
     [{"Марат Омаров", "Ласло Ботка"}]),
    # kk: a coordination takes the case ending on its last name only (A және B мырзамен: with A and B), so the
    # trip's subject told before met them both
    ("Қазақстанның Венгриядағы Елшісі Марат Омаров Печ қаласына барды. Сапар барысында Баранья медьесінің "
     "басшысы Золтан Ковач және Печ қаласының мэрі Аттила Петерфалви мырзамен кездесулер өтті.",
     [{"Марат Омаров", "Золтан Ковач"}, {"Марат Омаров", "Аттила Петерфалви"}]),
    ("Қазақстанның Венгриядағы елшісі Марат Омаров Печ қаласында болды. Сапар аясында қала мэрі Аттила "
     "Петерфалви, Печ университетінің ректоры Аттила Мишетамен кездесулер өтті.",
     [{"Марат Омаров", "Аттила Петерфалви"}, {"Марат Омаров", "Аттила Мишета"}]),
    ("Облыс әкімі Асхат Шахаров Корея елшісі Ли Чан Ён мырзамен бірге жылыжай кешенін аралады.",
     [{"Асхат Шахаров", "Ли Чан Ён"}]),
    ("Ақмола облысының әкімі Марат Ахметжанов пен Иранның Елшісі Әли Акбар Джоукар сауда байланыстарын "
     "қарастырды.", [{"Марат Ахметжанов", "Әли Акбар Джоукар"}]),
    # a post in the plural met, then named later: all its holders of that sentence took part
    ("Посол Франции Филипп Мартине встретился с депутатами маслихата. Стороны обсудили образование. В частности, "
     "депутаты маслихата Кадыргали Жаманбалин и Алма Дощанова рассказали о местном университете.",
     [{"Филипп Мартине", "Кадыргали Жаманбалин", "Алма Дощанова"}]),
    ("Францияның Елшісі Филипп Мартине мәслихат депутаттарымен кездесті. Тараптар білім беру мәселелерін "
     "талқылады. Атап айтқанда, мәслихат депутаттары Қадырғали Жаманбалин мен Алма Дощанова университет туралы "
     "айтты.", [{"Филипп Мартине", "Қадырғали Жаманбалин", "Алма Дощанова"}]),
    # ... in the singular, the first only
    ("Посол Франции Филипп Мартине встретился с депутатом маслихата. Стороны обсудили образование. Депутат "
     "маслихата Кадыргали Жаманбалин рассказал о местном университете, а ректор Алма Дощанова - о колледже.",
     [{"Филипп Мартине", "Кадыргали Жаманбалин"}]),
    # words of talking with someone are words of meeting
    ("Облыс әкімі Асхат Шахаров Жапония Елшісі Такеши Иваямен тілдесті.", [{"Асхат Шахаров", "Такеши Ивая"}]),
    ("Облыс әкімі Асхат Шахаров Жапония Елшісі Такеши Иваямен пікірлесті.", [{"Асхат Шахаров", "Такеши Ивая"}]),
    ("Аким области Асхат Шахаров пообщался с Послом Японии Такеши Иваей.", [{"Асхат Шахаров", "Такеши Ивая"}]),
    ("Governor Askhat Shakharov conferred with Japanese Ambassador Takeshi Iwaya.",
     [{"Askhat Shakharov", "Takeshi Iwaya"}]),
    # a session both sides' officials attend is a meeting
    ("Комиссия отырысына Қазақстан вице-министрі Роман Василенко және Жапония вице-министрі Кендзи Сато қатысты.",
     [{"Роман Василенко", "Кендзи Сато"}]),
    ("На заседании комиссии присутствовали заместитель министра Казахстана Роман Василенко и заместитель министра "
     "Японии Кендзи Сато.", [{"Роман Василенко", "Кендзи Сато"}]),
    ("Foreign Minister Murat Nurtleu held a phone call with his Azerbaijani counterpart Jeyhun Bayramov.",
     [{"Murat Nurtleu", "Jeyhun Bayramov"}]),
    ("The session of the commission was attended by Kazakh Deputy Minister Roman Vassilenko and Japanese Deputy "
     "Minister Kenji Sato.", [{"Roman Vassilenko", "Kenji Sato"}]),
    # kk: a name with its honorific after it, then another name after a post: both take part
    ("Елші Марат Сейітов облыс президенті Микеле Паскале мырзамен және Болонья мэрі Маттео Леполимен кездесті.",
     [{"Марат Сейітов", "Микеле Паскале", "Маттео Леполи"}]),
    # kk: two names side by side, the first ending in a surname, the second in the instrumental: two persons
    ("Асқар Мамин Марк Рюттемен кездесу барысында сауда мәселелерін талқылады.", [{"Асқар Мамин", "Марк Рютте"}]),
    # a visit to a city hall, then its mayor named by his bare post: a meeting with him (мэр: мэриясы, мэрия)
    ("Елші Марат Сейітов Венеция мэриясында болды. Мэр Луиджи Бруньяро Елшіге қаланың жобаларын таныстырды.",
     [{"Марат Сейітов", "Луиджи Бруньяро"}]),
    ("Посол Марат Сеитов побывал в мэрии Венеции. Мэр Луиджи Бруньяро рассказал Послу о проектах города.",
     [{"Марат Сеитов", "Луиджи Бруньяро"}]),
    # ru: His Excellency is a form of address, no person
    ("Посол Ерлан Оспанов встретился с Его Превосходительством г-ном Петером Сийярто, Министром иностранных дел "
     "Венгрии.", [{"Ерлан Оспанов", "Петер Сийярто"}]),
    # those who took part in the meeting told before are its participants, in English as in Kazakh and Russian
    ("Akim Yerlan Tokenov met with the delegation of the Bundestag. Deputies Johann Wadephul and Petra Pau took "
     "part in the meeting.", [{"Yerlan Tokenov", "Johann Wadephul", "Petra Pau"}]),
    # en: the members a delegation included, told in a sentence of their own
    ("The delegation was led by Ambassador Aibek Nurov. It included Deputy Minister Roman Vassilenko. The "
     "delegation met with Governor Mahmut Demirtas.", [{"Aibek Nurov", "Roman Vassilenko", "Mahmut Demirtas"}]),
    # two titles joined by "and" before a name are that person's, not the first title's earlier holder's
    ("On June 5 the Ambassador Timur Sagyndykov met Mayor Rebecca Alvarado. The meeting was also attended by the "
     "President of the Sister Cities Association, Mr. Gary Whitman.\n\nOn June 7, in Phoenix, the Ambassador met "
     "with President and CEO of the Arizona Commerce Authority Laura Whitcombe.",
     [{"Timur Sagyndykov", "Rebecca Alvarado", "Gary Whitman"}, {"Timur Sagyndykov", "Laura Whitcombe"}]),
    ("5 июня Посол Тимур Сагындыков встретился с мэром Ребеккой Альварадо. Во встрече также участвовал президент "
     "ассоциации городов-побратимов Гари Уитмен.\n\n7 июня в Фениксе Посол встретился с президентом и генеральным "
     "директором компании Arizona Commerce Лорой Уиткомб.",
     [{"Тимур Сагындыков", "Ребекка Альварадо", "Гари Уитмен"}, {"Тимур Сагындыков", "Лора Уиткомб"}]),
    # a delegation's members named as its composition took part, with a post or none (a professor)
    ("Аким Данияр Кусаинов встретился с министром Джеймсом Фицджеральдом. В состав делегации вошли профессор "
     "Кэтрин Блэк и директор компании Elders Эндрю Маккензи.",
     [{"Данияр Кусаинов", "Джеймс Фицджеральд", "Кэтрин Блэк", "Эндрю Маккензи"}]),
    ("Akim Daniyar Kussainov met with Minister James Fitzgerald. The delegation included Professor Catherine Black "
     "and Andrew Mackenzie, director of Elders.",
     [{"Daniyar Kussainov", "James Fitzgerald", "Catherine Black", "Andrew Mackenzie"}]),
    # the speaker of a meeting told in reported speech that names both sides took no part in it
    ("Посол Дана Амирова встретилась с мэром Лиона Пьером Дюраном. Мэр отметил, что в прошлом году Президент "
     "Казахстана Арман Исетов провел переговоры с Президентом Франции Жаком Мартеном.",
     [{"Дана Амирова", "Пьер Дюран"}, {"Арман Исетов", "Жак Мартен"}]),
    ("The Ambassador Dana Amirova met with the Mayor of Lyon Pierre Durand. The Mayor noted that President "
     "Arman Issetov had held talks with President Jacques Martin.",
     [{"Dana Amirova", "Pierre Durand"}, {"Arman Issetov", "Jacques Martin"}]),
    # kk: a town's name that ends a full name after a post, in a case of place (Фонтана: a Californian town), is
    # the surname, and so it is after the name's initial
    ("Кездесуде Елші Марат Ахметов өңір президенті Аттилио Фонтанаға реформалар туралы айтып берді. "
     "Өз кезегінде А.Фонтана ынтымақтастыққа мүдделі екенін атап өтті.", [{"Марат Ахметов", "Аттилио Фонтана"}]),
    # one who took part in both meetings, or in all of them, took part in each
    ("Посол Арман Исетов встретился с мэром Гданьска Петром Новаком. Затем посол встретился с ректором Яном "
     "Ковальским. В обеих встречах принял участие почетный консул Марек Зелинский.",
     [{"Арман Исетов", "Петр Новак", "Марек Зелинский"}, {"Арман Исетов", "Ян Ковальский", "Марек Зелинский"}]),
    ("Ambassador Arman Issetov met with Mayor Piotr Nowak. He then met with Rector Jan Kowalski. Honorary Consul "
     "Marek Zielinski took part in all the meetings.",
     [{"Arman Issetov", "Piotr Nowak", "Marek Zielinski"}, {"Arman Issetov", "Jan Kowalski", "Marek Zielinski"}]),
    ("Елші Арман Исетов Гданьск мэрі Петр Новакпен кездесті. Сондай-ақ Елші ректор Томаш Ленартпен кездесті. Екі "
     "кездесуге де құрметті консул Марек Зелинский қатысты.",
     [{"Арман Исетов", "Петр Новак", "Марек Зелинский"}, {"Арман Исетов", "Томаш Ленарт", "Марек Зелинский"}]),
    # ... and one who took part in the meetings, said before any is told, took part in each told after
    ("Посол Арман Исетов посетил Гданьск. Во встречах также принял участие почетный консул Марек Зелинский. Посол "
     "встретился с мэром Гданьска Петром Новаком. Затем посол встретился с ректором Яном Ковальским.",
     [{"Арман Исетов", "Петр Новак", "Марек Зелинский"}, {"Арман Исетов", "Ян Ковальский", "Марек Зелинский"}]),
    ("Ambassador Arman Issetov visited Gdansk. Honorary Consul Marek Zielinski took part in the meetings. The "
     "ambassador met with Mayor Piotr Nowak. He then met with Rector Jan Kowalski.",
     [{"Arman Issetov", "Piotr Nowak", "Marek Zielinski"}, {"Arman Issetov", "Jan Kowalski", "Marek Zielinski"}]),
    ("Елші Арман Исетов Гданьскіге барды. Сапар барысындағы кездесулерге құрметті консул Марек Зелинский қатысты. "
     "Елші Гданьск мэрі Петр Новакпен кездесті. Сондай-ақ Елші ректор Томаш Ленартпен кездесті.",
     [{"Арман Исетов", "Петр Новак", "Марек Зелинский"}, {"Арман Исетов", "Томаш Ленарт", "Марек Зелинский"}]),
    # those who attended a meeting held online, named by its noun, took part in it
    ("Akim Nurlan Otegenov and Deputy Minister Giorgi Tsertsvadze held a video conference. The video call was also "
     "attended by Ambassador Kairat Zhanibekov.", [{"Nurlan Otegenov", "Giorgi Tsertsvadze", "Kairat Zhanibekov"}]),
    ("Облыс әкімі Нұрлан Өтегенов Грузия елшісі Георгий Чхеидземен бейнеконференция өткізді. Бейнеконференцияға "
     "облыс әкімінің орынбасары Ерлан Сисенбаев қатысты.", [{"Нұрлан Өтегенов", "Георгий Чхеидзе", "Ерлан Сисенбаев"}]),
    # ... and those a sentence of attending names right after the meeting's noun, with no word of meeting of its own
    ("Облыс әкімі Нұрлан Өтегенов Грузия елшісі Георгий Чхеидземен кездесті. Кездесу облыс әкімдігінде өтті. Оған "
     "облыс әкімінің орынбасары Ерлан Сисенбаев қатысты.", [{"Нұрлан Өтегенов", "Георгий Чхеидзе", "Ерлан Сисенбаев"}]),
    ("Аким Нурлан Утегенов встретился с послом Грузии Георгием Чхеидзе. Встреча прошла в акимате. На ней "
     "присутствовал заместитель акима Ерлан Сисенбаев.", [{"Нурлан Утегенов", "Георгий Чхеидзе", "Ерлан Сисенбаев"}]),
    # ... but one who attended the meeting told last took part in that one only
    ("Ambassador Arman Issetov met with Mayor Piotr Nowak. He then met with Rector Jan Kowalski. Honorary Consul "
     "Marek Zielinski also attended the meeting.",
     [{"Arman Issetov", "Piotr Nowak"}, {"Arman Issetov", "Jan Kowalski", "Marek Zielinski"}]),
    # ru: two post words in a row (the deputy of the chairman) are one holder's, named after them; not a later deputy
    ("Посол Алмас Тулегенов провел переговоры с заместителем председателя Народного комитета Ле Тхи Ханг. На "
     "следующий день посол встретился с заместителем генерального директора группы Vinacomin Андреем Смирновым.",
     [{"Алмас Тулегенов", "Ле Тхи Ханг"}, {"Алмас Тулегенов", "Андрей Смирнов"}]),
    # a summary of the visit with no one named ("meeting the provincial leadership") takes in no later meeting
    ("Ambassador Nurbol Kenzhebayev paid a working visit to East Java, meeting the provincial leadership. On "
     "Wednesday, the ambassador held talks with the Governor of East Java Siti Rahmawati. The following day, Mr "
     "Kenzhebayev met with members of the Chamber of Commerce chaired by Mr Hendro Gunawan.",
     [{"Nurbol Kenzhebayev", "Siti Rahmawati"}, {"Nurbol Kenzhebayev", "Hendro Gunawan"}]),
    # a delegation that meets one named person later is its leader's, named beside a word of leading
    ("Облыс әкімі Ерлан Сейітов Мазовецкий воеводствосының маршалы Адам Новак бастаған делегацияны қабылдады. "
     "Кездесуден кейін поляк делегациясы университет ректоры Гүлжан Омаровамен кездесті.",
     [{"Ерлан Сейітов", "Адам Новак"}, {"Адам Новак", "Гүлжан Омарова"}]),
    ("Аким области Ерлан Сеитов принял делегацию во главе с маршалом воеводства Адамом Новаком. Затем польская "
     "делегация встретилась с ректором университета Гульжан Омаровой.",
     [{"Ерлан Сеитов", "Адам Новак"}, {"Адам Новак", "Гульжан Омарова"}]),
    ("Akim of the region Yerlan Seitov received a delegation led by Governor Adam Nowak. Later the Polish "
     "delegation met with Rector of the university Gulzhan Omarova.",
     [{"Yerlan Seitov", "Adam Nowak"}, {"Adam Nowak", "Gulzhan Omarova"}]),
    # ... and a delegation a sentence of its composition names: its members
    ("Делегация құрамында Мәжіліс депутаты Айгүл Серікова және депутат Асқар Төлеуов бар. Делегация губернатор Ли "
     "Мин Хомен кездесті. Келесі күні делегация мүшелері университет ректоры Пак Чжи Хумен кездесті.",
     [{"Айгүл Серікова", "Асқар Төлеуов", "Ли Мин Хо"}, {"Айгүл Серікова", "Асқар Төлеуов", "Пак Чжи Ху"}]),
    ("The delegation included Member of the Mazhilis Aigul Serikova and Member of the Mazhilis Askar Tuleuov. The "
     "delegation met with Governor Lee Min-ho. The next day, the delegation met with Rector of the university Park "
     "Ji-hoo.",
     [{"Aigul Serikova", "Askar Tuleuov", "Lee Min-ho"}, {"Aigul Serikova", "Askar Tuleuov", "Park Ji-hoo"}]),
    # kk: a verb of receiving that shares its stem with the noun of a meeting (қабылдады, қабылдау) tells a meeting of
    # its own, not more of the one told; the noun in the singular of one listed in the plural still refers back
    ("Елші Асқар Бекұлы губернатор Анна Бергпен кездесті. Сол күні Лука Росси бастаған итальяндық делегацияны облыс "
     "әкімінің орынбасары Тимур Жақанов қабылдады.",
     [{"Асқар Бекұлы", "Анна Берг"}, {"Лука Росси", "Тимур Жақанов"}]),
    ("Елші Асқар Бекұлы губернатор Анна Бергпен онлайн кездесті. Келіссөзге Тимур Жақанов пен Лука Росси қатысты.",
     [{"Асқар Бекұлы", "Анна Берг", "Тимур Жақанов", "Лука Росси"}]),
    # kk: a post in the plural after a prefix stands for all named before with it (вице-министрлер)
    ("Форумды сауда вице-министрі Жанар Қасымова мен Италияның өнеркәсіп вице-министрі Лука Росси ашты. Форум "
     "аясында вице-министрлер екіжақты кездесу өткізді.", [{"Жанар Қасымова", "Лука Росси"}]),
    # what came after a meeting (After the meeting, После встречи) with someone new is a meeting of its own
    ("Ambassador Nurlan Sadykov met the Governor of the province Anna Berg. After the meeting, Ambassador Sadykov and "
     "Governor Berg visited the port, where its director Lars Holm showed them the terminals.",
     [{"Nurlan Sadykov", "Anna Berg"}, {"Nurlan Sadykov", "Anna Berg", "Lars Holm"}]),
    ("Посол Нурлан Садыков встретился с губернатором провинции Анной Берг. После встречи посол Садыков и губернатор "
     "Берг посетили порт, где его директор Ларс Хольм показал им терминалы.",
     [{"Нурлан Садыков", "Анна Берг"}, {"Нурлан Садыков", "Анна Берг", "Ларс Хольм"}]),
    # a sentence of a body's members joins the meeting its paragraph tells, before one as near in the next
    ("Елші Асқар Бекұлы сауда палатасының төрағасы Мехмет Йылдызбен кездесті. Кездесуде сауда талқыланды. Өз "
     "кезегінде М. Йылдыз палата мүшелерінің Қазақстанға қызығушылығын атап өтті.\nКелесі күні Елші университет "
     "ректоры Айше Өзтүрікпен кездесті. Тараптар білім беру мәселелерін талқылады.",
     [{"Асқар Бекұлы", "Мехмет Йылдыз"}, {"Асқар Бекұлы", "Айше Өзтүрік"}]),
    # a state's delegation named by its adjective and no leader is that state's persons of the meeting before, in a
    # meeting of their own with the one it meets
    ("Minister of Agriculture of Kazakhstan Yerlan Bekov, accompanied by the Ambassador of Kazakhstan to Canada Marat "
     "Aliyev, met with Minister of Agriculture of Saskatchewan David Moore. The next day, the Kazakh delegation was "
     "received by Anna Grant, President of the University of Regina.",
     [{"Yerlan Bekov", "Marat Aliyev", "David Moore"}, {"Yerlan Bekov", "Marat Aliyev", "Anna Grant"}]),
    ("Аким города Туркестана Нурлан Ахметов встретился с мэром Кайсери Мехметом Озом. На встрече присутствовал Посол "
     "Казахстана в Турции Ерлан Сериков. Затем казахстанская делегация встретилась с губернатором провинции Кайсери "
     "Орханом Демиром.",
     [{"Нурлан Ахметов", "Мехмет Оз", "Ерлан Сериков"}, {"Нурлан Ахметов", "Ерлан Сериков", "Орхан Демир"}]),
    ("Жамбыл облысының әкімі Ерлан Қаранов Грузияның экономика министрі Леван Давиташвилимен кездесті. Кездесуге "
     "Қазақстанның Грузиядағы Елшісі Нұрлан Сейітов қатысты. Келесі күні қазақстандық делегация Кутаиси қаласының "
     "мэрі Гиорги Чикованимен кездесті.",
     [{"Ерлан Қаранов", "Леван Давиташвили", "Нұрлан Сейітов"},
      {"Ерлан Қаранов", "Нұрлан Сейітов", "Гиорги Чиковани"}]),
    # ru: an enterprise and a plant are a company's head nouns (кәсіпорны, зауыты in Kazakh): the director of the
    # enterprise a visit went to heads it, and met the visitor
    ("Посол Кореи Пак Чон Мин посетил тепличный комплекс ТОО «KazKor Greenhouse». Директор предприятия Руслан "
     "Кенжебаев показал гостю цеха.", [{"Пак Чон Мин", "Руслан Кенжебаев"}]),
    ("Посол Кореи Пак Чон Мин посетил завод «Агромаш». Директор завода Руслан Кенжебаев показал гостю цеха.",
     [{"Пак Чон Мин", "Руслан Кенжебаев"}]),
    # en: a post word in the plural stands for all named before with that post (the diplomats: any diplomat's)
    ("The Ambassador of Germany Tobias Lenhardt and the Ambassador of France Didier Rousselot arrived in Karaganda. "
     "The ambassadors were received by the Akim of Karaganda region Zhandos Abilkairov.",
     [{"Tobias Lenhardt", "Didier Rousselot", "Zhandos Abilkairov"}]),
    ("Ambassador Tobias Lenhardt and Chargé d'affaires Petr Hruska arrived in Karaganda. The diplomats were received "
     "by the Akim of Karaganda region Zhandos Abilkairov.", [{"Tobias Lenhardt", "Petr Hruska", "Zhandos Abilkairov"}]),
    # the agent of a word of meeting met (received by the President), one of another word did not (below)
    ("Ambassador Nurlan Onzhanov was received by President Emmanuel Macron at the Elysee Palace.",
     [{"Nurlan Onzhanov", "Emmanuel Macron"}]),
    # a sentence of attending right after one that tells a meeting, with no word of meeting of its own, names more of
    # its participants
    ("Minister Lisa Berg met Ambassador Azamat Karimov in Regina. Deputy Minister Dale Quinlan also attended.",
     [{"Lisa Berg", "Azamat Karimov", "Dale Quinlan"}]),
    ("Тараз қаласының әкімі Бақытжан Орынбасаров пен Кутаиси қаласының мэрі Гиорги Абашидзе келісімге қол қойды. "
     "Оған Грузия Елшісі Давит Кикнадзе де қатысты.",
     [{"Бақытжан Орынбасаров", "Гиорги Абашидзе", "Давит Кикнадзе"}]),
    # those who took part in the work of a session told right before (its co-chairs) are its participants too
    ("20 ноября в Лондоне прошло заседание Казахстанско-Британского совета по торговле. Сопредседателями заседания "
     "выступили вице-министр торговли Казахстана Асель Жаксылыкова и член Палаты лордов Хелен Мортимер. В работе "
     "совета приняли участие Посол Казахстана в Великобритании Олжас Нурмагамбетов и управляющий директор компании "
     "Rolls-Royce Эндрю Блейк.",
     [{"Асель Жаксылыкова", "Хелен Мортимер", "Олжас Нурмагамбетов", "Эндрю Блейк"}]),
    # a title that names posts and no one is no meeting of its own: the report's meeting is told after it
    ("Астанада АӨСШК Атқарушы директорымен кездесу өтті\n\nҚазақстан Республикасының Сыртқы істер министрінің "
     "орынбасары Әлібек Жанұзақов АӨСШК Атқарушы директоры Талғат Мамырайымовты қабылдады.\n\nКездесуге "
     "Әзірбайжанның Қазақстандағы Елшісі Рәшад Гусейнзаде қатысты.",
     [{"Әлібек Жанұзақов", "Талғат Мамырайымов", "Рәшад Гусейнзаде"}]),
    # consultations are one meeting, as talks are: those who attended them are its participants
    ("Deputy Foreign Minister Darkhan Kalmukhanov and Secretary Arun Sharma held consultations in New Delhi. The "
     "consultations were attended by Ambassador Azamat Berdibay.",
     [{"Darkhan Kalmukhanov", "Arun Sharma", "Azamat Berdibay"}]),
    ("Сыртқы істер министрінің орынбасары Әлібек Бақаев пен Андрис Пелшс Ригада саяси консультациялар өткізді. "
     "Консультацияларға Қазақстан елшісі Ержан Кистафин қатысты.",
     [{"Әлібек Бақаев", "Андрис Пелшс", "Ержан Кистафин"}]),
    # a meeting ahead (a word of one planned, a verb in the future beside its word) is none yet
    ("Ambassador Kristjan Tamm met Mayor Almas Kaliyev in Karaganda. Tamm is also scheduled to meet Governor "
     "Yermaganbet Bulekpayev on Wednesday.", [{"Kristjan Tamm", "Almas Kaliyev"}]),
    ("Ambassador Kristjan Tamm met Mayor Almas Kaliyev in Karaganda. Tamm will also meet Governor Yermaganbet "
     "Bulekpayev on Wednesday.", [{"Kristjan Tamm", "Almas Kaliyev"}]),
    ("Посол Кристьян Тамм встретился с акимом города Ерланом Тохтаровым. В среду посол также встретится с губернатором "
     "Ермаганбетом Булекпаевым.", [{"Кристьян Тамм", "Ерлан Тохтаров"}]),
    ("Елші Кристьян Тамм қала әкімі Алмас Қалиевпен кездесті. Елшінің облыс әкімі Ермағанбет Бөлекпаевпен "
     "кездесуі жоспарланған.", [{"Кристьян Тамм", "Алмас Қалиев"}]),
    # ... nor is one a delegation is to have, during a visit to the body its host heads too
    ("Председатель Сената Ерлан Сапаров встретился с Послом Франции Жаном Дюпоном. В ходе визита делегация "
     "планирует встретиться с Председателем Государственной Думы Петром Орловым.", [{"Ерлан Сапаров", "Жан Дюпон"}]),
    ("Speaker Erlan Saparov met Ambassador Jean Dupont in Paris. During the visit, the delegation is scheduled to "
     "meet Senate President Pierre Morel.", [{"Erlan Saparov", "Jean Dupont"}]),
    # heads of state between whom a meeting or talks took place took part in it
    ("Қасым-Жомарт Тоқаев пен Александр Лукашенко арасында кездесу өтті.",
     [{"Қасым-Жомарт Тоқаев", "Александр Лукашенко"}]),
    ("Talks between President Kassym-Jomart Tokayev and President Alexander Lukashenko were held in Minsk.",
     [{"Kassym-Jomart Tokayev", "Alexander Lukashenko"}]),
    # the heads of state by whom something other than a meeting was reached are named in passing
    ("Посол Ерлан Садыков встретился с министром торговли Турции Омером Йылмазом. В ходе беседы стороны обсудили "
     "выполнение договоренностей, достигнутых президентами двух стран, Касым-Жомартом Токаевым и Реджепом Тайипом "
     "Эрдоганом.", [{"Ерлан Садыков", "Омер Йылмаз"}]),
    # ... but one by whom the guest was received met him
    ("Министр Омер Йылмаз, принятый Президентом Касым-Жомартом Токаевым, обсудил торговлю.",
     [{"Омер Йылмаз", "Касым-Жомарт Токаев"}]),
    # ... but a meeting held, with a future told after a comma, is one
    ("Ambassador Kristjan Tamm met Mayor Almas Kaliyev in Karaganda, who will visit Tallinn in May.",
     [{"Kristjan Tamm", "Almas Kaliyev"}]),
])
def test_meeting_participants(text, expected):
    assert meetings_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a series of meetings one person held, told before them, is none of them: each keeps its own date
    ("С 5 по 7 ноября Посол Айгерим Садыкова провела серию встреч в Тампере и Хельсинки. 5 ноября Посол "
     "встретилась с мэром Тампере Кайсой Лайтинен. 7 ноября Посол встретилась с депутатом парламента, "
     "председателем группы дружбы Юхой Пелтоненом.", {"Кайса Лайтинен": "2025-11-05", "Юха Пелтонен": "2025-11-07"}),
])
def test_a_series_told_first_dates_none_of_its_meetings(text, expected):
    x = extract(parse_report("t.txt", " date 2025-11-10 Title\n" + text, month=load_lexicon().month))
    names = {e.key: e.name for e in x.entities}
    dates = {names[p]: m.date.iso() for m in x.meetings for p in m.participants if names[p] in expected}
    assert dates == expected


@pytest.mark.parametrize(("text", "met", "absent"), [
    # a conference is no meeting held online: one who attended it took no part in the meeting told before
    ("Ambassador Marat Sadykov met with Mayor Piotr Nowak. The conference was attended by Minister Arman Issetov.",
     "Piotr Nowak", "Arman Issetov"),
])
def test_attending_something_else(text, met, absent):
    assert [absent in m for m in meetings_of(text) if met in m] == [False]


@pytest.mark.parametrize(("text", "name"), [
    # kk: a town's name after an initial is a surname where a full name of the report ends in it
    ("Кездесуде Елші Марат Ахметов өңір президенті Аттилио Фонтанаға реформалар туралы айтып берді. "
     "Өз кезегінде А.Фонтана ынтымақтастыққа мүдделі екенін атап өтті.", "Фонтана"),
])
def test_no_place_from_a_surname(text, name):
    x = extract(parse_report("t.txt", text))
    assert not [m for m in x.mentions if m.kind == MentionKind.PLACE and name in m.text]


@pytest.mark.parametrize(("text", "absent"), [
    # a person the sides only talked about holds no post here and takes no part
    ("Губернатор Омской области Виктор Ларин встретился с Генеральным консулом Казахстана в Омске "
     "Бериком Сагиевым. Также стороны обсудили юбилей поэта Абая Кунанбаева.", "Абай Кунанбаев"),
    # a person quoted by a participant takes no part either
    ("The Ambassador of France to Kazakhstan Louis Girard met with the Mayor of Kostanay Yerlan Tokenov. "
     "\"Our delegation recalls how Governor Adam Novak came to Lyon,\" the sides said.", "Adam Novak"),
    # a head of state the sides' sentence recalls is no member of the delegation
    ("Посол Казахстана в Турции Арман Садыков встретился с губернатором Анкары Мехметом Озтюрком. "
     "Стороны обсудили договоренности, достигнутые в ходе визита Президента Казахстана Касыма Токаева.",
     "Касым Токаев"),
    ("The Ambassador of Kazakhstan to Turkey Arman Sadykov met the Governor of Ankara Mehmet Ozturk. "
     "The sides discussed the agreements reached during the visit of President of Kazakhstan Kassym Tokayev.",
     "Kassym Tokayev"),
    # ru: a head of state in the genitive, in the meeting's own sentence or in the sides' one
    ("Во исполнение поручения Главы государства Касым-Жомарта Токаева аким Павлодарской области Асаин "
     "Байханов встретился с Послом Беларуси Алексеем Богдановым.", "Касым-Жомарт Токаев"),
    ("Аким Павлодарской области Асаин Байханов встретился с Послом Беларуси Алексеем Богдановым. Стороны "
     "обсудили реализацию договоренностей Президента Казахстана Касым-Жомарта Токаева и Президента Беларуси "
     "Александра Лукашенко.", "Александр Лукашенко"),
    # the official whose visit the sides prepared, in the genitive or after "of", takes no part
    ("Аким Павлодарской области Асаин Байханов встретился с Послом Беларуси Алексеем Богдановым. Стороны "
     "обсудили подготовку к визиту министра промышленности Беларуси Александра Рогожника.", "Александр Рогожник"),
    ("Павлодар облысының әкімі Асайын Байханов Беларусь Елшісі Алексей Богдановпен кездесті. Тараптар Беларусь "
     "өнеркәсіп министрі Александр Рогожниктің сапарына дайындықты талқылады.", "Александр Рогожник"),
    ("The Akim of Pavlodar Region Asain Baikhanov met with the Ambassador of Belarus Alexei Bogdanov. The sides "
     "discussed the preparation of the visit of the Minister of Industry of Belarus Alexander Rogozhnik.",
     "Alexander Rogozhnik"),
    # a head who is himself the visitor (X посетил Италию) is not met by the report's diplomat
    ("Посол Казахстана Арман Садыков встретился с мэром Милана Джузеппе Салой. По словам мэра, Милан "
     "заинтересован в связях с Алматы, мэр которого Ерболат Досаев посетил Италию в прошлом году.",
     "Ерболат Досаев"),
    # named in what a participant said (noted that ...), not met
    ("During the meeting with Ankara Governor Mehmet Ozturk, Ambassador Arman Sadykov noted that President "
     "Kassym Tokayev attaches great importance to ties with Turkey.", "Kassym Tokayev"),
    ("В ходе встречи с губернатором Анкары Мехметом Озтюрком Посол Казахстана Арман Садыков отметил, что "
     "Президент Касым Токаев придаёт большое значение связям с Турцией.", "Касым Токаев"),
    # en: a head of state with a possessive ending, as in the genitive elsewhere: whose talks, not who met
    ("Ambassador Yerlan Bekov met the Governor of Hokkaido Naomi Suzuki. He recalled the agreements reached during "
     "President Kassym-Jomart Tokayev's talks in Tokyo.", "Kassym-Jomart Tokayev"),
    # ... or the agent of what is no meeting (reforms launched by the President)
    ("Ambassador Yerlan Bekov met the Governor of Hokkaido Naomi Suzuki. The Ambassador, accompanied by Counsellor "
     "Aliya Sarina, briefed his host on the reforms launched by President Kassym-Jomart Tokayev.",
     "Kassym-Jomart Tokayev"),
    # ... or a head of state after "of" (the state visit of President X), as in the genitive
    ("Ambassador Yerlan Bekov met with the Chief Executive of the Qatar Investment Authority Mansoor Al Thani. "
     "During the meeting, the sides discussed the agreements reached during the state visit of President "
     "Kassym-Jomart Tokayev to Qatar.", "Kassym-Jomart Tokayev"),
    # ... or one joined by "and" to another whose genitive ending the two share
    ("Жамбыл облысының әкімі Ерлан Қарашөкеев Ташкент облысының хокимі Зойир Мирзаевпен кездесті. Кездесу барысында "
     "тараптар Мемлекет басшылары Қасым-Жомарт Тоқаев пен Шавкат Мирзиёевтің уағдаластықтарын іске асыру мәселелерін "
     "талқылады.",
     "Қасым-Жомарт Тоқаев"),
    # ... or heads between whom something other than a meeting was reached
    ("Беларусь елшісі Павел Ковальчук облыс әкімі Құмар Ахметовпен кездесті. Кездесуде Мемлекет басшылары Қасым-Жомарт "
     "Тоқаев пен Александр Лукашенко арасында қол жеткізілген уағдаластықтар талқыланды.", "Александр Лукашенко"),
    ("Посол Беларуси Павел Ковальчук встретился с акимом области Кумаром Ахметовым. На встрече обсуждались "
     "договоренности, достигнутые между Президентами Касым-Жомартом Токаевым и Александром Лукашенко.",
     "Касым-Жомарт Токаев"),
    ("Belarusian Ambassador Pavel Kovalchuk met Akim Kumar Akhmetov. At the meeting, they discussed the agreements "
     "reached between Presidents Kassym-Jomart Tokayev and Alexander Lukashenko.", "Alexander Lukashenko"),
])
def test_persons_named_in_passing_take_no_part(text, absent):
    found = meetings_of(text)
    assert found and all(absent not in m for m in found)


def posts_of(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    return {names[p.holder]: (p.role, p.country, p.accredited_to) for p in x.posts}


@pytest.mark.parametrize(("text", "name", "post"), [
    # kk: a surname that shares a stem with a post's word (Елбан, Елбасы) is a name
    ("ҚР-дың Түркиядағы Бас консулы Бақыт Сейітов Измир губернаторы Сүлейман Елбанмен кездесті.",
     "Сүлейман Елбан", ("governor", "TR", None)),
    # a local head (әкім, аким) no place is named for is the home state's
    ("Италия елшісі Марко Мартин облыс әкімі Асхат Шахаровпен кездесті.", "Асхат Шахаров", ("governor", "KZ", None)),
    ("Посол Италии Марко Мартин встретился с акимом области Асхатом Шахаровым.", "Асхат Шахаров",
     ("governor", "KZ", None)),
    # an envoy's post and a diplomat's title joined to it by a comma: the envoy's
    ("Қазақстан Республикасының Франциядағы Елшісі, ЮНЕСКО жанындағы Тұрақты өкілі Ерлан Сейітов Франция Сенатының "
     "депутаты Жан Дюпонмен кездесті.", "Ерлан Сейітов", ("ambassador", "KZ", "FR")),
    ("Посол Казахстана во Франции, Постоянный представитель при ЮНЕСКО Ерлан Сеитов встретился с сенатором "
     "Франции Жаном Дюпоном.", "Ерлан Сеитов", ("ambassador", "KZ", "FR")),
    ("Ambassador of Kazakhstan to France, Permanent Representative to UNESCO Yerlan Seitov met with French "
     "Senator Jean Dupont.", "Yerlan Seitov", ("ambassador", "KZ", "FR")),
    # a post's word glossed in brackets is one post (Deputy Akim (Governor): a deputy governor)
    ("First Deputy Akim (Governor) of Aktobe Region Yerlan Nurov met the Ambassador of Italy Marco Martini.",
     "Yerlan Nurov", ("deputy-governor", "KZ", None)),
    ("Первый заместитель акима (губернатора) Актюбинской области Ерлан Нуров встретился с Послом Италии Марко "
     "Мартини.", "Ерлан Нуров", ("deputy-governor", "KZ", None)),
    # the director of a body that is no company (a college, a centre) is an official, not a company's executive
    ("Делегация Жезқазған политехникалық колледжіне барды. Колледж директоры Сәуле Нұрбекова қонақтарды қарсы алды.",
     "Сәуле Нұрбекова", ("official", "KZ", None)),
    ("The Ambassador met with the Director General of the Casablanca-Settat Regional Investment Center Hicham Tazi.",
     "Hicham Tazi", ("official", "MA", None)),
    # the head of a region's department is the department's, no governor of the region
    ("Akim of Aktobe region Yerlan Nurov met the Ambassador of Italy Marco Martini. The head of the regional "
     "tourism department Aidos Bekov also attended.", "Aidos Bekov", ("official", "KZ", None)),
    ("Аким Актюбинской области Ерлан Нуров встретился с Послом Италии Марко Мартини. Во встрече участвовал "
     "руководитель областного управления туризма Айдос Беков.", "Айдос Беков", ("official", "KZ", None)),
    # a region's counsellor is its official; an embassy's counsellor serves the embassy's state
    ("Елші Асқар Мұсабаев Ломбардия өңірінің экономикалық даму жөніндегі кеңесшісі Гуидо Гуидеси мырзамен "
     "кездесті.", "Гуидо Гуидеси", ("official", "IT", None)),
    ("Елшілік кеңесшісі Асқар Мұсабаев Ломбардия өңірінің президенті Аттилио Фонтанамен кездесті.",
     "Асқар Мұсабаев", ("diplomat", "KZ", "IT")),
    ("Ambassador of Kazakhstan Askar Musabayev met Counsellor of the Italian Embassy Guido Guidesi.",
     "Guido Guidesi", ("diplomat", "IT", "KZ")),
    # ru: a post in apposition after the name
    ("Арман Садыков, Посол Казахстана в Турции, встретился с губернатором Анкары Мехметом Озтюрком.",
     "Арман Садыков", ("ambassador", "KZ", "TR")),
    # en: an article between the preposition and the host state
    ("The Kazakh Ambassador to the Republic of Turkey, Arman Sadykov, met the Governor of Ankara Mehmet Ozturk.",
     "Arman Sadykov", ("ambassador", "KZ", "TR")),
    # a governor of a province named after its capital city stays a governor
    ("The Kazakh Ambassador to Turkey Arman Sadykov met the Governor of Ankara Mehmet Ozturk.",
     "Mehmet Ozturk", ("governor", "TR", None)),
    # an akim of a city is its mayor
    ("Алматы қаласының әкімі Ерлан Досаев Түркияның Қазақстандағы Елшісі Мехмет Өзтүркпен кездесті.",
     "Ерлан Досаев", ("mayor", "KZ", None)),
    # en: an ambassador named with his own state only serves in the other state the report names
    ("The Ambassador of Japan Jun Yamada met the Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko.",
     "Jun Yamada", ("ambassador", "JP", "KZ")),
    # kk: a post in the genitive and the word for a deputy are the deputy's post
    ("Елші Ербол Сарыбай Анкара губернаторының орынбасары Мехмет Өзтүркпен кездесті.",
     "Мехмет Өзтүрк", ("deputy-governor", "TR", None)),
    # en: each of two names joined by ", and" has its own post in apposition (the mayor he met tells his host)
    ("Murat Aitenov, the Mayor of Shymkent, and Jean Dupont, the Ambassador of France, met.",
     "Jean Dupont", ("ambassador", "FR", "KZ")),
    # heads of regions and towns by other titles: a marshal of a voivodeship, a minister-president, a lord mayor
    ("The Marshal of the Lodz Voivodeship Joanna Nowak met with Kazakh Ambassador Margulan Baimukhan.",
     "Joanna Nowak", ("governor", "PL", None)),
    ("The Minister-President of Saxony Michael Kretschmer met the Ambassador of Kazakhstan Nurzhan Bekenov.",
     "Michael Kretschmer", ("head-of-government", "DE", None)),
    ("Лорд-мэр Лондона Алистер Кинг встретился с Послом Казахстана Магжаном Ильясовым.",
     "Алистер Кинг", ("mayor", "GB", None)),
    # kk: the first deputy of a governor is a deputy-governor
    ("Павлодар облысы әкімінің бірінші орынбасары Руслан Иманкулов Түркияның Елшісі Мехмет Өзтүрікпен кездесті.",
     "Руслан Иманкулов", ("deputy-governor", "KZ", None)),
    # en: a name coordinated after a post, with its own post in apposition, holds its own
    ("The Ambassador met Milan Mayor Giuseppe Sala and Paolo Bianchi, Rector of the University of Milan.",
     "Paolo Bianchi", ("rector", "IT", None)),
    # en: a state's possessive between the name and its post in apposition
    ("Mrs. Aigul Nurlanovna, Kazakhstan's Honorary Consul in Porto, and Porto Mayor Rui Moreira discussed tourism.",
     "Aigul Nurlanovna", ("honorary-consul", "KZ", "PT")),
    # en: a state's adjective before the post with words of the post between
    ("The Kazakh Minister of Energy Almas Sadykov held talks with Hungarian Foreign Minister Peter Szabo.",
     "Peter Szabo", ("minister", "HU", None)),
    # ... but not across words that are not the post's title
    ("Hungarian experts and the Mayor of Kostanay Peter Szabo met.", "Peter Szabo", ("mayor", "KZ", None)),
    # the president of a region, known to the gazetteer or typed by its class noun, is its governor
    ("Посол Казахстана в Италии Ержан Бекенов встретился с президентом региона Ломбардия Аттилио Фонтаной.",
     "Аттилио Фонтана", ("governor", "IT", None)),
    ("Посол Ержан Бекенов встретился с президентом области Венето Лукой Дзайей.",
     "Лука Дзайя", ("governor", None, None)),
    # en: the name after a body's name, the body's words not in it
    ("Ambassador Yerzhan Bekenov met with the President of the Milan Chamber of Commerce Carlo Sangalli.",
     "Carlo Sangalli", ("official", "IT", None)),
    # en: "the country's" before a post in apposition or before it, and a given name that is a frequent word
    ("Kazakh Ambassador to Hungary Nurlan Bekenov met with Peter Szabo, the country's Minister of Foreign Affairs.",
     "Peter Szabo", ("minister", "HU", None)),
    ("Kazakh Ambassador to Hungary Nurlan Bekenov met with the country's Minister of Foreign Affairs Peter Szabo.",
     "Peter Szabo", ("minister", "HU", None)),
    # a vice-president is an official of what he serves (an executive of a company), not a head of state
    ("Ambassador Yerzhan Bekenov met with Vice President of Italy Antonio Bianchi.",
     "Antonio Bianchi", ("official", "IT", None)),
    # kk: a body the lexicon knows as Kazakhstan's, after another state's name, is that state's
    ("Қазақстан Сыртқы істер министрінің орынбасары Ержан Бекенов Италия Сыртқы істер министрлігінің Бас "
     "хатшысы Риккардо Гуариглиямен кездесті.", "Риккардо Гуариглия", ("official", "IT", None)),
    # en: a region's name before the post, as English writes titles, is its jurisdiction
    ("Ambassador Yerzhan Bekenov met with Lombardy Region President Attilio Fontana.",
     "Attilio Fontana", ("governor", "IT", None)),
    # en: a post in apposition may open with capitalised words of its title
    ("The Ambassador met Attilio Fontana, President of Lombardy, and Guido Guidesi, Regional Minister for "
     "Economic Development.", "Guido Guidesi", ("minister", None, None)),
    # en: a post in apposition after the name, in its feminine or neutral form
    ("Ambassador Akylbek Kamaldinov met Mrs. Nişangül Karatayeva, Chairwoman of the Turkish-Kazakh Business "
     "Council.", "Nişangül Karatayeva", ("official", None, None)),
    # kk: a state's name right before a post's word is the post's state, also inside a run of capitalised words
    ("Облыс әкімі Ақмарал Әлназарова Үндістан Елшісі Сайлас Тангалмен кездесті.", "Сайлас Тангал",
     ("ambassador", "IN", "KZ")),
    # kk: a state's name as Russian writes it, which Kazakh reports write too
    ("Облыс әкімі Нұрлыбек Нәлібаев Египет Араб Республикасының Қазақстандағы Елшісі Махмуд Сейфпен кездесті.",
     "Махмуд Сейф", ("ambassador", "EG", "KZ")),
    # a region the gazetteer lacks, named after a town it knows, lies in the town's state
    ("The Governor of Osaka Prefecture Hirofumi Yoshimura met the Ambassador of Kazakhstan Yerlan Baudarbek.",
     "Hirofumi Yoshimura", ("governor", "JP", None)),
    ("Аким Павлодарской области Асаин Байханов принял делегацию Омской области во главе с губернатором "
     "Виталием Хоценко.", "Виталий Хоценко", ("governor", "RU", None)),
    ("Губернатор Астраханской области Игорь Бабушкин провел встречу с акимом Атырауской области Сериком "
     "Шапкеновым.", "Игорь Бабушкин", ("governor", "RU", None)),
    ("Павлодар облысының әкімі Асаин Байханов Омбы облысының губернаторы Виталий Хоценкомен кездесті.",
     "Виталий Хоценко", ("governor", "RU", None)),
    # the head of a ministry is its minister
    ("Глава МИД Венгрии Петер Сийярто провел переговоры с Министром иностранных дел Казахстана Муратом Нуртлеу.",
     "Петер Сийярто", ("minister", "HU", None)),
    ("Венгрия Сыртқы істер министрлігінің басшысы Петер Сийярто Қазақстан Сыртқы істер министрі Мұрат "
     "Нұртілеумен кездесті.", "Петер Сийярто", ("minister", "HU", None)),
    ("The Head of the Ministry of Foreign Affairs of Hungary Peter Szijjarto met with the Minister of Foreign "
     "Affairs of Kazakhstan Murat Nurtleu.", "Peter Szijjarto", ("minister", "HU", None)),
    # one's counterpart holds the post of the one named before him, for the state his adjective names
    ("Kazakh Foreign Minister Murat Nurtleu met with his Hungarian counterpart Peter Szijjarto on Tuesday.",
     "Peter Szijjarto", ("minister", "HU", None)),
    # a post word that is the complement of the post before it (of it, or in its genitive) is not the holder's post
    ("Special Representative of the President of Kazakhstan Arman Issetov met with British Ambassador Kate Lee.",
     "Arman Issetov", ("official", "KZ", None)),
    ("Специальный представитель Президента Казахстана Арман Исетов встретился с Послом Великобритании Кейт Ли.",
     "Арман Исетов", ("official", "KZ", None)),
    ("Помощник Президента Казахстана Арман Исетов встретился с Послом Великобритании Кейт Ли.",
     "Арман Исетов", ("official", "KZ", None)),
    ("Советник министра иностранных дел Арман Исетов встретился с Послом Великобритании Кейт Ли.",
     "Арман Исетов", ("official", "KZ", None)),
    ("Қазақстан Президентінің көмекшісі Арман Исетов Ұлыбритания Елшісі Кейт Лимен кездесті.",
     "Арман Исетов", ("official", "KZ", None)),
    # a member of a parliament's chamber is a parliamentarian; the members' word in the plural genitive after a
    # body's head noun is a word of its name (Палата представителей), no post
    ("Депутат Мажилиса Айдос Сарым встретился с членом Палаты представителей Конгресса США Джоном Смитом.",
     "Джон Смит", ("parliamentarian", "US", None)),
    # a national assembly by its Kazakh name: a parliament
    ("Елші Айдос Сарым Франция Ұлттық ассамблеясының төрағасы Жак Мартенмен кездесті.", "Жак Мартен",
     ("parliamentarian", "FR", None)),
    # the head of a ministry named by its short name (МИД) is a minister, and so is his counterpart
    ("Глава МИД Казахстана Арман Исетов и его венгерский коллега Петер Ковач обсудили вопросы энергетики.",
     "Петер Ковач", ("minister", "HU", None)),
    ("The Head of the MFA of Kazakhstan Arman Issetov met with his Hungarian counterpart Peter Kovacs.",
     "Arman Issetov", ("minister", "KZ", None)),
    ("Hungarian Agriculture Minister Istvan Nagy met the ambassador.", "Istvan Nagy", ("minister", "HU", None)),
    # kk: a post word with the possessive of "our" is the home state's post (Елшіміз: our ambassador)
    ("Елшіміз Арман Исетов форумда баяндама жасады.", "Арман Исетов",
     ("ambassador", "KZ", None)),
    # a sector's word in a post's title between the state and the post (Kazakh Trade Minister)
    ("Kazakh Trade Minister Arman Issetov met with Hungarian Foreign Minister Peter Kovacs in Budapest.",
     "Arman Issetov", ("minister", "KZ", None)),
    ("Hungarian Agriculture Minister Istvan Nagy met the ambassador.", "Istvan Nagy", ("minister", "HU", None)),
    # an English adjective of a state in -ia the language forms by rule (Latvian, Croatian)
    ("Kazakh Foreign Minister Murat Nurtleu met with his Latvian counterpart Ilze Ozola in Riga.",
     "Ilze Ozola", ("minister", "LV", None)),
    ("The Croatian Ambassador to Kazakhstan Ivan Horvat met with the Akim of Almaty.", "Ivan Horvat",
     ("ambassador", "HR", "KZ")),
    ("Министр иностранных дел Казахстана Мурат Нуртлеу встретился со своим венгерским коллегой Петером Сийярто.",
     "Петер Сийярто", ("minister", "HU", None)),
    ("Қазақстан Сыртқы істер министрі Мұрат Нұртілеу венгриялық әріптесі Петер Сийяртомен кездесті.",
     "Петер Сийярто", ("minister", "HU", None)),
    # kk: the head (басшысы) of a region is its governor
    ("Өңір басшысы Нұрдәулет Қилыбай Жапония елшісі Ямада Дзюнмен кездесті.", "Нұрдәулет Қилыбай",
     ("governor", "KZ", None)),
    # ru: the name after a post's body is the holder's, also where the recogniser takes it for a place
    ("Посол провел встречу с ректором Миланского политехнического университета Ферручо Реста.", "Ферручо Реста",
     ("rector", None, None)),
    # a state's name before a body's name and its post is the post's state, not a word of the name before it
    ("Қазақстан Республикасының Сыртқы істер министрі Мұрат Нұртілеу Әзірбайжан Сыртқы істер министрі Джейхун "
     "Байрамовпен кездесті.", "Джейхун Байрамов", ("minister", "AZ", None)),
    # the president of what is no state heads no state
    ("Посол встретился с президентом Конфиндустрии Эмануэле Орсини.", "Эмануэле Орсини", ("official", None, None)),
    # the president of a foundation heads no state
    ("The Ambassador met the President of the Italy-Kazakhstan Foundation Marco Rossi.", "Marco Rossi",
     ("official", None, None)),
    # the head of an embassy or a diplomatic mission is its ambassador
    ("Елшілік басшысы Ерлан Ахметов Киото губернаторы Такатоси Нисиваки мырзамен кездесті.", "Ерлан Ахметов",
     ("ambassador", "KZ", "JP")),
    ("Глава дипмиссии Нурлан Онжанов встретился с губернатором Киото Такатоси Нисиваки.", "Нурлан Онжанов",
     ("ambassador", "KZ", "JP")),
    ("The head of the diplomatic mission Nurlan Onzhanov met with Governor of Kyoto Takatoshi Nishiwaki.",
     "Nurlan Onzhanov", ("ambassador", None, "JP")),
    # the side a person is from tells the state his post serves
    ("Кездесуге Қазақстан тарапынан вице-министр Роман Василенко, жапон тарапынан вице-министр Кендзи Сато қатысты.",
     "Кендзи Сато", ("deputy-minister", "JP", None)),
    ("Кездесуге Қазақстан тарапынан вице-министр Роман Василенко, жапон тарапынан вице-министр Кендзи Сато қатысты.",
     "Роман Василенко", ("deputy-minister", "KZ", None)),
    ("Во встрече с казахстанской стороны принял участие заместитель министра Роман Василенко, с японской стороны — "
     "заместитель министра Кендзи Сато.", "Роман Василенко", ("deputy-minister", "KZ", None)),
    ("Во встрече с казахстанской стороны принял участие заместитель министра Роман Василенко, с японской стороны — "
     "заместитель министра Кендзи Сато.", "Кендзи Сато", ("deputy-minister", "JP", None)),
    ("The meeting was attended by Deputy Minister Roman Vassilenko from the Kazakh side and Deputy Minister Kenji "
     "Sato from the Japanese side.", "Kenji Sato", ("deputy-minister", "JP", None)),
    ("On the Japanese side, the talks were attended by Deputy Minister Kenji Sato.", "Kenji Sato",
     ("deputy-minister", "JP", None)),
    # ... nor over the state the post's own phrase names
    ("Жапония Елшісі Такеши Ивая Қазақстан тарапынан қолдау көрсетілгені үшін алғыс айтты.", "Такеши Ивая",
     ("ambassador", "JP", "KZ")),
    ("Japanese Ambassador Takeshi Iwaya thanked for the support from the Kazakh side.", "Takeshi Iwaya",
     ("ambassador", "JP", "KZ")),
    # ... not a side one meets
    ("Deputy Minister Kenji Sato met the Kazakh side.", "Kenji Sato", ("deputy-minister", None, None)),
    # kk: the speaker of a parliament named as a body (Малайзия Парламенті) is of its members, the state's
    ("Елші Бейбіт Исабаев Малайзия Парламентінің спикері Джохари Абдулмен кездесті.", "Джохари Абдул",
     ("parliamentarian", "MY", None)),
    # a monarch is named by one word after his title
    ("Посол Казахстана Марат Сеитов вручил верительные грамоты Королю Бельгии Филиппу.", "Филипп",
     ("head-of-state", "BE", None)),
    ("Қазақстан Елшісі Марат Сейітов Бельгия Королі Филиппке сенім грамотасын тапсырды.", "Филипп",
     ("head-of-state", "BE", None)),
    # kk: a loanword's endings drop its soft sign (король: Королі), and a post's forms are read so
    ("Елші Марат Сейітов Бахрейн Королі Хамад Әл Халифамен кездесті.", "Хамад Әл Халифа",
     ("head-of-state", "BH", None)),
    # an emir heads a state; a Kazakh vice-premier is a minister, as a Russian one is
    ("Елші Ерлан Оспанов Катар әмірі Тамим Әл Тани мырзамен кездесті.", "Тамим Әл Тани", ("head-of-state", "QA", None)),
    ("Ambassador Yerlan Ospanov met with the Emir of Qatar Tamim Al Thani.", "Tamim Al Thani",
     ("head-of-state", "QA", None)),
    ("Елші Ерлан Оспанов Қазақстанның вице-премьері Серік Жұманғаринмен кездесті.", "Серік Жұманғарин",
     ("minister", "KZ", None)),
    # the chief or first minister of a state or a nation heads its government
    ("Елші Малайзияның Селангор штатының бас министрі Амирудин Шаримен кездесті.", "Амирудин Шари",
     ("head-of-government", "MY", None)),
    ("Посол встретился с главным министром малайзийского штата Селангор Амирудином Шари.", "Амирудин Шари",
     ("head-of-government", "MY", None)),
    ("The ambassador met First Minister John Swinney.", "John Swinney", ("head-of-government", None, None)),
    # kk: a word of a ministry's name that ends as a locative would (Сауда, trade) is no place the phrase ends at
    ("Францияның Сауда министрі Жан Дюпон Астанаға келді.", "Жан Дюпон", ("minister", "FR", None)),
    ("Қытайдың Сауда министрі Ван Вэньтао Алматыға келді.", "Ван Вэньтао", ("minister", "CN", None)),
    # a hokim heads an Uzbek region or city, as an akim heads a Kazakh one
    ("Елші Самарқанд облысының хокимі Эркинжон Турдимовпен кездесті.", "Эркинжон Турдимов", ("governor", "UZ", None)),
    ("Посол встретился с хокимом Самаркандской области Эркинжоном Турдимовым.", "Эркинжон Турдимов",
     ("governor", "UZ", None)),
    ("The ambassador met with the Hokim of Samarkand Region Erkinjon Turdimov.", "Erkinjon Turdimov",
     ("governor", "UZ", None)),
    ("Посол встретился с хокимом города Ташкента Шавкатом Умурзаковым.", "Шавкат Умурзаков", ("mayor", "UZ", None)),
    # ... and where no place is named he is Uzbekistan's, as an akim is the home state's
    ("Елші облыс хокимі Шавкат Өмірзақовпен кездесті.", "Шавкат Өмірзақов", ("governor", "UZ", None)),
    ("Посол встретился с хокимом области Шавкатом Умурзаковым.", "Шавкат Умурзаков", ("governor", "UZ", None)),
    # ... and so is a region's counsellor on a field, the region's head noun before the field's words
    ("Елші Асқар Мұсабаев Ломбардия өңірінің делегациясын қабылдады. Делегация құрамында өңірдің экономикалық даму "
     "жөніндегі кеңесшісі Гуидо Гуидеси болды.", "Гуидо Гуидеси", ("official", "IT", None)),
    # a director in a ministry heads no company
    ("Ambassador Gulsara Arystankulova met the Director of Protocol of the French Foreign Ministry Anne-Marie "
     "Descotes.", "Anne-Marie Descotes", ("official", "FR", None)),
    ("Посол встретился с директором департамента Министерства иностранных дел Франции Анн-Мари Дескот.",
     "Анн-Мари Дескот", ("official", "FR", None)),
    ("Елші Франция Сыртқы істер министрлігі департаментінің директоры Анн-Мари Дескотпен кездесті.",
     "Анн-Мари Дескот", ("official", "FR", None)),
    # his deputy: the deputy of the post named before
    ("Кездесуге Ломбардия өңірінің президенті Аттилио Фонтана, оның орынбасары Марко Альпарони қатысты.",
     "Марко Альпарони", ("deputy-governor", "IT", None)),
    ("Во встрече приняли участие президент Ломбардии Аттилио Фонтана и его заместитель Марко Альпарони.",
     "Марко Альпарони", ("deputy-governor", "IT", None)),
    ("The meeting was attended by the President of Lombardy Attilio Fontana and his deputy Marco Alparone.",
     "Marco Alparone", ("deputy-governor", "IT", None)),
    # a chamber of commerce is no parliament's chamber
    ("Елші Милан сауда палатасының вице-президенті Карло Сангаллимен кездесті.", "Карло Сангалли",
     ("official", "IT", None)),
    ("Посол встретился с вице-президентом Торгово-промышленной палаты Милана Карло Сангалли.", "Карло Сангалли",
     ("official", None, None)),
    # a secretary named beside the noun of an embassy, an ordinal between or not, is its diplomat
    ("Италиядағы Елші Асқар Нұрланов губернатормен кездесті. Кездесуге Елшіліктің екінші хатшысы Айдос Омаров "
     "қатысты.", "Айдос Омаров", ("diplomat", "KZ", "IT")),
    ("The Ambassador Askar Nurlanov met the governor. The meeting was attended by First Secretary of the Embassy "
     "Aidos Omarov.", "Aidos Omarov", ("diplomat", None, None)),
    ("The Ambassador Askar Nurlanov met the governor, joined by the Embassy's Third Secretary Aidos Omarov.",
     "Aidos Omarov", ("diplomat", None, None)),
    # en: the word for a deputy before a post and the words of its field is the deputy's post
    ("Chinese Vice Foreign Minister Sun Weidong met the ambassador.", "Sun Weidong", ("deputy-minister", "CN", None)),
    ("Japanese Deputy Trade Minister Kenji Sato met the ambassador.", "Kenji Sato", ("deputy-minister", "JP", None)),
    ("Turkish Deputy Health Minister Ahmet Kaya met the ambassador.", "Ahmet Kaya", ("deputy-minister", "TR", None)),
    # the Premier of China's State Council heads its government, in Kazakh and Russian as in English
    ("Үкімет басшысы Арман Исетов ҚХР Мемлекеттік кеңесінің Премьері Ли Минмен кездесті.", "Ли Мин",
     ("head-of-government", "CN", None)),
    ("Глава правительства Арман Исетов провел переговоры с Премьером Госсовета КНР Ли Мином.", "Ли Мин",
     ("head-of-government", "CN", None)),
    # a surname that is a state's name before the verb of a meeting is no state of the post after it
    ("Вице-премьер Сербии Марко Мали встретился с послом Казахстана Ерланом Сапаровым.", "Марко Мали",
     ("minister", "RS", None)),
    # ru: the short word for a secretary of state
    ("Министр Ермек Кошербаев встретился с госсекретарем США Марко Рубио.", "Марко Рубио", ("official", "US", None)),
    ("Посол встретился с председателем Казахстанско-венгерского делового совета Ласло Ковачем.", "Ласло Ковач",
     ("official", None, None)),
    ("Елші Қазақстан – Венгрия үкіметаралық комиссиясының төрағасы Ласло Ковачпен кездесті.", "Ласло Ковач",
     ("official", None, None)),
    # a post's name with a hyphen for a space, or a space for a hyphen, is the same post
    ("The Ambassador Askar Nurlanov met with Vice-Governor of Gyeonggi Province Kim Dong-yeon.", "Kim Dong-yeon",
     ("deputy-governor", "KR", None)),
    ("The Ambassador Askar Nurlanov met with Consul-General of Germany Hans Weber.", "Hans Weber",
     ("consul-general", "DE", None)),
    ("The Ambassador Askar Nurlanov met with Director-General of the Tarbiat Foundation Irene Tracy.", "Irene Tracy",
     ("official", None, None)),
    # chancellors head governments; a co-chair, an envoy, a secretary-general and their Russian and Kazakh names
    # are officials: an envoy of a president is no president
    ("The Ambassador Askar Nurlanov met with Federal Chancellor of Germany Hans Weber.", "Hans Weber",
     ("head-of-government", "DE", None)),
    ("Посол Аскар Нурланов встретился с федеральным канцлером Германии Хансом Вебером.", "Ханс Вебер",
     ("head-of-government", "DE", None)),
    ("Елші Асқар Нұрланов Германия канцлері Ханс Вебермен кездесті.", "Ханс Вебер",
     ("head-of-government", "DE", None)),
    ("The Ambassador Askar Nurlanov met with Special Envoy of the President of France Jean Moreau.", "Jean Moreau",
     ("official", "FR", None)),
    ("Посол Аскар Нурланов встретился со спецпредставителем президента Франции Жаном Моро.", "Жан Моро",
     ("official", "FR", None)),
    ("The Ambassador Askar Nurlanov met with Co-Chair of the Tarbiat Foundation Irene Tracy.", "Irene Tracy",
     ("official", None, None)),
    ("Посол Аскар Нурланов встретился с сопредседателем фонда Ириной Трейси.", "Ирина Трейси",
     ("official", None, None)),
    ("Посол Аскар Нурланов встретился с генсеком ОДКБ Имангали Тасмагамбетовым.", "Имангали Тасмагамбетов",
     ("official", None, None)),
    # kk: a state's long form after its name (Корольдігі, Республикасы) carries the case ending of its part
    ("Қазақстанның Испания Корольдігіндегі елшісі Әсел Дүйсенбекова Мадридте болды.", "Әсел Дүйсенбекова",
     ("ambassador", "KZ", "ES")),
    ("Иран Республикасының Қазақстандағы елшісі Али Акбар Джоукар әкіммен кездесті.", "Али Акбар Джоукар",
     ("ambassador", "IR", "KZ")),
    # ... past the adjectives of a long form, as in English and Russian (Араб, Arab Republic of Egypt)
    ("Қазақстан Республикасының Египет Араб Республикасындағы елшісі Бағдат Жұмағалиев губернатормен кездесті.",
     "Бағдат Жұмағалиев", ("ambassador", "KZ", "EG")),
    ("Посол Казахстана в Арабской Республике Египет Багдат Жумагалиев встретился с губернатором.",
     "Багдат Жумагалиев", ("ambassador", "KZ", "EG")),
    # a Spanish town's mayor by his Spanish title
    ("Елші Испанияда қала алькальді Мерседес Гарсия Ортегамен кездесті.", "Мерседес Гарсия Ортега",
     ("mayor", "ES", None)),
    # a post's name written without its hyphen; an embassy's minister-counsellor is its diplomat
    ("Посол провел переговоры с обербургомистром Лейпцига Дирком Хоффманом.", "Дирк Хоффман", ("mayor", "DE", None)),
    ("Во встрече приняла участие советник-посланник посольства Даурен Абишев.", "Даурен Абишев",
     ("diplomat", None, None)),
    ("The meeting was attended by Minister-Counsellor of the Embassy Dauren Abishev.", "Dauren Abishev",
     ("diplomat", None, None)),
    # a permanent representative to an organization (or a UN agency's in a state) is a diplomat
    ("The talks were attended by Permanent Representative of Kazakhstan to the UN Kairat Umarov.", "Kairat Umarov",
     ("diplomat", "KZ", None)),
    ("В переговорах участвовал Постоянный представитель Казахстана при ОБСЕ Гульнар Смагулова.",
     "Гульнар Смагулова", ("diplomat", "KZ", None)),
    # kk: a post in apposition after the name, closed by commas on both sides, is that name's
    ("Рахат Сейітжанов, Қазақстанның Қырғызстандағы Төтенше және өкілетті елшісі, министр Бакыт Торобаевпен "
     "кездесті.", "Рахат Сейітжанов", ("ambassador", "KZ", "KG")),
    ("Гүлнар Есенова, Қазақстанның Бельгиядағы елшісі, компания басшысы Питер Янсенмен кездесті.", "Гүлнар Есенова",
     ("ambassador", "KZ", "BE")),
    ("Алматы облысының әкімі Марат Сұлтанғазиев, Түркияның Қазақстандағы елшісі Мехмет Сертпен кездесті.",
     "Мехмет Серт", ("ambassador", "TR", "KZ")),
    # a Dutch province's head, an Uzbek region's, a member of the US Congress
    ("Посол провёл встречу с Королевским комиссаром провинции Гелдерланд Маартеном ван дер Линденом.",
     "Маартен ван дер Линден", ("governor", None, None)),
    ("The Ambassador met the King's Commissioner of Utrecht Hans Oosters.", "Hans Oosters", ("governor", "NL", None)),
    ("The delegation was headed by Khokim of Samarkand Region Rustam Normatov.", "Rustam Normatov",
     ("governor", "UZ", None)),
    ("He also met with Congressman Thomas Whitaker in Washington.", "Thomas Whitaker", ("parliamentarian", None, None)),
    # the director-general of an international organization heads no company
    ("The Minister met with the Director-General of UNESCO Audrey Azoulay.", "Audrey Azoulay",
     ("official", None, None)),
    ("Министр ЮНЕСКО Бас директоры Одре Азулэмен кездесті.", "Одре Азулэ", ("official", None, None)),
    # ... as a company's does
    ("Министр KEGOC компаниясының бас директоры Бақытжан Қасымовпен кездесті.", "Бақытжан Қасымов",
     ("executive", "KZ", None)),
    # the words of a field in the post's title are no venue, whatever their endings look like (орта: -та)
    ("Министр Фиджи Республикасының Қоршаған орта және климаттың өзгеруі министрі Мосесе Тикоитогамен "
     "кездесті.", "Мосесе Тикоитога",
     ("minister", "FJ", None)),
    # the state of a body no lexicon knows: the one a place named in its name gives
    ("Посол Аскар Нурланов прибыл в Куритибу. В Федерации промышленности штата Парана (FIEP) состоялась встреча с ее "
     "президентом Жулиу Рошей.", "Жулиу Роша", ("official", "BR", None)),
    # a university's deputy head, however named, is a vice-rector
    ("Елші университет ректорының орынбасары Юко Татибанамен кездесті.", "Юко Татибана", ("vice-rector", None, None)),
    ("Посол встретился с заместителем ректора университета Марком Лангом.", "Марк Ланг",
     ("vice-rector", None, None)),
    ("The Ambassador met Vice President of Curtin University Michael Cheung.", "Michael Cheung",
     ("vice-rector", None, None)),
    # ... but a university's vice-chancellor heads it (its chancellor's title is a titular head's): a rector, and a
    # deputy vice-chancellor a vice-rector
    ("Елші Батыс Аустралия университетінің вице-канцлері Эмма Уэйдпен кездесті.", "Эмма Уэйд", ("rector", None, None)),
    ("The Ambassador met Vice-Chancellor of Curtin University Harlene Hayne.", "Harlene Hayne", ("rector", None, None)),
    ("The Ambassador met Curtin University Deputy Vice-Chancellor Prof. Michael Cheung.", "Michael Cheung",
     ("vice-rector", None, None)),
    # kk: a post's word, a comma and a title of no post's word before the name: the post is the name's
    ("Делегация құрамында Мәжіліс депутаты, «Қазақстан – Польша» достық тобының жетекшісі Айгүл Серікова бар.",
     "Айгүл Серікова", ("parliamentarian", "KZ", None)),
    ("Кездесуге Сенат депутаты, аграрлық мәселелер комитетінің мүшесі Ерлан Тоқтаров қатысты.",
     "Ерлан Тоқтаров", ("parliamentarian", "KZ", None)),
    # en: the word for a deputy right before a post, in any case, makes the deputy's post; alone, a member of parliament
    ("The Consul General met the Khokim of Samarkand Region Bakhodir Rakhimov. The meeting was attended by First "
     "Deputy Khokim Dilshod Nurmatov.", "Dilshod Nurmatov", ("deputy-governor", "UZ", None)),
    ("The Consul General met Daniyar Kassymov, deputy chairman of the board of the company.", "Daniyar Kassymov",
     ("official", None, None)),
    ("The Consul General met Mazhilis deputy Aigul Sarsenova.", "Aigul Sarsenova", ("parliamentarian", "KZ", None)),
    # a member of a parliament's chamber, named by a chamber's name or by a head that opens it, is a parliamentarian
    ("The Governor met Kenji Ishibashi, member of the House of Councillors.", "Kenji Ishibashi",
     ("parliamentarian", None, None)),
    ("The Governor met Member of the Mazhilis of the Parliament of Kazakhstan Aigul Yermekova.", "Aigul Yermekova",
     ("parliamentarian", "KZ", None)),
    # en: an officer's or an adviser's post, however qualified; a chief officer of a company heads it
    ("The Ambassador met Governor Beket Nurpeisov. Environmental Affairs Officer Jonas Weber took part in the meeting.",
     "Jonas Weber", ("official", None, None)),
    ("The Ambassador met Governor Beket Nurpeisov, who was accompanied by his advisor Anna Holm.", "Anna Holm",
     ("official", None, None)),
    ("The Ambassador met Lars Berg, Chief Operating Officer of Nordic Food.", "Lars Berg", ("executive", None, None)),
    # the word for a deputy joined by a hyphen to a post: the deputy's post, or another where none is known
    ("The Ambassador met Vice-Marshal Anna Kowal in Lodz.", "Anna Kowal", ("deputy-governor", None, None)),
    ("Посол встретился с вице-маршалом Анной Качмарек.", "Анна Качмарек", ("deputy-governor", None, None)),
    ("The Ambassador met Vice-Chairman Anna Kowal in Lodz.", "Anna Kowal", ("official", None, None)),
    # an envoy's post and a diplomat's title joined to it before the name: the envoy's
    ("Ambassador of Kazakhstan to Austria and Permanent Representative to the International Organizations in Vienna "
     "Ruslan Abenov met Mayor Michael Ludwig.", "Ruslan Abenov", ("ambassador", "KZ", "AT")),
    ("Посол Казахстана в Австрии и Постоянный представитель при международных организациях в Вене Руслан Абенов "
     "встретился с мэром Михаэлем Людвигом.", "Руслан Абенов", ("ambassador", "KZ", "AT")),
    # the state of the university a rector's bare post points back to: the state its name holds
    ("The official visited the Asfendiyarov Kazakh National Medical University, where he met rector Dana Kaliyeva.",
     "Dana Kaliyeva", ("rector", "KZ", None)),
    # ... or the state of a town its name holds, which no mention of a place reads (a university's)
    ("Karaganda Technical University rector Meiram Begentayev met the ambassador.", "Meiram Begentayev",
     ("rector", "KZ", None)),
    ("Tashkent State Technical University rector Bakhodir Tursunov met the ambassador.", "Bakhodir Tursunov",
     ("rector", "UZ", None)),
    # a consul's deputy is a diplomat
    ("Консул встретился с вице-консулом Анной Качмарек.", "Анна Качмарек", ("diplomat", None, None)),
    ("The Consul met Vice Consul Anna Kowal in Lodz.", "Anna Kowal", ("diplomat", None, None)),
    # a company's owner or founder heads it
    ("The governor met the guests. Marco Bellini, owner of Latteria Sole, announced a new plant.", "Marco Bellini",
     ("executive", None, None)),
    ("Аким встретился с основателем компании «Вега» Марко Беллини.", "Марко Беллини", ("executive", None, None)),
    # the head of a delegation, its word the post's complement
    ("В Женеве посол Ержан Тулеев встретился с главой региональной делегации Красного Креста Оливье Дюраном.",
     "Оливье Дюран", ("official", None, None)),
])
def test_posts(text, name, post):
    assert posts_of(text)[name] == post


@pytest.mark.parametrize(("text", "name"), [
    ("Кездесуге «Түркия – Қазақстан» парламенттік достық тобының төрағасы Мехмет Йылмаз қатысты.", "Мехмет Йылмаз"),
    ("В переговорах участвовал председатель депутатской группы по связям с Казахстаном Пабло Рохас.", "Пабло Рохас"),
    ("The Ambassador met the chair of the Chile-Kazakhstan Parliamentary Friendship Group, Sofia Morales.",
     "Sofia Morales"),
])
def test_the_chair_of_a_parliament_s_friendship_group_is_a_parliamentarian(text, name):
    assert posts_of(text)[name][0] == "parliamentarian"


@pytest.mark.parametrize(("text", "name", "role"), [
    # a post, then after a comma a second title whose word names any post: the first post is his
    ("В переговорах участвовал депутат Сейма, руководитель группы по связям с парламентами Азии Ян Ковальский.",
     "Ян Ковальский", "parliamentarian"),
    ("The talks were attended by Member of the Mazhilis, head of the friendship group Yerzhan Abdykarimov.",
     "Yerzhan Abdykarimov", "parliamentarian"),
    # ... but a second post of its own stands (and one with no comma before it is the first's complement)
    ("В переговорах участвовал депутат Сейма, председатель правления компании «Орлен» Ян Ковальский.",
     "Ян Ковальский", "executive"),
    ("В переговорах участвовал руководитель отдела посольства Ян Ковальский.", "Ян Ковальский", "official"),
])
def test_a_post_before_a_second_title(text, name, role):
    assert posts_of(text)[name][0] == role


@pytest.mark.parametrize(("text", "names", "role"), [
    ("Сенаторы Алия Садыкова и Руслан Беков встретились с Послом Испании в Казахстане Луисом Ортегой.",
     ("Алия Садыкова", "Руслан Беков"), "parliamentarian"),
    # kk: a post in the plural is each coordinated name's; in the singular, the first name's only (below)
    ("Облыс әкімінің орынбасарлары Серік Жұмабеков пен Ерлан Ақенов Корея елшісі Ли Чан Ёнмен кездесті.",
     ("Серік Жұмабеков", "Ерлан Ақенов"), "deputy-governor"),
    ("Қазақстан елшісі Марат Омаров Венгрия Парламентінің депутаттары Янош Сабо және Петер Хорват мырзалармен "
     "кездесті.", ("Янош Сабо", "Петер Хорват"), "parliamentarian"),
    # en: a post's word in the plural is no word of a name
    ("The Ambassador of Kazakhstan Marat Omarov met with Hungarian Parliamentarians Janos Szabo and Peter "
     "Horvath.", ("Janos Szabo", "Peter Horvath"), "parliamentarian"),
])
def test_coordinated_names_share_a_post(text, names, role):
    posts = posts_of(text)
    assert all(n in posts and posts[n][0] == role for n in names)


def test_a_post_in_the_singular_is_the_first_coordinated_names_only():
    assert "Ли Чан Ён" not in posts_of("Облыс әкімі Асхат Шахаров пен Ли Чан Ён кездесті.")


def places_of(text: str) -> list[str | None]:
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    return [names.get(m.location) if m.location else None for m in x.meetings]


@pytest.mark.parametrize(("text", "place"), [
    # a body after "at" or "в" right after the one met: where they met
    ("Deputy Minister Anna Berg received the Ambassador of Kazakhstan Aidar Kenzhebekov at the Ministry of Economy "
     "of Sweden on Tuesday.", "Ministry of Economy of Sweden"),
    ("Governor Jan Novak met the Ambassador of Kazakhstan Aidar Kenzhebekov at the Chamber of Commerce of Moravia.",
     "Chamber of Commerce of Moravia"),
    ("Посол Казахстана Айдар Кенжебеков встретился с губернатором Яном Новаком в Торгово-промышленной палате "
     "Моравии.", "Торгово-промышленная палата Моравии"),
    # a place's Latin name is found with its diacritics or without them (Pécs, the gazetteer's Pecs)
    ("During the meeting with Mr. Zoltán Kovács, the Mayor of Pécs, Ambassador Nurbakh Rustemov discussed "
     "educational exchanges.", "Pecs"),
    # where the meeting named by its noun was held, no other name between the place and the verb
    ("Елші Асқар Мұсабаев Лацио өңірінің президенті Франческо Роккамен кездесті. Кездесу Рим қаласында өтті.",
     "Рим"),
    ("Посол Асхат Мусабаев провел встречу с губернатором области Лацио Франческо Роккой. Встреча состоялась в "
     "здании региональной администрации в Риме.", "Рим"),
    ("Ambassador Askar Musabayev met the President of the Lazio Region Francesco Rocca. The meeting was held in "
     "Rome.", "Rome"),
    ("Ambassador Askar Musabayev met the President of the Lazio Region Francesco Rocca. The meeting held in the "
     "Office of the President Francesco Rocca concerned trade in Rome.", "Lazio"),
    ("Алматы облысының әкімі Марат Сұлтанғазиев Жапония елшісі Джун Ямаданы қабылдады. Кездесу соңында тараптар "
     "ынтымақтастықтың маңыздылығын атап өтті, оның ішінде Қонаев қаласында аймақ құру.", "Алматы облысы"),
    # the town of a visit, told in the locative, is where the meeting told next took place
    ("Қазақстанның Италиядағы елшісі Асқар Мұсабаев Милан қаласында жұмыс сапарында болды. Кездесу барысында "
     "Ломбардия өңірінің президенті Аттилио Фонтана өңірдің әлеуетін таныстырды.", "Милан"),
    # the company a delegation's member comes from is not where the delegation was received
    ("Облыс әкімінің орынбасары Нұрлан Бекұлы Италия делегациясын қабылдады. Делегация құрамында Италия елшісі "
     "Марко Мартин, Eni компаниясының өкілі Лука Росси бар.", None),
    # the region of a delegation received is not where the meeting took place
    ("Аким Алматинской области Марат Султангазиев принял делегацию провинции Шэньси во главе с "
     "вице-губернатором Ли Мином.", "Алматинская область"),
    # ru: a dateline in running case, a place and a comma before the day
    ("Баку, 12 марта 2024 года – Посол Республики Казахстан в Азербайджане Арман Садыков встретился "
     "с Министром энергетики Азербайджана Рашадом Гулиевым.", "Баку"),
    # en: the same
    ("Baku, 12 March 2024 - The Ambassador of Kazakhstan to Azerbaijan Arman Sadykov met with "
     "the Minister of Energy of Azerbaijan Rashad Guliyev.", "Baku"),
    # ru: "в" before the word of meeting; the words of the post phrase after it are no place
    ("В Анкаре Посол Казахстана в Турции Арман Садыков встретился с Министром энергетики Турции "
     "Мехметом Озтюрком.", "Анкара"),
    # en: "in" right after the person met
    ("The Ambassador of Kazakhstan to Turkey Arman Sadykov met with the Minister of Energy of Turkey "
     "Mehmet Ozturk in Istanbul on 3 May 2024.", "Istanbul"),
    # a place further on is where something else happened
    ("Посол Казахстана в Турции Арман Садыков встретился с мэром Измира Мехметом Озтюрком, "
     "обсудив итоги форума, прошедшего в Анкаре.", "Измир"),
    # kk: a known town with its head noun in the locative is where they met, not the host's region
    ("Павлодар облысының әкімі Асан Серікбаев Беларусь елшісі Павел Ковальмен Екібастұз қаласында кездесті.",
     "Екібастұз"),
    # ... not a town in the locative after it, where something else is to be done
    ("Павлодар облысының әкімі Асан Серікбаев Беларусь елшісі Павел Ковальмен кездесті. Кездесу соңында "
     "тараптар Екібастұз қаласында зауыт салуды талқылады.", "Павлодар облысы"),
    # where, past the apposition a comma closes
    ("Ambassador Yerzhan Ashikbayev met with Mr. John Doe, Chairman of the Board of ABC Corporation, in Houston.",
     "Houston"),
    ("Посол Ержан Ашикбаев встретился с Джоном Доу, председателем правления компании ABC, в Хьюстоне.",
     "Хьюстон"),
    # a word for the place's class between the preposition and the name (в г., в городе, in the city of)
    ("В г. Уральске аким области Нариман Торегалиев встретился с Послом Польши Яном Ковальским.", "Уральск"),
    ("Аким области Нариман Торегалиев встретился с Послом Польши Яном Ковальским в городе Уральске.", "Уральск"),
    ("The Akim of the region Nariman Toregaliyev met the Ambassador of Poland Jan Kowalski in the city of Uralsk.",
     "Uralsk"),
    # kk: a proposed town in the locative before a region's name and head is where, not a word of the region
    ("Қазақстанның Үндістандағы Елшісі Нұрлан Жалғасбаев 15 мамырда Мумбайда Махараштра штатының губернаторы "
     "Рамеш Байспен кездесті.", "Бомбей"),
    # ru: a city's name after a region's class noun names the place (a prefecture shares its city's name)
    ("В ходе встречи с губернатором префектуры Осака Хирофуми Ёсимурой Посол Ерлан Байжанов обсудил туризм.",
     "Осака"),
    # kk: a town in the locative after a name read after a post is where they met, not the name's last word
    ("Елші Ержан Бекенов пен губернатор Хирофуми Ёсимура Осакада кездесті.", "Осака"),
    # kk: the town of the venue in the locative (the embassy in Tokyo), which ends the post phrase after it
    ("Елші Ержан Бекенов Токиодағы Қазақстан елшілігінде губернатор Хирофуми Ёсимураны қабылдады.", "Токио"),
    ("Кеше Токиодағы Қазақстан елшілігінде Елші Ержан Бекенов губернатор Хирофуми Ёсимураны қабылдады.", "Токио"),
    # ... not a town of a post phrase (the ambassador in Tokyo)
    ("Қазақстанның Токиодағы елшісі Ержан Бекенов Осакада губернатор Хирофуми Ёсимурамен кездесті.", "Осака"),
    # kk: the place one went to (барып, a converb of the verb of going) before meeting someone there
    ("Елші Ержан Бекенов Гродно облысына барып, компания басшысы Павел Ляховичпен кездесті.", "Гродно облысы"),
    # a visit to a region, then a meeting with the mayor of a town: the town
    ("Елші Ержан Бекенов Ломбардияға жұмыс сапарымен барды. Елші Бергамо мэрі Джорджо Горимен келіссөздер "
     "жүргізді.", "Бергамо"),
    # the dateline where no diplomat took part, in the state of one who did; not the other side's ministry, nor
    # a ministry for a post that a dash precedes
    ("ASTANA, 14 April 2025 – Deputy Foreign Minister of Kazakhstan Daulet Ospanov received a delegation led by "
     "the Secretary of State of the Ministry of Foreign Affairs of Portugal Rui Costa.", "Astana"),
    # kk: a dateline in running case with the year first
    ("Аддис-Абеба, 2024 жылғы 21 қараша. Қазақстанның Эфиопиядағы елшісі Бауыржан Тілеубердиев Эфиопияның Ауыл "
     "шаруашылығы министрі Гирма Аменумен кездесті.", "Аддис-Абеба"),
    # a dateline in capitals with a dash after it
    ("BRUSSELS – Kazakh Ambassador to Belgium Arman Issetov met with the Foreign Minister of Belgium Jean Dupont.",
     "Brussels"),
    # a call is held nowhere a report need say: no place but one its sentence states
    ("ASTANA – Kazakh Foreign Minister Arman Issetov and his Uzbek counterpart Aziz Karimov discussed regional "
     "connectivity during a phone call.", None),
    ("Сыртқы істер министрі Арман Исетов Өзбекстан Сыртқы істер министрі Әзиз Каримовпен телефон арқылы "
     "сөйлесті.", None),
    # a visit to a foreign state: the place its officials head, not the visitors' own region
    ("Делегация Туркестанской области во главе с акимом Дарханом Сатыбалды посетила Японию, где провела встречу с "
     "губернатором префектуры Осака Хирофуми Ёсимурой.", "Осака"),
    ("A delegation of Turkistan Region headed by Akim Darkhan Satybaldy visited Japan and met with the Governor of "
     "Osaka Prefecture Hirofumi Yoshimura.", "Osaka Prefecture"),
    # a dateline with the month first, in the state a delegation visits: not the body its leader sits in
    ("Rome, May 4, 2025. A delegation of the Mazhilis of the Parliament of Kazakhstan led by Deputy Aidos Serikov is "
     "paying an official visit to Italy. On May 3, Deputy Serikov met with Senator Marco Bellini.", "Rome"),
    ("Рим, 4 мая 2025 года. Делегация Мажилиса Парламента Казахстана во главе с депутатом Айдосом Сериковым "
     "находится с официальным визитом в Италии. 3 мая депутат Сериков встретился с сенатором Марко Беллини.", "Рим"),
    # ... and no place where the visited state gives none: not the delegation's own chamber
    ("Deputy of the Mazhilis Aidos Serikov is paying an official visit to Italy. On May 3, he met with Senator Marco "
     "Bellini.", None),
    ("Депутат Мажилиса Айдос Сериков находится с официальным визитом в Италии. 3 мая депутат Мажилиса Айдос Сериков "
     "встретился с сенатором Марко Беллини.", None),
    # ... but the body one heads where its state is not known (a university abroad)
    ("Елші Жан Ғалиев Португалияға жұмыс сапарымен барды. Елшінің сапары Universidade do Minho университетінің "
     "проректоры Рауль Фангейрумен кездесумен аяқталды.", "Universidade do Minho университеті"),
    # the place of an event held just before, within which the meeting took place
    ("12 наурызда Алматыда Қазақстан-Корея инвестициялық форумы өтті. Форум аясында Сауда министрі Арман Исетов "
     "Корея Сауда министрі Ким Чжон Хомен кездесті.", "Алматы"),
    ("12 марта в Алматы прошел казахстанско-корейский инвестиционный форум. В рамках форума министр торговли "
     "Арман Исетов встретился с министром торговли Кореи Ким Чжон Хо.", "Алматы"),
    ("A Kazakh-Korean investment forum was held in Almaty on 12 March. On its sidelines, Minister of Trade Arman "
     "Issetov met with the Minister of Trade of Korea Kim Jong-ho.", "Almaty"),
    # the town of a consulate, where its head met someone and no word says he went elsewhere
    ("Генеральный консул Казахстана в Дубае Асель Нурова провела встречу с председателем правления компании "
     "«Desert Lines» Халидом Аль-Саиди.", "Дубай"),
    ("Қазақстанның Стамбулдағы Бас консулы Ерлан Ташенов Мехмет Йылмазбен кездесті.", "Стамбұл"),
    ("Consul General of Kazakhstan in Frankfurt Ruslan Kuanyshev visited Bavaria, where he met with State Minister "
     "Klaus Berger.", "Bavaria"),
    # a body visited whose name holds a town or region: the body, not the town
    ("Посол Казахстана Аскар Жаркенов прибыл в штат Парана. На следующий день посол посетил Федеральный университет "
     "Параны, где встретился с ректором Марией Кардозу.", "Федеральный университет Параны"),
    ("Ambassador Askar Nurlanov visited the Governorate of Izmir, where he met the Governor of Izmir Suleyman Elban, "
     "following events held in Aktau.", "Governorate of Izmir"),
    # the body a meeting was held in, named before the verb of holding, and its short name in brackets
    ("Посол Аскар Нурланов прибыл в Перт. Затем в Торгово-промышленной палате штата Западная Австралия (CCIWA) "
     "состоялась встреча посла с ее председателем Джоном Смитом.",
     "Торгово-промышленная палата штата Западная Австралия"),
    # the region a visiting delegation's leader governs is where it comes from, not where it meets: the body its host
    # heads is
    ("Делегация Мангистауской области во главе с акимом области Ерланом Тасбулатовым находится с визитом в "
     "Азербайджане. Делегация провела встречу с заместителем министра экономики Азербайджана Эльнуром Гасымовым.",
     "Министерство экономики Азербайджана"),
    ("Маңғыстау облысының әкімі Ерлан Тасбулатов бастаған делегация Әзірбайжанда сапармен жүр. Делегация "
     "Әзірбайжанның экономика министрінің орынбасары Эльнур Гасымовпен кездесті.", "Әзірбайжан Экономика министрлігі"),
    ("A delegation of Mangystau Region led by Governor Yerlan Tasbulatov is on a visit to Azerbaijan. The delegation "
     "met the Deputy Minister of Economy of Azerbaijan Elnur Gasymov.", "Ministry of Economy of Azerbaijan"),
])
def test_meeting_place(text, place):
    assert places_of(text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # where the text leaves the place open, the title's place of the meeting, before the host's body
    ("Астанада АӨСШК Атқарушы директорымен кездесу өтті\n\nҚазақстан Республикасының Сыртқы істер министрінің "
     "орынбасары Әлібек Жанұзақов АӨСШК Атқарушы директоры Талғат Мамырайымовты қабылдады.\n\nКездесуге "
     "Әзірбайжанның Қазақстандағы Елшісі Рәшад Гусейнзаде қатысты.", "Астана"),
    ("В Астане прошла встреча с исполнительным директором СВМДА\n\nЗаместитель министра иностранных дел Республики "
     "Казахстан Алибек Жанузаков принял исполнительного директора СВМДА Талгата Мамырайымова.\n\nВо встрече "
     "принял участие Посол Азербайджана в Казахстане Рашад Гусейнзаде.", "Астана"),
    (" date 2025-10-10 Главы МИД встретились в Душанбе\nДУШАНБЕ. KAZINFORM – На полях заседания Совета глав "
     "государств СНГ министр иностранных дел Казахстана Ерлан Бекжанов встретился с министром иностранных дел "
     "Узбекистана Фарходом Ташпулатовым.", "Душанбе"),
    # a dateline of two words in capitals, of a third state, where no visit is told: not the seat of a side's body
    ("NEW YORK – Minister of Foreign Affairs of Kazakhstan Daulet Mukanov met with Minister of Foreign Affairs of "
     "Luxembourg Claude Weber on the sidelines of the UN General Assembly.", "New York"),
    ("НЬЮ-ЙОРК. KAZINFORM – Министр иностранных дел Казахстана Даулет Муканов встретился с министром иностранных дел "
     "Люксембурга Клодом Вебером на полях Генеральной Ассамблеи ООН.", "Нью-Йорк"),
    # where a series of meetings told before them was held, before the dateline
    ("АНКАРА, 12 мар – Trend. Посол Казахстана в Турции Ерлан Кулмаганбетов провел в Стамбуле серию встреч с "
     "руководством деловых кругов. 11 марта дипломат встретился с вице-президентом Союза палат Халилом Озтюрком.",
     "Стамбул"),
    ("ANKARA – The Ambassador of Kazakhstan to Turkey Yerlan Kulmaganbetov held a series of meetings in Istanbul with "
     "business leaders. On March 11, the diplomat met with Vice President of the Union of Chambers Halil Ozturk.",
     "Istanbul"),
    ("АНКАРА. ҚазАқпарат - Қазақстанның Түркиядағы елшісі Ерлан Кулмағанбетов Стамбулда іскер топтармен бірқатар "
     "кездесулер өткізді. 11 наурызда дипломат Палаталар одағының вице-президенті Халил Озтюркпен кездесті.",
     "Стамбұл"),
    # where something told before it was held, before the seat of the body one of them heads
    ("Сәрсенбі күні Мәскеу қаласында Қазақстан – Ресей іскерлік форумы өтті. Форум жұмысына Қазақстанның Ресейдегі "
     "елшісі Ерлан Қалиев қатысты.\n\nФорумнан кейін Сыртқы істер министрінің орынбасары Арман Бекенов Ресей "
     "экономикалық даму министрінің орынбасары Илья Торосовпен кездесті.", "Мәскеу"),
])
def test_a_place_the_meetings_sentences_leave_open(text, place):
    assert set(places_of(text)) == {place}


@pytest.mark.parametrize(("text", "name", "role"), [
    # common words after a post are the body's name, not a person's; the director of a region's
    # department heads no company
    ("The Director of Cultural Affairs of the Province of Karaganda Mr. Nurlan Abenov met the Consul General "
     "of Turkey Mehmet Ozturk.", "Nurlan Abenov", "official"),
])
def test_posts_after_common_word_names(text, name, role):
    posts = posts_of(text)
    assert posts[name][0] == role
    assert "Cultural Affairs" not in posts


@pytest.mark.parametrize(("text", "name", "role"), [
    # given names that are common words too stay name words
    ("The Ambassador of Canada to Kazakhstan John Smith met the Akim of Kostanay region Yerlan Tokenov.",
     "John Smith", "ambassador"),
    # after an honorific even common words are a name
    ("The Consul General of Ireland Mr. Grace Young met the Akim of Kostanay region Yerlan Tokenov.",
     "Grace Young", "consul-general"),
])
def test_english_names_of_common_words(text, name, role):
    assert posts_of(text)[name][0] == role


@pytest.mark.parametrize(("text", "expected"), [
    # officials of two states joined by "and" who discussed together met, with no word of meeting
    ("Павлодар облысының әкімі Асан Серікбаев пен Түркияның Қазақстандағы Елшісі Мехмет Өзтүрк "
     "сауда мәселелерін талқылады.", [{"Асан Серікбаев", "Мехмет Өзтүрк"}]),
    ("The Akim of Pavlodar region Asan Serikbayev and the Ambassador of Turkey to Kazakhstan Mehmet Ozturk "
     "discussed trade.", [{"Asan Serikbayev", "Mehmet Ozturk"}]),
    # an envoy whose state the report does not say, and another state's official
    ("Посол Ербол Сарыбай и губернатор Анкары Васип Шахин обсудили вопросы сотрудничества.",
     [{"Ербол Сарыбай", "Васип Шахин"}]),
    # en: a name before "and" and another post is complete (no title goes on)
    ("The Governor of Izmir Suleyman Akin and Consul General of Kazakhstan Aigul Nurova discussed trade.",
     [{"Suleyman Akin", "Aigul Nurova"}]),
    # ... or one with the other: the instrumental case, "с", "with"
    ("Елші Тимур Сапаров Краков қаласының мэрі Ян Ковальмен пікір алмасты.", [{"Тимур Сапаров", "Ян Коваль"}]),
    ("Посол Казахстана Тимур Сапаров обменялся мнениями с мэром Кракова Яном Ковалем.",
     [{"Тимур Сапаров", "Ян Коваль"}]),
    ("The Ambassador of Kazakhstan Timur Saparov exchanged views with the Mayor of Krakow Jan Kowal.",
     [{"Timur Saparov", "Jan Kowal"}]),
    # signing together is a joint act too; a Kazakh word of it may be two words (қол қойды)
    ("Қазақстанның Польшадағы елшісі Асқар Бекмұратов Краков мэрі Анджей Новакпен келісімге қол қойды.",
     [{"Асқар Бекмұратов", "Анджей Новак"}]),
    # an envoy accredited to a state and an official whose state is not said: its host's
    ("Marat Omarov, Ambassador of Kazakhstan to Hungary, and Gergely Gulyás, Minister of the Prime Minister's "
     "Office, discussed bilateral relations.", [{"Marat Omarov", "Gergely Gulyás"}]),
    ("Қазақстанның Бельгиядағы Елшісі Роман Василенко мен Эно провинциясының губернаторы Люк Дюпон логистика "
     "саласындағы ынтымақтастықты талқылады.", [{"Роман Василенко", "Люк Дюпон"}]),
    # en: names with their posts in apposition, joined by a comma and "and"
    ("The Akim of Atyrau Region, Serik Shapkenov, and the Consul General of France, Pierre Dupont, discussed "
     "cooperation in the oil and gas sector.", [{"Serik Shapkenov", "Pierre Dupont"}]),
])
def test_joint_discussion_is_a_meeting(text, expected):
    assert meetings_of(text) == expected


@pytest.mark.parametrize(("text", "name", "post"), [
    # a diplomat who names no state of his own: the official he met tells the host
    ("Елші Кэндзи Сато Ақтөбе облысының әкімі Асан Серікбаевпен кездесті. Тараптар Жапония мен Қазақстан "
     "арасындағы ынтымақтастықты талқылады.", "Кэндзи Сато", ("ambassador", "JP", "KZ")),
    ("Посол Арман Садыков встретился с губернатором Анкары Мехметом Озтюрком. Стороны обсудили "
     "сотрудничество Казахстана и Турции.", "Арман Садыков", ("ambassador", "KZ", "TR")),
    # a diplomat of a known state whose host no word names: the officials of the one other state he met
    ("Japanese Ambassador Yamada Jun met with the Governor of Almaty Region Marlen Iskakov.", "Yamada Jun",
     ("ambassador", "JP", "KZ")),
    ("The Governor of Turkistan Region, Darkhan Satybaldy, hosted the Ambassador of Uzbekistan, Bakhtiyor "
     "Ibragimov.", "Bakhtiyor Ibragimov", ("ambassador", "UZ", "KZ")),
    # ... and one who meets beside a diplomat of a named state and host is of his mission
    ("Mayor Jan Nowak hosted the Ambassador of Kazakhstan to Poland Askar Bekov. The embassy's counsellor Dana "
     "Serikova also took part in the talks.", "Dana Serikova", ("diplomat", "KZ", "PL")),
    ("Аким области Асхат Шахаров принял Посла Франции в Казахстане Марка Мартена. Во встрече принял участие "
     "советник посольства Пьер Дюран.", "Пьер Дюран", ("diplomat", "FR", "KZ")),
    ("Қазақстанның Мысырдағы Елшісі Бағдат Әлиев мэр Ахмед Салехпен кездесті. Кездесуге елшілік кеңесшісі "
     "Сәкен Әлімов қатысты.", "Сәкен Әлімов", ("diplomat", "KZ", "EG")),
    # a diplomatic rank (first, second, third secretary) names a diplomat with no embassy beside it
    ("Mayor Jan Nowak hosted the Ambassador of Kazakhstan to Poland Askar Bekov. He was accompanied by Second "
     "Secretary Dana Serikova.", "Dana Serikova", ("diplomat", "KZ", "PL")),
    ("Аким области Асхат Шахаров принял Посла Франции в Казахстане Марка Мартена. Во встрече принял участие "
     "третий секретарь Пьер Дюран.", "Пьер Дюран", ("diplomat", "FR", "KZ")),
    ("Қазақстанның Мысырдағы Елшісі Бағдат Әлиев мэр Ахмед Салехпен кездесті. Кездесуге бірінші хатшы "
     "Сәкен Әлімов қатысты.", "Сәкен Әлімов", ("diplomat", "KZ", "EG")),
])
def test_diplomat_states_from_counterparts(text, name, post):
    assert posts_of(text)[name] == post


@pytest.mark.parametrize(("text", "name", "country"), [
    # a head no word gives a state heads the home state's ...
    ("Премьер-министр Айдос Сапаров принял Посла Франции в Казахстане Пьера Дюбуа.", "Айдос Сапаров", "KZ"),
    ("Глава государства Болат Ерланов принял Посла Казахстана в Малайзии Армана Серикова.", "Болат Ерланов", "KZ"),
    # ... but the host's, where the home state's diplomat met him there or handed him his credentials
    ("Посол Казахстана в Малайзии Арман Сериков встретился с Премьер-министром Ахмадом Рашидом в Куала-Лумпуре.",
     "Ахмад Рашид", "MY"),
    ("Қазақстанның Венгриядағы Елшісі Әлия Серікова Президент Петер Ковачқа сенім грамоталарын тапсырды.",
     "Петер Ковач", "HU"),
    ("Посол Казахстана в Малайзии Арман Сериков встретился с Премьер-министром Ахмадом Рашидом в Астане.",
     "Ахмад Рашид", "KZ"),
])
def test_a_head_met_abroad_heads_the_host_state(text, name, country):
    assert posts_of(text)[name][1] == country


@pytest.mark.parametrize(("text", "name", "country"), [
    # an official of no state whom an envoy accredited to several states met in one of them is of that one
    ("Посол Казахстана в Эфиопии и по совместительству в Кении Арман Сериков посетил Момбасу, где встретился с "
     "губернатором Джоном Камау.", "Джон Камау", "KE"),
    ("The Ambassador of Kazakhstan to Ethiopia, also accredited to Kenya, Arman Serikov met Governor John Kamau "
     "in Mombasa.", "John Kamau", "KE"),
    # ... and of the state he is accredited to where they met at home or in no state named
    ("Посол Казахстана в Эфиопии Арман Сериков встретился с губернатором Абебе Бекеле.", "Абебе Бекеле", "ET"),
])
def test_an_envoy_accredited_to_several_states_met_an_official_where_he_was(text, name, country):
    assert posts_of(text)[name][1] == country


@pytest.mark.parametrize(("text", "name", "country"), [
    # an official named right after a foreign envoy, the two meeting someone together, is of the envoy's state
    ("Ambassador of Canada to Kazakhstan Anne Tremblay and Trade Commissioner Paul Girard met with Akim of Kostanay "
     "region Berik Zhaksylykov.", "Paul Girard", "CA"),
    ("Посол Канады в Казахстане Анна Трамбле и торговый представитель Поль Жирар встретились с акимом Костанайской "
     "области Бериком Жаксылыковым.", "Поль Жирар", "CA"),
    # ... not one the envoy met: he is of the state the envoy serves in
    ("Ambassador of Canada to Kazakhstan Anne Tremblay met with Akim of Kostanay region Berik Zhaksylykov and "
     "Trade Commissioner Paul Girard.", "Paul Girard", "KZ"),
])
def test_an_official_beside_an_envoy_is_of_his_state(text, name, country):
    assert posts_of(text)[name][1] == country


@pytest.mark.parametrize(("text", "name", "country"), [
    # an official whose post names no state, beside a foreign official, is the home state's
    ("Сыртқы істер министрі Арман Исетов Латвия Сыртқы істер министрі Илзе Озоламен телефон арқылы сөйлесті.",
     "Арман Исетов", "KZ"),
    ("Министр иностранных дел Арман Исетов провел переговоры с Министром иностранных дел Латвии Илзе Озолой.",
     "Арман Исетов", "KZ"),
    # not in English, whose reports presume no state
    ("Foreign Minister Arman Issetov held talks with the Minister of Foreign Affairs of Latvia Ilze Ozola.",
     "Arman Issetov", None),
    # nor in a larger meeting, where he may be of the foreign delegation
    ("Аким Мангистауской области Арман Исетов встретился с делегацией гостей. В состав делегации вошли "
     "заместитель министра экономики Азербайджана Эльнур Алиев и президент Ассоциации портов Каспия Рашад Мамедов.",
     "Рашад Мамедов", None),
    # an official of no state at a meeting held in the home state, no foreign state named with him, is its own
    ("Представитель ЮНИСЕФ Анна Рирдон встретилась в Астане с министром просвещения Гани Бейсембаевым. Во встрече "
     "также принял участие вице-министр экологии Бауыржан Есенов.", "Бауыржан Есенов", "KZ"),
    ("ЮНИСЕФ өкілі Анна Рирдон Астанада оқу-ағарту министрі Ғани Бейсембаевпен кездесті. Кездесуге экология "
     "вице-министрі Бауыржан Есенов қатысты.", "Бауыржан Есенов", "KZ"),
    # ... not at one held abroad
    ("Представитель ЮНИСЕФ Анна Рирдон встретилась в Женеве с министром просвещения Гани Бейсембаевым. Во встрече "
     "также принял участие директор департамента Жан Мартен.", "Жан Мартен", None),
])
def test_an_official_of_no_state_beside_a_foreign_one_is_the_home_states(text, name, country):
    assert posts_of(text)[name][1] == country


@pytest.mark.parametrize(("text", "countries"), [
    # two heads of state of no state named together: the report's own first, the foreign state it names after
    ("Елші Ахмет Сейітов Өзбекстан Сыртқы істер министрі Бахтиёр Саидовпен кездесті. Тараптар Мемлекет басшылары "
     "Қасым-Жомарт Тоқаев пен Шавкат Мирзиёевтің уағдаластықтарын талқылады.",
     {"Қасым-Жомарт Тоқаев": "KZ", "Шавкат Мирзиёев": "UZ"}),
    ("Посол Ахмет Сеитов встретился с министром иностранных дел Узбекистана Бахтиёром Саидовым. Документ реализуется "
     "в рамках договоренностей, достигнутых президентами Касым-Жомартом Токаевым и Шавкатом Мирзиёевым.",
     {"Касым-Жомарт Токаев": "KZ", "Шавкат Мирзиёев": "UZ"}),
    # ... but one named alone is the home state's, as before
    ("Посол Ахмет Сеитов встретился с министром иностранных дел Узбекистана Бахтиёром Саидовым. Он передал привет "
     "от Президента Касым-Жомарта Токаева.", {"Касым-Жомарт Токаев": "KZ"}),
])
def test_two_heads_named_together_head_two_states(text, countries):
    posts = posts_of(text)
    assert {name: posts[name][1] for name in countries} == countries


@pytest.mark.parametrize(("text", "name", "country"), [
    # the members of a delegation whose state is named beside it are of that state, where their posts name none
    ("Аким Мангистауской области Арман Исетов встретился с делегацией Азербайджана. В состав делегации вошли "
     "заместитель министра экономики Азербайджана Эльнур Алиев и президент Ассоциации портов Каспия Рашад Мамедов.",
     "Рашад Мамедов", "AZ"),
    ("Ақтөбе облысының әкімі Арман Исетов Қытай делегациясын қабылдады. Делегация құрамында провинцияның сауда "
     "департаментінің директоры Ли Мин болды.", "Ли Мин", "CN"),
    # ... and so are the members of a group a foreigner leads, named with him or right after (his state's, not the
    # host's)
    ("Облыс әкімі Марат Омаров Нидерланд Корольдігінің құрметті консулы Виллем Баккер бастаған іскерлер тобын "
     "қабылдады. Делегация құрамында «Delta Aqua» компаниясының директоры Харм Янсен болды.", "Харм Янсен", "NL"),
    ("Аким Марат Омаров принял группу бизнесменов во главе с почетным консулом Нидерландов Виллемом Баккером. В "
     "состав делегации вошел директор компании «Delta Aqua» Харм Янсен.", "Харм Янсен", "NL"),
    # not a state named elsewhere in the sentence
    ("Аким Мангистауской области Арман Исетов принял делегацию во главе с президентом Ассоциации портов Рашадом "
     "Мамедовым, которая прибыла из Азербайджана.", "Рашад Мамедов", None),
])
def test_delegation_members_are_of_its_state(text, name, country):
    assert posts_of(text)[name][1] == country


@pytest.mark.parametrize(("text", "name", "post"), [
    # the leader of a delegation from a state, or of one of its bodies, is of that state, in that body
    # (not the host of the home state's envoy he met there)
    ("A delegation from Kazakhstan headed by Vice Minister of Energy Nurlan Seitkaliyev visited Budapest on 3 May. "
     "The Vice Minister met with the Ambassador of Kazakhstan to Hungary Aidar Kenzhebekov.", "Nurlan Seitkaliyev",
     ("deputy-minister", "KZ")),
    ("Делегация Казахстана во главе с вице-министром энергетики Нурланом Сейткалиевым посетила Будапешт. "
     "Вице-министр встретился с Послом Казахстана в Венгрии Айдаром Кенжебековым.", "Нурлан Сейткалиев",
     ("deputy-minister", "KZ")),
    ("A delegation of the Senate of Kazakhstan led by Deputy Chairperson Aigul Tolegenova visited Prague, where "
     "she met with the Mayor of Prague Jan Dvorak.", "Aigul Tolegenova", ("official", "KZ")),
    ("Делегация Сената Казахстана во главе с заместителем председателя Айгуль Толегеновой посетила Прагу, где "
     "встретилась с мэром Праги Яном Дворжаком.", "Айгуль Толегенова", ("official", "KZ")),
    # the state named inside the body's name, where the body's own entity has none
    ("Akim of Zhambyl Region Arman Bekov met a delegation of the National Assembly of Hungary led by Deputy "
     "Speaker Laszlo Kovacs.", "Laszlo Kovacs", ("official", "HU")),
    ("Akim of Kostanay Region Arman Bekov received a delegation of the Parliament of Georgia headed by Vice Speaker "
     "Giorgi Beridze.", "Giorgi Beridze", ("official", "GE")),
])
def test_a_delegations_leader_is_of_its_state(text, name, post):
    role, country, _ = posts_of(text)[name]
    assert (role, country) == post


def jurisdictions_of(text: str) -> dict[str, tuple[str, frozenset[str]]]:
    """Each holder's role and every label of the body or place the post governs."""
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    labels = {e.key: frozenset(lb.text for lb in e.labels) for e in x.entities}
    return {names[p.holder]: (p.role, labels.get(p.jurisdiction, frozenset())) for p in x.posts}


@pytest.mark.parametrize(("text", "name", "post"), [
    # en: a town opening the post's complement is the place, the full name after it the holder
    ("The Ambassador of Kazakhstan to Hungary Aidar Kenzhebekov met with Mayor of Debrecen Laszlo Papp.",
     "Laszlo Papp", ("mayor", "Debrecen")),
    ("The Ambassador of Kazakhstan to the United Kingdom Aidar Kenzhebekov met the Lord Mayor of "
     "Birmingham Chaman Lal.", "Chaman Lal", ("mayor", "Birmingham")),
    # kk: a town right before a post is its place, not the end of the name before it
    ("Қазақстанның Түркиядағы елшісі Берік Арын Бурса губернаторы Махмут Демирташпен кездесті.",
     "Махмут Демирташ", ("governor", "Бурса")),
    # a president of a region is its governor; a head noun in lower case stands for the region named before
    ("The Ambassador of Kazakhstan to Italy Aidar Kenzhebekov met the President of the Lombardy Region "
     "Marco Bianchi.", "Marco Bianchi", ("governor", "Lombardy")),
    ("Елші Айдар Кенжебеков Ломбардия аймағына барып, аймақ президенті Марко Бьянкимен кездесті.",
     "Марко Бьянки", ("governor", "Ломбардия")),
    ("Посол Айдар Кенжебеков посетил Ломбардию, где встретился с президентом региона Марко Бьянки.",
     "Марко Бьянки", ("governor", "Ломбардия")),
    ("Елші Айдар Кенжебеков Венето өңірінің басшылығымен кездесті. Кездесуге өңір президенті Лука Дзайа қатысты.",
     "Лука Дзайа", ("governor", "Венето")),
    # a post in a delegation of a region is that region's, and the host's region is where they met
    ("Аким Алматинской области Марат Султангазиев принял делегацию провинции Шэньси во главе с "
     "вице-губернатором Ли Мином.", "Ли Мин", ("deputy-governor", "Шэньси")),
    # a town's name with its head noun after a post's "of" is the place, not the start of the name
    ("Kazakhstan's Ambassador to Japan Aidar Kenzhebekov met with Governor of Osaka Prefecture Taro Yamamoto.",
     "Taro Yamamoto", ("governor", "Osaka Prefecture")),
    # the chair of a parliament named by more than its head noun (National Assembly) is a parliamentarian
    ("Kazakhstan's Ambassador Marat Omarov met with Mr. László Kövér, Speaker of the National Assembly of "
     "Hungary.", "László Kövér", ("parliamentarian", "National Assembly of Hungary")),
    ("Посол Казахстана Марат Омаров встретился с Председателем Национального собрания Венгрии Ласло Кёвером.",
     "Ласло Кёвер", ("parliamentarian", "Национальное собрание")),
    ("Қазақстан елшісі Марат Омаров Венгрия Ұлттық жиналысының төрағасы Ласло Кёвермен кездесті.",
     "Ласло Кёвер", ("parliamentarian", "Венгрия Ұлттық жиналысы")),
    # a rector whose university no word names heads the one university named before; a head noun in lower
    # case stands for the body of its kind named before
    ("The Ambassador of Kazakhstan to Hungary Marat Omarov visited the University of Debrecen. Rector Zoltan "
     "Szabo briefed the ambassador on the university's work.", "Zoltan Szabo", ("rector", "University of Debrecen")),
    ("Посол Казахстана в Венгрии Марат Омаров посетил Дебреценский университет. Ректор университета Золтан Сабо "
     "ознакомил посла с работой вуза.", "Золтан Сабо", ("rector", "Дебреценский университет")),
    # a possessive pronoun before a post points back to the body named before (its President)
    ("Ambassador Marat Omarov paid a visit to the Hungarian Chamber of Commerce and Industry, where he met its "
     "President Elek Nagy.", "Elek Nagy", ("official", "Hungarian Chamber of Commerce and Industry")),
    ("Посол Марат Омаров посетил Венгерскую торгово-промышленную палату, где встретился с её президентом Элеком "
     "Надем.", "Элек Над", ("official", "Венгерская торгово-промышленная палата")),
    # the Mazhilis and the Senate by their one word
    ("Мәжіліс депутаты Айдос Сарым Германия Бундестагының депутаты Йоханнес Шмидтпен кездесті.", "Айдос Сарым",
     ("parliamentarian", "Мәжіліс")),
    ("Сенат Төрағасы Айдос Сарым Франция Ұлттық ассамблеясының төрағасы Жак Мартенмен кездесті.", "Айдос Сарым",
     ("parliamentarian", "Сенат")),
    # a company's legal form in lower case ends its name, and the holder's name follows it
    ("Ambassador Dana Amirova met with the CEO of Linde plc Sanjiv Lamba.", "Sanjiv Lamba",
     ("executive", "Linde plc")),
    # a town right after a post, in another case than the name after it, is the post's place, not a word of the
    # name (a name with a particle: the recogniser takes it for one); a given name that is a town's is the name's
    ("Посол встретился с бургомистром Гааги Яном ван Зейненом.", "Ян ван Зейнен", ("mayor", "Гаага")),
    # ... and one in the case of the name after it, where that name ends in a surname
    ("Катовице, 16 мая 2024 года – Аким Караганды Ерлан Кусаинов, находящийся с визитом в Польше, провёл "
     "переговоры с маршалом Силезского воеводства Томашем Вишневским.", "Ерлан Кусаинов", ("mayor", "Караганда")),
    # a post's word before a body's head noun is a word of the body's name (Executive Committee), no post
    ("The Governor of Kostanay Region Kumar Aksakalov received the Chairman of the Vitebsk Regional Executive "
     "Committee Ivan Petrov.", "Ivan Petrov", ("official", "Vitebsk Regional Executive Committee")),
    # a common noun after the post stands for the body named before with a word of its stem
    ("Консул Аскар Мусинов принял участие в форуме, организованном Торгово-промышленной палатой Стамбула. На полях "
     "форума состоялась его встреча с председателем палаты Кемалем Озтюрком.", "Кемаль Озтюрк",
     ("official", "Торгово-промышленная палата Стамбула")),
    ("Consul Askar Musinov attended a forum of the Istanbul Chamber of Commerce. He then met the chairman of the "
     "chamber Kemal Ozturk.", "Kemal Ozturk", ("official", "Istanbul Chamber of Commerce")),
    # ... and so does a body's head noun before the post, or in capitals after it
    ("Ambassador Askar Nurlanov visited Osaka University, where he met the university's President Dr. Kenji Mori.",
     "Kenji Mori", ("rector", "Osaka University")),
    ("Ambassador Askar Nurlanov visited Cairo University, where he was received by the President of the University, "
     "Prof. Omar Saleh.", "Omar Saleh", ("rector", "Cairo University")),
    ("Елші Асқар Нұрланов Түркия фермерлер федерациясында болып, федерация президенті Мехмет Озбен кездесті.",
     "Мехмет Оз", ("official", "Түркия фермерлер федерациясы")),
    # a town's or region's name right after a post and "of" is the post's place, not a word of the name after it
    ("Ambassador Askar Nurlanov met with Governor of Texas Mike DeWine.", "Mike DeWine", ("governor", "Texas")),
    ("Ambassador Askar Nurlanov met with the Mayor of Florence Dario Nardella.", "Dario Nardella",
     ("mayor", "Florence")),
    # a body of two states gives its members neither state
    ("Посол встретился с председателем Казахстанско-венгерского делового совета Ласло Ковачем.", "Ласло Ковач",
     ("official", "Казахстанско-венгерский деловой совет")),
    ("Посол встретился с начальником Управления культуры Мангистауской области Ерланом Ковачем.", "Ерлан Ковач",
     ("official", "Управление культуры Мангистауской области")),
    # a surname that only shares its stem with a post's word (Ак, аким) is a name
    ("Генеральный консул Аскар Мусинов провел встречу с ректором Стамбульского университета Махмутом Аком.",
     "Махмут Ак", ("rector", "Стамбульский университет")),
    # a body's quoted name inside the post's phrase
    ("Посол Аскар Нурланов встретился с генеральным директором компании «Тарбиат Ойл» Вадимом Лобовым.",
     "Вадим Лобов", ("executive", "Тарбиат Ойл")),
    ("Посол Аскар Нурланов встретился с председателем правления АО «Тарбиат» Ириной Лобовой.",
     "Ирина Лобова", ("executive", "Тарбиат")),
    # en: the word for a deputy right before a post whose deputy has no role of its own is no post alone (a member
    # of parliament), but with it any other named post
    ("The Minister held talks with Ms. Elena Markovic, Deputy Director-General of the International Renewable "
     "Energy Agency.", "Elena Markovic", ("official", "International Renewable Energy Agency")),
    ("Deputy Head of the Asian Development Bank Elena Markovic met the Minister.", "Elena Markovic",
     ("official", "Asian Development Bank")),
    # a head noun of a body's class after the post stands for the last body of that class named before it
    ("Посол Аскар Нурланов посетил штаб-квартиру компании Cameco. Старший вице-президент компании Роберт Холл "
     "рассказал о деятельности предприятия.", "Роберт Холл", ("executive", "Cameco")),
    # a mayor's town no phrase names: the one town of his sentence, before the town the report names most
    ("Ambassador Askar Nurlanov arrived in Munich on Monday. In Munich he met business leaders and students of Munich "
     "universities. In Nuremberg, he was received by Lord Mayor Marcus Konig.", "Marcus Konig", ("mayor", "Nuremberg")),
    # a delegation's leader whose post names no body serves the body the delegation comes from
    ("A delegation of the Senate of Kazakhstan led by Deputy Chairperson Aigul Tolegenova visited Prague, where "
     "she met with the Mayor of Prague Jan Dvorak.", "Aigul Tolegenova", ("official", "Senate of Kazakhstan")),
    # the type the recogniser read from a body's head noun the rules' own heads lack: the chairman of a group heads a
    # company
    ("The Ambassador met Li Wen, Chairman of the Hebei Tianrun Group.", "Li Wen",
     ("executive", "Hebei Tianrun Group")),
    # a post in apposition right after the name wins over a plural one before it and a comma
    ("The Ambassador met representatives of Polish firms, among them Piotr Nowak, President of Orlen Trading "
     "Corporation.", "Piotr Nowak", ("executive", "Orlen Trading Corporation")),
    # a university's title with no body named, right after the university its sentence names: its post there
    ("The Ambassador visited Curtin University, where she was received by Vice-Chancellor Professor Helen Marsh.",
     "Helen Marsh", ("rector", "Curtin University")),
    # a local head's title with no place beside it is of the place whose head of that title the report named, not
    # of the place named last (the guests')
    ("Түркістан облысының әкімі Ерболат Жұмабеков Самарқанд облысының хокимі Бахтияр Рахимовты қабылдады. Тараптар "
     "Самарқанд облысының тәжірибесін талқылады. Кездесуге облыс әкімінің орынбасары "
     "Нұрлан Ермеков қатысты.", "Нұрлан Ермеков", ("deputy-governor", "Түркістан облысы")),
    ("Делегация Актюбинской области во главе с акимом области Ерланом Жанузаковым посетила Оренбургскую область. "
     "В состав делегации вошли заместитель акима области Самат Бекжанов и руководители управлений.",
     "Самат Бекжанов", ("deputy-governor", "Актюбинская область")),
    ("Akim of Atyrau Region Maksat Tulegenov visited Astrakhan Region of Russia. In Astrakhan Region he was "
     "accompanied by Deputy Akim Rustem Dauletov.", "Rustem Dauletov", ("deputy-governor", "Atyrau Region")),
])
def test_post_jurisdictions(text, name, post):
    role, place = post
    found_role, labels = jurisdictions_of(text)[name]
    assert (found_role, place in labels) == (role, True)


def test_a_dash_before_a_post_names_no_ministry():
    text = ("ASTANA – Deputy Foreign Minister of Kazakhstan Daulet Ospanov received the Secretary of State of the "
            "Ministry of Foreign Affairs of Portugal Rui Costa.")
    assert jurisdictions_of(text)["Daulet Ospanov"] == ("deputy-minister", frozenset())


@pytest.mark.parametrize(("text", "name"), [
    # kk: capitalised common words after a post are a name where titles do not capitalise words
    ("Қазақстанның Түркиядағы елшісі Берік Арын Бурса губернаторы Махмут Демирташпен кездесті.", "Берік Арын"),
    # a country's name inside a proposed person's name is a word of the name (Гана: Ганом)
    ("Посол Айдар Кенжебеков встретился с губернатором провинции Шэньси Чжао Ганом.", "Чжао Ган"),
    # kk: a person's name before a town's head is no part of the town's name
    ("Қазақстанның Қытайдағы елшісі Айдар Кенжебеков Шэньси провинциясының губернаторы Чжао Ганмен Сиань "
     "қаласында кездесті.", "Чжао Ган"),
    # ru: a state's name in the case of the name after it is a given name (Сальвадор)
    ("Посол Ануар Ахметжанов провел встречу с председателем правительства Каталонии Сальвадором Иллой.",
     "Сальвадор Илла"),
    # kk: a given name after a post that looks like a town in the locative (Марке + -та) is the name's word
    ("Қазақстанның Чехиядағы Елшісі Ержан Рахметуллин Брно қаласының мэрі Маркета Ванковамен кездесті.",
     "Маркета Ванкова"),
    # kk: a particle that is a Kazakh word too (де: also) joins a given name and a surname after a post
    ("Елші Марат Сейітов Эмилия-Романья облысының президенті Микеле де Паскалемен кездесті.", "Микеле де Паскале"),
    ("Елші Марат Сейітов де Джон Смитпен кездесті.", "Марат Сейітов"),
    # ru: a body's name in the genitive before a name in the instrumental is none of it
    ("Посол Марат Сеитов встретился с ректором университета Сапиенца Антонеллой Полимени.", "Антонелла Полимени"),
    # ru: a post of several words governs the name's case by its noun, not by the conjunction's letter (и)
    ("Аким области Нариман Торегалиев принял Чрезвычайного и Полномочного Посла Королевства Нидерландов "
     "г-на Нико Схермерса.", "Нико Схермерс"),
    # ru: a region after a post or after its class noun is no part of the name that follows it
    ("Посол Асхат Мусабаев принял губернатора Лацио Франческо Рокку.", "Франческо Рокка"),
    ("Посол Асхат Мусабаев принял губернатора области Лацио Франческо Рокку.", "Франческо Рокка"),
])
def test_names_beside_posts_and_places(text, name):
    assert name in {n for m in meetings_of(text) for n in m}


@pytest.mark.parametrize(("text", "names"), [
    # en: the titles English news writes before names in Commonwealth and Gulf states are no part of them
    ("The meeting was also attended by the Managing Director of the Kenya Ports Authority, Eng. Peter Otieno "
     "Kariuki.", ["Peter Otieno Kariuki"]),
    ("The talks were attended by Datuk Ahmad Zaki Hassan, Deputy Minister of Trade.", ["Ahmad Zaki Hassan"]),
    ("Among the guests was Shri Rajesh Kumar Verma, Joint Secretary.", ["Rajesh Kumar Verma"]),
    ("Among the guests was Hon. Jane Wambui Kamau, Member of Parliament.", ["Jane Wambui Kamau"]),
])
def test_titles_before_names(text, names):
    assert [e.name for e in extract(parse_report("t.txt", text)).entities if e.kind == MentionKind.PERSON] == names


@pytest.mark.parametrize(("text", "name", "country"), [
    # kk: a country after a whole name that the recogniser reads into the name (India's companies, to Turkey)
    ("Елші Анджей Лоранот Үндістанның компаниялары құрылыс саласындағы жобаларға қызығушылық танытты.",
     "Анджей Лоранот", "IN"),
    ("Кездесуде Марат Сейітов Нұрлан Ермекбаевтың Түркияға жасаған сапары туралы айтты.", "Нұрлан Ермекбаев", "TR"),
])
def test_a_country_after_a_whole_name_is_no_word_of_it(text, name, country):
    x = extract(parse_report("t.txt", text))
    assert name in {e.name for e in x.entities if e.kind == "person"}
    assert country in {m.value for m in x.mentions if m.kind == "country"}


@pytest.mark.parametrize(("text", "absent"), [
    # kk: a form of address after a post is no name (Ұлы Мәртебелі: His Majesty; Ұлы alone is no surname)
    ("Қазақстанның Бельгиядағы Елшісі Ұлы Мәртебелі Король Филипптің қабылдауында болды.", "Ұлы"),
    ("Посол Ерлан Оспанов встретился с Его Превосходительством г-ном Петером Сийярто.", "Превосходительство"),
])
def test_forms_of_address_are_no_names(text, absent):
    x = extract(parse_report("t.txt", text))
    assert not any(absent in e.name for e in x.entities if e.kind == "person")


@pytest.mark.parametrize(("text", "name", "area"), [
    # a continent or a region of the world is no name, no body a post governs and no place of the meeting
    ("Ambassador Dana Amirova met with the Special Representative for Central Asia, Paolo Conti.", "Paolo Conti",
     "Central Asia"),
    ("Ambassador Dana Amirova met with the EU Special Representative for Central Asia Paolo Conti.", "Paolo Conti",
     "Central Asia"),
    ("Посол Дана Амирова встретилась со Специальным представителем по Центральной Азии Паоло Конти.",
     "Паоло Конти", "Центральная Азия"),
    ("Елші Дана Әмірова Еуропалық Одақтың Орталық Азия жөніндегі арнайы өкілі Паоло Контимен кездесті.",
     "Паоло Конти", "Орталық Азия"),
    ("Посол Дана Амирова встретилась с директором департамента Азии и Африки Министерства иностранных дел Венгрии "
     "Петером Ковачем.", "Петер Ковач", "Азия"),
    # a post's scope after "for" of capitalised common words is no name's
    ("The Ambassador met with the Commissioner for Trade Karl Weber.", "Karl Weber", "Trade"),
    ("The Ambassador met with the Director of Cultural Affairs and Trade Karl Weber.", "Karl Weber", "Cultural"),
])
def test_areas_and_scopes_are_no_names(text, name, area):
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    holders = {names[p.holder]: names.get(p.jurisdiction or "", "") for p in x.posts}
    assert name in holders and area not in holders[name]
    assert all(area not in names.get(m.location or "", "") for m in x.meetings)


@pytest.mark.parametrize("text", [
    # a title's last word and the first word of the text under it are no name, whatever their endings
    "Облыс Жаңалықтары\n\nБаталкин мырза облыс әкімімен кездесті.",
    "Комиссия Төрағасы\n\nБаталкин облыс әкімі Марат Жақыповпен кездесті.",
])
def test_no_name_runs_over_a_blank_line(text):
    x = extract(parse_report("t.txt", text))
    assert not any(m.kind == MentionKind.PERSON and "\n" in m.text for m in x.mentions)


def dates_of(text: str) -> list[str | None]:
    x = extract(parse_report("t.txt", text))
    return [m.date.iso() if m.date else None for m in x.meetings]


@pytest.mark.parametrize(("text", "expected"), [
    # the day of the dateline, in a sentence of its own before the meeting's
    ("РИМ, 14 мая 2025 года. Посол Казахстана Ержан Бекенов встретился с мэром Рима Роберто Гуальтьери.",
     ["2025-05-14"]),
    ("ROME, 14 May 2025. The Ambassador of Kazakhstan Yerzhan Bekenov met the Mayor of Rome Roberto Gualtieri.",
     ["2025-05-14"]),
    # a day after the report's own is an event ahead, in the meeting's first sentence too
    (" date 2024-07-03 Переговоры\nАСТАНА, 3 июля – Министр иностранных дел Казахстана Серик Жолдасбеков в преддверии "
     "заседания Совета 4 июля встретился с министром иностранных дел Монголии Батмунхом Батцэцэгом.", ["2024-07-03"]),
    # the day of the event told right before the meeting, in a sentence that names no one
    (" date 2024-09-26 Меморандум\nКеше Алматы мен Краков арасында меморандумға қол қойылды. Құжатқа Алматы қаласы "
     "әкімінің орынбасары Дархан Иманәлиев пен Краков мэрінің орынбасары Анна Ковальска қол қойды.", ["2024-09-25"]),
    # a day later in the year than the publication, in what the sides discussed, is an event ahead, not the meeting's
    (" date 2025-10-10 Главы МИД встретились в Душанбе\nДУШАНБЕ. KAZINFORM – На полях заседания Совета глав "
     "государств СНГ министр иностранных дел Казахстана Ерлан Бекжанов встретился с министром иностранных дел "
     "Узбекистана Фарходом Ташпулатовым.\nМинистры обсудили подготовку к встрече глав государств, которая пройдет в "
     "Ташкенте в ноябре.", ["2025-10-10"]),
    (" date 2025-10-10 Foreign Ministers Meet in Dushanbe\nDUSHANBE – On the sidelines of the CIS summit, Foreign "
     "Minister of Kazakhstan Yerlan Bekzhanov met with Foreign Minister of Uzbekistan Farkhod Tashpulatov.\nThe "
     "ministers discussed preparations for the meeting of the heads of state to be held in Tashkent in November.",
     ["2025-10-10"]),
    # the next day is the day after the meeting told before
    ("Посол Казахстана Ержан Бекенов 12 мая 2025 года встретился с президентом Ломбардии Аттилио Фонтаной. На "
     "следующий день посол провёл переговоры с мэром Бергамо Джорджо Гори.", ["2025-05-12", "2025-05-13"]),
    ("On 12 May 2025 Ambassador Yerzhan Bekenov met with Lombardy President Attilio Fontana. The next day, the "
     "Ambassador held talks with Bergamo Mayor Giorgio Gori.", ["2025-05-12", "2025-05-13"]),
    # that day, the same day: the day of the meeting told before
    ("On 12 May 2025 Ambassador Yerzhan Bekenov met with Lombardy President Attilio Fontana. Later that day, the "
     "Ambassador held talks with Bergamo Mayor Giorgio Gori.", ["2025-05-12", "2025-05-12"]),
    ("2025 жылғы 12 мамырда Елші Ержан Бекенов Ломбардия президенті Аттилио Фонтанамен кездесті. Сол күні Елші "
     "Бергамо мэрі Джорджо Горимен келіссөздер жүргізді.", ["2025-05-12", "2025-05-12"]),
    # ... or, where no meeting was told before, the last day the text writes before it (not the dateline's)
    ("Рабат, 2 октября 2024 г.\n\n30 сентября Посол Даулет Абенов открыл почётное консульство в Касабланке. В тот же "
     "день посол встретился с губернатором Абделем Уаззани.", ["2024-09-30"]),
    ("Rabat, October 2, 2024\n\nOn September 30, Ambassador Daulet Abenov opened the Honorary Consulate in "
     "Casablanca. The same day, the Ambassador met with Governor Abdel Ouazzani.", ["2024-09-30"]),
    ("Рабат, 2024 жылғы 2 қазан\n\n30 қыркүйекте Елші Дәулет Әбенов Касабланкада құрметті консулдықты ашты. Сол "
     "күні Елші губернатор Абдел Уаззанимен кездесті.", ["2024-09-30"]),
    # the meeting's own date wins
    ("РИМ, 14 мая 2025 года. Посол Казахстана Ержан Бекенов 12 мая 2025 года встретился с мэром Рима Роберто "
     "Гуальтьери.", ["2025-05-12"]),
    # a dateline that opens the first sentence dates the report, not the meeting a later sentence dates; its year
    # is that of a day the text gives without one
    ("Каир, 21 ноября 2024 года – Посол Ержан Бекенов провёл серию встреч. 19 ноября в Каире посол встретился с "
     "министром туризма Шерифом Абдель-Азизом. 21 ноября посол провёл переговоры с губернатором Амром Мансуром.",
     ["2024-11-19", "2024-11-21"]),
    ("Cairo, 21 November 2024 – Ambassador Yerzhan Bekenov held a series of meetings. On 19 November the "
     "Ambassador met with Minister of Tourism Sherif Abdel-Aziz.", ["2024-11-19"]),
    # ... also after the title the report opens with
    ("Kazakh Ambassador Holds Talks in Egypt\n\nCairo, 21 November 2024 – Ambassador Yerzhan Bekenov held a series "
     "of meetings on 19-20 November. On 19 November the Ambassador met with Minister of Tourism Sherif Abdel-Aziz.",
     ["2024-11-19"]),
    ("Посол Казахстана провёл встречи в Египте\n\nКаир, 21 ноября 2024 года – Посол Ержан Бекенов провёл серию "
     "встреч. 19 ноября в Каире посол встретился с министром туризма Шерифом Абдель-Азизом.", ["2024-11-19"]),
    # ... a title in the header line too
    (" date 2024-11-21 Talks in Egypt\nCAIRO, November 21 – Ambassador Yerzhan Bekenov, who on November 19 met "
     "with Minister of Tourism Sherif Abdel-Aziz, held a series of meetings.", ["2024-11-19"]),
    (" date 2025-06-05 Кездесу\nАстана, 5 маусым. Елші Ержан Бекенов 4 маусымда Туризм министрі Шериф "
     "Абдель-Азизбен кездесті.", ["2025-06-04"]),
    # a meeting the text gives no date for, told after one it dates, is of that day rather than the report's
    (" date 2025-04-10 Visit\nOn April 8, Ambassador Daulet Yessenov met Governor of Kansas Margaret Henning.\n"
     "In Manhattan, the Ambassador was received by University President Richard Linwood.",
     ["2025-04-08", "2025-04-08"]),
    # a month alone: of the publication year, or of the year before if later in the year than the report
    (" date 2025-05-20 Визит\nВ марте посол Ержан Бекенов встретился с мэром Рима Роберто Гуальтьери.",
     ["2025-03"]),
    (" date 2025-05-20 Visit\nIn November, Ambassador Yerzhan Bekenov met with the Mayor of Rome Roberto Gualtieri.",
     ["2024-11"]),
    # the day of a trip, counted from its first day: the day of the first meeting, or of the visit's dates
    (" date 2025-04-17 Сапар\nЕлші Данияр Құсайынов 15-16 сәуір күндері Антофагаста өңіріне жұмыс сапарымен барды. "
     "Сапардың бірінші күні Д. Құсайынов губернатор Рикардо Сепульведамен кездесті. Сапардың екінші күні елші "
     "университет ректоры Хорхе Тапиямен кездесті.", ["2025-04-15", "2025-04-16"]),
    (" date 2024-09-04 Сапар\nЕлші Тамаш Варга 2-3 қыркүйек күндері Қостанай облысына сапармен келді. Сапардың "
     "алғашқы күні облыс әкімі Ерболат Сапаров елшіні қабылдады. Сапардың екінші күні Т. Варга университетте болды. "
     "Университет ректоры Гүлнар Әбішевамен кездесті.", ["2024-09-02", "2024-09-03"]),
    (" date 2024-09-20 Визит\nПосол Алмас Тулегенов 16–17 сентября находился с визитом в провинции Куангнинь. В "
     "первый день визита посол встретился с губернатором Чан Ван Хоа. Во второй день визита посол встретился с "
     "мэром Халонга Андреем Смирновым.", ["2024-09-16", "2024-09-17"]),
    (" date 2025-05-02 Visit\nAmbassador Nurbol Kenzhebayev paid a two-day visit to East Java on 28-29 April. On the "
     "first day, he met the Governor of East Java Siti Rahmawati. On the second day of the visit, the Ambassador met "
     "the Mayor of Surabaya Eri Cahyadi.", ["2025-04-28", "2025-04-29"]),
    # with no publication date or dateline, a date written with no year is in the year of the first date written with
    # one
    ("Делегация 2024 жылғы 3-7 маусым аралығында Канадада болды. 4 маусымда Реджайна қаласында облыс әкімінің "
     "орынбасары Сәбит Жұмабаев министр Дэвид Маккензимен кездесті.", ["2024-06-04"]),
    ("Делегация находилась в Канаде 3-7 июня 2024 года. 4 июня в Реджайне заместитель акима области Сабит Жумабаев "
     "встретился с министром Дэвидом Маккензи.", ["2024-06-04"]),
    ("The delegation was in Canada on 3-7 June 2024. On 4 June in Regina, Deputy Akim Sabit Zhumabayev met Minister "
     "David MacKenzie.", ["2024-06-04"]),
    # a trip by a word of travel or arrival dates the meetings told after it
    (" date 2025-01-31 Visit\nAmbassador Alejandra Robles travelled to Edmonton on Tuesday, January 28, for "
     "meetings. In the morning the Ambassador met with Minister of Trade Trevor Marchuk.", ["2025-01-28"]),
    ("Ambassador Arman Sadykov arrived in Kyoto on 12 March 2025. He met with the Governor of Kyoto Prefecture "
     "Takatoshi Nishiwaki.", ["2025-03-12"]),
])
def test_meeting_date(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one more meeting of the same trip (also) takes the place and date of the one before
    ("Елші Ержан Жұмабеков 2025 жылғы 15 сәуірде Осака префектурасына барды. Сапар барысында Елші Осака "
     "префектурасының губернаторы Хирофуми Ёсимурамен кездесті. Тараптар сауданы талқылады. Губернатор "
     "әріптестікке мүдделі екенін атап өтті. Сондай-ақ Елші федерация төрағасы Масаюки Мацумотомен жүздесті.",
     [("Осака префектурасы", "2025-04-15"), ("Осака префектурасы", "2025-04-15")]),
    ("Посол Ержан Жумабеков 15 апреля 2025 года встретился в Осаке с губернатором Хирофуми Ёсимурой. Стороны "
     "обсудили торговлю. Губернатор отметил интерес к сотрудничеству. Также посол встретился с председателем "
     "федерации Масаюки Мацумото.", [("Осака", "2025-04-15"), ("Осака", "2025-04-15")]),
    ("On 15 April 2025 Ambassador Yerzhan Zhumabekov met Governor Hirofumi Yoshimura in Osaka. The sides "
     "discussed trade. The Governor noted his interest. The Ambassador also met Federation Chairman Masayuki "
     "Matsumoto.", [("Osaka", "2025-04-15"), ("Osaka", "2025-04-15")]),
    # the word for "also" may be two words (сонымен қатар, кроме того)
    ("Елші Ержан Жұмабеков 2025 жылғы 15 сәуірде Осака префектурасына барды. Сапар барысында Елші Осака "
     "префектурасының губернаторы Хирофуми Ёсимурамен кездесті. Тараптар сауданы талқылады. Губернатор "
     "әріптестікке мүдделі екенін атап өтті. Сонымен қатар Елші федерация төрағасы Масаюки Мацумотомен жүздесті.",
     [("Осака префектурасы", "2025-04-15"), ("Осака префектурасы", "2025-04-15")]),
    ("Посол Ержан Жумабеков 15 апреля 2025 года встретился в Осаке с губернатором Хирофуми Ёсимурой. Стороны "
     "обсудили торговлю. Губернатор отметил интерес к сотрудничеству. Кроме того, посол встретился с "
     "председателем федерации Масаюки Мацумото.", [("Осака", "2025-04-15"), ("Осака", "2025-04-15")]),
    # ... rather than a body that one who took part heads
    ("Deputy Minister of Foreign Affairs Akan Rakhmetullin met Deputy Minister Masataka Okano in Tokyo on 15 May "
     "2024. Rakhmetullin also met with Shigeru Ishiba.", [("Tokyo", "2024-05-15"), ("Tokyo", "2024-05-15")]),
    # ... and one told "during the visit"
    ("Елші Ержан Бекенов 2025 жылғы 9 сәуірде Варшавада депутат Томаш Новаковскиймен кездесті. Сапар барысында "
     "Елші университет проректоры Агнешка Ковальскамен де кездесті.",
     [("Варшава", "2025-04-09"), ("Варшава", "2025-04-09")]),
    ("Посол Ержан Бекенов 9 апреля 2025 года встретился в Варшаве с депутатом Томашем Новаковским. В ходе визита "
     "посол встретился с проректором университета Агнешкой Ковальской.",
     [("Варшава", "2025-04-09"), ("Варшава", "2025-04-09")]),
    # a meeting told by its day from the one before (that day) is of the same trip; where talks are still to be
    # held is no meeting's place
    ("Елші Әсет Нұрпейісов 2025 жылғы 24 қарашада Венада Лаура Кастеллимен кездесті. Сол күні Елші Кристоф "
     "Айхингермен кездесті. Тараптар келесі жылы Астанада консультациялар өткізуге келісті.",
     [("Вена", "2025-11-24"), ("Вена", "2025-11-24")]),
    ("On 24 November 2025 Ambassador Aset Nurpeisov met Laura Castelli in Vienna. The same day the Ambassador met "
     "Christoph Aichinger. The sides agreed that the next round of consultations will be held in Astana.",
     [("Vienna", "2025-11-24"), ("Vienna", "2025-11-24")]),
])
def test_one_more_meeting_of_the_trip(text, expected):
    x = extract(parse_report("t.txt", text))
    names = {e.key: e.name for e in x.entities}
    assert [(names.get(m.location), m.date.iso() if m.date else None) for m in x.meetings] == expected


@pytest.mark.parametrize("text", [
    "Павлодар облысының әкімі Асан Серікбаев пен Түркияның Қазақстандағы Елшісі Мехмет Өзтүрк сауда мәселелерін "
    "талқылады.",
    "The Akim of Pavlodar region Asan Serikbayev and the Ambassador of Turkey to Kazakhstan Mehmet Ozturk "
    "discussed trade.",
])
def test_a_person_mention_resolved_to_no_one_takes_no_part(text):
    report = parse_report("t.txt", text)
    mentions = extract_mentions(report)
    entities, key_of = resolve(mentions, language=report.language, lexicon=load_lexicon())
    # initials alone (М.), as a mention the resolver gives no key, beside the persons it does
    first = next(m for m in mentions if m.kind == MentionKind.PERSON and m in key_of)
    orphan = Mention(MentionKind.PERSON, first.start, first.start + 2, text[first.start:first.start + 2],
                     text[first.start:first.start + 2])
    _, meetings = relate(report, [*mentions, orphan], entities, key_of, load_lexicon())
    assert meetings and all(p in key_of.values() for m in meetings for p in m.participants)


@pytest.mark.parametrize(("text", "category", "inflected", "expected"), [
    # a word in any of its forms, or only as written; a phrase as written, in any case; each with its value
    ("Делегацияны Арман Сейітов басқарған. Кездесуден соң олар зауытқа барды.", "leader", True,
     [("басқарған", "before")]),
    ("Кездесуден соң олар зауытқа барды, ал кейін Ақтауға аттанды.", "sequel", False,
     [("соң", "after"), ("кейін", "after")]),
    ("Делегацию во главе с Иваном Петровым принял аким. Делегация, Во Главе С ним, прибыла утром.", "leader", True,
     [("во главе с", "after"), ("Во Главе С", "after")]),
    ("A delegation led by Anna Berg and headed by her deputy arrived; following the talks they left.", "leader",
     True, [("led by", "after"), ("headed by", "after")]),
    ("A delegation led by Anna Berg and headed by her deputy arrived; following the talks they left.", "sequel",
     False, [("following", "before")]),
    ("The delegation was leading the talks.", "leader", True, []),
])
def test_word_values(text, category, inflected, expected):
    report = parse_report("t.txt", text)
    state = State(report, (), (), {}, load_lexicon())
    found = [(text[a:b], value) for index in range(len(state.sentences))
             for a, b, value in state.word_values(index, category, inflected=inflected)]
    assert found == expected


@pytest.mark.parametrize(("text", "holder", "meeting"), [
    # a person a body is named after (имени X, X атындағы) holds no post and takes no part
    ("Посол Франции Жан Дюпон встретился с ректором Карагандинского технического университета имени Абылкаса "
     "Сагинова Сериком Каримовым.", "Серик Каримов", {"Жан Дюпон", "Серик Каримов"}),
    ("Посол Франции Жан Дюпон встретился с директором Национальной библиотеки имени Абая Ольгой Ким.", "Ольга Ким",
     {"Жан Дюпон", "Ольга Ким"}),
])
def test_a_body_s_eponym_holds_no_post_and_meets_no_one(text, holder, meeting):
    x = extract(parse_report("ru-t.txt", text))
    names = {e.key: e.name for e in x.entities}
    assert {names[p.holder] for p in x.posts if p.role != "ambassador"} == {holder}
    assert [{names[p] for p in m.participants} for m in x.meetings] == [meeting]
