import pytest

from components.locale.explicit import find_language_request


@pytest.mark.parametrize(
    "text, code",
    [
        ("/lang sv", "sv"),
        ("/lang da-DK", "da"),
        ("på dansk tak", "da"),
        ("kan du svare på svenska?", "sv"),
        ("can you speak Slovenian", "sl"),
        ("eesti keeles palun", "et"),
        ("v slovenščini prosim", "sl"),
        ("odgovarjaj v anglescini", "en"),
        ("dansk", "da"),
        ("switch to German", "de"),
    ],
)
def test_finds_request(text, code):
    request = find_language_request(text)
    assert request is not None and request.code == code


def test_span_points_at_the_name():
    text = "kan du svare på dansk?"
    request = find_language_request(text)
    assert text[request.start : request.end] == "dansk"


@pytest.mark.parametrize(
    "text",
    [
        "our Danish office cannot reset passwords",
        "password writeback virker ikke",
        "the Swedish and Danish tenants share one Connect server and writeback fails for both",
        "",
    ],
)
def test_ignores_language_names_that_are_not_requests(text):
    assert find_language_request(text) is None
