"""Remove what every language shares before detecting a message's language.

Product names, hosts, URLs, versions, event IDs, cmdlets and English IT terms
appear unchanged in Danish, Swedish, Estonian and Slovenian messages; left in,
they make "password writeback virker ikke" look English. So do quoted error
messages and UI labels, copied as the (English) product shows them.
"""

import re

_PATTERNS = [
    # No word of any language we detect is this long: tokens, hashes, base64,
    # a key held down.
    re.compile(r"\S{41,}"),
    re.compile(r"https?://\S+|www\.\S+", re.I),  # URLs
    re.compile(r"\S+@\S+\.\w+"),  # e-mail addresses
    re.compile(r"[*\w-]+(?:\.[\w-]+)+", re.UNICODE),  # hosts, versions, files
    re.compile(  # PowerShell cmdlets
        r"\b(?:Get|Set|Test|New|Remove|Start|Stop|Invoke|Import|Export|Enable|"
        r"Disable|Add|Update|Restart|Install|Resolve)-\w+",
        re.I,
    ),
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\d+"),  # event IDs, ports, years
]

# English IT vocabulary that admins keep in English in every language.
_TERMS = re.compile(
    r"\b(?:"
    r"self[- ]?service|password[- ]?(?:reset|writeback|write[- ]?back)|"
    r"passwords?|write[- ]?back|writeback|sspr|resets?|azure|aadc?|ad|adds|entra|"
    r"id|active\s+directory|microsoft|office|o365|m365|connect|connector|sync|"
    r"synced|cloud|cloud-only|on-?prem(?:ises?)?|premises?|tenant|portal|"
    r"admins?|administrators?|global|users?|licen[cs]es?|premium|p1|p2|e1|e3|e5|"
    r"ems|spe|sku|basic|free|pdc|emulator|dcs?|domain|controllers?|firewall|"
    r"proxy|ports?|https?|tcp|servicebus|service|bus|servers?|windows|"
    r"powershell|events?|logs?|errors?|hash|phs|pta|adfs|sso|mfa|teams|outlook|"
    r"wizard|features?|options?|ok|okay|fsmo|netdom|wan|lan|vpn|dns|ip|url|"
    r"forest|gpo|ou"
    r")\b",
    re.I,
)
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^“”]*[“”]|»[^«]*«|«[^»]*»')
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def scrub(text: str) -> str:
    """Return `text` without the tokens that every language shares."""
    unquoted = _QUOTED.sub(" ", text)
    if len(_LETTER.findall(unquoted)) >= 2:
        # A quote is left alone when it is all there is: then it is the message.
        text = unquoted
    for pattern in _PATTERNS:
        text = pattern.sub(" ", text)
    text = _TERMS.sub(" ", text)
    return _SPACE.sub(" ", text).strip()
