"""The English named-entity recogniser and its proposals to the rules, on invented sentences."""

import pytest

from kg.lang import languages, profile
from kg.lang.en.ner import mentions
from kg.lexicon import load_lexicon
from kg.model import MentionKind
from kg.reports import parse_report
from kg.rules import tagged_rule_mentions


def report(text: str):
    return parse_report("t.txt", text, month=load_lexicon().month)


def found(text: str, kind: str) -> list[str]:
    return [m.value for m in mentions(report(text)) if m.kind == kind]


@pytest.mark.parametrize("text, expected", [
    ("Mrs. Nişangül Karatayeva thanked the hosts for the warm welcome.", ["Nişangül Karatayeva"]),
    ("The board welcomed Members Aliya Sadykova and Ruslan Bekov to the hall.", ["Aliya Sadykova", "Ruslan Bekov"]),
    ("Yesterday Mr. Jean Dupont, Ambassador of France, opened the fair.", ["Jean Dupont"]),
    ("Later Tomasz Wójcik noted that the talks went well.", ["Tomasz Wójcik"]),
    # a word of a derived town's name of several words (Wang Thonglang) is no town of its own
    ("The delegation also included Wang Lei, director of the company.", ["Wang Lei"]),
    ("The guests were received by H.E. Mr. Arman Toleuov in the hall.", ["Arman Toleuov"]),
    ("Mr. John Smith spoke about wheat exports.", ["John Smith"]),
    ("A letter came from Darkhan Omarov's office.", ["Darkhan Omarov"]),
    ("Governor Vasip Şahin greeted the delegation.", ["Vasip Şahin"]),
    ("Deputy Prime Minister B. Zhaksylykov welcomed the guests.", ["B. Zhaksylykov"]),
    # after a verb of meeting, with no post: a person; a town's name that ends a name is a surname
    ("The Ambassador met with Attilio Fontana in Milan.", ["Attilio Fontana"]),
    ("On Friday the consul received Mario Rossi at the consulate.", ["Mario Rossi"]),
    ("The consul met Attilio Fontana, President of Lombardy, in Milan.", ["Attilio Fontana"]),
    ("The Working Group met on Monday and Regional Council members attended.", []),
    ("The consul met with Fontana Milan officials.", []),
    # name particles inside a name are no words of their own; an honorific is no part of it
    ("The consul held a meeting with Sheikh Mohammed bin Rashid Al Maktoum, Ruler of Dubai.",
     ["Mohammed bin Rashid Al Maktoum"]),
    # ... and so are two or three in a row, with no post before the name
    ("The consul met with Mark van der Linden on Monday.", ["Mark van der Linden"]),
    ("The consul met with Jean de la Fontaine in Paris.", ["Jean de la Fontaine"]),
    # a function word that is somebody's given name too opens no name (In Brussels, ...)
    ("In Brussels, the Ambassador Roman Vassilenko met the guests.", ["Roman Vassilenko"]),
    ("Kazakhstan and France signed an agreement on energy.", []),
    # a place the gazetteer does not know, between a post and a name, is no word of the name
    ("Consul General of Kazakhstan in Frankfurt Ruslan Kuanyshev met the guests.", ["Ruslan Kuanyshev"]),
    ("Kazakhstan's Honorary Consul in Gdynia Piotr Nowak opened the office.", ["Piotr Nowak"]),
    ("The Ambassador in Wiesbaden Nurlan Onzhanov spoke.", ["Nurlan Onzhanov"]),
    # without a post before it, a name of three words after a preposition stays whole
    ("A message from Mary Anne Hawkins noted the progress.", ["Mary Anne Hawkins"]),
    # the agent of a verb of meeting, attending or joining a group, after "by"
    ("The ambassador was accompanied by Elena Rinaldi and Marco Rossi.", ["Elena Rinaldi", "Marco Rossi"]),
    ("He was welcomed by Elena Rinaldi.", ["Elena Rinaldi"]),
    ("The forum was organised by Astana Hub.", []),
    # a post and the capitalised words of its complement before a name: the name is a person's
    ("Deputy Minister of Trade and Export Development Dale Quinlan also came.", ["Dale Quinlan"]),
    ("The Minister of Trade Dale Quinlan also came.", ["Dale Quinlan"]),
    # a post's words joined by a hyphen are no words of the name after them
    ("The consul met Vice-Marshal Anna Kowal in Lodz.", ["Anna Kowal"]),
    # ... whose last word may be a common word, where nothing capitalised follows it
    ("It was led by Vice Chairman of the National Assembly Vu Thanh Long on Monday.", ["Vu Thanh Long"]),
    ("It was led by Vice Chairman of the National Assembly Vu Thanh Long Island Bank.", []),
    # a post, its complement and a place's words, and a comma before a name in apposition
    ("He met the UN Resident Coordinator in Mongolia, Tessa Varnholt, on Monday.", ["Tessa Varnholt"]),
    ("He met the Ambassador of Chile to Kazakhstan, Pablo Irrazabal, in Astana.", ["Pablo Irrazabal"]),
    ("He toured the Science Park in Daejeon, Korea Institute of Energy, on Monday.", []),
    # a surname that is a common word too, before a post of one word or several in apposition
    ("Also present was Daniel Hughes, chief operating officer of the company.", ["Daniel Hughes"]),
    ("He held talks with Linda Harper, senior vice president for markets.", ["Linda Harper"]),
    ("He toured Green Market, the city's largest bazaar.", []),
    # a common word right after a post and before a surname-shaped word is a given name
    ("Vice Minister Asset Kuanyshev and Director Dana Omarova also took part.", ["Asset Kuanyshev", "Dana Omarova"]),
    ("The Minister Asset Kuanyshev spoke.", ["Asset Kuanyshev"]),
    ("The Minister Asset Management Office spoke.", []),
    # the holder's name after a post is no word of a body named after "and"
    ("Deputy Mayor Kairat Abenov and Tourism Department head Dana Serikova attended the talks.",
     ["Kairat Abenov", "Dana Serikova"]),
])
def test_persons(text, expected):
    assert found(text, MentionKind.PERSON) == expected


@pytest.mark.parametrize("text, expected", [
    ("The rector of Abylai Khan State University met the guests.", ["Abylai Khan State University"]),
    ("He visited the Ministry of Foreign Affairs of Latvia last week.", ["Ministry of Foreign Affairs of Latvia"]),
    # a state's name is a name word before a head (not common words alone); a known place ends an of-phrase
    # before a person's name
    ("He met the head of the Japan External Trade Organization yesterday.", ["Japan External Trade Organization"]),
    ("He met the Rector of the University of Tokyo Teruo Fujii.", ["University of Tokyo"]),
    # after a state, a surname that is a word too (Costa)
    ("He met the Secretary of State of the Ministry of Foreign Affairs of Portugal Rui Costa.",
     ["Ministry of Foreign Affairs of Portugal"]),
    ("He met the leadership of the Confederation of Indian Industry.", ["Confederation of Indian Industry"]),
    ("Delegates of TURKPA and KAZNEX met. TURKPA and KAZNEX agreed.", ["TURKPA", "KAZNEX", "TURKPA", "KAZNEX"]),
    ("Delegates of TURKPA attended the meeting.", []),
    ("The talks were held at the Governorate of Izmir on Friday.", ["Governorate of Izmir"]),
    ("The Working Group met on Monday.", []),
    ("GDP grew by 5 percent and 50 MW were added in USD terms.", []),
    # a body's common words end its name before a person's
    ("He met the President of the Milan Chamber of Commerce Carlo Sangalli.", ["Milan Chamber of Commerce"]),
    # a word with capitals inside is a company's, not a person's name (McDonald is a name)
    ("He met the managers of KazTransGas and PetroChina.", ["KazTransGas", "PetroChina"]),
    ("He met Mr. Ronald McDonald yesterday.", []),
    # a name with a company's class noun in apposition, or ending in a legal form
    ("He met the management of Eni, the Italian energy company, in Rome.", ["Eni"]),
    ("He met the management of Danieli, a steel company.", ["Danieli"]),
    ("He met Luca Rossi, the head of the company.", []),
    ("He visited Siemens AG and Bosch GmbH.", ["Siemens AG", "Bosch GmbH"]),
    # a company named by its trade, a city's chambers and municipality
    ("He visited Nordwind Logistics and Halden Rail Systems.", ["Nordwind Logistics", "Halden Rail Systems"]),
    ("Talks with Orsa Industries and Velta Engineering followed.", ["Orsa Industries", "Velta Engineering"]),
    ("He met the heads of Abu Dhabi Chambers and Izmir Metropolitan Municipality.",
     ["Abu Dhabi Chambers", "Izmir Metropolitan Municipality"]),
    ("He met the head of the Dubai Civil Aviation Authority.", ["Dubai Civil Aviation Authority"]),
    ("The Ambassador met members of the House of Lords.", ["House of Lords"]),
    # the name after the post of a body's head and "of": the body's, not a place's or a person's
    ("He met the Chief Executive Officer of Norvik Feed, Omar Saleh.", ["Norvik Feed"]),
    ("He met Anna Weiss, rector of TH Oberlind, and Tom Kale, regional director of Brandholt in Asia.",
     ["TH Oberlind", "Brandholt"]),
    ("He met the managing director of Norvik Feed Omar Saleh.", ["Norvik Feed"]),
    ("He met the director of Astana Hub and of Almaty.", []),
    ("He met the managing director of Germany.", []),
    # a holder's name after a post opens no body's name across "and"; a body's words do
    ("Deputy Mayor Kairat Abenov and Tourism Department head Dana Serikova attended.", ["Tourism Department"]),
    ("He visited the Ministry of Culture and Sports Department of Almaty.",
     ["Ministry of Culture and Sports Department of Almaty"]),
])
def test_organizations(text, expected):
    assert found(text, MentionKind.ORGANIZATION) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ambassador then travelled to Tash'kala by train.", ["Tash'kala"]),
    ("He praised the Province of Konya for its support.", ["Province of Konya"]),
    ("Farmers of Hebei Province export wheat.", ["Hebei Province"]),
    ("The talks went well in general.", []),
    ("Consul General of Kazakhstan in Frankfurt Ruslan Kuanyshev met the guests.", ["Frankfurt"]),
])
def test_places(text, expected):
    assert found(text, MentionKind.PLACE) == expected


def test_offsets_and_extractor():
    r = report("Ms. Aliya Sadykova's speech was noted. Mr. Ruslan Bekov thanked her.")
    for m in mentions(r):
        assert r.text[m.start:m.end] == m.text
        assert m.extractor == "en-ner"
    assert [m.text for m in mentions(r) if m.kind == MentionKind.PERSON] == ["Aliya Sadykova", "Ruslan Bekov"]


def test_registry_resolves_recognisers_by_language():
    assert set(languages()) >= {"kk", "ru", "en"}
    assert profile("en").recogniser() is mentions
    assert profile("xx").recogniser() is None


@pytest.mark.parametrize("text, expected", [
    ("Secretary General Sultan Raimov stressed the role of culture.", ["Sultan Raimov"]),
    ("Mrs. Nişangül Karatayeva thanked the hosts for the warm welcome.", ["Nişangül Karatayeva"]),
    ("Ambassador of Japan to Kazakhstan Haruki Sato and representatives of firms met.", ["Haruki Sato"]),
    # a chargé d'affaires ad interim, written out or abbreviated
    ("The minister met Chargé d'Affaires a.i. of the Netherlands Pieter van der Molen.", ["Pieter van der Molen"]),
    ("The minister met Chargé d'Affaires ad interim of the Netherlands Pieter van der Molen.",
     ["Pieter van der Molen"]),
    ("City Councillor Mark Brown met the ambassador.", ["Mark Brown"]),
    # a middle initial is a word of the name
    ("He said that Robert T. Lang met the mayor.", ["Robert T. Lang"]),
    # a company's abbreviated legal form and its full stop are no end of the post's phrase
    ("The guests included the CEO of Nordwind Cables Inc. Marc Dubois.", ["Marc Dubois"]),
    # a name joined by "and" to a name after an honorific is a person too
    ("Marc Dubois and Mr. Alan Brooks met the akim.", ["Marc Dubois", "Alan Brooks"]),
    # a post in apposition after a proposed person's name is his; the name after it a body's (Delta Aqua)
    ("The Ambassador met Peter Jansen, director of Delta Aqua.", ["Peter Jansen"]),
    ("The Ambassador met Peter Jansen, the President of Codelco, on Monday.", ["Peter Jansen"]),
    # ... with a lower-case adjective before the post's word
    ("The delegation includes Piet Jansen, regional director of Delta Aqua.", ["Piet Jansen"]),
    ("The guests included Anna Kowalska, technical director of the plant.", ["Anna Kowalska"]),
])
def test_rules_take_english_proposals(text, expected):
    persons = [m.value for m in tagged_rule_mentions(report(text)) if m.kind == MentionKind.PERSON]
    assert persons == expected


@pytest.mark.parametrize("text, expected", [
    # the recogniser's of-phrase extends the body the rules read from its head noun
    ("The Ambassador visited the Polytechnic University of Milan.", ["Polytechnic University of Milan"]),
    ("The Ambassador met the Rector of the Polytechnic University of Milan Donatella Sciuto.",
     ["Polytechnic University of Milan"]),
    ("The Ambassador visited the Italy-Kazakhstan Chamber of Commerce.", ["Italy-Kazakhstan Chamber of Commerce"]),
    # a library's and a theatre's head noun, as a museum's, in the rules
    ("The delegation visited the Almaty Central Library and the Astana Opera Theatre.",
     ["Almaty Central Library", "Astana Opera Theatre"]),
    # a company named by the noun of its trade or works, however the words before it read
    ("The Ambassador visited the Pavlodar Petrochemical Plant.", ["Pavlodar Petrochemical Plant"]),
    ("He met the managers of Kazakhstan Railways in Astana.", ["Kazakhstan Railways"]),
    ("The akim met the chairman of Nordic Marine Foods on Monday.", ["Nordic Marine Foods"]),
    ("Talks were held with Orion Textiles.", ["Orion Textiles"]),
    ("Representatives of Arman Group attended.", ["Arman Group"]),
])
def test_rules_take_english_organizations(text, expected):
    found = [m.value for m in tagged_rule_mentions(report(text)) if m.kind == MentionKind.ORGANIZATION]
    assert found == expected


@pytest.mark.parametrize(("word", "inflected", "common"), [
    ("Cooperation", False, True),
    ("Discusses", False, False),  # rarer than its stem
    ("Discusses", True, True),
    ("Partnerships", True, True),
    ("Agencies", True, True),
    ("Williams", True, False),  # William is a given name
    ("Fontanesi", True, False),
    ("Thomas", True, False),
])
def test_common_words_in_any_form(word, inflected, common):
    from kg.lang.en.ner import common_word

    assert common_word(word, inflected=inflected) is common


@pytest.mark.parametrize("word, expected", [
    ("meetings", True), ("ambassadors", True), ("diplomats", True), ("chairmen", True), ("deputies", True),
    ("meeting", False), ("ambassador", False), ("business", False), ("status", False), ("analysis", False),
    ("d'affaires", False),
])
def test_plural(word, expected):
    from kg.lang.en.forms import plural

    assert plural(word) is expected


@pytest.mark.parametrize(("token", "word", "fits"), [
    ("Officer", "officer", True), ("Officers", "officer", True), ("Governor's", "governor", True),
    ("Governorate", "governor", True),  # a longer word sharing the stem: the post's body
    ("Office", "officer", False), ("advised", "adviser", False),  # shorter words that only share a stem
    ("regional", "region", False), ("diplomatic", "diplomat", False),  # its adjectives
])
def test_post_fits(token, word, fits):
    assert profile("en").forms.post_fits(token, word) is fits
