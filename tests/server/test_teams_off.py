"""Without Teams credentials the Teams channel is off and the rest still runs."""

import requests

from scripts.replies import identify, send


def test_teams_webhook_answers_503_and_rest_still_works(servers):
    webhook = f"{servers['live']}/webhooks/teams/webhook"
    response = requests.post(
        webhook, json={"type": "message", "text": "hej"}, timeout=30
    )
    assert response.status_code == 503
    health = requests.get(f"{servers['live']}/webhooks/teams/", timeout=30)
    assert health.json() == {"status": "off"}
    _, replies = send(servers["live"], "/greet", metadata={"locale": "da-DK"})
    assert [identify(r) for r in replies] == [("utter_greet", "da")]
