"""The FA-KES scorer: which killed figure of an article is its incident."""

from __future__ import annotations

from eventwire.evaluate.casualties import article_counts


def test_a_war_wide_toll_is_not_the_incident(pipeline):
    text = ("More than 290,000 people have been killed in Syria since 2011. On Monday air "
            "strikes killed 12 civilians in the town of Saraqeb in Idlib province.")
    assert article_counts(pipeline.extract(text))["civilians"] == 12


def test_people_in_an_article_led_by_fighters_killed_are_not_civilians(pipeline):
    text = ("At least 35 jihadists from the Islamic State group were killed in US-led air strikes "
            "on Saturday. The strikes near Kobane killed 29 people, the monitor said.")
    counts = article_counts(pipeline.extract(text))
    assert counts["civilians"] == 0
    assert counts["noncivilians"] == 35


def test_the_first_civilian_figure_is_the_incident(pipeline):
    text = ("Regime air strikes killed 22 civilians in Douma on Monday, the Syrian Observatory "
            "said. Two days earlier 7 people were killed in shelling on the same town.")
    assert article_counts(pipeline.extract(text))["civilians"] == 22


def test_civilians_named_among_people_killed_are_the_count(pipeline):
    text = ("At least 20 people, including 10 civilians, were killed by air strikes in the "
            "province of Latakia on Sunday, the monitor said.")
    assert article_counts(pipeline.extract(text))["civilians"] == 10


def test_a_number_outranks_a_vague_figure(pipeline):
    text = ("Saudi Arabia called for a meeting to discuss reports of a chemical attack that "
            "opposition groups say killed hundreds of people in Syria. The opposition said "
            "1300 people were killed in the attack.")
    assert article_counts(pipeline.extract(text))["civilians"] == 1300


def test_a_bare_toll_where_only_fighters_are_named_counts_fighters(pipeline):
    text = ("88 dead in two days of clashes in Syrias Daraa Monitor. At least 88 rebel and regime "
            "forces have been killed. The Observatory said 45 opposition fighters had been killed "
            "in the fighting.")
    counts = article_counts(pipeline.extract(text))
    assert counts["civilians"] == 0
    assert counts["noncivilians"] == 45


def test_the_headline_toll_takes_the_civilians_named_in_the_body(pipeline):
    text = ("20 dead in air raids in Syrias Latakia province NGO. At least 20 people including 10 "
            "civilians were killed by air strikes in the province of Latakia, the monitor said.")
    assert article_counts(pipeline.extract(text))["civilians"] == 10


def test_the_perpetrator_class_falls_back_on_the_attacker(pipeline):
    from eventwire.evaluate.casualties import main_perpetrator
    text = ("Kurdish-led Syrian Democratic Forces attacked Islamic State positions near Raqqa on "
            "Sunday. Three people were killed, local media said.")
    assert main_perpetrator(pipeline.extract(text)) == "self administration forces"


def test_a_vague_toll_gives_way_to_the_number_counted_within_it(pipeline):
    text = ("Air strikes kill dozens in Syrias Aleppo Monitor group Reuters Monday 21 Apr 2014 Dozens "
            "of people have been killed in air strikes on the northern Syrian city of Aleppo a "
            "monitoring group said on Monday including at least 29 people in a single neighbourhood. "
            "Also on Monday state news agency SANA said two people were killed when mortars struck "
            "central Damascus.")
    assert article_counts(pipeline.extract(text))["civilians"] == 29


def test_the_attack_named_in_the_toll_sentence_gives_the_perpetrator(pipeline):
    from eventwire.evaluate.casualties import main_perpetrator
    text = ("US-led strikes on Syria kill 35 jihadists overnight Monitor AFP Saturday 4 Oct 2014 At "
            "least 35 jihadists from the Islamic State group were killed in air strikes overnight.")
    assert main_perpetrator(pipeline.extract(text)) == "international coalition forces"


def test_fighters_named_after_the_civilian_toll_are_another_story(pipeline):
    text = ("Syrian regime air strikes killed 25 civilians in Hama on Monday, the Observatory said. "
            "Elsewhere the army said it had killed 50 terrorists in clashes near Palmyra.")
    counts = article_counts(pipeline.extract(text))
    assert (counts["civilians"], counts["noncivilians"]) == (25, 0)
