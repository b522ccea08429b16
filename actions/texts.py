"""Messages that only custom actions send (the domain holds the ones rules and stories send)."""
from __future__ import annotations

HANDOFF = ("I can't transfer you to a person from here, but you can reach the team directly: "
           "{clinic_contact}. If it's an emergency, call {emergency_number}.")

AFTER_ESCALATION = ("I've let the clinic team know too. When you're safe and have help, I'm still here "
                    "for any other questions.")

MISSED_DOSE = ("I can't advise on doses, so please contact your clinic to ask when to have the missed "
               "injection; don't double up on your own. It's worth doing soon: maintenance keeps your B12 "
               "stores up, and gaps let levels drift down and symptoms return. Once the clinic gives you a "
               "new date, tell me and I'll update your plan.")
MISSED_DOSE_BUTTONS = [{"title": "Contact the clinic", "payload": "/human_handoff"}]

NO_PLAN_YET = ("I don't have your injection dates yet. Tell me when you started and your schedule (for "
               "example \"I started on 4 March, every other day for two weeks, then monthly\") and I'll work "
               "them out. For the exact date of your next appointment, your clinic has the final word.")
NO_PLAN_BUTTONS = [{"title": "Plan my dates", "payload": "/plan_schedule"}]

CONVENTIONS = ("How I count: \"every other day for 2 weeks\" means days 0, 2, 4 ... within 14 days "
               "(7 injections); \"3 times a week\" keeps the weekdays of your first week; the first "
               "maintenance dose is one interval after the last loading dose; months are calendar months "
               "(31 Jan + 1 month = end of February).")

FULL_PLAN_BUTTONS = [{"title": "Full plan and calendar", "payload": "/show_plan"}]
PRESET_BUTTONS = [{"title": "Yes, that's it", "payload": "/affirm"},
                  {"title": "No, it's different", "payload": "/deny"}]

# The schedule form's questions, by slot.
FORM_QUESTIONS = {
    "sched_phase": ("Which part of your treatment is this about?", [
        {"title": "Loading (the first weeks)", "payload": "my loading injections"},
        {"title": "Maintenance (regular top-ups)", "payload": "my maintenance injections"},
        {"title": "Both", "payload": "both, loading and then maintenance"}]),
    "sched_last_date": ("When was your last maintenance injection? For example \"3 November\", "
                        "\"last Tuesday\" or \"2026-11-03\".", []),
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
    "sched_maintenance": ("How often are the maintenance injections?", [
        {"title": "Every month", "payload": "then every month"},
        {"title": "Every 2 months", "payload": "then every 2 months"},
        {"title": "Every 3 months", "payload": "then every 3 months"}]),
}
