import pytest

from components.entities.patterns import find_entities, first_value
from tests.nlu_data import ROOT, examples

PATTERN_ENTITIES = {"license", "user_type", "aadc_version", "os_version"}


@pytest.mark.parametrize(
    "text, entity, value",
    [
        ("We have Microsoft 365 E5", "license", "spe"),
        ("some Office 365 E3 seats", "license", "o365_paid"),
        ("Azure AD Premium P1 for everyone", "license", "aad_p1"),
        ("Entra ID P2", "license", "aad_p2"),
        ("EMS E3", "license", "ems"),
        ("Azure AD Basic", "license", "aad_basic"),
        ("Business Premium", "license", "aad_p1"),
        ("vi har ingen licenser", "license", "none"),
        ("kun gratisudgaven", "license", "none"),
        ("nimamo licenc", "license", "none"),
        ("cloud-only brugere", "user_type", "cloud_only"),
        ("användarna är skapade i molnet", "user_type", "cloud_only"),
        ("synced users", "user_type", "synced"),
        ("sünkroniseeritud kasutajad", "user_type", "synced"),
        ("sinhronizirani uporabniki", "user_type", "synced"),
        ("Connect 1.6.16.0", "aadc_version", "1.6.16.0"),
        ("Windows Server 2012 R2", "os_version", "Windows Server 2012 R2"),
        ("server 2019", "os_version", "Windows Server 2019"),
        ("the box is 2k12 r2", "os_version", "Windows Server 2012 R2"),
        ("steg för steg tack", "walkthrough_mode", "step"),
        ("kõik korraga", "walkthrough_mode", "all"),
        ("giv mig alt paa en gang", "walkthrough_mode", "all"),
        ("one at a time please", "walkthrough_mode", "step"),
        ("one by one", "walkthrough_mode", "step"),
        ("just give me it all in one go", "walkthrough_mode", "all"),
        ("the whole list in one message", "walkthrough_mode", "all"),
        ("alle trin paa en gang tak", "walkthrough_mode", "all"),
    ],
)
def test_canonical_values(text, entity, value):
    assert first_value(text, entity) == value


def test_spans_point_into_the_original_text():
    text = "Vi kører Entra Connect 2.3.20.0 på Windows Server 2019 med Microsoft 365 E3"
    found = {e.entity: text[e.start : e.end] for e in find_entities(text)}
    assert found == {
        "aadc_version": "2.3.20.0",
        "os_version": "Windows Server 2019",
        "license": "Microsoft 365 E3",
    }


def test_noun_forms_of_sync_are_not_a_user_type():
    assert first_value("kør en fuld synkronisering", "user_type") is None
    assert first_value("Outlook ne sinhronizira pošte", "user_type") is None


def test_recall_on_every_annotated_example():
    """Every annotation in the training and held-out data, in every locale."""
    paths = sorted(ROOT.glob("data/nlu/*/*.yml")) + sorted(
        ROOT.glob("tests/nlu/holdout/*.yml")
    )
    total, missed = 0, []
    for path in paths:
        for _, text, entities in examples(path):
            found = {(e.entity, e.value) for e in find_entities(text)}
            for annotation in entities:
                if annotation[0] in PATTERN_ENTITIES:
                    total += 1
                    if annotation not in found:
                        # Held-out texts stay out of failure messages.
                        held_out = path.parent.name == "holdout"
                        missed.append(
                            (str(path), annotation, None if held_out else text)
                        )
    assert total > 400
    assert len(missed) / total <= 0.01, missed
