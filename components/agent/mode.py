"""Whether a message switches agent mode on or off.

Agent mode is switched on by the `/agent` command, or by a channel that sends
`metadata.mode: agent` (a helpdesk console, say). The hint only sets the mode
of a conversation that has none yet; after `/agent` or `/agent off` the
command holds, even when the console keeps sending its hint.

Kept free of Rasa so the action server can import it cheaply.
"""

import re
from typing import Any, Optional

AGENT_MODE = "agent"
MODE_METADATA_KEY = "mode"
# "/agent", "/agent on", "/agent off" (any case, extra spaces allowed).
COMMAND = re.compile(r"^\s*/agent(?:\s+(?P<arg>on|off))?\s*$", re.IGNORECASE)


def agent_command(text: Optional[str]) -> Optional[bool]:
    """Return True for `/agent` or `/agent on`, False for `/agent off`, else None.

    Args:
        text: The user's message.

    Returns:
        The mode the command asks for, or None when the text is no such command.

    """
    match = COMMAND.match(text or "")
    if not match:
        return None
    return (match.group("arg") or "on").lower() == "on"


def hinted_by_channel(metadata: Any) -> bool:
    """Whether the channel's metadata says the user is a support agent."""
    if not isinstance(metadata, dict):
        return False
    mode = metadata.get(MODE_METADATA_KEY)
    return isinstance(mode, str) and mode.strip().lower() == AGENT_MODE


def mode_from_hint(current: Optional[bool], metadata: Any) -> Optional[bool]:
    """Return the mode the channel's hint sets, or None to leave it as it is.

    Args:
        current: The conversation's agent mode; None when never set.
        metadata: The latest message's metadata.

    Returns:
        True when a conversation without a mode comes from an agent's channel.

    """
    if current is None and hinted_by_channel(metadata):
        return True
    return None
