import json
import os
import subprocess
import sys
import uuid
import zipfile

import pytest

from scripts.teams_package import png_size
from tests.conftest import ROOT


def package(tmp_path, **env):
    out = tmp_path / "app.zip"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TEAMS_")}
    result = subprocess.run(
        [sys.executable, "scripts/teams_package.py", "--out", str(out)],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )
    return result, out


def test_the_package_carries_the_bot_id_and_both_icons(tmp_path):
    app_id = str(uuid.uuid4())
    result, out = package(
        tmp_path, TEAMS_APP_ID=app_id, TEAMS_BOT_DOMAIN="bot.corp.example"
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as zipped:
        assert sorted(zipped.namelist()) == [
            "color.png",
            "manifest.json",
            "outline.png",
        ]
        manifest = json.loads(zipped.read("manifest.json"))
        assert png_size(zipped.read("color.png")) == (192, 192)
        assert png_size(zipped.read("outline.png")) == (32, 32)
    assert manifest["manifestVersion"] == "1.16"
    assert manifest["$schema"].endswith("/v1.16/MicrosoftTeams.schema.json")
    assert manifest["id"] == app_id
    assert manifest["bots"][0]["botId"] == app_id
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    assert manifest["validDomains"] == ["bot.corp.example"]
    assert "$" not in json.dumps({k: v for k, v in manifest.items() if k != "$schema"})
    for field in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert manifest["developer"][field].startswith("https://")
    assert len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000


@pytest.mark.parametrize("app_id", [None, "", "not-a-guid"])
def test_no_package_without_a_valid_bot_id(tmp_path, app_id):
    env = {} if app_id is None else {"TEAMS_APP_ID": app_id}
    result, out = package(tmp_path, **env)
    assert result.returncode == 1
    assert "TEAMS_APP_ID" in result.stderr
    assert not out.exists()


def test_the_outline_icon_is_white_on_transparent():
    from PIL import Image

    with Image.open(ROOT / "teams" / "outline.png") as icon:
        pixels = list(icon.convert("RGBA").getdata())
    assert {(r, g, b) for r, g, b, a in pixels if a} == {(255, 255, 255)}
    assert any(a == 0 for *_, a in pixels)
