"""Unit costs the catalogue prices strategies with, rupiah, each with its basis.

All are estimates for East Kalimantan in 2024. Each is the default of a
strategy parameter, so a planner with better local figures sets them like any
other parameter (``--set strategies.tps_security.rupiah_per_officer_day=150000``).
"""

SECURITY_PERSON_DAY = 110_000
SECURITY_PERSON_DAY_BASIS = (
    "estimate: Kutai Kartanegara's 2024 Pilkada security grant to its police, Rp 8.15 billion "
    "(Antara Kaltim, 5 Mar 2024), over an assumed 600 personnel for the 126-day operation "
    "is about Rp 108,000 per person-day")

STAFF_DAY = 350_000
STAFF_DAY_BASIS = "estimate: daily honorarium, data and airtime of one communication staff member"

LEADER_DAY = 50_000
LEADER_DAY_BASIS = "estimate: transport and refreshments of one leader on a dialogue day"

TRAINEE_DAY = 600_000
TRAINEE_DAY_BASIS = (
    "estimate: per participant-day of a course mixing full-board hotel sessions in Samarinda "
    "for commanders and officials (the format of Kutai Timur's five-day Bimtek of 27-31 Oct "
    "2024) with in-unit sessions cascaded to the rest")

MONITOR_DAY = 50_000
MONITOR_DAY_BASIS = "estimate: stipend and phone credit of one village conflict monitor"

SUPERVISOR_DAY = 150_000
SUPERVISOR_DAY_BASIS = "estimate: daily honorarium and transport of one ad hoc supervisor"

SURVEYOR_DAY = 250_000
SURVEYOR_DAY_BASIS = "estimate: field allowance and transport of one mapping surveyor"
