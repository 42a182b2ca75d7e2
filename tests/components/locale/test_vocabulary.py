from components.locale.vocabulary import (
    common_english_words,
    distinctive_words,
    merge_markers,
)


def test_words_of_one_locale_only_become_its_markers():
    learned = distinctive_words(
        {
            "da": ["Nulstilling virker ikke", "writeback fejler"],
            "sv": ["Återställning fungerar inte", "writeback fungerar ej"],
            "en": ["writeback fails"],
        }
    )
    assert {"nulstilling", "virker", "ikke", "fejler"} <= learned["da"]
    assert {"aterstallning", "fungerar", "inte"} <= learned["sv"]
    assert "writeback" not in learned["da"] | learned["sv"] | learned["en"]
    assert "ej" not in learned["sv"]  # shorter than three letters


def test_common_english_never_marks_another_language():
    learned = distinctive_words(
        {"da": ["admin portal virker"], "en": ["nothing in common"]},
        common_english=frozenset({"admin", "portal"}),
    )
    assert learned["da"] == frozenset({"virker"})


def test_common_english_comes_from_spacy_probabilities():
    common = common_english_words()
    assert {"the", "password", "admin"} <= common
    assert not {"virker", "fungerar", "ikke"} & common


def test_merge_markers_unites_per_locale():
    merged = merge_markers({"da": {"ikke"}}, {"da": {"virker"}, "sv": {"inte"}})
    assert merged == {"da": frozenset({"ikke", "virker"}), "sv": frozenset({"inte"})}
