import pytest

from components.locale.wordlists import (
    DA,
    EN,
    EN_COMMON,
    FREQUENCY_CODES,
    SV,
    WordLists,
    spacy_word_masks,
    word_frequencies,
)

LISTS = WordLists.from_masks(
    {"tvivler": DA, "hjalpa": SV, "det": DA | SV, "see": EN},
    {"da": {"det": 7.35, "virker": 5.39}, "sv": {"det": 7.45, "är": 7.52}},
)


@pytest.mark.parametrize(
    "word, mask",
    [("tvivler", DA), ("hjalpa", SV), ("det", DA | SV), ("see", EN), ("xyzzy", 0)],
)
def test_membership_by_hash(word, mask):
    assert LISTS.mask(word) == mask


def test_zipf_frequencies_by_hash_in_tenths():
    da, sv = FREQUENCY_CODES.index("da"), FREQUENCY_CODES.index("sv")
    assert LISTS.zipf("det")[da] == pytest.approx(7.4, abs=0.05)
    assert LISTS.zipf("det")[sv] == pytest.approx(7.4, abs=0.05)
    assert LISTS.zipf("virker")[sv] == 0.0 and LISTS.zipf("virker")[da] > 5
    assert LISTS.zipf("är")[sv] > 7 and LISTS.mask("är") == 0  # frequency only
    assert LISTS.zipf("xyzzy") == (0.0,) * len(FREQUENCY_CODES)


def test_lists_survive_saving(tmp_path):
    LISTS.save(tmp_path / "lists.npz")
    again = WordLists.load(tmp_path / "lists.npz")
    assert again.mask("tvivler") == DA and again.mask("see") == EN
    assert again.zipf("virker") == LISTS.zipf("virker")


@pytest.fixture(scope="module")
def spacy_masks():
    return spacy_word_masks()


@pytest.mark.parametrize(
    "word, present, absent",
    [
        ("tvivler", DA, SV | EN),  # Danish only
        ("hjalpa", SV, DA | EN),  # Swedish, folded ("hjälpa")
        ("the", EN | EN_COMMON, 0),
    ],
)
def test_spacy_tables_are_folded_into_masks(spacy_masks, word, present, absent):
    mask = spacy_masks.get(word, 0)
    assert mask & present == present and not mask & absent


@pytest.fixture(scope="module")
def frequencies():
    return word_frequencies()


@pytest.mark.parametrize(
    "word, commoner, rarer",
    [
        ("är", "sv", "da"),  # as typed, with its diacritic
        ("virker", "da", "sv"),
        ("fungerar", "sv", "da"),
        ("hvordan", "da", "en"),
        ("kako", "sl", "da"),
    ],
)
def test_wordfreq_tells_homographs_apart(frequencies, word, commoner, rarer):
    assert frequencies[commoner][word] > frequencies[rarer].get(word, 0.0) + 1


def test_wordfreq_forms_are_folded_too(frequencies):
    # "hjälp" typed on an English keyboard is still Swedish.
    assert frequencies["sv"]["hjalp"] == frequencies["sv"]["hjälp"]
