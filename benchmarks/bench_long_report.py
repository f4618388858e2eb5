"""Build time of one long report (100 KB, 1 MB, 10 MB by default), to show it grows linearly.

The report is made of invented sentences in Russian, English and Kazakh, repeated with changing
names and dates until it reaches the size. Each size goes through ``kg.pipeline.extract`` and ``to_graph``;
the time per megabyte should stay about the same.

    python benchmarks/bench_long_report.py [--sizes 100000 1000000 10000000] [--language ru]
"""

from __future__ import annotations

import argparse
import time

from kg.pipeline import extract, to_graph
from kg.reports import parse_report

SENTENCES = {
    "ru": ("Министр иностранных дел Казахстана {a} встретился с послом {country} {b} в Астане {day} марта.",
           "Стороны обсудили сотрудничество в области энергетики, транспорта и образования.",
           "Аким города {c} провёл встречу с делегацией компании {org}."),
    "en": ("Foreign Minister of Kazakhstan {a} met the Ambassador of {country} {b} in Astana on {day} March.",
           "The sides discussed cooperation in energy, transport and education.",
           "The mayor of the city {c} received a delegation of the company {org}."),
    "kk": ("Қазақстан Сыртқы істер министрі {a} {country} елшісі {b} мырзамен Астанада {day} наурызда кездесті.",
           "Тараптар энергетика, көлік және білім беру салаларындағы ынтымақтастықты талқылады.",
           "Қала әкімі {c} {org} компаниясының делегациясын қабылдады."),
}
COUNTRIES = {"ru": ("Франции", "Японии", "Германии"), "en": ("France", "Japan", "Germany"),
             "kk": ("Франция", "Жапония", "Германия")}
NAMES = ("Арман Сейтов", "Болат Нуров", "Жан Дюпон", "Кэндзи Сато", "Ханс Мюллер", "Ерлан Касымов")
ORGS = ("Альфа", "Бета", "Гамма")


def long_text(size: int, language: str) -> str:
    parts = [" date 2024-03-01 Long report\n"]
    length = n = 0
    while length < size:
        a, b, c = (NAMES[(n + k) % len(NAMES)] for k in (0, 2, 4))
        for template in SENTENCES[language]:
            sentence = template.format(a=a, b=b, c=c, country=COUNTRIES[language][n % 3], day=1 + n % 28,
                                       org=ORGS[n % 3])
            parts.append(sentence + (" " if n % 5 else "\n"))
            length += len(sentence) + 1
        n += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--language", choices=sorted(SENTENCES), default="ru")
    args = parser.parse_args()
    extract(parse_report("warm.txt", long_text(1_000, args.language)))
    for size in args.sizes:
        report = parse_report("long.txt", long_text(size, args.language))
        started = time.perf_counter()
        x = extract(report)
        extracted = time.perf_counter()
        graph, _ = to_graph([x])
        done = time.perf_counter()
        megabytes = len(report.text) / 1e6
        print(f"{megabytes:7.2f} MB  extract {extracted - started:7.1f} s  graph {done - extracted:7.1f} s  "
              f"total {done - started:7.1f} s  {(done - started) / megabytes:6.1f} s/MB  "
              f"{len(x.mentions)} mentions  {len(graph)} triples", flush=True)


if __name__ == "__main__":
    main()
