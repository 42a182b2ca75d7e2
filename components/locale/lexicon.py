"""Word lists behind the locale policy, all folded with `locale.text.fold`.

Hand-written because no library knows them: the names users give our five
languages in each of those languages, the cue words of a request to switch, the
short replies that must never flip the locale, and a few marker words that only
one supported language uses (lingua's n-gram models confuse short Danish with
Norwegian and short Slovenian with Croatian or Bosnian; these settle it).
"""

from typing import Dict, FrozenSet

# Language name stems as users write them in en, da, sv, et and sl.
LANGUAGE_NAMES: Dict[str, FrozenSet[str]] = {
    "en": frozenset(
        "english engelsk engelske engelska inglise inglisekeel inglise-keeles "
        "anglesko anglescina anglescini anglescino angleski".split()
    ),
    "da": frozenset(
        "danish dansk danske danska danskt taani dansko danscina danscini danscino "
        "danski".split()
    ),
    "sv": frozenset(
        "swedish svensk svenske svenska svenskt rootsi svedsko svedscina "
        "svedscini svedscino svedski".split()
    ),
    "et": frozenset(
        "estonian estisk estiske estniska estniskt eesti estonsko estonscina "
        "estonscini estonscino estonski".split()
    ),
    "sl": frozenset(
        "slovenian slovene slovensk slovenske slovenska slovenskt sloveeni "
        "slovensko slovenscina slovenscini slovenscino slovenski".split()
    ),
}

# Names of languages we do not support, mapped to their ISO code.
UNSUPPORTED_LANGUAGE_NAMES: Dict[str, str] = {
    **dict.fromkeys(
        "german deutsch tysk tyske tyska saksa nemsko nemscina nemscini".split(), "de"
    ),
    **dict.fromkeys(
        "finnish suomi suomeksi finsk finske finska soome finsko finscina".split(),
        "fi",
    ),
    **dict.fromkeys(
        "norwegian norsk norske norska norra norvesko norvescina".split(), "nb"
    ),
    **dict.fromkeys(
        "french fransk franske franska prantsuse francosko francoscina".split(), "fr"
    ),
    **dict.fromkeys(
        "spanish spansk spanske spanska hispaania spansko spanscina".split(), "es"
    ),
    **dict.fromkeys(
        "croatian kroatisk kroatiske kroatiska horvaatia hrvasko hrvascina".split(),
        "hr",
    ),
    **dict.fromkeys("polish polsk polske polska poola poljsko".split(), "pl"),
    **dict.fromkeys("russian russisk ryska vene rusko rusko".split(), "ru"),
}

# Verbs that make a message naming a language a request to switch to it.
SWITCH_VERBS: FrozenSet[str] = frozenset(
    # en
    "switch change speak talk answer reply respond write continue "
    # da
    "skift skifte tal tale taler svar svare skriv skrive fortsaet "
    # sv
    "byt byta prata pratar tala talar svara skriv skriva fortsatt "
    # et
    "raagi raagida vaheta vasta vastata kirjuta jatka "
    # sl
    "preklopi preklopiva zamenjaj govori govoris govorite odgovarjaj odgovori "
    "pisi pisite nadaljuj".split()
)

# Prepositions that mark "in <language>" right before the name ("på dansk").
LANGUAGE_PREPOSITIONS: FrozenSet[str] = frozenset("in into to pa til v po na".split())

# Words that mark "in <language>" right after the name ("eesti keeles").
LANGUAGE_POSTPOSITIONS: FrozenSet[str] = frozenset("keeles keelde keel".split())

# Replies too short to carry a language; they never change an existing locale.
SHORT_REPLIES: FrozenSet[str] = frozenset(
    "ok okay okey k kk ja jah jaa jep jo jup nej nei ei ne no nope nah yes yeah "
    "yep yup tak takk tack aitah tanks thanks thx ty hvala mhm aha sure done next "
    "fint fino selge vredu redu v prima super top cool nice great".split()
)

# Words used by exactly one supported language (and not by its look-alikes),
# folded. A hit is strong evidence for that language even in a short message.
MARKERS: Dict[str, FrozenSet[str]] = {
    "en": frozenset(
        "the is isn't doesn't does not how what why when our my we please hello "
        "hi thanks working works anymore still help need enable turn".split()
    ),
    "da": frozenset(
        "af efter nogen noget hvad mig dig vores jeres adgangskode adgangskoden "
        "adgangskoder bruger brugere brugerne brugeren nulstil nulstille "
        "nulstilling nulstillingen opsaetning tak lige hjaelp hjaelpe stadig "
        "virker kun godmorgen goddag endnu".split()
    ),
    "sv": frozenset(
        "inte och hur jag fungerar funkar losenord losenordet losenorden "
        "anvandare anvandaren anvandarna aterstall aterstalla aterstallning "
        "tack hejsan halla varfor mycket nagon nagot nagra inget fortfarande "
        "hjalp behover".split()
    ),
    "et": frozenset(
        "ei kuidas mis miks tere aitah parool parooli paroolid paroolide "
        "kasutaja kasutajad kasutajate tootab toota seadistus seadistada jah "
        "palun kas meil mul pole veel ikka uuesti lubada sisse".split()
    ),
    "sl": frozenset(
        "deluje dela geslo gesla geslom gesel zakaj kaj prosim lahko tudi "
        "uporabnik uporabniki uporabnikov ponastavitev ponastaviti vklopim "
        "vklopiti omogociti zivjo imamo nimamo sem smo".split()
    ),
}
