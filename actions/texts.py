"""Messages that only custom actions send (the domain holds the ones rules and stories send)."""
from __future__ import annotations

HANDOFF = ("I can't put you through to a person from here. But you can reach the team directly: "
           "{clinic_contact}. If it's an emergency, call {emergency_number}.")

BOOKING_COST = ("I can't book or change visits, and I can't answer questions about cost or insurance. "
                "Your clinic's team can help with all of these: {clinic_contact}. "
                "If it's an emergency, call {emergency_number}.")

AFTER_ESCALATION = ("I've let the clinic team know too. When you're safe and have help, I'm still here "
                    "for any other questions.")

MISSED_DOSE = ("I can't advise on doses. Please contact your clinic to ask when to have the missed shot. "
               "Don't double up on your own. It's worth asking soon: top-up shots keep your B12 stores up, "
               "and gaps let levels drop and symptoms come back. When the clinic gives you a new date, tell "
               "me and I'll update your plan.")
MISSED_DOSE_BUTTONS = [{"title": "Contact the clinic", "payload": "/human_handoff"}]

NO_PLAN_YET = ("I don't have your shot dates yet. Tell me when you started and your plan. For example: "
               "\"I started on 4 March, every other day for two weeks, then monthly\". Then I'll work out "
               "the dates. For the exact date of your next visit, your clinic has the final word.")
NO_PLAN_BUTTONS = [{"title": "Plan my dates", "payload": "/plan_schedule"}]

CONVENTIONS = ("How I count the dates:\n"
               "• \"Every other day for 2 weeks\" means days 0, 2, 4 and so on, within 14 days. That is 7 shots.\n"
               "• \"3 times a week\" keeps the weekdays of your first week.\n"
               "• The first top-up shot is one interval after the last loading shot.\n"
               "• A month is a calendar month. So 31 Jan plus 1 month is the end of February.")

# The schedule form's questions, by slot.
FORM_QUESTIONS = {
    "sched_start_date": ("When was (or will be) your first loading injection? For example \"4 March\", "
                         "\"last Monday\" or \"2026-03-04\".", []),
    "sched_loading_pattern": ("How often are the loading injections?", [
        {"title": "Every other day", "payload": "every other day"},
        {"title": "3 times a week", "payload": "3 times a week"},
        {"title": "Every day", "payload": "every day"}]),
    "sched_loading_length": ("How long is the loading phase? Say it in weeks (\"for 2 weeks\") or as a "
                             "number of injections (\"6 injections\").", [
        {"title": "1 week", "payload": "for 1 week"},
        {"title": "2 weeks", "payload": "for 2 weeks"}]),
    "sched_maintenance": ("After loading, how often are your top-up (maintenance) shots?", [
        {"title": "Every month", "payload": "then every month"},
        {"title": "Every 2 months", "payload": "then every 2 months"},
        {"title": "Every 3 months", "payload": "then every 3 months"}]),
}
