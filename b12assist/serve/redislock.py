"""Rasa's Redis lock store made atomic across replicas (applied by b12assist.serve.rasa_cli).

Rasa 3.6's `RedisLockStore` keeps a conversation's ticket queue in one Redis key and changes it by
read-modify-write in separate commands (GET, change in Python, SET; `cleanup` even reads twice before
it DELETEs). Two replicas handling messages of the same conversation at the same moment can both
read the same queue and overwrite each other's tickets: both then hold "the" lock and run the two
messages at once, or a waiter finds its lock deleted under it and fails with a LockError. One
process alone never sees this (no await between the read and the write), which is why Rasa's own
tests do not. Here every change of the queue is one optimistic Redis transaction (WATCH the key,
read, MULTI/EXEC the write, retry when another replica changed the key in between), so the queue is
the same as with one process. Keys, values and the ticket algorithm are Rasa's own.
"""
from __future__ import annotations

import json
from typing import Callable, Optional

_applied = False


def _change(store, conversation_id: str, change: Callable[[object], Optional[object]]):
    """Apply `change(lock or None) -> result` atomically to the stored lock of `conversation_id`.
    `change` edits the TicketLock in place; an empty lock is deleted, others saved."""
    from rasa.core.lock import TicketLock

    key = store.key_prefix + conversation_id
    outcome = {}

    def transaction(pipe) -> None:
        raw = pipe.get(key)
        lock = TicketLock.from_dict(json.loads(raw)) if raw else None
        result = change(lock)
        if isinstance(result, TicketLock):       # a new lock to store
            lock, result = result, None
        pipe.multi()
        if lock is not None:
            if lock.is_someone_waiting():
                pipe.set(key, lock.dumps())
            else:
                pipe.delete(key)
        outcome["result"] = result

    store.red.transaction(transaction, key)
    return outcome.get("result")


def apply() -> None:
    """Replace the read-modify-write methods of Rasa's RedisLockStore with atomic ones."""
    global _applied
    if _applied:
        return
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

    def issue_ticket(self, conversation_id, lock_lifetime=LOCK_LIFETIME) -> int:
        ticket = {}

        def change(lock):
            new = lock is None
            lock = lock or TicketLock(conversation_id)
            ticket["number"] = lock.issue_ticket(lock_lifetime)
            return lock if new else None

        try:
            _change(self, conversation_id, change)
            return ticket["number"]
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}")

    def update_lock(self, conversation_id) -> None:
        _change(self, conversation_id, lambda lock: lock and lock.remove_expired_tickets())

    def finish_serving(self, conversation_id, ticket_number) -> None:
        _change(self, conversation_id, lambda lock: lock and lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id, ticket_number) -> None:
        # Removing the ticket and deleting the lock when nobody waits is one step (Rasa: two).
        finish_serving(self, conversation_id, ticket_number)

    RedisLockStore.issue_ticket = issue_ticket
    RedisLockStore.update_lock = update_lock
    RedisLockStore.finish_serving = finish_serving
    RedisLockStore.cleanup = cleanup
    _applied = True
