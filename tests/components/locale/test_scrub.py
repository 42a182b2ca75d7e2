import pytest

from components.locale.scrub import scrub


def test_removes_what_every_language_shares():
    text = (
        "Azure AD Connect 1.6.16.0 kan ikke nå passwordreset.microsoftonline.com "
        "på port 443, se https://aka.ms/sspr og Test-NetConnection (6329)"
    )
    assert scrub(text) == "kan ikke nå på , se og ( )"


def test_keeps_local_words():
    assert scrub("password writeback virker ikke") == "virker ikke"


@pytest.mark.parametrize(
    "text, kept",
    [
        ('SSPR ger "An error occurred while resetting" for alla', "ger for alla"),
        ("virker „Write back passwords“ ikke", "virker ikke"),
        ("hvor er »Only use preferred domain controllers«", "hvor er"),
    ],
)
def test_quoted_product_text_is_removed(text, kept):
    assert scrub(text) == kept


def test_a_message_that_is_only_a_quote_keeps_it():
    assert "Unable" in scrub('"Unable to change your password"')


@pytest.mark.parametrize(
    "text, kept",
    [
        ("a" * 10_000, ""),
        ("virker ikke " + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" * 2, "virker ikke"),
    ],
)
def test_tokens_longer_than_any_word_are_removed(text, kept):
    assert scrub(text) == kept
