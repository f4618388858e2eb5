"""Named-query parameters that name a person, place or organization: any label, any case form the graph
(the reports' quotes) or the morphology (every language's dictionary forms) knows; values stay bound."""

import pytest

from kg import query as q
from kg.names import label_forms

REPORT = ("2025-03-04 Кездесу\nАстана, 4 наурыз. Қазақстан Республикасының Сыртқы істер министрі Ермек Көшербаев "
          "Жапонияның Қазақстандағы Елшісі Кэн Танакамен кездесті. Тараптар сауда және көлік салаларындағы "
          "ынтымақтастықты талқылады.\n")


@pytest.fixture(scope="module")
def seeds(seed_files):
    return q.load_store(seed_files["ttl"])


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("names")
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    out = folder / "out"
    build([folder / "a.txt"], out_dir=out)
    return q.load_store(out / "diplomacy.ttl")


def ask(store, name: str, **params: str) -> list[dict[str, str]]:
    result = q.ask(store, name, params)
    return [{v: "" if t is None else t.value for v, t in zip(result.variables, row, strict=True)}
            for row in result.rows]


@pytest.mark.parametrize("person", ["Ермек Көшербаев", "Kosherbayev", "Көшербаевпен", "Ермек Кошербаевым",
                                    "Yermek Kosherbayev", "көшербаев", "Е. Көшербаев"])
def test_person_by_any_spelling_and_case_form(invented, person):
    rows = ask(invented, "person-meetings", person=person)
    assert [r["name"] for r in rows] == ["Ермек Көшербаев"] and "Кэн Танака" in rows[0]["with"]


@pytest.mark.parametrize("person", ["Танакамен", "Tanaka", "кэн танака"])
def test_the_other_side_too(invented, person):
    assert [r["name"] for r in ask(invented, "person-meetings", person=person)] == ["Кэн Танака"]


@pytest.mark.parametrize(("region", "expected"), [
    ("Льеж провинциясы", {"Льеж провинциясы"}),
    ("льеж провинциясында", {"Льеж провинциясы"}),       # a Kazakh case form (morphology)
    ("Алматинская область", {"Алматинская область"}),
    ("Алматинской области", {"Алматинская область"}),    # a Russian case form (morphology)
    ("Бельгия", set()),                                    # a country is no region
    ("Льеж провинциясымен Бельгия", set()),
])
def test_region_by_label_or_case_form(seeds, region, expected):
    assert {r["region"] for r in ask(seeds, "regions-engaged", region=region)} == expected


def test_a_municipal_chamber_is_no_region(seeds):
    rows = ask(seeds, "regions-engaged")
    assert rows and not [r for r in rows if "палатасы" in r["region"]]
    assert {r["region"] for r in rows} == {"Льеж провинциясы", "Алматинская область"}


@pytest.mark.parametrize(("organization", "report"), [
    ("UNESCO", "001_7e26e4af5a0f6119.txt"),
    ("юнеско", "001_7e26e4af5a0f6119.txt"),
    ("ЮНЕСКО-мен", "001_7e26e4af5a0f6119.txt"),
    ("JTI's", "004_2c1c7d9b27086156.txt"),
    ("jti", "004_2c1c7d9b27086156.txt"),
])
def test_organization_by_label_or_case_form(seeds, organization, report):
    rows = ask(seeds, "reports-mentioning-organization", organization=organization)
    assert {r["report"] for r in rows} == {report}
    assert "organizationForms" not in rows[0]


@pytest.mark.parametrize("hostile", ['") } SELECT * { ?s ?p ?o } #', "|", "||||", "JTI|ЮНЕСКО"])
def test_label_values_stay_data(seeds, hostile):
    rows = ask(seeds, "reports-mentioning-organization", organization=hostile)
    assert {r["report"] for r in rows} <= {"004_2c1c7d9b27086156.txt", "001_7e26e4af5a0f6119.txt"}
    assert not [r for r in rows if "JTI" in hostile and "ЮНЕСКО" in r["organization"]]


@pytest.mark.parametrize(("value", "forms"), [
    ("Северо-Казахстанской области", {"северо-казахстанская область", "северо-казахстанской области"}),
    ("Льеж провинциясында", {"льеж провинциясы"}),
    ("Бельгией", {"бельгия"}),
    ("Toyota's", {"toyota"}),
])
def test_label_forms(value, forms):
    found = set(label_forms(value).strip("|").split("|"))
    assert forms <= found


def test_label_forms_of_nothing():
    assert label_forms("  ") == "" and "|" not in label_forms("a|b").strip("|")


def test_countries_has_no_unexplained_column(seeds):
    sparql, bound = q.resolve("countries", {})
    assert q.run(seeds, sparql, params=bound).variables == ("country", "name", "wikidata", "reports")


def test_the_page_runs_label_queries_unbound(seeds):
    """The endpoint runs a named query's text as it is: an unbound label parameter filters nothing."""
    assert len(list(seeds.query(q.named_query("regions-engaged").text))) == 2


@pytest.mark.parametrize(("query", "param", "value", "bound", "forms"), [
    ("person-meetings", "person", "Ермек Көшербаев", "personKeys", False),   # a person's key as written
    ("person-meetings", "person", "Kosherbayev", "personKeys", False),
    ("person-meetings", "person", "кэн танака", "personKeys", False),
    ("person-meetings", "person", "Көшербаевпен", "personKeys", True),        # no node is called so: its forms
    ("person-meetings", "person", "Ермек Кошербаевым", "personKeys", True),
    ("explain", "node", "Жапония", "nodeKeys", False),                       # a label in lower case
    ("regions-engaged", "region", "Льеж провинциясы", "regionForms", False),
    ("regions-engaged", "region", "льеж провинциясында", "regionForms", True),
    ("reports-mentioning-organization", "organization", "UNESCO", "organizationForms", False),
    ("reports-mentioning-organization", "organization", "ЮНЕСКО-мен", "organizationForms", True),
])
def test_a_name_as_written_first(seeds, invented, query, param, value, bound, forms):
    """A name the graph knows a node by, as written, is bound as written; another is bound with every language's
    forms of it; without a store, always with the forms."""
    from kg.names import query_keys

    store = invented if query in ("person-meetings", "explain") else seeds
    kind = label_forms if bound.endswith("Forms") else query_keys
    _, terms = q.resolve(query, {param: value}, store)
    assert terms[bound].value == kind(value, forms=forms)
    assert q.resolve(query, {param: value})[1][bound].value == kind(value)


@pytest.mark.parametrize(("value", "forms"), [
    ("Льеж провинциясында", {"льеж провинциясында"}),
    ("Toyota's", {"toyota's", "toyota"}),
    ("  ЮНЕСКО ", {"юнеско"}),
])
def test_label_forms_as_written(value, forms):
    assert set(label_forms(value, forms=False).strip("|").split("|")) == forms


@pytest.mark.parametrize("hostile", ['") } SELECT * { ?s ?p ?o } #', "|", "||", "Көшербаев|Танака", "'; DROP", ""])
def test_name_values_stay_data(invented, hostile):
    """A value that is no name finds no person, as written or by any form, and is no error."""
    assert ask(invented, "person-meetings", person=hostile) == []
