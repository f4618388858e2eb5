"""Topics: sector cue words as whole words in the language's inflection, and the meeting they go to."""

import pytest

from kg.lexicon import load_lexicon
from kg.model import Mention, MentionKind
from kg.pipeline import extract
from kg.reports import parse_report
from kg.rules import rule_mentions


def sectors(text: str, proposals: tuple[tuple[str, str], ...] = ()) -> set[str]:
    report = parse_report("t.txt", text, month=load_lexicon().month)
    given = [Mention(kind, text.index(words), text.index(words) + len(words), words, words, extractor="test")
             for kind, words in proposals]
    return {m.value for m in rule_mentions(report, proposals=given) if m.kind == MentionKind.SECTOR}


@pytest.mark.parametrize(("text", "proposals", "expected"), [
    # kk: inflected and derived forms of a cue, never a stem read out of another word
    ("Тараптар сауда-экономикалық ынтымақтастықты талқылады.", (), {"trade", "economy"}),
    ("Тараптар металлургия саласындағы жобаларды талқылады.", (), {"metallurgy"}),
    ("Елші бұл жоба болатынын айтты.", (), set()),
    ("Кездесуге Суна Ахметова қатысты.", (("person", "Суна Ахметова"),), set()),
    ("Тараптар суға қатысты мәселелерді талқылады.", (), {"water"}),
    # kk: a verb made from a cue noun (-ла/-да/-та), as its verbal noun: экспорттау, to export
    ("Тараптар өнімдерді экспорттау мәселелерін талқылады.", (), {"trade"}),
    ("Тараптар жүктерді тасымалдау мәселесін талқылады.", (), {"logistics"}),
    ("Елші Алатау ауданында болды.", (), set()),
    # ru: by lemma, and a verb form is not the noun it looks like
    ("Стороны обсудили развитие торговли и инвестиций.", (), {"trade", "investment"}),
    ("Стороны стали ближе друг к другу.", (), set()),
    ("Стороны обсудили поставки стали.", (), {"trade"}),  # supplies: trade; стали no steel
    ("Стороны обсудили сотрудничество в сфере образования.", (), {"education"}),
    # the words of one sector in each language: biodiversity, supply chains, mineral resources, fruit
    ("Стороны обсудили сохранение биоразнообразия.", (), {"environment"}),
    ("Стороны обсудили устойчивость цепочек поставок.", (), {"logistics", "trade"}),
    ("Стороны обсудили разведку полезных ископаемых.", (), {"mining"}),
    ("The sides discussed growing fruit in greenhouses.", (), {"agriculture"}),
    # kk: business people met are no topic; small and medium business is
    ("Тараптар облыс кәсіпкерлерімен кездесуді талқылады.", (), set()),
    ("Тараптар шағын және орта бизнесті қолдауды талқылады.", (), {"economy"}),
    # heat supply is energy, in each language
    ("The sides discussed the modernization of district heating networks.", (), {"energy"}),
    ("Стороны обсудили модернизацию систем теплоснабжения.", (), {"energy"}),
    ("Тараптар қаланың жылумен жабдықтау жүйесін жаңғыртуды талқылады.", (), {"energy"}),
    # banks and training, in English as in the other languages
    ("The sides discussed cooperation between the two countries' banks.", (), {"finance"}),
    ("The sides discussed the training of engineers.", (), {"education"}),
    # water by its word alone, in each language, and saving it
    ("Стороны обсудили качество питьевой воды.", (), {"water"}),
    ("Стороны обсудили внедрение водосберегающих технологий.", (), {"water"}),
    ("Тараптар ауыз судың сапасын талқылады.", (), {"water"}),
    ("The sides discussed the quality of drinking water.", (), {"water"}),
    # cotton is a crop, in each language; textiles are made from it
    ("The sides discussed cotton growing in the region.", (), {"agriculture"}),
    ("Стороны обсудили выращивание хлопка.", (), {"agriculture"}),
    ("Тараптар мақта өсіру мәселесін талқылады.", (), {"agriculture"}),
    ("The sides discussed cotton and the textile industry.", (), {"agriculture", "textiles"}),
    # resorts and their operators are tourism's
    ("The sides discussed the mountain resorts of the region and its tour operators.", (), {"tourism"}),
    ("Стороны обсудили развитие горного курорта.", (), {"tourism"}),
    # consular matters by the adjective, in each language
    ("The sides discussed consular matters of Kazakh citizens.", (), {"consular"}),
    ("Стороны обсудили консульские вопросы.", (), {"consular"}),
    # a cue's participle in any case: возобновляемая энергетика
    ("Стороны обсудили развитие возобновляемой энергетики.", (), {"green-technology", "energy"}),
    # kk: the head of a compound in the possessive is read in its plural too (станциясы: станциялары, станцияларын)
    ("Тараптар электр станцияларын жаңғыртуды талқылады.", (), {"energy"}),
    ("Тараптар ауыл шаруашылықтарын қолдау шараларын талқылады.", (), {"agriculture"}),
    # wind and solar power plants are green technology (and energy), in each language
    ("Тараптар жел электр станцияларын салу жобасын талқылады.", (), {"green-technology", "energy"}),
    ("Тараптар жаңартылатын энергетика саласындағы тәжірибемен бөлісті.", (), {"green-technology", "energy"}),
    ("Стороны обсудили строительство солнечной электростанции.", (), {"green-technology", "energy", "construction"}),
    ("The sides discussed a wind farm and a solar power plant in the region.", (), {"green-technology", "energy"}),
    # high technology is innovation, in its words' forms
    ("Стороны обсудили сотрудничество в сфере высоких технологий.", (), {"innovation"}),
    ("Тараптар жоғары технологиялар саласын талқылады.", (), {"innovation"}),
    ("The sides discussed high-tech cooperation.", (), {"innovation"}),
    # processing farm produce or meat is the food industry
    ("Тараптар ет өңдеу кәсіпорындарын салуды талқылады.", (), {"food-industry"}),
    ("Стороны обсудили проекты по переработке сельскохозяйственной продукции.", (),
     {"food-industry", "agriculture"}),
    ("The sides discussed agro-processing projects.", (), {"food-industry"}),
    # kk: a flight (рейс) is aviation, in its plural and its endings
    ("Тараптар Алматы мен Стамбул арасындағы тікелей рейстерді ашуды талқылады.", (), {"aviation"}),
    # en: inflection only; importance is not import
    ("The sides stressed the importance of the partnership.", (), set()),
    ("The sides discussed exports and investments.", (), {"trade", "investment"}),
    ("The sides discussed the economies of both regions.", (), {"economy"}),
    # the sectors' wider vocabulary: the institutions, goods and fields of a sector
    ("Тараптар университеттер арасындағы стипендия бағдарламаларын талқылады.", (), {"education"}),
    ("Стороны обсудили сотрудничество вузов и подготовку кадров.", (), {"education"}),
    ("The sides discussed scholarships for students of both universities.", (), {"education"}),
    ("Тараптар көмір мен уран өндіруді талқылады.", (), {"mining"}),
    ("Стороны обсудили рынки удобрений и лекарств.", (), {"chemicals", "healthcare"}),
    ("The sides discussed solar power and hydrogen projects.", (), {"green-technology"}),
    ("Тараптар театр мен мұражай саласындағы ынтымақтастықты талқылады.", (), {"culture"}),
    ("Тараптар бидай мен сүт өнімдерін жеткізуді талқылады.", (), {"agriculture", "food-industry"}),
    ("Стороны обсудили выращивание пшеницы и выпуск мясной продукции.", (), {"agriculture", "food-industry"}),
    ("The sides discussed wheat, poultry and halal meat.", (), {"agriculture", "food-industry"}),
    ("Тараптар жылыжайда көкөніс пен жүгері өсіруді талқылады.", (), {"agriculture"}),
    ("Стороны обсудили выращивание овощей, фруктов и кукурузы в теплицах.", (), {"agriculture"}),
    ("The sides discussed maize, vegetables and cattle breeding.", (), {"agriculture"}),
    # "fruitful" is no fruit
    ("Тараптар жемісті ынтымақтастықты талқылады.", (), set()),
    # a cue that modifies the next one leaves it its own sector only as part of a phrase (container transport)
    ("Стороны обсудили развитие контейнерных перевозок.", (), {"transport"}),
    ("Тараптар туризм инфрақұрылымын дамытуды талқылады.", (), {"tourism"}),
    # ... but trade in what it names is trade too (grain exports)
    ("The sides discussed grain exports.", (), {"agriculture", "trade"}),
    ("Тараптар астық экспортын арттыруды талқылады.", (), {"agriculture", "trade"}),
    # ... and energy of a kind it names is energy too (hydrogen energy)
    ("The sides discussed hydrogen energy.", (), {"green-technology", "energy"}),
    ("Тараптар сутегі энергетикасын талқылады.", (), {"green-technology", "energy"}),
    ("Стороны обсудили проекты в водородной энергетике.", (), {"green-technology", "energy"}),
    # ... not one after a word its case ending ties elsewhere (with the university, at the university)
    ("Ректор университетімен медицина бағыттарын талқылады.", (), {"education", "healthcare"}),
    ("Тараптар университетте медицина бағдарламаларын талқылады.", (), {"education", "healthcare"}),
    # a cue inside a name is part of the name
    ("The minister met Mr. Tourism Smith at the centre.", (("person", "Tourism Smith"),), set()),
])
def test_sector_cues(text, proposals, expected):
    assert sectors(text, proposals) == expected


def topics(text: str) -> list[set[str]]:
    x = extract(parse_report("t.txt", text, month=load_lexicon().month))
    return [{t.sector for t in m.topics} for m in x.meetings]


@pytest.mark.parametrize(("text", "expected"), [
    # no meeting, no topics
    ("Тараптар сауда мен туризмді талқылады.", []),
    ("The sides discussed trade and tourism.", []),
    # a talk sentence before the meeting's sentence in its paragraph goes to that meeting
    ("Сауда мен туризм мәселелері талқыланды. Бұған дейін де екі ел арасында байланыс болды. Кейін жаңа "
     "жоспар туралы айтылды. Ақтөбе облысының әкімі Асан Серікбаев Түркияның Қазақстандағы Елшісі Мехмет "
     "Өзтүркпен кездесті.", [{"trade", "tourism"}]),
    ("Trade and tourism were discussed. Both sides have long-standing ties. New plans were presented as well. "
     "The Ambassador of Kazakhstan to Turkey Arman Sadykov met with the Governor of Ankara Mehmet Ozturk.",
     [{"trade", "tourism"}]),
    # ... but not from another paragraph far before it
    ("Trade and tourism were discussed at the forum.\nBoth sides have long-standing ties.\nNew plans were "
     "presented.\nThe Ambassador of Kazakhstan to Turkey Arman Sadykov met with the Governor of Ankara "
     "Mehmet Ozturk.", [set()]),
    ("Губернатор Омской области Виктор Ларин встретился с Генеральным консулом Казахстана в Омске "
     "Бериком Сагиевым. Стороны обсудили вопросы торговли и сельского хозяйства.", [{"trade", "agriculture"}]),
    # a report of what one side said about a sector is part of the talks
    ("The Ambassador of Japan to Kazakhstan Kenji Sato met the Akim of Turkestan region Darkhan Satybaldy.\n"
     "Mr. Satybaldy spoke about tourism in the region.", [{"tourism"}]),
    ("Посол Японии в Казахстане Кэндзи Сато встретился с акимом Туркестанской области Дарханом Сатыбалды.\n"
     "Аким рассказал о развитии туризма в регионе.", [{"tourism"}]),
    # "the sides" of a paragraph go back to the meeting told before it, not to a meeting told later in their
    # paragraph; the speaker of a meeting told in reported speech that names both sides took no part in it
    ("Посол Казахстана во Франции Дана Амирова встретилась с мэром Лиона Пьером Дюраном.\nСтороны обсудили "
     "вопросы туризма. Мэр отметил, что Президент Казахстана Арман Исетов провел переговоры с Президентом "
     "Франции Жаком Мартеном.", [{"tourism"}, set()]),
    # a sector's word in a minister's title is his ministry's field, not a topic
    ("The Ambassador of Kazakhstan Aibek Nurov met with Hungarian Agriculture Minister Istvan Nagy. They discussed "
     "tourism.", [{"tourism"}]),
    ("The Ambassador of Kazakhstan Aibek Nurov met with the Minister for Foreign Trade and Development Geert de "
     "Vries. They discussed tourism.", [{"tourism"}]),
    # a sentence of its own paragraph that names one who took part in the meeting is about the talks
    ("The Ambassador Aibek Nurov met with Rector Anna Nowak.\n\nNowak invited Kazakh students to the university.",
     [{"education"}]),
    ("Посол Айбек Нуров встретился с ректором Анной Новак.\n\nНовак пригласила казахстанских студентов в университет.",
     [{"education"}]),
    # a university the talks name is a matter of education
    ("The Ambassador Aibek Nurov met with Governor Anna Nowak. They signed a memorandum between Curtin University "
     "and Karaganda Technical University.", [{"education"}]),
    ("Посол Айбек Нуров встретился с губернатором Анной Новак. Стороны подписали меморандум между Вроцлавским "
     "университетом и Карагандинским техническим университетом.", [{"education"}]),
    ("Елші Айбек Нұров губернатор Анна Новакпен кездесті. Тараптар Вроцлав университеті мен Қарағанды техникалық "
     "университеті арасындағы меморандумға қол қойды.", [{"education"}]),
    # a paragraph that opens with the attention paid to a subject is about the talks, in each language
    ("The Ambassador Aibek Nurov met with Governor Anna Nowak.\n\nConsiderable attention was paid to tourism.",
     [{"tourism"}]),
    ("The Ambassador Aibek Nurov met with Governor Anna Nowak.\n\nAnother subject was tourism on Lake Alakol.",
     [{"tourism"}]),
    ("Посол Айбек Нуров встретился с губернатором Анной Новак.\n\nОсобое внимание было уделено туризму.",
     [{"tourism"}]),
    # ... and one a post's word opens, with no verb of talks: one side's words
    ("The Ambassador Aibek Nurov met with Governor Anna Nowak.\n\nThe governor thanked Kazakhstan for its help "
     "with tourism.", [{"tourism"}]),
    ("Посол Айбек Нуров встретился с губернатором Анной Новак.\n\nГлава региона поблагодарил посла за помощь "
     "туристической отрасли.", [{"tourism"}]),
    ("Елші Айбек Нұров губернатор Анна Новакпен кездесті.\n\nГубернатор елшіге туризм саласына көмегі үшін "
     "алғыс жолдады.", [{"tourism"}]),
    # ... and one that names no one of the meeting is not
    ("The Ambassador Aibek Nurov met with Rector Anna Nowak.\n\nPeter Smith opened a tourism fair in Warsaw.",
     [set()]),
    # a region's climate is background, not the environment discussed; climate change is
    ("The Ambassador Aibek Nurov met with Governor Anna Nowak. The governor said the region's climate resembles "
     "that of Kazakhstan, and the sides discussed agriculture.", [{"agriculture"}]),
    ("Елші Айбек Нұров губернатор Анна Новакпен кездесті. Тараптар климаттың өзгеруі мен ауыл шаруашылығын "
     "талқылады.", [{"environment", "agriculture"}]),
    ("Посол Айбек Нуров встретился с губернатором Анной Новак. Губернатор отметил, что климат области похож на "
     "казахстанский, стороны обсудили сельское хозяйство.", [{"agriculture"}]),
])
def test_meeting_topics(text, expected):
    assert topics(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ru: an adjective derived from a cue noun names its sector
    ("Стороны обсудили сотрудничество в образовательной сфере.", {"education"}),
    ("Стороны обсудили развитие фармацевтической отрасли.", {"chemicals"}),
    # but a word that only starts like a cue does not
    ("Стороны обсудили образ жизни.", set()),
])
def test_derived_russian_cues(text, expected):
    assert sectors(text) == expected
