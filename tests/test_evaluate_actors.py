"""The actor scorer on PLOVER gold records (a small dev slice; the full run is
`eventwire evaluate actors-plover`)."""

from __future__ import annotations

from eventwire.evaluate.actors import gold_actors, matches, plover_records, predicted_actors
from eventwire.extract.actors import extract_actors
from eventwire.model import Article
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline


def test_the_parity_rule_splits_the_records(data):
    dev, test = plover_records(data, "dev"), plover_records(data, "test")
    assert len(dev) + len(test) == 322
    # item 0 is the DOCUMENT record (dev, skipped); item 1 the first sentence (test)
    assert (dev[0]["id"], test[0]["id"]) == ("PLOVER-GSR01-AGREE-0002", "PLOVER-GSR01-AGREE-0001")


def test_gold_actors_read_code_and_sector():
    record = {"source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}],
              "target": [{"actorText": "Tokyo", "code": "JAP"},
                         {"actorText": "Albanians", "code": "SRB", "sector": "CVLalb"}]}
    assert gold_actors(record, "source") == [("HUN", "GOV")]
    # an old CAMEO code the readme says was recoded to ISO 3166 is read as the ISO code
    assert gold_actors(record, "target") == [("JPN", None), ("SRB", "CVL")]
    assert matches(("JPN", None), ("JPN", "GOV"))
    assert not matches(("HUN", "GOV"), ("HUN", "MIL"))


def test_most_gold_countries_are_found_on_a_dev_slice(data):
    records = plover_records(data, "dev")[:40]
    pipeline = Pipeline(stages=[("actors", extract_actors)], nlp=load_nlp())
    found = total = 0
    for record in records:
        extraction = pipeline.extract(Article.from_text(record["text"], published=record["date"]))
        countries = {key[0] for key in predicted_actors(extraction)}
        for role in ("source", "target"):
            for gold in gold_actors(record, role):
                total += 1
                found += gold[0] in countries
    assert found / total >= 0.8
