import pytest

from components.locale.policy import decide_locale, is_short_reply


@pytest.mark.parametrize(
    "text, hint, current, locale, source",
    [
        # 1. explicit requests win and name the language
        ("på dansk, tak", None, "en", "da", "explicit"),
        ("/lang sv", None, "en", "sv", "explicit"),
        ("switch to Estonian please", "da-DK", "da", "et", "explicit"),
        ("kas te räägite eesti keeles", None, None, "et", "explicit"),
        ("preklopi v slovenščino", None, "en", "sl", "explicit"),
        ("English please", None, "sv", "en", "explicit"),
        # 2. the text, including code-switched and diacritic-free messages
        ("password writeback virker ikke", None, None, "da", "text"),
        (
            "Password writeback virker ikke efter opdatering af AAD Connect",
            None,
            "en",
            "da",
            "text",
        ),
        ("lösenordsåterskrivning fungerar inte", None, None, "sv", "text"),
        (
            "losenordsaterskrivning fungerar inte for vara anvandare",
            None,
            None,
            "sv",
            "text",
        ),
        ("paroolide tagasikirjutamine ei toota", None, None, "et", "text"),
        ("writeback ne deluje", None, None, "sl", "text"),
        ("ponastavitev gesla ne dela, kaj naj naredim", None, None, "sl", "text"),
        ("Is P1 enough for synced users?", None, "da", "en", "text"),
        # 3. the channel's hint when the text carries no signal
        ("1.6.16.0", "sv-SE", None, "sv", "hint"),
        ("ok", "da-DK", None, "da", "hint"),
        ("P1", "et_EE", None, "et", "hint"),
        # 4. the current locale
        ("1.6.16.0", None, "sl", "sl", "current"),
        # 5. English
        ("", None, None, "en", "default"),
        ("🙂🙂🙂", None, None, "en", "default"),
    ],
)
def test_policy_order(text, hint, current, locale, source):
    decision = decide_locale(text, hint, current)
    assert (decision.locale, decision.source) == (locale, source)


@pytest.mark.parametrize("reply", ["ok", "ja", "jah", "tak", "ne", "OK!", "ja tak"])
@pytest.mark.parametrize("current", ["en", "da", "sv", "et", "sl"])
def test_short_replies_never_change_the_locale(reply, current):
    assert decide_locale(reply, None, current).locale == current


@pytest.mark.parametrize(
    "text, locale",
    [("tak", "da"), ("tack", "sv"), ("aitäh", "et"), ("Tere", "et"), ("Živjo", "sl")],
)
def test_short_reply_can_set_the_first_locale(text, locale):
    assert decide_locale(text).locale == locale


def test_hint_does_not_undo_a_locale_the_user_chose():
    decision = decide_locale("1.6.16.0", "da-DK", "sv", current_source="text")
    assert decision.locale == "sv"


def test_hint_replaces_a_default_locale():
    assert (
        decide_locale("1.6.16.0", "da-DK", "en", current_source="default").locale
        == "da"
    )


@pytest.mark.parametrize(
    "text, unsupported",
    [
        ("Passwort-Rückschreiben funktioniert nicht", "de"),
        ("det fungerer ikke etter oppdateringen av serveren", "nb"),
        ("lozinka ne radi nakon ažuriranja sustava", "hr"),
        ("パスワードのライトバックが機能しません", "und"),
    ],
)
def test_unsupported_language_gets_english(text, unsupported):
    decision = decide_locale(text, "da-DK", "da")
    assert decision.locale == "en"
    assert decision.unsupported == unsupported


def test_request_for_unsupported_language_keeps_locale():
    decision = decide_locale("switch to German", None, "da")
    assert decision.locale == "da"
    assert decision.unsupported == "de"


@pytest.mark.parametrize("text", ["ok", "ja", "Nej.", "thx", "ok tak"])
def test_is_short_reply(text):
    assert is_short_reply(text)


@pytest.mark.parametrize("text", ["", "tak for hjælpen i dag", "virker ikke"])
def test_is_not_short_reply(text):
    assert not is_short_reply(text)


class TimidScorer:
    """A scorer that leans to Swedish without being sure."""

    def probabilities(self, content, confidences, markers):
        return {"sv": 0.6, "da": 0.3, "en": 0.1}


def test_a_guess_only_beats_the_english_default():
    guess = TimidScorer()
    decision = decide_locale("mhm mhm", scorer=guess)
    assert (decision.locale, decision.source) == ("sv", "guess")
    assert decide_locale("mhm mhm", "da-DK", scorer=guess).locale == "da"
    assert decide_locale("mhm mhm", None, "et", "text", scorer=guess).locale == "et"
    assert decide_locale("mhm mhm").locale == "en"


class SureScorer(TimidScorer):
    def probabilities(self, content, confidences, markers):
        return {"sv": 0.95, "da": 0.05}


def test_a_sure_scorer_decides_over_the_hint():
    decision = decide_locale("vi hörs", "da-DK", "da", "hint", scorer=SureScorer())
    assert (decision.locale, decision.source) == ("sv", "text")


def test_a_look_alike_stays_unsupported_with_a_scorer():
    decision = decide_locale(
        "det fungerer ikke etter oppdateringen av serveren", scorer=SureScorer()
    )
    assert (decision.locale, decision.unsupported) == ("en", "nb")


def test_two_letters_are_only_a_guess_even_for_a_sure_scorer():
    # "je" beside English terms is all a Slovenian message may show...
    decision = decide_locale("connect server je 2019", scorer=SureScorer())
    assert (decision.locale, decision.source) == ("sv", "guess")
    # ...but "aa" must not move a conversation to another locale.
    assert decide_locale("aa", None, "da", "text", scorer=SureScorer()).locale == "da"
