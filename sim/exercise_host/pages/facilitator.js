// The facilitator's screen: join code and QR, the calendar in rounds, the truth, the debrief.
const $ = id => document.getElementById(id);
const KEY = new URLSearchParams(location.search).get("key") || sessionStorage.getItem("kondusif-key") || "";
sessionStorage.setItem("kondusif-key", KEY);
let view = null, shownLang = null;

async function command(name, body = {}) {
  const answer = await call("/api/command/" + name, {method: "POST", body: JSON.stringify(body)}, {"X-Key": KEY});
  if (!answer.ok) showMessage($("message"), false, refusalText(answer.data));
  else $("message").className = "message";
  poll();
}

async function poll() {
  let answer;
  try { answer = await call("/api/facilitator", {}, {"X-Key": KEY}); } catch (e) { return; }
  if (!answer.ok) { showMessage($("message"), false, refusalText(answer.data)); return; }
  if (!view || answer.data.version !== view.version || shownLang !== lang()) { view = answer.data; render(); }
}

function options(select, items, keep = true) {
  const value = select.value;
  select.replaceChildren(...items.map(([v, label]) => el("option", {value: v}, label)));
  if (keep && items.some(([v]) => String(v) === value)) select.value = value;
}

function outcomeRows(columns) {
  const keys = [["incidents_total", "incidents"], ["riots", "riots"], ["injuries", "injuries"],
    ["peak_tension", "peak_tension"], ["peak_hoax_belief", "peak_hoax"], ["dispute_filed", "dispute"], ["cost", "cost"]];
  const head = el("tr", {}, el("th", {}, ""), ...columns.map(([label]) => el("th", {"class": "num"}, label)));
  const rows = keys.map(([key, label]) => el("tr", {}, el("td", {}, t(label)), ...columns.map(([, o]) => {
    let v = o ? o[key] : null;
    if (key === "cost" && v !== null) v = rupiah(v);
    else if (typeof v === "boolean") v = t(v ? "yes" : "no");
    return el("td", {"class": "num"}, v === null || v === undefined ? "-" : String(v));
  })));
  return el("table", {"data-testid": "outcomes"}, head, ...rows);
}

function render() {
  shownLang = lang();
  const v = view, r = v.round;
  $("address").textContent = v.address;
  $("code").textContent = v.join_code;
  $("round").textContent = `${t("round")} ${r.index + 1} ${t("of")} ${r.total}: ${tx(r.title)} (${r.start} - ${r.end})`;
  const state = v.paused ? "paused" : v.state;
  let status = t("state_" + state);
  if (v.busy) status += ` (${t("busy")}: ${v.busy}${v.progress && v.progress.date ? ", " + v.progress.date : ""})`;
  if (v.failure) status += " - " + v.failure;
  $("state").textContent = status; $("state").className = "state " + state;
  $("prompts").replaceChildren(...(v.state === "deciding" ? r.prompts : []).map(p => el("div", {"class": "prompt"}, tx(p))));
  $("run").disabled = !(v.state === "deciding" && !v.paused && !v.busy);
  $("pause").hidden = v.paused; $("resume").hidden = !v.paused;
  $("inject").disabled = v.state !== "deciding";
  $("end").disabled = !!v.busy || v.state === "ended" || v.state === "running";
  options($("kind"), v.injectable.map(k => [k, k]));
  options($("community"), [["all", "all"], ...v.communities.map(c => [c, c])]);
  options($("rewind-round"), v.rounds.filter(x => x.played || x.index === r.index).map(x => [x.index, `${x.index + 1}: ${tx(x.title)}`]));
  $("download").href = "/api/session?key=" + encodeURIComponent(KEY);
  const seats = v.seats.map(s => el("tr", {"data-testid": "seat-" + s.role}, el("td", {}, tx(s.title)),
    el("td", {}, s.name || t("empty_seat")), el("td", {"class": "num"}, String(s.pending)),
    el("td", {"class": "num"}, rupiah(s.budget_left)),
    el("td", {}, s.name ? el("button", {"class": "secondary", onclick: () => command("release", {role: s.role})}, t("release")) : "")));
  $("seats").replaceChildren(...seats);
  $("pending").replaceChildren(...(v.pending.length ? v.pending.map(d => el("li", {}, `${d.role}: ${d.action} ${JSON.stringify(d.params)} ${rupiah(d.rupiah)}`)) : [el("li", {}, t("none_yet"))]));
  $("events").replaceChildren(...v.injected.map(e => el("li", {}, `${t("events_open")}: ${e.date} ${e.kind} ${e.community} x${e.magnitude}`)));
  $("truth").replaceChildren(v.outcomes ? outcomeRows([[t("room"), v.outcomes]]) : el("p", {}, t("none_yet")));
  $("chart").replaceChildren(v.daily.length ? lineChart([{label: t("incidents"), color: "#183a5a", values: v.daily.map(d => d.incidents)},
    {label: t("clashes"), color: "#c0392b", values: v.daily.map(d => d.clashes)}]) : "");
  $("history").replaceChildren(...v.history.slice().reverse().map(h => el("li", {}, `${h.at.slice(11)} ${h.what} ${h.role || ""} ${h.action || ""} ${h.key ? "- " + (h[lang()] || "") : ""}`)));
  renderDebrief();
}

function renderDebrief() {
  const d = view.debrief;
  $("debrief-box").hidden = !d;
  if (!d) return;
  const table = outcomeRows([[t("room"), d.room.outcomes], [t("no_one"), d.no_one.outcomes], [t("best") + ": " + d.best.strategies.join(", "), d.best.outcomes]]);
  const chart = lineChart([{label: t("room"), color: "#183a5a", values: d.room.daily.map(x => x.incidents)},
    {label: t("no_one"), color: "#c0392b", values: d.no_one.daily.map(x => x.incidents)},
    {label: t("best"), color: "#2e8b57", values: d.best.daily.map(x => x.incidents)}]);
  const who = el("table", {"data-testid": "who-did-what"}, el("tr", {}, el("th", {}, t("round")), el("th", {}, t("role")), el("th", {}, t("action")), el("th", {"class": "num"}, t("cost"))),
    ...d.timeline.map(x => el("tr", {}, el("td", {}, String(x.round + 1)), el("td", {}, x.role), el("td", {}, `${x.action} ${JSON.stringify(x.params)}${x.source === "default" ? " (" + t("by_default") + ")" : ""}`), el("td", {"class": "num"}, rupiah(x.rupiah)))));
  $("debrief").replaceChildren(table, el("h3", {}, t("daily_chart")), chart, el("h3", {}, t("who_did_what")), who);
}

function labels() {
  document.title = t("facilitator");
  $("title").textContent = t("facilitator") + (view ? ": " + tx(view.exercise.title) : "");
  $("lang").textContent = t("lang");
  const texts = {"serving-label": "serving_on", run: "run_round", pause: "pause", resume: "resume",
    "inject-title": "inject", "kind-label": "kind", "community-label": "community", "magnitude-label": "magnitude",
    inject: "inject", "rewind-title": "rewind", rewind: "rewind", end: "end", download: "download",
    "truth-title": "truth", "debrief-title": "debrief", "seats-title": "seats", "pending-title": "decisions_open", "history-title": "history"};
  for (const [id, key] of Object.entries(texts)) $(id).textContent = t(key);
}

$("lang").addEventListener("click", () => { setLang(lang() === "id" ? "en" : "id"); labels(); if (view) render(); });
$("run").addEventListener("click", () => command("run_round"));
$("pause").addEventListener("click", () => command("pause"));
$("resume").addEventListener("click", () => command("resume"));
$("inject").addEventListener("click", () => command("inject", {kind: $("kind").value, community: $("community").value, magnitude: Number($("magnitude").value)}));
$("rewind").addEventListener("click", () => command("rewind", {round: Number($("rewind-round").value)}));
$("end").addEventListener("click", () => command("end"));
setLang(lang()); labels();
poll().then(labels);
setInterval(poll, 1000);
