"""The production stack for real: replicas share conversations and survive failures.

The tests run in file order on one stack; the last one kills a replica.
"""

import os
import signal
import threading
import time

from tests.deploy.stack_client import (
    busy_replicas,
    new_sender,
    postgres,
    send,
    tracker,
    user_texts,
)


def test_one_conversation_alternates_between_replicas_and_keeps_its_state(stack):
    print(f"stack answered {stack['started_seconds']:.0f} s after make run-prod")
    sender = new_sender()
    script = [
        ("password writeback virker ikke", "utter_ask_user_type"),
        ("synkroniserede brugere", "utter_ask_license"),
        ("vi har Entra ID P1", "utter_ask_accounts_ready"),
        ("ja", "utter_ask_pdc_preferred"),
    ]
    served_by = []
    for text, next_question in script:
        turn = send(stack, sender, text)
        assert turn.status == 200
        assert turn.locales == {"da"}, turn.replies
        # The form asks the next question only if this replica saw the earlier answers.
        assert turn.responses[-1] == next_question, turn.replies
        served_by.append(turn.upstreams[-1])
    assert set(served_by) == {r["port"] for r in stack["rasa"]}
    assert all(
        a != b for a, b in zip(served_by, served_by[1:], strict=False)
    ), served_by
    slots = tracker(stack, sender)["slots"]
    assert slots["language"] == "da"
    assert slots["user_type"] == "synced"
    assert slots["license"] == "aad_p1"
    assert user_texts(tracker(stack, sender)) == [text for text, _ in script]


def test_a_postgres_restart_costs_only_the_turns_in_flight(stack):
    sender = new_sender()
    for text, question in [
        ("Hej, SSPR writeback fungerar inte för våra användare", "utter_ask_user_type"),
        ("synkroniserade användare", "utter_ask_license"),
    ]:
        turn = send(stack, sender, text)
        assert turn.status == 200 and turn.responses[-1] == question, turn.replies

    # A restart between two turns: each replica's next turn still finds the
    # conversation (its pooled connections died with the old server).
    postgres(stack, "restart")
    served_by = set()
    for text, question in [
        ("vi använder Entra ID P1", "utter_ask_accounts_ready"),
        ("ja", "utter_ask_pdc_preferred"),
    ]:
        turn = send(stack, sender, text)
        assert turn.status == 200, turn
        assert turn.locales == {"sv"} and turn.responses[-1] == question, turn.replies
        served_by.add(turn.upstreams[-1])
    assert served_by == {r["port"] for r in stack["rasa"]}

    # While PostgreSQL is down, every turn gets a clear error from both replicas.
    postgres(stack, "stop")
    down_at = time.monotonic()
    failed = [send(stack, sender, "ja") for _ in range(2)]
    postgres(stack, "start")
    for turn in failed:
        assert turn.status == 503, turn
        assert turn.headers.get("Retry-After") == "5"
    assert {t.upstreams[-1] for t in failed} == served_by

    # Once it is back, the same message goes through, where the form left off.
    turn = send(stack, sender, "ja")
    back_after = time.monotonic() - down_at
    print(f"PostgreSQL outage seen by the client: {back_after:.1f} s")
    assert turn.status == 200
    assert turn.locales == {"sv"}
    assert turn.responses[-1] == "utter_ask_sspr_enabled", turn.replies
    texts = user_texts(tracker(stack, sender))
    assert texts[-3:] == ["vi använder Entra ID P1", "ja", "ja"]
    assert len(texts) == 5


def test_killing_a_replica_mid_turn_loses_no_turn(stack):
    sender = new_sender()
    for text, question in [
        ("parooli writeback ei tööta", "utter_ask_user_type"),
        ("sünkroniseeritud kasutajad", "utter_ask_license"),
    ]:
        turn = send(stack, sender, text)
        assert turn.status == 200 and turn.responses[-1] == question, turn.replies

    # Hold the action servers, so the next turn stays open inside one replica.
    actions = [a["pid"] for a in stack["actions"]]
    for pid in actions:
        os.kill(pid, signal.SIGSTOP)
    result = {}
    worker = threading.Thread(
        target=lambda: result.update(turn=send(stack, sender, "meil on Entra ID P1"))
    )
    try:
        worker.start()
        deadline = time.monotonic() + 30
        while not busy_replicas(stack) and time.monotonic() < deadline:
            time.sleep(0.05)
        (victim,) = busy_replicas(stack)
        pid = next(r["pid"] for r in stack["rasa"] if r["port"] == victim)
        os.kill(pid, signal.SIGKILL)
    finally:
        for pid in actions:
            os.kill(pid, signal.SIGCONT)
    started = time.monotonic()
    worker.join(timeout=120)
    print(f"replayed turn answered {time.monotonic() - started:.1f} s after the kill")
    (survivor,) = {r["port"] for r in stack["rasa"]} - {victim}

    turn = result["turn"]
    assert turn.status == 200
    assert turn.upstreams == [victim, survivor]  # nginx replayed it on the other
    assert turn.locales == {"et"}
    assert turn.responses[-1] == "utter_ask_accounts_ready", turn.replies

    turn = send(stack, sender, "jah")
    assert turn.status == 200 and turn.upstreams == [survivor]
    assert turn.responses[-1] == "utter_ask_pdc_preferred", turn.replies

    # Every turn is stored once: none lost, the replayed one not doubled.
    assert user_texts(tracker(stack, sender)) == [
        "parooli writeback ei tööta",
        "sünkroniseeritud kasutajad",
        "meil on Entra ID P1",
        "jah",
    ]
    assert tracker(stack, sender)["slots"]["license"] == "aad_p1"
