"""The project's own promises: deployment file shape, Quick start, CI entry point."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_file_is_valid_and_production_shaped():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    for name in ("postgres", "redis", "gateway", "worker"):
        assert name in services, name
    for name in ("postgres", "redis", "gateway"):
        assert "healthcheck" in services[name], name
    assert services["gateway"]["command"][:2] == ["dargah", "serve"]
    assert services["worker"]["command"] == ["dargah", "worker"]
    assert {"postgres-data", "redis-data"} <= set(compose["volumes"])
    # Every service built from the project names a Dockerfile that exists.
    for service in services.values():
        build = service.get("build")
        if build:
            assert (ROOT / build["context"] / build["dockerfile"]).exists()


def test_quick_start_is_the_two_make_commands():
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in quick.splitlines()[1:] if line.strip()]
    assert commands == ["make serve", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
