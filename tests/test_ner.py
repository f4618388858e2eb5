from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import DipkgError
from kg.model import MentionKind, Report
from kg.ner import (
    DEFAULT_MODEL,
    ClassScore,
    Tagger,
    entity_spans,
    evaluate,
    kaznerd_mentions,
    kaznerd_proposals,
    read_conll,
    train,
)
from kg.ner_features import sentence_features, shape, stem

# A small hand-written corpus: each sentence follows one of a few patterns, so that a model
# trained on it for a few iterations tags its own sentences back.
TINY = [
    [tuple(pair.rsplit("/", 1)) for pair in line.split()]
    for line in (
        "Асқар/B-PERSON Маратов/I-PERSON Алматыға/B-GPE келді/O ./O",
        "Бақыт/B-PERSON Серікова/I-PERSON Астанаға/B-GPE келді/O ./O",
        "Ерлан/B-PERSON Ахметов/I-PERSON Шымкентке/B-GPE келді/O ./O",
        "Дана/B-PERSON Омарова/I-PERSON Таразға/B-GPE келді/O ./O",
        "Министр/B-POSITION Нұрлан/B-PERSON Қалиев/I-PERSON сөйледі/O ./O",
        "Министр/B-POSITION Айгүл/B-PERSON Сәрсенова/I-PERSON сөйледі/O ./O",
        "Елші/B-POSITION Мақсат/B-PERSON Жұмабаев/I-PERSON сөйледі/O ./O",
        "Елші/B-POSITION Гүлнар/B-PERSON Бекова/I-PERSON сөйледі/O ./O",
        "Бүгін/O жаңбыр/O жауды/O ./O",
        "Кеше/O күн/O ашық/O болды/O ./O",
        "Ертең/O қар/O жауады/O ./O",
        "Біз/O кітап/O оқыдық/O ./O",
    )
]


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    path.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tiny")
    corpus = write_conll(folder / "tiny.txt", TINY)
    model = folder / "models" / "tiny.crfsuite"
    train(corpus, model_path=model, c1=0.0, c2=0.01, max_iterations=60, min_freq=1)
    return corpus, model


@pytest.fixture(scope="module")
def shipped() -> Tagger:
    return Tagger.load()


@pytest.mark.parametrize(
    ("sentence", "surface", "label"),
    [
        ("Президент Қасым-Жомарт Тоқаев Ақордада елшілерді қабылдады.", "Қасым-Жомарт Тоқаев", "PERSON"),
        ("Қасым-Жомарт Тоқаев Мәскеуге ресми сапармен барды.", "Мәскеуге", "GPE"),
        ("Алматы қаласында жаңа мектеп ашылды.", "Алматы", "GPE"),
        ("Ресей Президенті Владимир Путин Қазақстанға келді.", "Ресей Президенті", "POSITION"),
        ("Ресей Президенті Владимир Путин Қазақстанға сапармен келді.", "Владимир Путин", "PERSON"),
        ("Қазақстан мен Жапония ынтымақтастықты талқылады.", "Жапония", "GPE"),
        ("Сыртқы істер министрлігі бұл туралы мәлімдеме жасады.", "Сыртқы істер министрлігі", "ORGANISATION"),
        ("Біріккен Ұлттар Ұйымы жаңа баяндама жариялады.", "Біріккен Ұлттар Ұйымы", "ORGANISATION"),
    ],
)
def test_shipped_model_tags_names(shipped: Tagger, sentence: str, surface: str, label: str) -> None:
    assert (surface, label) in {(s.text, s.label) for s in shipped.spans(sentence)}


KNOWN_SENTENCES = [
    "Президент Қасым-Жомарт Тоқаев Ақордада елшілерді қабылдады.",
    "«Қазақстан темір жолы» ҰК АҚ басқарма төрағасы Астанада Жапония елшісімен кездесті.",
    "Елші Бақыт Серікова мен Ломбардия өңірінің губернаторы логистиканы талқылады.",
    "Зүмбіл Құрмантайқызы Ақтөбеге 2025 жылғы 15-қазанда келді.",
    "Біз кітап оқыдық.",
]


def test_the_model_dictionary_is_read_from_its_dump(shipped: Tagger) -> None:
    assert shipped.attributes == frozenset(shipped._crf.info().attributes)
    assert {"bias", "BOS", "EOS"} <= shipped.attributes


def test_a_model_whose_dump_cannot_be_written_is_handed_every_attribute(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def no_room(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/tmp")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_room)
    tagger = Tagger.open(DEFAULT_MODEL)
    assert tagger.attributes is None
    words = KNOWN_SENTENCES[0].replace(".", " .").split()
    assert tagger.tag(words) == Tagger.load().tag(words)


@pytest.mark.parametrize("sentence", KNOWN_SENTENCES)
def test_only_the_attributes_the_model_weighs_are_handed_to_it(shipped: Tagger, sentence: str) -> None:
    words = [t for t in sentence.replace(".", " .").split()]
    every, known = sentence_features(words), sentence_features(words, shipped.attributes)
    assert all(set(k) == {a for a in e if a in shipped.attributes} for e, k in zip(every, known, strict=True))
    assert sum(map(len, known)) < sum(map(len, every))  # some of a sentence's attributes are unknown to it
    assert shipped.tag(words) == list(shipped._crf.tag(every))


def test_shipped_model_is_loaded_once() -> None:
    assert Tagger.load() is Tagger.load(DEFAULT_MODEL)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "O"], []),
        (["B-PERSON", "I-PERSON", "O"], [(0, 2, "PERSON")]),
        (["B-GPE", "B-GPE"], [(0, 1, "GPE"), (1, 2, "GPE")]),
        (["I-GPE", "I-GPE", "O"], [(0, 2, "GPE")]),
        (["B-PERSON", "I-GPE"], [(0, 1, "PERSON"), (1, 2, "GPE")]),
        (["O", "B-POSITION", "I-POSITION"], [(1, 3, "POSITION")]),
    ],
)
def test_entity_spans(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert entity_spans(tags) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Тоқаевтың", "тоқаев"), ("Астанаға", "астана"), ("министрлігінің", "министрліг"), ("ол", "ол")],
)
def test_stem_strips_one_ending(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"), [("Тоқаев", "Xx"), ("ЕО", "X"), ("2024", "d"), ("COVID-19", "X-d")]
)
def test_shape(word: str, expected: str) -> None:
    assert shape(word) == expected


def test_features_one_list_per_token() -> None:
    feats = sentence_features(["Асқар", "келді", "."])
    assert len(feats) == 3
    assert "BOS" in feats[0] and "EOS" in feats[2]
    assert "w=асқар" in feats[0]


def test_read_conll(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("Асқар B-PERSON\nкелді\tO\n\n\nБіз O\n.  O\n", "utf-8")
    assert read_conll(path) == [(["Асқар", "келді"], ["B-PERSON", "O"]), (["Біз", "."], ["O", "O"])]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Асқар B-PERSON\nкелді\n", ":2: a token without a tag"),
        ("Асқар PERSON\n", ":1: 'PERSON' is not an IOB2 tag"),
        ("Асқар B-PERSON\n\nкелді X-GPE\n", ":3: 'X-GPE' is not an IOB2 tag"),
    ],
)
def test_read_conll_malformed_names_file_and_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(content, "utf-8")
    with pytest.raises(DipkgError) as caught:
        read_conll(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_read_conll_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DipkgError, match="no such corpus file"):
        read_conll(tmp_path / "absent.txt")


def test_missing_model(tmp_path: Path) -> None:
    with pytest.raises(DipkgError, match="no such model file"):
        Tagger.load(tmp_path / "absent.crfsuite")


def test_train_writes_model_that_tags_its_training_sentences(tiny_model: tuple[Path, Path]) -> None:
    _, model = tiny_model
    assert model.is_file()
    assert [p.name for p in model.parent.iterdir()] == [model.name]
    tagger = Tagger.load(model)
    for sentence in (TINY[0], TINY[4], TINY[8]):
        words = [w for w, _ in sentence]
        assert tagger.tag(words) == [t for _, t in sentence]


def test_train_report(tmp_path: Path) -> None:
    corpus = write_conll(tmp_path / "tiny.txt", TINY)
    report = train(corpus, model_path=tmp_path / "m.crfsuite", max_iterations=5, min_freq=1)
    assert report.sentences == len(TINY)
    assert report.tokens == sum(len(s) for s in TINY)
    assert report.labels == ("B-GPE", "B-PERSON", "B-POSITION", "I-PERSON", "O")
    assert report.model_bytes == (tmp_path / "m.crfsuite").stat().st_size


def test_train_on_empty_corpus_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "empty.txt"
    corpus.write_text("\n\n", "utf-8")
    with pytest.raises(DipkgError, match="no sentences"):
        train(corpus, model_path=tmp_path / "m.crfsuite")
    assert [p.name for p in tmp_path.iterdir()] == ["empty.txt"]


def test_train_can_keep_some_classes(tmp_path: Path) -> None:
    corpus = write_conll(tmp_path / "tiny.txt", TINY)
    report = train(corpus, model_path=tmp_path / "m.crfsuite", max_iterations=5, classes={"PERSON"})
    assert report.labels == ("B-PERSON", "I-PERSON", "O")


def test_evaluate_on_training_corpus(tiny_model: tuple[Path, Path]) -> None:
    corpus, model = tiny_model
    scores = evaluate(corpus, model_path=model)
    assert scores.sentences == len(TINY)
    assert [row.label for row in scores.classes] == ["GPE", "PERSON", "POSITION"]
    assert scores.score("PERSON") == ClassScore("PERSON", 8, 8, 8)
    assert scores.overall == ClassScore("micro", 16, 16, 16)
    assert scores.micro(["GPE", "POSITION"]).f1 == 1.0
    assert scores.score("NORP") == ClassScore("NORP", 0, 0, 0)


@pytest.mark.parametrize(
    ("gold", "predicted", "correct", "precision", "recall", "f1"),
    [(10, 5, 5, 1.0, 0.5, 2 / 3), (4, 4, 2, 0.5, 0.5, 0.5), (0, 0, 0, 0.0, 0.0, 0.0)],
)
def test_class_score(
    gold: int, predicted: int, correct: int, precision: float, recall: float, f1: float
) -> None:
    row = ClassScore("X", gold, predicted, correct)
    assert (row.precision, row.recall, row.f1) == pytest.approx((precision, recall, f1))


HEADER = "Қазақстан Жапония Ресей\n"
BODY = (
    "Жапонияның Қазақстандағы Елшісі Астанада Сыртқы істер министрі Ермек Көшербаевпен кездесті. "
    "Тараптар екі ел арасындағы ынтымақтастықты талқылады.\n"
    "The ambassador met the minister in Astana.\n"
)


def test_extractor_offsets_hold_and_skip_the_header() -> None:
    text = HEADER + BODY
    report = Report(source_file="x.txt", text=text, language="kk", body_start=len(HEADER))
    mentions = list(kaznerd_mentions(report))
    assert mentions
    for m in mentions:
        assert report.text[m.start : m.end] == m.text == m.value
        assert m.start >= report.body_start
        assert m.extractor == "kaznerd"
        assert m.subtype is None
        assert m.kind in {MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION, MentionKind.ROLE}
    assert any(m.kind == MentionKind.PERSON and "Көшербаев" in m.text for m in mentions)
    assert not any(m.start >= text.index("The ambassador") for m in mentions)


@pytest.mark.parametrize(("sentence", "every", "proposed"), [
    ("Елші Астанада Ермек Көшербаевпен кездесті.", True, True),
    ("Елші «Қазақстан темір жолы» компаниясының басшысымен кездесті.", True, True),
    ("Тараптар екі ел арасындағы ынтымақтастықты талқылады.", True, False),
    ("Көшербаев ынтымақтастықты талқылады.", True, False),
    ("The sides met Mr Smith in Astana.", False, False),  # no Kazakh letter
])
def test_the_tagger_reads_kazakh_sentences_and_proposes_from_those_with_a_later_capital(
        monkeypatch: pytest.MonkeyPatch, sentence: str, every: bool, proposed: bool) -> None:
    asked: list[str] = []
    monkeypatch.setattr(Tagger, "sentence_spans", lambda self, text, s: asked.append(s.text) or [])
    report = Report(source_file="x.txt", text=sentence, language="kk")
    list(kaznerd_mentions(report))
    assert asked == ([sentence] if every else [])
    asked.clear()
    list(kaznerd_proposals(report))
    assert asked == ([sentence] if proposed else [])


def test_the_kazakh_recogniser_is_the_taggers_proposals() -> None:
    from kg.lang import profile

    assert profile("kk").recogniser() is kaznerd_proposals


def test_spans_offsets_index_the_given_text(shipped: Tagger) -> None:
    text = "  Кіріспе.\nПрезидент Қасым-Жомарт Тоқаев Парижге барды.  "
    for span in shipped.spans(text, start=10):
        assert text[span.start : span.end] == span.text
        assert span.start >= 10
