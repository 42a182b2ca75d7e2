"""The web chat in real headless Chromium against the real bot (channels/webchat.py).

Keyboard only: Tab to the launcher, Enter to open, type, Enter to send.
"""

import json
import statistics

import requests

from scripts.replies import identify
from tests.conftest import ROOT
from tests.web.conftest import AXE

RESULTS = ROOT / "results" / "web"
LAUNCHER = ".rw-launcher"
INPUT = ".rw-new-message"
BOT = "#rw-messages .rw-response"
USER = "#rw-messages .rw-client"
REPLY_MS = 60_000


def stored_session(page) -> dict:
    """The conversation the widget keeps in the browser (what it shows on reload)."""
    return json.loads(page.evaluate("localStorage.getItem('chat_session')") or "{}")


def bot_texts(page) -> list:
    """Raw texts of the bot messages the widget holds, in order."""
    return [
        m["text"]
        for m in stored_session(page).get("conversation", [])
        if m.get("sender") == "response" and m.get("text")
    ]


def open_with_keyboard(page) -> None:
    """Tab until the launcher has focus, then Enter; the input gets focus."""
    page.wait_for_selector(LAUNCHER)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.rw-launcher')"):
            break
    else:
        raise AssertionError("Tab never reached the chat launcher")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('.rw-new-message')")


def ask(page, text: str, replies: int) -> None:
    """Type a question and press Enter; wait for the bot's next replies."""
    before = page.locator(BOT).count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('{BOT}').length >= {before + replies}",
        timeout=REPLY_MS,
    )


def tracker(webchat, sender: str) -> dict:
    url = f"{webchat['bot']}/conversations/{sender}/tracker"
    response = requests.get(url, timeout=30)
    response.raise_for_status()
    return response.json()


def user_texts(events) -> list:
    return [e.get("text") for e in events if e["event"] == "user"]


def test_a_danish_browser_gets_a_danish_welcome(webchat, new_page):
    page = new_page("da-DK")
    page.goto(webchat["page"])
    open_with_keyboard(page)
    page.wait_for_selector(BOT, timeout=REPLY_MS)

    assert [identify(t) for t in bot_texts(page)] == [("utter_greet", "da")]
    assert page.locator(BOT).count() == 1
    sender = stored_session(page)["session_id"]
    events = tracker(webchat, sender)["events"]
    user = [e for e in events if e["event"] == "user"]
    assert [e["text"] for e in user] == ["/greet"]
    assert user[0]["metadata"]["locale"] == "da-DK"
    assert user[0]["input_channel"] == "webchat"


def test_a_swedish_question_gets_a_swedish_answer_with_the_firewall_hosts(
    webchat, new_page
):
    # An English browser: the answer's language comes from the typed text.
    page = new_page("en-US")
    page.goto(f"{webchat['intranet']}/index.html")  # embedded on another origin
    open_with_keyboard(page)
    page.wait_for_selector(BOT, timeout=REPLY_MS)
    assert [identify(t) for t in bot_texts(page)] == [("utter_greet", "en")]

    ask(page, "Vilka adresser och portar måste öppnas i brandväggen för writeback?", 1)
    page.wait_for_timeout(500)  # the rest of this turn
    answer = bot_texts(page)[1:]
    names = [identify(t) for t in answer]
    assert ("utter_firewall_rules", "sv") in names, answer
    assert {locale for _, locale in names} == {"sv"}, answer
    shown = "\n".join(page.locator(BOT).all_inner_texts())
    assert "passwordreset.microsoftonline.com" in shown
    assert "servicebus.windows.net" in shown

    RESULTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(RESULTS / "webchat.png"))


def test_a_reload_keeps_the_conversation(webchat, new_page):
    page = new_page("sv-SE")
    page.goto(webchat["page"])
    open_with_keyboard(page)
    page.wait_for_selector(BOT, timeout=REPLY_MS)
    ask(page, "vilken licens behöver synkade användare för writeback?", 1)
    page.wait_for_timeout(500)
    shown = page.locator("#rw-messages .rw-message").all_inner_texts()
    sender = stored_session(page)["session_id"]
    events_before = len(tracker(webchat, sender)["events"])

    page.reload()
    page.wait_for_selector(BOT, timeout=REPLY_MS)
    page.wait_for_timeout(1000)  # time for a (wrong) second welcome to arrive

    assert page.locator("#rw-messages .rw-message").all_inner_texts() == shown
    assert stored_session(page)["session_id"] == sender
    events = tracker(webchat, sender)["events"]
    assert user_texts(events).count("/greet") == 1  # no second welcome
    assert len(events) == events_before

    # The same session goes on after the reload.
    page.focus(INPUT)
    ask(page, "tack", 1)
    assert user_texts(tracker(webchat, sender)["events"])[-1] == "tack"


def test_the_chat_is_labelled_and_works_from_the_keyboard(webchat, new_page):
    page = new_page("en-GB")
    page.goto(webchat["page"])
    page.wait_for_selector(f"{LAUNCHER}[aria-label]", timeout=5000)
    launcher = page.locator(LAUNCHER)
    assert launcher.get_attribute("aria-expanded") == "false"

    open_with_keyboard(page)
    page.wait_for_selector(BOT, timeout=REPLY_MS)
    log = page.locator("#rw-messages")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    assert log.get_attribute("aria-label")
    assert page.locator(INPUT).get_attribute("aria-label")
    assert page.locator(".rw-send").get_attribute("aria-label")
    assert page.locator(".rw-close-button").get_attribute("aria-label")
    assert page.locator(LAUNCHER).get_attribute("aria-expanded") == "true"

    # A visible focus ring on the input.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"

    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document.querySelector('.rw-widget-container'),
                        {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']})"""
    )
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []

    # Escape closes the chat and hands focus back to the launcher.
    page.keyboard.press("Escape")
    page.wait_for_selector(INPUT, state="detached")
    page.wait_for_function(
        "document.activeElement && document.activeElement.matches('.rw-launcher')",
        timeout=2000,
    )
    assert page.locator(LAUNCHER).get_attribute("aria-expanded") == "false"


def test_high_contrast_modes_keep_the_controls_visible(webchat, new_page):
    page = new_page("en-US")
    page.emulate_media(forced_colors="active")
    page.goto(webchat["page"])
    page.wait_for_selector(LAUNCHER)
    border = page.eval_on_selector(LAUNCHER, "e => getComputedStyle(e).borderTopStyle")
    assert border == "solid"

    page.emulate_media(forced_colors="none", contrast="more")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(BOT, timeout=REPLY_MS)
    colors = page.eval_on_selector(
        BOT, "e => [getComputedStyle(e).color, getComputedStyle(e).borderTopStyle]"
    )
    assert colors == ["rgb(0, 0, 0)", "solid"]


def test_origins_outside_the_intranet_are_refused(webchat):
    url = f"{webchat['bot']}/socket.io/?EIO=4&transport=polling"
    allowed = requests.get(url, headers={"Origin": webchat["intranet"]}, timeout=10)
    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == webchat["intranet"]
    own = requests.get(url, headers={"Origin": webchat["bot"]}, timeout=10)
    assert own.status_code == 200
    foreign = requests.get(url, headers={"Origin": "http://elsewhere.test"}, timeout=10)
    assert foreign.status_code == 400


def test_time_to_first_reply(webchat, new_page):
    """From navigation start to the welcome on screen, the user opening the chat."""
    timings = []
    for _ in range(5):
        page = new_page("da-DK")
        page.goto(webchat["page"])
        page.click(LAUNCHER)  # waits until the widget shows its button
        opened = page.evaluate("performance.now()")
        page.wait_for_selector(BOT, timeout=REPLY_MS)
        replied = page.evaluate("performance.now()")
        timings.append(
            {
                "first_reply_ms": round(replied),
                "button_clicked_ms": round(opened),
                "after_open_ms": round(replied - opened),
            }
        )
        page.context.close()
    first = [t["first_reply_ms"] for t in timings]
    after = [t["after_open_ms"] for t in timings]
    summary = {
        "runs": len(timings),
        "first_reply_ms_median": round(statistics.median(first)),
        "first_reply_ms_max": round(max(first)),
        "button_clicked_ms_median": round(
            statistics.median(t["button_clicked_ms"] for t in timings)
        ),
        "after_open_ms_median": round(statistics.median(after)),
        "timings": timings,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latency.json").write_text(json.dumps(summary, indent=2))
    print(f"\nweb chat time to first reply: {json.dumps(summary)}")
    assert summary["first_reply_ms_median"] < 10_000
