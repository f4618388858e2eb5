"""The build benchmark's synthetic reports read as real ones do: in each language a meeting of the region's
official and the state's diplomat, and the organization a report names."""

import pytest
from bench_support import load_benchmark

from kg.model import MentionKind
from kg.pipeline import extract
from kg.reports import parse_report

generator = load_benchmark("synthetic_reports")
MAKER = generator.ReportMaker()
REPORTS = {n: MAKER.report(n) for n in range(5)}


@pytest.mark.parametrize(("n", "language"), [(0, "kk"), (1, "kk"), (2, "ru"), (3, "ru"), (4, "en")])
def test_a_synthetic_report_tells_a_meeting_of_two_persons_and_names_an_organization(n, language):
    report = parse_report(f"r{n}.txt", REPORTS[n])
    x = extract(report)
    assert report.language == language
    assert [len(m.participants) for m in x.meetings] == [2]
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
