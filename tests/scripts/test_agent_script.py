import html
from html.parser import HTMLParser

import pytest

from actions.agent import note_response
from actions.rendering import render
from scripts.agent_script import LOCALES, write_scripts
from tests.conftest import ROOT
from tests.domain_data import domain_dict, form_questions

VOID = {"meta", "br", "hr", "img", "link", "input"}


class Structure(HTMLParser):
    """Checks that every element is closed in order; collects text and lang."""

    def __init__(self):
        super().__init__()
        self.open = []
        self.errors = []
        self.text = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    out = tmp_path_factory.mktemp("script")
    written = write_scripts(ROOT / "domain", out)
    return out, written


def say(name, locale):
    slots = {slot: f"‹{slot}›" for slot in domain_dict()["slots"]}
    return render(domain_dict()["responses"], name, {**slots, "language": locale})


def test_every_locale_gets_markdown_and_html(scripts):
    out, written = scripts
    assert sorted(p.name for p in written) == sorted(
        f"{locale}.{suffix}" for locale in LOCALES for suffix in ("md", "html")
    )
    assert all(p.stat().st_size > 2000 for p in written)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_question_and_its_note_is_in_the_script(scripts, locale):
    out, _ = scripts
    markdown = (out / f"{locale}.md").read_text(encoding="utf-8")
    parser = Structure()
    parser.feed((out / f"{locale}.html").read_text(encoding="utf-8"))
    page = html.unescape("".join(parser.text))
    for _, slot in form_questions():
        question = "utter_step_prompt" if slot == "step_done" else f"utter_ask_{slot}"
        for name in (question, note_response(slot)):
            text = say(name, locale)
            assert text in page, (slot, name)
            # Markdown quotes a note line by line; the first line is verbatim.
            assert text.splitlines()[0] in markdown, (slot, name)
    for form in {form for form, _ in form_questions()}:
        slots = [slot for f, slot in form_questions() if f == form]
        at = [markdown.index(say(note_response(slot), locale)) for slot in slots]
        assert at == sorted(at), f"{form}: questions out of the form's order"


@pytest.mark.parametrize("locale", LOCALES)
def test_html_is_well_formed_and_declares_its_language(scripts, locale):
    out, _ = scripts
    parser = Structure()
    parser.feed((out / f"{locale}.html").read_text(encoding="utf-8"))
    parser.close()
    assert parser.errors == [] and parser.open == []
    assert parser.lang == locale


def test_domain_text_is_escaped_in_html(scripts):
    out, _ = scripts
    page = (out / "en.html").read_text(encoding="utf-8")
    # The firewall test command holds no markup, but quotes and '>' appear in
    # the walkthrough texts; they must be escaped, never raw inside tags.
    assert "Customize synchronization options &gt; Next" in page


@pytest.mark.parametrize("locale", LOCALES)
def test_script_has_the_handoff_and_summary_examples(scripts, locale):
    out, _ = scripts
    markdown = (out / f"{locale}.md").read_text(encoding="utf-8")
    for name in (
        "utter_handoff_intro",
        "utter_summary_header",
        "utter_summary_nothing_checked",
        "utter_summary_next_engineer",
        "utter_summary_next_fix_configuration",
    ):
        assert say(name, locale) in markdown, name
