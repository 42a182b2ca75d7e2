from components.locale.scrub import scrub


def test_removes_what_every_language_shares():
    text = (
        "Azure AD Connect 1.6.16.0 kan ikke nå passwordreset.microsoftonline.com "
        "på port 443, se https://aka.ms/sspr og Test-NetConnection (6329)"
    )
    assert scrub(text) == "kan ikke nå på , se og ( )"


def test_keeps_local_words():
    assert scrub("password writeback virker ikke") == "virker ikke"
