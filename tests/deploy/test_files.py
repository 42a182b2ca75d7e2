"""The deployment files that cannot run here: parsed and cross-checked.

Docker and Kubernetes are not available on this machine, so the Dockerfiles, the
compose file and the Helm values are checked for syntax and for agreement with
the endpoints the tested stack uses. The nginx configurations go through `nginx -t`.
"""

import re
import shutil
import subprocess
from pathlib import Path

import dockerfile
import pytest
import yaml

from scripts import prod_stack
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
ENDPOINTS = DEPLOY / "endpoints.prod.yml"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# What Rasa's Helm chart passes to the Rasa container for external databases.
CHART_VARIABLES = {
    "DB_HOST",
    "DB_PORT",
    "DB_USER",
    "DB_PASSWORD",
    "DB_DATABASE",
    "REDIS_HOST",
    "REDIS_PORT",
    "REDIS_PASSWORD",
}


def variables(text: str) -> set:
    return set(re.findall(r"\$\{(\w+)", text))


def endpoint_variables() -> set:
    """Variables the endpoints' values use (comments left out)."""
    return variables(yaml.safe_dump(yaml.safe_load(ENDPOINTS.read_text())))


def endpoint_types() -> dict:
    endpoints = yaml.safe_load(ENDPOINTS.read_text())
    return {k: v["type"] for k, v in endpoints.items() if "type" in v}


def test_endpoints_load_through_rasa_with_the_environment(monkeypatch):
    from rasa.core.utils import read_endpoints_from_path

    values = {name: f"value-{name}" for name in endpoint_variables()}
    values.update(DB_PORT="5432", REDIS_PORT="6379", REDIS_DB="1")
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    endpoints = read_endpoints_from_path(ENDPOINTS)
    assert endpoints.tracker_store.type == "stores.postgres.PostgresTrackerStore"
    assert endpoints.tracker_store.url == "value-DB_HOST"
    assert endpoints.tracker_store.kwargs["password"] == "value-DB_PASSWORD"
    assert endpoints.tracker_store.kwargs["dialect"] == "postgresql"
    assert endpoints.lock_store.type == "stores.redis_lock.RedisLockStore"
    assert endpoints.lock_store.kwargs["port"] == "6379"
    assert endpoints.action.url == "value-ACTION_ENDPOINT_URL"


@pytest.mark.parametrize(
    "name, port", [("rasa.Dockerfile", 5005), ("actions.Dockerfile", 5055)]
)
def test_dockerfiles_parse_and_copy_files_that_exist(name, port):
    commands = dockerfile.parse_file(str(DEPLOY / "docker" / name))
    kinds = [c.cmd for c in commands]
    assert set(kinds[: kinds.index("FROM")]) <= {"ARG"}  # only build arguments first
    assert kinds.count("FROM") == 1 and kinds[-1] == "CMD"
    copies = [c.value[:-1] for c in commands if c.cmd == "COPY"]
    for sources in copies:
        for source in sources:
            assert (ROOT / source).exists() or source == "models/writeback.tar.gz"
    users = [c.value[0] for c in commands if c.cmd == "USER"]
    assert users[-1] != "root"
    assert [c.value for c in commands if c.cmd == "EXPOSE"] == [(str(port),)]


def test_compose_file_wires_the_same_services_and_variables():
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "actions", "rasa", "nginx"}
    for name in ("rasa", "actions"):
        build = services[name]["build"]
        assert (DEPLOY / build["context"] / build["dockerfile"]).is_file()
        assert services[name]["deploy"]["replicas"] >= 2
    environment = services["rasa"]["environment"]
    assert endpoint_variables() <= set(environment)
    for name, value in environment.items():
        if "PASSWORD" in name:
            assert str(value).startswith("${"), name
    mount = services["nginx"]["volumes"][0].split(":")[0]
    assert (DEPLOY / mount).is_file()


def test_helm_values_use_the_chart_keys_and_external_databases():
    values = yaml.safe_load((DEPLOY / "helm" / "values.yml").read_text())
    stores = values["applicationSettings"]["endpoints"]
    types = endpoint_types()
    assert stores["trackerStore"]["type"] == types["tracker_store"]
    assert stores["lockStore"]["type"] == types["lock_store"]
    assert stores["trackerStore"]["enabled"] and stores["lockStore"]["enabled"]
    used = variables(yaml.safe_dump(stores))
    assert used and used <= CHART_VARIABLES
    assert values["postgresql"]["install"] is False
    assert values["postgresql"]["external"]["enabled"] is True
    assert values["redis"]["install"] is False
    assert values["redis"]["external"]["enabled"] is True
    assert values["replicaCount"] >= 2
    assert values["rasa-action-server"]["install"] is True
    assert "password" not in str(values.get("global", {})).lower()


def nginx_test(config: Path, prefix: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NGINX, "-t", "-q", "-p", str(prefix), "-e", "stderr", "-c", str(config)],
        capture_output=True,
        text=True,
    )


def test_generated_nginx_config_passes_nginx_t(tmp_path):
    args = prod_stack.parse_args(
        ["--state", str(tmp_path), "--model", "m", "--endpoints", "e"]
        + ["--credentials", "c", "--pg-bin", "b", "--pg-port", "1", "--redis-port", "2"]
        + ["--nginx-template", str(DEPLOY / "nginx" / "nginx.conf.template")]
        + ["--lb-port", "8080", "--actions-lb-port", "8081"]
        + ["--rasa-ports", "5006,5007", "--actions-ports", "5056,5057"]
    )
    (tmp_path / "logs").mkdir()
    config = prod_stack.render_nginx(args)
    assert "{{" not in config.read_text()
    result = nginx_test(config, tmp_path / "nginx")
    assert result.returncode == 0, result.stderr


def test_compose_nginx_config_passes_nginx_t(tmp_path):
    # Docker's DNS name for the replicas does not resolve here: use loopback.
    site = (
        (DEPLOY / "nginx" / "compose.conf")
        .read_text()
        .replace("rasa:5005", "127.0.0.1:5005")
    )
    site = site.replace("listen 80;", "listen 127.0.0.1:8080;")
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n"
        f"client_body_temp_path {tmp_path};\nproxy_temp_path {tmp_path};\n"
        f"{site}\n}}\n"
    )
    result = nginx_test(config, tmp_path)
    assert result.returncode == 0, result.stderr


def test_action_image_copies_every_project_module_the_actions_import():
    """The action image holds only part of the tree; an import it lacks fails at start."""
    commands = dockerfile.parse_file(str(DEPLOY / "docker" / "actions.Dockerfile"))
    copied = {Path(c.value[0]) for c in commands if c.cmd == "COPY"}
    imported = {
        Path(*match.split("."))
        for path in (ROOT / "actions").rglob("*.py")
        for match in re.findall(
            r"^from (components(?:\.\w+)+) import", path.read_text(), re.M
        )
    }
    assert imported
    for module in imported:
        package = module.parent
        assert any(
            package == c or package.is_relative_to(c) for c in copied
        ), f"{module} is imported by the actions but not copied into the image"
