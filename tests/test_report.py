"""Situation reports over the seed article: events in order, figures, quotes, map and chart."""

from __future__ import annotations

import re
from datetime import date

import pytest

from eventwire.serve.report import (build_report, fatalities_by_day, happenings_from_extractions,
                                    render_html, render_markdown, report_from_extractions)
from hand_seed import hand_seed, hostile

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def aleppo(seed_article):
    return report_from_extractions([hand_seed(seed_article), hostile()], place="Aleppo",
                                   since=date(2016, 12, 1), until=date(2016, 12, 9))


def test_events_at_the_place_in_the_period_in_date_order(aleppo):
    events = [h["reports"][0] for h in aleppo.happenings]
    assert {e["place"]["name"] for e in events} == {"Aleppo"}
    starts = [e["date"]["start"] for e in events]
    assert starts == sorted(starts)
    # Geneva's planned talks (10 December) and the Idlib shelling are outside.
    assert {e["type"] for e in events} == {"ASSAULT", "RETREAT", "REQUEST"}
    assert "2016-12-10" not in starts


def test_figures_by_perpetrator_keep_source_and_qualifier(aleppo):
    government = aleppo.figures["Syrian government (SYRGOV)"]
    main = [f for f in government if f["value"] == 384][0]
    assert main["qualifier"] == "at_least"
    assert main["source"]["name"] == "Syrian Observatory for Human Rights"
    children = [f for f in government if f["value"] == 45][0]
    assert children["part_of"] == main["id"]
    assert [f["value"] for f in aleppo.figures["Syrian rebels (SYRREB)"]] == [105, 35]


def test_parts_are_not_added_to_the_whole(aleppo):
    by_day = fatalities_by_day(aleppo)
    assert by_day["Syrian government (SYRGOV)"] == {"2016-12-08": 384}
    assert by_day["Syrian rebels (SYRREB)"] == {"2016-12-08": 105}


def test_quotes_by_actor(aleppo):
    lavrov = aleppo.quotes["Sergei Lavrov (RUSGOV)"]
    assert lavrov[0]["text"].startswith("I can tell you that today, combat operations")
    assert "Syrian Observatory for Human Rights (NGO)" in aleppo.quotes


def test_markdown_writes_map_and_chart_beside_it(aleppo, tmp_path):
    out = tmp_path / "aleppo.md"
    text = render_markdown(aleppo, out)
    assert text.startswith("# Situation report: Aleppo, 2016-12-01 to 2016-12-09")
    assert "![map](aleppo-map.png)" in text and "![chart](aleppo-chart.png)" in text
    assert (tmp_path / "aleppo-map.png").read_bytes().startswith(PNG)
    assert (tmp_path / "aleppo-chart.png").read_bytes().startswith(PNG)
    assert "at least 384 civilians killed (Syrian Observatory for Human Rights (NGO)" in text
    assert text.index("## Casualty figures") < text.index("## Key quotes by actor")


def test_html_is_one_file_with_pictures_inline(aleppo):
    html = render_html(aleppo)
    assert html.count("data:image/png;base64,") == 2
    assert "<link" not in html and "<script" not in html


def test_hostile_text_stays_text():
    report = build_report(happenings_from_extractions([hostile()]))
    html = render_html(report)
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    md = render_markdown(report, inline_images=True)
    # Markdown renderers pass raw HTML through; every < from the article is escaped.
    assert not re.search(r"(?<!\\)<", md)
    assert r"\<img src=x onerror=" in md


def test_an_empty_period_says_so():
    report = build_report(happenings_from_extractions([hostile()]), place="Aleppo")
    text = render_markdown(report, inline_images=True)
    assert "0 events" in text and "No casualty figures." in text and "No quotes." in text


def run_cli(*args: str):
    """The command in this process (typer's runner): the same code path, without a start-up."""
    from typer.testing import CliRunner

    from eventwire.cli import app

    return CliRunner().invoke(app, list(args))


def test_report_command_over_a_store(tmp_path, seed_article):
    from eventwire.store import Store

    db = tmp_path / "eventwire.db"
    with Store(db) as store:
        store.add(hand_seed(seed_article))
        store.add(hostile())
    out = tmp_path / "aleppo.md"
    result = run_cli("report", "--db", str(db), "--place", "Aleppo", "--since", "2016-12-01",
                     "--until", "2016-12-09", "--format", "md", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "## Casualty figures by perpetrator" in text and "Sergei Lavrov (RUSGOV)" in text
    assert "Idlib" not in text
    assert (tmp_path / "aleppo-map.png").read_bytes().startswith(PNG)


def test_quotes_of_the_reporting_articles_are_kept_with_their_speaker(aleppo):
    # Not behind any event, but said in an article that reports the period's events.
    egeland = aleppo.quotes["Jan Egeland (IGOUNO)"]
    assert [q["kind"] for q in egeland] == ["mixed"] and '"finally"' in egeland[0]["text"]
    lavrov = [q["text"] for q in aleppo.quotes["Sergei Lavrov (RUSGOV)"]]
    assert len(lavrov) == 1  # the event's own quote is not listed twice
    assert "unnamed source" not in aleppo.quotes  # Earnest's words have no speaker here
