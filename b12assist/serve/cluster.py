"""`make cluster`: the scaled-out topology on loopback ports, from Debian's packages and this project.

    python -m b12assist.serve.cluster

starts
- PostgreSQL (a throwaway server from scripts/throwaway-postgres.sh, unless B12_DATABASE_URL names
  one): Rasa's tracker store and the project's tables (escalations, plans), migrated before anything
  else starts;
- Redis on a loopback port (unless B12_REDIS_URL names one): Rasa's lock store, so two messages of one
  conversation never run at once on two replicas;
- two action servers (5055, 5056) and two Rasa replicas (5006 -> 5055, 5007 -> 5056), each with its
  own endpoints file rendered by b12assist.serve.endpoints from the same environment;
- nginx on 5005 in front (b12assist.serve.balancer: REST round-robin, socket.io sticky with the
  websocket upgrade) and the demo portal on 8080 talking to it.

The action servers, replicas, nginx and portal are supervised (b12assist.supervisor: a crashed one is
restarted with back-off while the others keep answering); Ctrl-C stops everything. Ports by
environment: B12_RASA_PORT (balancer, 5005), B12_CLUSTER_REPLICA_PORTS ("5006,5007"),
B12_CLUSTER_ACTION_PORTS ("5055,5056"), B12_WEB_PORT (8080), B12_CLUSTER_REDIS_PORT (6390).
Logs, endpoints files and the nginx configuration go to $B12_VAR_DIR/cluster/ (var/cluster/); its
`cluster.json` lists the URLs and the process ids of the running servers (the cluster test reads it).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from b12assist import settings
from b12assist.serve import endpoints, runner
from b12assist.netutil import wait_http
from b12assist.serve.balancer import nginx_conf
from b12assist.supervisor import Child, Supervisor

ROOT = runner.ROOT
# A replica that died while it held a conversation's lock keeps that conversation waiting until the
# lock's ticket expires: 10 s here instead of Rasa's 60 (a message takes well under a second).
LOCK_LIFETIME = "10"


def _ports(name: str, default: str) -> list[int]:
    return [int(p) for p in os.environ.get(name, default).split(",") if p.strip()]


def _nginx_bin() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise SystemExit("nginx is not installed: run `bash scripts/system-deps.sh cluster` (make cluster does)")
    return found


class Cluster:
    def __init__(self) -> None:
        self.env = runner._env()
        self.host = "127.0.0.1"
        self.port = int(os.environ.get("B12_RASA_PORT", "5005"))
        self.replica_ports = _ports("B12_CLUSTER_REPLICA_PORTS", "5006,5007")
        self.action_ports = _ports("B12_CLUSTER_ACTION_PORTS", "5055,5056")
        if len(self.action_ports) != len(self.replica_ports):
            raise SystemExit("B12_CLUSTER_REPLICA_PORTS and B12_CLUSTER_ACTION_PORTS need as many ports each")
        self.web_port = int(os.environ.get("B12_WEB_PORT", "8080"))
        self.redis_port = int(os.environ.get("B12_CLUSTER_REDIS_PORT", "6390"))
        self.dir = settings.VAR_DIR / "cluster"
        self.logs = self.dir / "logs"
        self.pg_dir: str | None = None
        self.redis: subprocess.Popen | None = None
        self.children: list[Child] = []
        self.database_url = os.environ.get("B12_DATABASE_URL", "")
        self.redis_url = os.environ.get("B12_REDIS_URL", "")

    # --- infrastructure: PostgreSQL and Redis -------------------------------------------------------
    def start_postgres(self) -> None:
        if self.database_url:
            print(f"PostgreSQL: using B12_DATABASE_URL", flush=True)
            return
        out = subprocess.run(["bash", str(ROOT / "scripts" / "throwaway-postgres.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout
        values = dict(item.split("=", 1) for item in out.replace("export ", "").split())
        self.database_url, self.pg_dir = values["B12_TEST_DATABASE_URL"], values["B12_PG_DIR"]
        print(f"PostgreSQL: throwaway server {self.database_url} (data in {self.pg_dir})", flush=True)

    def start_redis(self) -> None:
        if self.redis_url:
            print("Redis: using B12_REDIS_URL", flush=True)
            return
        redis_dir = self.dir / "redis"
        redis_dir.mkdir(parents=True, exist_ok=True)
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", self.host, "--save", "", "--appendonly", "no",
             "--dir", str(redis_dir), "--logfile", str(self.logs / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        self.redis_url = f"redis://{self.host}:{self.redis_port}/1"
        deadline = time.monotonic() + 20
        while subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":
            if self.redis.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Redis did not start (log: {self.logs / 'redis.log'})")
            time.sleep(0.2)
        print(f"Redis: {self.redis_url} (pid {self.redis.pid})", flush=True)

    def migrate(self) -> None:
        from b12assist.store import db

        db.upgrade(settings.normalise_db_url(self.database_url))
        print("PostgreSQL: project tables migrated", flush=True)

    # --- the servers ------------------------------------------------------------------------------
    def _child(self, name: str, cmd: list[str], env: dict) -> Child:
        child = Child(name, cmd, cwd=str(ROOT), env=env, stdout=open(self.logs / f"{name}.log", "ab"))
        child.on_start = lambda _c: self.write_state()
        return child

    def build(self) -> None:
        self.env.update({"B12_DATABASE_URL": self.database_url, "B12_REDIS_URL": self.redis_url,
                         "B12_VAR_DIR": str(settings.VAR_DIR), "TICKET_LOCK_LIFETIME":
                         os.environ.get("TICKET_LOCK_LIFETIME", LOCK_LIFETIME),
                         "B12_RASA_PUBLIC_URL": os.environ.get("B12_RASA_PUBLIC_URL", f"http://localhost:{self.port}")})
        for i, (rasa_port, action_port) in enumerate(zip(self.replica_ports, self.action_ports), start=1):
            self.children.append(self._child(f"actions-{i}", runner.action_server_cmd(action_port, self.env), self.env))
            ep = endpoints.render(self.dir / f"endpoints-{i}.yml", action_port=action_port,
                                  database_url=self.database_url, action_secret=self.env["B12_ACTION_SECRET"],
                                  redis_url=self.redis_url)
            self.children.append(self._child(f"rasa-{i}", runner.rasa_server_cmd(ep, rasa_port), self.env))
        tmp = self.dir / "nginx-tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        tmp.chmod(0o777)   # nginx's workers (not root) write request bodies here
        user = "nobody nogroup" if os.geteuid() == 0 else None
        conf = self.dir / "nginx.conf"
        conf.write_text(nginx_conf(self.replica_ports, self.port, str(self.dir), listen_host=self.host, user=user))
        self.children.append(self._child("nginx", [_nginx_bin(), "-p", str(self.dir), "-c", str(conf),
                                                   "-e", str(self.dir / "nginx-error.log")], self.env))
        web_env = dict(self.env, B12_ACTION_URL=f"http://127.0.0.1:{self.action_ports[0]}")
        self.children.append(self._child("web", runner.web_server_cmd(self.web_port, self.host), web_env))

    def write_state(self, ready: bool = False) -> None:
        state = {"ready": ready, "balancer": f"http://{self.host}:{self.port}",
                 "replicas": [f"http://{self.host}:{p}" for p in self.replica_ports],
                 "actions": [f"http://{self.host}:{p}" for p in self.action_ports],
                 "web": f"http://{self.host}:{self.web_port}", "database_url": self.database_url,
                 "redis_url": self.redis_url, "redis_pid": self.redis.pid if self.redis else None,
                 "pids": {c.name: c.proc.pid for c in self.children if c.proc}}
        path = self.dir / "cluster.json"
        path.with_suffix(".tmp").write_text(json.dumps(state, indent=1))
        path.with_suffix(".tmp").replace(path)
        path.chmod(0o600)

    def start(self) -> Supervisor:
        by_name = {c.name: c for c in self.children}
        now = time.monotonic
        for i, port in enumerate(self.action_ports, start=1):
            by_name[f"actions-{i}"].spawn(now())
        for i, port in enumerate(self.action_ports, start=1):
            wait_http(f"http://127.0.0.1:{port}/health", proc=by_name[f"actions-{i}"].proc)
        for c in self.children:
            if c.proc is None:
                c.spawn(now())
        for i, port in enumerate(self.replica_ports, start=1):
            wait_http(f"http://127.0.0.1:{port}/", proc=by_name[f"rasa-{i}"].proc)
        wait_http(f"http://127.0.0.1:{self.port}/", proc=by_name["nginx"].proc, timeout=30)
        wait_http(f"http://127.0.0.1:{self.web_port}/health", proc=by_name["web"].proc, timeout=60)
        self.write_state(ready=True)
        return Supervisor(self.children)

    def stop(self, sup: Supervisor | None) -> None:
        if sup:
            sup.stop()
        else:
            Supervisor(self.children).stop()
        if self.redis and self.redis.poll() is None:
            self.redis.send_signal(signal.SIGTERM)
            try:
                self.redis.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.redis.kill()
        if self.pg_dir:
            subprocess.run(["bash", str(ROOT / "scripts" / "throwaway-postgres.sh"), "stop", self.pg_dir])
        print("cluster stopped", flush=True)

    def banner(self) -> str:
        replicas = ", ".join(f"http://localhost:{p}" for p in self.replica_ports)
        actions = ", ".join(f"http://localhost:{p}/health" for p in self.action_ports)
        return ("\nB12 Assist cluster is running:\n"
                f"  demo clinic portal  http://localhost:{self.web_port}/\n"
                f"  REST webhook        http://localhost:{self.port}/webhooks/rest/webhook  (nginx, round-robin)\n"
                f"  socket.io           http://localhost:{self.port}/socket.io/  (nginx, sticky by client)\n"
                f"  Rasa replicas       {replicas}\n"
                f"  action servers      {actions}\n"
                f"  tracker store       PostgreSQL {self.database_url}\n"
                f"  lock store          Redis {self.redis_url}\n"
                f"  logs                {self.logs}/\n"
                "A server that crashes is restarted; Ctrl-C stops everything.\n")


def main() -> int:
    cluster = Cluster()
    shutil.rmtree(cluster.dir, ignore_errors=True)
    cluster.logs.mkdir(parents=True, exist_ok=True)
    sup = None
    # Ctrl-C and SIGTERM stop everything, even when started from a shell that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        cluster.start_postgres()
        cluster.start_redis()
        cluster.migrate()
        cluster.build()
        sup = cluster.start()
        print(cluster.banner(), flush=True)
        sup.watch()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop(sup)


if __name__ == "__main__":
    sys.exit(main())
