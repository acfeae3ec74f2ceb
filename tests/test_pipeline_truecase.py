"""Truecasing an article written in one case before the spaCy pass, on bench corpus text."""

from __future__ import annotations

from eventwire.nlp import load_nlp, parse_text
from eventwire.pipeline import extract
from eventwire.truecase import text_case, truecase

# the opening of a Radio Venceremos communique in the bench corpus's FBIS wires (DEV-MUC3-0261)
WIRE = ("CLANDESTINE, 23 JUN 89 (RADIO VENCEREMOS) -- [COMMUNIQUE]\n[FARABUNDO MARTI NATIONAL "
        "LIBERATION FRONT (FMLN)] [TEXT] CONCERNING\nTHE TERRORIST ATTACK ON FRIDAY, 23 JUNE AT "
        "THE SAN SALVADOR CENTRAL\nMARKET IN WHICH 2 PEOPLE WERE KILLED AND 30 WOUNDED, THE FMLN "
        "REPORTS\nTO ALL SALVADORANS THE FOLLOWING:\n\n   1.  THAT THE HURLING OF THE BOMB AT THE "
        "CENTRAL MARKET WAS A TERRORIST\nACTION BY THE ARENA [NATIONALIST REPUBLICAN ALLIANCE] "
        "GOVERNMENT,\nSPECIFICALLY BY THE ARMED FORCES HIGH COMMAND.  THIS ACTION IS PART OF A\n"
        "COLD-BLOODED PLAN THAT CONSISTS OF CRIMINAL ACTIONS IN PUBLIC PLACES\nDESIGNED TO TURN "
        "PEOPLE AGAINST THE FMLN.\n\n   2.  WE HOLD COLONEL MAURICIO GUZMAN AGUILAR -- WHO ACQUIRED "
        "EXPERIENCE IN\nTHIS KIND OF CRIMINAL ACTION WHEN HE COMMANDED THE 5TH BRIGADE --\n"
        "RESPONSIBLE FOR THIS TREACHEROUS TERRORIST ACTION.  THIS TERRORIST ACTION\nCOMPLEMENTS "
        "THE CURRENT POLICY OF REPRESSION BY THE ALFREDO CRISTIANI REGIME.")


def test_an_upper_case_wire_is_cased_as_english_would_be():
    cased = truecase(WIRE)
    assert len(cased) == len(WIRE) and cased.upper() == WIRE
    assert "[Farabundo Marti National Liberation Front (FMLN)]" in cased  # the dictionary's name
    assert "at the San Salvador central\nmarket" in cased  # the gazetteer's, across a line break
    assert "on Friday, 23 June" in cased and "all Salvadorans" in cased
    assert "the Alfredo Cristiani regime" in cased  # words WordNet lacks
    assert "terrorist attack" in cased and "  This action is part" in cased  # a sentence start
    assert "Aguilar -- who acquired" in cased  # a dash inside a sentence starts none


# the Times of India's lower-cased archive in the bench corpus (ipe-1016)
ARCHIVE = ("This story is from March 15, 2002\n\npatna: rjd chief laloo prasad yadav on friday "
           "criticised the centre for not arresting vhp, bajrang dal leaders and president of the "
           "ramjanmabhoomi nyas paramhans ramchandra das in ayodhya and accused it of having a nexus "
           "with the sangh parivar. by not arresting vhp, bajrang dal leaders and the mahant, it was "
           "proved beyond doubt that prime minister atal bihari vajpayee and home minister l k "
           "advani were having a nexus with the sangh parivar outfits, yadav told reporters here. "
           "accusing the mahant of indulging in provocative drama, the rjd leader said")


def test_only_upper_case_text_is_truecased():
    assert text_case(ARCHIVE) == "lower" and truecase(ARCHIVE) == ARCHIVE
    cased = truecase(WIRE)
    assert truecase(cased) == cased  # cased text
    assert truecase(WIRE[:180]) == WIRE[:180]  # under 40 words: taken as cased


def test_a_letter_that_changes_length_with_case_keeps_its_own():
    text = WIRE.replace("SAN SALVADOR", "İSTANBUL")  # "İ" lowers to two characters
    cased = truecase(text)
    assert len(cased) == len(text) and "İSTANBUL" in cased


def test_the_parse_holds_the_original_text():
    doc = parse_text(load_nlp(), WIRE)
    assert doc.text == WIRE
    names = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("ALFREDO CRISTIANI", "PERSON") in names  # was "CRISTIANI REGIME", read as one name
    extraction = extract(WIRE)
    fmln = [a for a in extraction.actors if a.text == "FMLN"]
    assert fmln and all(WIRE[a.span[0]:a.span[1]] == a.text for a in extraction.actors)


# the opening of a hard-wrapped FBIS wire in the bench corpus (DEV-MUC3-0053)
WRAPPED = ("BOGOTA, 23 JAN 89 -- [TEXT] PATRIOTIC UNION [UP] PRESIDENT BERNARDO\nJARAMILLO OSSA "
           "TODAY REVEALED THAT THE GOVERNMENT WARNED HIM OF A PLOT TO\nMURDER HIM AT EL DORADO "
           "AIRPORT UPON HIS RETURN FROM CUBA.\n\n   AFTER RETURNING HOME FROM THE AIRPORT ON "
           "SATURDAY NIGHT, BERNARDO\nJARAMILLO RECEIVED ANOTHER DEATH THREAT OVER THE TELEPHONE.")


def test_a_hard_wrapped_line_goes_on_in_the_next_one():
    # every line was a sentence of its own: "BERNARDO" the name, "JARAMILLO RECEIVED ..." a
    # sentence without it
    doc = parse_text(load_nlp(), WRAPPED)
    sentences = [s.text for s in doc.sents]
    assert any("BERNARDO\nJARAMILLO RECEIVED ANOTHER DEATH THREAT" in s for s in sentences)
    assert any("PLOT TO\nMURDER HIM" in s for s in sentences)
    assert "BERNARDO\nJARAMILLO" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    # lines that are not wrapped still end their sentences (a Reuters earnings table, reuters-24)
    doc = load_nlp()("Shr profit 15 cts vs profit four cts\n    Annual div 72 cts vs 72 cts prior "
                     "yr\n    Net profit 72,000 vs profit 16,000\n    Revs 7,075,000 vs 2,330,000")
    assert [s.text.strip() for s in doc.sents] == [
        "Shr profit 15 cts vs profit four cts", "Annual div 72 cts vs 72 cts prior yr",
        "Net profit 72,000 vs profit 16,000", "Revs 7,075,000 vs 2,330,000"]
