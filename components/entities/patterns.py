"""Patterns that turn license, user-type, version and walkthrough phrases into values.

Hand-written because Rasa's RegexEntityExtractor returns the matched text and
EntitySynonymMapper only maps whole strings: neither turns the many inflected
forms of "synced users" in five languages into one canonical value.
Patterns run on folded text (lower case, no diacritics, same length).
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, List, Optional, Pattern, Tuple, Union

Value = Union[str, Callable[["re.Match[str]"], str]]


@dataclass(frozen=True)
class FoundEntity:
    """One entity found in a text, with its canonical value and span."""

    entity: str
    value: str
    start: int
    end: int
    text: str


def _rx(*alternatives: str) -> Pattern[str]:
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])")


def _windows_server(match: "re.Match[str]") -> str:
    release = " R2" if match.group("r2") else ""
    return f"Windows Server {match.group('year')}{release}"


def _windows_server_short(match: "re.Match[str]") -> str:
    year = "20" + match.group("yy").zfill(2)
    release = " R2" if match.group("r2") else ""
    return f"Windows Server {year}{release}"


# (entity, value, pattern), most specific first: an earlier match claims its span.
PATTERNS: List[Tuple[str, Value, Pattern[str]]] = [
    # --- license -------------------------------------------------------------
    (
        "license",
        "spe",
        _rx(
            r"(?:microsoft|ms)\s*365\s*e[35]",
            r"m365\s*e[35]",
            r"spe",
            r"secure\s+productive\s+enterprise",
        ),
    ),
    (
        "license",
        "ems",
        _rx(
            r"ems(?:\s*e[35])?",
            r"enterprise\s+mobility" r"(?:\s*(?:\+|and|&|og|och|ja|in)\s*security)?",
        ),
    ),
    (
        "license",
        "aad_p2",
        _rx(
            r"(?:(?:azure\s*ad|aad|entra(?:\s*id)?)\s*)?" r"(?:premium\s*)?p2",
            r"premium\s*(?:plan\s*)?2",
        ),
    ),
    (
        "license",
        "aad_p1",
        _rx(
            r"(?:(?:azure\s*ad|aad|entra(?:\s*id)?)\s*)?" r"(?:premium\s*)?p1",
            r"premium\s*(?:plan\s*)?1",
            # Microsoft 365 Business Premium includes Entra ID P1.
            r"(?:microsoft\s*365\s*|m365\s*)?business\s+premium",
        ),
    ),
    ("license", "aad_basic", _rx(r"(?:azure\s*ad|aad|entra(?:\s*id)?)\s*basic")),
    (
        "license",
        "none",
        _rx(
            r"(?:azure\s*ad|aad|entra(?:\s*id)?)\s*free",
            r"free\s+(?:tier|version|plan)",
            r"no\s+(?:paid\s+)?licen[cs]es?",
            r"(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?" r"(?:paid\s+)?licen[cs]es?",
            r"without\s+(?:a\s+|any\s+)?licen[cs]es?",
            r"ingen\s+licens(?:er)?",
            r"inga\s+licenser",
            r"uden\s+licens(?:er)?",
            r"utan\s+licens(?:er)?",
            r"har\s+ikke\s+(?:nogen\s+)?licens(?:er)?",
            r"har\s+inte\s+(?:nagon\s+|nagra\s+)?licens(?:er)?",
            r"(?:pole|puudub)\s+(?:uhtegi\s+)?litsentsi?\w*",
            r"litsents\w*\s+(?:pole|puudub)",
            r"ilma\s+litsentsi\w*",
            r"nimamo\s+(?:nobene\s+|nobenih\s+)?licenc\w*",
            r"brez\s+licenc\w*",
            r"ni\s+licenc\w*",
            r"gratis\w*",
            r"free[- ](?:nivan|tasemel)",
            r"tasuta\w*",
            r"brezplacn\w*",
            r"litsentsita",
            r"litsentsid\s+puuduvad",
        ),
    ),
    (
        "license",
        "o365_paid",
        _rx(
            r"(?:office|o)\s*365(?:\s*(?:e[135]|f[13]|a[135]|business(?:\s+(?:basic|standard))?"
            r"|enterprise|proplus|apps))?",
            r"o365(?:\s*e[135])?",
            r"(?:microsoft|m)\s*365\s*business\s*(?:basic|standard)",
            r"m365\s*business\s*(?:basic|standard)",
            r"business\s+(?:basic|standard)",
        ),
    ),
    # --- user type -----------------------------------------------------------
    (
        "user_type",
        "cloud_only",
        _rx(
            r"cloud[- ]?only",
            r"only\s+(?:in\s+(?:the\s+)?)?cloud",
            r"cloud[- ]?(?:native|based)?\s*(?:accounts?|users?|identit\w*)",
            r"(?:created|born)\s+in\s+(?:the\s+)?cloud",
            r"(?:kun|udelukkende|bare)\s+(?:i\s+)?(?:skyen|cloud)",
            r"sky[- ]?(?:brugere|konti|baserede?)",
            r"cloud[- ]?(?:brugere|brugerne|konti|kontoer|anvandare|anvandarna|konton|"
            r"kasutaja\w*|konto\w*|uporabnik\w*|racun\w*)",
            r"(?:endast|bara|enbart)\s+(?:i\s+)?molnet",
            r"molnbaserade?",
            r"moln[- ]?(?:anvandare|anvandarna|konton|kontona)",
            r"ainult\s+pilve\w*",
            r"pilve(?:kasutaja\w*|konto\w*|pohis\w*)",
            r"oprettet\s+(?:direkte\s+)?i\s+skyen",
            r"skapade\s+i\s+molnet",
            r"pilves\s+(?:loodud|tehtud)",
            r"(?:loodud|tehtud)\s+pilves",
            r"(?:narejen\w*|ustvarjen\w*)\s+v\s+(?:oblaku|cloudu)",
            r"samo\s+v\s+oblaku",
            r"oblacn\w+\s+(?:uporabnik\w*|racun\w*)",
            r"(?:ustvarjen\w*|narejen\w*)\s+v\s+oblaku",
        ),
    ),
    (
        "user_type",
        "synced",
        _rx(
            r"synced",
            r"sync(?:h)?ed",
            r"synchroni[sz]ed",
            r"hybrid\w*",
            r"federated",
            r"on-?prem(?:ises)?\s+(?:users?|accounts?|identit\w*)",
            r"synkroniserede?",
            r"synkroniseret",
            r"synkroniserte",
            r"synkade?",
            r"synkroniserade?",
            r"sunkroni\w*itud\w*",
            r"sunkroonitud\w*",
            r"sync(?:et|ede|ade|ad)",
            r"sunkitud\w*",
            r"federere\w*",
            r"federera\w*",
            r"on-?prem(?:ises)?[- ](?:users?|accounts?|brugere|konti|konton|kontona|"
            r"anvandare|kasutaja\w*|kontod|uporabnik\w*|racun\w*)",
            r"hubriid\w*",
            r"sinhroniziran\w*",
            r"hibridn\w*",
        ),
    ),
    # --- versions ------------------------------------------------------------
    (
        "os_version",
        _windows_server,
        re.compile(
            r"(?<![\w.])(?:win(?:dows)?\s*)?(?:server\s*|srv\s*|ws\s*)(?P<year>20(?:03|08|12|16|19|22|25))"
            r"(?P<r2>\s*r2)?(?![\w.])"
        ),
    ),
    (
        "os_version",
        _windows_server,
        re.compile(r"(?<![\w.])(?P<year>2008|2012)(?P<r2>\s*r2)(?![\w.])"),
    ),
    (
        "os_version",
        lambda m: _windows_server_short(m),
        re.compile(
            r"(?<![\w.])(?:win(?:dows)?\s*)?(?:server\s*|srv\s*)?2k(?P<yy>8|08|12|16|19|22|25)"
            r"(?P<r2>\s*r2)?(?![\w.])"
        ),
    ),
    (
        "aadc_version",
        lambda m: m.group(0),
        re.compile(r"(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)?(?![\w.])"),
    ),
    # --- walkthrough mode ----------------------------------------------------
    (
        "walkthrough_mode",
        "step",
        _rx(
            r"step[- ]by[- ]step",
            r"one\s+(?:step\s+)?at\s+a\s+time",
            r"one\s+by\s+one",
            r"bit\s+by\s+bit",
            r"trin\s+for\s+trin",
            r"et\s+trin\s+ad\s+gangen",
            r"steg\s+for\s+steg",
            r"ett\s+steg\s+i\s+taget",
            r"samm[- ]sammu(?:lt|haaval)",
            r"samm\s+haaval",
            r"korak\s+za\s+korakom",
            r"po\s+korakih",
            r"korak\s+po\s+korak",
        ),
    ),
    (
        "walkthrough_mode",
        "all",
        _rx(
            r"(?:all|everything)\s+at\s+once",
            r"all\s+(?:the\s+)?steps",
            r"in\s+one\s+(?:go|message)",
            # Danish written without å often spells it "aa": "alt paa en gang".
            r"alt\s+paa?\s+(?:en|een)\s+gang",
            r"alle\s+trin(?:ene)?(?:\s+paa?\s+en\s+gang)?",
            r"allt\s+pa\s+en\s+gang",
            r"alla\s+steg(?:en)?",
            r"koik\s+korraga",
            r"koik\s+sammud",
            r"vse\s+(?:naenkrat|hkrati)",
            r"vse\s+korake",
        ),
    ),
]


def fold_same_length(text: str) -> str:
    """Lower-case and strip diacritics, keeping one character per character."""
    out = []
    for char in text.lower():
        base = unicodedata.normalize("NFKD", char)
        stripped = "".join(c for c in base if not unicodedata.combining(c)) or char
        out.append(
            {"æ": "a", "ø": "o", "ß": "s", "đ": "d", "ł": "l"}.get(char, stripped[0])
        )
    return "".join(out)


def find_entities(text: str) -> List[FoundEntity]:
    """Return every entity in `text`, one per span, in order of appearance."""
    folded = fold_same_length(text)
    taken: List[Tuple[int, int]] = []
    found: List[FoundEntity] = []
    for entity, value, pattern in PATTERNS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            canonical = value(match) if callable(value) else value
            if entity == "aadc_version":
                canonical = text[start:end]
            found.append(FoundEntity(entity, canonical, start, end, text[start:end]))
    return sorted(found, key=lambda e: e.start)


def first_value(text: str, entity: str) -> Optional[str]:
    """Return the canonical value of the first `entity` in `text`, if any."""
    return next((e.value for e in find_entities(text) if e.entity == entity), None)
