"""`kondusif app` refuses what it cannot serve, with a message and exit status 2."""

import socket

from sim.cli import main
from sim.viz.app.assets import missing_packages, required_packages
from sim.viz.app.server import port_in_use


def test_a_port_in_use_gives_a_clear_message_and_exit_2(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        assert main(["app", "desa_demo", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"--port = {port}: already in use" in err and "Traceback" not in err


def test_a_free_port_is_not_in_use():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert not port_in_use("127.0.0.1", port)


def test_a_scenario_that_does_not_validate_stops_the_app_before_it_starts(tmp_path, capsys):
    broken = tmp_path / "broken.toml"
    broken.write_text("[scenario]\nname = 'x'\n")
    assert main(["app", str(broken), "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "broken.toml" in err and "region: missing" in err


def test_a_port_out_of_range_is_refused(capsys):
    assert main(["app", "desa_demo", "--port", "70000"]) == 2
    assert "must be a port number" in capsys.readouterr().err


def test_the_browser_files_solara_needs_are_named_with_exact_versions():
    packages = required_packages()
    assert any(p.startswith("requirejs@") for p in packages)
    assert any("solara-vuetify" in p for p in packages)
    assert all("@" in p.lstrip("@") for p in packages)


def test_an_empty_cache_misses_every_package(tmp_path):
    assert missing_packages(tmp_path, ["requirejs@2.3.6"]) == ["requirejs@2.3.6"]
    (tmp_path / "requirejs@2.3.6").mkdir()
    (tmp_path / "requirejs@2.3.6" / "package.json").write_text("{}")
    assert missing_packages(tmp_path, ["requirejs@2.3.6"]) == []


def test_without_npm_the_app_leaves_the_browser_files_to_solaras_proxy_and_says_so(
        tmp_path, monkeypatch, capsys):
    from sim.viz.app.assets import ensure_assets

    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert ensure_assets(tmp_path / "cache") == tmp_path / "cache"
    err = capsys.readouterr().err
    assert "npm is not installed" in err and "kondusif app --prepare" in err


def test_prepare_with_every_browser_file_present_says_where_and_exits_0(tmp_path, monkeypatch,
                                                                       capsys):
    for package in required_packages():
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "package.json").write_text("{}")
    monkeypatch.setenv("KONDUSIF_ASSETS_DIR", str(tmp_path))
    assert main(["app", "--prepare"]) == 0
    assert f"browser files ready in {tmp_path}" in capsys.readouterr().out


def test_an_unknown_exercise_stops_the_app_before_it_starts(capsys):
    assert main(["app", "--exercise", "no_such_exercise", "--port", "1"]) == 2
    assert "bundled: hoaks_masa_tenang" in capsys.readouterr().err
