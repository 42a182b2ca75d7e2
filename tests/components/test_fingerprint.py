import pytest

from components.agent_mode import AgentModeDetector
from components.fingerprint import source_fingerprint
from components.lemma_tokenizer import LemmaTokenizer
from components.locale_detector import LocaleDetector
from components.outage_policy import ActionOutagePolicy
from components.pattern_entity_extractor import PatternEntityExtractor
from components.quick_load_diet import QuickLoadDIETClassifier


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "scorer.py").write_text("WEIGHT = 1\n")
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "policy.py").write_text("ORDER = 1\n")
    (tmp_path / "locale" / "notes.txt").write_text("not code\n")
    return tmp_path


def test_an_edit_anywhere_in_the_sources_changes_the_fingerprint(tree):
    before = source_fingerprint(["scorer.py", "locale"], root=tree)
    assert source_fingerprint(["scorer.py", "locale"], root=tree) == before
    (tree / "locale" / "policy.py").write_text("ORDER = 2\n")
    assert source_fingerprint(["scorer.py", "locale"], root=tree) != before


def test_files_outside_the_sources_do_not_count(tree):
    before = source_fingerprint(["scorer.py"], root=tree)
    (tree / "locale" / "policy.py").write_text("ORDER = 2\n")
    (tree / "locale" / "notes.txt").write_text("edited\n")
    assert source_fingerprint(["scorer.py"], root=tree) == before


def test_package_versions_count(tree):
    assert source_fingerprint(["scorer.py"], ["wordfreq"], root=tree) != (
        source_fingerprint(["scorer.py"], root=tree)
    )


@pytest.mark.parametrize(
    "component",
    [
        AgentModeDetector,
        LemmaTokenizer,
        LocaleDetector,
        ActionOutagePolicy,
        PatternEntityExtractor,
        QuickLoadDIETClassifier,
    ],
)
def test_every_custom_component_fingerprints_its_code(component):
    # Rasa adds this to the cache key of the component's training node.
    addon = component.fingerprint_addon({})
    assert isinstance(addon, str) and len(addon) == 64


def test_the_tokenizer_ignores_the_locale_scorer_unless_it_uses_lemmas():
    # Folding is all it takes from components/locale when lemmas are off.
    without = LemmaTokenizer.fingerprint_addon({"spacy_lemmas": False})
    with_lemmas = LemmaTokenizer.fingerprint_addon({"spacy_lemmas": True})
    assert without != with_lemmas
    assert LemmaTokenizer.fingerprint_addon({}) == with_lemmas  # the default
