"""b12-staff: review escalations, read transcripts, export conversations, apply data retention.

    b12-staff list [--level emergency|urgent] [--since 2026-11-01] [--until 2026-12-01] [--status new]
                   [--notified pending|sent|failed|off]
    b12-staff ack ID --by "Nurse Jo"
    b12-staff transcript ID            (an escalation id; or --conversation CONVERSATION_ID)
    b12-staff export CONVERSATION_ID --format json|md [--out FILE]
    b12-staff purge --older-than 90d [--open-escalations 30d] [--yes]
    b12-staff forget CONVERSATION_ID [--yes]
    b12-staff review [list] [--days 7] [--threshold 0.5]     misunderstood messages, grouped
    b12-staff review label GROUP TOPIC --by NAME            TOPIC: an intent, out_of_scope or new:NAME
    b12-staff review skip GROUP --by NAME
    b12-staff review topics
    b12-staff review export [--out data/nlu/reviewed.yml]
Works on SQLite (default files in var/) and on PostgreSQL (B12_DATABASE_URL).
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from b12assist import settings
from b12assist.outbox import FileOutbox
from b12assist.store import escalations

from . import retention, transcripts


def _date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("use YYYY-MM-DD") from exc


def _confirm(args, what: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(f"refusing to {what} without --yes (no terminal to ask)", file=sys.stderr)
        return False
    return input(f"{what}? [y/N] ").strip().lower() in ("y", "yes")


def _notified(r) -> str:
    """Delivery status of the clinic notification: sent, pending (attempts so far), failed, off."""
    if r.notify_status in ("pending", "failed") and r.notify_attempts:
        return f"{r.notify_status}({r.notify_attempts})"
    return r.notify_status


def cmd_list(args, cfg) -> int:
    waiting = FileOutbox().count()
    if waiting:
        print(f"WARNING: {waiting} escalation(s) wait in the local file outbox ({FileOutbox().path}): the project "
              "database was unavailable; the action server moves them in when it is back", file=sys.stderr)
    rows = escalations.list_escalations(level=args.level, since=args.since, until=args.until, status=args.status,
                                        url=cfg.db_url, notify_status=args.notified)
    if not rows:
        print("no escalations match")
        return 0
    print(f"{'ID':>5}  {'TIME (UTC)':19}  {'LEVEL':9}  {'STATUS':12}  {'NOTIFIED':11}  {'CATEGORY':16}  CONVERSATION")
    for r in rows:
        status = r.status if r.status == "new" else f"ack:{r.acknowledged_by}"
        print(f"{r.id:>5}  {r.created_at:%Y-%m-%d %H:%M:%S}  {r.level:9}  {status[:12]:12}  {_notified(r)[:11]:11}  "
              f"{r.category[:16]:16}  {r.conversation_id}")
    failed = [r.id for r in rows if r.notify_status == "failed"]
    if failed:
        print(f"WARNING: the clinic was NOT notified of escalation(s) {', '.join(map(str, failed))}: "
              "every retry failed; call the clinic", file=sys.stderr)
    return 0


def cmd_ack(args, cfg) -> int:
    row = escalations.acknowledge(args.id, args.by, url=cfg.db_url)
    if row is None:
        print(f"no escalation with id {args.id}", file=sys.stderr)
        return 1
    print(f"escalation {row.id} acknowledged by {row.acknowledged_by} at {row.acknowledged_at:%Y-%m-%d %H:%M:%S} UTC")
    return 0


def _conversation_for(args, cfg) -> str | None:
    if getattr(args, "conversation", None):
        return args.conversation
    rows = [r for r in escalations.list_escalations(url=cfg.db_url) if r.id == args.id]
    return rows[0].conversation_id if rows else None


def cmd_transcript(args, cfg) -> int:
    conversation = _conversation_for(args, cfg)
    if conversation is None:
        print(f"no escalation with id {args.id}", file=sys.stderr)
        return 1
    turns = transcripts.transcript(cfg.tracker_db_url, conversation)
    if not turns:
        print(f"no messages stored for conversation {conversation}")
        return 0
    print(transcripts.to_markdown(conversation, turns), end="")
    return 0


def cmd_export(args, cfg) -> int:
    turns = transcripts.transcript(cfg.tracker_db_url, args.conversation)
    text = (transcripts.to_json if args.format == "json" else transcripts.to_markdown)(args.conversation, turns)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {len(turns)} messages to {args.out}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_purge(args, cfg) -> int:
    try:
        age = retention.parse_age(args.older_than)
        open_age = (retention.parse_age(args.open_escalations) if args.open_escalations
                    else retention.open_escalation_period(age))
    except ValueError as exc:
        print(f"--older-than / --open-escalations: {exc}", file=sys.stderr)
        return 2
    if not _confirm(args, f"delete conversation events, plans and closed escalations older than {age.days} days, "
                          f"and anonymise open escalations older than {open_age.days} days"):
        return 1
    counts = retention.purge(cfg.db_url, cfg.tracker_db_url, age, open_older_than=open_age)
    print(f"purged (older than {age.days} days; open escalations anonymised after {open_age.days} days) {counts}")
    return 0


def cmd_forget(args, cfg) -> int:
    if not _confirm(args, f"delete every record of conversation {args.conversation}"):
        return 1
    counts = retention.forget(cfg.db_url, cfg.tracker_db_url, args.conversation)
    print(f"forgot {args.conversation}: {counts}")
    return 0


def _review_groups(args, cfg):
    from b12assist.review import inbox
    return inbox.groups(inbox.tracker_url(), cfg.db_url, since_days=args.days, min_confidence=args.threshold)


def cmd_review(args, cfg) -> int:
    from b12assist.review import inbox, queue
    action = args.action or "list"
    if action == "topics":
        print("\n".join(inbox.choices() + ["out_of_scope", "new:NAME", "skip"]))
        return 0
    if action == "export":
        result = inbox.export(cfg.db_url, out=Path(args.out), new_topics=Path(args.new_topics),
                              nlu_dir=Path(args.out).parent)
        total = sum(len(v) for v in result.examples.values())
        print(f"wrote {args.out}: {total} examples in {len(result.examples)} topics ({result.added} new, "
              f"{result.duplicates} already there, {result.held_out} in the held-out test set, "
              f"{len(result.conflicts)} conflicting)")
        for text, label, existing in result.conflicts:
            print(f"  not exported: {text!r} labelled {label} is already an example of {existing}")
        if result.new_topics:
            print(f"new topics (not training data yet) in {args.new_topics}: {', '.join(sorted(result.new_topics))}")
        return 0
    groups = _review_groups(args, cfg)
    if action == "list":
        if not groups:
            print("the review queue is empty")
            return 0
        print(f"{len(groups)} group(s), {sum(g.count for g in groups)} message(s) to review")
        print(f"{'#':>3}  {'GROUP':6}  {'MSGS':>4}  {'CONV':>4}  {'PREDICTED':24}  {'WHY':22}  EXAMPLES")
        for i, g in enumerate(groups, 1):
            shown = " | ".join(t[:60] for t in g.texts[:3]) + (" | …" if len(g.texts) > 3 else "")
            print(f"{i:>3}  {g.id:6}  {g.count:>4}  {g.conversations:>4}  {g.predicted[:24]:24}  "
                  f"{', '.join(g.reasons)[:22]:22}  {shown}")
        return 0
    group = queue.find(groups, args.group)
    if group is None:
        print(f"no review group {args.group!r} (see `b12-staff review list`)", file=sys.stderr)
        return 1
    try:
        kind, topic, count = inbox.label(group, "skip" if action == "skip" else args.topic, args.by, cfg.db_url)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    what = "skipped" if kind == "skip" else f"labelled {topic}" + (" (new topic)" if kind == "new" else "")
    print(f"group {group.id}: {count} message(s) {what} by {args.by.strip()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="b12-staff", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="escalations, newest first")
    p.add_argument("--level", choices=["emergency", "urgent"])
    p.add_argument("--status", choices=["new", "acknowledged"])
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.add_argument("--notified", choices=["pending", "sent", "failed", "off"],
                   help="delivery status of the clinic notification")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("ack", help="acknowledge an escalation")
    p.add_argument("id", type=int)
    p.add_argument("--by", required=True, help="who acknowledges it")
    p.set_defaults(func=cmd_ack)
    p = sub.add_parser("transcript", help="the conversation behind an escalation")
    p.add_argument("id", type=int, nargs="?")
    p.add_argument("--conversation")
    p.set_defaults(func=cmd_transcript)
    p = sub.add_parser("export", help="export a conversation as JSON or Markdown")
    p.add_argument("conversation")
    p.add_argument("--format", choices=["json", "md"], default="md")
    p.add_argument("--out")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("purge", help="delete data older than the retention period")
    p.add_argument("--older-than", required=True, help="e.g. 90d, 12w, 6m, 1y")
    p.add_argument("--open-escalations", help="anonymise open escalations older than this (e.g. 30d); default "
                   "B12_OPEN_ESCALATION_RETENTION, else --older-than")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_purge)
    p = sub.add_parser("forget", help="delete one patient's data everywhere")
    p.add_argument("conversation")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_forget)
    p = sub.add_parser("review", help="misunderstood patient messages: list, label, skip, export")
    p.set_defaults(func=cmd_review, action=None)
    rsub = p.add_subparsers(dest="action")

    def window(q):
        q.add_argument("--days", type=int, default=None, help="look back this many days (B12_REVIEW_DAYS, 7)")
        q.add_argument("--threshold", type=float, default=None,
                       help="review topics below this confidence (B12_REVIEW_THRESHOLD, 0.5)")
    window(p)
    window(rsub.add_parser("list", help="groups of similar messages, biggest first"))
    q = rsub.add_parser("label", help="give a group a topic")
    q.add_argument("group", help="the group's number or id in `review list`")
    q.add_argument("topic", help="an intent (see `review topics`), out_of_scope, or new:NAME")
    q.add_argument("--by", required=True, help="who labels")
    window(q)
    q = rsub.add_parser("skip", help="take a group off the queue without a topic")
    q.add_argument("group")
    q.add_argument("--by", required=True)
    window(q)
    rsub.add_parser("topics", help="the topics a group can get")
    q = rsub.add_parser("export", help="write the labelled messages as Rasa training data")
    q.add_argument("--out", default="data/nlu/reviewed.yml")
    q.add_argument("--new-topics", default="docs/new-topics.yml",
                   help="where messages labelled with a new topic go (not training data)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "transcript" and args.id is None and not args.conversation:
        print("give an escalation id or --conversation", file=sys.stderr)
        return 2
    return args.func(args, settings.load())


if __name__ == "__main__":
    sys.exit(main())
