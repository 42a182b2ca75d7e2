"""The steps of enabling password writeback: Connect wizard, then the portal."""

TOTAL_STEPS = 10


def step_response(step: int) -> str:
    """Return the response for step `step` (1-based) of the walkthrough."""
    if not 1 <= step <= TOTAL_STEPS:
        raise ValueError(f"step must be between 1 and {TOTAL_STEPS}, got {step}")
    return f"utter_enable_step_{step}"


def next_step(completed: float) -> int:
    """Return the 1-based step that follows `completed` finished steps."""
    return min(int(completed or 0) + 1, TOTAL_STEPS)
