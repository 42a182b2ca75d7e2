import pytest

from components.locale.hint import channel_hint, normalise_hint


@pytest.mark.parametrize(
    "hint, code",
    [
        ("da-DK", "da"),
        ("sv_SE", "sv"),
        ("EN-gb", "en"),
        ("nb-NO", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_normalise_hint(hint, code):
    assert normalise_hint(hint) == code


@pytest.mark.parametrize(
    "metadata, hint",
    [
        ({"locale": "da-DK"}, "da-DK"),
        ({"language": "sv"}, "sv"),
        ({"locale": "  ", "language": "et"}, "et"),
        ({"locale": 7}, None),
        ("nonsense", None),
        (None, None),
    ],
)
def test_channel_hint(metadata, hint):
    assert channel_hint(metadata) == hint
