"""The cluster's configuration: endpoints.yml with the Redis lock store, and nginx's configuration
checked by nginx itself (`nginx -t`) when it is installed."""
from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from b12assist.serve import endpoints
from b12assist.serve.balancer import nginx_conf


def test_lock_store_from_redis_url():
    assert endpoints.lock_store_config("redis://:s3cret@cache.internal:6380/3") == {
        "type": "redis", "url": "cache.internal", "port": 6380, "db": 3, "key_prefix": "b12", "password": "s3cret"}
    assert endpoints.lock_store_config("rediss://cache")["use_ssl"] is True
    assert endpoints.lock_store_config("redis://cache")["port"] == 6379
    with pytest.raises(ValueError):
        endpoints.lock_store_config("postgresql://db/x")


def test_endpoints_file_has_the_lock_store_only_when_configured(tmp_path, monkeypatch):
    monkeypatch.delenv("B12_REDIS_URL", raising=False)
    plain = yaml.safe_load(endpoints.render(tmp_path / "a.yml", database_url="sqlite:///x.db").read_text())
    assert "lock_store" not in plain          # `make run`: Rasa's in-memory lock, as before
    monkeypatch.setenv("B12_REDIS_URL", "redis://127.0.0.1:6390/1")
    doc = yaml.safe_load(endpoints.render(tmp_path / "b.yml", database_url="postgresql://u:p@127.0.0.1:5433/b12").read_text())
    assert doc["lock_store"] == {"type": "redis", "url": "127.0.0.1", "port": 6390, "db": 1, "key_prefix": "b12"}
    assert doc["tracker_store"]["dialect"] == "postgresql" and doc["tracker_store"]["port"] == 5433


def test_nginx_round_robin_for_rest_and_sticky_socketio():
    conf = nginx_conf([5006, 5007], 5005, "/run/b12")
    rest, sticky = conf.split("upstream b12_rasa {")[1], conf.split("upstream b12_rasa_sticky {")[1]
    assert "ip_hash" not in rest.split("}")[0] and "ip_hash;" in sticky.split("}")[0]
    for block in (rest, sticky):
        assert "127.0.0.1:5006" in block.split("}")[0] and "127.0.0.1:5007" in block.split("}")[0]
    socketio = conf.split("location /socket.io/ {")[1].split("}")[0]
    assert "proxy_pass http://b12_rasa_sticky;" in socketio and "Connection $connection_upgrade" in socketio
    with pytest.raises(ValueError):
        nginx_conf([], 5005, "/tmp")


@pytest.mark.skipif(not (shutil.which("nginx") or shutil.os.path.exists("/usr/sbin/nginx")),
                    reason="nginx not installed (scripts/system-deps.sh cluster)")
def test_nginx_accepts_the_configuration(tmp_path):
    (tmp_path / "nginx-tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_conf([5006, 5007], 5005, str(tmp_path)))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "e.log")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
