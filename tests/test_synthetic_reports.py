"""The build benchmark's synthetic reports read as real ones do: in each language a meeting of the region's
akim and the state's ambassador, and the organization a report names; most sentences name someone or something,
and few are repeated."""

from collections import Counter

import pytest
from bench_support import load_benchmark

from kg.model import MentionKind
from kg.pipeline import extract
from kg.reports import parse_report
from kg.text import LATER_CAPITAL, sentences

generator = load_benchmark("synthetic_reports")
MAKER = generator.ReportMaker()
REPORTS = {n: MAKER.report(n) for n in range(5)}


@pytest.mark.parametrize(("n", "language"), [(0, "kk"), (1, "kk"), (2, "ru"), (3, "ru"), (4, "en")])
def test_a_synthetic_report_tells_a_meeting_of_an_akim_and_an_ambassador_and_names_an_organization(n, language):
    report = parse_report(f"r{n}.txt", REPORTS[n])
    x = extract(report)
    assert report.language == language
    roles: dict[str, set[str]] = {}
    for post in x.posts:
        roles.setdefault(post.holder, set()).add(post.role)
    met = [set().union(*(roles.get(p, set()) for p in m.participants)) for m in x.meetings]
    assert any({"governor", "ambassador"} <= r for r in met)
    named = {e.name for e in x.entities if e.kind == MentionKind.ORGANIZATION}
    assert any(org[language] in named for org in MAKER.organizations if org[language] in REPORTS[n])


def test_the_same_seed_gives_the_same_reports():
    again = generator.ReportMaker()
    assert {n: again.report(n) for n in range(5)} == REPORTS


@pytest.mark.parametrize("n", range(5))
def test_a_synthetic_page_reads_as_its_report(tmp_path, n):
    from kg.inputs.collect import collect

    (plain,) = collect([generator.write_reports(tmp_path / "txt", 1, start=n)[0]]).reports
    (page,) = collect([generator.write_reports(tmp_path / "html", 1, start=n, pages=True)[0]]).reports
    assert page.text.split() == plain.text[plain.body_start:].split()
    assert (page.published, page.title, page.language) == (plain.published, plain.title, plain.language)


def _sentences(count: int) -> dict[str, list[str]]:
    maker, by_language = generator.ReportMaker(seed=7), {}
    for n in range(count):
        report = parse_report(f"r{n}.txt", maker.report(n))
        by_language.setdefault(report.language, []).extend(
            report.text[s.start:s.end] for s in sentences(report.text, start=report.body_start))
    return by_language


@pytest.mark.parametrize(("language", "said"), sorted(_sentences(300).items()))
def test_synthetic_sentences_name_as_often_as_real_ones_and_seldom_repeat(language, said):
    """Real reports capitalise a word after the first in about 70 % of their sentences and seldom say a sentence
    twice; the extraction's caches and the recognisers' sentence filters would otherwise profit more than on them."""
    naming = sum(bool(LATER_CAPITAL.search(s)) for s in said) / len(said)
    assert 0.6 <= naming <= 0.9
    assert len(Counter(said)) / len(said) >= 0.8
