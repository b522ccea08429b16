"""Messages that only custom actions send (the domain holds the ones rules and stories send)."""
from __future__ import annotations

HANDOFF = ("I can't put you through to a person from here. But you can reach the team directly: "
           "{clinic_contact}. If it's an emergency, call {emergency_number}.")

BOOKING_COST = ("I can't book or change visits, and I can't answer questions about cost or insurance. "
                "Your clinic's team can help with all of these: {clinic_contact}. "
                "If it's an emergency, call {emergency_number}.")

# After an escalation: what the action says depends on what really happened to the notification
# (b12assist.notifier): "sent" only when the clinic's webhook accepted it.
AFTER_ESCALATION = ("I've let the clinic team know too. When you're safe and have help, I'm still here "
                    "for any other questions.")
AFTER_ESCALATION_NOT_CONFIRMED = (
    "I tried to alert the clinic team but could not confirm that they got it, so please also call them "
    "yourself: {clinic_contact}. When you're safe and have help, I'm still here for any other questions.")
AFTER_ESCALATION_NO_NOTIFY = (
    "I can't alert the clinic team from here, so please also call them yourself: {clinic_contact}. "
    "When you're safe and have help, I'm still here for any other questions.")

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
    "sched_maintenance": ("How often are your top-up (maintenance) shots?", [
        {"title": "Every month", "payload": "then every month"},
        {"title": "Every 2 months", "payload": "then every 2 months"},
        {"title": "Every 3 months", "payload": "then every 3 months"}]),
}

# The fallback (actions/fallback.py): "did you mean" buttons, one title per answerable topic.
TOPIC_TITLES = {
    "ask_purpose": "Why B12 injections?",
    "ask_tablets_vs_injections": "Tablets or injections?",
    "ask_loading_dose": "Loading doses",
    "ask_maintenance_dose": "Maintenance doses",
    "ask_dose_intensify": "When doses are given more often",
    "ask_dose_decision": "What decides my dose?",
    "ask_route": "Muscle or under the skin?",
    "ask_how_long_to_work": "How long until it works?",
    "ask_monitoring_labs": "Blood tests",
    "ask_safety": "Side effects and safety",
    "ask_common_mistakes": "Common mistakes",
    "ask_prevention_vs_treatment": "Prevention or treatment?",
    "ask_what_to_ask_clinician": "What to ask my clinician",
    "ask_when_seek_help": "When to get help",
    "report_missed_dose": "I missed an injection",
    "ask_next_shot": "When is my next shot?",
    "plan_schedule": "Plan my injection dates",
    "change_plan": "My clinic changed my dates",
    "human_handoff": "Talk to the clinic",
    "ask_emergency_number": "Emergency number",
    "ask_cyano_vs_hydroxo": "Cyanocobalamin or hydroxocobalamin?",
    "ask_self_injection": "Injecting at home",
    "ask_ongoing_causes": "What keeps B12 low",
    "ask_pregnancy": "Pregnancy and breastfeeding",
    "ask_children": "Children",
    "ask_other_medicines": "Other medicines",
    "ask_too_much": "Can I have too much?",
    "ask_pink_urine": "Pink or red urine",
    "ask_units": "mg and mcg",
    "ask_lifelong": "Is it for life?",
    "ask_booking_cost": "Booking and cost",
}
MENU_TOPICS = ("ask_purpose", "ask_loading_dose", "ask_maintenance_dose", "ask_how_long_to_work", "ask_safety",
               "human_handoff")
SYMPTOM_MENU = ("If it isn't urgent, your clinic can advise. I can tell you which reactions need help and "
                "which side effects are common:")
SYMPTOM_MENU_TOPICS = ("ask_when_seek_help", "ask_safety", "human_handoff")
DID_YOU_MEAN = "I'm not sure I understood. Did you mean one of these?"
NOT_UNDERSTOOD = "Sorry, I didn't quite get that. Could you say it another way? Or pick a topic:"
SECOND_MISS = ("I'm still not sure what you need, sorry. The clinic team can help: {clinic_contact}. "
               "Or pick a topic:")
SYMPTOM_LINE = ("I can't assess symptoms in a chat. Call {emergency_number} now for trouble breathing, a swollen "
                "face or throat, hives, fainting, or sudden weakness or slurred speech. If nerve symptoms are "
                "slowly getting worse, contact your clinician today.")
