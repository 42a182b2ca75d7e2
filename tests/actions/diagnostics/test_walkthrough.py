import pytest

from actions.diagnostics.walkthrough import TOTAL_STEPS, next_step, step_response


def test_step_responses():
    assert [step_response(n) for n in (1, TOTAL_STEPS)] == [
        "utter_enable_step_1",
        f"utter_enable_step_{TOTAL_STEPS}",
    ]


@pytest.mark.parametrize("step", [0, TOTAL_STEPS + 1])
def test_step_out_of_range(step):
    with pytest.raises(ValueError):
        step_response(step)


@pytest.mark.parametrize(
    "done, step", [(None, 1), (0, 1), (3.0, 4), (TOTAL_STEPS, TOTAL_STEPS)]
)
def test_next_step(done, step):
    assert next_step(done) == step
