"""A small participatory exercise on the three-village scenario, written where a test wants it."""

from sim.exercise_host.plan import plan_of

EXERCISE = """
[exercise]
name = "desa_latihan"
title = { id = "Latihan tiga desa", en = "Three-village exercise" }
description = { id = "Latihan uji", en = "A test exercise" }
scenario = "desa_demo"
seed = 4
strategies = ["counter_hoax", "leaders_dialogue"]

[[events]]
date = 2024-11-05
kind = "hoax_wave"
community = "Desa Hulu"
candidate = "02"
magnitude = 3.0

[[stops]]
date = 2024-10-01
prompt = { id = "Apa yang Anda siapkan?", en = "What do you prepare?" }

[[stops]]
date = 2024-11-05
prompt = { id = "Hoaks menyebar. Apa yang dilakukan?", en = "A hoax spreads. What now?" }

[[rounds]]
name = "awal"
title = { id = "Awal kampanye", en = "Early campaign" }
start = 2024-09-25
end = 2024-10-31

[[rounds]]
name = "hoaks"
title = { id = "Hoaks", en = "The hoax" }
start = 2024-11-01
end = 2024-11-23

[[rounds]]
name = "pemungutan"
title = { id = "Masa tenang dan pemungutan", en = "Quiet days and voting" }
start = 2024-11-24
end = 2024-11-27

[[rounds]]
name = "sesudah"
title = { id = "Sesudah pemungutan", en = "After voting" }
start = 2024-11-28
end = 2024-12-20
"""


def exercise_file(folder):
    path = folder / "desa_latihan.toml"
    path.write_text(EXERCISE, encoding="utf-8")
    return path


def small_plan(folder, overrides=None, seed=None):
    return plan_of(exercise_file(folder), overrides, seed)
