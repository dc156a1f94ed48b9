// A participant's phone: join with the code, keep the role's token, decide each round.
const TOKEN = "kondusif-token";
const $ = id => document.getElementById(id);
let view = null, chosenRole = null, formKey = null, polling = false;

function token() { return localStorage.getItem(TOKEN) || ""; }

async function showJoin() {
  $("seat").hidden = true; $("join").hidden = false;
  const params = new URLSearchParams(location.search);
  if (params.get("code") && !$("code").value) $("code").value = params.get("code");
  const answer = await call("/api/roles");
  if (!answer.ok) return;
  $("join-exercise").textContent = tx(answer.data.exercise);
  const box = $("roles"); box.replaceChildren();
  for (const role of answer.data.roles) {
    const button = el("button", {"class": "secondary" + (role.key === chosenRole ? " chosen" : ""),
      "data-testid": "role-" + role.key, disabled: role.taken ? "disabled" : null,
      onclick: () => { chosenRole = role.key; $("join-button").disabled = false; showJoin(); }},
      tx(role.title) + (role.taken ? " (" + t("taken") + ")" : ""));
    box.append(button);
  }
}

async function join() {
  const answer = await call("/api/join", {method: "POST", body: JSON.stringify(
    {code: $("code").value, name: $("name").value, role: chosenRole})});
  if (!answer.ok) { showMessage($("join-message"), false, refusalText(answer.data)); showJoin(); return; }
  localStorage.setItem(TOKEN, answer.data.token);
  formKey = null;
  poll();
}

async function poll() {
  if (!token()) { showJoin(); return; }
  let answer;
  try { answer = await call("/api/me", {}, {"X-Token": token()}); }
  catch (e) { showMessage($("offline"), false, t("offline")); return; }
  $("offline").className = "message";
  if (answer.status === 403) { localStorage.removeItem(TOKEN); view = null; showJoin(); return; }
  if (!answer.ok) return;
  if (!view || answer.data.version !== view.version) { view = answer.data; render(); }
}

function render() {
  $("join").hidden = true; $("seat").hidden = false;
  $("role-title").textContent = tx(view.role.title) + (view.role.name ? " - " + view.role.name : "");
  const r = view.round;
  $("round").textContent = `${t("round")} ${r.index + 1} ${t("of")} ${r.total}: ${tx(r.title)} (${r.start} - ${r.end})`;
  const state = view.paused ? "paused" : view.state;
  $("state").textContent = t("state_" + state); $("state").className = "state " + state;
  $("prompts").replaceChildren(...r.prompts.map(p => el("div", {"class": "prompt"}, tx(p))));
  $("budget").textContent = rupiah(view.budget_left);
  $("personnel-box").hidden = view.personnel === null;
  if (view.personnel !== null) $("personnel").textContent = `${Math.round(view.personnel_free)} / ${Math.round(view.personnel)}`;
  $("send").disabled = !(view.state === "deciding" && !view.paused);
  renderForm(); renderDecisions(); renderRequests(); renderReport();
}

function renderForm() {
  const key = `${view.round.index}|${lang()}|${view.state}`;
  const select = $("action");
  if (formKey === key) return;
  const keep = select.value;
  if (formKey && formKey.split("|")[0] !== key.split("|")[0]) $("action-message").className = "message";
  formKey = key;
  select.replaceChildren(...view.actions.map(a => el("option", {value: a.key}, tx(a.title))));
  if (keep && view.actions.some(a => a.key === keep)) select.value = keep;
  renderFields();
}

function renderFields() {
  const action = view.actions.find(a => a.key === $("action").value) || view.actions[0];
  $("action-help").textContent = tx(action.help);
  const box = $("fields"); box.replaceChildren();
  const home = view.role.key.startsWith("camat:") ? view.role.key.slice(6) : null;
  for (const f of action.fields) {
    if (f.type === "community" && home) continue;
    let input;
    if (f.type === "community") input = el("select", {}, ...view.communities.map(c => el("option", {value: c}, c)));
    else if (f.type === "role") input = el("select", {}, ...view.roles.map(r => el("option", {value: r.key}, tx(r.title))));
    else input = el("input", {type: "number", value: f.default, min: f.min, max: f.max, step: f.type === "integer" ? 1 : "any"});
    input.id = "field-" + f.name; input.dataset.testid = "field-" + f.name; input.dataset.type = f.type;
    box.append(el("label", {"for": input.id}, tx(f.label) || f.name), input);
  }
}

async function send() {
  $("action-message").className = "message";  // the answer shown is this decision's
  const params = {};
  for (const input of $("fields").querySelectorAll("input, select")) {
    const name = input.id.slice(6);
    params[name] = ["number", "integer"].includes(input.dataset.type) ? Number(input.value) : input.value;
  }
  const answer = await call("/api/decide", {method: "POST", body: JSON.stringify(
    {action: $("action").value, params, round: view.round.index})}, {"X-Token": token()});
  showMessage($("action-message"), answer.ok, answer.ok ? t("accepted") + " (" + rupiah(answer.data.decision.rupiah) + ")" : refusalText(answer.data));
  poll();
}

function describe(d) {
  const action = view.actions.find(a => a.key === d.action);
  const params = Object.entries(d.params).map(([k, v]) => `${k}=${v}`).join(", ");
  return `${t("round")} ${d.round + 1}: ${action ? tx(action.title) : d.action} (${params}) ${rupiah(d.rupiah)}`;
}

function renderDecisions() {
  $("decisions-title").textContent = t("my_decisions");
  const items = view.decisions.slice().reverse().map(d => {
    const open = d.round === view.round.index && view.state === "deciding";
    const status = d.source === "default" ? t("by_default") : (open ? t("pending") : t("done"));
    const item = el("li", {"data-testid": "decision"}, describe(d) + " - " + status + " ");
    if (open && d.action !== "transfer") item.append(el("button", {"class": "secondary", onclick: () => cancel(d.id)}, t("cancel")));
    return item;
  });
  $("decisions").replaceChildren(...(items.length ? items : [el("li", {}, t("none_yet"))]));
}

function renderRequests() {
  const box = $("requests").parentElement;
  box.hidden = view.requests.length === 0;
  $("requests-title").textContent = t("requests");
  $("requests").replaceChildren(...view.requests.map(d => el("li", {}, `${t("round")} ${d.round + 1}: ${d.role} - ${d.params.community}, ${d.params.personnel || d.params.people} (${d.params.days} ${t("day")})`)));
}

function renderReport() {
  const report = view.report;
  $("report-title").textContent = t("report");
  const columns = report.indicators;
  const head = el("tr", {}, el("th", {}, t("community")), el("th", {"class": "num"}, t("ikp")),
    ...columns.map(c => el("th", {"class": "num", title: `${t("as_of")} ${report.as_of[c.key] || "-"}`}, tx(c.label))));
  const rows = report.rows.slice().sort((a, b) => (b.tension ?? b.hoax_belief ?? b.ikp) - (a.tension ?? a.hoax_belief ?? a.ikp)).map(row =>
    el("tr", {}, el("td", {}, row.community), el("td", {"class": "num"}, String(row.ikp)),
      ...columns.map(c => el("td", {"class": "num"}, row[c.key] === null || row[c.key] === undefined ? "-" : String(row[c.key])))));
  const notes = columns.map(c => `${tx(c.label)}: ${report.as_of[c.key] ? t("as_of") + " " + report.as_of[c.key] : t("no_report")}${c.delay_days ? " (" + c.delay_days + " " + t("late_days") + ")" : ""}`);
  $("report").replaceChildren(el("table", {}, head, ...rows), el("p", {"class": "muted"}, notes.join("; ")));
}

async function cancel(id) {
  const answer = await call("/api/cancel", {method: "POST", body: JSON.stringify({id})}, {"X-Token": token()});
  if (!answer.ok) showMessage($("action-message"), false, refusalText(answer.data));
  poll();
}

function labels() {
  document.title = t("title");
  $("title").textContent = t("title"); $("lang").textContent = t("lang");
  $("join-title").textContent = t("join"); $("code-label").textContent = t("code");
  $("name-label").textContent = t("name"); $("pick-role").textContent = t("pick_role");
  $("join-button").textContent = t("join"); $("budget-label").textContent = t("budget");
  $("personnel-label").textContent = t("personnel"); $("action-title").textContent = t("action");
  $("send").textContent = t("send");
}

$("lang").addEventListener("click", () => { setLang(lang() === "id" ? "en" : "id"); labels(); formKey = null; if (view) render(); else showJoin(); });
$("join-button").addEventListener("click", join);
$("send").addEventListener("click", send);
$("action").addEventListener("change", renderFields);
setLang(lang()); labels(); poll();
setInterval(poll, 1500);
