from actions.licensing import ActionCheckLicense
from tests.actions.conftest import make_tracker, responses


def test_judges_known_license(dispatcher):
    ActionCheckLicense().run(
        dispatcher, make_tracker({"user_type": "cloud_only", "license": "none"}), {}
    )
    assert responses(dispatcher) == ["utter_license_cloud_only_not_covered"]


def test_asks_for_details_otherwise(dispatcher):
    ActionCheckLicense().run(dispatcher, make_tracker({"license": "aad_p1"}), {})
    assert responses(dispatcher) == ["utter_licensing_ask_details"]
