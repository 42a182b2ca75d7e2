import pytest

from components.locale.wordlists import (
    DA,
    EN,
    EN_COMMON,
    SV,
    WordLists,
    spacy_word_masks,
)

LISTS = WordLists.from_masks({"tvivler": DA, "hjalpa": SV, "det": DA | SV, "see": EN})


@pytest.mark.parametrize(
    "word, mask",
    [("tvivler", DA), ("hjalpa", SV), ("det", DA | SV), ("see", EN), ("xyzzy", 0)],
)
def test_membership_by_hash(word, mask):
    assert LISTS.mask(word) == mask


def test_lists_survive_saving(tmp_path):
    LISTS.save(tmp_path / "lists.npz")
    again = WordLists.load(tmp_path / "lists.npz")
    assert again.mask("tvivler") == DA and again.mask("see") == EN


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
