"""Build the Teams app package (manifest + icons) a Teams admin can upload.

Usage: TEAMS_APP_ID=<bot app id> python scripts/teams_package.py --out <zip>
"""

import argparse
import json
import os
import re
import struct
import sys
import zipfile
from pathlib import Path
from string import Template
from typing import Dict, Tuple

GUID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I
)
ICON_SIZES = {"color": (192, 192), "outline": (32, 32)}
SCOPES = {"personal", "team", "groupChat"}
DEFAULTS = {
    "TEAMS_APP_VERSION": "1.0.0",
    "TEAMS_DEVELOPER_NAME": "IT Helpdesk",
    "TEAMS_DEVELOPER_URL": "https://www.example.com",
}


class Placeholders(Template):
    """Only `${NAME}` is a placeholder, so the manifest's "$schema" stays."""

    pattern = r"\$(?:(?P<escaped>(?!))|\{(?P<braced>[A-Z_][A-Z0-9_]*)\}|(?P<named>(?!))|(?P<invalid>(?!)))"


def png_size(data: bytes) -> Tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def render_manifest(template: str, env: Dict[str, str]) -> dict:
    """Fill the manifest template from the environment and check what Teams needs."""
    values = {**DEFAULTS, **{k: v for k, v in env.items() if v}}
    app_id = values.get("TEAMS_APP_ID", "")
    if not GUID.match(app_id):
        raise ValueError("TEAMS_APP_ID must be the bot's Microsoft app id (a GUID)")
    manifest = json.loads(Placeholders(template).substitute(values))
    domain = values.get("TEAMS_BOT_DOMAIN")
    if domain:
        manifest["validDomains"] = [domain]
    bots = manifest.get("bots") or []
    if not bots or bots[0].get("botId") != app_id:
        raise ValueError("the manifest's bot must carry TEAMS_APP_ID")
    if set(bots[0].get("scopes", [])) != SCOPES:
        raise ValueError(f"bot scopes must be {sorted(SCOPES)}")
    for field in ("manifestVersion", "version", "id", "developer", "name", "icons"):
        if not manifest.get(field):
            raise ValueError(f"manifest lacks {field}")
    return manifest


def build(source: Path, out: Path, env: Dict[str, str]) -> dict:
    """Write the zip: manifest.json and both icons at its root."""
    manifest = render_manifest((source / "manifest.json").read_text("utf-8"), env)
    icons = {}
    for kind, size in ICON_SIZES.items():
        name = manifest["icons"][kind]
        data = (source / name).read_bytes()
        if png_size(data) != size:
            raise ValueError(f"{name} must be {size[0]}x{size[1]} pixels")
        icons[name] = data
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2))
        for name, data in icons.items():
            package.writestr(name, data)
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("teams"))
    parser.add_argument(
        "--out", type=Path, default=Path("results/teams/writeback-assistant.zip")
    )
    args = parser.parse_args()
    try:
        manifest = build(args.source, args.out, dict(os.environ))
    except (ValueError, KeyError) as error:
        print(f"teams package: {error}", file=sys.stderr)
        return 1
    print(
        f"{args.out}: Teams app {manifest['id']} (manifest {manifest['manifestVersion']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
